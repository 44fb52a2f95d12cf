//! Every kind of bad command-line input, run through the real binary: each is refused with the
//! right exit code (2 for a bad argument, 1 when a file cannot be read or written), a message
//! that names the argument and what is allowed, and nothing written to the journal's folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::journal_in_temp;
use painlog::model::{Journal, Minutes, Session, SessionKind, parse_start};

/// Exit code for bad arguments.
const USAGE: i32 = 2;
/// Exit code when a file cannot be read or written.
const IO: i32 = 1;

fn painlog() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_painlog"));
    command.env_remove("PAINLOG_DATA");
    command
}

fn run_on(path: &Path, args: &[&str]) -> Output {
    painlog()
        .arg("--data")
        .arg(path)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Every file in `folder` with its content, but the lock file (which may be made and stays).
fn snapshot(folder: &Path) -> BTreeMap<String, String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().unwrap().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".lock"))
        .map(|name| {
            let text = String::from_utf8_lossy(&fs::read(folder.join(&name)).unwrap()).into_owned();
            (name, text)
        })
        .collect()
}

/// A journal with a day (2026-01-05, pain 4) and a session (id 1, 2026-01-04 17:30), in a
/// folder of its own.
fn sample_journal() -> (tempfile::TempDir, std::path::PathBuf) {
    let (folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    journal.set_day(common::day("2026-01-05", 4));
    let mut session = Session::new(
        parse_start("2026-01-04 17:30").unwrap(),
        SessionKind::Swedish,
        Minutes::new(60).unwrap(),
    );
    session.cost = Some(painlog::model::Cost {
        amount: painlog::model::Amount::parse("60").unwrap(),
        currency: painlog::model::Currency::parse("USD").unwrap(),
    });
    journal.add_session(session);
    common::save(&path, &journal);
    (folder, path)
}

/// Run `args` on the journal at `path`: expect exit code `code`, every one of `words` in the
/// message, and the journal's folder exactly as it was.
#[track_caller]
fn refused(path: &Path, args: &[&str], code: i32, words: &[&str]) -> String {
    let folder = path.parent().unwrap();
    let before = snapshot(folder);
    let output = run_on(path, args);
    let message = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: exit code\n{message}"
    );
    assert!(
        output.stdout.is_empty(),
        "{args:?}: printed as if it worked: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    for word in words {
        assert!(
            message.contains(word),
            "{args:?}: expected {word:?} in:\n{message}"
        );
    }
    assert_eq!(
        snapshot(folder),
        before,
        "{args:?} changed the journal's folder"
    );
    message
}

