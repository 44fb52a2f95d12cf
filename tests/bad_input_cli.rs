//! Every kind of bad command-line input, run through the real binary: each is refused with the
//! right exit code (2 for a bad argument, 1 when a file cannot be read or written), a message
//! that names the argument and what is allowed, and nothing written to the journal's folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Output;

use common::{journal_in_temp, session_add_args};
use painlog::model::{Journal, Minutes, Session, SessionKind, parse_start};

/// Exit code for bad arguments.
const USAGE: i32 = 2;
/// Exit code when a file cannot be read or written.
const IO: i32 = 1;

use common::{painlog_command as painlog, run_cli as run_on};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The day the binary takes as today (`PAINLOG_NOW`, set by `painlog_command`).
fn today() -> chrono::NaiveDate {
    common::today()
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

/// `session add` without one of its required options.
fn session_add_without(flag: &str) -> Vec<String> {
    let all = session_add_args(&[]);
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
            &["--region", "unknown region", "regions are", "lower-back"],
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
        &["log", "--date", "2026-01-05", "--energy", "3"],
        USAGE,
        &["unexpected argument '--energy'"],
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
            &strs(&session_add_args(&["--start", bad])),
            USAGE,
            &["--start", "is not a date and time", "YYYY-MM-DD HH:MM"],
        );
    }
    for future in [tomorrow.as_str(), "9999-12-31 10:00"] {
        refused(
            &path,
            &strs(&session_add_args(&["--start", future])),
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
            &strs(&session_add_args(&["--minutes", bad])),
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
            &strs(&session_add_args(&["--kind", bad])),
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
            &strs(&session_add_args(&["--pressure", bad])),
            USAGE,
            &["--pressure", "light, medium, firm, deep"],
        );
    }
    for bad in ["elbow", ""] {
        refused(
            &path,
            &strs(&session_add_args(&["--focus", bad])),
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
            let fix = if flag == "--therapist" {
                "leave --therapist out if there is none"
            } else {
                "name the kind (e.g. \"Hot stone\") or leave --kind-name out"
            };
            refused(
                &path,
                &strs(&session_add_args(&extra)),
                USAGE,
                &[&format!("{flag} is empty"), fix],
            );
        }
    }
    refused(
        &path,
        &strs(&session_add_args(&["--kind-name", "Hot stone"])),
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
            &strs(&session_add_args(&["--cost", bad, "--currency", "USD"])),
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
            &strs(&session_add_args(&["--cost", "10", "--currency", bad])),
            USAGE,
            &["--currency", "three-letter code such as USD"],
        );
    }
    refused(
        &path,
        &strs(&session_add_args(&["--currency", "EUR"])),
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
        &strs(&session_add_args(&["--cost", "40"])),
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
                &strs(&session_add_args(&[flag, bad])),
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
    for bad in ["abc", "1.0", "", "#1"] {
        refused(
            &path,
            &["session", "remove", bad],
            USAGE,
            &[
                "<ID>",
                &format!(
                    "an id is a whole number as shown by `painlog session list`, not \"{bad}\""
                ),
            ],
        );
    }
    for huge in ["99999999999999999999999", "9007199254740992"] {
        let message = refused(
            &path,
            &["session", "remove", huge],
            USAGE,
            &[
                "no session has an id that large",
                "`painlog session list` shows the ids",
            ],
        );
        assert!(!message.contains("too large to fit"), "{message}");
    }
    for below_one in ["-1", "0"] {
        let message = refused(
            &path,
            &["session", "remove", below_one],
            USAGE,
            &["ids start at 1", "`painlog session list` shows them"],
        );
        assert!(!message.contains("tip: "), "{message}");
    }
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
        (
            vec!["--window", "abc"],
            vec![
                "--window",
                "the window is a whole number of days from 1 to 28, not \"abc\"",
            ],
        ),
        (
            vec!["--window", "99999999999999999999"],
            vec!["--window", "whole number of days from 1 to 28"],
        ),
        (
            vec!["--min-days", "2.5"],
            vec![
                "--min-days",
                "the minimum is a whole number of days from 1 to the window length",
                "\"2.5\"",
            ],
        ),
        (
            vec!["--metric", ""],
            vec![
                "--metric",
                "use one of: pain, worst-pain, stiffness, sleep, stress",
            ],
        ),
        (
            vec!["--metric", "happiness"],
            vec![
                "--metric",
                "use one of: pain, worst-pain, stiffness, sleep, stress",
            ],
        ),
    ] {
        let mut all = vec!["effects"];
        all.extend(args);
        let message = refused(&path, &all, USAGE, &words);
        assert!(!message.contains("invalid digit"), "{message}");
    }
}

