//! Turning a document into display lines for a given width.
//!
//! A document is cut into [`Block`]s (a paragraph, or a slice of at most [`BLOCK_BYTES`] of a
//! huge one) and each block is wrapped on its own, only when it is about to be shown. Every
//! step of navigation therefore touches a bounded amount of text, however big the document.
//!
//! Text passes through [`crate::sanitize::sanitize_pieces`] before it is measured, and every
//! [`Span`] remembers the source bytes it shows so highlights given as source ranges land
//! on the right cells. Rows break where [`crate::wrap::row_ranges`] says, the rules `dossier
//! show` uses too.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::corpus::{Document, ParagraphKind};
use crate::sanitize::{Piece, sanitize_pieces};
use crate::wrap::row_ranges;

use super::glyphs::Glyphs;

/// Largest slice of text wrapped in one go. A paragraph longer than this is cut at a space
/// near the limit (or anywhere, if it has none), which shows as a line break there.
pub const BLOCK_BYTES: usize = 16 * 1024;

/// A unit of lazy wrapping. A large document has a million, so offsets are kept in 32 bits
/// (documents are capped below 4 GiB when loaded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    start: u32,
    end: u32,
    paragraph: u32,
    /// True for the last block of a paragraph (a blank line follows it).
    pub ends_paragraph: bool,
}

impl Block {
    /// The block of bytes `range` of the document text, in paragraph `paragraph`.
    #[must_use]
    pub fn new(range: Range<usize>, paragraph: usize, ends_paragraph: bool) -> Self {
        let n = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Self {
            start: n(range.start),
            end: n(range.end),
            paragraph: n(paragraph),
            ends_paragraph,
        }
    }

    /// Byte range in the document text.
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Index of the paragraph it belongs to.
    #[must_use]
    pub const fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

/// One run of a display line with the source bytes it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    /// Source byte range in the document text.
    pub src: Range<usize>,
    /// A placeholder for something the sanitizer made inert.
    pub inert: bool,
    /// True when `text` is the source slice itself, so byte offsets map one to one.
    pub linear: bool,
    /// A note of the reader's own (why a paragraph is dimmed), not document text.
    pub note: bool,
}

/// One display line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub spans: Vec<Span>,
    /// Source byte where the line starts (for a blank separator line: where it sits).
    pub start: usize,
    /// Source byte where the line ends.
    pub end: usize,
    /// Display width in columns.
    pub width: usize,
}

impl Line {
    /// The displayed text.
    #[must_use]
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// Cuts a document into blocks.
#[must_use]
pub fn blocks(doc: &Document) -> Vec<Block> {
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let mut start = p.range.start;
        let end = p.range.end.min(doc.text.len());
        while start < end {
            let cut = if end - start <= BLOCK_BYTES {
                end
            } else {
                cut_point(&doc.text, start, start + BLOCK_BYTES)
            };
            out.push(Block::new(start..cut, i, cut == end));
            start = cut;
        }
    }
    out
}

/// Where to cut `text[start..]` at or before `limit`: after the last space or newline in the
/// last quarter, else at a character boundary.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut b = limit.min(text.len());
    while b > start && !text.is_char_boundary(b) {
        b -= 1;
    }
    let floor = start + (limit - start) * 3 / 4;
    let window = text.get(floor..b).unwrap_or("");
    if let Some(i) = window.rfind([' ', '\n']) {
        return floor + i + 1;
    }
    if b == start {
        // A single character longer than the limit cannot happen (chars are ≤ 4 bytes).
        b = (start + 1..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
    }
    b
}

/// Sanitized pieces of one source line, with display offsets.
struct Display {
    text: String,
    /// (display start, piece) in order.
    pieces: Vec<(usize, Piece)>,
}

