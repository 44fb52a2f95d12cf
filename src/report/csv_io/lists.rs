//! The rows of `measures.csv`, `medications.csv`, `exercises.csv`, `care.csv` and
//! `therapists.csv` as the journal's lists, each value checked as the window and the command
//! line check it.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::cells::cell_from_csv;
use super::rows::{CsvError, Rows};
use super::{
    CARE_COLUMNS, EXERCISE_COLUMNS, MEASURE_COLUMNS, MEDICATION_COLUMNS, THERAPIST_COLUMNS,
};
use crate::model::{
    CareKind, CareVisit, Exercise, ItemId, MAX_NAME_CHARS, MAX_PER_WEEK, Measure, Medication,
    SessionId, Therapist, Worse, check_item_name, check_not_future, check_text, parse_date,
};

/// `yes` or `no`, as the list files write a yes-or-no value.
pub(super) fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

fn parse_yes_no(column: &str, text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(format!("{column} must be yes or no, found \"{text}\"")),
    }
}

fn parse_id(text: &str) -> Result<ItemId, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|&id| id > 0)
        .map(ItemId)
        .ok_or_else(|| format!("id must be a whole number from 1, found \"{text}\""))
}

fn parse_optional_date(column: &str, text: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .ok_or_else(|| format!("{column} must be YYYY-MM-DD or empty, found \"{text}\""))
}

/// A row's cell by its column, with painlog's formula guard taken off.
type Field<'a> = &'a dyn Fn(usize) -> String;

/// Read a list file whose header must be exactly `columns`: each row through `parse`, with its
/// id and its name (when it has one) unique in the file.
fn parse_list<T>(
    text: &str,
    file: &str,
    columns: &[&str],
    parse: &dyn Fn(Field<'_>) -> Result<T, String>,
    key: &dyn Fn(&T) -> (ItemId, Option<String>),
) -> Result<Vec<T>, CsvError> {
    let mut rows = Rows::new(text, file, columns)?;
    let looks_like_row = |line: &str| {
        let mut cells = line.split(',');
        cells
            .next()
            .is_some_and(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()))
            && cells.count() + 1 >= columns.len()
    };
    let (mut ids, mut names) = (BTreeSet::new(), BTreeSet::new());
    let mut items = Vec::new();
    for (line, record) in rows.records(columns, &looks_like_row)? {
        let field = |i: usize| cell_from_csv(record.get(i).unwrap_or_default()).to_owned();
        let item = parse(&field).map_err(|message| rows.error(line, message))?;
        let (id, name) = key(&item);
        if !ids.insert(id) {
            return Err(rows.error(line, format!("the id {id} appears twice")));
        }
        if let Some(name) = name
            && !names.insert(name.to_lowercase())
        {
            return Err(rows.error(
                line,
                format!("the name \"{name}\" appears twice; each needs its own name"),
            ));
        }
        items.push(item);
    }
    Ok(items)
}

/// Read `measures.csv` (id, name, worse: higher or lower, retired: yes or no).
pub fn parse_measures(text: &str, file: &str) -> Result<Vec<Measure>, CsvError> {
    let parse = |field: Field<'_>| -> Result<Measure, String> {
        let id = parse_id(&field(0))?;
        let name = field(1).trim().to_owned();
        check_item_name("name", &name)?;
        let worse = Worse::from_cli_name(&field(2))
            .ok_or_else(|| format!("worse must be higher or lower, found \"{}\"", field(2)))?;
        let retired = parse_yes_no("retired", &field(3))?;
        Ok(Measure {
            id,
            name,
            worse,
            retired,
        })
    };
    parse_list(text, file, &MEASURE_COLUMNS, &parse, &|m: &Measure| {
        (m.id, Some(m.name.clone()))
    })
}

/// Read `medications.csv` (id, name, dose, as_needed: yes or no, from, until).
pub fn parse_medications(text: &str, file: &str) -> Result<Vec<Medication>, CsvError> {
    let parse = |field: Field<'_>| -> Result<Medication, String> {
        let id = parse_id(&field(0))?;
        let name = field(1).trim().to_owned();
        check_item_name("name", &name)?;
        let dose = field(2);
        check_text("dose", &dose, MAX_NAME_CHARS, false)?;
        let as_needed = parse_yes_no("as_needed", &field(3))?;
        let from = parse_optional_date("from", &field(4))?;
        let until = parse_optional_date("until", &field(5))?;
        if let (Some(from), Some(until)) = (from, until)
            && until < from
        {
            return Err(format!("until ({until}) is before from ({from})"));
        }
        Ok(Medication {
            id,
            name,
            dose,
            as_needed,
            from,
            until,
        })
    };
    parse_list(
        text,
        file,
        &MEDICATION_COLUMNS,
        &parse,
        &|m: &Medication| (m.id, Some(m.name.clone())),
    )
}

