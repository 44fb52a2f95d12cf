//! `painlog effects`: the JSON shape and the table, with numbers worked out by hand for a small
//! journal; bad settings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::run_cli as run;

use painlog::model::{Journal, SessionKind};
use serde_json::{Value, json};

/// Pain (0–10) by day, in 2026; days not listed are not logged, and nothing else is logged.
const PAIN: &[(&str, u8)] = &[
    // Quiet days long before the first session: the baseline's "before" windows.
    ("02-22", 6),
    ("02-23", 6),
    ("02-24", 6),
    // The week before session 1 (3 March not logged).
    ("03-01", 8),
    ("03-02", 6),
    ("03-04", 7),
    ("03-05", 7),
    ("03-06", 6),
    ("03-07", 8),
    // Between session 1 (8 March) and session 2 (12 March).
    ("03-09", 4),
    ("03-10", 3),
    ("03-11", 5),
    // After session 2 (16 March not logged).
    ("03-13", 3),
    ("03-14", 2),
    ("03-15", 4),
    ("03-17", 3),
    ("03-18", 2),
    ("03-19", 5),
    // Before session 3 (25 March; 21 and 23 March not logged).
    ("03-20", 5),
    ("03-22", 6),
    ("03-24", 7),
    // After session 3: only two days.
    ("03-26", 3),
    ("03-28", 2),
    // Around session 4 (10 April).
    ("04-05", 5),
    ("04-06", 5),
    ("04-08", 6),
    ("04-11", 6),
    ("04-12", 6),
    ("04-14", 5),
];

