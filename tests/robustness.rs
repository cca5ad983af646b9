//! Nothing a reader drops crashes the analysis or costs them another article.
//! Each case of the bad-input matrix has a defined outcome (analyzed, or a
//! message naming the file) within a time bound, and leaves the good articles
//! beside it analyzed; every crash the fuzzer found stays here as a case.

mod common;

use std::time::{Duration, Instant};

use common::{assert_spans_match, files, project_path};
use parallax::limits::{MAX_DOCUMENTS, MAX_FILE_BYTES, MAX_LINE_BYTES};
use parallax::report::Report;
use parallax::{analyze, Input, Options};

/// A short article of our own, with a quote, so that a good document always
/// has something to find.
fn good(n: usize) -> Input {
    let text = format!(
        "Harbour ferry strike enters day {n}\n\nBy Ada Quill\n\n\
         Ferry crews in Vellmar stayed off work for a {n}th day on Tuesday, the union said.\n\n\
         “We will not sail until the rota is fixed,” said union leader Tom Brell. \
         The operator said 40 crossings were cancelled.\n"
    );
    input(&format!("good-{n}.txt"), text.into_bytes())
}

fn input(name: &str, bytes: Vec<u8>) -> Input {
    Input {
        name: name.to_string(),
        bytes,
        ..Default::default()
    }
}

/// Analyzes the inputs within `limit`, checks the report's promises, and
/// returns it.
fn analyze_within(inputs: &[Input], limit: Duration) -> Report {
    let started = Instant::now();
    let report = analyze(inputs, &Options::default());
    let took = started.elapsed();
    assert!(took < limit, "took {took:?}, more than {limit:?}");
    assert_spans_match(&report);
    report
}

/// Generous: these are unoptimized builds on a machine that may be busy; a
/// hang or a quadratic pass over these inputs takes many minutes.
const QUICK: Duration = Duration::from_secs(90);

/// `bad` beside two good articles: the good ones are analyzed, and `bad`
/// is either analyzed too or named in an error whose message contains `why`.
fn beside_good(bad: Input, why: Option<&str>) -> Report {
    let name = bad.name.clone();
    let report = analyze_within(&[good(1), bad, good(2)], QUICK);
    let names: Vec<&str> = report.documents.iter().map(|d| d.name.as_str()).collect();
    assert!(
        names.contains(&"good-1.txt") && names.contains(&"good-2.txt"),
        "{names:?}"
    );
    assert!(report.documents.iter().all(|d| !d.text.is_empty()));
    match why {
        Some(why) => {
            let error = report.errors.iter().find(|e| e.name == name);
            let error = error.unwrap_or_else(|| panic!("{name}: no error in {:?}", report.errors));
            assert!(error.message.starts_with(&name), "{}", error.message);
            assert!(error.message.contains(why), "{}", error.message);
        }
        None => {
            assert!(
                names.contains(&name.as_str()),
                "{name} not analyzed: {:?}",
                report.errors
            );
            assert!(report.errors.is_empty(), "{:?}", report.errors);
        }
    }
    report
}

fn text_of<'r>(report: &'r Report, name: &str) -> &'r str {
    &report
        .documents
        .iter()
        .find(|d| d.name == name)
        .unwrap()
        .text
}

#[test]
fn empty_and_blank_files_are_named() {
    beside_good(input("empty.txt", Vec::new()), Some("no text"));
    beside_good(
        input("blank.txt", b" \n\t\r\n  \n".to_vec()),
        Some("no text"),
    );
    beside_good(
        input("invisible.txt", "\u{200B}\u{FEFF}\u{2060}".into()),
        Some("no text"),
    );
}

#[test]
fn one_document_alone_is_analyzed() {
    let report = analyze_within(&[good(1)], QUICK);
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0].quotes.len(), 1);
    assert!(report.comparison.reuse.is_empty());
}

#[test]
fn three_hundred_documents_are_analyzed() {
    let inputs: Vec<Input> = (0..300).map(good).collect();
    let report = analyze_within(&inputs, Duration::from_secs(60));
    assert_eq!(report.documents.len(), 300);
}

#[test]
fn documents_past_the_count_limit_are_named() {
    let inputs: Vec<Input> = (0..MAX_DOCUMENTS + 2)
        .map(|n| input(&format!("tiny-{n}.txt"), format!("Line {n}.").into_bytes()))
        .collect();
    let report = analyze_within(&inputs, Duration::from_secs(120));
    assert_eq!(report.documents.len(), MAX_DOCUMENTS);
    assert_eq!(report.errors.len(), 2);
    assert!(
        report.errors[0].message.contains("at most"),
        "{:?}",
        report.errors[0]
    );
}

#[test]
fn oversized_files_are_refused_by_size() {
    let paste = "A long paste of words. ".repeat(50 * 1024 * 1024 / 23);
    beside_good(input("paste.txt", paste.into_bytes()), Some("too large"));
    beside_good(
        input("line.txt", vec![b'x'; 10 * 1024 * 1024]),
        Some("too large"),
    );
}

#[test]
fn lines_past_the_limit_are_refused_and_long_lines_analyzed() {
    let too_long = vec![b'y'; MAX_LINE_BYTES + 1];
    assert!(too_long.len() < MAX_FILE_BYTES);
    beside_good(input("data.txt", too_long), Some("line 1"));
    // Long lines with words and quotes, or none: analyzed, in bounded time.
    let line = "the minister said “we will not” and ‘then’ left ".repeat(MAX_LINE_BYTES / 240);
    beside_good(input("run-on.txt", line.into_bytes()), None);
    beside_good(input("no-spaces.txt", vec![b'z'; MAX_LINE_BYTES - 1]), None);
}

