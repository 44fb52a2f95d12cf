//! The patterns in words, the same in the window, on the command line and in the report: a
//! pattern is named only when its interval excludes 0, always with the reminder that going
//! together is not causing.

use crate::analysis::compare::MIN_EACH;
use crate::analysis::patterns::{
    AnyPattern, Factor, FactorKind, FactorPattern, MIN_PAIRS, MeasurePattern, PatternVerdict,
    Patterns,
};
use crate::model::{KindChoice, Metric};

use super::wording::{kind_in_sentence, metric_name};

/// Said with every pattern.
pub const CAUTION: &str = "Goes together with, which does not mean it causes.";

/// What the patterns are, in a paragraph.
pub const METHOD: &str = "Each measure against the chosen one the same day and the next (Pearson's r, with a 95% interval by Fisher's z; from 10 days), and each thing that happened: its mean on days with it against days without (the difference with Welch's 95% interval; from 3 days on each side). A pattern is named only when its interval leaves out 0. Nothing is left out for being unwelcome.";

/// "the same day" or "the next day".
pub fn lag_words(lag: u8) -> &'static str {
    if lag == 0 {
        "the same day"
    } else {
        "the next day"
    }
}

/// A measure as the subject of a sentence: "stress", "sleep quality (the night before)".
pub fn measure_subject(measure: Metric) -> String {
    match measure {
        Metric::Sleep => "sleep quality (the night before)".to_owned(),
        other => metric_name(other),
    }
}

/// The days of a factor: "days you took Ibuprofen", "days with a deep tissue session".
pub fn factor_days(factor: &Factor) -> String {
    let name = factor.name.as_str();
    match factor.kind {
        FactorKind::Medication => format!("days you took {name}"),
        FactorKind::Exercise => format!("days you did {name}"),
        FactorKind::Care => format!("days with {} visit", article(&name.to_lowercase())),
        FactorKind::SessionKind => match KindChoice::ALL.into_iter().find(|k| k.label() == name) {
            Some(KindChoice::Other) => "days with a session of another kind".to_owned(),
            Some(kind) => format!("days with {} session", article(kind_in_sentence(kind))),
            None => format!("days with {} session", article(&name.to_lowercase())),
        },
        FactorKind::Region => format!("days your {} hurt", name.to_lowercase()),
    }
}

/// "a physiotherapy", "an other care".
fn article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiou".contains(c.to_ascii_lowercase()));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// The first letter upper case.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A number with two decimals and a real minus sign: "0.41", "−0.32".
pub fn two_decimals(value: f64) -> String {
    let text = format!("{value:.2}");
    match text.strip_prefix('-') {
        Some(rest) if rest.trim_matches(['0', '.']).is_empty() => rest.to_owned(),
        Some(rest) => format!("−{rest}"),
        None => text,
    }
}

fn days(n: usize) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// A measure's pattern in a sentence, e.g. "Higher stress went with higher pain the same day
/// (r = 0.41, 95% interval 0.35 to 0.47; 812 days)."
pub fn measure_sentence(pattern: &MeasurePattern, metric: Metric) -> String {
    let subject = measure_subject(pattern.measure);
    let name = metric_name(metric);
    let when = lag_words(pattern.lag);
    let numbers = match (pattern.r, pattern.ci95) {
        (Some(r), Some((low, high))) => format!(
            "r = {}, 95% interval {} to {}; {}",
            two_decimals(r),
            two_decimals(low),
            two_decimals(high),
            days(pattern.n)
        ),
        _ => days(pattern.n),
    };
    match pattern.verdict {
        PatternVerdict::GoesWithHigher | PatternVerdict::GoesWithLower => format!(
            "Higher {subject} went with {} {name} {when} ({numbers}).",
            higher_or_lower(pattern.verdict)
        ),
        PatternVerdict::NoClearPattern if pattern.r.is_none() => format!(
            "{} and {name} {when}: no clear pattern ({} or {name} did not vary over {}).",
            capitalized(&subject),
            subject,
            days(pattern.n)
        ),
        PatternVerdict::NoClearPattern => format!(
            "{} and {name} {when}: no clear pattern ({numbers}).",
            capitalized(&subject)
        ),
        PatternVerdict::NotEnoughData => format!(
            "{} and {name} {when}: not enough days yet ({} of {MIN_PAIRS}).",
            capitalized(&subject),
            pattern.n
        ),
    }
}

fn higher_or_lower(verdict: PatternVerdict) -> &'static str {
    if verdict == PatternVerdict::GoesWithLower {
        "lower"
    } else {
        "higher"
    }
}

