//! The before/after change around each session, summaries by kind and by therapist, the
//! baseline (the same change over ordinary weeks, see [`super::compare`]) and the comparison of
//! the two, and the body regions sessions worked on.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::compare::{Comparison, ordinary_changes};
use super::other_care::{NearbyCare, any_near, care_events, near};
use super::regions::{RegionComparison, by_focus_region};
use super::stats::{ci95, mean, median};
use super::{DayRange, EffectSettings, JournalIndex, MetricMap, UNCHANGED_WITHIN};
use crate::model::{Cost, Currency, Journal, KindChoice, Metric, Region, SessionId, SessionKind};

/// One window's value for one metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindowStat {
    /// The mean over the window's logged days, or `None` when fewer than m days have the
    /// metric ("not enough data", never 0).
    pub mean: Option<f64>,
    /// How many days of the window have the metric.
    pub days: usize,
}

/// Before, after and change of one metric around one session.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricEffect {
    /// The before window.
    pub before: WindowStat,
    /// The after window.
    pub after: WindowStat,
}

impl MetricEffect {
    /// After − before, when both windows have enough data.
    pub fn change(&self) -> Option<f64> {
        Some(self.after.mean? - self.before.mean?)
    }

    /// The change as it is shown: the difference of the two means each to one decimal, so that
    /// "5.6 → 5.1" is "0.5 lower" (the unrounded means may differ by 0.43).
    pub fn shown_change(&self) -> Option<f64> {
        shown_change(self.before.mean, self.after.mean)
    }

    /// Change / before (undefined when before is 0).
    pub fn relative_change(&self) -> Option<f64> {
        let before = self.before.mean.filter(|b| *b > 0.0)?;
        Some(self.change()? / before)
    }
}

/// The change between two means as they are shown, each to one decimal.
pub fn shown_change(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    Some(shown_tenth(after?) - shown_tenth(before?))
}

/// `value` rounded to one decimal exactly as "{:.1}" shows it (3.25 shows as "3.2": a tie goes
/// to the even digit). Arithmetic where the value is clearly not near a tie; the formatter,
/// which rounds the exact binary value, where it is.
fn shown_tenth(value: f64) -> f64 {
    let tenths = value * 10.0;
    let fraction = tenths - tenths.floor();
    if value.is_finite() && (fraction - 0.5).abs() > 1e-6 && tenths.abs() < 1e12 {
        tenths.round() / 10.0
    } else {
        format!("{value:.1}").parse::<f64>().unwrap_or(value)
    }
}

/// Whether a change is for the better, the worse, or within [`UNCHANGED_WITHIN`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Better (lower, or higher for sleep quality).
    Improved,
    /// Less than half a point either way.
    Unchanged,
    /// Worse.
    Worse,
}

/// The direction of `change` for `metric` (sleep quality is better when higher), judged on the
/// change as it is shown, to one decimal: a change shown as "0.5 lower" is never "about the same".
pub fn direction(metric: Metric, change: f64) -> Direction {
    let shown = (change * 10.0).round() / 10.0;
    if shown.abs() < UNCHANGED_WITHIN - 1e-9 {
        Direction::Unchanged
    } else if (change < 0.0) != metric.higher_is_better() {
        Direction::Improved
    } else {
        Direction::Worse
    }
}

/// A meaningful drop in pain: at least 2 points or 30% (Farrar et al. 2001; IMMPACT).
pub fn is_meaningful_pain_drop(effect: &MetricEffect) -> bool {
    let Some(change) = effect.change() else {
        return false;
    };
    change <= -2.0
        || effect
            .relative_change()
            .is_some_and(|relative| relative <= -0.3)
}

/// Everything about one session's before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionEffect {
    /// The session.
    pub session_id: SessionId,
    /// When it started.
    pub start: NaiveDateTime,
    /// Its kind.
    pub kind: SessionKind,
    /// Its therapist.
    pub therapist: Option<String>,
    /// The regions it worked on.
    pub focus: std::collections::BTreeSet<Region>,
    /// What it cost.
    pub cost: Option<Cost>,
    /// The days of the before window (possibly empty after clipping).
    pub before: DayRange,
    /// The days of the after window.
    pub after: DayRange,
    /// Before, after and change of each metric.
    pub metrics: MetricMap<MetricEffect>,
    /// Pain right before − pain right after, within the session.
    pub immediate_relief: Option<i8>,
    /// Other care within the window either side (a care visit, a regular medication started or
    /// stopped): its change cannot be credited to the massage alone.
    pub other_care: Vec<NearbyCare>,
    /// `false` when left out of every summary and comparison for the other care near it (only
    /// with [`EffectSettings::leave_out_other_care`]).
    pub counted: bool,
}