/// `session add` with the three required options, some replaced or added by `extra`.
fn session_add(extra: &[&str]) -> Vec<String> {
    let mut pairs: Vec<(String, String)> = [
        ("--start", "2026-01-05 17:30"),
        ("--kind", "swedish"),
        ("--minutes", "60"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    for pair in extra.chunks(2) {
        match pairs.iter_mut().find(|(key, _)| key == pair[0]) {
            Some(existing) => existing.1 = pair[1].to_owned(),
            None => pairs.push((pair[0].to_owned(), pair[1].to_owned())),
        }
    }
    let mut args = vec!["session".to_owned(), "add".to_owned()];
    for (key, value) in pairs {
        args.push(key);
        args.push(value);
    }
    args
}

/// `session add` without one of its required options.
fn session_add_without(flag: &str) -> Vec<String> {
    let all = session_add(&[]);
    let at = all.iter().position(|arg| arg == flag).unwrap();
    all.iter()
        .enumerate()
        .filter(|(index, _)| *index != at && *index != at + 1)
        .map(|(_, arg)| arg.clone())
        .collect()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

// ---------------------------------------------------------------------------------------------
// painlog log
// ---------------------------------------------------------------------------------------------

#[test]
fn log_every_score_refuses_out_of_range_negative_fractions_words_and_empty() {
    let (_folder, path) = sample_journal();
    for flag in ["--pain", "--worst", "--stiffness", "--sleep", "--stress"] {
        for bad in ["11", "-1", "100", "4.5", "four", "", " ", "3/10", "0x5"] {
            refused(
                &path,
                &["log", "--date", "2026-01-05", flag, bad],
                USAGE,
                &[flag, "whole number from 0 to 10", "`none` to clear it"],
            );
        }
    }
}

#[test]
fn log_date_refuses_every_malformed_impossible_early_and_future_date() {
    let (_folder, path) = sample_journal();
    let tomorrow = (today() + chrono::Days::new(1)).to_string();
    for bad in [
        "2026-1-5",
        "05/01/2026",
        "2026/01/05",
        "20260105",
        "2026-01-05T10:00",
        "",
        "today",
        "2026-02-30",
        "2026-13-01",
        "2026-00-10",
        "2025-02-29",
        "1899-12-31",
        "0001-01-01",
    ] {
        refused(
            &path,
            &["log", "--date", bad, "--pain", "3"],
            USAGE,
            &["--date", "is not a date", "YYYY-MM-DD", "for example"],
        );
    }
    for future in [tomorrow.as_str(), "9999-12-31"] {
        refused(
            &path,
            &["log", "--date", future, "--pain", "3"],
            USAGE,
            &["--date", "is in the future", "today or any day before it"],
        );
    }
}

#[test]
fn log_region_refuses_unknown_and_empty_names_and_the_clearing_flag_with_it() {
    let (_folder, path) = sample_journal();
    for bad in ["knee", "", "Lower Back", "lower_back,neck"] {
        refused(
            &path,
            &["log", "--date", "2026-01-05", "--region", bad],
            USAGE,
            &["--region", "unknown region", "use one of", "lower-back"],
        );
    }
    refused(
        &path,
        &[
            "log",
            "--date",
            "2026-01-05",
            "--region",
            "neck",
            "--no-regions",
        ],
        USAGE,
        &["--region", "cannot be used with", "--no-regions"],
    );
}

#[test]
fn log_refuses_a_field_given_twice_and_unknown_options() {
    let (_folder, path) = sample_journal();
    refused(
        &path,
        &["log", "--date", "2026-01-05", "--pain", "3", "--pain", "4"],
        USAGE,
        &["--pain", "cannot be used multiple times"],
    );
    refused(
        &path,
        &["log", "--date", "2026-01-05", "--mood", "3"],
        USAGE,
        &["unexpected argument '--mood'"],
    );
    refused(
        &path,
        &["log", "--date", "2026-01-05", "--pain"],
        USAGE,
        &["--pain", "a value is required"],
    );
}

#[test]
fn log_with_nothing_to_log_writes_nothing_and_says_how() {
    let (_folder, path) = journal_in_temp();
    let output = run_on(&path, &["log", "--date", "2026-01-07"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Give a field, e.g. painlog log --pain 4"),
        "{}",
        stderr(&output)
    );
    assert!(!path.exists(), "no journal was made for nothing");
}

// ---------------------------------------------------------------------------------------------
// painlog session add / remove
// ---------------------------------------------------------------------------------------------

#[test]
fn session_start_refuses_missing_time_bad_time_impossible_early_and_future_starts() {
    let (_folder, path) = sample_journal();
    let tomorrow = format!("{} 09:00", today() + chrono::Days::new(1));
    for bad in [
        "2026-01-05",
        "17:30",
        "2026-01-05 25:00",
        "2026-01-05 17:60",
        "2026-01-05 5pm",
        "2026-02-30 10:00",
        "1899-12-31 10:00",
        "05/01/2026 10:00",
        "",
    ] {
        refused(
            &path,
            &strs(&session_add(&["--start", bad])),
            USAGE,
            &["--start", "is not a date and time", "YYYY-MM-DD HH:MM"],
        );
    }
    for future in [tomorrow.as_str(), "9999-12-31 10:00"] {
        refused(
            &path,
            &strs(&session_add(&["--start", future])),
            USAGE,
            &["--start", "is in the future"],
        );
    }
}

#[test]
fn session_add_refuses_each_missing_required_option() {
    let (_folder, path) = sample_journal();
    for flag in ["--start", "--kind", "--minutes"] {
        refused(
            &path,
            &strs(&session_add_without(flag)),
            USAGE,
            &["required arguments were not provided", flag],
        );
    }
}

#[test]
fn session_minutes_refuse_zero_negative_too_long_fractions_and_words() {
    let (_folder, path) = sample_journal();
    for (bad, words) in [
        ("0", "from 1 to 480 minutes"),
        ("-5", "from 1 to 480 minutes"),
        ("481", "from 1 to 480 minutes"),
        ("1.5", "whole number such as 60"),
        ("an hour", "whole number such as 60"),
        ("", "whole number such as 60"),
        ("99999999999999999999", "whole number such as 60"),
    ] {
        refused(
            &path,
            &strs(&session_add(&["--minutes", bad])),
            USAGE,
            &["--minutes", words, bad],
        );
    }
}

#[test]
fn session_kind_pressure_and_focus_refuse_unknown_names_and_say_the_choices() {
    let (_folder, path) = sample_journal();
    for bad in ["cupping", "", "Deep Tissue"] {
        refused(
            &path,
            &strs(&session_add(&["--kind", bad])),
            USAGE,
            &[
                "--kind",
                "unknown kind",
                "swedish, deep-tissue",
                "--kind-name",
            ],
        );
    }
    for bad in ["hard", ""] {
        refused(
            &path,
            &strs(&session_add(&["--pressure", bad])),
            USAGE,
            &["--pressure", "light, medium, firm, deep"],
        );
    }
    for bad in ["elbow", ""] {
        refused(
            &path,
            &strs(&session_add(&["--focus", bad])),
            USAGE,
            &["--focus", "unknown region", "upper-back"],
        );
    }
}

#[test]
fn session_names_refuse_blank_text_and_a_kind_name_for_a_named_kind() {
    let (_folder, path) = sample_journal();
    for flag in ["--therapist", "--kind-name"] {
        for blank in ["", "   "] {
            let mut extra = vec![flag, blank];
            if flag == "--kind-name" {
                extra.extend(["--kind", "other"]);
            }
            refused(
                &path,
                &strs(&session_add(&extra)),
                USAGE,
                &[flag, "must not be empty"],
            );
        }
    }
    refused(
        &path,
        &strs(&session_add(&["--kind-name", "Hot stone"])),
        USAGE,
        &["--kind-name is only for --kind other"],
    );
}

#[test]
fn session_cost_refuses_negative_too_precise_absurd_and_non_numbers() {
    let (_folder, path) = sample_journal();
    for (bad, words) in [
        ("-10", "cannot be negative"),
        ("5.123", "at most two decimals, like 60 or 59.50"),
        ("ten", "at most two decimals, like 60 or 59.50"),
        ("", "at most two decimals, like 60 or 59.50"),
        ("$60", "at most two decimals, like 60 or 59.50"),
        ("1e3", "at most two decimals, like 60 or 59.50"),
        ("2000000", "not plausible for one session"),
    ] {
        refused(
            &path,
            &strs(&session_add(&["--cost", bad, "--currency", "USD"])),
            USAGE,
            &["--cost", words],
        );
    }
}

#[test]
fn session_currency_refuses_non_codes_and_is_refused_without_a_cost() {
    let (_folder, path) = sample_journal();
    for bad in ["dollars", "€", "U5D", "US", ""] {
        refused(
            &path,
            &strs(&session_add(&["--cost", "10", "--currency", bad])),
            USAGE,
            &["--currency", "three-letter code such as USD"],
        );
    }
    refused(
        &path,
        &strs(&session_add(&["--currency", "EUR"])),
        USAGE,
        &["required arguments were not provided", "--cost"],
    );
}

#[test]
fn a_first_cost_without_a_currency_says_to_add_one() {
    let (_folder, path) = journal_in_temp();
    common::save(&path, &Journal::new());
    refused(
        &path,
        &strs(&session_add(&["--cost", "40"])),
        USAGE,
        &["--cost needs a currency", "add --currency USD"],
    );
}

#[test]
fn session_scores_refuse_out_of_range_words_and_none() {
    let (_folder, path) = sample_journal();
    for flag in ["--pain-before", "--pain-after", "--soreness"] {
        for bad in ["11", "-1", "7.5", "bad", "none", ""] {
            refused(
                &path,
                &strs(&session_add(&[flag, bad])),
                USAGE,
                &[flag, "whole number from 0 to 10"],
            );
        }
    }
}

#[test]
fn session_remove_refuses_unknown_ids_and_non_numbers() {
    let (_folder, path) = sample_journal();
    let message = refused(&path, &["session", "remove", "99"], USAGE, &[]);
    assert!(
        message.contains("no session with the id 99")
            && message.contains("`painlog session list` shows the ids"),
        "{message}"
    );
    for bad in ["abc", "1.0", "99999999999999999999999"] {
        refused(&path, &["session", "remove", bad], USAGE, &["<ID>", bad]);
    }
    refused(&path, &["session", "remove", "-1"], USAGE, &["'-1'"]);
    refused(
        &path,
        &["session", "remove"],
        USAGE,
        &["required arguments were not provided", "<ID>"],
    );
    refused(
        &path,
        &["session", "frob"],
        USAGE,
        &["unrecognized subcommand 'frob'"],
    );
}

// ---------------------------------------------------------------------------------------------
// painlog effects
// ---------------------------------------------------------------------------------------------

#[test]
fn effects_refuses_settings_out_of_range_and_unknown_metrics() {
    let (_folder, path) = sample_journal();
    for (args, words) in [
        (vec!["--window", "-3"], vec!["--window", "1 to 28", "-3"]),
        (vec!["--window", "100"], vec!["--window", "1 to 28", "100"]),
        (
            vec!["--min-days", "-1"],
            vec!["--min-days", "1 to the window length (7)", "-1"],
        ),
        (
            vec!["--min-days", "8"],
            vec!["--min-days", "1 to the window length (7)", "8"],
        ),
        (vec!["--window", "abc"], vec!["--window", "abc"]),
        (vec!["--min-days", "2.5"], vec!["--min-days", "2.5"]),
        (
            vec!["--metric", ""],
            vec![
                "--metric",
                "use one of: pain, worst-pain, stiffness, sleep, stress",
            ],
        ),
        (
            vec!["--metric", "mood"],
            vec![
                "--metric",
                "use one of: pain, worst-pain, stiffness, sleep, stress",
            ],
        ),
    ] {
        let mut all = vec!["effects"];
        all.extend(args);
        refused(&path, &all, USAGE, &words);
    }
}

// ---------------------------------------------------------------------------------------------
// painlog export
// ---------------------------------------------------------------------------------------------

#[test]
fn export_refuses_bad_period_dates_and_conflicting_period_flags() {
    let (folder, path) = sample_journal();
    let out = folder.path().join("report.md");
    let out = out.to_str().unwrap();
    for (flag, bad) in [
        ("--from", "2026-02-30"),
        ("--from", "1899-12-31"),
        ("--from", "01/01/2026"),
        ("--to", "2026-13-01"),
        ("--to", ""),
    ] {
        refused(
            &path,
            &["export", "--format", "md", flag, bad, "--out", out],
            USAGE,
            &[flag, "is not a date", "YYYY-MM-DD"],
        );
    }
    refused(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--to",
            "2026-01-31",
            "--since-last-session",
            "--out",
            out,
        ],
        USAGE,
        &["--to", "cannot be used with", "--since-last-session"],
    );
    refused(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--from",
            "2026-02-01",
            "--to",
            "2026-01-31",
            "--out",
            out,
        ],
        USAGE,
        &["starts (2026-02-01) after it ends", "--from and --to"],
    );
    assert!(!Path::new(out).exists());
}

#[test]
fn export_refuses_missing_format_out_and_unknown_values() {
    let (folder, path) = sample_journal();
    let out = folder.path().join("report.pdf");
    let out = out.to_str().unwrap();
    refused(
        &path,
        &["export", "--out", out],
        USAGE,
        &["required arguments were not provided", "--format"],
    );
    refused(
        &path,
        &["export", "--format", "pdf"],
        USAGE,
        &["required arguments were not provided", "--out"],
    );
    refused(
        &path,
        &["export", "--format", "pdf", "--out", ""],
        USAGE,
        &["--out"],
    );
    refused(
        &path,
        &["export", "--format", "docx", "--out", out],
        USAGE,
        &["--format", "possible values: pdf, csv, md, json"],
    );
    refused(
        &path,
        &["export", "--format", "pdf", "--paper", "", "--out", out],
        USAGE,
        &["--paper", "use a4 or letter"],
    );
    assert!(!Path::new(out).exists());
}

#[test]
fn export_to_a_place_that_cannot_be_written_fails_and_names_it() {
    let (folder, path) = sample_journal();
    let a_file = folder.path().join("a-file");
    fs::write(&a_file, "not a folder").unwrap();
    let inside_a_file = a_file.join("report.md");
    refused(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--out",
            inside_a_file.to_str().unwrap(),
        ],
        IO,
        &[a_file.to_str().unwrap()],
    );
    // CSV needs a folder: an existing file is not one.
    refused(
        &path,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            a_file.to_str().unwrap(),
        ],
        IO,
        &["could not write to", a_file.to_str().unwrap()],
    );
    assert_eq!(fs::read(&a_file).unwrap(), b"not a folder");
    #[cfg(target_os = "linux")]
    refused(
        &path,
        &["export", "--format", "json", "--out", "/proc/painlog.json"],
        IO,
        &["could not write /proc/painlog.json"],
    );
}

