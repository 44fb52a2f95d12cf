//! The journal file: where it lives, reading it, saving it atomically, and its backups.
//!
//! No egui here. The rule this module keeps: a file painlog could not read is never written
//! over, and every write is atomic (see [`write_atomic`]).

mod atomic;
pub mod backup;
mod format;
mod lock;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

pub use atomic::{create_private_folder, write_atomic};
pub use backup::Backup;
pub use format::{CURRENT_VERSION, FormatError, from_bytes, from_bytes_by_full_parse, to_text};
pub use lock::{JournalLock, LockError, lock, lock_path};

use crate::model::Journal;

/// The environment variable that names the journal file.
pub const DATA_ENV: &str = "PAINLOG_DATA";

/// The platform's per-user folders for painlog.
fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "painlog")
}

/// The default journal: the platform's data folder (on Linux `~/.local/share/painlog/journal.ron`).
pub fn default_journal_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().join("journal.ron"))
}

/// Where window preferences (size, last view) are kept: the platform's config folder,
/// away from the journal.
pub fn preferences_folder() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.config_dir().to_path_buf())
}

/// Choose the journal: an explicit path (from `--data` or `PAINLOG_DATA`) or the default.
pub fn resolve_journal_path(explicit: Option<PathBuf>) -> Result<PathBuf, LoadError> {
    match explicit {
        Some(path) if path.as_os_str().is_empty() => Err(LoadError::NoPath),
        Some(path) => Ok(path),
        None => default_journal_path().ok_or(LoadError::NoPath),
    }
}

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
            Self::Io { path, .. } | Self::Damaged { path, .. } | Self::TooNew { path, .. } => {
                Some(path)
            }
        }
    }

    /// What a person can do about it, in one sentence.
    pub fn advice(&self) -> &'static str {
        match self {
            Self::NoPath => "Name a journal file with --data PATH.",
            Self::Io { .. } => {
                "Check that the file exists and that you may read it. painlog has not changed it."
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
pub fn file_hash(path: &Path) -> io::Result<Option<u64>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(content_hash(&bytes))),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error),
    }
}

