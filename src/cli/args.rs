//! Parsers for command-line values. Each error names what is allowed, and clap prefixes it
//! with the argument it was given for.

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::{
    Amount, Currency, KindChoice, Minutes, Pressure, Score, Spot, check_not_future,
    check_start_not_future, parse_date, parse_spot_value, parse_start,
};

/// The environment variable that makes painlog take another moment as "now" (tests that must
/// not depend on the day they run, screenshots): `YYYY-MM-DD HH:MM`.
pub const NOW_ENV: &str = "PAINLOG_NOW";

/// The moment `PAINLOG_NOW` names: `Ok(None)` when it is not set, an error in words when it is
/// set but is not a date and time.
pub fn now_from_env() -> Result<Option<NaiveDateTime>, String> {
    match std::env::var(NOW_ENV) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Ok(text) => parse_start(&text).map(Some).ok_or_else(|| {
            format!("{NOW_ENV} is \"{text}\"; write it as \"YYYY-MM-DD HH:MM\", or unset it")
        }),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!(
            "{NOW_ENV} is not text; write it as \"YYYY-MM-DD HH:MM\", or unset it"
        )),
    }
}

/// The local date and time now (or the moment `PAINLOG_NOW` names).
pub fn now() -> NaiveDateTime {
    now_from_env()
        .ok()
        .flatten()
        .unwrap_or_else(|| chrono::Local::now().naive_local())
}

/// Today's local date (or that of `PAINLOG_NOW`).
pub fn today() -> NaiveDate {
    now().date()
}

/// `glow` or `wgpu`.
pub fn renderer(text: &str) -> Result<crate::ui::Renderer, String> {
    crate::ui::Renderer::parse(text)
}

/// A score given on the command line: a value, or `none` to clear it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreArg {
    /// Set to this score.
    Set(Score),
    /// Clear back to "not logged".
    Clear,
}

impl ScoreArg {
    /// The value to store.
    pub fn value(self) -> Option<Score> {
        match self {
            Self::Set(score) => Some(score),
            Self::Clear => None,
        }
    }
}

/// `0`–`10`, or `none` to clear.
pub fn score(text: &str) -> Result<ScoreArg, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(ScoreArg::Clear);
    }
    match Score::parse_optional(text) {
        Ok(Some(score)) => Ok(ScoreArg::Set(score)),
        _ => Err(format!(
            "must be a whole number from 0 to 10 (or `none` to clear it), not \"{text}\""
        )),
    }
}

/// `0`–`10` (no clearing: for a new session).
pub fn session_score(text: &str) -> Result<Score, String> {
    match Score::parse_optional(text) {
        Ok(Some(score)) => Ok(score),
        _ => Err(format!(
            "must be a whole number from 0 to 10, not \"{text}\""
        )),
    }
}

/// A past or present date as `YYYY-MM-DD`.
pub fn past_date(text: &str) -> Result<NaiveDate, String> {
    let date = parse_date(text).ok_or_else(|| {
        format!("\"{text}\" is not a date; write YYYY-MM-DD, for example 2026-03-14")
    })?;
    check_not_future(date, today()).map_err(|error| error.to_string())
}

/// A past or present start as `YYYY-MM-DD HH:MM`.
pub fn past_start(text: &str) -> Result<NaiveDateTime, String> {
    let start = parse_start(text).ok_or_else(|| {
        format!(
            "\"{text}\" is not a date and time; write \"YYYY-MM-DD HH:MM\", for example \"2026-03-14 17:30\""
        )
    })?;
    check_not_future(start.date(), today()).map_err(|error| error.to_string())?;
    check_start_not_future(start, now()).map_err(|error| error.to_string())?;
    Ok(start)
}

fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> String {
    all.iter()
        .map(|&item| name(item))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `--region NAME[=N]`: where it hurt (`lower-back` both sides, `lower-back-left` one), and
/// how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionArg {
    /// The spots named.
    pub spots: Vec<Spot>,
    /// The intensity, when given.
    pub intensity: Option<Score>,
}

/// A region with an optional intensity: `lower-back-left=6`, `neck`.
pub fn region(text: &str) -> Result<RegionArg, String> {
    let (spots, intensity) = parse_spot_value(text)?;
    Ok(RegionArg { spots, intensity })
}

/// `--focus NAME`: a region worked on (`lower-back` both sides, `lower-back-left` one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusArg(pub Vec<Spot>);

