//! `painlog export` and `painlog import` as real processes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::process::Output;

use common::{date, journal_in_temp, load, run_cli as run, score};

#[track_caller]
fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn demo(path: &std::path::Path) {
    ok(&common::painlog_command()
        .args(["demo", "--years", "1", "--sessions", "20", "--out"])
        .arg(path)
        .output()
        .unwrap());
}

#[test]
fn exports_every_format() {
    let (folder, path) = journal_in_temp();
    demo(&path);
    let out = folder.path().join("reports");
    fs::create_dir(&out).unwrap();
    let text = ok(&run(
        &path,
        &[
            "export", "--format", "pdf", "--paper", "letter", "--name", "Jane", "--out",
        ]
        .iter()
        .copied()
        .chain([out.to_str().unwrap()])
        .collect::<Vec<_>>(),
    ));
    let written = out.join(text.trim().strip_prefix("Wrote ").unwrap());
    let name = written.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("painlog-") && name.ends_with(".pdf") && name.contains("-to-"),
        "{name}"
    );
    assert!(fs::read(&written).unwrap().starts_with(b"%PDF"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(
            fs::metadata(&written).unwrap().permissions().mode() & 0o777,
            0o600,
            "private"
        );
    }
    let md = folder.path().join("summary.md");
    ok(&run(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--since-last-session",
            "--message",
            "See you Tuesday",
            "--out",
            md.to_str().unwrap(),
        ],
    ));
    let markdown = fs::read_to_string(&md).unwrap();
    assert!(
        markdown.starts_with("# Pain diary summary") && markdown.contains("> See you Tuesday"),
        "{markdown}"
    );
    let json = folder.path().join("summary.json");
    ok(&run(
        &path,
        &[
            "export",
            "--format",
            "json",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            "--out",
            json.to_str().unwrap(),
        ],
    ));
    let value: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(
        (value["from"].as_str(), value["to"].as_str()),
        (Some("2026-01-01"), Some("2026-03-31"))
    );
}

/// The first and last day of the journal at `path`, as `painlog check --json` says them.
fn journal_span(path: &std::path::Path) -> (String, String) {
    let check: serde_json::Value =
        serde_json::from_str(&ok(&run(path, &["check", "--json"]))).unwrap();
    (
        check["first"].as_str().unwrap().to_owned(),
        check["last"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn a_report_covers_the_last_90_days_unless_told_otherwise() {
    let (folder, path) = journal_in_temp();
    demo(&path);
    let period = |args: &[&str]| {
        let out = folder.path().join("period.json");
        let mut all = vec!["export", "--format", "json"];
        all.extend(args);
        all.extend(["--out", out.to_str().unwrap()]);
        ok(&run(&path, &all));
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
        (
            value["from"].as_str().unwrap().to_owned(),
            value["to"].as_str().unwrap().to_owned(),
        )
    };
    // Today is 15 Jun 2026 (PAINLOG_NOW); the 90 days up to it, today included, start 89 days
    // earlier: 15 Jun − 30 = 16 May, − 30 = 16 Apr, − 29 = 18 Mar.
    assert_eq!(
        period(&[]),
        ("2026-03-18".to_owned(), "2026-06-15".to_owned())
    );
    // --all: the whole demo year, from the journal's first day to its last.
    let (first, last) = journal_span(&path);
    assert!(first.as_str() < "2025-07-01", "a year of days: {first}");
    assert_eq!(period(&["--all"]), (first, last));
    // And --help says so, short and long.
    for help in ["-h", "--help"] {
        let text = ok(&run(&path, &["export", help]));
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains("a report (pdf, md, json) covers the last 90 days up to today")
                && words.contains("--all"),
            "{text}"
        );
    }
}

#[test]
fn csv_export_then_import_is_lossless() {
    let (folder, path) = journal_in_temp();
    demo(&path);
    let first = folder.path().join("first");
    ok(&run(
        &path,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            first.to_str().unwrap(),
        ],
    ));
    let other = folder.path().join("other.ron");
    let summary = ok(&run(
        &other,
        &[
            "import",
            first.join("sessions.csv").to_str().unwrap(),
            first.join("days.csv").to_str().unwrap(),
        ],
    ));
    // Without a period, CSV files hold the whole journal (the demo's year), not 90 days.
    assert!(summary.contains("20 sessions added"), "{summary}");
    let second = folder.path().join("second");
    ok(&run(
        &other,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            second.to_str().unwrap(),
        ],
    ));
    for file in painlog::report::csv_io::CSV_FILES {
        assert_eq!(
            fs::read(first.join(file)).unwrap(),
            fs::read(second.join(file)).unwrap(),
            "{file} byte-identical"
        );
    }
    let again = ok(&run(
        &other,
        &["import", first.join("days.csv").to_str().unwrap()],
    ));
    assert!(again.contains("0 days added, 0 updated"), "{again}");
}

