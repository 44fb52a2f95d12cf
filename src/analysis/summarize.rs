//! Long ranges summarised for a chart: daily values while a day is wide enough to see, weekly
//! means beyond that, monthly means past about three years, each with the spread of its days;
//! and sessions as counts per week or month instead of hundreds of lines.

use chrono::{Datelike as _, Days, NaiveDate};

use super::stats::{quantile_sorted, sorted};
use super::{DailyIndex, DayRange};
use crate::model::Metric;

/// How finely a chart of a range shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// One point a day.
    Daily,
    /// Weekly means (weeks from Monday).
    Weekly,
    /// Monthly means (calendar months).
    Monthly,
}

/// Below this many pixels a day, daily values blur into a band: show weekly means instead.
pub const MIN_PIXELS_PER_DAY: f64 = 2.0;

/// Past this many days (about three years), even weeks are too many: show months.
pub const MONTHLY_FROM_DAYS: usize = 3 * 366;

impl Resolution {
    /// What a chart `width` pixels wide shows of `days` days.
    pub fn for_chart(days: usize, width: f64) -> Self {
        if days == 0 || width / days as f64 >= MIN_PIXELS_PER_DAY {
            Self::Daily
        } else if days < MONTHLY_FROM_DAYS {
            Self::Weekly
        } else {
            Self::Monthly
        }
    }

    /// The first day of the bucket holding `date`.
    pub fn bucket_start(self, date: NaiveDate) -> NaiveDate {
        match self {
            Self::Daily => date,
            Self::Weekly => {
                let back = u64::from(date.weekday().num_days_from_monday());
                date.checked_sub_days(Days::new(back)).unwrap_or(date)
            }
            Self::Monthly => date.with_day(1).unwrap_or(date),
        }
    }

    /// The first day of the next bucket after the one starting at `start`.
    pub fn next_start(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Daily => start.succ_opt(),
            Self::Weekly => start.checked_add_days(Days::new(7)),
            Self::Monthly => start.checked_add_months(chrono::Months::new(1)),
        }
    }

    /// The fewest logged days a bucket needs for its mean to be drawn.
    fn min_days(self) -> usize {
        match self {
            Self::Daily => 1,
            Self::Weekly => 3,
            Self::Monthly => 7,
        }
    }

    /// "day", "week", "month".
    pub fn unit(self) -> &'static str {
        match self {
            Self::Daily => "day",
            Self::Weekly => "week",
            Self::Monthly => "month",
        }
    }
}

/// One week or month of a metric: its mean and the middle half of its days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bucket {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
    /// The mean of the logged days.
    pub mean: f64,
    /// The lower quartile of the logged days.
    pub low: f64,
    /// The upper quartile.
    pub high: f64,
    /// How many days have the metric.
    pub days: usize,
}

/// The buckets of `range` (weeks or months, clipped to the range), each with enough logged days
/// of `metric`; a bucket with too few is left out (a gap in the line, never 0).
pub fn buckets(
    daily: &DailyIndex,
    metric: Metric,
    range: DayRange,
    resolution: Resolution,
) -> Vec<Bucket> {
    let mut buckets = Vec::new();
    let mut start = resolution.bucket_start(range.from);
    while start <= range.to {
        let Some(next) = resolution.next_start(start) else {
            break;
        };
        let from = start.max(range.from);
        let to = next.pred_opt().unwrap_or(next).min(range.to);
        let mut values = Vec::new();
        let mut day = from;
        while day <= to {
            if let Some(value) = daily.value(metric, day) {
                values.push(f64::from(value));
            }
            let Some(following) = day.succ_opt() else {
                break;
            };
            day = following;
        }
        if values.len() >= resolution.min_days() {
            let sorted = sorted(&values);
            buckets.push(Bucket {
                from,
                to,
                mean: values.iter().sum::<f64>() / values.len() as f64,
                low: quantile_sorted(&sorted, 0.25).unwrap_or(0.0),
                high: quantile_sorted(&sorted, 0.75).unwrap_or(0.0),
                days: values.len(),
            });
        }
        start = next;
    }
    buckets
}

/// How many sessions fall in each week or month of `range` (buckets without one left out), from
/// the sessions' dates in order (a day with two sessions counts two).
pub fn session_density(
    dates: impl IntoIterator<Item = NaiveDate>,
    range: DayRange,
    resolution: Resolution,
) -> Vec<(NaiveDate, usize)> {
    let mut counts: Vec<(NaiveDate, usize)> = Vec::new();
    for day in dates {
        if !range.contains(day) {
            continue;
        }
        let start = resolution.bucket_start(day).max(range.from);
        match counts.last_mut() {
            Some((last, count)) if *last == start => *count += 1,
            _ => counts.push((start, 1)),
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Journal, Score};

    fn date(text: &str) -> NaiveDate {
        crate::model::parse_date(text).unwrap()
    }

    #[test]
    fn the_resolution_follows_the_pixels_a_day_gets() {
        assert_eq!(Resolution::for_chart(90, 800.0), Resolution::Daily);
        assert_eq!(Resolution::for_chart(365, 600.0), Resolution::Weekly);
        assert_eq!(Resolution::for_chart(365, 800.0), Resolution::Daily);
        assert_eq!(Resolution::for_chart(7300, 1800.0), Resolution::Monthly);
        assert_eq!(Resolution::for_chart(900, 1000.0), Resolution::Weekly);
    }

    /// Worked by hand: Monday 5 Jan 2026 to Sunday 18 Jan; pain 2, 4, 6 on Mon–Wed of the
    /// first week (mean 4, quartiles 3 and 5), two days in the second (too few for a week).
    #[test]
    fn weeks_have_their_mean_and_quartiles_and_too_few_days_leave_a_gap() {
        let mut journal = Journal::new();
        for (day, pain) in [
            ("2026-01-05", 2),
            ("2026-01-06", 4),
            ("2026-01-07", 6),
            ("2026-01-12", 5),
            ("2026-01-13", 5),
        ] {
            let mut logged = Day::empty(date(day));
            logged.pain = Some(Score::new(pain).unwrap());
            journal.set_day(logged);
        }
        let daily = DailyIndex::new(&journal);
        let range = DayRange::new(date("2026-01-05"), date("2026-01-18"));
        let weeks = buckets(&daily, Metric::Pain, range, Resolution::Weekly);
        assert_eq!(
            weeks,
            [Bucket {
                from: date("2026-01-05"),
                to: date("2026-01-11"),
                mean: 4.0,
                low: 3.0,
                high: 5.0,
                days: 3,
            }]
        );
        assert_eq!(
            Resolution::Weekly.bucket_start(date("2026-01-11")),
            date("2026-01-05")
        );
        assert_eq!(
            Resolution::Monthly.bucket_start(date("2026-01-31")),
            date("2026-01-01")
        );
    }
}
