//! Loading text safely and modelling documents: paragraphs, sentences, titles, languages,
//! boilerplate and repeats. No UI dependency.

pub mod boilerplate;
pub mod decode;
pub mod document;
pub mod lang;
pub mod load;
pub mod seeds;
pub mod segment;
pub mod title;

pub use document::{Document, Origin, Paragraph, ParagraphKind, Sentence};
pub use lang::Lang;
pub use load::{Corpus, LoadError, LoadOptions, Warning, load};

use unicode_segmentation::UnicodeSegmentation;

/// Longest a paragraph may be (in words) and still count as a heading.
const HEADING_WORDS: usize = 12;

impl Document {
    /// Builds a document from decoded text: segments it, marks boilerplate and repeats,
    /// detects the language and finds the title.
    #[must_use]
    pub fn from_text(id: String, origin: Origin, text: String, lang: Option<Lang>) -> Self {
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        let line_starts = document::line_starts(&text);
        let ranges = segment::paragraphs(&text);
        let para_texts: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        let repeats = boilerplate::repeats(&para_texts);
        let mut paragraphs = Vec::with_capacity(ranges.len());
        let mut sentences = Vec::new();
        for (i, r) in ranges.iter().enumerate() {
            let s = para_texts[i];
            let kind = if boilerplate::is_boilerplate(s) {
                ParagraphKind::Boilerplate
            } else if let Some(first) = repeats[i] {
                ParagraphKind::Repeat(first)
            } else if is_heading(s, para_texts.get(i + 1).copied()) {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            };
            let first_sentence = sentences.len();
            for sr in segment::sentences(&text, r.clone()) {
                let line = document::line_of(&line_starts, sr.start);
                sentences.push(Sentence {
                    range: sr,
                    line,
                    paragraph: i,
                });
            }
            let line = document::line_of(&line_starts, r.start);
            paragraphs.push(Paragraph {
                range: r.clone(),
                line,
                kind,
                sentences: first_sentence..sentences.len(),
            });
        }
        let lang = lang.unwrap_or_else(|| lang::detect(&counted_text(&text, &paragraphs)));
        let mut doc = Self {
            id,
            origin,
            title: String::new(),
            lang,
            date: None,
            text,
            paragraphs,
            sentences,
            line_starts,
            hash,
        };
        doc.title = make_title(&doc);
        doc
    }
}

/// A heading: short, not ending like a sentence, followed by a longer paragraph.
fn is_heading(s: &str, next: Option<&str>) -> bool {
    // Cheap tests first: this runs on every paragraph of every document.
    if s.len() > HEADING_WORDS * 24
        || segment::ends_sentence(s)
        || !s.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    let words = s.unicode_words().take(HEADING_WORDS + 1).count();
    (1..=HEADING_WORDS).contains(&words)
        && next.is_some_and(|n| n.unicode_words().nth(words * 2).is_some())
}

/// The text of the paragraphs that count, for language detection.
fn counted_text(text: &str, paras: &[Paragraph]) -> String {
    let mut out = String::new();
    for p in paras.iter().filter(|p| p.kind.counts()) {
        if out.len() > 16 * 1024 {
            break;
        }
        out.push_str(&text[p.range.clone()]);
        out.push('\n');
    }
    out
}

fn make_title(doc: &Document) -> String {
    if let Some(i) = title::headline(&doc.text, &doc.paragraphs) {
        return title::shorten(doc.slice(&doc.paragraphs[i].range));
    }
    let first = doc
        .counted_sentences()
        .next()
        .map(|(_, s)| doc.slice(&s.range));
    match first {
        Some(s) => title::shorten(title::strip_dateline(s)),
        None => match &doc.origin {
            Origin::File(p) => p
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            Origin::Seed(n) => n.clone(),
            Origin::Stdin => "(standard input)".to_string(),
        },
    }
}
