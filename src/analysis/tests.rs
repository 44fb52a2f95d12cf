use chrono::NaiveDate;

use super::*;
use crate::model::{
    Day, Journal, KindChoice, Minutes, Score, Session, SessionKind, parse_date, parse_start,
};

fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

fn score(value: u8) -> Option<Score> {
    Some(Score::new(value).unwrap())
}

/// A journal with pain logged on `days` (date, pain) and sessions at `starts`.
fn journal(days: &[(&str, u8)], starts: &[&str]) -> Journal {
    let mut journal = Journal::new();
    for &(text, pain) in days {
        let mut day = Day::empty(date(text));
        day.pain = score(pain);
        journal.set_day(day);
    }
    for start in starts {
        let mut session = Session::new(
            parse_start(start).unwrap(),
            SessionKind::DeepTissue,
            Minutes::new(60).unwrap(),
        );
        session.pain_before = score(6);
        session.pain_after = score(4);
        journal.add_session(session);
    }
    journal
}

/// Pain `value(day of month)` on every day of January 2026 from `first` to `last`.
fn january(first: u32, last: u32, value: impl Fn(u32) -> u8) -> Vec<(String, u8)> {
    (first..=last)
        .map(|d| (format!("2026-01-{d:02}"), value(d)))
        .collect()
}

fn run(journal: &Journal, window: i64, min_days: i64) -> Effects {
    let index = JournalIndex::new(journal);
    effects(
        journal,
        &index,
        EffectSettings::new(window, min_days).unwrap(),
    )
}

