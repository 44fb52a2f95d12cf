//! Editing a medication (name, dose, regular or as needed, start and stop) or a home exercise
//! (name, the session it came from, times a week) in *Your lists*: one labelled field a line,
//! Enter or the Save button to keep it, Escape or Cancel to leave it unchanged. A refused edit
//! says why under the form and changes nothing.

use chrono::NaiveDate;
use egui::{Key, Response, TextEdit};

use super::ListChange;
use crate::model::{Exercise, ItemId, Journal, Medication, Session, SessionId};
use crate::ui::day_care::read_per_week;
use crate::ui::widgets::{read_date_field, reason_line};

/// Labels a person (and the tests) find the edit forms' fields and buttons by.
pub mod labels {
    /// A medication's name.
    pub const MEDICATION_NAME: &str = "Medication's name";
    /// A medication's dose.
    pub const DOSE: &str = "Dose";
    /// Taken when needed rather than regularly.
    pub const AS_NEEDED: &str = "Taken as needed";
    /// The day a medication started.
    pub const FROM: &str = "Started on (YYYY-MM-DD, empty if not known)";
    /// The day a medication stopped.
    pub const UNTIL: &str = "Stopped on (YYYY-MM-DD, empty if still taken)";
    /// Keeps a medication's edit.
    pub const SAVE_MEDICATION: &str = "Save medication";
    /// An exercise's name.
    pub const EXERCISE_NAME: &str = "Exercise's name";
    /// The session at which an exercise was suggested.
    pub const SESSION: &str = "Suggested at";
    /// How often a week an exercise is meant to be done.
    pub const PER_WEEK: &str = "Times a week (1–14, empty if not set)";
    /// Keeps an exercise's edit.
    pub const SAVE_EXERCISE: &str = "Save exercise";
    /// Leaves an edit without changing anything.
    pub const CANCEL: &str = "Cancel";
    /// The session choice for an exercise from no session.
    pub const NO_SESSION: &str = "No session";
}

/// How wide the edit forms' text fields are.
const FIELD_WIDTH: f32 = 200.0;

/// The item being edited, with the text of its fields.
pub(super) enum Editing {
    /// A medication.
    Medication(MedicationForm),
    /// A home exercise.
    Exercise(ExerciseForm),
}

/// A medication's fields, as typed.
pub(super) struct MedicationForm {
    id: ItemId,
    name: String,
    dose: String,
    as_needed: bool,
    from: String,
    until: String,
    refused: Option<String>,
    focus_first: bool,
}

impl MedicationForm {
    /// The fields of `medication` as stored.
    pub(super) fn new(medication: &Medication) -> Self {
        Self {
            id: medication.id,
            name: medication.name.clone(),
            dose: medication.dose.clone(),
            as_needed: medication.as_needed,
            from: medication.from.map(|d| d.to_string()).unwrap_or_default(),
            until: medication.until.map(|d| d.to_string()).unwrap_or_default(),
            refused: None,
            focus_first: true,
        }
    }

    /// The medication being edited.
    pub(super) fn id(&self) -> ItemId {
        self.id
    }

    /// The medication the fields describe, or what is wrong with them.
    fn read(&self, journal: &Journal, today: NaiveDate) -> Result<Medication, String> {
        let from = optional_date(&self.from, labels::FROM, today)?;
        let until = optional_date(&self.until, labels::UNTIL, today)?;
        if let (Some(from), Some(until)) = (from, until)
            && until < from
        {
            return Err(format!(
                "It stops ({until}) before it starts ({from}): make the stop the start or later, \
                 or leave it empty."
            ));
        }
        if journal
            .medication_named(&self.name)
            .is_some_and(|other| other.id != self.id)
        {
            return Err(taken("a medication", &self.name));
        }
        let medication = Medication {
            id: self.id,
            name: self.name.trim().to_owned(),
            dose: self.dose.trim().to_owned(),
            as_needed: self.as_needed,
            from,
            until,
        };
        journal
            .check_medication(&medication)
            .map_err(|error| format!("{}.", crate::ui::widgets::sentence(&error)))?;
        Ok(medication)
    }
}

