//! Own measures, medications, home exercises and other care on the command line (format
//! version 2), run as a real process against a real journal file: each command end to end, the
//! day's new fields through `log`, and every bad value refused with exit code 2, a message that
//! names the argument and what is allowed, and the journal's folder exactly as it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Output;

use common::{date, journal_in_temp, load, run_cli as run_on, score};
use painlog::model::{CareKind, ItemId, SessionId, Worse};

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
/// the journal's bytes (and its folder) exactly as they were.
#[track_caller]
fn refused(path: &Path, args: &[&str], words: &[&str]) -> String {
    let journal_before = fs::read(path).unwrap();
    let folder_before = snapshot(path.parent().unwrap());
    let output = run_on(path, args);
    let message = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: exit code\n{message}"
    );
    assert!(
        output.stdout.is_empty(),
        "{args:?}: printed as if it worked: {}",
        stdout(&output)
    );
    for word in words {
        assert!(
            message.contains(word),
            "{args:?}: expected {word:?} in:\n{message}"
        );
    }
    assert_eq!(
        fs::read(path).unwrap(),
        journal_before,
        "{args:?} wrote the journal"
    );
    assert_eq!(
        snapshot(path.parent().unwrap()),
        folder_before,
        "{args:?} changed the journal's folder"
    );
    message
}

/// A journal with a session (id 1), a day, two measures, two medications, an exercise and a
/// care visit, all made through the command line.
fn sample() -> (tempfile::TempDir, std::path::PathBuf) {
    let (folder, path) = journal_in_temp();
    ok(
        &path,
        &common::session_add_args(&[])
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    );
    ok(&path, &["log", "--date", "2026-06-10", "--pain", "5"]);
    ok(
        &path,
        &["measure", "add", "Tingling left leg", "--worse", "higher"],
    );
    ok(&path, &["measure", "add", "Energy", "--worse", "lower"]);
    ok(
        &path,
        &[
            "medication",
            "add",
            "Ibuprofen",
            "--dose",
            "400 mg",
            "--as-needed",
        ],
    );
    ok(
        &path,
        &["medication", "add", "Amitriptyline", "--from", "2026-05-01"],
    );
    ok(
        &path,
        &[
            "exercise",
            "add",
            "Cat-cow",
            "--session",
            "1",
            "--per-week",
            "7",
        ],
    );
    ok(
        &path,
        &[
            "care",
            "add",
            "--date",
            "2026-06-01",
            "--kind",
            "physiotherapy",
            "--name",
            "Dr Lee",
        ],
    );
    (folder, path)
}

#[test]
fn measures_are_added_listed_renamed_and_retired() {
    let (_folder, path) = journal_in_temp();
    let added = ok(
        &path,
        &["measure", "add", "Tingling left leg", "--worse", "higher"],
    );
    assert!(
        added.contains("\"Tingling left leg\" (0 = none, 10 = worst)"),
        "{added}"
    );
    assert!(
        added.contains("painlog log --measure \"Tingling left leg=N\""),
        "{added}"
    );
    ok(&path, &["measure", "add", " Energy ", "--worse", "LOWER"]);

    let journal = load(&path);
    let names: Vec<_> = journal.measures().iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Tingling left leg", "Energy"], "trimmed, in order");
    assert_eq!(journal.measures()[1].worse, Worse::Lower);

    ok(
        &path,
        &[
            "log",
            "--date",
            "2026-06-14",
            "--measure",
            "tingling LEFT leg=3",
        ],
    );
    let list = ok(&path, &["measure", "list"]);
    assert_eq!(
        list,
        "\"Tingling left leg\" (0 = none, 10 = worst); logged on 1 day\n\
         \"Energy\" (0 = worst, 10 = best; higher is better); logged on 0 days\n"
    );

    let renamed = ok(
        &path,
        &[
            "measure",
            "rename",
            "TINGLING LEFT LEG",
            "Tingling (left leg)",
        ],
    );
    assert!(
        renamed.contains("what was logged on 1 day stays with it"),
        "{renamed}"
    );
    let retired = ok(&path, &["measure", "retire", "energy"]);
    assert!(retired.contains("no longer asks for it"), "{retired}");
    let again = ok(&path, &["measure", "retire", "energy"]);
    assert!(again.contains("already retired"), "{again}");

    let journal = load(&path);
    let tingling = journal.measure_named("tingling (left leg)").unwrap();
    assert_eq!(tingling.id, ItemId(1), "a rename keeps the number");
    assert_eq!(
        journal
            .day(date("2026-06-14"))
            .unwrap()
            .measures
            .get(&ItemId(1))
            .copied(),
        score(3),
        "and the history"
    );
    assert!(journal.measure_named("Energy").unwrap().retired);
    let back = ok(&path, &["measure", "retire", "--undo", "Energy"]);
    assert!(back.contains("back in use"), "{back}");
    assert!(!load(&path).measure_named("Energy").unwrap().retired);
    ok(&path, &["measure", "retire", "Energy"]);

    let json: serde_json::Value =
        serde_json::from_str(&ok(&path, &["measure", "list", "--json"])).unwrap();
    assert_eq!(json[0]["name"], "Tingling (left leg)");
    assert_eq!(json[0]["worse"], "higher");
    assert_eq!(json[0]["days"], 1);
    assert_eq!(json[1]["retired"], true);
    assert_eq!(json[1]["worse"], "lower");

    let (_empty_folder, empty) = journal_in_temp();
    assert!(ok(&empty, &["measure", "list"]).contains("No own measures yet"));
    assert_eq!(ok(&empty, &["measure", "list", "--json"]).trim(), "[]");
}

