//! The journal as two CSV files, `days.csv` and `sessions.csv`, and back.
//!
//! RFC 4180 (quoted where needed, CRLF line ends, UTF-8), ISO dates, numbers rather than labels
//! (scores 0–10, empty when not logged), regions and focus as `;`-separated names. Exporting,
//! importing into an empty journal and exporting again gives byte-identical files.
//!
//! One file a job: `write` (the two files out), `cells` (formulas made inert and restored),
//! `file` (reading a file to import), `rows` (records with their lines), `quotes` (quoting that
//! cannot be what was meant), `parse` (rows as days and sessions), `import` (the merge into the
//! journal).

mod cells;
mod file;
mod import;
mod parse;
mod quotes;
mod rows;
mod write;

pub use file::read_csv_file;
pub use import::{ImportSummary, import_csv};
pub use parse::{parse_days, parse_sessions};
pub use rows::CsvError;
pub use write::{days_csv, export_csv, sessions_csv};

/// The columns of `days.csv`.
pub const DAY_COLUMNS: [&str; 10] = [
    "date",
    "pain",
    "worst_pain",
    "stiffness",
    "sleep",
    "stress",
    "mobility",
    "mood",
    "regions",
    "note",
];

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
