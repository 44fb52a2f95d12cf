//! An open journal in the window: the journal, its file, its lock, and saving it without being
//! asked, merging with changes made elsewhere rather than writing over them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::NaiveDateTime;

use crate::model::{Journal, Merged};
use crate::store::{self, JournalLock, LockError};

mod sync;

/// Whether the journal on disk matches the one in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// No file yet and nothing to save.
    NothingYet,
    /// The file matches what was loaded.
    Loaded,
    /// Written at this local time.
    Saved(NaiveDateTime),
    /// Changes wait for the save delay to pass.
    Pending,
    /// The last attempt failed; the changes are kept in memory.
    Failed {
        /// Why, in words.
        reason: String,
        /// When it was tried.
        at: NaiveDateTime,
    },
    /// The journal's folder is gone (a disk removed, the folder moved): the changes are kept,
    /// and saved once it is back or the user has it made again.
    FolderGone {
        /// The folder.
        folder: PathBuf,
        /// When it was tried.
        at: NaiveDateTime,
    },
    /// The file changed elsewhere and cannot be read now; nothing is written until the user
    /// chooses.
    ChangedOnDisk {
        /// Why it cannot be read.
        reason: String,
    },
    /// Records changed both here and elsewhere; nothing is written until the user chooses.
    Conflicts(usize),
    /// Another painlog holds the journal: this window only reads.
    ReadOnly,
}

/// Something that happened to the file outside the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskEvent {
    /// It changed and the window had nothing unsaved: it was read again.
    Reloaded,
    /// It changed while the window had unsaved changes: both were merged (and are saved next).
    Merged,
    /// It changed and some records differ both ways: the user chooses.
    Conflicts,
    /// It changed but cannot be read now; the window keeps what it has.
    Unreadable(String),
    /// A sync tool left a copy of the journal beside it.
    CopyFound(PathBuf),
}

/// Where the other side of a merge came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeSource {
    /// The journal file, changed elsewhere.
    Disk,
    /// A copy left by a sync tool.
    Copy(PathBuf),
}

/// A merge waiting for the user to settle its conflicts.
#[derive(Clone, Debug)]
pub struct PendingMerge {
    /// The merge, conflicts settled as "mine" until chosen.
    pub merged: Merged,
    /// Where the other side came from.
    pub source: MergeSource,
    theirs: Option<(Journal, u64)>,
}

/// What the file looked like when painlog last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// How often the window checks, by default, whether the file changed outside it.
pub const WATCH_EVERY: Duration = Duration::from_secs(2);

/// How long to wait before trying a failed save again.
pub const RETRY_AFTER: Duration = Duration::from_secs(5);

/// The journal open in the window and the bookkeeping that saves it.
pub struct Document {
    journal: Journal,
    /// The journal as last read from or written to the file, the base of a merge; `None` while
    /// it is `journal` itself (nothing changed since), so that an unchanged journal is not held
    /// twice (2.8 MB for twenty years) and a save copies nothing ([`Self::base`]).
    base: Option<Journal>,
    /// The hash of the file as last read or written (`None`: there was no file).
    disk_hash: Option<u64>,
    stamp: Option<Stamp>,
    path: PathBuf,
    /// The journal's lock (`None` where the file system cannot lock: the window still writes).
    lock: Option<JournalLock>,
    /// Another painlog holds the lock: this window only reads.
    read_only: bool,
    saved_revision: u64,
    /// Where time comes from (the save delay, retries, watching the file).
    clock: super::Clock,
    /// When the file was last looked at ([`super::Clock::tick`]); `None` until the first frame,
    /// which looks at once (so a copy a sync tool left is offered as the window opens).
    last_watch: Option<Duration>,
    first_unsaved_change: Option<Duration>,
    last_change: Option<Duration>,
    failed_at: Option<Duration>,
    status: SaveStatus,
    pending: Option<PendingMerge>,
    offered_copy: Option<PathBuf>,
    dismissed_copies: BTreeSet<PathBuf>,
    /// This window has saved since it read the journal (its first save keeps a start backup).
    started: bool,
}

impl Document {
    /// A journal just read from `path`, with the lock taken for it (or why not).
    pub fn new(
        loaded: store::Loaded,
        path: PathBuf,
        lock: Result<JournalLock, LockError>,
        clock: super::Clock,
    ) -> Self {
        let (lock, read_only) = match lock {
            Ok(lock) => (Some(lock), false),
            Err(LockError::Busy) => (None, true),
            // A lock that cannot be made (a file system without locks, a folder painlog may
            // not write in) does not stop the window; a save that fails says why.
            Err(LockError::Io { .. }) => (None, false),
        };
        Self::with_lock(loaded, path, lock, read_only, clock)
    }

