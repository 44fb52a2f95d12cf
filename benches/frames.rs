//! One full frame of each view, as the window draws it: build the UI and tessellate it, on a
//! one-year and a twenty-year journal, at 1280 × 800, with the pointer moving over the window
//! (so hover labels are built too), the trend range set to "all" and the Year view on everything.
//!
//! Run: `cargo bench --bench frames`. Prints the median, the 99th percentile and the worst frame.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::time::{Duration, Instant};

use painlog::model::Journal;
use painlog::ui::{
    AppConfig, Clock, PainlogApp, PeriodChoice, Prefs, RangeChoice, ReportChoices, TrendsChoices,
    View, YearPeriod,
};

const WARM_UP: usize = 10;
const FRAMES: usize = 300;

const VIEWS: [(View, &str); 9] = [
    (View::Day, "Day"),
    (View::Sessions, "Sessions"),
    (View::Trends, "Trends (all)"),
    (View::Effects, "Effects"),
    (View::Aligned, "Aligned"),
    (View::SinceLast, "Since last session"),
    (View::Report, "Report"),
    (View::Year, "Year (everything)"),
    (View::Patterns, "Patterns (everything)"),
];

/// A window on `journal`, drawn frame by frame without a screen.
struct Window {
    app: PainlogApp,
    ctx: egui::Context,
    frame: usize,
    _folder: tempfile::TempDir,
}

impl Window {
    fn new(journal: &Journal) -> Self {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("journal.ron");
        painlog::store::save(&path, journal, common::end().and_hms_opt(12, 0, 0).unwrap()).unwrap();
        let mut config = AppConfig::new(path);
        config.clock = Clock::Fixed(common::end().and_hms_opt(18, 0, 0).unwrap());
        let prefs = Prefs {
            view: View::Day,
            trends: TrendsChoices::with_range(RangeChoice::All),
            year: YearPeriod::Everything,
            ..Prefs::default()
        };
        let ctx = egui::Context::default();
        painlog::ui::setup_context(&ctx);
        Self {
            app: PainlogApp::new(config).with_prefs(prefs),
            ctx,
            frame: 0,
            _folder: folder,
        }
    }

    /// One frame: build the UI with the pointer moving (and `key` pressed with Ctrl, if any),
    /// then tessellate; returns how long it took.
    fn frame(&mut self, key: Option<egui::Key>) -> Duration {
        self.frame += 1;
        let x = 40.0 + (self.frame % 60) as f32 * 20.0;
        let y = 150.0 + (self.frame % 23) as f32 * 25.0;
        let mut events = vec![egui::Event::PointerMoved(egui::pos2(x, y))];
        if let Some(key) = key {
            let modifiers = egui::Modifiers::COMMAND;
            events.push(egui::Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers,
            });
        }
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            time: Some(self.frame as f64 / 60.0),
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let output = self.ctx.run_ui(input, |ui| self.app.show(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let elapsed = start.elapsed();
        std::hint::black_box(primitives);
        elapsed
    }
}

const KEYS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// A 20-year PDF of the whole journal exported from the Report view, through the real button:
/// how long each frame takes while the export runs on its own thread.
fn frames_during_an_export(journal: &Journal) {
    use egui_kittest::kittest::Queryable as _;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("journal.ron");
    painlog::store::save(&path, journal, common::end().and_hms_opt(12, 0, 0).unwrap()).unwrap();
    let mut config = AppConfig::new(path);
    config.clock = Clock::Fixed(common::end().and_hms_opt(18, 0, 0).unwrap());
    let prefs = Prefs {
        view: View::Report,
        report: ReportChoices {
            period: PeriodChoice::Everything,
            ..ReportChoices::default()
        },
        ..Prefs::default()
    };
    let app = PainlogApp::new(config).with_prefs(prefs);
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(painlog::ui::setup_context)
        .build_ui_state(|ui, app: &mut PainlogApp| app.show(ui), app);
    harness.run_steps(5);
    let pdf = folder.path().join("report.pdf");
    harness.get_by_label("Save to (a file)").focus();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Save to (a file)")
        .type_text(pdf.to_str().unwrap());
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    let started = Instant::now();
    let mut times = Vec::new();
    harness.step();
    while harness.state().busy() {
        let frame = Instant::now();
        harness.step();
        times.push(frame.elapsed());
        // A display refreshes about 60 times a second; so does the window while it waits.
        std::thread::sleep(Duration::from_millis(16));
    }
    let total = started.elapsed();
    assert!(
        std::fs::read(&pdf).unwrap().starts_with(b"%PDF"),
        "the PDF was written"
    );
    times.sort();
    let median = times[times.len() / 2];
    let worst = *times.last().unwrap();
    println!(
        "\nExport of a 20-year PDF from the window: {:.0} ms in all; {} frames drawn meanwhile, median {:.2} ms, worst {:.2} ms (each frame includes the test harness's accessibility tree)",
        ms(total),
        times.len(),
        ms(median),
        ms(worst)
    );
}

fn main() {
    // `cargo test --benches` runs this without --bench: do a short pass only.
    let frames = if std::env::args().any(|a| a == "--bench") {
        FRAMES
    } else {
        20
    };
    println!(
        "| journal | view | first frame, first visit | first frame, next visit | median | p99 | worst |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (journal_name, journal) in [
        ("1 year", common::one_year()),
        ("20 years", common::twenty_years()),
    ] {
        let mut window = Window::new(&journal);
        for _ in 0..WARM_UP {
            window.frame(None);
        }
        // The shortcut's frame still draws the old view; the view opens on the next one.
        let open = |window: &mut Window, key: egui::Key| {
            window.frame(Some(key));
            window.frame(None)
        };
        let mut rows = Vec::new();
        for ((view, name), key) in VIEWS.into_iter().zip(KEYS) {
            let first = open(&mut window, key);
            assert_eq!(window.app.view(), view, "the shortcut opened {name}");
            let mut times: Vec<Duration> = (0..frames).map(|_| window.frame(None)).collect();
            times.sort();
            rows.push((name, first, times));
        }
        for ((_, key), (name, first, times)) in VIEWS.into_iter().zip(KEYS).zip(rows) {
            let again = open(&mut window, key);
            let median = times[times.len() / 2];
            let p99 = times[(times.len() * 99 / 100).min(times.len() - 1)];
            let worst = *times.last().unwrap();
            println!(
                "| {journal_name} | {name} | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms |",
                ms(first),
                ms(again),
                ms(median),
                ms(p99),
                ms(worst)
            );
        }
    }
    frames_during_an_export(&common::twenty_years());
}
