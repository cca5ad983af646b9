//! Unrelated stories appended to an article (a page's next story, a
//! newsletter's other items): the paragraphs at the end of a document that
//! share no statement and no passage with the other documents, name nothing
//! they name, and use little of their vocabulary. They go back to
//! boilerplate as `off-topic`, and the documents are compared again.
//!
//! Only with three documents or more: with two, a paragraph one carries
//! alone is as likely the other's omission as an unrelated story, and the
//! other document's words are too few to tell the story's vocabulary.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::content_words;
use crate::report::{Boilerplate, BoilerplateReason, Comparison, Document, Span};

/// Documents needed before anything is called off-topic (see the module's note).
pub const MIN_DOCUMENTS: usize = 3;
/// A paragraph whose content words the other documents use less than this
/// share of may be off-topic…
const PARAGRAPH_SHARE: f64 = 0.34;
/// …and the tail of such paragraphs together must share less than this…
const TAIL_SHARE: f64 = 0.25;
/// A paragraph shorter than this does not open an appended story.
const MIN_PARAGRAPH_WORDS: usize = 12;
/// …and be this long: a closing remark of a dozen words is the article's own.
const MIN_TAIL_WORDS: usize = 40;

/// For each document, the code point ranges of its off-topic paragraphs.
pub fn find(
    documents: &[Document],
    comparison: &Comparison,
    stopwords: &HashSet<&str>,
) -> Vec<Vec<Range<usize>>> {
    if documents.len() < MIN_DOCUMENTS {
        return vec![Vec::new(); documents.len()];
    }
    // What each document shares with the others: statements and passages.
    let mut shared: Vec<Vec<Range<usize>>> = vec![Vec::new(); documents.len()];
    for st in &comparison.statements {
        for s in &st.support {
            shared[s.doc].push(s.span.start..s.span.end);
        }
    }
    for p in &comparison.passages {
        for s in &p.spans {
            shared[s.doc].push(s.span.start..s.span.end);
        }
    }
    // Content words and names, by the number of documents using them.
    let vocabularies: Vec<HashSet<String>> = documents
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .flat_map(|s| content_words(&s.text, stopwords))
                .collect()
        })
        .collect();
    let mut frequency: HashMap<&str, usize> = HashMap::default();
    for v in &vocabularies {
        for w in v {
            *frequency.entry(w).or_default() += 1;
        }
    }
    let mut named: HashMap<&str, HashSet<usize>> = HashMap::default();
    for (d, doc) in documents.iter().enumerate() {
        for e in &doc.entities {
            named.entry(&e.canonical).or_default().insert(d);
        }
    }
    documents
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let elsewhere = |w: &String| frequency.get(w.as_str()).is_some_and(|&n| n >= 2);
            let paragraphs = paragraphs(doc);
            let mut tail: Vec<usize> = Vec::new();
            for (p, range) in paragraphs.iter().enumerate().rev() {
                let sentences = &doc.sentences[range.clone()];
                let span = sentences[0].start..sentences[sentences.len() - 1].end;
                let carries = shared[d]
                    .iter()
                    .any(|s| s.start < span.end && span.start < s.end);
                let names_shared = doc.entities.iter().any(|e| {
                    e.span.start >= span.start
                        && e.span.end <= span.end
                        && named
                            .get(e.canonical.as_str())
                            .is_some_and(|ds| ds.len() >= 2)
                });
                let words: HashSet<String> = sentences
                    .iter()
                    .flat_map(|s| content_words(&s.text, stopwords))
                    .collect();
                let share = fraction(&words, elsewhere);
                if p == 0 || carries || names_shared || share >= PARAGRAPH_SHARE {
                    break;
                }
                tail.push(p);
            }
            // The tail starts with a paragraph of its own story or its
            // headline: short sentences before it (a closing remark) are the article's.
            tail.reverse();
            let opens = |p: usize| {
                let sentences = &doc.sentences[paragraphs[p].clone()];
                let words: usize = sentences
                    .iter()
                    .map(|s| s.text.split_whitespace().count())
                    .sum();
                let headline = sentences.len() == 1
                    && !sentences[0]
                        .text
                        .trim_end()
                        .ends_with(['.', '!', '?', '”', '"', '’', '\'']);
                headline || words >= MIN_PARAGRAPH_WORDS
            };
            let first_long = tail.iter().position(|&p| opens(p)).unwrap_or(tail.len());
            tail.drain(..first_long);
            // Something before the tail must be the story the others tell.
            let before_shared = tail.first().is_some_and(|&first| {
                let end = doc.sentences[paragraphs[first].start].start;
                shared[d].iter().any(|s| s.start < end)
            });
            let sentences: Vec<&Span> = tail
                .iter()
                .flat_map(|&p| &doc.sentences[paragraphs[p].clone()])
                .collect();
            let words: HashSet<String> = sentences
                .iter()
                .flat_map(|s| content_words(&s.text, stopwords))
                .collect();
            let length: usize = sentences
                .iter()
                .map(|s| s.text.split_whitespace().count())
                .sum();
            if !before_shared
                || length < MIN_TAIL_WORDS
                || fraction(&words, elsewhere) >= TAIL_SHARE
            {
                return Vec::new();
            }
            let ranges: Vec<Range<usize>> = tail
                .iter()
                .map(|&p| {
                    let s = &doc.sentences[paragraphs[p].clone()];
                    s[0].start..s[s.len() - 1].end
                })
                .collect();
            ranges
        })
        .collect()
}

