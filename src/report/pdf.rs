//! The report as a PDF: vector text with embedded, subset fonts (DejaVu Sans) and vector charts
//! that read in black and white (line weights, dashes, markers and letters, not colour alone).
//!
//! Laid out in two passes: pages of drawing operations first, then rendered with krilla, so that
//! every footer can say "page N of M".

use chrono::{Datelike as _, Timelike as _};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};
use serde::{Deserialize, Serialize};
use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};

use super::Summary;
use super::text::{
    SELF_REPORTED, before_after, change, date, days, one_decimal, relief, short_date, start,
};
use crate::analysis::{REGRESSION_NOTE, date_from_day_number, day_number, decimate};
use crate::model::KindChoice;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

const MARGIN: f32 = 50.0;
const FOOTER: f32 = 28.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.0;

/// The paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// The name on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "letter",
        }
    }

    /// The paper with this command-line name.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        [Self::A4, Self::Letter]
            .into_iter()
            .find(|p| p.cli_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A PDF that could not be made.
#[derive(Debug, thiserror::Error)]
#[error("could not make the PDF: {0}")]
pub struct PdfError(String);

/// Text widths from the font's own metrics.
struct Measure {
    regular: skrifa::FontRef<'static>,
    bold: skrifa::FontRef<'static>,
}

impl Measure {
    fn new() -> Result<Self, PdfError> {
        let font = |bytes: &'static [u8]| {
            skrifa::FontRef::new(bytes)
                .map_err(|e| PdfError(format!("the bundled font cannot be read: {e}")))
        };
        Ok(Self {
            regular: font(REGULAR)?,
            bold: font(BOLD)?,
        })
    }

    fn width(&self, bold: bool, size: f32, text: &str) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
        let units = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        let total: f32 = text
            .chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
                    .unwrap_or(units * 0.6)
            })
            .sum();
        total * size / units
    }
}

/// One drawing operation on a page (y grows downwards).
#[derive(Clone, Debug)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        gray: u8,
        text: String,
    },
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        stroke: Option<(f32, u8, Option<Vec<f32>>)>,
        fill: Option<u8>,
    },
    Circle {
        x: f32,
        y: f32,
        radius: f32,
        fill: u8,
    },
}

/// How text aligns in a table cell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

