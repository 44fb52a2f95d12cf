//! Sharing the journal: the banner of a read-only window, the offer to merge a sync tool's copy,
//! and the dialog that settles records changed both here and elsewhere.

use egui::RichText;

use super::Command;
use super::document::{MergeSource, PendingMerge};
use crate::model::{Conflict, Day, Keep, Session};
use crate::report::text;

/// Labels the tests click.
pub mod labels {
    /// Try to take the journal's lock again.
    pub const TRY_AGAIN: &str = "Try to edit again";
    /// Merge the sync tool's copy.
    pub const MERGE_COPY: &str = "Merge it";
    /// Do not merge the copy now.
    pub const NOT_NOW: &str = "Not now";
    /// Save the merge with the choices made.
    pub const APPLY: &str = "Save with these choices";
    /// Keep this window's version of every conflict.
    pub const ALL_MINE: &str = "Keep this window's version of all";
    /// Keep the file's version of every conflict (the copy's: [`ALL_THEIRS_COPY`]).
    pub const ALL_THEIRS: &str = "Keep the file's version of all";
    /// Keep the sync tool's copy's version of every conflict.
    pub const ALL_THEIRS_COPY: &str = "Keep the copy's version of all";
    /// Leave the copy unmerged.
    pub const CANCEL_COPY: &str = "Do not merge the copy";
}

/// The banner of a window that only reads, because another painlog writes the journal.
pub fn read_only_banner(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    egui::Panel::top("read_only").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(
                    "🔒 Read only: this journal is open in another painlog (a window or a command). \
                     This window shows it and follows its changes, but cannot change it.",
                )
                .color(ui.visuals().warn_fg_color),
            );
            if ui
                .button(labels::TRY_AGAIN)
                .on_hover_text("After closing the other painlog")
                .clicked()
            {
                commands.push(Command::TryToWrite);
            }
        });
    });
}

/// The offer to merge a copy of the journal that a sync tool left beside it.
pub fn copy_banner(ui: &mut egui::Ui, copy: &std::path::Path, commands: &mut Vec<Command>) {
    let name = copy
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    egui::Panel::top("conflict_copy").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "A sync tool left a copy of this journal beside it: {name}. It may hold days or \
                 sessions logged on another computer."
            ));
            if ui
                .button(labels::MERGE_COPY)
                .on_hover_text(
                    "Add what the copy holds; where a record differs you choose which version to \
                     keep. The copy is then renamed ….merged, not deleted.",
                )
                .clicked()
            {
                commands.push(Command::MergeCopy);
            }
            if ui.small_button(labels::NOT_NOW).clicked() {
                commands.push(Command::DismissCopy);
            }
        });
    });
}

/// The dialog that settles the records changed differently here and elsewhere. `choices` holds
/// one choice per conflict.
pub fn conflicts_dialog(
    ui: &mut egui::Ui,
    pending: &PendingMerge,
    choices: &mut Vec<Keep>,
    commands: &mut Vec<Command>,
) {
    let conflicts = &pending.merged.conflicts;
    choices.resize(conflicts.len(), Keep::Mine);
    let (other, intro) = match &pending.source {
        MergeSource::Disk => (
            "The file",
            "Since this window last read the journal, it was also changed elsewhere (on another \
             computer through a sync folder, or by another program). painlog merged everything \
             that changed on one side only. These records changed on both sides: choose which \
             version to keep. Nothing is written until you do."
                .to_owned(),
        ),
        MergeSource::Copy(copy) => (
            "The copy",
            format!(
                "painlog merged everything the copy {} adds. These records differ between this \
                 window and the copy: choose which version to keep.",
                copy.file_name()
                    .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
            ),
        ),
    };
    egui::Modal::new(egui::Id::unique("painlog_conflicts")).show(ui.ctx(), |ui| {
        ui.set_max_width(620.0);
        let count = conflicts.len();
        ui.heading(if count == 1 {
            "1 record changed in two places".to_owned()
        } else {
            format!("{count} records changed in two places")
        });
        ui.label(intro);
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(ui.ctx().content_rect().height() * 0.55)
            .show(ui, |ui| {
                for (conflict, choice) in conflicts.iter().zip(choices.iter_mut()) {
                    conflict_ui(ui, conflict, other, choice);
                    ui.separator();
                }
            });
        ui.horizontal_wrapped(|ui| {
            if ui.button(labels::ALL_MINE).clicked() {
                choices.fill(Keep::Mine);
            }
            let all_theirs = match pending.source {
                MergeSource::Disk => labels::ALL_THEIRS,
                MergeSource::Copy(_) => labels::ALL_THEIRS_COPY,
            };
            if ui.button(all_theirs).clicked() {
                choices.fill(Keep::Theirs);
            }
        });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(RichText::new(labels::APPLY).strong()).clicked() {
                commands.push(Command::ResolveConflicts(choices.clone()));
            }
            if matches!(pending.source, MergeSource::Copy(_))
                && ui.button(labels::CANCEL_COPY).clicked()
            {
                commands.push(Command::CancelMerge);
            }
        });
    });
}

