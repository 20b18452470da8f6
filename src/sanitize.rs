//! The one gate between document text and a terminal.
//!
//! Documents are untrusted. Everything a document contains that could change the state of a
//! terminal (escape sequences, C0/C1 controls, DEL), hide or reorder text (carriage-return and
//! backspace overwrites, bidi overrides and isolates, zero-width and tag characters, variation
//! selector smuggling) or choke a renderer (a grapheme with thousands of combining marks) is
//! turned into a visible, inert placeholder such as `␛[31m` or `⟨U+202E⟩`.
//!
//! The output is split into [`Piece`]s that remember the source byte range they came from, so
//! callers can style placeholders differently and map highlights (search hits, figures) from
//! source offsets onto the displayed text.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Tab stops, in display columns, used when tabs are expanded.
pub const TAB_WIDTH: usize = 8;

/// The most combining marks kept on one base character; the rest are summarised.
pub const MAX_MARKS: usize = 8;

/// Longest run of an escape sequence's payload that is shown before it is elided.
const MAX_SEQUENCE_SHOWN: usize = 48;

/// One run of displayable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the source line this piece stands for.
    pub src: Range<usize>,
    /// What to display. For plain pieces this equals the source slice.
    pub text: String,
    /// True when this piece is a placeholder for something inert (shown in a distinct style).
    pub inert: bool,
}

/// Sanitizes one line of text (no line structure) into pieces.
///
/// A `\n` inside the line is shown as a placeholder too: callers split lines first.
#[must_use]
pub fn sanitize_pieces(line: &str) -> Vec<Piece> {
    if line.is_empty() {
        return Vec::new();
    }
    if is_plain(line) {
        return vec![Piece {
            src: 0..line.len(),
            text: line.to_string(),
            inert: false,
        }];
    }
    Sanitizer::new(line).run()
}

/// True when the sanitizer would pass `line` through unchanged: no character it replaces
/// or judges by context, and no run of combining marks long enough to be summarised.
///
/// Almost every line of real text is plain, and this check is several times cheaper than
/// the full pass: search output sanitizes hundreds of thousands of rows.
fn is_plain(line: &str) -> bool {
    plain_scan(line, false)
}

/// [`is_plain`], and with `single_spaced` also false at two spaces in a row.
fn plain_scan(line: &str, single_spaced: bool) -> bool {
    let bytes = line.as_bytes();
    let mut marks = 0;
    let mut space = false;
    let mut prev = '\0';
    let mut i = 0;
    while i < bytes.len() {
        // ASCII is judged by its byte, without decoding: most text is mostly ASCII.
        let b = bytes[i];
        if b.is_ascii() {
            if b.is_ascii_control() || (single_spaced && space && b == b' ') {
                return false;
            }
            space = b == b' ';
            marks = 0;
            prev = char::from(b);
            i += 1;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        let before = std::mem::replace(&mut prev, c);
        i += c.len_utf8();
        space = false;
        if matches!(c, '\u{A0}'..='\u{2FF}' | '\u{621}'..='\u{64A}' | '\u{4E00}'..='\u{9FFF}')
            && c != '\u{AD}'
        {
            // Latin-1 and Latin Extended (bar the soft hyphen, which is zero-width), the
            // Arabic letters and the common CJK ideographs: never replaced, never a mark.
            // Skips the table lookups.
            marks = 0;
        } else if c == '\u{200D}' && is_emoji(before) && line[i..].starts_with(is_emoji) {
            // A joiner inside an emoji sequence (👩‍👩‍👧), which the full pass keeps: such
            // sequences are common enough in social media text to be worth the test.
            marks = 0;
        } else if needs_json_escape(c) {
            return false;
        } else if is_combining_mark(c) {
            marks += 1;
            if marks > MAX_MARKS {
                return false;
            }
        } else {
            marks = 0;
        }
    }
    true
}

/// Sanitizes a line into one plain string (placeholders inline).
#[must_use]
pub fn sanitize(line: &str) -> String {
    if is_plain(line) {
        return line.to_string();
    }
    let pieces = sanitize_pieces(line);
    let mut out = String::with_capacity(line.len());
    for p in &pieces {
        out.push_str(&p.text);
    }
    out
}

/// Sanitizes text for a single-line context (a title, a table cell): runs of whitespace,
/// including newlines, become one space first.
#[must_use]
pub fn sanitize_inline(text: &str) -> String {
    sanitize_inline_cow(text).into_owned()
}

/// [`sanitize_inline`] without a copy when the text is already safe and on one line, as
/// most table cells are.
#[must_use]
pub fn sanitize_inline_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.starts_with(' ') && !text.ends_with(' ') && plain_scan(text, true) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut collapsed = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c == ' ' || c == '\n' || c == '\r' || c == '\t' {
            space = true;
        } else {
            if space && !collapsed.is_empty() {
                collapsed.push(' ');
            }
            space = false;
            collapsed.push(c);
        }
    }
    std::borrow::Cow::Owned(sanitize(&collapsed))
}

