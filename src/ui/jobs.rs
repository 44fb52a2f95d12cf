//! Work that takes longer than a frame: writing an export (a 20-year PDF takes a third of a
//! second) and reading CSV files to import. Each runs on a thread of its own, so the window keeps
//! drawing; the app looks for the result every frame and turns it into what the person sees.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::NaiveDateTime;

use super::Command;
use super::widgets::sentence;
use crate::analysis::DayRange;
use crate::model::Journal;
use crate::report::costs::CostStatement;
use crate::report::{self, Summary, csv_io, pdf::Paper};
use crate::store;

/// What an export writes.
#[derive(Debug)]
pub enum ExportContent {
    /// The report as a PDF.
    Pdf(Arc<Summary>, Paper),
    /// Page one as Markdown.
    Markdown(Arc<Summary>),
    /// The whole summary as JSON.
    Json(Arc<Summary>),
    /// The CSV files of the journal (the days of `range`, or all), into a folder.
    Csv(Box<Journal>, Option<DayRange>),
    /// The cost statement as a PDF.
    CostsPdf(Arc<CostStatement>, Paper),
    /// The cost statement as CSV, a row per session.
    CostsCsv(Arc<CostStatement>),
}

/// An export to run: what, where, and the journal whose kept files it must not replace.
#[derive(Debug)]
pub struct ExportJob {
    /// What to write.
    pub content: ExportContent,
    /// The file (or, for CSV, the folder).
    pub target: PathBuf,
    /// The journal in use.
    pub journal_path: PathBuf,
}

/// How an export ended: where the file went, or why it did not.
pub type ExportResult = Result<PathBuf, String>;

impl ExportJob {
    /// Render and write (on the job's thread).
    fn run(self) -> ExportResult {
        let failed = |error: store::WriteError| sentence(&format!("{error}. Nothing was written."));
        let bytes = match self.content {
            ExportContent::Csv(journal, range) => {
                csv_io::export_csv(&journal, range, &self.target, &self.journal_path)
                    .map_err(failed)?;
                return Ok(self.target);
            }
            ExportContent::Pdf(summary, paper) => report::pdf::to_pdf(&summary, paper)
                .map_err(|error| sentence(&error.to_string()))?,
            ExportContent::Markdown(summary) => report::to_markdown(&summary).into_bytes(),
            ExportContent::Json(summary) => report::to_json(&summary).into_bytes(),
            ExportContent::CostsPdf(statement, paper) => {
                report::pdf::costs_to_pdf(&statement, paper)
                    .map_err(|error| sentence(&error.to_string()))?
            }
            ExportContent::CostsCsv(statement) => statement.to_csv().into_bytes(),
        };
        store::write_other_file(&self.target, &bytes, &self.journal_path).map_err(failed)?;
        Ok(self.target)
    }
}

/// CSV files to read for an import (either may be left out).
#[derive(Debug)]
pub struct ImportJob {
    /// days.csv.
    pub days: Option<PathBuf>,
    /// sessions.csv.
    pub sessions: Option<PathBuf>,
    /// Later days and session starts are refused.
    pub now: NaiveDateTime,
}

/// What an import read, or why it read nothing.
type ImportResult = Result<csv_io::CsvImport, String>;

impl ImportJob {
    /// Read and check both files, and the lists beside them (on the job's thread); nothing is
    /// imported if any is wrong.
    fn run(self) -> ImportResult {
        csv_io::read_import(self.days.as_deref(), self.sessions.as_deref(), self.now).map_err(
            |failure| match failure {
                csv_io::ReadFailure::File(message) => sentence(&message),
                csv_io::ReadFailure::Row(_) => failure.to_string(),
            },
        )
    }
}

/// Start `work` on a thread of its own; its result arrives on the receiver. A thread that
/// could not start, or stopped without a result, is said as `failed`.
fn spawn<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Receiver<Result<T, String>> {
    let (sender, receiver) = mpsc::channel();
    let started = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            // The window may have closed meanwhile; then nobody waits for the result.
            let _ = sender.send(work());
        });
    if let Err(error) = started {
        let (sender, failed) = mpsc::channel();
        // The receiver is right here.
        let _ = sender.send(Err(format!("painlog could not start the work: {error}.")));
        return failed;
    }
    receiver
}

/// The result of a job if it has ended (`None` while it runs).
fn finished<T>(receiver: &Receiver<Result<T, String>>, what: &str) -> Option<Result<T, String>> {
    match receiver.try_recv() {
        Ok(result) => Some(result),
        Err(TryRecvError::Empty) => None,
        Err(TryRecvError::Disconnected) => Some(Err(format!(
            "The {what} stopped before it finished; nothing more was done. Try again."
        ))),
    }
}

/// The exports and imports of the window: at most one of each at a time.
#[derive(Debug, Default)]
pub struct Jobs {
    export: Option<Receiver<ExportResult>>,
    import: Option<Receiver<ImportResult>>,
    last_export: Option<ExportResult>,
    import_error: Option<String>,
}

impl Jobs {
    /// Start writing an export (unless one is running).
    pub fn start_export(&mut self, job: ExportJob) {
        if self.export.is_none() {
            self.last_export = None;
            self.export = Some(spawn("painlog export", move || job.run()));
        }
    }

    /// Start reading files to import (unless an import is running).
    pub fn start_import(&mut self, job: ImportJob) {
        if self.import.is_none() {
            self.import_error = None;
            self.import = Some(spawn("painlog import", move || job.run()));
        }
    }

    /// `true` while an export is being written.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// `true` while import files are being read.
    pub fn importing(&self) -> bool {
        self.import.is_some()
    }

    /// How the last export ended.
    pub fn last_export(&self) -> Option<&ExportResult> {
        self.last_export.as_ref()
    }

    /// Why the last import read nothing.
    pub fn import_error(&self) -> Option<&str> {
        self.import_error.as_deref()
    }

    /// Say why an import put nothing into the journal (what it read did not fit the journal).
    pub fn set_import_error(&mut self, error: String) {
        self.import_error = Some(error);
    }

    /// Look for ended jobs: an import that read its files ends in the command that imports
    /// them.
    pub fn poll(&mut self) -> Option<Command> {
        if let Some(receiver) = &self.export
            && let Some(result) = finished(receiver, "export")
        {
            self.export = None;
            self.last_export = Some(result);
        }
        let receiver = self.import.as_ref()?;
        let result = finished(receiver, "import")?;
        self.import = None;
        match result {
            Ok(read) => Some(Command::ImportCsv(Box::new(read))),
            Err(error) => {
                self.import_error = Some(error);
                None
            }
        }
    }
}
