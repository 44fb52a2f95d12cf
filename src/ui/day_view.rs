//! Log or edit one day: today by default, any past day from the list or the date field.

use chrono::{Datelike as _, Days, NaiveDate};
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

use super::Command;
use super::body_map::{Mode, body_map_ui};
use super::context::{AppEvent, ViewContext};
use super::day_care::{AddForms, add_forms_ui, exercises_ui, measures_ui, medications_ui};
use super::day_form::{DayForm, note_problem, score_reason};
use super::days_around::DaysAround;
use super::list_table::{Cell, ListTable, Row};
use super::widgets::{error_text, field_label, reason_line, score_input};
use crate::analysis::DayRange;
use crate::model::{Day, FIRST_YEAR, Journal, Metric, Score, Session, check_not_future};
use crate::report::text;

/// The widest the day's form grows.
const FORM_WIDTH: f32 = 720.0;

/// From this width of the form the body map is beside the scores.
const SIDE_BY_SIDE: f32 = 700.0;

/// The width the body map takes beside the scores.
const MAP_WIDTH: f32 = 280.0;

/// From this width (beside the list of days) the weeks around the day are charted too.
const WIDE: f32 = 1250.0;

const PREVIOUS_DAY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft);
const NEXT_DAY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight);
const TODAY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::Home);

/// Labels a person (and the tests) find the controls by.
pub mod labels {
    /// The date field.
    pub const DATE: &str = "Date";
    /// The note field.
    pub const NOTE: &str = "Note";
    /// The button that deletes the day's entry.
    pub const DELETE: &str = "Delete this day's entry";
    /// The body map's name.
    pub const WHERE: &str = "Where it hurt";
}

/// The day view's state.
pub struct DayView {
    date: NaiveDate,
    date_text: String,
    date_error: Option<String>,
    form: DayForm,
    focus_first_field: bool,
    /// The forms that add to the journal's lists.
    adding: AddForms,
    /// *Your lists*: renaming a measure as it is typed.
    lists_form: super::day_lists::ListsForm,
    /// The form that adds a care visit on the day shown.
    visit_form: super::day_visits::VisitForm,
}

