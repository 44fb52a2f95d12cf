//! `painlog costs`: a statement of what the sessions of a year (or period) cost, as PDF, CSV or
//! JSON; and `painlog therapist`: the therapists' details printed on it.

use std::path::{Path, PathBuf};

use chrono::{Datelike as _, NaiveDate};
use clap::{Args, Subcommand};

use super::args::{self, Text};
use super::commands::{Failure, Writing, load, now};
use crate::analysis::DayRange;
use crate::model::{FIRST_YEAR, Journal, Therapist};
use crate::report::costs::CostStatement;

/// `painlog therapist …`.
#[derive(Debug, Subcommand)]
pub enum TherapistCommand {
    /// Enter a therapist's practice, address or licence number (the others stay as they are;
    /// "" clears one; clearing all three removes the entry). Printed on `painlog costs`.
    #[command(group(
        clap::ArgGroup::new("details")
            .required(true)
            .multiple(true)
            .args(["practice", "address", "licence"])
    ))]
    Set {
        /// The therapist's name as your sessions write it (matched in any case).
        #[arg(value_name = "NAME", value_parser = Text::THERAPIST_NAME)]
        name: String,
        /// The practice or clinic (at most 100 characters).
        #[arg(long, value_name = "TEXT", value_parser = Text::PRACTICE)]
        practice: Option<String>,
        /// The practice's address, on one line (at most 200 characters).
        #[arg(long, value_name = "TEXT", value_parser = Text::ADDRESS)]
        address: Option<String>,
        /// The therapist's licence or registration number (at most 100 characters).
        #[arg(long, value_name = "TEXT", value_parser = Text::LICENCE)]
        licence: Option<String>,
    },
    /// List the therapists' details, by name.
    List {
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
}

/// What `painlog costs` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CostsFormat {
    /// A printable statement with totals (the default).
    Pdf,
    /// One row per session: date, start, kind, therapist, minutes, amount, currency.
    Csv,
    /// The sessions and the totals per currency, therapist and kind.
    Json,
}

