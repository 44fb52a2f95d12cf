//! Every metric as a dense day-by-day array with prefix sums, so that the mean of any window
//! costs two subtractions. Built once per journal revision.

use chrono::{Datelike as _, NaiveDate};

use super::MetricMap;
use crate::model::{Journal, Metric, Score};

/// An inclusive range of days; empty when `from > to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct DayRange {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl DayRange {
    /// The days from `from` to `to`, both included.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Self { from, to }
    }

    /// `true` when it holds no day.
    pub fn is_empty(&self) -> bool {
        self.from > self.to
    }

    /// `true` when `date` is in it.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// How many calendar days it spans.
    pub fn len(&self) -> usize {
        if self.is_empty() {
            0
        } else {
            usize::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
        }
    }
}

/// The journal's scores laid out day by day from its first to its last date.
#[derive(Clone, Debug)]
pub struct DailyIndex {
    start: Option<NaiveDate>,
    /// The built-in metrics and the journal's own measures.
    metrics: Vec<Metric>,
    values: MetricMap<Vec<Option<u8>>>,
    /// `sums[m][i]` is the sum of metric `m` over days `0..i`; `counts` likewise.
    sums: MetricMap<Vec<u32>>,
    counts: MetricMap<Vec<u32>>,
}

impl DailyIndex {
    /// Lay out `journal` (days and session dates).
    pub fn new(journal: &Journal) -> Self {
        let metrics = Metric::all_in(journal);
        let Some((first, last)) = journal.date_span() else {
            return Self {
                start: None,
                values: MetricMap::for_metrics(&metrics, |_| Vec::new()),
                sums: MetricMap::for_metrics(&metrics, |_| vec![0]),
                counts: MetricMap::for_metrics(&metrics, |_| vec![0]),
                metrics,
            };
        };
        let len = DayRange::new(first, last).len();
        let mut values: MetricMap<Vec<Option<u8>>> =
            MetricMap::for_metrics(&metrics, |_| vec![None; len]);
        for day in journal.days() {
            let offset = offset_of(first, day.date);
            for metric in Metric::ALL {
                values[metric][offset] = metric.of(day).map(Score::get);
            }
            for (&id, score) in &day.measures {
                if let Some(column) = values
                    .iter_own_mut()
                    .find_map(|(metric, column)| (metric.own_id() == Some(id)).then_some(column))
                {
                    column[offset] = Some(score.get());
                }
            }
        }
        let prefix = |metric: Metric, value: fn(Option<u8>) -> u32| {
            let mut sums = Vec::with_capacity(len + 1);
            let mut total = 0;
            sums.push(0);
            for &v in &values[metric] {
                total += value(v);
                sums.push(total);
            }
            sums
        };
        let sums = MetricMap::for_metrics(&metrics, |m| prefix(m, |v| u32::from(v.unwrap_or(0))));
        let counts = MetricMap::for_metrics(&metrics, |m| prefix(m, |v| u32::from(v.is_some())));
        Self {
            start: Some(first),
            metrics,
            values,
            sums,
            counts,
        }
    }

    /// The metrics laid out: the built-in ones, then the journal's own measures.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// A map with a value for each of [`DailyIndex::metrics`], made by `make`.
    pub fn metric_map<T>(&self, make: impl FnMut(Metric) -> T) -> MetricMap<T> {
        MetricMap::for_metrics(&self.metrics, make)
    }

    /// The first and last day covered, or `None` for an empty journal.
    pub fn span(&self) -> Option<DayRange> {
        let start = self.start?;
        let len = self.values[Metric::Pain].len();
        let last = start + chrono::Days::new(len.saturating_sub(1) as u64);
        Some(DayRange::new(start, last))
    }

    /// A metric's value on a day, if logged.
    pub fn value(&self, metric: Metric, date: NaiveDate) -> Option<u8> {
        let start = self.start?;
        let offset = usize::try_from(date.num_days_from_ce() - start.num_days_from_ce()).ok()?;
        self.values.get(metric)?.get(offset).copied().flatten()
    }

    /// The positions `[a, b)` of `range`'s days within the journal's (days outside the journal
    /// left out), or `None` when none of its days are; worked out once for several metrics.
    pub fn offsets(&self, range: DayRange) -> Option<Span> {
        let start = self.start?;
        let len = i64::try_from(self.values[Metric::Pain].len()).ok()?;
        let from = i64::from(range.from.num_days_from_ce() - start.num_days_from_ce()).max(0);
        let to = i64::from(range.to.num_days_from_ce() - start.num_days_from_ce()).min(len - 1);
        (from <= to).then(|| Span(from as usize, to as usize + 1))
    }

    /// The sum and the number of logged values of a metric over the days of `span`.
    pub fn sum_and_count_in(&self, metric: Metric, span: Option<Span>) -> (u32, usize) {
        let (Some(Span(a, b)), Some(sums), Some(counts)) =
            (span, self.sums.get(metric), self.counts.get(metric))
        else {
            return (0, 0);
        };
        (sums[b] - sums[a], (counts[b] - counts[a]) as usize)
    }

    /// The mean over the logged values of the days of `span`, with how many days it rests on.
    pub fn mean_in(&self, metric: Metric, span: Option<Span>) -> (Option<f64>, usize) {
        let (sum, count) = self.sum_and_count_in(metric, span);
        let mean = (count > 0).then(|| f64::from(sum) / count as f64);
        (mean, count)
    }

    /// The sum and the number of logged values of a metric over `range` (days outside the
    /// journal count as not logged).
    pub fn sum_and_count(&self, metric: Metric, range: DayRange) -> (u32, usize) {
        self.sum_and_count_in(metric, self.offsets(range))
    }

    /// The mean over the logged values of `range`, with how many days it rests on.
    pub fn mean(&self, metric: Metric, range: DayRange) -> (Option<f64>, usize) {
        self.mean_in(metric, self.offsets(range))
    }
}

/// Days of the journal by position, `[a, b)`: see [`DailyIndex::offsets`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span(usize, usize);

fn offset_of(start: NaiveDate, date: NaiveDate) -> usize {
    usize::try_from((date - start).num_days()).unwrap_or(0)
}
