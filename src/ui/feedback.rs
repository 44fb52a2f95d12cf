//! What the window tells the person about what just happened: one notice at a time, the undo
//! offer after a deletion, and the fields that refuse what is typed in them.

use crate::model::{Day, Session};
use crate::report::text;

/// Something deleted that can be put back.
#[derive(Clone, Debug)]
pub enum Deleted {
    /// A day's entry.
    Day(Day),
    /// A session.
    Session(Session),
    /// A care visit.
    CareVisit(crate::model::CareVisit),
}

impl Deleted {
    /// "Deleted the entry for Mon 1 Jun 2026."
    pub fn describe(&self) -> String {
        match self {
            Self::Day(day) => format!("Deleted the entry for {}.", text::date(day.date)),
            Self::CareVisit(visit) => format!(
                "Removed the {} visit of {}.",
                visit.label(),
                text::date(visit.date)
            ),
            Self::Session(session) => format!(
                "Deleted the {} session of {}, {}.",
                session.kind,
                text::date(session.date()),
                session.start.format("%H:%M")
            ),
        }
    }
}

/// The notice, the undo offer and the refused fields, kept in one place so that each is set
/// and cleared by the rules below and nowhere else.
#[derive(Debug, Default)]
pub struct Feedback {
    notice: Option<String>,
    deleted: Option<Deleted>,
    /// Fields that refused their text during the last frame (the status bar shows these) and
    /// during this one.
    refused: Vec<String>,
    refused_now: Vec<String>,
}

impl Feedback {
    /// Say `text` (it replaces the notice before it).
    pub fn say(&mut self, text: impl Into<String>) {
        self.notice = Some(text.into());
    }

    /// A change to the journal was made: the notice about what came before goes.
    pub fn journal_changed(&mut self) {
        self.notice = None;
    }

    /// Offer to put back what was just deleted (the offer replaces any notice).
    pub fn offer_undo(&mut self, deleted: Deleted) {
        self.notice = None;
        self.deleted = Some(deleted);
    }

    /// Take what can be put back, ending the offer.
    pub fn take_deleted(&mut self) -> Option<Deleted> {
        self.deleted.take()
    }

    /// Forget the offer to undo (and the notice).
    pub fn dismiss(&mut self) {
        self.deleted = None;
        self.notice = None;
    }

    /// The journal was read again or replaced: an offer to undo would put back a record over
    /// what is there now.
    pub fn forget_undo(&mut self) {
        self.deleted = None;
    }

    /// A day was logged again after its entry was deleted: undoing would overwrite it.
    pub fn day_logged_again(&mut self, date: chrono::NaiveDate) {
        if matches!(&self.deleted, Some(Deleted::Day(day)) if day.date == date) {
            self.deleted = None;
        }
    }

    /// The notice.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// What can be undone.
    pub fn deleted(&self) -> Option<&Deleted> {
        self.deleted.as_ref()
    }

    /// A field refuses its text (said every frame while it lasts).
    pub fn refused(&mut self, reason: String) {
        self.refused_now.push(reason);
    }

    /// The refused fields the status bar shows.
    pub fn refused_fields(&self) -> &[String] {
        &self.refused
    }

    /// At the end of a frame: what the views said this frame is what the status bar shows
    /// next. Returns `true` when that changed (the window then draws again at once).
    pub fn end_frame(&mut self) -> bool {
        let changed = self.refused_now != self.refused;
        self.refused = std::mem::take(&mut self.refused_now);
        changed
    }
}