/// A region worked on, without an intensity.
pub fn focus(text: &str) -> Result<FocusArg, String> {
    if text.contains('=') {
        return Err(format!(
            "\"{text}\": a region worked on has no intensity; write only its name"
        ));
    }
    Ok(FocusArg(parse_spot_value(text)?.0))
}

/// A kind by its command-line name.
pub fn kind(text: &str) -> Result<KindChoice, String> {
    KindChoice::from_cli_name(text).ok_or_else(|| {
        format!(
            "unknown kind \"{text}\"; use one of: {} (with `other`, name it with --kind-name)",
            names(&KindChoice::ALL, KindChoice::cli_name)
        )
    })
}

/// A pressure by its command-line name.
pub fn pressure(text: &str) -> Result<Pressure, String> {
    Pressure::from_cli_name(text).ok_or_else(|| {
        format!(
            "unknown pressure \"{text}\"; use one of: {}",
            names(&Pressure::ALL, Pressure::cli_name)
        )
    })
}

/// Minutes, 1 to 480.
pub fn minutes(text: &str) -> Result<Minutes, String> {
    Minutes::parse(text).map_err(|error| error.to_string())
}

/// A cost such as `60` or `59.50`, not negative.
pub fn amount(text: &str) -> Result<Amount, String> {
    Amount::parse(text).map_err(|error| error.to_string())
}

/// A three-letter currency code.
pub fn currency(text: &str) -> Result<Currency, String> {
    Currency::parse(text).map_err(|error| error.to_string())
}

// The same limits as the window's fields.
pub use crate::model::{MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_NOTE_CHARS};
/// The longest name printed on a report, in characters.
pub const MAX_REPORT_NAME_CHARS: usize = MAX_NAME_CHARS;

/// A free-text argument: how long it may be, whether it may span lines, and what to do when it
/// is blank. Its errors name the option but do not repeat the text (which may be long, or hold
/// control characters that a terminal would act on).
#[derive(Clone, Copy, Debug)]
pub struct Text {
    /// What it is, for messages ("a therapist's name").
    what: &'static str,
    /// The most characters it may have.
    max: usize,
    /// New lines and tabs are allowed (notes, messages).
    multiline: bool,
    /// What to do instead of giving blank text; `None` when blank text is fine (it clears).
    when_blank: Option<&'static str>,
}

impl Text {
    /// `--therapist`.
    pub const THERAPIST: Self = Self {
        what: "a therapist's name",
        max: MAX_NAME_CHARS,
        multiline: false,
        when_blank: Some("leave --therapist out if there is none"),
    };
    /// `--kind-name`.
    pub const KIND_NAME: Self = Self {
        what: "a kind's name",
        max: MAX_NAME_CHARS,
        multiline: false,
        when_blank: Some("name the kind (e.g. \"Hot stone\") or leave --kind-name out"),
    };
    /// `export --name`.
    pub const REPORT_NAME: Self = Self {
        what: "the name on a report",
        max: MAX_REPORT_NAME_CHARS,
        multiline: false,
        when_blank: Some("leave --name out for a report without a name"),
    };
    /// `medication add --dose`.
    pub const DOSE: Self = Self {
        what: "a dose",
        max: MAX_NAME_CHARS,
        multiline: false,
        when_blank: Some("leave --dose out if there is none"),
    };
    /// `care add --name`.
    pub const CARE_NAME: Self = Self {
        what: "the name of the care",
        max: MAX_NAME_CHARS,
        multiline: false,
        when_blank: Some("leave --name out (but --kind other needs one)"),
    };
    /// `therapist set NAME`.
    pub const THERAPIST_NAME: Self = Self {
        what: "a therapist's name",
        max: MAX_NAME_CHARS,
        multiline: false,
        when_blank: Some("give the therapist's name as your sessions write it"),
    };
    /// `therapist set --practice` (empty clears it).
    pub const PRACTICE: Self = Self {
        what: "the practice",
        max: MAX_NAME_CHARS,
        multiline: false,
        when_blank: None,
    };
    /// `therapist set --address` (empty clears it).
    pub const ADDRESS: Self = Self {
        what: "the address",
        max: crate::model::MAX_ADDRESS_CHARS,
        multiline: false,
        when_blank: None,
    };
    /// `therapist set --licence` (empty clears it).
    pub const LICENCE: Self = Self {
        what: "the licence number",
        max: MAX_NAME_CHARS,
        multiline: false,
        when_blank: None,
    };
    /// `--note` (an empty note clears it).
    pub const NOTE: Self = Self {
        what: "a note",
        max: MAX_NOTE_CHARS,
        multiline: true,
        when_blank: None,
    };
    /// `export --message`.
    pub const MESSAGE: Self = Self {
        what: "the message",
        max: MAX_MESSAGE_CHARS,
        multiline: true,
        when_blank: None,
    };

