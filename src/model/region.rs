//! Body regions, session kinds and pressures: the fixed vocabularies of the journal.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where it hurt, or where a therapist worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Region {
    /// Neck.
    Neck,
    /// Shoulders.
    Shoulders,
    /// Upper back.
    UpperBack,
    /// Mid back.
    MidBack,
    /// Lower back.
    LowerBack,
    /// Hips and glutes.
    Hips,
    /// Legs.
    Legs,
    /// Arms and hands.
    Arms,
    /// Head.
    Head,
    /// Sacrum and sacroiliac (SI) joints.
    Sacrum,
    /// Chest.
    Chest,
}

impl Region {
    /// Every region, in body order from the neck down (chest and head last, as extras).
    pub const ALL: [Self; 11] = [
        Self::Neck,
        Self::Shoulders,
        Self::UpperBack,
        Self::MidBack,
        Self::LowerBack,
        Self::Sacrum,
        Self::Hips,
        Self::Legs,
        Self::Arms,
        Self::Chest,
        Self::Head,
    ];

    /// The name people read in the window and in reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Neck => "Neck",
            Self::Shoulders => "Shoulders",
            Self::UpperBack => "Upper back",
            Self::MidBack => "Mid back",
            Self::LowerBack => "Lower back",
            Self::Hips => "Hips / glutes",
            Self::Legs => "Legs",
            Self::Arms => "Arms / hands",
            Self::Head => "Head",
            Self::Sacrum => "Sacrum / SI joints",
            Self::Chest => "Chest",
        }
    }

    /// The name typed on the command line and written in CSV files.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Neck => "neck",
            Self::Shoulders => "shoulders",
            Self::UpperBack => "upper-back",
            Self::MidBack => "mid-back",
            Self::LowerBack => "lower-back",
            Self::Hips => "hips",
            Self::Legs => "legs",
            Self::Arms => "arms",
            Self::Head => "head",
            Self::Sacrum => "sacrum",
            Self::Chest => "chest",
        }
    }

    /// The region with this command-line name (case-insensitive).
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|region| region.cli_name().eq_ignore_ascii_case(name.trim()))
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How firmly the therapist worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Pressure {
    /// Light.
    Light,
    /// Medium.
    Medium,
    /// Firm.
    Firm,
    /// Deep.
    Deep,
}

impl Pressure {
    /// Every pressure, lightest first.
    pub const ALL: [Self; 4] = [Self::Light, Self::Medium, Self::Firm, Self::Deep];

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Self::Light => "Light",
            Self::Medium => "Medium",
            Self::Firm => "Firm",
            Self::Deep => "Deep",
        }
    }

    /// The name typed on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Medium => "medium",
            Self::Firm => "firm",
            Self::Deep => "deep",
        }
    }

    /// The pressure with this command-line name (case-insensitive).
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|pressure| pressure.cli_name().eq_ignore_ascii_case(name.trim()))
    }
}

impl fmt::Display for Pressure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The kind of massage, without the free-text name of "other".
///
/// Used for choosing a kind in the window and on the command line; a [`SessionKind`] carries
/// the name of an "other" kind as well.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KindChoice {
    /// Swedish.
    Swedish,
    /// Deep tissue.
    DeepTissue,
    /// Trigger point or myofascial release.
    TriggerPoint,
    /// Sports.
    Sports,
    /// Shiatsu or acupressure.
    Shiatsu,
    /// Another kind, named by the user.
    Other,
}

