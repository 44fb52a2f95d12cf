//! The one contract between the app and its views: what a view reads, and how it asks for a
//! change.

use std::path::Path;

use chrono::NaiveDate;

use super::analysis_cache::AnalysisCache;
use super::jobs::Jobs;
use super::{Clock, Command};
use crate::analysis::EffectSettings;
use crate::model::{Journal, Metric, SessionId};

/// Something the app did that a view may follow (applied commands end in these).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppEvent {
    /// A session was added from the form: edit it from now on.
    SessionAdded(SessionId),
    /// A session was deleted: leave its form if it is open.
    SessionDeleted(SessionId),
    /// Show this session (a deletion was undone).
    ShowSession(SessionId),
    /// Show this day (a deletion was undone).
    ShowDay(NaiveDate),
    /// Another journal was opened, or the journal was read anew: forget what was typed for the
    /// old one.
    JournalReplaced,
}

/// What every view gets each frame: the journal and everything else it reads, and where its
/// commands go. Views change nothing themselves; even a setting is a [`Command`].
pub struct ViewContext<'a> {
    /// The journal.
    pub journal: &'a Journal,
    /// The journal's analysis, computed once per revision and setting.
    pub analysis: &'a mut AnalysisCache,
    /// Where "now" comes from.
    pub clock: Clock,
    /// `false` while another painlog writes the journal: this window only reads.
    pub editable: bool,
    /// k and m of the before/after method.
    pub settings: EffectSettings,
    /// The metric the effects and aligned views show.
    pub metric: Metric,
    /// The journal file.
    pub journal_path: &'a Path,
    /// What the app did since the last frame.
    pub events: &'a [AppEvent],
    /// Exports and imports running on their own threads, and how the last ones ended.
    pub jobs: &'a Jobs,
    commands: &'a mut Vec<Command>,
}

impl<'a> ViewContext<'a> {
    /// The context of one frame.
    #[expect(
        clippy::too_many_arguments,
        reason = "built in one place, the app's frame"
    )]
    pub(super) fn new(
        journal: &'a Journal,
        analysis: &'a mut AnalysisCache,
        clock: Clock,
        editable: bool,
        (settings, metric): (EffectSettings, Metric),
        journal_path: &'a Path,
        events: &'a [AppEvent],
        jobs: &'a Jobs,
        commands: &'a mut Vec<Command>,
    ) -> Self {
        Self {
            journal,
            analysis,
            clock,
            editable,
            settings,
            metric,
            journal_path,
            events,
            jobs,
            commands,
        }
    }

    /// Ask for a change; the app applies it after the frame is drawn.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Today's local date.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
}
