use super::*;
use crate::model::{
    CareKind, CareVisit, Day, ItemId, Minutes, Score, Session, SessionKind, parse_date, parse_start,
};

fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap_or_default()
}

fn logged(journal: &mut Journal, text: &str, pain: Option<u8>, worst: Option<u8>) {
    let mut day = Day::empty(date(text));
    day.pain = pain.and_then(|p| Score::new(p).ok());
    day.worst_pain = worst.and_then(|w| Score::new(w).ok());
    if day.pain.is_none() && day.worst_pain.is_none() {
        day.sleep = Score::new(6).ok();
    }
    journal.set_day(day);
}

fn add_session(journal: &mut Journal, start: &str) {
    if let (Some(start), Ok(minutes)) = (parse_start(start), Minutes::new(60)) {
        journal.add_session(Session::new(start, SessionKind::Swedish, minutes));
    }
}

/// March 2026: pain 2 on the 1st, 4 on the 2nd (worst 8), 6 on the 20th; a day with sleep only
/// on the 21st; a session on the 2nd; a physiotherapy visit on the 20th. April: nothing.
/// May: pain 3 on the 5th and 5 on the 6th. February: nothing.
fn spring() -> Journal {
    let mut journal = Journal::new();
    logged(&mut journal, "2026-03-01", Some(2), None);
    logged(&mut journal, "2026-03-02", Some(4), Some(8));
    logged(&mut journal, "2026-03-20", Some(6), None);
    logged(&mut journal, "2026-03-21", None, None);
    logged(&mut journal, "2026-05-05", Some(3), None);
    logged(&mut journal, "2026-05-06", Some(5), None);
    add_session(&mut journal, "2026-03-02 10:00");
    let _ = journal.add_care_visit(CareVisit {
        id: ItemId(0),
        date: date("2026-03-20"),
        kind: CareKind::Physiotherapy,
        name: String::new(),
        note: String::new(),
    });
    journal
}

#[test]
fn each_day_has_its_value_and_marks_and_a_day_without_the_metric_is_logged_but_empty() {
    let journal = spring();
    let index = JournalIndex::new(&journal);
    let range = DayRange::new(date("2026-03-01"), date("2026-05-31"));
    let calendar = Calendar::new(&journal, &index, Metric::Pain, range);
    assert_eq!(calendar.days().len(), 31 + 30 + 31);
    let day = |text| calendar.day(date(text)).copied();
    let second = day("2026-03-02");
    assert_eq!(second.map(|d| (d.value, d.sessions)), Some((Some(4), 1)));
    let twentieth = day("2026-03-20");
    assert_eq!(twentieth.map(|d| d.care_visits), Some(1));
    let sleep_only = day("2026-03-21");
    assert_eq!(sleep_only.map(|d| (d.value, d.logged)), Some((None, true)));
    let empty = day("2026-04-10");
    assert_eq!(empty.map(|d| (d.value, d.logged)), Some((None, false)));
    assert_eq!(day("2026-06-01"), None);
    assert_eq!(calendar.valued(), 5);
    assert_eq!(calendar.years(), 2026..=2026);
}

#[test]
fn months_count_their_days_and_compare_with_the_whole_month_before() {
    let journal = spring();
    let index = JournalIndex::new(&journal);
    let range = DayRange::new(date("2026-03-01"), date("2026-05-31"));
    let months = month_summaries(&journal, &index, range);
    assert_eq!(months.len(), 3);
    let march = &months[0];
    assert_eq!(march.start, date("2026-03-01"));
    assert_eq!(march.logged, 4, "the day with sleep only counts as logged");
    assert_eq!(march.pain_days, 3);
    assert_eq!(march.mean_pain, Some(4.0), "(2 + 4 + 6) / 3");
    assert_eq!(march.worst_pain, Some(8), "the worst pain field counts");
    assert_eq!((march.sessions, march.care_visits), (1, 1));
    assert_eq!(march.previous_mean, None, "nothing in February");
    assert_eq!(march.change(), None);
    // April: no pain logged at all.
    let april = &months[1];
    assert_eq!(
        (april.logged, april.mean_pain, april.worst_pain),
        (0, None, None)
    );
    assert_eq!(april.previous_mean, Some(4.0));
    assert_eq!(april.change(), None);
    // May: its month before has none.
    let may = &months[2];
    assert_eq!(may.mean_pain, Some(4.0));
    assert_eq!(may.previous_mean, None);
    assert_eq!(may.range.len(), 31);
}

