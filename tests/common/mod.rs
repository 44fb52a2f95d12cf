//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{
    Day, ItemId, Journal, Medication, Minutes, Score, Session, SessionKind, parse_date, parse_start,
};
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

/// The painlog binary, with `PAINLOG_DATA` cleared so that the machine's own setting cannot leak
/// in, and `PAINLOG_NOW` set to [`now`], so that what a test expects does not depend on the day
/// (or the minute before midnight) it runs.
pub fn painlog_command() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_painlog"));
    command.env_remove("PAINLOG_DATA");
    command.env("PAINLOG_NOW", now().format("%Y-%m-%d %H:%M").to_string());
    command
}

/// Run `painlog --data PATH ARGS…` to its end.
pub fn run_cli(path: &Path, args: &[&str]) -> std::process::Output {
    painlog_command()
        .arg("--data")
        .arg(path)
        .args(args)
        .output()
        .unwrap()
}

/// SplitMix64: a small random generator for tests that print their seed to be repeated.
pub struct Random(pub u64);

impl Random {
    /// The seed from the environment variable `name`, or from the clock.
    pub fn seed_from(name: &str) -> u64 {
        std::env::var(name)
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            })
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The real app on `path`, checking the file on every frame (it does every two seconds).
pub fn watching_harness(path: &Path) -> Harness<'static, PainlogApp> {
    let mut config = AppConfig::new(path.to_path_buf());
    config.clock = Clock::Fixed(now());
    config.save_delay = Duration::ZERO;
    config.watch_every = Duration::ZERO;
    let mut harness = Harness::builder()
        .with_size([1100.0, 900.0])
        .with_context_setup(painlog::ui::setup_context)
        .build_ui_state(
            |ui, app: &mut PainlogApp| app.show(ui),
            PainlogApp::new(config),
        );
    harness.run_steps(2);
    harness
}

/// The real app on `path`, with a fixed clock, saving at once, in a light theme.
pub fn harness(path: &Path) -> Harness<'static, PainlogApp> {
    harness_sized(path, [1100.0, 900.0])
}

/// [`harness`] in a window of `size`.
pub fn harness_sized(path: &Path, size: [f32; 2]) -> Harness<'static, PainlogApp> {
    let mut config = AppConfig::new(path.to_path_buf());
    config.clock = Clock::Fixed(now());
    config.save_delay = Duration::ZERO;
    let app = PainlogApp::new(config);
    let mut harness = Harness::builder()
        .with_size(size)
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

/// Click what is labelled `label`, and wait for the export or import it may start to end (they
/// run on threads of their own while the window keeps drawing).
pub fn click(harness: &mut Harness<'_, PainlogApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.step();
    wait_for_jobs(harness);
}

/// Choose the metric of Effects and Aligned from its list, by the metric's name as shown.
#[allow(dead_code)]
pub fn choose_metric(harness: &mut Harness<'_, PainlogApp>, name: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Metric:")
        .click();
    harness.run();
    harness
        .get_all_by_label(name)
        .find(|node| {
            egui_kittest::kittest::NodeT::accesskit_node(node).role()
                != egui::accesskit::Role::ComboBox
        })
        .expect("the metric in the open list")
        .click();
    harness.run();
    wait_for_jobs(harness);
}

/// Draw frames until no export or import is running (at most 60 s), then until the window
/// settles.
pub fn wait_for_jobs(harness: &mut Harness<'_, PainlogApp>) {
    let started = std::time::Instant::now();
    while harness.state().busy() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "an export or import still runs after a minute"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    // What the job's end brought (a notice, a new row) may take a few frames to settle.
    for _ in 0..5 {
        if harness.run_ok().is_some() {
            return;
        }
    }
    harness.run();
}

/// The arguments of a valid `session add` (start, kind and minutes), with options replaced or
/// added by `extra` (pairs of option and value).
pub fn session_add_args(extra: &[&str]) -> Vec<String> {
    let mut pairs: Vec<(String, String)> = [
        ("--start", "2026-01-05 17:30"),
        ("--kind", "swedish"),
        ("--minutes", "60"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    for pair in extra.chunks(2) {
        match pairs.iter_mut().find(|(key, _)| key == pair[0]) {
            Some(existing) => existing.1 = pair[1].to_owned(),
            None => pairs.push((pair[0].to_owned(), pair[1].to_owned())),
        }
    }
    let mut args = vec!["session".to_owned(), "add".to_owned()];
    for (key, value) in pairs {
        args.push(key);
        args.push(value);
    }
    args
}

/// The files painlog kept in `folder` when it replaced a journal (`journal.replaced-….ron`),
/// sorted.
pub fn replaced_files(folder: &Path) -> Vec<PathBuf> {
    let mut kept: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("journal.replaced-")
        })
        .collect();
    kept.sort();
    kept
}

/// `text` is on screen at least once (a reason shows under its field, and may show again in the
/// status bar or beside the button it stops).
#[track_caller]
pub fn assert_on_screen(harness: &Harness<'_, PainlogApp>, text: &str) {
    assert!(
        harness.query_all_by_label_contains(text).next().is_some(),
        "expected {text:?} on screen"
    );
}

/// Every text painted in the last frame (the plot paints its hover label).
pub fn painted_texts(harness: &Harness<'_, PainlogApp>) -> Vec<String> {
    painted_galleys(harness)
        .iter()
        .map(|galley| galley.text().to_owned())
        .collect()
}

/// Every piece of text the last frame painted, laid out as drawn.
pub fn painted_galleys(harness: &Harness<'_, PainlogApp>) -> Vec<std::sync::Arc<egui::Galley>> {
    fn collect(shape: &egui::Shape, out: &mut Vec<std::sync::Arc<egui::Galley>>) {
        match shape {
            egui::Shape::Text(text) => out.push(text.galley.clone()),
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

/// The row of the days or sessions list whose text holds `text` (its cells hold parts of it too).
pub fn list_row<'h>(harness: &'h Harness<'_, PainlogApp>, text: &'h str) -> egui_kittest::Node<'h> {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    harness
        .query_all_by_label_contains(text)
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Row)
        .unwrap_or_else(|| panic!("no row of the list holds {text:?}"))
}

/// Sleep quality on 1–12 May 2026 in [`patterns_journal`].
pub const PATTERN_SLEEP: [u8; 12] = [8, 7, 9, 5, 4, 6, 8, 3, 5, 7, 6, 9];
/// Pain on the same days.
pub const PATTERN_PAIN: [u8; 12] = [3, 4, 2, 6, 6, 5, 4, 8, 5, 4, 5, 3];

/// The patterns' tests' journal, its numbers worked out by hand: sleep and pain on 1–12 May
/// 2026, ibuprofen on the 4th, 5th, 8th and 9th, and a Swedish session on the 13th with nothing
/// else logged.
pub fn patterns_journal() -> Journal {
    let mut journal = Journal::new();
    let id = journal
        .add_medication(Medication {
            id: ItemId(0),
            name: "Ibuprofen".to_owned(),
            dose: "400 mg".to_owned(),
            as_needed: true,
            from: None,
            until: None,
        })
        .unwrap();
    for (i, (sleep, pain)) in PATTERN_SLEEP.into_iter().zip(PATTERN_PAIN).enumerate() {
        let mut day = day(&format!("2026-05-{:02}", i + 1), pain);
        day.sleep = Score::new(sleep).ok();
        if [3, 4, 7, 8].contains(&i) {
            day.took.insert(id);
        }
        journal.set_day(day);
    }
    journal.add_session(session("2026-05-13 17:00", SessionKind::Swedish));
    journal
}
