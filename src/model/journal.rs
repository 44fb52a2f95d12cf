//! The whole journal in memory: days by date and sessions by start, with their invariants.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, Timelike as _};

use super::lists::CareLists;
use super::{Currency, Day, ItemId, Session, SessionId};

/// Everything a person has logged.
///
/// Invariants kept by every method: at most one [`Day`] per date and no empty days;
/// session ids are unique and below `next_session_id`; sessions are sorted by start, then id.
#[derive(Clone, Debug, Default)]
pub struct Journal {
    pub(super) days: BTreeMap<NaiveDate, Day>,
    sessions: Vec<Session>,
    next_session_id: u64,
    pub(super) lists: CareLists,
    /// A number no other journal state in this process has had: changed by every change, so
    /// views can cache what they computed from the journal (even across reloads).
    pub(super) revision: u64,
}

/// Where revisions come from: one counter for the whole process.
static NEXT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

pub(super) fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Two journals are equal when they hold the same records; the revision is bookkeeping.
impl PartialEq for Journal {
    fn eq(&self, other: &Self) -> bool {
        self.days == other.days
            && self.sessions == other.sessions
            && self.next_session_id == other.next_session_id
            && self.lists == other.lists
    }
}

impl Eq for Journal {}

/// A journal that breaks an invariant, in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JournalError {
    /// Two records for one date.
    #[error("there are two entries for {0}; a date may appear only once")]
    DuplicateDay(NaiveDate),
    /// Two sessions with one id.
    #[error("two sessions have the id {0}; each session needs its own id")]
    DuplicateSession(SessionId),
    /// A session that fails [`Session::problem`].
    #[error("session {id}: {problem}")]
    BadSession {
        /// Which session.
        id: SessionId,
        /// What is wrong with it.
        problem: String,
    },
    /// No session has this id.
    #[error("there is no session with the id {0}")]
    NoSuchSession(SessionId),
    /// An own measure, medication, exercise or care visit that breaks a rule.
    #[error("{what} {id}: {problem}")]
    BadItem {
        /// "measure", "medication", "exercise", "care visit".
        what: &'static str,
        /// Its number.
        id: ItemId,
        /// What is wrong with it.
        problem: String,
    },
    /// A therapist's details that break a rule.
    #[error("the details of the therapist \"{name}\": {problem}")]
    BadTherapist {
        /// The therapist's name.
        name: String,
        /// What is wrong with them.
        problem: String,
    },
    /// A day that refers to a measure, medication or exercise the journal does not list.
    #[error("the day {date} refers to {what} {id}, which is not in the journal's list of them")]
    UnknownItem {
        /// The day.
        date: NaiveDate,
        /// "measure", "medication", "exercise".
        what: &'static str,
        /// The number it refers to.
        id: ItemId,
    },
}

/// A date after today, refused wherever a day or session is logged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{date} is in the future (today is {today}); you can log today or any day before it")]
pub struct FutureDate {
    /// The date given.
    pub date: NaiveDate,
    /// Today's date.
    pub today: NaiveDate,
}

/// Refuse a date after `today`.
pub fn check_not_future(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, FutureDate> {
    if date > today {
        Err(FutureDate { date, today })
    } else {
        Ok(date)
    }
}

/// A session start later than now, refused wherever a session is logged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{} is later than now ({}); a session is logged once it has started",
    start.format("%Y-%m-%d %H:%M"),
    now.format("%Y-%m-%d %H:%M")
)]
pub struct FutureStart {
    /// The start given.
    pub start: NaiveDateTime,
    /// The local time now.
    pub now: NaiveDateTime,
}

