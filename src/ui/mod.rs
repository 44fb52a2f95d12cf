//! The window: an eframe app with one view per file.
//!
//! Views read the journal and return [`Command`]s; [`PainlogApp`] applies them in one place,
//! once per frame, and the [`Document`] saves the result without being asked.

mod aligned_view;
mod analysis_cache;
mod chart;
mod controls;
mod day_view;
mod document;
mod effects_view;
mod file_dialog;
mod recovery_view;
mod report_view;
mod sessions_view;
mod since_view;
mod status_bar;
mod sync_view;
mod trends_view;
mod widgets;

use std::path::PathBuf;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub use document::{DiskEvent, Document, SaveStatus};
pub use trends_view::{RangeChoice, TrendsView};

use crate::analysis::EffectSettings;
use crate::model::{Day, Keep, Metric, Session, SessionId};
use crate::store;
use aligned_view::AlignedView;
use analysis_cache::AnalysisCache;
use day_view::DayView;
use effects_view::EffectsView;
use recovery_view::RecoveryView;
use report_view::ReportView;
use sessions_view::SessionsView;

/// Where "now" comes from: the system clock, a fixed moment for tests and screenshots, or a
/// clock a test moves by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The local system time.
    System,
    /// Always this local time (time still passes for the save delay, by the system's clock).
    Fixed(NaiveDateTime),
    /// A clock that stands still until a test moves it: the local time and the time that has
    /// passed (the save delay, retries, watching the file) both come from it.
    Manual(&'static ManualClock),
}

/// The time of a [`Clock::Manual`], moved by [`ManualClock::advance`].
#[derive(Debug)]
pub struct ManualClock {
    start: NaiveDateTime,
    now: std::sync::Mutex<NaiveDateTime>,
}

impl PartialEq for ManualClock {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for ManualClock {}

impl ManualClock {
    /// A clock at `start`, for the whole run of a test (it is leaked, so that the window can
    /// hold a plain reference to it).
    pub fn leaked(start: NaiveDateTime) -> &'static Self {
        Box::leak(Box::new(Self {
            start,
            now: std::sync::Mutex::new(start),
        }))
    }

    /// Move the clock on.
    pub fn advance(&self, by: Duration) {
        if let Ok(mut now) = self.now.lock() {
            *now += chrono::Duration::from_std(by).unwrap_or_default();
        }
    }

    fn now(&self) -> NaiveDateTime {
        self.now.lock().map_or(self.start, |now| *now)
    }
}

impl Clock {
    /// The local date and time now.
    pub fn now(self) -> NaiveDateTime {
        match self {
            Self::System => chrono::Local::now().naive_local(),
            Self::Fixed(now) => now,
            Self::Manual(clock) => clock.now(),
        }
    }

    /// Today's local date.
    pub fn today(self) -> NaiveDate {
        self.now().date()
    }

    /// Time passed since a moment of this clock's own choosing, never going back: what the save
    /// delay, the retries and the watching of the file measure.
    pub fn tick(self) -> Duration {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        match self {
            Self::System | Self::Fixed(_) => START.get_or_init(std::time::Instant::now).elapsed(),
            Self::Manual(clock) => (clock.now() - clock.start).to_std().unwrap_or_default(),
        }
    }
}

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
}

/// Set to close the window once its first frame is painted (`scripts/startup.sh` uses it).
pub const EXIT_AFTER_FIRST_FRAME_ENV: &str = "PAINLOG_EXIT_AFTER_FIRST_FRAME";

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
        }
    }
}

/// The views, one per tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// Log or edit a day.
    #[default]
    Day,
    /// Log, edit and delete massage sessions.
    Sessions,
    /// The metrics over time, with sessions marked.
    Trends,
    /// Before and after each session.
    Effects,
    /// Every session at day 0.
    Aligned,
    /// What happened since the last session.
    SinceLast,
    /// A summary for the therapist; exports and imports.
    Report,
}

impl View {
    const ALL: [Self; 7] = [
        Self::Day,
        Self::Sessions,
        Self::Trends,
        Self::Effects,
        Self::Aligned,
        Self::SinceLast,
        Self::Report,
    ];

