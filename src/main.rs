//! `parallax`: the command line around the library.

use std::io::{Read, Write};
use std::process::ExitCode;

use parallax::{analyze, markdown, Input, Options};

mod batch;

const USAGE: &str = "usage:
  parallax analyze [--date YYYY-MM-DD] [--corrections FILE.json] [--format json|markdown] FILE...   ('-' reads standard input)
  parallax batch --task boilerplate|quotes|quantities|dates|html|paraphrase < lines.jsonl (one {\"id\", \"text\"} per line; html: {\"id\", \"html\"}; paraphrase: {\"id\", \"s1\", \"s2\"})
  parallax batch [--max-articles N] [--max-story-bytes B] [--budget B] [FILE|-]   (one {\"id\", \"story\", \"text\", \"outlet\"?, \"date\"?} per line in; one {\"story\", \"part\", \"report\"} per story out)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => run_analyze(&args[1..]),
        Some("batch") => run_batch(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error("expected a command"),
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("parallax: {message}\n{USAGE}");
    ExitCode::from(2)
}

/// The reader's corrections as the page exports them (`corrections` in its
/// JSON export, or the object alone).
fn read_corrections(file: &str) -> Result<parallax::corrections::Corrections, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{file}: not JSON: {e}"))?;
    let value = value.get("corrections").cloned().unwrap_or(value);
    serde_json::from_value(value).map_err(|e| format!("{file}: not corrections: {e}"))
}

fn run_analyze(args: &[String]) -> ExitCode {
    let mut options = Options::default();
    let mut markdown_output = false;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--date" => match rest.next() {
                Some(date) if is_iso_date(date) => options.default_date = Some(date.clone()),
                _ => return usage_error("--date takes a date as YYYY-MM-DD"),
            },
            "--corrections" => match rest.next().map(|file| read_corrections(file)) {
                Some(Ok(corrections)) => options.corrections = corrections,
                Some(Err(why)) => return usage_error(&why),
                None => return usage_error("--corrections takes a JSON file"),
            },
            "--format" => match rest.next().map(String::as_str) {
                Some("json") => markdown_output = false,
                Some("markdown") => markdown_output = true,
                _ => return usage_error("--format takes json or markdown"),
            },
            flag if flag.starts_with("--") => {
                return usage_error(&format!("unknown option {flag}"))
            }
            file => files.push(file.to_string()),
        }
    }
    if files.is_empty() {
        return usage_error("no input files");
    }
    let mut inputs = Vec::new();
    let mut unreadable = Vec::new();
    for file in &files {
        match read_input(file) {
            Ok(bytes) => inputs.push(Input {
                name: file.clone(),
                bytes,
                ..Default::default()
            }),
            Err(error) => unreadable.push(format!("{file}: {error}")),
        }
    }
    let report = analyze(&inputs, &options);
    for message in unreadable
        .iter()
        .chain(report.errors.iter().map(|e| &e.message))
    {
        eprintln!("parallax: {message}");
    }
    let output = if markdown_output {
        markdown::render(&report)
    } else {
        serde_json::to_string_pretty(&report).expect("the report always serializes") + "\n"
    };
    if std::io::stdout().write_all(output.as_bytes()).is_err() {
        return ExitCode::from(1);
    }
    if unreadable.is_empty() && report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn read_input(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && parts[2].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Reads one `{"id", "text", …}` record a line and prints one prediction
/// line for the scorers under `../shared/eval`.
fn run_batch(args: &[String]) -> ExitCode {
    // Without --task: a corpus, one report per story (src/batch.rs).
    if !args.iter().any(|a| a == "--task") {
        return batch::run(args).unwrap_or_else(|message| usage_error(&message));
    }
    let task = match args {
        [flag, task] if flag == "--task" && BATCH_TASKS.contains(&task.as_str()) => task.as_str(),
        _ => {
            return usage_error(
                "batch takes --task boilerplate|quotes|quantities|dates|html|paraphrase|entities",
            )
        }
    };
    if task == "entities" {
        return entities_by_story();
    }
    let dates = parallax::extract::dates::DateFinder::new();
    let quantities =
        parallax::extract::quantities::QuantityFinder::new(parallax::lexicon::Lexicon::shared());
    for_each_record(|record| {
        let id = record["id"].clone();
        let text = record["text"].as_str().unwrap_or_default();
        match task {
            "dates" => {
                let anchor = record["dct"]
                    .as_str()
                    .and_then(parallax::extract::dates::Anchor::parse);
                serde_json::json!({"id": id, "timexes": dates_of_whole_text(&dates, text, anchor)})
            }
            "quantities" => {
                serde_json::json!({"id": id, "quantities": quantities_of_whole_text(&quantities, text)})
            }
            "html" => page_prediction(id, record),
            "paraphrase" => paraphrase_prediction(id, record),
            _ => analyzed_prediction(task, id, text),
        }
    })
}

const BATCH_TASKS: &[&str] = &[
    "boilerplate",
    "quotes",
    "quantities",
    "dates",
    "html",
    "paraphrase",
    "entities",
];

/// Entities with their canonical names, as ../shared/eval/score_entities.py
/// reads them: the articles of each story (`story`, or `topic`) analyzed
/// together, so that a canonical name is one across them.
fn entities_by_story() -> ExitCode {
    let mut stories: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
    for (number, line) in std::io::stdin().lines().enumerate() {
        let Ok(record) = line.map(|l| serde_json::from_str::<serde_json::Value>(&l)) else {
            return ExitCode::from(1);
        };
        let Ok(record) = record else {
            eprintln!("parallax: line {}: not JSON", number + 1);
            return ExitCode::from(1);
        };
        let story = record["story"]
            .as_str()
            .or(record["topic"].as_str())
            .unwrap_or_default()
            .to_string();
        match stories.iter_mut().find(|(s, _)| *s == story) {
            Some((_, records)) => records.push(record),
            None => stories.push((story, vec![record])),
        }
    }
    let mut stdout = std::io::stdout().lock();
    for (_, records) in stories {
        let texts: Vec<&str> = records
            .iter()
            .map(|r| r["text"].as_str().unwrap_or_default())
            .collect();
        let inputs: Vec<Input> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| Input::from_text(format!("{i}.txt"), text))
            .collect();
        let report = analyze(&inputs, &Options::default());
        for doc in &report.documents {
            let index: usize = doc
                .name
                .trim_end_matches(".txt")
                .parse()
                .unwrap_or_default();
            let original = parallax::text::normalize::original_offsets(texts[index], &doc.text);
            let entities: Vec<_> = doc
                .entities
                .iter()
                .map(|e| {
                    let (start, end) = given_offsets(&original, &e.span);
                    serde_json::json!({
                        "start": start,
                        "end": end,
                        "type": e.entity_type,
                        "canonical": e.canonical,
                        "text": e.span.text,
                    })
                })
                .collect();
            let line = serde_json::json!({"id": records[index]["id"], "entities": entities});
            if writeln!(stdout, "{line}").is_err() {
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

/// A sentence pair (`{"id", "s1", "s2"}`) as two one-sentence documents
/// through the whole comparison, as ../shared/eval/score_paraphrase.py reads
/// it: `same` when one statement holds a whole sentence of each. `score` and
/// `features` are the model's, for scripts/paraphrase_fit.py.
fn paraphrase_prediction(id: serde_json::Value, record: &serde_json::Value) -> serde_json::Value {
    use parallax::compare::similarity;
    let inputs: Vec<Input> = ["s1", "s2"]
        .iter()
        .map(|field| Input {
            name: format!("{field}.txt"),
            bytes: record[field]
                .as_str()
                .unwrap_or_default()
                .as_bytes()
                .to_vec(),
            ..Default::default()
        })
        .collect();
    let report = analyze(&inputs, &Options::default());
    let whole = |doc: usize, span: &parallax::report::Span| {
        report.documents[doc]
            .sentences
            .iter()
            .any(|s| s.start == span.start && s.end == span.end)
    };
    let same = report.documents.len() == 2
        && report.comparison.statements.iter().any(|st| {
            (0..2).all(|doc| {
                st.support
                    .iter()
                    .any(|s| s.doc == doc && whole(doc, &s.span))
            })
        });
    let lexicon = parallax::lexicon::Lexicon::shared();
    // Names as the comparison reads them: each spelling as its canonical name.
    let canonical = similarity::canonical_words(report.documents.iter().flat_map(|d| &d.entities));
    let profiler = similarity::Profiler::new(&lexicon.stopwords).with_canonical(&canonical);
    let body = |doc: Option<&parallax::report::Document>| {
        let sentences: Vec<&str> = doc
            .map(|d| d.sentences.iter().map(|s| s.text.as_str()).collect())
            .unwrap_or_default();
        profiler.profile(&sentences.join(" "))
    };
    let (a, b) = (
        body(report.documents.first()),
        body(report.documents.get(1)),
    );
    serde_json::json!({
        "id": id,
        "same": same,
        "score": similarity::score(&a, &b),
        "features": similarity::features(&a, &b),
    })
}

/// The tasks scored on the kept text and the facts need nothing else.
fn text_only() -> Options {
    Options {
        text_only: true,
        ..Options::default()
    }
}

/// A saved page (`{"id", "html"}`) or copied text (`{"id", "text"}`) as
/// ../shared/eval/score_html.py reads it: the kept text and the facts.
fn page_prediction(id: serde_json::Value, record: &serde_json::Value) -> serde_json::Value {
    let (name, bytes) = match record["html"].as_str() {
        Some(html) => ("page.html", html),
        None => ("page.txt", record["text"].as_str().unwrap_or_default()),
    };
    let report = analyze(&[Input::from_text(name, bytes)], &text_only());
    match report.documents.first() {
        Some(doc) => serde_json::json!({
            "id": id,
            // The headline is reported as the title, not as article text.
            "text": without_headline(&kept_text(doc), doc.title.as_deref()),
            "title": doc.title,
            "byline": doc.byline,
            "date": doc.date,
        }),
        None => serde_json::json!({"id": id, "text": ""}),
    }
}

/// The kept text without its first line when that line is the headline.
fn without_headline(kept: &str, title: Option<&str>) -> String {
    match (kept.split_once('\n'), title) {
        (Some((first, rest)), Some(title)) if first.trim() == title.trim() => rest.to_string(),
        _ => kept.to_string(),
    }
}

/// Runs `predict` over each JSON line of standard input and prints its answers.
fn for_each_record(mut predict: impl FnMut(&serde_json::Value) -> serde_json::Value) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    for (number, line) in std::io::stdin().lines().enumerate() {
        let Ok(line) = line else {
            return ExitCode::from(1);
        };
        let Ok(record) = serde_json::from_str::<serde_json::Value>(&line) else {
            eprintln!("parallax: line {}: not JSON", number + 1);
            return ExitCode::from(1);
        };
        if writeln!(stdout, "{}", predict(&record)).is_err() {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// A span's code-point offsets in the text as given, from `original_offsets`
/// of the normalized text: the scorers index what they gave us.
fn given_offsets(original: &[usize], span: &parallax::report::Span) -> (usize, usize) {
    (original[span.start], original[span.end - 1] + 1)
}

/// The whole analysis of one text, reported as the boilerplate or quote scorer reads it.
fn analyzed_prediction(task: &str, id: serde_json::Value, text: &str) -> serde_json::Value {
    let options = match task {
        "boilerplate" => text_only(),
        _ => Options::default(),
    };
    let report = analyze(&[Input::from_text("batch.txt", text)], &options);
    let Some(doc) = report.documents.first() else {
        return serde_json::json!({"id": id, "kept": "", "quotes": []});
    };
    if task == "boilerplate" {
        return serde_json::json!({"id": id, "kept": kept_text(doc)});
    }
    // Scorers index the text they gave us, not our normalized copy.
    let original = parallax::text::normalize::original_offsets(text, &doc.text);
    // The scorers' gold has quotes only: reported speech is left out.
    let quotes: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.kind != parallax::report::QuoteKind::Indirect)
        .map(|q| {
            let (start, end) = given_offsets(&original, &q.span);
            serde_json::json!({
                "start": start,
                "end": end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_start": q.speaker_span.as_ref().map(|s| original[s.start]),
                "speaker_end": q.speaker_span.as_ref().map(|s| original[s.end - 1] + 1),
            })
        })
        .collect();
    serde_json::json!({"id": id, "quotes": quotes})
}

/// The quantity extractor over every line of a text, boilerplate or not: it
/// is the extractor that is measured, with offsets into the text as given.
fn quantities_of_whole_text(
    finder: &parallax::extract::quantities::QuantityFinder,
    text: &str,
) -> Vec<serde_json::Value> {
    let Ok(decoded) = parallax::text::decode::decode("batch.txt", text.as_bytes()) else {
        return Vec::new();
    };
    let normalized = &decoded.text;
    let blocks = parallax::text::segment::blocks(normalized);
    let offsets = parallax::text::offsets::CharOffsets::new(normalized);
    let original = parallax::text::normalize::original_offsets(text, normalized);
    finder
        .find(normalized, &blocks)
        .into_iter()
        .map(|q| {
            let span = offsets.span(q.range.start, q.range.end);
            serde_json::json!({
                "start": original[span.start],
                "end": original[span.end - 1] + 1,
                "value": q.value,
                "range_end": q.range_end,
                "unit": q.unit,
                "kind": q.kind,
                "approx": q.approx,
            })
        })
        .collect()
}

/// The date finder over the whole text (boilerplate or not: it is the
/// extractor that is measured), code point offsets into the text as given.
fn dates_of_whole_text(
    finder: &parallax::extract::dates::DateFinder,
    text: &str,
    anchor: Option<parallax::extract::dates::Anchor>,
) -> Vec<serde_json::Value> {
    let offsets = parallax::text::offsets::CharOffsets::new(text);
    finder
        .find(text, anchor)
        .into_iter()
        .map(|d| {
            let span = offsets.span(d.range.start, d.range.end);
            serde_json::json!({"start": span.start, "end": span.end, "type": d.kind, "value": d.value})
        })
        .collect()
}

/// The document's lines that are not boilerplate, one per line.
fn kept_text(doc: &parallax::report::Document) -> String {
    let dropped: std::collections::HashSet<usize> =
        doc.boilerplate.iter().map(|b| b.span.start).collect();
    let mut start = 0;
    let mut kept = Vec::new();
    for line in doc.text.split('\n') {
        let length = line.chars().count();
        if !line.trim().is_empty()
            && !dropped.contains(&(start + line.chars().take_while(|c| c.is_whitespace()).count()))
        {
            kept.push(line.trim());
        }
        start += length + 1;
    }
    kept.join("\n")
}
