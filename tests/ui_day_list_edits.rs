//! *Your lists* in the Day view: edit a medication (dose, start, stop) or a home exercise (the
//! session it came from, times a week) in the window; a refused edit says why and writes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Exercise, ItemId, Journal, Medication, SessionKind};

const TALL: [f32; 2] = [1100.0, 1600.0];
const DOSE: &str = "Dose";
const FROM: &str = "Started on (YYYY-MM-DD, empty if not known)";
const UNTIL: &str = "Stopped on (YYYY-MM-DD, empty if still taken)";
const PER_WEEK: &str = "Times a week (1–14, empty if not set)";

/// A journal holding the regular medications Naproxen (from 2026-06-05) and Amitriptyline.
fn with_naproxen() -> (tempfile::TempDir, std::path::PathBuf, ItemId) {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let naproxen = journal
        .add_medication(Medication {
            id: ItemId(0),
            name: "Naproxen".into(),
            dose: "250 mg".into(),
            as_needed: false,
            from: Some(date("2026-06-05")),
            until: None,
        })
        .unwrap();
    // Listed after it, so that a click on Naproxen's row must not be lost to this one's.
    journal
        .add_medication(Medication {
            id: ItemId(0),
            name: "Amitriptyline".into(),
            dose: "10 mg".into(),
            as_needed: false,
            from: None,
            until: None,
        })
        .unwrap();
    save(&path, &journal);
    (folder, path, naproxen)
}

#[test]
fn a_medications_dose_and_start_are_edited_and_saved() {
    let (_folder, path, naproxen) = with_naproxen();
    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Your lists…");
    click(&mut harness, "Edit Naproxen");
    type_into(&mut harness, DOSE, "500 mg");
    type_into(&mut harness, FROM, "2026-06-01");
    click(&mut harness, "Save medication");
    assert_on_screen(&harness, "Saved the medication Naproxen.");
    let stored = load(&path).medication(naproxen).unwrap().clone();
    assert_eq!(stored.dose, "500 mg");
    assert_eq!(stored.from, Some(date("2026-06-01")));
    assert_eq!(stored.until, None);
    assert!(!stored.as_needed);
    assert!(
        harness.query_by_label(DOSE).is_none(),
        "the form closes once saved"
    );
    assert_on_screen(&harness, "Naproxen (500 mg, regularly) from 2026-06-01");

    // Enter in a field saves too: a stop date, and the medication becomes as needed.
    click(&mut harness, "Edit Naproxen");
    click(&mut harness, "Taken as needed");
    type_into(&mut harness, UNTIL, "2026-06-12");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let stored = load(&path).medication(naproxen).unwrap().clone();
    assert_eq!(stored.until, Some(date("2026-06-12")));
    assert!(stored.as_needed);
}

#[test]
fn a_start_after_the_stop_is_refused_and_escape_leaves_the_edit() {
    let (_folder, path, naproxen) = with_naproxen();
    let before = std::fs::read(&path).unwrap();
    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Your lists…");
    click(&mut harness, "Edit Naproxen");
    type_into(&mut harness, UNTIL, "2026-06-01");
    click(&mut harness, "Save medication");
    assert_on_screen(
        &harness,
        "It stops (2026-06-01) before it starts (2026-06-05)",
    );
    type_into(&mut harness, FROM, "2026-02-30");
    click(&mut harness, "Save medication");
    assert_on_screen(&harness, "Started on: ");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing was written");
    assert!(harness.query_by_label(UNTIL).is_some(), "still editing");

    // Escape in a field leaves the edit; the journal keeps what it held.
    type_into(&mut harness, DOSE, "1 g");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label(DOSE).is_none(), "the form closed");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing was written");
    assert_on_screen(&harness, "Naproxen (250 mg, regularly) from 2026-06-05");

    // Stopping it while its edit is open closes the edit, which held the stop it opened with.
    click(&mut harness, "Edit Naproxen");
    click(&mut harness, "Stop Naproxen on this day");
    assert!(harness.query_by_label(DOSE).is_none(), "the form closed");
    assert_eq!(
        load(&path).medication(naproxen).unwrap().until,
        Some(today())
    );
}

