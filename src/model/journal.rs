//! The whole journal in memory: days by date and sessions by start, with their invariants.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, Timelike as _};

use super::{
    CareVisit, Currency, Day, Exercise, ItemId, MAX_NAME_CHARS, MAX_PER_WEEK, Measure, Medication,
    Session, SessionId, Worse, check_item_name,
};

/// Everything a person has logged.
///
/// Invariants kept by every method: at most one [`Day`] per date and no empty days;
/// session ids are unique and below `next_session_id`; sessions are sorted by start, then id.
#[derive(Clone, Debug, Default)]
pub struct Journal {
    days: BTreeMap<NaiveDate, Day>,
    sessions: Vec<Session>,
    next_session_id: u64,
    lists: CareLists,
    /// A number no other journal state in this process has had: changed by every change, so
    /// views can cache what they computed from the journal (even across reloads).
    revision: u64,
}

/// Where revisions come from: one counter for the whole process.
static NEXT_REVISION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn fresh_revision() -> u64 {
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

/// The journal's lists beside its days and sessions: own measures, medications, home
/// exercises and other care visits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CareLists {
    /// Own measures, in the order they were added.
    pub measures: Vec<Measure>,
    /// Medications, in the order they were added.
    pub medications: Vec<Medication>,
    /// Home exercises, in the order they were added.
    pub exercises: Vec<Exercise>,
    /// Visits to other care, by date.
    pub visits: Vec<CareVisit>,
}

impl CareLists {
    /// `true` when all four lists are empty.
    pub fn is_empty(&self) -> bool {
        self.measures.is_empty()
            && self.medications.is_empty()
            && self.exercises.is_empty()
            && self.visits.is_empty()
    }

    /// The first rule any item breaks.
    fn problem(&self) -> Option<JournalError> {
        let bad = |what, id, problem: String| JournalError::BadItem { what, id, problem };
        let named = [
            (
                "measure",
                self.measures
                    .iter()
                    .map(|m| (m.id, m.name.as_str()))
                    .collect::<Vec<_>>(),
            ),
            (
                "medication",
                self.medications
                    .iter()
                    .map(|m| (m.id, m.name.as_str()))
                    .collect(),
            ),
            (
                "exercise",
                self.exercises
                    .iter()
                    .map(|e| (e.id, e.name.as_str()))
                    .collect(),
            ),
        ];
        for (what, items) in named {
            for (index, (id, name)) in items.iter().enumerate() {
                if name.trim().is_empty() {
                    return Some(bad(what, *id, format!("a {what} needs a name")));
                }
                if let Some((other, _)) = items[..index].iter().find(|(other, other_name)| {
                    other == id || other_name.trim().eq_ignore_ascii_case(name.trim())
                }) {
                    let problem = if other == id {
                        format!("two {what}s have the number {id}; each needs its own")
                    } else {
                        format!(
                            "two {what}s are called \"{}\"; each needs its own name",
                            name.trim()
                        )
                    };
                    return Some(bad(what, *id, problem));
                }
            }
        }
        for medication in &self.medications {
            if let (Some(from), Some(until)) = (medication.from, medication.until)
                && until < from
            {
                return Some(bad(
                    "medication",
                    medication.id,
                    format!("it stops ({until}) before it starts ({from})"),
                ));
            }
        }
        for exercise in &self.exercises {
            if let Some(times) = exercise.per_week
                && !(1..=MAX_PER_WEEK).contains(&times)
            {
                return Some(bad(
                    "exercise",
                    exercise.id,
                    format!("it is meant 1 to {MAX_PER_WEEK} times a week, found {times}"),
                ));
            }
        }
        for (index, visit) in self.visits.iter().enumerate() {
            if let Some(problem) = visit.problem() {
                return Some(bad("care visit", visit.id, problem));
            }
            if self.visits[..index]
                .iter()
                .any(|other| other.id == visit.id)
            {
                return Some(bad(
                    "care visit",
                    visit.id,
                    format!(
                        "two care visits have the number {}; each needs its own",
                        visit.id
                    ),
                ));
            }
        }
        None
    }

