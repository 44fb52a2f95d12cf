//! The figures of the body map: where each place is on the front and on the back, and how
//! a figure is drawn.

use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, Stroke, StrokeKind, Ui, Vec2};

use super::{Mode, places};
use crate::model::{BodyMap, Region, Spot};
use crate::report::body_figure::{FIGURE_SIZE, SILHOUETTE, is_round, place_box};
use crate::ui::widgets::severity_color;

/// A figure's box in figure units; the map scales it to the width it is given.
pub(super) const FIGURE: Vec2 = Vec2::new(FIGURE_SIZE.0, FIGURE_SIZE.1);

/// Room above a figure for its name and the sides, in points.
pub(super) const TITLE: f32 = 18.0;

/// Which figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum View {
    Front,
    Back,
}

/// The figure that carries a place's node: the chest on the front, the rest on the back.
pub(super) fn home(spot: Spot) -> View {
    if spot.region == Region::Chest {
        View::Front
    } else {
        View::Back
    }
}

/// Where a place is drawn on a figure whose box is `figure`; `None` where the view does not
/// show it (see [`place_box`]).
pub(super) fn place_rect(spot: Spot, view: View, figure: Rect) -> Option<Rect> {
    let [x0, y0, x1, y1] = place_box(spot, view == View::Front)?;
    let scale = figure.width() / FIGURE.x;
    let at = |x: f32, y: f32| figure.min + Vec2::new(x, y) * scale;
    Some(Rect::from_min_max(at(x0, y0), at(x1, y1)))
}

/// A place as drawn on `figure`: its box, a little inside, and its corners.
pub(super) fn place_shape(spot: Spot, view: View, figure: Rect) -> Option<(Rect, CornerRadius)> {
    let rect = place_rect(spot, view, figure)?.shrink(0.75);
    let scale = figure.width() / FIGURE.x;
    Some((rect, radius(rect, scale, is_round(spot.region))))
}

/// The figure's outline in the body's colour, under its places.
pub(super) fn paint_body(painter: &egui::Painter, figure: Rect, body: Color32) {
    let scale = figure.width() / FIGURE.x;
    for ([x0, y0, x1, y1], round) in SILHOUETTE {
        let rect = Rect::from_min_max(
            figure.min + Vec2::new(x0, y0) * scale,
            figure.min + Vec2::new(x1, y1) * scale,
        );
        painter.rect_filled(rect, radius(rect, scale, round), body);
    }
}

/// The colours of a figure: the body, a place's outline, a mark whose intensity is not logged.
pub(super) fn palette(ui: &Ui) -> (Color32, Stroke, Color32) {
    let visuals = ui.visuals();
    if visuals.dark_mode {
        (
            Color32::from_gray(58),
            Stroke::new(1.0, Color32::from_gray(120)),
            Color32::from_gray(105),
        )
    } else {
        (
            Color32::from_gray(226),
            Stroke::new(1.0, Color32::from_gray(150)),
            Color32::from_gray(196),
        )
    }
}

/// Draw one figure: its outline, its places (filled by intensity, the number on them, a hatch
/// where the intensity is not logged), the chosen place outlined, its name and sides above.
pub(super) fn paint_figure(
    ui: &Ui,
    view: View,
    figure: Rect,
    map: &BodyMap,
    chosen: Option<Spot>,
    hovered: Option<Spot>,
    mode: Mode,
) {
    let painter = ui.painter();
    let (body, outline, unlogged) = palette(ui);
    let dark = ui.visuals().dark_mode;
    let text_color = ui.visuals().strong_text_color();
    paint_body(painter, figure, body);
    for spot in places() {
        let Some((rect, corner)) = place_shape(spot, view, figure) else {
            continue;
        };
        match map.get(&spot) {
            Some(Some(score)) => {
                painter.rect_filled(rect, corner, severity_color(score.get(), false, dark));
                // Two sizes only: every other size would rasterize its own set of glyphs.
                let size = if rect.height() >= 16.0 { 12.0 } else { 9.0 };
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    score.to_string(),
                    FontId::proportional(size),
                    text_color,
                );
            }
            Some(None) => {
                let fill = if mode == Mode::Focus {
                    ui.visuals().selection.bg_fill
                } else {
                    unlogged
                };
                painter.rect_filled(rect, corner, fill);
                hatch(painter, rect, text_color);
            }
            None => {}
        }
        let outline = if hovered == Some(spot) {
            ui.visuals().widgets.hovered.fg_stroke
        } else {
            outline
        };
        painter.rect_stroke(rect, corner, outline, StrokeKind::Inside);
        if chosen == Some(spot) && mode == Mode::Hurt {
            painter.rect_stroke(
                rect,
                corner,
                Stroke::new(2.0, text_color),
                StrokeKind::Inside,
            );
        }
    }
    title(ui, view, figure);
}

