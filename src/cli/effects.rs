//! `painlog effects`: the before/after analysis as a table or as JSON.

use super::output::push_line;

use serde_json::{Value, json};

use super::output::truncate;
use crate::analysis::{
    ChangeSummary, Comparison, CostSummary, DIARY_NOTE, Effects, GroupSummary, MetricEffect,
    MetricMap, REGRESSION_NOTE, RegionComparison, SessionEffect, Share, WindowStat,
};
use crate::model::{Metric, START_FORMAT};
use crate::report::text;
use crate::report::wording::{self, Group};

/// The analysis as JSON, in the shape documented in the README.
pub(super) fn to_json(effects: &Effects) -> Value {
    let sessions: Vec<Value> = effects.sessions.iter().map(session_json).collect();
    let by_kind: serde_json::Map<String, Value> = effects
        .by_kind
        .iter()
        .map(|(kind, group)| (kind.cli_name().to_owned(), group_json(group)))
        .collect();
    let by_therapist: serde_json::Map<String, Value> = effects
        .by_therapist
        .iter()
        .map(|(name, group)| (name.clone(), group_json(group)))
        .collect();
    let baseline: serde_json::Map<String, Value> = effects
        .baseline
        .iter()
        .map(|(metric, summary)| {
            (
                metric.key().to_owned(),
                json!({
                    "n": summary.n,
                    "mean_change": summary.mean_change,
                    "median_change": summary.median_change,
                    "ci95": summary.ci95.map(|(low, high)| [low, high]),
                }),
            )
        })
        .collect();
    let costs = |groups: Vec<(String, &GroupSummary)>| -> serde_json::Map<String, Value> {
        groups
            .into_iter()
            .map(|(key, group)| {
                (
                    key,
                    Value::Array(group.costs.iter().map(cost_json).collect()),
                )
            })
            .collect()
    };
    let compared = &effects.compared;
    let by_focus_region: serde_json::Map<String, Value> = effects
        .by_focus_region
        .iter()
        .map(|(region, compared)| (region.cli_name().to_owned(), region_json(compared)))
        .collect();
    json!({
        "window": effects.settings.window(),
        "min_days": effects.settings.min_days(),
        "leave_out_other_care": effects.settings.leave_out_other_care(),
        "left_out": effects.left_out,
        "sessions": sessions,
        "by_kind": by_kind,
        "by_therapist": by_therapist,
        "baseline": baseline,
        "compared": {
            "all": comparisons_json(&compared.all),
            "by_kind": compared
                .by_kind
                .iter()
                .map(|(kind, by_metric)| (kind.cli_name().to_owned(), comparisons_json(by_metric)))
                .collect::<serde_json::Map<String, Value>>(),
            "by_therapist": compared
                .by_therapist
                .iter()
                .map(|(name, by_metric)| (name.clone(), comparisons_json(by_metric)))
                .collect::<serde_json::Map<String, Value>>(),
        },
        "by_focus_region": by_focus_region,
        "costs_by_kind": costs(effects.by_kind.iter().map(|(k, g)| (k.cli_name().to_owned(), g)).collect()),
        "costs_by_therapist": costs(effects.by_therapist.iter().map(|(k, g)| (k.clone(), g)).collect()),
        "note": REGRESSION_NOTE,
        "disclaimer": DIARY_NOTE,
    })
}

/// One comparison with ordinary weeks per metric: `{METRIC: C}`.
fn comparisons_json(by_metric: &MetricMap<Comparison>) -> Value {
    Value::Object(
        by_metric
            .iter()
            .map(|(metric, compared)| (metric.key().to_owned(), comparison_json(compared)))
            .collect(),
    )
}

/// `{"difference", "ci95", "sessions", "baseline", "verdict"}`.
fn comparison_json(compared: &Comparison) -> Value {
    json!({
        "difference": compared.difference,
        "ci95": compared.ci95.map(|(low, high)| [low, high]),
        "sessions": compared.sessions,
        "baseline": compared.baseline,
        "verdict": compared.verdict,
    })
}

fn share_json(share: Share) -> Value {
    json!({"hurt": share.hurt, "logged": share.logged})
}

