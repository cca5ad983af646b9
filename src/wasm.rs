//! The browser adapter: converts JS values to the core's inputs and the report
//! back, nothing else. The core never sees wasm-bindgen.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Input, Options};

thread_local! {
    /// The last panic's message and place. A panic aborts the module and the
    /// trap says only `unreachable`, so the worker asks for this to name what
    /// failed; the adapter's one piece of state, as a panic hook is global anyway.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = crate::panic_text(info.payload());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(format!("{message}{place}")));
        console_error_panic_hook::hook(info);
    }));
}

/// The message of the panic that aborted the last call, if one did.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|last| last.borrow().clone())
}

/// The page's result: the report, and its Markdown summary for export.
#[derive(Serialize)]
struct Analysis<'a> {
    report: &'a crate::report::Report,
    markdown: String,
}

/// Analyzes files given as parallel lists of names and bytes; `flipped`
/// holds, per file, the line numbers whose boilerplate decision the reader
/// flipped (it may be shorter than the files); `default_date` (YYYY-MM-DD) is
/// assumed where a document states none; `corrections` (the JSON form of
/// [`crate::corrections::Corrections`], or undefined) is what else the reader
/// corrected; `progress`, if given, is called as `(stage, done, total)` as
/// the work goes on. Returns `{ report, markdown }`.
#[wasm_bindgen]
pub fn analyze(
    names: Vec<String>,
    contents: Vec<js_sys::Uint8Array>,
    flipped: Vec<js_sys::Uint32Array>,
    default_date: Option<String>,
    corrections: JsValue,
    progress: Option<js_sys::Function>,
) -> Result<JsValue, js_sys::Error> {
    let json = analyze_json(
        names,
        contents,
        flipped,
        default_date,
        corrections,
        progress,
    )?;
    // JSON text and one JSON.parse build the JS objects far faster than a
    // call into JS for every field and value, and give the CLI's very values.
    js_sys::JSON::parse(&json).map_err(|_| js_sys::Error::new("analyze: the report is not JSON"))
}

/// [`analyze`], with `{ report, markdown }` as JSON text: a worker posts the
/// text on to the page, which parses it once, where posting the objects would
/// cost a parse in the worker and a structured clone each side.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(
    names: Vec<String>,
    contents: Vec<js_sys::Uint8Array>,
    flipped: Vec<js_sys::Uint32Array>,
    default_date: Option<String>,
    corrections: JsValue,
    progress: Option<js_sys::Function>,
) -> Result<String, js_sys::Error> {
    if names.len() != contents.len() {
        return Err(js_sys::Error::new(
            "analyze: names and contents differ in length",
        ));
    }
    let inputs: Vec<Input> = names
        .into_iter()
        .zip(contents)
        .enumerate()
        .map(|(i, (name, bytes))| Input {
            name,
            bytes: bytes.to_vec(),
            flipped_lines: flipped
                .get(i)
                .map(|lines| lines.to_vec().into_iter().map(|l| l as usize).collect())
                .unwrap_or_default(),
        })
        .collect();
    let corrections = if corrections.is_undefined() || corrections.is_null() {
        Default::default()
    } else {
        serde_wasm_bindgen::from_value(corrections)
            .map_err(|error| js_sys::Error::new(&format!("analyze: corrections: {error}")))?
    };
    let options = Options {
        default_date,
        corrections,
        ..Options::default()
    };
    let mut tell = |p: crate::Progress| {
        if let Some(progress) = &progress {
            // A failing callback costs the bar, not the analysis.
            let _ = progress.call3(
                &JsValue::NULL,
                &JsValue::from_str(p.stage.describe()),
                &JsValue::from(p.done as u32),
                &JsValue::from(p.total as u32),
            );
        }
    };
    let report = crate::analyze_with_progress(&inputs, &options, &mut tell);
    let analysis = Analysis {
        markdown: crate::markdown::render(&report),
        report: &report,
    };
    serde_json::to_string(&analysis).map_err(|error| js_sys::Error::new(&error.to_string()))
}

/// Whether any input is a saved page, which the module built with the
/// `readability` feature reads with the page's structure.
#[wasm_bindgen(js_name = anyHtml)]
pub fn any_html(names: Vec<String>, contents: Vec<js_sys::Uint8Array>) -> bool {
    names
        .iter()
        .zip(&contents)
        .any(|(name, bytes)| crate::text::decode::is_html(name, &bytes.slice(0, 512).to_vec()))
}

/// Whether this module reads saved pages with their structure.
#[wasm_bindgen(js_name = readsPageStructure)]
pub fn reads_page_structure() -> bool {
    cfg!(feature = "readability")
}
