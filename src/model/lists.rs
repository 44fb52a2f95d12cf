//! The journal's lists beside its days and sessions (own measures, medications, home exercises,
//! care visits, therapists' details), their rules, and the journal's methods that read and
//! change them.

use super::care::ListItem;
use super::journal::{JournalError, fresh_revision};
use super::{
    CareVisit, Day, Exercise, ItemId, Journal, MAX_NAME_CHARS, MAX_PER_WEEK, Measure, Medication,
    Metric, Therapist, Worse, check_item_name,
};

/// The journal's lists beside its days and sessions: own measures, medications, home
/// exercises, other care visits and therapists' details.
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
    /// Therapists' details for the cost statement, by name (case aside).
    pub therapists: Vec<Therapist>,
}

impl CareLists {
    /// `true` when all the lists are empty.
    pub fn is_empty(&self) -> bool {
        self.measures.is_empty()
            && self.medications.is_empty()
            && self.exercises.is_empty()
            && self.visits.is_empty()
            && self.therapists.is_empty()
    }

    /// Put the lists in the order the journal keeps them: care visits by date, therapists by
    /// name.
    fn sort(&mut self) {
        self.visits.sort_by_key(|visit| (visit.date, visit.id));
        self.therapists.sort_by_key(Therapist::sort_key);
    }

    /// The first therapist whose details break a rule, or whose name (case aside) another has.
    fn therapist_problem(&self) -> Option<JournalError> {
        self.therapists
            .iter()
            .enumerate()
            .find_map(|(index, therapist)| {
                let problem = therapist.problem().or_else(|| {
                    self.therapists[..index]
                        .iter()
                        .any(|other| other.is_called(&therapist.name))
                        .then(|| {
                            format!(
                                "two therapists are called \"{}\"; enter each therapist's \
                                 details once",
                                therapist.name.trim()
                            )
                        })
                })?;
                Some(JournalError::BadTherapist {
                    name: therapist.name.clone(),
                    problem,
                })
            })
    }

    /// The first rule any item breaks.
    fn problem(&self) -> Option<JournalError> {
        let bad = |what, id, problem: String| JournalError::BadItem { what, id, problem };
        let unique = numbers_and_names(&self.measures)
            .or_else(|| numbers_and_names(&self.medications))
            .or_else(|| numbers_and_names(&self.exercises))
            .or_else(|| numbers_and_names(&self.visits));
        if unique.is_some() {
            return unique;
        }
        if let Some(problem) = self.therapist_problem() {
            return Some(problem);
        }
        if let Some(measure) = self
            .measures
            .iter()
            .find(|measure| Metric::is_built_in_name(&measure.name))
        {
            return Some(bad(
                "measure",
                measure.id,
                format!(
                    "\"{}\" is the name of a built-in measure, which painlog already asks for \
                     every day; give your own measure another name",
                    measure.name.trim()
                ),
            ));
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
        self.visits.iter().find_map(|visit| {
            let problem = visit.problem()?;
            Some(bad("care visit", visit.id, problem))
        })
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
            .find(|id| by_id(&self.measures, **id).is_none())
        {
            return Some(unknown("measure", *id));
        }
        if let Some(id) = day
            .took
            .iter()
            .find(|id| by_id(&self.medications, **id).is_none())
        {
            return Some(unknown("medication", *id));
        }
        day.did
            .iter()
            .find(|id| by_id(&self.exercises, **id).is_none())
            .map(|id| unknown("exercise", *id))
    }

    /// Drop what a day refers to that these lists do not hold.
    pub(super) fn keep_known(&self, day: &mut Day) {
        day.measures
            .retain(|id, _| by_id(&self.measures, *id).is_some());
        day.took
            .retain(|id| by_id(&self.medications, *id).is_some());
        day.did.retain(|id| by_id(&self.exercises, *id).is_some());
    }
}

/// The first item of `items` without a name (visits may have none), or with the number or the
/// name (case aside) of one before it.
fn numbers_and_names<T: ListItem>(items: &[T]) -> Option<JournalError> {
    let what = T::WHAT;
    items.iter().enumerate().find_map(|(index, item)| {
        let (id, name) = (item.id(), item.name().trim());
        let problem = if name.is_empty() && what != CareVisit::WHAT {
            format!("a {what} needs a name")
        } else if items[..index].iter().any(|other| other.id() == id) {
            format!("two {what}s have the number {id}; each needs its own")
        } else if what != CareVisit::WHAT
            && items[..index]
                .iter()
                .any(|other| other.name().trim().eq_ignore_ascii_case(name))
        {
            format!("two {what}s are called \"{name}\"; each needs its own name")
        } else {
            return None;
        };
        Some(JournalError::BadItem { what, id, problem })
    })
}

/// The item of `items` with this number.
fn by_id<T: ListItem>(items: &[T], id: ItemId) -> Option<&T> {
    items.iter().find(|item| item.id() == id)
}

/// The item of `items` called `name` (case and surrounding spaces aside).
fn by_name<'a, T: ListItem>(items: &'a [T], name: &str) -> Option<&'a T> {
    let name = name.trim();
    items
        .iter()
        .find(|item| item.name().trim().eq_ignore_ascii_case(name))
}

