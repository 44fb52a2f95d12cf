//! The command line, run as a real process against real files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{journal_in_temp, load, score, session_add_args};
use painlog::model::{Pressure, Region, SessionId, SessionKind};

use common::{painlog_command as painlog, run_cli as run_on};

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
fn assert_ok(output: &Output) {
    assert!(
        output.status.success(),
        "stdout: {}\nstderr: {}",
        stdout(output),
        stderr(output)
    );
}

/// The day the binary takes as today (`PAINLOG_NOW`, set by `painlog_command`).
fn today() -> chrono::NaiveDate {
    common::today()
}

#[test]
fn log_creates_a_day_and_changes_only_the_fields_given() {
    let (_folder, path) = journal_in_temp();
    assert_ok(&run_on(
        &path,
        &[
            "log",
            "--date",
            "2026-01-05",
            "--pain",
            "4",
            "--sleep",
            "7",
            "--region",
            "lower-back",
            "--region",
            "neck",
            "--note",
            "Long walk, \"fine\"",
        ],
    ));
    assert_ok(&run_on(
        &path,
        &[
            "log",
            "--date",
            "2026-01-05",
            "--stress",
            "0",
            "--worst",
            "6",
            "--stiffness",
            "5",
        ],
    ));
    let journal = load(&path);
    let day = journal.day(common::date("2026-01-05")).unwrap();
    assert_eq!(day.pain, score(4), "unchanged");
    assert_eq!(day.sleep, score(7));
    assert_eq!(day.stress, score(0));
    assert_eq!(day.worst_pain, score(6));
    assert_eq!(day.stiffness, score(5));
    assert_eq!(
        day.areas().into_iter().collect::<Vec<_>>(),
        [Region::Neck, Region::LowerBack]
    );
    assert_eq!(day.note, "Long walk, \"fine\"");

    assert_ok(&run_on(
        &path,
        &[
            "log",
            "--date",
            "2026-01-05",
            "--pain",
            "none",
            "--region",
            "hips",
        ],
    ));
    let journal = load(&path);
    let day = journal.day(common::date("2026-01-05")).unwrap();
    assert_eq!(day.pain, None, "`none` clears a score");
    assert_eq!(day.areas().into_iter().collect::<Vec<_>>(), [Region::Hips]);
}

#[test]
fn log_defaults_to_today() {
    let (_folder, path) = journal_in_temp();
    let output = run_on(&path, &["log", "--pain", "3"]);
    assert_ok(&output);
    assert!(stdout(&output).contains(&today().to_string()));
    assert_eq!(load(&path).day(today()).unwrap().pain, score(3));
}

#[test]
fn data_is_accepted_before_or_after_the_subcommand_and_from_the_environment() {
    let (_folder, path) = journal_in_temp();
    let before = painlog()
        .arg("--data")
        .arg(&path)
        .args(["log", "--date", "2026-01-01", "--pain", "1"])
        .output()
        .unwrap();
    assert_ok(&before);
    let after = painlog()
        .args(["log", "--date", "2026-01-02", "--pain", "2", "--data"])
        .arg(&path)
        .output()
        .unwrap();
    assert_ok(&after);
    let from_env = painlog()
        .env("PAINLOG_DATA", &path)
        .args(["log", "--date", "2026-01-03", "--pain", "3"])
        .output()
        .unwrap();
    assert_ok(&from_env);
    assert_eq!(load(&path).day_count(), 3);
}

#[cfg(target_os = "linux")]
#[test]
fn the_default_journal_is_in_the_data_folder() {
    let folder = tempfile::tempdir().unwrap();
    let output = painlog()
        .env("XDG_DATA_HOME", folder.path())
        .env("HOME", folder.path())
        .args(["log", "--date", "2026-01-01", "--pain", "5"])
        .output()
        .unwrap();
    assert_ok(&output);
    let expected = folder.path().join("painlog").join("journal.ron");
    assert_eq!(load(&expected).day_count(), 1);
}

