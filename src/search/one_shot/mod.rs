//! One query over a corpus loaded for it, as `dossier search` runs: only the paragraphs that
//! can hold a hit are analysed ([`focus`]), only the figures of those are extracted, and only
//! the units the query matches are kept, scored as they are found.
//!
//! The hits are exactly those, with the same scores and order, that [`Index::search`] finds
//! on the full index of the fully analysed corpus (`tests/it/search_prefilter.rs` and
//! `search_props.rs` check it).
//!
//! [`Index::search`]: super::Index::search

mod prefilter;

use prefilter::Absent;
pub use prefilter::Prefilter;

use super::engine::{Prepared, Scorer};
use super::fold::{self, FoldBuf};
use super::matching::{Match, SearchOptions};
use super::query::Query;
use super::units::{self, Item, Unit, UnitKind, UnitSpec, Units};
use crate::corpus::{Document, Focus};
use crate::extract::figures::{self, FigureList};
use crate::extract::quotes;

/// The paragraphs to analyse for `query` over the kinds of `opts`: those that may hold a hit,
/// with the neighbours their quotes read. `None` when every paragraph may hold a hit.
#[must_use]
pub fn focus(query: &Query, opts: &SearchOptions) -> Option<Focus> {
    let pf = Prefilter::new(query, opts.kinds.contains(UnitKind::Figure))?;
    // A quote is found by its speaker, whom the paragraphs around it name: every paragraph
    // that may hold a quote is read, and quotes resolve speakers from every paragraph's text.
    let quotes_too = opts.kinds.contains(UnitKind::Quote);
    Some(Focus::same_for_repeats(
        move |text: &str| pf.passes(text) || (quotes_too && quotes::may_hold(text)),
        quotes::serves,
    ))
}

/// One hit of a one-shot search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Hits::units`].
    pub unit: u32,
    pub score: u32,
}

/// The hits of one query, ranked (best score first, ties in document order), with the units
/// they are and the characters each matched.
#[derive(Debug, Default)]
pub struct Hits {
    units: Units,
    ranked: Vec<Hit>,
    /// The matched characters of each unit, as indices into its folded haystack:
    /// `matched[matched_at[i]..matched_at[i + 1]]` are unit `i`'s.
    matched: Vec<u32>,
    matched_at: Vec<usize>,
}

impl Hits {
    /// The hits, ranked.
    #[must_use]
    pub fn ranked(&self) -> &[Hit] {
        &self.ranked
    }

    /// Keeps the best `n` hits.
    pub fn truncate(&mut self, n: usize) {
        self.ranked.truncate(n);
    }

    /// The unit of every hit, in document order.
    #[must_use]
    pub fn units(&self) -> &[Unit] {
        self.units.all()
    }

    /// The text of unit `unit`, as shown (unfolded).
    #[must_use]
    pub fn text(&self, unit: usize) -> &str {
        self.units.text(unit)
    }

    /// The id of document `doc`.
    #[must_use]
    pub fn doc_id(&self, doc: usize) -> &str {
        self.units.doc_id(doc)
    }

    /// The byte offsets in [`Hits::text`] of unit `unit` of each character the query matched
    /// (as [`Highlighter::positions`](super::Highlighter::positions) finds them).
    #[must_use]
    pub fn positions(&self, unit: usize) -> Vec<usize> {
        fold::to_byte_offsets(self.text(unit), self.matched_chars(unit))
    }

    /// The first of [`Hits::positions`], found without the others.
    #[must_use]
    pub fn first_position(&self, unit: usize) -> Option<usize> {
        let first = self.matched_chars(unit).first()?;
        fold::to_byte_offsets(self.text(unit), std::slice::from_ref(first))
            .first()
            .copied()
    }

    fn matched_chars(&self, unit: usize) -> &[u32] {
        let (Some(&a), Some(&b)) = (self.matched_at.get(unit), self.matched_at.get(unit + 1))
        else {
            return &[];
        };
        self.matched.get(a..b).unwrap_or(&[])
    }

    /// Ranks the hits and keeps the best `n`, with only the units and matched characters
    /// they need. Units keep their order, so the ranking of what is kept is unchanged.
    fn keep_best(&mut self, n: usize) {
        self.ranked.sort_unstable_by_key(|h| {
            Match {
                unit: h.unit,
                score: h.score,
            }
            .rank_key()
        });
        self.ranked.truncate(n);
        let mut kept: Vec<u32> = self.ranked.iter().map(|h| h.unit).collect();
        kept.sort_unstable();
        let mut units = self.units.empty_like();
        let mut matched = Vec::new();
        let mut matched_at = Vec::with_capacity(kept.len());
        for &u in &kept {
            units.push_from(&self.units, u as usize);
            matched_at.push(matched.len());
            matched.extend_from_slice(self.matched_chars(u as usize));
        }
        for h in &mut self.ranked {
            h.unit = units::to_u32(kept.partition_point(|&u| u < h.unit));
        }
        self.units = units;
        self.matched = matched;
        self.matched_at = matched_at;
    }

    /// Appends the hits of a later run of units, moving their offsets past these.
    fn append(&mut self, other: Self) {
        let (u0, m0) = (units::to_u32(self.units.len()), self.matched.len());
        self.units.append(other.units);
        self.ranked.extend(other.ranked.into_iter().map(|h| Hit {
            unit: u0 + h.unit,
            score: h.score,
        }));
        self.matched.extend_from_slice(&other.matched);
        self.matched_at
            .extend(other.matched_at.into_iter().map(|at| m0 + at));
    }
}