/// True when `c` is something the sanitizer never lets through as itself.
#[must_use]
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible_format(c) || c == SOFT_HYPHEN
}

/// A hint where a word may break, invisible unless it does: the one default-ignorable
/// character that belongs in prose, so it is dropped from display rather than shown.
const SOFT_HYPHEN: char = '\u{AD}';

/// True when a character must be written as a `\uXXXX` escape in JSON meant for terminals:
/// everything the sanitizer would not pass through as itself, in any context.
#[must_use]
pub fn needs_json_escape(c: char) -> bool {
    is_unsafe_char(c) || is_joiner(c) || is_variation_selector(c) || is_tag(c)
}

/// Unicode's `Bidi_Control` characters: embeddings, overrides and isolates (Trojan Source),
/// and the invisible marks (ALM, LRM, RLM) that can still reorder what a line shows.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'
        | '\u{061C}')
}

/// Invisible characters that can hide or smuggle text and have no business in prose on their
/// own: Unicode's default-ignorable code points (but the soft hyphen, and the joiners,
/// variation selectors and tags, which get context rules in [`Sanitizer`]), the line and
/// paragraph separators, interlinear annotation and the format controls of hieroglyphs.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{13430}'..='\u{1345F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0080}'..='\u{E00FF}'
            | '\u{E01F0}'..='\u{E0FFF}'
    )
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}')
}

/// Byte length of the run of tag characters at the start of `s`.
fn tag_run_len(s: &str) -> usize {
    s.chars()
        .take_while(|&c| is_tag(c))
        .map(char::len_utf8)
        .sum()
}

/// A subdivision flag's tags: 2 to 6 tag letters or digits, then CANCEL TAG (U+E007F).
fn is_flag_tag_run(s: &str) -> bool {
    let run: Vec<char> = s.chars().take_while(|&c| is_tag(c)).collect();
    run.len() >= 3
        && run.len() <= 7
        && run.last() == Some(&'\u{E007F}')
        && run[..run.len() - 1]
            .iter()
            .all(|&c| matches!(c, '\u{E0030}'..='\u{E0039}' | '\u{E0061}'..='\u{E007A}'))
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

fn is_combining_mark(c: char) -> bool {
    // Zero-width, non-control characters that attach to the previous one.
    !c.is_control()
        && !is_joiner(c)
        && !is_variation_selector(c)
        && !is_tag(c)
        && !is_invisible_format(c)
        && !is_bidi_control(c)
        && c.width() == Some(0)
}

/// Whether a joiner between `prev` and `next` does what joiners are for: inside an emoji
/// sequence, or between the letters and marks of a script that shapes with them (Arabic and
/// Persian, Syriac, the Indic scripts, Tibetan, Myanmar, Khmer, Mongolian). Between two Latin
/// letters (`e\u{200D}vil.com`) it only hides a difference.
fn joiner_belongs(prev: char, next: char) -> bool {
    joinable(prev)
        && joinable(next)
        && (is_pictographic(prev) || is_pictographic(next) || (joins(prev) && joins(next)))
}

/// A character of a script that shapes its letters with joiners.
fn joins(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{08FF}' | '\u{0900}'..='\u{0DFF}' | '\u{0F00}'..='\u{109F}'
        | '\u{1780}'..='\u{18AF}' | '\u{A8E0}'..='\u{A8FF}' | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// A character a joiner may sit between: a letter, digit, mark or pictograph.
fn joinable(c: char) -> bool {
    // A character the sanitizer itself replaces (a Hangul filler is a "letter") is no
    // neighbour: a second pass would see its placeholder instead.
    !is_invisible_format(c)
        && !c.is_control()
        && !is_bidi_control(c)
        && (c.is_alphanumeric() || is_combining_mark(c) || is_pictographic(c))
}

/// The emoji block of pictographs, which a joiner may always sit between.
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}')
}

