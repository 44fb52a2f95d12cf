//! The page model: text measured with the bundled fonts' own metrics, lines broken to fit, and
//! pages of drawing operations that flow onto the next page when one is full.

use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};

use super::style::TextStyle;
use super::{BOLD, Paper, PdfError, REGULAR};

/// Page margins on every side.
pub(super) const MARGIN: f32 = 50.0;
/// Kept free above the bottom margin for the footer.
const FOOTER: f32 = 28.0;
/// The height of a table row.
const ROW_HEIGHT: f32 = TextStyle::BODY.size * 1.6;

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

    fn width(&self, style: TextStyle, text: &str) -> f32 {
        let font = if style.bold {
            &self.bold
        } else {
            &self.regular
        };
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
        total * style.size / units
    }
}

/// One drawing operation on a page (y grows downwards).
#[derive(Clone, Debug)]
pub(super) enum Op {
    /// Text from its baseline's left end.
    Text {
        x: f32,
        y: f32,
        style: TextStyle,
        text: String,
    },
    /// Straight segments through `points`.
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        /// Width, grey and dash pattern.
        stroke: Option<(f32, u8, Option<Vec<f32>>)>,
        /// Grey.
        fill: Option<u8>,
    },
    /// A filled dot.
    Circle {
        x: f32,
        y: f32,
        radius: f32,
        fill: u8,
    },
}

/// How text aligns in a table cell.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Right,
}

/// A column of a table of `T`s: its title, its share of the width, how its cells align, and
/// what a `T` shows in it.
pub(super) struct Column<'a, T> {
    title: &'a str,
    share: f32,
    align: Align,
    cell: fn(&T) -> String,
}

impl<'a, T> Column<'a, T> {
    /// A column of text, aligned left.
    pub fn left(title: &'a str, share: f32, cell: fn(&T) -> String) -> Self {
        Self {
            title,
            share,
            align: Align::Left,
            cell,
        }
    }

    /// A column of numbers, aligned right.
    pub fn right(title: &'a str, share: f32, cell: fn(&T) -> String) -> Self {
        Self {
            title,
            share,
            align: Align::Right,
            cell,
        }
    }
}

/// The pages laid out so far, and where the next thing goes on the last one.
pub(super) struct Layout {
    measure: Measure,
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// Each page's drawing operations.
    pub pages: Vec<Vec<Op>>,
    /// How far down the last page is filled.
    pub y: f32,
}

impl Layout {
    pub fn new(paper: Paper) -> Result<Self, PdfError> {
        let (width, height) = paper.size();
        Ok(Self {
            measure: Measure::new()?,
            width,
            height,
            pages: vec![Vec::new()],
            y: MARGIN,
        })
    }

