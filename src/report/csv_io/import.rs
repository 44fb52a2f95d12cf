//! Putting imported days, sessions and lists into the journal.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use chrono::NaiveDateTime;

use super::days::{DayRow, DayRows, MEASURE_PREFIX};
use super::rows::CsvError;
use crate::model::{
    CareLists, CareVisit, Day, ItemId, Journal, Metric, Session, SessionId, SessionKind,
};

/// Everything read from the files of an import, checked each by itself; matched to the journal
/// (and its lists) only by [`import_csv`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvImport {
    /// The rows of days.csv.
    pub days: DayRows,
    /// The rows of sessions.csv.
    pub sessions: Vec<Session>,
    /// The rows of measures.csv, medications.csv, exercises.csv, care.csv and therapists.csv.
    pub lists: CareLists,
}

/// What an import added and changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Days that were not in the journal.
    pub days_added: usize,
    /// Days that were, now replaced by the imported values.
    pub days_updated: usize,
    /// Sessions added.
    pub sessions_added: usize,
    /// Sessions that matched one in the journal and were replaced.
    pub sessions_updated: usize,
    /// Own measures added to the journal's list.
    pub measures_added: usize,
    /// Medications added.
    pub medications_added: usize,
    /// Exercises added.
    pub exercises_added: usize,
    /// Own measures, medications and exercises the journal had (by name) whose values changed.
    pub items_updated: usize,
    /// Care visits added.
    pub visits_added: usize,
    /// Care visits that matched one in the journal and were replaced.
    pub visits_updated: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} days added, {} updated; {} sessions added, {} updated",
            self.days_added, self.days_updated, self.sessions_added, self.sessions_updated
        )?;
        let new = [
            (self.measures_added, "own measures"),
            (self.medications_added, "medications"),
            (self.exercises_added, "exercises"),
        ];
        if new.iter().any(|(count, _)| *count > 0) || self.items_updated > 0 {
            let new: Vec<String> = new
                .iter()
                .map(|(count, what)| format!("{count} {what}"))
                .collect();
            write!(
                f,
                "; {} added, {} changed",
                new.join(", "),
                self.items_updated
            )?;
        }
        if self.visits_added + self.visits_updated > 0 {
            write!(
                f,
                "; {} care visits added, {} updated",
                self.visits_added, self.visits_updated
            )?;
        }
        Ok(())
    }
}

/// Put what was read into `journal`, or nothing at all when a day names an own measure, a
/// medication or an exercise that neither the journal nor the imported lists hold.
///
/// The lists come first: an item matches the journal's item of the same name (case aside) and
/// takes the imported values; other items are added, with their own number when it is free. A
/// care visit matches one with the same number and date, or else the same date, kind and name,
/// and replaces it. Therapists' details replace those entered under the same name (case
/// aside). A session matches one with the same id and start, or else the same start and
/// kind, and replaces it; others are added. An exercise's session follows its session there
/// (one that is in neither sessions.csv nor the journal is left out). Then each day: the file's columns win over what the journal had
/// for that date; a column the file does not have (an older file) leaves the journal's value.
pub fn import_csv(journal: &mut Journal, import: CsvImport) -> Result<ImportSummary, CsvError> {
    let mut summary = ImportSummary::default();
    let mut lists = journal.lists().clone();
    let exercises = merge_items(&mut lists, &import.lists, &mut summary);
    merge_visits(&mut lists.visits, import.lists.visits, &mut summary);
    for therapist in import.lists.therapists {
        lists
            .therapists
            .retain(|known| !known.is_called(&therapist.name));
        lists.therapists.push(therapist);
    }
    let refs = resolve_days(&lists, &import.days)?;
    let check = Journal::new().set_lists(lists.clone());
    check.map_err(|error| CsvError::at("the imported lists", 1, error.to_string()))?;
    let moved = import_sessions(journal, import.sessions, &mut summary);
    for (id, session) in exercises {
        let session = session.and_then(|s| {
            moved
                .get(&s)
                .copied()
                .or_else(|| journal.session(s).map(|found| found.id))
        });
        if let Some(exercise) = lists.exercises.iter_mut().find(|e| e.id == id) {
            exercise.session = session;
        }
    }
    journal
        .set_lists(lists)
        .map_err(|error| CsvError::at("the imported lists", 1, error.to_string()))?;
    for (row, refs) in import.days.rows.iter().zip(refs) {
        let day = merged_day(journal.day(row.day.date), &import.days, row, refs);
        match journal.day(day.date) {
            Some(existing) if *existing == day => {}
            Some(_) => summary.days_updated += 1,
            None if day.is_empty() => continue,
            None => summary.days_added += 1,
        }
        journal.set_day(day);
    }
    Ok(summary)
}

