//! A person's own measures go wherever the built-in ones do: the before/after analysis and the
//! comparison with ordinary weeks, the command line, the report, Trends and Effects in the
//! window, and the window's saved choice of metric.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::analysis::{EffectSettings, JournalIndex, effects};
use painlog::demo::{DemoSpec, generate};
use painlog::model::{Journal, Metric, Score, Worse};
use painlog::report::{self, Period, ReportRequest, Sections};

/// The 2-year demo with two more own measures copied from pain: "Pain again" (worse higher)
/// holds each day's pain, "Ease" (worse lower) holds 10 − pain.
fn with_copies_of_pain() -> (Journal, Metric, Metric) {
    let mut journal = generate(DemoSpec {
        years: 2,
        sessions: 60,
        seed: 7,
        end: today(),
    });
    let again = journal.add_measure("Pain again", Worse::Higher).unwrap();
    let ease = journal.add_measure("Ease", Worse::Lower).unwrap();
    let days: Vec<_> = journal.days().cloned().collect();
    for mut day in days {
        if let Some(pain) = day.pain {
            day.measures.insert(again, pain);
            day.measures
                .insert(ease, Score::new(10 - pain.get()).unwrap());
            journal.set_day(day);
        }
    }
    let again = Metric::own(journal.measure(again).unwrap());
    let ease = Metric::own(journal.measure(ease).unwrap());
    (journal, again, ease)
}

#[test]
fn an_own_measure_is_analysed_exactly_as_a_built_in_one() {
    let (journal, again, ease) = with_copies_of_pain();
    let index = JournalIndex::new(&journal);
    let result = effects(&journal, &index, EffectSettings::default());
    assert!(result.metrics.contains(&again) && result.metrics.contains(&ease));
    let pain = &result.compared.all[Metric::Pain];
    assert!(pain.sessions >= 3 && pain.baseline >= 3, "{pain:?}");
    // The same numbers give the same answer, to the last bit.
    assert_eq!(&result.compared.all[again], pain);
    assert_eq!(result.baseline[again], result.baseline[Metric::Pain]);
    for (kind, by_metric) in &result.compared.by_kind {
        assert_eq!(by_metric[again], by_metric[Metric::Pain], "{kind:?}");
    }
    for effect in &result.sessions {
        assert_eq!(effect.metrics[again], effect.metrics[Metric::Pain]);
    }
    // 10 − pain: every change turns round, and so does which end is better, so the verdict
    // is the same good or bad news.
    let turned = &result.compared.all[ease];
    assert_eq!(turned.sessions, pain.sessions);
    let (a, b) = (turned.difference.unwrap(), pain.difference.unwrap());
    assert!((a + b).abs() < 1e-9, "{a} against {b}");
    assert_eq!(
        turned.verdict.is_better(ease),
        pain.verdict.is_better(Metric::Pain)
    );
}

#[test]
fn the_report_lists_every_measure_with_the_own_ones() {
    let (journal, again, _) = with_copies_of_pain();
    let index = JournalIndex::new(&journal);
    let result = effects(&journal, &index, EffectSettings::default());
    let period = Period::LastDays(365).resolve(&journal, today()).unwrap();
    let summary = report::summarize_period(
        &journal,
        &index,
        &result,
        &ReportRequest {
            period,
            sections: Sections::default(),
            message: String::new(),
            name: None,
            made: now(),
        },
    );
    let line = summary
        .measures
        .iter()
        .find(|line| line.metric == again)
        .expect("the own measure in the report");
    assert_eq!(line.mean, index.daily.mean(Metric::Pain, period));
    assert!(summary.measures.iter().all(|l| l.metric != Metric::Pain));
    let json: serde_json::Value = serde_json::from_str(&report::to_json(&summary)).unwrap();
    let measures = json["measures"].as_array().unwrap();
    let own = measures
        .iter()
        .find(|m| m["measure"] == "Pain again")
        .expect("in the JSON");
    assert_eq!(own["higher_is_better"], false);
    assert_eq!(own["days"], line.mean.1);
    let markdown = report::to_markdown(&summary);
    assert!(
        markdown.contains("## Every measure besides pain\n\n- Worst pain: "),
        "{markdown}"
    );
    assert!(
        markdown.contains("\n- Ease (higher is better): "),
        "{markdown}"
    );
}