#[test]
fn medications_are_added_listed_and_stopped() {
    let (_folder, path) = sample();
    let list = ok(&path, &["medication", "list"]);
    assert_eq!(
        list,
        "\"Ibuprofen\" (400 mg, as needed); taken on 0 days\n\
         \"Amitriptyline\" (regularly), since 2026-05-01; taken on 0 days\n"
    );

    let stopped = ok(
        &path,
        &["medication", "stop", "amitriptyline", "--on", "2026-06-12"],
    );
    assert!(
        stopped.contains("Stopped \"Amitriptyline\" on 2026-06-12"),
        "{stopped}"
    );
    let journal = load(&path);
    let medication = journal.medication_named("Amitriptyline").unwrap();
    assert_eq!(medication.until, Some(date("2026-06-12")));
    assert!(
        medication.regular_on(date("2026-06-12")) && !medication.regular_on(date("2026-06-13"))
    );

    let today = ok(&path, &["medication", "stop", "Ibuprofen"]);
    assert!(today.contains("on 2026-06-15"), "default today: {today}");
    assert_eq!(
        load(&path).medication_named("ibuprofen").unwrap().until,
        Some(common::today())
    );

    ok(
        &path,
        &[
            "medication",
            "add",
            "Naproxen",
            "--from",
            "2026-01-01",
            "--until",
            "2026-02-01",
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&path, &["medication", "list", "--json"])).unwrap();
    assert_eq!(json[0]["dose"], "400 mg");
    assert_eq!(json[0]["as_needed"], true);
    assert_eq!(json[1]["dose"], serde_json::Value::Null);
    assert_eq!(json[2]["from"], "2026-01-01");
    assert_eq!(json[2]["until"], "2026-02-01");
}

#[test]
fn exercises_are_added_and_listed() {
    let (_folder, path) = sample();
    ok(&path, &["exercise", "add", "Chin tucks"]);
    ok(&path, &["exercise", "add", "Bridge", "--per-week", "1"]);
    let list = ok(&path, &["exercise", "list"]);
    assert_eq!(
        list,
        "\"Cat-cow\" (7 times a week, suggested at session 1 on 2026-01-05); done on 0 days\n\
         \"Chin tucks\"; done on 0 days\n\
         \"Bridge\" (once a week); done on 0 days\n"
    );
    let journal = load(&path);
    let cat_cow = journal.exercise_named("cat-cow").unwrap();
    assert_eq!(
        (cat_cow.session, cat_cow.per_week),
        (Some(SessionId(1)), Some(7))
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&path, &["exercise", "list", "--json"])).unwrap();
    assert_eq!(json[0]["session"], 1);
    assert_eq!(json[1]["per_week"], serde_json::Value::Null);
}

