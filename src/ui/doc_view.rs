//! A document as the reader sees it: lazily wrapped blocks and a top position.
//!
//! Positions are (block, line) pairs in the current width's wrapping; a byte offset anchors
//! them across width changes, so a resize keeps the same sentence at the top. Moving by `n`
//! lines wraps at most the blocks it passes through, never the whole document.

use std::collections::HashMap;

use crate::corpus::Document;

use super::glyphs::Glyphs;
use super::wrap::{self, Block, Line};

/// A place in the wrapped document: a block and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub block: usize,
    pub line: usize,
}

/// Reading state of one document.
#[derive(Debug, Clone)]
pub struct DocView {
    blocks: Vec<Block>,
    /// Wrapped lines of the blocks wrapped so far at `width`, by block: a large document
    /// has a million blocks and a reader sees a few.
    wrapped: HashMap<usize, Vec<Line>>,
    width: usize,
    /// The characters of the dimmed paragraphs' notes, which are wrapped with the text.
    glyphs: Glyphs,
    /// The first line shown.
    pub top: Pos,
    /// Source byte at the start of the top line, kept across re-wrapping.
    pub anchor: usize,
}

impl DocView {
    #[must_use]
    pub fn new(doc: &Document) -> Self {
        Self {
            blocks: wrap::blocks(doc),
            wrapped: HashMap::new(),
            width: 0,
            glyphs: Glyphs::UNICODE,
            top: Pos::default(),
            anchor: 0,
        }
    }

    /// Number of blocks (zero for an empty document).
    #[must_use]
    pub fn block_count(&self) -> usize {
        self.blocks.len()
    }

    /// The block a position is in.
    #[must_use]
    pub fn block(&self, i: usize) -> Option<&Block> {
        self.blocks.get(i)
    }

    /// Current wrap width.
    #[must_use]
    pub fn width(&self) -> usize {
        self.width
    }

    /// Sets the wrap width and the glyphs of the notes; the line holding the anchor byte
    /// stays on top.
    pub fn set_width(&mut self, doc: &Document, width: usize, glyphs: Glyphs) {
        let width = width.max(1);
        if width == self.width && glyphs == self.glyphs {
            return;
        }
        self.width = width;
        self.glyphs = glyphs;
        self.wrapped.clear();
        self.top = self.locate(doc, self.anchor);
    }

    fn ensure(&mut self, doc: &Document, b: usize) -> usize {
        let last = b + 1 == self.blocks.len();
        let Some(block) = self.blocks.get(b) else {
            return 0;
        };
        let (width, glyphs) = (self.width.max(1), &self.glyphs);
        self.wrapped
            .entry(b)
            .or_insert_with(|| {
                // A dimmed paragraph says why before its first line.
                let note = doc
                    .paragraphs
                    .get(block.paragraph())
                    .filter(|p| p.range.start == block.range().start)
                    .and_then(|p| wrap::note(p.kind, glyphs));
                wrap::wrap_block_noted(&doc.text, block, width, last, note.as_deref())
            })
            .len()
    }

    /// The wrapped lines of a block, if wrapped already.
    #[must_use]
    pub fn lines(&self, b: usize) -> Option<&[Line]> {
        self.wrapped.get(&b).map(Vec::as_slice)
    }

    /// The line at a position, if wrapped already.
    #[must_use]
    pub fn line(&self, p: Pos) -> Option<&Line> {
        self.lines(p.block)?.get(p.line)
    }

    /// The position `n` lines after `p`, stopping at the last line.
    pub fn forward(&mut self, doc: &Document, mut p: Pos, mut n: usize) -> Pos {
        while n > 0 {
            let len = self.ensure(doc, p.block);
            let room = len.saturating_sub(p.line + 1);
            if n <= room {
                p.line += n;
                break;
            }
            if p.block + 1 >= self.blocks.len() {
                p.line = len.saturating_sub(1);
                break;
            }
            n -= room + 1;
            p = Pos {
                block: p.block + 1,
                line: 0,
            };
        }
        p
    }

    /// The position `n` lines before `p`, stopping at the first line.
    pub fn backward(&mut self, doc: &Document, mut p: Pos, mut n: usize) -> Pos {
        while n > 0 {
            if n <= p.line {
                p.line -= n;
                break;
            }
            if p.block == 0 {
                p.line = 0;
                break;
            }
            n -= p.line + 1;
            let len = self.ensure(doc, p.block - 1);
            p = Pos {
                block: p.block - 1,
                line: len.saturating_sub(1),
            };
        }
        p
    }

    /// The last line of the document.
    pub fn end(&mut self, doc: &Document) -> Pos {
        let Some(b) = self.blocks.len().checked_sub(1) else {
            return Pos::default();
        };
        let len = self.ensure(doc, b);
        Pos {
            block: b,
            line: len.saturating_sub(1),
        }
    }

    /// The position of the line showing source byte `byte`.
    pub fn locate(&mut self, doc: &Document, byte: usize) -> Pos {
        if self.blocks.is_empty() {
            return Pos::default();
        }
        let b = self
            .blocks
            .partition_point(|bl| bl.range().start <= byte)
            .saturating_sub(1);
        self.ensure(doc, b);
        let line = self.lines(b).map_or(0, |ls| {
            // The last line starting at or before the byte; a blank separator line only
            // when it is exactly there (it was the top when the anchor was taken).
            ls.iter()
                .rposition(|l| l.start <= byte && (!l.spans.is_empty() || l.start == byte))
                .unwrap_or(0)
        });
        Pos { block: b, line }
    }

