//! The command line: the same journal, model and store as the window.

mod args;
mod care;
mod care_args;
mod care_output;
mod commands;
mod costs;
mod effects;
mod export;
pub mod output;
mod patterns;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Args, Parser, Subcommand};

use args::ScoreArg;
pub use args::{NOW_ENV, now_from_env, today};
pub use care_args::{
    CareAddArgs, CareCommand, ExerciseCommand, MeasureArg, MeasureCommand, MedicationAddArgs,
    MedicationCommand,
};
pub use costs::{CostsArgs, CostsFormat, TherapistCommand};

use crate::model::{Amount, Currency, KindChoice, Minutes, Pressure, Score};

/// painlog: a private journal of back and neck pain and massage sessions.
///
/// With no command, opens the window on your journal.
#[derive(Debug, Parser)]
#[command(name = "painlog", version, max_term_width = 100)]
#[command(
    after_help = "The journal is ~/.local/share/painlog/journal.ron on Linux (the platform's data folder \
elsewhere), unless --data or PAINLOG_DATA names another file."
)]
pub struct Cli {
    /// The journal file to use instead of the default.
    #[arg(
        long,
        global = true,
        env = crate::store::DATA_ENV,
        value_name = "PATH",
        value_parser = args::DataPath
    )]
    pub data: Option<PathBuf>,

    /// Open the window on a generated demo journal in a temporary folder (your journal is not touched).
    #[arg(long)]
    pub demo: bool,

    /// Draw the window with this renderer: glow (OpenGL) or wgpu. Without it, painlog uses the
    /// faster one where it runs (glow on Linux, wgpu elsewhere) and the other if that cannot start.
    #[arg(long, env = crate::ui::RENDERER_ENV, value_name = "glow|wgpu", value_parser = args::renderer)]
    pub renderer: Option<crate::ui::Renderer>,

    /// What to do; without one, the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A subcommand.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log a day, or change some of its fields (the others stay as they are).
    Log(LogArgs),
    /// Add, list or remove massage sessions.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Add, list, rename or retire your own 0–10 measures.
    #[command(subcommand)]
    Measure(MeasureCommand),
    /// Add or list medications, or note when one stopped.
    #[command(subcommand)]
    Medication(MedicationCommand),
    /// Add or list home exercises and stretches.
    #[command(subcommand)]
    Exercise(ExerciseCommand),
    /// Add, list or remove visits to other care: physiotherapy, chiropractic, a doctor, other.
    #[command(subcommand)]
    Care(CareCommand),
    /// Enter or list therapists' details (practice, address, licence number) for the cost
    /// statement.
    #[command(subcommand)]
    Therapist(TherapistCommand),
    /// A statement of what the sessions of a year (or period) cost, for an insurer or a
    /// health-savings account: PDF (the default), CSV or JSON.
    Costs(CostsArgs),
    /// Read and validate the journal, and say what it holds.
    Check {
        /// Print {"days": N, "sessions": N, "first": "YYYY-MM-DD", "last": "YYYY-MM-DD"}.
        #[arg(long)]
        json: bool,
    },
    /// Did sessions help? Sessions against ordinary weeks (all, each kind, each therapist),
    /// then before and after each session: the change in each metric, by kind and by therapist.
    Effects(EffectsArgs),
    /// What goes with worse or better days: each measure against pain (or --metric) the same
    /// day and the next, and each medication, exercise, care visit, session kind and place that
    /// hurt, on days with it against days without. Goes together with, which does not mean it
    /// causes.
    Patterns(PatternsArgs),
    /// Write a summary for the therapist (PDF, Markdown, JSON) or the journal as CSV.
    Export(ExportArgs),
    /// Read days.csv and sessions.csv (as painlog exports them) into the journal, with the
    /// lists beside them: measures.csv, medications.csv, exercises.csv, care.csv, therapists.csv.
    #[command(
        after_help = "measures.csv, medications.csv, exercises.csv, care.csv and therapists.csv are read from the folder \
of days.csv (or of sessions.csv when only that is given) when they are there. Their items match the \
journal's by name and take the imported values; new ones are added. A day that names an own measure, \
a medication or an exercise that neither the journal nor those files hold is refused. days.csv of \
version 1 (date,pain,worst_pain,stiffness,sleep,stress,regions,note) still imports; a column a file \
does not have leaves the journal's value. Nothing is imported when any file or row is wrong."
    )]
    Import {
        /// days.csv and/or sessions.csv (told apart by their header row).
        #[arg(value_name = "FILE", required = true, num_args = 1..=2)]
        files: Vec<PathBuf>,
    },
    /// Write a generated, realistic journal to a file (for trying painlog out).
    Demo(DemoArgs),
    /// Put a backup in place of the journal (`painlog check` lists them). The journal it
    /// replaces is kept beside it as journal.replaced-….ron, never deleted.
    Restore {
        /// The backup file: its path, or its name in the journal's folder.
        #[arg(value_name = "BACKUP")]
        backup: PathBuf,
    },
}

