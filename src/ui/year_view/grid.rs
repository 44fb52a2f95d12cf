//! The calendar itself: one row of months per year, each month a small grid of week columns
//! (Monday at the top), one square per day coloured on the sequential scale (darker is worse),
//! an empty outline where the metric was not logged, a ring on session days and a diamond on
//! care-visit days. Only the years in view are painted, so twenty years cost what one does.

use chrono::{Datelike as _, Days, Months, NaiveDate};
use egui::{Pos2, Rect, Stroke, Vec2, pos2, vec2};

use crate::analysis::DayRange;
use crate::analysis::calendar::week_place;
use crate::ui::widgets::{HEAT_COLORS, ink_on};

/// Width of the years' labels on the left, in points.
const LABEL_WIDTH: f32 = 40.0;
/// Room for the months' names over each row.
const HEADER: f32 = 17.0;
/// Room under each row.
const ROW_GAP: f32 = 10.0;
/// The smallest and largest step from one square to the next (the smallest for a narrow or
/// zoomed-in window: at 200% a point is two pixels).
const PITCH: (f32, f32) = (4.0, 20.0);
/// Week columns a month may span.
const WEEKS: f32 = 6.0;
/// Room between months, in steps.
const MONTH_GAP: f32 = 0.8;

/// Where everything of the calendar sits.
#[derive(Clone, Copy, Debug)]
pub(super) struct Geometry {
    /// The top left of the calendar.
    pub origin: Pos2,
    /// From one square to the next.
    pub pitch: f32,
    /// The first year (the top row).
    pub first_year: i32,
    /// How many years (rows).
    pub years: usize,
}

impl Geometry {
    /// The calendar of the years `first_year` on (`years` of them) in `width` points.
    pub fn new(origin: Pos2, width: f32, first_year: i32, years: usize) -> Self {
        let pitch = ((width - LABEL_WIDTH) / (12.0 * WEEKS + 11.0 * MONTH_GAP))
            .clamp(PITCH.0, PITCH.1)
            .floor();
        Self {
            origin,
            pitch,
            first_year,
            years,
        }
    }

    /// The whole calendar's size.
    pub fn size(&self) -> Vec2 {
        let width = LABEL_WIDTH + self.pitch * (12.0 * WEEKS + 11.0 * MONTH_GAP);
        vec2(width, self.row_height() * self.years as f32)
    }

    /// One year's height.
    pub fn row_height(&self) -> f32 {
        HEADER + 7.0 * self.pitch + ROW_GAP
    }

    /// The top of the row of `year` (its months' names above its squares).
    pub fn year_top(&self, year: i32) -> f32 {
        self.origin.y + (year - self.first_year) as f32 * self.row_height()
    }

    /// The left edge of month `month0` (0 = January).
    pub fn month_left(&self, month0: u32) -> f32 {
        self.origin.x + LABEL_WIDTH + month0 as f32 * self.pitch * (WEEKS + MONTH_GAP)
    }

    /// The side of a square.
    pub fn square(&self) -> f32 {
        (self.pitch - (self.pitch * 0.18).max(2.0)).round()
    }

    /// The square of `date`.
    pub fn cell(&self, date: NaiveDate) -> Rect {
        let (column, row) = week_place(date);
        let left = self.month_left(date.month0()) + column as f32 * self.pitch;
        let top = self.year_top(date.year()) + HEADER + row as f32 * self.pitch;
        // On whole points, so that the gaps between squares stay sharp.
        Rect::from_min_size(pos2(left.round(), top.round()), Vec2::splat(self.square()))
    }

    /// The day whose square holds `pos`, if any (in `range`).
    pub fn date_at(&self, pos: Pos2, range: DayRange) -> Option<NaiveDate> {
        let row_height = self.row_height();
        let year_index = ((pos.y - self.origin.y) / row_height).floor();
        if year_index < 0.0 || year_index as usize >= self.years {
            return None;
        }
        let year = self.first_year + year_index as i32;
        let within_row = pos.y - self.year_top(year) - HEADER;
        let month_step = self.pitch * (WEEKS + MONTH_GAP);
        let within = pos.x - self.origin.x - LABEL_WIDTH;
        if within_row < 0.0 || within < 0.0 {
            return None;
        }
        let month0 = (within / month_step).floor() as u32;
        let column = ((within - month0 as f32 * month_step) / self.pitch).floor() as u32;
        let row = (within_row / self.pitch).floor() as u32;
        if month0 > 11 || row > 6 {
            return None;
        }
        let first = NaiveDate::from_ymd_opt(year, month0 + 1, 1)?;
        let offset = (column * 7 + row).checked_sub(first.weekday().num_days_from_monday())?;
        let date = first.checked_add_days(Days::new(u64::from(offset)))?;
        (date.month0() == month0 && range.contains(date)).then_some(date)
    }

    /// Where the name of `year` is written: over the days' names, level with the months'.
    pub fn year_label(&self, year: i32) -> Pos2 {
        pos2(self.origin.x, self.year_top(year))
    }

    /// Where the name of the day of the week `row` (Monday 0) of `year` is written: the left
    /// middle of its row.
    pub fn weekday_label(&self, year: i32, row: u32) -> Pos2 {
        let top = self.year_top(year) + HEADER + row as f32 * self.pitch;
        pos2(self.origin.x, top + self.square() / 2.0)
    }

    /// Where the name of month `month0` of `year` is written.
    pub fn month_label(&self, year: i32, month0: u32) -> Pos2 {
        pos2(self.month_left(month0), self.year_top(year))
    }
}

