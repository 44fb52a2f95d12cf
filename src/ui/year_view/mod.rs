//! The Year view: the year at a glance. A calendar of one metric (one square per day, darker
//! where it is worse; session and care-visit days marked) over this year, the last 12 months, a
//! chosen year or everything (one row of months per year), and under it the year and month
//! summaries. A click or Enter on a day opens it in the Day view.

mod calendar_ui;
mod grid;

use chrono::{Datelike as _, Months, NaiveDate};

use super::Command;
use super::chart::metric_legend;
use super::context::ViewContext;
use super::table::text_table;
use crate::analysis::calendar::{Calendar, PeriodSummary, month_summaries, year_summaries};
use crate::analysis::{DayRange, JournalIndex};
use crate::model::{Journal, Metric};
use crate::report::calendar::{SUMMARY_HEADERS, in_words, summary_row};

/// The labels of the view's controls and parts.
pub mod labels {
    /// The choice of metric (the one Effects and Aligned show).
    pub const METRIC: &str = "Metric:";
    /// The choice of period.
    pub const PERIOD: &str = "Period:";
    /// The table of years.
    pub const YEARS: &str = "Year by year";
    /// The table of months.
    pub const MONTHS: &str = "Month by month";
    /// Said while nothing is logged.
    pub const EMPTY: &str = "Nothing is logged yet, so the calendar is empty.";
    /// The way out of the empty state.
    pub const LOG_TODAY: &str = "Log today in the Day view";
}

/// Which days the calendar shows (kept between runs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum YearPeriod {
    /// 1 January to today.
    ThisYear,
    /// The 1st of the month eleven months ago to today.
    #[default]
    Last12Months,
    /// One calendar year (to today, if it is this year).
    Year(i32),
    /// From the first day logged to today.
    Everything,
}

impl YearPeriod {
    /// As the choice names it.
    fn label(self) -> String {
        match self {
            Self::ThisYear => "This year".to_owned(),
            Self::Last12Months => "Last 12 months".to_owned(),
            Self::Year(year) => year.to_string(),
            Self::Everything => "Everything".to_owned(),
        }
    }

    /// Its days, with `today` the end of open periods.
    fn range(self, journal: &Journal, today: NaiveDate) -> DayRange {
        let january = |year: i32| NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
        match self {
            Self::ThisYear => DayRange::new(january(today.year()), today),
            Self::Last12Months => DayRange::new(
                today
                    .with_day(1)
                    .and_then(|first| first.checked_sub_months(Months::new(11)))
                    .unwrap_or(today),
                today,
            ),
            Self::Year(year) => DayRange::new(
                january(year),
                NaiveDate::from_ymd_opt(year, 12, 31)
                    .unwrap_or(today)
                    .min(today.max(january(year))),
            ),
            Self::Everything => match journal.date_span() {
                Some((first, last)) => DayRange::new(first.min(today), last.max(today)),
                None => DayRange::new(today, today),
            },
        }
    }
}

/// What the view shows, made once per journal revision, metric and period.
struct Built {
    key: (u64, Metric, DayRange),
    calendar: Calendar,
    months: Vec<PeriodSummary>,
    years: Vec<PeriodSummary>,
    words: String,
}

impl Built {
    fn new(journal: &Journal, index: &JournalIndex, key: (u64, Metric, DayRange)) -> Self {
        let (_, metric, range) = key;
        let calendar = Calendar::new(journal, index, metric, range);
        let months = month_summaries(journal, index, range);
        let years = year_summaries(journal, index, range);
        let words = in_words(&calendar, &months);
        Self {
            key,
            calendar,
            months,
            years,
            words,
        }
    }
}

/// The view's state.
#[derive(Default)]
pub struct YearView {
    period: YearPeriod,
    /// The day the keyboard's cursor is on.
    cursor: Option<NaiveDate>,
    built: Option<Built>,
    /// Bring this day into view on the next frame (the last day of a period just chosen).
    scroll_to: Option<NaiveDate>,
}

impl YearView {
    /// Take the period chosen last time.
    pub fn set_period(&mut self, period: YearPeriod) {
        self.period = period;
    }

    /// The period chosen, to keep.
    pub fn period(&self) -> YearPeriod {
        self.period
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        egui::CentralPanel::default().show(ui, |ui| self.page_ui(ui, ctx));
    }

