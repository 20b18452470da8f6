//! Folding text for matching, and mapping match positions back onto the original text.
//!
//! Search is accent-insensitive both ways: the unit text *and* the query are folded the same
//! way, so "refugies" finds "réfugiés" and "réfugiés" finds "refugies". Folding maps Latin
//! letters with diacritics to their base letter, typographic punctuation to its ASCII twin
//! (’ → ', « → ", – → -, no-break spaces → space) and drops combining marks. Case is kept:
//! smart case is decided per query at match time.
//!
//! Most French and Indonesian sentences fold to pure ASCII, which nucleo matches fastest and
//! stores in one byte per character. Other text is kept as a `char` array.

use std::ops::Range;

use nucleo_matcher::Utf32Str;
use unicode_width::UnicodeWidthChar;

/// The folded form of one unit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Folded {
    /// The original text is ASCII and folds to itself.
    Same,
    /// Folds to ASCII bytes.
    Ascii(Vec<u8>),
    /// Folds to characters, some outside ASCII.
    Wide(Vec<char>),
}

/// Folds one character, or drops it (`None`) when it is a combining mark.
#[must_use]
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if is_combining(c) {
        return None;
    }
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '«' | '»' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2039}'
        | '\u{203A}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '\u{2026}' => '.',
        // Traditional and simplified Han characters match each other.
        '\u{3400}'..='\u{9FFF}' => crate::corpus::han::simplified(c),
        _ => nucleo_matcher::chars::normalize(c),
    })
}

/// Combining marks that follow a base letter (decomposed accents): dropped when folding so
/// "e\u{301}" matches "e".
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Folds a unit's text for matching.
#[must_use]
pub fn fold(text: &str) -> Folded {
    match FoldBuf::default().fold(text) {
        (FoldedInto::Same, _) => Folded::Same,
        (_, Utf32Str::Ascii(bytes)) => Folded::Ascii(bytes.to_vec()),
        (_, Utf32Str::Unicode(chars)) => Folded::Wide(chars.to_vec()),
    }
}

/// What [`fold_into`] left in its buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldedInto {
    /// Nothing: the text is ASCII and folds to itself.
    Same,
    /// Folded characters, all ASCII.
    Ascii,
    /// Folded characters, some outside ASCII.
    Wide,
}

/// [`fold`] into a buffer the caller reuses, so folding many units allocates once. The
/// buffer is cleared first.
pub fn fold_into(text: &str, chars: &mut Vec<char>) -> FoldedInto {
    chars.clear();
    if text.is_ascii() {
        return FoldedInto::Same;
    }
    chars.extend(text.chars().filter_map(fold_char));
    if chars.iter().all(char::is_ascii) {
        FoldedInto::Ascii
    } else {
        FoldedInto::Wide
    }
}

/// Buffers to fold one unit's text into and hand it to a matcher, reused from unit to unit.
#[derive(Debug, Default)]
pub struct FoldBuf {
    chars: Vec<char>,
    bytes: Vec<u8>,
}

impl FoldBuf {
    /// `text` folded, as a matcher takes it, and which form that is: `text` itself when it
    /// folds to itself, else this buffer's contents.
    pub fn fold<'a>(&'a mut self, text: &'a str) -> (FoldedInto, Utf32Str<'a>) {
        let folded = fold_into(text, &mut self.chars);
        let hay = match folded {
            FoldedInto::Same => Utf32Str::Ascii(text.as_bytes()),
            FoldedInto::Ascii => {
                self.bytes.clear();
                // Every char is ASCII, so the cast is lossless.
                self.bytes.extend(self.chars.iter().map(|&c| c as u8));
                Utf32Str::Ascii(&self.bytes)
            }
            FoldedInto::Wide => Utf32Str::Unicode(&self.chars),
        };
        (folded, hay)
    }
}

/// Folds a query string (the same folding as unit text).
#[must_use]
pub fn fold_str(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// Maps sorted, deduplicated char indices in the folded text back to byte offsets of the
/// matched characters in the original text. Every offset is a char boundary inside `original`;
/// indices past the end are dropped.
#[must_use]
pub fn to_byte_offsets(original: &str, folded_indices: &[u32]) -> Vec<usize> {
    if original.is_ascii() {
        return folded_indices
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| i < original.len())
            .collect();
    }
    // The folded text keeps every char except combining marks, in order: walk both together.
    let mut kept = original
        .char_indices()
        .filter(|&(_, c)| fold_char(c).is_some())
        .map(|(b, _)| b)
        .enumerate();
    let mut out = Vec::with_capacity(folded_indices.len());
    for &want in folded_indices {
        for (i, b) in kept.by_ref() {
            if i == want as usize {
                out.push(b);
                break;
            }
        }
    }
    out
}

/// Merges matched char offsets into byte ranges covering whole characters, adjacent ones
/// joined: what a renderer highlights.
#[must_use]
pub fn byte_ranges(text: &str, offsets: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &b in offsets {
        let Some(c) = text.get(b..).and_then(|s| s.chars().next()) else {
            continue;
        };
        let r = b..b + c.len_utf8();
        match out.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

/// The display column where byte offset `byte` of `text` starts, by unicode-width (wide CJK
/// characters take two columns, combining and zero-width characters none).
#[must_use]
pub fn column_of(text: &str, byte: usize) -> usize {
    let end = floor_char_boundary(text, byte);
    text[..end].chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Display-column ranges of highlighted byte ranges, for a single-line rendering of `text`.
#[must_use]
pub fn column_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    ranges
        .iter()
        .map(|r| column_of(text, r.start)..column_of(text, r.end))
        .collect()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_fold_to_ascii() {
        assert_eq!(
            fold("réfugiés numériques"),
            Folded::Ascii(b"refugies numeriques".to_vec())
        );
        assert_eq!(fold("plain"), Folded::Same);
        assert_eq!(
            fold_str("L’exode « réfugiés » – ok"),
            "L'exode \" refugies \" - ok"
        );
        assert_eq!(fold_str("e\u{301}te\u{301}"), "ete");
    }

    #[test]
    fn cjk_and_rtl_stay_wide() {
        assert_eq!(fold("难民"), Folded::Wide(vec!['难', '民']));
        assert!(matches!(fold("لاجئ"), Folded::Wide(_)));
    }

    #[test]
    fn offsets_map_back_through_dropped_marks() {
        let t = "e\u{301}te\u{301} ok";
        // folded "ete ok": 'e' at 0, 't' at 1, 'e' at 2, 'o' at 4
        assert_eq!(to_byte_offsets(t, &[0, 1, 2, 4]), [0, 3, 4, 8]);
        let t = "réfugiés";
        assert_eq!(to_byte_offsets(t, &[0, 1, 7, 99]), [0, 1, 9]);
    }

    #[test]
    fn ranges_and_columns() {
        let t = "a难民b";
        let offs = [1, 4];
        let r = byte_ranges(t, &offs);
        assert_eq!((r.len(), r[0].clone()), (1, 1..7));
        assert_eq!(column_ranges(t, &r).first(), Some(&(1..5)));
        assert_eq!(column_of("👩‍👩‍👧 x", "👩‍👩‍👧 ".len()), column_of("👩‍👩‍👧 ", 99));
        assert_eq!(column_of("abc", 2), 2);
    }
}
