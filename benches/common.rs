//! The journals every benchmark uses: one year and twenty years, generated with a fixed seed.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use painlog::demo::{DemoSpec, generate};
use painlog::model::Journal;

/// The last day of the generated journals (fixed, so every run measures the same data).
pub fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// One year with 20 sessions.
pub fn one_year() -> Journal {
    generate(DemoSpec {
        years: 1,
        sessions: 20,
        seed: 1,
        end: end(),
    })
}

/// Twenty years (about 7,300 days, a few hundred unlogged) with 1,000 sessions.
pub fn twenty_years() -> Journal {
    generate(DemoSpec {
        years: 20,
        sessions: 1000,
        seed: 1,
        end: end(),
    })
}
