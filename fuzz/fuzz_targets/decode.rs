//! Bytes to text, as a `.txt` and as a `.html` file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.html"] {
        if let Ok(decoded) = parallax::text::decode::decode(name, data) {
            let _ = parallax::text::decode::repair_mojibake(&decoded.text);
        }
    }
});
