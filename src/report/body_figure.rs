//! Where each place of the body map is on the front and back figures, in figure units (a box
//! 130 wide and 240 tall): the one geometry the window's body map and the report's heat map
//! both draw.

use crate::model::{Region, Side, Spot};

/// A figure's width and height in figure units.
pub const FIGURE_SIZE: (f32, f32) = (130.0, 240.0);

/// The outline of a figure behind its places: head, neck, shoulders and torso, arms, legs, as
/// boxes `[x0, y0, x1, y1]`; `true` for a rounded end.
pub const SILHOUETTE: [([f32; 4], bool); 8] = [
    ([51.0, 2.0, 79.0, 30.0], true),
    ([54.0, 26.0, 76.0, 46.0], false),
    ([18.0, 43.0, 112.0, 64.0], false),
    ([28.0, 56.0, 102.0, 166.0], false),
    ([2.0, 56.0, 25.0, 152.0], true),
    ([105.0, 56.0, 128.0, 152.0], true),
    ([30.0, 160.0, 63.0, 238.0], true),
    ([67.0, 160.0, 100.0, 238.0], true),
];

/// Where a region's left half (or the whole region, for the head) is on a figure, seen from
/// behind (the person's left on the left); `None` where the figure does not show it.
fn left_half(region: Region, front: bool) -> Option<[f32; 4]> {
    let place = match region {
        Region::Head => [51.0, 2.0, 79.0, 30.0],
        Region::Neck => [50.0, 30.0, 65.0, 43.0],
        Region::Shoulders => [18.0, 43.0, 65.0, 58.0],
        Region::Arms => [2.0, 60.0, 25.0, 150.0],
        Region::Legs => [30.0, 168.0, 63.0, 238.0],
        Region::Chest if front => [28.0, 59.0, 65.0, 94.0],
        Region::Hips if front => [28.0, 126.0, 65.0, 166.0],
        Region::UpperBack if !front => [28.0, 59.0, 65.0, 82.0],
        Region::MidBack if !front => [28.0, 82.0, 65.0, 104.0],
        Region::LowerBack if !front => [28.0, 104.0, 65.0, 126.0],
        Region::Sacrum if !front => [46.0, 126.0, 65.0, 142.0],
        Region::Hips => [28.0, 142.0, 65.0, 166.0],
        _ => return None,
    };
    Some(place)
}

/// Where a place is on the front (`front`) or back figure, as `[x0, y0, x1, y1]` in figure
/// units; `None` where that figure does not show it. The back shows the person's left on the
/// left; the front, facing them, on the right.
pub fn place_box(spot: Spot, front: bool) -> Option<[f32; 4]> {
    let [mut x0, y0, mut x1, y1] = left_half(spot.region, front)?;
    let mirror = |x: f32| FIGURE_SIZE.0 - x;
    if (spot.side == Some(Side::Right)) != (front && spot.side.is_some()) {
        (x0, x1) = (mirror(x1), mirror(x0));
    }
    Some([x0, y0, x1, y1])
}

/// `true` for a place drawn with round ends (the head, the limbs).
pub fn is_round(region: Region) -> bool {
    matches!(region, Region::Head | Region::Arms | Region::Legs)
}