    fn title(self) -> &'static str {
        match self {
            Self::Day => "Day",
            Self::Sessions => "Sessions",
            Self::Trends => "Trends",
            Self::Effects => "Effects",
            Self::Aligned => "Aligned",
            Self::SinceLast => "Since last session",
            Self::Report => "Report",
        }
    }

    fn shortcut(self) -> egui::KeyboardShortcut {
        let key = match self {
            Self::Day => egui::Key::Num1,
            Self::Sessions => egui::Key::Num2,
            Self::Trends => egui::Key::Num3,
            Self::Effects => egui::Key::Num4,
            Self::Aligned => egui::Key::Num5,
            Self::SinceLast => egui::Key::Num6,
            Self::Report => egui::Key::Num7,
        };
        egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key)
    }
}

/// Window preferences kept between runs (never journal data).
#[derive(Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The view shown last.
    pub view: View,
    /// k, the window of the before/after method.
    pub window: u8,
    /// m, the minimum logged days per window.
    pub min_days: u8,
    /// The metric the effects and aligned views show.
    pub metric: Metric,
    /// The trend chart's choices.
    pub trends: TrendsView,
    /// The report's choices.
    pub report: ReportView,
}

impl Default for Prefs {
    fn default() -> Self {
        let settings = EffectSettings::default();
        Self {
            view: View::default(),
            window: settings.window(),
            min_days: settings.min_days(),
            metric: Metric::Pain,
            trends: TrendsView::default(),
            report: ReportView::default(),
        }
    }
}

const PREFS_KEY: &str = "painlog_prefs";

/// What a view asks for; applied by [`PainlogApp`] after the views are drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Store this day (an empty day removes the record).
    SetDay(Day),
    /// Delete the record for a date (can be undone).
    DeleteDay(NaiveDate),
    /// Add a new session.
    AddSession(Session),
    /// Replace the session with the same id.
    UpdateSession(Session),
    /// Delete a session (can be undone).
    DeleteSession(SessionId),
    /// Put back what was deleted last.
    Undo,
    /// Forget the last deletion.
    DismissUndo,
    /// Try to save again now.
    RetrySave,
    /// The journal's folder is gone: make it again and save there.
    MakeFolderAndSave,
    /// The file changed outside the window: read it again, dropping unsaved changes.
    ReloadFromDisk,
    /// The file changed outside the window: write the window's version over it.
    KeepWindowVersion,
    /// Close the window although changes could not be saved.
    CloseWithoutSaving,
    /// Keep the window open after a close that could not save.
    CancelClose,
    /// Show a view.
    ShowView(View),
    /// Read the journal file again (after fixing it by hand).
    Reload,
    /// Open another journal file.
    Open(PathBuf),
    /// Restore a backup over the unreadable journal.
    RestoreBackup(PathBuf),
    /// Another painlog held the journal: try to take it now.
    TryToWrite,
    /// Merge the copy a sync tool left beside the journal.
    MergeCopy,
    /// Do not offer that copy again in this window.
    DismissCopy,
    /// Settle the records changed in two places, one choice each, and save.
    ResolveConflicts(Vec<Keep>),
    /// Leave the sync tool's copy unmerged.
    CancelMerge,
    /// A field holds text it refuses, so the journal keeps what the field held before: said in
    /// the status bar (sent every frame while it lasts).
    InputRefused(String),
    /// Put imported days and sessions into the journal.
    ImportCsv {
        /// Days read from days.csv.
        days: Vec<Day>,
        /// Sessions read from sessions.csv.
        sessions: Vec<Session>,
    },
}

impl Command {
    /// `true` for a command that changes the journal's records.
    fn is_edit(&self) -> bool {
        matches!(
            self,
            Self::SetDay(_)
                | Self::DeleteDay(_)
                | Self::AddSession(_)
                | Self::UpdateSession(_)
                | Self::DeleteSession(_)
                | Self::Undo
                | Self::ImportCsv { .. }
        )
    }
}

/// Something deleted that can be put back.
#[derive(Clone, Debug)]
enum Deleted {
    Day(Day),
    Session(Session),
}

impl Deleted {
    fn describe(&self) -> String {
        match self {
            Self::Day(day) => format!("Deleted the entry for {}.", day.date.format("%a %-d %b %Y")),
            Self::Session(session) => format!(
                "Deleted the {} session of {}.",
                session.kind,
                session.start.format("%a %-d %b %Y, %H:%M")
            ),
        }
    }
}

