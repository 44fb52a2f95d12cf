//! A small chart of the days around a date: pain and sleep each day, the sessions marked with
//! their kind's letter, one day picked out and a session's windows shaded. The Day and Sessions
//! views show it beside their forms when the window is wide.

use chrono::NaiveDate;
use egui_plot::{Line, Plot, PlotPoints, Points, VLine};

use super::chart::{
    date_axis, date_grid, kind_color, metric_color, metric_legend, score_grid, session_line,
    shade_windows, window_colors,
};
use super::chart_key::{self, MARKER_RADIUS, entry, metric_marker};
use crate::analysis::{DayRange, JournalIndex, SessionEffect, daily_runs, day_number};
use crate::model::{Journal, KindChoice, Metric};
use crate::report::{text, wording};

/// What the chart shows.
pub struct DaysAround<'a> {
    /// The plot's id (one per view).
    pub id: &'static str,
    /// The days.
    pub range: DayRange,
    /// The day picked out (the day open, or the session's).
    pub day: NaiveDate,
    /// A session whose windows are shaded.
    pub shaded: Option<&'a SessionEffect>,
}

/// The metrics drawn: pain, and sleep for the night that so often follows.
const METRICS: [Metric; 2] = [Metric::Pain, Metric::Sleep];

impl DaysAround<'_> {
    /// Draw the key, the chart `height` high, and say in words what it shows.
    pub fn ui(&self, ui: &mut egui::Ui, journal: &Journal, index: &JournalIndex, height: f32) {
        let dark = ui.visuals().dark_mode;
        let sessions: Vec<(NaiveDate, KindChoice)> = journal
            .sessions()
            .iter()
            .filter(|s| self.range.contains(s.date()))
            .map(|s| (s.date(), s.kind.choice()))
            .collect();
        let font = egui::TextStyle::Body.resolve(ui.style());
        ui.horizontal_wrapped(|ui| {
            for metric in METRICS {
                let name = format!("{}, each day", metric_legend(metric));
                let color = metric_color(metric, dark);
                let sample = chart_key::line_with_marker(color, 2.0, metric_marker(metric));
                entry(ui, &name, sample);
            }
            let mut kinds: Vec<KindChoice> = sessions.iter().map(|(_, kind)| *kind).collect();
            kinds.sort_unstable();
            kinds.dedup();
            for kind in kinds {
                let sample =
                    chart_key::vertical(kind_color(kind, dark), Some(kind.letter()), font.clone());
                entry(ui, &format!("{} session", kind.label()), sample);
            }
            if self.shaded.is_some() {
                let (before, after) = window_colors(dark);
                entry(ui, "Before window", chart_key::band(before));
                entry(ui, "After window", chart_key::band(after));
            }
        });
        let (from, to) = (
            day_number(self.range.from) - 0.5,
            day_number(self.range.to) + 0.5,
        );
        let response = Plot::new(self.id)
            .height(height)
            .x_grid_spacer(date_grid)
            .custom_x_axes(vec![date_axis()])
            .y_grid_spacer(score_grid)
            .y_axis_label(crate::ui::chart::score_axis(height))
            .default_x_bounds(from, to)
            .default_y_bounds(-0.3, crate::ui::chart::SCORE_TOP)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .show(ui, |plot_ui| {
                if let Some(effect) = self.shaded {
                    shade_windows(plot_ui, effect, dark);
                }
                plot_ui.add(
                    VLine::new("", day_number(self.day))
                        .color(ui_ink(dark))
                        .width(6.0),
                );
                for (date, kind) in &sessions {
                    let x = day_number(*date);
                    session_line(plot_ui, (x, crate::ui::chart::SCORE_TOP), *kind, 1.5, dark);
                }
                for metric in METRICS {
                    let color = metric_color(metric, dark);
                    let name = format!("{}, each day", metric_legend(metric));
                    for run in daily_runs(&index.daily, metric, self.range) {
                        plot_ui.add(
                            Points::new(name.clone(), PlotPoints::from(run.clone()))
                                .color(color)
                                .radius(MARKER_RADIUS)
                                .shape(metric_marker(metric)),
                        );
                        if run.len() > 1 {
                            plot_ui.line(
                                Line::new(name.clone(), PlotPoints::from(run))
                                    .color(color)
                                    .width(2.0),
                            );
                        }
                    }
                }
            });
        let label = self.describe(index);
        // Each line in words, as the trend chart says its own.
        let description = METRICS
            .map(|metric| wording::chart_summary(&index.daily, metric, self.range))
            .join(" ");
        ui.ctx()
            .accesskit_node_builder(response.response.id, |node| {
                node.set_label(label);
                node.set_description(description);
            });
    }

    /// The chart in words: the days, and pain over them.
    fn describe(&self, index: &JournalIndex) -> String {
        let values: Vec<f64> = self
            .range
            .from
            .iter_days()
            .take_while(|date| *date <= self.range.to)
            .filter_map(|date| index.daily.value(Metric::Pain, date))
            .map(f64::from)
            .collect();
        let pain = if values.is_empty() {
            "no pain logged".to_owned()
        } else {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            format!(
                "pain {mean:.1} on average over {} logged days",
                values.len()
            )
        };
        let mut text = format!(
            "Days around {}: {} to {}, {pain}",
            text::date(self.day),
            text::date(self.range.from),
            text::date(self.range.to)
        );
        if let Some(effect) = self.shaded {
            let change = wording::change(effect.metrics[Metric::Pain].change());
            text.push_str(&format!(
                "; after the session against before: pain {change}"
            ));
        }
        text
    }
}

fn ui_ink(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_white_alpha(40)
    } else {
        egui::Color32::from_black_alpha(30)
    }
}
