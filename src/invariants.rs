//! What every report promises its readers, checked: spans lie inside their
//! document with the text they name, lists come in text order, and the
//! comparison points only at documents and quotes that exist. The fuzz
//! targets, the property tests and the real-page sweep all call this, so a
//! broken promise is found the same way wherever it shows.

use crate::report::{Report, Span};
use crate::Input;

/// One byte string as several dropped files, the way the whole-pipeline fuzz
/// target and the regression tests read their inputs: split at every `0xFF`
/// (never a byte of UTF-8), a part whose first byte is a multiple of 4 named
/// `.html`, and its first two bytes choosing lines the reader flipped.
pub fn inputs_from_bytes(data: &[u8]) -> Vec<Input> {
    data.split(|&b| b == 0xff)
        .take(8)
        .enumerate()
        .map(|(i, bytes)| Input {
            name: if bytes.first().is_some_and(|b| b % 4 == 0) {
                format!("page{i}.html")
            } else {
                format!("article{i}.txt")
            },
            bytes: bytes.to_vec(),
            flipped_lines: bytes.iter().take(2).map(|&b| usize::from(b % 16)).collect(),
        })
        .collect()
}

/// The first broken promise of `report`, if any.
pub fn check_report(report: &Report) -> Result<(), String> {
    let mut chars_of = Vec::with_capacity(report.documents.len());
    for (index, document) in report.documents.iter().enumerate() {
        let chars: Vec<char> = document.text.chars().collect();
        let at = |what: &str| format!("document {index} ({}): {what}", document.name);
        let check = |span: &Span, what: &str| {
            check_span(&chars, span).map_err(|e| at(&format!("{what}: {e}")))
        };
        for b in &document.boilerplate {
            check(&b.span, "boilerplate")?;
        }
        for s in &document.sentences {
            check(s, "sentence")?;
        }
        for q in &document.quotes {
            check(&q.span, "quote")?;
            if let Some(speaker) = &q.speaker_span {
                check(speaker, "speaker")?;
            }
        }
        for e in &document.entities {
            check(&e.span, "entity")?;
        }
        for q in &document.quantities {
            check(&q.span, "quantity")?;
        }
        for d in &document.dates {
            check(&d.span, "date")?;
        }
        in_order(document.boilerplate.iter().map(|b| &b.span))
            .map_err(|e| at(&format!("boilerplate {e}")))?;
        in_order(document.sentences.iter()).map_err(|e| at(&format!("sentences {e}")))?;
        in_order(document.quotes.iter().map(|q| &q.span))
            .map_err(|e| at(&format!("quotes {e}")))?;
        chars_of.push(chars);
    }
    let comparison = &report.comparison;
    let doc = |i: usize| {
        chars_of
            .get(i)
            .ok_or_else(|| format!("comparison names document {i} of {}", chars_of.len()))
    };
    for statement in &comparison.statements {
        for support in &statement.support {
            check_span(doc(support.doc)?, &support.span).map_err(|e| format!("statement: {e}"))?;
        }
        let mut docs: Vec<usize> = statement.support.iter().map(|s| s.doc).collect();
        docs.dedup();
        if docs != statement.docs || docs.windows(2).any(|w| w[0] >= w[1]) {
            return Err(format!(
                "statement docs {:?}, support from {docs:?}",
                statement.docs
            ));
        }
    }
    for &c in &comparison.consensus {
        if c >= comparison.statements.len() {
            return Err(format!("consensus names statement {c}"));
        }
    }
    for (i, source) in comparison.sources.iter().enumerate() {
        if source.doc != i {
            return Err(format!("sources[{i}] is about document {}", source.doc));
        }
        let sentences = report.documents[doc(source.doc).map(|_| source.doc)?]
            .sentences
            .len();
        if let Some(s) = source.alone.iter().find(|&&s| s >= sentences) {
            return Err(format!(
                "source {i} alone names sentence {s} of {sentences}"
            ));
        }
        if let Some(c) = source
            .omits
            .iter()
            .find(|c| !comparison.consensus.contains(c))
        {
            return Err(format!("source {i} omits {c}, not a consensus statement"));
        }
    }
    if !comparison.sources.is_empty() && comparison.sources.len() != report.documents.len() {
        return Err(format!(
            "{} sources for {} documents",
            comparison.sources.len(),
            report.documents.len()
        ));
    }
    for group in &comparison.quote_groups {
        for member in &group.members {
            doc(member.doc)?;
            if member.quote >= report.documents[member.doc].quotes.len() {
                return Err(format!(
                    "quote group names quote {} of document {}",
                    member.quote, member.doc
                ));
            }
        }
    }
    for reuse in &comparison.reuse {
        doc(reuse.docs[0])?;
        doc(reuse.docs[1])?;
        if !(0.0..=1.0).contains(&reuse.share) {
            return Err(format!("reuse share {} is not a fraction", reuse.share));
        }
        for &p in &reuse.passages {
            let passage = comparison
                .passages
                .get(p)
                .ok_or_else(|| format!("reuse names passage {p}"))?;
            if !reuse.docs.iter().all(|d| passage.docs.contains(d)) {
                return Err(format!(
                    "reuse {:?} names passage {p} of {:?}",
                    reuse.docs, passage.docs
                ));
            }
        }
    }
    for passage in &comparison.passages {
        for span in &passage.spans {
            check_span(doc(span.doc)?, &span.span).map_err(|e| format!("passage: {e}"))?;
        }
        let mut docs: Vec<usize> = passage.spans.iter().map(|s| s.doc).collect();
        docs.dedup();
        if docs != passage.docs || docs.len() < 2 || docs.windows(2).any(|w| w[0] >= w[1]) {
            return Err(format!(
                "passage docs {:?}, spans from {docs:?}",
                passage.docs
            ));
        }
    }
    for d in &comparison.discrepancies {
        for v in &d.values {
            doc(v.doc)?;
            if v.quantity >= report.documents[v.doc].quantities.len() {
                return Err(format!(
                    "discrepancy names quantity {} of document {}",
                    v.quantity, v.doc
                ));
            }
        }
        for v in &d.dates {
            doc(v.doc)?;
            if v.date >= report.documents[v.doc].dates.len() {
                return Err(format!(
                    "discrepancy names date {} of document {}",
                    v.date, v.doc
                ));
            }
        }
        for v in &d.speakers {
            doc(v.doc)?;
            if v.quote >= report.documents[v.doc].quotes.len() {
                return Err(format!(
                    "discrepancy names quote {} of document {}",
                    v.quote, v.doc
                ));
            }
        }
        if d.statement
            .is_some_and(|s| s >= comparison.statements.len())
            || d.quote_group
                .is_some_and(|g| g >= comparison.quote_groups.len())
        {
            return Err(format!(
                "discrepancy names statement {:?}, quote group {:?}",
                d.statement, d.quote_group
            ));
        }
    }
    if !comparison.framing.is_empty() && comparison.framing.len() != report.documents.len() {
        return Err(format!(
            "{} framings for {} documents",
            comparison.framing.len(),
            report.documents.len()
        ));
    }
    for (i, framing) in comparison.framing.iter().enumerate() {
        if framing.doc != i {
            return Err(format!("framing[{i}] is about document {}", framing.doc));
        }
        for hedge in &framing.hedges {
            check_span(doc(i)?, &hedge.span).map_err(|e| format!("hedge: {e}"))?;
        }
    }
    Ok(())
}

fn check_span(chars: &[char], span: &Span) -> Result<(), String> {
    if span.start > span.end || span.end > chars.len() {
        return Err(format!(
            "span {}..{} outside 0..{}",
            span.start,
            span.end,
            chars.len()
        ));
    }
    let covered: String = chars[span.start..span.end].iter().collect();
    if covered != span.text {
        return Err(format!(
            "span {}..{} covers {covered:?}, says {:?}",
            span.start, span.end, span.text
        ));
    }
    Ok(())
}

fn in_order<'a>(spans: impl Iterator<Item = &'a Span>) -> Result<(), String> {
    let mut previous = 0;
    for span in spans {
        if span.start < previous {
            return Err(format!("out of order at {}", span.start));
        }
        previous = span.start;
    }
    Ok(())
}
