//! The window sharing its journal: with another painlog (the lock), with another computer through
//! a sync folder (merging changes made behind its back), and with copies sync tools leave.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Journal, Metric, SessionKind};
use painlog::ui::{PainlogApp, SaveStatus};

fn pain_shown(harness: &Harness<'_, PainlogApp>) -> Option<String> {
    harness.get_by_label(&Metric::Pain.field_label()).value()
}

fn status(harness: &Harness<'_, PainlogApp>) -> SaveStatus {
    harness.state().document().unwrap().status().clone()
}

#[test]
fn a_second_window_on_the_same_journal_only_reads_it_and_follows_the_first() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 3));
    save(&path, &journal);
    let mut first = watching_harness(&path);
    let mut second = watching_harness(&path);

    second.get_by_label_contains("Read only: this journal is open in another painlog");
    assert_eq!(status(&second), SaveStatus::ReadOnly);
    assert!(
        second
            .get_by_label(&Metric::Pain.field_label())
            .accesskit_node()
            .is_disabled(),
        "the form cannot be edited"
    );
    second.get_by_label_contains("Read only: this window cannot change the journal");
    let before = fs::read(&path).unwrap();
    second
        .get_by_label(&Metric::Pain.field_label())
        .type_text("9");
    second.run();
    assert_eq!(fs::read(&path).unwrap(), before, "the reader wrote nothing");

    // The first window writes; the second shows it.
    type_into_window(&mut first, &Metric::Pain.field_label(), "6");
    assert_eq!(load(&path).day(today()).unwrap().pain, score(6));
    second.run_steps(3);
    assert_eq!(pain_shown(&second).as_deref(), Some("6"));

    // While the first is open, the second cannot take over.
    second.get_by_label("Try to edit again").click();
    second.run();
    second.get_by_label_contains("Still read only: the journal is open in another painlog");

    // Once the first closes, it can.
    drop(first);
    second.get_by_label("Try to edit again").click();
    second.run();
    assert!(second.query_by_label_contains("Read only:").is_none());
    type_into_window(&mut second, &Metric::Pain.field_label(), "2");
    assert_eq!(load(&path).day(today()).unwrap().pain, score(2));
}

/// `type_into` for a harness that is not the common one.
fn type_into_window(harness: &mut Harness<'_, PainlogApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run_steps(2);
}

#[test]
fn the_window_does_not_block_when_the_lock_was_left_by_a_process_that_died() {
    let (_folder, path) = journal_in_temp();
    // A lock file left behind: nobody holds its lock.
    let lock_file = painlog::store::lock_path(&path);
    fs::write(&lock_file, b"").unwrap();
    let mut harness = harness(&path);
    assert!(harness.query_by_label_contains("Read only:").is_none());
    type_into(&mut harness, &Metric::Pain.field_label(), "4");
    assert_eq!(load(&path).day(today()).unwrap().pain, score(4));
}

#[test]
fn a_day_added_on_another_computer_is_merged_with_the_window_s_unsaved_change() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    let mut harness = harness(&path);

    // The sync folder brings in a day logged on the laptop and a session…
    let mut laptop = journal.clone();
    laptop.set_day(day("2026-06-10", 9));
    laptop.add_session(session("2026-06-12 10:00", SessionKind::DeepTissue));
    painlog::store::save(&path, &laptop, now() + chrono::Duration::minutes(1)).unwrap();
    // …while this window logs today.
    harness
        .get_by_label(&Metric::Pain.field_label())
        .type_text("5");
    harness.run();

    let saved = load(&path);
    assert_eq!(saved.day(today()).unwrap().pain, score(5), "this window's");
    assert_eq!(
        saved.day(date("2026-06-10")).unwrap().pain,
        score(9),
        "the laptop's"
    );
    assert_eq!(saved.sessions().len(), 1, "the laptop's session");
    assert_eq!(saved.day(date("2026-06-14")).unwrap().pain, score(3));
    assert!(matches!(status(&harness), SaveStatus::Saved(_)));
}

