//! Where the journal and the preferences live, and which file a journal path really names.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic;
use super::load::LoadError;

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

/// The folder a journal is in (`.` for a bare file name).
pub fn folder_of(journal: &Path) -> PathBuf {
    atomic::parent_folder(journal)
}
