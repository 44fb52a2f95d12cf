//! Effects, Aligned and Report in a small window (800 × 600) and a large one: every table and
//! note fits the window's width, the wheel scrolls the page, the sentences read as people say
//! them, and a new journal opens without an error.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Amount, Cost, Currency, Journal, Minutes, Session, SessionKind, parse_start};
use painlog::ui::PainlogApp;

fn cost(amount: &str) -> Option<Cost> {
    Some(Cost {
        amount: Amount::parse(amount).unwrap(),
        currency: Currency::parse("EUR").unwrap(),
    })
}

/// Two therapists, two Swedish sessions each, every day from April 1 to June 15 logged.
/// Dev: pain fell 2 points after each of his sessions (40 EUR each): 20.00 EUR a point.
/// Cara: pain fell 2 points after her paid session (60 EUR) and rose 3 after her unpaid one:
/// 30 EUR a point over the paid one alone, but on average pain rose after her sessions.
fn therapists_journal(path: &Path) {
    let mut journal = Journal::new();
    // (first day, last day, pain), days counted from April 1.
    let blocks: [(u32, u32, u8); 8] = [
        (0, 8, 6),
        (9, 16, 4), // after Dev's session on April 10 (day 9)
        (17, 30, 6),
        (31, 38, 4), // after Dev's session on May 1 (day 30)
        (39, 51, 6),
        (52, 59, 4), // after Cara's paid session on May 22 (day 51)
        (60, 72, 3),
        (73, 75, 6), // after Cara's unpaid session on June 12 (day 72)
    ];
    let first = date("2026-04-01");
    for (from, to, pain) in blocks {
        for n in from..=to {
            let logged = first + chrono::Duration::days(i64::from(n));
            journal.set_day(day(&logged.to_string(), pain));
        }
    }
    for (start, therapist, paid) in [
        ("2026-04-10 10:00", "Dev", cost("40")),
        ("2026-05-01 10:00", "Dev", cost("40")),
        ("2026-05-22 10:00", "Cara", cost("60")),
        ("2026-06-12 10:00", "Cara", None),
    ] {
        let mut session = Session::new(
            parse_start(start).unwrap(),
            SessionKind::Swedish,
            Minutes::new(60).unwrap(),
        );
        session.therapist = Some(therapist.into());
        session.cost = paid;
        journal.add_session(session);
    }
    save(path, &journal);
}

/// What a node says: a button's label or a text's value.
fn text_of(node: &egui_kittest::Node<'_>) -> Option<String> {
    let node = node.accesskit_node();
    node.label().or_else(|| node.value())
}

/// The labels on the same row as the last `name` shown (the tables by therapist come last),
/// left to right.
fn row_of(harness: &Harness<'_, PainlogApp>, name: &str) -> Vec<String> {
    let name_box = harness
        .get_all_by_label(name)
        .map(|node| node.accesskit_node().bounding_box().unwrap())
        .next_back()
        .unwrap();
    let mut cells: Vec<(f64, String)> = harness
        .root()
        .query_all(egui_kittest::kittest::by())
        .filter_map(|node| {
            let bounds = node.accesskit_node().bounding_box()?;
            let same_row = (bounds.y0 - name_box.y0).abs() < 2.0 && bounds.x0 >= name_box.x1;
            same_row
                .then(|| text_of(&node).map(|l| (bounds.x0, l)))
                .flatten()
        })
        .collect();
    cells.sort_by(|a, b| a.0.total_cmp(&b.0));
    // A label and its text run are two nodes with the same text.
    cells.dedup_by(|a, b| a.1 == b.1 && (a.0 - b.0).abs() < 0.5);
    cells.into_iter().map(|(_, label)| label).collect()
}

/// The right edge of every text shown, and its text, where it passes `width`.
fn past_the_edge(harness: &Harness<'_, PainlogApp>, width: f32) -> Vec<String> {
    harness
        .root()
        .query_all(egui_kittest::kittest::by())
        .filter_map(|node| {
            let label = text_of(&node)?;
            let bounds = node.accesskit_node().bounding_box()?;
            (bounds.x1 as f32 > width + 0.5).then(|| format!("{label:?} ends at {:.0}", bounds.x1))
        })
        .collect()
}

#[test]
fn effects_fit_a_small_window() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Effects");
    // Scroll through the page: the tables, the chart and the notes are laid out on the way.
    for _ in 0..12 {
        harness.get_by_label("By kind").scroll_down();
        harness.run();
    }
    let past = past_the_edge(&harness, 800.0);
    assert!(past.is_empty(), "past the window's right edge: {past:?}");
}

