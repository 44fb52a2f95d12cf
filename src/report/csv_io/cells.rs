//! Cells made inert for spreadsheets on the way out, and restored exactly on the way in.

/// What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection): `=`,
/// `+`, `-`, `@`, a tab and a carriage return at its start.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written: one that a spreadsheet would run as a formula gets a leading apostrophe,
/// as OWASP recommends, and so does one that already starts with an apostrophe (so that
/// [`cell_from_csv`] can tell the two apart and every text comes back exactly as typed).
pub(crate) fn cell_for_csv(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) || text.starts_with('\'') {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A cell as read: exactly the reverse of [`cell_for_csv`]. A leading apostrophe is removed only
/// where painlog would have added it (before a formula character or another apostrophe), so a
/// hand-written "'Tis" stays as it is.
pub(super) fn cell_from_csv(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => text,
    }
}
