//! What goes on the pages: page one (from the [`PageOne`] model), then the sections chosen, and
//! a footer on every page.

use super::Summary;
use super::charts::{self, KIND_KEY};
use super::layout::{Column, Layout, MARGIN, Op};
use super::style::TextStyle;
use crate::report::page_one::{
    MEANINGFUL_MARK, MESSAGE_HEADING_IN_PRINT, NO_REGIONS, NO_SESSIONS, PageOne, REGIONS_HEADING,
};
use crate::report::text::{
    SELF_REPORTED, change, date, interval, mean_of_days, or_none, relief, short_date, start,
};

/// The whole report, page by page.
pub(super) fn report(layout: &mut Layout, summary: &Summary) {
    page_one(layout, &PageOne::new(summary));
    let sections = summary.sections;
    if sections.trend {
        layout.new_page();
        trend(layout, summary);
    }
    if sections.aligned && !summary.sessions.is_empty() {
        layout.ensure(330.0);
        aligned(layout, summary);
    }
    if sections.sessions && !summary.sessions.is_empty() {
        sessions_table(layout, summary);
    }
    if sections.by_kind && !summary.by_kind.is_empty() {
        by_kind_table(layout, summary);
    }
    if sections.notes {
        notes(layout, summary);
    }
    footers(layout, summary);
}

fn page_one(layout: &mut Layout, page: &PageOne) {
    layout.paragraph(&page.title(str::to_owned), TextStyle::TITLE);
    layout.y += 2.0;
    layout.paragraph(&page.period, TextStyle::SUBTITLE);
    layout.paragraph(&page.attribution, TextStyle::FINE_PRINT);
    layout.y += 10.0;
    key_figures(layout, page);
    page_one_sessions(layout, page);
    layout.heading(REGIONS_HEADING);
    if page.regions.is_empty() {
        layout.paragraph(NO_REGIONS, TextStyle::BODY);
    } else {
        layout.paragraph(&page.regions_line("  ·  "), TextStyle::BODY);
    }
    if !page.message.is_empty() {
        layout.heading(MESSAGE_HEADING_IN_PRINT);
        layout.paragraph(&page.message, TextStyle::BODY);
    }
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
        layout.text(x, y - 8.0, TextStyle::FIGURE_LABEL, figure.label.as_str());
        layout.text(x, y + 7.0, TextStyle::FIGURE, figure.value_and_detail("  "));
    }
    layout.y = box_top + 74.0;
    layout.paragraph(&page.previous_period, TextStyle::FINE_PRINT);
}

/// The sessions of the period with their before → after pain.
fn page_one_sessions(layout: &mut Layout, page: &PageOne) {
    layout.heading(&page.sessions_heading);
    if page.sessions.is_empty() {
        layout.paragraph(NO_SESSIONS, TextStyle::BODY);
        return;
    }
    let rows: Vec<Vec<String>> = page
        .sessions
        .iter()
        .map(|s| {
            vec![
                s.short_date.clone(),
                s.kind.clone(),
                s.therapist.clone(),
                s.before_after.clone(),
                format!("{}{}", s.change, s.mark(MEANINGFUL_MARK)),
                s.relief.clone(),
            ]
        })
        .collect();
    layout.table(
        &[
            Column::left("Date", 0.95),
            Column::left("Kind", 1.55),
            Column::left("Therapist", 1.2),
            Column::left(&page.before_after_column, 1.55),
            Column::right("Change", 0.6),
            Column::right("Right after", 0.75),
        ],
        &rows,
    );
    layout.paragraph(&page.sessions_note.print, TextStyle::EXPLANATION);
}

fn trend(layout: &mut Layout, summary: &Summary) {
    layout.heading("Pain over the period");
    layout.paragraph(
        "Pain from 0 (none) to 10 (worst imaginable): daily values (thin grey line) and their 7-day mean (thick black line); each dashed line is a session, lettered by kind.",
        TextStyle::EXPLANATION,
    );
    charts::trend(layout, summary);
    layout.paragraph(&format!("Sessions: {KIND_KEY}."), TextStyle::CAPTION);
}