/// A journal small enough to work out by hand, saved at `path`: pain on the days of [`PAIN`] and
/// four sessions (ids 1 to 4):
/// 1. 8 Mar 2026 10:00, deep tissue, Anna, pain 6 right before and 3 right after;
/// 2. 12 Mar 10:00, deep tissue, Anna;
/// 3. 25 Mar 10:00, Swedish, Ben;
/// 4. 10 Apr 10:00, deep tissue, Anna, pain 5 right before and 5 right after.
fn small_journal(path: &std::path::Path) {
    let mut journal = Journal::new();
    for (day, pain) in PAIN {
        journal.set_day(common::day(&format!("2026-{day}"), *pain));
    }
    for (start, kind, therapist, right_before_after) in [
        (
            "2026-03-08 10:00",
            SessionKind::DeepTissue,
            "Anna",
            Some((6, 3)),
        ),
        ("2026-03-12 10:00", SessionKind::DeepTissue, "Anna", None),
        ("2026-03-25 10:00", SessionKind::Swedish, "Ben", None),
        (
            "2026-04-10 10:00",
            SessionKind::DeepTissue,
            "Anna",
            Some((5, 5)),
        ),
    ] {
        let mut session = common::session(start, kind);
        session.therapist = Some(therapist.into());
        if let Some((before, after)) = right_before_after {
            session.pain_before = common::score(before);
            session.pain_after = common::score(after);
        }
        journal.add_session(session);
    }
    common::save(path, &journal);
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

/// `value` is `expected` to within rounding (the CLI prints full precision).
#[track_caller]
fn assert_near(value: &Value, expected: f64, what: &str) {
    let found = value
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: a number expected, found {value}"));
    assert!(
        (found - expected).abs() < 1e-9,
        "{what}: {found}, worked out by hand as {expected}"
    );
}

/// `painlog effects ARGS` on `path`, which must succeed, as JSON.
fn effects_json(path: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["effects", "--json"];
    all.extend(args);
    let output = run(path, &all);
    assert!(
        output.status.success(),
        "{all:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Pain's before mean, after mean, change and the days behind each of session `index`.
#[track_caller]
fn assert_pain_window(
    json: &Value,
    index: usize,
    (before, before_days): (Option<f64>, u64),
    (after, after_days): (Option<f64>, u64),
    change: Option<f64>,
) {
    let pain = &json["sessions"][index]["metrics"]["pain"];
    let id = &json["sessions"][index]["id"];
    for (key, expected) in [
        ("before_mean", before),
        ("after_mean", after),
        ("change", change),
    ] {
        match expected {
            Some(expected) => assert_near(&pain[key], expected, &format!("session {id} {key}")),
            None => assert!(
                pain[key].is_null(),
                "session {id} {key}: null (not enough data, never 0), found {}",
                pain[key]
            ),
        }
    }
    assert_eq!(pain["before_days"], before_days, "session {id} before_days");
    assert_eq!(pain["after_days"], after_days, "session {id} after_days");
}

const METRIC_KEYS: [&str; 5] = ["pain", "sleep", "stiffness", "stress", "worst_pain"];

#[test]
fn json_has_the_documented_shape() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let json = effects_json(&path, &[]);
    assert_eq!(json["window"], 7, "k is 7 by default");
    assert_eq!(json["min_days"], 3, "m is 3 by default");

    let sessions = json["sessions"].as_array().unwrap();
    let listed: Vec<(u64, &str, &str, &str)> = sessions
        .iter()
        .map(|s| {
            (
                s["id"].as_u64().unwrap(),
                s["start"].as_str().unwrap(),
                s["kind"].as_str().unwrap(),
                s["therapist"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (1, "2026-03-08T10:00", "deep-tissue", "Anna"),
            (2, "2026-03-12T10:00", "deep-tissue", "Anna"),
            (3, "2026-03-25T10:00", "swedish", "Ben"),
            (4, "2026-04-10T10:00", "deep-tissue", "Anna"),
        ],
        "every session, by start"
    );
    for session in sessions {
        assert_eq!(keys(&session["metrics"]), METRIC_KEYS);
        for metric in METRIC_KEYS {
            assert_eq!(
                keys(&session["metrics"][metric]),
                [
                    "after_days",
                    "after_mean",
                    "before_days",
                    "before_mean",
                    "change"
                ]
            );
        }
        // Only pain is logged: every other metric has no day behind it, and null, never 0.
        for metric in ["sleep", "stiffness", "stress", "worst_pain"] {
            let m = &session["metrics"][metric];
            assert_eq!(
                (&m["before_days"], &m["after_days"]),
                (&Value::from(0), &Value::from(0)),
                "{metric}"
            );
            assert!(
                m["before_mean"].is_null() && m["after_mean"].is_null() && m["change"].is_null(),
                "{metric}: {m}"
            );
        }
    }

    for group in ["by_kind", "by_therapist"] {
        for (_, summary) in json[group].as_object().unwrap() {
            assert_eq!(keys(summary), METRIC_KEYS);
            for metric in METRIC_KEYS {
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
            }
        }
    }
    assert_eq!(keys(&json["by_kind"]), ["deep-tissue", "swedish"]);
    assert_eq!(keys(&json["by_therapist"]), ["Anna", "Ben"]);
    assert_eq!(keys(&json["baseline"]), METRIC_KEYS);
    for metric in METRIC_KEYS {
        assert_eq!(
            keys(&json["baseline"][metric]),
            ["ci95", "mean_change", "median_change", "n"]
        );
    }
}

#[test]
fn json_pain_windows_are_the_ones_worked_out_by_hand() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let json = effects_json(&path, &[]);
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 4);
    // k = 7, m = 3. Before: the 7 days before the session day, from the day after the previous
    // session day; after: the 7 days after it, up to the day before the next session day; each
    // the mean of its logged days, null below 3.
    // 1 (8 Mar): before 1–7 Mar, logged all but 3 Mar: (8+6+7+7+6+8)/6 = 42/6 = 7.0;
    //   after 9–11 Mar (12 Mar is session 2): (4+3+5)/3 = 4.0; change 4.0 − 7.0 = −3.0.
    assert_pain_window(&json, 0, (Some(7.0), 6), (Some(4.0), 3), Some(-3.0));
    // 2 (12 Mar): before 9–11 Mar (from the day after session 1): 4.0 on 3 days; after 13–19 Mar
    //   without 16 Mar: (3+2+4+3+2+5)/6 = 19/6; change 19/6 − 4 = −5/6.
    assert_pain_window(
        &json,
        1,
        (Some(4.0), 3),
        (Some(19.0 / 6.0), 6),
        Some(-5.0 / 6.0),
    );
    // 3 (25 Mar): before 18–24 Mar without 21 and 23 Mar: (2+5+5+6+7)/5 = 5.0; after 26 Mar –
    //   1 Apr: only 26 and 28 Mar, 2 days < 3: not enough data, so no change either.
    assert_pain_window(&json, 2, (Some(5.0), 5), (None, 2), None);
    // 4 (10 Apr): before 3–9 Apr: 5, 6 and 8 Apr, (5+5+6)/3 = 16/3; after 11–17 Apr: 11, 12
    //   and 14 Apr, (6+6+5)/3 = 17/3; change 1/3.
    assert_pain_window(
        &json,
        3,
        (Some(16.0 / 3.0), 3),
        (Some(17.0 / 3.0), 3),
        Some(1.0 / 3.0),
    );
    // Right before − right after: 6 − 3 and 5 − 5; none where either is missing.
    let relief: Vec<&Value> = sessions.iter().map(|s| &s["immediate_relief"]).collect();
    assert_eq!(relief, [&json!(3), &Value::Null, &Value::Null, &json!(0)]);
    // A meaningful drop is at least 2 points or 30%: only session 1 (−3.0); −5/6 from 4.0 is
    // 21%, and 1/3 is a rise.
    let drops: Vec<&Value> = sessions
        .iter()
        .map(|s| &s["meaningful_pain_drop"])
        .collect();
    assert_eq!(
        drops,
        [&json!(true), &json!(false), &json!(false), &json!(false)]
    );
}

#[test]
fn json_groups_and_baseline_are_the_ones_worked_out_by_hand() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let json = effects_json(&path, &[]);

    // Deep tissue (all Anna's): changes −3, −5/6 and +1/3. Mean (−18 − 5 + 2)/6 / 3 = −7/6;
    // median −5/6. The interval from three on: deviations from −7/6 are −11/6, 2/6 and 9/6, so
    // the sample variance is (121 + 4 + 81)/36 / 2 = 103/36 and the standard deviation √103/6;
    // t(2) = 4.303, so the half-width is 4.303 × √103/6 / √3 = 4.2022.
    // Better (−3, −5/6), within half a point (+1/3), worse: 2, 1, 0.
    let half = 4.303 * 103.0_f64.sqrt() / 6.0 / 3.0_f64.sqrt();
    for (group, name) in [("by_kind", "deep-tissue"), ("by_therapist", "Anna")] {
        let pain = &json[group][name]["pain"];
        let what = format!("{group} {name}");
        assert_eq!(pain["n"], 3, "{what}");
        assert_near(&pain["mean_change"], -7.0 / 6.0, &format!("{what} mean"));
        assert_near(
            &pain["median_change"],
            -5.0 / 6.0,
            &format!("{what} median"),
        );
        assert_near(
            &pain["ci95"][0],
            -7.0 / 6.0 - half,
            &format!("{what} ci95 low"),
        );
        assert_near(
            &pain["ci95"][1],
            -7.0 / 6.0 + half,
            &format!("{what} ci95 high"),
        );
        assert_eq!(
            (&pain["improved"], &pain["unchanged"], &pain["worse"]),
            (&json!(2), &json!(1), &json!(0)),
            "{what}"
        );
    }
    // Swedish (Ben's one session): no change, so n 0 and nulls, never 0.
    for (group, name) in [("by_kind", "swedish"), ("by_therapist", "Ben")] {
        let pain = &json[group][name]["pain"];
        assert_eq!(pain["n"], 0, "{group} {name}");
        for key in ["mean_change", "median_change", "ci95"] {
            assert!(pain[key].is_null(), "{group} {name} {key}: {}", pain[key]);
        }
    }

    // The baseline: every day of the journal (22 Feb – 14 Apr) at least 7 days from every
    // session day (8, 12, 25 Mar, 10 Apr): 22 Feb – 1 Mar and 1–3 Apr. Of those, 22–24 Feb have
    // fewer than 3 logged days before them, and so have 1–3 Apr (only 26 and 28 Mar since
    // session 3). The other five have 6.0 on 3 days before (22–24 Feb), and after, up to 7 Mar:
    //   25 Feb: 26 Feb – 4 Mar, (8+6+7)/3 = 7.0, change +1.0
    //   26 Feb: 27 Feb – 5 Mar, (8+6+7+7)/4 = 7.0, change +1.0
    //   27 Feb: 28 Feb – 6 Mar, (8+6+7+7+6)/5 = 6.8, change +0.8
    //   28 Feb: 1–7 Mar, 42/6 = 7.0, change +1.0
    //   1 Mar: 2–7 Mar, (6+7+7+6+8)/5 = 6.8, change +0.8
    // n 5, mean 4.6/5 = 0.92, median 1.0. The interval: deviations 0.08 (three times) and −0.12
    // (twice), variance (3 × 0.0064 + 2 × 0.0144)/4 = 0.012, t(4) = 2.776, so the half-width is
    // 2.776 × √0.012 / √5.
    let baseline = &json["baseline"]["pain"];
    assert_eq!(baseline["n"], 5, "baseline days: {baseline}");
    assert_near(&baseline["mean_change"], 0.92, "baseline mean");
    assert_near(&baseline["median_change"], 1.0, "baseline median");
    let half = 2.776 * 0.012_f64.sqrt() / 5.0_f64.sqrt();
    assert_near(&baseline["ci95"][0], 0.92 - half, "baseline ci95 low");
    assert_near(&baseline["ci95"][1], 0.92 + half, "baseline ci95 high");
    assert_eq!(json["baseline"]["sleep"]["n"], 0, "sleep is never logged");
}

#[test]
fn window_and_min_days_change_the_windows_and_what_is_enough() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let json = effects_json(&path, &["--window", "3", "--min-days", "2"]);
    assert_eq!(
        (&json["window"], &json["min_days"]),
        (&json!(3), &json!(2)),
        "the settings given"
    );
    // k = 3, m = 2.
    // 1 (8 Mar): before 5–7 Mar (7+6+8)/3 = 7.0; after 9–11 Mar 4.0; change −3.0.
    assert_pain_window(&json, 0, (Some(7.0), 3), (Some(4.0), 3), Some(-3.0));
    // 2 (12 Mar): before 9–11 Mar 4.0; after 13–15 Mar (3+2+4)/3 = 3.0; change −1.0.
    assert_pain_window(&json, 1, (Some(4.0), 3), (Some(3.0), 3), Some(-1.0));
    // 3 (25 Mar): before 22–24 Mar, 2 days (6+7)/2 = 6.5; after 26–28 Mar, 2 days (3+2)/2 = 2.5:
    //   enough with m = 2 (not with 3, above); change −4.0, a meaningful drop.
    assert_pain_window(&json, 2, (Some(6.5), 2), (Some(2.5), 2), Some(-4.0));
    assert_eq!(json["sessions"][2]["meaningful_pain_drop"], true);
    // 4 (10 Apr): before 7–9 Apr, only 8 Apr: 1 day < 2, not enough data; after 11–13 Apr
    //   (6+6)/2 = 6.0.
    assert_pain_window(&json, 3, (None, 1), (Some(6.0), 2), None);
    // Deep tissue: −3.0 and −1.0 (session 4 has no change): mean and median −2.0, no interval
    // below three. Swedish: −4.0 alone.
    let deep = &json["by_kind"]["deep-tissue"]["pain"];
    assert_eq!(deep["n"], 2);
    assert_near(&deep["mean_change"], -2.0, "deep tissue mean");
    assert_near(&deep["median_change"], -2.0, "deep tissue median");
    assert!(deep["ci95"].is_null(), "no interval below three: {deep}");
    let swedish = &json["by_kind"]["swedish"]["pain"];
    assert_eq!(swedish["n"], 1);
    assert_near(&swedish["mean_change"], -4.0, "swedish mean");
}

