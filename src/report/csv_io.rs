//! The journal as two CSV files, `days.csv` and `sessions.csv`, and back.
//!
//! RFC 4180 (quoted where needed, CRLF line ends, UTF-8), ISO dates, numbers rather than labels
//! (scores 0–10, empty when not logged), regions and focus as `;`-separated names. Exporting,
//! importing into an empty journal and exporting again gives byte-identical files.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::analysis::DayRange;
use crate::model::{
    Amount, Cost, Currency, Day, Journal, KindChoice, MAX_NAME_CHARS, MAX_NOTE_CHARS, Metric,
    Minutes, Pressure, Region, START_FORMAT, Score, Session, SessionId, SessionKind,
    check_not_future, check_start_not_future, check_text, parse_date, parse_start,
};
use crate::store::{WriteError, check_targets, write_other_file};

/// The columns of `days.csv`.
pub const DAY_COLUMNS: [&str; 8] = [
    "date",
    "pain",
    "worst_pain",
    "stiffness",
    "sleep",
    "stress",
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

/// What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection): `=`,
/// `+`, `-`, `@`, a tab and a carriage return at its start.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: one that a spreadsheet would run as a formula gets a leading apostrophe,
/// as OWASP recommends, and so does one that already starts with an apostrophe (so that
/// [`cell_from_csv`] can tell the two apart and every text comes back exactly as typed).
fn cell_for_csv(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) || text.starts_with('\'') {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A cell as read: exactly the reverse of [`cell_for_csv`]. A leading apostrophe is removed only
/// where painlog would have added it (before a formula character or another apostrophe), so a
/// hand-written "'Tis" stays as it is.
fn cell_from_csv(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => text,
    }
}

/// Write one row, every cell made inert for spreadsheets.
fn write_row<S: AsRef<str>>(out: &mut csv::Writer<Vec<u8>>, row: &[S]) {
    // Writing into memory cannot fail.
    let _ = out.write_record(
        row.iter()
            .map(|cell| cell_for_csv(cell.as_ref()).into_owned()),
    );
}

fn score(value: Option<Score>) -> String {
    value.map_or_else(String::new, |s| s.to_string())
}

fn names<'a>(regions: impl IntoIterator<Item = &'a Region>) -> String {
    regions
        .into_iter()
        .map(|r| r.cli_name())
        .collect::<Vec<_>>()
        .join(";")
}

/// `days.csv` for the days of `range` (all days when `None`).
pub fn days_csv(journal: &Journal, range: Option<DayRange>) -> String {
    let mut out = writer();
    let _ = out.write_record(DAY_COLUMNS);
    for day in journal
        .days()
        .filter(|d| range.is_none_or(|r| r.contains(d.date)))
    {
        let mut row = vec![day.date.to_string()];
        row.extend(Metric::ALL.iter().map(|m| score(m.of(day))));
        row.push(names(&day.regions));
        row.push(day.note.clone());
        write_row(&mut out, &row);
    }
    finish(out)
}

/// `sessions.csv` for the sessions of `range` (all when `None`).
pub fn sessions_csv(journal: &Journal, range: Option<DayRange>) -> String {
    let mut out = writer();
    let _ = out.write_record(SESSION_COLUMNS);
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
            names(&session.focus),
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

/// The text of a CSV file to import, or what is wrong, with what to do: a file that is missing,
/// unreadable, not a regular file, over 256 MiB or not UTF-8 is refused (without reading a pipe,
/// a device or more than the limit).
pub fn read_csv_file(file: &Path) -> Result<String, String> {
    use crate::store::{MAX_JOURNAL_BYTES, ReadError, read_existing};
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

/// A row (or a file) that cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct CsvError {
    /// The file, as the user named it.
    pub file: String,
    /// The line in the file (the header is line 1).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// What an import added and changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Days that were not in the journal.
    pub days_added: usize,
    /// Days that were, now replaced by the imported values.
    pub days_updated: usize,
    /// Sessions added.
    pub sessions_added: usize,
    /// Sessions that matched one in the journal and were replaced.
    pub sessions_updated: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} days added, {} updated; {} sessions added, {} updated",
            self.days_added, self.days_updated, self.sessions_added, self.sessions_updated
        )
    }
}

struct Rows<'a> {
    file: &'a str,
    text: &'a str,
    reader: csv::Reader<&'a [u8]>,
}

/// Lines (1-based) of records at byte offsets, counted from where the last one was found, so
/// that numbering every record of a file is linear in its length. Counted here because with CRLF
/// line ends the csv crate places a record at the `\n` before it (and counts one line short).
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Bytes counted so far, and the line at that byte.
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let bytes = self.bytes;
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.at {
            // Records come in order; a step back starts the count again.
            self.at = 0;
            self.line = 1;
        }
        self.line += bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.at = start;
        self.line
    }
}

