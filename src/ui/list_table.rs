//! A long list (the logged days, the sessions) that a screen reader reads as a table and a
//! keyboard moves through: a table node that counts every row, scrolled out of view or not
//! (egui draws only the rows in view), column headers, and rows of cells. The list is one Tab
//! stop; ↑/↓, Page Up/Down, Home and End move a row cursor that scrolls its row into view and
//! takes the focus along; Enter or Space opens the row, as a click does.

use egui::accesskit::Role;
use egui::{Key, Modifiers, Rect, Sense, Ui};

use super::widgets::ARROWS;

/// The room between columns, when the cells are in columns.
pub const COLUMN_GAP: f32 = 16.0;

/// One cell of a row: the text drawn (nothing when empty) and the text read under its header.
pub struct Cell {
    /// On which line of the row it is drawn (0 = the first).
    pub line: usize,
    /// What the list shows ("pain 4"); empty for nothing.
    pub shown: String,
    /// What a screen reader reads under the column's header ("4", "not logged").
    pub read: String,
}

impl Cell {
    /// A cell on `line` that shows `shown` and reads `read`.
    pub fn new(line: usize, shown: impl Into<String>, read: impl Into<String>) -> Self {
        Self {
            line,
            shown: shown.into(),
            read: read.into(),
        }
    }
}

/// One row: its cells, one per column, and whether it is the row open beside the list.
pub struct Row {
    /// One per column, in the columns' order.
    pub cells: Vec<Cell>,
    /// The row open beside the list.
    pub selected: bool,
}

/// The list's shape: its name, column headers, number of rows and lines per row.
pub struct ListTable<'a> {
    /// Keeps the cursor and the scroll of this list apart from others.
    pub id_salt: &'a str,
    /// What a screen reader calls the table.
    pub name: &'a str,
    /// The columns' headers.
    pub headers: &'a [&'a str],
    /// How many rows there are (drawn or not).
    pub rows: usize,
    /// Lines of text in a row.
    pub lines: usize,
    /// Each column's width: the cells line up in columns under headers drawn above them (a
    /// table of data); `None`, the cells follow one another on their line under headers only a
    /// screen reader reads (the list's heading says what it holds).
    pub columns: Option<&'a [f32]>,
}

/// Where the cursor is, and where the last frame left the list's scroll.
#[derive(Clone, Copy, Default)]
struct State {
    /// The row last focused.
    cursor: Option<usize>,
    /// The row the keys moved to, focused as soon as it is drawn.
    go_to: Option<usize>,
    /// The scroll offset and the height in view in the last frame.
    offset: f32,
    viewport: f32,
}

