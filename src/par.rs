//! Splitting a slice into one run per core and joining the results in order: the shape of
//! every per-paragraph or per-hit pass that is worth parallelising here.

/// `f` over `items` split into one run per core, results joined in order. Runs on the calling
/// thread alone when there is one core or fewer than `min_per_thread` items per core. `f`
/// takes a whole run so it can keep state (buffers, a matcher) across its items. A run whose
/// thread panicked is redone on the calling thread.
pub fn map_runs<T: Sync, R: Send>(
    items: &[T],
    min_per_thread: usize,
    f: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if threads < 2 || items.len() < threads * min_per_thread.max(1) {
        return f(items);
    }
    let per = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(per)
            .map(|run| (scope.spawn(move || f(run)), run))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for (h, run) in parts {
            out.extend(h.join().unwrap_or_else(|_| f(run)));
        }
        out
    })
}

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
