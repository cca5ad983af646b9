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
    comparison_summary(report, &mut out);
    out
}

/// The comparison in the order a reader checks it: what disagrees, what most
/// sources say, what each says alone, then quotes, names, framing and reuse.
fn comparison_summary(report: &Report, out: &mut String) {
    let comparison = &report.comparison;
    let docs = &report.documents;
    let statement_text = |k: usize| cell(&comparison.statements[k].support[0].span.text);
    if !comparison.discrepancies.is_empty() {
        out.push_str("## What to check\n\n");
        for d in &comparison.discrepancies {
            let values: Vec<String> = match d.kind.as_str() {
                "date" => d
                    .dates
                    .iter()
                    .map(|v| format!("[{}] {} ({})", v.doc, v.text, v.value))
                    .collect(),
                "speaker" => d
                    .speakers
                    .iter()
                    .map(|v| format!("[{}] {}", v.doc, v.speaker.as_deref().unwrap_or("?")))
                    .collect(),
                _ => d
                    .values
                    .iter()
                    .map(|v| format!("[{}] {}", v.doc, v.text))
                    .collect(),
            };
            let _ = writeln!(
                out,
                "- **{}** {} {}: {} ({})",
                d.verdict,
                d.kind,
                cell(&d.about),
                cell(&values.join("; ")),
                d.reason
            );
        }
        out.push('\n');
    }
    if !comparison.consensus.is_empty() {
        out.push_str("## What most sources report\n\n");
        for &k in &comparison.consensus {
            let _ = writeln!(
                out,
                "- {} {}",
                doc_list(&comparison.statements[k].docs),
                statement_text(k)
            );
        }
        out.push('\n');
    }
    if !comparison.sources.is_empty() {
        out.push_str("## Each source alone\n\n");
        for source in &comparison.sources {
            let Some(doc) = docs.get(source.doc) else {
                continue;
            };
            let _ = writeln!(
                out,
                "- [{}] says {} sentence{} no other source has; leaves out {} of what most report",
                source.doc,
                source.alone.len(),
                if source.alone.len() == 1 { "" } else { "s" },
                source.omits.len()
            );
            for &s in source.alone.iter().take(MOST_LISTED) {
                if let Some(sentence) = doc.sentences.get(s) {
                    let _ = writeln!(out, "  - {}", cell(&sentence.text));
                }
            }
        }
        out.push('\n');
    }
    if !comparison.quote_groups.is_empty() {
        out.push_str("## The same quote in several sources\n\n");
        for group in &comparison.quote_groups {
            for (i, member) in group.members.iter().enumerate() {
                let Some(quote) = docs
                    .get(member.doc)
                    .and_then(|d| d.quotes.get(member.quote))
                else {
                    continue;
                };
                let _ = writeln!(
                    out,
                    "{} [{}] {}: {}",
                    if i == 0 { "-" } else { "  -" },
                    member.doc,
                    cell(quote.speaker.as_deref().unwrap_or("?")),
                    cell(&quote.span.text)
                );
            }
        }
        out.push('\n');
    }
    if !comparison.variants.is_empty() {
        out.push_str("## Names spelled differently\n\n");
        for variant in &comparison.variants {
            let forms: Vec<String> = variant
                .forms
                .iter()
                .map(|f| format!("{} {}", cell(&f.form), doc_list(&f.docs)))
                .collect();
            let _ = writeln!(out, "- {}: {}", cell(&variant.canonical), forms.join(", "));
        }
        out.push('\n');
    }
    if comparison
        .framing
        .iter()
        .any(|f| !f.verbs.is_empty() || f.headline_verb.is_some())
    {
        out.push_str("## Framing\n\n| source | headline verb | attribution verbs | hedges | most quoted |\n|---|---|---|---|---|\n");
        for framing in &comparison.framing {
            let verbs: Vec<String> = framing
                .verbs
                .iter()
                .map(|v| match &v.side {
                    Some(side) => format!("{} ×{} ({side})", v.lemma, v.count),
                    None => format!("{} ×{}", v.lemma, v.count),
                })
                .collect();
            let hedges: Vec<&str> = framing.hedges.iter().map(|h| h.phrase.as_str()).collect();
            let voices: Vec<String> = framing
                .voices
                .iter()
                .take(MOST_LISTED)
                .map(|v| format!("{} ({})", v.speaker, v.quotes))
                .collect();
            let _ = writeln!(
                out,
                "| [{}] | {} | {} | {} | {} |",
                framing.doc,
                cell(framing.headline_verb.as_deref().unwrap_or("")),
                cell(&verbs.join(", ")),
                cell(&hedges.join(", ")),
                cell(&voices.join(", "))
            );
        }
        out.push('\n');
    }
    if !comparison.reuse.is_empty() {
        out.push_str("## Verbatim reuse\n\n| documents | shared 5-grams |\n|---|---|\n");
        for pair in &comparison.reuse {
            let _ = writeln!(
                out,
                "| [{}] – [{}] | {:.0} %{} |",
                pair.docs[0],
                pair.docs[1],
                pair.share * 100.0,
                if pair.copy { " (largely copies)" } else { "" }
            );
        }
        out.push('\n');
    }
    if !comparison.statements.is_empty() {
        out.push_str("## Shared statements\n\n");
        for (k, statement) in comparison.statements.iter().enumerate() {
            let _ = writeln!(out, "- {} {}", doc_list(&statement.docs), statement_text(k));
        }
    }
}

/// Listed per source at most, so one long article does not drown the summary.
const MOST_LISTED: usize = 5;

fn doc_list(docs: &[usize]) -> String {
    docs.iter()
        .map(|d| format!("[{d}]"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text made safe for one Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
