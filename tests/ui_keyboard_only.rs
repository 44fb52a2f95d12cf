//! Keyboard alone (issue 13, "Keyboard only"): every control is reached with Tab and used with
//! the keys a screen reader user expects; the 0–10 buttons are one radio group with one Tab stop.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::accesskit::{Role, Toggled};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::Metric;

/// Each view and the key that opens it with Ctrl.
const VIEWS: [(egui::Key, &str); 9] = [
    (egui::Key::Num1, "Day"),
    (egui::Key::Num2, "Sessions"),
    (egui::Key::Num3, "Trends"),
    (egui::Key::Num4, "Effects"),
    (egui::Key::Num5, "Aligned"),
    (egui::Key::Num6, "Since last session"),
    (egui::Key::Num7, "Report"),
    (egui::Key::Num8, "Year"),
    (egui::Key::Num9, "Patterns"),
];

/// The demo journal (a year, 20 sessions) in a folder of its own.
fn demo_journal() -> (tempfile::TempDir, std::path::PathBuf) {
    let (folder, path) = journal_in_temp();
    save(
        &path,
        &painlog::demo::generate(painlog::demo::DemoSpec::window_demo(today())),
    );
    (folder, path)
}

#[test]
fn the_score_buttons_are_one_radio_group_chosen_with_the_arrows() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    let field = Metric::Pain.field_label();
    assert!(harness.get_by_label(&field).is_focused());
    // Nothing logged yet: Tab reaches the group at 0, which is not chosen.
    press_tab(&mut harness);
    let group = harness.get_by_role_and_label(Role::RadioGroup, "Pain, 0 to 10");
    let buttons: Vec<String> = group
        .children()
        .filter(|node| node.accesskit_node().role() == Role::RadioButton)
        .map(|node| node.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(buttons.len(), 11, "{buttons:?}");
    assert_eq!(buttons[0], "Pain 0");
    assert_eq!(buttons[10], "Pain 10");
    let zero = harness.get_by_label("Pain 0");
    assert!(zero.is_focused(), "Tab from the field reaches the buttons");
    assert_eq!(zero.accesskit_node().toggled(), Some(Toggled::False));
    // → chooses the next score and moves the focus with it.
    for _ in 0..4 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    let four = harness.get_by_label("Pain 4");
    assert!(four.is_focused(), "the focus follows the chosen score");
    assert_eq!(four.accesskit_node().toggled(), Some(Toggled::True));
    assert_eq!(
        harness
            .get_by_label(&field)
            .accesskit_node()
            .value()
            .as_deref(),
        Some("4")
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert!(harness.get_by_label("Pain 3").is_focused());
    assert_eq!(load(&path).day(today()).unwrap().pain, score(3));
    // One stop: Tab leaves the group for Clear, which empties the score.
    press_tab(&mut harness);
    let clear = harness.get_by_label("Clear pain");
    assert!(clear.is_focused());
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness
            .get_by_label(&field)
            .accesskit_node()
            .value()
            .as_deref(),
        Some("")
    );
    // Shift+Tab from the next field passes Clear (off: nothing to clear) and comes back to the
    // group at 0 (nothing chosen).
    harness
        .get_by_label(&Metric::WorstPain.field_label())
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    harness.run();
    assert!(harness.get_by_label("Pain 0").is_focused());
    // Space chooses the focused score.
    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(
        harness
            .get_by_label(&field)
            .accesskit_node()
            .value()
            .as_deref(),
        Some("0")
    );
}

#[test]
fn a_recent_therapist_is_reached_with_tab_and_filled_in_with_enter() {
    let (_folder, path) = demo_journal();
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    let therapist = "Therapist or clinic (optional)";
    harness.get_by_label(therapist).focus();
    harness.run();
    press_tab(&mut harness);
    let chips: Vec<_> = harness
        .query_all_by_label_contains("Recent therapist: ")
        .collect();
    assert!(chips.len() > 1, "the demo has more than one therapist");
    assert!(
        chips[0].is_focused(),
        "Tab from the therapist field reaches the first recent name"
    );
    let name = chips[0].accesskit_node().label().unwrap();
    let name = name.trim_start_matches("Recent therapist: ").to_owned();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.get_by_label(therapist).accesskit_node().value(),
        Some(name)
    );
}