/// Read `exercises.csv` (id, name, session: the id of a session in sessions.csv or empty,
/// per_week: 1 to 14 or empty).
pub fn parse_exercises(text: &str, file: &str) -> Result<Vec<Exercise>, CsvError> {
    let parse = |field: Field<'_>| -> Result<Exercise, String> {
        let id = parse_id(&field(0))?;
        let name = field(1).trim().to_owned();
        check_item_name("name", &name)?;
        let session = field(2);
        let session = if session.trim().is_empty() {
            None
        } else {
            Some(SessionId(
                session
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|&id| (1..=crate::model::MAX_SESSION_ID).contains(&id))
                    .ok_or_else(|| {
                        format!(
                            "session must be the id of a session, or empty; found \"{session}\""
                        )
                    })?,
            ))
        };
        let per_week = field(3);
        let per_week = if per_week.trim().is_empty() {
            None
        } else {
            Some(
                per_week
                    .trim()
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=MAX_PER_WEEK).contains(n))
                    .ok_or_else(|| {
                        format!(
                            "per_week must be a whole number from 1 to {MAX_PER_WEEK}, or empty; \
                             found \"{per_week}\""
                        )
                    })?,
            )
        };
        Ok(Exercise {
            id,
            name,
            session,
            per_week,
        })
    };
    parse_list(text, file, &EXERCISE_COLUMNS, &parse, &|e: &Exercise| {
        (e.id, Some(e.name.clone()))
    })
}

/// Read `care.csv` (id, date, kind: physiotherapy, chiropractic, doctor or other, name, note);
/// visits after `today` are refused.
pub fn parse_care(text: &str, file: &str, today: NaiveDate) -> Result<Vec<CareVisit>, CsvError> {
    let parse = |field: Field<'_>| -> Result<CareVisit, String> {
        let id = parse_id(&field(0))?;
        let date = parse_date(&field(1))
            .ok_or_else(|| format!("date must be YYYY-MM-DD, found \"{}\"", field(1)))?;
        check_not_future(date, today).map_err(|e| e.to_string())?;
        let kind = CareKind::from_cli_name(&field(2)).ok_or_else(|| {
            format!(
                "kind must be one of {}, found \"{}\"",
                CareKind::ALL.map(CareKind::cli_name).join(", "),
                field(2)
            )
        })?;
        let visit = CareVisit {
            id,
            date,
            kind,
            name: field(3).trim().to_owned(),
            note: field(4),
        };
        check_text("name", &visit.name, MAX_NAME_CHARS, false)?;
        check_text("note", &visit.note, crate::model::MAX_NOTE_CHARS, true)?;
        if let Some(problem) = visit.problem() {
            return Err(problem);
        }
        Ok(visit)
    };
    parse_list(text, file, &CARE_COLUMNS, &parse, &|v: &CareVisit| {
        (v.id, None)
    })
}

/// Read `therapists.csv` (name, practice, address, licence): each name once (case aside), each
/// text within its limits and on one line.
pub fn parse_therapists(text: &str, file: &str) -> Result<Vec<Therapist>, CsvError> {
    let columns = &THERAPIST_COLUMNS;
    let mut rows = Rows::new(text, file, columns)?;
    let looks_like_row = |line: &str| line.split(',').count() == columns.len();
    let mut names = BTreeSet::new();
    let mut therapists = Vec::new();
    for (line, record) in rows.records(columns, &looks_like_row)? {
        let field = |i: usize| cell_from_csv(record.get(i).unwrap_or_default()).to_owned();
        let therapist = Therapist {
            name: field(0),
            practice: field(1),
            address: field(2),
            licence: field(3),
        }
        .trimmed();
        if let Some(problem) = therapist.problem() {
            return Err(rows.error(line, problem));
        }
        if !names.insert(therapist.name.to_lowercase()) {
            return Err(rows.error(
                line,
                format!(
                    "the therapist \"{}\" appears twice; give each therapist's details once",
                    therapist.name
                ),
            ));
        }
        therapists.push(therapist);
    }
    Ok(therapists)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn therapists_csv_refuses_a_name_twice_and_a_bad_detail_at_their_line() {
        let twice = "name,practice,address,licence\r\nAnna,,,1\r\nANNA,,,2\r\n";
        let error = parse_therapists(twice, "therapists.csv").unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains("line 3") && message.contains("appears twice"),
            "{message}"
        );
        let long = format!(
            "name,practice,address,licence\r\nAnna,,{},\r\n",
            "x".repeat(201)
        );
        let message = parse_therapists(&long, "therapists.csv")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("line 2") && message.contains("at most 200"),
            "{message}"
        );
        let read = parse_therapists(
            "name,practice,address,licence\r\n Anna ,'=P,,\r\n",
            "therapists.csv",
        )
        .unwrap();
        assert_eq!(
            (read[0].name.as_str(), read[0].practice.as_str()),
            ("Anna", "=P")
        );
    }
}
