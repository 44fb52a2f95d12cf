//! The trend chart itself: the lines, the session markers, the shaded windows of a selected
//! session, and what the pointer is over.

use egui::Color32;
use egui_plot::{FilledArea, Line, MarkerShape, Plot, PlotPoints, Points, VLine};

use crate::analysis::{
    Bucket, DayRange, JournalIndex, Resolution, SessionEffect, date_from_day_number, day_number,
    decimate,
};
use crate::model::{Journal, KindChoice, Metric, Session, SessionId};
use crate::report::text;
use crate::ui::chart::{
    LINKED_Y_AXIS_WIDTH, date_axis, date_grid, kind_color, metric_color, metric_legend,
    session_line, shade_windows,
};
use crate::ui::chart_key::{MARKER_RADIUS, marker_points, metric_marker};

use super::strip::{session_strip, strip_resolution};

impl super::TrendsView {
    /// Draw the chart and, under it, the sessions as a strip when lines would crowd; returns
    /// what was drawn.
    pub(super) fn plot_ui(&mut self, ui: &mut egui::Ui, shown: &Shown<'_>) -> Drawn {
        let (journal, index, range) = (shown.journal, shown.index, shown.range);
        let dark = ui.visuals().dark_mode;
        let reset = std::mem::take(&mut self.reset_bounds);
        let focus = self.focus.take();
        let x_range = (day_number(range.from) - 0.5)..=(day_number(range.to) + 0.5);
        // Room for the strip of sessions under the chart when it was drawn last frame.
        let strip_room = if self.drawn.strip.is_some() {
            145.0
        } else {
            0.0
        };
        let height = (ui.available_height() - strip_room).max(180.0);
        let plot = trend_plot(shown, &x_range, height);
        let Some(mut cache) = self.cache.take() else {
            return Drawn::default();
        };
        let (selected, selected_id) = (shown.selected, self.selected);
        let sessions = journal.sessions();
        let choices = &self.choices;
        // The keyboard's cursor moves within the days chosen and the days logged.
        let limits = index.daily.span().map_or(range, |span| {
            DayRange::new(span.from.min(range.from), span.to.max(range.to))
        });
        let (cursor, last_resolution) = (&mut self.cursor, self.drawn.resolution);
        let ink = ui.visuals().strong_text_color();
        let response = plot.show(ui, |plot_ui| {
            // The days this pass shows: new bounds set here take effect after the closure, so
            // what is drawn follows them rather than the bounds of the pass before.
            let bounds = plot_ui.plot_bounds();
            let (mut min, mut max) = (bounds.min()[0], bounds.max()[0]);
            if reset {
                plot_ui.set_plot_bounds_x(x_range.clone());
                plot_ui.set_plot_bounds_y(-0.3..=crate::ui::chart::SCORE_TOP);
                (min, max) = (*x_range.start(), *x_range.end());
            }
            if let Some(x) = focus {
                // Stepping to a session brings it into view, keeping the span.
                if x < min || x > max {
                    let half = (max - min) / 2.0;
                    plot_ui.set_plot_bounds_x((x - half)..=(x + half));
                    (min, max) = (x - half, x + half);
                }
            }
            if let Some((from, to)) = cursor.keys(plot_ui, (min, max), last_resolution, limits) {
                plot_ui.set_plot_bounds_x(from..=to);
                (min, max) = (from, to);
            }
            let width = plot_ui.transform().frame().width();
            let per_pixel = if width > 0.0 {
                (max - min) / f64::from(width)
            } else {
                1.0
            };
            let visible = (min - 1.0)..=(max + 1.0);
            let days = (visible.end() - visible.start()).max(0.0) as usize;
            let resolution = Resolution::for_chart(days, f64::from(width));
            if let Some(effect) = selected {
                shade_windows(plot_ui, effect, dark);
            }
            let view = Viewport {
                visible: visible.clone(),
                per_pixel,
                resolution,
            };
            let metrics = draw_metrics(plot_ui, (&mut cache, index), choices, &view, dark);
            let care = super::care_marks::care_marks(plot_ui, journal, &visible, dark);
            let strip = strip_resolution(sessions, &visible, resolution, width);
            let mut kinds = Vec::new();
            if strip.is_none() {
                kinds = session_lines(plot_ui, sessions, selected_id, &visible, dark);
            } else if let Some(effect) = selected {
                plot_ui.add(
                    VLine::new("", day_number(effect.date()))
                        .color(kind_color(effect.kind.choice(), dark))
                        .width(2.5),
                );
            }
            if let Some(day) = cursor.day.filter(|_| plot_ui.response().has_focus()) {
                plot_ui.add(VLine::new("", day_number(day)).color(ink).width(1.5));
            }
            let clicked = plot_ui.response().clicked();
            let at = clicked
                .then(|| plot_ui.pointer_coordinate().map(|p| p.x))
                .flatten();
            Drawn {
                clicked: at,
                per_pixel,
                resolution,
                metrics,
                kinds,
                strip,
                shaded: selected.is_some(),
                care,
            }
        });
        self.cache = Some(cache);
        // What a screen reader (and a test) is told about the chart: the days it shows now,
        // which dragging and zooming change.
        let bounds = response.transform.bounds();
        let (first, last) = (
            date_from_day_number(bounds.min()[0].ceil()),
            date_from_day_number(bounds.max()[0].floor()),
        );
        let drawn = response.inner;
        if let (Some(first), Some(last)) = (first, last) {
            self.speak(ui, shown, (&response.response, &response.transform), &drawn);
            self.shown_days = Some(DayRange::new(first, last));
            let label = format!("Trend chart, {} to {}", text::date(first), text::date(last));
            self.describe(journal, index, (first, last), &drawn.metrics);
            let description = self.described.as_ref().map(|(_, text)| text.clone());
            ui.ctx()
                .accesskit_node_builder(response.response.id, |node| {
                    node.set_label(label);
                    if let Some(description) = description {
                        node.set_description(description);
                    }
                });
        }
        if let Some(strip) = drawn.strip {
            let chart_left = response.transform.frame().left();
            let axis = (chart_left, &mut self.strip_axis_extra);
            session_strip(ui, journal.sessions(), &x_range, strip, axis);
        }
        drawn
    }