#[test]
fn after_a_save_the_next_change_merges_against_what_was_saved() {
    // The base of a merge moves with each save: a change on another computer after this window
    // saved is merged with this window's next change, not set against the journal it opened.
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    let mut harness = harness(&path);
    type_into(&mut harness, &Metric::Pain.field_label(), "5");
    assert!(matches!(status(&harness), SaveStatus::Saved(_)));

    let mut laptop = load(&path);
    laptop.set_day(day("2026-06-14", 7));
    painlog::store::save(&path, &laptop, now() + chrono::Duration::minutes(1)).unwrap();
    type_into(&mut harness, &Metric::Pain.field_label(), "6");

    let saved = load(&path);
    assert!(
        matches!(status(&harness), SaveStatus::Saved(_)),
        "no conflict"
    );
    assert_eq!(saved.day(today()).unwrap().pain, score(6), "this window's");
    assert_eq!(
        saved.day(date("2026-06-14")).unwrap().pain,
        score(7),
        "the laptop's"
    );
}

#[test]
fn the_same_day_changed_in_two_places_asks_which_to_keep() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 3));
    journal.set_day(day("2026-06-13", 1));
    save(&path, &journal);
    let mut harness = harness(&path);

    let mut laptop = journal.clone();
    laptop.set_day(day("2026-06-15", 9));
    laptop.set_day(day("2026-06-11", 2));
    painlog::store::save(&path, &laptop, now() + chrono::Duration::minutes(1)).unwrap();
    let laptop_bytes = fs::read(&path).unwrap();
    type_into(&mut harness, &Metric::Pain.field_label(), "5");

    harness.get_by_label("1 record changed in two places");
    harness.get_by_label_contains("This window: pain 5");
    assert_eq!(status(&harness), SaveStatus::Conflicts(1));
    assert_eq!(
        fs::read(&path).unwrap(),
        laptop_bytes,
        "nothing written yet"
    );

    harness.get_by_label_contains("The file: pain 9").click();
    harness.run();
    click(&mut harness, "Save with these choices");
    assert!(
        harness
            .query_by_label("1 record changed in two places")
            .is_none()
    );
    let saved = load(&path);
    assert_eq!(
        saved.day(today()).unwrap().pain,
        score(9),
        "the file's, as chosen"
    );
    assert_eq!(
        saved.day(date("2026-06-11")).unwrap().pain,
        score(2),
        "merged"
    );
    assert_eq!(saved.day(date("2026-06-13")).unwrap().pain, score(1));
    assert_eq!(pain_shown(&harness).as_deref(), Some("9"));
}

#[test]
fn keeping_this_window_s_version_of_a_conflict_keeps_the_other_side_s_other_changes() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 3));
    save(&path, &journal);
    let mut harness = harness(&path);

    let mut laptop = journal.clone();
    laptop.remove_day(today());
    laptop.set_day(day("2026-06-01", 7));
    painlog::store::save(&path, &laptop, now() + chrono::Duration::minutes(1)).unwrap();
    type_into(&mut harness, &Metric::Pain.field_label(), "4");
    harness.get_by_label_contains("The file: deleted");
    click(&mut harness, "Keep this window's version of all");
    click(&mut harness, "Save with these choices");
    let saved = load(&path);
    assert_eq!(saved.day(today()).unwrap().pain, score(4));
    assert_eq!(saved.day(date("2026-06-01")).unwrap().pain, score(7));
}

fn sync_conflict_copy(path: &Path) -> std::path::PathBuf {
    path.with_file_name("journal.sync-conflict-20260615-101500-ABCDEFG.ron")
}

