//! How numbers and dates read in a report (shared by the PDF, the Markdown and the window's
//! preview): averages with one decimal, changes with their sign, dates in full.

use chrono::{NaiveDate, NaiveDateTime};

/// What stands where there is no value: "–".
pub const NONE: &str = "–";

/// The text, or "–" when there is none.
pub fn or_none(text: Option<&str>) -> String {
    text.unwrap_or(NONE).to_owned()
}

/// An average with one decimal ("5.3"), or "–".
pub fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| NONE.to_owned(), |v| format!("{v:.1}"))
}

/// A change in words, the sign said once ("1.4 lower", "0.4 higher", "unchanged"), or "–".
pub fn change(value: Option<f64>) -> String {
    value.map_or_else(|| NONE.to_owned(), |v| super::wording::change(Some(v)))
}

/// A change with its sign and one decimal ("+0.4", "-1.2", "0.0"), or "–": for a chart's
/// numbers, read against its axis.
pub fn signed_change(value: Option<f64>) -> String {
    value.map_or_else(|| NONE.to_owned(), signed)
}

/// A number with its sign and one decimal ("+0.4", "-1.2"), "0.0" for what rounds to zero (never
/// "-0.0" nor "+0.0").
fn signed(value: f64) -> String {
    if value.abs() < 0.05 {
        "0.0".to_owned()
    } else {
        format!("{value:+.1}")
    }
}

/// "Mon 1 Sep 2026".
pub fn date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// "Monday 1 September 2026", for a heading.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "Mon 1 Sep", where the year goes without saying.
pub fn day_in_year(date: NaiveDate) -> String {
    date.format("%a %-d %b").to_string()
}

/// "1 Sep", in a range whose year is clear.
pub fn day_month(date: NaiveDate) -> String {
    date.format("%-d %b").to_string()
}

/// "Mon 1 Sep 2026, 14:30": a moment to the minute, for people.
pub fn date_time(moment: NaiveDateTime) -> String {
    format!("{}, {}", date(moment.date()), moment.format("%H:%M"))
}

/// "14:30:05": the time of something done a moment ago.
pub fn clock_time(moment: NaiveDateTime) -> String {
    moment.format("%H:%M:%S").to_string()
}

/// "1 Sep 2026".
pub fn short_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// "Mon 1 Sep 2026 – Sun 30 Nov 2026".
pub fn date_range(from: NaiveDate, to: NaiveDate) -> String {
    format!("{} – {}", date(from), date(to))
}

/// "1 Sep 2026 – 30 Nov 2026".
pub fn short_date_range(from: NaiveDate, to: NaiveDate) -> String {
    format!("{} – {}", short_date(from), short_date(to))
}

/// A session start to the minute: "2026-09-01 14:30".
pub fn start(start: NaiveDateTime) -> String {
    start.format("%Y-%m-%d %H:%M").to_string()
}

/// "1 day", "2 days".
pub fn days(n: usize) -> String {
    count(n, "day")
}

/// "1 ordinary day", "2 ordinary days": days away from sessions.
pub fn ordinary_days(n: usize) -> String {
    count(n, "ordinary day")
}

/// `n` and the noun, plural unless `n` is 1.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A 95% interval with signs ("-1.2 to +0.4", "0.0 to +0.8"), or "–".
pub fn interval(interval: Option<[f64; 2]>) -> String {
    interval.map_or_else(
        || NONE.to_owned(),
        |[low, high]| format!("{} to {}", signed(low), signed(high)),
    )
}

/// A mean with the days behind it ("5.3 (6 d)", "– (1 d)").
pub fn mean_of_days(mean: Option<f64>, days: usize) -> String {
    format!("{} ({days} d)", one_decimal(mean))
}

/// How the immediate relief reads: "2 lower", "unchanged", "1 higher", or "–".
pub fn relief(relief: Option<i8>) -> String {
    match relief {
        None => NONE.to_owned(),
        Some(0) => "unchanged".to_owned(),
        Some(r) if r > 0 => format!("{r} lower"),
        Some(r) => format!("{} higher", -r),
    }
}

/// The change between two means as they are shown (each to one decimal), so that "7.3 → 6.2"
/// always stands beside "1.1 lower", never beside the "1.2 lower" of the unrounded means.
pub fn shown_change(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    crate::analysis::shown_change(before, after)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_numbers_never_read_minus_zero() {
        assert_eq!(signed_change(Some(-0.04)), "0.0");
        assert_eq!(signed_change(Some(-1.24)), "-1.2");
        assert_eq!(change(Some(-1.24)), "1.2 lower");
        assert_eq!(change(None), NONE);
        assert_eq!(interval(Some([-0.04, 0.81])), "0.0 to +0.8");
        assert_eq!(interval(Some([-1.5, -0.01])), "-1.5 to 0.0");
        assert_eq!(interval(None), NONE);
    }

    #[test]
    fn a_change_beside_two_means_is_the_difference_of_what_they_show() {
        // 7.26 → 6.24 shows as 7.3 → 6.2: 1.1 lower, not the 1.02 of the unrounded means.
        let shown = shown_change(Some(7.26), Some(6.24));
        assert_eq!(change(shown), "1.1 lower");
        assert_eq!(before_after(Some(7.26), Some(6.24)), "7.3 → 6.2");
        assert_eq!(shown_change(None, Some(6.0)), None);
        // A mean of exactly 3.25 shows as "3.2", and the change beside it follows what is shown.
        assert_eq!(before_after(Some(3.25), Some(4.3)), "3.2 → 4.3");
        assert_eq!(change(shown_change(Some(3.25), Some(4.3))), "1.1 higher");
    }
}
