//! The chart's key: what each line, band and mark means, drawn with the same colour and line
//! style as on the chart, and said in words for a screen reader.

use egui_plot::LineStyle;

use super::plot::{Drawn, MEAN_WIDTH};
use crate::analysis::Resolution;
use crate::ui::chart::{kind_color, metric_color, metric_legend, window_colors};
use crate::ui::chart_key::{self, entry};

/// The names the key gives; tests find them.
fn mean_name(metric: crate::model::Metric, resolution: Resolution) -> String {
    match resolution {
        Resolution::Daily => format!("{}, 7-day mean", metric_legend(metric)),
        Resolution::Weekly | Resolution::Monthly => {
            format!("{}, {}ly mean", metric_legend(metric), resolution.unit())
        }
    }
}

/// The key over the chart, on one wrapping line.
pub(super) fn legend_ui(ui: &mut egui::Ui, drawn: &Drawn, daily_on: bool, rolling_on: bool) {
    let dark = ui.visuals().dark_mode;
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.horizontal_wrapped(|ui| {
        for &metric in &drawn.metrics {
            let color = metric_color(metric, dark);
            let shape = chart_key::metric_marker(metric);
            let name = mean_name(metric, drawn.resolution);
            if drawn.resolution == Resolution::Daily {
                if rolling_on {
                    entry(
                        ui,
                        &name,
                        chart_key::line_with_marker(color, MEAN_WIDTH, shape),
                    );
                }
                if daily_on {
                    let name = format!("{}, daily", metric_legend(metric));
                    let faded = color.gamma_multiply(0.55);
                    entry(ui, &name, chart_key::line(LineStyle::Solid, faded, 1.2));
                }
            } else {
                let fill = color.gamma_multiply(0.18);
                let line = chart_key::line_with_marker(color, MEAN_WIDTH, shape);
                entry(ui, &name, chart_key::layered(chart_key::band(fill), line));
            }
        }
        if drawn.resolution != Resolution::Daily && !drawn.metrics.is_empty() {
            ui.label(format!(
                "Band: the middle half of each {}'s days.",
                drawn.resolution.unit()
            ));
        }
        for &kind in &drawn.kinds {
            let name = format!("{} session", kind.label());
            let sample =
                chart_key::vertical(kind_color(kind, dark), Some(kind.letter()), font.clone());
            entry(ui, &name, sample);
        }
        for &name in &drawn.care {
            let (shape, radius) = super::care_marks::shape(name);
            let ink = super::care_marks::ink(dark);
            entry(ui, name, chart_key::marker(shape, ink, radius));
        }
        if drawn.shaded {
            let (before, after) = window_colors(dark);
            entry(ui, "Before window", chart_key::band(before));
            entry(ui, "After window", chart_key::band(after));
        }
    });
}
