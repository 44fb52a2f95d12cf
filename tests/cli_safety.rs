//! The command line keeping the journal safe: `check` on a damaged file, `restore`, the lock
//! against a second painlog, and changes made to the file by someone else meanwhile.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{day, journal_in_temp, load, now, replaced_files, run_cli as run_on, save, score};
use painlog::model::Journal;
use std::fs;
use std::path::{Path, PathBuf};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const DAMAGED: &[u8] =
    b"(version: 1, days: [(date: \"2026-06-10\", pain: 4),\n  (date: \"2026-06-11\", pain: 12)])";

/// A journal saved twice (so one backup of 1 day), then damaged.
fn damaged_with_a_backup(path: &Path) -> PathBuf {
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(path, &journal);
    journal.set_day(day("2026-06-12", 6));
    painlog::store::save(path, &journal, now() + chrono::Duration::minutes(3)).unwrap();
    fs::write(path, DAMAGED).unwrap();
    let backups = painlog::store::backup::list(path).unwrap();
    assert_eq!(backups.len(), 1);
    backups[0].path.clone()
}

#[test]
fn check_on_a_damaged_journal_says_where_and_lists_the_backups() {
    let (_folder, path) = journal_in_temp();
    let backup = damaged_with_a_backup(&path);
    let output = run_on(&path, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(message.contains("line 2, column 30"), "{message}");
    assert!(message.contains("a score must be a whole number from 0 to 10, found 12"));
    assert!(
        message.contains("2 |   (date: \"2026-06-11\", pain: 12)])"),
        "the line at fault: {message}"
    );
    assert!(message.contains("painlog has not changed the file"));
    assert!(message.contains("Backups, newest first:"));
    assert!(message.contains("2026-06-15 18:08:00"), "when: {message}");
    assert!(
        message.contains("1 day, 0 sessions"),
        "what it holds: {message}"
    );
    assert!(
        message.contains(&format!("painlog restore {}", backup.display())),
        "how to restore: {message}"
    );
    assert_eq!(fs::read(&path).unwrap(), DAMAGED, "untouched");
}

#[test]
fn check_json_on_a_damaged_journal_gives_the_position_and_the_backups() {
    let (_folder, path) = journal_in_temp();
    let backup = damaged_with_a_backup(&path);
    let output = run_on(&path, &["check", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["line"], 2);
    assert_eq!(value["column"], 30);
    assert_eq!(value["backups"][0]["days"], 1);
    assert_eq!(value["backups"][0]["sessions"], 0);
    assert_eq!(value["backups"][0]["taken"], "2026-06-15T18:08:00");
    assert_eq!(value["backups"][0]["path"], backup.display().to_string());
}

#[test]
fn restore_puts_a_backup_in_place_and_keeps_the_damaged_file() {
    let (folder, path) = journal_in_temp();
    let backup = damaged_with_a_backup(&path);
    let name = backup.file_name().unwrap().to_str().unwrap();
    // The bare name is found beside the journal.
    let output = run_on(&path, &["restore", name]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(said.contains("(1 day, 0 sessions)"), "{said}");
    assert!(
        said.contains("The journal it replaced is kept as"),
        "{said}"
    );
    assert_eq!(
        load(&path).day(common::date("2026-06-10")).unwrap().pain,
        score(4)
    );
    let kept = replaced_files(folder.path());
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), DAMAGED, "kept, never deleted");

    // Restoring again at once keeps the second replaced file too, under another name.
    fs::write(&path, b"not a journal").unwrap();
    assert!(run_on(&path, &["restore", name]).status.success());
    let kept = replaced_files(folder.path());
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(run_on(&path, &["check"]).status.success());
}

#[test]
fn restore_refuses_what_is_not_a_readable_backup() {
    let (folder, path) = journal_in_temp();
    damaged_with_a_backup(&path);

    let output = run_on(&path, &["restore", "journal.backup-1999.ron"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("there is no backup file"));
    assert!(text(&output.stderr).contains("`painlog check` lists the backups"));

    let output = run_on(&path, &["restore", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("that is the journal itself"));

    let broken = folder.path().join("journal.backup-2026-06-01_10-00-00.ron");
    fs::write(&broken, b"(version: 1, days: [(date: \"2026-13-01\")])").unwrap();
    let output = run_on(&path, &["restore", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(message.contains("line 1, column"), "{message}");
    assert!(message.contains("Nothing was changed"), "{message}");

    assert_eq!(fs::read(&path).unwrap(), DAMAGED, "nothing was changed");
    assert!(replaced_files(folder.path()).is_empty());
}

#[test]
fn a_command_that_would_write_while_another_painlog_holds_the_journal_refuses() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    journal.set_day(day("2026-06-11", 5));
    painlog::store::save(&path, &journal, now() + chrono::Duration::minutes(1)).unwrap();
    let before = fs::read(&path).unwrap();
    let backup = painlog::store::backup::list(&path).unwrap();
    let backup_path = backup[0].path.to_str().unwrap().to_owned();

    let held = painlog::store::lock(&path).unwrap();
    for args in [
        &["log", "--pain", "3"][..],
        &[
            "session",
            "add",
            "--kind",
            "swedish",
            "--start",
            "2026-06-10 10:00",
            "--minutes",
            "60",
        ],
        &["session", "remove", "1"],
        &["restore", &backup_path],
    ] {
        let output = run_on(&path, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            text(&output.stderr).contains("the journal is open in another painlog"),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
    assert_eq!(fs::read(&path).unwrap(), before, "nothing was written");
    assert_eq!(painlog::store::backup::list(&path).unwrap(), backup);

    // Reading is still fine.
    assert!(run_on(&path, &["check"]).status.success());
    assert!(run_on(&path, &["session", "list"]).status.success());

    drop(held);
    assert!(run_on(&path, &["log", "--pain", "3"]).status.success());
}

#[test]
fn a_lock_file_left_behind_does_not_block() {
    let (_folder, path) = journal_in_temp();
    fs::write(painlog::store::lock_path(&path), b"").unwrap();
    let output = run_on(&path, &["log", "--date", "2026-06-10", "--pain", "3"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        load(&path).day(common::date("2026-06-10")).unwrap().pain,
        score(3)
    );
}

#[test]
fn the_lock_file_is_private() {
    let (_folder, path) = journal_in_temp();
    assert!(run_on(&path, &["log", "--pain", "3"]).status.success());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(painlog::store::lock_path(&path))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_save_merges_with_a_change_made_to_the_file_meanwhile() {
    // The library call the commands use: between reading and writing, a sync tool brought in
    // another computer's day.
    let (_folder, path) = journal_in_temp();
    let mut base = Journal::new();
    base.set_day(day("2026-06-10", 4));
    save(&path, &base);
    let loaded = painlog::store::load(&path).unwrap();

    let mut laptop = base.clone();
    laptop.set_day(day("2026-06-11", 7));
    painlog::store::save(&path, &laptop, now()).unwrap();

    let mut mine = loaded.journal.clone();
    mine.set_day(day("2026-06-12", 2));
    let outcome = painlog::store::save_merging(
        &path,
        &loaded.journal,
        Some(loaded.hash),
        &mine,
        painlog::store::SaveOptions::at(now()),
    )
    .unwrap();
    assert!(matches!(outcome, painlog::store::SaveMerge::Merged { .. }));
    let saved = load(&path);
    assert_eq!(saved.day_count(), 3);

    // The same day changed both ways: nothing is written.
    let loaded = painlog::store::load(&path).unwrap();
    let mut laptop = saved.clone();
    laptop.set_day(day("2026-06-12", 9));
    painlog::store::save(&path, &laptop, now()).unwrap();
    let bytes = fs::read(&path).unwrap();
    let mut mine = loaded.journal.clone();
    mine.set_day(day("2026-06-12", 1));
    let outcome = painlog::store::save_merging(
        &path,
        &loaded.journal,
        Some(loaded.hash),
        &mine,
        painlog::store::SaveOptions::at(now()),
    )
    .unwrap();
    assert!(matches!(
        outcome,
        painlog::store::SaveMerge::Conflicts { .. }
    ));
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

/// An export through a symbolic link writes the file it points to and keeps the link (renaming
/// onto it once replaced /dev/stdout with a file); a pipe or a device is refused.
#[cfg(unix)]
#[test]
fn an_export_writes_through_a_link_and_refuses_a_pipe() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-01", 4));
    save(&path, &journal);
    let real = folder.path().join("real.md");
    fs::write(&real, "old").unwrap();
    let link = folder.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = run_on(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--all",
            "--out",
            link.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .unwrap()
            .starts_with("# Pain diary summary")
    );
    let pipe = folder.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let out = run_on(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--all",
            "--out",
            pipe.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a file or a folder"));
    assert!(!fs::metadata(&pipe).unwrap().is_file());
}