fn as_refs(days: &[(String, u8)]) -> Vec<(&str, u8)> {
    days.iter().map(|(d, p)| (d.as_str(), *p)).collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn a_lone_session_uses_k_days_each_side() {
    // Pain 6 on Jan 1–9, 3 on Jan 11–20; session on Jan 10.
    let days = january(1, 20, |d| if d < 10 { 6 } else { 3 });
    let journal = journal(&as_refs(&days), &["2026-01-10 17:00"]);
    let effects = run(&journal, 7, 3);
    let pain = &effects.sessions[0].metrics[Metric::Pain];
    assert_eq!(
        effects.sessions[0].before,
        DayRange::new(date("2026-01-03"), date("2026-01-09"))
    );
    assert_eq!(
        effects.sessions[0].after,
        DayRange::new(date("2026-01-11"), date("2026-01-17"))
    );
    assert_eq!((pain.before.days, pain.after.days), (7, 7));
    assert!(close(pain.before.mean, 6.0) && close(pain.after.mean, 3.0));
    assert!(close(pain.change(), -3.0));
    assert!(close(pain.relative_change(), -0.5));
    assert!(effects.sessions[0].meaningful_pain_drop());
    assert_eq!(effects.sessions[0].immediate_relief, Some(2));
}

#[test]
fn windows_are_clipped_at_the_previous_and_next_session() {
    // Sessions on Jan 10 and Jan 14, k = 7.
    let days = january(1, 25, |d| match d {
        ..=9 => 6,
        11..=13 => 4,
        _ => 2,
    });
    let journal = journal(&as_refs(&days), &["2026-01-10 10:00", "2026-01-14 10:00"]);
    let effects = run(&journal, 7, 3);
    let first = &effects.sessions[0];
    let second = &effects.sessions[1];
    assert_eq!(
        first.after,
        DayRange::new(date("2026-01-11"), date("2026-01-13")),
        "ends before the next session"
    );
    assert_eq!(
        second.before,
        DayRange::new(date("2026-01-11"), date("2026-01-13")),
        "starts after the previous one"
    );
    assert!(close(first.metrics[Metric::Pain].after.mean, 4.0));
    assert!(close(second.metrics[Metric::Pain].before.mean, 4.0));
    assert!(close(first.metrics[Metric::Pain].change(), -2.0));
    // Jan 15–21: pain 2.
    assert!(close(second.metrics[Metric::Pain].change(), -2.0));
}

#[test]
fn days_not_logged_and_a_metric_missing_on_some_days() {
    // Before the session on Jan 10: pain on Jan 3, 5, 8 only (values 3, 5, 7: mean 5).
    // After: Jan 11–17 logged, but stress only on Jan 12 and 13.
    let mut journal = journal(
        &[("2026-01-03", 3), ("2026-01-05", 5), ("2026-01-08", 7)],
        &["2026-01-10 10:00"],
    );
    for d in 11..=17 {
        let mut day = Day::empty(date(&format!("2026-01-{d:02}")));
        day.pain = score(4);
        if d == 12 || d == 13 {
            day.stress = score(8);
        }
        journal.set_day(day);
    }
    let effects = run(&journal, 7, 3);
    let pain = &effects.sessions[0].metrics[Metric::Pain];
    assert_eq!(pain.before.days, 3);
    assert!(close(pain.before.mean, 5.0));
    assert!(close(pain.change(), -1.0));
    let stress = &effects.sessions[0].metrics[Metric::Stress];
    assert_eq!(stress.after.days, 2, "only the days that have stress count");
    assert_eq!(
        stress.after.mean, None,
        "two days is not enough data with m = 3"
    );
    assert_eq!(stress.change(), None, "not enough data is never 0");
}

#[test]
fn fewer_than_m_days_is_not_enough_data() {
    let journal = journal(
        &[
            ("2026-01-08", 5),
            ("2026-01-09", 5),
            ("2026-01-11", 2),
            ("2026-01-12", 2),
            ("2026-01-13", 2),
        ],
        &["2026-01-10 10:00"],
    );
    let pain = &run(&journal, 7, 3).sessions[0].metrics[Metric::Pain];
    assert_eq!((pain.before.mean, pain.before.days), (None, 2));
    assert!(close(pain.after.mean, 2.0));
    assert_eq!(pain.change(), None);
    let pain = &run(&journal, 7, 2).sessions[0].metrics[Metric::Pain];
    assert!(close(pain.change(), -3.0), "with m = 2 there is enough");
}

#[test]
fn sessions_on_consecutive_days_have_empty_windows_between_them() {
    let days = january(1, 20, |_| 5);
    let journal = journal(&as_refs(&days), &["2026-01-10 10:00", "2026-01-11 10:00"]);
    let effects = run(&journal, 7, 1);
    assert!(effects.sessions[0].after.is_empty());
    assert!(effects.sessions[1].before.is_empty());
    assert_eq!(effects.sessions[0].metrics[Metric::Pain].after.days, 0);
    assert_eq!(effects.sessions[0].metrics[Metric::Pain].change(), None);
    assert_eq!(
        effects.sessions[0].before,
        DayRange::new(date("2026-01-03"), date("2026-01-09"))
    );
    assert_eq!(
        effects.sessions[1].after,
        DayRange::new(date("2026-01-12"), date("2026-01-18"))
    );
}

#[test]
fn two_sessions_on_one_day_share_their_windows() {
    let days = january(1, 20, |d| if d < 10 { 7 } else { 4 });
    let journal = journal(&as_refs(&days), &["2026-01-10 09:00", "2026-01-10 18:00"]);
    let effects = run(&journal, 7, 3);
    assert_eq!(effects.sessions.len(), 2);
    assert_eq!(effects.sessions[0].before, effects.sessions[1].before);
    assert_eq!(effects.sessions[0].after, effects.sessions[1].after);
    assert!(close(
        effects.sessions[0].metrics[Metric::Pain].change(),
        -3.0
    ));
    assert!(close(
        effects.sessions[1].metrics[Metric::Pain].change(),
        -3.0
    ));
}

#[test]
fn sessions_on_the_first_and_last_day_of_the_journal() {
    let days = january(1, 10, |_| 5);
    let journal = journal(&as_refs(&days), &["2026-01-01 10:00", "2026-01-10 10:00"]);
    let effects = run(&journal, 7, 3);
    let first = &effects.sessions[0].metrics[Metric::Pain];
    assert_eq!(first.before.days, 0, "nothing before the first day");
    assert_eq!(first.before.mean, None);
    assert_eq!(first.after.days, 7);
    let last = &effects.sessions[1].metrics[Metric::Pain];
    assert_eq!(last.before.days, 7);
    assert_eq!(last.after.days, 0, "nothing after the last day");
}

#[test]
fn an_empty_journal_has_no_effects_and_an_empty_baseline() {
    let journal = Journal::new();
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::default());
    assert!(
        effects.sessions.is_empty()
            && effects.by_kind.is_empty()
            && effects.by_therapist.is_empty()
    );
    assert_eq!(effects.baseline[Metric::Pain].n, 0);
    assert_eq!(effects.baseline[Metric::Pain].mean_change, None);
    assert!(
        aligned(
            &effects,
            &index.daily,
            Metric::Pain,
            &AlignedFilter::default()
        )
        .iter()
        .all(|p| p.n == 0)
    );
    assert_eq!(
        since_last_session(&journal, &index, date("2026-01-01")),
        None
    );
    assert!(index.daily.span().is_none());
}

