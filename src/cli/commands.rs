//! What each subcommand does.

use super::output::{push_line, push_text};
use std::path::{Path, PathBuf};

use super::{
    Command, DemoArgs, EXIT_JOURNAL, EXIT_USAGE, EffectsArgs, LogArgs, SessionAddArgs,
    SessionCommand, output,
};
use crate::analysis::{self, EffectSettings, JournalIndex, SettingsError};
use crate::demo::{self, DemoSpec};
use crate::model::{Cost, Day, Journal, Metric, Session, SessionId, SessionKind};
use crate::store::{self, LoadError};

/// A failed command: what to print and the exit code.
pub(super) struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub(super) fn usage(message: impl Into<String>) -> Self {
        Self {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }

    pub(super) fn journal(message: impl Into<String>) -> Self {
        Self {
            code: EXIT_JOURNAL,
            message: message.into(),
        }
    }
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Self::journal(format!("{error}.\n{}", error.advice()))
    }
}

impl From<store::SaveError> for Failure {
    fn from(error: store::SaveError) -> Self {
        Self::journal(format!("{error}. Nothing was changed."))
    }
}

pub(super) fn run(data: Option<PathBuf>, command: Command) -> Result<(), Failure> {
    if let Command::Demo(args) = command {
        return write_demo(&args, store::resolve_journal_path(data).ok().as_deref());
    }
    let path = store::resolve_journal_path(data)?;
    match command {
        Command::Log(args) => log(&path, args),
        Command::Session(SessionCommand::Add(args)) => add_session(&path, args),
        Command::Session(SessionCommand::List { json }) => list_sessions(&path, json),
        Command::Session(SessionCommand::Remove { id }) => remove_session(&path, SessionId(id)),
        Command::Measure(command) => super::care::measure(&path, command),
        Command::Medication(command) => super::care::medication(&path, command),
        Command::Exercise(command) => super::care::exercise(&path, command),
        Command::Care(command) => super::care::care(&path, command),
        Command::Therapist(command) => super::costs::therapist(&path, command),
        Command::Costs(args) => super::costs::costs(&path, &args),
        Command::Check { json } => check(&path, json),
        Command::Effects(args) => effects(&path, &args),
        Command::Patterns(args) => super::patterns::run(&path, &args),
        Command::Export(args) => super::export::export(&path, &args),
        Command::Import { files } => super::export::import(&path, &files),
        Command::Restore { backup } => restore(&path, &backup),
        Command::Demo(_) => Ok(()),
    }
}

pub(super) fn now() -> chrono::NaiveDateTime {
    super::args::now()
}

/// A journal opened for a change: locked against other painlogs, with what was read.
pub(super) struct Writing {
    /// The journal to change.
    pub journal: Journal,
    base: Journal,
    /// The hash of the file as read (`None`: there was no file).
    hash: Option<u64>,
    lock: store::JournalLock,
}

impl Writing {
    /// Lock and read the journal at `path`.
    pub(super) fn open(path: &Path) -> Result<Self, Failure> {
        let lock = store::lock(path).map_err(|error| Failure::journal(error.to_string()))?;
        let loaded = store::load(path)?;
        Ok(Self {
            base: loaded.journal.clone(),
            hash: loaded.existed.then_some(loaded.hash),
            journal: loaded.journal,
            lock,
        })
    }

    /// Save the change, merged with any change made to the file meanwhile (by a sync tool, an
    /// editor); when a record changed both ways, nothing is written. The version replaced is
    /// kept as a start backup: the journal as it was before this command.
    pub(super) fn save(self, path: &Path) -> Result<(), Failure> {
        let options = store::SaveOptions::at(now())
            .backup(store::BackupKind::Start)
            .holding(Some(&self.lock));
        match store::save_merging(path, &self.base, self.hash, &self.journal, options)? {
            store::SaveMerge::Saved { .. } | store::SaveMerge::Merged { .. } => Ok(()),
            store::SaveMerge::Conflicts { merged, .. } => Err(Failure::journal(format!(
                "the journal changed on disk while painlog was writing, and {} record(s) differ both ways; nothing was written. Run the command again",
                merged.conflicts.len()
            ))),
        }
    }
}

pub(super) fn load(path: &Path) -> Result<Journal, Failure> {
    Ok(store::load(path)?.journal)
}

