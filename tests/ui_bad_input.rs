//! Every kind of bad input typed into the window's fields: each field says what is wrong (and
//! how to write it), and nothing invalid reaches the journal file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{
    Amount, Cost, Currency, Journal, Metric, Minutes, Session, SessionId, SessionKind, parse_start,
};
use painlog::ui::PainlogApp;

const DATE: &str = "Date (YYYY-MM-DD)";
const TIME: &str = "Start time (HH:MM, 24-hour)";
const MINUTES: &str = "Minutes (1–480)";
const COST: &str = "Cost (optional, e.g. 60 or 59.50)";
const CURRENCY: &str = "Currency";
const THERAPIST: &str = "Therapist or clinic (optional)";
const SESSION_NOTE: &str = "Session note (e.g. stretches the therapist suggested)";
const PAIN_BEFORE: &str = "Pain right before (0 = none, 10 = worst imaginable)";
const PAIN_AFTER: &str = "Pain right after (0 = none, 10 = worst imaginable)";
const SORENESS: &str = "Soreness afterwards (0 = none, 10 = worst)";

/// Replace what the field labelled `label` holds with `text`. Typing over the selection replaces
/// it in one step, so an edited session never passes through an empty field on the way; an empty
/// `text` deletes the selection.
fn replace(harness: &mut Harness<'_, PainlogApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    if text.is_empty() {
        harness.key_press(egui::Key::Backspace);
    } else {
        harness.get_by_label(label).type_text(text);
    }
    harness.run();
}

fn shown(harness: &Harness<'_, PainlogApp>, text: &str) -> bool {
    // A reason shows under its field, and may also show in the status bar or beside a button.
    harness.query_all_by_label_contains(text).next().is_some()
}

#[track_caller]
fn assert_shown(harness: &Harness<'_, PainlogApp>, case: &str, text: &str) {
    assert!(shown(harness, text), "{case}: expected {text:?} on screen");
}

/// A journal with today (pain 5) and one session (id 1, 2026-06-10 17:00, 60 min, 50 EUR).
fn sample_journal(path: &Path) {
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 5));
    journal.set_day(day("2026-06-01", 6));
    let mut session = Session::new(
        parse_start("2026-06-10 17:00").unwrap(),
        SessionKind::DeepTissue,
        Minutes::new(60).unwrap(),
    );
    session.cost = Some(Cost {
        amount: Amount::parse("50").unwrap(),
        currency: Currency::parse("EUR").unwrap(),
    });
    session.pain_before = score(7);
    journal.add_session(session);
    save(path, &journal);
}

/// Every file in the journal's folder with its content (but the lock file): nothing written
/// means this is the same before and after.
fn folder_snapshot(path: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".lock"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                String::from_utf8_lossy(&fs::read(&p).unwrap()).into_owned(),
            )
        })
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// Day view
// ---------------------------------------------------------------------------------------------

#[test]
fn every_day_score_refuses_words_fractions_negatives_and_out_of_range() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    for metric in Metric::ALL {
        let label = metric.field_label();
        for (bad, found) in [
            ("11", "found 11"),
            ("-1", "found -1"),
            ("100", "found 100"),
            ("4.5", "found \"4.5\""),
            ("high", "found \"high\""),
            ("3/10", "found \"3/10\""),
        ] {
            let case = format!("{} = {bad:?}", metric.name());
            replace(&mut harness, &label, bad);
            let message = format!(
                "{}: a score must be a whole number from 0 to 10, {found}.",
                metric.name()
            );
            assert_shown(&harness, &case, &message);
            assert_eq!(folder_snapshot(&path), before, "{case}: nothing written");
        }
        // Put back as it was (pain 5, the others not logged): the message goes.
        let original = if metric == Metric::Pain { "5" } else { "" };
        replace(&mut harness, &label, original);
        assert!(!shown(&harness, "a score must be"), "{}", metric.name());
        assert_eq!(folder_snapshot(&path), before, "{}", metric.name());
    }
}

