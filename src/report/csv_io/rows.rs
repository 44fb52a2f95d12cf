//! The records of a CSV file with the lines they start on, after its header and quoting are
//! checked; and the error that names a file and a line.

use super::quotes::check_quotes;

/// A row (or a file) that cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct CsvError {
    /// The file, as the user named it.
    pub file: String,
    /// The line in the file (the header is line 1).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl CsvError {
    /// An error at `line` of `file`.
    pub(super) fn at(file: &str, line: u64, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

/// A CSV file being read: its name for errors, its text, and the csv reader past its header.
pub(super) struct Rows<'a> {
    file: &'a str,
    text: &'a str,
    reader: csv::Reader<&'a [u8]>,
}

/// Lines (1-based) of records at byte offsets, counted from where the last one was found, so
/// that numbering every record of a file is linear in its length. Counted here because with CRLF
/// line ends the csv crate places a record at the `\n` before it (and counts one line short).
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Bytes counted so far, and the line at that byte.
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let bytes = self.bytes;
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.at {
            // Records come in order; a step back starts the count again.
            self.at = 0;
            self.line = 1;
        }
        self.line += bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        self.at = start;
        self.line
    }
}

impl<'a> Rows<'a> {
    /// Start reading `text`, whose header must be exactly `columns`.
    pub(super) fn new(text: &'a str, file: &'a str, columns: &[&str]) -> Result<Self, CsvError> {
        let (rows, found) = Self::open(text, file)?;
        if found != columns {
            return Err(CsvError::at(
                file,
                1,
                format!(
                    "the header row must be exactly: {} (found: {})",
                    columns.join(","),
                    found.join(",")
                ),
            ));
        }
        Ok(rows)
    }

    /// Start reading `text`; returns its header row (each name trimmed) for the caller to check.
    pub(super) fn open(text: &'a str, file: &'a str) -> Result<(Self, Vec<String>), CsvError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|error| {
            CsvError::at(file, 1, format!("cannot read the header row: {error}"))
        })?;
        let found = headers.iter().map(|name| name.trim().to_owned()).collect();
        Ok((Self { file, text, reader }, found))
    }

    /// An error at `line` of this file.
    pub(super) fn error(&self, line: u64, message: impl Into<String>) -> CsvError {
        CsvError::at(self.file, line, message)
    }

    /// Every record with its line number, or the first error. `looks_like_row` tells a line of
    /// text that would be a whole row of this file by itself.
    pub(super) fn records(
        &mut self,
        columns: &[&str],
        looks_like_row: &dyn Fn(&str) -> bool,
    ) -> Result<Vec<(u64, csv::StringRecord)>, CsvError> {
        let (file, text) = (self.file, self.text);
        check_quotes(text, looks_like_row).map_err(|(line, message)| self.error(line, message))?;
        let mut records = Vec::new();
        let mut lines = LineCounter::new(text);
        for record in self.reader.records() {
            let record = record.map_err(|error| {
                let line = error.position().map_or(0, |p| lines.line_at(p.byte()));
                CsvError::at(file, line, describe_csv_error(&error, columns))
            })?;
            let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
            records.push((line, record));
        }
        Ok(records)
    }
}

/// What the csv crate found wrong, in the words of the file's columns.
fn describe_csv_error(error: &csv::Error, columns: &[&str]) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths { len, .. } => {
            let hint = if usize::try_from(*len).is_ok_and(|len| len > columns.len()) {
                "; a value with a comma in it (a note, a name) must be in double quotes"
            } else {
                ""
            };
            format!(
                "{len} columns where there should be {} ({}){hint}",
                columns.len(),
                columns.join(",")
            )
        }
        _ => format!("this row cannot be read as CSV ({error})"),
    }
}
