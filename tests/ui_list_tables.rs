//! The logged days and the sessions read as tables (issue 13, "Named and structured"): every row
//! counted, scrolled out of view or not, headers a reader can name each cell by, and a keyboard
//! cursor that reaches any row and opens it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::ui::PainlogApp;

fn demo() -> (
    tempfile::TempDir,
    painlog::model::Journal,
    Harness<'static, PainlogApp>,
) {
    let (folder, path) = journal_in_temp();
    let journal = painlog::demo::generate(painlog::demo::DemoSpec::window_demo(today()));
    save(&path, &journal);
    let harness = harness(&path);
    (folder, journal, harness)
}

/// A row's index and the texts of its cells.
type RowCells = (usize, Vec<String>);

/// The table's row count, its header names, and the cells of each row drawn, by row index.
fn read_table(
    harness: &Harness<'_, PainlogApp>,
    name: &str,
) -> (usize, Vec<String>, Vec<RowCells>) {
    let table = harness.get_by_role_and_label(Role::Table, name);
    let count = table.accesskit_node().data().row_count().unwrap();
    let texts = |row: &egui_kittest::Node<'_>, role: Role| -> Vec<String> {
        row.children_recursive()
            .filter(|cell| cell.accesskit_node().role() == role)
            .map(|cell| cell.accesskit_node().label().unwrap_or_default())
            .collect()
    };
    let rows: Vec<_> = table
        .children_recursive()
        .filter(|row| row.accesskit_node().role() == Role::Row)
        .collect();
    let headers = texts(&rows[0], Role::ColumnHeader);
    let body = rows[1..]
        .iter()
        .map(|row| {
            (
                row.accesskit_node().data().row_index().unwrap(),
                texts(row, Role::Cell),
            )
        })
        .collect();
    (count, headers, body)
}

/// Press `key` and let the list scroll to the row it moves to and focus it (two frames).
fn press_and_settle(harness: &mut Harness<'_, PainlogApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run();
    harness.run();
}

/// The focused row's name.
fn focused_row(harness: &Harness<'_, PainlogApp>) -> String {
    let row = harness
        .root()
        .children_recursive()
        .find(|row| row.is_focused() && row.accesskit_node().role() == Role::Row)
        .expect("a row has the focus");
    row.accesskit_node().label().unwrap_or_default()
}

#[test]
fn the_logged_days_are_a_table_every_day_counted_and_reached_with_keys() {
    let (_folder, journal, mut harness) = demo();
    let (count, headers, rows) = read_table(&harness, "Logged days, newest first");
    assert_eq!(
        headers,
        ["Date", "Pain", "Sleep", "Note", "Sessions that day"]
    );
    // Today is logged in the demo: one row per logged day, plus the header row.
    assert!(journal.day(today()).is_some());
    assert_eq!(count, journal.day_count() + 1);
    assert!(
        rows.len() < journal.day_count(),
        "only the rows in view are drawn"
    );
    let newest = journal.days().next_back().unwrap();
    let (index, cells) = &rows[0];
    assert_eq!(*index, 1);
    assert_eq!(cells[0], painlog::report::text::date(newest.date));
    assert_eq!(
        cells[1],
        newest
            .pain
            .map_or("not logged".to_owned(), |p| p.to_string())
    );
    assert_eq!(cells.len(), 5);

    // Tab from the last control before the list … the list is one stop: focus its first row.
    let first = harness
        .query_all_by_role(Role::Row)
        .find(|row| row.accesskit_node().data().row_index() == Some(1))
        .unwrap();
    first.focus();
    harness.run();
    assert!(focused_row(&harness).starts_with(&painlog::report::text::date(newest.date)));
    // End goes to the oldest day, scrolled into view.
    press_and_settle(&mut harness, egui::Key::End);
    let oldest = journal.days().next().unwrap();
    let name = focused_row(&harness);
    assert!(
        name.starts_with(&painlog::report::text::date(oldest.date)),
        "{name}"
    );
    let (_, _, rows) = read_table(&harness, "Logged days, newest first");
    assert_eq!(
        rows.last().unwrap().0,
        journal.day_count(),
        "the last row is drawn now"
    );
    // ↑ moves one day newer.
    press_and_settle(&mut harness, egui::Key::ArrowUp);
    let second_oldest = journal.days().nth(1).unwrap();
    assert!(focused_row(&harness).starts_with(&painlog::report::text::date(second_oldest.date)));
    // Home goes back to the newest, ↓ to the one before.
    press_and_settle(&mut harness, egui::Key::Home);
    assert!(focused_row(&harness).starts_with(&painlog::report::text::date(newest.date)));
    press_and_settle(&mut harness, egui::Key::ArrowDown);
    let before_newest = journal.days().nth_back(1).unwrap();
    assert!(focused_row(&harness).starts_with(&painlog::report::text::date(before_newest.date)));
    // Enter opens it, ready to type its pain.
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label_contains(&painlog::report::text::long_date(before_newest.date));
    assert!(
        harness
            .get_by_label(&painlog::model::Metric::Pain.field_label())
            .is_focused()
    );
}

