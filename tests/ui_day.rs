//! The Day view, driven through its labels as a person would, checked against the file on disk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Journal, Metric, Region};

fn label(metric: Metric) -> String {
    metric.field_label()
}

/// What the field of `metric` holds.
fn day_text(
    harness: &egui_kittest::Harness<'_, painlog::ui::PainlogApp>,
    metric: Metric,
) -> String {
    let name = label(metric);
    let value = harness.get_by_label(&name).accesskit_node().value();
    value.unwrap_or_default()
}

#[test]
fn empty_journal_says_what_to_do_first() {
    let (_folder, path) = journal_in_temp();
    let harness = harness(&path);
    harness.get_by_label_contains("Start by logging today");
    harness.get_by_label_contains("Monday 15 June 2026 — today");
    assert!(!path.exists(), "opening an empty journal writes nothing");
}

#[test]
fn logs_today_by_typing_and_tabbing() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    // Today is preselected and the pain field has the focus: just type.
    assert!(harness.get_by_label(&label(Metric::Pain)).is_focused());
    harness.get_by_label(&label(Metric::Pain)).type_text("4");
    harness.run();
    let mut previous = Metric::Pain;
    for (metric, text) in [
        (Metric::WorstPain, "6"),
        (Metric::Stiffness, "5"),
        (Metric::Sleep, "7"),
        (Metric::Stress, "0"),
    ] {
        // Tab passes the score's buttons (one stop, at the chosen score) and its Clear button.
        let name = previous.name();
        press_tab(&mut harness);
        let chosen = format!("{name} {}", day_text(&harness, previous));
        assert!(
            harness.get_by_label(&chosen).is_focused(),
            "Tab from {name} reaches its chosen score"
        );
        press_tab(&mut harness);
        assert!(
            harness
                .get_by_label(&format!("Clear {}", name.to_lowercase()))
                .is_focused()
        );
        press_tab(&mut harness);
        previous = metric;
        assert!(
            harness.get_by_label(&label(metric)).is_focused(),
            "Tab moves to {metric}"
        );
        harness.get_by_label(&label(metric)).type_text(text);
        harness.run();
    }
    click(&mut harness, "Lower back, left: not marked");
    click(&mut harness, "Lower back, right: not marked");
    type_into(
        &mut harness,
        "Note (anything worth remembering)",
        "Walked, \"ok\"\nΖέστη",
    );

    let journal = load(&path);
    let day = journal.day(today()).expect("today was saved");
    assert_eq!(day.pain, score(4));
    assert_eq!(day.worst_pain, score(6));
    assert_eq!(day.stiffness, score(5));
    assert_eq!(day.sleep, score(7));
    assert_eq!(day.stress, score(0), "0 is logged, not the same as empty");
    assert!(day.areas().contains(&Region::LowerBack));
    assert_eq!(day.note, "Walked, \"ok\"\nΖέστη");
    harness.get_by_label_contains("Saved at");
}

#[test]
fn clearing_a_field_makes_it_not_logged_again() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let mut logged = day("2026-06-15", 5);
    logged.sleep = score(6);
    journal.set_day(logged);
    save(&path, &journal);

    let mut harness = harness(&path);
    assert_eq!(
        harness
            .get_by_label(&label(Metric::Pain))
            .value()
            .as_deref(),
        Some("5")
    );
    // The first "Clear" belongs to the pain row.
    harness.get_by_label("Clear pain").click();
    harness.run();
    let day = load(&path).day(today()).cloned().unwrap();
    assert_eq!(day.pain, None);
    assert_eq!(day.sleep, score(6), "the other fields stay");
}

#[test]
fn a_score_outside_0_to_10_is_refused_with_a_message() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 5));
    save(&path, &journal);
    let before = std::fs::read(&path).unwrap();

    let mut harness = harness(&path);
    type_into(&mut harness, &label(Metric::Pain), "11");
    // Under the field, and in the status bar.
    assert_eq!(harness.query_all_by_label_contains("found 11").count(), 2);
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
    type_into(&mut harness, &label(Metric::Pain), "3");
    assert!(harness.query_by_label_contains("found 11").is_none());
    assert_eq!(load(&path).day(today()).unwrap().pain, score(3));
}

#[test]
fn arrow_keys_step_a_score() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(load(&path).day(today()).unwrap().pain, score(1));
}

#[test]
fn future_dates_are_refused() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-06-16");
    press_tab(&mut harness);
    harness.get_by_label_contains("2026-06-16 is in the future");
    harness.get_by_label_contains("Monday 15 June 2026");

    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-02-30");
    press_tab(&mut harness);
    harness.get_by_label_contains("2026-02-30 does not exist: February 2026 has 28 days.");
    assert!(!path.exists());
}

#[test]
fn a_past_day_can_be_opened_edited_deleted_and_restored() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-10", 7));
    journal.set_day(day("2026-06-12", 2));
    save(&path, &journal);

    let mut harness = harness(&path);
    click(&mut harness, "Wed 10 Jun 2026 · pain 7");
    harness.get_by_label_contains("Wednesday 10 June 2026");
    assert_eq!(
        harness
            .get_by_label(&label(Metric::Pain))
            .value()
            .as_deref(),
        Some("7")
    );
    type_into(&mut harness, &label(Metric::Pain), "3");
    assert_eq!(load(&path).day(date("2026-06-10")).unwrap().pain, score(3));

    click(&mut harness, "Delete this day's entry");
    assert!(
        load(&path).day(date("2026-06-10")).is_none(),
        "deleted on disk"
    );
    assert_eq!(
        harness
            .get_by_label(&label(Metric::Pain))
            .value()
            .as_deref(),
        Some("")
    );
    click(&mut harness, "Undo");
    assert_eq!(
        load(&path).day(date("2026-06-10")).unwrap().pain,
        score(3),
        "undo restores it"
    );
    assert_eq!(load(&path).day(date("2026-06-12")).unwrap().pain, score(2));
}

#[test]
fn previous_and_next_day_buttons_and_date_field_open_days() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    click(&mut harness, "◀ Previous day");
    harness.get_by_label_contains("Sunday 14 June 2026");
    harness.get_by_label(&label(Metric::Pain)).type_text("8");
    harness.run();
    assert_eq!(load(&path).day(date("2026-06-14")).unwrap().pain, score(8));
    assert!(load(&path).day(today()).is_none());

    type_into(&mut harness, "Date (YYYY-MM-DD)", "2025-12-31");
    press_tab(&mut harness);
    harness.get_by_label_contains("Wednesday 31 December 2025");
    click(&mut harness, "Today");
    harness.get_by_label_contains("Monday 15 June 2026 — today");
}

#[test]
fn the_status_bar_names_the_file() {
    let (_folder, path) = journal_in_temp();
    let harness = harness(&path);
    harness.get_by_label_contains(&format!("Journal: {}", path.display()));
}
