//! Matcher engines behind one small trait.
//!
//! nucleo-matcher is the default: it is the faster of the two on 120-character multilingual
//! sentences (see `benches/search.rs`) and is maintained. fuzzy-matcher's `SkimMatcherV2`
//! is kept as a second engine (`--matcher skim`) because the product's first design named it.
//! Only fuzzy terms go through the engine; exact, prefix, suffix and negated terms always use
//! nucleo's exact matchers, so both engines share the query language.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Utf32Str};

use super::query::{Query, TermKind};

/// Which fuzzy engine scores fuzzy terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum MatcherKind {
    #[default]
    Nucleo,
    Skim,
}

impl MatcherKind {
    /// The name used on the command line.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Nucleo => "nucleo",
            Self::Skim => "skim",
        }
    }

    /// A fresh engine of this kind (one per thread: engines keep scratch memory).
    #[must_use]
    pub fn engine(self) -> Box<dyn FuzzyEngine> {
        match self {
            Self::Nucleo => Box::new(NucleoEngine::default()),
            Self::Skim => Box::new(SkimEngine::default()),
        }
    }
}

impl std::str::FromStr for MatcherKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "nucleo" => Ok(Self::Nucleo),
            "skim" => Ok(Self::Skim),
            _ => Err(format!("unknown matcher '{s}' (expected nucleo or skim)")),
        }
    }
}

/// Scores one fuzzy term against one folded haystack.
pub trait FuzzyEngine: Send {
    /// The score when `term`'s characters occur in order in `haystack`, else `None`. When
    /// `indices` is given, the matched char indices into `haystack` are appended to it; the
    /// score is the same either way.
    fn fuzzy(
        &mut self,
        haystack: Utf32Str<'_>,
        term: &PreparedTerm,
        indices: Option<&mut Vec<u32>>,
    ) -> Option<u32>;
}

/// A query term ready for matching.
#[derive(Debug, Clone)]
pub struct PreparedTerm {
    atom: Atom,
    /// The folded needle, for engines that take a `&str`.
    pub needle: String,
    pub ignore_case: bool,
}

/// A query ready for matching: built once per query, shared by all threads.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub terms: Vec<PreparedTerm>,
}

impl Prepared {
    #[must_use]
    pub fn new(q: &Query) -> Self {
        let case = if q.case_sensitive {
            CaseMatching::Respect
        } else {
            CaseMatching::Ignore
        };
        let terms = q
            .terms
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    TermKind::Fuzzy => AtomKind::Fuzzy,
                    TermKind::Exact => AtomKind::Substring,
                    TermKind::Prefix => AtomKind::Prefix,
                    TermKind::Suffix => AtomKind::Postfix,
                    TermKind::Whole => AtomKind::Exact,
                };
                let mut atom = Atom::new(&t.folded, case, Normalization::Never, kind, false);
                atom.negative = t.negated;
                PreparedTerm {
                    atom,
                    needle: t.folded.clone(),
                    ignore_case: !q.case_sensitive,
                }
            })
            .collect();
        Self { terms }
    }
}

/// Per-thread matching state: the fuzzy engine plus nucleo for the other term kinds.
pub struct Scorer {
    exact: nucleo_matcher::Matcher,
    fuzzy: Box<dyn FuzzyEngine>,
    scratch: Vec<u32>,
}

impl Scorer {
    #[must_use]
    pub fn new(kind: MatcherKind) -> Self {
        Self {
            exact: nucleo_matcher::Matcher::new(Config::DEFAULT),
            fuzzy: kind.engine(),
            scratch: Vec::new(),
        }
    }

    /// The total score of a haystack, or `None` when a term rules it out. An empty query
    /// matches everything with score 0.
    pub fn score(&mut self, q: &Prepared, hay: Utf32Str<'_>) -> Option<u32> {
        let mut total = 0u32;
        for t in &q.terms {
            let s = if t.atom.kind == AtomKind::Fuzzy && !t.atom.negative {
                self.fuzzy.fuzzy(hay, t, None)?
            } else {
                u32::from(t.atom.score(hay, &mut self.exact)?)
            };
            total = total.saturating_add(s);
        }
        Some(total)
    }

    /// Like [`Self::score`], also returning the matched char indices, sorted and unique.
    pub fn indices(&mut self, q: &Prepared, hay: Utf32Str<'_>) -> Option<(u32, Vec<u32>)> {
        let mut idx = Vec::new();
        let total = self.indices_into(q, hay, &mut idx)?;
        Some((total, idx))
    }

