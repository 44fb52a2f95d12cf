//! Editing the journal's lists: `Journal::replace_exercise` and `replace_medication` keep every
//! rule of the lists (names of their own, times a week, dates in order, known sessions) and
//! change nothing when one would break.
#![allow(clippy::unwrap_used)]

use painlog::model::{
    Exercise, ItemId, Journal, MAX_NAME_CHARS, MAX_PER_WEEK, Medication, Minutes, Session,
    SessionId, SessionKind, parse_start,
};

fn session(journal: &mut Journal, start: &str) -> SessionId {
    journal.add_session(Session::new(
        parse_start(start).unwrap(),
        SessionKind::Swedish,
        Minutes::new(60).unwrap(),
    ))
}

fn exercise(name: &str) -> Exercise {
    Exercise {
        id: ItemId::default(),
        name: name.to_owned(),
        session: None,
        per_week: None,
    }
}

/// A journal with two exercises and a session; the first exercise's number.
fn journal() -> (Journal, ItemId, SessionId) {
    let mut journal = Journal::new();
    let id = journal.add_exercise(exercise("Cat-cow")).unwrap();
    journal.add_exercise(exercise("Chin tucks")).unwrap();
    let session = session(&mut journal, "2026-06-01 17:30");
    (journal, id, session)
}

#[test]
fn an_exercise_takes_a_new_name_session_and_times_a_week() {
    let (mut journal, id, session) = journal();
    let revision = journal.revision();
    let edited = Exercise {
        id,
        name: "  Cat and cow ".into(),
        session: Some(session),
        per_week: Some(3),
    };
    journal.check_exercise(&edited).unwrap();
    journal.replace_exercise(edited).unwrap();
    let stored = journal.exercise(id).unwrap();
    assert_eq!(stored.name, "Cat and cow", "the name is trimmed");
    assert_eq!(stored.session, Some(session));
    assert_eq!(stored.per_week, Some(3));
    assert_ne!(journal.revision(), revision);
}

#[test]
fn an_exercise_edit_that_breaks_a_rule_changes_nothing() {
    let (mut journal, id, _) = journal();
    let before = journal.lists().clone();
    let cases = [
        (
            Exercise {
                name: "chin TUCKS".into(),
                ..exercise("")
            },
            "called",
        ),
        (exercise("  "), "is empty"),
        (exercise("a;b"), "separates names"),
        (exercise(&"x".repeat(MAX_NAME_CHARS + 1)), "shorten it"),
        (
            Exercise {
                per_week: Some(0),
                ..exercise("Cat-cow")
            },
            "1 to 14",
        ),
        (
            Exercise {
                per_week: Some(MAX_PER_WEEK + 1),
                ..exercise("Cat-cow")
            },
            "1 to 14",
        ),
        (
            Exercise {
                session: Some(SessionId(99)),
                ..exercise("Cat-cow")
            },
            "no session number 99",
        ),
    ];
    for (mut edited, expected) in cases {
        edited.id = id;
        let checked = journal.check_exercise(&edited).unwrap_err();
        let error = journal.replace_exercise(edited).unwrap_err();
        assert_eq!(checked, error);
        assert!(error.contains(expected), "{error:?} lacks {expected:?}");
        assert_eq!(journal.lists(), &before, "refused: {error}");
    }
    let missing = Exercise {
        id: ItemId(42),
        ..exercise("Plank")
    };
    assert!(
        journal
            .replace_exercise(missing)
            .unwrap_err()
            .contains("no exercise number 42")
    );
}

#[test]
fn an_exercise_keeps_a_session_since_deleted_but_cannot_take_one() {
    let (mut journal, id, session) = journal();
    let linked = Exercise {
        id,
        session: Some(session),
        ..exercise("Cat-cow")
    };
    journal.replace_exercise(linked.clone()).unwrap();
    journal.remove_session(session).unwrap();
    let renamed = Exercise {
        name: "Cat and cow".into(),
        ..linked
    };
    journal.replace_exercise(renamed).unwrap();
    let other = journal.exercise_named("Chin tucks").unwrap().id;
    let taking = Exercise {
        id: other,
        session: Some(session),
        ..exercise("Chin tucks")
    };
    assert!(journal.replace_exercise(taking).is_err());
}

#[test]
fn a_medication_edit_checks_its_dates_name_and_dose() {
    let mut journal = Journal::new();
    let id = journal
        .add_medication(Medication {
            id: ItemId::default(),
            name: "Naproxen".into(),
            dose: "250 mg".into(),
            as_needed: false,
            from: None,
            until: None,
        })
        .unwrap();
    let before = journal.lists().clone();
    let date = |text| painlog::model::parse_date(text).unwrap();
    let reversed = Medication {
        from: Some(date("2026-06-10")),
        until: Some(date("2026-06-01")),
        ..journal.medication(id).unwrap().clone()
    };
    let error = journal.check_medication(&reversed).unwrap_err();
    assert!(error.contains("before it starts"), "{error}");
    let long_dose = Medication {
        dose: "x".repeat(MAX_NAME_CHARS + 1),
        ..journal.medication(id).unwrap().clone()
    };
    assert!(journal.replace_medication(long_dose).is_err());
    assert_eq!(journal.lists(), &before);
    let edited = Medication {
        dose: "500 mg".into(),
        from: Some(date("2026-06-01")),
        ..reversed
    };
    journal.replace_medication(edited).unwrap();
    assert_eq!(journal.medication(id).unwrap().dose, "500 mg");
}