#[test]
fn the_cost_per_point_is_a_dash_when_pain_did_not_fall() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    click(&mut harness, "Effects");
    let dev = row_of(&harness, "Dev");
    assert_eq!(
        dev.last().map(String::as_str),
        Some("20.00 EUR"),
        "Dev's row: {dev:?}"
    );
    let cara = row_of(&harness, "Cara");
    assert!(
        cara.contains(&"60.00 EUR".to_owned()),
        "Cara's row: {cara:?}"
    );
    assert_eq!(
        cara.last().map(String::as_str),
        Some("–"),
        "Cara's row: {cara:?}"
    );
    assert!(harness.query_by_label("30.00 EUR").is_none());
}

#[test]
fn the_wheel_over_the_effects_chart_scrolls_the_page() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Effects");
    // Bring the chart's key to the top of the page: the chart is under it.
    harness.get_by_label("No change").scroll_to_me();
    harness.run();
    let key = harness.get_by_label("No change").rect();
    let over_the_chart = egui::pos2(400.0, key.bottom() + 120.0);
    let before = harness.get_by_label("By kind").rect().top();
    let shown_before = chart_bounds(&harness);
    harness.hover_at(over_the_chart);
    harness.run();
    for _ in 0..4 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -60.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
    let after = harness.get_by_label("By kind").rect().top();
    assert!(
        after < before - 100.0,
        "the page did not scroll under the wheel: By kind at {before} before, {after} after"
    );
    assert_eq!(
        chart_bounds(&harness),
        shown_before,
        "the chart moved under the wheel"
    );
}

/// The days and changes the Effects chart shows: its corners.
fn chart_bounds(harness: &Harness<'_, PainlogApp>) -> ([f64; 2], [f64; 2]) {
    let id = egui::Id::unique(painlog::ui::labels::effects::CHART_ID);
    let memory = egui_plot::PlotMemory::load(&harness.ctx, id).expect("the chart is shown");
    (memory.bounds().min(), memory.bounds().max())
}

/// Every text painted in the last frame, with its smallest font size.
fn painted_sizes(harness: &Harness<'_, PainlogApp>) -> Vec<(String, f32)> {
    painted_galleys(harness)
        .iter()
        .map(|galley| {
            let size = galley
                .job
                .sections
                .iter()
                .map(|section| section.format.font_id.size)
                .fold(f32::INFINITY, f32::min);
            (galley.text().to_owned(), size)
        })
        .collect()
}

#[test]
fn the_effects_table_says_what_its_numbers_mean_in_body_text() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    click(&mut harness, "Effects");
    let body = egui::TextStyle::Body
        .resolve(&harness.ctx.global_style())
        .size;
    let small: Vec<(String, f32)> = painted_sizes(&harness)
        .into_iter()
        .filter(|(text, size)| !text.trim().is_empty() && *size < body)
        .collect();
    assert!(
        small.is_empty(),
        "smaller than body text ({body}): {small:?}"
    );
    // The days each mean rests on, said in words under a heading that says so.
    harness.get_by_label("Before (days logged)");
    assert!(harness.query_all_by_label("(7 days)").count() >= 4);
    // Which way each change went, in a column that says what it means.
    harness.get_by_label(painlog::ui::labels::effects::BETTER_OR_WORSE);
    assert!(harness.query_all_by_label("better").count() >= 3);
    assert!(harness.query_all_by_label("worse").count() >= 1);
    // The threshold of a meaningful fall, in its heading.
    harness.get_by_label("Pain fell 2+ points or 30%");
}

#[test]
fn ordinary_weeks_are_counted_as_what_they_are() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    click(&mut harness, "Effects");
    let sentence = harness
        .get_by_label_contains("Ordinary weeks, for comparison:")
        .value()
        .unwrap();
    assert!(
        sentence.contains(" stretches of 15 days without a session (none sharing a day); pain over the last 7 days against the first 7: "),
        "{sentence}"
    );
    assert!(
        !sentence.contains("days with no session within"),
        "{sentence}"
    );
    // The controls say what they set, plainly.
    harness.get_by_label("Days around each session");
    harness.get_by_label("Logged days needed on each side");
}

