//! What goes on the pages: page one (from the [`PageOne`] model, always one page), then the
//! sections chosen, and a footer on every page.

use chrono::Datelike as _;

use super::charts::{self, KIND_KEY};
use super::layout::{Column, Layout, MARGIN, Op, Structure};
use super::style::TextStyle;
use super::summing_up::{self, ForestRow};
use super::{Summary, first_page};
use crate::analysis::Resolution;
use crate::analysis::compare::MIN_EACH;
use crate::model::Metric;
use crate::report::page_one::{AnswerLine, PageOne};
use crate::report::text::{
    NONE, SELF_REPORTED, change, date, interval, mean_of_days, or_none, relief, short_date,
    signed_change, start,
};
use crate::report::{GroupKey, KindLine, MonthLine, SessionLine, wording};

/// Beyond this many sessions, the sessions table lists the last ones and then every month.
pub(super) const SESSIONS_IN_TABLE: usize = 60;
/// Beyond this many notes, the last ones are printed and the rest counted.
pub(super) const NOTES_SHOWN: usize = 60;
/// Room the trend chart needs with its heading, explanation, strip, axis and caption.
const TREND_ROOM: f32 = 380.0;
/// Room the aligned view needs likewise.
const ALIGNED_ROOM: f32 = 330.0;
/// Room a table's heading, its explanation and header take.
const TABLE_START: f32 = 90.0;
/// Whose days the aligned chart shows, as its text alternative names them.
const ALIGNED_WHO: &str = "Sessions of this period";
/// The width of the dates beside the notes.
const NOTE_DATE_WIDTH: f32 = 92.0;

/// The whole report, page by page.
pub(super) fn report(layout: &mut Layout, summary: &Summary) {
    *layout = first_page::fitted(layout, &PageOne::new(summary));
    let sections = summary.sections;
    let has_sessions = !summary.sessions.is_empty();
    let parts = [
        sections.by_kind && has_sessions,
        sections.trend,
        sections.aligned && has_sessions,
        sections.sessions && has_sessions,
        sections.notes,
        !summary.care.is_empty(),
        sections.measures && !summary.measures.is_empty(),
        sections.patterns && !summary.patterns.is_empty(),
    ];
    if parts.contains(&true) {
        layout.new_page();
    }
    if parts[0] {
        effects(layout, summary);
    }
    if parts[6] {
        measures_table(layout, summary);
    }
    if parts[7] {
        patterns(layout, summary);
    }
    if parts[1] {
        layout.ensure(TREND_ROOM);
        trend(layout, summary);
        if let Some(figure) = &summary.calendar {
            super::calendar::calendar(layout, figure);
        }
        if !summary.body.places.is_empty() {
            super::body::body_map(layout, &summary.body);
        }
    }
    if parts[2] {
        layout.ensure(ALIGNED_ROOM);
        aligned(layout, summary);
    }
    if parts[3] {
        sessions_table(layout, summary);
    }
    if parts[5] {
        care(layout, summary);
    }
    if parts[4] {
        notes(layout, summary);
    }
    footers(layout, SELF_REPORTED, summary.made.date());
}

/// Exercises done, medications taken, visits to other care and regular medications started
/// or stopped in the period.
fn care(layout: &mut Layout, summary: &Summary) {
    let care = &summary.care;
    layout.ensure(TABLE_START);
    layout.heading("Care besides massage");
    layout.paragraph(
        "Home exercises, medications and other care in this period, as logged. A change around a session with other care near it is not the massage's alone.",
        TextStyle::EXPLANATION,
    );
    for line in care.exercises.iter().chain(&care.medications) {
        layout.paragraph(line, TextStyle::BODY);
    }
    for (day, line) in &care.events {
        layout.y += 3.0;
        layout.labelled_paragraph(
            &date(*day),
            TextStyle::NOTE_DATE,
            NOTE_DATE_WIDTH,
            line,
            TextStyle::NOTE,
        );
    }
}

