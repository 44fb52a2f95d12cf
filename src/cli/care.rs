//! `painlog measure`, `medication`, `exercise` and `care`: the lists beside days and sessions,
//! and how `log` finds their items by name.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

use super::LogArgs;
use super::care_args::{
    CareAddArgs, CareCommand, ExerciseCommand, MeasureArg, MeasureCommand, MedicationAddArgs,
    MedicationCommand,
};
use super::care_output as shown;
use super::commands::{Failure, Writing, load};
use super::output;
use crate::model::{
    CareKind, CareVisit, Day, Exercise, ItemId, Journal, Medication, SessionId, Worse,
};

/// `painlog measure …`.
pub(super) fn measure(path: &Path, command: MeasureCommand) -> Result<(), Failure> {
    match command {
        MeasureCommand::Add { name, worse } => add_measure(path, &name, worse),
        MeasureCommand::List { json } => {
            let journal = load(path)?;
            print_list(json, &shown::measures_json(&journal), || {
                shown::measure_lines(&journal)
            });
            Ok(())
        }
        MeasureCommand::Rename { old, new } => rename_measure(path, &old, &new),
        MeasureCommand::Retire { name, undo } => retire_measure(path, &name, !undo),
    }
}

/// `painlog medication …`.
pub(super) fn medication(path: &Path, command: MedicationCommand) -> Result<(), Failure> {
    match command {
        MedicationCommand::Add(args) => add_medication(path, args),
        MedicationCommand::List { json } => {
            let journal = load(path)?;
            print_list(json, &shown::medications_json(&journal), || {
                shown::medication_lines(&journal)
            });
            Ok(())
        }
        MedicationCommand::Stop { name, on } => stop_medication(path, &name, on),
    }
}

/// `painlog exercise …`.
pub(super) fn exercise(path: &Path, command: ExerciseCommand) -> Result<(), Failure> {
    match command {
        ExerciseCommand::Add {
            name,
            session,
            per_week,
        } => add_exercise(path, name, session.map(SessionId), per_week),
        ExerciseCommand::List { json } => {
            let journal = load(path)?;
            print_list(json, &shown::exercises_json(&journal), || {
                shown::exercise_lines(&journal)
            });
            Ok(())
        }
    }
}

/// `painlog care …`.
pub(super) fn care(path: &Path, command: CareCommand) -> Result<(), Failure> {
    match command {
        CareCommand::Add(args) => add_care_visit(path, args),
        CareCommand::List { json } => {
            let journal = load(path)?;
            print_list(json, &shown::care_json(&journal), || {
                shown::care_lines(&journal)
            });
            Ok(())
        }
        CareCommand::Remove { id } => remove_care_visit(path, ItemId(id)),
    }
}

/// Print a list: its JSON, or its lines for people.
fn print_list(json: bool, as_json: &str, lines: impl FnOnce() -> String) {
    if json {
        output::write_line(as_json);
    } else {
        output::show(&lines());
    }
}

/// What `log` changes of a day's own measures, medications and exercises: `None` leaves a list
/// as it is.
pub(super) struct DayCare<'a> {
    /// `--measure NAME=N`, in the order given (a later one for the same measure wins).
    pub measures: &'a [MeasureArg],
    /// `--took` (replaces the day's medications; empty with `--no-took` clears them).
    pub took: Option<&'a [String]>,
    /// `--did` (replaces the day's exercises; empty with `--no-did` clears them).
    pub did: Option<&'a [String]>,
}

impl<'a> DayCare<'a> {
    /// What `log`'s arguments change.
    pub(super) fn of(args: &'a LogArgs) -> Self {
        let given =
            |names: &'a [String], clear: bool| (!names.is_empty() || clear).then_some(names);
        Self {
            measures: &args.measure,
            took: given(&args.took, args.no_took),
            did: given(&args.did, args.no_did),
        }
    }
}

/// Apply `care` to `day`, finding each item by name; an unknown name is refused with the
/// names the journal has.
pub(super) fn apply_to_day(
    journal: &Journal,
    day: &mut Day,
    care: &DayCare<'_>,
) -> Result<(), Failure> {
    for given in care.measures {
        let measure = journal.measure_named(&given.name).ok_or_else(|| {
            unknown(
                "--measure",
                "measure",
                &given.name,
                &names_of_measures(journal),
            )
        })?;
        match given.score.value() {
            Some(score) => day.measures.insert(measure.id, score),
            None => day.measures.remove(&measure.id),
        };
    }
    if let Some(took) = care.took {
        day.took = took
            .iter()
            .map(|name| {
                journal.medication_named(name).map(|m| m.id).ok_or_else(|| {
                    unknown("--took", "medication", name, &names_of_medications(journal))
                })
            })
            .collect::<Result<BTreeSet<_>, _>>()?;
    }
    if let Some(did) = care.did {
        day.did =
            did.iter()
                .map(|name| {
                    journal.exercise_named(name).map(|e| e.id).ok_or_else(|| {
                        unknown("--did", "exercise", name, &names_of_exercises(journal))
                    })
                })
                .collect::<Result<BTreeSet<_>, _>>()?;
    }
    Ok(())
}

