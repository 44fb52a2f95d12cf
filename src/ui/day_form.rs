//! The Day view's form: the text of its fields as typed, and the day it describes.

use std::collections::{BTreeMap, BTreeSet};

use super::widgets::EditOrigin;
use crate::model::{BodyMap, Day, ItemId, Journal, MAX_NOTE_CHARS, Metric, Score, check_text};

/// The text of the form, as typed.
pub(super) struct DayForm {
    /// The day as the form last showed or sent it; a different stored day means it changed
    /// elsewhere (undo, delete), and the form reloads.
    pub(super) shown: Day,
    pub(super) scores: [String; Metric::COUNT],
    /// The own measures' fields, by the measure's number (a field never shown is not here).
    pub(super) measures: BTreeMap<ItemId, String>,
    pub(super) regions: BodyMap,
    /// The medications taken.
    pub(super) took: BTreeSet<ItemId>,
    /// The exercises done.
    pub(super) did: BTreeSet<ItemId>,
    pub(super) note: String,
    /// What each score field held before the edit under way began.
    pub(super) score_origins: [EditOrigin; Metric::COUNT],
    /// What each own measure's field held before the edit under way began.
    pub(super) measure_origins: BTreeMap<ItemId, EditOrigin>,
    /// What the note held before the edit under way began.
    pub(super) note_origin: EditOrigin,
}

impl DayForm {
    pub(super) fn from_day(day: Day) -> Self {
        let scores =
            Metric::ALL.map(|metric| metric.of(&day).map_or_else(String::new, |s| s.to_string()));
        let measures: BTreeMap<ItemId, String> = day
            .measures
            .iter()
            .map(|(id, score)| (*id, score.to_string()))
            .collect();
        Self {
            score_origins: scores.clone().map(|text| EditOrigin::new(&text)),
            measure_origins: measures
                .iter()
                .map(|(id, text)| (*id, EditOrigin::new(text)))
                .collect(),
            note_origin: EditOrigin::new(&day.note),
            scores,
            measures,
            regions: day.regions.clone(),
            took: day.took.clone(),
            did: day.did.clone(),
            note: day.note.clone(),
            shown: day,
        }
    }

    /// The day the form describes. A field holding text it refuses gives the value it had
    /// before its edit began, never a part of what is typed.
    pub(super) fn to_day(&self) -> Day {
        let mut day = self.shown.clone();
        for ((metric, text), origin) in Metric::ALL
            .into_iter()
            .zip(&self.scores)
            .zip(&self.score_origins)
        {
            metric.set(&mut day, score_or_origin(text, Some(origin)));
        }
        for (id, text) in &self.measures {
            match score_or_origin(text, self.measure_origins.get(id)) {
                Some(score) => day.measures.insert(*id, score),
                None => day.measures.remove(id),
            };
        }
        day.regions.clone_from(&self.regions);
        day.took.clone_from(&self.took);
        day.did.clone_from(&self.did);
        day.note = if note_problem(&self.note).is_none() {
            self.note.clone()
        } else {
            self.note_origin.text().to_owned()
        };
        day
    }

    /// Why each field that refuses its text does, for the status bar.
    pub(super) fn refused(&self, journal: &Journal) -> Vec<String> {
        let mut reasons: Vec<String> = Metric::ALL
            .into_iter()
            .zip(&self.scores)
            .filter_map(|(metric, text)| score_reason(metric.name(), text))
            .collect();
        reasons.extend(self.measures.iter().filter_map(|(id, text)| {
            let name = journal.measure(*id).map_or("An own measure", |m| &m.name);
            score_reason(name, text)
        }));
        reasons.extend(note_problem(&self.note));
        reasons
    }
}

/// The score a field's text gives, or (when it refuses the text) the one its text before the
/// edit gave.
fn score_or_origin(text: &str, origin: Option<&EditOrigin>) -> Option<Score> {
    Score::parse_optional(text)
        .or_else(|_| Score::parse_optional(origin.map_or("", EditOrigin::text)))
        .unwrap_or_default()
}

/// Why a score field refuses its text (short enough for the line under the field), or `None`.
pub fn score_reason(name: &str, text: &str) -> Option<String> {
    Score::parse_optional(text)
        .err()
        .map(|error| format!("{name}: {error}."))
}

/// What is wrong with a note typed for a day, if anything.
pub(super) fn note_problem(note: &str) -> Option<String> {
    check_text("The note", note, MAX_NOTE_CHARS, true)
        .err()
        .map(|error| format!("{error}. The journal keeps the note from before."))
}
