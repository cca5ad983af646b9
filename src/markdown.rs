//! The report as Markdown, for reading in a terminal or pasting into notes.

use std::fmt::Write;

use crate::report::Report;

pub fn render(report: &Report) -> String {
    let mut out = String::from("# Parallax report\n\n");
    for error in &report.errors {
        let _ = writeln!(out, "> **Not analyzed:** {}", error.message);
    }
    if !report.errors.is_empty() {
        out.push('\n');
    }
    for (i, doc) in report.documents.iter().enumerate() {
        let _ = writeln!(
            out,
            "## [{i}] {}\n",
            doc.title.as_deref().unwrap_or(&doc.name)
        );
        let facts = [
            ("File", Some(doc.name.as_str())),
            ("Outlet", doc.outlet.as_deref()),
            ("Byline", doc.byline.as_deref()),
            ("Date", doc.date.as_deref()),
            ("Dateline", doc.dateline_place.as_deref()),
        ];
        for (label, value) in facts {
            if let Some(value) = value {
                let _ = writeln!(out, "- {label}: {}", cell(value));
            }
        }
        let _ = writeln!(
            out,
            "- {} sentences, {} boilerplate lines set apart, {} quotes\n",
            doc.sentences.len(),
            doc.boilerplate.len(),
            doc.quotes.len()
        );
        if !doc.quotes.is_empty() {
            out.push_str("| speaker | kind | cue | quote |\n|---|---|---|---|\n");
            for quote in &doc.quotes {
                let kind = format!("{:?}", quote.kind).to_lowercase();
                let _ = writeln!(
                    out,
                    "| {} | {kind} | {} | {} |",
                    cell(&match (&quote.speaker, &quote.speaker_role) {
                        (Some(speaker), Some(role)) => format!("{speaker} ({role})"),
                        (Some(speaker), None) => speaker.clone(),
                        _ => "?".to_string(),
                    }),
                    cell(quote.cue.as_deref().unwrap_or("")),
                    cell(&quote.span.text)
                );
            }
            out.push('\n');
        }
    }
    let comparison = &report.comparison;
    if !comparison.reuse.is_empty() {
        out.push_str("## Verbatim reuse\n\n| documents | shared 5-grams |\n|---|---|\n");
        for pair in &comparison.reuse {
            let _ = writeln!(
                out,
                "| [{}] – [{}] | {:.0} % |",
                pair.docs[0],
                pair.docs[1],
                pair.share * 100.0
            );
        }
        out.push('\n');
    }
    if !comparison.statements.is_empty() {
        out.push_str("## Shared statements\n\n");
        for statement in &comparison.statements {
            let docs: Vec<String> = statement
                .support
                .iter()
                .map(|s| format!("[{}]", s.doc))
                .collect();
            let _ = writeln!(
                out,
                "- {} {}",
                docs.join(" "),
                cell(&statement.support[0].span.text)
            );
        }
    }
    out
}

/// Text made safe for one Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
