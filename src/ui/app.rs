//! The app's state and its frame: what is open, which view is shown, and the order of a frame
//! (look for ended jobs, draw, apply the commands, watch the file, save when due).

use std::time::Duration;

use super::analysis_cache::AnalysisCache;
use super::commands::Command;
use super::context::{AppEvent, ViewContext};
use super::feedback::Feedback;
use super::jobs::Jobs;
use super::prefs::{PREFS_KEY, Prefs};
use super::recovery_view::RecoveryView;
use super::startup_trace::{Stage, mark, report_first_frame};
use super::views::Views;
use super::{AppConfig, DiskEvent, Document, View, chrome, status_bar, sync_view};
use crate::analysis::EffectSettings;
use crate::model::{Keep, Metric};
use crate::store;

/// The journal in the window: readable and open, or unreadable with ways out.
pub(super) enum JournalState {
    Open(Box<Document>),
    Unreadable(Box<RecoveryView>),
}

impl JournalState {
    /// Read the journal at `path` (and lock it), or say why it cannot be read.
    pub(super) fn open(
        path: &std::path::Path,
        loaded: Result<store::Loaded, store::LoadError>,
        clock: super::Clock,
    ) -> Self {
        match loaded {
            Ok(loaded) => Self::Open(Box::new(Document::new(
                loaded,
                path.to_path_buf(),
                store::lock(path),
                clock,
            ))),
            Err(error) => Self::Unreadable(Box::new(RecoveryView::new(path, &error))),
        }
    }
}

/// The journal read, locked and indexed, before the window shows it: the window does this on a
/// thread of its own while eframe sets up the window and the graphics, so that its first frame
/// only draws.
pub struct Opening {
    state: JournalState,
    analysis: AnalysisCache,
}

impl Opening {
    /// Read the journal at `config`'s path (on one core: the other is eframe's), take its lock
    /// and index it; or say why it cannot be read.
    pub fn read(config: &AppConfig) -> Self {
        let loaded = store::load_on(&config.journal_path, store::Cores::One);
        let state = JournalState::open(&config.journal_path, loaded, config.clock);
        let analysis = match &state {
            JournalState::Open(document) => AnalysisCache::indexed(document.journal()),
            JournalState::Unreadable(_) => AnalysisCache::default(),
        };
        Self { state, analysis }
    }
}

/// The window's own state, apart from the journal and the views.
#[derive(Debug, Default)]
pub(super) struct WindowState {
    /// The title last sent to the window.
    pub title: String,
    /// When each frame began and how long its UI took to build, while frames are logged
    /// ([`AppConfig::frame_log`]).
    pub frame_starts: Vec<(std::time::Instant, Duration)>,
    /// The window was asked to close but changes could not be saved: ask what to do.
    pub close_blocked: bool,
    /// The analysis was worked out once after the first frame ([`PainlogApp::warm_analysis`]).
    pub analysis_warmed: bool,
    /// The list of keyboard shortcuts is open.
    pub shortcuts_open: bool,
    /// The user chose to close without saving.
    pub close_anyway: bool,
    /// One choice per record changed in two places, while the user settles them.
    pub conflict_choices: Vec<Keep>,
}

/// The painlog window.
pub struct PainlogApp {
    pub(super) config: AppConfig,
    pub(super) state: JournalState,
    pub(super) view: View,
    pub(super) views: Views,
    pub(super) analysis: AnalysisCache,
    pub(super) settings: EffectSettings,
    pub(super) metric: Metric,
    pub(super) feedback: Feedback,
    pub(super) jobs: Jobs,
    /// What the commands of the last frame did, for the views to follow in this one.
    pub(super) events: Vec<AppEvent>,
    pub(super) window: WindowState,
}

impl PainlogApp {
    /// Open the journal named in `config`. An unreadable journal opens the recovery view.
    pub fn new(config: AppConfig) -> Self {
        let opening = Opening::read(&config);
        Self::opened(config, opening)
    }

