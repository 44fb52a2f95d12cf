//! The window with a journal it cannot read, a save that fails, and remembered preferences.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;

use common::*;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{Journal, Metric};
use painlog::ui::{AppConfig, Clock, PainlogApp, Prefs, View};

const DAMAGED: &[u8] =
    b"(version: 1, days: [(date: \"2026-06-10\", pain: 4),\n  (date: \"2026-06-11\", pain: 12)])";

#[test]
fn an_unreadable_journal_opens_the_recovery_view_and_stays_untouched() {
    let (_folder, path) = journal_in_temp();
    fs::write(&path, DAMAGED).unwrap();
    let mut harness = harness(&path);
    harness.get_by_label("painlog cannot read this journal");
    harness.get_by_label_contains("Line 2, column");
    harness.get_by_label_contains("found 12");
    harness.get_by_label_contains("painlog has not changed the file");
    harness.get_by_label("There are no backups beside this journal.");
    harness.run_steps(5);
    assert!(harness.state().document().is_none());
    assert_eq!(fs::read(&path).unwrap(), DAMAGED, "byte-for-byte as it was");
}

#[test]
fn a_backup_can_be_restored_from_the_recovery_view() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    journal.set_day(day("2026-06-12", 6));
    painlog::store::save(&path, &journal, now() + chrono::Duration::minutes(3)).unwrap();
    fs::write(&path, DAMAGED).unwrap();

    let mut harness = harness(&path);
    harness.get_by_label("1 day, 0 sessions");
    harness
        .get_by_label_contains("Restore the backup of")
        .click();
    harness.run();
    harness.get_by_label_contains("Restored the backup");
    assert!(
        harness.state().document().is_some(),
        "the journal is open again"
    );
    assert_eq!(load(&path).day_count(), 1);
    let kept = replaced_files(folder.path());
    assert_eq!(kept.len(), 1);
    assert_eq!(
        fs::read(&kept[0]).unwrap(),
        DAMAGED,
        "the damaged file is kept, not deleted"
    );
}

#[test]
fn another_journal_can_be_opened_and_a_fixed_one_reread() {
    let (folder, path) = journal_in_temp();
    fs::write(&path, DAMAGED).unwrap();
    let other = folder.path().join("other.ron");
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 2));
    save(&other, &journal);

    let mut harness = harness(&path);
    type_into(&mut harness, "Journal file", &other.display().to_string());
    click(&mut harness, "Open");
    assert_eq!(harness.state().journal_path(), other);
    assert_eq!(
        harness
            .get_by_label(&Metric::Pain.field_label())
            .value()
            .as_deref(),
        Some("2")
    );

    // Back on the damaged one, fixed by hand meanwhile: "Try again" reads it.
    let mut harness = common::harness(&path);
    fs::write(
        &path,
        b"(version: 1, days: [(date: \"2026-06-15\", pain: 5)])",
    )
    .unwrap();
    click(&mut harness, "Try again");
    assert_eq!(
        harness
            .get_by_label(&Metric::Pain.field_label())
            .value()
            .as_deref(),
        Some("5")
    );
}

#[test]
fn a_failed_save_is_shown_kept_in_memory_and_retried() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    // Something that is not a file where the journal should go.
    fs::create_dir(&path).unwrap();
    harness
        .get_by_label(&Metric::Pain.field_label())
        .type_text("6");
    harness.run();
    harness.get_by_label_contains("Not saved");
    assert!(harness.state().document().unwrap().has_unsaved_changes());
    assert_eq!(
        harness
            .state()
            .document()
            .unwrap()
            .journal()
            .day(today())
            .unwrap()
            .pain,
        score(6)
    );

    fs::remove_dir(&path).unwrap();
    click(&mut harness, "Try saving again");
    harness.get_by_label_contains("Saved at");
    assert_eq!(load(&path).day(today()).unwrap().pain, score(6));
}

#[test]
fn the_last_view_is_remembered() {
    let (_folder, path) = journal_in_temp();
    let mut config = AppConfig::new(path.clone());
    config.clock = Clock::Fixed(now());
    let app = PainlogApp::new(config).with_prefs(Prefs {
        view: View::Sessions,
        ..Prefs::default()
    });
    assert_eq!(app.view(), View::Sessions);
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    assert_eq!(harness.state().prefs().view, View::Sessions);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num1);
    harness.run();
    assert_eq!(harness.state().prefs().view, View::Day);
}

