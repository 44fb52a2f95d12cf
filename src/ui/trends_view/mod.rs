//! Trends: the five metrics over time, daily and as a 7-day mean, with every session marked.

use chrono::{Days, NaiveDate};
use egui::RichText;

use super::chart::{metric_color, metric_legend};
use super::context::ViewContext;
use super::widgets::{field_label, reason_line};
use crate::analysis::{
    Bucket, DayRange, EffectSettings, JournalIndex, MetricMap, Resolution, SessionEffect, buckets,
    daily_runs, day_number, rolling_mean_runs,
};
use crate::model::{Journal, Metric, Session, SessionId};

mod body;
mod care_marks;
mod choices;
mod cursor;
mod hover;
mod legend;
mod plot;
mod strip;
mod table;

use crate::report::text;
pub use choices::{RangeChoice, TrendsChoices};
use plot::Drawn;

/// Runs of `[day number, value]` points, split where days are not logged.
type Runs = Vec<Vec<[f64; 2]>>;

/// Series for the whole journal, computed once per revision and only for the metrics shown;
/// each frame shows a slice.
struct SeriesCache {
    revision: u64,
    daily: MetricMap<Option<Runs>>,
    rolling: MetricMap<Option<Runs>>,
    weekly: MetricMap<Option<Vec<Bucket>>>,
    monthly: MetricMap<Option<Vec<Bucket>>>,
}

impl SeriesCache {
    /// Compute, if not yet done, what `metric` needs at `resolution` (with the daily values and
    /// the mean as chosen): only what a frame shows, so that opening on twenty years in months
    /// does not compute every day's line.
    fn prepare(
        &mut self,
        index: &JournalIndex,
        metric: Metric,
        resolution: Resolution,
        choices: &TrendsChoices,
    ) {
        let Some(span) = index.daily.span() else {
            return;
        };
        match resolution {
            Resolution::Daily => {
                if choices.daily {
                    self.daily[metric]
                        .get_or_insert_with(|| daily_runs(&index.daily, metric, span));
                }
                if choices.rolling {
                    self.rolling[metric]
                        .get_or_insert_with(|| rolling_mean_runs(&index.daily, metric, span));
                }
            }
            Resolution::Weekly => {
                self.weekly[metric]
                    .get_or_insert_with(|| buckets(&index.daily, metric, span, resolution));
            }
            Resolution::Monthly => {
                self.monthly[metric]
                    .get_or_insert_with(|| buckets(&index.daily, metric, span, resolution));
            }
        }
    }

    /// Whether the chart has anything of `metric` to draw at `resolution`.
    fn has_data(&self, metric: Metric, resolution: Resolution) -> bool {
        match resolution {
            Resolution::Daily => [&self.daily[metric], &self.rolling[metric]]
                .into_iter()
                .any(|runs| runs.as_ref().is_some_and(|runs| !runs.is_empty())),
            Resolution::Weekly => self.weekly[metric]
                .as_ref()
                .is_some_and(|buckets| !buckets.is_empty()),
            Resolution::Monthly => self.monthly[metric]
                .as_ref()
                .is_some_and(|buckets| !buckets.is_empty()),
        }
    }
}

/// The trends view: its choices, and what it keeps while it runs.
pub struct TrendsView {
    choices: TrendsChoices,
    custom_error: Option<String>,
    reset_bounds: bool,
    selected: Option<SessionId>,
    cache: Option<SeriesCache>,
    /// What the chart drew last frame, for its key and the note on its resolution.
    drawn: Drawn,
    /// A day to bring into view (a session stepped to), in plot days.
    focus: Option<f64>,
    /// How much wider the strip's y axis is than the shared width, so that its days line up
    /// with the chart's above (their axes' labels differ in width).
    strip_axis_extra: f32,
    /// The chart's text alternative, for the days, journal revision and metrics it was made for.
    described: Option<(ChartKey, String)>,
    /// The keyboard's cursor on the chart.
    cursor: cursor::Cursor,
    /// The days the chart showed last (what its table lists).
    shown_days: Option<DayRange>,
    /// The heat map beside the chart.
    heat: body::HeatSide,
}

/// What a chart's text alternative depends on: its first and last day, the journal's revision,
/// the metrics drawn.
type ChartKey = (NaiveDate, NaiveDate, u64, Vec<Metric>);

