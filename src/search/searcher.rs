//! Incremental search off the UI thread: one query per keystroke, hits streamed back.
//!
//! A [`Searcher`] owns a small pool of worker threads. [`Searcher::set_query`] cancels the
//! running search and starts a new one under a new generation number; workers score the
//! index in chunks and publish a [`Snapshot`] after every chunk (the best hits so far), then
//! a complete one with every hit ranked. The UI polls [`Searcher::try_recv`] without blocking,
//! and may register a wake-up callback to know when to poll.
//!
//! When the new query extends the previous one ("refu" → "refug"), only the previous hits
//! are rescored, plus the parts of the index the previous search had not reached yet.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::engine::{MatcherKind, Prepared, Scorer};
use super::index::Index;
use super::matching::{CHUNK, Candidates, Match, rank};
use super::query::{Query, QueryError};
use super::units::KindSet;

/// Hits kept in a partial snapshot: several screens.
pub const DEFAULT_TOP: usize = 500;

/// What a search has found so far.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The generation returned by the [`Searcher::set_query`] call that started this search.
    pub generation: u64,
    pub query: Arc<Query>,
    /// Ranked hits: the best found so far while searching, every hit once `complete`.
    /// (A `Vec` behind the `Arc`: millions of hits are shared as they were ranked, not
    /// copied.)
    pub hits: Arc<Vec<Match>>,
    /// Hits found so far (may exceed `hits.len()` while searching).
    pub matched: usize,
    /// Units scored so far, and to score in all.
    pub scanned: usize,
    pub total: usize,
    pub complete: bool,
}

/// A wake-up callback: called from a worker thread after each new snapshot.
pub type Notify = Box<dyn Fn(u64) + Send + Sync>;

/// Streams ranked hits for the latest query from worker threads.
pub struct Searcher {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    generation: u64,
    current: Option<Arc<Job>>,
    kinds: KindSet,
    seen: u64,
}

struct Shared {
    index: Arc<Index>,
    matcher: MatcherKind,
    top: usize,
    state: Mutex<State>,
    wake: Condvar,
    latest: Mutex<(u64, Option<Arc<Snapshot>>)>,
    published: Condvar,
    notify: Option<Notify>,
}

#[derive(Default)]
struct State {
    job: Option<Arc<Job>>,
    shutdown: bool,
}

struct Job {
    generation: u64,
    query: Arc<Query>,
    prepared: Prepared,
    kinds: KindSet,
    cands: Candidates,
    n_chunks: usize,
    next: AtomicUsize,
    cancelled: AtomicBool,
    progress: Mutex<Progress>,
}

