//! Paragraphs and sentences.
//!
//! Text files come in two shapes: one paragraph per line (scraped articles, most of the seeds)
//! and hard-wrapped prose where a paragraph spans several short lines separated by blank lines.
//! Blocks between blank lines are joined into one paragraph only when they look hard-wrapped.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Narrowest and widest a line of hard-wrapped prose is, in columns.
const WRAPPED_MIN: usize = 40;
const WRAPPED_MAX: usize = 100;

/// Splits `text` into trimmed paragraph byte ranges, in order.
#[must_use]
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    Splitter::default().finish(text).0
}

/// [`paragraphs`] of a text that grows, as while it is read: each call sees the whole text
/// so far and splits the lines it completed. The line starts are found on the way.
#[derive(Debug)]
pub struct Splitter {
    out: Vec<Range<usize>>,
    /// The lines of the block not ended yet by a blank line.
    block: Vec<Range<usize>>,
    line_starts: Vec<usize>,
    /// Where the first line not split yet starts.
    start: usize,
}

impl Default for Splitter {
    fn default() -> Self {
        Self {
            out: Vec::new(),
            block: Vec::new(),
            line_starts: vec![0],
            start: 0,
        }
    }
}

impl Splitter {
    /// Splits the lines of `text` (the text so far) completed since the last call.
    pub fn grown(&mut self, text: &str) {
        if let Some(last) = memchr::memrchr(b'\n', &text.as_bytes()[self.start..]) {
            self.lines(text, self.start + last + 1);
        }
    }

    /// The paragraph ranges and line starts of all of `text`, the text complete.
    #[must_use]
    pub fn finish(mut self, text: &str) -> (Vec<Range<usize>>, Vec<usize>) {
        self.lines(text, text.len());
        flush_block(text, &mut self.block, &mut self.out);
        (self.out, self.line_starts)
    }

    /// Splits the lines of `text` from `self.start` up to `end`, a line's end.
    fn lines(&mut self, text: &str, end: usize) {
        // Line breaks found by `memchr` directly: twice as fast as `split_inclusive`.
        let mut from = self.start;
        for nl in memchr::memchr_iter(b'\n', &text.as_bytes()[from..end]) {
            let line_end = self.start + nl + 1;
            self.line(text, from..line_end);
            self.line_starts.push(line_end);
            from = line_end;
        }
        if from < end {
            self.line(text, from..end);
        }
        self.start = end;
    }

    fn line(&mut self, text: &str, line: Range<usize>) {
        let r = trim_range(text, line);
        if r.is_empty() {
            flush_block(text, &mut self.block, &mut self.out);
        } else {
            self.block.push(r);
        }
    }
}

fn flush_block(text: &str, block: &mut Vec<Range<usize>>, out: &mut Vec<Range<usize>>) {
    if block.is_empty() {
        return;
    }
    if looks_hard_wrapped(text, block) {
        out.push(block[0].start..block[block.len() - 1].end);
    } else if out.is_empty() {
        // A text with no blank line is one block: take it whole rather than copy it.
        std::mem::swap(out, block);
    } else {
        out.append(block);
    }
    block.clear();
}

fn looks_hard_wrapped(text: &str, block: &[Range<usize>]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let body = &block[..block.len() - 1];
    // Widths first: in a file of one paragraph per line, the first line of prose is most
    // often too wide, and that ends the test.
    body.iter()
        .all(|r| (WRAPPED_MIN..=WRAPPED_MAX).contains(&text[r.clone()].width()))
        && body
            .iter()
            .filter(|r| !ends_sentence(&text[(*r).clone()]))
            .count()
            * 2
            >= body.len()
}

/// True when a line ends with sentence-final punctuation.
#[must_use]
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with([
        '.', '!', '?', '…', ':', '»', '"', '”', '。', '！', '？', ')',
    ])
}

/// Trims whitespace (including no-break spaces) from both ends of a range.
#[must_use]
pub fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    let start = r.start + lead;
    start..start + trimmed.len()
}

