//! The arguments of `painlog measure`, `medication`, `exercise` and `care`, and the parsers of
//! the values `log` takes for own measures, medications and exercises.

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::args::{self, ScoreArg, Text};
use crate::model::{CareKind, MAX_PER_WEEK, Worse, check_item_name};

/// `painlog measure …`.
#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Add an own 0–10 measure (e.g. "tingling in the left leg"); log it with
    /// `painlog log --measure NAME=N`.
    Add {
        /// What it measures (at most 100 characters; no `;` or `=`).
        #[arg(value_name = "NAME", value_parser = item_name)]
        name: String,
        /// Which end of the scale is worse: higher (10 is worst, like pain) or lower (0 is
        /// worst, like sleep quality).
        #[arg(long, value_name = "higher|lower", value_parser = worse)]
        worse: Worse,
    },
    /// List the own measures, in the order they were added (retired ones too).
    List {
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Rename an own measure; what was logged under the old name stays with it.
    Rename {
        /// Its name now (any case).
        #[arg(value_name = "OLD", value_parser = item_name)]
        old: String,
        /// Its new name (at most 100 characters; no `;` or `=`).
        #[arg(value_name = "NEW", value_parser = item_name)]
        new: String,
    },
    /// Stop logging an own measure: the window no longer asks for it; what was logged is kept.
    Retire {
        /// Its name (any case).
        #[arg(value_name = "NAME", value_parser = item_name)]
        name: String,
        /// Bring a retired measure back instead.
        #[arg(long)]
        undo: bool,
    },
}

/// `painlog medication …`.
#[derive(Debug, Subcommand)]
pub enum MedicationCommand {
    /// Add a medication; log a day's with `painlog log --took NAME`.
    Add(MedicationAddArgs),
    /// List the medications, in the order they were added.
    List {
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Note the day a medication stopped.
    Stop {
        /// Its name (any case).
        #[arg(value_name = "NAME", value_parser = item_name)]
        name: String,
        /// The last day it was taken (default: today). Not before it started, not in the future.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::past_date)]
        on: Option<NaiveDate>,
    },
}

/// `painlog medication add`.
#[derive(Debug, Args)]
pub struct MedicationAddArgs {
    /// Its name (at most 100 characters; no `;` or `=`).
    #[arg(value_name = "NAME", value_parser = item_name)]
    pub name: String,
    /// The dose as you write it, e.g. "400 mg" (at most 100 characters).
    #[arg(long, value_name = "TEXT", value_parser = Text::DOSE)]
    pub dose: Option<String>,
    /// Taken when needed rather than regularly.
    #[arg(long)]
    pub as_needed: bool,
    /// The day it started. Future dates are refused.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::past_date)]
    pub from: Option<NaiveDate>,
    /// The day it stopped, if it has (not before --from). Future dates are refused: note a
    /// stop when it comes with `painlog medication stop`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::past_date)]
    pub until: Option<NaiveDate>,
}

/// `painlog exercise …`.
#[derive(Debug, Subcommand)]
pub enum ExerciseCommand {
    /// Add a home exercise or stretch; log a day's with `painlog log --did NAME`.
    Add {
        /// Its name, e.g. "cat-cow" (at most 100 characters; no `;` or `=`).
        #[arg(value_name = "NAME", value_parser = item_name)]
        name: String,
        /// The session at which the therapist suggested it (its id, as `painlog session list`
        /// shows).
        #[arg(long, value_name = "ID", value_parser = args::session_id, allow_negative_numbers = true)]
        session: Option<u64>,
        /// How many times a week it is meant to be done, 1 to 14.
        #[arg(long, value_name = "N", value_parser = per_week, allow_negative_numbers = true)]
        per_week: Option<u8>,
    },
    /// List the home exercises, in the order they were added.
    List {
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
}

/// `painlog care …`.
#[derive(Debug, Subcommand)]
pub enum CareCommand {
    /// Add a visit to care other than massage; prints its id.
    Add(CareAddArgs),
    /// List the visits to other care, newest first.
    List {
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Remove a visit to other care by its id.
    Remove {
        /// The id that `painlog care list` shows.
        #[arg(value_name = "ID", value_parser = care_id, allow_negative_numbers = true)]
        id: u32,
    },
}

/// `painlog care add`.
#[derive(Debug, Args)]
pub struct CareAddArgs {
    /// The day of the visit. Future dates are refused.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::past_date)]
    pub date: NaiveDate,
    /// physiotherapy, chiropractic, doctor or other (with other, say what with --name).
    #[arg(long, value_name = "KIND", value_parser = care_kind)]
    pub kind: CareKind,
    /// Who or what, e.g. "Dr Lee" or, with --kind other, "hydrotherapy" (at most 100
    /// characters).
    #[arg(long, value_name = "TEXT", value_parser = Text::CARE_NAME)]
    pub name: Option<String>,
    /// A note, e.g. what was done or advised (at most 5000 characters).
    #[arg(long, value_name = "TEXT", value_parser = Text::NOTE)]
    pub note: Option<String>,
}

/// The name of a measure, a medication or an exercise: one line, no `;` or `=`.
pub fn item_name(text: &str) -> Result<String, String> {
    check_item_name("the name", text)?;
    Ok(text.trim().to_owned())
}

/// `higher` or `lower`.
pub fn worse(text: &str) -> Result<Worse, String> {
    Worse::from_cli_name(text).ok_or_else(|| {
        format!(
            "\"{text}\" is neither higher nor lower; say which end of the scale is worse: higher \
             (10 is worst, like pain) or lower (0 is worst, like sleep quality)"
        )
    })
}

/// 1 to 14 times a week.
pub fn per_week(text: &str) -> Result<u8, String> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=MAX_PER_WEEK).contains(n))
        .ok_or_else(|| {
            format!(
                "how many times a week: a whole number from 1 to {MAX_PER_WEEK} (twice a day), \
                 not \"{text}\""
            )
        })
}

