//! Applying commands: the one place where the journal, the file, the view and the settings
//! change, each command handled once, in one `match`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::app::{JournalState, PainlogApp};
use super::commands::{CareItem, Command};
use super::context::AppEvent;
use super::feedback::Deleted;
use super::jobs::ImportJob;
use super::{DiskEvent, Document, View};
use crate::model::{Day, Keep, Session, SessionId};
use crate::store;

/// Said when an edit is refused because another painlog writes the journal.
const READ_ONLY_NOTICE: &str =
    "Nothing was changed: this window only reads the journal while another painlog has it open.";

impl PainlogApp {
    /// Apply one command.
    pub(super) fn apply(&mut self, command: Command) {
        if command.edits_journal() {
            if self
                .document_mut()
                .is_none_or(|document| document.is_read_only())
            {
                self.feedback.say(READ_ONLY_NOTICE);
                return;
            }
            self.feedback.journal_changed();
        }
        match command {
            Command::SetDay(day) => self.set_day(day),
            Command::DeleteDay(date) => self.delete_day(date),
            Command::AddSession(session) => self.add_session(session),
            Command::UpdateSession(session) => self.update_session(session),
            Command::DeleteSession(id) => self.delete_session(id),
            Command::AddCareItem(item) => self.add_care_item(item),
            Command::RemoveCareVisit(id) => self.remove_care_visit(id),
            Command::SetTherapist(therapist) => self.set_therapist(&therapist),
            Command::ChangeList(change) => self.change_list(change),
            Command::Undo => self.undo(),
            Command::DismissUndo => self.feedback.dismiss(),
            Command::ImportCsv(read) => self.import(*read),
            Command::RetrySave => self.with_document(Document::save_now),
            Command::MakeFolderAndSave => {
                self.with_document(Document::make_folder_and_save);
            }
            Command::KeepWindowVersion => {
                self.with_document(Document::keep_window_version);
            }
            Command::ReloadFromDisk => self.reload_from_disk(),
            Command::TryToWrite => self.try_to_write(),
            Command::MergeCopy => self.merge_copy(),
            Command::DismissCopy => self.with_document(|document, _| document.dismiss_copy()),
            Command::ResolveConflicts(choices) => self.resolve_conflicts(&choices),
            Command::CancelMerge => self.with_document(|document, _| document.cancel_merge()),
            Command::Reload => self.reopen(self.config.journal_path.clone()),
            Command::Open(path) => self.reopen(path),
            Command::RestoreBackup(backup) => self.restore_backup(&backup),
            Command::CloseWithoutSaving => {
                self.window.close_blocked = false;
                self.window.close_anyway = true;
            }
            Command::CancelClose => self.window.close_blocked = false,
            Command::ShowView(view) => self.view = view,
            Command::OpenDay(date) => {
                self.events.push(AppEvent::ShowDay(date));
                self.view = View::Day;
            }
            Command::ShowShortcuts => self.window.shortcuts_open = true,
            Command::SetSettings(settings) => self.settings = settings,
            Command::SetMetric(metric) => self.metric = metric,
            Command::Export(job) => self.jobs.start_export(*job),
            Command::Import(job) => self.start_import(job),
            Command::InputRefused(reason) => self.feedback.refused(reason),
        }
    }

    fn document_mut(&mut self) -> Option<&mut Document> {
        match &mut self.state {
            JournalState::Open(document) => Some(document),
            JournalState::Unreadable(_) => None,
        }
    }

    /// Do `action` to the open journal (nothing when it could not be read), at the clock's now.
    fn with_document(&mut self, action: impl FnOnce(&mut Document, chrono::NaiveDateTime)) {
        let now = self.config.clock.now();
        if let Some(document) = self.document_mut() {
            action(document, now);
        }
    }

    fn set_day(&mut self, day: Day) {
        // A day logged again after it was deleted: undoing the deletion would overwrite it.
        self.feedback.day_logged_again(day.date);
        self.with_document(|document, _| {
            document.edit(|journal| journal.set_day(day));
        });
    }

    fn delete_day(&mut self, date: NaiveDate) {
        let removed = self
            .document_mut()
            .and_then(|document| document.edit(|journal| journal.remove_day(date)))
            .flatten();
        if let Some(day) = removed {
            self.feedback.offer_undo(Deleted::Day(day));
        }
    }

