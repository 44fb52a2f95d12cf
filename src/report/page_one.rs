//! Page one of the report, worded once from the [`Summary`]: its title, period, key figures,
//! sessions, regions, message and notes. The PDF, the Markdown and the window's preview render
//! this model and differ only in layout and markup, except where a field says which of them it
//! is for (the three have always worded a few things their own way).

use super::summary::{EarlierData, GroupKey};
use super::text::{
    SELF_REPORTED, before_after, change, date, date_range, days, one_decimal, or_none, relief,
    short_date, short_date_range,
};
use super::wording::{self, Group};
use super::{SessionLine, Summary};
use crate::analysis::Comparison;
use crate::model::Metric;

/// The title, before the name.
pub const TITLE: &str = "Pain diary summary";
/// Said where the period has no session.
pub const NO_SESSIONS: &str = "No sessions in this period.";
/// The heading over the regions.
pub const REGIONS_HEADING: &str = "Most often painful";
/// Said where the period has no region.
pub const NO_REGIONS: &str = "No regions logged in this period.";
/// The heading over the message in the PDF.
pub const MESSAGE_HEADING_IN_PRINT: &str = "Message from the patient";
/// The heading over the message in the Markdown and the preview.
pub const MESSAGE_HEADING: &str = "Message";
/// After the change where pain fell meaningfully, in the PDF and the preview (their notes say
/// what the star means).
pub const MEANINGFUL_MARK: &str = " *";
/// The same in the Markdown.
pub const MEANINGFUL_MARK_IN_FULL: &str = " (meaningful)";
/// Said where the period has no pain logged.
const NOT_LOGGED: &str = "not logged";
const DAYS_LOGGED: &str = "Days logged";
const WORST_PAIN: &str = "Worst pain";
/// How many regions the Markdown lists (the PDF and the preview name up to six).
pub const REGIONS_IN_MARKDOWN: usize = 5;
/// How many regions page one names.
const REGIONS_SHOWN: usize = 6;
/// How many sessions page one lists at most: the most recent.
pub const SESSIONS_SHOWN: usize = 10;
/// How many kinds and therapists page one answers for at most, beside all sessions (the PDF
/// names fewer when the page is full).
pub const ANSWER_GROUPS: usize = 4;
/// The heading over the answer.
pub const ANSWER_HEADING: &str = "Did the sessions help?";
/// Said where the previous period lies before the journal's first day.
pub const NO_EARLIER_DATA: &str = "no earlier data";
/// The name of all sessions, as a row of the forest plot.
pub const ALL_SESSIONS: &str = "All sessions";

/// A key figure: what it is, its value, and what goes with it in brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// "Worst pain".
    pub label: String,
    /// "7".
    pub value: String,
    /// "3 Sep 2026": the day of the worst pain, the change from the previous period.
    pub detail: Option<String>,
}

impl Figure {
    fn new(label: impl Into<String>, value: String, detail: Option<String>) -> Self {
        Self {
            label: label.into(),
            value,
            detail,
        }
    }

    /// The value, then the detail in brackets after `gap`: "7  (3 Sep 2026)".
    pub fn value_and_detail(&self, gap: &str) -> String {
        match &self.detail {
            Some(detail) => format!("{}{gap}({detail})", self.value),
            None => self.value.clone(),
        }
    }
}

/// A session of the period, worded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    /// Its day in full, "Mon 1 Sep 2026" (the Markdown).
    pub date: String,
    /// Its day, "1 Sep 2026" (the PDF and the preview).
    pub short_date: String,
    /// Its kind as people read it (the user's own name for an "other" kind).
    pub kind: String,
    /// The therapist, or "–" (the user's own text).
    pub therapist: String,
    /// "5.3 → 4.1", or "not enough data" on a side.
    pub before_after: String,
    /// "-1.2".
    pub change: String,
    /// Pain fell by at least 2 points or 30%.
    pub meaningful_drop: bool,
    /// "2 lower".
    pub relief: String,
}

