//! Beside the trend chart, when chosen: where it hurt over the days the chart shows, as the
//! body map's heat map.

use super::plot::Drawn;
use crate::analysis::DayRange;
use crate::analysis::body_heat::{BodyHeat, body_heat};
use crate::model::Journal;
use crate::report::text;
use crate::ui::body_map::heat_map_ui;

impl super::TrendsView {
    /// The key and the chart, and beside them the heat map when chosen; what the chart drew.
    pub(super) fn chart_and_body_ui(
        &mut self,
        ui: &mut egui::Ui,
        shown: &super::plot::Shown<'_>,
        range: DayRange,
    ) -> Drawn {
        let journal = shown.journal;
        if !self.choices.body {
            super::legend::legend_ui(ui, &self.drawn, self.choices.daily, self.choices.rolling);
            return self.plot_ui(ui, shown);
        }
        let days = self.shown_days.unwrap_or(range);
        let mut drawn = Drawn::default();
        ui.horizontal_top(|ui| {
            let side = HeatSide::width(ui.available_width());
            let chart = (ui.available_width() - side - 16.0).max(200.0);
            let size = egui::vec2(chart, ui.available_height());
            let layout = egui::Layout::top_down(egui::Align::Min);
            ui.allocate_ui_with_layout(size, layout, |ui| {
                let (daily, rolling) = (self.choices.daily, self.choices.rolling);
                super::legend::legend_ui(ui, &self.drawn, daily, rolling);
                drawn = self.plot_ui(ui, shown);
            });
            ui.add_space(8.0);
            ui.vertical(|ui| {
                ui.set_width(side);
                self.heat.ui(ui, journal, days);
            });
        });
        drawn
    }
}

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