// ---------------------------------------------------------------------------------------------
// painlog import
// ---------------------------------------------------------------------------------------------

const DAYS_HEADER: &str = "date,pain,worst_pain,stiffness,sleep,stress,regions,note";
const SESSIONS_HEADER: &str = "id,start,kind,kind_name,minutes,therapist,pressure,focus,cost,currency,pain_before,pain_after,soreness,note";

#[test]
fn import_refuses_missing_unreadable_foreign_and_too_many_files() {
    let (folder, path) = sample_journal();
    let csv = folder.path().join("csv");
    fs::create_dir(&csv).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let file = csv.join(name);
        fs::write(&file, bytes).unwrap();
        file.to_str().unwrap().to_owned()
    };
    let missing = csv.join("missing.csv");
    let missing = missing.to_str().unwrap();
    refused(
        &path,
        &["import", missing],
        USAGE,
        &["cannot read", missing],
    );
    let a_folder = csv.to_str().unwrap();
    refused(
        &path,
        &["import", a_folder],
        USAGE,
        &["cannot read", a_folder],
    );
    let not_utf8 = write("latin1.csv", b"date,pain\n2026-01-02,\xe9\n");
    refused(
        &path,
        &["import", &not_utf8],
        USAGE,
        &["cannot read", &not_utf8, "UTF-8"],
    );
    for (name, text) in [
        ("empty.csv", ""),
        ("bank.csv", "when,amount\n2026-01-01,5\n"),
        (
            "shuffled.csv",
            "pain,date,worst_pain,stiffness,sleep,stress,regions,note\n",
        ),
    ] {
        let file = write(name, text.as_bytes());
        refused(
            &path,
            &["import", &file],
            USAGE,
            &[
                &file,
                "line 1: not a painlog CSV",
                DAYS_HEADER,
                SESSIONS_HEADER,
                "Nothing was imported",
            ],
        );
    }
    let days = write("days.csv", format!("{DAYS_HEADER}\r\n").as_bytes());
    let again = write("days2.csv", format!("{DAYS_HEADER}\r\n").as_bytes());
    refused(
        &path,
        &["import", &days, &again],
        USAGE,
        &[
            "two files of the same kind",
            "one days.csv and one sessions.csv",
        ],
    );
    refused(
        &path,
        &["import", &days, &again, &days],
        USAGE,
        &["no more were expected"],
    );
    refused(
        &path,
        &["import"],
        USAGE,
        &["required arguments were not provided", "<FILE>"],
    );
}

