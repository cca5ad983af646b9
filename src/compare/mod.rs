//! Comparisons across documents. Each works on the finished per-document
//! results, so it sees exactly what the reader sees.

pub mod discrepancies;
pub mod framing;
pub mod off_topic;
pub mod quote_groups;
pub mod reuse;
pub mod similarity;
pub mod statements;
pub mod stem;
pub mod variants;

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::report::{Comparison, Document};
use crate::text::words::words;

pub fn compare(documents: &[Document], stopwords: &HashSet<&str>) -> Comparison {
    // One document shares nothing with another.
    if documents.len() < 2 {
        return Comparison::default();
    }
    let aligned = statements::align(documents, stopwords);
    let quote_groups = quote_groups::quote_groups(documents, stopwords);
    let (reuse, passages) = reuse::reuse(documents);
    Comparison {
        discrepancies: discrepancies::discrepancies(documents, &aligned.statements, &quote_groups),
        statements: aligned.statements,
        quote_groups,
        variants: variants::variants(documents),
        reuse,
        consensus: aligned.consensus,
        sources: aligned.sources,
        passages,
        framing: framing::framing(documents),
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

/// The fewest words a set of `len` words shares with any set it is alike
/// to: Dice ≥ t with `o` shared words and the other set at least `o` long
/// gives o ≥ t·len / (2 − t). Rounded down a hair, so float error only ever
/// widens the candidates.
fn min_overlap(len: usize, threshold: f64, min_shared: usize) -> usize {
    let bound = (threshold * len as f64 / (2.0 - threshold) - 1e-9).ceil();
    min_shared.max(bound.max(0.0) as usize)
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
///
/// Candidates come from prefix filtering, not from all pairs: with words
/// ordered rarest first, two sets that share at least `o` words share one
/// among the first `len - o + 1` words of each, and `o` has a lower bound
/// from `min_shared` and `threshold` alone. Only those prefixes are indexed,
/// so common words cost nothing and the result is the all-pairs one, but
/// for words in more than [`MOST_CANDIDATES`] items, which are compared with
/// the newest of those only (linear time however many renderings a quote has).
/// How many items of one word's list an item is compared with, newest first.
const MOST_CANDIDATES: usize = 256;

pub(crate) fn group_alike(
    items: &[(usize, usize, BTreeSet<String>)],
    threshold: f64,
    min_shared: usize,
) -> Vec<Vec<(usize, usize)>> {
    let mut parent = crate::union_find::singletons(items.len());
    let mut frequency: HashMap<&str, usize> = HashMap::default();
    for (_, _, set) in items {
        for word in set {
            *frequency.entry(word).or_default() += 1;
        }
    }
    let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut probed_by = vec![usize::MAX; items.len()];
    for (i, (_, _, set)) in items.iter().enumerate() {
        let needed = min_overlap(set.len(), threshold, min_shared);
        if needed > set.len() {
            continue;
        }
        let mut rarest: Vec<&str> = set.iter().map(String::as_str).collect();
        crate::sort::by_key(&mut rarest, |w| (frequency[w], *w));
        let prefix = &rarest[..set.len() - needed + 1];
        for word in prefix {
            // The newest items of a word's list: a quote carried by thousands
            // of documents joins its group through the last few, not all.
            let postings = index.get(word).map_or(&[][..], Vec::as_slice);
            for &j in postings[postings.len().saturating_sub(MOST_CANDIDATES)..]
                .iter()
                .rev()
            {
                if probed_by[j] == i {
                    continue;
                }
                probed_by[j] = i;
                // Already one group: nothing to learn from comparing them.
                if crate::union_find::root(&mut parent, i)
                    == crate::union_find::root(&mut parent, j)
                {
                    continue;
                }
                let (a, b) = (&items[j], &items[i]);
                if a.0 != b.0
                    && a.2.intersection(&b.2).count() >= min_shared
                    && dice(&a.2, &b.2) >= threshold
                {
                    crate::union_find::union(&mut parent, i, j);
                }
            }
        }
        for word in prefix {
            index.entry(word).or_default().push(i);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<(usize, usize)>> = Default::default();
    for (i, item) in items.iter().enumerate() {
        let r = crate::union_find::root(&mut parent, i);
        groups.entry(r).or_default().push((item.0, item.1));
    }
    groups
        .into_values()
        .filter(|members| members.iter().map(|m| m.0).collect::<BTreeSet<_>>().len() >= 2)
        .collect()
}
