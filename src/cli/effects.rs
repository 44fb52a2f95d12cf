//! `painlog effects`: the before/after analysis as a table or as JSON.

use super::output::push_line;

use serde_json::{Value, json};

use super::output::truncate;
use crate::analysis::{
    ChangeSummary, CostSummary, DIARY_NOTE, Effects, GroupSummary, MetricEffect, REGRESSION_NOTE,
    SessionEffect,
};
use crate::model::{Metric, START_FORMAT};
use crate::report::text;
use crate::report::text::change as signed;

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
    json!({
        "window": effects.settings.window(),
        "min_days": effects.settings.min_days(),
        "sessions": sessions,
        "by_kind": by_kind,
        "by_therapist": by_therapist,
        "baseline": baseline,
        "costs_by_kind": costs(effects.by_kind.iter().map(|(k, g)| (k.cli_name().to_owned(), g)).collect()),
        "costs_by_therapist": costs(effects.by_therapist.iter().map(|(k, g)| (k.clone(), g)).collect()),
        "note": REGRESSION_NOTE,
        "disclaimer": DIARY_NOTE,
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

fn window_cell(stat: crate::analysis::WindowStat) -> String {
    match stat.mean {
        Some(mean) => format!("{mean:.1} ({}d)", stat.days),
        None => format!("too few ({}d)", stat.days),
    }
}

/// The analysis as a readable table for one metric.
pub(super) fn to_table(effects: &Effects, metric: Metric) -> String {
    let settings = effects.settings;
    let mut text = format!(
        "{} before and after each session: the mean of the {} days before and after (at least {} logged days each).\n",
        metric.name(),
        settings.window(),
        settings.min_days()
    );
    if metric.higher_is_better() {
        text.push_str("Higher is better for sleep quality.\n");
    }
    push_line(&mut text, format_args!("{REGRESSION_NOTE}\n"));
    if effects.sessions.is_empty() {
        text.push_str("No sessions yet.\n");
    } else {
        push_line(
            &mut text,
            format_args!(
                "{:>4}  {:<16}  {:<22}  {:<18}  {:<12}  {:<12}  {:>8}  {:>6}",
                "ID", "START", "KIND", "THERAPIST", "BEFORE", "AFTER", "CHANGE", "RELIEF"
            ),
        );
        for effect in &effects.sessions {
            let value = &effect.metrics[metric];
            let flag = if metric == Metric::Pain && effect.meaningful_pain_drop() {
                " *"
            } else {
                ""
            };
            push_line(
                &mut text,
                format_args!(
                    "{:>4}  {:<16}  {:<22}  {:<18}  {:<12}  {:<12}  {:>8}  {:>6}{flag}",
                    effect.session_id,
                    effect.start.format("%Y-%m-%d %H:%M").to_string(),
                    truncate(effect.kind.label(), 22),
                    truncate(effect.therapist.as_deref().unwrap_or("–"), 18),
                    window_cell(value.before),
                    window_cell(value.after),
                    value
                        .change()
                        .map_or_else(|| "too few".to_owned(), |c| signed(Some(c))),
                    effect
                        .immediate_relief
                        .map_or_else(|| "–".to_owned(), |r| format!("{r:+}")),
                ),
            );
        }
        if metric == Metric::Pain {
            text.push_str("* a meaningful drop in pain: at least 2 points or 30%. RELIEF: pain right before minus right after.\n");
        }
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
    push_line(
        &mut text,
        format_args!(
            "\nBaseline: around {} days at least {} days from any session, the same change has a mean of {} (median {}).",
            baseline.n,
            settings.window(),
            signed(baseline.mean_change),
            signed(baseline.median_change),
        ),
    );
    let all: Vec<f64> = effects
        .sessions
        .iter()
        .filter_map(|e| e.metrics[metric].change())
        .collect();
    push_line(
        &mut text,
        format_args!(
            "All sessions: a mean change of {} over {} sessions with enough data.",
            signed(crate::analysis::stats::mean(&all)),
            all.len(),
        ),
    );
    push_line(&mut text, format_args!("\n{DIARY_NOTE}"));
    text
}

/// One line per group: the change in `metric`, its spread, the counts and the cost.
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
            "  {:<24} {:>3} {:>6} {:>6}  {:<15} {:>3} {:>3} {:>3}  COST",
            "", "N", "MEAN", "MEDIAN", "95% INTERVAL", "BET", "SAM", "WOR"
        ),
    );
    for (name, group) in rows {
        let summary = &group.metrics[metric];
        let interval = text::interval(summary.ci95.map(|(low, high)| [low, high]));
        let cost = group.costs.first().map_or_else(String::new, |cost| {
            let per_point = cost
                .cost_per_point
                .map_or_else(String::new, |p| format!(", {p:.2} per point of relief"));
            format!(
                "{:.2} {} a session{per_point}",
                cost.mean_cost, cost.currency
            )
        });
        push_line(
            text,
            format_args!(
                "  {:<24} {:>3} {:>6} {:>6}  {:<15} {:>3} {:>3} {:>3}  {cost}",
                truncate(&name, 24),
                summary.n,
                signed(summary.mean_change),
                signed(summary.median_change),
                interval,
                summary.improved,
                summary.unchanged,
                summary.worse,
            ),
        );
    }
}
