//! The cost statement's pages: the title, the period, the patient's name (or a line to write
//! it on), the therapists' details, the totals per currency, therapist and kind, and every
//! session in a table whose header repeats on each page it spans.

use super::layout::{Column, Layout, MARGIN, Structure};
use super::pages::footers;
use super::style::TextStyle;
use crate::report::costs::{COSTS_TITLE, CostStatement, GroupTotal, NO_COST, NO_THERAPIST};
use crate::report::text::short_date;

/// What the footer says of the figures.
const AS_RECORDED: &str = "Amounts as the patient recorded them; not a receipt.";
/// The width of the label before a therapist's details.
const LABEL_WIDTH: f32 = 130.0;

/// A table row of ready-made cells.
type Row = Vec<String>;

/// The whole statement, page by page.
pub(super) fn statement(layout: &mut Layout, statement: &CostStatement) {
    layout.title(COSTS_TITLE, TextStyle::TITLE);
    layout.y += 4.0;
    layout.paragraph(
        &format!("Sessions {}", statement.period()),
        TextStyle::SUBTITLE,
    );
    layout.y += 6.0;
    patient(layout, statement.patient.as_deref());
    therapists(layout, statement);
    if statement.sessions.is_empty() {
        layout.heading("Sessions");
        layout.paragraph(
            "No massage sessions are logged in this period.",
            TextStyle::BODY,
        );
    } else {
        totals(layout, statement);
        sessions(layout, statement);
    }
    footers(layout, AS_RECORDED, statement.made.date());
}

/// "Patient: NAME", or a line to write the name on.
fn patient(layout: &mut Layout, name: Option<&str>) {
    let style = TextStyle::BODY;
    let label = "Patient's name: ";
    layout.y += style.leading() * 1.4;
    let baseline = layout.y - style.size * 0.3;
    layout.begin(Structure::Paragraph);
    layout.text(MARGIN, baseline, TextStyle::NOTE_DATE, label);
    let x = MARGIN + layout.text_width(TextStyle::NOTE_DATE, label);
    match name {
        Some(name) => layout.text(x, baseline, style, name),
        // Read as "to be written by hand"; the rule itself is decoration.
        None => layout.text(x, baseline, TextStyle::FINE_PRINT, "(to write by hand) "),
    }
    layout.end();
    if name.is_none() {
        let start = x + layout.text_width(TextStyle::FINE_PRINT, "(to write by hand) ");
        let end = MARGIN + layout.content_width() * 0.75;
        layout.line(
            vec![(start, baseline + 2.0), (end, baseline + 2.0)],
            0.6,
            0,
            None,
        );
    }
}

/// The details entered for the therapists of the period.
fn therapists(layout: &mut Layout, statement: &CostStatement) {
    if statement.therapists.is_empty() {
        return;
    }
    layout.heading("Therapists");
    for therapist in &statement.therapists {
        layout.y += 2.0;
        layout.labelled_paragraph(
            &therapist.name,
            TextStyle::NOTE_DATE,
            LABEL_WIDTH,
            &therapist.details_line(),
            TextStyle::BODY,
        );
    }
}

/// The totals per currency, then per therapist and per kind.
fn totals(layout: &mut Layout, statement: &CostStatement) {
    layout.heading("Totals");
    let count = statement.sessions.len();
    let without = match statement.without_cost {
        0 => "every one with its cost".to_owned(),
        1 => "1 without a cost recorded, not counted in the totals".to_owned(),
        n => format!("{n} without a cost recorded, not counted in the totals"),
    };
    let sessions = if count == 1 { "session" } else { "sessions" };
    layout.paragraph(
        &format!(
            "{count} {sessions}, {without}. Amounts in different currencies are totalled apart, never added together."
        ),
        TextStyle::EXPLANATION,
    );
    let rows: Vec<Row> = statement
        .totals_by_currency
        .iter()
        .map(|total| {
            vec![
                total.currency.to_string(),
                total.sessions.to_string(),
                total.money(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        layout.table(
            &[
                Column::left("Currency", 1.0, |r: &Row| r[0].clone()),
                Column::right("Sessions with a cost", 1.0, |r: &Row| r[1].clone()),
                Column::right("Total paid", 1.0, |r: &Row| r[2].clone()),
            ],
            &rows,
        );
    }
    layout.y += 6.0;
    group_table(
        layout,
        "By therapist",
        "Therapist",
        &statement.totals_by_therapist,
    );
    layout.y += 6.0;
    group_table(layout, "By kind", "Kind", &statement.totals_by_kind);
}

/// A table of `groups`: their name, sessions, minutes, what they cost and how many had no cost.
fn group_table(layout: &mut Layout, heading: &str, what: &str, groups: &[GroupTotal]) {
    layout.ensure(70.0);
    layout.heading(heading);
    let rows: Vec<Row> = groups
        .iter()
        .map(|group| {
            vec![
                group.name.clone(),
                group.sessions.to_string(),
                group.minutes.to_string(),
                group.money(),
                group.without_cost.to_string(),
            ]
        })
        .collect();
    layout.table(
        &[
            Column::left(what, 2.0, |r: &Row| r[0].clone()),
            Column::right("Sessions", 0.6, |r: &Row| r[1].clone()),
            Column::right("Minutes", 0.6, |r: &Row| r[2].clone()),
            Column::right("Paid", 1.6, |r: &Row| r[3].clone()),
            Column::right("Without cost", 0.6, |r: &Row| r[4].clone()),
        ],
        &rows,
    );
}

/// Every session in date order.
fn sessions(layout: &mut Layout, statement: &CostStatement) {
    layout.ensure(90.0);
    layout.heading("Every session");
    layout.paragraph(
        &format!("In the order they took place. \"{NO_COST}\": the amount was not logged."),
        TextStyle::EXPLANATION,
    );
    let rows: Vec<Row> = statement
        .sessions
        .iter()
        .map(|line| {
            vec![
                format!("{} {}", short_date(line.date), line.start.format("%H:%M")),
                line.kind.clone(),
                line.therapist
                    .clone()
                    .filter(|name| !name.trim().is_empty())
                    .unwrap_or_else(|| NO_THERAPIST.to_owned()),
                line.minutes.to_string(),
                line.cost
                    .map_or_else(|| NO_COST.to_owned(), |cost| cost.to_string()),
            ]
        })
        .collect();
    layout.table(
        &[
            Column::left("Date", 1.2, |r: &Row| r[0].clone()),
            Column::left("Kind", 1.2, |r: &Row| r[1].clone()),
            Column::left("Therapist", 1.6, |r: &Row| r[2].clone()),
            Column::right("Minutes", 0.6, |r: &Row| r[3].clone()),
            Column::right("Amount", 1.0, |r: &Row| r[4].clone()),
        ],
        &rows,
    );
    // The sum again under the table, for a reader who turns to the last page.
    layout.paragraph(&statement.total_line(), TextStyle::ANSWER);
}
