//! The Day view's *Your lists*: rename or retire an own measure (its history stays), stop a
//! regular medication on the day shown (or start it again), and edit a medication or a home
//! exercise whole.

mod edits;

use chrono::NaiveDate;

use super::Command;
use super::widgets::error_text;
use crate::model::{Exercise, ItemId, Journal, Medication, Worse, check_item_name};
use edits::{Editing, ExerciseForm, MedicationForm, Outcome};

/// A change to a list, as the Day view asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListChange {
    /// Give a measure a new name.
    RenameMeasure(ItemId, String),
    /// Retire a measure (`true`) or bring it back.
    RetireMeasure(ItemId, bool),
    /// Stop a medication on a day, or (`None`) take back its stop.
    StopMedication(ItemId, Option<NaiveDate>),
    /// Replace a medication (its name, dose, as needed, start and stop).
    EditMedication(Medication),
    /// Replace a home exercise (its name, session and times a week).
    EditExercise(Exercise),
}

/// What the section holds while a name is typed.
#[derive(Default)]
pub(super) struct ListsForm {
    renaming: Option<(ItemId, String)>,
    refused: Option<String>,
    editing: Option<Editing>,
}

/// The section, when the journal has measures or medications; the change asked for, if any.
pub(super) fn lists_ui(
    ui: &mut egui::Ui,
    form: &mut ListsForm,
    journal: &Journal,
    date: NaiveDate,
) -> Option<Command> {
    let lists = journal.lists();
    if lists.measures.is_empty() && lists.medications.is_empty() && lists.exercises.is_empty() {
        return None;
    }
    let mut change = None;
    egui::CollapsingHeader::new("Your lists…")
        .id_salt("your_lists")
        .show(ui, |ui| {
            change = measures(ui, form, journal);
            if let Some(stop) = medications(ui, form, journal, date) {
                change = Some(stop);
            }
            if let Some(edit) = exercises(ui, form, journal) {
                change = Some(edit);
            }
            if let Some(reason) = &form.refused {
                error_text(ui, reason);
            }
        });
    change.map(Command::ChangeList)
}