/// The journal in the window: readable and open, or unreadable with ways out.
enum JournalState {
    Open(Box<Document>),
    Unreadable(Box<RecoveryView>),
}

/// The painlog window.
pub struct PainlogApp {
    config: AppConfig,
    state: JournalState,
    view: View,
    day_view: DayView,
    sessions_view: SessionsView,
    trends_view: TrendsView,
    effects_view: EffectsView,
    aligned_view: AlignedView,
    report_view: ReportView,
    analysis: AnalysisCache,
    settings: EffectSettings,
    metric: Metric,
    deleted: Option<Deleted>,
    notice: Option<String>,
    title: String,
    /// The window was asked to close but changes could not be saved: ask what to do.
    close_blocked: bool,
    /// The user chose to close without saving.
    close_anyway: bool,
    /// One choice per record changed in two places, while the user settles them.
    conflict_choices: Vec<Keep>,
    /// Frames drawn so far.
    frames: u64,
    /// Fields that refuse their text, as the views said during the last frame (shown in the
    /// status bar), and as they say during this one.
    refused: Vec<String>,
    refused_now: Vec<String>,
}

impl PainlogApp {
    /// Open the journal named in `config`. An unreadable journal opens the recovery view.
    pub fn new(config: AppConfig) -> Self {
        let loaded = store::load(&config.journal_path);
        Self::with_loaded(config, loaded)
    }

    /// The window on a journal already read (or that failed to read) from `config`'s path.
    pub fn with_loaded(config: AppConfig, loaded: Result<store::Loaded, store::LoadError>) -> Self {
        let today = config.clock.today();
        let state = state_of(&config.journal_path, loaded, config.clock);
        Self {
            state,
            view: View::Day,
            day_view: DayView::new(today),
            sessions_view: SessionsView::default(),
            trends_view: TrendsView::default(),
            effects_view: EffectsView::default(),
            aligned_view: AlignedView::default(),
            report_view: ReportView::default(),
            analysis: AnalysisCache::default(),
            settings: EffectSettings::default(),
            metric: Metric::Pain,
            deleted: None,
            notice: None,
            title: String::new(),
            close_blocked: false,
            close_anyway: false,
            conflict_choices: Vec::new(),
            frames: 0,
            refused: Vec::new(),
            refused_now: Vec::new(),
            config,
        }
    }

    /// Apply saved preferences.
    #[must_use]
    pub fn with_prefs(mut self, prefs: Prefs) -> Self {
        self.view = prefs.view;
        self.settings = EffectSettings::new(i64::from(prefs.window), i64::from(prefs.min_days))
            .unwrap_or_default();
        self.metric = prefs.metric;
        self.trends_view = prefs.trends;
        self.report_view = prefs.report;
        self
    }

    /// The preferences to keep.
    pub fn prefs(&self) -> Prefs {
        Prefs {
            view: self.view,
            window: self.settings.window(),
            min_days: self.settings.min_days(),
            metric: self.metric,
            trends: self.trends_view.clone_choices(),
            report: self.report_view.clone_choices(),
        }
    }

    /// The open journal, or `None` when it could not be read.
    pub fn document(&self) -> Option<&Document> {
        match &self.state {
            JournalState::Open(document) => Some(document),
            JournalState::Unreadable(_) => None,
        }
    }

    /// The view shown.
    pub fn view(&self) -> View {
        self.view
    }

    /// The lines the aligned view shows (for tests): each kind (or all) and its points.
    pub fn aligned_series_for_tests(
        &self,
    ) -> Vec<(
        Option<crate::model::KindChoice>,
        Vec<crate::analysis::AlignedPoint>,
    )> {
        self.aligned_view.series().to_vec()
    }

    /// The journal file in use.
    pub fn journal_path(&self) -> &std::path::Path {
        &self.config.journal_path
    }

