//! The earlier versions kept beside the journal, and which of them are kept how long.
//!
//! Each save first keeps the version it is about to replace, as
//! `<name>.backup-YYYY-MM-DD_HH-MM-SS[-N].ron` in the journal's folder (local time, so a person
//! can tell them apart; `-2`, `-3` … for later backups within the same second). The version a
//! window had before its first change, and the one before each command, is a *start* backup,
//! named `…-start.ron`. [`to_prune`] says which are kept: history, not just the last minutes.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike as _, NaiveDateTime, Timelike as _};

use super::atomic::parent_folder;
use super::read::{MAX_JOURNAL_BYTES, read_limited};

/// How many of the newest backups are always kept.
pub const KEEP_NEWEST: usize = 5;
/// How many start backups (the journal before a window's first change or a command) are kept …
pub const KEEP_STARTS: usize = 30;
/// … from how many days back.
pub const START_DAYS: i64 = 7;
/// For how many hours back the newest backup of each hour is kept.
pub const HOURLY: i64 = 24;
/// For how many days back the newest backup of each day is kept.
pub const DAILY: i64 = 31;
/// For how many months before those days the newest backup of each month is kept.
pub const MONTHLY: usize = 24;
/// The most backups the policy keeps, whatever the history of saves.
pub const MAX_KEPT: usize =
    KEEP_NEWEST + KEEP_STARTS + HOURLY as usize + DAILY as usize + 1 + MONTHLY;

const STAMP_FORMAT: &str = "%Y-%m-%d_%H-%M-%S";
const START_SUFFIX: &str = "-start";
/// Before the format version of a backup of an older format: `…-version-1.ron`.
const VERSION_INFIX: &str = "-version-";

/// Why a backup was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupKind {
    /// Before an ordinary save (the window saving as the user types).
    Routine,
    /// Before the first change a window makes, or before a command's change: the journal as it
    /// was when someone started changing it.
    Start,
    /// The journal in an older format version, before it is first written in the current one:
    /// never pruned, so the file as an older painlog read it is always there.
    OlderVersion(u32),
}

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Where it is.
    pub path: PathBuf,
    /// When it was taken (local time, from its name).
    pub taken: NaiveDateTime,
    /// 1 for the first backup taken in that second, 2 for the next (`-2` in the name), …
    pub sequence: u32,
    /// Why it was taken.
    pub kind: BackupKind,
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

/// Read a backup's name (without the journal's prefix): its time, sequence and kind.
fn parse_name(rest: &str) -> Option<(NaiveDateTime, u32, BackupKind)> {
    let stamp = rest.strip_suffix(".ron")?;
    let (stamp, kind) = match stamp.strip_suffix(START_SUFFIX) {
        Some(stamp) => (stamp, BackupKind::Start),
        None => match stamp.rsplit_once(VERSION_INFIX) {
            Some((stamp, version)) if version.bytes().all(|b| b.is_ascii_digit()) => {
                (stamp, BackupKind::OlderVersion(version.parse().ok()?))
            }
            _ => (stamp, BackupKind::Routine),
        },
    };
    let taken = NaiveDateTime::parse_from_str(stamp.get(..19)?, STAMP_FORMAT).ok()?;
    let sequence = match stamp.get(19..)? {
        "" => 1,
        rest => rest
            .strip_prefix('-')
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?
            .parse()
            .ok()
            .filter(|&n| n >= 2)?,
    };
    Some((taken, sequence, kind))
}

