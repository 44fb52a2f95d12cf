//! The chart's key: what each line, band and mark means, drawn with the same colour and line
//! style as on the chart, and said in words for a screen reader.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};
use egui_plot::LineStyle;

use super::plot::{Drawn, metric_line_style, metric_line_width};
use crate::analysis::Resolution;
use crate::ui::chart::{kind_color, metric_color, metric_legend};

/// The names the key gives; tests find them.
fn mean_name(metric: crate::model::Metric, resolution: Resolution) -> String {
    match resolution {
        Resolution::Daily => format!("{}, 7-day mean", metric_legend(metric)),
        Resolution::Weekly | Resolution::Monthly => {
            format!("{}, {}ly mean", metric_legend(metric), resolution.unit())
        }
    }
}

/// The key under the chart, on one wrapping line.
pub(super) fn legend_ui(ui: &mut egui::Ui, drawn: &Drawn, daily_on: bool, rolling_on: bool) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        for &metric in &drawn.metrics {
            let color = metric_color(metric, dark);
            match drawn.resolution {
                Resolution::Daily => {
                    if rolling_on {
                        let style = metric_line_style(metric);
                        entry(
                            ui,
                            &mean_name(metric, drawn.resolution),
                            |painter, from, to| {
                                line_sample(
                                    painter,
                                    from,
                                    to,
                                    color,
                                    metric_line_width(metric),
                                    style,
                                );
                            },
                        );
                    }
                    if daily_on {
                        let name = format!("{}, daily", metric_legend(metric));
                        entry(ui, &name, |painter, from, to| {
                            line_sample(
                                painter,
                                from,
                                to,
                                color.gamma_multiply(0.55),
                                1.2,
                                LineStyle::Solid,
                            );
                        });
                    }
                }
                Resolution::Weekly | Resolution::Monthly => {
                    let style = metric_line_style(metric);
                    entry(
                        ui,
                        &mean_name(metric, drawn.resolution),
                        |painter, from, to| {
                            let band =
                                egui::Rect::from_two_pos(from - Vec2::Y * 5.0, to + Vec2::Y * 5.0);
                            painter.rect_filled(band, 0.0, color.gamma_multiply(0.18));
                            line_sample(painter, from, to, color, metric_line_width(metric), style);
                        },
                    );
                }
            }
        }
        if matches!(drawn.resolution, Resolution::Weekly | Resolution::Monthly)
            && !drawn.metrics.is_empty()
        {
            ui.label(format!(
                "Band: the middle half of each {}'s days.",
                drawn.resolution.unit()
            ));
        }
        for &kind in &drawn.kinds {
            let color = kind_color(kind, dark);
            let font = egui::TextStyle::Body.resolve(ui.style());
            entry(
                ui,
                &format!("{} session", kind.label()),
                |painter, from, _to| {
                    let x = from.x + 8.0;
                    let top = Pos2::new(x, from.y - 7.0);
                    let bottom = Pos2::new(x, from.y + 7.0);
                    painter.extend(Shape::dashed_line(
                        &[top, bottom],
                        Stroke::new(1.6, color),
                        4.0,
                        2.5,
                    ));
                    painter.text(
                        Pos2::new(x + 5.0, from.y),
                        egui::Align2::LEFT_CENTER,
                        kind.letter(),
                        font,
                        color,
                    );
                },
            );
        }
        if drawn.shaded {
            let alpha = if dark { 40 } else { 55 };
            for (name, color) in [
                (
                    "Before window",
                    Color32::from_rgba_unmultiplied(240, 160, 40, alpha),
                ),
                (
                    "After window",
                    Color32::from_rgba_unmultiplied(60, 160, 240, alpha),
                ),
            ] {
                entry(ui, name, |painter, from, to| {
                    let rect = egui::Rect::from_two_pos(from - Vec2::Y * 7.0, to + Vec2::Y * 7.0);
                    painter.rect_filled(rect, 0.0, color);
                });
            }
        }
    });
}

/// One entry: a drawn sample then its name, as one item so that the two wrap together.
fn entry(ui: &mut egui::Ui, name: &str, paint: impl FnOnce(&egui::Painter, Pos2, Pos2)) {
    let sample = Vec2::new(30.0, 16.0);
    let galley = egui::WidgetText::from(name).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let size = Vec2::new(
        sample.x + 4.0 + galley.size().x + 10.0,
        sample.y.max(galley.size().y),
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
    if ui.is_rect_visible(rect) {
        let middle = rect.center().y;
        let from = Pos2::new(rect.left() + 2.0, middle);
        let to = Pos2::new(rect.left() + sample.x - 2.0, middle);
        paint(ui.painter(), from, to);
        let text_at = Pos2::new(rect.left() + sample.x + 4.0, middle - galley.size().y / 2.0);
        ui.painter()
            .galley(text_at, galley, ui.visuals().text_color());
    }
}

/// A short stretch of line in the style the chart draws it.
fn line_sample(
    painter: &egui::Painter,
    from: Pos2,
    to: Pos2,
    color: Color32,
    width: f32,
    style: LineStyle,
) {
    match style {
        LineStyle::Solid => {
            painter.line_segment([from, to], Stroke::new(width, color));
        }
        LineStyle::Dashed { length } => {
            painter.extend(Shape::dashed_line(
                &[from, to],
                Stroke::new(width, color),
                length,
                length * (std::f32::consts::GOLDEN_RATIO - 1.0),
            ));
        }
        LineStyle::Dotted { spacing } => {
            painter.extend(Shape::dotted_line(&[from, to], color, spacing, width));
        }
    }
}
