//! `painlog export` and `painlog import`.

use std::path::{Path, PathBuf};

use super::commands::{Failure, Writing, file_in_the_way, load, now};
use super::{ExportArgs, ExportFormat};
use crate::analysis::{EffectSettings, JournalIndex, effects};
use crate::report::{self, Period, ReportRequest, Sections, csv_io};
use crate::store;

/// How many days, up to today, a report covers when no period is given.
pub(super) const DEFAULT_DAYS: u32 = 90;

/// Options that mean nothing for the chosen format are refused rather than ignored.
fn check_options_fit_format(args: &ExportArgs) -> Result<(), Failure> {
    let format = match args.format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Csv => "csv",
        ExportFormat::Md => "md",
        ExportFormat::Json => "json",
    };
    if args.paper.is_some() && args.format != ExportFormat::Pdf {
        return Err(Failure::usage(format!(
            "--paper is only for --format pdf; leave it out for --format {format}"
        )));
    }
    if args.format == ExportFormat::Csv {
        for (flag, given) in [
            ("--message", args.message.is_some()),
            ("--name", args.name.is_some()),
        ] {
            if given {
                return Err(Failure::usage(format!(
                    "{flag} is only for --format pdf, md or json (the CSV files hold the \
                     journal's days and sessions, not a report); leave it out for --format csv"
                )));
            }
        }
    }
    Ok(())
}

pub(super) fn export(path: &Path, args: &ExportArgs) -> Result<(), Failure> {
    check_options_fit_format(args)?;
    let journal = load(path)?;
    let today = super::today();
    let period = match (args.all, args.since_last_session, args.from, args.to) {
        (true, ..) => Period::Everything,
        (false, true, _, _) => Period::SinceLastSession,
        // The CSV files are the journal itself (to keep, or to move elsewhere), not a report to
        // read: without a period they hold all of it.
        (false, false, None, None) if args.format == ExportFormat::Csv => Period::Everything,
        (false, false, None, None) => Period::LastDays(DEFAULT_DAYS),
        (false, false, from, to) => {
            let span = journal.date_span();
            let from = from.or(span.map(|(first, _)| first)).unwrap_or(today);
            let to = to
                .or(span.map(|(_, last)| last.max(today)))
                .unwrap_or(today);
            Period::Between(from, to)
        }
    };
    let range = period.resolve(&journal, today).map_err(|error| {
        Failure::usage(format!(
            "{error}; choose another period with --from and --to"
        ))
    })?;
    if args.format == ExportFormat::Csv {
        // The whole journal exports every record, whatever dates they have.
        let only = if matches!(period, Period::Everything) {
            None
        } else {
            Some(range)
        };
        if let Some(file) = file_in_the_way(&args.out) {
            store::refuse_kept_file(&args.out, path).map_err(|error| kept(&error))?;
            return Err(Failure::journal(format!(
                "{} is a file, not a folder; --format csv writes days.csv, sessions.csv and the lists into \
                 a folder, so give a folder (new or existing) for --out. Nothing was changed.",
                file.display()
            )));
        }
        let written = csv_io::export_csv(&journal, only, &args.out, path).map_err(write_failed)?;
        let written: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        super::output::say(&format!("Wrote {}", written.join(", ")));
        return Ok(());
    }
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::default());
    let request = ReportRequest {
        period: range,
        sections: Sections::default(),
        message: args.message.clone().unwrap_or_default(),
        name: args.name.clone(),
        made: now(),
    };
    let summary = report::summarize_period(&journal, &index, &effects, &request);
    let (bytes, extension) = match args.format {
        ExportFormat::Pdf => (
            report::pdf::to_pdf(&summary, args.paper.unwrap_or_default())
                .map_err(|error| Failure::journal(error.to_string()))?,
            "pdf",
        ),
        ExportFormat::Md => (report::to_markdown(&summary).into_bytes(), "md"),
        ExportFormat::Json => (report::to_json(&summary).into_bytes(), "json"),
        ExportFormat::Csv => unreachable!("handled above"),
    };
    let target = write_out(
        path,
        &args.out,
        &report::file_name(&summary, extension),
        &bytes,
    )?;
    super::output::say(&format!("Wrote {}", target.display()));
    Ok(())
}