#[test]
fn import_refuses_every_kind_of_bad_day_row_and_imports_nothing() {
    let (folder, path) = sample_journal();
    let tomorrow = (today() + chrono::Days::new(1)).to_string();
    let future_row = format!("{tomorrow},3,,,,,,");
    let cases: Vec<(&str, &[&str])> = vec![
        (
            "2026-02-30,3,,,,,,",
            &["date must be YYYY-MM-DD", "2026-02-30"],
        ),
        (
            "02/01/2026,3,,,,,,",
            &["date must be YYYY-MM-DD", "02/01/2026"],
        ),
        (",3,,,,,,", &["date must be YYYY-MM-DD"]),
        (&future_row, &["is in the future"]),
        (
            "2026-01-02,11,,,,,,",
            &[
                "pain must be a whole number from 0 to 10",
                "empty for not logged",
            ],
        ),
        (
            "2026-01-02,,-1,,,,,",
            &["worst_pain must be a whole number from 0 to 10"],
        ),
        (
            "2026-01-02,,,x,,,,",
            &["stiffness must be a whole number from 0 to 10"],
        ),
        (
            "2026-01-02,,,,7.5,,,",
            &["sleep must be a whole number from 0 to 10"],
        ),
        (
            "2026-01-02,,,,,12,,",
            &["stress must be a whole number from 0 to 10"],
        ),
        (
            "2026-01-02,3,,,,,knee,",
            &["unknown region \"knee\"", "lower-back", "separated by ;"],
        ),
        ("2026-01-02,3,,,", &["line 3"]),
        ("2026-01-02,3,,,,,,,extra", &["line 3"]),
    ];
    for (row, words) in cases {
        let file = folder.path().join("days.csv");
        fs::write(
            &file,
            format!("{DAYS_HEADER}\r\n2026-01-01,2,,,,,,\r\n{row}\r\n"),
        )
        .unwrap();
        let name = file.to_str().unwrap();
        let mut expected = vec![name, "line 3:", "Nothing was imported"];
        expected.extend(words.iter().copied());
        refused(&path, &["import", name], USAGE, &expected);
    }
    let file = folder.path().join("days.csv");
    fs::write(
        &file,
        format!("{DAYS_HEADER}\r\n2026-01-02,3,,,,,,\r\n2026-01-02,4,,,,,,\r\n"),
    )
    .unwrap();
    refused(
        &path,
        &["import", file.to_str().unwrap()],
        USAGE,
        &["line 3: 2026-01-02 appears twice", "one row per date"],
    );
}

