//! An open journal in the window: the journal, its file, and saving it without being asked.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDateTime;

use crate::model::Journal;
use crate::store;

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
    /// The file changed on disk (another painlog, a command, an editor) while the window had
    /// unsaved changes: painlog does not write over it until the user chooses.
    ChangedOnDisk,
}

/// What the file looked like when painlog last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl DiskStamp {
    fn of_bytes(bytes: &[u8], meta: Option<&std::fs::Metadata>) -> Self {
        use std::hash::{Hash as _, Hasher as _};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut hasher);
        Self {
            len: bytes.len() as u64,
            modified: meta.and_then(|meta| meta.modified().ok()),
            hash: hasher.finish(),
        }
    }

    /// The stamp of the file now, or `None` when there is no file.
    fn read(path: &Path) -> Option<Self> {
        let bytes = std::fs::read(path).ok()?;
        let meta = std::fs::metadata(path).ok();
        Some(Self::of_bytes(&bytes, meta.as_ref()))
    }

    /// `true` when the file's size or time differ (cheap; then compare the content).
    fn looks_different(&self, path: &Path) -> bool {
        match std::fs::metadata(path) {
            Ok(meta) => meta.len() != self.len || meta.modified().ok() != self.modified,
            Err(_) => true,
        }
    }
}

/// How often the window checks, by default, whether the file changed outside it.
pub const WATCH_EVERY: Duration = Duration::from_secs(2);

/// How long to wait before trying a failed save again.
pub const RETRY_AFTER: Duration = Duration::from_secs(5);

/// The journal open in the window and the bookkeeping that saves it.
pub struct Document {
    journal: Journal,
    path: PathBuf,
    saved_revision: u64,
    disk: Option<DiskStamp>,
    last_watch: Instant,
    first_unsaved_change: Option<Instant>,
    last_change: Option<Instant>,
    failed_at: Option<Instant>,
    status: SaveStatus,
}

/// Something that happened to the file outside the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskEvent {
    /// It changed and the window had nothing unsaved: it was read again.
    Reloaded,
    /// It changed but cannot be read now; the window keeps what it has.
    Unreadable(String),
}

impl Document {
    /// A journal just read from `path` (`existed` is false for a new, empty journal).
    pub fn new(journal: Journal, path: PathBuf, existed: bool) -> Self {
        Self {
            saved_revision: journal.revision(),
            journal,
            disk: if existed {
                DiskStamp::read(&path)
            } else {
                None
            },
            path,
            last_watch: Instant::now(),
            first_unsaved_change: None,
            last_change: None,
            failed_at: None,
            status: if existed {
                SaveStatus::Loaded
            } else {
                SaveStatus::NothingYet
            },
        }
    }

    /// The journal.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Change the journal; the change is saved by [`Self::save_if_due`].
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut Journal) -> R) -> R {
        let result = change(&mut self.journal);
        if self.has_unsaved_changes() {
            let now = Instant::now();
            self.first_unsaved_change.get_or_insert(now);
            self.last_change = Some(now);
            if matches!(
                self.status,
                SaveStatus::NothingYet | SaveStatus::Loaded | SaveStatus::Saved(_)
            ) {
                self.status = SaveStatus::Pending;
            }
        }
        result
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the status bar says about saving.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// `true` when the window holds changes not yet on disk.
    pub fn has_unsaved_changes(&self) -> bool {
        self.journal.revision() != self.saved_revision
    }

    /// `true` when the file on disk is no longer the one painlog last read or wrote
    /// (compared by content, not by its time alone).
    ///
    /// Only a file with other content counts: a file that is gone is simply written again, and
    /// something that is not a file makes the save fail with its own message.
    fn changed_on_disk(&self) -> bool {
        if !self.path.is_file() {
            return false;
        }
        match (&self.disk, DiskStamp::read(&self.path)) {
            (Some(known), Some(now)) => known.hash != now.hash,
            (None, Some(_)) => true,
            (_, None) => false,
        }
    }

    /// A cheap first look: the file's size or time differ from the last read or write.
    fn may_have_changed_on_disk(&self) -> bool {
        match &self.disk {
            None => self.path.is_file(),
            Some(stamp) => stamp.looks_different(&self.path),
        }
    }

    /// Every few seconds, notice a file changed outside the window. With nothing unsaved the
    /// journal is read again; with unsaved changes, saving stops until the user chooses
    /// ([`Self::keep_window_version`] or [`Self::reload`]).
    pub fn watch(&mut self, every: Duration) -> Option<DiskEvent> {
        if self.last_watch.elapsed() < every || self.status == SaveStatus::ChangedOnDisk {
            return None;
        }
        self.last_watch = Instant::now();
        if !self.may_have_changed_on_disk() || !self.changed_on_disk() {
            return None;
        }
        if self.has_unsaved_changes() {
            self.status = SaveStatus::ChangedOnDisk;
            return None;
        }
        Some(match self.reload() {
            Ok(()) => DiskEvent::Reloaded,
            Err(error) => DiskEvent::Unreadable(error.to_string()),
        })
    }

    /// Read the file again, dropping the window's unsaved changes.
    pub fn reload(&mut self) -> Result<(), store::LoadError> {
        let loaded = store::load(&self.path)?;
        *self = Self::new(loaded.journal, self.path.clone(), loaded.existed);
        Ok(())
    }

    /// Write the window's version over a file that changed on disk (the file's version is
    /// kept as a backup, as before every save).
    pub fn keep_window_version(&mut self, now: NaiveDateTime) {
        self.write(now, true);
    }

    /// Save when there are changes and `delay` has passed since the last one (typing is
    /// coalesced), or a second since the first (so nothing waits longer than that). After a
    /// failure, try again every [`RETRY_AFTER`]. Returns how long until the next attempt.
    pub fn save_if_due(&mut self, delay: Duration, now: NaiveDateTime) -> Option<Duration> {
        if !self.has_unsaved_changes() || self.status == SaveStatus::ChangedOnDisk {
            return None;
        }
        let wait = match (self.last_change, self.first_unsaved_change) {
            (Some(last), Some(first)) => {
                let longest = Duration::from_secs(1).max(delay);
                delay
                    .saturating_sub(last.elapsed())
                    .min(longest.saturating_sub(first.elapsed()))
            }
            _ => self.failed_at.map_or(Duration::ZERO, |at| {
                RETRY_AFTER.saturating_sub(at.elapsed())
            }),
        };
        if !wait.is_zero() {
            return Some(wait);
        }
        self.save_now(now);
        self.failed_at.map(|_| RETRY_AFTER)
    }

    /// Save at once, unless the file changed on disk behind the window's back (then the status
    /// says so and nothing is written). The outcome is in [`Self::status`].
    pub fn save_now(&mut self, now: NaiveDateTime) {
        self.write(now, false);
    }

    fn write(&mut self, now: NaiveDateTime, overwrite_changes: bool) {
        self.first_unsaved_change = None;
        self.last_change = None;
        if !overwrite_changes && self.changed_on_disk() {
            self.status = SaveStatus::ChangedOnDisk;
            return;
        }
        match store::save(&self.path, &self.journal, now) {
            Ok(()) => {
                self.failed_at = None;
                self.saved_revision = self.journal.revision();
                self.disk = DiskStamp::read(&self.path);
                self.status = SaveStatus::Saved(now);
            }
            Err(error) => {
                self.failed_at = Some(Instant::now());
                self.status = SaveStatus::Failed {
                    reason: error.source.to_string(),
                    at: now,
                };
            }
        }
    }
}