impl SessionRow {
    /// `mark` if pain fell meaningfully, else nothing.
    pub fn mark(&self, mark: &'static str) -> &'static str {
        if self.meaningful_drop { mark } else { "" }
    }

    /// Before → after with the change beside it, "5.7 → 5.3 (0.4 lower)" and its mark; without
    /// the change where there is none ("not enough data → 4.4", never "(–)").
    pub fn before_after_and_change(&self, mark: &'static str) -> String {
        if self.change == super::text::NONE {
            self.before_after.clone()
        } else {
            format!("{} ({}){}", self.before_after, self.change, self.mark(mark))
        }
    }
}

/// Under the sessions: how to read them. The PDF, the Markdown and the preview each say it in
/// their own words (the caveat about regression to the mean stands beside the answer).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionsNote {
    /// The PDF's paragraph.
    pub print: String,
    /// The Markdown's paragraph.
    pub markdown: String,
    /// The preview's line.
    pub preview: String,
    /// What the PDF's mark means, said only under rows that carry it.
    pub print_mark: String,
    /// The same for the Markdown.
    pub markdown_mark: String,
}

impl SessionsNote {
    /// The PDF's paragraph under `rows`, with the mark explained when one of them carries it.
    pub fn print_for(&self, rows: &[SessionRow]) -> String {
        Self::with_mark(&self.print, &self.print_mark, rows)
    }

    /// The Markdown's paragraph under `rows`, likewise.
    pub fn markdown_for(&self, rows: &[SessionRow]) -> String {
        Self::with_mark(&self.markdown, &self.markdown_mark, rows)
    }

    fn with_mark(note: &str, mark: &str, rows: &[SessionRow]) -> String {
        if rows.iter().any(|row| row.meaningful_drop) {
            format!("{note} {mark}")
        } else {
            note.to_owned()
        }
    }
}

/// The answer for one group of sessions: all, a kind or a therapist.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerLine {
    /// "All sessions", "Deep tissue", "Anna Berg" (the user's own text for a therapist).
    pub label: String,
    /// Which sessions (none: all of them).
    pub group: Option<GroupKey>,
    /// Pain after them against ordinary weeks.
    pub compared: Comparison,
}

impl AnswerLine {
    /// The line for all sessions.
    pub fn of_all(compared: &Comparison) -> Self {
        Self {
            label: ALL_SESSIONS.to_owned(),
            group: None,
            compared: compared.clone(),
        }
    }

    /// The line for a kind or a therapist.
    pub fn of(group: GroupKey, compared: &Comparison) -> Self {
        let label = match &group {
            GroupKey::Kind(kind) => kind.label().to_owned(),
            GroupKey::Therapist(name) => name.clone(),
        };
        Self {
            label,
            group: Some(group),
            compared: compared.clone(),
        }
    }

    /// The sentence ([`wording::comparison`]), with a therapist's name as `literal` makes it.
    pub fn sentence(&self, literal: impl FnOnce(&str) -> String) -> String {
        let metric = Metric::Pain;
        match &self.group {
            None => wording::comparison(Group::All, metric, &self.compared),
            Some(GroupKey::Kind(kind)) => {
                wording::comparison(Group::Kind(*kind), metric, &self.compared)
            }
            Some(GroupKey::Therapist(name)) => {
                let name = literal(name);
                wording::comparison(Group::Therapist(&name), metric, &self.compared)
            }
        }
    }
}

/// The answer first: pain after the period's sessions against ordinary weeks.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// All sessions of the period.
    pub all: AnswerLine,
    /// The kinds and therapists with an answer, the clearest first, at most
    /// [`ANSWER_GROUPS`].
    pub groups: Vec<AnswerLine>,
    /// What is compared with what.
    pub scope: String,
    /// Beside it: why sessions are compared with ordinary weeks, and what the comparison is not.
    pub caveat: String,
}

