//! Writing `days.csv` and `sessions.csv`.

use std::path::{Path, PathBuf};

use super::cells::cell_for_csv;
use super::{DAY_COLUMNS, SESSION_COLUMNS};
use crate::analysis::DayRange;
use crate::model::{Journal, Metric, START_FORMAT, Score, SessionKind, map_to_text, set_to_text};
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

/// `days.csv` for the days of `range` (all days when `None`).
pub fn days_csv(journal: &Journal, range: Option<DayRange>) -> String {
    let mut out = writer();
    write_record(&mut out, DAY_COLUMNS);
    for day in journal
        .days()
        .filter(|d| range.is_none_or(|r| r.contains(d.date)))
    {
        let mut row = vec![day.date.to_string()];
        row.extend(Metric::ALL.iter().map(|m| score(m.of(day))));
        row.push(map_to_text(&day.regions, ";"));
        row.push(day.note.clone());
        write_row(&mut out, &row);
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

/// Write `days.csv` and `sessions.csv` into `folder` (created if missing), atomically and
/// readable by their owner only; refused, with nothing written, when either would replace a file
/// painlog keeps for the journal at `journal_path`. Returns the two paths.
pub fn export_csv(
    journal: &Journal,
    range: Option<DayRange>,
    folder: &Path,
    journal_path: &Path,
) -> Result<[PathBuf; 2], WriteError> {
    let days = folder.join("days.csv");
    let sessions = folder.join("sessions.csv");
    check_targets(&[folder, &days, &sessions], journal_path)?;
    if folder.exists() && !folder.is_dir() {
        return Err(WriteError::NotAFolder {
            path: folder.to_path_buf(),
        });
    }
    write_other_file(&days, days_csv(journal, range).as_bytes(), journal_path)?;
    write_other_file(
        &sessions,
        sessions_csv(journal, range).as_bytes(),
        journal_path,
    )?;
    Ok([days, sessions])
}