/// A kind of other care by its command-line name.
pub fn care_kind(text: &str) -> Result<CareKind, String> {
    CareKind::from_cli_name(text).ok_or_else(|| {
        format!(
            "unknown kind of care \"{text}\"; use one of: {} (with `other`, say what with --name)",
            CareKind::ALL.map(CareKind::cli_name).join(", ")
        )
    })
}

/// A care visit's id as `painlog care list` shows it.
pub fn care_id(text: &str) -> Result<u32, String> {
    let number = text.trim().parse::<i128>().map_err(|_| {
        format!("an id is a whole number as shown by `painlog care list`, not \"{text}\"")
    })?;
    u32::try_from(number)
        .ok()
        .filter(|&id| id >= 1)
        .ok_or_else(|| {
            format!(
                "ids are whole numbers from 1 to {}; `painlog care list` shows them (not \"{text}\")",
                u32::MAX
            )
        })
}

/// `log --measure NAME=N`: an own measure by name and its score (or `none` to clear it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureArg {
    /// The measure's name as typed (matched without regard to case).
    pub name: String,
    /// The score, or clear.
    pub score: ScoreArg,
}

/// `NAME=N` or `NAME=none`.
pub fn measure_value(text: &str) -> Result<MeasureArg, String> {
    let Some((name, value)) = text.rsplit_once('=') else {
        return Err(format!(
            "\"{text}\" has no score; write NAME=N with N from 0 to 10 (or NAME=none to clear \
             it), e.g. --measure \"tingling=3\""
        ));
    };
    let name = item_name(name)?;
    let score = args::score(value).map_err(|error| format!("the score of \"{name}\" {error}"))?;
    Ok(MeasureArg { name, score })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_value_is_a_name_and_a_score() {
        let arg = measure_value(" Tingling = 3 ").unwrap();
        assert_eq!(arg.name, "Tingling");
        assert_eq!(arg.score.value().map(crate::model::Score::get), Some(3));
        assert_eq!(
            measure_value("tingling=none").unwrap().score,
            ScoreArg::Clear
        );
        assert!(measure_value("tingling").unwrap_err().contains("NAME=N"));
        assert!(
            measure_value("tingling=11")
                .unwrap_err()
                .contains("0 to 10")
        );
        assert!(measure_value("=4").unwrap_err().contains("empty"));
        assert!(measure_value("a;b=4").unwrap_err().contains(';'));
    }

    #[test]
    fn ids_and_counts_have_their_ranges() {
        assert_eq!(care_id("3"), Ok(3));
        assert!(care_id("0").is_err() && care_id("-1").is_err() && care_id("x").is_err());
        assert!(care_id("99999999999").is_err());
        assert_eq!(per_week("14"), Ok(14));
        assert!(per_week("0").is_err() && per_week("15").is_err());
        assert_eq!(care_kind("Physiotherapy"), Ok(CareKind::Physiotherapy));
        assert!(care_kind("massage").unwrap_err().contains("chiropractic"));
        assert_eq!(worse("LOWER"), Ok(Worse::Lower));
    }
}