fn names_of_measures(journal: &Journal) -> Vec<&str> {
    journal.measures().iter().map(|m| m.name.as_str()).collect()
}

fn names_of_medications(journal: &Journal) -> Vec<&str> {
    journal
        .medications()
        .iter()
        .map(|m| m.name.as_str())
        .collect()
}

fn names_of_exercises(journal: &Journal) -> Vec<&str> {
    journal
        .exercises()
        .iter()
        .map(|e| e.name.as_str())
        .collect()
}

/// The command that adds a `what` ("measure", "medication", "exercise").
fn add_command(what: &str) -> &'static str {
    match what {
        "measure" => "painlog measure add NAME --worse higher|lower",
        "medication" => "painlog medication add NAME",
        _ => "painlog exercise add NAME",
    }
}

/// "no medication is called "X"; the medications are: "A", "B"".
fn unknown(flag: &str, what: &str, name: &str, known: &[&str]) -> Failure {
    let known = if known.is_empty() {
        format!(
            "there are no {what}s yet; add one with: {}",
            add_command(what)
        )
    } else {
        format!(
            "the {what}s are: {} (names match in any case). Add another with: {}",
            quoted(known),
            add_command(what)
        )
    };
    Failure::usage(format!(
        "invalid value for '{flag}': no {what} is called \"{name}\"; {known}"
    ))
}

/// `"A", "B"`.
fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Refuse `name` for a new `what` when one is already called that (any case).
fn refuse_taken(flag: &str, what: &str, taken: Option<&str>) -> Result<(), Failure> {
    match taken {
        Some(existing) => Err(Failure::usage(format!(
            "invalid value for '{flag}': a {what} is already called \"{existing}\" (names are \
             matched in any case); choose another name"
        ))),
        None => Ok(()),
    }
}

fn add_measure(path: &Path, name: &str, worse: Worse) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    refuse_taken(
        "<NAME>",
        "measure",
        journal.measure_named(name).map(|m| m.name.as_str()),
    )?;
    let id = journal.add_measure(name, worse).map_err(Failure::usage)?;
    let added = journal.measure(id).map(shown::measure_line);
    writing.save(path)?;
    if let Some(added) = added {
        output::say(&format!("Added the measure {added}"));
    }
    output::say(&format!(
        "Log it with: painlog log --measure \"{}=N\"",
        name.trim()
    ));
    Ok(())
}

fn rename_measure(path: &Path, old: &str, new: &str) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    let measure = journal
        .measure_named(old)
        .ok_or_else(|| unknown("<OLD>", "measure", old, &names_of_measures(journal)))?
        .clone();
    if let Some(other) = journal.measure_named(new)
        && other.id != measure.id
    {
        refuse_taken("<NEW>", "measure", Some(&other.name))?;
    }
    if measure.name == new.trim() {
        output::say(&format!(
            "The measure is already called \"{}\"; nothing changed.",
            measure.name
        ));
        return Ok(());
    }
    journal
        .rename_measure(measure.id, new)
        .map_err(Failure::usage)?;
    let days = shown::days_with_measure(journal, measure.id);
    writing.save(path)?;
    output::say(&format!(
        "Renamed the measure \"{}\" to \"{}\"{}.",
        measure.name,
        new.trim(),
        shown::kept(days, "stays with it")
    ));
    Ok(())
}

fn retire_measure(path: &Path, name: &str, retire: bool) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    let measure = journal
        .measure_named(name)
        .ok_or_else(|| unknown("<NAME>", "measure", name, &names_of_measures(journal)))?
        .clone();
    if measure.retired == retire {
        let state = if retire { "retired" } else { "in use" };
        output::say(&format!(
            "The measure \"{}\" is already {state}; nothing changed.",
            measure.name
        ));
        return Ok(());
    }
    journal
        .set_measure_retired(measure.id, retire)
        .map_err(Failure::usage)?;
    let days = shown::days_with_measure(journal, measure.id);
    writing.save(path)?;
    if retire {
        output::say(&format!(
            "Retired the measure \"{}\": the window no longer asks for it{}. Bring it back \
             with: painlog measure retire --undo \"{}\"",
            measure.name,
            shown::kept(days, "is kept"),
            measure.name
        ));
    } else {
        output::say(&format!(
            "The measure \"{}\" is back in use: the window asks for it again.",
            measure.name
        ));
    }
    Ok(())
}

