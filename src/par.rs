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
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let min = min_per_thread.max(1);
    if threads < 2 || items.len() < threads * min {
        return f(items);
    }
    let runs = (threads * RUNS_PER_THREAD).min(items.len() / min);
    let runs: Vec<&[T]> = items.chunks(items.len().div_ceil(runs)).collect();
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
                        done.push((i, f(run)));
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
        let mut out = Vec::with_capacity(items.len());
        for (r, run) in results.into_iter().zip(runs) {
            out.extend(r.unwrap_or_else(|| f(run)));
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
