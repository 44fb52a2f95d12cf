//! Since your last session: for the evening before an appointment.

use chrono::{Days, NaiveDate};
use egui::RichText;

use super::analysis_cache::AnalysisCache;
use super::chart::metric_legend;
use super::context::ViewContext;
use super::days_around::DaysAround;
use crate::analysis::{DIARY_NOTE, DayRange, EffectSettings, Effects, since_last_session};
use crate::model::{Journal, Metric, Session};
use crate::report::text;
use crate::report::wording::{self, Group, change};

/// From this width the days since are charted beside the words.
const WIDE: f32 = 1300.0;

/// Draw the view.
pub fn ui(ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
    let (journal, settings, today) = (ctx.journal, ctx.settings, ctx.today());
    // A wide window charts the days since beside the words, with the recent sessions under it.
    let last = journal.sessions().iter().rfind(|s| s.date() <= today);
    let wide = ui.available_width() >= WIDE && last.is_some();
    if let Some(last) = last.filter(|_| wide) {
        egui::Panel::right("since_side")
            .resizable(false)
            .exact_size(ui.available_width() * 0.5)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.add_space(4.0);
                    ui.heading("The days since, on a chart");
                    let from = last
                        .date()
                        .checked_sub_days(Days::new(7))
                        .unwrap_or(last.date());
                    let index = ctx.analysis.index(journal);
                    // Half the window's height, the recent sessions under it.
                    let height = (ui.available_height() * 0.5).clamp(260.0, 520.0);
                    DaysAround {
                        id: "since_chart",
                        range: DayRange::new(from, today.max(from)),
                        day: last.date(),
                        shaded: None,
                    }
                    .ui(ui, journal, index, height);
                    ui.add_space(10.0);
                    recent_sessions_ui(ui, journal, ctx.analysis, settings, today);
                });
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            let index = ctx.analysis.index(journal);
            let Some(since) = since_last_session(journal, index, today) else {
                ui.heading("Since your last session");
                ui.label("No session logged yet. After your first massage session, this page shows how your days have gone since.");
                return;
            };
            let session = &since.session;
            ui.heading("Since your last session");
            let mut who = format!("{}", session.kind);
            if let Some(therapist) = &session.therapist {
                who.push_str(&format!(" with {therapist}"));
            }
            let ago = match since.days_since {
                0 => "today".to_owned(),
                1 => "yesterday".to_owned(),
                n => format!("{n} days ago"),
            };
            ui.label(RichText::new(format!("Your last session was {} ({who}), {ago}.", text::long_date(session.start.date()))).strong());
            ui.add_space(6.0);
            let (_, effects) = ctx.analysis.effects(journal, settings);
            answer_ui(ui, effects, session);
            ui.add_space(6.0);
            ui.label(format!(
                "The days since ({} to {}) against the week before it ({} to {}):",
                text::day_month(since.since.from),
                text::day_month(since.since.to),
                text::day_month(since.week_before.from),
                text::day_month(since.week_before.to),
            ));
            // Every built-in measure, and those own measures logged in either stretch.
            let rows: Vec<Vec<String>> = since
                .since_means
                .iter()
                .filter_map(|(metric, &(after, after_days))| {
                    let (before, before_days) = *since.before_means.get(metric)?;
                    let logged = before_days + after_days > 0;
                    (metric.own_id().is_none() || logged).then_some((metric, before, before_days, after, after_days))
                })
                .map(|(metric, before, before_days, after, after_days)| {
                    vec![
                        metric_legend(metric),
                        mean_text(before, before_days),
                        mean_text(after, after_days),
                        change(text::shown_change(before, after)),
                    ]
                })
                .collect();
            super::table::text_table(
                ui,
                "The days since against the week before",
                &["Measure", "Week before", "Since", "Change"],
                &rows,
            );
            care_since_ui(ui, &since.care);
            ui.add_space(10.0);
            ui.heading("Notes since");
            if since.notes.is_empty() && session.note.is_empty() {
                ui.label(RichText::new("No notes since the session.").weak());
            }
            if !session.note.is_empty() {
                ui.label(format!("At the session: {}", session.note));
            }
            for (date, note) in &since.notes {
                ui.label(format!("{}: {note}", text::day_in_year(*date)));
            }
            if !wide {
                ui.add_space(10.0);
                recent_sessions_ui(ui, journal, ctx.analysis, settings, today);
            }
            ui.add_space(10.0);
            ui.label(RichText::new(DIARY_NOTE).weak());
        });
    });
}

