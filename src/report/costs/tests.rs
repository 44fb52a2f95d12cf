use super::*;
use crate::model::{Minutes, Session, SessionKind};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn session(start: &str, kind: SessionKind, minutes: i64, therapist: &str, cost: &str) -> Session {
    let mut session = Session::new(at(start), kind, Minutes::new(minutes).unwrap());
    session.therapist = (!therapist.is_empty()).then(|| therapist.to_owned());
    session.cost = cost.split_once(' ').map(|(amount, currency)| Cost {
        amount: Amount::parse(amount).unwrap(),
        currency: Currency::parse(currency).unwrap(),
    });
    session
}

/// Six sessions, five of them in 2026: two currencies, two without a cost, one without a
/// therapist, one therapist written in two cases.
fn journal() -> Journal {
    let mut journal = Journal::new();
    for s in [
        session(
            "2025-12-31 10:00",
            SessionKind::Swedish,
            60,
            "Anna Berg",
            "100 USD",
        ),
        session(
            "2026-01-05 17:30",
            SessionKind::DeepTissue,
            60,
            "Anna Berg",
            "85 USD",
        ),
        session(
            "2026-02-10 09:00",
            SessionKind::Swedish,
            45,
            "anna berg",
            "60.00 USD",
        ),
        session(
            "2026-03-01 12:00",
            SessionKind::Swedish,
            60,
            "Riverside Clinic",
            "70.50 EUR",
        ),
        session(
            "2026-04-01 08:15",
            SessionKind::Other("Hot stone".into()),
            30,
            "",
            "",
        ),
        session(
            "2026-05-01 18:00",
            SessionKind::DeepTissue,
            90,
            "Riverside Clinic",
            "",
        ),
    ] {
        journal.add_session(s);
    }
    journal
        .set_therapist(&Therapist {
            name: "Anna Berg".into(),
            licence: "LMT-1".into(),
            ..Therapist::default()
        })
        .unwrap();
    journal
}

fn year_2026() -> CostStatement {
    let range = DayRange::new(
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    );
    CostStatement::new(
        &journal(),
        range,
        Some("Kim Lee".into()),
        at("2026-12-31 09:00"),
    )
}

#[test]
fn totals_per_currency_are_never_added_across_currencies() {
    let statement = year_2026();
    assert_eq!(statement.sessions.len(), 5, "the 2025 session is left out");
    let totals: Vec<(String, usize)> = statement
        .totals_by_currency
        .iter()
        .map(|t| (t.money(), t.sessions))
        .collect();
    assert_eq!(
        totals,
        [("70.50 EUR".to_owned(), 1), ("145.00 USD".to_owned(), 2)]
    );
    assert_eq!(statement.without_cost, 2);
    assert_eq!(statement.period(), "in the year 2026");
    assert_eq!(
        statement.total_line(),
        "Paid for 3 sessions: 70.50 EUR + 145.00 USD."
    );
}

#[test]
fn totals_per_therapist_match_names_in_any_case_and_list_sessions_without_one_last() {
    let statement = year_2026();
    let rows: Vec<(&str, usize, u32, String, usize)> = statement
        .totals_by_therapist
        .iter()
        .map(|g| {
            (
                g.name.as_str(),
                g.sessions,
                g.minutes,
                g.money(),
                g.without_cost,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Anna Berg", 2, 105, "145.00 USD".to_owned(), 0),
            ("Riverside Clinic", 2, 150, "70.50 EUR".to_owned(), 1),
            (NO_THERAPIST, 1, 30, NO_COST.to_owned(), 1),
        ]
    );
    assert_eq!(
        statement.therapists.len(),
        1,
        "Anna's details, entered once"
    );
    assert_eq!(statement.therapists[0].licence, "LMT-1");
}

#[test]
fn totals_per_kind_keep_each_currency_apart() {
    let statement = year_2026();
    let rows: Vec<(&str, usize, u32, String)> = statement
        .totals_by_kind
        .iter()
        .map(|g| (g.name.as_str(), g.sessions, g.minutes, g.money()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Deep tissue", 2, 150, "85.00 USD".to_owned()),
            ("Hot stone", 1, 30, NO_COST.to_owned()),
            ("Swedish", 2, 105, "70.50 EUR + 60.00 USD".to_owned()),
        ]
    );
}

#[test]
fn the_csv_has_a_row_per_session_and_inert_cells() {
    let mut journal = journal();
    journal.add_session(session(
        "2026-06-01 10:00",
        SessionKind::Sports,
        60,
        "=HYPERLINK(1)",
        "1 USD",
    ));
    let range = DayRange::new(
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
    );
    let csv = CostStatement::new(&journal, range, None, at("2026-07-01 09:00")).to_csv();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "date,start,kind,therapist,minutes,amount,currency"
    );
    assert_eq!(
        lines[1],
        "2026-01-05,17:30,Deep tissue,Anna Berg,60,85.00,USD"
    );
    assert_eq!(lines[4], "2026-04-01,08:15,Hot stone,,30,,");
    assert_eq!(
        lines[6],
        "2026-06-01,10:00,Sports,'=HYPERLINK(1),60,1.00,USD"
    );
    assert_eq!(
        lines.len(),
        8,
        "six sessions, a header and the last line end"
    );
}

#[test]
fn the_json_has_the_sessions_the_totals_and_those_without_a_cost() {
    let value: serde_json::Value = serde_json::from_str(&year_2026().to_json()).unwrap();
    assert_eq!(value["without_cost"], 2);
    assert_eq!(value["patient"], "Kim Lee");
    assert_eq!(value["sessions"][0]["start"], "2026-01-05T17:30");
    assert_eq!(value["sessions"][0]["cost"]["amount"], "85.00");
    assert_eq!(value["sessions"][3]["cost"], serde_json::Value::Null);
    assert_eq!(value["totals_by_currency"][1]["amount"], "145.00");
    assert_eq!(value["totals_by_currency"][1]["currency"], "USD");
    assert_eq!(value["totals_by_therapist"][0]["name"], "Anna Berg");
    assert_eq!(value["totals_by_kind"][2]["costs"][0]["currency"], "EUR");
}
