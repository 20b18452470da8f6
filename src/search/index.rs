//! The search index: every searchable unit of a corpus with its folded haystack, built once.
//!
//! Units are titles, sentences and quotes of every document (from the paragraphs that count:
//! boilerplate and repeats are left out), plus any units given from outside, such as figures.
//! Units are stored in document order (document, then byte offset, then kind), which is also
//! the tie-break order of equal scores.

use std::ops::Range;

use nucleo_matcher::Utf32Str;
use serde::Serialize;

use super::engine::{MatcherKind, Prepared, Scorer};
use super::fold::{self, FoldBuf, FoldedInto};
use super::matching::{Match, SearchOptions, rank};
use super::prefilter::{Absent, Prefilter};
use super::query::Query;
use super::quotes::{self, Quote};
use crate::corpus::Document;

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
    /// Index of the document in the slice given to [`Index::build`].
    pub doc: usize,
    pub kind: UnitKind,
    /// Byte range in the document's text.
    pub range: Range<usize>,
    /// The text to match and show (for a figure, its surface form).
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
    /// In its document, at the unit's range: sentences, quotes and most figures, which the
    /// index then need not copy.
    Doc,
    /// In the index's own text, at this range: titles (which may be shortened), and any
    /// unit given with a text of its own.
    Own(usize, usize),
}

/// Where a unit's folded haystack lives.
#[derive(Debug, Clone, Copy)]
enum Hay {
    /// The unit text itself (ASCII).
    Same,
    Ascii(usize, usize),
    Wide(usize, usize),
}

/// Progress of building an index, reported to a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildProgress {
    pub docs_done: usize,
    pub docs_total: usize,
    pub units: usize,
}

/// How often (in units) progress is reported inside a large document.
const PROGRESS_EVERY: usize = 1 << 16;

/// The searchable units of a corpus with cached folded haystacks. Immutable once built: share
/// it with `Arc` between the UI and the search threads.
#[derive(Debug, Default)]
pub struct Index {
    units: Vec<Unit>,
    /// Where unit `i`'s text is: `text_at[i]`.
    text_at: Vec<TextAt>,
    /// The texts of units that are not read from their documents, concatenated.
    own: String,
    /// Each document's text, shared with the corpus.
    doc_texts: Vec<std::sync::Arc<String>>,
    folded: FoldedBatch,
    doc_ids: Vec<String>,
    quotes: Vec<(usize, Quote)>,
    /// Built for a query: the matched characters of each unit, as indices into its folded
    /// haystack; `matched[matched_at[i]..matched_at[i + 1]]` are unit `i`'s. Empty otherwise.
    matched: Vec<u32>,
    matched_at: Vec<usize>,
}

impl Index {
    /// Builds the index of `docs` plus `extra` units (figures, or anything else).
    #[must_use]
    pub fn build(docs: &[Document], extra: Vec<UnitSpec>) -> Self {
        Self::build_with(docs, extra, &mut |_| {})
    }

    /// [`Index::build`] with a progress callback, called after each document and every
    /// 65,536 units.
    #[must_use]
    pub fn build_with(
        docs: &[Document],
        extra: Vec<UnitSpec>,
        progress: &mut dyn FnMut(BuildProgress),
    ) -> Self {
        Self::build_inner(docs, extra, progress, None).0
    }

    /// A one-shot search: an index of only the units of `opts.kinds` that `query` matches
    /// with `opts.matcher`, and those matches ranked. They are the hits, with the same scores
    /// and order, that [`Index::search`] finds on the full index, but each unit is folded
    /// into a reused buffer and scored right away, and no folded text is kept: this costs
    /// about one search, with a fraction of the memory. The matched characters of each hit
    /// are kept instead (see [`Index::matched`]); searching this index again folds each of
    /// its units anew.
    #[must_use]
    pub fn build_for_query(
        docs: &[Document],
        extra: Vec<UnitSpec>,
        query: &Query,
        opts: &SearchOptions,
        progress: &mut dyn FnMut(BuildProgress),
    ) -> (Self, Vec<Match>) {
        let keep = Keep {
            units: Prefilter::for_units(query),
            absent: Absent::new(query),
            query: Prepared::new(query),
            matcher: opts.matcher,
            kinds: opts.kinds,
        };
        let (ix, scores) = Self::build_inner(docs, extra, progress, Some(&keep));
        let mut hits: Vec<Match> = (0u32..)
            .zip(scores)
            .map(|(unit, score)| Match { unit, score })
            .collect();
        rank(&mut hits);
        (ix, hits)
    }

