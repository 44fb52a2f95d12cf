//! The body map: a front and a back figure on which a person marks where it hurt (with an
//! intensity 0–10 per place) or where a therapist worked.
//!
//! Every place (a [`Spot`]) is a check box a screen reader can name ("Lower back, left: hurt,
//! intensity 6"). The map is one Tab stop, as a radio group is: the chosen place has the
//! keyboard, the arrows move to the place before or after it (head to feet), Space marks or
//! unmarks it, 0–9 set its intensity (1 then 0 for 10) and Delete unmarks it. Each place has
//! one home figure that carries its node (the chest the front, all others the back); where it
//! shows on the other figure too, a click there does the same.

use std::collections::btree_map::Entry;

use egui::accesskit::Role;
use egui::{Id, Key, Modifiers, Rect, RichText, Sense, Ui, Vec2};

use self::figure::{FIGURE, TITLE, View, home, paint_figure, place_rect};
use super::widgets::{ARROWS, announce, field_label, score_buttons};
use crate::model::{BodyMap, Region, Score, Spot};

mod figure;
mod heat;

pub use heat::heat_map_ui;

/// What the marks on a map mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Where it hurt, with an intensity 0–10 per place (the Day view).
    Hurt,
    /// Where a therapist worked, marks only (the session form).
    Focus,
}

/// Room between the two figures, in figure units.
const GAP: f32 = 30.0;
/// The tallest a figure is drawn, in points.
const MAX_HEIGHT: f32 = 220.0;
/// The smallest scale (a very narrow window scrolls sideways rather than lose the small places).
const MIN_SCALE: f32 = 0.6;
/// The order of the arrow keys: head to feet, the front's chest and the arms after the
/// shoulders.
const ORDER: [Region; 11] = [
    Region::Head,
    Region::Neck,
    Region::Shoulders,
    Region::Chest,
    Region::Arms,
    Region::UpperBack,
    Region::MidBack,
    Region::LowerBack,
    Region::Sacrum,
    Region::Hips,
    Region::Legs,
];
/// The keys that set an intensity, 0 to 9.
const DIGITS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];
/// How long after 1 a 0 makes 10, in seconds.
const TEN_WITHIN: f64 = 1.0;

/// The map's state between frames.
#[derive(Clone, Debug, Default)]
struct MapState {
    /// The place whose intensity the row under the figures sets; it has the Tab stop.
    chosen: Option<Spot>,
    /// The place an arrow key moved to, to take the keyboard in the next frame.
    focus_next: Option<Spot>,
    /// When 1 was typed on a place, so that a 0 right after makes 10.
    one_at: Option<f64>,
    /// What the last key or click did to the place with the keyboard ("hurt, intensity 6"),
    /// said to a screen reader, which may not read a change of the focused place's name.
    said: Option<String>,
}

/// Every place in the order of the arrow keys, left before right.
fn places() -> Vec<Spot> {
    ORDER.into_iter().flat_map(Region::spots).collect()
}

/// What a place holds, in words: "hurt, intensity 6", "worked on", "not marked".
fn state_words(map: &BodyMap, spot: Spot, mode: Mode) -> String {
    match (map.get(&spot), mode) {
        (None, _) => "not marked".to_owned(),
        (Some(_), Mode::Focus) => "worked on".to_owned(),
        (Some(Some(score)), Mode::Hurt) => format!("hurt, intensity {score}"),
        (Some(None), Mode::Hurt) => "hurt, intensity not logged".to_owned(),
    }
}

/// What the pointer and the keys do, said on every place.
fn hint(mode: Mode) -> &'static str {
    match mode {
        Mode::Hurt => {
            "Click a place to mark where it hurt and choose it; click a chosen place again to unmark it. \
             Keys: arrows move, Space marks or unmarks, 0–9 set the intensity (1 then 0 for 10), \
             Delete unmarks."
        }
        Mode::Focus => {
            "Click a place to mark or unmark it. Keys: arrows move, Space marks or unmarks."
        }
    }
}

/// The body map of `map` under the name `name`; returns `true` when a mark changed.
/// In [`Mode::Focus`] the intensities stay `None`.
pub fn body_map_ui(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    name: &str,
    map: &mut BodyMap,
    mode: Mode,
) -> bool {
    let map_id = ui.make_persistent_id(id_salt);
    let mut state: MapState = ui.data(|data| data.get_temp(map_id)).unwrap_or_default();
    let before = map.clone();
    ui.scope(|ui| {
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(Role::Group);
            node.set_label(name);
        });
        let figures = figures_rect(ui);
        places_ui(ui, map_id, figures, map, &mut state, mode);
    });
    summary_line(ui, map, mode);
    if mode == Mode::Hurt {
        intensity_row(ui, map_id, map, &mut state);
    }
    ui.data_mut(|data| data.insert_temp(map_id, state));
    *map != before
}

