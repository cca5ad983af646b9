//! Disjoint sets over item indices, as a parent list: the grouping behind
//! statements, quote groups, shared passages, discrepancies and the entities'
//! names across documents.

/// Every item its own set.
pub(crate) fn singletons(len: usize) -> Vec<usize> {
    (0..len).collect()
}

/// The representative of `i`'s set, halving the path on the way.
pub(crate) fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins the sets of `a` and `b`. The smaller root stays the root, so the
/// sets' representatives never depend on the order of the joins.
pub(crate) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (root(parent, a), root(parent, b));
    parent[ra.max(rb)] = ra.min(rb);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_are_transitive_and_the_smallest_index_represents() {
        let mut parent = singletons(5);
        union(&mut parent, 3, 1);
        union(&mut parent, 4, 3);
        assert_eq!(root(&mut parent, 4), 1);
        assert_ne!(root(&mut parent, 0), root(&mut parent, 4));
        assert_eq!(root(&mut parent, 2), 2);
    }
}
