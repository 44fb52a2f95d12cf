//! The Patterns view as a person uses it: the named patterns in words with a picture each that
//! a screen reader can name, the others a click away, another metric, and an empty journal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::Journal;
use painlog::ui::labels::patterns as labels;

#[test]
fn the_named_patterns_come_first_with_pictures_a_screen_reader_can_name() {
    let (_folder, path) = journal_in_temp();
    save(&path, &patterns_journal());
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num9);
    harness.run();
    harness.get_by_label(labels::HEADING);
    // Each period is named by itself for a screen reader (they were all "Period:").
    for period in ["Last 90 days", "Last 12 months", "Everything"] {
        harness.get_by_label(period);
    }
    assert_on_screen(
        &harness,
        "1. Higher sleep quality (the night before) went with lower pain the same day (r = −0.96",
    );
    assert_on_screen(
        &harness,
        "2. Days you took Ibuprofen went with higher pain the same day",
    );
    assert_on_screen(
        &harness,
        "Goes together with, which does not mean it causes.",
    );
    let scatter = harness.get_by_label(
        "Scatter: sleep quality (the night before) against pain the same day, 12 days",
    );
    assert_eq!(
        scatter.accesskit_node().role(),
        egui::accesskit::Role::Image
    );
    assert!(
        scatter
            .accesskit_node()
            .description()
            .unwrap()
            .starts_with("Higher sleep quality (the night before) went with lower pain")
    );
    let boxes = harness
        .get_by_label("Box plots: pain the same day on days you took Ibuprofen against other days");
    assert!(
        boxes
            .accesskit_node()
            .description()
            .unwrap()
            .contains("4 days with, 8 without")
    );

    // What is not clear is there too, a click away.
    assert!(harness.query_by_label_contains("(r = 0.15").is_none());
    harness.get_by_label_contains(labels::NO_CLEAR).click();
    harness.run();
    assert_on_screen(
        &harness,
        "Sleep quality (the night before) and pain the next day: no clear pattern (r = 0.15",
    );
    harness.get_by_label_contains(labels::NOT_ENOUGH).click();
    harness.run();
    assert_on_screen(
        &harness,
        "Stress and pain the same day: not enough days yet (0 of 10).",
    );
}

#[test]
fn another_metric_turns_the_question_round() {
    let (_folder, path) = journal_in_temp();
    save(&path, &patterns_journal());
    let mut harness = harness(&path);
    harness.get_by_label("Patterns").click();
    harness.run();
    choose_metric(&mut harness, "Sleep quality (higher is better)");
    assert_on_screen(
        &harness,
        "1. Higher pain went with lower sleep quality the same day",
    );
    assert!(
        harness
            .query_by_label_contains("Ibuprofen went with")
            .is_some()
    );
    // The metric is the one Effects and Aligned show.
    harness.get_by_label("Effects").click();
    harness.run();
    let chosen = harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Metric:")
        .accesskit_node()
        .value();
    assert_eq!(chosen.as_deref(), Some("Sleep quality (higher is better)"));
}

#[test]
fn an_empty_journal_says_what_to_do_first() {
    let (_folder, path) = journal_in_temp();
    save(&path, &Journal::new());
    let mut harness = harness(&path);
    harness.get_by_label("Patterns").click();
    harness.run();
    assert_on_screen(
        &harness,
        "Nothing to look for yet. Log your days in the Day view",
    );
}
