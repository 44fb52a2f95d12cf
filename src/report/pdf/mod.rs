//! The report as a PDF: vector text with embedded, subset fonts (DejaVu Sans) and vector charts
//! that read in black and white (line weights, dashes, markers and letters, not colour alone).
//!
//! Laid out in two passes, so that every footer can say "page N of M": `pages` puts page one
//! (`first_page`) and the sections on pages of drawing operations (`layout` measures text, breaks
//! lines and pages and sets tables; `charts` and `summing_up` draw; `style` names each kind of
//! text), then `render` draws them with krilla. The operations also say what is a heading, a
//! paragraph, a table's cell, a chart (with its text alternative) or page furniture, and
//! `tagging` turns that into the PDF's structure: a tagged PDF/UA-1 and PDF/A-2a document, read
//! by screen readers in the order of the page.

mod body;
mod calendar;
mod charts;
mod costs;
mod first_page;
mod layout;
mod pages;
mod render;
mod style;
mod summing_up;
mod tagging;

use serde::{Deserialize, Serialize};

use super::Summary;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The paper size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }

    /// The name on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::A4 => "a4",
            Self::Letter => "letter",
        }
    }

    /// The paper with this command-line name.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        [Self::A4, Self::Letter]
            .into_iter()
            .find(|p| p.cli_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// A PDF that could not be made.
#[derive(Debug, thiserror::Error)]
#[error("could not make the PDF: {0}")]
pub struct PdfError(String);

/// The report as a PDF.
pub fn to_pdf(summary: &Summary, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let mut layout = layout::Layout::new(paper)?;
    pages::report(&mut layout, summary);
    let title = format!(
        "{}, {} – {}",
        crate::report::page_one::TITLE,
        summary.from,
        summary.to
    );
    render::render(&layout, &title, summary.made)
}

/// The cost statement as a PDF.
pub fn costs_to_pdf(
    statement: &crate::report::costs::CostStatement,
    paper: Paper,
) -> Result<Vec<u8>, PdfError> {
    let mut layout = layout::Layout::new(paper)?;
    costs::statement(&mut layout, statement);
    let title = format!(
        "{}, {} – {}",
        crate::report::costs::COSTS_TITLE,
        statement.from,
        statement.to
    );
    render::render(&layout, &title, statement.made)
}
