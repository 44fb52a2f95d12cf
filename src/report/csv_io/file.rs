//! Reading a CSV file to import: only a regular file of a sane size, and only UTF-8 text.

use std::path::Path;

use crate::store::{MAX_JOURNAL_BYTES, ReadError, read_existing};

/// The text of a CSV file to import, or what is wrong, with what to do: a file that is missing,
/// unreadable, not a regular file, over 256 MiB or not UTF-8 is refused (without reading a pipe,
/// a device or more than the limit).
pub fn read_csv_file(file: &Path) -> Result<String, String> {
    let name = file.display();
    let bytes = read_existing(file, MAX_JOURNAL_BYTES).map_err(|error| {
        let cause = match error {
            ReadError::Refused(reason) => reason,
            ReadError::Io(error) => match error.kind() {
                std::io::ErrorKind::NotFound => "there is no such file; check the path".to_owned(),
                std::io::ErrorKind::PermissionDenied => {
                    "permission denied; check the file's permissions".to_owned()
                }
                _ => error.to_string(),
            },
        };
        format!("cannot read {name}: {cause}. Nothing was imported.")
    })?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
        format!(
            "cannot read {name}: line {line} is not UTF-8 text. Save the file as UTF-8 (in a \
             spreadsheet, as \"CSV UTF-8\") and import it again. Nothing was imported."
        )
    })
}
