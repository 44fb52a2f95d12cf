//! Drawing the session form: its rows, the reasons under them, and its buttons.

use chrono::NaiveDateTime;
use egui::{RichText, TextEdit};

use super::form::{Focus, FormErrors, RATINGS, SessionForm};
use super::labels;
use crate::model::{BodyMap, Journal, KindChoice, Pressure, Session};
use crate::report::text;
use crate::ui::Command;
use crate::ui::body_map::{Mode, body_map_ui};
use crate::ui::context::ViewContext;
use crate::ui::widgets::{field_label, reason_line, score_input};

/// The name of the body map of the focus.
const FOCUS: &str = "Focus regions";

/// What the form's widgets did this frame.
#[derive(Default)]
struct FormEvents {
    /// A value changed (applied at once when editing).
    changed: bool,
    /// Which parts had the keyboard focus.
    focus: Focus,
}

pub(super) fn form_ui(ui: &mut egui::Ui, form: &mut SessionForm, ctx: &mut ViewContext<'_>) {
    let (journal, now) = (ctx.journal, ctx.clock.now());
    match &form.shown {
        Some(session) => ui.heading(format!(
            "Session {} — {}, {}",
            session.id,
            session.kind,
            text::short_date(session.start.date())
        )),
        None => ui.heading("New massage session"),
    };
    ui.add_space(6.0);
    let built = form.build(journal, now);
    let errors = built.as_ref().err().map(AsRef::as_ref);
    let mut events = FormEvents::default();
    // Labels beside the fields where there is room, above them in a narrow window; the body
    // map beside the ratings where there is room, under them in a narrow window.
    let wide = ui.available_width() >= 640.0;
    if wide {
        egui::Grid::new("session_form")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| rows(ui, form, journal, errors, &mut events));
        ui.add_space(4.0);
        ui.horizontal_top(|ui| {
            let width = ui.available_width() - FOCUS_WIDTH - 16.0;
            let layout = egui::Layout::top_down(egui::Align::Min);
            ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, |ui| {
                ui.set_max_width(width);
                ratings(ui, form, errors, &mut events);
            });
            ui.add_space(8.0);
            ui.vertical(|ui| focus_map(ui, form, &mut events));
        });
    } else {
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 4.0;
            rows(ui, form, journal, errors, &mut events);
        });
        ratings(ui, form, errors, &mut events);
        focus_map(ui, form, &mut events);
    }
    note_row(ui, form, errors, &mut events);
    ui.add_space(6.0);
    // What this frame's keys made of the form.
    let built = form.build(journal, now);
    form.settle(events.focus, built.as_ref().err().map(AsRef::as_ref));
    match form.editing {
        None => {
            form.touched |= events.changed;
            new_session_buttons(ui, form, &built, ctx);
        }
        Some(id) => {
            ui.horizontal_wrapped(|ui| {
                if ui.button(labels::DELETE).clicked() {
                    ctx.push(Command::DeleteSession(id));
                }
                let hint = if ui.is_enabled() {
                    "Changes are saved as you make them."
                } else {
                    "Read only: another painlog has the journal open."
                };
                ui.label(RichText::new(hint).weak());
            });
            apply_edit(form, ctx);
            if let Err(errors) = &built {
                let when = form
                    .shown
                    .as_ref()
                    .map(|session| session.start.format("%-d %b %Y, %H:%M").to_string())
                    .unwrap_or_default();
                for reason in errors.all() {
                    ctx.push(Command::InputRefused(format!(
                        "session of {when}, {reason}"
                    )));
                }
            }
        }
    }
}

/// The rows of the form: labels and fields.
fn rows(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    journal: &Journal,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    start_rows(ui, form, errors, events);
    kind_row(ui, form, errors, events);
    minutes_row(ui, form, errors, events);
    therapist_row(ui, form, journal, errors, events);
    pressure_row(ui, form, events);
    cost_row(ui, form, errors, events);
}

/// The first of a part's reasons.
fn reason_of<'a>(messages: &[Option<&'a str>]) -> Option<&'a str> {
    messages.iter().flatten().next().copied()
}