#[test]
fn summaries_by_kind_and_therapist() {
    let days = january(1, 31, |d| match d {
        ..=4 => 7,
        6..=9 => 4,
        11..=14 => 6,
        21..=24 => 8,
        _ => 5, // including Jan 16–19
    });
    let mut journal = journal(&as_refs(&days), &[]);
    for (start, kind, therapist, cost) in [
        ("2026-01-05 10:00", SessionKind::DeepTissue, "Anna", "80"),
        ("2026-01-10 10:00", SessionKind::DeepTissue, "Anna", "80"),
        ("2026-01-15 10:00", SessionKind::DeepTissue, "Ben", "60"),
        ("2026-01-20 10:00", SessionKind::Swedish, "Ben", "60"),
    ] {
        let mut session =
            Session::new(parse_start(start).unwrap(), kind, Minutes::new(60).unwrap());
        session.therapist = Some(therapist.into());
        session.cost = Some(crate::model::Cost {
            amount: crate::model::Amount::parse(cost).unwrap(),
            currency: crate::model::Currency::parse("USD").unwrap(),
        });
        journal.add_session(session);
    }
    let effects = run(&journal, 4, 3);
    // Changes: Jan 5: 4 − 7 = −3; Jan 10: 6 − 4 = +2; Jan 15: 5 − 6 = −1; Jan 20: 8 − 5 = +3.
    let changes: Vec<f64> = effects
        .sessions
        .iter()
        .map(|e| e.metrics[Metric::Pain].change().unwrap())
        .collect();
    assert_eq!(changes, [-3.0, 2.0, -1.0, 3.0]);
    let deep = &effects.by_kind[&KindChoice::DeepTissue];
    let pain = &deep.metrics[Metric::Pain];
    assert_eq!((deep.sessions, pain.n), (3, 3));
    assert!(close(pain.mean_change, -2.0 / 3.0));
    assert!(close(pain.median_change, -1.0));
    assert_eq!((pain.improved, pain.unchanged, pain.worse), (2, 0, 1));
    let (low, high) = pain.ci95.unwrap();
    let half = 4.303 * stats::sample_sd(&[-3.0, 2.0, -1.0]).unwrap() / 3.0_f64.sqrt();
    assert!((low - (-2.0 / 3.0 - half)).abs() < 1e-9 && (high - (-2.0 / 3.0 + half)).abs() < 1e-9);
    // Cost: 220 spent over 2 points of net relief (3 − 2 + 1).
    assert_eq!(deep.costs.len(), 1);
    assert!((deep.costs[0].mean_cost - 220.0 / 3.0).abs() < 1e-9);
    assert!(close(deep.costs[0].cost_per_point, 110.0));
    let swedish = &effects.by_kind[&KindChoice::Swedish];
    assert_eq!(
        swedish.metrics[Metric::Pain].ci95,
        None,
        "no interval below three sessions"
    );
    assert_eq!(
        swedish.costs[0].cost_per_point, None,
        "pain rose: no cost per point of relief"
    );
    assert_eq!(effects.by_therapist["Anna"].sessions, 2);
    assert!(close(
        effects.by_therapist["Ben"].metrics[Metric::Pain].mean_change,
        1.0
    ));
    // The paid session's pain fell 3 points (80 for 3 points), but with two unpaid ones after
    // which it rose (+2, +3) the group's mean is a rise: no price per point beside it.
    let unpaid = |i: usize| {
        let mut effect = effects.sessions[i].clone();
        effect.cost = None;
        effect
    };
    let (second, fourth) = (unpaid(1), unpaid(3));
    let fell = summarize(&Metric::ALL, &[&effects.sessions[0], &second]);
    assert!(close(fell.costs[0].cost_per_point, 80.0 / 3.0));
    let rose = summarize(&Metric::ALL, &[&effects.sessions[0], &second, &fourth]);
    assert!(rose.metrics[Metric::Pain].mean_change.unwrap() > 0.0);
    assert_eq!(rose.costs[0].cost_per_point, None, "pain rose on average");
    // 5.66 → 5.23 is shown as 5.7 → 5.2, "0.5 lower": counted better, as its row says, though
    // the unrounded change is 0.43.
    let mut close_call = effects.sessions[0].clone();
    close_call.metrics[Metric::Pain].before.mean = Some(5.66);
    close_call.metrics[Metric::Pain].after.mean = Some(5.23);
    let one = summarize(&Metric::ALL, &[&close_call]);
    let pain = &one.metrics[Metric::Pain];
    assert_eq!((pain.improved, pain.unchanged), (1, 0));
    assert!(
        close(pain.mean_change, 5.23 - 5.66),
        "the mean stays unrounded"
    );
}

