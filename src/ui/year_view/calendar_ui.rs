//! The calendar as a widget: its legend, the squares of the years in view, the day under the
//! pointer on hover, and the keyboard. The calendar is one Tab stop; while it has the keyboard,
//! ← → move its cursor a day, ↑ ↓ a week, Page Up and Page Down a month, Home and End to the
//! first and last day, and Enter opens the cursor's day. What the cursor's day reads is the
//! calendar's value, said by a screen reader as it changes (a polite live region).

use chrono::{Datelike as _, Days, NaiveDate};
use egui::{Align2, Key, Modifiers, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

use super::grid::{self, Geometry, Square, Squares};
use crate::analysis::calendar::{Calendar, step};
use crate::model::{Journal, Metric};
use crate::report::calendar::{day_reading, legend, step_label};
use crate::report::wording;
use crate::ui::widgets::HEAT_COLORS;
use crate::ui::widgets::{ARROWS, announce};

/// What the calendar shows.
pub(super) struct Shown<'a> {
    pub journal: &'a Journal,
    pub calendar: &'a Calendar,
    /// The calendar in words (its description for a screen reader).
    pub words: &'a str,
}

/// The calendar's accessible name: "Calendar of pain by day".
pub fn name(metric: Metric) -> String {
    format!("Calendar of {} by day", wording::metric_name(metric))
}

/// The keys the calendar's cursor follows.
const KEYS: [Key; 8] = [
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::PageUp,
    Key::PageDown,
    Key::Home,
    Key::End,
];

/// The calendar, with `cursor` moved by the keys; brings `scroll_to` into view.
/// Returns the day to open in the Day view (clicked, or Enter on the cursor's day).
pub(super) fn calendar(
    ui: &mut egui::Ui,
    shown: &Shown<'_>,
    cursor: &mut Option<NaiveDate>,
    scroll_to: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let calendar = shown.calendar;
    let range = calendar.range;
    let years = calendar.years();
    let count = usize::try_from(years.end() - years.start() + 1).unwrap_or(1);
    let width = ui.available_width();
    let size = Geometry::new(Pos2::ZERO, width, *years.start(), count).size();
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let geometry = Geometry::new(rect.min, width, *years.start(), count);
    let mut moved = false;
    if response.has_focus() {
        ui.memory_mut(|memory| memory.set_focus_lock_filter(response.id, ARROWS));
        let day = cursor.get_or_insert(range.to);
        let pressed = ui.input_mut(|input| {
            KEYS.into_iter()
                .find(|key| input.consume_key(Modifiers::NONE, *key))
        });
        if let Some(key) = pressed {
            *day = grid::step(*day, key, range);
            moved = true;
        }
        moved |= response.gained_focus();
    }
    let mut open = None;
    if response.clicked() {
        match response.interact_pointer_pos() {
            Some(pos) => {
                if let Some(day) = geometry.date_at(pos, range) {
                    *cursor = Some(day);
                    open = Some(day);
                }
            }
            None => open = *cursor,
        }
    }
    let focused = response.has_focus();
    paint(ui, &geometry, calendar, cursor.filter(|_| focused));
    if let Some(day) = cursor.filter(|_| moved) {
        ui.scroll_to_rect(geometry.cell(day).expand(geometry.pitch), None);
    } else if let Some(day) = scroll_to {
        // The whole row of the day's year.
        let top = geometry.year_top(day.year());
        let row = Rect::from_x_y_ranges(rect.x_range(), top..=top + geometry.row_height());
        ui.scroll_to_rect(row, None);
    }
    let reading = cursor
        .and_then(|day| calendar.day(day))
        .map(|day| day_reading(shown.journal, calendar.metric, day));
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_label(name(calendar.metric));
        node.set_description(shown.words);
        if let Some(reading) = &reading {
            node.set_value(reading.as_str());
        }
    });
    if let (Some(reading), true) = (&reading, focused) {
        let at = Rect::from_min_size(rect.left_top(), Vec2::ZERO);
        announce(ui, response.id.with("cursor_reading"), at, reading);
    }
    let hovered = response
        .hover_pos()
        .and_then(|pos| geometry.date_at(pos, range))
        .and_then(|day| calendar.day(day));
    if let Some(day) = hovered {
        response.on_hover_text_at_pointer(day_reading(shown.journal, calendar.metric, day));
    }
    open
}

