//! What a report says, built from the analysis for one period: the same numbers as the window.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::ser::SerializeStruct as _;
use serde::{Serialize, Serializer};

pub use super::comparison::GroupKey;
use super::comparison::PeriodComparison;
pub use super::period::{Period, PeriodError};
use crate::analysis::{
    AlignedFilter, AlignedPoint, Bucket, DayRange, Effects, JournalIndex, Resolution,
    SessionEffect, aligned, buckets, daily_runs, day_number, rolling_mean_runs, session_density,
    summarize,
};
use crate::model::{Journal, KindChoice, Metric, Region, START_FORMAT, SessionKind};

/// Which parts follow page one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Sections {
    /// The trend chart with sessions marked.
    pub trend: bool,
    /// The aligned view.
    pub aligned: bool,
    /// The table of sessions.
    pub sessions: bool,
    /// The summary by kind.
    pub by_kind: bool,
    /// The notes of the period.
    pub notes: bool,
    /// Every measure besides pain: its mean, and after sessions against ordinary weeks.
    pub measures: bool,
    /// The three strongest patterns: what went with worse or better days.
    pub patterns: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            trend: true,
            aligned: true,
            sessions: true,
            by_kind: true,
            notes: true,
            measures: true,
            patterns: true,
        }
    }
}

/// When a session started, to the minute. It reads as the text the journal and the JSON write
/// for it, `YYYY-MM-DDTHH:MM` (so `&start[..10]` is its day); [`SessionStart::at`] is the moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionStart {
    at: NaiveDateTime,
    text: String,
}

impl SessionStart {
    /// The start at `at`.
    pub fn new(at: NaiveDateTime) -> Self {
        Self {
            at,
            text: at.format(START_FORMAT).to_string(),
        }
    }

    /// The moment.
    pub fn at(&self) -> NaiveDateTime {
        self.at
    }
}

impl std::ops::Deref for SessionStart {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for SessionStart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for SessionStart {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// One session of the period, as the report shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionLine {
    /// Its id.
    pub id: u64,
    /// Its start.
    pub start: SessionStart,
    /// Its day.
    pub date: NaiveDate,
    /// Its kind. The JSON gives it twice: `kind` as the command line names it, `kind_label` as
    /// people read it.
    #[serde(flatten, serialize_with = "kind_names")]
    pub kind: SessionKind,
    /// Therapist.
    pub therapist: Option<String>,
    /// Minutes.
    pub minutes: u16,
    /// Mean pain in the days before (None when not enough data).
    pub pain_before: Option<f64>,
    /// Mean pain in the days after.
    pub pain_after: Option<f64>,
    /// After − before.
    pub pain_change: Option<f64>,
    /// Days behind the before and after means.
    pub before_days: usize,
    /// See `before_days`.
    pub after_days: usize,
    /// Pain right before − right after.
    pub immediate_relief: Option<i8>,
    /// Pain fell by at least 2 points or 30%.
    pub meaningful_pain_drop: bool,
    /// The session's note.
    pub note: String,
}

/// Changes in pain by kind, over the sessions of the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindLine {
    /// The kind.
    pub kind: String,
    /// Sessions of that kind in the period.
    pub sessions: usize,
    /// Those with enough data.
    pub n: usize,
    /// Mean change in pain.
    pub mean_change: Option<f64>,
    /// Median change.
    pub median_change: Option<f64>,
    /// 95% interval (n ≥ 3).
    pub ci95: Option<[f64; 2]>,
    /// Better, within half a point, worse.
    pub improved: usize,
    /// See `improved`.
    pub unchanged: usize,
    /// See `improved`.
    pub worse: usize,
}

/// The series behind the trend chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrendSeries {
    /// Daily pain in runs of logged days: `[day number, pain]`.
    pub daily: Vec<Vec<[f64; 2]>>,
    /// The 7-day mean, in runs.
    pub mean: Vec<Vec<[f64; 2]>>,
    /// Session days (day numbers) and their kinds, those of the sessions in the same order. The
    /// JSON names each kind as people read it.
    #[serde(serialize_with = "days_and_kind_labels")]
    pub sessions: Vec<(f64, SessionKind)>,
    /// Weekly means and sessions per week, for a chart too narrow for days (not in the JSON).
    #[serde(skip)]
    pub weekly: Summarised,
    /// Monthly means and sessions per month, for a chart too narrow for weeks (not in the JSON).
    #[serde(skip)]
    pub monthly: Summarised,
}

