//! The rest of the demo's picture of care, drawn from its own random stream so that the days and
//! sessions of a seed stay what they were before it: range of motion and mood, where it hurt how
//! much and on which side, an own measure (and a retired one), an as-needed painkiller taken on
//! bad days, a regular one started during a flare by a doctor, stretches suggested at sessions
//! and done most days after them, and a course of physiotherapy.

use chrono::{Days, NaiveDate};

use super::rng::Rng;
use super::score;
use crate::model::{
    CareKind, CareVisit, Day, Exercise, ItemId, Journal, Medication, Region, Score, SessionId,
    Side, Spot, Worse,
};

/// A session's number and day.
type SessionDay = (SessionId, NaiveDate);

/// The numbers of the demo's items, and the days that shape them.
struct Plan {
    tingling: ItemId,
    headache: Option<ItemId>,
    ibuprofen: Option<ItemId>,
    naproxen: Option<(ItemId, NaiveDate, NaiveDate)>,
    exercises: [(Option<ItemId>, Option<SessionDay>); 2],
    sessions: Vec<SessionDay>,
}

/// Add the lists and fill the days of `journal`, which covers `start` and the `latent` pain of
/// each day after it.
pub(super) fn add_care(journal: &mut Journal, seed: u64, start: NaiveDate, latent: &[f64]) {
    let mut rng = Rng::new(seed ^ 0xCA4E_0000_0000_0014);
    let days = latent.len();
    let date = |index: usize| start + Days::new(index as u64);
    // A flare after the first two months: where a doctor prescribes a regular painkiller.
    let flare = (60..days.saturating_sub(30))
        .find(|&index| latent[index] >= 7.0)
        .unwrap_or(days * 2 / 5);
    let course = days * 11 / 20;
    let physio: Vec<usize> = (0..6)
        .map(|week| course + week * 7)
        .filter(|&index| index + 1 < days)
        .collect();
    let sessions: Vec<(SessionId, NaiveDate)> = journal
        .sessions()
        .iter()
        .map(|session| (session.id, session.date()))
        .collect();

    let Ok(tingling) = journal.add_measure("Tingling in the left leg", Worse::Higher) else {
        return;
    };
    let headache = journal.add_measure("Headache", Worse::Higher).ok();
    let medication = |name: &str, dose: &str, as_needed, from, until| Medication {
        id: ItemId(0),
        name: name.into(),
        dose: dose.into(),
        as_needed,
        from,
        until,
    };
    let ibuprofen = journal
        .add_medication(medication("Ibuprofen", "400 mg", true, Some(start), None))
        .ok();
    let naproxen_until = date((flare + 20).min(days - 1));
    let naproxen = journal
        .add_medication(medication(
            "Naproxen",
            "250 mg twice a day",
            false,
            Some(date(flare)),
            Some(naproxen_until),
        ))
        .ok();
    let first_session = sessions.first().copied();
    let middle_session = sessions.get(sessions.len() / 2).copied();
    let exercise = |name: &str, session: Option<(SessionId, NaiveDate)>, per_week| Exercise {
        id: ItemId(0),
        name: name.into(),
        session: session.map(|(id, _)| id),
        per_week: Some(per_week),
    };
    let cat_cow = journal
        .add_exercise(exercise("Cat-cow stretch", first_session, 7))
        .ok();
    let chin_tucks = journal
        .add_exercise(exercise("Chin tucks", middle_session, 5))
        .ok();
    let visit = |index: usize, kind, name: &str, note: &str| CareVisit {
        id: ItemId(0),
        date: date(index),
        kind,
        name: name.into(),
        note: note.into(),
    };
    let _ = journal.add_care_visit(visit(
        flare,
        CareKind::Doctor,
        "Dr Lee",
        "Flare-up. Prescribed naproxen for three weeks; come back if it spreads down the leg.",
    ));
    for (week, &index) in physio.iter().enumerate() {
        let note = if week == 0 {
            "Course of six sessions: core and hip strength."
        } else {
            ""
        };
        let _ = journal.add_care_visit(visit(index, CareKind::Physiotherapy, "", note));
    }

    let plan = Plan {
        tingling,
        headache,
        ibuprofen,
        naproxen: naproxen.map(|id| (id, date(flare), naproxen_until)),
        exercises: [(cat_cow, first_session), (chin_tucks, middle_session)],
        sessions,
    };
    fill_days(journal, &mut rng, start, latent, &plan);
    if let Some(headache) = headache {
        let _ = journal.set_measure_retired(headache, true);
    }
}