/// Room for the two figures side by side, as wide as fits: front on the left, back on the
/// right.
fn figures_rect(ui: &mut Ui) -> Rect {
    allocate_figures(ui, MIN_SCALE, MAX_HEIGHT).0
}

/// Room for the two figures side by side, as wide as fits, at least `min_scale` and at most
/// `max_height` points tall: front on the left, back on the right.
fn allocate_figures(ui: &mut Ui, min_scale: f32, max_height: f32) -> (Rect, egui::Response) {
    let scale = ((ui.available_width() - 8.0) / (2.0 * FIGURE.x + GAP))
        .clamp(min_scale, max_height / FIGURE.y);
    let size = Vec2::new(2.0 * FIGURE.x + GAP, FIGURE.y) * scale + Vec2::new(0.0, TITLE);
    ui.allocate_exact_size(size, Sense::hover())
}

/// The two figures' boxes in `rect`, each with the figure's name above it.
fn figure_boxes(rect: Rect) -> [(View, Rect); 2] {
    let scale = rect.width() / (2.0 * FIGURE.x + GAP);
    let size = FIGURE * scale;
    let top = rect.min + Vec2::new(0.0, TITLE);
    let front = Rect::from_min_size(top, size);
    let back = Rect::from_min_size(top + Vec2::new((FIGURE.x + GAP) * scale, 0.0), size);
    [(View::Front, front), (View::Back, back)]
}

/// The places as widgets and drawn; the keys of the one that has the keyboard.
fn places_ui(
    ui: &mut Ui,
    map_id: Id,
    rect: Rect,
    map: &mut BodyMap,
    state: &mut MapState,
    mode: Mode,
) {
    let boxes = figure_boxes(rect);
    let all = places();
    let focus_next = state.focus_next.take();
    // One Tab stop: the chosen place, or the first.
    let stop = state.chosen.unwrap_or(all[0]);
    let mut clicked = None;
    let mut focused = None;
    let mut hovered = None;
    for (view, figure) in boxes {
        for &spot in &all {
            let Some(place) = place_rect(spot, view, figure) else {
                continue;
            };
            let is_home = home(spot) == view;
            let id = map_id.with((spot.ident(), is_home));
            let sense = if is_home && spot == stop {
                Sense::click()
            } else {
                Sense::CLICK
            };
            let words = state_words(map, spot, mode);
            let response = ui.interact(place, id, sense);
            if is_home {
                let marked = map.contains_key(&spot);
                let label = format!("{}: {words}", spot.label());
                response.widget_info(|| {
                    egui::WidgetInfo::selected(Role::CheckBox, ui.is_enabled(), marked, &label)
                });
                if focus_next == Some(spot) {
                    response.request_focus();
                }
                if response.has_focus() {
                    focused = Some((spot, place, words.clone()));
                }
            }
            let response =
                response.on_hover_text(format!("{}: {words}.\n{}", spot.label(), hint(mode)));
            if response.clicked() {
                clicked = Some(spot);
            }
            if response.hovered() {
                hovered = Some(spot);
            }
        }
    }
    if let Some((spot, ..)) = focused {
        // The place with the keyboard is the chosen one.
        state.chosen = Some(spot);
    }
    if let Some(spot) = clicked {
        click(map, state, spot, mode);
    }
    match focused {
        Some((spot, place, drawn)) => {
            keys(
                ui,
                map_id.with((spot.ident(), true)),
                spot,
                map,
                state,
                mode,
            );
            let words = state_words(map, spot, mode);
            if state.focus_next.is_some() {
                // Moved: the place that takes the keyboard is read whole.
                state.said = None;
            } else if words != drawn {
                state.said = Some(words);
            }
            if let Some(said) = &state.said {
                let corner = Rect::from_min_size(place.min, Vec2::splat(1.0));
                announce(ui, map_id.with("said"), corner, said);
            }
        }
        None => state.said = None,
    }
    for (view, figure) in boxes {
        paint_figure(ui, view, figure, map, state.chosen, hovered, mode);
    }
}

