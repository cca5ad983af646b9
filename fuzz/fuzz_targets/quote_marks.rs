//! Quote-mark pairing, checked: every quote lies inside the block, on char
//! boundaries, and the quotes come in order without overlapping.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let base = 7;
    let carried = text.starts_with('“').then_some(0);
    let (quotes, open) = parallax::text::quote_marks::pair_marks(text, base, carried);
    let mut previous_end = 0;
    for quote in &quotes {
        let (start, end) = (quote.range.start, quote.range.end);
        assert!(start <= end && end <= base + text.len());
        if start >= base {
            assert!(text.is_char_boundary(start - base) && text.is_char_boundary(end - base));
        }
        assert!(start >= previous_end || carried.is_some(), "overlapping quotes");
        previous_end = end;
    }
    if let Some(open) = open {
        assert!(open <= base + text.len());
    }
});
