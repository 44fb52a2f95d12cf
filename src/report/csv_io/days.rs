//! The rows of `days.csv`, read by the names in its header row: any of painlog's columns, in
//! any order after `date`, so that version 1's header (without mobility, mood, own measures,
//! medications and exercises) still reads. Own measures, medications and exercises are read as
//! names here and matched to the journal's lists when imported.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::DAY_COLUMNS;
use super::cells::cell_from_csv;
use super::parse::parse_score;
use super::rows::{CsvError, Rows};
use crate::model::{
    Day, MAX_NOTE_CHARS, Metric, Score, check_item_name, check_not_future, check_text, parse_date,
    parse_map_text,
};

/// The header of an own measure's column: `measure:` and the measure's name.
pub const MEASURE_PREFIX: &str = "measure:";

/// One column of `days.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Date,
    Metric(Metric),
    /// The own measure at this place in [`DayRows::measures`].
    Measure(usize),
    Regions,
    Medications,
    Exercises,
    Note,
}

/// A row of `days.csv`: the day's own values, and what it names in the journal's lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct DayRow {
    /// The line it starts on.
    pub(super) line: u64,
    /// The values of its columns but own measures, medications and exercises.
    pub(super) day: Day,
    /// The value of each own measure column, in the order of [`DayRows::measures`].
    pub(super) measures: Vec<Option<Score>>,
    /// The medications named.
    pub(super) took: Vec<String>,
    /// The exercises named.
    pub(super) did: Vec<String>,
}

/// `days.csv` as read: which columns it has, and its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayRows {
    /// The file, as the user named it.
    pub(super) file: String,
    /// Which of the built-in scores have a column (by [`Metric::index`]).
    pub(super) metrics: [bool; Metric::COUNT],
    /// The names in the `measure:NAME` columns, in their order.
    pub(super) measures: Vec<String>,
    /// Whether there are `regions`, `medications`, `exercises` and `note` columns.
    pub(super) regions: bool,
    pub(super) took: bool,
    pub(super) did: bool,
    pub(super) note: bool,
    pub(super) rows: Vec<DayRow>,
}

impl DayRows {
    /// The days as read, without what they name in the lists (own measures, medications,
    /// exercises): the values of the file's other columns.
    pub fn days(&self) -> Vec<Day> {
        self.rows.iter().map(|row| row.day.clone()).collect()
    }

    /// How many rows were read.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// `true` when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The file, as the user named it.
    pub fn file(&self) -> &str {
        &self.file
    }
}

/// The columns `days.csv` may have, for messages.
pub(super) fn allowed_day_columns() -> String {
    format!(
        "{}, {MEASURE_PREFIX}NAME (one for each own measure), {}",
        DAY_COLUMNS[..=Metric::COUNT].join(", "),
        DAY_COLUMNS[Metric::COUNT + 1..].join(", ")
    )
}

/// The columns named by a header row, with the own measures' names; `date` must come first,
/// every other column is optional, and none may appear twice.
fn read_header(found: &[String], rows: &mut DayRows) -> Result<Vec<Column>, String> {
    if found.first().map(String::as_str) != Some("date") {
        return Err(format!(
            "the first column must be date (found: {}); the columns of days.csv are {}",
            found.join(","),
            allowed_day_columns()
        ));
    }
    let mut columns = Vec::with_capacity(found.len());
    let mut seen = BTreeSet::new();
    for name in found {
        let column = if name == "date" {
            Column::Date
        } else if let Some(metric) = Metric::ALL.into_iter().find(|m| m.key() == name) {
            rows.metrics[metric.built_in_index().unwrap_or(0)] = true;
            Column::Metric(metric)
        } else if let Some(measure) = name.strip_prefix(MEASURE_PREFIX) {
            let measure = measure.trim();
            check_item_name("the measure's name", measure).map_err(|e| format!("{name}: {e}"))?;
            rows.measures.push(measure.to_owned());
            Column::Measure(rows.measures.len() - 1)
        } else {
            match name.as_str() {
                "regions" => rows.regions = true,
                "medications" => rows.took = true,
                "exercises" => rows.did = true,
                "note" => rows.note = true,
                _ => {
                    return Err(format!(
                        "there is no column \"{name}\" in painlog's days.csv; its columns are {}",
                        allowed_day_columns()
                    ));
                }
            }
            match name.as_str() {
                "regions" => Column::Regions,
                "medications" => Column::Medications,
                "exercises" => Column::Exercises,
                _ => Column::Note,
            }
        };
        let key = match column {
            Column::Measure(at) => format!("{MEASURE_PREFIX}{}", rows.measures[at].to_lowercase()),
            _ => name.clone(),
        };
        if !seen.insert(key) {
            return Err(format!(
                "the column {name} appears twice; name each column once"
            ));
        }
        columns.push(column);
    }
    Ok(columns)
}

