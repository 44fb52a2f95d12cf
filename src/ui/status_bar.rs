//! The bottom bar: which file is in use and whether every change is saved.

use std::path::Path;

use egui::RichText;

use super::{Command, SaveStatus};
use crate::report::text;

/// What the status bar shows.
pub struct State<'a> {
    /// The journal file.
    pub path: &'a Path,
    /// A demo in a temporary folder.
    pub is_demo: bool,
    /// Saving, when a journal is open.
    pub save: Option<&'a SaveStatus>,
    /// Fields that refuse what is typed in them: those changes are not saved.
    pub refused: &'a [String],
}

/// The status bar's accessible name.
pub const STATUS_NAME: &str = "Status";

/// Draw the status bar.
pub fn ui(ui: &mut egui::Ui, state: &State<'_>, commands: &mut Vec<Command>) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            // A status region that screen readers announce as it changes ("Saved at …", "Not
            // saved: …"), without moving the person's focus. Made before its labels, so that
            // they are its children.
            ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                node.set_role(egui::accesskit::Role::Status);
                node.set_label(STATUS_NAME);
                node.set_live(egui::accesskit::Live::Polite);
            });
            if let Some(reason) = state.refused.first() {
                // The journal keeps what the field held before; saying "Saved" would be untrue.
                let more = match state.refused.len() {
                    1 => String::new(),
                    n => format!(" (and {} more)", n - 1),
                };
                ui.label(
                    RichText::new(format!(
                        "⚠ Not saved: {reason}{more} The journal keeps the earlier value."
                    ))
                    .color(ui.visuals().error_fg_color),
                );
                ui.separator();
            }
            if let Some(save) = state.save {
                let quiet = matches!(
                    save,
                    SaveStatus::NothingYet
                        | SaveStatus::Loaded
                        | SaveStatus::Saved(_)
                        | SaveStatus::Pending
                );
                // "Saved" beside "Not saved" would contradict it; a failure is said as well.
                if state.refused.is_empty() || !quiet {
                    save_status(ui, save, commands);
                    ui.separator();
                }
            }
            let demo = if state.is_demo {
                " (a generated demo in a temporary folder; your own journal is not touched)"
            } else {
                ""
            };
            ui.label(RichText::new(format!("Journal: {}{demo}", state.path.display())).weak());
        });
    });
}

fn save_status(ui: &mut egui::Ui, status: &SaveStatus, commands: &mut Vec<Command>) {
    match status {
        SaveStatus::NothingYet => {
            ui.label("New journal: it is created when you log something");
        }
        SaveStatus::Loaded => {
            ui.label("✔ Everything is saved");
        }
        SaveStatus::Saved(at) => {
            ui.label(format!("✔ Saved at {}", text::clock_time(*at)));
        }
        SaveStatus::Pending => {
            ui.label("Saving…");
        }
        SaveStatus::ReadOnly => {
            ui.label(
                RichText::new("🔒 Read only: another painlog has this journal open")
                    .color(ui.visuals().warn_fg_color),
            );
        }
        SaveStatus::Conflicts(count) => {
            ui.label(
                RichText::new(format!(
                    "⚠ Not saved yet: {count} {} changed both here and elsewhere; choose which version to keep",
                    if *count == 1 { "record" } else { "records" }
                ))
                .color(ui.visuals().warn_fg_color),
            );
        }
        SaveStatus::ChangedOnDisk { reason } => {
            ui.label(
                RichText::new(format!(
                    "⚠ The journal file was changed outside this window and cannot be read now ({reason}). Nothing is written until you choose:"
                ))
                .color(ui.visuals().warn_fg_color),
            );
            if ui
                .button("Load the file")
                .on_hover_text("Read the file again; this window's unsaved changes are dropped")
                .clicked()
            {
                commands.push(Command::ReloadFromDisk);
            }
            if ui
                .button("Keep this window's version")
                .on_hover_text("Save this window's journal; the file's version is kept as a backup")
                .clicked()
            {
                commands.push(Command::KeepWindowVersion);
            }
        }
        SaveStatus::FolderGone { folder, at } => {
            ui.label(
                RichText::new(format!(
                    "⚠ Not saved ({}): the folder {} is gone (was its disk removed, or the folder moved?). Your changes are kept in this window and saved once it is back.",
                    text::clock_time(*at),
                    folder.display()
                ))
                .color(ui.visuals().error_fg_color),
            );
            if ui.button("Try saving again").clicked() {
                commands.push(Command::RetrySave);
            }
            if ui
                .button("Make the folder again")
                .on_hover_text("Create the folder where it was and save the journal there")
                .clicked()
            {
                commands.push(Command::MakeFolderAndSave);
            }
        }
        SaveStatus::Failed { reason, at } => {
            ui.label(
                RichText::new(format!(
                    "⚠ Not saved ({}): {reason}. Your changes are kept in this window and painlog keeps trying.",
                    text::clock_time(*at)
                ))
                .color(ui.visuals().error_fg_color),
            );
            if ui.button("Try saving again").clicked() {
                commands.push(Command::RetrySave);
            }
        }
    }
}
