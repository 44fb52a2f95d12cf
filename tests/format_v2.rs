//! Format version 2: a version-1 journal (written by painlog before version 2 existed, or by
//! hand) opens unchanged in meaning with identical before/after numbers, is rewritten as version 2
//! only on the first change, and the version-1 file is kept as a backup that is never pruned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::*;
use painlog::model::{Region, Side, Spot};
use painlog::store;

const V1_BY_PAINLOG: &str = "tests/fixtures/journal-v1-painlog.ron";
const V1_EFFECTS: &str = "tests/fixtures/journal-v1-painlog.effects.json";
const V1_BY_HAND: &str = "tests/fixtures/journal-v1-handwritten.ron";

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// A copy of a fixture in a private temporary folder.
fn copy_of(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (folder, path) = journal_in_temp();
    fs::copy(fixture(name), &path).unwrap();
    (folder, path)
}

/// Drop the keys version 2 added (the two new metrics, other care) from every map, so that a
/// version-1 result can be compared with what version 2 computes from the same days.
fn without_new_metrics(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            // The two new metrics, and what version 2 says of other care (none in version 1).
            for added in [
                "mobility",
                "mood",
                "other_care",
                "counted",
                "leave_out_other_care",
                "left_out",
            ] {
                map.remove(added);
            }
            for value in map.values_mut() {
                without_new_metrics(value);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_new_metrics),
        _ => {}
    }
}

/// `now` and `then` hold the same keys and values: every mean, change, count and verdict to the
/// last bit, and the 95% intervals to 1e-9 (their Student's t quantile is found by a faster method
/// since, which agrees with the old one to about 1e-12 but not in the last bits).
fn same_numbers(now: &serde_json::Value, then: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (now, then) {
        (Value::Object(a), Value::Object(b)) => {
            assert_eq!(
                a.keys().collect::<Vec<_>>(),
                b.keys().collect::<Vec<_>>(),
                "{at}"
            );
            for (key, value) in a {
                same_numbers(value, &b[key], &format!("{at}.{key}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{at}");
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                same_numbers(x, y, &format!("{at}[{index}]"));
            }
        }
        (Value::Number(x), Value::Number(y)) if at.contains(".ci95") => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9, "{at}: {x} against {y}");
        }
        (a, b) => assert_eq!(a, b, "{at}"),
    }
}

#[test]
fn a_version_1_journal_written_by_painlog_reads_the_same_with_identical_effects() {
    let (_folder, path) = copy_of(V1_BY_PAINLOG);
    let before = fs::read(&path).unwrap();
    let journal = store::load(&path).unwrap().journal;
    assert_eq!(journal.day_count(), 329);
    assert_eq!(journal.sessions().len(), 20);
    // A region of version 1 is both sides, intensity not logged.
    let first = journal.days().next().unwrap();
    assert_eq!(
        first.regions.keys().copied().collect::<Vec<_>>(),
        [
            Spot::new(Region::LowerBack, Side::Left),
            Spot::new(Region::LowerBack, Side::Right)
        ]
    );
    assert!(first.regions.values().all(Option::is_none));
    assert!(journal.lists().is_empty());

    // The same before/after numbers, to the last digit, as painlog computed before version 2.
    let output = run_cli(&path, &["effects", "--json"]);
    assert!(output.status.success(), "{output:?}");
    let mut now: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let then: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture(V1_EFFECTS)).unwrap()).unwrap();
    without_new_metrics(&mut now);
    same_numbers(&now, &then, "effects");
    assert_eq!(fs::read(&path).unwrap(), before, "reading changes nothing");
}

#[test]
fn a_version_1_journal_is_rewritten_as_version_2_only_on_the_first_change_and_kept() {
    let (_folder, path) = copy_of(V1_BY_PAINLOG);
    let original = fs::read(&path).unwrap();
    // Reading and reporting write nothing.
    for args in [vec!["check"], vec!["effects"], vec!["session", "list"]] {
        assert!(run_cli(&path, &args).status.success());
        assert_eq!(fs::read(&path).unwrap(), original, "{args:?} wrote nothing");
    }
    assert!(store::backup::list(&path).unwrap().is_empty());

    // The first change writes version 2 and keeps the version-1 file.
    let output = run_cli(&path, &["log", "--date", "2026-06-10", "--pain", "3"]);
    assert!(output.status.success(), "{output:?}");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\n    version: 2,\n"), "{}", &text[..200]);
    let backups = store::backup::list(&path).unwrap();
    let kept: Vec<_> = backups
        .iter()
        .filter(|backup| backup.kind == store::BackupKind::OlderVersion(1))
        .collect();
    assert_eq!(kept.len(), 1, "{backups:?}");
    assert_eq!(fs::read(&kept[0].path).unwrap(), original);
    assert!(
        kept[0]
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .ends_with("-version-1.ron")
    );

    // The rewritten journal holds the same records.
    let old = store::from_bytes(&original).unwrap();
    let mut new = store::load(&path).unwrap().journal;
    assert_eq!(new.sessions(), old.sessions());
    let changed = new.day(date("2026-06-10")).cloned().unwrap();
    assert_eq!(changed.pain, score(3));
    let mut restored = changed.clone();
    restored.pain = old.day(date("2026-06-10")).and_then(|day| day.pain);
    new.set_day(restored);
    assert_eq!(
        new.days().collect::<Vec<_>>(),
        old.days().collect::<Vec<_>>()
    );

    // Many saves later, the version-1 backup is still there (never pruned).
    for n in 0..40 {
        let pain = (n % 10).to_string();
        assert!(
            run_cli(&path, &["log", "--date", "2026-06-09", "--pain", &pain])
                .status
                .success()
        );
    }
    let backups = store::backup::list(&path).unwrap();
    assert!(
        backups
            .iter()
            .any(|backup| backup.kind == store::BackupKind::OlderVersion(1)),
        "{backups:?}"
    );
    assert_eq!(
        backups
            .iter()
            .filter(|backup| backup.kind == store::BackupKind::OlderVersion(1))
            .count(),
        1,
        "one version-1 backup, not one per save"
    );
}