    /// Draw the whole window and apply what the user did. Tests call this through the harness.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut commands = Vec::new();
        self.update_title(ui.ctx());
        for view in View::ALL {
            if ui.input_mut(|input| input.consume_shortcut(&view.shortcut())) {
                commands.push(Command::ShowView(view));
            }
        }
        status_bar::ui(ui, &self.status_bar_state(), &mut commands);
        match &mut self.state {
            JournalState::Open(document) => {
                top_bar(ui, Some(self.view), &mut commands);
                let editable = !document.is_read_only();
                if !editable {
                    sync_view::read_only_banner(ui, &mut commands);
                }
                if let Some(copy) = document.offered_copy() {
                    sync_view::copy_banner(ui, copy, &mut commands);
                }
                if let Some(pending) = document.pending_merge() {
                    sync_view::conflicts_dialog(
                        ui,
                        pending,
                        &mut self.conflict_choices,
                        &mut commands,
                    );
                } else {
                    self.conflict_choices.clear();
                }
                let journal = document.journal();
                let today = self.config.clock.today();
                banner(
                    ui,
                    self.deleted.as_ref(),
                    self.notice.as_deref(),
                    &mut commands,
                );
                match self.view {
                    View::Day => self
                        .day_view
                        .ui(ui, journal, today, editable, &mut commands),
                    View::Sessions => {
                        self.sessions_view.ui(
                            ui,
                            journal,
                            self.config.clock,
                            editable,
                            &mut commands,
                        );
                    }
                    View::Trends => {
                        self.trends_view
                            .ui(ui, journal, &mut self.analysis, self.settings, today);
                    }
                    View::Effects => self.effects_view.ui(
                        ui,
                        journal,
                        &mut self.analysis,
                        &mut self.settings,
                        &mut self.metric,
                    ),
                    View::Aligned => self.aligned_view.ui(
                        ui,
                        journal,
                        &mut self.analysis,
                        &mut self.settings,
                        &mut self.metric,
                    ),
                    View::SinceLast => {
                        since_view::ui(ui, journal, &mut self.analysis, self.settings, today);
                    }
                    View::Report => {
                        self.report_view.set_read_only(!editable);
                        self.report_view.ui(
                            ui,
                            journal,
                            &mut self.analysis,
                            self.settings,
                            self.config.clock,
                            &self.config.journal_path,
                            &mut commands,
                        );
                        if self.report_view.waiting() {
                            ui.ctx().request_repaint_after(Duration::from_millis(200));
                        }
                    }
                }
            }
            JournalState::Unreadable(recovery) => {
                top_bar(ui, None, &mut commands);
                recovery.ui(ui, &mut commands);
            }
        }
        if self.close_blocked {
            close_dialog(ui, self.document().map(Document::status), &mut commands);
        }
        for command in commands {
            self.apply(command);
        }
        if self.refused_now != self.refused {
            // The status bar (drawn first) shows what the views said: draw again to show it.
            ui.ctx().request_repaint();
        }
        self.refused = std::mem::take(&mut self.refused_now);
        self.watch_file(ui.ctx());
        self.save_if_due(ui.ctx());
        self.handle_close(ui.ctx());
    }

    /// Notice a journal changed outside the window (another painlog, a command, an editor).
    fn watch_file(&mut self, ctx: &egui::Context) {
        let JournalState::Open(document) = &mut self.state else {
            return;
        };
        let event = document.watch(self.config.watch_every);
        if event.is_some() {
            // Show what was noticed now, not at the next input or tick.
            ctx.request_repaint();
        }
        match event {
            Some(DiskEvent::Reloaded) => {
                self.deleted = None;
                self.notice = Some(
                    "The journal file changed outside this window; painlog read it again."
                        .to_owned(),
                );
            }
            Some(DiskEvent::Merged) => {
                self.notice = Some(
                    "The journal file changed outside this window too; painlog merged both versions."
                        .to_owned(),
                );
            }
            Some(DiskEvent::Unreadable(reason)) => {
                self.notice = Some(format!(
                    "The journal file changed outside this window and cannot be read now ({reason}). This window keeps its version."
                ));
            }
            // Conflicts and copies show their own dialog and banner.
            Some(DiskEvent::Conflicts | DiskEvent::CopyFound(_)) | None => {}
        }
        ctx.request_repaint_after(self.config.watch_every.max(Duration::from_millis(100)));
    }

    /// On a close request, save what is unsaved; if that fails, keep the window open and ask.
    fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|input| input.viewport().close_requested()) || self.close_anyway {
            return;
        }
        self.flush();
        let unsaved = self.document().is_some_and(Document::has_unsaved_changes);
        if unsaved {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_blocked = true;
        }
    }

    fn status_bar_state(&self) -> status_bar::State<'_> {
        status_bar::State {
            path: &self.config.journal_path,
            is_demo: self.config.is_demo,
            save: self.document().map(Document::status),
            refused: &self.refused,
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let file = self
            .config
            .journal_path
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        let folder = self
            .config
            .journal_path
            .parent()
            .map_or_else(String::new, |parent| parent.display().to_string());
        let demo = if self.config.is_demo { " (demo)" } else { "" };
        let title = format!("painlog{demo} — {file} in {folder}");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn save_if_due(&mut self, ctx: &egui::Context) {
        if let JournalState::Open(document) = &mut self.state
            && let Some(wait) =
                document.save_if_due(self.config.save_delay, self.config.clock.now())
        {
            ctx.request_repaint_after(wait);
        }
    }

    /// Save any unsaved change at once (on exit).
    pub fn flush(&mut self) {
        if let JournalState::Open(document) = &mut self.state
            && document.has_unsaved_changes()
        {
            document.save_now(self.config.clock.now());
        }
    }

    fn apply(&mut self, command: Command) {
        match command {
            Command::ShowView(view) => self.view = view,
            Command::Reload => self.reopen(self.config.journal_path.clone()),
            Command::Open(path) => self.reopen(path),
            Command::RestoreBackup(backup) => self.restore_backup(&backup),
            Command::DismissUndo => {
                self.deleted = None;
                self.notice = None;
            }
            Command::CancelClose => self.close_blocked = false,
            Command::InputRefused(reason) => self.refused_now.push(reason),
            Command::CloseWithoutSaving => {
                self.close_blocked = false;
                self.close_anyway = true;
            }
            command => self.apply_edit(command),
        }
    }

    fn apply_edit(&mut self, command: Command) {
        let JournalState::Open(document) = &mut self.state else {
            return;
        };
        if matches!(
            command,
            Command::SetDay(_)
                | Command::UpdateSession(_)
                | Command::DeleteDay(_)
                | Command::DeleteSession(_)
        ) {
            self.notice = None;
        }
        let now = self.config.clock.now();
        if document.is_read_only() && command.is_edit() {
            self.notice = Some(READ_ONLY_NOTICE.to_owned());
            return;
        }
        match command {
            Command::SetDay(day) => {
                // A day logged again after it was deleted: undoing the deletion would overwrite it.
                if matches!(&self.deleted, Some(Deleted::Day(deleted)) if deleted.date == day.date)
                {
                    self.deleted = None;
                }
                document.edit(|journal| journal.set_day(day));
            }
            Command::DeleteDay(date) => {
                if let Some(Some(day)) = document.edit(|journal| journal.remove_day(date)) {
                    self.deleted = Some(Deleted::Day(day));
                }
            }
            Command::AddSession(session) => {
                if let Some(id) = document.edit(|journal| journal.add_session(session)) {
                    self.sessions_view.added(id, document.journal());
                    self.notice = Some(format!("Added session {id}."));
                }
            }
            Command::UpdateSession(session) => {
                if let Some(Err(error)) = document.edit(|journal| journal.replace_session(session))
                {
                    self.notice = Some(format!("Could not change the session: {error}."));
                }
            }
            Command::DeleteSession(id) => {
                if let Some(Some(session)) = document.edit(|journal| journal.remove_session(id)) {
                    self.sessions_view.forget(id);
                    self.deleted = Some(Deleted::Session(session));
                }
            }
            Command::Undo => self.undo(),
            Command::RetrySave => document.save_now(now),
            Command::MakeFolderAndSave => document.make_folder_and_save(now),
            Command::ReloadFromDisk => {
                if let Err(error) = document.reload() {
                    self.notice = Some(format!("{error}. This window keeps its version."));
                }
                self.deleted = None;
            }
            Command::KeepWindowVersion => document.keep_window_version(now),
            Command::TryToWrite => match document.try_to_write() {
                Ok(()) => {
                    self.notice = Some("This window can change the journal again.".to_owned());
                }
                Err(error) => self.notice = Some(format!("Still read only: {error}.")),
            },
            Command::MergeCopy => {
                if let Some(DiskEvent::Unreadable(reason)) = document.merge_offered_copy() {
                    self.notice = Some(format!(
                        "The copy cannot be read, so nothing was merged: {reason}."
                    ));
                } else if document.pending_merge().is_none() {
                    self.notice = Some("Merged the copy into the journal.".to_owned());
                    document.save_now(now);
                }
                self.deleted = None;
            }
            Command::DismissCopy => document.dismiss_copy(),
            Command::ResolveConflicts(choices) => {
                document.resolve(&choices);
                document.save_now(now);
                self.deleted = None;
                self.notice = Some("Saved the merged journal with your choices.".to_owned());
            }
            Command::CancelMerge => document.cancel_merge(),
            Command::ImportCsv { days, sessions } => {
                if let Some(summary) =
                    document.edit(|journal| crate::report::import_csv(journal, days, sessions))
                {
                    self.deleted = None;
                    self.notice = Some(format!("Imported: {summary}."));
                }
            }
            Command::ShowView(_)
            | Command::Reload
            | Command::Open(_)
            | Command::RestoreBackup(_)
            | Command::DismissUndo
            | Command::CloseWithoutSaving
            | Command::CancelClose
            | Command::InputRefused(_) => {}
        }
    }

    fn undo(&mut self) {
        let (JournalState::Open(document), Some(deleted)) = (&mut self.state, self.deleted.take())
        else {
            return;
        };
        match deleted {
            Deleted::Day(day) => {
                self.day_view.open(day.date);
                self.view = View::Day;
                document.edit(|journal| journal.set_day(day));
            }
            Deleted::Session(session) => {
                let id = session.id;
                if let Some(Ok(_)) = document.edit(|journal| journal.restore_session(session)) {
                    self.sessions_view.select(id, document.journal());
                    self.view = View::Sessions;
                }
            }
        }
    }

    fn reopen(&mut self, path: PathBuf) {
        self.flush();
        // Let go of the journal's lock before taking it again.
        if let JournalState::Open(document) = &mut self.state {
            document.release();
        }
        self.config.journal_path = path;
        self.config.is_demo = false;
        self.state = open_journal(&self.config.journal_path, self.config.clock);
        self.deleted = None;
        self.notice = None;
        self.sessions_view = SessionsView::default();
        self.day_view = DayView::new(self.config.clock.today());
    }

    fn restore_backup(&mut self, backup: &std::path::Path) {
        // Never restore under another painlog that is writing the journal.
        let restored = store::lock(&self.config.journal_path)
            .map_err(|error| error.to_string())
            .and_then(|lock| {
                let restored =
                    store::restore(&self.config.journal_path, backup, self.config.clock.now());
                drop(lock);
                restored.map_err(|error| error.to_string())
            });
        match restored {
            Ok(moved) => {
                self.reopen(self.config.journal_path.clone());
                let kept = moved.map_or_else(String::new, |aside| {
                    format!(" The file it replaced was kept as {}.", aside.display())
                });
                self.notice = Some(format!("Restored the backup {}.{kept}", backup.display()));
            }
            Err(error) => {
                if let JournalState::Unreadable(recovery) = &mut self.state {
                    recovery.set_problem(error);
                }
            }
        }
    }
}