impl<'a> Rows<'a> {
    fn new(text: &'a str, file: &'a str, columns: &[&str]) -> Result<Self, CsvError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|error| CsvError {
            file: file.to_owned(),
            line: 1,
            message: format!("cannot read the header row: {error}"),
        })?;
        let found: Vec<&str> = headers.iter().map(str::trim).collect();
        if found != columns {
            return Err(CsvError {
                file: file.to_owned(),
                line: 1,
                message: format!(
                    "the header row must be exactly: {} (found: {})",
                    columns.join(","),
                    found.join(",")
                ),
            });
        }
        Ok(Self { file, text, reader })
    }

    fn error(&self, line: u64, message: impl Into<String>) -> CsvError {
        CsvError {
            file: self.file.to_owned(),
            line,
            message: message.into(),
        }
    }

    /// Every record with its line number, or the first error. `looks_like_row` tells a line of
    /// text that would be a whole row of this file by itself.
    fn records(
        &mut self,
        columns: &[&str],
        looks_like_row: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<(u64, csv::StringRecord)>, CsvError> {
        let (file, text) = (self.file, self.text);
        check_quotes(text, looks_like_row).map_err(|(line, message)| self.error(line, message))?;
        let mut records = Vec::new();
        let mut lines = LineCounter::new(text);
        for record in self.reader.records() {
            let record = record.map_err(|error| CsvError {
                file: file.to_owned(),
                line: error.position().map_or(0, |p| lines.line_at(p.byte())),
                message: describe_csv_error(&error, columns),
            })?;
            let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
            records.push((line, record));
        }
        Ok(records)
    }
}

/// What the csv crate found wrong, in the words of the file's columns.
fn describe_csv_error(error: &csv::Error, columns: &[&str]) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => {
            let hint = if usize::try_from(*len).is_ok_and(|len| len > columns.len()) {
                "; a value with a comma in it (a note, a name) must be in double quotes"
            } else {
                ""
            };
            format!(
                "{len} columns where there should be {} ({}){hint}",
                columns.len(),
                columns.join(",")
            )
        }
        _ => format!("this row cannot be read as CSV ({error})"),
    }
}

/// Quoting that the csv crate reads without complaint but that cannot be what was meant: a
/// quoted field that is never closed (the crate takes the rest of the file into it), one that
/// runs on over lines that look like rows of their own (its closing `"` missing, and a later
/// row's quote taken for it), and text after a field's closing quote. Returns the line and what
/// is wrong.
///
/// A quoted field over several lines (a note with new lines, as painlog exports it) is fine.
fn check_quotes(text: &str, looks_like_row: &dyn Fn(&str) -> bool) -> Result<(), (u64, String)> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let mut state = State::FieldStart;
    let mut line = 1_u64;
    let mut opened_on = 1_u64;
    // The first line inside the open quoted field that looks like a row of its own.
    let mut swallowed = None;
    for (at, byte) in text.bytes().enumerate() {
        state = match (state, byte) {
            (State::FieldStart, b'"') => {
                opened_on = line;
                swallowed = None;
                State::Quoted
            }
            (State::FieldStart | State::Unquoted | State::AfterQuote, b',' | b'\r' | b'\n') => {
                State::FieldStart
            }
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted, b'"') => match swallowed {
                Some(row_line) => {
                    return Err((
                        opened_on,
                        format!(
                            "a quoted field starting on this line runs on into line {row_line}, \
                             which looks like a row of its own; a closing \" is missing (inside \
                             quotes, write a \" as \"\")"
                        ),
                    ));
                }
                None => State::AfterQuote,
            },
            (State::Quoted, b'\n') => {
                let next = text[at + 1..].split('\n').next().unwrap_or_default();
                if swallowed.is_none() && looks_like_row(next.trim_end_matches('\r')) {
                    swallowed = Some(line + 1);
                }
                State::Quoted
            }
            // A doubled quote inside quotes stands for one quote.
            (State::Quoted, _) | (State::AfterQuote, b'"') => State::Quoted,
            (State::AfterQuote, _) => {
                return Err((
                    line,
                    "text follows the closing \" of a quoted field; inside quotes, write a \" \
                     as \"\" (two quotes)"
                        .to_owned(),
                ));
            }
        };
        if byte == b'\n' {
            line += 1;
        }
    }
    if state == State::Quoted {
        return Err((
            opened_on,
            "a quoted field is never closed (a \" is missing), so it takes in every line after \
             it; end the field with \", and write a \" inside it as \"\""
                .to_owned(),
        ));
    }
    Ok(())
}

