//! Every measure besides pain over the report's period: its mean against the period before,
//! and the change after the period's sessions against ordinary weeks. The built-in measures
//! and the person's own ones alike. And the strongest patterns of pain over the period.

use serde::ser::SerializeStruct as _;
use serde::{Serialize, Serializer};

use crate::analysis::{Comparison, DayRange, Effects, JournalIndex, SessionEffect};
use crate::model::Journal;
use crate::model::Metric;
use crate::report::{text, wording};

/// The heading of the section.
pub const HEADING: &str = "Every measure besides pain";

/// What the section's table says, under its heading.
pub const EXPLANATION: &str = "Means over this period and the one before; after sessions: the change from the days before this period's sessions to the days after, against the same change over ordinary weeks (95% interval). \"Better\" and \"worse\" follow which end of each measure is worse.";

/// One measure over the period.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureLine {
    /// Which measure.
    pub metric: Metric,
    /// Its mean over the period, and on how many days.
    pub mean: (Option<f64>, usize),
    /// Its mean over the period before, of the same length, and on how many days.
    pub previous: (Option<f64>, usize),
    /// After the period's sessions against ordinary weeks (from the whole journal).
    pub compared: Comparison,
}

impl MeasureLine {
    /// The measure's name, with "higher is better" where it is.
    pub fn label(&self) -> String {
        let name = self.metric.name();
        if self.metric.higher_is_better() {
            format!("{name} (higher is better)")
        } else {
            name.to_owned()
        }
    }

    /// The period's mean: "4.2 (26 days)", or "not logged".
    pub fn mean_text(&self) -> String {
        mean_and_days(self.mean)
    }

    /// The previous period's mean, likewise.
    pub fn previous_text(&self) -> String {
        mean_and_days(self.previous)
    }

    /// After sessions against ordinary weeks in a few words: "0.6 lower (0.1 to 1.2 lower),
    /// better", "no clear difference", "not enough data".
    pub fn after_sessions_text(&self) -> String {
        match self.compared.ci95 {
            Some(_) => format!("{}, {}", self.difference_text(), self.verdict()),
            None => self.verdict().to_owned(),
        }
    }

    /// The difference from ordinary weeks with its interval: "0.6 lower (0.1 to 1.2 lower)",
    /// or "–" without enough data.
    pub fn difference_text(&self) -> String {
        match (self.compared.difference, self.compared.ci95) {
            (Some(difference), Some(_)) => format!(
                "{} ({})",
                text::change(Some(difference)),
                wording::change_interval(self.compared.ci95)
            ),
            _ => text::NONE.to_owned(),
        }
    }

    /// "better", "worse", "no clear difference" or "not enough data".
    pub fn verdict(&self) -> &'static str {
        wording::verdict_word(self.metric, &self.compared)
    }

    /// The whole line in a sentence, for the Markdown: "Stiffness: 4.2 (26 days) this
    /// period, 4.8 (28 days) the period before; after sessions against ordinary weeks: 0.6
    /// lower (0.1 to 1.2 lower), better."
    pub fn sentence(&self) -> String {
        format!(
            "{}: {} this period, {} the period before; after sessions against ordinary weeks: {}.",
            self.label(),
            self.mean_text(),
            self.previous_text(),
            self.after_sessions_text()
        )
    }
}

fn mean_and_days((mean, days): (Option<f64>, usize)) -> String {
    match mean {
        Some(mean) => format!(
            "{mean:.1} ({days} {})",
            if days == 1 { "day" } else { "days" }
        ),
        None => "not logged".to_owned(),
    }
}

/// Every measure but pain (which the report is about throughout) logged in the period or the
/// one before: the built-in ones in their order, then the person's own.
pub fn measure_lines(
    index: &JournalIndex,
    effects: &Effects,
    in_period: &[&SessionEffect],
    (period, previous): (DayRange, DayRange),
) -> Vec<MeasureLine> {
    index
        .daily
        .metrics()
        .iter()
        .filter(|&&metric| metric != Metric::Pain)
        .filter_map(|&metric| {
            let mean = index.daily.mean(metric, period);
            let previous = index.daily.mean(metric, previous);
            if mean.1 + previous.1 == 0 {
                return None;
            }
            let changes: Vec<f64> = in_period
                .iter()
                .filter(|effect| effect.counted)
                .filter_map(|effect| effect.metrics.get(metric)?.change())
                .collect();
            let ordinary: Vec<f64> = effects
                .ordinary
                .get(metric)
                .map(|days| days.iter().map(|(_, change)| *change).collect())
                .unwrap_or_default();
            Some(MeasureLine {
                metric,
                mean,
                previous,
                compared: Comparison::of(&changes, &ordinary),
            })
        })
        .collect()
}

/// In the JSON: `{"measure": KEY, "name", "higher_is_better", "mean", "days", "previous_mean",
/// "previous_days", "after_sessions": C}` with `C` as `painlog effects --json` gives a
/// comparison.
impl Serialize for MeasureLine {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let c = &self.compared;
        let mut fields = serializer.serialize_struct("MeasureLine", 8)?;
        fields.serialize_field("measure", self.metric.key())?;
        fields.serialize_field("name", self.metric.name())?;
        fields.serialize_field("higher_is_better", &self.metric.higher_is_better())?;
        fields.serialize_field("mean", &self.mean.0)?;
        fields.serialize_field("days", &self.mean.1)?;
        fields.serialize_field("previous_mean", &self.previous.0)?;
        fields.serialize_field("previous_days", &self.previous.1)?;
        fields.serialize_field(
            "after_sessions",
            &serde_json::json!({
                "difference": c.difference,
                "ci95": c.ci95.map(|(low, high)| [low, high]),
                "sessions": c.sessions,
                "baseline": c.baseline,
                "verdict": c.verdict,
            }),
        )?;
        fields.end()
    }
}

/// A pattern on the report: the sentence, and what it is about.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct PatternLine {
    /// The pattern in words, as the Patterns view says it.
    pub sentence: String,
    /// `goes_with_higher` or `goes_with_lower` (pain).
    pub verdict: crate::analysis::patterns::PatternVerdict,
    /// 0: the same day; 1: pain the next day.
    pub lag: u8,
}

/// How many patterns the report names.
pub const PATTERNS_ON_REPORT: usize = 3;

/// The strongest patterns of pain over `period` whose intervals leave out 0.
pub fn strongest_patterns(
    journal: &Journal,
    index: &JournalIndex,
    period: DayRange,
) -> Vec<PatternLine> {
    let found = crate::analysis::patterns::patterns(journal, index, Metric::Pain, period);
    found
        .clear()
        .into_iter()
        .take(PATTERNS_ON_REPORT)
        .map(|pattern| PatternLine {
            sentence: super::pattern_words::sentence(pattern, Metric::Pain),
            verdict: pattern.verdict(),
            lag: pattern.lag(),
        })
        .collect()
}
