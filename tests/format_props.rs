//! Any valid journal saves and loads back equal: through the text (both the fast record-by-record
//! reader and the full parse) and through a real file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use painlog::model::{
    Amount, Cost, Currency, Day, Journal, MAX_SESSION_ID, Metric, Minutes, Pressure, Region, Score,
    Session, SessionId, SessionKind,
};
use proptest::prelude::*;

/// Any text at all: control characters, quotes, backslashes, every plane of Unicode.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => Just(String::new()),
        1 => Just("\"quoted\" \\ back\\slash \n new line \t tab \r\u{0} \u{7f} é Ж 痛 🙂 )],(".to_owned()),
        1 => Just("/* not a comment */ // nor this r#\"raw\"#".to_owned()),
    ]
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    // 1900-01-01 to 9999-12-31.
    (0_u64..2_957_003)
        .prop_map(|days| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days))
}

prop_compose! {
    fn any_day()(date in any_date(),
                 scores in proptest::array::uniform5(proptest::option::of(0_u8..=10)),
                 regions in proptest::collection::btree_set(0_usize..Region::ALL.len(), 0..=Region::ALL.len()),
                 note in any_text()) -> Day {
        let mut day = Day::empty(date);
        for (metric, score) in Metric::ALL.into_iter().zip(scores) {
            *metric.slot(&mut day) = score.map(|s| Score::new(s).unwrap());
        }
        day.regions = regions.into_iter().map(|i| Region::ALL[i]).collect();
        day.note = note;
        day
    }
}

prop_compose! {
    fn any_session()(date in any_date(), minute in 0_u32..1440, second in 0_u32..60, kind in 0_usize..6, name in any_text(),
                     minutes in 1_i64..=480, therapist in proptest::option::of(any_text()),
                     pressure in proptest::option::of(0_usize..Pressure::ALL.len()),
                     focus in proptest::collection::btree_set(0_usize..Region::ALL.len(), 0..4),
                     cents in proptest::option::of(0_u64..=Amount::MAX_UNITS * 100),
                     currency in "[A-Z]{3}",
                     scores in proptest::array::uniform3(proptest::option::of(0_u8..=10)),
                     note in any_text()) -> Session {
        // Seconds typed are dropped (a start is kept to the minute, as the file writes it).
        let start = date.and_hms_opt(minute / 60, minute % 60, second).unwrap();
        let kind = match kind {
            0 => SessionKind::Swedish,
            1 => SessionKind::DeepTissue,
            2 => SessionKind::TriggerPoint,
            3 => SessionKind::Sports,
            4 => SessionKind::Shiatsu,
            _ => SessionKind::Other(name),
        };
        let mut session = Session::new(start, kind, Minutes::new(minutes).unwrap());
        session.therapist = therapist;
        session.pressure = pressure.map(|p| Pressure::ALL[p]);
        session.focus = focus.into_iter().map(|i| Region::ALL[i]).collect();
        session.cost = cents.map(|c| Cost {
            amount: Amount::from_cents(c),
            currency: Currency::parse(&currency).unwrap(),
        });
        [session.pain_before, session.pain_after, session.soreness] =
            scores.map(|s| s.map(|s| Score::new(s).unwrap()));
        session.note = note;
        session.normalize();
        session
    }
}

prop_compose! {
    fn any_journal()(days in proptest::collection::vec(any_day(), 0..30),
                     sessions in proptest::collection::vec(any_session(), 0..12),
                     ids in proptest::collection::btree_set(1_u64..=MAX_SESSION_ID, 12),
                     added in 0_usize..4) -> Journal {
        let mut journal = Journal::new();
        for day in days {
            journal.set_day(day);
        }
        // Ids with gaps, as deletions leave them, up to the largest allowed …
        for (session, id) in sessions.into_iter().zip(ids) {
            journal.restore_session(Session { id: SessionId(id), ..session }).unwrap();
        }
        // … and sessions added the usual way, when there is room for the next id.
        for _ in 0..added {
            if journal.next_session_id() <= MAX_SESSION_ID {
                let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
                journal.add_session(Session::new(start, SessionKind::Swedish, Minutes::new(60).unwrap()));
            }
        }
        journal
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_valid_journal_saves_and_loads_back_equal(journal in any_journal()) {
        let text = painlog::store::to_text(&journal).unwrap();
        let read = painlog::store::from_bytes(text.as_bytes());
        prop_assert!(read.is_ok(), "{:?}\n{}", read.err(), text);
        let read = read.unwrap();
        prop_assert_eq!(read.days().collect::<Vec<_>>(), journal.days().collect::<Vec<_>>());
        prop_assert_eq!(read.sessions(), journal.sessions());
        prop_assert_eq!(read.next_session_id(), journal.next_session_id());
        prop_assert!(read == journal);
        let full = painlog::store::from_bytes_by_full_parse(text.as_bytes()).unwrap();
        prop_assert!(full == journal, "the full parse reads the same");
        prop_assert_eq!(painlog::store::to_text(&read).unwrap(), text, "byte-identical when saved again");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn any_valid_journal_survives_a_real_file(journal in any_journal()) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("journal.ron");
        let now = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap().and_hms_opt(18, 5, 0).unwrap();
        painlog::store::save(&path, &journal, now).unwrap();
        let loaded = painlog::store::load(&path).unwrap().journal;
        prop_assert!(loaded == journal);
    }
}