/// A line of `days.csv` that would be a row by itself: a date, then the other columns.
fn looks_like_day_row(line: &str) -> bool {
    let mut cells = line.split(',');
    cells.next().and_then(parse_date).is_some() && cells.count() + 1 >= DAY_COLUMNS.len()
}

/// A line of `sessions.csv` that would be a row by itself: an id, a start, the other columns.
fn looks_like_session_row(line: &str) -> bool {
    let cells: Vec<&str> = line.split(',').collect();
    cells.len() >= SESSION_COLUMNS.len()
        && cells[0].trim().chars().all(|c| c.is_ascii_digit())
        && parse_start(cells[1]).is_some()
}

fn parse_score(column: &str, text: &str) -> Result<Option<Score>, String> {
    Score::parse_optional(text).map_err(|_| {
        format!("{column} must be a whole number from 0 to 10, or empty for not logged; found \"{text}\"")
    })
}

fn parse_regions(column: &str, text: &str) -> Result<BTreeSet<Region>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| {
            Region::from_cli_name(name).ok_or_else(|| {
                format!(
                    "{column}: unknown region \"{name}\"; use {} separated by ;",
                    Region::ALL.map(Region::cli_name).join(", ")
                )
            })
        })
        .collect()
}

/// Read `days.csv`; `file` names it in errors. Dates after `today` are refused, and so is a note
/// the window and the command line refuse (too long, control characters, direction overrides).
pub fn parse_days(text: &str, file: &str, today: NaiveDate) -> Result<Vec<Day>, CsvError> {
    let mut rows = Rows::new(text, file, &DAY_COLUMNS)?;
    let mut seen = BTreeSet::new();
    let mut days = Vec::new();
    for (line, record) in rows.records(&DAY_COLUMNS, &looks_like_day_row)? {
        let field = |i: usize| cell_from_csv(record.get(i).unwrap_or_default());
        let day = (|| -> Result<Day, String> {
            let date = parse_date(field(0))
                .ok_or_else(|| format!("date must be YYYY-MM-DD, found \"{}\"", field(0)))?;
            check_not_future(date, today).map_err(|e| e.to_string())?;
            let mut day = Day::empty(date);
            for (index, metric) in Metric::ALL.into_iter().enumerate() {
                *metric.slot(&mut day) = parse_score(metric.key(), field(index + 1))?;
            }
            day.regions = parse_regions("regions", field(6))?;
            check_text("note", field(7), MAX_NOTE_CHARS, true)?;
            day.note = field(7).to_owned();
            Ok(day)
        })()
        .map_err(|message| rows.error(line, message))?;
        if !seen.insert(day.date) {
            return Err(rows.error(
                line,
                format!("{} appears twice; one row per date", day.date),
            ));
        }
        days.push(day);
    }
    Ok(days)
}

fn parse_session(field: &dyn Fn(usize) -> String, now: NaiveDateTime) -> Result<Session, String> {
    let start = parse_start(&field(1))
        .ok_or_else(|| format!("start must be YYYY-MM-DDTHH:MM, found \"{}\"", field(1)))?;
    check_not_future(start.date(), now.date()).map_err(|e| e.to_string())?;
    check_start_not_future(start, now).map_err(|e| format!("start: {e}"))?;
    let choice = KindChoice::from_cli_name(&field(2)).ok_or_else(|| {
        format!(
            "kind must be one of {}, found \"{}\"",
            KindChoice::ALL.map(KindChoice::cli_name).join(", "),
            field(2)
        )
    })?;
    let kind_name = field(3);
    if choice != KindChoice::Other && !kind_name.is_empty() {
        return Err("kind_name is only for the kind other".to_owned());
    }
    check_text("kind_name", &kind_name, MAX_NAME_CHARS, false)?;
    let kind = match choice {
        KindChoice::Other => SessionKind::Other(kind_name),
        choice => SessionKind::from_choice(choice, ""),
    };
    let minutes = Minutes::parse(&field(4)).map_err(|e| format!("minutes: {e}"))?;
    let mut session = Session::new(start, kind, minutes);
    let id = field(0);
    if !id.trim().is_empty() {
        let id: u64 = id
            .trim()
            .parse()
            .map_err(|_| format!("id must be a whole number, found \"{id}\""))?;
        session.id = SessionId(id);
        if let Some(problem) = session.problem() {
            return Err(problem);
        }
    }
    let therapist = field(5);
    check_text("therapist", &therapist, MAX_NAME_CHARS, false)?;
    session.therapist = (!therapist.is_empty()).then_some(therapist);
    let pressure = field(6);
    if !pressure.trim().is_empty() {
        session.pressure = Some(Pressure::from_cli_name(&pressure).ok_or_else(|| {
            format!("pressure must be light, medium, firm or deep, found \"{pressure}\"")
        })?);
    }
    session.focus = parse_regions("focus", &field(7))?;
    let (amount, currency) = (field(8), field(9));
    session.cost = match (amount.trim().is_empty(), currency.trim().is_empty()) {
        (true, true) => None,
        (true, false) => return Err("currency is given but cost is empty".to_owned()),
        (false, true) => return Err("cost needs a currency such as USD".to_owned()),
        (false, false) => Some(Cost {
            amount: Amount::parse(&amount).map_err(|e| format!("cost: {e}"))?,
            currency: Currency::parse(&currency).map_err(|e| format!("currency: {e}"))?,
        }),
    };
    session.pain_before = parse_score("pain_before", &field(10))?;
    session.pain_after = parse_score("pain_after", &field(11))?;
    session.soreness = parse_score("soreness", &field(12))?;
    check_text("note", &field(13), MAX_NOTE_CHARS, true)?;
    session.note = field(13);
    Ok(session)
}

