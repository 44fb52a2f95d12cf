//! Report: a summary for the therapist, previewed here and exported as PDF, CSV, Markdown or
//! JSON; and CSV files imported back.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use chrono::NaiveDate;
use egui::{RichText, TextEdit};
use serde::{Deserialize, Serialize};

use super::analysis_cache::AnalysisCache;
use super::file_dialog::{self, DialogProgram};
use super::widgets::{error_text, field_label, reason_line};
use super::{Clock, Command};
use crate::analysis::{DayRange, EffectSettings, REGRESSION_NOTE};
use crate::model::{Journal, MAX_MESSAGE_CHARS, MAX_NAME_CHARS, check_text};
use crate::report::text::{
    SELF_REPORTED, before_after, change, date, days, one_decimal, relief, short_date,
};
use crate::report::{self, Period, ReportRequest, Sections, Summary, csv_io, pdf::Paper};

/// The period choices offered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodChoice {
    /// From the last session's day to today.
    #[default]
    SinceLastSession,
    /// The last 30 days.
    Last30,
    /// The last 90 days.
    Last90,
    /// From and to typed dates.
    Custom,
    /// The whole journal.
    Everything,
}

impl PeriodChoice {
    const ALL: [Self; 5] = [
        Self::SinceLastSession,
        Self::Last30,
        Self::Last90,
        Self::Custom,
        Self::Everything,
    ];

    fn label(self) -> &'static str {
        match self {
            Self::SinceLastSession => "Since the last session",
            Self::Last30 => "Last 30 days",
            Self::Last90 => "Last 90 days",
            Self::Custom => "From – to",
            Self::Everything => "The whole journal",
        }
    }
}

/// The export formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// A PDF for the therapist.
    #[default]
    Pdf,
    /// days.csv and sessions.csv in a folder.
    Csv,
    /// Page one as Markdown.
    Markdown,
    /// The whole summary as JSON.
    Json,
}

impl Format {
    const ALL: [Self; 4] = [Self::Pdf, Self::Csv, Self::Markdown, Self::Json];

    fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Csv => "CSV (a folder)",
            Self::Markdown => "Markdown",
            Self::Json => "JSON",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Csv => "",
            Self::Markdown => "md",
            Self::Json => "json",
        }
    }
}

/// Labels the tests and screen readers find.
pub mod labels {
    /// The output path.
    pub const PATH: &str = "Save to";
    /// The export button.
    pub const EXPORT: &str = "Export";
    /// The message field.
    pub const MESSAGE: &str = "Message to your therapist";
    /// The name field.
    pub const NAME: &str = "Name on the report";
    /// Import: days file.
    pub const IMPORT_DAYS: &str = "days.csv";
    /// Import: sessions file.
    pub const IMPORT_SESSIONS: &str = "sessions.csv";
    /// The import button.
    pub const IMPORT: &str = "Import";
}

type PreviewKey = (u64, DayRange, EffectSettings, Sections);

/// The report view's state (its choices are kept between runs, the message is not).
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportView {
    period: PeriodChoice,
    custom_from: String,
    custom_to: String,
    sections: Sections,
    name: String,
    paper: Paper,
    format: Format,
    #[serde(skip)]
    message: String,
    #[serde(skip)]
    path: String,
    #[serde(skip)]
    path_typed: bool,
    #[serde(skip)]
    exported: Option<Result<PathBuf, String>>,
    #[serde(skip)]
    import_days: String,
    #[serde(skip)]
    import_sessions: String,
    #[serde(skip)]
    import_error: Option<String>,
    #[serde(skip)]
    dialog: Option<Receiver<Option<PathBuf>>>,
    #[serde(skip)]
    dialog_program: Option<Option<DialogProgram>>,
    /// The summary of the chosen period, shared with each frame rather than copied.
    #[serde(skip)]
    preview: Option<(PreviewKey, Arc<Summary>)>,
    /// The documents folder, looked up once (it means reading the desktop's settings).
    #[serde(skip)]
    documents: Option<PathBuf>,
    /// Another painlog has the journal open: nothing can be imported into it.
    #[serde(skip)]
    read_only: bool,
}

/// Where exports go by default: the user's documents folder, else the home folder.
fn documents_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.document_dir()
                .map(Path::to_path_buf)
                .or_else(|| Some(dirs.home_dir().to_path_buf()))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

