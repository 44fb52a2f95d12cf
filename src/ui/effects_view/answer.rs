//! The answer first: did sessions help, against ordinary weeks, for all sessions, each kind and
//! each therapist, in the words every view, the command line and the report share.

use egui::RichText;

use super::charts::forest_ui;
use super::labels;
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
            group: Group::Kind(*kind),
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

/// The answer for `metric`: all sessions in a sentence with the caveat beside it, then the forest
/// plot (every group at a glance), then each kind and therapist in words under a header (open in
/// a tall window), and the regions sessions worked on. The sentence and the forest plot fit in
/// the first `page_height` of the page, so that the answer is read without scrolling.
pub(super) fn answer_ui(ui: &mut egui::Ui, effects: &Effects, metric: Metric, page_height: f32) {
    let top = ui.min_rect().top();
    ui.heading(format!(
        "Did sessions help? {}, against ordinary weeks",
        metric.name()
    ));
    let all = &effects.compared.all[metric];
    ui.label(RichText::new(wording::comparison(Group::All, metric, all)).strong());
    ui.label(
        RichText::new(format!(
            "{} {}",
            wording::REGRESSION_CAVEAT,
            wording::ONE_PERSON
        ))
        .weak(),
    );
    let rows = groups(effects, metric);
    let mut plotted: Vec<&Row<'_>> = Vec::with_capacity(rows.len() + 1);
    let all_row = Row {
        name: "All sessions".to_owned(),
        group: Group::All,
        compared: all,
    };
    plotted.push(&all_row);
    plotted.extend(rows.iter().filter(|row| row.compared.ci95.is_some()));
    // The ordinary weeks are every group's: with enough of them, each group with three
    // sessions has an interval.
    if all.ci95.is_some() {
        ui.add_space(6.0);
        // What is left of the first page (counted from the top of the page, so that it does not
        // change as the page scrolls), less the line under the plot and the header of the
        // sentences below it.
        let line = ui
            .spacing()
            .interact_size
            .y
            .max(ui.text_style_height(&egui::TextStyle::Body));
        let room = page_height - (ui.cursor().top() - top) - 3.0 * line - 16.0;
        forest_ui(ui, &plotted, metric, room);
        let left_out: Vec<(String, usize)> = rows
            .iter()
            .filter(|row| row.compared.ci95.is_none())
            .map(|row| (row.name.clone(), row.compared.sessions))
            .collect();
        if let Some(note) = wording::not_enough_for(&left_out) {
            ui.label(RichText::new(note).weak());
        }
    }
    ui.add_space(4.0);
    // Open by default where there is room for the sentences below the plot.
    let tall = ui.ctx().content_rect().height() > 900.0;
    egui::CollapsingHeader::new(labels::GROUPS_IN_WORDS)
        .id_salt("effects_groups_in_words")
        .default_open(tall)
        .show(ui, |ui| {
            for row in &rows {
                ui.label(wording::comparison(row.group, metric, row.compared));
            }
        });
    if !effects.by_focus_region.is_empty() {
        ui.add_space(6.0);
        ui.strong("Where sessions worked");
        let window = effects.settings.window();
        for (region, compared) in &effects.by_focus_region {
            ui.label(wording::focus_region(*region, compared, window));
        }
    }
}