#[test]
fn a_bad_score_does_not_stop_the_other_fields_from_saving_but_is_never_saved() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let mut harness = harness(&path);
    replace(&mut harness, &Metric::Pain.field_label(), "eleven");
    assert_shown(&harness, "pain", "Pain: a score must be a whole number");
    replace(&mut harness, &Metric::Sleep.field_label(), "7");
    let day = load(&path).day(today()).cloned().unwrap();
    assert_eq!(day.pain, score(5), "the stored pain stays as it was");
    assert_eq!(day.sleep, score(7));
    assert_shown(&harness, "pain", "Pain: a score must be a whole number");
}

#[test]
fn the_day_date_field_refuses_malformed_impossible_early_empty_and_future_dates() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    for bad in [
        "2026-6-1",
        "15/06/2026",
        "2026/06/15",
        "yesterday",
        "2026-02-30",
        "2026-13-01",
        "2025-02-29",
        "1899-12-31",
        "",
        "   ",
    ] {
        replace(&mut harness, DATE, bad);
        press_tab(&mut harness);
        assert_shown(&harness, bad, &date_message(bad));
        assert_shown(&harness, bad, "Monday 15 June 2026 — today");
        assert_eq!(folder_snapshot(&path), before, "{bad:?}: nothing written");
    }
    for future in ["2026-06-16", "9999-12-31"] {
        replace(&mut harness, DATE, future);
        press_tab(&mut harness);
        let message = format!(
            "{future} is in the future (today is 2026-06-15); you can log today or any day before it."
        );
        assert_shown(&harness, future, &message);
        assert_shown(&harness, future, "Monday 15 June 2026 — today");
    }
    // A good date opens the day and the message goes.
    replace(&mut harness, DATE, "2026-06-01");
    press_tab(&mut harness);
    assert_shown(&harness, "good", "Monday 1 June 2026");
    assert!(!shown(&harness, "is in the future"));
    assert_eq!(
        folder_snapshot(&path),
        before,
        "opening a day writes nothing"
    );
}