fn log(path: &Path, args: LogArgs) -> Result<(), Failure> {
    let date = args.date.unwrap_or_else(super::today);
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    let mut day = journal
        .day(date)
        .cloned()
        .unwrap_or_else(|| Day::empty(date));
    let before = day.clone();
    for (metric, given) in [
        (Metric::Pain, args.pain),
        (Metric::WorstPain, args.worst),
        (Metric::Stiffness, args.stiffness),
        (Metric::Sleep, args.sleep),
        (Metric::Stress, args.stress),
        (Metric::Mobility, args.mobility),
        (Metric::Mood, args.mood),
    ] {
        if let Some(given) = given {
            metric.set(&mut day, given.value());
        }
    }
    super::care::apply_to_day(journal, &mut day, &super::care::DayCare::of(&args))?;
    if !args.region.is_empty() {
        day.regions = args
            .region
            .into_iter()
            .flat_map(|arg| arg.spots.into_iter().map(move |spot| (spot, arg.intensity)))
            .collect();
    } else if args.no_regions {
        day.regions.clear();
    }
    if let Some(note) = args.note {
        day.note = note.trim_end().to_owned();
    }
    if day == before {
        output::say(&output::describe_day(&day, journal));
        if before.is_empty() {
            output::warn(&format!(
                "Nothing logged for {date}. Give a field, e.g. painlog log --pain 4"
            ));
        }
        return Ok(());
    }
    let emptied = day.is_empty();
    let logged = output::describe_day(&day, journal);
    journal.set_day(day);
    writing.save(path)?;
    if emptied {
        output::say(&format!(
            "{date}: every field is cleared, so the day is no longer logged."
        ));
    } else {
        output::say(&format!("Logged {logged}"));
    }
    Ok(())
}

fn add_session(path: &Path, args: SessionAddArgs) -> Result<(), Failure> {
    let kind = SessionKind::from_choice(args.kind, args.kind_name.as_deref().unwrap_or(""));
    if args.kind_name.is_some() && !matches!(kind, SessionKind::Other(_)) {
        return Err(Failure::usage("--kind-name is only for --kind other"));
    }
    let mut writing = Writing::open(path)?;
    let journal = &mut writing.journal;
    let cost = match args.cost {
        None => None,
        Some(amount) => {
            let currency = args.currency.or_else(|| journal.last_currency()).ok_or_else(|| {
                Failure::usage("--cost needs a currency the first time: add --currency USD (or EUR, GBP, …)")
            })?;
            Some(Cost { amount, currency })
        }
    };
    let mut session = Session::new(args.start, kind, args.minutes);
    session.therapist = args.therapist;
    session.pressure = args.pressure;
    session.focus = args.focus.into_iter().flat_map(|arg| arg.0).collect();
    session.cost = cost;
    session.pain_before = args.pain_before;
    session.pain_after = args.pain_after;
    session.soreness = args.soreness;
    session.note = args.note.unwrap_or_default();
    session.normalize();
    if let Some(existing) = journal.same_session(&session) {
        return Err(Failure::usage(format!(
            "session {existing} already has this start and kind ({}, {}); nothing was added. \
             Change it with the window, or remove it first with: painlog session remove {existing}",
            session.start.format("%Y-%m-%d %H:%M"),
            output::printable(&session.kind.to_string())
        )));
    }
    let id = journal.add_session(session);
    let added = journal.session(id).map(output::describe_session);
    writing.save(path)?;
    if let Some(added) = added {
        output::warn(&format!("Added session {id}: {added}"));
    }
    output::write_line(id);
    Ok(())
}

fn list_sessions(path: &Path, json: bool) -> Result<(), Failure> {
    let journal = load(path)?;
    if json {
        output::write_line(output::sessions_json(&journal));
    } else if journal.sessions().is_empty() {
        output::say(
            "No sessions yet. Add one with: painlog session add --start \"YYYY-MM-DD HH:MM\" --kind swedish --minutes 60",
        );
    } else {
        output::show(&output::sessions_table(&journal));
    }
    Ok(())
}

fn remove_session(path: &Path, id: SessionId) -> Result<(), Failure> {
    let mut writing = Writing::open(path)?;
    let removed = writing.journal.remove_session(id).ok_or_else(|| {
        Failure::usage(format!(
            "there is no session with the id {id}; `painlog session list` shows the ids"
        ))
    })?;
    writing.save(path)?;
    output::say(&format!(
        "Removed session {id}: {}",
        output::describe_session(&removed)
    ));
    Ok(())
}

