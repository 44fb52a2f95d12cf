//! Writing `days.csv`, `sessions.csv` and the lists beside them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::cells::cell_for_csv;
use super::lists::yes_no;
use super::{
    CARE_COLUMNS, DAY_COLUMNS, EXERCISE_COLUMNS, MEASURE_COLUMNS, MEASURE_PREFIX,
    MEDICATION_COLUMNS, SESSION_COLUMNS, THERAPIST_COLUMNS,
};
use crate::analysis::DayRange;
use crate::model::{
    ItemId, Journal, Metric, START_FORMAT, Score, SessionKind, map_to_text, set_to_text,
};
use crate::store::{WriteError, check_targets, write_other_file};

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Write one record as it is (the header row).
fn write_record<S: AsRef<[u8]>>(
    out: &mut csv::Writer<Vec<u8>>,
    record: impl IntoIterator<Item = S>,
) {
    // Ignored because it cannot fail: the writer writes into memory, and every record of a file
    // has that file's number of columns.
    let _ = out.write_record(record);
}

/// Write one row, every cell made inert for spreadsheets.
fn write_row<S: AsRef<str>>(out: &mut csv::Writer<Vec<u8>>, row: &[S]) {
    write_record(
        out,
        row.iter()
            .map(|cell| cell_for_csv(cell.as_ref()).into_owned()),
    );
}

fn score(value: Option<Score>) -> String {
    value.map_or_else(String::new, |s| s.to_string())
}

/// `days.csv` for the days of `range` (all days when `None`): a column for each own measure
/// (retired ones too) after `mood`; medications and exercises by name.
pub fn days_csv(journal: &Journal, range: Option<DayRange>) -> String {
    let mut out = writer();
    let fixed = Metric::COUNT + 1;
    let mut header: Vec<String> = DAY_COLUMNS[..fixed]
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    header.extend(
        journal
            .measures()
            .iter()
            .map(|m| format!("{MEASURE_PREFIX}{}", m.name)),
    );
    header.extend(DAY_COLUMNS[fixed..].iter().map(|c| (*c).to_owned()));
    write_record(&mut out, &header);
    let names = |ids: &BTreeSet<ItemId>, name: &dyn Fn(ItemId) -> Option<String>| {
        ids.iter()
            .filter_map(|id| name(*id))
            .collect::<Vec<_>>()
            .join(";")
    };
    for day in journal
        .days()
        .filter(|d| range.is_none_or(|r| r.contains(d.date)))
    {
        let mut row = vec![day.date.to_string()];
        row.extend(Metric::ALL.iter().map(|m| score(m.of(day))));
        row.extend(
            journal
                .measures()
                .iter()
                .map(|m| score(day.measures.get(&m.id).copied())),
        );
        row.push(map_to_text(&day.regions, ";"));
        row.push(names(&day.took, &|id| {
            journal.medication(id).map(|m| m.name.clone())
        }));
        row.push(names(&day.did, &|id| {
            journal.exercise(id).map(|e| e.name.clone())
        }));
        row.push(day.note.clone());
        write_row(&mut out, &row);
    }
    finish(out)
}

/// `measures.csv`: the own measures, in the journal's order (retired ones too).
pub fn measures_csv(journal: &Journal) -> String {
    let mut out = writer();
    write_record(&mut out, MEASURE_COLUMNS);
    for measure in journal.measures() {
        write_row(
            &mut out,
            &[
                measure.id.to_string(),
                measure.name.clone(),
                measure.worse.cli_name().to_owned(),
                yes_no(measure.retired).to_owned(),
            ],
        );
    }
    finish(out)
}

/// `medications.csv`, in the journal's order.
pub fn medications_csv(journal: &Journal) -> String {
    let mut out = writer();
    write_record(&mut out, MEDICATION_COLUMNS);
    let date = |date: Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    for medication in journal.medications() {
        write_row(
            &mut out,
            &[
                medication.id.to_string(),
                medication.name.clone(),
                medication.dose.clone(),
                yes_no(medication.as_needed).to_owned(),
                date(medication.from),
                date(medication.until),
            ],
        );
    }
    finish(out)
}

