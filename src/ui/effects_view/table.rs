//! The Effects view's table of each session's before, after and change (in words, one sign
//! convention), with pain right after and whether pain fell meaningfully, whatever the metric.

use egui::accesskit::Role;
use egui::{Color32, RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::{EffectsView, SortKey, labels};
use crate::analysis::{Direction, Effects, WindowStat, direction};
use crate::model::Metric;
use crate::report::{text, wording};
use crate::ui::widgets::{self, ARROWS};

impl EffectsView {
    /// The sessions table's body: every row when they fit in half the page, else as many whole
    /// rows as fit in it (the rest scroll inside the table). Half, so that above or below the
    /// table there is always page for the wheel to scroll (the wheel over the table scrolls the
    /// table until its end).
    pub(super) fn table_height(&self, ui: &egui::Ui, page_height: f32) -> f32 {
        let row_height = row_height(ui);
        // The header takes two lines.
        let room = (page_height * 0.5 - 2.0 * row_height).max(3.0 * row_height);
        let fit = (room / row_height).floor().max(1.0);
        (self.order.len() as f32).min(fit) * row_height
    }

    pub(super) fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        effects: &Effects,
        metric: Metric,
        height: f32,
    ) {
        let row_height = row_height(ui);
        let rows = self.order.len();
        let scrolls = rows as f32 * row_height > height + 1.0;
        // Kind and therapist get room for whole names when the window has it.
        let name_width = (ui.available_width() * 0.12).clamp(92.0, 170.0);
        let mut clicked = None;
        // The strip under the page's scroll bar stays page: the wheel there scrolls the page
        // wherever the table is.
        let scroll = &ui.spacing().scroll;
        let width = ui.available_width() - scroll.bar_width - scroll.bar_inner_margin;
        let mut drawn: Option<std::ops::Range<usize>> = None;
        ui.scope(|ui| {
            // Made before its rows, so that they are its children.
            let table_id = ui.unique_id();
            ui.ctx().accesskit_node_builder(table_id, |node| {
                node.set_role(Role::Table);
                node.set_label(labels::SESSIONS_TABLE);
                node.set_row_count(rows + 1);
                node.set_column_count(COLUMNS);
            });
            // Too wide for the window: the table scrolls sideways on its own, the page does not.
            let output = egui::ScrollArea::horizontal()
                .id_salt("effects_table_sideways")
                .max_width(width)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    let stride = row_height + ui.spacing().item_spacing.y;
                    let mut table = TableBuilder::new(ui);
                    if let Some(offset) = self.cursor.scroll_offset(stride, height) {
                        table = table.vertical_scroll_offset(offset);
                    }
                    table
                        .id_salt("effects_table")
                        .striped(true)
                        .vscroll(scrolls)
                        .max_scroll_height(height)
                        .min_scrolled_height(height)
                        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                        .column(Column::auto().at_least(84.0))
                        // Not resizable: a drag handle is a Tab stop the keyboard cannot use.
                        // A name too long ends in "…" and shows whole on hover (and to a
                        // screen reader, in its cell).
                        .column(Column::exact(name_width).clip(true))
                        .column(Column::exact(name_width).clip(true))
                        .column(Column::auto().at_least(76.0))
                        .column(Column::auto().at_least(76.0))
                        .column(Column::auto().at_least(66.0))
                        .column(Column::auto().at_least(60.0))
                        .column(Column::auto().at_least(60.0))
                        .column(Column::remainder().at_least(104.0))
                        .header(2.0 * row_height, |mut header| {
                            let mut cells = Cells::new(table_id, 0, width);
                            self.header_row(&mut header, &mut cells, effects.settings.window());
                        })
                        .body(|body| {
                            body.rows(row_height, rows, |mut row| {
                                let index = row.index();
                                drawn = Some(
                                    drawn
                                        .take()
                                        .map_or(index..index + 1, |d| d.start..index + 1),
                                );
                                let mut cells = Cells::new(table_id, index + 1, width);
                                let effect = &effects.sessions[self.order[index]];
                                if self.body_row(&mut row, &mut cells, effects, metric) {
                                    clicked = Some(effect.session_id);
                                }
                            });
                        });
                });
            if self.cursor.go_to.is_some() {
                // The keys moved to a row the page may hide: the page shows the whole table
                // (it is at most half the page high).
                ui.scroll_to_rect(output.inner_rect, None);
            }
        });
        self.cursor.drawn = drawn;
        if let Some(id) = clicked {
            self.selected = (self.selected != Some(id)).then_some(id);
        }
    }

    /// The column headers: sort buttons and headings with what they mean on hover.
    fn header_row(
        &mut self,
        header: &mut egui_extras::TableRow<'_, '_>,
        cells: &mut Cells,
        window: u8,
    ) {
        for (key, label) in [
            (SortKey::Date, labels::SORT_DATE),
            (SortKey::Kind, labels::SORT_KIND),
        ] {
            header.col(|ui| {
                cells.wrapped(ui, Role::ColumnHeader, label, &mut |ui| {
                    self.header_button(ui, key, label);
                });
            });
        }
        let mut heading_col =
            |header: &mut egui_extras::TableRow<'_, '_>, text: &str, hover: Option<String>| {
                header.col(|ui| {
                    cells.single(ui, Role::ColumnHeader, text, &mut |ui| {
                        heading(ui, text, hover.clone())
                    });
                });
            };
        heading_col(header, "Therapist", None);
        heading_col(
            header,
            "Before (days logged)",
            Some(format!(
                "Mean over the {window} days before the session, and how many of them are logged"
            )),
        );
        heading_col(
            header,
            "After (days logged)",
            Some(format!(
                "Mean over the {window} days after the session, and how many of them are logged"
            )),
        );
        header.col(|ui| {
            cells.wrapped(ui, Role::ColumnHeader, labels::SORT_CHANGE, &mut |ui| {
                self.header_button(ui, SortKey::Change, labels::SORT_CHANGE);
            });
        });
        let mut heading_col =
            |header: &mut egui_extras::TableRow<'_, '_>, text: &str, hover: &str| {
                header.col(|ui| {
                    cells.single(ui, Role::ColumnHeader, text, &mut |ui| {
                        heading(ui, text, Some(hover.to_owned()))
                    });
                });
            };
        heading_col(
            header,
            labels::BETTER_OR_WORSE,
            "A change of half a point or more counts as better or worse; less is about the same",
        );
        heading_col(
            header,
            labels::PAIN_RIGHT_AFTER,
            "Pain right after the session against right before it, as rated at the session",
        );
        heading_col(
            header,
            labels::MEANINGFUL,
            "Pain at least 2 points or 30% lower after the session than before it: yes, no, or not enough data",
        );
    }

    /// One session's row; `true` when it was clicked (or its date pressed with a key).
    fn body_row(
        &mut self,
        row: &mut egui_extras::TableRow<'_, '_>,
        cells: &mut Cells,
        effects: &Effects,
        metric: Metric,
    ) -> bool {
        let index = row.index();
        let rows = self.order.len();
        let window = effects.settings.window();
        let effect = &effects.sessions[self.order[index]];
        let selected = self.selected == Some(effect.session_id);
        row.set_selected(selected);
        let value = &effect.metrics[metric];
        let mut clicked = false;
        let date = effect.date().format("%Y-%m-%d").to_string();
        row.col(|ui| {
            cells.wrapped(ui, Role::Cell, &date, &mut |ui| {
                clicked |= self
                    .cursor
                    .date_button(ui, index, rows, selected, &date)
                    .clicked();
            });
        });
        match effect.other_care_words() {
            None => row.col(|ui| cells.text(ui, effect.kind.label())),
            Some(care) => {
                let left_out = if effect.counted {
                    ""
                } else {
                    ", left out of the summaries"
                };
                let read = format!("{} (also: {care}{left_out})", effect.kind.label());
                let shown = format!("{} {}", effect.kind.label(), widgets::OTHER_CARE_MARK);
                row.col(|ui| {
                    cells.single(ui, Role::Cell, &read, &mut |ui| {
                        ui.add(egui::Label::new(&shown).truncate())
                            .on_hover_text(format!("Also in these days: {care}{left_out}"))
                    });
                })
            }
        };
        row.col(|ui| cells.text(ui, effect.therapist.as_deref().unwrap_or("–")));
        for stat in [value.before, value.after] {
            row.col(|ui| {
                let read = window_words(stat, window);
                cells.wrapped(ui, Role::Cell, &read, &mut |ui| {
                    window_cell(ui, stat, window);
                });
            });
        }
        // The difference of the two means as shown beside it ("5.6" and "5.1": "0.5 lower"),
        // judged as shown.
        let change = text::shown_change(value.before.mean, value.after.mean);
        let read = change.map_or(labels::NOT_ENOUGH.to_owned(), |c| wording::change(Some(c)));
        row.col(|ui| {
            cells.single(ui, Role::Cell, &read, &mut |ui| {
                change_cell(ui, metric, change)
            });
        });
        row.col(|ui| cells.text(ui, better_or_worse(metric, change)));
        // Pain right before − right after: "2 lower", as the change reads.
        row.col(|ui| cells.text(ui, &text::relief(effect.immediate_relief)));
        row.col(|ui| cells.text(ui, wording::meaningful(&effect.metrics[Metric::Pain])));
        clicked || row.response().clicked()
    }
}

