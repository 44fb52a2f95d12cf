//! The trend chart's keyboard cursor: while the chart has the keyboard, ← and → move it a day,
//! Page Up and Page Down a week (or the week or month each point of the chart stands for, when
//! it shows weekly or monthly means), Home and End to the first and last day shown. The shown
//! days follow it; it reads the day's values, note and sessions (and, at weekly or monthly
//! scale, the means of its week or month), as the chart's value, which a screen reader says
//! when it changes; and paints the hover's label beside a line on its day.

use chrono::{Days, NaiveDate};
use egui::{Key, Modifiers};

use crate::analysis::{DayRange, JournalIndex, Resolution, date_from_day_number, day_number};
use crate::model::{Journal, Metric, Session};
use crate::report::{text, wording};
use crate::ui::widgets::ARROWS;

/// Where the cursor is and what it says there.
#[derive(Default)]
pub(super) struct Cursor {
    /// The day it is on; `None` until the chart first has the keyboard.
    pub day: Option<NaiveDate>,
    /// What it reads and the label it paints, for the day, journal revision, metrics and scale
    /// they were made for (made again only when one of them changes).
    said: Option<(SaidKey, Said)>,
}

/// What the cursor's words depend on.
type SaidKey = (NaiveDate, u64, Vec<Metric>, Resolution);

/// The cursor's words: read by a screen reader, and painted on the chart.
#[derive(Clone)]
pub(super) struct Said {
    /// One sentence: "Tue 12 May 2026: pain 5, sleep quality 6; session: Swedish, 60 min."
    pub read: String,
    /// The hover's label for the day, line by line.
    pub label: String,
}

/// What the cursor needs of the chart: the journal, its index, the metrics chosen.
pub(super) struct Context<'a> {
    pub journal: &'a Journal,
    pub index: &'a JournalIndex,
    pub shown: &'a [Metric],
}

impl Cursor {
    /// Inside the chart, each pass: when it has the keyboard, keep the arrows from moving the
    /// focus, place the cursor (on the last day shown, or where it was if still shown) and
    /// move it by the keys pressed, within `limits`. Returns the days to show instead of
    /// `(min, max)` when the cursor left them (the same span, moved to keep it in view).
    pub fn keys(
        &mut self,
        plot_ui: &egui_plot::PlotUi<'_>,
        (min, max): (f64, f64),
        resolution: Resolution,
        limits: DayRange,
    ) -> Option<(f64, f64)> {
        let response = plot_ui.response();
        if !response.has_focus() {
            return None;
        }
        let id = response.id;
        let ctx = plot_ui.ctx().clone();
        ctx.memory_mut(|memory| memory.set_focus_lock_filter(id, ARROWS));
        let first = date_from_day_number(min.ceil())?;
        let last = date_from_day_number(max.floor())?;
        let mut day = self.day.unwrap_or(last);
        if response.gained_focus() && !(first..=last).contains(&day) {
            day = last;
        }
        let pressed = ctx.input_mut(|input| {
            [
                Key::ArrowLeft,
                Key::ArrowRight,
                Key::PageUp,
                Key::PageDown,
                Key::Home,
                Key::End,
            ]
            .into_iter()
            .find(|key| input.consume_key(Modifiers::NONE, *key))
        });
        if let Some(key) = pressed {
            day = step(day, key, resolution, (first, last)).unwrap_or(day);
            ctx.request_repaint();
        }
        let day = day.clamp(limits.from.min(first), limits.to.max(last));
        self.day = Some(day);
        let x = day_number(day);
        let shift = if x - 0.5 < min {
            x - 0.5 - min
        } else if x + 0.5 > max {
            x + 0.5 - max
        } else {
            return None;
        };
        Some((min + shift, max + shift))
    }

    /// The cursor's words on its day (made again only when something they say changes).
    pub fn said(&mut self, chart: &Context<'_>, resolution: Resolution) -> Option<Said> {
        let day = self.day?;
        let key = (
            day,
            chart.journal.revision(),
            chart.shown.to_vec(),
            resolution,
        );
        if let Some((said_key, said)) = &self.said
            && *said_key == key
        {
            return Some(said.clone());
        }
        let said = Said {
            read: reading(chart, day, resolution),
            label: super::hover::hover_text(chart.journal, chart.index, day_number(day)),
        };
        self.said = Some((key, said.clone()));
        Some(said)
    }
}