fn open_journal(path: &std::path::Path, clock: Clock) -> JournalState {
    state_of(path, store::load(path), clock)
}

fn state_of(
    path: &std::path::Path,
    loaded: Result<store::Loaded, store::LoadError>,
    clock: Clock,
) -> JournalState {
    match loaded {
        Ok(loaded) => JournalState::Open(Box::new(Document::new(
            loaded,
            path.to_path_buf(),
            store::lock(path),
            clock,
        ))),
        Err(error) => JournalState::Unreadable(Box::new(RecoveryView::new(path, &error))),
    }
}

const READ_ONLY_NOTICE: &str =
    "Nothing was changed: this window only reads the journal while another painlog has it open.";

/// Asked when the window should close but the latest changes could not be saved.
fn close_dialog(ui: &mut egui::Ui, status: Option<&SaveStatus>, commands: &mut Vec<Command>) {
    let reason = match status {
        Some(SaveStatus::Failed { reason, .. }) => format!("painlog could not save your latest changes: {reason}."),
        Some(SaveStatus::FolderGone { folder, .. }) => format!("painlog could not save your latest changes: the folder {} is gone.", folder.display()),
        Some(SaveStatus::ChangedOnDisk { .. }) => {
            "The journal file was changed outside this window and cannot be read now, so painlog has not written your latest changes over it.".to_owned()
        }
        Some(SaveStatus::Conflicts(_)) => {
            "Some records were changed both here and elsewhere, and you have not chosen which version to keep.".to_owned()
        }
        _ => "Your latest changes are not saved yet.".to_owned(),
    };
    egui::Modal::new(egui::Id::unique("painlog_close_unsaved")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        ui.heading("Close without saving?");
        ui.label(reason);
        ui.label("If you close now, those changes are lost.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Keep painlog open").clicked() {
                commands.push(Command::CancelClose);
            }
            if ui.button("Close without saving").clicked() {
                commands.push(Command::CloseWithoutSaving);
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
    });
}

