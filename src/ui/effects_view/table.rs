//! The Effects view's tables: each session's before, after and change (in words, one sign
//! convention), and the summaries by kind and by therapist.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};

use super::{EffectsView, SortKey, labels};
use crate::analysis::{ChangeSummary, Direction, Effects, GroupSummary, WindowStat, direction};
use crate::model::Metric;
use crate::report::{text, wording};

impl EffectsView {
    /// The sessions table's body: every row when they fit in the page, else as many whole rows
    /// as fit in it (the rest scroll inside the table).
    pub(super) fn table_height(&self, ui: &egui::Ui, page_height: f32) -> f32 {
        let row_height = row_height(ui);
        // The header (two lines), and room for the heading above and a line below.
        let room = (page_height - 3.0 * row_height - 48.0).max(6.0 * row_height);
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
        // Too wide for the window: the table scrolls sideways on its own, the page does not.
        egui::ScrollArea::horizontal()
            .id_salt("effects_table_sideways")
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
                            heading(ui, "Right after", Some(
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
                            row.col(|ui| change_cell(ui, metric, value.change()));
                            row.col(|ui| {
                                ui.label(better_or_worse(metric, value.change()));
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

/// The summary of each group: the change (and, in a wide window, the cost) in one table; in a
/// narrow one the costs follow in a table of their own, so that neither runs past the window.
pub(super) fn groups_ui<'a>(
    ui: &mut egui::Ui,
    title: &str,
    id: &str,
    groups: impl Iterator<Item = (String, &'a GroupSummary)>,
    metric: Metric,
) {
    let groups: Vec<(String, &GroupSummary)> = groups.collect();
    let together = ui.available_width() >= 1100.0;
    ui.heading(title);
    let change_headers = [
        "",
        "Sessions",
        "With enough\ndata",
        "Mean\nchange",
        "Median",
        "95% interval",
        "Better /\nsame / worse",
    ];
    let cost_headers = ["Average\ncost", "Cost per point\nof relief"];
    grid_ui(ui, (id, "change"), |ui| {
        for header in change_headers {
            grid_heading(ui, header);
        }
        if together {
            for header in cost_headers {
                grid_heading(ui, header);
            }
        }
        ui.end_row();
        for (name, group) in &groups {
            ui.label(name);
            ui.label(group.sessions.to_string());
            summary_cells(ui, &group.metrics[metric]);
            if together {
                cost_cells(ui, group);
            }
            ui.end_row();
        }
    });
    if !together {
        ui.add_space(4.0);
        grid_ui(ui, (id, "cost"), |ui| {
            grid_heading(ui, "");
            for header in cost_headers {
                grid_heading(ui, header);
            }
            ui.end_row();
            for (name, group) in &groups {
                ui.label(name);
                cost_cells(ui, group);
                ui.end_row();
            }
        });
    }
    ui.label(
        RichText::new("Better / same / worse: a change of half a point or more either way. The interval is shown from three sessions on. Cost per point of relief: what was paid divided by how many points pain fell, over the sessions with a cost; – where pain did not fall on average.")
            .weak(),
    );
}

/// A striped grid that scrolls sideways on its own when it is wider than the window.
fn grid_ui(ui: &mut egui::Ui, id: (&str, &str), add_rows: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::horizontal()
        .id_salt(("effects_groups_sideways", id))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new(("effects_groups", id))
                .striped(true)
                .spacing([14.0, 4.0])
                .max_col_width(180.0)
                .show(ui, add_rows);
        });
}

/// A column heading of the groups' tables (on two lines where the numbers under it are narrow).
fn grid_heading(ui: &mut egui::Ui, text: &str) {
    ui.strong(text);
}

/// The average cost and the cost per point of relief, "–" where pain did not fall on average
/// (a cost per point of pain that rose means nothing).
fn cost_cells(ui: &mut egui::Ui, group: &GroupSummary) {
    let pain_fell = group.metrics[Metric::Pain]
        .mean_change
        .is_some_and(|mean| mean < 0.0);
    match group.costs.first() {
        Some(cost) => {
            ui.label(format!("{:.2} {}", cost.mean_cost, cost.currency));
            ui.label(
                cost.cost_per_point
                    .filter(|_| pain_fell)
                    .map_or_else(|| "–".to_owned(), |p| format!("{p:.2} {}", cost.currency)),
            );
        }
        None => {
            ui.label("–");
            ui.label("–");
        }
    }
}

/// The baseline beside the kinds: the same change around ordinary days, counted in the
/// stretches it is measured over.
pub(super) fn baseline_row_ui(ui: &mut egui::Ui, effects: &Effects, metric: Metric) {
    ui.label(RichText::new(baseline_sentence(effects, metric)).italics());
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

/// "1 day", "6 days".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
