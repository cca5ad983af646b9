//! The whole pipeline over several files of raw bytes: the input is split at
//! every `\x00\xff` pair into files, named `.html` or `.txt` by their first byte.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inputs: Vec<parallax::Input> = data
        .split(|&b| b == 0xff)
        .take(8)
        .enumerate()
        .map(|(i, bytes)| parallax::Input {
            name: if bytes.first().is_some_and(|b| b % 4 == 0) {
                format!("page{i}.html")
            } else {
                format!("article{i}.txt")
            },
            bytes: bytes.to_vec(),
            flipped_lines: bytes.iter().take(2).map(|&b| usize::from(b % 16)).collect(),
        })
        .collect();
    let report = parallax::analyze(&inputs, &Default::default());
    if let Err(broken) = parallax::invariants::check_report(&report) {
        panic!("{broken}");
    }
});