    /// Check `text` given for `flag`: the text to keep (names trimmed, notes with Windows line
    /// ends made plain new lines), or what is wrong.
    pub fn check(self, flag: &str, text: &str) -> Result<String, String> {
        let text = if self.multiline {
            text.replace("\r\n", "\n")
        } else {
            text.trim().to_owned()
        };
        if let Some(fix) = self.when_blank
            && text.trim().is_empty()
        {
            return Err(format!("{flag} is empty; {fix}"));
        }
        if let Some((at, bad)) = text
            .chars()
            .enumerate()
            .find(|&(_, c)| c.is_control() && !(self.multiline && matches!(c, '\n' | '\t')))
        {
            let allowed = if self.multiline {
                "text, new lines and tabs"
            } else {
                "one line of text (no new lines or tabs)"
            };
            return Err(format!(
                "{flag} holds a control character (U+{:04X}, character {}); {} may hold only \
                 {allowed}, so remove it",
                u32::from(bad),
                at + 1,
                self.what
            ));
        }
        let length = text.chars().count();
        if length > self.max {
            return Err(format!(
                "{flag} is {length} characters long; {} is at most {} characters, so shorten it",
                self.what, self.max
            ));
        }
        Ok(text)
    }
}

impl clap::builder::TypedValueParser for Text {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let flag = match arg {
            Some(arg) => match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => format!("--{long}"),
                (None, Some([name, ..])) => name.to_string(),
                (None, _) => "the text".to_owned(),
            },
            None => "the text".to_owned(),
        };
        let text = value.to_str().ok_or_else(|| {
            refused(
                cmd,
                &format!("{flag} is not valid text (UTF-8); type it again in plain text"),
            )
        })?;
        self.check(&flag, text)
            .map_err(|message| refused(cmd, &message))
    }
}

/// A clap error with exactly `message` (after "error: "), exit code 2.
fn refused(cmd: &clap::Command, message: &str) -> clap::Error {
    clap::Error::raw(
        clap::error::ErrorKind::ValueValidation,
        format!("{message}\n"),
    )
    .with_cmd(cmd)
}

/// `--data` (or `PAINLOG_DATA`): a journal path, not empty. An empty `PAINLOG_DATA` is blamed on
/// the variable, not on `--data`.
#[derive(Clone, Copy, Debug)]
pub struct DataPath;

impl DataPath {
    /// The value of `--data` on the command line, if it is there.
    fn given_on_command_line() -> Option<std::ffi::OsString> {
        let mut given = None;
        let mut args = std::env::args_os().skip(1);
        while let Some(arg) = args.next() {
            if arg == "--" {
                break;
            }
            if arg == "--data" {
                given = Some(args.next().unwrap_or_default());
            } else if let Some(value) = arg.as_encoded_bytes().strip_prefix(b"--data=") {
                given = Some(String::from_utf8_lossy(value).into_owned().into());
            }
        }
        given
    }
}

impl clap::builder::TypedValueParser for DataPath {
    type Value = std::path::PathBuf;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<std::path::PathBuf, clap::Error> {
        if !value.is_empty() {
            return Ok(value.into());
        }
        let env = crate::store::DATA_ENV;
        let env_is_empty = std::env::var_os(env).is_some_and(|value| value.is_empty());
        match Self::given_on_command_line() {
            // The empty variable, read where --data was not typed; the typed --data wins.
            Some(given) if env_is_empty && !given.is_empty() => Ok(std::path::PathBuf::new()),
            None if env_is_empty => Err(refused(
                cmd,
                &format!("{env} is set but empty; unset it or set it to a journal file"),
            )),
            _ => Err(refused(
                cmd,
                "--data is empty; give the journal file (e.g. --data ~/journal.ron), or leave \
                 --data out to use your usual journal",
            )),
        }
    }
}

