//! Every statistic of the patterns against values worked out by hand (and with Python's scipy
//! for the t quantile of Welch's interval).

use super::*;
use crate::model::{Day, ItemId, Medication, Score, Session, SessionKind};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, day).unwrap_or_default()
}

const SLEEP: [u8; 12] = [8, 7, 9, 5, 4, 6, 8, 3, 5, 7, 6, 9];
const PAIN: [u8; 12] = [3, 4, 2, 6, 6, 5, 4, 8, 5, 4, 5, 3];
/// Days (of June 2026) on which ibuprofen was taken.
const TOOK: [u32; 4] = [4, 5, 8, 9];

/// Twelve days of sleep and pain (1–12 June), stress on the first nine only, ibuprofen on four
/// days, and a Swedish session on the 13th with nothing else logged that day.
fn journal() -> Journal {
    let mut journal = Journal::new();
    let id = journal
        .add_medication(Medication {
            id: ItemId(0),
            name: "Ibuprofen".to_owned(),
            dose: String::new(),
            as_needed: true,
            from: None,
            until: None,
        })
        .unwrap_or_default();
    for (i, (sleep, pain)) in SLEEP.into_iter().zip(PAIN).enumerate() {
        let number = i as u32 + 1;
        let mut day = Day::empty(date(number));
        day.sleep = Score::new(sleep).ok();
        day.pain = Score::new(pain).ok();
        if number <= 9 {
            day.stress = Score::new(5 + number as u8 % 3).ok();
        }
        if TOOK.contains(&number) {
            day.took.insert(id);
        }
        journal.set_day(day);
    }
    let start = date(13).and_hms_opt(17, 0, 0).unwrap_or_default();
    journal.add_session(Session::new(
        start,
        SessionKind::Swedish,
        crate::model::Minutes::new(60).unwrap_or_else(|_| unreachable!()),
    ));
    journal
}

fn all() -> Patterns {
    let journal = journal();
    let index = JournalIndex::new(&journal);
    patterns(
        &journal,
        &index,
        Metric::Pain,
        DayRange::new(date(1), date(30)),
    )
}

fn measure(patterns: &Patterns, metric: Metric, lag: u8) -> &MeasurePattern {
    patterns
        .measures
        .iter()
        .find(|p| p.measure == metric && p.lag == lag)
        .unwrap_or_else(|| panic!("{metric} at lag {lag}"))
}

fn factor<'a>(patterns: &'a Patterns, name: &str, lag: u8) -> &'a FactorPattern {
    patterns
        .factors
        .iter()
        .find(|p| p.factor.name == name && p.lag == lag)
        .unwrap_or_else(|| panic!("{name} at lag {lag}"))
}

#[test]
fn pearson_and_fisher_match_hand_computed_values() {
    let r = pearson(&[(1.0, 2.0), (2.0, 4.0), (3.0, 5.0)]).unwrap_or(0.0);
    assert!(close(r, 0.981_980_506_061_965_9), "{r}");
    let (low, high) = fisher_ci95(0.5, 28).unwrap_or((0.0, 0.0));
    assert!(close(low, 0.156_021_334_787_391_86), "{low}");
    assert!(close(high, 0.735_821_782_556_717_8), "{high}");
    // No spread on a side: no r. Too few pairs: no interval.
    assert_eq!(pearson(&[(1.0, 2.0), (1.0, 4.0), (1.0, 5.0)]), None);
    assert_eq!(fisher_ci95(0.5, 3), None);
}