/// Everything page one says.
#[derive(Clone, Debug, PartialEq)]
pub struct PageOne {
    /// The patient's name, as typed: each rendering makes it literal in its own way.
    pub name: Option<String>,
    /// "Mon 1 Sep 2026 – Sun 30 Nov 2026 (91 days)".
    pub period: String,
    /// "Self-reported by the patient; not a diagnosis. Made with painlog on 1 Dec 2026." (the
    /// preview, not made yet, says only [`SELF_REPORTED`]).
    pub attribution: String,
    /// Days logged, average pain, worst pain, against the previous period: the box of the PDF
    /// and the grid of the preview.
    pub figures: [Figure; 4],
    /// "Against the previous 91 days": the last figure's label where no note names the previous
    /// period (the preview).
    pub against_previous_days: String,
    /// Under the PDF's box: the previous period and the pain scale.
    pub previous_period: String,
    /// The same figures as the Markdown lists them, with the period first and more said.
    pub facts: Vec<Figure>,
    /// The answer: did the sessions of the period help?
    pub answer: Answer,
    /// "Massage sessions in this period (3)".
    pub sessions_heading: String,
    /// The most recent sessions of the period, at most [`SESSIONS_SHOWN`], in date order.
    pub sessions: Vec<SessionRow>,
    /// The period's sessions not among them.
    pub earlier_sessions: usize,
    /// Whether the PDF has the sessions table the earlier sessions are in.
    pub sessions_table: bool,
    /// The before → after column: "Pain 7 d before → after".
    pub before_after_column: String,
    /// The same, in full (the Markdown): "Pain 7 days before → after".
    pub before_after_column_in_full: String,
    /// How to read the sessions.
    pub sessions_note: SessionsNote,
    /// Regions most often painful and their days ("12 days"), most first, at most six.
    pub regions: Vec<(String, String)>,
    /// The patient's message, trimmed (empty: none).
    pub message: String,
    /// The parts the PDF goes on with, in order ("the trend chart", …).
    pub follows: Vec<&'static str>,
}

/// The title with `name` (made literal for the output by `literal`), or without one.
pub fn title_with(name: Option<&str>, literal: impl FnOnce(&str) -> String) -> String {
    match name {
        Some(name) => format!("{TITLE}: {}", literal(name)),
        None => TITLE.to_owned(),
    }
}

impl PageOne {
    /// Page one of `summary`.
    pub fn new(summary: &Summary) -> Self {
        let period = format!(
            "{} ({})",
            date_range(summary.from, summary.to),
            days(summary.days_in_period)
        );
        let against_previous_days =
            format!("Against the previous {}", days(summary.days_in_period));
        let shown = summary.sessions.len().min(SESSIONS_SHOWN);
        let recent = &summary.sessions[summary.sessions.len() - shown..];
        Self {
            name: summary.name.clone(),
            facts: facts(summary, &period, &against_previous_days),
            period,
            attribution: format!(
                "{SELF_REPORTED} Made with painlog on {}.",
                short_date(summary.made.date())
            ),
            figures: figures(summary),
            previous_period: previous_period(summary),
            against_previous_days,
            answer: answer(summary),
            sessions_heading: format!(
                "Massage sessions in this period ({})",
                summary.sessions.len()
            ),
            sessions: recent.iter().map(session_row).collect(),
            earlier_sessions: summary.sessions.len() - shown,
            sessions_table: summary.sections.sessions,
            before_after_column: format!("Pain {} d before → after", summary.window),
            before_after_column_in_full: format!("Pain {} days before → after", summary.window),
            sessions_note: sessions_note(summary),
            regions: summary
                .regions
                .iter()
                .take(REGIONS_SHOWN)
                .map(|(region, n)| (region.clone(), days(*n)))
                .collect(),
            message: summary.message.clone(),
            follows: follows(summary),
        }
    }

    /// "Pain diary summary: Jane", with the name as `literal` makes it.
    pub fn title(&self, literal: impl FnOnce(&str) -> String) -> String {
        title_with(self.name.as_deref(), literal)
    }