fn region_json(compared: &RegionComparison) -> Value {
    json!({
        "sessions": compared.sessions,
        "before": share_json(compared.before),
        "after": share_json(compared.after),
        "ordinary_before": share_json(compared.ordinary_before),
        "ordinary_after": share_json(compared.ordinary_after),
        "ordinary_weeks": compared.ordinary_weeks,
    })
}

fn window_json(effect: &MetricEffect) -> Value {
    json!({
        "before_mean": effect.before.mean,
        "after_mean": effect.after.mean,
        "change": effect.change(),
        "before_days": effect.before.days,
        "after_days": effect.after.days,
    })
}

fn session_json(effect: &SessionEffect) -> Value {
    let metrics: serde_json::Map<String, Value> = effect
        .metrics
        .iter()
        .map(|(metric, value)| (metric.key().to_owned(), window_json(value)))
        .collect();
    let range = |r: crate::analysis::DayRange| {
        (!r.is_empty()).then(|| [r.from.to_string(), r.to.to_string()])
    };
    json!({
        "id": effect.session_id.0,
        "start": effect.start.format(START_FORMAT).to_string(),
        "kind": effect.kind.cli_name(),
        "kind_label": effect.kind.label(),
        "therapist": effect.therapist,
        "metrics": metrics,
        "immediate_relief": effect.immediate_relief,
        "meaningful_pain_drop": effect.meaningful_pain_drop(),
        "before_window": range(effect.before),
        "after_window": range(effect.after),
        "other_care": effect
            .other_care
            .iter()
            .map(|care| json!({"what": care.what, "days_from_session": care.offset}))
            .collect::<Vec<_>>(),
        "counted": effect.counted,
    })
}

fn summary_json(summary: &ChangeSummary) -> Value {
    json!({
        "n": summary.n,
        "mean_change": summary.mean_change,
        "median_change": summary.median_change,
        "ci95": summary.ci95.map(|(low, high)| [low, high]),
        "improved": summary.improved,
        "unchanged": summary.unchanged,
        "worse": summary.worse,
    })
}

fn group_json(group: &GroupSummary) -> Value {
    Value::Object(
        group
            .metrics
            .iter()
            .map(|(metric, summary)| (metric.key().to_owned(), summary_json(summary)))
            .collect(),
    )
}

fn cost_json(cost: &CostSummary) -> Value {
    json!({
        "currency": cost.currency.code(),
        "sessions": cost.sessions,
        "mean_cost": cost.mean_cost,
        "cost_per_point": cost.cost_per_point,
    })
}

/// A window's mean with the days behind it: "7.0 (6 d)", or "not enough data (2 d)" with fewer
/// than m logged days (never 0).
fn window_cell(stat: WindowStat) -> String {
    match stat.mean {
        Some(mean) => format!("{mean:.1} ({} d)", stat.days),
        None => format!("not enough data ({} d)", stat.days),
    }
}