#[test]
fn session_add_list_and_remove() {
    let (_folder, path) = journal_in_temp();
    let output = run_on(
        &path,
        &[
            "session",
            "add",
            "--start",
            "2026-01-05 17:30",
            "--kind",
            "deep-tissue",
            "--minutes",
            "60",
            "--therapist",
            "Anna Berg",
            "--pressure",
            "firm",
            "--focus",
            "lower-back",
            "--focus",
            "hips",
            "--cost",
            "85",
            "--currency",
            "usd",
            "--pain-before",
            "7",
            "--pain-after",
            "4",
            "--soreness",
            "5",
            "--note",
            "Cat-cow, twice a day",
        ],
    );
    assert_ok(&output);
    assert_eq!(stdout(&output).trim(), "1", "prints the new id");
    let output = run_on(
        &path,
        &[
            "session",
            "add",
            "--start",
            "2026-01-09 09:00",
            "--kind",
            "other",
            "--kind-name",
            "Hot stone",
            "--minutes",
            "45",
            "--cost",
            "60",
        ],
    );
    assert_ok(&output);
    assert_eq!(stdout(&output).trim(), "2");

    let journal = load(&path);
    let first = journal.session(SessionId(1)).unwrap();
    assert_eq!(first.kind, SessionKind::DeepTissue);
    assert_eq!(first.pressure, Some(Pressure::Firm));
    assert_eq!(first.focus_areas().len(), 2);
    assert_eq!(first.cost.unwrap().to_string(), "85.00 USD");
    assert_eq!(
        (first.pain_before, first.pain_after, first.soreness),
        (score(7), score(4), score(5))
    );
    let second = journal.session(SessionId(2)).unwrap();
    assert_eq!(second.kind, SessionKind::Other("Hot stone".into()));
    assert_eq!(
        second.cost.unwrap().to_string(),
        "60.00 USD",
        "the last currency is reused"
    );

    let list = run_on(&path, &["session", "list"]);
    assert_ok(&list);
    let text = stdout(&list);
    let newer = text.find("2026-01-09 09:00").unwrap();
    let older = text.find("2026-01-05 17:30").unwrap();
    assert!(newer < older, "newest first:\n{text}");
    assert!(text.contains("Hot stone") && text.contains("Anna Berg"));

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run_on(&path, &["session", "list", "--json"]))).unwrap();
    assert_eq!(json[0]["id"], 2);
    assert_eq!(json[1]["kind"], "deep-tissue");
    assert_eq!(json[1]["start"], "2026-01-05T17:30");

    assert_ok(&run_on(&path, &["session", "remove", "1"]));
    let journal = load(&path);
    assert!(journal.session(SessionId(1)).is_none());
    assert_eq!(journal.sessions().len(), 1);

    let missing = run_on(&path, &["session", "remove", "1"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("no session with the id 1"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn check_reports_what_the_journal_holds() {
    let (_folder, path) = journal_in_temp();
    let output = run_on(&path, &["check", "--json"]);
    assert_ok(&output);
    assert_eq!(
        stdout(&output).trim(),
        r#"{"care_visits":0,"days":0,"exercises":0,"first":null,"last":null,"measures":0,"medications":0,"sessions":0}"#
    );
    assert!(!path.exists(), "check writes nothing");

    assert_ok(&run_on(
        &path,
        &["log", "--date", "2026-01-05", "--pain", "4"],
    ));
    assert_ok(&run_on(
        &path,
        &["log", "--date", "2026-02-01", "--pain", "4"],
    ));
    assert_ok(&run_on(
        &path,
        &[
            "session",
            "add",
            "--start",
            "2025-12-30 10:00",
            "--kind",
            "swedish",
            "--minutes",
            "30",
        ],
    ));
    let output = run_on(&path, &["check", "--json"]);
    assert_ok(&output);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"days": 2, "sessions": 1, "measures": 0, "medications": 0,
            "exercises": 0, "care_visits": 0, "first": "2025-12-30", "last": "2026-02-01"})
    );
    let output = run_on(&path, &["check"]);
    assert_ok(&output);
    let text = stdout(&output);
    assert!(
        text.contains("Days logged: 2")
            && text.contains("Sessions: 1")
            && text.contains("2025-12-30"),
        "{text}"
    );
}

