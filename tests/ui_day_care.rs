//! The Day view's own measures, medications and home exercises (format version 2), driven
//! through their labels, checked against the file on disk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;

use common::*;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{Exercise, ItemId, Journal, Medication, Worse};

const MEDICATION_NAME: &str = "Name of the new medication";

/// A window tall enough for the whole Day view without scrolling.
const TALL: [f32; 2] = [1100.0, 1500.0];

const TINGLING: &str = "Tingling in the left leg (0 = none, 10 = worst)";

fn medication(name: &str, dose: &str, as_needed: bool, from: &str, until: &str) -> Medication {
    let day = |text: &str| (!text.is_empty()).then(|| date(text));
    Medication {
        id: ItemId::default(),
        name: name.to_owned(),
        dose: dose.to_owned(),
        as_needed,
        from: day(from),
        until: day(until),
    }
}

fn today_of(path: &std::path::Path) -> painlog::model::Day {
    load(path).day(today()).cloned().expect("today was saved")
}

/// The value of own measure `id` saved for today.
fn measure_of(path: &std::path::Path, id: ItemId) -> Option<painlog::model::Score> {
    load(path)
        .day(today())
        .and_then(|day| day.measures.get(&id).copied())
}

#[test]
fn an_own_measure_is_typed_key_by_key_like_a_score() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let tingling = journal
        .add_measure("Tingling in the left leg", Worse::Higher)
        .unwrap();
    let retired = journal.add_measure("Jaw ache", Worse::Higher).unwrap();
    journal.set_measure_retired(retired, true).unwrap();
    let energy = journal.add_measure("Energy", Worse::Lower).unwrap();
    save(&path, &journal);

    let mut harness = harness_sized(&path, TALL);
    assert!(
        harness.query_by_label_contains("Jaw ache").is_none(),
        "a retired measure is not logged any more"
    );
    harness.get_by_label("Energy (0 = worst, 10 = best; higher is better)");
    harness.get_by_label(TINGLING).focus();
    harness.run();
    harness.get_by_label(TINGLING).type_text("1");
    harness.run();
    assert_eq!(measure_of(&path, tingling), score(1));
    // 12 is refused: the journal keeps the value from before the edit (none), and says why.
    harness.get_by_label(TINGLING).type_text("2");
    harness.run();
    assert_on_screen(&harness, "Tingling in the left leg: ");
    assert_eq!(measure_of(&path, tingling), None);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.get_by_label(TINGLING).type_text("0");
    harness.run();
    press_tab(&mut harness);
    assert_eq!(measure_of(&path, tingling), score(10));
    // The buttons set it as well; the other measure stays not logged.
    click(&mut harness, "Tingling in the left leg 4");
    assert_eq!(measure_of(&path, tingling), score(4));
    assert_eq!(measure_of(&path, energy), None);
    click(&mut harness, "Clear tingling in the left leg");
    assert_eq!(measure_of(&path, tingling), None);
}

#[test]
fn took_my_regular_medications_ticks_the_regular_ones_current_that_day() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let ibuprofen = journal
        .add_medication(medication("Ibuprofen", "400 mg", true, "", ""))
        .unwrap();
    let naproxen = journal
        .add_medication(medication("Naproxen", "250 mg", false, "2026-06-01", ""))
        .unwrap();
    let vitamin = journal
        .add_medication(medication("Vitamin D", "", false, "", ""))
        .unwrap();
    journal
        .add_medication(medication(
            "Old pill",
            "",
            false,
            "2026-01-01",
            "2026-05-01",
        ))
        .unwrap();
    journal
        .add_medication(medication("New pill", "", false, "2026-07-01", ""))
        .unwrap();
    save(&path, &journal);

    let mut harness = harness_sized(&path, TALL);
    harness.get_by_label("Ibuprofen (400 mg, as needed)");
    harness.get_by_label("Naproxen (250 mg, regularly)");
    assert!(
        harness.query_by_label_contains("Old pill").is_none(),
        "a medication stopped before the day is not offered"
    );
    assert!(harness.query_by_label_contains("New pill").is_none());
    click(&mut harness, "Took my regular medications");
    assert_eq!(today_of(&path).took, BTreeSet::from([naproxen, vitamin]));
    click(&mut harness, "Ibuprofen (400 mg, as needed)");
    assert_eq!(
        today_of(&path).took,
        BTreeSet::from([ibuprofen, naproxen, vitamin])
    );
    click(&mut harness, "Vitamin D (regularly)");
    assert_eq!(today_of(&path).took, BTreeSet::from([ibuprofen, naproxen]));
}