/// A line of `days.csv` that would be a row by itself: a date, then the other columns.
fn looks_like_day_row(line: &str, columns: usize) -> bool {
    let mut cells = line.split(',');
    cells.next().and_then(parse_date).is_some() && cells.count() + 1 >= columns
}

/// Names separated by `;`, trimmed, without empty ones.
fn names(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One row, its cells in the order of `columns`.
fn parse_row(
    columns: &[Column],
    measures: &[String],
    record: &csv::StringRecord,
    line: u64,
    today: NaiveDate,
) -> Result<DayRow, String> {
    let cell = |i: usize| cell_from_csv(record.get(i).unwrap_or_default());
    let date = parse_date(cell(0))
        .ok_or_else(|| format!("date must be YYYY-MM-DD, found \"{}\"", cell(0)))?;
    check_not_future(date, today).map_err(|e| e.to_string())?;
    let mut row = DayRow {
        line,
        day: Day::empty(date),
        measures: vec![None; measures.len()],
        took: Vec::new(),
        did: Vec::new(),
    };
    for (index, column) in columns.iter().enumerate() {
        let text = cell(index);
        match *column {
            Column::Date => {}
            Column::Metric(metric) => metric.set(&mut row.day, parse_score(metric.key(), text)?),
            Column::Measure(at) => {
                row.measures[at] = Score::parse_optional(text).map_err(|_| {
                    format!(
                        "{MEASURE_PREFIX}{} must be a whole number from 0 to 10, or empty for \
                         not logged; found \"{text}\"",
                        measures[at]
                    )
                })?;
            }
            Column::Regions => {
                row.day.regions = parse_map_text(text, ';').map_err(|e| {
                    format!(
                        "regions: {e}; places are separated by ; with an intensity as =N where \
                         logged (lower-back-left=6;neck)"
                    )
                })?;
            }
            Column::Medications => row.took = names(text),
            Column::Exercises => row.did = names(text),
            Column::Note => {
                check_text("note", text, MAX_NOTE_CHARS, true)?;
                text.clone_into(&mut row.day.note);
            }
        }
    }
    Ok(row)
}

/// Read `days.csv`; `file` names it in errors. Dates after `today` are refused, and so is a note
/// the window and the command line refuse (too long, control characters, direction overrides).
pub fn parse_days(text: &str, file: &str, today: NaiveDate) -> Result<DayRows, CsvError> {
    let (mut rows, found) = Rows::open(text, file)?;
    let mut days = DayRows {
        file: file.to_owned(),
        ..DayRows::default()
    };
    let columns = read_header(&found, &mut days).map_err(|message| rows.error(1, message))?;
    let names: Vec<&str> = found.iter().map(String::as_str).collect();
    let mut seen = BTreeSet::new();
    let looks_like_row = |line: &str| looks_like_day_row(line, columns.len());
    for (line, record) in rows.records(&names, &looks_like_row)? {
        let row = parse_row(&columns, &days.measures, &record, line, today)
            .map_err(|message| rows.error(line, message))?;
        if !seen.insert(row.day.date) {
            return Err(rows.error(
                line,
                format!("{} appears twice; one row per date", row.day.date),
            ));
        }
        days.rows.push(row);
    }
    Ok(days)
}
