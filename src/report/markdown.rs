//! Page one of the report as Markdown, to paste into an email or a patient portal.

use std::fmt::Write as _;

use super::Summary;
use super::text::{
    SELF_REPORTED, before_after, change, date, days, one_decimal, relief, short_date,
};
use crate::analysis::REGRESSION_NOTE;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Page one of `summary` as Markdown.
pub fn to_markdown(summary: &Summary) -> String {
    let mut md = String::new();
    match &summary.name {
        Some(name) => {
            let _ = writeln!(md, "# Pain diary summary: {}\n", cell(name));
        }
        None => md.push_str("# Pain diary summary\n\n"),
    }
    let _ = writeln!(
        md,
        "*{SELF_REPORTED} Made with painlog on {}.*\n",
        short_date(summary.made.date())
    );
    let _ = writeln!(
        md,
        "- **Period:** {} – {} ({})",
        date(summary.from),
        date(summary.to),
        days(summary.days_in_period)
    );
    let _ = writeln!(
        md,
        "- **Days logged:** {} of {}",
        summary.days_logged, summary.days_in_period
    );
    let _ = writeln!(
        md,
        "- **Average pain:** {} / 10 (0 = none, 10 = worst imaginable; {} with pain logged)",
        one_decimal(summary.average_pain),
        days(summary.pain_days)
    );
    match (summary.worst_pain, summary.worst_pain_date) {
        (Some(worst), Some(day)) => {
            let _ = writeln!(md, "- **Worst pain:** {worst} / 10 ({})", date(day));
        }
        _ => md.push_str("- **Worst pain:** not logged\n"),
    }
    let _ = writeln!(
        md,
        "- **Against the previous {} ({} – {}):** average pain {} then, {} now ({})",
        days(summary.days_in_period),
        short_date(summary.previous_from),
        short_date(summary.previous_to),
        one_decimal(summary.previous_average_pain),
        one_decimal(summary.average_pain),
        change(summary.change_from_previous)
    );
    let _ = writeln!(
        md,
        "\n## Massage sessions in this period ({})\n",
        summary.sessions.len()
    );
    if summary.sessions.is_empty() {
        md.push_str("No sessions in this period.\n");
    } else {
        let _ = writeln!(
            md,
            "| Date | Kind | Therapist | Pain {} days before → after | Change | Right after the session |",
            summary.window
        );
        md.push_str("|---|---|---|---|---|---|\n");
        for session in &summary.sessions {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {}{} | {} |",
                date(session.date),
                cell(&session.kind_label),
                cell(session.therapist.as_deref().unwrap_or("–")),
                before_after(session.pain_before, session.pain_after),
                change(session.pain_change),
                if session.meaningful_pain_drop {
                    " (meaningful)"
                } else {
                    ""
                },
                relief(session.immediate_relief),
            );
        }
        let _ = writeln!(
            md,
            "\nBefore → after: mean pain over the {} days before and after each session (at least {} logged days each). \"Meaningful\": at least 2 points or 30% lower. {REGRESSION_NOTE}",
            summary.window, summary.min_days
        );
        if let Some(baseline) = summary.baseline_pain_change {
            let _ = writeln!(
                md,
                "Baseline: around {} away from sessions, pain changed by {} on average.",
                days(summary.baseline_n).replace("day", "ordinary day"),
                change(Some(baseline))
            );
        }
    }
    md.push_str("\n## Most often painful\n\n");
    if summary.regions.is_empty() {
        md.push_str("No regions logged in this period.\n");
    } else {
        for (region, count) in summary.regions.iter().take(5) {
            let _ = writeln!(md, "- {region}: {}", days(*count));
        }
    }
    if !summary.message.is_empty() {
        md.push_str("\n## Message\n\n");
        for line in summary.message.lines() {
            let _ = writeln!(md, "> {line}");
        }
    }
    md
}
