//! The report's calendar of pain, for periods over 90 days: one row of months per year, each
//! month a grid of week columns (Monday at the top), one square per day shaded from light (no
//! pain) to dark (worst), an empty outline where pain was not logged, a dot on session days and
//! a diamond on care-visit days. Greys only, so it reads in black and white; read by a screen
//! reader as the calendar in words.

use chrono::{Datelike as _, NaiveDate};

use super::layout::{Layout, MARGIN, Structure};
use super::style::TextStyle;
use crate::analysis::calendar::{CalendarDay, step, week_place};
use crate::report::calendar::{CalendarFigure, legend, step_label};

/// The grey of each step of the scale, light to dark.
const GRAYS: [u8; 6] = [228, 200, 168, 130, 90, 45];
/// Room for the years on the left.
const LABEL: f32 = 24.0;
/// Week columns a month may span.
const WEEKS: f32 = 6.0;
/// Room between months, in steps.
const MONTH_GAP: f32 = 0.8;
/// Room for the months' initials over the first row on a page.
const HEADER: f32 = 10.0;
/// Room under each year.
const ROW_GAP: f32 = 4.0;
/// The outline of a day without pain logged.
const OUTLINE: u8 = 150;

/// Where one year's row is drawn.
struct Row {
    top: f32,
    pitch: f32,
    year: i32,
}

impl Row {
    /// The top left of `date`'s square.
    fn corner(&self, date: NaiveDate) -> (f32, f32) {
        let (column, row) = week_place(date);
        (
            month_left(self.pitch, date.month0()) + column as f32 * self.pitch,
            self.top + row as f32 * self.pitch,
        )
    }
}

fn month_left(pitch: f32, month0: u32) -> f32 {
    MARGIN + LABEL + month0 as f32 * pitch * (WEEKS + MONTH_GAP)
}

/// The heading, how to read it, the key and the calendar of `figure`.
pub(super) fn calendar(layout: &mut Layout, figure: &CalendarFigure) {
    let pitch = ((layout.content_width() - LABEL) / (12.0 * WEEKS + 11.0 * MONTH_GAP)).min(9.0);
    let height = 7.0 * pitch + ROW_GAP;
    layout.ensure(90.0 + HEADER + height);
    layout.heading("Pain day by day");
    layout.paragraph(
        &format!(
            "One square per day, one row of months per year, weeks down from Monday to Sunday. {} A dot marks a massage session, a diamond a visit to other care.",
            legend(figure.calendar.metric)
        ),
        TextStyle::EXPLANATION,
    );
    layout.begin(Structure::Figure(figure.words.clone()));
    key(layout, figure);
    let calendar = &figure.calendar;
    let mut header_due = true;
    for year in calendar.years() {
        let pages = layout.pages.len();
        layout.ensure(HEADER + height);
        if layout.pages.len() != pages {
            header_due = true;
        }
        if header_due {
            months_header(layout, pitch);
            header_due = false;
        }
        let row = Row {
            top: layout.y,
            pitch,
            year,
        };
        layout.text(MARGIN, row.top + 6.0, TextStyle::DAY_AXIS, year.to_string());
        let days = calendar
            .days()
            .iter()
            .filter(|day| day.date.year() == row.year);
        for day in days {
            square(layout, &row, day, calendar.metric);
        }
        layout.y += height;
    }
    layout.end();
    layout.y += 8.0;
}

/// The months' initials over the columns.
fn months_header(layout: &mut Layout, pitch: f32) {
    for (month0, initial) in "JFMAMJJASOND".chars().enumerate() {
        let x = month_left(pitch, month0 as u32);
        layout.text(x, layout.y + 7.0, TextStyle::DAY_AXIS, initial.to_string());
    }
    layout.y += HEADER;
}

/// One day's square and its marks.
fn square(layout: &mut Layout, row: &Row, day: &CalendarDay, metric: crate::model::Metric) {
    let side = row.pitch * 0.85;
    let (x, y) = row.corner(day.date);
    let fill = day.value.map(|value| GRAYS[step(metric, value)]);
    let stroke = fill.is_none().then_some(OUTLINE);
    layout.rect(x, y, side, side, fill, stroke);
    let ink = if fill.is_some_and(|gray| gray < 150) {
        255
    } else {
        0
    };
    let (cx, cy) = (x + side / 2.0, y + side / 2.0);
    if day.care_visits > 0 {
        diamond(layout, (cx, cy), side * 0.36, ink);
    }
    if day.sessions > 0 {
        let dot = if day.care_visits > 0 { 255 - ink } else { ink };
        layout.dot(cx, cy, side * 0.2, dot);
    }
}

/// The mark of a care visit: a diamond `half` from its centre to each corner, in `gray`.
fn diamond(layout: &mut Layout, (cx, cy): (f32, f32), half: f32, gray: u8) {
    layout.area(
        vec![
            (cx, cy - half),
            (cx + half, cy),
            (cx, cy + half),
            (cx - half, cy),
        ],
        gray,
    );
}

/// The scale's greys with the pain each stands for, the empty square and the two marks.
fn key(layout: &mut Layout, figure: &CalendarFigure) {
    let metric = figure.calendar.metric;
    let side = 7.0;
    layout.y += 4.0;
    let baseline = layout.y + 7.0;
    let mut x = MARGIN;
    let label = |layout: &mut Layout, x: &mut f32, text: &str| {
        layout.text(*x, baseline, TextStyle::CAPTION, text.to_owned());
        *x += layout.text_width(TextStyle::CAPTION, text) + 8.0;
    };
    label(layout, &mut x, "Better");
    for (index, gray) in GRAYS.iter().enumerate() {
        layout.rect(x, baseline - side, side, side, Some(*gray), None);
        x += side + 2.0;
        label(layout, &mut x, &step_label(metric, index));
    }
    label(layout, &mut x, "Worse");
    x += 6.0;
    layout.rect(x, baseline - side, side, side, None, Some(OUTLINE));
    x += side + 2.0;
    label(layout, &mut x, "not logged");
    layout.dot(x + side / 2.0, baseline - side / 2.0, side * 0.2, 0);
    x += side + 2.0;
    label(layout, &mut x, "session");
    diamond(
        layout,
        (x + side / 2.0, baseline - side / 2.0),
        side * 0.36,
        0,
    );
    x += side + 2.0;
    label(layout, &mut x, "care visit");
    layout.y += 14.0;
}
