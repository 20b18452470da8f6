//! A single-pass tokenizer for figure extraction: digit runs, letter runs, Han characters,
//! punctuation and whitespace, each with its byte range. Everything else in `figures` reads
//! these tokens instead of the raw text, so the text is walked exactly once.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tk {
    /// Digits, with `.` or `,` kept inside when a digit follows (`114.000`, `3,9`).
    Num,
    /// Letters (any script but Han), with combining marks.
    Word,
    /// One Han character (or `〇`).
    Han,
    /// One other non-space character.
    Punct,
    /// A run of whitespace.
    Space,
}

/// One token: its kind, byte range and first character (for Han, its simplified form: see
/// `zh::simplified`).
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub kind: Tk,
    pub s: usize,
    pub e: usize,
    pub ch: char,
    /// For spaces: the run holds a line break.
    pub nl: bool,
}

/// ASCII or full-width decimal digit.
#[must_use]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Han ideographs (unified, extension A, compatibility) and the ideographic zero.
#[must_use]
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '〇')
}

/// Whether `c` is hiragana or katakana (with the long vowel mark `ー`): Japanese nouns such
/// as `ユーザー` are matched inside text as Han ones are.
#[must_use]
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}')
}

/// `char::is_alphabetic`, answered without searching the Unicode tables, from a bit set made
/// once, for the characters of two UTF-8 bytes (Latin with diacritics, Greek, Cyrillic,
/// Hebrew, Arabic), for CJK punctuation and kana, and for full-width forms: Chinese and
/// Japanese text has such a character every few bytes, and the table search costs far more
/// than one bit read. Emoji are answered by their range.
fn is_letter(c: char) -> bool {
    match letter_bit(c) {
        Some(i) => LETTERS[i / 64] >> (i % 64) & 1 == 1,
        // Pictographs and emoji.
        None if ('\u{1F300}'..='\u{1FAFF}').contains(&c) => false,
        None => c.is_alphabetic(),
    }
}

/// Where `c` is in [`LETTERS`], if it is there.
fn letter_bit(c: char) -> Option<usize> {
    let i = c as usize;
    match c {
        '\0'..='\u{7FF}' => Some(i),
        '\u{3000}'..='\u{30FF}' => Some(i - 0x3000 + 0x800),
        '\u{FF00}'..='\u{FFFF}' => Some(i - 0xFF00 + 0x900),
        _ => None,
    }
}

/// Bit `letter_bit(c)` is set when `c` is alphabetic.
static LETTERS: std::sync::LazyLock<[u64; 0xA00 / 64]> = std::sync::LazyLock::new(|| {
    let mut set = [0u64; 0xA00 / 64];
    let ranges = [
        '\0'..='\u{7FF}',
        '\u{3000}'..='\u{30FF}',
        '\u{FF00}'..='\u{FFFF}',
    ];
    for c in ranges.into_iter().flatten().filter(|c| c.is_alphabetic()) {
        if let Some(i) = letter_bit(c) {
            set[i / 64] |= 1 << (i % 64);
        }
    }
    set
});

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Follows [`tokenize`] through a text one character at a time, without making tokens:
/// where word and Han tokens start, and where a token may end. Search uses it to tell where
/// a figure's surface may end and its counted noun may start.
#[derive(Debug, Clone, Copy, Default)]
pub struct Edges {
    in_word: bool,
    digit: bool,
}

impl Edges {
    /// Steps onto the next character, `c`. Returns whether a token may end just before it
    /// (false only where a word or a digit run surely goes on), and whether a word or Han
    /// token starts at it (exactly).
    #[inline(always)]
    pub fn step(&mut self, c: char) -> (bool, bool) {
        // A word starts with a letter (not Han) and goes on through letters and marks, as
        // in `tokenize`; each Unicode table is read once.
        let (han, letter, mark, digit) = if c.is_ascii() {
            (false, c.is_ascii_alphabetic(), false, c.is_ascii_digit())
        } else {
            let han = is_han(c);
            (han, !han && is_letter(c), is_mark(c), is_digit(c))
        };
        let goes_on = letter || mark;
        let ends_before = !((self.in_word && goes_on) || (self.digit && digit));
        let start = han || (letter && !self.in_word);
        self.in_word = letter || (self.in_word && goes_on);
        self.digit = digit;
        (ends_before, start)
    }
}