impl SessionEffect {
    /// The session's day.
    pub fn date(&self) -> NaiveDate {
        self.start.date()
    }

    /// "physiotherapy 2 days after; naproxen started 1 day before", or `None` without other care.
    pub fn other_care_words(&self) -> Option<String> {
        (!self.other_care.is_empty()).then(|| {
            self.other_care
                .iter()
                .map(NearbyCare::describe)
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    /// `true` when pain fell meaningfully from the before to the after window.
    pub fn meaningful_pain_drop(&self) -> bool {
        is_meaningful_pain_drop(&self.metrics[Metric::Pain])
    }
}

/// Changes of one metric over a group of sessions (or of baseline days).
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeSummary {
    /// How many have a change (enough data on both sides).
    pub n: usize,
    /// The mean change.
    pub mean_change: Option<f64>,
    /// The median change.
    pub median_change: Option<f64>,
    /// A 95% t-interval for the mean (none when n < 3).
    pub ci95: Option<(f64, f64)>,
    /// How many improved, stayed within half a point, got worse.
    pub improved: usize,
    /// See `improved`.
    pub unchanged: usize,
    /// See `improved`.
    pub worse: usize,
}

impl ChangeSummary {
    /// Summarize `changes` of `metric`.
    pub fn of(metric: Metric, changes: &[f64]) -> Self {
        Self::with_directions(metric, changes, changes)
    }

    /// The summary of sessions' `changes`, each judged better, the same or worse on the change
    /// as it is shown (`shown`, in the same order), as its row says.
    pub fn of_sessions(metric: Metric, changes: &[f64], shown: &[f64]) -> Self {
        Self::with_directions(metric, changes, shown)
    }

    fn with_directions(metric: Metric, changes: &[f64], judged: &[f64]) -> Self {
        let count = |wanted: Direction| {
            judged
                .iter()
                .filter(|&&change| direction(metric, change) == wanted)
                .count()
        };
        Self {
            n: changes.len(),
            mean_change: mean(changes),
            median_change: median(changes),
            ci95: ci95(changes),
            improved: count(Direction::Improved),
            unchanged: count(Direction::Unchanged),
            worse: count(Direction::Worse),
        }
    }
}

/// What sessions in one currency cost.
#[derive(Clone, Debug, PartialEq)]
pub struct CostSummary {
    /// The currency.
    pub currency: Currency,
    /// Sessions with a cost in it.
    pub sessions: usize,
    /// Their mean cost.
    pub mean_cost: f64,
    /// Total cost ÷ total points of pain relief (before − after window), over the sessions with
    /// both; `None` when pain did not fall over those, or the group's mean change in pain is not
    /// a fall.
    pub cost_per_point: Option<f64>,
}

/// A group of sessions: one kind, or one therapist.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupSummary {
    /// Sessions in the group (with or without enough data).
    pub sessions: usize,
    /// Changes by metric.
    pub metrics: MetricMap<ChangeSummary>,
    /// Costs by currency, most used first.
    pub costs: Vec<CostSummary>,
}

/// The whole before/after analysis for one journal and one setting of k and m.
#[derive(Clone, Debug, PartialEq)]
pub struct Effects {
    /// k and m.
    pub settings: EffectSettings,
    /// The metrics analysed: the built-in ones, then the journal's own measures.
    pub metrics: Vec<Metric>,
    /// One entry per session, by start (every session, also those left out of the summaries
    /// for other care near them).
    pub sessions: Vec<SessionEffect>,
    /// How many sessions the summaries and comparisons leave out for other care near them
    /// (0 unless [`EffectSettings::leave_out_other_care`]).
    pub left_out: usize,
    /// Summaries by kind ("other" kinds together).
    pub by_kind: BTreeMap<KindChoice, GroupSummary>,
    /// Summaries by therapist (sessions without one are left out).
    pub by_therapist: BTreeMap<String, GroupSummary>,
    /// The same change over ordinary weeks: the sample of [`super::compare::ordinary_changes`].
    pub baseline: MetricMap<ChangeSummary>,
    /// The ordinary days of that sample and the change around each, by metric.
    pub ordinary: MetricMap<Vec<(NaiveDate, f64)>>,
    /// Sessions against ordinary weeks: all, by kind, by therapist.
    pub compared: Compared,
    /// How often each region sessions worked on hurt before and after them, against ordinary
    /// weeks.
    pub by_focus_region: BTreeMap<Region, RegionComparison>,
}

/// Sessions against ordinary weeks, for every group and metric.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// Every session.
    pub all: MetricMap<Comparison>,
    /// By kind ("other" kinds together), as in [`Effects::by_kind`].
    pub by_kind: BTreeMap<KindChoice, MetricMap<Comparison>>,
    /// By therapist, as in [`Effects::by_therapist`].
    pub by_therapist: BTreeMap<String, MetricMap<Comparison>>,
}

impl Compared {
    /// The comparisons of `sessions`, grouped as the summaries are, against `ordinary`.
    fn new(
        metrics: &[Metric],
        sessions: &[&SessionEffect],
        ordinary: &MetricMap<Vec<(NaiveDate, f64)>>,
    ) -> Self {
        let compare = |members: &[&SessionEffect]| {
            MetricMap::for_metrics(metrics, |metric| {
                let changes: Vec<f64> = members
                    .iter()
                    .filter_map(|effect| effect.metrics[metric].change())
                    .collect();
                let baseline: Vec<f64> = ordinary[metric].iter().map(|(_, c)| *c).collect();
                Comparison::of(&changes, &baseline)
            })
        };
        Self {
            all: compare(sessions),
            by_kind: members(sessions, |effect| Some(effect.kind.choice()))
                .into_iter()
                .map(|(kind, members)| (kind, compare(&members)))
                .collect(),
            by_therapist: members(sessions, |effect| effect.therapist.clone())
                .into_iter()
                .map(|(name, members)| (name, compare(&members)))
                .collect(),
        }
    }
}

/// The before/after analysis of every session in `journal`.
pub fn effects(journal: &Journal, index: &JournalIndex, settings: EffectSettings) -> Effects {
    let events = care_events(journal);
    let sessions: Vec<SessionEffect> = journal
        .sessions()
        .iter()
        .map(|session| {
            let (before, after) = index
                .session_days
                .windows(session.date(), settings.window());
            SessionEffect {
                session_id: session.id,
                start: session.start,
                kind: session.kind.clone(),
                therapist: session.therapist.clone(),
                focus: session.focus_areas(),
                cost: session.cost,
                before,
                after,
                metrics: metric_effects(index, before, after, settings),
                immediate_relief: session.immediate_relief(),
                other_care: near(&events, session.date(), settings.window()),
                counted: true,
            }
        })
        .map(|mut effect| {
            effect.counted = !settings.leave_out_other_care() || effect.other_care.is_empty();
            effect
        })
        .collect();
    // With the switch on, sessions with other care near them count in no summary, and neither
    // do ordinary days with other care near them.
    let counted: Vec<&SessionEffect> = sessions.iter().filter(|e| e.counted).collect();
    let left_out = sessions.len() - counted.len();
    let metrics = index.daily.metrics();
    let by_kind = group(metrics, &counted, |effect| Some(effect.kind.choice()));
    let by_therapist = group(metrics, &counted, |effect| effect.therapist.clone());
    let mut ordinary = ordinary_changes(index, settings);
    if settings.leave_out_other_care() {
        for &metric in metrics {
            ordinary[metric].retain(|(day, _)| !any_near(&events, *day, settings.window()));
        }
    }
    let baseline = index.daily.metric_map(|metric| {
        let changes: Vec<f64> = ordinary[metric].iter().map(|(_, change)| *change).collect();
        ChangeSummary::of(metric, &changes)
    });
    let compared = Compared::new(metrics, &counted, &ordinary);
    let by_focus_region = by_focus_region(journal, &counted, &ordinary[Metric::Pain], settings);
    Effects {
        settings,
        metrics: metrics.to_vec(),
        sessions,
        left_out,
        by_kind,
        by_therapist,
        baseline,
        ordinary,
        compared,
        by_focus_region,
    }
}

fn window_stat(
    index: &JournalIndex,
    metric: Metric,
    span: Option<super::daily::Span>,
    min_days: u8,
) -> WindowStat {
    let (mean, days) = index.daily.mean_in(metric, span);
    WindowStat {
        mean: mean.filter(|_| days >= usize::from(min_days)),
        days,
    }
}

fn metric_effects(
    index: &JournalIndex,
    before: DayRange,
    after: DayRange,
    settings: EffectSettings,
) -> MetricMap<MetricEffect> {
    let (before, after) = (index.daily.offsets(before), index.daily.offsets(after));
    index.daily.metric_map(|metric| MetricEffect {
        before: window_stat(index, metric, before, settings.min_days()),
        after: window_stat(index, metric, after, settings.min_days()),
    })
}

/// The sessions of each group that `key` puts them in (none for `None`).
fn members<'a, K: Ord>(
    sessions: &[&'a SessionEffect],
    key: impl Fn(&SessionEffect) -> Option<K>,
) -> BTreeMap<K, Vec<&'a SessionEffect>> {
    let mut members: BTreeMap<K, Vec<&SessionEffect>> = BTreeMap::new();
    for &effect in sessions {
        if let Some(key) = key(effect) {
            members.entry(key).or_default().push(effect);
        }
    }
    members
}