/// What `painlog export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A PDF report for the therapist.
    Pdf,
    /// days.csv, sessions.csv, measures.csv, medications.csv, exercises.csv, care.csv and
    /// therapists.csv in a folder.
    Csv,
    /// Page one of the report as Markdown.
    Md,
    /// The whole summary as JSON.
    Json,
}

/// `painlog export`.
#[derive(Debug, Args)]
#[command(
    after_help = "Without --from, --to, --since-last-session or --all, a report (pdf, md, json) covers \
the last 90 days up to today, and --format csv writes the whole journal."
)]
pub struct ExportArgs {
    /// pdf, csv (a folder with days.csv, sessions.csv and the lists), md or json.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// The first day of the period (with --to alone: the first day of the journal).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::any_date, conflicts_with = "since_last_session")]
    pub from: Option<NaiveDate>,
    /// The last day of the period (with --from alone: today, or the last day of the journal).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::any_date, conflicts_with = "since_last_session")]
    pub to: Option<NaiveDate>,
    /// From the day of the last session to today.
    #[arg(long)]
    pub since_last_session: bool,
    /// The whole journal, from its first day to its last (without a period, a report covers the
    /// last 90 days).
    #[arg(long, conflicts_with_all = ["from", "to", "since_last_session"])]
    pub all: bool,
    /// The paper of a PDF: a4 (the default) or letter. Only for --format pdf.
    #[arg(long, value_name = "PAPER", value_parser = args::paper)]
    pub paper: Option<crate::report::pdf::Paper>,
    /// A short message to the therapist, printed on page one (at most 1000 characters).
    #[arg(long, value_name = "TEXT", value_parser = args::Text::MESSAGE)]
    pub message: Option<String>,
    /// The name printed on the report (at most 100 characters).
    #[arg(long, value_name = "TEXT", value_parser = args::Text::REPORT_NAME)]
    pub name: Option<String>,
    /// Where to write: a file (pdf, md, json) or a folder (csv). An existing folder gets a file
    /// named after the period.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

/// `painlog patterns`.
#[derive(Debug, Args)]
pub struct PatternsArgs {
    /// The first day of the period (without it: the journal's first day).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::any_date)]
    pub from: Option<NaiveDate>,
    /// The last day of the period (without it: the journal's last day).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::any_date)]
    pub to: Option<NaiveDate>,
    /// The measure the others are set against: pain (the default), worst-pain, stiffness,
    /// sleep, stress, mobility, mood, or the name of one of your own measures.
    #[arg(long, value_name = "METRIC")]
    pub metric: Option<String>,
    /// Print every pattern as JSON (full precision) instead of sentences.
    #[arg(long)]
    pub json: bool,
}

/// `painlog effects`.
#[derive(Debug, Args)]
pub struct EffectsArgs {
    /// k: days before and after each session to compare, 1 to 28.
    #[arg(
        long,
        value_name = "K",
        default_value_t = 7,
        value_parser = args::window,
        allow_negative_numbers = true
    )]
    pub window: i64,
    /// m: how many logged days a window needs, 1 to K; fewer is "not enough data".
    #[arg(
        long,
        value_name = "M",
        default_value_t = 3,
        value_parser = args::min_days,
        allow_negative_numbers = true
    )]
    pub min_days: i64,
    /// The metric of the table: pain (the default), worst-pain, stiffness, sleep, stress,
    /// mobility (range of motion), mood, or the name of one of your own measures. Not with
    /// --json, which has them all.
    #[arg(long, value_name = "METRIC")]
    pub metric: Option<String>,
    /// Leave out of every summary and of the comparison with ordinary weeks the sessions (and
    /// ordinary days) with other care in the days compared: a care visit, or a regular
    /// medication started or stopped.
    #[arg(long)]
    pub leave_out_other_care: bool,
    /// Print every number as JSON (full precision) instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `painlog log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// The day (default: today). Future dates are refused.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::past_date)]
    pub date: Option<NaiveDate>,
    /// Average pain today: 0 = none, 10 = worst imaginable (`none` clears it).
    #[arg(long, value_name = "N", value_parser = args::score, allow_negative_numbers = true)]
    pub pain: Option<ScoreArg>,
    /// Worst pain today: 0 = none, 10 = worst imaginable.
    #[arg(long, value_name = "N", value_parser = args::score, allow_negative_numbers = true)]
    pub worst: Option<ScoreArg>,
    /// Stiffness: 0 = none, 10 = worst.
    #[arg(long, value_name = "N", value_parser = args::score, allow_negative_numbers = true)]
    pub stiffness: Option<ScoreArg>,
    /// Last night's sleep quality: 0 = awful, 10 = excellent (higher is better).
    #[arg(long, value_name = "N", value_parser = args::score, allow_negative_numbers = true)]
    pub sleep: Option<ScoreArg>,
    /// Stress: 0 = none, 10 = worst.
    #[arg(long, value_name = "N", value_parser = args::score, allow_negative_numbers = true)]
    pub stress: Option<ScoreArg>,
    /// Range of motion, how freely you could move: 0 = barely, 10 = freely (higher is better).
    #[arg(long, value_name = "N", value_parser = args::score, allow_negative_numbers = true)]
    pub mobility: Option<ScoreArg>,
    /// Mood: 0 = very low, 10 = very good (higher is better).
    #[arg(long, value_name = "N", value_parser = args::score, allow_negative_numbers = true)]
    pub mood: Option<ScoreArg>,
    /// One of your own measures and its score 0–10 (`NAME=none` clears it; repeat for several;
    /// the others stay as they are), e.g. --measure "tingling=3". `painlog measure list` shows
    /// them.
    #[arg(long, value_name = "NAME=N", value_parser = care_args::measure_value)]
    pub measure: Vec<MeasureArg>,
    /// Where it hurt, with the intensity 0–10 if you like (repeat for several; replaces the
    /// day's regions): head, neck, shoulders, upper-back, mid-back, lower-back, sacrum, hips,
    /// arms, legs, chest; each but head also with -left or -right (lower-back means both sides),
    /// e.g. --region lower-back-left=6 --region neck.
    #[arg(long, value_name = "REGION[=N]", value_parser = args::region)]
    pub region: Vec<args::RegionArg>,
    /// Clear the day's regions.
    #[arg(long, conflicts_with = "region")]
    pub no_regions: bool,
    /// A medication taken that day (repeat for several; replaces the day's list).
    /// `painlog medication list` shows them.
    #[arg(long, value_name = "MEDICATION", value_parser = care_args::item_name)]
    pub took: Vec<String>,
    /// Clear the day's medications.
    #[arg(long, conflicts_with = "took")]
    pub no_took: bool,
    /// A home exercise done that day (repeat for several; replaces the day's list).
    /// `painlog exercise list` shows them.
    #[arg(long, value_name = "EXERCISE", value_parser = care_args::item_name)]
    pub did: Vec<String>,
    /// Clear the day's exercises.
    #[arg(long, conflicts_with = "did")]
    pub no_did: bool,
    /// A note for the day (replaces the day's note; "" clears it; at most 5000 characters).
    #[arg(long, value_name = "TEXT", value_parser = args::Text::NOTE)]
    pub note: Option<String>,
}

