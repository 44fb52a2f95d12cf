//! The journal as CSV files, and back: `days.csv` and `sessions.csv`, and beside them the lists
//! `measures.csv`, `medications.csv`, `exercises.csv`, `care.csv` and `therapists.csv`.
//!
//! RFC 4180 (quoted where needed, CRLF line ends, UTF-8), ISO dates, numbers and plain words
//! rather than labels (scores 0–10, empty when not logged; `higher`, `yes`, `doctor`), regions
//! as `lower-back-left=6;neck`, focus, medications and exercises as `;`-separated names.
//! Exporting, importing into an empty journal and exporting again gives byte-identical files.
//!
//! One file a job: `write` (the files out), `cells` (formulas made inert and restored), `file`
//! (reading the files to import), `rows` (records with their lines), `quotes` (quoting that
//! cannot be what was meant), `days` (rows of days.csv, by the names in its header), `parse`
//! (rows as sessions), `lists` (rows of the list files), `import` (the merge into the journal).

mod cells;
mod days;
mod file;
mod import;
mod lists;
mod parse;
mod quotes;
mod rows;
mod write;

pub(crate) use cells::cell_for_csv;
pub use days::{DayRows, MEASURE_PREFIX, parse_days};
pub use file::{CsvKind, ReadFailure, csv_kind, read_csv_file, read_import};
pub use import::{CsvImport, ImportSummary, import_csv};
pub use lists::{parse_care, parse_exercises, parse_measures, parse_medications, parse_therapists};
pub use parse::parse_sessions;
pub use rows::CsvError;
pub use write::{
    CSV_FILES, care_csv, days_csv, exercises_csv, export_csv, measures_csv, medications_csv,
    sessions_csv, therapists_csv,
};

/// The columns of `days.csv` as painlog writes it; a column `measure:NAME` for each own measure
/// (in the journal's order) comes after `mood`. On import only `date` is needed, first; the
/// others may come in any order, and any may be left out (its values then stay as they are).
pub const DAY_COLUMNS: [&str; 12] = [
    "date",
    "pain",
    "worst_pain",
    "stiffness",
    "sleep",
    "stress",
    "mobility",
    "mood",
    "regions",
    "medications",
    "exercises",
    "note",
];

/// The columns of `days.csv` as version 1 wrote it (still read).
pub const DAY_COLUMNS_V1: [&str; 8] = [
    "date",
    "pain",
    "worst_pain",
    "stiffness",
    "sleep",
    "stress",
    "regions",
    "note",
];

/// The columns of `measures.csv`: the own measures.
pub const MEASURE_COLUMNS: [&str; 4] = ["id", "name", "worse", "retired"];

/// The columns of `medications.csv`.
pub const MEDICATION_COLUMNS: [&str; 6] = ["id", "name", "dose", "as_needed", "from", "until"];

/// The columns of `exercises.csv`: the home exercises.
pub const EXERCISE_COLUMNS: [&str; 4] = ["id", "name", "session", "per_week"];

/// The columns of `care.csv`: visits to other care.
pub const CARE_COLUMNS: [&str; 5] = ["id", "date", "kind", "name", "note"];

/// The columns of `therapists.csv`: the therapists' details, by name.
pub const THERAPIST_COLUMNS: [&str; 4] = ["name", "practice", "address", "licence"];

/// The columns of `sessions.csv`.
pub const SESSION_COLUMNS: [&str; 14] = [
    "id",
    "start",
    "kind",
    "kind_name",
    "minutes",
    "therapist",
    "pressure",
    "focus",
    "cost",
    "currency",
    "pain_before",
    "pain_after",
    "soreness",
    "note",
];
