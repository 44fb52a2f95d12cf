//! What a screen reader finds (issue 13, "Named and structured", "Announced"): the window's name,
//! the views as a tab list of tabs, named theme buttons, and a status region that is announced.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::accesskit::{Live, Role, Toggled};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The window on the demo journal (a year, 20 sessions), in its own folder.
fn demo_harness() -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, painlog::ui::PainlogApp>,
) {
    let (folder, path) = journal_in_temp();
    save(
        &path,
        &painlog::demo::generate(painlog::demo::DemoSpec::window_demo(today())),
    );
    let harness = harness(&path);
    (folder, harness)
}

#[test]
fn the_window_is_named_by_its_title() {
    let (_folder, path) = journal_in_temp();
    let harness = harness(&path);
    let folder = path.parent().unwrap().display().to_string();
    let root = harness.root();
    assert_eq!(
        root.accesskit_node().label().as_deref(),
        Some(format!("painlog — journal.ron in {folder}").as_str())
    );
}

#[test]
fn the_views_are_a_tab_list_of_tabs_one_selected() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    let selected_tabs = |harness: &egui_kittest::Harness<'_, painlog::ui::PainlogApp>| {
        let list = harness.get_by_role_and_label(Role::TabList, "Views");
        let tabs: Vec<(String, bool)> = list
            .children()
            .filter(|tab| tab.accesskit_node().role() == Role::Tab)
            .map(|tab| {
                let node = tab.accesskit_node();
                (
                    node.label().unwrap_or_default(),
                    node.is_selected() == Some(true),
                )
            })
            .collect();
        tabs
    };
    let tabs = selected_tabs(&harness);
    let names: Vec<&str> = tabs.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Day",
            "Sessions",
            "Trends",
            "Effects",
            "Aligned",
            "Since last session",
            "Report",
            "Year",
            "Patterns"
        ]
    );
    let chosen: Vec<&str> = tabs
        .iter()
        .filter(|(_, selected)| *selected)
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(chosen, ["Day"]);
    // A tab, not a toggle button that is "pressed".
    let day = harness.get_by_role_and_label(Role::Tab, "Day");
    assert_eq!(day.accesskit_node().toggled(), None::<Toggled>);
    click(&mut harness, "Trends");
    let tabs = selected_tabs(&harness);
    assert!(tabs.contains(&("Trends".to_owned(), true)), "{tabs:?}");
    assert!(tabs.contains(&("Day".to_owned(), false)), "{tabs:?}");
}

#[test]
fn the_theme_buttons_say_what_they_choose() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    for (name, preference) in [
        ("Theme: dark", egui::ThemePreference::Dark),
        ("Theme: light", egui::ThemePreference::Light),
        ("Theme: follow the system", egui::ThemePreference::System),
    ] {
        harness.get_by_label(name).click();
        harness.run();
        assert_eq!(harness.ctx.options(|o| o.theme_preference), preference);
    }
}

#[test]
fn the_status_bar_is_a_live_region_a_screen_reader_announces() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    let status = harness.get_by_role_and_label(Role::Status, "Status");
    assert_eq!(status.accesskit_node().live(), Live::Polite);
    // What it says is inside it, so that the announcement is the new text.
    type_into(&mut harness, "Pain (0 = none, 10 = worst imaginable)", "4");
    harness.run();
    let status = harness.get_by_role_and_label(Role::Status, "Status");
    let said: Vec<String> = status
        .children()
        .filter_map(|child| {
            let node = child.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect();
    assert!(
        said.iter()
            .any(|text| text.contains("saved") || text.contains("Saved")),
        "{said:?}"
    );
}

#[test]
fn f1_or_a_question_mark_lists_the_shortcuts_and_escape_closes_it() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    let open = |harness: &egui_kittest::Harness<'_, painlog::ui::PainlogApp>| {
        harness.query_by_label("Show Trends").is_some()
    };
    assert!(!open(&harness));
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(open(&harness), "F1 opens the list");
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Sessions view: a new session");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!open(&harness), "Escape closes it");
    // The button at the top opens it too.
    click(&mut harness, "Keyboard shortcuts (F1)");
    assert!(open(&harness));
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(!open(&harness), "F1 closes it again");
    // A question mark typed into a note is a question mark, not a request for help.
    type_into(&mut harness, "Note (anything worth remembering)", "why?");
    assert!(!open(&harness));
    assert_eq!(
        harness
            .get_by_label("Note (anything worth remembering)")
            .value()
            .as_deref(),
        Some("why?")
    );
}

#[test]
fn the_trend_chart_says_what_it_shows_in_words() {
    let (_folder, path) = journal_in_temp();
    let mut journal = painlog::model::Journal::new();
    for (date, pain) in [
        ("2026-06-10", 4),
        ("2026-06-11", 5),
        ("2026-06-12", 9),
        ("2026-06-13", 6),
    ] {
        journal.set_day(day(date, pain));
    }
    journal.add_session(session(
        "2026-06-11 10:00",
        painlog::model::SessionKind::Swedish,
    ));
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Trends");
    click(&mut harness, "30 days");
    let chart = harness.get_by_label_contains("Trend chart, ");
    let description = chart.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("Pain: mostly 5 to 6, highest 9 on Fri 12 Jun 2026, lowest 4 on Wed 10 Jun 2026; 4 of 30 days logged."),
        "{description}"
    );
    assert!(
        description.ends_with("1 session in these days."),
        "{description}"
    );
}

