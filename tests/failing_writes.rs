//! Saves that fail: a folder painlog may not write in, a full disk, the folder deleted, a file or
//! folder in the way. Each time the window and the command line say so in words, the edits stay
//! in memory (the window) or nothing is changed (the command), nothing on disk is damaged, and
//! saving works again once the cause is gone.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use painlog::demo::{DemoSpec, generate};
use painlog::model::{Journal, Metric};
use painlog::ui::{PainlogApp, SaveStatus};

/// A folder made to refuse writes: by its permissions for a normal user, by the immutable
/// attribute for root (whom permissions do not stop). Undone when dropped.
struct Unwritable {
    folder: PathBuf,
    immutable: bool,
}

impl Unwritable {
    /// Make `folder` refuse writes, or fail the test saying what this machine lacks: a test that
    /// cannot set up its case must not pass.
    fn make(folder: &Path) -> Self {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o500)).unwrap();
        if refuses_writes(folder) {
            return Self {
                folder: folder.to_path_buf(),
                immutable: false,
            };
        }
        // Root, whom permissions do not stop: the immutable attribute does.
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700)).unwrap();
        let made = Command::new("chattr")
            .arg("+i")
            .arg(folder)
            .output()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot make a folder unwritable: running as root, whom permissions do not \
                     stop, and chattr cannot be run ({error}). Install e2fsprogs (Debian/Ubuntu: \
                     apt-get install e2fsprogs), as .ci/run does, or run the tests as a normal user"
                )
            });
        assert!(
            made.status.success(),
            "cannot make a folder unwritable: running as root, whom permissions do not stop, and \
             `chattr +i {}` failed: {}. The temporary folder's file system must support the \
             immutable attribute (ext4 does, tmpfs may not): set TMPDIR to a folder on one, or run \
             the tests as a normal user",
            folder.display(),
            String::from_utf8_lossy(&made.stderr).trim()
        );
        // Dropped (the attribute removed) if the check below fails.
        let unwritable = Self {
            folder: folder.to_path_buf(),
            immutable: true,
        };
        assert!(
            refuses_writes(folder),
            "{} still takes new files after `chattr +i`",
            folder.display()
        );
        unwritable
    }
}

fn refuses_writes(folder: &Path) -> bool {
    let probe = folder.join("probe");
    let refused = fs::write(&probe, b"x").is_err();
    let _ = fs::remove_file(probe);
    refused
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt as _;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.folder).status();
        }
        let _ = fs::set_permissions(&self.folder, fs::Permissions::from_mode(0o700));
    }
}

/// Every file in the folder, with a hash of its bytes.
fn snapshot(folder: &Path) -> Vec<(String, u64)> {
    let mut files: Vec<(String, u64)> = fs::read_dir(folder)
        .unwrap()
        .flatten()
        .filter(|entry| entry.path().is_file())
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                painlog::store::content_hash(&fs::read(entry.path()).unwrap()),
            )
        })
        .collect();
    files.sort();
    files
}

fn a_journal(path: &Path) {
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(path, &journal);
}

fn status(harness: &Harness<'_, PainlogApp>) -> SaveStatus {
    harness.state().document().unwrap().status().clone()
}

fn unsaved(harness: &Harness<'_, PainlogApp>) -> bool {
    harness.state().document().unwrap().has_unsaved_changes()
}

#[test]
fn the_window_keeps_changes_a_read_only_folder_refuses_and_saves_them_once_it_can() {
    let (folder, path) = journal_in_temp();
    a_journal(&path);
    let mut harness = harness(&path);
    let unwritable = Unwritable::make(folder.path());
    let before = snapshot(folder.path());
    type_into(&mut harness, &Metric::Pain.field_label(), "6");
    harness.get_by_label_contains("Not saved (18:05:00): painlog is not allowed to write in");
    harness.get_by_label_contains("Your changes are kept in this window");
    assert!(unsaved(&harness), "the change is kept in memory");
    assert_eq!(snapshot(folder.path()), before, "nothing on disk changed");

    drop(unwritable);
    harness.get_by_label("Try saving again").click();
    harness.run();
    assert!(matches!(status(&harness), SaveStatus::Saved(_)));
    assert_eq!(load(&path).day(today()).unwrap().pain, score(6));
    assert_eq!(load(&path).day(date("2026-06-10")).unwrap().pain, score(4));
}