#[test]
fn sleep_against_pain_the_same_day_and_the_next() {
    let patterns = all();
    // 12 days, the session day counted but with no pain or sleep: 12 pairs the same day.
    assert_eq!(patterns.days_counted, 13);
    let same = measure(&patterns, Metric::Sleep, 0);
    assert_eq!(same.n, 12);
    assert!(close(same.r.unwrap_or(0.0), -0.956_955_212_069_629_4));
    let (low, high) = same.ci95.unwrap_or((0.0, 0.0));
    assert!(close(low, -0.988_161_051_676_755_3) && close(high, -0.849_712_762_249_013_7));
    assert_eq!(same.verdict, PatternVerdict::GoesWithLower);
    assert_eq!(
        (same.counts[8][3], same.counts[8][4], same.counts[8][5]),
        (1, 1, 0)
    );
    // The next day: 11 pairs (the 12th's next day has no pain), an interval across 0.
    let next = measure(&patterns, Metric::Sleep, 1);
    assert_eq!(next.n, 11);
    assert!(close(next.r.unwrap_or(0.0), 0.153_169_712_936_209_93));
    let (low, high) = next.ci95.unwrap_or((0.0, 0.0));
    assert!(close(low, -0.491_912_287_080_255_9) && close(high, 0.689_682_168_196_629_8));
    assert_eq!(next.verdict, PatternVerdict::NoClearPattern);
}

#[test]
fn fewer_than_ten_pairs_are_not_enough() {
    let patterns = all();
    // Stress on 9 days: 9 pairs the same day.
    let stress = measure(&patterns, Metric::Stress, 0);
    assert_eq!(
        (stress.n, stress.r, stress.verdict),
        (9, None, PatternVerdict::NotEnoughData)
    );
    // Worst pain is never set against pain; pain is not set against itself.
    assert!(patterns.measures.iter().all(|p| p.measure != Metric::Pain));
    assert!(
        patterns
            .measures
            .iter()
            .all(|p| p.measure != Metric::WorstPain)
    );
}

#[test]
fn a_medication_against_pain_with_welchs_interval() {
    let patterns = all();
    let same = factor(&patterns, "Ibuprofen", 0);
    assert_eq!(same.factor.kind, FactorKind::Medication);
    assert_eq!((same.compared.sessions, same.compared.baseline), (4, 8));
    assert!(close(same.compared.session_mean.unwrap_or(0.0), 6.25));
    assert!(close(same.compared.baseline_mean.unwrap_or(0.0), 3.75));
    assert!(close(same.compared.difference.unwrap_or(0.0), 2.5));
    let (low, high) = same.compared.ci95.unwrap_or((0.0, 0.0));
    assert!(close(low, 0.642_355_106_906_970_6), "{low}");
    assert!(close(high, 4.357_644_893_093_029), "{high}");
    assert_eq!(same.verdict, PatternVerdict::GoesWithHigher);
    assert_eq!(same.with, vec![5.0, 6.0, 6.0, 8.0]);
    // The next day: pain on the 5th, 6th, 9th and 10th against the other days whose next day
    // has pain (the 12th's and the 13th's have none).
    let next = factor(&patterns, "Ibuprofen", 1);
    assert_eq!((next.compared.sessions, next.compared.baseline), (4, 7));
    assert!(close(
        next.compared.difference.unwrap_or(0.0),
        0.428_571_428_571_428_8
    ));
    let (low, high) = next.compared.ci95.unwrap_or((0.0, 0.0));
    assert!(close(low, -1.520_776_861_195_356_5), "{low}");
    assert!(close(high, 2.377_919_718_338_214), "{high}");
    assert_eq!(next.verdict, PatternVerdict::NoClearPattern);
}

#[test]
fn a_thing_on_fewer_than_three_days_is_not_enough() {
    let patterns = all();
    // The session's day counts, but has no pain: no day with it.
    let swedish = factor(&patterns, "Swedish", 0);
    assert_eq!(swedish.factor.kind, FactorKind::SessionKind);
    assert_eq!(swedish.compared.sessions, 0);
    assert_eq!(swedish.verdict, PatternVerdict::NotEnoughData);
}

#[test]
fn clear_patterns_come_first_strongest_first() {
    let patterns = all();
    let clear = patterns.clear();
    assert_eq!(
        clear.len(),
        2,
        "sleep the same day and ibuprofen the same day"
    );
    assert!(clear[0].strength() >= clear[1].strength());
    assert!(matches!(clear[0], AnyPattern::Measure(p) if p.measure == Metric::Sleep));
    assert!(patterns.measures[0].verdict.is_clear());
    assert!(patterns.factors[0].verdict.is_clear());
}
