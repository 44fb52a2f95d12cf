//! What the charts share: the date axis, colours for metrics and kinds, plot-space helpers.

use std::ops::RangeInclusive;

use chrono::{Datelike as _, NaiveDate};
use egui::Color32;
use egui_plot::{GridInput, GridMark};

use crate::analysis::{SessionEffect, date_from_day_number, day_number};
use crate::model::{KindChoice, Metric};

const DAY: f64 = 1.0;
const WEEK: f64 = 7.0;
const MONTH: f64 = 30.44;
const QUARTER: f64 = 91.31;
const YEAR: f64 = 365.25;
const TWO_YEARS: f64 = 2.0 * YEAR;
const TEN_YEARS: f64 = 10.0 * YEAR;

/// The name of a 0–10 axis that holds every metric: which way is better for most, and for the
/// three where higher is better.
pub const SCORE_AXIS: &str = "0–10, lower is better (sleep, motion, mood: higher)";

/// [`SCORE_AXIS`] for a chart too short to hold it: the key says which metrics are better
/// higher.
pub const SCORE_AXIS_SHORT: &str = "0–10, lower is better";

/// The score axis's name for a chart `height` points tall: whole where it fits along it.
pub fn score_axis(height: f32) -> &'static str {
    if height >= 360.0 {
        SCORE_AXIS
    } else {
        SCORE_AXIS_SHORT
    }
}

/// The check box beside a chart that shows the data behind it as a table instead.
pub const SHOW_AS_TABLE: &str = "Show as table";

/// The top of a 0–10 chart: room above 10 for the kinds' letters and the windows' names, clear of
/// the line at 10 and of values at 10.
pub const SCORE_TOP: f64 = 11.0;

/// The width of the y axis (tick labels) of plots stacked on one x axis, so that their days
/// line up: the same for both, and enough for "1500" (the counts of twenty years of sessions).
pub const LINKED_Y_AXIS_WIDTH: f32 = 36.0;

/// The calendar steps a date axis marks, finest first; each coarser one falls on marks of the
/// finer ones (except weeks and months, kept apart by [`LABEL_ROOM`]).
const LEVELS: [f64; 7] = [DAY, WEEK, MONTH, QUARTER, YEAR, TWO_YEARS, TEN_YEARS];

/// egui_plot's smallest grid spacing in pixels ([`GridInput::base_step_size`] is this many
/// pixels in days).
const GRID_MIN_PX: f64 = 8.0;

/// The finest grid lines drawn are at least this many pixels apart (finer ones are noise, and
/// each line costs a software renderer its share of a frame).
const LINE_ROOM: f64 = 24.0;

/// No mark this close to either end of the axis (in pixels): half a label.
const EDGE_ROOM: f64 = 22.0;

/// A week's label is left out this close to a month's (in pixels), where they would touch.
const LABEL_ROOM: f64 = 52.0;

/// Grid lines on calendar days: days, Mondays, first of the month, quarters, years, every
/// second and every tenth year, as many levels as the pixels allow. egui_plot labels a mark when
/// its step is at least 60 pixels wide and fades finer lines, so the labels never overlap:
/// weeks are dropped next to months, and the years labelled are every year, every second year
/// or every tenth, as they fit.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the signature egui_plot asks of a grid spacer"
)]
pub fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let (Some(first), Some(last)) = (
        date_from_day_number(min.floor()),
        date_from_day_number(max.ceil()),
    ) else {
        return Vec::new();
    };
    let per_pixel = input.base_step_size / GRID_MIN_PX;
    if per_pixel <= 0.0 || !per_pixel.is_finite() {
        return Vec::new();
    }
    let finest = LEVELS
        .into_iter()
        .find(|level| level / per_pixel >= LINE_ROOM)
        .unwrap_or(TEN_YEARS);
    let mut marks = Vec::new();
    let mut date = first;
    while date <= last {
        let step = step_of(date);
        let value = day_number(date);
        // A label centred on a mark this close to an edge would be cut off.
        let at_edge = (value - min).min(max - value) < EDGE_ROOM * per_pixel;
        if step >= finest
            && !at_edge
            && !(step == WEEK
                && near_a_month(
                    date,
                    LABEL_ROOM * per_pixel,
                    (min, max),
                    EDGE_ROOM * per_pixel,
                ))
        {
            marks.push(GridMark {
                value,
                step_size: step,
            });
        }
        date = match next_candidate(date, finest) {
            Some(next) => next,
            None => break,
        };
    }
    marks
}

