//! Log, edit and delete massage sessions. New sessions are added with a button; changes to an
//! existing one are written as they are made.

use std::collections::BTreeSet;

use chrono::{NaiveDateTime, NaiveTime, Timelike as _};
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Sense, TextEdit};

use super::context::{AppEvent, ViewContext};
use super::widgets::{field_label, reason_line, region_checkboxes, score_input};
use super::{Clock, Command};
use crate::model::{
    Amount, Cost, Currency, Journal, KindChoice, MAX_NAME_CHARS, MAX_NOTE_CHARS, Minutes, Pressure,
    Region, Score, Session, SessionId, SessionKind, check_not_future, check_start_not_future,
    check_text,
};

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

/// The three 0–10 ratings of a session, with their scales.
const RATINGS: [(&str, &str); 3] = [
    (labels::PAIN_BEFORE, "0 = none, 10 = worst imaginable"),
    (labels::PAIN_AFTER, "0 = none, 10 = worst imaginable"),
    (labels::SORENESS, "0 = none, 10 = worst"),
];

/// What is wrong with the form, field by field.
#[derive(Clone, Default)]
struct FormErrors {
    start: Option<String>,
    minutes: Option<String>,
    cost: Option<String>,
    currency: Option<String>,
    ratings: [Option<String>; 3],
    kind_name: Option<String>,
    therapist: Option<String>,
    note: Option<String>,
}

impl FormErrors {
    /// Every reason, in the order of the form.
    fn all(&self) -> Vec<&str> {
        [
            self.start.as_deref(),
            self.kind_name.as_deref(),
            self.minutes.as_deref(),
            self.therapist.as_deref(),
            self.cost.as_deref(),
            self.currency.as_deref(),
        ]
        .into_iter()
        .chain(self.ratings.iter().map(Option::as_deref))
        .chain([self.note.as_deref()])
        .flatten()
        .collect()
    }
}

/// The session form, as typed.
struct SessionForm {
    /// The session being edited, or `None` for a new one.
    editing: Option<SessionId>,
    /// The session as the form last showed or sent it (edit mode).
    shown: Option<Session>,
    date: String,
    time: String,
    kind: KindChoice,
    other_name: String,
    minutes: String,
    therapist: String,
    pressure: Option<Pressure>,
    focus: BTreeSet<Region>,
    cost: String,
    currency: String,
    ratings: [String; 3],
    note: String,
    /// The user changed something (a new-session form is then kept as a draft).
    touched: bool,
    /// What each part of the form held before the edit under way began: a part that refuses
    /// its text gives these values to the session being edited.
    origins: Origins,
}

/// The texts of the parts of the form that can refuse what is typed, as they were before the
/// edit under way began.
#[derive(Clone, Debug, Default)]
struct Origins {
    start: (String, String),
    other_name: String,
    minutes: String,
    therapist: String,
    cost: (String, String),
    ratings: [String; 3],
    note: String,
}

/// Which parts of the form had the keyboard focus this frame.
#[derive(Clone, Copy, Debug, Default)]
struct Focus {
    start: bool,
    other_name: bool,
    minutes: bool,
    therapist: bool,
    cost: bool,
    ratings: [bool; 3],
    note: bool,
}

fn score_text(score: Option<Score>) -> String {
    score.map_or_else(String::new, |score| score.to_string())
}

impl SessionForm {
    /// A new session, filled with what the last session had (people repeat their bookings).
    fn new_session(journal: &Journal, now: NaiveDateTime) -> Self {
        let last = journal.sessions().last();
        let rounded =
            NaiveTime::from_hms_opt(now.hour(), now.minute() / 15 * 15, 0).unwrap_or_default();
        Self {
            editing: None,
            shown: None,
            date: now.date().to_string(),
            time: rounded.format("%H:%M").to_string(),
            kind: last.map_or(KindChoice::Swedish, |s| s.kind.choice()),
            other_name: match last.map(|s| &s.kind) {
                Some(SessionKind::Other(name)) => name.clone(),
                _ => String::new(),
            },
            minutes: last.map_or_else(|| "60".to_owned(), |s| s.minutes.to_string()),
            therapist: last.and_then(|s| s.therapist.clone()).unwrap_or_default(),
            pressure: last.and_then(|s| s.pressure),
            focus: BTreeSet::new(),
            cost: String::new(),
            currency: journal
                .last_currency()
                .map(|c| c.to_string())
                .unwrap_or_default(),
            ratings: Default::default(),
            note: String::new(),
            touched: false,
            origins: Origins::default(),
        }
        .with_origins()
    }

