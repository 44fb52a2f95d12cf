//! *Your lists* in the Day view: rename and retire an own measure (its history kept), and stop a
//! regular medication on the day shown.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{ItemId, Journal, Medication, Worse};

const TALL: [f32; 2] = [1100.0, 1600.0];

#[test]
fn a_measure_is_renamed_and_retired_and_a_medication_stopped_in_the_window() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let headache = journal.add_measure("Headache", Worse::Higher).unwrap();
    let naproxen = journal
        .add_medication(Medication {
            id: ItemId(0),
            name: "Naproxen".into(),
            dose: "250 mg".into(),
            as_needed: false,
            from: Some(today() - chrono::Days::new(10)),
            until: None,
        })
        .unwrap();
    let mut day = day(&(today() - chrono::Days::new(1)).to_string(), 4);
    day.measures.insert(headache, score(5).unwrap());
    journal.set_day(day);
    save(&path, &journal);

    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Your lists…");
    click(&mut harness, "Rename Headache");
    // A name already used, or empty, is refused with the reason.
    type_into(&mut harness, "New name:", "  ");
    click(&mut harness, "Save name");
    assert_on_screen(&harness, "The measure's name is empty; give it a name.");
    type_into(&mut harness, "New name:", "Migraine");
    click(&mut harness, "Save name");
    let journal = load(&path);
    assert_eq!(journal.measure(headache).unwrap().name, "Migraine");
    assert_eq!(
        journal.days().next().unwrap().measures.get(&headache),
        score(5).as_ref(),
        "the history stays with the measure"
    );
    harness.get_by_label("Migraine (0 = none, 10 = worst)");

    click(&mut harness, "Retire Migraine");
    assert!(load(&path).measure(headache).unwrap().retired);
    assert!(
        harness
            .query_by_label("Migraine (0 = none, 10 = worst)")
            .is_none(),
        "a retired measure leaves the Day view"
    );
    click(&mut harness, "Log Migraine again");
    assert!(!load(&path).measure(headache).unwrap().retired);

    click(&mut harness, "Stop Naproxen on this day");
    assert_eq!(
        load(&path).medication(naproxen).unwrap().until,
        Some(today())
    );
    click(&mut harness, "Naproxen not stopped");
    assert_eq!(load(&path).medication(naproxen).unwrap().until, None);
}
