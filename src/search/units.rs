//! Search units: every title, sentence and quote of a corpus, plus units given from outside
//! (figures), in document order, with their texts. Both the full [`Index`](super::Index) and a
//! one-shot search (`super::one_shot`) are built from the same items, so they agree on what a
//! unit is.
//!
//! Units are stored in document order (document, then byte offset, then kind), which is also
//! the tie-break order of equal scores.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::corpus::Document;
use crate::extract::figures::{FigureList, label};
use crate::extract::quotes;

/// What a unit is. The order is the tie-break order of units starting at the same byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Title,
    Quote,
    Sentence,
    Figure,
}

impl UnitKind {
    pub const ALL: [Self; 4] = [Self::Title, Self::Quote, Self::Sentence, Self::Figure];

    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Quote => "quote",
            Self::Sentence => "sentence",
            Self::Figure => "figure",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

impl std::str::FromStr for UnitKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                format!("unknown kind '{s}' (expected title, sentence, quote or figure)")
            })
    }
}

/// A set of unit kinds, to restrict a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSet(u8);

impl KindSet {
    pub const ALL: Self = Self(0b1111);

    #[must_use]
    pub fn of(kinds: &[UnitKind]) -> Self {
        Self(kinds.iter().fold(0, |m, k| m | k.bit()))
    }

    #[must_use]
    pub const fn contains(self, k: UnitKind) -> bool {
        self.0 & k.bit() != 0
    }
}

impl Default for KindSet {
    fn default() -> Self {
        Self::ALL
    }
}

/// A unit given from outside the index, such as a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSpec {
    /// Index of the document in the slice given to the build.
    pub doc: usize,
    pub kind: UnitKind,
    /// Byte range in the document's text.
    pub range: Range<usize>,
    /// The text to match and show (for a figure, its surface form and label).
    pub text: String,
}

/// One searchable unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Index of its document in the corpus.
    pub doc: u32,
    pub kind: UnitKind,
    /// Byte range in the document's text. A title's range is the paragraph or sentence it was
    /// made from; its text may be shortened.
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
}

/// Where a unit's text lives.
#[derive(Debug, Clone, Copy)]
enum TextAt {
    /// In its document, at the unit's range: sentences, quotes and most figures, which need
    /// not be copied.
    Doc,
    /// In the units' own text, at this start and length: titles (which may be shortened),
    /// and any unit given with a text of its own. The length is a unit's, in 32 bits to keep
    /// this 16 bytes.
    Own(usize, u32),
}

/// Units with their texts: what every kind of search result reads a hit from.
#[derive(Debug, Default)]
pub struct Units {
    units: Vec<Unit>,
    /// Where unit `i`'s text is: `text_at[i]`.
    text_at: Vec<TextAt>,
    /// The texts of units that are not read from their documents, concatenated.
    own: String,
    /// Each document's text, shared with the corpus.
    doc_texts: Vec<Arc<String>>,
    doc_ids: Vec<String>,
}

impl Units {
    /// No units yet, for the documents `docs`.
    pub(super) fn of(docs: &[Document]) -> Self {
        Self {
            doc_ids: docs.iter().map(|d| d.id.clone()).collect(),
            doc_texts: docs.iter().map(|d| d.text.clone()).collect(),
            ..Self::default()
        }
    }

    /// Number of units.
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// All units, in document order.
    #[must_use]
    pub fn all(&self) -> &[Unit] {
        &self.units
    }

    /// The text of unit `i`, as shown (unfolded).
    #[must_use]
    pub fn text(&self, i: usize) -> &str {
        let text = match self.text_at.get(i) {
            Some(TextAt::Doc) => self.units.get(i).and_then(|u| {
                let doc = self.doc_texts.get(u.doc as usize)?;
                doc.get(u.start..u.end)
            }),
            Some(&TextAt::Own(at, len)) => self.own.get(at..at + len as usize),
            None => None,
        };
        text.unwrap_or("")
    }

    /// The id of document `doc` (as in [`Document::id`]).
    #[must_use]
    pub fn doc_id(&self, doc: usize) -> &str {
        self.doc_ids.get(doc).map_or("", String::as_str)
    }

