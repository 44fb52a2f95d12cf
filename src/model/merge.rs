//! Merging two versions of a journal that changed apart: in this window and elsewhere (another
//! computer through a sync folder, a hand edit). Records changed on one side only are taken from
//! that side; a record changed differently on both sides is a conflict for the person to settle.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::care::ListItem;
use super::{CareLists, Day, ItemId, Journal, Session, SessionId, Therapist};

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

/// One list merged by number: an item changed on one side only is taken from that side; changed
/// on both, this side's is kept. An item both sides added under one number is one item when it
/// is the same (by name), else theirs gets a new number, given back in the map (old → new) so
/// that their days can follow it.
fn merge_list<T: ListItem>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
) -> (Vec<T>, BTreeMap<ItemId, ItemId>) {
    let find = |list: &[T], id: ItemId| list.iter().find(|item| item.id() == id).cloned();
    let ids: BTreeSet<ItemId> = base
        .iter()
        .chain(mine)
        .chain(theirs)
        .map(ListItem::id)
        .collect();
    let mut next = ids
        .iter()
        .next_back()
        .map_or(1, |id| id.0.saturating_add(1));
    let mut merged = Vec::new();
    let mut renumbered = BTreeMap::new();
    for id in ids {
        let (b, m, t) = (find(base, id), find(mine, id), find(theirs, id));
        if let (None, Some(m), Some(t)) = (&b, &m, &t)
            && m != t
            && m.key() != t.key()
        {
            let mut moved = t.clone();
            moved.set_id(ItemId(next));
            renumbered.insert(id, ItemId(next));
            next = next.saturating_add(1);
            merged.push(m.clone());
            merged.push(moved);
            continue;
        }
        match pick(b.as_ref(), m.as_ref(), t.as_ref()) {
            Side::Take(item) => merged.extend(item),
            Side::Conflict => merged.extend(m),
        }
    }
    (merged, renumbered)
}

/// The lists of `mine` and `theirs` merged, and how their side's numbers moved.
fn merge_lists(
    base: &Journal,
    mine: &Journal,
    theirs: &Journal,
) -> (CareLists, [BTreeMap<ItemId, ItemId>; 3]) {
    let (measures, measure_moves) = merge_list(base.measures(), mine.measures(), theirs.measures());
    let (medications, medication_moves) =
        merge_list(base.medications(), mine.medications(), theirs.medications());
    let (exercises, exercise_moves) =
        merge_list(base.exercises(), mine.exercises(), theirs.exercises());
    let (visits, _) = merge_list(base.care_visits(), mine.care_visits(), theirs.care_visits());
    (
        CareLists {
            measures,
            medications,
            exercises,
            visits,
            therapists: merge_therapists(base, mine, theirs),
        },
        [measure_moves, medication_moves, exercise_moves],
    )
}

/// Therapists' details merged by name (case aside): details changed on one side only are taken
/// from that side; changed on both, this side's are kept.
fn merge_therapists(base: &Journal, mine: &Journal, theirs: &Journal) -> Vec<Therapist> {
    let key = |therapist: &Therapist| therapist.name.trim().to_lowercase();
    let names: BTreeSet<String> = [base, mine, theirs]
        .iter()
        .flat_map(|journal| journal.therapist_details().iter().map(key))
        .collect();
    let mut merged = Vec::new();
    for name in names {
        let find = |journal: &Journal| journal.therapist_named(&name).cloned();
        let (b, m, t) = (find(base), find(mine), find(theirs));
        match pick(b.as_ref(), m.as_ref(), t.as_ref()) {
            Side::Take(therapist) => merged.extend(therapist),
            Side::Conflict => merged.extend(m),
        }
    }
    merged
}

/// Their day with the numbers of their items that moved in the merge.
fn follow_moves(
    mut day: Day,
    [measures, medications, exercises]: &[BTreeMap<ItemId, ItemId>; 3],
) -> Day {
    let moved =
        |moves: &BTreeMap<ItemId, ItemId>, id: ItemId| moves.get(&id).copied().unwrap_or(id);
    day.measures = day
        .measures
        .into_iter()
        .map(|(id, score)| (moved(measures, id), score))
        .collect();
    day.took = day
        .took
        .into_iter()
        .map(|id| moved(medications, id))
        .collect();
    day.did = day.did.into_iter().map(|id| moved(exercises, id)).collect();
    day
}

/// Merge `mine` and `theirs`, which both started from `base`.
pub fn merge(base: &Journal, mine: &Journal, theirs: &Journal) -> Merged {
    let (lists, moves) = merge_lists(base, mine, theirs);
    let theirs_moved: Journal;
    let theirs = if moves.iter().all(BTreeMap::is_empty) {
        theirs
    } else {
        let days = theirs
            .days()
            .map(|day| follow_moves(day.clone(), &moves))
            .collect();
        theirs_moved =
            Journal::from_parts(days, theirs.sessions().to_vec(), theirs.next_session_id())
                .unwrap_or_else(|_| theirs.clone());
        &theirs_moved
    };
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
    let Ok(mut journal) =
        Journal::from_parts(days, sessions, next).and_then(|journal| journal.with_lists(lists))
    else {
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