fn start_rows(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    let label = field_label(ui, labels::DATE, Some("YYYY-MM-DD"));
    let field = ui
        .add(TextEdit::singleline(&mut form.date).desired_width(110.0))
        .labelled_by(label.id);
    events.changed |= field.changed();
    events.focus.start |= field.has_focus();
    ui.end_row();

    let label = field_label(ui, labels::TIME, Some("HH:MM, 24-hour"));
    ui.vertical(|ui| {
        let field = ui
            .add(TextEdit::singleline(&mut form.time).desired_width(60.0))
            .labelled_by(label.id);
        events.changed |= field.changed();
        events.focus.start |= field.has_focus();
        reason_line(ui, reason_of(&[errors.and_then(|e| e.start.as_deref())]));
    });
    ui.end_row();
}

fn kind_row(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    field_label(ui, "Kind", None);
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            for choice in KindChoice::ALL {
                events.changed |= ui
                    .radio_value(&mut form.kind, choice, choice.label())
                    .changed();
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(labels::OTHER_KIND);
            let field = ui
                .add_enabled(
                    form.kind == KindChoice::Other,
                    TextEdit::singleline(&mut form.other_name)
                        .desired_width(200.0)
                        .hint_text("optional, e.g. Hot stone"),
                )
                .labelled_by(label.id);
            events.changed |= field.changed();
            events.focus.other_name |= field.has_focus();
        });
        reason_line(
            ui,
            reason_of(&[errors.and_then(|e| e.kind_name.as_deref())]),
        );
    });
    ui.end_row();
}

fn minutes_row(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    let label = field_label(ui, labels::MINUTES, Some("1–480"));
    ui.vertical(|ui| {
        let field = ui
            .add(TextEdit::singleline(&mut form.minutes).desired_width(60.0))
            .labelled_by(label.id);
        events.changed |= field.changed();
        events.focus.minutes |= field.has_focus();
        reason_line(ui, reason_of(&[errors.and_then(|e| e.minutes.as_deref())]));
    });
    ui.end_row();
}

fn therapist_row(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    journal: &Journal,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    let label = field_label(ui, labels::THERAPIST, Some("optional"));
    ui.vertical(|ui| {
        let field = ui
            .add(TextEdit::singleline(&mut form.therapist).desired_width(260.0))
            .labelled_by(label.id);
        events.changed |= field.changed();
        events.focus.therapist |= field.has_focus();
        reason_line(
            ui,
            reason_of(&[errors.and_then(|e| e.therapist.as_deref())]),
        );
        let typed = form.therapist.trim().to_owned();
        let known: Vec<String> = journal
            .therapists()
            .into_iter()
            .filter(|name| *name != typed)
            .take(5)
            .collect();
        if !known.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Recent:").weak());
                for name in known {
                    let chip = ui
                        .button(&name)
                        .on_hover_text("Fill in this therapist")
                        .accessible_name(format!("Recent therapist: {name}"));
                    if chip.clicked() {
                        form.therapist = name;
                        events.changed = true;
                    }
                }
            });
        }
    });
    ui.end_row();
}

fn pressure_row(ui: &mut egui::Ui, form: &mut SessionForm, events: &mut FormEvents) {
    field_label(ui, "Pressure", None);
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            events.changed |= ui
                .radio_value(&mut form.pressure, None, "Not recorded")
                .changed();
            for pressure in Pressure::ALL {
                events.changed |= ui
                    .radio_value(&mut form.pressure, Some(pressure), pressure.label())
                    .changed();
            }
        });
    });
    ui.end_row();
}

/// The width the body map of the focus takes beside the form's rows.
const FOCUS_WIDTH: f32 = 280.0;

/// Where the therapist worked: the body map, marks only.
fn focus_map(ui: &mut egui::Ui, form: &mut SessionForm, events: &mut FormEvents) {
    ui.set_max_width(FOCUS_WIDTH);
    field_label(ui, FOCUS, Some("worked on"));
    let mut map: BodyMap = form.focus.iter().map(|spot| (*spot, None)).collect();
    if body_map_ui(ui, "session_focus_map", FOCUS, &mut map, Mode::Focus) {
        form.focus = map.into_keys().collect();
        events.changed = true;
    }
}