#[test]
fn import_refuses_every_kind_of_bad_session_row_and_imports_nothing() {
    let (folder, path) = sample_journal();
    let ok = "1,2026-01-05T17:30,swedish,,60,,,,,,,,,";
    let with = |column: usize, value: &str| -> String {
        let mut cells: Vec<String> = ok.split(',').map(str::to_owned).collect();
        cells[column] = value.to_owned();
        cells.join(",")
    };
    let cases: Vec<(String, &[&str])> = vec![
        (with(0, "x"), &["id must be a whole number", "\"x\""]),
        (
            with(1, "2026-01-05 25:00"),
            &["start must be YYYY-MM-DDTHH:MM"],
        ),
        (
            with(1, "2026-02-30T10:00"),
            &["start must be YYYY-MM-DDTHH:MM"],
        ),
        (with(1, "2999-01-01T10:00"), &["is in the future"]),
        (
            with(2, "cupping"),
            &["kind must be one of swedish, deep-tissue", "\"cupping\""],
        ),
        (
            with(3, "Hot stone"),
            &["kind_name is only for the kind other"],
        ),
        (with(4, "0"), &["minutes", "1 to 480 minutes"]),
        (with(4, "abc"), &["minutes"]),
        (
            with(6, "hard"),
            &["pressure must be light, medium, firm or deep", "\"hard\""],
        ),
        (with(7, "elbow"), &["unknown region \"elbow\""]),
        (with(8, "10"), &["cost needs a currency such as USD"]),
        (
            "1,2026-01-05T17:30,swedish,,60,,,,-10,USD,,,,".to_owned(),
            &["cost", "cannot be negative"],
        ),
        (
            with(10, "11"),
            &["pain_before must be a whole number from 0 to 10"],
        ),
        (
            with(11, "x"),
            &["pain_after must be a whole number from 0 to 10"],
        ),
        (
            with(12, "-2"),
            &["soreness must be a whole number from 0 to 10"],
        ),
    ];
    for (row, words) in cases {
        let file = folder.path().join("sessions.csv");
        fs::write(&file, format!("{SESSIONS_HEADER}\r\n{row}\r\n")).unwrap();
        let name = file.to_str().unwrap();
        let mut expected = vec![name, "line 2:", "Nothing was imported"];
        expected.extend(words.iter().copied());
        refused(&path, &["import", name], USAGE, &expected);
    }
    let file = folder.path().join("sessions.csv");
    fs::write(
        &file,
        format!(
            "{SESSIONS_HEADER}\r\n{ok}\r\n{}\r\n",
            with(1, "2026-01-06T10:00")
        ),
    )
    .unwrap();
    refused(
        &path,
        &["import", file.to_str().unwrap()],
        USAGE,
        &["line 3: the id 1 appears twice"],
    );
}

