//! The rolling set of earlier versions kept beside the journal.
//!
//! Each save first keeps the version it is about to replace, as
//! `<name>.backup-YYYY-MM-DD_HH-MM-SS.ron` in the journal's folder (local time, so a person can
//! tell them apart). The newest [`KEEP_NEWEST`] are kept, plus the newest one of each of the
//! [`KEEP_DAILY`] calendar days before, so that a mistake noticed days later can still be undone.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::atomic::{parent_folder, write_atomic};

/// How many of the newest backups are always kept.
pub const KEEP_NEWEST: usize = 10;
/// For how many earlier days the last backup of the day is kept as well.
pub const KEEP_DAILY: usize = 7;

const STAMP_FORMAT: &str = "%Y-%m-%d_%H-%M-%S";

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Where it is.
    pub path: PathBuf,
    /// When it was taken (local time, from its name).
    pub taken: NaiveDateTime,
    /// 1 for the first backup taken in that second, 2 for the next (`-2` in the name), …
    pub sequence: u32,
}

fn stem(journal: &Path) -> String {
    journal.file_stem().map_or_else(
        || "journal".into(),
        |stem| stem.to_string_lossy().into_owned(),
    )
}

fn prefix(journal: &Path) -> String {
    format!("{}.backup-", stem(journal))
}

/// The backups of `journal`, newest first. A missing folder has none.
pub fn list(journal: &Path) -> io::Result<Vec<Backup>> {
    let folder = parent_folder(journal);
    let prefix = prefix(journal);
    let entries = match fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stamp) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".ron"))
        else {
            continue;
        };
        // A second backup within one second carries a "-2" suffix; the stamp is the first 19.
        let Some(taken) = stamp
            .get(..19)
            .and_then(|stamp| NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).ok())
        else {
            continue;
        };
        let sequence = match stamp.get(19..) {
            Some("") => 1,
            Some(rest) => match rest.strip_prefix('-').and_then(|n| n.parse().ok()) {
                Some(sequence) => sequence,
                None => continue,
            },
            None => continue,
        };
        backups.push(Backup {
            path: entry.path(),
            taken,
            sequence,
        });
    }
    backups.sort_by_key(|backup| std::cmp::Reverse((backup.taken, backup.sequence)));
    Ok(backups)
}

/// A backup and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contents {
    /// The backup.
    pub backup: Backup,
    /// How many days and sessions it holds, or why it cannot be read.
    pub held: Result<(usize, usize), String>,
}

impl Contents {
    /// "12 days, 3 sessions", or "unreadable: …".
    pub fn describe(&self) -> String {
        match &self.held {
            Ok((days, sessions)) => {
                format!("{}, {}", count(*days, "day"), count(*sessions, "session"))
            }
            Err(reason) => format!("unreadable: {reason}"),
        }
    }
}

/// "1 day", "2 days".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The backups of `journal`, newest first, each read to tell what it holds.
pub fn list_with_contents(journal: &Path) -> io::Result<Vec<Contents>> {
    Ok(list(journal)?
        .into_iter()
        .map(|backup| {
            let held = super::load(&backup.path)
                .map(|loaded| (loaded.journal.day_count(), loaded.journal.sessions().len()))
                .map_err(|error| error.to_string());
            Contents { backup, held }
        })
        .collect())
}

/// Keep the current `journal` file as a backup taken `now`, unless the newest backup already
/// holds the same bytes. Uses a hard link (instant, no copy) where the file system allows it.
pub fn keep_previous(journal: &Path, now: NaiveDateTime) -> io::Result<Option<PathBuf>> {
    let existing = list(journal)?;
    if let Some(newest) = existing.first()
        && same_content(&newest.path, journal)?
    {
        return Ok(None);
    }
    let folder = parent_folder(journal);
    let base = format!("{}{}", prefix(journal), now.format(STAMP_FORMAT));
    let mut candidate = folder.join(format!("{base}.ron"));
    let mut suffix = 2;
    while candidate.exists() {
        candidate = folder.join(format!("{base}-{suffix}.ron"));
        suffix += 1;
    }
    if fs::hard_link(journal, &candidate).is_ok() {
        // The link shares the old journal's permissions, which a file made outside painlog
        // may have opened up; backups are private like the journal.
        super::atomic::make_private(&candidate)?;
    } else {
        write_atomic(&candidate, &fs::read(journal)?)?;
    }
    Ok(Some(candidate))
}

fn same_content(a: &Path, b: &Path) -> io::Result<bool> {
    let (meta_a, meta_b) = (fs::metadata(a)?, fs::metadata(b)?);
    if meta_a.len() != meta_b.len() {
        return Ok(false);
    }
    Ok(fs::read(a)? == fs::read(b)?)
}

/// Which backups to delete: all but the newest [`KEEP_NEWEST`] and the newest of each of the
/// [`KEEP_DAILY`] days before `today`. `backups` is newest first, as [`list`] returns it.
pub fn to_prune(backups: &[Backup], today: NaiveDate) -> Vec<PathBuf> {
    let mut days_kept: BTreeSet<NaiveDate> = BTreeSet::new();
    let oldest_daily = today - chrono::Days::new(KEEP_DAILY as u64);
    backups
        .iter()
        .enumerate()
        .filter(|(index, backup)| {
            let date = backup.taken.date();
            let daily = date < today && date >= oldest_daily && days_kept.insert(date);
            *index >= KEEP_NEWEST && !daily
        })
        .map(|(_, backup)| backup.path.clone())
        .collect()
}

/// Delete the backups [`to_prune`] picks. Failing to delete an old backup is not an error
/// worth stopping a save for, so failures are skipped.
pub fn prune(journal: &Path, today: NaiveDate) -> io::Result<()> {
    for path in to_prune(&list(journal)?, today) {
        let _ = fs::remove_file(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup(stamp: &str) -> Backup {
        Backup {
            path: PathBuf::from(format!("journal.backup-{stamp}.ron")),
            taken: NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).unwrap(),
            sequence: 1,
        }
    }

    #[test]
    fn keeps_newest_ten_and_one_per_earlier_day() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut backups: Vec<Backup> = (0..15)
            .map(|minute| backup(&format!("2026-11-21_10-{:02}-00", 59 - minute)))
            .collect();
        backups.push(backup("2026-11-20_22-00-00"));
        backups.push(backup("2026-11-20_08-00-00"));
        backups.push(backup("2026-11-10_08-00-00"));
        let pruned = to_prune(&backups, today);
        // Five of today's beyond the newest ten, the earlier of the 20th, and the 10th (too old).
        assert_eq!(pruned.len(), 7, "{pruned:?}");
        assert!(
            !pruned.contains(&backups[15].path),
            "last of yesterday is kept"
        );
        assert!(pruned.contains(&backups[16].path));
        assert!(pruned.contains(&backups[17].path));
        assert!(!pruned.contains(&backups[9].path));
        assert!(pruned.contains(&backups[10].path));
    }
}
