//! One massage session.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{Cost, Pressure, Region, Score, SessionKind, Spot};

/// A session's number in the journal: unique, never reused, stable across edits.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(transparent)]
pub struct SessionId(pub u64);

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A session's length in minutes: 1 to [`Minutes::MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Minutes(u16);

/// Why a number is not a session length.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    /// Zero, negative or too long.
    #[error("a session lasts from 1 to {max} minutes, found {found}", max = Minutes::MAX)]
    OutOfRange {
        /// What was given.
        found: i64,
    },
    /// Not a whole number.
    #[error("minutes must be a whole number such as 60, found \"{0}\"")]
    NotANumber(String),
}

impl Minutes {
    /// The longest session accepted (8 hours).
    pub const MAX: u16 = 480;

    /// Minutes from a number, refusing 0 and anything above [`Minutes::MAX`].
    pub fn new(minutes: i64) -> Result<Self, MinutesError> {
        u16::try_from(minutes)
            .ok()
            .filter(|m| (1..=Self::MAX).contains(m))
            .map(Self)
            .ok_or(MinutesError::OutOfRange { found: minutes })
    }

    /// Parse typed text such as "60".
    pub fn parse(text: &str) -> Result<Self, MinutesError> {
        let trimmed = text.trim();
        let number: i64 = trimmed
            .parse()
            .map_err(|_| MinutesError::NotANumber(trimmed.to_owned()))?;
        Self::new(number)
    }

    /// The number of minutes.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u32> for Minutes {
    type Error = MinutesError;
    fn try_from(value: u32) -> Result<Self, Self::Error> {
        Self::new(i64::from(value))
    }
}

impl From<Minutes> for u32 {
    fn from(minutes: Minutes) -> Self {
        u32::from(minutes.0)
    }
}

impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One massage session, as logged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The session's number; assigned by [`super::Journal::add_session`].
    pub id: SessionId,
    /// Local date and time it started (minute precision).
    #[serde(with = "start_format")]
    pub start: NaiveDateTime,
    /// What kind of massage.
    pub kind: SessionKind,
    /// How long it lasted.
    pub minutes: Minutes,
    /// The person or clinic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub therapist: Option<String>,
    /// How firmly they worked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pressure: Option<Pressure>,
    /// The regions worked on (each side).
    #[serde(
        default,
        skip_serializing_if = "BTreeSet::is_empty",
        with = "super::body::set_format"
    )]
    pub focus: BTreeSet<Spot>,
    /// What it cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
    /// Pain right before the session (0 = none, 10 = worst imaginable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_before: Option<Score>,
    /// Pain right after the session (0 = none, 10 = worst imaginable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_after: Option<Score>,
    /// Soreness afterwards (0 = none, 10 = worst).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soreness: Option<Score>,
    /// Free text, e.g. stretches the therapist suggested.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Session {
    /// A session with only the required fields; the id is assigned when it joins a journal.
    pub fn new(start: NaiveDateTime, kind: SessionKind, minutes: Minutes) -> Self {
        Self {
            id: SessionId::default(),
            start,
            kind,
            minutes,
            therapist: None,
            pressure: None,
            focus: BTreeSet::new(),
            cost: None,
            pain_before: None,
            pain_after: None,
            soreness: None,
            note: String::new(),
        }
    }

    /// The regions worked on, on either side.
    pub fn focus_areas(&self) -> BTreeSet<Region> {
        super::body::areas(&self.focus)
    }

    /// The calendar day the session belongs to (the local date of its start).
    pub fn date(&self) -> NaiveDate {
        self.start.date()
    }

    /// Pain before minus pain after, when both were rated.
    pub fn immediate_relief(&self) -> Option<i8> {
        let before = i8::try_from(self.pain_before?.get()).ok()?;
        let after = i8::try_from(self.pain_after?.get()).ok()?;
        Some(before - after)
    }

    /// Keep the start to the minute, trim text fields and drop an empty therapist name, so equal
    /// input gives equal records.
    pub fn normalize(&mut self) {
        self.start = self.start.date().and_time(to_the_minute(self.start.time()));
        self.therapist = self
            .therapist
            .take()
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty());
        if let SessionKind::Other(name) = &mut self.kind {
            *name = name.trim().to_owned();
        }
        let note = self.note.trim_end();
        if note.len() != self.note.len() {
            self.note = note.to_owned();
        }
    }

    /// A problem the types cannot rule out, in words, or `None` when the session is sound.
    pub fn problem(&self) -> Option<String> {
        (self.id.0 > MAX_SESSION_ID).then(|| {
            format!(
                "the id {} is too large (the largest is {MAX_SESSION_ID})",
                self.id
            )
        })
    }
}