    fn add_session(&mut self, session: Session) {
        let added = self
            .document_mut()
            .and_then(|document| document.edit(|journal| journal.add_session(session)));
        if let Some(id) = added {
            self.events.push(AppEvent::SessionAdded(id));
            self.feedback.say(format!("Added session {id}."));
        }
    }

    fn update_session(&mut self, session: Session) {
        let replaced = self
            .document_mut()
            .and_then(|document| document.edit(|journal| journal.replace_session(session)));
        if let Some(Err(error)) = replaced {
            self.feedback
                .say(format!("Could not change the session: {error}."));
        }
    }

    fn delete_session(&mut self, id: SessionId) {
        let removed = self
            .document_mut()
            .and_then(|document| document.edit(|journal| journal.remove_session(id)))
            .flatten();
        if let Some(session) = removed {
            self.events.push(AppEvent::SessionDeleted(id));
            self.feedback.offer_undo(Deleted::Session(session));
        }
    }

    fn add_care_item(&mut self, item: CareItem) {
        let (what, name) = item.describe();
        let (what, name) = (what, name.trim().to_owned());
        let added = self.document_mut().and_then(|document| {
            document.edit(|journal| match item {
                CareItem::Measure { name, worse } => journal.add_measure(&name, worse),
                CareItem::Medication(medication) => journal.add_medication(medication),
                CareItem::Exercise(exercise) => journal.add_exercise(exercise),
                CareItem::Visit(visit) => journal.add_care_visit(visit),
            })
        });
        match added {
            Some(Ok(_)) => self.feedback.say(format!("Added the {what} {name}.")),
            Some(Err(error)) => self
                .feedback
                .say(format!("Could not add the {what} {name}: {error}.")),
            None => {}
        }
    }

    fn set_therapist(&mut self, therapist: &crate::model::Therapist) {
        let name = therapist.name.trim().to_owned();
        let result = self
            .document_mut()
            .and_then(|document| document.edit(|journal| journal.set_therapist(therapist)));
        match result {
            Some(Ok(())) if therapist.has_details() => {
                self.feedback.say(format!("Saved the details of {name}."));
            }
            Some(Ok(())) => self.feedback.say(format!("Removed the details of {name}.")),
            Some(Err(error)) => self
                .feedback
                .say(format!("Could not save the details of {name}: {error}.")),
            None => {}
        }
    }

    fn change_list(&mut self, change: super::day_lists::ListChange) {
        use super::day_lists::ListChange;
        let result = self.document_mut().and_then(|document| {
            document.edit(|journal| match change {
                ListChange::RenameMeasure(id, name) => journal
                    .rename_measure(id, &name)
                    .map(|()| format!("Renamed the measure to {name}.")),
                ListChange::RetireMeasure(id, retired) => {
                    journal.set_measure_retired(id, retired).map(|()| {
                        if retired {
                            "Retired the measure; its history stays.".to_owned()
                        } else {
                            "The measure is logged again.".to_owned()
                        }
                    })
                }
                ListChange::StopMedication(id, until) => {
                    let Some(mut medication) = journal.medication(id).cloned() else {
                        return Err("that medication is no longer in the journal".to_owned());
                    };
                    medication.until = until;
                    let name = medication.name.clone();
                    journal
                        .replace_medication(medication)
                        .map(|()| match until {
                            Some(day) => format!("{name} stopped on {day}."),
                            None => format!("{name} is taken again, with no stop."),
                        })
                }
                ListChange::EditMedication(medication) => {
                    let name = medication.name.trim().to_owned();
                    journal
                        .replace_medication(medication)
                        .map(|()| format!("Saved the medication {name}."))
                }
                ListChange::EditExercise(exercise) => {
                    let name = exercise.name.trim().to_owned();
                    journal
                        .replace_exercise(exercise)
                        .map(|()| format!("Saved the exercise {name}."))
                }
            })
        });
        match result {
            Some(Ok(said)) => self.feedback.say(said),
            Some(Err(error)) => self.feedback.say(format!("Not changed: {error}.")),
            None => {}
        }
    }

    fn remove_care_visit(&mut self, id: crate::model::ItemId) {
        let removed = self
            .document_mut()
            .and_then(|document| document.edit(|journal| journal.remove_care_visit(id)))
            .flatten();
        if let Some(visit) = removed {
            self.feedback.offer_undo(Deleted::CareVisit(visit));
        }
    }