/// The largest calendar step `date` starts.
fn step_of(date: NaiveDate) -> f64 {
    if date.day() == 1 && date.month() == 1 {
        if date.year().rem_euclid(10) == 0 {
            TEN_YEARS
        } else if date.year().rem_euclid(2) == 0 {
            TWO_YEARS
        } else {
            YEAR
        }
    } else if date.day() == 1 && (date.month() - 1).is_multiple_of(3) {
        QUARTER
    } else if date.day() == 1 {
        MONTH
    } else if date.weekday() == chrono::Weekday::Mon {
        WEEK
    } else {
        DAY
    }
}

/// Whether the first of a month lies within `days` of `date` and is itself marked (not within
/// `edge` of either end of `bounds`, where its mark is left out).
fn near_a_month(date: NaiveDate, days: f64, (min, max): (f64, f64), edge: f64) -> bool {
    let since_first = f64::from(date.day() - 1);
    let to_next = f64::from(days_in_month(date) - date.day() + 1);
    let marked = |offset: f64| {
        let value = day_number(date) + offset;
        value - min >= edge && max - value >= edge
    };
    (since_first < days && marked(-since_first)) || (to_next < days && marked(to_next))
}

fn days_in_month(date: NaiveDate) -> u32 {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|next| next.pred_opt())
        .map_or(31, |last| last.day())
}

fn next_candidate(date: NaiveDate, finest: f64) -> Option<NaiveDate> {
    if finest <= WEEK {
        return date.succ_opt();
    }
    // From months upwards only first days of months can be marks.
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The date axis under a chart: [`date_grid`]'s marks labelled by [`date_label`], a label
/// wherever its step leaves [`X_LABEL_MIN`] pixels (egui_plot also skips a label wider than
/// its step, so they never overlap).
pub fn date_axis() -> egui_plot::AxisHints<'static> {
    egui_plot::AxisHints::new_x()
        .formatter(date_label)
        .label_spacing(X_LABEL_MIN as f32..=X_LABEL_MIN as f32 + 30.0)
}

/// The fewest pixels between labelled marks of a date axis.
const X_LABEL_MIN: f64 = 48.0;

/// Axis labels: a year on year marks, a month name on month and quarter marks, the day
/// otherwise.
pub fn date_label(mark: GridMark, _range: &RangeInclusive<f64>) -> String {
    let Some(date) = date_from_day_number(mark.value) else {
        return String::new();
    };
    if mark.step_size >= YEAR {
        date.format("%Y").to_string()
    } else if mark.step_size >= MONTH {
        date.format("%b").to_string()
    } else {
        date.format("%-d %b").to_string()
    }
}

/// Whole-number marks for a count axis (sessions, days): 1, 2, 5, 10, 20, … apart, so that a
/// short axis still shows its numbers rather than only 0.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the signature egui_plot asks of a grid spacer"
)]
pub fn count_grid(input: GridInput) -> Vec<GridMark> {
    let steps = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0];
    let marks = nice_grid(&input, &steps, Y_LABEL_ROOM, (0.0, f64::INFINITY));
    if marks.len() >= 3 {
        return marks;
    }
    // A short strip: closer labels (a line of text apart) rather than only 0 and one number.
    nice_grid(&input, &steps, TIGHT_Y_LABEL_ROOM, (0.0, f64::INFINITY))
}

/// The least room between labels on a short vertical axis: a line of text and a little air.
const TIGHT_Y_LABEL_ROOM: f64 = 20.0;

/// Marks on a 0–10 score axis: every point, every second or every fifth, as the height allows.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the signature egui_plot asks of a grid spacer"
)]
pub fn score_grid(input: GridInput) -> Vec<GridMark> {
    nice_grid(&input, &[1.0, 2.0, 5.0, 10.0], Y_LABEL_ROOM, (0.0, 10.0))
}

/// Marks on an axis of days from a session (…, −2, −1, 0, +1, …): every day, every second,
/// or every week, as the width allows egui_plot to label them.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the signature egui_plot asks of a grid spacer"
)]
pub fn offset_grid(input: GridInput) -> Vec<GridMark> {
    let steps = [1.0, 2.0, 7.0, 14.0, 28.0];
    nice_grid(
        &input,
        &steps,
        X_LABEL_ROOM,
        (f64::NEG_INFINITY, f64::INFINITY),
    )
}

/// Marks on an axis of differences in points (…, −1, −0.5, 0, 0.5, …): 0.1, 0.2, 0.5, 1, 2 or
/// 5 apart, as the width allows egui_plot to label them.
#[expect(
    clippy::needless_pass_by_value,
    reason = "the signature egui_plot asks of a grid spacer"
)]
pub fn points_grid(input: GridInput) -> Vec<GridMark> {
    let steps = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0];
    nice_grid(
        &input,
        &steps,
        X_LABEL_ROOM,
        (f64::NEG_INFINITY, f64::INFINITY),
    )
}