impl ListTable<'_> {
    /// Draw the rows `row` gives; returns the index of the row clicked (or opened with a key).
    pub fn show(&self, ui: &mut Ui, mut row: impl FnMut(usize) -> Row) -> Option<usize> {
        let id = ui.make_persistent_id(self.id_salt);
        let mut state: State = ui.data(|data| data.get_temp(id)).unwrap_or_default();
        let body = egui::TextStyle::Body.resolve(ui.style());
        let line_height = ui.fonts_mut(|fonts| fonts.row_height(&body));
        let row_height = line_height * self.lines as f32 + 12.0;
        let stride = row_height + ui.spacing().item_spacing.y;
        let mut clicked = None;
        ui.scope(|ui| {
            // Made before its rows, so that they are its children.
            ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                node.set_role(Role::Table);
                node.set_label(self.name);
                node.set_row_count(self.rows + 1);
                node.set_column_count(self.headers.len());
            });
            self.header_row(ui, id);
            let mut area = egui::ScrollArea::vertical()
                .id_salt(id.with("scroll"))
                .auto_shrink(false);
            if let Some(target) = state.go_to {
                let top = target as f32 * stride;
                if top < state.offset {
                    area = area.vertical_scroll_offset(top);
                } else if top + row_height > state.offset + state.viewport {
                    area = area.vertical_scroll_offset(top + row_height - state.viewport);
                }
            }
            let output = area.show_rows(ui, row_height, self.rows, |ui, range| {
                // One Tab stop: the row last focused when it is in view, else the first in view.
                let stop = state
                    .cursor
                    .filter(|cursor| range.contains(cursor))
                    .unwrap_or(range.start);
                let page = ((state.viewport / stride).floor() as usize).max(1);
                for index in range {
                    let response = self.row_ui(ui, index, &row(index), index == stop, row_height);
                    if state.go_to == Some(index) {
                        response.request_focus();
                        state.go_to = None;
                    }
                    if response.clicked() {
                        clicked = Some(index);
                        state.cursor = Some(index);
                    }
                    if response.has_focus() {
                        state.cursor = Some(index);
                        ui.memory_mut(|memory| memory.set_focus_lock_filter(response.id, ARROWS));
                        if let Some(next) = row_key(ui, index, self.rows, page) {
                            state.go_to = Some(next);
                            ui.ctx().request_repaint();
                        }
                    }
                }
            });
            state.offset = output.state.clamped_offset().y;
            state.viewport = output.inner_rect.height();
        });
        ui.data_mut(|data| data.insert_temp(id, state));
        clicked
    }

    /// The column headers: read by a screen reader and, when the cells are in columns, drawn
    /// over them (otherwise the list's heading above says what it holds to the eye and they lie
    /// over the top edge of the list).
    fn header_row(&self, ui: &mut Ui, id: egui::Id) {
        let body = egui::TextStyle::Body.resolve(ui.style());
        let height = match self.columns {
            Some(_) => ui.fonts_mut(|fonts| fonts.row_height(&body)) + 6.0,
            None => 0.0,
        };
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::hover());
        let row = ui.new_child(egui::UiBuilder::new().max_rect(rect).id_salt("headers"));
        row.ctx().accesskit_node_builder(row.unique_id(), |node| {
            node.set_role(Role::Row);
            node.set_row_index(0);
        });
        let even = rect.width() / self.headers.len().max(1) as f32;
        let color = ui.visuals().strong_text_color();
        let mut left = rect.left() + 6.0;
        for (column, header) in self.headers.iter().enumerate() {
            let width = self
                .columns
                .map_or(even, |widths| widths.get(column).copied().unwrap_or(0.0));
            let min = match self.columns {
                Some(_) => egui::pos2(left, rect.top()),
                None => rect.left_top() + egui::vec2(even * column as f32, 0.0),
            };
            let cell = Rect::from_min_size(min, egui::vec2(width, height));
            left += width;
            if self.columns.is_some() {
                let mut job = egui::text::LayoutJob::simple_singleline(
                    (*header).to_owned(),
                    body.clone(),
                    color,
                );
                job.wrap =
                    egui::text::TextWrapping::truncate_at_width((width - COLUMN_GAP).max(8.0));
                let galley = row.painter().layout_job(job);
                row.painter()
                    .galley(cell.min + egui::vec2(0.0, 2.0), galley, color);
            }
            let response = row.interact(cell, id.with(("header", column)), Sense::hover());
            row.ctx().accesskit_node_builder(response.id, |node| {
                node.set_role(Role::ColumnHeader);
                node.set_label(*header);
                node.set_row_index(0);
                node.set_column_index(column);
            });
        }
    }

    /// Draw row `index`: its lines of cells, the first in the text colour, the others weaker;
    /// a cell that does not fit ends in "…" and the row's hover text shows it whole.
    fn row_ui(
        &self,
        ui: &mut Ui,
        index: usize,
        row: &Row,
        stop: bool,
        height: f32,
    ) -> egui::Response {
        let sense = if stop { Sense::click() } else { Sense::CLICK };
        let (rect, response) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), height), sense);
        let mut lines = vec![String::new(); self.lines];
        for cell in row.cells.iter().filter(|cell| !cell.shown.is_empty()) {
            let line = &mut lines[cell.line.min(self.lines - 1)];
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(&cell.shown);
        }
        let whole = lines.join(", ");
        response.widget_info(|| {
            egui::WidgetInfo::selected(Role::Row, true, row.selected, whole.clone())
        });
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_row_index(index + 1);
            // The row open beside the list is selected, not "checked".
            node.clear_toggled();
            node.set_selected(row.selected);
        });
        let visuals = ui.style().interact_selectable(&response, row.selected);
        if row.selected || response.hovered() {
            ui.painter().rect_filled(rect, 4.0, visuals.bg_fill);
        }
        if response.has_focus() {
            let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
            let inner = rect.shrink(1.0);
            ui.painter()
                .rect_stroke(inner, 4.0, stroke, egui::StrokeKind::Inside);
        }
        let rects = paint_cells(ui, rect, (row, self.columns), &visuals);
        // The cells, children of the row.
        let cells = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .id_salt(("cells", index))
                .accessibility_parent(response.id),
        );
        for (column, (cell, cell_rect)) in row.cells.iter().zip(rects.0).enumerate() {
            let cell_response = cells.interact(cell_rect, response.id.with(column), Sense::hover());
            cells
                .ctx()
                .accesskit_node_builder(cell_response.id, |node| {
                    node.set_role(Role::Cell);
                    node.set_label(cell.read.as_str());
                    node.set_row_index(index + 1);
                    node.set_column_index(column);
                });
        }
        if rects.1 {
            response.on_hover_text(lines.join("\n"))
        } else {
            response
        }
    }
}

