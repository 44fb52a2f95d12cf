//! Report: a summary for the therapist, previewed here and exported as PDF, CSV, Markdown or
//! JSON; and CSV files imported back.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use chrono::NaiveDate;
use egui::{RichText, TextEdit};
use serde::{Deserialize, Serialize};

mod costs;
mod export;

use super::Command;
use super::context::ViewContext;
use super::file_dialog::{self, DialogProgram};
use super::jobs::{ExportContent, ExportJob, ImportJob};
use super::report_preview::preview_ui;
use super::widgets::{error_text, field_label, reason_line};
use crate::analysis::{DayRange, EffectSettings};
use crate::model::{Journal, MAX_MESSAGE_CHARS, MAX_NAME_CHARS, check_text};
use crate::report::page_one::PageOne;
use crate::report::{self, Period, ReportRequest, Sections, Summary, pdf::Paper};

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
    /// days.csv, sessions.csv and the lists in a folder.
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
    /// The cost statement's year.
    pub const COSTS_YEAR: &str = "Year";
    /// The cost statement as a PDF.
    pub const COSTS_PDF: &str = "Statement as PDF";
    /// The cost statement as CSV.
    pub const COSTS_CSV: &str = "Statement as CSV";
    /// Where the cost statement goes.
    pub const COSTS_PATH: &str = "Save the statement to";
    /// The desktop's dialog for the statement's path.
    pub const COSTS_CHOOSE: &str = "Choose a file…";
    /// The cost statement's export button.
    pub const COSTS_EXPORT: &str = "Save cost statement";
    /// The therapist whose details are shown.
    pub const THERAPIST: &str = "Therapist";
    /// A therapist's practice.
    pub const PRACTICE: &str = "Practice";
    /// A therapist's address.
    pub const ADDRESS: &str = "Address";
    /// A therapist's licence number.
    pub const LICENCE: &str = "Licence number";
    /// Save a therapist's details.
    pub const SAVE_THERAPIST: &str = "Save therapist's details";
}

type PreviewKey = (u64, DayRange, EffectSettings, Sections);

/// Why "since the last session" cannot be shown in a journal without sessions.
const NO_LAST_SESSION: &str = "There is no session yet, so there is no last session to start from: choose another period, or log a session first.";

/// The widest the preview gets: about a page's width.
const PREVIEW_WIDTH: f32 = 800.0;

/// The summary of the period chosen and its page one, made once per journal revision, period,
/// settings and sections (not every frame).
struct Preview {
    key: PreviewKey,
    summary: Arc<Summary>,
    page: PageOne,
}

/// The report's choices, kept between runs (the message and the path are not).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportChoices {
    /// Which days.
    pub period: PeriodChoice,
    /// The first day of a custom period, as typed.
    pub custom_from: String,
    /// The last day of a custom period, as typed.
    pub custom_to: String,
    /// What follows page one.
    pub sections: Sections,
    /// The name printed on the report.
    pub name: String,
    /// The paper of a PDF.
    pub paper: Paper,
    /// What to export.
    pub format: Format,
}

/// The report view: its choices, and what it keeps while it runs.
#[derive(Default)]
pub struct ReportView {
    choices: ReportChoices,
    message: String,
    path: String,
    /// The path was typed or chosen (else it follows the period and the format).
    path_typed: bool,
    import_days: String,
    import_sessions: String,
    /// The desktop's file dialog, while it is open.
    dialog: Option<Receiver<Option<PathBuf>>>,
    dialog_program: Option<Option<DialogProgram>>,
    /// Page one of the period, computed once per journal revision, period, settings and
    /// sections.
    preview: Option<Preview>,
    /// The documents folder, looked up once.
    documents: Option<PathBuf>,
    /// Why the export's folder could not be opened.
    open_error: Option<String>,
    /// "Since the last session" was clicked this run (it is then shown even without a
    /// session, with the reason it cannot be).
    since_chosen: bool,
    /// How wide the buttons beside the path were last frame.
    buttons_width: Option<f32>,
    /// The cost statement and the therapists' details.
    costs: costs::CostsPart,
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
    /// The choices to keep.
    pub fn choices(&self) -> &ReportChoices {
        &self.choices
    }

    /// Take saved choices.
    pub fn set_choices(&mut self, choices: ReportChoices) {
        self.choices = choices;
    }

