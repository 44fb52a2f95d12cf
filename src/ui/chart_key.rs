//! Chart keys drawn beside the plots (never over their data): each entry a small sample drawn
//! exactly as on the chart (line style, band, marker shape, colour) and its name, one item for
//! a screen reader. Also the styles that let series be told apart without colour.

use egui::{Color32, Pos2, Shape, Stroke, Vec2};
use egui_plot::{LineStyle, MarkerShape};

use crate::model::KindChoice;

/// A sample painted between two points on the entry's middle line.
pub trait Sample: FnOnce(&egui::Painter, Pos2, Pos2) {}
impl<F: FnOnce(&egui::Painter, Pos2, Pos2)> Sample for F {}

/// One entry: a drawn sample then its name, as one item so that the two wrap together.
pub fn entry(ui: &mut egui::Ui, name: &str, paint: impl Sample) {
    let sample = Vec2::new(30.0, 16.0);
    let galley = egui::WidgetText::from(name).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let size = Vec2::new(
        sample.x + 4.0 + galley.size().x + 10.0,
        sample.y.max(galley.size().y),
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
    if ui.is_rect_visible(rect) {
        let middle = rect.center().y;
        let from = Pos2::new(rect.left() + 2.0, middle);
        let to = Pos2::new(rect.left() + sample.x - 2.0, middle);
        paint(ui.painter(), from, to);
        let text_at = Pos2::new(rect.left() + sample.x + 4.0, middle - galley.size().y / 2.0);
        ui.painter()
            .galley(text_at, galley, ui.visuals().text_color());
    }
}

/// A short stretch of line in the style the chart draws it (egui_plot's own dash proportions).
pub fn line(style: LineStyle, color: Color32, width: f32) -> impl Sample {
    move |painter: &egui::Painter, from: Pos2, to: Pos2| match style {
        LineStyle::Solid => {
            painter.line_segment([from, to], Stroke::new(width, color));
        }
        LineStyle::Dashed { length } => {
            painter.extend(Shape::dashed_line(
                &[from, to],
                Stroke::new(width, color),
                length,
                length * (std::f32::consts::GOLDEN_RATIO - 1.0),
            ));
        }
        LineStyle::Dotted { spacing } => {
            painter.extend(Shape::dotted_line(&[from, to], color, spacing, width));
        }
    }
}

/// A solid line with the series' marker in its middle, as the chart draws a mean.
pub fn line_with_marker(color: Color32, width: f32, shape: MarkerShape) -> impl Sample {
    move |painter: &egui::Painter, from: Pos2, to: Pos2| {
        painter.line_segment([from, to], Stroke::new(width, color));
        marker(shape, color, MARKER_RADIUS + 0.5)(painter, from, to);
    }
}

/// The radius of the markers along a line.
pub const MARKER_RADIUS: f32 = 4.0;

/// A band (a shaded area).
pub fn band(fill: Color32) -> impl Sample {
    move |painter: &egui::Painter, from: Pos2, to: Pos2| {
        let rect = egui::Rect::from_two_pos(from - Vec2::Y * 6.0, to + Vec2::Y * 6.0);
        painter.rect_filled(rect, 0.0, fill);
    }
}

/// One sample drawn over another (a line over its band).
pub fn layered(under: impl Sample, over: impl Sample) -> impl Sample {
    move |painter: &egui::Painter, from: Pos2, to: Pos2| {
        under(painter, from, to);
        over(painter, from, to);
    }
}

/// A vertical line (a marked day), solid as the charts draw it, with a letter beside it if
/// given.
pub fn vertical(color: Color32, letter: Option<&'static str>, font: egui::FontId) -> impl Sample {
    move |painter: &egui::Painter, from: Pos2, _to: Pos2| {
        let x = from.x + 8.0;
        painter.line_segment(
            [Pos2::new(x, from.y - 7.0), Pos2::new(x, from.y + 7.0)],
            Stroke::new(1.6, color),
        );
        if let Some(letter) = letter {
            painter.text(
                Pos2::new(x + 5.0, from.y),
                egui::Align2::LEFT_CENTER,
                letter,
                font,
                color,
            );
        }
    }
}

/// A point marker of the shape and colour the chart draws.
pub fn marker(shape: MarkerShape, color: Color32, radius: f32) -> impl Sample {
    move |painter: &egui::Painter, from: Pos2, to: Pos2| {
        let c = Pos2::new((from.x + to.x) / 2.0, from.y);
        let r = radius;
        let polygon = |points: Vec<Pos2>| Shape::convex_polygon(points, color, Stroke::NONE);
        let shape = match shape {
            MarkerShape::Circle => Shape::circle_filled(c, r, color),
            MarkerShape::Square => Shape::rect_filled(
                egui::Rect::from_center_size(c, Vec2::splat(r * 2.0 / std::f32::consts::SQRT_2)),
                0.0,
                color,
            ),
            MarkerShape::Diamond => polygon(vec![
                c + Vec2::new(0.0, -r),
                c + Vec2::new(r, 0.0),
                c + Vec2::new(0.0, r),
                c + Vec2::new(-r, 0.0),
            ]),
            MarkerShape::Up => polygon(vec![
                c + Vec2::new(0.0, -r),
                c + Vec2::new(r * 0.87, r * 0.5),
                c + Vec2::new(-r * 0.87, r * 0.5),
            ]),
            MarkerShape::Down => polygon(vec![
                c + Vec2::new(-r * 0.87, -r * 0.5),
                c + Vec2::new(r * 0.87, -r * 0.5),
                c + Vec2::new(0.0, r),
            ]),
            MarkerShape::Left
            | MarkerShape::Right
            | MarkerShape::Cross
            | MarkerShape::Plus
            | MarkerShape::Asterisk => {
                let d = r * 0.75;
                Shape::Vec(vec![
                    Shape::line_segment([c + Vec2::new(-d, -d), c + Vec2::new(d, d)], (1.5, color)),
                    Shape::line_segment([c + Vec2::new(-d, d), c + Vec2::new(d, -d)], (1.5, color)),
                ])
            }
        };
        painter.add(shape);
    }
}

/// A different marker per kind, so that points read without colour.
pub fn kind_marker(kind: KindChoice) -> MarkerShape {
    match kind {
        KindChoice::Swedish => MarkerShape::Circle,
        KindChoice::DeepTissue => MarkerShape::Diamond,
        KindChoice::TriggerPoint => MarkerShape::Square,
        KindChoice::Sports => MarkerShape::Up,
        KindChoice::Shiatsu => MarkerShape::Down,
        KindChoice::Other => MarkerShape::Cross,
    }
}

/// A different marker per metric, set along its line every so often, so that the lines read
/// without colour. (Markers rather than dashes or dots: a software renderer draws a dashed line
/// of a few years as thousands of pieces, and frames slowed from 26 to 100 ms.)
pub fn metric_marker(metric: crate::model::Metric) -> MarkerShape {
    use crate::model::Metric;
    match metric {
        Metric::Pain => MarkerShape::Circle,
        Metric::WorstPain => MarkerShape::Diamond,
        Metric::Stiffness => MarkerShape::Square,
        Metric::Sleep => MarkerShape::Up,
        Metric::Stress => MarkerShape::Down,
        Metric::Mobility => MarkerShape::Right,
        Metric::Mood => MarkerShape::Asterisk,
        Metric::Own(own) => match own.id.0 % 3 {
            0 => MarkerShape::Left,
            1 => MarkerShape::Plus,
            _ => MarkerShape::Cross,
        },
    }
}

/// Every so many pixels along `points` (x in plot units, `per_pixel` of them a pixel), a point
/// for a marker; `offset` pixels in, so that two lines' markers do not sit on one another.
pub fn marker_points(points: &[[f64; 2]], per_pixel: f64, offset: f64) -> Vec<[f64; 2]> {
    const EVERY_PX: f64 = 64.0;
    let Some(first) = points.first() else {
        return Vec::new();
    };
    let step = EVERY_PX * per_pixel;
    // On a grid of plot units, so the markers stay put while the chart pans.
    let mut next = ((first[0] - offset * per_pixel) / step).ceil() * step + offset * per_pixel;
    let mut chosen = Vec::new();
    for point in points {
        if point[0] >= next {
            chosen.push(*point);
            next =
                ((point[0] - offset * per_pixel) / step).floor() * step + step + offset * per_pixel;
        }
    }
    chosen
}

/// A different line style per kind, so that lines read without colour.
pub fn kind_line_style(kind: KindChoice) -> LineStyle {
    match kind {
        KindChoice::Swedish => LineStyle::Solid,
        KindChoice::DeepTissue => LineStyle::Dashed { length: 14.0 },
        KindChoice::TriggerPoint => LineStyle::Dotted { spacing: 6.0 },
        KindChoice::Sports => LineStyle::Dashed { length: 5.0 },
        KindChoice::Shiatsu => LineStyle::Dotted { spacing: 11.0 },
        KindChoice::Other => LineStyle::Dashed { length: 24.0 },
    }
}

/// The width that keeps a line of `style` readable: dotted lines are drawn as dots of this
/// radius, so they are thinner to stay dots.
pub fn line_width(style: LineStyle) -> f32 {
    match style {
        LineStyle::Dotted { .. } => 1.7,
        LineStyle::Solid | LineStyle::Dashed { .. } => 2.6,
    }
}
