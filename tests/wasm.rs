//! The wasm adapter, run under node by wasm-bindgen-test-runner: what the
//! page receives for good and bad input.
#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("object")
}

fn length(value: &JsValue) -> u32 {
    get(value, "length").as_f64().expect("array") as u32
}

#[wasm_bindgen_test]
fn analyzes_documents_and_reports_bad_files() {
    let article = "Tide mill reopens in Orwen\n\
        The restored tide mill in Orwen opened to visitors on Saturday after six years of repairs.\n\
        “It turns again, and it turns for everyone,” said trust chair Hana Lind at the opening.";
    let names = vec!["mill.txt".to_string(), "scan.pdf".to_string()];
    let contents = vec![
        Uint8Array::from(article.as_bytes()),
        Uint8Array::from(&b"%PDF-1.7"[..]),
    ];
    let analysis = parallax::wasm::analyze(names, contents, vec![], None, JsValue::UNDEFINED, None)
        .expect("report");
    assert!(get(&analysis, "markdown")
        .as_string()
        .is_some_and(|m| m.contains("Tide mill reopens in Orwen")));
    let report = get(&analysis, "report");
    let documents = get(&report, "documents");
    assert_eq!(length(&documents), 1);
    let document = Reflect::get_u32(&documents, 0).unwrap();
    assert_eq!(
        get(&document, "title").as_string().as_deref(),
        Some("Tide mill reopens in Orwen")
    );
    let quote = Reflect::get_u32(&get(&document, "quotes"), 0).unwrap();
    assert_eq!(
        get(&quote, "speaker").as_string().as_deref(),
        Some("Hana Lind")
    );
    assert!(
        get(&document, "byline").is_null(),
        "absent facts are null, not undefined"
    );
    let error = Reflect::get_u32(&get(&report, "errors"), 0).unwrap();
    assert!(get(&error, "message")
        .as_string()
        .unwrap()
        .contains("scan.pdf"));
}

#[wasm_bindgen_test]
fn mismatched_lists_are_an_error_not_a_panic() {
    let result = parallax::wasm::analyze(
        vec!["a.txt".into()],
        vec![],
        vec![],
        None,
        JsValue::UNDEFINED,
        None,
    );
    assert!(result.is_err());
}

#[wasm_bindgen_test]
fn flipped_lines_change_the_decision() {
    let article = "Home\nTide mill reopens in Orwen\nThe restored tide mill in Orwen opened to visitors on Saturday after six years of repairs, the trust said.";
    let analyze = |flips: Vec<u32>| {
        parallax::wasm::analyze(
            vec!["mill.txt".into()],
            vec![Uint8Array::from(article.as_bytes())],
            vec![js_sys::Uint32Array::from(&flips[..])],
            None,
            JsValue::UNDEFINED,
            None,
        )
        .map(|analysis| get(&analysis, "report"))
        .expect("report")
    };
    let boilerplate = |report: &JsValue| {
        length(&get(
            &Reflect::get_u32(&get(report, "documents"), 0).unwrap(),
            "boilerplate",
        ))
    };
    assert_eq!(
        boilerplate(&analyze(vec![])),
        1,
        "the menu line is set apart"
    );
    assert_eq!(boilerplate(&analyze(vec![0])), 0, "the reader keeps it");
    assert_eq!(
        boilerplate(&analyze(vec![0, 2])),
        1,
        "and sets the body apart"
    );
}

#[wasm_bindgen_test]
fn corrections_come_from_js_and_bad_ones_are_an_error() {
    let article = "Tide mill reopens in Orwen\n\
        “It turns again,” said trust chair Hana Lind at the opening on Saturday.";
    let analyze = |corrections: JsValue| {
        parallax::wasm::analyze(
            vec!["mill.txt".into()],
            vec![Uint8Array::from(article.as_bytes())],
            vec![],
            None,
            corrections,
            None,
        )
    };
    let corrections = js_sys::JSON::parse(
        r#"{"facts": [{"doc": "mill.txt", "outlet": "Orwen Gazette"}],
            "speakers": [{"doc": "mill.txt", "start": 27, "speaker": "the trust"}]}"#,
    )
    .unwrap();
    let report = get(&analyze(corrections).expect("report"), "report");
    let document = Reflect::get_u32(&get(&report, "documents"), 0).unwrap();
    assert_eq!(
        get(&document, "outlet").as_string().as_deref(),
        Some("Orwen Gazette")
    );
    let quote = Reflect::get_u32(&get(&document, "quotes"), 0).unwrap();
    assert_eq!(
        get(&quote, "speaker").as_string().as_deref(),
        Some("the trust")
    );
    let wrong = js_sys::JSON::parse(r#"{"merges": 3}"#).unwrap();
    assert!(analyze(wrong).is_err());
}

#[wasm_bindgen_test]
fn progress_is_told_per_document_then_the_comparison() {
    use std::{cell::RefCell, rc::Rc};
    use wasm_bindgen::{closure::Closure, JsCast};
    let told = Rc::new(RefCell::new(Vec::new()));
    let sink = told.clone();
    let callback = Closure::wrap(Box::new(move |stage: String, done: u32, total: u32| {
        sink.borrow_mut().push(format!("{stage} {done}/{total}"));
    }) as Box<dyn FnMut(String, u32, u32)>);
    let article = |town: &str| {
        format!("Ferry resumes to {town}\nThe ferry to {town} sailed again on Monday after repairs, the operator said.")
    };
    let names = vec!["a.txt".to_string(), "b.txt".to_string()];
    let contents = vec![
        Uint8Array::from(article("Orwen").as_bytes()),
        Uint8Array::from(article("Tessel").as_bytes()),
    ];
    let function: &js_sys::Function = callback.as_ref().unchecked_ref();
    parallax::wasm::analyze(
        names,
        contents,
        vec![],
        None,
        JsValue::UNDEFINED,
        Some(function.clone()),
    )
    .expect("report");
    assert_eq!(
        *told.borrow(),
        [
            "reading 0/2",
            "reading 1/2",
            "analyzing 0/2",
            "analyzing 1/2",
            "comparing 0/1"
        ]
    );
}
