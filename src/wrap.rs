//! Wrapping one line of document text to a display width, by Unicode line-breaking rules.
//!
//! The line is sanitized first, so wrapping measures exactly what the terminal will show.
//! Break opportunities come from UAX #14 through textwrap (CJK breaks between characters); on
//! top of that, French typography keeps « and » with their words and the space before
//! : ; ! ? unbreakable, as a French reader expects even when the text used plain spaces.
//! Every row remembers its byte range in the displayed string and the source line, so the
//! reader can map search hits and figures onto rows.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Word;
use unicode_width::UnicodeWidthStr;

use crate::sanitize::{Piece, sanitize_pieces};

/// A line ready to draw: its sanitized text, where each piece came from, and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    /// The sanitized line.
    pub display: String,
    /// Pieces of `display`: their range in `display`, in the source line, and whether inert.
    pub pieces: Vec<DisplayPiece>,
    /// Rows as byte ranges of `display`, trailing spaces excluded.
    pub rows: Vec<Range<usize>>,
}

/// One piece of a sanitized line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayPiece {
    pub display: Range<usize>,
    pub src: Range<usize>,
    pub inert: bool,
}

impl Wrapped {
    /// The text of row `i`.
    #[must_use]
    pub fn row(&self, i: usize) -> &str {
        self.rows
            .get(i)
            .and_then(|r| self.display.get(r.clone()))
            .unwrap_or("")
    }

    /// Display offset of a source offset: exact inside plain pieces, the piece start inside
    /// a placeholder.
    #[must_use]
    pub fn to_display(&self, src: usize) -> usize {
        for p in &self.pieces {
            if src < p.src.end || (src == p.src.end && p.src.is_empty()) {
                if src <= p.src.start {
                    return p.display.start;
                }
                return if p.inert || p.display.len() != p.src.len() {
                    p.display.start
                } else {
                    p.display.start + (src - p.src.start)
                };
            }
        }
        self.display.len()
    }

    /// The row that holds a display offset.
    #[must_use]
    pub fn row_of(&self, display: usize) -> usize {
        self.rows
            .partition_point(|r| r.end <= display && r.end < self.display.len())
            .min(self.rows.len().saturating_sub(1))
    }
}

/// Wraps one source line (no `\n`) to `width` display columns (at least 1).
#[must_use]
pub fn wrap(line: &str, width: usize) -> Wrapped {
    let width = width.max(1);
    let (display, pieces) = display_of(sanitize_pieces(line));
    let rows = rows(&display, width);
    Wrapped {
        display,
        pieces,
        rows,
    }
}

/// The rows of a line as strings, for plain output.
#[must_use]
pub fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let w = wrap(line, width);
    (0..w.rows.len()).map(|i| w.row(i).to_string()).collect()
}

fn display_of(pieces: Vec<Piece>) -> (String, Vec<DisplayPiece>) {
    let mut display = String::new();
    let mut out = Vec::with_capacity(pieces.len());
    for p in pieces {
        let start = display.len();
        display.push_str(&p.text);
        out.push(DisplayPiece {
            display: start..display.len(),
            src: p.src,
            inert: p.inert,
        });
    }
    (display, out)
}

/// Byte offset of `part` inside `whole`; `part` must be a subslice of `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

fn rows(display: &str, width: usize) -> Vec<Range<usize>> {
    if display.is_empty() {
        return std::iter::once(0..0).collect();
    }
    let words: Vec<Word> = WordSeparator::UnicodeBreakProperties
        .find_words(display)
        .collect();
    let words = glue_french(display, &words);
    let words = textwrap::core::break_words(words, width);
    let widths = [width as f64];
    let lines = textwrap::wrap_algorithms::wrap_first_fit(&words, &widths);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let start = offset_in(display, first.word);
        let end = offset_in(display, last.word) + last.word.len();
        out.push(start..end.max(start));
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// Merges words so that no break falls after « or before », :, ;, ! or ?.
fn glue_french<'a>(display: &'a str, words: &[Word<'a>]) -> Vec<Word<'a>> {
    let mut out: Vec<Word<'a>> = Vec::with_capacity(words.len());
    let mut glue_next = false;
    for w in words {
        let joins_prev = glue_next || starts_with_closing(w.word);
        if joins_prev && let Some(prev) = out.pop() {
            let start = offset_in(display, prev.word);
            let end = offset_in(display, w.word) + w.word.len() + w.whitespace.len();
            out.push(Word::from(&display[start..end]));
        } else {
            out.push(*w);
        }
        glue_next = w.word.ends_with('«') && !w.whitespace.is_empty();
    }
    out
}

fn starts_with_closing(word: &str) -> bool {
    let mut cs = word.chars();
    matches!(cs.next(), Some('»' | ':' | ';' | '!' | '?')) && word.width() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(line: &str, width: usize) -> Vec<String> {
        wrap_line(line, width)
    }

    #[test]
    fn wraps_by_words() {
        assert_eq!(
            rows_of("the quick brown fox", 10),
            ["the quick", "brown fox"]
        );
    }

    #[test]
    fn cjk_breaks_between_characters() {
        let r = rows_of("美国用户纷纷涌向小红书", 8);
        assert_eq!(r, ["美国用户", "纷纷涌向", "小红书"]);
    }

    #[test]
    fn french_quotes_and_punctuation_stay_with_words() {
        let line = "la « sécurité nationale » est là : oui ? non !";
        // From the widest glued unit ("nationale »") up: narrower rows must split it.
        for width in 11..line.width() {
            for row in rows_of(line, width) {
                assert!(!row.ends_with('«'), "width {width}: {row:?}");
                assert!(
                    !row.starts_with(['»', ':', '?', '!']),
                    "width {width}: {row:?}"
                );
            }
        }
        let nbsp = "Où suis-je\u{A0}? Ici";
        assert!(rows_of(nbsp, 11).iter().all(|r| !r.starts_with('?')));
    }

    #[test]
    fn long_words_break_to_fit() {
        let r = rows_of(&"x".repeat(25), 10);
        assert_eq!(r, ["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    }

    #[test]
    fn escapes_are_wrapped_as_shown() {
        let w = wrap("ab\u{1b}[31mcd", 80);
        assert_eq!(w.display, "ab␛[31mcd");
        assert_eq!(w.to_display(7), "ab␛[31m".len());
        assert_eq!(w.to_display(3), 2);
    }

    #[test]
    fn empty_line_has_one_row() {
        assert_eq!(wrap("", 10).rows, vec![0..0]);
    }

    #[test]
    fn rows_never_exceed_width() {
        let line = "Les autorités invoquent les risques d’espionnage 小红书难民 👨\u{200D}👩\u{200D}👧 e\u{301}\u{301} مرحبا بالعالم";
        for width in 2..40 {
            for row in rows_of(line, width) {
                assert!(row.width() <= width, "width {width}: {row:?}");
            }
        }
    }
}