struct Layout {
    measure: Measure,
    width: f32,
    height: f32,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Layout {
    fn new(paper: Paper) -> Result<Self, PdfError> {
        let (width, height) = paper.size();
        Ok(Self {
            measure: Measure::new()?,
            width,
            height,
            pages: vec![Vec::new()],
            y: MARGIN,
        })
    }

    fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Start a new page unless `needed` points still fit on this one.
    fn ensure(&mut self, needed: f32) {
        if self.y + needed > self.bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    fn text(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        gray: u8,
        text: impl Into<String>,
    ) {
        let text = text.into();
        if !text.is_empty() {
            self.ops().push(Op::Text {
                x,
                y: baseline,
                size,
                bold,
                gray,
                text,
            });
        }
    }

    fn line(&mut self, points: Vec<(f32, f32)>, width: f32, gray: u8, dash: Option<Vec<f32>>) {
        if points.len() >= 2 {
            self.ops().push(Op::Path {
                points,
                closed: false,
                stroke: Some((width, gray, dash)),
                fill: None,
            });
        }
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<u8>, stroke: Option<u8>) {
        self.ops().push(Op::Path {
            points: vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
            closed: true,
            stroke: stroke.map(|gray| (0.6, gray, None)),
            fill,
        });
    }

    /// Lines of `text` that fit in `width`, breaking at spaces (and inside words that are too
    /// long), keeping the text's own line breaks.
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split(' ') {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.measure.width(bold, size, &candidate) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word longer than the line: cut it where it overflows.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.measure.width(bold, size, &piece) > width && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }

    /// A paragraph that flows onto the next page when needed.
    fn paragraph(&mut self, text: &str, size: f32, bold: bool, gray: u8, indent: f32) {
        let leading = size * 1.35;
        for line in self.wrap(text, size, bold, self.content_width() - indent) {
            self.ensure(leading);
            self.y += leading;
            self.text(MARGIN + indent, self.y - size * 0.3, size, bold, gray, line);
        }
    }

    fn heading(&mut self, text: &str) {
        self.ensure(60.0);
        self.y += 14.0;
        self.paragraph(text, 13.0, true, 0, 0.0);
        self.y += 4.0;
    }

    fn truncate(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.measure.width(bold, size, text) <= width {
            return text.to_owned();
        }
        let mut short = String::new();
        for c in text.chars() {
            if self.measure.width(bold, size, &format!("{short}{c}…")) > width {
                break;
            }
            short.push(c);
        }
        format!("{short}…")
    }

    /// A table whose header repeats on every page it spans. `columns` are (title, share of the
    /// width, alignment).
    fn table(&mut self, columns: &[(&str, f32, Align)], rows: &[Vec<String>]) {
        let total: f32 = columns.iter().map(|c| c.1).sum();
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| c.1 / total * self.content_width())
            .collect();
        let row_height = BODY * 1.6;
        let header = |layout: &mut Self| {
            layout.ensure(row_height * 2.0);
            layout.y += row_height;
            let mut x = MARGIN;
            for ((title, _, align), width) in columns.iter().zip(&widths) {
                let text = layout.truncate(title, SMALL, true, width - 4.0);
                let tx = match align {
                    Align::Left => x,
                    Align::Right => x + width - 4.0 - layout.measure.width(true, SMALL, &text),
                };
                layout.text(tx, layout.y - 4.0, SMALL, true, 0, text);
                x += width;
            }
            let y = layout.y;
            layout.line(
                vec![(MARGIN, y), (MARGIN + layout.content_width(), y)],
                0.8,
                0,
                None,
            );
        };
        header(self);
        for (index, row) in rows.iter().enumerate() {
            if self.y + row_height > self.bottom() {
                self.new_page();
                header(self);
            }
            self.y += row_height;
            if index % 2 == 1 {
                let (w, y) = (self.content_width(), self.y - row_height);
                self.rect(MARGIN, y, w, row_height, Some(242), None);
            }
            let mut x = MARGIN;
            for ((cell, (_, _, align)), width) in row.iter().zip(columns).zip(&widths) {
                let text = self.truncate(cell, BODY * 0.9, false, width - 4.0);
                let tx = match align {
                    Align::Left => x,
                    Align::Right => x + width - 4.0 - self.measure.width(false, BODY * 0.9, &text),
                };
                self.text(tx, self.y - 4.5, BODY * 0.9, false, 0, text);
                x += width;
            }
        }
        self.y += 4.0;
    }
}

/// A letter for each kind, printed on the session markers so the chart reads in black and white.
/// Taken from the kind's choice: its label would be the user's own name for an "other" kind,
/// which may read "Sports".
fn kind_letter(kind: KindChoice) -> &'static str {
    match kind {
        KindChoice::Swedish => "S",
        KindChoice::DeepTissue => "D",
        KindChoice::TriggerPoint => "T",
        KindChoice::Sports => "P",
        KindChoice::Shiatsu => "A",
        KindChoice::Other => "O",
    }
}

const KIND_KEY: &str = "S Swedish · D deep tissue · T trigger point / myofascial · P sports · A shiatsu / acupressure · O other";

/// The report as a PDF.
pub fn to_pdf(summary: &Summary, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let mut layout = Layout::new(paper)?;
    page_one(&mut layout, summary);
    let sections = summary.sections;
    if sections.trend {
        layout.new_page();
        trend_chart(&mut layout, summary);
    }
    if sections.aligned && !summary.sessions.is_empty() {
        layout.ensure(330.0);
        aligned_chart(&mut layout, summary);
    }
    if sections.sessions && !summary.sessions.is_empty() {
        sessions_table(&mut layout, summary);
    }
    if sections.by_kind && !summary.by_kind.is_empty() {
        by_kind_table(&mut layout, summary);
    }
    if sections.notes {
        notes(&mut layout, summary);
    }
    render(&layout, summary)
}

