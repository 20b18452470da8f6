//! A document's figures packed for keeping: what the reader holds for its figures panel, its
//! search index and its groups, and what `figures --group` compares.
//!
//! A [`Figure`] is made to be read once (a listing streams them); kept for a large document
//! it costs a hundred bytes each, and such a document has millions. Packed, a figure is 24
//! bytes: its offsets in 32 bits, its value as a number's bits or the index of a shared text
//! (a date), its unit as the index of a shared name, and a range's upper end, which few
//! figures have, on the side. Its line and sentence are not kept: both are read from the
//! document when a whole [`Figure`] is asked for ([`FigureList::figure`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use super::{Figure, Kind, Qualifier, Unit, Value};
use crate::corpus::Document;

/// One packed figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    start: u32,
    end: u32,
    /// A number's bits, or with [`TEXT`] the index of the value in `texts`.
    value: u64,
    /// One past the index of the unit in `units`; 0 for none.
    unit: u32,
    kind: Kind,
    qualifier: Option<Qualifier>,
    flags: u8,
}

/// The value is a text (`texts[value]`), not a number.
const TEXT: u8 = 1;
/// The figure is a range: its upper end is in `to`.
const RANGE: u8 = 2;

/// A document's figures in text order, packed (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FigureList {
    packed: Vec<Packed>,
    units: Vec<Unit>,
    /// Text values (dates), each once, as [`Value::Text`].
    texts: Vec<Value>,
    /// The upper ends of ranges, by figure index, in figure order.
    to: Vec<(u32, Value)>,
}

impl FigureList {
    /// The figures of `doc`, as [`super::extract_document`] finds them, packed a run of
    /// paragraphs at a time: the unpacked figures of the whole document are never held.
    #[must_use]
    pub fn of(doc: &Document) -> Self {
        Self::of_where(doc, |_| true)
    }

    /// The figures of `doc` that `keep` keeps, as [`FigureList::of`] packs them.
    #[must_use]
    pub fn of_where(doc: &Document, keep: impl Fn(&Figure) -> bool) -> Self {
        let mut packer = Packer::default();
        let done: Result<(), std::convert::Infallible> = super::each_figure_run(doc, |figs| {
            figs.iter().filter(|f| keep(f)).for_each(|f| packer.push(f));
            Ok(())
        });
        let Ok(()) = done;
        packer.finish()
    }

    /// `figs`, packed.
    #[must_use]
    pub fn from_figures(figs: &[Figure]) -> Self {
        let mut packer = Packer::default();
        figs.iter().for_each(|f| packer.push(f));
        packer.finish()
    }

    /// Number of figures.
    #[must_use]
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    fn at(&self, i: usize) -> Packed {
        self.packed[i]
    }

    /// Where figure `i` is written in its document (its surface).
    ///
    /// # Panics
    /// When `i` is not below [`FigureList::len`], as a slice index would.
    #[must_use]
    pub fn range(&self, i: usize) -> Range<usize> {
        let p = self.at(i);
        p.start as usize..p.end as usize
    }

    /// Figure `i` as written in `text`, its document's text.
    #[must_use]
    pub fn surface<'t>(&self, i: usize, text: &'t str) -> &'t str {
        text.get(self.range(i)).unwrap_or_default()
    }

    #[must_use]
    pub fn kind(&self, i: usize) -> Kind {
        self.at(i).kind
    }

    /// Figure `i`'s value (a range's lower end).
    #[must_use]
    pub fn value(&self, i: usize) -> Cow<'_, Value> {
        let p = self.at(i);
        if p.flags & TEXT != 0 {
            // Every text index was made by the packer from `texts`.
            Cow::Borrowed(&self.texts[p.value as usize])
        } else {
            Cow::Owned(Value::Number(f64::from_bits(p.value)))
        }
    }

    /// A range's upper end.
    #[must_use]
    pub fn to(&self, i: usize) -> Option<&Value> {
        if self.at(i).flags & RANGE == 0 {
            return None;
        }
        let k = self
            .to
            .binary_search_by_key(&i, |&(j, _)| j as usize)
            .ok()?;
        Some(&self.to[k].1)
    }

    #[must_use]
    pub fn unit(&self, i: usize) -> Option<&Unit> {
        let u = self.at(i).unit as usize;
        u.checked_sub(1).and_then(|u| self.units.get(u))
    }

    #[must_use]
    pub fn qualifier(&self, i: usize) -> Option<Qualifier> {
        self.at(i).qualifier
    }

    /// Figure `i` whole, its line and sentence read from `doc`, its document, as
    /// [`super::extract_document`] gives them.
    #[must_use]
    pub fn figure(&self, i: usize, doc: &Document) -> Figure {
        let range = self.range(i);
        Figure {
            kind: self.kind(i),
            value: self.value(i).into_owned(),
            to: self.to(i).cloned(),
            unit: self.unit(i).cloned(),
            qualifier: self.qualifier(i),
            line: doc.line_of(range.start),
            // Sentences of a document capped in size always number fewer than u32::MAX.
            sentence: doc
                .sentence_at(range.start)
                .and_then(|s| u32::try_from(s).ok()),
            start: range.start,
            end: range.end,
        }
    }

    /// The figures of the sentence figure `i` is in, whole (see [`FigureList::figure`]), and
    /// the index of the first of them: all a figure's fact reads ([`super::facts::fact`]).
    #[must_use]
    pub fn sentence_run(&self, i: usize, doc: &Document) -> (usize, Vec<Figure>) {
        // The bytes whose sentence (`Document::sentence_at`) is figure i's: from its start
        // (from the text's start for the first) to the next sentence's.
        let (lo, hi) = match doc.sentence_at(self.range(i).start) {
            None => (0, usize::MAX),
            Some(s) => (
                if s == 0 {
                    0
                } else {
                    doc.sentences[s].range.start
                },
                doc.sentences
                    .get(s + 1)
                    .map_or(usize::MAX, |n| n.range.start),
            ),
        };
        let same = |j: usize| (lo..hi).contains(&(self.at(j).start as usize));
        let first = (0..i).rev().take_while(|&j| same(j)).last().unwrap_or(i);
        let last = (i..self.len()).take_while(|&j| same(j)).last().unwrap_or(i);
        (first, (first..=last).map(|j| self.figure(j, doc)).collect())
    }

    /// Every sentence's figures, whole, in order, each with the index of its first figure:
    /// [`FigureList::sentence_run`] of each figure in turn, without repeating one.
    pub fn sentence_runs<'a>(
        &'a self,
        doc: &'a Document,
    ) -> impl Iterator<Item = (usize, Vec<Figure>)> + 'a {
        let mut next = 0;
        std::iter::from_fn(move || {
            if next >= self.len() {
                return None;
            }
            let (_, run) = self.sentence_run(next, doc);
            let first = next;
            next += run.len().max(1);
            Some((first, run))
        })
    }

    /// The index of the first figure that ends after `byte`: with the figures in text order
    /// and never overlapping, the first that reaches past it.
    #[must_use]
    pub fn first_ending_after(&self, byte: usize) -> usize {
        self.packed.partition_point(|p| (p.end as usize) <= byte)
    }

    /// Approximate heap bytes held.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.packed.capacity() * size_of::<Packed>()
            + self.units.iter().map(|u| u.len()).sum::<usize>()
            + self.texts.capacity() * size_of::<Value>()
            + self.to.capacity() * size_of::<(u32, Value)>()
    }
}

