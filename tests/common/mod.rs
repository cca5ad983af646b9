//! Helpers shared by the integration tests.
// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use parallax::report::Report;
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

/// The texts of our fixtures and of the seed articles, lossily decoded.
pub fn fixture_and_seed_texts() -> Vec<String> {
    let mut paths = files(&project_path("tests/fixtures"), "txt");
    paths.extend(files(&project_path("../shared/seeds"), "txt"));
    paths
        .iter()
        .map(|path| String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned())
        .collect()
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

/// The report keeps every promise of `parallax::invariants` (spans cover
/// their text, lists in order, the comparison names what exists).
pub fn assert_spans_match(report: &Report) {
    if let Err(broken) = parallax::invariants::check_report(report) {
        panic!("{broken}");
    }
}
