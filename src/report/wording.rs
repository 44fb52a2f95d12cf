//! What the numbers of before and after mean, in words: one place for every sentence the
//! window, the command line and the report say about sessions against ordinary weeks, so that
//! they all say the same.

use crate::analysis::compare::MIN_EACH;
use crate::analysis::{
    Comparison, MetricEffect, RegionComparison, Verdict, is_meaningful_pain_drop,
};
use crate::model::{KindChoice, Metric, Region};

/// Said beside every answer: why "after" alone would flatter sessions.
pub const REGRESSION_CAVEAT: &str = crate::analysis::REGRESSION_NOTE;

/// Said wherever the comparison is shown: what it is and is not.
pub const ONE_PERSON: &str =
    "A comparison of one person's own days, before and after: suggestive, not proof.";

/// Which sessions a sentence is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group<'a> {
    /// Every session.
    All,
    /// One kind ("other" kinds together).
    Kind(KindChoice),
    /// One therapist.
    Therapist(&'a str),
    /// One kind with one therapist.
    KindWithTherapist(KindChoice, &'a str),
}

impl Group<'_> {
    /// "After sessions", "After deep tissue sessions", "After sessions with Anna Berg".
    fn after(self) -> String {
        format!("After {}", self.sessions(2))
    }

    /// "sessions", "deep tissue sessions", "sessions with Anna Berg"; the other kinds are
    /// "sessions of other kinds", never "other sessions", which would read as sessions other
    /// than some.
    fn sessions(self, n: usize) -> String {
        let noun = if n == 1 { "session" } else { "sessions" };
        let of_kind = |kind: KindChoice| match kind {
            KindChoice::Other => format!("{noun} of other kinds"),
            kind => format!("{} {noun}", kind_in_sentence(kind)),
        };
        match self {
            Self::All => noun.to_owned(),
            Self::Kind(kind) => of_kind(kind),
            Self::Therapist(name) => format!("{noun} with {name}"),
            Self::KindWithTherapist(kind, name) => format!("{} with {name}", of_kind(kind)),
        }
    }
}

/// "1 session", "3 sessions"; "1 ordinary week".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "0.9 points", "1.0 point": always one decimal, as beside "1.3 points".
fn points(value: f64) -> String {
    let value = format!("{:.1}", value.abs());
    if value == "1.0" {
        "1.0 point".to_owned()
    } else {
        format!("{value} points")
    }
}

/// A kind as said within a sentence: "Swedish", "deep tissue", "trigger point / myofascial"
/// ("other" for the kinds a person named, grouped).
pub fn kind_in_sentence(kind: KindChoice) -> &'static str {
    match kind {
        KindChoice::Swedish => "Swedish",
        KindChoice::DeepTissue => "deep tissue",
        KindChoice::TriggerPoint => "trigger point / myofascial",
        KindChoice::Sports => "sports",
        KindChoice::Shiatsu => "shiatsu / acupressure",
        KindChoice::Other => "other",
    }
}

/// The metric as said in a sentence: "pain", "worst pain", "sleep quality".
pub fn metric_name(metric: Metric) -> String {
    metric.name().to_lowercase()
}

/// The answer for `group` and `metric` in one sentence, e.g. "After deep tissue sessions, pain
/// fell 0.9 points more than over ordinary weeks (95% interval 0.2 to 1.6; 12 sessions, 30
/// ordinary weeks): better than its ordinary ups and downs."
pub fn comparison(group: Group<'_>, metric: Metric, compared: &Comparison) -> String {
    let name = metric_name(metric);
    let counts = format!(
        "{}, {}",
        count(compared.sessions, "session"),
        count(compared.baseline, "ordinary week")
    );
    match (compared.verdict, compared.difference, compared.ci95) {
        (Verdict::Lower | Verdict::Higher, Some(difference), Some((low, high))) => {
            let (moved, from, to) = if compared.verdict == Verdict::Lower {
                ("fell", -high, -low)
            } else {
                ("rose", low, high)
            };
            let meaning = if compared.verdict.is_better(metric) == Some(true) {
                "better than its ordinary ups and downs"
            } else {
                "worse than its ordinary ups and downs"
            };
            format!(
                "{}, {name} {moved} {} more than over ordinary weeks (95% interval {} to {}; {counts}): {meaning}.",
                group.after(),
                points(difference),
                bound(from),
                bound(to)
            )
        }
        (Verdict::NoClearDifference, Some(difference), Some(interval)) => format!(
            "{}, {name} changed about as it does over ordinary weeks: no clear difference yet ({}, 95% interval {}; {counts}).",
            group.after(),
            if difference.abs() < 0.05 {
                "no difference".to_owned()
            } else {
                change(Some(difference))
            },
            change_interval(Some(interval))
        ),
        _ => not_enough(group, compared),
    }
}