/// The sessions table's columns.
const COLUMNS: usize = 9;

/// Cells of one row of the sessions table as a screen reader reads them: each drawn in a Ui of
/// its own that is a child of the row's node (egui_extras' cells are children of the table's
/// body, with no row between).
struct Cells {
    table: egui::Id,
    row_index: usize,
    width: f32,
    row: Option<egui::Id>,
    column: usize,
}

impl Cells {
    fn new(table: egui::Id, row_index: usize, width: f32) -> Self {
        Self {
            table,
            row_index,
            width,
            row: None,
            column: 0,
        }
    }

    /// The row's node, made with its first cell and spanning the table's width.
    fn row(&mut self, ui: &mut egui::Ui) -> egui::Id {
        let rect = ui.max_rect();
        *self.row.get_or_insert_with(|| {
            let mut row = ui.new_child(
                egui::UiBuilder::new()
                    .id_salt(("row", self.row_index))
                    .max_rect(rect)
                    .accessibility_parent(self.table),
            );
            row.expand_to_include_rect(egui::Rect::from_min_size(
                rect.min,
                egui::vec2(self.width, rect.height()),
            ));
            let id = row.unique_id();
            let row_index = self.row_index;
            let bounds = bounds(&row, row.min_rect().intersect(row.clip_rect()));
            row.ctx().accesskit_node_builder(id, |node| {
                node.set_role(Role::Row);
                node.set_row_index(row_index);
                node.set_bounds(bounds);
            });
            id
        })
    }

