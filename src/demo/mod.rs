//! A generated, realistic journal for the demo, the benchmarks and the tests.
//!
//! Pain follows a slow baseline with flare-ups; poor sleep and stress go with worse days;
//! people book sessions more often when pain runs high (so pain tends to fall afterwards
//! anyway, as in real diaries), and sessions help a little for a few days. Days go unlogged
//! now and then, and once a year for a fortnight. Range of motion and mood, intensities, own
//! measures, medications, home exercises and physiotherapy come from [`care`]. The same seed
//! gives the same journal.

mod care;
mod rng;

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate, NaiveTime};

use crate::model::{
    Amount, Cost, Currency, Day, Journal, Minutes, Pressure, Region, Score, Session, SessionKind,
};
use rng::Rng;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoSpec {
    /// How many years of days, ending on `end`.
    pub years: u32,
    /// How many sessions in that time.
    pub sessions: usize,
    /// The random seed; the same seed gives the same journal.
    pub seed: u64,
    /// The last day (usually today).
    pub end: NaiveDate,
}

impl DemoSpec {
    /// The journal the window's `--demo` opens: a year, 20 sessions, ending `end`.
    pub fn window_demo(end: NaiveDate) -> Self {
        Self {
            years: 1,
            sessions: 20,
            seed: 2026,
            end,
        }
    }
}

struct Therapist {
    name: &'static str,
    kinds: &'static [SessionKind],
    price: u64,
    currency: &'static str,
}

const THERAPISTS: [Therapist; 4] = [
    Therapist {
        name: "Anna Berg",
        kinds: &[
            SessionKind::DeepTissue,
            SessionKind::DeepTissue,
            SessionKind::TriggerPoint,
        ],
        price: 85,
        currency: "USD",
    },
    Therapist {
        name: "Riverside Clinic",
        kinds: &[SessionKind::Swedish, SessionKind::Sports],
        price: 65,
        currency: "USD",
    },
    Therapist {
        name: "Kenji Mori",
        kinds: &[SessionKind::Shiatsu],
        price: 70,
        currency: "USD",
    },
    Therapist {
        name: "Marta Nowak",
        kinds: &[SessionKind::DeepTissue, SessionKind::Swedish],
        price: 60,
        currency: "USD",
    },
];

const DAY_NOTES: &[&str] = &[
    "Long drive to the coast; back stiff by evening.",
    "Gardening for two hours. Regretted it.",
    "Good day, walked 6 km.",
    "Slept on the sofa, neck sore.",
    "Did the stretches the therapist showed me, twice.",
    "Deadline week at work; shoulders up to my ears.",
    "Hot bath helped, pain eased after.",
    "Ibuprofen at lunch.",
    "Rainy and cold. Lower back \"locked\" in the morning, better after moving around.",
    "Yoga class, gentle version. Hips felt looser afterwards, lower back fine.",
    "Carried the shopping up four flights; felt it in the mid back.",
    "Περπάτησα στην παραλία, η πλάτη καλύτερα.",
    "Спина болит после долгого сидения за компьютером.",
    "Café au lait, terrasse, 20 min de marche — ça va mieux.",
    "Physio appointment: new exercises (bird-dog, glute bridges), 3×10 daily.",
    "Couldn't sleep, woke at 4 with a throbbing neck; heat pack, then a few more hours.",
];

const SESSION_NOTES: &[&str] = &[
    "Suggested cat-cow and child's pose, morning and evening.",
    "Worked a knot under the left shoulder blade.",
    "Very sore afterwards; drink water, rest tomorrow.",
    "Lighter than last time, felt relaxing.",
    "Therapist thinks the hips are driving the lower back pain.",
    "Recommended a foam roller for the upper back.",
];

const OTHER_KINDS: &[&str] = &["Hot stone", "Cupping"];

/// The days a demo of `years` years covers (365 a year, at least one year).
fn day_count(years: u32) -> u64 {
    u64::from(years.max(1)) * 365
}

/// The most sessions a demo of `years` years can hold: one a day. [`generate`] makes no more.
pub fn max_sessions(years: u32) -> usize {
    usize::try_from(day_count(years)).unwrap_or(usize::MAX)
}

