//! Aligned: every session at day 0, the mean of a metric at each day before and after, with its
//! spread and the number of sessions behind each point.

use egui::RichText;
use egui_plot::{
    Bar, BarChart, Corner, FilledArea, Legend, Line, LineStyle, Plot, PlotPoints, VLine,
};

use super::chart::{kind_color, metric_color, metric_legend};
use super::context::ViewContext;
use super::controls::{honesty_ui, settings_ui};
use crate::analysis::{AlignedFilter, AlignedPoint, EffectSettings, aligned};
use crate::model::{Journal, KindChoice, Metric};

/// Labels the tests and screen readers find.
pub mod labels {
    /// The kind filter.
    pub const KIND: &str = "Kind";
    /// The therapist filter.
    pub const THERAPIST: &str = "Therapist";
    /// One line per kind.
    pub const COMPARE: &str = "Compare kinds (one line each)";
    /// The sentence that says how many sessions are averaged.
    pub const SUMMARY_PREFIX: &str = "Averaged over";
}

/// The aligned view's state.
#[derive(Default)]
pub struct AlignedView {
    filter: AlignedFilter,
    compare_kinds: bool,
    cache: Option<(AlignedKey, AlignedSeries)>,
    comparison: String,
}

type AlignedKey = (u64, EffectSettings, Metric, AlignedFilter, bool);

/// The lines of the chart: one per kind compared (or one for all), with its points.
pub type AlignedSeries = Vec<(Option<KindChoice>, Vec<AlignedPoint>)>;