/// Why a paragraph is left out of figures and search, shown dimmed before its text
/// (`· repeat of ¶4`, paragraphs counted from 1, in the theme's `glyphs`), or `None` for one
/// that counts.
#[must_use]
pub fn note(kind: ParagraphKind, glyphs: &Glyphs) -> Option<String> {
    let (dot, para) = (glyphs.dot, glyphs.paragraph);
    match kind {
        ParagraphKind::Boilerplate => Some(format!("{dot} boilerplate ")),
        ParagraphKind::Repeat(of) => Some(format!("{dot} repeat of {para}{} ", of + 1)),
        ParagraphKind::Body | ParagraphKind::Heading | ParagraphKind::Unread => None,
    }
}

fn display(line: &str, offset: usize, note: Option<&str>) -> Display {
    let mut text = String::with_capacity(line.len());
    let mut pieces = Vec::new();
    if let Some(n) = note {
        // Inert with no source bytes: nothing in the document stands behind it.
        text.push_str(n);
        pieces.push((
            0,
            Piece {
                text: n.to_string(),
                src: offset..offset,
                inert: true,
            },
        ));
    }
    for mut p in sanitize_pieces(line) {
        let at = text.len();
        text.push_str(&p.text);
        p.src = p.src.start + offset..p.src.end + offset;
        pieces.push((at, p));
    }
    Display { text, pieces }
}

/// The spans showing display bytes `a..b`.
fn spans_of(d: &Display, a: usize, b: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let first = d.pieces.partition_point(|(s, _)| *s <= a).saturating_sub(1);
    for (ds, p) in &d.pieces[first..] {
        let de = ds + p.text.len();
        if *ds >= b {
            break;
        }
        let s = a.max(*ds);
        let e = b.min(de);
        if s >= e {
            continue;
        }
        let linear = !p.inert && p.text.len() == p.src.len();
        let src = if linear {
            p.src.start + (s - ds)..p.src.start + (e - ds)
        } else {
            p.src.clone()
        };
        let note = p.inert && p.src.is_empty();
        out.push(Span {
            text: d.text[s..e].to_string(),
            src,
            inert: p.inert && !note,
            linear,
            note,
        });
    }
    out
}

/// Wraps one block to `width` columns (at least 1). A blank line follows a paragraph's last
/// block unless `last` is set.
#[must_use]
pub fn wrap_block(text: &str, block: &Block, width: usize, last: bool) -> Vec<Line> {
    wrap_block_noted(text, block, width, last, None)
}

