//! `painlog effects`: the JSON shape and the table, with numbers worked out by hand for a small
//! journal; bad settings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::run_cli as run;

use painlog::model::{Journal, Region, SessionKind};
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

/// Where it hurt, on some of the days of [`PAIN`] (the others: nowhere). Regions change no score,
/// so they change none of the numbers worked out for pain; only `by_focus_region`.
const REGIONS: &[(&str, &[Region])] = &[
    ("02-22", &[Region::Neck]),
    ("02-23", &[Region::Neck]),
    ("03-01", &[Region::Neck]),
    ("03-02", &[Region::Neck, Region::LowerBack]),
    ("03-04", &[Region::Neck]),
    ("03-05", &[Region::Neck]),
    ("03-07", &[Region::Neck, Region::LowerBack]),
    ("03-09", &[Region::Neck]),
    ("03-15", &[Region::Neck]),
    ("03-19", &[Region::LowerBack]),
    ("03-20", &[Region::LowerBack]),
    ("03-22", &[Region::LowerBack]),
    ("03-24", &[Region::LowerBack]),
    ("03-26", &[Region::LowerBack]),
    ("03-28", &[Region::LowerBack]),
];

/// A journal small enough to work out by hand, saved at `path`: pain on the days of [`PAIN`],
/// regions on those of [`REGIONS`], and four sessions (ids 1 to 4):
/// 1. 8 Mar 2026 10:00, deep tissue, Anna, on the neck, pain 6 right before and 3 right after;
/// 2. 12 Mar 10:00, deep tissue, Anna, on the neck;
/// 3. 25 Mar 10:00, Swedish, Ben, on the neck and the lower back;
/// 4. 10 Apr 10:00, deep tissue, Anna, no focus given, pain 5 right before and 5 right after.
fn small_journal(path: &std::path::Path) {
    let mut journal = Journal::new();
    for (day, pain) in PAIN {
        let mut logged = common::day(&format!("2026-{day}"), *pain);
        if let Some((_, regions)) = REGIONS.iter().find(|(on, _)| on == day) {
            logged.regions = painlog::model::regions_map(regions.iter().copied());
        }
        journal.set_day(logged);
    }
    for (start, kind, therapist, focus, right_before_after) in [
        (
            "2026-03-08 10:00",
            SessionKind::DeepTissue,
            "Anna",
            &[Region::Neck][..],
            Some((6, 3)),
        ),
        (
            "2026-03-12 10:00",
            SessionKind::DeepTissue,
            "Anna",
            &[Region::Neck][..],
            None,
        ),
        (
            "2026-03-25 10:00",
            SessionKind::Swedish,
            "Ben",
            &[Region::Neck, Region::LowerBack][..],
            None,
        ),
        (
            "2026-04-10 10:00",
            SessionKind::DeepTissue,
            "Anna",
            &[][..],
            Some((5, 5)),
        ),
    ] {
        let mut session = common::session(start, kind);
        session.therapist = Some(therapist.into());
        session.focus = painlog::model::regions_set(focus.iter().copied());
        if let Some((before, after)) = right_before_after {
            session.pain_before = common::score(before);
            session.pain_after = common::score(after);
        }
        journal.add_session(session);
    }
    common::save(path, &journal);
}

/// Pain (0–10) by day, in 2026, of a journal for the comparison with ordinary weeks with k = 1
/// and m = 1 (`--window 1 --min-days 1`), where each window is one day and each change is the
/// day after − the day before. Days not listed are not logged.
const COMPARED_PAIN: &[(&str, u8)] = &[
    // No session in April: the ordinary days.
    ("04-01", 4),
    ("04-02", 4),
    ("04-03", 5),
    ("04-04", 5),
    ("04-05", 5),
    ("04-06", 5),
    ("04-07", 6),
    ("04-08", 5),
    ("04-09", 5),
    ("04-10", 4),
    ("04-11", 5),
    ("04-12", 6),
    // Sessions every third day from 4 May: the day before and the day after each.
    ("05-03", 7),
    ("05-05", 4),
    ("05-06", 5),
    ("05-08", 4),
    ("05-09", 7),
    ("05-11", 3),
    ("05-12", 5),
    ("05-14", 5),
    ("05-15", 6),
    ("05-17", 4),
    ("05-18", 6),
    ("05-20", 4),
];

