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
