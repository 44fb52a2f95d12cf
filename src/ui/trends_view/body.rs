//! Beside the trend chart, when chosen: where it hurt over the days the chart shows, as the
//! body map's heat map.

use crate::analysis::DayRange;
use crate::analysis::body_heat::{BodyHeat, body_heat};
use crate::model::Journal;
use crate::report::text;
use crate::ui::body_map::heat_map_ui;

/// The heat map of the last days asked for, made again only when the journal or the days change.
#[derive(Default)]
pub(super) struct HeatSide {
    made: Option<(u64, DayRange, BodyHeat)>,
}

impl HeatSide {
    /// How wide the side is in a page `width` wide.
    pub(super) fn width(width: f32) -> f32 {
        (width * 0.28).clamp(220.0, 420.0)
    }

    /// The heading, the heat map of `days` and its key.
    pub(super) fn ui(&mut self, ui: &mut egui::Ui, journal: &Journal, days: DayRange) {
        let fresh = self
            .made
            .as_ref()
            .is_some_and(|(revision, made, _)| *revision == journal.revision() && *made == days);
        if !fresh {
            self.made = Some((journal.revision(), days, body_heat(journal, days)));
        }
        let Some((_, _, heat)) = &self.made else {
            return;
        };
        let name = format!(
            "Where it hurt, {} to {}",
            text::day_month(days.from),
            text::date(days.to)
        );
        ui.strong(&name);
        if heat.logged == 0 {
            ui.label(egui::RichText::new("No days logged in these days.").weak());
            return;
        }
        heat_map_ui(ui, &name, heat);
        ui.label(
            egui::RichText::new(format!(
                "Of the {} days logged; it follows the days the chart shows. Hover a place for how strongly.",
                heat.logged
            ))
            .weak(),
        );
    }
}
