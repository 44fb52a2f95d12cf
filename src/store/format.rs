//! The journal file's text: its versions, parsing with positions, and writing.

use serde::{Deserialize, Serialize};

use crate::model::{
    CareLists, CareVisit, Day, Exercise, Journal, Measure, Medication, Session, Therapist,
};

/// The format version this painlog writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 2;

/// The first line of every journal painlog writes.
const HEADER: &str = "// painlog journal: one day or session per line. Format: docs/FORMAT.md\n";

/// Why the text of a journal could not be turned into a [`Journal`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The text is damaged, foreign or invalid at a position.
    At {
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong and what was expected.
        message: String,
    },
    /// Written by a newer painlog.
    TooNew {
        /// The version in the file.
        found: u32,
    },
}

/// Only the version, read before anything else so that the right reader is chosen. Named as
/// the journal, so that a message about it names what a person knows.
#[derive(Deserialize)]
#[serde(rename = "Journal")]
struct VersionProbe {
    version: Option<u32>,
}

/// The file as read, version 1 or 2 (version 1 has no lists: [`LISTS`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Journal")]
struct FileIn {
    #[expect(dead_code, reason = "checked by the probe before this is read")]
    version: u32,
    #[serde(default)]
    next_session_id: u64,
    #[serde(default)]
    measures: Vec<Measure>,
    #[serde(default)]
    medications: Vec<Medication>,
    #[serde(default)]
    exercises: Vec<Exercise>,
    #[serde(default)]
    care: Vec<CareVisit>,
    #[serde(default)]
    therapists: Vec<Therapist>,
    #[serde(default)]
    days: Vec<Day>,
    #[serde(default)]
    sessions: Vec<Session>,
}

/// The lists version 2 added, by their names in the file, that painlog always writes.
const LISTS: [&str; 4] = ["measures", "medications", "exercises", "care"];
/// The list of therapists' details (version 2), written only when it holds any, so that a
/// journal without them stays exactly as earlier painlogs wrote it.
const THERAPISTS: &str = "therapists";

impl FileIn {
    /// The name of the first list version 1 does not have, when the file has one.
    fn list_beyond_v1(&self) -> Option<&'static str> {
        let filled = [
            !self.measures.is_empty(),
            !self.medications.is_empty(),
            !self.exercises.is_empty(),
            !self.care.is_empty(),
        ];
        LISTS
            .into_iter()
            .zip(filled)
            .find_map(|(name, filled)| filled.then_some(name))
            .or_else(|| (!self.therapists.is_empty()).then_some(THERAPISTS))
    }
}

/// The current version, as written.
#[derive(Serialize)]
#[serde(rename = "Journal")]
struct FileOut<'a> {
    version: u32,
    next_session_id: u64,
    measures: &'a [Measure],
    medications: &'a [Medication],
    exercises: &'a [Exercise],
    care: &'a [CareVisit],
    #[serde(skip_serializing_if = "<[Therapist]>::is_empty")]
    therapists: &'a [Therapist],
    days: Vec<&'a Day>,
    sessions: &'a [Session],
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The journal as the text painlog writes.
pub fn to_text(journal: &Journal) -> Result<String, ron::Error> {
    let file = FileOut {
        version: CURRENT_VERSION,
        next_session_id: journal.next_session_id(),
        measures: journal.measures(),
        medications: journal.medications(),
        exercises: journal.exercises(),
        care: journal.care_visits(),
        therapists: journal.therapist_details(),
        days: journal.days().collect(),
        sessions: journal.sessions(),
    };
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .struct_names(false)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let body = ron_options().to_string_pretty(&file, config)?;
    Ok(format!("{HEADER}{body}\n"))
}

/// How many cores parsing painlog's own layout may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cores {
    /// One: beside other work that needs the other core (the window starting up).
    One,
    /// Both: when nothing else waits (the command line).
    Both,
}

/// Read a journal from bytes, migrating older versions.
pub fn from_bytes(bytes: &[u8]) -> Result<Journal, FormatError> {
    read(bytes, Some(Cores::Both))
}

/// [`from_bytes`] on one core.
pub fn from_bytes_on(bytes: &[u8], cores: Cores) -> Result<Journal, FormatError> {
    read(bytes, Some(cores))
}

/// [`from_bytes`] without the record-by-record fast path: what the fuzz test compares it with.
#[doc(hidden)]
pub fn from_bytes_by_full_parse(bytes: &[u8]) -> Result<Journal, FormatError> {
    read(bytes, None)
}