/// The day `key` moves the cursor to from `day`; `None` past the calendar's ends.
fn step(
    day: NaiveDate,
    key: Key,
    resolution: Resolution,
    (first, last): (NaiveDate, NaiveDate),
) -> Option<NaiveDate> {
    let one = Days::new(1);
    match (key, resolution) {
        (Key::ArrowLeft, _) => day.checked_sub_days(one),
        (Key::ArrowRight, _) => day.checked_add_days(one),
        (Key::Home, _) => Some(first),
        (Key::End, _) => Some(last),
        (Key::PageUp, Resolution::Daily) => day.checked_sub_days(Days::new(7)),
        (Key::PageDown, Resolution::Daily) => day.checked_add_days(Days::new(7)),
        // The first day of the week or month before, or after.
        (Key::PageUp, _) => {
            let start = resolution.bucket_start(day);
            Some(resolution.bucket_start(start.checked_sub_days(one)?))
        }
        (Key::PageDown, _) => resolution.next_start(resolution.bucket_start(day)),
        _ => Some(day),
    }
}

/// What the cursor reads on `day`: "Tue 12 May 2026: pain 5, sleep quality 6; session:
/// Swedish, 60 min, with Anna." or "Wed 13 May 2026: not logged; no session."; at weekly or
/// monthly scale followed by the means of its week or month.
pub(super) fn reading(chart: &Context<'_>, day: NaiveDate, resolution: Resolution) -> String {
    let logged = chart.journal.day(day);
    let values: Vec<String> = chart
        .shown
        .iter()
        .filter_map(|metric| {
            let value = logged.and_then(|d| metric.of(d))?;
            Some(format!("{} {value}", wording::metric_name(*metric)))
        })
        .collect();
    let mut said = format!(
        "{}: {}",
        text::date(day),
        if values.is_empty() {
            "not logged".to_owned()
        } else {
            values.join(", ")
        }
    );
    if let Some(note) = logged.map(|d| d.note.trim()).filter(|n| !n.is_empty()) {
        let note: String = note.chars().take(120).collect();
        said.push_str(&format!("; note: {note}"));
    }
    said.push_str("; ");
    said.push_str(&sessions_said(chart.journal.sessions_on(day)));
    said.push('.');
    if resolution != Resolution::Daily {
        said.push(' ');
        said.push_str(&bucket_said(chart, day, resolution));
    }
    said
}

/// "no session", "session: Swedish, 60 min, with Anna, pain 6 before and 4 after", "sessions:
/// …; …".
pub(super) fn sessions_said(sessions: &[Session]) -> String {
    let each: Vec<String> = sessions.iter().map(session_said).collect();
    match each.len() {
        0 => "no session".to_owned(),
        1 => format!("session: {}", each[0]),
        _ => format!("sessions: {}", each.join("; ")),
    }
}

/// "Swedish, 60 min, with Anna, pain 6 before and 4 after".
pub(super) fn session_said(session: &Session) -> String {
    let mut said = format!("{}, {} min", session.kind, session.minutes);
    if let Some(therapist) = &session.therapist {
        said.push_str(&format!(", with {therapist}"));
    }
    if let (Some(before), Some(after)) = (session.pain_before, session.pain_after) {
        said.push_str(&format!(", pain {before} before and {after} after"));
    }
    said
}

/// The week or month holding `day`, as the chart's point for it shows: "Week of Mon 11 May
/// 2026: mean pain 5.2 over 6 days, sleep quality 6.0 over 6 days; 2 sessions."
fn bucket_said(chart: &Context<'_>, day: NaiveDate, resolution: Resolution) -> String {
    let from = resolution.bucket_start(day);
    let to = resolution
        .next_start(from)
        .and_then(|next| next.pred_opt())
        .unwrap_or(from);
    let range = DayRange::new(from, to);
    let name = match resolution {
        Resolution::Monthly => from.format("%B %Y").to_string(),
        _ => format!("Week of {}", text::date(from)),
    };
    let means: Vec<String> = chart
        .shown
        .iter()
        .filter_map(|metric| {
            let (mean, days) = chart.index.daily.mean(*metric, range);
            Some(format!(
                "{} {:.1} over {}",
                wording::metric_name(*metric),
                mean?,
                text::days(days)
            ))
        })
        .collect();
    let sessions = chart
        .journal
        .sessions()
        .iter()
        .filter(|s| range.contains(s.date()))
        .count();
    let sessions = match sessions {
        0 => "no session".to_owned(),
        1 => "1 session".to_owned(),
        n => format!("{n} sessions"),
    };
    if means.is_empty() {
        format!("{name}: nothing logged; {sessions}.")
    } else {
        format!("{name}: mean {}; {sessions}.", means.join(", "))
    }
}
