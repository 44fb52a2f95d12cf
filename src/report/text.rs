//! How numbers and dates read in a report (shared by the PDF, the Markdown and the window's
//! preview): averages with one decimal, changes with their sign, dates in full.

use chrono::NaiveDate;

/// An average with one decimal ("5.3"), or "–".
pub fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

/// A change with its sign and one decimal ("+0.4", "-1.2", "0.0"), or "–".
pub fn change(value: Option<f64>) -> String {
    match value {
        None => "–".to_owned(),
        Some(v) if v.abs() < 0.05 => "0.0".to_owned(),
        Some(v) => format!("{v:+.1}"),
    }
}

/// "Mon 1 Sep 2026".
pub fn date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "1 Sep 2026".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// "1 day", "2 days".
pub fn days(n: usize) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// How the immediate relief reads: "2 lower", "unchanged", "1 higher", or "–".
pub fn relief(relief: Option<i8>) -> String {
    match relief {
        None => "–".to_owned(),
        Some(0) => "unchanged".to_owned(),
        Some(r) if r > 0 => format!("{r} lower"),
        Some(r) => format!("{} higher", -r),
    }
}

/// Before → after, "not enough data" where a side lacks it.
pub fn before_after(before: Option<f64>, after: Option<f64>) -> String {
    match (before, after) {
        (Some(b), Some(a)) => format!("{b:.1} → {a:.1}"),
        (Some(b), None) => format!("{b:.1} → not enough data"),
        (None, Some(a)) => format!("not enough data → {a:.1}"),
        (None, None) => "not enough data".to_owned(),
    }
}

/// Said on every page of every report.
pub const SELF_REPORTED: &str = "Self-reported by the patient; not a diagnosis.";
