//! Parallax: compare news articles about one event.
//!
//! [`analyze`] is a pure function from input files to a [`report::Report`]:
//! decode and segment each text, set boilerplate apart, extract facts and
//! quotes, then compare the documents. The CLI and the wasm adapter are thin
//! shells around it.

/// A data file of `src/lexicon`, compiled in as `build.rs` leaves it: without
/// its comment and blank lines.
macro_rules! lexicon_file {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/lexicon/", $name))
    };
}

pub mod compare;
pub mod corrections;
pub mod extract;
#[cfg(not(target_arch = "wasm32"))]
pub mod invariants;
pub mod lexicon;
pub mod limits;
pub mod markdown;
pub mod report;
mod sort;
pub mod text;
mod union_find;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use extract::boilerplate::Detector;
use extract::dates::{Anchor, DateFinder};
use extract::entities::EntityFinder;
use extract::metadata::FactFinder;
use extract::quantities::QuantityFinder;
use extract::quotes::QuoteFinder;
use lexicon::Lexicon;
use report::{
    Boilerplate, BoilerplateReason, Document, InputError, Quantity, Quote, Report, REPORT_VERSION,
};
use text::decode::Decoded;
use text::offsets::CharOffsets;
use text::segment;

/// One dropped file or pasted text.
#[derive(Debug, Clone, Default)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
    /// Line numbers (0-based, in the decoded text) whose article/boilerplate
    /// decision the reader flipped in the page.
    pub flipped_lines: Vec<usize>,
}

impl Input {
    /// An article already held as text, as the batch, the benchmarks and
    /// the tests give them; nothing flipped.
    pub fn from_text(name: impl Into<String>, text: &str) -> Input {
        Input {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication date (ISO 8601) to assume where a document states none.
    pub default_date: Option<String>,
    /// What the reader corrected in the page (facts, names, speakers).
    pub corrections: corrections::Corrections,
    /// Each document's text, boilerplate and facts (title, outlet, byline,
    /// date) only: no quotes, names, dates, numbers or comparison (so no
    /// paragraph is set apart as off-topic). For the batch tasks scored on
    /// the text alone, and timed beside extractors that do only that.
    pub text_only: bool,
}

/// How far an analysis has got, for a progress bar: `done` of `total` steps
/// of `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Analyzing,
    Comparing,
}

impl Stage {
    pub fn describe(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Analyzing => "analyzing",
            Stage::Comparing => "comparing",
        }
    }
}

/// Analyzes every input and compares those that could be read; the others are
/// listed in `errors` with a message naming them.
pub fn analyze(inputs: &[Input], options: &Options) -> Report {
    analyze_with_progress(inputs, options, &mut |_| {})
}

