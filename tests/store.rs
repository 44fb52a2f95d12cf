//! The journal file on disk: round trips, atomic saves, backups, damaged files, versions,
//! permissions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use chrono::NaiveDateTime;
use common::*;
use painlog::demo::{self, DemoSpec};
use painlog::model::{Journal, SessionId, SessionKind};
use painlog::store::{self, BackupKind, LoadError, SaveOptions};

fn demo_journal() -> Journal {
    demo::generate(DemoSpec {
        years: 2,
        sessions: 40,
        seed: 11,
        end: today(),
    })
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_journal_saves_and_loads_back_equal() {
    let (_folder, path) = journal_in_temp();
    let journal = demo_journal();
    save(&path, &journal);
    let loaded = store::load(&path).unwrap();
    assert!(loaded.existed);
    assert_eq!(loaded.journal, journal);
    // Saving what was loaded writes the very same bytes.
    let first = fs::read(&path).unwrap();
    save(&path, &loaded.journal);
    assert_eq!(fs::read(&path).unwrap(), first);
}

#[test]
fn a_missing_journal_is_an_empty_one_and_nothing_is_written() {
    let (folder, path) = journal_in_temp();
    let loaded = store::load(&path).unwrap();
    assert!(!loaded.existed);
    assert!(loaded.journal.is_empty());
    assert!(names_in(folder.path()).is_empty());
}

#[test]
fn save_leaves_no_temporary_file_and_creates_missing_folders() {
    let (folder, _) = journal_in_temp();
    let path = folder.path().join("new").join("deeper").join("journal.ron");
    save(&path, &demo_journal());
    save(&path, &Journal::new());
    let names = names_in(path.parent().unwrap());
    assert!(names.iter().all(|name| !name.contains(".tmp")), "{names:?}");
    assert!(names.contains(&"journal.ron".to_owned()));
}

#[test]
fn a_failed_write_leaves_no_temporary_file_and_the_target_as_it_was() {
    let (folder, _) = journal_in_temp();
    // A folder where the file should go: the rename must fail.
    let target = folder.path().join("journal.ron");
    fs::create_dir(&target).unwrap();
    fs::write(target.join("keep.txt"), "x").unwrap();
    assert!(store::write_atomic(&target, b"new").is_err());
    assert_eq!(names_in(folder.path()), ["journal.ron"]);
    assert_eq!(fs::read(target.join("keep.txt")).unwrap(), b"x");

    // The store refuses before writing anything.
    let error = store::save(&target, &demo_journal(), now()).unwrap_err();
    assert!(error.to_string().contains("not a file"), "{error}");

    // A file in the way of the folder.
    let blocked = folder.path().join("file").join("journal.ron");
    fs::write(folder.path().join("file"), "not a folder").unwrap();
    assert!(store::save(&blocked, &demo_journal(), now()).is_err());
    assert_eq!(
        fs::read(folder.path().join("file")).unwrap(),
        b"not a folder"
    );
}

#[test]
fn each_save_keeps_the_previous_version_as_a_dated_backup() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let mut versions = Vec::new();
    for (minute, pain) in [(0, 3), (1, 4), (2, 5)] {
        journal.set_day(day("2026-06-10", pain));
        let at = now() + chrono::Duration::minutes(minute);
        store::save(&path, &journal, at).unwrap();
        versions.push(fs::read(&path).unwrap());
    }
    let backups = store::backup::list(&path).unwrap();
    assert_eq!(backups.len(), 2, "{:?}", names_in(folder.path()));
    // Newest first: the version before the last save, then the one before that.
    assert_eq!(fs::read(&backups[0].path).unwrap(), versions[1]);
    assert_eq!(fs::read(&backups[1].path).unwrap(), versions[0]);
    let name = backups[0]
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(name, "journal.backup-2026-06-15_18-07-00.ron");
    assert_eq!(backups[0].taken, now() + chrono::Duration::minutes(2));
    // Every backup is a readable journal.
    for backup in &backups {
        store::load(&backup.path).unwrap();
    }
}

