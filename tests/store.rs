//! The journal file on disk: round trips, atomic saves, backups, damaged files, versions,
//! permissions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::*;
use painlog::demo::{self, DemoSpec};
use painlog::model::{Journal, SessionId, SessionKind};
use painlog::store::{self, LoadError};

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

#[test]
fn backups_roll_over() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    for index in 0..25_u8 {
        journal.set_day(day("2026-06-10", index % 11));
        journal.set_day(day("2026-06-11", index / 11));
        store::save(
            &path,
            &journal,
            now() + chrono::Duration::seconds(i64::from(index)),
        )
        .unwrap();
    }
    assert_eq!(
        store::backup::list(&path).unwrap().len(),
        store::backup::KEEP_NEWEST
    );
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

    let text = "(version: 1, days: [(date: \"2026-01-02\", mood: 3)])";
    let (_, _, message) = position(&load_damaged(text.as_bytes()));
    assert!(
        message.contains("mood"),
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

#[test]
fn many_saves_in_one_second_keep_the_newest_backups() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let mut versions = Vec::new();
    for pain in 0..=10 {
        versions.push(fs::read(&path).ok());
        journal.set_day(day("2026-06-10", pain));
        save(&path, &journal);
    }
    versions.push(fs::read(&path).ok());
    let backups = store::backup::list(&path).unwrap();
    assert_eq!(backups.len(), store::backup::KEEP_NEWEST);
    // Newest first: the version before the last save is the newest backup.
    assert_eq!(Some(fs::read(&backups[0].path).unwrap()), versions[10]);
    assert_eq!(backups[0].sequence, 10);
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
