//! Readable at any scale (issue 12): long ranges summarised on the trend chart, its key beside
//! the data, stepping to a session brings it into view, the Day list marks days with a session.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::demo::{DemoSpec, generate};
use painlog::model::{KindChoice, SessionKind};
use painlog::ui::PainlogApp;

/// The first and last day the trend chart shows, as its accessible name says.
fn chart_days(harness: &Harness<'_, PainlogApp>) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let label: String = harness
        .get_by_label_contains("Trend chart, ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    let dates: Vec<chrono::NaiveDate> = label
        .trim_start_matches("Trend chart, ")
        .split(" to ")
        .map(|text| chrono::NaiveDate::parse_from_str(text, "%a %-d %b %Y").unwrap())
        .collect();
    (dates[0], dates[1])
}

fn has(harness: &Harness<'_, PainlogApp>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

#[test]
fn long_ranges_show_weekly_or_monthly_means_and_sessions_as_counts() {
    let (_folder, path) = journal_in_temp();
    let journal = generate(DemoSpec {
        years: 5,
        sessions: 250,
        seed: 7,
        end: today(),
    });
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Trends");
    click(&mut harness, "30 days");
    // A month: each day, the 7-day mean, and the sessions as lines, by kind in the key.
    assert!(has(&harness, "Pain, daily"));
    assert!(has(&harness, "Pain, 7-day mean"));
    assert!(harness.query_by_label_contains("monthly means").is_none());
    assert!(harness.query_by_label_contains("Sessions per").is_none());
    let kinds_in_key = |harness: &Harness<'_, PainlogApp>| {
        KindChoice::ALL
            .into_iter()
            .filter(|kind| has(harness, &format!("{} session", kind.label())))
            .count()
    };
    assert!(
        kinds_in_key(&harness) >= 1,
        "the kinds drawn are in the key"
    );

    // Five years: monthly means with their band, the sessions counted per month under the chart,
    // the key and the strip already in the one frame that follows the click (never a frame whose
    // key or strip belongs to the chart before).
    let chart = |harness: &Harness<'_, PainlogApp>| {
        harness
            .get_by_label_contains("Trend chart, ")
            .accesskit_node()
            .label()
            .unwrap_or_default()
    };
    let month = chart(&harness);
    harness.get_by_label("All").click();
    for _ in 0..4 {
        harness.step();
        if chart(&harness) != month {
            break;
        }
    }
    assert_ne!(chart(&harness), month, "the chart shows all five years");
    assert!(
        has(&harness, "Pain, monthly mean"),
        "the key in the same frame"
    );
    assert!(!has(&harness, "Pain, daily"), "no key of the chart before");
    harness.get_by_label_contains("Sessions per month, ");
    harness.run();
    assert!(has(&harness, "Pain, monthly mean"));
    assert!(!has(&harness, "Pain, daily"), "no daily line at this scale");
    assert!(!has(&harness, "Pain, 7-day mean"));
    harness.get_by_label_contains("each line shows monthly means");
    harness.get_by_label("Band: the middle half of each month's days.");
    let strip: String = harness
        .get_by_label_contains("Sessions per month, ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(strip.contains("250 sessions"), "{strip}");
    assert_eq!(
        kinds_in_key(&harness),
        0,
        "no session lines in the key once they are counted"
    );

    // A year at this width gives a day under 2 pixels: weekly means.
    harness.set_size(egui::vec2(700.0, 900.0));
    harness.run();
    click(&mut harness, "1 year");
    harness.run();
    assert!(has(&harness, "Pain, weekly mean"), "weekly at 700 px");
    harness.get_by_label_contains("Sessions per week, ");
}

#[test]
fn stepping_to_a_session_brings_it_into_view() {
    let (_folder, path) = journal_in_temp();
    let mut journal = painlog::model::Journal::new();
    for day in 0..120 {
        let date = today() - chrono::Days::new(day);
        journal.set_day(common::day(&date.to_string(), 4));
    }
    journal.add_session(session("2026-03-02 10:00", SessionKind::Swedish));
    journal.add_session(session("2026-06-10 10:00", SessionKind::DeepTissue));
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Trends");
    click(&mut harness, "30 days");
    assert_eq!(
        chart_days(&harness),
        (date("2026-05-17"), date("2026-06-15"))
    );
    click(&mut harness, "◀ Earlier session");
    harness.get_by_label_contains("Shaded: the Deep tissue session of Wed 10 Jun 2026");
    assert_eq!(
        chart_days(&harness),
        (date("2026-05-17"), date("2026-06-15")),
        "a session in view: the chart stays"
    );
    click(&mut harness, "◀ Earlier session");
    harness.get_by_label_contains("Shaded: the Swedish session of Mon 2 Mar 2026");
    let (first, last) = chart_days(&harness);
    assert!(
        first <= date("2026-03-02") && date("2026-03-02") <= last,
        "the chart moved to 2 March: {first} to {last}"
    );
    assert!(
        ((last - first).num_days() - 29).abs() <= 1,
        "the span is kept: {first} to {last}"
    );
}

#[test]
fn the_day_list_marks_days_with_a_session() {
    let (_folder, path) = journal_in_temp();
    let mut journal = painlog::model::Journal::new();
    journal.set_day(day("2026-06-09", 5));
    journal.set_day(day("2026-06-10", 3));
    journal.add_session(session("2026-06-10 17:00", SessionKind::Swedish));
    save(&path, &journal);
    let harness = harness(&path);
    harness.get_by_label("Wed 10 Jun 2026 · pain 3 · session");
    harness.get_by_label("Tue 9 Jun 2026 · pain 5");
}

#[test]
fn input_boxes_have_a_visible_border_in_the_light_theme() {
    let (_folder, path) = journal_in_temp();
    let harness = harness(&path);
    let style = harness.ctx.style_of(egui::Theme::Light);
    let stroke = style.visuals.widgets.inactive.bg_stroke;
    assert!(stroke.width >= 1.0, "{stroke:?}");
    // Darker than the panel by a clear step (egui's light panel is grey 248).
    assert!(stroke.color.r() <= 160, "{stroke:?}");
}

#[test]
fn a_notice_does_not_move_the_view() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness(&path);
    click(&mut harness, "Sessions");
    let before = harness.get_by_label_contains("New massage session").rect();
    type_into(&mut harness, "Date (YYYY-MM-DD)", "2026-06-12");
    type_into(&mut harness, "Start time (HH:MM, 24-hour)", "17:30");
    click(&mut harness, "Add session");
    harness.get_by_label_contains("Added session 1");
    let after = harness.get_by_label("Sessions, newest first (1)").rect();
    let heading = harness.query_by_label_contains("New massage session");
    // The form stays where it was (or is replaced by the session's own); the list heading is
    // where it was before the notice came.
    if let Some(heading) = heading {
        assert_eq!(heading.rect().top(), before.top(), "the form moved down");
    }
    click(&mut harness, "Dismiss");
    assert!(harness.query_by_label_contains("Added session 1").is_none());
    let settled = harness.get_by_label("Sessions, newest first (1)").rect();
    assert_eq!(
        after.top(),
        settled.top(),
        "the list moved when the notice went"
    );
}