/// Write `bytes` to `out` (into it, as `name`, when it is a folder): never a file painlog keeps
/// for the journal at `journal`, never through a file standing where a folder should be.
/// Returns where it went.
pub(super) fn write_out(
    journal: &Path,
    out: &Path,
    name: &str,
    bytes: &[u8],
) -> Result<PathBuf, Failure> {
    let target = if out.is_dir() {
        out.join(name)
    } else {
        out.to_path_buf()
    };
    store::refuse_kept_file(&target, journal).map_err(|error| kept(&error))?;
    if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty())
        && let Some(file) = file_in_the_way(folder)
    {
        return Err(Failure::journal(format!(
            "{} is a file, not a folder; choose another --out. Nothing was changed.",
            file.display()
        )));
    }
    store::write_other_file(&target, bytes, journal).map_err(write_failed)?;
    Ok(target)
}

/// A target that names a file painlog keeps: a usage error (exit 2), nothing written.
pub(super) fn kept(error: &store::KeptFile) -> Failure {
    Failure::usage(format!("--out: {error}. Nothing was written."))
}

pub(super) fn write_failed(error: store::WriteError) -> Failure {
    match error {
        store::WriteError::Kept(error) => kept(&error),
        store::WriteError::Io { .. }
        | store::WriteError::Folder { .. }
        | store::WriteError::NotAFolder { .. } => {
            Failure::journal(format!("{error}. Nothing was changed."))
        }
    }
}

/// A CSV file's text; a file that cannot be read, or is not UTF-8, is refused with what to do.
fn read_csv(file: &Path) -> Result<String, Failure> {
    csv_io::read_csv_file(file).map_err(Failure::usage)
}

pub(super) fn import(path: &Path, files: &[PathBuf]) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let (mut days, mut sessions) = (None, None);
    for file in files {
        let name = file.display().to_string();
        let text = read_csv(file)?;
        let slot = match csv_io::csv_kind(&text) {
            Some(csv_io::CsvKind::Days) => &mut days,
            Some(csv_io::CsvKind::Sessions) => &mut sessions,
            Some(kind) => {
                return Err(Failure::usage(format!(
                    "{name}: {} is read from the folder of days.csv (or of sessions.csv); give \
                     days.csv and/or sessions.csv. Nothing was imported.",
                    kind.file_name()
                )));
            }
            None => {
                return Err(Failure::usage(format!(
                    "{name}, line 1: not a painlog CSV; the header row must be\n  {}\n(days.csv; \
                     a column {}NAME for each own measure after mood; version 1's {} is read \
                     too)\nor\n  {}\n(sessions.csv)\nNothing was imported.",
                    csv_io::DAY_COLUMNS.join(","),
                    csv_io::MEASURE_PREFIX,
                    csv_io::DAY_COLUMNS_V1.join(","),
                    csv_io::SESSION_COLUMNS.join(",")
                )));
            }
        };
        if slot.replace(file.as_path()).is_some() {
            return Err(Failure::usage(format!(
                "{name}: two files of the same kind; give one days.csv and one sessions.csv. \
                 Nothing was imported."
            )));
        }
    }
    let read = csv_io::read_import(days, sessions, now())
        .map_err(|failure| Failure::usage(failure.to_string()))?;
    let summary = csv_io::import_csv(&mut writing.journal, read)
        .map_err(|e| Failure::usage(format!("{e}. Nothing was imported.")))?;
    writing.save(path)?;
    super::output::say(&format!("Imported: {summary}."));
    Ok(())
}
