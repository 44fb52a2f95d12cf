//! Small widgets shared by the views: labelled fields and the 0–10 score input.

use egui::text::LayoutJob;
use egui::{Color32, Key, Modifiers, Response, RichText, Sense, TextEdit, TextStyle, Ui};

use crate::model::Score;

/// A field label: the name in the normal text colour, then a weaker explanation
/// (which end of a scale is worse, the expected format …). One label, so a screen reader and
/// the test harness read it whole.
pub fn field_label(ui: &mut Ui, name: &str, explanation: Option<&str>) -> Response {
    let mut job = LayoutJob::default();
    let font = TextStyle::Body.resolve(ui.style());
    let strong = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    job.append(name, 0.0, egui::TextFormat::simple(font.clone(), strong));
    if let Some(explanation) = explanation {
        job.append(
            &format!(" ({explanation})"),
            0.0,
            egui::TextFormat::simple(font, weak),
        );
    }
    ui.label(job)
}

/// `text` with its first letter in upper case: a message written to follow "painlog: " on the
/// command line, as a sentence of its own in the window.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A line of text in the error colour, under the field it is about, as large as the field's
/// label.
pub fn error_text(ui: &mut Ui, message: &str) {
    ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
}

/// The line under a field where the reason it refuses its text appears: always one line high,
/// so that a reason appearing or going does not move the controls below (under the pointer).
pub fn reason_line(ui: &mut Ui, reason: Option<&str>) {
    // A whole pixel more than a line, so that a one-line reason fits in it exactly.
    let height = (ui.text_style_height(&TextStyle::Body) + 1.0).ceil();
    ui.allocate_ui_with_layout(
        egui::vec2(ui.available_width(), height),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_min_height(height);
            if let Some(reason) = reason {
                ui.label(RichText::new(reason).color(ui.visuals().error_fg_color));
            }
        },
    );
}

/// The text a field held before the edit under way began. While a field has the keyboard focus,
/// or holds text it refuses, the record keeps the value of this text, so that the journal never
/// holds something the window does not show (a half-typed "11" saved as 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditOrigin(String);

impl EditOrigin {
    /// Start from the text of a field as loaded.
    pub fn new(text: &str) -> Self {
        Self(text.to_owned())
    }

    /// After a frame: a field not being edited whose text is valid is the start of its next
    /// edit.
    pub fn settle(&mut self, text: &str, focused: bool, valid: bool) {
        if !focused && valid && self.0 != text {
            text.clone_into(&mut self.0);
        }
    }

    /// The text before the edit began.
    pub fn text(&self) -> &str {
        &self.0
    }
}

/// A date typed in a field, or a message saying what is wrong with it (`example` shows the
/// format).
pub fn read_date_field(
    text: &str,
    example: chrono::NaiveDate,
) -> Result<chrono::NaiveDate, String> {
    crate::model::read_date(text).map_err(|error| match error {
        crate::model::DateError::Shape(_) if text.trim().is_empty() => {
            format!("Type a date as YYYY-MM-DD, for example {example}.")
        }
        crate::model::DateError::Shape(_) => format!(
            "\"{}\" is not a date. Type it as YYYY-MM-DD, for example {example}.",
            text.trim()
        ),
        other => format!("{other}."),
    })
}

/// The two dates of a custom period, or a message naming the field at fault.
pub fn read_period_fields(
    from: &str,
    to: &str,
    example: chrono::NaiveDate,
) -> Result<(chrono::NaiveDate, chrono::NaiveDate), String> {
    let from = read_date_field(from, example).map_err(|error| format!("From: {error}"))?;
    let to = read_date_field(to, example).map_err(|error| format!("To: {error}"))?;
    if from > to {
        return Err(format!(
            "The first date must come before the second: {from} is after {to}."
        ));
    }
    Ok((from, to))
}

/// What a [`score_input`] did this frame.
pub struct ScoreInput {
    /// The text changed (typed, clicked or cleared).
    pub changed: bool,
    /// The text field, for focus handling.
    pub field: Response,
}

