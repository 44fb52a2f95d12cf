//! `painlog effects`: the JSON shape, the same numbers as the analysis, bad settings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::run_cli as run;

use painlog::analysis::{EffectSettings, JournalIndex, effects};
use painlog::demo::{self, DemoSpec};
use painlog::model::Metric;
use serde_json::Value;

fn demo_journal(path: &std::path::Path) -> painlog::model::Journal {
    let journal = demo::generate(DemoSpec {
        years: 1,
        sessions: 20,
        seed: 9,
        end: common::today(),
    });
    common::save(path, &journal);
    journal
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn json_has_the_documented_shape_and_the_analysis_numbers() {
    let (_folder, path) = common::journal_in_temp();
    let journal = demo_journal(&path);
    let output = run(
        &path,
        &["effects", "--window", "5", "--min-days", "2", "--json"],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["window"], 5);
    assert_eq!(json["min_days"], 2);

    let expected = effects(
        &journal,
        &JournalIndex::new(&journal),
        EffectSettings::new(5, 2).unwrap(),
    );
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), expected.sessions.len());
    let metric_keys = ["pain", "sleep", "stiffness", "stress", "worst_pain"];
    for (value, effect) in sessions.iter().zip(&expected.sessions) {
        assert_eq!(value["id"], effect.session_id.0);
        assert_eq!(
            value["start"],
            effect.start.format("%Y-%m-%dT%H:%M").to_string()
        );
        assert_eq!(value["kind"], effect.kind.cli_name());
        assert_eq!(value["therapist"].as_str(), effect.therapist.as_deref());
        assert_eq!(keys(&value["metrics"]), metric_keys);
        for metric in Metric::ALL {
            let m = &value["metrics"][metric.key()];
            assert_eq!(
                keys(m),
                [
                    "after_days",
                    "after_mean",
                    "before_days",
                    "before_mean",
                    "change"
                ]
            );
            let e = &effect.metrics[metric];
            assert_eq!(
                m["before_mean"].as_f64(),
                e.before.mean,
                "full precision, null when too few"
            );
            assert_eq!(m["after_mean"].as_f64(), e.after.mean);
            assert_eq!(m["change"].as_f64(), e.change());
            assert_eq!(m["before_days"], e.before.days);
            assert_eq!(m["after_days"], e.after.days);
        }
        assert_eq!(
            value["immediate_relief"].as_i64(),
            effect.immediate_relief.map(i64::from)
        );
    }
    let starts: Vec<&str> = sessions
        .iter()
        .map(|s| s["start"].as_str().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "listed by start");

    for group in ["by_kind", "by_therapist"] {
        assert!(!json[group].as_object().unwrap().is_empty());
        for (_, summary) in json[group].as_object().unwrap() {
            assert_eq!(keys(summary), metric_keys);
            for metric in metric_keys {
                assert_eq!(
                    keys(&summary[metric]),
                    [
                        "ci95",
                        "improved",
                        "mean_change",
                        "median_change",
                        "n",
                        "unchanged",
                        "worse"
                    ]
                );
                let n = summary[metric]["n"].as_u64().unwrap();
                assert_eq!(
                    summary[metric]["ci95"].is_null(),
                    n < 3,
                    "no interval below three"
                );
                assert_eq!(summary[metric]["mean_change"].is_null(), n == 0);
            }
        }
    }
    let deep = &expected.by_kind[&painlog::model::KindChoice::DeepTissue].metrics[Metric::Pain];
    assert_eq!(
        json["by_kind"]["deep-tissue"]["pain"]["mean_change"].as_f64(),
        deep.mean_change
    );
    assert_eq!(keys(&json["baseline"]), metric_keys);
    assert_eq!(
        json["baseline"]["pain"]["n"],
        expected.baseline[Metric::Pain].n
    );
    assert_eq!(
        json["baseline"]["pain"]["mean_change"].as_f64(),
        expected.baseline[Metric::Pain].mean_change
    );
}

#[test]
fn the_table_says_not_enough_data_and_the_honest_caveats() {
    let (_folder, path) = common::journal_in_temp();
    demo_journal(&path);
    let output = run(&path, &["effects"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("Pain before and after each session"),
        "{text}"
    );
    assert!(text.contains(painlog::analysis::REGRESSION_NOTE));
    assert!(text.contains("Baseline:"));
    assert!(text.contains("By kind") && text.contains("By therapist"));
    assert!(text.contains("diary, not a diagnosis"));
    let sleep = run(&path, &["effects", "--metric", "sleep"]);
    assert!(String::from_utf8_lossy(&sleep.stdout).contains("Higher is better for sleep quality"));
}

#[test]
fn an_empty_journal_has_nothing_to_compare() {
    let (_folder, path) = common::journal_in_temp();
    let output = run(&path, &["effects"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("No sessions yet"));
    let json: Value = serde_json::from_slice(&run(&path, &["effects", "--json"]).stdout).unwrap();
    assert_eq!(json["sessions"], serde_json::json!([]));
    assert_eq!(json["baseline"]["pain"]["n"], 0);
    assert!(json["baseline"]["pain"]["mean_change"].is_null());
}

#[test]
fn bad_settings_name_the_argument() {
    let (_folder, path) = common::journal_in_temp();
    for (args, flag, words) in [
        (vec!["--window", "0"], "--window", "1 to 28"),
        (vec!["--window", "29"], "--window", "1 to 28"),
        (
            vec!["--window", "5", "--min-days", "6"],
            "--min-days",
            "window length (5)",
        ),
        (vec!["--min-days", "0"], "--min-days", "1 to the window"),
        (vec!["--metric", "mood"], "--metric", "pain, worst-pain"),
    ] {
        let mut all = vec!["effects"];
        all.extend(args.iter().copied());
        let output = run(&path, &all);
        assert_eq!(output.status.code(), Some(2), "{all:?}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains(flag) && message.contains(words),
            "{all:?}: {message}"
        );
    }
}
