//! The same quote as rendered by several documents, often worded differently
//! in translation or trimmed.

use rustc_hash::FxHashSet as HashSet;

use super::{content_words, group_alike};
use crate::report::{Document, QuoteGroup, QuoteRef};

const THRESHOLD: f64 = 0.4;
const MIN_SHARED: usize = 3;

pub fn quote_groups(documents: &[Document], stopwords: &HashSet<&str>) -> Vec<QuoteGroup> {
    let items: Vec<_> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.quotes
                .iter()
                .enumerate()
                .map(move |(q, quote)| (d, q, content_words(&quote.span.text, stopwords)))
        })
        .collect();
    group_alike(&items, THRESHOLD, MIN_SHARED)
        .into_iter()
        .map(|members| QuoteGroup {
            members: members
                .into_iter()
                .map(|(doc, quote)| QuoteRef { doc, quote })
                .collect(),
        })
        .collect()
}
