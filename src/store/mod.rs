//! The journal file: where it lives, reading it, saving it atomically, and its backups.
//!
//! No egui here. The rule this module keeps: a file painlog could not read is never written
//! over, and every write is atomic (see [`write_atomic`]).

mod atomic;
pub mod backup;
mod format;
mod kept;
mod lock;
mod read;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

pub use atomic::{create_private_folder, write_atomic};
pub use backup::{Backup, BackupKind};
pub use format::{CURRENT_VERSION, FormatError, from_bytes, from_bytes_by_full_parse, to_text};
pub use kept::{KeptFile, refuse_kept_file};
pub use lock::{JournalLock, LockError, lock, lock_path};
pub use read::{MAX_JOURNAL_BYTES, ReadError, describe_size, read_existing, read_limited};

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
pub enum SaveError {
    /// The file system refused.
    #[error("could not save the journal {}: {}", path.display(), explain_write_error(source, path))]
    Io {
        /// The journal.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The journal changed on disk (another computer through a sync folder, an editor) and the
    /// changed file cannot be read, so it is not written over.
    #[error("the journal {} changed on disk and cannot be read now ({reason}); painlog has not written over it", path.display())]
    ChangedUnreadable {
        /// The journal.
        path: PathBuf,
        /// Why it cannot be read.
        reason: String,
    },
    /// The journal kept changing on disk while painlog tried to save (each time it merged and
    /// tried again).
    #[error("the journal {} kept changing on disk while painlog was saving; nothing was written over it. Try again when the other program (a sync tool?) has finished", path.display())]
    KeptChanging {
        /// The journal.
        path: PathBuf,
    },
    /// The lock file this painlog held was removed or replaced: another painlog may be writing.
    #[error("the lock file {} was removed or replaced while this painlog had the journal open, so another painlog may be writing it; painlog stopped without saving", lock.display())]
    LockLost {
        /// The lock file.
        lock: PathBuf,
    },
}

impl SaveError {
    fn io(path: &Path) -> impl Fn(io::Error) -> Self + '_ {
        move |source| Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Why, in words, with what to do about it.
    pub fn reason(&self) -> String {
        match self {
            Self::Io { path, source } => explain_write_error(source, path),
            Self::ChangedUnreadable { reason, .. } => format!(
                "the journal changed on disk and cannot be read now ({reason}); painlog has not written over it"
            ),
            Self::KeptChanging { .. } => "the journal kept changing on disk while painlog was saving; nothing was written over it".to_owned(),
            Self::LockLost { lock } => format!(
                "the lock file {} was removed or replaced, so another painlog may be writing the journal; painlog stopped saving",
                lock.display()
            ),
        }
    }

    /// The I/O error behind a failed write, if that is what it was.
    pub fn io_error(&self) -> Option<&io::Error> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
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

/// How a save is made.
#[derive(Clone, Copy, Debug)]
pub struct SaveOptions<'a> {
    /// The local time now: it names the backup and decides which old backups go.
    pub now: NaiveDateTime,
    /// Why the version replaced is kept.
    pub backup: BackupKind,
    /// The journal's lock, when the writer holds it: checked before writing, and leftovers of
    /// killed saves are cleared at once.
    pub lock: Option<&'a JournalLock>,
}

impl<'a> SaveOptions<'a> {
    /// A routine save at `now`, without a lock.
    pub fn at(now: NaiveDateTime) -> Self {
        Self {
            now,
            backup: BackupKind::Routine,
            lock: None,
        }
    }

    /// The same, holding `lock`.
    #[must_use]
    pub fn holding(mut self, lock: Option<&'a JournalLock>) -> Self {
        self.lock = lock;
        self
    }

    /// The same, keeping the replaced version as a backup of `kind`.
    #[must_use]
    pub fn backup(mut self, kind: BackupKind) -> Self {
        self.backup = kind;
        self
    }
}

/// What the file must still hold, right before a save replaces it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Whatever it holds (the user chose to write over it).
    Anything,
    /// The content with this hash, or no file (a journal whose file was deleted is written again).
    Hash(Option<u64>),
}

/// Save `journal` to `path`: keep the version on disk as a backup, write the new one atomically
/// (the file and any folder it creates are readable by their owner only), then prune old
/// backups. Writes whatever the file holds now; [`save_merging`] is the save that notices a
/// change made elsewhere.
///
/// `now` names the backup; it is passed in so that tests control it. Returns the
/// [`content_hash`] of what was written, so that a caller knows the file it left without reading
/// it back (a sync tool may already have replaced it).
pub fn save(path: &Path, journal: &Journal, now: NaiveDateTime) -> Result<u64, SaveError> {
    write_journal(path, journal, SaveOptions::at(now), Expect::Anything)
}

/// [`save`] with options: a start backup, a lock.
pub fn save_over(
    path: &Path,
    journal: &Journal,
    options: SaveOptions<'_>,
) -> Result<u64, SaveError> {
    write_journal(path, journal, options, Expect::Anything)
}