/// What a date field says about `text` (with 2026-06-15 as today).
fn date_message(text: &str) -> String {
    match text.trim() {
        "" => "Type a date as YYYY-MM-DD, for example 2026-06-15.".to_owned(),
        "2026-02-30" => "2026-02-30 does not exist: February 2026 has 28 days.".to_owned(),
        "2025-02-29" => "2025-02-29 does not exist: February 2025 has 28 days.".to_owned(),
        "2026-13-01" => "2026-13-01 has no month 13; months are 01 to 12.".to_owned(),
        "1899-12-31" => {
            "1899-12-31 is before 1900; painlog keeps dates from 1900-01-01 on.".to_owned()
        }
        other => {
            format!("\"{other}\" is not a date. Type it as YYYY-MM-DD, for example 2026-06-15.")
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sessions view: the new-session form
// ---------------------------------------------------------------------------------------------

/// The cases of the session form: the field, the bad text, what the message says, and the good
/// text that puts the field right again.
fn session_form_cases() -> Vec<(&'static str, &'static str, String, &'static str)> {
    let not_a_date = date_message;
    let not_a_time = |text: &str| {
        format!(
            "\"{text}\" is not a time. Type it as HH:MM on the 24-hour clock, for example 17:30."
        )
    };
    let range = "Minutes: a session lasts from 1 to 480 minutes";
    let whole = "Minutes: minutes must be a whole number such as 60";
    let decimals = "Cost: a cost is a number with at most two decimals, like 60 or 59.50";
    let code = "Currency: a currency is a three-letter code such as USD, EUR or GBP";
    let mut cases = vec![
        (DATE, "2026-6-1", not_a_date("2026-6-1"), "2026-06-12"),
        (DATE, "2026-02-30", not_a_date("2026-02-30"), "2026-06-12"),
        (DATE, "1899-12-31", not_a_date("1899-12-31"), "2026-06-12"),
        (DATE, "", not_a_date(""), "2026-06-12"),
        (
            DATE,
            "2026-06-16",
            "2026-06-16 is in the future (today is 2026-06-15)".to_owned(),
            "2026-06-12",
        ),
        (
            DATE,
            "9999-12-31",
            "9999-12-31 is in the future".to_owned(),
            "2026-06-12",
        ),
        (TIME, "25:00", not_a_time("25:00"), "17:30"),
        (TIME, "17:60", not_a_time("17:60"), "17:30"),
        (TIME, "5pm", not_a_time("5pm"), "17:30"),
        (TIME, "17.30", not_a_time("17.30"), "17:30"),
        (TIME, "", not_a_time(""), "17:30"),
        (MINUTES, "0", format!("{range}, found 0"), "60"),
        (MINUTES, "-5", format!("{range}, found -5"), "60"),
        (MINUTES, "481", format!("{range}, found 481"), "60"),
        (MINUTES, "1.5", format!("{whole}, found \"1.5\""), "60"),
        (
            MINUTES,
            "an hour",
            format!("{whole}, found \"an hour\""),
            "60",
        ),
        (MINUTES, "", format!("{whole}, found \"\""), "60"),
        (
            COST,
            "-10",
            "Cost: a cost cannot be negative, found \"-10\"".to_owned(),
            "",
        ),
        (COST, "5.123", format!("{decimals}, found \"5.123\""), ""),
        (COST, "ten", format!("{decimals}, found \"ten\""), ""),
        (COST, "$60", format!("{decimals}, found \"$60\""), ""),
        (
            COST,
            "2000000",
            "Cost: a cost above 1000000 is not plausible for one session".to_owned(),
            "",
        ),
        (CURRENCY, "€", format!("{code}, found \"€\""), "EUR"),
        (CURRENCY, "U5D", format!("{code}, found \"U5D\""), "EUR"),
        (CURRENCY, "US", format!("{code}, found \"US\""), "EUR"),
        (
            CURRENCY,
            "dollars",
            format!("{code}, found \"dollars\""),
            "EUR",
        ),
        (
            THERAPIST,
            "x".repeat(101).leak(),
            "Therapist is 101 characters long; at most 100 fit, so shorten it by 1.".to_owned(),
            "",
        ),
        (
            SESSION_NOTE,
            "y".repeat(5003).leak(),
            "The note is 5003 characters long; at most 5000 fit, so shorten it by 3.".to_owned(),
            "",
        ),
        (
            CURRENCY,
            "",
            "Type the currency of the cost, e.g. USD or EUR.".to_owned(),
            "EUR",
        ),
    ];
    for label in [PAIN_BEFORE, PAIN_AFTER, SORENESS] {
        for (bad, found) in [("11", "found 11"), ("-1", "found -1"), ("x", "found \"x\"")] {
            cases.push((
                label,
                bad,
                format!("a score must be a whole number from 0 to 10, {found}."),
                "",
            ));
        }
    }
    cases
}

#[test]
fn the_new_session_form_says_what_is_wrong_with_each_field_and_adds_nothing() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    harness.get_by_label_contains("New massage session");
    replace(&mut harness, DATE, "2026-06-12");
    for (label, bad, message, good) in session_form_cases() {
        let case = format!("{label} = {bad:?}");
        // The currency only matters with a cost.
        if label == CURRENCY {
            replace(&mut harness, COST, "10");
        }
        replace(&mut harness, label, bad);
        assert_shown(&harness, &case, &message);
        click(&mut harness, "Add session");
        assert_eq!(folder_snapshot(&path), before, "{case}: nothing was added");
        assert!(!shown(&harness, "Added session"), "{case}");
        replace(&mut harness, label, good);
        if label == CURRENCY {
            replace(&mut harness, COST, "");
        }
        assert!(
            !shown(&harness, &message),
            "{case}: the message goes once the field is right"
        );
    }
    // Everything right again: the session is added.
    click(&mut harness, "Add session");
    assert_eq!(load(&path).sessions().len(), 2);
}

#[test]
fn several_bad_fields_are_all_named_at_once() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    replace(&mut harness, TIME, "7pm");
    replace(&mut harness, MINUTES, "0");
    replace(&mut harness, COST, "-1");
    replace(&mut harness, CURRENCY, "");
    replace(&mut harness, PAIN_BEFORE, "12");
    replace(&mut harness, SORENESS, "bad");
    click(&mut harness, "Add session");
    for message in [
        "\"7pm\" is not a time",
        "Minutes: a session lasts from 1 to 480 minutes, found 0",
        "Cost: a cost cannot be negative",
        "Type the currency of the cost",
        "Pain right before: a score must be a whole number from 0 to 10, found 12.",
        "Soreness afterwards: a score must be a whole number from 0 to 10, found \"bad\".",
    ] {
        assert_shown(&harness, "all at once", message);
    }
    assert_eq!(folder_snapshot(&path), before);
}

// ---------------------------------------------------------------------------------------------
// Sessions view: editing a session
// ---------------------------------------------------------------------------------------------

#[test]
fn editing_a_session_never_saves_an_invalid_field() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let stored = load(&path).session(SessionId(1)).cloned().unwrap();
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    list_row(&harness, "Wed 10 Jun 2026, 17:00").click();
    harness.run();
    harness.get_by_label_contains("Session 1 — Deep tissue");
    for (label, bad, message, good) in session_form_cases() {
        let case = format!("editing {label} = {bad:?}");
        // Put right means back to what the session holds.
        let good = match label {
            DATE => "2026-06-10",
            TIME => "17:00",
            MINUTES => "60",
            COST => "50.00",
            CURRENCY => "EUR",
            PAIN_BEFORE => "7",
            _ => good,
        };
        replace(&mut harness, label, bad);
        assert_shown(&harness, &case, &message);
        assert_eq!(folder_snapshot(&path), before, "{case}: nothing was saved");
        replace(&mut harness, label, good);
        assert!(!shown(&harness, &message), "{case}: the message goes");
        assert_eq!(
            folder_snapshot(&path),
            before,
            "{case}: put back, nothing to save"
        );
    }
    assert_eq!(load(&path).session(SessionId(1)), Some(&stored));
}