/// Each kind and each therapist with its comparison for `metric`, the clearest answer first
/// ([`Comparison::clarity`]); kinds before therapists, each in name order, when as clear.
fn groups_by_clarity(effects: &Effects, metric: Metric) -> Vec<(Group<'_>, &Comparison)> {
    let mut groups: Vec<(Group<'_>, &Comparison)> = effects
        .compared
        .by_kind
        .iter()
        .map(|(kind, by_metric)| (Group::Kind(*kind), &by_metric[metric]))
        .chain(
            effects
                .compared
                .by_therapist
                .iter()
                .map(|(name, by_metric)| (Group::Therapist(name), &by_metric[metric])),
        )
        .collect();
    groups.sort_by(|(_, a), (_, b)| {
        let (a, b) = (a.clarity(), b.clarity());
        b.0.cmp(&a.0).then(b.1.total_cmp(&a.1))
    });
    groups
}

/// The answer to "did my sessions help?" for `metric`: all sessions, then each kind and each
/// therapist, clearest first, each in one sentence; the caveats beside it.
fn answer(effects: &Effects, metric: Metric, text: &mut String) {
    let all = &effects.compared.all[metric];
    push_line(
        text,
        format_args!("{}", wording::comparison_in_list(Group::All, metric, all)),
    );
    for (group, compared) in groups_by_clarity(effects, metric) {
        push_line(
            text,
            format_args!("{}", wording::comparison_in_list(group, metric, compared)),
        );
    }
    push_line(
        text,
        format_args!("{} {}", wording::REGRESSION_CAVEAT, wording::ONE_PERSON),
    );
}

/// How often each region sessions worked on hurt before and after them, against ordinary weeks.
fn focus_regions(effects: &Effects, text: &mut String) {
    if effects.by_focus_region.is_empty() {
        return;
    }
    push_line(text, format_args!("\nWhere sessions worked:"));
    for (region, compared) in &effects.by_focus_region {
        push_line(
            text,
            format_args!(
                "{}",
                wording::focus_region(*region, compared, effects.settings.window())
            ),
        );
    }
}

/// The analysis for people, for one metric: the answer first, then the regions sessions worked
/// on, then each session and each group as tables.
pub(super) fn to_table(effects: &Effects, metric: Metric) -> String {
    let settings = effects.settings;
    let mut text = String::new();
    answer(effects, metric, &mut text);
    focus_regions(effects, &mut text);
    push_line(
        &mut text,
        format_args!(
            "\n{} before and after each session: the mean of the {} days before and after (at least {} logged days each).",
            metric.name(),
            settings.window(),
            settings.min_days()
        ),
    );
    if metric.higher_is_better() {
        push_line(
            &mut text,
            format_args!("Higher is better for {}.", metric.name().to_lowercase()),
        );
    }
    if effects.sessions.is_empty() {
        text.push_str("No sessions yet.\n");
    } else {
        sessions_table(effects, metric, &mut text);
    }
    groups_table(
        "By kind (N: sessions with enough data; BET/SAM/WOR: better, within half a point, worse)",
        effects
            .by_kind
            .iter()
            .map(|(k, g)| (k.label().to_owned(), g))
            .collect(),
        metric,
        &mut text,
    );
    groups_table(
        "By therapist",
        effects
            .by_therapist
            .iter()
            .map(|(k, g)| (k.clone(), g))
            .collect(),
        metric,
        &mut text,
    );
    let baseline = &effects.baseline[metric];
    let k = settings.window();
    let weeks = match baseline.n {
        0 => "none yet".to_owned(),
        1 => format!(
            "1 ordinary week, a change of {}",
            wording::change(baseline.mean_change)
        ),
        n => format!(
            "{n} ordinary weeks, a mean of {} (median {})",
            wording::change(baseline.mean_change),
            wording::change(baseline.median_change)
        ),
    };
    push_line(
        &mut text,
        format_args!(
            "\nBaseline, ordinary weeks: the same change around days at least {k} days from any session, taken at least {} days apart so that their windows never overlap, with at least {} logged days before and after each: {weeks}.",
            2 * u32::from(k) + 1,
            settings.min_days(),
        ),
    );
    let all: Vec<f64> = effects
        .sessions
        .iter()
        .filter_map(|e| e.metrics[metric].change())
        .collect();
    match crate::analysis::stats::mean(&all) {
        Some(mean) => push_line(
            &mut text,
            format_args!(
                "All sessions: a mean change of {} over {} with enough data.",
                wording::change(Some(mean)),
                if all.len() == 1 {
                    "1 session".to_owned()
                } else {
                    format!("{} sessions", all.len())
                },
            ),
        ),
        None => text.push_str(
            "All sessions: none with enough data yet.
",
        ),
    }
    push_line(&mut text, format_args!("\n{DIARY_NOTE}"));
    text
}

/// One line per session: its before and after windows, the change and the relief in words, and
/// (for pain) whether the drop was meaningful.
fn sessions_table(effects: &Effects, metric: Metric, text: &mut String) {
    let pain = metric == Metric::Pain;
    let meaningful_title = if pain { "MEANINGFUL" } else { "" };
    let header = format!(
        "{:>4}  {:<16}  {:<22}  {:<18}  {:<21}  {:<21}  {:<15}  {:<9}  {meaningful_title}",
        "ID", "START", "KIND", "THERAPIST", "BEFORE", "AFTER", "CHANGE", "RELIEF"
    );
    push_line(text, format_args!("{}", header.trim_end()));
    for effect in &effects.sessions {
        let value = &effect.metrics[metric];
        let meaningful = if pain {
            wording::meaningful(&effect.metrics[Metric::Pain])
        } else {
            ""
        };
        let line = format!(
            "{:>4}  {:<16}  {:<22}  {:<18}  {:<21}  {:<21}  {:<15}  {:<9}  {meaningful}",
            effect.session_id,
            text::start(effect.start),
            truncate(effect.kind.label(), 22),
            truncate(effect.therapist.as_deref().unwrap_or(text::NONE), 18),
            window_cell(value.before),
            window_cell(value.after),
            wording::change(value.change()),
            text::relief(effect.immediate_relief),
        );
        push_line(text, format_args!("{}", line.trim_end()));
        if let Some(care) = effect.other_care_words() {
            let left_out = if effect.counted {
                ""
            } else {
                " (left out of the summaries)"
            };
            push_line(text, format_args!("      ⚠ also: {care}{left_out}"));
        }
    }
    if effects.left_out > 0 {
        push_line(
            text,
            format_args!(
                "{} left out of every summary and comparison for other care near them (--leave-out-other-care).",
                crate::store::backup::count(effects.left_out, "session")
            ),
        );
    } else if effects.sessions.iter().any(|e| !e.other_care.is_empty()) {
        text.push_str(
            "⚠ also: other care (a visit, or a regular medication started or stopped) in the days \
             compared; its change is not the massage's alone. --leave-out-other-care leaves such \
             sessions out.\n",
        );
    }
    if pain {
        text.push_str(
            "MEANINGFUL: pain fell at least 2 points or 30% (yes, no, or not enough data). \
             RELIEF: pain right after the session against right before it.\n",
        );
    } else {
        text.push_str("RELIEF: pain right after the session against right before it.\n");
    }
}

/// One line per group: the change in `metric` in words, its spread, the counts and the cost.
fn groups_table(
    title: &str,
    rows: Vec<(String, &GroupSummary)>,
    metric: Metric,
    text: &mut String,
) {
    if rows.is_empty() {
        return;
    }
    push_line(text, format_args!("\n{title}"));
    push_line(
        text,
        format_args!(
            "  {:<24} {:>3}  {:<15}  {:<15}  {:<23}  {:>3} {:>3} {:>3}  COST",
            "", "N", "MEAN", "MEDIAN", "95% INTERVAL", "BET", "SAM", "WOR"
        ),
    );
    for (name, group) in rows {
        let summary = &group.metrics[metric];
        let cost = group.costs.first().map_or_else(String::new, |cost| {
            let per_point = cost
                .cost_per_point
                .map_or_else(String::new, |p| format!(", {p:.2} per point of relief"));
            format!(
                "{:.2} {} a session{per_point}",
                cost.mean_cost, cost.currency
            )
        });
        let line = format!(
            "  {:<24} {:>3}  {:<15}  {:<15}  {:<23}  {:>3} {:>3} {:>3}  {cost}",
            truncate(&name, 24),
            summary.n,
            wording::change(summary.mean_change),
            wording::change(summary.median_change),
            wording::change_interval(summary.ci95),
            summary.improved,
            summary.unchanged,
            summary.worse,
        );
        push_line(text, format_args!("{}", line.trim_end()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_say_their_side_once() {
        assert_eq!(
            wording::change_interval(Some((-1.64, -0.08))),
            "0.1 to 1.6 lower"
        );
        assert_eq!(
            wording::change_interval(Some((0.26, 0.94))),
            "0.3 to 0.9 higher"
        );
        assert_eq!(
            wording::change_interval(Some((-5.37, 3.04))),
            "5.4 lower to 3.0 higher"
        );
        assert_eq!(wording::change_interval(None), "not enough data");
    }

    #[test]
    fn a_window_without_enough_days_keeps_its_count() {
        let stat = |mean, days| WindowStat { mean, days };
        assert_eq!(window_cell(stat(Some(19.0 / 6.0), 6)), "3.2 (6 d)");
        assert_eq!(window_cell(stat(None, 2)), "not enough data (2 d)");
    }
}
