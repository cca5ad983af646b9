//! Statements: sentences of different documents that say nearly the same thing.

use rustc_hash::FxHashSet as HashSet;

use super::{content_words, group_alike};
use crate::report::{DocSpan, Document, Statement};

/// Half the content words in common (Dice) and at least four shared words:
/// close rewrites of one wire sentence pass, sentences that merely share names do not.
const THRESHOLD: f64 = 0.5;
const MIN_SHARED: usize = 4;

pub fn statements(documents: &[Document], stopwords: &HashSet<&str>) -> Vec<Statement> {
    let items: Vec<_> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.sentences
                .iter()
                .enumerate()
                .map(move |(s, span)| (d, s, span))
        })
        .map(|(d, s, span)| (d, s, content_words(&span.text, stopwords)))
        .collect();
    let mut out: Vec<Statement> = group_alike(&items, THRESHOLD, MIN_SHARED)
        .into_iter()
        .map(|members| Statement {
            support: members
                .into_iter()
                .map(|(doc, s)| DocSpan {
                    doc,
                    span: documents[doc].sentences[s].clone(),
                })
                .collect(),
        })
        .collect();
    out.sort_by_key(|st| {
        let docs: HashSet<usize> = st.support.iter().map(|s| s.doc).collect();
        (
            std::cmp::Reverse(docs.len()),
            st.support[0].doc,
            st.support[0].span.start,
        )
    });
    out
}
