//! What surrounds the views: the tabs and theme buttons, the notice and undo banner, and the
//! question asked when the window closes with changes it could not save.

use super::feedback::Deleted;
use super::{Command, SaveStatus, View};
use egui::accesskit::Role;

/// Asked when the window should close but the latest changes could not be saved.
pub(super) fn close_dialog(
    ui: &mut egui::Ui,
    status: Option<&SaveStatus>,
    commands: &mut Vec<Command>,
) {
    let reason = match status {
        Some(SaveStatus::Failed { reason, .. }) => format!("painlog could not save your latest changes: {reason}."),
        Some(SaveStatus::FolderGone { folder, .. }) => format!("painlog could not save your latest changes: the folder {} is gone.", folder.display()),
        Some(SaveStatus::ChangedOnDisk { .. }) => {
            "The journal file was changed outside this window and cannot be read now, so painlog has not written your latest changes over it.".to_owned()
        }
        Some(SaveStatus::Conflicts(_)) => {
            "Some records were changed both here and elsewhere, and you have not chosen which version to keep.".to_owned()
        }
        _ => "Your latest changes are not saved yet.".to_owned(),
    };
    egui::Modal::new(egui::Id::unique("painlog_close_unsaved")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading("Close without saving?");
        ui.label(reason);
        ui.label("If you close now, those changes are lost.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Keep painlog open").clicked() {
                commands.push(Command::CancelClose);
            }
            if ui.button("Close without saving").clicked() {
                commands.push(Command::CloseWithoutSaving);
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}

/// The app name, the view tabs (none while the journal cannot be read) and the theme buttons.
pub(super) fn top_bar(ui: &mut egui::Ui, current: Option<View>, commands: &mut Vec<Command>) {
    egui::Panel::top("views").show(ui, |ui| {
        // The buttons on the right are laid first; the tabs wrap in what is left (zoomed in, or
        // in a narrow window), never under them.
        let help = egui::containers::Sides::new().shrink_left().show(
            ui,
            |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.heading("painlog");
                    ui.add_space(12.0);
                    view_tabs(ui, current, commands);
                });
            },
            |ui| {
                theme_buttons(ui);
                ui.separator();
                let help = ui.button("?").on_hover_text(super::help::BUTTON);
                ui.ctx()
                    .accesskit_node_builder(help.id, |node| node.set_label(super::help::BUTTON));
                help.clicked()
            },
        );
        if help.1 {
            commands.push(Command::ShowShortcuts);
        }
    });
}

/// The views as a tab list: a tab per view, the current one selected.
fn view_tabs(ui: &mut egui::Ui, current: Option<View>, commands: &mut Vec<Command>) {
    ui.scope(|ui| {
        // A tab list of tabs to a screen reader, one of them selected; made before the tabs so
        // that they are its children.
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(Role::TabList);
            node.set_label(VIEWS_NAME);
        });
        for view in View::ALL.into_iter().filter(|_| current.is_some()) {
            let shortcut = ui.ctx().format_shortcut(&view.shortcut());
            let selected = current == Some(view);
            let tab = ui
                .selectable_label(selected, view.title())
                .on_hover_text(&shortcut);
            ui.ctx().accesskit_node_builder(tab.id, |node| {
                node.set_role(Role::Tab);
                node.clear_toggled();
                node.set_selected(selected);
                node.set_keyboard_shortcut(shortcut);
            });
            if tab.clicked() {
                commands.push(Command::ShowView(view));
            }
        }
    });
}

/// The view tabs' accessible name.
pub const VIEWS_NAME: &str = "Views";

/// The theme choices, each with a name a screen reader says (the buttons show only a symbol).
pub const THEMES: [(egui::ThemePreference, &str, &str); 3] = [
    (
        egui::ThemePreference::System,
        "💻",
        "Theme: follow the system",
    ),
    (egui::ThemePreference::Dark, "🌙", "Theme: dark"),
    (egui::ThemePreference::Light, "☀", "Theme: light"),
];

/// The three theme buttons (right to left: system, dark, light), as egui's own but named.
fn theme_buttons(ui: &mut egui::Ui) {
    let chosen = ui.ctx().options(|options| options.theme_preference);
    for (preference, symbol, name) in THEMES {
        let button = ui
            .selectable_label(chosen == preference, symbol)
            .on_hover_text(name);
        ui.ctx()
            .accesskit_node_builder(button.id, |node| node.set_label(name));
        if button.clicked() {
            ui.ctx().set_theme(preference);
        }
    }
}

pub(super) fn banner(
    ui: &mut egui::Ui,
    deleted: Option<&Deleted>,
    notice: Option<&str>,
    commands: &mut Vec<Command>,
) {
    if deleted.is_none() && notice.is_none() {
        return;
    }
    // Floating over the bottom right corner of the view, above the status bar, so that the
    // views never move down when a notice comes and up when it goes.
    let corner = ui.available_rect_before_wrap().right_bottom() - egui::vec2(12.0, 12.0);
    let area = egui::Area::new(egui::Id::unique("banner"))
        .order(egui::Order::Foreground)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .fixed_pos(corner)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(560.0);
                ui.horizontal_wrapped(|ui| {
                    if let Some(deleted) = deleted {
                        ui.label(deleted.describe());
                        if ui.button("Undo").clicked() {
                            commands.push(Command::Undo);
                        }
                    } else if let Some(notice) = notice {
                        ui.label(notice);
                    }
                    if ui.button("Dismiss").clicked() {
                        commands.push(Command::DismissUndo);
                    }
                });
            });
        });
    // Screen readers say a new notice without the person moving to it.
    ui.ctx().accesskit_node_builder(area.response.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
}