#[test]
fn a_change_made_outside_the_window_is_read_in_when_nothing_is_unsaved() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 3));
    save(&path, &journal);
    let mut harness = watching_harness(&path);
    assert_eq!(
        harness
            .get_by_label(&Metric::Pain.field_label())
            .value()
            .as_deref(),
        Some("3")
    );

    // As `painlog log --pain 7` from a terminal would.
    journal.set_day(day("2026-06-15", 7));
    painlog::store::save(&path, &journal, now() + chrono::Duration::minutes(1)).unwrap();
    harness.run_steps(3);
    harness.get_by_label_contains("changed outside this window; painlog read it again");
    assert_eq!(
        harness
            .get_by_label(&Metric::Pain.field_label())
            .value()
            .as_deref(),
        Some("7")
    );
}

#[test]
fn a_change_made_outside_the_window_that_cannot_be_read_is_never_written_over_unasked() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    let mut harness = harness(&path);

    // Someone breaks the file in an editor; then the window changes today.
    fs::write(&path, DAMAGED).unwrap();
    harness
        .get_by_label(&Metric::Pain.field_label())
        .type_text("5");
    harness.run();
    harness.get_by_label_contains("changed outside this window and cannot be read now");
    harness.get_by_label_contains("line 2, column 30: a score must be a whole number");
    assert_eq!(fs::read(&path).unwrap(), DAMAGED, "not written over");

    click(&mut harness, "Keep this window's version");
    let saved = load(&path);
    assert_eq!(saved.day(today()).unwrap().pain, score(5));
    assert_eq!(saved.day(date("2026-06-14")).unwrap().pain, score(3));
    let backups = painlog::store::backup::list(&path).unwrap();
    assert!(
        backups
            .iter()
            .any(|backup| fs::read(&backup.path).unwrap() == DAMAGED),
        "the damaged version is kept as a backup"
    );
}

#[test]
fn closing_with_changes_that_cannot_be_saved_asks_first() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    fs::create_dir(&path).unwrap();
    harness
        .get_by_label(&Metric::Pain.field_label())
        .type_text("6");
    harness.run();
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    // The frame that sees the close request must cancel it (or the window would be gone).
    harness.step();
    let cancelled = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|output| {
            output
                .commands
                .contains(&egui::ViewportCommand::CancelClose)
        });
    assert!(
        cancelled,
        "the close is cancelled in the frame that sees it"
    );
    harness.run();
    harness.get_by_label("Close without saving?");
    click(&mut harness, "Keep painlog open");
    assert!(harness.query_by_label("Close without saving?").is_none());
    assert!(
        harness.state().document().unwrap().has_unsaved_changes(),
        "the change is still there"
    );
}

#[test]
fn undo_of_a_deleted_day_never_overwrites_it_after_it_is_logged_again() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 4));
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Delete this day's entry");
    harness.get_by_label("Undo");
    type_into(&mut harness, &Metric::Pain.field_label(), "8");
    assert!(
        harness.query_by_label("Undo").is_none(),
        "the stale undo is gone"
    );
    assert_eq!(load(&path).day(today()).unwrap().pain, score(8));
}

#[test]
fn the_recovery_view_shows_the_line_at_fault() {
    let (_folder, path) = journal_in_temp();
    fs::write(&path, DAMAGED).unwrap();
    let harness = harness(&path);
    harness.get_by_label_contains("2 |   (date: \"2026-06-11\", pain: 12)])");
}

#[test]
fn a_backup_is_not_restored_under_another_painlog_that_holds_the_journal() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    journal.set_day(day("2026-06-12", 6));
    painlog::store::save(&path, &journal, now() + chrono::Duration::minutes(3)).unwrap();
    fs::write(&path, DAMAGED).unwrap();
    let held = painlog::store::lock(&path).unwrap();

    let mut harness = harness(&path);
    harness
        .get_by_label_contains("Restore the backup of")
        .click();
    harness.run();
    harness.get_by_label_contains("the journal is open in another painlog");
    assert!(harness.state().document().is_none());
    assert_eq!(
        fs::read(&path).unwrap(),
        DAMAGED,
        "not restored under the other"
    );

    drop(held);
    harness
        .get_by_label_contains("Restore the backup of")
        .click();
    harness.run();
    harness.get_by_label_contains("Restored the backup");
    assert_eq!(load(&path).day_count(), 1);
}
