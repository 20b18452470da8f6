//! The search index: every searchable unit of a corpus, listed once in document order and
//! searched on every keystroke.
//!
//! Units are titles, sentences and quotes of every document (from the paragraphs that count:
//! boilerplate and repeats are left out), its figures, and any units given from outside (see
//! [`super::units`]).
//!
//! A unit is kept as where it comes from, 4 bytes ([`units::Source`]); its text is read from
//! its document, or made from its packed figure, and folded when it is scored. A folded copy
//! of every unit, with its place and kind, cost three times the text itself, which for a large
//! document is more than the machine may have; folding is a fraction of matching's own time.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use nucleo_matcher::Utf32Str;

use super::fold::FoldBuf;
use super::units::{self, Made, Source, Unit, UnitSpec};
use crate::corpus::{Document, Sentence};
use crate::extract::figures::{FigureList, label};
use crate::extract::quotes;

/// Progress of building an index, reported to a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildProgress {
    pub docs_done: usize,
    pub docs_total: usize,
    pub units: usize,
}

/// What the index keeps of one document: where its units' texts are.
#[derive(Debug, Default)]
struct DocUnits {
    id: String,
    text: Arc<String>,
    /// Its first unit's number: its units are `first..` the next document's first.
    first: usize,
    /// Where its lines start, for a unit's line: shared with the document.
    line_starts: Arc<Vec<usize>>,
    title: String,
    title_range: Range<usize>,
    /// Its sentences, shared with the document (the units are those that count).
    sentences: Arc<Vec<Sentence>>,
    /// Every quote's range, and its text when that is not its range's (see
    /// [`units::quote_text`]).
    quotes: Vec<([u32; 2], Option<Box<str>>)>,
    /// Units given from outside. A text that is its range's is not kept twice: it is
    /// emptied, and `in_doc` says so.
    extra: Vec<UnitSpec>,
    in_doc: Vec<bool>,
}

/// The text of a unit: a string, or a figure whose text is made when asked for.
enum Text<'a> {
    Str(&'a str),
    Figure(&'a FigureList, usize, &'a str),
}

/// Where a unit's text is made and folded for matching: one per thread, reused from unit
/// to unit so that scoring allocates nothing per unit.
#[derive(Debug, Default)]
pub struct HayBuf {
    text: String,
    fold: FoldBuf,
}

/// The searchable units of a corpus. Immutable once built: share it with `Arc` between the
/// UI and the search threads.
#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<DocUnits>,
    /// Every unit's source, documents in turn, each in document order.
    order: Vec<Source>,
    /// Each document's figures, shared with whoever found them.
    figures: Arc<[FigureList]>,
}

impl Index {
    /// The index of `docs`' titles, quotes and sentences, plus `extra` units (figures, or
    /// anything else).
    #[must_use]
    pub fn build(docs: &[Document], extra: Vec<UnitSpec>) -> Self {
        let quotes: Vec<_> = docs.iter().map(quotes::extract).collect();
        Self::build_all(docs, Arc::default(), &quotes, extra, &mut |_| {})
    }

    /// The index of `docs`' titles, quotes, sentences and figures (`quotes[i]` and
    /// `figures[i]` are those of `docs[i]`, as [`quotes::extract`] and [`FigureList::of`]
    /// find them), with a progress callback called after each document.
    #[must_use]
    pub fn build_with(
        docs: &[Document],
        figures: Arc<[FigureList]>,
        quotes: &[Vec<quotes::Quote>],
        progress: &mut dyn FnMut(BuildProgress),
    ) -> Self {
        Self::build_all(docs, figures, quotes, Vec::new(), progress)
    }

    fn build_all(
        docs: &[Document],
        figures: Arc<[FigureList]>,
        quotes: &[Vec<quotes::Quote>],
        mut extra: Vec<UnitSpec>,
        progress: &mut dyn FnMut(BuildProgress),
    ) -> Self {
        let none = FigureList::default();
        let mut ix = Self {
            docs: Vec::with_capacity(docs.len()),
            order: Vec::new(),
            figures: Arc::clone(&figures),
        };
        for (di, (doc, at)) in docs
            .iter()
            .zip(units::extra_by_doc(docs, &mut extra))
            .enumerate()
        {
            let extra = extra[at].to_vec();
            let qs = quotes.get(di).map_or(&[][..], Vec::as_slice);
            let figs = figures.get(di).unwrap_or(&none);
            let order = units::Order::of(doc, qs, figs, &extra, super::KindSet::ALL);
            let sources = order.into_sources();
            let in_doc: Vec<bool> = extra
                .iter()
                .map(|e| doc.text.get(e.range.clone()) == Some(e.text.as_str()))
                .collect();
            let extra: Vec<UnitSpec> = extra
                .into_iter()
                .zip(&in_doc)
                .map(|(e, &same)| {
                    if same {
                        UnitSpec {
                            text: String::new(),
                            ..e
                        }
                    } else {
                        e
                    }
                })
                .collect();
            let first = ix.order.len();
            if first == 0 {
                ix.order = sources;
            } else {
                ix.order.extend_from_slice(&sources);
            }
            ix.docs.push(DocUnits {
                id: doc.id.clone(),
                text: Arc::clone(&doc.text),
                first,
                line_starts: Arc::clone(&doc.line_starts),
                title: doc.title.clone(),
                title_range: units::title_range(doc),
                sentences: Arc::clone(&doc.sentences),
                quotes: qs
                    .iter()
                    .map(|q| {
                        let own = units::quote_text(doc, q).map(String::into_boxed_str);
                        ([to_u32(q.start), to_u32(q.end)], own)
                    })
                    .collect(),
                extra,
                in_doc,
            });
            progress(BuildProgress {
                docs_done: di + 1,
                docs_total: docs.len(),
                units: ix.len(),
            });
        }
        ix.order.shrink_to_fit();
        ix
    }

