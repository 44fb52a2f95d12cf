//! The body map: a region of the body on one side (or a region without sides), and where it
//! hurt how much.
//!
//! In the file a spot is an identifier: `LowerBackLeft`, `LowerBackRight`, `Head`; the region's
//! own name (`LowerBack`) means both sides, which is how version 1 wrote every region. On the
//! command line and in CSV files it is `lower-back-left`, `lower-back-right`, `lower-back`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserializer, Serializer};

use super::{Region, Score};

/// A side of the body, as the person feels it (their own left).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The person's left.
    Left,
    /// The person's right.
    Right,
}

impl Side {
    /// Both sides, left first.
    pub const BOTH: [Self; 2] = [Self::Left, Self::Right];

    /// "left" or "right".
    pub fn word(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
        }
    }
}

/// One place on the body map: a region, on one side when the region has sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Spot {
    /// The region.
    pub region: Region,
    /// The side; `None` only for a region without sides (the head).
    pub side: Option<Side>,
}

/// Where it hurt and how much: every spot that hurt, with its intensity 0–10 when logged
/// (`None`: it hurt, the intensity was not logged).
pub type BodyMap = BTreeMap<Spot, Option<Score>>;

/// The names of each region in the file: both sides (or the region), left, right.
const IDENTS: [(Region, &str, &str, &str); 11] = [
    (Region::Head, "Head", "", ""),
    (Region::Neck, "Neck", "NeckLeft", "NeckRight"),
    (
        Region::Shoulders,
        "Shoulders",
        "ShouldersLeft",
        "ShouldersRight",
    ),
    (
        Region::UpperBack,
        "UpperBack",
        "UpperBackLeft",
        "UpperBackRight",
    ),
    (Region::MidBack, "MidBack", "MidBackLeft", "MidBackRight"),
    (
        Region::LowerBack,
        "LowerBack",
        "LowerBackLeft",
        "LowerBackRight",
    ),
    (Region::Sacrum, "Sacrum", "SacrumLeft", "SacrumRight"),
    (Region::Hips, "Hips", "HipsLeft", "HipsRight"),
    (Region::Arms, "Arms", "ArmsLeft", "ArmsRight"),
    (Region::Legs, "Legs", "LegsLeft", "LegsRight"),
    (Region::Chest, "Chest", "ChestLeft", "ChestRight"),
];

impl Region {
    /// `true` for a region with a left and a right (all but the head).
    pub fn has_sides(self) -> bool {
        !matches!(self, Self::Head)
    }

    /// The spots of this region: its two sides, or the region itself.
    pub fn spots(self) -> Vec<Spot> {
        if self.has_sides() {
            Side::BOTH
                .into_iter()
                .map(|side| Spot {
                    region: self,
                    side: Some(side),
                })
                .collect()
        } else {
            vec![Spot {
                region: self,
                side: None,
            }]
        }
    }

    fn idents(self) -> (&'static str, &'static str, &'static str) {
        IDENTS
            .iter()
            .find(|(region, ..)| *region == self)
            .map_or(("", "", ""), |(_, both, left, right)| {
                (*both, *left, *right)
            })
    }
}

impl Spot {
    /// Every spot, in the order of [`Region::ALL`], left before right.
    pub fn all() -> impl Iterator<Item = Self> {
        Region::ALL.into_iter().flat_map(Region::spots)
    }

    /// The spot of a region on a side (the region itself when it has no sides).
    pub fn new(region: Region, side: Side) -> Self {
        Self {
            region,
            side: region.has_sides().then_some(side),
        }
    }

    /// "Lower back, left", "Head".
    pub fn label(self) -> String {
        match self.side {
            Some(side) => format!("{}, {}", self.region.label(), side.word()),
            None => self.region.label().to_owned(),
        }
    }

    /// "lower-back-left", "head": typed on the command line and written in CSV files.
    pub fn cli_name(self) -> String {
        match self.side {
            Some(side) => format!("{}-{}", self.region.cli_name(), side.word()),
            None => self.region.cli_name().to_owned(),
        }
    }

