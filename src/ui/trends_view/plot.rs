//! The trend chart itself: the lines, the session markers, the shaded windows of a selected
//! session, and what the pointer is over.

use egui::{Color32, RichText};
use egui_plot::{Corner, Legend, Line, LineStyle, Plot, PlotPoints, Points, Span, VLine};

use crate::analysis::{
    DayRange, Effects, JournalIndex, SessionEffect, date_from_day_number, day_number, decimate,
};
use crate::model::{Journal, Metric};
use crate::report::text;
use crate::ui::chart::{
    date_grid, date_label, days_per_pixel, kind_color, metric_color, metric_legend,
};

impl super::TrendsView {
    /// Draw the chart; returns where it was clicked (x in days) and how many days one pixel
    /// spans, when it was.
    pub(super) fn plot_ui(
        &mut self,
        ui: &mut egui::Ui,
        journal: &Journal,
        index: &JournalIndex,
        effects: &Effects,
        range: DayRange,
    ) -> (Option<f64>, f64) {
        let dark = ui.visuals().dark_mode;
        let reset = std::mem::take(&mut self.reset_bounds);
        let x_range = (day_number(range.from) - 0.5)..=(day_number(range.to) + 0.5);
        let hover = |x: f64| hover_text(journal, index, x);
        let plot = Plot::new("trends_plot")
            .legend(Legend::default().position(Corner::LeftTop))
            .x_grid_spacer(date_grid)
            .x_axis_formatter(date_label)
            .y_axis_label("0 – 10")
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .allow_scroll([true, false])
            .default_x_bounds(*x_range.start(), *x_range.end())
            .default_y_bounds(-0.3, 10.3)
            .label_formatter(move |position| {
                let x = match position {
                    egui_plot::HoverPosition::NearDataPoint { position, .. }
                    | egui_plot::HoverPosition::Elsewhere { position } => position.x,
                };
                Some(hover(x))
            });
        let Some(cache) = &self.cache else {
            return (None, 1.0);
        };
        let selected = self
            .selected
            .and_then(|id| effects.sessions.iter().find(|e| e.session_id == id));
        let shown = self.choices.shown;
        let (daily_on, rolling_on) = (self.choices.daily, self.choices.rolling);
        let response = plot.show(ui, |plot_ui| {
            if reset {
                plot_ui.set_plot_bounds_x(x_range.clone());
                plot_ui.set_plot_bounds_y(-0.3..=10.3);
            }
            let bounds = plot_ui.plot_bounds();
            let width = plot_ui.transform().frame().width();
            let per_pixel = days_per_pixel(&bounds, width);
            let visible = (bounds.min()[0] - 1.0)..=(bounds.max()[0] + 1.0);
            if let Some(effect) = selected {
                shade_windows(plot_ui, effect, dark);
            }
            // Far out, a day is less than half a pixel: daily values become a blur.
            let daily_fits = per_pixel <= MAX_DAYS_PER_PIXEL_FOR_DAILY;
            for metric in Metric::ALL.into_iter().filter(|m| shown[*m]) {
                let color = metric_color(metric, dark);
                if daily_on && daily_fits {
                    let faint = color.gamma_multiply(0.55);
                    add_runs(
                        plot_ui,
                        cache.daily[metric].as_deref().unwrap_or(&[]),
                        &visible,
                        per_pixel,
                        &metric_legend(metric),
                        faint,
                        1.2,
                        true,
                    );
                }
                if rolling_on {
                    let name = format!("{}, 7-day mean", metric_legend(metric));
                    add_runs(
                        plot_ui,
                        cache.rolling[metric].as_deref().unwrap_or(&[]),
                        &visible,
                        per_pixel,
                        &name,
                        color,
                        2.6,
                        false,
                    );
                }
            }
            session_markers(plot_ui, effects, selected, &visible, per_pixel, dark);
            let clicked = plot_ui.response().clicked();
            let at = clicked
                .then(|| plot_ui.pointer_coordinate().map(|p| p.x))
                .flatten();
            (at, per_pixel)
        });
        // What a screen reader (and a test) is told about the chart: the days it shows now,
        // which dragging and zooming change.
        let bounds = response.transform.bounds();
        let (first, last) = (
            date_from_day_number(bounds.min()[0].ceil()),
            date_from_day_number(bounds.max()[0].floor()),
        );
        if let (Some(first), Some(last)) = (first, last) {
            let label = format!("Trend chart, {} to {}", text::date(first), text::date(last));
            ui.ctx()
                .accesskit_node_builder(response.response.id, |node| node.set_label(label));
        }
        response.inner
    }
}

/// Beyond this many days per pixel the chart leaves out daily values (the mean stays).
pub(super) const MAX_DAYS_PER_PIXEL_FOR_DAILY: f64 = 2.0;