#[test]
fn a_copy_left_by_a_sync_tool_is_offered_and_merged() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    let mut copy = journal.clone();
    copy.set_day(day("2026-06-12", 8));
    copy.add_session(session("2026-06-13 09:30", SessionKind::Sports));
    let copy_path = sync_conflict_copy(&path);
    painlog::store::save(&copy_path, &copy, now()).unwrap();

    let mut harness = watching_harness(&path);
    harness.get_by_label_contains("A sync tool left a copy of this journal beside it");
    harness.get_by_label_contains("journal.sync-conflict-20260615-101500-ABCDEFG.ron");
    click(&mut harness, "Merge it");
    harness.get_by_label("Merged the copy into the journal.");
    let saved = load(&path);
    assert_eq!(saved.day(date("2026-06-12")).unwrap().pain, score(8));
    assert_eq!(saved.sessions().len(), 1);
    assert!(!copy_path.exists(), "the copy is renamed once merged");
    assert!(
        folder
            .path()
            .join("journal.sync-conflict-20260615-101500-ABCDEFG.ron.merged")
            .exists(),
        "and kept"
    );
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("A sync tool left a copy")
            .is_none(),
        "not offered again"
    );
}

#[test]
fn a_copy_is_offered_as_the_window_opens_not_at_the_first_look_later() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    journal.set_day(day("2026-06-12", 8));
    painlog::store::save(&sync_conflict_copy(&path), &journal, now()).unwrap();

    // The usual window, which looks at its folder every two seconds: the copy is offered in the
    // first frames, before anything is typed.
    let harness = harness(&path);
    harness.get_by_label_contains("A sync tool left a copy of this journal beside it");
}

#[test]
fn only_the_window_that_writes_offers_a_copy() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    let mut copy = journal.clone();
    copy.set_day(day("2026-06-12", 8));
    let copy_path = sync_conflict_copy(&path);
    painlog::store::save(&copy_path, &copy, now()).unwrap();

    let mut writer = watching_harness(&path);
    let mut reader = watching_harness(&path);
    reader.run_steps(3);
    reader.get_by_label_contains("Read only: this journal is open in another painlog");
    assert!(
        reader
            .query_by_label_contains("A sync tool left a copy")
            .is_none(),
        "a window that cannot save the merge does not offer it"
    );
    writer.get_by_label_contains("A sync tool left a copy of this journal beside it");
    click(&mut writer, "Merge it");
    assert_eq!(load(&path).day(date("2026-06-12")).unwrap().pain, score(8));
    reader.run_steps(3);
    assert_eq!(
        reader.state().document().unwrap().journal().day_count(),
        2,
        "the reader follows the merge"
    );
}

#[test]
fn a_copy_that_differs_on_a_day_asks_and_can_be_left_alone() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    let mut copy = journal.clone();
    copy.set_day(day("2026-06-14", 6));
    let copy_path = sync_conflict_copy(&path);
    painlog::store::save(&copy_path, &copy, now()).unwrap();
    let journal_bytes = fs::read(&path).unwrap();

    let mut harness = watching_harness(&path);
    click(&mut harness, "Merge it");
    harness.get_by_label("1 record changed in two places");
    harness.get_by_label_contains("The copy: pain 6");
    click(&mut harness, "Do not merge the copy");
    assert!(
        harness
            .query_by_label("1 record changed in two places")
            .is_none()
    );
    harness.run_steps(3);
    assert!(
        harness.query_by_label("Merge it").is_none(),
        "not offered again"
    );
    assert_eq!(fs::read(&path).unwrap(), journal_bytes, "nothing written");
    assert!(copy_path.exists(), "the copy is left as it was");
}

#[test]
fn not_now_leaves_the_copy_alone() {
    let (_folder, path) = journal_in_temp();
    save(&path, &Journal::new());
    let copy_path = path.with_file_name("journal (Sam's conflicted copy 2026-06-15).ron");
    let mut copy = Journal::new();
    copy.set_day(day("2026-06-12", 8));
    painlog::store::save(&copy_path, &copy, now()).unwrap();
    let mut harness = watching_harness(&path);
    click(&mut harness, "Not now");
    harness.run_steps(3);
    assert!(harness.query_by_label("Merge it").is_none());
    assert!(load(&path).is_empty());
    assert!(copy_path.exists());
}