#[test]
fn a_bad_sessions_file_stops_a_good_days_file_too() {
    let (folder, path) = sample_journal();
    let days = folder.path().join("days.csv");
    fs::write(&days, format!("{DAYS_HEADER}\r\n2026-01-02,3,,,,,,\r\n")).unwrap();
    let sessions = folder.path().join("sessions.csv");
    fs::write(
        &sessions,
        format!("{SESSIONS_HEADER}\r\n1,2026-01-05T17:30,swedish,,0,,,,,,,,,\r\n"),
    )
    .unwrap();
    refused(
        &path,
        &["import", days.to_str().unwrap(), sessions.to_str().unwrap()],
        USAGE,
        &["sessions.csv, line 2", "Nothing was imported"],
    );
}

// ---------------------------------------------------------------------------------------------
// painlog demo
// ---------------------------------------------------------------------------------------------

#[test]
fn demo_refuses_bad_numbers_missing_out_and_existing_paths() {
    let (folder, _path) = journal_in_temp();
    let out = folder.path().join("demo.ron");
    let out = out.to_str().unwrap();
    let demo = |args: &[&str]| {
        let mut all = vec!["demo"];
        all.extend(args);
        painlog().args(all).output().unwrap()
    };
    for (args, words) in [
        (
            vec!["--years", "0", "--out", out],
            vec!["--years", "1..=100"],
        ),
        (
            vec!["--years", "101", "--out", out],
            vec!["--years", "1..=100"],
        ),
        (vec!["--years", "two", "--out", out], vec!["--years", "two"]),
        (
            vec!["--sessions", "many", "--out", out],
            vec!["--sessions", "many"],
        ),
        (vec!["--seed", "x", "--out", out], vec!["--seed", "'x'"]),
        (
            vec!["--years", "2"],
            vec!["required arguments were not provided", "--out"],
        ),
    ] {
        let output = demo(&args);
        assert_eq!(output.status.code(), Some(USAGE), "{args:?}");
        for word in words {
            assert!(
                stderr(&output).contains(word),
                "{args:?}: expected {word:?} in {}",
                stderr(&output)
            );
        }
        assert!(!Path::new(out).exists(), "{args:?} wrote a file");
    }
    // An existing file or folder is never overwritten.
    let existing = folder.path().join("mine.ron");
    fs::write(&existing, "mine").unwrap();
    for target in [existing.as_path(), folder.path()] {
        let output = demo(&["--out", target.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(USAGE));
        assert!(
            stderr(&output).contains("already exists; painlog demo does not overwrite files")
                && stderr(&output).contains("Choose another --out"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(fs::read(&existing).unwrap(), b"mine");
}

// ---------------------------------------------------------------------------------------------
// --data, PAINLOG_DATA and the command line as a whole
// ---------------------------------------------------------------------------------------------

#[test]
fn a_journal_path_that_is_a_folder_is_refused_and_named() {
    let (folder, _path) = sample_journal();
    let a_folder = folder.path().join("sub");
    fs::create_dir(&a_folder).unwrap();
    for args in [
        vec!["check"],
        vec!["log", "--date", "2026-01-05", "--pain", "3"],
        vec!["session", "list"],
    ] {
        let output = run_on(&a_folder, &args);
        assert_eq!(output.status.code(), Some(IO), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains(a_folder.to_str().unwrap())
                && message.contains("painlog has not changed it"),
            "{args:?}: {message}"
        );
        assert_eq!(fs::read_dir(&a_folder).unwrap().count(), 0, "{args:?}");
    }
}

#[test]
fn a_journal_path_inside_a_file_is_refused() {
    let (folder, _path) = sample_journal();
    let a_file = folder.path().join("a-file");
    fs::write(&a_file, "x").unwrap();
    let inside = a_file.join("journal.ron");
    let output = run_on(&inside, &["log", "--date", "2026-01-05", "--pain", "3"]);
    assert_eq!(output.status.code(), Some(IO));
    assert!(
        stderr(&output).contains(a_file.to_str().unwrap()),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(&a_file).unwrap(), b"x");
}

#[test]
fn an_empty_data_path_is_refused() {
    let (_folder, path) = journal_in_temp();
    let output = painlog().args(["check", "--data", ""]).output().unwrap();
    assert_eq!(output.status.code(), Some(USAGE));
    assert!(
        stderr(&output).contains("a value is required for '--data <PATH>'"),
        "{}",
        stderr(&output)
    );
    assert!(!path.exists());
}

#[test]
fn unknown_subcommands_and_options_are_refused() {
    let (_folder, path) = sample_journal();
    refused(&path, &["frobnicate"], USAGE, &["unrecognized subcommand"]);
    refused(&path, &["check", "--verbose"], USAGE, &["'--verbose'"]);
    refused(&path, &["check", "--json", "--json"], USAGE, &["--json"]);
}
