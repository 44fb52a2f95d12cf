//! Shown when the journal cannot be read: what is wrong, and the ways out. Nothing here
//! writes to the damaged file; restoring a backup keeps it under another name.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::Command;
use crate::report::text;
use crate::store::{self, LoadError};

/// A backup and what it holds, read once when the view opens.
struct BackupRow {
    path: PathBuf,
    taken: String,
    summary: String,
    readable: bool,
}

/// The recovery view's state.
pub struct RecoveryView {
    path: PathBuf,
    headline: String,
    position: Option<String>,
    /// The line of the file where the problem is, and a caret under its column.
    excerpt: Option<String>,
    message: String,
    advice: &'static str,
    backups: Vec<BackupRow>,
    other_path: String,
    /// What is wrong with the path typed to open, or the new journal waiting to be confirmed.
    other_problem: Option<OtherProblem>,
    problem: Option<String>,
}

enum OtherProblem {
    Message(String),
    NoFile(PathBuf),
}

impl RecoveryView {
    /// The view for a journal that failed to load with `error`.
    pub fn new(path: &Path, error: &LoadError) -> Self {
        let (headline, position, message) = match error {
            LoadError::Damaged {
                line,
                column,
                message,
                ..
            } => (
                "painlog cannot read this journal",
                Some(format!("Line {line}, column {column}")),
                message.clone(),
            ),
            LoadError::TooNew { found, .. } => (
                "This journal was written by a newer painlog",
                None,
                format!(
                    "It is format version {found}; this painlog reads versions up to {}.",
                    store::CURRENT_VERSION
                ),
            ),
            LoadError::Io { source, .. } => {
                ("painlog cannot open this journal", None, source.to_string())
            }
            LoadError::Refused { reason, .. } => (
                "This is not a journal painlog can open",
                None,
                format!("{reason}."),
            ),
            LoadError::NoPath => (
                "painlog cannot find a place for the journal",
                None,
                error.to_string(),
            ),
        };
        let excerpt = match error {
            LoadError::Damaged { line, column, .. } => store::excerpt(path, *line, *column),
            _ => None,
        };
        Self {
            path: path.to_path_buf(),
            headline: headline.to_owned(),
            position,
            excerpt,
            message,
            advice: error.advice(),
            backups: read_backups(path),
            other_path: String::new(),
            other_problem: None,
            problem: None,
        }
    }

    /// Show a problem with the last attempt (e.g. a backup that could not be restored).
    pub fn set_problem(&mut self, problem: String) {
        self.problem = Some(problem);
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading(RichText::new(&self.headline).color(ui.visuals().warn_fg_color));
                ui.add_space(6.0);
                ui.label(format!("File: {}", self.path.display()));
                if let Some(position) = &self.position {
                    ui.label(RichText::new(position).strong());
                }
                if let Some(excerpt) = &self.excerpt {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        egui::ScrollArea::horizontal().show(ui, |ui| {
                            ui.add(egui::Label::new(RichText::new(excerpt).monospace()).extend());
                        });
                    });
                }
                ui.label(RichText::new(&self.message).monospace());
                ui.add_space(6.0);
                ui.label(self.advice);
                if let Some(problem) = &self.problem {
                    super::widgets::error_text(ui, problem);
                }
                ui.add_space(8.0);
                if ui
                    .button("Try again")
                    .on_hover_text("Read the file again, e.g. after fixing it in a text editor")
                    .clicked()
                {
                    commands.push(Command::Reload);
                }
                ui.add_space(12.0);
                self.backups_ui(ui, commands);
                ui.add_space(12.0);
                self.open_other_ui(ui, commands);
            });
        });
    }

    fn backups_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.heading("Restore a backup");
        if self.backups.is_empty() {
            ui.label("There are no backups beside this journal.");
            return;
        }
        ui.label("Restoring puts the backup in place of the journal; the unreadable file is kept under a new name, not deleted.");
        egui::Grid::new("backups")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for backup in &self.backups {
                    ui.label(&backup.taken);
                    ui.label(&backup.summary);
                    let button = ui
                        .add_enabled(backup.readable, egui::Button::new("Restore this backup"))
                        .accessible_name(format!("Restore the backup of {}", backup.taken));
                    if button.clicked() {
                        commands.push(Command::RestoreBackup(backup.path.clone()));
                    }
                    ui.end_row();
                }
            });
    }

    fn open_other_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.heading("Open another journal");
        ui.horizontal(|ui| {
            let label = ui.label("Journal file");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.other_path)
                        .desired_width(380.0)
                        .hint_text("/path/to/journal.ron"),
                )
                .labelled_by(label.id);
            if field.changed() {
                self.other_problem = None;
            }
            let enter = field.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if ui.button("Open").clicked() || enter {
                let path = PathBuf::from(self.other_path.trim());
                self.other_problem = if self.other_path.trim().is_empty() {
                    Some(OtherProblem::Message(
                        "Type the path of a journal file, e.g. /home/you/journal.ron.".to_owned(),
                    ))
                } else if path.is_dir() {
                    Some(OtherProblem::Message(format!(
                        "{} is a folder; type the path of the journal file in it.",
                        path.display()
                    )))
                } else if !path.exists() {
                    Some(OtherProblem::NoFile(path))
                } else {
                    commands.push(Command::Open(path));
                    None
                };
            }
        });
        match &self.other_problem {
            Some(OtherProblem::Message(message)) => super::widgets::error_text(ui, message),
            Some(OtherProblem::NoFile(path)) => {
                super::widgets::error_text(
                    ui,
                    &format!(
                        "There is no file at {}. Check the path for typing mistakes.",
                        path.display()
                    ),
                );
                if ui.button("Start a new journal there").clicked() {
                    commands.push(Command::Open(path.clone()));
                }
            }
            None => {}
        }
    }
}

fn read_backups(path: &Path) -> Vec<BackupRow> {
    store::backup::list_with_contents(path)
        .unwrap_or_default()
        .into_iter()
        .map(|contents| BackupRow {
            taken: format!(
                "{}, {}",
                text::date(contents.backup.taken.date()),
                text::clock_time(contents.backup.taken)
            ),
            summary: contents.describe(),
            readable: contents.held.is_ok(),
            path: contents.backup.path,
        })
        .collect()
}
