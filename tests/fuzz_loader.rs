//! Fuzzing the loader: arbitrary bytes and mutated valid journals never make it panic; it either
//! reads a journal (which then saves and reads back the same, and which the full parse reads
//! the same) or says what is wrong at a line and column inside the file.
//!
//! `PAINLOG_FUZZ_SECONDS` sets how long the run lasts (default 8 s, as in CI) and
//! `PAINLOG_FUZZ_SEED` its seed (printed, to repeat a run). An input that fails is written to
//! `target/fuzz-failures/`; copy it into `tests/fixtures/fuzz/`, where every file is checked on
//! every run, to keep it as a regression test. BENCHMARKS.md has the long run's figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::{Duration, Instant};

use common::Random;
use painlog::demo::{DemoSpec, generate};
use painlog::store::{FormatError, from_bytes, from_bytes_by_full_parse, to_text};

thread_local! {
    /// Set while this thread runs the loader under [`quietly`].
    static QUIET: Cell<bool> = const { Cell::new(false) };
    /// Where the last panic silenced on this thread happened.
    static PANICKED_AT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Run `f`, catching a panic. A panic of `f` is the finding, returned with its message and
/// where it happened, and not printed as well: the panic hook is replaced once by one that is
/// silent only on a thread inside `quietly` and passes every other panic to the hook it replaced,
/// so that a failing assertion of another test (of this file, in a thread of its own) is still
/// printed with its message.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let at = info
                    .location()
                    .map_or_else(String::new, |l| format!(" at {l}"));
                PANICKED_AT.with(|p| *p.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
    let was_quiet = QUIET.with(|quiet| quiet.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|quiet| quiet.set(was_quiet));
    result.map_err(|panic| {
        let at = PANICKED_AT.with(|p| std::mem::take(&mut *p.borrow_mut()));
        format!("{}{at}", panic_text(&*panic))
    })
}

/// What went wrong with one input.
fn check(input: &[u8]) -> Result<Outcome, String> {
    let result =
        quietly(|| from_bytes(input)).map_err(|panic| format!("the loader panicked: {panic}"))?;
    match result {
        Ok(journal) => {
            let text = to_text(&journal).map_err(|e| format!("read, but cannot be saved: {e}"))?;
            let again = from_bytes(text.as_bytes())
                .map_err(|e| format!("read, saved, and the saved text cannot be read: {e:?}"))?;
            if again != journal {
                return Err(format!(
                    "read, saved and read again, it is not the same journal: {}",
                    first_difference(&journal, &again)
                ));
            }
            let full = quietly(|| from_bytes_by_full_parse(input))
                .map_err(|panic| format!("the full parse panicked: {panic}"))?;
            if full.as_ref() != Ok(&journal) {
                return Err(format!(
                    "the fast path read a journal, the full parse read {full:?}"
                ));
            }
            Ok(Outcome::Read)
        }
        Err(FormatError::TooNew { found }) if found > painlog::store::CURRENT_VERSION => {
            Ok(Outcome::Refused("too new".into()))
        }
        Err(FormatError::TooNew { found }) => Err(format!("\"too new\" for version {found}")),
        Err(FormatError::At {
            line,
            column,
            message,
        }) => {
            let text = String::from_utf8_lossy(input);
            let lines: Vec<&str> = text.split('\n').collect();
            if line == 0 || column == 0 || line > lines.len() {
                return Err(format!(
                    "position line {line}, column {column} is outside the file ({} lines): {message}",
                    lines.len()
                ));
            }
            let width = lines[line - 1].chars().count();
            if column > width + 2 {
                return Err(format!(
                    "column {column} is past the end of line {line} ({width} characters): {message}"
                ));
            }
            if message.trim().is_empty() {
                return Err(format!("no message at line {line}, column {column}"));
            }
            Ok(Outcome::Refused(kind_of(&message)))
        }
    }
}

/// The first record that differs between two journals, both versions.
fn first_difference(a: &painlog::model::Journal, b: &painlog::model::Journal) -> String {
    if let Some((x, y)) = a.days().zip(b.days()).find(|(x, y)| x != y) {
        return format!("day {x:?} became {y:?}");
    }
    if let Some((x, y)) = a.sessions().iter().zip(b.sessions()).find(|(x, y)| x != y) {
        return format!("session {x:?} became {y:?}");
    }
    format!(
        "{} days / {} sessions / next id {} became {} / {} / {}",
        a.day_count(),
        a.sessions().len(),
        a.next_session_id(),
        b.day_count(),
        b.sessions().len(),
        b.next_session_id()
    )
}

enum Outcome {
    Read,
    /// Refused, with the kind of message (digits and quoted parts dropped) to tell new kinds.
    Refused(String),
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

/// The kind of a message: its words, without what was found (quoted parts, numbers, names).
fn kind_of(message: &str) -> String {
    let mut kind = String::new();
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' | '"' | '\'' => quoted = !quoted,
            _ if quoted => {}
            _ if c.is_ascii_lowercase() || c == ' ' => kind.push(c),
            _ => {}
        }
    }
    kind.split(" found")
        .next()
        .unwrap_or_default()
        .chars()
        .take(60)
        .collect()
}

