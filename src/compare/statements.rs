//! Statements: what two or more documents report alike, in their own words.
//!
//! Each article sentence is a unit, and so is each clause of a sentence that
//! joins two claims (`X, saying Y`, `X because Y`, `X; Y`, `X, but Y`), so
//! that a lede carrying the claim and its reason still meets a lede carrying
//! the claim alone. Units of different documents are aligned when the
//! paraphrase model of [`super::similarity`] calls them the same; aligned
//! units join into one statement (union-find).
//!
//! Candidates come from an inverted index of content words, not from all
//! pairs: a word in more than a quarter of the units (at least
//! [`POSTING_FLOOR`], at most [`POSTING_CAP`]) indexes nothing: it is the
//! story's own word (`Russia`, `Ukraine` in stories on that war) and tells
//! its statements apart no better than `the`. Two units are candidates only when they share
//! [`MIN_SHARED`] indexed words, and each unit is scored against at most
//! [`MAX_CANDIDATES`] earlier units, those sharing the most. So the cost grows
//! about linearly with the text.
//!
//! Names are compared by their canonical form across the documents (the
//! entities layer's `Kyiv` for `Kiev`). Aligned pairs join groups best
//! first, and a group takes at most one sentence of each document; two
//! groups join only when their first members score as alike too (complete
//! link over a bounded sample), so that near-identical sentences with
//! different numbers do not chain into one statement across many documents;
//! and a sentence is never in one statement whole and in another as a clause.

use crate::union_find::{root, singletons};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::similarity::{self, Profile, Profiler};
use crate::report::{DocSpan, Document, SourceStatements, Span, Statement};

pub const POSTING_CAP: usize = 64;
pub const POSTING_FLOOR: usize = 8;
pub const MIN_SHARED: usize = 2;
pub const MAX_CANDIDATES: usize = 24;
/// Two groups join only when each of the first [`LINK_SAMPLE`] members of
/// one scores above [`LINK_FLOOR`] with each of the other's, as a whole or
/// by a clause of either (the model's log-odds: a little below even, as the
/// edge joining them is above it).
pub const LINK_SAMPLE: usize = 4;
pub const LINK_FLOOR: f64 = -1.0;

/// Where a sentence joins two claims: the separator, and the words of it
/// (from the first letter on) that open the second clause.
const CLAUSE_BREAKS: &[&str] = &[
    "; ",
    ", saying ",
    ", adding ",
    " because ",
    ", but ",
    ", while ",
    ", although ",
    ", whereas ",
    " – ",
    " — ",
];

/// A clause shorter than this many words is not a claim of its own.
const MIN_CLAUSE_WORDS: usize = 4;

/// The statements and what follows from them.
#[derive(Debug, Default)]
pub struct Aligned {
    pub statements: Vec<Statement>,
    pub consensus: Vec<usize>,
    pub sources: Vec<SourceStatements>,
}

/// One sentence or clause of one document.
struct Unit {
    doc: usize,
    sentence: usize,
    /// Byte range in the sentence's text.
    range: std::ops::Range<usize>,
    /// Whether this is the whole sentence (else one of its clauses).
    whole: bool,
    /// The units of this sentence: its whole, then its clauses if it has any.
    siblings: std::ops::Range<usize>,
    /// Shared by the units of one text: wire copy repeats many sentences.
    profile: Rc<Profile>,
}

pub fn align(documents: &[Document], stopwords: &HashSet<&str>) -> Aligned {
    let canonical = similarity::canonical_words(documents.iter().flat_map(|d| &d.entities));
    let profiler = Profiler::new(stopwords).with_canonical(&canonical);
    let units = units(documents, &profiler);
    let parent = aligned_units(&units);
    let statements = statements(documents, &units, parent);
    let (consensus, sources) = consensus_and_sources(documents, &statements);
    Aligned {
        statements,
        consensus,
        sources,
    }
}

/// Byte ranges of the clauses of `sentence`: the whole when it joins no two claims.
pub fn clauses(sentence: &str) -> Vec<std::ops::Range<usize>> {
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        // Lower-casing moved byte offsets: keep the sentence whole.
        return std::iter::once(0..sentence.len()).collect();
    }
    let word_count = |s: &str| s.split_whitespace().count();
    let mut cuts: Vec<(usize, usize)> = CLAUSE_BREAKS
        .iter()
        .flat_map(|brk| {
            let skip = brk.find(char::is_alphabetic).unwrap_or(brk.len());
            lower.match_indices(brk).map(move |(at, _)| (at, at + skip))
        })
        .collect();
    cuts.sort();
    let mut out = Vec::new();
    let mut start = 0;
    for (end, next) in cuts {
        if end < start {
            continue;
        }
        if word_count(&sentence[start..end]) >= MIN_CLAUSE_WORDS
            && word_count(&sentence[next..]) >= MIN_CLAUSE_WORDS
        {
            out.push(start..end);
            start = next;
        }
    }
    out.push(start..sentence.len());
    out
}

