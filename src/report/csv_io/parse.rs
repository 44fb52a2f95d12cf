//! The rows of `sessions.csv` as sessions, each value checked as the window and the command
//! line check it.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

use super::SESSION_COLUMNS;
use super::cells::cell_from_csv;
use super::rows::{CsvError, Rows};
use crate::model::{
    Amount, Cost, Currency, KindChoice, MAX_NAME_CHARS, MAX_NOTE_CHARS, Minutes, Pressure, Score,
    Session, SessionId, SessionKind, check_not_future, check_start_not_future, check_text,
    parse_set_text, parse_start,
};

/// A line of `sessions.csv` that would be a row by itself: an id, a start, the other columns.
fn looks_like_session_row(line: &str) -> bool {
    let cells: Vec<&str> = line.split(',').collect();
    cells.len() >= SESSION_COLUMNS.len()
        && cells[0].trim().chars().all(|c| c.is_ascii_digit())
        && parse_start(cells[1]).is_some()
}

pub(super) fn parse_score(column: &str, text: &str) -> Result<Option<Score>, String> {
    Score::parse_optional(text).map_err(|_| {
        format!("{column} must be a whole number from 0 to 10, or empty for not logged; found \"{text}\"")
    })
}

fn parse_session(field: &dyn Fn(usize) -> String, now: NaiveDateTime) -> Result<Session, String> {
    let start = parse_start(&field(1))
        .ok_or_else(|| format!("start must be YYYY-MM-DDTHH:MM, found \"{}\"", field(1)))?;
    check_not_future(start.date(), now.date()).map_err(|e| e.to_string())?;
    check_start_not_future(start, now).map_err(|e| format!("start: {e}"))?;
    let choice = KindChoice::from_cli_name(&field(2)).ok_or_else(|| {
        format!(
            "kind must be one of {}, found \"{}\"",
            KindChoice::ALL.map(KindChoice::cli_name).join(", "),
            field(2)
        )
    })?;
    let kind_name = field(3);
    if choice != KindChoice::Other && !kind_name.is_empty() {
        return Err("kind_name is only for the kind other".to_owned());
    }
    check_text("kind_name", &kind_name, MAX_NAME_CHARS, false)?;
    let kind = match choice {
        KindChoice::Other => SessionKind::Other(kind_name),
        choice => SessionKind::from_choice(choice, ""),
    };
    let minutes = Minutes::parse(&field(4)).map_err(|e| format!("minutes: {e}"))?;
    let mut session = Session::new(start, kind, minutes);
    let id = field(0);
    if !id.trim().is_empty() {
        let id: u64 = id
            .trim()
            .parse()
            .map_err(|_| format!("id must be a whole number, found \"{id}\""))?;
        session.id = SessionId(id);
        if let Some(problem) = session.problem() {
            return Err(problem);
        }
    }
    let therapist = field(5);
    check_text("therapist", &therapist, MAX_NAME_CHARS, false)?;
    session.therapist = (!therapist.is_empty()).then_some(therapist);
    let pressure = field(6);
    if !pressure.trim().is_empty() {
        session.pressure = Some(Pressure::from_cli_name(&pressure).ok_or_else(|| {
            format!("pressure must be light, medium, firm or deep, found \"{pressure}\"")
        })?);
    }
    session.focus = parse_set_text(&field(7), ';').map_err(|e| format!("focus: {e}"))?;
    let (amount, currency) = (field(8), field(9));
    session.cost = match (amount.trim().is_empty(), currency.trim().is_empty()) {
        (true, true) => None,
        (true, false) => return Err("currency is given but cost is empty".to_owned()),
        (false, true) => return Err("cost needs a currency such as USD".to_owned()),
        (false, false) => Some(Cost {
            amount: Amount::parse(&amount).map_err(|e| format!("cost: {e}"))?,
            currency: Currency::parse(&currency).map_err(|e| format!("currency: {e}"))?,
        }),
    };
    session.pain_before = parse_score("pain_before", &field(10))?;
    session.pain_after = parse_score("pain_after", &field(11))?;
    session.soreness = parse_score("soreness", &field(12))?;
    check_text("note", &field(13), MAX_NOTE_CHARS, true)?;
    session.note = field(13);
    Ok(session)
}

/// Read `sessions.csv`; `file` names it in errors. Sessions that start later than `now` are
/// refused, and so is text the window and the command line refuse (too long, control
/// characters, direction overrides).
pub fn parse_sessions(
    text: &str,
    file: &str,
    now: NaiveDateTime,
) -> Result<Vec<Session>, CsvError> {
    let mut rows = Rows::new(text, file, &SESSION_COLUMNS)?;
    let mut ids = BTreeSet::new();
    let mut sessions = Vec::new();
    for (line, record) in rows.records(&SESSION_COLUMNS, &looks_like_session_row)? {
        let field = |i: usize| cell_from_csv(record.get(i).unwrap_or_default()).to_owned();
        let session = parse_session(&field, now).map_err(|message| rows.error(line, message))?;
        if session.id.0 != 0 && !ids.insert(session.id) {
            return Err(rows.error(line, format!("the id {} appears twice", session.id)));
        }
        sessions.push(session);
    }
    Ok(sessions)
}