    fn edit(session: &Session) -> Self {
        Self {
            editing: Some(session.id),
            shown: Some(session.clone()),
            date: session.start.date().to_string(),
            time: session.start.format("%H:%M").to_string(),
            kind: session.kind.choice(),
            other_name: match &session.kind {
                SessionKind::Other(name) => name.clone(),
                _ => String::new(),
            },
            minutes: session.minutes.to_string(),
            therapist: session.therapist.clone().unwrap_or_default(),
            pressure: session.pressure,
            focus: session.focus.clone(),
            cost: session
                .cost
                .map(|c| c.amount.to_string())
                .unwrap_or_default(),
            currency: session
                .cost
                .map(|c| c.currency.to_string())
                .unwrap_or_default(),
            ratings: [
                score_text(session.pain_before),
                score_text(session.pain_after),
                score_text(session.soreness),
            ],
            note: session.note.clone(),
            touched: false,
            origins: Origins::default(),
        }
        .with_origins()
    }

    /// The form with every part's origin set to what it holds now.
    fn with_origins(mut self) -> Self {
        self.origins = self.texts();
        self
    }

    /// What the parts of the form hold now.
    fn texts(&self) -> Origins {
        Origins {
            start: (self.date.clone(), self.time.clone()),
            other_name: self.other_name.clone(),
            minutes: self.minutes.clone(),
            therapist: self.therapist.clone(),
            cost: (self.cost.clone(), self.currency.clone()),
            ratings: self.ratings.clone(),
            note: self.note.clone(),
        }
    }

    /// After a frame: each part not being edited whose text is valid is where its next edit
    /// starts.
    fn settle(&mut self, focus: Focus, errors: Option<&FormErrors>) {
        let texts = self.texts();
        let ok = |error: Option<&String>| error.is_none();
        let errors = errors.cloned().unwrap_or_default();
        if !focus.start && ok(errors.start.as_ref()) {
            self.origins.start = texts.start;
        }
        if !focus.other_name && ok(errors.kind_name.as_ref()) {
            self.origins.other_name = texts.other_name;
        }
        if !focus.minutes && ok(errors.minutes.as_ref()) {
            self.origins.minutes = texts.minutes;
        }
        if !focus.therapist && ok(errors.therapist.as_ref()) {
            self.origins.therapist = texts.therapist;
        }
        if !focus.cost && ok(errors.cost.as_ref()) && ok(errors.currency.as_ref()) {
            self.origins.cost = texts.cost;
        }
        for (index, text) in texts.ratings.into_iter().enumerate() {
            if !focus.ratings[index] && ok(errors.ratings[index].as_ref()) {
                self.origins.ratings[index] = text;
            }
        }
        if !focus.note && ok(errors.note.as_ref()) {
            self.origins.note = texts.note;
        }
    }

    /// The session being edited as it is to be saved: each part that refuses its text gives the
    /// value it had before its edit began, never a part of what is typed.
    fn effective(&self, journal: &Journal, now: NaiveDateTime) -> Option<Session> {
        let errors = match self.build(journal, now) {
            Ok(session) => return Some(session),
            Err(errors) => errors,
        };
        let mut form = self.clone_texts();
        let origins = &self.origins;
        if errors.start.is_some() {
            (form.date, form.time) = origins.start.clone();
        }
        if errors.kind_name.is_some() {
            form.other_name.clone_from(&origins.other_name);
        }
        if errors.minutes.is_some() {
            form.minutes.clone_from(&origins.minutes);
        }
        if errors.therapist.is_some() {
            form.therapist.clone_from(&origins.therapist);
        }
        if errors.cost.is_some() || errors.currency.is_some() {
            (form.cost, form.currency) = origins.cost.clone();
        }
        for (index, error) in errors.ratings.iter().enumerate() {
            if error.is_some() {
                form.ratings[index].clone_from(&origins.ratings[index]);
            }
        }
        if errors.note.is_some() {
            form.note.clone_from(&origins.note);
        }
        form.build(journal, now).ok()
    }

