//! What goes on the pages: page one (from the [`PageOne`] model), then the sections chosen, and
//! a footer on every page.

use super::Summary;
use super::charts::{self, KIND_KEY};
use super::layout::{Column, Layout, MARGIN, Op};
use super::style::TextStyle;
use crate::report::page_one::{
    MEANINGFUL_MARK, MESSAGE_HEADING_IN_PRINT, NO_REGIONS, NO_SESSIONS, PageOne, REGIONS_HEADING,
    SessionRow,
};
use crate::report::text::{
    SELF_REPORTED, change, date, interval, mean_of_days, or_none, relief, short_date, start,
};
use crate::report::{KindLine, SessionLine};

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
    layout.table(&columns, &page.sessions);
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
    let columns: [Column<'_, SessionLine>; 8] = [
        Column::left("Start", 1.25, |s| start(s.start.at())),
        Column::left("Kind", 1.55, |s| s.kind.label().to_owned()),
        Column::left("Therapist", 1.2, |s| or_none(s.therapist.as_deref())),
        Column::right("Min", 0.45, |s| s.minutes.to_string()),
        Column::right("Before", 0.85, |s| {
            mean_of_days(s.pain_before, s.before_days)
        }),
        Column::right("After", 0.85, |s| mean_of_days(s.pain_after, s.after_days)),
        Column::right("Change", 0.65, |s| change(s.pain_change)),
        Column::right("Right after", 0.85, |s| relief(s.immediate_relief)),
    ];
    layout.table(&columns, &summary.sessions);
}

fn by_kind_table(layout: &mut Layout, summary: &Summary) {
    layout.heading("By kind of massage (pain, sessions of this period)");
    let columns: [Column<'_, KindLine>; 7] = [
        Column::left("Kind", 1.5, |k| k.kind.clone()),
        Column::right("Sessions", 0.65, |k| k.sessions.to_string()),
        Column::right("With data", 0.7, |k| k.n.to_string()),
        Column::right("Mean", 0.55, |k| change(k.mean_change)),
        Column::right("Median", 0.6, |k| change(k.median_change)),
        Column::right("95% interval", 1.0, |k| interval(k.ci95)),
        Column::right("Better/same/worse", 1.5, |k| {
            format!("{} / {} / {}", k.improved, k.unchanged, k.worse)
        }),
    ];
    layout.table(&columns, &summary.by_kind);
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