#[test]
fn the_command_line_says_a_read_only_folder_refused_and_changes_nothing() {
    let (folder, path) = journal_in_temp();
    a_journal(&path);
    let unwritable = Unwritable::make(folder.path());
    let before = snapshot(folder.path());
    let output = run_cli(&path, &["log", "--date", "2026-06-11", "--pain", "3"]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("painlog is not allowed to write in"),
        "{message}"
    );
    assert_eq!(snapshot(folder.path()), before);

    drop(unwritable);
    let output = run_cli(&path, &["log", "--date", "2026-06-11", "--pain", "3"]);
    assert!(output.status.success());
    assert_eq!(load(&path).day_count(), 2);
}

/// A year of days: far larger than the file size limit the "full disk" tests set.
fn a_large_journal(path: &Path) {
    let journal = generate(DemoSpec {
        years: 1,
        sessions: 20,
        seed: 3,
        end: date("2026-06-14"),
    });
    save(path, &journal);
    assert!(fs::metadata(path).unwrap().len() > 16 * 1024);
}

/// Run `program args` with files limited to 4 KiB (a full disk, as far as painlog can tell):
/// `ulimit -S -f 8` in 512-byte blocks, the signal a full file sends ignored, as a full disk
/// gives an error rather than a signal.
fn with_a_full_disk(program: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("ulimit -S -f 8 && trap '' XFSZ && exec \"$0\" \"$@\"")
        .arg(program)
        .args(args);
    command
}

#[test]
fn the_command_line_says_the_disk_is_full_and_changes_nothing() {
    let (folder, path) = journal_in_temp();
    a_large_journal(&path);
    let before = snapshot(folder.path());
    let output = with_a_full_disk(
        Path::new(env!("CARGO_BIN_EXE_painlog")),
        &["--data", path.to_str().unwrap(), "log", "--pain", "3"],
    )
    .env_remove("PAINLOG_DATA")
    .env("PAINLOG_NOW", now().format("%Y-%m-%d %H:%M").to_string())
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("is full"), "{message}");
    assert!(message.contains("free some space"), "{message}");
    assert!(message.contains("Nothing was changed"), "{message}");
    assert_eq!(
        snapshot(folder.path())
            .into_iter()
            .filter(|(name, _)| !name.starts_with(".journal.ron.lock"))
            .collect::<Vec<_>>(),
        before,
        "the journal is whole and no half-written file is left"
    );

    let output = run_cli(&path, &["log", "--pain", "3"]);
    assert!(output.status.success());
    assert_eq!(load(&path).day(today()).unwrap().pain, score(3));
}

const FULL_DISK_CHILD: &str = "PAINLOG_FULL_DISK_CHILD";

/// The window part of the full-disk test, run in a child process whose files are limited (with
/// `--ignored`): on its own it has nothing to test, and is listed as ignored rather than passed.
#[test]
#[ignore = "the window part of the full-disk test, run in a child process by it"]
fn full_disk_window_child() {
    let Some(path) = std::env::var_os(FULL_DISK_CHILD) else {
        panic!(
            "run by the_window_keeps_changes_a_full_disk_refuses_and_saves_them_once_there_is_room, which sets {FULL_DISK_CHILD}"
        );
    };
    let path = PathBuf::from(path);
    let folder = path.parent().unwrap().to_path_buf();
    let mut harness = harness(&path);
    let before = snapshot(&folder);
    type_into(&mut harness, &Metric::Pain.field_label(), "7");
    harness.get_by_label_contains("Not saved (18:05:00): the disk holding");
    harness.get_by_label_contains("is full (or the file would pass a size limit); free some space");
    assert!(unsaved(&harness));
    assert_eq!(
        snapshot(&folder),
        before,
        "the journal is whole, no temporary file left"
    );

    // Space again: lift the limit of this very process.
    let lifted = Command::new("prlimit")
        .arg("--pid")
        .arg(std::process::id().to_string())
        .arg("--fsize=unlimited:")
        .status()
        .expect("prlimit (util-linux) lifts the file size limit");
    assert!(
        lifted.success(),
        "prlimit could not lift the file size limit"
    );
    harness.get_by_label("Try saving again").click();
    harness.run();
    assert!(matches!(status(&harness), SaveStatus::Saved(_)));
    assert_eq!(load(&path).day(today()).unwrap().pain, score(7));
    println!("full disk window test passed");
}

