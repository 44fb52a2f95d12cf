//! Summaries for the therapist: a summary model built from `analysis` for one period, rendered
//! as PDF, Markdown or JSON; and the journal as CSV, out and back in. No egui.

pub mod body_figure;
pub mod calendar;
pub mod care;
mod comparison;
pub mod costs;
pub mod csv_io;
mod markdown;
pub mod measures;
pub mod page_one;
pub mod pattern_words;
pub mod pdf;
mod period;
mod summary;
pub mod text;
pub mod wording;

pub use comparison::{GroupKey, PeriodComparison};
pub use csv_io::{CsvError, ImportSummary, export_csv, import_csv, parse_days, parse_sessions};
pub use markdown::to_markdown;
pub use summary::{
    EarlierData, KindLine, MonthLine, Period, PeriodError, ReportRequest, Sections, SessionLine,
    SessionStart, Summarised, Summary, TrendSeries, summarize_period,
};

/// The whole summary as JSON, for scripts.
pub fn to_json(summary: &Summary) -> String {
    let mut value = serde_json::to_value(summary).unwrap_or(serde_json::Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.insert("self_reported".into(), text::SELF_REPORTED.into());
        object.insert("note".into(), crate::analysis::REGRESSION_NOTE.into());
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A file name for a report of `summary`'s period, e.g. `painlog-2026-09-01-to-2026-11-30.pdf`.
pub fn file_name(summary: &Summary, extension: &str) -> String {
    if extension.is_empty() {
        format!("painlog-{}-to-{}", summary.from, summary.to)
    } else {
        format!("painlog-{}-to-{}.{extension}", summary.from, summary.to)
    }
}
