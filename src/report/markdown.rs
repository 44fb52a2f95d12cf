//! Page one of the report as Markdown, to paste into an email or a patient portal.

use std::fmt::Write as _;

use super::Summary;
use super::page_one::{
    ANSWER_HEADING, MEANINGFUL_MARK_IN_FULL, MESSAGE_HEADING, NO_REGIONS, NO_SESSIONS, PageOne,
    REGIONS_HEADING, REGIONS_IN_MARKDOWN,
};

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

/// Append `args` and a new line. (Writing into a `String` cannot fail, so the result of
/// `write!` is not looked at; this is the one place that says so.)
fn push_line(md: &mut String, args: std::fmt::Arguments<'_>) {
    let _ = md.write_fmt(args);
    md.push('\n');
}

/// Page one of `summary` as Markdown.
pub fn to_markdown(summary: &Summary) -> String {
    let page = PageOne::new(summary);
    let mut md = String::new();
    push_line(&mut md, format_args!("# {}\n", page.title(literal)));
    push_line(&mut md, format_args!("*{}*\n", page.attribution));
    answer(&mut md, &page);
    for fact in &page.facts {
        push_line(
            &mut md,
            format_args!("- **{}:** {}", fact.label, fact.value),
        );
    }
    push_line(&mut md, format_args!("\n## {}\n", page.sessions_heading));
    if page.sessions.is_empty() {
        push_line(&mut md, format_args!("{NO_SESSIONS}"));
    } else {
        sessions(&mut md, &page);
    }
    push_line(&mut md, format_args!("\n## {REGIONS_HEADING}\n"));
    if page.regions.is_empty() {
        push_line(&mut md, format_args!("{NO_REGIONS}"));
    } else {
        for (region, days) in page.regions.iter().take(REGIONS_IN_MARKDOWN) {
            push_line(&mut md, format_args!("- {region}: {days}"));
        }
    }
    measures(&mut md, &summary.measures);
    if !summary.patterns.is_empty() {
        push_line(
            &mut md,
            format_args!("\n## What went with worse or better days\n"),
        );
        for line in &summary.patterns {
            push_line(&mut md, format_args!("- {}", literal(&line.sentence)));
        }
        push_line(
            &mut md,
            format_args!("\n*{}*", crate::report::pattern_words::CAUTION),
        );
    }
    care(&mut md, &summary.care);
    if !page.message.is_empty() {
        push_line(&mut md, format_args!("\n## {MESSAGE_HEADING}\n"));
        for line in page.message.lines() {
            push_line(&mut md, format_args!("> {}", literal(line.trim_start())));
        }
    }
    md
}

/// Every measure besides pain, a line each, when the period has any.
fn measures(md: &mut String, lines: &[crate::report::measures::MeasureLine]) {
    if lines.is_empty() {
        return;
    }
    push_line(
        md,
        format_args!("\n## {}\n", crate::report::measures::HEADING),
    );
    for line in lines {
        push_line(md, format_args!("- {}", literal(&line.sentence())));
    }
}

/// Care besides massage: exercises, medications, visits and changes, when the period has any.
fn care(md: &mut String, care: &crate::report::care::CareLines) {
    if care.is_empty() {
        return;
    }
    push_line(md, format_args!("\n## Care besides massage\n"));
    for line in care.exercises.iter().chain(&care.medications) {
        push_line(md, format_args!("- {}", literal(line)));
    }
    for (day, line) in &care.events {
        push_line(md, format_args!("- {day}: {}", literal(line)));
    }
}

/// The answer first: all sessions, the clearest kinds and therapists, what is compared and the
/// caveat beside it.
fn answer(md: &mut String, page: &PageOne) {
    let answer = &page.answer;
    push_line(
        md,
        format_args!("**{ANSWER_HEADING}** {}\n", answer.all.sentence(literal)),
    );
    for group in &answer.groups {
        push_line(md, format_args!("- {}", group.sentence(literal)));
    }
    if !answer.groups.is_empty() {
        md.push('\n');
    }
    push_line(md, format_args!("*{} {}*\n", answer.scope, answer.caveat));
}

/// The sessions table and how to read it.
fn sessions(md: &mut String, page: &PageOne) {
    push_line(
        md,
        format_args!(
            "| Date | Kind | Therapist | {} | Change | Right after the session |",
            page.before_after_column_in_full
        ),
    );
    md.push_str("|---|---|---|---|---|---|\n");
    for session in &page.sessions {
        push_line(
            md,
            format_args!(
                "| {} | {} | {} | {} | {}{} | {} |",
                session.date,
                literal(&session.kind),
                literal(&session.therapist),
                session.before_after,
                session.change,
                session.mark(MEANINGFUL_MARK_IN_FULL),
                session.relief
            ),
        );
    }
    if let Some(earlier) = page.earlier_line_in_full(page.sessions.len()) {
        push_line(md, format_args!("\n…{earlier}."));
    }
    push_line(
        md,
        format_args!("\n{}", page.sessions_note.markdown_for(&page.sessions)),
    );
}
