//! The analysis of the open journal, computed once per journal revision and setting, so that
//! frames where nothing changed cost nothing.

use crate::analysis::{EffectSettings, Effects, JournalIndex, effects};
use crate::model::Journal;

/// The journal index and the effects for the last revision and setting asked for.
#[derive(Default)]
pub struct AnalysisCache {
    index: Option<(u64, JournalIndex)>,
    effects: Option<(u64, EffectSettings, Effects)>,
}

impl AnalysisCache {
    /// A cache holding the index of `journal` already.
    pub fn indexed(journal: &Journal) -> Self {
        let mut cache = Self::default();
        cache.refresh_index(journal);
        cache
    }

    fn refresh_index(&mut self, journal: &Journal) {
        if self
            .index
            .as_ref()
            .is_none_or(|(revision, _)| *revision != journal.revision())
        {
            self.index = Some((journal.revision(), JournalIndex::new(journal)));
        }
    }

    /// The index of `journal`.
    pub fn index(&mut self, journal: &Journal) -> &JournalIndex {
        self.refresh_index(journal);
        match &self.index {
            Some((_, index)) => index,
            None => unreachable!("refresh_index always sets the index"),
        }
    }

    /// The index and the effects of `journal` with `settings`.
    pub fn effects(
        &mut self,
        journal: &Journal,
        settings: EffectSettings,
    ) -> (&JournalIndex, &Effects) {
        self.refresh_index(journal);
        let stale = self.effects.as_ref().is_none_or(|(revision, cached, _)| {
            *revision != journal.revision() || *cached != settings
        });
        let Some((_, index)) = &self.index else {
            unreachable!("refresh_index always sets the index")
        };
        if stale {
            self.effects = Some((
                journal.revision(),
                settings,
                effects(journal, index, settings),
            ));
        }
        match &self.effects {
            Some((_, _, effects)) => (index, effects),
            None => unreachable!("set just above"),
        }
    }
}
