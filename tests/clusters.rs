//! Our own clusters of invented articles about one invented event
//! (tests/fixtures/clusters/NAME/*.txt), each with the statements the
//! comparison must find written beside them in `expected.statements`.

mod common;

use common::{analyze_files, assert_spans_match, files, project_path};
use parallax::report::Report;

struct Expected {
    /// Each statement: (article name, phrase of its span).
    statements: Vec<Vec<(String, String)>>,
    /// (article name, phrase of a sentence no other article carries).
    alone: Vec<(String, String)>,
}

fn read_expected(text: &str) -> Expected {
    let mut expected = Expected {
        statements: Vec::new(),
        alone: Vec::new(),
    };
    let mut in_alone = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line {
            "statement" => {
                in_alone = false;
                expected.statements.push(Vec::new());
            }
            "alone" => in_alone = true,
            _ => {
                let (name, phrase) = line.split_once(": ").expect("NAME: phrase");
                let entry = (name.to_string(), phrase.to_string());
                if in_alone {
                    expected.alone.push(entry);
                } else {
                    expected
                        .statements
                        .last_mut()
                        .expect("a statement")
                        .push(entry);
                }
            }
        }
    }
    expected
}

fn doc_index(report: &Report, name: &str) -> usize {
    report
        .documents
        .iter()
        .position(|d| d.name == name)
        .unwrap_or_else(|| panic!("{name} analyzed"))
}