/// Drawn beside a session with other care near it (and on the switch that leaves such out).
pub const OTHER_CARE_MARK: &str = "⚠";

/// The colours of the sequential scale the heat map and the year's calendar share (see
/// [`HEAT_SCALE`](crate::analysis::body_heat::HEAT_SCALE)), lightest first.
pub const HEAT_COLORS: [Color32; 6] = {
    let mut colors = [Color32::BLACK; 6];
    let mut index = 0;
    while index < 6 {
        let [r, g, b] = crate::analysis::body_heat::HEAT_SCALE[index];
        colors[index] = Color32::from_rgb(r, g, b);
        index += 1;
    }
    colors
};

/// Text and marks that read on `fill`: dark on the light half of the scale, light on the dark.
pub fn ink_on(fill: Color32) -> Color32 {
    let luma =
        0.299 * f32::from(fill.r()) + 0.587 * f32::from(fill.g()) + 0.114 * f32::from(fill.b());
    if luma > 140.0 {
        Color32::from_gray(20)
    } else {
        Color32::WHITE
    }
}

/// Colour for a score: green at the better end, red at the worse.
pub fn severity_color(score: u8, higher_is_better: bool, dark_mode: bool) -> Color32 {
    let badness = if higher_is_better {
        10 - score.min(10)
    } else {
        score.min(10)
    };
    let t = f32::from(badness) / 10.0;
    let (good, bad) = if dark_mode {
        (
            Color32::from_rgb(46, 125, 80),
            Color32::from_rgb(176, 58, 46),
        )
    } else {
        (
            Color32::from_rgb(168, 218, 181),
            Color32::from_rgb(240, 160, 150),
        )
    };
    good.lerp_to_gamma(bad, t)
}

/// A 0–10 score: a text field where the number is typed (empty = not logged), ↑/↓ to step,
/// a row of 0–10 buttons for the mouse, and a button that clears it back to "not logged".
///
/// The buttons are one radio group, as a screen reader expects: Tab reaches it once (at the
/// chosen score, or 0 when none is), ←/→ (or ↑/↓) choose the score beside it, Space or Enter the
/// focused one; each has an accessible name that says which score it sets ("Pain 4"), and the
/// Clear button ("Clear pain") is reached with Tab too.
pub fn score_input(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    name: &str,
    label: &Response,
    text: &mut String,
    higher_is_better: bool,
) -> ScoreInput {
    let mut changed = false;
    let current = Score::parse_optional(text).ok().flatten();
    let field_id = ui.make_persistent_id(id_salt);
    let inner = ui.horizontal_wrapped(|ui| {
        if ui.memory(|memory| memory.has_focus(field_id)) {
            let step = ui.input_mut(|input| {
                if input.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    Some(1_i16)
                } else if input.consume_key(Modifiers::NONE, Key::ArrowDown) {
                    Some(-1)
                } else {
                    None
                }
            });
            if let Some(step) = step {
                let base = current.map_or(if step > 0 { -1 } else { 11 }, |s| i16::from(s.get()));
                *text = (base + step).clamp(0, 10).to_string();
                changed = true;
            }
        }
        let field = ui
            .add(
                TextEdit::singleline(text)
                    .id(field_id)
                    .desired_width(28.0)
                    .hint_text("–")
                    .align(egui::Align2::CENTER_CENTER),
            )
            .labelled_by(label.id);
        changed |= field.changed();
        ui.add_space(6.0);
        if let Some(score) = score_buttons(ui, field_id, name, current, higher_is_better) {
            *text = score.to_string();
            changed = true;
        }
        ui.add_space(6.0);
        let clear = ui
            .add_enabled(!text.is_empty(), egui::Button::new("Clear"))
            .on_hover_text("Back to \"not logged\" (not the same as 0)")
            .accessible_name(format!("Clear {}", name.to_lowercase()));
        if clear.clicked() {
            text.clear();
            changed = true;
        }
        field
    });
    ScoreInput {
        changed,
        field: inner.inner,
    }
}

