//! How the window is set up: the journal, the clock and the timing of saves.

use std::path::PathBuf;
use std::time::Duration;

use super::{Clock, document};

/// How the window is set up.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// The journal file.
    pub journal_path: PathBuf,
    /// `true` when the journal is a generated demo in a temporary folder.
    pub is_demo: bool,
    /// Where "now" comes from.
    pub clock: Clock,
    /// How long typing may pause before the journal is saved (at most a second passes).
    pub save_delay: Duration,
    /// How often the file is checked for changes made outside the window.
    pub watch_every: Duration,
    /// Close once the first frame is on screen (for measuring start-up; see BENCHMARKS.md).
    pub exit_after_first_frame: bool,
    /// Draw frames back to back and write the time between them to this file on exit (for
    /// measuring frames on the real renderer; `scripts/hover-frames.sh`).
    pub frame_log: Option<PathBuf>,
}

/// Set to close the window once its first frame is painted (`scripts/startup.sh` uses it).
pub const EXIT_AFTER_FIRST_FRAME_ENV: &str = "PAINLOG_EXIT_AFTER_FIRST_FRAME";

/// Set to a file to draw frames back to back and log the time between them
/// (`scripts/hover-frames.sh` uses it).
pub const FRAME_LOG_ENV: &str = "PAINLOG_FRAME_LOG";

impl AppConfig {
    /// The window on `journal_path`, with the system clock.
    pub fn new(journal_path: PathBuf) -> Self {
        Self {
            journal_path,
            is_demo: false,
            clock: Clock::System,
            save_delay: Duration::from_millis(400),
            watch_every: document::WATCH_EVERY,
            exit_after_first_frame: false,
            frame_log: None,
        }
    }
}