    fn with_lock(
        loaded: store::Loaded,
        path: PathBuf,
        lock: Option<JournalLock>,
        read_only: bool,
        clock: super::Clock,
    ) -> Self {
        let status = if read_only {
            SaveStatus::ReadOnly
        } else if loaded.existed {
            SaveStatus::Loaded
        } else {
            SaveStatus::NothingYet
        };
        Self {
            saved_revision: loaded.journal.revision(),
            base: None,
            journal: loaded.journal,
            disk_hash: loaded.existed.then_some(loaded.hash),
            stamp: Stamp::of(&path),
            path,
            lock,
            read_only,
            clock,
            last_watch: None,
            first_unsaved_change: None,
            last_change: None,
            failed_at: None,
            status,
            pending: None,
            offered_copy: None,
            dismissed_copies: BTreeSet::new(),
            started: false,
        }
    }

    /// The journal.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// `true` when another painlog holds the journal and this window only reads it.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Try again to take the journal's lock (after the other painlog closed); reads the file
    /// afresh when it succeeds.
    pub fn try_to_write(&mut self) -> Result<(), LockError> {
        self.lock = match store::lock(&self.path) {
            Ok(lock) => Some(lock),
            Err(LockError::Busy) => return Err(LockError::Busy),
            Err(LockError::Io { .. }) => None,
        };
        self.read_only = false;
        if let Err(error) = self.reload() {
            self.status = SaveStatus::ChangedOnDisk {
                reason: error.to_string(),
            };
        }
        Ok(())
    }

    /// Let other painlogs write the journal (before this window reads it again or closes); the
    /// window only reads from now on.
    pub fn release(&mut self) {
        self.lock = None;
        self.read_only = true;
        self.offered_copy = None;
        self.status = SaveStatus::ReadOnly;
    }

