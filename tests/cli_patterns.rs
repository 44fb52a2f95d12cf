//! `painlog patterns`: the JSON the issue fixes, its numbers against hand-computed ones, the
//! sentences, and bad arguments refused with the file untouched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use painlog::model::Journal;
use serde_json::Value;

fn json_of(path: &std::path::Path, args: &[&str]) -> Value {
    let out = run_cli(path, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn close(value: &Value, expected: f64) -> bool {
    (value.as_f64().unwrap() - expected).abs() < 1e-9
}

#[test]
fn the_json_has_the_shape_and_the_numbers() {
    let (_folder, path) = journal_in_temp();
    save(&path, &patterns_journal());
    let json = json_of(&path, &["patterns", "--json"]);
    assert_eq!(json["from"], "2026-05-01");
    assert_eq!(json["to"], "2026-05-13");
    assert_eq!(json["metric"], "pain");
    let keys = |value: &Value| {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&json), ["factors", "from", "measures", "metric", "to"]);
    let sleep = json["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["measure"] == "sleep" && m["lag"] == 0)
        .unwrap();
    assert_eq!(keys(sleep), ["ci95", "lag", "measure", "n", "r", "verdict"]);
    assert!(close(&sleep["r"], -0.956_955_212_069_629_4));
    assert!(close(&sleep["ci95"][0], -0.988_161_051_676_755_3));
    assert!(close(&sleep["ci95"][1], -0.849_712_762_249_013_7));
    assert_eq!(sleep["n"], 12);
    assert_eq!(sleep["verdict"], "goes_with_lower");
    // Stress is never logged: no pairs, no r.
    let stress = json["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["measure"] == "stress" && m["lag"] == 1)
        .unwrap();
    assert_eq!(
        (&stress["r"], &stress["ci95"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(stress["verdict"], "not_enough_data");
    let ibuprofen = json["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["factor"]["name"] == "Ibuprofen" && f["lag"] == 0)
        .unwrap();
    assert_eq!(
        keys(ibuprofen),
        [
            "ci95",
            "days_with",
            "days_without",
            "difference",
            "factor",
            "lag",
            "verdict",
            "with_mean",
            "without_mean"
        ]
    );
    assert_eq!(ibuprofen["factor"]["kind"], "medication");
    assert!(close(&ibuprofen["with_mean"], 6.25));
    assert!(close(&ibuprofen["without_mean"], 3.75));
    assert!(close(&ibuprofen["difference"], 2.5));
    assert!(close(&ibuprofen["ci95"][0], 0.642_355_106_906_970_6));
    assert!(close(&ibuprofen["ci95"][1], 4.357_644_893_093_029));
    assert_eq!(
        (&ibuprofen["days_with"], &ibuprofen["days_without"]),
        (&4.into(), &8.into())
    );
    assert_eq!(ibuprofen["verdict"], "goes_with_higher");
    let swedish = json["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["factor"]["kind"] == "session_kind" && f["lag"] == 0)
        .unwrap();
    assert_eq!(swedish["factor"]["name"], "Swedish");
    assert_eq!(swedish["difference"], Value::Null);
    assert_eq!(swedish["verdict"], "not_enough_data");

    // A shorter period and another metric: sleep against pain becomes pain against sleep.
    let json = json_of(
        &path,
        &[
            "patterns",
            "--json",
            "--metric",
            "sleep",
            "--from",
            "2026-05-02",
            "--to",
            "2026-05-12",
        ],
    );
    assert_eq!(
        (&json["from"], &json["metric"]),
        (&"2026-05-02".into(), &"sleep".into())
    );
    let pain = json["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["measure"] == "pain" && m["lag"] == 0)
        .unwrap();
    assert_eq!(pain["n"], 11);
}

#[test]
fn the_sentences_name_only_clear_patterns_and_say_it_is_not_cause() {
    let (_folder, path) = journal_in_temp();
    save(&path, &patterns_journal());
    let out = run_cli(&path, &["patterns"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Goes together with, which does not mean it causes."),
        "{text}"
    );
    assert!(
        text.contains("1. Higher sleep quality (the night before) went with lower pain the same day (r = −0.96, 95% interval −0.99 to −0.85; 12 days).\n"),
        "{text}"
    );
    assert!(
        text.contains("2. Days you took Ibuprofen went with higher pain the same day: 6.2 against 3.8 on other days (2.5 higher, 95% interval 0.6 to 4.4 higher; 4 days with, 8 without). A medication taken because a day is bad goes with bad days for that reason alone.\n"),
        "{text}"
    );
    assert!(!text.contains("3. "), "two clear patterns: {text}");
    assert!(
        text.contains("- Sleep quality (the night before) and pain the next day: no clear pattern (r = 0.15, 95% interval −0.49 to 0.69; 11 days).\n"),
        "{text}"
    );
    assert!(
        text.contains("- Stress and pain the same day: not enough days yet (0 of 10).\n"),
        "{text}"
    );
}

#[test]
fn bad_arguments_are_refused_and_nothing_is_written() {
    let (folder, path) = journal_in_temp();
    save(&path, &patterns_journal());
    let before = std::fs::read(&path).unwrap();
    let files = || {
        let mut names: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let listed = files();
    for (args, expected) in [
        (
            vec!["--metric", "happiness"],
            "unknown metric \"happiness\"",
        ),
        (
            vec!["--from", "2026-05-10", "--to", "2026-05-01"],
            "starts (2026-05-10) after it ends",
        ),
        (vec!["--from", "2026-02-30"], "--from"),
    ] {
        let mut all = vec!["patterns"];
        all.extend(args.iter().copied());
        let out = run_cli(&path, &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(message.contains(expected), "{expected} in {message}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(files(), listed);
}

#[test]
fn an_empty_journal_has_nothing_to_say_yet() {
    let (_folder, path) = journal_in_temp();
    save(&path, &Journal::new());
    let json = json_of(&path, &["patterns", "--json"]);
    assert!(
        json["measures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["verdict"] == "not_enough_data")
    );
    assert_eq!(json["factors"], Value::Array(Vec::new()));
    let out = run_cli(&path, &["patterns"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("No clear pattern yet"));
}

#[test]
fn the_report_names_the_strongest_patterns() {
    let (folder, path) = journal_in_temp();
    save(&path, &patterns_journal());
    let md = folder.path().join("report.md");
    let out = run_cli(
        &path,
        &[
            "export",
            "--format",
            "md",
            "--all",
            "--out",
            md.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.contains("\n## What went with worse or better days\n\n- Higher sleep quality (the night before) went with lower pain the same day (r = −0.96, 95% interval −0.99 to −0.85; 12 days).\n- Days you took Ibuprofen went with higher pain the same day: "),
        "{text}"
    );
    assert!(
        text.contains("*Goes together with, which does not mean it causes.*"),
        "{text}"
    );
    let json = folder.path().join("report.json");
    run_cli(
        &path,
        &[
            "export",
            "--format",
            "json",
            "--all",
            "--out",
            json.to_str().unwrap(),
        ],
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let patterns = json["patterns"].as_array().unwrap();
    assert_eq!(patterns.len(), 2);
    assert_eq!(patterns[0]["verdict"], "goes_with_lower");
    assert_eq!(patterns[1]["lag"], 0);
}