#[test]
fn effects_refuses_a_metric_that_json_would_ignore() {
    let (_folder, path) = sample_journal();
    refused(
        &path,
        &["effects", "--json", "--metric", "sleep"],
        USAGE,
        &[
            "--metric chooses the metric of the table",
            "leave --metric out",
        ],
    );
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
        &[&format!(
            "{} is a file, not a folder; choose another --out. Nothing was changed.",
            a_file.display()
        )],
    );
    // CSV needs a folder: an existing file is not one.
    let message = refused(
        &path,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            a_file.to_str().unwrap(),
        ],
        IO,
        &[
            &format!("{} is a file, not a folder", a_file.display()),
            "give a folder (new or existing) for --out",
            "Nothing was changed",
        ],
    );
    assert!(!message.contains("os error"), "{message}");
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
        &[
            "cannot read",
            missing,
            "there is no such file",
            "Nothing was imported",
        ],
    );
    let a_folder = csv.to_str().unwrap();
    refused(
        &path,
        &["import", a_folder],
        USAGE,
        &[
            "cannot read",
            a_folder,
            "it is a folder",
            "Nothing was imported",
        ],
    );
    let not_utf8 = write("latin1.csv", b"date,pain\n2026-01-02,\xe9\n");
    refused(
        &path,
        &["import", &not_utf8],
        USAGE,
        &[
            "cannot read",
            &not_utf8,
            "line 2 is not UTF-8 text",
            "Save the file as UTF-8",
            "Nothing was imported",
        ],
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
            "Nothing was imported",
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
    let five_columns = format!("5 columns where there should be 8 ({DAYS_HEADER})");
    let five_columns = [five_columns.as_str()];
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
        ("2026-01-02,3,,,", &five_columns),
        (
            "2026-01-02,3,,,,,,,extra",
            &[
                "9 columns where there should be 8",
                "must be in double quotes",
            ],
        ),
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
fn import_refuses_bad_values_in_version_2_columns_and_columns_it_does_not_know() {
    let (folder, path) = sample_journal();
    let file = folder.path().join("days.csv");
    let v2 = "date,pain,worst_pain,stiffness,sleep,stress,mobility,mood,regions,medications,exercises,note";
    let cases: Vec<(String, &[&str])> = vec![
        (
            format!("{v2}\r\n2026-01-02,,,,,,11,,,,,\r\n"),
            &["line 2:", "mobility must be a whole number from 0 to 10"],
        ),
        (
            format!("{v2}\r\n2026-01-02,,,,,,,x,,,,\r\n"),
            &["line 2:", "mood must be a whole number from 0 to 10"],
        ),
        (
            format!("{v2}\r\n2026-01-02,,,,,,,,lower-back-left=11,,,\r\n"),
            &[
                "line 2:",
                "the intensity of lower-back-left must be a whole number from 0 to 10",
                "separated by ;",
            ],
        ),
        (
            format!("{v2}\r\n2026-01-02,,,,,,,,,Aspirin,,\r\n"),
            &[
                "line 2:",
                "column medications: the journal has no medication \"Aspirin\"",
                "import medications.csv beside this file",
            ],
        ),
        (
            format!("{v2}\r\n2026-01-02,,,,,,,,,,Plank,\r\n"),
            &[
                "line 2:",
                "column exercises: the journal has no exercise \"Plank\"",
            ],
        ),
        (
            format!("{v2},colour\r\n"),
            &[
                "line 1:",
                "there is no column \"colour\"",
                "mobility, mood, measure:NAME (one for each own measure), regions",
            ],
        ),
        (
            "date,measure:Tingling\r\n2026-01-02,3\r\n".to_owned(),
            &[
                "line 1:",
                "column measure:Tingling: the journal has no own measure \"Tingling\"",
                "import measures.csv beside this file",
            ],
        ),
    ];
    for (text, words) in cases {
        fs::write(&file, text).unwrap();
        let name = file.to_str().unwrap();
        let mut expected = vec![name, "Nothing was imported"];
        expected.extend(words.iter().copied());
        refused(&path, &["import", name], USAGE, &expected);
    }
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
fn import_refuses_an_unclosed_quote_instead_of_swallowing_the_rows_after_it() {
    let (folder, path) = sample_journal();
    let days = folder.path().join("days.csv");
    let days_name = days.to_str().unwrap();
    // The file ends inside the quotes: every row after it would be taken into the note.
    fs::write(
        &days,
        format!(
            "{DAYS_HEADER}\r\n2026-01-02,3,,,,,,\"unclosed\r\n2026-01-03,4,,,,,,\r\n2026-01-04,5,,,,,,\r\n"
        ),
    )
    .unwrap();
    refused(
        &path,
        &["import", days_name],
        USAGE,
        &[
            &format!("{days_name}, line 2: a quoted field is never closed (a \" is missing)"),
            "Nothing was imported.",
        ],
    );
    // A later row's quote closes it: the rows between would still be swallowed.
    fs::write(
        &days,
        format!(
            "{DAYS_HEADER}\r\n2026-01-02,3,,,,,,\"unclosed\r\n2026-01-03,4,,,,,,\r\n2026-01-04,5,,,,,,\"Walked\"\r\n"
        ),
    )
    .unwrap();
    refused(
        &path,
        &["import", days_name],
        USAGE,
        &[
            &format!(
                "{days_name}, line 2: a quoted field starting on this line runs on into line 3"
            ),
            "a closing \" is missing",
            "Nothing was imported.",
        ],
    );
    // Text after a closing quote (a quote inside a quoted note not doubled).
    fs::write(
        &days,
        format!("{DAYS_HEADER}\r\n2026-01-02,3,,,,,,\"He said \"hi\" today\"\r\n"),
    )
    .unwrap();
    refused(
        &path,
        &["import", days_name],
        USAGE,
        &[
            "line 2: text follows the closing \" of a quoted field",
            "as \"\"",
        ],
    );
    let sessions = folder.path().join("sessions.csv");
    let sessions_name = sessions.to_str().unwrap();
    fs::write(
        &sessions,
        format!(
            "{SESSIONS_HEADER}\r\n2,2026-01-02T10:00,swedish,,60,,,,,,,,,\"unclosed\r\n3,2026-01-03T10:00,swedish,,60,,,,,,,,,\r\n"
        ),
    )
    .unwrap();
    refused(
        &path,
        &["import", sessions_name],
        USAGE,
        &[
            &format!("{sessions_name}, line 2: a quoted field is never closed (a \" is missing)"),
            "Nothing was imported.",
        ],
    );
    fs::write(
        &sessions,
        format!(
            "{SESSIONS_HEADER}\r\n2,2026-01-02T10:00,swedish,,60,,,,,,,,,\"unclosed\r\n3,2026-01-03T10:00,swedish,,60,,,,,,,,,\"ok\"\r\n"
        ),
    )
    .unwrap();
    refused(
        &path,
        &["import", sessions_name],
        USAGE,
        &[&format!(
            "{sessions_name}, line 2: a quoted field starting on this line runs on into line 3"
        )],
    );
}

#[test]
fn import_still_takes_notes_over_several_lines() {
    let (folder, path) = sample_journal();
    let days = folder.path().join("days.csv");
    fs::write(
        &days,
        format!(
            "{DAYS_HEADER}\r\n2026-01-02,3,,,,,,\"Stiff, \"\"locked\"\"\r\nbetter later\r\n\r\n2026 was hard, so far\"\r\n2026-01-03,4,,,,,,\r\n"
        ),
    )
    .unwrap();
    let sessions = folder.path().join("sessions.csv");
    fs::write(
        &sessions,
        format!(
            "{SESSIONS_HEADER}\r\n,2026-01-02T10:00,swedish,,60,,,,,,,,,\"Line one\nLine two, three\"\r\n"
        ),
    )
    .unwrap();
    let output = run_on(
        &path,
        &["import", days.to_str().unwrap(), sessions.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("2 days added"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let journal = common::load(&path);
    assert_eq!(
        journal.day(common::date("2026-01-02")).unwrap().note,
        "Stiff, \"locked\"\r\nbetter later\r\n\r\n2026 was hard, so far"
    );
    assert!(journal.day(common::date("2026-01-03")).is_some());
    assert!(
        journal
            .sessions()
            .iter()
            .any(|session| session.note == "Line one\nLine two, three")
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
    // So does a bad list file beside them.
    fs::write(
        &sessions,
        format!("{SESSIONS_HEADER}\r\n1,2026-01-05T17:30,swedish,,60,,,,,,,,,\r\n"),
    )
    .unwrap();
    let care = folder.path().join("care.csv");
    fs::write(
        &care,
        "id,date,kind,name,note\r\n1,2026-01-04,massage,,\r\n",
    )
    .unwrap();
    refused(
        &path,
        &["import", days.to_str().unwrap(), sessions.to_str().unwrap()],
        USAGE,
        &[
            "care.csv, line 2: kind must be one of physiotherapy, chiropractic, doctor, other",
            "Nothing was imported",
        ],
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
    let years =
        "the number of years the demo journal covers (ending today): a whole number from 1 to 100";
    let sessions = "the number of sessions in the demo journal: a whole number, 0 or more";
    let seed = "the seed is a whole number from 0 to 18446744073709551615";
    for (args, words) in [
        (vec!["--years", "0", "--out", out], vec!["--years", years]),
        (vec!["--years", "101", "--out", out], vec!["--years", years]),
        (vec!["--years", "-1", "--out", out], vec!["--years", years]),
        (vec!["--years", "two", "--out", out], vec!["--years", years]),
        (
            vec!["--sessions", "many", "--out", out],
            vec!["--sessions", sessions, "\"many\""],
        ),
        (
            vec!["--sessions", "-1", "--out", out],
            vec!["--sessions", sessions, "\"-1\""],
        ),
        (
            vec!["--sessions", "2.5", "--out", out],
            vec!["--sessions", sessions],
        ),
        (
            vec!["--seed", "x", "--out", out],
            vec!["--seed", seed, "\"x\""],
        ),
        (
            vec!["--seed", "-1", "--out", out],
            vec!["--seed", seed, "\"-1\""],
        ),
        (
            vec!["--seed", "99999999999999999999", "--out", out],
            vec!["--seed", seed],
        ),
        (
            vec!["--sessions", "100000", "--out", out],
            vec![
                "--sessions: at most 365 for 1 year (one a day); give more --years or fewer --sessions",
            ],
        ),
        (
            vec!["--years", "1", "--sessions", "366", "--out", out],
            vec!["--sessions: at most 365 for 1 year (one a day)"],
        ),
        (
            vec!["--years", "2", "--sessions", "731", "--out", out],
            vec!["--sessions: at most 730 for 2 years (one a day)"],
        ),
        (
            vec!["--sessions", "99999999999999999999999", "--out", out],
            vec!["--sessions: at most 365 for 1 year"],
        ),
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
        for raw in ["invalid digit", "unexpected argument", "is not in"] {
            assert!(
                !stderr(&output).contains(raw),
                "{args:?}: {}",
                stderr(&output)
            );
        }
        assert!(!Path::new(out).exists(), "{args:?} wrote a file");
    }
    // One a day is the most, and it is made.
    let full = folder.path().join("full.ron");
    let output = demo(&["--sessions", "365", "--out", full.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(common::load(&full).sessions().len(), 365);
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
    // A folder in the path that is a file.
    let inside = existing.join("demo.ron");
    let output = demo(&["--out", inside.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(IO), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!(
            "{} is a file, not a folder; choose another --out. Nothing was changed.",
            existing.display()
        )),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("journal"), "{}", stderr(&output));
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
    for args in [
        vec!["check", "--data", ""],
        vec!["--data", "", "check"],
        vec!["--data=", "check"],
    ] {
        let output = painlog().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(USAGE), "{args:?}");
        assert!(
            stderr(&output).contains("--data is empty; give the journal file")
                && stderr(&output).contains("leave --data out"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert!(!path.exists());
}

#[test]
fn an_empty_painlog_data_is_blamed_on_the_variable() {
    let (folder, path) = sample_journal();
    let before = snapshot(folder.path());
    for args in [
        vec!["check"],
        vec!["log", "--date", "2026-01-05", "--pain", "3"],
        vec![],
    ] {
        let output = painlog()
            .env("PAINLOG_DATA", "")
            .current_dir(folder.path())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(USAGE), "{args:?}");
        let message = stderr(&output);
        assert!(
            message.contains("PAINLOG_DATA is set but empty; unset it or set it to a journal file"),
            "{args:?}: {message}"
        );
        assert!(!message.contains("--data <PATH>"), "{args:?}: {message}");
    }
    // A --data on the command line wins over the empty variable, before or after the command.
    for args in [
        vec!["--data", path.to_str().unwrap(), "check", "--json"],
        vec!["check", "--json", "--data", path.to_str().unwrap()],
    ] {
        let output = painlog()
            .env("PAINLOG_DATA", "")
            .args(&args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("\"days\":1"),
            "{args:?}"
        );
    }
    assert_eq!(snapshot(folder.path()), before);
}

#[test]
fn unknown_subcommands_and_options_are_refused() {
    let (_folder, path) = sample_journal();
    refused(&path, &["frobnicate"], USAGE, &["unrecognized subcommand"]);
    refused(&path, &["check", "--verbose"], USAGE, &["'--verbose'"]);
    refused(&path, &["check", "--json", "--json"], USAGE, &["--json"]);
}

// ---------------------------------------------------------------------------------------------
// Options that mean nothing for a format, and free text
// ---------------------------------------------------------------------------------------------

#[test]
fn export_refuses_options_the_format_would_ignore() {
    let (folder, path) = sample_journal();
    let out = folder.path().join("out");
    let out = out.to_str().unwrap();
    for format in ["md", "json", "csv"] {
        refused(
            &path,
            &[
                "export", "--format", format, "--paper", "letter", "--out", out,
            ],
            USAGE,
            &[&format!(
                "--paper is only for --format pdf; leave it out for --format {format}"
            )],
        );
    }
    for flag in ["--name", "--message"] {
        refused(
            &path,
            &["export", "--format", "csv", flag, "Jane", "--out", out],
            USAGE,
            &[
                &format!("{flag} is only for --format pdf, md or json"),
                "leave it out for --format csv",
            ],
        );
    }
    assert!(!Path::new(out).exists());
}

#[test]
fn text_options_have_a_length_limit_that_the_message_names() {
    let (folder, path) = sample_journal();
    let long = |n: usize| "x".repeat(n);
    let report = folder.path().join("report.md");
    let report = report.to_str().unwrap();
    for (flag, limit, what) in [
        ("--therapist", 100, "a therapist's name"),
        ("--note", 5000, "a note"),
    ] {
        let too_long = long(limit + 1);
        let message = refused(
            &path,
            &strs(&session_add_args(&[flag, &too_long])),
            USAGE,
            &[&format!(
                "{flag} is {} characters long; {what} is at most {limit} characters, so shorten it",
                limit + 1
            )],
        );
        assert!(!message.contains(&too_long), "the text is not repeated");
    }
    let message = refused(
        &path,
        &strs(&session_add_args(&[
            "--kind",
            "other",
            "--kind-name",
            &long(100_000),
        ])),
        USAGE,
        &["--kind-name is 100000 characters long; a kind's name is at most 100 characters"],
    );
    assert!(message.len() < 1000, "{} bytes", message.len());
    refused(
        &path,
        &["log", "--date", "2026-01-05", "--note", &long(5001)],
        USAGE,
        &["--note is 5001 characters long; a note is at most 5000 characters"],
    );
    refused(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--name",
            &long(101),
            "--out",
            report,
        ],
        USAGE,
        &["--name is 101 characters long; the name on a report is at most 100 characters"],
    );
    refused(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--message",
            &long(1001),
            "--out",
            report,
        ],
        USAGE,
        &["--message is 1001 characters long; the message is at most 1000 characters"],
    );
    // At the limit is fine; characters are counted, not bytes.
    let output = run_on(
        &path,
        &strs(&session_add_args(&[
            "--therapist",
            &"Å".repeat(100),
            "--note",
            &"é".repeat(5000),
        ])),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!Path::new(report).exists());
}

#[test]
fn text_options_refuse_control_characters_but_notes_keep_new_lines_and_tabs() {
    let (folder, path) = sample_journal();
    let report = folder.path().join("report.md");
    let report = report.to_str().unwrap();
    for (flag, text) in [
        ("--therapist", "Anna\u{1b}[31mBerg"),
        ("--therapist", "Anna\nBerg"),
        ("--note", "ok\u{7}"),
        ("--note", "a\u{7f}b"),
    ] {
        refused(
            &path,
            &strs(&session_add_args(&[flag, text])),
            USAGE,
            &[&format!("{flag} holds a control character"), "so remove it"],
        );
    }
    refused(
        &path,
        &strs(&session_add_args(&[
            "--kind",
            "other",
            "--kind-name",
            "Hot\tstone",
        ])),
        USAGE,
        &["--kind-name holds a control character (U+0009, character 4)"],
    );
    refused(
        &path,
        &["log", "--date", "2026-01-05", "--note", "bad\u{1b}"],
        USAGE,
        &[
            "--note holds a control character (U+001B, character 4)",
            "new lines and tabs",
        ],
    );
    for flag in ["--name", "--message"] {
        refused(
            &path,
            &["export", "--format", "md", flag, "x\u{8}", "--out", report],
            USAGE,
            &[&format!("{flag} holds a control character (U+0008")],
        );
    }
    refused(
        &path,
        &["export", "--format", "md", "--name", " ", "--out", report],
        USAGE,
        &["--name is empty; leave --name out for a report without a name"],
    );
    let output = run_on(
        &path,
        &[
            "log",
            "--date",
            "2026-01-05",
            "--note",
            "Line one\r\n\tLine two",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        common::load(&path)
            .day(common::date("2026-01-05"))
            .unwrap()
            .note,
        "Line one\n\tLine two"
    );
}
