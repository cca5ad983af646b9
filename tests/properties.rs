//! Properties of every report, over generated text (words, names, cue verbs,
//! every kind of quote mark, scripts and invisible characters, in random
//! lines) and over random windows of our fixtures and the seed articles:
//! the report keeps its promises (`parallax::invariants`), is deterministic,
//! does not depend on the order of the documents but for their indices,
//! round-trips through JSON, and a document's extraction never depends on
//! another document's bytes (but for what is shared by design: the canonical
//! names of the entities both name).

mod common;

use std::collections::BTreeSet;

use common::{assert_spans_match, fixture_and_seed_texts};
use parallax::report::{Document, Report};
use parallax::{analyze, Input, Options};
use proptest::prelude::*;

/// Tokens news text is made of, and the ones that break naive slicing.
const TOKENS: &[&str] = &[
    "the",
    "minister",
    "said",
    "told",
    "reporters",
    "that",
    "he",
    "she",
    "they",
    "it",
    "was",
    "Kyiv",
    "Igor",
    "Konashenkov",
    "Mr",
    "Ms.",
    "U.S.",
    "Lt.",
    "Gen.",
    "Ministry",
    "of",
    "Defence",
    "on",
    "Tuesday",
    "53",
    "some",
    "50",
    "$8.5",
    "billion",
    "(",
    ")",
    ",",
    ".",
    ":",
    ";",
    "—",
    "–",
    "-",
    "…",
    "?",
    "!",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "''",
    "``",
    "«",
    "»",
    "„",
    "'s",
    "’80s",
    "By",
    "Ada",
    "Quill",
    "Sign",
    "up",
    "Advertisement",
    "é",
    "ﬁ",
    "中文",
    "🎉",
    "👨‍👩‍👧",
    "e\u{301}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{202E}",
    "قال",
    "\t",
    "\r",
    "\n",
    "\n\n",
];

fn generated_text() -> impl Strategy<Value = String> {
    prop::collection::vec((0..TOKENS.len(), prop::bool::ANY), 0..160).prop_map(|tokens| {
        let mut text = String::new();
        for (index, spaced) in tokens {
            text.push_str(TOKENS[index]);
            if spaced {
                text.push(' ');
            }
        }
        text
    })
}

/// A window of one of our fixtures or seeds, cut at arbitrary characters.
fn real_window() -> impl Strategy<Value = String> {
    let texts = fixture_and_seed_texts();
    (0..texts.len(), 0.0..1.0f64, 0.0..1.0f64).prop_map(move |(pick, from, length)| {
        let chars: Vec<char> = texts[pick].chars().collect();
        let start = (from * chars.len() as f64) as usize;
        let end = (start + (length * 6000.0) as usize).min(chars.len());
        chars[start..end].iter().collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![generated_text(), real_window()]
}

fn inputs(texts: &[String]) -> Vec<Input> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Input {
            name: format!("doc{i}.txt"),
            bytes: text.clone().into_bytes(),
            ..Default::default()
        })
        .collect()
}

fn run(texts: &[String]) -> Report {
    analyze(&inputs(texts), &Options::default())
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn document<'r>(report: &'r Report, name: &str) -> Option<&'r Document> {
    report.documents.iter().find(|d| d.name == name)
}

/// The comparison with document indices replaced by names, in an order of
/// its own: what must not change when the documents come in another order.
fn comparison_by_name(report: &Report) -> BTreeSet<String> {
    let name = |doc: usize| report.documents[doc].name.clone();
    let comparison = &report.comparison;
    let mut out = BTreeSet::new();
    for statement in &comparison.statements {
        let support: BTreeSet<_> = statement
            .support
            .iter()
            .map(|s| (name(s.doc), s.span.start, s.span.end))
            .collect();
        out.insert(format!("statement {support:?}"));
    }
    for group in &comparison.quote_groups {
        let members: BTreeSet<_> = group
            .members
            .iter()
            .map(|m| (name(m.doc), m.quote))
            .collect();
        out.insert(format!("quotes {members:?}"));
    }
    for reuse in &comparison.reuse {
        let pair: BTreeSet<_> = reuse.docs.iter().map(|&d| name(d)).collect();
        out.insert(format!("reuse {pair:?} {:.6}", reuse.share));
    }
    out
}

proptest! {
    // 96 cases a run; PROPTEST_CASES=5000 for a deeper search.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(96)
    ))]

    #[test]
    fn every_report_keeps_its_promises(texts in prop::collection::vec(any_text(), 1..4)) {
        assert_spans_match(&run(&texts));
    }

    #[test]
    fn analysis_is_deterministic(texts in prop::collection::vec(any_text(), 1..4)) {
        prop_assert_eq!(json(&run(&texts)), json(&run(&texts)));
    }

    #[test]
    fn order_of_documents_changes_only_indices(
        texts in prop::collection::vec(any_text(), 2..5),
        rotate in 1..4usize,
    ) {
        let mut inputs = inputs(&texts);
        let forward = analyze(&inputs, &Options::default());
        inputs.rotate_left(rotate % texts.len());
        let rotated = analyze(&inputs, &Options::default());
        for doc in &forward.documents {
            let other = document(&rotated, &doc.name).expect("analyzed in both orders");
            prop_assert_eq!(json(doc), json(other));
        }
        prop_assert_eq!(forward.documents.len(), rotated.documents.len());
        prop_assert_eq!(comparison_by_name(&forward), comparison_by_name(&rotated));
    }

    #[test]
    fn report_round_trips_through_json(texts in prop::collection::vec(any_text(), 1..3)) {
        let written = json(&run(&texts));
        let read: Report = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(json(&read), written);
    }

    /// Another document written in other words (no line in common, so no
    /// shared-furniture signal) never changes what is extracted from this one.
    #[test]
    fn extraction_ignores_other_documents(
        text in any_text(),
        first in generated_other_words(),
        second in generated_other_words(),
    ) {
        let with_first = run(&[text.clone(), first]);
        let with_second = run(&[text, second]);
        prop_assert_eq!(
            document(&with_first, "doc0.txt").map(json),
            document(&with_second, "doc0.txt").map(json)
        );
    }
}

/// Text in words no other generator uses, so its lines are never another
/// document's lines.
fn generated_other_words() -> impl Strategy<Value = String> {
    prop::collection::vec("[xqz]{3,9}( [xqz]{2,9}){0,12}[.!?]?", 1..12)
        .prop_map(|lines| lines.join("\n"))
}
