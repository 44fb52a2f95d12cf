//! The keyboard shortcuts, listed in a window that F1 (or "?" when no field is being typed in)
//! opens and closes, and that the "?" button at the top opens too.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::View;

/// The help window's title (and its accessible name).
pub const TITLE: &str = "Keyboard shortcuts";

/// The button at the top that opens it.
pub const BUTTON: &str = "Keyboard shortcuts (F1)";

/// Opens and closes the list.
pub const TOGGLE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// Whether this frame's input asks for the list to open or close: F1, or "?" typed while no
/// field has the keyboard (a "?" typed into a note is a question mark); Escape closes it.
pub fn toggled(ctx: &egui::Context, open: bool) -> bool {
    let typing = ctx.egui_wants_keyboard_input();
    ctx.input_mut(|input| {
        let f1 = input.consume_shortcut(&TOGGLE);
        let question = !typing
            && input
                .events
                .iter()
                .any(|event| matches!(event, egui::Event::Text(text) if text == "?"));
        let escape = open && input.consume_key(Modifiers::NONE, Key::Escape);
        f1 || question || escape
    })
}

/// What each shortcut does, in the order a person meets them.
fn rows(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = View::ALL
        .into_iter()
        .map(|view| {
            (
                ctx.format_shortcut(&view.shortcut()),
                format!("Show {}", view.title()),
            )
        })
        .collect();
    let command = |key: Key| ctx.format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key));
    let alt = |key: Key| ctx.format_shortcut(&KeyboardShortcut::new(Modifiers::ALT, key));
    rows.extend(
        [
            (
                "Tab / Shift+Tab".to_owned(),
                "Move to the next / previous field or button",
            ),
            (
                "Enter or Space".to_owned(),
                "Press the button or tab that has the keyboard",
            ),
            (
                "↑ / ↓ in a score field".to_owned(),
                "Raise or lower the score by one",
            ),
            (
                "← / → on a score's buttons".to_owned(),
                "Choose the score beside (the buttons are one Tab stop)",
            ),
            (
                "Arrows on the body map".to_owned(),
                "Move to the place before / after, head to feet (the map is one Tab stop)",
            ),
            (
                "Space, 0–9, Delete on the body map".to_owned(),
                "Mark or unmark the place; set its intensity (1 then 0 for 10); unmark it",
            ),
            (
                "← / → on the view tabs".to_owned(),
                "Open the view beside (the tabs are one Tab stop)",
            ),
            (
                "↑ / ↓, Page Up / Down, Home / End in a list".to_owned(),
                "Days, sessions, Effects' sessions: move through the rows; Enter opens one",
            ),
            (
                "← / → on a panel's divider".to_owned(),
                "Make the panel narrower / wider",
            ),
            (alt(Key::ArrowLeft), "Day view: the day before"),
            (alt(Key::ArrowRight), "Day view: the day after"),
            (alt(Key::Home), "Day view: today"),
            (command(Key::N), "Sessions view: a new session"),
            (
                format!("{} / {}", command(Key::Plus), command(Key::Minus)),
                "Make everything larger / smaller",
            ),
            (command(Key::Num0), "Back to the normal size"),
            (
                "Ctrl+scroll".to_owned(),
                "Trend chart: zoom in and out of the days",
            ),
            (
                "Shift+scroll or drag".to_owned(),
                "Trend chart: move to earlier or later days",
            ),
            (
                "← / → on a chart".to_owned(),
                "Trend and aligned charts (Tab to them): move the cursor a day, which reads that day",
            ),
            (
                "Page Up / Page Down, Home / End".to_owned(),
                "On a chart: a week (or the chart's week or month) back or on; the first or last day",
            ),
            (
                "Arrows, Page Up / Down, Home / End on the Year calendar".to_owned(),
                "A day (← →), a week (↑ ↓), a month back or on; the first or last day; Enter opens the day",
            ),
            (
                ctx.format_shortcut(&TOGGLE) + " or ?",
                "Open or close this list (Escape closes it)",
            ),
        ]
        .into_iter()
        .map(|(keys, what)| (keys, what.to_owned())),
    );
    rows
}

/// The list, in a window of its own over the view, while `open`.
pub fn window(ctx: &egui::Context, open: &mut bool) {
    if !*open {
        return;
    }
    egui::Window::new(TITLE)
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .spacing([24.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for (keys, what) in rows(ctx) {
                        ui.strong(keys);
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
}
