//! Saved HTML pages we wrote ourselves, each with its known main text
//! (`NAME.main.txt`) and metadata (`NAME.facts`): main-text F1 (bag of words,
//! as ../shared/eval/score_boilerplate.py counts it) and the page's facts.
//! `scripts/eval.sh html` prints the figures.

mod common;

use std::collections::HashMap;

use common::{files, project_path};
use parallax::report::Document;
use parallax::{analyze, Input, Options};

fn bag(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn f1(kept: &str, gold: &str) -> f64 {
    let (kept, gold) = (bag(kept), bag(gold));
    let shared: usize = kept
        .iter()
        .map(|(w, n)| (*n).min(*gold.get(w).unwrap_or(&0)))
        .sum();
    let (p, r) = (
        shared as f64 / kept.values().sum::<usize>().max(1) as f64,
        shared as f64 / gold.values().sum::<usize>().max(1) as f64,
    );
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// The article text a reader keeps: every line that is not boilerplate.
fn kept(doc: &Document) -> String {
    let dropped: Vec<&str> = doc
        .boilerplate
        .iter()
        .map(|b| b.span.text.as_str())
        .collect();
    doc.text
        .lines()
        .filter(|line| !dropped.contains(&line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn analyze_one(name: &str, bytes: Vec<u8>) -> Document {
    let report = analyze(
        &[Input {
            name: name.to_string(),
            bytes,
            ..Default::default()
        }],
        &Options::default(),
    );
    report.documents.into_iter().next().expect("analyzed")
}

#[test]
fn a_caption_inside_the_article_is_set_apart_and_the_furniture_left_out() {
    use parallax::report::BoilerplateReason as Reason;
    let html = std::fs::read(project_path("tests/fixtures/pages/tide-mill.html")).unwrap();
    let doc = analyze_one("page.html", html);
    let reason_of = |start: &str| {
        doc.boilerplate
            .iter()
            .find(|b| b.span.text.starts_with(start))
            .map(|b| b.reason)
    };
    assert_eq!(reason_of("The rebuilt wheel"), Some(Reason::Caption));
    // The reader drops the share bar and the related links itself, or they are set apart.
    for furniture in ["Share on Facebook", "Causeway closed", "Most read"] {
        assert!(
            !doc.text.contains(furniture) || reason_of(furniture).is_some(),
            "{furniture}"
        );
    }
    assert!(
        !doc.text.contains("I remember it working"),
        "the comments are not the article"
    );
    assert!(doc
        .text
        .contains("“We were not sure it would move at all,”"));
}

#[test]
fn a_saved_page_reports_its_publication_and_its_last_update() {
    let html = std::fs::read(project_path("tests/fixtures/pages/tide-mill.html")).unwrap();
    let doc = analyze_one("page.html", html);
    assert_eq!(doc.date.as_deref(), Some("2024-04-28"));
    assert_eq!(doc.updated.as_deref(), Some("2024-04-29"));
}

#[test]
fn saved_pages_keep_their_main_text_and_facts() {
    let pages = files(&project_path("tests/fixtures/pages"), "html");
    assert!(pages.len() >= 3);
    let (mut structured, mut text_only) = (Vec::new(), Vec::new());
    for page in &pages {
        let html = std::fs::read(page).unwrap();
        let gold = std::fs::read_to_string(page.with_extension("main.txt")).unwrap();
        let doc = analyze_one("page.html", html.clone());
        structured.push(f1(&kept(&doc), &gold));
        // The same page as plain visible text, without its structure, for comparison.
        let visible = parallax::text::html::visible_text(&String::from_utf8_lossy(&html));
        text_only.push(f1(
            &kept(&analyze_one("page.txt", visible.into_bytes())),
            &gold,
        ));
        let facts = std::fs::read_to_string(page.with_extension("facts")).unwrap();
        for line in facts.lines() {
            let (key, value) = line.split_once(": ").unwrap();
            let found = match key {
                "title" => doc.title.as_deref(),
                "site_name" => doc.outlet.as_deref(),
                "byline" => doc.byline.as_deref(),
                "date" => doc.date.as_deref(),
                _ => panic!("unknown fact {key}"),
            };
            assert_eq!(found, Some(value), "{}: {key}", page.display());
        }
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    println!(
        "saved pages: main-text F1 {:.3} with the page's structure, {:.3} from visible text alone ({} pages)",
        mean(&structured),
        mean(&text_only),
        pages.len()
    );
    assert!(mean(&structured) >= 0.95, "{structured:?}");
}
