//! The page model: text measured with the bundled fonts' own metrics, lines broken to fit, and
//! pages of drawing operations that flow onto the next page when one is full.

use std::cell::RefCell;
use std::collections::HashMap;

use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};

use super::style::TextStyle;
use super::{BOLD, Paper, PdfError, REGULAR};

mod table;

pub(super) use table::Column;

/// Page margins on every side.
pub(super) const MARGIN: f32 = 50.0;
/// Kept free above the bottom margin for the footer.
const FOOTER: f32 = 28.0;

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
    /// The operations from here to the matching [`Op::End`] (on this page or a later one) are
    /// this part of the document's structure.
    Begin(Structure),
    /// The end of the innermost [`Op::Begin`].
    End,
}

/// What a run of drawing operations is to someone reading the document's structure (a screen
/// reader, text extraction): a heading, a paragraph, a table's row or cell, a chart read as its
/// text alternative, or page furniture. Paths outside a chart are decoration and not read.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Structure {
    /// The report's title, with its text.
    Title(String),
    /// A section's heading, with its text.
    Heading(String),
    /// A paragraph.
    Paragraph,
    /// A table of rows.
    Table,
    /// A row of cells.
    Row,
    /// A column's title.
    ColumnHeader,
    /// A row's title.
    RowHeader,
    /// A cell of data.
    Cell,
    /// A chart, read as this text instead of its drawing.
    Figure(String),
    /// Page furniture, not read: the footer.
    Footer,
    /// Drawn again for the eye, read once: a table's header repeated on a later page.
    Repeated,
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

    /// Start a part of the document's structure; [`Layout::end`] ends it.
    pub fn begin(&mut self, structure: Structure) {
        self.ops().push(Op::Begin(structure));
    }

    /// End the innermost part begun.
    pub fn end(&mut self) {
        self.ops().push(Op::End);
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
    /// long), keeping the text's own line breaks; a line broken at a space ends with it.
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
                    // The space it breaks at ends the line, unseen, so that its words and the
                    // next line's stay apart when the text is read or copied.
                    line.push(' ');
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
        self.begin(Structure::Paragraph);
        self.lines(text, style);
        self.end();
    }

    /// The report's title, set like a paragraph.
    pub fn title(&mut self, text: &str, style: TextStyle) {
        self.begin(Structure::Title(text.to_owned()));
        self.lines(text, style);
        self.end();
    }

    /// The lines of `text`, flowing onto the next page when needed.
    fn lines(&mut self, text: &str, style: TextStyle) {
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
        self.begin(Structure::Heading(text.to_owned()));
        self.lines(text, TextStyle::HEADING);
        self.end();
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
        self.begin(Structure::Paragraph);
        // A space after the label, unseen, keeps it apart from the text when read.
        self.text(
            MARGIN,
            self.y - style.size * 0.3,
            label_style,
            format!("{label} "),
        );
        for (index, line) in lines.into_iter().enumerate() {
            if index > 0 {
                self.ensure(style.leading());
                self.y += style.leading();
            }
            self.text(x, self.y - style.size * 0.3, style, line);
        }
        self.end();
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
}
