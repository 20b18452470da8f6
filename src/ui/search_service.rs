//! Runs searches off the UI thread and sends results back as actions.
//!
//! One coordinating thread owns a [`Searcher`] over the corpus index (built in the
//! background after loading, see [`super::background`]). It always starts the newest request
//! and forwards only snapshots of the search it started last, each labelled with the
//! palette's request number, so the palette always ends on the newest query's complete
//! results however the answers interleave.

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::action::Action;
use super::view_model::{Hit, HitKind};
use crate::corpus::Corpus;
use crate::search::{
    Highlighter, Index, Match, MatcherKind, Query as SearchQuery, QueryError, SearchOptions,
    Searcher, Snapshot, UnitKind,
};

/// Most hits returned for one query.
pub const MAX_HITS: usize = 500;

/// A search to run.
#[derive(Debug, Clone)]
pub struct Query {
    pub text: String,
    pub scope: Option<usize>,
    pub generation: u64,
    pub corpus: Arc<Corpus>,
}

/// Something that answers queries by sending `ShowSearchResults` actions.
pub trait SearchService {
    fn submit(&mut self, q: Query);
}

enum Msg {
    Query(Query),
    Index(Arc<Corpus>, Arc<Index>),
    /// A snapshot was published.
    Wake,
}

/// Hands a freshly built index to the search thread.
#[derive(Clone)]
pub struct IndexSink(Sender<Msg>);

impl IndexSink {
    /// The index of `corpus` is ready; queries waiting for it run now.
    pub fn ready(&self, corpus: Arc<Corpus>, index: Arc<Index>) {
        let _ = self.0.send(Msg::Index(corpus, index));
    }
}

/// The search index behind the palette.
pub struct IndexSearch {
    tx: Sender<Msg>,
}

impl IndexSearch {
    /// Starts the search thread; results go to `reply` through `wrap`.
    pub fn start<E: Send + 'static>(reply: Sender<E>, wrap: fn(Action) -> E) -> Self {
        let (tx, rx) = channel::<Msg>();
        let wake = tx.clone();
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || worker(&rx, &wake, &reply, wrap))
            .ok();
        Self { tx }
    }

    /// Where the background indexing delivers the index.
    #[must_use]
    pub fn sink(&self) -> IndexSink {
        IndexSink(self.tx.clone())
    }
}

impl SearchService for IndexSearch {
    fn submit(&mut self, q: Query) {
        // A closed worker only means no results; the palette says so.
        let _ = self.tx.send(Msg::Query(q));
    }
}

/// The search that was started last.
struct Active {
    searcher_generation: u64,
    generation: u64,
    scope: Option<usize>,
    query: Arc<SearchQuery>,
}

fn worker<E>(rx: &Receiver<Msg>, wake: &Sender<Msg>, reply: &Sender<E>, wrap: fn(Action) -> E) {
    let mut searcher: Option<(Arc<Corpus>, Searcher)> = None;
    let mut waiting: Option<Query> = None;
    let mut active: Option<Active> = None;
    while let Ok(first) = rx.recv() {
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            match msg {
                Msg::Query(q) => waiting = Some(q),
                Msg::Index(corpus, index) => {
                    let w = wake.clone();
                    let notify: crate::search::searcher::Notify = Box::new(move |_| {
                        let _ = w.send(Msg::Wake);
                    });
                    let s = Searcher::with_options(index, MatcherKind::Nucleo, 0, Some(notify));
                    searcher = Some((corpus, s));
                    active = None;
                }
                Msg::Wake => {}
            }
        }
        if let Some((corpus, s)) = searcher.as_mut()
            && let Some(q) = waiting.take_if(|q| Arc::ptr_eq(&q.corpus, corpus))
        {
            let answer = if q.text.trim().is_empty() {
                active = None;
                Some(Action::ShowSearchResults {
                    generation: q.generation,
                    hits: Vec::new(),
                    done: true,
                })
            } else {
                match (SearchQuery::parse(&q.text), s.set_query(&q.text)) {
                    (Ok(parsed), Ok(g)) => {
                        active = Some(Active {
                            searcher_generation: g,
                            generation: q.generation,
                            scope: q.scope,
                            query: Arc::new(parsed),
                        });
                        None
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        active = None;
                        Some(Action::ShowSearchError {
                            generation: q.generation,
                            message: e.to_string(),
                        })
                    }
                }
            };
            if let Some(a) = answer
                && reply.send(wrap(a)).is_err()
            {
                return;
            }
        }
        if let (Some((_, s)), Some(a)) = (searcher.as_mut(), active.as_ref())
            && let Some(snap) = s.try_recv()
            && snap.generation == a.searcher_generation
        {
            let hits = snapshot_hits(s.index(), &snap, &a.query, a.scope);
            let action = Action::ShowSearchResults {
                generation: a.generation,
                hits,
                done: snap.complete,
            };
            if snap.complete {
                active = None;
            }
            if reply.send(wrap(action)).is_err() {
                return;
            }
        }
    }
}