/// The session start as `"YYYY-MM-DDTHH:MM"` (seconds are accepted when reading).
mod start_format {
    use chrono::NaiveDateTime;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        start: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&start.format(super::START_FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDateTime, D::Error> {
        deserializer.deserialize_str(crate::model::TextVisitor {
            expecting: "a session start written \"YYYY-MM-DDTHH:MM\"",
            parse: |text| {
                super::parse_start(text).ok_or_else(|| {
                    format!("a session start is written \"YYYY-MM-DDTHH:MM\", found \"{text}\"")
                })
            },
        })
    }
}

/// How a session start is written in the journal and in JSON.
pub const START_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// Parse a start as `YYYY-MM-DDTHH:MM`, `YYYY-MM-DD HH:MM`, or either with seconds. A start is
/// kept to the minute (as the journal writes it), so seconds typed are dropped here, not at the
/// next save.
pub fn parse_start(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    let date = super::parse_date(text.get(..10)?)?;
    let time = text.get(10..)?.strip_prefix(['T', ' '])?.trim_start();
    let time = ["%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|format| chrono::NaiveTime::parse_from_str(time, format).ok())?;
    Some(date.and_time(to_the_minute(time)))
}

fn to_the_minute(time: chrono::NaiveTime) -> chrono::NaiveTime {
    use chrono::Timelike as _;
    chrono::NaiveTime::from_hms_opt(time.hour(), time.minute(), 0).unwrap_or(time)
}

/// The largest session id accepted: ids stay exact in JSON and in every script that reads it.
pub const MAX_SESSION_ID: u64 = (1 << 53) - 1;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_refuse_zero_negative_and_absurd() {
        assert_eq!(Minutes::parse("60").map(Minutes::get), Ok(60));
        assert!(matches!(
            Minutes::parse("0"),
            Err(MinutesError::OutOfRange { found: 0 })
        ));
        assert!(matches!(
            Minutes::parse("-30"),
            Err(MinutesError::OutOfRange { found: -30 })
        ));
        assert!(matches!(
            Minutes::parse("481"),
            Err(MinutesError::OutOfRange { .. })
        ));
        assert!(matches!(
            Minutes::parse("1h"),
            Err(MinutesError::NotANumber(_))
        ));
    }

    #[test]
    fn parses_starts() {
        let expected = NaiveDate::from_ymd_opt(2026, 3, 4).and_then(|d| d.and_hms_opt(17, 30, 0));
        assert_eq!(parse_start("2026-03-04 17:30"), expected);
        assert_eq!(parse_start("2026-03-04T17:30"), expected);
        assert_eq!(parse_start("2026-03-04T17:30:00"), expected);
        assert_eq!(parse_start("2026-03-04"), None);
        assert_eq!(parse_start("2026-02-30 10:00"), None);
    }

    #[test]
    fn immediate_relief_needs_both_ratings() {
        let start = parse_start("2026-03-04 17:30").unwrap();
        let mut session = Session::new(start, SessionKind::Swedish, Minutes::new(60).unwrap());
        assert_eq!(session.immediate_relief(), None);
        session.pain_before = Score::new(6).ok();
        assert_eq!(session.immediate_relief(), None);
        session.pain_after = Score::new(3).ok();
        assert_eq!(session.immediate_relief(), Some(3));
        session.pain_after = Score::new(8).ok();
        assert_eq!(session.immediate_relief(), Some(-2));
    }
}