/// Generate a journal from `spec`. It holds `spec.sessions` sessions, but at most
/// [`max_sessions`]`(spec.years)`.
pub fn generate(spec: DemoSpec) -> Journal {
    let mut rng = Rng::new(spec.seed);
    let total_days = day_count(spec.years);
    let start = spec.end - Days::new(total_days - 1);
    let day_count = usize::try_from(total_days).unwrap_or(usize::MAX);

    let latent = latent_pain(&mut rng, day_count);
    let session_days = pick_session_days(&mut rng, &latent, spec.sessions);
    let sessions: Vec<Session> = session_days
        .iter()
        .map(|&index| make_session(&mut rng, start + Days::new(index as u64), latent[index]))
        .collect();
    let relief = relief_by_day(&sessions, start, day_count);
    let skipped = skipped_days(&mut rng, day_count);

    let mut journal = Journal::new();
    for (index, (&pain_level, &help)) in latent.iter().zip(&relief).enumerate() {
        if skipped[index] {
            continue;
        }
        let date = start + Days::new(index as u64);
        journal.set_day(make_day(&mut rng, date, pain_level - help));
    }
    for session in sessions {
        journal.add_session(session);
    }
    care::add_care(&mut journal, spec.seed, start, &latent);
    care::add_therapists(&mut journal, spec.seed);
    journal
}

/// A demo journal written to a private temporary folder, removed when this is dropped.
pub struct TemporaryJournal {
    folder: std::path::PathBuf,
    path: std::path::PathBuf,
}

impl TemporaryJournal {
    /// Generate a journal from `spec` and save it in a new temporary folder (owner-only).
    pub fn create(
        spec: DemoSpec,
        now: chrono::NaiveDateTime,
    ) -> Result<Self, crate::store::SaveError> {
        let base = std::env::temp_dir();
        let mut attempt = 0_u32;
        let folder = loop {
            let candidate = base.join(format!("painlog-demo-{}-{attempt}", std::process::id()));
            if !candidate.exists() {
                break candidate;
            }
            attempt += 1;
        };
        let path = folder.join("journal.ron");
        crate::store::save(&path, &generate(spec), now)?;
        Ok(Self { folder, path })
    }

    /// The journal file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }
}

