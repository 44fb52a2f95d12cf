//! The page model: text measured with the bundled fonts' own metrics, lines broken to fit, and
//! pages of drawing operations that flow onto the next page when one is full.

use std::cell::RefCell;
use std::collections::HashMap;

use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};

use super::style::TextStyle;
use super::{BOLD, Paper, PdfError, REGULAR};

/// Page margins on every side.
pub(super) const MARGIN: f32 = 50.0;
/// Kept free above the bottom margin for the footer.
const FOOTER: f32 = 28.0;
/// The height of a table row of one line.
const ROW_HEIGHT: f32 = TextStyle::BODY.size * 1.6;
/// Kept free at the right of each table cell.
const CELL_PAD: f32 = 6.0;

/// Text widths from the font's own metrics, each character's advance looked up once.
#[derive(Clone)]
struct Measure {
    regular: skrifa::FontRef<'static>,
    bold: skrifa::FontRef<'static>,
    /// Advances in ems, by weight (bold or not) and character.
    advances: RefCell<HashMap<(bool, char), f32>>,
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
            advances: RefCell::new(HashMap::new()),
        })
    }

    /// The advance of `c` in ems, from the font the first time.
    fn advance(&self, bold: bool, c: char) -> f32 {
        if let Some(advance) = self.advances.borrow().get(&(bold, c)) {
            return *advance;
        }
        let font = if bold { &self.bold } else { &self.regular };
        let units = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        let advance = font
            .charmap()
            .map(c)
            .and_then(|glyph| {
                font.glyph_metrics(Size::unscaled(), LocationRef::default())
                    .advance_width(glyph)
            })
            .unwrap_or(units * 0.6)
            / units;
        self.advances.borrow_mut().insert((bold, c), advance);
        advance
    }

    fn width(&self, style: TextStyle, text: &str) -> f32 {
        let ems: f32 = text.chars().map(|c| self.advance(style.bold, c)).sum();
        ems * style.size
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
    /// An empty layout on the same paper, to try something out on.
    pub fn blank(&self) -> Self {
        Self {
            measure: self.measure.clone(),
            width: self.width,
            height: self.height,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    /// Points left on the last page above the footer.
    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

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
    pub fn wrap(&self, text: &str, style: TextStyle, width: f32) -> Vec<String> {
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

    /// `text` beside `label` (in `label_style`, in a column `label_width` wide), flowing onto
    /// the next page when needed, its first line kept with the label.
    pub fn labelled_paragraph(
        &mut self,
        label: &str,
        label_style: TextStyle,
        label_width: f32,
        text: &str,
        style: TextStyle,
    ) {
        let leading = style.leading().max(label_style.leading());
        let x = MARGIN + label_width;
        let lines = self.wrap(text, style, self.content_width() - label_width);
        self.ensure(leading);
        self.y += leading;
        self.text(MARGIN, self.y - style.size * 0.3, label_style, label);
        for (index, line) in lines.into_iter().enumerate() {
            if index > 0 {
                self.ensure(style.leading());
                self.y += style.leading();
            }
            self.text(x, self.y - style.size * 0.3, style, line);
        }
    }

    /// `text`, cut with "…" to fit in `width`.
    pub fn truncate(&self, text: &str, style: TextStyle, width: f32) -> String {
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

    /// The widths of `columns` for rows of `cells`: every column as wide as its widest cell
    /// and title when they fit (the room left shared by `share`); else numbers keep their width
    /// and text columns share the rest, each at least as wide as its longest word, so that text
    /// wraps instead of being cut.
    fn column_widths<T>(&self, columns: &[Column<'_, T>], cells: &[Vec<String>]) -> Vec<f32> {
        let available = self.content_width();
        let width = |style: TextStyle, text: &str| self.measure.width(style, text);
        let longest_word = |style: TextStyle, text: &str| {
            text.split([' ', '\n'])
                .map(|word| width(style, word))
                .fold(0.0, f32::max)
        };
        let widest = |index: usize, measure: &dyn Fn(&str) -> f32| {
            cells
                .iter()
                .map(|row| measure(&row[index]))
                .fold(0.0, f32::max)
        };
        let (cell, header) = (TextStyle::TABLE_CELL, TextStyle::TABLE_HEADER);
        let mut natural = Vec::with_capacity(columns.len());
        let mut least = Vec::with_capacity(columns.len());
        for (index, column) in columns.iter().enumerate() {
            let full = widest(index, &|text| width(cell, text));
            natural.push(full.max(width(header, column.title)) + CELL_PAD);
            let title_word = longest_word(header, column.title);
            least.push(match column.align {
                Align::Right => full.max(title_word) + CELL_PAD,
                Align::Left => {
                    let word = widest(index, &|text| longest_word(cell, text));
                    word.max(title_word).min(available / 3.0) + CELL_PAD
                }
            });
        }
        let share = |indices: &[usize]| -> f32 { indices.iter().map(|&i| columns[i].share).sum() };
        let all: Vec<usize> = (0..columns.len()).collect();
        let total_natural: f32 = natural.iter().sum();
        if total_natural <= available {
            let extra = (available - total_natural) / share(&all);
            return natural
                .iter()
                .zip(columns)
                .map(|(w, column)| w + extra * column.share)
                .collect();
        }
        let total_least: f32 = least.iter().sum();
        if total_least >= available {
            return least.iter().map(|w| w * available / total_least).collect();
        }
        // Share what is left among the columns that want more, none beyond its natural width.
        let mut widths = least;
        let mut left = available - total_least;
        while left > 0.01 {
            let wanting: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| widths[i] < natural[i] - 0.01)
                .collect();
            if wanting.is_empty() {
                break;
            }
            let per_share = left / share(&wanting);
            for &i in &wanting {
                let take = (per_share * columns[i].share).min(natural[i] - widths[i]);
                widths[i] += take;
                left -= take;
            }
        }
        widths
    }

    /// The lines of each cell of a row, wrapped (text) or cut (numbers, only when the table
    /// cannot be wide enough) to fit its column.
    fn cell_lines<T>(
        &self,
        texts: &[String],
        columns: &[Column<'_, T>],
        widths: &[f32],
        style: TextStyle,
    ) -> Vec<Vec<String>> {
        texts
            .iter()
            .zip(columns)
            .zip(widths)
            .map(|((text, column), width)| {
                let room = width - CELL_PAD;
                if self.measure.width(style, text) <= room {
                    vec![text.clone()]
                } else if column.align == Align::Left || text.contains(' ') {
                    self.wrap(text, style, room)
                } else {
                    vec![self.truncate(text, style, room)]
                }
            })
            .collect()
    }

    /// The height of a row whose tallest cell has `lines` lines.
    fn row_height(lines: usize, style: TextStyle) -> f32 {
        ROW_HEIGHT + lines.saturating_sub(1) as f32 * style.leading()
    }

    /// The `lines` of each cell of a row of `columns`, from the left margin, the first
    /// baseline at `baseline`.
    fn row<T>(
        &mut self,
        lines: &[Vec<String>],
        columns: &[Column<'_, T>],
        widths: &[f32],
        baseline: f32,
        style: TextStyle,
    ) {
        let mut x = MARGIN;
        for ((cell, column), width) in lines.iter().zip(columns).zip(widths) {
            for (index, line) in cell.iter().enumerate() {
                let tx = match column.align {
                    Align::Left => x,
                    Align::Right => x + width - CELL_PAD - self.measure.width(style, line),
                };
                let y = baseline + index as f32 * style.leading();
                self.text(tx, y, style, line.clone());
            }
            x += width;
        }
    }

    /// The titles of `columns` over a rule, on the next page unless a row fits under them.
    fn table_header<T>(&mut self, columns: &[Column<'_, T>], widths: &[f32]) {
        let style = TextStyle::TABLE_HEADER;
        let titles: Vec<String> = columns.iter().map(|c| c.title.to_owned()).collect();
        let lines = self.cell_lines(&titles, columns, widths, style);
        let height = Self::row_height(lines.iter().map(Vec::len).max().unwrap_or(1), style);
        self.ensure(height + ROW_HEIGHT);
        let top = self.y;
        self.y += height;
        self.row(&lines, columns, widths, top + ROW_HEIGHT - 4.0, style);
        let y = self.y;
        self.line(
            vec![(MARGIN, y), (MARGIN + self.content_width(), y)],
            0.8,
            0,
            None,
        );
    }

    /// A table of `items`, a row each, whose header repeats on every page it spans, every other
    /// row shaded. Columns are as wide as their text where the page allows; text that does not
    /// fit on one line wraps.
    pub fn table<T>(&mut self, columns: &[Column<'_, T>], items: &[T]) {
        let style = TextStyle::TABLE_CELL;
        let cells: Vec<Vec<String>> = items
            .iter()
            .map(|item| columns.iter().map(|column| (column.cell)(item)).collect())
            .collect();
        let widths = self.column_widths(columns, &cells);
        self.table_header(columns, &widths);
        for (index, texts) in cells.iter().enumerate() {
            let lines = self.cell_lines(texts, columns, &widths, style);
            let height = Self::row_height(lines.iter().map(Vec::len).max().unwrap_or(1), style);
            if self.y + height > self.bottom() {
                self.new_page();
                self.table_header(columns, &widths);
            }
            let top = self.y;
            self.y += height;
            if index % 2 == 1 {
                let w = self.content_width();
                self.rect(MARGIN, top, w, height, Some(242), None);
            }
            self.row(&lines, columns, &widths, top + ROW_HEIGHT - 4.5, style);
        }
        self.y += 4.0;
    }
}