fn is_pictographic(c: char) -> bool {
    matches!(c,
        '\u{00A9}' | '\u{00AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}' | '\u{2139}'
        | '\u{2194}'..='\u{21AA}' | '\u{231A}'..='\u{23FF}' | '\u{24C2}' | '\u{25AA}'..='\u{27BF}'
        | '\u{2934}' | '\u{2935}' | '\u{2B05}'..='\u{2B55}' | '\u{3030}' | '\u{303D}'
        | '\u{3297}' | '\u{3299}' | '\u{1F000}'..='\u{1FAFF}')
}

/// Display name of a control character: its Control Pictures glyph where Unicode has one.
fn control_picture(c: char) -> String {
    match c {
        '\u{0}'..='\u{1F}' => {
            char::from_u32(0x2400 + c as u32).map_or_else(|| code_point(c), String::from)
        }
        '\u{7F}' => "␡".to_string(),
        _ => code_point(c),
    }
}

fn code_point(c: char) -> String {
    format!("⟨U+{:04X}⟩", c as u32)
}

struct Sanitizer<'a> {
    src: &'a str,
    out: Vec<Piece>,
    /// Start of the plain run not yet flushed.
    plain_start: usize,
    /// Display column, for tab expansion.
    col: usize,
    /// Combining marks seen on the current base character.
    marks: usize,
    /// Bytes of marks elided on the current base (start, count).
    elided: Option<(usize, usize)>,
    prev: Option<char>,
    /// End of a valid subdivision-flag tag run being passed through.
    flag_tags_end: usize,
}

impl<'a> Sanitizer<'a> {
    fn new(src: &'a str) -> Self {
        Self {
            src,
            out: Vec::new(),
            plain_start: 0,
            col: 0,
            marks: 0,
            elided: None,
            prev: None,
            flag_tags_end: 0,
        }
    }

    fn flush_plain(&mut self, end: usize) {
        if end > self.plain_start {
            let text = &self.src[self.plain_start..end];
            // Merge with a previous plain piece when contiguous (after an elision, say).
            self.out.push(Piece {
                src: self.plain_start..end,
                text: text.to_string(),
                inert: false,
            });
        }
        self.plain_start = end;
    }

    /// Ends a run of elided combining marks at `end` with a placeholder counting them.
    fn flush_elided(&mut self, end: usize) {
        if let Some((start, count)) = self.elided.take() {
            let text = format!("⟨+{count} marks⟩");
            self.col += text
                .chars()
                .filter_map(UnicodeWidthChar::width)
                .sum::<usize>();
            self.out.push(Piece {
                src: start..end,
                text,
                inert: true,
            });
            self.plain_start = end;
            // Context rules must see what a second pass over the output would see.
            self.prev = Some('⟩');
            self.marks = 0;
        }
    }

