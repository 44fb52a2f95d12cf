//! The journal loader on any bytes: it never panics; a journal it reads saves and reads back the
//! same, and the full parse reads it the same; an error is at a line and column inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use painlog::store::{CURRENT_VERSION, FormatError, from_bytes, from_bytes_by_full_parse, to_text};

fuzz_target!(|data: &[u8]| {
    match from_bytes(data) {
        Ok(journal) => {
            let text = to_text(&journal).expect("a journal read can be saved");
            let again = from_bytes(text.as_bytes()).expect("what painlog saves, it reads");
            assert!(again == journal, "saved and read again, the same journal");
            let full = from_bytes_by_full_parse(data).expect("the full parse reads it too");
            assert!(full == journal, "the full parse reads the same journal");
        }
        Err(FormatError::TooNew { found }) => assert!(found > CURRENT_VERSION),
        Err(FormatError::At {
            line,
            column,
            message,
        }) => {
            let text = String::from_utf8_lossy(data);
            let lines: Vec<&str> = text.split('\n').collect();
            assert!(line >= 1 && line <= lines.len(), "line {line} of {}", lines.len());
            let width = lines[line - 1].chars().count();
            assert!(
                column >= 1 && column <= width + 2,
                "column {column} of {width} on line {line}"
            );
            assert!(!message.trim().is_empty());
        }
    }
});
