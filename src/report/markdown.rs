//! Page one of the report as Markdown, to paste into an email or a patient portal.

use std::fmt::Write as _;

use super::Summary;
use super::text::{
    SELF_REPORTED, before_after, change, date, days, one_decimal, relief, short_date,
};
use crate::analysis::REGRESSION_NOTE;

/// User text (a name, a kind, a therapist, a line of the message) made literal, so that no
/// HTML, link, image, heading, list or emphasis can come from it, and a Markdown renderer shows
/// it exactly as typed. Characters that act anywhere (`\` `` ` `` `*` `_` `[` `]` `<` `>` `&`
/// `|` `~` `@` `#`) are escaped with a backslash; those that act only in some places (`+`, `-`,
/// `=` and a number's `.` or `)` at the start; `:` before `//`; `.` after `www`) only there, so
/// the text stays readable when pasted as plain text. Line breaks become spaces.
fn literal(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let leading_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut out = String::with_capacity(text.len() + 8);
    for (index, &c) in chars.iter().enumerate() {
        let next = |n: usize| chars.get(index + n).copied();
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '@' | '#' => true,
            '+' | '-' | '=' => index == 0,
            '.' | ')' => {
                (index == leading_digits && index > 0)
                    || (c == '.' && index >= 3 && text_ends_with_www(&chars[..index]))
            }
            ':' => next(1) == Some('/') && next(2) == Some('/'),
            _ => false,
        };
        match c {
            '\n' | '\r' => out.push(' '),
            c if escape => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `true` when `before` ends with "www" (any case) at the start of a word.
fn text_ends_with_www(before: &[char]) -> bool {
    let n = before.len();
    before[n - 3..].iter().all(|c| c.eq_ignore_ascii_case(&'w'))
        && (n == 3 || !before[n - 4].is_alphanumeric())
}

/// Page one of `summary` as Markdown.
pub fn to_markdown(summary: &Summary) -> String {
    let mut md = String::new();
    match &summary.name {
        Some(name) => {
            let _ = writeln!(md, "# Pain diary summary: {}\n", literal(name));
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
                literal(session.kind.label()),
                literal(session.therapist.as_deref().unwrap_or("–")),
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
            let _ = writeln!(md, "> {}", literal(line.trim_start()));
        }
    }
    md
}