#[test]
fn import_reads_the_lists_beside_days_csv_and_names_what_it_lacks() {
    let (folder, _path) = journal_in_temp();
    let other = folder.path().join("other.ron");
    let days = folder.path().join("days.csv");
    fs::write(
        &days,
        "date,pain,worst_pain,stiffness,sleep,stress,mobility,mood,measure:Tingling,regions,\
         medications,exercises,note\r\n2026-01-02,3,,,,,5,6,2,lower-back-left=6;neck,\
         ibuprofen,Cat-cow,\r\n",
    )
    .unwrap();
    let import = || run(&other, &["import", days.to_str().unwrap()]);
    let lists = [
        (
            "measures.csv",
            "id,name,worse,retired\r\n1,Tingling,higher,no\r\n",
            "line 1: column measure:Tingling: the journal has no own measure \"Tingling\" \
             (its own measures: none yet); add it in painlog first, or import measures.csv beside \
             this file",
        ),
        (
            "medications.csv",
            "id,name,dose,as_needed,from,until\r\n1,Ibuprofen,400 mg,yes,,\r\n",
            "line 2: column medications: the journal has no medication \"ibuprofen\"",
        ),
        (
            "exercises.csv",
            "id,name,session,per_week\r\n1,Cat-cow,,7\r\n",
            "line 2: column exercises: the journal has no exercise \"Cat-cow\"",
        ),
    ];
    for (file, text, words) in lists {
        let output = import();
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(words), "{message}");
        assert!(message.contains("Nothing was imported"), "{message}");
        assert!(!other.exists(), "nothing was written");
        fs::write(folder.path().join(file), text).unwrap();
    }
    fs::write(
        folder.path().join("care.csv"),
        "id,date,kind,name,note\r\n3,2026-01-03,physiotherapy,,'=core work\r\n",
    )
    .unwrap();
    let summary = ok(&import());
    assert!(
        summary.contains(
            "1 days added, 0 updated; 0 sessions added, 0 updated; 1 own measures, \
             1 medications, 1 exercises added, 0 changed; 1 care visits added, 0 updated"
        ),
        "{summary}"
    );
    let journal = load(&other);
    let day = journal.day(date("2026-01-02")).unwrap();
    assert_eq!(day.took.len(), 1);
    assert_eq!(day.did.len(), 1);
    assert_eq!(day.measures.values().next().copied(), score(2));
    assert_eq!(journal.care_visits()[0].note, "=core work");
    assert_eq!(journal.care_visits()[0].id.0, 3);
}

#[test]
fn a_bad_csv_row_imports_nothing() {
    let (folder, path) = journal_in_temp();
    demo(&path);
    let before = fs::read(&path).unwrap();
    let bad = folder.path().join("days.csv");
    fs::write(&bad, "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-01-02,3,,,,,,\r\n2026-01-03,12,,,,,,\r\n").unwrap();
    let output = run(&path, &["import", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("days.csv, line 3: pain must be a whole number from 0 to 10"),
        "{message}"
    );
    assert!(message.contains("Nothing was imported"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), before, "the journal is as it was");

    let foreign = folder.path().join("bank.csv");
    fs::write(&foreign, "when,amount\n2026-01-01,5\n").unwrap();
    let output = run(&path, &["import", foreign.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a painlog CSV"));
}

#[test]
fn bad_export_arguments_are_refused() {
    let (folder, path) = journal_in_temp();
    demo(&path);
    let out = folder.path().join("x.pdf");
    for (args, words) in [
        (vec!["--format", "pdf", "--paper", "a5"], "a4 or letter"),
        (vec!["--format", "doc"], "possible values"),
        (
            vec![
                "--format",
                "pdf",
                "--from",
                "2026-03-01",
                "--to",
                "2026-01-01",
            ],
            "starts (2026-03-01) after it ends",
        ),
        (vec!["--format", "pdf", "--from", "March"], "is not a date"),
        (
            vec![
                "--format",
                "pdf",
                "--from",
                "2026-01-01",
                "--since-last-session",
            ],
            "cannot be used with",
        ),
        (
            vec!["--format", "pdf", "--all", "--from", "2026-01-01"],
            "cannot be used with",
        ),
        (
            vec!["--format", "md", "--all", "--to", "2026-01-01"],
            "cannot be used with",
        ),
        (
            vec!["--format", "csv", "--all", "--since-last-session"],
            "cannot be used with",
        ),
    ] {
        let mut all = vec!["export"];
        all.extend(args.iter().copied());
        all.extend(["--out", out.to_str().unwrap()]);
        let output = run(&path, &all);
        assert_eq!(output.status.code(), Some(2), "{all:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains(words),
            "{all:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!out.exists());
    }
    let (_empty_folder, empty) = journal_in_temp();
    let output = run(
        &empty,
        &[
            "export",
            "--format",
            "md",
            "--since-last-session",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no session yet"));
}
