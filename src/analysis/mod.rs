//! What the journal says about trends and about the days before and after each session.
//!
//! Pure functions from a [`Journal`] to numbers and series; no egui. The window, the command
//! line and the report all show numbers from here, so they always agree. The method is the one
//! in the domain notes:
//!
//! - A session belongs to its calendar day D; day D itself is in neither window.
//! - Before: days D−k … D−1; after: D+1 … D+k (k = [`EffectSettings::window`], 1–28, default 7).
//! - Clipping: a before window starts after the previous session's day and an after window ends
//!   before the next session's day, so windows never reach across another session. Sessions on
//!   the same day share their windows.
//! - A window's value for a metric is the mean over its days that have that metric; with fewer
//!   than m such days ([`EffectSettings::min_days`], default 3) it is "not enough data".
//! - Change = after − before. For pain, a drop of at least 2 points or 30% is meaningful.
//!
//! Everything is linear in days plus sessions: the [`DailyIndex`] keeps prefix sums, so each
//! window's mean costs O(1).

mod aligned;

pub mod body_heat;
pub mod calendar;
pub mod compare;
mod daily;
mod effects;
pub mod other_care;
pub mod patterns;
mod regions;
mod since;
pub mod stats;
mod summarize;
mod trends;
mod windows;

use std::ops::{Index, IndexMut};

pub use aligned::{AlignedFilter, AlignedPoint, aligned};
pub use compare::{Comparison, Verdict};
pub use daily::{DailyIndex, DayRange};
pub use effects::{
    ChangeSummary, Compared, CostSummary, Direction, Effects, GroupSummary, MetricEffect,
    SessionEffect, WindowStat, direction, effects, is_meaningful_pain_drop, shown_change,
    summarize,
};
pub use regions::{RegionComparison, Share};
pub use since::{SinceLast, since_last_session};
pub use summarize::{
    Bucket, MIN_PIXELS_PER_DAY, MONTHLY_FROM_DAYS, Resolution, buckets, session_density,
};
pub use trends::{
    ROLLING_DAYS, ROLLING_MIN_VALUES, daily_runs, date_from_day_number, day_number, decimate,
    rolling_mean_runs,
};
pub use windows::SessionDays;

use crate::model::{Journal, Metric};

/// Said next to every before/after effect.
pub const REGRESSION_NOTE: &str = "People tend to book a session when pain is high, so pain often falls afterwards anyway. That is why painlog compares them with ordinary weeks: the same change around days far from any session.";

/// Said wherever results are shown.
pub const DIARY_NOTE: &str = "This is a diary, not a diagnosis. Severe pain, or pain after an accident, is for a doctor first.";

/// A change smaller than this (in points of a 0–10 mean) counts as "unchanged".
pub const UNCHANGED_WITHIN: f64 = 0.5;

/// One value per metric, indexed by [`Metric`]: always the built-in ones, and the own measures
/// it was made for. Saved as a plain list of the built-in values, in the order of
/// [`Metric::ALL`]; a shorter list, saved before range of motion and mood were measured, reads
/// with the default for the metrics it lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricMap<T> {
    built_in: [T; Metric::COUNT],
    own: Vec<(Metric, T)>,
}

impl<T: serde::Serialize> serde::Serialize for MetricMap<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A list, not a fixed-size array (which RON writes as a tuple): a list may grow.
        self.built_in.as_slice().serialize(serializer)
    }
}

impl<'de, T: serde::Deserialize<'de> + Default> serde::Deserialize<'de> for MetricMap<T> {
    /// Reads a list (`[…]`) or, as earlier versions wrote it, a tuple (`(…)`).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Values<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de> + Default> serde::de::Visitor<'de> for Values<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(
                    f,
                    "a list of at most {} values, one per metric",
                    Metric::COUNT
                )
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Vec<T>, A::Error> {
                let mut values = Vec::new();
                while let Some(value) = seq.next_element()? {
                    values.push(value);
                }
                Ok(values)
            }
        }
        let mut values = deserializer.deserialize_any(Values(std::marker::PhantomData))?;
        if values.len() > Metric::COUNT {
            return Err(serde::de::Error::invalid_length(
                values.len(),
                &"one value per metric",
            ));
        }
        values.resize_with(Metric::COUNT, T::default);
        let mut values = values.into_iter();
        Ok(Self::from_fn(|_| values.next().unwrap_or_default()))
    }
}

impl<T> MetricMap<T> {
    /// A value for every built-in metric, made by `make`.
    pub fn from_fn(make: impl FnMut(Metric) -> T) -> Self {
        Self::for_metrics(&[], make)
    }

    /// A value for every built-in metric and for each own measure among `metrics`.
    pub fn for_metrics(metrics: &[Metric], mut make: impl FnMut(Metric) -> T) -> Self {
        Self {
            built_in: Metric::ALL.map(&mut make),
            own: metrics
                .iter()
                .filter(|metric| metric.own_id().is_some())
                .map(|&metric| (metric, make(metric)))
                .collect(),
        }
    }

    /// The metrics and their values: the built-in ones in the order of [`Metric::ALL`], then
    /// the own measures.
    pub fn iter(&self) -> impl Iterator<Item = (Metric, &T)> {
        Metric::ALL
            .into_iter()
            .zip(self.built_in.iter())
            .chain(self.own.iter().map(|(metric, value)| (*metric, value)))
    }

