//! The calendar's words, the same in the window's Year view and in the report: what a day
//! reads, the calendar in one paragraph, the legend's steps, and the month and year summaries
//! ("1.2 lower than April").

use crate::analysis::calendar::{
    Calendar, CalendarDay, PeriodSummary, Span, month_summaries, step_values,
};
use crate::analysis::{DayRange, JournalIndex};
use crate::model::{CareVisit, Journal, Metric, Session};

use super::{text, wording};

/// Periods longer than this many days print a calendar of pain beside the trend chart.
pub const CALENDAR_AFTER_DAYS: usize = 90;

/// The report's calendar: pain day by day over the period, and the calendar in words (its text
/// alternative).
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarFigure {
    /// Pain day by day.
    pub calendar: Calendar,
    /// [`in_words`] of it.
    pub words: String,
}

/// The calendar of pain a report of `period` prints: `None` for periods of up to
/// [`CALENDAR_AFTER_DAYS`] days, whose trend chart already shows every day.
pub fn figure(journal: &Journal, index: &JournalIndex, period: DayRange) -> Option<CalendarFigure> {
    if period.len() <= CALENDAR_AFTER_DAYS {
        return None;
    }
    let calendar = Calendar::new(journal, index, Metric::Pain, period);
    let words = in_words(&calendar, &month_summaries(journal, index, period));
    Some(CalendarFigure { calendar, words })
}

/// "0", "1–2": the values step `step_index` of the scale shows, as the legend writes them.
pub fn step_label(metric: Metric, step_index: usize) -> String {
    match step_values(metric, step_index) {
        (low, high) if low == high => low.to_string(),
        (low, high) => format!("{low}–{high}"),
    }
}

/// What the colours mean: "Pain (0 = none, 10 = worst imaginable): the darker, the worse.
/// An empty square is a day without pain logged."
pub fn legend(metric: Metric) -> String {
    let name = wording::metric_name(metric);
    format!(
        "{} ({}): the darker, the worse. An empty square is a day without {name} logged.",
        metric.name(),
        metric.scale()
    )
}

/// What a day of the calendar reads: "Tue 24 Nov 2026: pain 5; session (Swedish); no care
/// visit." A day with no record reads "not logged"; a record without the metric "pain not
/// logged".
pub fn day_reading(journal: &Journal, metric: Metric, day: &CalendarDay) -> String {
    let name = wording::metric_name(metric);
    let value = match (day.value, day.logged) {
        (Some(value), _) => format!("{name} {value}"),
        (None, true) => format!("{name} not logged"),
        (None, false) => "not logged".to_owned(),
    };
    let sessions = journal.sessions_on(day.date);
    let sessions = match sessions.len() {
        0 => "no session".to_owned(),
        1 => format!("session ({})", kinds(sessions)),
        n => format!("{n} sessions ({})", kinds(sessions)),
    };
    let visits: Vec<String> = if day.care_visits == 0 {
        Vec::new()
    } else {
        journal
            .care_visits()
            .iter()
            .filter(|v| v.date == day.date)
            .map(CareVisit::label)
            .collect()
    };
    let care = match visits.len() {
        0 => "no care visit".to_owned(),
        1 => format!("care visit ({})", visits[0]),
        n => format!("{n} care visits ({})", visits.join(", ")),
    };
    format!("{}: {value}; {sessions}; {care}.", text::date(day.date))
}

/// "Swedish, Deep tissue".
fn kinds(sessions: &[Session]) -> String {
    let names: Vec<String> = sessions.iter().map(|s| s.kind.to_string()).collect();
    names.join(", ")
}

/// "May 2026" or "2026".
pub fn summary_name(summary: &PeriodSummary) -> String {
    match summary.span {
        Span::Month => summary.start.format("%B %Y").to_string(),
        Span::Year => summary.start.format("%Y").to_string(),
    }
}

/// The month or year before, as the change names it: "April", "2025".
fn previous_name(summary: &PeriodSummary) -> String {
    match summary.span {
        Span::Month => summary.previous_start.format("%B").to_string(),
        Span::Year => summary.previous_start.format("%Y").to_string(),
    }
}

/// The change in mean pain from the month or year before: "1.2 lower than April", "0.3 higher
/// than 2025", "the same as April", "no pain logged in April"; "no pain logged" when this one
/// has none.
pub fn change_words(summary: &PeriodSummary) -> String {
    let before = previous_name(summary);
    match (summary.mean_pain, summary.previous_mean) {
        (None, _) => "no pain logged".to_owned(),
        (Some(_), None) => format!("no pain logged in {before}"),
        (Some(now), Some(then)) => {
            let change = now - then;
            if change.abs() < 0.05 {
                format!("the same as {before}")
            } else if change < 0.0 {
                format!("{:.1} lower than {before}", -change)
            } else {
                format!("{change:.1} higher than {before}")
            }
        }
    }
}