/// A moment written `YYYY-MM-DD HH:MM:SS`.
fn moment(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// The backup's file name for a moment written `YYYY-MM-DD HH:MM:SS` (`…-start.ron` for a start
/// backup).
fn backup_name(text: &str, start: bool) -> String {
    let stamp = moment(text).format("%Y-%m-%d_%H-%M-%S");
    let kind = if start { "-start" } else { "" };
    format!("journal.backup-{stamp}{kind}.ron")
}

/// The names of the backups of `path`, sorted.
fn backup_names(path: &Path) -> Vec<String> {
    let mut names: Vec<String> = store::backup::list(path)
        .unwrap()
        .iter()
        .map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Two and a half years of saves, each with its own moment, ending at `now()` (15 Jun 2026
/// 18:05:00), then the backups left checked against the policy in README.md ("Backups") worked
/// out by hand: the 5 newest; the 30 newest start backups of the last 7 days; the newest of each
/// hour of the last 24 hours; the newest of each day of the last 31 days; the newest of each month
/// for the 24 months before that. Each save keeps the version it replaces as a backup named by
/// the save's moment (the first save has nothing to keep), then prunes by that moment.
#[test]
fn backups_roll_over() {
    let (_folder, path) = journal_in_temp();
    let mut saves: Vec<(String, BackupKind)> = Vec::new();
    let routine = |text: String| (text, BackupKind::Routine);
    // The first save (no backup), then one on the 14th of each month, Dec 2023 – May 2026.
    saves.push(routine("2023-11-14 12:00:00".into()));
    for month in 0..30 {
        let (year, month) = (2023 + (11 + month) / 12, (11 + month) % 12 + 1);
        saves.push(routine(format!("{year}-{month:02}-14 12:00:00")));
    }
    // Twice on 15 May, the oldest of the last 31 days; once a day on 1–10 June.
    saves.push(routine("2026-05-15 09:00:00".into()));
    saves.push(routine("2026-05-15 21:00:00".into()));
    for day in 1..=10 {
        saves.push(routine(format!("2026-06-{day:02} 12:00:00")));
    }
    // 35 commands on 12 June, one a minute from 10:00: each keeps a start backup.
    for minute in 0..35 {
        saves.push((format!("2026-06-12 10:{minute:02}:00"), BackupKind::Start));
    }
    // Yesterday at 18:00 (five minutes more than 24 hours ago), 20:00 and 20:30; today at 09:00
    // and 17:00; a burst of eight saves a second apart from 18:04:00; the last at 18:05:00.
    for text in [
        "2026-06-14 18:00:00",
        "2026-06-14 20:00:00",
        "2026-06-14 20:30:00",
        "2026-06-15 09:00:00",
        "2026-06-15 17:00:00",
    ] {
        saves.push(routine(text.into()));
    }
    for second in 0..8 {
        saves.push(routine(format!("2026-06-15 18:04:{second:02}")));
    }
    saves.push(routine("2026-06-15 18:05:00".into()));
    assert_eq!(moment(&saves.last().unwrap().0), now());
    assert_eq!(saves.len(), 92, "92 saves: 91 backups");

    let mut journal = Journal::new();
    for (index, (at, kind)) in saves.iter().enumerate() {
        let mut changed = day("2026-06-10", 4);
        changed.note = format!("save {index}");
        journal.set_day(changed);
        store::save_over(&path, &journal, SaveOptions::at(moment(at)).backup(*kind)).unwrap();
    }

    // Worked out by hand at 15 Jun 2026 18:05:00 (91 backups were made):
    let mut expected: Vec<String> = Vec::new();
    // - the 5 newest: the last save's and the burst's last four (18:04:00 – 18:04:03 go: their
    //   hour's and day's newest is 18:05:00);
    for text in [
        "2026-06-15 18:05:00",
        "2026-06-15 18:04:07",
        "2026-06-15 18:04:06",
        "2026-06-15 18:04:05",
        "2026-06-15 18:04:04",
    ] {
        expected.push(backup_name(text, false));
    }
    // - the 30 newest start backups of the last 7 days (from 8 Jun 18:05): 12 June 10:05 – 10:34
    //   (10:00 – 10:04 go: neither in the last 24 hours nor their day's newest, 10:34);
    for minute in 5..35 {
        expected.push(backup_name(&format!("2026-06-12 10:{minute:02}:00"), true));
    }
    // - the newest of each hour since 14 Jun 18:05: 17:00 and 09:00 today, 20:30 yesterday (also
    //   yesterday's newest); 20:00 is not its hour's newest, and 18:00 yesterday is outside the
    //   24 hours and not its day's newest;
    for text in [
        "2026-06-15 17:00:00",
        "2026-06-15 09:00:00",
        "2026-06-14 20:30:00",
    ] {
        expected.push(backup_name(text, false));
    }
    // - the newest of each day since 15 May (today's, yesterday's and 12 June's are counted
    //   above): 1–10 June, and 15 May 21:00, not 09:00;
    for day in 1..=10 {
        expected.push(backup_name(&format!("2026-06-{day:02} 12:00:00"), false));
    }
    expected.push(backup_name("2026-05-15 21:00:00", false));
    // - the newest of each month before that, 24 of them: 14 May 2026 back to 14 Jun 2024 (Dec
    //   2023 – May 2024, six months, go).
    for month in 0..24 {
        let (year, month) = (2024 + (5 + month) / 12, (5 + month) % 12 + 1);
        expected.push(backup_name(
            &format!("{year}-{month:02}-14 12:00:00"),
            false,
        ));
    }
    assert_eq!(
        expected.len(),
        5 + 30 + 3 + 11 + 24,
        "the count worked out by hand"
    );
    expected.sort();
    let kept = backup_names(&path);
    assert_eq!(
        kept.len(),
        73,
        "73 of the 91 backups are kept:\n{}",
        kept.join("\n")
    );
    assert_eq!(kept, expected, "exactly the backups the policy keeps");
}

#[cfg(unix)]
#[test]
fn the_journal_and_its_backups_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let (folder, _) = journal_in_temp();
    let path = folder.path().join("private").join("journal.ron");
    save(&path, &demo_journal());
    save(&path, &Journal::new());
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    let backups = store::backup::list(&path).unwrap();
    assert!(!backups.is_empty());
    for backup in backups {
        assert_eq!(mode(&backup.path), 0o600);
    }
}

/// Write `text` as the journal, try to load it, and check the file is byte-for-byte unchanged.
fn load_damaged(text: &[u8]) -> LoadError {
    let (_folder, path) = journal_in_temp();
    fs::write(&path, text).unwrap();
    let error = store::load(&path).unwrap_err();
    assert_eq!(fs::read(&path).unwrap(), text, "the file is untouched");
    assert_eq!(error.path(), Some(path.as_path()));
    error
}

fn position(error: &LoadError) -> (usize, usize, String) {
    match error {
        LoadError::Damaged {
            line,
            column,
            message,
            ..
        } => (*line, *column, message.clone()),
        other => panic!("expected a damaged-file error, got {other:?}"),
    }
}

#[test]
fn garbage_is_reported_with_its_position() {
    let (line, column, message) = position(&load_damaged(b"hello, world"));
    assert_eq!((line, column), (1, 1));
    assert!(!message.is_empty());
    let (line, _, message) = position(&load_damaged(&[0xff, 0xfe, 0x00, 0x12]));
    assert_eq!(line, 1);
    assert!(message.contains("not UTF-8"), "{message}");
    let (_, _, message) = position(&load_damaged(b""));
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn a_truncated_journal_is_reported_not_half_read() {
    let journal = demo_journal();
    let text = store::to_text(&journal).unwrap();
    let cut = &text.as_bytes()[..text.len() / 2];
    let (line, _, message) = position(&load_damaged(cut));
    assert!(
        line > 10,
        "the position is where the text ends: line {line}"
    );
    assert!(
        message.contains("ends too early") || message.contains("Expected"),
        "{message}"
    );
}

#[test]
fn wrong_types_name_the_line_and_what_was_expected() {
    let text =
        "(\n    version: 1,\n    days: [\n        (date: \"2026-01-02\", pain: 11),\n    ],\n)\n";
    let (line, column, message) = position(&load_damaged(text.as_bytes()));
    assert_eq!(line, 4);
    assert_eq!(column, 36);
    assert!(message.contains("0 to 10"), "{message}");

    let text = "(version: 1, days: [(date: \"2026-01-02\", pain: \"high\")])";
    let (_, _, message) = position(&load_damaged(text.as_bytes()));
    assert!(message.to_lowercase().contains("expected"), "{message}");

    let text = "(version: 1, days: [(date: \"2026-02-30\")])";
    let (_, _, message) = position(&load_damaged(text.as_bytes()));
    assert!(message.contains("must exist"), "{message}");

    let text = "(version: 1, days: [(date: \"2026-01-02\", happiness: 3)])";
    let (_, _, message) = position(&load_damaged(text.as_bytes()));
    assert!(
        message.contains("happiness"),
        "an unknown field is not silently dropped: {message}"
    );
}

#[test]
fn duplicate_dates_point_at_the_second_one() {
    let text = "(version: 1, days: [\n(date: \"2026-01-02\", pain: 1),\n(date: \"2026-01-02\", pain: 2),\n])";
    let (line, _, message) = position(&load_damaged(text.as_bytes()));
    assert_eq!(line, 3);
    assert!(message.contains("two entries for 2026-01-02"), "{message}");
}

#[test]
fn versions_are_checked() {
    match load_damaged(b"(version: 99, days: [])") {
        LoadError::TooNew { found, .. } => assert_eq!(found, 99),
        other => panic!("{other:?}"),
    }
    let (_, _, message) = position(&load_damaged(b"(version: 0)"));
    assert!(message.contains("version 0"), "{message}");
    let (_, _, message) = position(&load_damaged(b"(days: [])"));
    assert!(message.contains("no `version`"), "{message}");
    let error = load_damaged(b"(version: 99)");
    assert!(error.to_string().contains("newer painlog"), "{error}");
}

#[test]
fn a_hand_written_version_1_journal_is_read() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/journal-v1-handwritten.ron");
    let journal = store::load(&path).unwrap().journal;
    assert_eq!(journal.day_count(), 2);
    let first = journal.day(date("2025-03-01")).unwrap();
    assert_eq!(first.pain, score(6));
    assert!(first.note.contains("спина"));
    assert_eq!(journal.day(date("2025-03-02")).unwrap().stress, score(0));
    assert_eq!(journal.sessions().len(), 2);
    assert_eq!(
        journal.sessions()[0].kind,
        SessionKind::Other("Hot stone".into())
    );
    let trigger = journal.session(SessionId(3)).unwrap();
    assert_eq!(trigger.cost.unwrap().to_string(), "85.00 USD");
    assert_eq!(journal.next_session_id(), 4, "ids are never reused");
}

#[test]
fn the_example_journal_in_assets_is_sound() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/example-journal.ron");
    let journal = store::load(&path).unwrap().journal;
    assert!(journal.day_count() >= 5);
    assert!(journal.sessions().len() >= 2);
}

#[test]
fn restoring_a_backup_keeps_the_damaged_file_aside() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    journal.set_day(day("2026-06-11", 5));
    store::save(&path, &journal, now() + chrono::Duration::minutes(1)).unwrap();
    fs::write(&path, b"(version: 1, days: [(date: \"2026-06").unwrap();

    let backup = store::backup::list(&path).unwrap().remove(0);
    let moved = store::restore(&path, &backup.path, now() + chrono::Duration::minutes(2))
        .unwrap()
        .unwrap();
    assert_eq!(
        fs::read(&moved).unwrap(),
        b"(version: 1, days: [(date: \"2026-06"
    );
    let restored = store::load(&path).unwrap().journal;
    assert_eq!(restored.day_count(), 1);
    assert!(
        names_in(folder.path())
            .iter()
            .any(|name| name.starts_with("journal.replaced-"))
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_journal_stays_a_link_and_its_target_is_saved() {
    let (folder, _) = journal_in_temp();
    let synced = folder.path().join("Sync");
    fs::create_dir(&synced).unwrap();
    let target = synced.join("journal.ron");
    save(&target, &Journal::new());
    let link = folder.path().join("journal.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&link, &journal);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(
        load(&target).day_count(),
        1,
        "the file it points to was saved"
    );
    assert_eq!(
        store::backup::list(&target).unwrap().len(),
        1,
        "backups sit beside the real file"
    );
}

#[cfg(unix)]
#[test]
fn backups_of_a_journal_made_elsewhere_are_private_too() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_folder, path) = journal_in_temp();
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/example-journal.ron"),
        &path,
    )
    .unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let journal = load(&path);
    save(&path, &journal);
    let backup = store::backup::list(&path).unwrap().remove(0);
    assert_eq!(
        fs::metadata(&backup.path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// Eleven saves within one second (at `now()`, 15 Jun 2026 18:05:00) after two earlier ones:
/// the burst keeps its 5 newest backups and pushes out none of the older history.
#[test]
fn many_saves_in_one_second_keep_the_newest_backups() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    // Yesterday 11:00 (the first save: nothing to keep), yesterday 12:00 and today 17:00: two
    // backups.
    for (pain, at) in [
        (1, "2026-06-14 11:00:00"),
        (2, "2026-06-14 12:00:00"),
        (3, "2026-06-15 17:00:00"),
    ] {
        journal.set_day(day("2026-06-09", pain));
        store::save(&path, &journal, moment(at)).unwrap();
    }
    let mut versions = Vec::new();
    for pain in 0..=10 {
        versions.push(fs::read(&path).unwrap());
        journal.set_day(day("2026-06-10", pain));
        save(&path, &journal);
    }
    // Worked out by hand at 18:05:00: the burst made 11 backups within one second,
    // `…18-05-00.ron` and then `-2` to `-11`. Kept: the 5 newest (sequences 11 to 7; 1 to 6 go,
    // since the newest of their hour and day is 11); 17:00, the newest of its hour within the
    // last 24 hours; yesterday 12:00, the newest of its day within the last 31 days.
    let kept: Vec<(NaiveDateTime, u32)> = store::backup::list(&path)
        .unwrap()
        .iter()
        .map(|b| (b.taken, b.sequence))
        .collect();
    assert_eq!(
        kept,
        [
            (now(), 11),
            (now(), 10),
            (now(), 9),
            (now(), 8),
            (now(), 7),
            (moment("2026-06-15 17:00:00"), 1),
            (moment("2026-06-14 12:00:00"), 1),
        ],
        "newest first"
    );
    // The backup with sequence n holds what was there before the burst's save n: the version
    // the burst's save n − 1 wrote.
    let backups = store::backup::list(&path).unwrap();
    for (backup, version) in backups.iter().zip(versions.iter().rev()).take(5) {
        assert_eq!(
            &fs::read(&backup.path).unwrap(),
            version,
            "backup {}",
            backup.path.display()
        );
    }
}

#[test]
fn temporary_files_left_by_a_killed_save_are_cleared() {
    let (folder, path) = journal_in_temp();
    let stale = folder.path().join(".journal.ron.tmp-99999-0");
    fs::write(&stale, "half a journal").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let fresh = folder.path().join(".journal.ron.tmp-99999-1");
    fs::write(&fresh, "a save in progress elsewhere").unwrap();
    save(&path, &Journal::new());
    assert!(!stale.exists(), "an old temporary file is removed");
    assert!(fresh.exists(), "a recent one is left alone");
}

/// The copies sync tools leave beside a journal when two computers changed it at once, each a
/// real journal: Syncthing's, Dropbox's and Nextcloud's, ownCloud's; and files that are not such
/// copies of this journal: backups, kept and merged files, copies of another journal, other
/// extensions.
#[test]
fn conflict_copies_are_the_sync_tools_copies_of_this_journal_and_nothing_else() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    // A second save keeps the first as `journal.backup-….ron`.
    journal.set_day(day("2026-06-11", 5));
    store::save(&path, &journal, now() + chrono::Duration::minutes(1)).unwrap();
    let copies = [
        // Syncthing
        "journal.sync-conflict-20260615-101500-ABCDEFG.ron",
        // Dropbox
        "journal (Anna's conflicted copy 2026-06-15).ron",
        // Nextcloud
        "journal (conflicted copy 2026-06-15 101500).ron",
        // ownCloud
        "journal_conflict-20260615-101500.ron",
    ];
    let not_copies = [
        // Copies already merged, renamed by painlog.
        "journal.sync-conflict-20260615-101500-ABCDEFG.ron.merged",
        "journal (Anna's conflicted copy 2026-06-15).ron.merged",
        "journal_conflict-20260615-101500.ron.merged",
        // What painlog keeps.
        "journal.replaced-2026-06-15_18-05-00.ron",
        // Another journal's copies.
        "other.sync-conflict-20260615-101500-ABCDEFG.ron",
        "other (Anna's conflicted copy 2026-06-15).ron",
        "other_conflict-20260615-101500.ron",
        "journal2.sync-conflict-20260615-101500-ABCDEFG.ron",
        // Not a conflict, and not a journal's extension.
        "journal (1).ron",
        "journal.sync-conflict-20260615-101500-ABCDEFG.txt",
    ];
    for name in copies.iter().chain(&not_copies) {
        let mut other = Journal::new();
        other.set_day(day("2026-06-12", 6));
        save(&folder.path().join(name), &other);
    }
    let names = names_in(folder.path());
    assert_eq!(
        names.len(),
        2 + copies.len() + not_copies.len(),
        "the journal, its backup and each file written: {names:?}"
    );
    assert!(
        names.iter().any(|name| name.starts_with("journal.backup-")),
        "{names:?}"
    );

    let mut expected: Vec<_> = copies.iter().map(|name| folder.path().join(name)).collect();
    expected.sort();
    assert_eq!(
        store::conflict_copies(&path),
        expected,
        "exactly the sync tools' copies of journal.ron, sorted"
    );
}