#[test]
fn the_sessions_are_a_table_every_session_counted_and_reached_with_keys() {
    let (_folder, journal, mut harness) = demo();
    click(&mut harness, "Sessions");
    let (count, headers, rows) = read_table(&harness, "Sessions, newest first");
    assert_eq!(
        headers,
        [
            "Date and time",
            "Kind",
            "Minutes",
            "Therapist",
            "Pain before and after"
        ]
    );
    let sessions = journal.sessions();
    assert_eq!(count, sessions.len() + 1);
    let newest = sessions.last().unwrap();
    let (index, cells) = &rows[0];
    assert_eq!(*index, 1);
    assert_eq!(
        cells[0],
        newest.start.format("%a %-d %b %Y, %H:%M").to_string()
    );
    assert_eq!(cells[1], newest.kind.to_string());
    assert_eq!(cells[2], format!("{} min", newest.minutes));

    let first = harness
        .query_all_by_role(Role::Row)
        .find(|row| row.accesskit_node().data().row_index() == Some(1))
        .unwrap();
    first.focus();
    harness.run();
    press_and_settle(&mut harness, egui::Key::End);
    let oldest = sessions.first().unwrap();
    let when = oldest.start.format("%a %-d %b %Y, %H:%M").to_string();
    assert!(focused_row(&harness).starts_with(&when));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness
            .get_by_label("Date (YYYY-MM-DD)")
            .accesskit_node()
            .value()
            .as_deref(),
        Some(oldest.start.format("%Y-%m-%d").to_string().as_str()),
        "Enter opens the oldest session in the form"
    );
}

#[test]
fn effects_sessions_are_a_table_every_session_counted_and_reached_with_keys() {
    let (_folder, journal, mut harness) = demo();
    click(&mut harness, "Effects");
    let name = painlog::ui::labels::effects::SESSIONS_TABLE;
    let (count, headers, rows) = read_table(&harness, name);
    assert_eq!(
        headers,
        [
            "Date",
            "Kind",
            "Therapist",
            "Before (days logged)",
            "After (days logged)",
            "Change",
            "Better or worse",
            "Pain right\nafter",
            "Pain fell 2+ points or 30%"
        ]
    );
    assert_eq!(count, journal.sessions().len() + 1);
    assert!(
        rows.len() < journal.sessions().len(),
        "only the rows in view are drawn"
    );
    // Newest first: the first row is the newest session, each cell under its header.
    let newest = journal.sessions().last().unwrap();
    let (index, cells) = &rows[0];
    assert_eq!(*index, 1);
    assert_eq!(cells.len(), 9, "{cells:?}");
    assert_eq!(cells[0], newest.start.format("%Y-%m-%d").to_string());
    assert_eq!(cells[1], newest.kind.label());
    let before = &cells[3];
    assert!(
        before.ends_with(" days)") || before.starts_with("not enough data"),
        "{before}"
    );

    // The table is one Tab stop, at a session's date; End goes to the oldest, Enter marks it.
    let first = format!(
        "Mark {} on the chart of changes",
        newest.start.format("%Y-%m-%d")
    );
    harness.get_by_label(&first).focus();
    harness.run();
    harness.key_press(egui::Key::End);
    // The page scrolls smoothly to bring the row into view.
    harness.run_steps(12);
    harness.run();
    let oldest = journal.sessions().first().unwrap();
    let mark = format!(
        "Mark {} on the chart of changes",
        oldest.start.format("%Y-%m-%d")
    );
    assert!(
        harness.get_by_label(&mark).is_focused(),
        "End reaches the oldest session"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.get_by_label(&mark).accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "Enter marks the session"
    );
    let (_, _, rows) = read_table(&harness, name);
    assert_eq!(rows.last().unwrap().0, journal.sessions().len());
}

#[test]
fn a_row_s_text_stays_inside_the_row_in_a_narrow_list() {
    // The rows are drawn without a clip rectangle of their own: each cell is cut short ("…") to
    // end inside its row, however narrow the list.
    let (folder, path) = journal_in_temp();
    let journal = painlog::demo::generate(painlog::demo::DemoSpec::window_demo(today()));
    save(&path, &journal);
    let harness = harness_sized(&path, [560.0, 600.0]);
    let rows: Vec<egui::Rect> = harness
        .query_all_by_role(Role::Row)
        .filter(|row| row.accesskit_node().bounding_box().is_some())
        .map(|row| row.rect())
        .collect();
    assert!(rows.len() > 5, "rows drawn: {}", rows.len());
    let mut texts = Vec::new();
    fn collect(shape: &egui::Shape, out: &mut Vec<egui::Rect>) {
        match shape {
            egui::Shape::Text(text) => out.push(text.visual_bounding_rect()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut texts);
    }
    let mut checked = 0;
    for row in &rows {
        for text in texts.iter().filter(|text| row.contains(text.center())) {
            assert!(
                row.expand(0.5).contains_rect(*text),
                "{text:?} inside {row:?}"
            );
            checked += 1;
        }
    }
    assert!(
        checked >= rows.len(),
        "every row's text was checked ({checked})"
    );
    drop(folder);
}
