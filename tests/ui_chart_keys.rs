//! The charts speak (issue 13): a keyboard cursor on the trend and aligned charts reads each
//! day's values and sessions, and "Show as table" lists the data behind each chart as a table a
//! screen reader moves through. Driven by keys and labels, as a person would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Days, NaiveDate};
use common::*;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Journal, Metric};
use painlog::ui::PainlogApp;

/// The demo journal (a year, 20 sessions) and the window on it.
fn demo() -> (tempfile::TempDir, Journal, Harness<'static, PainlogApp>) {
    let (folder, path) = journal_in_temp();
    let journal = painlog::demo::generate(painlog::demo::DemoSpec::window_demo(today()));
    save(&path, &journal);
    let harness = harness(&path);
    (folder, journal, harness)
}

/// Press Tab until the node labelled with `label_start` has the keyboard (at most 80 times).
fn tab_to(harness: &mut Harness<'_, PainlogApp>, label_start: &str) {
    for _ in 0..80 {
        harness.key_press(Key::Tab);
        harness.run();
        if harness.get_by_label_contains(label_start).is_focused() {
            return;
        }
    }
    panic!("Tab never reached {label_start:?}");
}

fn press(harness: &mut Harness<'_, PainlogApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// `text` is in a polite live region, which a screen reader announces as it changes.
fn assert_announced(harness: &Harness<'_, PainlogApp>, text: &str) {
    let live: Vec<String> = harness
        .root()
        .children_recursive()
        .filter(|node| node.accesskit_node().live() == egui::accesskit::Live::Polite)
        // AT-SPI names a label by its value: both say it.
        .filter(|node| node.accesskit_node().value().as_deref() == Some(text))
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert!(
        live.iter().any(|said| said == text),
        "{text:?} is not announced; live regions say {live:?}"
    );
}

/// What the focused trend chart's cursor reads.
fn trend_value(harness: &Harness<'_, PainlogApp>) -> String {
    let chart = harness.get_by_label_contains("Trend chart, ");
    assert!(chart.is_focused(), "the chart keeps the keyboard");
    let value = chart.accesskit_node().value().unwrap_or_default();
    assert_announced(harness, &value);
    value
}

/// The first and last day the trend chart's name says it shows.
fn chart_days(harness: &Harness<'_, PainlogApp>) -> (NaiveDate, NaiveDate) {
    let label = harness
        .get_by_label_contains("Trend chart, ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    let dates: Vec<NaiveDate> = label
        .trim_start_matches("Trend chart, ")
        .split(" to ")
        .map(|text| NaiveDate::parse_from_str(text, "%a %-d %b %Y").unwrap())
        .collect();
    (dates[0], dates[1])
}

/// What the cursor should say of `date`'s pain and sleep, from the journal itself.
fn expected_values(journal: &Journal, date: NaiveDate) -> String {
    let day = journal.day(date);
    let values: Vec<String> = [Metric::Pain, Metric::Sleep]
        .into_iter()
        .filter_map(|m| {
            let value = day.and_then(|d| m.of(d))?;
            Some(format!("{} {value}", m.name().to_lowercase()))
        })
        .collect();
    let values = if values.is_empty() {
        "not logged".to_owned()
    } else {
        values.join(", ")
    };
    format!("{}: {values}", date.format("%a %-d %b %Y"))
}

#[test]
fn the_trend_chart_is_a_tab_stop_whose_cursor_reads_day_by_day() {
    let (_folder, journal, mut harness) = demo();
    click(&mut harness, "Trends");
    click(&mut harness, "30 days");
    tab_to(&mut harness, "Trend chart, ");
    let (first, last) = chart_days(&harness);
    assert_eq!((first, last), (date("2026-05-17"), today()));
    // It starts on the last day shown.
    let said = trend_value(&harness);
    assert!(said.starts_with(&expected_values(&journal, last)), "{said}");
    // Home: the first day shown; → the next, with its values from the journal.
    press(&mut harness, Key::Home);
    assert!(
        trend_value(&harness).starts_with(&expected_values(&journal, first)),
        "{}",
        trend_value(&harness)
    );
    press(&mut harness, Key::ArrowRight);
    let next = first.checked_add_days(Days::new(1)).unwrap();
    let said = trend_value(&harness);
    assert!(said.starts_with(&expected_values(&journal, next)), "{said}");
    // A session's day names the session.
    let session = journal
        .sessions()
        .iter()
        .rev()
        .find(|s| (first..=last).contains(&s.date()))
        .expect("a session in the last 30 days");
    let steps = (session.date() - next).num_days();
    for _ in 0..steps {
        harness.key_press(Key::ArrowRight);
    }
    harness.run();
    let said = trend_value(&harness);
    assert!(
        said.starts_with(&expected_values(&journal, session.date()))
            && said.contains(&format!("{}, {} min", session.kind, session.minutes)),
        "{said}"
    );
    // The cursor's label is painted, as the hover's is.
    assert!(
        painted_texts(&harness).iter().any(|t| t
            .starts_with(&session.date().format("%a %-d %b %Y").to_string())
            && t.contains(&format!("Session {}", session.id))),
        "the cursor's label on the chart"
    );
    press(&mut harness, Key::End);
    assert!(
        trend_value(&harness).starts_with(&expected_values(&journal, last)),
        "{}",
        trend_value(&harness)
    );
    // The arrows moved the cursor, not the keyboard focus.
    press(&mut harness, Key::ArrowLeft);
    let before = last.pred_opt().unwrap();
    assert!(
        trend_value(&harness).starts_with(&expected_values(&journal, before)),
        "{}",
        trend_value(&harness)
    );
}

#[test]
fn the_cursor_moved_past_the_shown_days_brings_them_along() {
    let (_folder, journal, mut harness) = demo();
    click(&mut harness, "Trends");
    click(&mut harness, "30 days");
    tab_to(&mut harness, "Trend chart, ");
    press(&mut harness, Key::Home);
    let (first, _) = chart_days(&harness);
    // A week back from the first day shown: the chart moves with it.
    press(&mut harness, Key::PageUp);
    let week_before = first.checked_sub_days(Days::new(7)).unwrap();
    let said = trend_value(&harness);
    assert!(
        said.starts_with(&expected_values(&journal, week_before)),
        "{said}"
    );
    let (moved_first, moved_last) = chart_days(&harness);
    assert!(
        moved_first <= week_before && moved_last < today(),
        "the chart follows the cursor: {moved_first} to {moved_last}"
    );
}

#[test]
fn show_as_table_lists_every_day_of_the_trend_chart() {
    let (_folder, journal, mut harness) = demo();
    click(&mut harness, "Trends");
    click(&mut harness, "90 days");
    let toggle = harness.get_by_label("Show as table");
    assert_eq!(toggle.accesskit_node().role(), Role::CheckBox);
    click(&mut harness, "Show as table");
    let table = harness.get_by_role(Role::Table);
    let name = table.accesskit_node().label().unwrap_or_default();
    assert!(name.starts_with("Trend chart as a table"), "{name}");
    // Every day of the 90, drawn or not, and the header row.
    assert_eq!(table.accesskit_node().data().row_count(), Some(91));
    let headers: Vec<String> = harness
        .query_all_by_role(Role::ColumnHeader)
        .map(|h| h.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(
        headers,
        ["Date", "Pain", "Sleep quality", "Sessions that day"]
    );
    // The first row is the first of the 90 days, with the journal's numbers.
    let first = today().checked_sub_days(Days::new(89)).unwrap();
    let row = harness
        .query_all_by_role(Role::Row)
        .find(|r| r.accesskit_node().data().row_index() == Some(1))
        .expect("the first day's row");
    let cells: Vec<String> = row
        .children_recursive()
        .filter(|c| c.accesskit_node().role() == Role::Cell)
        .map(|c| c.accesskit_node().label().unwrap_or_default())
        .collect();
    let day = journal.day(first);
    let value = |m: Metric| {
        day.and_then(|d| m.of(d))
            .map_or_else(|| "not logged".to_owned(), |v| v.to_string())
    };
    assert_eq!(
        cells[..3],
        [
            first.format("%a %-d %b %Y").to_string(),
            value(Metric::Pain),
            value(Metric::Sleep)
        ]
    );
    // Unchecked, the chart is back.
    click(&mut harness, "Show as table");
    assert!(harness.query_by_role(Role::Table).is_none());
    harness.get_by_label_contains("Trend chart, ");
}

/// What the focused aligned chart's cursor reads.
fn aligned_value(harness: &Harness<'_, PainlogApp>) -> String {
    let chart = harness.get_by_label_contains("Aligned chart: ");
    assert!(chart.is_focused(), "the chart keeps the keyboard");
    let value = chart.accesskit_node().value().unwrap_or_default();
    assert_announced(harness, &value);
    value
}

/// What the aligned chart should read at `offset`, from the points it draws.
fn aligned_expected(harness: &Harness<'_, PainlogApp>, offset: i32) -> (String, String) {
    let series = harness.state().aligned_series_for_tests();
    let point = series[0]
        .1
        .iter()
        .find(|p| p.offset == offset)
        .unwrap()
        .clone();
    let mean = point
        .mean
        .map_or("no data".to_owned(), |m| format!("{m:.1}"));
    (
        format!("all sessions, mean pain {mean}"),
        format!("over {} sessions", point.n),
    )
}

#[test]
fn the_aligned_chart_cursor_reads_each_day_from_the_session() {
    let (_folder, _journal, mut harness) = demo();
    click(&mut harness, "Aligned");
    tab_to(&mut harness, "Aligned chart: ");
    // It starts on the session day.
    let said = aligned_value(&harness);
    let (mean, count) = aligned_expected(&harness, 0);
    assert!(
        said.starts_with(&format!("Session day (day 0): {mean}")) && said.contains(&count),
        "{said}"
    );
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::ArrowLeft);
    let said = aligned_value(&harness);
    let (mean, count) = aligned_expected(&harness, -2);
    assert!(
        said.starts_with(&format!("Day −2 from the session: {mean}")) && said.contains(&count),
        "{said}"
    );
    // End: the last day after the sessions.
    press(&mut harness, Key::End);
    let reach = harness.state().aligned_series_for_tests()[0]
        .1
        .last()
        .unwrap()
        .offset;
    let said = aligned_value(&harness);
    let (mean, _) = aligned_expected(&harness, reach);
    assert!(
        said.starts_with(&format!("Day +{reach} from the session: {mean}")),
        "{said}"
    );
    // The label is painted beside the cursor, as the hover's is.
    assert!(
        painted_texts(&harness)
            .iter()
            .any(|t| t.starts_with(&format!("day +{reach}\nAll: mean"))),
        "the cursor's label on the chart"
    );
}

#[test]
fn show_as_table_lists_each_day_of_the_aligned_chart() {
    let (_folder, _journal, mut harness) = demo();
    click(&mut harness, "Aligned");
    click(&mut harness, "Show as table");
    let series = harness.state().aligned_series_for_tests();
    let points = &series[0].1;
    let table = harness.get_by_role_and_label(Role::Table, "Aligned chart as a table");
    assert_eq!(
        table.accesskit_node().data().row_count(),
        Some(points.len() + 1)
    );
    let rows: Vec<Vec<String>> = table
        .children_recursive()
        .filter(|row| row.accesskit_node().role() == Role::Row)
        .map(|row| {
            row.children_recursive()
                .filter(|c| matches!(c.accesskit_node().role(), Role::Cell | Role::ColumnHeader))
                .map(|c| c.accesskit_node().label().unwrap_or_default())
                .collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        [
            "Day from the session",
            "Pain, mean",
            "Middle half",
            "Sessions behind the day"
        ]
    );
    assert_eq!(rows.len(), points.len() + 1);
    let point = points.iter().find(|p| p.offset == -1).unwrap();
    let row = rows.iter().find(|r| r[0] == "−1").expect("day −1");
    assert_eq!(
        row[..],
        [
            "−1".to_owned(),
            format!("{:.1}", point.mean.unwrap()),
            format!("{:.1} to {:.1}", point.q1.unwrap(), point.q3.unwrap()),
            point.n.to_string()
        ]
    );
}