// ---------------------------------------------------------------------------------------------
// Effects: k and m
// ---------------------------------------------------------------------------------------------

#[test]
fn k_and_m_cannot_be_set_outside_their_ranges() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Effects");
    for (value, expected) in [(0.0, 1), (-5.0, 1), (29.0, 28), (1000.0, 28), (3.0, 3)] {
        harness
            .get_by_label(painlog::ui::labels::settings::WINDOW)
            .set_value_accesskit(value);
        harness.run();
        assert_eq!(harness.state().prefs().window, expected, "k = {value}");
    }
    // k is 3: m cannot go above it, nor below 1.
    for (value, expected) in [(10.0, 3), (0.0, 1), (2.0, 2)] {
        harness
            .get_by_label(painlog::ui::labels::settings::MIN_DAYS)
            .set_value_accesskit(value);
        harness.run();
        assert_eq!(harness.state().prefs().min_days, expected, "m = {value}");
    }
    // A smaller k brings m down with it.
    harness
        .get_by_label(painlog::ui::labels::settings::WINDOW)
        .set_value_accesskit(1.0);
    harness.run();
    assert_eq!(
        (
            harness.state().prefs().window,
            harness.state().prefs().min_days
        ),
        (1, 1)
    );
    assert_eq!(
        folder_snapshot(&path),
        before,
        "settings are not journal data"
    );
}

// ---------------------------------------------------------------------------------------------
// Trends: the custom range
// ---------------------------------------------------------------------------------------------

#[test]
fn the_trend_range_refuses_bad_dates() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Trends");
    click(&mut harness, "From – to");
    replace(&mut harness, "To", "2026-06-15");
    for (field, bad) in [
        ("From (YYYY-MM-DD)", "2026-02-30"),
        ("From (YYYY-MM-DD)", "June"),
        ("From (YYYY-MM-DD)", "1899-12-31"),
        ("From (YYYY-MM-DD)", ""),
        ("To", "2026-13-01"),
        ("To", ""),
    ] {
        let case = format!("{field} = {bad:?}");
        let good = if field == "To" {
            "2026-06-15"
        } else {
            "2026-06-01"
        };
        replace(&mut harness, "From (YYYY-MM-DD)", "2026-06-01");
        replace(&mut harness, field, bad);
        let message = format!(
            "{}: {}",
            field.split(' ').next().unwrap(),
            date_message(bad)
        );
        assert_shown(&harness, &case, &message);
        replace(&mut harness, field, good);
        assert!(!shown(&harness, &message), "{case}");
    }
    replace(&mut harness, "From (YYYY-MM-DD)", "2026-06-20");
    assert_shown(
        &harness,
        "backwards",
        "The first date must come before the second: 2026-06-20 is after 2026-06-15.",
    );
    assert_eq!(folder_snapshot(&path), before);
}

