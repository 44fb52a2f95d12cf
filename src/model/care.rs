//! The rest of the picture of care: the person's own measures, their medications, the home
//! exercises a therapist suggested, and visits to other kinds of care.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::day::date_format;
use super::{MAX_NAME_CHARS, MAX_NOTE_CHARS, SessionId, check_text};

/// The number of an own measure, a medication, an exercise or a care visit: unique in its list,
/// never reused, kept when the name changes (days refer to it).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct ItemId(pub u32);

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Which end of an own measure's 0–10 scale is worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Worse {
    /// 10 is the worst (like pain).
    Higher,
    /// 0 is the worst (like sleep quality).
    Lower,
}

impl Worse {
    /// `higher` or `lower`, as typed on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Higher => "higher",
            Self::Lower => "lower",
        }
    }

    /// From `higher` or `lower`.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "higher" => Some(Self::Higher),
            "lower" => Some(Self::Lower),
            _ => None,
        }
    }
}

/// A 0–10 measure the person named, such as "tingling in the left leg".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Its number; days refer to it.
    pub id: ItemId,
    /// What it measures.
    pub name: String,
    /// Which end is worse.
    pub worse: Worse,
    /// No longer logged: hidden from the Day view, its history kept everywhere else.
    #[serde(default, skip_serializing_if = "is_false")]
    pub retired: bool,
}

impl Measure {
    /// "0 = none, 10 = worst" or "0 = worst, 10 = best; higher is better".
    pub fn scale(&self) -> &'static str {
        match self.worse {
            Worse::Higher => "0 = none, 10 = worst",
            Worse::Lower => "0 = worst, 10 = best; higher is better",
        }
    }
}

/// A medication the person takes (or took).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Medication {
    /// Its number; days refer to it.
    pub id: ItemId,
    /// Its name.
    pub name: String,
    /// The dose, as the person writes it ("400 mg", "1 tablet").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dose: String,
    /// Taken when needed rather than regularly.
    #[serde(default, skip_serializing_if = "is_false")]
    pub as_needed: bool,
    /// When it started, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_date"
    )]
    pub from: Option<NaiveDate>,
    /// When it stopped, if it has.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "optional_date"
    )]
    pub until: Option<NaiveDate>,
}

impl Medication {
    /// `true` when current on `date`: started by then (or with no start), not yet stopped.
    pub fn current_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }

    /// `true` when taken regularly and current on `date`.
    pub fn regular_on(&self, date: NaiveDate) -> bool {
        !self.as_needed && self.current_on(date)
    }

    /// "Ibuprofen (400 mg, as needed)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.how())
    }

    /// "400 mg, regularly" / "as needed".
    pub fn how(&self) -> String {
        let how = if self.as_needed {
            "as needed"
        } else {
            "regularly"
        };
        if self.dose.is_empty() {
            how.to_owned()
        } else {
            format!("{}, {how}", self.dose)
        }
    }
}

/// An exercise or stretch to do at home.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Its number; days refer to it.
    pub id: ItemId,
    /// Its name ("cat-cow", "chin tucks").
    pub name: String,
    /// The session at which the therapist suggested it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SessionId>,
    /// How many times a week it is meant to be done (1–14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_week: Option<u8>,
}

/// The most times a week an exercise can be meant for (twice a day).
pub const MAX_PER_WEEK: u8 = 14;

/// A kind of care other than massage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CareKind {
    /// Physiotherapy.
    Physiotherapy,
    /// Chiropractic.
    Chiropractic,
    /// A doctor.
    Doctor,
    /// Anything else, named on the visit.
    Other,
}

impl CareKind {
    /// Every kind.
    pub const ALL: [Self; 4] = [
        Self::Physiotherapy,
        Self::Chiropractic,
        Self::Doctor,
        Self::Other,
    ];

