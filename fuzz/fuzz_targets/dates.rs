//! The date finder alone, with and without an anchor: every range slices
//! the text, in order.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::extract::dates::{Anchor, DateFinder};

fuzz_target!(|text: &str| {
    let finder = DateFinder::new();
    for anchor in [None, Anchor::parse("2022-08-02")] {
        let mut previous = 0;
        for date in finder.find(text, anchor) {
            assert!(text.get(date.range.clone()).is_some(), "range {:?}", date.range);
            assert!(date.range.start >= previous, "dates out of order");
            previous = date.range.start;
        }
    }
});
