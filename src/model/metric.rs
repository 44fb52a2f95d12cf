//! The built-in daily measures, with the words that say which end is worse.

use std::fmt;

use super::{Day, Score};

/// One of the built-in 0–10 measures a day records.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Metric {
    /// Average pain today.
    Pain,
    /// The worst moment today.
    WorstPain,
    /// How stiff the back or neck felt.
    Stiffness,
    /// Last night's sleep quality (higher is better).
    Sleep,
    /// Today's stress or anxiety.
    Stress,
    /// Range of motion: how freely the person could move (higher is better).
    Mobility,
    /// Mood (higher is better).
    Mood,
}

impl Metric {
    /// The metrics in the order the window shows them.
    pub const ALL: [Self; 7] = [
        Self::Pain,
        Self::WorstPain,
        Self::Stiffness,
        Self::Sleep,
        Self::Stress,
        Self::Mobility,
        Self::Mood,
    ];

    /// How many built-in metrics there are.
    pub const COUNT: usize = Self::ALL.len();

    /// The short name: "Pain", "Sleep quality", …
    pub fn name(self) -> &'static str {
        match self {
            Self::Pain => "Pain",
            Self::WorstPain => "Worst pain",
            Self::Stiffness => "Stiffness",
            Self::Sleep => "Sleep quality",
            Self::Stress => "Stress",
            Self::Mobility => "Range of motion",
            Self::Mood => "Mood",
        }
    }

    /// What the two ends of the scale mean, e.g. "0 = none, 10 = worst".
    pub fn scale(self) -> &'static str {
        match self {
            Self::Pain | Self::WorstPain => "0 = none, 10 = worst imaginable",
            Self::Stiffness | Self::Stress => "0 = none, 10 = worst",
            Self::Sleep => "0 = awful, 10 = excellent; higher is better",
            Self::Mobility => "0 = barely, 10 = freely; higher is better",
            Self::Mood => "0 = very low, 10 = very good; higher is better",
        }
    }

    /// The label of an input field: the name and its scale, so the worse end is always said.
    pub fn field_label(self) -> String {
        format!("{} ({})", self.name(), self.scale())
    }

    /// The position of this metric in [`Metric::ALL`].
    pub fn index(self) -> usize {
        match self {
            Self::Pain => 0,
            Self::WorstPain => 1,
            Self::Stiffness => 2,
            Self::Sleep => 3,
            Self::Stress => 4,
            Self::Mobility => 5,
            Self::Mood => 6,
        }
    }

    /// `true` for sleep quality, range of motion and mood, where a higher score is better.
    pub fn higher_is_better(self) -> bool {
        matches!(self, Self::Sleep | Self::Mobility | Self::Mood)
    }

    /// The name used on the command line and in JSON and CSV: `pain`, `worst_pain`, …
    pub fn key(self) -> &'static str {
        match self {
            Self::Pain => "pain",
            Self::WorstPain => "worst_pain",
            Self::Stiffness => "stiffness",
            Self::Sleep => "sleep",
            Self::Stress => "stress",
            Self::Mobility => "mobility",
            Self::Mood => "mood",
        }
    }

    /// This metric's value on a day.
    pub fn of(self, day: &Day) -> Option<Score> {
        match self {
            Self::Pain => day.pain,
            Self::WorstPain => day.worst_pain,
            Self::Stiffness => day.stiffness,
            Self::Sleep => day.sleep,
            Self::Stress => day.stress,
            Self::Mobility => day.mobility,
            Self::Mood => day.mood,
        }
    }

    /// The slot on a day that holds this metric.
    pub fn slot(self, day: &mut Day) -> &mut Option<Score> {
        match self {
            Self::Pain => &mut day.pain,
            Self::WorstPain => &mut day.worst_pain,
            Self::Stiffness => &mut day.stiffness,
            Self::Sleep => &mut day.sleep,
            Self::Stress => &mut day.stress,
            Self::Mobility => &mut day.mobility,
            Self::Mood => &mut day.mood,
        }
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
