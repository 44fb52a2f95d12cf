//! The charts as drawing operations, in black and white: line weights, dashes, dots and
//! letters rather than colour.

use chrono::{Datelike as _, Days, Months, NaiveDate};

use super::Summary;
use super::layout::{Layout, MARGIN};
use super::style::TextStyle;
use crate::analysis::{Bucket, Resolution, date_from_day_number, day_number, decimate};
use crate::model::KindChoice;

/// Room left of a chart for its pain axis.
const AXIS_ROOM: f32 = 26.0;
/// The height of the trend chart.
const TREND_HEIGHT: f32 = 230.0;
/// The height of the strip of sessions under a long trend chart.
const STRIP_HEIGHT: f32 = 22.0;
/// Beyond this many sessions the trend chart's session lines go unlettered.
const LETTERED_SESSIONS: usize = 60;

/// What the letters over the trend chart stand for.
pub(super) const KIND_KEY: &str = "S Swedish · D deep tissue · T trigger point / myofascial · P sports · A shiatsu / acupressure · O other";

/// A letter for each kind, printed on the session markers so the chart reads in black and white.
/// Taken from the kind's choice: its label would be the user's own name for an "other" kind,
/// which may read "Sports".
fn kind_letter(kind: KindChoice) -> &'static str {
    match kind {
        KindChoice::Swedish => "S",
        KindChoice::DeepTissue => "D",
        KindChoice::TriggerPoint => "T",
        KindChoice::Sports => "P",
        KindChoice::Shiatsu => "A",
        KindChoice::Other => "O",
    }
}

/// A chart's area on the page, pain (0–10) upwards and `x_min` to `x_max` across.
struct Frame {
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    x_min: f64,
    x_max: f64,
}

impl Frame {
    /// Draw the area with its pain axis and gridlines under what is already on the page.
    fn new(layout: &mut Layout, height: f32, x_min: f64, x_max: f64) -> Self {
        let top = layout.y + 8.0;
        let left = MARGIN + AXIS_ROOM;
        let frame = Self {
            left,
            top,
            width: chart_width(layout),
            height,
            x_min,
            x_max,
        };
        for value in [0.0, 2.0, 4.0, 6.0, 8.0, 10.0] {
            let y = frame.y(value);
            layout.line(vec![(left, y), (left + frame.width, y)], 0.4, 215, None);
            let label = format!("{value:.0}");
            let w = layout.text_width(TextStyle::PAIN_AXIS, &label);
            layout.text(left - 5.0 - w, y + 3.0, TextStyle::PAIN_AXIS, label);
        }
        layout.rect(left, top, frame.width, height, None, Some(120));
        layout.y = top + height;
        frame
    }

    fn x(&self, x: f64) -> f32 {
        let span = (self.x_max - self.x_min).max(1e-9);
        self.left + ((x - self.x_min) / span) as f32 * self.width
    }

    fn y(&self, value: f64) -> f32 {
        self.top + self.height - (value / 10.0) as f32 * self.height
    }

    fn bottom(&self) -> f32 {
        self.top + self.height
    }

    /// A vertical line across the frame at `x` (page units).
    fn vertical(&self, layout: &mut Layout, x: f32, width: f32, dash: Vec<f32>) {
        layout.line(
            vec![(x, self.top), (x, self.bottom())],
            width,
            60,
            Some(dash),
        );
    }
}

/// The width of a chart's plotting area on this paper.
fn chart_width(layout: &Layout) -> f32 {
    layout.content_width() - AXIS_ROOM
}

/// How finely the trend chart shows the period on this paper: days while a day gets 2 points,
/// else weeks, else months ([`Resolution::for_chart`], as the window does).
pub(super) fn trend_resolution(layout: &Layout, summary: &Summary) -> Resolution {
    Resolution::for_chart(summary.days_in_period, f64::from(chart_width(layout)))
}

/// What the trend chart's sessions look like, for the caption under it.
pub(super) enum TrendKey {
    /// Dashed lines lettered by kind.
    Letters,
    /// Dashed lines, too many to letter.
    Lines,
    /// Bars under the chart, the tallest this many sessions.
    Bars { tallest: usize },
}

/// Pain over the period at `resolution`, with dates under it; leaves room for them. Daily:
/// daily pain (thin grey), its 7-day mean (thick black) and a dashed line for each session,
/// lettered by kind. Weekly or monthly: each one's mean (black) with the middle half of its days
/// (grey band), and the sessions as bars in a strip under the chart.
pub(super) fn trend(layout: &mut Layout, summary: &Summary, resolution: Resolution) -> TrendKey {
    let (x_min, x_max) = (day_number(summary.from) - 0.5, day_number(summary.to) + 0.5);
    let frame = Frame::new(layout, TREND_HEIGHT, x_min, x_max);
    let span = summary.days_in_period;
    let Some(series) = summary.trend.summarised(resolution) else {
        let key = daily_trend(layout, summary, &frame);
        date_axis(layout, &frame, frame.bottom(), span);
        layout.y += 26.0;
        return key;
    };
    means_with_band(layout, &frame, &series.means);
    let strip_top = frame.bottom() + 10.0;
    let tallest = session_strip(layout, &frame, strip_top, &series.sessions, resolution);
    date_axis(layout, &frame, strip_top + STRIP_HEIGHT, span);
    layout.y = strip_top + STRIP_HEIGHT + 26.0;
    TrendKey::Bars { tallest }
}

