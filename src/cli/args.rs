//! Parsers for command-line values. Each error names what is allowed, and clap prefixes it
//! with the argument it was given for.

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{
    Amount, Currency, KindChoice, Minutes, Pressure, Region, Score, check_not_future, parse_date,
    parse_start,
};

/// Today's local date.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A score given on the command line: a value, or `none` to clear it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreArg {
    /// Set to this score.
    Set(Score),
    /// Clear back to "not logged".
    Clear,
}

impl ScoreArg {
    /// The value to store.
    pub fn value(self) -> Option<Score> {
        match self {
            Self::Set(score) => Some(score),
            Self::Clear => None,
        }
    }
}

/// `0`–`10`, or `none` to clear.
pub fn score(text: &str) -> Result<ScoreArg, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(ScoreArg::Clear);
    }
    match Score::parse_optional(text) {
        Ok(Some(score)) => Ok(ScoreArg::Set(score)),
        _ => Err(format!(
            "must be a whole number from 0 to 10 (or `none` to clear it), not \"{text}\""
        )),
    }
}

/// `0`–`10` (no clearing: for a new session).
pub fn session_score(text: &str) -> Result<Score, String> {
    match Score::parse_optional(text) {
        Ok(Some(score)) => Ok(score),
        _ => Err(format!(
            "must be a whole number from 0 to 10, not \"{text}\""
        )),
    }
}

/// A past or present date as `YYYY-MM-DD`.
pub fn past_date(text: &str) -> Result<NaiveDate, String> {
    let date = parse_date(text).ok_or_else(|| {
        format!("\"{text}\" is not a date; write YYYY-MM-DD, for example 2026-03-14")
    })?;
    check_not_future(date, today()).map_err(|error| error.to_string())
}

/// A past or present start as `YYYY-MM-DD HH:MM`.
pub fn past_start(text: &str) -> Result<NaiveDateTime, String> {
    let start = parse_start(text).ok_or_else(|| {
        format!(
            "\"{text}\" is not a date and time; write \"YYYY-MM-DD HH:MM\", for example \"2026-03-14 17:30\""
        )
    })?;
    check_not_future(start.date(), today()).map_err(|error| error.to_string())?;
    Ok(start)
}

fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> String {
    all.iter()
        .map(|&item| name(item))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A region by its command-line name.
pub fn region(text: &str) -> Result<Region, String> {
    Region::from_cli_name(text).ok_or_else(|| {
        format!(
            "unknown region \"{text}\"; use one of: {}",
            names(&Region::ALL, Region::cli_name)
        )
    })
}

/// A kind by its command-line name.
pub fn kind(text: &str) -> Result<KindChoice, String> {
    KindChoice::from_cli_name(text).ok_or_else(|| {
        format!(
            "unknown kind \"{text}\"; use one of: {} (with `other`, name it with --kind-name)",
            names(&KindChoice::ALL, KindChoice::cli_name)
        )
    })
}

/// A pressure by its command-line name.
pub fn pressure(text: &str) -> Result<Pressure, String> {
    Pressure::from_cli_name(text).ok_or_else(|| {
        format!(
            "unknown pressure \"{text}\"; use one of: {}",
            names(&Pressure::ALL, Pressure::cli_name)
        )
    })
}

/// Minutes, 1 to 480.
pub fn minutes(text: &str) -> Result<Minutes, String> {
    Minutes::parse(text).map_err(|error| error.to_string())
}

/// A cost such as `60` or `59.50`, not negative.
pub fn amount(text: &str) -> Result<Amount, String> {
    Amount::parse(text).map_err(|error| error.to_string())
}

/// A three-letter currency code.
pub fn currency(text: &str) -> Result<Currency, String> {
    Currency::parse(text).map_err(|error| error.to_string())
}

/// Free text for a therapist or kind name: not empty.
pub fn name(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err("must not be empty".to_owned())
    } else {
        Ok(trimmed.to_owned())
    }
}

/// A metric by name: `pain`, `worst-pain` (or `worst_pain`, `worst`), `stiffness`, `sleep`,
/// `stress`.
pub fn metric(text: &str) -> Result<crate::model::Metric, String> {
    let wanted = text.trim().to_lowercase().replace('-', "_");
    crate::model::Metric::ALL
        .into_iter()
        .find(|metric| {
            metric.key() == wanted || (wanted == "worst" && metric.key() == "worst_pain")
        })
        .ok_or_else(|| {
            format!(
                "unknown metric \"{text}\"; use one of: pain, worst-pain, stiffness, sleep, stress"
            )
        })
}

/// Any real date as `YYYY-MM-DD` (for report periods, which may end in the future).
pub fn any_date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).ok_or_else(|| {
        format!("\"{text}\" is not a date; write YYYY-MM-DD, for example 2026-03-14")
    })
}

/// `a4` or `letter`.
pub fn paper(text: &str) -> Result<crate::report::pdf::Paper, String> {
    crate::report::pdf::Paper::from_cli_name(text)
        .ok_or_else(|| format!("unknown paper \"{text}\"; use a4 or letter"))
}
