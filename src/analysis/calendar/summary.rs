//! The month and year summaries under the calendar: days logged, mean and worst pain, sessions
//! and care visits, and the change in mean pain from the month (or year) before.
//!
//! A summary covers the days of its month or year within the period (a period that starts
//! mid-month gives a first month of the days from then). The month or year before is taken
//! whole, as the journal has it, in or out of the period: "lower than April" means lower than
//! all of April.

use chrono::{Datelike as _, Months, NaiveDate};

use crate::analysis::{DayRange, JournalIndex};
use crate::model::{Journal, Metric};

/// Whether a summary is of a month or of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// One month or year of the period.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodSummary {
    /// A month or a year.
    pub span: Span,
    /// Its first day (the 1st of the month, or 1 January).
    pub start: NaiveDate,
    /// Its days within the period.
    pub range: DayRange,
    /// Days with a record among them.
    pub logged: usize,
    /// The mean of the pain logged, if any.
    pub mean_pain: Option<f64>,
    /// How many days the mean rests on.
    pub pain_days: usize,
    /// The worst pain logged (worst pain, or pain where worst pain was not logged), as page one
    /// of the report counts it.
    pub worst_pain: Option<u8>,
    /// Sessions started on its days.
    pub sessions: usize,
    /// Visits to other care on its days.
    pub care_visits: usize,
    /// The first day of the month or year before.
    pub previous_start: NaiveDate,
    /// The mean pain of the whole month or year before, if any was logged.
    pub previous_mean: Option<f64>,
}

impl PeriodSummary {
    /// This mean minus the one before; `None` when either has no pain logged.
    pub fn change(&self) -> Option<f64> {
        Some(self.mean_pain? - self.previous_mean?)
    }
}

/// The first day of the month holding `date`.
fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day of the year holding `date`.
fn year_start(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date)
}

/// The first day of the span after the one starting at `start`.
fn next_start(span: Span, start: NaiveDate) -> Option<NaiveDate> {
    match span {
        Span::Month => start.checked_add_months(Months::new(1)),
        Span::Year => start.checked_add_months(Months::new(12)),
    }
}

/// The first day of the span before the one starting at `start`.
fn previous_start(span: Span, start: NaiveDate) -> Option<NaiveDate> {
    match span {
        Span::Month => start.checked_sub_months(Months::new(1)),
        Span::Year => start.checked_sub_months(Months::new(12)),
    }
}

/// Each month of `range`, first to last.
pub fn month_summaries(
    journal: &Journal,
    index: &JournalIndex,
    range: DayRange,
) -> Vec<PeriodSummary> {
    summaries(journal, index, range, Span::Month)
}

/// Each year of `range`, first to last.
pub fn year_summaries(
    journal: &Journal,
    index: &JournalIndex,
    range: DayRange,
) -> Vec<PeriodSummary> {
    summaries(journal, index, range, Span::Year)
}

fn summaries(
    journal: &Journal,
    index: &JournalIndex,
    range: DayRange,
    span: Span,
) -> Vec<PeriodSummary> {
    let mut out = Vec::new();
    if range.is_empty() {
        return out;
    }
    let first = match span {
        Span::Month => month_start(range.from),
        Span::Year => year_start(range.from),
    };
    let mut start = Some(first);
    while let Some(from) = start.filter(|s| *s <= range.to) {
        let next = next_start(span, from);
        let last = next.and_then(|n| n.pred_opt()).unwrap_or(range.to);
        let days = DayRange::new(from.max(range.from), last.min(range.to));
        let before = previous_start(span, from).unwrap_or(from);
        let whole_before = DayRange::new(before, from.pred_opt().unwrap_or(before));
        out.push(summary(
            journal,
            index,
            (span, from, days),
            (before, whole_before),
        ));
        start = next;
    }
    out
}

fn summary(
    journal: &Journal,
    index: &JournalIndex,
    (span, start, days): (Span, NaiveDate, DayRange),
    (previous_start, previous): (NaiveDate, DayRange),
) -> PeriodSummary {
    let (mean_pain, pain_days) = index.daily.mean(Metric::Pain, days);
    let mut logged = 0;
    let mut worst_pain: Option<u8> = None;
    for day in journal.days_between(days.from, days.to) {
        logged += 1;
        if let Some(worst) = day.worst_pain.or(day.pain) {
            worst_pain = worst_pain.max(Some(worst.get()));
        }
    }
    let sessions = journal.sessions();
    let first = sessions.partition_point(|s| s.date() < days.from);
    let after = sessions.partition_point(|s| s.date() <= days.to);
    let care_visits = journal
        .care_visits()
        .iter()
        .filter(|v| days.contains(v.date))
        .count();
    PeriodSummary {
        span,
        start,
        range: days,
        logged,
        mean_pain,
        pain_days,
        worst_pain,
        sessions: after.saturating_sub(first),
        care_visits,
        previous_start,
        previous_mean: index.daily.mean(Metric::Pain, previous).0,
    }
}