/// Sentence ranges inside one paragraph range, trimmed, by Unicode sentence boundaries (UAX #29).
#[must_use]
pub fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[para.clone()];
    // Most lines hold one sentence. UAX #29 can only break after a terminator or a paragraph
    // separator, so a paragraph with neither before its final run needs no full pass.
    if !has_inner_terminator(s) {
        let r = trim_range(text, para);
        return if r.is_empty() { Vec::new() } else { vec![r] };
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, piece) in s.split_sentence_bound_indices() {
        let r = trim_range(text, para.start + i..para.start + i + piece.len());
        if r.is_empty() {
            continue;
        }
        // UAX #29 breaks after a lone initial or an abbreviation ("D.Dj. Kliwantoro",
        // "J. Smith"); a piece that short belongs to the next sentence.
        if let Some(last) = out.last_mut()
            && (is_fragment(&text[last.clone()])
                || is_day_before_month(&text[last.clone()], &text[r.clone()]))
        {
            last.end = r.end;
            continue;
        }
        out.push(r);
    }
    out
}

/// True when a terminator (or a character UAX #29 treats as a paragraph separator) appears
/// before the trailing run of terminators, closing punctuation and spaces.
fn has_inner_terminator(s: &str) -> bool {
    let body = s.trim_end_matches(|c: char| is_terminator(c) || is_closing(c) || c.is_whitespace());
    let b = body.as_bytes();
    if memchr::memchr3(b'.', b'!', b'?', b).is_some() || memchr::memchr2(b'\n', b'\r', b).is_some()
    {
        return true;
    }
    // Only non-ASCII characters are left to check.
    !body.is_ascii()
        && body.chars().any(|c| {
            c > '\u{7f}' && (is_terminator(c) || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}'))
        })
}

/// Sentence terminators (UAX #29 STerm and ATerm) likely in text; rarer ones are covered by
/// the full pass whenever any of these is present.
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '।'
            | '॥'
            | '։'
            | '።'
            | '፧'
            | '፨'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '︒'
            | '﹒'
            | '﹖'
            | '﹗'
            | '．'
    ) || (c > '\u{7f}' && is_rare_terminator(c))
}

/// Terminators of other scripts: checked by asking UAX #29 itself about a one-character
/// sentence followed by a capital, which is cheap and keeps the rule in one place.
fn is_rare_terminator(c: char) -> bool {
    thread_local! {
        static KNOWN: std::cell::RefCell<std::collections::HashMap<char, bool>> = std::cell::RefCell::default();
    }
    // Letters of the big scripts and typographic quotes and dashes end no sentence: decided
    // by range before the slower Unicode property lookups.
    if matches!(c, '\u{c0}'..='\u{24f}' | '\u{300}'..='\u{36f}' | '\u{400}'..='\u{4ff}'
        | '\u{621}'..='\u{64a}' | '\u{2010}'..='\u{201f}' | '\u{3040}'..='\u{30ff}'
        | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7a3}')
        || c.is_alphanumeric()
        || c.is_whitespace()
    {
        return false;
    }
    KNOWN.with(|k| {
        *k.borrow_mut().entry(c).or_insert_with(|| {
            let probe = format!("a{c} A");
            probe.split_sentence_bounds().count() > 1
        })
    })
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '»' | '”' | '’' | '」' | '』' | '）' | '】'
    )
}

/// True when a piece ends in an initial or a title abbreviation rather than a full stop.
fn is_fragment(s: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    let last = body.rsplit([' ', '.', '(']).next().unwrap_or("");
    let short_initial = (1..=2).contains(&last.chars().count())
        && last.chars().next().is_some_and(char::is_uppercase);
    short_initial || ABBREVIATIONS.contains(&last)
}

/// True when a piece ends in a German day of the month and the next begins with the month
/// (`ab dem 1. Oktober`): the full stop marks the ordinal, not the end of a sentence.
fn is_day_before_month(s: &str, next: &str) -> bool {
    let Some(body) = s.strip_suffix('.') else {
        return false;
    };
    let day = body
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or("");
    let month = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (1..=2).contains(&day.len())
        && day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        && body[..body.len() - day.len()].ends_with(' ')
        && GERMAN_MONTHS.contains(&month)
}

/// Month names that follow a day written as an ordinal with a full stop.
const GERMAN_MONTHS: &[&str] = &[
    "Januar",
    "Jänner",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// Title abbreviations that UAX #29 takes for the end of a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Mme", "Mlle", "Bpk", "Sr", "Sra", "Jr", "St",
];