/// Sessions as dashed lines, or, when they would stand closer than a few pixels apart, as a rug
/// of ticks along the bottom (one colour and shape per kind).
fn session_markers(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    effects: &Effects,
    selected: Option<&SessionEffect>,
    visible: &std::ops::RangeInclusive<f64>,
    per_pixel: f64,
    dark: bool,
) {
    let in_view: Vec<&SessionEffect> = effects
        .sessions
        .iter()
        .filter(|e| visible.contains(&day_number(e.date())))
        .collect();
    let width_days = visible.end() - visible.start();
    let dense = in_view.len() as f64 * 8.0 * per_pixel > width_days;
    if dense {
        for kind in crate::model::KindChoice::ALL {
            let ticks: Vec<[f64; 2]> = in_view
                .iter()
                .filter(|e| e.kind.choice() == kind)
                .map(|e| [day_number(e.date()), -0.15])
                .collect();
            if !ticks.is_empty() {
                plot_ui.add(
                    Points::new(format!("{} session", kind.label()), PlotPoints::from(ticks))
                        .shape(egui_plot::MarkerShape::Up)
                        .radius(3.5)
                        .color(kind_color(kind, dark)),
                );
            }
        }
    } else {
        for effect in &in_view {
            let kind = effect.kind.choice();
            let chosen = selected.is_some_and(|s| s.session_id == effect.session_id);
            plot_ui.add(
                VLine::new(
                    format!("{} session", kind.label()),
                    day_number(effect.date()),
                )
                .color(kind_color(kind, dark))
                .style(LineStyle::Dashed { length: 5.0 })
                .width(if chosen { 3.0 } else { 1.2 }),
            );
        }
    }
    if let Some(effect) = selected.filter(|_| dense) {
        let kind = effect.kind.choice();
        plot_ui.add(
            VLine::new("", day_number(effect.date()))
                .color(kind_color(kind, dark))
                .width(2.5),
        );
    }
}

/// Draw runs of points as lines (a lone day as a dot), reduced to what the pixels can show.
#[expect(
    clippy::too_many_arguments,
    reason = "a drawing helper; each argument is one style choice"
)]
fn add_runs(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    runs: &[Vec<[f64; 2]>],
    visible: &std::ops::RangeInclusive<f64>,
    per_pixel: f64,
    name: &str,
    color: Color32,
    width: f32,
    dots_for_single_days: bool,
) {
    let mut lone: Vec<[f64; 2]> = Vec::new();
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
        plot_ui.line(
            Line::new(name.to_owned(), PlotPoints::from(points))
                .color(color)
                .width(width),
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

fn shade_windows(plot_ui: &mut egui_plot::PlotUi<'_>, effect: &SessionEffect, dark: bool) {
    let alpha = if dark { 40 } else { 55 };
    for (name, range, color) in [
        (
            "before",
            effect.before,
            Color32::from_rgba_unmultiplied(240, 160, 40, alpha),
        ),
        (
            "after",
            effect.after,
            Color32::from_rgba_unmultiplied(60, 160, 240, alpha),
        ),
    ] {
        if !range.is_empty() {
            let (from, to) = (day_number(range.from) - 0.5, day_number(range.to) + 0.5);
            // Unnamed, so the legend stays about the data; the label sits on the chart.
            plot_ui.add(Span::new("", from..=to).fill(color));
            let top = egui_plot::PlotPoint::new((from + to) / 2.0, 10.15);
            plot_ui.add(egui_plot::Text::new("", top, RichText::new(name).small()));
        }
    }
}
/// What the pointer is over: the day's values and note, and any session that day.
fn hover_text(journal: &Journal, index: &JournalIndex, x: f64) -> String {
    let Some(date) = date_from_day_number(x) else {
        return String::new();
    };
    let mut text = text::date(date);
    match journal.day(date) {
        Some(day) => {
            let values: Vec<String> = Metric::ALL
                .iter()
                .filter_map(|m| m.of(day).map(|s| format!("{} {s}", m.name())))
                .collect();
            if !values.is_empty() {
                text.push('\n');
                text.push_str(&values.join(" · "));
            }
            if !day.note.is_empty() {
                let note: String = day.note.chars().take(120).collect();
                text.push_str(&format!("\nNote: {note}"));
            }
        }
        None if index.daily.span().is_some_and(|s| s.contains(date)) => {
            text.push_str("\nnot logged");
        }
        None => {}
    }
    for session in journal.sessions().iter().filter(|s| s.date() == date) {
        text.push_str(&format!(
            "\nSession {}: {}, {} min",
            session.id, session.kind, session.minutes
        ));
        if let Some(therapist) = &session.therapist {
            text.push_str(&format!(", {therapist}"));
        }
        if let (Some(before), Some(after)) = (session.pain_before, session.pain_after) {
            text.push_str(&format!(" (pain {before} → {after})"));
        }
    }
    text
}
