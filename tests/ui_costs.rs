//! The Report view's cost statement: therapists' details entered by keyboard through labelled
//! fields reach the journal file, and the statement exports as PDF and CSV.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use painlog::model::{Amount, Cost, Currency, Journal, SessionKind};

fn journal_with_sessions(path: &std::path::Path) {
    let mut journal = Journal::new();
    for (start, therapist, cents) in [
        ("2026-02-03 17:00", "Anna Berg", Some(8500)),
        ("2026-03-10 09:30", "Riverside Clinic", None),
        ("2026-05-20 18:00", "Anna Berg", Some(6000)),
    ] {
        let mut s = session(start, SessionKind::DeepTissue);
        s.therapist = Some(therapist.to_owned());
        s.cost = cents.map(|cents| Cost {
            amount: Amount::from_cents(cents),
            currency: Currency::parse("USD").unwrap(),
        });
        journal.add_session(s);
    }
    save(path, &journal);
}

#[test]
fn therapist_details_entered_in_the_report_view_are_saved_and_read_back() {
    let (_folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness_on(&path);
    // The first therapist by name is chosen: Anna Berg.
    type_into(&mut harness, "Practice", "Berg Massage Therapy");
    type_into(&mut harness, "Address", "12 Harbour Street, Portland");
    type_into(&mut harness, "Licence number", "LMT-20417");
    click(&mut harness, "Save therapist's details");
    assert_on_screen(&harness, "Saved the details of Anna Berg.");
    drop(harness);
    let journal = load(&path);
    let anna = journal
        .therapist_named("Anna Berg")
        .expect("saved to the file");
    assert_eq!(anna.practice, "Berg Massage Therapy");
    assert_eq!(anna.address, "12 Harbour Street, Portland");
    assert_eq!(anna.licence, "LMT-20417");

    // A window opened again shows them.
    let harness = harness_on(&path);
    assert_eq!(
        harness.get_by_label("Licence number").value().as_deref(),
        Some("LMT-20417")
    );
}

/// A fresh window on `path`, in the Report view, tall enough to show the whole cost statement
/// part without scrolling.
fn harness_on(path: &std::path::Path) -> egui_kittest::Harness<'static, painlog::ui::PainlogApp> {
    let mut harness = harness_sized(path, [1100.0, 1600.0]);
    click(&mut harness, "Report");
    harness
}

#[test]
fn a_detail_too_long_is_refused_before_saving() {
    let (_folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness_on(&path);
    let long = "x".repeat(201);
    type_into(&mut harness, "Address", &long);
    harness.get_by_label_contains("The address is 201 characters long");
    assert!(
        harness
            .get_by_label("Save therapist's details")
            .accesskit_node()
            .is_disabled(),
        "nothing to save while a detail is refused"
    );
}

#[test]
fn the_cost_statement_exports_as_pdf_and_csv() {
    let (folder, path) = journal_in_temp();
    journal_with_sessions(&path);
    let mut harness = harness_on(&path);
    type_into(&mut harness, "Year (YYYY)", "2026");
    let pdf = folder.path().join("statement.pdf");
    type_into(
        &mut harness,
        "Save the statement to (a file)",
        pdf.to_str().unwrap(),
    );
    click(&mut harness, "Save cost statement");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    harness.get_by_label(&format!("Saved the statement to {}", pdf.display()));

    click(&mut harness, "Statement as CSV");
    let csv = folder.path().join("statement.csv");
    assert_eq!(
        harness
            .get_by_label("Save the statement to (a file)")
            .value()
            .as_deref(),
        Some(csv.to_str().unwrap()),
        "the extension follows the format"
    );
    click(&mut harness, "Save cost statement");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text,
        "date,start,kind,therapist,minutes,amount,currency\r\n\
         2026-02-03,17:00,Deep tissue,Anna Berg,60,85.00,USD\r\n\
         2026-03-10,09:30,Deep tissue,Riverside Clinic,60,,\r\n\
         2026-05-20,18:00,Deep tissue,Anna Berg,60,60.00,USD\r\n"
    );

    type_into(&mut harness, "Year (YYYY)", "20x6");
    harness.get_by_label_contains("Type a year from 1900 to 2026");
    assert!(
        harness
            .get_by_label("Save cost statement")
            .accesskit_node()
            .is_disabled()
    );
}
