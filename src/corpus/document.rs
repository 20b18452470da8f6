//! The document model: one loaded source with its structure. No UI here.

use std::ops::Range;

use serde::Serialize;

use super::lang::Lang;

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Origin {
    /// One of the seed documents embedded in the binary.
    Seed(String),
    /// A file on disk.
    File(std::path::PathBuf),
    /// Standard input.
    Stdin,
    /// A web address, fetched (or read from the cache).
    Url(String),
}

impl Origin {
    /// How the origin is shown to people: a path, `seeds/NAME` or `-`.
    #[must_use]
    pub fn display(&self) -> String {
        match self {
            Self::Seed(name) => format!("seeds/{name}"),
            Self::File(p) => p.display().to_string(),
            Self::Stdin => "-".to_string(),
            Self::Url(u) => u.clone(),
        }
    }
}

/// Why a paragraph is dimmed and left out of figures and search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Ordinary prose.
    Body,
    /// A short line that heads what follows.
    Heading,
    /// Scrape boilerplate: navigation, ads, comment forms, "read also" links, credits.
    Boilerplate,
    /// The same text as an earlier paragraph of the same document (the index of that one,
    /// in 32 bits to keep a large document's paragraphs small).
    Repeat(u32),
    /// Not analysed: the document was loaded with a [`Focus`](super::Focus) that does not
    /// select this paragraph, as a one-shot search loads it (see
    /// [`Document::from_text_with`]). Never seen by the reader.
    Unread,
}

impl ParagraphKind {
    /// True for paragraphs whose content counts (figures, search, words).
    #[must_use]
    pub const fn counts(self) -> bool {
        matches!(self, Self::Body | Self::Heading)
    }
}

/// A paragraph: a run of text between line breaks or blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range in [`Document::text`], trimmed of surrounding whitespace.
    pub range: Range<usize>,
    /// 1-based line of its first byte.
    pub line: u32,
    pub kind: ParagraphKind,
    /// Indices into [`Document::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence: the unit of search and of figure context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in [`Document::text`], trimmed.
    pub range: Range<usize>,
    /// 1-based line of its first byte.
    pub line: u32,
    /// Index into [`Document::paragraphs`].
    pub paragraph: u32,
}

/// What a page says about itself: empty for a plain-text document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The title the page gives (Open Graph, JSON-LD headline, `<title>` without the site).
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// The site or outlet's name.
    pub site: Option<String>,
    /// The canonical address of the page, else the one it was fetched from.
    pub url: Option<String>,
    /// When it was published, as the page states it.
    pub published: Option<String>,
}

/// One loaded source document.
#[derive(Debug, Clone)]
pub struct Document {
    /// Short stable id: the seed's three-digit prefix, else the file stem, made unique.
    pub id: String,
    pub origin: Origin,
    pub title: String,
    /// The author names: those the page's metadata gives, else a byline line's near the top
    /// ("By Jane Doe" gives "Jane Doe").
    pub byline: Option<String>,
    pub lang: Lang,
    /// The decoded text exactly as loaded (BOM dropped, CRLF kept). All ranges index into it.
    /// Shared with the search index, which reads its sentences and quotes from it.
    pub text: std::sync::Arc<String>,
    pub paragraphs: Vec<Paragraph>,
    /// Shared with the search index, which reads its sentence units' places from them.
    pub sentences: std::sync::Arc<Vec<Sentence>>,
    /// Byte offset of the start of each line; shared with the search index too.
    pub line_starts: std::sync::Arc<Vec<usize>>,
    /// Content hash: persistence key and duplicate detection.
    pub hash: u64,
    /// The page's own metadata, for a web page or feed item.
    pub meta: Meta,
}

impl Document {
    /// The text of a range.
    #[must_use]
    pub fn slice(&self, r: &Range<usize>) -> &str {
        self.text.get(r.clone()).unwrap_or("")
    }

    /// 1-based line number of a byte offset.
    #[must_use]
    pub fn line_of(&self, byte: usize) -> usize {
        line_of(&self.line_starts, byte)
    }

