//! Patterns: what goes with worse or better days. A ranked list of the patterns whose interval
//! leaves out 0, each in a sentence with a small picture, then every other one in words, so
//! that nothing is hidden for being unwelcome.

mod pictures;

use chrono::{Days, NaiveDate};
use egui::RichText;

use super::context::ViewContext;
use crate::analysis::DayRange;
use crate::analysis::patterns::{AnyPattern, PatternVerdict, Patterns, patterns};
use crate::model::{Journal, Metric};
use crate::report::{pattern_words, text};

/// Labels of the view's controls and parts.
pub mod labels {
    /// The heading.
    pub const HEADING: &str = "What goes with worse or better days";
    /// The period's choices.
    pub const PERIOD: &str = "Period:";
    /// The list of patterns with no clear answer.
    pub const NO_CLEAR: &str = "No clear pattern";
    /// The list of patterns without enough days.
    pub const NOT_ENOUGH: &str = "Not enough days yet";
}

/// Which days the patterns are worked out over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PatternPeriod {
    /// The last 90 days up to today.
    Days90,
    /// The last 365 days up to today.
    Year,
    /// The whole journal.
    #[default]
    Everything,
}

impl PatternPeriod {
    const ALL: [Self; 3] = [Self::Days90, Self::Year, Self::Everything];

    fn label(self) -> &'static str {
        match self {
            Self::Days90 => "Last 90 days",
            Self::Year => "Last 12 months",
            Self::Everything => "Everything",
        }
    }

    fn range(self, journal: &Journal, today: NaiveDate) -> DayRange {
        let back = |days: u64| {
            DayRange::new(
                today.checked_sub_days(Days::new(days - 1)).unwrap_or(today),
                today,
            )
        };
        match self {
            Self::Days90 => back(90),
            Self::Year => back(365),
            Self::Everything => journal.date_span().map_or_else(
                || back(90),
                |(first, last)| DayRange::new(first, last.max(today)),
            ),
        }
    }
}

/// The view's choices and the patterns last worked out.
#[derive(Default)]
pub struct PatternsView {
    period: PatternPeriod,
    /// The patterns, for the journal revision, metric and days they were worked out for.
    found: Option<((u64, Metric, DayRange), Patterns)>,
}

impl PatternsView {
    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        egui::CentralPanel::default().show(ui, |ui| self.page_ui(ui, ctx));
    }

    fn page_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, today, metric) = (ctx.journal, ctx.today(), ctx.metric);
        ui.heading(labels::HEADING);
        ui.horizontal_wrapped(|ui| {
            super::controls::metric_choice(ui, ctx);
            ui.add_space(12.0);
            ui.strong(labels::PERIOD);
            for choice in PatternPeriod::ALL {
                let chosen = self.period == choice;
                if ui.selectable_label(chosen, choice.label()).clicked() {
                    self.period = choice;
                }
            }
        });
        let range = self.period.range(journal, today);
        let key = (journal.revision(), metric, range);
        if self.found.as_ref().is_none_or(|(k, _)| *k != key) {
            let index = ctx.analysis.index(journal);
            self.found = Some((key, patterns(journal, index, metric, range)));
        }
        let Some((_, found)) = &self.found else {
            return;
        };
        if !journal.is_empty() {
            ui.label(format!(
                "{} to {}: {} days with something logged. {}",
                text::date(range.from),
                text::date(range.to),
                found.days_counted,
                pattern_words::CAUTION
            ));
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| list_ui(ui, found, journal.is_empty()));
    }
}

/// The named patterns with their pictures, then the others in words, then the method.
fn list_ui(ui: &mut egui::Ui, found: &Patterns, empty: bool) {
    let metric = found.metric;
    let clear = found.clear();
    if empty {
        ui.label(
            "Nothing to look for yet. Log your days in the Day view (Ctrl+1): after a few weeks, \
             this view shows which measures, medications, exercises, kinds of session and \
             places that hurt go with worse or better days.",
        );
        return;
    }
    if clear.is_empty() {
        ui.label(RichText::new("No clear pattern yet: no interval leaves out 0.").strong());
    }
    let wide = ui.available_width() >= 720.0;
    for (rank, pattern) in clear.iter().enumerate() {
        ui.separator();
        let sentence = format!(
            "{}. {}",
            rank + 1,
            pattern_words::sentence(*pattern, metric)
        );
        // Pictures scrolled out of sight keep their room but are not drawn (twenty years hold
        // some thirty patterns); the sentences stay, for a screen reader.
        let ahead = egui::Rect::from_min_size(
            ui.cursor().min,
            egui::vec2(ui.available_width(), 2.0 * pictures::SIZE.y),
        );
        let shown = ui.is_rect_visible(ahead);
        if wide {
            ui.horizontal(|ui| {
                picture(ui, *pattern, metric, shown);
                ui.add_space(8.0);
                ui.vertical(|ui| said(ui, &sentence));
            });
        } else {
            said(ui, &sentence);
            picture(ui, *pattern, metric, shown);
        }
    }
    ui.add_space(8.0);
    for (heading, verdict) in [
        (labels::NO_CLEAR, PatternVerdict::NoClearPattern),
        (labels::NOT_ENOUGH, PatternVerdict::NotEnoughData),
    ] {
        let lines = pattern_words::sentences_of(found, verdict);
        if lines.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(format!("{heading} ({})", lines.len()))
            .id_salt(heading)
            .show(ui, |ui| {
                for line in &lines {
                    ui.label(format!("• {line}"));
                }
            });
    }
    ui.add_space(8.0);
    ui.label(RichText::new(pattern_words::METHOD).weak());
}

fn said(ui: &mut egui::Ui, sentence: &str) {
    ui.add(egui::Label::new(sentence).wrap());
    ui.label(RichText::new(pattern_words::CAUTION).weak().italics());
}

fn picture(ui: &mut egui::Ui, pattern: AnyPattern<'_>, metric: Metric, shown: bool) {
    if !shown {
        ui.allocate_space(pictures::SIZE);
        return;
    }
    match pattern {
        AnyPattern::Measure(p) => pictures::scatter(ui, p, metric),
        AnyPattern::Factor(p) => pictures::boxes(ui, p, metric),
    }
}