    /// The index, and with a filter the score of each unit kept.
    fn build_inner(
        docs: &[Document],
        extra: Vec<UnitSpec>,
        progress: &mut dyn FnMut(BuildProgress),
        keep: Option<&Keep>,
    ) -> (Self, Vec<u32>) {
        let wanted = |k: UnitKind| keep.is_none_or(|f| f.kinds.contains(k));
        let mut extra_by_doc: Vec<Vec<UnitSpec>> = vec![Vec::new(); docs.len()];
        for u in extra {
            if let Some(d) = docs.get(u.doc)
                && u.range.start <= u.range.end
                && d.text.is_char_boundary(u.range.start)
                && d.text.is_char_boundary(u.range.end)
            {
                extra_by_doc[u.doc].push(u);
            }
        }
        let mut ix = Self {
            doc_ids: docs.iter().map(|d| d.id.clone()).collect(),
            doc_texts: docs.iter().map(|d| d.text.clone()).collect(),
            ..Self::default()
        };
        let mut last_report = 0;
        let mut looked = 0;
        let mut scores = Vec::new();
        for (di, (doc, extra)) in docs.iter().zip(extra_by_doc).enumerate() {
            let qs = quotes::extract(doc);
            // (start, kind, source) sorted: document order.
            let mut order: Vec<(usize, UnitKind, Source)> = Vec::new();
            order.push((title_start(doc), UnitKind::Title, Source::Title));
            for (qi, q) in qs.iter().enumerate() {
                order.push((q.start, UnitKind::Quote, Source::Quote(qi)));
            }
            for (si, s) in doc.counted_sentences() {
                order.push((s.range.start, UnitKind::Sentence, Source::Sentence(si)));
            }
            for (ei, e) in extra.iter().enumerate() {
                order.push((e.range.start, e.kind, Source::Extra(ei)));
            }
            order.retain(|&(_, kind, _)| wanted(kind));
            order.sort_by_key(|&(start, kind, _)| (start, kind));
            let items: Vec<Item<'_>> = order
                .into_iter()
                .map(|(_, kind, src)| {
                    let of_range = |r: Range<usize>| {
                        let text = doc.text.get(r.clone());
                        (kind, r, text.unwrap_or(""), text.is_some())
                    };
                    match src {
                        Source::Title => (kind, title_range(doc), doc.title.as_str(), false),
                        Source::Quote(i) => of_range(qs[i].range()),
                        Source::Sentence(i) => of_range(doc.sentences[i].range.clone()),
                        Source::Extra(i) => {
                            let e = &extra[i];
                            // A figure's text is its surface, the text of its range.
                            let in_doc = doc.text.get(e.range.clone()) == Some(e.text.as_str());
                            (kind, e.range.clone(), e.text.as_str(), in_doc)
                        }
                    }
                })
                .collect();
            for batch in items.chunks(PROGRESS_EVERY) {
                for mut part in fold_parallel(batch, keep, to_u32(di), &doc.line_starts) {
                    scores.append(&mut part.scores);
                    ix.folded.append(part);
                }
                looked += batch.len();
                if looked - last_report >= PROGRESS_EVERY {
                    last_report = looked;
                    progress(BuildProgress {
                        docs_done: di,
                        docs_total: docs.len(),
                        units: ix.folded.units.len(),
                    });
                }
            }
            ix.quotes.extend(qs.into_iter().map(|q| (di, q)));
            progress(BuildProgress {
                docs_done: di + 1,
                docs_total: docs.len(),
                units: ix.folded.units.len(),
            });
        }
        ix.units = std::mem::take(&mut ix.folded.units);
        ix.own = std::mem::take(&mut ix.folded.own);
        ix.text_at = std::mem::take(&mut ix.folded.text_at);
        if keep.is_some() {
            ix.matched = std::mem::take(&mut ix.folded.matched);
            ix.matched_at = std::mem::take(&mut ix.folded.matched_at);
            ix.matched_at.push(ix.matched.len());
        }
        ix.own.shrink_to_fit();
        ix.folded.ascii.shrink_to_fit();
        ix.folded.wide.shrink_to_fit();
        (ix, scores)
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
    pub fn units(&self) -> &[Unit] {
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
            Some(&TextAt::Own(a, b)) => self.own.get(a..b),
            None => None,
        };
        text.unwrap_or("")
    }