fn page_one(layout: &mut Layout, summary: &Summary) {
    let title = match &summary.name {
        Some(name) => format!("Pain diary summary: {name}"),
        None => "Pain diary summary".to_owned(),
    };
    layout.paragraph(&title, 19.0, true, 0, 0.0);
    layout.y += 2.0;
    layout.paragraph(
        &format!(
            "{} – {} ({})",
            date(summary.from),
            date(summary.to),
            days(summary.days_in_period)
        ),
        12.0,
        false,
        40,
        0.0,
    );
    layout.paragraph(
        &format!(
            "{SELF_REPORTED} Made with painlog on {}.",
            short_date(summary.made.date())
        ),
        SMALL,
        false,
        90,
        0.0,
    );
    layout.y += 10.0;

    key_figures(layout, summary);
    page_one_sessions(layout, summary);
    page_one_regions_and_message(layout, summary);
}

/// Days logged, average and worst pain, and the change from the previous period, in a box.
fn key_figures(layout: &mut Layout, summary: &Summary) {
    // The key figures, two by two.
    let figures = [
        (
            "Days logged",
            format!("{} of {}", summary.days_logged, summary.days_in_period),
        ),
        ("Average pain (0–10)", one_decimal(summary.average_pain)),
        (
            "Worst pain",
            match (summary.worst_pain, summary.worst_pain_date) {
                (Some(worst), Some(day)) => format!("{worst}  ({})", short_date(day)),
                _ => "not logged".to_owned(),
            },
        ),
        (
            "Against the previous period",
            format!(
                "{} → {}  ({})",
                one_decimal(summary.previous_average_pain),
                one_decimal(summary.average_pain),
                change(summary.change_from_previous)
            ),
        ),
    ];
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
    for (index, (label, value)) in figures.iter().enumerate() {
        let x = MARGIN + 12.0 + half * (index % 2) as f32;
        let y = box_top + 22.0 + 34.0 * (index / 2) as f32;
        layout.text(x, y - 8.0, SMALL, false, 80, *label);
        layout.text(x, y + 7.0, 14.0, true, 0, value.clone());
    }
    layout.y = box_top + 74.0;
    layout.paragraph(
        &format!(
            "Previous period: {} – {}, the same length. Pain: 0 = none, 10 = worst imaginable.",
            short_date(summary.previous_from),
            short_date(summary.previous_to)
        ),
        SMALL,
        false,
        90,
        0.0,
    );
}

/// The sessions of the period with their before → after pain.
fn page_one_sessions(layout: &mut Layout, summary: &Summary) {
    layout.heading(&format!(
        "Massage sessions in this period ({})",
        summary.sessions.len()
    ));
    if summary.sessions.is_empty() {
        layout.paragraph("No sessions in this period.", BODY, false, 0, 0.0);
    } else {
        let rows: Vec<Vec<String>> = summary
            .sessions
            .iter()
            .map(|s| {
                vec![
                    short_date(s.date),
                    s.kind.label().to_owned(),
                    s.therapist.clone().unwrap_or_else(|| "–".to_owned()),
                    before_after(s.pain_before, s.pain_after),
                    format!(
                        "{}{}",
                        change(s.pain_change),
                        if s.meaningful_pain_drop { " *" } else { "" }
                    ),
                    relief(s.immediate_relief),
                ]
            })
            .collect();
        layout.table(
            &[
                ("Date", 0.95, Align::Left),
                ("Kind", 1.55, Align::Left),
                ("Therapist", 1.2, Align::Left),
                (
                    &format!("Pain {} d before → after", summary.window),
                    1.55,
                    Align::Left,
                ),
                ("Change", 0.6, Align::Right),
                ("Right after", 0.75, Align::Right),
            ],
            &rows,
        );
        layout.paragraph(
            &format!(
                "Before → after: mean pain over the {} days before and after each session (at least {} logged days, else \"not enough data\"). * a meaningful drop: at least 2 points or 30%. {REGRESSION_NOTE}{}",
                summary.window,
                summary.min_days,
                summary.baseline_pain_change.map_or_else(String::new, |b| format!(
                    " Around {} away from sessions, pain changed by {} on average.",
                    days(summary.baseline_n).replace("day", "ordinary day"),
                    change(Some(b))
                )),
            ),
            SMALL,
            false,
            70,
            0.0,
        );
    }
}

