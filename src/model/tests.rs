use super::*;

fn date(text: &str) -> chrono::NaiveDate {
    parse_date(text).unwrap()
}

fn session_at(start: &str, kind: SessionKind) -> Session {
    Session::new(parse_start(start).unwrap(), kind, Minutes::new(60).unwrap())
}

fn day_with_pain(text: &str, pain: u8) -> Day {
    let mut day = Day::empty(date(text));
    day.pain = Some(Score::new(pain).unwrap());
    day
}

#[test]
fn set_day_replaces_and_empty_day_removes() {
    let mut journal = Journal::new();
    assert_eq!(journal.set_day(day_with_pain("2026-01-02", 4)), None);
    assert_eq!(journal.day_count(), 1);
    let before = journal.revision();
    let previous = journal.set_day(day_with_pain("2026-01-02", 6));
    assert_eq!(previous.and_then(|d| d.pain).map(Score::get), Some(4));
    assert!(journal.revision() > before);
    assert_eq!(
        journal
            .day(date("2026-01-02"))
            .and_then(|d| d.pain)
            .map(Score::get),
        Some(6)
    );

    journal.set_day(Day::empty(date("2026-01-02")));
    assert_eq!(journal.day_count(), 0, "an empty day is the same as no day");
}

#[test]
fn zero_is_logged_and_none_is_not() {
    let mut day = Day::empty(date("2026-01-02"));
    assert!(day.is_empty());
    day.stress = Some(Score::MIN);
    assert!(!day.is_empty(), "a score of 0 is logged");
    assert_eq!(day.logged_scores(), 1);
}

#[test]
fn sessions_stay_sorted_and_ids_are_never_reused() {
    let mut journal = Journal::new();
    let late = journal.add_session(session_at("2026-03-10 09:00", SessionKind::Swedish));
    let early = journal.add_session(session_at("2026-03-01 09:00", SessionKind::DeepTissue));
    assert_eq!((late.0, early.0), (1, 2));
    let order: Vec<_> = journal.sessions().iter().map(|s| s.id).collect();
    assert_eq!(order, [early, late]);

    let removed = journal.remove_session(late).unwrap();
    let next = journal.add_session(session_at("2026-03-11 09:00", SessionKind::Sports));
    assert_eq!(next.0, 3, "a removed id is not handed out again");
    journal.restore_session(removed).unwrap();
    assert_eq!(journal.sessions().len(), 3);
    assert!(
        journal
            .restore_session(journal.session(early).unwrap().clone())
            .is_err()
    );
}

#[test]
fn replace_session_moves_it_into_order() {
    let mut journal = Journal::new();
    let first = journal.add_session(session_at("2026-03-01 09:00", SessionKind::Swedish));
    let second = journal.add_session(session_at("2026-03-05 09:00", SessionKind::Swedish));
    let mut moved = journal.session(first).unwrap().clone();
    moved.start = parse_start("2026-03-09 10:00").unwrap();
    moved.therapist = Some("  Anna  ".into());
    journal.replace_session(moved).unwrap();
    let order: Vec<_> = journal.sessions().iter().map(|s| s.id).collect();
    assert_eq!(order, [second, first]);
    assert_eq!(
        journal.session(first).unwrap().therapist.as_deref(),
        Some("Anna")
    );
    let missing = session_at("2026-03-01 09:00", SessionKind::Swedish);
    assert_eq!(
        journal.replace_session(Session {
            id: SessionId(99),
            ..missing
        }),
        Err(JournalError::NoSuchSession(SessionId(99)))
    );
}

#[test]
fn from_parts_refuses_duplicates_and_fixes_next_id() {
    let days = vec![
        day_with_pain("2026-01-02", 4),
        day_with_pain("2026-01-02", 5),
    ];
    assert_eq!(
        Journal::from_parts(days, vec![], 1),
        Err(JournalError::DuplicateDay(date("2026-01-02")))
    );

    let mut a = session_at("2026-03-01 09:00", SessionKind::Swedish);
    a.id = SessionId(7);
    let b = a.clone();
    assert_eq!(
        Journal::from_parts(vec![], vec![a.clone(), b], 1),
        Err(JournalError::DuplicateSession(SessionId(7)))
    );

    let journal = Journal::from_parts(vec![], vec![a], 2).unwrap();
    assert_eq!(journal.next_session_id(), 8);

    let mut huge = session_at("2026-03-01 09:00", SessionKind::Other(String::new()));
    huge.id = SessionId(u64::MAX);
    assert!(matches!(
        Journal::from_parts(vec![], vec![huge], 2),
        Err(JournalError::BadSession { .. })
    ));
}