/// How a square is drawn.
#[derive(Clone, Copy, Debug)]
pub(super) struct Square {
    /// Its step of the scale, or `None` where the metric was not logged.
    pub step: Option<usize>,
    /// A session that day.
    pub session: bool,
    /// A care visit that day.
    pub care: bool,
}

/// The squares of a frame in one mesh (a square's fill or outline and its diamond), and the
/// session rings beside it: thousands of squares cost one shape, not thousands of paths.
#[derive(Default)]
pub(super) struct Squares {
    mesh: egui::Mesh,
    rings: Vec<egui::Shape>,
}

impl Squares {
    /// Add `square` in `rect`: the step's colour, or an empty outline; a ring for a session and
    /// a diamond for a care visit, in ink that reads on the fill.
    pub fn add(&mut self, rect: Rect, square: Square, visuals: &egui::Visuals) {
        let ink = match square.step {
            Some(step) => {
                let fill = HEAT_COLORS[step.min(HEAT_COLORS.len() - 1)];
                self.mesh.add_colored_rect(rect, fill);
                ink_on(fill)
            }
            None => {
                let outline = visuals.text_color().gamma_multiply(0.45);
                let (min, max) = (rect.min, rect.max);
                for edge in [
                    Rect::from_min_max(min, pos2(max.x, min.y + 1.0)),
                    Rect::from_min_max(pos2(min.x, max.y - 1.0), max),
                    Rect::from_min_max(pos2(min.x, min.y + 1.0), pos2(min.x + 1.0, max.y - 1.0)),
                    Rect::from_min_max(pos2(max.x - 1.0, min.y + 1.0), pos2(max.x, max.y - 1.0)),
                ] {
                    self.mesh.add_colored_rect(edge, outline);
                }
                visuals.strong_text_color()
            }
        };
        let side = rect.width();
        if square.session {
            let width = (side * 0.12).max(1.2);
            self.rings.push(egui::Shape::circle_stroke(
                rect.center(),
                side * 0.34,
                Stroke::new(width, ink),
            ));
        }
        if square.care {
            let half = (side * 0.2).max(1.6);
            let c = rect.center();
            let first = self.mesh.vertices.len() as u32;
            for corner in [
                pos2(c.x, c.y - half),
                pos2(c.x + half, c.y),
                pos2(c.x, c.y + half),
                pos2(c.x - half, c.y),
            ] {
                self.mesh.colored_vertex(corner, ink);
            }
            self.mesh.add_triangle(first, first + 1, first + 2);
            self.mesh.add_triangle(first, first + 2, first + 3);
        }
    }

    /// Paint them all.
    pub fn paint(self, painter: &egui::Painter) {
        painter.add(egui::Shape::mesh(self.mesh));
        painter.extend(self.rings);
    }
}

/// The day the key moves the cursor to from `day`, within `range`: ← → a day, ↑ ↓ a week, Page
/// Up and Page Down a month (the same day of the month, or its last), Home and End the first
/// and last day.
pub(super) fn step(day: NaiveDate, key: egui::Key, range: DayRange) -> NaiveDate {
    use egui::Key;
    let moved = match key {
        Key::ArrowLeft => day.checked_sub_days(Days::new(1)),
        Key::ArrowRight => day.checked_add_days(Days::new(1)),
        Key::ArrowUp => day.checked_sub_days(Days::new(7)),
        Key::ArrowDown => day.checked_add_days(Days::new(7)),
        Key::PageUp => day.checked_sub_months(Months::new(1)),
        Key::PageDown => day.checked_add_months(Months::new(1)),
        Key::Home => Some(range.from),
        Key::End => Some(range.to),
        _ => None,
    };
    moved.unwrap_or(day).clamp(range.from, range.to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        crate::model::parse_date(text).unwrap_or_default()
    }

    #[test]
    fn each_square_is_found_again_where_it_is_drawn() {
        let range = DayRange::new(date("2024-01-01"), date("2026-12-31"));
        let geometry = Geometry::new(pos2(10.0, 20.0), 760.0, 2024, 3);
        for offset in 0..range.len() as u64 {
            let day = range.from + Days::new(offset);
            let cell = geometry.cell(day);
            assert_eq!(geometry.date_at(cell.center(), range), Some(day), "{day}");
        }
        // 1 June 2026 is a Monday: the first column's top square.
        assert_eq!(week_place(date("2026-06-01")), (0, 0));
        // 30 November 2026 is a Monday in the sixth column (1 November is a Sunday).
        assert_eq!(week_place(date("2026-11-30")), (5, 0));
        assert!(geometry.size().x <= 760.0);
    }

    #[test]
    fn the_keys_move_by_a_day_a_week_a_month_and_stay_in_the_period() {
        use egui::Key;
        let range = DayRange::new(date("2026-01-10"), date("2026-06-15"));
        let day = date("2026-03-31");
        assert_eq!(step(day, Key::ArrowRight, range), date("2026-04-01"));
        assert_eq!(step(day, Key::ArrowUp, range), date("2026-03-24"));
        assert_eq!(step(day, Key::PageDown, range), date("2026-04-30"));
        assert_eq!(step(day, Key::PageUp, range), date("2026-02-28"));
        assert_eq!(step(day, Key::End, range), range.to);
        assert_eq!(step(range.from, Key::ArrowLeft, range), range.from);
        assert_eq!(step(date("2026-06-10"), Key::ArrowDown, range), range.to);
    }
}