/// Every text painted in the last frame and where it was painted.
fn painted_at(harness: &Harness<'_, PainlogApp>) -> Vec<(String, egui::Pos2)> {
    fn collect(shape: &egui::Shape, out: &mut Vec<(String, egui::Pos2)>) {
        match shape {
            egui::Shape::Text(text) => out.push((text.galley.text().to_owned(), text.pos)),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}

#[test]
fn the_aligned_count_axis_labels_three_counts() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Aligned");
    let texts = painted_at(&harness);
    let axis = texts
        .iter()
        .find(|(text, _)| text == painlog::ui::labels::aligned::COUNT_AXIS)
        .map(|(_, pos)| *pos)
        .expect("the count axis is named");
    // The counts' labels: numbers beside the axis name, left of the bars.
    let ticks: Vec<&String> = texts
        .iter()
        .filter(|(text, pos)| {
            text.parse::<u32>().is_ok() && (pos.y - axis.y).abs() < 60.0 && pos.x < axis.x + 60.0
        })
        .map(|(text, _)| text)
        .collect();
    assert!(ticks.len() >= 3, "count labels: {ticks:?} (all: {texts:?})");
}

#[test]
fn an_empty_journal_gets_a_sentence_not_empty_charts() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Aligned");
    harness.get_by_label(painlog::ui::labels::aligned::NO_SESSION);
    harness.get_by_label_contains("This view then lines every session up on its day");
    let texts = painted_texts(&harness);
    assert!(
        !texts
            .iter()
            .any(|t| t == painlog::ui::labels::aligned::COUNT_AXIS || t == "Session day"),
        "no empty chart nor its key: {texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("None of all")),
        "{texts:?}"
    );
}

/// One session on June 10 after which pain fell a point (not meaningfully), days June 1 to 15.
fn one_small_drop(path: &Path) {
    let mut journal = Journal::new();
    for d in 1..=15_u8 {
        journal.set_day(day(&format!("2026-06-{d:02}"), if d < 10 { 5 } else { 4 }));
    }
    journal.add_session(Session::new(
        parse_start("2026-06-10 17:00").unwrap(),
        SessionKind::Swedish,
        Minutes::new(60).unwrap(),
    ));
    save(path, &journal);
}

const MESSAGE: &str = "Message to your therapist (optional, printed on page one)";

#[test]
fn the_report_fits_a_small_window_with_export_in_sight() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Report");
    click(&mut harness, "The whole journal");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0));
    let export = harness.get_by_label("Export").rect();
    let message = harness.get_by_label(MESSAGE).rect();
    let export_as = harness.get_by_label("Export as").rect();
    assert!(window.contains_rect(export), "Export at {export:?}");
    assert!(
        window.contains_rect(message),
        "the message field at {message:?}"
    );
    assert!(
        message.bottom() < export_as.top(),
        "the message field ({message:?}) is above the export bar ({export_as:?})"
    );
    // The path has the width the window gives it.
    let path_field = harness.get_by_label("Save to (a file)").rect();
    assert!(
        path_field.width() > 450.0,
        "the path field is {path_field:?}"
    );
    let past = past_the_edge(&harness, 800.0);
    assert!(past.is_empty(), "past the window's right edge: {past:?}");
}

#[test]
fn the_preview_is_a_page_wide_on_a_large_screen() {
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [1920.0, 1080.0]);
    click(&mut harness, "Report");
    let answer = harness
        .get_by_label_contains("People tend to book a session when pain is high")
        .rect();
    assert!(
        answer.width() <= 810.0,
        "the preview's lines are {} wide",
        answer.width()
    );
}

#[test]
fn the_preview_explains_its_mark_only_when_a_row_has_it() {
    let note = "* at least 2 points or 30% lower.";
    let (_folder, path) = journal_in_temp();
    one_small_drop(&path);
    let mut harness = harness_sized(&path, [1400.0, 900.0]);
    click(&mut harness, "Report");
    assert!(harness.query_all_by_label_contains("1.0 lower").count() >= 1);
    assert!(
        harness.query_by_label(note).is_none(),
        "no row has the mark"
    );
    let (_folder, path) = journal_in_temp();
    therapists_journal(&path);
    let mut harness = harness_sized(&path, [1400.0, 900.0]);
    click(&mut harness, "Report");
    click(&mut harness, "The whole journal");
    harness.get_by_label(note);
}

#[test]
fn a_new_journal_opens_the_report_without_an_error() {
    let (_folder, path) = journal_in_temp();
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Report");
    let texts = painted_texts(&harness);
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("there is no session yet") || t.contains("no last session")),
        "no error: {texts:?}"
    );
    let last_30 = harness
        .get_by_label("Last 30 days")
        .accesskit_node()
        .toggled();
    assert_eq!(last_30, Some(egui::accesskit::Toggled::True));
    harness.get_by_label_contains("(30 days)");
    // The saved choice is kept: once there is a session, it is the period again.
    assert_eq!(
        harness.state().prefs().report.period,
        painlog::ui::PeriodChoice::SinceLastSession
    );
    // Asked for, "since the last session" says plainly why it cannot be.
    click(&mut harness, "Since the last session");
    harness.get_by_label_contains(
        "There is no session yet, so there is no last session to start from",
    );
}

