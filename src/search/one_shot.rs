//! One query over a corpus loaded for it, as `dossier search` runs: only the paragraphs that
//! can hold a hit are analysed, only the figures of those are extracted, and only the units
//! the query matches are indexed.

use super::figure_units;
use super::index::{Index, UnitKind};
use super::matching::{Match, SearchOptions};
use super::prefilter::Prefilter;
use super::query::Query;
use crate::corpus::{Document, ParagraphFilter};

/// The paragraph filter to load a corpus with for `query` over the kinds of `opts`, or `None`
/// when every paragraph may hold a hit.
#[must_use]
pub fn paragraph_filter(query: &Query, opts: &SearchOptions) -> Option<ParagraphFilter> {
    let pf = Prefilter::new(query, opts.kinds.contains(UnitKind::Figure))?;
    Some(ParagraphFilter::same_for_repeats(move |text: &str| {
        pf.passes(text)
    }))
}

/// The index of `query`'s matches in `docs` and those matches ranked: the same hits, scores
/// and order as a search of the full index, whether `docs` were loaded with
/// [`paragraph_filter`] or not.
#[must_use]
pub fn search(docs: &[Document], query: &Query, opts: &SearchOptions) -> (Index, Vec<Match>) {
    // Figures are the costliest units to find: skip them when the search leaves them out.
    let figures: Vec<_> = if opts.kinds.contains(UnitKind::Figure) {
        docs.iter().map(crate::figures::extract_document).collect()
    } else {
        Vec::new()
    };
    Index::build_for_query(docs, figure_units(&figures), query, opts, &mut |_| {})
}