#[test]
fn an_exercise_is_linked_to_a_session_and_given_times_a_week() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let mut older = session("2026-05-20 17:30", SessionKind::Swedish);
    older.therapist = Some("Anna".into());
    journal.add_session(older);
    let mut newer = session("2026-06-03 09:00", SessionKind::DeepTissue);
    newer.therapist = Some("Ben".into());
    let newer = journal.add_session(newer);
    let cat_cow = journal
        .add_exercise(Exercise {
            id: ItemId(0),
            name: "Cat-cow".into(),
            session: None,
            per_week: None,
        })
        .unwrap();
    journal
        .add_exercise(Exercise {
            id: ItemId(0),
            name: "Chin tucks".into(),
            session: None,
            per_week: None,
        })
        .unwrap();
    save(&path, &journal);

    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Your lists…");
    click(&mut harness, "Edit Cat-cow");
    // Another exercise's name, or too often a week, is refused, and nothing is written.
    let before = std::fs::read(&path).unwrap();
    type_into(&mut harness, "Exercise's name", "chin tucks");
    click(&mut harness, "Save exercise");
    assert_on_screen(
        &harness,
        "There is already an exercise named \"chin tucks\"; give this one another name.",
    );
    type_into(&mut harness, "Exercise's name", "Cat-cow");
    type_into(&mut harness, PER_WEEK, "15");
    click(&mut harness, "Save exercise");
    assert_on_screen(&harness, "Times a week is a whole number from 1 to 14");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    type_into(&mut harness, PER_WEEK, "3");
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Suggested at")
        .click();
    harness.run();
    // Newest first, each with its date, kind and therapist.
    let options: Vec<String> = harness
        .query_all_by_label_contains(", with ")
        .filter(|node| node.accesskit_node().role() != egui::accesskit::Role::ComboBox)
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert_eq!(
        options,
        [
            "Wed 3 Jun 2026, Deep tissue, with Ben",
            "Wed 20 May 2026, Swedish, with Anna"
        ]
    );
    harness
        .get_all_by_label("Wed 3 Jun 2026, Deep tissue, with Ben")
        .find(|node| node.accesskit_node().role() != egui::accesskit::Role::ComboBox)
        .unwrap()
        .click();
    harness.run();
    click(&mut harness, "Save exercise");
    assert_on_screen(&harness, "Saved the exercise Cat-cow.");
    let stored = load(&path).exercise(cat_cow).unwrap().clone();
    assert_eq!(stored.session, Some(newer));
    assert_eq!(stored.per_week, Some(3));
    assert_on_screen(
        &harness,
        "Cat-cow, 3 times a week, suggested at Wed 3 Jun 2026, Deep tissue, with Ben",
    );

    // "No session" and an empty times a week take both back.
    click(&mut harness, "Edit Cat-cow");
    type_into(&mut harness, PER_WEEK, "");
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Suggested at")
        .click();
    harness.run();
    click(&mut harness, "No session");
    click(&mut harness, "Save exercise");
    let stored = load(&path).exercise(cat_cow).unwrap().clone();
    assert_eq!((stored.session, stored.per_week), (None, None));
}

#[test]
fn the_medication_form_takes_one_tab_stop_a_field_in_order() {
    let (_folder, path, _) = with_naproxen();
    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Your lists…");
    click(&mut harness, "Edit Naproxen");
    assert!(
        harness.get_by_label("Medication's name").is_focused(),
        "the form opens with its first field focused"
    );
    for next in [
        DOSE,
        "Taken as needed",
        FROM,
        UNTIL,
        "Save medication",
        "Cancel",
    ] {
        press_tab(&mut harness);
        assert!(harness.get_by_label(next).is_focused(), "Tab to {next}");
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label(DOSE).is_none(), "Cancel closed it");
}
