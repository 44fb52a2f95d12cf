//! Quoting that reads as CSV but cannot be what was meant.

/// Quoting that the csv crate reads without complaint but that cannot be what was meant: a
/// quoted field that is never closed (the crate takes the rest of the file into it), one that
/// runs on over lines that look like rows of their own (its closing `"` missing, and a later
/// row's quote taken for it), and text after a field's closing quote. Returns the line and what
/// is wrong.
///
/// A quoted field over several lines (a note with new lines, as painlog exports it) is fine.
pub(super) fn check_quotes(
    text: &str,
    looks_like_row: &dyn Fn(&str) -> bool,
) -> Result<(), (u64, String)> {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote,
    }
    let mut state = State::FieldStart;
    let mut line = 1_u64;
    let mut opened_on = 1_u64;
    // The first line inside the open quoted field that looks like a row of its own.
    let mut swallowed = None;
    for (at, byte) in text.bytes().enumerate() {
        state = match (state, byte) {
            (State::FieldStart, b'"') => {
                opened_on = line;
                swallowed = None;
                State::Quoted
            }
            (State::FieldStart | State::Unquoted | State::AfterQuote, b',' | b'\r' | b'\n') => {
                State::FieldStart
            }
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted, b'"') => match swallowed {
                Some(row_line) => {
                    return Err((
                        opened_on,
                        format!(
                            "a quoted field starting on this line runs on into line {row_line}, \
                             which looks like a row of its own; a closing \" is missing (inside \
                             quotes, write a \" as \"\")"
                        ),
                    ));
                }
                None => State::AfterQuote,
            },
            (State::Quoted, b'\n') => {
                let next = text[at + 1..].split('\n').next().unwrap_or_default();
                if swallowed.is_none() && looks_like_row(next.trim_end_matches('\r')) {
                    swallowed = Some(line + 1);
                }
                State::Quoted
            }
            // A doubled quote inside quotes stands for one quote.
            (State::Quoted, _) | (State::AfterQuote, b'"') => State::Quoted,
            (State::AfterQuote, _) => {
                return Err((
                    line,
                    "text follows the closing \" of a quoted field; inside quotes, write a \" \
                     as \"\" (two quotes)"
                        .to_owned(),
                ));
            }
        };
        if byte == b'\n' {
            line += 1;
        }
    }
    if state == State::Quoted {
        return Err((
            opened_on,
            "a quoted field is never closed (a \" is missing), so it takes in every line after \
             it; end the field with \", and write a \" inside it as \"\""
                .to_owned(),
        ));
    }
    Ok(())
}