/// The journal of [`COMPARED_PAIN`], saved at `path`, with six sessions: deep tissue with Ben
/// on 4, 10 and 16 May; Swedish with Anna on 7 and 13 May and with Cleo on 19 May (10:00 each).
fn compared_journal(path: &std::path::Path) {
    let mut journal = Journal::new();
    for (day, pain) in COMPARED_PAIN {
        journal.set_day(common::day(&format!("2026-{day}"), *pain));
    }
    for (day, kind, therapist) in [
        ("04", SessionKind::DeepTissue, "Ben"),
        ("07", SessionKind::Swedish, "Anna"),
        ("10", SessionKind::DeepTissue, "Ben"),
        ("13", SessionKind::Swedish, "Anna"),
        ("16", SessionKind::DeepTissue, "Ben"),
        ("19", SessionKind::Swedish, "Cleo"),
    ] {
        let mut session = common::session(&format!("2026-05-{day} 10:00"), kind);
        session.therapist = Some(therapist.into());
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

const METRIC_KEYS: [&str; 7] = [
    "mobility",
    "mood",
    "pain",
    "sleep",
    "stiffness",
    "stress",
    "worst_pain",
];

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

    // "compared": {"all": {METRIC: C}, "by_kind": {KIND: {METRIC: C}}, "by_therapist": {NAME:
    // {METRIC: C}}}, with C = {"difference", "ci95", "sessions", "baseline", "verdict"}.
    let compared = &json["compared"];
    assert_eq!(keys(compared), ["all", "by_kind", "by_therapist"]);
    assert_eq!(keys(&compared["by_kind"]), keys(&json["by_kind"]));
    assert_eq!(keys(&compared["by_therapist"]), keys(&json["by_therapist"]));
    let every_group = std::iter::once(&compared["all"])
        .chain(compared["by_kind"].as_object().unwrap().values())
        .chain(compared["by_therapist"].as_object().unwrap().values());
    for group in every_group {
        assert_eq!(keys(group), METRIC_KEYS);
        for metric in METRIC_KEYS {
            assert_eq!(
                keys(&group[metric]),
                ["baseline", "ci95", "difference", "sessions", "verdict"],
                "{metric}: {}",
                group[metric]
            );
        }
    }

    // "by_focus_region": {REGION: {"sessions", "before", "after", "ordinary_before",
    // "ordinary_after" (each {"hurt", "logged"}), "ordinary_weeks"}}, regions as the CLI names
    // them.
    let regions = &json["by_focus_region"];
    assert_eq!(keys(regions), ["lower-back", "neck"]);
    for (_, region) in regions.as_object().unwrap() {
        assert_eq!(
            keys(region),
            [
                "after",
                "before",
                "ordinary_after",
                "ordinary_before",
                "ordinary_weeks",
                "sessions"
            ]
        );
        for share in ["before", "after", "ordinary_before", "ordinary_after"] {
            assert_eq!(keys(&region[share]), ["hurt", "logged"], "{share}");
        }
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

    // The baseline, ordinary weeks: the days of the journal (22 Feb – 14 Apr) at least 7 days
    // from every session day (8, 12, 25 Mar, 10 Apr) are 22 Feb – 1 Mar and 1–3 Apr. In date
    // order, one is taken when its before and after windows both have at least 3 logged days and
    // it is at least 2k + 1 = 15 days after the last one taken:
    //   22 Feb: before 15–21 Feb, no logged day; 23 Feb: only 22 Feb; 24 Feb: 22 and 23 Feb.
    //   25 Feb: before 18–24 Feb, 22–24 Feb logged, (6+6+6)/3 = 6.0; after 26 Feb – 4 Mar, 1, 2
    //     and 4 Mar logged, (8+6+7)/3 = 7.0: change +1.0. Taken.
    //   26 Feb – 1 Mar: fewer than 15 days after 25 Feb (their windows would share days with
    //     its own), so not taken; the old baseline took them all.
    //   1 Apr (15 days on from 12 Mar, so far enough): before 25–31 Mar, from the day after
    //     session 3, i.e. 26–31 Mar: only 26 and 28 Mar, 2 days < 3. 2 Apr: 26 Mar – 1 Apr, the
    //     same 2 days. 3 Apr: 27 Mar – 2 Apr, only 28 Mar. None taken.
    // One ordinary week: n 1, mean and median +1.0, and no interval below three.
    let baseline = &json["baseline"]["pain"];
    assert_eq!(baseline["n"], 1, "ordinary weeks: {baseline}");
    assert_near(&baseline["mean_change"], 1.0, "baseline mean");
    assert_near(&baseline["median_change"], 1.0, "baseline median");
    assert!(baseline["ci95"].is_null(), "one ordinary week: {baseline}");
    assert_eq!(json["baseline"]["sleep"]["n"], 0, "sleep is never logged");
}

/// One comparison with ordinary weeks (`C` of the README) is `expected`: the difference, the
/// interval (to `tolerance`: its t quantile is written to ten decimals), the counts and the
/// verdict.
#[track_caller]
fn assert_compared(
    compared: &Value,
    difference: Option<f64>,
    ci95: Option<(f64, f64)>,
    (sessions, baseline): (u64, u64),
    verdict: &str,
) {
    let what = compared.to_string();
    match difference {
        Some(expected) => assert_near(&compared["difference"], expected, &what),
        None => assert!(compared["difference"].is_null(), "{what}"),
    }
    match ci95 {
        Some((low, high)) => {
            for (found, expected) in [(&compared["ci95"][0], low), (&compared["ci95"][1], high)] {
                let found = found.as_f64().unwrap_or_else(|| panic!("{what}"));
                assert!(
                    (found - expected).abs() < 1e-8,
                    "{what}: ci95 {found}, worked out by hand as {expected}"
                );
            }
        }
        None => assert!(compared["ci95"].is_null(), "{what}"),
    }
    assert_eq!(
        (&compared["sessions"], &compared["baseline"]),
        (&json!(sessions), &json!(baseline)),
        "{what}"
    );
    assert_eq!(compared["verdict"], verdict, "{what}");
}

#[test]
fn json_compared_needs_three_ordinary_weeks_and_says_so() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let json = effects_json(&path, &[]);
    let compared = &json["compared"];
    // Sessions with a change in pain (worked out above): 1, 2 and 4 (−3, −5/6, +1/3, mean
    // −7/6), all deep tissue with Anna; session 3 (Swedish, Ben) has none. One ordinary week
    // (+1.0). The difference of the means is still known, −7/6 − 1 = −13/6, but with fewer than
    // 3 ordinary weeks there is no interval and no answer: not enough data.
    for group in [
        &compared["all"],
        &compared["by_kind"]["deep-tissue"],
        &compared["by_therapist"]["Anna"],
    ] {
        assert_compared(
            &group["pain"],
            Some(-13.0 / 6.0),
            None,
            (3, 1),
            "not_enough_data",
        );
    }
    // No session of Ben's (Swedish) has a change: no difference at all.
    for group in [
        &compared["by_kind"]["swedish"],
        &compared["by_therapist"]["Ben"],
    ] {
        assert_compared(&group["pain"], None, None, (0, 1), "not_enough_data");
    }
    // Sleep is never logged: nothing on either side.
    assert_compared(
        &compared["all"]["sleep"],
        None,
        None,
        (0, 0),
        "not_enough_data",
    );
}

#[test]
fn json_compared_with_ordinary_weeks_is_the_one_worked_out_by_hand() {
    let (_folder, path) = common::journal_in_temp();
    compared_journal(&path);
    let json = effects_json(&path, &["--window", "1", "--min-days", "1"]);
    // k = 1, m = 1: each window is one day, each change the day after − the day before.
    // Ordinary days: days with no session within k = 1 day, taken in date order when the day
    // before and the day after are logged and at least 2k + 1 = 3 days after the last one taken.
    //   1 Apr: 31 Mar is not logged. 2 Apr: 1 Apr 4 → 3 Apr 5, +1. Taken; 3 and 4 Apr are too
    //   close to it. 5 Apr: 5 → 5, 0. 8 Apr: 6 → 5, −1. 11 Apr: 4 → 6, +2. 13 Apr: 14 Apr is not
    //   logged, nor is any day up to 2 May, and 3 May's day before is not. In May, the days
    //   between two sessions have a window clipped away at a session day (5 May's day before is
    //   4 May, a session's), and so has 20 May (19 May is a session's).
    // Ordinary changes +1, 0, −1, +2: n 4, mean 0.5, median 0.5; deviations 0.5, −0.5, −1.5,
    // 1.5, sum of squares 5, variance 5/3.
    let baseline = &json["baseline"]["pain"];
    assert_eq!(baseline["n"], 4, "{baseline}");
    assert_near(&baseline["mean_change"], 0.5, "ordinary mean");
    assert_near(&baseline["median_change"], 0.5, "ordinary median");
    // Sessions (the day after − the day before):
    //   4 May deep tissue, Ben: 4 − 7 = −3    7 May Swedish, Anna: 4 − 5 = −1
    //   10 May deep tissue, Ben: 3 − 7 = −4   13 May Swedish, Anna: 5 − 5 = 0
    //   16 May deep tissue, Ben: 4 − 6 = −2   19 May Swedish, Cleo: 4 − 6 = −2
    //
    // Deep tissue (and Ben): −3, −4, −2, mean −3, variance 1; difference −3 − 0.5 = −3.5.
    //   Welch: v1 = 1/3, v2 = (5/3)/4 = 5/12, se² = 9/12 = 3/4, se = √3/2 = 0.8660.
    //   df = (3/4)² / ((1/3)²/2 + (5/12)²/3) = (9/16) / (24/432 + 25/432) = 243/49 = 4.9592;
    //   t(0.975, 243/49) = 2.5769584490 (scipy.stats.t.ppf); half-width 2.2317.
    //   Interval −5.7317 to −1.2683: wholly below 0, so "lower".
    let se = 3.0_f64.sqrt() / 2.0;
    let half = 2.576_958_449_009_055_6 * se;
    for group in [
        &json["compared"]["by_kind"]["deep-tissue"],
        &json["compared"]["by_therapist"]["Ben"],
    ] {
        assert_compared(
            &group["pain"],
            Some(-3.5),
            Some((-3.5 - half, -3.5 + half)),
            (3, 4),
            "lower",
        );
    }
    // Swedish: −1, 0, −2, mean −1, variance 1; difference −1.5. The same se and df as deep
    // tissue, so the same half-width: −3.7317 to +0.7317 holds 0: "no_clear_difference".
    assert_compared(
        &json["compared"]["by_kind"]["swedish"]["pain"],
        Some(-1.5),
        Some((-1.5 - half, -1.5 + half)),
        (3, 4),
        "no_clear_difference",
    );
    // All six: mean −12/6 = −2; deviations −1, 1, −2, 2, 0, 0, sum of squares 10, variance 2;
    //   difference −2.5. v1 = 2/6 = 1/3, v2 = 5/12: se = √3/2 again.
    //   df = (9/16) / ((1/3)²/5 + (5/12)²/3) = (9/16) / (48/2160 + 125/2160) = 1215/173 = 7.0231;
    //   t(0.975, 1215/173) = 2.3630470533; half-width 2.0465.
    //   Interval −4.5465 to −0.4535: "lower".
    let half = 2.363_047_053_280_478 * se;
    assert_compared(
        &json["compared"]["all"]["pain"],
        Some(-2.5),
        Some((-2.5 - half, -2.5 + half)),
        (6, 4),
        "lower",
    );
    // Anna: −1 and 0, two sessions (three needed): the difference −0.5 − 0.5 = −1.0, no interval.
    // Cleo: −2 alone, difference −2.5.
    assert_compared(
        &json["compared"]["by_therapist"]["Anna"]["pain"],
        Some(-1.0),
        None,
        (2, 4),
        "not_enough_data",
    );
    assert_compared(
        &json["compared"]["by_therapist"]["Cleo"]["pain"],
        Some(-2.5),
        None,
        (1, 4),
        "not_enough_data",
    );
}

#[test]
fn json_focus_regions_are_the_ones_worked_out_by_hand() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let json = effects_json(&path, &[]);
    let regions = &json["by_focus_region"];
    let share = |hurt: u64, logged: u64| json!({"hurt": hurt, "logged": logged});
    // Neck: sessions 1, 2 and 3 worked on it. Logged days of their windows (as for pain above),
    // and on which of them the neck hurt:
    //   1 before, 1–7 Mar: 1, 2, 4, 5, 6, 7 Mar; neck on 1, 2, 4, 5, 7: 5 of 6.
    //   2 before, 9–11 Mar: neck on 9 Mar: 1 of 3.
    //   3 before, 18–24 Mar: 18, 19, 20, 22, 24 Mar; neck on none: 0 of 5.   Before: 6 of 14.
    //   1 after, 9–11 Mar: 1 of 3. 2 after, 13–19 Mar (6 logged): neck on 15 Mar: 1 of 6.
    //   3 after, 26 Mar – 1 Apr: 26 and 28 Mar, no neck: 0 of 2.              After: 2 of 11.
    // The one ordinary week (around 25 Feb): before 18–24 Feb, logged 22–24 Feb, neck on 22 and
    // 23 Feb: 2 of 3; after 26 Feb – 4 Mar, logged 1, 2, 4 Mar, neck on all three: 3 of 3.
    assert_eq!(
        regions["neck"],
        json!({
            "sessions": 3,
            "before": share(6, 14),
            "after": share(2, 11),
            "ordinary_before": share(2, 3),
            "ordinary_after": share(3, 3),
            "ordinary_weeks": 1,
        })
    );
    // Lower back: session 3 alone. Before, 18–24 Mar: on 19, 20, 22 and 24 Mar, 4 of 5; after:
    // 26 and 28 Mar, 2 of 2. Ordinary: 22–24 Feb none, 0 of 3; 1, 2, 4 Mar: on 2 Mar, 1 of 3
    // (7 Mar is after that week).
    assert_eq!(
        regions["lower-back"],
        json!({
            "sessions": 1,
            "before": share(4, 5),
            "after": share(2, 2),
            "ordinary_before": share(0, 3),
            "ordinary_after": share(1, 3),
            "ordinary_weeks": 1,
        })
    );
}

