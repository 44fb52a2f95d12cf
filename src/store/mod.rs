//! The journal file: where it lives, reading it, saving it atomically, and its backups.
//!
//! No egui here. The rule this module keeps: a file painlog could not read is never written
//! over, and every write is atomic (see [`write_atomic`]).
//!
//! One file a job:
//! - `paths`: where the journal and the preferences live, and the file a path really names;
//! - `read`: reading any file safely (regular files only, never blocking, a size limit);
//! - `format`: the journal's text, its versions, parsing and writing it;
//! - `load`: reading the journal, and where a damaged one is damaged;
//! - `save`: the save itself (backup, staged write, the last look, the rename) and its options;
//! - `merging`: the save that merges a change made elsewhere;
//! - `hook`: a test seam between a save's staged write and its rename;
//! - `atomic`: writing any file atomically and privately;
//! - `explain`: a failed write in words;
//! - `backup`: the versions kept beside the journal and how long;
//! - `restore`: putting a backup back;
//! - `copies`: the copies sync tools leave;
//! - `kept`: the files nothing painlog writes may replace;
//! - `other_files`: writing exports and other files that are not the journal;
//! - `lock`: one writer per journal.

mod atomic;
pub mod backup;
mod copies;
mod explain;
mod format;
mod hook;
mod kept;
mod load;
mod lock;
mod merging;
mod other_files;
mod paths;
mod read;
mod restore;
mod save;

pub use atomic::{create_private_folder, write_atomic};
pub use backup::{Backup, BackupKind};
pub use copies::conflict_copies;
pub use explain::explain_write_error;
pub use format::{
    CURRENT_VERSION, Cores, FormatError, from_bytes, from_bytes_by_full_parse, from_bytes_on,
    to_text,
};
#[doc(hidden)]
pub use hook::set_before_rename_hook;
pub use kept::{KeptFile, refuse_kept_file};
pub use load::{LoadError, Loaded, content_hash, excerpt, file_hash, load, load_on};
pub use lock::{JournalLock, LockError, lock, lock_path};
pub use merging::{SaveMerge, save_merging};
pub use other_files::{WriteError, check_targets, write_other_file};
pub use paths::{
    DATA_ENV, default_journal_path, folder_of, preferences_folder, real_path, resolve_journal_path,
};
pub use read::{MAX_JOURNAL_BYTES, ReadError, describe_size, read_existing, read_limited};
pub use restore::{RestoreError, restore};
pub use save::{SaveError, SaveOptions, save, save_over};
