//! Fuzzy search across every loaded document. No UI dependency.
//!
//! Two ways in, over the same [`units`] (titles, sentences, quotes and figures, plus any units
//! given from outside) and the same query language ([`Query`], fzf's extended syntax):
//!
//! - the full [`Index`], built once per corpus, each unit kept as where it comes from and
//!   folded as it is scored: rank everything at once with [`Index::search`], or stream
//!   ranked hits from worker threads with a [`Searcher`] (the terminal UI, one query per
//!   keystroke); highlight positions come from a [`Highlighter`];
//! - [`one_shot`], for the command line's single query: only the paragraphs that may hold a
//!   hit are analysed and only the hits are kept, with the characters each matched.
//!
//! Both give byte offsets into the unit text, and [`fold::column_ranges`] turns them into
//! display columns.

pub mod engine;
pub mod figure_units;
pub mod fold;
pub mod index;
pub mod matching;
pub mod one_shot;
pub mod query;
pub mod searcher;
pub mod units;

pub use engine::{FuzzyEngine, MatcherKind};
pub use figure_units::index_corpus;
pub use index::{BuildProgress, HayBuf, Index};
pub use matching::{Highlighter, Match, SearchOptions, rank};
pub use query::{Query, QueryError, Term, TermKind};
pub use searcher::{Searcher, Snapshot};
pub use units::{KindSet, Unit, UnitKind, UnitSpec};