fn check(path: &Path, json: bool) -> Result<(), Failure> {
    let loaded = match store::load(path) {
        Ok(loaded) => loaded,
        Err(error) => return Err(damaged(path, &error, json)),
    };
    let journal = &loaded.journal;
    let span = journal.date_span();
    if json {
        let value = serde_json::json!({
            "days": journal.day_count(),
            "sessions": journal.sessions().len(),
            "measures": journal.measures().len(),
            "medications": journal.medications().len(),
            "exercises": journal.exercises().len(),
            "care_visits": journal.care_visits().len(),
            "first": span.map(|(first, _)| first.to_string()),
            "last": span.map(|(_, last)| last.to_string()),
        });
        output::write_line(value);
        return Ok(());
    }
    let mut text = format!("Journal: {}\n", path.display());
    if !loaded.existed {
        text.push_str(
            "No journal file yet; painlog creates it when you log your first day or session.\n",
        );
    }
    push_line(
        &mut text,
        format_args!("Days logged: {}", journal.day_count()),
    );
    push_line(
        &mut text,
        format_args!("Sessions: {}", journal.sessions().len()),
    );
    if !journal.lists().is_empty() {
        push_line(
            &mut text,
            format_args!(
                "Own measures: {}, medications: {}, exercises: {}, care visits: {}",
                journal.measures().len(),
                journal.medications().len(),
                journal.exercises().len(),
                journal.care_visits().len()
            ),
        );
    }
    if let Some((first, last)) = span {
        push_line(&mut text, format_args!("From {first} to {last}"));
    }
    text.push_str("The journal is sound.");
    output::say(&text);
    Ok(())
}

/// What `check` says about a journal it cannot read: what is wrong and where, and the backups
/// that could replace it.
fn damaged(path: &Path, error: &LoadError, json: bool) -> Failure {
    let backups = store::backup::list_with_contents(path).unwrap_or_default();
    if json {
        let (line, column) = match error {
            LoadError::Damaged { line, column, .. } => (Some(*line), Some(*column)),
            _ => (None, None),
        };
        let value = serde_json::json!({
            "error": error.to_string(),
            "line": line,
            "column": column,
            "backups": backups.iter().map(|contents| serde_json::json!({
                "path": contents.backup.path.display().to_string(),
                "taken": contents.backup.taken.format("%Y-%m-%dT%H:%M:%S").to_string(),
                "days": contents.held.as_ref().ok().map(|held| held.0),
                "sessions": contents.held.as_ref().ok().map(|held| held.1),
                "unreadable": contents.held.as_ref().err(),
            })).collect::<Vec<_>>(),
        });
        output::write_line(value);
    }
    let mut text = format!("{error}.\n");
    if let LoadError::Damaged { line, column, .. } = error
        && let Some(excerpt) = store::excerpt(path, *line, *column)
    {
        push_line(&mut text, format_args!("{excerpt}"));
    }
    text.push_str(error.advice());
    if backups.is_empty() {
        text.push_str("\nThere are no backups beside this journal.");
    } else {
        text.push_str("\nBackups, newest first:");
        for contents in &backups {
            push_text(
                &mut text,
                format_args!(
                    "\n  {}  {:<22}  {}",
                    contents.backup.taken.format("%Y-%m-%d %H:%M:%S"),
                    contents.describe(),
                    contents.backup.path.display()
                ),
            );
        }
        push_text(
            &mut text,
            format_args!(
                "\nRestore one with: painlog restore {}",
                backups
                    .iter()
                    .find(|contents| contents.held.is_ok())
                    .map_or_else(|| "BACKUP".to_owned(), |c| shell_word(&c.backup.path))
            ),
        );
    }
    Failure::journal(text)
}

/// A path as one word for a shell (quoted when it needs to be).
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:,@".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