/// The answer by kind and therapist as a forest plot, then the summary by kind.
fn effects(layout: &mut Layout, summary: &Summary) {
    let compared = &summary.compared;
    layout.heading("Did the sessions help? By kind and therapist");
    let all = &compared.all;
    if all.ci95.is_none() {
        layout.paragraph(
            &AnswerLine::of_all(all).sentence(str::to_owned),
            TextStyle::BODY,
        );
    } else {
        layout.paragraph(
            &format!(
                "Each row: the mean change in pain after the sessions of this period ({k} days after against {k} before), minus the same change over {ordinary} of the whole journal. The square is that difference, the line its 95% interval (Welch); rows whose line stays off the zero line differ clearly from ordinary ups and downs. A row needs {MIN_EACH} sessions with enough logged days.",
                k = summary.window,
                ordinary = ordinary_weeks(all.baseline),
            ),
            TextStyle::EXPLANATION,
        );
        let mut lines = vec![(AnswerLine::of_all(all), "")];
        for (group, c) in compared.clearest() {
            let kind = match group {
                GroupKey::Kind(_) => "kind",
                GroupKey::Therapist(_) => "therapist",
            };
            lines.push((AnswerLine::of(group, c), kind));
        }
        let rows: Vec<ForestRow> = lines.iter().map(|(l, kind)| forest_row(l, kind)).collect();
        layout.begin(Structure::Figure(forest_in_words(&lines)));
        summing_up::forest(layout, &rows, &wording::forest_sides(Metric::Pain));
        layout.end();
        let few: Vec<(String, usize)> = compared
            .groups()
            .filter(|(_, c)| c.ci95.is_none())
            .map(|(group, c)| (AnswerLine::of(group, c).label, c.sessions))
            .collect();
        if let Some(line) = wording::not_enough_for(&few) {
            layout.paragraph(&line, TextStyle::EXPLANATION);
        }
        layout.y += 4.0;
        layout.paragraph(
            &format!("{} {}", wording::REGRESSION_CAVEAT, wording::ONE_PERSON),
            TextStyle::EXPLANATION,
        );
    }
    by_kind_table(layout, summary);
}

/// The forest plot's text alternative: each row in words, as the window says its own.
fn forest_in_words(lines: &[(AnswerLine, &str)]) -> String {
    let said: Vec<String> = lines
        .iter()
        .map(|(line, _)| wording::forest_row(&line.label, Metric::Pain, &line.compared))
        .collect();
    said.join(" ")
}

/// "180 ordinary weeks".
fn ordinary_weeks(n: usize) -> String {
    if n == 1 {
        "1 ordinary week".to_owned()
    } else {
        format!("{n} ordinary weeks")
    }
}

/// A row of the forest plot for `line`; `what` says what a group is ("kind", "therapist").
fn forest_row(line: &AnswerLine, what: &str) -> ForestRow {
    let c = &line.compared;
    let sessions = if c.sessions == 1 {
        "1 session".to_owned()
    } else {
        format!("{} sessions", c.sessions)
    };
    ForestRow {
        label: line.label.clone(),
        all: line.group.is_none(),
        detail: if line.group.is_none() {
            sessions
        } else {
            format!("{what} · {sessions}")
        },
        difference: c.difference.unwrap_or(0.0),
        interval: c.ci95,
        value: format!(
            "{} ({})",
            signed_change(c.difference),
            interval(c.ci95.map(|(low, high)| [low, high]))
        ),
        verdict: wording::verdict_word(Metric::Pain, c),
    }
}