/// Words, by Unicode word boundaries; each Han character counts as one.
#[must_use]
pub fn count_words(s: &str) -> usize {
    s.unicode_words().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// A text split as it grows, in pieces cut anywhere, gives the paragraphs and line
        /// starts of the whole.
        #[test]
        fn a_text_split_as_it_grows_splits_as_a_whole(
            lines in proptest::collection::vec(proptest::prop_oneof![
                proptest::prelude::Just(String::new()),
                proptest::prelude::Just("  ".to_string()),
                "[a-z ]{30,60}[a-z]",
                "[a-z ]{50,90}[.]",
                "[é难 ]{1,12}",
            ], 0..30),
            cuts in proptest::collection::vec(0usize..2000, 0..8),
            last_break in proptest::bool::ANY,
        ) {
            let mut text = lines.join("\n");
            if last_break {
                text.push('\n');
            }
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .map(|c| c % (text.len() + 1))
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            cuts.sort_unstable();
            let mut s = Splitter::default();
            for c in cuts {
                s.grown(&text[..c]);
            }
            let (paras, starts) = s.finish(&text);
            proptest::prop_assert_eq!(paras, paragraphs(&text));
            proptest::prop_assert_eq!(starts, crate::corpus::document::line_starts(&text));
        }
    }

    fn texts<'a>(t: &'a str, rs: &[Range<usize>]) -> Vec<&'a str> {
        rs.iter().map(|r| &t[r.clone()]).collect()
    }

    #[test]
    fn one_paragraph_per_line_when_lines_are_long() {
        let t = "Title here\nA long first paragraph that goes on and on. It has two sentences.\n\n  Next one.  \n";
        assert_eq!(
            texts(t, &paragraphs(t)),
            [
                "Title here",
                "A long first paragraph that goes on and on. It has two sentences.",
                "Next one."
            ]
        );
    }

    #[test]
    fn hard_wrapped_blocks_join() {
        let t = "It was the best of times, it was the worst of times, it was\nthe age of wisdom, it was the age of foolishness, it was the\nepoch of belief.\n\nNext paragraph.";
        let p = paragraphs(t);
        assert_eq!(p.len(), 2);
        assert!(t[p[0].clone()].ends_with("epoch of belief."));
    }

    #[test]
    fn sentences_split_and_trim() {
        let t = "Où suis-je ? Suis-je toujours en Chine ? Oui.";
        let s = sentences(t, 0..t.len());
        assert_eq!(
            texts(t, &s),
            ["Où suis-je ?", "Suis-je toujours en Chine ?", "Oui."]
        );
    }

    #[test]
    fn cjk_sentences() {
        let t = "美国用户涌向小红书。他们自称难民！";
        assert_eq!(
            texts(t, &sentences(t, 0..t.len())),
            ["美国用户涌向小红书。", "他们自称难民！"]
        );
    }

    #[test]
    fn fast_path_agrees_with_full_pass() {
        for t in [
            "One sentence only.",
            "Deux phrases. Ici !",
            "Arabic question؟ Next",
            "无终止符",
            "Ends with quote.\u{201d}",
            "Hindi। Next",
            "a\u{2029}b",
        ] {
            let full: Vec<&str> = t
                .split_sentence_bounds()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            assert_eq!(texts(t, &sentences(t, 0..t.len())), full, "{t}");
        }
    }

    #[test]
    fn a_german_day_before_its_month_ends_no_sentence() {
        let t = "Lissabon verdoppelt die Abgabe ab dem 1. Oktober auf 4 Euro. Das ist neu.";
        assert_eq!(sentences(t, 0..t.len()).len(), 2);
        // A number that ends a sentence still ends it.
        let t = "Es waren 12. Oktober kam dann.";
        assert_eq!(sentences(t, 0..t.len()).len(), 1);
        let t = "Die Zahl stieg auf 12. Danach fiel sie.";
        assert_eq!(sentences(t, 0..t.len()).len(), 2);
    }

    #[test]
    fn initials_do_not_end_sentences() {
        let t = "Editor: D. Kliwantoro wrote it. Done.";
        assert_eq!(
            texts(t, &sentences(t, 0..t.len())),
            ["Editor: D. Kliwantoro wrote it.", "Done."]
        );
    }

    #[test]
    fn crlf_and_whitespace_only() {
        assert!(paragraphs("  \r\n\t\n").is_empty());
        let t = "a line\r\nanother\r\n";
        assert_eq!(texts(t, &paragraphs(t)), ["a line", "another"]);
    }
}
