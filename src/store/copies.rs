//! Copies of the journal that sync tools leave beside it.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic;
use super::paths::real_path;

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
            name.ends_with(".ron") && !rest.is_empty() && is_sync_copy(rest)
        })
        .map(|entry| entry.path())
        .collect();
    copies.sort();
    copies
}

/// `true` when `rest`, what follows the journal's stem in a file name, is how a sync tool names
/// its copy: `.sync-conflict-…` (Syncthing), ` (… conflicted copy …)` (Dropbox, Nextcloud),
/// `_conflict-…` (ownCloud).
pub(super) fn is_sync_copy(rest: &str) -> bool {
    rest.starts_with(".sync-conflict-")
        || rest.starts_with("_conflict-")
        || (rest.starts_with(" (") && rest.contains("conflicted copy"))
}
