//! The charts that sum up many sessions at once: the forest plot (each group against ordinary
//! weeks) and the month grid (sessions and their mean change, month by month).

use chrono::Datelike as _;

use super::layout::{Layout, MARGIN, Structure};
use super::style::TextStyle;
use crate::report::MonthLine;
use crate::report::text::{NONE, signed_change};

/// A row of the forest plot: a group of sessions against ordinary weeks.
pub(super) struct ForestRow {
    /// "All sessions", "Deep tissue", "Anna Berg".
    pub label: String,
    /// The row for all sessions (set in bold, its mark a diamond).
    pub all: bool,
    /// "kind · 12 sessions".
    pub detail: String,
    /// Session mean − ordinary mean.
    pub difference: f64,
    /// Its 95% interval.
    pub interval: Option<(f64, f64)>,
    /// "-0.9 (-1.6 to -0.2)".
    pub value: String,
    /// "better", "no clear difference", "worse".
    pub verdict: &'static str,
}

/// The height of a row of the forest plot.
const FOREST_ROW: f32 = 26.0;
/// The width of the forest plot's names.
const FOREST_LABELS: f32 = 150.0;
/// The width of its values.
const FOREST_VALUES: f32 = 118.0;
/// The room its axis and the sides take under it.
const FOREST_AXIS: f32 = 34.0;

/// A step between ticks that gives at most six across `span`.
fn tick_step(span: f64) -> f64 {
    [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|step| span / step <= 6.0)
        .unwrap_or(20.0)
}

/// A tick's label with its sign: "-1", "0", "+0.5".
fn tick_label(value: f64, step: f64) -> String {
    if value.abs() < step / 1000.0 {
        return "0".to_owned();
    }
    let decimals = if step.fract() == 0.0 {
        0
    } else if (step * 10.0).fract().abs() < 1e-9 {
        1
    } else {
        2
    };
    format!("{value:+.decimals$}")
}

/// A forest plot of `rows`: each row's name and count, its difference (a square, a diamond for
/// all sessions) with its 95% interval (a line with caps), the zero line, and the values and
/// verdict at the right; under the rows an axis with `sides` (left of zero, right of zero)
/// saying which side is better. Rows flow onto the next page, the axis under each part.
pub(super) fn forest(layout: &mut Layout, rows: &[ForestRow], sides: &(String, String)) {
    let (mut low, mut high) = (0.0_f64, 0.0_f64);
    for row in rows {
        let (a, b) = row.interval.unwrap_or((row.difference, row.difference));
        low = low.min(a).min(row.difference);
        high = high.max(b).max(row.difference);
    }
    let step = tick_step((high - low).max(0.1));
    let (low, high) = ((low / step).floor() * step, (high / step).ceil() * step);
    let (low, high) = if high - low < step {
        (low - step, high + step)
    } else {
        (low, high)
    };
    let left = MARGIN + FOREST_LABELS;
    let right = MARGIN + layout.content_width() - FOREST_VALUES - 10.0;
    let x = |value: f64| left + ((value - low) / (high - low)) as f32 * (right - left);
    let ticks: Vec<f64> = (0..=((high - low) / step).round() as usize)
        .map(|i| low + step * i as f64)
        .collect();
    layout.ensure(FOREST_ROW * 2.0 + FOREST_AXIS);
    layout.y += 6.0;
    let mut shown = 0;
    for (index, row) in rows.iter().enumerate() {
        if layout.room() < FOREST_ROW + FOREST_AXIS && shown > 0 {
            forest_axis(layout, &ticks, step, &x, sides);
            layout.new_page();
            layout.y += 6.0;
            shown = 0;
        }
        let top = layout.y;
        let middle = top + FOREST_ROW / 2.0;
        if index % 2 == 1 {
            let w = layout.content_width();
            layout.rect(MARGIN, top, w, FOREST_ROW, Some(244), None);
        }
        for &tick in &ticks {
            let tx = x(tick);
            let (width, gray) = if tick.abs() < step / 1000.0 {
                (0.9, 0)
            } else {
                (0.4, 200)
            };
            layout.line(vec![(tx, top), (tx, top + FOREST_ROW)], width, gray, None);
        }
        let label_style = if row.all {
            TextStyle::FOREST_LABEL_ALL
        } else {
            TextStyle::FOREST_LABEL
        };
        let label = layout.truncate(&row.label, label_style, FOREST_LABELS - 8.0);
        layout.text(MARGIN, middle - 1.0, label_style, label);
        let detail = layout.truncate(&row.detail, TextStyle::FOREST_DETAIL, FOREST_LABELS - 8.0);
        layout.text(MARGIN, middle + 8.5, TextStyle::FOREST_DETAIL, detail);
        if let Some((a, b)) = row.interval {
            let (xa, xb) = (x(a), x(b));
            layout.line(vec![(xa, middle), (xb, middle)], 1.3, 0, None);
            for end in [xa, xb] {
                layout.line(vec![(end, middle - 3.5), (end, middle + 3.5)], 1.0, 0, None);
            }
        }
        let (px, r) = (x(row.difference), if row.all { 5.0 } else { 3.4 });
        if row.all {
            let diamond = vec![
                (px, middle - r),
                (px + r, middle),
                (px, middle + r),
                (px - r, middle),
            ];
            layout.area(diamond, 0);
        } else {
            layout.rect(px - r, middle - r, 2.0 * r, 2.0 * r, Some(0), None);
        }
        let vx = right + 10.0;
        layout.text(
            vx,
            middle - 1.0,
            TextStyle::FOREST_VALUE,
            row.value.as_str(),
        );
        layout.text(vx, middle + 8.5, TextStyle::FOREST_VERDICT, row.verdict);
        layout.y += FOREST_ROW;
        shown += 1;
    }
    forest_axis(layout, &ticks, step, &x, sides);
}

