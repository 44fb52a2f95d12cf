//! The journal's types and their rules: days, sessions, scores, regions, money.
//!
//! Pure data with serde; no file access and no egui. Types refuse values they cannot hold
//! (a [`Score`] of 11, a session of 0 minutes), so the rest of the program need not check.

mod day;
mod journal;
mod metric;
mod money;
mod region;
mod score;
mod session;

pub use day::Day;
pub use journal::{FutureDate, Journal, JournalError, check_not_future};
pub use metric::Metric;
pub use money::{Amount, Cost, Currency, MoneyError};
pub use region::{KindChoice, Pressure, Region, SessionKind};
pub use score::{Score, ScoreError};
pub use session::{Minutes, MinutesError, START_FORMAT, Session, SessionId, parse_start};

/// Parse a date typed as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests;