#[test]
fn sleep_is_better_when_higher() {
    assert_eq!(direction(Metric::Sleep, 1.0), Direction::Improved);
    assert_eq!(direction(Metric::Pain, 1.0), Direction::Worse);
    assert_eq!(direction(Metric::Pain, -0.4), Direction::Unchanged);
}

#[test]
fn meaningful_pain_drop_is_two_points_or_thirty_percent() {
    let effect = |before: f64, after: f64| MetricEffect {
        before: WindowStat {
            mean: Some(before),
            days: 5,
        },
        after: WindowStat {
            mean: Some(after),
            days: 5,
        },
    };
    assert!(is_meaningful_pain_drop(&effect(8.0, 6.0)), "2 points");
    assert!(
        !is_meaningful_pain_drop(&effect(8.0, 6.5)),
        "1.5 points and 19%"
    );
    assert!(is_meaningful_pain_drop(&effect(3.0, 2.0)), "33%");
    assert!(!is_meaningful_pain_drop(&effect(3.0, 4.0)), "a rise");
    assert!(!is_meaningful_pain_drop(&effect(0.0, 0.0)));
}

#[test]
fn ordinary_weeks_are_days_k_from_any_session_with_windows_that_never_overlap() {
    // Pain alternates weekly between 6 and 4 over 60 days (offsets 0–59 from 1 Jan: 0–6 are 6,
    // 7–13 are 4, …), one session on 30 Jan (offset 29). k = 7, m = 3.
    let mut days = Vec::new();
    let start = date("2026-01-01");
    for offset in 0..60_u64 {
        let d = start + chrono::Days::new(offset);
        days.push((d.to_string(), if (offset / 7) % 2 == 0 { 6 } else { 4 }));
    }
    let journal = journal(&as_refs(&days), &["2026-01-30 10:00"]);
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::new(7, 3).unwrap());
    // Ordinary: offsets up to 22 and from 36. The first with 3 logged days before it is offset
    // 3; then at least 2k + 1 = 15 days on: 18; then the first ordinary day past 33 is 36; then
    // 51; 66 is past the journal. Worked by hand:
    // - 4 Jan: before 6,6,6 (6.0), after 6,6,6,4,4,4,4 (34/7): −8/7;
    // - 19 Jan: before 4,4,4,6,6,6,6 (36/7), after 6,6,4,4,4,4,4 (32/7): −4/7;
    // - 6 Feb: before (clipped after the session) 6,6,6,6,6,4 (34/6), after 4,4,4,4,4,6,6
    //   (32/7): 32/7 − 34/6;
    // - 21 Feb: before 6,6,6,6,6,4,4 (38/7), after 4,4,4,4,6,6,6 (34/7): −4/7.
    let expected = [
        ("2026-01-04", -8.0 / 7.0),
        ("2026-01-19", -4.0 / 7.0),
        ("2026-02-06", 32.0 / 7.0 - 34.0 / 6.0),
        ("2026-02-21", -4.0 / 7.0),
    ];
    let sample = &effects.ordinary[Metric::Pain];
    assert_eq!(sample.len(), expected.len(), "{sample:?}");
    for ((day, change), (want_day, want_change)) in sample.iter().zip(expected) {
        assert_eq!(*day, date(want_day));
        assert!((change - want_change).abs() < 1e-12, "{day}: {change}");
    }
    let baseline = &effects.baseline[Metric::Pain];
    assert_eq!(baseline.n, 4, "the baseline is this sample");
    let mean = expected.iter().map(|(_, c)| c).sum::<f64>() / 4.0;
    assert!((baseline.mean_change.unwrap() - mean).abs() < 1e-12);
    // One session, so no comparison yet.
    assert_eq!(
        effects.compared.all[Metric::Pain].verdict,
        Verdict::NotEnoughData
    );
}

#[test]
fn the_aligned_view_counts_sessions_per_offset() {
    let days = january(1, 31, |d| if d % 10 == 0 { 9 } else { (d % 10) as u8 });
    let journal = journal(&as_refs(&days), &["2026-01-10 10:00", "2026-01-20 10:00"]);
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::new(3, 1).unwrap());
    let points = aligned(
        &effects,
        &index.daily,
        Metric::Pain,
        &AlignedFilter::default(),
    );
    assert_eq!(points.len(), 7);
    assert_eq!(
        points.iter().map(|p| p.offset).collect::<Vec<_>>(),
        [-3, -2, -1, 0, 1, 2, 3]
    );
    // Offset −1: Jan 9 (9) and Jan 19 (9); offset +1: Jan 11 (1) and Jan 21 (1); day 0: 9 and 9.
    assert_eq!(points[2].n, 2);
    assert!(close(points[2].mean, 9.0));
    assert!(close(points[4].mean, 1.0));
    assert!(close(points[3].mean, 9.0));
    let other = AlignedFilter {
        kind: Some(KindChoice::Swedish),
        ..AlignedFilter::default()
    };
    assert!(
        aligned(&effects, &index.daily, Metric::Pain, &other)
            .iter()
            .all(|p| p.n == 0)
    );
}