    /// The page inside the view's panel.
    fn page_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let journal = ctx.journal;
        let today = ctx.today();
        ui.heading("The year at a glance");
        self.controls(ui, ctx);
        if journal.is_empty() {
            empty_state(ui, ctx);
            return;
        }
        let range = self.period.range(journal, today);
        let key = (journal.revision(), ctx.metric, range);
        if self.built.as_ref().is_none_or(|built| built.key != key) {
            let index = ctx.analysis.index(journal);
            let period_changed = self.built.as_ref().is_none_or(|built| built.key.2 != range);
            self.built = Some(Built::new(journal, index, key));
            if period_changed {
                self.scroll_to = Some(range.to);
            }
        }
        self.cursor = self.cursor.map(|day| day.clamp(range.from, range.to));
        let Some(built) = &self.built else {
            return;
        };
        calendar_ui::legend_ui(ui, ctx.metric);
        egui::ScrollArea::vertical()
            .id_salt("year_page")
            .auto_shrink(false)
            .show(ui, |ui| {
                let shown = calendar_ui::Shown {
                    journal,
                    calendar: &built.calendar,
                    words: &built.words,
                };
                let scroll_to = self.scroll_to.take();
                if let Some(day) = calendar_ui::calendar(ui, &shown, &mut self.cursor, scroll_to) {
                    ctx.push(Command::OpenDay(day));
                }
                ui.add_space(12.0);
                summaries_ui(ui, built, self.cursor);
            });
    }

    /// The metric and the period.
    fn controls(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.strong(labels::METRIC);
            let mut chosen = ctx.metric;
            egui::ComboBox::from_id_salt("year_metric_choice")
                .selected_text(metric_legend(chosen))
                .width(260.0)
                .show_ui(ui, |ui| {
                    for choice in Metric::all_in(ctx.journal) {
                        ui.selectable_value(&mut chosen, choice, metric_legend(choice));
                    }
                })
                .response
                .labelled_by(label.id);
            if chosen != ctx.metric {
                ctx.push(Command::SetMetric(chosen));
            }
            ui.add_space(12.0);
            let label = ui.strong(labels::PERIOD);
            let mut choices = vec![
                YearPeriod::ThisYear,
                YearPeriod::Last12Months,
                YearPeriod::Everything,
            ];
            let today = ctx.today();
            let first = ctx
                .journal
                .date_span()
                .map_or(today.year(), |(first, _)| first.year());
            choices.extend((first..=today.year()).rev().map(YearPeriod::Year));
            let mut period = self.period;
            egui::ComboBox::from_id_salt("year_period_choice")
                .selected_text(period.label())
                .show_ui(ui, |ui| {
                    for choice in choices {
                        ui.selectable_value(&mut period, choice, choice.label());
                    }
                })
                .response
                .labelled_by(label.id);
            self.period = period;
        });
    }
}

/// Said while nothing is logged: what will be here, and the way to the Day view.
fn empty_state(ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
    ui.add_space(16.0);
    ui.label(labels::EMPTY);
    ui.label(format!(
        "Once you log days, each day of the year is a square here, darker where your {} is worse, with your massage sessions and other care visits marked; the months and years are summed up under it.",
        crate::report::wording::metric_name(ctx.metric)
    ));
    ui.add_space(8.0);
    if ui.button(labels::LOG_TODAY).clicked() {
        ctx.push(Command::OpenDay(ctx.today()));
    }
}

/// The years, then the months: all of them for a period of a year or so, else those of the
/// year the cursor is in (the last year until it moves).
fn summaries_ui(ui: &mut egui::Ui, built: &Built, cursor: Option<NaiveDate>) {
    if built.years.len() > 1 {
        ui.strong(labels::YEARS);
        let rows: Vec<Vec<String>> = built.years.iter().map(summary_row).collect();
        text_table(ui, labels::YEARS, &SUMMARY_HEADERS, &rows);
        ui.add_space(12.0);
    }
    let range = built.calendar.range;
    let months: Vec<&PeriodSummary> = if built.months.len() <= 13 {
        built.months.iter().collect()
    } else {
        let year = cursor.unwrap_or(range.to).year();
        built
            .months
            .iter()
            .filter(|m| m.start.year() == year)
            .collect()
    };
    ui.strong(labels::MONTHS);
    if months.len() < built.months.len() {
        ui.label(
            egui::RichText::new(format!(
                "The months of {}: move the calendar's cursor to another year to see its months.",
                months.first().map_or(range.to.year(), |m| m.start.year())
            ))
            .weak(),
        );
    }
    let rows: Vec<Vec<String>> = months.into_iter().map(summary_row).collect();
    text_table(ui, labels::MONTHS, &SUMMARY_HEADERS, &rows);
}