fn trend(layout: &mut Layout, summary: &Summary) {
    let resolution = charts::trend_resolution(layout, summary);
    layout.heading("Pain over the period");
    let explanation = match resolution {
        Resolution::Daily => "Pain from 0 (none) to 10 (worst imaginable): daily values (thin grey line) and their 7-day mean (thick black line); each dashed line is a session, lettered by kind.".to_owned(),
        Resolution::Weekly | Resolution::Monthly => {
            let unit = resolution.unit();
            format!(
                "Pain from 0 (none) to 10 (worst imaginable): the mean of each {unit} (black line) and the middle half of its days (grey band); a {unit} with too few logged days is left as a gap. The bars under the chart count the sessions in each {unit}."
            )
        }
    };
    layout.paragraph(&explanation, TextStyle::EXPLANATION);
    let alt = format!(
        "{} {}",
        summary.pain_in_words,
        wording::sessions_in_days(summary.sessions.len())
    );
    layout.begin(Structure::Figure(alt));
    let key = charts::trend(layout, summary, resolution);
    layout.end();
    let caption = match key {
        charts::TrendKey::Letters => Some(format!("Sessions: {KIND_KEY}.")),
        charts::TrendKey::Lines => None,
        charts::TrendKey::Bars { tallest } => Some(format!(
            "Bars: sessions in each {} (the tallest, {tallest}).",
            resolution.unit()
        )),
    };
    if let Some(caption) = caption {
        layout.paragraph(&caption, TextStyle::CAPTION);
    }
}

fn aligned(layout: &mut Layout, summary: &Summary) {
    layout.heading("What usually happens around a session");
    layout.paragraph(
        "Every session of the period at day 0: the mean pain on each day before and after it (black line), the middle half of the values (grey band), and the number of sessions behind each day (n). Days after another session are left out.",
        TextStyle::EXPLANATION,
    );
    layout.begin(Structure::Figure(wording::aligned_line(
        ALIGNED_WHO,
        Metric::Pain,
        &summary.aligned,
    )));
    charts::aligned(layout, summary);
    layout.end();
    layout.paragraph(
        "Days from the session (0 = the session day).",
        TextStyle::CAPTION,
    );
}

/// The sessions, at most the last [`SESSIONS_IN_TABLE`], then every month when there are more.
fn sessions_table(layout: &mut Layout, summary: &Summary) {
    let total = summary.sessions.len();
    let shown = &summary.sessions[total.saturating_sub(SESSIONS_IN_TABLE)..];
    // The heading, what it shows and the first rows together.
    layout.ensure(TABLE_START + 16.0 * shown.len().min(6) as f32);
    layout.heading("Sessions");
    if shown.len() < total {
        layout.paragraph(
            &format!(
                "The last {} of the period's {total} sessions; all {total} are counted month by month after them.",
                shown.len()
            ),
            TextStyle::EXPLANATION,
        );
    }
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
    layout.table(&columns, shown);
    if shown.len() < total {
        months(layout, summary);
    }
}

/// Every year of the period, a row each, with each month's sessions and their mean change in
/// pain, and the year's.
fn months(layout: &mut Layout, summary: &Summary) {
    let months = summary.sessions_by_month();
    layout.ensure(TABLE_START + 24.0 * 3.0);
    layout.heading("Sessions month by month");
    layout.paragraph(
        &format!(
            "Each month: the number of sessions (bold) and under it their mean change in pain, {k} days after against {k} before (minus: less pain after; {NONE}: not enough logged days). The last column is the whole year.",
            k = summary.window
        ),
        TextStyle::EXPLANATION,
    );
    let (first, last) = (summary.from.year(), summary.to.year());
    let years: Vec<(i32, Vec<&MonthLine>)> = (first..=last)
        .map(|year| {
            let in_year = months.iter().filter(|m| m.month.year() == year).collect();
            (year, in_year)
        })
        .collect();
    summing_up::month_grid(layout, &years);
}

/// Every measure besides pain: the period's mean against the period before, and after the
/// period's sessions against ordinary weeks.
fn measures_table(layout: &mut Layout, summary: &Summary) {
    use crate::report::measures::{EXPLANATION, HEADING, MeasureLine};
    layout.ensure(TABLE_START + 16.0 * summary.measures.len().min(6) as f32);
    layout.heading(HEADING);
    layout.paragraph(EXPLANATION, TextStyle::EXPLANATION);
    let columns: [Column<'_, MeasureLine>; 5] = [
        Column::left("Measure", 1.55, MeasureLine::label),
        Column::right("This period", 0.85, MeasureLine::mean_text),
        Column::right("Period before", 0.85, MeasureLine::previous_text),
        Column::right("After sessions", 1.75, MeasureLine::difference_text),
        Column::left("", 1.1, |line| line.verdict().to_owned()),
    ];
    layout.table(&columns, &summary.measures);
}

