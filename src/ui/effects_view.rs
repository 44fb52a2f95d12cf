//! Effects: before, after and change around each session, by kind and by therapist, with the
//! baseline of ordinary days beside them.

use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Corner, HLine, Legend, LineStyle, Plot, PlotPoints, Points};

use super::chart::{date_grid, date_label, kind_color, metric_legend};
use super::context::ViewContext;
use super::controls::{honesty_ui, settings_ui};
use crate::analysis::{
    ChangeSummary, Direction, Effects, GroupSummary, WindowStat, date_from_day_number, day_number,
    direction, stats,
};
use crate::model::{KindChoice, Metric, SessionId};
use crate::report::text;

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Session start.
    #[default]
    Date,
    /// Change in the metric (sessions without one last).
    Change,
    /// Kind, then date.
    Kind,
}

/// The effects view's state.
#[derive(Default)]
pub struct EffectsView {
    sort: SortKey,
    ascending: bool,
    selected: Option<SessionId>,
    order: Vec<usize>,
    order_key: Option<(u64, SortKey, bool, Metric, crate::analysis::EffectSettings)>,
}

/// Labels the tests and screen readers find.
pub mod labels {
    /// Sort by date.
    pub const SORT_DATE: &str = "Date";
    /// Sort by kind.
    pub const SORT_KIND: &str = "Kind";
    /// Sort by change.
    pub const SORT_CHANGE: &str = "Change";
    /// Shown instead of a number.
    pub const NOT_ENOUGH: &str = "not enough data";
}