impl AlignedView {
    /// The lines shown: the kind (or all) and their points.
    pub fn series(&self) -> &[(Option<KindChoice>, Vec<AlignedPoint>)] {
        self.cache
            .as_ref()
            .map_or(&[], |(_, series)| series.as_slice())
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, settings, metric) = (ctx.journal, ctx.settings, ctx.metric);
        egui::CentralPanel::default().show(ui, |ui| {
            settings_ui(ui, ctx);
            self.filters_ui(ui, journal);
            let key = (journal.revision(), settings, metric, self.filter.clone(), self.compare_kinds);
            if self.cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
                let (index, effects) = ctx.analysis.effects(journal, settings);
                let series = if self.compare_kinds {
                    KindChoice::ALL
                        .into_iter()
                        .filter(|kind| self.filter.kind.is_none_or(|only| only == *kind))
                        .map(|kind| {
                            let filter = AlignedFilter { kind: Some(kind), ..self.filter.clone() };
                            (Some(kind), aligned(effects, &index.daily, metric, &filter))
                        })
                        .filter(|(_, points)| points.iter().any(|p| p.n > 0))
                        .collect()
                } else {
                    vec![(self.filter.kind, aligned(effects, &index.daily, metric, &self.filter))]
                };
                self.cache = Some((key, series));
                self.comparison = comparison(effects, metric, &self.filter);
            }
            honesty_ui(ui);
            let sessions_behind = self.series().iter().map(|(_, points)| points.iter().find(|p| p.offset == 0).map_or(0, |p| p.n)).sum::<usize>();
            ui.label(format!(
                "{} {sessions_behind} sessions. Day 0 is the session day; the band is the middle half of the values (quartiles); the bars below count the sessions behind each day.",
                labels::SUMMARY_PREFIX
            ));
            ui.label(RichText::new(&self.comparison).strong());
            if metric.higher_is_better() {
                ui.label(RichText::new("Higher is better for sleep quality.").weak());
            }
            self.plot_ui(ui, metric);
        });
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, journal: &Journal) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(labels::KIND);
            let kind_text = self.filter.kind.map_or("All kinds", KindChoice::label);
            egui::ComboBox::from_id_salt("aligned_kind")
                .selected_text(kind_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.kind, None, "All kinds");
                    for kind in KindChoice::ALL {
                        ui.selectable_value(&mut self.filter.kind, Some(kind), kind.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.add_space(8.0);
            let label = ui.label(labels::THERAPIST);
            let therapist_text = self
                .filter
                .therapist
                .clone()
                .unwrap_or_else(|| "All therapists".to_owned());
            egui::ComboBox::from_id_salt("aligned_therapist")
                .selected_text(therapist_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.therapist, None, "All therapists");
                    for name in journal.therapists() {
                        ui.selectable_value(&mut self.filter.therapist, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.add_space(8.0);
            ui.checkbox(&mut self.compare_kinds, labels::COMPARE);
        });
    }

    fn plot_ui(&self, ui: &mut egui::Ui, metric: Metric) {
        let dark = ui.visuals().dark_mode;
        let weak = ui.visuals().weak_text_color();
        let series = self.series();
        let group = egui::Id::unique("painlog_aligned_axes");
        let chart_height = (ui.available_height() - 140.0).max(160.0);
        Plot::new("aligned_plot")
            .height(chart_height)
            .legend(Legend::default().position(Corner::LeftTop))
            .link_axis(group, [true, false])
            .default_y_bounds(-0.3, 10.3)
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .x_axis_label("days from the session")
            .y_axis_label(metric_legend(metric))
            .label_formatter(|position| {
                let x = match position {
                    egui_plot::HoverPosition::NearDataPoint { position, .. }
                    | egui_plot::HoverPosition::Elsewhere { position } => position.x,
                };
                let offset = x.round() as i32;
                let mut text = format!("day {offset:+}");
                for (kind, points) in series {
                    if let Some(point) = points.iter().find(|p| p.offset == offset) {
                        let name = kind.map_or("All", KindChoice::label);
                        let mean = point
                            .mean
                            .map_or_else(|| "no data".to_owned(), |m| format!("{m:.1}"));
                        let spread = match (point.q1, point.q3) {
                            (Some(q1), Some(q3)) => format!(", middle half {q1:.1}–{q3:.1}"),
                            _ => String::new(),
                        };
                        text.push_str(&format!(
                            "\n{name}: mean {mean}{spread} ({} sessions)",
                            point.n
                        ));
                    }
                }
                Some(text)
            })
            .show(ui, |plot_ui| {
                plot_ui.add(
                    VLine::new("session day", 0.0)
                        .color(weak)
                        .style(LineStyle::Dashed { length: 6.0 }),
                );
                let banded = series.len() == 1;
                for (kind, points) in series {
                    let color =
                        kind.map_or_else(|| metric_color(metric, dark), |k| kind_color(k, dark));
                    let name = kind.map_or_else(
                        || format!("{}, mean", metric_legend(metric)),
                        |k| k.label().to_owned(),
                    );
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
                            .width(2.5),
                    );
                }
            });
        Plot::new("aligned_counts")
            .height(110.0)
            .link_axis(group, [true, false])
            .allow_zoom(false)
            .allow_drag(false)
            .allow_scroll(false)
            .show_x(false)
            .y_axis_label("sessions")
            .include_y(0.0)
            .show(ui, |plot_ui| {
                let Some((_, points)) = series.first() else {
                    return;
                };
                let counts: Vec<Bar> = (0..points.len())
                    .map(|i| {
                        let n: usize = series
                            .iter()
                            .filter_map(|(_, p)| p.get(i))
                            .map(|p| p.n)
                            .sum();
                        Bar::new(f64::from(points[i].offset), n as f64).width(0.7)
                    })
                    .collect();
                plot_ui.add(BarChart::new("sessions behind each day", counts).color(weak));
            });
    }
}

/// The filtered sessions' mean change against the baseline, in one sentence.
fn comparison(
    effects: &crate::analysis::Effects,
    metric: Metric,
    filter: &AlignedFilter,
) -> String {
    let changes: Vec<f64> = effects
        .sessions
        .iter()
        .filter(|e| filter.accepts(e))
        .filter_map(|e| e.metrics[metric].change())
        .collect();
    let which = match (&filter.kind, &filter.therapist) {
        (Some(kind), Some(name)) => format!("{} sessions with {name}", kind.label()),
        (Some(kind), None) => format!("{} sessions", kind.label()),
        (None, Some(name)) => format!("sessions with {name}"),
        (None, None) => "all sessions".to_owned(),
    };
    let name = metric.name().to_lowercase();
    let sessions = match crate::analysis::stats::mean(&changes) {
        Some(mean) => format!(
            "After {which}, {name} changed by {mean:+.1} on average from the {} days before to the {} days after ({} with enough data).",
            effects.settings.window(),
            effects.settings.window(),
            changes.len()
        ),
        None => format!("None of {which} has enough data before and after yet."),
    };
    let baseline = match effects.baseline[metric].mean_change {
        Some(mean) => format!(" Ordinary days without a session: {mean:+.1}."),
        None => String::new(),
    };
    format!("{sessions}{baseline}")
}
