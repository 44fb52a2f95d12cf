//! Aligned: every session at day 0, the mean of a metric at each day before and after, with its
//! spread and the number of sessions behind each point.

use egui::RichText;
use egui_plot::LineStyle;

use super::chart::{kind_color, metric_color, metric_legend};
use super::chart_key::{self, entry, kind_line_style, line_width};
use super::context::ViewContext;
use super::controls::{honesty_ui, settings_ui};
use crate::analysis::{AlignedFilter, AlignedPoint, EffectSettings, aligned};
use crate::model::{Journal, KindChoice, Metric};
use crate::report::wording;

mod cursor;
mod plot;

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
    /// The headline of a journal without sessions.
    pub const NO_SESSION: &str =
        "No sessions to line up yet: log your sessions and the days around them.";
    /// The y axis of the bars under the chart.
    pub const COUNT_AXIS: &str = "sessions";
}

/// The aligned view's state.
#[derive(Default)]
pub struct AlignedView {
    filter: AlignedFilter,
    compare_kinds: bool,
    cache: Option<(AlignedKey, AlignedSeries)>,
    comparison: String,
    /// How many sessions that sentence counts (those with enough logged days on both sides).
    compared_sessions: usize,
    /// The keyboard's cursor on the chart: a day from the session.
    cursor: Option<i32>,
    /// The chart is shown as a table.
    table: bool,
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
        egui::CentralPanel::default().show(ui, |ui| {
            crate::ui::widgets::chart_page(ui, "aligned_page", |ui| self.page_ui(ui, ctx));
        });
    }

    /// The settings, the filters, the answer and the chart (or the table).
    fn page_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, settings, metric) = (ctx.journal, ctx.settings, ctx.metric);
        {
            settings_ui(ui, ctx);
            self.filters_ui(ui, journal);
            let key = (
                journal.revision(),
                settings,
                metric,
                self.filter.clone(),
                self.compare_kinds,
            );
            if self.cache.as_ref().is_none_or(|(cached, _)| *cached != key) {
                let (index, effects) = ctx.analysis.effects(journal, settings);
                let series = if self.compare_kinds {
                    KindChoice::ALL
                        .into_iter()
                        .filter(|kind| self.filter.kind.is_none_or(|only| only == *kind))
                        .map(|kind| {
                            let filter = AlignedFilter {
                                kind: Some(kind),
                                ..self.filter.clone()
                            };
                            (Some(kind), aligned(effects, &index.daily, metric, &filter))
                        })
                        .filter(|(_, points)| points.iter().any(|p| p.n > 0))
                        .collect()
                } else {
                    vec![(
                        self.filter.kind,
                        aligned(effects, &index.daily, metric, &self.filter),
                    )]
                };
                self.cache = Some((key, series));
                (self.comparison, self.compared_sessions) =
                    comparison(effects, metric, &self.filter);
            }
            let shown = effects_count(ctx, &self.filter);
            let with_data = self
                .series()
                .iter()
                .any(|(_, points)| points.iter().any(|p| p.n > 0));
            let headline = if shown == 0 {
                self.nothing_to_line_up(journal)
            } else {
                self.comparison.clone()
            };
            ui.label(RichText::new(headline).strong());
            honesty_ui(ui);
            if !with_data {
                // Empty charts with a key would only puzzle: say what fills them instead.
                ui.add_space(8.0);
                ui.label(match shown {
                    0 => "This view then lines every session up on its day and shows how the metric moves over the days before and after it.".to_owned(),
                    n => format!("None of {} has a logged day within {} days of it yet: log the days around your sessions (on the Day view) to see them here.", if n == 1 { "this session".to_owned() } else { format!("these {n} sessions") }, settings.window()),
                });
                return;
            }
            if !self.table {
                self.key_ui(ui, metric);
            }
            if self.table {
                cursor::table_ui(ui, self.series(), metric);
            } else {
                self.plot_ui(ui, metric);
            }
            let band = if self.series().len() == 1 {
                "; the band is the middle half of their values"
            } else {
                ""
            };
            let lined_up = match shown {
                1 => format!(
                    "{} 1 session, lined up on its session day (day 0). Each day shows its value where that day is logged (the bars under the chart){band}.",
                    labels::SUMMARY_PREFIX
                ),
                n => format!(
                    "{} {n} sessions, lined up on their session day (day 0). Each day's mean is over the sessions with that day logged (the bars under the chart){band}.",
                    labels::SUMMARY_PREFIX
                ),
            };
            // The sentence above counts only the sessions with enough logged days on both sides.
            let compared = self.compared_sessions;
            let lined_up = if compared == shown || shown == 0 {
                lined_up
            } else {
                format!(
                    "{lined_up} The sentence above counts the {compared} of them with at least {} logged days both before and after.",
                    settings.min_days()
                )
            };
            ui.add_space(6.0);
            ui.label(lined_up);
            if metric.higher_is_better() {
                ui.label("Higher is better for sleep quality.");
            }
        }
    }

    /// The headline when no session passes the filter: none at all yet, or none of this kind or
    /// with this therapist.
    fn nothing_to_line_up(&self, journal: &Journal) -> String {
        if journal.sessions().is_empty() {
            return labels::NO_SESSION.to_owned();
        }
        let kind = self.filter.kind.map(wording::kind_in_sentence);
        match (kind, self.filter.therapist.as_deref()) {
            (Some(kind), Some(name)) => format!(
                "No {kind} session with {name} yet: choose another kind or therapist above."
            ),
            (Some(kind), None) => format!("No {kind} session yet: choose another kind above."),
            (None, Some(name)) => {
                format!("No session with {name} yet: choose another therapist above.")
            }
            (None, None) => labels::NO_SESSION.to_owned(),
        }
    }

    /// The key above the chart: each line as drawn, the band, the session day.
    fn key_ui(&self, ui: &mut egui::Ui, metric: Metric) {
        let dark = ui.visuals().dark_mode;
        let weak = ui.visuals().weak_text_color();
        let series = self.series();
        ui.horizontal_wrapped(|ui| {
            for (kind, _) in series {
                let (style, color) = line_look(*kind, metric, dark);
                entry(
                    ui,
                    &line_name(*kind, metric),
                    chart_key::line(style, color, line_width(style)),
                );
            }
            if let [(kind, _)] = series {
                let (style, color) = line_look(*kind, metric, dark);
                let line = chart_key::line(style, color, line_width(style));
                let sample = chart_key::layered(chart_key::band(color.gamma_multiply(0.25)), line);
                entry(ui, "Middle half of the values (quartiles)", sample);
            }
            entry(
                ui,
                "Session day",
                chart_key::vertical(weak, None, egui::TextStyle::Body.resolve(ui.style())),
            );
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
            ui.add_space(8.0);
            ui.checkbox(&mut self.table, super::chart::SHOW_AS_TABLE);
        });
    }
}