/// The forest plot's axis under its rows, and the sides of zero in words.
fn forest_axis(
    layout: &mut Layout,
    ticks: &[f64],
    step: f64,
    x: &dyn Fn(f64) -> f32,
    (left_side, right_side): &(String, String),
) {
    let y = layout.y;
    let (first, last) = (
        x(ticks.first().copied().unwrap_or(0.0)),
        x(ticks.last().copied().unwrap_or(0.0)),
    );
    layout.line(vec![(first, y), (last, y)], 0.6, 60, None);
    for &tick in ticks {
        let tx = x(tick);
        layout.line(vec![(tx, y), (tx, y + 3.0)], 0.6, 60, None);
        let label = tick_label(tick, step);
        let w = layout.text_width(TextStyle::DAY_AXIS, &label);
        layout.text(tx - w / 2.0, y + 11.0, TextStyle::DAY_AXIS, label);
    }
    let zero = x(0.0);
    let style = TextStyle::CAPTION;
    let page_right = MARGIN + layout.content_width();
    let left_width = layout.text_width(style, left_side);
    let left_x = (zero - 4.0 - left_width).max(MARGIN);
    layout.text(left_x, y + 23.0, style, left_side.as_str());
    // Right of zero, clear of the left side's words; under them when the line is too short.
    let right_width = layout.text_width(style, right_side);
    let right_x = (zero + 4.0).max(left_x + left_width + 8.0);
    if right_x + right_width <= page_right {
        layout.text(right_x, y + 23.0, style, right_side.as_str());
    } else {
        let x = (zero + 4.0).min(page_right - right_width);
        layout.text(x, y + 33.0, style, right_side.as_str());
        layout.y += 10.0;
    }
    layout.y += FOREST_AXIS;
}

/// The names of the months over the month-by-month summary.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// The height of a year's row in it.
const YEAR_ROW: f32 = 24.0;
/// The width of its years.
const YEAR_WIDTH: f32 = 36.0;

/// The month-by-month summary, a table: a row for each year, a column for each month and one
/// for the year, each cell the number of sessions and under it their mean change in pain (a
/// month without sessions left empty). The header repeats on every page, read once.
pub(super) fn month_grid(layout: &mut Layout, years: &[(i32, Vec<&MonthLine>)]) {
    let column = (layout.content_width() - YEAR_WIDTH) / 13.0;
    let cell_right = |index: usize| MARGIN + YEAR_WIDTH + column * (index + 1) as f32 - 4.0;
    let header = |layout: &mut Layout, repeated: bool| {
        layout.ensure(16.0 + YEAR_ROW);
        layout.y += 16.0;
        let y = layout.y - 4.0;
        if repeated {
            layout.begin(Structure::Repeated);
        }
        layout.begin(Structure::Row);
        layout.begin(Structure::ColumnHeader);
        layout.text(MARGIN, y, TextStyle::TABLE_HEADER, "Year");
        layout.end();
        for (index, title) in MONTHS.iter().chain(&["Year"]).enumerate() {
            let w = layout.text_width(TextStyle::TABLE_HEADER, title);
            layout.begin(Structure::ColumnHeader);
            layout.text(cell_right(index) - w, y, TextStyle::TABLE_HEADER, *title);
            layout.end();
        }
        layout.end();
        if repeated {
            layout.end();
        }
        let (w, y) = (layout.content_width(), layout.y);
        layout.line(vec![(MARGIN, y), (MARGIN + w, y)], 0.8, 0, None);
    };
    layout.begin(Structure::Table);
    header(layout, false);
    for (row, (year, months)) in years.iter().enumerate() {
        if layout.room() < YEAR_ROW {
            layout.new_page();
            header(layout, true);
        }
        let top = layout.y;
        if row % 2 == 1 {
            let w = layout.content_width();
            layout.rect(MARGIN, top, w, YEAR_ROW, Some(242), None);
        }
        layout.begin(Structure::Row);
        layout.begin(Structure::RowHeader);
        layout.text(MARGIN, top + 10.0, TextStyle::MONTH_COUNT, year.to_string());
        layout.end();
        let cell = |layout: &mut Layout, index: usize, count: usize, mean: &str| {
            let right = cell_right(index);
            let count = count.to_string();
            let w = layout.text_width(TextStyle::MONTH_COUNT, &count);
            // A space after the count, unseen, keeps it apart from the mean when read.
            layout.text(
                right - w,
                top + 10.0,
                TextStyle::MONTH_COUNT,
                format!("{count} "),
            );
            let w = layout.text_width(TextStyle::MONTH_CHANGE, mean);
            layout.text(right - w, top + 20.0, TextStyle::MONTH_CHANGE, mean);
        };
        let (mut sessions, mut with_data, mut sum) = (0, 0, 0.0);
        for index in 0..12 {
            layout.begin(Structure::Cell);
            if let Some(month) = months.iter().find(|m| m.month.month0() as usize == index) {
                cell(
                    layout,
                    index,
                    month.sessions,
                    &signed_change(month.mean_change),
                );
                sessions += month.sessions;
                with_data += month.with_data;
                sum += month.mean_change.unwrap_or(0.0) * month.with_data as f64;
            }
            layout.end();
        }
        layout.begin(Structure::Cell);
        if sessions == 0 {
            cell(layout, 12, 0, NONE);
        } else {
            let mean = (with_data > 0).then(|| sum / with_data as f64);
            cell(layout, 12, sessions, &signed_change(mean));
        }
        layout.end();
        layout.end();
        layout.y += YEAR_ROW;
    }
    layout.end();
    layout.y += 4.0;
}
