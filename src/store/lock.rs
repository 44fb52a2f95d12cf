//! One writer per journal: an exclusive lock on a file beside it.
//!
//! The operating system releases the lock when its holder exits in any way (a crash, a kill), so
//! a lock left behind never blocks. The lock file itself stays, empty and harmless.

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{create_private_folder, parent_folder};

/// Held while a painlog process may write the journal; dropped, it lets others write.
#[derive(Debug)]
pub struct JournalLock {
    _file: File,
    path: PathBuf,
}

impl JournalLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `true` while the lock file beside the journal is still the one this lock holds. Someone
    /// may delete or replace it (by hand, a cleaning tool); another painlog could then take a
    /// new lock and write at the same time, so a writer checks this before it writes.
    pub fn is_intact(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            match (std::fs::metadata(&self.path), self._file.metadata()) {
                (Ok(on_disk), Ok(held)) => {
                    on_disk.dev() == held.dev() && on_disk.ino() == held.ino()
                }
                _ => false,
            }
        }
        #[cfg(not(unix))]
        {
            self.path.is_file()
        }
    }
}

/// Why the journal could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another painlog (a window or a command) holds it.
    #[error(
        "the journal is open in another painlog (a window or a command that is still running); close it and try again"
    )]
    Busy,
    /// The lock file could not be made.
    #[error("could not lock the journal ({}): {}", path.display(), super::explain_write_error(source, path))]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// The lock file of a journal: `.journal.ron.lock` beside it.
pub fn lock_path(journal: &Path) -> PathBuf {
    let name = journal
        .file_name()
        .map_or_else(|| "journal".into(), |name| name.to_string_lossy());
    parent_folder(journal).join(format!(".{name}.lock"))
}

/// Take the journal's lock without waiting.
pub fn lock(journal: &Path) -> Result<JournalLock, LockError> {
    let path = lock_path(&super::real_path(journal));
    let io = |source: io::Error| LockError::Io {
        path: path.clone(),
        source,
    };
    create_private_folder(&parent_folder(&path)).map_err(io)?;
    let mut options = File::options();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options.open(&path).map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(JournalLock { _file: file, path }),
        Err(TryLockError::WouldBlock) => Err(LockError::Busy),
        Err(TryLockError::Error(source)) => Err(io(source)),
    }
}