#[test]
fn the_aligned_chart_keeps_labelled_ticks_at_800_by_600() {
    let (_folder, path) = journal_in_temp();
    let journal = generate(DemoSpec::window_demo(today()));
    save(&path, &journal);
    let mut harness = harness(&path);
    harness.set_size(egui::vec2(800.0, 600.0));
    harness.run();
    click(&mut harness, "Aligned");
    let texts = painted_texts(&harness);
    let days = ["−6", "−4", "−2", "0", "+2", "+4", "+6"];
    let labelled_days = days
        .iter()
        .filter(|d| texts.iter().any(|t| t == *d))
        .count();
    assert!(labelled_days >= 3, "day ticks: {texts:?}");
    let scores = ["2", "4", "6", "8", "10"];
    let labelled_scores = scores
        .iter()
        .filter(|d| texts.iter().any(|t| t == *d))
        .count();
    assert!(labelled_scores >= 3, "score ticks: {texts:?}");
    // Each axis says what it shows and which way is better.
    // Whole, or shortened where the chart is too short for it: never cut.
    assert!(
        texts
            .iter()
            .any(|t| t == "Pain (lower is better)" || t == "Pain, lower better"),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t == "days before (−) and after (+) the session")
    );
    // One n per statement: the count under the chart says which sessions the sentence counts,
    // and it is the sentence's own count.
    let label = |needle: &str| -> String {
        let node = harness.get_by_label_contains(needle);
        let node = node.accesskit_node();
        node.label().or_else(|| node.value()).unwrap_or_default()
    };
    let lined_up = label("Averaged over");
    let headline = label("After sessions, pain");
    if let Some(rest) = lined_up.split("The sentence above counts the ").nth(1) {
        let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
        assert!(
            headline.contains(&format!("; {n} sessions, ")),
            "{lined_up} / {headline}"
        );
    } else {
        let n: String = lined_up
            .trim_start_matches("Averaged over ")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert!(
            headline.contains(&format!("; {n} sessions, ")),
            "{lined_up} / {headline}"
        );
    }
}

