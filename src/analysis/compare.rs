//! Sessions against ordinary weeks: the answer to "did my sessions help?".
//!
//! The change around a session (after − before) is compared with the same change around
//! ordinary days: days with no session within k days, taken in date order so that their windows
//! never overlap (each at least 2k + 1 days after the last one taken, with at least m logged
//! days of the metric on each side). The difference of the two means, with Welch's 95%
//! interval, says whether sessions did more than ordinary ups and downs.

use chrono::NaiveDate;

use super::stats::{mean, sample_sd};
use super::{EffectSettings, JournalIndex, MetricMap};
use crate::model::Metric;

/// How many changes each side needs before the comparison says anything.
pub const MIN_EACH: usize = 3;

/// What the comparison found, for one group of sessions and one metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The whole interval is below 0: after sessions the metric ended lower than over ordinary
    /// weeks.
    Lower,
    /// The whole interval is above 0.
    Higher,
    /// The interval holds 0.
    NoClearDifference,
    /// Fewer than [`MIN_EACH`] changes on a side.
    NotEnoughData,
}

impl Verdict {
    /// `true` for an answer either way.
    pub fn is_clear(self) -> bool {
        matches!(self, Self::Lower | Self::Higher)
    }

    /// `Some(true)` when the verdict is good news for `metric` (lower pain, higher sleep
    /// quality), `Some(false)` when it is bad news, `None` when there is no clear answer.
    pub fn is_better(self, metric: Metric) -> Option<bool> {
        match self {
            Self::Lower => Some(!metric.higher_is_better()),
            Self::Higher => Some(metric.higher_is_better()),
            Self::NoClearDifference | Self::NotEnoughData => None,
        }
    }
}

/// Sessions against ordinary weeks for one group and one metric.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Sessions with enough logged days on both sides (the changes behind the answer).
    pub sessions: usize,
    /// Ordinary weeks in the sample.
    pub baseline: usize,
    /// The mean change after sessions.
    pub session_mean: Option<f64>,
    /// The mean change over ordinary weeks.
    pub baseline_mean: Option<f64>,
    /// Session mean − ordinary mean (when there is at least one of each).
    pub difference: Option<f64>,
    /// Welch's 95% interval for the difference (from [`MIN_EACH`] of each).
    pub ci95: Option<(f64, f64)>,
    /// What it says.
    pub verdict: Verdict,
}

impl Comparison {
    /// Compare `session_changes` with `ordinary_changes`.
    pub fn of(session_changes: &[f64], ordinary_changes: &[f64]) -> Self {
        let (session_mean, baseline_mean) = (mean(session_changes), mean(ordinary_changes));
        let difference = session_mean.zip(baseline_mean).map(|(s, o)| s - o);
        let enough = session_changes.len() >= MIN_EACH && ordinary_changes.len() >= MIN_EACH;
        let ci95 = enough
            .then(|| welch_ci95(session_changes, ordinary_changes))
            .flatten();
        let verdict = match ci95 {
            None => Verdict::NotEnoughData,
            Some((_, high)) if high < 0.0 => Verdict::Lower,
            Some((low, _)) if low > 0.0 => Verdict::Higher,
            Some(_) => Verdict::NoClearDifference,
        };
        Self {
            sessions: session_changes.len(),
            baseline: ordinary_changes.len(),
            session_mean,
            baseline_mean,
            difference,
            ci95,
            verdict,
        }
    }

    /// How clear the answer is, to sort by: clear answers first, then by how far the interval
    /// stands from 0 (its nearer end), then by the size of the difference.
    pub fn clarity(&self) -> (u8, f64) {
        match (self.verdict, self.ci95, self.difference) {
            (Verdict::Lower | Verdict::Higher, Some((low, high)), _) => {
                (2, low.abs().min(high.abs()))
            }
            (Verdict::NoClearDifference, _, Some(difference)) => (1, -difference.abs().recip()),
            _ => (0, 0.0),
        }
    }
}

/// Welch's 95% interval for mean(a) − mean(b): unequal variances, Welch–Satterthwaite degrees
/// of freedom and Student's t quantile. `None` with fewer than two values on a side.
pub fn welch_ci95(a: &[f64], b: &[f64]) -> Option<(f64, f64)> {
    let difference = mean(a)? - mean(b)?;
    let (sd_a, sd_b) = (sample_sd(a)?, sample_sd(b)?);
    let (n_a, n_b) = (a.len() as f64, b.len() as f64);
    let (v_a, v_b) = (sd_a * sd_a / n_a, sd_b * sd_b / n_b);
    let se = (v_a + v_b).sqrt();
    if se == 0.0 {
        // Every change on both sides the same: no spread, so no uncertainty to show.
        return Some((difference, difference));
    }
    let df = (v_a + v_b).powi(2) / (v_a * v_a / (n_a - 1.0) + v_b * v_b / (n_b - 1.0));
    let half = t_quantile(0.975, df) * se;
    Some((difference - half, difference + half))
}

