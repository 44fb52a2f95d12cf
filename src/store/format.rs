//! The journal file's text: its versions, parsing with positions, and writing.

use serde::{Deserialize, Serialize};

use crate::model::{Day, Journal, Session};

/// The format version this painlog writes. Older versions are migrated on load.
pub const CURRENT_VERSION: u32 = 1;

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

/// Only the version, read before anything else so that the right reader is chosen.
#[derive(Deserialize)]
struct VersionProbe {
    version: Option<u32>,
}

/// Version 1 of the file, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Journal")]
struct FileV1 {
    #[expect(dead_code, reason = "checked by the probe before this is read")]
    version: u32,
    #[serde(default)]
    next_session_id: u64,
    #[serde(default)]
    days: Vec<Day>,
    #[serde(default)]
    sessions: Vec<Session>,
}

/// The current version, as written.
#[derive(Serialize)]
#[serde(rename = "Journal")]
struct FileOut<'a> {
    version: u32,
    next_session_id: u64,
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

/// Read a journal from bytes, migrating older versions.
pub fn from_bytes(bytes: &[u8]) -> Result<Journal, FormatError> {
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
        Some(1) => read_v1(text),
        Some(found) => Err(FormatError::At {
            line: locate(text, "version", 1).map_or(1, |(line, _)| line),
            column: 1,
            message: format!(
                "version {found} is not a painlog journal version (1 to {CURRENT_VERSION})"
            ),
        }),
    }
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

fn read_v1(text: &str) -> Result<Journal, FormatError> {
    let file: FileV1 = ron_options().from_str(text).map_err(from_ron)?;
    Journal::from_parts(file.days, file.sessions, file.next_session_id).map_err(|error| {
        use crate::model::JournalError;
        let place = match &error {
            JournalError::DuplicateDay(date) => locate(text, &format!("\"{date}\""), 2),
            JournalError::DuplicateSession(id) => locate(text, &format!("id: {id},"), 2),
            JournalError::BadSession { id, .. } => locate(text, &format!("id: {id},"), 1),
            JournalError::NoSuchSession(_) => None,
        };
        let (line, column) = place.unwrap_or((1, 1));
        FormatError::At {
            line,
            column,
            message: error.to_string(),
        }
    })
}

#[expect(clippy::needless_pass_by_value, reason = "used as map_err(from_ron)")]
fn from_ron(error: ron::error::SpannedError) -> FormatError {
    let message = match &error.code {
        ron::Error::Eof => "the file ends too early; it may have been cut off".to_owned(),
        code => code.to_string(),
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