    fn period(&self, journal: &Journal, today: NaiveDate) -> Result<DayRange, String> {
        let chosen = self.shown_period(journal);
        if chosen == PeriodChoice::SinceLastSession && journal.sessions().is_empty() {
            return Err(NO_LAST_SESSION.to_owned());
        }
        let period = match chosen {
            PeriodChoice::SinceLastSession => Period::SinceLastSession,
            PeriodChoice::Last30 => Period::LastDays(30),
            PeriodChoice::Last90 => Period::LastDays(90),
            PeriodChoice::Everything => Period::Everything,
            PeriodChoice::Custom => {
                let (from, to) = super::widgets::read_period_fields(
                    &self.choices.custom_from,
                    &self.choices.custom_to,
                    today,
                )?;
                Period::Between(from, to)
            }
        };
        period
            .resolve(journal, today)
            .map_err(|error| format!("{error}."))
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, settings, clock) = (ctx.journal, ctx.settings, ctx.clock);
        self.poll_dialog();
        if self.dialog.is_some() {
            // The desktop's dialog answers on its own time: look again soon.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(200));
        }
        let period = self.period(journal, clock.today());
        if let Ok(range) = period {
            let key = (journal.revision(), range, settings, self.choices.sections);
            if self
                .preview
                .as_ref()
                .is_none_or(|preview| preview.key != key)
            {
                let (index, effects) = ctx.analysis.effects(journal, settings);
                let request = ReportRequest {
                    period: range,
                    sections: self.choices.sections,
                    message: String::new(),
                    name: None,
                    made: clock.now(),
                };
                let summary = report::summarize_period(journal, index, effects, &request);
                self.preview = Some(Preview {
                    key,
                    page: PageOne::new(&summary),
                    summary: Arc::new(summary),
                });
            }
        }
        let summary = period
            .is_ok()
            .then(|| {
                self.preview
                    .as_ref()
                    .map(|preview| Arc::clone(&preview.summary))
            })
            .flatten();
        if !self.path_typed
            && let Some(summary) = &summary
        {
            self.path = self
                .documents
                .get_or_insert_with(documents_folder)
                .join(report::file_name(summary, self.choices.format.extension()))
                .display()
                .to_string();
        }
        // Export stays in sight at the bottom, across the whole view (so the path has room),
        // whatever the window's height; the choices and the preview above it scroll. Drawn after
        // them (in the room its height took last frame), so that Tab meets the choices first,
        // as they are read.
        let height_id = ui.make_persistent_id("report_export_height");
        let export_height: f32 = ui.data(|data| data.get_temp(height_id)).unwrap_or(96.0);
        let full = ui.available_rect_before_wrap();
        let split = (full.bottom() - export_height).max(full.top());
        let mut above = ui.new_child(
            egui::UiBuilder::new()
                .id_salt("report_above_export")
                .max_rect(egui::Rect::from_min_max(
                    full.min,
                    egui::pos2(full.right(), split),
                )),
        );
        crate::ui::widgets::keyboard_divider(&above, "report_controls");
        egui::Panel::left("report_controls")
            .resizable(true)
            .default_size((above.available_width() * 0.36).clamp(280.0, 420.0))
            .size_range(240.0..=(above.available_width() * 0.5).clamp(240.0, 560.0))
            .show(&mut above, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.choices_ui(ui, period.as_ref().err(), journal, clock.today());
                        ui.separator();
                        ui.add_enabled_ui(ctx.editable, |ui| self.import_ui(ui, ctx));
                        ui.separator();
                        self.costs_ui(ui, ctx, period.as_ref().ok().copied());
                    });
            });
        self.preview_panel(&mut above, summary.is_some());
        let mut below = ui.new_child(
            egui::UiBuilder::new()
                .id_salt("report_export")
                .max_rect(egui::Rect::from_min_max(
                    egui::pos2(full.left(), split),
                    full.max,
                ))
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        // The strip is no panel: it paints the panels' own ground, or the window's (dark in
        // either theme) shows through and the light theme's dark text cannot be read.
        let ground = egui::Rect::from_min_max(egui::pos2(full.left(), split), full.max);
        below
            .painter()
            .rect_filled(ground, 0.0, below.visuals().panel_fill);
        let line = below.visuals().widgets.noninteractive.bg_stroke;
        below.painter().hline(full.x_range(), split, line);
        below.add_space(4.0);
        egui::Frame::new()
            .inner_margin(egui::Margin::symmetric(8, 2))
            .show(&mut below, |ui| self.export_ui(ui, summary.as_ref(), ctx));
        let used = below.min_rect().height() + 4.0;
        if (used - export_height).abs() > 0.5 {
            ui.data_mut(|data| data.insert_temp(height_id, used));
            ui.ctx()
                .request_discard("the report's export controls changed height");
        }
        ui.advance_cursor_after_rect(full);
    }

    /// The preview of page one, beside the choices.
    fn preview_panel(&mut self, ui: &mut egui::Ui, has_summary: bool) {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    // A page's width, not a line across a wide screen.
                    ui.set_max_width(ui.available_width().min(PREVIEW_WIDTH));
                    match self.preview.as_ref().filter(|_| has_summary) {
                        Some(preview) => {
                            preview_ui(ui, &preview.page, &self.choices.name, &self.message);
                        }
                        None => {
                            ui.heading("Preview");
                            ui.label(
                                "Choose a period (on the left) to see what the report will say.",
                            );
                        }
                    }
                });
        });
    }

    fn choices_ui(
        &mut self,
        ui: &mut egui::Ui,
        period_error: Option<&String>,
        journal: &Journal,
        today: NaiveDate,
    ) {
        ui.heading("Report for your therapist");
        ui.strong("Period");
        let shown = self.shown_period(journal);
        for choice in PeriodChoice::ALL {
            if ui.radio(shown == choice, choice.label()).clicked() {
                self.choices.period = choice;
                self.since_chosen = choice == PeriodChoice::SinceLastSession;
                if choice == PeriodChoice::Custom {
                    // Start from the whole journal, so that there is something to change.
                    let first_day = journal.date_span().map(|(first, _)| first);
                    if self.choices.custom_from.trim().is_empty() {
                        self.choices.custom_from = first_day
                            .unwrap_or(today - chrono::Duration::days(90))
                            .to_string();
                    }
                    if self.choices.custom_to.trim().is_empty() {
                        self.choices.custom_to = today.to_string();
                    }
                }
            }
        }
        if shown == PeriodChoice::Custom {
            ui.horizontal_wrapped(|ui| {
                let label = field_label(ui, "From", Some("YYYY-MM-DD"));
                ui.add(TextEdit::singleline(&mut self.choices.custom_from).desired_width(90.0))
                    .labelled_by(label.id);
                let label = field_label(ui, "To", None);
                ui.add(TextEdit::singleline(&mut self.choices.custom_to).desired_width(90.0))
                    .labelled_by(label.id);
            });
        }
        reason_line(ui, period_error.map(String::as_str));
        // Page one's own words: who it is for and what to say.
        let label = field_label(ui, labels::NAME, Some("optional"));
        ui.add(TextEdit::singleline(&mut self.choices.name).desired_width(f32::INFINITY))
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
        ui.strong("After page one, include");
        ui.checkbox(
            &mut self.choices.sections.trend,
            "Trend chart with sessions marked",
        );
        ui.checkbox(
            &mut self.choices.sections.aligned,
            "Aligned view (around a session)",
        );
        ui.checkbox(&mut self.choices.sections.sessions, "Sessions table");
        ui.checkbox(&mut self.choices.sections.by_kind, "Summary by kind");
        ui.checkbox(
            &mut self.choices.sections.measures,
            "Every measure (means, and after sessions)",
        );
        ui.checkbox(
            &mut self.choices.sections.patterns,
            "The strongest patterns (what went with worse or better days)",
        );
        ui.checkbox(&mut self.choices.sections.notes, "Notes");
        ui.add_space(6.0);
    }

    /// The period the report covers: the saved choice, except that "since the last session"
    /// stands for the last 30 days while the journal has no session (unless chosen here, this
    /// run, to be told why it cannot be); the saved choice itself is kept for when one is.
    fn shown_period(&self, journal: &Journal) -> PeriodChoice {
        if self.choices.period == PeriodChoice::SinceLastSession
            && journal.sessions().is_empty()
            && !self.since_chosen
        {
            PeriodChoice::Last30
        } else {
            self.choices.period
        }
    }

    fn name_checked(&self) -> Result<(), String> {
        check_text("The name", self.choices.name.trim(), MAX_NAME_CHARS, false)
            .map_err(|error| format!("{error}."))
    }

    fn message_checked(&self) -> Result<(), String> {
        check_text("The message", self.message.trim(), MAX_MESSAGE_CHARS, true)
            .map_err(|error| format!("{error}."))
    }

    fn import_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        ui.strong("Import from CSV");
        ui.label(RichText::new("painlog's own days.csv and sessions.csv; either may be left empty. measures.csv, medications.csv, exercises.csv, care.csv and therapists.csv in the same folder are read too. Imported values replace what the journal has for the same day, session or item.").weak());
        let label = field_label(ui, labels::IMPORT_DAYS, Some("path"));
        ui.add(TextEdit::singleline(&mut self.import_days).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let label = field_label(ui, labels::IMPORT_SESSIONS, Some("path"));
        ui.add(TextEdit::singleline(&mut self.import_sessions).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let ready = !self.import_days.trim().is_empty() || !self.import_sessions.trim().is_empty();
        let importing = ctx.jobs.importing();
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(ready && !importing, egui::Button::new(labels::IMPORT))
                .clicked()
            {
                let path = |text: &str| {
                    Some(PathBuf::from(text.trim())).filter(|_| !text.trim().is_empty())
                };
                ctx.push(Command::Import(ImportJob {
                    days: path(&self.import_days),
                    sessions: path(&self.import_sessions),
                    now: ctx.clock.now(),
                }));
            }
            if importing {
                ui.label(RichText::new("Reading the files…").weak());
            } else if !ready {
                ui.label(RichText::new("Type the path of days.csv, sessions.csv or both.").weak());
            }
        });
        if let Some(error) = ctx.jobs.import_error() {
            error_text(ui, error);
        }
    }
}
