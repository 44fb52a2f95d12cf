//! The file as others change it: watching it, reading it again, merging what changed on both
//! sides, and the copies sync tools leave.

use std::path::PathBuf;
use std::time::Duration;

use super::{DiskEvent, Document, MergeSource, PendingMerge, SaveStatus, Stamp};
use crate::model::{Journal, Keep, Merged, merge};
use crate::store;

impl Document {
    /// `true` when the file holds something other than what painlog last read or wrote. A file
    /// that is gone is simply written again; something that is not a file makes the save fail
    /// with its own message.
    pub(super) fn changed_on_disk(&self) -> bool {
        if !self.path.is_file() {
            return false;
        }
        match store::file_hash(&self.path) {
            Ok(hash) => hash != self.disk_hash,
            Err(_) => false,
        }
    }

    /// Every so often, notice a file changed outside the window (another computer through a sync
    /// folder, an editor, a command) and copies left by sync tools.
    pub fn watch(&mut self, every: Duration) -> Option<DiskEvent> {
        if self.last_watch.is_some_and(|at| self.since(at) < every) || self.pending.is_some() {
            return None;
        }
        self.last_watch = Some(self.clock.tick());
        // Copies are offered by the window that writes: a read-only one could not save the
        // merge, and would mark the copy merged all the same.
        if self.offered_copy.is_none()
            && !self.read_only
            && let Some(copy) = store::conflict_copies(&self.path)
                .into_iter()
                .find(|copy| !self.dismissed_copies.contains(copy))
        {
            self.offered_copy = Some(copy.clone());
            return Some(DiskEvent::CopyFound(copy));
        }
        let stamp = Stamp::of(&self.path);
        if stamp == self.stamp {
            return None;
        }
        if !self.changed_on_disk() {
            // Touched, or written with the same content: nothing to read.
            self.stamp = stamp;
            return None;
        }
        if !self.has_unsaved_changes() || self.is_read_only() {
            return Some(match self.reload() {
                Ok(()) => DiskEvent::Reloaded,
                Err(error) => {
                    self.stamp = Stamp::of(&self.path);
                    DiskEvent::Unreadable(error.to_string())
                }
            });
        }
        Some(self.merge_with_disk())
    }

    /// Read the file again, dropping the window's unsaved changes.
    pub fn reload(&mut self) -> Result<(), store::LoadError> {
        let loaded = store::load(&self.path)?;
        let lock = self.lock.take();
        let dismissed = std::mem::take(&mut self.dismissed_copies);
        let path = self.path.clone();
        *self = Self::with_lock(loaded, path, lock, self.read_only, self.clock);
        self.dismissed_copies = dismissed;
        Ok(())
    }

    /// Merge the window's changes with the file's: a clean merge replaces the window's journal
    /// (and is saved next); conflicts wait for the user.
    pub(super) fn merge_with_disk(&mut self) -> DiskEvent {
        let theirs = match store::load(&self.path) {
            Ok(theirs) => theirs,
            Err(error) => {
                let reason = error.to_string();
                self.stamp = Stamp::of(&self.path);
                self.status = SaveStatus::ChangedOnDisk {
                    reason: reason.clone(),
                };
                return DiskEvent::Unreadable(reason);
            }
        };
        let merged = merge(self.base(), &self.journal, &theirs.journal);
        self.take_merge(
            merged,
            MergeSource::Disk,
            Some((theirs.journal, theirs.hash)),
        )
    }

    pub(super) fn take_merge(
        &mut self,
        merged: Merged,
        source: MergeSource,
        theirs: Option<(Journal, u64)>,
    ) -> DiskEvent {
        if merged.conflicts.is_empty() {
            self.adopt(merged.journal, theirs, &source);
            return DiskEvent::Merged;
        }
        self.status = SaveStatus::Conflicts(merged.conflicts.len());
        self.pending = Some(PendingMerge {
            merged,
            source,
            theirs,
        });
        DiskEvent::Conflicts
    }

    /// Take a merged journal: the other side becomes the base, and the merge is saved next.
    pub(super) fn adopt(
        &mut self,
        merged: Journal,
        theirs: Option<(Journal, u64)>,
        source: &MergeSource,
    ) {
        if let Some((journal, hash)) = theirs {
            self.base = Some(journal);
            self.disk_hash = Some(hash);
            self.stamp = Stamp::of(&self.path);
        } else {
            self.keep_base();
        }
        self.journal = merged;
        self.first_unsaved_change = None;
        self.last_change = None;
        self.status = SaveStatus::Pending;
        if let MergeSource::Copy(copy) = source {
            // Keep the copy, renamed, so that it is not offered again.
            let mut done = copy.clone().into_os_string();
            done.push(".merged");
            if std::fs::rename(copy, PathBuf::from(done)).is_err() {
                // A copy that cannot be renamed (a folder painlog may not write in) is merged all
                // the same; this window does not offer it again.
                self.dismissed_copies.insert(copy.clone());
            }
            self.offered_copy = None;
        }
    }

    /// Settle the pending merge with one choice per conflict (in order); it is saved next.
    pub fn resolve(&mut self, choices: &[Keep]) {
        if let Some(pending) = self.pending.take() {
            let journal = pending.merged.resolve(choices);
            self.adopt(journal, pending.theirs, &pending.source);
        }
    }

    /// Merge the sync tool's copy that was offered.
    pub fn merge_offered_copy(&mut self) -> Option<DiskEvent> {
        if self.read_only {
            return None;
        }
        let copy = self.offered_copy.clone()?;
        match store::load(&copy) {
            Ok(loaded) => {
                let merged = merge(&Journal::new(), &self.journal, &loaded.journal);
                Some(self.take_merge(merged, MergeSource::Copy(copy), None))
            }
            Err(error) => {
                self.dismiss_copy();
                Some(DiskEvent::Unreadable(error.to_string()))
            }
        }
    }

    /// Leave a pending merge of a sync tool's copy undone (and do not offer the copy again).
    pub fn cancel_merge(&mut self) {
        if let Some(pending) = self.pending.take()
            && let MergeSource::Copy(copy) = pending.source
        {
            self.dismissed_copies.insert(copy);
            self.offered_copy = None;
            self.status = if self.has_unsaved_changes() {
                SaveStatus::Pending
            } else {
                SaveStatus::Loaded
            };
        }
    }

    /// Do not offer the copy again in this window.
    pub fn dismiss_copy(&mut self) {
        if let Some(copy) = self.offered_copy.take() {
            self.dismissed_copies.insert(copy);
        }
    }
}
