//! Splitting a slice into runs for every core and joining the results in order: the shape of
//! every per-paragraph or per-hit pass that is worth parallelising here.

/// `f` over `items` split into runs, results joined in order. Runs on the calling thread
/// alone when there is one core or fewer than `min_per_thread` items per core. `f` takes a
/// whole run so it can keep state (buffers, a matcher) across its items. A run whose thread
/// panicked is redone on the calling thread.
///
/// There are a few runs per core, taken in turn by one thread per core: items seldom cost
/// the same (a search's hits cluster, some paragraphs are skipped), and a thread that is done
/// early takes the next run instead of waiting for a slower one.
pub fn map_runs<T: Sync, R: Send>(
    items: &[T],
    min_per_thread: usize,
    f: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    map_ranges(items.len(), min_per_thread, |r| f(&items[r]))
}

/// [`map_runs`] over the indices `0..n`, for a pass that reads several slices, or the items
/// next to its own.
pub fn map_ranges<R: Send>(
    n: usize,
    min_per_thread: usize,
    f: impl Fn(std::ops::Range<usize>) -> Vec<R> + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let min = min_per_thread.max(1);
    if threads < 2 || n < threads * min {
        return f(0..n);
    }
    let per = n.div_ceil((threads * RUNS_PER_THREAD).min(n / min));
    let runs: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(per)
        .map(|start| start..(start + per).min(n))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (f, runs, next) = (&f, &runs, &next);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(run) = runs.get(i) else {
                            break done;
                        };
                        done.push((i, f(run.clone())));
                    }
                })
            })
            .collect();
        let mut results: Vec<Option<Vec<R>>> = runs.iter().map(|_| None).collect();
        for w in workers {
            for (i, r) in w.join().unwrap_or_default() {
                results[i] = Some(r);
            }
        }
        let mut out = Vec::with_capacity(n);
        for (r, run) in results.into_iter().zip(runs) {
            out.extend(r.unwrap_or_else(|| f(run.clone())));
        }
        out
    })
}

/// Runs per core in [`map_runs`].
const RUNS_PER_THREAD: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_every_index_once_in_order() {
        for n in [0, 1, 7, 10_000, 10_007] {
            for min in [0, 1, 100, 1_000_000] {
                let out = map_ranges(n, min, Iterator::collect);
                assert_eq!(out, (0..n).collect::<Vec<_>>(), "{n} {min}");
            }
        }
    }

    #[test]
    fn runs_join_in_order_whatever_the_split() {
        let items: Vec<u32> = (0..10_000).collect();
        for min in [0, 1, 100, 1_000_000] {
            let out = map_runs(&items, min, |run| run.iter().map(|x| x * 2).collect());
            assert_eq!(
                out,
                items.iter().map(|x| x * 2).collect::<Vec<_>>(),
                "{min}"
            );
        }
    }
}