/// The number after the highest of `items` (1 for none).
fn next_id<T: ListItem>(items: &[T]) -> ItemId {
    ItemId(
        items
            .iter()
            .map(|item| item.id().0)
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
        lists.sort();
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
        by_id(&self.lists.measures, id)
    }

    /// The medication with this number.
    pub fn medication(&self, id: ItemId) -> Option<&Medication> {
        by_id(&self.lists.medications, id)
    }

    /// The exercise with this number.
    pub fn exercise(&self, id: ItemId) -> Option<&Exercise> {
        by_id(&self.lists.exercises, id)
    }

    /// The own measure called `name` (case and surrounding spaces aside).
    pub fn measure_named(&self, name: &str) -> Option<&Measure> {
        by_name(&self.lists.measures, name)
    }

    /// The medication called `name` (case and surrounding spaces aside).
    pub fn medication_named(&self, name: &str) -> Option<&Medication> {
        by_name(&self.lists.medications, name)
    }

    /// The exercise called `name` (case and surrounding spaces aside).
    pub fn exercise_named(&self, name: &str) -> Option<&Exercise> {
        by_name(&self.lists.exercises, name)
    }

    /// The lists as `change` would leave them, when every rule still holds; nothing changes.
    fn changed_lists<T>(
        &self,
        change: impl FnOnce(&mut CareLists) -> Result<T, String>,
    ) -> Result<(CareLists, T), String> {
        let mut lists = self.lists.clone();
        let value = change(&mut lists)?;
        if let Some(problem) = lists.problem() {
            return Err(match problem {
                JournalError::BadItem { problem, .. }
                | JournalError::BadTherapist { problem, .. } => problem,
                other => other.to_string(),
            });
        }
        lists.sort();
        Ok((lists, value))
    }

    /// Change the lists with `change`, keeping the change only when every rule still holds.
    fn change_lists<T>(
        &mut self,
        change: impl FnOnce(&mut CareLists) -> Result<T, String>,
    ) -> Result<T, String> {
        let (lists, value) = self.changed_lists(change)?;
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
            let id = next_id(&lists.measures);
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
            medication.id = next_id(&lists.medications);
            medication.name = medication.name.trim().to_owned();
            let id = medication.id;
            lists.medications.push(medication);
            Ok(id)
        })
    }

    /// Replace the medication with `medication.id` (its name, dose, start or stop), only when
    /// every rule of the lists still holds; otherwise nothing changes and the reason is given.
    pub fn replace_medication(&mut self, medication: Medication) -> Result<(), String> {
        self.change_lists(|lists| put_medication(lists, medication))
    }

    /// Why [`Journal::replace_medication`] would refuse `medication`, changing nothing.
    pub fn check_medication(&self, medication: &Medication) -> Result<(), String> {
        self.changed_lists(|lists| put_medication(lists, medication.clone()))
            .map(|_| ())
    }

    /// Add a home exercise (its `id` is given here); refuses a name already used.
    pub fn add_exercise(&mut self, mut exercise: Exercise) -> Result<ItemId, String> {
        check_item_name("The exercise's name", &exercise.name)?;
        self.change_lists(|lists| {
            exercise.id = next_id(&lists.exercises);
            exercise.name = exercise.name.trim().to_owned();
            let id = exercise.id;
            lists.exercises.push(exercise);
            Ok(id)
        })
    }

    /// Replace the exercise with `exercise.id` (its name, the session it came from, how often a
    /// week), only when every rule still holds: a name of its own, 1 to 14 times a week, and a
    /// session the journal holds (or the one it already names, though since deleted).
    pub fn replace_exercise(&mut self, exercise: Exercise) -> Result<(), String> {
        self.exercise_session_known(&exercise)?;
        self.change_lists(|lists| put_exercise(lists, exercise))
    }

    /// Why [`Journal::replace_exercise`] would refuse `exercise`, changing nothing.
    pub fn check_exercise(&self, exercise: &Exercise) -> Result<(), String> {
        self.exercise_session_known(exercise)?;
        self.changed_lists(|lists| put_exercise(lists, exercise.clone()))
            .map(|_| ())
    }

    /// An exercise may name a session the journal holds, or keep one since deleted.
    fn exercise_session_known(&self, exercise: &Exercise) -> Result<(), String> {
        let Some(session) = exercise.session else {
            return Ok(());
        };
        let kept = self
            .exercise(exercise.id)
            .is_some_and(|old| old.session == Some(session));
        if kept || self.session(session).is_some() {
            Ok(())
        } else {
            Err(format!(
                "there is no session number {session}; choose one of the journal's sessions"
            ))
        }
    }

    /// Add a visit to other care (its `id` is given here).
    pub fn add_care_visit(&mut self, mut visit: CareVisit) -> Result<ItemId, String> {
        visit.check_text()?;
        self.change_lists(|lists| {
            visit.id = next_id(&lists.visits);
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

/// Put `medication` in the place of the one with its number, its name and dose checked.
fn put_medication(lists: &mut CareLists, mut medication: Medication) -> Result<(), String> {
    check_item_name("The medication's name", &medication.name)?;
    super::check_text("The dose", &medication.dose, MAX_NAME_CHARS, false)?;
    medication.name = medication.name.trim().to_owned();
    let slot = lists
        .medications
        .iter_mut()
        .find(|m| m.id == medication.id)
        .ok_or_else(|| format!("there is no medication number {}", medication.id))?;
    *slot = medication;
    Ok(())
}

/// Put `exercise` in the place of the one with its number, its name checked.
fn put_exercise(lists: &mut CareLists, mut exercise: Exercise) -> Result<(), String> {
    check_item_name("The exercise's name", &exercise.name)?;
    exercise.name = exercise.name.trim().to_owned();
    let slot = lists
        .exercises
        .iter_mut()
        .find(|e| e.id == exercise.id)
        .ok_or_else(|| format!("there is no exercise number {}", exercise.id))?;
    *slot = exercise;
    Ok(())
}
