//! Writing a file so that a reader sees the old content or the new, never half of either.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The prefix of the temporary files a save writes beside its target.
pub(crate) fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map_or_else(|| "journal".into(), |name| name.to_string_lossy());
    format!(".{name}.tmp-")
}

/// Replace `target` with `bytes` atomically: write a temporary file in the same folder (readable
/// by its owner only), flush it to disk, rename it over `target`, then flush the folder.
///
/// On any failure the temporary file is removed and `target` is as it was.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(target, bytes)?.commit()
}

/// A temporary file written and flushed beside its target, not yet renamed over it. Dropped
/// without [`Staged::commit`], it is removed and the target is as it was.
#[derive(Debug)]
pub(crate) struct Staged {
    temp: PathBuf,
    target: PathBuf,
    done: bool,
}

/// Write `bytes` to a new private temporary file beside `target` and flush it to disk; the
/// caller checks what it must (has the target changed meanwhile?) and then commits.
pub(crate) fn stage(target: &Path, bytes: &[u8]) -> io::Result<Staged> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let folder = parent_folder(target);
    let temp = folder.join(format!(
        "{}{}-{}",
        temp_prefix(target),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = create_private(&temp)?;
    // From here on a failure drops `staged`, which removes whatever part of the file was written.
    let staged = Staged {
        temp,
        target: target.to_path_buf(),
        done: false,
    };
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(staged)
}

impl Staged {
    /// Rename the temporary file over the target, then flush the folder.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.done = true;
        // The new content is in place. Flushing the folder makes the rename survive a power
        // cut; some file systems (network and FUSE mounts) refuse to flush a folder, and
        // reporting the save as failed then would be wrong, so that refusal is not an error.
        let _ = sync_folder(&parent_folder(&self.target));
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            // Not committed: the temporary file must not stay behind. It may not exist (its
            // creation failed), which is fine.
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Remove temporary files that a killed save left beside `target`. When the caller holds the
/// journal's lock no other painlog is saving, so every leftover goes at once; otherwise only
/// those older than a minute, so that a save in progress elsewhere is never disturbed.
pub(crate) fn remove_stale_temporaries(target: &Path, lock_held: bool) {
    let prefix = temp_prefix(target);
    let Ok(entries) = fs::read_dir(parent_folder(target)) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let stale = lock_held
            || entry
                .metadata()
                .and_then(|meta| meta.modified())
                .is_ok_and(|modified| {
                    modified
                        .elapsed()
                        .is_ok_and(|age| age > std::time::Duration::from_secs(60))
                });
        if stale {
            // Removing a leftover is housekeeping; one that cannot be removed stays harmless.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Make a file readable and writable by its owner only.
pub(crate) fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let meta = fs::metadata(path)?;
        if meta.permissions().mode() & 0o777 != 0o600 {
            fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
    }
    Ok(())
}

/// The folder holding `path` (`.` for a bare file name).
pub(crate) fn parent_folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Create a new file that only its owner can read and write.
pub(crate) fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)
}

/// Copy `from` to a new private file `to` (where a hard link is not possible).
pub(crate) fn copy_private_new(from: &Path, to: &Path) -> io::Result<()> {
    let mut source = File::open(from)?;
    let mut target = create_private(to)?;
    io::copy(&mut source, &mut target)?;
    target.sync_all()
}

/// Create a folder (and its parents) that only its owner can enter, when it is missing.
pub fn create_private_folder(folder: &Path) -> io::Result<()> {
    if folder.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(folder)
}

/// Flush a folder's entries to disk, so a rename in it survives a power cut.
pub(crate) fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}