/// The hits of `query` in `docs` over the kinds of `opts`, whether `docs` were loaded with
/// [`focus`] or not.
#[must_use]
pub fn search(docs: &[Document], query: &Query, opts: &SearchOptions) -> Hits {
    search_best(docs, query, opts, None)
}

/// [`search`] keeping only the best `limit` hits when given: what is kept is the top of
/// what [`search`] finds, in the same order, but a query that matches most of a large corpus
/// never holds all its hits.
#[must_use]
pub fn search_best(
    docs: &[Document],
    query: &Query,
    opts: &SearchOptions,
    limit: Option<usize>,
) -> Hits {
    // Figures are the costliest units to find: skip them when the search leaves them out.
    let figures = if opts.kinds.contains(UnitKind::Figure) {
        figures_passing(docs, Prefilter::for_units(query).as_ref())
    } else {
        Vec::new()
    };
    search_units_best(docs, &figures, Vec::new(), query, opts, limit)
}

/// The figures of each of `docs` whose search text `prefilter` lets through, packed: a large
/// document's figures are never all held whole, only those that may be hits, packed.
fn figures_passing(docs: &[Document], prefilter: Option<&Prefilter>) -> Vec<FigureList> {
    docs.iter()
        .map(|doc| {
            FigureList::of_where(doc, |f| {
                prefilter.is_none_or(|p| p.passes(&figures::label::search_text(f, &doc.text)))
            })
        })
        .collect()
}

/// [`search`] with the figures (or any other units) given.
#[must_use]
pub fn search_units(
    docs: &[Document],
    extra: Vec<UnitSpec>,
    query: &Query,
    opts: &SearchOptions,
) -> Hits {
    search_units_best(docs, &[], extra, query, opts, None)
}

/// Units made into items and searched at once: enough runs to keep every core busy.
const STRETCH_UNITS: usize = units::RUN_UNITS * 16;

/// Hits held beyond the limit before the worst are let go: ranking the hits costs a sort,
/// so it is done once per this many more, not per run.
const PRUNE_AFTER: usize = 1 << 16;

/// [`search_units`] with each document's figures (`figures[i]` those of `docs[i]`, or none),
/// keeping the best `limit` hits when given (see [`search_best`]).
fn search_units_best(
    docs: &[Document],
    figures: &[FigureList],
    mut extra: Vec<UnitSpec>,
    query: &Query,
    opts: &SearchOptions,
    limit: Option<usize>,
) -> Hits {
    let filter = Filter {
        units: Prefilter::for_units(query),
        absent: Absent::new(query),
        query: Prepared::new(query),
        opts: *opts,
    };
    let mut hits = Hits {
        units: Units::of(docs),
        ..Hits::default()
    };
    let none = FigureList::default();
    for (di, (doc, at)) in docs
        .iter()
        .zip(units::extra_by_doc(docs, &mut extra))
        .enumerate()
    {
        let extra = &extra[at];
        let qs = quotes::extract(doc);
        let figs = figures.get(di).unwrap_or(&none);
        let order = units::Order::of(doc, &qs, figs, extra, opts.kinds);
        let doc = (units::to_u32(di), doc.line_starts.as_slice());
        // A stretch of units at a time, each on every core: a large document's items and
        // the hits of its runs are never all held.
        for first in (0..order.len()).step_by(STRETCH_UNITS) {
            let items = order.items(first..order.len().min(first + STRETCH_UNITS));
            for run in units::in_runs(&items, |run| filter.run(run, doc)) {
                hits.append(run);
                if let Some(n) = limit
                    && hits.ranked.len() > n.saturating_add(PRUNE_AFTER)
                {
                    hits.matched_at.push(hits.matched.len());
                    hits.keep_best(n);
                }
            }
        }
    }
    hits.matched_at.push(hits.matched.len());
    if let Some(n) = limit {
        hits.keep_best(n);
        hits.matched_at.push(hits.matched.len());
    }
    // The full index's order: best score first, then document order.
    hits.ranked.sort_unstable_by_key(|h| {
        Match {
            unit: h.unit,
            score: h.score,
        }
        .rank_key()
    });
    hits
}

/// What keeps a unit as a hit, and scores it.
struct Filter {
    /// Rejects, before folding, most units the query cannot match.
    units: Option<Prefilter>,
    /// For a query of excluded terms only, clears most units as hits without folding them.
    absent: Option<Absent>,
    query: Prepared,
    opts: SearchOptions,
}

impl Filter {
    /// The hits among `items` of document `doc` (its number and line starts), in document
    /// order, with offsets local to the run.
    fn run(&self, items: &[Item<'_>], (doc, line_starts): (u32, &[usize])) -> Hits {
        let mut b = Hits::default();
        let mut buf = FoldBuf::default();
        let mut scorer = Scorer::new(self.opts.matcher);
        let mut last_line = 1;
        for item in items {
            if self.units.as_ref().is_some_and(|u| !u.passes(&item.text)) {
                continue;
            }
            let at = b.matched.len();
            let score = if self.absent.as_ref().is_some_and(|a| a.surely(&item.text)) {
                // What the scorer gives a unit that holds no excluded term.
                0
            } else {
                let (_, hay) = buf.fold(&item.text);
                let Some(score) = scorer.indices_into(&self.query, hay, &mut b.matched) else {
                    continue;
                };
                score
            };
            b.ranked.push(Hit {
                unit: units::to_u32(b.units.len()),
                score,
            });
            b.matched_at.push(at);
            // Items come in document order: each line is searched for from the last.
            last_line =
                crate::corpus::document::line_after(line_starts, last_line, item.range.start);
            b.units.push(item, doc, last_line);
        }
        b
    }
}
