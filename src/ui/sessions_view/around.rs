//! Beside the session form in a wide window: the days around the session open (its windows
//! shaded, the change in words), or, for a new session, what the journal says so far about the
//! kind and therapist chosen.

use chrono::Days;
use egui::RichText;

use super::form::SessionForm;
use crate::analysis::{DayRange, Effects, JournalIndex};
use crate::model::{Journal, Metric};
use crate::report::text;
use crate::report::wording::{self, Group};
use crate::ui::days_around::DaysAround;

/// Draw what goes beside `form`.
pub(super) fn around_ui(
    ui: &mut egui::Ui,
    form: &SessionForm,
    journal: &Journal,
    (index, effects): (&JournalIndex, &Effects),
) {
    ui.add_space(4.0);
    let metric = Metric::Pain;
    let kind = form.kind;
    let effect = form
        .editing
        .and_then(|id| effects.sessions.iter().find(|e| e.session_id == id));
    match effect {
        Some(effect) => {
            ui.heading(format!(
                "Around this session ({})",
                text::date(effect.date())
            ));
            let k = u64::from(effects.settings.window());
            let from = effect
                .date()
                .checked_sub_days(Days::new(k + 3))
                .unwrap_or(effect.date());
            let to = effect
                .date()
                .checked_add_days(Days::new(k + 3))
                .unwrap_or(effect.date());
            DaysAround {
                id: "session_around_chart",
                range: DayRange::new(from, to),
                day: effect.date(),
                shaded: Some(effect),
            }
            .ui(ui, journal, index, 260.0);
            let pain = &effect.metrics[metric];
            let said = match (pain.before.mean, pain.after.mean) {
                (Some(before), Some(after)) => format!(
                    "Pain {before:.1} over the {} logged days before, {after:.1} over the {} after: {}.",
                    pain.before.days,
                    pain.after.days,
                    wording::change(pain.change())
                ),
                _ => format!(
                    "Not enough logged days around it to compare ({} before, {} after; {} needed each side).",
                    pain.before.days,
                    pain.after.days,
                    effects.settings.min_days()
                ),
            };
            ui.label(RichText::new(said).strong());
            if let Some(relief) = effect.immediate_relief {
                ui.label(match relief {
                    0 => "Right after the session: pain unchanged.".to_owned(),
                    r if r > 0 => format!("Right after the session: pain {r} lower."),
                    r => format!("Right after the session: pain {} higher.", -r),
                });
            }
        }
        None => {
            ui.heading("So far");
        }
    }
    ui.add_space(6.0);
    // What the journal says about this kind and therapist, as in Effects.
    if let Some(compared) = effects.compared.by_kind.get(&kind) {
        let group = Group::Kind(kind);
        ui.label(wording::comparison(group, metric, &compared[metric]));
    } else {
        ui.label(format!(
            "No {} sessions logged yet.",
            wording::kind_in_sentence(kind)
        ));
    }
    let therapist = form.therapist.trim();
    if !therapist.is_empty()
        && let Some(compared) = effects.compared.by_therapist.get(therapist)
    {
        ui.label(wording::comparison(
            Group::Therapist(therapist),
            metric,
            &compared[metric],
        ));
    }
    ui.label(RichText::new(wording::REGRESSION_CAVEAT).weak());
}