#[test]
fn care_visits_are_added_listed_and_removed() {
    let (_folder, path) = sample();
    let output = run_on(
        &path,
        &[
            "care",
            "add",
            "--date",
            "2026-06-12",
            "--kind",
            "other",
            "--name",
            "Hydrotherapy",
            "--note",
            "Warm pool, 30 minutes",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "2", "prints the new id");
    assert!(stderr(&output).contains("Added care visit 2: 2026-06-12, Hydrotherapy"));
    ok(
        &path,
        &["care", "add", "--date", "2026-06-14", "--kind", "Doctor"],
    );

    let list = ok(&path, &["care", "list"]);
    assert_eq!(
        list,
        "3: 2026-06-14, Doctor\n\
         2: 2026-06-12, Hydrotherapy, note: \"Warm pool, 30 minutes\"\n\
         1: 2026-06-01, Physiotherapy (Dr Lee)\n",
        "newest first"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&path, &["care", "list", "--json"])).unwrap();
    assert_eq!(json[1]["kind"], "other");
    assert_eq!(json[1]["name"], "Hydrotherapy");
    assert_eq!(json[2]["label"], "Physiotherapy (Dr Lee)");
    assert_eq!(json[0]["name"], serde_json::Value::Null);

    let removed = ok(&path, &["care", "remove", "2"]);
    assert!(
        removed.contains("Removed care visit 2: 2026-06-12, Hydrotherapy"),
        "{removed}"
    );
    let journal = load(&path);
    let kinds: Vec<_> = journal.care_visits().iter().map(|v| v.kind).collect();
    assert_eq!(kinds, [CareKind::Physiotherapy, CareKind::Doctor]);
}

#[test]
fn log_takes_mobility_mood_own_measures_medications_and_exercises() {
    let (_folder, path) = sample();
    let logged = ok(
        &path,
        &[
            "log",
            "--date",
            "2026-06-10",
            "--mobility",
            "6",
            "--mood",
            "7",
            "--measure",
            "tingling left leg=3",
            "--measure",
            "ENERGY=4",
            "--took",
            "ibuprofen",
            "--took",
            "Amitriptyline",
            "--did",
            "CAT-COW",
            "--region",
            "lower-back-left=6",
        ],
    );
    assert_eq!(
        logged.trim(),
        "Logged 2026-06-10: pain 5, range of motion 6, mood 7, Tingling left leg 3, Energy 4, \
         took: Ibuprofen, Amitriptyline, did: Cat-cow, regions: lower-back-left=6"
    );
    let journal = load(&path);
    let day = journal.day(date("2026-06-10")).unwrap();
    assert_eq!(
        (day.pain, day.mobility, day.mood),
        (score(5), score(6), score(7))
    );
    assert_eq!(day.measures.get(&ItemId(1)).copied(), score(3));
    assert_eq!(day.measures.get(&ItemId(2)).copied(), score(4));
    assert_eq!(
        day.took.iter().copied().collect::<Vec<_>>(),
        [ItemId(1), ItemId(2)]
    );
    assert_eq!(day.did.iter().copied().collect::<Vec<_>>(), [ItemId(1)]);

    // One measure cleared, the other kept; --took replaces the day's medications.
    ok(
        &path,
        &[
            "log",
            "--date",
            "2026-06-10",
            "--measure",
            "energy=none",
            "--took",
            "Ibuprofen",
        ],
    );
    let day = load(&path).day(date("2026-06-10")).unwrap().clone();
    assert_eq!(
        day.measures.keys().copied().collect::<Vec<_>>(),
        [ItemId(1)]
    );
    assert_eq!(day.took.iter().copied().collect::<Vec<_>>(), [ItemId(1)]);
    assert_eq!(day.did.len(), 1, "--did not given: kept");

    let cleared = ok(
        &path,
        &[
            "log",
            "--date",
            "2026-06-10",
            "--no-took",
            "--no-did",
            "--mood",
            "none",
        ],
    );
    assert!(
        !cleared.contains("took") && !cleared.contains("did:"),
        "{cleared}"
    );
    let day = load(&path).day(date("2026-06-10")).unwrap().clone();
    assert!(day.took.is_empty() && day.did.is_empty() && day.mood.is_none());
    assert_eq!(day.mobility, score(6));

    // A retired measure can still be logged for a day (to correct its history).
    ok(&path, &["measure", "retire", "Energy"]);
    ok(
        &path,
        &["log", "--date", "2026-06-09", "--measure", "Energy=2"],
    );
    assert_eq!(
        load(&path)
            .day(date("2026-06-09"))
            .unwrap()
            .measures
            .get(&ItemId(2))
            .copied(),
        score(2)
    );
}

