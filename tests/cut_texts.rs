//! Texts cut anywhere still analyze: readers paste half a page, selections
//! end inside a quote or a word, and every extractor slices text by offsets
//! found in other passes. Each cut of our fixtures and of the seeds must give
//! a report whose spans match their text, never a panic.

mod common;

use common::{assert_spans_match, fixture_and_seed_texts};
use parallax::{analyze, Input, Options};

/// Cuts per text: prefixes, suffixes and a middle piece removed, at this many
/// positions spread over the text.
const CUTS: usize = 40;

fn cuts(text: &str) -> Vec<String> {
    let boundaries: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    let step = (boundaries.len() / CUTS).max(1);
    let mut out = Vec::new();
    for (n, &at) in boundaries.iter().enumerate().step_by(step) {
        out.push(text[..at].to_string());
        out.push(text[at..].to_string());
        let gap_end = boundaries.get(n + step / 2).copied().unwrap_or(text.len());
        out.push(format!("{}{}", &text[..at], &text[gap_end..]));
    }
    out
}

#[test]
fn every_cut_of_every_text_analyzes() {
    for text in fixture_and_seed_texts() {
        for (n, cut) in cuts(&text).into_iter().enumerate() {
            let inputs = [
                Input {
                    name: format!("cut-{n}.txt"),
                    bytes: cut.into_bytes(),
                    ..Default::default()
                },
                Input {
                    name: "whole.txt".to_string(),
                    bytes: text.clone().into_bytes(),
                    ..Default::default()
                },
            ];
            let report = analyze(&inputs, &Options::default());
            assert_spans_match(&report);
        }
    }
}
