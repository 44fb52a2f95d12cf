//! The journal's lists beside its days and sessions (own measures, medications, home exercises,
//! care visits), their rules, and the journal's methods that read and change them.

use super::journal::{JournalError, fresh_revision};
use super::{
    CareVisit, Day, Exercise, ItemId, Journal, MAX_NAME_CHARS, MAX_PER_WEEK, Measure, Medication,
    Worse, check_item_name,
};

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
    pub(super) fn keep_known(&self, day: &mut Day) {
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

impl Journal {
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
}