impl Drop for TemporaryJournal {
    fn drop(&mut self) {
        // A temporary folder that cannot be removed is left to the system's clean-up of its
        // temporary files; the window is closing and has nobody to tell.
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// The underlying pain level of each day, before sessions: a wandering baseline with flares.
fn latent_pain(rng: &mut Rng, day_count: usize) -> Vec<f64> {
    let mut baseline = 4.2;
    let mut flare = 0.0_f64;
    (0..day_count)
        .map(|index| {
            baseline = (baseline + rng.normal() * 0.08).clamp(2.5, 6.0);
            flare *= 0.82;
            if rng.chance(1.0 / 40.0) {
                flare += rng.uniform(1.5, 3.5);
            }
            let season = (index as f64 / 365.0 * std::f64::consts::TAU).cos() * 0.5;
            baseline + season + flare
        })
        .collect()
}

/// Session days, more likely when pain runs high, at least a few days apart.
fn pick_session_days(rng: &mut Rng, latent: &[f64], wanted: usize) -> Vec<usize> {
    let day_count = latent.len();
    let wanted = wanted.min(day_count);
    let gap = day_count
        .checked_div(wanted)
        .map_or(0, |spacing| (spacing / 3).clamp(0, 5));
    let mut taken = vec![false; day_count];
    let mut chosen = Vec::with_capacity(wanted);
    let mut attempts = 0_usize;
    while chosen.len() < wanted && attempts < wanted * 400 + 1000 {
        attempts += 1;
        let index = rng.below(day_count);
        let eagerness = ((latent[index] - 6.0) * 0.6).exp().min(1.0);
        let near = index.saturating_sub(gap)..=(index + gap).min(day_count - 1);
        if rng.chance(eagerness) && !taken[near.clone()].iter().any(|&t| t) {
            taken[index] = true;
            chosen.push(index);
        }
    }
    // When spacing made the target unreachable, fill the remaining free days in order.
    for (index, slot) in taken.iter_mut().enumerate() {
        if chosen.len() >= wanted {
            break;
        }
        if !*slot {
            *slot = true;
            chosen.push(index);
        }
    }
    chosen.sort_unstable();
    chosen
}

fn kind_effect(kind: &SessionKind) -> f64 {
    match kind {
        SessionKind::DeepTissue => 2.0,
        SessionKind::TriggerPoint => 1.6,
        SessionKind::Sports => 1.1,
        SessionKind::Swedish => 0.9,
        SessionKind::Shiatsu => 0.7,
        SessionKind::Other(_) => 0.4,
    }
}

/// How much lower pain runs on each day thanks to recent sessions.
fn relief_by_day(sessions: &[Session], start: NaiveDate, day_count: usize) -> Vec<f64> {
    let mut relief = vec![0.0; day_count];
    for session in sessions {
        let Ok(offset) = usize::try_from((session.date() - start).num_days()) else {
            continue;
        };
        let effect = kind_effect(&session.kind);
        for after in 1..=7 {
            if let Some(slot) = relief.get_mut(offset + after) {
                let sore = if after == 1 && matches!(session.kind, SessionKind::DeepTissue) {
                    0.6
                } else {
                    0.0
                };
                *slot += effect * (-(after as f64 - 1.0) / 3.0).exp() - sore;
            }
        }
    }
    relief
}

/// Days not logged: a few at random, and once a year a fortnight away.
fn skipped_days(rng: &mut Rng, day_count: usize) -> Vec<bool> {
    let mut skipped: Vec<bool> = (0..day_count).map(|_| rng.chance(0.07)).collect();
    let mut year_start = 0;
    while year_start + 60 < day_count {
        let first = year_start + 30 + rng.below(300.min(day_count - year_start - 44));
        for slot in skipped.iter_mut().skip(first).take(14) {
            *slot = true;
        }
        year_start += 365;
    }
    // The last day stays logged so the demo opens on a filled-in today.
    if let Some(last) = skipped.last_mut() {
        *last = false;
    }
    skipped
}

fn score(value: f64) -> Score {
    // Clamped to 0–10 and rounded, so the conversion cannot fail.
    Score::new(value.round().clamp(0.0, 10.0) as u8).unwrap_or(Score::MIN)
}

/// Mark a region as hurting on both sides, intensity not logged.
fn hurt(day: &mut Day, region: Region) {
    for spot in region.spots() {
        day.regions.insert(spot, None);
    }
}

fn make_day(rng: &mut Rng, date: NaiveDate, pain_level: f64) -> Day {
    let mut day = Day::empty(date);
    let pain = pain_level + rng.normal() * 0.7;
    let partial = rng.chance(0.12);
    day.pain = Some(score(pain));
    if !partial {
        day.worst_pain = Some(score(pain + 1.0 + rng.uniform(0.0, 2.5)));
        day.stiffness = Some(score(pain * 0.8 + 0.8 + rng.normal() * 0.9));
        day.sleep = Some(score(7.8 - (pain - 4.0) * 0.6 + rng.normal() * 1.1));
        day.stress = Some(score(3.2 + (pain - 4.0) * 0.45 + rng.normal() * 1.2));
    }
    hurt(&mut day, Region::LowerBack);
    if rng.chance(0.45) {
        hurt(&mut day, Region::Neck);
    }
    if rng.chance(0.35) {
        hurt(&mut day, Region::Shoulders);
    }
    if pain > 6.0 {
        hurt(&mut day, Region::Hips);
        if rng.chance(0.4) {
            hurt(&mut day, Region::Legs);
        }
    }
    if rng.chance(0.06) {
        hurt(&mut day, Region::Head);
    }
    if rng.chance(0.07) {
        day.note = DAY_NOTES[rng.below(DAY_NOTES.len())].to_owned();
    }
    day
}

fn make_session(rng: &mut Rng, date: NaiveDate, pain_level: f64) -> Session {
    let therapist = &THERAPISTS[rng.below(THERAPISTS.len())];
    let kind = if rng.chance(0.06) {
        SessionKind::Other(OTHER_KINDS[rng.below(OTHER_KINDS.len())].to_owned())
    } else {
        therapist.kinds[rng.below(therapist.kinds.len())].clone()
    };
    let minutes = [30, 45, 60, 60, 60, 90][rng.below(6)];
    let half_hours = 18 + rng.below(20) as u32;
    let time =
        NaiveTime::from_hms_opt(half_hours / 2, (half_hours % 2) * 30, 0).unwrap_or_default();
    let mut session = Session::new(
        date.and_time(time),
        kind,
        Minutes::new(minutes).unwrap_or(Minutes::new(60).unwrap_or_else(|_| unreachable!())),
    );
    session.therapist = Some(therapist.name.to_owned());
    session.pressure = Some(match session.kind {
        SessionKind::DeepTissue | SessionKind::TriggerPoint => {
            [Pressure::Firm, Pressure::Deep][rng.below(2)]
        }
        SessionKind::Sports => Pressure::Firm,
        _ => [Pressure::Light, Pressure::Medium][rng.below(2)],
    });
    session.focus = focus_regions(rng)
        .into_iter()
        .flat_map(Region::spots)
        .collect();
    if rng.chance(0.9) {
        let price = therapist.price * u64::from(minutes.max(30) as u32) / 60;
        session.cost = Currency::parse(therapist.currency)
            .ok()
            .map(|currency| Cost {
                amount: Amount::from_cents(price * 100),
                currency,
            });
    }
    let before = pain_level + rng.normal() * 0.6;
    session.pain_before = Some(score(before));
    session.pain_after = Some(score(
        before - kind_effect(&session.kind) - rng.uniform(0.0, 1.2),
    ));
    let sore_base = match session.kind {
        SessionKind::DeepTissue | SessionKind::TriggerPoint => 4.0,
        SessionKind::Sports => 3.0,
        _ => 1.0,
    };
    session.soreness = Some(score(sore_base + rng.normal()));
    if rng.chance(0.4) {
        session.note = SESSION_NOTES[rng.below(SESSION_NOTES.len())].to_owned();
    }
    session
}

fn focus_regions(rng: &mut Rng) -> BTreeSet<Region> {
    let mut focus = BTreeSet::from([Region::LowerBack]);
    for (region, chance) in [
        (Region::Neck, 0.5),
        (Region::Shoulders, 0.5),
        (Region::UpperBack, 0.3),
        (Region::Hips, 0.3),
    ] {
        if rng.chance(chance) {
            focus.insert(region);
        }
    }
    focus
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Metric;

    fn spec(years: u32, sessions: usize, seed: u64) -> DemoSpec {
        DemoSpec {
            years,
            sessions,
            seed,
            end: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
        }
    }

    #[test]
    fn same_seed_same_journal() {
        assert_eq!(generate(spec(1, 20, 5)), generate(spec(1, 20, 5)));
        assert_ne!(generate(spec(1, 20, 5)), generate(spec(1, 20, 6)));
    }

    #[test]
    fn a_year_with_gaps_sessions_and_notes() {
        let journal = generate(DemoSpec::window_demo(spec(1, 0, 0).end));
        let days = journal.day_count();
        assert!((280..=350).contains(&days), "{days} days");
        assert_eq!(journal.sessions().len(), 20);
        let kinds: BTreeSet<_> = journal.sessions().iter().map(|s| s.kind.choice()).collect();
        assert!(kinds.len() >= 3, "{kinds:?}");
        let notes = journal.days().filter(|d| !d.note.is_empty()).count();
        assert!(notes >= 5, "{notes} notes");
        let (first, last) = journal.date_span().unwrap();
        assert_eq!(last, spec(1, 0, 0).end);
        assert_eq!((last - first).num_days(), 364);
        assert!(journal.day(last).is_some(), "today is logged");
        assert!(
            journal
                .days()
                .any(|d| d.logged_scores() < Metric::ALL.len()),
            "some partial days"
        );
    }

    #[test]
    fn twenty_years_with_a_thousand_sessions() {
        let journal = generate(spec(20, 1000, 1));
        assert_eq!(journal.sessions().len(), 1000);
        assert!(journal.day_count() > 6000);
    }

    #[test]
    fn at_most_one_session_a_day() {
        assert_eq!(max_sessions(1), 365);
        assert_eq!(max_sessions(0), 365);
        assert_eq!(
            generate(spec(1, 100_000, 2)).sessions().len(),
            max_sessions(1)
        );
    }

    #[test]
    fn sleep_is_worse_on_worse_days() {
        let journal = generate(spec(2, 40, 3));
        let (mut high, mut low) = (Vec::new(), Vec::new());
        for day in journal.days() {
            if let (Some(pain), Some(sleep)) = (day.pain, day.sleep) {
                if pain.get() >= 6 {
                    high.push(sleep.as_f64());
                } else if pain.get() <= 3 {
                    low.push(sleep.as_f64());
                }
            }
        }
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        assert!(
            mean(&high) + 1.0 < mean(&low),
            "{} vs {}",
            mean(&high),
            mean(&low)
        );
    }
}
