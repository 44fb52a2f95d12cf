//! Putting a backup back as the journal, keeping the journal it replaces.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::atomic::{self, copy_private_new, write_atomic};
use super::format::{FormatError, from_bytes};
use super::read::{MAX_JOURNAL_BYTES, read_existing};

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