/// A factor's pattern in a sentence, e.g. "Days you took Ibuprofen went with higher pain the
/// same day: 6.3 against 3.8 on other days (2.5 higher, 95% interval 0.6 to 4.4 higher; 4
/// days with, 8 without)."
pub fn factor_sentence(pattern: &FactorPattern, metric: Metric) -> String {
    let subject = capitalized(&factor_days(&pattern.factor));
    let name = metric_name(metric);
    let when = lag_words(pattern.lag);
    let c = &pattern.compared;
    let counts = format!("{} with, {} without", days(c.sessions), c.baseline);
    let means = match (c.session_mean, c.baseline_mean) {
        (Some(with), Some(without)) => format!("{with:.1} against {without:.1} on other days"),
        _ => String::new(),
    };
    let interval = interval_words(c.ci95);
    match pattern.verdict {
        PatternVerdict::GoesWithHigher | PatternVerdict::GoesWithLower => format!(
            "{subject} went with {} {name} {when}: {means} ({}, 95% interval {interval}; {counts}).{}",
            higher_or_lower(pattern.verdict),
            super::wording::change(c.difference),
            if pattern.factor.kind == FactorKind::Medication {
                " A medication taken because a day is bad goes with bad days for that reason alone."
            } else {
                ""
            }
        ),
        PatternVerdict::NoClearPattern => format!(
            "{subject}: {name} {when} about as on other days, no clear pattern ({means}; 95% interval {interval}; {counts})."
        ),
        PatternVerdict::NotEnoughData => {
            format!("{subject}: not enough days yet ({counts}; {MIN_EACH} of each needed).")
        }
    }
}

/// A difference's interval in words, the sign said once ("0.6 to 4.4 higher"), with two
/// decimals where one would read 0.0 and hide which side of no difference an end lies on.
fn interval_words(ci95: Option<(f64, f64)>) -> String {
    match ci95 {
        Some((low, high)) if low.abs() < 0.05 || high.abs() < 0.05 => {
            let plain = |v: f64| format!("{:.2}", v.abs());
            if high < 0.0 {
                format!("{} to {} lower", plain(high), plain(low))
            } else if low > 0.0 {
                format!("{} to {} higher", plain(low), plain(high))
            } else {
                format!("{} lower to {} higher", plain(low), plain(high))
            }
        }
        other => super::wording::change_interval(other),
    }
}

/// Every pattern of `found` with `verdict` in a sentence: the measures, then the factors.
pub fn sentences_of(found: &Patterns, verdict: PatternVerdict) -> Vec<String> {
    let metric = found.metric;
    let measures = found
        .measures
        .iter()
        .filter(|p| p.verdict == verdict)
        .map(|p| measure_sentence(p, metric));
    let factors = found
        .factors
        .iter()
        .filter(|p| p.verdict == verdict)
        .map(|p| factor_sentence(p, metric));
    measures.chain(factors).collect()
}

/// Either kind of pattern in a sentence.
pub fn sentence(pattern: AnyPattern<'_>, metric: Metric) -> String {
    match pattern {
        AnyPattern::Measure(p) => measure_sentence(p, metric),
        AnyPattern::Factor(p) => factor_sentence(p, metric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_with_a_real_minus_and_no_negative_zero() {
        assert_eq!(two_decimals(-0.321), "−0.32");
        assert_eq!(two_decimals(0.414), "0.41");
        assert_eq!(two_decimals(-0.001), "0.00");
        assert_eq!(capitalized("days you did cat-cow"), "Days you did cat-cow");
    }

    #[test]
    fn an_interval_end_near_no_difference_keeps_its_side() {
        assert_eq!(interval_words(Some((-2.8, -0.04))), "0.04 to 2.80 lower");
        assert_eq!(
            interval_words(Some((-0.035, 0.5))),
            "0.04 lower to 0.50 higher"
        );
        assert_eq!(interval_words(Some((0.6, 4.4))), "0.6 to 4.4 higher");
    }

    #[test]
    fn factors_are_named_as_days() {
        let factor = |kind, name: &str| Factor {
            kind,
            name: name.to_owned(),
        };
        assert_eq!(
            factor_days(&factor(FactorKind::SessionKind, "Deep tissue")),
            "days with a deep tissue session"
        );
        assert_eq!(
            factor_days(&factor(FactorKind::SessionKind, "Swedish")),
            "days with a Swedish session"
        );
        assert_eq!(
            factor_days(&factor(FactorKind::SessionKind, "Other")),
            "days with a session of another kind"
        );
        assert_eq!(
            factor_days(&factor(FactorKind::Care, "Other care")),
            "days with an other care visit"
        );
        assert_eq!(
            factor_days(&factor(FactorKind::Region, "Lower back")),
            "days your lower back hurt"
        );
    }
}
