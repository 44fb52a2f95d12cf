//! One calendar day's record.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{BodyMap, ItemId, Metric, Region, Score};

/// What a person logged for one calendar date. Every field but the date is optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    /// The calendar date this record is for.
    #[serde(with = "date_format")]
    pub date: NaiveDate,
    /// Average pain today (0 = none, 10 = worst imaginable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<Score>,
    /// The worst moment today (0 = none, 10 = worst imaginable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst_pain: Option<Score>,
    /// Stiffness (0 = none, 10 = worst).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stiffness: Option<Score>,
    /// Last night's sleep quality (0 = awful, 10 = excellent; higher is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sleep: Option<Score>,
    /// Stress or anxiety (0 = none, 10 = worst).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stress: Option<Score>,
    /// How freely the person could move (0 = barely, 10 = freely; higher is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobility: Option<Score>,
    /// Mood (0 = very low, 10 = very good; higher is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<Score>,
    /// The person's own measures, by their number.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub measures: BTreeMap<ItemId, Score>,
    /// Where it hurt, with the intensity where logged.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "super::body::map_format"
    )]
    pub regions: BodyMap,
    /// The medications taken, by their number.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub took: BTreeSet<ItemId>,
    /// The home exercises done, by their number.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub did: BTreeSet<ItemId>,
    /// Free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Day {
    /// A day with nothing logged yet.
    pub fn empty(date: NaiveDate) -> Self {
        Self {
            date,
            pain: None,
            worst_pain: None,
            stiffness: None,
            sleep: None,
            stress: None,
            mobility: None,
            mood: None,
            measures: BTreeMap::new(),
            regions: BodyMap::new(),
            took: BTreeSet::new(),
            did: BTreeSet::new(),
            note: String::new(),
        }
    }

    /// `true` when nothing but the date is set: such a day is the same as a day not logged.
    pub fn is_empty(&self) -> bool {
        Metric::ALL.iter().all(|metric| metric.of(self).is_none())
            && self.measures.is_empty()
            && self.regions.is_empty()
            && self.took.is_empty()
            && self.did.is_empty()
            && self.note.trim().is_empty()
    }

    /// The regions that hurt, on either side.
    pub fn areas(&self) -> BTreeSet<Region> {
        super::body::areas(self.regions.keys())
    }

    /// How many of the built-in scores are logged.
    pub fn logged_scores(&self) -> usize {
        Metric::ALL
            .iter()
            .filter(|metric| metric.of(self).is_some())
            .count()
    }
}

/// A date as `"YYYY-MM-DD"`, with a clear message for one that does not exist.
pub(crate) mod date_format {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&date.format("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(crate::model::TextVisitor {
            expecting: "a date written \"YYYY-MM-DD\"",
            parse: |text| {
                crate::model::parse_date(text).ok_or_else(|| {
                    format!("a date is written \"YYYY-MM-DD\" and must exist, found \"{text}\"")
                })
            },
        })
    }
}
