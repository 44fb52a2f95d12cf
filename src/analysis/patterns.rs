//! What goes with worse or better days: each measure against the chosen metric (Pearson's r with
//! Fisher's interval), and each thing that happened (a medication taken, an exercise done, a
//! care visit, a session of a kind, a place that hurt) as the metric's mean on days with it
//! against days without (Welch's interval, as in the comparison with ordinary weeks).
//!
//! The pairing, exactly: a day *counts* when the journal has anything on it (a day record, a
//! session or a care visit) and lies in the period. Lag L pairs a counted day D with the metric
//! logged on day D + L; pairs whose metric is not logged are left out. A measure's pair is the
//! measure on D (when logged) with the metric on D + L; a factor's day is *with* when the thing
//! happened on D and *without* when it did not. A pattern is named only when its 95% interval
//! excludes 0; it goes together with the metric, which does not mean it causes it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::compare::{Comparison, Verdict};
use super::{DayRange, JournalIndex};
use crate::model::{CareKind, Journal, Metric};

/// The fewest pairs behind an r.
pub const MIN_PAIRS: usize = 10;
/// The lags looked at: the same day and the next.
pub const LAGS: [u8; 2] = [0, 1];

/// What a pattern says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternVerdict {
    /// More of the measure or the factor goes with higher values of the metric (the whole
    /// interval above 0).
    GoesWithHigher,
    /// … with lower values (the whole interval below 0).
    GoesWithLower,
    /// The interval holds 0.
    NoClearPattern,
    /// Too few days: fewer than [`MIN_PAIRS`] pairs, or fewer than 3 days on a side.
    NotEnoughData,
}

impl PatternVerdict {
    /// `true` for a pattern either way.
    pub fn is_clear(self) -> bool {
        matches!(self, Self::GoesWithHigher | Self::GoesWithLower)
    }

    fn of_interval(ci95: Option<(f64, f64)>) -> Self {
        match ci95 {
            None => Self::NotEnoughData,
            Some((low, _)) if low > 0.0 => Self::GoesWithHigher,
            Some((_, high)) if high < 0.0 => Self::GoesWithLower,
            Some(_) => Self::NoClearPattern,
        }
    }
}

/// A measure against the metric at one lag.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasurePattern {
    /// The measure.
    pub measure: Metric,
    /// 0: the same day; 1: the metric the next day.
    pub lag: u8,
    /// Pearson's r (from [`MIN_PAIRS`] pairs, and when both vary).
    pub r: Option<f64>,
    /// Fisher's 95% interval for r.
    pub ci95: Option<(f64, f64)>,
    /// Pairs behind it.
    pub n: usize,
    /// What it says.
    pub verdict: PatternVerdict,
    /// The pairs, `(measure, metric)`, counted by value: `counts[x][y]` days.
    pub counts: Box<[[u32; 11]; 11]>,
}

/// What kind of thing happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorKind {
    /// A medication taken.
    Medication,
    /// A home exercise done.
    Exercise,
    /// A visit to other care.
    Care,
    /// A massage session of a kind.
    SessionKind,
    /// A place that hurt.
    Region,
}

/// One thing that can happen on a day.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Factor {
    /// What kind.
    pub kind: FactorKind,
    /// Its name as people read it: "Ibuprofen", "Physiotherapy", "Deep tissue", "Lower back".
    pub name: String,
}

/// A factor against the metric at one lag.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorPattern {
    /// The factor.
    pub factor: Factor,
    /// 0: the same day; 1: the metric the next day.
    pub lag: u8,
    /// The metric's mean on days with it and days without, the difference (with − without),
    /// Welch's interval, and the days on each side.
    pub compared: Comparison,
    /// The metric's values on days with it, sorted (for the picture).
    pub with: Vec<f64>,
    /// The metric's values on days without it, sorted.
    pub without: Vec<f64>,
    /// What it says.
    pub verdict: PatternVerdict,
    /// See [`AnyPattern::strength`]: worked out once (it looks at every day's value).
    strength: f64,
}

/// Every pattern of one metric over one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Patterns {
    /// The metric looked at.
    pub metric: Metric,
    /// The period.
    pub range: DayRange,
    /// Days that count (the journal has something on them).
    pub days_counted: usize,
    /// Each measure at each lag, the clear ones first, strongest first.
    pub measures: Vec<MeasurePattern>,
    /// Each factor at each lag, likewise.
    pub factors: Vec<FactorPattern>,
}

