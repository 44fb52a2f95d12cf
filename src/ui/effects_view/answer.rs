//! The answer first: did sessions help, against ordinary weeks, for all sessions, each kind and
//! each therapist, in the words every view, the command line and the report share.

use egui::RichText;

use super::charts::forest_ui;
use crate::analysis::{Comparison, Effects};
use crate::model::Metric;
use crate::report::wording::{self, Group};

/// One group's comparison and its name on the forest plot.
pub(super) struct Row<'a> {
    /// "All sessions", "Deep tissue", "Anna Berg".
    pub name: String,
    /// Which sessions, for the sentence.
    pub group: Group<'a>,
    /// The comparison.
    pub compared: &'a Comparison,
}

/// Every kind and every therapist, clearest answer first.
fn groups(effects: &Effects, metric: Metric) -> Vec<Row<'_>> {
    let mut rows: Vec<Row<'_>> = effects
        .compared
        .by_kind
        .iter()
        .map(|(kind, compared)| Row {
            name: kind.label().to_owned(),
            group: Group::Kind(wording::kind_in_sentence(*kind)),
            compared: &compared[metric],
        })
        .chain(
            effects
                .compared
                .by_therapist
                .iter()
                .map(|(name, compared)| Row {
                    name: name.clone(),
                    group: Group::Therapist(name),
                    compared: &compared[metric],
                }),
        )
        .collect();
    rows.sort_by(|a, b| {
        let (a, b) = (a.compared.clarity(), b.compared.clarity());
        b.0.cmp(&a.0).then(b.1.total_cmp(&a.1))
    });
    rows
}

/// The answer for `metric`: all sessions, then each kind and therapist, the forest plot, and the
/// regions sessions worked on.
pub(super) fn answer_ui(ui: &mut egui::Ui, effects: &Effects, metric: Metric) {
    ui.heading(format!(
        "Did sessions help? {}, against ordinary weeks",
        metric.name()
    ));
    let all = &effects.compared.all[metric];
    ui.label(RichText::new(wording::comparison(Group::All, metric, all)).strong());
    let rows = groups(effects, metric);
    for row in &rows {
        ui.label(wording::comparison(row.group, metric, row.compared));
    }
    ui.label(
        RichText::new(format!(
            "{} {}",
            wording::REGRESSION_CAVEAT,
            wording::ONE_PERSON
        ))
        .weak(),
    );
    let mut plotted: Vec<Row<'_>> = vec![Row {
        name: "All sessions".to_owned(),
        group: Group::All,
        compared: all,
    }];
    plotted.extend(rows.into_iter().filter(|row| row.compared.ci95.is_some()));
    if plotted.iter().any(|row| row.compared.ci95.is_some()) {
        ui.add_space(6.0);
        forest_ui(ui, &plotted, metric);
    }
    if !effects.by_focus_region.is_empty() {
        ui.add_space(6.0);
        ui.strong("Where sessions worked");
        let window = effects.settings.window();
        for (region, compared) in &effects.by_focus_region {
            ui.label(wording::focus_region(*region, compared, window));
        }
    }
}