/// An exercise's fields, as typed and chosen.
pub(super) struct ExerciseForm {
    id: ItemId,
    name: String,
    session: Option<SessionId>,
    per_week: String,
    refused: Option<String>,
    focus_first: bool,
    /// The list of sessions was open the frame before.
    list_open: bool,
}

impl ExerciseForm {
    /// The fields of `exercise` as stored.
    pub(super) fn new(exercise: &Exercise) -> Self {
        Self {
            id: exercise.id,
            name: exercise.name.clone(),
            session: exercise.session,
            per_week: exercise.per_week.map(|n| n.to_string()).unwrap_or_default(),
            refused: None,
            focus_first: true,
            list_open: false,
        }
    }

    /// The exercise being edited.
    pub(super) fn id(&self) -> ItemId {
        self.id
    }

    /// The exercise the fields describe, or what is wrong with them.
    fn read(&self, journal: &Journal) -> Result<Exercise, String> {
        if journal
            .exercise_named(&self.name)
            .is_some_and(|other| other.id != self.id)
        {
            return Err(taken("an exercise", &self.name));
        }
        let exercise = Exercise {
            id: self.id,
            name: self.name.trim().to_owned(),
            session: self.session,
            per_week: read_per_week(&self.per_week)?,
        };
        journal
            .check_exercise(&exercise)
            .map_err(|error| format!("{}.", crate::ui::widgets::sentence(&error)))?;
        Ok(exercise)
    }
}

/// What a form asks for after a frame.
pub(super) enum Outcome {
    /// Still editing.
    Open,
    /// Leave the edit, nothing changed.
    Cancel,
    /// Keep this change.
    Save(ListChange),
}

/// "There is already a medication named …".
fn taken(what: &str, name: &str) -> String {
    format!(
        "There is already {what} named \"{}\"; give this one another name.",
        name.trim()
    )
}

/// A date field that may be empty, read with the field's name in any message.
fn optional_date(text: &str, field: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let name = field.split(" (").next().unwrap_or(field);
    read_date_field(text, today)
        .map(Some)
        .map_err(|error| format!("{name}: {error}"))
}

