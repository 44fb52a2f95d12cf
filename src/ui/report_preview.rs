//! The Report view's preview of page one: the report's own page-one model, laid out with egui.

use egui::RichText;

use crate::report::page_one::{
    ANSWER_HEADING, MEANINGFUL_MARK, MESSAGE_HEADING, NO_REGIONS, NO_SESSIONS, PageOne,
    REGIONS_HEADING, title_with,
};
use crate::report::text::SELF_REPORTED;

/// Page one of `summary` as the report will say it, with the `name` and `message` as typed.
pub(super) fn preview_ui(ui: &mut egui::Ui, page: &PageOne, name: &str, message: &str) {
    let (name, message) = (name.trim(), message.trim());
    ui.label(RichText::new("Preview of page one").weak());
    ui.heading(title_with(
        Some(name).filter(|n| !n.is_empty()),
        str::to_owned,
    ));
    ui.label(&page.period);
    // Not made yet: no date beside it.
    ui.label(RichText::new(SELF_REPORTED).weak());
    ui.add_space(6.0);
    answer_ui(ui, page);
    ui.add_space(8.0);
    figures_ui(ui, page);
    ui.add_space(8.0);
    ui.strong(&page.sessions_heading);
    if page.sessions.is_empty() {
        ui.label(NO_SESSIONS);
    } else {
        sessions_ui(ui, page);
    }
    ui.add_space(8.0);
    ui.strong(REGIONS_HEADING);
    if page.regions.is_empty() {
        ui.label(NO_REGIONS);
    } else {
        ui.label(page.regions_line(" · "));
    }
    if !message.is_empty() {
        ui.add_space(8.0);
        ui.strong(MESSAGE_HEADING);
        ui.label(message);
    }
    ui.add_space(8.0);
    if let Some(follows) = page.follows_line() {
        ui.label(RichText::new(follows).weak());
    }
}

/// The answer first: all sessions of the period against ordinary weeks, the clearest kinds and
/// therapists, and the caveat beside them.
fn answer_ui(ui: &mut egui::Ui, page: &PageOne) {
    let answer = &page.answer;
    ui.strong(ANSWER_HEADING);
    ui.label(RichText::new(answer.all.sentence(str::to_owned)).strong());
    for group in &answer.groups {
        ui.label(format!("• {}", group.sentence(str::to_owned)));
    }
    ui.label(RichText::new(format!("{} {}", answer.scope, answer.caveat)).weak());
}

/// The key figures of page one.
fn figures_ui(ui: &mut egui::Ui, page: &PageOne) {
    egui::Grid::new("report_figures")
        .num_columns(2)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for (label, figure) in page.labels_without_note().into_iter().zip(&page.figures) {
                ui.label(label);
                ui.strong(figure.value_and_detail(" "));
                ui.end_row();
            }
        });
}

/// Below this width the sessions are a list of lines that wrap, not a table.
const TABLE_WIDTH: f32 = 640.0;

/// The sessions of the period, the change beside before → after: a table where it fits, else a
/// line each that wraps.
fn sessions_ui(ui: &mut egui::Ui, page: &PageOne) {
    if ui.available_width() >= TABLE_WIDTH {
        sessions_table_ui(ui, page);
    } else {
        for session in &page.sessions {
            let with = if session.therapist == "–" {
                String::new()
            } else {
                format!(" with {}", session.therapist)
            };
            ui.label(format!(
                "{}, {}{with}. {}: {}; right after: {}.",
                session.short_date,
                session.kind,
                page.before_after_column_in_full,
                session.before_after_and_change(MEANINGFUL_MARK),
                session.relief
            ));
        }
    }
    if let Some(earlier) = page.earlier_line(page.sessions.len()) {
        ui.label(format!("…{earlier}."));
    }
    // The note explains the mark: only where some row carries it.
    if page.sessions.iter().any(|session| session.meaningful_drop) {
        ui.label(RichText::new(&page.sessions_note.preview).weak());
    }
}

fn sessions_table_ui(ui: &mut egui::Ui, page: &PageOne) {
    egui::Grid::new("report_sessions")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 3.0])
        // A long kind or name wraps in its cell rather than push the table past the page.
        .max_col_width(ui.available_width() / 4.0)
        .show(ui, |ui| {
            for header in [
                "Date",
                "Kind",
                "Therapist",
                &page.before_after_column_in_full,
                "Right after",
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for session in &page.sessions {
                ui.label(&session.short_date);
                ui.label(&session.kind);
                ui.label(&session.therapist);
                ui.label(session.before_after_and_change(MEANINGFUL_MARK));
                ui.label(&session.relief);
                ui.end_row();
            }
        });
}
