//! Saving the journal: keep the version on disk as a backup, stage the new one beside it, look
//! at the file and the lock one last time, then rename.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::atomic::{self, create_private_folder};
use super::backup::{self, BackupKind};
use super::explain::explain_write_error;
use super::format::to_text;
use super::hook::run_before_rename_hook;
use super::load::{content_hash, file_hash};
use super::lock::JournalLock;
use super::paths::real_path;
use crate::model::Journal;

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
pub(super) enum Expect {
    /// Whatever it holds (the user chose to write over it).
    Anything,
    /// The content with this hash, or no file (a journal whose file was deleted is written again).
    Hash(Option<u64>),
}

/// Save `journal` to `path`: keep the version on disk as a backup, write the new one atomically
/// (the file and any folder it creates are readable by their owner only), then prune old
/// backups. Writes whatever the file holds now; [`save_merging`](super::save_merging) is the
/// save that notices a change made elsewhere.
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
pub(super) struct Changed;

/// One attempt at a save; a file that changed before the rename is [`SaveError::KeptChanging`].
pub(super) fn write_journal(
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
pub(super) fn try_write(
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
            // A journal of an older format is kept, never pruned, before it is first rewritten.
            let kind = match super::format::version_of_file(path) {
                Some(version) if version < super::format::CURRENT_VERSION => {
                    BackupKind::OlderVersion(version)
                }
                _ => options.backup,
            };
            backup::keep_previous(path, options.now, kind).map_err(&fail)?
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
    // Housekeeping: the journal is safely written whether or not these work, so a prune that
    // fails is dropped (the old backups it would have deleted stay, harmless).
    let _ = backup::prune(path, options.now, backup.as_deref());
    atomic::remove_stale_temporaries(path, options.lock.is_some());
    Ok(Ok(content_hash(text.as_bytes())))
}