/// The number after the highest in use.
fn next_id(ids: impl Iterator<Item = ItemId>) -> ItemId {
    ItemId(
        ids.map(|id| id.0)
            .max()
            .map_or(1, |id| id.saturating_add(1)),
    )
}

/// Put `from` into `have`, matched by name (case aside): the imported values win; other items
/// are added, with their own number when it is free. Counts what was added and what changed.
fn merge_list<T: Clone + PartialEq>(
    have: &mut Vec<T>,
    from: &[T],
    id: fn(&mut T) -> &mut ItemId,
    name: fn(&T) -> &str,
    counts: (&mut usize, &mut usize),
) -> Vec<(ItemId, ItemId)> {
    let (added, updated) = counts;
    let mut placed = Vec::with_capacity(from.len());
    for item in from {
        let mut item = item.clone();
        let in_file = *id(&mut item);
        if let Some(existing) = have
            .iter_mut()
            .find(|e| name(e).trim().eq_ignore_ascii_case(name(&item).trim()))
        {
            *id(&mut item) = *id(existing);
            if *existing != item {
                *existing = item;
                *updated += 1;
            }
            placed.push((in_file, *id(existing)));
            continue;
        }
        if have.iter_mut().any(|e| *id(e) == in_file) {
            *id(&mut item) = next_id(have.iter_mut().map(|e| *id(e)));
        }
        placed.push((in_file, *id(&mut item)));
        have.push(item);
        *added += 1;
    }
    placed
}

/// Merge the imported own measures, medications and exercises into `lists`; returns each
/// imported exercise's number in the journal with the session it names in the file.
fn merge_items(
    lists: &mut CareLists,
    from: &CareLists,
    summary: &mut ImportSummary,
) -> Vec<(ItemId, Option<SessionId>)> {
    merge_list(
        &mut lists.measures,
        &from.measures,
        |m| &mut m.id,
        |m| &m.name,
        (&mut summary.measures_added, &mut summary.items_updated),
    );
    merge_list(
        &mut lists.medications,
        &from.medications,
        |m| &mut m.id,
        |m| &m.name,
        (&mut summary.medications_added, &mut summary.items_updated),
    );
    let placed = merge_list(
        &mut lists.exercises,
        &from.exercises,
        |e| &mut e.id,
        |e| &e.name,
        (&mut summary.exercises_added, &mut summary.items_updated),
    );
    from.exercises
        .iter()
        .zip(placed)
        .map(|(exercise, (_, id))| (id, exercise.session))
        .collect()
}

/// Put imported care visits into `have`: one matches the visit with the same number and date,
/// or else the same date, kind and name, and replaces it; others are added, with their own
/// number when it is free.
fn merge_visits(have: &mut Vec<CareVisit>, from: Vec<CareVisit>, summary: &mut ImportSummary) {
    for mut visit in from {
        let same = have
            .iter()
            .position(|v| v.id == visit.id && v.date == visit.date)
            .or_else(|| {
                have.iter().position(|v| {
                    v.date == visit.date
                        && v.kind == visit.kind
                        && v.name.trim().eq_ignore_ascii_case(visit.name.trim())
                })
            });
        if let Some(at) = same {
            visit.id = have[at].id;
            if have[at] != visit {
                have[at] = visit;
                summary.visits_updated += 1;
            }
            continue;
        }
        if have.iter().any(|v| v.id == visit.id) {
            visit.id = next_id(have.iter().map(|v| v.id));
        }
        have.push(visit);
        summary.visits_added += 1;
    }
}

/// The numbers a day row refers to: its measure columns', its medications', its exercises'.
struct DayRefs {
    measures: Vec<ItemId>,
    took: BTreeSet<ItemId>,
    did: BTreeSet<ItemId>,
}

/// Names as a list for a message: `"a", "b"`, or "none yet".
fn known(names: impl Iterator<Item = String>) -> String {
    let names: Vec<String> = names.map(|name| format!("\"{name}\"")).collect();
    if names.is_empty() {
        "none yet".to_owned()
    } else {
        names.join(", ")
    }
}

