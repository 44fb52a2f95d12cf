//! The trend chart as a table: a row for every day it shows, with the metrics chosen and the
//! sessions that day. Twenty years are 7,300 rows: only those in view are drawn, while a screen
//! reader is told of all of them ([`ListTable`]).

use chrono::{Days, NaiveDate};

use crate::analysis::DayRange;
use crate::model::{Journal, Metric};
use crate::report::text;
use crate::ui::list_table::{COLUMN_GAP, Cell, ListTable, Row};

use super::cursor::session_said;

/// What a screen reader calls the table (the days follow).
pub const TABLE_NAME: &str = "Trend chart as a table";

/// The days of `range`, oldest first, with the `metrics` chosen and the sessions each day;
/// returns the day clicked (or opened with Enter).
pub(super) fn table_ui(
    ui: &mut egui::Ui,
    journal: &Journal,
    metrics: &[Metric],
    range: DayRange,
    cursor: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let mut headers: Vec<String> = vec!["Date".to_owned()];
    headers.extend(metrics.iter().map(|m| m.name().to_owned()));
    headers.push("Sessions that day".to_owned());
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    // The date as wide as its longest; a metric as its name (or "10"); the sessions the rest.
    let body = egui::TextStyle::Body.resolve(ui.style());
    let width_of = |ui: &egui::Ui, text: &str| {
        ui.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(text.to_owned(), body.clone(), egui::Color32::WHITE)
                .size()
                .x
        }) + COLUMN_GAP
            + 4.0
    };
    let mut widths = vec![width_of(ui, "Wed 30 Sep 2026")];
    widths.extend(metrics.iter().map(|m| width_of(ui, m.name()).max(40.0)));
    let used: f32 = widths.iter().sum();
    widths.push((ui.available_width() - used - 12.0).max(width_of(ui, "Sessions that day")));
    let name = format!(
        "{TABLE_NAME}, {} to {}",
        text::date(range.from),
        text::date(range.to)
    );
    let table = ListTable {
        id_salt: "trends_table",
        name: &name,
        headers: &header_refs,
        rows: range.len(),
        lines: 1,
        columns: Some(&widths),
    };
    let day_of = |index: usize| range.from.checked_add_days(Days::new(index as u64));
    let clicked = table.show(ui, |index| {
        let Some(date) = day_of(index) else {
            return Row {
                cells: Vec::new(),
                selected: false,
            };
        };
        day_row(journal, metrics, date, cursor == Some(date))
    });
    clicked.and_then(day_of)
}

/// One day's row: its date, each metric ("5", or "–" read as "not logged"), its sessions.
fn day_row(journal: &Journal, metrics: &[Metric], date: NaiveDate, selected: bool) -> Row {
    let day = journal.day(date);
    let mut cells = vec![Cell::new(0, text::date(date), text::date(date))];
    for metric in metrics {
        cells.push(match day.and_then(|d| metric.of(d)) {
            Some(value) => Cell::new(0, value.to_string(), value.to_string()),
            None => Cell::new(0, "–", "not logged"),
        });
    }
    let sessions: Vec<String> = journal.sessions_on(date).iter().map(session_said).collect();
    cells.push(if sessions.is_empty() {
        Cell::new(0, "", "none")
    } else {
        let said = sessions.join("; ");
        Cell::new(0, said.clone(), said)
    });
    Row { cells, selected }
}
