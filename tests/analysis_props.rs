//! Properties of the before/after analysis on random journals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate, NaiveTime};
use painlog::analysis::{EffectSettings, JournalIndex, effects};
use painlog::model::{Day, Journal, Metric, Minutes, Score, Session, SessionKind};
use proptest::prelude::*;

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

#[derive(Clone, Debug)]
struct Plan {
    days: Vec<(u64, [Option<u8>; 5])>,
    sessions: Vec<(u64, u32, u8)>,
    window: i64,
    min_days: i64,
}

fn plan() -> impl Strategy<Value = Plan> {
    let day = (
        0_u64..150,
        proptest::array::uniform5(proptest::option::of(0_u8..=10)),
    );
    let session = (0_u64..150, 0_u32..24, 0_u8..6);
    (
        proptest::collection::vec(day, 0..120),
        proptest::collection::vec(session, 0..25),
        1_i64..=28,
    )
        .prop_flat_map(|(days, sessions, window)| {
            (Just(days), Just(sessions), Just(window), 1_i64..=window)
        })
        .prop_map(|(days, sessions, window, min_days)| Plan {
            days,
            sessions,
            window,
            min_days,
        })
}

fn kind(index: u8) -> SessionKind {
    match index {
        0 => SessionKind::Swedish,
        1 => SessionKind::DeepTissue,
        2 => SessionKind::TriggerPoint,
        3 => SessionKind::Sports,
        4 => SessionKind::Shiatsu,
        _ => SessionKind::Other("Hot stone".into()),
    }
}

