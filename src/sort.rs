//! Stable sorts through one copy of the standard library's sort. Every
//! `sort_by` with a closure of its own compiles the whole sort anew (a few KB
//! of wasm a call site); these sort positions with one comparator type and
//! then move the items, with the very order `slice::sort_by` gives.

use std::cmp::Ordering;

/// `v.sort_by(cmp)`.
pub(crate) fn by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    positions(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// `v.sort_by_key(key)`.
pub(crate) fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

fn positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Puts the item at `order[k]` at `k`, for every `k`, one cycle of the
/// permutation at a time; a position done is marked by `order[k] == k`.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = std::mem::replace(&mut order[at], at);
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn orders_as_the_standard_sort() {
        // Many ties, so that stability shows.
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 10, 31, 100, 1000] {
            let items: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 33) % 7, i)
                })
                .collect();
            let mut ours = items.clone();
            super::by_key(&mut ours, |item| item.0);
            let mut std = items.clone();
            std.sort_by_key(|item| item.0);
            assert_eq!(ours, std);
            super::by(&mut ours, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            std.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            assert_eq!(ours, std);
        }
    }
}
