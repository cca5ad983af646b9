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
    let report = parallax::wasm::analyze(names, contents, vec![], None).expect("report");
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
    let result = parallax::wasm::analyze(vec!["a.txt".into()], vec![], vec![], None);
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
        )
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
