//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{Day, Journal, Minutes, Score, Session, SessionKind, parse_date, parse_start};
use painlog::ui::{AppConfig, Clock, PainlogApp};

/// The moment UI tests take as "now".
pub fn now() -> NaiveDateTime {
    parse_start("2026-06-15 18:05").unwrap()
}

pub fn today() -> NaiveDate {
    now().date()
}

pub fn date(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

/// A fresh folder and the journal path inside it.
pub fn journal_in_temp() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("journal.ron");
    (folder, path)
}

pub fn load(path: &Path) -> Journal {
    painlog::store::load(path).unwrap().journal
}

pub fn save(path: &Path, journal: &Journal) {
    painlog::store::save(path, journal, now()).unwrap();
}

pub fn score(value: u8) -> Option<Score> {
    Some(Score::new(value).unwrap())
}

pub fn day(text: &str, pain: u8) -> Day {
    let mut day = Day::empty(date(text));
    day.pain = score(pain);
    day
}

pub fn session(start: &str, kind: SessionKind) -> Session {
    Session::new(parse_start(start).unwrap(), kind, Minutes::new(60).unwrap())
}

/// The real app on `path`, with a fixed clock, saving at once, in a light theme.
pub fn harness(path: &Path) -> Harness<'static, PainlogApp> {
    let mut config = AppConfig::new(path.to_path_buf());
    config.clock = Clock::Fixed(now());
    config.save_delay = Duration::ZERO;
    let app = PainlogApp::new(config);
    let mut harness = Harness::builder()
        .with_size([1100.0, 900.0])
        .with_theme(egui::Theme::Light)
        .with_context_setup(painlog::ui::setup_context)
        .build_ui_state(|ui, app: &mut PainlogApp| app.show(ui), app);
    harness.run();
    harness
}

/// Focus the field labelled `label`, select what is in it, and type `text` over it.
pub fn type_into(harness: &mut Harness<'_, PainlogApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Move focus away from the field being edited, as Tab would.
pub fn press_tab(harness: &mut Harness<'_, PainlogApp>) {
    harness.key_press(egui::Key::Tab);
    harness.run();
}

pub fn click(harness: &mut Harness<'_, PainlogApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}