// ---------------------------------------------------------------------------------------------
// Report: the period, the export path and the import paths
// ---------------------------------------------------------------------------------------------

fn export_enabled(harness: &Harness<'_, PainlogApp>) -> bool {
    !harness
        .get_by_label("Export")
        .accesskit_node()
        .is_disabled()
}

#[test]
fn the_report_period_refuses_bad_and_backwards_dates_and_nothing_can_be_exported() {
    let (folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    click(&mut harness, "From – to");
    let out = folder.path().join("out").join("report.pdf");
    replace(&mut harness, "Save to (a file)", out.to_str().unwrap());
    replace(&mut harness, "To", "2026-06-15");
    for (field, bad) in [
        ("From (YYYY-MM-DD)", ""),
        ("From (YYYY-MM-DD)", "2026-02-30"),
        ("From (YYYY-MM-DD)", "01.06.2026"),
        ("From (YYYY-MM-DD)", "1899-12-31"),
        ("To", "2026-6-15"),
        ("To", ""),
    ] {
        let case = format!("{field} = {bad:?}");
        replace(&mut harness, "From (YYYY-MM-DD)", "2026-06-01");
        replace(&mut harness, field, bad);
        let message = format!(
            "{}: {}",
            field.split(' ').next().unwrap(),
            date_message(bad)
        );
        assert_shown(&harness, &case, &message);
        assert_shown(&harness, &case, "Choose a period (on the left)");
        assert!(!export_enabled(&harness), "{case}: Export is off");
        replace(
            &mut harness,
            field,
            if field == "To" {
                "2026-06-15"
            } else {
                "2026-06-01"
            },
        );
        assert!(!shown(&harness, &message), "{case}");
        assert!(export_enabled(&harness), "{case}: Export is back");
    }
    replace(&mut harness, "From (YYYY-MM-DD)", "2026-06-20");
    assert_shown(
        &harness,
        "backwards",
        "The first date must come before the second: 2026-06-20 is after 2026-06-15.",
    );
    assert!(!export_enabled(&harness));
    assert!(!out.exists());
    assert_eq!(folder_snapshot(&path), before);
}

#[test]
fn since_the_last_session_without_a_session_says_so() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-15", 5));
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    click(&mut harness, "Since the last session");
    assert_shown(&harness, "no session", "no session yet");
    assert!(!export_enabled(&harness));
}

#[test]
fn an_export_path_that_cannot_be_written_says_why_and_writes_nothing() {
    let (folder, path) = journal_in_temp();
    sample_journal(&path);
    let before = folder_snapshot(&path);
    let a_file = folder.path().join("a-file");
    fs::write(&a_file, "keep").unwrap();
    let a_folder = folder.path().join("a-folder");
    fs::create_dir(&a_folder).unwrap();
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    click(&mut harness, "The whole journal");

    // A file inside something that is not a folder.
    let inside = a_file.join("report.pdf");
    replace(&mut harness, "Save to (a file)", inside.to_str().unwrap());
    click(&mut harness, "Export");
    assert_shown(
        &harness,
        "inside a file",
        &format!("Could not create {}", a_file.display()),
    );
    // A file where there is a folder.
    replace(&mut harness, "Save to (a file)", a_folder.to_str().unwrap());
    click(&mut harness, "Export");
    assert_shown(
        &harness,
        "a folder",
        &format!("Could not write {}", a_folder.display()),
    );
    assert_eq!(fs::read_dir(&a_folder).unwrap().count(), 0);
    // CSV wants a folder, and a file is not one.
    click(&mut harness, "CSV (a folder)");
    replace(&mut harness, "Save to (a folder)", a_file.to_str().unwrap());
    click(&mut harness, "Export");
    assert_shown(
        &harness,
        "csv to a file",
        &format!("Could not write to {}", a_file.display()),
    );
    assert_eq!(fs::read(&a_file).unwrap(), b"keep");
    // An empty path: there is nothing to press.
    replace(&mut harness, "Save to (a folder)", "   ");
    assert!(!export_enabled(&harness));
    assert!(!shown(&harness, "Saved to"));
    assert_eq!(
        folder_snapshot(&path)
            .into_iter()
            .filter(|(name, _)| name != "a-file")
            .collect::<Vec<_>>(),
        before
    );
}