fn conflict_ui(ui: &mut egui::Ui, conflict: &Conflict, other: &str, choice: &mut Keep) {
    let (title, mine, theirs) = match conflict {
        Conflict::Day { date, mine, theirs } => (
            format!("The day {}", text::date(*date)),
            mine.as_ref().map(day_parts),
            theirs.as_ref().map(day_parts),
        ),
        Conflict::Session { id, mine, theirs } => (
            format!("Session {id}"),
            mine.as_ref().map(session_parts),
            theirs.as_ref().map(session_parts),
        ),
    };
    ui.label(RichText::new(title).strong());
    let mine_text = version_text(ui, "This window", mine.as_deref(), theirs.as_deref());
    let theirs_text = version_text(ui, other, theirs.as_deref(), mine.as_deref());
    ui.radio_value(choice, Keep::Mine, mine_text);
    ui.radio_value(choice, Keep::Theirs, theirs_text);
}

/// "Side: part · part · …", the parts the other side does not have in a strong colour, so that
/// what differs stands out.
fn version_text(
    ui: &egui::Ui,
    side: &str,
    parts: Option<&[String]>,
    other: Option<&[String]>,
) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let normal = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let strong = egui::TextFormat::simple(font, ui.visuals().strong_text_color());
    let differs = egui::TextFormat {
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.35),
        ..strong.clone()
    };
    let mut job = egui::text::LayoutJob::default();
    job.append(&format!("{side}: "), 0.0, normal.clone());
    match parts {
        None => job.append("deleted", 0.0, differs),
        Some([]) => job.append("nothing logged", 0.0, differs),
        Some(parts) => {
            for (index, part) in parts.iter().enumerate() {
                if index > 0 {
                    job.append(" · ", 0.0, normal.clone());
                }
                let same = other.is_some_and(|other| other.contains(part));
                let format = if same {
                    normal.clone()
                } else {
                    differs.clone()
                };
                job.append(part, 0.0, format);
            }
        }
    }
    job
}

/// Every field of a day, as parts of a line.
fn day_parts(day: &Day) -> Vec<String> {
    let mut parts = Vec::new();
    for metric in crate::model::Metric::ALL {
        if let Some(value) = metric.of(day) {
            parts.push(format!("{} {value}", metric.name().to_lowercase()));
        }
    }
    if !day.regions.is_empty() {
        parts.push(format!(
            "where: {}",
            crate::model::map_to_text(&day.regions, ", ")
        ));
    }
    if !day.note.is_empty() {
        parts.push(format!("note “{}”", day.note));
    }
    parts
}

/// Every field of a session, as parts of a line.
fn session_parts(session: &Session) -> Vec<String> {
    let mut parts = vec![
        session.start.format("%a %-d %b %Y, %H:%M").to_string(),
        session.kind.to_string(),
        format!("{} min", session.minutes),
    ];
    if let Some(therapist) = &session.therapist {
        parts.push(therapist.clone());
    }
    if let Some(pressure) = session.pressure {
        parts.push(format!("{pressure} pressure"));
    }
    if !session.focus.is_empty() {
        parts.push(format!(
            "focus: {}",
            crate::model::compact_set(&session.focus)
                .into_iter()
                .map(crate::model::Compact::label)
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    if let Some(cost) = &session.cost {
        parts.push(cost.to_string());
    }
    for (name, value) in [
        ("pain before", session.pain_before),
        ("pain after", session.pain_after),
        ("soreness", session.soreness),
    ] {
        if let Some(value) = value {
            parts.push(format!("{name} {value}"));
        }
    }
    if !session.note.is_empty() {
        parts.push(format!("note “{}”", session.note));
    }
    parts
}
