//! Every session at day 0: what usually happens around a session (superposed-epoch averaging).

use chrono::Days;

use super::stats::{mean, quantile_sorted, sample_sd, sorted};
use super::{DailyIndex, DayRange, Effects, SessionEffect};
use crate::model::{KindChoice, Metric};

/// Which sessions to average.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct AlignedFilter {
    /// Only this kind ("other" kinds together).
    pub kind: Option<KindChoice>,
    /// Only this therapist.
    pub therapist: Option<String>,
    /// Only sessions on these days.
    pub within: Option<DayRange>,
}

impl AlignedFilter {
    /// `true` when the session passes the filter.
    pub fn accepts(&self, effect: &SessionEffect) -> bool {
        effect.counted
            && self.kind.is_none_or(|kind| effect.kind.choice() == kind)
            && self
                .therapist
                .as_ref()
                .is_none_or(|name| effect.therapist.as_ref() == Some(name))
            && self
                .within
                .is_none_or(|range| range.contains(effect.date()))
    }
}

/// The metric across sessions at one offset from the session day.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AlignedPoint {
    /// Days from the session day (−k … +k; 0 is the session day).
    pub offset: i32,
    /// How many sessions have a value at this offset.
    pub n: usize,
    /// The mean across them.
    pub mean: Option<f64>,
    /// Spread: the first quartile, median and third quartile.
    pub q1: Option<f64>,
    /// See `q1`.
    pub median: Option<f64>,
    /// See `q1`.
    pub q3: Option<f64>,
    /// The standard deviation.
    pub sd: Option<f64>,
}

/// The mean of `metric` at each offset −k … +k across the sessions `filter` accepts. An offset
/// counts for a session only inside its own (clipped) windows, or on its day, so that no point
/// mixes in the days after another session.
pub fn aligned(
    effects: &Effects,
    daily: &DailyIndex,
    metric: Metric,
    filter: &AlignedFilter,
) -> Vec<AlignedPoint> {
    let k = i32::from(effects.settings.window());
    let mut values: Vec<Vec<f64>> = vec![Vec::new(); usize::try_from(2 * k + 1).unwrap_or(0)];
    for effect in effects.sessions.iter().filter(|e| filter.accepts(e)) {
        for (slot, offset) in values.iter_mut().zip(-k..=k) {
            let date = if offset < 0 {
                effect
                    .date()
                    .checked_sub_days(Days::new(u64::from(offset.unsigned_abs())))
            } else {
                effect
                    .date()
                    .checked_add_days(Days::new(u64::from(offset.unsigned_abs())))
            };
            let Some(date) = date else { continue };
            let inside = offset == 0 || effect.before.contains(date) || effect.after.contains(date);
            if let Some(value) = daily.value(metric, date).filter(|_| inside) {
                slot.push(f64::from(value));
            }
        }
    }
    values
        .into_iter()
        .zip(-k..=k)
        .map(|(values, offset)| {
            let ordered = sorted(&values);
            AlignedPoint {
                offset,
                n: values.len(),
                mean: mean(&values),
                q1: quantile_sorted(&ordered, 0.25),
                median: quantile_sorted(&ordered, 0.5),
                q3: quantile_sorted(&ordered, 0.75),
                sd: sample_sd(&values),
            }
        })
        .collect()
}
