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

/// The room the tabs need for the app's name beside them on one row.
const NAME_FROM_WIDTH: f32 = 720.0;

/// The app name, the view tabs (none while the journal cannot be read) and the theme buttons.
pub(super) fn top_bar(ui: &mut egui::Ui, current: Option<View>, commands: &mut Vec<Command>) {
    egui::Panel::top("views").show(ui, |ui| {
        // The tabs on the left wrap in the room the buttons on the right leave (zoomed in, or in
        // a narrow window), never under them; laid out left to right, so that Tab meets them
        // in the order they are seen. The right side's width is the last frame's.
        let width_id = ui.make_persistent_id("top_bar_right_width");
        // The first frame's guess is the width at the default text size, so that the first
        // frame is not drawn twice (a wrong guess is put right by drawing the frame again).
        let right_width: f32 = ui.data(|data| data.get_temp(width_id)).unwrap_or(146.0);
        let full = ui.max_rect();
        let gap = 2.0 * ui.spacing().item_spacing.x;
        let row = ui.spacing().interact_size.y;
        let left_width = (full.width() - right_width - gap).max(120.0);
        let left = ui.allocate_ui_with_layout(
            egui::vec2(left_width, row),
            egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true),
            |ui| {
                // A narrow window keeps its one row of tabs: the name (also the window's title)
                // and some of the room between tabs go first.
                if left_width >= NAME_FROM_WIDTH {
                    ui.heading("painlog");
                    ui.add_space(12.0);
                } else {
                    ui.spacing_mut().item_spacing.x = 3.0;
                }
                view_tabs(ui, current, commands);
            },
        );
        let height = left.response.rect.height().max(row);
        let right_rect = egui::Rect::from_min_max(
            egui::pos2(full.right() - right_width, full.top()),
            egui::pos2(full.right(), full.top() + height),
        );
        let mut right = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(right_rect)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        let help = right.button("?").on_hover_text(super::help::BUTTON);
        right
            .ctx()
            .accesskit_node_builder(help.id, |node| node.set_label(super::help::BUTTON));
        if help.clicked() {
            commands.push(Command::ShowShortcuts);
        }
        right.separator();
        theme_buttons(&mut right);
        // A difference under the gap between the two sides cannot make them overlap: the frame
        // is drawn again only for more.
        let used = right.min_rect().width();
        ui.data_mut(|data| data.insert_temp(width_id, used));
        if (used - right_width).abs() > gap / 4.0 {
            ui.ctx()
                .request_discard("the top bar's right side changed width");
        }
    });
}

/// The views as a tab list: a tab per view, the current one selected. One Tab stop, as a screen
/// reader expects: Tab reaches the current view's tab, ←/→ (Home/End) open the view beside it.
fn view_tabs(ui: &mut egui::Ui, current: Option<View>, commands: &mut Vec<Command>) {
    let focus_id = ui.make_persistent_id("focus_tab");
    let focus_next: Option<usize> = ui.data_mut(|data| data.remove_temp(focus_id));
    ui.scope(|ui| {
        // A tab list of tabs to a screen reader, one of them selected; made before the tabs so
        // that they are its children.
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(Role::TabList);
            node.set_label(VIEWS_NAME);
        });
        for (index, view) in View::ALL
            .into_iter()
            .enumerate()
            .filter(|_| current.is_some())
        {
            let shortcut = ui.ctx().format_shortcut(&view.shortcut());
            let selected = current == Some(view);
            let sense = if selected {
                egui::Sense::click()
            } else {
                egui::Sense::CLICK
            };
            let tab = ui
                .add(egui::Button::selectable(selected, view.title()).sense(sense))
                .on_hover_text(&shortcut);
            ui.ctx().accesskit_node_builder(tab.id, |node| {
                node.set_role(Role::Tab);
                node.clear_toggled();
                node.set_selected(selected);
                node.set_keyboard_shortcut(shortcut);
            });
            if focus_next == Some(index) {
                tab.request_focus();
            }
            if tab.clicked() {
                commands.push(Command::ShowView(view));
            }
            if tab.has_focus()
                && let Some(next) = tab_key(ui, tab.id, index)
            {
                commands.push(Command::ShowView(View::ALL[next]));
                ui.data_mut(|data| data.insert_temp(focus_id, next));
                ui.ctx().request_repaint();
            }
        }
    });
}

/// The tab an arrow, Home or End pressed on tab `index` opens.
fn tab_key(ui: &egui::Ui, id: egui::Id, index: usize) -> Option<usize> {
    ui.memory_mut(|memory| memory.set_focus_lock_filter(id, super::widgets::ARROWS));
    let last = View::ALL.len() - 1;
    let next = ui.input_mut(|input| {
        let mut pressed = |key| input.consume_key(egui::Modifiers::NONE, key);
        if pressed(egui::Key::ArrowRight) {
            Some((index + 1).min(last))
        } else if pressed(egui::Key::ArrowLeft) {
            Some(index.saturating_sub(1))
        } else if pressed(egui::Key::Home) {
            Some(0)
        } else if pressed(egui::Key::End) {
            Some(last)
        } else {
            None
        }
    })?;
    (next != index).then_some(next)
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

/// The three theme buttons (left to right: light, dark, system), as egui's own but named.
fn theme_buttons(ui: &mut egui::Ui) {
    let chosen = ui.ctx().options(|options| options.theme_preference);
    // Left to right: light, dark, system.
    for (preference, symbol, name) in THEMES.into_iter().rev() {
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
