//! The Day view's *Your lists*: rename or retire an own measure (its history stays), and stop a
//! regular medication on the day shown (or start it again).

use chrono::NaiveDate;
use egui::RichText;

use super::Command;
use super::widgets::error_text;
use crate::model::{ItemId, Journal, Worse, check_item_name};

/// A change to a list, as the Day view asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListChange {
    /// Give a measure a new name.
    RenameMeasure(ItemId, String),
    /// Retire a measure (`true`) or bring it back.
    RetireMeasure(ItemId, bool),
    /// Stop a medication on a day, or (`None`) take back its stop.
    StopMedication(ItemId, Option<NaiveDate>),
}

/// What the section holds while a name is typed.
#[derive(Default)]
pub(super) struct ListsForm {
    renaming: Option<(ItemId, String)>,
    refused: Option<String>,
}

/// The section, when the journal has measures or medications; the change asked for, if any.
pub(super) fn lists_ui(
    ui: &mut egui::Ui,
    form: &mut ListsForm,
    journal: &Journal,
    date: NaiveDate,
) -> Option<Command> {
    if journal.measures().is_empty() && journal.medications().is_empty() {
        return None;
    }
    let mut change = None;
    egui::CollapsingHeader::new("Your lists…")
        .id_salt("your_lists")
        .show(ui, |ui| {
            change = measures(ui, form, journal);
            if let Some(stop) = medications(ui, journal, date) {
                change = Some(stop);
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

fn medications(ui: &mut egui::Ui, journal: &Journal, date: NaiveDate) -> Option<ListChange> {
    let mut change = None;
    for medication in journal.medications().iter().filter(|m| !m.as_needed) {
        ui.horizontal_wrapped(|ui| {
            let from = medication
                .from
                .map(|from| format!(" from {from}"))
                .unwrap_or_default();
            match medication.until {
                Some(until) => {
                    ui.label(format!("{}{from}, stopped {until}", medication.label()));
                    if ui
                        .small_button(format!("{} not stopped", medication.name))
                        .clicked()
                    {
                        change = Some(ListChange::StopMedication(medication.id, None));
                    }
                }
                None => {
                    ui.label(format!("{}{from}", medication.label()));
                    if ui
                        .small_button(format!("Stop {} on this day", medication.name))
                        .on_hover_text("Its last day is the day shown; Trends marks it")
                        .clicked()
                    {
                        change = Some(ListChange::StopMedication(medication.id, Some(date)));
                    }
                }
            }
        });
    }
    if journal.medications().iter().any(|m| m.as_needed) {
        ui.label(
            RichText::new("As-needed medications have no stop; they are ticked on the days taken.")
                .weak(),
        );
    }
    change
}