#[derive(Default)]
struct Progress {
    /// Matches of each finished chunk, in document order within the chunk, until the
    /// search is complete.
    chunks: Vec<Option<Vec<Match>>>,
    /// Every match, ranked, once the search is complete.
    all: Option<Arc<Vec<Match>>>,
    done: usize,
    matched: usize,
    scanned: usize,
    top: Vec<Match>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking worker leaves plain data behind; keep using it.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Searcher {
    /// A searcher over `index` with one worker per core.
    #[must_use]
    pub fn new(index: Arc<Index>) -> Self {
        Self::with_options(index, MatcherKind::Nucleo, 0, None)
    }

    /// A searcher with a chosen engine, worker count (0: one per core) and wake-up callback.
    #[must_use]
    pub fn with_options(
        index: Arc<Index>,
        matcher: MatcherKind,
        threads: usize,
        notify: Option<Notify>,
    ) -> Self {
        let n = if threads > 0 {
            threads
        } else {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        };
        let shared = Arc::new(Shared {
            index,
            matcher,
            top: DEFAULT_TOP,
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            latest: Mutex::new((0, None)),
            published: Condvar::new(),
            notify,
        });
        let workers = (0..n)
            .filter_map(|i| {
                let sh = Arc::clone(&shared);
                std::thread::Builder::new()
                    .name(format!("search-{i}"))
                    .spawn(move || worker(&sh))
                    .ok()
            })
            .collect();
        Self {
            shared,
            workers,
            generation: 0,
            current: None,
            kinds: KindSet::ALL,
            seen: 0,
        }
    }

    /// The index searched.
    #[must_use]
    pub fn index(&self) -> &Arc<Index> {
        &self.shared.index
    }

    /// Restricts the following searches to some unit kinds.
    pub fn set_kinds(&mut self, kinds: KindSet) {
        if kinds != self.kinds {
            self.kinds = kinds;
            // The previous hits were filtered by other kinds: no narrowing from them.
            self.current = None;
        }
    }

    /// Starts searching for `raw`, cancelling the previous search. Returns the new
    /// generation number, which snapshots of this search carry.
    ///
    /// # Errors
    /// [`QueryError`] when `raw` is not a valid query; the previous search keeps running.
    pub fn set_query(&mut self, raw: &str) -> Result<u64, QueryError> {
        let query = Arc::new(Query::parse(raw)?);
        let cands = match self.current.take() {
            Some(prev) => {
                prev.cancelled.store(true, Ordering::Relaxed);
                if prev.query.narrows_to(&query) {
                    narrowed(&prev)
                } else {
                    Candidates::All(self.shared.index.len())
                }
            }
            None => Candidates::All(self.shared.index.len()),
        };
        self.generation += 1;
        let n_chunks = cands.chunks();
        let job = Arc::new(Job {
            generation: self.generation,
            prepared: Prepared::new(&query),
            query,
            kinds: self.kinds,
            n_chunks,
            cands,
            next: AtomicUsize::new(0),
            cancelled: AtomicBool::new(false),
            progress: Mutex::new(Progress {
                chunks: vec![None; n_chunks],
                ..Progress::default()
            }),
        });
        if n_chunks == 0 {
            finish(&self.shared, &job, &mut lock(&job.progress));
        }
        self.current = Some(Arc::clone(&job));
        lock(&self.shared.state).job = Some(job);
        self.shared.wake.notify_all();
        Ok(self.generation)
    }

    /// The newest snapshot if one was published since the last call; never blocks.
    pub fn try_recv(&mut self) -> Option<Arc<Snapshot>> {
        let latest = lock(&self.shared.latest);
        if latest.0 == self.seen {
            return None;
        }
        self.seen = latest.0;
        latest.1.clone()
    }

    /// The newest snapshot published, of whatever generation.
    #[must_use]
    pub fn latest(&self) -> Option<Arc<Snapshot>> {
        lock(&self.shared.latest).1.clone()
    }

    /// Blocks until the current search is complete or `timeout` passes; returns the newest
    /// snapshot. For tests, benchmarks and batch use.
    pub fn wait(&mut self, timeout: Duration) -> Option<Arc<Snapshot>> {
        self.wait_until(timeout, |s| s.complete)
    }

    /// Blocks until a snapshot of the current search satisfies `done` or `timeout` passes.
    pub fn wait_until(
        &mut self,
        timeout: Duration,
        done: impl Fn(&Snapshot) -> bool,
    ) -> Option<Arc<Snapshot>> {
        let deadline = Instant::now() + timeout;
        let mut latest = lock(&self.shared.latest);
        loop {
            if let Some(s) = &latest.1
                && s.generation == self.generation
                && (done(s) || s.complete)
            {
                self.seen = latest.0;
                return Some(Arc::clone(s));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return latest.1.clone();
            }
            latest = self
                .shared
                .published
                .wait_timeout(latest, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Drop for Searcher {
    fn drop(&mut self) {
        if let Some(j) = &self.current {
            j.cancelled.store(true, Ordering::Relaxed);
        }
        lock(&self.shared.state).shutdown = true;
        self.shared.wake.notify_all();
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

/// Candidates for a query that narrows `prev`: its hits from finished chunks plus every
/// candidate of the chunks it had not finished, in document order.
fn narrowed(prev: &Job) -> Candidates {
    let p = lock(&prev.progress);
    if p.done == 0 {
        return prev.cands.clone();
    }
    if let Some(all) = &p.all {
        let mut out: Vec<u32> = all.iter().map(|m| m.unit).collect();
        out.sort_unstable();
        return Candidates::List(Arc::new(out));
    }
    let mut out: Vec<u32> = Vec::with_capacity(p.matched + (prev.n_chunks - p.done) * CHUNK);
    for (c, chunk) in p.chunks.iter().enumerate() {
        match chunk {
            Some(ms) => out.extend(ms.iter().map(|m| m.unit)),
            None => {
                let lo = c * CHUNK;
                let hi = (lo + CHUNK).min(prev.cands.len());
                match &prev.cands {
                    Candidates::All(_) => {
                        out.extend((lo..hi).map(|u| u32::try_from(u).unwrap_or(u32::MAX)))
                    }
                    Candidates::List(l) => out.extend_from_slice(&l[lo..hi]),
                }
            }
        }
    }
    Candidates::List(Arc::new(out))
}

fn worker(sh: &Shared) {
    let mut scorer = Scorer::new(sh.matcher);
    let mut exhausted = 0u64;
    let mut buf = Vec::new();
    loop {
        let job = {
            let mut st = lock(&sh.state);
            loop {
                if st.shutdown {
                    return;
                }
                match &st.job {
                    Some(j) if j.generation != exhausted => break Arc::clone(j),
                    _ => st = sh.wake.wait(st).unwrap_or_else(PoisonError::into_inner),
                }
            }
        };
        loop {
            if job.cancelled.load(Ordering::Relaxed) {
                exhausted = job.generation;
                break;
            }
            let c = job.next.fetch_add(1, Ordering::Relaxed);
            if c >= job.n_chunks {
                exhausted = job.generation;
                break;
            }
            buf.clear();
            job.cands.scan_chunk(
                c,
                &sh.index,
                &job.prepared,
                job.kinds,
                &mut scorer,
                &mut buf,
            );
            chunk_done(sh, &job, c, std::mem::take(&mut buf));
        }
    }
}

fn chunk_done(sh: &Shared, job: &Job, c: usize, ms: Vec<Match>) {
    let mut p = lock(&job.progress);
    let lo = c * CHUNK;
    p.scanned += (lo + CHUNK).min(job.cands.len()) - lo;
    p.matched += ms.len();
    p.done += 1;
    let mut best: Vec<Match> = ms.clone();
    if best.len() > sh.top {
        best.select_nth_unstable_by_key(sh.top, |m| m.rank_key());
        best.truncate(sh.top);
    }
    p.top.extend(best);
    rank(&mut p.top);
    p.top.truncate(sh.top);
    if let Some(slot) = p.chunks.get_mut(c) {
        *slot = Some(ms);
    }
    if p.done == job.n_chunks {
        finish(sh, job, &mut p);
    } else if !job.cancelled.load(Ordering::Relaxed) {
        let snap = Snapshot {
            generation: job.generation,
            query: Arc::clone(&job.query),
            hits: Arc::new(p.top.clone()),
            matched: p.matched,
            scanned: p.scanned,
            total: job.cands.len(),
            complete: false,
        };
        drop(p);
        publish(sh, snap);
    }
}

/// Ranks every hit of a finished job and publishes the complete snapshot.
fn finish(sh: &Shared, job: &Job, p: &mut Progress) {
    if job.cancelled.load(Ordering::Relaxed) {
        return;
    }
    // Each chunk's matches are let go once copied, and the ranked list is shared with the
    // snapshot and the next, narrower query: a query matching most of a large corpus holds
    // its matches once.
    let mut all = crate::runs::concat(
        std::mem::take(&mut p.chunks)
            .into_iter()
            .flatten()
            .collect(),
    );
    rank(&mut all);
    let all = Arc::new(all);
    p.all = Some(Arc::clone(&all));
    publish(
        sh,
        Snapshot {
            generation: job.generation,
            query: Arc::clone(&job.query),
            hits: all,
            matched: p.matched,
            scanned: p.scanned,
            total: job.cands.len(),
            complete: true,
        },
    );
}

fn publish(sh: &Shared, snap: Snapshot) {
    let generation = snap.generation;
    {
        let mut latest = lock(&sh.latest);
        // A slow worker of an older search must not overwrite a newer one's results.
        if latest.1.as_ref().is_some_and(|s| s.generation > generation) {
            return;
        }
        latest.0 += 1;
        latest.1 = Some(Arc::new(snap));
    }
    sh.published.notify_all();
    if let Some(n) = &sh.notify {
        n(generation);
    }
}