    /// No units yet, for the same documents as `self`.
    pub(super) fn empty_like(&self) -> Self {
        Self {
            doc_ids: self.doc_ids.clone(),
            doc_texts: self.doc_texts.clone(),
            ..Self::default()
        }
    }

    /// Adds a copy of unit `i` of `from`, units of the same documents.
    pub(super) fn push_from(&mut self, from: &Self, i: usize) {
        let (Some(&unit), Some(&at)) = (from.units.get(i), from.text_at.get(i)) else {
            return;
        };
        self.units.push(unit);
        self.text_at.push(match at {
            TextAt::Doc => TextAt::Doc,
            TextAt::Own(at, len) => {
                let start = self.own.len();
                self.own
                    .push_str(from.own.get(at..at + len as usize).unwrap_or(""));
                TextAt::Own(start, to_u32(self.own.len() - start))
            }
        });
    }

    /// Adds unit `item` of document `doc`, on line `line`.
    pub(super) fn push(&mut self, item: &Item<'_>, doc: u32, line: usize) {
        self.units.push(Unit {
            doc,
            kind: item.kind,
            line: to_u32(line),
            start: item.range.start,
            end: item.range.end,
        });
        self.text_at.push(if item.in_doc {
            TextAt::Doc
        } else {
            let at = self.own.len();
            self.own.push_str(&item.text);
            TextAt::Own(at, to_u32(item.text.len()))
        });
    }

    /// Appends the units of a later run of items.
    pub(super) fn append(&mut self, other: Self) {
        let t0 = self.own.len();
        self.units.extend_from_slice(&other.units);
        self.own.push_str(&other.own);
        self.text_at
            .extend(other.text_at.into_iter().map(|at| match at {
                TextAt::Doc => TextAt::Doc,
                TextAt::Own(at, len) => TextAt::Own(t0 + at, len),
            }));
    }

    /// Approximate heap bytes held, without the documents' texts it shares.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.units.capacity() * size_of::<Unit>()
            + self.own.capacity()
            + self.text_at.capacity() * size_of::<TextAt>()
            + self.doc_ids.iter().map(String::capacity).sum::<usize>()
    }
}

/// One unit to index: its kind, its range in its document, its text, and whether that is
/// the text of its range.
#[derive(Debug, Clone)]
pub(super) struct Item<'a> {
    pub kind: UnitKind,
    pub range: Range<usize>,
    pub text: Cow<'a, str>,
    pub in_doc: bool,
}

/// Sorts the `extra` units by document (keeping their order within one), drops those that do
/// not fit their document's text, and gives where each document's units are in `extra`. In
/// place: a large document's figures are not copied.
pub(super) fn extra_by_doc(docs: &[Document], extra: &mut Vec<UnitSpec>) -> Vec<Range<usize>> {
    extra.retain(|u| {
        docs.get(u.doc).is_some_and(|d| {
            u.range.start <= u.range.end
                && d.text.is_char_boundary(u.range.start)
                && d.text.is_char_boundary(u.range.end)
        })
    });
    // Units usually come in document order; the stable sort needs room only when they do not.
    if !extra.is_sorted_by_key(|u| u.doc) {
        extra.sort_by_key(|u| u.doc);
    }
    let mut at = 0;
    (0..docs.len())
        .map(|d| {
            let n = extra[at..].iter().take_while(|u| u.doc == d).count();
            at += n;
            at - n..at
        })
        .collect()
}

/// What a unit is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Made {
    Title,
    Quote,
    Sentence,
    Figure,
    Extra,
}

impl Made {
    const ALL: [Self; 5] = [
        Self::Title,
        Self::Quote,
        Self::Sentence,
        Self::Figure,
        Self::Extra,
    ];
}

/// Where a unit comes from: what it is made from and an index into its document's quotes,
/// sentences, figures or extra units, packed in 32 bits (what in the top three) so that a
/// large document's order costs 4 bytes a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Source(u32);

impl Source {
    const SHIFT: u32 = 29;

