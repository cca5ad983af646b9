//! Verbatim reuse: wire copy, syndication and press releases show as long
//! runs of identical words in several documents.
//!
//! Each document's article words are cut into word 5-grams (shingles), never
//! across a gap of other text between two sentences. An inverted index maps
//! each shingle to the documents carrying it; a shingle in more than
//! [`MAX_POSTING`] documents is a stock phrase and indexes nothing. Only
//! documents meeting in a posting list are ever paired, so the cost grows
//! with the text and with what is shared, never with all pairs. A pair's
//! matching shingles, in order, chain into runs that may skip a few changed
//! words ([`MAX_GAP`]); runs of [`MIN_WORDS`] or more are the pair's shared
//! passages, and passages overlapping in one document join across pairs.

use crate::union_find::{root, singletons, union};
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap as HashMap, FxHasher};

use crate::report::{DocSpan, Document, Passage, Reuse, Span};
use crate::text::offsets::CharOffsets;
use crate::text::words::words;

/// Five words in a row rarely repeat by chance across independent reports.
const SHINGLE: usize = 5;
/// A shingle carried by more documents than this is a stock phrase.
pub const MAX_POSTING: usize = 32;
/// Changed words a near-verbatim passage may skip at once.
const MAX_GAP: u32 = 3;
/// How far the next matching shingle may start after the last: one changed
/// word drops the five shingles holding it.
const JUMP: u32 = SHINGLE as u32 + MAX_GAP;
/// The fewest words of a shared passage: two shingles' worth.
pub const MIN_WORDS: usize = 10;
/// Shared passages covering this much of the shorter article make the pair copies.
const COPY_COVER: f64 = 0.5;

/// The words of one document's article text.
struct Tokens {
    /// Code point range of each word in the document's text.
    spans: Vec<(usize, usize)>,
    /// Each distinct shingle's first word, by hash.
    shingles: Vec<(u64, u32)>,
}

/// The reuse between pairs of documents sharing at least one passage
/// (highest share first), and the passages.
pub fn reuse(documents: &[Document]) -> (Vec<Reuse>, Vec<Passage>) {
    let tokens: Vec<Tokens> = documents.iter().map(tokens).collect();
    // Every shingle of every document, sorted so that each hash's postings
    // are together in document order: one sort instead of a list per hash.
    let mut postings: Vec<(u64, u32, u32)> =
        Vec::with_capacity(tokens.iter().map(|t| t.shingles.len()).sum());
    for (d, t) in tokens.iter().enumerate() {
        postings.extend(t.shingles.iter().map(|&(hash, at)| (hash, d as u32, at)));
    }
    postings.sort_unstable();
    let lists: Vec<&[(u64, u32, u32)]> = postings
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|list| (2..=MAX_POSTING).contains(&list.len()))
        .collect();
    // Matching shingles of every pair, (first document, second, place in
    // each): one sort groups them by pair, in order.
    let mut matches: Vec<(u32, u32, u32, u32)> =
        Vec::with_capacity(lists.iter().map(|l| l.len() * (l.len() - 1) / 2).sum());
    for list in lists {
        for (i, &(_, a, at_a)) in list.iter().enumerate() {
            for &(_, b, at_b) in &list[i + 1..] {
                matches.push((a, b, at_a, at_b));
            }
        }
    }
    drop(postings);
    matches.sort_unstable();
    // Every run of every pair, pair by pair.
    let mut runs: Vec<Run> = Vec::new();
    // Each pair with runs: (its first run, share).
    let mut found: Vec<(usize, f64)> = Vec::new();
    for pair in matches.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let (a, b) = (pair[0].0, pair[0].1);
        let shared: Vec<(u32, u32)> = pair.iter().map(|m| (m.2, m.3)).collect();
        let (na, nb) = (
            tokens[a as usize].shingles.len(),
            tokens[b as usize].shingles.len(),
        );
        let share = shared.len() as f64 / na.min(nb).max(1) as f64;
        let before = runs.len();
        for run in chain(&shared) {
            if run.a.1 - run.a.0 >= MIN_WORDS as u32 || run.b.1 - run.b.0 >= MIN_WORDS as u32 {
                runs.push(Run {
                    docs: (a as usize, b as usize),
                    ..run
                });
            }
        }
        if runs.len() > before {
            found.push((before, share.min(1.0)));
        }
    }
    let (passages, passage_of_run) = passages(documents, &tokens, &runs);
    let mut reuse: Vec<Reuse> = found
        .iter()
        .enumerate()
        .map(|(k, &(first, share))| {
            let last = found.get(k + 1).map_or(runs.len(), |next| next.0);
            let (a, b) = runs[first].docs;
            let shorter_is_a = tokens[a].spans.len() <= tokens[b].spans.len();
            let mut covered: Vec<(u32, u32)> = runs[first..last]
                .iter()
                .map(|r| if shorter_is_a { r.a } else { r.b })
                .collect();
            let words = covered_words(&mut covered);
            let shorter = tokens[a].spans.len().min(tokens[b].spans.len()).max(1);
            let mut passages: Vec<usize> = passage_of_run[first..last].to_vec();
            passages.sort_unstable();
            passages.dedup();
            Reuse {
                docs: [a, b],
                share: (share * 1000.0).round() / 1000.0,
                passages,
                words,
                copy: words as f64 >= COPY_COVER * shorter as f64,
            }
        })
        .collect();
    crate::sort::by(&mut reuse, |x, y| {
        y.share.total_cmp(&x.share).then(x.docs.cmp(&y.docs))
    });
    (reuse, passages)
}