impl TrendSeries {
    /// The weekly or monthly series (`None` for daily: the runs above).
    pub fn summarised(&self, resolution: Resolution) -> Option<&Summarised> {
        match resolution {
            Resolution::Daily => None,
            Resolution::Weekly => Some(&self.weekly),
            Resolution::Monthly => Some(&self.monthly),
        }
    }
}

/// Pain over a long period in weeks or months: each one's mean with the middle half of its
/// days, and how many sessions fell in each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summarised {
    /// The weeks or months with enough logged days, in date order (a missing one is a gap).
    pub means: Vec<Bucket>,
    /// The first day of each week or month with a session, and how many session days it has.
    pub sessions: Vec<(NaiveDate, usize)>,
}

/// One month of the period's sessions.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthLine {
    /// Its first day.
    pub month: NaiveDate,
    /// Sessions in it.
    pub sessions: usize,
    /// Those with enough logged days on both sides.
    pub with_data: usize,
    /// Their mean change in pain (after − before).
    pub mean_change: Option<f64>,
}

/// What the period before the report's tells, against the journal's first day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EarlierData {
    /// The journal covers the whole previous period.
    Whole,
    /// The previous period begins before the journal's first day (given): the comparison uses
    /// the days the journal has, and says so.
    Partly(NaiveDate),
    /// The previous period lies wholly before the journal's first day (given, or none when the
    /// journal is empty): there is nothing to compare with.
    None(Option<NaiveDate>),
}

/// A session kind in the JSON: `kind` (its command-line name) and `kind_label` (as people read
/// it), beside the other fields of its session.
fn kind_names<S: Serializer>(kind: &SessionKind, serializer: S) -> Result<S::Ok, S::Error> {
    let mut fields = serializer.serialize_struct("SessionKind", 2)?;
    fields.serialize_field("kind", kind.cli_name())?;
    fields.serialize_field("kind_label", kind.label())?;
    fields.end()
}

/// The trend's sessions in the JSON: `[day number, kind as people read it]`.
fn days_and_kind_labels<S: Serializer>(
    sessions: &[(f64, SessionKind)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(sessions.iter().map(|(day, kind)| (day, kind.label())))
}

/// Everything a report says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Who it is about (optional).
    pub name: Option<String>,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Days in the period.
    pub days_in_period: usize,
    /// Days with anything logged.
    pub days_logged: usize,
    /// Mean of the daily pain.
    pub average_pain: Option<f64>,
    /// Days with pain logged.
    pub pain_days: usize,
    /// The worst pain logged (worst pain, or pain where worst pain was not logged).
    pub worst_pain: Option<u8>,
    /// The day of the worst pain.
    pub worst_pain_date: Option<NaiveDate>,
    /// The previous period of the same length.
    pub previous_from: NaiveDate,
    /// See `previous_from`.
    pub previous_to: NaiveDate,
    /// Mean pain in the previous period.
    pub previous_average_pain: Option<f64>,
    /// Average pain − previous average pain.
    pub change_from_previous: Option<f64>,
    /// Sessions in the period, by start.
    pub sessions: Vec<SessionLine>,
    /// Regions and on how many days of the period they hurt, most first.
    pub regions: Vec<(String, usize)>,
    /// The user's message to the therapist.
    pub message: String,
    /// k and m of the before/after method.
    pub window: u8,
    /// See `window`.
    pub min_days: u8,
    /// Pain by kind over the period's sessions.
    pub by_kind: Vec<KindLine>,
    /// Mean change around ordinary days (the baseline), over the whole journal.
    pub baseline_pain_change: Option<f64>,
    /// Days behind the baseline.
    pub baseline_n: usize,
    /// Pain around the period's sessions, aligned at day 0.
    pub aligned: Vec<AlignedPoint>,
    /// Pain over the period.
    pub trend: TrendSeries,
    /// Notes of the period: day notes and session notes, by date.
    pub notes: Vec<(NaiveDate, String)>,
    /// Pain over the period in a sentence, the trend chart's text alternative, as the window
    /// says its own ([`crate::report::wording::chart_summary`]).
    #[serde(skip)]
    pub pain_in_words: String,
    /// What follows page one.
    #[serde(skip)]
    pub sections: Sections,
    /// When the report was made.
    pub made: NaiveDateTime,
    /// Pain after the period's sessions against ordinary weeks: the answer to "did they help?".
    pub compared: PeriodComparison,
    /// Care besides massage in the period.
    pub care: super::care::CareLines,
    /// Every measure besides pain logged in the period or the one before.
    pub measures: Vec<super::measures::MeasureLine>,
    /// The three strongest patterns of pain over the period, in words.
    pub patterns: Vec<super::measures::PatternLine>,
    /// Where it hurt over the period, place by place.
    #[serde(skip)]
    pub body: crate::analysis::body_heat::BodyHeat,
    /// Pain day by day, for periods over 90 days.
    #[serde(skip)]
    pub calendar: Option<super::calendar::CalendarFigure>,
    /// The journal's first day (a day or a session), if any.
    #[serde(skip)]
    pub journal_from: Option<NaiveDate>,
    /// Days with pain logged in the previous period.
    #[serde(skip)]
    pub previous_pain_days: usize,
}

