//! The Day view's care beyond the built-in scores: the person's own measures, the medications
//! taken and the home exercises done that day.

use chrono::NaiveDate;
use egui::RichText;

use super::commands::CareItem;
use super::day_form::{DayForm, score_reason};
use super::widgets::{EditOrigin, error_text, field_label, reason_line, score_input};
use crate::model::{Exercise, ItemId, Journal, MAX_PER_WEEK, Medication, Worse, check_item_name};

/// Where a person reads how to add measures, medications and exercises.
const ADD_HINT: &str = "add one under \"Add to the lists\" at the end of the page";

/// Labels a person (and the tests) find the forms that add to the lists by.
pub mod labels {
    /// The form that adds an own measure.
    pub const ADD_MEASURE: &str = "Add a measure…";
    /// The form that adds a medication.
    pub const ADD_MEDICATION: &str = "Add a medication…";
    /// The form that adds a home exercise.
    pub const ADD_EXERCISE: &str = "Add an exercise…";
    /// The dose field of a medication.
    pub const DOSE: &str = "Dose (optional)";
    /// Taken when needed rather than regularly.
    pub const AS_NEEDED: &str = "Taken as needed";
    /// How often an exercise is meant to be done.
    pub const PER_WEEK: &str = "Times a week (optional)";
}

/// A 0–10 field for every own measure still logged, like the built-in scores.
pub(super) fn measures_ui(ui: &mut egui::Ui, form: &mut DayForm, journal: &Journal) {
    if journal.measures().is_empty() {
        weak_line(
            ui,
            &format!("Own measures (e.g. tingling in the left leg): none yet; {ADD_HINT}."),
        );
        return;
    }
    for measure in journal.measures().iter().filter(|m| !m.retired) {
        let text = form.measures.entry(measure.id).or_default();
        let origin = form
            .measure_origins
            .entry(measure.id)
            .or_insert_with(|| EditOrigin::new(text));
        let label = field_label(ui, &measure.name, Some(measure.scale()));
        let input = score_input(
            ui,
            ("day_measure", measure.id),
            &measure.name,
            &label,
            text,
            measure.worse == Worse::Lower,
        );
        let reason = score_reason(&measure.name, text);
        origin.settle(text, input.field.has_focus(), reason.is_none());
        reason_line(ui, reason.as_deref());
    }
}

/// A check box for every medication current on `date` (and any other the day says was
/// taken), and a button that ticks every regular one.
pub(super) fn medications_ui(
    ui: &mut egui::Ui,
    form: &mut DayForm,
    journal: &Journal,
    date: NaiveDate,
) {
    field_label(ui, "Medications taken today", None);
    if journal.medications().is_empty() {
        weak_line(ui, &format!("None in the journal yet; {ADD_HINT}."));
        return;
    }
    let shown: Vec<&Medication> = journal
        .medications()
        .iter()
        .filter(|m| m.current_on(date) || form.took.contains(&m.id))
        .collect();
    if shown.is_empty() {
        weak_line(
            ui,
            "None of the journal's medications is current on this day.",
        );
        return;
    }
    let regular: Vec<_> = shown
        .iter()
        .filter(|m| m.regular_on(date))
        .map(|m| m.id)
        .collect();
    let all_ticked = regular.iter().all(|id| form.took.contains(id));
    let button = ui
        .add_enabled(
            !regular.is_empty() && !all_ticked,
            egui::Button::new("Took my regular medications"),
        )
        .on_hover_text("Ticks every medication taken regularly that is current on this day");
    if button.clicked() {
        form.took.extend(regular);
    }
    ui.horizontal_wrapped(|ui| {
        for medication in shown {
            let mut taken = form.took.contains(&medication.id);
            if ui.checkbox(&mut taken, medication.label()).changed() {
                toggle(&mut form.took, medication.id, taken);
            }
        }
    });
}