    /// The folded haystack of unit `i`: cached since the build, or for an index built by
    /// [`Index::build_for_query`] (which keeps none) folded into `buf`.
    #[must_use]
    pub fn haystack<'a>(&'a self, i: usize, buf: &'a mut FoldBuf) -> Utf32Str<'a> {
        match self.folded.hay.get(i) {
            Some(Hay::Same) => Utf32Str::Ascii(self.text(i).as_bytes()),
            Some(&Hay::Ascii(at, len)) => {
                Utf32Str::Ascii(self.folded.ascii.get(at..at + len).unwrap_or(&[]))
            }
            Some(&Hay::Wide(at, len)) => {
                Utf32Str::Unicode(self.folded.wide.get(at..at + len).unwrap_or(&[]))
            }
            None if i < self.len() => buf.fold(self.text(i)).1,
            None => Utf32Str::Ascii(&[]),
        }
    }

    /// For an index built by [`Index::build_for_query`], the byte offsets in [`Index::text`]
    /// of unit `unit` of each character the query matched (as [`Highlighter::positions`]
    /// finds them); `None` for an index built otherwise.
    ///
    /// [`Highlighter::positions`]: super::Highlighter::positions
    #[must_use]
    pub fn matched(&self, unit: usize) -> Option<Vec<usize>> {
        Some(fold::to_byte_offsets(
            self.text(unit),
            self.matched_chars(unit)?,
        ))
    }

    /// The first of [`Index::matched`], found without the others.
    #[must_use]
    pub fn first_matched(&self, unit: usize) -> Option<usize> {
        let first = self.matched_chars(unit)?.first()?;
        fold::to_byte_offsets(self.text(unit), std::slice::from_ref(first))
            .first()
            .copied()
    }

    /// Unit `unit`'s matched characters as indices into its folded haystack.
    fn matched_chars(&self, unit: usize) -> Option<&[u32]> {
        let (&a, &b) = (self.matched_at.get(unit)?, self.matched_at.get(unit + 1)?);
        self.matched.get(a..b)
    }

    /// The id of document `doc` (as in [`Document::id`]).
    #[must_use]
    pub fn doc_id(&self, doc: usize) -> &str {
        self.doc_ids.get(doc).map_or("", String::as_str)
    }

    /// The quotes of every document as (document index, quote), in document order.
    #[must_use]
    pub fn quotes(&self) -> &[(usize, Quote)] {
        &self.quotes
    }

    /// Approximate heap bytes held by the index, without the documents' texts it shares.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.units.capacity() * size_of::<Unit>()
            + self.own.capacity()
            + self.text_at.capacity() * size_of::<TextAt>()
            + self.folded.hay.capacity() * size_of::<Hay>()
            + self.folded.ascii.capacity()
            + self.folded.wide.capacity() * size_of::<char>()
            + self.doc_ids.iter().map(String::capacity).sum::<usize>()
            + self.quotes.capacity() * size_of::<(usize, Quote)>()
            + self.matched.capacity() * size_of::<u32>()
            + self.matched_at.capacity() * size_of::<usize>()
    }
}

/// One unit to index: its kind, its range in its document, its text, and whether that is
/// the text of its range.
type Item<'a> = (UnitKind, Range<usize>, &'a str, bool);

/// The units kept of a run of consecutive items, with their texts and folded haystacks, and
/// offsets local to the batch.
#[derive(Debug, Default)]
struct FoldedBatch {
    units: Vec<Unit>,
    /// Where each unit's text is, and the texts not read from documents.
    text_at: Vec<TextAt>,
    own: String,
    /// `hay[i]` is unit `i`'s. Built for a query, a batch has no haystacks.
    hay: Vec<Hay>,
    ascii: Vec<u8>,
    wide: Vec<char>,
    /// With a filter, the score of each unit kept, and its matched characters:
    /// `matched[matched_at[i]..]` up to the next one's.
    scores: Vec<u32>,
    matched: Vec<u32>,
    matched_at: Vec<usize>,
}

impl FoldedBatch {
    /// Appends another batch, moving its offsets past this one's. Its scores are left out.
    fn append(&mut self, other: Self) {
        let (a0, w0, t0) = (self.ascii.len(), self.wide.len(), self.own.len());
        let m0 = self.matched.len();
        self.units.extend_from_slice(&other.units);
        self.own.push_str(&other.own);
        self.text_at
            .extend(other.text_at.into_iter().map(|at| match at {
                TextAt::Doc => TextAt::Doc,
                TextAt::Own(a, b) => TextAt::Own(t0 + a, t0 + b),
            }));
        self.matched.extend_from_slice(&other.matched);
        self.matched_at
            .extend(other.matched_at.into_iter().map(|at| m0 + at));
        self.ascii.extend_from_slice(&other.ascii);
        self.wide.extend_from_slice(&other.wide);
        self.hay.extend(other.hay.into_iter().map(|h| match h {
            Hay::Same => Hay::Same,
            Hay::Ascii(at, len) => Hay::Ascii(a0 + at, len),
            Hay::Wide(at, len) => Hay::Wide(w0 + at, len),
        }));
    }
}