/// `painlog session …`.
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Add a session; prints its id.
    Add(SessionAddArgs),
    /// List sessions, newest first.
    List {
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Remove a session by its id.
    Remove {
        /// The id that `painlog session list` shows.
        #[arg(value_name = "ID", value_parser = args::session_id, allow_negative_numbers = true)]
        id: u64,
    },
}

/// `painlog session add`.
#[derive(Debug, Args)]
pub struct SessionAddArgs {
    /// When it started, local time.
    #[arg(long, value_name = "YYYY-MM-DD HH:MM", value_parser = args::past_start)]
    pub start: NaiveDateTime,
    /// swedish, deep-tissue, trigger-point, sports, shiatsu or other.
    #[arg(long, value_name = "KIND", value_parser = args::kind)]
    pub kind: KindChoice,
    /// The name of the kind when --kind is other (e.g. "Hot stone"; at most 100 characters).
    #[arg(long, value_name = "TEXT", value_parser = args::Text::KIND_NAME)]
    pub kind_name: Option<String>,
    /// How long it lasted, 1 to 480.
    #[arg(long, value_name = "N", value_parser = args::minutes, allow_negative_numbers = true)]
    pub minutes: Minutes,
    /// The therapist or clinic (at most 100 characters).
    #[arg(long, value_name = "TEXT", value_parser = args::Text::THERAPIST)]
    pub therapist: Option<String>,
    /// light, medium, firm or deep.
    #[arg(long, value_name = "P", value_parser = args::pressure)]
    pub pressure: Option<Pressure>,
    /// A region worked on (repeat for several): as for `log --region`, without an intensity.
    #[arg(long, value_name = "REGION", value_parser = args::focus)]
    pub focus: Vec<args::FocusArg>,
    /// What it cost, e.g. 60 or 59.50.
    #[arg(long, value_name = "AMOUNT", value_parser = args::amount, allow_negative_numbers = true)]
    pub cost: Option<Amount>,
    /// The currency of the cost, e.g. USD (default: the last one used).
    #[arg(long, value_name = "CODE", value_parser = args::currency, requires = "cost")]
    pub currency: Option<Currency>,
    /// Pain right before: 0 = none, 10 = worst imaginable.
    #[arg(long, value_name = "N", value_parser = args::session_score, allow_negative_numbers = true)]
    pub pain_before: Option<Score>,
    /// Pain right after: 0 = none, 10 = worst imaginable.
    #[arg(long, value_name = "N", value_parser = args::session_score, allow_negative_numbers = true)]
    pub pain_after: Option<Score>,
    /// Soreness afterwards: 0 = none, 10 = worst.
    #[arg(long, value_name = "N", value_parser = args::session_score, allow_negative_numbers = true)]
    pub soreness: Option<Score>,
    /// A note, e.g. stretches the therapist suggested (at most 5000 characters).
    #[arg(long, value_name = "TEXT", value_parser = args::Text::NOTE)]
    pub note: Option<String>,
}

/// `painlog demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Years of days, ending today: 1 to 100.
    #[arg(long, default_value_t = 1, value_parser = args::demo_years, allow_negative_numbers = true)]
    pub years: u32,
    /// Number of sessions: at most one a day (365 a year).
    #[arg(long, default_value_t = 20, value_parser = args::demo_sessions, allow_negative_numbers = true)]
    pub sessions: usize,
    /// Random seed, 0 or more: the same seed gives the same journal.
    #[arg(long, default_value_t = 2026, value_parser = args::demo_seed, allow_negative_numbers = true)]
    pub seed: u64,
    /// Where to write it. An existing file is not overwritten.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

/// Exit code when the journal, or a file that export or demo writes, cannot be read or written.
pub const EXIT_JOURNAL: u8 = 1;
/// Exit code for arguments that make no sense (as clap uses).
pub const EXIT_USAGE: u8 = 2;

/// Run a subcommand and report the outcome on stdout/stderr.
pub fn run(data: Option<PathBuf>, command: Command) -> ExitCode {
    match commands::run(data, command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            output::warn(&format!("painlog: {}", failure.message));
            ExitCode::from(failure.code)
        }
    }
}
