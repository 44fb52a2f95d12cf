//! The body map of the Day view and of the session form (format version 2): places marked by
//! their names as a person (or a screen reader) finds them, with the mouse and with the keyboard
//! alone, checked against the file on disk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::accesskit::{Role, Toggled};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{BodyMap, Metric, Region, Side, Spot};

/// A window tall enough for the whole Day view without scrolling.
const TALL: [f32; 2] = [1100.0, 1500.0];

fn spot(region: Region, side: Side) -> Spot {
    Spot::new(region, side)
}

fn saved_regions(path: &std::path::Path) -> BodyMap {
    load(path)
        .day(today())
        .map(|day| day.regions.clone())
        .unwrap_or_default()
}

#[test]
fn a_click_marks_a_place_and_its_intensity_is_chosen_under_the_figures() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    let place = harness.get_by_label("Lower back, left: not marked");
    assert_eq!(place.accesskit_node().role(), Role::CheckBox);
    assert_eq!(place.accesskit_node().toggled(), Some(Toggled::False));
    click(&mut harness, "Lower back, left: not marked");
    let place = harness.get_by_label("Lower back, left: hurt, intensity not logged");
    assert_eq!(place.accesskit_node().toggled(), Some(Toggled::True));
    let expected = BodyMap::from([(spot(Region::LowerBack, Side::Left), None)]);
    assert_eq!(
        saved_regions(&path),
        expected,
        "marked, intensity not logged"
    );

    click(&mut harness, "Intensity of Lower back, left 6");
    harness.get_by_label("Lower back, left: hurt, intensity 6");
    harness.get_by_label_contains("Marked: Lower back, left 6");
    let expected = BodyMap::from([(spot(Region::LowerBack, Side::Left), score(6))]);
    assert_eq!(saved_regions(&path), expected);
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(file.contains("LowerBackLeft: 6"), "{file}");

    // "Not logged" keeps the mark and forgets the number.
    click(&mut harness, "Intensity of Lower back, left not logged");
    let expected = BodyMap::from([(spot(Region::LowerBack, Side::Left), None)]);
    assert_eq!(saved_regions(&path), expected);
    // A click on the chosen place unmarks it.
    click(&mut harness, "Lower back, left: hurt, intensity not logged");
    harness.get_by_label("Lower back, left: not marked");
    assert!(saved_regions(&path).is_empty());
}

#[test]
fn a_click_on_a_marked_place_chooses_it_and_unmark_takes_it_off() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Neck, right: not marked");
    click(&mut harness, "Intensity of Neck, right 3");
    click(&mut harness, "Head: not marked");
    click(&mut harness, "Intensity of Head 8");
    // The neck is marked, not chosen: a click chooses it and keeps its mark.
    click(&mut harness, "Neck, right: hurt, intensity 3");
    harness.get_by_label("Intensity of Neck, right, 0 to 10");
    assert_eq!(saved_regions(&path).len(), 2);
    click(&mut harness, "Unmark Neck, right");
    let expected = BodyMap::from([(Spot::new(Region::Head, Side::Left), score(8))]);
    assert_eq!(saved_regions(&path), expected);
}

#[test]
fn the_back_shows_the_persons_left_on_the_left_and_the_front_on_the_right() {
    let (_folder, path) = journal_in_temp();
    let harness = harness_sized(&path, TALL);
    let x = |label: &str| harness.get_by_label(label).rect().center().x;
    // The back figure: as seen from behind.
    assert!(x("Lower back, left: not marked") < x("Lower back, right: not marked"));
    assert!(x("Sacrum / SI joints, left: not marked") < x("Sacrum / SI joints, right: not marked"));
    // The front figure, facing the person: their left is on the right.
    assert!(x("Chest, left: not marked") > x("Chest, right: not marked"));
    // The front is drawn left of the back.
    assert!(x("Chest, left: not marked") < x("Lower back, left: not marked"));
    let painted = painted_texts(&harness);
    for word in ["Front", "Back", "L", "R"] {
        assert!(
            painted.iter().any(|text| text == word),
            "{word} in {painted:?}"
        );
    }
}

#[test]
fn an_intensity_is_drawn_on_its_place_as_a_number() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Hips / glutes, right: not marked");
    click(&mut harness, "Intensity of Hips / glutes, right 7");
    let place = harness
        .get_by_label("Hips / glutes, right: hurt, intensity 7")
        .rect();
    let galleys = painted_galleys(&harness);
    // Drawn on the back figure and on the front one: twice, each inside a place.
    let sevens = galleys.iter().filter(|galley| galley.text() == "7").count();
    assert!(sevens >= 2, "the number on both figures");
    assert!(place.width() > 10.0 && place.height() > 10.0, "{place:?}");
}