#[test]
fn the_example_journal_passes_check() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/example-journal.ron");
    let output = run_on(&example, &["check", "--json"]);
    assert_ok(&output);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["sessions"], 2);
    assert_eq!(json["first"], "2026-03-01");
}

/// Every bad argument: exit non-zero, name the argument and what is allowed, write nothing.
#[test]
fn bad_arguments_are_refused_and_nothing_is_written() {
    let (_folder, path) = journal_in_temp();
    assert_ok(&run_on(
        &path,
        &["log", "--date", "2026-01-05", "--pain", "4"],
    ));
    let before = fs::read(&path).unwrap();
    let tomorrow = (today() + chrono::Days::new(1)).to_string();
    let tomorrow_start = format!("{tomorrow} 10:00");
    let session = session_add_args;
    let cases: Vec<(Vec<String>, &[&str])> = vec![
        (
            vec!["log".into(), "--pain".into(), "11".into()],
            &["--pain", "0 to 10"],
        ),
        (
            vec!["log".into(), "--worst".into(), "-1".into()],
            &["--worst", "0 to 10"],
        ),
        (
            vec!["log".into(), "--stiffness".into(), "high".into()],
            &["--stiffness", "0 to 10"],
        ),
        (
            vec!["log".into(), "--sleep".into(), "4.5".into()],
            &["--sleep", "0 to 10"],
        ),
        (
            vec!["log".into(), "--stress".into(), "12".into()],
            &["--stress", "0 to 10"],
        ),
        (
            vec!["log".into(), "--region".into(), "knee".into()],
            &["--region", "lower-back", "neck"],
        ),
        (
            vec!["log".into(), "--date".into(), "2026-02-30".into()],
            &["--date", "YYYY-MM-DD"],
        ),
        (
            vec!["log".into(), "--date".into(), "yesterday".into()],
            &["--date", "YYYY-MM-DD"],
        ),
        (
            vec![
                "log".into(),
                "--date".into(),
                tomorrow.clone(),
                "--pain".into(),
                "3".into(),
            ],
            &["--date", "in the future"],
        ),
        (
            session(&["--kind", "cupping"]),
            &["--kind", "deep-tissue", "trigger-point", "shiatsu"],
        ),
        (session(&["--minutes", "-5"]), &["--minutes", "1 to 480"]),
        (session(&["--minutes", "0"]), &["--minutes", "1 to 480"]),
        (
            session(&["--cost", "-10", "--currency", "USD"]),
            &["--cost", "negative"],
        ),
        (
            session(&["--cost", "10", "--currency", "dollars"]),
            &["--currency", "three-letter"],
        ),
        (
            session(&["--pressure", "hard"]),
            &["--pressure", "light", "deep"],
        ),
        (session(&["--focus", "elbow"]), &["--focus", "shoulders"]),
        (
            session(&["--pain-before", "11"]),
            &["--pain-before", "0 to 10"],
        ),
        (
            session(&["--pain-after", "x"]),
            &["--pain-after", "0 to 10"],
        ),
        (session(&["--soreness", "20"]), &["--soreness", "0 to 10"]),
        (
            session(&["--start", &tomorrow_start]),
            &["--start", "in the future"],
        ),
        (
            session(&["--start", "2026-01-05"]),
            &["--start", "YYYY-MM-DD HH:MM"],
        ),
        (session(&["--cost", "40"]), &["--currency"]),
        (
            vec!["session".into(), "remove".into(), "abc".into()],
            &["ID"],
        ),
    ];
    for (args, expected) in cases {
        let output = run_on(&path, &args.iter().map(String::as_str).collect::<Vec<_>>());
        let message = stderr(&output);
        assert!(!output.status.success(), "{args:?} should fail");
        for word in expected {
            assert!(
                message.contains(word),
                "{args:?}: expected {word:?} in:\n{message}"
            );
        }
        assert_eq!(
            fs::read(&path).unwrap(),
            before,
            "{args:?} wrote to the journal"
        );
    }
}