/// The strongest patterns of pain in the period, each with the reminder that it is not cause.
fn patterns(layout: &mut Layout, summary: &Summary) {
    use crate::report::pattern_words::CAUTION;
    layout.ensure(TABLE_START + 40.0);
    layout.heading("What went with worse or better days (the strongest patterns)");
    layout.paragraph(
        &format!(
            "Pain on days with and without each thing that happened, and each measure against pain, the same day and the next; named only where the 95% interval leaves out no difference. {CAUTION}"
        ),
        TextStyle::EXPLANATION,
    );
    for line in &summary.patterns {
        layout.paragraph(&format!("• {}", line.sentence), TextStyle::BODY);
    }
}

fn by_kind_table(layout: &mut Layout, summary: &Summary) {
    layout.ensure(TABLE_START + 16.0 * summary.by_kind.len().min(6) as f32);
    layout.heading("By kind of massage (pain, sessions of this period)");
    let columns: [Column<'_, KindLine>; 7] = [
        Column::left("Kind", 1.5, |k| k.kind.clone()),
        Column::right("Sessions", 0.65, |k| k.sessions.to_string()),
        Column::right("With data", 0.7, |k| k.n.to_string()),
        Column::right("Mean", 0.75, |k| change(k.mean_change)),
        Column::right("Median", 0.75, |k| change(k.median_change)),
        Column::right("95% interval", 1.6, |k| {
            wording::change_interval(k.ci95.map(|[low, high]| (low, high)))
        }),
        Column::right("Better/same/worse", 1.3, |k| {
            format!("{} / {} / {}", k.improved, k.unchanged, k.worse)
        }),
    ];
    layout.table(&columns, &summary.by_kind);
    layout.paragraph("With data: sessions with enough days on both sides. Mean and median: the change in pain from the days before to the days after (\"lower\": less pain after). Better / same / worse: a change of half a point or more either way. The interval is given from three sessions on.", TextStyle::EXPLANATION);
}

/// The notes, at most the last [`NOTES_SHOWN`], each beside its date, and how many more.
fn notes(layout: &mut Layout, summary: &Summary) {
    let total = summary.notes.len();
    layout.ensure(TABLE_START);
    layout.heading(&format!("Notes ({total})"));
    if total == 0 {
        layout.paragraph("No notes in this period.", TextStyle::BODY);
        return;
    }
    let shown = &summary.notes[total.saturating_sub(NOTES_SHOWN)..];
    let earlier = total - shown.len();
    if earlier > 0 {
        let noun = if earlier == 1 { "note" } else { "notes" };
        layout.paragraph(
            &format!(
                "The last {} notes of the period, by date; and {earlier} earlier {noun}, not printed here.",
                shown.len()
            ),
            TextStyle::EXPLANATION,
        );
    }
    for (day, note) in shown {
        layout.y += 3.0;
        layout.labelled_paragraph(
            &date(*day),
            TextStyle::NOTE_DATE,
            NOTE_DATE_WIDTH,
            note,
            TextStyle::NOTE,
        );
    }
}

/// On every page: who reported it, when it was made, and "page N of M".
/// "painlog · `left`" and "Made … · page N of M" at the foot of every page.
pub(super) fn footers(layout: &mut Layout, left: &str, made: chrono::NaiveDate) {
    let (width, baseline) = (layout.width, layout.height - MARGIN + 6.0);
    let total = layout.pages.len();
    let made = short_date(made);
    for index in 0..total {
        let right = format!("Made {made} · page {} of {total}", index + 1);
        let x = width - MARGIN - layout.text_width(TextStyle::FOOTER, &right);
        let page = &mut layout.pages[index];
        // Page furniture, not read: page one says who reported the figures, and a reader
        // knows the page it is on.
        page.push(Op::Begin(Structure::Footer));
        for (x, text) in [(MARGIN, format!("painlog · {left}")), (x, right)] {
            page.push(Op::Text {
                x,
                y: baseline,
                style: TextStyle::FOOTER,
                text,
            });
        }
        page.push(Op::End);
    }
}
