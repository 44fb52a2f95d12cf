//! The aligned chart and the bars of sessions under it.

use egui_plot::{Bar, BarChart, FilledArea, Line, LineStyle, Plot, PlotPoints, VLine};

use super::{AlignedView, describe_aligned, labels, line_look, line_name, offset_label};
use crate::analysis::AlignedPoint;
use crate::model::{KindChoice, Metric};
use crate::ui::chart::{LINKED_Y_AXIS_WIDTH, offset_grid, paint_focus, score_grid};
use crate::ui::chart_key::line_width;

impl AlignedView {
    pub(super) fn plot_ui(&mut self, ui: &mut egui::Ui, metric: Metric) {
        let dark = ui.visuals().dark_mode;
        let weak = ui.visuals().weak_text_color();
        let series: &[_] = self.cache.as_ref().map_or(&[], |(_, s)| s.as_slice());
        let (cursor, ink) = (&mut self.cursor, ui.visuals().strong_text_color());
        let group = egui::Id::unique("painlog_aligned_axes");
        // Both plots start on the same days (linked axes alone let each fit its own items).
        let reach = series
            .first()
            .and_then(|(_, points)| points.last())
            .map_or(7.0, |p| f64::from(p.offset));
        let (from, to) = (-reach - 0.6, reach + 0.6);
        // Room under the chart for the counts and the two lines that explain them.
        let chart_height = (ui.available_height() - COUNTS_HEIGHT - 70.0).max(150.0);
        let response = Plot::new("aligned_plot")
            .y_axis_min_width(LINKED_Y_AXIS_WIDTH)
            .height(chart_height)
            .default_x_bounds(from, to)
            .link_axis(group, [true, false])
            .x_grid_spacer(offset_grid)
            .y_grid_spacer(score_grid)
            .x_axis_formatter(|mark, _| offset_label(mark.value))
            .default_y_bounds(-0.3, 10.3)
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .x_axis_label("days before (−) and after (+) the session")
            .y_axis_label(axis_name(metric, chart_height))
            .label_formatter(|position| {
                let x = match position {
                    egui_plot::HoverPosition::NearDataPoint { position, .. }
                    | egui_plot::HoverPosition::Elsewhere { position } => position.x,
                };
                Some(super::cursor::label(series, x.round() as i32))
            })
            .show(ui, |plot_ui| {
                let bounds = plot_ui.plot_bounds();
                let shown = (bounds.min()[0], bounds.max()[0]);
                let reach = reach.round() as i32;
                if let Some((a, b)) = super::cursor::keys(plot_ui, cursor, shown, reach) {
                    plot_ui.set_plot_bounds_x(a..=b);
                }
                if let Some(offset) = cursor.filter(|_| plot_ui.response().has_focus()) {
                    plot_ui.add(VLine::new("", f64::from(offset)).color(ink).width(1.5));
                }
                plot_ui.add(
                    VLine::new("Session day", 0.0)
                        .color(weak)
                        .style(LineStyle::Dashed { length: 6.0 }),
                );
                let banded = series.len() == 1;
                for (kind, points) in series {
                    let (style, color) = line_look(*kind, metric, dark);
                    let name = line_name(*kind, metric);
                    let with_data: Vec<&AlignedPoint> =
                        points.iter().filter(|p| p.mean.is_some()).collect();
                    if banded {
                        let band: Vec<&AlignedPoint> = with_data
                            .iter()
                            .copied()
                            .filter(|p| p.q1.is_some() && p.q3.is_some())
                            .collect();
                        let xs: Vec<f64> = band.iter().map(|p| f64::from(p.offset)).collect();
                        let lows: Vec<f64> = band.iter().filter_map(|p| p.q1).collect();
                        let highs: Vec<f64> = band.iter().filter_map(|p| p.q3).collect();
                        if !xs.is_empty() {
                            plot_ui.add(
                                FilledArea::new("middle half (quartiles)", &xs, &lows, &highs)
                                    .fill_color(color.gamma_multiply(0.25)),
                            );
                        }
                    }
                    let line: Vec<[f64; 2]> = with_data
                        .iter()
                        .filter_map(|p| p.mean.map(|m| [f64::from(p.offset), m]))
                        .collect();
                    plot_ui.line(
                        Line::new(name, PlotPoints::from(line))
                            .color(color)
                            .style(style)
                            .width(line_width(style)),
                    );
                }
            });
        // Its name and text alternative, for people who cannot see it; with the keyboard, what
        // its cursor reads as its value.
        let description = describe_aligned(series, metric);
        let focused = response.response.has_focus();
        let offset = self.cursor.filter(|_| focused);
        if focused {
            let label = offset.map(|o| (f64::from(o), super::cursor::label(series, o)));
            let label = label.as_ref().map(|(x, text)| (*x, text.as_str()));
            paint_focus(ui, (&response.response, &response.transform), label);
        }
        let reading = offset.map(|offset| super::cursor::reading(series, metric, offset));
        if let Some(reading) = &reading {
            // Announced as it changes, and kept as the chart's value.
            let id = response.response.id.with("cursor_reading");
            let rect = response.response.rect;
            let at = egui::Rect::from_min_size(rect.left_top(), egui::Vec2::ZERO);
            crate::ui::widgets::announce(ui, id, at, reading);
        }
        ui.ctx()
            .accesskit_node_builder(response.response.id, |node| {
                if let Some(reading) = reading {
                    node.set_value(reading);
                }
                node.set_label(format!(
                    "Aligned chart: {} on the days before and after each session",
                    metric.name().to_lowercase()
                ));
                node.set_description(description);
            });
        counts_ui(ui, series, group, (from, to));
    }
}