/// A check box for every home exercise.
pub(super) fn exercises_ui(ui: &mut egui::Ui, form: &mut DayForm, journal: &Journal) {
    field_label(ui, "Exercises done today", None);
    if journal.exercises().is_empty() {
        weak_line(ui, &format!("None in the journal yet; {ADD_HINT}."));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for exercise in journal.exercises() {
            let mut done = form.did.contains(&exercise.id);
            let label = match exercise.per_week {
                Some(times) => format!("{} ({times} a week)", exercise.name),
                None => exercise.name.clone(),
            };
            if ui.checkbox(&mut done, label).changed() {
                toggle(&mut form.did, exercise.id, done);
            }
        }
    });
}

/// The text of the forms that add to the journal's lists.
pub(super) struct AddForms {
    measure: String,
    worse: Worse,
    medication: String,
    dose: String,
    as_needed: bool,
    exercise: String,
    per_week: String,
    /// Why the last click on a form's button added nothing: the form, the reason.
    refused: Option<(&'static str, String)>,
}

impl Default for AddForms {
    fn default() -> Self {
        Self {
            measure: String::new(),
            worse: Worse::Higher,
            medication: String::new(),
            dose: String::new(),
            as_needed: false,
            exercise: String::new(),
            per_week: String::new(),
            refused: None,
        }
    }
}

/// "Add to the lists": a small form each for an own measure, a medication and an exercise;
/// returns the item to add when a form's button was clicked with what it needs.
pub(super) fn add_forms_ui(
    ui: &mut egui::Ui,
    forms: &mut AddForms,
    journal: &Journal,
) -> Option<CareItem> {
    field_label(ui, "Add to the lists", Some("for every day from now on"));
    let mut item = None;
    egui::CollapsingHeader::new(labels::ADD_MEASURE)
        .id_salt("add_measure")
        .show(ui, |ui| item = add_measure_ui(ui, forms, journal));
    egui::CollapsingHeader::new(labels::ADD_MEDICATION)
        .id_salt("add_medication")
        .show(ui, |ui| {
            if let Some(added) = add_medication_ui(ui, forms, journal) {
                item = Some(added);
            }
        });
    egui::CollapsingHeader::new(labels::ADD_EXERCISE)
        .id_salt("add_exercise")
        .show(ui, |ui| {
            if let Some(added) = add_exercise_ui(ui, forms, journal) {
                item = Some(added);
            }
        });
    item
}

/// The name field of a form: "Name of the new measure".
fn name_field(ui: &mut egui::Ui, text: &mut String, what: &str, hint: &str) {
    let label = ui.label(format!("Name of the new {what}"));
    ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(170.0)
            .hint_text(hint),
    )
    .labelled_by(label.id);
}

/// Whether `name` can name a new item: not empty, no separators, not taken.
fn check_new_name(what: &str, name: &str, taken: bool) -> Result<(), String> {
    check_item_name(&format!("The {what}'s name"), name).map_err(|error| format!("{error}."))?;
    if taken {
        return Err(format!(
            "There is already a {what} named \"{}\".",
            name.trim()
        ));
    }
    Ok(())
}

/// What a form's button gives: the item, or (said under the form) why not.
fn settle(
    forms: &mut AddForms,
    form: &'static str,
    result: Result<CareItem, String>,
) -> Option<CareItem> {
    match result {
        Ok(item) => {
            forms.refused = None;
            Some(item)
        }
        Err(reason) => {
            forms.refused = Some((form, reason));
            None
        }
    }
}

fn refused_line(ui: &mut egui::Ui, forms: &AddForms, form: &str) {
    if let Some((_, reason)) = forms.refused.as_ref().filter(|(f, _)| *f == form) {
        error_text(ui, reason);
    }
}

