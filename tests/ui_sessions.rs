//! The Sessions view, driven through its labels, checked against the file on disk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Amount, Currency, Journal, Pressure, Region, SessionId, SessionKind};

const PAIN_BEFORE: &str = "Pain right before (0 = none, 10 = worst imaginable)";
const PAIN_AFTER: &str = "Pain right after (0 = none, 10 = worst imaginable)";
const SORENESS: &str = "Soreness afterwards (0 = none, 10 = worst)";

fn open_sessions(harness: &mut egui_kittest::Harness<'_, painlog::ui::PainlogApp>) {
    click(harness, "Sessions");
}

#[test]
fn adds_a_session_with_every_field() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    harness.get_by_label_contains("New massage session");
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-06-12");
    type_into(&mut harness, "Start time (HH:MM, 24-hour)", "17:30");
    click(&mut harness, "Other");
    type_into(&mut harness, "Name of the other kind", "Hot stone");
    type_into(&mut harness, "Minutes (1–480)", "75");
    type_into(&mut harness, "Therapist or clinic (optional)", "Anna Berg");
    click(&mut harness, "Firm");
    for place in ["Neck", "Lower back"] {
        for side in ["left", "right"] {
            click(&mut harness, &format!("{place}, {side}: not marked"));
        }
    }
    type_into(&mut harness, "Cost (optional, e.g. 60 or 59.50)", "85.50");
    type_into(&mut harness, "Currency", "eur");
    type_into(&mut harness, PAIN_BEFORE, "6");
    type_into(&mut harness, PAIN_AFTER, "3");
    type_into(&mut harness, SORENESS, "4");
    type_into(
        &mut harness,
        "Session note (e.g. stretches the therapist suggested)",
        "Cat-cow, twice a day",
    );
    assert!(
        !path.exists(),
        "nothing is written before the session is added"
    );
    click(&mut harness, "Add session");

    let journal = load(&path);
    assert_eq!(journal.sessions().len(), 1);
    let session = &journal.sessions()[0];
    assert_eq!(
        session.start,
        painlog::model::parse_start("2026-06-12 17:30").unwrap()
    );
    assert_eq!(session.kind, SessionKind::Other("Hot stone".into()));
    assert_eq!(session.minutes.get(), 75);
    assert_eq!(session.therapist.as_deref(), Some("Anna Berg"));
    assert_eq!(session.pressure, Some(Pressure::Firm));
    assert_eq!(
        session.focus_areas().into_iter().collect::<Vec<_>>(),
        [Region::Neck, Region::LowerBack]
    );
    let cost = session.cost.unwrap();
    assert_eq!(
        (cost.amount, cost.currency),
        (Amount::from_cents(8550), Currency::parse("EUR").unwrap())
    );
    assert_eq!(
        (session.pain_before, session.pain_after, session.soreness),
        (score(6), score(3), score(4))
    );
    assert_eq!(session.note, "Cat-cow, twice a day");
    harness.get_by_label_contains("Added session 1");
    harness.get_by_label_contains("Session 1 — Hot stone");
}

#[test]
fn a_bad_session_is_not_added_and_says_why() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    type_into(&mut harness, "Minutes (1–480)", "-5");
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-07-01");
    type_into(&mut harness, "Cost (optional, e.g. 60 or 59.50)", "-10");
    click(&mut harness, "Other");
    click(&mut harness, "Add session");
    assert_on_screen(&harness, "a session lasts from 1 to 480 minutes");
    assert_on_screen(&harness, "2026-07-01 is in the future");
    assert_on_screen(&harness, "a cost cannot be negative");
    // "Other" without a name is not one of the problems: the name is optional.
    assert!(
        harness
            .query_all_by_label_contains("The kind's name")
            .next()
            .is_none(),
        "no complaint about the other kind's name"
    );
    assert!(!path.exists(), "nothing was saved");
    // With the rest right, the session is added as an unnamed "other" kind.
    type_into(&mut harness, "Minutes (1–480)", "50");
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-06-01");
    type_into(&mut harness, "Cost (optional, e.g. 60 or 59.50)", "45");
    type_into(&mut harness, "Currency", "EUR");
    click(&mut harness, "Add session");
    let journal = load(&path);
    assert_eq!(journal.sessions().len(), 1);
    assert_eq!(
        journal.sessions()[0].kind,
        SessionKind::Other(String::new())
    );
    assert_eq!(journal.sessions()[0].kind.label(), "Other");
    assert_eq!(journal.sessions()[0].minutes.get(), 50);
}

fn journal_with_sessions(path: &std::path::Path) -> (SessionId, SessionId) {
    let mut journal = Journal::new();
    let mut older = session("2026-05-02 10:00", SessionKind::Swedish);
    older.therapist = Some("Riverside Clinic".into());
    let older = journal.add_session(older);
    let mut newer = session("2026-06-01 17:30", SessionKind::DeepTissue);
    newer.therapist = Some("Anna Berg".into());
    let newer = journal.add_session(newer);
    save(path, &journal);
    (older, newer)
}

