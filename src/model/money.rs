//! What a session cost: an exact amount and its currency.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A non-negative amount of money in hundredths (cents), written as `"60.00"` in the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Amount {
    cents: u64,
}

/// Why a text is not an [`Amount`] or a [`Currency`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Below zero.
    #[error("a cost cannot be negative, found \"{0}\"")]
    Negative(String),
    /// Not a decimal number with at most two decimals.
    #[error("a cost is a number with at most two decimals, like 60 or 59.50, found \"{0}\"")]
    NotAnAmount(String),
    /// More than anyone pays for a massage; almost certainly a typing slip.
    #[error("a cost above {max} is not plausible for one session, found \"{found}\"")]
    TooLarge {
        /// What was typed.
        found: String,
        /// The largest amount accepted.
        max: u64,
    },
    /// Not three letters.
    #[error("a currency is a three-letter code such as USD, EUR or GBP, found \"{0}\"")]
    NotACurrency(String),
}

impl Amount {
    /// The largest amount accepted for one session, in whole units.
    pub const MAX_UNITS: u64 = 1_000_000;

    /// An amount from hundredths.
    pub fn from_cents(cents: u64) -> Self {
        Self { cents }
    }

    /// The amount in hundredths.
    pub fn cents(self) -> u64 {
        self.cents
    }

    /// The amount as a number, for averages.
    #[expect(
        clippy::cast_precision_loss,
        reason = "amounts stay far below 2^52 cents"
    )]
    pub fn as_f64(self) -> f64 {
        self.cents as f64 / 100.0
    }

    /// Parse "60", "59.5", "59.50" or "59,50" (a decimal comma is accepted too).
    pub fn parse(text: &str) -> Result<Self, MoneyError> {
        let trimmed = text.trim();
        if trimmed.starts_with('-') {
            return Err(MoneyError::Negative(trimmed.to_owned()));
        }
        let not_an_amount = || MoneyError::NotAnAmount(trimmed.to_owned());
        let normalized = trimmed.replace(',', ".");
        let (whole, fraction) = normalized
            .split_once('.')
            .unwrap_or((normalized.as_str(), ""));
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() && fraction.is_empty()
            || !all_digits(whole)
            || !all_digits(fraction)
            || fraction.len() > 2
            || whole.len() > 9
        {
            return Err(not_an_amount());
        }
        let whole_units: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| not_an_amount())?
        };
        let fraction_cents: u64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<u64>().map_err(|_| not_an_amount())? * 10,
            _ => fraction.parse().map_err(|_| not_an_amount())?,
        };
        if whole_units > Self::MAX_UNITS {
            return Err(MoneyError::TooLarge {
                found: trimmed.to_owned(),
                max: Self::MAX_UNITS,
            });
        }
        Ok(Self {
            cents: whole_units * 100 + fraction_cents,
        })
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.cents / 100, self.cents % 100)
    }
}

impl TryFrom<String> for Amount {
    type Error = MoneyError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<Amount> for String {
    fn from(amount: Amount) -> Self {
        amount.to_string()
    }
}

/// A three-letter currency code such as `USD`, stored upper-case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    /// Parse a code; lower-case is accepted and stored upper-case.
    pub fn parse(text: &str) -> Result<Self, MoneyError> {
        let trimmed = text.trim();
        match trimmed.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|byte| byte.is_ascii_alphabetic()) => Ok(Self([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => Err(MoneyError::NotACurrency(trimmed.to_owned())),
        }
    }

    /// The code, e.g. `"EUR"`.
    pub fn code(&self) -> &str {
        // Only ASCII letters are ever stored, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Currency {
    type Error = MoneyError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<Currency> for String {
    fn from(currency: Currency) -> Self {
        currency.code().to_owned()
    }
}

/// What one session cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// The amount paid.
    pub amount: Amount,
    /// Its currency.
    pub currency: Currency,
}

impl fmt::Display for Cost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_amounts() {
        assert_eq!(Amount::parse("60").map(Amount::cents), Ok(6000));
        assert_eq!(Amount::parse("59.5").map(Amount::cents), Ok(5950));
        assert_eq!(Amount::parse("59,05").map(Amount::cents), Ok(5905));
        assert_eq!(Amount::parse(".5").map(Amount::cents), Ok(50));
        assert_eq!(Amount::parse("0").map(Amount::cents), Ok(0));
        assert!(matches!(Amount::parse("-5"), Err(MoneyError::Negative(_))));
        assert!(matches!(
            Amount::parse("5.123"),
            Err(MoneyError::NotAnAmount(_))
        ));
        assert!(matches!(
            Amount::parse("ten"),
            Err(MoneyError::NotAnAmount(_))
        ));
        assert!(matches!(Amount::parse(""), Err(MoneyError::NotAnAmount(_))));
        assert!(matches!(
            Amount::parse("."),
            Err(MoneyError::NotAnAmount(_))
        ));
        assert!(matches!(
            Amount::parse("2000000"),
            Err(MoneyError::TooLarge { .. })
        ));
        assert_eq!(Amount::from_cents(6005).to_string(), "60.05");
    }

    #[test]
    fn parses_currencies() {
        assert_eq!(
            Currency::parse(" eur ").map(|c| c.to_string()),
            Ok("EUR".into())
        );
        assert!(Currency::parse("EURO").is_err());
        assert!(Currency::parse("€").is_err());
        assert!(Currency::parse("U5D").is_err());
    }
}
