//! The PDF report as a screen reader meets it: tagged, its title shown and its language set,
//! headings and tables in the order of the page, every chart a figure that says what the
//! window's chart says, and the footer left out. Read back with poppler's pdfinfo (the Debian
//! package poppler-utils) and qpdf's JSON (the Debian package qpdf).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use painlog::analysis::{DayRange, EffectSettings, JournalIndex, effects};
use painlog::model::Metric;
use painlog::report::page_one::{AnswerLine, PageOne};
use painlog::report::{self, ReportRequest, Sections, Summary, pdf::Paper, wording};
use serde_json::Value;

/// A report of two years of the demo journal, every part in it, written to a temporary folder.
struct Made {
    summary: Summary,
    index: JournalIndex,
    pdf: PathBuf,
    _folder: tempfile::TempDir,
}

fn made() -> Made {
    made_with("Please look at the lower back.")
}

/// The same report with `message` to the therapist.
fn made_with(message: &str) -> Made {
    let end = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let journal = painlog::demo::generate(painlog::demo::DemoSpec {
        years: 2,
        sessions: 80,
        seed: 7,
        end,
    });
    let (from, to) = journal.date_span().unwrap();
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::default());
    let request = ReportRequest {
        period: DayRange::new(from, to),
        sections: Sections::default(),
        message: message.into(),
        name: Some("Jane Doe".into()),
        made: end.and_hms_opt(12, 0, 0).unwrap(),
    };
    let summary = report::summarize_period(&journal, &index, &effects, &request);
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("report.pdf");
    std::fs::write(&pdf, report::pdf::to_pdf(&summary, Paper::A4).unwrap()).unwrap();
    Made {
        summary,
        index,
        pdf,
        _folder: folder,
    }
}

/// What `tool` prints for `args`, failing with the package to install when it is missing.
fn run(tool: &str, package: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|error| {
            panic!("{tool} could not run ({error}): install {package} (apt-get install {package})")
        });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pdfinfo(pdf: &Path, option: Option<&str>) -> String {
    let mut args = Vec::new();
    if let Some(option) = option {
        args.push(std::ffi::OsStr::new(option));
    }
    args.push(pdf.as_os_str());
    run("pdfinfo", "poppler-utils", &args)
}

/// The PDF's objects as qpdf writes them in JSON: "obj:N 0 R" to each object's value.
struct Objects(serde_json::Map<String, Value>);

impl Objects {
    fn of(pdf: &Path) -> Self {
        let json = run(
            "qpdf",
            "qpdf",
            &[
                "--json".as_ref(),
                "--json-key=qpdf".as_ref(),
                pdf.as_os_str(),
            ],
        );
        let mut value: Value = serde_json::from_str(&json).unwrap();
        let objects = value["qpdf"][1].take();
        Self(objects.as_object().unwrap().clone())
    }

    /// `value`, or the object it refers to ("12 0 R").
    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        match value.as_str() {
            Some(reference) if reference.ends_with(" R") => {
                &self.0[&format!("obj:{reference}")]["value"]
            }
            _ => value,
        }
    }

    fn catalog(&self) -> &Value {
        self.resolve(&self.0["trailer"]["value"]["/Root"])
    }

    /// The structure tree from its root element, children in reading order.
    fn structure(&self) -> Element {
        let root = self.resolve(&self.catalog()["/StructTreeRoot"]);
        assert!(!root.is_null(), "no structure tree: the PDF is not tagged");
        let mut top = Element {
            kind: "StructTreeRoot".into(),
            title: None,
            alt: None,
            children: Vec::new(),
        };
        self.children(&root["/K"], &mut top);
        top
    }

    fn children(&self, kids: &Value, into: &mut Element) {
        let kids = match kids {
            Value::Array(kids) => kids.clone(),
            Value::Null => Vec::new(),
            kid => vec![kid.clone()],
        };
        for kid in &kids {
            let kid = self.resolve(kid);
            // Marked content (a number or a reference to it) is not an element.
            let Some(kind) = kid.get("/S").and_then(Value::as_str) else {
                continue;
            };
            let text = |key: &str| kid.get(key).and_then(Value::as_str).map(text_string);
            let mut element = Element {
                kind: kind.trim_start_matches('/').to_owned(),
                title: text("/T"),
                alt: text("/Alt"),
                children: Vec::new(),
            };
            self.children(&kid["/K"], &mut element);
            into.children.push(element);
        }
    }
}

/// A text string in qpdf's JSON: "u:" and the text.
fn text_string(value: &str) -> String {
    value.strip_prefix("u:").unwrap_or(value).to_owned()
}

/// An element of the structure tree.
#[derive(Debug)]
struct Element {
    kind: String,
    title: Option<String>,
    alt: Option<String>,
    children: Vec<Element>,
}