/// `fast`: parse painlog's own layout record by record on these cores (`None`: the full parse).
fn read(bytes: &[u8], fast: Option<Cores>) -> Result<Journal, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = position_of_offset(bytes, error.valid_up_to());
        FormatError::At {
            line,
            column,
            message: "the file is not UTF-8 text; a painlog journal is a RON text file".into(),
        }
    })?;
    if text.trim().is_empty() {
        return Err(FormatError::At {
            line: 1,
            column: 1,
            message: "the file is empty; expected a painlog journal starting with `(version: …`"
                .into(),
        });
    }
    // The version is read from the start of the file when it is written the way painlog writes
    // it (saving a full parse); anything else gets the careful, full probe.
    let version = match leading_version(text) {
        Some(version) => Some(version),
        None => {
            ron_options()
                .from_str::<VersionProbe>(text)
                .map_err(from_ron)?
                .version
        }
    };
    match version {
        None => Err(FormatError::At {
            line: 1,
            column: 1,
            message: "no `version` field: this does not look like a painlog journal".into(),
        }),
        Some(found) if found > CURRENT_VERSION => Err(FormatError::TooNew { found }),
        Some(version @ 1..=CURRENT_VERSION) => read_file(text, version, fast),
        Some(found) => Err(FormatError::At {
            line: locate(text, "version", 1).map_or(1, |(line, _)| line),
            column: 1,
            message: format!(
                "version {found} is not a painlog journal version (1 to {CURRENT_VERSION})"
            ),
        }),
    }
}

/// `true` when `start` (the first bytes of a file) begins as a painlog journal does: painlog's
/// first line, or `(version: N` after comments and attributes. For refusing to write over one.
pub(crate) fn looks_like_journal(start: &[u8]) -> bool {
    let text = String::from_utf8_lossy(start);
    text.starts_with(HEADER.trim_end()) || leading_version(&text).is_some()
}

/// The format version a file at `path` starts with, written as painlog writes it (`None` when
/// it cannot be read or does not start that way).
pub(crate) fn version_of_file(path: &std::path::Path) -> Option<u32> {
    use std::io::Read as _;
    let mut start = Vec::with_capacity(512);
    std::fs::File::open(path)
        .ok()?
        .take(512)
        .read_to_end(&mut start)
        .ok()?;
    leading_version(&String::from_utf8_lossy(&start))
}

/// `version: N` as the first field of the top-level struct, after comments, attributes and
/// white space; `None` when the file does not start that way.
fn leading_version(text: &str) -> Option<u32> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(comment) = rest.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after);
        } else if rest.starts_with("#![") {
            rest = rest.split_once(']').map(|(_, after)| after)?;
        } else {
            break;
        }
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("version")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: &str = &rest[..rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len())];
    let after = rest[digits.len()..].trim_start();
    if digits.is_empty() || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    digits.parse().ok()
}

/// The records of a list laid out as painlog writes it: `    name: [],` or `    name: [`, one
/// record a line, `    ],`.
fn list_lines<'a>(lines: &mut std::str::Lines<'a>, name: &str) -> Option<Vec<&'a str>> {
    let header = lines.next()?.strip_prefix("    ")?.strip_prefix(name)?;
    match header {
        ": []," => Some(Vec::new()),
        ": [" => {
            let mut records = Vec::new();
            loop {
                let line = lines.next()?;
                if line == "    ]," {
                    return Some(records);
                }
                records.push(line.strip_prefix("        ")?.strip_suffix(',')?);
            }
        }
        _ => None,
    }
}

/// Parse each record line as a `T`, when each reads the same alone as in the file.
fn parse_records<T: serde::de::DeserializeOwned>(lines: &[&str]) -> Option<Vec<T>> {
    let options = ron_options();
    lines
        .iter()
        .map(|line| plain_record(line).then(|| options.from_str::<T>(line).ok())?)
        .collect()
}