    /// A Ui for the next cell, a child of the row's node.
    fn cell_ui(&mut self, ui: &mut egui::Ui) -> egui::Ui {
        let row = self.row(ui);
        ui.new_child(
            egui::UiBuilder::new()
                .id_salt(("cell", self.column))
                .max_rect(ui.max_rect())
                .layout(*ui.layout())
                .accessibility_parent(row),
        )
    }

    fn set(&self, ui: &egui::Ui, id: egui::Id, role: Role, read: Option<&str>) {
        let (row_index, column) = (self.row_index, self.column);
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(role);
            if let Some(read) = read {
                node.set_label(read);
            }
            node.set_row_index(row_index);
            node.set_column_index(column);
        });
    }

    /// A cell read as `read` (with `role`) around the widgets `add` draws.
    fn wrapped(
        &mut self,
        ui: &mut egui::Ui,
        role: Role,
        read: &str,
        add: &mut dyn FnMut(&mut egui::Ui),
    ) {
        let mut cell = self.cell_ui(ui);
        self.set(&cell, cell.unique_id(), role, Some(read));
        add(&mut cell);
        // A Ui's node has no bounds of its own: those of what it holds, as far as it is seen.
        let seen = bounds(&cell, cell.min_rect().intersect(cell.clip_rect()));
        cell.ctx()
            .accesskit_node_builder(cell.unique_id(), |node| node.set_bounds(seen));
        ui.advance_cursor_after_rect(cell.min_rect());
        self.column += 1;
    }

    /// A cell that is the one widget `add` draws (a label: read as its text).
    fn single(
        &mut self,
        ui: &mut egui::Ui,
        role: Role,
        read: &str,
        add: &mut dyn FnMut(&mut egui::Ui) -> egui::Response,
    ) {
        let mut cell = self.cell_ui(ui);
        let response = add(&mut cell);
        self.set(&cell, response.id, role, Some(read));
        ui.advance_cursor_after_rect(cell.min_rect());
        self.column += 1;
    }

    /// A cell of plain text.
    fn text(&mut self, ui: &mut egui::Ui, text: &str) {
        self.single(ui, Role::Cell, text, &mut |ui| {
            ui.add(egui::Label::new(text).truncate())
        });
    }
}

