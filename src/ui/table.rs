//! A table of text that a screen reader reads as a table: a table node with rows, column headers
//! and cells (egui's `Grid` gives only loose labels, so "5.7 (7 d), 5.3 (3 d), 0.4 lower" would be
//! heard without knowing which column is which). Columns are as wide as their widest text; rows
//! are striped as a `Grid`'s are.

use egui::accesskit::Role;

/// The room between columns.
const COLUMN_GAP: f32 = 18.0;

/// Draw `rows` under `headers` as a table named `name`.
pub fn text_table(ui: &mut egui::Ui, name: &str, headers: &[&str], rows: &[Vec<String>]) {
    let columns = headers.len();
    let body = egui::TextStyle::Body.resolve(ui.style());
    // A cell's size as it will be drawn (a heading may hold a line break).
    let size_of = |ui: &egui::Ui, text: &str| {
        ui.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(text.to_owned(), body.clone(), egui::Color32::WHITE)
                .size()
        })
    };
    let header: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
    let mut widths = vec![0.0_f32; columns];
    let mut heights = Vec::with_capacity(rows.len() + 1);
    for (index, cells) in std::iter::once(&header).chain(rows).enumerate() {
        let mut height: f32 = 0.0;
        for (column, cell) in cells.iter().enumerate().take(columns) {
            let size = size_of(ui, cell);
            // Headings are bold: a little wider.
            let extra = if index == 0 { 2.0 + size.x * 0.06 } else { 0.0 };
            widths[column] = widths[column].max(size.x + extra);
            height = height.max(size.y);
        }
        heights.push(height + 4.0);
    }
    let stripe = ui.visuals().faint_bg_color;
    ui.scope(|ui| {
        // Made before its rows, so that they are its children.
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(Role::Table);
            node.set_label(name);
            node.set_row_count(rows.len() + 1);
            node.set_column_count(columns);
        });
        ui.spacing_mut().item_spacing.y = 0.0;
        for (index, cells) in std::iter::once(&header).chain(rows).enumerate() {
            let height = heights[index];
            let background = ui.painter().add(egui::Shape::Noop);
            let row = ui.horizontal(|ui| {
                ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                    node.set_role(Role::Row);
                    node.set_row_index(index);
                });
                ui.spacing_mut().item_spacing.x = COLUMN_GAP;
                for (column, cell) in cells.iter().enumerate().take(columns) {
                    let size = egui::vec2(widths[column], height);
                    let layout = egui::Layout::left_to_right(egui::Align::Center);
                    let label = ui
                        .allocate_ui_with_layout(size, layout, |ui| {
                            ui.set_min_size(size);
                            let text = egui::RichText::new(cell);
                            if index == 0 {
                                ui.label(text.strong())
                            } else {
                                ui.label(text)
                            }
                        })
                        .inner;
                    ui.ctx().accesskit_node_builder(label.id, |node| {
                        node.set_role(if index == 0 {
                            Role::ColumnHeader
                        } else {
                            Role::Cell
                        });
                        node.set_label(cell.as_str());
                        node.set_row_index(index);
                        node.set_column_index(column);
                    });
                }
            });
            if index % 2 == 1 {
                let rect = row.response.rect.expand2(egui::vec2(4.0, 0.0));
                ui.painter()
                    .set(background, egui::Shape::rect_filled(rect, 2.0, stripe));
            }
        }
    });
}
