//! A 0–10 rating that cannot hold anything else.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A whole-number rating from 0 to 10, as on the Numeric Rating Scale.
///
/// "Not logged" is `Option<Score>::None`, which is different from `Score(0)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

/// Why a text or number is not a [`Score`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    /// A number outside 0–10.
    #[error("a score must be a whole number from 0 to 10, found {0}")]
    OutOfRange(i64),
    /// Text that is not a whole number at all.
    #[error("a score must be a whole number from 0 to 10, found \"{0}\"")]
    NotANumber(String),
}

impl Score {
    /// The lowest score.
    pub const MIN: Self = Self(0);
    /// The highest score.
    pub const MAX: Self = Self(10);

    /// A score from a number, refusing anything outside 0–10.
    pub fn new(value: u8) -> Result<Self, ScoreError> {
        if value <= Self::MAX.0 {
            Ok(Self(value))
        } else {
            Err(ScoreError::OutOfRange(i64::from(value)))
        }
    }

    /// The number, 0–10.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The number as `f64`, for means and charts.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0)
    }

    /// Every score from 0 to 10, in order.
    pub fn all() -> impl Iterator<Item = Self> {
        (0..=Self::MAX.0).map(Self)
    }

    /// Parse typed text: empty (or only spaces) means "not logged".
    pub fn parse_optional(text: &str) -> Result<Option<Self>, ScoreError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<i64>() {
            Ok(number) => u8::try_from(number)
                .ok()
                .and_then(|n| Self::new(n).ok())
                .map(Some)
                .ok_or(ScoreError::OutOfRange(number)),
            Err(_) => Err(ScoreError::NotANumber(text.to_owned())),
        }
    }
}

impl TryFrom<u8> for Score {
    type Error = ScoreError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> Self {
        score.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_zero_to_ten_only() {
        assert_eq!(Score::new(0).map(Score::get), Ok(0));
        assert_eq!(Score::new(10).map(Score::get), Ok(10));
        assert_eq!(Score::new(11), Err(ScoreError::OutOfRange(11)));
        assert_eq!(Score::all().count(), 11);
    }

    #[test]
    fn parses_typed_text() {
        assert_eq!(Score::parse_optional(""), Ok(None));
        assert_eq!(Score::parse_optional("  "), Ok(None));
        assert_eq!(Score::parse_optional(" 7 "), Ok(Some(Score(7))));
        assert_eq!(Score::parse_optional("0"), Ok(Some(Score(0))));
        assert_eq!(Score::parse_optional("11"), Err(ScoreError::OutOfRange(11)));
        assert_eq!(Score::parse_optional("-1"), Err(ScoreError::OutOfRange(-1)));
        assert!(matches!(
            Score::parse_optional("4.5"),
            Err(ScoreError::NotANumber(_))
        ));
        assert!(matches!(
            Score::parse_optional("high"),
            Err(ScoreError::NotANumber(_))
        ));
    }

    #[test]
    fn refuses_out_of_range_when_deserialized() {
        let error = ron::from_str::<Score>("11").unwrap_err();
        assert!(error.to_string().contains("0 to 10"), "{error}");
        assert_eq!(ron::from_str::<Score>("4").unwrap(), Score(4));
    }
}
