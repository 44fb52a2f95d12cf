//! Nothing painlog writes replaces what it keeps, backups keep history, no change is dropped
//! silently, and only real journals are read: the files on disk and the command line as a
//! process (docs/ROBUSTNESS.md lists each attack with its result).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use common::*;
use painlog::model::{Journal, SessionKind, parse_start};
use painlog::store::{self, BackupKind, SaveMerge, SaveOptions};

fn at(text: &str) -> NaiveDateTime {
    parse_start(text).unwrap()
}

/// Every file in `folder` with its bytes, sorted by name.
fn snapshot(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| {
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// A journal with two days and a session, saved twice (so it has a backup), and its lock file.
fn kept_files(path: &Path) {
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-01", 4));
    save(path, &journal);
    journal.set_day(day("2026-06-02", 5));
    journal.add_session(session("2026-06-01 17:00", SessionKind::Swedish));
    store::save(path, &journal, now() + chrono::Duration::minutes(1)).unwrap();
    drop(store::lock(path).unwrap());
}

// ---------------------------------------------------------------------------------------------
// Nothing painlog writes replaces what it keeps
// ---------------------------------------------------------------------------------------------

/// Every spelling of every file painlog keeps beside the journal at `path`.
fn kept_targets(path: &Path) -> Vec<(String, PathBuf)> {
    let folder = path.parent().unwrap();
    let backup = store::backup::list(path).unwrap()[0].path.clone();
    let mut targets = vec![
        ("the journal".to_owned(), path.to_path_buf()),
        ("a backup".to_owned(), backup.clone()),
        ("the lock".to_owned(), folder.join(".journal.ron.lock")),
        (
            "a temporary file's name".to_owned(),
            folder.join(".journal.ron.tmp-4242-0"),
        ),
        (
            "a replaced journal's name".to_owned(),
            folder.join("journal.replaced-2026-06-15_18-05-00.ron"),
        ),
        (
            "a merged copy's name".to_owned(),
            folder.join("journal.sync-conflict-20260615-180500-ABC.ron.merged"),
        ),
        (
            "a sync tool's copy".to_owned(),
            folder.join("journal (Anna's conflicted copy 2026-06-15).ron"),
        ),
        (
            "a backup not made yet".to_owned(),
            folder.join("journal.backup-2030-01-01_00-00-00.ron"),
        ),
        (
            "the journal through ..".to_owned(),
            folder
                .join("..")
                .join(folder.file_name().unwrap())
                .join("journal.ron"),
        ),
    ];
    // A symbolic link and a hard link elsewhere, and a copy of the journal (any journal).
    let elsewhere = folder.join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let symlink = elsewhere.join("link.pdf");
    if !symlink.exists() {
        std::os::unix::fs::symlink(path, &symlink).unwrap();
    }
    targets.push(("a symbolic link to the journal".to_owned(), symlink));
    let hard = elsewhere.join("hard.pdf");
    if !hard.exists() {
        fs::hard_link(path, &hard).unwrap();
    }
    targets.push(("a hard link to the journal".to_owned(), hard));
    let hard_backup = elsewhere.join("hard-backup.md");
    if !hard_backup.exists() {
        fs::hard_link(&backup, &hard_backup).unwrap();
    }
    targets.push(("a hard link to a backup".to_owned(), hard_backup));
    let other = elsewhere.join("other-journal.json");
    if !other.exists() {
        fs::copy(path, &other).unwrap();
    }
    targets.push(("another painlog journal".to_owned(), other));
    targets
}

#[test]
fn no_export_writes_over_the_journal_or_anything_kept_beside_it() {
    let (folder, path) = journal_in_temp();
    kept_files(&path);
    let targets = kept_targets(&path);
    let before = snapshot(folder.path());
    let elsewhere_before = snapshot(&folder.path().join("elsewhere"));
    for (what, target) in &targets {
        for format in ["pdf", "md", "json", "csv"] {
            let case = format!("--format {format} --out {what} ({})", target.display());
            let output = painlog_command()
                .arg("--data")
                .arg(&path)
                .args(["export", "--format", format, "--out"])
                .arg(target)
                .output()
                .unwrap();
            let message = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(2), "{case}: {message}");
            assert!(
                message.contains("painlog never writes over it")
                    || message.contains("is a file, not a folder"),
                "{case}: {message}"
            );
            assert_eq!(snapshot(folder.path()), before, "{case}: nothing written");
            assert_eq!(
                snapshot(&folder.path().join("elsewhere")),
                elsewhere_before,
                "{case}: nothing written"
            );
        }
    }
    // A relative path, from the journal's folder.
    let output = painlog_command()
        .current_dir(folder.path())
        .args([
            "--data",
            "journal.ron",
            "export",
            "--format",
            "md",
            "--out",
            "./journal.ron",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(snapshot(folder.path()), before);
    // A report beside them is fine.
    let report = folder.path().join("report.md");
    let output = run_cli(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--out",
            report.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert!(report.is_file());
}

#[test]
fn demo_writes_over_nothing_painlog_keeps_even_names_not_made_yet() {
    let (folder, path) = journal_in_temp();
    kept_files(&path);
    let before = snapshot(folder.path());
    for (what, target) in kept_targets(&path) {
        let output = run_cli(&path, &["demo", "--out", target.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{what}: {output:?}");
        assert_eq!(snapshot(folder.path()), before, "{what}: nothing written");
    }
    // A journal that does not exist yet is still the journal.
    let (_other, fresh) = journal_in_temp();
    let output = run_cli(&fresh, &["demo", "--out", fresh.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("is the journal"));
    assert!(!fresh.exists());
}

// ---------------------------------------------------------------------------------------------
// Backups keep history
// ---------------------------------------------------------------------------------------------

#[test]
fn a_burst_of_saves_in_one_second_keeps_the_newest_state_and_older_history() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    // An hour ago, yesterday and last month: history a burst must not evict.
    let history = [
        at("2026-05-10 09:00"),
        at("2026-06-14 12:00"),
        at("2026-06-15 17:05"),
    ];
    for (index, moment) in history.iter().enumerate() {
        journal.set_day(day("2026-06-01", u8::try_from(index).unwrap()));
        store::save(&path, &journal, *moment).unwrap();
    }
    // Thirty saves within one second, each a new version.
    let burst = at("2026-06-15 18:05");
    let mut versions = Vec::new();
    for pain in 0..30_u8 {
        versions.push(fs::read(&path).unwrap());
        journal.set_day(day("2026-06-02", pain % 11));
        journal.set_day(day("2026-06-03", pain / 11));
        store::save(&path, &journal, burst).unwrap();
    }
    let backups = store::backup::list(&path).unwrap();
    let names: Vec<_> = backups.iter().map(|b| b.path.clone()).collect();
    let unique: std::collections::BTreeSet<_> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "every name is new");
    // The newest backup is the state before the last save.
    assert_eq!(
        fs::read(&backups[0].path).unwrap(),
        *versions.last().unwrap()
    );
    assert_eq!(backups[0].sequence, 30);
    // The hour-old, day-old and month-old states are still there.
    for moment in &history[1..] {
        assert!(
            backups.iter().any(|b| b.taken == *moment),
            "{moment} kept: {names:?}"
        );
    }
    // Within the bound of the policy.
    assert!(backups.len() <= store::backup::MAX_KEPT);
}

#[test]
fn two_minutes_of_typing_do_not_turn_over_the_history() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    // A save every hour of the previous day.
    let mut moment = at("2026-06-14 09:00");
    for hour in 0..24 {
        journal.set_day(day("2026-06-01", hour % 11));
        store::save(&path, &journal, moment).unwrap();
        moment += chrono::Duration::hours(1);
    }
    let before: Vec<NaiveDateTime> = store::backup::list(&path)
        .unwrap()
        .iter()
        .map(|b| b.taken)
        .filter(|taken| *taken <= at("2026-06-15 08:00"))
        .collect();
    // Autosave every second for two minutes, this morning.
    let mut moment = at("2026-06-15 10:00");
    for second in 0..120 {
        journal.set_day(day("2026-06-02", u8::try_from(second % 11).unwrap()));
        store::save(&path, &journal, moment).unwrap();
        moment += chrono::Duration::seconds(1);
    }
    let after: Vec<NaiveDateTime> = store::backup::list(&path)
        .unwrap()
        .iter()
        .map(|b| b.taken)
        .collect();
    // Every hourly backup of the last 24 hours is still there (the burst fills only its own
    // hour), and yesterday's newest stands for yesterday.
    for taken in before.iter().filter(|t| **t >= at("2026-06-14 11:00")) {
        assert!(after.contains(taken), "{taken} kept: {after:?}");
    }
    assert_eq!(before.len(), 23);
    assert!(after.contains(&at("2026-06-14 23:00")));
}

#[test]
fn a_command_keeps_the_journal_as_it_was_before_it_as_a_start_backup() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-01", 4));
    save(&path, &journal);
    let original = fs::read(&path).unwrap();
    let output = run_cli(&path, &["log", "--date", "2026-06-01", "--pain", "6"]);
    assert!(output.status.success(), "{output:?}");
    let backups = store::backup::list(&path).unwrap();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].kind, BackupKind::Start);
    assert!(
        backups[0].path.to_string_lossy().ends_with("-start.ron"),
        "{:?}",
        backups[0].path
    );
    assert_eq!(fs::read(&backups[0].path).unwrap(), original);
}

// ---------------------------------------------------------------------------------------------
// No change is dropped silently
// ---------------------------------------------------------------------------------------------

/// Write `journal` over `path` as another program would (not through painlog's save).
fn write_as_sync_tool(path: &Path, journal: &Journal) {
    fs::write(path, store::to_text(journal).unwrap()).unwrap();
}

#[test]
fn a_version_written_between_the_read_and_the_rename_is_merged_not_replaced() {
    let (_folder, path) = journal_in_temp();
    let mut base = Journal::new();
    base.set_day(day("2026-06-01", 4));
    save(&path, &base);
    let loaded = store::load(&path).unwrap();
    // This painlog changes 2 June; a sync tool writes 3 June while the save is under way.
    let mut mine = loaded.journal.clone();
    mine.set_day(day("2026-06-02", 5));
    let mut theirs = loaded.journal.clone();
    theirs.set_day(day("2026-06-03", 6));
    let theirs_in_hook = theirs.clone();
    let mut fired = false;
    store::set_before_rename_hook(Some(Box::new(move |path: &Path| {
        if !fired {
            fired = true;
            write_as_sync_tool(path, &theirs_in_hook);
        }
    })));
    let outcome = store::save_merging(
        &path,
        &loaded.journal,
        Some(loaded.hash),
        &mine,
        SaveOptions::at(now()),
    )
    .unwrap();
    store::set_before_rename_hook(None);
    assert!(matches!(outcome, SaveMerge::Merged { .. }), "{outcome:?}");
    let on_disk = load(&path);
    assert_eq!(on_disk.day(date("2026-06-02")).unwrap().pain, score(5));
    assert_eq!(
        on_disk.day(date("2026-06-03")).unwrap().pain,
        score(6),
        "theirs kept"
    );
    assert_eq!(on_disk.day(date("2026-06-01")).unwrap().pain, score(4));
}

#[test]
fn a_conflicting_version_written_during_the_save_is_kept_and_nothing_written() {
    let (_folder, path) = journal_in_temp();
    let mut base = Journal::new();
    base.set_day(day("2026-06-01", 4));
    save(&path, &base);
    let loaded = store::load(&path).unwrap();
    let mut mine = loaded.journal.clone();
    mine.set_day(day("2026-06-01", 8));
    let mut theirs = loaded.journal.clone();
    theirs.set_day(day("2026-06-01", 2));
    let theirs_in_hook = theirs.clone();
    store::set_before_rename_hook(Some(Box::new(move |path: &Path| {
        if store::load(path).unwrap().journal != theirs_in_hook {
            write_as_sync_tool(path, &theirs_in_hook);
        }
    })));
    let outcome = store::save_merging(
        &path,
        &loaded.journal,
        Some(loaded.hash),
        &mine,
        SaveOptions::at(now()),
    )
    .unwrap();
    store::set_before_rename_hook(None);
    assert!(
        matches!(outcome, SaveMerge::Conflicts { .. }),
        "{outcome:?}"
    );
    assert_eq!(
        load(&path),
        theirs,
        "their version stays; mine is not written over it"
    );
    let names: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp-")), "{names:?}");
}

#[test]
fn a_writer_whose_lock_file_was_removed_stops_before_it_writes() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-01", 4));
    save(&path, &journal);
    let first = store::lock(&path).unwrap();
    let loaded = store::load(&path).unwrap();
    // Someone deletes the lock file; a second writer takes a new lock and saves.
    fs::remove_file(folder.path().join(".journal.ron.lock")).unwrap();
    let second = store::lock(&path).unwrap();
    let mut theirs = loaded.journal.clone();
    theirs.set_day(day("2026-06-02", 7));
    let options = SaveOptions::at(now()).holding(Some(&second));
    store::save_merging(&path, &loaded.journal, Some(loaded.hash), &theirs, options).unwrap();
    let after_second = fs::read(&path).unwrap();
    // The first writer notices before it writes.
    let mut mine = loaded.journal.clone();
    mine.set_day(day("2026-06-03", 2));
    let options = SaveOptions::at(now()).holding(Some(&first));
    let error =
        store::save_merging(&path, &loaded.journal, Some(loaded.hash), &mine, options).unwrap_err();
    assert!(
        matches!(error, store::SaveError::LockLost { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("was removed or replaced"),
        "{error}"
    );
    assert_eq!(fs::read(&path).unwrap(), after_second, "nothing written");
    // Replaced by another file (not removed): the same.
    drop(second);
    fs::remove_file(folder.path().join(".journal.ron.lock")).unwrap();
    fs::write(folder.path().join(".journal.ron.lock"), "").unwrap();
    let options = SaveOptions::at(now()).holding(Some(&first));
    assert!(store::save_over(&path, &mine, options).is_err());
    assert_eq!(fs::read(&path).unwrap(), after_second);
}

#[test]
fn leftover_temporary_files_go_at_the_next_save_of_a_command() {
    let (folder, path) = journal_in_temp();
    save(&path, &Journal::new());
    // Left by a save killed a moment ago (not a minute: the lock says no one else is saving).
    let leftover = folder.path().join(".journal.ron.tmp-99999-3");
    fs::write(&leftover, "half a journal").unwrap();
    let output = run_cli(&path, &["log", "--date", "2026-06-01", "--pain", "3"]);
    assert!(output.status.success(), "{output:?}");
    assert!(!leftover.exists());
}

// ---------------------------------------------------------------------------------------------
// Only real journals are read
// ---------------------------------------------------------------------------------------------

/// Run painlog with `args`; fail if it has not finished within 20 seconds (it must not hang).
fn run_within(args: &[&str], data: &Path) -> std::process::Output {
    let mut child = painlog_command()
        .arg("--data")
        .arg(data)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("painlog {args:?} on {} hangs", data.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_pipe_a_device_or_a_huge_file_is_refused_at_once() {
    let (folder, _) = journal_in_temp();
    let fifo = folder.path().join("journal.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo (coreutils) is needed for this test");
    let huge = folder.path().join("huge.ron");
    // 300 MiB without writing them (a sparse file).
    fs::File::create(&huge)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    for (data, words) in [
        (fifo.as_path(), "a named pipe (FIFO), not a regular file"),
        (Path::new("/dev/zero"), "a device, not a regular file"),
        (
            huge.as_path(),
            "it is 300 MiB, more than the 256 MiB painlog reads",
        ),
    ] {
        for args in [
            &["check"][..],
            &["log", "--pain", "3"],
            &["export", "--format", "md", "--out", "/dev/null/x.md"],
            &["session", "list"],
        ] {
            let output = run_within(args, data);
            let message = String::from_utf8_lossy(&output.stderr);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{args:?} {data:?}: {message}"
            );
            assert!(message.contains(words), "{args:?} {data:?}: {message}");
        }
    }
    assert_eq!(
        fs::metadata(&huge).unwrap().len(),
        300 * 1024 * 1024,
        "untouched"
    );
}

#[test]
fn a_foreign_file_is_named_in_words_not_in_painlogs_types() {
    let (_folder, path) = journal_in_temp();
    fs::write(&path, "[1, 2]").unwrap();
    let output = run_cli(&path, &["check"]);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("for a painlog journal"), "{message}");
    assert!(!message.contains("VersionProbe"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

#[test]
fn the_same_session_added_twice_is_refused_with_its_id() {
    let (_folder, path) = journal_in_temp();
    let args = session_add_args(&[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let first = run_cli(&path, &args);
    assert!(first.status.success(), "{first:?}");
    let before = fs::read(&path).unwrap();
    let again = run_cli(&path, &args);
    let message = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(2), "{message}");
    assert!(
        message.contains("session 1 already has this start and kind"),
        "{message}"
    );
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written");
    // Another kind at the same time is another session.
    let other = session_add_args(&["--kind", "shiatsu"]);
    let other: Vec<&str> = other.iter().map(String::as_str).collect();
    assert!(run_cli(&path, &other).status.success());
}

#[test]
fn a_session_later_than_now_is_refused() {
    let (_folder, path) = journal_in_temp();
    let later = now() + chrono::Duration::minutes(90);
    let start = later.format("%Y-%m-%d %H:%M").to_string();
    let args = session_add_args(&["--start", &start]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run_cli(&path, &args);
    let message = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    // Later today, or (near midnight) a future date.
    assert!(
        message.contains("is later than now") || message.contains("is in the future"),
        "{message}"
    );
    assert!(!path.exists());
}
