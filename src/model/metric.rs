//! The daily measures, built in and the person's own, with the words that say which end is
//! worse.
//!
//! An own measure is carried as [`Metric::Own`], a reference to an interned [`OwnMetric`] (its
//! number, name and worse end), so a metric stays `Copy` and can name itself anywhere without
//! the journal. Two own metrics are the same metric when their numbers are: a renamed measure
//! is still the same measure.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, OnceLock};

use super::{Day, ItemId, Journal, Measure, Score, Worse};

/// A measure the person named, as the analysis carries it.
#[derive(Debug, PartialEq, Eq)]
pub struct OwnMetric {
    /// Its number in the journal's list of measures.
    pub id: ItemId,
    /// Its name.
    pub name: &'static str,
    /// Which end is worse.
    pub worse: Worse,
}

/// One of the 0–10 measures a day records.
#[derive(Clone, Copy, Debug)]
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
    /// One of the person's own measures.
    Own(&'static OwnMetric),
}

impl Metric {
    /// The built-in metrics in the order the window shows them.
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

    /// The metric for an own measure of the journal.
    pub fn own(measure: &Measure) -> Self {
        Self::Own(intern(measure.id, &measure.name, measure.worse))
    }

    /// Every metric of `journal`: the built-in ones, then its own measures (retired ones too,
    /// since their history stays), in the order they were added.
    pub fn all_in(journal: &Journal) -> Vec<Self> {
        Self::ALL
            .into_iter()
            .chain(journal.measures().iter().map(Self::own))
            .collect()
    }

    /// This metric as `journal` knows it now (an own measure with its current name), or `None`
    /// for an own measure the journal does not have.
    pub fn in_journal(self, journal: &Journal) -> Option<Self> {
        match self {
            Self::Own(own) => journal.measure(own.id).map(Self::own),
            built_in => Some(built_in),
        }
    }

    /// The number of an own measure; `None` for a built-in metric.
    pub fn own_id(self) -> Option<ItemId> {
        match self {
            Self::Own(own) => Some(own.id),
            _ => None,
        }
    }

    /// The short name: "Pain", "Sleep quality", …, or an own measure's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Pain => "Pain",
            Self::WorstPain => "Worst pain",
            Self::Stiffness => "Stiffness",
            Self::Sleep => "Sleep quality",
            Self::Stress => "Stress",
            Self::Mobility => "Range of motion",
            Self::Mood => "Mood",
            Self::Own(own) => own.name,
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
            Self::Own(own) => match own.worse {
                Worse::Higher => "0 = none, 10 = worst",
                Worse::Lower => "0 = worst, 10 = best; higher is better",
            },
        }
    }

    /// The label of an input field: the name and its scale, so the worse end is always said.
    pub fn field_label(self) -> String {
        format!("{} ({})", self.name(), self.scale())
    }

    /// The position of a built-in metric in [`Metric::ALL`]; `None` for an own measure.
    pub fn built_in_index(self) -> Option<usize> {
        Some(match self {
            Self::Pain => 0,
            Self::WorstPain => 1,
            Self::Stiffness => 2,
            Self::Sleep => 3,
            Self::Stress => 4,
            Self::Mobility => 5,
            Self::Mood => 6,
            Self::Own(_) => return None,
        })
    }

    /// `true` for sleep quality, range of motion, mood and own measures whose worse end is 0,
    /// where a higher score is better.
    pub fn higher_is_better(self) -> bool {
        match self {
            Self::Sleep | Self::Mobility | Self::Mood => true,
            Self::Own(own) => own.worse == Worse::Lower,
            _ => false,
        }
    }

    /// The name used on the command line and in JSON and CSV: `pain`, `worst_pain`, …, or an
    /// own measure's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::Pain => "pain",
            Self::WorstPain => "worst_pain",
            Self::Stiffness => "stiffness",
            Self::Sleep => "sleep",
            Self::Stress => "stress",
            Self::Mobility => "mobility",
            Self::Mood => "mood",
            Self::Own(own) => own.name,
        }
    }

    /// `true` when `name` is a built-in metric's name or key, or one of its other names on the
    /// command line (`worst`, `range of motion`), case, spaces, hyphens and underscores aside:
    /// an own measure may not take it.
    pub fn is_built_in_name(name: &str) -> bool {
        Self::built_in_named(name).is_some()
    }

    /// The built-in metric called `name` (its name, its key, `worst`, `range of motion`), case,
    /// spaces, hyphens and underscores aside.
    pub fn built_in_named(name: &str) -> Option<Self> {
        let plain = |text: &str| -> String { text.trim().to_lowercase().replace(['-', ' '], "_") };
        let wanted = plain(name);
        Self::ALL.into_iter().find(|metric| {
            plain(metric.name()) == wanted
                || metric.key() == wanted
                || (wanted == "worst" && *metric == Self::WorstPain)
                || (wanted == "sleep_quality" && *metric == Self::Sleep)
        })
    }

    /// The metric of `journal` called `name` on the command line: a built-in key (`pain`,
    /// `worst_pain`, …) or an own measure's name (case and surrounding spaces aside).
    pub fn named_in(journal: &Journal, name: &str) -> Option<Self> {
        Self::built_in_named(name).or_else(|| journal.measure_named(name).map(Self::own))
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
            Self::Own(own) => day.measures.get(&own.id).copied(),
        }
    }

    /// Set (or, with `None`, clear) this metric on a day.
    pub fn set(self, day: &mut Day, score: Option<Score>) {
        let slot = match self {
            Self::Pain => &mut day.pain,
            Self::WorstPain => &mut day.worst_pain,
            Self::Stiffness => &mut day.stiffness,
            Self::Sleep => &mut day.sleep,
            Self::Stress => &mut day.stress,
            Self::Mobility => &mut day.mobility,
            Self::Mood => &mut day.mood,
            Self::Own(own) => {
                match score {
                    Some(score) => day.measures.insert(own.id, score),
                    None => day.measures.remove(&own.id),
                };
                return;
            }
        };
        *slot = score;
    }

    /// Where it sorts: the built-in metrics in their order, then own measures by number.
    fn rank(self) -> (usize, ItemId) {
        match self {
            Self::Own(own) => (Self::COUNT, own.id),
            built_in => (built_in.built_in_index().unwrap_or(0), ItemId(0)),
        }
    }
}