    /// A copy of the form's texts and choices (not its origins).
    fn clone_texts(&self) -> Self {
        Self {
            editing: self.editing,
            shown: self.shown.clone(),
            date: self.date.clone(),
            time: self.time.clone(),
            kind: self.kind,
            other_name: self.other_name.clone(),
            minutes: self.minutes.clone(),
            therapist: self.therapist.clone(),
            pressure: self.pressure,
            focus: self.focus.clone(),
            cost: self.cost.clone(),
            currency: self.currency.clone(),
            ratings: self.ratings.clone(),
            note: self.note.clone(),
            touched: self.touched,
            origins: Origins::default(),
        }
    }

    /// The session the form describes, or what is wrong with it.
    fn build(&self, journal: &Journal, now: NaiveDateTime) -> Result<Session, Box<FormErrors>> {
        let mut errors = FormErrors::default();
        let start = self
            .start(now)
            .map_err(|error| errors.start = Some(error))
            .ok();
        let kind = SessionKind::from_choice(self.kind, &self.other_name);
        let minutes = Minutes::parse(&self.minutes)
            .map_err(|error| errors.minutes = Some(format!("Minutes: {error}.")))
            .ok();
        let cost = self.cost(&mut errors);
        let mut ratings = [None; 3];
        for (index, text) in self.ratings.iter().enumerate() {
            match Score::parse_optional(text) {
                Ok(score) => ratings[index] = score,
                Err(_) => {
                    errors.ratings[index] = super::day_view::score_reason(RATINGS[index].0, text);
                }
            }
        }
        if self.kind == KindChoice::Other {
            errors.kind_name = check_text(
                "The kind's name",
                self.other_name.trim(),
                MAX_NAME_CHARS,
                false,
            )
            .err()
            .map(|error| format!("{error}."));
        }
        errors.therapist = check_text("Therapist", self.therapist.trim(), MAX_NAME_CHARS, false)
            .err()
            .map(|error| format!("{error}."));
        errors.note = check_text("The note", &self.note, MAX_NOTE_CHARS, true)
            .err()
            .map(|error| format!("{error}."));
        let (Some(start), Some(minutes), Some(cost)) = (start, minutes, cost) else {
            return Err(Box::new(errors));
        };
        if errors.ratings.iter().any(Option::is_some)
            || errors.kind_name.is_some()
            || errors.therapist.is_some()
            || errors.note.is_some()
        {
            return Err(Box::new(errors));
        }
        let mut session = Session::new(start, kind, minutes);
        session.id = self.editing.unwrap_or_default();
        session.therapist = Some(self.therapist.clone());
        session.pressure = self.pressure;
        session.focus = self.focus.clone();
        session.cost = cost;
        [session.pain_before, session.pain_after, session.soreness] = ratings;
        session.note.clone_from(&self.note);
        session.normalize();
        if let Some(existing) = journal.same_session(&session) {
            errors.start = Some(format!(
                "Session {existing} already has this start and kind; open it from the list to change it."
            ));
            return Err(Box::new(errors));
        }
        Ok(session)
    }

    fn start(&self, now: NaiveDateTime) -> Result<NaiveDateTime, String> {
        let today = now.date();
        let date = super::widgets::read_date_field(&self.date, today)?;
        check_not_future(date, today).map_err(|error| format!("{error}."))?;
        let time = ["%H:%M", "%H:%M:%S"]
            .iter()
            .find_map(|format| NaiveTime::parse_from_str(self.time.trim(), format).ok())
            .ok_or_else(|| {
            format!(
                "\"{}\" is not a time. Type it as HH:MM on the 24-hour clock, for example 17:30.",
                self.time.trim()
            )
        })?;
        let start = date.and_time(time);
        check_start_not_future(start, now).map_err(|error| format!("{error}."))?;
        Ok(start)
    }

