//! The document's structure for people who cannot see the pages: krilla's tag tree, built from
//! the layout's [`Op::Begin`] and [`Op::End`] as the pages are drawn, and an outline of the
//! headings. Text is read in the order it is laid out; a chart is read as its text alternative;
//! paths outside a chart (rules, shading, the key figures' box), the footer and a table header
//! repeated on a later page are artifacts, not read.

use std::num::NonZeroU16;

use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Node, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind,
    TagTree,
};

use super::layout::{Op, Structure};

/// How what is drawn now is marked.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Marked {
    /// Not read.
    Artifact(ArtifactType),
    /// Read as part of the group open at this depth.
    Content(usize),
    /// Text outside any part that holds text: read as a paragraph of its own.
    Loose,
}

/// A part begun and not yet ended.
enum Open {
    /// Read: a group of the tag tree.
    Group(TagGroup),
    /// Not read, nor anything begun inside it.
    Unread(ArtifactType),
}

/// The tag tree and the outline, built page by page.
#[derive(Default)]
pub(super) struct Tagger {
    open: Vec<Open>,
    tree: TagTree,
    marked: Option<Marked>,
    /// The title's entry in the outline, once its first line is drawn.
    title: Option<OutlineNode>,
    /// The sections' headings in the outline.
    headings: Vec<OutlineNode>,
    /// A title (`true`) or heading begun, waiting for its first line to say where it is.
    heading: Option<(bool, String)>,
    /// The page being drawn, from 0.
    page: usize,
}

impl Tagger {
    /// Mark `op` before it is drawn on `surface`: start or end a part, or mark what it draws.
    pub fn op(&mut self, surface: &mut Surface<'_>, op: &Op) {
        match op {
            Op::Begin(structure) => {
                self.unmark(surface);
                self.begin(structure);
            }
            Op::End => {
                self.unmark(surface);
                self.end();
            }
            Op::Text { x, y, style, .. } => {
                if let Some((title, text)) = self.heading.take() {
                    let at = XyzDestination::new(self.page, Point::from_xy(*x, *y - style.size));
                    let node = OutlineNode::new(text, at);
                    if title {
                        self.title = Some(node);
                    } else {
                        self.headings.push(node);
                    }
                }
                self.mark(surface, true);
            }
            Op::Path { .. } | Op::Circle { .. } => self.mark(surface, false),
        }
    }

    /// The end of a page: nothing stays marked across it.
    pub fn end_page(&mut self, surface: &mut Surface<'_>) {
        self.unmark(surface);
        self.page += 1;
    }

    /// The tag tree and the outline: the title, the sections' headings under it.
    pub fn finish(mut self) -> (TagTree, Outline) {
        while !self.open.is_empty() {
            self.end();
        }
        let mut outline = Outline::new();
        match self.title {
            Some(mut title) => {
                for heading in self.headings {
                    title.push_child(heading);
                }
                outline.push_child(title.with_open(true));
            }
            None => {
                for heading in self.headings {
                    outline.push_child(heading);
                }
            }
        }
        (self.tree, outline)
    }

    fn begin(&mut self, structure: &Structure) {
        if let Some(kind) = self.unread() {
            self.open.push(Open::Unread(kind));
            return;
        }
        let second = NonZeroU16::MIN.saturating_add(1);
        let tag: TagKind = match structure {
            Structure::Title(text) => {
                self.heading = Some((true, text.clone()));
                Tag::Hn(NonZeroU16::MIN, Some(text.clone())).into()
            }
            Structure::Heading(text) => {
                self.heading = Some((false, text.clone()));
                Tag::Hn(second, Some(text.clone())).into()
            }
            Structure::Paragraph => Tag::P.into(),
            Structure::Table => Tag::Table.into(),
            Structure::Row => Tag::TR.into(),
            Structure::ColumnHeader => Tag::TH(TableHeaderScope::Column).into(),
            Structure::RowHeader => Tag::TH(TableHeaderScope::Row).into(),
            Structure::Cell => Tag::TD.into(),
            Structure::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
            Structure::Footer => {
                self.open.push(Open::Unread(ArtifactType::Footer));
                return;
            }
            Structure::Repeated => {
                self.open.push(Open::Unread(ArtifactType::PaginationOther));
                return;
            }
        };
        self.open.push(Open::Group(TagGroup::new(tag)));
    }

    /// End the innermost part: a group goes into the one around it, unless it holds nothing (a
    /// table's cell stays, empty, to keep its place in the row).
    fn end(&mut self) {
        let Some(Open::Group(group)) = self.open.pop() else {
            return;
        };
        let cell = matches!(group.tag, TagKind::TH(_) | TagKind::TD(_));
        if group.children.is_empty() && !cell {
            return;
        }
        self.push(group);
    }

    /// Add `node` to the innermost open group, or to the tree.
    fn push(&mut self, node: impl Into<Node>) {
        match self.open.last_mut() {
            Some(Open::Group(group)) => group.push(node),
            _ => self.tree.push(node),
        }
    }

    /// The kind of artifact everything is inside, if it is inside one.
    fn unread(&self) -> Option<ArtifactType> {
        self.open.iter().find_map(|open| match open {
            Open::Unread(kind) => Some(*kind),
            Open::Group(_) => None,
        })
    }

    /// How a piece of text (`text`) or a path drawn now is marked: inside an artifact, as one;
    /// inside a chart, as part of it; text inside a paragraph, heading or cell, as part of it;
    /// other paths as decoration.
    fn wanted(&self, text: bool) -> Marked {
        if let Some(kind) = self.unread() {
            return Marked::Artifact(kind);
        }
        let depth = self.open.len().saturating_sub(1);
        match self.open.last() {
            Some(Open::Group(group)) => match group.tag {
                TagKind::Figure(_) => Marked::Content(depth),
                TagKind::Hn(_) | TagKind::P(_) | TagKind::TH(_) | TagKind::TD(_) if text => {
                    Marked::Content(depth)
                }
                _ if text => Marked::Loose,
                _ => Marked::Artifact(ArtifactType::Layout),
            },
            _ if text => Marked::Loose,
            _ => Marked::Artifact(ArtifactType::Layout),
        }
    }

    /// Mark what is drawn next, going on with the marked run it continues.
    fn mark(&mut self, surface: &mut Surface<'_>, text: bool) {
        let wanted = self.wanted(text);
        if self.marked == Some(wanted) {
            return;
        }
        self.unmark(surface);
        match wanted {
            Marked::Artifact(kind) => {
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
            }
            Marked::Content(depth) => {
                let figure = matches!(
                    self.open.get(depth),
                    Some(Open::Group(TagGroup {
                        tag: TagKind::Figure(_),
                        ..
                    }))
                );
                let tag = if figure {
                    ContentTag::Other
                } else {
                    ContentTag::Span(SpanTag::empty())
                };
                let id = surface.start_tagged(tag);
                if let Some(Open::Group(group)) = self.open.get_mut(depth) {
                    group.push(id);
                }
            }
            Marked::Loose => {
                let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                self.push(TagGroup::with_children(Tag::P, vec![id.into()]));
            }
        }
        self.marked = Some(wanted);
    }

    /// End the marked run, if one is open.
    fn unmark(&mut self, surface: &mut Surface<'_>) {
        if self.marked.take().is_some() {
            surface.end_tagged();
        }
    }
}
