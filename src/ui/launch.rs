//! Opening the window: fonts, the demo journal, eframe's options and its saved preferences.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::prefs::{PREFS_KEY, Prefs};
use super::startup_trace::{Stage, mark};
use super::{AppConfig, Clock, EXIT_AFTER_FIRST_FRAME_ENV, Opening, PainlogApp, Renderer};
use crate::store;

/// Prepare an egui context as painlog needs it: DejaVu Sans after egui's own font, so arrows,
/// symbols, Greek and Cyrillic in notes draw the same on every machine. Called once, before the
/// first frame (by the window and by the tests). In the light theme input boxes and buttons
/// get a visible grey border (egui draws them borderless, white on near-white).
pub fn setup_context(ctx: &egui::Context) {
    // Input boxes visibly bordered, and weak text (hints, notes, details) at least 4.5:1 against
    // the panel in both themes: egui's own weak text is about 2.8:1 (light #939393 on #F8F8F8,
    // dark #5F5F5F on #1B1B1B).
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.inactive.bg_stroke =
            egui::Stroke::new(1.0, egui::Color32::from_gray(140));
        style.visuals.weak_text_color = Some(egui::Color32::from_gray(100));
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        style.visuals.widgets.inactive.bg_stroke =
            egui::Stroke::new(1.0, egui::Color32::from_gray(100));
        style.visuals.weak_text_color = Some(egui::Color32::from_gray(150));
    });
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "DejaVuSans".to_owned(),
        // Unhinted: it draws the symbols egui's font lacks, whose shapes hinting barely changes,
        // and hinting it at each text size ran its long set-up program (1.2 ms of the first
        // frame).
        std::sync::Arc::new(
            egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")).tweak(
                egui::FontTweak {
                    hinting: Some(false),
                    ..Default::default()
                },
            ),
        ),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        if let Some(names) = fonts.families.get_mut(&family) {
            let position = names.len().min(if family == egui::FontFamily::Monospace {
                2
            } else {
                1
            });
            names.insert(position, "DejaVuSans".to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

/// Open the window on the journal (`data`, or the default), or on a temporary demo journal;
/// `fixed_now` (from `PAINLOG_NOW`) stands in for the clock; `renderer` is the one asked for
/// (else [`Renderer::preferred`], falling back to the other).
pub fn launch(
    data: Option<PathBuf>,
    demo: bool,
    fixed_now: Option<NaiveDateTime>,
    renderer: Option<Renderer>,
) -> std::process::ExitCode {
    use std::process::ExitCode;
    mark(Stage::Launch);
    let clock = fixed_now.map_or(Clock::System, Clock::Fixed);
    let now = clock.now();
    let demo_journal = if demo {
        match crate::demo::TemporaryJournal::create(
            crate::demo::DemoSpec::window_demo(now.date()),
            now,
        ) {
            Ok(journal) => Some(journal),
            Err(error) => {
                eprintln!("painlog: could not create the demo journal: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    let path = match &demo_journal {
        Some(journal) => journal.path().to_path_buf(),
        None => match store::resolve_journal_path(data) {
            Ok(path) => path,
            Err(error) => {
                eprintln!("painlog: {error}");
                return ExitCode::FAILURE;
            }
        },
    };
    let mut config = AppConfig::new(path);
    config.clock = clock;
    config.is_demo = demo_journal.is_some();
    config.exit_after_first_frame = std::env::var_os(EXIT_AFTER_FIRST_FRAME_ENV).is_some();
    config.frame_log = std::env::var_os(super::config::FRAME_LOG_ENV).map(PathBuf::from);
    let result = run_falling_back(&config, renderer);
    drop(demo_journal);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("painlog: the window could not open: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Open the window with `asked` (or the preferred renderer) and run until it is closed; when
/// that renderer cannot start (no OpenGL, a broken driver), say so on stderr and try the other.
/// A renderer that started and failed later is not tried again: the window had run.
pub fn run_falling_back(config: &AppConfig, asked: Option<Renderer>) -> eframe::Result {
    let first = asked.unwrap_or_else(Renderer::preferred);
    let started = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    match run_with(config.clone(), first, &started) {
        Err(error) if !started.load(std::sync::atomic::Ordering::SeqCst) => {
            let second = first.other();
            eprintln!(
                "painlog: the {first} renderer could not start ({error}); using {second} instead"
            );
            run_with(config.clone(), second, &started)
        }
        result => result,
    }
}

/// Open the window with `renderer`; `started` is set once the app exists.
fn run_with(
    config: AppConfig,
    renderer: Renderer,
    started: &std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> eframe::Result {
    if std::env::var(super::renderer::FAIL_RENDERER_ENV)
        .is_ok_and(|name| Renderer::parse(&name) == Ok(renderer))
    {
        return Err(eframe::Error::AppCreation(
            format!(
                "{} was told to fail ({})",
                renderer,
                super::renderer::FAIL_RENDERER_ENV
            )
            .into(),
        ));
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("painlog")
        .with_app_id("painlog")
        .with_inner_size([1100.0, 760.0])
        .with_min_inner_size([520.0, 420.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    // Read, lock and index the journal while eframe sets up the window and the graphics (they
    // take longer), on one core: a second parsing thread would take the core eframe needs.
    let opening_config = config.clone();
    let opening = std::thread::Builder::new()
        .name("journal".to_owned())
        .spawn(move || {
            let opening = Opening::read(&opening_config);
            mark(Stage::JournalOpened);
            opening
        });
    let persistence_path = store::preferences_folder().map(|folder| {
        // Window preferences hold no health data, but keep the folder private all the same. If
        // it cannot be made, eframe makes it (or does without saving preferences): the window
        // opens either way.
        let _ = store::create_private_folder(&folder);
        folder.join("window.ron")
    });
    let options = eframe::NativeOptions {
        viewport,
        persistence_path,
        renderer: renderer.for_eframe(),
        ..Default::default()
    };
    let started = std::sync::Arc::clone(started);
    eframe::run_native(
        "painlog",
        options,
        Box::new(move |creation| {
            started.store(true, std::sync::atomic::Ordering::SeqCst);
            mark(Stage::WindowReady);
            setup_context(&creation.egui_ctx);
            let prefs: Prefs = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, PREFS_KEY))
                .unwrap_or_default();
            // Read here if the thread could not start or ended without the journal.
            let app = match opening.map(std::thread::JoinHandle::join) {
                Ok(Ok(opening)) => PainlogApp::opened(config, opening),
                _ => PainlogApp::new(config),
            };
            let app = app.with_prefs(prefs);
            mark(Stage::AppReady);
            Ok(Box::new(app))
        }),
    )
}

#[cfg(test)]
mod tests {
    use egui::Color32;

    /// WCAG's relative luminance of an opaque colour.
    fn luminance(colour: Color32) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn all_text_and_input_borders_stand_out_in_both_themes() {
        let ctx = egui::Context::default();
        super::setup_context(&ctx);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let visuals = &ctx.style_of(theme).visuals;
            let panel = visuals.panel_fill;
            for (what, colour) in [
                ("text", visuals.text_color()),
                ("weak text", visuals.weak_text_color()),
            ] {
                let ratio = contrast(colour, panel);
                assert!(ratio >= 4.5, "{theme:?} {what}: {ratio:.2}:1");
            }
            let border = visuals.widgets.inactive.bg_stroke;
            assert!(border.width >= 1.0, "{theme:?}: input boxes have a border");
            let ratio = contrast(border.color, visuals.extreme_bg_color);
            assert!(ratio >= 3.0, "{theme:?} input border: {ratio:.2}:1");
        }
    }
}