    fn push_inert(&mut self, src: Range<usize>, text: String) {
        self.flush_plain(src.start);
        self.col += text
            .chars()
            .filter_map(UnicodeWidthChar::width)
            .sum::<usize>();
        self.plain_start = src.end;
        // As above: the next character's context is the placeholder's last character.
        self.prev = text.chars().last();
        self.out.push(Piece {
            src,
            text,
            inert: true,
        });
        self.marks = 0;
    }

    fn run(mut self) -> Vec<Piece> {
        let bytes = self.src.as_bytes();
        let mut i = 0;
        while i < self.src.len() {
            let Some(c) = self.src[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            let next = self.src[i + len..].chars().next();
            if self.elided.is_some() && !is_combining_mark(c) {
                self.flush_elided(i);
            }
            match c {
                '\u{1B}' => {
                    let end = escape_end(bytes, i);
                    let shown = show_sequence(&self.src[i..end]);
                    self.push_inert(i..end, shown);
                    i = end;
                    continue;
                }
                '\u{9B}' | '\u{90}' | '\u{9D}' | '\u{98}' | '\u{9E}' | '\u{9F}' => {
                    // C1 introducers of CSI, DCS, OSC, SOS, PM, APC as single code points.
                    let end = c1_sequence_end(self.src, i, c);
                    let shown = show_sequence(&self.src[i..end]);
                    self.push_inert(i..end, shown);
                    i = end;
                    continue;
                }
                '\t' => {
                    self.flush_plain(i);
                    let spaces = TAB_WIDTH - self.col % TAB_WIDTH;
                    self.out.push(Piece {
                        src: i..i + 1,
                        text: " ".repeat(spaces),
                        inert: false,
                    });
                    self.col += spaces;
                    self.plain_start = i + 1;
                    self.prev = Some(' ');
                    self.marks = 0;
                }
                c if c.is_control() || is_bidi_control(c) || is_invisible_format(c) => {
                    self.push_inert(i..i + len, control_picture(c));
                }
                SOFT_HYPHEN => self.push_inert(i..i + len, String::new()),
                c if is_joiner(c) => {
                    let keep = self
                        .prev
                        .zip(next)
                        .is_some_and(|(p, n)| joiner_belongs(p, n));
                    if keep {
                        self.prev = Some(c);
                    } else {
                        self.push_inert(i..i + len, code_point(c));
                    }
                }
                c if is_variation_selector(c) => {
                    // A selector picks a glyph for the character before it: only a real base
                    // (a letter, digit, ideograph or pictograph) takes one, and only one.
                    let keep = self
                        .prev
                        .is_some_and(|p| p.is_alphanumeric() || is_pictographic(p));
                    if keep {
                        self.prev = Some(c);
                    } else {
                        self.push_inert(i..i + len, code_point(c));
                    }
                }
                c if is_tag(c) => {
                    // Tags are legitimate only inside a subdivision flag: 🏴, tag letters, then
                    // U+E007F. The whole run is judged when it starts, so a second pass agrees.
                    if self.prev == Some('\u{1F3F4}') && is_flag_tag_run(&self.src[i..]) {
                        self.flag_tags_end = i + tag_run_len(&self.src[i..]);
                    }
                    let keep = i < self.flag_tags_end;
                    if keep {
                        self.prev = Some(c);
                    } else {
                        self.push_inert(i..i + len, code_point(c));
                    }
                }
                c if is_combining_mark(c) => {
                    self.marks += 1;
                    if self.marks > MAX_MARKS {
                        if self.elided.is_none() {
                            self.flush_plain(i);
                            self.elided = Some((i, 0));
                        }
                        if let Some((_, n)) = self.elided.as_mut() {
                            *n += 1;
                        }
                        self.plain_start = i + len;
                    }
                    // A mark does not change `prev`: joiners look at the base character.
                    if self.prev.is_none() {
                        self.prev = Some(c);
                    }
                }
                c => {
                    self.marks = 0;
                    self.col += c.width().unwrap_or(0);
                    self.prev = Some(c);
                }
            }
            i += len;
        }
        let end = self.src.len();
        self.flush_elided(end);
        self.flush_plain(end);
        merge_plain(self.out)
    }
}

/// Joins adjacent plain pieces so callers see long runs.
fn merge_plain(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        if let Some(last) = out.last_mut()
            && !last.inert
            && !p.inert
            && last.src.end == p.src.start
            && last.text.len() == last.src.len()
            && p.text.len() == p.src.len()
        {
            last.src.end = p.src.end;
            last.text.push_str(&p.text);
            continue;
        }
        out.push(p);
    }
    out
}

