//! Other care near a session: a visit to physiotherapy, chiropractic or a doctor, or a regular
//! medication started or stopped, within the days compared around it. A change in such a window
//! cannot be credited to the massage alone.

use chrono::NaiveDate;

use crate::model::Journal;

/// Something other than massage that happened on a day: a care visit, or a regular medication
/// starting or stopping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CareEvent {
    /// The day.
    pub date: NaiveDate,
    /// In words: "physiotherapy", "ibuprofen started", "ibuprofen stopped".
    pub what: String,
}

/// Every care visit and every start and stop of a regular medication, by date.
pub fn care_events(journal: &Journal) -> Vec<CareEvent> {
    let mut events: Vec<CareEvent> = journal
        .care_visits()
        .iter()
        .map(|visit| CareEvent {
            date: visit.date,
            what: visit.words(),
        })
        .collect();
    for medication in journal.medications().iter().filter(|m| !m.as_needed) {
        let name = medication.name.to_lowercase();
        if let Some(from) = medication.from {
            events.push(CareEvent {
                date: from,
                what: format!("{name} started"),
            });
        }
        if let Some(until) = medication.until {
            events.push(CareEvent {
                date: until,
                what: format!("{name} stopped"),
            });
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.what.cmp(&b.what)));
    events
}

/// Other care within the days compared around a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NearbyCare {
    /// What it was (see [`CareEvent::what`]).
    pub what: String,
    /// Days from the session: negative before, positive after, 0 the same day.
    pub offset: i64,
}

impl NearbyCare {
    /// "physiotherapy 2 days after", "ibuprofen started 1 day before", "a doctor's visit the
    /// same day".
    pub fn describe(&self) -> String {
        let days = self.offset.unsigned_abs();
        let unit = if days == 1 { "day" } else { "days" };
        match self.offset {
            0 => format!("{} the same day", self.what),
            offset if offset < 0 => format!("{} {days} {unit} before", self.what),
            _ => format!("{} {days} {unit} after", self.what),
        }
    }
}

/// The events of `events` (sorted by date) within `k` days of `date`, either side.
pub fn near(events: &[CareEvent], date: NaiveDate, k: u8) -> Vec<NearbyCare> {
    let k = chrono::Days::new(u64::from(k));
    let (Some(from), Some(to)) = (date.checked_sub_days(k), date.checked_add_days(k)) else {
        return Vec::new();
    };
    let first = events.partition_point(|event| event.date < from);
    events[first..]
        .iter()
        .take_while(|event| event.date <= to)
        .map(|event| NearbyCare {
            what: event.what.clone(),
            offset: (event.date - date).num_days(),
        })
        .collect()
}

/// `true` when any event of `events` (sorted by date) falls within `k` days of `date`.
pub fn any_near(events: &[CareEvent], date: NaiveDate, k: u8) -> bool {
    let k = chrono::Days::new(u64::from(k));
    let (Some(from), Some(to)) = (date.checked_sub_days(k), date.checked_add_days(k)) else {
        return false;
    };
    let first = events.partition_point(|event| event.date < from);
    events.get(first).is_some_and(|event| event.date <= to)
}

/// A home exercise over a stretch of days: on how many it was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adherence {
    /// The exercise's name.
    pub name: String,
    /// Days it was done.
    pub done: usize,
    /// Days in the stretch (from the session that suggested it, when later than its start).
    pub days: usize,
    /// How many times a week it is meant to be done, if said.
    pub per_week: Option<u8>,
}

impl Adherence {
    /// "Cat-cow stretch: done on 5 of 7 days (meant for 7 days a week)".
    pub fn describe(&self) -> String {
        let meant = self
            .per_week
            .map(|times| format!(" (meant {times} times a week)"))
            .unwrap_or_default();
        format!(
            "{}: done on {} of {} days{meant}",
            self.name, self.done, self.days
        )
    }
}

/// A medication over a stretch of days: on how many it was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MedicationUse {
    /// "Ibuprofen (400 mg, as needed)".
    pub name: String,
    /// Days it was taken.
    pub taken: usize,
    /// Days in the stretch.
    pub days: usize,
}

impl MedicationUse {
    /// "Ibuprofen (400 mg, as needed): taken on 2 of 7 days".
    pub fn describe(&self) -> String {
        format!(
            "{}: taken on {} of {} days",
            self.name, self.taken, self.days
        )
    }
}

