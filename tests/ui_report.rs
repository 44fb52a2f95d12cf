//! The Report view: the period changes the preview; export writes the file; import reads CSV.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui_kittest::kittest::Queryable as _;
use painlog::model::{Journal, Minutes, Session, SessionKind, parse_start};

fn report_journal(path: &std::path::Path) {
    let mut journal = Journal::new();
    for d in 1..=15_u8 {
        journal.set_day(day(&format!("2026-06-{d:02}"), if d < 10 { 6 } else { 3 }));
    }
    journal.set_day(day("2026-04-20", 9));
    let mut session = Session::new(
        parse_start("2026-06-10 17:00").unwrap(),
        SessionKind::DeepTissue,
        Minutes::new(60).unwrap(),
    );
    session.therapist = Some("Anna".into());
    journal.add_session(session);
    save(path, &journal);
}

#[test]
fn choosing_a_period_changes_the_preview() {
    let (_folder, path) = journal_in_temp();
    report_journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    // Since the last session: June 10 to today (June 15).
    harness.get_by_label("Wed 10 Jun 2026 – Mon 15 Jun 2026 (6 days)");
    click(&mut harness, "Last 90 days");
    harness.get_by_label("Wed 18 Mar 2026 – Mon 15 Jun 2026 (90 days)");
    harness.get_by_label("16 of 90");
    click(&mut harness, "From – to");
    type_into(&mut harness, "From (YYYY-MM-DD)", "2026-06-01");
    type_into(&mut harness, "To", "2026-06-05");
    harness.get_by_label("Mon 1 Jun 2026 – Fri 5 Jun 2026 (5 days)");
    harness.get_by_label("No sessions in this period.");
    type_into(&mut harness, "To", "2026-05-01");
    harness.get_by_label_contains(
        "The first date must come before the second: 2026-06-01 is after 2026-05-01.",
    );
}

#[test]
fn exporting_writes_the_file_and_says_where() {
    let (folder, path) = journal_in_temp();
    report_journal(&path);
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    type_into(
        &mut harness,
        "Message to your therapist (optional, printed on page one)",
        "Hips are better",
    );
    let pdf = folder.path().join("out").join("report.pdf");
    type_into(&mut harness, "Save to (a file)", pdf.to_str().unwrap());
    click(&mut harness, "Export");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    harness.get_by_label(&format!("Saved to {}", pdf.display()));
    harness.get_by_label("Open its folder");

    click(&mut harness, "Markdown");
    let md = folder.path().join("out").join("report.md");
    assert_eq!(
        harness.get_by_label("Save to (a file)").value().as_deref(),
        Some(md.to_str().unwrap()),
        "the extension follows the format"
    );
    click(&mut harness, "Export");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("> Hips are better"), "{text}");
    assert!(text.contains("Wed 10 Jun 2026"), "{text}");

    click(&mut harness, "CSV (a folder)");
    let csv_folder = folder.path().join("csv");
    type_into(
        &mut harness,
        "Save to (a folder)",
        csv_folder.to_str().unwrap(),
    );
    click(&mut harness, "Export");
    assert!(csv_folder.join("days.csv").exists() && csv_folder.join("sessions.csv").exists());
}

#[test]
fn importing_csv_through_the_window_updates_the_journal() {
    let (folder, path) = journal_in_temp();
    report_journal(&path);
    let days = folder.path().join("days.csv");
    std::fs::write(&days, "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-06-14,1,,,,,neck,\"From CSV, with a comma\"\r\n2026-05-01,2,,,,,,\r\n").unwrap();
    let bad = folder.path().join("bad.csv");
    std::fs::write(
        &bad,
        "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-06-13,11,,,,,,\r\n",
    )
    .unwrap();
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    type_into(&mut harness, "days.csv (path)", bad.to_str().unwrap());
    click(&mut harness, "Import");
    harness.get_by_label_contains("line 2: pain must be a whole number");
    assert_eq!(
        load(&path).day(date("2026-06-13")).unwrap().pain,
        score(3),
        "nothing imported"
    );

    type_into(&mut harness, "days.csv (path)", days.to_str().unwrap());
    click(&mut harness, "Import");
    harness.get_by_label("Imported: 1 days added, 1 updated; 0 sessions added, 0 updated.");
    let journal = load(&path);
    assert_eq!(
        journal.day(date("2026-06-14")).unwrap().note,
        "From CSV, with a comma"
    );
    assert_eq!(journal.day(date("2026-05-01")).unwrap().pain, score(2));

    // A day naming a medication the journal does not list imports nothing, and says why.
    let v2 = folder.path().join("v2");
    std::fs::create_dir(&v2).unwrap();
    let v2_days = v2.join("days.csv");
    std::fs::write(
        &v2_days,
        "date,mood,medications\r\n2026-06-12,7,ibuprofen\r\n",
    )
    .unwrap();
    type_into(&mut harness, "days.csv (path)", v2_days.to_str().unwrap());
    click(&mut harness, "Import");
    harness.get_by_label_contains(
        "line 2: column medications: the journal has no medication \"ibuprofen\"",
    );
    assert!(load(&path).medications().is_empty(), "nothing imported");
    // With medications.csv beside days.csv, the medication comes along.
    std::fs::write(
        v2.join("medications.csv"),
        "id,name,dose,as_needed,from,until\r\n1,Ibuprofen,400 mg,yes,,\r\n",
    )
    .unwrap();
    click(&mut harness, "Import");
    harness.get_by_label_contains("0 own measures, 1 medications, 0 exercises added, 0 changed.");
    let journal = load(&path);
    assert_eq!(journal.medications()[0].name, "Ibuprofen");
    let day = journal.day(date("2026-06-12")).unwrap();
    assert_eq!((day.mood, day.took.len()), (score(7), 1));
}