#[test]
fn the_map_is_one_tab_stop_used_with_arrows_space_and_digits() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    // From the last score field: its radio group, then the map (Clear is off: nothing to clear).
    harness.get_by_label(&Metric::Mood.field_label()).focus();
    harness.run();
    press_tab(&mut harness);
    assert!(harness.get_by_label("Mood 0").is_focused());
    press_tab(&mut harness);
    assert!(
        harness.get_by_label("Head: not marked").is_focused(),
        "Tab reaches the map at its first place"
    );
    // Head, the neck and shoulders (left, right), the chest, the arms, the upper and mid back,
    // then the lower back on the left.
    for _ in 0..13 {
        harness.key_press(egui::Key::ArrowDown);
        harness.run();
    }
    assert!(
        harness
            .get_by_label("Lower back, left: not marked")
            .is_focused(),
        "the arrows move between places, not out of the map"
    );
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(
        harness
            .get_by_label("Lower back, left: hurt, intensity not logged")
            .is_focused()
    );
    harness.key_press(egui::Key::Num6);
    harness.run();
    assert!(
        harness
            .get_by_label("Lower back, left: hurt, intensity 6")
            .is_focused()
    );
    let expected = BodyMap::from([(spot(Region::LowerBack, Side::Left), score(6))]);
    assert_eq!(saved_regions(&path), expected);
    // A screen reader hears the change, which may not read a new name of the focused place.
    let said = harness.get_by_label("hurt, intensity 6");
    assert_eq!(said.accesskit_node().live(), egui::accesskit::Live::Polite);
    // 1 then 0 is 10.
    harness.key_press(egui::Key::Num1);
    harness.run();
    harness.key_press(egui::Key::Num0);
    harness.run();
    harness.get_by_label("Lower back, left: hurt, intensity 10");
    // → moves on; Space and 2 mark the right side.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    harness.key_press(egui::Key::Num2);
    harness.run();
    let expected = BodyMap::from([
        (spot(Region::LowerBack, Side::Left), score(10)),
        (spot(Region::LowerBack, Side::Right), score(2)),
    ]);
    assert_eq!(saved_regions(&path), expected);
    // Delete unmarks; Space on a marked place with the keyboard unmarks it too.
    harness.key_press(egui::Key::Delete);
    harness.run();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(saved_regions(&path).is_empty());
    assert!(
        harness
            .get_by_label("Lower back, left: not marked")
            .is_focused()
    );
    // One stop: Tab leaves the map for the intensity of the chosen place.
    press_tab(&mut harness);
    assert!(
        harness
            .get_by_label("Intensity of Lower back, left 0")
            .is_focused()
    );
}

#[test]
fn a_session_focus_is_marked_on_the_map_without_intensities() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    click(&mut harness, "Sessions");
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-06-12");
    type_into(&mut harness, "Start time (HH:MM, 24-hour)", "17:30");
    type_into(&mut harness, "Minutes (1–480)", "60");
    click(&mut harness, "Sacrum / SI joints, right: not marked");
    click(&mut harness, "Neck, left: not marked");
    click(&mut harness, "Neck, right: not marked");
    // Marks only: a second click unmarks at once, and there is no intensity to choose.
    click(&mut harness, "Neck, right: worked on");
    assert!(harness.query_by_label_contains("Intensity of").is_none());
    click(&mut harness, "Add session");
    let journal = load(&path);
    let session = &journal.sessions()[0];
    assert_eq!(
        session.focus,
        [
            spot(Region::Neck, Side::Left),
            spot(Region::Sacrum, Side::Right)
        ]
        .into_iter()
        .collect()
    );
}

#[test]
fn the_shortcuts_list_names_the_keys_of_the_map() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, TALL);
    harness.key_press(egui::Key::F1);
    harness.run();
    assert_on_screen(&harness, "Arrows on the body map");
    assert_on_screen(&harness, "set its intensity (1 then 0 for 10)");
}

#[test]
fn at_800_by_600_the_figures_fit_side_by_side_under_the_scores() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    harness
        .get_by_label("Legs, left: not marked")
        .scroll_to_me();
    harness.run();
    let rect = |label: &str| harness.get_by_label(label).rect();
    let (head, legs) = (rect("Head: not marked"), rect("Legs, left: not marked"));
    let tall = legs.bottom() - head.top();
    assert!((150.0..=225.0).contains(&tall), "a figure {tall} tall");
    assert!(
        rect("Chest, left: not marked").right() < rect("Arms / hands, left: not marked").left()
    );
    assert!(rect("Arms / hands, right: not marked").right() <= 800.0);
    // Under the scores at this width, not beside them.
    assert!(head.top() > rect("Mood 10").bottom());
    // Each place is large enough to click.
    for spot in Spot::all() {
        let label = format!("{}: not marked", spot.label());
        let place = rect(&label);
        assert!(
            place.width() >= 10.0 && place.height() >= 10.0,
            "{label}: {place:?}"
        );
    }
}
