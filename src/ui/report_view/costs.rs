//! The Report view's cost statement: a year (or the report's period), PDF or CSV, where to save
//! it, and the therapists' details printed on it, entered once here.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use chrono::{Datelike as _, NaiveDate};
use egui::{RichText, TextEdit};

use super::{ReportView, documents_folder, labels};
use crate::analysis::DayRange;
use crate::model::{FIRST_YEAR, Journal, Therapist};
use crate::report::costs::CostStatement;
use crate::ui::Command;
use crate::ui::context::ViewContext;
use crate::ui::file_dialog;
use crate::ui::jobs::{ExportContent, ExportJob};
use crate::ui::widgets::{error_text, field_label, reason_line};

/// What the statement is written as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum StatementFormat {
    #[default]
    Pdf,
    Csv,
}

impl StatementFormat {
    fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Csv => "csv",
        }
    }
}

/// What the cost statement part keeps while the window runs.
#[derive(Default)]
pub(super) struct CostsPart {
    /// The year, as typed (empty: not yet filled in with this year).
    year: String,
    /// The report's period rather than a year.
    report_period: bool,
    format: StatementFormat,
    path: String,
    /// The path was typed or chosen (else it follows the period and the format).
    path_typed: bool,
    dialog: Option<Receiver<Option<PathBuf>>>,
    /// A statement was exported this run (so the last export's outcome is said here too).
    exported: bool,
    /// The therapist whose details are shown, and those details as being edited.
    editing: Therapist,
    /// The therapist and journal revision the fields were filled from.
    filled_from: Option<(String, u64)>,
}

impl CostsPart {
    /// The days of the chosen year, or what is wrong with it.
    fn year_range(&self, today: NaiveDate) -> Result<DayRange, String> {
        let text = self.year.trim();
        let year = text
            .parse::<i32>()
            .ok()
            .filter(|y| text.len() == 4 && (FIRST_YEAR..=today.year()).contains(y));
        let dates = year.and_then(|y| {
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        });
        dates
            .map(|(from, to)| DayRange::new(from, to))
            .ok_or_else(|| {
                format!(
                    "Type a year from {FIRST_YEAR} to {}, like {}.",
                    today.year(),
                    today.year()
                )
            })
    }

    /// Take a path chosen in the desktop's dialog.
    fn poll_dialog(&mut self) {
        if let Some(path) = file_dialog::chosen(&mut self.dialog) {
            self.path = path.display().to_string();
            self.path_typed = true;
        }
    }
}

/// The names a person may enter details for: those their sessions use, then those with details
/// entered that no session uses (any longer).
fn therapist_names(journal: &Journal) -> Vec<String> {
    let mut names = journal.therapists();
    names.sort_by_key(|name| name.to_lowercase());
    names.dedup_by_key(|name| name.trim().to_lowercase());
    for details in journal.therapist_details() {
        if !names.iter().any(|name| details.is_called(name)) {
            names.push(details.name.clone());
        }
    }
    names
}

