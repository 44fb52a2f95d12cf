//! Reading the journal: a missing file is a new journal, a damaged one an error that says where.

use std::io;
use std::path::{Path, PathBuf};

use super::format::{CURRENT_VERSION, Cores, FormatError, from_bytes_on};
use super::paths::DATA_ENV;
use super::read::{MAX_JOURNAL_BYTES, ReadError, read_limited};
use crate::model::Journal;

/// A journal file that could not be read. Whatever the cause, the file was left untouched.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// No path given and the platform has no data folder (no home folder).
    #[error(
        "painlog cannot tell where to keep the journal: there is no home folder. Give a file with --data PATH or {DATA_ENV}=PATH"
    )]
    NoPath,
    /// The file system refused.
    #[error("could not read the journal {}: {source}", path.display())]
    Io {
        /// The journal.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// Not a regular file, or too large to be a journal: refused without reading it.
    #[error("painlog does not read {} as a journal: {reason}", path.display())]
    Refused {
        /// The path.
        path: PathBuf,
        /// Why, in words.
        reason: String,
    },
    /// The text is damaged, foreign or invalid.
    #[error("the journal {} cannot be read: line {line}, column {column}: {message}", path.display())]
    Damaged {
        /// The journal.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong and what was expected.
        message: String,
    },
    /// Written by a newer painlog.
    #[error(
        "the journal {} was written by a newer painlog (format version {found}); this painlog reads versions up to {CURRENT_VERSION}. Update painlog to open it",
        path.display()
    )]
    TooNew {
        /// The journal.
        path: PathBuf,
        /// The version found in the file.
        found: u32,
    },
}

impl LoadError {
    /// The file concerned, if there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::NoPath => None,
            Self::Io { path, .. }
            | Self::Refused { path, .. }
            | Self::Damaged { path, .. }
            | Self::TooNew { path, .. } => Some(path),
        }
    }

    /// What a person can do about it, in one sentence.
    pub fn advice(&self) -> &'static str {
        match self {
            Self::NoPath => "Name a journal file with --data PATH.",
            Self::Io { .. } => {
                "Check that the file exists and that you may read it. painlog has not changed it."
            }
            Self::Refused { .. } => {
                "painlog has not changed it. Give the path of a journal file (journal.ron) with --data PATH."
            }
            Self::Damaged { .. } => {
                "painlog has not changed the file. Fix it in a text editor at that place, or restore one of the backups beside it."
            }
            Self::TooNew { .. } => {
                "painlog has not changed the file. Install a newer painlog, or restore a backup written by this version."
            }
        }
    }
}

/// A journal read from disk.
#[derive(Debug)]
pub struct Loaded {
    /// Its content.
    pub journal: Journal,
    /// `false` when no file was there yet (a new, empty journal).
    pub existed: bool,
    /// A hash of the file's bytes (0 when there was no file), to notice a later change.
    pub hash: u64,
}

/// A hash of a file's content, to tell whether it changed (not for security).
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The hash of the journal file as it is now, or `None` when there is no file.
pub fn file_hash(path: &Path) -> Result<Option<u64>, ReadError> {
    Ok(read_limited(path, MAX_JOURNAL_BYTES)?.map(|bytes| content_hash(&bytes)))
}

/// Read the journal at `path`. A missing file is an empty journal, not an error; something
/// that is not a regular file, or is over [`MAX_JOURNAL_BYTES`], is refused without reading it.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_on(path, Cores::Both)
}

/// [`load`] on one core: the window reads its journal while eframe sets up the window and the
/// graphics on the other, and a second parsing thread would only slow both (measured: start-up
/// 1.11× the empty window with two, 1.02× with one, on two cores).
pub fn load_on(path: &Path, cores: Cores) -> Result<Loaded, LoadError> {
    let bytes = match read_limited(path, MAX_JOURNAL_BYTES) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Ok(Loaded {
                journal: Journal::new(),
                existed: false,
                hash: 0,
            });
        }
        Err(ReadError::Refused(reason)) => {
            return Err(LoadError::Refused {
                path: path.to_path_buf(),
                reason,
            });
        }
        Err(ReadError::Io(source)) => {
            return Err(LoadError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let journal = from_bytes_on(&bytes, cores).map_err(|error| match error {
        FormatError::At {
            line,
            column,
            message,
        } => LoadError::Damaged {
            path: path.to_path_buf(),
            line,
            column,
            message,
        },
        FormatError::TooNew { found } => LoadError::TooNew {
            path: path.to_path_buf(),
            found,
        },
    })?;
    Ok(Loaded {
        journal,
        existed: true,
        hash: content_hash(&bytes),
    })
}

/// The line `line` of the file with its number, and a caret under `column` (both 1-based).
pub fn excerpt(path: &Path, line: usize, column: usize) -> Option<String> {
    let bytes = read_limited(path, MAX_JOURNAL_BYTES).ok()??;
    let text = String::from_utf8_lossy(&bytes);
    let content: String = text
        .lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .take(400)
        .collect();
    let gutter = format!("{line} | ");
    let caret = " ".repeat(gutter.chars().count() + column.saturating_sub(1).min(400));
    Some(format!("{gutter}{content}\n{caret}^"))
}
