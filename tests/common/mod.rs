//! Helpers shared by the integration tests.
// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use parallax::report::{Report, Span};
use parallax::{analyze, Input, Options};

pub fn project_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Files of a folder with the given extension, sorted by name.
pub fn files(folder: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    found.sort();
    found
}

pub fn analyze_files(paths: &[PathBuf]) -> Report {
    let inputs: Vec<Input> = paths
        .iter()
        .map(|path| Input {
            name: path.to_string_lossy().into_owned(),
            bytes: std::fs::read(path).unwrap(),
            ..Default::default()
        })
        .collect();
    analyze(&inputs, &Options::default())
}

/// Every span of the report covers exactly its text, in code points.
pub fn assert_spans_match(report: &Report) {
    let check = |text: &str, span: &Span, what: &str| {
        let covered: String = text
            .chars()
            .skip(span.start)
            .take(span.end - span.start)
            .collect();
        assert_eq!(
            covered, span.text,
            "{what} span {}..{}",
            span.start, span.end
        );
    };
    for doc in &report.documents {
        let text = doc.text.as_str();
        doc.boilerplate
            .iter()
            .for_each(|b| check(text, &b.span, "boilerplate"));
        doc.sentences
            .iter()
            .for_each(|s| check(text, s, "sentence"));
        for quote in &doc.quotes {
            check(text, &quote.span, "quote");
            if let Some(speaker) = &quote.speaker_span {
                check(text, speaker, "speaker");
            }
        }
    }
    for statement in &report.comparison.statements {
        for support in &statement.support {
            check(
                &report.documents[support.doc].text,
                &support.span,
                "statement",
            );
        }
    }
}