/// What a focused widget that moves with the arrow keys keeps from egui's focus navigation.
pub const ARROWS: egui::EventFilter = egui::EventFilter {
    tab: false,
    horizontal_arrows: true,
    vertical_arrows: true,
    escape: false,
};

/// The 0–10 buttons of a score as a radio group with one Tab stop; returns the score chosen.
/// `field_id` keys the group's memory; `name` starts each button's name ("Pain 4").
pub fn score_buttons(
    ui: &mut Ui,
    field_id: egui::Id,
    name: &str,
    current: Option<Score>,
    higher_is_better: bool,
) -> Option<Score> {
    use egui::accesskit::{Role, Toggled};
    let dark_mode = ui.visuals().dark_mode;
    // The button an arrow key moved to in the last frame takes the focus in this one.
    let focus_id = field_id.with("focus_score");
    let focus_next: Option<u8> = ui.data_mut(|data| data.remove_temp(focus_id));
    let mut chosen = None;
    ui.scope(|ui| {
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            node.set_role(Role::RadioGroup);
            node.set_label(format!("{name}, 0 to 10"));
        });
        ui.spacing_mut().item_spacing.x = 3.0;
        for score in Score::all() {
            let selected = current == Some(score);
            // One Tab stop: the chosen score, or 0 when none is chosen.
            let stop = current.map_or(score.get() == 0, |c| c == score);
            // Only the chosen score has a background: quieter to read, and less to draw.
            let mut button = egui::Button::selectable(selected, score.to_string())
                .sense(if stop { Sense::click() } else { Sense::CLICK })
                .frame_when_inactive(false)
                .min_size(egui::vec2(24.0, 0.0));
            if selected {
                button = button.fill(severity_color(score.get(), higher_is_better, dark_mode));
            }
            let response = ui.add(button).accessible_name(format!("{name} {score}"));
            ui.ctx().accesskit_node_builder(response.id, |node| {
                node.set_role(Role::RadioButton);
                node.set_toggled(if selected {
                    Toggled::True
                } else {
                    Toggled::False
                });
            });
            if focus_next == Some(score.get()) {
                response.request_focus();
            }
            if response.clicked() {
                chosen = Some(score);
            }
            if response.has_focus() {
                // The arrows choose a score here instead of moving the focus.
                ui.memory_mut(|memory| memory.set_focus_lock_filter(response.id, ARROWS));
                let step = ui.input_mut(|input| {
                    let mut step = 0_i16;
                    for (key, by) in [
                        (Key::ArrowRight, 1),
                        (Key::ArrowUp, 1),
                        (Key::ArrowLeft, -1),
                        (Key::ArrowDown, -1),
                    ] {
                        if input.consume_key(Modifiers::NONE, key) {
                            step += by;
                        }
                    }
                    step
                });
                if step != 0 {
                    let next = (i16::from(score.get()) + step).clamp(0, 10);
                    let next = Score::new(u8::try_from(next).unwrap_or(0));
                    if let Ok(next) = next {
                        chosen = Some(next);
                        ui.data_mut(|data| data.insert_temp(focus_id, next.get()));
                        ui.ctx().request_repaint();
                    }
                }
            }
        }
    });
    chosen
}

/// A ring around the control that has the keyboard, in both themes clearer than egui's own
/// (a thin line, or a lighter fill): 2 points of the selection colour (dark blue in the light
/// theme, light blue in the dark), just outside the control, cut where its panel or scroll area
/// cuts it.
pub fn focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    // Where this frame drew it (read without `read_response`, which would take a press
    // elsewhere in this frame for one that takes the focus away).
    let Some(widget) = ctx.viewport(|viewport| viewport.this_pass.widgets.get(id).copied()) else {
        return;
    };
    if !widget.visible || !widget.interact_rect.is_positive() {
        return;
    }
    let color = ctx.global_style().visuals.selection.stroke.color;
    let layer = egui::LayerId::new(
        widget.layer_id.order,
        egui::Id::unique("painlog_focus_ring"),
    );
    let clip = widget.interact_rect.expand(3.0);
    let painter = ctx.layer_painter(layer).with_clip_rect(clip);
    painter.rect_stroke(
        widget.rect.expand(1.0),
        3.0,
        egui::Stroke::new(2.0, color),
        egui::StrokeKind::Outside,
    );
}