/// The parts of a version 1 or 2 journal laid out exactly as painlog writes it (one record per
/// line), parsed record by record on two threads; `None` for any other layout or any error,
/// which the full parse then handles (and reports) exactly as before.
fn read_canonical(text: &str, cores: Cores) -> Option<FileIn> {
    // Exactly painlog's own start: anything else there (a changed attribute, say) is for the
    // full parse to read or refuse.
    let rest = text.strip_prefix(HEADER)?;
    let body = rest
        .strip_prefix("#![enable(implicit_some)]\n")
        .unwrap_or(rest)
        .strip_prefix("(\n")?;
    let mut lines = body.lines();
    let version: u32 = match lines
        .next()?
        .strip_prefix("    version: ")?
        .strip_suffix(',')?
    {
        "1" => 1,
        "2" => 2,
        _ => return None,
    };
    let next_session_id = lines
        .next()?
        .strip_prefix("    next_session_id: ")?
        .strip_suffix(',')?;
    // Plain digits only, as painlog writes them (Rust would also take "+5", RON might not).
    if next_session_id.is_empty()
        || next_session_id.len() > 1 && next_session_id.starts_with('0')
        || !next_session_id.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let next_session_id: u64 = next_session_id.parse().ok()?;
    let mut lists: [Vec<&str>; 4] = Default::default();
    let mut therapist_lines = Vec::new();
    if version >= 2 {
        for (name, list) in LISTS.into_iter().zip(&mut lists) {
            *list = list_lines(&mut lines, name)?;
        }
        let next = lines.clone().next()?;
        if next.starts_with(&format!("    {THERAPISTS}:")) {
            therapist_lines = list_lines(&mut lines, THERAPISTS)?;
        }
    }
    let day_lines = list_lines(&mut lines, "days")?;
    let session_lines = list_lines(&mut lines, "sessions")?;
    if lines.next()? != ")" || lines.any(|line| !line.trim().is_empty()) {
        return None;
    }
    let (first, second) = day_lines.split_at(day_lines.len() / 2);
    let (days, more_days, sessions) = std::thread::scope(|scope| {
        let other = (cores == Cores::Both).then(|| scope.spawn(|| parse_records::<Day>(second)));
        let days = parse_records::<Day>(first);
        let sessions = parse_records::<Session>(&session_lines);
        let more_days = match other {
            Some(other) => other.join().ok().flatten(),
            None => parse_records::<Day>(second),
        };
        (days, more_days, sessions)
    });
    let mut days = days?;
    days.extend(more_days?);
    let [measures, medications, exercises, care] = lists;
    Some(FileIn {
        version,
        next_session_id,
        measures: parse_records(&measures)?,
        medications: parse_records(&medications)?,
        exercises: parse_records(&exercises)?,
        care: parse_records(&care)?,
        therapists: parse_records(&therapist_lines)?,
        days,
        sessions: sessions?,
    })
}

/// `true` when a record's line reads the same alone as inside the whole file: one `( … )` with
/// nothing outside its strings that RON treats specially (a comment would swallow the comma
/// after it in the file; an attribute is only allowed at the top). Raw strings are left to the
/// full parse.
fn plain_record(record: &str) -> bool {
    if !record.starts_with('(') || !record.ends_with(')') {
        return false;
    }
    // Byte by byte: every character looked for is ASCII, and no byte of a longer UTF-8
    // character is an ASCII byte.
    let mut in_string = false;
    let mut escaped = false;
    let mut previous = b' ';
    for &byte in record.as_bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match byte {
                b'"' if previous == b'r' || previous == b'#' => return false,
                b'"' => in_string = true,
                b'/' | b'#' => return false,
                _ => {}
            }
        }
        previous = byte;
    }
    !in_string
}

/// Read version `version` (1 or 2); version 1 is migrated as it is read: its regions are both
/// sides, intensity not logged, and it has no lists.
fn read_file(text: &str, version: u32, fast: Option<Cores>) -> Result<Journal, FormatError> {
    let file: FileIn = match fast.and_then(|cores| read_canonical(text, cores)) {
        Some(file) => file,
        None => ron_options().from_str(text).map_err(from_ron)?,
    };
    if version == 1
        && let Some(list) = file.list_beyond_v1()
    {
        return Err(FormatError::At {
            line: locate(text, list, 1).map_or(1, |(line, _)| line),
            column: 1,
            message: format!(
                "a version 1 journal has no `{list}`; they came with version 2, so write `version: 2` at the top"
            ),
        });
    }
    let lists = CareLists {
        measures: file.measures,
        medications: file.medications,
        exercises: file.exercises,
        visits: file.care,
        therapists: file.therapists,
    };
    Journal::from_parts(file.days, file.sessions, file.next_session_id)
        .and_then(|journal| journal.with_lists(lists))
        .map_err(|error| {
            use crate::model::JournalError;
            let place = match &error {
                JournalError::DuplicateDay(date) => locate(text, &format!("\"{date}\""), 2),
                JournalError::DuplicateSession(id) => locate(text, &format!("id: {id},"), 2),
                JournalError::BadSession { id, .. } => locate(text, &format!("id: {id},"), 1),
                JournalError::NoSuchSession(_) => None,
                JournalError::BadItem { id, .. } => locate(text, &format!("(id: {id},"), 1),
                JournalError::UnknownItem { date, .. } => locate(text, &format!("\"{date}\""), 1),
                JournalError::BadTherapist { name, .. } => {
                    locate(text, &format!("(name: {}", ron_string(name)), 1)
                }
            };
            let (line, column) = place.unwrap_or((1, 1));
            FormatError::At {
                line,
                column,
                message: error.to_string(),
            }
        })
}

