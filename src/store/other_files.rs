//! Files other than the journal (exports, a demo journal): never one painlog keeps, written
//! atomically.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{self, create_private_folder, write_atomic};
use super::explain::explain_write_error;
use super::kept::{KeptFile, refuse_kept_file};

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
    // Through a symbolic link, the file it points to is written (renaming onto the link would
    // replace the link itself: /dev/stdout, say).
    let resolved = fs::symlink_metadata(target)
        .is_ok_and(|meta| meta.file_type().is_symlink())
        .then(|| fs::canonicalize(target).ok())
        .flatten();
    let target = resolved.as_deref().unwrap_or(target);
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