fn group<K: Ord>(
    metrics: &[Metric],
    sessions: &[&SessionEffect],
    key: impl Fn(&SessionEffect) -> Option<K>,
) -> BTreeMap<K, GroupSummary> {
    members(sessions, key)
        .into_iter()
        .map(|(key, effects)| (key, summarize(metrics, &effects)))
        .collect()
}

/// Summarize a group of sessions (e.g. those of one kind within a report's period) for each of
/// `metrics` (as [`Effects::metrics`]).
pub fn summarize(metrics: &[Metric], effects: &[&SessionEffect]) -> GroupSummary {
    let metrics = MetricMap::for_metrics(metrics, |metric| {
        let changes: Vec<f64> = effects
            .iter()
            .filter_map(|effect| effect.metrics[metric].change())
            .collect();
        let shown: Vec<f64> = effects
            .iter()
            .filter_map(|effect| effect.metrics[metric].shown_change())
            .collect();
        ChangeSummary::of_sessions(metric, &changes, &shown)
    });
    // Relief bought is only relief where the group's pain fell: no price per point beside a
    // mean change that says pain rose.
    let pain_fell = metrics[Metric::Pain].mean_change.is_some_and(|m| m < 0.0);
    let mut costs = costs(effects);
    if !pain_fell {
        for cost in &mut costs {
            cost.cost_per_point = None;
        }
    }
    GroupSummary {
        sessions: effects.len(),
        metrics,
        costs,
    }
}

