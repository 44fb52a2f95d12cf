//! The Effects view's table of each session's before, after and change (in words, one sign
//! convention), with pain right after and whether pain fell meaningfully, whatever the metric.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::{EffectsView, SortKey, labels};
use crate::analysis::{Direction, Effects, WindowStat, direction};
use crate::model::Metric;
use crate::report::{text, wording};

impl EffectsView {
    /// The sessions table's body: every row when they fit in half the page, else as many whole
    /// rows as fit in it (the rest scroll inside the table). Half, so that above or below the
    /// table there is always page for the wheel to scroll (the wheel over the table scrolls the
    /// table until its end).
    pub(super) fn table_height(&self, ui: &egui::Ui, page_height: f32) -> f32 {
        let row_height = row_height(ui);
        // The header takes two lines.
        let room = (page_height * 0.5 - 2.0 * row_height).max(3.0 * row_height);
        let fit = (room / row_height).floor().max(1.0);
        (self.order.len() as f32).min(fit) * row_height
    }

    pub(super) fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        effects: &Effects,
        metric: Metric,
        height: f32,
    ) {
        let row_height = row_height(ui);
        let window = effects.settings.window();
        let sessions = &effects.sessions;
        let order = self.order.clone();
        let scrolls = order.len() as f32 * row_height > height + 1.0;
        // Kind and therapist get room for whole names when the window has it.
        let name_width = (ui.available_width() * 0.12).clamp(92.0, 170.0);
        let mut clicked = None;
        // The strip under the page's scroll bar stays page: the wheel there scrolls the page
        // wherever the table is.
        let scroll = &ui.spacing().scroll;
        let width = ui.available_width() - scroll.bar_width - scroll.bar_inner_margin;
        // Too wide for the window: the table scrolls sideways on its own, the page does not.
        egui::ScrollArea::horizontal()
            .id_salt("effects_table_sideways")
            .max_width(width)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                TableBuilder::new(ui)
                    .id_salt("effects_table")
                    .striped(true)
                    .vscroll(scrolls)
                    .max_scroll_height(height)
                    .min_scrolled_height(height)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                    .column(Column::auto().at_least(84.0))
                    .column(Column::initial(name_width).at_least(60.0).clip(true).resizable(true))
                    .column(Column::initial(name_width).at_least(60.0).clip(true).resizable(true))
                    .column(Column::auto().at_least(76.0))
                    .column(Column::auto().at_least(76.0))
                    .column(Column::auto().at_least(66.0))
                    .column(Column::auto().at_least(60.0))
                    .column(Column::auto().at_least(60.0))
                    .column(Column::remainder().at_least(104.0))
                    .header(2.0 * row_height, |mut header| {
                        header.col(|ui| self.header_button(ui, SortKey::Date, labels::SORT_DATE));
                        header.col(|ui| self.header_button(ui, SortKey::Kind, labels::SORT_KIND));
                        header.col(|ui| heading(ui, "Therapist", None));
                        header.col(|ui| {
                            heading(ui, "Before (days logged)", Some(format!(
                                "Mean over the {window} days before the session, and how many of them are logged"
                            )));
                        });
                        header.col(|ui| {
                            heading(ui, "After (days logged)", Some(format!(
                                "Mean over the {window} days after the session, and how many of them are logged"
                            )));
                        });
                        header.col(|ui| self.header_button(ui, SortKey::Change, labels::SORT_CHANGE));
                        header.col(|ui| {
                            heading(ui, labels::BETTER_OR_WORSE, Some(
                                "A change of half a point or more counts as better or worse; less is about the same".to_owned(),
                            ));
                        });
                        header.col(|ui| {
                            heading(ui, labels::PAIN_RIGHT_AFTER, Some(
                                "Pain right after the session against right before it, as rated at the session".to_owned(),
                            ));
                        });
                        header.col(|ui| {
                            heading(ui, labels::MEANINGFUL, Some(
                                "Pain at least 2 points or 30% lower after the session than before it: yes, no, or not enough data".to_owned(),
                            ));
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
                            row.col(|ui| window_cell(ui, value.before, window));
                            row.col(|ui| window_cell(ui, value.after, window));
                            // The difference of the two means as shown beside it ("5.6" and
                            // "5.1": "0.5 lower"), judged as shown.
                            let change = text::shown_change(value.before.mean, value.after.mean);
                            row.col(|ui| change_cell(ui, metric, change));
                            row.col(|ui| {
                                ui.label(better_or_worse(metric, change));
                            });
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
            });
        if let Some(id) = clicked {
            self.selected = (self.selected != Some(id)).then_some(id);
        }
    }
}

/// One line of body text and the gap between table rows.
fn row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + 6.0
}

/// A column's heading, wrapped onto a second line when the column is narrow.
fn heading(ui: &mut egui::Ui, text: &str, hover: Option<String>) {
    let response = ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
    if let Some(hover) = hover {
        response.on_hover_text(hover);
    }
}

/// "5.7 (6 days)": the mean and how many of the window's days are logged.
fn window_cell(ui: &mut egui::Ui, stat: WindowStat, window: u8) {
    match stat.mean {
        Some(mean) => {
            // Two labels, so that the mean is found (and read) on its own.
            ui.label(format!("{mean:.1}"));
            ui.label(format!("({})", plural(stat.days, "day")));
        }
        None => {
            ui.label(RichText::new(labels::NOT_ENOUGH).italics())
                .on_hover_text(format!(
                    "Only {} of the {window} days logged: fewer than the logged days needed (set above)",
                    stat.days
                ));
        }
    }
}

/// "better", "worse" or "about the same" for the metric (half a point or more counts).
fn better_or_worse(metric: Metric, change: Option<f64>) -> &'static str {
    match change.map(|change| direction(metric, change)) {
        Some(Direction::Improved) => "better",
        Some(Direction::Worse) => "worse",
        Some(Direction::Unchanged) => "about the same",
        None => "–",
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
            ui.label(
                RichText::new(wording::change(Some(change)))
                    .color(change_color(ui, metric, change))
                    .strong(),
            );
        }
        None => {
            ui.label(RichText::new(labels::NOT_ENOUGH).italics());
        }
    }
}

/// "1 day", "6 days".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
