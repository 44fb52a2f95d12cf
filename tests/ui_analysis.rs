//! The Trends, Effects, Aligned and Since-last-session views, driven through their controls.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{Journal, KindChoice, Minutes, Session, SessionKind, parse_start};
use painlog::ui::PainlogApp;

/// Pain d on June d for d < 10 (so the mean before June 10 depends on k), 3 after; sessions on
/// June 10 (deep tissue, Anna) and June 14 (Swedish, Ben), and a note on June 12.
fn analysis_journal(path: &std::path::Path) {
    let mut journal = Journal::new();
    for d in 1..=15_u8 {
        let mut logged = day(&format!("2026-06-{d:02}"), if d < 10 { d } else { 3 });
        if d == 12 {
            logged.note = "Walked by the river".into();
        }
        journal.set_day(logged);
    }
    for (start, kind, therapist) in [
        ("2026-06-10 17:00", SessionKind::DeepTissue, "Anna"),
        ("2026-06-14 09:00", SessionKind::Swedish, "Ben"),
    ] {
        let mut session =
            Session::new(parse_start(start).unwrap(), kind, Minutes::new(60).unwrap());
        session.therapist = Some(therapist.into());
        session.pain_before = score(8);
        session.pain_after = score(5);
        journal.add_session(session);
    }
    save(path, &journal);
}

fn open(harness: &mut Harness<'_, PainlogApp>, view: &str) {
    click(harness, view);
}

#[test]
fn changing_k_changes_the_effects_table() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Effects");
    // k = 7: the days before June 10 are June 3–9, pain 3…9, mean 6.0.
    harness.get_by_label("6.0");
    assert!(harness.query_by_label("8.0").is_none());
    harness
        .get_by_label("Days before and after")
        .set_value_accesskit(3.0);
    harness.run();
    // k = 3: June 7–9, mean 8.0.
    harness.get_by_label("8.0");
    assert!(harness.query_by_label("6.0").is_none());
    assert_eq!(harness.state().prefs().window, 3, "the setting is kept");
}

#[test]
fn not_enough_data_is_shown_as_such() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Effects");
    // The Swedish session on June 14 has one logged day after it (June 15).
    assert!(harness.query_all_by_label("not enough data").count() >= 2);
    harness.get_by_label_contains("People tend to book a session when pain is high");
    assert!(
        harness.query_all_by_label_contains("ordinary days").count() >= 2,
        "the comparison and the baseline row"
    );
}

#[test]
fn the_effects_table_sorts_by_date_change_and_kind() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Effects");
    // The first match is in the session table (the tables by kind come below it).
    let y = |harness: &Harness<'_, PainlogApp>, label: &str| {
        harness
            .get_all_by_label(label)
            .next()
            .unwrap()
            .rect()
            .center()
            .y
    };
    assert!(
        y(&harness, "2026-06-14") < y(&harness, "2026-06-10"),
        "newest first"
    );
    harness.get_by_label("Sort by date").click();
    harness.run();
    assert!(
        y(&harness, "2026-06-10") < y(&harness, "2026-06-14"),
        "oldest first"
    );
    harness.get_by_label("Sort by kind").click();
    harness.run();
    assert!(
        y(&harness, "Deep tissue") < y(&harness, "Swedish"),
        "kinds A to Z"
    );
    harness.get_by_label("Sort by change").click();
    harness.run();
    // June 10 has a change (−3.0); June 14 has not enough data and goes last.
    assert!(y(&harness, "2026-06-10") < y(&harness, "2026-06-14"));
}

#[test]
fn filtering_by_kind_changes_the_aligned_view() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Aligned");
    harness.get_by_label_contains("Averaged over 2 sessions");
    harness.get_by_label("Kind").click();
    harness.run();
    harness.get_by_label("Swedish").click();
    harness.run();
    harness.get_by_label_contains("Averaged over 1 sessions");
    let series = &harness.state().aligned_series_for_tests();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0].0, Some(KindChoice::Swedish));
    harness
        .get_by_label("Compare kinds (one line each)")
        .click();
    harness.run();
    assert_eq!(
        harness.state().aligned_series_for_tests().len(),
        1,
        "one kind passes the Swedish filter"
    );
}

#[test]
fn selecting_a_session_shades_its_windows() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Trends");
    assert!(harness.query_by_label_contains("Shaded:").is_none());
    click(&mut harness, "◀ Earlier session");
    harness.get_by_label_contains("Shaded: session 2 (Swedish, Sun 14 Jun 2026)");
    harness.get_by_label_contains("Before 11 Jun to 13 Jun: pain 3.0 over 3 days");
    click(&mut harness, "◀ Earlier session");
    harness.get_by_label_contains("Shaded: session 1 (Deep tissue, Wed 10 Jun 2026)");
    harness.get_by_label_contains("after 11 Jun to 13 Jun");
    click(&mut harness, "Clear selection");
    assert!(harness.query_by_label_contains("Shaded:").is_none());
}

#[test]
fn trend_controls_switch_metrics_and_ranges() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Trends");
    harness.get_by_label("Sleep quality (higher is better)");
    click(&mut harness, "All");
    click(&mut harness, "From – to");
    type_into(&mut harness, "From (YYYY-MM-DD)", "2026-06-20");
    type_into(&mut harness, "To", "2026-06-01");
    harness.get_by_label_contains("The first date must come before the second");
    type_into(&mut harness, "To", "2026-06-30");
    assert!(
        harness
            .query_by_label_contains("The first date must come before")
            .is_none()
    );
}

#[test]
fn since_the_last_session_shows_days_notes_and_recent_sessions() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Since last session");
    harness.get_by_label_contains(
        "Your last session was Sunday 14 June 2026 (Swedish with Ben), yesterday.",
    );
    harness.get_by_label_contains("Sessions in the last 90 days");
    harness.get_by_label("Sun 14 Jun");
    harness.get_by_label("Wed 10 Jun");
}

#[test]
fn empty_journal_views_say_what_to_do() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    open(&mut harness, "Trends");
    harness.get_by_label_contains("Nothing to chart yet");
    open(&mut harness, "Effects");
    harness.get_by_label_contains("No sessions yet");
    open(&mut harness, "Aligned");
    harness.get_by_label_contains("Averaged over 0 sessions");
    open(&mut harness, "Since last session");
    harness.get_by_label_contains("No session logged yet");
}