#[test]
fn sessions_are_listed_newest_first() {
    let (_folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    let rows: Vec<String> = harness
        .get_all_by_label_contains(" min")
        .filter(|node| node.accesskit_node().role() == egui::accesskit::Role::Row)
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert!(rows[0].starts_with("Mon 1 Jun 2026"), "{rows:?}");
    assert!(rows[1].starts_with("Sat 2 May 2026"), "{rows:?}");
}

#[test]
fn edits_a_session_and_the_change_is_saved() {
    let (_folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    list_row(&harness, "Sat 2 May 2026, 10:00").click();
    harness.run();
    harness.get_by_label_contains("Session 1 — Swedish");
    type_into(&mut harness, "Minutes (1–480)", "45");
    click(&mut harness, "Sports");
    type_into(&mut harness, PAIN_AFTER, "2");
    let journal = load(&path);
    let edited = journal.session(SessionId(1)).unwrap();
    assert_eq!(edited.minutes.get(), 45);
    assert_eq!(edited.kind, SessionKind::Sports);
    assert_eq!(edited.pain_after, score(2));
    assert_eq!(edited.therapist.as_deref(), Some("Riverside Clinic"));

    // A new date applies as soon as it is a whole date; an invalid one changes nothing.
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-05-3x");
    assert_on_screen(&harness, "is not a date");
    assert_eq!(
        load(&path).session(SessionId(1)).unwrap().start.date(),
        date("2026-05-02")
    );
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-05-03");
    assert_eq!(
        load(&path).session(SessionId(1)).unwrap().start.date(),
        date("2026-05-03")
    );
}

#[test]
fn deletes_a_session_and_can_undo() {
    let (_folder, path) = journal_in_temp();
    let (_, newer) = journal_with_sessions(&path);
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    list_row(&harness, "Mon 1 Jun 2026, 17:30").click();
    harness.run();
    click(&mut harness, "Delete session");
    let journal = load(&path);
    assert!(journal.session(newer).is_none(), "deleted on disk");
    assert_eq!(journal.sessions().len(), 1);
    harness.get_by_label_contains("Deleted the Deep tissue session");
    click(&mut harness, "Undo");
    let journal = load(&path);
    assert_eq!(
        journal.session(newer).unwrap().therapist.as_deref(),
        Some("Anna Berg"),
        "restored with its id"
    );
}

#[test]
fn new_session_defaults_to_the_last_booking() {
    let (_folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    assert_eq!(
        harness
            .get_by_label("Therapist or clinic (optional)")
            .value()
            .as_deref(),
        Some("Anna Berg")
    );
    assert_eq!(
        harness.get_by_label("Date (YYYY-MM-DD)").value().as_deref(),
        Some("2026-06-15")
    );
    assert_eq!(
        harness
            .get_by_label("Start time (HH:MM, 24-hour)")
            .value()
            .as_deref(),
        Some("18:00")
    );
    click(&mut harness, "Add session");
    let journal = load(&path);
    assert_eq!(journal.sessions().len(), 3);
    assert_eq!(journal.sessions()[2].kind, SessionKind::DeepTissue);
}

#[test]
fn a_session_in_the_future_is_refused_on_its_own() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-06-16");
    click(&mut harness, "Add session");
    assert_on_screen(&harness, "2026-06-16 is in the future");
    assert!(!path.exists(), "nothing was saved");
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-06-15");
    click(&mut harness, "Add session");
    assert_eq!(load(&path).sessions().len(), 1);
}

#[test]
fn a_half_typed_new_session_is_kept_while_another_is_open() {
    let (_folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    type_into(
        &mut harness,
        "Session note (e.g. stretches the therapist suggested)",
        "Draft note",
    );
    list_row(&harness, "Sat 2 May 2026, 10:00").click();
    harness.run();
    harness.get_by_label_contains("Session 1 — Swedish");
    click(&mut harness, "➕ New session");
    assert_eq!(
        harness
            .get_by_label("Session note (e.g. stretches the therapist suggested)")
            .value()
            .as_deref(),
        Some("Draft note")
    );
    click(&mut harness, "Clear the form");
    assert_eq!(
        harness
            .get_by_label("Session note (e.g. stretches the therapist suggested)")
            .value()
            .as_deref(),
        Some("")
    );
}

#[test]
fn session_rows_can_be_opened_from_the_keyboard() {
    let (_folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness(&path);
    open_sessions(&mut harness);
    // The list is one Tab stop at its first row (the newest session); ↓ goes to the older one.
    list_row(&harness, "Mon 1 Jun 2026").focus();
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert!(list_row(&harness, "Sat 2 May 2026, 10:00").is_focused());
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label_contains("Session 1 — Swedish");
}