    /// A metric's value, or `None` for an own measure this map was not made for.
    pub fn get(&self, metric: Metric) -> Option<&T> {
        match metric.built_in_index() {
            Some(index) => self.built_in.get(index),
            None => self.own.iter().find(|(m, _)| *m == metric).map(|(_, v)| v),
        }
    }

    /// The own measures and their values, to change.
    pub(crate) fn iter_own_mut(&mut self) -> impl Iterator<Item = (Metric, &mut T)> {
        self.own.iter_mut().map(|(metric, value)| (*metric, value))
    }

    /// A metric's value to change, or `None` for an own measure this map was not made for.
    pub fn get_mut(&mut self, metric: Metric) -> Option<&mut T> {
        match metric.built_in_index() {
            Some(index) => self.built_in.get_mut(index),
            None => self
                .own
                .iter_mut()
                .find(|(m, _)| *m == metric)
                .map(|(_, v)| v),
        }
    }
}

impl<T> Index<Metric> for MetricMap<T> {
    type Output = T;
    /// Panics for an own measure the map was not made for: maps are made from the journal's
    /// metrics, so that is a metric from another journal.
    fn index(&self, metric: Metric) -> &T {
        self.get(metric)
            .unwrap_or_else(|| panic!("no value for the measure {metric}"))
    }
}

impl<T> IndexMut<Metric> for MetricMap<T> {
    fn index_mut(&mut self, metric: Metric) -> &mut T {
        self.get_mut(metric)
            .unwrap_or_else(|| panic!("no value for the measure {metric}"))
    }
}

/// The window length k and the minimum days m of the before/after method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EffectSettings {
    window: u8,
    min_days: u8,
    leave_out_other_care: bool,
}

/// Settings that make no sense, in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// k outside 1–28.
    #[error("the window is 1 to {max} days, not {0}", max = EffectSettings::MAX_WINDOW)]
    Window(i64),
    /// m outside 1–k.
    #[error("the minimum number of days is 1 to the window length ({window}), not {found}")]
    MinDays {
        /// What was given.
        found: i64,
        /// The window length.
        window: u8,
    },
}

impl Default for EffectSettings {
    fn default() -> Self {
        Self {
            window: 7,
            min_days: 3,
            leave_out_other_care: false,
        }
    }
}

impl EffectSettings {
    /// The longest window.
    pub const MAX_WINDOW: u8 = 28;

    /// Settings with window `window` (1–28) and minimum days `min_days` (1–window).
    pub fn new(window: i64, min_days: i64) -> Result<Self, SettingsError> {
        let window = u8::try_from(window)
            .ok()
            .filter(|w| (1..=Self::MAX_WINDOW).contains(w))
            .ok_or(SettingsError::Window(window))?;
        let min_days = u8::try_from(min_days)
            .ok()
            .filter(|m| (1..=window).contains(m))
            .ok_or(SettingsError::MinDays {
                found: min_days,
                window,
            })?;
        Ok(Self {
            window,
            min_days,
            leave_out_other_care: false,
        })
    }

    /// These settings, leaving out of every summary and comparison the sessions (and ordinary
    /// days) with other care within their window, or not.
    pub fn leaving_out_other_care(self, leave_out: bool) -> Self {
        Self {
            leave_out_other_care: leave_out,
            ..self
        }
    }

    /// `true` when sessions and ordinary days with other care near them are left out.
    pub fn leave_out_other_care(self) -> bool {
        self.leave_out_other_care
    }

    /// k: how many days before and after a session are looked at.
    pub fn window(self) -> u8 {
        self.window
    }

    /// m: how many logged days a window needs to count.
    pub fn min_days(self) -> u8 {
        self.min_days
    }
}

/// Everything the analysis needs from a journal, laid out once per journal revision.
#[derive(Clone, Debug)]
pub struct JournalIndex {
    /// Scores day by day.
    pub daily: DailyIndex,
    /// The days that have sessions.
    pub session_days: SessionDays,
}

impl JournalIndex {
    /// Lay out `journal`.
    pub fn new(journal: &Journal) -> Self {
        Self {
            daily: DailyIndex::new(journal),
            session_days: SessionDays::new(journal),
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod metric_map_tests {
    use super::MetricMap;
    use crate::model::Metric;

    #[test]
    fn a_list_saved_before_mobility_and_mood_reads_with_them_off() {
        let old: MetricMap<bool> = ron::from_str("[true, false, false, true, false]")
            .unwrap_or_else(|_| MetricMap::from_fn(|_| true));
        assert!(old[Metric::Pain] && old[Metric::Sleep]);
        assert!(!old[Metric::Mobility] && !old[Metric::Mood]);
        assert!(
            ron::from_str::<MetricMap<bool>>("[true, true, true, true, true, true, true, true]")
                .is_err()
        );
        // Written as a list, read back the same; the tuple earlier versions wrote reads too.
        let saved = ron::to_string(&old).unwrap_or_default();
        assert!(saved.starts_with('['), "{saved}");
        assert_eq!(
            ron::from_str::<MetricMap<bool>>(&saved).ok(),
            Some(old.clone())
        );
        let tuple: Option<MetricMap<bool>> =
            ron::from_str("(true, false, false, true, false, false, true)").ok();
        assert!(tuple.is_some_and(|map| map[Metric::Mood] && !map[Metric::Mobility]));
    }
}