fn build(plan: &Plan, sessions_in_order: &[(u64, u32, u8)]) -> Journal {
    let mut journal = Journal::new();
    for (offset, scores) in &plan.days {
        let mut day = Day::empty(base() + Days::new(*offset));
        for (metric, score) in Metric::ALL.into_iter().zip(scores) {
            metric.set(&mut day, score.map(|s| Score::new(s).unwrap()));
        }
        journal.set_day(day);
    }
    for &(offset, hour, kind_index) in sessions_in_order {
        let start =
            (base() + Days::new(offset)).and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap());
        journal.add_session(Session::new(
            start,
            kind(kind_index),
            Minutes::new(60).unwrap(),
        ));
    }
    journal
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn windows_never_hold_or_cross_a_session_day(plan in plan()) {
        let journal = build(&plan, &plan.sessions);
        let index = JournalIndex::new(&journal);
        let settings = EffectSettings::new(plan.window, plan.min_days).unwrap();
        let result = effects(&journal, &index, settings);
        let session_days = index.session_days.days();
        for effect in &result.sessions {
            let day = effect.date();
            for window in [effect.before, effect.after] {
                prop_assert!(window.len() <= usize::try_from(plan.window).unwrap());
                for other in session_days {
                    prop_assert!(!window.contains(*other), "a window holds a session day");
                }
            }
            // Nothing between the window and the session day is another session's day.
            if !effect.before.is_empty() {
                prop_assert!(session_days.iter().all(|d| !(effect.before.to < *d && *d < day)));
                prop_assert_eq!(effect.before.to, day - Days::new(1));
            }
            if !effect.after.is_empty() {
                prop_assert_eq!(effect.after.from, day + Days::new(1));
            }
        }
    }

    #[test]
    fn means_stay_within_0_to_10_and_rest_on_enough_days(plan in plan()) {
        let journal = build(&plan, &plan.sessions);
        let index = JournalIndex::new(&journal);
        let settings = EffectSettings::new(plan.window, plan.min_days).unwrap();
        let result = effects(&journal, &index, settings);
        for effect in &result.sessions {
            for (_, metric) in effect.metrics.iter() {
                for window in [metric.before, metric.after] {
                    if let Some(mean) = window.mean {
                        prop_assert!((0.0..=10.0).contains(&mean));
                        prop_assert!(window.days >= usize::try_from(plan.min_days).unwrap());
                    } else {
                        prop_assert!(window.days < usize::try_from(plan.min_days).unwrap());
                    }
                }
                if let Some(change) = metric.change() {
                    prop_assert!((-10.0..=10.0).contains(&change));
                }
            }
        }
        for (_, summary) in result.baseline.iter() {
            if let Some(mean) = summary.mean_change {
                prop_assert!((-10.0..=10.0).contains(&mean));
            }
        }
    }

    #[test]
    fn the_order_sessions_were_entered_does_not_matter(plan in plan(), seed in any::<u64>()) {
        let mut shuffled = plan.sessions.clone();
        // A cheap deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, usize::try_from(state % (i as u64 + 1)).unwrap());
        }
        let settings = EffectSettings::new(plan.window, plan.min_days).unwrap();
        let a = build(&plan, &plan.sessions);
        let b = build(&plan, &shuffled);
        let (ea, eb) = (
            effects(&a, &JournalIndex::new(&a), settings),
            effects(&b, &JournalIndex::new(&b), settings),
        );
        // Ids differ with the order of entry; everything else must match, session by session.
        let key = |e: &painlog::analysis::SessionEffect| (e.start, e.kind.clone(), format!("{:?}", e.metrics), e.before, e.after);
        let mut left: Vec<_> = ea.sessions.iter().map(key).collect();
        let mut right: Vec<_> = eb.sessions.iter().map(key).collect();
        left.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
        right.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
        prop_assert_eq!(left, right);
        prop_assert_eq!(ea.by_kind, eb.by_kind);
        prop_assert_eq!(ea.baseline, eb.baseline);
    }

    #[test]
    fn ordinary_weeks_are_far_from_sessions_never_overlap_and_rest_on_enough_days(plan in plan()) {
        let journal = build(&plan, &plan.sessions);
        let index = JournalIndex::new(&journal);
        let settings = EffectSettings::new(plan.window, plan.min_days).unwrap();
        let result = effects(&journal, &index, settings);
        let k = plan.window;
        for (metric, sample) in result.ordinary.iter() {
            for pair in sample.windows(2) {
                prop_assert!((pair[1].0 - pair[0].0).num_days() > 2 * k, "windows never share a day");
            }
            for (day, change) in sample {
                prop_assert!(index.session_days.distance(*day).is_none_or(|d| d >= k));
                let (before, after) = index.session_days.windows(*day, settings.window());
                let (b, before_days) = index.daily.mean(metric, before);
                let (a, after_days) = index.daily.mean(metric, after);
                let m = usize::try_from(plan.min_days).unwrap();
                prop_assert!(before_days >= m && after_days >= m);
                prop_assert!((a.unwrap() - b.unwrap() - change).abs() < 1e-9);
            }
            prop_assert_eq!(result.baseline[metric].n, sample.len());
        }
    }

    #[test]
    fn the_comparison_is_the_difference_with_an_interval_around_it(
        sessions in proptest::collection::vec(-10.0_f64..10.0, 0..30),
        ordinary in proptest::collection::vec(-10.0_f64..10.0, 0..30),
    ) {
        use painlog::analysis::{Comparison, Verdict};
        let c = Comparison::of(&sessions, &ordinary);
        prop_assert_eq!((c.sessions, c.baseline), (sessions.len(), ordinary.len()));
        let enough = sessions.len() >= 3 && ordinary.len() >= 3;
        prop_assert_eq!(c.ci95.is_some(), enough);
        if let (Some(d), Some((low, high))) = (c.difference, c.ci95) {
            prop_assert!(low <= d + 1e-9 && d <= high + 1e-9, "the interval holds the difference");
            prop_assert!(((d - low) - (high - d)).abs() < 1e-6, "and is symmetric around it");
            let expected = if high < 0.0 { Verdict::Lower } else if low > 0.0 { Verdict::Higher } else { Verdict::NoClearDifference };
            prop_assert_eq!(c.verdict, expected);
            // Swapping the sides mirrors the answer.
            let swapped = Comparison::of(&ordinary, &sessions);
            let (s_low, s_high) = swapped.ci95.unwrap();
            prop_assert!((s_low + high).abs() < 1e-6 && (s_high + low).abs() < 1e-6);
        } else {
            prop_assert_eq!(c.verdict, Verdict::NotEnoughData);
        }
    }
}
