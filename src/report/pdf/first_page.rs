//! Page one, from the [`PageOne`] model: the title, the answer, the key figures, the last
//! sessions, the regions and the message, as much as one page holds.

use super::layout::{Column, Layout, MARGIN, Structure};
use super::style::TextStyle;
use crate::report::page_one::{
    ANSWER_HEADING, MEANINGFUL_MARK, MESSAGE_HEADING_IN_PRINT, NO_REGIONS, NO_SESSIONS, PageOne,
    REGIONS_HEADING, SessionRow,
};

/// How much page one holds: kinds and therapists under the answer, session rows, whether the
/// message is set small with its line breaks as " / ", and whether the title is set small.
#[derive(Clone, Copy, Debug)]
struct Fit {
    groups: usize,
    rows: usize,
    small_message: bool,
    small_title: bool,
}

/// Page one on a fresh layout like `layout`, as full as one page allows: every kind and
/// therapist the model answers for, then fewer; then the message set small; then the title;
/// then fewer session rows (the line under them counts the rest), until it fits.
pub(super) fn fitted(layout: &Layout, page: &PageOne) -> Layout {
    let rows = page.sessions.len();
    let full = Fit {
        groups: page.answer.groups.len(),
        rows,
        small_message: false,
        small_title: false,
    };
    let fewer_groups = (0..full.groups).rev().map(|groups| Fit { groups, ..full });
    let small_message = Fit {
        groups: 0,
        small_message: true,
        ..full
    };
    let small_title = Fit {
        small_title: true,
        ..small_message
    };
    let fewer_rows = (1..rows).rev().map(|rows| Fit {
        rows,
        ..small_title
    });
    let fits = std::iter::once(full)
        .chain(fewer_groups)
        .chain([small_message, small_title])
        .chain(fewer_rows);
    let mut tried = layout.blank();
    for fit in fits {
        tried = layout.blank();
        page_one(&mut tried, page, fit);
        if tried.pages.len() == 1 {
            break;
        }
    }
    tried
}

fn page_one(layout: &mut Layout, page: &PageOne, fit: Fit) {
    let title = if fit.small_title {
        TextStyle::SMALL_TITLE
    } else {
        TextStyle::TITLE
    };
    layout.title(&page.title(str::to_owned), title);
    layout.y += 2.0;
    layout.paragraph(&page.period, TextStyle::SUBTITLE);
    layout.paragraph(&page.attribution, TextStyle::FINE_PRINT);
    answer(layout, page, fit.groups);
    layout.y += 10.0;
    key_figures(layout, page);
    page_one_sessions(layout, page, fit.rows);
    layout.heading(REGIONS_HEADING);
    if page.regions.is_empty() {
        layout.paragraph(NO_REGIONS, TextStyle::BODY);
    } else {
        layout.paragraph(&page.regions_line("  ·  "), TextStyle::BODY);
    }
    if !page.message.is_empty() {
        layout.heading(MESSAGE_HEADING_IN_PRINT);
        if fit.small_message {
            let lines: Vec<&str> = page
                .message
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            layout.paragraph(&lines.join(" / "), TextStyle::MESSAGE_SMALL);
        } else {
            layout.paragraph(&page.message, TextStyle::BODY);
        }
    }
}

/// The answer first: all sessions, then up to `groups` kinds and therapists, the clearest
/// first, and beside them what is compared and why.
fn answer(layout: &mut Layout, page: &PageOne, groups: usize) {
    let answer = &page.answer;
    layout.heading(ANSWER_HEADING);
    layout.paragraph(&answer.all.sentence(str::to_owned), TextStyle::ANSWER);
    for group in answer.groups.iter().take(groups) {
        layout.y += 1.0;
        layout.paragraph(
            &format!("• {}", group.sentence(str::to_owned)),
            TextStyle::ANSWER_GROUP,
        );
    }
    layout.y += 3.0;
    layout.paragraph(
        &format!("{} {}", answer.scope, answer.caveat),
        TextStyle::EXPLANATION,
    );
}

/// The key figures two by two in a box, and the previous period under it.
fn key_figures(layout: &mut Layout, page: &PageOne) {
    let box_top = layout.y;
    let half = layout.content_width() / 2.0;
    layout.rect(
        MARGIN,
        box_top,
        layout.content_width(),
        74.0,
        Some(246),
        Some(160),
    );
    for (index, figure) in page.figures.iter().enumerate() {
        let x = MARGIN + 12.0 + half * (index % 2) as f32;
        let y = box_top + 22.0 + 34.0 * (index / 2) as f32;
        layout.begin(Structure::Paragraph);
        // A space after the label, unseen, keeps it apart from the value when read.
        let label = format!("{} ", figure.label);
        layout.text(x, y - 8.0, TextStyle::FIGURE_LABEL, label);
        layout.text(x, y + 7.0, TextStyle::FIGURE, figure.value_and_detail("  "));
        layout.end();
    }
    layout.y = box_top + 74.0;
    layout.paragraph(&page.previous_period, TextStyle::FINE_PRINT);
}

/// The last `rows` sessions of page one with their before → after pain, and how many more.
fn page_one_sessions(layout: &mut Layout, page: &PageOne, rows: usize) {
    layout.heading(&page.sessions_heading);
    if page.sessions.is_empty() {
        layout.paragraph(NO_SESSIONS, TextStyle::BODY);
        return;
    }
    let shown = &page.sessions[page.sessions.len() - rows.min(page.sessions.len())..];
    let columns: [Column<'_, SessionRow>; 6] = [
        Column::left("Date", 0.95, |s| s.short_date.clone()),
        Column::left("Kind", 1.55, |s| s.kind.clone()),
        Column::left("Therapist", 1.2, |s| s.therapist.clone()),
        Column::left(&page.before_after_column, 1.55, |s| s.before_after.clone()),
        Column::right("Change", 0.6, |s| {
            format!("{}{}", s.change, s.mark(MEANINGFUL_MARK))
        }),
        Column::right("Right after", 0.75, |s| s.relief.clone()),
    ];
    layout.table(&columns, shown);
    if let Some(earlier) = page.earlier_line(shown.len()) {
        layout.paragraph(&format!("…{earlier}."), TextStyle::BODY);
    }
    layout.paragraph(&page.sessions_note.print_for(shown), TextStyle::EXPLANATION);
}