    /// While the chart has the keyboard: its focus ring, the cursor's label, and what the
    /// cursor reads as the chart's value (said by a screen reader when it changes). A click
    /// on the focused chart moves the cursor to the day clicked.
    fn speak(
        &mut self,
        ui: &egui::Ui,
        shown: &Shown<'_>,
        (response, transform): (&egui::Response, &egui_plot::PlotTransform),
        drawn: &Drawn,
    ) {
        if !response.has_focus() {
            return;
        }
        if let Some(x) = drawn.clicked {
            self.cursor.day = date_from_day_number(x.round()).or(self.cursor.day);
        }
        let metrics = self.choices.shown_of(shown.index.daily.metrics());
        let chart = super::cursor::Context {
            journal: shown.journal,
            index: shown.index,
            shown: &metrics,
        };
        let said = self.cursor.said(&chart, drawn.resolution);
        let at = self.cursor.day.map(day_number);
        let label = at.zip(said.as_ref().map(|s| s.label.as_str()));
        crate::ui::chart::paint_focus(ui, (response, transform), label);
        if let Some(said) = said {
            // Announced as it changes, and kept as the chart's value.
            let reading = response.id.with("cursor_reading");
            let at = egui::Rect::from_min_size(response.rect.left_top(), egui::Vec2::ZERO);
            crate::ui::widgets::announce(ui, reading, at, &said.read);
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_value(said.read));
        }
    }

    /// The chart's text alternative for the days `first` to `last`: what each line shows over
    /// them, and the sessions; made again only when the days, the journal or the lines change.
    fn describe(
        &mut self,
        journal: &Journal,
        index: &JournalIndex,
        (first, last): (chrono::NaiveDate, chrono::NaiveDate),
        metrics: &[Metric],
    ) {
        let key = (first, last, journal.revision(), metrics.to_vec());
        if self.described.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let range = DayRange::new(first, last);
        let mut said: Vec<String> = metrics
            .iter()
            .map(|metric| crate::report::wording::chart_summary(&index.daily, *metric, range))
            .collect();
        let sessions = journal
            .sessions()
            .iter()
            .filter(|s| range.contains(s.date()))
            .count();
        said.push(crate::report::wording::sessions_in_days(sessions));
        self.described = Some((key, said.join(" ")));
    }
}

/// The chart's frame: its axes, what the pointer may do, the label over the day under it.
fn trend_plot<'a>(
    shown: &Shown<'a>,
    x_range: &std::ops::RangeInclusive<f64>,
    height: f32,
) -> Plot<'a> {
    let (journal, index) = (shown.journal, shown.index);
    let hover = move |x: f64| super::hover::hover_text(journal, index, x);
    Plot::new("trends_plot")
        .y_axis_min_width(LINKED_Y_AXIS_WIDTH)
        .height(height)
        .link_axis(egui::Id::unique("trends_x"), [true, false])
        .x_grid_spacer(date_grid)
        .custom_x_axes(vec![date_axis()])
        .y_axis_label(crate::ui::chart::score_axis(height))
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll([true, false])
        .default_x_bounds(*x_range.start(), *x_range.end())
        .default_y_bounds(-0.3, crate::ui::chart::SCORE_TOP)
        .label_formatter(move |position| {
            let x = match position {
                egui_plot::HoverPosition::NearDataPoint { position, .. }
                | egui_plot::HoverPosition::Elsewhere { position } => position.x,
            };
            Some(hover(x))
        })
}

