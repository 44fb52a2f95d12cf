//! The Effects view's tables by kind and by therapist: for each group, its answer against
//! ordinary weeks (the numbers of the sentences and the forest plot above) beside the plain
//! change before → after, and what the sessions cost.

use egui::RichText;

use super::labels;
use crate::analysis::{ChangeSummary, Comparison, Effects, GroupSummary};
use crate::model::Metric;
use crate::report::{text, wording};

/// One row of a table by kind or by therapist.
pub(super) struct GroupRow<'a> {
    /// "Deep tissue", "Anna Berg".
    pub name: String,
    /// The plain change before → after, and the costs.
    pub summary: &'a GroupSummary,
    /// The same sessions against ordinary weeks, for the metric shown.
    pub compared: Option<&'a Comparison>,
}

/// The rows by kind, then the rows by therapist, for `metric`.
pub(super) fn rows(effects: &Effects, metric: Metric) -> (Vec<GroupRow<'_>>, Vec<GroupRow<'_>>) {
    let by_kind = effects
        .by_kind
        .iter()
        .map(|(kind, summary)| GroupRow {
            name: kind.label().to_owned(),
            summary,
            compared: effects.compared.by_kind.get(kind).map(|c| &c[metric]),
        })
        .collect();
    let by_therapist = effects
        .by_therapist
        .iter()
        .map(|(name, summary)| GroupRow {
            name: name.clone(),
            summary,
            compared: effects.compared.by_therapist.get(name).map(|c| &c[metric]),
        })
        .collect();
    (by_kind, by_therapist)
}

/// The headings of the answer against ordinary weeks.
const COMPARED_HEADERS: [&str; 2] = [labels::AGAINST_ORDINARY, "Verdict"];
/// The headings of the plain change that stay beside the answer in a narrow window.
const PLAIN_HEADERS: [&str; 2] = [labels::PLAIN_MEAN, "Plain change,\n95% interval"];
/// The headings of the rest of the plain change.
const MORE_HEADERS: [&str; 3] = [
    "With enough\ndata",
    "Plain change,\nmedian",
    "Sessions better /\nsame / worse",
];
/// The headings of the costs.
const COST_HEADERS: [&str; 2] = ["Average\ncost", "Cost per point\nof pain relief"];

/// The table of each group: its answer against ordinary weeks beside the plain change (and, in a
/// wide window, the cost) in one table; in a narrow one the rest of the plain change and the
/// costs follow in a table of their own, so that neither runs past the window.
pub(super) fn groups_ui(
    ui: &mut egui::Ui,
    title: &str,
    id: &str,
    rows: &[GroupRow<'_>],
    metric: Metric,
) {
    let together = ui.available_width() >= 1100.0;
    ui.heading(title);
    // The first column's heading, for a screen reader moving along a row.
    let group = if id == "kind" { "Kind" } else { "Therapist" };
    let mut headers = vec![group, "Sessions"];
    headers.extend(COMPARED_HEADERS);
    headers.extend(PLAIN_HEADERS);
    if together {
        headers.extend(MORE_HEADERS);
        headers.extend(COST_HEADERS);
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let plain = &row.summary.metrics[metric];
            let mut cells = vec![row.name.clone(), row.summary.sessions.to_string()];
            cells.extend(compared_cells(metric, row.compared));
            cells.push(wording::change(plain.mean_change));
            cells.push(wording::change_interval(plain.ci95));
            if together {
                cells.extend(more_cells(plain));
                cells.extend(cost_cells(row.summary));
            }
            cells
        })
        .collect();
    table_ui(
        ui,
        (id, "answer"),
        &format!("{title}: the answer"),
        &headers,
        &cells,
    );
    if !together {
        ui.add_space(4.0);
        let mut headers = vec![group];
        headers.extend(MORE_HEADERS.into_iter().chain(COST_HEADERS));
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                let mut cells = vec![row.name.clone()];
                cells.extend(more_cells(&row.summary.metrics[metric]));
                cells.extend(cost_cells(row.summary));
                cells
            })
            .collect();
        table_ui(
            ui,
            (id, "more"),
            &format!("{title}: more"),
            &headers,
            &cells,
        );
    }
}

/// The difference against ordinary weeks in words ("0.5 lower", as the sentence says it) and
/// its verdict ("better", "no clear difference"); a dash and "not enough data" without an
/// answer, where the sentence says "Not enough data yet" and the forest plot leaves the row out.
fn compared_cells(metric: Metric, compared: Option<&Comparison>) -> [String; 2] {
    let difference = compared
        .filter(|c| c.ci95.is_some())
        .and_then(|c| c.difference);
    [
        match difference {
            None => text::NONE.to_owned(),
            Some(d) if d.abs() < 0.05 => "no difference".to_owned(),
            Some(d) => wording::change(Some(d)),
        },
        compared
            .map_or("not enough data", |c| wording::verdict_word(metric, c))
            .to_owned(),
    ]
}

