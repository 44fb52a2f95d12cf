//! Any valid journal saves and loads back equal: through the text (both the fast record-by-record
//! reader and the full parse) and through a real file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use painlog::model::{
    Amount, CareKind, CareVisit, Cost, Currency, Day, Exercise, ItemId, Journal, MAX_SESSION_ID,
    Measure, Medication, Metric, Minutes, Pressure, Score, Session, SessionId, SessionKind, Spot,
    Worse,
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
                 scores in proptest::array::uniform7(proptest::option::of(0_u8..=10)),
                 regions in proptest::collection::btree_map(0_usize..21, proptest::option::of(0_u8..=10), 0..=21),
                 measures in proptest::collection::btree_map(1_u32..=3, 0_u8..=10, 0..=3),
                 took in proptest::collection::btree_set(1_u32..=3, 0..=3),
                 did in proptest::collection::btree_set(1_u32..=2, 0..=2),
                 note in any_text()) -> Day {
        let mut day = Day::empty(date);
        for (metric, score) in Metric::ALL.into_iter().zip(scores) {
            metric.set(&mut day, score.map(|s| Score::new(s).unwrap()));
        }
        let spots: Vec<Spot> = Spot::all().collect();
        day.regions = regions
            .into_iter()
            .map(|(i, value)| (spots[i], value.map(|s| Score::new(s).unwrap())))
            .collect();
        day.measures = measures.into_iter().map(|(id, s)| (ItemId(id), Score::new(s).unwrap())).collect();
        day.took = took.into_iter().map(ItemId).collect();
        day.did = did.into_iter().map(ItemId).collect();
        day.note = note;
        day
    }
}

prop_compose! {
    fn any_session()(date in any_date(), minute in 0_u32..1440, second in 0_u32..60, kind in 0_usize..6, name in any_text(),
                     minutes in 1_i64..=480, therapist in proptest::option::of(any_text()),
                     pressure in proptest::option::of(0_usize..Pressure::ALL.len()),
                     focus in proptest::collection::btree_set(0_usize..21, 0..6),
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
        let spots: Vec<Spot> = Spot::all().collect();
        session.focus = focus.into_iter().map(|i| spots[i]).collect();
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

/// A name for a list item: any text without control characters, never empty, unique by `index`.
fn item_name(text: &str, index: usize) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() && !painlog::model::BIDI_CONTROLS.contains(c))
        .take(60)
        .collect();
    format!("{index} {clean}")
}

prop_compose! {
    fn any_lists()(names in proptest::collection::vec(any_text(), 8),
                   worse in proptest::collection::vec(any::<bool>(), 3),
                   retired in any::<bool>(),
                   as_needed in any::<bool>(),
                   from in proptest::option::of(any_date()),
                   length in proptest::option::of(0_u64..4000),
                   per_week in proptest::option::of(1_u8..=14),
                   session in proptest::option::of(1_u64..100),
                   visits in proptest::collection::vec((any_date(), 0_usize..4, any_text()), 0..4),
                   therapists in proptest::collection::vec((any_text(), any_text()), 0..3)) -> painlog::model::CareLists {
        let measures = (0..3).map(|i| Measure {
            id: ItemId(i as u32 + 1),
            name: item_name(&names[i], i),
            worse: if worse[i] { Worse::Higher } else { Worse::Lower },
            retired: retired && i == 2,
        }).collect();
        let medications = (0..3).map(|i| Medication {
            id: ItemId(i as u32 + 1),
            name: item_name(&names[3 + i], i),
            dose: if i == 0 { "400 mg".into() } else { String::new() },
            as_needed: as_needed && i == 1,
            from,
            // Within the years a date is written in (four digits), as typed dates are.
            until: from.zip(length).map(|(from, days)| {
                (from + chrono::Days::new(days)).min(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap())
            }),
        }).collect();
        let exercises = (0..2).map(|i| Exercise {
            id: ItemId(i as u32 + 1),
            name: item_name(&names[6 + i], i),
            session: session.map(SessionId),
            per_week: per_week.filter(|_| i == 0),
        }).collect();
        let visits = visits.into_iter().enumerate().map(|(i, (date, kind, note))| CareVisit {
            id: ItemId(i as u32 + 1),
            date,
            kind: CareKind::ALL[kind],
            name: if kind == 3 { item_name(&note, i) } else { String::new() },
            note,
        }).collect();
        // Details under names unique by their number, each text on one line; the journal keeps
        // them by name.
        let therapists = therapists.into_iter().enumerate().map(|(i, (name, details))| painlog::model::Therapist {
            name: item_name(&name, i),
            practice: item_name(&details, i),
            address: if i == 0 { String::new() } else { item_name(&details, i + 10) },
            licence: format!("LMT-{i}"),
        }).collect();
        painlog::model::CareLists { measures, medications, exercises, visits, therapists }
    }
}

prop_compose! {
    fn any_journal()(lists in any_lists(),
                     days in proptest::collection::vec(any_day(), 0..30),
                     sessions in proptest::collection::vec(any_session(), 0..12),
                     ids in proptest::collection::btree_set(1_u64..=MAX_SESSION_ID, 12),
                     added in 0_usize..4) -> Journal {
        let mut journal = Journal::new().with_lists(lists).unwrap();
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