#[test]
fn date_span_covers_days_and_sessions() {
    let mut journal = Journal::new();
    assert_eq!(journal.date_span(), None);
    journal.set_day(day_with_pain("2026-01-05", 4));
    journal.add_session(session_at("2026-01-02 09:00", SessionKind::Swedish));
    journal.set_day(day_with_pain("2026-01-09", 4));
    assert_eq!(
        journal.date_span(),
        Some((date("2026-01-02"), date("2026-01-09")))
    );
}

#[test]
fn future_dates_are_refused() {
    let today = date("2026-11-21");
    assert!(check_not_future(today, today).is_ok());
    assert!(check_not_future(date("2020-01-01"), today).is_ok());
    let error = check_not_future(date("2026-11-22"), today).unwrap_err();
    assert!(
        error.to_string().contains("2026-11-22 is in the future"),
        "{error}"
    );
}

#[test]
fn therapists_most_recent_first() {
    let mut journal = Journal::new();
    for (start, name) in [
        ("2026-01-01 10:00", "Anna"),
        ("2026-01-05 10:00", "Ben"),
        ("2026-01-09 10:00", "Anna"),
    ] {
        let mut session = session_at(start, SessionKind::Swedish);
        session.therapist = Some(name.into());
        journal.add_session(session);
    }
    assert_eq!(journal.therapists(), ["Anna", "Ben"]);
}

#[test]
fn typed_texts_are_checked_for_length_and_control_characters() {
    assert!(check_text("Note", "fine\nlines\tand tabs", MAX_NOTE_CHARS, true).is_ok());
    assert_eq!(
        check_text("Therapist", &"x".repeat(101), MAX_NAME_CHARS, false),
        Err("Therapist is 101 characters long; at most 100 fit, so shorten it by 1".to_owned())
    );
    assert_eq!(
        check_text("Therapist", "Anna\nBerg", MAX_NAME_CHARS, false),
        Err("Therapist holds a line break, which cannot be kept here; remove it".to_owned())
    );
    assert_eq!(
        check_text("Note", "a\u{1b}[31m", MAX_NOTE_CHARS, true),
        Err(
            "Note holds the control character U+001B, which cannot be kept here; remove it"
                .to_owned()
        )
    );
    // Characters, not bytes.
    assert!(check_text("Name", &"é".repeat(100), MAX_NAME_CHARS, false).is_ok());
}

#[test]
fn dates_are_parsed_strictly() {
    assert_eq!(
        parse_date("2026-03-04"),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 4)
    );
    assert_eq!(
        parse_date(" 2026-03-04 "),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 4)
    );
    for bad in [
        "2026-3-4",
        "26-03-04",
        "-262143-01-01",
        "1899-12-31",
        "2026-02-30",
        "2026/03/04",
        "2026-03-04x",
        "",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    assert_eq!(
        read_date("2026-02-30").unwrap_err().to_string(),
        "2026-02-30 does not exist: February 2026 has 28 days"
    );
    assert_eq!(
        read_date("2024-02-30").unwrap_err().to_string(),
        "2024-02-30 does not exist: February 2024 has 29 days"
    );
    assert_eq!(
        read_date("2026-13-01").unwrap_err().to_string(),
        "2026-13-01 has no month 13; months are 01 to 12"
    );
    assert_eq!(
        read_date("1899-12-31").unwrap_err().to_string(),
        "1899-12-31 is before 1900; painlog keeps dates from 1900-01-01 on"
    );
    assert_eq!(
        read_date("14/03/2026").unwrap_err().to_string(),
        "\"14/03/2026\" is not a date written YYYY-MM-DD"
    );
    assert!(matches!(
        read_date("2026-04-00"),
        Err(DateError::NoSuchDay { days: 30, .. })
    ));
    assert!(parse_start("2026-03-04 7:05").is_some());
    assert!(parse_start("2026-03-04T17:05:09").is_some());
    assert!(parse_start("2026-03-04T25:00").is_none());
    assert!(parse_start("-262143-01-01 10:00").is_none());
}