/// Where an ESC-introduced sequence starting at `i` ends (exclusive), per ECMA-48.
/// An unterminated sequence runs to the end of the line.
fn escape_end(b: &[u8], i: usize) -> usize {
    let n = b.len();
    let Some(&kind) = b.get(i + 1) else {
        return n.min(i + 1);
    };
    match kind {
        b'[' => {
            // CSI: parameter and intermediate bytes, then one final byte 0x40..=0x7E.
            let mut j = i + 2;
            while j < n && (0x20..=0x3F).contains(&b[j]) {
                j += 1;
            }
            if j < n && (0x40..=0x7E).contains(&b[j]) {
                j + 1
            } else {
                j
            }
        }
        b']' | b'P' | b'X' | b'^' | b'_' => string_end(b, i + 2),
        0x20..=0x2F => {
            // nF: intermediates then a final byte.
            let mut j = i + 1;
            while j < n && (0x20..=0x2F).contains(&b[j]) {
                j += 1;
            }
            if j < n && (0x30..=0x7E).contains(&b[j]) {
                j + 1
            } else {
                j
            }
        }
        0x30..=0x7E => i + 2,
        _ => i + 1,
    }
}

/// End of a control string (OSC, DCS, SOS, PM, APC): BEL, ESC \, or C1 ST; else end of input.
fn string_end(b: &[u8], from: usize) -> usize {
    let mut j = from;
    while j < b.len() {
        match b[j] {
            0x07 => return j + 1,
            0x1B => {
                return if b.get(j + 1) == Some(&b'\\') {
                    j + 2
                } else {
                    j
                };
            }
            // U+009C (ST) encoded in UTF-8.
            0xC2 if b.get(j + 1) == Some(&0x9C) => return j + 2,
            _ => j += 1,
        }
    }
    j
}

fn c1_sequence_end(s: &str, i: usize, c: char) -> usize {
    let b = s.as_bytes();
    let body = i + c.len_utf8();
    if c == '\u{9B}' {
        let mut j = body;
        while j < b.len() && (0x20..=0x3F).contains(&b[j]) {
            j += 1;
        }
        if j < b.len() && (0x40..=0x7E).contains(&b[j]) {
            j + 1
        } else {
            j
        }
    } else {
        string_end(b, body)
    }
}

