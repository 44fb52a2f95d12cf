//! Tables on the page: columns as wide as their text where the page allows, text that wraps,
//! a header that repeats on every page the table spans.

use super::{Layout, MARGIN, Structure, TextStyle};

/// The height of a table row of one line.
const ROW_HEIGHT: f32 = TextStyle::BODY.size * 1.6;
/// Kept free at the right of each table cell.
const CELL_PAD: f32 = 6.0;

/// How text aligns in a table cell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
}

/// A column of a table of `T`s: its title, its share of the width, how its cells align, and
/// what a `T` shows in it.
pub(in crate::report::pdf) struct Column<'a, T> {
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

impl Layout {
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

    /// A row of the `lines` of each cell of `columns`, from the left margin, the first
    /// baseline at `baseline`, each cell a `kind` of cell.
    fn row<T>(
        &mut self,
        lines: &[Vec<String>],
        columns: &[Column<'_, T>],
        widths: &[f32],
        baseline: f32,
        (style, kind): (TextStyle, &Structure),
    ) {
        self.begin(Structure::Row);
        let mut x = MARGIN;
        for ((cell, column), width) in lines.iter().zip(columns).zip(widths) {
            self.begin(kind.clone());
            for (index, line) in cell.iter().enumerate() {
                let tx = match column.align {
                    Align::Left => x,
                    Align::Right => {
                        x + width - CELL_PAD - self.measure.width(style, line.trim_end())
                    }
                };
                let y = baseline + index as f32 * style.leading();
                self.text(tx, y, style, line.clone());
            }
            self.end();
            x += width;
        }
        self.end();
    }

    /// The titles of `columns` over a rule, on the next page unless a row fits under them; read
    /// only the first time, not where it is `repeated` on a later page.
    fn table_header<T>(&mut self, columns: &[Column<'_, T>], widths: &[f32], repeated: bool) {
        let style = TextStyle::TABLE_HEADER;
        let titles: Vec<String> = columns.iter().map(|c| c.title.to_owned()).collect();
        let lines = self.cell_lines(&titles, columns, widths, style);
        let height = Self::row_height(lines.iter().map(Vec::len).max().unwrap_or(1), style);
        self.ensure(height + ROW_HEIGHT);
        let top = self.y;
        self.y += height;
        if repeated {
            self.begin(Structure::Repeated);
        }
        let header = (style, &Structure::ColumnHeader);
        self.row(&lines, columns, widths, top + ROW_HEIGHT - 4.0, header);
        if repeated {
            self.end();
        }
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
        self.begin(Structure::Table);
        self.table_header(columns, &widths, false);
        for (index, texts) in cells.iter().enumerate() {
            let lines = self.cell_lines(texts, columns, &widths, style);
            let height = Self::row_height(lines.iter().map(Vec::len).max().unwrap_or(1), style);
            if self.y + height > self.bottom() {
                self.new_page();
                self.table_header(columns, &widths, true);
            }
            let top = self.y;
            self.y += height;
            if index % 2 == 1 {
                let w = self.content_width();
                self.rect(MARGIN, top, w, height, Some(242), None);
            }
            let cell = (style, &Structure::Cell);
            self.row(&lines, columns, &widths, top + ROW_HEIGHT - 4.5, cell);
        }
        self.end();
        self.y += 4.0;
    }
}