fn units<'d>(documents: &'d [Document], profiler: &Profiler) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut profiles: HashMap<&str, Rc<Profile>> = HashMap::default();
    let mut profile = |text: &'d str| -> Rc<Profile> {
        Rc::clone(
            profiles
                .entry(text)
                .or_insert_with(|| Rc::new(profiler.profile(text))),
        )
    };
    let mut split: HashMap<&str, Vec<std::ops::Range<usize>>> = HashMap::default();
    for (doc, document) in documents.iter().enumerate() {
        for (sentence, span) in document.sentences.iter().enumerate() {
            let text = span.text.as_str();
            let first = units.len();
            let parts = split.entry(text).or_insert_with(|| clauses(text)).clone();
            let count = if parts.len() > 1 { 1 + parts.len() } else { 1 };
            let siblings = first..first + count;
            units.push(Unit {
                doc,
                sentence,
                range: 0..text.len(),
                whole: true,
                siblings: siblings.clone(),
                profile: profile(text),
            });
            if parts.len() > 1 {
                units.extend(parts.into_iter().map(|range| Unit {
                    doc,
                    sentence,
                    profile: profile(&text[range.clone()]),
                    range,
                    whole: false,
                    siblings: siblings.clone(),
                }));
            }
        }
    }
    units
}

