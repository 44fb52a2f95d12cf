//! Log, edit and delete massage sessions. New sessions are added with a button; changes to an
//! existing one are written as they are made.

use chrono::NaiveDateTime;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use super::Clock;
use super::context::{AppEvent, ViewContext};
use super::list_table::{Cell, ListTable, Row};
use crate::model::{Journal, Session};

mod around;
mod form;
mod form_ui;

use form::SessionForm;
use form_ui::form_ui;

const NEW_SESSION: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);

/// Labels a person (and the tests) find the fields by.
pub mod labels {
    /// The date field.
    pub const DATE: &str = "Date";
    /// The start time field.
    pub const TIME: &str = "Start time";
    /// The name of an "other" kind.
    pub const OTHER_KIND: &str = "Name of the other kind";
    /// Minutes.
    pub const MINUTES: &str = "Minutes";
    /// Therapist.
    pub const THERAPIST: &str = "Therapist or clinic";
    /// Cost amount.
    pub const COST: &str = "Cost";
    /// Currency code.
    pub const CURRENCY: &str = "Currency";
    /// Pain right before.
    pub const PAIN_BEFORE: &str = "Pain right before";
    /// Pain right after.
    pub const PAIN_AFTER: &str = "Pain right after";
    /// Soreness afterwards.
    pub const SORENESS: &str = "Soreness afterwards";
    /// The note.
    pub const NOTE: &str = "Session note";
    /// Adds a new session.
    pub const ADD: &str = "Add session";
    /// Starts a new, empty form.
    pub const NEW: &str = "New session";
    /// Deletes the session being edited.
    pub const DELETE: &str = "Delete session";
    /// Empties the new-session form.
    pub const CLEAR_FORM: &str = "Clear the form";
}

/// The widest the session form grows.
const FORM_WIDTH: f32 = 760.0;

/// From this width (beside the list) the days around the session are shown beside the form.
const WIDE: f32 = 1300.0;

/// The sessions view's state.
#[derive(Default)]
pub struct SessionsView {
    form: Option<SessionForm>,
    /// A new session typed but not yet added, kept while another session is open.
    draft: Option<SessionForm>,
}

impl SessionsView {
    /// Follow what the app did: edit a session just added, or whose deletion was undone; leave
    /// the form of a deleted one; start afresh on another journal.
    pub fn follow(&mut self, event: &AppEvent, journal: &Journal) {
        match event {
            AppEvent::SessionAdded(id) => self.form = journal.session(*id).map(SessionForm::edit),
            AppEvent::ShowSession(id) => {
                if let Some(form) = journal.session(*id).map(SessionForm::edit) {
                    self.open(form);
                }
            }
            AppEvent::SessionDeleted(id) => {
                if self
                    .form
                    .as_ref()
                    .is_some_and(|form| form.editing == Some(*id))
                {
                    self.form = None;
                }
            }
            AppEvent::JournalReplaced => *self = Self::default(),
            AppEvent::ShowDay(_) => {}
        }
    }

    fn open(&mut self, next: SessionForm) {
        if let Some(current) = self.form.take()
            && current.editing.is_none()
            && current.touched
        {
            self.draft = Some(current);
        }
        self.form = Some(next);
    }

    /// Show the new-session form: the draft if there is one, else a fresh form.
    fn new_session(&mut self, journal: &Journal, now: NaiveDateTime) {
        if self
            .form
            .as_ref()
            .is_some_and(|form| form.editing.is_none())
        {
            return;
        }
        let form = self
            .draft
            .take()
            .unwrap_or_else(|| SessionForm::new_session(journal, now));
        self.form = Some(form);
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, clock) = (ctx.journal, ctx.clock);
        if ui.input_mut(|input| input.consume_shortcut(&NEW_SESSION)) {
            self.new_session(journal, clock.now());
        }
        super::widgets::keyboard_divider(ui, "sessions_list");
        egui::Panel::left("sessions_list")
            .resizable(true)
            .default_size((ui.available_width() * 0.3).clamp(180.0, 380.0))
            .size_range(160.0..=(ui.available_width() * 0.38).clamp(160.0, 480.0))
            .show(ui, |ui| self.list_ui(ui, journal, clock));

