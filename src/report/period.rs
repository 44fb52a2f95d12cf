//! Which days a report covers, and a period that cannot be reported on.

use chrono::{Days, NaiveDate};

use crate::analysis::DayRange;
use crate::model::Journal;

/// Which days a report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// From the first to the last date of the journal.
    Everything,
    /// From the day of the last session to today.
    SinceLastSession,
    /// The last N days up to today.
    LastDays(u32),
    /// From and to, both included.
    Between(NaiveDate, NaiveDate),
}

/// A period that cannot be reported on, in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// From after to.
    #[error("the period starts ({from}) after it ends ({to})")]
    Backwards {
        /// Start.
        from: NaiveDate,
        /// End.
        to: NaiveDate,
    },
    /// No session to start from.
    #[error("there is no session yet, so there is no \"since the last session\"")]
    NoSession,
}

impl Period {
    /// The days of the period for `journal`, with `today` as the end of open periods.
    pub fn resolve(self, journal: &Journal, today: NaiveDate) -> Result<DayRange, PeriodError> {
        let range = match self {
            Self::Everything => journal
                .date_span()
                .map_or(DayRange::new(today, today), |(first, last)| {
                    DayRange::new(first, last.max(first))
                }),
            Self::SinceLastSession => {
                let last = journal
                    .sessions()
                    .iter()
                    .rev()
                    .find(|s| s.date() <= today)
                    .ok_or(PeriodError::NoSession)?;
                DayRange::new(last.date(), today)
            }
            Self::LastDays(days) => DayRange::new(
                today
                    .checked_sub_days(Days::new(u64::from(days.max(1) - 1)))
                    .unwrap_or(today),
                today,
            ),
            Self::Between(from, to) => DayRange::new(from, to),
        };
        if range.is_empty() {
            return Err(PeriodError::Backwards {
                from: range.from,
                to: range.to,
            });
        }
        Ok(range)
    }
}
