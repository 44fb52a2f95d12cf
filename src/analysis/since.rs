//! "What happened since my last session?": for the evening before an appointment.

use chrono::{Days, NaiveDate};

use super::{DayRange, JournalIndex, MetricMap};
use crate::model::{Journal, Session};

/// The days since the last session, compared with the week before it.
#[derive(Clone, Debug, PartialEq)]
pub struct SinceLast {
    /// The last session up to today.
    pub session: Session,
    /// Days from its day to today.
    pub days_since: i64,
    /// The days after it, up to today.
    pub since: DayRange,
    /// The seven days before it.
    pub week_before: DayRange,
    /// Mean and number of logged days of each metric since.
    pub since_means: MetricMap<(Option<f64>, usize)>,
    /// Mean and number of logged days of each metric in the week before.
    pub before_means: MetricMap<(Option<f64>, usize)>,
    /// The notes written since (days with a note, oldest first).
    pub notes: Vec<(NaiveDate, String)>,
    /// Home exercises done, medications taken and other care since.
    pub care: super::other_care::CareInPeriod,
}

/// The last session on or before `today` and what happened since, or `None` without sessions.
pub fn since_last_session(
    journal: &Journal,
    index: &JournalIndex,
    today: NaiveDate,
) -> Option<SinceLast> {
    let session = journal
        .sessions()
        .iter()
        .rev()
        .find(|session| session.date() <= today)?
        .clone();
    let day = session.date();
    let since = DayRange::new(day.checked_add_days(Days::new(1))?, today);
    let week_before = DayRange::new(
        day.checked_sub_days(Days::new(7))?,
        day.checked_sub_days(Days::new(1))?,
    );
    let notes = journal
        .days_between(since.from, since.to)
        .filter(|d| !d.note.trim().is_empty())
        .map(|d| (d.date, d.note.clone()))
        .collect();
    Some(SinceLast {
        days_since: (today - day).num_days(),
        since_means: index
            .daily
            .metric_map(|metric| index.daily.mean(metric, since)),
        before_means: index
            .daily
            .metric_map(|metric| index.daily.mean(metric, week_before)),
        notes,
        care: super::other_care::care_in(journal, since),
        since,
        week_before,
        session,
    })
}