    /// Change the journal; the change is saved by [`Self::save_if_due`]. A read-only window
    /// changes nothing (and says so: returns `None`).
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut Journal) -> R) -> Option<R> {
        if self.is_read_only() {
            return None;
        }
        self.keep_base();
        let result = change(&mut self.journal);
        if self.has_unsaved_changes() {
            let now = self.clock.tick();
            self.first_unsaved_change.get_or_insert(now);
            self.last_change = Some(now);
            if matches!(
                self.status,
                SaveStatus::NothingYet | SaveStatus::Loaded | SaveStatus::Saved(_)
            ) {
                self.status = SaveStatus::Pending;
            }
        }
        Some(result)
    }

    /// The journal as last read from or written to the file.
    fn base(&self) -> &Journal {
        self.base.as_ref().unwrap_or(&self.journal)
    }

    /// Keep the journal as it is on disk before the window's copy changes.
    fn keep_base(&mut self) {
        if self.base.is_none() {
            self.base = Some(self.journal.clone());
        }
    }

    /// How long ago `moment` (a [`super::Clock::tick`]) was.
    fn since(&self, moment: Duration) -> Duration {
        self.clock.tick().saturating_sub(moment)
    }

    /// What the status bar says about saving.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// The merge waiting for the user's choices, if any.
    pub fn pending_merge(&self) -> Option<&PendingMerge> {
        self.pending.as_ref()
    }

    /// A sync tool's copy offered for merging, if any.
    pub fn offered_copy(&self) -> Option<&Path> {
        self.offered_copy.as_deref()
    }

    /// `true` when the window holds changes not yet on disk.
    pub fn has_unsaved_changes(&self) -> bool {
        self.journal.revision() != self.saved_revision
    }

    /// Write the window's version over a file that changed on disk and cannot be read (the
    /// file's version is kept as a backup, as before every save).
    pub fn keep_window_version(&mut self, now: NaiveDateTime) {
        self.write(now, true, false);
    }

    /// Save when there are changes and `delay` has passed since the last one (typing is
    /// coalesced), or a second since the first (so nothing waits longer than that). After a
    /// failure, try again every [`RETRY_AFTER`]. Returns how long until the next attempt.
    pub fn save_if_due(&mut self, delay: Duration, now: NaiveDateTime) -> Option<Duration> {
        if !self.has_unsaved_changes()
            || self.is_read_only()
            || self.pending.is_some()
            || matches!(self.status, SaveStatus::ChangedOnDisk { .. })
        {
            return None;
        }
        let wait = match (self.last_change, self.first_unsaved_change) {
            (Some(last), Some(first)) => {
                let longest = Duration::from_secs(1).max(delay);
                delay
                    .saturating_sub(self.since(last))
                    .min(longest.saturating_sub(self.since(first)))
            }
            _ => self.failed_at.map_or(Duration::ZERO, |at| {
                RETRY_AFTER.saturating_sub(self.since(at))
            }),
        };
        if !wait.is_zero() {
            return Some(wait);
        }
        self.save_now(now);
        self.failed_at.map(|_| RETRY_AFTER)
    }

    /// Save at once, merging first with any change made to the file elsewhere. The outcome is in
    /// [`Self::status`].
    pub fn save_now(&mut self, now: NaiveDateTime) {
        self.write(now, false, false);
    }

    /// Make the journal's folder again (it was deleted or moved) and save into it.
    pub fn make_folder_and_save(&mut self, now: NaiveDateTime) {
        self.write(now, false, true);
    }

    fn write(&mut self, now: NaiveDateTime, overwrite_changes: bool, make_folder: bool) {
        if self.is_read_only() || self.pending.is_some() {
            return;
        }
        self.first_unsaved_change = None;
        self.last_change = None;
        // A journal that was on disk and whose folder is gone is not written to a folder made
        // anew (its disk may be unplugged, and the journal would land elsewhere) unless asked.
        let folder = store::folder_of(&store::real_path(&self.path));
        if self.disk_hash.is_some()
            && !make_folder
            && std::fs::metadata(&folder)
                .is_err_and(|error| error.kind() == std::io::ErrorKind::NotFound)
        {
            self.failed_at = Some(self.clock.tick());
            self.status = SaveStatus::FolderGone { folder, at: now };
            return;
        }
        if let Err(reason) = self.keep_lock() {
            self.failed_at = Some(self.clock.tick());
            self.status = SaveStatus::Failed { reason, at: now };
            return;
        }
        // The version this window replaces first is kept as a start backup: the journal as it
        // was before the window changed it.
        let backup = if self.started {
            store::BackupKind::Routine
        } else {
            store::BackupKind::Start
        };
        let options = store::SaveOptions::at(now)
            .backup(backup)
            .holding(self.lock.as_ref());
        let result = if overwrite_changes {
            store::save_over(&self.path, &self.journal, options)
                .map(|hash| store::SaveMerge::Saved { hash })
        } else {
            store::save_merging(
                &self.path,
                self.base(),
                self.disk_hash,
                &self.journal,
                options,
            )
        };
        match result {
            Ok(store::SaveMerge::Saved { hash }) => self.saved(hash, now),
            Ok(store::SaveMerge::Merged { journal, hash }) => {
                self.journal = journal;
                self.saved(hash, now);
            }
            Ok(store::SaveMerge::Conflicts {
                merged,
                theirs,
                theirs_hash,
            }) => {
                self.stamp = Stamp::of(&self.path);
                self.status = SaveStatus::Conflicts(merged.conflicts.len());
                self.pending = Some(PendingMerge {
                    merged,
                    source: MergeSource::Disk,
                    theirs: Some((*theirs, theirs_hash)),
                });
            }
            Err(store::SaveError::ChangedUnreadable { reason, .. }) => {
                self.stamp = Stamp::of(&self.path);
                self.status = SaveStatus::ChangedOnDisk { reason };
            }
            Err(error) => {
                self.failed_at = Some(self.clock.tick());
                self.status = SaveStatus::Failed {
                    reason: error.reason(),
                    at: now,
                };
            }
        }
    }

    /// Make sure this window still holds the journal's lock before it writes. When the lock file
    /// was removed or replaced, take a new lock if no other painlog has; otherwise say why the
    /// window stops saving (its changes stay in the window).
    fn keep_lock(&mut self) -> Result<(), String> {
        let Some(lock) = &self.lock else {
            return Ok(());
        };
        if lock.is_intact() {
            return Ok(());
        }
        let lock_path = lock.path().to_path_buf();
        self.lock = None;
        match store::lock(&self.path) {
            Ok(lock) => {
                self.lock = Some(lock);
                Ok(())
            }
            Err(LockError::Busy) => Err(format!(
                "the lock file {} was removed or replaced while this window had the journal, and another painlog has taken it since; close the other painlog, then try saving again",
                lock_path.display()
            )),
            Err(error) => Err(format!(
                "the lock file {} was removed or replaced while this window had the journal, and a new one cannot be made ({error})",
                lock_path.display()
            )),
        }
    }

    /// The journal in the window is on disk, with this hash.
    fn saved(&mut self, hash: u64, now: NaiveDateTime) {
        self.started = true;
        self.failed_at = None;
        self.saved_revision = self.journal.revision();
        self.base = None;
        self.disk_hash = Some(hash);
        self.stamp = Stamp::of(&self.path);
        self.status = SaveStatus::Saved(now);
    }
}