/// Read the journal at `path`. A missing file is an empty journal, not an error.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return Ok(Loaded {
                journal: Journal::new(),
                existed: false,
                hash: 0,
            });
        }
        Err(source) => {
            return Err(LoadError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let journal = from_bytes(&bytes).map_err(|error| match error {
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

/// A save that did not happen. The journal on disk is as it was before the attempt.
#[derive(Debug, thiserror::Error)]
#[error("could not save the journal {}: {}", path.display(), self.reason())]
pub struct SaveError {
    /// The journal.
    pub path: PathBuf,
    /// The cause.
    pub source: io::Error,
}

impl SaveError {
    /// Why, in words, with what to do about it.
    pub fn reason(&self) -> String {
        explain_write_error(&self.source, &self.path)
    }
}

/// Why writing `path` failed, in words a person can act on (the system's own words follow in
/// parentheses).
pub fn explain_write_error(error: &io::Error, path: &Path) -> String {
    use io::ErrorKind as Kind;
    let folder = atomic::parent_folder(path);
    let words = match error.kind() {
        Kind::StorageFull | Kind::QuotaExceeded | Kind::FileTooLarge => format!(
            "the disk holding {} is full (or the file would pass a size limit); free some space",
            folder.display()
        ),
        Kind::PermissionDenied => format!(
            "painlog is not allowed to write in {}; check that folder's permissions",
            folder.display()
        ),
        Kind::ReadOnlyFilesystem => format!(
            "the disk holding {} is read-only; choose a journal on a disk that can be written",
            folder.display()
        ),
        Kind::NotADirectory | Kind::AlreadyExists => format!(
            "a part of {} is a file, not a folder; move that file away or choose another journal path",
            folder.display()
        ),
        Kind::IsADirectory => format!(
            "{} is a folder, not a file; move it away or choose another journal path",
            path.display()
        ),
        Kind::NotFound => format!(
            "the folder {} cannot be found or made; is its disk still there?",
            folder.display()
        ),
        _ => return error.to_string(),
    };
    format!("{words} ({error})")
}

/// Save `journal` to `path`: keep the version on disk as a backup, write the new one atomically
/// (the file and any folder it creates are readable by their owner only), then prune old backups.
///
/// `now` names the backup; it is passed in so that tests control it. Returns the
/// [`content_hash`] of what was written, so that a caller knows the file it left without reading
/// it back (a sync tool may already have replaced it).
pub fn save(path: &Path, journal: &Journal, now: NaiveDateTime) -> Result<u64, SaveError> {
    let fail = |source: io::Error| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let path = &real_path(path);
    let text = to_text(journal).map_err(|error| fail(io::Error::other(error)))?;
    create_private_folder(&atomic::parent_folder(path)).map_err(fail)?;
    let backup = match path.metadata() {
        Ok(meta) if meta.is_file() => backup::keep_previous(path, now).map_err(fail)?,
        Ok(_) => {
            return Err(fail(io::Error::from(io::ErrorKind::IsADirectory)));
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(error)),
    };
    if let Err(error) = write_atomic(path, text.as_bytes()) {
        // The journal is as it was, so the backup of it just made is not needed: a failed save
        // leaves the folder exactly as it found it.
        if let Some(backup) = backup {
            let _ = fs::remove_file(backup);
        }
        return Err(fail(error));
    }
    // Housekeeping: the journal is safely written whether or not these work.
    let _ = backup::prune(path, now.date());
    atomic::remove_stale_temporaries(path);
    Ok(content_hash(text.as_bytes()))
}

/// The file a journal path really names. A symbolic link (say, into a sync folder) is followed,
/// so that saving replaces the file it points to rather than the link.
pub fn real_path(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// The line `line` of the file with its number, and a caret under `column` (both 1-based).
pub fn excerpt(path: &Path, line: usize, column: usize) -> Option<String> {
    let bytes = fs::read(path).ok()?;
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

/// The folder a journal is in (`.` for a bare file name).
pub fn folder_of(journal: &Path) -> PathBuf {
    atomic::parent_folder(journal)
}

/// Copy `from` to a new private file `to` (where a hard link is not possible).
fn copy_private_new(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = fs::File::open(from)?;
    let mut target = atomic::create_private(to)?;
    io::copy(&mut source, &mut target)?;
    target.sync_all()
}

/// What [`save_merging`] did.
#[derive(Debug)]
pub enum SaveMerge {
    /// The file was as loaded; `mine` was written.
    Saved,
    /// The file had changed; the merge of both was written.
    Merged(Journal),
    /// The file had changed and some records differ on both sides; nothing was written.
    Conflicts(crate::model::Merged),
}

/// Save `mine`, changed from `base` which was read from `path` with hash `base_hash`. If the file
/// changed since (another computer through a sync folder, an editor), merge both sides and save
/// the merge; when the same record changed both ways, write nothing and return the conflicts.
pub fn save_merging(
    path: &Path,
    base: &Journal,
    base_hash: u64,
    mine: &Journal,
    now: NaiveDateTime,
) -> Result<SaveMerge, SaveError> {
    let fail = |source: io::Error| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let current = file_hash(path).map_err(fail)?;
    if current.is_none_or(|hash| hash == base_hash) {
        save(path, mine, now)?;
        return Ok(SaveMerge::Saved);
    }
    let theirs = load(path).map_err(|error| {
        fail(io::Error::other(format!(
            "the journal changed on disk and cannot be read now ({error})"
        )))
    })?;
    let merged = crate::model::merge(base, mine, &theirs.journal);
    if !merged.conflicts.is_empty() {
        return Ok(SaveMerge::Conflicts(merged));
    }
    save(path, &merged.journal, now)?;
    Ok(SaveMerge::Merged(merged.journal))
}

/// Copies of the journal that sync tools leave beside it when two computers changed it at once:
/// Syncthing's `journal.sync-conflict-….ron`, Dropbox's and Nextcloud's `journal (… conflicted
/// copy …).ron`, ownCloud's `journal_conflict-….ron`. Copies already merged (renamed
/// `….merged`) are not listed.
pub fn conflict_copies(journal: &Path) -> Vec<PathBuf> {
    let journal = real_path(journal);
    let stem = journal
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let Ok(entries) = fs::read_dir(atomic::parent_folder(&journal)) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&stem).unwrap_or_default();
            name.ends_with(".ron")
                && !rest.is_empty()
                && (rest.starts_with(".sync-conflict-")
                    || rest.starts_with("_conflict-")
                    || (rest.starts_with(" (") && rest.contains("conflicted copy")))
        })
        .map(|entry| entry.path())
        .collect();
    copies.sort();
    copies
}

/// Restore `backup` as the journal at `path`. A journal already there is moved aside as
/// `<name>.replaced-YYYY-MM-DD_HH-MM-SS.ron` (never deleted); returns where it went.
pub fn restore(
    path: &Path,
    backup: &Path,
    now: NaiveDateTime,
) -> Result<Option<PathBuf>, RestoreError> {
    let bytes = fs::read(backup).map_err(|source| RestoreError::Unreadable {
        backup: backup.to_path_buf(),
        reason: source.to_string(),
    })?;
    from_bytes(&bytes).map_err(|error| RestoreError::Unreadable {
        backup: backup.to_path_buf(),
        reason: match error {
            FormatError::At {
                line,
                column,
                message,
            } => format!("line {line}, column {column}: {message}"),
            FormatError::TooNew { found } => {
                format!("written by a newer painlog (version {found})")
            }
        },
    })?;
    let io_error = |source: io::Error| RestoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Keep the current file under a new name first (a link, so the journal path always holds
    // a whole file), then replace the journal atomically.
    let moved = if path.exists() {
        let stem = path
            .file_stem()
            .map_or_else(|| "journal".into(), |stem| stem.to_string_lossy());
        let stamp = now.format("%Y-%m-%d_%H-%M-%S");
        let folder = atomic::parent_folder(path);
        // Never over an earlier replaced file: the first free name.
        let aside = (1..)
            .map(|n: u32| match n {
                1 => folder.join(format!("{stem}.replaced-{stamp}.ron")),
                n => folder.join(format!("{stem}.replaced-{stamp}-{n}.ron")),
            })
            .find(|aside| !aside.exists() && aside.symlink_metadata().is_err())
            .unwrap_or_else(|| folder.join(format!("{stem}.replaced-{stamp}.ron")));
        if fs::hard_link(path, &aside).is_err() {
            copy_private_new(path, &aside).map_err(io_error)?;
        }
        Some(aside)
    } else {
        None
    };
    write_atomic(path, &bytes).map_err(io_error)?;
    Ok(moved)
}

/// A backup that could not be restored.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    /// The backup itself cannot be read.
    #[error("the backup {} cannot be read: {reason}", backup.display())]
    Unreadable {
        /// The backup.
        backup: PathBuf,
        /// Why.
        reason: String,
    },
    /// Moving or writing failed.
    #[error("could not restore over {}: {source}", path.display())]
    Io {
        /// The journal.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}