    /// The first reference of a day to an item these lists do not hold.
    fn unknown_in(&self, day: &Day) -> Option<JournalError> {
        let unknown = |what, id| JournalError::UnknownItem {
            date: day.date,
            what,
            id,
        };
        if let Some(id) = day
            .measures
            .keys()
            .find(|id| !self.measures.iter().any(|m| m.id == **id))
        {
            return Some(unknown("measure", *id));
        }
        if let Some(id) = day
            .took
            .iter()
            .find(|id| !self.medications.iter().any(|m| m.id == **id))
        {
            return Some(unknown("medication", *id));
        }
        day.did
            .iter()
            .find(|id| !self.exercises.iter().any(|e| e.id == **id))
            .map(|id| unknown("exercise", *id))
    }

    /// Drop what a day refers to that these lists do not hold.
    fn keep_known(&self, day: &mut Day) {
        day.measures
            .retain(|id, _| self.measures.iter().any(|m| m.id == *id));
        day.took
            .retain(|id| self.medications.iter().any(|m| m.id == *id));
        day.did
            .retain(|id| self.exercises.iter().any(|e| e.id == *id));
    }
}

/// The number after the highest of `ids` (1 for none).
fn next_id(ids: impl Iterator<Item = ItemId>) -> ItemId {
    ItemId(
        ids.map(|id| id.0)
            .max()
            .map_or(1, |id| id.saturating_add(1)),
    )
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

    /// This journal with its own measures, medications, exercises and care visits, checking
    /// their rules and that every day refers only to items in them.
    pub fn with_lists(mut self, lists: CareLists) -> Result<Self, JournalError> {
        self.set_lists(lists)?;
        Ok(self)
    }

    /// Replace the lists whole (as an import does), only when their rules hold and every day
    /// still refers only to items in them; otherwise nothing changes.
    pub fn set_lists(&mut self, mut lists: CareLists) -> Result<(), JournalError> {
        if let Some(problem) = lists.problem() {
            return Err(problem);
        }
        if let Some(problem) = self.days.values().find_map(|day| lists.unknown_in(day)) {
            return Err(problem);
        }
        lists.visits.sort_by_key(|visit| (visit.date, visit.id));
        if lists != self.lists {
            self.lists = lists;
            self.revision = fresh_revision();
        }
        Ok(())
    }

    /// The own measures, medications, exercises and care visits.
    pub fn lists(&self) -> &CareLists {
        &self.lists
    }

    /// Own measures, in the order they were added (retired ones too).
    pub fn measures(&self) -> &[Measure] {
        &self.lists.measures
    }

    /// Medications, in the order they were added.
    pub fn medications(&self) -> &[Medication] {
        &self.lists.medications
    }

    /// Home exercises, in the order they were added.
    pub fn exercises(&self) -> &[Exercise] {
        &self.lists.exercises
    }

    /// Visits to other care, by date.
    pub fn care_visits(&self) -> &[CareVisit] {
        &self.lists.visits
    }

    /// The own measure with this number.
    pub fn measure(&self, id: ItemId) -> Option<&Measure> {
        self.lists.measures.iter().find(|m| m.id == id)
    }

    /// The medication with this number.
    pub fn medication(&self, id: ItemId) -> Option<&Medication> {
        self.lists.medications.iter().find(|m| m.id == id)
    }

    /// The exercise with this number.
    pub fn exercise(&self, id: ItemId) -> Option<&Exercise> {
        self.lists.exercises.iter().find(|e| e.id == id)
    }

    /// The own measure called `name` (case and surrounding spaces aside).
    pub fn measure_named(&self, name: &str) -> Option<&Measure> {
        let name = name.trim();
        self.lists
            .measures
            .iter()
            .find(|m| m.name.trim().eq_ignore_ascii_case(name))
    }

    /// The medication called `name` (case and surrounding spaces aside).
    pub fn medication_named(&self, name: &str) -> Option<&Medication> {
        let name = name.trim();
        self.lists
            .medications
            .iter()
            .find(|m| m.name.trim().eq_ignore_ascii_case(name))
    }

    /// The exercise called `name` (case and surrounding spaces aside).
    pub fn exercise_named(&self, name: &str) -> Option<&Exercise> {
        let name = name.trim();
        self.lists
            .exercises
            .iter()
            .find(|e| e.name.trim().eq_ignore_ascii_case(name))
    }

    /// Change the lists with `change`, keeping the change only when every rule still holds.
    fn change_lists<T>(
        &mut self,
        change: impl FnOnce(&mut CareLists) -> Result<T, String>,
    ) -> Result<T, String> {
        let mut lists = self.lists.clone();
        let value = change(&mut lists)?;
        if let Some(problem) = lists.problem() {
            return Err(match problem {
                JournalError::BadItem { problem, .. } => problem,
                other => other.to_string(),
            });
        }
        lists.visits.sort_by_key(|visit| (visit.date, visit.id));
        if lists != self.lists {
            self.lists = lists;
            self.revision = fresh_revision();
        }
        Ok(value)
    }

    /// Add an own measure; refuses a name already used.
    pub fn add_measure(&mut self, name: &str, worse: Worse) -> Result<ItemId, String> {
        check_item_name("The measure's name", name)?;
        self.change_lists(|lists| {
            let id = next_id(lists.measures.iter().map(|m| m.id));
            lists.measures.push(Measure {
                id,
                name: name.trim().to_owned(),
                worse,
                retired: false,
            });
            Ok(id)
        })
    }

    /// Rename an own measure; its history stays with it.
    pub fn rename_measure(&mut self, id: ItemId, name: &str) -> Result<(), String> {
        check_item_name("The measure's name", name)?;
        self.change_lists(|lists| {
            let measure = lists
                .measures
                .iter_mut()
                .find(|m| m.id == id)
                .ok_or_else(|| format!("there is no measure number {id}"))?;
            measure.name = name.trim().to_owned();
            Ok(())
        })
    }

    /// Retire an own measure (or bring it back): hidden from the Day view, its history kept.
    pub fn set_measure_retired(&mut self, id: ItemId, retired: bool) -> Result<(), String> {
        self.change_lists(|lists| {
            let measure = lists
                .measures
                .iter_mut()
                .find(|m| m.id == id)
                .ok_or_else(|| format!("there is no measure number {id}"))?;
            measure.retired = retired;
            Ok(())
        })
    }

    /// Add a medication (its `id` is given here); refuses a name already used.
    pub fn add_medication(&mut self, mut medication: Medication) -> Result<ItemId, String> {
        check_item_name("The medication's name", &medication.name)?;
        super::check_text("The dose", &medication.dose, MAX_NAME_CHARS, false)?;
        self.change_lists(|lists| {
            medication.id = next_id(lists.medications.iter().map(|m| m.id));
            medication.name = medication.name.trim().to_owned();
            let id = medication.id;
            lists.medications.push(medication);
            Ok(id)
        })
    }

    /// Replace the medication with `medication.id` (a new dose, a stop date).
    pub fn replace_medication(&mut self, medication: Medication) -> Result<(), String> {
        self.change_lists(|lists| {
            let slot = lists
                .medications
                .iter_mut()
                .find(|m| m.id == medication.id)
                .ok_or_else(|| format!("there is no medication number {}", medication.id))?;
            *slot = medication;
            Ok(())
        })
    }

    /// Add a home exercise (its `id` is given here); refuses a name already used.
    pub fn add_exercise(&mut self, mut exercise: Exercise) -> Result<ItemId, String> {
        check_item_name("The exercise's name", &exercise.name)?;
        self.change_lists(|lists| {
            exercise.id = next_id(lists.exercises.iter().map(|e| e.id));
            exercise.name = exercise.name.trim().to_owned();
            let id = exercise.id;
            lists.exercises.push(exercise);
            Ok(id)
        })
    }

    /// Add a visit to other care (its `id` is given here).
    pub fn add_care_visit(&mut self, mut visit: CareVisit) -> Result<ItemId, String> {
        visit.check_text()?;
        self.change_lists(|lists| {
            visit.id = next_id(lists.visits.iter().map(|v| v.id));
            visit.name = visit.name.trim().to_owned();
            let id = visit.id;
            lists.visits.push(visit);
            Ok(id)
        })
    }

    /// Remove a visit to other care, returning it.
    pub fn remove_care_visit(&mut self, id: ItemId) -> Option<CareVisit> {
        let index = self.lists.visits.iter().position(|v| v.id == id)?;
        self.revision = fresh_revision();
        Some(self.lists.visits.remove(index))
    }

    /// Put back a care visit that was removed, with its own number (for undo).
    pub fn restore_care_visit(&mut self, visit: CareVisit) -> Result<(), String> {
        self.change_lists(|lists| {
            lists.visits.push(visit);
            Ok(())
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
