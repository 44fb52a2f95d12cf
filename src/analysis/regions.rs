//! The body regions sessions worked on: how often each hurt in the days before and after those
//! sessions, against ordinary weeks.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{DayRange, EffectSettings, SessionEffect};
use crate::model::{Journal, Region};

/// On how many of the logged days of some windows a region hurt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    /// Days the region hurt.
    pub hurt: usize,
    /// Days logged.
    pub logged: usize,
}

impl Share {
    /// The share of logged days the region hurt (`None` without a logged day).
    pub fn fraction(self) -> Option<f64> {
        (self.logged > 0).then(|| self.hurt as f64 / self.logged as f64)
    }

    /// As days of a window of `k`: "5" (of 7), rounded.
    pub fn of_window(self, k: u8) -> Option<u8> {
        self.fraction()
            .map(|fraction| (fraction * f64::from(k)).round().clamp(0.0, f64::from(k)) as u8)
    }

    fn add(&mut self, journal: &Journal, region: Region, range: DayRange) {
        for day in journal.days_between(range.from, range.to) {
            self.logged += 1;
            if hurt_in(day, region) {
                self.hurt += 1;
            }
        }
    }
}

/// `true` when `region` hurt on `day`, on either side (its places are next to each other in the
/// body map's order).
fn hurt_in(day: &crate::model::Day, region: Region) -> bool {
    use crate::model::{Side, Spot};
    let first = Spot { region, side: None };
    let last = Spot {
        region,
        side: Some(Side::Right),
    };
    day.regions.range(first..=last).next().is_some()
}

/// A region sessions worked on: how often it hurt around them and around ordinary days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionComparison {
    /// Sessions that worked on it.
    pub sessions: usize,
    /// In their before windows.
    pub before: Share,
    /// In their after windows.
    pub after: Share,
    /// Ordinary days in the sample.
    pub ordinary_weeks: usize,
    /// In the week before each ordinary day.
    pub ordinary_before: Share,
    /// In the week after.
    pub ordinary_after: Share,
}

/// For each region any session worked on: its shares before and after those sessions, and
/// before and after the `ordinary` days (the pain sample of the comparison with ordinary weeks).
pub fn by_focus_region(
    journal: &Journal,
    sessions: &[&SessionEffect],
    ordinary: &[(NaiveDate, f64)],
    settings: EffectSettings,
) -> BTreeMap<Region, RegionComparison> {
    let k = u64::from(settings.window());
    let mut regions: BTreeMap<Region, RegionComparison> = BTreeMap::new();
    for effect in sessions {
        for &region in &effect.focus {
            let entry = regions.entry(region).or_insert_with(|| RegionComparison {
                sessions: 0,
                before: Share::default(),
                after: Share::default(),
                ordinary_weeks: ordinary.len(),
                ordinary_before: Share::default(),
                ordinary_after: Share::default(),
            });
            entry.sessions += 1;
            entry.before.add(journal, region, effect.before);
            entry.after.add(journal, region, effect.after);
        }
    }
    let (one, window) = (chrono::Days::new(1), chrono::Days::new(k));
    for (&region, comparison) in &mut regions {
        for (day, _) in ordinary {
            if let (Some(before_from), Some(before_to), Some(after_from), Some(after_to)) = (
                day.checked_sub_days(window),
                day.checked_sub_days(one),
                day.checked_add_days(one),
                day.checked_add_days(window),
            ) {
                let (before, after) = (
                    DayRange::new(before_from, before_to),
                    DayRange::new(after_from, after_to),
                );
                comparison.ordinary_before.add(journal, region, before);
                comparison.ordinary_after.add(journal, region, after);
            }
        }
    }
    regions
}