/// Regions most often painful, and the message.
fn page_one_regions_and_message(layout: &mut Layout, summary: &Summary) {
    layout.heading("Most often painful");
    if summary.regions.is_empty() {
        layout.paragraph("No regions logged in this period.", BODY, false, 0, 0.0);
    } else {
        let text = summary
            .regions
            .iter()
            .take(6)
            .map(|(region, n)| format!("{region} ({})", days(*n)))
            .collect::<Vec<_>>()
            .join("  ·  ");
        layout.paragraph(&text, BODY, false, 0, 0.0);
    }
    if !summary.message.is_empty() {
        layout.heading("Message from the patient");
        layout.paragraph(&summary.message, BODY, false, 0, 0.0);
    }
}

/// Chart area, axes and gridlines with labels; returns a function from (x, y) data to page.
struct Frame {
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    x_min: f64,
    x_max: f64,
}

impl Frame {
    fn x(&self, x: f64) -> f32 {
        let span = (self.x_max - self.x_min).max(1e-9);
        self.left + ((x - self.x_min) / span) as f32 * self.width
    }

    fn y(&self, value: f64) -> f32 {
        self.top + self.height - (value / 10.0) as f32 * self.height
    }
}

fn frame(layout: &mut Layout, height: f32, x_min: f64, x_max: f64) -> Frame {
    let top = layout.y + 8.0;
    let left = MARGIN + 26.0;
    let frame = Frame {
        left,
        top,
        width: layout.content_width() - 26.0,
        height,
        x_min,
        x_max,
    };
    for value in [0.0, 2.0, 4.0, 6.0, 8.0, 10.0] {
        let y = frame.y(value);
        layout.line(vec![(left, y), (left + frame.width, y)], 0.4, 215, None);
        let label = format!("{value:.0}");
        let w = layout.measure.width(false, SMALL, &label);
        layout.text(left - 5.0 - w, y + 3.0, SMALL, false, 60, label);
    }
    layout.rect(left, top, frame.width, height, None, Some(120));
    layout.y = top + height;
    frame
}

fn trend_chart(layout: &mut Layout, summary: &Summary) {
    layout.heading("Pain over the period");
    layout.paragraph("Pain from 0 (none) to 10 (worst imaginable): daily values (thin grey line) and their 7-day mean (thick black line); each dashed line is a session, lettered by kind.", SMALL, false, 70, 0.0);
    let (x_min, x_max) = (day_number(summary.from) - 0.5, day_number(summary.to) + 0.5);
    let frame = frame(layout, 230.0, x_min, x_max);
    let per_point = (x_max - x_min) / f64::from(frame.width);
    for run in &summary.trend.daily {
        let points: Vec<(f32, f32)> = decimate(run, per_point * 1.5)
            .iter()
            .map(|p| (frame.x(p[0]), frame.y(p[1])))
            .collect();
        if points.len() == 1 {
            layout.ops().push(Op::Circle {
                x: points[0].0,
                y: points[0].1,
                radius: 1.2,
                fill: 110,
            });
        }
        layout.line(points, 0.6, 120, None);
    }
    if summary.days_in_period <= 120 {
        for run in &summary.trend.daily {
            for p in run {
                layout.ops().push(Op::Circle {
                    x: frame.x(p[0]),
                    y: frame.y(p[1]),
                    radius: 1.1,
                    fill: 110,
                });
            }
        }
    }
    for run in &summary.trend.mean {
        let points = decimate(run, per_point * 1.5)
            .iter()
            .map(|p| (frame.x(p[0]), frame.y(p[1])))
            .collect();
        layout.line(points, 1.8, 0, None);
    }
    let letters = summary.trend.sessions.len() <= 60;
    for (x, kind) in &summary.trend.sessions {
        let px = frame.x(*x);
        layout.line(
            vec![(px, frame.top), (px, frame.top + frame.height)],
            0.6,
            60,
            Some(vec![2.0, 2.0]),
        );
        if letters {
            let letter = kind_letter(kind.choice());
            let w = layout.measure.width(true, SMALL, letter);
            layout.text(px - w / 2.0, frame.top - 2.0, SMALL, true, 0, letter);
        }
    }
    date_axis(layout, &frame, summary);
    layout.y += 26.0;
    layout.paragraph(&format!("Sessions: {KIND_KEY}."), SMALL, false, 60, 0.0);
}