/// One shared run of words of a pair: word ranges in each, end exclusive.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    docs: (usize, usize),
    a: (u32, u32),
    b: (u32, u32),
    verbatim: bool,
}

/// Chains a pair's matching shingles (sorted) into runs: a shingle extends
/// an open run when it follows it in both documents, skipping at most
/// [`MAX_GAP`] changed words in each.
fn chain(shared: &[(u32, u32)]) -> Vec<Run> {
    // Open runs: (last shingle in a, last in b, run).
    let mut open: Vec<(u32, u32, Run)> = Vec::new();
    let mut done = Vec::new();
    for &(at_a, at_b) in shared {
        // Runs that can no longer grow are done.
        let mut k = 0;
        while k < open.len() {
            if open[k].0 + JUMP < at_a {
                done.push(open.swap_remove(k).2);
            } else {
                k += 1;
            }
        }
        let next = open
            .iter_mut()
            .find(|(la, lb, _)| at_a > *la && at_a <= la + JUMP && at_b > *lb && at_b <= lb + JUMP);
        match next {
            Some((la, lb, run)) => {
                run.verbatim &= at_a == *la + 1 && at_b == *lb + 1;
                (*la, *lb) = (at_a, at_b);
                run.a.1 = at_a + SHINGLE as u32;
                run.b.1 = at_b + SHINGLE as u32;
            }
            None => open.push((
                at_a,
                at_b,
                Run {
                    a: (at_a, at_a + SHINGLE as u32),
                    b: (at_b, at_b + SHINGLE as u32),
                    verbatim: true,
                    ..Run::default()
                },
            )),
        }
    }
    done.extend(open.into_iter().map(|(_, _, run)| run));
    done.sort_unstable_by_key(|r| (r.a, r.b));
    done
}

/// Words covered by word ranges, overlaps counted once.
fn covered_words(ranges: &mut [(u32, u32)]) -> usize {
    ranges.sort_unstable();
    let (mut total, mut reach) = (0, 0);
    for &(start, end) in ranges.iter() {
        let from = start.max(reach);
        if end > from {
            total += (end - from) as usize;
        }
        reach = reach.max(end);
    }
    total
}