/// [`wrap_block`] with `note` before the block's first line.
#[must_use]
pub fn wrap_block_noted(
    text: &str,
    block: &Block,
    width: usize,
    last: bool,
    note: Option<&str>,
) -> Vec<Line> {
    let width = width.max(1);
    let mut note = note;
    let mut out = Vec::new();
    let src = text.get(block.range()).unwrap_or("");
    let mut offset = block.range().start;
    for raw in src.split('\n') {
        let line_start = offset;
        offset += raw.len() + 1;
        // A CR that ends a line is part of a CRLF break, not content.
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        let d = display(content, line_start, note.take());
        if d.text.is_empty() {
            out.push(Line {
                spans: Vec::new(),
                start: line_start,
                end: line_start,
                width: 0,
            });
            continue;
        }
        for row in row_ranges(&d.text, width) {
            let spans = spans_of(&d, row.start, row.end);
            let start = spans.first().map_or(line_start, |s| s.src.start);
            let end = spans.last().map_or(start, |s| s.src.end);
            let w = d.text[row].width();
            out.push(Line {
                spans,
                start,
                end,
                width: w,
            });
        }
    }
    if block.ends_paragraph && !last {
        out.push(Line {
            spans: Vec::new(),
            start: block.range().end,
            end: block.range().end,
            width: 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Origin;

    fn one(text: &str, width: usize) -> Vec<String> {
        let b = Block::new(0..text.len(), 0, true);
        wrap_block(text, &b, width, true)
            .iter()
            .map(Line::text)
            .collect()
    }

    fn widths_ok(text: &str, width: usize) {
        let b = Block::new(0..text.len(), 0, true);
        for l in wrap_block(text, &b, width, true) {
            assert!(l.width <= width, "{:?} is {} > {width}", l.text(), l.width);
            assert_eq!(l.width, l.text().width());
        }
    }

    #[test]
    fn french_guillemets_and_high_punctuation_stay_with_words() {
        let t = "surnommée le « Petit Livre Rouge » : vraiment ? oui !";
        // Whenever the glued group fits on a line ("Rouge » :" is 9 columns).
        for w in 10..40 {
            for l in one(t, w) {
                assert!(!l.ends_with('«'), "width {w}: {l:?}");
                assert!(!l.starts_with('»'), "width {w}: {l:?}");
                assert!(
                    !l.starts_with(':') && !l.starts_with('?') && !l.starts_with('!'),
                    "width {w}: {l:?}"
                );
            }
        }
        // No-break spaces (U+00A0, U+202F) never break either.
        let nb = "mot\u{a0}: « texte\u{202f}»";
        for w in 10..16 {
            for l in one(nb, w) {
                assert!(!l.starts_with(':') && !l.starts_with('»'), "{l:?}");
            }
        }
    }

    #[test]
    fn cjk_breaks_between_characters() {
        let lines = one("小红书难民涌入小红书", 6);
        assert_eq!(lines, ["小红书", "难民涌", "入小红", "书"]);
        widths_ok("小红书难民涌入小红书，美国用户", 5);
    }

    #[test]
    fn indonesian_and_accents_wrap_at_spaces() {
        assert_eq!(
            one("pengguna TikTok beralih ke RedNote", 16),
            ["pengguna TikTok", "beralih ke", "RedNote"]
        );
        assert_eq!(one("réfugiés numériques", 10), ["réfugiés", "numériques"]);
    }

    #[test]
    fn emoji_joiners_marks_rtl_and_zero_width() {
        let family = "👨\u{200D}👩\u{200D}👧";
        let t = format!("a {family} b e\u{301}\u{301} שלום עולם x\u{200B}y");
        widths_ok(&t, 4);
        let all: String = one(&t, 80).concat();
        assert!(all.contains(family), "joiners kept: {all}");
        assert!(all.contains("⟨U+200B⟩"), "zero width shown: {all}");
        assert!(all.contains("שלום"));
    }

    #[test]
    fn escapes_are_inert_spans_mapped_to_source() {
        let t = "red\u{1b}[31mtext";
        let b = Block::new(0..t.len(), 0, true);
        let lines = wrap_block(t, &b, 80, true);
        let inert: Vec<&Span> = lines[0].spans.iter().filter(|s| s.inert).collect();
        assert_eq!(inert.len(), 1);
        assert_eq!(inert[0].src, 3..8);
        assert!(lines[0].text().chars().all(|c| !c.is_control()));
    }

    #[test]
    fn long_words_break_and_never_exceed_width() {
        let long = "x".repeat(50);
        assert_eq!(
            one(&long, 20),
            ["x".repeat(20), "x".repeat(20), "x".repeat(10)]
        );
        for w in 1..12 {
            widths_ok("anticonstitutionnellement 小红书 ok", w.max(2));
        }
        // Width 1 with a wide character: it sits alone on its line.
        assert_eq!(one("书书", 1), ["书", "书"]);
    }

    #[test]
    fn crlf_and_tabs() {
        assert_eq!(one("a\r\nb", 10), ["a", "b"]);
        assert_eq!(one("a\tb", 20), [format!("a{}b", " ".repeat(7))]);
    }

    #[test]
    fn huge_paragraphs_are_cut_into_bounded_blocks() {
        let text = "mot ".repeat(20_000) + &"z".repeat(40_000);
        let doc = Document::from_text("big".into(), Origin::Stdin, text.clone(), None);
        let bs = blocks(&doc);
        assert!(bs.len() > 4);
        let mut at = doc.paragraphs[0].range.start;
        for b in &bs {
            assert_eq!(b.range().start, at);
            assert!(b.range().len() <= BLOCK_BYTES);
            at = b.range().end;
        }
        assert!(bs.last().is_some_and(|b| b.ends_paragraph));
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Body);
    }
}