#[test]
fn an_exercise_done_is_ticked() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let cat_cow = journal
        .add_exercise(Exercise {
            id: ItemId::default(),
            name: "Cat-cow".to_owned(),
            session: None,
            per_week: Some(5),
        })
        .unwrap();
    save(&path, &journal);

    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Cat-cow (5 a week)");
    assert_eq!(today_of(&path).did, BTreeSet::from([cat_cow]));
    click(&mut harness, "Cat-cow (5 a week)");
    assert!(
        load(&path).day(today()).is_none(),
        "nothing else was logged"
    );
}

#[test]
fn a_journal_without_care_lists_says_they_can_be_added() {
    let (_folder, path) = journal_in_temp();
    let harness = harness_sized(&path, TALL);
    assert_on_screen(
        &harness,
        "Own measures (e.g. tingling in the left leg): none yet",
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("None in the journal yet")
            .count(),
        2,
        "medications and exercises"
    );
}

#[test]
fn a_medication_measure_and_exercise_are_added_in_the_window() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Add a medication…");
    // Nothing typed: refused, with the reason under the form.
    click(&mut harness, "Add medication");
    assert_on_screen(&harness, "The medication's name is empty; give it a name.");
    assert!(!path.exists(), "nothing was written");
    type_into(&mut harness, MEDICATION_NAME, "Ibuprofen");
    type_into(&mut harness, "Dose (optional)", "400 mg");
    click(&mut harness, "Taken as needed");
    click(&mut harness, "Add medication");
    let journal = load(&path);
    let medication = journal.medication_named("Ibuprofen").expect("added");
    assert_eq!(
        (medication.dose.as_str(), medication.as_needed),
        ("400 mg", true)
    );
    assert_on_screen(&harness, "Added the medication Ibuprofen.");
    // Its check box is there at once; a second one of the same name is refused.
    click(&mut harness, "Ibuprofen (400 mg, as needed)");
    assert_eq!(today_of(&path).took, BTreeSet::from([medication.id]));
    type_into(&mut harness, MEDICATION_NAME, "ibuprofen");
    click(&mut harness, "Add medication");
    assert_on_screen(
        &harness,
        "There is already a medication named \"ibuprofen\".",
    );
    assert_eq!(load(&path).medications().len(), 1);

    click(&mut harness, "Add a measure…");
    type_into(&mut harness, "Name of the new measure", "Energy");
    click(&mut harness, "0 is worst");
    click(&mut harness, "Add measure");
    let journal = load(&path);
    assert_eq!(journal.measure_named("Energy").unwrap().worse, Worse::Lower);
    harness.get_by_label("Energy (0 = worst, 10 = best; higher is better)");

    click(&mut harness, "Add an exercise…");
    type_into(&mut harness, "Name of the new exercise", "Cat-cow");
    type_into(&mut harness, "Times a week (optional)", "15");
    click(&mut harness, "Add exercise");
    assert_on_screen(&harness, "Times a week is a whole number from 1 to 14");
    assert!(load(&path).exercises().is_empty());
    type_into(&mut harness, "Times a week (optional)", "3");
    click(&mut harness, "Add exercise");
    assert_eq!(
        load(&path).exercise_named("Cat-cow").unwrap().per_week,
        Some(3)
    );
    click(&mut harness, "Cat-cow (3 a week)");
    assert_eq!(today_of(&path).did.len(), 1);
}
