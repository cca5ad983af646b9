//! HTML to text: the page reader and the visible-text fallback.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = parallax::text::html::visible_text(&html);
    let _ = parallax::text::html::main_content(&html);
});
