//! How the native analysis scales with the number of articles: MB/s of each
//! stage and of the whole analysis over N articles of our generated corpus
//! (examples/corpus.rs), the peak memory of each size, and time(2N)/time(N).
//!
//! ```sh
//! cargo run --release --example scale -- 5 100 1000 10000   # sizes; each is also run at 2N
//! cargo run --release --example scale -- --no-double 1000
//! ```
//!
//! One analysis of N articles, as the page calls `analyze`: the stories of
//! the corpus (about ten articles each) all compared together. `analyze`
//! takes at most 1,000 documents, so past that the whole analysis is not
//! timed, the documents are made 1,000 at a time, and the comparison stages
//! are timed over all of them at once (what one analysis would cost without
//! the limit). A stage is the library's own code called as `analyze` calls
//! it; "boilerplate" includes finding the lines several documents share.
//! Times are the CPU time of the benchmark's one thread where Linux tells
//! it (/proc/thread-self/schedstat) and a run takes more than 0.1 s, else
//! wall time: the best of three runs below 1,000 articles, one run above.

use parallax::extract::boilerplate::lines_in_several;
use std::collections::BTreeMap;
use std::time::Instant;

use parallax::compare;
use parallax::extract::boilerplate::Detector;
use parallax::extract::dates::{Anchor, DateFinder};
use parallax::extract::entities::EntityFinder;
use parallax::extract::metadata::FactFinder;
use parallax::extract::quantities::QuantityFinder;
use parallax::extract::quotes::QuoteFinder;
use parallax::lexicon::Lexicon;
use parallax::text::{decode, segment};
use parallax::{analyze, Input, Options};

#[allow(dead_code)]
#[path = "corpus.rs"]
mod corpus;

/// Where the whole analysis is in `STAGES`.
const WHOLE: usize = 17;

const STAGES: &[&str] = &[
    "decode",
    "segment (blocks, sentences)",
    "boilerplate",
    "metadata (outlet, byline, date)",
    "entities",
    "quotes",
    "quantities",
    "dates",
    "entity linking across documents",
    "compare: statements",
    "compare: reuse",
    "compare: quote groups",
    "compare: variants",
    "compare: discrepancies",
    "compare: framing",
    "compare (whole, as analyze calls it)",
    "off-topic check (then compare again if any)",
    "whole analysis (analyze)",
];

/// Seconds of each stage for one size, and what the size is.
struct Measured {
    articles: usize,
    megabytes: f64,
    seconds: BTreeMap<&'static str, f64>,
    /// Stages not run at this size, with the seconds they were projected to take.
    skipped: BTreeMap<&'static str, f64>,
    peak_rss_mb: Option<f64>,
}

/// The times measured so far, to skip a stage whose projected time (from
/// its growth between the last two sizes) passes the limit.
struct History {
    points: BTreeMap<&'static str, Vec<(usize, f64)>>,
    max_seconds: f64,
}

impl History {
    fn projected(&self, stage: &str, n: usize) -> Option<f64> {
        let points = self.points.get(stage)?;
        let &(n2, t2) = points.last()?;
        let exponent = match points.len() {
            0 | 1 => 1.0,
            len => {
                let (n1, t1) = points[len - 2];
                ((t2 / t1).ln() / (n2 as f64 / n1 as f64).ln()).clamp(1.0, 3.0)
            }
        };
        Some(t2 * (n as f64 / n2 as f64).powf(exponent))
    }

    fn too_slow(&self, stage: &str, n: usize) -> Option<f64> {
        self.projected(stage, n).filter(|&p| p > self.max_seconds)
    }

    fn record(&mut self, measured: &Measured) {
        for (stage, &seconds) in &measured.seconds {
            // Below a millisecond, times say nothing about growth.
            if seconds > 1e-3 {
                self.points
                    .entry(stage)
                    .or_default()
                    .push((measured.articles, seconds));
            }
        }
    }
}

