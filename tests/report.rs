//! Reports and CSV: the PDF read back as text, the exact Markdown, CSV round trips and bad rows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::*;
use egui_kittest::kittest::Queryable as _;
use painlog::analysis::{DayRange, EffectSettings, JournalIndex, effects};
use painlog::model::{Journal, Minutes, Region, Session, SessionKind, parse_start};
use painlog::report::{self, ReportRequest, Sections, csv_io, pdf::Paper};

/// Three weeks of June 2026 with two sessions and a note.
fn small_journal() -> Journal {
    let mut journal = Journal::new();
    for d in 1..=21_u8 {
        let mut logged = day(&format!("2026-06-{d:02}"), if d <= 10 { 6 } else { 4 });
        logged.worst_pain = score(if d == 3 { 9 } else { 7 });
        logged
            .regions
            .extend(painlog::model::regions_map([Region::LowerBack]));
        if d % 3 == 0 {
            logged
                .regions
                .extend(painlog::model::regions_map([Region::Neck]));
        }
        if d == 12 {
            logged.note = "Walked 5 km, felt \"loose\" | fine".into();
        }
        journal.set_day(logged);
    }
    for (start, kind, therapist) in [
        ("2026-06-11 17:30", SessionKind::DeepTissue, "Anna Berg"),
        ("2026-06-18 09:00", SessionKind::Swedish, "Ben"),
    ] {
        let mut session =
            Session::new(parse_start(start).unwrap(), kind, Minutes::new(60).unwrap());
        session.therapist = Some(therapist.into());
        session.pain_before = score(7);
        session.pain_after = score(4);
        journal.add_session(session);
    }
    journal
}

fn summary_of(journal: &Journal, from: &str, to: &str, message: &str) -> report::Summary {
    let index = JournalIndex::new(journal);
    let effects = effects(journal, &index, EffectSettings::default());
    let request = ReportRequest {
        period: DayRange::new(date(from), date(to)),
        sections: Sections::default(),
        message: message.into(),
        name: Some("Jane Doe".into()),
        made: parse_start("2026-06-22 10:00").unwrap(),
    };
    report::summarize_period(journal, &index, &effects, &request)
}

#[test]
fn the_markdown_page_one_is_exactly_this() {
    let summary = summary_of(
        &small_journal(),
        "2026-06-08",
        "2026-06-21",
        "Mornings are the worst.\nThank you!",
    );
    let expected = "\
# Pain diary summary: Jane Doe

*Self-reported by the patient; not a diagnosis. Made with painlog on 22 Jun 2026.*

**Did the sessions help?** Not enough data yet: 2 sessions with enough logged days and 1 ordinary week with enough logged days (3 needed).

*Pain over the 7 days after each session of this period against the 7 days before it, compared with the same change over ordinary weeks (days with no session within 7 days) from the whole journal. People tend to book a session when pain is high, so pain often falls afterwards anyway. That is why painlog compares them with ordinary weeks: the same change around days far from any session. A comparison of one person's own days, before and after: suggestive, not proof.*

- **Period:** Mon 8 Jun 2026 – Sun 21 Jun 2026 (14 days)
- **Days logged:** 14 of 14
- **Average pain:** 4.4 / 10 (0 = none, 10 = worst imaginable; 14 days with pain logged)
- **Worst pain:** 7 / 10 (Mon 8 Jun 2026)
- **Against the previous 14 days (25 May 2026 – 7 Jun 2026):** average pain 6.0 then, 4.4 now (1.6 lower); the journal starts on Mon 1 Jun 2026, so \"then\" rests on 7 days with pain logged

## Massage sessions in this period (2)

| Date | Kind | Therapist | Pain 7 days before → after | Change | Right after the session |
|---|---|---|---|---|---|
| Thu 11 Jun 2026 | Deep tissue | Anna Berg | 6.0 → 4.0 | 2.0 lower (meaningful) | 3 lower |
| Thu 18 Jun 2026 | Swedish | Ben | 4.0 → 4.0 | unchanged | 3 lower |

Before → after: mean pain over the 7 days before and after each session (at least 3 logged days each). \"Meaningful\": at least 2 points or 30% lower.

## Most often painful

- Lower back: 14 days
- Neck: 5 days

## Every measure besides pain

- Worst pain: 7.0 (14 days) this period, 7.3 (7 days) the period before; after sessions against ordinary weeks: not enough data.

## Message

> Mornings are the worst.
> Thank you!
";
    assert_eq!(report::to_markdown(&summary), expected);
}

/// The line the report promises on every page, in the footer (page one also says it under the
/// title).
const FOOTER: &str = "painlog · Self-reported by the patient; not a diagnosis.";

/// Run one of poppler's tools (`pdftotext`, `pdfinfo`) to its end, failing with what to install
/// when it is missing.
fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|error| {
        panic!(
            "{tool} is needed to read the PDF back and cannot be run ({error}); install poppler-utils \
             (Debian/Ubuntu: apt-get install poppler-utils), as .ci/run does"
        )
    });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The whole PDF as text, laid out as on the page.
fn pdftotext(pdf: &std::path::Path) -> String {
    poppler(
        "pdftotext",
        &["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()],
    )
}

/// The text of page `page` (from 1) alone.
fn page_text(pdf: &std::path::Path, page: usize) -> String {
    let page = page.to_string();
    poppler(
        "pdftotext",
        &[
            "-layout".as_ref(),
            "-f".as_ref(),
            page.as_ref(),
            "-l".as_ref(),
            page.as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    )
}

/// The number of pages, as pdfinfo counts them.
fn page_count(pdf: &std::path::Path) -> usize {
    let info = poppler("pdfinfo", &[pdf.as_os_str()]);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives no page count:\n{info}"))
}

/// Every "page N of M" in `text`, as (N, M).
fn page_marks(text: &str) -> Vec<(usize, usize)> {
    let number = |text: &str| -> Option<(usize, usize)> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        Some((text[..digits].parse().ok()?, digits))
    };
    text.match_indices("page ")
        .filter_map(|(at, _)| {
            let rest = &text[at + 5..];
            let (page, len) = number(rest)?;
            let (of, _) = number(rest[len..].strip_prefix(" of ")?)?;
            Some((page, of))
        })
        .collect()
}

/// Read the PDF back page by page: each page carries the footer line and says "page N of M",
/// with its own N and the same M, the page count. Returns the pages' text, first page first.
fn footed_pages(pdf: &std::path::Path) -> Vec<String> {
    let total = page_count(pdf);
    (1..=total)
        .map(|page| {
            let text = page_text(pdf, page);
            assert!(
                text.contains(FOOTER),
                "page {page} of {total} lacks {FOOTER:?}:\n{text}"
            );
            assert_eq!(
                page_marks(&text),
                [(page, total)],
                "page {page} of {total} must say \"page {page} of {total}\", and only that:\n{text}"
            );
            text
        })
        .collect()
}

/// Where the line that reads exactly `wanted` (spaces around it aside) starts in `text`.
fn line_at(text: &str, wanted: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == wanted {
            return Some(at);
        }
        at += line.len();
    }
    None
}