#[test]
fn chart_keys_sit_beside_the_charts_with_the_shapes_drawn() {
    let (_folder, path) = journal_in_temp();
    let journal = generate(DemoSpec::window_demo(today()));
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Effects");
    harness.get_by_label("Ordinary weeks' mean change");
    harness.get_by_label("No change");
    let kinds = KindChoice::ALL
        .into_iter()
        .filter(|kind| {
            harness
                .query_by_label(&format!("{} session", kind.label()))
                .is_some()
        })
        .count();
    assert!(kinds >= 2, "each kind in the key");
    // No egui_plot legend (it would sit over the points and draw every kind as a circle).
    assert!(
        harness
            .query_by_label("baseline (days without a session)")
            .is_none()
    );
    click(&mut harness, "Aligned");
    harness.get_by_label("Pain, mean");
    harness.get_by_label("Middle half of the values (quartiles)");
    harness.get_by_label("Session day");
    click(&mut harness, "Compare kinds (one line each)");
    assert!(
        harness
            .query_by_label("Middle half of the values (quartiles)")
            .is_none()
    );
    assert!(
        harness.query_all_by_label_contains(", mean").count() >= 2,
        "a line per kind in the key"
    );
}

#[test]
fn since_last_session_answers_in_the_words_of_effects() {
    let (_folder, path) = journal_in_temp();
    let journal = generate(DemoSpec::window_demo(today()));
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Since last session");
    harness.get_by_label("Did your sessions help?");
    let answer: String = harness
        .get_by_label_contains("After sessions, pain")
        .accesskit_node()
        .value()
        .or_else(|| {
            harness
                .get_by_label_contains("After sessions, pain")
                .accesskit_node()
                .label()
        })
        .unwrap_or_default();
    assert!(answer.contains("ordinary weeks"), "{answer}");
    harness.get_by_label_contains("People tend to book a session when pain is high");
    // Changes in words, never a bare sign.
    let texts = painted_texts(&harness);
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with(" lower") || t.ends_with(" higher")),
        "{texts:?}"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with('+') || t.starts_with("-0") || t.starts_with("-1")),
        "{texts:?}"
    );
    click(&mut harness, "Effects");
    harness.get_by_label(&answer);
}

#[test]
fn a_wide_window_charts_the_days_around_beside_the_forms() {
    let (_folder, path) = journal_in_temp();
    let journal = generate(DemoSpec::window_demo(today()));
    let last = journal.sessions().last().unwrap().clone();
    save(&path, &journal);
    let mut harness = harness(&path);
    // At 1100 px there is no room: the forms alone.
    assert!(harness.query_by_label_contains("Days around ").is_none());
    harness.set_size(egui::vec2(1920.0, 1080.0));
    harness.run();
    harness.get_by_label_contains("The weeks around");
    let chart: String = harness
        .get_by_label_contains("Days around ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(chart.contains("pain"), "{chart}");

    click(&mut harness, "Sessions");
    harness.get_by_label("So far");
    let when = last.start.format("%a %-d %b %Y, %H:%M").to_string();
    list_row(&harness, &when).click();
    harness.run();
    harness.get_by_label_contains("Around this session");
    let chart: String = harness
        .get_by_label_contains("Days around ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(
        chart.contains("after the session against before"),
        "{chart}"
    );

    click(&mut harness, "Since last session");
    harness.get_by_label("The days since, on a chart");
    assert!(
        harness
            .query_all_by_label_contains("Days around ")
            .any(|node| node
                .accesskit_node()
                .label()
                .is_some_and(|l| l.contains("pain"))),
        "the chart of the days since, described"
    );
}

#[test]
fn a_session_too_long_for_the_list_ends_in_an_ellipsis_and_is_read_whole() {
    let (_folder, path) = journal_in_temp();
    let mut journal = painlog::model::Journal::default();
    let mut long = session("2026-06-10 10:00", SessionKind::DeepTissue);
    long.therapist = Some("Dr. Maximiliane Oberhauser-Vandenberghe, Riverside Clinic".to_owned());
    journal.add_session(long);
    save(&path, &journal);
    let mut harness = harness(&path);
    harness.set_size(egui::vec2(800.0, 600.0));
    harness.run();
    click(&mut harness, "Sessions");
    let texts: Vec<(String, bool)> = painted_galleys(&harness)
        .iter()
        .map(|galley| (galley.text().to_owned(), galley.elided))
        .collect();
    let therapist = texts
        .iter()
        .find(|(t, _)| t.starts_with("Dr. Maximiliane"))
        .expect("the therapist is drawn on the detail line");
    assert!(therapist.1, "the detail line is cut with an ellipsis");
    let title = texts
        .iter()
        .find(|(t, _)| t == "Wed 10 Jun 2026, 10:00")
        .expect("the title line is drawn");
    assert!(!title.1, "a line that fits is whole");
    // A screen reader hears the whole line, and the whole name in its cell.
    list_row(&harness, "Oberhauser-Vandenberghe, Riverside Clinic");
    harness.get_by_role_and_label(
        egui::accesskit::Role::Cell,
        "Dr. Maximiliane Oberhauser-Vandenberghe, Riverside Clinic",
    );
}
