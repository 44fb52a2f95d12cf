//! What the sessions cost: a statement of every session in a period with its date, kind,
//! therapist, minutes and amount, and totals per currency, per therapist and per kind, for an
//! insurer, a health-savings account or one's own budget. Amounts in different currencies are
//! never added together. Rendered as PDF (`pdf::costs`), CSV (one row per session) and JSON.

use std::collections::BTreeMap;

use chrono::{Datelike as _, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::csv_io::cell_for_csv;
use crate::analysis::DayRange;
use crate::model::{Amount, Cost, Currency, Journal, START_FORMAT, Therapist};

/// The statement's title, on the page and in the PDF's metadata.
pub const COSTS_TITLE: &str = "Massage sessions and what they cost";
/// What a session without a cost shows where its amount would be.
pub const NO_COST: &str = "no cost recorded";
/// The name a session without a therapist is listed under.
pub const NO_THERAPIST: &str = "no therapist recorded";
/// The columns of the statement's CSV.
pub const COST_COLUMNS: [&str; 7] = [
    "date",
    "start",
    "kind",
    "therapist",
    "minutes",
    "amount",
    "currency",
];

/// One session on the statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostLine {
    /// Its day.
    pub date: NaiveDate,
    /// When it started, local time (`YYYY-MM-DDTHH:MM` in JSON).
    #[serde(serialize_with = "start_text")]
    pub start: NaiveDateTime,
    /// Its kind, as the window names it ("Deep tissue", "Hot stone").
    pub kind: String,
    /// The therapist, when one was written down.
    pub therapist: Option<String>,
    /// How long it lasted.
    pub minutes: u32,
    /// What it cost, when that was written down.
    pub cost: Option<Cost>,
}

/// What sessions cost in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurrencyTotal {
    /// The currency.
    pub currency: Currency,
    /// The sum of the amounts in it.
    pub amount: Amount,
    /// How many sessions it sums.
    pub sessions: usize,
}

impl CurrencyTotal {
    /// The total as money.rs writes a cost: "1234.00 USD".
    pub fn money(&self) -> String {
        Cost {
            amount: self.amount,
            currency: self.currency,
        }
        .to_string()
    }
}

/// The sessions of one therapist or one kind, and what they cost in each currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupTotal {
    /// The therapist's name or the kind.
    pub name: String,
    /// How many sessions.
    pub sessions: usize,
    /// Their minutes together.
    pub minutes: u32,
    /// What those with a cost cost, per currency (by code).
    pub costs: Vec<CurrencyTotal>,
    /// How many of them have no cost.
    pub without_cost: usize,
}

impl GroupTotal {
    /// The amounts per currency joined: "170.00 USD + 60.00 EUR", or [`NO_COST`].
    pub fn money(&self) -> String {
        if self.costs.is_empty() {
            NO_COST.to_owned()
        } else {
            self.costs
                .iter()
                .map(CurrencyTotal::money)
                .collect::<Vec<_>>()
                .join(" + ")
        }
    }
}

/// The whole statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostStatement {
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered.
    pub to: NaiveDate,
    /// The patient's name, when given (else the page has a line to write it on).
    pub patient: Option<String>,
    /// When it was made.
    #[serde(skip)]
    pub made: NaiveDateTime,
    /// Every session of the period, by start.
    pub sessions: Vec<CostLine>,
    /// The details entered for the therapists of these sessions, by name.
    pub therapists: Vec<Therapist>,
    /// Totals per currency, by code.
    pub totals_by_currency: Vec<CurrencyTotal>,
    /// Totals per therapist, by name; sessions without one last.
    pub totals_by_therapist: Vec<GroupTotal>,
    /// Totals per kind, by name.
    pub totals_by_kind: Vec<GroupTotal>,
    /// How many sessions have no cost recorded.
    pub without_cost: usize,
}

fn start_text<S: serde::Serializer>(start: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&start.format(START_FORMAT).to_string())
}

/// Add `cost` to the totals per currency in `totals`.
fn add_cost(totals: &mut BTreeMap<Currency, (u64, usize)>, cost: Cost) {
    let total = totals.entry(cost.currency).or_default();
    total.0 = total.0.saturating_add(cost.amount.cents());
    total.1 += 1;
}

fn currency_totals(totals: BTreeMap<Currency, (u64, usize)>) -> Vec<CurrencyTotal> {
    totals
        .into_iter()
        .map(|(currency, (cents, sessions))| CurrencyTotal {
            currency,
            amount: Amount::from_cents(cents),
            sessions,
        })
        .collect()
}

