//! One data-driven suite over our own fixture articles: each `NAME.txt` or
//! `NAME.html` in tests/fixtures has a `NAME.expect` listing what the report
//! must say, one `key: value` line each (see the keys in `check`).

mod common;

use common::{analyze_files, assert_spans_match, files, project_path};
use parallax::report::Document;

#[test]
fn fixtures_meet_their_expectations() {
    let folder = project_path("tests/fixtures");
    let expectations = files(&folder, "expect");
    assert!(expectations.len() >= 4, "fixtures are missing");
    let mut failures = Vec::new();
    for expect in &expectations {
        let stem = expect.file_stem().unwrap().to_string_lossy().into_owned();
        let input = ["txt", "html"]
            .iter()
            .map(|ext| folder.join(format!("{stem}.{ext}")))
            .find(|path| path.exists())
            .unwrap_or_else(|| panic!("no input for {}", expect.display()));
        let report = analyze_files(&[input]);
        assert_spans_match(&report);
        let Some(doc) = report.documents.first() else {
            failures.push(format!("{stem}: not analyzed: {:?}", report.errors));
            continue;
        };
        for line in std::fs::read_to_string(expect).unwrap().lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line
                .split_once(": ")
                .unwrap_or_else(|| panic!("{stem}: bad line {line:?}"));
            if let Err(problem) = check(doc, key, value) {
                failures.push(format!("{stem}: {line}\n    {problem}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn check(doc: &Document, key: &str, value: &str) -> Result<(), String> {
    let fact = |found: &Option<String>| {
        let expected = (value != "none").then_some(value);
        if found.as_deref() == expected {
            Ok(())
        } else {
            Err(format!("found {found:?}"))
        }
    };
    let line_reason = |prefix: &str| {
        doc.boilerplate
            .iter()
            .find(|b| b.span.text.starts_with(prefix))
            .map(|b| {
                serde_json::to_value(b.reason)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
    };
    match key {
        "title" => fact(&doc.title),
        "outlet" => fact(&doc.outlet),
        "byline" => fact(&doc.byline),
        "date" => fact(&doc.date),
        "dateline" => fact(&doc.dateline_place),
        "sentences" => match doc.sentences.len().to_string() == value {
            true => Ok(()),
            false => Err(format!(
                "found {} sentences: {:#?}",
                doc.sentences.len(),
                doc.sentences
            )),
        },
        "boilerplate" => {
            let (reason, prefix) = value.split_once(" | ").ok_or("expected `reason | line`")?;
            match line_reason(prefix) {
                Some(found) if found == reason => Ok(()),
                found => Err(format!("found {found:?}")),
            }
        }
        "kept" => match (doc.text.contains(value), line_reason(value)) {
            (true, None) => Ok(()),
            (contains, found) => Err(format!("in text: {contains}, boilerplate: {found:?}")),
        },
        "absent" => match doc.text.contains(value) {
            false => Ok(()),
            true => Err("present in the text".into()),
        },
        "quote" => {
            let parts: Vec<&str> = value.splitn(3, " | ").collect();
            let [kind, speaker, prefix] = parts[..] else {
                return Err("expected `kind | speaker | quote`".into());
            };
            let quote = doc
                .quotes
                .iter()
                .find(|q| q.span.text.starts_with(prefix))
                .ok_or_else(|| format!("no such quote among {:#?}", doc.quotes))?;
            let found_kind = serde_json::to_value(quote.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string();
            let speaker = (speaker != "?").then_some(speaker);
            match (found_kind == kind, quote.speaker.as_deref() == speaker) {
                (true, true) => Ok(()),
                _ => Err(format!("found {found_kind} by {:?}", quote.speaker)),
            }
        }
        "not-quote" => match doc.quotes.iter().find(|q| q.span.text.starts_with(value)) {
            None => Ok(()),
            Some(q) => Err(format!("taken as a quote: {q:?}")),
        },
        other => Err(format!("unknown key {other}")),
    }
}

/// A text-only analysis reads each fixture's text, boilerplate and facts as
/// the whole analysis does, and nothing else.
#[test]
fn text_only_keeps_the_text_and_facts_and_skips_the_rest() {
    let folder = project_path("tests/fixtures");
    let inputs: Vec<_> = ["txt", "html"]
        .iter()
        .flat_map(|ext| files(&folder, ext))
        .collect();
    assert!(inputs.len() >= 4, "fixtures are missing");
    let text_only = parallax::Options {
        text_only: true,
        ..Default::default()
    };
    for path in inputs {
        let input = parallax::Input {
            name: path.display().to_string(),
            bytes: std::fs::read(&path).unwrap(),
            flipped_lines: Vec::new(),
        };
        let whole = parallax::analyze(std::slice::from_ref(&input), &Default::default());
        let short = parallax::analyze(&[input], &text_only);
        let (Some(whole), Some(short)) = (whole.documents.first(), short.documents.first()) else {
            continue;
        };
        let facts = |d: &Document| {
            (
                d.text.clone(),
                d.title.clone(),
                d.outlet.clone(),
                d.byline.clone(),
                d.date.clone(),
            )
        };
        assert_eq!(facts(short), facts(whole), "{}", path.display());
        assert_eq!(
            short.boilerplate.len(),
            whole.boilerplate.len(),
            "{}",
            path.display()
        );
        assert!(
            short.quotes.is_empty() && short.entities.is_empty(),
            "{}",
            path.display()
        );
        assert!(
            short.quantities.is_empty() && short.dates.is_empty(),
            "{}",
            path.display()
        );
    }
}
