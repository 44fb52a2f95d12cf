//! What the charts share: the date axis, colours for metrics and kinds, plot-space helpers.

use std::ops::RangeInclusive;

use chrono::{Datelike as _, NaiveDate};
use egui::Color32;
use egui_plot::{GridInput, GridMark};

use crate::analysis::{date_from_day_number, day_number};
use crate::model::{KindChoice, Metric};

const DAY: f64 = 1.0;
const WEEK: f64 = 7.0;
const MONTH: f64 = 30.44;
const QUARTER: f64 = 91.31;
const YEAR: f64 = 365.25;

/// Grid lines on calendar days: days, Mondays, first of the month, quarters, years, as many
/// levels as fit (finer levels fade, as egui_plot does with its own spacer).
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
    let span = max - min;
    let smallest = input.base_step_size;
    let mut marks = Vec::new();
    let mut date = first;
    // At most a few thousand marks: the finest level shown depends on the span.
    let finest = if span <= 45.0 && smallest <= DAY {
        DAY
    } else if span <= 200.0 && smallest <= WEEK {
        WEEK
    } else if span <= 2500.0 && smallest <= MONTH {
        MONTH
    } else if span <= 1500.0 && smallest <= QUARTER {
        QUARTER
    } else {
        YEAR
    };
    while date <= last {
        let step = step_of(date);
        // A Monday just before or after the first of a month would print over the month.
        let crowded = step == WEEK && (date.day() <= 3 || date.day() + 3 > days_in_month(date));
        if step >= finest && !crowded {
            marks.push(GridMark {
                value: day_number(date),
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
        YEAR
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

/// The colour of a metric's line.
pub fn metric_color(metric: Metric, dark_mode: bool) -> Color32 {
    let (light, dark) = match metric {
        Metric::Pain => (
            Color32::from_rgb(200, 50, 40),
            Color32::from_rgb(255, 110, 95),
        ),
        Metric::WorstPain => (
            Color32::from_rgb(120, 20, 60),
            Color32::from_rgb(235, 120, 170),
        ),
        Metric::Stiffness => (
            Color32::from_rgb(200, 120, 0),
            Color32::from_rgb(255, 180, 60),
        ),
        Metric::Sleep => (
            Color32::from_rgb(30, 90, 200),
            Color32::from_rgb(110, 170, 255),
        ),
        Metric::Stress => (
            Color32::from_rgb(110, 60, 170),
            Color32::from_rgb(185, 150, 240),
        ),
    };
    if dark_mode { dark } else { light }
}

/// The colour of a session kind's markers.
pub fn kind_color(kind: KindChoice, dark_mode: bool) -> Color32 {
    let (light, dark) = match kind {
        KindChoice::Swedish => (
            Color32::from_rgb(0, 140, 130),
            Color32::from_rgb(70, 210, 195),
        ),
        KindChoice::DeepTissue => (
            Color32::from_rgb(150, 40, 150),
            Color32::from_rgb(220, 120, 220),
        ),
        KindChoice::TriggerPoint => (
            Color32::from_rgb(190, 90, 20),
            Color32::from_rgb(245, 150, 80),
        ),
        KindChoice::Sports => (
            Color32::from_rgb(40, 110, 30),
            Color32::from_rgb(130, 210, 110),
        ),
        KindChoice::Shiatsu => (
            Color32::from_rgb(60, 80, 180),
            Color32::from_rgb(140, 160, 255),
        ),
        KindChoice::Other => (
            Color32::from_rgb(110, 110, 110),
            Color32::from_rgb(180, 180, 180),
        ),
    };
    if dark_mode { dark } else { light }
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
