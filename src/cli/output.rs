//! How days and sessions are printed.
//!
//! Text printed for people goes through [`printable`]: a name or note holding an escape
//! sequence or a direction override cannot retitle, clear or reorder the terminal. `--json`
//! output is exact (JSON escapes control characters itself).

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::model::{
    Compact, Day, Journal, Metric, Pressure, START_FORMAT, Score, Session, compact_set, map_to_text,
};

/// `text` with every control character but new lines and tabs, and every direction override or
/// isolate, written as a visible escape (`\u{1b}`), so that printing it shows it rather than
/// acting on the terminal.
pub fn printable(text: &str) -> Cow<'_, str> {
    let escape = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || crate::model::BIDI_CONTROLS.contains(&c)
    };
    if !text.chars().any(escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            push_text(&mut out, format_args!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Append `args` to text being built. (Writing into a `String` cannot fail, so the result of
/// `write!` is not looked at; this is the one place that says so.)
pub(super) fn push_text(text: &mut String, args: std::fmt::Arguments<'_>) {
    let _ = text.write_fmt(args);
}

/// Append `args` and a new line to text being built.
pub(super) fn push_line(text: &mut String, args: std::fmt::Arguments<'_>) {
    push_text(text, args);
    text.push('\n');
}

/// Write `text` to stdout. A reader that stopped reading (`painlog effects | head`) only wanted
/// the start: the rest is left unwritten, where `print!` would panic on the closed pipe. Any
/// other failure still panics, as `print!` does.
pub(super) fn write_out(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            panic!("failed printing to stdout: {error}")
        }
        Ok(()) | Err(_) => {}
    }
}

/// Write `text` and a new line to stdout (see [`write_out`]): JSON, ids.
pub(super) fn write_line(text: impl std::fmt::Display) {
    write_out(&format!("{text}\n"));
}

/// Print a line for people (on stdout).
pub(super) fn say(text: &str) {
    write_line(printable(text));
}

/// Print text for people (on stdout) as it is, without adding a new line.
pub(super) fn show(text: &str) {
    write_out(&printable(text));
}

/// Print a line for people on stderr.
pub(super) fn warn(text: &str) {
    eprintln!("{}", printable(text));
}

/// One line for a day: its date and whatever is logged, own measures, medications and
/// exercises by their names in `journal`.
pub(super) fn describe_day(day: &Day, journal: &Journal) -> String {
    let mut parts: Vec<String> = Metric::ALL
        .iter()
        .filter_map(|metric| {
            metric
                .of(day)
                .map(|score| format!("{} {score}", metric.name().to_lowercase()))
        })
        .collect();
    parts.extend(super::care_output::day_parts(journal, day));
    if !day.regions.is_empty() {
        parts.push(format!("regions: {}", map_to_text(&day.regions, ", ")));
    }
    if !day.note.is_empty() {
        parts.push(format!("note: {:?}", day.note));
    }
    if parts.is_empty() {
        format!("{}: nothing logged", day.date)
    } else {
        format!("{}: {}", day.date, parts.join(", "))
    }
}

/// One line for a session.
pub(super) fn describe_session(session: &Session) -> String {
    let mut text = format!(
        "{} {}, {} min",
        session.start.format("%Y-%m-%d %H:%M"),
        session.kind,
        session.minutes
    );
    if let Some(therapist) = &session.therapist {
        push_text(&mut text, format_args!(", {therapist}"));
    }
    text
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "–".to_owned(), |value| value.to_string())
}

/// A table of sessions, newest first.
pub(super) fn sessions_table(journal: &Journal) -> String {
    let mut text = format!(
        "{:>4}  {:<16}  {:<26}  {:>4}  {:<20}  {:<8}  {:>11}  {:>12}\n",
        "ID", "START", "KIND", "MIN", "THERAPIST", "PRESSURE", "PAIN B→A", "COST"
    );
    for session in journal.sessions().iter().rev() {
        let pain = format!(
            "{} → {}",
            optional(session.pain_before),
            optional(session.pain_after)
        );
        push_line(
            &mut text,
            format_args!(
                "{:>4}  {:<16}  {:<26}  {:>4}  {:<20}  {:<8}  {:>11}  {:>12}",
                session.id,
                session.start.format("%Y-%m-%d %H:%M").to_string(),
                truncate(session.kind.label(), 26),
                session.minutes,
                truncate(session.therapist.as_deref().unwrap_or("–"), 20),
                optional(session.pressure),
                pain,
                optional(session.cost),
            ),
        );
    }
    text
}

/// `text` cut to `width` characters, with an ellipsis when it was longer.
pub(super) fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(width - 1).collect();
        short.push('…');
        short
    }
}

/// Sessions as a JSON array, newest first.
pub(super) fn sessions_json(journal: &Journal) -> String {
    let sessions: Vec<serde_json::Value> = journal
        .sessions()
        .iter()
        .rev()
        .map(|session| {
            serde_json::json!({
                "id": session.id.0,
                "start": session.start.format(START_FORMAT).to_string(),
                "kind": session.kind.cli_name(),
                "kind_label": session.kind.label(),
                "minutes": session.minutes.get(),
                "therapist": session.therapist,
                "pressure": session.pressure.map(Pressure::cli_name),
                "focus": compact_set(&session.focus).into_iter().map(Compact::cli_name).collect::<Vec<_>>(),
                "cost": session.cost.map(|cost| serde_json::json!({
                    "amount": cost.amount.as_f64(),
                    "currency": cost.currency.code(),
                })),
                "pain_before": session.pain_before.map(Score::get),
                "pain_after": session.pain_after.map(Score::get),
                "soreness": session.soreness.map(Score::get),
                "note": session.note,
            })
        })
        .collect();
    serde_json::Value::Array(sessions).to_string()
}