/// The names of the day rows as numbers in `lists`, or the first name that is not there (with
/// its file, line and column, and the names that are).
fn resolve_days(lists: &CareLists, days: &DayRows) -> Result<Vec<DayRefs>, CsvError> {
    let find = |names: &[(ItemId, &str)], name: &str| {
        names
            .iter()
            .find(|(_, n)| n.trim().eq_ignore_ascii_case(name.trim()))
            .map(|(id, _)| *id)
    };
    let measures: Vec<(ItemId, &str)> = lists
        .measures
        .iter()
        .map(|m| (m.id, m.name.as_str()))
        .collect();
    let medications: Vec<(ItemId, &str)> = lists
        .medications
        .iter()
        .map(|m| (m.id, m.name.as_str()))
        .collect();
    let exercises: Vec<(ItemId, &str)> = lists
        .exercises
        .iter()
        .map(|e| (e.id, e.name.as_str()))
        .collect();
    let unknown = |line, column: &str, what: &str, name: &str, names: &[(ItemId, &str)], file| {
        CsvError::at(
            &days.file,
            line,
            format!(
                "column {column}: the journal has no {what} \"{name}\" (its {what}s: {}); add it \
                 in painlog first, or import {file} beside this file",
                known(names.iter().map(|(_, n)| (*n).to_owned()))
            ),
        )
    };
    let mut measure_ids = Vec::with_capacity(days.measures.len());
    for name in &days.measures {
        let column = format!("{MEASURE_PREFIX}{name}");
        measure_ids.push(
            find(&measures, name).ok_or_else(|| {
                unknown(1, &column, "own measure", name, &measures, "measures.csv")
            })?,
        );
    }
    let mut refs = Vec::with_capacity(days.rows.len());
    for row in &days.rows {
        let names = |row_names: &[String], column, what, list: &[(ItemId, &str)], file| {
            row_names
                .iter()
                .map(|name| {
                    find(list, name)
                        .ok_or_else(|| unknown(row.line, column, what, name, list, file))
                })
                .collect::<Result<BTreeSet<ItemId>, CsvError>>()
        };
        refs.push(DayRefs {
            measures: measure_ids.clone(),
            took: names(
                &row.took,
                "medications",
                "medication",
                &medications,
                "medications.csv",
            )?,
            did: names(
                &row.did,
                "exercises",
                "exercise",
                &exercises,
                "exercises.csv",
            )?,
        });
    }
    Ok(refs)
}

/// The day `row` makes of what the journal had (`existing`): each column of the file wins, and
/// what the file has no column for stays.
fn merged_day(existing: Option<&Day>, days: &DayRows, row: &DayRow, refs: DayRefs) -> Day {
    let mut day = existing
        .cloned()
        .unwrap_or_else(|| Day::empty(row.day.date));
    for metric in Metric::ALL {
        if days.metrics[metric.built_in_index().unwrap_or(0)] {
            metric.set(&mut day, metric.of(&row.day));
        }
    }
    for (id, value) in refs.measures.iter().zip(&row.measures) {
        match value {
            Some(value) => day.measures.insert(*id, *value),
            None => day.measures.remove(id),
        };
    }
    if days.regions {
        day.regions.clone_from(&row.day.regions);
    }
    if days.took {
        day.took = refs.took;
    }
    if days.did {
        day.did = refs.did;
    }
    if days.note {
        day.note.clone_from(&row.day.note);
    }
    day
}

/// Put imported sessions into `journal`: a session matches one in the journal with the same id
/// and start, or else the same start and kind, and replaces it; other sessions are added (with
/// their own id when it is free). Linear in the rows (plus one sort), whatever the size of the
/// journal. Returns where each session's id in the file went.
fn import_sessions(
    journal: &mut Journal,
    sessions: Vec<Session>,
    summary: &mut ImportSummary,
) -> HashMap<SessionId, SessionId> {
    let mut moved = HashMap::new();
    if sessions.is_empty() {
        return moved;
    }
    // What the journal holds, looked up by id and by start and kind (the first session with a
    // start and kind, as a search from the oldest finds it).
    let mut by_id: HashMap<SessionId, Session> = journal
        .sessions()
        .iter()
        .map(|session| (session.id, session.clone()))
        .collect();
    let mut by_start: HashMap<(NaiveDateTime, SessionKind), SessionId> = HashMap::new();
    for session in journal.sessions() {
        by_start
            .entry((session.start, session.kind.clone()))
            .or_insert(session.id);
    }
    let mut put = Vec::with_capacity(sessions.len());
    for mut session in sessions {
        let in_file = session.id;
        let same_id = by_id
            .get(&session.id)
            .filter(|existing| session.id.0 != 0 && existing.start == session.start)
            .map(|existing| existing.id);
        let same_start = || {
            by_start
                .get(&(session.start, session.kind.clone()))
                .copied()
        };
        if let Some(id) = same_id.or_else(same_start) {
            session.id = id;
            moved.insert(in_file, id);
            if by_id.get(&id) != Some(&session) {
                summary.sessions_updated += 1;
                by_id.insert(id, session.clone());
                put.push(session);
            }
            continue;
        }
        if session.id.0 == 0 || by_id.contains_key(&session.id) {
            session.normalize();
            session.id = journal.take_session_id();
        }
        summary.sessions_added += 1;
        moved.insert(in_file, session.id);
        by_start
            .entry((session.start, session.kind.clone()))
            .or_insert(session.id);
        by_id.insert(session.id, session.clone());
        put.push(session);
    }
    journal.put_sessions(put);
    moved.remove(&SessionId(0));
    moved
}