/// Joins runs whose ranges overlap in one document into passages (union-find
/// over the runs' two sides), and names each run's passage.
fn passages(documents: &[Document], tokens: &[Tokens], runs: &[Run]) -> (Vec<Passage>, Vec<usize>) {
    // Node 2r is run r's range in its first document, 2r + 1 in its second.
    let mut parent = singletons(runs.len() * 2);
    let mut by_doc: Vec<(usize, u32, u32, usize)> = Vec::with_capacity(runs.len() * 2);
    for (r, run) in runs.iter().enumerate() {
        union(&mut parent, 2 * r, 2 * r + 1);
        by_doc.push((run.docs.0, run.a.0, run.a.1, 2 * r));
        by_doc.push((run.docs.1, run.b.0, run.b.1, 2 * r + 1));
    }
    by_doc.sort_unstable();
    let mut k = 0;
    while k < by_doc.len() {
        let (doc, _, mut reach, first) = by_doc[k];
        let mut j = k + 1;
        while j < by_doc.len() && by_doc[j].0 == doc && by_doc[j].1 < reach {
            union(&mut parent, first, by_doc[j].3);
            reach = reach.max(by_doc[j].2);
            j += 1;
        }
        k = j;
    }
    // Each passage's ranges by document, merged where they overlap.
    let mut groups: std::collections::BTreeMap<usize, Vec<(usize, u32, u32)>> = Default::default();
    let mut verbatim: HashMap<usize, bool> = HashMap::default();
    for &(doc, start, end, node) in &by_doc {
        let r = root(&mut parent, node);
        groups.entry(r).or_default().push((doc, start, end));
        *verbatim.entry(r).or_insert(true) &= runs[node / 2].verbatim;
    }
    let mut offsets: HashMap<usize, CharOffsets> = HashMap::default();
    let mut built: Vec<(usize, Passage)> = groups
        .into_iter()
        .map(|(r, mut ranges)| {
            ranges.sort_unstable();
            let mut merged: Vec<(usize, u32, u32)> = Vec::new();
            for (doc, start, end) in ranges {
                match merged.last_mut() {
                    Some(last) if last.0 == doc && start <= last.2 => last.2 = last.2.max(end),
                    _ => merged.push((doc, start, end)),
                }
            }
            let spans: Vec<DocSpan> = merged
                .iter()
                .map(|&(doc, start, end)| {
                    let words = &tokens[doc].spans;
                    let (from, to) = (words[start as usize].0, words[end as usize - 1].1);
                    let text = &documents[doc].text;
                    let offsets = offsets.entry(doc).or_insert_with(|| CharOffsets::new(text));
                    let byte = |at: usize| offsets.byte_index(at).expect("a word of the text");
                    DocSpan {
                        doc,
                        span: Span {
                            start: from,
                            end: to,
                            text: text[byte(from)..byte(to)].to_string(),
                        },
                    }
                })
                .collect();
            let mut docs: Vec<usize> = spans.iter().map(|s| s.doc).collect();
            docs.dedup();
            let words = merged
                .iter()
                .map(|m| (m.2 - m.1) as usize)
                .max()
                .unwrap_or(0);
            (
                r,
                Passage {
                    spans,
                    docs,
                    words,
                    verbatim: verbatim[&r],
                },
            )
        })
        .collect();
    // Most documents first, then the longest, then by place.
    crate::sort::by(&mut built, |(_, x), (_, y)| {
        y.docs
            .len()
            .cmp(&x.docs.len())
            .then(y.words.cmp(&x.words))
            .then(
                (x.spans[0].doc, x.spans[0].span.start)
                    .cmp(&(y.spans[0].doc, y.spans[0].span.start)),
            )
    });
    let index_of: HashMap<usize, usize> = built
        .iter()
        .enumerate()
        .map(|(i, (r, _))| (*r, i))
        .collect();
    let passage_of_run = (0..runs.len())
        .map(|r| index_of[&root(&mut parent, 2 * r)])
        .collect();
    (built.into_iter().map(|(_, p)| p).collect(), passage_of_run)
}