/// An end of a clear interval: one decimal, or "just over 0" where one decimal would read 0.0
/// (an interval that excludes zero never reads "0.0 to 1.6").
fn bound(value: f64) -> String {
    if value.abs() < 0.05 {
        "just over 0".to_owned()
    } else {
        format!("{value:.1}")
    }
}

/// "Not enough data yet: 2 sessions with enough logged days (3 needed)."
fn not_enough(group: Group<'_>, compared: &Comparison) -> String {
    let mut missing = Vec::new();
    if compared.sessions < MIN_EACH {
        missing.push(format!(
            "{} {} with enough logged days",
            compared.sessions,
            group.sessions(compared.sessions)
        ));
    }
    if compared.baseline < MIN_EACH {
        missing.push(format!(
            "{} with enough logged days",
            count(compared.baseline, "ordinary week")
        ));
    }
    format!(
        "Not enough data yet: {} ({MIN_EACH} needed).",
        missing.join(" and ")
    )
}

/// A change in words, the sign said once: "1.4 lower", "0.6 higher", "unchanged".
pub fn change(change: Option<f64>) -> String {
    match change {
        None => "not enough data".to_owned(),
        Some(value) if value.abs() < 0.05 => "unchanged".to_owned(),
        Some(value) if value < 0.0 => format!("{:.1} lower", -value),
        Some(value) => format!("{value:.1} higher"),
    }
}

/// Whether pain fell meaningfully (at least 2 points or 30%): "yes", "no" or "not enough data".
pub fn meaningful(pain: &MetricEffect) -> &'static str {
    match pain.change() {
        None => "not enough data",
        Some(_) if is_meaningful_pain_drop(pain) => "yes",
        Some(_) => "no",
    }
}

/// "Sessions on the neck: the neck hurt on 5 of 7 days before, 2 of 7 after; over ordinary weeks
/// 4 of 7 before, 4 of 7 after (3 sessions, 30 ordinary weeks)."
pub fn focus_region(region: Region, compared: &RegionComparison, window: u8) -> String {
    let of = |share: crate::analysis::Share| {
        share.of_window(window).map_or_else(
            || "no logged day".to_owned(),
            |days| format!("{days} of {window}"),
        )
    };
    let name = region.label().to_lowercase();
    format!(
        "Sessions on the {name}: the {name} hurt on {} days before, {} after; over ordinary weeks {} before, {} after ({}, {}).",
        of(compared.before),
        of(compared.after),
        of(compared.ordinary_before),
        of(compared.ordinary_after),
        count(compared.sessions, "session"),
        count(compared.ordinary_weeks, "ordinary week")
    )
}

/// [`comparison`] for a sentence among others (the command line lists every group): when only
/// the ordinary weeks are too few, "not enough data" also says which sessions it is about, e.g.
/// "Not enough data yet for deep tissue sessions: 1 ordinary week with enough logged days (3
/// needed)."; otherwise the sentence of [`comparison`].
pub fn comparison_in_list(group: Group<'_>, metric: Metric, compared: &Comparison) -> String {
    if compared.verdict == Verdict::NotEnoughData && compared.sessions >= MIN_EACH {
        let which = match group {
            Group::All => "all sessions".to_owned(),
            _ => group.sessions(compared.sessions),
        };
        format!(
            "Not enough data yet for {which}: {} with enough logged days ({MIN_EACH} needed).",
            count(compared.baseline, "ordinary week")
        )
    } else {
        comparison(group, metric, compared)
    }
}

/// A 95% interval of a change in words, the sign said once: "0.2 to 1.6 lower", "0.3 to 0.9
/// higher", "1.2 lower to 0.4 higher"; "not enough data" without one.
pub fn change_interval(interval: Option<(f64, f64)>) -> String {
    match interval {
        None => "not enough data".to_owned(),
        Some((low, high)) if high < 0.05 => format!("{:.1} to {:.1} lower", (-high).max(0.0), -low),
        Some((low, high)) if low > -0.05 => format!("{:.1} to {high:.1} higher", low.max(0.0)),
        Some((low, high)) => format!("{:.1} lower to {high:.1} higher", -low),
    }
}