fn best_of(runs: usize, mut run: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let (start, cpu) = (Instant::now(), cpu_seconds());
            run();
            let wall = start.elapsed().as_secs_f64();
            // schedstat counts in scheduler ticks: short runs keep wall time.
            match (cpu, cpu_seconds()) {
                (Some(before), Some(after)) if wall > 0.1 => after - before,
                _ => wall,
            }
        })
        .fold(f64::INFINITY, f64::min)
}

/// The time this thread has spent on a CPU (Linux's schedstat, in ns), so
/// that other work on a shared machine does not count; None elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Peak resident memory since the last reset, from Linux's /proc.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn reset_peak_rss() {
    // "5" resets the peak to the current size (Linux 4.0 and later).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn measure(count: usize, history: &History) -> Measured {
    reset_peak_rss();
    let articles = corpus::generate(count, None, 1);
    let stories: Vec<String> = articles.iter().map(|a| a.story.clone()).collect();
    let inputs: Vec<Input> = articles
        .iter()
        .map(|a| Input::from_text(a.id.clone(), &a.text))
        .collect();
    drop(articles);
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let megabytes = bytes as f64 / 1e6;
    let runs = if count < 1000 { 3 } else { 1 };
    let mut seconds = BTreeMap::new();
    let mut skipped = BTreeMap::new();
    let lexicon = Lexicon::shared();
    let detector = Detector::new(lexicon);
    let facts = FactFinder::new(lexicon);
    let entities = EntityFinder::new(lexicon);
    let quotes = QuoteFinder::new(lexicon);
    let quantities = QuantityFinder::new(lexicon);
    let dates = DateFinder::new();

    seconds.insert(
        STAGES[0],
        best_of(runs, || {
            for input in &inputs {
                std::hint::black_box(decode::decode(&input.name, &input.bytes).ok());
            }
        }),
    );
    let texts: Vec<String> = inputs
        .iter()
        .map(|i| {
            decode::decode(&i.name, &i.bytes)
                .map(|d| d.text)
                .unwrap_or_default()
        })
        .collect();
    let blocks_of = || -> Vec<Vec<std::ops::Range<usize>>> {
        texts.iter().map(|t| segment::blocks(t)).collect()
    };
    let mut segmenting = best_of(runs, || {
        std::hint::black_box(blocks_of());
    });
    let blocks = blocks_of();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let shared_lines = || lines_in_several(&borrowed, &blocks);
    let classify = || -> Vec<_> {
        let shared = shared_lines();
        texts
            .iter()
            .zip(&blocks)
            .map(|(t, b)| detector.classify(t, b, &shared))
            .collect()
    };
    seconds.insert(
        STAGES[2],
        best_of(runs, || {
            std::hint::black_box(classify());
        }),
    );
    let classified = classify();
    let bodies: Vec<Vec<std::ops::Range<usize>>> = classified
        .iter()
        .map(|c| {
            c.blocks
                .iter()
                .enumerate()
                .filter(|&(i, b)| b.is_article() && Some(i) != c.title)
                .map(|(_, b)| b.range.clone())
                .collect()
        })
        .collect();
    let sentences_of = || -> Vec<Vec<std::ops::Range<usize>>> {
        texts
            .iter()
            .zip(&bodies)
            .map(|(t, body)| {
                body.iter()
                    .flat_map(|b| segment::sentences(t, b.clone(), &lexicon.abbreviations))
                    .collect()
            })
            .collect()
    };
    segmenting += best_of(runs, || {
        std::hint::black_box(sentences_of());
    });
    seconds.insert(STAGES[1], segmenting);
    let sentences = sentences_of();
    seconds.insert(
        STAGES[3],
        best_of(runs, || {
            for (t, c) in texts.iter().zip(&classified) {
                std::hint::black_box(facts.find(t, &c.blocks, c.title, None));
            }
        }),
    );
    let units: Vec<Vec<std::ops::Range<usize>>> = classified
        .iter()
        .zip(&sentences)
        .map(|(c, s)| {
            c.title
                .map(|t| c.blocks[t].range.clone())
                .into_iter()
                .chain(s.iter().cloned())
                .collect()
        })
        .collect();
    seconds.insert(
        STAGES[4],
        best_of(runs, || {
            for (t, u) in texts.iter().zip(&units) {
                std::hint::black_box(entities.find(t, u));
            }
        }),
    );
    let found: Vec<_> = texts
        .iter()
        .zip(&units)
        .map(|(t, u)| entities.find(t, u))
        .collect();
    seconds.insert(
        STAGES[5],
        best_of(runs, || {
            for (((t, b), s), e) in texts.iter().zip(&bodies).zip(&sentences).zip(&found) {
                std::hint::black_box(quotes.find(t, b, s, e));
            }
        }),
    );
    seconds.insert(
        STAGES[6],
        best_of(runs, || {
            for (t, b) in texts.iter().zip(&bodies) {
                std::hint::black_box(quantities.find(t, b));
            }
        }),
    );
    let anchors: Vec<Option<Anchor>> = texts
        .iter()
        .zip(&classified)
        .map(|(t, c)| {
            facts
                .find(t, &c.blocks, c.title, None)
                .date
                .as_deref()
                .and_then(Anchor::parse)
        })
        .collect();
    seconds.insert(
        STAGES[7],
        best_of(runs, || {
            for ((t, b), a) in texts.iter().zip(&bodies).zip(&anchors) {
                std::hint::black_box(dates.find_in(t, b, *a));
            }
        }),
    );
    drop((texts, blocks, classified, bodies, sentences, units, found));

    // The documents to compare: one analysis when the limit allows, else
    // one analysis a story, linked and compared all together below.
    let options = Options::default();
    let whole = STAGES[WHOLE];
    let mut documents = Vec::with_capacity(inputs.len());
    match history.too_slow(whole, count) {
        None if inputs.len() <= parallax::limits::MAX_DOCUMENTS => {
            let mut report = None;
            seconds.insert(
                whole,
                best_of(runs, || report = Some(analyze(&inputs, &options))),
            );
            documents = report.expect("analyzed").documents;
        }
        projected => {
            if let Some(projected) = projected {
                skipped.insert(whole, projected);
            }
            let mut start = 0;
            while start < inputs.len() {
                let end = (start..inputs.len())
                    .find(|&i| stories[i] != stories[start])
                    .unwrap_or(inputs.len());
                documents.extend(analyze(&inputs[start..end], &options).documents);
                start = end;
            }
        }
    }
    drop(inputs);
    // Linking changes the documents: each run links its own copy, and the
    // comparison then reads the linked documents, as in `analyze`.
    let mut copies: Vec<_> = (0..runs).map(|_| documents.clone()).collect();
    drop(documents);
    let linking = copies
        .iter_mut()
        .map(|copy| {
            best_of(1, || {
                parallax::extract::entities::link::across_documents(copy, lexicon)
            })
        })
        .fold(f64::INFINITY, f64::min);
    seconds.insert(STAGES[8], linking);
    let documents = copies.swap_remove(0);
    drop(copies);
    let stopwords = &lexicon.stopwords;
    let mut timed =
        |stage: &'static str, run: &mut dyn FnMut()| match history.too_slow(stage, count) {
            Some(projected) => {
                skipped.insert(stage, projected);
            }
            None => {
                seconds.insert(stage, best_of(runs, run));
            }
        };
    timed(STAGES[9], &mut || {
        std::hint::black_box(compare::statements::align(&documents, stopwords));
    });
    timed(STAGES[10], &mut || {
        std::hint::black_box(compare::reuse::reuse(&documents));
    });
    timed(STAGES[11], &mut || {
        std::hint::black_box(compare::quote_groups::quote_groups(&documents, stopwords));
    });
    timed(STAGES[12], &mut || {
        std::hint::black_box(compare::variants::variants(&documents));
    });
    let aligned = compare::statements::align(&documents, stopwords);
    let groups = compare::quote_groups::quote_groups(&documents, stopwords);
    timed(STAGES[13], &mut || {
        std::hint::black_box(compare::discrepancies::discrepancies(
            &documents,
            &aligned.statements,
            &groups,
        ));
    });
    drop((aligned, groups));
    timed(STAGES[14], &mut || {
        std::hint::black_box(compare::framing::framing(&documents));
    });
    let mut comparison = None;
    timed(STAGES[15], &mut || {
        comparison = Some(compare::compare(&documents, stopwords));
    });
    if let Some(comparison) = comparison {
        timed(STAGES[16], &mut || {
            std::hint::black_box(compare::off_topic::find(&documents, &comparison, stopwords));
        });
    }
    Measured {
        articles: count,
        megabytes,
        seconds,
        skipped,
        peak_rss_mb: peak_rss_mb(),
    }
}

