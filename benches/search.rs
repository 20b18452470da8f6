//! Search speed at 100k and 1M sentences of 120-character multilingual text: index build
//! time and memory, per-keystroke latency to the first screen of hits and to the full
//! ranking (streaming searcher), nucleo against skim on the same corpus, and the paragraph
//! filter of a one-shot search.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::corpus::{Document, Origin};
use dossier::search::one_shot::{self, Prefilter};
use dossier::search::{Index, MatcherKind, Query, SearchOptions, Searcher};

mod common;

/// Hits that fill a screen.
const SCREEN: usize = 50;

/// A document of `n` one-sentence lines of about 120 characters (see [`common::lines`]).
fn corpus(n: usize) -> Document {
    Document::from_text("bench".into(), Origin::Stdin, common::lines(n), None)
}

/// Types `query` one character at a time, like a user: per keystroke, waits for the first
/// screen (or the complete result when there are fewer hits) and returns that time.
fn keystrokes(s: &mut Searcher, query: &str, full: bool) -> Duration {
    let mut total = Duration::ZERO;
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        let t = Instant::now();
        let _ = s.set_query(&typed);
        let snap = if full {
            s.wait(Duration::from_secs(60))
        } else {
            s.wait_until(Duration::from_secs(60), |snap| snap.hits.len() >= SCREEN)
        };
        total += t.elapsed();
        black_box(snap);
    }
    // Let the last search finish so the next sample starts idle.
    s.wait(Duration::from_secs(60));
    total / u32::try_from(query.chars().count()).unwrap_or(1)
}

fn bench(c: &mut Criterion) {
    for &n in &[100_000usize, 1_000_000] {
        let t = Instant::now();
        let doc = corpus(n);
        eprintln!("[{n}] corpus::Document::from_text: {:?}", t.elapsed());
        let docs = [doc];
        let t = Instant::now();
        let ix = Arc::new(Index::build(&docs, Vec::new()));
        eprintln!(
            "[{n}] Index::build: {:?}, {} units, index heap {} MiB, document text {} MiB",
            t.elapsed(),
            ix.len(),
            ix.heap_bytes() >> 20,
            docs[0].text.len() >> 20
        );
        let mut g = c.benchmark_group(format!("search_{n}"));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if n > 100_000 { 20 } else { 8 }));
        g.bench_function("index_build", |b| {
            b.iter(|| black_box(Index::build(&docs, Vec::new())));
        });
        let mut s = Searcher::new(Arc::clone(&ix));
        for q in ["refugies", "jnhmltn", "xiaohongshu tiktok"] {
            g.bench_function(format!("keystroke_first_screen/{q}"), |b| {
                b.iter_custom(|iters| (0..iters).map(|_| keystrokes(&mut s, q, false)).sum());
            });
            g.bench_function(format!("keystroke_full_ranking/{q}"), |b| {
                b.iter_custom(|iters| (0..iters).map(|_| keystrokes(&mut s, q, true)).sum());
            });
        }
        for m in [MatcherKind::Nucleo, MatcherKind::Skim] {
            let q = Query::parse("refugies numeriques").unwrap_or_default();
            let opts = SearchOptions {
                matcher: m,
                ..SearchOptions::default()
            };
            g.bench_function(format!("full_search_{}", m.name()), |b| {
                b.iter(|| black_box(ix.search(&q, &opts)));
            });
        }
        // The command line's path: keep only the matches of one query, scored on the way.
        let q = Query::parse("refugies numeriques").unwrap_or_default();
        let opts = SearchOptions::default();
        g.bench_function("one_shot_search", |b| {
            b.iter(|| black_box(one_shot::search_units(&docs, Vec::new(), &q, &opts)));
        });
        // What a one-shot search reads of every paragraph before analysing any: fuzzy,
        // exact and numeric terms, with figures searched (a date label may end `2025`).
        let paragraphs: Vec<&str> = docs[0]
            .paragraphs
            .iter()
            .map(|p| docs[0].slice(&p.range))
            .collect();
        for q in ["tiktok", "'chine", "2025", "'millions\\ util"] {
            let Some(pf) = Query::parse(q)
                .ok()
                .and_then(|query| Prefilter::new(&query, true))
            else {
                continue;
            };
            g.bench_function(format!("paragraph_filter/{q}"), |b| {
                b.iter(|| black_box(paragraphs.iter().filter(|p| pf.passes(p)).count()));
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
