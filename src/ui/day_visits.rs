//! The Day view's other care: the care visits of the day shown (each with *Remove*, which can be
//! undone), and a form to add one on that day.

use chrono::NaiveDate;
use egui::RichText;

use super::Command;
use super::commands::CareItem;
use super::context::ViewContext;
use super::widgets::{error_text, field_label};
use crate::model::{CareKind, CareVisit, ItemId, Journal};

/// Labels of the section.
pub mod labels {
    /// The form's header.
    pub const ADD_VISIT: &str = "Add a care visit on this day…";
    /// The name field.
    pub const WHO: &str = "Who or what";
    /// The note field.
    pub const VISIT_NOTE: &str = "Note about the visit";
    /// The form's button.
    pub const ADD: &str = "Add visit";
}

/// What the form holds while it is filled in.
pub(super) struct VisitForm {
    kind: CareKind,
    name: String,
    note: String,
    refused: Option<String>,
}

impl Default for VisitForm {
    fn default() -> Self {
        Self {
            kind: CareKind::Physiotherapy,
            name: String::new(),
            note: String::new(),
            refused: None,
        }
    }
}

/// The day's care visits and the form to add one; what was asked goes to `ctx`.
pub(super) fn visits_ui(
    ui: &mut egui::Ui,
    form: &mut VisitForm,
    ctx: &mut ViewContext<'_>,
    date: NaiveDate,
) {
    let journal: &Journal = ctx.journal;
    field_label(
        ui,
        "Other care this day",
        Some("physiotherapy, chiropractic, a doctor, …"),
    );
    let visits: Vec<&CareVisit> = journal
        .care_visits()
        .iter()
        .filter(|visit| visit.date == date)
        .collect();
    if visits.is_empty() {
        ui.label(RichText::new("None logged.").weak());
    }
    let mut remove: Option<ItemId> = None;
    for visit in visits {
        ui.horizontal_wrapped(|ui| {
            let text = if visit.note.trim().is_empty() {
                visit.label()
            } else {
                format!("{}: {}", visit.label(), visit.note.trim())
            };
            ui.label(text);
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this visit (it can be undone)")
                .clicked()
            {
                remove = Some(visit.id);
            }
        });
    }
    if let Some(id) = remove {
        ctx.push(Command::RemoveCareVisit(id));
    }
    egui::CollapsingHeader::new(labels::ADD_VISIT)
        .id_salt("add_visit")
        .show(ui, |ui| {
            if let Some(visit) = add_visit_ui(ui, form, date) {
                ctx.push(Command::AddCareItem(CareItem::Visit(visit)));
            }
        });
}

/// The form; the visit when *Add visit* was pressed and it is sound.
fn add_visit_ui(ui: &mut egui::Ui, form: &mut VisitForm, date: NaiveDate) -> Option<CareVisit> {
    ui.horizontal_wrapped(|ui| {
        for kind in CareKind::ALL {
            ui.radio_value(&mut form.kind, kind, kind.label());
        }
    });
    ui.horizontal_wrapped(|ui| {
        let hint = if form.kind == CareKind::Other {
            "needed: what kind of care"
        } else {
            "optional, e.g. Dr Lee"
        };
        let label = field_label(ui, labels::WHO, Some(hint));
        ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(180.0))
            .labelled_by(label.id);
    });
    let label = field_label(ui, labels::VISIT_NOTE, Some("optional"));
    ui.add(egui::TextEdit::singleline(&mut form.note).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let mut added = None;
    if ui.button(labels::ADD).clicked() {
        let visit = CareVisit {
            id: ItemId(0),
            date,
            kind: form.kind,
            name: form.name.trim().to_owned(),
            note: form.note.trim().to_owned(),
        };
        match visit.problem().map_or_else(|| visit.check_text(), Err) {
            Ok(()) => {
                form.refused = None;
                form.name.clear();
                form.note.clear();
                added = Some(visit);
            }
            Err(reason) => form.refused = Some(format!("{reason}.")),
        }
    }
    if let Some(reason) = &form.refused {
        error_text(ui, reason);
    }
    added
}