/// The sessions with enough data, the median plain change and how many were better, the same,
/// worse.
fn more_cells(plain: &ChangeSummary) -> [String; 3] {
    [
        plain.n.to_string(),
        plain
            .median_change
            .map_or_else(|| text::NONE.to_owned(), |m| wording::change(Some(m))),
        format!("{} / {} / {}", plain.improved, plain.unchanged, plain.worse),
    ]
}

/// A table a screen reader reads as one (`ui::table::text_table`), that scrolls sideways on its
/// own when it is wider than the window.
fn table_ui(
    ui: &mut egui::Ui,
    id: (&str, &str),
    name: &str,
    headers: &[&str],
    rows: &[Vec<String>],
) {
    egui::ScrollArea::horizontal()
        .id_salt(("effects_groups_sideways", id))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            crate::ui::table::text_table(ui, name, headers, rows);
        });
}

/// The average cost and the cost per point of relief, "–" where pain did not fall on average
/// (a cost per point of pain that rose means nothing).
fn cost_cells(group: &GroupSummary) -> [String; 2] {
    let pain_fell = group.metrics[Metric::Pain]
        .mean_change
        .is_some_and(|mean| mean < 0.0);
    match group.costs.first() {
        Some(cost) => [
            format!("{:.2} {}", cost.mean_cost, cost.currency),
            cost.cost_per_point
                .filter(|_| pain_fell)
                .map_or_else(|| "–".to_owned(), |p| format!("{p:.2} {}", cost.currency)),
        ],
        None => ["–".to_owned(), "–".to_owned()],
    }
}

/// What the tables by kind and by therapist mean, said once under both: why the plain change and
/// the answer against ordinary weeks differ, the ordinary weeks themselves, and the columns.
pub(super) fn notes_ui(ui: &mut egui::Ui, effects: &Effects, metric: Metric) {
    ui.label(why_they_differ(effects, metric));
    ui.label(RichText::new(baseline_sentence(effects, metric)).italics());
    ui.label(
        RichText::new("Sessions better / same / worse: a plain change of half a point or more either way. The interval is shown from three sessions on. Cost per point of pain relief: what was paid divided by how many points pain fell, over the sessions with a cost; – where pain did not fall on average.")
            .weak(),
    );
}

/// "The plain change is after − before around each session; ordinary weeks change too (pain 0.6
/// higher on average), so “Against ordinary weeks” is the plain change less theirs: the measure
/// of the sentences and the forest plot above."
pub(super) fn why_they_differ(effects: &Effects, metric: Metric) -> String {
    let ordinary = effects.compared.all[metric]
        .baseline_mean
        .map(|mean| {
            format!(
                " ({} {} on average)",
                wording::metric_name(metric),
                wording::change(Some(mean))
            )
        })
        .unwrap_or_default();
    format!(
        "The plain change is after − before around each session; ordinary weeks change too{ordinary}, so “{}” is the plain change less theirs: the measure of the sentences and the forest plot above.",
        labels::AGAINST_ORDINARY.replace('\n', " ")
    )
}

/// "Ordinary weeks, for comparison: 13 stretches of 15 days without a session (none sharing a
/// day); pain over the last 7 days against the first 7: 0.5 higher on average (median 0.5
/// higher)."
fn baseline_sentence(effects: &Effects, metric: Metric) -> String {
    let baseline = &effects.baseline[metric];
    let k = effects.settings.window();
    let Some(mean) = baseline.mean_change else {
        return "Ordinary weeks, for comparison: not enough days away from sessions to compare with yet.".to_owned();
    };
    let stretches = if baseline.n == 1 {
        "1 stretch".to_owned()
    } else {
        format!("{} stretches", baseline.n)
    };
    let (last, first) = if k == 1 {
        ("the day after".to_owned(), "the day before".to_owned())
    } else {
        (format!("the last {k} days"), format!("the first {k}"))
    };
    format!(
        "Ordinary weeks, for comparison: {stretches} of {} days without a session (none sharing a day); {} over {last} against {first}: {} on average (median {}).",
        2 * u32::from(k) + 1,
        wording::metric_name(metric),
        wording::change(Some(mean)),
        wording::change(baseline.median_change),
    )
}