#[test]
fn the_aligned_chart_says_what_it_shows_in_words() {
    let (_folder, mut harness) = demo_harness();
    click(&mut harness, "Aligned");
    let chart =
        harness.get_by_label("Aligned chart: pain on the days before and after each session");
    let description = chart.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("All sessions: pain ")
            && description.contains(" on average over the days before, ")
            && description.contains("; highest "),
        "{description}"
    );
    let counts = harness.get_by_label("Sessions behind each day of the aligned chart");
    let said = counts.accesskit_node().description().unwrap_or_default();
    assert!(
        said.starts_with("Sessions with the day logged: ")
            && said.contains(" on the session day, "),
        "{said}"
    );
}

#[test]
fn the_days_around_charts_say_each_line_in_words() {
    let (_folder, mut harness) = demo_harness();
    harness.set_size(egui::vec2(1920.0, 1080.0));
    harness.run();
    let chart = harness.get_by_label_contains("Days around ");
    let description = chart.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("Pain: mostly ") && description.contains(" Sleep quality: "),
        "{description}"
    );
}

#[test]
fn the_day_buttons_are_in_the_tab_order_after_the_date() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    harness.get_by_label("Date (YYYY-MM-DD)").focus();
    harness.run();
    press_tab(&mut harness);
    assert!(
        harness.get_by_label("◀ Previous day").is_focused(),
        "Tab from the date reaches Previous day"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    let yesterday = today().pred_opt().unwrap();
    harness.get_by_label(&painlog::report::text::long_date(yesterday));
}

#[test]
fn the_forest_plot_says_each_row_in_words() {
    let (_folder, mut harness) = demo_harness();
    click(&mut harness, "Effects");
    let plot =
        harness.get_by_label("Forest plot: pain after sessions against ordinary weeks, by group");
    let description = plot.accesskit_node().description().unwrap_or_default();
    assert!(
        description.starts_with("All sessions: ")
            && description.contains(" than over ordinary weeks (95% interval "),
        "{description}"
    );
}

#[test]
fn the_change_over_time_chart_has_a_name_and_its_answer() {
    let (_folder, mut harness) = demo_harness();
    click(&mut harness, "Effects");
    let chart = harness.get_by_label("Change in pain after each session, over time, by kind");
    let description = chart.accesskit_node().description().unwrap_or_default();
    assert!(
        description.contains(" sessions with enough logged days; ")
            && description.contains("After sessions, pain "),
        "{description}"
    );
}

#[test]
fn since_last_session_reads_as_tables_with_headers_rows_and_cells() {
    let (_folder, mut harness) = demo_harness();
    click(&mut harness, "Since last session");
    for (name, headers) in [
        (
            "The days since against the week before",
            vec!["Measure", "Week before", "Since", "Change"],
        ),
        (
            "Sessions in the last 90 days",
            vec![
                "Date",
                "Kind",
                "Therapist",
                "Mean pain before → after",
                "Right after the session",
            ],
        ),
    ] {
        let table = harness.get_by_role_and_label(Role::Table, name);
        let rows: Vec<_> = table
            .children()
            .filter(|row| row.accesskit_node().role() == Role::Row)
            .collect();
        assert!(rows.len() >= 2, "{name}: a header row and data rows");
        let cells = |row: &egui_kittest::Node<'_>, role: Role| -> Vec<String> {
            row.children_recursive()
                .filter(|cell| cell.accesskit_node().role() == role)
                .map(|cell| {
                    let node = cell.accesskit_node();
                    node.label().or_else(|| node.value()).unwrap_or_default()
                })
                .collect()
        };
        assert_eq!(cells(&rows[0], Role::ColumnHeader), headers, "{name}");
        for row in &rows[1..] {
            assert_eq!(cells(row, Role::Cell).len(), headers.len(), "{name}");
        }
    }
}

#[test]
fn the_tables_by_kind_and_therapist_read_as_tables() {
    let (_folder, mut harness) = demo_harness();
    click(&mut harness, "Effects");
    let table = harness.get_by_role_and_label(Role::Table, "By kind: the answer");
    let rows: Vec<_> = table
        .children()
        .filter(|row| row.accesskit_node().role() == Role::Row)
        .collect();
    assert!(rows.len() >= 3, "a header row and a row per kind");
    let headers: Vec<String> = rows[0]
        .children_recursive()
        .filter(|cell| cell.accesskit_node().role() == Role::ColumnHeader)
        .filter_map(|cell| cell.accesskit_node().label())
        .collect();
    assert_eq!(
        headers.first().map(String::as_str),
        Some("Kind"),
        "{headers:?}"
    );
    assert!(
        headers.iter().any(|h| h.starts_with("Against")) && headers.contains(&"Verdict".to_owned()),
        "{headers:?}"
    );
    harness.get_by_role_and_label(Role::Table, "By therapist: the answer");
}
