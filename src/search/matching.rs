//! Scoring units against a query, in parallel, and ranking the matches.

use rayon::prelude::*;

use super::engine::{MatcherKind, Prepared, Scorer};
use super::fold;
use super::index::{HayBuf, Index};
use super::query::Query;
use super::units::KindSet;

/// A matching unit and its score. Ranked by score, best first, then by document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Unit number in its [`Index`] (see [`Index::unit`]).
    pub unit: u32,
    pub score: u32,
}

impl Match {
    /// Sort key: best score first, then document order (unit order).
    #[must_use]
    pub const fn rank_key(self) -> u64 {
        ((u32::MAX - self.score) as u64) << 32 | self.unit as u64
    }
}

/// Ranks matches in place: best score first, ties in document order.
pub fn rank(matches: &mut [Match]) {
    matches.sort_unstable_by_key(|m| m.rank_key());
}

/// How to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOptions {
    pub matcher: MatcherKind,
    /// Only units of these kinds.
    pub kinds: KindSet,
    /// Worker threads; 0 means one per available core, 1 the calling thread alone.
    pub threads: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            matcher: MatcherKind::Nucleo,
            kinds: KindSet::ALL,
            threads: 0,
        }
    }
}

/// Units scored per work item: large enough to amortise coordination, small enough that
/// the first items finish within a few milliseconds.
pub(crate) const CHUNK: usize = 8192;

/// Which units a scan looks at.
#[derive(Debug, Clone)]
pub(crate) enum Candidates {
    /// Every unit of the index.
    All(usize),
    /// These units (the hits of a query this one narrows), in document order.
    List(std::sync::Arc<Vec<u32>>),
}

impl Candidates {
    pub(crate) fn len(&self) -> usize {
        match self {
            Self::All(n) => *n,
            Self::List(l) => l.len(),
        }
    }

    pub(crate) fn chunks(&self) -> usize {
        self.len().div_ceil(CHUNK)
    }

    /// Scores the units of chunk `c`, appending matches to `out`.
    pub(crate) fn scan_chunk(
        &self,
        c: usize,
        index: &Index,
        q: &Prepared,
        kinds: KindSet,
        scorer: &mut Scorer,
        out: &mut Vec<Match>,
    ) {
        let lo = c * CHUNK;
        let hi = (lo + CHUNK).min(self.len());
        let mut buf = HayBuf::default();
        let mut one = |u: u32| {
            let Some(hay) = index.haystack_of(u as usize, kinds, &mut buf) else {
                return;
            };
            if let Some(score) = scorer.score(q, hay) {
                out.push(Match { unit: u, score });
            }
        };
        match self {
            Self::All(_) => (lo..hi).for_each(|u| one(u32::try_from(u).unwrap_or(u32::MAX))),
            Self::List(l) => l[lo..hi].iter().for_each(|&u| one(u)),
        }
    }
}

impl Index {
    /// Every unit matching `query`, ranked. Runs on every core (or on the calling thread alone
    /// with `opts.threads == 1`) and blocks until done; the terminal UI uses
    /// [`super::Searcher`] instead, which streams.
    #[must_use]
    pub fn search(&self, query: &Query, opts: &SearchOptions) -> Vec<Match> {
        let q = Prepared::new(query);
        let cands = Candidates::All(self.len());
        let n_chunks = cands.chunks();
        let scan = |scorer: &mut Scorer, c: usize| {
            let mut out = Vec::new();
            cands.scan_chunk(c, self, &q, opts.kinds, scorer, &mut out);
            out
        };
        let mut all: Vec<Match> = if opts.threads == 1 || n_chunks <= 1 {
            let mut scorer = Scorer::new(opts.matcher);
            (0..n_chunks).flat_map(|c| scan(&mut scorer, c)).collect()
        } else {
            (0..n_chunks)
                .into_par_iter()
                .map_init(|| Scorer::new(opts.matcher), scan)
                .flatten_iter()
                .collect()
        };
        rank(&mut all);
        all
    }
}

/// Computes highlight positions for hits of one query: built once, used for each shown row.
pub struct Highlighter {
    q: Prepared,
    scorer: Scorer,
    buf: HayBuf,
}

impl Highlighter {
    #[must_use]
    pub fn new(query: &Query, matcher: MatcherKind) -> Self {
        Self {
            q: Prepared::new(query),
            scorer: Scorer::new(matcher),
            buf: HayBuf::default(),
        }
    }

    /// Byte offsets, in [`Index::text`] of `unit`, of each matched character: sorted, unique
    /// and on char boundaries. Empty when the unit does not match.
    pub fn positions(&mut self, index: &Index, unit: usize) -> Vec<usize> {
        match self
            .scorer
            .indices(&self.q, index.haystack(unit, &mut self.buf))
        {
            Some((_, idx)) => fold::to_byte_offsets(&index.text(unit), &idx),
            None => Vec::new(),
        }
    }
}
