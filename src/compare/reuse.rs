//! Verbatim reuse: wire copy shows as long runs of identical words.

use rustc_hash::FxHashSet as HashSet;

use crate::report::{Document, Reuse};
use crate::text::words::words;

/// Five words in a row rarely repeat by chance across independent reports.
const SHINGLE: usize = 5;

/// For every pair of documents, the share of the shorter article's word
/// 5-grams that the other also has; highest first.
pub fn reuse(documents: &[Document]) -> Vec<Reuse> {
    let shingles: Vec<HashSet<Vec<String>>> = documents.iter().map(article_shingles).collect();
    let mut pairs = Vec::new();
    for i in 0..documents.len() {
        for j in i + 1..documents.len() {
            let (a, b) = (&shingles[i], &shingles[j]);
            let smaller = a.len().min(b.len());
            let share = if smaller == 0 {
                0.0
            } else {
                a.intersection(b).count() as f64 / smaller as f64
            };
            pairs.push(Reuse {
                docs: [i, j],
                share: (share * 1000.0).round() / 1000.0,
            });
        }
    }
    pairs.sort_by(|x, y| y.share.total_cmp(&x.share).then(x.docs.cmp(&y.docs)));
    pairs
}

fn article_shingles(document: &Document) -> HashSet<Vec<String>> {
    document
        .sentences
        .iter()
        .flat_map(|s| {
            let folded: Vec<String> = words(&s.text, 0, s.text.len())
                .into_iter()
                .map(|w| w.folded)
                .collect();
            folded
                .windows(SHINGLE)
                .map(<[String]>::to_vec)
                .collect::<Vec<_>>()
        })
        .collect()
}
