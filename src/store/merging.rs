//! The save that notices a change made elsewhere and merges it.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use super::load::{file_hash, load};
use super::save::{Changed, Expect, SaveError, SaveOptions, try_write, write_journal};
use crate::model::Journal;

/// What [`save_merging`] did.
#[derive(Debug)]
pub enum SaveMerge {
    /// The file was as read; `mine` was written, with this hash.
    Saved {
        /// The [`content_hash`](super::content_hash) of what was written.
        hash: u64,
    },
    /// The file had changed; the merge of both was written.
    Merged {
        /// What was written.
        journal: Journal,
        /// Its [`content_hash`](super::content_hash).
        hash: u64,
    },
    /// The file had changed and some records differ on both sides; nothing was written.
    Conflicts {
        /// The merge, with its conflicts.
        merged: crate::model::Merged,
        /// The file's version (boxed: a journal is large beside a hash).
        theirs: Box<Journal>,
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
    let mut base = Cow::Borrowed(base);
    let mut mine = Cow::Borrowed(mine);
    let mut merged_once = false;
    if fs::metadata(path).is_ok_and(|meta| !meta.is_file()) {
        // A folder or a pipe where the journal should be: the write says what is in the way,
        // and writes nothing.
        let hash = write_journal(path, &mine, options, Expect::Anything)?;
        return Ok(SaveMerge::Saved { hash });
    }
    let unreadable = |error: &dyn std::fmt::Display| SaveError::ChangedUnreadable {
        path: path.to_path_buf(),
        reason: error.to_string(),
    };
    for _ in 0..MERGE_ATTEMPTS {
        let current = file_hash(path).map_err(|error| unreadable(&error))?;
        if current.is_some() && current != base_hash {
            let theirs = load(path).map_err(|error| unreadable(&error))?;
            let merged = crate::model::merge(&base, &mine, &theirs.journal);
            if !merged.conflicts.is_empty() {
                return Ok(SaveMerge::Conflicts {
                    merged,
                    theirs: Box::new(theirs.journal),
                    theirs_hash: theirs.hash,
                });
            }
            merged_once = true;
            base_hash = Some(theirs.hash);
            base = Cow::Owned(theirs.journal);
            mine = Cow::Owned(merged.journal);
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