/// A whole number as typed (digits, with an optional sign and spaces around), or `None`. Numbers
/// beyond `i128` are taken as its largest or smallest.
fn whole_number(text: &str) -> Option<i128> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.bytes().fold(0_i128, |value, digit| {
        value
            .saturating_mul(10)
            .saturating_add(i128::from(digit - b'0'))
    });
    Some(if negative { -magnitude } else { magnitude })
}

/// A session id as `painlog session list` shows it.
pub fn session_id(text: &str) -> Result<u64, String> {
    let largest = crate::model::MAX_SESSION_ID;
    match whole_number(text) {
        None => Err(format!(
            "an id is a whole number as shown by `painlog session list`, not \"{text}\""
        )),
        Some(id) if id < 1 => Err(format!(
            "ids start at 1; `painlog session list` shows them (not \"{text}\")"
        )),
        Some(id) => u64::try_from(id)
            .ok()
            .filter(|&id| id <= largest)
            .ok_or_else(|| {
                format!(
                    "no session has an id that large (the largest possible is {largest}); \
                     `painlog session list` shows the ids"
                )
            }),
    }
}

/// `effects --window`: a whole number; its range (1–28) is checked with `--min-days`.
pub fn window(text: &str) -> Result<i64, String> {
    whole_number(text)
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(|| {
            format!(
                "the window is a whole number of days from 1 to {}, not \"{text}\"",
                crate::analysis::EffectSettings::MAX_WINDOW
            )
        })
}

/// `effects --min-days`: a whole number; its range (1 to the window) is checked with
/// `--window`.
pub fn min_days(text: &str) -> Result<i64, String> {
    whole_number(text)
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(|| {
            format!(
                "the minimum is a whole number of days from 1 to the window length (--window, 7 \
                 unless given), not \"{text}\""
            )
        })
}

/// `demo --years`: 1 to 100.
pub fn demo_years(text: &str) -> Result<u32, String> {
    whole_number(text)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|years| (1..=100).contains(years))
        .ok_or_else(|| {
            format!(
                "the number of years the demo journal covers (ending today): a whole number from \
                 1 to 100, not \"{text}\""
            )
        })
}

/// `demo --sessions`: 0 or more (the most for the years given, one a day, is checked with
/// `--years`; a number too large for this computer is taken as its largest).
pub fn demo_sessions(text: &str) -> Result<usize, String> {
    match whole_number(text) {
        Some(n) if n >= 0 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        _ => Err(format!(
            "the number of sessions in the demo journal: a whole number, 0 or more (at most one \
             a day), not \"{text}\""
        )),
    }
}

/// `demo --seed`: any whole number from 0 to the largest 64-bit one.
pub fn demo_seed(text: &str) -> Result<u64, String> {
    whole_number(text)
        .and_then(|n| u64::try_from(n).ok())
        .ok_or_else(|| {
            format!(
                "the seed is a whole number from 0 to {} (the same seed gives the same journal), \
                 not \"{text}\"",
                u64::MAX
            )
        })
}

/// The metric of `journal` called `text` on the command line: `pain`, `worst-pain` (or
/// `worst_pain`, `worst`), `stiffness`, `sleep`, `stress`, `mobility` (or `range-of-motion`),
/// `mood`, or one of the journal's own measures by name.
pub fn metric(journal: &crate::model::Journal, text: &str) -> Result<crate::model::Metric, String> {
    crate::model::Metric::named_in(journal, text).ok_or_else(|| {
        let own: Vec<String> = journal
            .measures()
            .iter()
            .map(|measure| format!("\"{}\"", measure.name))
            .collect();
        let own = if own.is_empty() {
            " (this journal has no measures of its own; add one with `painlog measure add`)"
                .to_owned()
        } else {
            format!(", or one of your own measures: {}", own.join(", "))
        };
        format!(
            "invalid value for '--metric': unknown metric \"{text}\"; use one of: pain, \
             worst-pain, stiffness, sleep, stress, mobility, mood{own}"
        )
    })
}

/// Any real date as `YYYY-MM-DD` (for report periods, which may end in the future).
pub fn any_date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).ok_or_else(|| {
        format!("\"{text}\" is not a date; write YYYY-MM-DD, for example 2026-03-14")
    })
}

/// `a4` or `letter`.
pub fn paper(text: &str) -> Result<crate::report::pdf::Paper, String> {
    crate::report::pdf::Paper::from_cli_name(text)
        .ok_or_else(|| format!("unknown paper \"{text}\"; use a4 or letter"))
}