    /// Moves the top to `p`, keeping a full screen of `height` lines when the document is
    /// long enough, and updates the anchor.
    pub fn set_top(&mut self, doc: &Document, p: Pos, height: usize) {
        let end = self.end(doc);
        let max_top = self.backward(doc, end, height.saturating_sub(1));
        self.top = p.min(max_top);
        self.ensure(doc, self.top.block);
        self.anchor = self.line(self.top).map_or(0, |l| l.start);
    }

    /// Scrolls by `delta` lines.
    pub fn scroll(&mut self, doc: &Document, delta: isize, height: usize) {
        let p = if delta >= 0 {
            self.forward(doc, self.top, delta.unsigned_abs())
        } else {
            self.backward(doc, self.top, delta.unsigned_abs())
        };
        self.set_top(doc, p, height);
    }

    /// Puts the line holding `byte` in the middle of a screen of `height` lines.
    pub fn center_on(&mut self, doc: &Document, byte: usize, height: usize) {
        let p = self.locate(doc, byte);
        let top = self.backward(doc, p, height / 2);
        self.set_top(doc, top, height);
    }

    /// Wraps everything a screen of `height` lines from the top needs.
    pub fn prepare(&mut self, doc: &Document, height: usize) {
        self.forward(doc, self.top, height);
    }

    /// Up to `height` lines from the top, with the block each belongs to. Only lines already
    /// wrapped by [`Self::prepare`] are returned.
    #[must_use]
    pub fn visible(&self, height: usize) -> Vec<(usize, &Line)> {
        let mut out = Vec::with_capacity(height);
        let mut p = self.top;
        while out.len() < height {
            let Some(lines) = self.lines(p.block) else {
                break;
            };
            for l in lines.iter().skip(p.line) {
                if out.len() == height {
                    break;
                }
                out.push((p.block, l));
            }
            p = Pos {
                block: p.block + 1,
                line: 0,
            };
        }
        out
    }

    /// How far through the document a screen of `height` lines from the top reaches, 0–100.
    #[must_use]
    pub fn percent(&self, doc: &Document, height: usize) -> u8 {
        let total = self.blocks.last().map_or(0, |b| b.range().end);
        if total == 0 {
            return 100;
        }
        let reached = self
            .visible(height)
            .last()
            .map_or(self.anchor, |(_, l)| l.end);
        let _ = doc;
        u8::try_from((reached.min(total) * 100) / total).unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;

    fn doc(text: &str) -> Document {
        Document::from_text("t".into(), Origin::Stdin, text.to_string(), None)
    }

    #[test]
    fn scrolling_walks_lines_and_stops_at_the_ends() {
        let text = (0..40)
            .map(|i| format!("Paragraphe numéro {i} avec quelques mots."))
            .collect::<Vec<_>>()
            .join("\n\n");
        let d = doc(&text);
        let mut v = DocView::new(&d);
        v.set_width(&d, 20, Glyphs::UNICODE);
        v.scroll(&d, 5, 10);
        v.prepare(&d, 10);
        assert_eq!(v.visible(10).len(), 10);
        v.scroll(&d, 1_000_000, 10);
        v.prepare(&d, 10);
        let vis = v.visible(10);
        assert_eq!(vis.len(), 10, "a full last screen");
        assert!(vis.iter().any(|(_, l)| l.text().contains("39")));
        assert_eq!(vis[9].1.end, text.len());
        v.scroll(&d, -1_000_000, 10);
        assert_eq!(v.top, Pos::default());
        assert_eq!(v.anchor, 0);
    }

    #[test]
    fn resize_keeps_the_top_sentence() {
        let text = "Première phrase du texte. Deuxième phrase bien plus longue que la première. \
                    Troisième phrase ici. Quatrième et dernière phrase du paragraphe."
            .repeat(5);
        let d = doc(&text);
        let mut v = DocView::new(&d);
        v.set_width(&d, 30, Glyphs::UNICODE);
        v.scroll(&d, 7, 5);
        v.prepare(&d, 5);
        let anchor = v.anchor;
        let top_text = v.visible(1)[0].1.text();
        for w in [50, 13, 80, 30] {
            v.set_width(&d, w, Glyphs::UNICODE);
            v.prepare(&d, 5);
            let l = v.visible(1)[0].1;
            assert!(l.start <= anchor && anchor <= l.end, "width {w}");
        }
        assert_eq!(v.visible(1)[0].1.text(), top_text, "back to the same line");
    }

    #[test]
    fn a_huge_single_line_is_wrapped_only_where_shown() {
        let text = "abcdefghij".repeat(500_000);
        let d = doc(&text);
        let mut v = DocView::new(&d);
        v.set_width(&d, 80, Glyphs::UNICODE);
        v.prepare(&d, 50);
        let wrapped = v.wrapped.len();
        assert!(wrapped <= 2, "{wrapped} blocks wrapped for one screen");
        let end = v.end(&d);
        v.set_top(&d, end, 50);
        v.prepare(&d, 50);
        let wrapped = v.wrapped.len();
        assert!(
            wrapped <= 4,
            "{wrapped} blocks wrapped after going to the end"
        );
        assert_eq!(v.percent(&d, 50), 100);
        v.center_on(&d, 2_500_000, 50);
        assert!(v.anchor <= 2_500_000 && v.anchor > 2_490_000);
    }

    #[test]
    fn empty_documents_do_not_move() {
        let d = doc("   \n\n ");
        let mut v = DocView::new(&d);
        v.set_width(&d, 10, Glyphs::UNICODE);
        v.scroll(&d, 3, 5);
        v.center_on(&d, 99, 5);
        v.prepare(&d, 5);
        assert!(v.visible(5).is_empty());
        assert_eq!(v.percent(&d, 5), 100);
    }
}
