//! Throughput of the native analysis in MB/s, whole and by stage, over the
//! copied pages of ../shared/eval/boilerplate-dev.jsonl (or files given as
//! arguments). Run with `cargo run --release --example throughput`.

use std::time::Instant;

use parallax::extract::boilerplate::Detector;
use parallax::extract::entities::EntityFinder;
use parallax::extract::quantities::QuantityFinder;
use parallax::extract::quotes::QuoteFinder;
use parallax::lexicon::Lexicon;
use parallax::text::segment;
use parallax::{analyze, Input, Options};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = if args.is_empty() {
        let data = std::fs::read_to_string("../shared/eval/boilerplate-dev.jsonl")
            .expect("../shared/eval/boilerplate-dev.jsonl");
        data.lines()
            .map(|line| {
                serde_json::from_str::<serde_json::Value>(line).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    } else {
        args.iter()
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect()
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let megabytes = bytes as f64 / 1e6;
    println!("{} documents, {megabytes:.1} MB", texts.len());

    let lexicon = Lexicon::load();
    let detector = Detector::new(&lexicon);
    let quotes = QuoteFinder::new(&lexicon);
    let entities = EntityFinder::new(&lexicon);
    let quantities = QuantityFinder::new(&lexicon);
    let none = Default::default();
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| (t.as_str(), segment::blocks(t)))
        .collect();

    // The best of five runs: the machine's other work only ever slows a run down.
    let timed = |label: &str, run: &dyn Fn()| {
        let seconds = (0..5)
            .map(|_| {
                let start = Instant::now();
                run();
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "{label:<28} {:>8.1} MB/s  ({seconds:.3} s)",
            megabytes / seconds
        );
    };
    timed("boilerplate", &|| {
        for (text, blocks) in &prepared {
            std::hint::black_box(detector.classify(text, blocks, &none));
        }
    });
    let bodies: Vec<_> = prepared
        .iter()
        .map(|(text, blocks)| {
            let body: Vec<_> = detector
                .classify(text, blocks, &none)
                .blocks
                .into_iter()
                .filter(|b| b.is_article())
                .map(|b| b.range)
                .collect();
            let sentences: Vec<_> = body
                .iter()
                .flat_map(|b| segment::sentences(text, b.clone(), &lexicon.abbreviations))
                .collect();
            (*text, body, sentences)
        })
        .collect();
    timed("entities (article text)", &|| {
        for (text, _, sentences) in &bodies {
            std::hint::black_box(entities.find(text, sentences));
        }
    });
    let found: Vec<_> = bodies
        .iter()
        .map(|(text, _, sentences)| entities.find(text, sentences))
        .collect();
    timed("quotes (article text)", &|| {
        for ((text, body, sentences), entities) in bodies.iter().zip(&found) {
            std::hint::black_box(quotes.find(text, body, sentences, entities));
        }
    });
    timed("quantities (article text)", &|| {
        for (text, body, _) in &bodies {
            std::hint::black_box(quantities.find(text, body));
        }
    });
    timed("whole analysis, one by one", &|| {
        for text in &texts {
            let input = Input::from_text("page.txt", text);
            std::hint::black_box(analyze(&[input], &Options::default()));
        }
    });
}