/// [`analyze`], telling `progress` after each document and before the
/// comparison: the page shows it, the report is the same.
pub fn analyze_with_progress(
    inputs: &[Input],
    options: &Options,
    progress: &mut dyn FnMut(Progress),
) -> Report {
    // Patterns compile once per process: batch runs call this thousands of times.
    static PIPELINE: LazyLock<Pipeline<'static>> =
        LazyLock::new(|| Pipeline::new(Lexicon::shared()));
    let pipeline = &*PIPELINE;
    let lexicon = pipeline.lexicon;
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    let (mut total_bytes, mut total_text) = (0, 0);
    for (index, input) in inputs.iter().enumerate() {
        progress(Progress {
            stage: Stage::Reading,
            done: index,
            total: inputs.len(),
        });
        total_bytes += input.bytes.len();
        if let Some(why) = over_limit(index, total_bytes) {
            errors.push(InputError {
                name: base_name(&input.name),
                message: format!("{}: not analyzed: {why}", base_name(&input.name)),
            });
            continue;
        }
        match text::decode::decode(&input.name, &input.bytes) {
            Ok(decoded) if total_text + decoded.text.len() > limits::MAX_TOTAL_TEXT_BYTES => errors
                .push(InputError {
                    name: base_name(&input.name),
                    message: format!(
                        "{}: not analyzed: the texts together pass {}, the most analyzed at once",
                        base_name(&input.name),
                        limits::megabytes(limits::MAX_TOTAL_TEXT_BYTES)
                    ),
                }),
            Ok(decoded) => {
                total_text += decoded.text.len();
                texts.push((base_name(&input.name), decoded, &input.flipped_lines))
            }
            Err(error) => errors.push(InputError {
                name: base_name(&input.name),
                message: error.0,
            }),
        }
    }
    let blocks: Vec<_> = texts
        .iter()
        .map(|(_, decoded, _)| segment::blocks(&decoded.text))
        .collect();
    let decoded: Vec<&str> = texts.iter().map(|(_, d, _)| d.text.as_str()).collect();
    let shared = extract::boilerplate::lines_in_several(&decoded, &blocks);
    let mut documents: Vec<Document> = Vec::with_capacity(texts.len());
    let total = texts.len();
    for (done, ((name, decoded, flipped), ranges)) in texts.into_iter().zip(&blocks).enumerate() {
        progress(Progress {
            stage: Stage::Analyzing,
            done,
            total,
        });
        let analyzed = isolated(|| {
            pipeline.document(name.clone(), decoded, ranges, flipped, &shared, options)
        });
        match analyzed {
            Ok(document) => documents.push(document),
            Err(why) => errors.push(InputError {
                message: format!("{name}: could not be analyzed: internal error ({why})"),
                name,
            }),
        }
    }
    // One canonical name per thing across the documents, before they are compared.
    if let Err(why) =
        isolated(|| extract::entities::link::across_documents(&mut documents, lexicon))
    {
        errors.push(InputError {
            name: String::new(),
            message: format!("names could not be linked across documents: internal error ({why})"),
        });
    }
    errors.extend(options.corrections.apply(&mut documents));
    progress(Progress {
        stage: Stage::Comparing,
        done: 0,
        total: 1,
    });
    let comparison = if options.text_only {
        report::Comparison::default()
    } else {
        compare_all(&mut documents, lexicon, &mut errors)
    };
    Report {
        version: REPORT_VERSION,
        documents,
        errors,
        comparison,
    }
}

/// The comparison of the documents, with off-topic paragraphs set apart
/// first; a failure is listed in `errors` and leaves the comparison empty.
fn compare_all(
    documents: &mut [Document],
    lexicon: &Lexicon,
    errors: &mut Vec<InputError>,
) -> report::Comparison {
    let compared = isolated(|| compare::compare(documents, &lexicon.stopwords));
    // Paragraphs at a document's end that share nothing with the others (an
    // appended unrelated story) go back to boilerplate, and the documents are
    // compared again. Only with 3+ documents: with two, what one carries alone
    // is as likely the other's omission (see compare::off_topic).
    let compared = match compared {
        Ok(comparison) if documents.len() >= compare::off_topic::MIN_DOCUMENTS => {
            let found =
                isolated(|| compare::off_topic::find(documents, &comparison, &lexicon.stopwords));
            match found {
                Ok(ranges) if compare::off_topic::apply(documents, &ranges) => {
                    isolated(|| compare::compare(documents, &lexicon.stopwords))
                }
                _ => Ok(comparison),
            }
        }
        other => other,
    };
    compared.unwrap_or_else(|why| {
        errors.push(InputError {
            name: String::new(),
            message: format!("the documents could not be compared: internal error ({why})"),
        });
        report::Comparison::default()
    })
}

struct Pipeline<'a> {
    lexicon: &'a Lexicon,
    detector: Detector<'a>,
    facts: FactFinder<'a>,
    quotes: QuoteFinder<'a>,
    entities: EntityFinder<'a>,
    dates: DateFinder,
    quantities: QuantityFinder<'a>,
}

impl<'a> Pipeline<'a> {
    fn new(lexicon: &'a Lexicon) -> Self {
        Pipeline {
            lexicon,
            detector: Detector::new(lexicon),
            facts: FactFinder::new(lexicon),
            quotes: QuoteFinder::new(lexicon),
            entities: EntityFinder::new(lexicon),
            dates: DateFinder::new(),
            quantities: QuantityFinder::new(lexicon),
        }
    }

