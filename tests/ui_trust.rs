//! The window saves only what it shows, whatever the pace of typing, and writes nothing over a
//! file painlog keeps. Typed key by key, with frames (and saves) between the keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{Amount, Cost, Currency, Journal, Metric, SessionId, SessionKind};
use painlog::store::{self, BackupKind};
use painlog::ui::PainlogApp;

/// Type `keys` into the focused field one character at a time, running frames after each (the
/// harness saves at once, so each frame is a chance to save what the field holds).
fn type_slowly(harness: &mut Harness<'_, PainlogApp>, label: &str, keys: &str) {
    for key in keys.chars() {
        harness.get_by_label(label).type_text(&key.to_string());
        harness.run();
    }
}

fn focus_and_clear(harness: &mut Harness<'_, PainlogApp>, label: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.key_press(egui::Key::Backspace);
    harness.run();
}

fn field_text(harness: &Harness<'_, PainlogApp>, label: &str) -> String {
    harness.get_by_label(label).value().unwrap_or_default()
}

fn status_says(harness: &Harness<'_, PainlogApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn one_pause_one_shows_11_and_saves_what_was_there_before_the_edit() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 3));
    save(&path, &journal);
    let mut harness = harness(&path);
    let pain = Metric::Pain.field_label();
    // Today's pain is not logged yet; the field has the focus as the window opens.
    type_slowly(&mut harness, &pain, "1");
    assert_eq!(load(&path).day(today()).unwrap().pain, score(1));
    assert!(status_says(&harness, "Saved at"));
    type_slowly(&mut harness, &pain, "1");
    assert_eq!(field_text(&harness, &pain), "11");
    // The journal holds what the field held before this edit began: not logged.
    assert_eq!(load(&path).day(today()).map(|d| d.pain), None);
    assert!(
        status_says(&harness, "Not saved:"),
        "the status bar says so"
    );
    assert!(
        !status_says(&harness, "Saved at"),
        "never 'Saved' beside it"
    );
    assert!(status_says(&harness, "found 11"), "and why");
    // Back to 1, and it is saved again.
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(load(&path).day(today()).unwrap().pain, score(1));
    assert!(!status_says(&harness, "Not saved:"));
    assert!(status_says(&harness, "Saved at"));
}

#[test]
fn six_point_five_is_never_saved_as_six() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 2));
    save(&path, &journal);
    let mut harness = harness(&path);
    let stress = Metric::Stress.field_label();
    focus_and_clear(&mut harness, &stress);
    type_slowly(&mut harness, &stress, "6");
    assert_eq!(load(&path).day(today()).unwrap().stress, score(6));
    for key in [".", "5"] {
        type_slowly(&mut harness, &stress, key);
        assert_eq!(
            load(&path).day(today()).unwrap().stress,
            None,
            "after {key:?}: the stress the day had before the edit (none), not 6"
        );
        assert!(status_says(&harness, "Not saved:"));
    }
    assert_eq!(field_text(&harness, &stress), "6.5");
    // Leaving the field does not make it saved.
    press_tab(&mut harness);
    assert_eq!(load(&path).day(today()).unwrap().stress, None);
    assert!(status_says(&harness, "Not saved:"));
    assert_eq!(
        load(&path).day(today()).unwrap().pain,
        score(2),
        "other fields stay"
    );
}

#[test]
fn a_reason_appearing_moves_no_control() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    let below = |harness: &Harness<'_, PainlogApp>| {
        [
            harness
                .get_by_label(&Metric::WorstPain.field_label())
                .rect(),
            harness
                .get_by_label("Note (anything worth remembering)")
                .rect(),
            harness.get_by_label("Clear stress").rect(),
        ]
    };
    let before = below(&harness);
    type_slowly(&mut harness, &Metric::Pain.field_label(), "12");
    assert!(status_says(&harness, "found 12"));
    assert_eq!(
        below(&harness),
        before,
        "the controls below stay where they were"
    );

    click(&mut harness, "Sessions");
    let add = harness.get_by_label("Add session").rect();
    let after_cost = harness
        .get_by_label("Pain right before (0 = none, 10 = worst imaginable)")
        .rect();
    type_into(&mut harness, "Cost (optional, e.g. 60 or 59.50)", "40");
    assert!(status_says(&harness, "Type the currency of the cost"));
    assert_eq!(harness.get_by_label("Add session").rect(), add);
    assert_eq!(
        harness
            .get_by_label("Pain right before (0 = none, 10 = worst imaginable)")
            .rect(),
        after_cost
    );
}

