//! One calendar day's record.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Metric, Region, Score};

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
    /// Where it hurt.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub regions: BTreeSet<Region>,
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
            regions: BTreeSet::new(),
            note: String::new(),
        }
    }

    /// `true` when nothing but the date is set: such a day is the same as a day not logged.
    pub fn is_empty(&self) -> bool {
        Metric::ALL.iter().all(|metric| metric.of(self).is_none())
            && self.regions.is_empty()
            && self.note.trim().is_empty()
    }

    /// How many of the five scores are logged.
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