        let form = self
            .form
            .get_or_insert_with(|| SessionForm::new_session(journal, clock.now()));
        if let Some(id) = form.editing {
            match journal.session(id) {
                None => *form = SessionForm::new_session(journal, clock.now()),
                Some(stored) if Some(stored) != form.shown.as_ref() => {
                    *form = SessionForm::edit(stored);
                }
                Some(_) => {}
            }
        }
        // A wide window shows the days around the session (or what is known of its kind)
        // beside the form.
        if ui.available_width() >= WIDE {
            let settings = ctx.settings;
            let (index, effects) = ctx.analysis.effects(journal, settings);
            egui::Panel::right("session_around")
                .resizable(false)
                .exact_size(ui.available_width() - FORM_WIDTH - 32.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        around::around_ui(ui, form, journal, (index, effects));
                    });
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    // Clear of the scroll bar, which floats over the right edge.
                    let room = ui.available_width() - 2.0 * ui.spacing().scroll.bar_width;
                    ui.set_max_width(room.min(FORM_WIDTH));
                    ui.add_enabled_ui(ctx.editable, |ui| form_ui(ui, form, ctx));
                });
        });
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, journal: &Journal, clock: Clock) {
        ui.add_space(4.0);
        let new = ui
            .button(format!("➕ {}", labels::NEW))
            .on_hover_text(ui.ctx().format_shortcut(&NEW_SESSION));
        if new.clicked() {
            self.new_session(journal, clock.now());
        }
        ui.add_space(4.0);
        ui.strong(format!(
            "Sessions, newest first ({})",
            journal.sessions().len()
        ));
        if journal.sessions().is_empty() {
            ui.label(
                RichText::new("None yet. Fill in the form to add your first massage session.")
                    .weak(),
            );
        }
        let selected = self.form.as_ref().and_then(|form| form.editing);
        let sessions = journal.sessions();
        let table = ListTable {
            id_salt: "sessions_list",
            name: "Sessions, newest first",
            headers: &[
                "Date and time",
                "Kind",
                "Minutes",
                "Therapist",
                "Pain before and after",
            ],
            rows: sessions.len(),
            lines: 2,
            columns: None,
        };
        let newest_first = |index: usize| &sessions[sessions.len() - 1 - index];
        let clicked = table.show(ui, |index| {
            let session = newest_first(index);
            session_row(session, selected == Some(session.id))
        });
        if let Some(index) = clicked {
            self.open(SessionForm::edit(newest_first(index)));
        }
    }
}

/// A session as a row of the list: when on the first line; kind, minutes, therapist and pain on
/// the second.
fn session_row(session: &Session, selected: bool) -> Row {
    let when = session.start.format("%a %-d %b %Y, %H:%M").to_string();
    let minutes = format!("{} min", session.minutes);
    let (therapist_shown, therapist_read) = match &session.therapist {
        Some(therapist) => (therapist.clone(), therapist.clone()),
        None => (String::new(), "not recorded".to_owned()),
    };
    let (pain_shown, pain_read) = match (session.pain_before, session.pain_after) {
        (Some(before), Some(after)) => (
            format!("pain {before}→{after}"),
            format!("{before} before, {after} after"),
        ),
        (before, after) => (
            String::new(),
            format!(
                "{} before, {} after",
                before.map_or("not rated".to_owned(), |s| s.to_string()),
                after.map_or("not rated".to_owned(), |s| s.to_string())
            ),
        ),
    };
    let kind = session.kind.to_string();
    Row {
        cells: vec![
            Cell::new(0, when.clone(), when),
            Cell::new(1, kind.clone(), kind),
            Cell::new(1, minutes.clone(), minutes),
            Cell::new(1, therapist_shown, therapist_read),
            Cell::new(1, pain_shown, pain_read),
        ],
        selected,
    }
}
