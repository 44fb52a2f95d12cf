//! The report names the care besides massage in its period: home exercises done, medications
//! taken, visits to other care and regular medications started or stopped; in the PDF, the
//! Markdown and the JSON alike.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use painlog::analysis::{DayRange, EffectSettings, JournalIndex, effects};
use painlog::demo::{DemoSpec, generate};
use painlog::model::parse_start;
use painlog::report::{self, ReportRequest, Sections, pdf::Paper};

fn summary_of_the_demo() -> report::Summary {
    let journal = generate(DemoSpec::window_demo(date("2026-06-15")));
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::default());
    let (first, last) = journal.date_span().unwrap();
    let request = ReportRequest {
        period: DayRange::new(first, last),
        sections: Sections::default(),
        message: String::new(),
        name: None,
        made: parse_start("2026-06-15 10:00").unwrap(),
    };
    report::summarize_period(&journal, &index, &effects, &request)
}

#[test]
fn the_report_lists_exercises_medications_and_other_care() {
    let summary = summary_of_the_demo();
    let care = &summary.care;
    assert!(
        care.exercises
            .iter()
            .any(|line| line.starts_with("Cat-cow stretch: done on ")
                && line.ends_with("(meant 7 times a week)")),
        "{care:?}"
    );
    assert!(
        care.medications
            .iter()
            .any(|line| line.starts_with("Ibuprofen (400 mg, as needed): taken on ")),
        "{care:?}"
    );
    assert!(
        care.events
            .iter()
            .any(|(_, line)| line.starts_with("Doctor (Dr Lee): Flare-up.")),
        "{care:?}"
    );
    assert!(
        care.events
            .iter()
            .any(|(_, line)| line.starts_with("Started Naproxen (250 mg twice a day, regularly)")),
        "{care:?}"
    );

    let markdown = report::to_markdown(&summary);
    assert!(
        markdown.contains("\n## Care besides massage\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- Cat-cow stretch: done on "),
        "{markdown}"
    );

    let json: serde_json::Value = serde_json::from_str(&report::to_json(&summary)).unwrap();
    assert!(
        json["care"]["exercises"][0]
            .as_str()
            .unwrap()
            .starts_with("Cat-cow stretch")
    );

    let (folder, _) = journal_in_temp();
    let path = folder.path().join("report.pdf");
    std::fs::write(&path, report::pdf::to_pdf(&summary, Paper::A4).unwrap()).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-layout".as_ref(), path.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext (poppler-utils) reads the PDF back");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("Care besides massage"), "{text}");
    assert!(text.contains("Cat-cow stretch: done on"), "{text}");
    assert!(text.contains("Started Naproxen"), "{text}");
}