    /// The window on a journal already read and opened ([`Opening::read`]) from `config`'s path.
    pub fn opened(config: AppConfig, opening: Opening) -> Self {
        Self {
            state: opening.state,
            view: View::Day,
            views: Views::new(config.clock.today()),
            analysis: opening.analysis,
            settings: EffectSettings::default(),
            metric: Metric::Pain,
            feedback: Feedback::default(),
            jobs: Jobs::default(),
            events: Vec::new(),
            window: WindowState::default(),
            config,
        }
    }

    /// Apply saved preferences.
    #[must_use]
    pub fn with_prefs(mut self, prefs: Prefs) -> Self {
        self.view = prefs.view;
        self.settings = EffectSettings::new(i64::from(prefs.window), i64::from(prefs.min_days))
            .unwrap_or_default()
            .leaving_out_other_care(prefs.leave_out_other_care);
        self.metric = prefs.metric;
        self.views.set_choices(prefs.trends, prefs.report);
        self.views.year.set_period(prefs.year);
        self
    }

    /// The preferences to keep.
    pub fn prefs(&self) -> Prefs {
        let (trends, report) = self.views.choices();
        Prefs {
            view: self.view,
            window: self.settings.window(),
            min_days: self.settings.min_days(),
            leave_out_other_care: self.settings.leave_out_other_care(),
            metric: self.metric,
            trends,
            report,
            year: self.views.year.period(),
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

    /// `true` while an export or an import runs on its own thread.
    pub fn busy(&self) -> bool {
        self.jobs.exporting() || self.jobs.importing()
    }

    /// The lines the aligned view shows (for tests): each kind (or all) and its points.
    pub fn aligned_series_for_tests(
        &self,
    ) -> Vec<(
        Option<crate::model::KindChoice>,
        Vec<crate::analysis::AlignedPoint>,
    )> {
        self.views.aligned.series().to_vec()
    }

    /// The journal file in use.
    pub fn journal_path(&self) -> &std::path::Path {
        &self.config.journal_path
    }

    /// Draw the whole window and apply what the user did. Tests call this through the harness.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let mut commands: Vec<Command> = self.jobs.poll().into_iter().collect();
        self.update_title(ui.ctx());
        if super::help::toggled(ui.ctx(), self.window.shortcuts_open) {
            self.window.shortcuts_open = !self.window.shortcuts_open;
        }
        for view in View::ALL {
            if ui.input_mut(|input| input.consume_shortcut(&view.shortcut())) {
                commands.push(Command::ShowView(view));
            }
        }
        super::widgets::splitter_keys(ui.ctx());
        status_bar::ui(ui, &self.status_bar_state(), &mut commands);
        let events = std::mem::take(&mut self.events);
        match &mut self.state {
            JournalState::Open(document) => {
                chrome::top_bar(ui, Some(self.view), &mut commands);
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
                        &mut self.window.conflict_choices,
                        &mut commands,
                    );
                } else {
                    self.window.conflict_choices.clear();
                }
                chrome::banner(
                    ui,
                    self.feedback.deleted(),
                    self.feedback.notice(),
                    &mut commands,
                );
                // A chosen own measure follows its renaming, and falls back to pain when the
                // journal (opened anew, or merged) has no such measure.
                self.metric = self
                    .metric
                    .in_journal(document.journal())
                    .unwrap_or(Metric::Pain);
                let mut context = ViewContext::new(
                    document.journal(),
                    &mut self.analysis,
                    self.config.clock,
                    editable,
                    (self.settings, self.metric),
                    &self.config.journal_path,
                    &events,
                    &self.jobs,
                    &mut commands,
                );
                self.views.ui(self.view, ui, &mut context);
            }
            JournalState::Unreadable(recovery) => {
                chrome::top_bar(ui, None, &mut commands);
                recovery.ui(ui, &mut commands);
            }
        }
        super::help::window(ui.ctx(), &mut self.window.shortcuts_open);
        super::widgets::focus_ring(ui.ctx());
        if self.window.close_blocked {
            chrome::close_dialog(ui, self.document().map(Document::status), &mut commands);
        }
        for command in commands {
            self.apply(command);
        }
        if self.feedback.end_frame() || !self.events.is_empty() {
            // The status bar and the views (drawn before the commands) show it next frame.
            ui.ctx().request_repaint();
        }
        if self.busy() {
            // Look for the job's end soon, and draw it.
            ui.ctx().request_repaint_after(Duration::from_millis(50));
        }
        self.watch_file(ui.ctx());
        self.save_if_due(ui.ctx());
        self.handle_close(ui.ctx());
        self.warm_analysis(ui.ctx());
    }

    /// Once the first frame is on screen, work out the before/after analysis in a frame of its
    /// own (3.6 ms on twenty years), so that the first opening of Effects, Aligned or Since last
    /// session does not wait for it. Later changes to the journal are worked out when a view
    /// asks, as before.
    fn warm_analysis(&mut self, ctx: &egui::Context) {
        if self.window.analysis_warmed {
            return;
        }
        if ctx.cumulative_frame_nr() == 0 {
            // A frame of its own soon after the first, with or without input.
            ctx.request_repaint_after(Duration::from_millis(200));
            return;
        }
        self.window.analysis_warmed = true;
        if let JournalState::Open(document) = &self.state {
            self.analysis.effects(document.journal(), self.settings);
        }
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
                self.feedback.forget_undo();
                self.feedback
                    .say("The journal file changed outside this window; painlog read it again.");
            }
            Some(DiskEvent::Merged) => {
                self.feedback.say(
                    "The journal file changed outside this window too; painlog merged both versions.",
                );
            }
            Some(DiskEvent::Unreadable(reason)) => {
                self.feedback.say(format!(
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
        if !ctx.input(|input| input.viewport().close_requested()) || self.window.close_anyway {
            return;
        }
        self.flush();
        let unsaved = self.document().is_some_and(Document::has_unsaved_changes);
        if unsaved {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.window.close_blocked = true;
        }
    }

    fn status_bar_state(&self) -> status_bar::State<'_> {
        status_bar::State {
            path: &self.config.journal_path,
            is_demo: self.config.is_demo,
            save: self.document().map(Document::status),
            refused: self.feedback.refused_fields(),
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
        // The window's accessible name is its title (AccessKit's root node is the window).
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(title.clone());
        });
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
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
}