/// What the chart shows: the journal, its index, the selected session's windows, the days.
pub(super) struct Shown<'a> {
    /// The journal.
    pub journal: &'a Journal,
    /// Its index.
    pub index: &'a JournalIndex,
    /// The selected session, with its windows.
    pub selected: Option<&'a SessionEffect>,
    /// The days chosen.
    pub range: DayRange,
}

/// What one frame of the chart drew, for its legend and for clicks.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Drawn {
    /// Where the chart was clicked (x in days).
    pub clicked: Option<f64>,
    /// How many days one pixel spans.
    pub per_pixel: f64,
    /// How finely the chart showed its days.
    pub resolution: Resolution,
    /// The metrics drawn (shown, with data).
    pub metrics: Vec<Metric>,
    /// The kinds of the sessions drawn as lines.
    pub kinds: Vec<KindChoice>,
    /// Sessions counted in a strip under the chart instead, per week or month.
    pub strip: Option<Resolution>,
    /// A session's windows are shaded.
    pub shaded: bool,
    /// The marks of other care drawn (by their key's name).
    pub care: Vec<&'static str>,
}

impl Drawn {
    /// Whether the key and the note over the chart would say the same for `other`.
    pub fn same_key(&self, other: &Self) -> bool {
        (
            &self.metrics,
            self.resolution,
            &self.kinds,
            self.strip,
            self.shaded,
            &self.care,
        ) == (
            &other.metrics,
            other.resolution,
            &other.kinds,
            other.strip,
            other.shaded,
            &other.care,
        )
    }
}

impl Default for Drawn {
    fn default() -> Self {
        Self {
            clicked: None,
            per_pixel: 1.0,
            resolution: Resolution::Daily,
            metrics: Vec::new(),
            kinds: Vec::new(),
            strip: None,
            shaded: false,
            care: Vec::new(),
        }
    }
}

/// The days the chart shows and how finely.
struct Viewport {
    /// The days in view, a day either side.
    visible: std::ops::RangeInclusive<f64>,
    /// Days per pixel.
    per_pixel: f64,
    /// Daily, weekly or monthly.
    resolution: Resolution,
}

/// The metrics chosen, as lines (daily values and the 7-day mean) or as weekly or monthly means
/// with their band; returns the metrics that had something to draw.
fn draw_metrics(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    (cache, index): (&mut super::SeriesCache, &JournalIndex),
    choices: &super::TrendsChoices,
    view: &Viewport,
    dark: bool,
) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for metric in choices.shown_of(index.daily.metrics()) {
        cache.prepare(index, metric, view.resolution, choices);
        if cache.has_data(metric, view.resolution) {
            metrics.push(metric);
        }
        let color = metric_color(metric, dark);
        match view.resolution {
            Resolution::Daily => {
                if choices.daily {
                    add_runs(
                        plot_ui,
                        cache.daily[metric].as_deref().unwrap_or(&[]),
                        &view.visible,
                        view.per_pixel,
                        (
                            &format!("{}, daily", metric_legend(metric)),
                            color.gamma_multiply(0.55),
                        ),
                        (1.2, None),
                        true,
                    );
                }
                if choices.rolling {
                    let name = format!("{}, 7-day mean", metric_legend(metric));
                    add_runs(
                        plot_ui,
                        cache.rolling[metric].as_deref().unwrap_or(&[]),
                        &view.visible,
                        view.per_pixel,
                        (&name, color),
                        (
                            MEAN_WIDTH,
                            Some((metric_marker(metric), marker_offset(metric))),
                        ),
                        false,
                    );
                }
            }
            Resolution::Weekly | Resolution::Monthly => {
                let buckets = if view.resolution == Resolution::Weekly {
                    &cache.weekly[metric]
                } else {
                    &cache.monthly[metric]
                };
                add_buckets(
                    plot_ui,
                    buckets.as_deref().unwrap_or(&[]),
                    view,
                    metric,
                    dark,
                );
            }
        }
    }
    metrics
}

/// The width of a metric's mean line.
pub(super) const MEAN_WIDTH: f32 = 2.4;

/// How far in (pixels) a metric's markers start, so that two lines' markers stand apart.
fn marker_offset(metric: Metric) -> f64 {
    let place = metric
        .built_in_index()
        .or_else(|| metric.own_id().map(|id| Metric::COUNT + id.0 as usize % 3))
        .unwrap_or(0);
    place as f64 * 12.0
}