/// Read `sessions.csv`; `file` names it in errors. Sessions that start later than `now` are
/// refused, and so is text the window and the command line refuse (too long, control
/// characters, direction overrides).
pub fn parse_sessions(
    text: &str,
    file: &str,
    now: NaiveDateTime,
) -> Result<Vec<Session>, CsvError> {
    let mut rows = Rows::new(text, file, &SESSION_COLUMNS)?;
    let mut ids = BTreeSet::new();
    let mut sessions = Vec::new();
    for (line, record) in rows.records(&SESSION_COLUMNS, &looks_like_session_row)? {
        let field = |i: usize| cell_from_csv(record.get(i).unwrap_or_default()).to_owned();
        let session = parse_session(&field, now).map_err(|message| rows.error(line, message))?;
        if session.id.0 != 0 && !ids.insert(session.id) {
            return Err(rows.error(line, format!("the id {} appears twice", session.id)));
        }
        sessions.push(session);
    }
    Ok(sessions)
}

/// Put imported days and sessions into `journal`. The imported values win over what the journal
/// had; a session matches one in the journal with the same id and start, or else the same start
/// and kind; other sessions are added (with their own id when it is free). Linear in the rows
/// (plus one sort), whatever the size of the journal.
pub fn import_csv(journal: &mut Journal, days: Vec<Day>, sessions: Vec<Session>) -> ImportSummary {
    use std::collections::HashMap;
    let mut summary = ImportSummary::default();
    for day in days {
        match journal.day(day.date) {
            Some(existing) if *existing == day => {}
            Some(_) => summary.days_updated += 1,
            None if day.is_empty() => continue,
            None => summary.days_added += 1,
        }
        journal.set_day(day);
    }
    if sessions.is_empty() {
        return summary;
    }
    // What the journal holds, looked up by id and by start and kind (the first session with a
    // start and kind, as a search from the oldest finds it).
    let mut by_id: HashMap<SessionId, Session> = journal
        .sessions()
        .iter()
        .map(|session| (session.id, session.clone()))
        .collect();
    let mut by_start: HashMap<(NaiveDateTime, SessionKind), SessionId> = HashMap::new();
    for session in journal.sessions() {
        by_start
            .entry((session.start, session.kind.clone()))
            .or_insert(session.id);
    }
    let mut put = Vec::with_capacity(sessions.len());
    for mut session in sessions {
        let same_id = by_id
            .get(&session.id)
            .filter(|existing| session.id.0 != 0 && existing.start == session.start)
            .map(|existing| existing.id);
        let same_start = || {
            by_start
                .get(&(session.start, session.kind.clone()))
                .copied()
        };
        if let Some(id) = same_id.or_else(same_start) {
            session.id = id;
            if by_id.get(&id) != Some(&session) {
                summary.sessions_updated += 1;
                by_id.insert(id, session.clone());
                put.push(session);
            }
            continue;
        }
        if session.id.0 == 0 || by_id.contains_key(&session.id) {
            session.normalize();
            session.id = journal.take_session_id();
        }
        summary.sessions_added += 1;
        by_start
            .entry((session.start, session.kind.clone()))
            .or_insert(session.id);
        by_id.insert(session.id, session.clone());
        put.push(session);
    }
    journal.put_sessions(put);
    summary
}