impl Default for TrendsView {
    fn default() -> Self {
        Self {
            choices: TrendsChoices::default(),
            custom_error: None,
            reset_bounds: true,
            selected: None,
            cache: None,
            drawn: Drawn::default(),
            focus: None,
            strip_axis_extra: 0.0,
            described: None,
            cursor: cursor::Cursor::default(),
            shown_days: None,
            heat: body::HeatSide::default(),
        }
    }
}

/// Labels the tests and screen readers find.
pub mod labels {
    /// Show daily values.
    pub const DAILY: &str = "Daily values";
    /// Show the rolling mean.
    pub const ROLLING: &str = "7-day mean";
    /// Select the previous session.
    pub const PREVIOUS: &str = "◀ Earlier session";
    /// Select the next session.
    pub const NEXT: &str = "Later session ▶";
    /// Clear the selection.
    pub const CLEAR: &str = "Clear selection";
    /// Show the body map's heat map beside the chart.
    pub const WHERE_IT_HURT: &str = "Where it hurt";
}

impl TrendsView {
    /// The choices to keep.
    pub fn choices(&self) -> &TrendsChoices {
        &self.choices
    }

    /// Take saved choices.
    pub fn set_choices(&mut self, choices: TrendsChoices) {
        self.choices = choices;
        self.reset_bounds = true;
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        egui::CentralPanel::default().show(ui, |ui| {
            super::widgets::chart_page(ui, "trends_page", |ui| self.page_ui(ui, ctx));
        });
    }