/// A labelled one-line text field in a two-column grid.
fn text_row(ui: &mut egui::Ui, label: &str, text: &mut String, hint: &str) -> Response {
    let label = ui.label(label);
    let field = ui
        .add(
            TextEdit::singleline(text)
                .desired_width(FIELD_WIDTH)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    ui.end_row();
    field
}

/// Enter pressed in one of `fields` (which gives up its focus), or Escape in any of them.
fn keys(ui: &egui::Ui, fields: &[Response]) -> (bool, bool) {
    let (enter, escape) = ui.input(|i| (i.key_pressed(Key::Enter), i.key_pressed(Key::Escape)));
    let left = fields.iter().any(Response::lost_focus);
    let inside = left || fields.iter().any(Response::has_focus);
    (enter && left, escape && inside)
}

/// The Save and Cancel buttons and the line for a refusal under them; whether each was clicked.
fn buttons(ui: &mut egui::Ui, save: &str, refused: Option<&str>) -> (bool, bool) {
    let clicked = ui.horizontal(|ui| {
        (
            ui.button(save).clicked(),
            ui.button(labels::CANCEL).clicked(),
        )
    });
    reason_line(ui, refused);
    clicked.inner
}

/// The form that edits a medication.
pub(super) fn medication_form(
    ui: &mut egui::Ui,
    form: &mut MedicationForm,
    journal: &Journal,
    today: NaiveDate,
) -> Outcome {
    let fields = egui::Grid::new(("edit_medication", form.id))
        .num_columns(2)
        .show(ui, |ui| {
            let name = text_row(ui, labels::MEDICATION_NAME, &mut form.name, "");
            let dose = text_row(ui, labels::DOSE, &mut form.dose, "e.g. 400 mg");
            ui.label("");
            let needed = ui.checkbox(&mut form.as_needed, labels::AS_NEEDED);
            ui.end_row();
            let from = text_row(ui, labels::FROM, &mut form.from, "YYYY-MM-DD");
            let until = text_row(ui, labels::UNTIL, &mut form.until, "YYYY-MM-DD");
            [name, dose, needed, from, until]
        })
        .inner;
    if std::mem::take(&mut form.focus_first) {
        fields[0].request_focus();
    }
    let (enter, escape) = keys(ui, &fields);
    let (save, cancel) = buttons(ui, labels::SAVE_MEDICATION, form.refused.as_deref());
    if cancel || escape {
        return Outcome::Cancel;
    }
    if save || enter {
        match form.read(journal, today) {
            Ok(medication) => return Outcome::Save(ListChange::EditMedication(medication)),
            Err(reason) => form.refused = Some(reason),
        }
    }
    Outcome::Open
}

/// The form that edits an exercise.
pub(super) fn exercise_form(
    ui: &mut egui::Ui,
    form: &mut ExerciseForm,
    journal: &Journal,
) -> Outcome {
    // Escape that closes the list of sessions leaves the edit open.
    let list_open = egui::Popup::is_any_open(ui.ctx());
    let fields = egui::Grid::new(("edit_exercise", form.id))
        .num_columns(2)
        .show(ui, |ui| {
            let name = text_row(ui, labels::EXERCISE_NAME, &mut form.name, "");
            let label = ui.label(labels::SESSION);
            let session = session_choice(ui, form, journal).labelled_by(label.id);
            ui.end_row();
            let per_week = text_row(ui, labels::PER_WEEK, &mut form.per_week, "1–14");
            [name, session, per_week]
        })
        .inner;
    if std::mem::take(&mut form.focus_first) {
        fields[0].request_focus();
    }
    let (enter, escape) = keys(ui, &fields);
    let escape = escape && !list_open;
    let (save, cancel) = buttons(ui, labels::SAVE_EXERCISE, form.refused.as_deref());
    if cancel || escape {
        return Outcome::Cancel;
    }
    if save || enter {
        match form.read(journal) {
            Ok(exercise) => return Outcome::Save(ListChange::EditExercise(exercise)),
            Err(reason) => form.refused = Some(reason),
        }
    }
    Outcome::Open
}

/// "Mon 1 Jun 2026, Swedish, with Anna".
pub(super) fn session_text(session: &Session) -> String {
    let mut text = format!(
        "{}, {}",
        crate::report::text::date(session.date()),
        session.kind.label()
    );
    if let Some(therapist) = session
        .therapist
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        text.push_str(&format!(", with {}", therapist.trim()));
    }
    text
}

/// What a session choice shows for `session` (one since deleted by its number).
fn chosen_text(journal: &Journal, session: Option<SessionId>) -> String {
    match session {
        None => labels::NO_SESSION.to_owned(),
        Some(id) => journal
            .session(id)
            .map_or_else(|| format!("Session {id} (since deleted)"), session_text),
    }
}

/// The list of the journal's sessions, newest first, after "No session"; it opens at the one
/// chosen (in a long journal, years down the list).
fn session_choice(ui: &mut egui::Ui, form: &mut ExerciseForm, journal: &Journal) -> Response {
    let just_opened = !form.list_open;
    let shown = egui::ComboBox::from_id_salt(("exercise_session", form.id))
        .selected_text(chosen_text(journal, form.session))
        .width(FIELD_WIDTH + 60.0)
        .height(320.0)
        // A long therapist's name is cut short rather than pushing past the window's edge.
        .truncate()
        .show_ui(ui, |ui| {
            let chosen = form.session;
            let mut option = |ui: &mut egui::Ui, value: Option<SessionId>, text: String| {
                let response = ui.selectable_value(&mut form.session, value, text);
                if just_opened && value == chosen {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
            };
            option(ui, None, labels::NO_SESSION.to_owned());
            let stored = journal.exercise(form.id).and_then(|e| e.session);
            if let Some(kept) = stored.filter(|id| journal.session(*id).is_none()) {
                option(ui, Some(kept), chosen_text(journal, Some(kept)));
            }
            for session in journal.sessions().iter().rev() {
                option(ui, Some(session.id), session_text(session));
            }
        });
    form.list_open = shown.inner.is_some();
    shown.response
}
