//! Comparisons across documents. Each works on the finished per-document
//! results, so it sees exactly what the reader sees.

pub mod quote_groups;
pub mod reuse;
pub mod statements;

use std::collections::BTreeSet;

use rustc_hash::FxHashSet as HashSet;

use crate::report::{Comparison, Document};
use crate::text::words::words;

pub fn compare(documents: &[Document], stopwords: &HashSet<&str>) -> Comparison {
    Comparison {
        statements: statements::statements(documents, stopwords),
        quote_groups: quote_groups::quote_groups(documents, stopwords),
        discrepancies: Vec::new(),
        variants: Vec::new(),
        reuse: reuse::reuse(documents),
    }
}

/// Content words of a passage: folded, without function words, plural `s`
/// and possessives trimmed, so that wording changes matter more than grammar.
pub(crate) fn content_words(text: &str, stopwords: &HashSet<&str>) -> BTreeSet<String> {
    words(text, 0, text.len())
        .into_iter()
        .filter(|w| !stopwords.contains(w.folded.as_str()))
        .map(|w| {
            let base = w.folded.trim_end_matches("'s").trim_end_matches('\'');
            match base.strip_suffix('s') {
                Some(stem) if stem.chars().count() > 3 && !stem.ends_with('s') => stem.to_string(),
                _ => base.to_string(),
            }
        })
        .collect()
}

/// Dice coefficient of two word sets.
pub(crate) fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// Groups items of different documents whose word sets are alike, joining
/// chains of alike pairs (union-find), and returns groups spanning two or
/// more documents, each sorted by (document, item).
pub(crate) fn group_alike(
    items: &[(usize, usize, BTreeSet<String>)],
    threshold: f64,
    min_shared: usize,
) -> Vec<Vec<(usize, usize)>> {
    let mut parent: Vec<usize> = (0..items.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            let (a, b) = (&items[i], &items[j]);
            if a.0 != b.0
                && a.2.intersection(&b.2).count() >= min_shared
                && dice(&a.2, &b.2) >= threshold
            {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
    for (i, item) in items.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push((item.0, item.1));
    }
    groups
        .into_values()
        .filter(|members| members.iter().map(|m| m.0).collect::<BTreeSet<_>>().len() >= 2)
        .collect()
}