/// Pieces of RON and of painlog's format that mutations splice in.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "'",
    "//",
    "/*",
    "*/",
    "#![enable(implicit_some)]",
    "Some(",
    "None",
    "true",
    "false",
    "()",
    "version: 1",
    "version: 2",
    "version: 4294967296",
    "version: 0",
    "next_session_id: 18446744073709551615",
    "next_session_id: 0",
    "id: 1,",
    "id: 0,",
    "date: \"2026-02-30\"",
    "date: \"1899-12-31\"",
    "date: \"+262143-01-01\"",
    "date: \"2026-06-10\"",
    "start: \"2026-06-10 25:00\"",
    "start: \"2026-06-10 10:00\"",
    "pain: 11",
    "pain: -1",
    "pain: 4.5",
    "pain: 1e309",
    "minutes: 0",
    "minutes: 481",
    "minutes: 4294967296",
    "kind: Other(\"\")",
    "kind: Swedish",
    "kind: Nope",
    "pressure: Firm",
    "regions: [Neck, Neck]",
    "focus: [LowerBack]",
    "cost: (amount: \"59.50\", currency: \"USD\")",
    "amount: \"-1\"",
    "currency: \"usd\"",
    "currency: \"\"",
    "note: \"\\u{0}\"",
    "note: \"\\u{D800}\"",
    "note: r#\"x\"#",
    "\u{feff}",
    "é",
    "😀",
    "\u{0}",
    "\r\n",
    "\r",
    "\t",
    "0x10",
    "0b1",
    "1_000",
    "-0",
    "NaN",
    "inf",
    "b\"x\"",
    "days: [",
    "sessions: [",
    "days: [],",
    "sessions: [],",
    "        ",
    "\n",
    "(date: \"2026-06-11\", pain: 3),",
];

