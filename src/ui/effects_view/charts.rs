//! The Effects view's charts: each session's change over time, by kind, and the forest plot of
//! sessions against ordinary weeks.

use egui::Color32;
use egui_plot::{HLine, LineStyle, Plot, PlotPoints, Points};

use super::EffectsView;
use crate::analysis::{Direction, Effects, date_from_day_number, day_number, direction};
use crate::model::{KindChoice, Metric};
use crate::report::{text, wording};
use crate::ui::chart::{date_axis, date_grid, kind_color, points_grid};
use crate::ui::chart_key::{self, entry, kind_marker};

/// The closest and the farthest apart the forest plot's rows are, in points.
const FOREST_ROW_MIN: f32 = 22.0;
const FOREST_ROW_MAX: f32 = 28.0;

/// The name of the dashed line at the ordinary weeks' mean change.
const ORDINARY_LINE: &str = "Ordinary weeks' mean change";

impl EffectsView {
    pub(super) fn chart_ui(
        &self,
        ui: &mut egui::Ui,
        effects: &Effects,
        metric: Metric,
        height: f32,
    ) {
        let dark = ui.visuals().dark_mode;
        let strong = ui.visuals().strong_text_color();
        let baseline = effects.baseline[metric].mean_change;
        let sessions = &effects.sessions;
        let kinds: Vec<KindChoice> = KindChoice::ALL
            .into_iter()
            .filter(|kind| {
                sessions
                    .iter()
                    .any(|e| e.kind.choice() == *kind && e.metrics[metric].change().is_some())
            })
            .collect();
        // The key above the chart, with the shapes the points have.
        ui.horizontal_wrapped(|ui| {
            for &kind in &kinds {
                let sample = chart_key::marker(kind_marker(kind), kind_color(kind, dark), 5.0);
                entry(ui, &format!("{} session", kind.label()), sample);
            }
            entry(
                ui,
                "No change",
                chart_key::line(LineStyle::Solid, ui_gray(dark), 1.0),
            );
            if baseline.is_some() {
                let dashed = LineStyle::Dashed { length: 6.0 };
                entry(
                    ui,
                    ORDINARY_LINE,
                    chart_key::line(dashed, ui_gray(dark), 1.5),
                );
            }
        });
        let height = height - ui.spacing().interact_size.y - 4.0;
        let (low, high) = y_range(
            sessions
                .iter()
                .filter_map(|e| e.metrics[metric].change())
                .chain(baseline),
        );
        let response = Plot::new("effects_chart")
            .id(egui::Id::unique(super::labels::CHART_ID))
            .height(height)
            .width(ui.available_width())
            // In a page that scrolls, the wheel scrolls the page: drag pans, a double click resets.
            .allow_scroll(false)
            .allow_zoom(false)
            .allow_drag([true, false])
            .allow_boxed_zoom(false)
            .include_y(low)
            .include_y(high)
            .x_grid_spacer(date_grid)
            .custom_x_axes(vec![date_axis()])
            .y_axis_label(format!("change in {}", metric.name().to_lowercase()))
            .label_formatter(|position| {
                let point = match position {
                    egui_plot::HoverPosition::NearDataPoint { position, .. } => *position,
                    egui_plot::HoverPosition::Elsewhere { .. } => return None,
                };
                let date = date_from_day_number(point.x)?;
                let session = sessions
                    .iter()
                    .find(|e| e.date() == date && e.metrics[metric].change() == Some(point.y))?;
                // The change as the table shows it: the difference of the two means shown.
                let value = &session.metrics[metric];
                Some(format!(
                    "{}\n{}: {}",
                    text::date(date),
                    session.kind,
                    wording::change(text::shown_change(value.before.mean, value.after.mean))
                ))
            })
            .show(ui, |plot_ui| {
                plot_ui.add(HLine::new("no change", 0.0).color(ui_gray(dark)).width(1.0));
                if let Some(mean) = baseline {
                    plot_ui.add(
                        HLine::new(ORDINARY_LINE, mean)
                            .color(ui_gray(dark))
                            .style(LineStyle::Dashed { length: 6.0 })
                            .width(1.5),
                    );
                }
                for &kind in &kinds {
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
                                .shape(kind_marker(kind)),
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
        describe_changes(ui, response.response.id, effects, metric);
    }
}

/// The change axis from `changes` (and 0): every point inside, with a tenth of the range (at
/// least a third of a point) above the highest and below the lowest, so no marker is cut.
fn y_range(changes: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = changes.fold((0.0_f64, 0.0_f64), |(low, high), c| {
        (low.min(c), high.max(c))
    });
    let margin = ((high - low) * 0.1).max(0.35);
    (low - margin, high + margin)
}

fn ui_gray(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(150)
    } else {
        Color32::from_gray(110)
    }
}

/// The forest plot: one row per group, the difference against ordinary weeks as a point and its
/// 95% interval as a line, zero marked, and which side is better for the metric. Its rows are as
/// close as keeps their names readable when `room` (the height left on the first page) is short.
pub(super) fn forest_ui(
    ui: &mut egui::Ui,
    rows: &[&super::answer::Row<'_>],
    metric: Metric,
    room: f32,
) {
    let dark = ui.visuals().dark_mode;
    let ink = ui.visuals().strong_text_color();
    let names: Vec<String> = rows.iter().map(|row| row.name.clone()).collect();
    let better = if metric.higher_is_better() {
        "higher is better"
    } else {
        "lower is better"
    };
    let count = rows.len();
    // The x axis (its ticks and its name) takes about two lines under the rows.
    let axis = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let pitch = ((room - axis) / count as f32).clamp(FOREST_ROW_MIN, FOREST_ROW_MAX);
    let height = axis + pitch * count as f32;
    // A tick label is centred on its tick: a tick at the right end needs half a label of room
    // beyond the plot ("+1.5" is about the widest).
    let half_label = ui
        .painter()
        .layout_no_wrap(
            "+1.5".to_owned(),
            egui::TextStyle::Body.resolve(ui.style()),
            ink,
        )
        .size()
        .x
        * 0.5;
    let plot_width = ui.available_width() - half_label - 4.0;
    let y_axis = egui_plot::AxisHints::new_y()
        // Each name in full from rows FOREST_ROW_MIN apart.
        .label_spacing(FOREST_ROW_MIN - 4.0..=FOREST_ROW_MIN - 2.0)
        .formatter(move |mark, _| {
            let index = (-mark.value).round();
            if (mark.value + index).abs() < 1e-6 && index >= 0.0 {
                names.get(index as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        });
    let response = Plot::new("effects_forest")
        .id(egui::Id::unique(super::labels::FOREST_ID))
        .height(height)
        .width(plot_width)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([true, false])
        // The rows fill the height: half a row above the first and below the last.
        .set_margin_fraction(egui::vec2(0.05, 0.0))
        .include_y(0.5)
        .include_y(0.5 - count as f64)
        .x_grid_spacer(points_grid)
        .x_axis_formatter(|mark, _| {
            let value = (mark.value * 10.0).round() / 10.0;
            if value == 0.0 {
                "0".to_owned()
            } else {
                format!("{value:+}")
            }
        })
        .x_axis_label(format!(
            "difference against ordinary weeks, points of {} ({better})",
            metric.name().to_lowercase()
        ))
        .custom_y_axes(vec![y_axis])
        .y_grid_spacer(move |_| {
            (0..count)
                .map(|i| egui_plot::GridMark {
                    value: -(i as f64),
                    step_size: 1.0,
                })
                .collect()
        })
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            plot_ui.add(
                egui_plot::VLine::new("no difference", 0.0)
                    .color(ui_gray(dark))
                    .style(LineStyle::Dashed { length: 6.0 })
                    .width(1.0),
            );
            for (index, row) in rows.iter().enumerate() {
                let y = -(index as f64);
                if let (Some((low, high)), Some(difference)) =
                    (row.compared.ci95, row.compared.difference)
                {
                    plot_ui.add(
                        egui_plot::Line::new("", PlotPoints::from(vec![[low, y], [high, y]]))
                            .color(ink)
                            .width(2.0),
                    );
                    plot_ui.add(
                        Points::new("", PlotPoints::from(vec![[difference, y]]))
                            .color(ink)
                            .radius(5.0)
                            .shape(egui_plot::MarkerShape::Diamond),
                    );
                }
            }
        });
    describe_forest(ui, response.response.id, rows, metric);
    let (left, right) = wording::forest_sides(metric);
    // As wide as the plot: its right end under the plot's, clear of the page's scroll bar.
    let line = ui.spacing().interact_size.y;
    ui.allocate_ui(egui::vec2(plot_width, line), |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(left);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(right);
            });
        });
    });
}

