//! The charts' grids, colours and shapes.
use super::*;

fn input(from: &str, to: &str, width_px: f64) -> GridInput {
    let date = |text: &str| day_number(crate::model::parse_date(text).unwrap());
    let (min, max) = (date(from), date(to));
    GridInput {
        bounds: (min, max),
        base_step_size: (max - min) / width_px * GRID_MIN_PX,
    }
}

/// The labels egui_plot would draw: marks whose step is at least [`X_LABEL_MIN`] wide.
fn labelled(input: GridInput) -> Vec<String> {
    let per_pixel = input.base_step_size / GRID_MIN_PX;
    date_grid(input)
        .into_iter()
        .filter(|mark| mark.step_size / per_pixel > X_LABEL_MIN)
        .map(|mark| date_label(mark, &(0.0..=1.0)))
        .collect()
}

#[test]
fn twenty_years_label_every_year_or_every_second_as_they_fit() {
    // 7,300 days over 1,000 pixels: a year is 50 px, enough for "2008" (2007 sits on
    // the edge).
    let labels = labelled(input("2006-12-02", "2026-12-01", 1000.0));
    let years: Vec<String> = (2008..=2026).map(|y| y.to_string()).collect();
    assert_eq!(labels, years);
    // Over 700 pixels a year is 35 px: every second year (70 px).
    let labels = labelled(input("2006-12-02", "2026-12-01", 700.0));
    assert_eq!(
        labels,
        [
            "2008", "2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024", "2026"
        ]
    );
}

#[test]
fn ninety_days_label_months_and_the_mondays_clear_of_them() {
    // 90 days over 1,000 pixels: 11 px a day; a Monday within 5 days of the 1st (28 Sep,
    // 5 Oct, 2 Nov, 30 Nov) is dropped, 26 Oct (6 days before November) is kept; 1 Dec,
    // the last day, is at the edge, where its label would be cut in half.
    let labels = labelled(input("2026-09-03", "2026-12-01", 1000.0));
    assert_eq!(
        labels,
        [
            "7 Sep", "14 Sep", "21 Sep", "Oct", "12 Oct", "19 Oct", "26 Oct", "Nov", "9 Nov",
            "16 Nov", "23 Nov"
        ]
    );
}

#[test]
fn a_monday_next_to_an_unmarked_first_of_the_month_keeps_its_label() {
    // Three weeks over 880 pixels ending on 1 Dec: 1 Dec sits at the edge and goes
    // unmarked, so 30 Nov, the day before, is not crowded by it and is labelled.
    let labels = labelled(input("2026-11-10", "2026-12-01", 880.0));
    assert_eq!(labels, ["16 Nov", "23 Nov", "30 Nov"]);
}

#[test]
fn no_two_labels_are_closer_than_a_label_is_wide() {
    for (from, width) in [
        ("2026-11-20", 700.0),
        ("2026-09-03", 700.0),
        ("2025-12-01", 700.0),
        ("2023-12-01", 1800.0),
        ("1990-01-01", 700.0),
    ] {
        let input = input(from, "2026-12-01", width);
        let per_pixel = input.base_step_size / GRID_MIN_PX;
        let marks: Vec<f64> = date_grid(input)
            .into_iter()
            .filter(|mark| mark.step_size / per_pixel > X_LABEL_MIN)
            .map(|mark| mark.value / per_pixel)
            .collect();
        assert!(marks.len() >= 3, "{from} at {width} px: {marks:?}");
        // Month names ("Feb", 25 px) may stand 28 days apart; dates ("14 Sep", 45 px) a week.
        for pair in marks.windows(2) {
            assert!(pair[1] - pair[0] >= 44.0, "{from} at {width} px: {pair:?}");
        }
    }
}

#[test]
fn day_offsets_and_scores_get_labels_at_800_by_600() {
    // Seven days each side over 640 pixels: 43 px a day, so every second day is labelled.
    let days: Vec<f64> = offset_grid(GridInput {
        bounds: (-7.5, 7.5),
        base_step_size: 15.0 / 640.0 * GRID_MIN_PX,
    })
    .iter()
    .map(|m| m.value)
    .collect();
    assert_eq!(days, [-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
    // 0–10 over 120 pixels: 11 px a point, so every second point.
    let scores: Vec<f64> = score_grid(GridInput {
        bounds: (-0.3, 10.3),
        base_step_size: 10.6 / 120.0 * GRID_MIN_PX,
    })
    .iter()
    .map(|m| m.value)
    .collect();
    assert_eq!(scores, [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
}

#[test]
fn count_axes_show_numbers_above_zero() {
    // 0 to 9 sessions over 70 pixels: steps of 5 (39 px), so 0 and 5 are labelled.
    let marks = count_grid(GridInput {
        bounds: (0.0, 9.0),
        base_step_size: 9.0 / 70.0 * GRID_MIN_PX,
    });
    let values: Vec<f64> = marks.iter().map(|m| m.value).collect();
    assert_eq!(values, [0.0, 5.0]);
}