fn mutate(random: &mut Random, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + random.below(4);
    for _ in 0..rounds {
        let len = out.len();
        let at = random.below(len + 1);
        match random.below(11) {
            0 if len > 0 => {
                let i = random.below(len);
                out[i] ^= 1 << random.below(8);
            }
            1 if len > 0 => {
                let i = random.below(len);
                out[i] = random.next() as u8;
            }
            2 => out.insert(at, random.next() as u8),
            3 if len > 0 => {
                let end = (at + 1 + random.below(32)).min(len);
                out.drain(at.min(len - 1)..end);
            }
            4 => {
                let token = TOKENS[random.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            5 if len > 0 => {
                // Replace a run with a token.
                let end = (at + 1 + random.below(12)).min(len);
                let token = TOKENS[random.below(TOKENS.len())].as_bytes();
                out.splice(at.min(len - 1)..end, token.iter().copied());
            }
            6 if len > 1 => {
                // Duplicate a piece somewhere else.
                let start = random.below(len);
                let end = (start + 1 + random.below(200)).min(len);
                let piece = out[start..end].to_vec();
                let to = random.below(out.len() + 1);
                out.splice(to..to, piece);
            }
            7 => out.truncate(at),
            8 if !corpus.is_empty() => {
                // Splice: the start of this input and the end of another.
                let other = &corpus[random.below(corpus.len())];
                let from = random.below(other.len() + 1);
                out.truncate(at);
                out.extend_from_slice(&other[from..]);
            }
            9 => {
                // Deep nesting.
                let depth = 1 + random.below(400);
                let open = ["(", "[", "Some("][random.below(3)];
                out.splice(at..at, open.repeat(depth).bytes());
            }
            _ => {
                // Change a number in place.
                if let Some(start) = (at..len).find(|&i| out[i].is_ascii_digit()) {
                    let end = (start..len)
                        .find(|&i| !out[i].is_ascii_digit())
                        .unwrap_or(len);
                    let numbers = [
                        "0",
                        "1",
                        "10",
                        "11",
                        "255",
                        "256",
                        "65536",
                        "4294967295",
                        "4294967296",
                        "9007199254740991",
                        "9007199254740992",
                        "18446744073709551616",
                        "99999999999999999999999",
                    ];
                    let number = numbers[random.below(numbers.len())];
                    out.splice(start..end, number.bytes());
                }
            }
        }
    }
    out
}

fn seeds() -> Vec<Vec<u8>> {
    let mut seeds = vec![
        std::fs::read("assets/example-journal.ron").unwrap(),
        std::fs::read("tests/fixtures/journal-v1-handwritten.ron").unwrap(),
        std::fs::read("tests/fixtures/journal-v1-painlog.ron").unwrap(),
        b"(version: 1)".to_vec(),
        b"(version: 2, measures: [], medications: [], exercises: [], care: [])".to_vec(),
        b"(version: 1, days: [], sessions: [])".to_vec(),
        Vec::new(),
    ];
    for (years, sessions, seed) in [(0, 3, 1), (1, 20, 2)] {
        let journal = generate(DemoSpec {
            years,
            sessions,
            seed,
            end: chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        });
        seeds.push(to_text(&journal).unwrap().into_bytes());
    }
    // A small journal with every field, in the layout painlog writes.
    let mut small = generate(DemoSpec {
        years: 0,
        sessions: 6,
        seed: 9,
        end: chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
    });
    let mut day = painlog::model::Day::empty(chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
    day.note = "Nacken — «stiff» 😀 \"quoted\" \\ back".into();
    small.set_day(day);
    seeds.push(to_text(&small).unwrap().into_bytes());
    seeds
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/fuzz")
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn keep_failure(input: &[u8]) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../fuzz-failures");
    std::fs::create_dir_all(&folder).unwrap();
    let hash = painlog::store::content_hash(input);
    let path = folder.join(format!("failure-{hash:016x}.ron"));
    std::fs::write(&path, input).unwrap();
    path
}

#[test]
fn every_input_that_once_failed_is_read_or_refused_with_a_position() {
    let files = fixtures();
    assert!(
        !files.is_empty(),
        "tests/fixtures/fuzz holds the regression inputs"
    );
    for file in files {
        let input = std::fs::read(&file).unwrap();
        if let Err(problem) = check(&input) {
            panic!("{}: {problem}", file.display());
        }
    }
}

#[test]
fn the_loader_never_panics_and_always_says_where() {
    let seconds: f64 = std::env::var("PAINLOG_FUZZ_SECONDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(8.0);
    let seed = Random::seed_from("PAINLOG_FUZZ_SEED");
    let mut random = Random(seed);
    let mut corpus = seeds();
    corpus.extend(fixtures().iter().map(|file| std::fs::read(file).unwrap()));
    let mut kinds: BTreeSet<String> = BTreeSet::new();
    let (mut tried, mut read, mut random_inputs) = (0_u64, 0_u64, 0_u64);
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let mut failures = Vec::new();
    while Instant::now() < deadline {
        for _ in 0..64 {
            let input = if random.below(10) == 0 {
                // Arbitrary bytes, sometimes text-like.
                random_inputs += 1;
                let len = random.below(300);
                let ascii = random.below(2) == 0;
                (0..len)
                    .map(|_| {
                        let byte = random.next() as u8;
                        if ascii { 32 + byte % 95 } else { byte }
                    })
                    .collect()
            } else {
                let parent = &corpus[random.below(corpus.len())];
                mutate(&mut random, parent, &corpus)
            };
            tried += 1;
            match check(&input) {
                Ok(Outcome::Read) => {
                    read += 1;
                    // Valid journals are good parents: mutations of them reach deeper.
                    if corpus.len() < 2000 && random.below(8) == 0 {
                        corpus.push(input);
                    }
                }
                Ok(Outcome::Refused(kind)) => {
                    if kinds.insert(kind) && corpus.len() < 2000 {
                        corpus.push(input);
                    }
                }
                Err(problem) => {
                    let kept = keep_failure(&input);
                    failures.push(format!("{problem}\n    input kept as {}", kept.display()));
                }
            }
        }
        if failures.len() >= 20 {
            break;
        }
    }
    eprintln!(
        "fuzz: {tried} inputs in {seconds} s (PAINLOG_FUZZ_SEED={seed}): {read} read as journals, \
         {random_inputs} arbitrary byte strings, {} kinds of error message, corpus {} inputs",
        kinds.len(),
        corpus.len()
    );
    assert!(
        failures.is_empty(),
        "{} failing inputs:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