    /// [`Scorer::indices`] appended to `out`, which is left as it was when a term rules the
    /// haystack out.
    pub fn indices_into(
        &mut self,
        q: &Prepared,
        hay: Utf32Str<'_>,
        out: &mut Vec<u32>,
    ) -> Option<u32> {
        let mut total = 0u32;
        self.scratch.clear();
        for t in &q.terms {
            let s = if t.atom.kind == AtomKind::Fuzzy && !t.atom.negative {
                self.fuzzy.fuzzy(hay, t, Some(&mut self.scratch))?
            } else {
                u32::from(t.atom.indices(hay, &mut self.exact, &mut self.scratch)?)
            };
            total = total.saturating_add(s);
        }
        self.scratch.sort_unstable();
        self.scratch.dedup();
        out.extend_from_slice(&self.scratch);
        Some(total)
    }
}

/// nucleo-matcher's fuzzy matcher (fzf's algorithm, optimal alignment).
pub struct NucleoEngine {
    matcher: nucleo_matcher::Matcher,
}

impl Default for NucleoEngine {
    fn default() -> Self {
        Self {
            matcher: nucleo_matcher::Matcher::new(Config::DEFAULT),
        }
    }
}

impl FuzzyEngine for NucleoEngine {
    fn fuzzy(
        &mut self,
        haystack: Utf32Str<'_>,
        term: &PreparedTerm,
        indices: Option<&mut Vec<u32>>,
    ) -> Option<u32> {
        let s = match indices {
            Some(idx) => term.atom.indices(haystack, &mut self.matcher, idx),
            None => term.atom.score(haystack, &mut self.matcher),
        };
        s.map(u32::from)
    }
}

/// fuzzy-matcher's `SkimMatcherV2`. It takes `&str`, so wide haystacks are re-encoded into a
/// scratch string (its char indices then equal the haystack's).
pub struct SkimEngine {
    ignore: fuzzy_matcher::skim::SkimMatcherV2,
    respect: fuzzy_matcher::skim::SkimMatcherV2,
    buf: String,
}

impl Default for SkimEngine {
    fn default() -> Self {
        Self {
            ignore: fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case(),
            respect: fuzzy_matcher::skim::SkimMatcherV2::default().respect_case(),
            buf: String::new(),
        }
    }
}

impl FuzzyEngine for SkimEngine {
    fn fuzzy(
        &mut self,
        haystack: Utf32Str<'_>,
        term: &PreparedTerm,
        indices: Option<&mut Vec<u32>>,
    ) -> Option<u32> {
        use fuzzy_matcher::FuzzyMatcher;
        let choice: &str = match haystack {
            Utf32Str::Ascii(b) => std::str::from_utf8(b).ok()?,
            Utf32Str::Unicode(cs) => {
                self.buf.clear();
                self.buf.extend(cs);
                &self.buf
            }
        };
        let m = if term.ignore_case {
            &self.ignore
        } else {
            &self.respect
        };
        let clamp = |s: i64| u32::try_from(s.max(0)).unwrap_or(u32::MAX);
        // The score is always `fuzzy_match`'s: on long texts `fuzzy_indices` can score the same
        // match differently, and a hit must rank the same whether or not its positions are
        // asked for.
        let score = m.fuzzy_match(choice, &term.needle)?;
        if let Some(idx) = indices {
            let (_, found) = m.fuzzy_indices(choice, &term.needle)?;
            idx.extend(found.into_iter().filter_map(|i| u32::try_from(i).ok()));
        }
        Some(clamp(score))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_the_same_with_or_without_positions() {
        // A long sentence on which fuzzy-matcher's `fuzzy_indices` scores 45 and its
        // `fuzzy_match` 69.
        let text = "Version de s 😀 et Les global de Xiaohongshu dari vive petites perlu sur Unis \
                    114 🇫🇷 à les dan untuk tidak konteks donné.";
        let chars: Vec<char> = text.chars().collect();
        let q = Prepared::new(&Query::parse("tiktok").expect("query"));
        for kind in [MatcherKind::Nucleo, MatcherKind::Skim] {
            let mut scorer = Scorer::new(kind);
            let score = scorer.score(&q, Utf32Str::Unicode(&chars));
            let with = scorer.indices(&q, Utf32Str::Unicode(&chars));
            assert!(score.is_some(), "{kind:?}");
            assert_eq!(with.map(|(s, _)| s), score, "{kind:?}");
        }
    }
}