fn add_measure_ui(ui: &mut egui::Ui, forms: &mut AddForms, journal: &Journal) -> Option<CareItem> {
    let mut item = None;
    ui.horizontal_wrapped(|ui| {
        name_field(
            ui,
            &mut forms.measure,
            "measure",
            "e.g. tingling in the left leg",
        );
        ui.radio_value(&mut forms.worse, Worse::Higher, "10 is worst");
        ui.radio_value(&mut forms.worse, Worse::Lower, "0 is worst");
        if ui.button("Add measure").clicked() {
            let name = forms.measure.trim().to_owned();
            let taken = journal.measure_named(&name).is_some();
            let result = check_new_name("measure", &name, taken).map(|()| CareItem::Measure {
                name,
                worse: forms.worse,
            });
            item = settle(forms, labels::ADD_MEASURE, result);
            if item.is_some() {
                forms.measure.clear();
            }
        }
    });
    refused_line(ui, forms, labels::ADD_MEASURE);
    item
}

fn add_medication_ui(
    ui: &mut egui::Ui,
    forms: &mut AddForms,
    journal: &Journal,
) -> Option<CareItem> {
    let mut item = None;
    ui.horizontal_wrapped(|ui| {
        name_field(ui, &mut forms.medication, "medication", "e.g. ibuprofen");
        let label = ui.label(labels::DOSE);
        ui.add(
            egui::TextEdit::singleline(&mut forms.dose)
                .desired_width(90.0)
                .hint_text("e.g. 400 mg"),
        )
        .labelled_by(label.id);
        ui.checkbox(&mut forms.as_needed, labels::AS_NEEDED);
        if ui.button("Add medication").clicked() {
            let name = forms.medication.trim().to_owned();
            let taken = journal.medication_named(&name).is_some();
            let result = check_new_name("medication", &name, taken).map(|()| {
                CareItem::Medication(Medication {
                    id: ItemId::default(),
                    name,
                    dose: forms.dose.trim().to_owned(),
                    as_needed: forms.as_needed,
                    from: None,
                    until: None,
                })
            });
            item = settle(forms, labels::ADD_MEDICATION, result);
            if item.is_some() {
                forms.medication.clear();
                forms.dose.clear();
            }
        }
    });
    refused_line(ui, forms, labels::ADD_MEDICATION);
    item
}

fn add_exercise_ui(ui: &mut egui::Ui, forms: &mut AddForms, journal: &Journal) -> Option<CareItem> {
    let mut item = None;
    ui.horizontal_wrapped(|ui| {
        name_field(ui, &mut forms.exercise, "exercise", "e.g. cat-cow");
        let label = ui.label(labels::PER_WEEK);
        ui.add(
            egui::TextEdit::singleline(&mut forms.per_week)
                .desired_width(40.0)
                .hint_text("1–14"),
        )
        .labelled_by(label.id);
        if ui.button("Add exercise").clicked() {
            let name = forms.exercise.trim().to_owned();
            let taken = journal.exercise_named(&name).is_some();
            let result = check_new_name("exercise", &name, taken)
                .and_then(|()| read_per_week(&forms.per_week))
                .map(|per_week| {
                    CareItem::Exercise(Exercise {
                        id: ItemId::default(),
                        name,
                        session: None,
                        per_week,
                    })
                });
            item = settle(forms, labels::ADD_EXERCISE, result);
            if item.is_some() {
                forms.exercise.clear();
                forms.per_week.clear();
            }
        }
    });
    refused_line(ui, forms, labels::ADD_EXERCISE);
    item
}

/// Times a week, as typed: empty for not said, or 1 to 14.
pub(super) fn read_per_week(text: &str) -> Result<Option<u8>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u8>()
        .ok()
        .filter(|n| (1..=MAX_PER_WEEK).contains(n))
        .map(Some)
        .ok_or_else(|| {
            format!("Times a week is a whole number from 1 to {MAX_PER_WEEK}, not \"{text}\".")
        })
}

fn toggle(set: &mut std::collections::BTreeSet<ItemId>, id: ItemId, on: bool) {
    if on {
        set.insert(id);
    } else {
        set.remove(&id);
    }
}

fn weak_line(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).weak());
}