#[test]
fn ids_never_overflow() {
    // A journal read with a far too low next id (0) and a session holding the largest id:
    // the next id is raised past it, so no id is handed out twice.
    let mut last = session_at("2026-03-01 09:00", SessionKind::Swedish);
    last.id = SessionId(MAX_SESSION_ID);
    let journal_with_max = Journal::from_parts(vec![], vec![last.clone()], 0).unwrap();
    assert_eq!(
        journal_with_max.next_session_id(),
        MAX_SESSION_ID + 1,
        "raised to one past the largest id in use"
    );
    // A stored next id beyond the range (a hand-edited file) is brought back to the same bound,
    // so adding sessions can never run up to u64::MAX and wrap to 0.
    let huge_next = Journal::from_parts(vec![], vec![last], u64::MAX).unwrap();
    assert_eq!(
        huge_next.next_session_id(),
        MAX_SESSION_ID + 1,
        "a next id past the bound is clamped"
    );

    let mut grown = journal_with_max.clone();
    let id = grown.add_session(session_at("2026-03-02 09:00", SessionKind::Swedish));
    assert_eq!(
        id.0,
        MAX_SESSION_ID + 1,
        "the id after the largest, not 0 and not one in use"
    );
    assert_eq!(grown.next_session_id(), MAX_SESSION_ID + 2, "and moves on");
    // (MAX_SESSION_ID + 1 is more than `Session::problem` accepts, so this journal saves but is
    // refused when read again: an open question for the model, not settled by this test.)
    let ids: Vec<u64> = grown.sessions().iter().map(|s| s.id.0).collect();
    assert_eq!(
        ids,
        [MAX_SESSION_ID, MAX_SESSION_ID + 1],
        "both kept, each with its own id"
    );
}

mod merging {
    use super::*;

    fn base() -> Journal {
        let mut journal = Journal::new();
        journal.set_day(day_with_pain("2026-01-01", 3));
        journal.set_day(day_with_pain("2026-01-02", 4));
        journal.add_session(session_at("2026-01-01 10:00", SessionKind::Swedish));
        journal
    }

    #[test]
    fn changes_to_different_records_merge_cleanly() {
        let base = base();
        let mut mine = base.clone();
        mine.set_day(day_with_pain("2026-01-01", 8));
        mine.set_day(day_with_pain("2026-01-05", 2));
        let mut theirs = base.clone();
        theirs.set_day(day_with_pain("2026-01-02", 9));
        theirs.remove_session(SessionId(1));
        theirs.add_session(session_at("2026-01-04 10:00", SessionKind::Sports));
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        let journal = merged.journal;
        assert_eq!(
            journal
                .day(date("2026-01-01"))
                .unwrap()
                .pain
                .map(Score::get),
            Some(8),
            "mine"
        );
        assert_eq!(
            journal
                .day(date("2026-01-02"))
                .unwrap()
                .pain
                .map(Score::get),
            Some(9),
            "theirs"
        );
        assert!(journal.day(date("2026-01-05")).is_some(), "added here");
        assert!(journal.session(SessionId(1)).is_none(), "removed there");
        assert_eq!(journal.sessions().len(), 1);
        assert_eq!(journal.sessions()[0].kind, SessionKind::Sports);
    }