/// Each logged day's share of the plan: scores, sides and intensities, measures, medications
/// taken and exercises done.
fn fill_days(journal: &mut Journal, rng: &mut Rng, start: NaiveDate, latent: &[f64], plan: &Plan) {
    let days = latent.len();
    let dates: Vec<NaiveDate> = journal.days().map(|day| day.date).collect();
    for day_date in dates {
        let Some(mut day) = journal.day(day_date).cloned() else {
            continue;
        };
        let index = usize::try_from((day_date - start).num_days()).unwrap_or(0);
        let pain = day.pain.map_or(latent[index.min(days - 1)], Score::as_f64);
        scores(rng, &mut day, pain);
        where_it_hurt(rng, &mut day, pain);
        if day
            .regions
            .contains_key(&Spot::new(Region::Legs, Side::Left))
            || rng.chance(0.3)
        {
            day.measures
                .insert(plan.tingling, score(pain * 0.6 - 0.5 + rng.normal()));
        }
        if let Some(headache) = plan.headache
            && index < days / 3
            && rng.chance(0.25)
        {
            day.measures
                .insert(headache, score(2.0 + rng.uniform(0.0, 5.0)));
        }
        if let Some(ibuprofen) = plan.ibuprofen
            && pain >= 6.5
            && rng.chance(0.7)
        {
            day.took.insert(ibuprofen);
        }
        if let Some((naproxen, from, until)) = plan.naproxen
            && (from..=until).contains(&day_date)
            && rng.chance(0.95)
        {
            day.took.insert(naproxen);
        }
        for &(exercise, from) in &plan.exercises {
            let (Some(exercise), Some((_, from))) = (exercise, from) else {
                continue;
            };
            if day_date <= from {
                continue;
            }
            let since_session = plan
                .sessions
                .iter()
                .rev()
                .find(|(_, date)| *date < day_date)
                .map_or(99, |(_, date)| (day_date - *date).num_days());
            let keen = if since_session <= 10 { 0.85 } else { 0.45 };
            if rng.chance(keen) {
                day.did.insert(exercise);
            }
        }
        journal.set_day(day);
    }
}

/// Range of motion and mood, on the days with the full set of scores.
fn scores(rng: &mut Rng, day: &mut Day, pain: f64) {
    if day.stiffness.is_none() {
        return;
    }
    let stiffness = day.stiffness.map_or(pain, Score::as_f64);
    day.mobility = Some(score(10.5 - stiffness * 0.75 + rng.normal() * 0.8));
    let stress = day.stress.map_or(3.0, Score::as_f64);
    day.mood = Some(score(
        8.0 - (pain - 4.0) * 0.45 - stress * 0.25 + rng.normal() * 0.9,
    ));
}

/// Intensities on most days, and sides: the neck mostly on the left, hips and legs one side.
fn where_it_hurt(rng: &mut Rng, day: &mut Day, pain: f64) {
    let regions = day.areas();
    day.regions.clear();
    let logs_intensity = rng.chance(0.7);
    for region in regions {
        let sides: &[Side] = match region {
            Region::Neck if rng.chance(0.6) => &[Side::Left],
            Region::Hips if rng.chance(0.7) => &[Side::Right],
            Region::Legs => &[Side::Left],
            _ => &Side::BOTH,
        };
        let base = match region {
            Region::LowerBack => pain,
            Region::Hips | Region::Legs => pain - 1.0,
            _ => pain - 2.0,
        };
        for &side in sides {
            let intensity = logs_intensity.then(|| score(base + rng.normal() * 0.8));
            day.regions.insert(Spot::new(region, side), intensity);
        }
    }
}

/// Details a person might enter for the demo's therapists: `(name, practice, address, licence)`.
const THERAPIST_DETAILS: [(&str, &str, &str, &str); 4] = [
    (
        "Anna Berg",
        "Berg Massage Therapy",
        "12 Harbour Street, Portland, OR 97201",
        "LMT-20417",
    ),
    (
        "Riverside Clinic",
        "Riverside Clinic",
        "480 River Road, Suite 3, Portland, OR 97202",
        "",
    ),
    (
        "Kenji Mori",
        "Mori Shiatsu",
        "7 Alder Court, Beaverton, OR 97005",
        "LMT-18832",
    ),
    ("Marta Nowak", "", "", "LMT-22950"),
];

/// Enter the details of the demo's therapists that have sessions, but one left out at random
/// (as a person seldom enters them all), from a random stream of their own so that the days and
/// sessions of a seed stay what they were.
pub(super) fn add_therapists(journal: &mut Journal, seed: u64) {
    let mut rng = Rng::new(seed ^ 0x7E4A_0000_0000_0016);
    let left_out = rng.below(THERAPIST_DETAILS.len());
    let used = journal.therapists();
    for (index, (name, practice, address, licence)) in THERAPIST_DETAILS.into_iter().enumerate() {
        if index == left_out || !used.iter().any(|known| known == name) {
            continue;
        }
        let details = crate::model::Therapist {
            name: name.to_owned(),
            practice: practice.to_owned(),
            address: address.to_owned(),
            licence: licence.to_owned(),
        };
        // The details are within every limit, so this cannot be refused; were it ever, the
        // demo would simply lack them.
        let _ = journal.set_therapist(&details);
    }
}
