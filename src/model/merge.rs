//! Merging two versions of a journal that changed apart: in this window and elsewhere (another
//! computer through a sync folder, a hand edit). Records changed on one side only are taken from
//! that side; a record changed differently on both sides is a conflict for the person to settle.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{Day, Journal, Session, SessionId};

/// A record that both sides changed differently. `None` means the record is gone on that side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// A day.
    Day {
        /// Its date.
        date: NaiveDate,
        /// This side's version.
        mine: Option<Day>,
        /// The other side's version.
        theirs: Option<Day>,
    },
    /// A session.
    Session {
        /// Its id.
        id: SessionId,
        /// This side's version.
        mine: Option<Session>,
        /// The other side's version.
        theirs: Option<Session>,
    },
}

/// Which version of a conflicted record to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// This side's.
    Mine,
    /// The other side's.
    Theirs,
}

/// The outcome of a merge: everything that merged cleanly, and what needs a choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The journal with every conflict settled as [`Keep::Mine`] for now.
    pub journal: Journal,
    /// The records both sides changed differently.
    pub conflicts: Vec<Conflict>,
}

impl Merged {
    /// Settle the conflicts with one choice each (in order), giving the final journal.
    pub fn resolve(mut self, choices: &[Keep]) -> Journal {
        for (conflict, keep) in self.conflicts.iter().zip(choices) {
            if *keep == Keep::Mine {
                continue;
            }
            match conflict {
                Conflict::Day { date, theirs, .. } => {
                    match theirs {
                        Some(day) => self.journal.set_day(day.clone()),
                        None => self.journal.remove_day(*date),
                    };
                }
                Conflict::Session { id, theirs, .. } => {
                    // Mine is replaced by theirs (or goes, when theirs deleted it): whether mine
                    // was there to remove makes no difference to the result.
                    let _ = self.journal.remove_session(*id);
                    if let Some(session) = theirs {
                        // The id was freed just above, so putting theirs back cannot clash.
                        let _ = self.journal.restore_session(session.clone());
                    }
                }
            }
        }
        self.journal
    }
}

/// Which side to take for one record, given its three versions.
enum Side<T> {
    Take(Option<T>),
    Conflict,
}

fn pick<T: PartialEq + Clone>(base: Option<&T>, mine: Option<&T>, theirs: Option<&T>) -> Side<T> {
    if mine == theirs || theirs == base {
        Side::Take(mine.cloned())
    } else if mine == base {
        Side::Take(theirs.cloned())
    } else {
        Side::Conflict
    }
}

/// Merge `mine` and `theirs`, which both started from `base`.
pub fn merge(base: &Journal, mine: &Journal, theirs: &Journal) -> Merged {
    let mut conflicts = Vec::new();
    let mut days: Vec<Day> = Vec::new();
    let dates: BTreeSet<NaiveDate> = base
        .days()
        .chain(mine.days())
        .chain(theirs.days())
        .map(|day| day.date)
        .collect();
    for date in dates {
        let (b, m, t) = (base.day(date), mine.day(date), theirs.day(date));
        match pick(b, m, t) {
            Side::Take(day) => days.extend(day),
            Side::Conflict => {
                days.extend(m.cloned());
                conflicts.push(Conflict::Day {
                    date,
                    mine: m.cloned(),
                    theirs: t.cloned(),
                });
            }
        }
    }

    let by_id = |journal: &Journal| -> BTreeMap<SessionId, Session> {
        journal
            .sessions()
            .iter()
            .map(|s| (s.id, s.clone()))
            .collect()
    };
    let (base_s, mine_s, theirs_s) = (by_id(base), by_id(mine), by_id(theirs));
    let ids: BTreeSet<SessionId> = base_s
        .keys()
        .chain(mine_s.keys())
        .chain(theirs_s.keys())
        .copied()
        .collect();
    let mut sessions: Vec<Session> = Vec::new();
    let mut renumber: Vec<Session> = Vec::new();
    for id in ids {
        let (b, m, t) = (base_s.get(&id), mine_s.get(&id), theirs_s.get(&id));
        // Both sides added a session under the same new id at different times: two sessions.
        if let (None, Some(m), Some(t)) = (b, m, t)
            && m.start != t.start
        {
            sessions.push(t.clone());
            renumber.push(m.clone());
            continue;
        }
        match pick(b, m, t) {
            Side::Take(session) => sessions.extend(session),
            Side::Conflict => {
                sessions.extend(m.cloned());
                conflicts.push(Conflict::Session {
                    id,
                    mine: m.cloned(),
                    theirs: t.cloned(),
                });
            }
        }
    }
    let next = [base, mine, theirs]
        .iter()
        .map(|j| j.next_session_id())
        .max()
        .unwrap_or(1);
    // The parts are unique by construction (one record per date and per id) and each comes from
    // a valid journal, so this holds; were it ever to fail, this side's journal is kept whole
    // rather than anything being dropped.
    let Ok(mut journal) = Journal::from_parts(days, sessions, next) else {
        return Merged {
            journal: mine.clone(),
            conflicts: Vec::new(),
        };
    };
    for session in renumber {
        journal.add_session(session);
    }
    Merged { journal, conflicts }
}