/// The character at byte `at` of `text` (a char boundary) and its length.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Splits `text` into tokens, appending to `out` (cleared first). ASCII bytes are classified
/// directly; only other characters are decoded, as most text the scanner sees is ASCII.
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut s = 0;
    while s < n {
        let b = bytes[s];
        let (c, len) = if b.is_ascii() {
            (char::from(b), 1)
        } else {
            match char_at(text, s) {
                Some(cl) => cl,
                None => break,
            }
        };
        let mut e = s + len;
        let kind = if is_digit(c) {
            while e < n {
                let nb = bytes[e];
                if nb.is_ascii_digit() {
                    e += 1;
                } else if nb == b'.' || nb == b',' {
                    // A separator stays inside only when a digit follows it directly.
                    if bytes.get(e + 1).is_some_and(u8::is_ascii_digit) {
                        e += 1;
                    } else {
                        break;
                    }
                } else if !nb.is_ascii()
                    && let Some((d, l)) = char_at(text, e)
                    && is_digit(d)
                {
                    e += l;
                } else {
                    break;
                }
            }
            Tk::Num
        } else if is_han(c) {
            out.push(Tok {
                kind: Tk::Han,
                s,
                e,
                ch: super::zh::simplified(c),
                nl: false,
            });
            s = e;
            continue;
        } else if c.is_ascii_alphabetic() || !c.is_ascii() && is_letter(c) {
            while e < n {
                let nb = bytes[e];
                if nb.is_ascii() {
                    // ASCII letters first: most words never reach the Unicode tables.
                    if nb.is_ascii_alphabetic() {
                        e += 1;
                        continue;
                    }
                    break;
                }
                match char_at(text, e) {
                    Some((d, l)) if (!is_han(d) && is_letter(d)) || is_mark(d) => e += l,
                    _ => break,
                }
            }
            Tk::Word
        } else if c.is_whitespace() {
            let mut nl = c == '\n';
            while e < n {
                let nb = bytes[e];
                let (d, l) = if nb.is_ascii() {
                    (char::from(nb), 1)
                } else {
                    match char_at(text, e) {
                        Some(dl) => dl,
                        None => break,
                    }
                };
                if !d.is_whitespace() {
                    break;
                }
                nl |= d == '\n';
                e += l;
            }
            out.push(Tok {
                kind: Tk::Space,
                s,
                e,
                ch: c,
                nl,
            });
            s = e;
            continue;
        } else {
            Tk::Punct
        };
        out.push(Tok {
            kind,
            s,
            e,
            ch: c,
            nl: false,
        });
        s = e;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_paths_agree_with_unicode() {
        for c in ('\u{80}'..='\u{FFFF}').chain('\u{1F300}'..='\u{1FAFF}') {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", u32::from(c));
        }
    }

    fn kinds(text: &str) -> Vec<(Tk, &str)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter().map(|t| (t.kind, &text[t.s..t.e])).collect()
    }

    #[test]
    fn splits_numbers_words_and_han() {
        assert_eq!(
            kinds("114.000 unggahan, 3,9."),
            [
                (Tk::Num, "114.000"),
                (Tk::Space, " "),
                (Tk::Word, "unggahan"),
                (Tk::Punct, ","),
                (Tk::Space, " "),
                (Tk::Num, "3,9"),
                (Tk::Punct, "."),
            ]
        );
        assert_eq!(
            kinds("2025年d’été"),
            [
                (Tk::Num, "2025"),
                (Tk::Han, "年"),
                (Tk::Word, "d"),
                (Tk::Punct, "’"),
                (Tk::Word, "été"),
            ]
        );
        // Combining marks stay inside the word; zero-width joiners are punctuation.
        assert_eq!(kinds("e\u{301}t\u{e9}")[0], (Tk::Word, "e\u{301}t\u{e9}"));
        assert_eq!(kinds("a\u{200D}b").len(), 3);
    }

    proptest::proptest! {
        /// Where `Edges` says a word or Han token starts, one does, and nowhere else; every
        /// token's end is a place where it says a token may end.
        #[test]
        fn edges_follow_the_tokens(text in "[a-zA-Zé0-9 .,'\u{301}\u{345}\u{4e00}\u{5e74}\u{ff11}\u{3000}-]{0,24}") {
            let mut toks = Vec::new();
            tokenize(&text, &mut toks);
            let starts: Vec<usize> = toks
                .iter()
                .filter(|t| matches!(t.kind, Tk::Word | Tk::Han))
                .map(|t| t.s)
                .collect();
            let ends: Vec<usize> = toks.iter().map(|t| t.e).collect();
            let mut edges = Edges::default();
            for (at, c) in text.char_indices() {
                let (ends_before, start) = edges.step(c);
                proptest::prop_assert_eq!(start, starts.contains(&at), "{:?} at {}", text, at);
                if ends.contains(&at) {
                    proptest::prop_assert!(ends_before, "{:?} at {}", text, at);
                }
            }
        }
    }
}