/// What a report's answer compares, for a window of `window` days: "Pain over the 7 days after
/// each session of this period against the 7 days before it, compared with the same change over
/// ordinary weeks (days with no session within 7 days) from the whole journal."
pub fn period_scope(window: u8) -> String {
    let days = if window == 1 {
        "the day".to_owned()
    } else {
        format!("the {window} days")
    };
    format!(
        "Pain over {days} after each session of this period against {days} before it, compared with the same change over ordinary weeks (days with no session within {window} {}) from the whole journal.",
        if window == 1 { "day" } else { "days" }
    )
}

/// The two sides of a forest plot of `metric`, left (a difference below 0) then right:
/// "← better: pain lower after sessions than over ordinary weeks", "worse: pain higher →".
pub fn forest_sides(metric: Metric) -> (String, String) {
    let name = metric_name(metric);
    let (left, right) = if metric.higher_is_better() {
        ("worse", "better")
    } else {
        ("better", "worse")
    };
    (
        format!("← {left}: {name} lower after sessions than over ordinary weeks"),
        format!("{right}: {name} higher →"),
    )
}

/// A group's verdict in a word or three, for a row of a forest plot: "better", "worse", "no
/// clear difference", "not enough data".
pub fn verdict_word(metric: Metric, compared: &Comparison) -> &'static str {
    match (compared.verdict, compared.verdict.is_better(metric)) {
        (Verdict::NotEnoughData, _) => "not enough data",
        (_, Some(true)) => "better",
        (_, Some(false)) => "worse",
        (_, None) => "no clear difference",
    }
}

/// The groups a forest plot leaves out, with the count behind each: "Not enough data yet for
/// Swedish (2 sessions with enough logged days) and Ben (1 session with enough logged days); 3
/// of each are needed."
pub fn not_enough_for(groups: &[(String, usize)]) -> Option<String> {
    let named: Vec<String> = groups
        .iter()
        .map(|(name, n)| format!("{name} ({} with enough logged days)", count(*n, "session")))
        .collect();
    let list = match named.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    Some(format!(
        "Not enough data yet for {list}: {MIN_EACH} sessions of each are needed."
    ))
}

/// A row of a forest plot in words, as the window's text alternative and the report's say it:
/// "Deep tissue: 0.9 lower than over ordinary weeks (95% interval 0.2 to 1.6 lower), better."
pub fn forest_row(name: &str, metric: Metric, compared: &Comparison) -> String {
    match compared.difference {
        Some(difference) if compared.ci95.is_some() => format!(
            "{name}: {} than over ordinary weeks (95% interval {}), {}.",
            change(Some(difference)),
            change_interval(compared.ci95),
            verdict_word(metric, compared)
        ),
        _ => format!("{name}: not enough data."),
    }
}

/// "−3", "0", "+2" for days from a session.
pub fn day_offset(days: i64) -> String {
    match days {
        0 => "0".to_owned(),
        d if d < 0 => format!("−{}", -d),
        d => format!("+{d}"),
    }
}

/// What an aligned chart's line for `who` shows, in a sentence: "All sessions: pain 5.6 on
/// average over the days before, 5.1 over the days after; highest 5.9 on day −1, lowest 4.9 on
/// day +2."
pub fn aligned_line(who: &str, metric: Metric, points: &[crate::analysis::AlignedPoint]) -> String {
    let name = metric.name().to_lowercase();
    let side_mean = |before: bool| {
        let means: Vec<f64> = points
            .iter()
            .filter(|p| if before { p.offset < 0 } else { p.offset > 0 })
            .filter_map(|p| p.mean)
            .collect();
        crate::analysis::stats::mean(&means)
            .map_or_else(|| "no data".to_owned(), |m| format!("{m:.1}"))
    };
    let with_mean = points.iter().filter_map(|p| p.mean.map(|m| (p.offset, m)));
    let highest = with_mean.clone().max_by(|a, b| a.1.total_cmp(&b.1));
    let lowest = with_mean.min_by(|a, b| a.1.total_cmp(&b.1));
    let extremes = match (highest, lowest) {
        (Some((h_day, h)), Some((l_day, l))) => format!(
            "; highest {h:.1} on day {}, lowest {l:.1} on day {}",
            day_offset(i64::from(h_day)),
            day_offset(i64::from(l_day))
        ),
        _ => String::new(),
    };
    format!(
        "{who}: {name} {} on average over the days before, {} over the days after{extremes}.",
        side_mean(true),
        side_mean(false)
    )
}