impl Summary {
    /// Whether the journal reaches back over the previous period.
    pub fn earlier_data(&self) -> EarlierData {
        match self.journal_from {
            Some(first) if first <= self.previous_from => EarlierData::Whole,
            Some(first) if first <= self.previous_to => EarlierData::Partly(first),
            first => EarlierData::None(first),
        }
    }

    /// The period's sessions month by month, in date order (months without one left out).
    pub fn sessions_by_month(&self) -> Vec<MonthLine> {
        let mut months: Vec<(MonthLine, f64)> = Vec::new();
        for session in &self.sessions {
            let month = Resolution::Monthly.bucket_start(session.date);
            if months.last().is_none_or(|(line, _)| line.month != month) {
                let line = MonthLine {
                    month,
                    sessions: 0,
                    with_data: 0,
                    mean_change: None,
                };
                months.push((line, 0.0));
            }
            if let Some((line, sum)) = months.last_mut() {
                line.sessions += 1;
                if let Some(change) = session.pain_change {
                    line.with_data += 1;
                    *sum += change;
                }
            }
        }
        months
            .into_iter()
            .map(|(mut line, sum)| {
                line.mean_change = (line.with_data > 0).then(|| sum / line.with_data as f64);
                line
            })
            .collect()
    }
}

/// What the user chose for a report.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportRequest {
    /// The days covered.
    pub period: DayRange,
    /// Parts after page one.
    pub sections: Sections,
    /// A short message to the therapist.
    pub message: String,
    /// The patient's name, if they want it printed.
    pub name: Option<String>,
    /// When it is made.
    pub made: NaiveDateTime,
}

/// Build the summary of `request.period` from the journal and its analysis.
pub fn summarize_period(
    journal: &Journal,
    index: &JournalIndex,
    effects: &Effects,
    request: &ReportRequest,
) -> Summary {
    let period = request.period;
    let days: Vec<_> = journal.days_between(period.from, period.to).collect();
    let (average_pain, pain_days) = index.daily.mean(Metric::Pain, period);
    let length = Days::new(period.len() as u64);
    let previous_to = period.from.pred_opt().unwrap_or(period.from);
    let previous_from = period.from.checked_sub_days(length).unwrap_or(period.from);
    let (previous_average_pain, previous_pain_days) = index
        .daily
        .mean(Metric::Pain, DayRange::new(previous_from, previous_to));
    let worst = days
        .iter()
        .filter_map(|d| d.worst_pain.or(d.pain).map(|s| (s.get(), d.date)))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let in_period: Vec<&SessionEffect> = effects
        .sessions
        .iter()
        .filter(|e| period.contains(e.date()))
        .collect();
    let sessions = in_period.iter().map(|e| session_line(journal, e)).collect();
    let mut region_days: BTreeMap<Region, usize> = BTreeMap::new();
    for day in &days {
        for region in day.areas() {
            *region_days.entry(region).or_default() += 1;
        }
    }
    let mut regions: Vec<(String, usize)> = region_days
        .into_iter()
        .map(|(r, n)| (r.label().to_owned(), n))
        .collect();
    regions.sort_by_key(|(_, days)| std::cmp::Reverse(*days));
    Summary {
        name: request.name.clone().filter(|n| !n.trim().is_empty()),
        from: period.from,
        to: period.to,
        days_in_period: period.len(),
        days_logged: days.len(),
        average_pain,
        pain_days,
        worst_pain: worst.map(|(score, _)| score),
        worst_pain_date: worst.map(|(_, date)| date),
        previous_from,
        previous_to,
        previous_average_pain,
        change_from_previous: average_pain
            .zip(previous_average_pain)
            .map(|(now, before)| now - before),
        sessions,
        regions,
        message: request.message.trim().to_owned(),
        window: effects.settings.window(),
        min_days: effects.settings.min_days(),
        by_kind: by_kind(&in_period),
        baseline_pain_change: effects.baseline[Metric::Pain].mean_change,
        baseline_n: effects.baseline[Metric::Pain].n,
        aligned: aligned_for(effects, index, period),
        trend: TrendSeries {
            daily: daily_runs(&index.daily, Metric::Pain, period),
            mean: rolling_mean_runs(&index.daily, Metric::Pain, period),
            sessions: in_period
                .iter()
                .map(|e| (day_number(e.date()), e.kind.clone()))
                .collect(),
            weekly: summarised(index, period, Resolution::Weekly),
            monthly: summarised(index, period, Resolution::Monthly),
        },
        notes: notes(journal, period),
        pain_in_words: crate::report::wording::chart_summary(&index.daily, Metric::Pain, period),
        sections: request.sections,
        made: request.made,
        compared: PeriodComparison::new(&in_period, effects),
        journal_from: journal.date_span().map(|(first, _)| first),
        previous_pain_days,
        care: super::care::care_lines(journal, period),
        patterns: super::measures::strongest_patterns(journal, index, period),
        measures: super::measures::measure_lines(
            index,
            effects,
            &in_period,
            (period, DayRange::new(previous_from, previous_to)),
        ),
        body: crate::analysis::body_heat::body_heat(journal, period),
        calendar: super::calendar::figure(journal, index, period),
    }
}