fn fraction(words: &HashSet<String>, elsewhere: impl Fn(&String) -> bool) -> f64 {
    if words.is_empty() {
        return 1.0;
    }
    words.iter().filter(|w| elsewhere(w)).count() as f64 / words.len() as f64
}

/// The document's paragraphs as ranges of its sentences: sentences on one
/// line of the text are one paragraph.
fn paragraphs(doc: &Document) -> Vec<Range<usize>> {
    let bytes: Vec<usize> = doc
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(doc.text.len()))
        .collect();
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(doc.text.len());
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut previous_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let gap = &doc.text[byte(previous_end).min(byte(s.start))..byte(s.start)];
        previous_end = s.end;
        match found.last_mut() {
            Some(last) if !gap.contains('\n') => last.end = i + 1,
            _ => found.push(i..i + 1),
        }
    }
    found
}

/// Sets the ranges apart as off-topic boilerplate: the sentences, quotes,
/// names, numbers and dates inside them leave the article.
pub fn apply(documents: &mut [Document], ranges: &[Vec<Range<usize>>]) -> bool {
    let mut changed = false;
    for (doc, ranges) in documents.iter_mut().zip(ranges) {
        if ranges.is_empty() {
            continue;
        }
        changed = true;
        let inside = |span: &Span| {
            ranges
                .iter()
                .any(|r| span.start >= r.start && span.end <= r.end)
        };
        doc.sentences.retain(|s| !inside(s));
        doc.quotes.retain(|q| !inside(&q.span));
        doc.entities.retain(|e| !inside(&e.span));
        doc.dates.retain(|d| !inside(&d.span));
        // Quantities point at each other (`conversion_of`): renumber.
        let mut renumbered = Vec::with_capacity(doc.quantities.len());
        let mut kept = Vec::with_capacity(doc.quantities.len());
        for q in std::mem::take(&mut doc.quantities) {
            if inside(&q.span) {
                renumbered.push(None);
            } else {
                renumbered.push(Some(kept.len()));
                kept.push(q);
            }
        }
        for q in &mut kept {
            q.conversion_of = q
                .conversion_of
                .and_then(|i| renumbered.get(i).copied().flatten());
        }
        doc.quantities = kept;
        let chars: Vec<(usize, char)> = doc.text.char_indices().collect();
        let byte = |c: usize| chars.get(c).map_or(doc.text.len(), |&(b, _)| b);
        for r in ranges {
            doc.boilerplate.push(Boilerplate {
                span: Span {
                    start: r.start,
                    end: r.end,
                    text: doc.text[byte(r.start)..byte(r.end)].to_string(),
                },
                reason: BoilerplateReason::OffTopic,
            });
        }
        crate::sort::by_key(&mut doc.boilerplate, |b| b.span.start);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{DocSpan, Statement};

    fn document(paragraphs: &[&str]) -> Document {
        let text = paragraphs.join("\n\n");
        let mut sentences = Vec::new();
        let mut at = 0;
        for p in paragraphs {
            let n = p.chars().count();
            sentences.push(Span {
                start: at,
                end: at + n,
                text: p.to_string(),
            });
            at += n + 2;
        }
        Document {
            text,
            sentences,
            ..Default::default()
        }
    }

    #[test]
    fn an_appended_story_goes_back_to_boilerplate_and_a_closing_remark_stays() {
        let lede = "A landslide dammed the river Tessel near Marrowgate on Tuesday.";
        let appended = "Separately, the Brennock chess club elected a new treasurer after a lively annual meeting in the village hall, where members also approved higher subscriptions, a revised tournament calendar, and a plan to repaint the clubroom before the winter season begins next month.";
        let docs = vec![
            document(&[
                lede,
                "Farmers downstream said their fields were dry.",
                appended,
            ]),
            document(&[
                lede,
                "Engineers pumped water from the lake behind the debris.",
            ]),
            document(&[lede, "The river was blocked for two days by the debris."]),
        ];
        let support = |doc: usize| DocSpan {
            doc,
            span: docs[doc].sentences[0].clone(),
        };
        let comparison = Comparison {
            statements: vec![Statement {
                support: (0..3).map(support).collect(),
                docs: vec![0, 1, 3],
            }],
            ..Default::default()
        };
        let stopwords: HashSet<&str> = [
            "the", "a", "on", "of", "in", "by", "for", "and", "from", "their", "were", "was",
            "after", "where", "also", "to", "before", "next",
        ]
        .into_iter()
        .collect();
        let ranges = find(&docs, &comparison, &stopwords);
        assert_eq!(ranges[0].len(), 1, "{ranges:?}");
        assert!(ranges[1].is_empty() && ranges[2].is_empty());
        let mut changed = docs.clone();
        assert!(apply(&mut changed, &ranges));
        assert_eq!(changed[0].sentences.len(), 2, "the closing remark stays");
        assert_eq!(changed[0].boilerplate[0].span.text, appended);
        assert_eq!(
            changed[0].boilerplate[0].reason,
            BoilerplateReason::OffTopic
        );
        // Two documents are too few to tell.
        assert!(find(&docs[..2], &comparison, &stopwords)
            .iter()
            .all(Vec::is_empty));
    }
}