impl Element {
    /// Every element under this one of `kind`, in reading order.
    fn all<'a>(&'a self, kind: &str, found: &mut Vec<&'a Element>) {
        for child in &self.children {
            if child.kind == kind {
                found.push(child);
            }
            child.all(kind, found);
        }
    }

    fn find(&self, kind: &str) -> Vec<&Element> {
        let mut found = Vec::new();
        self.all(kind, &mut found);
        found
    }
}

#[test]
fn the_report_is_tagged_with_its_title_shown_in_english_as_pdf_ua_and_pdf_a() {
    let made = made();
    let info = pdfinfo(&made.pdf, None);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let title = format!(
        "Pain diary summary, {} – {}",
        made.summary.from, made.summary.to
    );
    assert!(
        info.contains(&format!("Title:           {title}")),
        "{info}"
    );
    let objects = Objects::of(&made.pdf);
    let catalog = objects.catalog();
    assert_eq!(catalog["/Lang"], "u:en");
    assert_eq!(
        objects.resolve(&catalog["/ViewerPreferences"])["/DisplayDocTitle"],
        true
    );
    assert_eq!(objects.resolve(&catalog["/MarkInfo"])["/Marked"], true);
    let meta = pdfinfo(&made.pdf, Some("-meta"));
    for claim in ["pdfuaid:part>1<", "pdfaid:part>2<", "pdfaid:conformance>A<"] {
        assert!(
            meta.contains(claim),
            "{claim} not in the XMP metadata:\n{meta}"
        );
    }
}

#[test]
fn the_title_is_the_one_h1_and_the_sections_are_h2_in_the_order_of_the_pages() {
    let made = made();
    let tree = Objects::of(&made.pdf).structure();
    let document = &tree.children[0];
    assert_eq!(document.kind, "Document");
    let title = PageOne::new(&made.summary).title(str::to_owned);
    let h1: Vec<_> = tree.find("H1").iter().map(|h| h.title.clone()).collect();
    assert_eq!(h1, [Some(title)]);
    assert_eq!(document.children[0].kind, "H1", "the title is read first");
    let h2: Vec<String> = tree
        .find("H2")
        .iter()
        .map(|h| h.title.clone().unwrap())
        .collect();
    let notes = format!("Notes ({})", made.summary.notes.len());
    for wanted in [
        "Did the sessions help?",
        "Most often painful",
        "Pain over the period",
        "What usually happens around a session",
        "Sessions",
        notes.as_str(),
    ] {
        assert!(h2.iter().any(|h| h == wanted), "no H2 {wanted:?} in {h2:?}");
    }
    // In the order the pages show them.
    let text = run(
        "pdftotext",
        "poppler-utils",
        &[made.pdf.as_os_str(), "-".as_ref()],
    );
    let mut from = 0;
    for heading in &h2 {
        let at = text[from..]
            .find(heading.as_str())
            .unwrap_or_else(|| panic!("{heading:?} is not on the pages after the one before"));
        from += at + heading.len();
    }
}

#[test]
fn every_table_has_a_row_of_column_headers_over_rows_of_data_cells() {
    let made = made();
    let tree = Objects::of(&made.pdf).structure();
    let tables = tree.find("Table");
    // Page one's sessions, the kinds, all sessions.
    assert!(tables.len() >= 3, "{} tables", tables.len());
    for table in tables {
        let rows: Vec<&Element> = table.children.iter().collect();
        assert!(rows.iter().all(|row| row.kind == "TR"), "{table:?}");
        let kinds = |row: &Element| -> Vec<String> {
            row.children.iter().map(|cell| cell.kind.clone()).collect()
        };
        let header = kinds(rows[0]);
        assert!(header.iter().all(|kind| kind == "TH"), "{header:?}");
        assert!(rows.len() >= 2, "a table without data rows");
        for row in &rows[1..] {
            let cells = kinds(row);
            assert_eq!(
                cells.len(),
                header.len(),
                "a row out of step with its header"
            );
            assert!(cells.iter().any(|kind| kind == "TD"), "{cells:?}");
        }
    }
    // The header is read once, though it repeats on every page the sessions table spans.
    let text = pdfinfo(&made.pdf, Some("-struct-text"));
    assert_eq!(text.matches("\"Right after\"").count(), 2, "{text}");
}