/// A click (or Space) on a place: an unmarked place is marked (intensity not logged) and
/// chosen; a marked place is chosen, and when it already was, unmarked. Marks only: a click
/// marks or unmarks.
fn click(map: &mut BodyMap, state: &mut MapState, spot: Spot, mode: Mode) {
    let chosen = state.chosen == Some(spot);
    match map.entry(spot) {
        Entry::Vacant(entry) => {
            entry.insert(None);
        }
        Entry::Occupied(entry) if chosen || mode == Mode::Focus => {
            entry.remove();
        }
        Entry::Occupied(_) => {}
    }
    state.chosen = Some(spot);
    state.one_at = None;
}

/// The keys of the place with the keyboard (`id`): the arrows move to the place before or after
/// it, the digits set its intensity, Delete (or Backspace) unmarks it.
fn keys(ui: &Ui, id: Id, spot: Spot, map: &mut BodyMap, state: &mut MapState, mode: Mode) {
    ui.memory_mut(|memory| memory.set_focus_lock_filter(id, ARROWS));
    let (step, digit, delete, time) = ui.input_mut(|input| {
        let mut step = 0_i32;
        for (key, by) in [
            (Key::ArrowRight, 1),
            (Key::ArrowDown, 1),
            (Key::ArrowLeft, -1),
            (Key::ArrowUp, -1),
        ] {
            if input.consume_key(Modifiers::NONE, key) {
                step += by;
            }
        }
        let digit = if mode == Mode::Hurt {
            DIGITS
                .iter()
                .position(|key| input.consume_key(Modifiers::NONE, *key))
        } else {
            None
        };
        let delete = input.consume_key(Modifiers::NONE, Key::Delete)
            || input.consume_key(Modifiers::NONE, Key::Backspace);
        (step, digit, delete, input.time)
    });
    if step != 0 {
        let all = places();
        let at = all.iter().position(|s| *s == spot).unwrap_or(0);
        let next = at.saturating_add_signed(step as isize).min(all.len() - 1);
        state.chosen = Some(all[next]);
        state.focus_next = Some(all[next]);
        state.one_at = None;
        ui.ctx().request_repaint();
    }
    if let Some(digit) = digit.and_then(|d| u8::try_from(d).ok()) {
        let ten = digit == 0 && state.one_at.is_some_and(|at| time - at <= TEN_WITHIN);
        let value = if ten { 10 } else { digit };
        state.one_at = (digit == 1).then_some(time);
        map.insert(spot, Score::new(value).ok());
    }
    if delete {
        map.remove(&spot);
        state.one_at = None;
    }
}

/// The marked places in words, under the figures: the map without its picture.
fn summary_line(ui: &mut Ui, map: &BodyMap, mode: Mode) {
    if map.is_empty() {
        ui.label(RichText::new("Nothing marked.").weak());
        return;
    }
    let words: Vec<String> = places()
        .into_iter()
        .filter_map(|spot| {
            let value = map.get(&spot)?;
            Some(match (value, mode) {
                (Some(score), Mode::Hurt) => format!("{} {score}", spot.label()),
                _ => spot.label(),
            })
        })
        .collect();
    ui.label(RichText::new(format!("Marked: {}", words.join("; "))).weak());
}

/// Under the figures: the intensity of the chosen place as a 0–10 radio group, "Not logged",
/// and a button that unmarks it.
fn intensity_row(ui: &mut Ui, map_id: Id, map: &mut BodyMap, state: &mut MapState) {
    let Some(spot) = state.chosen else {
        ui.label(RichText::new("Click where it hurt, then choose how much (0–10).").weak());
        return;
    };
    let name = format!("Intensity of {}", spot.label());
    field_label(ui, &name, Some("0 = none, 10 = worst"));
    let current = map.get(&spot).copied();
    ui.horizontal_wrapped(|ui| {
        if let Some(score) = score_buttons(
            ui,
            map_id.with("intensity"),
            &name,
            current.flatten(),
            false,
        ) {
            map.insert(spot, Some(score));
        }
        ui.add_space(6.0);
        let not_logged = ui
            .add(egui::Button::selectable(
                current == Some(None),
                "Not logged",
            ))
            .on_hover_text("It hurt here; how much is not logged")
            .accessible_name(format!("{name} not logged"));
        if not_logged.clicked() {
            map.insert(spot, None);
        }
        let unmark = ui
            .add_enabled(current.is_some(), egui::Button::new("Unmark"))
            .on_hover_text("It did not hurt here: take the place off the map")
            .accessible_name(format!("Unmark {}", spot.label()));
        if unmark.clicked() {
            map.remove(&spot);
        }
    });
}
