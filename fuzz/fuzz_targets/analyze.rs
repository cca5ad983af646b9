//! The whole pipeline over several files of raw bytes (split as
//! `parallax::invariants::inputs_from_bytes` says), with every promise of the
//! report checked.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inputs = parallax::invariants::inputs_from_bytes(data);
    let report = parallax::analyze(&inputs, &Default::default());
    if let Err(broken) = parallax::invariants::check_report(&report) {
        panic!("{broken}");
    }
});
