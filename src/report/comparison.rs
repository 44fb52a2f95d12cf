//! The period's sessions against ordinary weeks, for page one and the JSON: all of them, each
//! kind, each therapist.

use serde::ser::SerializeStruct as _;
use serde::{Serialize, Serializer};

use crate::analysis::{Comparison, Effects, SessionEffect};
use crate::model::{KindChoice, Metric};

/// Which sessions a comparison is about, beyond all of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupKey {
    /// One kind ("other" kinds together).
    Kind(KindChoice),
    /// One therapist.
    Therapist(String),
}

/// Pain after the period's sessions against ordinary weeks (the one baseline, taken from the
/// whole journal): all of them, each kind, each therapist.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodComparison {
    /// Every session of the period.
    pub all: Comparison,
    /// Each kind with a session in the period, in the order of [`KindChoice::ALL`].
    pub by_kind: Vec<(KindChoice, Comparison)>,
    /// Each therapist with a session in the period, by name.
    pub by_therapist: Vec<(String, Comparison)>,
}

impl PeriodComparison {
    pub(super) fn new(in_period: &[&SessionEffect], effects: &Effects) -> Self {
        let counted: Vec<&SessionEffect> =
            in_period.iter().copied().filter(|e| e.counted).collect();
        let in_period = counted.as_slice();
        let ordinary: Vec<f64> = effects.ordinary[Metric::Pain]
            .iter()
            .map(|(_, change)| *change)
            .collect();
        let compare = |members: &mut dyn Iterator<Item = &&SessionEffect>| {
            let changes: Vec<f64> = members
                .filter_map(|e| e.metrics[Metric::Pain].change())
                .collect();
            Comparison::of(&changes, &ordinary)
        };
        let mut therapists: Vec<String> = in_period
            .iter()
            .filter_map(|e| e.therapist.clone())
            .collect();
        therapists.sort();
        therapists.dedup();
        Self {
            all: compare(&mut in_period.iter()),
            by_kind: KindChoice::ALL
                .into_iter()
                .filter(|kind| in_period.iter().any(|e| e.kind.choice() == *kind))
                .map(|kind| {
                    let mut members = in_period.iter().filter(|e| e.kind.choice() == kind);
                    (kind, compare(&mut members))
                })
                .collect(),
            by_therapist: therapists
                .into_iter()
                .map(|name| {
                    let mut members = in_period
                        .iter()
                        .filter(|e| e.therapist.as_deref() == Some(name.as_str()));
                    let compared = compare(&mut members);
                    (name, compared)
                })
                .collect(),
        }
    }

    /// The kinds, then the therapists.
    pub fn groups(&self) -> impl Iterator<Item = (GroupKey, &Comparison)> {
        let kinds = self
            .by_kind
            .iter()
            .map(|(kind, c)| (GroupKey::Kind(*kind), c));
        let therapists = self
            .by_therapist
            .iter()
            .map(|(name, c)| (GroupKey::Therapist(name.clone()), c));
        kinds.chain(therapists)
    }

    /// The kinds and therapists with an answer (enough data), the clearest first
    /// ([`Comparison::clarity`]); kinds before therapists where equally clear.
    pub fn clearest(&self) -> Vec<(GroupKey, &Comparison)> {
        let mut groups: Vec<(GroupKey, &Comparison)> =
            self.groups().filter(|(_, c)| c.ci95.is_some()).collect();
        groups.sort_by(|(_, a), (_, b)| {
            let (a, b) = (a.clarity(), b.clarity());
            b.0.cmp(&a.0).then(b.1.total_cmp(&a.1))
        });
        groups
    }
}

/// In the JSON, as `painlog effects --json` gives its comparisons (for pain alone):
/// `{"all": {"pain": C}, "by_kind": {KIND: {"pain": C}}, "by_therapist": {NAME: {"pain": C}}}`
/// with `C = {"difference", "ci95", "sessions", "baseline", "verdict"}` at full precision.
impl Serialize for PeriodComparison {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pain = |c: &Comparison| {
            let mut by_metric = serde_json::Map::new();
            by_metric.insert(
                Metric::Pain.key().to_owned(),
                serde_json::json!({
                    "difference": c.difference,
                    "ci95": c.ci95.map(|(low, high)| [low, high]),
                    "sessions": c.sessions,
                    "baseline": c.baseline,
                    "verdict": c.verdict,
                }),
            );
            by_metric
        };
        let by_kind: serde_json::Map<String, serde_json::Value> = self
            .by_kind
            .iter()
            .map(|(kind, c)| (kind.cli_name().to_owned(), pain(c).into()))
            .collect();
        let by_therapist: serde_json::Map<String, serde_json::Value> = self
            .by_therapist
            .iter()
            .map(|(name, c)| (name.clone(), pain(c).into()))
            .collect();
        let mut fields = serializer.serialize_struct("PeriodComparison", 3)?;
        fields.serialize_field("all", &pain(&self.all))?;
        fields.serialize_field("by_kind", &by_kind)?;
        fields.serialize_field("by_therapist", &by_therapist)?;
        fields.end()
    }
}