/// `text` as RON writes a string, quotes included.
fn ron_string(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

#[expect(clippy::needless_pass_by_value, reason = "used as map_err(from_ron)")]
fn from_ron(error: ron::error::SpannedError) -> FormatError {
    let message = match &error.code {
        ron::Error::Eof => "the file ends too early; it may have been cut off".to_owned(),
        // The reader's words name its types ("struct `Journal`"); a person knows a journal.
        code => code
            .to_string()
            .replace("struct `Journal`", "a painlog journal"),
    };
    FormatError::At {
        line: error.span.start.line,
        column: error.span.start.col,
        message,
    }
}

/// Line and column (1-based) of the `nth` occurrence (1-based) of `needle`.
fn locate(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    let offset = text.match_indices(needle).nth(nth.checked_sub(1)?)?.0;
    Some(position_of_offset(text.as_bytes(), offset))
}

fn position_of_offset(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoSpec, generate};

    #[test]
    fn the_fast_path_reads_exactly_what_the_full_parse_reads() {
        let journal = generate(DemoSpec {
            years: 3,
            sessions: 120,
            seed: 42,
            end: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
        });
        let text = to_text(&journal).unwrap();
        let fast =
            read_canonical(&text, Cores::Both).expect("painlog's own layout takes the fast path");
        let full: FileIn = ron_options().from_str(&text).unwrap();
        let as_journal = |file: FileIn| {
            Journal::from_parts(file.days, file.sessions, file.next_session_id)
                .unwrap()
                .with_lists(CareLists {
                    measures: file.measures,
                    medications: file.medications,
                    exercises: file.exercises,
                    visits: file.care,
                    therapists: file.therapists,
                })
                .unwrap()
        };
        let one_core = read_canonical(&text, Cores::One).expect("on one core too");
        assert_eq!(as_journal(fast), as_journal(full));
        assert_eq!(as_journal(one_core), journal);
        assert_eq!(from_bytes(text.as_bytes()).unwrap(), journal);
        assert_eq!(from_bytes_on(text.as_bytes(), Cores::One).unwrap(), journal);
    }

    #[test]
    fn a_record_line_takes_the_fast_path_only_when_it_reads_the_same_alone() {
        assert!(plain_record(
            r#"(date: "2026-01-02", pain: 4, note: "a // b /* c */ # \" d")"#
        ));
        // A comment would swallow the comma after it in the file.
        assert!(!plain_record(r#"(date: "2026-01-02", pain: 4)//"#));
        assert!(!plain_record(r#"(date: "2026-01-02", pain: 4) // c)"#));
        assert!(!plain_record(r#"(date: "2026-01-02", /* c */ pain: 4)"#));
        // An attribute belongs at the top of the file only.
        assert!(!plain_record(
            r#"#![enable(implicit_some)](date: "2026-01-02")"#
        ));
        assert!(!plain_record(r##"(date: "2026-01-02", note: r#"raw"#)"##));
        assert!(!plain_record(r#"(date: "2026-01-02", note: "open)"#));
        // Read byte by byte: characters of several bytes are neither quotes nor escapes.
        assert!(plain_record(
            r#"(date: "2026-01-02", note: "ébène → ☀ \"ß\"")"#
        ));
        assert!(!plain_record(r#"(date: "2026-01-02", note: "ж") /* ж */"#));
        assert!(!plain_record(r#"(date: "2026-01-02", note: "ü\")"#));
    }

    #[test]
    fn anything_else_takes_the_full_parse() {
        let hand_written = "(version: 1, days: [(date: \"2026-01-02\", pain: 4)])";
        assert!(read_canonical(hand_written, Cores::Both).is_none());
        assert_eq!(from_bytes(hand_written.as_bytes()).unwrap().day_count(), 1);
        let mut journal = Journal::new();
        let mut day = Day::empty(crate::model::parse_date("2026-01-02").unwrap());
        day.note = "a note".into();
        journal.set_day(day);
        let text = to_text(&journal)
            .unwrap()
            .replace("note: \"a note\"", "note: 12");
        assert!(
            read_canonical(&text, Cores::Both).is_none(),
            "a bad line falls back"
        );
        assert!(
            matches!(
                from_bytes(text.as_bytes()),
                Err(FormatError::At { line: 10, .. })
            ),
            "and is reported at its place"
        );
    }
}
