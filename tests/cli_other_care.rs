//! `painlog effects` with other care in view: a session with a care visit or a change of regular
//! medication in its window is flagged, and `--leave-out-other-care` leaves it out of every
//! summary and comparison while still listing it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use painlog::model::{CareKind, CareVisit, ItemId, Journal, Medication, SessionKind};

fn journal_with_other_care() -> Journal {
    let mut journal = Journal::new();
    for offset in 0..100_u64 {
        let date = date("2026-01-01") + chrono::Days::new(offset);
        journal.set_day(day(&date.to_string(), 3 + (offset % 4) as u8));
    }
    for start in ["2026-01-20 10:00", "2026-02-15 10:00", "2026-03-20 10:00"] {
        journal.add_session(session(start, SessionKind::DeepTissue));
    }
    journal
        .add_care_visit(CareVisit {
            id: ItemId(0),
            date: date("2026-02-17"),
            kind: CareKind::Physiotherapy,
            name: String::new(),
            note: "Shoulder exercises".into(),
        })
        .unwrap();
    journal
        .add_medication(Medication {
            id: ItemId(0),
            name: "Naproxen".into(),
            dose: "250 mg".into(),
            as_needed: false,
            from: Some(date("2026-03-18")),
            until: None,
        })
        .unwrap();
    journal
}

#[test]
fn sessions_near_other_care_are_flagged_and_the_switch_leaves_them_out() {
    let (_folder, path) = journal_in_temp();
    save(&path, &journal_with_other_care());

    let output = run_cli(&path, &["effects"]);
    assert!(output.status.success(), "{output:?}");
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(
        table.contains("⚠ also: physiotherapy 2 days after"),
        "{table}"
    );
    assert!(
        table.contains("⚠ also: naproxen started 2 days before"),
        "{table}"
    );
    assert!(
        table.contains("--leave-out-other-care leaves such"),
        "{table}"
    );

    let json = |args: &[&str]| -> serde_json::Value {
        let output = run_cli(&path, args);
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    };
    let all = json(&["effects", "--json"]);
    let some = json(&["effects", "--json", "--leave-out-other-care"]);
    assert_eq!(all["left_out"], 0);
    assert_eq!(some["left_out"], 2);
    assert_eq!(some["leave_out_other_care"], true);
    let counted: Vec<bool> = some["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["counted"].as_bool().unwrap())
        .collect();
    assert_eq!(counted, [true, false, false], "listed, but not counted");
    assert_eq!(
        some["sessions"][1]["other_care"][0],
        serde_json::json!({"what": "physiotherapy", "days_from_session": 2})
    );
    let n = |value: &serde_json::Value| value["by_kind"]["deep-tissue"]["pain"]["n"].clone();
    assert_eq!(n(&all), 3);
    assert_eq!(n(&some), 1);

    let output = run_cli(&path, &["effects", "--leave-out-other-care"]);
    let table = String::from_utf8(output.stdout).unwrap();
    assert!(
        table.contains("2 sessions left out of every summary and comparison"),
        "{table}"
    );
    assert!(table.contains("(left out of the summaries)"), "{table}");
}