impl DayView {
    /// The view on `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            date: today,
            date_text: today.to_string(),
            date_error: None,
            form: DayForm::from_day(Day::empty(today)),
            focus_first_field: true,
            adding: AddForms::default(),
            visit_form: super::day_visits::VisitForm::default(),
            lists_form: super::day_lists::ListsForm::default(),
        }
    }

    /// Show the day before (-1) or after (+1), never past today or the earliest date.
    fn step(&mut self, direction: i8, today: NaiveDate) {
        let next = if direction < 0 {
            self.date.checked_sub_days(Days::new(1))
        } else {
            self.date.checked_add_days(Days::new(1))
        };
        if let Some(date) = next.filter(|date| *date <= today && date.year() >= FIRST_YEAR) {
            self.open(date);
        }
    }

    /// Show another date.
    pub fn open(&mut self, date: NaiveDate) {
        self.date = date;
        self.date_text = date.to_string();
        self.date_error = None;
        self.focus_first_field = true;
    }

    /// Follow what the app did: show the day whose deletion was undone; start afresh on
    /// another journal.
    pub fn follow(&mut self, event: &AppEvent, today: NaiveDate) {
        match event {
            AppEvent::ShowDay(date) => self.open(*date),
            AppEvent::JournalReplaced => *self = Self::new(today),
            AppEvent::SessionAdded(_) | AppEvent::SessionDeleted(_) | AppEvent::ShowSession(_) => {}
        }
    }

    /// Draw the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let (journal, today) = (ctx.journal, ctx.today());
        self.shortcuts(ui, today);
        super::widgets::keyboard_divider(ui, "days_list");
        egui::Panel::left("days_list")
            .resizable(true)
            .default_size((ui.available_width() * 0.28).clamp(160.0, 340.0))
            .size_range(150.0..=(ui.available_width() * 0.35).clamp(150.0, 420.0))
            .show(ui, |ui| self.list_ui(ui, journal, today));

        let stored = journal
            .day(self.date)
            .cloned()
            .unwrap_or_else(|| Day::empty(self.date));
        // A whitespace-only note leaves a day as empty as no day at all: the same record.
        let same = stored == self.form.shown
            || (stored.is_empty()
                && self.form.shown.is_empty()
                && stored.date == self.form.shown.date);
        if !same {
            self.form = DayForm::from_day(stored);
        }
        // A wide window shows the weeks around the day beside the form.
        if ui.available_width() >= WIDE && !journal.is_empty() {
            let index = ctx.analysis.index(journal);
            egui::Panel::right("day_around")
                .resizable(false)
                .exact_size(ui.available_width() - FORM_WIDTH - 24.0)
                .show(ui, |ui| {
                    let from = self
                        .date
                        .checked_sub_days(Days::new(20))
                        .unwrap_or(self.date);
                    let to = self
                        .date
                        .checked_add_days(Days::new(7))
                        .unwrap_or(self.date)
                        .min(today);
                    ui.add_space(4.0);
                    ui.heading(format!("The weeks around {}", text::day_in_year(self.date)));
                    // As tall as the window allows, leaving room for the key and the words.
                    let height = (ui.available_height() - 150.0).clamp(300.0, 640.0);
                    DaysAround {
                        id: "day_around_chart",
                        range: DayRange::new(from, to),
                        day: self.date,
                        shaded: None,
                    }
                    .ui(ui, journal, index, height);
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width().min(FORM_WIDTH));
                    self.header_ui(ui, journal, today);
                    ui.add_space(8.0);
                    if journal.is_empty() {
                        welcome(ui);
                    }
                    ui.add_enabled_ui(ctx.editable, |ui| self.form_ui(ui, ctx));
                });
        });
    }

    fn shortcuts(&mut self, ui: &egui::Ui, today: NaiveDate) {
        let (previous, next, to_today) = ui.input_mut(|input| {
            (
                input.consume_shortcut(&PREVIOUS_DAY),
                input.consume_shortcut(&NEXT_DAY),
                input.consume_shortcut(&TODAY),
            )
        });
        if previous {
            self.step(-1, today);
        } else if next {
            self.step(1, today);
        } else if to_today {
            self.open(today);
        }
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, journal: &Journal, today: NaiveDate) {
        ui.add_space(4.0);
        ui.strong(format!("Logged days ({})", journal.day_count()));
        ui.add_space(4.0);
        // Today first while it is not logged, so that a click (or Home) opens it.
        let extra = usize::from(journal.day(today).is_none());
        let days: Vec<&Day> = journal.days().rev().collect();
        let table = ListTable {
            id_salt: "days_list",
            name: "Logged days, newest first",
            headers: &["Date", "Pain", "Sleep", "Note", "Sessions that day"],
            rows: days.len() + extra,
            lines: 1,
            columns: None,
        };
        let date_of = |index: usize| {
            if index < extra {
                today
            } else {
                days[index - extra].date
            }
        };
        let clicked = table.show(ui, |index| {
            let date = date_of(index);
            let row = match index.checked_sub(extra) {
                Some(index) => day_row(days[index], journal.sessions_on(date)),
                None => today_row(today),
            };
            Row {
                selected: self.date == date,
                ..row
            }
        });
        if let Some(index) = clicked {
            self.open(date_of(index));
        }
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, journal: &Journal, today: NaiveDate) {
        let mut heading = text::long_date(self.date);
        if self.date == today {
            heading.push_str(" — today");
        }
        ui.heading(heading);
        if journal.day(self.date).is_none() {
            ui.label(RichText::new("Not logged yet.").weak());
        }
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            let label = field_label(ui, labels::DATE, Some("YYYY-MM-DD"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.date_text).desired_width(100.0))
                .labelled_by(label.id)
                .on_hover_text("Type a date and press Enter or Tab to open it");
            if field.lost_focus() {
                self.commit_date_text(today);
            }
            // In the Tab order after the date (Alt+arrows and Alt+Home do the same from anywhere).
            let step = |ui: &mut egui::Ui, text: &str, hint: &str, enabled: bool| {
                let button = egui::Button::new(text);
                ui.add_enabled(enabled, button)
                    .on_hover_text(hint)
                    .clicked()
            };
            if step(ui, "◀ Previous day", "Alt+←", true) {
                self.step(-1, today);
            }
            if step(ui, "Today", "Alt+Home", self.date != today) {
                self.open(today);
            }
            if step(ui, "Next day ▶", "Alt+→", self.date < today) {
                self.step(1, today);
            }
        });
        if let Some(error) = &self.date_error {
            error_text(ui, error);
        }
    }

    fn commit_date_text(&mut self, today: NaiveDate) {
        if self.date_text.trim() == self.date.to_string() {
            self.date_error = None;
            return;
        }
        match super::widgets::read_date_field(&self.date_text, today) {
            Err(error) => self.date_error = Some(error),
            Ok(date) => match check_not_future(date, today) {
                Ok(date) => {
                    self.open(date);
                    self.focus_first_field = false;
                }
                Err(error) => self.date_error = Some(format!("{error}.")),
            },
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewContext<'_>) {
        let journal = ctx.journal;
        // The body map beside the scores where there is room, under them in a narrow window.
        if ui.available_width() >= SIDE_BY_SIDE {
            ui.horizontal_top(|ui| {
                let width = ui.available_width() - MAP_WIDTH - 16.0;
                let layout = egui::Layout::top_down(egui::Align::Min);
                ui.allocate_ui_with_layout(egui::vec2(width, 0.0), layout, |ui| {
                    ui.set_max_width(width);
                    self.scores_ui(ui, journal);
                });
                ui.add_space(8.0);
                ui.vertical(|ui| {
                    ui.set_max_width(MAP_WIDTH);
                    self.map_ui(ui);
                });
            });
        } else {
            self.scores_ui(ui, journal);
            ui.add_space(4.0);
            self.map_ui(ui);
        }
        ui.add_space(6.0);
        medications_ui(ui, &mut self.form, journal, self.date);
        ui.add_space(6.0);
        exercises_ui(ui, &mut self.form, journal);
        ui.add_space(6.0);
        super::day_visits::visits_ui(ui, &mut self.visit_form, ctx, self.date);

        ui.add_space(10.0);
        let label = field_label(ui, labels::NOTE, Some("anything worth remembering"));
        let note = ui
            .add(
                egui::TextEdit::multiline(&mut self.form.note)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        let problem = note_problem(&self.form.note);
        self.form
            .note_origin
            .settle(&self.form.note, note.has_focus(), problem.is_none());
        reason_line(ui, problem.as_deref());

        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            let logged = journal.day(self.date).is_some();
            if ui.add_enabled(logged, egui::Button::new(labels::DELETE)).clicked() {
                ctx.push(Command::DeleteDay(self.date));
            }
            // Disabled while another painlog writes the journal (see the banner above).
            let hint = if ui.is_enabled() {
                "Changes are saved as you type. An empty field means \"not logged\", which is not the same as 0."
            } else {
                "Read only: this window cannot change the journal while another painlog has it open."
            };
            ui.label(RichText::new(hint).weak());
        });
        // Not about this day: after it.
        ui.add_space(6.0);
        ui.separator();
        if let Some(item) = add_forms_ui(ui, &mut self.adding, journal) {
            ctx.push(Command::AddCareItem(item));
        }
        if let Some(change) =
            super::day_lists::lists_ui(ui, &mut self.lists_form, journal, self.date)
        {
            ctx.push(change);
        }

        // A field that turned invalid (or valid) with this frame's keys changes the day too.
        let day = self.form.to_day();
        if day != self.form.shown {
            self.form.shown = day.clone();
            ctx.push(Command::SetDay(day));
        }
        let date = text::date(self.date);
        for reason in self.form.refused(journal) {
            ctx.push(Command::InputRefused(format!("{date}, {reason}")));
        }
    }

    /// The built-in scores and the person's own measures.
    fn scores_ui(&mut self, ui: &mut egui::Ui, journal: &Journal) {
        for (index, metric) in Metric::ALL.into_iter().enumerate() {
            let label = field_label(ui, metric.name(), Some(metric.scale()));
            let input = score_input(
                ui,
                ("day_score", metric.key()),
                metric.name(),
                &label,
                &mut self.form.scores[index],
                metric.higher_is_better(),
            );
            if index == 0 && std::mem::take(&mut self.focus_first_field) {
                input.field.request_focus();
            }
            let reason = score_reason(metric.name(), &self.form.scores[index]);
            self.form.score_origins[index].settle(
                &self.form.scores[index],
                input.field.has_focus(),
                reason.is_none(),
            );
            reason_line(ui, reason.as_deref());
        }
        let day = self.form.to_day();
        if let (Some(pain), Some(worst)) = (day.pain, day.worst_pain)
            && worst < pain
        {
            ui.label(RichText::new("Worst pain is usually at least the average pain.").weak());
        }

        measures_ui(ui, &mut self.form, journal);
    }

    /// Where it hurt, on the body map.
    fn map_ui(&mut self, ui: &mut egui::Ui) {
        field_label(ui, labels::WHERE, Some("click a place, then how much"));
        body_map_ui(
            ui,
            "day_body_map",
            labels::WHERE,
            &mut self.form.regions,
            Mode::Hurt,
        );
    }
}

