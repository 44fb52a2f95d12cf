//! A failed write in words a person can act on.

use std::io;
use std::path::Path;

use super::atomic;

/// Why writing `path` failed, in words a person can act on (the system's own words follow in
/// parentheses).
pub fn explain_write_error(error: &io::Error, path: &Path) -> String {
    use io::ErrorKind as Kind;
    let folder = atomic::parent_folder(path);
    let words = match error.kind() {
        Kind::StorageFull | Kind::QuotaExceeded | Kind::FileTooLarge => format!(
            "the disk holding {} is full (or the file would pass a size limit); free some space",
            folder.display()
        ),
        Kind::PermissionDenied => format!(
            "painlog is not allowed to write in {}; check that folder's permissions",
            folder.display()
        ),
        Kind::ReadOnlyFilesystem => format!(
            "the disk holding {} is read-only; choose a journal on a disk that can be written",
            folder.display()
        ),
        Kind::NotADirectory | Kind::AlreadyExists => format!(
            "a part of {} is a file, not a folder; move that file away or choose another journal path",
            folder.display()
        ),
        Kind::IsADirectory => format!(
            "{} is a folder, not a file; move it away or choose another journal path",
            path.display()
        ),
        Kind::NotFound => format!(
            "the folder {} cannot be found or made; is its disk still there?",
            folder.display()
        ),
        _ => return error.to_string(),
    };
    format!("{words} ({error})")
}