/// The app name, the view tabs (none while the journal cannot be read) and the theme buttons.
fn top_bar(ui: &mut egui::Ui, current: Option<View>, commands: &mut Vec<Command>) {
    egui::Panel::top("views").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading("painlog");
            ui.add_space(12.0);
            for view in View::ALL.into_iter().filter(|_| current.is_some()) {
                let shortcut = ui.ctx().format_shortcut(&view.shortcut());
                let tab = ui
                    .selectable_label(current == Some(view), view.title())
                    .on_hover_text(shortcut);
                if tab.clicked() {
                    commands.push(Command::ShowView(view));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                egui::widgets::global_theme_preference_buttons(ui);
            });
        });
    });
}

fn banner(
    ui: &mut egui::Ui,
    deleted: Option<&Deleted>,
    notice: Option<&str>,
    commands: &mut Vec<Command>,
) {
    if deleted.is_none() && notice.is_none() {
        return;
    }
    egui::Panel::top("banner").show(ui, |ui| {
        if let Some(deleted) = deleted {
            ui.horizontal(|ui| {
                ui.label(deleted.describe());
                if ui.button("Undo").clicked() {
                    commands.push(Command::Undo);
                }
                if ui.small_button("Dismiss").clicked() {
                    commands.push(Command::DismissUndo);
                }
            });
        } else if let Some(notice) = notice {
            ui.label(notice);
        }
    });
}