/// The nodes labelled `labels` (a label and the field it names are two) whose boxes overlap
/// another's.
fn overlapping(harness: &Harness<'_, PainlogApp>, labels: &[&str]) -> Vec<String> {
    let boxes: Vec<(String, egui::accesskit::Rect)> = labels
        .iter()
        .flat_map(|label| {
            harness
                .get_all_by_label(label)
                .filter_map(|node| {
                    let node = node.accesskit_node();
                    Some((format!("{label} ({:?})", node.role()), node.bounding_box()?))
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut found = Vec::new();
    for (index, (a, a_box)) in boxes.iter().enumerate() {
        for (b, b_box) in &boxes[index + 1..] {
            let apart = a_box.x1 <= b_box.x0 + 0.5
                || b_box.x1 <= a_box.x0 + 0.5
                || a_box.y1 <= b_box.y0 + 0.5
                || b_box.y1 <= a_box.y0 + 0.5;
            if a != b && !apart {
                found.push(format!("{a:?} over {b:?}"));
            }
        }
    }
    found
}

/// Scroll `label` into the window, then click it.
fn scroll_and_click(harness: &mut Harness<'_, PainlogApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    click(harness, label);
}

#[test]
fn the_list_edit_forms_fit_a_small_window() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let mut visit = Session::new(
        parse_start("2026-06-03 09:00").unwrap(),
        SessionKind::TriggerPoint,
        Minutes::new(60).unwrap(),
    );
    visit.therapist = Some("Maximiliane Oberhauser-Lindqvist".into());
    let visit = journal.add_session(visit);
    let long = "Paracetamol with codeine, slow release".to_owned();
    let medication = painlog::model::Medication {
        id: painlog::model::ItemId(0),
        name: long.clone(),
        dose: "500 mg / 30 mg, two tablets".into(),
        as_needed: false,
        from: Some(parse_start("2026-01-01 00:00").unwrap().date()),
        until: None,
    };
    journal.add_medication(medication).unwrap();
    let exercise = painlog::model::Exercise {
        id: painlog::model::ItemId(0),
        name: "Chin tucks against the wall".into(),
        session: Some(visit),
        per_week: Some(14),
    };
    journal.add_exercise(exercise).unwrap();
    save(&path, &journal);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    scroll_and_click(&mut harness, "Your lists…");
    scroll_and_click(&mut harness, &format!("Edit {long}"));
    let medication_form = [
        "Medication's name",
        "Dose",
        "Taken as needed",
        "Started on (YYYY-MM-DD, empty if not known)",
        "Stopped on (YYYY-MM-DD, empty if still taken)",
        "Save medication",
        "Cancel",
    ];
    assert_eq!(
        overlapping(&harness, &medication_form),
        Vec::<String>::new()
    );
    let past = past_the_edge(&harness, 800.0);
    assert!(past.is_empty(), "past the window's right edge: {past:?}");

    scroll_and_click(&mut harness, "Edit Chin tucks against the wall");
    let choice = harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Suggested at");
    choice.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Suggested at")
        .click();
    harness.run();
    let exercise_form = [
        "Exercise's name",
        "Suggested at",
        "Times a week (1–14, empty if not set)",
        "Save exercise",
        "Cancel",
    ];
    assert_eq!(overlapping(&harness, &exercise_form), Vec::<String>::new());
    let past = past_the_edge(&harness, 800.0);
    assert!(past.is_empty(), "past the window's right edge: {past:?}");
}

#[test]
fn the_year_and_patterns_views_write_nothing_smaller_than_body_text() {
    let (_folder, path) = journal_in_temp();
    save(
        &path,
        &painlog::demo::generate(painlog::demo::DemoSpec::window_demo(today())),
    );
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    let body = egui::TextStyle::Body
        .resolve(&harness.ctx.global_style())
        .size;
    for view in ["Year", "Patterns"] {
        click(&mut harness, view);
        harness.run();
        let small: Vec<(String, f32)> = painted_sizes(&harness)
            .into_iter()
            .filter(|(text, size)| !text.trim().is_empty() && *size < body)
            .collect();
        assert!(
            small.is_empty(),
            "{view}: smaller than body text ({body}): {small:?}"
        );
    }
}