fn restore(path: &Path, backup: &Path) -> Result<(), Failure> {
    // A bare name is looked for beside the journal.
    let backup = if backup.exists() || backup.components().count() > 1 {
        backup.to_path_buf()
    } else {
        store::folder_of(path).join(backup)
    };
    if !backup.is_file() {
        return Err(Failure::usage(format!(
            "there is no backup file {}; `painlog check` lists the backups of a damaged journal, \
             and `ls {}` shows them all",
            backup.display(),
            shell_word(&store::folder_of(path))
        )));
    }
    if store::real_path(&backup) == store::real_path(path) {
        return Err(Failure::usage(
            "that is the journal itself; name one of its backups (journal.backup-….ron)",
        ));
    }
    let _lock = store::lock(path).map_err(|error| Failure::journal(error.to_string()))?;
    let moved = store::restore(path, &backup, now())
        .map_err(|error| Failure::journal(format!("{error}. Nothing was changed.")))?;
    let held = store::load(path).map(|loaded| {
        format!(
            "{}, {}",
            store::backup::count(loaded.journal.day_count(), "day"),
            store::backup::count(loaded.journal.sessions().len(), "session")
        )
    });
    output::say(&format!(
        "Restored {} as the journal {}{}.",
        backup.display(),
        path.display(),
        held.map_or_else(|_| String::new(), |held| format!(" ({held})"))
    ));
    if let Some(aside) = moved {
        output::say(&format!(
            "The journal it replaced is kept as {}.",
            aside.display()
        ));
    }
    Ok(())
}

fn effects(path: &Path, args: &EffectsArgs) -> Result<(), Failure> {
    let settings = EffectSettings::new(args.window, args.min_days)
        .map_err(|error| {
            let flag = match error {
                SettingsError::Window(_) => "--window",
                SettingsError::MinDays { .. } => "--min-days",
            };
            Failure::usage(format!("invalid value for '{flag}': {error}"))
        })?
        .leaving_out_other_care(args.leave_out_other_care);
    if args.json && args.metric.is_some() {
        return Err(Failure::usage(
            "--metric chooses the metric of the table; --json prints every metric, so leave \
             --metric out (or --json, for the table)",
        ));
    }
    let journal = load(path)?;
    let metric = match &args.metric {
        Some(name) => super::args::metric(&journal, name).map_err(Failure::usage)?,
        None => Metric::Pain,
    };
    let index = JournalIndex::new(&journal);
    let result = analysis::effects(&journal, &index, settings);
    if args.json {
        output::write_line(super::effects::to_json(&result));
    } else {
        output::show(&super::effects::to_table(&result, metric));
    }
    Ok(())
}

/// The nearest existing thing above (or at) `folder` when it is a file rather than a folder:
/// an output path that goes through it cannot be made.
pub(super) fn file_in_the_way(folder: &Path) -> Option<PathBuf> {
    folder
        .ancestors()
        .filter(|ancestor| !ancestor.as_os_str().is_empty())
        .find(|ancestor| ancestor.exists())
        .filter(|ancestor| !ancestor.is_dir())
        .map(Path::to_path_buf)
}

fn write_demo(args: &DemoArgs, journal: Option<&Path>) -> Result<(), Failure> {
    let most = demo::max_sessions(args.years);
    if args.sessions > most {
        let years = if args.years == 1 {
            "1 year".to_owned()
        } else {
            format!("{} years", args.years)
        };
        return Err(Failure::usage(format!(
            "--sessions: at most {most} for {years} (one a day); give more --years or fewer \
             --sessions"
        )));
    }
    if args.out.exists() || args.out.symlink_metadata().is_ok() {
        return Err(Failure::usage(format!(
            "{} already exists; painlog demo does not overwrite files. Choose another --out",
            args.out.display()
        )));
    }
    if let Some(journal) = journal {
        store::refuse_kept_file(&args.out, journal).map_err(|error| super::export::kept(&error))?;
    }
    if let Some(file) = args.out.parent().and_then(file_in_the_way) {
        return Err(Failure::journal(format!(
            "{} is a file, not a folder; choose another --out. Nothing was changed.",
            file.display()
        )));
    }
    let journal = demo::generate(DemoSpec {
        years: args.years,
        sessions: args.sessions,
        seed: args.seed,
        end: super::today(),
    });
    store::save(&args.out, &journal, now()).map_err(|error| {
        Failure::journal(format!(
            "could not write the demo journal {}: {}. Choose another --out",
            args.out.display(),
            error.reason()
        ))
    })?;
    output::say(&format!(
        "Wrote {} days and {} sessions to {}",
        journal.day_count(),
        journal.sessions().len(),
        args.out.display()
    ));
    Ok(())
}