#[test]
fn the_window_keeps_changes_a_full_disk_refuses_and_saves_them_once_there_is_room() {
    if std::env::var_os(FULL_DISK_CHILD).is_some() {
        return;
    }
    // The child lifts its own limit with prlimit, once the disk is "full": without it the test
    // cannot be made, and fails saying so.
    if let Err(error) = Command::new("prlimit").arg("--version").output() {
        panic!(
            "prlimit cannot be run ({error}); install util-linux (Debian/Ubuntu: apt-get install \
             util-linux), as .ci/run does"
        );
    }
    let (_folder, path) = journal_in_temp();
    a_large_journal(&path);
    let output = with_a_full_disk(
        &std::env::current_exe().unwrap(),
        &[
            "full_disk_window_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ],
    )
    .env(FULL_DISK_CHILD, &path)
    .output()
    .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && said.contains("full disk window test passed"),
        "{said}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_window_waits_for_a_deleted_folder_and_can_make_it_again() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("data");
    let path = data.join("journal.ron");
    a_journal(&path);
    let mut harness = harness(&path);

    fs::remove_dir_all(&data).unwrap();
    type_into(&mut harness, &Metric::Pain.field_label(), "5");
    harness.get_by_label_contains(&format!(
        "the folder {} is gone (was its disk removed, or the folder moved?)",
        data.display()
    ));
    assert!(unsaved(&harness));
    assert!(!data.exists(), "not made again unasked");

    // The folder comes back (the disk is plugged in again).
    fs::create_dir(&data).unwrap();
    harness.get_by_label("Try saving again").click();
    harness.run();
    assert!(matches!(status(&harness), SaveStatus::Saved(_)));
    assert_eq!(load(&path).day(today()).unwrap().pain, score(5));

    // Gone again; this time the person has it made.
    fs::remove_dir_all(&data).unwrap();
    type_into(&mut harness, &Metric::Pain.field_label(), "2");
    harness.get_by_label_contains("is gone");
    harness.get_by_label("Make the folder again").click();
    harness.run();
    assert!(matches!(status(&harness), SaveStatus::Saved(_)));
    assert_eq!(load(&path).day(today()).unwrap().pain, score(2));
    use std::os::unix::fs::PermissionsExt as _;
    assert_eq!(
        fs::metadata(&data).unwrap().permissions().mode() & 0o777,
        0o700
    );
}

#[test]
fn the_window_says_when_a_folder_is_in_the_way_of_the_journal() {
    let (_folder, path) = journal_in_temp();
    a_journal(&path);
    let mut harness = harness(&path);
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    type_into(&mut harness, &Metric::Pain.field_label(), "8");
    harness.get_by_label_contains(&format!(
        "{} is a folder, not a file; move it away or choose another journal path",
        path.display()
    ));
    assert!(unsaved(&harness));
    assert_eq!(
        fs::read_dir(&path).unwrap().count(),
        0,
        "nothing written into it"
    );

    fs::remove_dir(&path).unwrap();
    harness.get_by_label("Try saving again").click();
    harness.run();
    assert_eq!(load(&path).day(today()).unwrap().pain, score(8));
}

#[test]
fn the_window_says_when_a_file_is_where_its_folder_should_be() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("data");
    let path = data.join("journal.ron");
    a_journal(&path);
    let mut harness = harness(&path);
    fs::remove_dir_all(&data).unwrap();
    fs::write(&data, b"someone's file").unwrap();
    type_into(&mut harness, &Metric::Pain.field_label(), "1");
    harness.get_by_label_contains("is a file, not a folder; move that file away");
    assert!(unsaved(&harness));
    assert_eq!(fs::read(&data).unwrap(), b"someone's file", "left alone");

    fs::remove_file(&data).unwrap();
    fs::create_dir(&data).unwrap();
    harness.get_by_label("Try saving again").click();
    harness.run();
    assert_eq!(load(&path).day(today()).unwrap().pain, score(1));
}