#[test]
fn every_control_the_keyboard_reaches_has_a_name_on_every_view() {
    let (_folder, path) = demo_journal();
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    for (key, view) in VIEWS {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
        harness.run();
        let tab = harness.get_by_role_and_label(Role::Tab, view);
        assert_eq!(tab.accesskit_node().is_selected(), Some(true), "{view}");
        let mut focusable = 0;
        let unnamed: Vec<String> = harness
            .root()
            .children_recursive()
            .filter(|node| {
                node.accesskit_node()
                    .data()
                    .supports_action(egui::accesskit::Action::Focus)
            })
            .inspect(|_| focusable += 1)
            .filter(|node| {
                let node = node.accesskit_node();
                node.label()
                    .or_else(|| node.value())
                    .unwrap_or_default()
                    .trim()
                    .is_empty()
            })
            .map(|node| format!("{:?} at {:?}", node.accesskit_node().role(), node.rect()))
            .collect();
        assert!(focusable > 3, "{view}: {focusable} controls");
        assert!(
            unnamed.is_empty(),
            "{view}: focusable without a name: {unnamed:?}"
        );
    }
}

/// The rectangles of the controls the keyboard reaches, with their names.
fn controls(
    harness: &egui_kittest::Harness<'_, painlog::ui::PainlogApp>,
) -> Vec<(String, egui::Rect)> {
    harness
        .root()
        .children_recursive()
        .filter(|node| {
            node.accesskit_node()
                .data()
                .supports_action(egui::accesskit::Action::Focus)
        })
        .filter_map(|node| {
            let rect = node.accesskit_node().bounding_box().map(|_| node.rect())?;
            let ak = node.accesskit_node();
            let name = ak.label().or_else(|| ak.value()).unwrap_or_default();
            Some((name, rect))
        })
        .collect()
}

