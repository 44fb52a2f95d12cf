//! The aligned chart's keyboard cursor and its table: while the chart has the keyboard, ← and →
//! move a cursor a day from the session (…, −1, 0, +1, …), Page Up and Page Down a week, Home
//! and End to the first and last day; it reads the mean of each line on that day and how many
//! sessions are behind it. "Show as table" lists the same, a row a day.

use egui::{Key, Modifiers};

use super::line_name;
use crate::analysis::AlignedPoint;
use crate::model::{KindChoice, Metric};
use crate::report::wording;
use crate::ui::widgets::ARROWS;

/// The chart's lines: the kind (or all) and their points.
type Series = [(Option<KindChoice>, Vec<AlignedPoint>)];

/// Inside the chart, each pass: when it has the keyboard, keep the arrows from moving the focus,
/// place the cursor (on the session day at first) and move it by the keys pressed, within
/// `-reach..=reach`. Returns the x bounds to show instead of `(min, max)` when the cursor left
/// them.
pub(super) fn keys(
    plot_ui: &egui_plot::PlotUi<'_>,
    cursor: &mut Option<i32>,
    (min, max): (f64, f64),
    reach: i32,
) -> Option<(f64, f64)> {
    let response = plot_ui.response();
    if !response.has_focus() {
        return None;
    }
    let id = response.id;
    let ctx = plot_ui.ctx().clone();
    ctx.memory_mut(|memory| memory.set_focus_lock_filter(id, ARROWS));
    let offset = cursor.unwrap_or(0);
    let moved = ctx.input_mut(|input| {
        let mut pressed = |key| input.consume_key(Modifiers::NONE, key);
        if pressed(Key::ArrowLeft) {
            Some(offset - 1)
        } else if pressed(Key::ArrowRight) {
            Some(offset + 1)
        } else if pressed(Key::PageUp) {
            Some(offset - 7)
        } else if pressed(Key::PageDown) {
            Some(offset + 7)
        } else if pressed(Key::Home) {
            Some(-reach)
        } else if pressed(Key::End) {
            Some(reach)
        } else {
            None
        }
    });
    if moved.is_some() {
        ctx.request_repaint();
    }
    let offset = moved.unwrap_or(offset).clamp(-reach, reach);
    *cursor = Some(offset);
    let x = f64::from(offset);
    let shift = if x - 0.5 < min {
        x - 0.5 - min
    } else if x + 0.5 > max {
        x + 0.5 - max
    } else {
        return None;
    };
    Some((min + shift, max + shift))
}

/// The point of each line at `offset`.
fn at(series: &Series, offset: i32) -> Vec<(Option<KindChoice>, &AlignedPoint)> {
    series
        .iter()
        .filter_map(|(kind, points)| Some((*kind, points.iter().find(|p| p.offset == offset)?)))
        .collect()
}

/// "5.4", or "no data".
fn mean_text(point: &AlignedPoint) -> String {
    point
        .mean
        .map_or_else(|| "no data".to_owned(), |m| format!("{m:.1}"))
}

/// "1 session", "12 sessions".
fn sessions(n: usize) -> String {
    if n == 1 {
        "1 session".to_owned()
    } else {
        format!("{n} sessions")
    }
}

/// The label over the chart at `offset`, as the hover shows it: "day +2" ("day 0" on the session day), then each line's
/// mean, middle half and sessions.
pub(super) fn label(series: &Series, offset: i32) -> String {
    let mut text = format!("day {}", wording::day_offset(i64::from(offset)));
    for (kind, point) in at(series, offset) {
        let name = kind.map_or("All", KindChoice::label);
        let spread = match (point.q1, point.q3) {
            (Some(q1), Some(q3)) => format!(", middle half {q1:.1}–{q3:.1}"),
            _ => String::new(),
        };
        text.push_str(&format!(
            "\n{name}: mean {}{spread} ({})",
            mean_text(point),
            sessions(point.n)
        ));
    }
    text
}

/// What the cursor reads at `offset`: "Day −3 from the session: all sessions, mean pain 5.4
/// (middle half 4.5 to 6.0) over 12 sessions." or, kinds compared, "Day +2 from the session:
/// Swedish, mean pain 4.8 over 6 sessions; Deep tissue, mean pain 5.1 over 4 sessions."
pub(super) fn reading(series: &Series, metric: Metric, offset: i32) -> String {
    let day = match offset {
        0 => "Session day (day 0)".to_owned(),
        _ => format!(
            "Day {} from the session",
            wording::day_offset(i64::from(offset))
        ),
    };
    let name = wording::metric_name(metric);
    let lines: Vec<String> = at(series, offset)
        .into_iter()
        .map(|(kind, point)| {
            let who = kind.map_or("all sessions", KindChoice::label);
            let spread = match (point.q1, point.q3) {
                (Some(q1), Some(q3)) if kind.is_none() => {
                    format!(" (middle half {q1:.1} to {q3:.1})")
                }
                _ => String::new(),
            };
            format!(
                "{who}, mean {name} {}{spread} over {}",
                mean_text(point),
                sessions(point.n)
            )
        })
        .collect();
    format!("{day}: {}.", lines.join("; "))
}

/// The chart's data as a table: a row a day from the session, the mean of each line (with the
/// middle half when there is one line), and the sessions behind the day. At most a few dozen
/// rows (the days either side of the sessions), so all are drawn.
pub(super) fn table_ui(ui: &mut egui::Ui, series: &Series, metric: Metric) {
    let mut headers: Vec<String> = vec!["Day from the session".to_owned()];
    headers.extend(series.iter().map(|(kind, _)| line_name(*kind, metric)));
    let one = series.len() == 1;
    if one {
        headers.push("Middle half".to_owned());
    }
    headers.push("Sessions behind the day".to_owned());
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let offsets: Vec<i32> = series
        .first()
        .map(|(_, points)| points.iter().map(|p| p.offset).collect())
        .unwrap_or_default();
    let rows: Vec<Vec<String>> =
        offsets
            .iter()
            .map(|offset| {
                let points = at(series, *offset);
                let mut row = vec![wording::day_offset(i64::from(*offset))];
                row.extend(points.iter().map(|(_, p)| mean_text(p)));
                if one {
                    row.push(points.first().map_or_else(String::new, |(_, p)| {
                        match (p.q1, p.q3) {
                            (Some(q1), Some(q3)) => format!("{q1:.1} to {q3:.1}"),
                            _ => "no data".to_owned(),
                        }
                    }));
                }
                row.push(points.iter().map(|(_, p)| p.n).sum::<usize>().to_string());
                row
            })
            .collect();
    egui::ScrollArea::vertical()
        .id_salt("aligned_table")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            crate::ui::table::text_table(ui, TABLE_NAME, &header_refs, &rows);
        });
}

/// What a screen reader calls the table.
pub const TABLE_NAME: &str = "Aligned chart as a table";