    fn document(
        &self,
        name: String,
        decoded: Decoded,
        ranges: &[std::ops::Range<usize>],
        flipped_lines: &[usize],
        shared: &HashSet<String>,
        options: &Options,
    ) -> Document {
        let Decoded { text, page } = decoded;
        #[cfg(all(debug_assertions, not(fuzzing)))]
        if text.contains(PANIC_MARKER) {
            panic!("forced by the test marker");
        }
        let page = page.unwrap_or_default();
        // A saved page's structure reader has judged its lines already.
        let mut classified = page
            .reader
            .as_ref()
            .and_then(|reader| self.detector.classify_page(&text, ranges, reader))
            .unwrap_or_else(|| self.detector.classify(&text, ranges, shared));
        apply_reader_flips(&text, &mut classified, flipped_lines);
        let blocks = &classified.blocks;
        // The headline is shown as the title, not counted as a statement.
        let body: Vec<_> = blocks
            .iter()
            .enumerate()
            .filter(|&(i, b)| b.is_article() && Some(i) != classified.title)
            .map(|(_, b)| b.range.clone())
            .collect();
        let sentences: Vec<_> = body
            .iter()
            .flat_map(|b| segment::sentences(&text, b.clone(), &self.lexicon.abbreviations))
            .collect();
        let facts = self.facts.find(
            &text,
            blocks,
            classified.title,
            options.default_date.as_deref(),
        );
        let (entities, quotes, dates, quantities) = if options.text_only {
            Default::default()
        } else {
            // Names are read in the headline and in captions too: they name who
            // and what the article is about, where menus and credits name nothing of it.
            let captions = blocks
                .iter()
                .filter(|b| b.boilerplate == Some(BoilerplateReason::Caption));
            let units: Vec<_> = classified
                .title
                .map(|t| blocks[t].range.clone())
                .into_iter()
                .chain(sentences.iter().cloned())
                .chain(captions.flat_map(|b| {
                    segment::sentences(&text, b.range.clone(), &self.lexicon.abbreviations)
                }))
                .collect();
            let mut entities = self.entities.find(&text, &units);
            if let Some(place) = &facts.dateline_place {
                extract::entities::dateline_names_a_place(&mut entities, &text, place);
            }
            // Headlines quote too (`Mayor Calls Plan ‘A Disaster’`).
            let headline = classified.title.map(|t| blocks[t].range.clone());
            // In text order: a kept line may come before the headline.
            let in_order = |rest: &[std::ops::Range<usize>]| {
                let mut all: Vec<_> = headline.iter().chain(rest).cloned().collect();
                all.sort_unstable_by_key(|r| r.start);
                all
            };
            let quoted_blocks = in_order(&body);
            let quoted_sentences = in_order(&sentences);
            let quotes = self
                .quotes
                .find(&text, &quoted_blocks, &quoted_sentences, &entities);
            // Relative dates count from the document's own date (the reader's
            // first), else the one assumed.
            let anchor = [
                options
                    .corrections
                    .facts_of(&name)
                    .and_then(|f| f.date.as_deref()),
                page.published.as_deref(),
                facts.date.as_deref(),
                options.default_date.as_deref(),
            ]
            .into_iter()
            .flatten()
            .find_map(Anchor::parse);
            let dates = self.dates.find_in(&text, &body, anchor);
            let quantities = self.quantities.find(&text, &body);
            (entities, quotes, dates, quantities)
        };
        let offsets = CharOffsets::new(&text);
        Document {
            name,
            // A saved page's metadata knows its title, author, site and full date best.
            title: page.title.or_else(|| {
                classified
                    .title
                    .map(|t| text[blocks[t].range.clone()].to_string())
            }),
            outlet: facts.outlet.or(page.site_name),
            byline: page.byline.or(facts.byline),
            date: page.published.or(facts.date),
            updated: page.updated,
            dateline_place: facts.dateline_place,
            boilerplate: blocks
                .iter()
                .filter_map(|b| {
                    b.boilerplate.map(|reason| Boilerplate {
                        span: offsets.span(b.range.start, b.range.end),
                        reason,
                    })
                })
                .collect(),
            sentences: sentences
                .iter()
                .map(|s| offsets.span(s.start, s.end))
                .collect(),
            quotes: quotes
                .into_iter()
                .map(|q| Quote {
                    span: offsets.span(q.range.start, q.range.end),
                    kind: q.kind,
                    speaker: q.speaker,
                    speaker_span: q.speaker_range.map(|r| offsets.span(r.start, r.end)),
                    speaker_role: q.role,
                    cue: q.cue,
                })
                .collect(),
            entities: entities
                .into_iter()
                .map(|e| report::Entity {
                    span: offsets.span(e.range.start, e.range.end),
                    entity_type: e.kind,
                    canonical: e.canonical,
                })
                .collect(),
            quantities: quantities
                .into_iter()
                .map(|q| Quantity {
                    span: offsets.span(q.range.start, q.range.end),
                    value: q.value,
                    unit: q.unit,
                    approx: q.approx,
                    kind: q.kind,
                    range_end: q.range_end,
                    base_value: q.base_value,
                    min: q.min,
                    max: q.max,
                    counted: q.counted,
                    event: q.event,
                    conversion_of: q.conversion_of,
                })
                .collect(),
            dates: dates
                .into_iter()
                .map(|d| report::DateMention {
                    span: offsets.span(d.range.start, d.range.end),
                    kind: d.kind,
                    value: d.value,
                })
                .collect(),
            text: text.clone(),
        }
    }
}

