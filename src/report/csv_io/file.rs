//! Reading the CSV files to import: only regular files of a sane size, and only UTF-8 text;
//! the lists are read from beside days.csv.

use std::path::Path;

use chrono::NaiveDateTime;

use super::import::CsvImport;
use super::{
    CARE_COLUMNS, EXERCISE_COLUMNS, MEASURE_COLUMNS, MEDICATION_COLUMNS, SESSION_COLUMNS,
    THERAPIST_COLUMNS, parse_care, parse_days, parse_exercises, parse_measures, parse_medications,
    parse_sessions, parse_therapists,
};
use crate::store::{MAX_JOURNAL_BYTES, ReadError, read_existing};

/// Which of painlog's CSV files a file is, told by its header row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvKind {
    /// days.csv: its header starts with `date`.
    Days,
    /// sessions.csv.
    Sessions,
    /// measures.csv.
    Measures,
    /// medications.csv.
    Medications,
    /// exercises.csv.
    Exercises,
    /// care.csv.
    Care,
    /// therapists.csv.
    Therapists,
}

impl CsvKind {
    /// The lists, read from beside days.csv.
    pub const LISTS: [Self; 5] = [
        Self::Measures,
        Self::Medications,
        Self::Exercises,
        Self::Care,
        Self::Therapists,
    ];

    /// The file's name as painlog writes it.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Days => "days.csv",
            Self::Sessions => "sessions.csv",
            Self::Measures => "measures.csv",
            Self::Medications => "medications.csv",
            Self::Exercises => "exercises.csv",
            Self::Care => "care.csv",
            Self::Therapists => "therapists.csv",
        }
    }
}

/// Which of painlog's files `text` is, from its header row (`None`: none of them).
pub fn csv_kind(text: &str) -> Option<CsvKind> {
    let header = text.trim_start_matches('\u{feff}').lines().next()?.trim();
    if header.split(',').next().map(str::trim) == Some("date") {
        return Some(CsvKind::Days);
    }
    [
        (CsvKind::Sessions, &SESSION_COLUMNS[..]),
        (CsvKind::Measures, &MEASURE_COLUMNS[..]),
        (CsvKind::Medications, &MEDICATION_COLUMNS[..]),
        (CsvKind::Exercises, &EXERCISE_COLUMNS[..]),
        (CsvKind::Care, &CARE_COLUMNS[..]),
        (CsvKind::Therapists, &THERAPIST_COLUMNS[..]),
    ]
    .into_iter()
    .find(|(_, columns)| header == columns.join(","))
    .map(|(kind, _)| kind)
}

/// Why the files of an import were not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// A file could not be read (missing, not a regular file, too big, not UTF-8): "cannot read
    /// …", with what to do.
    File(String),
    /// A header or a row is wrong: the file, its line and what is wrong.
    Row(super::CsvError),
}

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::File(message) => f.write_str(message),
            Self::Row(error) => write!(f, "{error}. Nothing was imported."),
        }
    }
}

/// Read and check the files of an import: `days` (days.csv) and `sessions` (sessions.csv), either
/// may be left out, and whichever of measures.csv, medications.csv, exercises.csv, care.csv and
/// therapists.csv are in the folder of `days` (or of `sessions` when there is no `days`). Dates and starts
/// after `now` are refused. The error says which file, which line and what to do, and that
/// nothing was imported.
pub fn read_import(
    days: Option<&Path>,
    sessions: Option<&Path>,
    now: NaiveDateTime,
) -> Result<CsvImport, ReadFailure> {
    let failed = ReadFailure::Row;
    let read_csv_file = |path: &Path| read_csv_file(path).map_err(ReadFailure::File);
    let name = |path: &Path| path.display().to_string();
    let mut import = CsvImport::default();
    if let Some(path) = days {
        import.days = parse_days(&read_csv_file(path)?, &name(path), now.date()).map_err(failed)?;
    }
    if let Some(path) = sessions {
        import.sessions =
            parse_sessions(&read_csv_file(path)?, &name(path), now).map_err(failed)?;
    }
    let Some(folder) = days.or(sessions).and_then(Path::parent) else {
        return Ok(import);
    };
    for kind in CsvKind::LISTS {
        let path = folder.join(kind.file_name());
        if std::fs::symlink_metadata(&path).is_err() {
            continue;
        }
        let (text, file) = (read_csv_file(&path)?, name(&path));
        let lists = &mut import.lists;
        match kind {
            CsvKind::Measures => lists.measures = parse_measures(&text, &file).map_err(failed)?,
            CsvKind::Medications => {
                lists.medications = parse_medications(&text, &file).map_err(failed)?;
            }
            CsvKind::Exercises => {
                lists.exercises = parse_exercises(&text, &file).map_err(failed)?;
            }
            CsvKind::Care => lists.visits = parse_care(&text, &file, now.date()).map_err(failed)?,
            CsvKind::Therapists => {
                lists.therapists = parse_therapists(&text, &file).map_err(failed)?;
            }
            CsvKind::Days | CsvKind::Sessions => {}
        }
    }
    Ok(import)
}

/// The text of a CSV file to import, or what is wrong, with what to do: a file that is missing,
/// unreadable, not a regular file, over 256 MiB or not UTF-8 is refused (without reading a pipe,
/// a device or more than the limit).
pub fn read_csv_file(file: &Path) -> Result<String, String> {
    let name = file.display();
    let bytes = read_existing(file, MAX_JOURNAL_BYTES).map_err(|error| {
        let cause = match error {
            ReadError::Refused(reason) => reason,
            ReadError::Io(error) => match error.kind() {
                std::io::ErrorKind::NotFound => "there is no such file; check the path".to_owned(),
                std::io::ErrorKind::PermissionDenied => {
                    "permission denied; check the file's permissions".to_owned()
                }
                _ => error.to_string(),
            },
        };
        format!("cannot read {name}: {cause}. Nothing was imported.")
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
        format!(
            "cannot read {name}: line {line} is not UTF-8 text. Save the file as UTF-8 (in a \
             spreadsheet, as \"CSV UTF-8\") and import it again. Nothing was imported."
        )
    })
}
