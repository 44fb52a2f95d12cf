//! The files painlog keeps, which nothing it writes may replace: the journal, its backups, its
//! lock, temporary files of a save, journals kept aside by a restore, and copies sync tools leave
//! (merged or not), however a path to them is spelled.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::atomic::parent_folder;
use super::copies::is_sync_copy;

/// A path that names a file painlog keeps, so it is not written over.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} is {what}; painlog never writes over it. Choose another file name or folder", target.display())]
pub struct KeptFile {
    /// The path given.
    pub target: PathBuf,
    /// What it is, in words ("the journal", "one of the journal's backups", …).
    pub what: String,
}

/// The absolute path `path` names, with symbolic links and `..` resolved as far as the path
/// exists (a file not there yet keeps its name after its resolved folder).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    // A symbolic link whose target does not exist (yet): where writing through it would land.
    if let Ok(link) = fs::read_link(path) {
        let target = if link.is_absolute() {
            link
        } else {
            parent_folder(path).join(link)
        };
        if target != path {
            return resolved_without_links(&target);
        }
    }
    resolved_without_links(path)
}

fn resolved_without_links(path: &Path) -> PathBuf {
    let folder = fs::canonicalize(parent_folder(path)).unwrap_or_else(|_| parent_folder(path));
    match path.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}

/// What a file called `name` is to the journal called `journal_name`, if painlog keeps it.
fn kept_name(name: &str, journal_name: &str) -> Option<&'static str> {
    let stem = journal_name
        .rsplit_once('.')
        .map_or(journal_name, |(stem, _)| stem);
    let rest = name.strip_prefix(stem);
    if name == journal_name {
        Some("the journal")
    } else if name == format!(".{journal_name}.lock") {
        Some("the journal's lock file")
    } else if name.starts_with(&format!(".{journal_name}.tmp-")) {
        Some("a temporary file of a save of the journal")
    } else if let Some(rest) = rest {
        if rest.starts_with(".backup-") {
            Some("one of the journal's backups")
        } else if rest.starts_with(".replaced-") {
            Some("a journal kept aside when a backup was restored")
        } else if name.ends_with(".merged") {
            Some("a copy of the journal, kept after it was merged")
        } else if is_sync_copy(rest) {
            Some("a copy of the journal that a sync tool left")
        } else {
            None
        }
    } else {
        None
    }
}

/// `true` when `a` and `b` are the same file (a hard link, or the same path).
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// Refuse `target` as a place to write when it is the journal at `journal` or a file painlog
/// keeps beside it, however the path is spelled (relative, with `..`, a symbolic link, a hard
/// link), or when it already holds a painlog journal (any journal, such as another `--data`).
/// Every command and window action that writes a file other than the journal asks this first.
pub fn refuse_kept_file(target: &Path, journal: &Path) -> Result<(), KeptFile> {
    let refuse = |what: &str| {
        Err(KeptFile {
            target: target.to_path_buf(),
            what: what.to_owned(),
        })
    };
    let target_real = resolved(target);
    let journal_real = resolved(journal);
    let journal_folder = parent_folder(&journal_real);
    let journal_name = journal_real
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    if parent_folder(&target_real) == journal_folder
        && let Some(name) = target_real.file_name()
        && let Some(what) = kept_name(&name.to_string_lossy(), &journal_name)
    {
        return refuse(what);
    }
    let Ok(target_meta) = fs::metadata(&target_real) else {
        return Ok(());
    };
    if !target_meta.is_file() {
        // A folder takes a file named after the period; anything else (a terminal, a pipe, a
        // device such as /dev/stdout) would be replaced by the file, never written to.
        return if target_meta.is_dir() {
            Ok(())
        } else {
            refuse("not a file or a folder (a device, a pipe or a terminal)")
        };
    }
    // A hard link to a kept file has another name, maybe in another folder.
    if let Ok(entries) = fs::read_dir(&journal_folder) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(what) = kept_name(&name, &journal_name)
                && fs::metadata(entry.path()).is_ok_and(|meta| same_file(&meta, &target_meta))
            {
                return refuse(what);
            }
        }
    }
    let mut start = Vec::with_capacity(4096);
    if super::read::open_nonblocking(&target_real)
        .and_then(|file| file.take(4096).read_to_end(&mut start))
        .is_ok()
        && super::format::looks_like_journal(&start)
    {
        return refuse("a painlog journal (or a backup of one)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::kept_name;

    #[test]
    fn every_kind_of_kept_file_is_named() {
        for (name, kept) in [
            ("journal.ron", true),
            (".journal.ron.lock", true),
            (".journal.ron.tmp-123-4", true),
            ("journal.backup-2026-11-21_10-05-09.ron", true),
            ("journal.backup-2026-11-21_10-05-09-2-start.ron", true),
            ("journal.replaced-2026-11-21_10-05-09.ron", true),
            ("journal.sync-conflict-20261121-100509-ABCDEFG.ron", true),
            (
                "journal.sync-conflict-20261121-100509-ABCDEFG.ron.merged",
                true,
            ),
            ("journal (Anna's conflicted copy 2026-11-21).ron", true),
            ("journal_conflict-20261121-100509.ron", true),
            ("report.pdf", false),
            ("journal.pdf", false),
            ("days.csv", false),
            ("journal-2026.md", false),
        ] {
            assert_eq!(kept_name(name, "journal.ron").is_some(), kept, "{name}");
        }
    }
}
