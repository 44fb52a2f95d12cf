//! The before and after windows of a session day, clipped at the neighbouring sessions.

use chrono::{Days, NaiveDate};

use super::DayRange;
use crate::model::{Journal, Session};

/// The distinct days that have at least one session, in order.
#[derive(Clone, Debug, Default)]
pub struct SessionDays {
    days: Vec<NaiveDate>,
}

impl<'a> IntoIterator for &'a SessionDays {
    type Item = NaiveDate;
    type IntoIter = std::iter::Copied<std::slice::Iter<'a, NaiveDate>>;

    /// The days, oldest first.
    fn into_iter(self) -> Self::IntoIter {
        self.days.iter().copied()
    }
}

impl SessionDays {
    /// The session days of `journal`.
    pub fn new(journal: &Journal) -> Self {
        let mut days: Vec<NaiveDate> = journal.sessions().iter().map(Session::date).collect();
        days.sort_unstable();
        days.dedup();
        Self { days }
    }

    /// The days, oldest first.
    pub fn days(&self) -> &[NaiveDate] {
        &self.days
    }

    /// The last session day before `date`.
    pub fn previous(&self, date: NaiveDate) -> Option<NaiveDate> {
        let index = self.days.partition_point(|&day| day < date);
        index.checked_sub(1).map(|i| self.days[i])
    }

    /// The first session day after `date`.
    pub fn next(&self, date: NaiveDate) -> Option<NaiveDate> {
        let index = self.days.partition_point(|&day| day <= date);
        self.days.get(index).copied()
    }

    /// The before and after windows of `date` with length `window`: D−k … D−1 starting after
    /// the previous session day, and D+1 … D+k ending before the next one.
    pub fn windows(&self, date: NaiveDate, window: u8) -> (DayRange, DayRange) {
        let k = Days::new(u64::from(window));
        let one = Days::new(1);
        let mut before_from = date.checked_sub_days(k).unwrap_or(date);
        if let Some(previous) = self.previous(date).and_then(|p| p.checked_add_days(one)) {
            before_from = before_from.max(previous);
        }
        let mut after_to = date.checked_add_days(k).unwrap_or(date);
        if let Some(next) = self.next(date).and_then(|n| n.checked_sub_days(one)) {
            after_to = after_to.min(next);
        }
        let before = DayRange::new(before_from, date.checked_sub_days(one).unwrap_or(date));
        let after = DayRange::new(date.checked_add_days(one).unwrap_or(date), after_to);
        (before, after)
    }

    /// Days from `date` to the nearest session day (0 on a session day), or `None` without
    /// sessions.
    pub fn distance(&self, date: NaiveDate) -> Option<i64> {
        let index = self.days.partition_point(|&day| day < date);
        let after = self.days.get(index).map(|&day| (day - date).num_days());
        let before = index
            .checked_sub(1)
            .map(|i| (date - self.days[i]).num_days());
        [after, before].into_iter().flatten().min()
    }
}