/// How many sessions a chart of days shows: "No session in these days.", "1 session in these
/// days.", "12 sessions in these days."
pub fn sessions_in_days(n: usize) -> String {
    match n {
        0 => "No session in these days.".to_owned(),
        1 => "1 session in these days.".to_owned(),
        n => format!("{n} sessions in these days."),
    }
}

/// A chart's highest or lowest value and its day.
type Extreme = Option<(u8, chrono::NaiveDate)>;

/// What a chart of `metric` over `range` says, in a sentence for people who cannot see it:
/// "Pain: mostly 4 to 6, highest 9 on Sat 12 Oct 2026, lowest 2 on Sun 3 Nov 2026; 61 of 90 days
/// logged." ("mostly": the middle half of the logged days; the latest day of the highest and the
/// lowest.)
pub fn chart_summary(
    daily: &crate::analysis::DailyIndex,
    metric: Metric,
    range: crate::analysis::DayRange,
) -> String {
    let name = metric.name();
    let mut counts = [0_usize; 11];
    let (mut highest, mut lowest): (Extreme, Extreme) = (None, None);
    let mut day = range.from;
    while day <= range.to {
        if let Some(value) = daily.value(metric, day) {
            counts[usize::from(value.min(10))] += 1;
            if highest.is_none_or(|(h, _)| value >= h) {
                highest = Some((value, day));
            }
            if lowest.is_none_or(|(l, _)| value <= l) {
                lowest = Some((value, day));
            }
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    let logged: usize = counts.iter().sum();
    let (Some((high, high_day)), Some((low, low_day))) = (highest, lowest) else {
        return format!("{name}: no day logged.");
    };
    // The score at a share of the logged days, counted from the lowest.
    let at = |share: f64| {
        let rank = ((logged as f64 - 1.0) * share).round() as usize;
        let mut seen = 0;
        for (score, n) in counts.iter().enumerate() {
            seen += n;
            if seen > rank {
                return score;
            }
        }
        10
    };
    let (q1, q3) = (at(0.25), at(0.75));
    let mostly = if q1 == q3 {
        format!("mostly {q1}")
    } else {
        format!("mostly {q1} to {q3}")
    };
    format!(
        "{name}: {mostly}, highest {high} on {}, lowest {low} on {}; {logged} of {} days logged.",
        crate::report::text::date(high_day),
        crate::report::text::date(low_day),
        range.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compared(sessions: &[f64], ordinary: &[f64]) -> Comparison {
        Comparison::of(sessions, ordinary)
    }

    #[test]
    fn a_clear_fall_in_pain_is_good_news_and_a_fall_in_sleep_bad_news() {
        let lower = compared(&[-3.0, -2.0, -1.0], &[0.0, 1.0, 2.0, 1.0]);
        let (low, high) = lower.ci95.unwrap();
        let text = comparison(Group::Kind(KindChoice::DeepTissue), Metric::Pain, &lower);
        assert_eq!(
            text,
            format!(
                "After deep tissue sessions, pain fell 3.0 points more than over ordinary weeks (95% interval {:.1} to {:.1}; 3 sessions, 4 ordinary weeks): better than its ordinary ups and downs.",
                -high, -low
            )
        );
        let sleep = comparison(Group::All, Metric::Sleep, &lower);
        assert!(
            sleep.starts_with("After sessions, sleep quality fell 3.0 points more"),
            "{sleep}"
        );
        assert!(
            sleep.ends_with("worse than its ordinary ups and downs."),
            "{sleep}"
        );
    }

    #[test]
    fn no_clear_difference_and_not_enough_data_say_so_with_their_counts() {
        let unclear = compared(&[0.0, 1.0, -1.0], &[0.5, 0.0, 1.0]);
        let text = comparison(Group::Therapist("Anna Berg"), Metric::Stress, &unclear);
        assert!(
            text.starts_with("After sessions with Anna Berg, stress changed about as it does over ordinary weeks: no clear difference yet (0.5 lower, 95% interval"),
            "{text}"
        );
        assert!(text.ends_with("; 3 sessions, 3 ordinary weeks)."), "{text}");
        let few = compared(&[-1.0, -2.0], &[0.0, 1.0, 2.0]);
        assert_eq!(
            comparison(Group::All, Metric::Pain, &few),
            "Not enough data yet: 2 sessions with enough logged days (3 needed)."
        );
        let none = compared(&[-1.0], &[0.0]);
        assert_eq!(
            comparison(Group::Kind(KindChoice::Swedish), Metric::Pain, &none),
            "Not enough data yet: 1 Swedish session with enough logged days and 1 ordinary week with enough logged days (3 needed)."
        );
    }

    #[test]
    fn a_clear_interval_never_reads_as_starting_at_zero() {
        let just = Comparison {
            verdict: Verdict::Lower,
            difference: Some(-0.8),
            ci95: Some((-1.6, -0.03)),
            sessions: 5,
            baseline: 9,
            session_mean: Some(-0.5),
            baseline_mean: Some(0.3),
        };
        let text = comparison(Group::All, Metric::Pain, &just);
        assert!(text.contains("(95% interval just over 0 to 1.6;"), "{text}");
    }

    #[test]
    fn a_chart_of_days_is_told_in_a_sentence() {
        use crate::model::{Day, Journal, Score};
        let mut journal = Journal::new();
        let start = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        // Pain 4, 5, 5, 6, 9, (not logged), 2 over seven days.
        for (offset, pain) in [(0, 4), (1, 5), (2, 5), (3, 6), (4, 9), (6, 2)] {
            let mut day = Day::empty(start + chrono::Days::new(offset));
            day.pain = Some(Score::new(pain).unwrap());
            journal.set_day(day);
        }
        let index = crate::analysis::JournalIndex::new(&journal);
        let range = crate::analysis::DayRange::new(start, start + chrono::Days::new(6));
        assert_eq!(
            chart_summary(&index.daily, Metric::Pain, range),
            "Pain: mostly 4 to 6, highest 9 on Fri 5 Jun 2026, lowest 2 on Sun 7 Jun 2026; 6 of 7 days logged."
        );
        assert_eq!(
            chart_summary(&index.daily, Metric::Sleep, range),
            "Sleep quality: no day logged."
        );
    }

    #[test]
    fn a_forest_plot_row_says_its_difference_interval_and_verdict() {
        let lower = compared(&[-3.0, -2.0, -1.0], &[0.0, 1.0, 2.0, 1.0]);
        let (low, high) = lower.ci95.unwrap();
        assert_eq!(
            forest_row("Deep tissue", Metric::Pain, &lower),
            format!(
                "Deep tissue: 3.0 lower than over ordinary weeks (95% interval {}), better.",
                change_interval(Some((low, high)))
            )
        );
        let few = compared(&[-1.0, -2.0], &[0.0, 1.0, 2.0]);
        assert_eq!(
            forest_row("Ben", Metric::Pain, &few),
            "Ben: not enough data."
        );
    }

    #[test]
    fn an_aligned_line_says_both_sides_and_its_extremes_by_day() {
        use crate::analysis::AlignedPoint;
        let point = |offset: i32, mean: Option<f64>| AlignedPoint {
            offset,
            n: 3,
            mean,
            q1: None,
            median: None,
            q3: None,
            sd: None,
        };
        let points = [
            point(-2, Some(6.0)),
            point(-1, Some(5.0)),
            point(0, Some(5.5)),
            point(1, Some(4.0)),
            point(2, None),
        ];
        assert_eq!(
            aligned_line("All sessions", Metric::Pain, &points),
            "All sessions: pain 5.5 on average over the days before, 4.0 over the days after; highest 6.0 on day −2, lowest 4.0 on day +1."
        );
        assert_eq!(
            aligned_line("Swedish sessions", Metric::Pain, &[point(0, None)]),
            "Swedish sessions: pain no data on average over the days before, no data over the days after."
        );
        assert_eq!(day_offset(0), "0");
    }

    #[test]
    fn sessions_in_days_are_counted_in_words() {
        assert_eq!(sessions_in_days(0), "No session in these days.");
        assert_eq!(sessions_in_days(1), "1 session in these days.");
        assert_eq!(sessions_in_days(12), "12 sessions in these days.");
    }

    #[test]
    fn changes_say_their_sign_in_words() {
        assert_eq!(change(Some(-1.44)), "1.4 lower");
        assert_eq!(change(Some(0.6)), "0.6 higher");
        assert_eq!(change(Some(0.01)), "unchanged");
        assert_eq!(change(None), "not enough data");
    }
}