/// Union-find parents joining the units the model aligns.
fn aligned_units(units: &[Unit]) -> Vec<usize> {
    let mut parent = singletons(units.len());
    let mut frequency: HashMap<u32, usize> = Default::default();
    for unit in units {
        for &word in unit.profile.content_ids() {
            *frequency.entry(word).or_default() += 1;
        }
    }
    // The order of the words does not matter: postings grow in unit order,
    // and candidates are sorted below.
    fn indexed(unit: &Unit, frequency: &HashMap<u32, usize>, cap: usize) -> Vec<u32> {
        unit.profile
            .content_ids()
            .iter()
            .copied()
            .filter(|w| frequency[w] <= cap)
            .collect()
    }
    let cap = (units.len() / 4).clamp(POSTING_FLOOR, POSTING_CAP);
    let mut index: HashMap<u32, Vec<usize>> = Default::default();
    // Each unit's best match in each other document: two units align only
    // when each is the other's best there, so that a sentence sharing the
    // story's words with a statement does not chain into it.
    let mut best: rustc_hash::FxHashMap<(usize, usize), (f64, usize)> = Default::default();
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    let scores = Scores::default();
    let mut shared = vec![0usize; units.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let words = indexed(unit, &frequency, cap);
        for word in &words {
            for &j in index.get(word).into_iter().flatten() {
                if units[j].doc == unit.doc {
                    continue;
                }
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        let need = MIN_SHARED.min(unit.profile.content_ids().len()).max(1);
        let mut candidates: Vec<(usize, usize)> = touched
            .iter()
            .filter(|&&j| shared[j] >= need.min(units[j].profile.content_ids().len().max(1)))
            .map(|&j| (shared[j], j))
            .collect();
        for &j in &touched {
            shared[j] = 0;
        }
        touched.clear();
        candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.truncate(MAX_CANDIDATES);
        for (_, j) in candidates {
            let score = scores.get(&units[j].profile, &unit.profile);
            if score > 0.0 {
                for (from, to) in [(i, j), (j, i)] {
                    let best = best.entry((from, units[to].doc)).or_insert((score, to));
                    if score > best.0 || (score == best.0 && to < best.1) {
                        *best = (score, to);
                    }
                }
                edges.push((score, j, i));
            }
        }
        for word in words {
            index.entry(word).or_default().push(i);
        }
    }
    let mut mutual: Vec<(f64, usize, usize)> = edges
        .into_iter()
        .filter(|&(_, j, i)| best[&(i, units[j].doc)].1 == j && best[&(j, units[i].doc)].1 == i)
        .collect();
    // Whole sentences before clauses (two sentences that align whole are one
    // statement, not one per clause), best first, ties by position, so the
    // groups never depend on hash order.
    let clause = |e: &(f64, usize, usize)| !(units[e.1].whole && units[e.2].whole);
    crate::sort::by(&mut mutual, |a, b| {
        clause(a)
            .cmp(&clause(b))
            .then(b.0.total_cmp(&a.0))
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let mut groups = Groups {
        members: (0..units.len()).map(|i| vec![i]).collect(),
        sentences: units
            .iter()
            .map(|u| std::iter::once((u.doc, u.sentence)).collect())
            .collect(),
    };
    for (_, j, i) in mutual {
        // A clause whose whole sentence is already in a statement stands for
        // that sentence: what aligns with the clause joins the statement.
        let mut stand_in = |u: usize| {
            let whole = units[u].siblings.start;
            let r = root(&mut parent, whole);
            if !units[u].whole && groups.members[r].len() > 1 {
                whole
            } else {
                u
            }
        };
        let (i, j) = (stand_in(i), stand_in(j));
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        if ri == rj || !groups.may_join(units, &scores, &mut parent, ri, rj) {
            continue;
        }
        let (keep, gone) = if groups.members[ri].len() >= groups.members[rj].len() {
            (ri, rj)
        } else {
            (rj, ri)
        };
        parent[gone] = keep;
        let moved = std::mem::take(&mut groups.members[gone]);
        groups.members[keep].extend(moved);
        let moved = std::mem::take(&mut groups.sentences[gone]);
        groups.sentences[keep].extend(moved);
    }
    parent
}

/// The model's score of each ordered pair of profiles, computed once: wire
/// copy repeats sentences, and joining groups compares their first members
/// again and again.
#[derive(Default)]
struct Scores(RefCell<HashMap<(*const Profile, *const Profile), f64>>);

impl Scores {
    fn get(&self, a: &Rc<Profile>, b: &Rc<Profile>) -> f64 {
        let key = (Rc::as_ptr(a), Rc::as_ptr(b));
        if let Some(&score) = self.0.borrow().get(&key) {
            return score;
        }
        let score = similarity::score(a, b);
        self.0.borrow_mut().insert(key, score);
        score
    }
}

/// The groups being joined, at their roots: members in the order they
/// joined, and each document's one sentence.
struct Groups {
    members: Vec<Vec<usize>>,
    sentences: Vec<HashMap<usize, usize>>,
}

impl Groups {
    /// Whether the groups rooted at `a` and `b` may become one statement:
    /// no document gives each a different sentence, no sentence would then
    /// be whole in one statement and a clause in another, and their first
    /// members are alike (complete link over the sample).
    fn may_join(
        &self,
        units: &[Unit],
        scores: &Scores,
        parent: &mut [usize],
        a: usize,
        b: usize,
    ) -> bool {
        let (small, large) = if self.members[a].len() <= self.members[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let one_sentence_each = self.sentences[small].iter().all(|(doc, sentence)| {
            self.sentences[large]
                .get(doc)
                .is_none_or(|other| other == sentence)
        });
        if !one_sentence_each {
            return false;
        }
        // A unit joining its first statement, whose sentence a third holds
        // whole, or which is whole and a third holds one of its clauses.
        // (A unit already in a statement brought no such conflict there.)
        for g in [a, b] {
            let [u] = self.members[g][..] else {
                continue;
            };
            for s in units[u].siblings.clone() {
                let rs = root(parent, s);
                let elsewhere = s != u && rs != a && rs != b && self.members[rs].len() > 1;
                if elsewhere && (units[u].whole || units[s].whole) {
                    return false;
                }
            }
        }
        // Two sentences are alike when one, or a clause of one, scores
        // above the floor with the other.
        let alike = |x: usize, y: usize| {
            let score = |p: usize, q: usize| scores.get(&units[p].profile, &units[q].profile);
            score(x, y) > LINK_FLOOR
                || units[x]
                    .siblings
                    .clone()
                    .any(|p| p != x && score(p, y) > LINK_FLOOR)
                || units[y]
                    .siblings
                    .clone()
                    .any(|q| q != y && score(x, q) > LINK_FLOOR)
        };
        let sample = |g: usize| self.members[g].iter().take(LINK_SAMPLE);
        sample(a).all(|&x| sample(b).all(|&y| units[x].doc == units[y].doc || alike(x, y)))
    }
}

/// Groups of aligned units spanning two or more documents, as statements:
/// each document's sentence once, as the clause that aligned or the whole.
fn statements(documents: &[Document], units: &[Unit], mut parent: Vec<usize>) -> Vec<Statement> {
    let mut groups: BTreeMap<usize, BTreeMap<(usize, usize), std::ops::Range<usize>>> =
        BTreeMap::new();
    for (i, unit) in units.iter().enumerate() {
        let r = root(&mut parent, i);
        let range = groups
            .entry(r)
            .or_default()
            .entry((unit.doc, unit.sentence))
            .or_insert_with(|| unit.range.clone());
        range.start = range.start.min(unit.range.start);
        range.end = range.end.max(unit.range.end);
    }
    let mut out: Vec<Statement> = groups
        .into_values()
        .filter(|members| {
            let mut docs = members.keys().map(|k| k.0);
            let first = docs.next();
            docs.any(|d| Some(d) != first)
        })
        .map(|members| {
            let support: Vec<DocSpan> = members
                .into_iter()
                .map(|((doc, sentence), range)| DocSpan {
                    doc,
                    span: sub_span(&documents[doc].sentences[sentence], range),
                })
                .collect();
            let mut docs: Vec<usize> = support.iter().map(|s| s.doc).collect();
            docs.dedup();
            Statement { support, docs }
        })
        .collect();
    crate::sort::by_key(&mut out, |st| {
        (
            std::cmp::Reverse(st.docs.len()),
            st.support[0].doc,
            st.support[0].span.start,
        )
    });
    out
}

/// The part of a sentence's span at byte range `range` of its text, trimmed
/// of spaces and trailing commas.
fn sub_span(sentence: &Span, range: std::ops::Range<usize>) -> Span {
    let text = &sentence.text[range.clone()];
    let trimmed_start = text.len() - text.trim_start().len();
    let kept = text
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
    let from = range.start + trimmed_start;
    let to = from + kept.len();
    let start = sentence.start + sentence.text[..from].chars().count();
    Span {
        start,
        end: start + kept.chars().count(),
        text: sentence.text[from..to].to_string(),
    }
}

/// The statements most sources carry, and each source's own and missing ones.
fn consensus_and_sources(
    documents: &[Document],
    statements: &[Statement],
) -> (Vec<usize>, Vec<SourceStatements>) {
    if documents.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let consensus: Vec<usize> = statements
        .iter()
        .enumerate()
        .filter(|(_, st)| st.docs.len() >= 2 && st.docs.len() * 2 > documents.len())
        .map(|(i, _)| i)
        .collect();
    let mut carried: HashSet<(usize, usize)> = HashSet::default();
    for statement in statements {
        for support in &statement.support {
            // The sentence holding this span: the last starting at or before it.
            let sentences = &documents[support.doc].sentences;
            let at = sentences.partition_point(|s| s.start <= support.span.start);
            if at > 0 {
                carried.insert((support.doc, at - 1));
            }
        }
    }
    let sources = (0..documents.len())
        .map(|doc| SourceStatements {
            doc,
            alone: (0..documents[doc].sentences.len())
                .filter(|&s| !carried.contains(&(doc, s)))
                .collect(),
            omits: consensus
                .iter()
                .copied()
                .filter(|&c| !statements[c].docs.contains(&doc))
                .collect(),
        })
        .collect();
    (consensus, sources)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn document(sentences: &[&str]) -> Document {
        let mut text = String::new();
        let mut spans = Vec::new();
        for s in sentences {
            let start = text.chars().count();
            text.push_str(s);
            spans.push(Span {
                start,
                end: start + s.chars().count(),
                text: s.to_string(),
            });
            text.push(' ');
        }
        Document {
            name: "t.txt".into(),
            text,
            title: None,
            outlet: None,
            byline: None,
            date: None,
            updated: None,
            dateline_place: None,
            boilerplate: Vec::new(),
            sentences: spans,
            quotes: Vec::new(),
            entities: Vec::new(),
            quantities: Vec::new(),
            dates: Vec::new(),
        }
    }

    #[test]
    fn a_sentence_joining_two_claims_splits_into_clauses() {
        let s = "Veldoran has blamed the dam operator for the flood, saying the gates were opened too late.";
        let parts: Vec<&str> = clauses(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            parts,
            [
                "Veldoran has blamed the dam operator for the flood",
                "saying the gates were opened too late."
            ]
        );
        let short = "The river rose, but slowly.";
        assert_eq!(clauses(short).len(), 1);
    }

    /// Three sources on one invented flood: the same lede in three wordings.
    fn flood_ledes() -> Vec<Document> {
        vec![
            document(&[
                "Veldoran says the dam operator was directly responsible for the flood.",
                "Bakers in the old town handed out bread on Sunday.",
            ]),
            document(&[
                "Veldoran has accused the dam operator of direct responsibility for the flood, saying the gates were opened far too late.",
            ]),
            document(&[
                "Veldoran claims dam operator ‘directly responsible’ for the flood.",
                "The gates were opened far too late, officials said.",
            ]),
        ]
    }

    #[test]
    fn paraphrased_ledes_form_one_statement_and_clauses_are_found() {
        let docs = flood_ledes();
        let aligned = align(&docs, &Lexicon::shared().stopwords);
        let lede = aligned
            .statements
            .iter()
            .find(|st| st.docs == [0, 1, 2])
            .unwrap_or_else(|| panic!("{:#?}", aligned.statements));
        let of_second = lede.support.iter().find(|s| s.doc == 1).unwrap();
        assert_eq!(
            of_second.span.text,
            "Veldoran has accused the dam operator of direct responsibility for the flood"
        );
        // The second clause meets the third source's second sentence.
        let gates = &aligned.statements[1];
        assert_eq!(gates.docs, [1, 2]);
        assert!(gates.support[0].span.text.starts_with("saying the gates"));
        assert_eq!(aligned.consensus, [0, 1]);
        assert_eq!(
            aligned.sources[0].alone,
            [1],
            "the bakers are the first source's alone"
        );
        assert_eq!(aligned.sources[0].omits, [1]);
        assert!(aligned.sources[1].alone.is_empty());
        assert_each_sentence_once(&docs, &aligned.statements);
    }

    /// No statement takes two sentences of one document, and no sentence is
    /// whole in one statement and in another at all.
    fn assert_each_sentence_once(docs: &[Document], statements: &[Statement]) {
        let mut seen: BTreeMap<(usize, usize), Vec<(usize, bool)>> = BTreeMap::new();
        for (i, st) in statements.iter().enumerate() {
            let mut sentences: Vec<(usize, usize)> = Vec::new();
            for support in &st.support {
                let sentences_of = &docs[support.doc].sentences;
                let at = sentences_of.partition_point(|s| s.start <= support.span.start) - 1;
                let sentence = &sentences_of[at];
                let whole = support.span.text.len() + 1 >= sentence.text.trim_end().len();
                sentences.push((support.doc, at));
                seen.entry((support.doc, at)).or_default().push((i, whole));
            }
            let mut docs_of: Vec<usize> = sentences.iter().map(|s| s.0).collect();
            docs_of.dedup();
            assert_eq!(
                docs_of.len(),
                sentences.len(),
                "two sentences of a document: {st:#?}"
            );
        }
        for (sentence, uses) in seen {
            assert!(
                uses.len() == 1 || uses.iter().all(|u| !u.1),
                "{sentence:?} whole in one statement and in another: {uses:?}"
            );
        }
    }

    #[test]
    fn near_identical_sentences_with_other_numbers_do_not_chain() {
        // Each source repeats the template with its own numbers: every pair
        // is alike, but a statement takes one sentence of each source.
        let docs: Vec<Document> = (0..3)
            .map(|d| {
                let sentences = [
                    format!("The ferry carried {} passengers to Corrow harbour on the first day of the strike.", 100 + 10 * d),
                    format!("The ferry carried {} passengers to Corrow harbour on the second day of the strike.", 105 + 10 * d),
                    format!("Bakers near the harbour sold {} loaves before the market closed at noon.", 300 + d),
                    format!("The school on the hill stayed shut for {} days while teachers joined the walkout.", 2 + d),
                ];
                document(&sentences.iter().map(String::as_str).collect::<Vec<_>>())
            })
            .collect();
        let aligned = align(&docs, &Lexicon::shared().stopwords);
        assert!(!aligned.statements.is_empty());
        assert_each_sentence_once(&docs, &aligned.statements);
        assert!(aligned
            .statements
            .iter()
            .all(|st| st.support.len() <= docs.len()));
    }

    #[test]
    fn a_sentence_is_not_whole_in_one_statement_and_a_clause_in_another() {
        let mut docs = flood_ledes();
        docs.push(document(&[
            "Veldoran accused the dam operator of direct responsibility for the flood, saying its gates were opened much too late.",
        ]));
        let aligned = align(&docs, &Lexicon::shared().stopwords);
        assert_each_sentence_once(&docs, &aligned.statements);
    }

    #[test]
    fn a_source_leaving_out_the_consensus_is_told() {
        let docs = [
            document(&["Floodwater reached the second floor of the Veldoran town hall on Sunday."]),
            document(&["On Sunday floodwater reached the town hall's second floor in Veldoran."]),
            document(&["The regional governor promised new pumps for every district."]),
        ];
        let aligned = align(&docs, &Lexicon::shared().stopwords);
        assert_eq!(aligned.statements.len(), 1, "{:#?}", aligned.statements);
        assert_eq!(aligned.consensus, [0]);
        assert_eq!(aligned.sources[2].omits, [0]);
        assert_eq!(aligned.sources[2].alone, [0]);
        assert!(aligned.sources[0].alone.is_empty());
    }
}