fn cost_row(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    let label = field_label(ui, labels::COST, Some("optional, e.g. 60 or 59.50"));
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let field = ui
                .add(TextEdit::singleline(&mut form.cost).desired_width(80.0))
                .labelled_by(label.id);
            events.changed |= field.changed();
            events.focus.cost |= field.has_focus();
            let currency_label = ui.label(labels::CURRENCY);
            // No grey hint: an empty currency must look empty, not filled in.
            let field = ui
                .add(TextEdit::singleline(&mut form.currency).desired_width(48.0))
                .labelled_by(currency_label.id);
            events.changed |= field.changed();
            events.focus.cost |= field.has_focus();
        });
        let reasons: Vec<&str> = [
            errors.and_then(|e| e.cost.as_deref()),
            errors.and_then(|e| e.currency.as_deref()),
        ]
        .into_iter()
        .flatten()
        .collect();
        reason_line(
            ui,
            Some(reasons.join(" ")).filter(|r| !r.is_empty()).as_deref(),
        );
    });
    ui.end_row();
}

/// Pain right before and after, and soreness.
fn ratings(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    for (index, (name, scale)) in RATINGS.into_iter().enumerate() {
        let label = field_label(ui, name, Some(scale));
        let input = score_input(
            ui,
            ("session_rating", index),
            name,
            &label,
            &mut form.ratings[index],
            false,
        );
        events.changed |= input.changed;
        events.focus.ratings[index] |= input.field.has_focus();
        reason_line(
            ui,
            reason_of(&[errors.and_then(|e| e.ratings[index].as_deref())]),
        );
    }
}

/// The session's note.
fn note_row(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    errors: Option<&FormErrors>,
    events: &mut FormEvents,
) {
    ui.add_space(8.0);
    let label = field_label(
        ui,
        labels::NOTE,
        Some("e.g. stretches the therapist suggested"),
    );
    let field = ui
        .add(
            TextEdit::multiline(&mut form.note)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    events.changed |= field.changed();
    events.focus.note |= field.has_focus();
    reason_line(ui, reason_of(&[errors.and_then(|e| e.note.as_deref())]));
}

fn new_session_buttons(
    ui: &mut egui::Ui,
    form: &mut SessionForm,
    built: &Result<Session, Box<FormErrors>>,
    ctx: &mut ViewContext<'_>,
) {
    let journal = ctx.journal;
    ui.horizontal_wrapped(|ui| {
        let add = ui.button(labels::ADD);
        let reason = built
            .as_ref()
            .err()
            .and_then(|errors| errors.all().first().copied());
        match (built, add.clicked()) {
            (Ok(session), true) => ctx.push(Command::AddSession(session.clone())),
            // The reason stays beside the button; a click moves the focus there for a reader.
            (Err(_), true) => add.request_focus(),
            _ => {}
        }
        if form.touched && ui.button(labels::CLEAR_FORM).clicked() {
            // Start again from the defaults; the date and time keep what was typed.
            let (date, time) = (form.date.clone(), form.time.clone());
            *form = SessionForm::new_session(journal, NaiveDateTime::MIN);
            (form.date, form.time) = (date, time);
        }
        match reason {
            Some(reason) => {
                ui.label(
                    RichText::new(format!("Not added yet: {reason}"))
                        .color(ui.visuals().error_fg_color),
                );
            }
            None => {
                ui.label(
                    RichText::new("Date, time, kind and minutes are needed; the rest is optional.")
                        .weak(),
                );
            }
        }
    });
}

/// Apply the form to the session it edits. A part that refuses its text gives the value it had
/// before its edit began (and the status bar says the change is not saved).
fn apply_edit(form: &mut SessionForm, ctx: &mut ViewContext<'_>) {
    let (journal, now) = (ctx.journal, ctx.clock.now());
    let Some(shown) = form.shown.clone() else {
        return;
    };
    let Some(session) = form.effective(journal, now) else {
        return;
    };
    if session != shown {
        form.shown = Some(session.clone());
        ctx.push(Command::UpdateSession(session));
    }
}
