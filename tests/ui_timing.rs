//! Autosave's timing with a clock the test moves: a save waits for a pause in typing, never
//! comes more than a second after the first unsaved change, and a failed save is tried again
//! every five seconds on its own.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::time::Duration;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{Journal, Metric};
use painlog::ui::{AppConfig, Clock, ManualClock, PainlogApp, SaveStatus};

/// The real app with the default save delay (400 ms) and a clock that moves only when told.
fn timed_harness(path: &std::path::Path) -> (Harness<'static, PainlogApp>, &'static ManualClock) {
    let clock = ManualClock::leaked(now());
    let mut config = AppConfig::new(path.to_path_buf());
    config.clock = Clock::Manual(clock);
    assert_eq!(
        config.save_delay,
        Duration::from_millis(400),
        "the documented delay"
    );
    let mut harness = Harness::builder()
        .with_size([1100.0, 900.0])
        .with_context_setup(painlog::ui::setup_context)
        .build_ui_state(
            |ui, app: &mut PainlogApp| app.show(ui),
            PainlogApp::new(config),
        );
    harness.run();
    (harness, clock)
}

fn pain_on_disk(path: &std::path::Path) -> Option<u8> {
    load(path)
        .day(today())
        .and_then(|day| day.pain)
        .map(painlog::model::Score::get)
}

/// Move the clock on and draw a frame (the window looks at the clock once a frame).
fn wait(harness: &mut Harness<'_, PainlogApp>, clock: &ManualClock, millis: u64) {
    clock.advance(Duration::from_millis(millis));
    harness.run();
}

#[test]
fn a_save_waits_for_a_pause_in_typing() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-14", 2));
    save(&path, &journal);
    let (mut harness, clock) = timed_harness(&path);
    harness
        .get_by_label(&Metric::Pain.field_label())
        .type_text("4");
    harness.run();
    assert_eq!(pain_on_disk(&path), None, "not at once");
    wait(&mut harness, clock, 399);
    assert_eq!(pain_on_disk(&path), None, "not before the pause of 400 ms");
    wait(&mut harness, clock, 1);
    assert_eq!(pain_on_disk(&path), Some(4), "after it");
}

#[test]
fn steady_typing_is_saved_within_a_second_of_the_first_change() {
    let (_folder, path) = journal_in_temp();
    save(&path, &Journal::new());
    let (mut harness, clock) = timed_harness(&path);
    let pain = Metric::Pain.field_label();
    // A key every 300 ms: never a pause of 400 ms.
    harness.get_by_label(&pain).type_text("1");
    harness.run();
    for _ in 0..3 {
        wait(&mut harness, clock, 300);
        assert_eq!(pain_on_disk(&path), None, "still typing");
        harness.key_press(egui::Key::Backspace);
        harness.get_by_label(&pain).type_text("1");
        harness.run();
    }
    // 900 ms after the first key; at 1000 ms it is saved, pause or not.
    wait(&mut harness, clock, 99);
    assert_eq!(pain_on_disk(&path), None);
    wait(&mut harness, clock, 1);
    assert_eq!(
        pain_on_disk(&path),
        Some(1),
        "never more than a second late"
    );
}

#[test]
fn a_failed_save_is_tried_again_every_five_seconds() {
    let (folder, path) = journal_in_temp();
    save(&path, &Journal::new());
    let (mut harness, clock) = timed_harness(&path);
    // A folder where the journal should be: every save fails.
    fs::remove_file(&path).unwrap();
    fs::create_dir(&path).unwrap();
    harness
        .get_by_label(&Metric::Pain.field_label())
        .type_text("6");
    harness.run();
    wait(&mut harness, clock, 400);
    let failed = |harness: &Harness<'_, PainlogApp>| {
        matches!(
            harness.state().document().unwrap().status(),
            SaveStatus::Failed { .. }
        )
    };
    assert!(failed(&harness), "the first save fails");
    // The cause goes away; nothing happens until five seconds have passed.
    fs::remove_dir(&path).unwrap();
    wait(&mut harness, clock, 4_900);
    assert!(!path.exists(), "not tried again before five seconds");
    assert!(failed(&harness));
    wait(&mut harness, clock, 100);
    assert_eq!(
        pain_on_disk(&path),
        Some(6),
        "tried again on its own, and saved"
    );
    assert!(folder.path().join("journal.ron").is_file());
}