/// The bars under the chart: how many sessions each day's mean is over.
fn counts_ui(
    ui: &mut egui::Ui,
    series: &[(Option<KindChoice>, Vec<AlignedPoint>)],
    group: egui::Id,
    (from, to): (f64, f64),
) {
    let dark = ui.visuals().dark_mode;
    let counts: Vec<(f64, usize)> = series.first().map_or_else(Vec::new, |(_, points)| {
        (0..points.len())
            .map(|i| {
                let n: usize = series
                    .iter()
                    .filter_map(|(_, p)| p.get(i))
                    .map(|p| p.n)
                    .sum();
                (f64::from(points[i].offset), n)
            })
            .collect()
    });
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let (step, top) = count_scale(most);
    let bar_color = count_color(dark);
    ui.add_space(4.0);
    let response = Plot::new("aligned_counts")
        .y_axis_min_width(LINKED_Y_AXIS_WIDTH)
        .height(COUNTS_HEIGHT)
        .default_x_bounds(from, to)
        .default_y_bounds(0.0, top)
        .show_axes([false, true])
        .link_axis(group, [true, false])
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        // Lines across only, at the counts labelled; none through the bars.
        .show_grid([false, true])
        .y_grid_spacer(move |_| count_marks(step, top))
        .y_axis_formatter(|mark, _| format!("{}", mark.value.round()))
        .y_axis_label(labels::COUNT_AXIS)
        .show(ui, |plot_ui| {
            let bars: Vec<Bar> = counts
                .iter()
                .map(|&(offset, n)| {
                    Bar::new(offset, n as f64)
                        .width(0.7)
                        .fill(bar_color)
                        .stroke(egui::Stroke::new(1.0, bar_color))
                })
                .collect();
            plot_ui.add(BarChart::new("sessions behind each day", bars).color(bar_color));
        });
    // Its name and, in words, the counts at the ends and on the session day.
    let count_at = |offset: f64| {
        counts
            .iter()
            .find(|(o, _)| (*o - offset).abs() < 0.5)
            .map(|(_, n)| *n)
    };
    let (first, last) = (
        counts.first().map(|(o, _)| *o),
        counts.last().map(|(o, _)| *o),
    );
    let description = match (first, last) {
        (Some(first), Some(last)) => format!(
            "Sessions with the day logged: {} on day {}, {} on the session day, {} on day {}.",
            count_at(first).unwrap_or(0),
            offset_label(first),
            count_at(0.0).unwrap_or(0),
            count_at(last).unwrap_or(0),
            offset_label(last)
        ),
        _ => "No session has a logged day around it.".to_owned(),
    };
    ui.ctx()
        .accesskit_node_builder(response.response.id, |node| {
            node.set_label("Sessions behind each day of the aligned chart");
            node.set_description(description);
        });
}