#[test]
fn a_period_starting_mid_month_gives_a_first_month_of_its_days_compared_with_the_whole_month_before()
 {
    let journal = spring();
    let index = JournalIndex::new(&journal);
    let range = DayRange::new(date("2026-03-02"), date("2026-04-10"));
    let months = month_summaries(&journal, &index, range);
    assert_eq!(months.len(), 2);
    assert_eq!(months[0].range, range_of("2026-03-02", "2026-03-31"));
    assert_eq!(
        months[0].mean_pain,
        Some(5.0),
        "(4 + 6) / 2, the 1st is out"
    );
    assert_eq!(months[0].logged, 3);
    assert_eq!(months[1].range, range_of("2026-04-01", "2026-04-10"));
    assert_eq!(
        months[1].previous_mean,
        Some(4.0),
        "all of March, the 1st too"
    );
    let years = year_summaries(&journal, &index, range);
    assert_eq!(years.len(), 1);
    assert_eq!(years[0].range, range);
    assert_eq!(years[0].start, date("2026-01-01"));
}

fn range_of(from: &str, to: &str) -> DayRange {
    DayRange::new(date(from), date(to))
}

#[test]
fn leap_years_have_366_days_and_february_29() {
    let mut journal = Journal::new();
    logged(&mut journal, "2027-12-31", Some(8), None);
    logged(&mut journal, "2028-02-29", Some(3), None);
    logged(&mut journal, "2028-03-01", Some(5), None);
    let index = JournalIndex::new(&journal);
    let range = range_of("2027-01-01", "2028-12-31");
    let calendar = Calendar::new(&journal, &index, Metric::Pain, range);
    assert_eq!(calendar.days().len(), 365 + 366);
    assert_eq!(
        calendar.day(date("2028-02-29")).and_then(|d| d.value),
        Some(3)
    );
    let years = year_summaries(&journal, &index, range);
    assert_eq!(years.len(), 2);
    assert_eq!((years[0].range.len(), years[1].range.len()), (365, 366));
    assert_eq!(years[1].mean_pain, Some(4.0));
    assert_eq!(years[1].previous_mean, Some(8.0));
    assert_eq!(years[1].change(), Some(-4.0));
    let months = month_summaries(&journal, &index, range);
    assert_eq!(months.len(), 24);
    let february = &months[13];
    assert_eq!(february.start, date("2028-02-01"));
    assert_eq!(february.range.len(), 29);
    assert_eq!(february.logged, 1);
    assert_eq!(february.previous_mean, None, "January 2028 has nothing");
    let march = &months[14];
    assert_eq!(march.previous_mean, Some(3.0));
    assert_eq!(march.change(), Some(2.0));
    assert_eq!(months[12].previous_mean, Some(8.0), "December 2027");
}

#[test]
fn darker_is_worse_whichever_end_is_worse() {
    assert_eq!(step(Metric::Pain, 0), 0);
    assert_eq!(step(Metric::Pain, 10), 5);
    assert_eq!(step(Metric::Sleep, 10), 0);
    assert_eq!(step(Metric::Sleep, 0), 5);
    let pain: Vec<usize> = (0..=10).map(|v| step(Metric::Pain, v)).collect();
    assert_eq!(pain, [0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    assert!(pain.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(step_values(Metric::Pain, 1), (1, 2));
    assert_eq!(step_values(Metric::Mood, 1), (8, 9));
}

#[test]
fn an_empty_journal_has_empty_days_and_months_with_nothing() {
    let journal = Journal::new();
    let index = JournalIndex::new(&journal);
    let range = range_of("2026-01-01", "2026-01-31");
    let calendar = Calendar::new(&journal, &index, Metric::Pain, range);
    assert!(
        calendar
            .days()
            .iter()
            .all(|d| !d.logged && d.value.is_none())
    );
    let months = month_summaries(&journal, &index, range);
    assert_eq!(months.len(), 1);
    assert_eq!((months[0].logged, months[0].mean_pain), (0, None));
}