fn daily_trend(layout: &mut Layout, summary: &Summary, frame: &Frame) -> TrendKey {
    let per_point = (frame.x_max - frame.x_min) / f64::from(frame.width);
    let on_page = |run: &[[f64; 2]]| -> Vec<(f32, f32)> {
        decimate(run, per_point * 1.5)
            .iter()
            .map(|p| (frame.x(p[0]), frame.y(p[1])))
            .collect()
    };
    for run in &summary.trend.daily {
        let points = on_page(run);
        if points.len() == 1 {
            layout.dot(points[0].0, points[0].1, 1.2, 110);
        }
        layout.line(points, 0.6, 120, None);
    }
    if summary.days_in_period <= 120 {
        for p in summary.trend.daily.iter().flatten() {
            layout.dot(frame.x(p[0]), frame.y(p[1]), 1.1, 110);
        }
    }
    for run in &summary.trend.mean {
        layout.line(on_page(run), 1.8, 0, None);
    }
    let letters = summary.trend.sessions.len() <= LETTERED_SESSIONS;
    for (x, kind) in &summary.trend.sessions {
        let px = frame.x(*x);
        frame.vertical(layout, px, 0.6, vec![2.0, 2.0]);
        if letters {
            let letter = kind_letter(kind.choice());
            let w = layout.text_width(TextStyle::KIND_LETTER, letter);
            layout.text(
                px - w / 2.0,
                frame.top - 2.0,
                TextStyle::KIND_LETTER,
                letter,
            );
        }
    }
    if letters && !summary.trend.sessions.is_empty() {
        TrendKey::Letters
    } else {
        TrendKey::Lines
    }
}

/// The day number of the middle of `bucket`.
fn middle(bucket: &Bucket) -> f64 {
    (day_number(bucket.from) + day_number(bucket.to)) / 2.0
}

/// Each bucket's mean as a black line over the grey band of its quartiles; a missing bucket
/// breaks both.
fn means_with_band(layout: &mut Layout, frame: &Frame, means: &[Bucket]) {
    let mut runs: Vec<&[Bucket]> = Vec::new();
    let mut start = 0;
    for index in 1..=means.len() {
        let joined =
            index < means.len() && means[index - 1].to.succ_opt() == Some(means[index].from);
        if !joined {
            runs.push(&means[start..index]);
            start = index;
        }
    }
    for run in runs.iter().filter(|run| !run.is_empty()) {
        if let [only] = run {
            let (x0, x1) = (
                frame.x(day_number(only.from) - 0.5),
                frame.x(day_number(only.to) + 0.5),
            );
            let (top, bottom) = (frame.y(only.high), frame.y(only.low));
            layout.rect(x0, top, (x1 - x0).max(0.8), bottom - top, Some(205), None);
            layout.dot(frame.x(middle(only)), frame.y(only.mean), 1.3, 0);
            continue;
        }
        let mut outline: Vec<(f32, f32)> = run
            .iter()
            .map(|b| (frame.x(middle(b)), frame.y(b.low)))
            .collect();
        outline.extend(
            run.iter()
                .rev()
                .map(|b| (frame.x(middle(b)), frame.y(b.high))),
        );
        layout.area(outline, 205);
        let line = run
            .iter()
            .map(|b| (frame.x(middle(b)), frame.y(b.mean)))
            .collect();
        layout.line(line, 1.4, 0, None);
    }
}

/// A strip under the chart from `top`: a bar for each week or month with sessions, as tall as
/// its count against the tallest, which it returns.
fn session_strip(
    layout: &mut Layout,
    frame: &Frame,
    top: f32,
    sessions: &[(NaiveDate, usize)],
    resolution: Resolution,
) -> usize {
    let tallest = sessions.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let bottom = top + STRIP_HEIGHT;
    layout.line(
        vec![(frame.left, bottom), (frame.left + frame.width, bottom)],
        0.6,
        60,
        None,
    );
    if tallest == 0 {
        return 0;
    }
    let label = tallest.to_string();
    let w = layout.text_width(TextStyle::PAIN_AXIS, &label);
    layout.text(frame.left - 5.0 - w, top + 6.0, TextStyle::PAIN_AXIS, label);
    layout.line(
        vec![(frame.left - 3.0, top), (frame.left, top)],
        0.6,
        60,
        None,
    );
    for &(start, count) in sessions {
        let first = resolution.bucket_start(start);
        let next = match resolution {
            Resolution::Monthly => first.checked_add_months(Months::new(1)),
            Resolution::Weekly => first.checked_add_days(Days::new(7)),
            Resolution::Daily => first.succ_opt(),
        }
        .unwrap_or(first);
        let x0 = frame.x(day_number(start) - 0.5).max(frame.left);
        let x1 = frame
            .x(day_number(next) - 0.5)
            .min(frame.left + frame.width);
        let height = STRIP_HEIGHT * count as f32 / tallest as f32;
        let width = (x1 - x0 - 0.3).max(0.6);
        layout.rect(x0, bottom - height, width, height, Some(100), None);
    }
    tallest
}