/// The corner radius of a place: `round` ends (the head, the limbs), or a little rounded.
fn radius(rect: Rect, scale: f32, round: bool) -> CornerRadius {
    let half = rect.width().min(rect.height()) / 2.0;
    let round = if round { half } else { half.min(6.0 * scale) };
    CornerRadius::same(round.clamp(0.0, 255.0) as u8)
}

/// Diagonal lines across `rect`: a mark that reads in black and white. Each line is cut to the
/// box itself rather than by a clip rectangle, which would split the figure's drawing in two
/// more pieces for the renderer per hatched place.
fn hatch(painter: &egui::Painter, rect: Rect, color: Color32) {
    let stroke = Stroke::new(1.0, color.gamma_multiply(0.45));
    for [from, to] in hatch_lines(rect) {
        painter.line_segment([from, to], stroke);
    }
}

/// The hatch's lines in `rect`, 5 points apart, rising to the right at 45°, each cut at the
/// box's sides.
fn hatch_lines(rect: Rect) -> Vec<[Pos2; 2]> {
    let step = 5.0;
    let height = rect.height();
    let mut lines = Vec::new();
    // A line starts at (x, bottom) and rises one point for each point right: the point t along
    // it is (x + t, bottom − t), for t from 0 to the height; the part between the sides is kept.
    let mut x = rect.left() - height;
    while x < rect.right() {
        let start = (rect.left() - x).max(0.0);
        let end = (rect.right() - x).min(height);
        if start < end {
            lines.push([
                Pos2::new(x + start, rect.bottom() - start),
                Pos2::new(x + end, rect.bottom() - end),
            ]);
        }
        x += step;
    }
    lines
}

/// "Front" or "Back" above a figure, with "L" and "R" on the person's left and right.
pub(super) fn title(ui: &Ui, view: View, figure: Rect) {
    let painter = ui.painter();
    let font = FontId::proportional(13.0);
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let y = figure.top() - TITLE / 2.0;
    let (name, left_side, right_side) = match view {
        View::Front => ("Front", "R", "L"),
        View::Back => ("Back", "L", "R"),
    };
    painter.text(
        Pos2::new(figure.center().x, y),
        Align2::CENTER_CENTER,
        name,
        font.clone(),
        strong,
    );
    painter.text(
        Pos2::new(figure.left() + 4.0, y),
        Align2::LEFT_CENTER,
        left_side,
        font.clone(),
        weak,
    );
    painter.text(
        Pos2::new(figure.right() - 4.0, y),
        Align2::RIGHT_CENTER,
        right_side,
        font,
        weak,
    );
}

#[cfg(test)]
mod tests {
    use egui::{Pos2, Rect};

    #[test]
    fn the_hatch_stays_inside_its_box_and_covers_it() {
        let rect = Rect::from_min_max(Pos2::new(10.0, 20.0), Pos2::new(40.0, 32.0));
        let lines = super::hatch_lines(rect);
        // 5 points apart over a width of 30 and a height of 12: lines start from x = −2 to 37.
        assert_eq!(lines.len(), 8);
        for [from, to] in &lines {
            for point in [from, to] {
                assert!(rect.expand(1e-4).contains(*point), "{point:?} in {rect:?}");
            }
            // Still at 45°, rising to the right.
            assert!((to.x - from.x - (from.y - to.y)).abs() < 1e-4);
            assert!(to.x > from.x);
        }
        // The first line is cut by the left side, one in the middle runs from the bottom to the
        // top, the last is cut by the right side.
        assert_eq!(lines[0][0].x, rect.left());
        assert!(
            lines
                .iter()
                .any(|[from, to]| from.y == rect.bottom() && to.y == rect.top())
        );
        assert_eq!(lines[7][1].x, rect.right());
    }
}
