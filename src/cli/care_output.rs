//! How own measures, medications, exercises and care visits are printed: a line each for
//! people, exact JSON for programs, and their part of a day's line.

use super::output::push_text;
use crate::model::{CareVisit, Day, Exercise, ItemId, Journal, Measure, Medication};
use crate::store::backup::count;

/// "1 day", "3 days".
pub(super) fn days(n: usize) -> String {
    count(n, "day")
}

/// "; what was logged on 3 days {stays}", or nothing when nothing was logged.
pub(super) fn kept(logged: usize, stays: &str) -> String {
    if logged == 0 {
        String::new()
    } else {
        format!("; what was logged on {} {stays}", days(logged))
    }
}

/// On how many days a measure is logged.
pub(super) fn days_with_measure(journal: &Journal, id: ItemId) -> usize {
    journal
        .days()
        .filter(|day| day.measures.contains_key(&id))
        .count()
}

/// `"Tingling" (0 = none, 10 = worst)`, with `, retired` when it is.
pub(super) fn measure_line(measure: &Measure) -> String {
    let retired = if measure.retired { ", retired" } else { "" };
    format!("\"{}\" ({}){retired}", measure.name, measure.scale())
}

/// `"Ibuprofen" (400 mg, as needed), from 2026-01-05 to 2026-02-01`.
pub(super) fn medication_line(medication: &Medication) -> String {
    let mut text = format!("\"{}\" ({})", medication.name, medication.how());
    match (medication.from, medication.until) {
        (Some(from), Some(until)) => push_text(&mut text, format_args!(", from {from} to {until}")),
        (Some(from), None) => push_text(&mut text, format_args!(", since {from}")),
        (None, Some(until)) => push_text(&mut text, format_args!(", stopped {until}")),
        (None, None) => {}
    }
    text
}

/// `"Cat-cow" (7 times a week, suggested at session 3 on 2026-01-05)`.
pub(super) fn exercise_line(journal: &Journal, exercise: &Exercise) -> String {
    let mut details = Vec::new();
    if let Some(times) = exercise.per_week {
        details.push(if times == 1 {
            "once a week".to_owned()
        } else {
            format!("{times} times a week")
        });
    }
    if let Some(id) = exercise.session {
        details.push(match journal.session(id) {
            Some(session) => format!("suggested at session {id} on {}", session.date()),
            None => format!("suggested at session {id}, since removed"),
        });
    }
    if details.is_empty() {
        format!("\"{}\"", exercise.name)
    } else {
        format!("\"{}\" ({})", exercise.name, details.join(", "))
    }
}

/// `3: 2026-06-01, Physiotherapy (Dr Lee), note: "…"`.
pub(super) fn care_line(visit: &CareVisit) -> String {
    let mut text = format!("{}: {}, {}", visit.id, visit.date, visit.label());
    if !visit.note.is_empty() {
        push_text(&mut text, format_args!(", note: {:?}", visit.note));
    }
    text
}

/// Lines of a list, or what to do when it is empty.
fn lines(items: Vec<String>, when_empty: &str) -> String {
    if items.is_empty() {
        format!("{when_empty}\n")
    } else {
        items.into_iter().map(|line| line + "\n").collect()
    }
}

/// A line for each own measure, in the order they were added.
pub(super) fn measure_lines(journal: &Journal) -> String {
    lines(
        journal
            .measures()
            .iter()
            .map(|measure| {
                let logged = days_with_measure(journal, measure.id);
                format!("{}; logged on {}", measure_line(measure), days(logged))
            })
            .collect(),
        "No own measures yet. Add one with: painlog measure add NAME --worse higher|lower",
    )
}

/// A line for each medication, in the order they were added.
pub(super) fn medication_lines(journal: &Journal) -> String {
    lines(
        journal
            .medications()
            .iter()
            .map(|medication| {
                let taken = journal
                    .days()
                    .filter(|day| day.took.contains(&medication.id))
                    .count();
                format!("{}; taken on {}", medication_line(medication), days(taken))
            })
            .collect(),
        "No medications yet. Add one with: painlog medication add NAME [--dose TEXT] [--as-needed]",
    )
}

