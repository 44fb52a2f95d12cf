//! The report's body map: where it hurt over the period, front and back, each place shaded by
//! the share of logged days it hurt (darker: more often) with the share written on it, so it
//! reads in black and white; read by a screen reader as the same, place by place, in words.

use super::layout::{Layout, MARGIN, Structure};
use super::style::TextStyle;
use crate::analysis::body_heat::BodyHeat;
use crate::model::Spot;
use crate::report::body_figure::{FIGURE_SIZE, SILHOUETTE, place_box};

/// How tall a figure is drawn, in points.
const HEIGHT: f32 = 190.0;
/// Room above a figure for "Front" or "Back", in points.
const TITLE: f32 = 14.0;

/// The grey of a share (0 to 1) of days: white for never to dark grey for every day.
fn gray(share: f64) -> u8 {
    (245.0 - share.clamp(0.0, 1.0) * 190.0).round() as u8
}

/// The heading, what the shades mean, and the two figures of `heat`.
pub(super) fn body_map(layout: &mut Layout, heat: &BodyHeat) {
    let scale = HEIGHT / FIGURE_SIZE.1;
    layout.ensure(HEIGHT + TITLE + 60.0);
    layout.heading("Where it hurt");
    layout.paragraph(
        &format!(
            "How often each place hurt over the {} days logged in the period: the darker, the more often; the number is the % of those days. Left and right are the patient's own.",
            heat.logged
        ),
        TextStyle::EXPLANATION,
    );
    let lines = heat.lines();
    let alt = if lines.is_empty() {
        "Nothing hurt on the days logged.".to_owned()
    } else {
        format!("Where it hurt: {}.", lines.join("; "))
    };
    layout.begin(Structure::Figure(alt));
    let top = layout.y + TITLE;
    let width = FIGURE_SIZE.0 * scale;
    let left = MARGIN + 20.0;
    for (index, (front, name, left_side, right_side)) in
        [(true, "Front", "R", "L"), (false, "Back", "L", "R")]
            .into_iter()
            .enumerate()
    {
        let x = left + index as f32 * (width + 60.0);
        let label = layout.text_width(TextStyle::FIGURE_LABEL, name);
        layout.text(
            x + (width - label) / 2.0,
            top - 4.0,
            TextStyle::FIGURE_LABEL,
            name,
        );
        layout.text(x, top - 4.0, TextStyle::FIGURE_LABEL, left_side);
        let w = layout.text_width(TextStyle::FIGURE_LABEL, right_side);
        layout.text(
            x + width - w,
            top - 4.0,
            TextStyle::FIGURE_LABEL,
            right_side,
        );
        for ([x0, y0, x1, y1], _) in SILHOUETTE {
            layout.rect(
                x + x0 * scale,
                top + y0 * scale,
                (x1 - x0) * scale,
                (y1 - y0) * scale,
                Some(250),
                Some(170),
            );
        }
        for spot in Spot::all() {
            let Some([x0, y0, x1, y1]) = place_box(spot, front) else {
                continue;
            };
            let (px, py, pw, ph) = (
                x + x0 * scale,
                top + y0 * scale,
                (x1 - x0) * scale,
                (y1 - y0) * scale,
            );
            let hurt = heat.places.contains_key(&spot);
            let share = heat.share(spot);
            layout.rect(px, py, pw, ph, hurt.then(|| gray(share)), Some(120));
            if hurt {
                let number = format!("{:.0}", share * 100.0);
                let style = if gray(share) < 150 {
                    TextStyle::HEAT_ON_DARK
                } else {
                    TextStyle::HEAT
                };
                let w = layout.text_width(style, &number);
                if w + 2.0 < pw {
                    layout.text(px + (pw - w) / 2.0, py + ph / 2.0 + 2.5, style, number);
                }
            }
        }
    }
    layout.end();
    layout.y = top + HEIGHT + 12.0;
}