#[test]
fn import_paths_that_are_missing_folders_or_the_wrong_file_import_nothing() {
    let (folder, path) = journal_in_temp();
    sample_journal(&path);
    let csv = folder.path().join("csv");
    fs::create_dir(&csv).unwrap();
    let sessions = csv.join("sessions.csv");
    fs::write(
        &sessions,
        "id,start,kind,kind_name,minutes,therapist,pressure,focus,cost,currency,pain_before,pain_after,soreness,note\r\n1,2026-06-12T17:30,swedish,,0,,,,,,,,,\r\n",
    )
    .unwrap();
    let days = csv.join("days.csv");
    fs::write(
        &days,
        "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-06-14,2,,,,,,\r\n",
    )
    .unwrap();
    let before = folder_snapshot(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    assert!(
        harness
            .get_by_label("Import")
            .accesskit_node()
            .is_disabled(),
        "nothing to import yet"
    );
    let missing = csv.join("missing.csv");
    for (field, file, words) in [
        (
            "days.csv (path)",
            missing.to_str().unwrap(),
            vec![format!("Cannot read {}", missing.display())],
        ),
        (
            "days.csv (path)",
            csv.to_str().unwrap(),
            vec![format!("Cannot read {}", csv.display())],
        ),
        (
            "days.csv (path)",
            sessions.to_str().unwrap(),
            vec![
                "line 1: the first column must be date (found: id,start,kind,".to_owned(),
                "the columns of days.csv are date, pain, worst_pain".to_owned(),
                "Nothing was imported.".to_owned(),
            ],
        ),
        (
            "sessions.csv (path)",
            days.to_str().unwrap(),
            vec![
                "line 1: the header row must be exactly: id,start,kind".to_owned(),
                "Nothing was imported.".to_owned(),
            ],
        ),
        (
            "sessions.csv (path)",
            sessions.to_str().unwrap(),
            vec![
                "line 2: minutes: a session lasts from 1 to 480 minutes, found 0".to_owned(),
                "Nothing was imported.".to_owned(),
            ],
        ),
    ] {
        let case = format!("{field} = {file}");
        replace(&mut harness, "days.csv (path)", "");
        replace(&mut harness, "sessions.csv (path)", "");
        replace(&mut harness, field, file);
        click(&mut harness, "Import");
        for word in &words {
            assert_shown(&harness, &case, word);
        }
        assert!(!shown(&harness, "Imported:"), "{case}");
        assert_eq!(folder_snapshot(&path), before, "{case}: nothing imported");
    }
    // A good days file with a bad sessions file: neither is imported.
    replace(&mut harness, "days.csv (path)", days.to_str().unwrap());
    replace(
        &mut harness,
        "sessions.csv (path)",
        sessions.to_str().unwrap(),
    );
    click(&mut harness, "Import");
    assert_shown(&harness, "both", "Nothing was imported.");
    assert_eq!(
        folder_snapshot(&path),
        before,
        "the good file waits for the bad"
    );
}

// ---------------------------------------------------------------------------------------------
// Recovery view: opening another journal
// ---------------------------------------------------------------------------------------------

#[test]
fn opening_a_folder_as_the_journal_says_it_cannot_be_read() {
    let (folder, path) = journal_in_temp();
    let damaged = b"(version: 1, days: [(date: \"2026-06-10\", pain: 12)])";
    fs::write(&path, damaged).unwrap();
    let a_folder = folder.path().join("a-folder");
    fs::create_dir(&a_folder).unwrap();
    let mut harness = harness(&path);
    type_into(&mut harness, "Journal file", a_folder.to_str().unwrap());
    click(&mut harness, "Open");
    assert_shown(
        &harness,
        "folder",
        &format!(
            "{} is a folder; type the path of the journal file in it.",
            a_folder.display()
        ),
    );
    assert_shown(&harness, "still", "painlog cannot read this journal");
    assert_eq!(fs::read_dir(&a_folder).unwrap().count(), 0);
    assert_eq!(fs::read(&path).unwrap(), damaged);

    // Nothing typed.
    type_into(&mut harness, "Journal file", "   ");
    click(&mut harness, "Open");
    assert_shown(&harness, "empty", "Type the path of a journal file");
}

#[test]
fn opening_a_path_with_no_file_asks_before_starting_a_new_journal() {
    let (folder, path) = journal_in_temp();
    let damaged = b"(version: 1, days: [(date: \"2026-06-10\", pain: 12)])";
    fs::write(&path, damaged).unwrap();
    let typo = folder.path().join("jurnal.ron");
    let mut harness = harness(&path);
    type_into(&mut harness, "Journal file", typo.to_str().unwrap());
    click(&mut harness, "Open");
    assert_shown(
        &harness,
        "typo",
        &format!(
            "There is no file at {}. Check the path for typing mistakes.",
            typo.display()
        ),
    );
    assert!(harness.state().document().is_none(), "not opened yet");
    click(&mut harness, "Start a new journal there");
    assert!(harness.state().document().is_some(), "a new, empty journal");
    assert_eq!(harness.state().journal_path(), typo.as_path());
    assert_eq!(fs::read(&path).unwrap(), damaged);
}

#[test]
fn a_start_time_with_seconds_is_taken_as_on_the_command_line() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    replace(&mut harness, DATE, "2026-06-12");
    replace(&mut harness, TIME, "17:30:15");
    assert!(!shown(&harness, "is not a time"));
    click(&mut harness, "Add session");
    let journal = load(&path);
    assert!(
        journal
            .sessions()
            .iter()
            .any(|s| s.start == parse_start("2026-06-12 17:30").unwrap()),
        "kept to the minute, as the journal keeps every start"
    );
}