/// Weekly or monthly means as a line, with the middle half of each bucket's days as a band.
fn add_buckets(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    buckets: &[Bucket],
    view: &Viewport,
    metric: Metric,
    dark: bool,
) {
    let (visible, per_pixel, resolution) = (&view.visible, view.per_pixel, view.resolution);
    let color = metric_color(metric, dark);
    let name = format!("{}, {}ly mean", metric_legend(metric), resolution.unit());
    // Runs of buckets that follow one another; a missing one breaks the line.
    let mut run: Vec<&Bucket> = Vec::new();
    let flush = |run: &mut Vec<&Bucket>, plot_ui: &mut egui_plot::PlotUi<'_>| {
        if run.is_empty() {
            return;
        }
        let xs: Vec<f64> = run.iter().map(|b| middle(b)).collect();
        let lows: Vec<f64> = run.iter().map(|b| b.low).collect();
        let highs: Vec<f64> = run.iter().map(|b| b.high).collect();
        if run.len() > 1 {
            plot_ui.add(
                FilledArea::new("", &xs, &lows, &highs)
                    .fill_color(color.gamma_multiply(0.18))
                    .allow_hover(false),
            );
            let points: Vec<[f64; 2]> = run.iter().map(|b| [middle(b), b.mean]).collect();
            let marks = marker_points(&points, per_pixel, marker_offset(metric));
            plot_ui.line(
                Line::new(name.clone(), PlotPoints::from(points))
                    .color(color)
                    .width(MEAN_WIDTH),
            );
            plot_ui.add(
                Points::new(name.clone(), PlotPoints::from(marks))
                    .color(color)
                    .radius(MARKER_RADIUS)
                    .shape(metric_marker(metric)),
            );
        } else {
            plot_ui.add(
                Points::new(name.clone(), PlotPoints::from(vec![[xs[0], run[0].mean]]))
                    .color(color)
                    .radius(MARKER_RADIUS)
                    .shape(metric_marker(metric)),
            );
        }
        run.clear();
    };
    for bucket in buckets {
        let x = middle(bucket);
        if x < *visible.start() - 40.0 || x > *visible.end() + 40.0 {
            continue;
        }
        if let Some(last) = run.last()
            && (bucket.from - last.to).num_days() > 1
        {
            flush(&mut run, plot_ui);
        }
        run.push(bucket);
    }
    flush(&mut run, plot_ui);
}

/// The middle of a bucket, in plot days.
fn middle(bucket: &Bucket) -> f64 {
    (day_number(bucket.from) + day_number(bucket.to)) / 2.0
}

/// Sessions as dashed lines across the chart (few enough to tell apart), one colour per kind;
/// returns the kinds drawn.
fn session_lines(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    sessions: &[Session],
    selected: Option<SessionId>,
    visible: &std::ops::RangeInclusive<f64>,
    dark: bool,
) -> Vec<KindChoice> {
    let mut kinds = Vec::new();
    for session in sessions
        .iter()
        .filter(|s| visible.contains(&day_number(s.date())))
    {
        let kind = session.kind.choice();
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
        let chosen = selected == Some(session.id);
        let x = day_number(session.date());
        session_line(
            plot_ui,
            (x, crate::ui::chart::SCORE_TOP),
            kind,
            if chosen { 3.0 } else { 1.2 },
            dark,
        );
    }
    kinds
}

/// Draw runs of points as lines (a lone day as a dot), reduced to what the pixels can show.
fn add_runs(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    runs: &[Vec<[f64; 2]>],
    visible: &std::ops::RangeInclusive<f64>,
    per_pixel: f64,
    (name, color): (&str, Color32),
    (width, marker): (f32, Option<(MarkerShape, f64)>),
    dots_for_single_days: bool,
) {
    let mut lone: Vec<[f64; 2]> = Vec::new();
    let mut marks: Vec<[f64; 2]> = Vec::new();
    for run in runs {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        if last[0] < *visible.start() || first[0] > *visible.end() {
            continue;
        }
        let from = run
            .partition_point(|p| p[0] < *visible.start())
            .saturating_sub(1);
        let to = (run.partition_point(|p| p[0] <= *visible.end()) + 1).min(run.len());
        let slice = &run[from..to];
        if slice.len() == 1 {
            if dots_for_single_days {
                lone.push(slice[0]);
            }
            continue;
        }
        // Lowest and highest of every two pixel columns: at most one point per column on average.
        let points = decimate(slice, per_pixel * 2.0);
        if let Some((_, offset)) = marker {
            marks.extend(marker_points(slice, per_pixel, offset));
        }
        plot_ui.line(
            Line::new(name.to_owned(), PlotPoints::from(points))
                .color(color)
                .width(width),
        );
    }
    if let Some((shape, _)) = marker.filter(|_| !marks.is_empty()) {
        plot_ui.add(
            Points::new(name.to_owned(), PlotPoints::from(marks))
                .color(color)
                .radius(MARKER_RADIUS)
                .shape(shape),
        );
    }
    if !lone.is_empty() {
        plot_ui.add(
            Points::new(name.to_owned(), PlotPoints::from(lone))
                .color(color)
                .radius(2.0),
        );
    }
}
