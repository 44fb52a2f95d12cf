//! The Year view (issue 16, "The year at a glance"): a calendar of one metric, one square per
//! day, that the keyboard moves through day by day and week by week while a screen reader reads
//! each day; Enter or a click opens the day in the Day view; an empty journal says what will be
//! there; the months and years are summed up under it. Driven by keys and labels.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{CareKind, CareVisit, ItemId, Journal, SessionKind};
use painlog::ui::labels::year as labels;
use painlog::ui::{PainlogApp, View};

const CALENDAR: &str = "Calendar of pain by day";

/// June 2026, the 1st to the 14th logged with pain (the day of the month mod 7, plus 1) except
/// the 10th; a Swedish session on the 9th; a physiotherapy visit on the 12th. May: pain 6 on the
/// 20th, so June's mean is compared with it.
fn june() -> Journal {
    let mut journal = Journal::new();
    for d in (1..=14_u8).filter(|d| *d != 10) {
        journal.set_day(day(&format!("2026-06-{d:02}"), d % 7 + 1));
    }
    journal.set_day(day("2026-05-20", 6));
    journal.add_session(session("2026-06-09 10:00", SessionKind::Swedish));
    journal
        .add_care_visit(CareVisit {
            id: ItemId(0),
            date: date("2026-06-12"),
            kind: CareKind::Physiotherapy,
            name: String::new(),
            note: String::new(),
        })
        .unwrap();
    journal
}

fn window_on(journal: &Journal) -> (tempfile::TempDir, Harness<'static, PainlogApp>) {
    let (folder, path) = journal_in_temp();
    save(&path, journal);
    let mut harness = harness(&path);
    click(&mut harness, "Year");
    (folder, harness)
}

fn press(harness: &mut Harness<'_, PainlogApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// Press Tab until the calendar has the keyboard (at most 40 times).
fn tab_to_calendar(harness: &mut Harness<'_, PainlogApp>) {
    for _ in 0..40 {
        press(harness, Key::Tab);
        if harness.get_by_label(CALENDAR).is_focused() {
            return;
        }
    }
    panic!("Tab never reached the calendar");
}

/// What the focused calendar reads, which is also said in a polite live region.
fn reading(harness: &Harness<'_, PainlogApp>) -> String {
    let calendar = harness.get_by_label(CALENDAR);
    assert!(calendar.is_focused(), "the calendar keeps the keyboard");
    let value = calendar.accesskit_node().value().unwrap_or_default();
    let announced = harness
        .root()
        .children_recursive()
        .filter(|node| node.accesskit_node().live() == egui::accesskit::Live::Polite)
        .any(|node| node.accesskit_node().label().as_deref() == Some(value.as_str()));
    assert!(announced, "{value:?} is not announced");
    value
}

/// The Day view is open on `day`: its heading names it.
fn assert_day_view_on(harness: &Harness<'_, PainlogApp>, day: chrono::NaiveDate) {
    assert_eq!(harness.state().view(), View::Day, "the Day view is open");
    harness.get_by_label_contains(&day.format("%A %-d %B %Y").to_string());
}

/// The date the open Day view's heading names, among the days of June 2026 and today.
fn day_view_date(harness: &Harness<'_, PainlogApp>) -> chrono::NaiveDate {
    assert_eq!(harness.state().view(), View::Day, "the Day view is open");
    let first = date("2025-07-01");
    (0..=(today() - first).num_days())
        .map(|n| first + chrono::Days::new(n as u64))
        .find(|day| {
            harness
                .query_by_label_contains(&day.format("%A %-d %B %Y").to_string())
                .is_some()
        })
        .expect("the Day view names a day of the period")
}

#[test]
fn the_calendar_reads_day_by_day_and_week_by_week() {
    let (_folder, mut harness) = window_on(&june());
    tab_to_calendar(&mut harness);
    // It starts on the last day of the period: today, not logged.
    assert_eq!(
        reading(&harness),
        "Mon 15 Jun 2026: not logged; no session; no care visit."
    );
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        reading(&harness),
        "Sun 14 Jun 2026: pain 1; no session; no care visit."
    );
    // A week back, then forward again.
    press(&mut harness, Key::ArrowUp);
    assert_eq!(
        reading(&harness),
        "Sun 7 Jun 2026: pain 1; no session; no care visit."
    );
    press(&mut harness, Key::ArrowDown);
    assert!(reading(&harness).starts_with("Sun 14 Jun 2026:"));
    // Back to the care visit, the day not logged and the session.
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        reading(&harness),
        "Fri 12 Jun 2026: pain 6; no session; care visit (Physiotherapy)."
    );
    press(&mut harness, Key::ArrowLeft);
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        reading(&harness),
        "Wed 10 Jun 2026: not logged; no session; no care visit."
    );
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        reading(&harness),
        "Tue 9 Jun 2026: pain 3; session (Swedish); no care visit."
    );
    // A month back: the same day of May. Home: the period's first day (the 1st, eleven months
    // ago); End: its last.
    press(&mut harness, Key::PageUp);
    assert!(reading(&harness).starts_with("Sat 9 May 2026: not logged"));
    press(&mut harness, Key::Home);
    assert!(reading(&harness).starts_with("Tue 1 Jul 2025: not logged"));
    press(&mut harness, Key::End);
    assert!(reading(&harness).starts_with("Mon 15 Jun 2026:"));
}