/// The squares of the years in view, the names of the years, months and weekdays, and the
/// cursor's ring.
fn paint(ui: &egui::Ui, geometry: &Geometry, calendar: &Calendar, cursor: Option<NaiveDate>) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    let clip = ui.clip_rect();
    let range = calendar.range;
    // Body text, as everywhere in the window: never smaller.
    let small = egui::TextStyle::Body.resolve(ui.style());
    let mut squares = Squares::default();
    for year in calendar.years() {
        let top = geometry.year_top(year);
        let row = Rect::from_x_y_ranges(clip.x_range(), top..=top + geometry.row_height());
        if !row.intersects(clip) {
            continue;
        }
        painter.text(
            geometry.year_label(year),
            Align2::LEFT_TOP,
            year.to_string(),
            small.clone(),
            visuals.strong_text_color(),
        );
        if geometry.pitch >= 12.0 {
            let weekday = |row: u32, name: &str| {
                painter.text(
                    geometry.weekday_label(year, row),
                    Align2::LEFT_CENTER,
                    name,
                    small.clone(),
                    visuals.weak_text_color(),
                );
            };
            weekday(0, "Mon");
            weekday(6, "Sun");
        }
        for month in 1..=12 {
            let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
                continue;
            };
            let last = first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|next| next.pred_opt())
                .unwrap_or(first);
            let (from, to) = (first.max(range.from), last.min(range.to));
            if from > to {
                continue;
            }
            painter.text(
                geometry.month_label(year, month - 1),
                Align2::LEFT_TOP,
                first.format("%b").to_string(),
                small.clone(),
                visuals.weak_text_color(),
            );
            for offset in 0..=(to - from).num_days().max(0) as u64 {
                let date = from + Days::new(offset);
                let Some(day) = calendar.day(date) else {
                    continue;
                };
                let square = Square {
                    step: day.value.map(|value| step(calendar.metric, value)),
                    session: day.sessions > 0,
                    care: day.care_visits > 0,
                };
                squares.add(geometry.cell(date), square, visuals);
            }
        }
    }
    squares.paint(painter);
    if let Some(day) = cursor {
        let cell = geometry.cell(day);
        painter.rect_stroke(
            cell.expand(1.0),
            2.0,
            Stroke::new(3.0, visuals.extreme_bg_color),
            StrokeKind::Outside,
        );
        painter.rect_stroke(
            cell.expand(2.0),
            2.0,
            Stroke::new(2.0, visuals.strong_text_color()),
            StrokeKind::Outside,
        );
    }
}

/// The colours from better to worse with the values each stands for, the empty square, and
/// the two marks; then what the colours mean.
pub(super) fn legend_ui(ui: &mut egui::Ui, metric: Metric) {
    let swatch = 14.0;
    let visuals = ui.visuals().clone();
    let paint = |ui: &mut egui::Ui, square: Square, text: &str| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(swatch), Sense::hover());
        let mut squares = Squares::default();
        squares.add(rect, square, &visuals);
        squares.paint(ui.painter());
        ui.label(text);
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Better");
        for index in 0..HEAT_COLORS.len() {
            let square = Square {
                step: Some(index),
                session: false,
                care: false,
            };
            paint(ui, square, &step_label(metric, index));
        }
        ui.label("Worse");
        ui.add_space(12.0);
        let empty = Square {
            step: None,
            session: false,
            care: false,
        };
        paint(ui, empty, "not logged");
        paint(
            ui,
            Square {
                session: true,
                ..empty
            },
            "massage session",
        );
        paint(
            ui,
            Square {
                care: true,
                ..empty
            },
            "other care visit",
        );
    });
    ui.label(egui::RichText::new(legend(metric)).weak());
    ui.add_space(4.0);
}