/// Refuse a session start later than `now` (to the minute: a start typed for the current minute
/// is fine).
pub fn check_start_not_future(
    start: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<NaiveDateTime, FutureStart> {
    let now_minute = now.date().and_time(
        chrono::NaiveTime::from_hms_opt(now.hour(), now.minute(), 0).unwrap_or(now.time()),
    );
    if start > now_minute {
        Err(FutureStart { start, now })
    } else {
        Ok(start)
    }
}

impl Journal {
    /// An empty journal.
    pub fn new() -> Self {
        Self {
            next_session_id: 1,
            revision: fresh_revision(),
            ..Self::default()
        }
    }

    /// Build a journal from its stored parts, checking every invariant.
    ///
    /// Empty days are dropped (they mean the same as a day not logged), and a `next_session_id`
    /// that is too low is raised, so that ids are never reused.
    pub fn from_parts(
        days: Vec<Day>,
        sessions: Vec<Session>,
        next_session_id: u64,
    ) -> Result<Self, JournalError> {
        let mut by_date = BTreeMap::new();
        for day in days {
            let date = day.date;
            if by_date.insert(date, day).is_some() {
                return Err(JournalError::DuplicateDay(date));
            }
        }
        by_date.retain(|_, day| !day.is_empty());

        let mut sessions = sessions;
        sessions.sort_by_key(|session| session.id);
        for pair in sessions.windows(2) {
            if pair[0].id == pair[1].id {
                return Err(JournalError::DuplicateSession(pair[0].id));
            }
        }
        if let Some((id, problem)) = sessions
            .iter()
            .find_map(|session| session.problem().map(|problem| (session.id, problem)))
        {
            return Err(JournalError::BadSession { id, problem });
        }
        let lowest_free = sessions.last().map_or(1, |session| session.id.0 + 1);
        sessions.sort_by_key(|session| (session.start, session.id));
        Ok(Self {
            days: by_date,
            sessions,
            next_session_id: next_session_id.clamp(lowest_free, super::session::MAX_SESSION_ID + 1),
            lists: CareLists::default(),
            revision: fresh_revision(),
        })
    }

    /// A number that changes whenever the journal changes.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The id the next new session will get.
    pub fn next_session_id(&self) -> u64 {
        self.next_session_id
    }

    /// All logged days, oldest first.
    pub fn days(&self) -> impl DoubleEndedIterator<Item = &Day> + ExactSizeIterator + Clone {
        self.days.values()
    }

    /// Logged days from `from` to `to`, both included, oldest first.
    pub fn days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl DoubleEndedIterator<Item = &Day> + Clone {
        let range = if from <= to { from..=to } else { to..=to };
        self.days.range(range).map(|(_, day)| day)
    }

    /// The record for a date, if anything was logged that day.
    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        self.days.get(&date)
    }

    /// How many days are logged.
    pub fn day_count(&self) -> usize {
        self.days.len()
    }

    /// All sessions, sorted by start (oldest first).
    pub fn sessions(&self) -> &[Session] {
        &self.sessions
    }

    /// The sessions on `date`, in order of start.
    pub fn sessions_on(&self, date: NaiveDate) -> &[Session] {
        let from = self.sessions.partition_point(|s| s.date() < date);
        let to = self.sessions.partition_point(|s| s.date() <= date);
        &self.sessions[from..to]
    }

    /// The session with this id.
    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.sessions.iter().find(|session| session.id == id)
    }

    /// `true` when nothing is logged.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty() && self.sessions.is_empty()
    }

    /// The first and last date with a day or a session, or `None` when empty.
    pub fn date_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first_day = self.days.keys().next().copied();
        let last_day = self.days.keys().next_back().copied();
        let first_session = self.sessions.first().map(Session::date);
        let last_session = self.sessions.last().map(Session::date);
        let first = [first_day, first_session].into_iter().flatten().min()?;
        let last = [last_day, last_session].into_iter().flatten().max()?;
        Some((first, last))
    }

    /// Store a day, replacing what was logged for its date; an empty day removes the record.
    /// What it refers to that the journal does not list (a measure, a medication, an exercise)
    /// is left out. Returns what was there before.
    pub fn set_day(&mut self, mut day: Day) -> Option<Day> {
        self.lists.keep_known(&mut day);
        if self.days.get(&day.date) == Some(&day) {
            return Some(day);
        }
        if day.is_empty() && !self.days.contains_key(&day.date) {
            return None;
        }
        self.revision = fresh_revision();
        if day.is_empty() {
            self.days.remove(&day.date)
        } else {
            self.days.insert(day.date, day)
        }
    }

    /// Remove the record for a date, returning it.
    pub fn remove_day(&mut self, date: NaiveDate) -> Option<Day> {
        let removed = self.days.remove(&date);
        if removed.is_some() {
            self.revision = fresh_revision();
        }
        removed
    }

    /// Add a session, giving it a new id (whatever id it carried is replaced). Returns the id.
    pub fn add_session(&mut self, mut session: Session) -> SessionId {
        session.normalize();
        session.id = SessionId(self.next_session_id);
        self.next_session_id = self.next_session_id.saturating_add(1);
        let id = session.id;
        self.insert_sorted(session);
        id
    }

    /// Put back a session that was removed, with its own id (for undo).
    pub fn restore_session(&mut self, session: Session) -> Result<(), JournalError> {
        if self.session(session.id).is_some() {
            return Err(JournalError::DuplicateSession(session.id));
        }
        self.next_session_id = self.next_session_id.max(session.id.0.saturating_add(1));
        self.insert_sorted(session);
        Ok(())
    }

    /// Replace the session that has `session.id`, returning the old version.
    pub fn replace_session(&mut self, mut session: Session) -> Result<Session, JournalError> {
        session.normalize();
        let index = self
            .sessions
            .iter()
            .position(|existing| existing.id == session.id)
            .ok_or(JournalError::NoSuchSession(session.id))?;
        if self.sessions[index] == session {
            return Ok(session);
        }
        let old = self.sessions.remove(index);
        self.insert_sorted(session);
        Ok(old)
    }

    /// Remove a session, returning it.
    pub fn remove_session(&mut self, id: SessionId) -> Option<Session> {
        let index = self.sessions.iter().position(|session| session.id == id)?;
        self.revision = fresh_revision();
        Some(self.sessions.remove(index))
    }

    /// Put many sessions in at once, each with the id it carries: a session with the id of one
    /// in the journal replaces it, any other is added. One sort for all of them, so an import of
    /// a hundred thousand sessions takes moments, not minutes.
    pub fn put_sessions(&mut self, sessions: Vec<Session>) {
        if sessions.is_empty() {
            return;
        }
        let mut by_id: BTreeMap<SessionId, Session> = std::mem::take(&mut self.sessions)
            .into_iter()
            .map(|session| (session.id, session))
            .collect();
        for session in sessions {
            self.next_session_id = self.next_session_id.max(session.id.0.saturating_add(1));
            by_id.insert(session.id, session);
        }
        self.sessions = by_id.into_values().collect();
        self.sessions
            .sort_by_key(|session| (session.start, session.id));
        self.revision = fresh_revision();
    }

    /// Give out the id the next new session gets (for [`Self::put_sessions`]).
    pub fn take_session_id(&mut self) -> SessionId {
        let id = SessionId(self.next_session_id);
        self.next_session_id = self.next_session_id.saturating_add(1);
        id
    }

    /// A session already in the journal with the same start and kind as `session`, if any: the
    /// same session entered twice.
    pub fn same_session(&self, session: &Session) -> Option<SessionId> {
        let first = self
            .sessions
            .partition_point(|existing| existing.start < session.start);
        self.sessions[first..]
            .iter()
            .take_while(|existing| existing.start == session.start)
            .find(|existing| existing.kind == session.kind && existing.id != session.id)
            .map(|existing| existing.id)
    }

    /// Therapist names used so far, most recently seen first, without repeats.
    pub fn therapists(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for session in self.sessions.iter().rev() {
            if let Some(name) = &session.therapist
                && !names.iter().any(|known| known == name)
            {
                names.push(name.clone());
            }
        }
        names
    }

    /// The currency of the most recent session with a cost.
    pub fn last_currency(&self) -> Option<Currency> {
        self.sessions
            .iter()
            .rev()
            .find_map(|session| session.cost.map(|cost| cost.currency))
    }

    fn insert_sorted(&mut self, session: Session) {
        let key = (session.start, session.id);
        let index = self
            .sessions
            .partition_point(|existing| (existing.start, existing.id) < key);
        self.sessions.insert(index, session);
        self.revision = fresh_revision();
    }
}