fn aligned(layout: &mut Layout, summary: &Summary) {
    layout.heading("What usually happens around a session");
    layout.paragraph(
        "Every session of the period at day 0: the mean pain on each day before and after it (black line), the middle half of the values (grey band), and the number of sessions behind each day (n). Days after another session are left out.",
        TextStyle::EXPLANATION,
    );
    charts::aligned(layout, summary);
    layout.paragraph(
        "Days from the session (0 = the session day).",
        TextStyle::CAPTION,
    );
}

fn sessions_table(layout: &mut Layout, summary: &Summary) {
    layout.heading("Sessions");
    let rows: Vec<Vec<String>> = summary
        .sessions
        .iter()
        .map(|s| {
            vec![
                start(s.start.at()),
                s.kind.label().to_owned(),
                or_none(s.therapist.as_deref()),
                s.minutes.to_string(),
                mean_of_days(s.pain_before, s.before_days),
                mean_of_days(s.pain_after, s.after_days),
                change(s.pain_change),
                relief(s.immediate_relief),
            ]
        })
        .collect();
    layout.table(
        &[
            Column::left("Start", 1.25),
            Column::left("Kind", 1.55),
            Column::left("Therapist", 1.2),
            Column::right("Min", 0.45),
            Column::right("Before", 0.85),
            Column::right("After", 0.85),
            Column::right("Change", 0.65),
            Column::right("Right after", 0.85),
        ],
        &rows,
    );
}

fn by_kind_table(layout: &mut Layout, summary: &Summary) {
    layout.heading("By kind of massage (pain, sessions of this period)");
    let rows: Vec<Vec<String>> = summary
        .by_kind
        .iter()
        .map(|k| {
            vec![
                k.kind.clone(),
                k.sessions.to_string(),
                k.n.to_string(),
                change(k.mean_change),
                change(k.median_change),
                interval(k.ci95),
                format!("{} / {} / {}", k.improved, k.unchanged, k.worse),
            ]
        })
        .collect();
    layout.table(
        &[
            Column::left("Kind", 1.5),
            Column::right("Sessions", 0.65),
            Column::right("With data", 0.7),
            Column::right("Mean", 0.55),
            Column::right("Median", 0.6),
            Column::right("95% interval", 1.0),
            Column::right("Better/same/worse", 1.5),
        ],
        &rows,
    );
    layout.paragraph("With data: sessions with enough days on both sides. Better / same / worse: a change of half a point or more either way. The interval is given from three sessions on.", TextStyle::EXPLANATION);
}

fn notes(layout: &mut Layout, summary: &Summary) {
    layout.heading(&format!("Notes ({})", summary.notes.len()));
    if summary.notes.is_empty() {
        layout.paragraph("No notes in this period.", TextStyle::BODY);
    }
    for (day, note) in &summary.notes {
        layout.ensure(30.0);
        layout.y += 4.0;
        layout.paragraph(&date(*day), TextStyle::NOTE_DATE);
        layout.paragraph(note, TextStyle::NOTE);
    }
}

/// On every page: who reported it, when it was made, and "page N of M".
fn footers(layout: &mut Layout, summary: &Summary) {
    let (width, baseline) = (layout.width, layout.height - MARGIN + 6.0);
    let total = layout.pages.len();
    let made = short_date(summary.made.date());
    for index in 0..total {
        let right = format!("Made {made} · page {} of {total}", index + 1);
        let x = width - MARGIN - layout.text_width(TextStyle::FOOTER, &right);
        let page = &mut layout.pages[index];
        for (x, text) in [(MARGIN, format!("painlog · {SELF_REPORTED}")), (x, right)] {
            page.push(Op::Text {
                x,
                y: baseline,
                style: TextStyle::FOOTER,
                text,
            });
        }
    }
}
