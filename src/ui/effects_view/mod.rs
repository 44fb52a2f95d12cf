//! Effects: did sessions help? The answer against ordinary weeks first (all sessions, each kind,
//! each therapist, with a forest plot), the regions sessions worked on, then before, after and
//! change around each session, and the summaries by kind and by therapist.

mod answer;
mod charts;
mod groups;
mod table;

use egui::RichText;

use super::context::ViewContext;
use super::controls::{honesty_ui, settings_ui};
use crate::analysis::Effects;
use crate::model::{Metric, SessionId};

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Session start.
    #[default]
    Date,
    /// Change in the metric (sessions without one last).
    Change,
    /// Kind, then date.
    Kind,
}

/// The effects view's state.
#[derive(Default)]
pub struct EffectsView {
    sort: SortKey,
    ascending: bool,
    selected: Option<SessionId>,
    order: Vec<usize>,
    order_key: Option<(u64, SortKey, bool, Metric, crate::analysis::EffectSettings)>,
    /// The sessions table's keyboard cursor (see `table`).
    cursor: table::Cursor,
}

/// Labels the tests and screen readers find.
pub mod labels {
    /// Sort by date.
    pub const SORT_DATE: &str = "Date";
    /// The table of each session's before, after and change.
    pub const SESSIONS_TABLE: &str = "Each session: before, after and change";
    /// Sort by kind.
    pub const SORT_KIND: &str = "Kind";
    /// Sort by change.
    pub const SORT_CHANGE: &str = "Change";
    /// Shown instead of a number.
    pub const NOT_ENOUGH: &str = "not enough data";
    /// The column that says whether pain fell meaningfully.
    pub const MEANINGFUL: &str = "Pain fell 2+ points or 30%";
    /// The id of the chart of each session's change over time (its `egui_plot::PlotMemory`
    /// holds the days and changes it shows).
    pub const CHART_ID: &str = "painlog_effects_change_chart";
    /// The column that says which way a change went for the metric.
    pub const BETTER_OR_WORSE: &str = "Better or worse";
    /// The column of pain right after a session against right before it (pain whatever the
    /// metric shown).
    pub const PAIN_RIGHT_AFTER: &str = "Pain right\nafter";
    /// The column of the tables by kind and by therapist with each group's difference against
    /// ordinary weeks (the number of its sentence and of the forest plot).
    pub const AGAINST_ORDINARY: &str = "Against ordinary\nweeks";
    /// The column of the tables by kind and by therapist with the mean plain change, after −
    /// before.
    pub const PLAIN_MEAN: &str = "Plain change,\nmean";
    /// The collapsing header over each kind's and each therapist's answer in a sentence.
    pub const GROUPS_IN_WORDS: &str = "Each kind and therapist in words";
    /// The id of the forest plot (its `egui_plot::PlotMemory` holds where it is drawn).
    pub const FOREST_ID: &str = "painlog_effects_forest";
}

impl EffectsView {
    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, settings, metric) = (ctx.journal, ctx.settings, ctx.metric);
        egui::CentralPanel::default().show(ui, |ui| {
            settings_ui(ui, ctx);
            let (_, effects) = ctx.analysis.effects(journal, settings);
            self.sort_rows(journal.revision(), effects, metric);
            if effects.sessions.is_empty() {
                ui.label(RichText::new("No sessions yet: add massage sessions under Sessions to see what changed after each, against your ordinary weeks.").weak());
                honesty_ui(ui);
                return;
            }
            // The page's own height: the sessions table may fill it, no more.
            let page_height = ui.available_height();
            egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                answer::answer_ui(ui, effects, metric, page_height);
                ui.add_space(12.0);
                self.sessions_ui(ui, effects, metric, page_height);
                ui.add_space(12.0);
                let (by_kind, by_therapist) = groups::rows(effects, metric);
                groups::groups_ui(ui, "By kind", "kind", &by_kind, metric);
                ui.add_space(8.0);
                groups::groups_ui(ui, "By therapist", "therapist", &by_therapist, metric);
                ui.add_space(4.0);
                groups::notes_ui(ui, effects, metric);
                ui.add_space(8.0);
                ui.label(RichText::new(crate::analysis::DIARY_NOTE).weak());
            });
        });
    }

    /// The table of each session beside (or, in a narrow window, above) the chart of their
    /// changes.
    fn sessions_ui(
        &mut self,
        ui: &mut egui::Ui,
        effects: &Effects,
        metric: Metric,
        page_height: f32,
    ) {
        let wide = ui.available_width() >= 1000.0;
        let table_height = self.table_height(ui, page_height);
        if wide {
            // Each side lays out top-down: a table puts its body under its header.
            let top_down = egui::Layout::top_down(egui::Align::Min);
            let height = table_height.max(260.0);
            ui.horizontal_top(|ui| {
                let table_width = ui.available_width() * 0.62;
                ui.allocate_ui_with_layout(egui::vec2(table_width, height), top_down, |ui| {
                    self.table_ui(ui, effects, metric, table_height);
                });
                ui.allocate_ui_with_layout(
                    egui::vec2(ui.available_width(), height),
                    top_down,
                    |ui| {
                        self.chart_ui(ui, effects, metric, height);
                    },
                );
            });
        } else {
            self.table_ui(ui, effects, metric, table_height);
            ui.add_space(8.0);
            let chart_height = (page_height * 0.6).clamp(220.0, 420.0);
            self.chart_ui(ui, effects, metric, chart_height);
        }
    }

    fn sort_rows(&mut self, revision: u64, effects: &Effects, metric: Metric) {
        let key = Some((
            revision,
            self.sort,
            self.ascending,
            metric,
            effects.settings,
        ));
        if self.order_key == key && self.order.len() == effects.sessions.len() {
            return;
        }
        let sessions = &effects.sessions;
        let change = |i: usize| sessions[i].metrics[metric].change();
        let mut order: Vec<usize> = (0..sessions.len()).collect();
        match self.sort {
            // Sessions come sorted by start already.
            SortKey::Date => {}
            SortKey::Kind => order.sort_by(|&a, &b| {
                (sessions[a].kind.label(), sessions[a].start)
                    .cmp(&(sessions[b].kind.label(), sessions[b].start))
            }),
            SortKey::Change => {
                // Sessions without a change go last, whichever way the rest is sorted.
                let (mut with, without): (Vec<usize>, Vec<usize>) =
                    order.into_iter().partition(|&i| change(i).is_some());
                with.sort_by(|&a, &b| {
                    change(a)
                        .unwrap_or(0.0)
                        .total_cmp(&change(b).unwrap_or(0.0))
                });
                if !self.ascending {
                    with.reverse();
                }
                order = with.into_iter().chain(without).collect();
            }
        }
        if !self.ascending && self.sort != SortKey::Change {
            order.reverse();
        }
        self.order = order;
        self.order_key = key;
    }

    fn header_button(&mut self, ui: &mut egui::Ui, key: SortKey, label: &str) {
        let arrow = match (self.sort == key, self.ascending) {
            (true, true) => " ▲",
            (true, false) => " ▼",
            (false, _) => "",
        };
        let button = ui
            .add(egui::Button::new(RichText::new(format!("{label}{arrow}")).strong()).frame(false))
            .on_hover_text(format!("Sort by {}", label.to_lowercase()))
            .accessible_name(format!("Sort by {}", label.to_lowercase()));
        if button.clicked() {
            if self.sort == key {
                self.ascending = !self.ascending;
            } else {
                self.sort = key;
                self.ascending = key != SortKey::Date;
            }
        }
    }
}