    /// The regions in a line: "Neck (12 days)", then the others after `separator`.
    pub fn regions_line(&self, separator: &str) -> String {
        self.regions
            .iter()
            .map(|(region, days)| format!("{region} ({days})"))
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// The figures' labels where no note under them names the previous period (the preview):
    /// the last one says how long that period is.
    pub fn labels_without_note(&self) -> [&str; 4] {
        let [days_logged, average, worst, _] = &self.figures;
        [
            &days_logged.label,
            &average.label,
            &worst.label,
            &self.against_previous_days,
        ]
    }

    /// Under the sessions, when page one lists only the last `shown` of them: "and 990 earlier
    /// sessions (see the sessions table)".
    pub fn earlier_line(&self, shown: usize) -> Option<String> {
        self.earlier(shown, "see the sessions table")
    }

    /// The same for the Markdown, which has no table: "(see the sessions table of the PDF
    /// report)".
    pub fn earlier_line_in_full(&self, shown: usize) -> Option<String> {
        self.earlier(shown, "see the sessions table of the PDF report")
    }

    fn earlier(&self, shown: usize, see: &str) -> Option<String> {
        let earlier = self.earlier_sessions + self.sessions.len().saturating_sub(shown);
        let noun = if earlier == 1 { "session" } else { "sessions" };
        let see = if self.sessions_table {
            see
        } else {
            "the sessions table is left out of this report"
        };
        (earlier > 0).then(|| format!("and {earlier} earlier {noun} ({see})"))
    }

    /// "The PDF goes on with the trend chart, the notes.", unless nothing follows.
    pub fn follows_line(&self) -> Option<String> {
        (!self.follows.is_empty())
            .then(|| format!("The PDF goes on with {}.", self.follows.join(", ")))
    }
}

fn figures(summary: &Summary) -> [Figure; 4] {
    let (worst, worst_day) = match worst(summary) {
        Some((worst, day)) => (worst.to_string(), Some(short_date(day))),
        None => (NOT_LOGGED.to_owned(), None),
    };
    [
        Figure::new(DAYS_LOGGED, days_logged(summary), None),
        Figure::new(
            "Average pain (0–10)",
            one_decimal(summary.average_pain),
            None,
        ),
        Figure::new(WORST_PAIN, worst, worst_day),
        match summary.earlier_data() {
            EarlierData::None(_) => Figure::new(
                "Against the previous period",
                NO_EARLIER_DATA.to_owned(),
                None,
            ),
            EarlierData::Whole | EarlierData::Partly(_) => Figure::new(
                "Against the previous period",
                format!(
                    "{} → {}",
                    one_decimal(summary.previous_average_pain),
                    one_decimal(summary.average_pain)
                ),
                Some(change(summary.change_from_previous)),
            ),
        },
    ]
}

/// Under the PDF's box: the previous period, how much of it the journal covers, and the scale.
fn previous_period(summary: &Summary) -> String {
    let range = short_date_range(summary.previous_from, summary.previous_to);
    let covered = match summary.earlier_data() {
        EarlierData::Whole => "the same length".to_owned(),
        EarlierData::Partly(first) => format!(
            "the same length; the journal starts on {}, so its average rests on the {} with pain logged from then",
            short_date(first),
            days(summary.previous_pain_days)
        ),
        EarlierData::None(Some(first)) => format!(
            "before the journal's first day ({}): {NO_EARLIER_DATA} to compare with",
            short_date(first)
        ),
        EarlierData::None(None) => format!("{NO_EARLIER_DATA} to compare with"),
    };
    format!("Previous period: {range}, {covered}. Pain: 0 = none, 10 = worst imaginable.")
}

fn session_row(s: &SessionLine) -> SessionRow {
    SessionRow {
        date: date(s.date),
        short_date: short_date(s.date),
        kind: s.kind.label().to_owned(),
        therapist: or_none(s.therapist.as_deref()),
        before_after: before_after(s.pain_before, s.pain_after),
        change: change(super::text::shown_change(s.pain_before, s.pain_after)),
        meaningful_drop: s.meaningful_pain_drop,
        relief: relief(s.immediate_relief),
    }
}

fn answer(summary: &Summary) -> Answer {
    let compared = &summary.compared;
    Answer {
        all: AnswerLine::of_all(&compared.all),
        groups: compared
            .clearest()
            .into_iter()
            .take(ANSWER_GROUPS)
            .map(|(group, c)| AnswerLine::of(group, c))
            .collect(),
        scope: wording::period_scope(summary.window),
        caveat: format!("{} {}", wording::REGRESSION_CAVEAT, wording::ONE_PERSON),
    }
}

/// The worst pain and its day, if logged.
fn worst(summary: &Summary) -> Option<(u8, chrono::NaiveDate)> {
    summary.worst_pain.zip(summary.worst_pain_date)
}

fn days_logged(summary: &Summary) -> String {
    format!("{} of {}", summary.days_logged, summary.days_in_period)
}

/// The Markdown's list.
fn facts(summary: &Summary, period: &str, against_previous_days: &str) -> Vec<Figure> {
    let worst = match worst(summary) {
        Some((worst, day)) => format!("{worst} / 10 ({})", date(day)),
        None => NOT_LOGGED.to_owned(),
    };
    vec![
        Figure::new("Period", period.to_owned(), None),
        Figure::new(DAYS_LOGGED, days_logged(summary), None),
        Figure::new(
            "Average pain",
            format!(
                "{} / 10 (0 = none, 10 = worst imaginable; {} with pain logged)",
                one_decimal(summary.average_pain),
                days(summary.pain_days)
            ),
            None,
        ),
        Figure::new(WORST_PAIN, worst, None),
        Figure::new(
            format!(
                "{against_previous_days} ({})",
                short_date_range(summary.previous_from, summary.previous_to)
            ),
            against_previous_in_full(summary),
            None,
        ),
    ]
}

/// "average pain 6.0 then, 4.4 now (-1.6)", or why there is nothing to compare with.
fn against_previous_in_full(summary: &Summary) -> String {
    let then_and_now = format!(
        "average pain {} then, {} now ({})",
        one_decimal(summary.previous_average_pain),
        one_decimal(summary.average_pain),
        change(summary.change_from_previous)
    );
    match summary.earlier_data() {
        EarlierData::Whole => then_and_now,
        EarlierData::Partly(first) => format!(
            "{then_and_now}; the journal starts on {}, so \"then\" rests on {} with pain logged",
            date(first),
            days(summary.previous_pain_days)
        ),
        EarlierData::None(Some(first)) => {
            format!("{NO_EARLIER_DATA} (the journal starts on {})", date(first))
        }
        EarlierData::None(None) => NO_EARLIER_DATA.to_owned(),
    }
}

fn sessions_note(summary: &Summary) -> SessionsNote {
    let (k, m) = (summary.window, summary.min_days);
    let method =
        format!("Before → after: mean pain over the {k} days before and after each session");
    SessionsNote {
        print: format!("{method} (at least {m} logged days, else \"not enough data\")."),
        markdown: format!("{method} (at least {m} logged days each)."),
        preview: "* at least 2 points or 30% lower.".to_owned(),
        print_mark: "* a meaningful drop: at least 2 points or 30%.".to_owned(),
        markdown_mark: "\"Meaningful\": at least 2 points or 30% lower.".to_owned(),
    }
}

/// What the PDF goes on with, as the preview names it.
fn follows(summary: &Summary) -> Vec<&'static str> {
    let sections = summary.sections;
    [
        (
            sections.by_kind,
            "the answer by kind and therapist (a forest plot) and the summary by kind",
        ),
        (sections.trend, "the trend chart"),
        (sections.aligned, "the aligned view"),
        (sections.measures, "every measure besides pain"),
        (sections.patterns, "the strongest patterns"),
        (sections.sessions, "the sessions table"),
        (sections.notes, "the notes"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect()
}