#[test]
fn every_chart_is_a_figure_that_says_what_the_windows_chart_says() {
    let made = made();
    let summary = &made.summary;
    let tree = Objects::of(&made.pdf).structure();
    let alts: Vec<String> = tree
        .find("Figure")
        .iter()
        .map(|figure| {
            figure
                .alt
                .clone()
                .expect("a figure without alternative text")
        })
        .collect();
    // The forest plot: each row as the Effects view says it.
    let compared = &summary.compared;
    assert!(compared.all.ci95.is_some(), "the journal is too short");
    let mut rows = vec![AnswerLine::of_all(&compared.all)];
    rows.extend(
        compared
            .clearest()
            .into_iter()
            .map(|(group, c)| AnswerLine::of(group, c)),
    );
    let forest: Vec<String> = rows
        .iter()
        .map(|line| wording::forest_row(&line.label, Metric::Pain, &line.compared))
        .collect();
    // The trend: as the Trends view says pain over the same days, and the sessions.
    let range = DayRange::new(summary.from, summary.to);
    let trend = format!(
        "{} {}",
        wording::chart_summary(&made.index.daily, Metric::Pain, range),
        wording::sessions_in_days(summary.sessions.len())
    );
    // Pain around the sessions: as the Aligned view says its line.
    let aligned = wording::aligned_line("Sessions of this period", Metric::Pain, &summary.aligned);
    // Where it hurt: as Trends' heat map says it to a screen reader.
    let body = format!("Where it hurt: {}.", summary.body.lines().join("; "));
    // Pain day by day (two years, so over 90 days): as the Year view says its calendar.
    let calendar = summary.calendar.as_ref().expect("a calendar").words.clone();
    assert_eq!(alts, [forest.join(" "), trend, calendar, body, aligned]);
    assert!(alts[1].starts_with("Pain: mostly "), "{}", alts[1]);
}

/// The report of `days` days to the end of the two-year demo journal, as a tagged A4 PDF: its
/// summary, its figures' text alternatives and its text.
fn report_of_last(days: u64) -> (Summary, Vec<String>, String) {
    let end = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let journal = painlog::demo::generate(painlog::demo::DemoSpec {
        years: 2,
        sessions: 80,
        seed: 7,
        end,
    });
    let index = JournalIndex::new(&journal);
    let effects = effects(&journal, &index, EffectSettings::default());
    let period = DayRange::new(end - chrono::Days::new(days - 1), end);
    let request = ReportRequest {
        period,
        sections: Sections::default(),
        message: String::new(),
        name: None,
        made: end.and_hms_opt(12, 0, 0).unwrap(),
    };
    let summary = report::summarize_period(&journal, &index, &effects, &request);
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("report.pdf");
    std::fs::write(&pdf, report::pdf::to_pdf(&summary, Paper::A4).unwrap()).unwrap();
    let alts = Objects::of(&pdf)
        .structure()
        .find("Figure")
        .iter()
        .filter_map(|figure| figure.alt.clone())
        .collect();
    let text = run(
        "pdftotext",
        "poppler-utils",
        &[pdf.as_os_str(), "-".as_ref()],
    );
    // The words the Year view gives the same calendar.
    let calendar =
        painlog::analysis::calendar::Calendar::new(&journal, &index, Metric::Pain, period);
    let months = painlog::analysis::calendar::month_summaries(&journal, &index, period);
    let words = report::calendar::in_words(&calendar, &months);
    if let Some(figure) = &summary.calendar {
        assert_eq!(
            figure.words, words,
            "the report and the window say the same"
        );
    }
    (summary, alts, text)
}

#[test]
fn a_year_long_report_prints_pain_day_by_day_as_a_figure_and_a_90_day_one_does_not() {
    let (summary, alts, text) = report_of_last(365);
    let words = &summary
        .calendar
        .as_ref()
        .expect("a calendar for 365 days")
        .words;
    assert!(
        words.starts_with("Pain by day, Mon 2 Jun 2025 to Mon 1 Jun 2026: "),
        "{words}"
    );
    assert!(
        words.contains(" of 365 days with pain logged, mean "),
        "{words}"
    );
    assert!(words.contains("; worst month "), "{words}");
    assert!(alts.contains(words), "no figure says {words:?}: {alts:?}");
    assert!(text.contains("Pain day by day"), "{text}");
    let (short, alts, text) = report_of_last(90);
    assert!(short.calendar.is_none());
    assert!(!alts.iter().any(|alt| alt.starts_with("Pain by day")));
    assert!(!text.contains("Pain day by day"));
}

#[test]
fn the_footer_is_page_furniture_not_read() {
    let made = made();
    let text = run(
        "pdftotext",
        "poppler-utils",
        &[made.pdf.as_os_str(), "-".as_ref()],
    );
    assert!(text.contains("page 1 of"), "the footer is on the page");
    let read = pdfinfo(&made.pdf, Some("-struct-text"));
    assert!(read.contains("Pain over the period"), "{read}");
    for footer in ["page 1 of", "painlog ·"] {
        assert!(!read.contains(footer), "{footer:?} is read:\n{read}");
    }
}

#[test]
fn a_message_the_fonts_cannot_show_still_makes_a_tagged_pdf_that_claims_no_standard() {
    // DejaVu Sans has no CJK and nothing in the private use area; PDF/UA-1 and PDF/A forbid
    // text that has no glyph.
    let made = made_with("腰痛 \u{E000}");
    let info = pdfinfo(&made.pdf, None);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let meta = pdfinfo(&made.pdf, Some("-meta"));
    assert!(!meta.contains("pdfuaid:part"), "{meta}");
    assert!(!meta.contains("pdfaid:part"), "{meta}");
    let tree = Objects::of(&made.pdf).structure();
    assert_eq!(
        tree.find("Figure").len(),
        5,
        "with pain day by day over two years"
    );
}