fn shown(report: &Report) -> String {
    report
        .comparison
        .statements
        .iter()
        .map(|st| {
            st.support
                .iter()
                .map(|s| format!("  {}: {}", report.documents[s.doc].name, s.span.text))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n--\n")
}

#[test]
fn clusters_form_their_expected_statements() {
    let root = project_path("tests/fixtures/clusters");
    let mut clusters: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    clusters.sort();
    assert!(!clusters.is_empty(), "no clusters");
    for cluster in clusters {
        let report = analyze_files(&files(&cluster, "txt"));
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_spans_match(&report);
        let expected =
            read_expected(&std::fs::read_to_string(cluster.join("expected.statements")).unwrap());
        for statement in &expected.statements {
            let mut docs: Vec<usize> = statement
                .iter()
                .map(|(n, _)| doc_index(&report, n))
                .collect();
            docs.sort();
            let found = report.comparison.statements.iter().find(|st| {
                st.docs == docs
                    && statement.iter().all(|(name, phrase)| {
                        let doc = doc_index(&report, name);
                        st.support
                            .iter()
                            .any(|s| s.doc == doc && s.span.text.contains(phrase.as_str()))
                    })
            });
            assert!(
                found.is_some(),
                "{}: no statement {statement:?} among\n{}",
                cluster.display(),
                shown(&report)
            );
        }
        for (name, phrase) in &expected.alone {
            let doc = doc_index(&report, name);
            let sentence = report.documents[doc]
                .sentences
                .iter()
                .position(|s| s.text.contains(phrase.as_str()))
                .unwrap_or_else(|| panic!("{name}: no sentence with {phrase:?}"));
            let source = &report.comparison.sources[doc];
            assert!(
                source.alone.contains(&sentence),
                "{name}: {phrase:?} should be the article's alone\n{}",
                shown(&report)
            );
        }
        // What most carry, and who leaves it out.
        for &c in &report.comparison.consensus {
            let st = &report.comparison.statements[c];
            assert!(st.docs.len() * 2 > report.documents.len());
            for source in &report.comparison.sources {
                assert_eq!(source.omits.contains(&c), !st.docs.contains(&source.doc));
            }
        }
    }
}

/// One block of `expected.comparison`: its header and its `NAME: phrase`
/// (or bare `NAME`) lines.
fn read_blocks(text: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut blocks: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(": ") {
            Some((name, phrase)) => blocks
                .last_mut()
                .expect("a block header first")
                .1
                .push((name.to_string(), phrase.to_string())),
            None if line.ends_with(".txt") => blocks
                .last_mut()
                .expect("a block header first")
                .1
                .push((line.to_string(), String::new())),
            None => blocks.push((line.to_string(), Vec::new())),
        }
    }
    blocks
}

/// `speaker (affiliation)` or `lemma (side)`, `none` for no affiliation.
fn with_side(phrase: &str) -> (&str, Option<&str>) {
    let (name, side) = phrase.rsplit_once(" (").expect("NAME (affiliation)");
    let side = side.trim_end_matches(')');
    (name, (side != "none").then_some(side))
}

#[test]
fn clusters_form_their_expected_discrepancies_reuse_and_framing() {
    use parallax::report::BoilerplateReason;
    let root = project_path("tests/fixtures/clusters");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let cluster = entry.unwrap().path();
        let Ok(expected) = std::fs::read_to_string(cluster.join("expected.comparison")) else {
            continue;
        };
        checked += 1;
        let report = analyze_files(&files(&cluster, "txt"));
        assert_spans_match(&report);
        let c = &report.comparison;
        let at = |name: &str| doc_index(&report, name);
        let framing = |name: &str| &c.framing[at(name)];
        let pair = |lines: &[(String, String)]| {
            let mut docs = [at(&lines[0].0), at(&lines[1].0)];
            docs.sort();
            docs
        };
        let dump = || serde_json::to_string_pretty(c).unwrap();
        for (header, lines) in read_blocks(&expected) {
            let words: Vec<&str> = header.split(' ').collect();
            let ok = match words[0] {
                "discrepancy" => c.discrepancies.iter().any(|d| {
                    d.kind == words[1]
                        && d.verdict == words[2]
                        && lines.iter().all(|(name, phrase)| {
                            let doc = at(name);
                            d.values.iter().any(|v| v.doc == doc && v.text == *phrase)
                                || d.dates.iter().any(|v| v.doc == doc && v.text == *phrase)
                                || d.speakers.iter().any(|v| {
                                    v.doc == doc && v.speaker.as_deref() == Some(phrase.as_str())
                                })
                        })
                }),
                "passage" => c.passages.iter().any(|p| {
                    lines.iter().all(|(name, phrase)| {
                        p.spans
                            .iter()
                            .any(|s| s.doc == at(name) && s.span.text.contains(phrase.as_str()))
                    })
                }),
                "copy" => c.reuse.iter().any(|r| r.docs == pair(&lines) && r.copy),
                "top-reuse" => c.reuse.first().is_some_and(|r| r.docs == pair(&lines)),
                "headline" => lines.iter().all(|(name, verb)| {
                    framing(name).headline_verb.as_deref() == Some(verb.as_str())
                }),
                "hedge" => lines.iter().all(|(name, phrase)| {
                    framing(name)
                        .hedges
                        .iter()
                        .any(|h| h.span.text.contains(phrase.as_str()))
                }),
                "verb" => lines.iter().all(|(name, phrase)| {
                    let (lemma, side) = with_side(phrase);
                    framing(name)
                        .verbs
                        .iter()
                        .any(|v| v.lemma == lemma && v.side.as_deref() == side)
                }),
                "voice" => lines.iter().all(|(name, phrase)| {
                    let (speaker, affiliation) = with_side(phrase);
                    framing(name)
                        .voices
                        .iter()
                        .any(|v| v.speaker == speaker && v.affiliation.as_deref() == affiliation)
                }),
                "off-topic" => lines.iter().all(|(name, phrase)| {
                    let document = &report.documents[at(name)];
                    document.boilerplate.iter().any(|b| {
                        b.reason == BoilerplateReason::OffTopic
                            && b.span.text.contains(phrase.as_str())
                    }) && !document
                        .sentences
                        .iter()
                        .any(|s| s.text.contains(phrase.as_str()))
                }),
                other => panic!("{}: unknown block {other}", cluster.display()),
            };
            assert!(
                ok,
                "{}: no {header} {lines:?} in\n{}",
                cluster.display(),
                dump()
            );
        }
    }
    assert!(checked >= 2, "clusters with expected.comparison: {checked}");
}
