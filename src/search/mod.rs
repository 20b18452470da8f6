//! Fuzzy search across every loaded document, and the quotes it can jump to. No UI dependency.
//!
//! Build an [`Index`] once per corpus (titles, sentences, quotes, plus figures given from
//! outside), parse a [`Query`] in fzf's extended syntax, then either rank everything at once
//! with [`Index::search`] or stream ranked hits from worker threads with a [`Searcher`] (the
//! terminal UI, one query per keystroke). The command line, which runs a single query, builds
//! [`Index::build_for_query`] instead: an index of that query's matches alone, which keeps
//! the characters each one matched ([`Index::matched`]). Otherwise highlight positions come
//! from a [`Highlighter`]; both give byte offsets into the unit text, and
//! [`fold::column_ranges`] turns them into display columns.

pub mod engine;
pub mod figure_units;
pub mod fold;
pub mod index;
pub mod matching;
pub mod one_shot;
pub mod prefilter;
pub mod query;
pub mod quotes;
pub mod searcher;

pub use engine::{FuzzyEngine, MatcherKind};
pub use figure_units::{figure_units, index_corpus};
pub use index::{BuildProgress, Index, KindSet, Unit, UnitKind, UnitSpec};
pub use matching::{Highlighter, Match, SearchOptions, rank};
pub use prefilter::Prefilter;
pub use query::{Query, QueryError, Term, TermKind};
pub use quotes::Quote;
pub use searcher::{Searcher, Snapshot};