#[test]
fn enter_opens_the_cursors_day_in_the_day_view() {
    let (_folder, mut harness) = window_on(&june());
    tab_to_calendar(&mut harness);
    for _ in 0..6 {
        harness.key_press(Key::ArrowLeft);
    }
    harness.run();
    assert!(reading(&harness).starts_with("Tue 9 Jun 2026:"));
    press(&mut harness, Key::Enter);
    harness.run();
    assert_day_view_on(&harness, date("2026-06-09"));
}

#[test]
fn a_click_on_a_day_opens_it_in_the_day_view() {
    let (_folder, mut harness) = window_on(&june());
    let calendar = harness.get_by_label(CALENDAR).rect();
    // Click across the calendar until a square is hit (the gaps between squares do nothing).
    let mut opened = None;
    'scan: for fy in [0.3_f32, 0.45, 0.6, 0.75, 0.9] {
        for step in 1..40 {
            let at = calendar.left_top()
                + egui::vec2(
                    calendar.width() * step as f32 / 40.0,
                    calendar.height() * fy,
                );
            harness.drag_at(at);
            harness.drop_at(at);
            harness.run();
            if harness.state().view() == View::Day {
                opened = Some(day_view_date(&harness));
                break 'scan;
            }
        }
    }
    let opened = opened.expect("a click on a square opens its day");
    // The clicked day is where the calendar's cursor now is.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num8);
    harness.run();
    assert_eq!(harness.state().view(), View::Year);
    tab_to_calendar(&mut harness);
    let said = reading(&harness);
    assert!(
        said.starts_with(&opened.format("%a %-d %b %Y:").to_string()),
        "opened {opened}, the cursor reads {said}"
    );
}

#[test]
fn an_empty_journal_says_what_will_be_there_and_leads_to_the_day_view() {
    let (_folder, mut harness) = window_on(&Journal::new());
    assert_on_screen(&harness, labels::EMPTY);
    assert!(harness.query_by_label(CALENDAR).is_none());
    click(&mut harness, labels::LOG_TODAY);
    harness.run();
    assert_day_view_on(&harness, today());
}

#[test]
fn the_months_are_summed_up_under_the_calendar_and_the_metric_can_change() {
    let (_folder, mut harness) = window_on(&june());
    // June: 13 of its 15 days so far logged, mean pain (13 values) against May's 6.
    let journal = june();
    let june_pain: Vec<f64> = journal
        .days()
        .filter(|d| d.date >= date("2026-06-01"))
        .map(|d| f64::from(d.pain.unwrap().get()))
        .collect();
    let mean = june_pain.iter().sum::<f64>() / june_pain.len() as f64;
    for text in [
        "June 2026".to_owned(),
        "13 of 15".to_owned(),
        format!("{mean:.1}"),
        format!("{:.1} lower than May", 6.0 - mean),
        "no pain logged in April".to_owned(),
    ] {
        assert!(
            harness.query_by_label(&text).is_some(),
            "{text:?} is not in the month table"
        );
    }
    choose_metric(&mut harness, "Sleep quality (higher is better)");
    assert!(
        harness
            .query_by_label("Calendar of sleep quality by day")
            .is_some(),
        "the calendar follows the metric"
    );
}