fn journal_with_a_session(path: &std::path::Path) {
    let mut journal = Journal::new();
    let mut session = session("2026-06-10 17:00", SessionKind::DeepTissue);
    session.minutes = painlog::model::Minutes::new(45).unwrap();
    session.pain_after = score(4);
    session.cost = Some(Cost {
        amount: Amount::parse("50").unwrap(),
        currency: Currency::parse("EUR").unwrap(),
    });
    journal.add_session(session);
    save(path, &journal);
}

#[test]
fn an_edited_session_saves_only_what_its_fields_show() {
    let (_folder, path) = journal_in_temp();
    journal_with_a_session(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    list_row(&harness, "Wed 10 Jun 2026, 17:00").click();
    harness.run();
    let minutes = "Minutes (1–480)";
    focus_and_clear(&mut harness, minutes);
    type_slowly(&mut harness, minutes, "60");
    assert_eq!(load(&path).session(SessionId(1)).unwrap().minutes.get(), 60);
    type_slowly(&mut harness, minutes, "0");
    assert_eq!(field_text(&harness, minutes), "600");
    // 600 is refused: the session keeps the minutes it had before this edit (45), not 60.
    assert_eq!(load(&path).session(SessionId(1)).unwrap().minutes.get(), 45);
    assert!(status_says(&harness, "Not saved:"));
    assert!(status_says(&harness, "1 to 480 minutes"));

    let after = "Pain right after (0 = none, 10 = worst imaginable)";
    press_tab(&mut harness);
    focus_and_clear(&mut harness, after);
    type_slowly(&mut harness, after, "1");
    assert_eq!(
        load(&path).session(SessionId(1)).unwrap().pain_after,
        score(1)
    );
    type_slowly(&mut harness, after, "1");
    assert_eq!(
        load(&path).session(SessionId(1)).unwrap().pain_after,
        score(4)
    );
    // The minutes still refuse 600 and still keep 45.
    assert_eq!(load(&path).session(SessionId(1)).unwrap().minutes.get(), 45);

    // A cost without its currency keeps the cost it had.
    focus_and_clear(&mut harness, "Currency");
    assert_eq!(
        load(&path)
            .session(SessionId(1))
            .unwrap()
            .cost
            .unwrap()
            .currency
            .code(),
        "EUR"
    );
    assert!(status_says(&harness, "Type the currency of the cost"));
}

#[test]
fn the_currency_is_empty_until_there_is_one_then_the_last_one() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    assert_eq!(field_text(&harness, "Currency"), "");
    type_into(&mut harness, "Cost (optional, e.g. 60 or 59.50)", "60");
    click(&mut harness, "Add session");
    assert!(
        status_says(&harness, "Not added yet: Type the currency of the cost"),
        "the reason is beside the button"
    );
    assert!(!path.exists(), "nothing added");
    type_into(&mut harness, "Currency", "CHF");
    click(&mut harness, "Add session");
    assert_eq!(load(&path).sessions().len(), 1);
    click(&mut harness, "➕ New session");
    assert_eq!(
        field_text(&harness, "Currency"),
        "CHF",
        "the last session's currency"
    );
}