#[test]
fn a_day_note_too_long_is_refused_and_the_saved_note_kept() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let mut harness = harness(&path);
    replace(&mut harness, "Note (anything worth remembering)", "short");
    assert_eq!(load(&path).day(today()).unwrap().note, "short");
    // The edit ends when the note loses the focus; the next one starts from "short".
    press_tab(&mut harness);
    let long = "z".repeat(5001);
    replace(&mut harness, "Note (anything worth remembering)", &long);
    assert_shown(
        &harness,
        "long note",
        "The note is 5001 characters long; at most 5000 fit, so shorten it by 1. The journal keeps the note from before.",
    );
    assert_eq!(load(&path).day(today()).unwrap().note, "short", "not saved");
    replace(
        &mut harness,
        "Note (anything worth remembering)",
        "fine again",
    );
    assert!(!shown(&harness, "characters long"));
    assert_eq!(load(&path).day(today()).unwrap().note, "fine again");
}

#[test]
fn a_report_name_or_message_too_long_stops_the_export_and_says_why() {
    let (folder, path) = journal_in_temp();
    sample_journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    let out = folder.path().join("report.md");
    replace(&mut harness, "Save to (a file)", out.to_str().unwrap());
    assert!(export_enabled(&harness));
    replace(
        &mut harness,
        "Name on the report (optional)",
        &"n".repeat(120),
    );
    assert_shown(
        &harness,
        "name",
        "The name is 120 characters long; at most 100 fit",
    );
    assert_shown(
        &harness,
        "name",
        "Fix the name or the message above to export.",
    );
    assert!(!export_enabled(&harness));
    replace(&mut harness, "Name on the report (optional)", "Sam");
    assert!(export_enabled(&harness));
    replace(
        &mut harness,
        "Message to your therapist (optional, printed on page one)",
        &"m".repeat(1001),
    );
    assert_shown(
        &harness,
        "message",
        "The message is 1001 characters long; at most 1000 fit",
    );
    assert!(!export_enabled(&harness));
    assert!(!out.exists());
}

#[test]
fn the_effect_settings_say_their_ranges() {
    let (_folder, path) = journal_in_temp();
    sample_journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Effects");
    assert_shown(&harness, "k", "1 to 28");
    assert_shown(&harness, "m", "1 to 7");
}