/// `rect` in the screen's pixels, as AccessKit takes bounds.
fn bounds(ui: &egui::Ui, rect: egui::Rect) -> egui::accesskit::Rect {
    let ppp = f64::from(ui.ctx().pixels_per_point());
    egui::accesskit::Rect {
        x0: f64::from(rect.min.x) * ppp,
        y0: f64::from(rect.min.y) * ppp,
        x1: f64::from(rect.max.x) * ppp,
        y1: f64::from(rect.max.y) * ppp,
    }
}

/// The sessions table's keyboard cursor: the table is one Tab stop (the date of the row last
/// focused, or of the first row in view); ↑/↓, Page Up/Down, Home and End move it, scrolling its
/// row into view; Space or Enter marks the session on the chart, as a click does.
#[derive(Default)]
pub(super) struct Cursor {
    /// The row last focused.
    at: Option<usize>,
    /// The row the keys moved to, focused as soon as it is drawn.
    go_to: Option<usize>,
    /// The row to scroll into view in the next frame.
    scroll_to: Option<usize>,
    /// The rows drawn in the last frame.
    drawn: Option<std::ops::Range<usize>>,
}

impl Cursor {
    /// Where the table scrolls to bring the row the keys moved to into view (at the top when
    /// going up, at the bottom when going down), if it is not in whole view already. Set at
    /// once: the table's own animated scroll to a row stops short when the page scrolls too.
    fn scroll_offset(&mut self, stride: f32, height: f32) -> Option<f32> {
        let target = self.scroll_to.take()?;
        let drawn = self.drawn.clone().unwrap_or(0..0);
        // Rows drawn at the edges may be cut; those between are whole.
        let first_whole = if drawn.start == 0 { 0 } else { drawn.start + 1 };
        let last_whole = (first_whole + (height / stride).floor() as usize).saturating_sub(2);
        if target < first_whole {
            Some(target as f32 * stride)
        } else if target > last_whole {
            Some(((target + 1) as f32 * stride - height).max(0.0))
        } else {
            None
        }
    }