    /// The controls, the key and the chart (or the table).
    fn page_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, today, settings) = (ctx.journal, ctx.today(), ctx.settings);
        {
            // The effects (every session's windows, against ordinary weeks) only when a session
            // is selected: the chart itself needs the days and the sessions' dates.
            let (index, effects) = if self.selected.is_some() {
                let (index, effects) = ctx.analysis.effects(journal, settings);
                (index, Some(effects))
            } else {
                (ctx.analysis.index(journal), None)
            };
            let selected = effects.and_then(|effects| {
                let id = self.selected?;
                let effect = effects.sessions.iter().find(|e| e.session_id == id)?;
                Some((effect, effects.settings))
            });
            if journal.is_empty() {
                // No empty grid: what to do first.
                ui.heading("Nothing to chart yet");
                ui.label(
                    "Log a few days in the Day view (Ctrl+1) and your pain, stiffness, sleep and \
                     stress appear here over time, with your massage sessions marked.",
                );
                return;
            }
            let sessions = journal.sessions();
            self.refresh_series(journal, index);
            self.controls_ui(ui, (journal, index.daily.metrics()), sessions, today);
            let range = self.day_range(index, today);
            self.selection_ui(ui, sessions, selected, today);
            if self.drawn.resolution != Resolution::Daily
                && !self.drawn.metrics.is_empty()
                && !self.choices.table
            {
                ui.label(format!(
                    "{} days are too many to draw one by one at this width: each line shows \
                     {}ly means. Zoom in (Ctrl+scroll, or a shorter range) to see each day.",
                    if self.choices.range == RangeChoice::All {
                        "All"
                    } else {
                        "These"
                    },
                    self.drawn.resolution.unit(),
                ));
            }
            if self.choices.table {
                // The days the chart showed, unless the range was chosen since.
                let days = self
                    .shown_days
                    .filter(|_| !self.reset_bounds)
                    .unwrap_or(range);
                let metrics = self.choices.shown_of(index.daily.metrics());
                if let Some(day) = table::table_ui(ui, journal, &metrics, days, self.cursor.day) {
                    self.cursor.day = Some(day);
                }
                return;
            }
            let shown = plot::Shown {
                journal,
                index,
                selected: selected.map(|(effect, _)| effect),
                range,
            };
            let drawn = self.chart_and_body_ui(ui, &shown, range);
            if let Some(x) = drawn.clicked {
                self.select_near(ui.ctx(), (x, drawn.per_pixel), sessions);
            }
            if !drawn.same_key(&self.drawn) {
                // The key above the chart and the room for the strip under it follow what it
                // drew: this pass is laid out again before anything is painted, so that no
                // frame shows a key or a strip that does not match its chart.
                ui.ctx()
                    .request_discard("the trend chart's key follows what the chart drew");
            }
            self.drawn = drawn;
        }
    }

    /// A new journal revision: the series computed for the last one go.
    fn refresh_series(&mut self, journal: &Journal, index: &JournalIndex) {
        if self
            .cache
            .as_ref()
            .is_none_or(|c| c.revision != journal.revision())
        {
            self.cache = Some(SeriesCache {
                revision: journal.revision(),
                daily: index.daily.metric_map(|_| None),
                rolling: index.daily.metric_map(|_| None),
                weekly: index.daily.metric_map(|_| None),
                monthly: index.daily.metric_map(|_| None),
            });
        }
    }

    fn day_range(&mut self, index: &JournalIndex, today: NaiveDate) -> DayRange {
        let back = |days: u64| {
            DayRange::new(
                today.checked_sub_days(Days::new(days - 1)).unwrap_or(today),
                today,
            )
        };
        match self.choices.range {
            RangeChoice::Days30 => back(30),
            RangeChoice::Days90 => back(90),
            RangeChoice::Year => back(365),
            RangeChoice::All => index.daily.span().map_or_else(
                || back(30),
                |span| DayRange::new(span.from, span.to.max(today)),
            ),
            RangeChoice::Custom => {
                match super::widgets::read_period_fields(
                    &self.choices.custom_from,
                    &self.choices.custom_to,
                    today,
                ) {
                    Ok((from, to)) => {
                        self.custom_error = None;
                        DayRange::new(from, to)
                    }
                    Err(error) => {
                        self.custom_error = Some(error);
                        back(90)
                    }
                }
            }
        }
    }

    fn controls_ui(
        &mut self,
        ui: &mut egui::Ui,
        (journal, metrics): (&Journal, &[Metric]),
        sessions: &[Session],
        today: NaiveDate,
    ) {
        let dark = ui.visuals().dark_mode;
        ui.horizontal_wrapped(|ui| {
            ui.strong("Show:");
            for &metric in metrics {
                let mut name = metric_legend(metric);
                if metric
                    .own_id()
                    .and_then(|id| journal.measure(id))
                    .is_some_and(|measure| measure.retired)
                {
                    name.push_str(" (retired)");
                }
                let text = RichText::new(name).color(metric_color(metric, dark));
                let mut shown = self.choices.is_shown(metric);
                if ui.checkbox(&mut shown, text).changed() {
                    self.choices.set_shown(metric, shown);
                }
            }
            ui.separator();
            ui.checkbox(&mut self.choices.daily, labels::DAILY);
            ui.checkbox(&mut self.choices.rolling, labels::ROLLING);
            ui.separator();
            ui.checkbox(&mut self.choices.table, crate::ui::chart::SHOW_AS_TABLE);
            ui.checkbox(&mut self.choices.body, labels::WHERE_IT_HURT)
                .on_hover_text(
                    "A body map beside the chart: how often each place hurt in the days it shows",
                );
        });
        ui.horizontal_wrapped(|ui| {
            ui.strong("Range:");
            for choice in RangeChoice::ALL {
                if ui
                    .selectable_label(self.choices.range == choice, choice.label())
                    .clicked()
                {
                    self.choices.range = choice;
                    self.reset_bounds = true;
                    // A new from–to starts filled in (the first session to today), never with a
                    // complaint about a field nobody has typed in yet.
                    if choice == RangeChoice::Custom {
                        if self.choices.custom_from.is_empty() {
                            let first = sessions.first().map_or(today, |s| s.date().min(today));
                            self.choices.custom_from = first.to_string();
                        }
                        if self.choices.custom_to.is_empty() {
                            self.choices.custom_to = today.to_string();
                        }
                    }
                }
            }
            if self.choices.range == RangeChoice::Custom {
                let from = field_label(ui, "From", Some("YYYY-MM-DD"));
                let changed_from = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.choices.custom_from)
                            .desired_width(90.0),
                    )
                    .labelled_by(from.id)
                    .changed();
                let to = field_label(ui, "To", None);
                let changed_to = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.choices.custom_to).desired_width(90.0),
                    )
                    .labelled_by(to.id)
                    .changed();
                if changed_from || changed_to {
                    self.reset_bounds = true;
                }
            }
        });
        if self.choices.range == RangeChoice::Custom {
            reason_line(ui, self.custom_error.as_deref());
        }
    }

    fn selection_ui(
        &mut self,
        ui: &mut egui::Ui,
        sessions: &[Session],
        selected: Option<(&SessionEffect, EffectSettings)>,
        today: NaiveDate,
    ) {
        let position = self
            .selected
            .and_then(|id| sessions.iter().position(|s| s.id == id));
        ui.horizontal_wrapped(|ui| {
            let count = sessions.len();
            let earlier = position.map_or(count.checked_sub(1), |p| p.checked_sub(1));
            let later = position.and_then(|p| (p + 1 < count).then_some(p + 1));
            let mut step = None;
            if ui.add_enabled(earlier.is_some(), egui::Button::new(labels::PREVIOUS)).clicked() {
                step = earlier;
            }
            if ui.add_enabled(later.is_some(), egui::Button::new(labels::NEXT)).clicked() {
                step = later;
            }
            if let Some(session) = step.map(|i| &sessions[i]) {
                self.select(ui.ctx(), Some(session.id));
                self.focus = Some(day_number(session.date()));
            }
            if ui.add_enabled(self.selected.is_some(), egui::Button::new(labels::CLEAR)).clicked() {
                self.select(ui.ctx(), None);
            }
            match selected {
                Some((effect, settings)) => {
                    ui.label(selection_text(effect, settings, today));
                }
                None => {
                    let hint = if self.drawn.strip.is_some() {
                        "Sessions are counted under the chart at this scale: step with the buttons (or click a session's day) to shade the days before and after one."
                    } else {
                        "Click a session on the chart, or step with the buttons, to shade the days before and after it."
                    };
                    ui.label(RichText::new(hint).weak());
                }
            }
        });
    }

    /// Select a session (or none); the next frame shows its windows.
    fn select(&mut self, ctx: &egui::Context, id: Option<SessionId>) {
        if self.selected != id {
            self.selected = id;
            ctx.request_repaint();
        }
    }

    fn select_near(
        &mut self,
        ctx: &egui::Context,
        (x, per_pixel): (f64, f64),
        sessions: &[Session],
    ) {
        let tolerance = (per_pixel * 8.0).max(0.6);
        let nearest = sessions
            .iter()
            .map(|s| (s, (day_number(s.date()) - x).abs()))
            .filter(|(_, distance)| *distance <= tolerance)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        self.select(ctx, nearest.map(|(session, _)| session.id));
    }
}

