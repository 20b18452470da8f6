//! Titles: the headline when the text has one, else the first sentence, shortened.

use unicode_segmentation::UnicodeSegmentation;

use super::document::{Paragraph, ParagraphKind};
use super::segment::ends_sentence;

/// Longest title kept whole, in characters; longer ones are cut at a word and get "…".
pub const TITLE_MAX: usize = 90;

/// How many paragraphs from the top the headline is looked for in.
pub const HEADLINE_WINDOW: usize = 8;

/// A paragraph longer than this (in words) is body text: a headline comes before it.
const BODY_WORDS: usize = 30;

/// Finds the headline: a short paragraph near the top, not boilerplate, not a bare date, that
/// does not end like a sentence and comes before the first long body paragraph.
#[must_use]
pub fn headline(text: &str, paras: &[Paragraph]) -> Option<usize> {
    for (i, p) in paras.iter().enumerate().take(HEADLINE_WINDOW) {
        if p.kind != ParagraphKind::Body && p.kind != ParagraphKind::Heading {
            continue;
        }
        let s = &text[p.range.clone()];
        let words = s.unicode_words().count();
        if words > BODY_WORDS {
            return None;
        }
        let starts_upper = s
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() && !c.is_ascii_punctuation());
        if (3..=25).contains(&words) && starts_upper && !ends_sentence(s) && !is_date_line(s) {
            return Some(i);
        }
    }
    None
}

/// A line that is only a date, such as "15 janvier 2025" or "Kamis, 16/1/2025": a few words,
/// one of them a year or a day/month pair.
fn is_date_line(s: &str) -> bool {
    let words: Vec<&str> = s.unicode_words().collect();
    let year = |w: &&str| {
        w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    };
    let day_month = s.split_whitespace().any(|w| {
        let mut parts = w.trim_matches(|c: char| !c.is_ascii_digit()).split('/');
        parts.next().is_some_and(|d| !d.is_empty() && d.len() <= 2)
            && parts.next().is_some_and(|m| !m.is_empty() && m.len() <= 2)
    });
    words.len() <= 5 && (words.iter().any(year) || day_month)
}

/// Removes a news-agency dateline such as "Beijing (ANTARA) - " from the start of a sentence.
#[must_use]
pub fn strip_dateline(s: &str) -> &str {
    if let Some(close) = s
        .find(") - ")
        .or_else(|| s.find(") – "))
        .or_else(|| s.find(") — "))
        && close < 40
        && let Some(open) = s[..close].find(" (")
    {
        let agency = &s[open + 2..close];
        if !agency.is_empty() && agency.chars().all(|c| c.is_uppercase() || c == ' ') {
            let rest = &s[close + 1..];
            return rest.trim_start_matches([' ', '-', '–', '—']);
        }
    }
    s
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
    fn datelines_are_stripped() {
        assert_eq!(
            strip_dateline("Beijing (ANTARA) - Pemerintah China mengomentari"),
            "Pemerintah China mengomentari"
        );
        assert_eq!(strip_dateline("The (big) - thing"), "The (big) - thing");
    }

    #[test]
    fn shorten_cuts_at_words() {
        let long = "mot ".repeat(40);
        let t = shorten(&long);
        assert!(t.ends_with("mot…"));
        assert!(t.chars().count() <= TITLE_MAX);
        assert_eq!(shorten("court"), "court");
        let cjk = "美".repeat(200);
        assert!(shorten(&cjk).chars().count() <= TITLE_MAX);
    }
}
