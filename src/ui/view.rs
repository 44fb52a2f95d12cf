//! The views, one per tab.

use serde::{Deserialize, Serialize};

/// The views, one per tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// Log or edit a day.
    #[default]
    Day,
    /// Log, edit and delete massage sessions.
    Sessions,
    /// The metrics over time, with sessions marked.
    Trends,
    /// Before and after each session.
    Effects,
    /// Every session at day 0.
    Aligned,
    /// What happened since the last session.
    SinceLast,
    /// A summary for the therapist; exports and imports.
    Report,
    /// The year at a glance: a calendar of one metric, with month and year summaries.
    Year,
    /// What goes with worse or better days.
    Patterns,
}

impl View {
    /// Every view, in the order of the tabs.
    pub const ALL: [Self; 9] = [
        Self::Day,
        Self::Sessions,
        Self::Trends,
        Self::Effects,
        Self::Aligned,
        Self::SinceLast,
        Self::Report,
        Self::Year,
        Self::Patterns,
    ];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Day => "Day",
            Self::Sessions => "Sessions",
            Self::Trends => "Trends",
            Self::Effects => "Effects",
            Self::Aligned => "Aligned",
            Self::SinceLast => "Since last session",
            Self::Report => "Report",
            Self::Year => "Year",
            Self::Patterns => "Patterns",
        }
    }

    /// Ctrl (⌘ on a Mac) and the tab's number.
    pub fn shortcut(self) -> egui::KeyboardShortcut {
        let key = match self {
            Self::Day => egui::Key::Num1,
            Self::Sessions => egui::Key::Num2,
            Self::Trends => egui::Key::Num3,
            Self::Effects => egui::Key::Num4,
            Self::Aligned => egui::Key::Num5,
            Self::SinceLast => egui::Key::Num6,
            Self::Report => egui::Key::Num7,
            Self::Year => egui::Key::Num8,
            Self::Patterns => egui::Key::Num9,
        };
        egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key)
    }
}