/// The forest plot's name and text alternative: each row in the words of the sentences above it.
fn describe_forest(ui: &egui::Ui, id: egui::Id, rows: &[&super::answer::Row<'_>], metric: Metric) {
    let said: Vec<String> = rows
        .iter()
        .map(|row| wording::forest_row(&row.name, metric, row.compared))
        .collect();
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_label(format!(
            "Forest plot: {} after sessions against ordinary weeks, by group",
            metric.name().to_lowercase()
        ));
        node.set_description(said.join(" "));
    });
}

/// The change-over-time chart's name and text alternative: how many sessions, how their changes
/// fell, and the answer for all of them.
fn describe_changes(ui: &egui::Ui, id: egui::Id, effects: &Effects, metric: Metric) {
    let changes: Vec<f64> = effects
        .sessions
        .iter()
        .filter_map(|e| e.metrics[metric].change())
        .collect();
    let count = |wanted: Direction| {
        changes
            .iter()
            .filter(|c| direction(metric, **c) == wanted)
            .count()
    };
    let name = metric.name().to_lowercase();
    let description = format!(
        "{} sessions with enough logged days; {} better, {} about the same, {} worse. {}",
        changes.len(),
        count(Direction::Improved),
        count(Direction::Unchanged),
        count(Direction::Worse),
        wording::comparison(wording::Group::All, metric, &effects.compared.all[metric])
    );
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_label(format!(
            "Change in {name} after each session, over time, by kind"
        ));
        node.set_description(description);
    });
}