    /// Number of units.
    #[must_use]
    pub fn len(&self) -> usize {
        self.order.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The document of unit `i`, its number, and the unit's source.
    fn locate(&self, i: usize) -> Option<(usize, &DocUnits, Source)> {
        let src = *self.order.get(i)?;
        let d = self.docs.partition_point(|d| d.first <= i).checked_sub(1)?;
        Some((d, self.docs.get(d)?, src))
    }

    /// Unit `i`. Every unit below [`Index::len`] is one.
    ///
    /// # Panics
    /// When `i` is not below [`Index::len`], as a slice index would.
    #[must_use]
    pub fn unit(&self, i: usize) -> Unit {
        self.get(i)
            .unwrap_or_else(|| panic!("unit {i} of an index of {}", self.len()))
    }

    /// Unit `i`, if there is one.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<Unit> {
        let (d, doc, src) = self.locate(i)?;
        let range = self.range(d, doc, src);
        let line = crate::corpus::document::line_of(&doc.line_starts, range.start);
        Some(Unit {
            doc: units::to_u32(d),
            kind: units::kind_of(src, &doc.extra),
            start: range.start,
            end: range.end,
            line: units::to_u32(line),
        })
    }

    /// All units, in document order.
    pub fn units(&self) -> impl Iterator<Item = Unit> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    fn range(&self, d: usize, doc: &DocUnits, src: Source) -> Range<usize> {
        let i = src.index();
        let span = |[a, b]: [u32; 2]| a as usize..b as usize;
        match src.from() {
            Made::Title => doc.title_range.clone(),
            Made::Quote => doc.quotes.get(i).map_or(0..0, |q| span(q.0)),
            Made::Sentence => doc.sentences.get(i).map_or(0..0, |s| s.range.clone()),
            Made::Figure => self
                .figures
                .get(d)
                .filter(|f| i < f.len())
                .map_or(0..0, |f| f.range(i)),
            Made::Extra => doc.extra.get(i).map_or(0..0, |e| e.range.clone()),
        }
    }

    fn text_of(&self, i: usize) -> Text<'_> {
        match self.locate(i) {
            Some((d, doc, src)) => self.text_at(d, doc, src),
            None => Text::Str(""),
        }
    }

    /// The text of the unit from `src` of document `d`, `doc`.
    fn text_at<'a>(&'a self, d: usize, doc: &'a DocUnits, src: Source) -> Text<'a> {
        let at = src.index();
        let of_doc = |r: Range<usize>| Text::Str(doc.text.get(r).unwrap_or(""));
        match src.from() {
            Made::Title => Text::Str(&doc.title),
            Made::Quote => match doc.quotes.get(at) {
                Some((_, Some(own))) => Text::Str(own),
                _ => of_doc(self.range(d, doc, src)),
            },
            Made::Sentence => of_doc(self.range(d, doc, src)),
            Made::Figure => match self.figures.get(d).filter(|f| at < f.len()) {
                Some(list) => Text::Figure(list, at, &doc.text),
                None => Text::Str(""),
            },
            Made::Extra if doc.in_doc.get(at) == Some(&true) => of_doc(self.range(d, doc, src)),
            Made::Extra => Text::Str(doc.extra.get(at).map_or("", |e| e.text.as_str())),
        }
    }

    /// The text of unit `i`, as shown (unfolded).
    #[must_use]
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        match self.text_of(i) {
            Text::Str(s) => Cow::Borrowed(s),
            Text::Figure(list, at, doc) => {
                let mut out = String::new();
                label::search_text_at(list, at, doc, &mut out);
                Cow::Owned(out)
            }
        }
    }

    /// The folded haystack of unit `i`, made in `buf`.
    pub fn haystack<'b>(&'b self, i: usize, buf: &'b mut HayBuf) -> Utf32Str<'b> {
        self.haystack_of(i, super::KindSet::ALL, buf)
            .unwrap_or(Utf32Str::Ascii(&[]))
    }

    /// [`Index::haystack`] of unit `i` when it is of a kind in `kinds`: what a search scores,
    /// the unit found once.
    pub(super) fn haystack_of<'b>(
        &'b self,
        i: usize,
        kinds: super::KindSet,
        buf: &'b mut HayBuf,
    ) -> Option<Utf32Str<'b>> {
        let (d, doc, src) = self.locate(i)?;
        if !kinds.contains(units::kind_of(src, &doc.extra)) {
            return None;
        }
        let text = match self.text_at(d, doc, src) {
            Text::Str(s) => s,
            Text::Figure(list, at, doc) => {
                label::search_text_at(list, at, doc, &mut buf.text);
                &buf.text
            }
        };
        Some(buf.fold.fold(text).1)
    }

    /// The id of document `doc` (as in [`Document::id`]).
    #[must_use]
    pub fn doc_id(&self, doc: usize) -> &str {
        self.docs.get(doc).map_or("", |d| d.id.as_str())
    }

    /// Approximate heap bytes held by the index, without what it shares with the documents
    /// (texts, sentences, lines) and whoever found the figures.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.order.capacity() * size_of::<Source>()
            + self
                .docs
                .iter()
                .map(|d| {
                    d.id.capacity()
                        + d.title.capacity()
                        + d.quotes.capacity() * size_of::<([u32; 2], Option<Box<str>>)>()
                        + d.quotes
                            .iter()
                            .filter_map(|q| q.1.as_ref())
                            .map(|t| t.len())
                            .sum::<usize>()
                })
                .sum::<usize>()
    }
}

/// Offsets are kept in 32 bits: documents are capped below 4 GiB when loaded.
fn to_u32(n: usize) -> u32 {
    units::to_u32(n)
}