/// The table's line whose first word is `first`, its words joined by one space (column widths
/// aside).
#[track_caller]
fn row(text: &str, first: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>())
        .find(|words| words.first() == Some(&first))
        .unwrap_or_else(|| panic!("no line starting with {first:?} in:\n{text}"))
        .join(" ")
}

#[test]
fn the_table_says_not_enough_data_and_the_honest_caveats() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let output = run(&path, &["effects"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("Pain before and after each session: the mean of the 7 days before and after (at least 3 logged days each).\n"),
        "{text}"
    );
    assert!(text.contains(painlog::analysis::REGRESSION_NOTE), "{text}");
    // The numbers of the JSON tests above, to one decimal; "too few" is the table's "not enough
    // data", with the days it has. RELIEF is right before − right after; * a meaningful drop.
    let rows = [
        "ID START KIND THERAPIST BEFORE AFTER CHANGE RELIEF",
        "1 2026-03-08 10:00 Deep tissue Anna 7.0 (6d) 4.0 (3d) -3.0 +3 *",
        // 19/6 = 3.17 and −5/6 = −0.83.
        "2 2026-03-12 10:00 Deep tissue Anna 4.0 (3d) 3.2 (6d) -0.8 –",
        // 2 logged days after it, fewer than 3: not enough data, and no change; never 0.
        "3 2026-03-25 10:00 Swedish Ben 5.0 (5d) too few (2d) too few –",
        // 16/3 = 5.33, 17/3 = 5.67, +1/3.
        "4 2026-04-10 10:00 Deep tissue Anna 5.3 (3d) 5.7 (3d) +0.3 +0",
    ];
    for expected in rows {
        let first = expected.split(' ').next().unwrap();
        assert_eq!(row(&text, first), expected, "in:\n{text}");
    }
    // By kind and by therapist: N, mean −7/6, median −5/6, the interval −7/6 ± 4.20, better /
    // same / worse; Swedish, Ben's, has no session with enough data.
    assert!(
        text.contains("\nBy kind") && text.contains("\nBy therapist"),
        "{text}"
    );
    for expected in [
        "Deep tissue 3 -1.2 -0.8 -5.4 to +3.0 2 1 0",
        "Anna 3 -1.2 -0.8 -5.4 to +3.0 2 1 0",
        "Swedish 0 – – – 0 0 0",
        "Ben 0 – – – 0 0 0",
    ] {
        let first = expected.split(' ').next().unwrap();
        assert_eq!(row(&text, first), expected, "in:\n{text}");
    }
    // The baseline: 5 days, mean 0.92, median 1.0; all sessions: −7/6 over 3.
    assert!(
        text.contains("\nBaseline: around 5 days at least 7 days from any session, the same change has a mean of +0.9 (median +1.0).\n"),
        "{text}"
    );
    assert!(
        text.contains("\nAll sessions: a mean change of -1.2 over 3 sessions with enough data.\n"),
        "{text}"
    );
    assert!(text.contains("diary, not a diagnosis"), "{text}");
}

#[test]
fn the_sleep_table_says_higher_is_better_and_has_no_day_behind_a_window() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let sleep = run(&path, &["effects", "--metric", "sleep"]);
    let sleep = String::from_utf8_lossy(&sleep.stdout);
    assert!(
        sleep.contains("Higher is better for sleep quality"),
        "{sleep}"
    );
    // Sleep is never logged: every window has 0 days. RELIEF is pain's, whatever the metric.
    assert_eq!(
        row(&sleep, "1"),
        "1 2026-03-08 10:00 Deep tissue Anna too few (0d) too few (0d) too few +3",
        "in:\n{sleep}"
    );
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