/// The height of the bars under the chart: room for three labelled counts.
const COUNTS_HEIGHT: f32 = 100.0;

/// The count axis for a tallest bar of `most`: a step of 1, 2 or 5 times a power of ten, and a
/// top at two or three steps that leaves room above the tallest bar (at least an eighth).
fn count_scale(most: usize) -> (f64, f64) {
    let wanted = (most.max(1) as f64) * 1.15;
    let mut magnitude = 1.0;
    loop {
        for factor in [1.0, 2.0, 5.0] {
            let step = factor * magnitude;
            if wanted <= 3.0 * step {
                let steps = (wanted / step).ceil().max(2.0);
                return (step, steps * step);
            }
        }
        magnitude *= 10.0;
    }
}

/// The labelled counts: 0, one step, two steps, … up to the top.
fn count_marks(step: f64, top: f64) -> Vec<egui_plot::GridMark> {
    let steps = (top / step).round() as usize;
    (0..=steps)
        .map(|i| egui_plot::GridMark {
            value: i as f64 * step,
            step_size: step,
        })
        .collect()
}

/// A grey that stands out from the panel in both themes (egui's weak text colour is nearly the
/// dark panel's own).
fn count_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_gray(135)
    } else {
        egui::Color32::from_gray(150)
    }
}

/// The y axis: the metric, its scale and which way is better.
/// The chart's y axis name, "Pain (lower is better)"; shorter where the chart is too short for
/// it ("Sleep, higher better"), so that it is never cut nor runs into the key.
fn axis_name(metric: Metric, height: f32) -> String {
    let better = if metric.higher_is_better() {
        "higher is better"
    } else {
        "lower is better"
    };
    let full = format!("{} ({better})", metric.name());
    // About 7.5 px a character in the body font, and a little room at each end.
    if full.chars().count() as f32 * 7.5 <= height - 16.0 {
        return full;
    }
    let short = match metric {
        Metric::Sleep => "Sleep",
        other => other.name(),
    };
    let short = format!("{short}, {}", better.replace(" is", ""));
    // A long name of one's own measure is cut to the axis (the key names it whole).
    let room = ((height - 16.0) / 7.5).max(8.0) as usize;
    if short.chars().count() <= room {
        short
    } else {
        let cut: String = short.chars().take(room.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::{count_marks, count_scale};

    #[test]
    fn the_count_axis_has_three_labels_and_room_above_the_tallest_bar() {
        for most in [
            0, 1, 2, 3, 4, 5, 7, 9, 10, 13, 19, 20, 26, 99, 100, 130, 499, 500, 1000, 4321,
        ] {
            let (step, top) = count_scale(most);
            let marks = count_marks(step, top);
            assert!((3..=4).contains(&marks.len()), "{most}: {marks:?}");
            assert!(
                step >= 1.0 && step.fract() == 0.0,
                "{most}: whole counts, {step}"
            );
            assert!(
                top >= most.max(1) as f64 * 1.12,
                "{most}: headroom under {top}"
            );
            assert!(
                top <= most.max(1) as f64 * 3.5 + 2.0,
                "{most}: bars not squashed under {top}"
            );
        }
    }
}
