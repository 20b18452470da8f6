//! Titles: the headline when the text has one, else the first sentence, shortened.

use super::document::{Paragraph, ParagraphKind};
use super::masthead;
use super::segment::ends_sentence;

/// Longest title kept whole, in characters; longer ones are cut at a word and get "…".
/// Headlines run to about 120 characters; lists and panes cut further as they need.
pub const TITLE_MAX: usize = 160;

/// How many paragraphs from the top the headline is looked for in: a saved page may carry a
/// menu, crumbs, a section label and share links above it.
pub const HEADLINE_WINDOW: usize = 12;

/// A paragraph longer than this (in words, see [`masthead::size`]) is body text: a headline
/// comes before it.
const BODY_WORDS: usize = 40;

/// Fewest words a headline has; shorter lines near the top are section labels and names.
const HEADLINE_MIN_WORDS: usize = 3;

/// Finds the headline: a short paragraph near the top, not boilerplate, not a date line, a
/// byline or a credit, that does not end like a sentence and comes before the first long body
/// paragraph.
#[must_use]
pub fn headline(text: &str, paras: &[Paragraph]) -> Option<usize> {
    for (i, p) in paras.iter().enumerate().take(HEADLINE_WINDOW) {
        if p.kind != ParagraphKind::Body && p.kind != ParagraphKind::Heading {
            continue;
        }
        let s = text[p.range.clone()].trim();
        let words = masthead::size(s);
        if words > BODY_WORDS {
            break;
        }
        if !(HEADLINE_MIN_WORDS..=BODY_WORDS).contains(&words)
            || !starts_like_a_headline(s)
            || ends_like_a_sentence(s)
            || masthead::is_date_line(s)
            || masthead::byline(s).is_some()
            || masthead::is_credit(s)
            || holds_two_sentences(s)
        {
            continue;
        }
        return Some(i);
    }
    None
}

/// A full stop, question or exclamation mark of an unspaced script before the end: a
/// headline is one sentence ("美国用户涌向小红书。他们自称难民！" is two).
fn holds_two_sentences(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(['。', '！', '？'])
        .contains(['。', '！', '？'])
}

/// A headline starts with a capital, a digit, a quote or a letter of a script without case.
fn starts_like_a_headline(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && (c.is_alphanumeric() || !c.is_ascii_punctuation()))
}

/// A sentence end, but for the question and exclamation marks headlines end with.
fn ends_like_a_sentence(s: &str) -> bool {
    ends_sentence(s) && !s.ends_with(['?', '!', '？', '！', '»', '"', '”', '」', '』'])
}

/// Removes a dateline such as "Beijing (ANTARA) - " or "HARTFIELD, Ohio — " from the start of
/// a headline or sentence.
#[must_use]
pub fn strip_dateline(s: &str) -> &str {
    masthead::strip_dateline(s)
}

/// Cuts a title to [`TITLE_MAX`] characters at a word boundary, adding "…".
#[must_use]
pub fn shorten(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= TITLE_MAX {
        return s;
    }
    // Cut at the last space that fits, so "sino-américains" is not split at its hyphen;
    // text with no spaces (CJK) is cut at a character.
    let fit: String = s.chars().take(TITLE_MAX - 1).collect();
    let out = match fit.rfind(' ') {
        Some(i) if i > fit.len() / 2 => fit[..i].to_string(),
        _ => fit,
    };
    let mut out = out.trim_end().trim_end_matches([',', ';', ':']).to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_words() {
        let long = "mot ".repeat(60);
        let t = shorten(&long);
        assert!(t.ends_with("mot…"));
        assert!(t.chars().count() <= TITLE_MAX);
        assert_eq!(shorten("court"), "court");
        let cjk = "美".repeat(200);
        assert!(shorten(&cjk).chars().count() <= TITLE_MAX);
    }
}