/// The lines grouped by `key` (a name, matched in any case; the first spelling names the
/// group), by name, with `last` (when a group has that name) at the end.
fn group_totals(
    lines: &[CostLine],
    key: &dyn Fn(&CostLine) -> String,
    last: &str,
) -> Vec<GroupTotal> {
    type Sums = (String, usize, u32, BTreeMap<Currency, (u64, usize)>, usize);
    let mut groups: BTreeMap<(bool, String), Sums> = BTreeMap::new();
    for line in lines {
        let name = key(line);
        let sort = (name == last, name.to_lowercase());
        let group = groups
            .entry(sort)
            .or_insert_with(|| (name, 0, 0, BTreeMap::new(), 0));
        group.1 += 1;
        group.2 = group.2.saturating_add(line.minutes);
        match line.cost {
            Some(cost) => add_cost(&mut group.3, cost),
            None => group.4 += 1,
        }
    }
    groups
        .into_values()
        .map(
            |(name, sessions, minutes, costs, without_cost)| GroupTotal {
                name,
                sessions,
                minutes,
                costs: currency_totals(costs),
                without_cost,
            },
        )
        .collect()
}

impl CostStatement {
    /// The statement of the sessions of `range` in `journal`, for `patient` when named.
    pub fn new(
        journal: &Journal,
        range: DayRange,
        patient: Option<String>,
        made: NaiveDateTime,
    ) -> Self {
        let sessions: Vec<CostLine> = journal
            .sessions()
            .iter()
            .filter(|session| range.contains(session.date()))
            .map(|session| CostLine {
                date: session.date(),
                start: session.start,
                kind: session.kind.label().to_owned(),
                therapist: session.therapist.clone(),
                minutes: u32::from(session.minutes),
                cost: session.cost,
            })
            .collect();
        let mut totals = BTreeMap::new();
        for cost in sessions.iter().filter_map(|line| line.cost) {
            add_cost(&mut totals, cost);
        }
        let therapist_of = |line: &CostLine| {
            line.therapist
                .as_deref()
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map_or_else(|| NO_THERAPIST.to_owned(), str::to_owned)
        };
        let totals_by_therapist = group_totals(&sessions, &therapist_of, NO_THERAPIST);
        let totals_by_kind = group_totals(&sessions, &|line| line.kind.clone(), "");
        let therapists = journal
            .therapist_details()
            .iter()
            .filter(|details| {
                totals_by_therapist
                    .iter()
                    .any(|group| details.is_called(&group.name))
            })
            .cloned()
            .collect();
        Self {
            from: range.from,
            to: range.to,
            patient: patient.filter(|name| !name.trim().is_empty()),
            made,
            without_cost: sessions.iter().filter(|line| line.cost.is_none()).count(),
            sessions,
            therapists,
            totals_by_currency: currency_totals(totals),
            totals_by_therapist,
            totals_by_kind,
        }
    }

    /// "in the year 2026" for a whole calendar year, else "from 2026-03-01 to 2026-09-30".
    pub fn period(&self) -> String {
        let whole_year = self.from.year() == self.to.year()
            && (self.from.month(), self.from.day()) == (1, 1)
            && (self.to.month(), self.to.day()) == (12, 31);
        if whole_year {
            format!("in the year {}", self.from.year())
        } else {
            format!("from {} to {}", self.from, self.to)
        }
    }

    /// "Paid for 17 sessions: 20.00 EUR + 1253.00 USD.", or that none has a cost.
    pub fn total_line(&self) -> String {
        let with_cost: usize = self.totals_by_currency.iter().map(|t| t.sessions).sum();
        if with_cost == 0 {
            return format!("No session {} has a cost recorded.", self.period());
        }
        let sessions = if with_cost == 1 {
            "session"
        } else {
            "sessions"
        };
        let money: Vec<String> = self
            .totals_by_currency
            .iter()
            .map(CurrencyTotal::money)
            .collect();
        format!("Paid for {with_cost} {sessions}: {}.", money.join(" + "))
    }

    /// A file name for the statement, e.g. `painlog-costs-2026-01-01-to-2026-12-31.pdf`.
    pub fn file_name(&self, extension: &str) -> String {
        format!("painlog-costs-{}-to-{}.{extension}", self.from, self.to)
    }

    /// The statement as CSV: one row per session ([`COST_COLUMNS`]), the amount and currency
    /// empty where no cost was recorded; totals are for the PDF and the JSON. Cells a
    /// spreadsheet would run as formulas are made inert as the journal's CSV does.
    pub fn to_csv(&self) -> String {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Ignored because it cannot fail: the writer writes into memory, every row the same
        // number of columns.
        let _ = out.write_record(COST_COLUMNS);
        for line in &self.sessions {
            let row = [
                line.date.to_string(),
                line.start.format("%H:%M").to_string(),
                line.kind.clone(),
                line.therapist.clone().unwrap_or_default(),
                line.minutes.to_string(),
                line.cost.map(|c| c.amount.to_string()).unwrap_or_default(),
                line.cost
                    .map(|c| c.currency.to_string())
                    .unwrap_or_default(),
            ];
            let _ = out.write_record(row.iter().map(|cell| cell_for_csv(cell).into_owned()));
        }
        String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The statement as JSON: the period, the patient, the sessions, the therapists' details,
    /// the totals per currency, therapist and kind, and how many sessions have no cost.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
