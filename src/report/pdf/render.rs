//! The laid-out pages drawn with krilla: vector text in the embedded, subset fonts and vector
//! paths, with the document's metadata, tagged for people who cannot see the pages and checked
//! by krilla as PDF/UA-1 (accessible) and PDF/A-2a (archival).

use chrono::{Datelike as _, NaiveDateTime, Timelike as _};
use krilla::color::rgb;
use krilla::configure::{
    Accessibility, Archival, Configuration, ConfigurationBuilder, ValidationError,
};
use krilla::error::KrillaError;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};

use super::layout::{Layout, Op};
use super::tagging::Tagger;
use super::{BOLD, PdfError, REGULAR};

/// The pages of `layout` as a PDF titled `title`, made at `made`, tagged, and validated by
/// krilla as PDF/UA-1 and PDF/A-2a. Both forbid text the fonts have no glyph for (a note in a script DejaVu Sans
/// lacks, an emoji): such a report is made all the same, tagged as well, without claiming
/// either standard.
pub(super) fn render(
    layout: &Layout,
    title: &str,
    made: NaiveDateTime,
) -> Result<Vec<u8>, PdfError> {
    let regular = Font::new(REGULAR.into(), 0)
        .ok_or_else(|| PdfError("the bundled font cannot be read".into()))?;
    let bold = Font::new(BOLD.into(), 0)
        .ok_or_else(|| PdfError("the bundled bold font cannot be read".into()))?;
    let page = PageSettings::from_wh(layout.width, layout.height)
        .ok_or_else(|| PdfError("bad page size".into()))?;
    // PDF/UA-1 makes krilla insist on tags, a title shown as the window's title, a language, an
    // outline, headings with titles and figures with alternative text; PDF/A-2a on embedded
    // fonts, colours tied to a profile and text that maps to Unicode.
    let validated = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .with_archival_validator(Archival::A2_A)
        .finish()
        .map_err(|error| PdfError(format!("{error:?}")))?;
    let render_as = |configuration| {
        let mut document = Document::new_with(SerializeSettings {
            configuration,
            enable_tagging: true,
            ..SerializeSettings::default()
        });
        document.set_metadata(metadata(title, made));
        draw_pages(&mut document, layout, &page, (&regular, &bold));
        document.finish()
    };
    match render_as(validated) {
        Err(KrillaError::Validation(errors))
            if errors.iter().all(|(error, _)| missing_glyph(error)) =>
        {
            render_as(Configuration::default())
        }
        done => done,
    }
    .map_err(|error| PdfError(format!("{error:?}")))
}

/// Whether `error` is text that the fonts cannot show as it is.
fn missing_glyph(error: &ValidationError) -> bool {
    matches!(
        error,
        ValidationError::ContainsNotDefGlyph(..)
            | ValidationError::NoCodepointMapping(..)
            | ValidationError::InvalidCodepointMapping(..)
            | ValidationError::UnicodePrivateArea(..)
    )
}

/// The document's title, language, maker and date.
fn metadata(title: &str, made: NaiveDateTime) -> Metadata {
    Metadata::new()
        .title(title.to_owned())
        .language("en".to_owned())
        .creator("painlog".to_owned())
        .producer("painlog".to_owned())
        .creation_date(date_time(made))
}

/// Draw the pages of `layout` in `document` with the `(regular, bold)` fonts, tagged, with an
/// outline of the headings.
fn draw_pages(
    document: &mut Document,
    layout: &Layout,
    settings: &PageSettings,
    (regular, bold): (&Font, &Font),
) {
    let mut tagger = Tagger::default();
    for ops in &layout.pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            tagger.op(&mut surface, op);
            draw(&mut surface, op, regular, bold);
        }
        tagger.end_page(&mut surface);
        surface.finish();
        page.finish();
    }
    let (tree, outline) = tagger.finish();
    document.set_tag_tree(tree);
    document.set_outline(outline);
}

/// `made` as the PDF's metadata writes it.
fn date_time(made: NaiveDateTime) -> DateTime {
    DateTime::new(u16::try_from(made.year()).unwrap_or(2000))
        .month(u8::try_from(made.month()).unwrap_or(1))
        .day(u8::try_from(made.day()).unwrap_or(1))
        .hour(u8::try_from(made.hour()).unwrap_or(0))
        .minute(u8::try_from(made.minute()).unwrap_or(0))
        .second(u8::try_from(made.second()).unwrap_or(0))
}

fn gray(value: u8) -> rgb::Color {
    rgb::Color::new(value, value, value)
}

fn solid(value: u8) -> Fill {
    Fill {
        paint: gray(value).into(),
        ..Fill::default()
    }
}

fn circle(builder: &mut PathBuilder, x: f32, y: f32, r: f32) {
    // Four cubic arcs; 0.5523 places the control points for a close circle.
    let k = 0.552_284_8 * r;
    builder.move_to(x + r, y);
    builder.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    builder.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    builder.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    builder.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    builder.close();
}

/// Draw one operation on a page.
fn draw(surface: &mut krilla::surface::Surface<'_>, op: &Op, regular: &Font, bold: &Font) {
    match op {
        Op::Text { x, y, style, text } => {
            surface.set_stroke(None);
            surface.set_fill(Some(solid(style.gray)));
            let font = if style.bold {
                bold.clone()
            } else {
                regular.clone()
            };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font,
                style.size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Path {
            points,
            closed,
            stroke,
            fill,
        } => {
            let mut builder = PathBuilder::new();
            for (i, (x, y)) in points.iter().enumerate() {
                if i == 0 {
                    builder.move_to(*x, *y);
                } else {
                    builder.line_to(*x, *y);
                }
            }
            if *closed {
                builder.close();
            }
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_fill(fill.map(solid));
            surface.set_stroke(stroke.as_ref().map(|(width, g, dash)| Stroke {
                paint: gray(*g).into(),
                width: *width,
                dash: dash.as_ref().map(|array| StrokeDash {
                    array: array.clone(),
                    offset: 0.0,
                }),
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
        Op::Circle { x, y, radius, fill } => {
            let mut builder = PathBuilder::new();
            circle(&mut builder, *x, *y, *radius);
            let Some(path) = builder.finish() else {
                return;
            };
            surface.set_stroke(None);
            surface.set_fill(Some(solid(*fill)));
            surface.draw_path(&path);
        }
        Op::Begin(_) | Op::End => {}
    }
}
