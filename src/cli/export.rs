//! `painlog export` and `painlog import`.

use std::path::{Path, PathBuf};

use super::commands::{Failure, Writing, load, now};
use super::{ExportArgs, ExportFormat};
use crate::analysis::{EffectSettings, JournalIndex, effects};
use crate::report::{self, Period, ReportRequest, Sections, csv_io};
use crate::store::{self, write_atomic};

pub(super) fn export(path: &Path, args: &ExportArgs) -> Result<(), Failure> {
    let journal = load(path)?;
    let today = super::today();
    let period = match (args.since_last_session, args.from, args.to) {
        (true, _, _) => Period::SinceLastSession,
        (false, None, None) => Period::Everything,
        (false, from, to) => {
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
        let written = csv_io::export_csv(&journal, only, &args.out).map_err(|error| {
            Failure::journal(format!(
                "could not write to {}: {error}",
                args.out.display()
            ))
        })?;
        println!(
            "Wrote {} and {}",
            written[0].display(),
            written[1].display()
        );
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
            report::pdf::to_pdf(&summary, args.paper)
                .map_err(|error| Failure::journal(error.to_string()))?,
            "pdf",
        ),
        ExportFormat::Md => (report::to_markdown(&summary).into_bytes(), "md"),
        ExportFormat::Json => (report::to_json(&summary).into_bytes(), "json"),
        ExportFormat::Csv => unreachable!("handled above"),
    };
    let target = if args.out.is_dir() {
        args.out.join(report::file_name(&summary, extension))
    } else {
        args.out.clone()
    };
    if let Some(folder) = target.parent().filter(|f| !f.as_os_str().is_empty()) {
        store::create_private_folder(folder).map_err(|error| {
            Failure::journal(format!("could not create {}: {error}", folder.display()))
        })?;
    }
    write_atomic(&target, &bytes).map_err(|error| {
        Failure::journal(format!("could not write {}: {error}", target.display()))
    })?;
    println!("Wrote {}", target.display());
    Ok(())
}

/// Which of painlog's CSV files a file is, from its header row.
enum CsvKind {
    Days,
    Sessions,
}

fn kind_of(text: &str) -> Option<CsvKind> {
    let header = text.trim_start_matches('\u{feff}').lines().next()?.trim();
    if header == csv_io::DAY_COLUMNS.join(",") {
        Some(CsvKind::Days)
    } else if header == csv_io::SESSION_COLUMNS.join(",") {
        Some(CsvKind::Sessions)
    } else {
        None
    }
}

pub(super) fn import(path: &Path, files: &[PathBuf]) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let today = super::today();
    let (mut days, mut sessions) = (None, None);
    for file in files {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(file)
            .map_err(|error| Failure::usage(format!("cannot read {name}: {error}")))?;
        match kind_of(&text) {
            Some(CsvKind::Days) if days.is_none() => {
                days = Some(
                    csv_io::parse_days(&text, &name, today)
                        .map_err(|e| Failure::usage(format!("{e}. Nothing was imported.")))?,
                );
            }
            Some(CsvKind::Sessions) if sessions.is_none() => {
                sessions = Some(
                    csv_io::parse_sessions(&text, &name, today)
                        .map_err(|e| Failure::usage(format!("{e}. Nothing was imported.")))?,
                );
            }
            Some(_) => {
                return Err(Failure::usage(format!(
                    "{name}: two files of the same kind; give one days.csv and one sessions.csv"
                )));
            }
            None => {
                return Err(Failure::usage(format!(
                    "{name}, line 1: not a painlog CSV; the header row must be\n  {}\nor\n  {}\nNothing was imported.",
                    csv_io::DAY_COLUMNS.join(","),
                    csv_io::SESSION_COLUMNS.join(",")
                )));
            }
        }
    }
    let summary = csv_io::import_csv(
        &mut writing.journal,
        days.unwrap_or_default(),
        sessions.unwrap_or_default(),
    );
    writing.save(path)?;
    println!("Imported: {summary}.");
    Ok(())
}