#[test]
fn the_text_answers_first_clearest_first() {
    let (_folder, path) = common::journal_in_temp();
    compared_journal(&path);
    let output = run(&path, &["effects", "--window", "1", "--min-days", "1"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let caveat = format!(
        "{} {}",
        painlog::report::wording::REGRESSION_CAVEAT,
        painlog::report::wording::ONE_PERSON
    );
    // The numbers of the JSON test above. All sessions first; then the kinds and therapists,
    // clearest first: deep tissue and Ben (lower, the interval 1.27 from 0), Swedish (no clear
    // difference), then Anna and Cleo (not enough data), whatever their order by name. The
    // interval of a fall is said as the fall: −4.5465 to −0.4535 is "0.5 to 4.5".
    let expected = [
        "After sessions, pain fell 2.5 points more than over ordinary weeks (95% interval 0.5 to 4.5; 6 sessions, 4 ordinary weeks): better than its ordinary ups and downs.",
        "After deep tissue sessions, pain fell 3.5 points more than over ordinary weeks (95% interval 1.3 to 5.7; 3 sessions, 4 ordinary weeks): better than its ordinary ups and downs.",
        "After sessions with Ben, pain fell 3.5 points more than over ordinary weeks (95% interval 1.3 to 5.7; 3 sessions, 4 ordinary weeks): better than its ordinary ups and downs.",
        "After Swedish sessions, pain changed about as it does over ordinary weeks: no clear difference yet (1.5 lower, 95% interval 3.7 lower to 0.7 higher; 3 sessions, 4 ordinary weeks).",
        "Not enough data yet: 2 sessions with Anna with enough logged days (3 needed).",
        "Not enough data yet: 1 session with Cleo with enough logged days (3 needed).",
        caveat.as_str(),
        "",
        "Pain before and after each session: the mean of the 1 days before and after (at least 1 logged days each).",
    ];
    assert_eq!(lines[..expected.len()], expected, "in:\n{text}");
    // The ordinary weeks, described with their count; the groups' changes in words.
    assert!(
        text.contains("\nBaseline, ordinary weeks: the same change around days at least 1 days from any session, taken at least 3 days apart so that their windows never overlap, with at least 1 logged days before and after each: 4 ordinary weeks, a mean of 0.5 higher (median 0.5 higher).\n"),
        "{text}"
    );
    // Deep tissue: mean −3, median −3, its own interval −3 ± t(2) × 1/√3 = −3 ± 2.48: all
    // lower, so said once as lower.
    assert_eq!(
        row(&text, "Deep"),
        "Deep tissue 3 3.0 lower 3.0 lower 0.5 to 5.5 lower 3 0 0",
        "in:\n{text}"
    );
}

#[test]
fn the_text_says_which_group_has_not_enough_data_and_where_sessions_worked() {
    let (_folder, path) = common::journal_in_temp();
    small_journal(&path);
    let output = run(&path, &["effects"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let caveat = format!(
        "{} {}",
        painlog::report::wording::REGRESSION_CAVEAT,
        painlog::report::wording::ONE_PERSON
    );
    // The JSON tests above: one ordinary week, three sessions with a change (deep tissue, Anna),
    // none of Ben's (Swedish). None is clearer than another, so kinds, then therapists, by name.
    // The neck and lower back as worked out above, in days of 7: neck 6/14 × 7 = 3, 2/11 × 7 =
    // 1.3, 2/3 × 7 = 4.7, 3/3; lower back 4/5 × 7 = 5.6, 2/2, 0/3, 1/3 × 7 = 2.3.
    let expected = [
        "Not enough data yet for all sessions: 1 ordinary week with enough logged days (3 needed).",
        "Not enough data yet: 0 Swedish sessions with enough logged days and 1 ordinary week with enough logged days (3 needed).",
        "Not enough data yet for deep tissue sessions: 1 ordinary week with enough logged days (3 needed).",
        "Not enough data yet for sessions with Anna: 1 ordinary week with enough logged days (3 needed).",
        "Not enough data yet: 0 sessions with Ben with enough logged days and 1 ordinary week with enough logged days (3 needed).",
        caveat.as_str(),
        "",
        "Where sessions worked:",
        "Sessions on the neck: the neck hurt on 3 of 7 days before, 1 of 7 after; over ordinary weeks 5 of 7 before, 7 of 7 after (3 sessions, 1 ordinary week).",
        "Sessions on the lower back: the lower back hurt on 6 of 7 days before, 7 of 7 after; over ordinary weeks 0 of 7 before, 2 of 7 after (1 session, 1 ordinary week).",
        "",
        "Pain before and after each session: the mean of the 7 days before and after (at least 3 logged days each).",
    ];
    assert_eq!(lines[..expected.len()], expected, "in:\n{text}");
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
        text.contains("\n\nPain before and after each session: the mean of the 7 days before and after (at least 3 logged days each).\n"),
        "{text}"
    );
    assert!(
        text.contains(painlog::report::wording::REGRESSION_CAVEAT)
            && text.contains(painlog::report::wording::ONE_PERSON),
        "{text}"
    );
    // The numbers of the JSON tests above, to one decimal, each change said once in words (a
    // fall as "lower"), never with a sign beside a relief in words. "not enough data" keeps the
    // days the window has. RELIEF: right after against right before; MEANINGFUL: at least 2
    // points or 30% lower, always yes, no or not enough data.
    let rows = [
        "ID START KIND THERAPIST BEFORE AFTER CHANGE RELIEF MEANINGFUL",
        "1 2026-03-08 10:00 Deep tissue Anna 7.0 (6 d) 4.0 (3 d) 3.0 lower 3 lower yes",
        // 19/6 = 3.17 and −5/6 = −0.83, 21% of 4.0: not meaningful.
        "2 2026-03-12 10:00 Deep tissue Anna 4.0 (3 d) 3.2 (6 d) 0.8 lower – no",
        // 2 logged days after it, fewer than 3: not enough data, and no change; never 0.
        "3 2026-03-25 10:00 Swedish Ben 5.0 (5 d) not enough data (2 d) not enough data – not enough data",
        // 16/3 = 5.33, 17/3 = 5.67, +1/3; pain 5 right before and right after.
        "4 2026-04-10 10:00 Deep tissue Anna 5.3 (3 d) 5.7 (3 d) 0.3 higher unchanged no",
    ];
    for expected in rows {
        let first = expected.split(' ').next().unwrap();
        assert_eq!(row(&text, first), expected, "in:\n{text}");
    }
    // By kind and by therapist: N, mean −7/6, median −5/6, the interval −7/6 ± 4.20 = −5.37 to
    // +3.04, better / same / worse; Swedish, Ben's, has no session with enough data.
    assert!(
        text.contains("\nBy kind") && text.contains("\nBy therapist"),
        "{text}"
    );
    for expected in [
        "Deep tissue 3 1.2 lower 0.8 lower 5.4 lower to 3.0 higher 2 1 0",
        "Anna 3 1.2 lower 0.8 lower 5.4 lower to 3.0 higher 2 1 0",
        "Swedish 0 not enough data not enough data not enough data 0 0 0",
        "Ben 0 not enough data not enough data not enough data 0 0 0",
    ] {
        let first = expected.split(' ').next().unwrap();
        assert_eq!(row(&text, first), expected, "in:\n{text}");
    }
    // The baseline: the one ordinary week worked out above, +1.0; all sessions: −7/6 over 3.
    assert!(
        text.contains("\nBaseline, ordinary weeks: the same change around days at least 7 days from any session, taken at least 15 days apart so that their windows never overlap, with at least 3 logged days before and after each: 1 ordinary week, a change of 1.0 higher.\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\nAll sessions: a mean change of 1.2 lower over 3 sessions with enough data.\n"
        ),
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
    // The answer is about sleep quality, and there is none to compare.
    assert!(
        sleep.starts_with("Not enough data yet: 0 sessions with enough logged days and 0 ordinary weeks with enough logged days (3 needed).\n"),
        "{sleep}"
    );
    // Sleep is never logged: every window has 0 days. RELIEF is pain's, whatever the metric;
    // "meaningful" is about pain, so only the pain table has it.
    assert_eq!(
        row(&sleep, "ID"),
        "ID START KIND THERAPIST BEFORE AFTER CHANGE RELIEF",
        "in:\n{sleep}"
    );
    assert_eq!(
        row(&sleep, "1"),
        "1 2026-03-08 10:00 Deep tissue Anna not enough data (0 d) not enough data (0 d) not enough data 3 lower",
        "in:\n{sleep}"
    );
}

#[test]
fn an_empty_journal_has_nothing_to_compare() {
    let (_folder, path) = common::journal_in_temp();
    let output = run(&path, &["effects"]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("No sessions yet"), "{text}");
    assert!(
        text.starts_with("Not enough data yet: 0 sessions with enough logged days and 0 ordinary weeks with enough logged days (3 needed).\n"),
        "{text}"
    );
    assert!(!text.contains("Where sessions worked"), "{text}");
    assert!(
        text.contains(": none yet.\nAll sessions: none with enough data yet.\n"),
        "{text}"
    );
    let json: Value = serde_json::from_slice(&run(&path, &["effects", "--json"]).stdout).unwrap();
    assert_eq!(json["sessions"], serde_json::json!([]));
    assert_eq!(json["baseline"]["pain"]["n"], 0);
    assert!(json["baseline"]["pain"]["mean_change"].is_null());
    assert_compared(
        &json["compared"]["all"]["pain"],
        None,
        None,
        (0, 0),
        "not_enough_data",
    );
    assert_eq!(json["compared"]["by_kind"], json!({}));
    assert_eq!(json["compared"]["by_therapist"], json!({}));
    assert_eq!(json["by_focus_region"], json!({}));
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
        (
            vec!["--metric", "happiness"],
            "--metric",
            "pain, worst-pain",
        ),
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

#[test]
fn reading_only_the_first_lines_is_not_an_error() {
    // `painlog effects | head -1` on twenty years: far more than a pipe holds (64 KiB on Linux),
    // so painlog is still writing when the reader goes away.
    let (_folder, path) = common::journal_in_temp();
    let demo = common::painlog_command()
        .args(["demo", "--years", "20", "--sessions", "1000", "--out"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(demo.status.success(), "{demo:?}");
    for args in [&["effects"][..], &["effects", "--json"][..]] {
        let mut child = common::painlog_command()
            .arg("--data")
            .arg(&path)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
        std::io::BufRead::read_line(&mut reader, &mut first).unwrap();
        drop(reader);
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "{args:?}: {:?}, {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            first.starts_with("After sessions, pain fell") || first.starts_with('{'),
            "{first}"
        );
    }
}