#[test]
fn the_command_line_takes_an_own_measure_by_name() {
    let (_folder, path) = journal_in_temp();
    let (journal, _, _) = with_copies_of_pain();
    save(&path, &journal);
    let table = run_cli(&path, &["effects", "--metric", "pain AGAIN"]);
    assert!(table.status.success());
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("pain again"), "{text}");
    let pain = run_cli(&path, &["effects"]);
    // The same numbers as pain, said of the measure.
    assert_eq!(
        String::from_utf8_lossy(&pain.stdout)
            .lines()
            .next()
            .unwrap()
            .replace("pain", "pain again"),
        text.lines().next().unwrap()
    );
    let json = run_cli(&path, &["effects", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        json["compared"]["all"]["Pain again"],
        json["compared"]["all"]["pain"]
    );
    let unknown = run_cli(&path, &["effects", "--metric", "happiness"]);
    assert_eq!(unknown.status.code(), Some(2));
    let message = String::from_utf8_lossy(&unknown.stderr);
    for expected in [
        "--metric",
        "\"happiness\"",
        "pain, worst-pain",
        "\"Pain again\"",
        "\"Ease\"",
    ] {
        assert!(message.contains(expected), "{expected} in {message}");
    }
}

#[test]
fn an_own_measure_may_not_take_a_built_in_name() {
    let (_folder, path) = journal_in_temp();
    save(&path, &Journal::new());
    let before = std::fs::read(&path).unwrap();
    for name in [
        "Pain",
        "sleep quality",
        "Range of motion",
        "worst-pain",
        "MOOD",
    ] {
        let out = run_cli(&path, &["measure", "add", name, "--worse", "higher"]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(message.contains("built-in measure"), "{message}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{name}");
    }
}

#[test]
fn trends_and_effects_offer_an_own_measure_and_the_choice_follows_a_rename() {
    let (_folder, path) = journal_in_temp();
    let (journal, again, _) = with_copies_of_pain();
    save(&path, &journal);
    let mut harness = harness(&path);
    harness.get_by_label("Trends").click();
    harness.run();
    let shown = harness.get_by_label("Pain again");
    assert_eq!(
        shown.accesskit_node().role(),
        egui::accesskit::Role::CheckBox
    );
    shown.click();
    harness.run();
    assert!(harness.state().prefs().trends.is_shown(again));

    harness.get_by_label("Effects").click();
    harness.run();
    choose_metric(&mut harness, "Pain again");
    assert_eq!(harness.state().prefs().metric, again);
    assert_on_screen(&harness, "After sessions, pain again fell");

    let saved = ron::to_string(&harness.state().prefs()).unwrap();
    assert!(saved.contains("metric:Own("), "{saved}");
    drop(harness);

    // Renamed on the command line, then the window opened again with its saved choices: the
    // choice follows the measure under its new name.
    let out = run_cli(&path, &["measure", "rename", "Pain again", "Echo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut harness = harness_with_prefs(&path, ron::from_str(&saved).unwrap());
    harness.run();
    assert_eq!(harness.state().prefs().metric, again);
    assert_eq!(harness.state().prefs().metric.name(), "Echo");
    assert_on_screen(&harness, "After sessions, echo fell");
    drop(harness);

    // Opened on a journal without that measure, the window falls back to pain.
    save(
        &path,
        &generate(DemoSpec {
            years: 1,
            sessions: 20,
            seed: 7,
            end: today(),
        }),
    );
    let mut harness = harness_with_prefs(&path, ron::from_str(&saved).unwrap());
    harness.run();
    assert_eq!(harness.state().prefs().metric, Metric::Pain);
}

/// The window on `path` with `prefs`, as it opens after a run that saved them.
fn harness_with_prefs(
    path: &std::path::Path,
    prefs: painlog::ui::Prefs,
) -> egui_kittest::Harness<'static, painlog::ui::PainlogApp> {
    let mut config = painlog::ui::AppConfig::new(path.to_path_buf());
    config.clock = painlog::ui::Clock::Fixed(now());
    let app = painlog::ui::PainlogApp::new(config).with_prefs(prefs);
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1100.0, 900.0])
        .with_theme(egui::Theme::Light)
        .with_context_setup(painlog::ui::setup_context)
        .build_ui_state(|ui, app: &mut painlog::ui::PainlogApp| app.show(ui), app);
    harness.run();
    harness
}