/// Each of `cases` (arguments, words the message must hold) refused on [`sample`].
fn refuse_all(cases: &[(Vec<&str>, Vec<&str>)]) {
    let (_folder, path) = sample();
    for (args, words) in cases {
        refused(&path, args, words);
    }
}

#[test]
fn bad_log_values_are_refused_and_nothing_is_written() {
    let log = |extra: &[&'static str]| [&["log", "--date", "2026-06-10"][..], extra].concat();
    refuse_all(&[
        (log(&["--mobility", "11"]), vec!["--mobility", "0 to 10"]),
        (log(&["--mood", "-1"]), vec!["--mood", "0 to 10"]),
        (
            log(&["--measure", "Energy=11"]),
            vec!["--measure", "0 to 10", "Energy"],
        ),
        (log(&["--measure", "Energy"]), vec!["--measure", "NAME=N"]),
        (
            log(&["--measure", "Numbness=3"]),
            vec![
                "'--measure'",
                "no measure is called \"Numbness\"",
                "\"Tingling left leg\", \"Energy\"",
            ],
        ),
        (
            log(&["--took", "Aspirin"]),
            vec![
                "'--took'",
                "\"Aspirin\"",
                "\"Ibuprofen\", \"Amitriptyline\"",
                "medication add",
            ],
        ),
        (
            log(&["--did", "Yoga"]),
            vec!["'--did'", "\"Yoga\"", "\"Cat-cow\"", "exercise add"],
        ),
        (
            log(&["--pain", "3", "--took", "Ibuprofen", "--did", "Yoga"]),
            vec!["'--did'", "\"Cat-cow\""],
        ),
        (
            log(&["--region", "lower-back=11"]),
            vec!["--region", "0 to 10", "lower-back"],
        ),
        (log(&["--took", "a;b"]), vec!["--took", "\";\""]),
        (
            log(&["--took", "Ibuprofen", "--no-took"]),
            vec!["--no-took", "--took"],
        ),
    ]);
}

#[test]
fn bad_measure_values_are_refused_and_nothing_is_written() {
    refuse_all(&[
        (
            vec!["measure", "add", "pins;needles", "--worse", "higher"],
            vec!["<NAME>", "\";\""],
        ),
        (
            vec!["measure", "add", "Numbness", "--worse", "up"],
            vec!["--worse", "higher", "lower"],
        ),
        (vec!["measure", "add", "Numbness"], vec!["--worse"]),
        (
            vec!["measure", "add", "energy", "--worse", "lower"],
            vec!["'<NAME>'", "already called \"Energy\""],
        ),
        (
            vec!["measure", "rename", "Energy", "TINGLING LEFT LEG"],
            vec!["'<NEW>'", "already called \"Tingling left leg\""],
        ),
        (
            vec!["measure", "rename", "Energy", "a=b"],
            vec!["<NEW>", "\"=\""],
        ),
        (
            vec!["measure", "rename", "Vigour", "Pep"],
            vec!["'<OLD>'", "no measure is called \"Vigour\"", "\"Energy\""],
        ),
        (
            vec!["measure", "retire", "Vigour"],
            vec!["'<NAME>'", "\"Tingling left leg\""],
        ),
    ]);
}

#[test]
fn bad_medication_and_exercise_values_are_refused_and_nothing_is_written() {
    refuse_all(&[
        (
            vec!["medication", "add", "IBUPROFEN"],
            vec!["'<NAME>'", "already called \"Ibuprofen\""],
        ),
        (
            vec![
                "medication",
                "add",
                "Naproxen",
                "--from",
                "2026-03-01",
                "--until",
                "2026-02-01",
            ],
            vec!["'--until'", "before --from"],
        ),
        (
            vec!["medication", "add", "Naproxen", "--from", "2026-06-16"],
            vec!["--from", "future"],
        ),
        (
            vec!["medication", "add", "Naproxen", "--dose", " "],
            vec!["--dose", "empty"],
        ),
        (
            vec!["medication", "stop", "Amitriptyline", "--on", "2026-04-30"],
            vec!["'--on'", "before \"Amitriptyline\" started (2026-05-01)"],
        ),
        (
            vec!["medication", "stop", "Ibuprofen", "--on", "2026-06-16"],
            vec!["--on", "future"],
        ),
        (
            vec!["medication", "stop", "Aspirin"],
            vec![
                "'<NAME>'",
                "no medication is called \"Aspirin\"",
                "\"Ibuprofen\"",
            ],
        ),
        (
            vec!["exercise", "add", "Bridge", "--session", "9"],
            vec!["'--session'", "no session with the id 9", "session list"],
        ),
        (
            vec!["exercise", "add", "Bridge", "--per-week", "15"],
            vec!["--per-week", "1 to 14"],
        ),
        (
            vec!["exercise", "add", "Bridge", "--per-week", "0"],
            vec!["--per-week", "1 to 14"],
        ),
        (
            vec!["exercise", "add", "cat-cow"],
            vec!["'<NAME>'", "already called \"Cat-cow\""],
        ),
    ]);
}

#[test]
fn bad_care_values_are_refused_and_nothing_is_written() {
    refuse_all(&[
        (
            vec!["care", "add", "--date", "2026-06-01", "--kind", "massage"],
            vec!["--kind", "physiotherapy, chiropractic, doctor, other"],
        ),
        (
            vec!["care", "add", "--date", "2026-06-01", "--kind", "other"],
            vec!["--kind other needs --name"],
        ),
        (
            vec!["care", "add", "--date", "2026-06-16", "--kind", "doctor"],
            vec!["--date", "future", "2026-06-15"],
        ),
        (vec!["care", "add", "--kind", "doctor"], vec!["--date"]),
        (
            vec!["care", "remove", "7"],
            vec!["'<ID>'", "no care visit with the id 7", "care list"],
        ),
        (vec!["care", "remove", "0"], vec!["<ID>", "care list"]),
        (vec!["care", "remove", "one"], vec!["<ID>", "whole number"]),
    ]);
}

#[test]
fn an_unknown_name_in_an_empty_list_says_how_to_add_one() {
    let (_folder, path) = journal_in_temp();
    ok(&path, &["log", "--date", "2026-06-10", "--pain", "4"]);
    refused(
        &path,
        &["log", "--took", "Ibuprofen"],
        &[
            "'--took'",
            "no medications yet",
            "painlog medication add NAME",
        ],
    );
    refused(
        &path,
        &["log", "--measure", "Energy=3"],
        &[
            "no measures yet",
            "painlog measure add NAME --worse higher|lower",
        ],
    );
}

#[test]
fn help_texts_say_what_is_allowed() {
    let help = |args: &[&str]| {
        let output = common::painlog_command()
            .args(args)
            .arg("--help")
            .output()
            .unwrap();
        assert!(output.status.success());
        stdout(&output)
    };
    let top = help(&[]);
    for command in ["measure", "medication", "exercise", "care"] {
        assert!(
            top.contains(&format!("\n  {command} ")),
            "{command} in:\n{top}"
        );
    }
    let log = help(&["log"]);
    for words in [
        "--mobility <N>",
        "0 = barely, 10 = freely",
        "--mood <N>",
        "0 = very low, 10 = very good",
        "--measure <NAME=N>",
        "`NAME=none` clears it",
        "--took <MEDICATION>",
        "--no-took",
        "--did <EXERCISE>",
        "--no-did",
        "replaces the day's",
    ] {
        assert!(log.contains(words), "{words:?} in:\n{log}");
    }
    let measure = help(&["measure", "add"]);
    assert!(measure.contains("--worse <higher|lower>") && measure.contains("like sleep quality"));
    let care = help(&["care", "add"]);
    assert!(
        care.contains("physiotherapy, chiropractic, doctor or other"),
        "{care}"
    );
    let stop = help(&["medication", "stop"]);
    assert!(stop.contains("(default: today)"), "{stop}");
    let exercise = help(&["exercise", "add"]);
    assert!(exercise.contains("1 to 14"), "{exercise}");
}
