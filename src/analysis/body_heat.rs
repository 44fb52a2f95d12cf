//! Where it hurt over a stretch of days, place by place: on how many of the logged days, and how
//! strongly (the mean of the intensities logged). What the body map's heat map shows.

use std::collections::BTreeMap;

use super::DayRange;
use crate::model::{Journal, Spot};

/// The heat map's colours, light to dark (ColorBrewer's YlOrBr): sequential, safe for
/// colour-blind readers, and in order in grey too. The window and the report both use them.
pub const HEAT_SCALE: [[u8; 3]; 6] = [
    [0xFF, 0xF7, 0xBC],
    [0xFE, 0xE3, 0x91],
    [0xFE, 0xC4, 0x4F],
    [0xFB, 0x9A, 0x29],
    [0xD9, 0x5F, 0x0E],
    [0x99, 0x34, 0x04],
];

/// The step of [`HEAT_SCALE`] for a share (0 to 1) of days.
pub fn heat_step(share: f64) -> usize {
    let last = HEAT_SCALE.len() - 1;
    ((share.clamp(0.0, 1.0) * last as f64).round() as usize).min(last)
}

/// One place over a stretch of days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceHeat {
    /// Days it hurt.
    pub days: usize,
    /// The mean intensity over the days it hurt with an intensity logged, if any.
    pub mean_intensity: Option<f64>,
}

/// Where it hurt over a stretch of days.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BodyHeat {
    /// Days logged in the stretch (the share of each place is of these).
    pub logged: usize,
    /// Each place that hurt on any of them.
    pub places: BTreeMap<Spot, PlaceHeat>,
}

impl BodyHeat {
    /// The share of logged days a place hurt, 0 to 1.
    pub fn share(&self, spot: Spot) -> f64 {
        match (self.places.get(&spot), self.logged) {
            (Some(place), logged) if logged > 0 => place.days as f64 / logged as f64,
            _ => 0.0,
        }
    }

    /// "Lower back, left: 290 of 321 days (90%), mean intensity 5.2" for each place, most
    /// often first: what a screen reader (and the report) says of the map.
    pub fn lines(&self) -> Vec<String> {
        let mut places: Vec<(&Spot, &PlaceHeat)> = self.places.iter().collect();
        places.sort_by(|a, b| b.1.days.cmp(&a.1.days).then(a.0.cmp(b.0)));
        places
            .into_iter()
            .map(|(spot, place)| {
                let share = (self.share(*spot) * 100.0).round();
                let strength = place
                    .mean_intensity
                    .map(|mean| format!(", mean intensity {mean:.1}"))
                    .unwrap_or_default();
                format!(
                    "{}: {} of {} days ({share}%){strength}",
                    spot.label(),
                    place.days,
                    self.logged
                )
            })
            .collect()
    }
}

/// Where it hurt over `range`.
pub fn body_heat(journal: &Journal, range: DayRange) -> BodyHeat {
    let mut heat = BodyHeat::default();
    if range.is_empty() {
        return heat;
    }
    let mut sums: BTreeMap<Spot, (u32, u32)> = BTreeMap::new();
    for day in journal.days_between(range.from, range.to) {
        heat.logged += 1;
        for (spot, intensity) in &day.regions {
            heat.places
                .entry(*spot)
                .or_insert(PlaceHeat {
                    days: 0,
                    mean_intensity: None,
                })
                .days += 1;
            if let Some(intensity) = intensity {
                let sum = sums.entry(*spot).or_default();
                sum.0 += u32::from(intensity.get());
                sum.1 += 1;
            }
        }
    }
    for (spot, (sum, count)) in sums {
        if let Some(place) = heat.places.get_mut(&spot) {
            place.mean_intensity = (count > 0).then(|| f64::from(sum) / f64::from(count));
        }
    }
    heat
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Region, Score, Side};

    #[test]
    fn each_place_counts_its_days_and_the_mean_of_the_intensities_logged() {
        let mut journal = Journal::new();
        let left = Spot::new(Region::LowerBack, Side::Left);
        let neck = Spot::new(Region::Neck, Side::Right);
        for (date, lower_back, neck_hurt) in [
            ("2026-03-01", Some(6), true),
            ("2026-03-02", Some(4), false),
            ("2026-03-03", None, false),
        ] {
            let mut day = Day::empty(crate::model::parse_date(date).unwrap_or_default());
            day.pain = Score::new(3).ok();
            day.regions
                .insert(left, lower_back.and_then(|n| Score::new(n).ok()));
            if neck_hurt {
                day.regions.insert(neck, None);
            }
            journal.set_day(day);
        }
        let mut quiet = Day::empty(crate::model::parse_date("2026-03-04").unwrap_or_default());
        quiet.pain = Score::new(1).ok();
        journal.set_day(quiet);
        let range = DayRange::new(
            crate::model::parse_date("2026-03-01").unwrap_or_default(),
            crate::model::parse_date("2026-03-31").unwrap_or_default(),
        );
        let heat = body_heat(&journal, range);
        assert_eq!(heat.logged, 4);
        assert_eq!(heat.places[&left].days, 3);
        assert_eq!(heat.places[&left].mean_intensity, Some(5.0));
        assert_eq!(heat.places[&neck].mean_intensity, None);
        assert!((heat.share(left) - 0.75).abs() < 1e-9);
        assert_eq!(
            heat.lines(),
            [
                "Lower back, left: 3 of 4 days (75%), mean intensity 5.0",
                "Neck, right: 1 of 4 days (25%)"
            ]
        );
    }
}
