//! Data parallelism on scoped threads, for the steps of a scan that run once over many items.

/// `f` of every item, in item order, on up to `workers` threads that each take a contiguous
/// part of at least `min_part` items (below that a thread costs more than it saves). A panic
/// in `f` is passed on.
pub fn map<T: Sync, U: Send>(
    items: &[T],
    workers: usize,
    min_part: usize,
    f: impl Fn(&T) -> U + Sync,
) -> Vec<U> {
    let per_worker = items.len().div_ceil(workers.max(1)).max(min_part.max(1));
    let f = &f;
    std::thread::scope(|s| {
        let parts: Vec<_> = items
            .chunks(per_worker)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_items_order_whatever_the_split() {
        let items: Vec<u32> = (0..5000).collect();
        let want: Vec<u32> = items.iter().map(|i| i * 2).collect();
        for (workers, min_part) in [(1, 1), (2, 1), (3, 7), (8, 1024), (64, 1)] {
            assert_eq!(super::map(&items, workers, min_part, |i| i * 2), want);
        }
        assert!(super::map(&[] as &[u32], 2, 1, |i| *i).is_empty());
    }
}
