//! Other care in the window: Effects marks the sessions with a care visit or a change of regular
//! medication near them, and its switch leaves them out of the answer (kept between runs).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::demo::{DemoSpec, generate};

#[test]
fn effects_marks_sessions_near_other_care_and_the_switch_leaves_them_out() {
    let (_folder, path) = journal_in_temp();
    let journal = generate(DemoSpec::window_demo(date("2026-06-15")));
    save(&path, &journal);
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    click(&mut harness, "Effects");

    // The table says which sessions had other care near them, in the cell a reader hears.
    let marked = harness
        .query_all_by(|node| {
            node.label()
                .or_else(|| node.value())
                .is_some_and(|text| text.contains("(also: "))
        })
        .count();
    assert!(marked >= 1, "a session with other care near it is marked");

    let switch = harness
        .query_all_by(|node| {
            node.label().is_some_and(|label| {
                label.contains("Leave out the") && label.ends_with("near other care")
            })
        })
        .next()
        .expect("the switch, shown because some sessions have other care near them")
        .accesskit_node()
        .label()
        .unwrap();
    let before = answer(&harness);
    harness.get_by_label(&switch).click();
    harness.run();
    wait_for_jobs(&mut harness);
    assert!(
        harness.state().prefs().leave_out_other_care,
        "kept between runs"
    );
    let after = answer(&harness);
    assert_ne!(
        before, after,
        "the answer counts fewer sessions: {before} / {after}"
    );
    assert!(
        harness
            .query_all_by(|node| node
                .label()
                .or_else(|| node.value())
                .is_some_and(|text| text.contains("left out of the summaries")))
            .count()
            >= 1,
        "the left-out sessions stay listed, marked"
    );
}

/// The first sentence of Effects' answer (the one for all sessions).
fn answer(harness: &egui_kittest::Harness<'_, painlog::ui::PainlogApp>) -> String {
    harness
        .query_all_by(|node| {
            node.value().or_else(|| node.label()).is_some_and(|text| {
                text.starts_with("After sessions,") || text.starts_with("Not enough data")
            })
        })
        .next()
        .and_then(|node| {
            let node = node.accesskit_node();
            node.value().or_else(|| node.label())
        })
        .expect("the answer")
}