/// The one `OwnMetric` for this number, name and worse end (made once, kept for the run: a
/// person has a handful of measures and renames them rarely).
fn intern(id: ItemId, name: &str, worse: Worse) -> &'static OwnMetric {
    static KNOWN: OnceLock<Mutex<Vec<&'static OwnMetric>>> = OnceLock::new();
    let mut known = KNOWN
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(own) = known
        .iter()
        .find(|own| own.id == id && own.name == name && own.worse == worse)
    {
        return own;
    }
    let own: &'static OwnMetric = Box::leak(Box::new(OwnMetric {
        id,
        name: Box::leak(name.to_owned().into_boxed_str()),
        worse,
    }));
    known.push(own);
    own
}

impl PartialEq for Metric {
    fn eq(&self, other: &Self) -> bool {
        self.rank() == other.rank()
    }
}

impl Eq for Metric {}

impl Hash for Metric {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.rank().hash(state);
    }
}

impl PartialOrd for Metric {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Metric {
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank().cmp(&other.rank())
    }
}

/// How a metric is saved with the window's choices: a built-in by its name (`Pain`), an own
/// measure by its number (`Own(3)`), read back as a stand-in until the journal names it (see
/// [`Metric::in_journal`]).
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename = "Metric")]
enum Saved {
    Pain,
    WorstPain,
    Stiffness,
    Sleep,
    Stress,
    Mobility,
    Mood,
    Own(ItemId),
}

impl serde::Serialize for Metric {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let saved = match *self {
            Self::Pain => Saved::Pain,
            Self::WorstPain => Saved::WorstPain,
            Self::Stiffness => Saved::Stiffness,
            Self::Sleep => Saved::Sleep,
            Self::Stress => Saved::Stress,
            Self::Mobility => Saved::Mobility,
            Self::Mood => Saved::Mood,
            Self::Own(own) => Saved::Own(own.id),
        };
        saved.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Metric {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Saved::deserialize(deserializer)? {
            Saved::Pain => Self::Pain,
            Saved::WorstPain => Self::WorstPain,
            Saved::Stiffness => Self::Stiffness,
            Saved::Sleep => Self::Sleep,
            Saved::Stress => Self::Stress,
            Saved::Mobility => Self::Mobility,
            Saved::Mood => Self::Mood,
            Saved::Own(id) => Self::Own(intern(id, &format!("measure {id}"), Worse::Higher)),
        })
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