/// A pattern of either kind, for one ranked list.
#[derive(Clone, Copy, Debug)]
pub enum AnyPattern<'a> {
    /// A measure.
    Measure(&'a MeasurePattern),
    /// A factor.
    Factor(&'a FactorPattern),
}

impl AnyPattern<'_> {
    /// The verdict.
    pub fn verdict(self) -> PatternVerdict {
        match self {
            Self::Measure(p) => p.verdict,
            Self::Factor(p) => p.verdict,
        }
    }

    /// 0: the same day; 1: the metric the next day.
    pub fn lag(self) -> u8 {
        match self {
            Self::Measure(p) => p.lag,
            Self::Factor(p) => p.lag,
        }
    }

    /// How strong at least, on r's scale: the end of the 95% interval nearer 0 (so that a
    /// pattern on few days, with a wide interval, ranks below a surer one); for a factor that
    /// end in pooled standard deviations (d), as r = d / √(d² + 4).
    pub fn strength(self) -> f64 {
        match self {
            Self::Measure(p) => p.ci95.map_or(0.0, |(low, high)| nearer_zero(low, high)),
            Self::Factor(p) => p.strength(),
        }
    }
}

impl FactorPattern {
    /// See [`AnyPattern::strength`].
    pub fn strength(&self) -> f64 {
        self.strength
    }

    fn strength_of(&self) -> f64 {
        let Some((low, high)) = self.compared.ci95 else {
            return 0.0;
        };
        let difference = nearer_zero(low, high);
        let (a, b) = (&self.with, &self.without);
        let (Some(sd_a), Some(sd_b)) = (super::stats::sample_sd(a), super::stats::sample_sd(b))
        else {
            return 0.0;
        };
        let (n_a, n_b) = (a.len() as f64, b.len() as f64);
        let pooled =
            (((n_a - 1.0) * sd_a * sd_a + (n_b - 1.0) * sd_b * sd_b) / (n_a + n_b - 2.0)).sqrt();
        if pooled == 0.0 {
            return if difference == 0.0 { 0.0 } else { 1.0 };
        }
        let d = difference / pooled;
        d.abs() / (d * d + 4.0).sqrt()
    }
}

impl Patterns {
    /// The clear patterns of both kinds, strongest first.
    pub fn clear(&self) -> Vec<AnyPattern<'_>> {
        let mut all: Vec<AnyPattern<'_>> = self
            .measures
            .iter()
            .map(AnyPattern::Measure)
            .chain(self.factors.iter().map(AnyPattern::Factor))
            .filter(|p| p.verdict().is_clear())
            .collect();
        all.sort_by(|a, b| b.strength().total_cmp(&a.strength()));
        all
    }
}

/// The end of an interval nearer 0, or 0 when it holds 0.
fn nearer_zero(low: f64, high: f64) -> f64 {
    if low > 0.0 {
        low
    } else if high < 0.0 {
        -high
    } else {
        0.0
    }
}

