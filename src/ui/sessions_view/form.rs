//! The session form as typed: its texts, what each part held before the edit under way began,
//! and the session it describes (or what is wrong with it).

use std::collections::BTreeSet;

use chrono::{NaiveDateTime, NaiveTime, Timelike as _};

use super::labels;
use crate::model::{
    Amount, Cost, Currency, Journal, KindChoice, MAX_NAME_CHARS, MAX_NOTE_CHARS, Minutes, Pressure,
    Score, Session, SessionId, SessionKind, check_not_future, check_start_not_future, check_text,
};

/// The three 0–10 ratings of a session, with their scales.
pub(super) const RATINGS: [(&str, &str); 3] = [
    (labels::PAIN_BEFORE, "0 = none, 10 = worst imaginable"),
    (labels::PAIN_AFTER, "0 = none, 10 = worst imaginable"),
    (labels::SORENESS, "0 = none, 10 = worst"),
];

/// What is wrong with the form, field by field.
#[derive(Clone, Default)]
pub(super) struct FormErrors {
    pub(super) start: Option<String>,
    pub(super) minutes: Option<String>,
    pub(super) cost: Option<String>,
    pub(super) currency: Option<String>,
    pub(super) ratings: [Option<String>; 3],
    pub(super) kind_name: Option<String>,
    pub(super) therapist: Option<String>,
    pub(super) note: Option<String>,
}

impl FormErrors {
    /// Every reason, in the order of the form.
    pub(super) fn all(&self) -> Vec<&str> {
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
pub(super) struct SessionForm {
    /// The session being edited, or `None` for a new one.
    pub(super) editing: Option<SessionId>,
    /// The session as the form last showed or sent it (edit mode).
    pub(super) shown: Option<Session>,
    pub(super) date: String,
    pub(super) time: String,
    pub(super) kind: KindChoice,
    pub(super) other_name: String,
    pub(super) minutes: String,
    pub(super) therapist: String,
    pub(super) pressure: Option<Pressure>,
    pub(super) focus: BTreeSet<crate::model::Spot>,
    pub(super) cost: String,
    pub(super) currency: String,
    pub(super) ratings: [String; 3],
    pub(super) note: String,
    /// The user changed something (a new-session form is then kept as a draft).
    pub(super) touched: bool,
    /// What each part of the form held before the edit under way began: a part that refuses
    /// its text gives these values to the session being edited.
    pub(super) origins: Origins,
}

/// The texts of the parts of the form that can refuse what is typed, as they were before the
/// edit under way began.
#[derive(Clone, Debug, Default)]
pub(super) struct Origins {
    pub(super) start: (String, String),
    pub(super) other_name: String,
    pub(super) minutes: String,
    pub(super) therapist: String,
    pub(super) cost: (String, String),
    pub(super) ratings: [String; 3],
    pub(super) note: String,
}

/// Which parts of the form had the keyboard focus this frame.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Focus {
    pub(super) start: bool,
    pub(super) other_name: bool,
    pub(super) minutes: bool,
    pub(super) therapist: bool,
    pub(super) cost: bool,
    pub(super) ratings: [bool; 3],
    pub(super) note: bool,
}

fn score_text(score: Option<Score>) -> String {
    score.map_or_else(String::new, |score| score.to_string())
}

impl SessionForm {
    /// A new session, filled with what the last session had (people repeat their bookings).
    pub(super) fn new_session(journal: &Journal, now: NaiveDateTime) -> Self {
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

    pub(super) fn edit(session: &Session) -> Self {
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
    pub(super) fn with_origins(mut self) -> Self {
        self.origins = self.texts();
        self
    }

    /// What the parts of the form hold now.
    pub(super) fn texts(&self) -> Origins {
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
    pub(super) fn settle(&mut self, focus: Focus, errors: Option<&FormErrors>) {
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
    pub(super) fn effective(&self, journal: &Journal, now: NaiveDateTime) -> Option<Session> {
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
    pub(super) fn clone_texts(&self) -> Self {
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
    pub(super) fn build(
        &self,
        journal: &Journal,
        now: NaiveDateTime,
    ) -> Result<Session, Box<FormErrors>> {
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
                    errors.ratings[index] =
                        crate::ui::day_form::score_reason(RATINGS[index].0, text);
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

    pub(super) fn start(&self, now: NaiveDateTime) -> Result<NaiveDateTime, String> {
        let today = now.date();
        let date = crate::ui::widgets::read_date_field(&self.date, today)?;
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
    pub(super) fn cost(&self, errors: &mut FormErrors) -> Option<Option<Cost>> {
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
