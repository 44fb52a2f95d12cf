//! Putting imported days and sessions into the journal.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDateTime;

use crate::model::{Day, Journal, Session, SessionId, SessionKind};

/// What an import added and changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Days that were not in the journal.
    pub days_added: usize,
    /// Days that were, now replaced by the imported values.
    pub days_updated: usize,
    /// Sessions added.
    pub sessions_added: usize,
    /// Sessions that matched one in the journal and were replaced.
    pub sessions_updated: usize,
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} days added, {} updated; {} sessions added, {} updated",
            self.days_added, self.days_updated, self.sessions_added, self.sessions_updated
        )
    }
}

/// Put imported days and sessions into `journal`. The imported values win over what the journal
/// had; a session matches one in the journal with the same id and start, or else the same start
/// and kind; other sessions are added (with their own id when it is free). Linear in the rows
/// (plus one sort), whatever the size of the journal.
pub fn import_csv(journal: &mut Journal, days: Vec<Day>, sessions: Vec<Session>) -> ImportSummary {
    let mut summary = ImportSummary::default();
    for day in days {
        match journal.day(day.date) {
            Some(existing) if *existing == day => {}
            Some(_) => summary.days_updated += 1,
            None if day.is_empty() => continue,
            None => summary.days_added += 1,
        }
        journal.set_day(day);
    }
    if sessions.is_empty() {
        return summary;
    }
    // What the journal holds, looked up by id and by start and kind (the first session with a
    // start and kind, as a search from the oldest finds it).
    let mut by_id: HashMap<SessionId, Session> = journal
        .sessions()
        .iter()
        .map(|session| (session.id, session.clone()))
        .collect();
    let mut by_start: HashMap<(NaiveDateTime, SessionKind), SessionId> = HashMap::new();
    for session in journal.sessions() {
        by_start
            .entry((session.start, session.kind.clone()))
            .or_insert(session.id);
    }
    let mut put = Vec::with_capacity(sessions.len());
    for mut session in sessions {
        let same_id = by_id
            .get(&session.id)
            .filter(|existing| session.id.0 != 0 && existing.start == session.start)
            .map(|existing| existing.id);
        let same_start = || {
            by_start
                .get(&(session.start, session.kind.clone()))
                .copied()
        };
        if let Some(id) = same_id.or_else(same_start) {
            session.id = id;
            if by_id.get(&id) != Some(&session) {
                summary.sessions_updated += 1;
                by_id.insert(id, session.clone());
                put.push(session);
            }
            continue;
        }
        if session.id.0 == 0 || by_id.contains_key(&session.id) {
            session.normalize();
            session.id = journal.take_session_id();
        }
        summary.sessions_added += 1;
        by_start
            .entry((session.start, session.kind.clone()))
            .or_insert(session.id);
        by_id.insert(session.id, session.clone());
        put.push(session);
    }
    journal.put_sessions(put);
    summary
}
