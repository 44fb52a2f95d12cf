//! Trends' "Where it hurt": the body map as a heat map of the days the chart shows, named and
//! described place by place for a screen reader, from the journal's own days.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Journal, Region, Side, Spot};

#[test]
fn where_it_hurt_shows_each_place_s_share_of_the_days_shown() {
    let (_folder, path) = journal_in_temp();
    let mut journal = Journal::new();
    let lower_left = Spot::new(Region::LowerBack, Side::Left);
    let neck_right = Spot::new(Region::Neck, Side::Right);
    // 20 days up to today: the lower back (left) hurt on all of them at 6, the neck (right) on
    // every fourth, intensity not logged.
    for offset in 0..20_u64 {
        let date = today() - chrono::Days::new(offset);
        let mut day = day(&date.to_string(), 4);
        day.regions.insert(lower_left, score(6));
        if offset % 4 == 0 {
            day.regions.insert(neck_right, None);
        }
        journal.set_day(day);
    }
    save(&path, &journal);
    let mut harness = harness_sized(&path, [1400.0, 900.0]);
    click(&mut harness, "Trends");
    click(&mut harness, "30 days");
    assert!(
        harness
            .query_all_by(|node| node
                .label()
                .is_some_and(|l| l.starts_with("Where it hurt, ")))
            .next()
            .is_none(),
        "off until chosen"
    );
    click(&mut harness, "Where it hurt");
    harness.run();
    let map = harness
        .query_all_by(|node| {
            node.role() == egui::accesskit::Role::Image
                && node
                    .label()
                    .is_some_and(|l| l.starts_with("Where it hurt, "))
        })
        .next()
        .expect("the heat map, named with its days");
    let description = map.accesskit_node().description().unwrap().clone();
    assert_eq!(
        description,
        "Lower back, left: 20 of 20 days (100%), mean intensity 6.0; Neck, right: 5 of 20 days (25%)"
    );
    assert!(harness.state().prefs().trends.body, "kept between runs");
}
