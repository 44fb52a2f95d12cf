//! The year at a glance: one value a day of one metric over a period (up to the whole journal),
//! the session and care-visit days among them, what each day reads as, and the month and year
//! summaries under the calendar. The window's Year view and the report's calendar both show
//! these numbers (their words are in `report::calendar`).
//!
//! Colour follows the metric's worse end: a day's step on the sequential scale
//! ([`super::body_heat::HEAT_SCALE`], light to dark) grows as the value gets worse, so "darker is
//! worse" whichever end of the scale is worse.

mod summary;

use chrono::{Datelike as _, Days, NaiveDate};

use super::body_heat::HEAT_SCALE;
use super::{DayRange, JournalIndex};
use crate::model::{Journal, Metric};

pub use summary::{PeriodSummary, Span, month_summaries, year_summaries};

/// One day of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDay {
    /// The date.
    pub date: NaiveDate,
    /// The metric's value, if logged.
    pub value: Option<u8>,
    /// A record exists for the day (with or without this metric).
    pub logged: bool,
    /// How many sessions started on it.
    pub sessions: usize,
    /// How many other care visits were on it.
    pub care_visits: usize,
}

/// One metric day by day over a period.
#[derive(Clone, Debug, PartialEq)]
pub struct Calendar {
    /// The days covered.
    pub range: DayRange,
    /// What it shows.
    pub metric: Metric,
    days: Vec<CalendarDay>,
}

impl Calendar {
    /// `metric` over `range` of `journal` (with its `index`).
    pub fn new(journal: &Journal, index: &JournalIndex, metric: Metric, range: DayRange) -> Self {
        let mut days: Vec<CalendarDay> = (0..range.len())
            .filter_map(|offset| range.from.checked_add_days(Days::new(offset as u64)))
            .map(|date| CalendarDay {
                date,
                value: index.daily.value(metric, date),
                logged: false,
                sessions: 0,
                care_visits: 0,
            })
            .collect();
        let slot = |date: NaiveDate| -> Option<usize> {
            range
                .contains(date)
                .then(|| usize::try_from((date - range.from).num_days()).ok())
                .flatten()
        };
        if !range.is_empty() {
            for day in journal.days_between(range.from, range.to) {
                if let Some(i) = slot(day.date) {
                    days[i].logged = true;
                }
            }
        }
        for session in journal.sessions() {
            if let Some(i) = slot(session.date()) {
                days[i].sessions += 1;
            }
        }
        for visit in journal.care_visits() {
            if let Some(i) = slot(visit.date) {
                days[i].care_visits += 1;
            }
        }
        Self {
            range,
            metric,
            days,
        }
    }

    /// Every day of the period, first to last.
    pub fn days(&self) -> &[CalendarDay] {
        &self.days
    }

    /// The day `date`, if in the period.
    pub fn day(&self, date: NaiveDate) -> Option<&CalendarDay> {
        if !self.range.contains(date) {
            return None;
        }
        let offset = usize::try_from((date - self.range.from).num_days()).ok()?;
        self.days.get(offset)
    }

    /// The years the period touches, first to last (one row of months each).
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.range.from.year()..=self.range.to.year()
    }

    /// How many days have a value of the metric.
    pub fn valued(&self) -> usize {
        self.days.iter().filter(|d| d.value.is_some()).count()
    }
}

/// Where `date` sits in its month's grid of week columns: the column (0 for the week of the
/// 1st) and the row (Monday 0 … Sunday 6). The window and the report lay months out alike.
pub fn week_place(date: NaiveDate) -> (u32, u32) {
    let first = date.with_day(1).unwrap_or(date);
    let column = (first.weekday().num_days_from_monday() + date.day0()) / 7;
    (column, date.weekday().num_days_from_monday())
}

/// How bad a value of `metric` is, 0 (best end) to 10 (worst end).
fn badness(metric: Metric, value: u8) -> u8 {
    let value = value.min(10);
    if metric.higher_is_better() {
        10 - value
    } else {
        value
    }
}

/// The step of [`HEAT_SCALE`] (0 lightest … 5 darkest) for a value of `metric`: darker is worse,
/// whichever end of its scale is worse. Steps hold 0, 1–2, 3–4, 5–6, 7–8 and 9–10 points of
/// badness.
pub fn step(metric: Metric, value: u8) -> usize {
    let last = HEAT_SCALE.len() - 1;
    (usize::from(badness(metric, value)) * last)
        .div_ceil(10)
        .min(last)
}

/// The values of `metric` that step `step` shows, low to high: what the legend writes under it.
pub fn step_values(metric: Metric, step_index: usize) -> (u8, u8) {
    let values: Vec<u8> = (0..=10)
        .filter(|&v| step(metric, v) == step_index)
        .collect();
    (
        values.first().copied().unwrap_or(0),
        values.last().copied().unwrap_or(0),
    )
}

#[cfg(test)]
mod tests;