/// How a line of the chart is drawn: its kind's colour and dash when kinds are compared, the
/// metric's colour otherwise.
fn line_look(kind: Option<KindChoice>, metric: Metric, dark: bool) -> (LineStyle, egui::Color32) {
    match kind {
        Some(kind) => (kind_line_style(kind), kind_color(kind, dark)),
        None => (LineStyle::Solid, metric_color(metric, dark)),
    }
}

/// The name of a line: "Pain, mean" or the kind's.
fn line_name(kind: Option<KindChoice>, metric: Metric) -> String {
    kind.map_or_else(
        || format!("{}, mean", metric_legend(metric)),
        |kind| format!("{}, mean", kind.label()),
    )
}

/// What the aligned chart shows, line by line: "All sessions: pain 5.6 on average over the days
/// before, 5.1 over the days after; highest 5.9 on day −1, lowest 4.9 on day +2."
fn describe_aligned(series: &[(Option<KindChoice>, Vec<AlignedPoint>)], metric: Metric) -> String {
    let said: Vec<String> = series
        .iter()
        .map(|(kind, points)| {
            let who = kind.map_or_else(
                || "All sessions".to_owned(),
                |kind| format!("{} sessions", kind.label()),
            );
            wording::aligned_line(&who, metric, points)
        })
        .collect();
    said.join(" ")
}

/// "−3", "0", "+2" for days from the session.
fn offset_label(value: f64) -> String {
    wording::day_offset(value.round() as i64)
}

/// How many sessions the filter keeps.
fn effects_count(ctx: &mut ViewContext<'_>, filter: &AlignedFilter) -> usize {
    let (_, effects) = ctx.analysis.effects(ctx.journal, ctx.settings);
    effects
        .sessions
        .iter()
        .filter(|e| filter.accepts(e))
        .count()
}

/// The filtered sessions against ordinary weeks, in the sentence the Effects view and the report
/// say ([`wording::comparison`]), with the counts behind it; and how many sessions it counts.
fn comparison(
    effects: &crate::analysis::Effects,
    metric: Metric,
    filter: &AlignedFilter,
) -> (String, usize) {
    let changes: Vec<f64> = effects
        .sessions
        .iter()
        .filter(|e| filter.accepts(e))
        .filter_map(|e| e.metrics[metric].change())
        .collect();
    let ordinary: Vec<f64> = effects.ordinary[metric].iter().map(|(_, c)| *c).collect();
    let compared = crate::analysis::Comparison::of(&changes, &ordinary);
    let group = match (filter.kind, filter.therapist.as_deref()) {
        (Some(kind), Some(name)) => wording::Group::KindWithTherapist(kind, name),
        (Some(kind), None) => wording::Group::Kind(kind),
        (None, Some(name)) => wording::Group::Therapist(name),
        (None, None) => wording::Group::All,
    };
    (
        wording::comparison(group, metric, &compared),
        compared.sessions,
    )
}