/// The `p` quantile of Student's t with `df` (not necessarily whole) degrees of freedom: Newton's
/// method on the distribution function, kept inside a bracket that bisection narrows whenever a
/// step would leave it; accurate to about 1e-10 in a handful of steps (the comparisons of a
/// 20-year journal need some eighty of these).
pub fn t_quantile(p: f64, df: f64) -> f64 {
    if p == 0.5 {
        return 0.0;
    }
    if p < 0.5 {
        return -t_quantile(1.0 - p, df);
    }
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    while t_cdf(high, df) < p && high < 1e12 {
        high *= 2.0;
    }
    let ln_density_scale =
        ln_gamma((df + 1.0) / 2.0) - ln_gamma(df / 2.0) - 0.5 * (df * std::f64::consts::PI).ln();
    let mut t = 0.5 * (low + high);
    for _ in 0..200 {
        let error = t_cdf(t, df) - p;
        if error < 0.0 {
            low = t;
        } else {
            high = t;
        }
        if high - low < 1e-12 || error.abs() < 1e-14 {
            break;
        }
        let density = (ln_density_scale - (df + 1.0) / 2.0 * (t * t / df).ln_1p()).exp();
        let step = t - error / density;
        t = if density > 0.0 && step > low && step < high {
            step
        } else {
            0.5 * (low + high)
        };
    }
    t
}

/// The distribution function of Student's t with `df` degrees of freedom, at `t`.
fn t_cdf(t: f64, df: f64) -> f64 {
    let x = df / (df + t * t);
    let tail = 0.5 * regularized_beta(x, df / 2.0, 0.5);
    if t >= 0.0 { 1.0 - tail } else { tail }
}

/// The regularized incomplete beta function I_x(a, b), by its continued fraction (Lentz).
fn regularized_beta(x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    // The fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(x, a, b) / a
    } else {
        1.0 - front * beta_fraction(1.0 - x, b, a) / b
    }
}

fn beta_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    d = if d.abs() < TINY { TINY } else { d }.recip();
    let mut fraction = d;
    for m in 1..=300 {
        let m = f64::from(m);
        for numerator in [
            m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0)),
        ] {
            d = 1.0 + numerator * d;
            d = if d.abs() < TINY { TINY } else { d }.recip();
            c = 1.0 + numerator / c;
            c = if c.abs() < TINY { TINY } else { c };
            fraction *= d * c;
        }
        if (d * c - 1.0).abs() < 1e-15 {
            break;
        }
    }
    fraction
}

/// ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits).
fn ln_gamma(x: f64) -> f64 {
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        return (std::f64::consts::PI / (std::f64::consts::PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut sum = COEFFICIENTS[0];
    for (i, coefficient) in COEFFICIENTS.iter().enumerate().skip(1) {
        sum += coefficient / (x + i as f64);
    }
    let t = x + 7.5;
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
}

/// The ordinary days of the sample, by metric: days with no session within k days whose before
/// and after windows both have at least m logged days of the metric, taken in date order at
/// least 2k + 1 days apart (so that no two share a day), with the change around each.
pub fn ordinary_changes(
    index: &JournalIndex,
    settings: EffectSettings,
) -> MetricMap<Vec<(NaiveDate, f64)>> {
    let mut changes: MetricMap<Vec<(NaiveDate, f64)>> = index.daily.metric_map(|_| Vec::new());
    let Some(span) = index.daily.span() else {
        return changes;
    };
    let k = i64::from(settings.window());
    let spacing = 2 * k + 1;
    let mut last_taken: MetricMap<Option<NaiveDate>> = index.daily.metric_map(|_| None);
    let mut day = span.from;
    while day <= span.to {
        let ordinary = index.session_days.distance(day).is_none_or(|d| d >= k);
        if ordinary {
            let (before, after) = index.session_days.windows(day, settings.window());
            let (before, after) = (index.daily.offsets(before), index.daily.offsets(after));
            for &metric in index.daily.metrics() {
                let spaced =
                    last_taken[metric].is_none_or(|last| (day - last).num_days() >= spacing);
                if !spaced {
                    continue;
                }
                let (before_mean, before_days) = index.daily.mean_in(metric, before);
                let (after_mean, after_days) = index.daily.mean_in(metric, after);
                let m = usize::from(settings.min_days());
                if let (Some(b), Some(a)) = (before_mean, after_mean)
                    && before_days >= m
                    && after_days >= m
                {
                    changes[metric].push((day, a - b));
                    last_taken[metric] = Some(day);
                }
            }
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() < tolerance
    }

    #[test]
    fn t_quantiles_match_the_tables() {
        // Student's t, 97.5%: whole and fractional degrees of freedom (scipy.stats.t.ppf).
        for (df, expected) in [
            (1.0, 12.706_204_736),
            (2.0, 4.302_652_730),
            (3.0, 3.182_446_305),
            (10.0, 2.228_138_852),
            (30.0, 2.042_272_456),
            (2.5, 3.574_654_842),
            (7.3, 2.345_066_737),
            (1000.0, 1.962_339_081),
        ] {
            let t = t_quantile(0.975, df);
            assert!(close(t, expected, 1e-6), "df {df}: {t} against {expected}");
        }
        assert!(close(t_quantile(0.025, 4.0), -2.776_445_105, 1e-6));
    }

    /// Worked by hand. Sessions: −3, −2, −1 (mean −2, variance 1). Ordinary weeks: 0, 1, 2, 1
    /// (mean 1, variance 2/3). Difference −3. v1 = 1/3, v2 = (2/3)/4 = 1/6, se = √(1/2).
    /// df = (1/2)² / ((1/3)²/2 + (1/6)²/3) = 0.25 / (1/18 + 1/108) = 0.25 / (7/108) = 27/7 ≈ 3.857.
    /// t(0.975, 27/7) = 2.8175 (scipy.stats.t.ppf); half-width 2.8175 × 0.7071 = 1.992.
    #[test]
    fn welchs_interval_is_the_one_worked_out_by_hand() {
        let sessions = [-3.0, -2.0, -1.0];
        let ordinary = [0.0, 1.0, 2.0, 1.0];
        let (low, high) = welch_ci95(&sessions, &ordinary).unwrap();
        let t = t_quantile(0.975, 27.0 / 7.0);
        assert!(close(t, 2.817_473_753, 1e-6), "{t}");
        let half = t * 0.5_f64.sqrt();
        assert!(
            close(low, -3.0 - half, 1e-9) && close(high, -3.0 + half, 1e-9),
            "{low} {high}"
        );
        let comparison = Comparison::of(&sessions, &ordinary);
        assert_eq!(comparison.verdict, Verdict::Lower, "{comparison:?}");
        assert_eq!((comparison.sessions, comparison.baseline), (3, 4));
        assert!(close(comparison.difference.unwrap(), -3.0, 1e-12));
    }

    /// Sessions 0, 1, −1 (mean 0, variance 1); ordinary 0.5, 0, 1 (mean 0.5, variance 0.25):
    /// difference −0.5, v1 = 1/3, v2 = 1/12, se = √(5/12) = 0.6455; df = (5/12)² /
    /// ((1/3)²/2 + (1/12)²/2) = 0.17361 / 0.05903 = 2.941; t = 3.219; the interval holds 0.
    #[test]
    fn an_interval_across_zero_is_no_clear_difference() {
        let comparison = Comparison::of(&[0.0, 1.0, -1.0], &[0.5, 0.0, 1.0]);
        assert_eq!(comparison.verdict, Verdict::NoClearDifference);
        let (low, high) = comparison.ci95.unwrap();
        let se = (5.0_f64 / 12.0).sqrt();
        let df = (5.0_f64 / 12.0).powi(2) / ((1.0_f64 / 9.0) / 2.0 + (1.0_f64 / 144.0) / 2.0);
        assert!(close(df, 2.941_176_470_6, 1e-9));
        let half = 3.218_758_614_5 * se;
        assert!(
            close(low, -0.5 - half, 1e-6) && close(high, -0.5 + half, 1e-6),
            "{low} {high}"
        );
    }

    #[test]
    fn fewer_than_three_on_a_side_is_not_enough_data() {
        let two = Comparison::of(&[-2.0, -3.0], &[0.0, 1.0, 2.0]);
        assert_eq!(two.verdict, Verdict::NotEnoughData);
        assert_eq!(two.ci95, None);
        assert_eq!(two.difference, Some(-3.5), "the difference is still known");
        let none = Comparison::of(&[], &[0.0, 1.0, 2.0]);
        assert_eq!(
            (none.verdict, none.difference),
            (Verdict::NotEnoughData, None)
        );
        let few_ordinary = Comparison::of(&[-1.0, -2.0, -3.0], &[1.0, 2.0]);
        assert_eq!(few_ordinary.verdict, Verdict::NotEnoughData);
    }

    #[test]
    fn higher_is_good_news_for_sleep_and_bad_news_for_pain() {
        assert_eq!(Verdict::Higher.is_better(Metric::Sleep), Some(true));
        assert_eq!(Verdict::Higher.is_better(Metric::Pain), Some(false));
        assert_eq!(Verdict::Lower.is_better(Metric::Stress), Some(true));
        assert_eq!(Verdict::NoClearDifference.is_better(Metric::Pain), None);
    }
}
