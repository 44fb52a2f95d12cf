//! Load, save, analysis, PDF and CSV on a one-year and a twenty-year journal.
//!
//! Run: `cargo bench --bench journal` (add `-- load` etc. to pick some).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use painlog::analysis::patterns::patterns;
use painlog::analysis::{DayRange, EffectSettings, JournalIndex, effects, rolling_mean_runs};
use painlog::model::{Journal, Metric};
use painlog::report::{self, ReportRequest, Sections, csv_io, pdf::Paper};
use painlog::store;

fn journals() -> [(&'static str, Journal); 2] {
    [
        ("1 year", common::one_year()),
        ("20 years", common::twenty_years()),
    ]
}

fn load_and_save(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    for (name, journal) in journals() {
        let path = folder
            .path()
            .join(format!("{}.ron", name.replace(' ', "-")));
        store::save(
            &path,
            &journal,
            common::end().and_hms_opt(12, 0, 0).unwrap(),
        )
        .unwrap();
        c.bench_function(&format!("load (read, parse, validate) {name}"), |b| {
            b.iter(|| black_box(store::load(&path).unwrap()));
        });
        let mut second = 0;
        c.bench_function(
            &format!("save (backup, write, fsync, rename) {name}"),
            |b| {
                b.iter(|| {
                    second += 1;
                    let now = common::end().and_hms_opt(12, 0, 0).unwrap()
                        + chrono::Duration::seconds(second);
                    store::save(&path, &journal, now).unwrap();
                });
            },
        );
    }
}

fn analysis(c: &mut Criterion) {
    for (name, journal) in journals() {
        c.bench_function(&format!("index (day arrays, prefix sums) {name}"), |b| {
            b.iter(|| black_box(JournalIndex::new(&journal)));
        });
        let index = JournalIndex::new(&journal);
        c.bench_function(
            &format!("effects of all sessions with baseline {name}"),
            |b| {
                b.iter(|| black_box(effects(&journal, &index, EffectSettings::default())));
            },
        );
        let span = index.daily.span().unwrap();
        c.bench_function(&format!("7-day means of all metrics {name}"), |b| {
            b.iter(|| {
                for metric in Metric::ALL {
                    black_box(rolling_mean_runs(&index.daily, metric, span));
                }
            });
        });
        // Issue 16: every measure and every factor against pain, both lags, over the whole
        // journal, in under 50 ms on twenty years.
        c.bench_function(
            &format!("patterns of all measures and factors {name}"),
            |b| {
                b.iter(|| black_box(patterns(&journal, &index, Metric::Pain, span)));
            },
        );
    }
}

fn summary_of(journal: &Journal) -> report::Summary {
    let index = JournalIndex::new(journal);
    let effects = effects(journal, &index, EffectSettings::default());
    let (first, last) = journal.date_span().unwrap();
    let request = ReportRequest {
        period: DayRange::new(first, last),
        sections: Sections::default(),
        message: "Benchmark".into(),
        name: Some("Jane Doe".into()),
        made: common::end().and_hms_opt(12, 0, 0).unwrap(),
    };
    report::summarize_period(journal, &index, &effects, &request)
}

fn exports(c: &mut Criterion) {
    let mut group = c.benchmark_group("exports");
    group.sample_size(20);
    for (name, journal) in journals() {
        group.bench_function(format!("PDF of all of {name} (summary and render)"), |b| {
            b.iter(|| black_box(report::pdf::to_pdf(&summary_of(&journal), Paper::A4).unwrap()));
        });
        group.bench_function(format!("CSV of all of {name}"), |b| {
            b.iter(|| {
                black_box((
                    csv_io::days_csv(&journal, None),
                    csv_io::sessions_csv(&journal, None),
                ))
            });
        });
    }
    group.finish();
}

/// `sessions.csv` with `rows` sessions, five hours apart from 1950 on.
fn sessions_csv_rows(rows: u64) -> String {
    let mut csv = csv_io::SESSION_COLUMNS.join(",");
    csv.push_str("\r\n");
    let first = chrono::NaiveDate::from_ymd_opt(1950, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    for index in 0..rows {
        let start = first + chrono::Duration::hours(i64::try_from(index).unwrap() * 5);
        csv.push_str(&format!(
            ",{},deep-tissue,,60,Therapist {},firm,lower-back;neck,60,USD,7,4,3,note {index}\r\n",
            start.format("%Y-%m-%dT%H:%M"),
            index % 13
        ));
    }
    csv
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    let csv = sessions_csv_rows(100_000);
    let now = common::end().and_hms_opt(12, 0, 0).unwrap();
    group.bench_function("100,000 sessions.csv rows: read and check", |b| {
        b.iter(|| black_box(csv_io::parse_sessions(&csv, "sessions.csv", now).unwrap()));
    });
    let sessions = csv_io::parse_sessions(&csv, "sessions.csv", now).unwrap();
    group.bench_function("100,000 sessions into the 20-year journal", |b| {
        b.iter_batched(
            || (common::twenty_years(), sessions.clone()),
            |(mut journal, sessions)| {
                let read = csv_io::CsvImport {
                    sessions,
                    ..Default::default()
                };
                black_box(csv_io::import_csv(&mut journal, read))
            },
            criterion::BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, load_and_save, analysis, exports, import);
criterion_main!(benches);
