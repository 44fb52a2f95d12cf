//! The journal's types and their rules: days, sessions, scores, regions, money.
//!
//! Pure data with serde; no file access and no egui. Types refuse values they cannot hold
//! (a [`Score`] of 11, a session of 0 minutes), so the rest of the program need not check.

mod day;
mod journal;
mod merge;
mod metric;
mod money;
mod region;
mod score;
mod session;

pub use day::Day;
pub use journal::{FutureDate, Journal, JournalError, check_not_future};
pub use merge::{Conflict, Keep, Merged, merge};
pub use metric::Metric;
pub use money::{Amount, Cost, Currency, MoneyError};
pub use region::{KindChoice, Pressure, Region, SessionKind};
pub use score::{Score, ScoreError};
pub use session::{
    MAX_SESSION_ID, Minutes, MinutesError, START_FORMAT, Session, SessionId, parse_start,
};

/// The earliest year painlog accepts in a date.
pub const FIRST_YEAR: i32 = 1900;

/// Parse a date typed as `YYYY-MM-DD` (four-digit year from [`FIRST_YEAR`], a date that exists).
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit());
    if !shaped {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..].parse().ok()?;
    if year < FIRST_YEAR {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

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