    /// The identifier in the file: `LowerBackLeft`, `Head`.
    pub fn ident(self) -> &'static str {
        let (both, left, right) = self.region.idents();
        match self.side {
            None => both,
            Some(Side::Left) => left,
            Some(Side::Right) => right,
        }
    }

    /// The spots a command-line or CSV name means: `lower-back-left` one, `lower-back` both sides.
    pub fn from_cli_name(name: &str) -> Option<Vec<Self>> {
        let name = name.trim();
        if let Some(region) = Region::from_cli_name(name) {
            return Some(region.spots());
        }
        Self::all().find_map(|spot| {
            spot.cli_name()
                .eq_ignore_ascii_case(name)
                .then(|| vec![spot])
        })
    }

    /// The spots an identifier in the file means (`LowerBack`: both sides): one or two, without
    /// an allocation (a 20-year journal has some fifty thousand of them).
    fn from_ident(ident: &str) -> Option<[Option<Self>; 2]> {
        let (name, side) = if let Some(name) = ident.strip_suffix("Left") {
            (name, Some(Side::Left))
        } else if let Some(name) = ident.strip_suffix("Right") {
            (name, Some(Side::Right))
        } else {
            (ident, None)
        };
        let (region, ..) = IDENTS.iter().find(|(_, both, ..)| *both == name)?;
        match side {
            None if region.has_sides() => Some([
                Some(Self::new(*region, Side::Left)),
                Some(Self::new(*region, Side::Right)),
            ]),
            None => Some([
                Some(Self {
                    region: *region,
                    side: None,
                }),
                None,
            ]),
            Some(_) if !region.has_sides() => None,
            Some(side) => Some([Some(Self::new(*region, side)), None]),
        }
    }
}

impl fmt::Display for Spot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// These regions on both sides, intensity not logged (how version 1 recorded where it hurt).
pub fn regions_map(regions: impl IntoIterator<Item = Region>) -> BodyMap {
    regions
        .into_iter()
        .flat_map(Region::spots)
        .map(|spot| (spot, None))
        .collect()
}

/// These regions on both sides.
pub fn regions_set(regions: impl IntoIterator<Item = Region>) -> BTreeSet<Spot> {
    regions.into_iter().flat_map(Region::spots).collect()
}

/// The regions (on either side) of a body map.
pub fn areas<'a>(spots: impl IntoIterator<Item = &'a Spot>) -> BTreeSet<Region> {
    spots.into_iter().map(|spot| spot.region).collect()
}

/// A body map as short as it can be said: a region whose sides are both there with the same
/// intensity is the region (`LowerBack` / `lower-back`), otherwise each spot. Body order.
pub fn compact(map: &BodyMap) -> Vec<(Compact, Option<Score>)> {
    let mut out = Vec::new();
    for region in Region::ALL {
        let spots = region.spots();
        let values: Vec<Option<Option<Score>>> =
            spots.iter().map(|spot| map.get(spot).copied()).collect();
        if spots.len() == 2
            && let [Some(left), Some(right)] = values[..]
            && left == right
        {
            out.push((Compact::Region(region), left));
            continue;
        }
        for (spot, value) in spots.into_iter().zip(values) {
            if let Some(value) = value {
                out.push((Compact::Spot(spot), value));
            }
        }
    }
    out
}

/// A set of spots as short as it can be said (see [`compact`]).
pub fn compact_set(spots: &BTreeSet<Spot>) -> Vec<Compact> {
    let map: BodyMap = spots.iter().map(|spot| (*spot, None)).collect();
    compact(&map).into_iter().map(|(name, _)| name).collect()
}

