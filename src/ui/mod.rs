//! The window: an eframe app whose views draw and push commands that one place applies.
//!
//! A frame: the app ([`app`]) looks for ended background jobs ([`jobs`]), draws the status
//! bar, the tabs ([`chrome`]) and the shown view with one [`context::ViewContext`]; each view
//! pushes [`commands::Command`]s; [`command_handling`] applies them (the journal, the file,
//! the view, the settings), with the notices and undo in [`feedback`]; then the [`Document`]
//! watches the file and saves when due. [`launch`] opens the window.

mod aligned_view;
mod analysis_cache;
mod app;
mod body_map;
mod chart;
mod chart_key;
mod chrome;
mod clock;
mod command_handling;
mod commands;
mod config;
mod context;
mod controls;
mod day_care;
mod day_form;
mod day_lists;
mod day_view;
mod day_visits;
mod days_around;
mod document;
mod effects_view;
mod feedback;
mod file_dialog;
mod help;
mod jobs;
mod launch;
mod list_table;
mod patterns_view;
mod prefs;
mod recovery_view;
mod renderer;
mod report_preview;
mod report_view;
mod sessions_view;
mod since_view;
mod startup_trace;
mod status_bar;
mod sync_view;
mod table;
mod trends_view;
mod view;
mod views;
mod widgets;
mod year_view;

/// The labels a person, a screen reader and the tests find controls by: the same constants
/// the views draw.
pub mod labels {
    pub use super::aligned_view::labels as aligned;
    pub use super::controls::labels as settings;
    pub use super::day_view::labels as day;
    pub use super::effects_view::labels as effects;
    pub use super::patterns_view::labels as patterns;
    pub use super::report_view::labels as report;
    pub use super::sessions_view::labels as sessions;
    pub use super::sync_view::labels as sync;
    pub use super::trends_view::labels as trends;
    pub use super::year_view::labels as year;
}

pub use app::{Opening, PainlogApp};
pub use clock::{Clock, ManualClock};
pub use commands::{CareItem, Command};
pub use config::{AppConfig, EXIT_AFTER_FIRST_FRAME_ENV};
pub use document::{DiskEvent, Document, SaveStatus};
pub use launch::{launch, run_falling_back, setup_context};
pub use prefs::Prefs;
pub use renderer::{FAIL_RENDERER_ENV, RENDERER_ENV, Renderer};
pub use report_view::{Format, PeriodChoice, ReportChoices};
pub use startup_trace::STARTUP_TRACE_ENV;
pub use trends_view::{RangeChoice, TrendsChoices};
pub use view::View;
pub use year_view::YearPeriod;
