//! Wrapping one line of document text to a display width, by Unicode line-breaking rules.
//!
//! The line is sanitized first, so wrapping measures exactly what the terminal will show.
//! Break opportunities come from UAX #14 through textwrap (CJK breaks between characters); on
//! top of that, French typography keeps « and » with their words and the space before
//! : ; ! ? unbreakable, as a French reader expects even when the text used plain spaces. A word
//! wider than the row is broken between grapheme clusters. Every row remembers its byte range
//! in the displayed string and the source line, so the reader can map search hits and figures
//! onto rows. The terminal reader wraps with the same rules ([`row_ranges`]).

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
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

fn rows(display: &str, width: usize) -> Vec<Range<usize>> {
    let rows = row_ranges(display, width);
    if rows.is_empty() {
        return std::iter::once(0..0).collect();
    }
    rows
}

/// Where sanitized text `disp` breaks into rows of at most `width` columns: each row as a
/// byte range of `disp`, trailing whitespace left out. None for empty text.
#[must_use]
pub fn row_ranges(disp: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let frags = fragments(disp, width);
    let widths = [f64::from(u32::try_from(width).unwrap_or(u32::MAX))];
    wrap_first_fit(&frags, &widths)
        .into_iter()
        .filter_map(|line| Some(line.first()?.start..line.last()?.end))
        .collect()
}

/// A wrapping unit: a word with its trailing whitespace, as display byte offsets.
#[derive(Debug, Clone, Copy)]
struct Frag {
    start: usize,
    end: usize,
    ws_end: usize,
    width: usize,
    ws_width: usize,
}

impl Fragment for Frag {
    #[allow(clippy::cast_precision_loss)]
    fn width(&self) -> f64 {
        self.width as f64
    }
    #[allow(clippy::cast_precision_loss)]
    fn whitespace_width(&self) -> f64 {
        self.ws_width as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Punctuation that French sets after a (no-break) space: it must not start a line.
fn sticks_to_previous(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '»' | '›' | ':' | ';' | '!' | '?' | '.' | ','))
}

/// Opening guillemets: they must not end a line.
fn sticks_to_next(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '«' | '‹'))
}

/// A digit, ASCII or full-width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A character of a script written without spaces, where a number's unit follows it
/// directly (`1月`, `2024年`, `3亿`, `5時`, `10개`).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK ideographs
        | '\u{ac00}'..='\u{d7af}' // Hangul syllables
        | '\u{f900}'..='\u{faff}') // compatibility ideographs
}

/// Whether a break between `before` and the word `next` would split a figure written
/// without spaces: a number from its unit (`2024` / `年`), or a date's unit from the number
/// after it (`1月` / `19日`).
fn splits_figure(before: &str, next: &str) -> bool {
    let mut back = before.chars().rev();
    let (Some(last), Some(first)) = (back.next(), next.chars().next()) else {
        return false;
    };
    if is_digit(last) && is_cjk(first) {
        return true;
    }
    is_cjk(last) && is_digit(first) && back.next().is_some_and(is_digit)
}

fn fragments(disp: &str, width: usize) -> Vec<Frag> {
    let base = disp.as_ptr() as usize;
    let mut frags: Vec<Frag> = Vec::new();
    let mut glue_next = false;
    for w in WordSeparator::UnicodeBreakProperties.find_words(disp) {
        let start = w.word.as_ptr() as usize - base;
        let end = start + w.word.len();
        let ws_end = end + w.whitespace.len();
        let frag = Frag {
            start,
            end,
            ws_end,
            width: w.word.width(),
            ws_width: w.whitespace.width(),
        };
        let glue = glue_next
            || sticks_to_previous(w.word)
            || frags
                .last()
                .is_some_and(|p| p.ws_end == start && splits_figure(&disp[p.start..p.end], w.word));
        glue_next = sticks_to_next(w.word);
        match frags.last_mut() {
            Some(prev) if glue && prev.ws_end == start => {
                prev.width += prev.ws_width + frag.width;
                prev.end = frag.end;
                prev.ws_end = frag.ws_end;
                prev.ws_width = frag.ws_width;
            }
            _ => frags.push(frag),
        }
    }
    // Words wider than the line are broken between grapheme clusters.
    let mut out = Vec::with_capacity(frags.len());
    for f in frags {
        if f.width <= width {
            out.push(f);
            continue;
        }
        let mut piece_start = f.start;
        let mut piece_width = 0;
        for (off, g) in disp[f.start..f.end].grapheme_indices(true) {
            let gw = g.width();
            let at = f.start + off;
            if piece_width + gw > width && piece_width > 0 {
                out.push(Frag {
                    start: piece_start,
                    end: at,
                    ws_end: at,
                    width: piece_width,
                    ws_width: 0,
                });
                piece_start = at;
                piece_width = 0;
            }
            piece_width += gw;
        }
        out.push(Frag {
            start: piece_start,
            end: f.end,
            ws_end: f.ws_end,
            width: piece_width,
            ws_width: f.ws_width,
        });
    }
    out
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
    fn cjk_figures_keep_their_units_when_they_fit() {
        let line = "新规定生效日期1月19日，预计2024年初完成，用户约3亿人。";
        // From the widest glued unit up ("1月19日，" is 9 columns).
        for width in 9..30 {
            for pair in rows_of(line, width).windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                let (last, first) = (a.chars().last(), b.chars().next());
                let split = |x: Option<char>, y: Option<char>| {
                    x.zip(y)
                        .is_some_and(|(x, y)| splits_figure(&x.to_string(), &y.to_string()))
                };
                assert!(!split(last, first), "width {width}: {a:?} / {b:?}");
                assert!(
                    !(a.ends_with("1月") && b.starts_with("19日")),
                    "width {width}: {a:?} / {b:?}"
                );
            }
        }
        // Ideographs still break between themselves.
        assert_eq!(rows_of("美国用户纷纷涌向小红书", 8)[0], "美国用户");
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