    fn undo(&mut self) {
        if self.document_mut().is_none() {
            return;
        }
        match self.feedback.take_deleted() {
            Some(Deleted::Day(day)) => {
                self.events.push(AppEvent::ShowDay(day.date));
                self.view = View::Day;
                self.with_document(|document, _| {
                    document.edit(|journal| journal.set_day(day));
                });
            }
            Some(Deleted::CareVisit(visit)) => {
                self.events.push(AppEvent::ShowDay(visit.date));
                self.view = View::Day;
                if let Some(Err(error)) = self
                    .document_mut()
                    .and_then(|document| document.edit(|journal| journal.restore_care_visit(visit)))
                {
                    self.feedback
                        .say(format!("Could not put the visit back: {error}."));
                }
            }
            Some(Deleted::Session(session)) => {
                let id = session.id;
                let restored = self
                    .document_mut()
                    .and_then(|document| document.edit(|journal| journal.restore_session(session)));
                if let Some(Ok(())) = restored {
                    self.events.push(AppEvent::ShowSession(id));
                    self.view = View::Sessions;
                }
            }
            None => {}
        }
    }

    fn import(&mut self, read: crate::report::csv_io::CsvImport) {
        let summary = self
            .document_mut()
            .and_then(|document| document.edit(|journal| crate::report::import_csv(journal, read)));
        match summary {
            Some(Ok(summary)) => {
                self.feedback.forget_undo();
                self.feedback.say(format!("Imported: {summary}."));
            }
            Some(Err(error)) => self
                .jobs
                .set_import_error(format!("{error}. Nothing was imported.")),
            None => {}
        }
    }

    fn start_import(&mut self, job: ImportJob) {
        if self
            .document_mut()
            .is_none_or(|document| document.is_read_only())
        {
            self.feedback.say(READ_ONLY_NOTICE);
            return;
        }
        self.jobs.start_import(job);
    }

    fn reload_from_disk(&mut self) {
        let reloaded = self.document_mut().map(Document::reload);
        if let Some(Err(error)) = reloaded {
            self.feedback
                .say(format!("{error}. This window keeps its version."));
        }
        self.feedback.forget_undo();
    }

    fn try_to_write(&mut self) {
        let taken = self.document_mut().map(Document::try_to_write);
        match taken {
            Some(Ok(())) => self
                .feedback
                .say("This window can change the journal again."),
            Some(Err(error)) => self.feedback.say(format!("Still read only: {error}.")),
            None => {}
        }
    }

    fn merge_copy(&mut self) {
        let now = self.config.clock.now();
        let Some(document) = self.document_mut() else {
            return;
        };
        if let Some(DiskEvent::Unreadable(reason)) = document.merge_offered_copy() {
            self.feedback.say(format!(
                "The copy cannot be read, so nothing was merged: {reason}."
            ));
        } else if document.pending_merge().is_none() {
            document.save_now(now);
            self.feedback.say("Merged the copy into the journal.");
        }
        self.feedback.forget_undo();
    }

    fn resolve_conflicts(&mut self, choices: &[Keep]) {
        self.with_document(|document, now| {
            document.resolve(choices);
            document.save_now(now);
        });
        self.feedback.forget_undo();
        self.feedback
            .say("Saved the merged journal with your choices.");
    }

    /// Open the journal at `path` (the same one again after a fix by hand, or another).
    fn reopen(&mut self, path: PathBuf) {
        self.flush();
        // Let go of the journal's lock before taking it again.
        if let Some(document) = self.document_mut() {
            document.release();
        }
        let loaded = store::load(&path);
        self.state = JournalState::open(&path, loaded, self.config.clock);
        self.config.journal_path = path;
        self.config.is_demo = false;
        self.feedback.dismiss();
        self.events.push(AppEvent::JournalReplaced);
    }

    fn restore_backup(&mut self, backup: &Path) {
        // Never restore under another painlog that is writing the journal.
        let journal = self.config.journal_path.clone();
        let restored = store::lock(&journal)
            .map_err(|error| error.to_string())
            .and_then(|lock| {
                let restored = store::restore(&journal, backup, self.config.clock.now());
                drop(lock);
                restored.map_err(|error| error.to_string())
            });
        match restored {
            Ok(moved) => {
                self.reopen(journal);
                let kept = moved.map_or_else(String::new, |aside| {
                    format!(" The file it replaced was kept as {}.", aside.display())
                });
                self.feedback
                    .say(format!("Restored the backup {}.{kept}", backup.display()));
            }
            Err(error) => {
                if let JournalState::Unreadable(recovery) = &mut self.state {
                    recovery.set_problem(error);
                }
            }
        }
    }
}
