//! The quantity reader alone: every range slices the text, values are finite
//! and every interval is ordered.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::{extract::quantities::QuantityFinder, lexicon::Lexicon, text::segment};

fuzz_target!(|text: &str| {
    let blocks = segment::blocks(text);
    let found = QuantityFinder::new(Lexicon::shared()).find(text, &blocks);
    for (index, quantity) in found.iter().enumerate() {
        assert!(text.get(quantity.range.clone()).is_some(), "range {:?}", quantity.range);
        assert!(quantity.value.is_finite());
        if let (Some(min), Some(max)) = (quantity.min, quantity.max) {
            assert!(min <= max, "interval {min}..{max} of {quantity:?}");
        }
        assert!(quantity.conversion_of.is_none_or(|of| of < index));
    }
});
