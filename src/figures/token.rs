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

/// One token: its kind, byte range and first character.
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

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Splits `text` into tokens, appending to `out` (cleared first).
pub fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut it = text.char_indices().peekable();
    while let Some((s, c)) = it.next() {
        if is_digit(c) {
            let mut e = s + c.len_utf8();
            loop {
                match it.peek() {
                    Some(&(p, d)) if is_digit(d) => {
                        e = p + d.len_utf8();
                        it.next();
                    }
                    Some(&(p, sep @ ('.' | ','))) => {
                        // A separator stays inside only when a digit follows it directly.
                        let after = bytes.get(p + 1).copied();
                        if after.is_some_and(|b| b.is_ascii_digit()) {
                            let _ = sep;
                            it.next();
                            e = p + 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            out.push(Tok {
                kind: Tk::Num,
                s,
                e,
                ch: c,
                nl: false,
            });
        } else if is_han(c) {
            out.push(Tok {
                kind: Tk::Han,
                s,
                e: s + c.len_utf8(),
                ch: c,
                nl: false,
            });
        } else if c.is_ascii_alphabetic() || !c.is_ascii() && c.is_alphabetic() {
            let mut e = s + c.len_utf8();
            while let Some(&(p, d)) = it.peek() {
                // ASCII letters first: most words never reach the Unicode tables.
                if d.is_ascii_alphabetic()
                    || !d.is_ascii() && ((d.is_alphabetic() && !is_han(d)) || is_mark(d))
                {
                    e = p + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Tok {
                kind: Tk::Word,
                s,
                e,
                ch: c,
                nl: false,
            });
        } else if c.is_whitespace() {
            let mut e = s + c.len_utf8();
            let mut nl = c == '\n';
            while let Some(&(p, d)) = it.peek() {
                if d.is_whitespace() {
                    nl |= d == '\n';
                    e = p + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Tok {
                kind: Tk::Space,
                s,
                e,
                ch: c,
                nl,
            });
        } else {
            out.push(Tok {
                kind: Tk::Punct,
                s,
                e: s + c.len_utf8(),
                ch: c,
                nl: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
