//! The sessions under the trend chart when lines would crowd it: when to count them instead,
//! and the strip of sessions per week or month, on the chart's own days.

use egui_plot::{FilledArea, Plot};

use crate::analysis::{DayRange, Resolution, date_from_day_number, day_number, session_density};
use crate::model::Session;
use crate::report::text;
use crate::ui::chart::{LINKED_Y_AXIS_WIDTH, count_grid};

/// When sessions are shown as counts under the chart rather than lines in it: when more than
/// [`MAX_SESSION_LINES`] are in view, or the chart shows weeks or months. `None`: lines.
pub(super) fn strip_resolution(
    sessions: &[Session],
    visible: &std::ops::RangeInclusive<f64>,
    resolution: Resolution,
    width: f32,
) -> Option<Resolution> {
    let in_view = sessions
        .iter()
        .filter(|s| visible.contains(&day_number(s.date())))
        .count();
    // On a wide chart of days, more lines stay apart: one every SESSION_LINE_ROOM pixels.
    let lines_that_fit = (width / SESSION_LINE_ROOM) as usize;
    match resolution {
        Resolution::Daily if in_view <= MAX_SESSION_LINES.max(lines_that_fit) => None,
        Resolution::Daily | Resolution::Weekly => Some(Resolution::Weekly),
        Resolution::Monthly => Some(Resolution::Monthly),
    }
}

/// The round number (1, 2, 3, 4, 5, 6, 8 or 10 times a power of ten) at or above `value`.
fn round_up(value: f64) -> f64 {
    if value <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    let top = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .find(|step| step * power >= value - 1e-9)
        .unwrap_or(10.0);
    top * power
}

/// The most sessions drawn as lines across the chart; more become a strip of counts (unless
/// the chart is wide enough for one every [`SESSION_LINE_ROOM`] pixels).
const MAX_SESSION_LINES: usize = 15;

/// The room a session's line needs on average (pixels) for its letter to stand clear.
const SESSION_LINE_ROOM: f32 = 48.0;

/// Sessions per week or month as bars under the chart, on the chart's own days.
pub(super) fn session_strip(
    ui: &mut egui::Ui,
    sessions: &[Session],
    x_range: &std::ops::RangeInclusive<f64>,
    resolution: Resolution,
    (chart_left, axis_extra): (f32, &mut f32),
) {
    let (Some(first), Some(last)) = (sessions.first(), sessions.last()) else {
        return;
    };
    let all = DayRange::new(first.date(), last.date());
    let width = if resolution == Resolution::Weekly {
        7.0
    } else {
        30.4
    };
    let ink = ui.visuals().text_color().gamma_multiply(0.45);
    // One filled outline of steps, not hundreds of bars: a software renderer draws each bar's
    // anti-aliased edges, and twenty years are 240 months.
    let (mut xs, mut highs) = (Vec::new(), Vec::new());
    let mut most = 1.0_f64;
    for (start, count) in session_density(sessions.iter().map(Session::date), all, resolution) {
        let (left, right) = (
            day_number(start) - 0.5 + width * 0.075,
            day_number(start) - 0.5 + width * 0.925,
        );
        let count = count as f64;
        most = most.max(count);
        xs.extend([left, left, right, right]);
        highs.extend([0.0, count, count, 0.0]);
    }
    let lows = vec![0.0; xs.len()];
    let unit = resolution.unit();
    // Named above rather than along its short axis, where the name would not fit.
    ui.label(format!("Sessions per {unit}"));
    let response = Plot::new("trends_sessions")
        .y_axis_min_width(LINKED_Y_AXIS_WIDTH + *axis_extra)
        .height(100.0)
        .link_axis(egui::Id::unique("trends_x"), [true, false])
        // The chart above, on the same days, already names them.
        .show_axes([false, true])
        .show_grid([false, true])
        // Its y axis as wide as the chart's above, so that their days line up.
        .y_axis_label("sessions")
        .y_grid_spacer(count_grid)
        .y_axis_formatter(|mark, _| format!("{}", mark.value.round()))
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_scroll([true, false])
        .default_x_bounds(*x_range.start(), *x_range.end())
        .include_y(0.0)
        // Up to a round number above the tallest, so that the axis labels at least three.
        .include_y(round_up(most * 1.1))
        .show(ui, |plot_ui| {
            plot_ui.add(
                FilledArea::new(format!("Sessions per {unit}"), &xs, &lows, &highs).fill_color(ink),
            );
        });
    // Line its days up with the chart's: widen its axis by what it still lacks, next frame.
    let gap = chart_left - response.transform.frame().left();
    if gap.abs() > 0.5 {
        *axis_extra = (*axis_extra + gap).clamp(0.0, 80.0);
        ui.ctx().request_repaint();
    }
    // What a screen reader is told: how many sessions the strip counts over the days in view.
    let bounds = response.transform.bounds();
    let (from, to) = (
        date_from_day_number(bounds.min()[0].ceil()),
        date_from_day_number(bounds.max()[0].floor()),
    );
    if let (Some(from), Some(to)) = (from, to) {
        let count = sessions
            .iter()
            .filter(|s| (from..=to).contains(&s.date()))
            .count();
        let label = format!(
            "Sessions per {unit}, {count} sessions from {} to {}",
            text::date(from),
            text::date(to)
        );
        ui.ctx()
            .accesskit_node_builder(response.response.id, |node| node.set_label(label));
    }
}
