//! The body regions sessions worked on: how often each hurt in the days before and after those
//! sessions, against ordinary weeks.

use std::collections::BTreeMap;

use chrono::{Datelike as _, NaiveDate};

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

    fn add(&mut self, days: &RegionDays, region: Region, range: DayRange) {
        let (hurt, logged) = days.count(region, range);
        self.hurt += hurt;
        self.logged += logged;
    }
}

/// For some regions, the days logged and the days each hurt, as prefix counts over the
/// journal's days: a window's counts cost two subtractions (a 20-year journal has some ten
/// thousand windows to count).
struct RegionDays {
    start: Option<NaiveDate>,
    /// `logged[i]`: days logged among the first `i` days.
    logged: Vec<u32>,
    /// `hurt[region][i]`: days it hurt among the first `i` days.
    hurt: BTreeMap<Region, Vec<u32>>,
}

impl RegionDays {
    fn new(journal: &Journal, regions: impl IntoIterator<Item = Region>) -> Self {
        let regions: Vec<Region> = regions.into_iter().collect();
        let Some((first, last)) = journal.days().next().zip(journal.days().next_back()) else {
            return Self {
                start: None,
                logged: vec![0],
                hurt: BTreeMap::new(),
            };
        };
        let (start, len) = (first.date, DayRange::new(first.date, last.date).len());
        let mut logged = vec![0_u32; len + 1];
        let mut hurt: BTreeMap<Region, Vec<u32>> =
            regions.iter().map(|r| (*r, vec![0_u32; len + 1])).collect();
        for day in journal.days() {
            let index = usize::try_from(day.date.num_days_from_ce() - start.num_days_from_ce())
                .unwrap_or(0)
                + 1;
            logged[index] = 1;
            for (region, counts) in &mut hurt {
                if hurt_in(day, *region) {
                    counts[index] = 1;
                }
            }
        }
        let prefix = |counts: &mut Vec<u32>| {
            for index in 1..counts.len() {
                counts[index] += counts[index - 1];
            }
        };
        prefix(&mut logged);
        hurt.values_mut().for_each(prefix);
        Self {
            start: Some(start),
            logged,
            hurt,
        }
    }

    /// Days `region` hurt, and days logged, in `range`.
    fn count(&self, region: Region, range: DayRange) -> (usize, usize) {
        let Some(start) = self.start else {
            return (0, 0);
        };
        let last = self.logged.len() - 1;
        let start_day = start.num_days_from_ce();
        let clamp = |date: NaiveDate| {
            usize::try_from((date.num_days_from_ce() - start_day).max(0))
                .unwrap_or(0)
                .min(last)
        };
        if range.is_empty() || range.to < start {
            return (0, 0);
        }
        let (from, to) = (clamp(range.from), clamp(range.to) + 1);
        let to = to.min(last);
        if from >= to {
            return (0, 0);
        }
        let count = |counts: &[u32]| (counts[to] - counts[from]) as usize;
        let hurt = self.hurt.get(&region).map_or(0, |counts| count(counts));
        (hurt, count(&self.logged))
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
    let days = RegionDays::new(
        journal,
        sessions
            .iter()
            .flat_map(|effect| effect.focus.iter().copied())
            .collect::<std::collections::BTreeSet<_>>(),
    );
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
            entry.before.add(&days, region, effect.before);
            entry.after.add(&days, region, effect.after);
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
                comparison.ordinary_before.add(&days, region, before);
                comparison.ordinary_after.add(&days, region, after);
            }
        }
    }
    regions
}
