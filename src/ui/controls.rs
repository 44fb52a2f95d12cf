//! Controls shared by the effects and aligned views: the metric, k and m.

use egui::{DragValue, RichText};

use super::Command;
use super::chart::metric_legend;
use super::context::ViewContext;
use crate::analysis::{DIARY_NOTE, EffectSettings, REGRESSION_NOTE};
use crate::model::Metric;

/// Labels of the controls.
pub mod labels {
    /// k.
    pub const WINDOW: &str = "Days around each session";
    /// m.
    pub const MIN_DAYS: &str = "Logged days needed on each side";
}

/// The metric, the window length k (1–28) and the minimum days m (1–k); a change is a command.
pub fn settings_ui(ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
    ui.horizontal_wrapped(|ui| {
        metric_choice(ui, ctx);
        ui.add_space(12.0);
        other_care_switch(ui, ctx);
    });
    let settings = ctx.settings;
    ui.horizontal_wrapped(|ui| {
        let mut window = settings.window();
        let mut min_days = settings.min_days();
        let label = ui.label(labels::WINDOW);
        ui.add(
            DragValue::new(&mut window)
                .range(1..=EffectSettings::MAX_WINDOW)
                .suffix(" days"),
        )
        .labelled_by(label.id)
        .on_hover_text(
            "Each session is compared over this many days before it and as many after it (1–28)",
        );
        ui.label(RichText::new(format!("1 to {}", EffectSettings::MAX_WINDOW)).weak());
        ui.add_space(12.0);
        let label = ui.label(labels::MIN_DAYS);
        ui.add(
            DragValue::new(&mut min_days)
                .range(1..=window)
                .suffix(" days"),
        )
        .labelled_by(label.id)
        .on_hover_text(
            "A session with fewer days logged before it, or after it, shows \"not enough data\"",
        );
        ui.label(RichText::new(format!("1 to {window}")).weak());
        let min_days = min_days.min(window);
        if let Ok(changed) = EffectSettings::new(i64::from(window), i64::from(min_days))
            .map(|changed| changed.leaving_out_other_care(settings.leave_out_other_care()))
            && changed != settings
        {
            ctx.push(Command::SetSettings(changed));
        }
    });
}

/// The list box of the metric the analysis views show (the journal's own measures among them);
/// a change is a command.
pub fn metric_choice(ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
    let label = ui.strong("Metric:");
    let mut chosen = ctx.metric;
    let choices = Metric::all_in(ctx.journal);
    // Tall enough for every metric, own measures too, without a scroll bar to find them.
    let row = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ComboBox::from_id_salt("metric_choice")
        .selected_text(metric_legend(chosen))
        .width(260.0)
        .height(row * (choices.len() as f32 + 1.0))
        .show_ui(ui, |ui| {
            for choice in choices {
                let retired = choice
                    .own_id()
                    .and_then(|id| ctx.journal.measure(id))
                    .is_some_and(|measure| measure.retired);
                let mut name = metric_legend(choice);
                if retired {
                    name.push_str(" (retired)");
                }
                ui.selectable_value(&mut chosen, choice, name);
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != ctx.metric {
        ctx.push(Command::SetMetric(chosen));
    }
}

/// The switch that leaves out sessions with other care near them, shown when there are any.
fn other_care_switch(ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
    let settings = ctx.settings;
    let journal = ctx.journal;
    let near = ctx
        .analysis
        .effects(journal, settings)
        .1
        .sessions
        .iter()
        .filter(|effect| !effect.other_care.is_empty())
        .count();
    if near > 0 || settings.leave_out_other_care() {
        let mut leave_out = settings.leave_out_other_care();
        let sessions = if near == 1 { "session" } else { "sessions" };
        if ui
            .checkbox(
                &mut leave_out,
                format!(
                    "{} Leave out the {near} {sessions} near other care",
                    crate::ui::widgets::OTHER_CARE_MARK
                ),
            )
            .on_hover_text(
                "A care visit (physiotherapy, chiropractic, a doctor) or a regular medication \
                 started or stopped in the days before or after a session changes those days \
                 too. Left out, such sessions (and such ordinary weeks) count in no summary and \
                 no comparison; they stay listed, marked.",
            )
            .changed()
        {
            ctx.push(Command::SetSettings(
                settings.leaving_out_other_care(leave_out),
            ));
        }
    }
}

/// The two sentences said next to every effect.
pub fn honesty_ui(ui: &mut egui::Ui) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(REGRESSION_NOTE));
        ui.label(RichText::new(DIARY_NOTE).weak());
    });
}