/// Stretches done, medications taken and other care since the session, one line each.
fn care_since_ui(ui: &mut egui::Ui, care: &crate::analysis::other_care::CareInPeriod) {
    if care.is_empty() {
        return;
    }
    ui.add_space(10.0);
    ui.heading("Care since");
    for exercise in &care.exercises {
        ui.label(exercise.describe());
    }
    for medication in &care.medications {
        ui.label(medication.describe());
    }
    for event in &care.events {
        ui.label(format!("{}: {}", text::day_in_year(event.date), event.what));
    }
}

/// Did sessions help? The answer for all sessions, then for the last session's kind and
/// therapist, in the words of the Effects view, with the caveat beside it.
fn answer_ui(ui: &mut egui::Ui, effects: &Effects, session: &Session) {
    ui.heading("Did your sessions help?");
    let metric = Metric::Pain;
    ui.label(
        RichText::new(wording::comparison(
            Group::All,
            metric,
            &effects.compared.all[metric],
        ))
        .strong(),
    );
    let kind = session.kind.choice();
    if let Some(compared) = effects.compared.by_kind.get(&kind) {
        let group = Group::Kind(kind);
        ui.label(wording::comparison(group, metric, &compared[metric]));
    }
    if let Some(name) = &session.therapist
        && let Some(compared) = effects.compared.by_therapist.get(name)
    {
        ui.label(wording::comparison(
            Group::Therapist(name),
            metric,
            &compared[metric],
        ));
    }
    ui.label(RichText::new(wording::REGRESSION_CAVEAT).weak());
}

fn mean_text(mean: Option<f64>, days: usize) -> String {
    match mean {
        Some(mean) => format!("{mean:.1}  ({days} d)"),
        None => "not logged".to_owned(),
    }
}

fn recent_sessions_ui(
    ui: &mut egui::Ui,
    journal: &Journal,
    cache: &mut AnalysisCache,
    settings: EffectSettings,
    today: NaiveDate,
) {
    ui.heading("Sessions in the last 90 days");
    let (_, effects) = cache.effects(journal, settings);
    let from = today.checked_sub_days(Days::new(89)).unwrap_or(today);
    let recent: Vec<_> = effects
        .sessions
        .iter()
        .rev()
        .filter(|e| e.date() >= from && e.date() <= today)
        .collect();
    if recent.is_empty() {
        ui.label(RichText::new("None in the last 90 days.").weak());
        return;
    }
    let rows: Vec<Vec<String>> = recent
        .iter()
        .map(|effect| {
            let pain = &effect.metrics[Metric::Pain];
            vec![
                text::day_in_year(effect.date()),
                effect.kind.label().to_owned(),
                effect.therapist.clone().unwrap_or_else(|| "–".to_owned()),
                match pain.change() {
                    Some(_) => format!(
                        "{} ({})",
                        text::before_after(pain.before.mean, pain.after.mean),
                        change(text::shown_change(pain.before.mean, pain.after.mean))
                    ),
                    None => "not enough data".to_owned(),
                },
                effect.immediate_relief.map_or_else(
                    || "–".to_owned(),
                    |relief| match relief {
                        0 => "pain unchanged".to_owned(),
                        r if r > 0 => format!("pain {r} lower"),
                        r => format!("pain {} higher", -r),
                    },
                ),
            ]
        })
        .collect();
    super::table::text_table(
        ui,
        "Sessions in the last 90 days",
        &[
            "Date",
            "Kind",
            "Therapist",
            "Mean pain before → after",
            "Right after the session",
        ],
        &rows,
    );
    ui.label(
        RichText::new(format!(
            "Days around each session: {} (set in Effects). \"Not enough data\": fewer than {} logged days on a side; a side also stops at the session next to it, so sessions close together leave short sides.",
            settings.window(),
            settings.min_days()
        ))
        .weak(),
    );
}
