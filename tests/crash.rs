//! Saves survive being killed: a child process saves a large journal over and over and is killed
//! with SIGKILL at random moments, 200 times. After every kill the journal reads back as exactly
//! the version before the save in flight or the version after it, every backup reads, and the
//! lock the dead child held does not block.
//!
//! The child is this same test binary, started again with `PAINLOG_CRASH_CHILD` set and running
//! only `crash_child`. `PAINLOG_CRASH_KILLS` sets the number of kills (default 200) and
//! `PAINLOG_CRASH_SEED` the random seed (printed, to repeat a run).
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use common::Random;
use painlog::demo::{DemoSpec, generate};
use painlog::model::{Day, Journal};

const CHILD_ENV: &str = "PAINLOG_CRASH_CHILD";
const MARK: &str = "painlog-crash";

/// The day whose note tells which save wrote the file.
fn marker_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
}

/// Three years of days and 60 sessions (about 0.2 MB on disk).
fn base() -> Journal {
    generate(DemoSpec {
        years: 3,
        sessions: 60,
        seed: 7,
        end: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
    })
}

/// The journal as save number `generation` writes it: the base, plus a marker day whose note
/// (and so the file's length) changes with every save.
fn journal_at(base: &Journal, generation: u64) -> Journal {
    let mut journal = base.clone();
    let mut day = Day::empty(marker_date());
    day.note = format!(
        "generation {generation} {}",
        "x".repeat((generation % 211) as usize)
    );
    journal.set_day(day);
    journal
}

fn generation_of(journal: &Journal) -> u64 {
    let note = &journal.day(marker_date()).expect("the marker day").note;
    note.split(' ').nth(1).unwrap().parse().unwrap()
}

/// The child: hold the lock, read the journal, and save the next generations until killed,
/// saying after each save that it is done.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = Path::new(&path);
    let _lock = painlog::store::lock(path).expect("the lock is free after a kill");
    let base = base();
    let mut generation = generation_of(&painlog::store::load(path).unwrap().journal);
    println!("{MARK} ready {generation}");
    let mut moment = chrono::NaiveDateTime::new(
        NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        chrono::NaiveTime::MIN,
    );
    loop {
        generation += 1;
        // A minute later each time, so that backups pile up and are pruned as in real use.
        moment += chrono::Duration::seconds(61);
        painlog::store::save(path, &journal_at(&base, generation), moment).unwrap();
        println!("{MARK} saved {generation}");
    }
}

/// Everything that must hold after a kill; `true` when the save in flight had already landed.
fn check_after_kill(path: &Path, base: &Journal, last_done: u64, context: &str) -> bool {
    // The journal reads, and is the last save the child finished or the one it was in.
    let loaded = painlog::store::load(path).unwrap_or_else(|error| panic!("{context}: {error}"));
    let generation = generation_of(&loaded.journal);
    assert!(
        generation == last_done || generation == last_done + 1,
        "{context}: the file holds save {generation}, but the last finished save was {last_done}"
    );
    assert!(
        loaded.journal == journal_at(base, generation),
        "{context}: save {generation} is not what was written"
    );

    // Every backup reads, and is a version the child wrote.
    for backup in painlog::store::backup::list(path).unwrap() {
        let journal = painlog::store::load(&backup.path)
            .unwrap_or_else(|error| panic!("{context}: backup: {error}"))
            .journal;
        assert!(
            journal == journal_at(base, generation_of(&journal)),
            "{context}"
        );
    }

    // The dead child's lock is gone.
    drop(
        painlog::store::lock(path).unwrap_or_else(|error| {
            panic!("{context}: the lock of a killed process blocks: {error}")
        }),
    );
    generation == last_done + 1
}

enum Line {
    Ready(u64),
    Saved(u64),
}

#[test]
fn saves_survive_being_killed_at_random_moments() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let kills: usize = std::env::var("PAINLOG_CRASH_KILLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let seed = Random::seed_from("PAINLOG_CRASH_SEED");
    eprintln!("crash test: {kills} kills, PAINLOG_CRASH_SEED={seed}");
    let mut random = Random(seed);

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("journal.ron");
    let base = base();
    painlog::store::save(
        &path,
        &journal_at(&base, 0),
        chrono::NaiveDateTime::default(),
    )
    .unwrap();

    let started = Instant::now();
    let mut saves = 0_u64;
    let mut found_after = 0;
    let mut temporaries = std::collections::BTreeSet::new();
    // How long a save takes here (the kill moment is drawn from about two of them).
    let mut save_time = Duration::from_millis(40);
    for kill in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (send, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // libtest may have printed "test crash_child ... " before it on the line.
                let Some(start) = line.find(MARK) else {
                    continue;
                };
                let mut words = line[start..].split(' ');
                let parsed = match (words.next(), words.next(), words.next()) {
                    (Some(MARK), Some("ready"), Some(n)) => Line::Ready(n.parse().unwrap()),
                    (Some(MARK), Some("saved"), Some(n)) => Line::Saved(n.parse().unwrap()),
                    _ => continue,
                };
                if send.send((parsed, Instant::now())).is_err() {
                    break;
                }
            }
        });

        let Ok((Line::Ready(first), ready_at)) = lines.recv_timeout(Duration::from_secs(60)) else {
            panic!("kill {kill}: the child did not start (could it not read the journal?)");
        };
        let window = save_time.mul_f64(2.5);
        let delay = window.mul_f64((random.next() % 10_000) as f64 / 10_000.0);
        std::thread::sleep(delay.saturating_sub(ready_at.elapsed()));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();

        let mut last_done = first;
        let mut done_here = 0;
        let mut previous = ready_at;
        for (line, at) in lines.try_iter() {
            if let Line::Saved(n) = line {
                last_done = n;
                done_here += 1;
                // A running average of the time between saves.
                save_time = (save_time * 7 + (at - previous)) / 8;
                previous = at;
            }
        }
        saves += done_here;

        let context = format!("kill {kill} (PAINLOG_CRASH_SEED={seed})");
        if check_after_kill(&path, &base, last_done, &context) {
            found_after += 1;
        }
        // A half-written temporary file is the mark of a kill in the middle of writing.
        temporaries.extend(
            std::fs::read_dir(folder.path())
                .unwrap()
                .flatten()
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.contains(".tmp-")),
        );
    }
    eprintln!(
        "crash test: {kills} kills survived in {:.1} s; {saves} saves finished between them \
         (a save took about {} ms); {found_after} kills landed after a save was in place but \
         before it was reported; {} kills left a half-written temporary file beside the journal \
         (the journal itself whole)",
        started.elapsed().as_secs_f64(),
        save_time.as_millis(),
        temporaries.len()
    );
    assert!(
        !temporaries.is_empty() || kills < 50,
        "with this many kills some must land in the middle of writing"
    );
}