/// egui_plot labels a y mark whose step is more than 20 pixels, an x mark more than 60.
const Y_LABEL_ROOM: f64 = 22.0;
const X_LABEL_ROOM: f64 = 62.0;

/// Marks at the smallest of `steps` that is at least `room` pixels, within `clip`.
fn nice_grid(input: &GridInput, steps: &[f64], room: f64, clip: (f64, f64)) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let per_pixel = input.base_step_size / GRID_MIN_PX;
    if per_pixel <= 0.0 || !per_pixel.is_finite() || max < min {
        return Vec::new();
    }
    let step = steps
        .iter()
        .copied()
        .find(|step| step / per_pixel >= room)
        .unwrap_or(steps[steps.len() - 1]);
    // Counted in whole steps, so that 0.1 steps do not drift (0.30000000000000004).
    let first = (min.max(clip.0) / step).ceil() as i64;
    let last = (max.min(clip.1) / step).floor() as i64;
    (first..=last)
        .take(200)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The colour of a metric's line: Okabe and Ito's colour-blind-safe palette (vermilion,
/// reddish purple, orange, blue, bluish green), lighter in the dark theme. Session kinds use
/// other colours ([`kind_color`]), so a session line is never taken for a metric.
pub fn metric_color(metric: Metric, dark_mode: bool) -> Color32 {
    let (light, dark) = match metric {
        Metric::Pain => (rgb(0xD55E00), rgb(0xFF7F2A)),
        Metric::WorstPain => (rgb(0xCC79A7), rgb(0xE8A3C8)),
        Metric::Stiffness => (rgb(0xE69F00), rgb(0xF5B83D)),
        Metric::Sleep => (rgb(0x0072B2), rgb(0x56B4E9)),
        Metric::Stress => (rgb(0x009E73), rgb(0x3FD1A6)),
        Metric::Mobility => (rgb(0x1F5F8B), rgb(0x8FD0FF)),
        Metric::Mood => (rgb(0x6A3D9A), rgb(0xC3A6E8)),
        // Own measures take the rest in turn: black (white in the dark), Tol's green and
        // olive-yellow, each told apart by its marker too.
        Metric::Own(own) => match own.id.0 % 3 {
            0 => (rgb(0x222222), rgb(0xEEEEEE)),
            1 => (rgb(0x117733), rgb(0x44AA99)),
            _ => (rgb(0x6B5A00), rgb(0xF0E442)),
        },
    };
    if dark_mode { dark } else { light }
}

/// The colour of a session kind's markers: Paul Tol's muted scheme (indigo, wine, olive, brown,
/// grey, teal), which stays apart from the metrics' colours and from each other for colour-blind
/// readers; the kinds are also told apart by their letter or name wherever they are drawn.
pub fn kind_color(kind: KindChoice, dark_mode: bool) -> Color32 {
    let (light, dark) = match kind {
        KindChoice::Swedish => (rgb(0x332288), rgb(0x9988EE)),
        KindChoice::DeepTissue => (rgb(0x882255), rgb(0xDD6699)),
        KindChoice::TriggerPoint => (rgb(0x808000), rgb(0xC8C850)),
        KindChoice::Sports => (rgb(0x7F4F24), rgb(0xC8955A)),
        KindChoice::Shiatsu => (rgb(0x2F6F6F), rgb(0x7FBFBF)),
        KindChoice::Other => (rgb(0x4D4D4D), rgb(0xBFBFBF)),
    };
    if dark_mode { dark } else { light }
}

/// A colour from its hex code.
const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// The fills of a session's before and after windows: neutral greys, the after window the
/// darker, so that they never look like a metric's band of spread (every metric has a hue).
pub fn window_colors(dark: bool) -> (Color32, Color32) {
    if dark {
        (
            Color32::from_rgba_unmultiplied(255, 255, 255, 22),
            Color32::from_rgba_unmultiplied(255, 255, 255, 44),
        )
    } else {
        (
            Color32::from_rgba_unmultiplied(0, 0, 0, 18),
            Color32::from_rgba_unmultiplied(0, 0, 0, 40),
        )
    }
}

/// The narrowest a shaded window may be on screen and still carry its name.
const WINDOW_NAME_ROOM: f32 = 56.0;

/// Shade a session's before and after windows, each named at the top of the chart where its
/// shown part is wide enough for the name (names never overlap nor run off the chart).
pub fn shade_windows(plot_ui: &mut egui_plot::PlotUi<'_>, effect: &SessionEffect, dark: bool) {
    let (before, after) = window_colors(dark);
    let bounds = plot_ui.plot_bounds();
    let (left, right) = (bounds.min()[0], bounds.max()[0]);
    let per_pixel = days_per_pixel(&bounds, plot_ui.response().rect.width());
    let top = bounds.max()[1];
    for (name, range, color) in [
        ("before", effect.before, before),
        ("after", effect.after, after),
    ] {
        if !range.is_empty() {
            let (from, to) = (day_number(range.from) - 0.5, day_number(range.to) + 0.5);
            // Unnamed, so that hovering names the data; the label sits on the chart.
            plot_ui.add(egui_plot::Span::new("", from..=to).fill(color));
            let (shown_from, shown_to) = (from.max(left), to.min(right));
            if (shown_to - shown_from) / per_pixel >= f64::from(WINDOW_NAME_ROOM) {
                let at = egui_plot::PlotPoint::new((shown_from + shown_to) / 2.0, top);
                plot_ui.add(
                    egui_plot::Text::new(
                        "",
                        at,
                        egui::RichText::new(name).text_style(egui::TextStyle::Body),
                    )
                    .anchor(egui::Align2::CENTER_TOP)
                    .allow_hover(false),
                );
            }
        }
    }
}

/// The height kept clear for a kind's letter at the top of a session's line (pixels).
const LETTER_ROOM: f32 = 20.0;

/// A session on a chart: a line of its kind's colour, named for the key ("Swedish session"), with
/// the kind's letter at the top (`top`, the chart's upper bound) so that kinds differ without
/// colour.
pub fn session_line(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    (x, top): (f64, f64),
    kind: KindChoice,
    width: f32,
    dark: bool,
) {
    let color = kind_color(kind, dark);
    // The line stops under the letter, which would be struck through otherwise.
    let bottom = plot_ui.plot_bounds().min()[1];
    let per_pixel = plot_ui.transform().dvalue_dpos()[1].abs();
    let under_letter = top - f64::from(LETTER_ROOM) * per_pixel;
    plot_ui.add(
        egui_plot::Line::new(
            format!("{} session", kind.label()),
            egui_plot::PlotPoints::from(vec![[x, bottom], [x, under_letter]]),
        )
        .color(color)
        .width(width),
    );
    plot_ui.add(
        egui_plot::Text::new(
            "",
            egui_plot::PlotPoint::new(x, top),
            egui::RichText::new(kind.letter())
                .text_style(egui::TextStyle::Body)
                .color(color)
                .strong(),
        )
        .anchor(egui::Align2::CENTER_TOP)
        .allow_hover(false),
    );
}

/// The name a metric has in chart legends, with its direction where it is unusual.
pub fn metric_legend(metric: Metric) -> String {
    if metric.higher_is_better() {
        format!("{} (higher is better)", metric.name())
    } else {
        metric.name().to_owned()
    }
}

/// The number of plot units (days) one pixel spans along x.
pub fn days_per_pixel(bounds: &egui_plot::PlotBounds, width_px: f32) -> f64 {
    if width_px <= 0.0 {
        return 1.0;
    }
    (bounds.max()[0] - bounds.min()[0]) / f64::from(width_px)
}

/// On a chart that has the keyboard, at the cursor's day (x in plot days): its label, boxed,
/// beside the line the chart drew; to the right of the line, or to its left where it would run
/// off the chart.
pub fn paint_focus(
    ui: &egui::Ui,
    (response, transform): (&egui::Response, &egui_plot::PlotTransform),
    cursor: Option<(f64, &str)>,
) {
    // The ring around it is the one every focused control has (`widgets::focus_ring`).
    let frame = response.rect;
    let visuals = ui.visuals();
    let Some((x, label)) = cursor else {
        return;
    };
    let at = transform.position_from_point_x(x);
    let painter = ui.painter_at(frame);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = painter.layout(
        label.to_owned(),
        font,
        visuals.text_color(),
        (frame.width() * 0.6).max(160.0),
    );
    let size = galley.size() + egui::vec2(12.0, 8.0);
    let left = if at + 8.0 + size.x <= frame.right() {
        at + 8.0
    } else {
        (at - 8.0 - size.x).max(frame.left())
    };
    let rect = egui::Rect::from_min_size(egui::pos2(left, frame.top() + 24.0), size);
    painter.rect(
        rect,
        4.0,
        visuals.window_fill,
        visuals.window_stroke,
        egui::StrokeKind::Inside,
    );
    painter.galley(
        rect.min + egui::vec2(6.0, 4.0),
        galley,
        visuals.text_color(),
    );
}

#[cfg(test)]
mod tests;