fn main() {
    let mut double = true;
    let mut sizes = Vec::new();
    let mut history = History {
        points: BTreeMap::new(),
        max_seconds: 240.0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-double" => double = false,
            "--max-seconds" => {
                history.max_seconds = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--max-seconds takes a number")
            }
            number => sizes.push(number.parse::<usize>().expect("a number of articles")),
        }
    }
    if sizes.is_empty() {
        sizes = vec![5, 100, 1000, 10000];
    }
    let mut results: Vec<(Measured, Option<Measured>)> = Vec::new();
    for &n in &sizes {
        let once = measure(n, &history);
        history.record(&once);
        eprintln!(
            "scale: {n} articles measured ({:.1} MB, peak {:.0} MB)",
            once.megabytes,
            once.peak_rss_mb.unwrap_or(0.0)
        );
        let twice = double.then(|| {
            let m = measure(2 * n, &history);
            history.record(&m);
            eprintln!("scale: {} articles measured", 2 * n);
            m
        });
        results.push((once, twice));
    }
    print_table(&results, history.max_seconds);
}

fn print_table(results: &[(Measured, Option<Measured>)], max_seconds: f64) {
    let mut header = String::from("| stage |");
    let mut rule = String::from("|---|");
    for (m, _) in results {
        header.push_str(&format!(
            " {} articles ({:.1} MB): MB/s (s) | ×2N |",
            m.articles, m.megabytes
        ));
        rule.push_str("---:|---:|");
    }
    println!("{header}\n{rule}");
    for stage in STAGES {
        let mut row = format!("| {stage} |");
        for (m, twice) in results {
            match (m.seconds.get(stage), m.skipped.get(stage)) {
                (Some(&s), _) => row.push_str(&format!(" {:.2} ({s:.3} s) |", m.megabytes / s)),
                (None, Some(&p)) => row.push_str(&format!(" skipped (≈{p:.0} s) |")),
                (None, None) => row.push_str(" n/a |"),
            }
            match (
                m.seconds.get(stage),
                twice.as_ref().and_then(|t| t.seconds.get(stage)),
            ) {
                (Some(&s), Some(&t)) if s > 0.0 => row.push_str(&format!(" {:.2} |", t / s)),
                _ => row.push_str(" |"),
            }
        }
        println!("{row}");
    }
    let mut row = String::from("| peak resident memory |");
    for (m, twice) in results {
        let mb = |m: &Measured| {
            m.peak_rss_mb
                .map(|p| format!("{p:.0} MB"))
                .unwrap_or_default()
        };
        row.push_str(&format!(
            " {} | {} |",
            mb(m),
            twice.as_ref().map(mb).unwrap_or_default()
        ));
    }
    println!("{row}");
    println!(
        "\nn/a: the whole analysis takes at most {} documents. skipped: projected past {max_seconds:.0} s \
         (--max-seconds) from the growth between the two sizes before.",
        parallax::limits::MAX_DOCUMENTS
    );
}
