//! How each kind of text on a page looks: one value per kind instead of sizes and flags at
//! every call.

/// Size of body text, in points.
const BODY_SIZE: f32 = 10.0;
/// Size of small print (explanations, axes, table headers), in points.
const SMALL_SIZE: f32 = 8.0;

/// Size, weight, grey and indent of a piece of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct TextStyle {
    /// In points.
    pub size: f32,
    /// Bold, else regular.
    pub bold: bool,
    /// 0 black … 255 white.
    pub gray: u8,
    /// From the left margin, for paragraphs (text placed at a point ignores it).
    pub indent: f32,
}

impl TextStyle {
    const fn new(size: f32, bold: bool, gray: u8) -> Self {
        Self {
            size,
            bold,
            gray,
            indent: 0.0,
        }
    }

    /// A share written on a light place of the body map.
    pub const HEAT: Self = Self::new(SMALL_SIZE * 0.85, true, 0);
    /// A share written on a dark place of the body map.
    pub const HEAT_ON_DARK: Self = Self::new(SMALL_SIZE * 0.85, true, 255);

    /// The report's title.
    pub const TITLE: Self = Self::new(19.0, true, 0);
    /// The title where a long name leaves page one too little room.
    pub const SMALL_TITLE: Self = Self::new(13.0, true, 0);
    /// The period under the title.
    pub const SUBTITLE: Self = Self::new(12.0, false, 40);
    /// A section's heading.
    pub const HEADING: Self = Self::new(13.0, true, 0);
    /// Running text.
    pub const BODY: Self = Self::new(BODY_SIZE, false, 0);
    /// How to read a chart or a table.
    pub const EXPLANATION: Self = Self::new(SMALL_SIZE, false, 70);
    /// A line under a chart: the key, the axis.
    pub const CAPTION: Self = Self::new(SMALL_SIZE, false, 60);
    /// Said in passing: who reported it, the previous period.
    pub const FINE_PRINT: Self = Self::new(SMALL_SIZE, false, 90);
    /// The date over a note.
    pub const NOTE_DATE: Self = Self::new(BODY_SIZE * 0.9, true, 0);
    /// A note, set in under its date.
    pub const NOTE: Self = Self {
        indent: 10.0,
        ..Self::new(BODY_SIZE, false, 20)
    };
    /// What a key figure is.
    pub const FIGURE_LABEL: Self = Self::new(SMALL_SIZE, false, 80);
    /// A key figure.
    pub const FIGURE: Self = Self::new(14.0, true, 0);
    /// A column's title.
    pub const TABLE_HEADER: Self = Self::new(SMALL_SIZE, true, 0);
    /// A table cell.
    pub const TABLE_CELL: Self = Self::new(BODY_SIZE * 0.9, false, 0);
    /// A value on a chart's pain axis.
    pub const PAIN_AXIS: Self = Self::new(SMALL_SIZE, false, 60);
    /// A label on a chart's day axis.
    pub const DAY_AXIS: Self = Self::new(SMALL_SIZE, false, 40);
    /// How many values stand behind a point ("n=12").
    pub const COUNT: Self = Self::new(SMALL_SIZE * 0.85, false, 90);
    /// A session's letter over the trend chart.
    pub const KIND_LETTER: Self = Self::new(SMALL_SIZE, true, 0);
    /// The answer for all sessions.
    pub const ANSWER: Self = Self::new(BODY_SIZE * 1.05, true, 0);
    /// The answer for a kind or a therapist, set in under it.
    pub const ANSWER_GROUP: Self = Self {
        indent: 10.0,
        ..Self::new(BODY_SIZE * 0.95, false, 0)
    };
    /// The patient's message where it is too long for body text.
    pub const MESSAGE_SMALL: Self = Self::new(SMALL_SIZE, false, 0);
    /// A row's name on the forest plot.
    pub const FOREST_LABEL: Self = Self::new(BODY_SIZE * 0.9, false, 0);
    /// The row for all sessions.
    pub const FOREST_LABEL_ALL: Self = Self::new(BODY_SIZE * 0.9, true, 0);
    /// What a forest row is and how many sessions stand behind it.
    pub const FOREST_DETAIL: Self = Self::new(SMALL_SIZE * 0.9, false, 80);
    /// A forest row's difference and interval.
    pub const FOREST_VALUE: Self = Self::new(SMALL_SIZE, false, 0);
    /// A forest row's verdict.
    pub const FOREST_VERDICT: Self = Self::new(SMALL_SIZE, true, 0);
    /// A month's sessions in the month-by-month summary.
    pub const MONTH_COUNT: Self = Self::new(SMALL_SIZE, true, 0);
    /// A month's mean change.
    pub const MONTH_CHANGE: Self = Self::new(SMALL_SIZE * 0.9, false, 40);
    /// The line at the foot of every page.
    pub const FOOTER: Self = Self::new(SMALL_SIZE * 0.9, false, 90);

    /// The height of a line of this text.
    pub fn leading(self) -> f32 {
        self.size * 1.35
    }
}