#[test]
fn the_same_session_twice_or_a_start_later_than_now_is_not_added() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    type_into(&mut harness, "Start time (HH:MM, 24-hour)", "17:30");
    click(&mut harness, "Add session");
    assert_eq!(load(&path).sessions().len(), 1);
    click(&mut harness, "➕ New session");
    type_into(&mut harness, "Start time (HH:MM, 24-hour)", "17:30");
    click(&mut harness, "Add session");
    assert!(status_says(
        &harness,
        "Session 1 already has this start and kind"
    ));
    assert_eq!(load(&path).sessions().len(), 1);
    // Now is 18:05: 19:00 today has not happened yet.
    type_into(&mut harness, "Start time (HH:MM, 24-hour)", "19:00");
    click(&mut harness, "Add session");
    assert!(status_says(&harness, "is later than now"));
    assert_eq!(load(&path).sessions().len(), 1);
    type_into(&mut harness, "Start time (HH:MM, 24-hour)", "18:00");
    click(&mut harness, "Add session");
    assert_eq!(load(&path).sessions().len(), 2);
}

#[test]
fn the_windows_first_save_keeps_the_journal_as_it_was_as_a_start_backup() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    let original = fs::read(&path).unwrap();
    let mut harness = harness(&path);
    type_slowly(&mut harness, &Metric::Pain.field_label(), "3");
    type_into(&mut harness, &Metric::Sleep.field_label(), "6");
    let backups = store::backup::list(&path).unwrap();
    let starts: Vec<_> = backups
        .iter()
        .filter(|b| b.kind == BackupKind::Start)
        .collect();
    assert_eq!(starts.len(), 1, "{backups:?}");
    assert_eq!(fs::read(&starts[0].path).unwrap(), original);
    assert!(
        backups.len() >= 2,
        "later saves keep routine backups: {backups:?}"
    );
}

#[test]
fn an_export_onto_the_journal_or_a_backup_is_refused_and_writes_nothing() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    journal.set_day(day("2026-06-11", 5));
    store::save(&path, &journal, now() + chrono::Duration::minutes(1)).unwrap();
    let backup = store::backup::list(&path).unwrap()[0].path.clone();
    let before: Vec<_> = [&path, &backup]
        .iter()
        .map(|p| fs::read(p).unwrap())
        .collect();
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    click(&mut harness, "The whole journal");
    for (format, label, target) in [
        ("PDF", "Save to (a file)", path.clone()),
        ("Markdown", "Save to (a file)", backup.clone()),
        (
            "JSON",
            "Save to (a file)",
            folder
                .path()
                .join("..")
                .join(folder.path().file_name().unwrap())
                .join("journal.ron"),
        ),
        ("CSV (a folder)", "Save to (a folder)", path.clone()),
    ] {
        click(&mut harness, format);
        type_into(&mut harness, label, target.to_str().unwrap());
        click(&mut harness, "Export");
        assert!(
            status_says(&harness, "painlog never writes over it"),
            "{format} onto {}",
            target.display()
        );
        let after: Vec<_> = [&path, &backup]
            .iter()
            .map(|p| fs::read(p).unwrap())
            .collect();
        assert_eq!(after, before, "{format}: nothing written");
    }
}

#[test]
fn a_window_whose_lock_file_was_removed_saves_only_once_it_holds_the_journal_again() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 4));
    save(&path, &journal);
    let mut harness = harness(&path);
    type_slowly(&mut harness, &Metric::Pain.field_label(), "3");
    assert_eq!(load(&path).day(today()).unwrap().pain, score(3));
    // The lock file is deleted, and another painlog takes a new lock.
    fs::remove_file(folder.path().join(".journal.ron.lock")).unwrap();
    let other = store::lock(&path).unwrap();
    let before = fs::read(&path).unwrap();
    type_into(&mut harness, &Metric::Sleep.field_label(), "7");
    assert!(
        status_says(&harness, "was removed or replaced"),
        "says why it stopped"
    );
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written");
    // The other painlog logs a day and closes; this window takes the journal back and merges.
    let mut theirs = load(&path);
    theirs.set_day(day("2026-06-12", 8));
    store::save(&path, &theirs, now()).unwrap();
    drop(other);
    click(&mut harness, "Try saving again");
    let journal = load(&path);
    assert_eq!(journal.day(today()).unwrap().sleep, score(7));
    assert_eq!(
        journal.day(date("2026-06-12")).unwrap().pain,
        score(8),
        "theirs kept"
    );
}