fn welcome(ui: &mut egui::Ui) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new("Welcome to painlog.").strong());
        ui.label(
            "Start by logging today: type your pain from 0 to 10 below (Tab moves to the next field). \
             Everything is saved as you go. Record massage sessions under Sessions.",
        );
    });
    ui.add_space(6.0);
}

/// A logged day as a row of the list: the date, pain, sleep, whether it has a note, and its
/// sessions.
fn day_row(day: &Day, sessions: &[Session]) -> Row {
    let score = |name: &str, score: Option<Score>| match score {
        Some(score) => Cell::new(0, format!("{name} {score}"), score.to_string()),
        None => Cell::new(0, "", "not logged"),
    };
    let sessions = match sessions.len() {
        0 => Cell::new(0, "", "none"),
        1 => Cell::new(0, "session", "1 session"),
        n => Cell::new(0, format!("{n} sessions"), format!("{n} sessions")),
    };
    let note = if day.note.is_empty() {
        Cell::new(0, "", "no note")
    } else {
        Cell::new(0, "note", "a note")
    };
    let date = text::date(day.date);
    Row {
        cells: vec![
            Cell::new(0, date.clone(), date),
            score("pain", day.pain),
            score("sleep", day.sleep),
            note,
            sessions,
        ],
        selected: false,
    }
}

/// Today, not logged yet, as the first row of the list.
fn today_row(today: NaiveDate) -> Row {
    let date = text::date(today);
    Row {
        cells: vec![
            Cell::new(0, date.clone(), date),
            Cell::new(0, "today, not logged yet", "not logged yet"),
            Cell::new(0, "", "not logged yet"),
            Cell::new(0, "", "no note"),
            Cell::new(0, "", "none"),
        ],
        selected: false,
    }
}