#[test]
fn a_damaged_journal_is_never_written_over() {
    let (_folder, path) = journal_in_temp();
    let damaged = b"(version: 1, days: [(date: \"2026-01-05\", pain: 4),\n  (date: \"2026-01-06\", pain: eleven)])".to_vec();
    fs::write(&path, &damaged).unwrap();
    for args in [
        vec!["log", "--pain", "3"],
        vec![
            "session",
            "add",
            "--start",
            "2026-01-05 17:30",
            "--kind",
            "swedish",
            "--minutes",
            "60",
        ],
        vec!["session", "remove", "1"],
        vec!["session", "list"],
        vec!["check"],
        vec!["check", "--json"],
    ] {
        let output = run_on(&path, &args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains(&path.display().to_string()),
            "names the path: {message}"
        );
        assert!(
            message.contains("line 2, column"),
            "names the position: {message}"
        );
        assert!(message.contains("has not changed the file"), "{message}");
        assert_eq!(
            fs::read(&path).unwrap(),
            damaged,
            "{args:?} touched the file"
        );
    }
    let names: Vec<String> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".journal.ron.lock")
        .collect();
    assert_eq!(
        names,
        ["journal.ron"],
        "no backup or temporary file was made"
    );
}

#[test]
fn a_journal_from_a_newer_painlog_is_refused() {
    let (_folder, path) = journal_in_temp();
    fs::write(&path, "(version: 7, days: [])").unwrap();
    let output = run_on(&path, &["log", "--pain", "3"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("newer painlog"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(&path).unwrap(), b"(version: 7, days: [])");
}

#[test]
fn demo_writes_a_realistic_journal_and_never_overwrites() {
    let (_folder, path) = journal_in_temp();
    let output = painlog()
        .args([
            "demo",
            "--years",
            "2",
            "--sessions",
            "30",
            "--seed",
            "4",
            "--out",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_ok(&output);
    let journal = load(&path);
    assert_eq!(journal.sessions().len(), 30);
    assert!(journal.day_count() > 600);
    let again = painlog()
        .args(["demo", "--out"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(stderr(&again).contains("already exists"));
}

#[test]
fn demo_flag_does_not_mix_with_commands() {
    let (_folder, path) = journal_in_temp();
    let output = run_on(&path, &["--demo", "check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--demo"));
}

#[test]
fn an_other_kind_may_go_unnamed() {
    let (_folder, path) = journal_in_temp();
    let output = run_on(
        &path,
        &[
            "session",
            "add",
            "--start",
            "2026-01-09 09:00",
            "--kind",
            "other",
            "--minutes",
            "45",
        ],
    );
    assert_ok(&output);
    let journal = load(&path);
    assert_eq!(
        journal.sessions()[0].kind,
        SessionKind::Other(String::new())
    );
    assert!(stdout(&run_on(&path, &["session", "list"])).contains("Other"));
    let named_wrongly = run_on(
        &path,
        &[
            "session",
            "add",
            "--start",
            "2026-01-09 09:00",
            "--kind",
            "swedish",
            "--kind-name",
            "Hot stone",
            "--minutes",
            "45",
        ],
    );
    assert_eq!(named_wrongly.status.code(), Some(2));
    assert!(stderr(&named_wrongly).contains("--kind-name is only for --kind other"));
}

#[test]
fn the_same_seed_gives_the_same_file() {
    let (folder, _) = journal_in_temp();
    let write = |name: &str, seed: &str| {
        let out = folder.path().join(name);
        assert_ok(
            &painlog()
                .args([
                    "demo",
                    "--years",
                    "3",
                    "--sessions",
                    "60",
                    "--seed",
                    seed,
                    "--out",
                ])
                .arg(&out)
                .output()
                .unwrap(),
        );
        fs::read(out).unwrap()
    };
    let (a, b, c) = (
        write("a.ron", "7"),
        write("b.ron", "7"),
        write("c.ron", "8"),
    );
    assert_eq!(a, b, "byte for byte");
    assert_ne!(a, c);
    let text = String::from_utf8(a).unwrap();
    for kind in ["Swedish", "DeepTissue", "TriggerPoint", "Sports", "Shiatsu"] {
        assert!(text.contains(&format!("kind: {kind}")), "{kind} appears");
    }
    assert!(text.contains("cost: (amount:"));
    assert!(
        text.chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)
                || ('\u{0370}'..='\u{03FF}').contains(&c)),
        "non-Latin notes"
    );
}