impl ReportView {
    /// The cost statement: its period, format and path, its export, and therapists' details.
    pub(super) fn costs_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewContext<'_>,
        report_range: Option<DayRange>,
    ) {
        let today = ctx.clock.today();
        let part = &mut self.costs;
        part.poll_dialog();
        if part.year.is_empty() {
            part.year = today.year().to_string();
        }
        ui.heading("Cost statement");
        ui.label(
            RichText::new(
                "Every session of a year with what it cost, and totals per currency, therapist \
                 and kind: for an insurer or a health-savings account. The name on the report is \
                 printed as the patient's.",
            )
            .weak(),
        );
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(&mut part.report_period, false, "A year");
            let label = field_label(ui, labels::COSTS_YEAR, Some("YYYY"));
            ui.add_enabled(
                !part.report_period,
                TextEdit::singleline(&mut part.year).desired_width(50.0),
            )
            .labelled_by(label.id);
        });
        ui.radio_value(&mut part.report_period, true, "The report's period");
        let range = if part.report_period {
            report_range.ok_or_else(|| "Choose a period that can be read above.".to_owned())
        } else {
            part.year_range(today)
        };
        reason_line(ui, range.as_ref().err().map(String::as_str));
        self.costs_export_ui(ui, ctx, range.ok());
        ui.add_space(6.0);
        self.therapist_ui(ui, ctx);
    }

    /// The format, the path and the export button of the statement.
    fn costs_export_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewContext<'_>,
        range: Option<DayRange>,
    ) {
        let program = *self.dialog_program.get_or_insert_with(file_dialog::find);
        let (paper, name) = (self.choices.paper, self.choices.name.trim().to_owned());
        let name_ok = self.name_checked().is_ok();
        let part = &mut self.costs;
        ui.horizontal_wrapped(|ui| {
            for (format, label) in [
                (StatementFormat::Pdf, labels::COSTS_PDF),
                (StatementFormat::Csv, labels::COSTS_CSV),
            ] {
                if ui.radio_value(&mut part.format, format, label).changed() && part.path_typed {
                    let mut path = PathBuf::from(&part.path);
                    path.set_extension(format.extension());
                    part.path = path.display().to_string();
                }
            }
        });
        if !part.path_typed
            && let Some(range) = range
        {
            let file = format!(
                "painlog-costs-{}-to-{}.{}",
                range.from,
                range.to,
                part.format.extension()
            );
            part.path = self
                .documents
                .get_or_insert_with(documents_folder)
                .join(file)
                .display()
                .to_string();
        }
        let label = field_label(ui, labels::COSTS_PATH, Some("a file"));
        let field = ui
            .add(TextEdit::singleline(&mut part.path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if field.changed() {
            part.path_typed = true;
        }
        let exporting = ctx.jobs.exporting();
        let blocked = if exporting {
            Some("Exporting…")
        } else if range.is_none() {
            Some("Choose a year that can be read to save the statement.")
        } else if !name_ok {
            Some("Fix the name on the report above to save the statement.")
        } else if part.path.trim().is_empty() {
            Some("Type where to save it, or choose a place.")
        } else {
            None
        };
        ui.horizontal_wrapped(|ui| {
            if let Some(program) = program
                && ui
                    .add_enabled(
                        part.dialog.is_none(),
                        egui::Button::new(labels::COSTS_CHOOSE),
                    )
                    .clicked()
            {
                part.dialog = Some(file_dialog::ask(program, Path::new(&part.path), false));
            }
            let export = ui.add_enabled(
                blocked.is_none(),
                egui::Button::new(RichText::new(labels::COSTS_EXPORT).strong()),
            );
            if export.clicked()
                && let Some(range) = range
            {
                let patient = Some(name).filter(|name| !name.is_empty());
                let statement = Arc::new(CostStatement::new(
                    ctx.journal,
                    range,
                    patient,
                    ctx.clock.now(),
                ));
                let content = match part.format {
                    StatementFormat::Pdf => ExportContent::CostsPdf(statement, paper),
                    StatementFormat::Csv => ExportContent::CostsCsv(statement),
                };
                part.exported = true;
                ctx.push(Command::Export(Box::new(ExportJob {
                    content,
                    target: PathBuf::from(part.path.trim()),
                    journal_path: ctx.journal_path.to_path_buf(),
                })));
            }
        });
        if let Some(reason) = blocked {
            ui.label(RichText::new(reason).weak());
        }
        if part.exported && !exporting {
            match ctx.jobs.last_export() {
                Some(Ok(path)) => {
                    ui.label(format!("Saved the statement to {}", path.display()));
                }
                Some(Err(error)) => error_text(ui, error),
                None => {}
            }
        }
    }

    /// Choose a therapist and enter their practice, address and licence number.
    fn therapist_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let journal = ctx.journal;
        let part = &mut self.costs;
        ui.strong("Therapists' details");
        let names = therapist_names(journal);
        if names.is_empty() {
            ui.label(
                RichText::new(
                    "Log a session with a therapist's name, then enter their practice, address \
                     and licence number here.",
                )
                .weak(),
            );
            return;
        }
        if !names.contains(&part.editing.name) {
            part.editing.name = names[0].clone();
            part.filled_from = None;
        }
        let label = field_label(ui, labels::THERAPIST, None);
        egui::ComboBox::from_id_salt("costs_therapist")
            .selected_text(part.editing.name.clone())
            .width(ui.available_width().min(260.0))
            .show_ui(ui, |ui| {
                for name in &names {
                    ui.selectable_value(&mut part.editing.name, name.clone(), name);
                }
            })
            .response
            .labelled_by(label.id);
        let filled = (part.editing.name.clone(), journal.revision());
        if part.filled_from.as_ref() != Some(&filled) {
            let saved = journal.therapist_named(&part.editing.name).cloned();
            part.editing = Therapist {
                name: part.editing.name.clone(),
                ..saved.unwrap_or_default()
            };
            part.filled_from = Some(filled);
        }
        for (label, text) in [
            (labels::PRACTICE, &mut part.editing.practice),
            (labels::ADDRESS, &mut part.editing.address),
            (labels::LICENCE, &mut part.editing.licence),
        ] {
            let label = field_label(ui, label, None);
            ui.add(TextEdit::singleline(text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
        }
        let problem = part.editing.trimmed().problem();
        reason_line(ui, problem.as_deref().map(|p| p.trim_end_matches('.')));
        let saved = journal.therapist_named(&part.editing.name);
        let details = |t: &Therapist| {
            let t = t.trimmed();
            (t.practice, t.address, t.licence)
        };
        let changed = saved.map_or(part.editing.has_details(), |saved| {
            details(saved) != details(&part.editing)
        });
        let save = ui.add_enabled(
            ctx.editable && changed && problem.is_none(),
            egui::Button::new(labels::SAVE_THERAPIST),
        );
        if save.clicked() {
            ctx.push(Command::SetTherapist(part.editing.trimmed()));
        }
    }
}
