//! Care visits from the Day view: added on the day shown (other care needs a name), listed
//! there, removed with an undo, and marked on Trends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use painlog::model::CareKind;

const TALL: [f32; 2] = [1100.0, 1500.0];

#[test]
fn a_care_visit_is_added_on_the_day_shown_removed_and_put_back() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    assert_on_screen(&harness, "None logged.");
    click(&mut harness, "Add a care visit on this day…");

    // Other care without a name is refused, nothing written.
    click(&mut harness, "Other care");
    click(&mut harness, "Add visit");
    assert_on_screen(
        &harness,
        "other care needs a name (what kind of care it was).",
    );
    assert!(!path.exists(), "nothing was written");

    click(&mut harness, "Physiotherapy");
    type_into(
        &mut harness,
        "Note about the visit (optional)",
        "Core and hip work",
    );
    click(&mut harness, "Add visit");
    let journal = load(&path);
    let visits = journal.care_visits();
    assert_eq!(visits.len(), 1);
    assert_eq!(
        (visits[0].date, visits[0].kind, visits[0].note.as_str()),
        (today(), CareKind::Physiotherapy, "Core and hip work")
    );
    assert_on_screen(&harness, "Added the care visit Physiotherapy.");
    assert_on_screen(&harness, "Physiotherapy: Core and hip work");

    click(&mut harness, "Remove");
    assert!(load(&path).care_visits().is_empty(), "removed");
    click(&mut harness, "Undo");
    assert_eq!(load(&path).care_visits().len(), 1, "put back");
    assert_on_screen(&harness, "Physiotherapy: Core and hip work");
}