#[test]
fn trend_runs_break_at_days_not_logged() {
    let journal = journal(
        &[("2026-01-01", 3), ("2026-01-02", 4), ("2026-01-05", 6)],
        &[],
    );
    let index = JournalIndex::new(&journal);
    let range = DayRange::new(date("2026-01-01"), date("2026-01-05"));
    let runs = daily_runs(&index.daily, Metric::Pain, range);
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[0].len(), 2);
    assert_eq!(runs[1], vec![[day_number(date("2026-01-05")), 6.0]]);
    assert_eq!(
        date_from_day_number(runs[1][0][0]),
        Some(date("2026-01-05"))
    );
    assert!(daily_runs(&index.daily, Metric::Sleep, range).is_empty());
}

#[test]
fn the_rolling_mean_needs_four_of_seven_days() {
    let days = january(1, 10, |d| u8::try_from(d).unwrap());
    let journal = journal(&as_refs(&days), &[]);
    let index = JournalIndex::new(&journal);
    let runs = rolling_mean_runs(
        &index.daily,
        Metric::Pain,
        DayRange::new(date("2026-01-01"), date("2026-01-10")),
    );
    assert_eq!(runs.len(), 1);
    // From Jan 4 (four values: 1–4, mean 2.5) to Jan 10 (4–10, mean 7).
    assert_eq!(
        runs[0].first(),
        Some(&[day_number(date("2026-01-04")), 2.5])
    );
    assert_eq!(runs[0].last(), Some(&[day_number(date("2026-01-10")), 7.0]));
}

#[test]
fn decimation_keeps_extremes_in_order() {
    let points: Vec<[f64; 2]> = (0..100)
        .map(|i| [f64::from(i), f64::from((i * 37) % 11)])
        .collect();
    let reduced = decimate(&points, 10.0);
    assert!(reduced.len() <= 20);
    assert!(
        reduced.windows(2).all(|w| w[0][0] <= w[1][0]),
        "x stays in order"
    );
    let max = reduced.iter().map(|p| p[1]).fold(f64::MIN, f64::max);
    let min = reduced.iter().map(|p| p[1]).fold(f64::MAX, f64::min);
    assert_eq!((min, max), (0.0, 10.0));
    assert_eq!(
        decimate(&points, 1.0),
        points,
        "nothing to reduce at one day per bucket"
    );
}

#[test]
fn since_the_last_session() {
    let days = january(1, 20, |d| if d < 12 { 6 } else { 3 });
    let mut journal = journal(&as_refs(&days), &["2026-01-05 10:00", "2026-01-12 10:00"]);
    let mut noted = journal.day(date("2026-01-14")).unwrap().clone();
    noted.note = "Walked 5 km".into();
    journal.set_day(noted);
    let index = JournalIndex::new(&journal);
    let since = since_last_session(&journal, &index, date("2026-01-20")).unwrap();
    assert_eq!(since.session.date(), date("2026-01-12"));
    assert_eq!(since.days_since, 8);
    assert_eq!(since.since_means[Metric::Pain], (Some(3.0), 8));
    assert_eq!(since.before_means[Metric::Pain], (Some(6.0), 7));
    assert_eq!(
        since.notes,
        vec![(date("2026-01-14"), "Walked 5 km".to_owned())]
    );
}

#[test]
fn settings_are_checked() {
    assert_eq!(
        EffectSettings::default(),
        EffectSettings::new(7, 3).unwrap()
    );
    assert!(EffectSettings::new(0, 1).is_err());
    assert!(EffectSettings::new(29, 3).is_err());
    assert!(EffectSettings::new(7, 8).is_err());
    assert!(EffectSettings::new(7, 0).is_err());
    assert!(EffectSettings::new(28, 28).is_ok());
}

#[test]
fn a_change_shown_as_half_a_point_is_never_about_the_same() {
    use crate::analysis::{Direction, direction};
    // −0.47 is shown as "0.5 lower": better, as the note says of half a point or more.
    assert_eq!(direction(Metric::Pain, -0.47), Direction::Improved);
    assert_eq!(direction(Metric::Pain, -0.44), Direction::Unchanged);
    assert_eq!(direction(Metric::Sleep, 0.47), Direction::Improved);
    assert_eq!(direction(Metric::Sleep, -0.5), Direction::Worse);
}