/// Renders a sequence visibly: controls become pictures, long payloads are elided.
fn show_sequence(seq: &str) -> String {
    let mut out = String::new();
    let total = seq.chars().count();
    for (shown, c) in seq.chars().enumerate() {
        if shown == MAX_SEQUENCE_SHOWN && total > MAX_SEQUENCE_SHOWN + 1 {
            out.push_str(&format!("…(+{} chars)", total - shown));
            break;
        }
        if c.is_control()
            || is_bidi_control(c)
            || is_invisible_format(c)
            || is_joiner(c)
            || is_variation_selector(c)
            || is_tag(c)
            || is_combining_mark(c)
        {
            out.push_str(&control_picture(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The fast path agrees with the full pass on every line it accepts, and on the rest
        /// the full pass runs anyway. Characters are drawn near the boundaries that matter.
        #[test]
        fn plain_fast_path_matches_full_pass(
            s in "[a-zé \u{a0}\u{ad}\u{300}-\u{302}\u{34f}\u{483}\u{628}\u{640}\u{64b}\u{200b}-\u{200f}\u{fe0f}\u{e0061}\u{1f600}\u{1f469}\u{1f467}\u{2764}小\t\n\r\u{1b}\u{9b}\u{7f}]{0,24}"
        ) {
            let full = Sanitizer::new(&s).run();
            proptest::prop_assert_eq!(sanitize_pieces(&s), full.clone());
            let joined: String = full.iter().map(|p| p.text.as_str()).collect();
            proptest::prop_assert_eq!(sanitize(&s), joined);
            if is_plain(&s) {
                proptest::prop_assert_eq!(sanitize(&s), s.clone());
            }
            // A cell: whitespace runs become one space, then the full pass.
            let words: Vec<&str> = s.split([' ', '\n', '\r', '\t']).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(sanitize_inline_cow(&s), sanitize(&words.join(" ")));
        }
    }

    #[test]
    fn sanitize_inline_fast_path_still_collapses_spaces() {
        assert_eq!(sanitize_inline(" a  b "), "a b");
        assert_eq!(sanitize_inline("a b"), "a b");
        assert_eq!(sanitize_inline("a\tb"), "a b");
    }

    fn no_controls(s: &str) -> bool {
        !s.chars().any(is_unsafe_char)
    }

    #[test]
    fn csi_colour_becomes_visible_placeholder() {
        let p = sanitize_pieces("a\u{1b}[31mred\u{1b}[0m");
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m"), "a␛[31mred␛[0m");
        assert!(
            p.iter()
                .any(|p| p.inert && p.text == "␛[31m" && p.src == (1..6))
        );
    }

    #[test]
    fn osc_title_and_clipboard_are_inert() {
        let s = sanitize("x\u{1b}]0;pwned\u{7}y\u{1b}]52;c;aGVsbG8=\u{1b}\\z");
        assert_eq!(s, "x␛]0;pwned␇y␛]52;c;aGVsbG8=␛\\z");
        assert!(no_controls(&s));
    }

    #[test]
    fn unterminated_osc_runs_to_end() {
        let s = sanitize("ok\u{1b}]8;;http://evil");
        assert_eq!(s, "ok␛]8;;http://evil");
    }

    #[test]
    fn c1_as_utf8_is_a_sequence() {
        let s = sanitize("a\u{9b}2Jb");
        assert_eq!(s, "a⟨U+009B⟩2Jb");
    }

    #[test]
    fn carriage_return_and_backspace_are_visible() {
        assert_eq!(sanitize("safe\rEVIL"), "safe␍EVIL");
        assert_eq!(sanitize("abc\u{8}\u{8}\u{8}xyz"), "abc␈␈␈xyz");
    }

    #[test]
    fn bidi_and_zero_width_are_visible() {
        assert_eq!(sanitize("a\u{202E}b"), "a⟨U+202E⟩b");
        assert_eq!(
            sanitize("ا\u{200F}b\u{200E}c\u{061C}"),
            "ا⟨U+200F⟩b⟨U+200E⟩c⟨U+061C⟩"
        );
        assert!(needs_json_escape('\u{200F}'));
        assert_eq!(sanitize("a\u{2066}b"), "a⟨U+2066⟩b");
        assert_eq!(sanitize("pass\u{200B}word"), "pass⟨U+200B⟩word");
    }

    #[test]
    fn emoji_joiners_flags_and_selectors_are_kept() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(sanitize(family), family);
        assert!(is_plain(family), "the fast path takes an emoji sequence");
        // A joiner with nothing to join on one side is shown.
        assert_eq!(sanitize("👩\u{200D} 👧"), "👩⟨U+200D⟩ 👧");
        assert_eq!(sanitize("👩\u{200D}"), "👩⟨U+200D⟩");
        let heart = "❤\u{FE0F}";
        assert_eq!(sanitize(heart), heart);
        let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
        assert_eq!(sanitize(england), england);
        assert_eq!(sanitize("a\u{E0041}b"), "a⟨U+E0041⟩b");
        assert_eq!(sanitize("a\u{FE0F}\u{FE0F}"), "a\u{FE0F}⟨U+FE0F⟩");
        assert_eq!(sanitize("\u{200D}x"), "⟨U+200D⟩x");
    }

    #[test]
    fn joiners_between_latin_letters_are_shown() {
        assert_eq!(sanitize("e\u{200D}vil.com"), "e⟨U+200D⟩vil.com");
        assert_eq!(sanitize("pay\u{200C}pal"), "pay⟨U+200C⟩pal");
        // Where a script shapes with them they stay: Persian, Devanagari, Sinhala.
        for word in ["می\u{200C}خواهم", "क्\u{200D}ष", "ශ්\u{200D}රී"] {
            assert_eq!(sanitize(word), word);
        }
        let technologist = "👩\u{1F3FD}\u{200D}💻";
        assert_eq!(sanitize(technologist), technologist);
    }

    #[test]
    fn every_default_ignorable_character_is_dropped_or_shown() {
        // Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, 16.0).
        let ignorable = [
            0xAD..=0xAD,
            0x34F..=0x34F,
            0x61C..=0x61C,
            0x115F..=0x1160,
            0x17B4..=0x17B5,
            0x180B..=0x180F,
            0x200B..=0x200F,
            0x202A..=0x202E,
            0x2060..=0x206F,
            0x3164..=0x3164,
            0xFE00..=0xFE0F,
            0xFEFF..=0xFEFF,
            0xFFA0..=0xFFA0,
            0xFFF0..=0xFFF8,
            0x1BCA0..=0x1BCA3,
            0x1D173..=0x1D17A,
            0xE0000..=0xE0FFF,
        ];
        for c in ignorable.into_iter().flatten().filter_map(char::from_u32) {
            // After a space none has a reason to be there (a variation selector after a
            // letter picks its glyph, and stays).
            let text = format!("a {c}b");
            let shown = sanitize(&text);
            if c == SOFT_HYPHEN {
                assert_eq!(shown, "a b");
            } else {
                assert_eq!(shown, format!("a {}b", code_point(c)), "U+{:04X}", c as u32);
            }
            assert!(needs_json_escape(c), "U+{:04X}", c as u32);
            assert!(!is_plain(&text), "U+{:04X}", c as u32);
        }
        // Egyptian hieroglyph format controls are format characters too.
        assert_eq!(sanitize("a\u{13430}b"), "a⟨U+13430⟩b");
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(sanitize("a\tb"), format!("a{}b", " ".repeat(7)));
        assert_eq!(sanitize("\t"), " ".repeat(8));
    }

    #[test]
    fn combining_mark_floods_are_capped() {
        let zalgo = format!("e{}x", "\u{301}".repeat(50_000));
        let s = sanitize(&zalgo);
        assert!(s.starts_with(&format!("e{}", "\u{301}".repeat(MAX_MARKS))));
        assert!(s.contains("⟨+49992 marks⟩"));
        assert!(s.ends_with('x'));
        assert_eq!(sanitize(&s), s);
    }

    #[test]
    fn multilingual_text_is_untouched() {
        for t in [
            "réfugiés numériques",
            "pengungsi TikTok",
            "小红书难民",
            "שלום עולם",
            "é",
            "नमस्ते",
        ] {
            assert_eq!(sanitize(t), t);
        }
    }

    #[test]
    fn pieces_cover_source_in_order() {
        let src = "a\u{1b}[1mb\tc\u{202E}d";
        let pieces = sanitize_pieces(src);
        let mut at = 0;
        for p in &pieces {
            assert_eq!(p.src.start, at);
            at = p.src.end;
        }
        assert_eq!(at, src.len());
    }

    #[test]
    fn inline_collapses_whitespace() {
        assert_eq!(sanitize_inline("  a \n\n b\t"), "a b");
    }
}
