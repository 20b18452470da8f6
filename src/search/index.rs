//! The search index: every searchable unit of a corpus with its folded haystack, built once
//! and searched on every keystroke.
//!
//! Units are titles, sentences and quotes of every document (from the paragraphs that count:
//! boilerplate and repeats are left out), plus any units given from outside, such as figures
//! (see [`super::units`]).

use nucleo_matcher::Utf32Str;

use super::fold::{FoldBuf, FoldedInto};
use super::units::{self, Item, Unit, UnitSpec, Units};
use crate::corpus::Document;
use crate::extract::quotes;

/// Where a unit's folded haystack lives: its start and length in `ascii` or `wide`. One per
/// unit, so the length (a unit's, never near 4 GiB) is kept in 32 bits to make it 16 bytes.
#[derive(Debug, Clone, Copy)]
enum Hay {
    /// The unit text itself (ASCII).
    Same,
    Ascii(usize, u32),
    Wide(usize, u32),
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
    units: Units,
    /// `hay[i]` is unit `i`'s folded haystack, in `ascii` or `wide`.
    hay: Vec<Hay>,
    ascii: Vec<u8>,
    wide: Vec<char>,
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
        mut extra: Vec<UnitSpec>,
        progress: &mut dyn FnMut(BuildProgress),
    ) -> Self {
        let mut ix = Self {
            units: Units::of(docs),
            ..Self::default()
        };
        let mut last_report = 0;
        let mut looked = 0;
        for (di, (doc, at)) in docs
            .iter()
            .zip(units::extra_by_doc(docs, &mut extra))
            .enumerate()
        {
            let extra = &extra[at];
            let qs = quotes::extract(doc);
            let items = units::items(doc, &qs, extra, super::KindSet::ALL);
            for batch in items.chunks(PROGRESS_EVERY) {
                let doc_no = units::to_u32(di);
                for part in units::in_runs(batch, |run| fold_batch(run, doc_no, &doc.line_starts)) {
                    ix.append(part);
                }
                looked += batch.len();
                if looked - last_report >= PROGRESS_EVERY {
                    last_report = looked;
                    progress(BuildProgress {
                        docs_done: di,
                        docs_total: docs.len(),
                        units: ix.len(),
                    });
                }
            }
            progress(BuildProgress {
                docs_done: di + 1,
                docs_total: docs.len(),
                units: ix.len(),
            });
        }
        ix.units.shrink_to_fit();
        ix.hay.shrink_to_fit();
        ix.ascii.shrink_to_fit();
        ix.wide.shrink_to_fit();
        ix
    }

    /// Appends a later run of units, moving its offsets past this one's.
    fn append(&mut self, other: Self) {
        let (a0, w0) = (self.ascii.len(), self.wide.len());
        self.units.append(other.units);
        self.ascii.extend_from_slice(&other.ascii);
        self.wide.extend_from_slice(&other.wide);
        self.hay.extend(other.hay.into_iter().map(|h| match h {
            Hay::Same => Hay::Same,
            Hay::Ascii(at, len) => Hay::Ascii(a0 + at, len),
            Hay::Wide(at, len) => Hay::Wide(w0 + at, len),
        }));
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
        self.units.all()
    }

    /// The text of unit `i`, as shown (unfolded).
    #[must_use]
    pub fn text(&self, i: usize) -> &str {
        self.units.text(i)
    }

    /// The folded haystack of unit `i`.
    #[must_use]
    pub fn haystack(&self, i: usize) -> Utf32Str<'_> {
        match self.hay.get(i) {
            Some(Hay::Same) => Utf32Str::Ascii(self.text(i).as_bytes()),
            Some(&Hay::Ascii(at, len)) => {
                Utf32Str::Ascii(self.ascii.get(at..at + len as usize).unwrap_or(&[]))
            }
            Some(&Hay::Wide(at, len)) => {
                Utf32Str::Unicode(self.wide.get(at..at + len as usize).unwrap_or(&[]))
            }
            None => Utf32Str::Ascii(&[]),
        }
    }

    /// The id of document `doc` (as in [`Document::id`]).
    #[must_use]
    pub fn doc_id(&self, doc: usize) -> &str {
        self.units.doc_id(doc)
    }

    /// Approximate heap bytes held by the index, without the documents' texts it shares.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.units.heap_bytes()
            + self.hay.capacity() * size_of::<Hay>()
            + self.ascii.capacity()
            + self.wide.capacity() * size_of::<char>()
    }
}

/// The units of a run of consecutive items of document `doc` (whose lines start at
/// `line_starts`), with their folded haystacks and offsets local to the run.
fn fold_batch(items: &[Item<'_>], doc: u32, line_starts: &[usize]) -> Index {
    let mut b = Index::default();
    let mut buf = FoldBuf::default();
    let mut last_line = 1;
    for item in items {
        b.hay.push(match buf.fold(&item.text) {
            (FoldedInto::Same, _) => Hay::Same,
            (_, Utf32Str::Ascii(bytes)) => {
                let at = b.ascii.len();
                b.ascii.extend_from_slice(bytes);
                Hay::Ascii(at, units::to_u32(bytes.len()))
            }
            (_, Utf32Str::Unicode(chars)) => {
                let at = b.wide.len();
                b.wide.extend_from_slice(chars);
                Hay::Wide(at, units::to_u32(chars.len()))
            }
        });
        // Items come in document order: each line is searched for from the last.
        last_line = crate::corpus::document::line_after(line_starts, last_line, item.range.start);
        b.units.push(item, doc, last_line);
    }
    b
}
