//! Window preferences kept between runs in eframe's own storage (`window.ron` in the config
//! folder), never journal data.

use serde::{Deserialize, Serialize};

use super::View;
use super::report_view::ReportChoices;
use super::trends_view::TrendsChoices;
use super::year_view::YearPeriod;
use crate::analysis::EffectSettings;
use crate::model::Metric;

/// The key of painlog's preferences in eframe's storage.
pub const PREFS_KEY: &str = "painlog_prefs";

/// Window preferences kept between runs (never journal data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The view shown last.
    pub view: View,
    /// k, the window of the before/after method.
    pub window: u8,
    /// m, the minimum logged days per window.
    pub min_days: u8,
    /// Leave out of the summaries the sessions with other care near them.
    pub leave_out_other_care: bool,
    /// The metric the effects and aligned views show.
    pub metric: Metric,
    /// The trend chart's choices.
    pub trends: TrendsChoices,
    /// The report's choices.
    pub report: ReportChoices,
    /// The Year view's period.
    pub year: YearPeriod,
}

impl Default for Prefs {
    fn default() -> Self {
        let settings = EffectSettings::default();
        Self {
            view: View::default(),
            window: settings.window(),
            min_days: settings.min_days(),
            leave_out_other_care: false,
            metric: Metric::Pain,
            trends: TrendsChoices::default(),
            report: ReportChoices::default(),
            year: YearPeriod::default(),
        }
    }
}