impl EffectsView {
    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, settings, metric) = (ctx.journal, ctx.settings, ctx.metric);
        egui::CentralPanel::default().show(ui, |ui| {
            settings_ui(ui, ctx);
            let (_, effects) = ctx.analysis.effects(journal, settings);
            self.sort_rows(journal.revision(), effects, metric);
            honesty_ui(ui);
            comparison_ui(ui, effects, metric);
            if effects.sessions.is_empty() {
                ui.label(RichText::new("No sessions yet: add massage sessions under Sessions to see what changed after each.").weak());
                return;
            }
            egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                let wide = ui.available_width() >= 1000.0;
                let height = (ui.available_height() * 0.55).clamp(220.0, 520.0);
                if wide {
                    // Each side lays out top-down: a table puts its body under its header.
                    let top_down = egui::Layout::top_down(egui::Align::Min);
                    ui.horizontal_top(|ui| {
                        let table_width = ui.available_width() * 0.62;
                        ui.allocate_ui_with_layout(egui::vec2(table_width, height), top_down, |ui| {
                            self.table_ui(ui, effects, metric, height);
                        });
                        ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), top_down, |ui| {
                            self.chart_ui(ui, effects, metric, height);
                        });
                    });
                } else {
                    self.table_ui(ui, effects, metric, height);
                    self.chart_ui(ui, effects, metric, height * 0.8);
                }
                ui.add_space(12.0);
                groups_ui(ui, "By kind", "kind", effects.by_kind.iter().map(|(k, g)| (k.label().to_owned(), g)), metric);
                baseline_row_ui(ui, effects, metric);
                ui.add_space(8.0);
                groups_ui(ui, "By therapist", "therapist", effects.by_therapist.iter().map(|(k, g)| (k.clone(), g)), metric);
            });
        });
    }

    fn sort_rows(&mut self, revision: u64, effects: &Effects, metric: Metric) {
        let key = Some((
            revision,
            self.sort,
            self.ascending,
            metric,
            effects.settings,
        ));
        if self.order_key == key && self.order.len() == effects.sessions.len() {
            return;
        }
        let sessions = &effects.sessions;
        let change = |i: usize| sessions[i].metrics[metric].change();
        let mut order: Vec<usize> = (0..sessions.len()).collect();
        match self.sort {
            // Sessions come sorted by start already.
            SortKey::Date => {}
            SortKey::Kind => order.sort_by(|&a, &b| {
                (sessions[a].kind.label(), sessions[a].start)
                    .cmp(&(sessions[b].kind.label(), sessions[b].start))
            }),
            SortKey::Change => {
                // Sessions without a change go last, whichever way the rest is sorted.
                let (mut with, without): (Vec<usize>, Vec<usize>) =
                    order.into_iter().partition(|&i| change(i).is_some());
                with.sort_by(|&a, &b| {
                    change(a)
                        .unwrap_or(0.0)
                        .total_cmp(&change(b).unwrap_or(0.0))
                });
                if !self.ascending {
                    with.reverse();
                }
                order = with.into_iter().chain(without).collect();
            }
        }
        if !self.ascending && self.sort != SortKey::Change {
            order.reverse();
        }
        self.order = order;
        self.order_key = key;
    }

    fn header_button(&mut self, ui: &mut egui::Ui, key: SortKey, label: &str) {
        let arrow = match (self.sort == key, self.ascending) {
            (true, true) => " ▲",
            (true, false) => " ▼",
            (false, _) => "",
        };
        let button = ui
            .add(egui::Button::new(RichText::new(format!("{label}{arrow}")).strong()).frame(false))
            .on_hover_text(format!("Sort by {}", label.to_lowercase()))
            .accessible_name(format!("Sort by {}", label.to_lowercase()));
        if button.clicked() {
            if self.sort == key {
                self.ascending = !self.ascending;
            } else {
                self.sort = key;
                self.ascending = key != SortKey::Date;
            }
        }
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, effects: &Effects, metric: Metric, height: f32) {
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
                    ui.strong("Relief")
                        .on_hover_text("Pain right before minus right after, rated at the session");
                });
                header.col(|ui| {
                    ui.strong("Meaningful")
                        .on_hover_text("Pain fell by at least 2 points or 30%");
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
                        ui.label(
                            effect
                                .immediate_relief
                                .map_or_else(|| "–".to_owned(), |r| format!("{r:+}")),
                        );
                    });
                    row.col(|ui| {
                        if effect.meaningful_pain_drop() {
                            ui.label("✔ pain")
                                .on_hover_text("Pain fell by at least 2 points or 30%");
                        }
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

    fn chart_ui(&self, ui: &mut egui::Ui, effects: &Effects, metric: Metric, height: f32) {
        let dark = ui.visuals().dark_mode;
        let strong = ui.visuals().strong_text_color();
        let baseline = effects.baseline[metric].mean_change;
        let sessions = &effects.sessions;
        Plot::new("effects_chart")
            .height(height)
            .legend(Legend::default().position(Corner::LeftBottom))
            .x_grid_spacer(date_grid)
            .x_axis_formatter(date_label)
            .y_axis_label(format!("change in {}", metric.name().to_lowercase()))
            .label_formatter(|position| {
                let point = match position {
                    egui_plot::HoverPosition::NearDataPoint { position, .. } => *position,
                    egui_plot::HoverPosition::Elsewhere { .. } => return None,
                };
                let date = date_from_day_number(point.x)?;
                let session = sessions.iter().find(|e| e.date() == date)?;
                Some(format!(
                    "{}\n{}: change {:+.1}",
                    text::date(date),
                    session.kind,
                    point.y
                ))
            })
            .show(ui, |plot_ui| {
                plot_ui.add(HLine::new("no change", 0.0).color(ui_gray(dark)).width(1.0));
                if let Some(mean) = baseline {
                    plot_ui.add(
                        HLine::new("baseline (days without a session)", mean)
                            .color(ui_gray(dark))
                            .style(LineStyle::Dashed { length: 6.0 })
                            .width(1.5),
                    );
                }
                for kind in KindChoice::ALL {
                    let points: Vec<[f64; 2]> = sessions
                        .iter()
                        .filter(|e| e.kind.choice() == kind)
                        .filter_map(|e| {
                            e.metrics[metric]
                                .change()
                                .map(|c| [day_number(e.date()), c])
                        })
                        .collect();
                    if !points.is_empty() {
                        plot_ui.add(
                            Points::new(kind.label(), PlotPoints::from(points))
                                .color(kind_color(kind, dark))
                                .radius(4.0)
                                .shape(marker(kind)),
                        );
                    }
                }
                if let Some(selected) = self
                    .selected
                    .and_then(|id| sessions.iter().find(|e| e.session_id == id))
                    && let Some(change) = selected.metrics[metric].change()
                {
                    plot_ui.add(
                        Points::new(
                            "",
                            PlotPoints::from(vec![[day_number(selected.date()), change]]),
                        )
                        .radius(8.0)
                        .filled(false)
                        .color(strong),
                    );
                }
            });
    }
}

/// A different marker per kind, so the chart reads without colour.
fn marker(kind: KindChoice) -> egui_plot::MarkerShape {
    use egui_plot::MarkerShape;
    match kind {
        KindChoice::Swedish => MarkerShape::Circle,
        KindChoice::DeepTissue => MarkerShape::Diamond,
        KindChoice::TriggerPoint => MarkerShape::Square,
        KindChoice::Sports => MarkerShape::Up,
        KindChoice::Shiatsu => MarkerShape::Down,
        KindChoice::Other => MarkerShape::Cross,
    }
}

fn ui_gray(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(150)
    } else {
        Color32::from_gray(110)
    }
}