/// The file changed between the read and the rename (only with [`Expect::Hash`]).
struct Changed;

fn write_journal(
    path: &Path,
    journal: &Journal,
    options: SaveOptions<'_>,
    expect: Expect,
) -> Result<u64, SaveError> {
    match try_write(path, journal, options, expect)? {
        Ok(hash) => Ok(hash),
        Err(Changed) => Err(SaveError::KeptChanging {
            path: path.to_path_buf(),
        }),
    }
}

/// One attempt at a save: `Ok(Err(Changed))` when the file no longer holds what was expected
/// right before the rename (nothing written then, the backup made for it removed).
fn try_write(
    path: &Path,
    journal: &Journal,
    options: SaveOptions<'_>,
    expect: Expect,
) -> Result<Result<u64, Changed>, SaveError> {
    let lock_lost = |lock: &JournalLock| SaveError::LockLost {
        lock: lock.path().to_path_buf(),
    };
    if let Some(lock) = options.lock
        && !lock.is_intact()
    {
        return Err(lock_lost(lock));
    }
    let fail = SaveError::io(path);
    let path = &real_path(path);
    let text = to_text(journal).map_err(|error| fail(io::Error::other(error)))?;
    create_private_folder(&atomic::parent_folder(path)).map_err(&fail)?;
    let backup = match path.metadata() {
        Ok(meta) if meta.is_file() => {
            backup::keep_previous(path, options.now, options.backup).map_err(&fail)?
        }
        Ok(meta) if meta.is_dir() => {
            return Err(fail(io::Error::from(io::ErrorKind::IsADirectory)));
        }
        Ok(_) => {
            return Err(fail(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the journal's path names something that is not a regular file (a pipe or a device); choose another journal path",
            )));
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(error)),
    };
    // A failed save leaves the folder as it found it: the backup just made goes again.
    let undo_backup = |backup: Option<PathBuf>| {
        if let Some(backup) = backup {
            // Best effort: a leftover backup is a harmless extra copy of the journal.
            let _ = fs::remove_file(backup);
        }
    };
    let staged = match atomic::stage(path, text.as_bytes()) {
        Ok(staged) => staged,
        Err(error) => {
            undo_backup(backup);
            return Err(fail(error));
        }
    };
    run_before_rename_hook(path);
    // The last look before the rename: a version another program wrote while this one was being
    // prepared must not be replaced unseen, and neither may a lock another painlog took.
    let changed = match expect {
        Expect::Anything => false,
        Expect::Hash(expected) => match file_hash(path) {
            Ok(None) => false,
            Ok(now) => now != expected,
            Err(_) => true,
        },
    };
    if changed {
        drop(staged);
        undo_backup(backup);
        return Ok(Err(Changed));
    }
    if let Some(lock) = options.lock
        && !lock.is_intact()
    {
        drop(staged);
        undo_backup(backup);
        return Err(lock_lost(lock));
    }
    if let Err(error) = staged.commit() {
        undo_backup(backup);
        return Err(fail(error));
    }
    // Housekeeping: the journal is safely written whether or not these work.
    let _ = backup::prune(path, options.now, backup.as_deref());
    atomic::remove_stale_temporaries(path, options.lock.is_some());
    Ok(Ok(content_hash(text.as_bytes())))
}