    /// The sentence containing a byte offset, or the nearest one before it.
    #[must_use]
    pub fn sentence_at(&self, byte: usize) -> Option<usize> {
        self.sentence_at_from(0, byte)
    }

    /// [`Document::sentence_at`] for a byte at or after the start of sentence `from`, as
    /// when walking the text in order: see [`partition_point_from`]. Any `from` gives the
    /// right sentence.
    #[must_use]
    pub fn sentence_at_from(&self, from: usize, byte: usize) -> Option<usize> {
        if self.sentences.is_empty() {
            return None;
        }
        let i = partition_point_from(&self.sentences, from, |s| s.range.start <= byte);
        Some(i.saturating_sub(1))
    }

    /// Words in the paragraphs that count (boilerplate and repeats left out).
    #[must_use]
    pub fn words(&self) -> usize {
        self.paragraphs
            .iter()
            .filter(|p| p.kind.counts())
            .map(|p| super::segment::count_words(self.slice(&p.range)))
            .sum()
    }

    /// Sentences in the paragraphs that count.
    pub fn counted_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| self.paragraphs[s.paragraph as usize].kind.counts())
    }
}

/// Offsets of line starts in `text`.
#[must_use]
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

/// 1-based line of `byte` given line starts.
#[must_use]
pub fn line_of(starts: &[usize], byte: usize) -> usize {
    starts.partition_point(|&s| s <= byte).max(1)
}

/// [`line_of`] for a byte on line `from` or later, as when walking a text in order: see
/// [`partition_point_from`]. Any `from` gives the right line; one past `byte` only costs a
/// full search.
#[must_use]
pub fn line_after(starts: &[usize], from: usize, byte: usize) -> usize {
    partition_point_from(starts, from, |&s| s <= byte).max(1)
}

/// `slice.partition_point(pred)`, known to be `from` or more: the search starts at `from` and
/// widens, so an answer a few places on costs a few reads of nearby memory, where a search of
/// all of a large slice misses the cache at every step. When `pred` fails before `from`, the
/// whole slice is searched.
pub fn partition_point_from<T>(slice: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    if from > slice.len() || (from > 0 && !pred(&slice[from - 1])) {
        return slice.partition_point(pred);
    }
    // `pred` holds before `lo`; gallop until it fails at `hi` (or the end) to bound the search.
    let (mut lo, mut hi, mut step) = (from, from, 1);
    while slice.get(hi).is_some_and(&pred) {
        lo = hi + 1;
        hi = lo + step;
        step *= 2;
    }
    let hi = hi.min(slice.len());
    lo + slice[lo..hi].partition_point(pred)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_partition_point_found_from_any_start_is_the_partition_point() {
        let v: Vec<u32> = (0..200).map(|i| i / 3).collect();
        for x in 0..70 {
            let want = v.partition_point(|&e| e < x);
            for from in 0..=v.len() + 1 {
                assert_eq!(super::partition_point_from(&v, from, |&e| e < x), want);
            }
        }
    }

    #[test]
    fn a_sentence_found_from_any_other_is_the_sentence() {
        let text = "Un. Deux trois.\n\nQuatre ? Cinq.\n".repeat(20);
        let doc = super::Document::from_text("d".into(), super::Origin::Stdin, text, None);
        for byte in 0..=doc.text.len() + 1 {
            for from in 0..=doc.sentences.len() + 1 {
                assert_eq!(
                    doc.sentence_at_from(from, byte),
                    doc.sentence_at(byte),
                    "{from} {byte}"
                );
            }
        }
    }

    #[test]
    fn a_line_found_from_any_other_is_the_line() {
        let text = "a\nbb\n\nccc\nd\n".repeat(40);
        let starts = super::line_starts(&text);
        for byte in 0..=text.len() + 2 {
            let want = super::line_of(&starts, byte);
            for from in 0..=starts.len() + 2 {
                assert_eq!(
                    super::line_after(&starts, from, byte),
                    want,
                    "{from} {byte}"
                );
            }
        }
    }
}
