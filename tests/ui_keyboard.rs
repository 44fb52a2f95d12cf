//! Every keyboard shortcut README.md promises, the theme buttons, and the trend chart's drag,
//! zoom, hover and session stepping, through the real app.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Journal, Minutes, Session, SessionKind, parse_start};
use painlog::ui::{PainlogApp, View};

/// Pain every day of May and June up to today, and sessions on 10 and 14 June.
fn journal(path: &std::path::Path) {
    let mut journal = Journal::new();
    for offset in 0..46_u64 {
        let date = date("2026-05-01") + chrono::Days::new(offset);
        journal.set_day(day(
            &date.to_string(),
            u8::try_from(offset % 9).unwrap() + 1,
        ));
    }
    for (start, kind) in [
        ("2026-06-10 17:00", SessionKind::DeepTissue),
        ("2026-06-14 09:00", SessionKind::Swedish),
    ] {
        journal.add_session(Session::new(
            parse_start(start).unwrap(),
            kind,
            Minutes::new(60).unwrap(),
        ));
    }
    save(path, &journal);
}

#[test]
fn ctrl_1_to_7_open_each_view_even_while_typing() {
    let (_folder, path) = journal_in_temp();
    journal(&path);
    let mut harness = harness(&path);
    // The pain field has the focus as the window opens.
    assert!(
        harness
            .get_by_label("Pain (0 = none, 10 = worst imaginable)")
            .is_focused()
    );
    for (key, view) in [
        (Key::Num2, View::Sessions),
        (Key::Num3, View::Trends),
        (Key::Num4, View::Effects),
        (Key::Num5, View::Aligned),
        (Key::Num6, View::SinceLast),
        (Key::Num7, View::Report),
        (Key::Num8, View::Year),
        (Key::Num9, View::Patterns),
        (Key::Num1, View::Day),
    ] {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        assert_eq!(harness.state().view(), view, "{key:?}");
    }
}

#[test]
fn ctrl_n_starts_a_new_session_from_an_open_one() {
    let (_folder, path) = journal_in_temp();
    journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    list_row(&harness, "Wed 10 Jun 2026, 17:00").click();
    harness.run();
    harness.get_by_label_contains("Session 1 — Deep tissue");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    harness.get_by_label("New massage session");
    assert!(
        harness
            .query_by_label_contains("Session 1 — Deep tissue")
            .is_none()
    );
}

#[test]
fn alt_arrows_and_alt_home_move_between_days() {
    let (_folder, path) = journal_in_temp();
    journal(&path);
    let mut harness = harness(&path);
    let heading = |harness: &Harness<'_, PainlogApp>, text: &str| {
        assert!(
            harness.query_by_label(text).is_some(),
            "expected the heading {text:?}"
        );
    };
    heading(&harness, "Monday 15 June 2026 — today");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    heading(&harness, "Sunday 14 June 2026");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    heading(&harness, "Saturday 13 June 2026");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    heading(&harness, "Sunday 14 June 2026");
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::Home);
    harness.run();
    heading(&harness, "Monday 15 June 2026 — today");
    // Never past today.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    harness.run();
    heading(&harness, "Monday 15 June 2026 — today");
}

#[test]
fn the_theme_buttons_switch_light_dark_and_system() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    for (button, preference, dark) in [
        ("Theme: dark", egui::ThemePreference::Dark, Some(true)),
        ("Theme: light", egui::ThemePreference::Light, Some(false)),
        (
            "Theme: follow the system",
            egui::ThemePreference::System,
            None,
        ),
    ] {
        harness.get_by_label_contains(button).click();
        harness.run();
        let chosen = harness.ctx.options(|o| o.theme_preference);
        let is_dark = harness.ctx.global_style().visuals.dark_mode;
        assert_eq!(chosen, preference, "{button}");
        if let Some(dark) = dark {
            assert_eq!(is_dark, dark, "{button}");
        }
    }
}

/// The first and last day the trend chart shows, as its accessible name says.
fn chart_days(harness: &Harness<'_, PainlogApp>) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let node = harness.get_by_label_contains("Trend chart, ");
    let label: String = node.accesskit_node().label().unwrap_or_default();
    let dates: Vec<chrono::NaiveDate> = label
        .trim_start_matches("Trend chart, ")
        .split(" to ")
        .map(|text| chrono::NaiveDate::parse_from_str(text, "%a %-d %b %Y").unwrap())
        .collect();
    (dates[0], dates[1])
}

#[test]
fn the_trend_chart_pans_zooms_and_tells_the_day_under_the_pointer() {
    let (_folder, path) = journal_in_temp();
    journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Trends");
    click(&mut harness, "30 days");
    let (first, last) = chart_days(&harness);
    assert_eq!(
        (first, last),
        (date("2026-05-17"), date("2026-06-15")),
        "30 days to today"
    );
    let plot = harness.get_by_label_contains("Trend chart, ").rect();

    // Drag from right to left: later days come in.
    harness.drag_at(plot.center());
    harness.run();
    harness.hover_at(plot.center() - egui::vec2(plot.width() / 4.0, 0.0));
    harness.run();
    harness.drop_at(plot.center() - egui::vec2(plot.width() / 4.0, 0.0));
    harness.run();
    let (dragged_first, dragged_last) = chart_days(&harness);
    assert!(
        dragged_first > first && dragged_last > last,
        "panned: {dragged_first} to {dragged_last}"
    );
    // The same span (give or take the day cut at an edge).
    let span = |a: chrono::NaiveDate, b: chrono::NaiveDate| (b - a).num_days();
    assert!(
        (span(dragged_first, dragged_last) - span(first, last)).abs() <= 1,
        "panning keeps the span: {dragged_first} to {dragged_last}"
    );

    // Ctrl and the mouse wheel zoom in around the pointer.
    harness.hover_at(plot.center());
    harness.run();
    harness.event_modifiers(
        egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, 5.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::COMMAND,
        },
        Modifiers::COMMAND,
    );
    harness.run();
    let (zoomed_first, zoomed_last) = chart_days(&harness);
    assert!(
        (zoomed_last - zoomed_first) < (dragged_last - dragged_first),
        "zoomed in: {zoomed_first} to {zoomed_last}"
    );

    // Hovering a day paints its date and values.
    click(&mut harness, "30 days");
    let plot = harness.get_by_label_contains("Trend chart, ").rect();
    harness.hover_at(plot.right_center() - egui::vec2(plot.width() * 0.02, 0.0));
    harness.run();
    let texts = painted_texts(&harness);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Jun 2026") && t.contains("Pain ")),
        "the hover label with the day's values: {texts:?}"
    );
}

#[test]
fn earlier_and_later_session_step_through_the_sessions() {
    let (_folder, path) = journal_in_temp();
    journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Trends");
    click(&mut harness, "◀ Earlier session");
    harness.get_by_label_contains("Shaded: the Swedish session of Sun 14 Jun 2026");
    click(&mut harness, "◀ Earlier session");
    harness.get_by_label_contains("Shaded: the Deep tissue session of Wed 10 Jun 2026");
    click(&mut harness, "Later session ▶");
    harness.get_by_label_contains("Shaded: the Swedish session of Sun 14 Jun 2026");
    assert!(
        harness
            .get_by_label("Later session ▶")
            .accesskit_node()
            .is_disabled(),
        "no session after the last"
    );
}