    /// "Physiotherapy", …
    pub fn label(self) -> &'static str {
        match self {
            Self::Physiotherapy => "Physiotherapy",
            Self::Chiropractic => "Chiropractic",
            Self::Doctor => "Doctor",
            Self::Other => "Other care",
        }
    }

    /// `physiotherapy`, `chiropractic`, `doctor`, `other`.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Physiotherapy => "physiotherapy",
            Self::Chiropractic => "chiropractic",
            Self::Doctor => "doctor",
            Self::Other => "other",
        }
    }

    /// From its command-line name (case-insensitive).
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.cli_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A visit to other care.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareVisit {
    /// Its number.
    pub id: ItemId,
    /// The day of the visit.
    #[serde(with = "date_format")]
    pub date: NaiveDate,
    /// What kind of care.
    pub kind: CareKind,
    /// Who or what ("Dr Lee", "hydrotherapy"); needed for [`CareKind::Other`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl CareVisit {
    /// "Physiotherapy", "Doctor (Dr Lee)", "hydrotherapy".
    pub fn label(&self) -> String {
        match (self.kind, self.name.trim()) {
            (_, "") => self.kind.label().to_owned(),
            (CareKind::Other, name) => name.to_owned(),
            (kind, name) => format!("{} ({name})", kind.label()),
        }
    }

    /// "physiotherapy", "a doctor", "hydrotherapy": for sentences.
    pub fn words(&self) -> String {
        match (self.kind, self.name.trim()) {
            (CareKind::Other, "") => "other care".to_owned(),
            (CareKind::Other, name) => name.to_owned(),
            (CareKind::Doctor, _) => "a doctor's visit".to_owned(),
            (kind, _) => kind.label().to_lowercase(),
        }
    }

    /// What is wrong with this visit, if anything (checked wherever a journal is read).
    pub fn problem(&self) -> Option<String> {
        (self.kind == CareKind::Other && self.name.trim().is_empty())
            .then(|| "other care needs a name (what kind of care it was)".into())
    }

    /// The rules for text typed in (the window, the command line): length, no control
    /// characters.
    pub fn check_text(&self) -> Result<(), String> {
        check_text("The name of the care", &self.name, MAX_NAME_CHARS, false)?;
        check_text("The note", &self.note, MAX_NOTE_CHARS, true)
    }
}

/// An item of one of the journal's lists (own measures, medications, exercises, care visits):
/// one description of the four kinds, for the lists' rules and look-ups and for the merge.
pub(crate) trait ListItem: Clone + PartialEq {
    /// "measure", "medication", "exercise" or "care visit", for messages.
    const WHAT: &'static str;
    /// Its number.
    fn id(&self) -> ItemId;
    /// Give it a number.
    fn set_id(&mut self, id: ItemId);
    /// Its name (a care visit's may be empty).
    fn name(&self) -> &str;
    /// What tells two items apart for a person: the name (a visit has none to go by: its date,
    /// kind and name).
    fn key(&self) -> String {
        self.name().trim().to_lowercase()
    }
}

macro_rules! list_item {
    ($type:ty, $what:expr) => {
        impl ListItem for $type {
            const WHAT: &'static str = $what;
            fn id(&self) -> ItemId {
                self.id
            }
            fn set_id(&mut self, id: ItemId) {
                self.id = id;
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    };
}

list_item!(Measure, "measure");
list_item!(Medication, "medication");
list_item!(Exercise, "exercise");

impl ListItem for CareVisit {
    const WHAT: &'static str = "care visit";
    fn id(&self) -> ItemId {
        self.id
    }
    fn set_id(&mut self, id: ItemId) {
        self.id = id;
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn key(&self) -> String {
        format!("{} {:?} {}", self.date, self.kind, self.name)
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// An optional `"YYYY-MM-DD"`.
mod optional_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_some(&Wrapped(*date)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|wrapped| wrapped.0))
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    #[serde(transparent)]
    struct Wrapped(#[serde(with = "crate::model::day::date_format")] NaiveDate);
}

/// Check a name typed for a list (a measure's, a medication's, an exercise's): not empty, short,
/// no control characters, and no `;` or `=` (which separate names in CSV files and on the
/// command line).
pub fn check_item_name(what: &str, name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err(format!("{what} is empty; give it a name"));
    }
    if let Some(c) = name.chars().find(|c| matches!(c, ';' | '=')) {
        return Err(format!(
            "{what} holds \"{c}\", which separates names in CSV files and on the command line; leave it out"
        ));
    }
    check_text(what, name, MAX_NAME_CHARS, false)
}