fn measures(ui: &mut egui::Ui, form: &mut ListsForm, journal: &Journal) -> Option<ListChange> {
    let mut change = None;
    for measure in journal.measures() {
        ui.horizontal_wrapped(|ui| {
            let worse = match measure.worse {
                Worse::Higher => "10 is worst",
                Worse::Lower => "0 is worst",
            };
            let retired = if measure.retired { ", retired" } else { "" };
            ui.label(format!("{} ({worse}{retired})", measure.name));
            match &mut form.renaming {
                Some((id, name)) if *id == measure.id => {
                    let label = ui.label("New name:");
                    ui.add(egui::TextEdit::singleline(name).desired_width(180.0))
                        .labelled_by(label.id);
                    if ui.button("Save name").clicked() {
                        let taken = journal
                            .measure_named(name)
                            .is_some_and(|other| other.id != measure.id);
                        let checked = check_item_name("The measure's name", name).and_then(|()| {
                            if taken {
                                Err(format!(
                                    "There is already a measure named \"{}\"",
                                    name.trim()
                                ))
                            } else {
                                Ok(())
                            }
                        });
                        match checked {
                            Ok(()) => {
                                change = Some(ListChange::RenameMeasure(
                                    measure.id,
                                    name.trim().to_owned(),
                                ));
                                form.renaming = None;
                                form.refused = None;
                            }
                            Err(reason) => form.refused = Some(format!("{reason}.")),
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        form.renaming = None;
                        form.refused = None;
                    }
                }
                _ => {
                    if ui
                        .small_button(format!("Rename {}", measure.name))
                        .clicked()
                    {
                        form.renaming = Some((measure.id, measure.name.clone()));
                    }
                }
            }
            let (text, retire) = if measure.retired {
                (format!("Log {} again", measure.name), false)
            } else {
                (format!("Retire {}", measure.name), true)
            };
            if ui
                .small_button(text)
                .on_hover_text("A retired measure leaves the Day view; its history stays")
                .clicked()
            {
                change = Some(ListChange::RetireMeasure(measure.id, retire));
            }
        });
    }
    change
}

fn medications(
    ui: &mut egui::Ui,
    form: &mut ListsForm,
    journal: &Journal,
    date: NaiveDate,
) -> Option<ListChange> {
    let mut change = None;
    for medication in journal.medications() {
        ui.horizontal_wrapped(|ui| {
            ui.label(medication_text(medication));
            if !medication.as_needed
                && let Some(stop) = stop_button(ui, medication, date)
            {
                // An edit under way would put back the stop it was opened with.
                if matches!(&form.editing, Some(Editing::Medication(edit)) if edit.id() == medication.id)
                {
                    form.editing = None;
                }
                change = Some(stop);
            }
            if edit_button(ui, &medication.name) {
                form.editing = Some(Editing::Medication(MedicationForm::new(medication)));
            }
        });
        if let Some(Editing::Medication(edit)) = &mut form.editing
            && edit.id() == medication.id
        {
            let outcome = edits::medication_form(ui, edit, journal, date);
            if let Some(saved) = settle_edit(form, outcome) {
                change = Some(saved);
            }
        }
    }
    change
}

/// "Naproxen (250 mg, regularly) from 2026-06-01, stopped 2026-06-10".
fn medication_text(medication: &Medication) -> String {
    let mut text = medication.label();
    if let Some(from) = medication.from {
        text.push_str(&format!(" from {from}"));
    }
    if let Some(until) = medication.until {
        text.push_str(&format!(", stopped {until}"));
    }
    text
}

/// Stop a regular medication on the day shown, or take its stop back.
fn stop_button(ui: &mut egui::Ui, medication: &Medication, date: NaiveDate) -> Option<ListChange> {
    if medication.until.is_some() {
        ui.small_button(format!("{} not stopped", medication.name))
            .clicked()
            .then_some(ListChange::StopMedication(medication.id, None))
    } else {
        ui.small_button(format!("Stop {} on this day", medication.name))
            .on_hover_text("Its last day is the day shown; Trends marks it")
            .clicked()
            .then_some(ListChange::StopMedication(medication.id, Some(date)))
    }
}

/// "Edit Naproxen": opens the item's form under its line.
fn edit_button(ui: &mut egui::Ui, name: &str) -> bool {
    ui.small_button(format!("Edit {name}")).clicked()
}

/// Close the edit form on Cancel or Save; the change to make on Save.
fn settle_edit(form: &mut ListsForm, outcome: Outcome) -> Option<ListChange> {
    match outcome {
        Outcome::Open => None,
        Outcome::Cancel => {
            form.editing = None;
            None
        }
        Outcome::Save(change) => {
            form.editing = None;
            Some(change)
        }
    }
}

fn exercises(ui: &mut egui::Ui, form: &mut ListsForm, journal: &Journal) -> Option<ListChange> {
    let mut change = None;
    for exercise in journal.exercises() {
        ui.horizontal_wrapped(|ui| {
            ui.label(exercise_text(journal, exercise));
            if edit_button(ui, &exercise.name) {
                form.editing = Some(Editing::Exercise(ExerciseForm::new(exercise)));
            }
        });
        if let Some(Editing::Exercise(edit)) = &mut form.editing
            && edit.id() == exercise.id
        {
            let outcome = edits::exercise_form(ui, edit, journal);
            if let Some(saved) = settle_edit(form, outcome) {
                change = Some(saved);
            }
        }
    }
    change
}

/// "Cat-cow, 3 times a week, suggested at Mon 1 Jun 2026, Swedish".
fn exercise_text(journal: &Journal, exercise: &Exercise) -> String {
    let mut text = exercise.name.clone();
    match exercise.per_week {
        Some(1) => text.push_str(", once a week"),
        Some(times) => text.push_str(&format!(", {times} times a week")),
        None => {}
    }
    if let Some(id) = exercise.session {
        match journal.session(id) {
            Some(session) => {
                text.push_str(&format!(", suggested at {}", edits::session_text(session)));
            }
            None => text.push_str(&format!(", suggested at session {id} (since deleted)")),
        }
    }
    text
}