/// A body map as text: `lower-back-left=6;neck` (`sep` between spots; a region whose sides are
/// alike is named once; `=N` only where the intensity is logged).
pub fn map_to_text(map: &BodyMap, sep: &str) -> String {
    compact(map)
        .into_iter()
        .map(|(name, value)| match value {
            Some(score) => format!("{}={score}", name.cli_name()),
            None => name.cli_name(),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// A set of spots as text: `lower-back;neck-left`.
pub fn set_to_text(spots: &BTreeSet<Spot>, sep: &str) -> String {
    compact_set(spots)
        .into_iter()
        .map(Compact::cli_name)
        .collect::<Vec<_>>()
        .join(sep)
}

/// The list of names a region may be typed as, for messages.
pub fn region_names_help() -> String {
    format!(
        "{}, each but head also with -left or -right (lower-back-left)",
        Region::ALL.map(Region::cli_name).join(", ")
    )
}

/// One `REGION[=N]`: the spots it names and the intensity, if given.
pub fn parse_spot_value(text: &str) -> Result<(Vec<Spot>, Option<Score>), String> {
    let (name, value) = match text.split_once('=') {
        Some((name, value)) => (name.trim(), Some(value.trim())),
        None => (text.trim(), None),
    };
    let spots = Spot::from_cli_name(name).ok_or_else(|| {
        format!(
            "unknown region \"{name}\"; regions are {}",
            region_names_help()
        )
    })?;
    let value = value
        .map(|value| {
            value
                .parse::<u8>()
                .ok()
                .and_then(|n| Score::new(n).ok())
                .ok_or_else(|| {
                    format!(
                        "the intensity of {name} must be a whole number from 0 to 10, found \"{value}\""
                    )
                })
        })
        .transpose()?;
    Ok((spots, value))
}

/// Read a body map written by [`map_to_text`] (names separated by `sep`).
pub fn parse_map_text(text: &str, sep: char) -> Result<BodyMap, String> {
    let mut map = BodyMap::new();
    for part in text.split(sep).map(str::trim).filter(|p| !p.is_empty()) {
        let (spots, value) = parse_spot_value(part)?;
        for spot in spots {
            if map.insert(spot, value).is_some() {
                return Err(format!(
                    "{} is named twice; name each place once",
                    spot.cli_name()
                ));
            }
        }
    }
    Ok(map)
}

/// Read a set of spots written by [`set_to_text`]; an intensity is refused.
pub fn parse_set_text(text: &str, sep: char) -> Result<BTreeSet<Spot>, String> {
    let mut set = BTreeSet::new();
    for part in text.split(sep).map(str::trim).filter(|p| !p.is_empty()) {
        if part.contains('=') {
            return Err(format!(
                "\"{part}\": a region worked on has no intensity; write only its name"
            ));
        }
        set.extend(parse_spot_value(part)?.0);
    }
    Ok(set)
}

/// A region with both sides, or one spot: how a body map is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compact {
    /// The whole region (both sides, or a region without sides).
    Region(Region),
    /// One side.
    Spot(Spot),
}

impl Compact {
    /// The identifier in the file.
    pub fn ident(self) -> &'static str {
        match self {
            Self::Region(region) => region.idents().0,
            Self::Spot(spot) => spot.ident(),
        }
    }

    /// The name on the command line and in CSV files.
    pub fn cli_name(self) -> String {
        match self {
            Self::Region(region) => region.cli_name().to_owned(),
            Self::Spot(spot) => spot.cli_name(),
        }
    }

    /// The name people read.
    pub fn label(self) -> String {
        match self {
            Self::Region(region) => region.label().to_owned(),
            Self::Spot(spot) => spot.label(),
        }
    }
}

/// The body map in the file: `{LowerBackLeft: 6, Neck: None}`; version 1's list of regions,
/// `[LowerBack, Neck]`, reads as those regions on both sides, intensity not logged.
pub(crate) mod map_format {
    use super::*;

    pub fn serialize<S: Serializer>(map: &BodyMap, serializer: S) -> Result<S::Ok, S::Error> {
        let entries = compact(map);
        let mut out = serializer.serialize_map(Some(entries.len()))?;
        for (name, value) in entries {
            out.serialize_entry(&Ident(name.ident()), &value)?;
        }
        out.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BodyMap, D::Error> {
        deserializer.deserialize_any(MapVisitor)
    }

    struct MapVisitor;

    impl<'de> Visitor<'de> for MapVisitor {
        type Value = BodyMap;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str(
                "where it hurt: `{LowerBackLeft: 6, Neck: None}` or a list of regions `[LowerBack]`",
            )
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<BodyMap, A::Error> {
            let mut map = BodyMap::new();
            while let Some(SpotName(spots)) = seq.next_element()? {
                for spot in spots.into_iter().flatten() {
                    map.insert(spot, None);
                }
            }
            Ok(map)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<BodyMap, A::Error> {
            let mut map = BodyMap::new();
            while let Some((SpotName(spots), value)) =
                access.next_entry::<SpotName, Option<Score>>()?
            {
                for spot in spots.into_iter().flatten() {
                    if map.insert(spot, value).is_some() {
                        return Err(de::Error::custom(format!(
                            "{} is named twice; name each place once",
                            spot.ident()
                        )));
                    }
                }
            }
            Ok(map)
        }
    }
}

/// A set of spots in the file: `[LowerBack, NeckLeft]` (a region's own name is both sides).
pub(crate) mod set_format {
    use super::*;

    pub fn serialize<S: Serializer>(
        spots: &BTreeSet<Spot>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let names = compact_set(spots);
        let mut out = serializer.serialize_seq(Some(names.len()))?;
        for name in names {
            out.serialize_element(&Ident(name.ident()))?;
        }
        out.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeSet<Spot>, D::Error> {
        struct SetVisitor;
        impl<'de> Visitor<'de> for SetVisitor {
            type Value = BTreeSet<Spot>;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a list of regions such as `[LowerBack, NeckLeft]`")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut set = BTreeSet::new();
                while let Some(SpotName(spots)) = seq.next_element()? {
                    set.extend(spots.into_iter().flatten());
                }
                Ok(set)
            }
        }
        deserializer.deserialize_seq(SetVisitor)
    }
}

/// An identifier written as a unit variant (RON writes it bare: `LowerBack`).
struct Ident(&'static str);

impl serde::Serialize for Ident {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Spot", 0, self.0)
    }
}

/// The spots an identifier in the file names.
struct SpotName([Option<Spot>; 2]);

impl<'de> serde::Deserialize<'de> for SpotName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl Visitor<'_> for NameVisitor {
            type Value = SpotName;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a region such as `LowerBack` or `LowerBackLeft`")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<SpotName, E> {
                Spot::from_ident(text).map(SpotName).ok_or_else(|| {
                    E::custom(format!(
                        "`{text}` is not a region; regions are {}",
                        IDENTS
                            .iter()
                            .map(|(_, both, ..)| *both)
                            .collect::<Vec<_>>()
                            .join(", ")
                            + ", each but Head with Left or Right after it (LowerBackLeft)"
                    ))
                })
            }
        }
        deserializer.deserialize_identifier(NameVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(Spot::all().count(), 21);
        for spot in Spot::all() {
            assert_eq!(Spot::from_cli_name(&spot.cli_name()), Some(vec![spot]));
            assert_eq!(Spot::from_ident(spot.ident()), Some([Some(spot), None]));
        }
        assert_eq!(
            Spot::from_cli_name("lower-back"),
            Some(Region::LowerBack.spots())
        );
        assert_eq!(Spot::from_cli_name("head-left"), None);
        assert_eq!(Spot::from_cli_name("knee"), None);
    }

    #[test]
    fn a_region_with_both_sides_alike_is_written_as_the_region() {
        let score = |n| Some(Score::new(n).unwrap());
        let mut map = BodyMap::new();
        map.insert(Spot::new(Region::LowerBack, Side::Left), score(6));
        map.insert(Spot::new(Region::LowerBack, Side::Right), score(6));
        map.insert(Spot::new(Region::Neck, Side::Left), None);
        map.insert(Spot::new(Region::Hips, Side::Left), score(2));
        map.insert(Spot::new(Region::Hips, Side::Right), score(3));
        let names: Vec<String> = compact(&map)
            .into_iter()
            .map(|(name, value)| format!("{}={value:?}", name.cli_name()))
            .collect();
        assert_eq!(
            names,
            [
                "neck-left=None",
                "lower-back=Some(Score(6))",
                "hips-left=Some(Score(2))",
                "hips-right=Some(Score(3))"
            ]
        );
    }
}