/// Tick labels under a chart, from `y`: weeks, months, quarters or years, whichever fit `span`
/// days.
fn date_axis(layout: &mut Layout, frame: &Frame, y: f32, span: usize) {
    let (Some(from), Some(to)) = (
        date_from_day_number(frame.x_min + 0.5),
        date_from_day_number(frame.x_max - 0.5),
    ) else {
        return;
    };
    let month = |date: NaiveDate| date.format("%b %Y").to_string();
    let mut date = from;
    let mut last_end = f32::MIN;
    while date <= to {
        let label = if span <= 45 {
            (date.weekday() == chrono::Weekday::Mon).then(|| date.format("%-d %b").to_string())
        } else if span <= 400 {
            (date.day() == 1).then(|| month(date))
        } else if span <= 1500 {
            (date.day() == 1 && (date.month() - 1).is_multiple_of(3)).then(|| month(date))
        } else {
            (date.day() == 1 && date.month() == 1 && (span <= 4000 || date.year() % 2 == 0))
                .then(|| date.format("%Y").to_string())
        };
        if let Some(label) = label {
            let x = frame.x(day_number(date));
            layout.line(vec![(x, y), (x, y + 3.0)], 0.6, 60, None);
            // A label that would run into the one before it is left out (its tick stays).
            if x + 1.5 >= last_end + 4.0 {
                last_end = x + 1.5 + layout.text_width(TextStyle::DAY_AXIS, &label);
                layout.text(x + 1.5, y + 11.0, TextStyle::DAY_AXIS, label);
            }
        }
        let Some(next) = date.succ_opt() else { break };
        date = next;
    }
}

/// Pain on the days around a session: the mean (black, dotted), the middle half (grey band),
/// the session day (dashed) and the count behind each day; leaves room for the labels.
pub(super) fn aligned(layout: &mut Layout, summary: &Summary) {
    let k = f64::from(summary.window);
    let frame = Frame::new(layout, 190.0, -k - 0.5, k + 0.5);
    let band: Vec<_> = summary
        .aligned
        .iter()
        .filter_map(|p| Some((f64::from(p.offset), p.q1?, p.q3?)))
        .collect();
    if band.len() >= 2 {
        let mut outline: Vec<(f32, f32)> = band
            .iter()
            .map(|(x, low, _)| (frame.x(*x), frame.y(*low)))
            .collect();
        outline.extend(
            band.iter()
                .rev()
                .map(|(x, _, high)| (frame.x(*x), frame.y(*high))),
        );
        layout.area(outline, 215);
    }
    frame.vertical(layout, frame.x(0.0), 0.7, vec![3.0, 2.0]);
    let mean: Vec<(f32, f32)> = summary
        .aligned
        .iter()
        .filter_map(|p| p.mean.map(|m| (frame.x(f64::from(p.offset)), frame.y(m))))
        .collect();
    for &(x, y) in &mean {
        layout.dot(x, y, 2.0, 0);
    }
    layout.line(mean, 1.6, 0, None);
    let y = frame.bottom();
    for point in &summary.aligned {
        let x = frame.x(f64::from(point.offset));
        if summary.window <= 14 || point.offset % 7 == 0 {
            let label = format!("{:+}", point.offset).replace("+0", "0");
            let w = layout.text_width(TextStyle::DAY_AXIS, &label);
            layout.text(x - w / 2.0, y + 10.0, TextStyle::DAY_AXIS, label);
            let n = format!("n={}", point.n);
            let w = layout.text_width(TextStyle::COUNT, &n);
            layout.text(x - w / 2.0, y + 20.0, TextStyle::COUNT, n);
        }
    }
    layout.y += 28.0;
}

#[cfg(test)]
mod tests {
    use super::kind_letter;
    use crate::model::SessionKind;

    #[test]
    fn an_other_kind_is_lettered_o_whatever_its_name() {
        assert_eq!(kind_letter(SessionKind::Sports.choice()), "P");
        assert_eq!(kind_letter(SessionKind::DeepTissue.choice()), "D");
        let named_like_sports = SessionKind::Other("Sports".to_owned());
        assert_eq!(named_like_sports.label(), "Sports");
        assert_eq!(kind_letter(named_like_sports.choice()), "O");
    }
}