/// `painlog costs`.
#[derive(Debug, Args)]
#[command(
    after_help = "Give --year, or --from and --to. Amounts in different currencies are totalled \
apart. Therapists' details entered with `painlog therapist set` are printed on the PDF."
)]
pub struct CostsArgs {
    /// The calendar year, e.g. 2026.
    #[arg(long, value_name = "YYYY", value_parser = year, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// The first day of the period (with --to).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::any_date, requires = "to")]
    pub from: Option<NaiveDate>,
    /// The last day of the period (with --from).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::any_date, requires = "from")]
    pub to: Option<NaiveDate>,
    /// pdf (the default), csv or json.
    #[arg(long, value_enum, default_value_t = CostsFormat::Pdf)]
    pub format: CostsFormat,
    /// The paper of the PDF: a4 (the default) or letter.
    #[arg(long, value_name = "PAPER", value_parser = args::paper)]
    pub paper: Option<crate::report::pdf::Paper>,
    /// The patient's name, printed on the PDF and in the JSON (at most 100 characters);
    /// without it the PDF has a line to write it on.
    #[arg(long, value_name = "TEXT", value_parser = Text::REPORT_NAME)]
    pub name: Option<String>,
    /// Where to write: a file, or an existing folder (the file is then named after the period).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

/// `--year`: four digits, from 1900.
fn year(text: &str) -> Result<i32, String> {
    let trimmed = text.trim();
    trimmed
        .parse::<i32>()
        .ok()
        .filter(|y| trimmed.len() == 4 && (FIRST_YEAR..=9999).contains(y))
        .ok_or_else(|| {
            format!("a year is four digits from {FIRST_YEAR} to 9999, like 2026, not \"{text}\"")
        })
}

/// The days `args` ask for, or what is wrong with them.
fn range(args: &CostsArgs, today: NaiveDate) -> Result<DayRange, Failure> {
    let (from, to) = match (args.year, args.from, args.to) {
        (Some(year), ..) => {
            if year > today.year() {
                return Err(Failure::usage(format!(
                    "--year {year} has not begun (today is {today}); choose {} or earlier",
                    today.year()
                )));
            }
            (
                NaiveDate::from_ymd_opt(year, 1, 1),
                NaiveDate::from_ymd_opt(year, 12, 31),
            )
        }
        (None, Some(from), Some(to)) => (Some(from), Some(to)),
        _ => {
            return Err(Failure::usage(
                "say which sessions: --year YYYY, or --from YYYY-MM-DD and --to YYYY-MM-DD",
            ));
        }
    };
    let (Some(from), Some(to)) = (from, to) else {
        return Err(Failure::usage(
            "--year: that year has no dates painlog can write",
        ));
    };
    if from > to {
        return Err(Failure::usage(format!(
            "--from {from} is after --to {to}; the period must start before it ends"
        )));
    }
    Ok(DayRange::new(from, to))
}

/// `painlog costs`.
pub(super) fn costs(path: &Path, args: &CostsArgs) -> Result<(), Failure> {
    if args.paper.is_some() && args.format != CostsFormat::Pdf {
        return Err(Failure::usage(
            "--paper is only for --format pdf; leave it out for csv or json",
        ));
    }
    if args.name.is_some() && args.format == CostsFormat::Csv {
        return Err(Failure::usage(
            "--name is only for --format pdf or json (the CSV has a row per session and no \
             header for a name); leave it out for --format csv",
        ));
    }
    let range = range(args, super::today())?;
    let journal = load(path)?;
    let statement = CostStatement::new(&journal, range, args.name.clone(), now());
    let (bytes, extension) = match args.format {
        CostsFormat::Pdf => (
            crate::report::pdf::costs_to_pdf(&statement, args.paper.unwrap_or_default())
                .map_err(|error| Failure::journal(error.to_string()))?,
            "pdf",
        ),
        CostsFormat::Csv => (statement.to_csv().into_bytes(), "csv"),
        CostsFormat::Json => (statement.to_json().into_bytes(), "json"),
    };
    let target =
        super::export::write_out(path, &args.out, &statement.file_name(extension), &bytes)?;
    super::output::say(&format!(
        "Wrote {} ({} sessions {})",
        target.display(),
        statement.sessions.len(),
        statement.period()
    ));
    Ok(())
}

/// `painlog therapist …`.
pub(super) fn therapist(path: &Path, command: TherapistCommand) -> Result<(), Failure> {
    match command {
        TherapistCommand::Set {
            name,
            practice,
            address,
            licence,
        } => set_therapist(path, &name, [practice, address, licence]),
        TherapistCommand::List { json } => {
            let journal = load(path)?;
            if json {
                let list =
                    serde_json::to_string_pretty(journal.therapist_details()).unwrap_or_default();
                super::output::write_line(&list);
            } else {
                super::output::show(&therapist_lines(&journal));
            }
            Ok(())
        }
    }
}

/// One line per therapist with details, or how to enter some.
fn therapist_lines(journal: &Journal) -> String {
    if journal.therapist_details().is_empty() {
        return "No therapists' details yet; enter them with: painlog therapist set NAME \
                --practice TEXT --address TEXT --licence TEXT\n"
            .to_owned();
    }
    journal
        .therapist_details()
        .iter()
        .map(|t| format!("{}: {}\n", t.name, t.details_line()))
        .collect()
}

/// Change the details given (`[practice, address, licence]`), keeping the others.
fn set_therapist(
    path: &Path,
    name: &str,
    [practice, address, licence]: [Option<String>; 3],
) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    // The spelling most sessions use, so that the statement and the list agree with them.
    let key = name.trim().to_lowercase();
    let mut spellings: Vec<(usize, &str)> = Vec::new();
    for written in journal
        .sessions()
        .iter()
        .filter_map(|s| s.therapist.as_deref())
    {
        if written.trim().to_lowercase() == key {
            match spellings
                .iter_mut()
                .find(|(_, known)| *known == written.trim())
            {
                Some((count, _)) => *count += 1,
                None => spellings.push((1, written.trim())),
            }
        }
    }
    let used = spellings
        .iter()
        .max_by_key(|(count, _)| *count)
        .map(|(_, spelling)| (*spelling).to_owned());
    let mut therapist = journal
        .therapist_named(name)
        .cloned()
        .unwrap_or_else(|| Therapist {
            name: name.to_owned(),
            ..Therapist::default()
        });
    therapist.name = used.clone().unwrap_or_else(|| name.to_owned());
    for (slot, given) in [
        (&mut therapist.practice, practice),
        (&mut therapist.address, address),
        (&mut therapist.licence, licence),
    ] {
        if let Some(given) = given {
            *slot = given;
        }
    }
    journal.set_therapist(&therapist).map_err(Failure::usage)?;
    let said = match journal.therapist_named(&therapist.name) {
        Some(saved) => format!("Saved {}: {}.", saved.name, saved.details_line()),
        None => format!("Removed the details of {}.", therapist.name),
    };
    writing.save(path)?;
    let unused = if used.is_none() {
        format!(
            " No session names \"{}\" yet; the details are used once one does.",
            therapist.name
        )
    } else {
        String::new()
    };
    super::output::say(&format!("{said}{unused}"));
    Ok(())
}