/// The least room a cell is drawn in (cut short with "…"); with less, it is left out.
const MIN_CELL: f32 = 8.0;

/// Paint the cells of `row` in `rect`; returns each cell's rectangle and whether any text was
/// cut short.
fn paint_cells(
    ui: &Ui,
    rect: Rect,
    (row, columns): (&Row, Option<&[f32]>),
    visuals: &egui::style::WidgetVisuals,
) -> (Vec<Rect>, bool) {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let line_height = ui.fonts_mut(|fonts| fonts.row_height(&body));
    // No clip rectangle of the row's own (it would split the list's drawing in a piece per row
    // for the renderer): every cell is cut short to end inside the row.
    let painter = ui.painter();
    let left = rect.left() + 6.0;
    let right = rect.right() - 4.0;
    let mut x = Vec::new();
    let mut rects = Vec::with_capacity(row.cells.len());
    let mut elided = false;
    for (column, cell) in row.cells.iter().enumerate() {
        let line = cell.line;
        if x.len() <= line {
            x.resize(line + 1, left);
        }
        // In columns, each cell starts at its column and is cut at the next.
        let mut right = right;
        if let Some(widths) = columns {
            let start: f32 = widths.iter().take(column).sum();
            x[line] = left + start;
            right = (x[line] + widths.get(column).copied().unwrap_or(0.0) - COLUMN_GAP).min(right);
        }
        let top = rect.top() + 6.0 + line as f32 * (line_height + 2.0);
        let color = if line == 0 {
            visuals.text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        // Cells on one line (not in columns) are parted by a dot.
        let gap = (x[line] > left && columns.is_none())
            .then(|| painter.layout_no_wrap(" · ".to_owned(), body.clone(), color));
        let gap_width = gap.as_ref().map_or(0.0, |gap| gap.size().x);
        if cell.shown.is_empty() || x[line] + gap_width + MIN_CELL >= right {
            rects.push(Rect::from_min_size(
                egui::pos2(x[line], top),
                egui::Vec2::ZERO,
            ));
            elided |= !cell.shown.is_empty();
            continue;
        }
        if let Some(gap) = gap {
            painter.galley(egui::pos2(x[line], top), gap, color);
            x[line] += gap_width;
        }
        let mut job =
            egui::text::LayoutJob::simple_singleline(cell.shown.clone(), body.clone(), color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(right - x[line]);
        let galley = painter.layout_job(job);
        elided |= galley.elided;
        let cell_rect = Rect::from_min_size(egui::pos2(x[line], top), galley.size());
        x[line] = cell_rect.right();
        if galley.elided {
            x[line] = right;
        }
        painter.galley(cell_rect.min, galley, color);
        rects.push(cell_rect.intersect(rect));
    }
    (rects, elided)
}

/// The row that ↑/↓ (one), Page Up/Down (`page`), Home or End pressed on row `index` of `rows`
/// moves to, if the key was pressed and the row is another; the key is used up.
pub fn row_key(ui: &Ui, index: usize, rows: usize, page: usize) -> Option<usize> {
    let last = rows.checked_sub(1)?;
    let next = ui.input_mut(|input| {
        let mut pressed = |key| input.consume_key(Modifiers::NONE, key);
        if pressed(Key::ArrowDown) {
            Some(index + 1)
        } else if pressed(Key::ArrowUp) {
            Some(index.saturating_sub(1))
        } else if pressed(Key::PageDown) {
            Some(index + page)
        } else if pressed(Key::PageUp) {
            Some(index.saturating_sub(page))
        } else if pressed(Key::Home) {
            Some(0)
        } else if pressed(Key::End) {
            Some(last)
        } else {
            None
        }
    })?;
    Some(next.min(last)).filter(|next| *next != index)
}
