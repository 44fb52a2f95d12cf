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
        .get_by_label(painlog::ui::labels::settings::WINDOW)
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
    // The answer against ordinary weeks (not enough data yet: two sessions), and the row of
    // ordinary weeks below the kinds.
    assert!(
        harness
            .query_all_by_label_contains("Not enough data yet:")
            .next()
            .is_some()
    );
    assert!(
        harness.query_all_by_label_contains("rdinary week").count() >= 2,
        "the comparison and the baseline row"
    );
}

/// Three sessions whose orders by date, by kind and by change all differ: 5 May Swedish (pain
/// 5.0 before, 4.0 after: change -1.0), 12 May deep tissue (4.0 → 6.0: +2.0), 20 May shiatsu
/// (6.0 → 3.0: -3.0). Every day from 1 to 27 May is logged; each window is clipped at the
/// neighbouring sessions, so each mean is one of the four blocks below.
fn sorting_journal(path: &std::path::Path) {
    let mut journal = Journal::new();
    for d in 1..=27_u8 {
        let pain = match d {
            1..=5 => 5,
            6..=12 => 4,
            13..=20 => 6,
            _ => 3,
        };
        journal.set_day(day(&format!("2026-05-{d:02}"), pain));
    }
    for (start, kind) in [
        ("2026-05-05 10:00", SessionKind::Swedish),
        ("2026-05-12 10:00", SessionKind::DeepTissue),
        ("2026-05-20 10:00", SessionKind::Shiatsu),
    ] {
        journal.add_session(Session::new(
            parse_start(start).unwrap(),
            kind,
            Minutes::new(60).unwrap(),
        ));
    }
    save(path, &journal);
}

/// The session table's dates from top to bottom.
fn table_order(harness: &Harness<'_, PainlogApp>) -> Vec<&'static str> {
    let mut rows: Vec<(f32, &'static str)> = ["2026-05-05", "2026-05-12", "2026-05-20"]
        .into_iter()
        .map(|date| {
            // The first match is in the session table (the tables by kind come below it).
            let y = harness
                .get_all_by_label(date)
                .next()
                .unwrap()
                .rect()
                .center()
                .y;
            (y, date)
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, date)| date).collect()
}

#[test]
fn the_effects_table_sorts_by_date_change_and_kind() {
    let (_folder, path) = journal_in_temp();
    sorting_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Effects");
    // The changes are as worked out above, in words (also in the table by kind, one session
    // each).
    for change in ["1.0 lower", "2.0 higher", "3.0 lower"] {
        assert!(
            harness.query_all_by_label(change).next().is_some(),
            "{change}"
        );
    }
    let newest_first = ["2026-05-20", "2026-05-12", "2026-05-05"];
    assert_eq!(table_order(&harness), newest_first);
    click(&mut harness, "Sort by date");
    assert_eq!(
        table_order(&harness),
        ["2026-05-05", "2026-05-12", "2026-05-20"],
        "oldest first"
    );
    click(&mut harness, "Sort by kind");
    // Deep tissue, Shiatsu / acupressure, Swedish.
    assert_eq!(
        table_order(&harness),
        ["2026-05-12", "2026-05-20", "2026-05-05"],
        "kinds A to Z"
    );
    click(&mut harness, "Sort by change");
    // -3.0, -1.0, +2.0: the biggest fall first.
    assert_eq!(
        table_order(&harness),
        ["2026-05-20", "2026-05-05", "2026-05-12"],
        "by change"
    );
    click(&mut harness, "Sort by change");
    assert_eq!(
        table_order(&harness),
        ["2026-05-12", "2026-05-05", "2026-05-20"],
        "reversed"
    );
}

#[test]
fn a_session_without_a_change_goes_last_whichever_way_changes_are_sorted() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    let mut harness = harness(&path);
    open(&mut harness, "Effects");
    let y = |harness: &Harness<'_, PainlogApp>, label: &str| {
        harness
            .get_all_by_label(label)
            .next()
            .unwrap()
            .rect()
            .center()
            .y
    };
    // June 10 has a change (−3.0); June 14 has not enough data and goes last both ways.
    for _ in 0..2 {
        click(&mut harness, "Sort by change");
        assert!(y(&harness, "2026-06-10") < y(&harness, "2026-06-14"));
    }
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
    harness.get_by_label_contains("Averaged over 1 session, lined up on its session day");
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
    harness.get_by_label_contains("Shaded: the Swedish session of Sun 14 Jun 2026");
    harness.get_by_label_contains("Before, 11 Jun – 13 Jun (3 days: another session is that close): pain 3.0 over 3 days logged.");
    click(&mut harness, "◀ Earlier session");
    harness.get_by_label_contains("Shaded: the Deep tissue session of Wed 10 Jun 2026");
    harness
        .get_by_label_contains("After, 11 Jun – 13 Jun (3 days: another session is that close):");
    click(&mut harness, "Clear selection");
    assert!(harness.query_by_label_contains("Shaded:").is_none());
}