#[test]
fn zoomed_to_200_percent_no_control_overlaps_another_or_leaves_the_window() {
    let (_folder, path) = demo_journal();
    // A 1280 × 800 window at 200%: 640 × 400 points.
    let mut harness = harness_sized(&path, [640.0, 400.0]);
    for (key, view) in VIEWS {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, key);
        harness.run();
        let controls = controls(&harness);
        let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(640.0, 400.0));
        let mut problems = Vec::new();
        for (i, (name, rect)) in controls.iter().enumerate() {
            if rect.width() < 1.0 || rect.height() < 1.0 {
                continue;
            }
            if rect.right() > window.right() + 0.5 {
                problems.push(format!("{name:?} ends at x {:.0}", rect.right()));
            }
            // A control partly above or below the window is scrolled, and its scroll area cuts
            // it where the panels around begin: only whole ones are compared.
            let whole = |rect: &egui::Rect| rect.top() >= 0.0 && rect.bottom() <= window.bottom();
            // The Report's settings scroll under its export panel, and AccessKit's bounds are
            // not cut by a scroll area: there only the right edge is checked.
            if !whole(rect) || view == "Report" {
                continue;
            }
            for (other, other_rect) in controls[i + 1..].iter().filter(|(_, r)| whole(r)) {
                let overlap = rect.intersect(*other_rect);
                let contained = rect.contains_rect(*other_rect) || other_rect.contains_rect(*rect);
                if overlap.width() > 1.0 && overlap.height() > 1.0 && !contained {
                    problems.push(format!("{name:?} overlaps {other:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{view} at 200%: {problems:?}");
        // A chart is never squeezed or cut: the page scrolls to show it whole.
        let chart = match view {
            "Trends" => Some("Trend chart"),
            "Aligned" => Some("Aligned chart"),
            _ => None,
        };
        if let Some(chart) = chart {
            harness.get_by_label_contains(chart).scroll_to_me();
            harness.run();
            let rect = harness.get_by_label_contains(chart).rect();
            assert!(
                rect.height() >= 120.0,
                "{view}: {chart} is {:.0} high",
                rect.height()
            );
            // Above the status bar at the bottom of the window.
            assert!(
                rect.top() >= 0.0 && rect.bottom() <= 400.0 - 24.0,
                "{view}: {chart} at {rect:?} is cut"
            );
        }
    }
}

#[test]
fn the_control_with_the_keyboard_has_a_visible_ring_in_both_themes() {
    let (_folder, path) = demo_journal();
    let mut harness = harness(&path);
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        harness.ctx.set_theme(theme);
        harness.run();
        let background = harness.ctx.global_style().visuals.panel_fill;
        // Tab from the pain field reaches its chosen score, then Clear.
        harness.get_by_label(&Metric::Pain.field_label()).focus();
        harness.run();
        for _ in 0..2 {
            press_tab(&mut harness);
            let focused = harness
                .root()
                .children_recursive()
                .find(egui_kittest::Node::is_focused)
                .expect("something has the keyboard");
            let target = focused.rect();
            let ring: Vec<egui::epaint::RectShape> = harness
                .output()
                .shapes
                .iter()
                .filter_map(|clipped| match &clipped.shape {
                    egui::Shape::Rect(rect) => Some(rect.clone()),
                    _ => None,
                })
                .filter(|rect| {
                    rect.stroke.width >= 2.0
                        && rect.rect.expand(4.0).contains_rect(target)
                        && target.expand(6.0).contains_rect(rect.rect)
                })
                .collect();
            let name = focused.accesskit_node().label().unwrap_or_default();
            assert!(!ring.is_empty(), "{theme:?}: no ring around {name:?}");
            // A ring that stands out from the panel: a contrast of at least 3:1.
            let contrast = contrast(ring[0].stroke.color, background);
            assert!(
                contrast >= 3.0,
                "{theme:?}: ring contrast {contrast:.1} around {name:?}"
            );
        }
    }
}

/// WCAG's contrast ratio of two colours.
fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let luminance = |c: egui::Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Press Tab until the control whose name starts with `name` has the keyboard (at most 80
/// times), as a person who cannot use a mouse moves through the window.
fn tab_to(harness: &mut egui_kittest::Harness<'_, painlog::ui::PainlogApp>, name: &str) {
    for _ in 0..80 {
        let focused = harness
            .root()
            .children_recursive()
            .find(egui_kittest::Node::is_focused)
            .and_then(|node| {
                let node = node.accesskit_node();
                node.label().or_else(|| node.value())
            });
        if focused.is_some_and(|focused| focused.starts_with(name)) {
            return;
        }
        press_tab(harness);
    }
    panic!("Tab never reached {name:?}");
}

/// Type `text` key by key, a frame after each.
fn type_keys(harness: &mut egui_kittest::Harness<'_, painlog::ui::PainlogApp>, text: &str) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
}

#[test]
fn a_session_is_added_its_effect_read_and_a_report_exported_with_the_keyboard_alone() {
    let (folder, path) = journal_in_temp();
    let mut journal = painlog::demo::generate(painlog::demo::DemoSpec::window_demo(today()));
    // A week of days after the session to come, so that its effect can be read.
    let start = today() - chrono::Days::new(20);
    for offset in 0..20 {
        let date = start + chrono::Days::new(offset);
        let mut day = journal
            .day(date)
            .cloned()
            .unwrap_or_else(|| painlog::model::Day::empty(date));
        day.pain = score(if offset < 7 { 7 } else { 3 });
        journal.set_day(day);
    }
    save(&path, &journal);
    let sessions_before = journal.sessions().len();
    let mut harness = harness(&path);

    // Add a session: Ctrl+2, Ctrl+N, then Tab and type.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    tab_to(&mut harness, "Date");
    let date = start + chrono::Days::new(7);
    type_keys(&mut harness, &date.format("%Y-%m-%d").to_string());
    tab_to(&mut harness, "Start time");
    type_keys(&mut harness, "10:00");
    tab_to(&mut harness, "Deep tissue");
    harness.key_press(egui::Key::Space);
    harness.run();
    tab_to(&mut harness, "Add session");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let saved = load(&path);
    assert_eq!(saved.sessions().len(), sessions_before + 1);
    let added = saved
        .sessions()
        .iter()
        .find(|s| s.start.date() == date)
        .expect("the session typed is in the journal");
    assert_eq!(added.kind, painlog::model::SessionKind::DeepTissue);

    // Read its effect in the Effects table: Ctrl+4, Tab to its date in the table.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    harness.run();
    tab_to(&mut harness, "Mark ");
    let iso = date.format("%Y-%m-%d").to_string();
    for _ in 0..40 {
        if harness
            .query_by_label(&format!("Mark {iso} on the chart of changes"))
            .is_some_and(|n| n.is_focused())
        {
            break;
        }
        harness.key_press(egui::Key::ArrowDown);
        harness.run_steps(12);
    }
    let row = harness
        .root()
        .children_recursive()
        .filter(|node| node.accesskit_node().role() == Role::Row)
        .find(|row| {
            row.children_recursive()
                .any(|cell| cell.accesskit_node().label().as_deref() == Some(iso.as_str()))
        })
        .expect("the new session's row is in view");
    let cells: Vec<String> = row
        .children_recursive()
        .filter(|cell| cell.accesskit_node().role() == Role::Cell)
        .filter_map(|cell| cell.accesskit_node().label())
        .collect();
    // Pain 7 for the week before, 3 after: 4 lower.
    assert_eq!(cells[3], "7.0 (7 days)", "{cells:?}");
    assert_eq!(cells[4], "3.0 (7 days)", "{cells:?}");
    assert_eq!(cells[5], "4.0 lower", "{cells:?}");

    // Export the report: Ctrl+7, Tab to where it is saved, type a path, Tab to Export, Enter.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num7);
    harness.run();
    tab_to(&mut harness, "Save to");
    let pdf = folder.path().join("report.pdf");
    type_keys(&mut harness, &pdf.display().to_string());
    tab_to(&mut harness, "Export");
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for_jobs(&mut harness);
    let bytes = std::fs::read(&pdf).expect("the report was written");
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn the_view_tabs_are_one_tab_stop_and_the_arrows_open_the_view_beside() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    let tab = |harness: &egui_kittest::Harness<'_, painlog::ui::PainlogApp>, name: &str| {
        let node = harness.get_by_role_and_label(Role::Tab, name);
        (
            node.is_focused(),
            node.accesskit_node().is_selected() == Some(true),
        )
    };
    // Shift+Tab from the pain field reaches the current view's tab, not the last tab.
    harness.get_by_label(&Metric::Pain.field_label()).focus();
    harness.run();
    for _ in 0..15 {
        if tab(&harness, "Day").0 {
            break;
        }
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
        harness.run();
    }
    assert_eq!(tab(&harness, "Day"), (true, true));
    assert_eq!(
        tab(&harness, "Report"),
        (false, false),
        "the other tabs are not Tab stops"
    );
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.run();
    assert_eq!(
        tab(&harness, "Sessions"),
        (true, true),
        "→ opens the next view"
    );
    harness.key_press(egui::Key::End);
    harness.run();
    harness.run();
    assert_eq!(
        tab(&harness, "Patterns"),
        (true, true),
        "End opens the last view"
    );
    // Tab leaves the tab list for the help button, then the themes, left to right.
    press_tab(&mut harness);
    assert!(harness.get_by_label("Keyboard shortcuts (F1)").is_focused());
    press_tab(&mut harness);
    assert!(harness.get_by_label("Theme: light").is_focused());
}

#[test]
fn tab_meets_the_reports_choices_before_its_export_controls() {
    let (_folder, path) = demo_journal();
    let mut harness = harness(&path);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num7);
    harness.run();
    tab_to(&mut harness, "Theme: follow the system");
    let mut order = Vec::new();
    for _ in 0..40 {
        press_tab(&mut harness);
        let name = harness
            .root()
            .children_recursive()
            .find(egui_kittest::Node::is_focused)
            .and_then(|node| node.accesskit_node().label())
            .unwrap_or_default();
        if name.starts_with("Export") {
            break;
        }
        order.push(name);
    }
    let position = |name: &str| order.iter().position(|n| n.starts_with(name));
    let period = position("Since the last session").expect("the period is reached");
    let format = position("PDF").expect("the format is reached");
    assert!(period < format, "{order:?}");
    assert_eq!(
        period, 0,
        "the first choice on the page comes first: {order:?}"
    );
    // The export panel still sits at the bottom of the window.
    let export = harness.get_by_label("Export").rect();
    assert!(export.bottom() > 900.0 - 90.0, "{export:?}");
}

#[test]
fn the_arrow_keys_move_a_panel_divider_that_has_the_keyboard() {
    let (_folder, path) = demo_journal();
    let mut harness = harness(&path);
    let list_width = |harness: &egui_kittest::Harness<'_, painlog::ui::PainlogApp>| {
        let newest = painlog::report::text::date(today());
        list_row(harness, &newest).rect().width()
    };
    let before = list_width(&harness);
    // Shift+Tab from the date field reaches the divider beside the list of days.
    harness.get_by_label("Date (YYYY-MM-DD)").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    harness.run();
    let divider = harness.get_by_role(Role::Splitter);
    assert!(divider.is_focused());
    for _ in 0..3 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
    }
    let wider = list_width(&harness);
    assert!(wider > before + 30.0, "{before} → {wider}");
    assert!(
        harness.get_by_role(Role::Splitter).is_focused(),
        "the divider keeps the keyboard"
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert!(list_width(&harness) < wider);
}
