//! The Effects view as a person reads it: the answer and the forest plot on the first page, each
//! group in words a click away, the tables by kind and by therapist with the answer against
//! ordinary weeks beside the plain change, changes that add up with the means beside them, pain
//! columns that say pain whatever the metric, a page the wheel always scrolls, and tick labels
//! inside the window.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::*;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::analysis::{EffectSettings, JournalIndex, effects};
use painlog::demo::{DemoSpec, generate};
use painlog::model::{Journal, Metric, SessionKind};
use painlog::report::wording;
use painlog::ui::PainlogApp;
use painlog::ui::labels::effects as labels;

/// A demo journal of `years` years with `sessions` sessions, saved at `path`.
fn demo(path: &Path, years: u32, sessions: usize) -> Journal {
    let journal = generate(DemoSpec {
        years,
        sessions,
        seed: 2026,
        end: today(),
    });
    save(path, &journal);
    journal
}

/// What a node says: a button's label or a text's value.
fn text_of(node: &egui_kittest::Node<'_>) -> Option<String> {
    let node = node.accesskit_node();
    node.label().or_else(|| node.value())
}

/// The texts on the same row as the first `name` shown under `heading` (or anywhere, with
/// `None`), right of it, left to right.
fn row_of(harness: &Harness<'_, PainlogApp>, heading: Option<&str>, name: &str) -> Vec<String> {
    let below = heading.map_or(f64::NEG_INFINITY, |heading| {
        harness
            .get_by_label(heading)
            .accesskit_node()
            .bounding_box()
            .unwrap()
            .y1
    });
    let name_box = harness
        .get_all_by_label(name)
        .map(|node| node.accesskit_node().bounding_box().unwrap())
        .filter(|bounds| bounds.y0 >= below)
        .min_by(|a, b| a.y0.total_cmp(&b.y0))
        .unwrap();
    let mut cells: Vec<(f64, String)> = harness
        .root()
        .query_all(egui_kittest::kittest::by())
        .filter_map(|node| {
            let bounds = node.accesskit_node().bounding_box()?;
            let centre = |b: &egui::accesskit::Rect| (b.y0 + b.y1) / 2.0;
            let same_row =
                (centre(&bounds) - centre(&name_box)).abs() < 3.0 && bounds.x0 >= name_box.x1;
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

/// Every text painted in the last frame, where it is and the rectangle it is clipped to.
fn painted(harness: &Harness<'_, PainlogApp>) -> Vec<(String, egui::Rect, egui::Rect)> {
    fn collect(
        shape: &egui::Shape,
        clip: egui::Rect,
        out: &mut Vec<(String, egui::Rect, egui::Rect)>,
    ) {
        match shape {
            egui::Shape::Text(text) => {
                out.push((
                    text.galley.text().to_owned(),
                    text.visual_bounding_rect(),
                    clip,
                ));
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, clip, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

/// `text` is painted whole: inside the rectangle it is clipped to (so inside the visible page).
fn painted_whole(harness: &Harness<'_, PainlogApp>, text: &str) -> bool {
    painted(harness)
        .iter()
        .any(|(shown, rect, clip)| shown == text && clip.contains_rect(rect.shrink(0.5)))
}

fn wheel(harness: &mut Harness<'_, PainlogApp>, at: egui::Pos2, down: f32) {
    harness.hover_at(at);
    harness.run_steps(2);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -down),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    // A tooltip may open under the pointer: frames enough for the scroll, not for it to settle.
    harness.run_steps(8);
}

#[test]
fn the_answer_and_the_forest_plot_fit_the_first_page_and_each_group_is_a_click_away() {
    let (_folder, path) = journal_in_temp();
    demo(&path, 20, 1000);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Effects");
    let overall = text_of(&harness.get_by_label_contains("After sessions, pain")).unwrap();
    assert!(
        painted_whole(&harness, &overall),
        "the answer is on the first page"
    );
    assert!(
        painted_whole(
            &harness,
            &format!("{} {}", wording::REGRESSION_CAVEAT, wording::ONE_PERSON)
        ),
        "the caveat beside it"
    );
    // The forest plot whole: its rows, its axis and the sides under it.
    let (left, right) = wording::forest_sides(Metric::Pain);
    for text in ["All sessions", "Deep tissue", "Anna Berg", &left, &right] {
        assert!(painted_whole(&harness, text), "{text:?} on the first page");
    }
    // Each kind and therapist in words: closed in a small window, opened from the keyboard.
    assert!(
        harness
            .query_by_label_contains("After deep tissue sessions")
            .is_none()
    );
    harness.get_by_label(labels::GROUPS_IN_WORDS).focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label_contains("After deep tissue sessions, pain");
    harness.get_by_label_contains("After sessions with Anna Berg, pain");

    // A tall window has room for them: open from the start.
    let mut tall = harness_sized(&path, [1400.0, 1000.0]);
    click(&mut tall, "Effects");
    tall.get_by_label_contains("After deep tissue sessions, pain");
}

/// Pain 6, 6, 6, 6, 5, 5, 5 in the week before a session on 10 May (mean 5.57, shown 5.6) and
/// 5, 5, 5, 5, 5, 5, 6 in the week after (5.14, shown 5.1): the change shown is 0.5 lower, the
/// unrounded 0.43 would read "0.4 lower".
fn rounding_journal(path: &Path) {
    let mut journal = Journal::new();
    let pains = [6, 6, 6, 6, 5, 5, 5, 0, 5, 5, 5, 5, 5, 5, 6];
    for (n, pain) in pains.into_iter().enumerate() {
        if n != 7 {
            journal.set_day(day(&format!("2026-05-{:02}", n + 3), pain));
        }
    }
    journal.add_session(session("2026-05-10 10:00", SessionKind::Swedish));
    save(path, &journal);
}

#[test]
fn a_sessions_change_is_the_difference_of_the_means_shown_beside_it() {
    let (_folder, path) = journal_in_temp();
    rounding_journal(&path);
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    click(&mut harness, "Effects");
    // The cells as a screen reader reads them (the mean with its logged days).
    let row = row_of(&harness, None, "2026-05-10");
    for cell in ["5.6 (7 days)", "5.1 (7 days)", "0.5 lower", "better"] {
        assert!(row.contains(&cell.to_owned()), "{cell:?} in {row:?}");
    }
    assert!(!row.contains(&"0.4 lower".to_owned()), "{row:?}");
    assert!(!row.contains(&"about the same".to_owned()), "{row:?}");
}

#[test]
fn pain_columns_say_pain_when_another_metric_is_shown() {
    let (_folder, path) = journal_in_temp();
    demo(&path, 1, 20);
    let mut harness = harness_sized(&path, [1400.0, 1000.0]);
    click(&mut harness, "Effects");
    for metric in ["Sleep quality (higher is better)", "Stress"] {
        choose_metric(&mut harness, metric);
        harness.get_by_label(labels::PAIN_RIGHT_AFTER);
        harness.get_by_label(labels::MEANINGFUL);
        assert!(labels::PAIN_RIGHT_AFTER.starts_with("Pain"));
        assert!(labels::MEANINGFUL.starts_with("Pain"));
        assert!(harness.query_by_label("Right after").is_none());
        // The cost per point is of pain relief, whatever the metric.
        assert!(
            harness
                .query_all_by_label_contains("of pain relief")
                .next()
                .is_some()
        );
        assert!(
            harness
                .query_all_by_label("Cost per point\nof relief")
                .next()
                .is_none()
        );
    }
}

#[test]
fn the_tables_by_kind_and_therapist_put_the_answer_beside_the_plain_change() {
    let (_folder, path) = journal_in_temp();
    let journal = demo(&path, 20, 1000);
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::default());
    for size in [[800.0, 600.0], [1400.0, 1000.0]] {
        let mut harness = harness_sized(&path, size);
        click(&mut harness, "Effects");
        if harness
            .query_all_by_label_contains("After sessions with")
            .next()
            .is_none()
        {
            harness.get_by_label(labels::GROUPS_IN_WORDS).click();
            harness.run();
        }
        assert_eq!(harness.query_all_by_label(labels::PLAIN_MEAN).count(), 2);
        assert_eq!(
            harness.query_all_by_label(labels::AGAINST_ORDINARY).count(),
            2,
            "by kind and by therapist"
        );
        harness.get_by_label_contains("ordinary weeks change too (pain ");
        let mut differs = false;
        for (name, compared) in &effects.compared.by_therapist {
            let compared = &compared[Metric::Pain];
            let plain = effects.by_therapist[name].metrics[Metric::Pain].mean_change;
            let against = wording::change(compared.difference);
            let verdict = wording::verdict_word(Metric::Pain, compared);
            let row = row_of(&harness, Some("By therapist"), name);
            // Sessions, then the answer against ordinary weeks, then the plain change.
            assert_eq!(row[1], against, "{name}: {row:?}");
            assert_eq!(row[2], verdict, "{name}: {row:?}");
            assert_eq!(row[3], wording::change(plain), "{name}: {row:?}");
            differs |= row[1] != row[3];
            // The same number as the group's sentence.
            let sentence = text_of(
                &harness.get_by_label_contains(&format!("After sessions with {name}, pain")),
            )
            .unwrap();
            // "fell 0.7 points more", "fell 1.0 point more", or "(0.1 lower, 95% interval".
            let points = against
                .trim_end_matches(" lower")
                .trim_end_matches(" higher");
            assert!(
                sentence.contains(&format!(" {points} point"))
                    || sentence.contains(&format!("({against},")),
                "{sentence} / {against}"
            );
        }
        assert!(differs, "the demo has a group whose two measures differ");
    }
}

#[test]
fn the_wheel_reaches_the_end_of_the_page_past_a_long_sessions_table() {
    let (_folder, path) = journal_in_temp();
    demo(&path, 20, 1000);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Effects");
    let page_top = harness
        .get_by_label("Days around each session")
        .rect()
        .bottom();
    let page_bottom = 600.0 - 28.0;
    // The table leaves half the page or more around it.
    harness
        .get_by_label(labels::PAIN_RIGHT_AFTER)
        .scroll_to_me();
    harness.run();
    let header = harness.get_by_label("Before (days logged)").rect();
    let key = harness.get_by_label("No change").rect();
    assert!(
        key.top() - header.top() <= 0.6 * (page_bottom - page_top),
        "the table takes {} of {}",
        key.top() - header.top(),
        page_bottom - page_top
    );
    let visible = |harness: &Harness<'_, PainlogApp>| {
        let rect = harness.get_by_label("By therapist").rect();
        rect.top() >= page_top && rect.bottom() <= page_bottom
    };
    // With the pointer at the right edge of the page (its text ends 16 points from the window's
    // edge, and its scroll bar shows over the last few), wherever the table is…
    let mut reached = false;
    for _ in 0..80 {
        wheel(&mut harness, egui::pos2(779.0, 400.0), 120.0);
        if visible(&harness) {
            reached = true;
            break;
        }
    }
    assert!(
        reached,
        "the wheel at the right edge did not reach By therapist"
    );
    // …and with it in the middle, off the table: back up to the top of the page.
    let mut reached_top = false;
    for _ in 0..80 {
        let header = harness.get_by_label("Before (days logged)").rect();
        let key = harness.get_by_label("No change").rect();
        let y = [page_top + 20.0, page_bottom - 20.0]
            .into_iter()
            .find(|y| *y < header.top() - 4.0 || *y > key.top())
            .expect("the table leaves page above or below it");
        wheel(&mut harness, egui::pos2(400.0, y), -120.0);
        let heading = harness.get_by_label_contains("Did sessions help?").rect();
        if heading.top() >= page_top {
            reached_top = true;
            break;
        }
    }
    assert!(reached_top, "the wheel off the table did not reach the top");
}

#[test]
fn the_forest_plots_tick_labels_stay_inside_the_window() {
    let (_folder, path) = journal_in_temp();
    demo(&path, 1, 20);
    let mut harness = harness_sized(&path, [800.0, 600.0]);
    click(&mut harness, "Effects");
    for metric in ["Pain", "Sleep quality (higher is better)", "Stress"] {
        choose_metric(&mut harness, metric);
        let id = egui::Id::unique(labels::FOREST_ID);
        let memory = egui_plot::PlotMemory::load(&harness.ctx, id).expect("the forest plot");
        let frame = *memory.transform().frame();
        let texts = painted(&harness);
        let (_, _, clip) = texts
            .iter()
            .find(|(text, _, _)| text == "All sessions")
            .expect("the forest plot's first row");
        // A label centred on a tick at the plot's right end still fits.
        let body = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
        let half = harness.ctx.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap("+1.5".to_owned(), body, egui::Color32::BLACK)
                .size()
                .x
        }) / 2.0;
        assert!(
            frame.right() + half <= clip.right(),
            "{metric}: the plot ends at {}, the page at {}",
            frame.right(),
            clip.right()
        );
        for (text, rect, clip) in &texts {
            if text.starts_with('+') {
                assert!(
                    rect.right() <= clip.right() + 0.5,
                    "{metric}: {text:?} cut at the right"
                );
            }
        }
    }
}
