//! Where start-up goes, for `scripts/startup.sh`: with [`STARTUP_TRACE_ENV`] set, the window
//! writes a line `startup STAGE SECONDS` on stdout at each stage of its start (seconds since the
//! Unix epoch), so that the script can say how long each stage took after exec. Without it, a
//! stage costs one check of a flag read once.

use std::sync::OnceLock;

/// Set to write the start-up stages on stdout (`scripts/startup.sh` sets it).
pub const STARTUP_TRACE_ENV: &str = "PAINLOG_STARTUP_TRACE";

/// The stages, in the order they are reached on the main thread (the journal is read on a thread
/// of its own meanwhile: [`Stage::JournalOpened`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The command line has been read and the window's start begins.
    Launch,
    /// The journal has been read, parsed, checked, locked and indexed (on its own thread).
    JournalOpened,
    /// eframe has the window and the graphics ready and asks for the app.
    WindowReady,
    /// The app exists: fonts set, preferences read, the journal taken over and locked.
    AppReady,
    /// egui has begun the first frame (its fonts are made then) and painlog starts to build it.
    FirstFrameBegun,
    /// The first frame's UI has been built (the renderer draws it next).
    FirstFrameBuilt,
    /// The first frame is on screen (the second frame begins once it has been presented).
    FirstFramePresented,
}

impl Stage {
    fn name(self) -> &'static str {
        match self {
            Self::Launch => "launch",
            Self::JournalOpened => "journal-opened",
            Self::WindowReady => "window-ready",
            Self::AppReady => "app-ready",
            Self::FirstFrameBegun => "first-frame-begun",
            Self::FirstFrameBuilt => "first-frame-built",
            Self::FirstFramePresented => "first-frame-presented",
        }
    }
}

fn tracing() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os(STARTUP_TRACE_ENV).is_some())
}

/// Now, in seconds since the Unix epoch: a clock the script outside can read too.
fn seconds_since_epoch() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |since| since.as_secs_f64())
}

/// Note that start-up reached `stage`, when tracing.
pub fn mark(stage: Stage) {
    if tracing() {
        println!("startup {} {:.6}", stage.name(), seconds_since_epoch());
    }
}

/// For `scripts/startup.sh`, with or without tracing, when the window closes after its first
/// frame ([`super::EXIT_AFTER_FIRST_FRAME_ENV`]): the moment that frame was on screen (the
/// second frame starts once it is presented), so that the script can time exec → first painted
/// frame without the closing that follows.
pub fn report_first_frame() {
    println!("first-frame-presented {:.6}", seconds_since_epoch());
}