/// What the selection shades, in words: "Shaded: the Swedish session of Sun 14 Jun 2026, 7 days
/// each side. Before, 7 Jun – 13 Jun: pain 4.4 over 6 logged days. After, 15 Jun – 21 Jun (still
/// under way): not enough data yet (2 logged days, 3 needed). Pain 0.4 lower after."
fn selection_text(effect: &SessionEffect, settings: EffectSettings, today: NaiveDate) -> String {
    let needed = settings.min_days();
    let describe = |side: &str, range: DayRange, stat: crate::analysis::WindowStat| {
        if range.is_empty() {
            return format!("{side}: no days (another session is next to it).");
        }
        let under_way = range.to > today;
        // A window stops at the neighbouring session's day, so that it never mixes two sessions.
        let note = if under_way {
            " (still under way)".to_owned()
        } else if range.len() < usize::from(settings.window()) {
            format!(
                " ({}: another session is that close)",
                logged_days(range.len())
            )
        } else {
            String::new()
        };
        let mean = stat.mean.map_or_else(
            || {
                format!(
                    "not enough data{} ({} logged, {needed} needed)",
                    if under_way { " yet" } else { "" },
                    logged_days(stat.days)
                )
            },
            |mean| format!("pain {mean:.1} over {} logged", logged_days(stat.days)),
        );
        format!(
            "{side}, {} – {}{note}: {mean}.",
            text::day_month(range.from),
            text::day_month(range.to)
        )
    };
    let pain = &effect.metrics[Metric::Pain];
    let change = match pain.change() {
        Some(moved) => format!(
            " Pain {} after.",
            crate::report::wording::change(Some(moved))
        ),
        None => String::new(),
    };
    format!(
        "Shaded: the {} session of {}, up to {} days each side. {} {}{change}",
        effect.kind,
        text::date(effect.date()),
        settings.window(),
        describe("Before", effect.before, pain.before),
        describe("After", effect.after, pain.after),
    )
}

/// "1 day", "5 days".
fn logged_days(n: usize) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}