#[test]
fn the_pdf_says_the_period_the_average_and_every_session_date() {
    let (folder, _) = journal_in_temp();
    let mut journal = small_journal();
    let mut noted = journal.day(date("2026-06-14")).unwrap().clone();
    noted.note = "Болит спина · Πόνος στη μέση · Ünïcödé".into();
    journal.set_day(noted);
    let summary = summary_of(
        &journal,
        "2026-06-08",
        "2026-06-21",
        "Please look at my hips.",
    );
    for paper in [Paper::A4, Paper::Letter] {
        let bytes = report::pdf::to_pdf(&summary, paper).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "a PDF file");
        let path = folder.path().join(format!("{paper:?}.pdf"));
        std::fs::write(&path, &bytes).unwrap();
        let info = poppler("pdfinfo", &[path.as_os_str()]);
        let size = if paper == Paper::A4 {
            "595.28 x 841.89"
        } else {
            "612 x 792"
        };
        assert!(info.contains(size), "{info}");
        let text = pdftotext(&path);
        for expected in [
            "Pain diary summary: Jane Doe",
            "Mon 8 Jun 2026 – Sun 21 Jun 2026 (14 days)",
            "4.4",
            "11 Jun 2026",
            "18 Jun 2026",
            "Self-reported by the patient; not a diagnosis.",
            "Please look at my hips.",
            "Болит спина · Πόνος στη μέση · Ünïcödé",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
        }
        // Page one, the charts, then the tables and notes: the footer on each of several pages.
        let pages = footed_pages(&path);
        assert!(
            pages.len() >= 2,
            "{paper:?}: the sections after page one start a new page, so several pages: {}",
            pages.len()
        );
    }
}

/// The whole 20-year demo journal, as `painlog demo --years 20 --sessions 1000` writes it:
/// 1,000 sessions and about 800 notes.
fn twenty_years() -> Journal {
    painlog::demo::generate(painlog::demo::DemoSpec {
        years: 20,
        sessions: 1000,
        seed: 2026,
        end: today(),
    })
}

/// The summary of all of `journal`.
fn summary_of_everything(journal: &Journal) -> report::Summary {
    let (first, last) = journal.date_span().unwrap();
    summary_of(journal, &first.to_string(), &last.to_string(), "")
}

/// `summary` as an A4 PDF in `folder`, read back page by page (each with its footer).
fn pdf_pages(summary: &report::Summary, folder: &std::path::Path) -> Vec<String> {
    let bytes = report::pdf::to_pdf(summary, Paper::A4).unwrap();
    let path = folder.join("report.pdf");
    std::fs::write(&path, &bytes).unwrap();
    footed_pages(&path)
}

/// The rows of page one's sessions: lines that start with a date such as "27 Apr 2026".
fn dated_rows(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| {
            let mut words = line.split_whitespace();
            let (Some(day), Some(month), Some(year)) = (words.next(), words.next(), words.next())
            else {
                return false;
            };
            day.len() <= 2
                && day.bytes().all(|b| b.is_ascii_digit())
                && month.len() == 3
                && year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
        })
        .collect()
}

/// The rows of the sessions table: lines that start with a start such as "2026-06-09 16:00".
fn start_rows(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| {
            let line = line.trim_start().as_bytes();
            line.len() > 16
                && line[..4].iter().all(u8::is_ascii_digit)
                && line[4] == b'-'
                && line[13] == b':'
        })
        .collect()
}

/// The header of the sessions table, as pdftotext lays it out.
fn is_sessions_header(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words
        == [
            "Start",
            "Kind",
            "Therapist",
            "Min",
            "Before",
            "After",
            "Change",
            "Right",
            "after",
        ]
}

