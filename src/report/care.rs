//! Care besides massage in a report's period: home exercises done, medications taken, visits
//! to other care and regular medications started or stopped, as lines to print.

use chrono::NaiveDate;
use serde::Serialize;

use crate::analysis::DayRange;
use crate::analysis::other_care::{Adherence, MedicationUse, care_in};
use crate::model::Journal;

/// What the report says of care besides massage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CareLines {
    /// "Cat-cow stretch: done on 61 of 90 days (meant 7 times a week)".
    pub exercises: Vec<String>,
    /// "Ibuprofen (400 mg, as needed): taken on 12 of 90 days".
    pub medications: Vec<String>,
    /// Each visit ("Physiotherapy: Core and hip strength.") and each regular medication started
    /// or stopped, by date.
    pub events: Vec<(NaiveDate, String)>,
}

impl CareLines {
    /// `true` when the period has nothing of it.
    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty() && self.medications.is_empty() && self.events.is_empty()
    }
}

/// The care besides massage of `journal` in `period`.
pub fn care_lines(journal: &Journal, period: DayRange) -> CareLines {
    let care = care_in(journal, period);
    let mut events: Vec<(NaiveDate, String)> = journal
        .care_visits()
        .iter()
        .filter(|visit| period.contains(visit.date))
        .map(|visit| {
            let line = if visit.note.trim().is_empty() {
                visit.label()
            } else {
                format!("{}: {}", visit.label(), visit.note.trim())
            };
            (visit.date, line)
        })
        .collect();
    for medication in journal.medications().iter().filter(|m| !m.as_needed) {
        if let Some(from) = medication.from.filter(|d| period.contains(*d)) {
            events.push((
                from,
                format!("Started {} ({})", medication.name, medication.how()),
            ));
        }
        if let Some(until) = medication.until.filter(|d| period.contains(*d)) {
            events.push((until, format!("Stopped {}", medication.name)));
        }
    }
    events.sort();
    CareLines {
        exercises: care.exercises.iter().map(Adherence::describe).collect(),
        medications: care
            .medications
            .iter()
            .map(MedicationUse::describe)
            .collect(),
        events,
    }
}
