//! Joining the results of work split into runs (paragraphs scanned a run at a time on every
//! core) without ever holding them twice.
//!
//! rayon's `collect` into one vector gathers per-thread pieces and copies them into a new
//! vector at the end, so a document's figures or sentences briefly exist twice: on a large
//! document that copy is the most memory a command holds.

/// The runs' items in order. The first run's vector grows in place (the allocator remaps a
/// large block rather than copying it) and each later run is freed as soon as it is appended,
/// so the peak is the items once plus one run.
#[must_use]
pub fn concat<T>(runs: Vec<Vec<T>>) -> Vec<T> {
    let total = runs.iter().map(Vec::len).sum::<usize>();
    let mut runs = runs.into_iter();
    let mut out = runs.next().unwrap_or_default();
    out.reserve_exact(total - out.len());
    for run in runs {
        out.extend(run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::concat;

    #[test]
    fn runs_are_joined_in_order() {
        assert_eq!(
            concat(vec![vec![1, 2], vec![], vec![3], vec![4, 5]]),
            [1, 2, 3, 4, 5]
        );
        assert_eq!(concat::<u8>(Vec::new()), Vec::<u8>::new());
    }
}
