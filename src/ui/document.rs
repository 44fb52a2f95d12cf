//! An open journal in the window: the journal, its file, and saving it without being asked.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
}

/// The journal open in the window and the bookkeeping that saves it.
pub struct Document {
    journal: Journal,
    path: PathBuf,
    saved_revision: u64,
    first_unsaved_change: Option<Instant>,
    last_change: Option<Instant>,
    failed_at: Option<Instant>,
    status: SaveStatus,
}

/// How long to wait before trying a failed save again.
pub const RETRY_AFTER: Duration = Duration::from_secs(5);

impl Document {
    /// A journal just read from `path` (`existed` is false for a new, empty journal).
    pub fn new(journal: Journal, path: PathBuf, existed: bool) -> Self {
        Self {
            saved_revision: journal.revision(),
            journal,
            path,
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
            if !matches!(self.status, SaveStatus::Failed { .. }) {
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

    /// Save when there are changes and `delay` has passed since the last one (typing is
    /// coalesced), or a second since the first (so nothing waits longer than that). After a
    /// failure, try again every [`RETRY_AFTER`]. Returns how long until the next attempt.
    pub fn save_if_due(&mut self, delay: Duration, now: NaiveDateTime) -> Option<Duration> {
        if !self.has_unsaved_changes() {
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

    /// Save at once. The outcome is in [`Self::status`].
    pub fn save_now(&mut self, now: NaiveDateTime) {
        self.first_unsaved_change = None;
        self.last_change = None;
        match store::save(&self.path, &self.journal, now) {
            Ok(()) => {
                self.failed_at = None;
                self.saved_revision = self.journal.revision();
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