    /// The width of `text` in `style`.
    pub fn text_width(&self, style: TextStyle, text: &str) -> f32 {
        self.measure.width(style, text)
    }

    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height - MARGIN - FOOTER
    }

    /// The operations of the last page.
    pub fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Start a new page unless `needed` points still fit on this one.
    pub fn ensure(&mut self, needed: f32) {
        if self.y + needed > self.bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    /// `text` with its baseline's left end at (`x`, `baseline`); the style's indent is not added.
    pub fn text(&mut self, x: f32, baseline: f32, style: TextStyle, text: impl Into<String>) {
        let text = text.into();
        if !text.is_empty() {
            self.ops().push(Op::Text {
                x,
                y: baseline,
                style,
                text,
            });
        }
    }

    /// A line through `points`, `width` wide, in grey `gray`, dashed by `dash`.
    pub fn line(&mut self, points: Vec<(f32, f32)>, width: f32, gray: u8, dash: Option<Vec<f32>>) {
        if points.len() >= 2 {
            self.ops().push(Op::Path {
                points,
                closed: false,
                stroke: Some((width, gray, dash)),
                fill: None,
            });
        }
    }

    /// The area inside `outline`, filled grey.
    pub fn area(&mut self, outline: Vec<(f32, f32)>, fill: u8) {
        self.ops().push(Op::Path {
            points: outline,
            closed: true,
            stroke: None,
            fill: Some(fill),
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Option<u8>, stroke: Option<u8>) {
        self.ops().push(Op::Path {
            points: vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
            closed: true,
            stroke: stroke.map(|gray| (0.6, gray, None)),
            fill,
        });
    }

    /// A dot of `radius` at (`x`, `y`).
    pub fn dot(&mut self, x: f32, y: f32, radius: f32, fill: u8) {
        self.ops().push(Op::Circle { x, y, radius, fill });
    }

    /// Lines of `text` that fit in `width`, breaking at spaces (and inside words that are too
    /// long), keeping the text's own line breaks.
    fn wrap(&self, text: &str, style: TextStyle, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split(' ') {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.measure.width(style, &candidate) <= width {
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
                    if self.measure.width(style, &piece) > width && piece.chars().count() > 1 {
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
    pub fn paragraph(&mut self, text: &str, style: TextStyle) {
        let leading = style.leading();
        for line in self.wrap(text, style, self.content_width() - style.indent) {
            self.ensure(leading);
            self.y += leading;
            self.text(
                MARGIN + style.indent,
                self.y - style.size * 0.3,
                style,
                line,
            );
        }
    }

    /// A section's heading, on the next page unless some of the section fits under it.
    pub fn heading(&mut self, text: &str) {
        self.ensure(60.0);
        self.y += 14.0;
        self.paragraph(text, TextStyle::HEADING);
        self.y += 4.0;
    }

    /// `text`, cut with "…" to fit in `width`.
    fn truncate(&self, text: &str, style: TextStyle, width: f32) -> String {
        if self.measure.width(style, text) <= width {
            return text.to_owned();
        }
        let mut short = String::new();
        for c in text.chars() {
            if self.measure.width(style, &format!("{short}{c}…")) > width {
                break;
            }
            short.push(c);
        }
        format!("{short}…")
    }

    /// `texts` in the cells of a row of `columns`, from the left margin.
    fn row<'t, T>(
        &mut self,
        texts: impl IntoIterator<Item = &'t str>,
        columns: &[Column<'_, T>],
        widths: &[f32],
        baseline: f32,
        style: TextStyle,
    ) {
        let mut x = MARGIN;
        for ((text, column), width) in texts.into_iter().zip(columns).zip(widths) {
            let text = self.truncate(text, style, width - 4.0);
            let tx = match column.align {
                Align::Left => x,
                Align::Right => x + width - 4.0 - self.measure.width(style, &text),
            };
            self.text(tx, baseline, style, text);
            x += width;
        }
    }

    /// The titles of `columns` over a rule, on the next page unless a row fits under them.
    fn table_header<T>(&mut self, columns: &[Column<'_, T>], widths: &[f32]) {
        self.ensure(ROW_HEIGHT * 2.0);
        self.y += ROW_HEIGHT;
        let titles = columns.iter().map(|column| column.title);
        self.row(
            titles,
            columns,
            widths,
            self.y - 4.0,
            TextStyle::TABLE_HEADER,
        );
        let y = self.y;
        self.line(
            vec![(MARGIN, y), (MARGIN + self.content_width(), y)],
            0.8,
            0,
            None,
        );
    }

    /// A table of `items`, a row each, whose header repeats on every page it spans, every other
    /// row shaded.
    pub fn table<T>(&mut self, columns: &[Column<'_, T>], items: &[T]) {
        let total: f32 = columns.iter().map(|c| c.share).sum();
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| c.share / total * self.content_width())
            .collect();
        self.table_header(columns, &widths);
        for (index, item) in items.iter().enumerate() {
            if self.y + ROW_HEIGHT > self.bottom() {
                self.new_page();
                self.table_header(columns, &widths);
            }
            self.y += ROW_HEIGHT;
            if index % 2 == 1 {
                let (w, y) = (self.content_width(), self.y - ROW_HEIGHT);
                self.rect(MARGIN, y, w, ROW_HEIGHT, Some(242), None);
            }
            let cells: Vec<String> = columns.iter().map(|column| (column.cell)(item)).collect();
            let cells = cells.iter().map(String::as_str);
            self.row(cells, columns, &widths, self.y - 4.5, TextStyle::TABLE_CELL);
        }
        self.y += 4.0;
    }
}