impl KindChoice {
    /// Every choice, in the order the window offers them.
    pub const ALL: [Self; 6] = [
        Self::Swedish,
        Self::DeepTissue,
        Self::TriggerPoint,
        Self::Sports,
        Self::Shiatsu,
        Self::Other,
    ];

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Self::Swedish => "Swedish",
            Self::DeepTissue => "Deep tissue",
            Self::TriggerPoint => "Trigger point / myofascial",
            Self::Sports => "Sports",
            Self::Shiatsu => "Shiatsu / acupressure",
            Self::Other => "Other",
        }
    }

    /// A letter for the kind, drawn on session markers so that charts read without colour
    /// (and in black and white). From the choice, never from an "other" kind's own name.
    pub fn letter(self) -> &'static str {
        match self {
            Self::Swedish => "S",
            Self::DeepTissue => "D",
            Self::TriggerPoint => "T",
            Self::Sports => "P",
            Self::Shiatsu => "A",
            Self::Other => "O",
        }
    }

    /// The name typed on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::Swedish => "swedish",
            Self::DeepTissue => "deep-tissue",
            Self::TriggerPoint => "trigger-point",
            Self::Sports => "sports",
            Self::Shiatsu => "shiatsu",
            Self::Other => "other",
        }
    }

    /// The choice with this command-line name (case-insensitive).
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.cli_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// The kind of a massage session, as stored in the journal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SessionKind {
    /// Swedish.
    Swedish,
    /// Deep tissue.
    DeepTissue,
    /// Trigger point or myofascial release.
    TriggerPoint,
    /// Sports.
    Sports,
    /// Shiatsu or acupressure.
    Shiatsu,
    /// Another kind, with the user's own name for it (empty when not named).
    Other(String),
}

impl SessionKind {
    /// The choice this kind was made from.
    pub fn choice(&self) -> KindChoice {
        match self {
            Self::Swedish => KindChoice::Swedish,
            Self::DeepTissue => KindChoice::DeepTissue,
            Self::TriggerPoint => KindChoice::TriggerPoint,
            Self::Sports => KindChoice::Sports,
            Self::Shiatsu => KindChoice::Shiatsu,
            Self::Other(_) => KindChoice::Other,
        }
    }

    /// A kind from a choice and, for "other", its name (which may be left empty).
    pub fn from_choice(choice: KindChoice, other_name: &str) -> Self {
        match choice {
            KindChoice::Swedish => Self::Swedish,
            KindChoice::DeepTissue => Self::DeepTissue,
            KindChoice::TriggerPoint => Self::TriggerPoint,
            KindChoice::Sports => Self::Sports,
            KindChoice::Shiatsu => Self::Shiatsu,
            KindChoice::Other => Self::Other(other_name.trim().to_owned()),
        }
    }

    /// The name people read: the user's own name for "other" ("Other" when unnamed).
    pub fn label(&self) -> &str {
        match self {
            Self::Other(name) if !name.trim().is_empty() => name,
            kind => kind.choice().label(),
        }
    }

    /// The command-line name of the choice ("other" for every other kind).
    pub fn cli_name(&self) -> &'static str {
        self.choice().cli_name()
    }
}

impl fmt::Display for SessionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_names_round_trip() {
        for region in Region::ALL {
            assert_eq!(Region::from_cli_name(region.cli_name()), Some(region));
        }
        for pressure in Pressure::ALL {
            assert_eq!(Pressure::from_cli_name(pressure.cli_name()), Some(pressure));
        }
        for kind in KindChoice::ALL {
            assert_eq!(KindChoice::from_cli_name(kind.cli_name()), Some(kind));
        }
        assert_eq!(Region::from_cli_name("Lower-Back"), Some(Region::LowerBack));
        assert_eq!(Region::from_cli_name("knee"), None);
    }

    #[test]
    fn other_kind_may_have_a_name() {
        let unnamed = SessionKind::from_choice(KindChoice::Other, "  ");
        assert_eq!(unnamed, SessionKind::Other(String::new()));
        assert_eq!(unnamed.label(), "Other");
        assert_eq!(
            SessionKind::from_choice(KindChoice::Other, " Hot stone "),
            SessionKind::Other("Hot stone".to_owned())
        );
        assert_eq!(
            SessionKind::Other("Hot stone".to_owned()).label(),
            "Hot stone"
        );
        assert_eq!(SessionKind::DeepTissue.label(), "Deep tissue");
    }
}