#[test]
fn a_hand_written_version_1_journal_keeps_its_regions_on_both_sides() {
    let journal = store::load(&fixture(V1_BY_HAND)).unwrap().journal;
    let day = journal.day(date("2025-03-01")).unwrap();
    assert_eq!(
        day.areas().into_iter().collect::<Vec<_>>(),
        [Region::LowerBack, Region::Hips]
    );
    assert_eq!(day.regions.len(), 4, "both sides of each");
    let session = journal.session(painlog::model::SessionId(3)).unwrap();
    assert_eq!(
        session.focus,
        Region::LowerBack.spots().into_iter().collect()
    );
    // Written again, a region on both sides alike stays one name.
    let text = store::to_text(&journal).unwrap();
    assert!(
        text.contains("regions: {LowerBack: None, Hips: None}"),
        "{text}"
    );
    assert!(text.contains("focus: [LowerBack]"), "{text}");
}

#[test]
fn check_counts_the_lists() {
    let path = fixture("assets/example-journal.ron");
    let output = run_cli(&path, &["check", "--json"]);
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        [
            &json["measures"],
            &json["medications"],
            &json["exercises"],
            &json["care_visits"]
        ],
        [1, 2, 1, 2]
    );
    let output = run_cli(&path, &["check"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Own measures: 1, medications: 2, exercises: 1, care visits: 2"),
        "{text}"
    );
}

#[test]
fn version_2_lists_in_a_version_1_file_are_refused_with_the_fix() {
    let text = "(version: 1, medications: [(id: 1, name: \"Ibuprofen\")])";
    let error = store::from_bytes(text.as_bytes()).unwrap_err();
    let message = format!("{error:?}");
    assert!(
        message.contains("version 1 journal has no `medications`")
            && message.contains("version: 2"),
        "{message}"
    );
}

#[test]
fn a_day_that_names_an_item_the_journal_does_not_list_is_refused_at_its_line() {
    let text = "(version: 2,\n measures: [(id: 1, name: \"Headache\", worse: Higher)],\n days: [\n(date: \"2026-01-02\", measures: {2: 4})])";
    let error = store::from_bytes(text.as_bytes()).unwrap_err();
    let message = format!("{error:?}");
    assert!(
        message.contains("measure 2") && message.contains("line: 4"),
        "{message}"
    );
}

#[test]
fn a_version_2_journal_without_therapists_reads_and_is_written_without_the_list() {
    let text = "(version: 2, next_session_id: 1, measures: [], medications: [], exercises: [], care: [], days: [(date: \"2026-01-02\", pain: 4)], sessions: [])";
    let journal = store::from_bytes(text.as_bytes()).unwrap();
    assert!(journal.therapist_details().is_empty());
    let written = store::to_text(&journal).unwrap();
    assert!(!written.contains("therapists"), "{written}");
    assert_eq!(store::from_bytes(written.as_bytes()).unwrap(), journal);
}

#[test]
fn therapists_details_round_trip_on_the_fast_path_and_the_full_parse() {
    let example = fs::read(fixture("assets/example-journal.ron")).unwrap();
    let journal = store::from_bytes(&example).unwrap();
    let anna = journal
        .therapist_named("anna berg")
        .expect("the example's therapist");
    assert_eq!(anna.licence, "LMT-20417");
    assert_eq!(anna.practice, "Riverside Massage Therapy");
    let written = store::to_text(&journal).unwrap();
    assert!(
        written.contains("    therapists: [\n        (name: \"Anna Berg\""),
        "{written}"
    );
    assert_eq!(store::from_bytes(written.as_bytes()).unwrap(), journal);
    assert_eq!(
        store::from_bytes_by_full_parse(written.as_bytes()).unwrap(),
        journal
    );
}

#[test]
fn bad_therapists_details_are_refused_at_their_line() {
    let twice = "(version: 2,\n therapists: [\n(name: \"Anna Berg\", licence: \"1\"),\n(name: \"anna berg\", licence: \"2\")])";
    let message = format!("{:?}", store::from_bytes(twice.as_bytes()).unwrap_err());
    assert!(
        message.contains("two therapists are called \\\"anna berg\\\"")
            && message.contains("line: 4"),
        "{message}"
    );
    let long = format!(
        "(version: 2, therapists: [(name: \"Anna\", address: \"{}\")])",
        "x".repeat(201)
    );
    let message = format!("{:?}", store::from_bytes(long.as_bytes()).unwrap_err());
    assert!(
        message.contains("The address is 201 characters long; at most 200"),
        "{message}"
    );
    let v1 = "(version: 1, therapists: [(name: \"Anna\", licence: \"1\")])";
    let message = format!("{:?}", store::from_bytes(v1.as_bytes()).unwrap_err());
    assert!(message.contains("no `therapists`"), "{message}");
}
