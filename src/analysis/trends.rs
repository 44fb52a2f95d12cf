//! Series for the trend chart: daily values in runs (no line across days not logged), a rolling
//! mean, and a reduction to what the pixels can show.

use chrono::{Datelike as _, NaiveDate};

use super::{DailyIndex, DayRange};
use crate::model::Metric;

/// How many days the rolling mean covers.
pub const ROLLING_DAYS: u8 = 7;
/// How many of those days need a value for the rolling mean to be drawn.
pub const ROLLING_MIN_VALUES: usize = 4;

/// A date as a number of days (the x axis of every chart).
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date of a day number, rounded to the nearest day.
pub fn date_from_day_number(x: f64) -> Option<NaiveDate> {
    if !x.is_finite() || x.abs() > 1e8 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// Points `[day number, value]` in runs of consecutive logged days within `range`.
pub fn daily_runs(daily: &DailyIndex, metric: Metric, range: DayRange) -> Vec<Vec<[f64; 2]>> {
    runs(range, |date| daily.value(metric, date).map(f64::from))
}

/// The mean of the last [`ROLLING_DAYS`] days (needing [`ROLLING_MIN_VALUES`] values) for each
/// day of `range`, in runs.
pub fn rolling_mean_runs(
    daily: &DailyIndex,
    metric: Metric,
    range: DayRange,
) -> Vec<Vec<[f64; 2]>> {
    let back = chrono::Days::new(u64::from(ROLLING_DAYS - 1));
    runs(range, |date| {
        let from = date.checked_sub_days(back)?;
        let (sum, count) = daily.sum_and_count(metric, DayRange::new(from, date));
        (count >= ROLLING_MIN_VALUES).then(|| f64::from(sum) / count as f64)
    })
}

fn runs(range: DayRange, value: impl Fn(NaiveDate) -> Option<f64>) -> Vec<Vec<[f64; 2]>> {
    let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut current: Vec<[f64; 2]> = Vec::new();
    let mut date = range.from;
    while date <= range.to {
        match value(date) {
            Some(v) => current.push([day_number(date), v]),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

/// Reduce a run to at most two points (its lowest and highest, in order) per `bucket` of x, so
/// that a chart never draws more points than it has pixels; shape and extremes are kept.
pub fn decimate(points: &[[f64; 2]], bucket: f64) -> Vec<[f64; 2]> {
    if bucket <= 1.0 || points.len() <= 2 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(points.len().min(1024));
    let mut start = 0;
    while start < points.len() {
        let key = (points[start][0] / bucket).floor();
        let mut end = start + 1;
        while end < points.len() && (points[end][0] / bucket).floor() == key {
            end += 1;
        }
        let slice = &points[start..end];
        let low = slice.iter().min_by(|a, b| a[1].total_cmp(&b[1]));
        let high = slice.iter().max_by(|a, b| a[1].total_cmp(&b[1]));
        if let (Some(low), Some(high)) = (low, high) {
            if low[0] <= high[0] {
                out.push(*low);
                if high != low {
                    out.push(*high);
                }
            } else {
                out.push(*high);
                out.push(*low);
            }
        }
        start = end;
    }
    out
}