    /// The date of row `index` as a button that marks the session.
    fn date_button(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        rows: usize,
        selected: bool,
        date: &str,
    ) -> egui::Response {
        let drawn = self.drawn.clone().unwrap_or(0..1);
        let stop = self
            .at
            .filter(|at| drawn.contains(at))
            .unwrap_or(drawn.start)
            == index;
        let response = ui
            .add(egui::Button::selectable(selected, date).sense(if stop {
                Sense::click()
            } else {
                Sense::CLICK
            }))
            .on_hover_text("Mark this session on the chart of changes")
            .accessible_name(format!("Mark {date} on the chart of changes"));
        // A toggle button: pressed while its session is marked.
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_toggled(if selected {
                egui::accesskit::Toggled::True
            } else {
                egui::accesskit::Toggled::False
            });
        });
        if self.go_to == Some(index) {
            response.request_focus();
            self.go_to = None;
        }
        if response.has_focus() {
            self.at = Some(index);
            ui.memory_mut(|memory| memory.set_focus_lock_filter(response.id, ARROWS));
            let page = drawn.len().saturating_sub(1).max(1);
            if let Some(next) = crate::ui::list_table::row_key(ui, index, rows, page) {
                self.go_to = Some(next);
                self.scroll_to = Some(next);
                ui.ctx().request_repaint();
            }
        }
        if response.clicked() {
            self.at = Some(index);
        }
        response
    }
}

/// "5.7 (6 days)" or "not enough data (2 of 7 days logged)", as a screen reader reads a window.
fn window_words(stat: WindowStat, window: u8) -> String {
    match stat.mean {
        Some(mean) => format!("{mean:.1} ({})", plural(stat.days, "day")),
        None => format!(
            "{} ({} of {window} days logged)",
            labels::NOT_ENOUGH,
            stat.days
        ),
    }
}

/// One line of body text and the gap between table rows.
fn row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + 6.0
}

/// A column's heading, wrapped onto a second line when the column is narrow.
fn heading(ui: &mut egui::Ui, text: &str, hover: Option<String>) -> egui::Response {
    let response = ui.add(egui::Label::new(RichText::new(text).strong()).wrap());
    match hover {
        Some(hover) => response.on_hover_text(hover),
        None => response,
    }
}

/// "5.7 (6 days)": the mean and how many of the window's days are logged.
fn window_cell(ui: &mut egui::Ui, stat: WindowStat, window: u8) {
    match stat.mean {
        Some(mean) => {
            // Two labels, so that the mean is found (and read) on its own.
            ui.label(format!("{mean:.1}"));
            ui.label(format!("({})", plural(stat.days, "day")));
        }
        None => {
            ui.label(RichText::new(labels::NOT_ENOUGH).italics())
                .on_hover_text(format!(
                    "Only {} of the {window} days logged: fewer than the logged days needed (set above)",
                    stat.days
                ));
        }
    }
}

/// "better", "worse" or "about the same" for the metric (half a point or more counts).
fn better_or_worse(metric: Metric, change: Option<f64>) -> &'static str {
    match change.map(|change| direction(metric, change)) {
        Some(Direction::Improved) => "better",
        Some(Direction::Worse) => "worse",
        Some(Direction::Unchanged) => "about the same",
        None => "–",
    }
}

fn change_color(ui: &egui::Ui, metric: Metric, change: f64) -> Color32 {
    let dark = ui.visuals().dark_mode;
    match direction(metric, change) {
        Direction::Improved => {
            if dark {
                Color32::from_rgb(120, 210, 130)
            } else {
                Color32::from_rgb(20, 120, 40)
            }
        }
        Direction::Worse => {
            if dark {
                Color32::from_rgb(255, 130, 120)
            } else {
                Color32::from_rgb(180, 40, 30)
            }
        }
        Direction::Unchanged => ui.visuals().text_color(),
    }
}

fn change_cell(ui: &mut egui::Ui, metric: Metric, change: Option<f64>) -> egui::Response {
    match change {
        Some(change) => ui.label(
            RichText::new(wording::change(Some(change)))
                .color(change_color(ui, metric, change))
                .strong(),
        ),
        None => ui.label(RichText::new(labels::NOT_ENOUGH).italics()),
    }
}

/// "1 day", "6 days".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