/// The rest of the care over a stretch of days: exercises, medications, visits and changes.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CareInPeriod {
    /// Each exercise suggested by the end of the stretch.
    pub exercises: Vec<Adherence>,
    /// Each medication taken in the stretch, or regular and current in it.
    pub medications: Vec<MedicationUse>,
    /// Care visits and regular medications started or stopped in the stretch, by date.
    pub events: Vec<CareEvent>,
}

impl CareInPeriod {
    /// `true` when there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty() && self.medications.is_empty() && self.events.is_empty()
    }
}

/// The care of `journal` over `range` (up to `today`, if earlier).
pub fn care_in(journal: &Journal, range: super::DayRange) -> CareInPeriod {
    if range.is_empty() {
        return CareInPeriod::default();
    }
    let days: Vec<&crate::model::Day> = journal.days_between(range.from, range.to).collect();
    let exercises = journal
        .exercises()
        .iter()
        .filter_map(|exercise| {
            // From the day after the session that suggested it, when that is in the stretch.
            let from = exercise
                .session
                .and_then(|id| journal.session(id))
                .map(crate::model::Session::date)
                .filter(|date| *date >= range.from)
                .and_then(|date| date.succ_opt())
                .unwrap_or(range.from);
            if from > range.to {
                return None;
            }
            let stretch = super::DayRange::new(from, range.to);
            Some(Adherence {
                name: exercise.name.clone(),
                done: days
                    .iter()
                    .filter(|day| stretch.contains(day.date) && day.did.contains(&exercise.id))
                    .count(),
                days: stretch.len(),
                per_week: exercise.per_week,
            })
        })
        .collect();
    let medications = journal
        .medications()
        .iter()
        .filter_map(|medication| {
            let taken = days
                .iter()
                .filter(|day| day.took.contains(&medication.id))
                .count();
            let current = !medication.as_needed
                && medication.from.is_none_or(|from| from <= range.to)
                && medication.until.is_none_or(|until| until >= range.from);
            (taken > 0 || current).then(|| MedicationUse {
                name: medication.label(),
                taken,
                days: range.len(),
            })
        })
        .collect();
    let events = care_events(journal)
        .into_iter()
        .filter(|event| range.contains(event.date))
        .collect();
    CareInPeriod {
        exercises,
        medications,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CareKind, CareVisit, ItemId, Medication};

    fn date(text: &str) -> NaiveDate {
        crate::model::parse_date(text).unwrap_or_default()
    }

    #[test]
    fn visits_and_regular_medication_changes_near_a_session_are_named_with_their_day() {
        let mut journal = Journal::new();
        let visit = |day, kind| CareVisit {
            id: ItemId(0),
            date: date(day),
            kind,
            name: String::new(),
            note: String::new(),
        };
        assert!(
            journal
                .add_care_visit(visit("2026-03-12", CareKind::Physiotherapy))
                .is_ok()
        );
        assert!(
            journal
                .add_care_visit(visit("2026-04-01", CareKind::Doctor))
                .is_ok()
        );
        let medication = |name: &str, as_needed, from| Medication {
            id: ItemId(0),
            name: name.into(),
            dose: String::new(),
            as_needed,
            from: Some(date(from)),
            until: None,
        };
        assert!(
            journal
                .add_medication(medication("Naproxen", false, "2026-03-09"))
                .is_ok()
        );
        assert!(
            journal
                .add_medication(medication("Ibuprofen", true, "2026-03-10"))
                .is_ok()
        );
        let events = care_events(&journal);
        let around = near(&events, date("2026-03-10"), 7);
        let words: Vec<String> = around.iter().map(NearbyCare::describe).collect();
        assert_eq!(
            words,
            [
                "naproxen started 1 day before",
                "physiotherapy 2 days after"
            ],
            "an as-needed medication is not a change of treatment"
        );
        assert!(
            any_near(&events, date("2026-03-25"), 7),
            "the doctor, 7 days after"
        );
        assert!(!any_near(&events, date("2026-03-22"), 7));
        assert!(
            near(&events, date("2026-04-01"), 0)[0].describe() == "a doctor's visit the same day"
        );
    }

    #[test]
    fn the_switch_leaves_sessions_near_other_care_out_of_every_summary_but_lists_them() {
        use crate::analysis::{EffectSettings, JournalIndex, effects};
        use crate::model::{Day, Metric, Minutes, Score, Session, SessionKind};
        let mut journal = Journal::new();
        let start = date("2026-01-01");
        for offset in 0..120_u64 {
            let mut day = Day::empty(start + chrono::Days::new(offset));
            day.pain = Score::new(3 + (offset % 5) as u8).ok();
            journal.set_day(day);
        }
        for (day, kind) in [
            ("2026-02-01", SessionKind::Swedish),
            ("2026-03-01", SessionKind::Swedish),
        ] {
            let at = date(day).and_hms_opt(10, 0, 0).unwrap_or_default();
            let minutes = Minutes::new(60).unwrap_or_else(|_| unreachable!());
            journal.add_session(Session::new(at, kind, minutes));
        }
        let visit = CareVisit {
            id: ItemId(0),
            date: date("2026-03-03"),
            kind: CareKind::Chiropractic,
            name: String::new(),
            note: String::new(),
        };
        assert!(journal.add_care_visit(visit).is_ok());
        let index = JournalIndex::new(&journal);
        let all = effects(&journal, &index, EffectSettings::default());
        assert_eq!(all.sessions.len(), 2);
        assert_eq!(
            all.sessions[1].other_care_words().as_deref(),
            Some("chiropractic 2 days after")
        );
        assert!(all.sessions.iter().all(|effect| effect.counted));
        assert_eq!(all.left_out, 0);
        let settings = EffectSettings::default().leaving_out_other_care(true);
        let some = effects(&journal, &index, settings);
        assert_eq!(some.sessions.len(), 2, "still listed");
        assert!(!some.sessions[1].counted);
        assert_eq!(some.left_out, 1);
        let counted = |e: &crate::analysis::Effects| {
            e.by_kind
                .values()
                .map(|group| group.metrics[Metric::Pain].n)
                .sum::<usize>()
        };
        assert_eq!(counted(&all), 2);
        assert_eq!(counted(&some), 1);
        assert!(
            some.ordinary[Metric::Pain]
                .iter()
                .all(|(day, _)| (*day - date("2026-03-03")).num_days().abs() > 7),
            "no ordinary week with the visit in it"
        );
        assert!(
            some.ordinary[Metric::Pain].len() < all.ordinary[Metric::Pain].len()
                || all.ordinary[Metric::Pain]
                    .iter()
                    .all(|(day, _)| (*day - date("2026-03-03")).num_days().abs() > 7)
        );
    }

    #[test]
    fn adherence_counts_the_days_after_the_session_that_suggested_it() {
        use crate::model::{Day, Exercise, Minutes, Session, SessionKind};
        let mut journal = Journal::new();
        let at = date("2026-05-01").and_hms_opt(10, 0, 0).unwrap_or_default();
        let minutes = Minutes::new(60).unwrap_or_else(|_| unreachable!());
        let session = journal.add_session(Session::new(at, SessionKind::Swedish, minutes));
        let stretch = journal
            .add_exercise(Exercise {
                id: ItemId(0),
                name: "Cat-cow stretch".into(),
                session: Some(session),
                per_week: Some(7),
            })
            .unwrap_or_default();
        let ibuprofen = journal
            .add_medication(Medication {
                id: ItemId(0),
                name: "Ibuprofen".into(),
                dose: "400 mg".into(),
                as_needed: true,
                from: None,
                until: None,
            })
            .unwrap_or_default();
        for (day, did, took) in [
            ("2026-04-30", true, false),
            ("2026-05-02", true, true),
            ("2026-05-03", true, false),
            ("2026-05-05", true, false),
            ("2026-05-06", false, true),
            ("2026-05-07", true, false),
            ("2026-05-08", true, false),
        ] {
            let mut logged = Day::empty(date(day));
            logged.pain = crate::model::Score::new(3).ok();
            if did {
                logged.did.insert(stretch);
            }
            if took {
                logged.took.insert(ibuprofen);
            }
            journal.set_day(logged);
        }
        let care = care_in(
            &journal,
            crate::analysis::DayRange::new(date("2026-04-28"), date("2026-05-08")),
        );
        assert_eq!(
            care.exercises[0].describe(),
            "Cat-cow stretch: done on 5 of 7 days (meant 7 times a week)",
            "the seven days after the session, not the day before it"
        );
        assert_eq!(
            care.medications[0].describe(),
            "Ibuprofen (400 mg, as needed): taken on 2 of 11 days"
        );
        assert!(care.events.is_empty());
    }
}