/// The whole 20-year demo journal fits on at most 12 pages: page one on one page (the answer,
/// the figures, the last 10 sessions and how many came before, "no earlier data" since nothing
/// precedes the journal), the forest plot and the summary by kind, the trend chart in months
/// with the sessions as bars, the aligned view, the last 60 sessions with the table's header on
/// every page it spans and every month after them, and the last 60 notes with a count of the
/// rest. (About 1.5 s in a debug build; it was 82 pages and 13 s.)
#[test]
fn twenty_years_fit_on_twelve_pages_with_every_part() {
    let journal = twenty_years();
    let summary = summary_of_everything(&journal);
    assert_eq!(summary.sessions.len(), 1000);
    assert!(summary.notes.len() > 600, "{} notes", summary.notes.len());
    let (folder, _) = journal_in_temp();
    let started = std::time::Instant::now();
    let pages = pdf_pages(&summary, folder.path());
    eprintln!(
        "20 years: {} pages in {:.1} s",
        pages.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(pages.len() <= 12, "at most 12 pages: {}", pages.len());
    let text = pages.concat();

    twenty_years_page_one(&pages, &summary);

    // The parts, by their headings, in this order.
    let notes_heading = format!("Notes ({})", summary.notes.len());
    let parts = [
        ("page one", "Massage sessions in this period (1000)"),
        (
            "forest plot",
            "Did the sessions help? By kind and therapist",
        ),
        (
            "summary by kind",
            "By kind of massage (pain, sessions of this period)",
        ),
        ("trend chart", "Pain over the period"),
        ("aligned view", "What usually happens around a session"),
        ("sessions table", "Sessions"),
        ("months", "Sessions month by month"),
        ("notes", notes_heading.as_str()),
    ];
    let starts: Vec<usize> = parts
        .iter()
        .map(|(part, heading)| {
            line_at(&text, heading)
                .unwrap_or_else(|| panic!("no {part} (heading {heading:?}) in:\n{text}"))
        })
        .collect();
    assert!(
        starts.windows(2).all(|pair| pair[0] < pair[1]),
        "the parts in the order {parts:?}, found at {starts:?}"
    );
    let part =
        |index: usize| &text[starts[index]..starts.get(index + 1).copied().unwrap_or(text.len())];

    // The trend chart in months, the sessions as bars, a tick every other year.
    assert!(part(3).contains("the mean of each month"), "{}", part(3));
    assert!(
        part(3).contains("Bars: sessions in each month"),
        "{}",
        part(3)
    );
    assert!(
        !part(3).contains("Sessions: S Swedish"),
        "no lettered lines"
    );
    for year in (2008..=2026).step_by(2) {
        assert!(part(3).contains(&year.to_string()), "no tick for {year}");
    }

    twenty_years_sessions_table(&pages, part(5), &summary);

    // Every year, month by month.
    for year in 2006..=2026 {
        assert!(
            part(6)
                .lines()
                .any(|line| line.trim_start().starts_with(&year.to_string())),
            "no row for {year}:\n{}",
            part(6)
        );
    }

    // The notes: the last 60 and a count of the rest.
    let earlier = summary.notes.len() - 60;
    assert!(
        part(7).contains(&format!("and {earlier} earlier notes")),
        "{}",
        part(7)
    );
    for (day, _) in &summary.notes[earlier..] {
        assert!(
            part(7).contains(&report::text::date(*day)),
            "no note of {day}"
        );
    }
    assert!(!part(7).contains(&report::text::date(summary.notes[0].0)));
}

/// Page one of the 20-year report: on one page, the answer, the last 10 sessions and how many
/// came before, no earlier data.
fn twenty_years_page_one(pages: &[String], summary: &report::Summary) {
    // Page one, alone on its page.
    let one = &pages[0];
    for expected in [
        "Did the sessions help?",
        "After sessions, pain",
        "no earlier data",
        "Massage sessions in this period (1000)",
        "…and 990 earlier sessions (see the sessions table).",
        "Most often painful",
    ] {
        assert!(
            one.contains(expected),
            "page one lacks {expected:?}:\n{one}"
        );
    }
    let rows = dated_rows(one);
    assert_eq!(rows.len(), 10, "the 10 most recent sessions:\n{one}");
    let last = summary.sessions.last().unwrap();
    assert!(
        rows[9].contains(&report::text::short_date(last.date)),
        "the most recent last: {}",
        rows[9]
    );
    assert!(
        !pages[1].contains("Massage sessions in this period")
            && !pages[1].contains("Most often painful"),
        "page one does not run over:\n{}",
        pages[1]
    );
}

/// The 20-year report's sessions table: the last 60, each start and kind in full, the header on
/// every page it spans.
fn twenty_years_sessions_table(pages: &[String], table: &str, summary: &report::Summary) {
    // The sessions table: the last 60, every start and kind in full.
    assert!(table.contains("The last 60 of the period's 1000 sessions"));
    let rows = start_rows(table);
    assert_eq!(rows.len(), 60, "the last 60 sessions:\n{table}");
    for session in &summary.sessions[940..] {
        let start = report::text::start(session.start.at());
        let row = rows
            .iter()
            .find(|row| row.contains(&start))
            .unwrap_or_else(|| panic!("no row starting {start} in:\n{table}"));
        // A long kind may wrap within its cell: the row and the line under it hold it whole.
        let lines: Vec<&str> = table.lines().collect();
        let at = lines.iter().position(|line| line == row).unwrap();
        let cell_words =
            |line: &str| -> Vec<String> { line.split_whitespace().map(str::to_owned).collect() };
        let mut words = cell_words(row);
        if let Some(next) = lines.get(at + 1).filter(|next| start_rows(next).is_empty()) {
            words.extend(cell_words(next));
        }
        for word in session.kind.label().split_whitespace() {
            assert!(
                words.iter().any(|w| w == word),
                "{:?} in full: {row}",
                session.kind.label()
            );
        }
    }
    assert!(!table.contains('…'), "nothing cut:\n{table}");

    // The header on every page the table spans.
    let table_pages: Vec<&String> = pages
        .iter()
        .filter(|page| !start_rows(page).is_empty())
        .collect();
    assert!(table_pages.len() >= 2, "the table spans pages");
    for page in table_pages {
        let header = page.lines().position(is_sessions_header);
        let first_row = page.lines().position(|line| !start_rows(line).is_empty());
        assert!(
            header.is_some() && header < first_row,
            "the header over the rows on each page:\n{page}"
        );
    }
}

/// The rows of the forest plot: all sessions, then each kind and therapist with enough data,
/// with their differences, intervals and verdicts, zero and the better side marked.
#[test]
fn the_forest_plot_has_a_row_for_each_kind_and_therapist_with_enough_data() {
    let journal = painlog::demo::generate(painlog::demo::DemoSpec {
        years: 5,
        sessions: 250,
        seed: 5,
        end: today(),
    });
    let summary = summary_of_everything(&journal);
    let (folder, _) = journal_in_temp();
    let pages = pdf_pages(&summary, folder.path());
    let page = &pages[1];
    let plot = &page[page
        .find("Did the sessions help? By kind and therapist")
        .unwrap()..page.find("By kind of massage").unwrap()];
    let compared = &summary.compared;
    let mut rows = vec![("All sessions".to_owned(), &compared.all)];
    rows.extend(
        compared
            .by_kind
            .iter()
            .map(|(k, c)| (k.label().to_owned(), c)),
    );
    rows.extend(compared.by_therapist.iter().map(|(n, c)| (n.clone(), c)));
    let mut plotted = 0;
    for (name, c) in rows {
        let Some((low, high)) = c.ci95 else {
            assert!(
                !plot.lines().any(|l| l.trim_start().starts_with(&name)),
                "{name}: no row without enough data"
            );
            continue;
        };
        plotted += 1;
        let value = format!(
            "{} ({})",
            report::text::signed_change(c.difference),
            report::text::interval(Some([low, high]))
        );
        let line = plot
            .lines()
            .find(|l| l.trim_start().starts_with(&name))
            .unwrap_or_else(|| panic!("no row for {name}:\n{plot}"));
        assert!(line.contains(&value), "{name}: {value} in {line:?}");
    }
    assert!(plotted >= 4, "several rows: {plotted}");
    for expected in [
        "better",
        "← better: pain lower after sessions than over ordinary weeks",
        "worse: pain higher →",
        "0",
    ] {
        assert!(plot.contains(expected), "{expected:?} in:\n{plot}");
    }
}

/// A report of the last 90 days reads as before: daily pain with lettered session lines, every
/// session in the table, no month-by-month summary; page one lists the last 10 and counts the
/// rest, and compares with the 90 days before.
#[test]
fn ninety_days_of_twenty_years_read_day_by_day() {
    let journal = twenty_years();
    let summary = summary_of(&journal, "2026-03-18", "2026-06-15", "See you Tuesday.");
    let n = summary.sessions.len();
    assert!(n > 10, "{n} sessions");
    let (folder, _) = journal_in_temp();
    let pages = pdf_pages(&summary, folder.path());
    // Page one, the answer by kind with every measure and the strongest patterns, the trend,
    // where it hurt and the aligned view, the sessions, care and notes.
    assert!(pages.len() <= 6, "{} pages", pages.len());
    let one = &pages[0];
    assert_eq!(dated_rows(one).len(), 10, "{one}");
    assert!(
        one.contains(&format!(
            "…and {} earlier sessions (see the sessions table).",
            n - 10
        )),
        "{one}"
    );
    assert!(!one.contains("no earlier data"), "{one}");
    assert!(one.contains("See you Tuesday."), "{one}");
    let text = pages.concat();
    assert!(text.contains("daily values (thin grey line)"), "daily");
    assert!(text.contains("Sessions: S Swedish · D deep tissue"));
    assert!(!text.contains("Sessions month by month"));
    assert_eq!(start_rows(&text).len(), n, "every session in the table");
}

/// Whatever page one holds (a 100-character name, a 1,000-character message, long kinds and
/// therapists, answers for kinds and therapists), it stays on one page: fewer answers, then the
/// message set small, then the title, then fewer rows (still counted); and the sessions table
/// wraps long kinds and therapists instead of cutting them.
#[test]
fn page_one_is_one_page_whatever_it_holds() {
    let demo = painlog::demo::generate(painlog::demo::DemoSpec {
        years: 1,
        sessions: 40,
        seed: 7,
        end: today(),
    });
    let mut journal = Journal::new();
    for day in demo.days() {
        journal.set_day(day.clone());
    }
    for (index, session) in demo.sessions().iter().enumerate() {
        let mut session = session.clone();
        if index % 2 == 0 {
            session.kind = SessionKind::Other(format!(
                "A kind of massage with a very long name that a person typed {index}"
            ));
        }
        session.therapist = Some(format!(
            "Therapist {} at the clinic with the longest name in town",
            index % 3
        ));
        journal.add_session(session);
    }
    let (first, last) = journal.date_span().unwrap();
    let lines: Vec<String> = (1..=120).map(|i| format!("L{i}")).collect();
    let many_lines = lines.join("\n");
    let long_line = "My back hurts most in the morning. ".repeat(28);
    for message in [many_lines.as_str(), long_line.trim()] {
        assert!(message.chars().count() <= 1000);
        let index = JournalIndex::new(&journal);
        let effects = effects(&journal, &index, EffectSettings::default());
        let request = ReportRequest {
            period: DayRange::new(first, last),
            sections: Sections::default(),
            message: message.into(),
            name: Some("N".repeat(100)),
            made: now(),
        };
        let summary = report::summarize_period(&journal, &index, &effects, &request);
        for paper in [Paper::A4, Paper::Letter] {
            let bytes = report::pdf::to_pdf(&summary, paper).unwrap();
            let (folder, _) = journal_in_temp();
            let path = folder.path().join("report.pdf");
            std::fs::write(&path, &bytes).unwrap();
            let pages = footed_pages(&path);
            let one = &pages[0];
            for expected in [
                "Did the sessions help?",
                "Most often painful",
                "Message from the patient",
            ] {
                assert!(one.contains(expected), "{paper:?}: {expected:?}:\n{one}");
            }
            let last_words = if message.contains('\n') {
                "L120"
            } else {
                "in the"
            };
            assert!(one.contains(last_words), "{paper:?}: the message:\n{one}");
            assert!(
                !pages[1].contains("Message from the patient")
                    && !pages[1].contains("Most often painful")
                    && !pages[1].contains("L120"),
                "{paper:?}: page one runs over:\n{}",
                pages[1]
            );
            let rows = dated_rows(one).len();
            assert!((1..=10).contains(&rows), "{rows} rows");
            assert!(
                one.contains(&format!(
                    "and {} earlier sessions",
                    summary.sessions.len() - rows
                )),
                "{paper:?}: the rest counted:\n{one}"
            );
            // The sessions table wraps the long kinds and therapists instead of cutting them.
            let text = pages.concat();
            let table = &text[line_at(&text, "Sessions").unwrap()..];
            let table = &table[..table.find("Notes (").unwrap()];
            assert!(!table.contains('…'), "{paper:?}: nothing cut:\n{table}");
            assert_eq!(
                table.matches("typed").count(),
                summary.sessions.len() / 2,
                "{paper:?}: every long kind in full:\n{table}"
            );
            assert_eq!(
                table.matches("town").count(),
                summary.sessions.len(),
                "{paper:?}: every therapist in full"
            );
        }
    }
}

/// The previous period: compared when the journal covers it, compared on the days there are
/// (and said so) when it covers part of it, "no earlier data" when it lies wholly before the
/// journal's first day, in the PDF's page one, the Markdown and the preview's model alike.
#[test]
fn no_earlier_data_when_the_previous_period_lies_before_the_journal() {
    let journal = small_journal();
    // The journal starts on 1 June.
    let whole = summary_of(&journal, "2026-06-15", "2026-06-21", "");
    let partly = summary_of(&journal, "2026-06-08", "2026-06-21", "");
    let before = summary_of(&journal, "2026-06-01", "2026-06-21", "");
    let figure = |summary: &report::Summary| {
        report::page_one::PageOne::new(summary).figures[3].value_and_detail(" ")
    };
    assert_eq!(figure(&whole), "4.9 → 4.0 (0.9 lower)");
    assert_eq!(figure(&partly), "6.0 → 4.4 (1.6 lower)");
    assert_eq!(figure(&before), "no earlier data");
    let page = report::page_one::PageOne::new(&partly);
    assert!(
        page.previous_period
            .contains("the journal starts on 1 Jun 2026, so its average rests on the 7 days"),
        "{}",
        page.previous_period
    );
    let md = report::to_markdown(&before);
    assert!(
        md.contains("- **Against the previous 21 days (11 May 2026 – 31 May 2026):** no earlier data (the journal starts on Mon 1 Jun 2026)"),
        "{md}"
    );
    let (folder, _) = journal_in_temp();
    let pages = pdf_pages(&before, folder.path());
    assert!(pages[0].contains("no earlier data"), "{}", pages[0]);
    assert!(
        pages[0].contains("before the journal's first day (1 Jun 2026)"),
        "{}",
        pages[0]
    );
}

/// The Markdown's page one says what the PDF's says: the answer first, at most the 10 most
/// recent sessions and how many came before, "no earlier data".
#[test]
fn the_markdown_lists_the_last_ten_sessions_under_the_answer() {
    let journal = painlog::demo::generate(painlog::demo::DemoSpec {
        years: 1,
        sessions: 20,
        seed: 2026,
        end: today(),
    });
    let summary = summary_of_everything(&journal);
    let md = report::to_markdown(&summary);
    let answer = md
        .find("**Did the sessions help?** After sessions, pain")
        .unwrap();
    let facts = md.find("- **Period:**").unwrap();
    assert!(answer < facts, "the answer first:\n{md}");
    let rows: Vec<&str> = md
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| Date"))
        .collect();
    assert_eq!(rows.len(), 10, "{md}");
    let last = summary.sessions.last().unwrap();
    assert!(
        rows[9].contains(&report::text::date(last.date)),
        "{}",
        rows[9]
    );
    assert!(
        md.contains("…and 10 earlier sessions (see the sessions table of the PDF report)."),
        "{md}"
    );
    assert!(
        md.contains("no earlier data (the journal starts on"),
        "{md}"
    );
}

/// The window's preview renders the same page one: the answer, the last 10 sessions and the
/// line that counts the rest, "no earlier data".
#[test]
fn the_preview_says_what_page_one_says() {
    let (_folder, path) = journal_in_temp();
    let journal = painlog::demo::generate(painlog::demo::DemoSpec {
        years: 1,
        sessions: 20,
        seed: 2026,
        end: today(),
    });
    let (first, _) = journal.date_span().unwrap();
    save(&path, &journal);
    let mut harness = harness(&path);
    click(&mut harness, "Report");
    click(&mut harness, "From – to");
    type_into(&mut harness, "From (YYYY-MM-DD)", &first.to_string());
    type_into(&mut harness, "To", "2026-06-15");
    let summary = summary_of(&journal, &first.to_string(), "2026-06-15", "");
    let page = report::page_one::PageOne::new(&summary);
    harness.get_by_label("Did the sessions help?");
    harness.get_by_label(&page.answer.all.sentence(str::to_owned));
    harness.get_by_label("no earlier data");
    harness.get_by_label("…and 10 earlier sessions (see the sessions table).");
    let last = summary.sessions.last().unwrap();
    harness.get_by_label(&report::text::short_date(last.date));
}

#[test]
fn the_json_holds_the_whole_summary() {
    let summary = summary_of(&small_journal(), "2026-06-08", "2026-06-21", "");
    let json: serde_json::Value = serde_json::from_str(&report::to_json(&summary)).unwrap();
    assert_eq!(json["from"], "2026-06-08");
    assert_eq!(json["days_logged"], 14);
    assert_eq!(json["sessions"].as_array().unwrap().len(), 2);
    assert_eq!(json["sessions"][0]["kind"], "deep-tissue");
    assert!(
        (json["average_pain"].as_f64().unwrap() - 62.0 / 14.0).abs() < 1e-12,
        "full precision"
    );
    assert_eq!(
        json["self_reported"],
        "Self-reported by the patient; not a diagnosis."
    );
    // The answer, as `painlog effects --json` gives it, for the period's sessions.
    let all = &json["compared"]["all"]["pain"];
    assert_eq!(all["verdict"], "not_enough_data", "{all}");
    assert_eq!(all["sessions"], 2);
    assert_eq!(all["ci95"], serde_json::Value::Null);
    assert!(all["difference"].is_number() && all["baseline"].is_number());
    assert!(json["compared"]["by_kind"]["deep-tissue"]["pain"].is_object());
    assert!(json["compared"]["by_therapist"]["Anna Berg"]["pain"].is_object());
}

#[test]
fn notes_with_commas_quotes_new_lines_and_any_script_survive_csv() {
    let mut journal = Journal::new();
    let mut noted = day("2026-06-01", 4);
    noted.note =
        "Commas, \"quotes\",\nnew lines\r\nand scripts: Болит · Πόνος · 痛い · ألم 🙂".into();
    journal.set_day(noted.clone());
    let mut session = Session::new(
        parse_start("2026-06-01 10:00").unwrap(),
        SessionKind::Other("Hot, \"stone\"".into()),
        Minutes::new(45).unwrap(),
    );
    session.note = "Line one\nLine \"two\", end".into();
    session.therapist = Some("Åsa, Öberg".into());
    journal.add_session(session.clone());

    let days = csv_io::days_csv(&journal, None);
    assert!(
        days.contains("\"Commas, \"\"quotes\"\",\nnew lines\r\nand scripts"),
        "RFC 4180 quoting:\n{days}"
    );
    assert!(days.ends_with("\r\n"));
    let parsed = csv_io::parse_days(&days, "days.csv", today()).unwrap();
    assert_eq!(parsed.days(), vec![noted]);
    let sessions =
        csv_io::parse_sessions(&csv_io::sessions_csv(&journal, None), "sessions.csv", now())
            .unwrap();
    assert_eq!(sessions[0].note, session.note);
    assert_eq!(
        sessions[0].kind,
        SessionKind::Other("Hot, \"stone\"".into())
    );
    assert_eq!(sessions[0].therapist.as_deref(), Some("Åsa, Öberg"));
}

#[test]
fn a_bad_row_names_its_file_and_line_and_nothing_is_imported() {
    let good = "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-06-01,4,,,,,,\r\n";
    for (text, line, words) in [
        (
            format!("{good}2026-06-02,11,,,,,,\r\n"),
            3,
            "pain must be a whole number from 0 to 10",
        ),
        (
            format!("{good}2026-02-30,1,,,,,,\r\n"),
            3,
            "date must be YYYY-MM-DD",
        ),
        (
            format!("{good}2026-06-03,1,,,,,knee,\r\n"),
            3,
            "unknown region \"knee\"",
        ),
        (format!("{good}2026-06-01,2,,,,,,\r\n"), 3, "appears twice"),
        (format!("{good}2099-01-01,1,,,,,,\r\n"), 3, "in the future"),
        (
            "day,pain\r\n".to_owned(),
            1,
            "the first column must be date",
        ),
        (
            "date,pain,colour\r\n".to_owned(),
            1,
            "there is no column \"colour\" in painlog's days.csv; its columns are date, pain, \
             worst_pain, stiffness, sleep, stress, mobility, mood, measure:NAME",
        ),
        (
            "date,pain,note,pain\r\n".to_owned(),
            1,
            "the column pain appears twice",
        ),
        (
            "date,measure:a;b\r\n".to_owned(),
            1,
            "measure:a;b: the measure's name holds \";\"",
        ),
        (
            format!("{good}2026-06-04,1\r\n"),
            3,
            "2 columns where there should be 8 (date,pain,",
        ),
        (
            format!("{good}2026-06-04,1,,,,,,\"never closed\r\n2026-06-05,2,,,,,,\r\n"),
            3,
            "a quoted field is never closed",
        ),
        (
            format!("{good}2026-06-04,1,,,,,,\"runs on\r\n2026-06-05,2,,,,,,\"x\"\r\n"),
            3,
            "runs on into line 4, which looks like a row of its own",
        ),
    ] {
        let error = csv_io::parse_days(&text, "days.csv", today()).unwrap_err();
        assert_eq!(
            (error.file.as_str(), error.line),
            ("days.csv", line),
            "{error}"
        );
        assert!(error.message.contains(words), "{error}");
    }
    let sessions_header = csv_io::SESSION_COLUMNS.join(",");
    for (row, words) in [
        (
            "1,2026-06-01T10:00,cupping,,60,,,,,,,,,",
            "kind must be one of",
        ),
        ("1,2026-06-01T10:00,swedish,,0,,,,,,,,,", "minutes"),
        (
            "1,2026-06-01T10:00,swedish,,60,,,,-5,USD,,,,",
            "cost: a cost cannot be negative",
        ),
        (
            "1,2026-06-01T10:00,swedish,,60,,,,5,,,,,",
            "cost needs a currency",
        ),
        (
            "1,2026-06-01T10:00,swedish,Hot,60,,,,,,,,,",
            "kind_name is only for the kind other",
        ),
        (
            "1,2026-06-01 10:00,swedish,,60,,hard,,,,,,,",
            "pressure must be",
        ),
    ] {
        let text = format!("{sessions_header}\r\n{row}\r\n");
        let error = csv_io::parse_sessions(&text, "sessions.csv", now()).unwrap_err();
        assert_eq!(error.line, 2, "{error}");
        assert!(error.message.contains(words), "{row}: {error}");
    }
}

#[test]
fn a_note_over_several_lines_is_not_taken_for_an_unclosed_quote() {
    let text = "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-06-01,4,,,,,,\"one,\r\n2026-06-02 was worse, a lot\r\n\"\"quoted\"\"\"\r\n";
    let days = csv_io::parse_days(text, "days.csv", today())
        .unwrap()
        .days();
    assert_eq!(days.len(), 1);
    assert_eq!(
        days[0].note,
        "one,\r\n2026-06-02 was worse, a lot\r\n\"quoted\""
    );
    let header = csv_io::SESSION_COLUMNS.join(",");
    let error = csv_io::parse_sessions(
        &format!("{header}\r\n1,2026-06-01T10:00,swedish,,60,,,,,,,,,\"open\r\n"),
        "sessions.csv",
        now(),
    )
    .unwrap_err();
    assert_eq!(error.line, 2, "{error}");
    assert!(error.message.contains("never closed"), "{error}");
}

#[test]
fn imported_values_win_and_the_summary_counts_them() {
    let mut journal = small_journal();
    let days = csv_io::parse_days(
        "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-06-01,2,,,,,,\r\n2026-05-01,3,,,,,neck,\r\n2026-06-02,6,7,,,,lower-back,\r\n",
        "days.csv",
        today(),
    )
    .unwrap();
    let header = csv_io::SESSION_COLUMNS.join(",");
    let sessions = csv_io::parse_sessions(
        &format!("{header}\r\n1,2026-06-11T17:30,deep-tissue,,90,Anna Berg,,,,,7,4,,\r\n9,2026-06-05T10:00,sports,,30,,,,,,,,,\r\n"),
        "sessions.csv",
        now(),
    )
    .unwrap();
    let summary = csv_io::import_csv(
        &mut journal,
        csv_io::CsvImport {
            days,
            sessions,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        summary.to_string(),
        "1 days added, 1 updated; 1 sessions added, 1 updated"
    );
    assert_eq!(
        journal.day(date("2026-06-01")).unwrap().pain,
        score(2),
        "the imported value wins"
    );
    assert_eq!(
        journal.day(date("2026-06-01")).unwrap().worst_pain,
        None,
        "the whole row wins"
    );
    assert_eq!(
        journal
            .session(painlog::model::SessionId(1))
            .unwrap()
            .minutes
            .get(),
        90
    );
    assert_eq!(
        journal.session(painlog::model::SessionId(9)).unwrap().kind,
        SessionKind::Sports
    );
}

/// A moment after [`small_journal`]'s last day (it reaches past [`now`]).
fn later() -> chrono::NaiveDateTime {
    now() + chrono::Duration::days(10)
}

/// A journal with everything version 2 holds: own measures (one retired), a body map with sides
/// and intensities, medications, home exercises (one suggested at a session), care visits (with a
/// gap in their numbers), and text a spreadsheet would take for a formula.
fn version_2_journal() -> Journal {
    use painlog::model::{CareKind, CareVisit, Exercise, ItemId, Medication, Worse};
    let mut journal = small_journal();
    let tingling = journal
        .add_measure("Tingling, left leg", Worse::Higher)
        .unwrap();
    let energy = journal.add_measure("Energy", Worse::Lower).unwrap();
    let old = journal.add_measure("-old measure", Worse::Higher).unwrap();
    journal.set_measure_retired(old, true).unwrap();
    let medication =
        |name: &str, dose: &str, as_needed, from: Option<&str>, until: Option<&str>| Medication {
            id: ItemId(0),
            name: name.into(),
            dose: dose.into(),
            as_needed,
            from: from.map(date),
            until: until.map(date),
        };
    let ibuprofen = journal
        .add_medication(medication("Ibuprofen", "400 mg", true, None, None))
        .unwrap();
    let naproxen = journal
        .add_medication(medication(
            "Naproxen",
            "=250 mg, twice",
            false,
            Some("2026-06-01"),
            Some("2026-06-10"),
        ))
        .unwrap();
    let session = journal.sessions()[0].id;
    let cat_cow = journal
        .add_exercise(Exercise {
            id: ItemId(0),
            name: "Cat-cow".into(),
            session: Some(session),
            per_week: Some(14),
        })
        .unwrap();
    let tucks = journal
        .add_exercise(Exercise {
            id: ItemId(0),
            name: "@chin tucks".into(),
            session: None,
            per_week: None,
        })
        .unwrap();
    for (on, kind, name, note) in [
        (
            "2026-06-04",
            CareKind::Physiotherapy,
            "",
            "Core work,\n\"gentle\"",
        ),
        ("2026-06-08", CareKind::Doctor, "Dr Lee", ""),
        ("2026-06-09", CareKind::Chiropractic, "", "gone"),
        ("2026-06-15", CareKind::Other, "Hydrotherapy", "+warm pool"),
    ] {
        journal
            .add_care_visit(CareVisit {
                id: ItemId(0),
                date: date(on),
                kind,
                name: name.into(),
                note: note.into(),
            })
            .unwrap();
    }
    let gone = journal.care_visits()[2].id;
    journal.remove_care_visit(gone).unwrap();
    for d in [2_u32, 5, 9] {
        let mut day = journal
            .day(date(&format!("2026-06-{d:02}")))
            .unwrap()
            .clone();
        day.mobility = score(3 + d as u8 % 5);
        day.mood = score(6);
        day.measures.insert(tingling, score(d as u8).unwrap());
        day.measures.insert(old, score(0).unwrap());
        day.regions =
            painlog::model::parse_map_text("lower-back-left=6;neck;hips-right=2", ';').unwrap();
        day.took.extend([ibuprofen, naproxen]);
        day.did.insert(cat_cow);
        if d == 9 {
            day.measures.insert(energy, score(10).unwrap());
            day.did.insert(tucks);
            day.took.remove(&ibuprofen);
        }
        journal.set_day(day);
    }
    for (name, practice, address, licence) in [
        (
            "Anna",
            "Berg Massage, Inc.",
            "12 Harbour St\u{e9}",
            "=LMT-1",
        ),
        ("Riverside Clinic", "", "", "RC-9"),
    ] {
        journal
            .set_therapist(&painlog::model::Therapist {
                name: name.into(),
                practice: practice.into(),
                address: address.into(),
                licence: licence.into(),
            })
            .unwrap();
    }
    journal
}

#[test]
fn every_file_of_a_version_2_journal_survives_export_and_import_byte_for_byte() {
    let journal = version_2_journal();
    let folder = tempfile::tempdir().unwrap();
    let journal_path = folder.path().join("journal.ron");
    let first =
        csv_io::export_csv(&journal, None, &folder.path().join("one"), &journal_path).unwrap();
    let names: Vec<String> = first
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, csv_io::CSV_FILES);
    let text = |path: &std::path::Path| std::fs::read_to_string(path).unwrap();
    let days = text(&first[0]);
    assert!(
        days.starts_with(
            "date,pain,worst_pain,stiffness,sleep,stress,mobility,mood,\
             \"measure:Tingling, left leg\",measure:Energy,measure:-old measure,\
             regions,medications,exercises,note\r\n"
        ),
        "{days}"
    );
    assert!(
        days.contains(
            "2026-06-09,6,7,,,,7,6,9,10,0,neck;lower-back-left=6;hips-right=2,Naproxen,\
             Cat-cow;@chin tucks,\r\n"
        ),
        "{days}"
    );
    assert_eq!(
        text(&first[2]),
        "id,name,worse,retired\r\n1,\"Tingling, left leg\",higher,no\r\n2,Energy,lower,no\r\n\
         3,'-old measure,higher,yes\r\n"
    );
    assert_eq!(
        text(&first[3]),
        "id,name,dose,as_needed,from,until\r\n1,Ibuprofen,400 mg,yes,,\r\n\
         2,Naproxen,\"'=250 mg, twice\",no,2026-06-01,2026-06-10\r\n"
    );
    assert_eq!(
        text(&first[4]),
        "id,name,session,per_week\r\n1,Cat-cow,1,14\r\n2,'@chin tucks,,\r\n"
    );
    assert_eq!(
        text(&first[5]),
        "id,date,kind,name,note\r\n1,2026-06-04,physiotherapy,,\"Core work,\n\"\"gentle\"\"\"\r\n\
         2,2026-06-08,doctor,Dr Lee,\r\n4,2026-06-15,other,Hydrotherapy,'+warm pool\r\n"
    );
    assert_eq!(
        text(&first[6]),
        "name,practice,address,licence\r\nAnna,\"Berg Massage, Inc.\",12 Harbour St\u{e9},'=LMT-1\r\n\
         Riverside Clinic,,,RC-9\r\n"
    );
    let mut back = Journal::new();
    let read = csv_io::read_import(Some(&first[0]), Some(&first[1]), later()).unwrap();
    let summary = csv_io::import_csv(&mut back, read).unwrap();
    assert_eq!(
        summary.to_string(),
        "21 days added, 0 updated; 2 sessions added, 0 updated; 3 own measures, 2 medications, \
         2 exercises added, 0 changed; 3 care visits added, 0 updated"
    );
    assert_eq!(back, journal, "the journals are equal");
    let second =
        csv_io::export_csv(&back, None, &folder.path().join("two"), &journal_path).unwrap();
    for (one, two) in first.iter().zip(&second) {
        assert_eq!(text(one), text(two), "{} is byte-identical", one.display());
    }
    // Importing the same files again changes nothing.
    let read = csv_io::read_import(Some(&first[0]), Some(&first[1]), later()).unwrap();
    let summary = csv_io::import_csv(&mut back, read).unwrap();
    assert_eq!(
        summary.to_string(),
        "0 days added, 0 updated; 0 sessions added, 0 updated"
    );
    assert_eq!(back, journal);
}

#[test]
fn a_day_naming_an_unknown_item_imports_nothing_unless_its_list_comes_along() {
    let journal = version_2_journal();
    let folder = tempfile::tempdir().unwrap();
    let journal_path = folder.path().join("journal.ron");
    let files =
        csv_io::export_csv(&journal, None, &folder.path().join("csv"), &journal_path).unwrap();
    let days = std::fs::read_to_string(&files[0]).unwrap();
    // Into a journal without the lists, days.csv alone names what it does not hold.
    let mut empty = Journal::new();
    let read = csv_io::CsvImport {
        days: csv_io::parse_days(&days, "days.csv", later().date()).unwrap(),
        ..Default::default()
    };
    let error = csv_io::import_csv(&mut empty, read.clone()).unwrap_err();
    assert_eq!(
        (error.file.as_str(), error.line),
        ("days.csv", 1),
        "{error}"
    );
    assert!(
        error.message.contains(
            "column measure:Tingling, left leg: the journal has no own measure \"Tingling, left leg\" \
             (its own measures: none yet); add it in painlog first, or import measures.csv beside \
             this file"
        ),
        "{error}"
    );
    assert_eq!(empty, Journal::new(), "nothing was imported");
    let mut lists_but_medications = Journal::new();
    for measure in journal.measures() {
        lists_but_medications
            .add_measure(&measure.name, measure.worse)
            .unwrap();
    }
    let error = csv_io::import_csv(&mut lists_but_medications, read.clone()).unwrap_err();
    assert_eq!(error.line, 3, "{error}");
    assert!(
        error
            .message
            .contains("column medications: the journal has no medication \"Ibuprofen\""),
        "{error}"
    );
    lists_but_medications
        .add_medication(journal.medications()[0].clone())
        .unwrap();
    lists_but_medications
        .add_medication(journal.medications()[1].clone())
        .unwrap();
    let error = csv_io::import_csv(&mut lists_but_medications, read.clone()).unwrap_err();
    assert!(
        error.message.contains(
            "column exercises: the journal has no exercise \"Cat-cow\" (its exercises: none yet)"
        ),
        "{error}"
    );
    // Names match whatever their case; the lists beside days.csv make them known.
    let read = csv_io::read_import(Some(&files[0]), None, later()).unwrap();
    assert_eq!(read.lists.visits.len(), 3);
    let mut fresh = Journal::new();
    csv_io::import_csv(&mut fresh, read).unwrap();
    assert_eq!(fresh.medications(), journal.medications());
    assert_eq!(fresh.days().count(), 21);
    assert_eq!(
        fresh.exercises()[0].session,
        None,
        "no session 1 in the journal or the files"
    );
}

#[test]
fn list_files_refuse_what_the_window_refuses_and_name_file_line_and_column() {
    for (file, text, words) in [
        (
            "measures.csv",
            "id,name,worse,retired\r\n1,Tingling,up,no\r\n",
            "worse must be higher or lower, found \"up\"",
        ),
        (
            "measures.csv",
            "id,name,worse,retired\r\n1,a=b,higher,no\r\n",
            "holds \"=\"",
        ),
        (
            "measures.csv",
            "id,name,worse,retired\r\n1,A,higher,no\r\n2,a,lower,no\r\n",
            "the name \"a\" appears twice",
        ),
        (
            "measures.csv",
            "id,name,worse,retired\r\n1,A,higher,maybe\r\n",
            "retired must be yes or no",
        ),
        (
            "medications.csv",
            "id,name,dose,as_needed,from,until\r\n1,X,,no,2026-06-10,2026-06-01\r\n",
            "until (2026-06-01) is before from (2026-06-10)",
        ),
        (
            "medications.csv",
            "id,name,dose,as_needed,from,until\r\n0,X,,no,,\r\n",
            "id must be a whole number from 1",
        ),
        (
            "medications.csv",
            "id,name,dose,as_needed,from,until\r\n1,X,,no,June,\r\n",
            "from must be YYYY-MM-DD",
        ),
        (
            "exercises.csv",
            "id,name,session,per_week\r\n1,X,,15\r\n",
            "per_week must be a whole number from 1 to 14",
        ),
        (
            "exercises.csv",
            "id,name,session,per_week\r\n1,X,,1\r\n1,Y,,1\r\n",
            "the id 1 appears twice",
        ),
        (
            "care.csv",
            "id,date,kind,name,note\r\n1,2099-01-01,doctor,,\r\n",
            "in the future",
        ),
        (
            "care.csv",
            "id,date,kind,name,note\r\n1,2026-06-01,massage,,\r\n",
            "kind must be one of physiotherapy, chiropractic, doctor, other",
        ),
        (
            "care.csv",
            "id,date,kind,name,note\r\n1,2026-06-01,other,,\r\n",
            "other care needs a name",
        ),
        (
            "care.csv",
            "id,date,kind,name,note\r\n1,2026-06-01,doctor,,esc\u{1b}\r\n",
            "U+001B",
        ),
        (
            "care.csv",
            "id,date,kind,note\r\n",
            "the header row must be exactly: id,date,kind,name,note",
        ),
    ] {
        let error = match file {
            "measures.csv" => csv_io::parse_measures(text, file).map(|_| ()),
            "medications.csv" => csv_io::parse_medications(text, file).map(|_| ()),
            "exercises.csv" => csv_io::parse_exercises(text, file).map(|_| ()),
            _ => csv_io::parse_care(text, file, today()).map(|_| ()),
        }
        .unwrap_err();
        assert_eq!(error.file, file);
        let line = if text.lines().count() == 1 {
            1
        } else {
            text.lines().count() as u64
        };
        assert_eq!(error.line, line, "{error}");
        assert!(error.message.contains(words), "{error}");
    }
}

#[test]
fn a_version_1_days_file_imports_and_keeps_what_it_has_no_column_for() {
    let mut journal = version_2_journal();
    let before = journal.day(date("2026-06-09")).unwrap().clone();
    let days = csv_io::parse_days(
        "date,pain,worst_pain,stiffness,sleep,stress,regions,note\r\n2026-06-09,1,,,,,neck-left=3,v1\r\n",
        "days.csv",
        today(),
    )
    .unwrap();
    let summary = csv_io::import_csv(
        &mut journal,
        csv_io::CsvImport {
            days,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(summary.days_updated, 1);
    let after = journal.day(date("2026-06-09")).unwrap();
    assert_eq!(after.pain, score(1));
    assert_eq!(after.worst_pain, None, "its columns win, empty or not");
    assert_eq!(after.note, "v1");
    assert_eq!(after.regions.len(), 1);
    assert_eq!(
        (
            &after.mobility,
            &after.mood,
            &after.measures,
            &after.took,
            &after.did
        ),
        (
            &before.mobility,
            &before.mood,
            &before.measures,
            &before.took,
            &before.did
        ),
        "what version 1 has no column for stays"
    );
    // Columns by name, in any order after date, any left out.
    let days = csv_io::parse_days(
        "date,note,measure:energy,mood\r\n2026-06-09,later,,2\r\n",
        "days.csv",
        today(),
    )
    .unwrap();
    csv_io::import_csv(
        &mut journal,
        csv_io::CsvImport {
            days,
            ..Default::default()
        },
    )
    .unwrap();
    let after = journal.day(date("2026-06-09")).unwrap();
    assert_eq!(
        (after.note.as_str(), after.mood, after.pain),
        ("later", score(2), score(1))
    );
    let energy = journal.measure_named("Energy").unwrap().id;
    assert!(
        !after.measures.contains_key(&energy),
        "an empty cell clears it"
    );
    assert_eq!(after.measures.len(), 2);
}

mod round_trip {
    use super::*;
    use painlog::model::{Day, Metric, Pressure, Score};
    use proptest::prelude::*;

    /// A note: any of these characters, including those that start a spreadsheet formula.
    fn text() -> impl Strategy<Value = String> {
        text_of(true)
    }

    /// A name: the same without line breaks and tabs, which names cannot hold.
    fn name() -> impl Strategy<Value = String> {
        text_of(false)
    }

    fn text_of(multiline: bool) -> impl Strategy<Value = String> {
        let breaks = if multiline {
            ['\n', '\r', '\t']
        } else {
            ['x', 'y', 'z']
        };
        proptest::collection::vec(
            prop_oneof![
                Just(','),
                Just('"'),
                Just(breaks[0]),
                Just(breaks[1]),
                Just(breaks[2]),
                Just('='),
                Just('+'),
                Just('-'),
                Just('@'),
                Just('\''),
                Just(' '),
                Just(';'),
                Just('|'),
                Just('é'),
                Just('Ж'),
                Just('λ'),
                Just('痛'),
                Just('🙂'),
                proptest::char::range('a', 'z')
            ],
            0..24,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    prop_compose! {
        fn a_day()(offset in 0_u64..400, scores in proptest::array::uniform5(proptest::option::of(0_u8..=10)),
                   regions in proptest::collection::btree_set(0_usize..9, 0..4), note in text()) -> Day {
            let mut day = Day::empty(date("2025-01-01") + chrono::Days::new(offset));
            for (metric, score) in Metric::ALL.into_iter().zip(scores) {
                metric.set(&mut day, score.map(|s| Score::new(s).unwrap()));
            }
            day.regions = painlog::model::regions_map(regions.into_iter().map(|i| Region::ALL[i]));
            day.note = note;
            day
        }
    }

    prop_compose! {
        fn a_session()(offset in 0_u64..400, minute in 0_u32..1440, kind in 0_usize..6, name in name(),
                       minutes in 1_i64..=480, therapist in proptest::option::of(name()), pressure in proptest::option::of(0_usize..4),
                       focus in proptest::collection::btree_set(0_usize..9, 0..3), cents in proptest::option::of(0_u64..100_000),
                       scores in proptest::array::uniform3(proptest::option::of(0_u8..=10)), note in text()) -> Session {
            let start = (date("2025-01-01") + chrono::Days::new(offset)).and_hms_opt(minute / 60, minute % 60, 0).unwrap();
            let kind = match kind {
                0 => SessionKind::Swedish, 1 => SessionKind::DeepTissue, 2 => SessionKind::TriggerPoint,
                3 => SessionKind::Sports, 4 => SessionKind::Shiatsu, _ => SessionKind::Other(name),
            };
            let mut session = Session::new(start, kind, Minutes::new(minutes).unwrap());
            session.therapist = therapist.filter(|t| !t.is_empty());
            session.pressure = pressure.map(|p| Pressure::ALL[p]);
            session.focus = painlog::model::regions_set(focus.into_iter().map(|i| Region::ALL[i]));
            session.cost = cents.map(|c| painlog::model::Cost {
                amount: painlog::model::Amount::from_cents(c),
                currency: painlog::model::Currency::parse("EUR").unwrap(),
            });
            [session.pain_before, session.pain_after, session.soreness] = scores.map(|s| s.map(|s| Score::new(s).unwrap()));
            session.note = note;
            session
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_journal_survives_export_and_import(days in proptest::collection::vec(a_day(), 0..40),
                                                  sessions in proptest::collection::vec(a_session(), 0..15)) {
            let mut journal = Journal::new();
            for day in days {
                journal.set_day(day);
            }
            for session in sessions {
                let id = journal.next_session_id();
                journal.restore_session(Session { id: painlog::model::SessionId(id), ..session }).unwrap();
            }
            let days_csv = csv_io::days_csv(&journal, None);
            let sessions_csv = csv_io::sessions_csv(&journal, None);
            let mut back = Journal::new();
            csv_io::import_csv(
                &mut back,
                csv_io::CsvImport {
                    days: csv_io::parse_days(&days_csv, "days.csv", today()).unwrap(),
                    sessions: csv_io::parse_sessions(&sessions_csv, "sessions.csv", now()).unwrap(),
                    ..Default::default()
                },
            )
            .unwrap();
            prop_assert_eq!(back.days().collect::<Vec<_>>(), journal.days().collect::<Vec<_>>());
            prop_assert_eq!(back.sessions(), journal.sessions());
            prop_assert_eq!(csv_io::days_csv(&back, None), days_csv, "byte-identical");
            prop_assert_eq!(csv_io::sessions_csv(&back, None), sessions_csv, "byte-identical");
        }
    }
}