/// A line for each home exercise, in the order they were added.
pub(super) fn exercise_lines(journal: &Journal) -> String {
    lines(
        journal
            .exercises()
            .iter()
            .map(|exercise| {
                let done = journal
                    .days()
                    .filter(|day| day.did.contains(&exercise.id))
                    .count();
                format!(
                    "{}; done on {}",
                    exercise_line(journal, exercise),
                    days(done)
                )
            })
            .collect(),
        "No home exercises yet. Add one with: painlog exercise add NAME [--per-week N]",
    )
}

/// A line for each visit to other care, newest first.
pub(super) fn care_lines(journal: &Journal) -> String {
    lines(
        journal.care_visits().iter().rev().map(care_line).collect(),
        "No visits to other care yet. Add one with: painlog care add --date YYYY-MM-DD --kind physiotherapy",
    )
}

/// Own measures as a JSON array, in the order they were added.
pub(super) fn measures_json(journal: &Journal) -> String {
    let items: Vec<serde_json::Value> = journal
        .measures()
        .iter()
        .map(|measure| {
            serde_json::json!({
                "id": measure.id.0,
                "name": measure.name,
                "worse": measure.worse.cli_name(),
                "retired": measure.retired,
                "days": days_with_measure(journal, measure.id),
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// Medications as a JSON array, in the order they were added.
pub(super) fn medications_json(journal: &Journal) -> String {
    let items: Vec<serde_json::Value> = journal
        .medications()
        .iter()
        .map(|medication| {
            serde_json::json!({
                "id": medication.id.0,
                "name": medication.name,
                "dose": (!medication.dose.is_empty()).then_some(&medication.dose),
                "as_needed": medication.as_needed,
                "from": medication.from.map(|date| date.to_string()),
                "until": medication.until.map(|date| date.to_string()),
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// Home exercises as a JSON array, in the order they were added.
pub(super) fn exercises_json(journal: &Journal) -> String {
    let items: Vec<serde_json::Value> = journal
        .exercises()
        .iter()
        .map(|exercise| {
            serde_json::json!({
                "id": exercise.id.0,
                "name": exercise.name,
                "session": exercise.session.map(|id| id.0),
                "per_week": exercise.per_week,
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// Visits to other care as a JSON array, newest first.
pub(super) fn care_json(journal: &Journal) -> String {
    let items: Vec<serde_json::Value> = journal
        .care_visits()
        .iter()
        .rev()
        .map(|visit| {
            serde_json::json!({
                "id": visit.id.0,
                "date": visit.date.to_string(),
                "kind": visit.kind.cli_name(),
                "label": visit.label(),
                "name": (!visit.name.is_empty()).then_some(&visit.name),
                "note": visit.note,
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

/// A day's own measures, medications and exercises by name, for its line: `tingling 3`,
/// `took: Ibuprofen`, `did: Cat-cow, Chin tucks`.
pub(super) fn day_parts(journal: &Journal, day: &Day) -> Vec<String> {
    let mut parts: Vec<String> = day
        .measures
        .iter()
        .map(|(id, score)| {
            let name = journal
                .measure(*id)
                .map_or_else(|| format!("measure {id}"), |m| m.name.clone());
            format!("{name} {score}")
        })
        .collect();
    let named = |ids: &std::collections::BTreeSet<ItemId>,
                 name: &dyn Fn(ItemId) -> Option<String>| {
        ids.iter()
            .map(|&id| name(id).unwrap_or_else(|| format!("number {id}")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !day.took.is_empty() {
        let name = |id| journal.medication(id).map(|m| m.name.clone());
        parts.push(format!("took: {}", named(&day.took, &name)));
    }
    if !day.did.is_empty() {
        let name = |id| journal.exercise(id).map(|e| e.name.clone());
        parts.push(format!("did: {}", named(&day.did, &name)));
    }
    parts
}