fn costs(effects: &[&SessionEffect]) -> Vec<CostSummary> {
    let mut by_currency: BTreeMap<Currency, Vec<&SessionEffect>> = BTreeMap::new();
    for effect in effects {
        if let Some(cost) = effect.cost {
            by_currency.entry(cost.currency).or_default().push(effect);
        }
    }
    let mut summaries: Vec<CostSummary> = by_currency
        .into_iter()
        .map(|(currency, paid)| {
            let amounts: Vec<f64> = paid
                .iter()
                .filter_map(|e| e.cost.map(|c| c.amount.as_f64()))
                .collect();
            let (mut spent, mut relief) = (0.0, 0.0);
            for effect in &paid {
                if let (Some(cost), Some(change)) =
                    (effect.cost, effect.metrics[Metric::Pain].change())
                {
                    spent += cost.amount.as_f64();
                    relief -= change;
                }
            }
            CostSummary {
                currency,
                sessions: paid.len(),
                mean_cost: mean(&amounts).unwrap_or(0.0),
                cost_per_point: (relief > 0.0).then(|| spent / relief),
            }
        })
        .collect();
    summaries.sort_by_key(|summary| std::cmp::Reverse(summary.sessions));
    summaries
}

#[cfg(test)]
mod tenth_tests {
    #[test]
    fn a_tenth_is_what_the_formatter_shows() {
        // Every mean of up to 28 whole scores 0–10 (the windows' means), either sign.
        for count in 1..=28_u32 {
            for sum in 0..=(10 * count) {
                let value = f64::from(sum) / f64::from(count);
                let shown: f64 = format!("{value:.1}").parse().unwrap_or(f64::NAN);
                assert_eq!(
                    super::shown_tenth(value).to_bits(),
                    shown.to_bits(),
                    "{value}"
                );
                let negative: f64 = format!("{:.1}", -value).parse().unwrap_or(f64::NAN);
                assert_eq!(super::shown_tenth(-value).to_bits(), negative.to_bits());
            }
        }
        for odd in [0.05, 0.15, 0.25, 2.675, 3.25, 1e13 + 0.05] {
            let shown: f64 = format!("{odd:.1}").parse().unwrap_or(f64::NAN);
            assert_eq!(super::shown_tenth(odd).to_bits(), shown.to_bits(), "{odd}");
        }
    }
}