/// Pearson's r of `pairs`, or `None` when either side does not vary.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.len() < 2 {
        return None;
    }
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(sx, sy), (x, y)| (sx + x / n, sy + y / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        let (dx, dy) = (x - mx, y - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Fisher's 95% interval for `r` over `n` pairs: r ± 1.96/√(n − 3) on the z scale (z =
/// atanh r), turned back. `None` for fewer than 4 pairs.
pub fn fisher_ci95(r: f64, n: usize) -> Option<(f64, f64)> {
    if n < 4 {
        return None;
    }
    let z = r.atanh();
    let half = 1.96 / ((n - 3) as f64).sqrt();
    Some(((z - half).tanh(), (z + half).tanh()))
}

/// The patterns of `metric` over `range`.
pub fn patterns(
    journal: &Journal,
    index: &JournalIndex,
    metric: Metric,
    range: DayRange,
) -> Patterns {
    let days = counted_days(journal, range);
    let mut measures: Vec<MeasurePattern> = index
        .daily
        .metrics()
        .iter()
        .copied()
        .filter(|&measure| is_compared(measure, metric))
        .flat_map(|measure| LAGS.map(|lag| measure_pattern(index, metric, measure, lag, &days)))
        .collect();
    let happened = factors_by_day(journal, &days);
    let mut factors: Vec<FactorPattern> = happened
        .iter()
        .flat_map(|(factor, on)| {
            LAGS.map(|lag| factor_pattern(index, metric, (factor, on), lag, &days))
        })
        .collect();
    sort_patterns(&mut measures, |p| {
        (p.verdict, AnyPattern::Measure(p).strength())
    });
    sort_patterns(&mut factors, |p| (p.verdict, p.strength()));
    Patterns {
        metric,
        range,
        days_counted: days.len(),
        measures,
        factors,
    }
}

/// Clear ones first, strongest first; the order they were made in otherwise.
fn sort_patterns<T>(patterns: &mut [T], key: impl Fn(&T) -> (PatternVerdict, f64)) {
    patterns.sort_by(|a, b| {
        let ((va, sa), (vb, sb)) = (key(a), key(b));
        vb.is_clear().cmp(&va.is_clear()).then(if va.is_clear() {
            sb.total_cmp(&sa)
        } else {
            std::cmp::Ordering::Equal
        })
    });
}

/// The measures looked at against `metric`: every other one, but not worst pain against pain
/// (or pain against worst pain), which are two readings of the same thing.
fn is_compared(measure: Metric, metric: Metric) -> bool {
    let pains = [Metric::Pain, Metric::WorstPain];
    measure != metric && !(pains.contains(&measure) && pains.contains(&metric))
}

/// The days of `range` the journal has anything on, in order.
fn counted_days(journal: &Journal, range: DayRange) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = journal
        .days_between(range.from, range.to)
        .map(|day| day.date)
        .chain(
            journal
                .sessions()
                .iter()
                .map(crate::model::Session::date)
                .filter(|d| range.contains(*d)),
        )
        .chain(
            journal
                .care_visits()
                .iter()
                .map(|v| v.date)
                .filter(|d| range.contains(*d)),
        )
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

fn measure_pattern(
    index: &JournalIndex,
    metric: Metric,
    measure: Metric,
    lag: u8,
    days: &[NaiveDate],
) -> MeasurePattern {
    let mut counts = Box::new([[0_u32; 11]; 11]);
    let mut pairs = Vec::new();
    for &day in days {
        let (Some(x), Some(y)) = (
            index.daily.value(measure, day),
            day.checked_add_days(chrono::Days::new(u64::from(lag)))
                .and_then(|later| index.daily.value(metric, later)),
        ) else {
            continue;
        };
        counts[usize::from(x.min(10))][usize::from(y.min(10))] += 1;
        pairs.push((f64::from(x), f64::from(y)));
    }
    let n = pairs.len();
    let r = (n >= MIN_PAIRS).then(|| pearson(&pairs)).flatten();
    let ci95 = r.and_then(|r| fisher_ci95(r, n));
    let verdict = match (n >= MIN_PAIRS, ci95) {
        (false, _) => PatternVerdict::NotEnoughData,
        (true, None) => PatternVerdict::NoClearPattern,
        (true, interval) => PatternVerdict::of_interval(interval),
    };
    MeasurePattern {
        measure,
        lag,
        r,
        ci95,
        n,
        verdict,
        counts,
    }
}

fn factor_pattern(
    index: &JournalIndex,
    metric: Metric,
    (factor, on): (&Factor, &[bool]),
    lag: u8,
    days: &[NaiveDate],
) -> FactorPattern {
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for (&day, &happened) in days.iter().zip(on) {
        let Some(value) = day
            .checked_add_days(chrono::Days::new(u64::from(lag)))
            .and_then(|later| index.daily.value(metric, later))
        else {
            continue;
        };
        if happened {
            with.push(f64::from(value));
        } else {
            without.push(f64::from(value));
        }
    }
    let compared = Comparison::of(&with, &without);
    let verdict = match compared.verdict {
        Verdict::Higher => PatternVerdict::GoesWithHigher,
        Verdict::Lower => PatternVerdict::GoesWithLower,
        Verdict::NoClearDifference => PatternVerdict::NoClearPattern,
        Verdict::NotEnoughData => PatternVerdict::NotEnoughData,
    };
    with.sort_by(f64::total_cmp);
    without.sort_by(f64::total_cmp);
    let mut pattern = FactorPattern {
        factor: factor.clone(),
        lag,
        compared,
        with,
        without,
        verdict,
        strength: 0.0,
    };
    pattern.strength = pattern.strength_of();
    pattern
}

/// Each factor that happened on at least one counted day, with whether it happened on each.
fn factors_by_day(journal: &Journal, days: &[NaiveDate]) -> BTreeMap<Factor, Vec<bool>> {
    let mut on: BTreeMap<Factor, Vec<bool>> = BTreeMap::new();
    let position: BTreeMap<NaiveDate, usize> =
        days.iter().enumerate().map(|(i, d)| (*d, i)).collect();
    let mut mark = |kind: FactorKind, name: &str, date: NaiveDate| {
        if let Some(&at) = position.get(&date) {
            let factor = Factor {
                kind,
                name: name.to_owned(),
            };
            on.entry(factor).or_insert_with(|| vec![false; days.len()])[at] = true;
        }
    };
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
        return on;
    };
    for day in journal.days_between(first, last) {
        for id in &day.took {
            if let Some(medication) = journal.medication(*id) {
                mark(FactorKind::Medication, &medication.name, day.date);
            }
        }
        for id in &day.did {
            if let Some(exercise) = journal.exercise(*id) {
                mark(FactorKind::Exercise, &exercise.name, day.date);
            }
        }
        for region in day.areas() {
            mark(FactorKind::Region, region.label(), day.date);
        }
    }
    for visit in journal.care_visits() {
        let name = match visit.kind {
            CareKind::Other if !visit.name.trim().is_empty() => visit.name.trim(),
            kind => kind.label(),
        };
        mark(FactorKind::Care, name, visit.date);
    }
    for session in journal.sessions() {
        mark(
            FactorKind::SessionKind,
            session.kind.choice().label(),
            session.date(),
        );
    }
    on
}

#[cfg(test)]
mod tests;