/// Why the input at `index` (with `total_bytes` read up to and including it)
/// is past the limits of one analysis.
fn over_limit(index: usize, total_bytes: usize) -> Option<String> {
    use limits::{megabytes, MAX_DOCUMENTS, MAX_TOTAL_BYTES};
    if index >= MAX_DOCUMENTS {
        return Some(format!(
            "at most {MAX_DOCUMENTS} documents are analyzed at once"
        ));
    }
    (total_bytes > MAX_TOTAL_BYTES).then(|| {
        format!(
            "the documents together pass {}, the most analyzed at once",
            megabytes(MAX_TOTAL_BYTES)
        )
    })
}

/// Runs one unit of work so that a bug in it costs only that unit: natively a
/// panic becomes its message. (In wasm a panic aborts the module; the worker
/// re-instantiates it and isolates the failing document itself.)
fn isolated<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .map_err(|payload| panic_text(&*payload))
}

/// A panic's message, whichever way it was raised (`panic!("…")` or with a format).
pub(crate) fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// Debug builds panic on a document carrying this marker, so tests can prove
/// that one failing document leaves the others intact; release builds never
/// do, nor fuzz builds (which keep debug assertions, and find the marker).
#[cfg(all(debug_assertions, not(fuzzing)))]
pub const PANIC_MARKER: &str = "PARALLAX-TEST-PANIC";

/// The reader's word is final: a flipped line becomes article text or is set apart.
fn apply_reader_flips(
    text: &str,
    classified: &mut extract::boilerplate::Classified,
    flipped_lines: &[usize],
) {
    if flipped_lines.is_empty() {
        return;
    }
    let mut line = 0;
    let mut counted_to = 0;
    for (index, block) in classified.blocks.iter_mut().enumerate() {
        line += text[counted_to..block.range.start].matches('\n').count();
        counted_to = block.range.start;
        if flipped_lines.contains(&line) {
            block.boilerplate = match block.boilerplate {
                Some(_) => None,
                None => Some(report::BoilerplateReason::Reader),
            };
            if classified.title == Some(index) {
                classified.title = None;
            }
        }
    }
}

/// The file's base name, whichever separator the path uses.
fn base_name(path: &str) -> String {
    path.rsplit(['/', '\\']).next().unwrap_or(path).to_string()
}
