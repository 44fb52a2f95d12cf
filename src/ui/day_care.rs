//! The Day view's care beyond the built-in scores: the person's own measures, the medications
//! taken and the home exercises done that day.

use chrono::NaiveDate;
use egui::RichText;

use super::day_form::{DayForm, score_reason};
use super::widgets::{EditOrigin, field_label, reason_line, score_input};
use crate::model::{Journal, Medication, Worse};

/// Where a person reads how to add measures, medications and exercises.
const ADD_HINT: &str = "they can be added on the command line (painlog --help)";

/// A 0–10 field for every own measure still logged, like the built-in scores.
pub(super) fn measures_ui(ui: &mut egui::Ui, form: &mut DayForm, journal: &Journal) {
    if journal.measures().is_empty() {
        weak_line(ui, &format!("Own measures: none yet; {ADD_HINT}."));
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

/// `true` when `medication` belongs on the list of `date`: a regular one from its start to its
/// stop, one taken as needed whenever it is not stopped.
fn current_on(medication: &Medication, date: NaiveDate) -> bool {
    medication.from.is_none_or(|from| from <= date)
        && medication.until.is_none_or(|until| date <= until)
}

/// "Ibuprofen (400 mg, as needed)".
fn medication_label(medication: &Medication) -> String {
    format!("{} ({})", medication.name, medication.how())
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
        .filter(|m| current_on(m, date) || form.took.contains(&m.id))
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
            if ui
                .checkbox(&mut taken, medication_label(medication))
                .changed()
            {
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

fn toggle(
    set: &mut std::collections::BTreeSet<crate::model::ItemId>,
    id: crate::model::ItemId,
    on: bool,
) {
    if on {
        set.insert(id);
    } else {
        set.remove(&id);
    }
}

fn weak_line(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).weak());
}