/// Packs figures into a [`FigureList`], each unit and text value kept once.
#[derive(Default)]
struct Packer {
    list: FigureList,
    units: HashMap<Unit, u32>,
    texts: HashMap<String, u64>,
}

impl Packer {
    /// Adds `f`. A figure past 4 GiB into its document is left out: documents are capped
    /// below that size when loaded (`corpus::load::LARGEST`), so none is.
    fn push(&mut self, f: &Figure) {
        let (Ok(start), Ok(end), Ok(index)) = (
            u32::try_from(f.start),
            u32::try_from(f.end),
            u32::try_from(self.list.packed.len()),
        ) else {
            return;
        };
        let mut flags = 0;
        let value = match &f.value {
            Value::Number(n) => n.to_bits(),
            Value::Text(t) => {
                flags |= TEXT;
                let texts = &mut self.list.texts;
                *self.texts.entry(t.clone()).or_insert_with(|| {
                    texts.push(Value::Text(t.clone()));
                    (texts.len() - 1) as u64
                })
            }
        };
        let unit = f.unit.as_ref().map_or(0, |u| {
            let units = &mut self.list.units;
            *self.units.entry(u.clone()).or_insert_with(|| {
                units.push(u.clone());
                u32::try_from(units.len()).unwrap_or(u32::MAX)
            })
        });
        if let Some(to) = &f.to {
            flags |= RANGE;
            self.list.to.push((index, to.clone()));
        }
        self.list.packed.push(Packed {
            start,
            end,
            value,
            unit,
            kind: f.kind,
            qualifier: f.qualifier,
            flags,
        });
    }

    fn finish(mut self) -> FigureList {
        self.list.packed.shrink_to_fit();
        self.list.to.shrink_to_fit();
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load};

    #[test]
    fn a_packed_figure_is_small() {
        assert_eq!(size_of::<Packed>(), 24);
    }

    #[test]
    fn packed_figures_read_back_as_extracted() {
        let corpus = load(&[], &LoadOptions::default());
        let mut ranges = 0;
        for doc in &corpus.docs {
            let figs = super::super::extract_document(doc);
            let list = FigureList::of(doc);
            assert_eq!(list.len(), figs.len(), "{}", doc.id);
            for (i, f) in figs.iter().enumerate() {
                assert_eq!(&list.figure(i, doc), f, "{}", doc.id);
                ranges += usize::from(f.to.is_some());
            }
            assert_eq!(FigureList::from_figures(&figs), list);
        }
        let text = "Entre 10 et 20 millions d’utilisateurs le 19 janvier 2025, et 30 à 40 euros.";
        let figs = super::super::extract(text, crate::corpus::Lang::FR);
        let list = FigureList::from_figures(&figs);
        for (i, f) in figs.iter().enumerate() {
            assert_eq!(list.to(i), f.to.as_ref());
            assert_eq!(list.value(i).as_ref(), &f.value);
            assert_eq!(list.unit(i), f.unit.as_ref());
        }
        assert!(ranges + figs.iter().filter(|f| f.to.is_some()).count() >= 2);
    }

    #[test]
    fn the_first_figure_reaching_past_a_byte_is_found() {
        let text = "10 euros, 20 euros et 30 euros.";
        let list = FigureList::from_figures(&super::super::extract(text, crate::corpus::Lang::FR));
        assert_eq!(list.len(), 3);
        assert_eq!(list.first_ending_after(0), 0);
        assert_eq!(list.first_ending_after(list.range(0).end), 1);
        assert_eq!(list.first_ending_after(text.len()), 3);
    }
}
