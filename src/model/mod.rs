//! The journal's types and their rules: days, sessions, scores, regions, money.
//!
//! Pure data with serde; no file access and no egui. Types refuse values they cannot hold
//! (a [`Score`] of 11, a session of 0 minutes), so the rest of the program need not check.

mod body;
mod care;
mod day;
mod journal;
mod lists;
mod merge;
mod metric;
mod money;
mod region;
mod score;
mod session;
mod therapist;

pub use body::{
    BodyMap, Compact, Side, Spot, compact, compact_set, map_to_text, parse_map_text,
    parse_set_text, parse_spot_value, region_names_help, regions_map, regions_set, set_to_text,
};
pub use care::{
    CareKind, CareVisit, Exercise, ItemId, MAX_PER_WEEK, Measure, Medication, Worse,
    check_item_name,
};
pub use day::Day;

pub use journal::{
    FutureDate, FutureStart, Journal, JournalError, check_not_future, check_start_not_future,
};
pub use lists::CareLists;
pub use merge::{Conflict, Keep, Merged, merge};
pub use metric::{Metric, OwnMetric};
pub use money::{Amount, Cost, Currency, MoneyError};
pub use region::{KindChoice, Pressure, Region, SessionKind};
pub use score::{Score, ScoreError};
pub use session::{
    MAX_SESSION_ID, Minutes, MinutesError, START_FORMAT, Session, SessionId, parse_start,
};
pub use therapist::{MAX_ADDRESS_CHARS, Therapist};

/// The longest name painlog takes (a therapist, a kind of session, the name on a report), in
/// characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest note painlog takes (a day's, a session's), in characters: about two pages.
pub const MAX_NOTE_CHARS: usize = 5000;
/// The longest message to the therapist on a report, in characters.
pub const MAX_MESSAGE_CHARS: usize = 1000;

/// Check a text typed for `what` ("Note", "--therapist"): at most `max` characters, and no
/// control characters (a note, `multiline`, may hold line breaks and tabs). Says what is wrong
/// and how to fix it.
pub fn check_text(what: &str, text: &str, max: usize, multiline: bool) -> Result<(), String> {
    let length = text.chars().count();
    if length > max {
        return Err(format!(
            "{what} is {length} characters long; at most {max} fit, so shorten it by {}",
            length - max
        ));
    }
    if let Some(bidi) = text.chars().find(|c| BIDI_CONTROLS.contains(c)) {
        return Err(format!(
            "{what} holds the invisible direction control U+{:04X}, which can make text show in \
             another order than it is written; remove it",
            u32::from(bidi)
        ));
    }
    if let Some(control) = text
        .chars()
        .find(|&c| c.is_control() && !(multiline && matches!(c, '\n' | '\t' | '\r')))
    {
        let name = match control {
            '\n' | '\r' => "a line break".to_owned(),
            '\t' => "a tab".to_owned(),
            other => format!("the control character U+{:04X}", u32::from(other)),
        };
        return Err(format!(
            "{what} holds {name}, which cannot be kept here; remove it"
        ));
    }
    Ok(())
}

/// The Unicode controls that override or isolate the direction of text (U+202A–U+202E,
/// U+2066–U+2069): invisible, and able to make a note or name display in another order than it
/// is stored. Marks (U+200E, U+200F) that right-to-left scripts use are fine.
pub const BIDI_CONTROLS: [char; 9] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

/// The earliest year painlog accepts in a date.
pub const FIRST_YEAR: i32 = 1900;

/// Parse a date typed as `YYYY-MM-DD` (four-digit year from [`FIRST_YEAR`], a date that exists).
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    read_date(text).ok()
}

/// Why a text is not a date painlog accepts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not shaped `YYYY-MM-DD`.
    #[error("\"{0}\" is not a date written YYYY-MM-DD")]
    Shape(String),
    /// Before [`FIRST_YEAR`].
    #[error("{0} is before {FIRST_YEAR}; painlog keeps dates from {FIRST_YEAR}-01-01 on")]
    TooEarly(String),
    /// A month outside 01–12.
    #[error("{text} has no month {month:02}; months are 01 to 12")]
    NoSuchMonth {
        /// The date as typed.
        text: String,
        /// The month.
        month: u32,
    },
    /// A day the month does not have.
    #[error("{text} does not exist: {month_name} {year} has {days} days")]
    NoSuchDay {
        /// The date as typed.
        text: String,
        /// The month's name.
        month_name: &'static str,
        /// The year.
        year: i32,
        /// How many days the month has.
        days: u32,
    },
}

/// Parse a date typed as `YYYY-MM-DD`, or say exactly what is wrong with it.
pub fn read_date(text: &str) -> Result<chrono::NaiveDate, DateError> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
    let numbers = || -> Option<(i32, u32, u32)> {
        Some((
            text[..4].parse().ok()?,
            text[5..7].parse().ok()?,
            text[8..].parse().ok()?,
        ))
    };
    let Some((year, month, day)) = shaped.then(numbers).flatten() else {
        return Err(DateError::Shape(text.to_owned()));
    };
    if year < FIRST_YEAR {
        return Err(DateError::TooEarly(text.to_owned()));
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth {
            text: text.to_owned(),
            month,
        });
    }
    chrono::NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let first = chrono::NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
        DateError::NoSuchDay {
            text: text.to_owned(),
            month_name: MONTHS[month as usize - 1],
            year,
            days: u32::from(chrono::Datelike::num_days_in_month(&first)),
        }
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Reads a value from a string without copying it when the input allows (RON strings without
/// escapes are borrowed), so a long journal loads without an allocation per date.
pub(crate) struct TextVisitor<T> {
    /// What was expected, for error messages.
    pub(crate) expecting: &'static str,
    /// Turns the text into the value, or says what is wrong.
    pub(crate) parse: fn(&str) -> Result<T, String>,
}

impl<T> serde::de::Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests;
