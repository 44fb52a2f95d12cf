//! The body map as a heat map of a stretch of days: each place filled by the share of logged
//! days it hurt, on a sequential colour scale that reads for colour-blind eyes and in grey (light
//! to dark), with the share written on it; the mean intensity on hover, and every place in words
//! for a screen reader.

use egui::accesskit::Role;
use egui::{Align2, Color32, FontId, Rect, Sense, StrokeKind, Ui, Vec2};

use super::figure::{View, paint_body, palette, place_rect, place_shape, title};
use super::{MAX_HEIGHT, allocate_figures, figure_boxes, places};
use crate::analysis::body_heat::{BodyHeat, heat_step};
use crate::ui::widgets::{HEAT_COLORS, ink_on};

/// The tallest the heat map's figures are drawn, in points: larger than the map one marks, as
/// it is read, not clicked.
const HEAT_HEIGHT: f32 = 1.5 * MAX_HEIGHT;

/// The colour of a share (0 to 1) of days.
fn heat_color(share: f64) -> Color32 {
    HEAT_COLORS[heat_step(share)]
}

/// The heat map of `heat`, named `name` ("Where it hurt, 3 Sep to 1 Dec 2026"), as wide as
/// fits (at most `MAX_HEIGHT` tall), with its key under it.
pub fn heat_map_ui(ui: &mut Ui, name: &str, heat: &BodyHeat) {
    let (rect, response) = allocate_figures(ui, 0.4, HEAT_HEIGHT);
    let lines = heat.lines();
    let description = if lines.is_empty() {
        format!("Nothing hurt on the {} days logged.", heat.logged)
    } else {
        lines.join("; ")
    };
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Image);
        node.set_label(name);
        node.set_description(description);
    });
    let mut hovered = None;
    for (view, figure) in figure_boxes(rect) {
        paint_heat(ui, view, figure, heat);
        if let Some(pointer) = response.hover_pos() {
            hovered = hovered.or_else(|| {
                places().into_iter().find(|spot| {
                    place_rect(*spot, view, figure).is_some_and(|r| r.contains(pointer))
                })
            });
        }
    }
    if let Some(spot) = hovered {
        let words = match heat.places.get(&spot) {
            Some(place) => {
                let strength = place
                    .mean_intensity
                    .map(|mean| format!("; mean intensity {mean:.1}"))
                    .unwrap_or_default();
                format!(
                    "{}: hurt on {} of {} days logged{strength}",
                    spot.label(),
                    place.days,
                    heat.logged
                )
            }
            None => format!("{}: did not hurt", spot.label()),
        };
        response.on_hover_text_at_pointer(words);
    }
    key_ui(ui);
}

/// One figure, each place filled by its share of days with the share (in %) on it.
fn paint_heat(ui: &Ui, view: View, figure: Rect, heat: &BodyHeat) {
    let painter = ui.painter();
    let (body, outline, _) = palette(ui);
    paint_body(painter, figure, body);
    for spot in places() {
        let Some((rect, corner)) = place_shape(spot, view, figure) else {
            continue;
        };
        if heat.places.contains_key(&spot) {
            let share = heat.share(spot);
            let fill = heat_color(share);
            painter.rect_filled(rect, corner, fill);
            // Two sizes only: every other size would rasterize its own set of glyphs.
            let size = if rect.height() >= 16.0 { 11.0 } else { 8.0 };
            if rect.width() >= size * 1.6 {
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    format!("{:.0}", share * 100.0),
                    FontId::proportional(size),
                    ink_on(fill),
                );
            }
        }
        painter.rect_stroke(rect, corner, outline, StrokeKind::Inside);
    }
    title(ui, view, figure);
}

/// The colour scale, 0% to 100% of the days logged, and what the numbers are.
fn key_ui(ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        ui.label("0%");
        let (rect, _) = ui.allocate_exact_size(Vec2::new(120.0, 12.0), Sense::hover());
        let step = rect.width() / HEAT_COLORS.len() as f32;
        for (index, color) in HEAT_COLORS.iter().enumerate() {
            let cell = Rect::from_min_size(
                rect.min + Vec2::new(step * index as f32, 0.0),
                Vec2::new(step, rect.height()),
            );
            ui.painter().rect_filled(cell, 0.0, *color);
        }
        ui.label("100% of the days logged; the number on a place is its %.");
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_runs_light_to_dark_so_it_reads_in_grey_too() {
        let luma = |c: Color32| {
            0.299 * f32::from(c.r()) + 0.587 * f32::from(c.g()) + 0.114 * f32::from(c.b())
        };
        for pair in HEAT_COLORS.windows(2) {
            assert!(luma(pair[0]) > luma(pair[1]));
        }
        assert_eq!(heat_color(0.0), HEAT_COLORS[0]);
        assert_eq!(heat_color(1.0), HEAT_COLORS[5]);
    }
}
