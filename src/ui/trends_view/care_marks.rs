//! Other care on the trend chart: care visits, regular medications started and stopped, and the
//! days an as-needed medication was taken, drawn along the foot of the chart with shapes of their
//! own (a legend entry each), so they read without colour.

use egui::Color32;
use egui_plot::{MarkerShape, Points};

use crate::analysis::{date_from_day_number, day_number};
use crate::model::{Journal, Medication};

/// The legend's names of the marks.
pub mod labels {
    /// Care visits.
    pub const VISIT: &str = "Other care visit";
    /// A regular medication started.
    pub const STARTED: &str = "Regular medication started";
    /// A regular medication stopped.
    pub const STOPPED: &str = "Regular medication stopped";
    /// An as-needed medication taken.
    pub const AS_NEEDED: &str = "As-needed medication taken";
}

/// Where the visits' marks sit: just above the chart's zero.
const FOOT: f64 = 0.35;
/// Where a medication's start or stop sits: above a visit on the same day (a doctor's visit
/// that starts a medication shows both).
const MEDICATION_FOOT: f64 = 0.9;

/// The ink of the marks.
pub(super) fn ink(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(70)
    }
}

/// The shape and radius of the mark the key names `name`.
pub(super) fn shape(name: &str) -> (MarkerShape, f32) {
    MARKS
        .iter()
        .find(|(mark, ..)| *mark == name)
        .map_or((MarkerShape::Circle, 2.0), |(_, shape, radius)| {
            (*shape, *radius)
        })
}

/// Each mark: its key's name, shape and radius.
const MARKS: [(&str, MarkerShape, f32); 4] = [
    (labels::AS_NEEDED, MarkerShape::Circle, 2.5),
    (labels::VISIT, MarkerShape::Diamond, 6.0),
    (labels::STARTED, MarkerShape::Up, 6.5),
    (labels::STOPPED, MarkerShape::Down, 6.5),
];

/// Draw the marks of the days in `visible` (day numbers); returns the names of those drawn.
pub(super) fn care_marks(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    journal: &Journal,
    visible: &std::ops::RangeInclusive<f64>,
    dark: bool,
) -> Vec<&'static str> {
    let ink = ink(dark);
    let on_chart = |date: chrono::NaiveDate| {
        let x = day_number(date);
        visible.contains(&x).then_some([x, FOOT])
    };
    let visits: Vec<[f64; 2]> = journal
        .care_visits()
        .iter()
        .filter_map(|visit| on_chart(visit.date))
        .collect();
    let regular = || journal.medications().iter().filter(|m| !m.as_needed);
    let higher = |[x, _]: [f64; 2]| [x, MEDICATION_FOOT];
    let started: Vec<[f64; 2]> = regular()
        .filter_map(|m| m.from.and_then(on_chart))
        .map(higher)
        .collect();
    let stopped: Vec<[f64; 2]> = regular()
        .filter_map(|m| m.until.and_then(on_chart))
        .map(higher)
        .collect();
    let as_needed: Vec<crate::model::ItemId> = journal
        .medications()
        .iter()
        .filter(|m| m.as_needed)
        .map(|m| m.id)
        .collect();
    // Only the days in view: a frame should not walk twenty years of days.
    let in_view = date_from_day_number(visible.start().ceil())
        .zip(date_from_day_number(visible.end().floor()));
    let taken: Vec<[f64; 2]> = match in_view {
        Some((first, last)) if !as_needed.is_empty() => journal
            .days_between(first, last)
            .filter(|day| day.took.iter().any(|id| as_needed.contains(id)))
            .filter_map(|day| on_chart(day.date))
            .map(|[x, _]| [x, 0.0])
            .collect(),
        _ => Vec::new(),
    };
    let mut drawn = Vec::new();
    for ((name, shape, radius), points) in MARKS.into_iter().zip([taken, visits, started, stopped])
    {
        if points.is_empty() {
            continue;
        }
        drawn.push(name);
        plot_ui.add(
            Points::new(name, points)
                .shape(shape)
                .radius(radius)
                .filled(true)
                .color(ink),
        );
    }
    drawn
}

/// What the pointer's day had of other care, one line each ("Physiotherapy: Core and hip …",
/// "Took Ibuprofen (400 mg, as needed)", "Naproxen started").
pub(super) fn hover_lines(journal: &Journal, date: chrono::NaiveDate) -> Vec<String> {
    let mut lines: Vec<String> = journal
        .care_visits()
        .iter()
        .filter(|visit| visit.date == date)
        .map(|visit| {
            if visit.note.is_empty() {
                visit.label()
            } else {
                let note: String = visit.note.chars().take(100).collect();
                format!("{}: {note}", visit.label())
            }
        })
        .collect();
    for medication in journal.medications() {
        if !medication.as_needed {
            if medication.from == Some(date) {
                lines.push(format!(
                    "{} started ({})",
                    medication.name,
                    medication.how()
                ));
            }
            if medication.until == Some(date) {
                lines.push(format!("{} stopped", medication.name));
            }
        }
    }
    if let Some(day) = journal.day(date) {
        let taken: Vec<&Medication> = journal
            .medications()
            .iter()
            .filter(|m| day.took.contains(&m.id))
            .collect();
        if !taken.is_empty() {
            let names: Vec<String> = taken.iter().map(|m| m.label()).collect();
            lines.push(format!("Took {}", names.join(", ")));
        }
        let done: Vec<&str> = journal
            .exercises()
            .iter()
            .filter(|e| day.did.contains(&e.id))
            .map(|e| e.name.as_str())
            .collect();
        if !done.is_empty() {
            lines.push(format!("Did {}", done.join(", ")));
        }
    }
    lines
}
