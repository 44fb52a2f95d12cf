//! What the pointer over the trend chart (or its keyboard cursor) reads: the day's values and
//! note, its medications, exercises and other care, and any session that day.

use crate::analysis::{JournalIndex, date_from_day_number};
use crate::model::Journal;
use crate::report::text;

/// What the pointer is over: the day's values and note, and any session that day.
pub(super) fn hover_text(journal: &Journal, index: &JournalIndex, x: f64) -> String {
    let Some(date) = date_from_day_number(x) else {
        return String::new();
    };
    let mut text = text::date(date);
    match journal.day(date) {
        Some(day) => {
            let values: Vec<String> = index
                .daily
                .metrics()
                .iter()
                .filter_map(|m| m.of(day).map(|s| format!("{} {s}", m.name())))
                .collect();
            if !values.is_empty() {
                text.push('\n');
                text.push_str(&values.join(" · "));
            }
            if !day.note.is_empty() {
                let note: String = day.note.chars().take(120).collect();
                text.push_str(&format!("\nNote: {note}"));
            }
        }
        None if index.daily.span().is_some_and(|s| s.contains(date)) => {
            text.push_str("\nnot logged");
        }
        None => {}
    }
    for line in super::care_marks::hover_lines(journal, date) {
        text.push('\n');
        text.push_str(&line);
    }
    for session in journal.sessions().iter().filter(|s| s.date() == date) {
        text.push_str(&format!(
            "\nSession {}: {}, {} min",
            session.id, session.kind, session.minutes
        ));
        if let Some(therapist) = &session.therapist {
            text.push_str(&format!(", {therapist}"));
        }
        if let (Some(before), Some(after)) = (session.pain_before, session.pain_after) {
            text.push_str(&format!(" (pain {before} → {after})"));
        }
    }
    text
}