impl eframe::App for PainlogApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        // The first frame has been presented by the time the second one starts.
        if self.config.exit_after_first_frame && self.frames >= 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs());
    }

    fn on_exit(&mut self) {
        self.flush();
    }
}

/// Prepare an egui context as painlog needs it: DejaVu Sans after egui's own font, so arrows,
/// symbols, Greek and Cyrillic in notes draw the same on every machine. Called once, before the
/// first frame (by the window and by the tests).
pub fn setup_context(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "DejaVuSans".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSans.ttf"
        ))),
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
/// `fixed_now` (from `PAINLOG_NOW`) stands in for the clock.
pub fn launch(
    data: Option<PathBuf>,
    demo: bool,
    fixed_now: Option<NaiveDateTime>,
) -> std::process::ExitCode {
    use std::process::ExitCode;
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
    let result = run(config);
    drop(demo_journal);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("painlog: the window could not open: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Open the window and run until it is closed.
pub fn run(config: AppConfig) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("painlog")
        .with_app_id("painlog")
        .with_inner_size([1100.0, 760.0])
        .with_min_inner_size([520.0, 420.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    // Read the journal while eframe sets up the window and the graphics (they take longer).
    let path = config.journal_path.clone();
    let loading = std::thread::spawn(move || store::load(&path));
    let persistence_path = store::preferences_folder().map(|folder| {
        // Window preferences hold no health data, but keep the folder private all the same.
        let _ = store::create_private_folder(&folder);
        folder.join("window.ron")
    });
    let options = eframe::NativeOptions {
        viewport,
        persistence_path,
        ..Default::default()
    };
    eframe::run_native(
        "painlog",
        options,
        Box::new(move |creation| {
            setup_context(&creation.egui_ctx);
            let prefs: Prefs = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, PREFS_KEY))
                .unwrap_or_default();
            let app = match loading.join() {
                Ok(loaded) => PainlogApp::with_loaded(config, loaded),
                Err(_) => PainlogApp::new(config),
            };
            Ok(Box::new(app.with_prefs(prefs)))
        }),
    )
}
