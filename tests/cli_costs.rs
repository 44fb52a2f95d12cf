//! `painlog costs` and `painlog therapist` as a real process against a real journal file: the
//! statement in every format with hand-computed totals, therapists' details entered and listed,
//! and every bad value refused with exit code 2, a message naming the argument and what is
//! allowed, and the journal's folder exactly as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Output;

use common::{journal_in_temp, load, run_cli as run_on, save, session};
use painlog::model::{Amount, Cost, Currency, Journal, SessionKind};

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Run `args` and expect success; what it printed on stdout.
#[track_caller]
fn ok(path: &Path, args: &[&str]) -> String {
    let output = run_on(path, args);
    assert!(
        output.status.success(),
        "{args:?}\nstdout: {}\nstderr: {}",
        stdout(&output),
        stderr(&output)
    );
    stdout(&output)
}

/// Every file in `folder` with its bytes, but the lock file (which may be made and stays).
fn snapshot(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".lock"))
        .map(|name| {
            let bytes = fs::read(folder.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

/// Run `args`: expect exit code 2, every one of `words` in the message, nothing on stdout, and
/// the journal's folder exactly as it was.
#[track_caller]
fn refused(path: &Path, args: &[&str], words: &[&str]) {
    let before = snapshot(path.parent().unwrap());
    let output = run_on(path, args);
    let message = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: exit code\n{message}"
    );
    assert!(output.stdout.is_empty(), "{args:?}: {}", stdout(&output));
    for word in words {
        assert!(
            message.contains(word),
            "{args:?}: expected {word:?} in:\n{message}"
        );
    }
    assert_eq!(
        snapshot(path.parent().unwrap()),
        before,
        "{args:?} changed the journal's folder"
    );
}

fn cost(text: &str) -> Option<Cost> {
    let (amount, currency) = text.split_once(' ').unwrap();
    Some(Cost {
        amount: Amount::parse(amount).unwrap(),
        currency: Currency::parse(currency).unwrap(),
    })
}

/// Five sessions in 2026 (145.00 USD over two, 70.50 EUR over one, two without a cost) and one
/// in 2025.
fn journal_with_costs() -> (tempfile::TempDir, std::path::PathBuf) {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let sessions = [
        (
            "2025-12-31 10:00",
            SessionKind::Swedish,
            "Anna Berg",
            Some("100 USD"),
        ),
        (
            "2026-01-05 17:30",
            SessionKind::DeepTissue,
            "Anna Berg",
            Some("85 USD"),
        ),
        (
            "2026-02-10 09:00",
            SessionKind::Swedish,
            "anna berg",
            Some("60 USD"),
        ),
        (
            "2026-03-01 12:00",
            SessionKind::Swedish,
            "Riverside Clinic",
            Some("70.50 EUR"),
        ),
        ("2026-04-01 08:15", SessionKind::Sports, "", None),
        (
            "2026-05-01 18:00",
            SessionKind::DeepTissue,
            "Riverside Clinic",
            None,
        ),
    ];
    for (start, kind, therapist, paid) in sessions {
        let mut s = session(start, kind);
        s.therapist = (!therapist.is_empty()).then(|| therapist.to_owned());
        s.cost = paid.and_then(cost);
        journal.add_session(s);
    }
    save(&path, &journal);
    (folder, path)
}

fn pdf_text(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext (Debian package poppler-utils)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_statement_as_pdf_names_the_patient_the_therapist_and_the_totals() {
    let (folder, path) = journal_with_costs();
    let said = ok(
        &path,
        &[
            "therapist",
            "set",
            "ANNA BERG",
            "--practice",
            "Riverside Massage",
            "--licence",
            "LMT-20417",
        ],
    );
    assert!(
        said.contains("Saved Anna Berg: Riverside Massage · licence LMT-20417."),
        "{said}"
    );
    let pdf = folder.path().join("costs.pdf");
    let said = ok(
        &path,
        &[
            "costs",
            "--year",
            "2026",
            "--name",
            "Kim Lee",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(said.contains("5 sessions in the year 2026"), "{said}");
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    for words in [
        "Massage sessions and what they cost",
        "Sessions in the year 2026",
        "Kim Lee",
        "Riverside Massage · licence LMT-20417",
        "145.00 USD",
        "70.50 EUR",
        "2 without a cost recorded",
        "no cost recorded",
        "no therapist recorded",
        "5 Jan 2026 17:30",
        "Paid for 3 sessions: 70.50 EUR + 145.00 USD.",
    ] {
        assert!(text.contains(words), "{words:?} not in:\n{text}");
    }
    assert!(
        !text.contains("31 Dec 2025"),
        "a session of 2025 is not in 2026"
    );
    // Tagged like the report, and claiming the same standards.
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("Tagged:          yes"));
    let meta = std::process::Command::new("pdfinfo")
        .arg("-meta")
        .arg(&pdf)
        .output()
        .unwrap();
    let meta = String::from_utf8_lossy(&meta.stdout);
    assert!(
        meta.contains("pdfuaid:part>1<") && meta.contains("pdfaid:part>2<"),
        "{meta}"
    );
    // Without a name: a line to write it on.
    let blank = folder.path().join("blank.pdf");
    ok(
        &path,
        &["costs", "--year", "2026", "--out", blank.to_str().unwrap()],
    );
    assert!(pdf_text(&blank).contains("(to write by hand)"));
}

#[test]
fn the_statement_as_csv_has_a_row_per_session() {
    let (folder, path) = journal_with_costs();
    ok(
        &path,
        &[
            "costs",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--format",
            "csv",
            "--out",
            folder.path().to_str().unwrap(),
        ],
    );
    let file = folder
        .path()
        .join("painlog-costs-2026-01-01-to-2026-03-31.csv");
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(
        text,
        "date,start,kind,therapist,minutes,amount,currency\r\n\
         2026-01-05,17:30,Deep tissue,Anna Berg,60,85.00,USD\r\n\
         2026-02-10,09:00,Swedish,anna berg,60,60.00,USD\r\n\
         2026-03-01,12:00,Swedish,Riverside Clinic,60,70.50,EUR\r\n"
    );
}

#[test]
fn the_statement_as_json_has_the_totals_and_the_sessions_without_a_cost() {
    let (folder, path) = journal_with_costs();
    let out = folder.path().join("costs.json");
    ok(
        &path,
        &[
            "costs",
            "--year",
            "2026",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(value["sessions"].as_array().unwrap().len(), 5);
    assert_eq!(value["without_cost"], 2);
    let currencies: Vec<(String, String)> = value["totals_by_currency"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["currency"].as_str().unwrap().to_owned(),
                t["amount"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        currencies,
        [
            ("EUR".to_owned(), "70.50".to_owned()),
            ("USD".to_owned(), "145.00".to_owned())
        ]
    );
    let therapists: Vec<(&str, u64)> = value["totals_by_therapist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap(), t["sessions"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        therapists,
        [
            ("Anna Berg", 2),
            ("Riverside Clinic", 2),
            ("no therapist recorded", 1)
        ]
    );
}

#[test]
fn bad_periods_formats_and_targets_exit_2_and_write_nothing() {
    let (folder, path) = journal_with_costs();
    let out = folder.path().join("out.pdf");
    let out = out.to_str().unwrap();
    refused(
        &path,
        &["costs", "--year", "20x6", "--out", out],
        &["--year", "four digits", "20x6"],
    );
    refused(
        &path,
        &["costs", "--year", "99", "--out", out],
        &["--year", "four digits"],
    );
    refused(
        &path,
        &["costs", "--year", "2031", "--out", out],
        &["--year 2031 has not begun", "2026 or earlier"],
    );
    refused(
        &path,
        &["costs", "--year", "2026", "--format", "doc", "--out", out],
        &["--format", "pdf, csv, json"],
    );
    refused(&path, &["costs", "--out", out], &["--year YYYY", "--from"]);
    refused(
        &path,
        &["costs", "--from", "2026-01-01", "--out", out],
        &["--to"],
    );
    refused(
        &path,
        &[
            "costs",
            "--from",
            "2026-05-01",
            "--to",
            "2026-04-01",
            "--out",
            out,
        ],
        &["--from 2026-05-01 is after --to 2026-04-01"],
    );
    refused(
        &path,
        &[
            "costs",
            "--from",
            "2026-02-30",
            "--to",
            "2026-04-01",
            "--out",
            out,
        ],
        &["--from", "YYYY-MM-DD"],
    );
    refused(
        &path,
        &[
            "costs",
            "--year",
            "2026",
            "--from",
            "2026-01-01",
            "--to",
            "2026-02-01",
            "--out",
            out,
        ],
        &["--year", "cannot be used with"],
    );
    refused(
        &path,
        &[
            "costs", "--year", "2026", "--format", "csv", "--name", "Kim", "--out", out,
        ],
        &["--name is only for --format pdf or json"],
    );
    refused(
        &path,
        &[
            "costs", "--year", "2026", "--format", "json", "--paper", "letter", "--out", out,
        ],
        &["--paper is only for --format pdf"],
    );
    refused(
        &path,
        &["costs", "--year", "2026", "--out", path.to_str().unwrap()],
        &["--out", "is the journal", "Nothing was written"],
    );
    let backup = folder.path().join("journal.backup-2026-01-01_10-00-00.ron");
    refused(
        &path,
        &["costs", "--year", "2026", "--out", backup.to_str().unwrap()],
        &["--out", "Nothing was written"],
    );
}

#[test]
fn therapist_details_are_entered_changed_listed_and_removed() {
    let (_folder, path) = journal_with_costs();
    let said = ok(&path, &["therapist", "list"]);
    assert!(said.contains("painlog therapist set NAME"), "{said}");
    ok(
        &path,
        &[
            "therapist",
            "set",
            "riverside clinic",
            "--address",
            "4 Mill Lane, Portland",
        ],
    );
    ok(
        &path,
        &["therapist", "set", "Riverside Clinic", "--licence", "RC-9"],
    );
    let journal = load(&path);
    let clinic = journal.therapist_named("Riverside Clinic").unwrap();
    assert_eq!(
        clinic.name, "Riverside Clinic",
        "spelled as the sessions spell it"
    );
    assert_eq!(
        (clinic.address.as_str(), clinic.licence.as_str()),
        ("4 Mill Lane, Portland", "RC-9")
    );
    let said = ok(&path, &["therapist", "list"]);
    assert_eq!(
        said,
        "Riverside Clinic: 4 Mill Lane, Portland · licence RC-9\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&path, &["therapist", "list", "--json"])).unwrap();
    assert_eq!(json[0]["licence"], "RC-9");
    let said = ok(
        &path,
        &["therapist", "set", "Dr New", "--practice", "New Practice"],
    );
    assert!(said.contains("No session names \"Dr New\" yet"), "{said}");
    let said = ok(&path, &["therapist", "set", "Dr New", "--practice", ""]);
    assert!(said.contains("Removed the details of Dr New"), "{said}");
    assert_eq!(load(&path).therapist_details().len(), 1);
}

#[test]
fn bad_therapist_details_exit_2_and_change_nothing() {
    let (_folder, path) = journal_with_costs();
    let long = "x".repeat(201);
    refused(
        &path,
        &["therapist", "set", "Anna Berg", "--address", &long],
        &["--address", "at most 200 characters"],
    );
    refused(
        &path,
        &["therapist", "set", "Anna Berg", "--licence", "a\tb"],
        &["--licence", "one line of text"],
    );
    refused(
        &path,
        &["therapist", "set", "Anna Berg"],
        &["--practice", "--address", "--licence"],
    );
    refused(
        &path,
        &["therapist", "set", " ", "--licence", "1"],
        &["NAME", "therapist's name"],
    );
}
