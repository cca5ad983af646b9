//! Time of the comparison, and size of the report, over generated articles:
//! invented stories of a few sources each, some built on the same wire copy,
//! with quotes, numbers and dates. Run with
//! `cargo run --release --example compare_scale -- 100 1000`.

use std::time::Instant;

use parallax::lexicon::Lexicon;
use parallax::{analyze, compare, Input, Options};

const PLACES: &[&str] = &[
    "Marrowgate",
    "Tessel",
    "Brennock",
    "Aldwyn",
    "Corrow",
    "Penhallow",
    "Quillby",
    "Stavely",
    "Umber Cross",
    "Varden",
    "Wexmoor",
    "Yarrowby",
];
const PEOPLE: &[&str] = &[
    "Ada Morrin",
    "Brin Castell",
    "Cora Vell",
    "Dane Ostrow",
    "Edda Quarry",
    "Fenn Hollis",
    "Gale Tamsin",
    "Hugo Brask",
    "Ilse Carrow",
    "Jory Penn",
    "Kai Lestrange",
    "Lorna Vey",
];
const ROLES: &[&str] = &[
    "the regional council's spokeswoman",
    "a French engineer",
    "the German transport minister",
    "a local shopkeeper",
    "the Spanish ambassador",
    "the police chief",
];
const EVENTS: &[&str] = &[
    "flood",
    "landslide",
    "fire",
    "strike",
    "collapse",
    "storm",
    "derailment",
    "blackout",
];
const NOUNS: &[&str] = &[
    "bridge",
    "school",
    "harbour",
    "market",
    "railway",
    "factory",
    "hospital",
    "road",
    "dam",
    "warehouse",
    "library",
    "station",
    "council",
    "tunnel",
    "quarry",
    "ferry",
];
const VERBS: &[&str] = &[
    "said",
    "claimed",
    "alleged",
    "warned",
    "admitted",
    "denied",
    "told reporters",
];

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn sentence(rng: &mut Rng, place: &str, event: &str) -> String {
    let a = rng.pick(NOUNS);
    let b = rng.pick(NOUNS);
    match rng.below(6) {
        0 => format!(
            "The {event} near {place} closed the {a} and damaged the {b} on Tuesday, officials said."
        ),
        1 => format!(
            "{} people were evacuated from homes near the {a} after the {event}.",
            10 + rng.below(400)
        ),
        2 => format!(
            "“We have never seen a {event} like this at the {a},” {} {}, {}.",
            rng.pick(PEOPLE),
            rng.pick(VERBS),
            rng.pick(ROLES)
        ),
        3 => format!(
            "Repairs to the {a} will cost about ${} million, according to the {b} authority.",
            1 + rng.below(90)
        ),
        4 => format!(
            "Engineers from the {b} inspected the {a} in {place} and could not independently verify the reports of {} injured.",
            2 + rng.below(60)
        ),
        _ => format!(
            "Residents of {place} said the {a} had been closed since the {event} began, and the {b} stayed shut."
        ),
    }
}

fn articles(count: usize) -> Vec<Input> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut inputs = Vec::with_capacity(count);
    let mut story = 0;
    while inputs.len() < count {
        let place = rng.pick(PLACES);
        let event = rng.pick(EVENTS);
        // The wire copy several sources of one story start from.
        let wire: Vec<String> = (0..8).map(|_| sentence(&mut rng, place, event)).collect();
        let sources = 3 + rng.below(4) as usize;
        for source in 0..sources {
            if inputs.len() == count {
                break;
            }
            let mut text = format!("{} {event} hits {place} {story}\n\n", rng.pick(NOUNS));
            text.push_str(&format!("{place} (Source {source}) - "));
            let reused = if source < 2 { 6 } else { rng.below(3) as usize };
            for line in wire.iter().take(reused) {
                text.push_str(line);
                text.push_str("\n\n");
            }
            for _ in 0..(6 + rng.below(8)) {
                text.push_str(&sentence(&mut rng, place, event));
                text.push_str(if rng.below(3) == 0 { "\n\n" } else { " " });
            }
            inputs.push(Input {
                name: format!("story{story}-source{source}.txt"),
                bytes: text.into_bytes(),
                ..Default::default()
            });
        }
        story += 1;
    }
    inputs
}

/// The JSON size of any part of the report.
mod erased {
    pub trait Sized {
        fn megabytes(&self) -> f64;
    }
    impl<T: serde::Serialize> Sized for T {
        fn megabytes(&self) -> f64 {
            serde_json::to_string(self).unwrap().len() as f64 / 1e6
        }
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number of articles"))
        .collect();
    let stopwords = &Lexicon::shared().stopwords;
    for n in if sizes.is_empty() {
        vec![100, 1000]
    } else {
        sizes
    } {
        let inputs = articles(n);
        let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
        let start = Instant::now();
        let report = analyze(&inputs, &Options::default());
        let whole = start.elapsed().as_secs_f64();
        // The best of three: the machine's other work only ever slows a run down.
        let compared = (0..3)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(compare::compare(&report.documents, stopwords));
                start.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min);
        let docs = &report.documents;
        let time = |label: &str, run: &dyn Fn()| {
            let seconds = (0..3)
                .map(|_| {
                    let start = Instant::now();
                    run();
                    start.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min);
            eprintln!("  {label:<14} {seconds:.3} s");
        };
        let aligned = compare::statements::align(docs, stopwords);
        let groups = compare::quote_groups::quote_groups(docs, stopwords);
        time("statements", &|| {
            std::hint::black_box(compare::statements::align(docs, stopwords));
        });
        time("quote groups", &|| {
            std::hint::black_box(compare::quote_groups::quote_groups(docs, stopwords));
        });
        time("variants", &|| {
            std::hint::black_box(compare::variants::variants(docs));
        });
        time("reuse", &|| {
            std::hint::black_box(compare::reuse::reuse(docs));
        });
        time("discrepancies", &|| {
            std::hint::black_box(compare::discrepancies::discrepancies(
                docs,
                &aligned.statements,
                &groups,
            ));
        });
        time("framing", &|| {
            std::hint::black_box(compare::framing::framing(docs));
        });
        let size = |value: &dyn erased::Sized| value.megabytes();
        eprintln!(
            "  sizes (MB): statements {:.2}, quote groups {:.2}, discrepancies {:.2}, reuse {:.2}, passages {:.2}, framing {:.2}, sources {:.2}",
            size(&report.comparison.statements),
            size(&report.comparison.quote_groups),
            size(&report.comparison.discrepancies),
            size(&report.comparison.reuse),
            size(&report.comparison.passages),
            size(&report.comparison.framing),
            size(&report.comparison.sources),
        );
        let json = serde_json::to_string(&report).unwrap();
        let comparison = serde_json::to_string(&report.comparison).unwrap();
        let c = &report.comparison;
        println!(
            "{n} articles ({:.2} MB text): analyze {whole:.2} s, comparison {compared:.3} s; \
             report {:.1} MB (comparison {:.2} MB); {} reuse rows, {} statements, {} discrepancies",
            bytes as f64 / 1e6,
            json.len() as f64 / 1e6,
            comparison.len() as f64 / 1e6,
            c.reuse.len(),
            c.statements.len(),
            c.discrepancies.len(),
        );
    }
}