/// A file other than the journal (an export, a demo journal) that was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The path names a file painlog keeps; nothing was written.
    #[error(transparent)]
    Kept(#[from] KeptFile),
    /// Files go into a folder, and this path is a file; nothing was written.
    #[error("could not write to {}: it is a file, not a folder; choose a folder (new or existing) for the files", path.display())]
    NotAFolder {
        /// The path.
        path: PathBuf,
    },
    /// The folder could not be made; nothing was written.
    #[error("could not create {}: {}", folder.display(), explain_write_error(source, folder))]
    Folder {
        /// The folder.
        folder: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The file system refused; nothing was written.
    #[error("could not write {}: {}", path.display(), explain_write_error(source, path))]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// Refuse each of `targets` that names a file painlog keeps for `journal` (see
/// [`refuse_kept_file`]); nothing is written either way.
pub fn check_targets(targets: &[&Path], journal: &Path) -> Result<(), WriteError> {
    for target in targets {
        refuse_kept_file(target, journal)?;
    }
    Ok(())
}

/// Write a file that is not the journal (an export): refused when it names a file painlog keeps
/// for `journal`; otherwise its folder is made if missing (private) and the file written
/// atomically, readable by its owner only.
pub fn write_other_file(target: &Path, bytes: &[u8], journal: &Path) -> Result<(), WriteError> {
    refuse_kept_file(target, journal)?;
    let folder = atomic::parent_folder(target);
    create_private_folder(&folder).map_err(|source| WriteError::Folder {
        folder: folder.clone(),
        source,
    })?;
    write_atomic(target, bytes).map_err(|source| WriteError::Io {
        path: target.to_path_buf(),
        source,
    })
}

type RenameHook = Box<dyn FnMut(&Path)>;

thread_local! {
    static BEFORE_RENAME: std::cell::RefCell<Option<RenameHook>> =
        const { std::cell::RefCell::new(None) };
}

/// Run `hook` on this thread each time a save has written its temporary file and is about to
/// look at the journal one last time before the rename (`None` removes it). For tests: it plays
/// the sync tool that writes the journal in that gap.
#[doc(hidden)]
pub fn set_before_rename_hook(hook: Option<RenameHook>) {
    BEFORE_RENAME.with(|cell| *cell.borrow_mut() = hook);
}

fn run_before_rename_hook(path: &Path) {
    // Taken out while it runs, so that a hook may itself save (without running again).
    let hook = BEFORE_RENAME.with(|cell| cell.borrow_mut().take());
    if let Some(mut hook) = hook {
        hook(path);
        BEFORE_RENAME.with(|cell| {
            cell.borrow_mut().get_or_insert(hook);
        });
    }
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

/// The folder a journal is in (`.` for a bare file name).
pub fn folder_of(journal: &Path) -> PathBuf {
    atomic::parent_folder(journal)
}

/// Copy `from` to a new private file `to` (where a hard link is not possible).
pub(crate) fn copy_private_new(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = fs::File::open(from)?;
    let mut target = atomic::create_private(to)?;
    io::copy(&mut source, &mut target)?;
    target.sync_all()
}

/// What [`save_merging`] did.
#[derive(Debug)]
pub enum SaveMerge {
    /// The file was as read; `mine` was written, with this hash.
    Saved {
        /// The [`content_hash`] of what was written.
        hash: u64,
    },
    /// The file had changed; the merge of both was written.
    Merged {
        /// What was written.
        journal: Journal,
        /// Its [`content_hash`].
        hash: u64,
    },
    /// The file had changed and some records differ on both sides; nothing was written.
    Conflicts {
        /// The merge, with its conflicts.
        merged: crate::model::Merged,
        /// The file's version.
        theirs: Journal,
        /// The hash of the file's version.
        theirs_hash: u64,
    },
}

/// How often a save merges again when the file keeps changing under it.
const MERGE_ATTEMPTS: usize = 5;

/// Save `mine`, changed from `base` which was read from `path` when its hash was `base_hash`
/// (`None`: there was no file). If the file changed since (another computer through a sync
/// folder, an editor), merge both sides and save the merge; when the same record changed both
/// ways, write nothing and return the conflicts. The file is looked at again right before the
/// rename, so a version written during the save is merged too, never replaced unseen.
pub fn save_merging(
    path: &Path,
    base: &Journal,
    base_hash: Option<u64>,
    mine: &Journal,
    options: SaveOptions<'_>,
) -> Result<SaveMerge, SaveError> {
    let mut base_hash = base_hash;
    let mut base = std::borrow::Cow::Borrowed(base);
    let mut mine = std::borrow::Cow::Borrowed(mine);
    let mut merged_once = false;
    if fs::metadata(path).is_ok_and(|meta| !meta.is_file()) {
        // A folder or a pipe where the journal should be: the write says what is in the way,
        // and writes nothing.
        let hash = write_journal(path, &mine, options, Expect::Anything)?;
        return Ok(SaveMerge::Saved { hash });
    }
    for _ in 0..MERGE_ATTEMPTS {
        let current = file_hash(path).map_err(|error| SaveError::ChangedUnreadable {
            path: path.to_path_buf(),
            reason: error.to_string(),
        })?;
        if current.is_some() && current != base_hash {
            let theirs = load(path).map_err(|error| SaveError::ChangedUnreadable {
                path: path.to_path_buf(),
                reason: error.to_string(),
            })?;
            let merged = crate::model::merge(&base, &mine, &theirs.journal);
            if !merged.conflicts.is_empty() {
                return Ok(SaveMerge::Conflicts {
                    merged,
                    theirs: theirs.journal,
                    theirs_hash: theirs.hash,
                });
            }
            merged_once = true;
            base_hash = Some(theirs.hash);
            base = std::borrow::Cow::Owned(theirs.journal);
            mine = std::borrow::Cow::Owned(merged.journal);
        }
        match try_write(path, &mine, options, Expect::Hash(base_hash))? {
            Ok(hash) if merged_once => {
                return Ok(SaveMerge::Merged {
                    journal: mine.into_owned(),
                    hash,
                });
            }
            Ok(hash) => return Ok(SaveMerge::Saved { hash }),
            Err(Changed) => {}
        }
    }
    Err(SaveError::KeptChanging {
        path: path.to_path_buf(),
    })
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
    let bytes =
        read_existing(backup, MAX_JOURNAL_BYTES).map_err(|error| RestoreError::Unreadable {
            backup: backup.to_path_buf(),
            reason: error.to_string(),
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