/// Pain and sessions over `period` in weeks or months.
fn summarised(index: &JournalIndex, period: DayRange, resolution: Resolution) -> Summarised {
    Summarised {
        means: buckets(&index.daily, Metric::Pain, period, resolution),
        sessions: session_density(&index.session_days, period, resolution),
    }
}

fn session_line(journal: &Journal, effect: &SessionEffect) -> SessionLine {
    let pain = &effect.metrics[Metric::Pain];
    let session = journal.session(effect.session_id);
    SessionLine {
        id: effect.session_id.0,
        start: SessionStart::new(effect.start),
        date: effect.date(),
        kind: effect.kind.clone(),
        therapist: effect.therapist.clone(),
        minutes: session.map_or(0, |s| s.minutes.get()),
        pain_before: pain.before.mean,
        pain_after: pain.after.mean,
        pain_change: pain.change(),
        before_days: pain.before.days,
        after_days: pain.after.days,
        immediate_relief: effect.immediate_relief,
        meaningful_pain_drop: effect.meaningful_pain_drop(),
        note: session.map(|s| s.note.clone()).unwrap_or_default(),
    }
}

fn by_kind(in_period: &[&SessionEffect]) -> Vec<KindLine> {
    KindChoice::ALL
        .into_iter()
        .filter_map(|kind| {
            let group: Vec<&SessionEffect> = in_period
                .iter()
                .copied()
                .filter(|e| e.counted && e.kind.choice() == kind)
                .collect();
            if group.is_empty() {
                return None;
            }
            let summary = summarize(&Metric::ALL, &group);
            let pain = &summary.metrics[Metric::Pain];
            Some(KindLine {
                kind: kind.label().to_owned(),
                sessions: summary.sessions,
                n: pain.n,
                mean_change: pain.mean_change,
                median_change: pain.median_change,
                ci95: pain.ci95.map(|(low, high)| [low, high]),
                improved: pain.improved,
                unchanged: pain.unchanged,
                worse: pain.worse,
            })
        })
        .collect()
}

/// Pain around the sessions of the period.
fn aligned_for(effects: &Effects, index: &JournalIndex, period: DayRange) -> Vec<AlignedPoint> {
    let filter = AlignedFilter {
        within: Some(period),
        ..AlignedFilter::default()
    };
    aligned(effects, &index.daily, Metric::Pain, &filter)
}

fn notes(journal: &Journal, period: DayRange) -> Vec<(NaiveDate, String)> {
    let mut notes: Vec<(NaiveDate, String)> = journal
        .days_between(period.from, period.to)
        .filter(|d| !d.note.trim().is_empty())
        .map(|d| (d.date, d.note.trim().to_owned()))
        .collect();
    for session in journal
        .sessions()
        .iter()
        .filter(|s| period.contains(s.date()) && !s.note.trim().is_empty())
    {
        notes.push((
            session.date(),
            format!("Session ({}): {}", session.kind, session.note.trim()),
        ));
    }
    notes.sort_by_key(|(date, _)| *date);
    notes
}
