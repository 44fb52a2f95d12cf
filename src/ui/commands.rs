//! What the views ask for. Views draw and push [`Command`]s; the app applies them in one place
//! (`command_handling`), once per frame, after every view is drawn.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::View;
use super::jobs::{ExportJob, ImportJob};
use crate::analysis::EffectSettings;
use crate::model::{Day, Exercise, Keep, Medication, Metric, Session, SessionId, Worse};

/// What a view asks for; applied by the app after the views are drawn.
#[derive(Debug)]
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
    /// Add an own measure, a medication or a home exercise to the journal's lists.
    AddCareItem(CareItem),
    /// Rename or retire a measure, stop a medication, edit a medication or an exercise.
    ChangeList(super::day_lists::ListChange),
    /// Remove a care visit (can be undone).
    RemoveCareVisit(crate::model::ItemId),
    /// Enter a therapist's details (details with nothing but the name remove the entry).
    SetTherapist(crate::model::Therapist),
    /// Put back what was deleted last.
    Undo,
    /// Forget the last deletion (and the notice).
    DismissUndo,
    /// Put what was read from CSV files (days, sessions, lists) into the journal.
    ImportCsv(Box<crate::report::csv_io::CsvImport>),
    /// Try to save again now.
    RetrySave,
    /// The journal's folder is gone: make it again and save there.
    MakeFolderAndSave,
    /// The file changed outside the window: read it again, dropping unsaved changes.
    ReloadFromDisk,
    /// The file changed outside the window: write the window's version over it.
    KeepWindowVersion,
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
    /// Read the journal file again (after fixing it by hand).
    Reload,
    /// Open another journal file.
    Open(PathBuf),
    /// Restore a backup over the unreadable journal.
    RestoreBackup(PathBuf),
    /// Close the window although changes could not be saved.
    CloseWithoutSaving,
    /// Keep the window open after a close that could not save.
    CancelClose,
    /// Show a view.
    ShowView(View),
    /// Open a day in the Day view.
    OpenDay(NaiveDate),
    /// Open the list of keyboard shortcuts.
    ShowShortcuts,
    /// Use this window k and minimum m for every before/after figure.
    SetSettings(EffectSettings),
    /// Show this metric in the effects and aligned views.
    SetMetric(Metric),
    /// Write a report or CSV files, on a thread of its own.
    Export(Box<ExportJob>),
    /// Read CSV files to import, on a thread of its own (it ends in [`Command::ImportCsv`]).
    Import(ImportJob),
    /// A field holds text it refuses, so the journal keeps what the field held before: said in
    /// the status bar (sent every frame while it lasts).
    InputRefused(String),
}

impl Command {
    /// `true` for a command that changes the journal's records (refused while another painlog
    /// writes the journal).
    pub fn edits_journal(&self) -> bool {
        matches!(
            self,
            Self::SetDay(_)
                | Self::DeleteDay(_)
                | Self::AddSession(_)
                | Self::UpdateSession(_)
                | Self::DeleteSession(_)
                | Self::AddCareItem(_)
                | Self::RemoveCareVisit(_)
                | Self::SetTherapist(_)
                | Self::ChangeList(_)
                | Self::Undo
                | Self::ImportCsv(_)
        )
    }
}

/// A new item for the journal's lists, as the Day view's forms give it.
#[derive(Debug)]
pub enum CareItem {
    /// An own measure.
    Measure {
        /// What it measures.
        name: String,
        /// Which end of its scale is worse.
        worse: Worse,
    },
    /// A medication (its number is given when it is added).
    Medication(Medication),
    /// A home exercise (its number is given when it is added).
    Exercise(Exercise),
    /// A visit to other care (its number is given when it is added).
    Visit(crate::model::CareVisit),
}

impl CareItem {
    /// "measure", "medication" or "exercise", and the item's name.
    pub fn describe(&self) -> (&'static str, &str) {
        match self {
            Self::Measure { name, .. } => ("measure", name),
            Self::Medication(medication) => ("medication", &medication.name),
            Self::Exercise(exercise) => ("exercise", &exercise.name),
            Self::Visit(visit) => ("care visit", visit.kind.label()),
        }
    }
}