/// `exercises.csv`, in the journal's order; `session` is the id of a session in sessions.csv.
pub fn exercises_csv(journal: &Journal) -> String {
    let mut out = writer();
    write_record(&mut out, EXERCISE_COLUMNS);
    for exercise in journal.exercises() {
        write_row(
            &mut out,
            &[
                exercise.id.to_string(),
                exercise.name.clone(),
                exercise.session.map(|s| s.to_string()).unwrap_or_default(),
                exercise.per_week.map(|n| n.to_string()).unwrap_or_default(),
            ],
        );
    }
    finish(out)
}

/// `care.csv`: the visits to other care of `range` (all when `None`), by date.
pub fn care_csv(journal: &Journal, range: Option<DayRange>) -> String {
    let mut out = writer();
    write_record(&mut out, CARE_COLUMNS);
    for visit in journal
        .care_visits()
        .iter()
        .filter(|v| range.is_none_or(|r| r.contains(v.date)))
    {
        write_row(
            &mut out,
            &[
                visit.id.to_string(),
                visit.date.to_string(),
                visit.kind.cli_name().to_owned(),
                visit.name.clone(),
                visit.note.clone(),
            ],
        );
    }
    finish(out)
}

/// `therapists.csv`: the therapists' details, by name.
pub fn therapists_csv(journal: &Journal) -> String {
    let mut out = writer();
    write_record(&mut out, THERAPIST_COLUMNS);
    for therapist in journal.therapist_details() {
        write_row(
            &mut out,
            &[
                &therapist.name,
                &therapist.practice,
                &therapist.address,
                &therapist.licence,
            ],
        );
    }
    finish(out)
}

/// `sessions.csv` for the sessions of `range` (all when `None`).
pub fn sessions_csv(journal: &Journal, range: Option<DayRange>) -> String {
    let mut out = writer();
    write_record(&mut out, SESSION_COLUMNS);
    for session in journal
        .sessions()
        .iter()
        .filter(|s| range.is_none_or(|r| r.contains(s.date())))
    {
        let kind_name = match &session.kind {
            SessionKind::Other(name) => name.clone(),
            _ => String::new(),
        };
        let row = [
            session.id.to_string(),
            session.start.format(START_FORMAT).to_string(),
            session.kind.cli_name().to_owned(),
            kind_name,
            session.minutes.to_string(),
            session.therapist.clone().unwrap_or_default(),
            session
                .pressure
                .map(|p| p.cli_name().to_owned())
                .unwrap_or_default(),
            set_to_text(&session.focus, ";"),
            session
                .cost
                .map(|c| c.amount.to_string())
                .unwrap_or_default(),
            session
                .cost
                .map(|c| c.currency.to_string())
                .unwrap_or_default(),
            score(session.pain_before),
            score(session.pain_after),
            score(session.soreness),
            session.note.clone(),
        ];
        write_row(&mut out, &row);
    }
    finish(out)
}

/// The files of a CSV export, in the order they are written.
pub const CSV_FILES: [&str; 7] = [
    "days.csv",
    "sessions.csv",
    "measures.csv",
    "medications.csv",
    "exercises.csv",
    "care.csv",
    "therapists.csv",
];

/// Write [`CSV_FILES`] into `folder` (created if missing), each atomically and readable by its
/// owner only; refused, with nothing written, when any would replace a file painlog keeps for
/// the journal at `journal_path`. The lists are written whole; days, sessions and care visits
/// only for `range` (all when `None`). Returns the paths.
pub fn export_csv(
    journal: &Journal,
    range: Option<DayRange>,
    folder: &Path,
    journal_path: &Path,
) -> Result<Vec<PathBuf>, WriteError> {
    let paths: Vec<PathBuf> = CSV_FILES.iter().map(|name| folder.join(name)).collect();
    let mut targets: Vec<&Path> = vec![folder];
    targets.extend(paths.iter().map(PathBuf::as_path));
    check_targets(&targets, journal_path)?;
    if folder.exists() && !folder.is_dir() {
        return Err(WriteError::NotAFolder {
            path: folder.to_path_buf(),
        });
    }
    let texts = [
        days_csv(journal, range),
        sessions_csv(journal, range),
        measures_csv(journal),
        medications_csv(journal),
        exercises_csv(journal),
        care_csv(journal, range),
        therapists_csv(journal),
    ];
    for (path, text) in paths.iter().zip(texts) {
        write_other_file(path, text.as_bytes(), journal_path)?;
    }
    Ok(paths)
}
