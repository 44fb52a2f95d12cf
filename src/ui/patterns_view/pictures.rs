//! The small picture beside each pattern: for a measure, its days as a scatter (a dot per pair
//! of values, larger where more days share it) with the fitted line; for a thing that happened,
//! two box plots, the days with it and the days without.

use egui::Color32;
use egui_plot::{BoxElem, BoxPlot, BoxSpread, Line, Plot, PlotPoints, Points};

use crate::analysis::patterns::{FactorPattern, MeasurePattern};
use crate::analysis::stats::quantile_sorted;
use crate::model::Metric;
use crate::report::pattern_words::{self, factor_days, lag_words, measure_subject};
use crate::ui::chart::metric_color;

/// The size of a picture.
pub(super) const SIZE: egui::Vec2 = egui::vec2(240.0, 150.0);

/// A plot that only shows: no zoom, drag or scroll, so the page scrolls over it.
fn still(salt: impl std::hash::Hash + std::fmt::Debug) -> Plot<'static> {
    Plot::new(salt)
        .width(SIZE.x)
        .height(SIZE.y)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid(false)
        .include_y(0.0)
        .include_y(10.0)
}

/// A measure's days as a scatter with the least-squares line, named for a screen reader.
pub(super) fn scatter(ui: &mut egui::Ui, pattern: &MeasurePattern, metric: Metric) {
    let dark = ui.visuals().dark_mode;
    let color = metric_color(metric, dark);
    let id = ("pattern scatter", pattern.measure, pattern.lag);
    let x_name = measure_subject(pattern.measure);
    let y_name = format!(
        "{} {}",
        metric.name().to_lowercase(),
        lag_words(pattern.lag)
    );
    let (x_axis, y_axis) = (short(&x_name), short(&y_name));
    let response = still(id)
        .include_x(0.0)
        .include_x(10.0)
        .x_axis_label(x_axis)
        .y_axis_label(y_axis)
        .show(ui, |plot_ui| {
            let most = pattern
                .counts
                .iter()
                .flatten()
                .copied()
                .max()
                .unwrap_or(1)
                .max(1);
            // Dots in five sizes by how many days share the pair.
            for tier in 1..=5_u32 {
                let points: Vec<[f64; 2]> = cells(pattern)
                    .filter(|(_, _, n)| size_tier(*n, most) == tier)
                    .map(|(x, y, _)| [x, y])
                    .collect();
                if !points.is_empty() {
                    plot_ui.points(
                        Points::new(format!("days ({tier})"), PlotPoints::from(points))
                            .radius(1.5 + tier as f32)
                            .color(color.gamma_multiply(0.55)),
                    );
                }
            }
            if let Some((slope, intercept)) = fitted_line(pattern) {
                let ends = vec![[0.0, intercept], [10.0, intercept + 10.0 * slope]];
                plot_ui.line(
                    Line::new("fitted line", PlotPoints::from(ends))
                        .color(text_color(dark))
                        .width(2.0),
                );
            }
        });
    ui.ctx()
        .accesskit_node_builder(response.response.id, |node| {
            node.set_role(egui::accesskit::Role::Image);
            node.set_label(format!(
                "Scatter: {x_name} against {y_name}, {} days",
                pattern.n
            ));
            node.set_description(pattern_words::measure_sentence(pattern, metric));
        });
}

/// A factor's days with and without as two box plots, named for a screen reader.
pub(super) fn boxes(ui: &mut egui::Ui, pattern: &FactorPattern, metric: Metric) {
    let dark = ui.visuals().dark_mode;
    let color = metric_color(metric, dark);
    let id = ("pattern boxes", &pattern.factor, pattern.lag);
    let y_name = format!(
        "{} {}",
        metric.name().to_lowercase(),
        lag_words(pattern.lag)
    );
    let y_axis = short(&y_name);
    let response = still(id)
        .include_x(-0.6)
        .include_x(1.6)
        .show_axes([true, true])
        .x_axis_formatter(|mark, _| match mark.value.round() as i64 {
            0 => "with".to_owned(),
            1 => "without".to_owned(),
            _ => String::new(),
        })
        .y_axis_label(y_axis)
        .show(ui, |plot_ui| {
            let elements: Vec<BoxElem> = [
                (0.0, &pattern.with, "with"),
                (1.0, &pattern.without, "without"),
            ]
            .into_iter()
            .filter_map(|(x, values, name)| {
                let spread = spread(values)?;
                Some(
                    BoxElem::new(x, spread)
                        .name(format!("{name} ({} days)", values.len()))
                        .box_width(0.5)
                        .fill(color.gamma_multiply(0.3))
                        .stroke(egui::Stroke::new(1.5, color)),
                )
            })
            .collect();
            plot_ui.box_plot(BoxPlot::new("days", elements));
        });
    ui.ctx()
        .accesskit_node_builder(response.response.id, |node| {
            node.set_role(egui::accesskit::Role::Image);
            node.set_label(format!(
                "Box plots: {y_name} on {} against other days",
                factor_days(&pattern.factor)
            ));
            node.set_description(pattern_words::factor_sentence(pattern, metric));
        });
}

/// An axis name short enough for the picture's side (the whole name is the picture's name).
fn short(name: &str) -> String {
    const MOST: usize = 22;
    if name.chars().count() <= MOST {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MOST - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Every pair of values that some days share: `(measure, metric, days)`.
fn cells(pattern: &MeasurePattern) -> impl Iterator<Item = (f64, f64, u32)> + '_ {
    pattern.counts.iter().enumerate().flat_map(|(x, row)| {
        row.iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(move |(y, n)| (x as f64, y as f64, *n))
    })
}

/// 1 to 5, by the share of the most days any pair has (square root, so that area follows days).
fn size_tier(n: u32, most: u32) -> u32 {
    let share = (f64::from(n) / f64::from(most)).sqrt();
    ((share * 5.0).ceil() as u32).clamp(1, 5)
}

/// The least-squares line of the metric on the measure, from the counted pairs.
fn fitted_line(pattern: &MeasurePattern) -> Option<(f64, f64)> {
    pattern.r?;
    let (mut n, mut sx, mut sy, mut sxx, mut sxy) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for (x, y, days) in cells(pattern) {
        let w = f64::from(days);
        n += w;
        sx += w * x;
        sy += w * y;
        sxx += w * x * x;
        sxy += w * x * y;
    }
    let denominator = n * sxx - sx * sx;
    (denominator > 0.0).then(|| {
        let slope = (n * sxy - sx * sy) / denominator;
        (slope, (sy - slope * sx) / n)
    })
}

/// Median, quartiles and whiskers (1.5 times the middle half past the quartiles, at most the
/// extremes) of sorted values.
fn spread(sorted: &[f64]) -> Option<BoxSpread> {
    let (q1, median, q3) = (
        quantile_sorted(sorted, 0.25)?,
        quantile_sorted(sorted, 0.5)?,
        quantile_sorted(sorted, 0.75)?,
    );
    let reach = 1.5 * (q3 - q1);
    let low = sorted
        .iter()
        .copied()
        .find(|v| *v >= q1 - reach)
        .unwrap_or(q1);
    let high = sorted
        .iter()
        .rev()
        .copied()
        .find(|v| *v <= q3 + reach)
        .unwrap_or(q3);
    Some(BoxSpread::new(low, q1, median, q3, high))
}

fn text_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(30)
    }
}