/// A document's article words, and its distinct shingles. Shingles never
/// cross a gap of other text (a caption, a menu line) between two sentences.
fn tokens(document: &Document) -> Tokens {
    // Few multi-byte characters to record, where a table of every
    // character's byte offset was a large allocation per document.
    let offsets = CharOffsets::new(&document.text);
    let mut spans = Vec::new();
    let mut hashes: Vec<u64> = Vec::new();
    // Index of the first word of each stretch of contiguous sentences.
    let mut stretch_starts: Vec<usize> = vec![0];
    let mut previous_end: Option<usize> = None;
    for s in &document.sentences {
        if let Some(end) = previous_end {
            let gap = offsets
                .byte_index(end)
                .zip(offsets.byte_index(s.start))
                .map(|(from, to)| &document.text[from..to.max(from)]);
            if !gap.is_some_and(|g| g.chars().all(char::is_whitespace)) {
                stretch_starts.push(spans.len());
            }
        }
        previous_end = Some(s.end);
        let (mut chars, mut byte) = (s.start, 0);
        for w in words(&s.text, 0, s.text.len()) {
            chars += s.text[byte..w.start].chars().count();
            let start = chars;
            chars += s.text[w.start..w.end].chars().count();
            byte = w.end;
            spans.push((start, chars));
            let mut hasher = FxHasher::default();
            w.folded.hash(&mut hasher);
            hashes.push(hasher.finish());
        }
    }
    stretch_starts.push(spans.len());
    let mut seen: HashMap<u64, ()> = HashMap::default();
    let mut shingles = Vec::new();
    for stretch in stretch_starts.windows(2) {
        let (from, to) = (stretch[0], stretch[1]);
        if to - from < SHINGLE {
            continue;
        }
        for at in from..=to - SHINGLE {
            let hash = hashes[at..at + SHINGLE].iter().fold(0u64, |h, &w| {
                (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95)
            });
            if seen.insert(hash, ()).is_none() {
                shingles.push((hash, at as u32));
            }
        }
    }
    Tokens { spans, shingles }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> Document {
        // One sentence a line is enough here.
        let mut sentences = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            let n = line.chars().count();
            if n > 0 {
                sentences.push(Span {
                    start: at,
                    end: at + n,
                    text: line.to_string(),
                });
            }
            at += n + 1;
        }
        Document {
            text: text.to_string(),
            sentences,
            ..Default::default()
        }
    }

    const WIRE: &str = "The ferry Morwenna ran aground off Quillby Point early on Sunday with ninety passengers aboard.";

    #[test]
    fn wire_copy_is_one_passage_with_a_span_in_each_document() {
        let docs = [
            document(&format!(
                "{WIRE}\nLocal divers reached the hull within the hour."
            )),
            document(&format!("Coastguards were called at dawn.\n{WIRE}")),
            document("A storm closed the harbour at Brennock for the third day running."),
            document(&format!("{WIRE}\nThe operator said nobody was hurt.")),
        ];
        let (pairs, passages) = reuse(&docs);
        assert_eq!(passages.len(), 1, "{passages:?}");
        let passage = &passages[0];
        assert_eq!(passage.docs, [0, 1, 3]);
        assert!(passage.verbatim);
        for span in &passage.spans {
            assert_eq!(span.span.text, WIRE.trim_end_matches('.'));
            let chars: String = docs[span.doc]
                .text
                .chars()
                .skip(span.span.start)
                .take(span.span.end - span.span.start)
                .collect();
            assert_eq!(chars, span.span.text);
        }
        // Only pairs that share something, each naming the passage.
        assert_eq!(pairs.len(), 3);
        assert!(pairs
            .iter()
            .all(|p| p.passages == [0] && !p.docs.contains(&2)));
    }

    #[test]
    fn a_changed_word_keeps_one_near_verbatim_passage() {
        let docs = [
            document("Officials said the old stone bridge over the Tessel would stay closed until engineers had checked every pier."),
            document("Officials said the old stone bridge across the Tessel would stay closed until engineers had checked every pier."),
        ];
        let (pairs, passages) = reuse(&docs);
        assert_eq!(passages.len(), 1);
        assert!(!passages[0].verbatim);
        assert!(passages[0].spans[1].span.text.contains("across the Tessel"));
        assert!(pairs[0].copy, "{pairs:?}");
    }

    #[test]
    fn a_few_shared_words_are_no_passage() {
        let docs = [
            document("The council said on Monday that the road would reopen."),
            document("Nobody expected the council said on Monday that it would pay."),
        ];
        let (pairs, passages) = reuse(&docs);
        assert!(pairs.is_empty() && passages.is_empty());
    }
}