/// The file name of a backup.
fn file_name(journal: &Path, taken: NaiveDateTime, sequence: u32, kind: BackupKind) -> String {
    let sequence = if sequence > 1 {
        format!("-{sequence}")
    } else {
        String::new()
    };
    let kind = match kind {
        BackupKind::Routine => String::new(),
        BackupKind::Start => START_SUFFIX.to_owned(),
        BackupKind::OlderVersion(version) => format!("{VERSION_INFIX}{version}"),
    };
    format!(
        "{}{}{sequence}{kind}.ron",
        prefix(journal),
        taken.format(STAMP_FORMAT)
    )
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
        let Some((taken, sequence, kind)) = name.strip_prefix(&prefix).and_then(parse_name) else {
            continue;
        };
        backups.push(Backup {
            path: entry.path(),
            taken,
            sequence,
            kind,
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

/// Keep the current `journal` file as a backup taken `now`. A routine backup is not made when
/// the newest backup already holds the same bytes. Uses a hard link (instant, no copy) where the
/// file system allows it. The name is new: later than every backup of the same second, so the
/// newest backup always sorts first.
pub fn keep_previous(
    journal: &Path,
    now: NaiveDateTime,
    kind: BackupKind,
) -> io::Result<Option<PathBuf>> {
    let existing = list(journal)?;
    if kind == BackupKind::Routine
        && let Some(newest) = existing.first()
        && same_content(&newest.path, journal)?
    {
        return Ok(None);
    }
    let taken = now.with_nanosecond(0).unwrap_or(now);
    let mut sequence = existing
        .iter()
        .filter(|backup| backup.taken == taken)
        .map(|backup| backup.sequence + 1)
        .max()
        .unwrap_or(1);
    let folder = parent_folder(journal);
    loop {
        let candidate = folder.join(file_name(journal, taken, sequence, kind));
        match keep_as(journal, &candidate) {
            Ok(()) => return Ok(Some(candidate)),
            // Another name taken meanwhile (never written over): the next one.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && sequence < 100_000 => {
                sequence += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

/// Link (or else copy) `journal` to the new file `backup`, private to its owner.
fn keep_as(journal: &Path, backup: &Path) -> io::Result<()> {
    match fs::hard_link(journal, backup) {
        // The link shares the old journal's permissions, which a file made outside painlog may
        // have opened up; backups are private like the journal.
        Ok(()) => super::atomic::make_private(backup),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(error),
        Err(_) => super::atomic::copy_private_new(journal, backup),
    }
}

fn same_content(a: &Path, b: &Path) -> io::Result<bool> {
    let (meta_a, meta_b) = (fs::metadata(a)?, fs::metadata(b)?);
    if meta_a.len() != meta_b.len() {
        return Ok(false);
    }
    let read = |path: &Path| read_limited(path, MAX_JOURNAL_BYTES).ok().flatten();
    Ok(matches!((read(a), read(b)), (Some(a), Some(b)) if a == b))
}

/// Which backups to delete at `now`. Kept are:
/// - the newest [`KEEP_NEWEST`];
/// - the newest [`KEEP_STARTS`] start backups of the last [`START_DAYS`] days (the journal as
///   it was before each window's first change and before each command);
/// - the newest of each hour of the last [`HOURLY`] hours;
/// - the newest of each day of the last [`DAILY`] days;
/// - the newest of each month, for the [`MONTHLY`] months before that;
///
/// so never more than [`MAX_KEPT`] of these, and a burst of saves never evicts older history;
/// - and every backup of an older format version ([`BackupKind::OlderVersion`]).
///
/// `backups` is newest first, as [`list`] returns it.
pub fn to_prune(backups: &[Backup], now: NaiveDateTime) -> Vec<PathBuf> {
    let mut keep: Vec<bool> = backups
        .iter()
        .map(|backup| matches!(backup.kind, BackupKind::OlderVersion(_)))
        .collect();
    for flag in keep.iter_mut().take(KEEP_NEWEST) {
        *flag = true;
    }
    let starts_from = now - chrono::Duration::days(START_DAYS);
    for (index, _) in backups
        .iter()
        .enumerate()
        .filter(|(_, backup)| backup.kind == BackupKind::Start && backup.taken >= starts_from)
        .take(KEEP_STARTS)
    {
        keep[index] = true;
    }
    let hours_from = now - chrono::Duration::hours(HOURLY);
    let days_from = now.date() - chrono::Days::new(DAILY.unsigned_abs());
    let mut hours = BTreeSet::new();
    let mut days = BTreeSet::new();
    let mut months = BTreeSet::new();
    for (index, backup) in backups.iter().enumerate() {
        let taken = backup.taken;
        // Newest first, so the first seen of each hour, day or month is its newest.
        if taken >= hours_from && hours.insert((taken.date(), taken.hour())) {
            keep[index] = true;
        }
        if taken.date() >= days_from {
            if days.insert(taken.date()) {
                keep[index] = true;
            }
        } else if months.len() < MONTHLY && months.insert((taken.year(), taken.month())) {
            keep[index] = true;
        }
    }
    backups
        .iter()
        .zip(keep)
        .filter(|(_, keep)| !keep)
        .map(|(backup, _)| backup.path.clone())
        .collect()
}

/// Delete the backups [`to_prune`] picks at `now`, never `just_made`. Failing to delete an old
/// backup is not worth stopping a save for, so such failures are skipped.
pub fn prune(journal: &Path, now: NaiveDateTime, just_made: Option<&Path>) -> io::Result<()> {
    for path in to_prune(&list(journal)?, now) {
        if Some(path.as_path()) != just_made {
            // An old backup that cannot be deleted stays as one more copy; see above.
            let _ = fs::remove_file(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(stamp: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).unwrap()
    }

    fn backup(taken: NaiveDateTime, sequence: u32, kind: BackupKind) -> Backup {
        Backup {
            path: PathBuf::from(file_name(Path::new("journal.ron"), taken, sequence, kind)),
            taken,
            sequence,
            kind,
        }
    }

    fn newest_first(mut backups: Vec<Backup>) -> Vec<Backup> {
        backups.sort_by_key(|backup| std::cmp::Reverse((backup.taken, backup.sequence)));
        backups
    }

    fn kept(backups: &[Backup], now: NaiveDateTime) -> Vec<NaiveDateTime> {
        let pruned: std::collections::HashSet<PathBuf> =
            to_prune(backups, now).into_iter().collect();
        backups
            .iter()
            .filter(|backup| !pruned.contains(&backup.path))
            .map(|backup| backup.taken)
            .collect()
    }

    #[test]
    fn names_read_back_with_their_time_sequence_and_kind() {
        let taken = at("2026-11-21_10-05-09");
        for (sequence, kind, name) in [
            (
                1,
                BackupKind::Routine,
                "journal.backup-2026-11-21_10-05-09.ron",
            ),
            (
                2,
                BackupKind::Routine,
                "journal.backup-2026-11-21_10-05-09-2.ron",
            ),
            (
                1,
                BackupKind::Start,
                "journal.backup-2026-11-21_10-05-09-start.ron",
            ),
            (
                13,
                BackupKind::Start,
                "journal.backup-2026-11-21_10-05-09-13-start.ron",
            ),
        ] {
            assert_eq!(
                file_name(Path::new("journal.ron"), taken, sequence, kind),
                name
            );
            let rest = name.strip_prefix("journal.backup-").unwrap();
            assert_eq!(parse_name(rest), Some((taken, sequence, kind)));
        }
        for foreign in [
            "2026-11-21_10-05-09-1.ron",
            "2026-11-21_10-05-09-x.ron",
            "2026-11-21_10-05-09-+3.ron",
            "2026-11-21_10-05-09.ron.merged",
            "2026-13-21_10-05-09.ron",
        ] {
            assert_eq!(parse_name(foreign), None, "{foreign}");
        }
    }

    /// Worked by hand: now is 21 Nov 2026 12:30.
    #[test]
    fn keeps_the_newest_hours_days_months_and_starts() {
        let now = at("2026-11-21_12-30-00");
        let mut backups = Vec::new();
        // A burst: 40 saves within one second at 12:29:59.
        for sequence in 1..=40 {
            backups.push(backup(
                at("2026-11-21_12-29-59"),
                sequence,
                BackupKind::Routine,
            ));
        }
        // Two in the 11 o'clock hour, two in the 10 o'clock hour.
        for stamp in ["2026-11-21_11-10-00", "2026-11-21_11-50-00"] {
            backups.push(backup(at(stamp), 1, BackupKind::Routine));
        }
        backups.push(backup(at("2026-11-21_10-05-00"), 1, BackupKind::Start));
        backups.push(backup(at("2026-11-21_10-20-00"), 1, BackupKind::Routine));
        // Yesterday 09:00 and 15:00 (the 15:00 hour is within 24 hours, 09:00 is not).
        backups.push(backup(at("2026-11-20_09-00-00"), 1, BackupKind::Routine));
        backups.push(backup(at("2026-11-20_15-00-00"), 1, BackupKind::Routine));
        // Three on 1 Nov (one day kept), two in each of Sept and May 2026, one in 2023.
        for stamp in [
            "2026-11-01_08-00-00",
            "2026-11-01_09-00-00",
            "2026-11-01_10-00-00",
        ] {
            backups.push(backup(at(stamp), 1, BackupKind::Routine));
        }
        for stamp in [
            "2026-09-03_08-00-00",
            "2026-09-28_08-00-00",
            "2026-05-01_08-00-00",
            "2026-05-02_08-00-00",
            "2023-01-05_08-00-00",
        ] {
            backups.push(backup(at(stamp), 1, BackupKind::Routine));
        }
        // A start backup ten days ago: older than START_DAYS, kept as its day's newest.
        backups.push(backup(at("2026-11-11_07-00-00"), 1, BackupKind::Start));
        let backups = newest_first(backups);
        let kept = kept(&backups, now);
        let expected: Vec<NaiveDateTime> = [
            // The five newest (all from the burst).
            "2026-11-21_12-29-59",
            "2026-11-21_12-29-59",
            "2026-11-21_12-29-59",
            "2026-11-21_12-29-59",
            "2026-11-21_12-29-59",
            // The newest of the 11 and 10 o'clock hours and the start backup of 10:05.
            "2026-11-21_11-50-00",
            "2026-11-21_10-20-00",
            "2026-11-21_10-05-00",
            // Yesterday's newest (15:00; also its hour's newest), not 09:00.
            "2026-11-20_15-00-00",
            "2026-11-11_07-00-00",
            "2026-11-01_10-00-00",
            // The newest of each earlier month.
            "2026-09-28_08-00-00",
            "2026-05-02_08-00-00",
            "2023-01-05_08-00-00",
        ]
        .into_iter()
        .map(at)
        .collect();
        assert_eq!(kept, expected);
        // The newest of the burst is the one with the highest sequence.
        assert_eq!(backups[0].sequence, 40);
        assert!(!to_prune(&backups, now).contains(&backups[0].path));
    }

    #[test]
    fn start_backups_of_the_last_week_are_kept_up_to_their_limit() {
        let now = at("2026-11-21_12-00-00");
        // A command every minute for 50 minutes, two days ago.
        let backups = newest_first(
            (0..50)
                .map(|minute| {
                    let taken = at("2026-11-19_09-00-00") + chrono::Duration::minutes(minute);
                    backup(taken, 1, BackupKind::Start)
                })
                .collect(),
        );
        let kept = kept(&backups, now);
        assert_eq!(kept.len(), KEEP_STARTS);
        assert_eq!(kept[0], backups[0].taken);
    }

    #[test]
    fn years_of_saves_stay_within_the_bound_and_keep_every_recent_month() {
        let now = at("2026-11-21_12-00-00");
        // A save every three hours for five years, a start backup each morning.
        let mut backups = Vec::new();
        let mut taken = at("2021-11-21_12-00-00");
        while taken < now {
            let kind = if taken.hour() == 9 {
                BackupKind::Start
            } else {
                BackupKind::Routine
            };
            backups.push(backup(taken, 1, kind));
            taken += chrono::Duration::hours(3);
        }
        let backups = newest_first(backups);
        let kept = kept(&backups, now);
        assert!(kept.len() <= MAX_KEPT, "{} kept", kept.len());
        // Every one of the last 24 hours that had a save, each of the last 31 days, and each of
        // the 24 months before those.
        let months: BTreeSet<(i32, u32)> = kept
            .iter()
            .filter(|taken| taken.date() < now.date() - chrono::Days::new(31))
            .map(|taken| (taken.year(), taken.month()))
            .collect();
        assert_eq!(months.len(), MONTHLY);
        let days: BTreeSet<_> = kept
            .iter()
            .map(NaiveDateTime::date)
            .filter(|date| *date >= now.date() - chrono::Days::new(31))
            .collect();
        assert_eq!(days.len(), 32);
        // Worked by hand (saves at 00, 03, …, 21 h; now 21 Nov 12:00): the 8 saves of the last
        // 24 hours (which include the 5 newest), 6 more start backups (09:00 on 15–20 Nov), the
        // newest (21:00) of each of the 30 days from 21 Oct to 19 Nov, and 24 months (Oct 2026,
        // whose newest before 21 Oct is 20 Oct 21:00, back to Nov 2024).
        assert_eq!(kept.len(), 8 + 6 + 30 + 24, "{kept:?}");
    }
}