impl ReportView {
    /// The choices worth keeping between runs.
    pub fn clone_choices(&self) -> Self {
        Self {
            period: self.period,
            custom_from: self.custom_from.clone(),
            custom_to: self.custom_to.clone(),
            sections: self.sections,
            name: self.name.clone(),
            paper: self.paper,
            format: self.format,
            ..Self::default()
        }
    }

    fn period(&self, journal: &Journal, today: NaiveDate) -> Result<DayRange, String> {
        let period = match self.period {
            PeriodChoice::SinceLastSession => Period::SinceLastSession,
            PeriodChoice::Last30 => Period::LastDays(30),
            PeriodChoice::Last90 => Period::LastDays(90),
            PeriodChoice::Everything => Period::Everything,
            PeriodChoice::Custom => {
                let (from, to) =
                    super::widgets::read_period_fields(&self.custom_from, &self.custom_to, today)?;
                Period::Between(from, to)
            }
        };
        period
            .resolve(journal, today)
            .map_err(|error| format!("{error}."))
    }

    /// Draw the view.
    #[expect(
        clippy::too_many_arguments,
        reason = "each is something the view reads; one view context replaces them"
    )]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        journal: &Journal,
        cache: &mut AnalysisCache,
        settings: EffectSettings,
        clock: Clock,
        journal_path: &Path,
        commands: &mut Vec<Command>,
    ) {
        self.poll_dialog();
        let period = self.period(journal, clock.today());
        if let Ok(range) = period {
            let key = (journal.revision(), range, settings, self.sections);
            if self
                .preview
                .as_ref()
                .is_none_or(|(cached, _)| *cached != key)
            {
                let (index, effects) = cache.effects(journal, settings);
                let request = ReportRequest {
                    period: range,
                    sections: self.sections,
                    message: String::new(),
                    name: None,
                    made: clock.now(),
                };
                self.preview = Some((
                    key,
                    Arc::new(report::summarize_period(journal, index, effects, &request)),
                ));
            }
        }
        let summary = period
            .is_ok()
            .then(|| {
                self.preview
                    .as_ref()
                    .map(|(_, summary)| Arc::clone(summary))
            })
            .flatten();
        if !self.path_typed
            && let Some(summary) = &summary
        {
            self.path = self
                .documents
                .get_or_insert_with(documents_folder)
                .join(report::file_name(summary, self.format.extension()))
                .display()
                .to_string();
        }
        egui::Panel::left("report_controls")
            .resizable(true)
            .default_size((ui.available_width() * 0.36).clamp(280.0, 420.0))
            .size_range(240.0..=(ui.available_width() * 0.5).clamp(240.0, 560.0))
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    self.choices_ui(
                        ui,
                        period.as_ref().err(),
                        clock.today(),
                        journal.date_span().map(|(first, _)| first),
                    );
                    ui.separator();
                    self.export_ui(ui, journal, summary.as_deref(), clock, journal_path);
                    ui.separator();
                    ui.add_enabled_ui(!self.read_only, |ui| {
                        self.import_ui(ui, clock.now(), commands);
                    });
                });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| match &summary {
                    Some(summary) => preview_ui(ui, summary, &self.name, &self.message),
                    None => {
                        ui.heading("Preview");
                        ui.label("Choose a period (on the left) to see what the report will say.");
                    }
                });
        });
    }

    /// Whether the journal can be changed (imported into) from this window.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    fn choices_ui(
        &mut self,
        ui: &mut egui::Ui,
        period_error: Option<&String>,
        today: NaiveDate,
        first_day: Option<NaiveDate>,
    ) {
        ui.heading("Report for your therapist");
        ui.strong("Period");
        for choice in PeriodChoice::ALL {
            if ui
                .radio_value(&mut self.period, choice, choice.label())
                .changed()
                && choice == PeriodChoice::Custom
            {
                // Start from the whole journal, so that there is something to change.
                if self.custom_from.trim().is_empty() {
                    self.custom_from = first_day
                        .unwrap_or(today - chrono::Duration::days(90))
                        .to_string();
                }
                if self.custom_to.trim().is_empty() {
                    self.custom_to = today.to_string();
                }
            }
        }
        if self.period == PeriodChoice::Custom {
            ui.horizontal_wrapped(|ui| {
                let label = field_label(ui, "From", Some("YYYY-MM-DD"));
                ui.add(TextEdit::singleline(&mut self.custom_from).desired_width(90.0))
                    .labelled_by(label.id);
                let label = field_label(ui, "To", None);
                ui.add(TextEdit::singleline(&mut self.custom_to).desired_width(90.0))
                    .labelled_by(label.id);
            });
        }
        reason_line(ui, period_error.map(String::as_str));
        ui.add_space(6.0);
        ui.strong("After page one, include");
        ui.checkbox(&mut self.sections.trend, "Trend chart with sessions marked");
        ui.checkbox(
            &mut self.sections.aligned,
            "Aligned view (around a session)",
        );
        ui.checkbox(&mut self.sections.sessions, "Sessions table");
        ui.checkbox(&mut self.sections.by_kind, "Summary by kind");
        ui.checkbox(&mut self.sections.notes, "Notes");
        ui.add_space(6.0);
        let label = field_label(ui, labels::NAME, Some("optional"));
        ui.add(TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        reason_line(ui, self.name_checked().err().as_deref());
        let label = field_label(ui, labels::MESSAGE, Some("optional, printed on page one"));
        ui.add(
            TextEdit::multiline(&mut self.message)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        reason_line(ui, self.message_checked().err().as_deref());
    }

    fn name_checked(&self) -> Result<(), String> {
        check_text("The name", self.name.trim(), MAX_NAME_CHARS, false)
            .map_err(|error| format!("{error}."))
    }

    fn message_checked(&self) -> Result<(), String> {
        check_text("The message", self.message.trim(), MAX_MESSAGE_CHARS, true)
            .map_err(|error| format!("{error}."))
    }

    /// Why the export button is off, if it is.
    fn cannot_export(&self, summary: Option<&Summary>) -> Option<&'static str> {
        if summary.is_none() {
            Some("Choose a period that can be read (above) to export.")
        } else if self.name_checked().is_err() || self.message_checked().is_err() {
            Some("Fix the name or the message above to export.")
        } else if self.path.trim().is_empty() {
            Some("Type where to save it, or choose a place.")
        } else {
            None
        }
    }

    fn export_ui(
        &mut self,
        ui: &mut egui::Ui,
        journal: &Journal,
        summary: Option<&Summary>,
        clock: Clock,
        journal_path: &Path,
    ) {
        ui.strong("Export as");
        ui.horizontal_wrapped(|ui| {
            for format in Format::ALL {
                if ui
                    .radio_value(&mut self.format, format, format.label())
                    .changed()
                    && self.path_typed
                {
                    self.path = swap_extension(&self.path, format);
                }
            }
        });
        if self.format == Format::Pdf {
            ui.horizontal(|ui| {
                ui.label("Paper");
                ui.radio_value(&mut self.paper, Paper::A4, "A4");
                ui.radio_value(&mut self.paper, Paper::Letter, "US Letter");
            });
        }
        let label = field_label(
            ui,
            labels::PATH,
            Some(if self.format == Format::Csv {
                "a folder"
            } else {
                "a file"
            }),
        );
        let field = ui
            .add(TextEdit::singleline(&mut self.path).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if field.changed() {
            self.path_typed = true;
        }
        ui.horizontal(|ui| {
            let program = *self.dialog_program.get_or_insert_with(file_dialog::find);
            if let Some(program) = program
                && ui
                    .add_enabled(self.dialog.is_none(), egui::Button::new("Choose…"))
                    .clicked()
            {
                self.dialog = Some(file_dialog::ask(
                    program,
                    Path::new(&self.path),
                    self.format == Format::Csv,
                ));
            }
            let blocked = self.cannot_export(summary);
            if ui
                .add_enabled(
                    blocked.is_none(),
                    egui::Button::new(RichText::new(labels::EXPORT).strong()),
                )
                .clicked()
                && let Some(summary) = summary
            {
                self.exported = Some(self.export(journal, summary, clock, journal_path));
            }
            if let Some(reason) = blocked {
                ui.label(RichText::new(reason).weak().small());
            }
        });
        match &self.exported {
            Some(Ok(path)) => {
                ui.label(format!("Saved to {}", path.display()));
                if ui.button("Open its folder").clicked() {
                    // A CSV export is a folder; the others are files in one.
                    let folder = if path.is_dir() {
                        path.clone()
                    } else {
                        path.parent().map(Path::to_path_buf).unwrap_or_default()
                    };
                    if let Err(error) = file_dialog::open_folder(&folder) {
                        self.exported =
                            Some(Err(format!("Could not open {}: {error}", folder.display())));
                    }
                }
            }
            Some(Err(error)) => error_text(ui, error),
            None => {}
        }
    }

    fn poll_dialog(&mut self) {
        if let Some(receiver) = &self.dialog {
            match receiver.try_recv() {
                Ok(chosen) => {
                    if let Some(path) = chosen {
                        self.path = path.display().to_string();
                        self.path_typed = true;
                    }
                    self.dialog = None;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.dialog = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
    }

    /// The waiting dialog needs the window to look again soon.
    pub fn waiting(&self) -> bool {
        self.dialog.is_some()
    }

    fn export(
        &self,
        journal: &Journal,
        summary: &Summary,
        clock: Clock,
        journal_path: &Path,
    ) -> Result<PathBuf, String> {
        let target = PathBuf::from(self.path.trim());
        let mut summary = summary.clone();
        summary.message = self.message.trim().to_owned();
        summary.name = Some(self.name.trim().to_owned()).filter(|n| !n.is_empty());
        summary.made = clock.now();
        if self.format == Format::Csv {
            let range = (self.period != PeriodChoice::Everything)
                .then(|| DayRange::new(summary.from, summary.to));
            return csv_io::export_csv(journal, range, &target, journal_path)
                .map(|_| target.clone())
                .map_err(|error| {
                    super::widgets::sentence(&format!("{error}. Nothing was written."))
                });
        }
        let bytes = match self.format {
            Format::Pdf => report::pdf::to_pdf(&summary, self.paper).map_err(|e| e.to_string())?,
            Format::Markdown => report::to_markdown(&summary).into_bytes(),
            Format::Json => report::to_json(&summary).into_bytes(),
            Format::Csv => Vec::new(),
        };
        crate::store::write_other_file(&target, &bytes, journal_path)
            .map_err(|error| super::widgets::sentence(&format!("{error}. Nothing was written.")))?;
        Ok(target)
    }

    fn import_ui(
        &mut self,
        ui: &mut egui::Ui,
        now: chrono::NaiveDateTime,
        commands: &mut Vec<Command>,
    ) {
        ui.strong("Import from CSV");
        ui.label(RichText::new("painlog's own days.csv and sessions.csv; either may be left empty. Imported values replace what the journal has for the same day or session.").weak().small());
        let label = field_label(ui, labels::IMPORT_DAYS, Some("path"));
        ui.add(TextEdit::singleline(&mut self.import_days).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let label = field_label(ui, labels::IMPORT_SESSIONS, Some("path"));
        ui.add(TextEdit::singleline(&mut self.import_sessions).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let ready = !self.import_days.trim().is_empty() || !self.import_sessions.trim().is_empty();
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(ready, egui::Button::new(labels::IMPORT))
                .clicked()
            {
                match self.read_import(now) {
                    Ok(command) => {
                        self.import_error = None;
                        commands.push(command);
                    }
                    Err(error) => self.import_error = Some(error),
                }
            }
            if !ready {
                ui.label(
                    RichText::new("Type the path of days.csv, sessions.csv or both.")
                        .weak()
                        .small(),
                );
            }
        });
        if let Some(error) = &self.import_error {
            error_text(ui, error);
        }
    }

    fn read_import(&self, now: chrono::NaiveDateTime) -> Result<Command, String> {
        let read = |path: &str| {
            csv_io::read_csv_file(Path::new(path.trim()))
                .map_err(|error| super::widgets::sentence(&error))
        };
        let days = match self.import_days.trim() {
            "" => Vec::new(),
            path => csv_io::parse_days(&read(path)?, path, now.date())
                .map_err(|e| format!("{e}. Nothing was imported."))?,
        };
        let sessions = match self.import_sessions.trim() {
            "" => Vec::new(),
            path => csv_io::parse_sessions(&read(path)?, path, now)
                .map_err(|e| format!("{e}. Nothing was imported."))?,
        };
        Ok(Command::ImportCsv { days, sessions })
    }
}

fn swap_extension(path: &str, format: Format) -> String {
    let mut path = PathBuf::from(path);
    if format == Format::Csv {
        path.set_extension("");
    } else {
        path.set_extension(format.extension());
    }
    path.display().to_string()
}

/// Page one as the report will say it.
fn preview_ui(ui: &mut egui::Ui, summary: &Summary, name: &str, message: &str) {
    ui.label(RichText::new("Preview of page one").weak().small());
    let title = if name.trim().is_empty() {
        "Pain diary summary".to_owned()
    } else {
        format!("Pain diary summary: {}", name.trim())
    };
    ui.heading(title);
    ui.label(format!(
        "{} – {} ({})",
        date(summary.from),
        date(summary.to),
        days(summary.days_in_period)
    ));
    ui.label(RichText::new(SELF_REPORTED).weak().small());
    ui.add_space(6.0);
    figures_ui(ui, summary);
    ui.add_space(8.0);
    ui.strong(format!(
        "Massage sessions in this period ({})",
        summary.sessions.len()
    ));
    if summary.sessions.is_empty() {
        ui.label("No sessions in this period.");
    } else {
        egui::Grid::new("report_sessions")
            .striped(true)
            .num_columns(5)
            .spacing([16.0, 3.0])
            .show(ui, |ui| {
                for header in [
                    "Date",
                    "Kind",
                    "Therapist",
                    &format!("Pain {} d before → after", summary.window),
                    "Right after",
                ] {
                    ui.strong(header);
                }
                ui.end_row();
                for session in &summary.sessions {
                    ui.label(short_date(session.date));
                    ui.label(&session.kind_label);
                    ui.label(session.therapist.as_deref().unwrap_or("–"));
                    ui.label(format!(
                        "{} ({}){}",
                        before_after(session.pain_before, session.pain_after),
                        change(session.pain_change),
                        if session.meaningful_pain_drop {
                            " *"
                        } else {
                            ""
                        }
                    ));
                    ui.label(relief(session.immediate_relief));
                    ui.end_row();
                }
            });
        ui.label(
            RichText::new(format!(
                "* at least 2 points or 30% lower. {REGRESSION_NOTE}"
            ))
            .weak()
            .small(),
        );
    }
    ui.add_space(8.0);
    ui.strong("Most often painful");
    if summary.regions.is_empty() {
        ui.label("No regions logged in this period.");
    } else {
        ui.label(
            summary
                .regions
                .iter()
                .take(6)
                .map(|(region, n)| format!("{region} ({})", days(*n)))
                .collect::<Vec<_>>()
                .join(" · "),
        );
    }
    if !message.trim().is_empty() {
        ui.add_space(8.0);
        ui.strong("Message");
        ui.label(message.trim());
    }
    ui.add_space(8.0);
    let parts: Vec<&str> = [
        (summary.sections.trend, "the trend chart"),
        (summary.sections.aligned, "the aligned view"),
        (summary.sections.sessions, "the sessions table"),
        (summary.sections.by_kind, "the summary by kind"),
        (summary.sections.notes, "the notes"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect();
    if !parts.is_empty() {
        ui.label(RichText::new(format!("The PDF goes on with {}.", parts.join(", "))).weak());
    }
}

/// The key figures of page one.
fn figures_ui(ui: &mut egui::Ui, summary: &Summary) {
    egui::Grid::new("report_figures")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            ui.label("Days logged");
            ui.strong(format!(
                "{} of {}",
                summary.days_logged, summary.days_in_period
            ));
            ui.end_row();
            ui.label("Average pain (0–10)");
            ui.strong(one_decimal(summary.average_pain));
            ui.end_row();
            ui.label("Worst pain");
            ui.strong(match (summary.worst_pain, summary.worst_pain_date) {
                (Some(worst), Some(day)) => format!("{worst} ({})", short_date(day)),
                _ => "not logged".to_owned(),
            });
            ui.end_row();
            ui.label(format!(
                "Against the previous {}",
                days(summary.days_in_period)
            ));
            ui.strong(format!(
                "{} → {} ({})",
                one_decimal(summary.previous_average_pain),
                one_decimal(summary.average_pain),
                change(summary.change_from_previous)
            ));
            ui.end_row();
        });
}
