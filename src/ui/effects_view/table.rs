//! The Effects view's tables: each session's before, after and change (in words, one sign
//! convention), and the summaries by kind and by therapist.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::{EffectsView, SortKey, labels};
use crate::analysis::{ChangeSummary, Direction, Effects, GroupSummary, WindowStat, direction};
use crate::model::Metric;
use crate::report::{text, wording};

impl EffectsView {
    pub(super) fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        effects: &Effects,
        metric: Metric,
        height: f32,
    ) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let sessions = &effects.sessions;
        let order = self.order.clone();
        let mut clicked = None;
        TableBuilder::new(ui)
            .id_salt("effects_table")
            .striped(true)
            .max_scroll_height(height)
            .min_scrolled_height(height.min(200.0))
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(96.0))
            .column(Column::auto().at_least(90.0).clip(true))
            .column(Column::initial(110.0).clip(true).resizable(true))
            .column(Column::auto().at_least(90.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(48.0))
            .column(Column::remainder().at_least(70.0))
            .header(row_height + 4.0, |mut header| {
                header.col(|ui| self.header_button(ui, SortKey::Date, labels::SORT_DATE));
                header.col(|ui| self.header_button(ui, SortKey::Kind, labels::SORT_KIND));
                header.col(|ui| {
                    ui.strong("Therapist");
                });
                header.col(|ui| {
                    ui.strong("Before").on_hover_text(
                        "Mean over the days before the session, and how many days it rests on",
                    );
                });
                header.col(|ui| {
                    ui.strong("After")
                        .on_hover_text("Mean over the days after the session");
                });
                header.col(|ui| self.header_button(ui, SortKey::Change, labels::SORT_CHANGE));
                header.col(|ui| {
                    ui.strong("Right after")
                        .on_hover_text("Pain right after the session against right before it, as rated at the session");
                });
                header.col(|ui| {
                    ui.strong("Pain fell meaningfully")
                        .on_hover_text("At least 2 points or 30% lower after than before: yes, no, or not enough data");
                });
            })
            .body(|body| {
                body.rows(row_height, order.len(), |mut row| {
                    let effect = &sessions[order[row.index()]];
                    row.set_selected(self.selected == Some(effect.session_id));
                    let value = &effect.metrics[metric];
                    row.col(|ui| {
                        ui.label(effect.date().format("%Y-%m-%d").to_string());
                    });
                    row.col(|ui| {
                        ui.label(effect.kind.label());
                    });
                    row.col(|ui| {
                        ui.label(effect.therapist.as_deref().unwrap_or("–"));
                    });
                    row.col(|ui| window_cell(ui, value.before));
                    row.col(|ui| window_cell(ui, value.after));
                    row.col(|ui| change_cell(ui, metric, value.change()));
                    row.col(|ui| {
                        // Pain right before − right after: "2 lower", as the change reads.
                        ui.label(text::relief(effect.immediate_relief));
                    });
                    row.col(|ui| {
                        ui.label(wording::meaningful(&effect.metrics[Metric::Pain]));
                    });
                    if row.response().clicked() {
                        clicked = Some(effect.session_id);
                    }
                });
            });
        if let Some(id) = clicked {
            self.selected = (self.selected != Some(id)).then_some(id);
        }
    }
}

fn window_cell(ui: &mut egui::Ui, stat: WindowStat) {
    match stat.mean {
        Some(mean) => {
            ui.label(format!("{mean:.1}"));
            ui.label(RichText::new(format!("{} d", stat.days)).weak());
        }
        None => {
            ui.label(RichText::new(labels::NOT_ENOUGH).weak().italics())
                .on_hover_text(format!(
                    "Only {} logged days; at least the minimum is needed",
                    stat.days
                ));
        }
    }
}

fn change_color(ui: &egui::Ui, metric: Metric, change: f64) -> Color32 {
    let dark = ui.visuals().dark_mode;
    match direction(metric, change) {
        Direction::Improved => {
            if dark {
                Color32::from_rgb(120, 210, 130)
            } else {
                Color32::from_rgb(20, 120, 40)
            }
        }
        Direction::Worse => {
            if dark {
                Color32::from_rgb(255, 130, 120)
            } else {
                Color32::from_rgb(180, 40, 30)
            }
        }
        Direction::Unchanged => ui.visuals().text_color(),
    }
}

fn change_cell(ui: &mut egui::Ui, metric: Metric, change: Option<f64>) {
    match change {
        Some(change) => {
            let word = match direction(metric, change) {
                Direction::Improved => "better",
                Direction::Worse => "worse",
                Direction::Unchanged => "same",
            };
            ui.label(
                RichText::new(wording::change(Some(change)))
                    .color(change_color(ui, metric, change))
                    .strong(),
            );
            ui.label(RichText::new(word).weak());
        }
        None => {
            ui.label(RichText::new(labels::NOT_ENOUGH).weak().italics());
        }
    }
}

fn summary_cells(ui: &mut egui::Ui, summary: &ChangeSummary) {
    ui.label(summary.n.to_string());
    ui.label(wording::change(summary.mean_change));
    ui.label(
        summary
            .median_change
            .map_or_else(|| text::NONE.to_owned(), |m| wording::change(Some(m))),
    );
    ui.label(wording::change_interval(summary.ci95));
    ui.label(format!(
        "{} / {} / {}",
        summary.improved, summary.unchanged, summary.worse
    ));
}

pub(super) fn groups_ui<'a>(
    ui: &mut egui::Ui,
    title: &str,
    id: &str,
    groups: impl Iterator<Item = (String, &'a GroupSummary)>,
    metric: Metric,
) {
    ui.heading(title);
    egui::Grid::new(("effects_groups", id))
        .striped(true)
        .num_columns(9)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in [
                "",
                "Sessions",
                "With enough data",
                "Mean change",
                "Median",
                "95% interval",
                "Better / same / worse",
                "Average cost",
                "Cost per point of relief",
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for (name, group) in groups {
                ui.label(name);
                ui.label(group.sessions.to_string());
                summary_cells(ui, &group.metrics[metric]);
                match group.costs.first() {
                    Some(cost) => {
                        ui.label(format!("{:.2} {}", cost.mean_cost, cost.currency));
                        ui.label(cost.cost_per_point.map_or_else(
                            || "–".to_owned(),
                            |p| format!("{p:.2} {}", cost.currency),
                        ));
                    }
                    None => {
                        ui.label("–");
                        ui.label("–");
                    }
                }
                ui.end_row();
            }
        });
    ui.label(
        RichText::new("Better / same / worse: a change of half a point or more either way. The interval is shown from three sessions on. Cost per point: what was paid divided by how many points pain fell overall.")
            .weak(),
    );
}

/// The baseline beside the kinds: the same change around ordinary days.
pub(super) fn baseline_row_ui(ui: &mut egui::Ui, effects: &Effects, metric: Metric) {
    let baseline = &effects.baseline[metric];
    let k = effects.settings.window();
    let text = match baseline.mean_change {
        Some(mean) => format!(
            "Ordinary weeks, for comparison: around {} days with no session within {k} days (taken at least {} days apart, so that no two share a day), {} {} on average (median {}).",
            baseline.n,
            2 * u32::from(k) + 1,
            wording::metric_name(metric),
            wording::change(Some(mean)),
            wording::change(baseline.median_change),
        ),
        None => {
            "Ordinary weeks: not enough days away from sessions to compare with yet.".to_owned()
        }
    };
    ui.label(RichText::new(text).italics());
}