    /// `Some(None)` for no cost, `Some(Some(cost))`, or `None` when the cost is invalid.
    fn cost(&self, errors: &mut FormErrors) -> Option<Option<Cost>> {
        if self.cost.trim().is_empty() {
            return Some(None);
        }
        let amount = Amount::parse(&self.cost)
            .map_err(|error| errors.cost = Some(format!("Cost: {error}.")))
            .ok();
        let currency = if self.currency.trim().is_empty() {
            errors.currency = Some("Type the currency of the cost, e.g. USD or EUR.".to_owned());
            None
        } else {
            Currency::parse(&self.currency)
                .map_err(|error| errors.currency = Some(format!("Currency: {error}.")))
                .ok()
        };
        Some(Some(Cost {
            amount: amount?,
            currency: currency?,
        }))
    }
}

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
        egui::Panel::left("sessions_list")
            .resizable(true)
            .default_size((ui.available_width() * 0.3).clamp(180.0, 300.0))
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
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(760.0));
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
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 12.0;
        let sessions = journal.sessions();
        egui::ScrollArea::vertical().auto_shrink(false).show_rows(
            ui,
            row_height,
            sessions.len(),
            |ui, rows| {
                for session in sessions.iter().rev().skip(rows.start).take(rows.len()) {
                    if session_row(ui, session, selected == Some(session.id), row_height).clicked()
                    {
                        self.open(SessionForm::edit(session));
                    }
                }
            },
        );
    }
}

fn session_row(
    ui: &mut egui::Ui,
    session: &Session,
    selected: bool,
    height: f32,
) -> egui::Response {
    let title = session.start.format("%a %-d %b %Y, %H:%M").to_string();
    let mut detail = format!("{} · {} min", session.kind, session.minutes);
    if let Some(therapist) = &session.therapist {
        detail.push_str(&format!(" · {therapist}"));
    }
    if let (Some(before), Some(after)) = (session.pain_before, session.pain_after) {
        detail.push_str(&format!(" · pain {before}→{after}"));
    }
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::accesskit::Role::Button,
            true,
            selected,
            format!("{title}, {detail}"),
        )
    });
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() {
        ui.painter().rect_filled(rect, 4.0, visuals.bg_fill);
    }
    let painter = ui.painter_at(rect.shrink(2.0));
    let body = egui::TextStyle::Body.resolve(ui.style());
    // The shared small style: its glyphs are already drawn for other views.
    let small = egui::TextStyle::Small.resolve(ui.style());
    let left = rect.left() + 6.0;
    painter.text(
        egui::pos2(left, rect.top() + 4.0),
        egui::Align2::LEFT_TOP,
        title,
        body,
        visuals.text_color(),
    );
    painter.text(
        egui::pos2(left, rect.center().y + 3.0),
        egui::Align2::LEFT_TOP,
        detail,
        small,
        ui.visuals().weak_text_color(),
    );
    response
}

/// What the form's widgets did this frame.
#[derive(Default)]
struct FormEvents {
    /// A value changed (applied at once when editing).
    changed: bool,
    /// Which parts had the keyboard focus.
    focus: Focus,
}

fn form_ui(ui: &mut egui::Ui, form: &mut SessionForm, ctx: &mut ViewContext<'_>) {
    let (journal, now) = (ctx.journal, ctx.clock.now());
    match &form.shown {
        Some(session) => ui.heading(format!(
            "Session {} — {}, {}",
            session.id,
            session.kind,
            session.start.format("%-d %b %Y")
        )),
        None => ui.heading("New massage session"),
    };
    ui.add_space(6.0);
    let built = form.build(journal, now);
    let errors = built.as_ref().err().map(AsRef::as_ref);
    let mut events = FormEvents::default();
    let mut rows = |ui: &mut egui::Ui| {
        start_rows(ui, form, errors, &mut events);
        kind_row(ui, form, errors, &mut events);
        minutes_row(ui, form, errors, &mut events);
        therapist_row(ui, form, journal, errors, &mut events);
        pressure_and_focus_rows(ui, form, &mut events);
        cost_row(ui, form, errors, &mut events);
    };
    // Labels beside the fields where there is room, above them in a narrow window.
    if ui.available_width() >= 640.0 {
        egui::Grid::new("session_form")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, rows);
    } else {
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 4.0;
            rows(ui);
        });
    }
    ratings_and_note(ui, form, errors, &mut events);
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
                    let chip = egui::Button::new(&name).sense(Sense::CLICK);
                    if ui.add(chip).clicked() {
                        form.therapist = name;
                        events.changed = true;
                    }
                }
            });
        }
    });
    ui.end_row();
}

fn pressure_and_focus_rows(ui: &mut egui::Ui, form: &mut SessionForm, events: &mut FormEvents) {
    field_label(ui, "Pressure", None);
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
    ui.end_row();

    field_label(ui, "Focus regions", Some("worked on"));
    events.changed |= region_checkboxes(ui, &mut form.focus);
    ui.end_row();
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

fn ratings_and_note(
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
