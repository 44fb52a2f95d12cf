//! `painlog patterns`: what goes with worse or better days, in words or as JSON.

use std::path::Path;

use serde_json::{Value, json};

use super::PatternsArgs;
use super::commands::{Failure, load};
use super::output;
use crate::analysis::patterns::{
    FactorPattern, MeasurePattern, PatternVerdict, Patterns, patterns,
};
use crate::analysis::{DayRange, JournalIndex};
use crate::model::Metric;
use crate::report::{pattern_words, text};

pub(super) fn run(path: &Path, args: &PatternsArgs) -> Result<(), Failure> {
    let journal = load(path)?;
    let metric = match &args.metric {
        Some(name) => super::args::metric(&journal, name).map_err(Failure::usage)?,
        None => Metric::Pain,
    };
    let today = super::args::today();
    let span = journal.date_span();
    let from = args.from.or(span.map(|(first, _)| first)).unwrap_or(today);
    let to = args.to.or(span.map(|(_, last)| last)).unwrap_or(today);
    if from > to {
        return Err(Failure::usage(format!(
            "invalid value for '--from': the period starts ({from}) after it ends ({to}); give \
             a --from on or before --to"
        )));
    }
    let index = JournalIndex::new(&journal);
    let found = patterns(&journal, &index, metric, DayRange::new(from, to));
    if args.json {
        output::write_line(to_json(&found));
    } else {
        output::show(&to_text(&found));
    }
    Ok(())
}

/// The JSON the issue fixes: `{"from", "to", "metric", "measures": […], "factors": […]}`, every
/// number at full precision.
pub fn to_json(found: &Patterns) -> Value {
    json!({
        "from": found.range.from.to_string(),
        "to": found.range.to.to_string(),
        "metric": found.metric.key(),
        "measures": found.measures.iter().map(measure_json).collect::<Vec<_>>(),
        "factors": found.factors.iter().map(factor_json).collect::<Vec<_>>(),
    })
}

fn measure_json(pattern: &MeasurePattern) -> Value {
    json!({
        "measure": pattern.measure.key(),
        "lag": pattern.lag,
        "r": pattern.r,
        "ci95": pattern.ci95.map(|(low, high)| [low, high]),
        "n": pattern.n,
        "verdict": pattern.verdict,
    })
}

fn factor_json(pattern: &FactorPattern) -> Value {
    let c = &pattern.compared;
    json!({
        "factor": {"kind": pattern.factor.kind, "name": pattern.factor.name},
        "lag": pattern.lag,
        "with_mean": c.session_mean,
        "without_mean": c.baseline_mean,
        "difference": c.difference,
        "ci95": c.ci95.map(|(low, high)| [low, high]),
        "days_with": c.sessions,
        "days_without": c.baseline,
        "verdict": pattern.verdict,
    })
}

/// The patterns for people: the named ones, strongest first, then those with no clear pattern,
/// then those without enough days.
pub fn to_text(found: &Patterns) -> String {
    let metric = found.metric;
    let mut out = format!(
        "What goes with {} from {} to {} ({} days with something logged).\n{}\n",
        pattern_words::measure_subject(metric),
        text::date(found.range.from),
        text::date(found.range.to),
        found.days_counted,
        pattern_words::CAUTION
    );
    let clear = found.clear();
    if clear.is_empty() {
        out.push_str("\nNo clear pattern yet: no interval leaves out 0.\n");
    } else {
        out.push_str("\nPatterns, strongest first:\n");
        for (i, pattern) in clear.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}\n",
                i + 1,
                pattern_words::sentence(*pattern, metric)
            ));
        }
    }
    for (heading, verdict) in [
        ("No clear pattern", PatternVerdict::NoClearPattern),
        ("Not enough days yet", PatternVerdict::NotEnoughData),
    ] {
        let lines = pattern_words::sentences_of(found, verdict);
        if !lines.is_empty() {
            out.push_str(&format!("\n{heading}:\n"));
            for line in lines {
                out.push_str(&format!("- {line}\n"));
            }
        }
    }
    out.push_str(&format!("\n{}\n", pattern_words::METHOD));
    out
}
