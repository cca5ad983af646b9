//! The same quote as rendered by several documents, often worded differently
//! in translation or trimmed, with a word diff of each rendering against the
//! first.

use imara_diff::{Algorithm, Diff, InternedInput};
use rustc_hash::FxHashSet as HashSet;

use super::{content_words, group_alike};
use crate::report::{Change, DiffPart, Document, QuoteGroup, QuoteRef};
use crate::text::words::words;

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
        .map(|members| {
            let text =
                |(doc, quote): (usize, usize)| documents[doc].quotes[quote].span.text.as_str();
            let reference = text(members[0]);
            QuoteGroup {
                members: members
                    .iter()
                    .enumerate()
                    .map(|(i, &(doc, quote))| QuoteRef {
                        doc,
                        quote,
                        diff: if i == 0 {
                            Vec::new()
                        } else {
                            word_diff(reference, text((doc, quote)))
                        },
                    })
                    .collect(),
            }
        })
        .collect()
}

/// `other` word by word against `reference`, case and quote glyphs folded;
/// kept and added words are shown as `other` writes them.
pub fn word_diff(reference: &str, other: &str) -> Vec<DiffPart> {
    let before = words(reference, 0, reference.len());
    let after = words(other, 0, other.len());
    let mut input = InternedInput::default();
    input.update_before(before.iter().map(|w| w.folded.as_str()));
    input.update_after(after.iter().map(|w| w.folded.as_str()));
    let mut diff = Diff::compute(Algorithm::Histogram, &input);
    diff.postprocess_no_heuristic(&input);
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut push = |change: Change, text: &str| match parts.last_mut() {
        Some(last) if last.change == change => {
            last.text.push(' ');
            last.text.push_str(text);
        }
        _ => parts.push(DiffPart {
            change,
            text: text.to_string(),
        }),
    };
    let (mut b, mut a) = (0, 0);
    while b < before.len() || a < after.len() {
        if b < before.len() && diff.is_removed(b as u32) {
            push(Change::Removed, &reference[before[b].start..before[b].end]);
            b += 1;
        } else if a < after.len() && diff.is_added(a as u32) {
            push(Change::Added, &other[after[a].start..after[a].end]);
            a += 1;
        } else {
            if a < after.len() {
                push(Change::Same, &other[after[a].start..after[a].end]);
            }
            a += 1;
            b += 1;
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_shows_what_each_rendering_changes() {
        let parts = word_diff(
            "“The levee was inspected in the autumn and nobody warned us,”",
            "“The dyke was inspected last autumn and no one warned us,”",
        );
        let shown: Vec<(Change, &str)> =
            parts.iter().map(|p| (p.change, p.text.as_str())).collect();
        assert_eq!(
            shown,
            [
                (Change::Same, "The"),
                (Change::Removed, "levee"),
                (Change::Added, "dyke"),
                (Change::Same, "was inspected"),
                (Change::Removed, "in the"),
                (Change::Added, "last"),
                (Change::Same, "autumn and"),
                (Change::Removed, "nobody"),
                (Change::Added, "no one"),
                (Change::Same, "warned us"),
            ]
        );
        assert!(word_diff("same words", "Same words")
            .iter()
            .all(|p| p.change == Change::Same));
    }
}