#[test]
fn trend_controls_switch_metrics_and_ranges() {
    let (_folder, path) = journal_in_temp();
    analysis_journal(&path);
    // Stiffness too, on the first ten days.
    let mut journal = load(&path);
    for d in 1..=10_u8 {
        let mut logged = journal
            .day(date(&format!("2026-06-{d:02}")))
            .unwrap()
            .clone();
        logged.stiffness = score(d % 6);
        journal.set_day(logged);
    }
    save(&path, &journal);
    let mut harness = harness(&path);
    open(&mut harness, "Trends");
    // The chart's key lists what is drawn: pain (the journal has no sleep logged).
    let legend =
        |harness: &Harness<'_, PainlogApp>, name: &str| harness.query_all_by_label(name).count();
    assert_eq!(legend(&harness, "Pain, 7-day mean"), 1);
    assert_eq!(legend(&harness, "Pain, daily"), 1);
    assert_eq!(legend(&harness, "Stiffness, 7-day mean"), 0);
    assert_eq!(
        legend(&harness, "Sleep quality (higher is better), 7-day mean"),
        0
    );
    // Stiffness switched on: its lines join the key; pain switched off: its lines go.
    harness.get_by_label("Stiffness").click();
    harness.run();
    assert_eq!(
        legend(&harness, "Stiffness, 7-day mean"),
        1,
        "stiffness drawn"
    );
    assert_eq!(legend(&harness, "Stiffness, daily"), 1);
    harness.get_by_label("Pain").click();
    harness.run();
    assert_eq!(
        legend(&harness, "Pain, 7-day mean"),
        0,
        "pain no longer drawn"
    );
    assert_eq!(legend(&harness, "Pain, daily"), 0);
    // The daily values switched off: only the means are left in the key.
    click(&mut harness, "Daily values");
    assert_eq!(legend(&harness, "Stiffness, daily"), 0);
    assert_eq!(legend(&harness, "Stiffness, 7-day mean"), 1);
    // The sessions drawn are in the key by kind.
    assert_eq!(legend(&harness, "Deep tissue session"), 1);
    click(&mut harness, "All");
    click(&mut harness, "From – to");
    // Filled in from the first session to today, with nothing to complain about yet.
    assert_eq!(
        harness.get_by_label("To").value().as_deref(),
        Some(today().to_string().as_str())
    );
    assert!(harness.query_by_label_contains("Type a date").is_none());
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
    harness.get_by_role_and_label(egui::accesskit::Role::Table, "Sessions in the last 90 days");
    harness.get_by_label("Sun 14 Jun");
    harness.get_by_label("Wed 10 Jun");
}

#[test]
fn empty_journal_views_say_what_to_do() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    open(&mut harness, "Trends");
    harness.get_by_label_contains("Nothing to chart yet");
    assert!(
        harness.query_by_label("◀ Earlier session").is_none(),
        "no empty chart and its controls, only what to do"
    );
    open(&mut harness, "Effects");
    harness.get_by_label_contains("No sessions yet");
    open(&mut harness, "Aligned");
    harness.get_by_label_contains("No sessions to line up yet");
    open(&mut harness, "Since last session");
    harness.get_by_label_contains("No session logged yet");
}