fn snapshot_hits(
    index: &Index,
    snap: &Snapshot,
    query: &SearchQuery,
    scope: Option<usize>,
) -> Vec<Hit> {
    hits_of(index, snap.hits.iter().copied(), query, scope)
}

/// Turns ranked matches into palette rows, keeping those in `scope`.
fn hits_of(
    index: &Index,
    matches: impl Iterator<Item = Match>,
    query: &SearchQuery,
    scope: Option<usize>,
) -> Vec<Hit> {
    let mut hl = Highlighter::new(query, MatcherKind::Nucleo);
    matches
        .filter_map(|m| {
            let i = m.unit as usize;
            let u = index.get(i)?;
            let doc = u.doc as usize;
            if scope.is_some_and(|s| s != doc) {
                return None;
            }
            let text = index.text(i);
            Some(Hit {
                doc,
                kind: match u.kind {
                    UnitKind::Title => HitKind::Document,
                    UnitKind::Quote => HitKind::Quote,
                    UnitKind::Sentence => HitKind::Sentence,
                    UnitKind::Figure => HitKind::Figure,
                },
                text: text.to_string(),
                range: u.start..u.end,
                matches: to_ranges(&text, &hl.positions(index, i)),
            })
        })
        .take(MAX_HITS)
        .collect()
}

/// Matched character offsets as byte ranges, neighbours merged.
fn to_ranges(text: &str, positions: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for &p in positions {
        let len = text
            .get(p..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        if len == 0 {
            continue;
        }
        match out.last_mut() {
            Some(r) if r.end == p => r.end = p + len,
            _ => out.push(p..p + len),
        }
    }
    out
}

/// Searches `index` at once, ranked, for the command line and tests.
///
/// # Errors
/// `query` is not a valid query.
pub fn search(index: &Index, query: &str, scope: Option<usize>) -> Result<Vec<Hit>, QueryError> {
    if query.trim().is_empty() {
        return Ok(Vec::new());
    }
    let q = SearchQuery::parse(query)?;
    let matches = index.search(&q, &SearchOptions::default());
    Ok(hits_of(index, matches.into_iter(), &q, scope))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LoadOptions, load};

    fn seeds_index() -> (Corpus, Index) {
        let c = load(&[], &LoadOptions::default());
        let figs: Vec<_> = c
            .docs
            .iter()
            .map(crate::extract::figures::extract_document)
            .collect();
        let ix = crate::search::index_corpus(&c.docs, &figs, &mut |_| {});
        (c, ix)
    }

    #[test]
    fn finds_accentless_queries_and_maps_matches_to_source_bytes() {
        let (c, ix) = seeds_index();
        let hits = search(&ix, "vous ne voulez pas", None).expect("query");
        assert!(!hits.is_empty());
        let h = &hits[0];
        assert_eq!(c.docs[h.doc].id, "001");
        assert!(h.text.contains("voulez"));
        assert!(h.matches.iter().all(|m| h.text.get(m.clone()).is_some()));
        let hits = search(&ix, "refugies", None).expect("query");
        assert!(hits.iter().any(|h| h.text.contains("réfugiés")));
        assert!(search(&ix, "   ", None).expect("empty").is_empty());
        let scoped = search(&ix, "tiktok", Some(3)).expect("query");
        assert!(!scoped.is_empty() && scoped.iter().all(|h| h.doc == 3));
        assert!(search(&ix, "a | b", None).is_err());
    }

    #[test]
    fn neighbouring_positions_merge_into_ranges() {
        assert_eq!(to_ranges("Déjà vu", &[0, 1, 3, 4]), vec![0..6]);
        assert_eq!(to_ranges("小红书难民", &[9, 12]), vec![9..15]);
        assert_eq!(to_ranges("ab", &[0, 9]), vec![0..1]);
    }

    #[test]
    fn the_thread_ends_on_the_newest_query() {
        let (c, ix) = seeds_index();
        let corpus = Arc::new(c);
        let (tx, rx) = channel();
        let mut s = IndexSearch::start(tx, |a| a);
        s.sink().ready(Arc::clone(&corpus), Arc::new(ix));
        let q = "vous ne voulez pas";
        for n in 1..=q.len() {
            s.submit(Query {
                text: q[..n].to_string(),
                scope: None,
                generation: n as u64,
                corpus: Arc::clone(&corpus),
            });
        }
        let last = q.len() as u64;
        loop {
            let a = rx
                .recv_timeout(std::time::Duration::from_secs(20))
                .expect("answer");
            if let Action::ShowSearchResults {
                generation,
                hits,
                done: true,
            } = a
                && generation == last
            {
                assert_eq!(corpus.docs[hits[0].doc].id, "001");
                break;
            }
        }
        s.submit(Query {
            text: "a | b".into(),
            scope: None,
            generation: last + 1,
            corpus: Arc::clone(&corpus),
        });
        let a = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("answer");
        assert!(
            matches!(&a, Action::ShowSearchError { generation, message }
                if *generation == last + 1 && message.contains("OR")),
            "{a:?}"
        );
    }
}