    /// The source of item `i` of `from`; `None` past 2^29 items of one kind in a document
    /// (a 4 GiB document of one-word sentences), which are not searched.
    fn new(from: Made, i: usize) -> Option<Self> {
        let i = u32::try_from(i).ok().filter(|&i| i < 1 << Self::SHIFT)?;
        Some(Self((from as u32) << Self::SHIFT | i))
    }

    pub(super) fn from(self) -> Made {
        Made::ALL[(self.0 >> Self::SHIFT) as usize]
    }

    pub(super) const fn index(self) -> usize {
        (self.0 & ((1 << Self::SHIFT) - 1)) as usize
    }
}

/// The units of a document of the kinds asked for, in document order: its title, quotes,
/// counted sentences, figures and extra units, made into items a
/// stretch at a time ([`Order::items`]): a search through a large document holds the items
/// of one stretch, not of the whole document.
pub(super) struct Order<'a, 'q> {
    doc: &'a Document,
    quotes: &'q [quotes::Quote],
    figures: &'a FigureList,
    extra: &'a [UnitSpec],
    units: Vec<Source>,
}

impl<'a, 'q> Order<'a, 'q> {
    /// The units of `doc` of the kinds `kinds` keeps: its title, quotes (`quotes`), counted
    /// sentences, figures (`figures`) and `extra`.
    pub(super) fn of(
        doc: &'a Document,
        quotes: &'q [quotes::Quote],
        figures: &'a FigureList,
        extra: &'a [UnitSpec],
        kinds: super::KindSet,
    ) -> Self {
        // Each source lists its units by start already: they are merged, in order of start
        // then kind, and on a tie in the order title, quotes, sentences, figures, extra
        // units, which is what a stable sort of them all would give, without holding every
        // start.
        let title_start = title_range(doc).start;
        let start_of = |src: Source| match src.from() {
            Made::Title => title_start,
            Made::Quote => quotes[src.index()].start,
            Made::Sentence => doc.sentences[src.index()].range.start,
            Made::Figure => figures.range(src.index()).start,
            Made::Extra => extra[src.index()].range.start,
        };
        let kind_of = |src: Source| kind_of(src, extra);
        let quoted = (0..quotes.len()).filter_map(|i| Source::new(Made::Quote, i));
        let sentences = doc
            .counted_sentences()
            .filter_map(|(i, _)| Source::new(Made::Sentence, i));
        let figured = (0..figures.len()).filter_map(|i| Source::new(Made::Figure, i));
        let extras = (0..extra.len()).filter_map(|i| Source::new(Made::Extra, i));
        let mut streams: [Box<dyn Iterator<Item = Source> + '_>; 5] = [
            Box::new(Source::new(Made::Title, 0).into_iter()),
            Box::new(quoted),
            Box::new(sentences),
            Box::new(figured),
            Box::new(extras),
        ];
        let mut next_of = |i: usize| {
            streams[i]
                .find(|&src| kinds.contains(kind_of(src)))
                .map(|src| ((start_of(src), kind_of(src)), src))
        };
        let mut heads: [Option<((usize, UnitKind), Source)>; 5] = std::array::from_fn(&mut next_of);
        // Room for every unit at once: a large document's order is never grown by copying.
        let most = 1 + quotes.len() + doc.counted_sentences().count() + figures.len() + extra.len();
        let mut units = Vec::with_capacity(most);
        let mut sorted = true;
        let mut last = (0, UnitKind::Title);
        while let Some(i) = (0..heads.len())
            .filter(|&i| heads[i].is_some())
            .min_by_key(|&i| heads[i].map(|(key, _)| key))
        {
            let Some((key, src)) = heads[i] else {
                break;
            };
            sorted &= key >= last;
            last = key;
            units.push(src);
            heads[i] = next_of(i);
        }
        // Units given out of order (extra units from a caller) are sorted the slow way.
        if !sorted {
            units.sort_by_key(|&src| (start_of(src), kind_of(src)));
        }
        Self {
            doc,
            quotes,
            figures,
            extra,
            units,
        }
    }

    /// Number of units.
    pub(super) fn len(&self) -> usize {
        self.units.len()
    }

    /// Every unit's source, in order.
    pub(super) fn into_sources(self) -> Vec<Source> {
        self.units
    }