/// Below this height a page with a chart scrolls instead of squeezing the chart.
const SHORT_PAGE: f32 = 420.0;

/// A page with a chart: as it is, or, when too short for its controls and a chart of a readable
/// height (zoomed in, or a small window), scrolled, so that the chart is never cut.
pub fn chart_page<R>(ui: &mut Ui, id_salt: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    if ui.available_height() < SHORT_PAGE {
        egui::ScrollArea::vertical()
            .id_salt(id_salt)
            .auto_shrink(false)
            .show(ui, add)
            .inner
    } else {
        add(ui)
    }
}

/// Say `text` to a screen reader without moving the focus: a polite live region (under `ui`, at
/// `rect`) whose name is the text, announced when it appears and whenever it changes. For what
/// a focused chart's cursor reads: a change of a chart's value alone is not announced.
pub fn announce(ui: &Ui, id: egui::Id, rect: egui::Rect, text: &str) {
    let response = ui.interact(rect, id, Sense::hover());
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Label);
        // A label's name comes from its value on AT-SPI; the label is for the others.
        node.set_label(text);
        node.set_value(text);
        node.set_live(egui::accesskit::Live::Polite);
    });
}

/// Where the dividers of the resizable panels drawn last frame are kept.
fn splitter_memory() -> egui::Id {
    egui::Id::unique("painlog_panel_dividers")
}

/// The divider of the resizable panel `salt` about to be shown in `ui` (egui names it "Resize
/// panel"): remembered so that the arrow keys move it while it has the keyboard.
pub fn keyboard_divider(ui: &Ui, salt: &str) {
    // As egui names it: the panel's id in its parent, then "__resize".
    let id = ui
        .scope_id()
        .with_salt(egui::IdSalt::new(salt))
        .with("__resize");
    if ui.memory(|memory| memory.has_focus(id)) {
        // The arrows move the divider instead of the focus.
        ui.memory_mut(|memory| memory.set_focus_lock_filter(id, ARROWS));
        ui.data_mut(|data| data.insert_temp(splitter_memory(), Some(id)));
    }
}

/// The arrow keys move a focused panel divider: → or ↓ widens the panel, ← or ↑ narrows it
/// (egui resizes a panel with the mouse, or with a screen reader's increment and decrement; the
/// keys are sent as those). Call before the panels are drawn.
pub fn splitter_keys(ctx: &egui::Context) {
    let Some(id) = ctx
        .data_mut(|data| data.remove_temp::<Option<egui::Id>>(splitter_memory()))
        .flatten()
    else {
        return;
    };
    if !ctx.memory(|memory| memory.has_focus(id)) {
        return;
    }
    ctx.input_mut(|input| {
        let mut actions = Vec::new();
        for (key, action) in [
            (Key::ArrowRight, egui::accesskit::Action::Increment),
            (Key::ArrowDown, egui::accesskit::Action::Increment),
            (Key::ArrowLeft, egui::accesskit::Action::Decrement),
            (Key::ArrowUp, egui::accesskit::Action::Decrement),
        ] {
            while input.consume_key(Modifiers::NONE, key) {
                actions.push(action);
            }
        }
        for action in actions {
            input.events.push(egui::Event::AccessKitActionRequest(
                egui::accesskit::ActionRequest {
                    action,
                    target_tree: egui::accesskit::TreeId::ROOT,
                    target_node: id.accesskit_id(),
                    data: None,
                },
            ));
        }
    });
}