/// The filter of [`Index::build_for_query`].
struct Keep {
    /// Rejects, before folding, most units the query cannot match.
    units: Option<Prefilter>,
    /// For a query of excluded terms only, clears most units as hits without folding them.
    absent: Option<Absent>,
    query: Prepared,
    matcher: MatcherKind,
    kinds: KindSet,
}

/// The units of document `doc` (whose lines start at `line_starts`) among `items` that
/// `keep` keeps (all of them without it).
fn fold_batch(
    items: &[Item<'_>],
    keep: Option<&Keep>,
    doc: u32,
    line_starts: &[usize],
) -> FoldedBatch {
    let mut b = FoldedBatch::default();
    let mut buf = FoldBuf::default();
    let mut scorer = keep.map(|k| (k, Scorer::new(k.matcher)));
    let mut last_line = 1;
    for (kind, range, t, in_doc) in items {
        if keep.is_some_and(|k| k.units.as_ref().is_some_and(|u| !u.passes(t))) {
            continue;
        }
        if let Some((k, _)) = &scorer
            && k.absent.as_ref().is_some_and(|a| a.surely(t))
        {
            // What the scorer gives a unit that holds no excluded term.
            b.scores.push(0);
            b.matched_at.push(b.matched.len());
        } else if let Some((k, scorer)) = scorer.as_mut() {
            let (_, hay) = buf.fold(t);
            // A query's index keeps no haystacks: its hits are scored here, with their
            // matched characters, and the command that builds it never searches it again.
            let at = b.matched.len();
            let Some(score) = scorer.indices_into(&k.query, hay, &mut b.matched) else {
                continue;
            };
            b.scores.push(score);
            b.matched_at.push(at);
        } else {
            b.hay.push(match buf.fold(t) {
                (FoldedInto::Same, _) => Hay::Same,
                (_, Utf32Str::Ascii(bytes)) => {
                    let at = b.ascii.len();
                    b.ascii.extend_from_slice(bytes);
                    Hay::Ascii(at, bytes.len())
                }
                (_, Utf32Str::Unicode(chars)) => {
                    let at = b.wide.len();
                    b.wide.extend_from_slice(chars);
                    Hay::Wide(at, chars.len())
                }
            });
        }
        // Items come in document order: each line is searched for from the last.
        last_line = crate::corpus::document::line_after(line_starts, last_line, range.start);
        b.units.push(Unit {
            doc,
            kind: *kind,
            line: to_u32(last_line),
            start: range.start,
            end: range.end,
        });
        b.text_at.push(if *in_doc {
            TextAt::Doc
        } else {
            let at = b.own.len();
            b.own.push_str(t);
            TextAt::Own(at, b.own.len())
        });
    }
    b
}

/// Units folded per thread at least; smaller batches are folded on the calling thread.
const PARALLEL_MIN_UNITS: usize = 4096;

/// [`fold_batch`] over runs of `items` on every core: the batch of each run, in order. The
/// runs are not joined here: what they hold is copied once, into the index.
fn fold_parallel(
    items: &[Item<'_>],
    keep: Option<&Keep>,
    doc: u32,
    line_starts: &[usize],
) -> Vec<FoldedBatch> {
    crate::par::map_runs(items, PARALLEL_MIN_UNITS, |run| {
        vec![fold_batch(run, keep, doc, line_starts)]
    })
}

#[derive(Debug, Clone, Copy)]
enum Source {
    Title,
    Quote(usize),
    Sentence(usize),
    Extra(usize),
}

/// Documents and lines are counted in `u32` to keep units small; beyond that they saturate.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The source range of a document's title: its headline paragraph, else its first counted
/// sentence, else nothing.
fn title_range(doc: &Document) -> Range<usize> {
    if let Some(i) = crate::corpus::title::headline(&doc.text, &doc.paragraphs) {
        return doc.paragraphs[i].range.clone();
    }
    doc.counted_sentences()
        .next()
        .map_or(0..0, |(_, s)| s.range.clone())
}

fn title_start(doc: &Document) -> usize {
    title_range(doc).start
}
