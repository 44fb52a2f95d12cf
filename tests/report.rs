//! Reports and CSV: the PDF read back as text, the exact Markdown, CSV round trips and bad rows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::process::Command;

use common::*;
use painlog::analysis::{DayRange, EffectSettings, JournalIndex, effects};
use painlog::model::{Journal, Minutes, Region, Session, SessionKind, parse_start};
use painlog::report::{self, ReportRequest, Sections, csv_io, pdf::Paper};

/// Three weeks of June 2026 with two sessions and a note.
fn small_journal() -> Journal {
    let mut journal = Journal::new();
    for d in 1..=21_u8 {
        let mut logged = day(&format!("2026-06-{d:02}"), if d <= 10 { 6 } else { 4 });
        logged.worst_pain = score(if d == 3 { 9 } else { 7 });
        logged.regions.insert(Region::LowerBack);
        if d % 3 == 0 {
            logged.regions.insert(Region::Neck);
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

- **Period:** Mon 8 Jun 2026 – Sun 21 Jun 2026 (14 days)
- **Days logged:** 14 of 14
- **Average pain:** 4.4 / 10 (0 = none, 10 = worst imaginable; 14 days with pain logged)
- **Worst pain:** 7 / 10 (Mon 8 Jun 2026)
- **Against the previous 14 days (25 May 2026 – 7 Jun 2026):** average pain 6.0 then, 4.4 now (-1.6)

## Massage sessions in this period (2)

| Date | Kind | Therapist | Pain 7 days before → after | Change | Right after the session |
|---|---|---|---|---|---|
| Thu 11 Jun 2026 | Deep tissue | Anna Berg | 6.0 → 4.0 | -2.0 (meaningful) | 3 lower |
| Thu 18 Jun 2026 | Swedish | Ben | 4.0 → 4.0 | 0.0 | 3 lower |

Before → after: mean pain over the 7 days before and after each session (at least 3 logged days each). \"Meaningful\": at least 2 points or 30% lower. People tend to book a session when pain is high, so pain often falls afterwards anyway. Compare with the baseline: the same change around days without a session.
Baseline: around 1 ordinary day away from sessions, pain changed by 0.0 on average.

## Most often painful

- Lower back: 14 days
- Neck: 5 days

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

/// Five years of days, 100 sessions and about 160 notes: 14 pages. That is enough to prove what
/// twenty years (84 pages, 15 s in a debug build) proved, in about 2 s: the period is over 1500
/// days, so the trend chart takes the long-period path (a tick for each year, the daily line
/// thinned to the chart's width, no dots and, beyond 60 sessions, no letters), both session
/// tables and the notes run over several pages (the footer and the page count must hold on each),
/// and every further page is laid out by the same code.
#[test]
fn five_years_make_a_pdf_with_every_part_on_numbered_pages() {
    let journal = painlog::demo::generate(painlog::demo::DemoSpec {
        years: 5,
        sessions: 100,
        seed: 5,
        end: today(),
    });
    let (first, last) = journal.date_span().unwrap();
    let summary = summary_of(&journal, &first.to_string(), &last.to_string(), "");
    assert!(summary.days_in_period > 1500, "a long period");
    assert_eq!(summary.sessions.len(), 100);
    assert!(summary.notes.len() > 100, "{} notes", summary.notes.len());
    let bytes = report::pdf::to_pdf(&summary, Paper::A4).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    // DejaVu Sans and its bold weigh 1.4 MB: a PDF this small embeds only the glyphs it uses,
    // and draws the charts as vectors.
    assert!(
        bytes.len() < 300_000,
        "vector charts and subset fonts keep it small: {} bytes",
        bytes.len()
    );
    let (folder, _) = journal_in_temp();
    let path = folder.path().join("report.pdf");
    std::fs::write(&path, &bytes).unwrap();

    let pages = footed_pages(&path);
    assert!(pages.len() >= 10, "many pages: {}", pages.len());
    let text = pages.concat();

    // Each part the report promises (Sections: the trend chart, the aligned view, the sessions
    // table, the summary by kind, the notes), by its heading, in this order, after page one.
    let notes_heading = format!("Notes ({})", summary.notes.len());
    let parts = [
        ("page one", "Massage sessions in this period (100)"),
        ("trend chart", "Pain over the period"),
        ("aligned view", "What usually happens around a session"),
        ("sessions table", "Sessions"),
        (
            "summary by kind",
            "By kind of massage (pain, sessions of this period)",
        ),
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
    assert!(
        !pages[0].contains("Pain over the period"),
        "the trend chart starts a page of its own"
    );
    let part =
        |index: usize| &text[starts[index]..starts.get(index + 1).copied().unwrap_or(text.len())];

    // The trend chart: a tick for each year, the key to the session letters.
    for year in 2022..=2026 {
        assert!(
            part(1).contains(&year.to_string()),
            "trend chart: no tick for {year}:\n{}",
            part(1)
        );
    }
    assert!(
        part(1).contains("Sessions: S Swedish · D deep tissue"),
        "{}",
        part(1)
    );
    // The aligned view: days -7 to +7 around the session, each with its n.
    for label in ["-7", "0", "+7", "n="] {
        assert!(
            part(2).contains(label),
            "aligned view: no {label:?}:\n{}",
            part(2)
        );
    }
    // The sessions table: one row for each session, over several pages.
    let rows = part(3)
        .lines()
        .filter(|line| line.len() > 10 && line.as_bytes()[..4].iter().all(u8::is_ascii_digit))
        .count();
    assert_eq!(
        rows,
        100,
        "sessions table: a row for each session:\n{}",
        part(3)
    );
    for session in &summary.sessions {
        assert!(
            part(3).contains(&session.start[..10]),
            "sessions table: no row for {}",
            session.start
        );
    }
    // The summary by kind: a row for each kind.
    for kind in &summary.by_kind {
        let label: String = kind.kind.chars().take(12).collect();
        assert!(
            part(4).contains(&label),
            "by kind: no row for {:?}:\n{}",
            kind.kind,
            part(4)
        );
    }
    // The notes: each under its date.
    for (day, _) in &summary.notes {
        let heading = report::text::date(*day);
        assert!(part(5).contains(&heading), "notes: none under {heading}");
    }
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
    assert_eq!(parsed, vec![noted]);
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
            "the header row must be exactly",
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
    let days = csv_io::parse_days(text, "days.csv", today()).unwrap();
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
    let summary = csv_io::import_csv(&mut journal, days, sessions);
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
                *metric.slot(&mut day) = score.map(|s| Score::new(s).unwrap());
            }
            day.regions = regions.into_iter().map(|i| Region::ALL[i]).collect();
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
            session.focus = focus.into_iter().map(|i| Region::ALL[i]).collect();
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
                csv_io::parse_days(&days_csv, "days.csv", today()).unwrap(),
                csv_io::parse_sessions(&sessions_csv, "sessions.csv", now()).unwrap(),
            );
            prop_assert_eq!(back.days().collect::<Vec<_>>(), journal.days().collect::<Vec<_>>());
            prop_assert_eq!(back.sessions(), journal.sessions());
            prop_assert_eq!(csv_io::days_csv(&back, None), days_csv, "byte-identical");
            prop_assert_eq!(csv_io::sessions_csv(&back, None), sessions_csv, "byte-identical");
        }
    }
}
