//! The views of an open journal, and which one draws a frame.

use chrono::NaiveDate;

use super::aligned_view::AlignedView;
use super::context::ViewContext;
use super::day_view::DayView;
use super::effects_view::EffectsView;
use super::patterns_view::PatternsView;
use super::report_view::{ReportChoices, ReportView};
use super::sessions_view::SessionsView;
use super::trends_view::{TrendsChoices, TrendsView};
use super::year_view::YearView;
use super::{View, since_view};

/// Every view's state (the Since-last-session view has none).
pub(super) struct Views {
    day: DayView,
    sessions: SessionsView,
    trends: TrendsView,
    effects: EffectsView,
    pub(super) aligned: AlignedView,
    report: ReportView,
    pub(super) year: YearView,
    patterns: PatternsView,
}

impl Views {
    /// The views of a window opened `today`.
    pub(super) fn new(today: NaiveDate) -> Self {
        Self {
            day: DayView::new(today),
            sessions: SessionsView::default(),
            trends: TrendsView::default(),
            effects: EffectsView::default(),
            aligned: AlignedView::default(),
            report: ReportView::default(),
            year: YearView::default(),
            patterns: PatternsView::default(),
        }
    }

    /// Take saved choices.
    pub(super) fn set_choices(&mut self, trends: TrendsChoices, report: ReportChoices) {
        self.trends.set_choices(trends);
        self.report.set_choices(report);
    }

    /// The choices to keep.
    pub(super) fn choices(&self) -> (TrendsChoices, ReportChoices) {
        (self.trends.choices().clone(), self.report.choices().clone())
    }

    /// Draw `view`. Every view follows what the app did first, shown or not.
    pub(super) fn ui(&mut self, view: View, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        for event in ctx.events {
            self.day.follow(event, ctx.today());
            self.sessions.follow(event, ctx.journal);
        }
        match view {
            View::Day => self.day.ui(ui, ctx),
            View::Sessions => self.sessions.ui(ui, ctx),
            View::Trends => self.trends.ui(ui, ctx),
            View::Effects => self.effects.ui(ui, ctx),
            View::Aligned => self.aligned.ui(ui, ctx),
            View::SinceLast => since_view::ui(ui, ctx),
            View::Report => self.report.ui(ui, ctx),
            View::Year => self.year.ui(ui, ctx),
            View::Patterns => self.patterns.ui(ui, ctx),
        }
    }
}