/// The summaries' columns.
pub const SUMMARY_HEADERS: [&str; 7] = [
    "Period",
    "Days logged",
    "Mean pain",
    "Worst pain",
    "Sessions",
    "Care visits",
    "Mean pain against the one before",
];

/// A summary's row under [`SUMMARY_HEADERS`]: "May 2026", "28 of 31", "4.2", "7", "3", "1",
/// "1.2 lower than April".
pub fn summary_row(summary: &PeriodSummary) -> Vec<String> {
    vec![
        summary_name(summary),
        format!("{} of {}", summary.logged, summary.range.len()),
        text::one_decimal(summary.mean_pain),
        summary
            .worst_pain
            .map_or_else(|| text::NONE.to_owned(), |w| w.to_string()),
        summary.sessions.to_string(),
        summary.care_visits.to_string(),
        change_words(summary),
    ]
}

/// The calendar in words, for a screen reader and the report's text alternative: "Pain by day,
/// Wed 1 Jul 2026 to Wed 30 Jun 2027: 290 of 365 days with pain logged, mean 4.2; worst month
/// April 2027 (mean 5.6); best month June 2027 (mean 2.1); 24 session days; 3 care visits."
pub fn in_words(calendar: &Calendar, months: &[PeriodSummary]) -> String {
    let metric = calendar.metric;
    let name = wording::metric_name(metric);
    let mut said = format!(
        "{} by day, {} to {}: ",
        metric.name(),
        text::date(calendar.range.from),
        text::date(calendar.range.to)
    );
    let values: Vec<u8> = calendar.days().iter().filter_map(|d| d.value).collect();
    if values.is_empty() {
        said.push_str(&format!("no day with {name} logged"));
    } else {
        let mean = values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64;
        said.push_str(&format!(
            "{} of {} with {name} logged, mean {mean:.1}",
            values.len(),
            text::days(calendar.days().len())
        ));
    }
    if metric == Metric::Pain {
        let ranked: Vec<(String, f64)> = months
            .iter()
            .filter_map(|m| Some((summary_name(m), m.mean_pain?)))
            .collect();
        let worst = ranked.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let best = ranked.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(worst), Some(best), true) = (worst, best, ranked.len() > 1) {
            said.push_str(&format!(
                "; worst month {} (mean {:.1}); best month {} (mean {:.1})",
                worst.0, worst.1, best.0, best.1
            ));
        }
    }
    let session_days = calendar.days().iter().filter(|d| d.sessions > 0).count();
    let visits: usize = calendar.days().iter().map(|d| d.care_visits).sum();
    said.push_str(&format!(
        "; {}; {}.",
        count(session_days, "session day", "session days"),
        count(visits, "care visit", "care visits")
    ));
    said
}

/// "no session day", "1 session day", "24 session days".
fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {one}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::DayRange;
    use crate::model::parse_date;

    fn summary(mean: Option<f64>, previous: Option<f64>, span: Span) -> PeriodSummary {
        let start = parse_date("2026-05-01").unwrap_or_default();
        PeriodSummary {
            span,
            start,
            range: DayRange::new(start, start),
            logged: 0,
            mean_pain: mean,
            pain_days: 0,
            worst_pain: None,
            sessions: 0,
            care_visits: 0,
            previous_start: parse_date("2026-04-01").unwrap_or_default(),
            previous_mean: previous,
        }
    }

    #[test]
    fn the_change_names_the_month_before_and_which_way() {
        let month = |now, then| change_words(&summary(now, then, Span::Month));
        assert_eq!(month(Some(3.0), Some(4.2)), "1.2 lower than April");
        assert_eq!(month(Some(4.5), Some(4.2)), "0.3 higher than April");
        assert_eq!(month(Some(4.22), Some(4.2)), "the same as April");
        assert_eq!(month(Some(4.0), None), "no pain logged in April");
        assert_eq!(month(None, Some(4.0)), "no pain logged");
        assert_eq!(
            change_words(&summary(Some(3.0), Some(4.0), Span::Year)),
            "1.0 lower than 2026"
        );
    }

    #[test]
    fn the_legend_steps_run_from_the_better_end() {
        let labels: Vec<String> = (0..6).map(|s| step_label(Metric::Pain, s)).collect();
        assert_eq!(labels, ["0", "1–2", "3–4", "5–6", "7–8", "9–10"]);
        let sleep: Vec<String> = (0..6).map(|s| step_label(Metric::Sleep, s)).collect();
        assert_eq!(sleep, ["10", "8–9", "6–7", "4–5", "2–3", "0–1"]);
    }
}