fn add_medication(path: &Path, args: MedicationAddArgs) -> Result<(), Failure> {
    if let (Some(from), Some(until)) = (args.from, args.until)
        && until < from
    {
        return Err(Failure::usage(format!(
            "invalid value for '--until': {until} is before --from {from}; a medication stops \
             on or after the day it starts"
        )));
    }
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    refuse_taken(
        "<NAME>",
        "medication",
        journal
            .medication_named(&args.name)
            .map(|m| m.name.as_str()),
    )?;
    let id = journal
        .add_medication(Medication {
            id: ItemId::default(),
            name: args.name,
            dose: args.dose.unwrap_or_default(),
            as_needed: args.as_needed,
            from: args.from,
            until: args.until,
        })
        .map_err(Failure::usage)?;
    let added = journal.medication(id).cloned();
    writing.save(path)?;
    if let Some(added) = added {
        output::say(&format!(
            "Added the medication {}\nLog a day's with: painlog log --took \"{}\"",
            shown::medication_line(&added),
            added.name
        ));
    }
    Ok(())
}

fn stop_medication(path: &Path, name: &str, on: Option<NaiveDate>) -> Result<(), Failure> {
    let date = on.unwrap_or_else(super::today);
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    let mut medication = journal
        .medication_named(name)
        .ok_or_else(|| unknown("<NAME>", "medication", name, &names_of_medications(journal)))?
        .clone();
    if let Some(from) = medication.from
        && date < from
    {
        let day = if on.is_some() {
            date.to_string()
        } else {
            format!("today ({date})")
        };
        return Err(Failure::usage(format!(
            "invalid value for '--on': {day} is before \"{}\" started ({from}); give the last \
             day it was taken, on or after {from}",
            medication.name
        )));
    }
    if medication.until == Some(date) {
        output::say(&format!(
            "\"{}\" is already noted as stopped on {date}; nothing changed.",
            medication.name
        ));
        return Ok(());
    }
    let before = medication.until.replace(date);
    journal
        .replace_medication(medication.clone())
        .map_err(Failure::usage)?;
    writing.save(path)?;
    let was = before.map_or_else(String::new, |before| {
        format!(" (it was noted as stopped on {before})")
    });
    output::say(&format!("Stopped \"{}\" on {date}{was}.", medication.name));
    Ok(())
}

fn add_exercise(
    path: &Path,
    name: String,
    session: Option<SessionId>,
    per_week: Option<u8>,
) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    if let Some(session) = session
        && journal.session(session).is_none()
    {
        return Err(Failure::usage(format!(
            "invalid value for '--session': there is no session with the id {session}; \
             `painlog session list` shows the ids"
        )));
    }
    refuse_taken(
        "<NAME>",
        "exercise",
        journal.exercise_named(&name).map(|e| e.name.as_str()),
    )?;
    let id = journal
        .add_exercise(Exercise {
            id: ItemId::default(),
            name,
            session,
            per_week,
        })
        .map_err(Failure::usage)?;
    let added = journal.exercise(id).map(|exercise| {
        (
            shown::exercise_line(journal, exercise),
            exercise.name.clone(),
        )
    });
    writing.save(path)?;
    if let Some((line, name)) = added {
        output::say(&format!(
            "Added the exercise {line}\nLog a day's with: painlog log --did \"{name}\""
        ));
    }
    Ok(())
}

fn add_care_visit(path: &Path, args: CareAddArgs) -> Result<(), Failure> {
    if args.kind == CareKind::Other && args.name.is_none() {
        return Err(Failure::usage(
            "--kind other needs --name: what kind of care it was, e.g. --name hydrotherapy",
        ));
    }
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    let id = journal
        .add_care_visit(CareVisit {
            id: ItemId::default(),
            date: args.date,
            kind: args.kind,
            name: args.name.unwrap_or_default(),
            note: args
                .note
                .map(|note| note.trim_end().to_owned())
                .unwrap_or_default(),
        })
        .map_err(Failure::usage)?;
    let added = journal
        .care_visits()
        .iter()
        .find(|visit| visit.id == id)
        .map(shown::care_line);
    writing.save(path)?;
    if let Some(added) = added {
        output::warn(&format!("Added care visit {added}"));
    }
    output::write_line(id);
    Ok(())
}

fn remove_care_visit(path: &Path, id: ItemId) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let removed = writing.journal.remove_care_visit(id).ok_or_else(|| {
        Failure::usage(format!(
            "invalid value for '<ID>': there is no care visit with the id {id}; `painlog care \
             list` shows the ids"
        ))
    })?;
    writing.save(path)?;
    output::say(&format!(
        "Removed care visit {}",
        shown::care_line(&removed)
    ));
    Ok(())
}
