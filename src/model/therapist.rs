//! A therapist's details, entered once and printed on the cost statement: the practice, its
//! address and the therapist's licence number, for an insurer or a health-savings account.

use serde::{Deserialize, Serialize};

use super::journal::fresh_revision;
use super::{Journal, MAX_NAME_CHARS, check_text};

/// The longest address painlog takes, in characters (one line).
pub const MAX_ADDRESS_CHARS: usize = 200;

/// What painlog knows of a therapist beyond the name that sessions carry. Matched to sessions
/// by name, case and surrounding spaces aside.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Therapist {
    /// The therapist's name as sessions write it ("Anna Berg", "Riverside Clinic").
    pub name: String,
    /// The practice or clinic they work at.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub practice: String,
    /// The practice's address, on one line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// The therapist's licence or registration number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub licence: String,
}

impl Therapist {
    /// `true` when `name` is this therapist's (case and surrounding spaces aside).
    pub fn is_called(&self, name: &str) -> bool {
        self.name.trim().to_lowercase() == name.trim().to_lowercase()
    }

    /// `true` when any detail beyond the name is filled in.
    pub fn has_details(&self) -> bool {
        [&self.practice, &self.address, &self.licence]
            .iter()
            .any(|text| !text.trim().is_empty())
    }

    /// The details on one line: "Riverside Practice · 12 Harbour Street · licence LMT-1234".
    pub fn details_line(&self) -> String {
        let licence =
            (!self.licence.trim().is_empty()).then(|| format!("licence {}", self.licence));
        [
            (!self.practice.trim().is_empty()).then(|| self.practice.clone()),
            (!self.address.trim().is_empty()).then(|| self.address.clone()),
            licence,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }

    /// What is wrong with it, in words that say how to fix it: a name is needed; each text has
    /// its limit and stays on one line.
    pub fn problem(&self) -> Option<String> {
        if self.name.trim().is_empty() {
            return Some("a therapist's details need the therapist's name".to_owned());
        }
        [
            ("The therapist's name", &self.name, MAX_NAME_CHARS),
            ("The practice", &self.practice, MAX_NAME_CHARS),
            ("The address", &self.address, MAX_ADDRESS_CHARS),
            ("The licence number", &self.licence, MAX_NAME_CHARS),
        ]
        .into_iter()
        .find_map(|(what, text, max)| check_text(what, text, max, false).err())
    }

    /// The same details with surrounding spaces trimmed from each text.
    pub fn trimmed(&self) -> Self {
        Self {
            name: self.name.trim().to_owned(),
            practice: self.practice.trim().to_owned(),
            address: self.address.trim().to_owned(),
            licence: self.licence.trim().to_owned(),
        }
    }

    /// The order the journal keeps therapists in: by name, case aside.
    pub(super) fn sort_key(&self) -> (String, String) {
        (self.name.trim().to_lowercase(), self.name.clone())
    }
}

impl Journal {
    /// The therapists whose details were entered, by name.
    pub fn therapist_details(&self) -> &[Therapist] {
        &self.lists.therapists
    }

    /// The details entered for the therapist called `name` (case and surrounding spaces aside).
    pub fn therapist_named(&self, name: &str) -> Option<&Therapist> {
        self.lists.therapists.iter().find(|t| t.is_called(name))
    }

    /// Enter a therapist's details, replacing what was entered under that name (case aside);
    /// details with nothing but the name remove the entry. Refuses text that breaks a rule,
    /// changing nothing.
    pub fn set_therapist(&mut self, therapist: &Therapist) -> Result<(), String> {
        let therapist = therapist.trimmed();
        if let Some(problem) = therapist.problem() {
            return Err(problem);
        }
        let mut therapists = self.lists.therapists.clone();
        therapists.retain(|known| !known.is_called(&therapist.name));
        if therapist.has_details() {
            therapists.push(therapist);
        }
        therapists.sort_by_key(Therapist::sort_key);
        if therapists != self.lists.therapists {
            self.lists.therapists = therapists;
            self.revision = fresh_revision();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anna() -> Therapist {
        Therapist {
            name: "Anna Berg".into(),
            practice: "Riverside Massage".into(),
            address: "12 Harbour Street, Portland".into(),
            licence: "LMT-20417".into(),
        }
    }

    #[test]
    fn details_are_set_by_name_in_any_case_and_removed_when_emptied() {
        let mut journal = Journal::new();
        journal.set_therapist(&anna()).unwrap();
        assert_eq!(journal.therapist_named("  anna BERG ").unwrap(), &anna());
        let mut changed = anna();
        changed.name = "anna berg".into();
        changed.licence = "LMT-1".into();
        journal.set_therapist(&changed).unwrap();
        assert_eq!(journal.therapist_details().len(), 1);
        assert_eq!(
            journal.therapist_named("Anna Berg").unwrap().licence,
            "LMT-1"
        );
        journal
            .set_therapist(&Therapist {
                name: "Anna Berg".into(),
                ..Therapist::default()
            })
            .unwrap();
        assert!(journal.therapist_details().is_empty());
    }

    #[test]
    fn bad_details_are_refused_and_change_nothing() {
        let mut journal = Journal::new();
        let mut long = anna();
        long.address = "x".repeat(MAX_ADDRESS_CHARS + 1);
        let message = journal.set_therapist(&long).unwrap_err();
        assert!(
            message.contains("The address is 201 characters"),
            "{message}"
        );
        let mut broken = anna();
        broken.practice = "two\nlines".into();
        assert!(journal.set_therapist(&broken).is_err());
        let nameless = Therapist {
            practice: "Somewhere".into(),
            ..Therapist::default()
        };
        assert!(journal.set_therapist(&nameless).is_err());
        assert!(journal.therapist_details().is_empty());
    }

    #[test]
    fn the_details_line_names_only_what_was_entered() {
        assert_eq!(
            anna().details_line(),
            "Riverside Massage · 12 Harbour Street, Portland · licence LMT-20417"
        );
        let only_licence = Therapist {
            name: "B".into(),
            licence: "9".into(),
            ..Therapist::default()
        };
        assert_eq!(only_licence.details_line(), "licence 9");
    }

    #[test]
    fn a_merge_keeps_the_details_of_both_sides_by_name() {
        let base = Journal::new();
        let mut mine = base.clone();
        mine.set_therapist(&anna()).unwrap();
        let mut theirs = base.clone();
        let bob = Therapist {
            name: "Bob Lund".into(),
            licence: "77".into(),
            ..Therapist::default()
        };
        theirs.set_therapist(&bob).unwrap();
        let merged = crate::model::merge(&base, &mine, &theirs).journal;
        assert_eq!(merged.therapist_details(), &[anna(), bob.clone()]);
        // Changed on their side only: theirs is taken.
        let mut theirs_later = merged.clone();
        let mut moved = anna();
        moved.address = "3 New Road".into();
        theirs_later.set_therapist(&moved).unwrap();
        let again = crate::model::merge(&merged, &merged, &theirs_later).journal;
        assert_eq!(
            again.therapist_named("Anna Berg").unwrap().address,
            "3 New Road"
        );
    }
}