#[test]
fn binary_files_are_named_by_kind() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("bundle.zip", b"PK\x03\x04\x14\0\0\0\x08\0", "ZIP"),
        ("data.bin", &[0, 1, 2, 0, 0, 3, 0, 4, 0, 0, 5, 0], "binary"),
    ];
    for (name, bytes, kind) in cases {
        beside_good(input(name, bytes.to_vec()), Some(kind));
    }
}

#[test]
fn encodings_are_decoded() {
    let sentence = "Kyïv: “Ça va,” said Zoë.";
    let le: Vec<u8> = sentence.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let le_bom = [&[0xFF, 0xFE][..], &le].concat();
    let be: Vec<u8> = sentence.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [("le.txt", le), ("le-bom.txt", le_bom), ("be.txt", be)] {
        let report = beside_good(input(name, bytes), None);
        assert_eq!(text_of(&report, name), sentence);
    }
    let report = beside_good(
        input("cp1252.txt", b"\x93Caf\xe9\x94 \x96 na\xefve".to_vec()),
        None,
    );
    assert_eq!(text_of(&report, "cp1252.txt"), "“Café” – naïve");
    // Invalid UTF-8 is read as Windows-1252 (Latin-1 for the rest), never lost.
    let report = beside_good(input("broken.txt", b"ok \xff\xfe\xc3( end".to_vec()), None);
    assert_eq!(text_of(&report, "broken.txt"), "ok ÿþÃ( end");
}

#[test]
fn line_endings_and_control_characters_are_normalized() {
    let report = beside_good(
        input("mixed.txt", b"One.\r\nTwo.\rThree.\nFour.".to_vec()),
        None,
    );
    assert_eq!(text_of(&report, "mixed.txt"), "One.\nTwo.\nThree.\nFour.");
    let report = beside_good(
        input(
            "nul.txt",
            b"A stray\0 NUL and a bell\x07 in a line of text.".to_vec(),
        ),
        None,
    );
    assert_eq!(
        text_of(&report, "nul.txt"),
        "A stray NUL and a bell in a line of text."
    );
}

#[test]
fn quote_marks_in_any_number_and_balance() {
    beside_good(input("marks.txt", "“".repeat(100_000).into_bytes()), None);
    let mixed = "He said “yes and ‘no ” she ’ “ ' \" « » „ ``x'' ".repeat(5_000);
    beside_good(input("unbalanced.txt", mixed.into_bytes()), None);
    let lines = "“Open\n‘half’ ’’ ‘‘ ” ”\n\"\n".repeat(20_000);
    beside_good(input("lines.txt", lines.into_bytes()), None);
}

#[test]
fn deeply_nested_html_is_read() {
    let deep = format!(
        "<html><body>{}<p>Deep text here. “We are deep,” she said.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let report = beside_good(input("deep.html", deep.into_bytes()), None);
    assert!(text_of(&report, "deep.html").contains("Deep text here."));
    let unclosed = format!(
        "<html><body>{}</body></html>",
        "<div><span><b>x".repeat(10_000)
    );
    beside_good(input("unclosed.html", unclosed.into_bytes()), None);
}

#[test]
fn any_script_is_analyzed() {
    let cases = [
        (
            "arabic.txt",
            "قال الوزير: «لن نتراجع» يوم الثلاثاء.\nوأضاف أن 53 شخصا أصيبوا.",
        ),
        ("hebrew.txt", "אמר השר: \"לא נוותר\" ביום שלישי."),
        ("chinese.txt", "部长说：“我们不会让步。”星期二有53人受伤。"),
        ("japanese.txt", "大臣は「譲らない」と述べた。"),
        (
            "emoji.txt",
            "Crowds 🎉👨‍👩‍👧 cheered “yes 👍🏽” as café and cafe\u{301} opened.",
        ),
        (
            "zero-width.txt",
            "Zero\u{200B}width\u{200D} joiners\u{200C} and\u{FEFF} marks “here\u{2060}”.",
        ),
        (
            "bidi.txt",
            "Mixed \u{202E}reversed\u{202C} and \u{2067}isolated\u{2069} text.",
        ),
    ];
    for (name, text) in cases {
        beside_good(input(name, text.as_bytes().to_vec()), None);
    }
}

#[test]
fn a_panicking_document_costs_only_itself() {
    // Debug builds (the tests') panic on this marker; release builds never do.
    let marked = input(
        "marked.txt",
        format!("A text. {}", parallax::PANIC_MARKER).into_bytes(),
    );
    let report = beside_good(marked, Some("could not be analyzed: internal error"));
    assert_eq!(report.documents.len(), 2);
    assert!(
        !report.comparison.reuse.is_empty(),
        "the other documents are still compared"
    );
}

/// Every input the fuzzer or a reader found crashing, kept as a file.
#[test]
fn regressions_analyze() {
    let folder = project_path("tests/regressions");
    let mut paths = files(&folder, "txt");
    paths.extend(files(&folder, "html"));
    paths.extend(files(&folder, "bin"));
    assert!(paths.len() >= 2);
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let inputs = parallax::invariants::inputs_from_bytes(&bytes);
        let report = analyze_within(&inputs, QUICK);
        let internal: Vec<_> = report
            .errors
            .iter()
            .filter(|e| e.message.contains("internal error"))
            .collect();
        assert!(internal.is_empty(), "{name}: {internal:?}");
    }
}