/// How many frames a frame log holds before the window closes itself.
const LOGGED_FRAMES: usize = 400;

impl eframe::App for PainlogApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // The first frame has been presented by the time the second one starts (a frame may
        // take more than one pass: a pass whose layout followed the last one's is discarded).
        let frame = ui.ctx().cumulative_frame_nr();
        let first_pass = ui.ctx().current_pass_index() == 0;
        if frame == 0 && first_pass {
            mark(Stage::FirstFrameBegun);
        }
        if frame == 1 && first_pass {
            mark(Stage::FirstFramePresented);
        }
        if self.config.exit_after_first_frame && frame >= 1 {
            if frame == 1 && first_pass {
                report_first_frame();
            }
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.config.frame_log.is_none() {
            self.show(ui);
        } else {
            let start = std::time::Instant::now();
            if self.window.frame_starts.len() >= LOGGED_FRAMES {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ui.ctx().request_repaint();
            }
            self.show(ui);
            self.window.frame_starts.push((start, start.elapsed()));
        }
        if frame == 0 {
            // Once for each pass of the first frame (a pass may be discarded and run again).
            mark(Stage::FirstFrameBuilt);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.flush();
        if let Some(path) = &self.config.frame_log {
            // Milliseconds from each frame's start to the next's (the whole frame, the
            // renderer's part included), then how long building its UI took.
            let lines: String = self
                .window
                .frame_starts
                .windows(2)
                .map(|pair| {
                    let whole = (pair[1].0 - pair[0].0).as_secs_f64() * 1000.0;
                    let ui = pair[0].1.as_secs_f64() * 1000.0;
                    format!("{whole:.3} {ui:.3}\n")
                })
                .collect();
            if let Err(error) = std::fs::write(path, lines) {
                eprintln!(
                    "painlog: the frame log {} could not be written: {error}",
                    path.display()
                );
            }
        }
    }
}