    #[test]
    fn the_same_record_changed_both_ways_is_a_conflict() {
        let base = base();
        let mut mine = base.clone();
        mine.set_day(day_with_pain("2026-01-01", 8));
        let mut theirs = base.clone();
        theirs.set_day(day_with_pain("2026-01-01", 1));
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert!(
            matches!(&merged.conflicts[0], Conflict::Day { date: d, .. } if *d == date("2026-01-01"))
        );
        let keep_theirs = merged.clone().resolve(&[Keep::Theirs]);
        assert_eq!(
            keep_theirs
                .day(date("2026-01-01"))
                .unwrap()
                .pain
                .map(Score::get),
            Some(1)
        );
        let keep_mine = merged.resolve(&[Keep::Mine]);
        assert_eq!(
            keep_mine
                .day(date("2026-01-01"))
                .unwrap()
                .pain
                .map(Score::get),
            Some(8)
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = base();
        let mut mine = base.clone();
        mine.set_day(day_with_pain("2026-01-03", 5));
        let theirs = mine.clone();
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.journal, mine);
    }

    #[test]
    fn sessions_added_on_both_sides_under_one_id_are_both_kept() {
        let base = base();
        let mut mine = base.clone();
        let mine_id = mine.add_session(session_at("2026-01-06 10:00", SessionKind::Shiatsu));
        let mut theirs = base.clone();
        let theirs_id = theirs.add_session(session_at("2026-01-07 10:00", SessionKind::Sports));
        assert_eq!(mine_id, theirs_id);
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        let kinds: Vec<_> = merged
            .journal
            .sessions()
            .iter()
            .map(|s| s.kind.clone())
            .collect();
        assert_eq!(
            kinds,
            [
                SessionKind::Swedish,
                SessionKind::Shiatsu,
                SessionKind::Sports
            ]
        );
        let ids: std::collections::BTreeSet<_> =
            merged.journal.sessions().iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), 3, "each keeps its own id");
    }

    #[test]
    fn merging_a_copy_from_nothing_adds_what_is_new_and_asks_about_differences() {
        let mine = base();
        let mut copy = base();
        copy.set_day(day_with_pain("2026-01-02", 7));
        copy.set_day(day_with_pain("2026-01-09", 6));
        let merged = merge(&Journal::new(), &mine, &copy);
        assert_eq!(merged.conflicts.len(), 1, "2 Jan differs");
        assert!(
            merged.journal.day(date("2026-01-09")).is_some(),
            "new in the copy"
        );
        assert_eq!(
            merged.journal.sessions().len(),
            1,
            "the same session is not doubled"
        );
    }

    fn medication(name: &str) -> Medication {
        Medication {
            id: ItemId(0),
            name: name.into(),
            dose: String::new(),
            as_needed: true,
            from: None,
            until: None,
        }
    }

    #[test]
    fn the_lists_merge_and_an_item_both_sides_added_under_one_number_stays_two() {
        let mut base = base();
        let ibuprofen = base.add_medication(medication("Ibuprofen")).unwrap();
        let mut mine = base.clone();
        let paracetamol = mine.add_medication(medication("Paracetamol")).unwrap();
        let mut day = day_with_pain("2026-01-03", 5);
        day.took.insert(paracetamol);
        mine.set_day(day);
        let mut theirs = base.clone();
        let naproxen = theirs.add_medication(medication("Naproxen")).unwrap();
        assert_eq!(naproxen, paracetamol, "both took the next free number");
        let mut day = day_with_pain("2026-01-04", 6);
        day.took.insert(naproxen);
        day.took.insert(ibuprofen);
        theirs.set_day(day);
        let headache = theirs.add_measure("Headache", Worse::Higher).unwrap();
        let merged = merge(&base, &mine, &theirs);
        assert!(merged.conflicts.is_empty());
        let journal = merged.journal;
        let names = |date: &str| -> Vec<String> {
            let day = journal.day(super::date(date)).unwrap();
            day.took
                .iter()
                .map(|id| journal.medication(*id).unwrap().name.clone())
                .collect()
        };
        assert_eq!(names("2026-01-03"), ["Paracetamol"]);
        let mut theirs_day = names("2026-01-04");
        theirs_day.sort();
        assert_eq!(
            theirs_day,
            ["Ibuprofen", "Naproxen"],
            "their day follows its item's new number"
        );
        assert_eq!(journal.medications().len(), 3);
        assert_eq!(journal.measure(headache).unwrap().name, "Headache");
    }
}