    /// The items of units `range`.
    pub(super) fn items(&self, range: Range<usize>) -> Vec<Item<'a>> {
        let doc = self.doc;
        self.units
            .get(range)
            .unwrap_or_default()
            .iter()
            .map(|&src| {
                let kind = kind_of(src, self.extra);
                let of_range = |range: Range<usize>| {
                    let text = doc.text.get(range.clone());
                    Item {
                        kind,
                        range,
                        text: Cow::Borrowed(text.unwrap_or("")),
                        in_doc: text.is_some(),
                    }
                };
                match src.from() {
                    Made::Title => Item {
                        kind,
                        range: title_range(doc),
                        text: Cow::Borrowed(doc.title.as_str()),
                        in_doc: false,
                    },
                    Made::Quote => {
                        let q = &self.quotes[src.index()];
                        match quote_text(doc, q) {
                            Some(text) => Item {
                                kind,
                                range: q.range(),
                                text: Cow::Owned(text),
                                in_doc: false,
                            },
                            None => of_range(q.range()),
                        }
                    }
                    Made::Sentence => of_range(doc.sentences[src.index()].range.clone()),
                    Made::Figure => {
                        let i = src.index();
                        let mut text = String::new();
                        label::search_text_at(self.figures, i, &doc.text, &mut text);
                        let range = self.figures.range(i);
                        // A figure without a label is searched by its surface alone.
                        let in_doc = doc.text.get(range.clone()) == Some(text.as_str());
                        Item {
                            kind,
                            range,
                            text: Cow::Owned(text),
                            in_doc,
                        }
                    }
                    Made::Extra => {
                        let e = &self.extra[src.index()];
                        // A figure's text is its surface, the text of its range.
                        let in_doc = doc.text.get(e.range.clone()) == Some(e.text.as_str());
                        Item {
                            kind,
                            range: e.range.clone(),
                            text: Cow::Borrowed(e.text.as_str()),
                            in_doc,
                        }
                    }
                }
            })
            .collect()
    }
}

/// The kind of the unit from `src`, `extra` being its document's extra units.
pub(super) fn kind_of(src: Source, extra: &[UnitSpec]) -> UnitKind {
    match src.from() {
        Made::Title => UnitKind::Title,
        Made::Quote => UnitKind::Quote,
        Made::Sentence => UnitKind::Sentence,
        Made::Figure => UnitKind::Figure,
        Made::Extra => extra.get(src.index()).map_or(UnitKind::Figure, |e| e.kind),
    }
}

/// The text a quote is searched by when it is not its range's: a marked quote with its
/// speaker, so that "jndoe" finds Jane Doe's. (A block quote's speaker is on the lines around
/// it, which a one-shot search reads only when they match.)
pub(super) fn quote_text(doc: &Document, q: &quotes::Quote) -> Option<String> {
    let text = doc.text.get(q.range())?;
    match &q.speaker {
        Some(speaker) if q.form == quotes::QuoteForm::Marked => {
            Some(quotes::searchable(text, speaker))
        }
        _ => None,
    }
}

/// Units handled as one run, on any core; fewer than two runs' worth stay on the calling
/// thread.
pub(super) const RUN_UNITS: usize = 8192;

/// `f` over `items` in runs of [`RUN_UNITS`] on every core, the results in order: how both
/// the full index and a one-shot search go through a document's units.
pub(super) fn in_runs<R: Send>(items: &[Item<'_>], f: impl Fn(&[Item<'_>]) -> R + Sync) -> Vec<R> {
    use rayon::prelude::*;
    if items.len() < 2 * RUN_UNITS {
        return vec![f(items)];
    }
    items.par_chunks(RUN_UNITS).map(&f).collect()
}

/// Documents and lines are counted in `u32` to keep units small; beyond that they saturate.
pub(super) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The source range of a document's title: its headline paragraph, else its first counted
/// sentence, else nothing.
pub(super) fn title_range(doc: &Document) -> Range<usize> {
    if let Some(i) = crate::corpus::title::headline(&doc.text, &doc.paragraphs) {
        return doc.paragraphs[i].range.clone();
    }
    doc.counted_sentences()
        .next()
        .map_or(0..0, |(_, s)| s.range.clone())
}