fn window_cell(ui: &mut egui::Ui, stat: WindowStat) {
    match stat.mean {
        Some(mean) => {
            ui.label(format!("{mean:.1}"));
            ui.label(RichText::new(format!("{} d", stat.days)).weak().small());
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
                RichText::new(format!("{change:+.1}"))
                    .color(change_color(ui, metric, change))
                    .strong(),
            );
            ui.label(RichText::new(word).weak().small());
        }
        None => {
            ui.label(RichText::new(labels::NOT_ENOUGH).weak().italics());
        }
    }
}

/// Sessions against the baseline, in one sentence.
fn comparison_ui(ui: &mut egui::Ui, effects: &Effects, metric: Metric) {
    let changes: Vec<f64> = effects
        .sessions
        .iter()
        .filter_map(|e| e.metrics[metric].change())
        .collect();
    let baseline = &effects.baseline[metric];
    let name = metric_legend(metric).to_lowercase();
    let sessions = match stats::mean(&changes) {
        Some(mean) => format!(
            "After sessions, {name} changed by {mean:+.1} on average ({} sessions with enough data).",
            changes.len()
        ),
        None => "No session has enough data on both sides yet.".to_owned(),
    };
    let ordinary = match baseline.mean_change {
        Some(mean) => format!(
            " Around {} ordinary days (at least {} days from any session) it changed by {mean:+.1}.",
            baseline.n,
            effects.settings.window()
        ),
        None => " There are not enough ordinary days (away from sessions) for a baseline yet."
            .to_owned(),
    };
    ui.label(RichText::new(format!("{sessions}{ordinary}")).strong());
}

fn summary_cells(ui: &mut egui::Ui, summary: &ChangeSummary) {
    ui.label(summary.n.to_string());
    ui.label(
        summary
            .mean_change
            .map_or_else(|| labels::NOT_ENOUGH.to_owned(), |m| format!("{m:+.1}")),
    );
    ui.label(
        summary
            .median_change
            .map_or_else(|| "–".to_owned(), |m| format!("{m:+.1}")),
    );
    ui.label(text::interval(summary.ci95.map(|(low, high)| [low, high])));
    ui.label(format!(
        "{} / {} / {}",
        summary.improved, summary.unchanged, summary.worse
    ));
}

fn groups_ui<'a>(
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
            .weak()
            .small(),
    );
}

/// The baseline beside the kinds: the same change around ordinary days.
fn baseline_row_ui(ui: &mut egui::Ui, effects: &Effects, metric: Metric) {
    let baseline = &effects.baseline[metric];
    let interval = baseline.ci95.map_or_else(String::new, |(low, high)| {
        format!(", 95% interval {}", text::interval(Some([low, high])))
    });
    let text = match (baseline.mean_change, baseline.median_change) {
        (Some(mean), Some(median)) => format!(
            "Baseline, for comparison: around {} ordinary days (at least {} days from any session) the change was {mean:+.1} on average (median {median:+.1}{interval}).",
            baseline.n,
            effects.settings.window()
        ),
        _ => "Baseline: not enough ordinary days (away from sessions) to compare with yet."
            .to_owned(),
    };
    ui.label(RichText::new(text).italics());
}
