//! The trend chart's choices, kept between runs: the metrics drawn (own measures by number),
//! daily values and the 7-day mean, the days, the table and the heat map.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::analysis::MetricMap;
use crate::model::{ItemId, Metric};

/// Which days the chart shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RangeChoice {
    /// The last 30 days.
    Days30,
    /// The last 90 days.
    #[default]
    Days90,
    /// The last year.
    Year,
    /// Everything logged.
    All,
    /// From and to typed dates.
    Custom,
}

impl RangeChoice {
    pub(super) const ALL: [Self; 5] = [
        Self::Days30,
        Self::Days90,
        Self::Year,
        Self::All,
        Self::Custom,
    ];

    pub(super) fn label(self) -> &'static str {
        match self {
            Self::Days30 => "30 days",
            Self::Days90 => "90 days",
            Self::Year => "1 year",
            Self::All => "All",
            Self::Custom => "From – to",
        }
    }
}

/// The trend chart's choices, kept between runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrendsChoices {
    /// Which built-in metrics are drawn.
    pub shown: MetricMap<bool>,
    /// Which own measures are drawn, by number.
    pub shown_own: BTreeSet<ItemId>,
    /// Daily values are drawn.
    pub daily: bool,
    /// The 7-day mean is drawn.
    pub rolling: bool,
    /// Which days.
    pub range: RangeChoice,
    /// The first day of a custom range, as typed.
    pub custom_from: String,
    /// The last day of a custom range, as typed.
    pub custom_to: String,
    /// The chart is shown as a table of its days.
    pub table: bool,
    /// Where it hurt over the days shown, as a heat map beside the chart.
    pub body: bool,
}

impl Default for TrendsChoices {
    fn default() -> Self {
        Self {
            shown: MetricMap::from_fn(|metric| matches!(metric, Metric::Pain | Metric::Sleep)),
            shown_own: BTreeSet::new(),
            daily: true,
            rolling: true,
            range: RangeChoice::default(),
            custom_from: String::new(),
            custom_to: String::new(),
            table: false,
            body: false,
        }
    }
}

impl TrendsChoices {
    /// `true` when `metric` is drawn.
    pub fn is_shown(&self, metric: Metric) -> bool {
        match metric.own_id() {
            Some(id) => self.shown_own.contains(&id),
            None => self.shown.get(metric).copied().unwrap_or(false),
        }
    }

    /// Draw `metric`, or not.
    pub fn set_shown(&mut self, metric: Metric, shown: bool) {
        match metric.own_id() {
            Some(id) if shown => {
                self.shown_own.insert(id);
            }
            Some(id) => {
                self.shown_own.remove(&id);
            }
            None => {
                if let Some(slot) = self.shown.get_mut(metric) {
                    *slot = shown;
                }
            }
        }
    }

    /// Those of `metrics` that are drawn, in their order.
    pub fn shown_of(&self, metrics: &[Metric]) -> Vec<Metric> {
        metrics
            .iter()
            .copied()
            .filter(|&metric| self.is_shown(metric))
            .collect()
    }
    /// The default choices over another range.
    pub fn with_range(range: RangeChoice) -> Self {
        Self {
            range,
            ..Self::default()
        }
    }
}