/// Tick labels under the chart: weeks, months, quarters or years, whichever fit.
fn date_axis(layout: &mut Layout, frame: &Frame, summary: &Summary) {
    let span = summary.days_in_period;
    let (Some(from), Some(to)) = (
        date_from_day_number(frame.x_min + 0.5),
        date_from_day_number(frame.x_max - 0.5),
    ) else {
        return;
    };
    let mut date = from;
    let y = frame.top + frame.height;
    while date <= to {
        let label = if span <= 45 {
            (date.weekday() == chrono::Weekday::Mon).then(|| date.format("%-d %b").to_string())
        } else if span <= 400 {
            (date.day() == 1).then(|| date.format("%b %Y").to_string())
        } else if span <= 1500 {
            (date.day() == 1 && (date.month() - 1).is_multiple_of(3))
                .then(|| date.format("%b %Y").to_string())
        } else {
            (date.day() == 1 && date.month() == 1 && (span <= 4000 || date.year() % 2 == 0))
                .then(|| date.format("%Y").to_string())
        };
        if let Some(label) = label {
            let x = frame.x(day_number(date));
            layout.line(vec![(x, y), (x, y + 3.0)], 0.6, 60, None);
            layout.text(x + 1.5, y + 11.0, SMALL, false, 40, label);
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
}

fn aligned_chart(layout: &mut Layout, summary: &Summary) {
    layout.heading("What usually happens around a session");
    layout.paragraph(
        "Every session of the period at day 0: the mean pain on each day before and after it (black line), the middle half of the values (grey band), and the number of sessions behind each day (n). Days after another session are left out.",
        SMALL,
        false,
        70,
        0.0,
    );
    let k = f64::from(summary.window);
    let frame = frame(layout, 190.0, -k - 0.5, k + 0.5);
    let band: Vec<_> = summary
        .aligned
        .iter()
        .filter_map(|p| Some((f64::from(p.offset), p.q1?, p.q3?)))
        .collect();
    if band.len() >= 2 {
        let mut outline: Vec<(f32, f32)> = band
            .iter()
            .map(|(x, low, _)| (frame.x(*x), frame.y(*low)))
            .collect();
        outline.extend(
            band.iter()
                .rev()
                .map(|(x, _, high)| (frame.x(*x), frame.y(*high))),
        );
        layout.ops().push(Op::Path {
            points: outline,
            closed: true,
            stroke: None,
            fill: Some(215),
        });
    }
    let zero = frame.x(0.0);
    layout.line(
        vec![(zero, frame.top), (zero, frame.top + frame.height)],
        0.7,
        60,
        Some(vec![3.0, 2.0]),
    );
    let mean: Vec<(f32, f32)> = summary
        .aligned
        .iter()
        .filter_map(|p| p.mean.map(|m| (frame.x(f64::from(p.offset)), frame.y(m))))
        .collect();
    for &(x, y) in &mean {
        layout.ops().push(Op::Circle {
            x,
            y,
            radius: 2.0,
            fill: 0,
        });
    }
    layout.line(mean, 1.6, 0, None);
    let y = frame.top + frame.height;
    for point in &summary.aligned {
        let x = frame.x(f64::from(point.offset));
        if summary.window <= 14 || point.offset % 7 == 0 {
            let label = format!("{:+}", point.offset).replace("+0", "0");
            let w = layout.measure.width(false, SMALL, &label);
            layout.text(x - w / 2.0, y + 10.0, SMALL, false, 40, label);
            let n = format!("n={}", point.n);
            let w = layout.measure.width(false, SMALL * 0.85, &n);
            layout.text(x - w / 2.0, y + 20.0, SMALL * 0.85, false, 90, n);
        }
    }
    layout.y += 28.0;
    layout.paragraph(
        "Days from the session (0 = the session day).",
        SMALL,
        false,
        60,
        0.0,
    );
}

fn sessions_table(layout: &mut Layout, summary: &Summary) {
    layout.heading("Sessions");
    let rows: Vec<Vec<String>> = summary
        .sessions
        .iter()
        .map(|s| {
            let window = |mean: Option<f64>, n: usize| {
                mean.map_or_else(|| format!("– ({n} d)"), |m| format!("{m:.1} ({n} d)"))
            };
            vec![
                start(s.start.at()),
                s.kind.label().to_owned(),
                s.therapist.clone().unwrap_or_else(|| "–".to_owned()),
                s.minutes.to_string(),
                window(s.pain_before, s.before_days),
                window(s.pain_after, s.after_days),
                change(s.pain_change),
                relief(s.immediate_relief),
            ]
        })
        .collect();
    layout.table(
        &[
            ("Start", 1.25, Align::Left),
            ("Kind", 1.55, Align::Left),
            ("Therapist", 1.2, Align::Left),
            ("Min", 0.45, Align::Right),
            ("Before", 0.85, Align::Right),
            ("After", 0.85, Align::Right),
            ("Change", 0.65, Align::Right),
            ("Right after", 0.85, Align::Right),
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
                k.ci95.map_or_else(
                    || "–".to_owned(),
                    |[low, high]| format!("{low:+.1} to {high:+.1}"),
                ),
                format!("{} / {} / {}", k.improved, k.unchanged, k.worse),
            ]
        })
        .collect();
    layout.table(
        &[
            ("Kind", 1.5, Align::Left),
            ("Sessions", 0.65, Align::Right),
            ("With data", 0.7, Align::Right),
            ("Mean", 0.55, Align::Right),
            ("Median", 0.6, Align::Right),
            ("95% interval", 1.0, Align::Right),
            ("Better/same/worse", 1.5, Align::Right),
        ],
        &rows,
    );
    layout.paragraph("With data: sessions with enough days on both sides. Better / same / worse: a change of half a point or more either way. The interval is given from three sessions on.", SMALL, false, 70, 0.0);
}

fn notes(layout: &mut Layout, summary: &Summary) {
    layout.heading(&format!("Notes ({})", summary.notes.len()));
    if summary.notes.is_empty() {
        layout.paragraph("No notes in this period.", BODY, false, 0, 0.0);
    }
    for (day, note) in &summary.notes {
        layout.ensure(30.0);
        layout.y += 4.0;
        layout.paragraph(&date(*day), BODY * 0.9, true, 0, 0.0);
        layout.paragraph(note, BODY, false, 20, 10.0);
    }
}

fn gray(value: u8) -> rgb::Color {
    rgb::Color::new(value, value, value)
}

fn circle(builder: &mut PathBuilder, x: f32, y: f32, r: f32) {
    // Four cubic arcs; 0.5523 places the control points for a close circle.
    let k = 0.552_284_8 * r;
    builder.move_to(x + r, y);
    builder.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    builder.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    builder.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    builder.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    builder.close();
}

fn render(layout: &Layout, summary: &Summary) -> Result<Vec<u8>, PdfError> {
    let regular = Font::new(REGULAR.into(), 0)
        .ok_or_else(|| PdfError("the bundled font cannot be read".into()))?;
    let bold = Font::new(BOLD.into(), 0)
        .ok_or_else(|| PdfError("the bundled bold font cannot be read".into()))?;
    let mut document = Document::new();
    let made = summary.made;
    document.set_metadata(
        Metadata::new()
            .title(format!(
                "Pain diary summary, {} – {}",
                summary.from, summary.to
            ))
            .creator("painlog".to_owned())
            .producer("painlog".to_owned())
            .creation_date(
                DateTime::new(u16::try_from(made.year()).unwrap_or(2000))
                    .month(u8::try_from(made.month()).unwrap_or(1))
                    .day(u8::try_from(made.day()).unwrap_or(1))
                    .hour(u8::try_from(made.hour()).unwrap_or(0))
                    .minute(u8::try_from(made.minute()).unwrap_or(0))
                    .second(u8::try_from(made.second()).unwrap_or(0)),
            ),
    );
    let total = layout.pages.len();
    for (index, ops) in layout.pages.iter().enumerate() {
        let settings = PageSettings::from_wh(layout.width, layout.height)
            .ok_or_else(|| PdfError("bad page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let footer = [
            Op::Text {
                x: MARGIN,
                y: layout.height - MARGIN + 6.0,
                size: SMALL * 0.9,
                bold: false,
                gray: 90,
                text: format!("painlog · {SELF_REPORTED}"),
            },
            Op::Text {
                x: layout.width
                    - MARGIN
                    - layout.measure.width(
                        false,
                        SMALL * 0.9,
                        &format!(
                            "Made {} · page {} of {total}",
                            short_date(made.date()),
                            index + 1
                        ),
                    ),
                y: layout.height - MARGIN + 6.0,
                size: SMALL * 0.9,
                bold: false,
                gray: 90,
                text: format!(
                    "Made {} · page {} of {total}",
                    short_date(made.date()),
                    index + 1
                ),
            },
        ];
        for op in ops.iter().chain(footer.iter()) {
            draw(&mut surface, op, &regular, &bold);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|error| PdfError(format!("{error:?}")))
}

/// Draw one operation on a page.
fn draw(surface: &mut krilla::surface::Surface<'_>, op: &Op, regular: &Font, bold: &Font) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold: is_bold,
            gray: g,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: gray(*g).into(),
                ..Fill::default()
            }));
            let font = if *is_bold {
                bold.clone()
            } else {
                regular.clone()
            };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font,
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Path {
            points,
            closed,
            stroke,
            fill,
        } => {
            let mut builder = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    builder.move_to(*x, *y);
                } else {
                    builder.line_to(*x, *y);
                }
            }
            if *closed {
                builder.close();
            }
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_fill(fill.map(|g| Fill {
                paint: gray(g).into(),
                ..Fill::default()
            }));
            surface.set_stroke(stroke.as_ref().map(|(width, g, dash)| Stroke {
                paint: gray(*g).into(),
                width: *width,
                dash: dash.as_ref().map(|array| StrokeDash {
                    array: array.clone(),
                    offset: 0.0,
                }),
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
        Op::Circle { x, y, radius, fill } => {
            let mut builder = PathBuilder::new();
            circle(&mut builder, *x, *y, *radius);
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: gray(*fill).into(),
                ..Fill::default()
            }));
            surface.draw_path(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::kind_letter;
    use crate::model::SessionKind;

    #[test]
    fn an_other_kind_is_lettered_o_whatever_its_name() {
        assert_eq!(kind_letter(SessionKind::Sports.choice()), "P");
        assert_eq!(kind_letter(SessionKind::DeepTissue.choice()), "D");
        let named_like_sports = SessionKind::Other("Sports".to_owned());
        assert_eq!(named_like_sports.label(), "Sports");
        assert_eq!(kind_letter(named_like_sports.choice()), "O");
    }
}
