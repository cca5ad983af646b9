//! Copies the data files of `src/lexicon` into `OUT_DIR` without their comment
//! and blank lines, which every reader of them skips: the binaries, and so the
//! wasm bundle, carry only the data (about 7 KB gzipped less). The files
//! themselves stay as written.
//!
//! It also writes `word_tables.txt`: the comparison's paraphrase, synonym and
//! word-frequency tables with every word already stemmed (by the stemmer the
//! comparison itself uses, `src/compare/stem.rs`), so that a first analysis
//! reads them without stemming 12,000 words (a fifth of its time).
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::{env, fs, path::Path};

#[path = "src/compare/stem.rs"]
mod stem;

use stem::normalize;

fn main() {
    println!("cargo::rerun-if-changed=src/lexicon");
    println!("cargo::rerun-if-changed=src/compare/stem.rs");
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lexicon");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    for entry in fs::read_dir("src/lexicon").expect("src/lexicon") {
        let path = entry.expect("src/lexicon").path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "tsv")
        ) {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a lexicon file is UTF-8");
        let data: String = text
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.trim().starts_with('#'))
            .flat_map(|line| [line, "\n"])
            .collect();
        fs::write(out.join(path.file_name().expect("a file")), data).expect("OUT_DIR is writable");
    }
    fs::write(out.join("word_tables.txt"), word_tables()).expect("OUT_DIR is writable");
}

fn lexicon(name: &str) -> String {
    fs::read_to_string(Path::new("src/lexicon").join(name)).expect("a lexicon file is UTF-8")
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
}

/// The stemmed tables, one entry a line, read by `src/compare/similarity.rs`:
/// first `n` and the sizes of the maps below (so they are allocated once), then
/// `s word its-group's-word`, `p first second the-phrase's-word`, `i ignored`,
/// `r word related...` (in the order of `synonyms.txt`, which the sums over
/// them keep), `z zipf words...`.
fn word_tables() -> String {
    let mut synonyms: HashMap<String, String> = HashMap::new();
    let mut phrases: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut ignored: BTreeSet<String> = BTreeSet::new();
    for line in data_lines(&lexicon("paraphrases.txt")) {
        let (ignore, members) = match line.strip_prefix("- ") {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        let mut head: Option<String> = None;
        for member in members.split(',').flat_map(|m| {
            // A group is words separated by spaces, or phrases separated by commas.
            if members.contains(',') {
                vec![m.trim()]
            } else {
                m.split_whitespace().collect()
            }
        }) {
            let parts: Vec<String> = member
                .split_whitespace()
                .map(|w| normalize(&w.replace('.', "")))
                .collect();
            let canonical = head.get_or_insert_with(|| parts.join("")).clone();
            match parts.as_slice() {
                [] => {}
                [one] if ignore => {
                    ignored.insert(one.clone());
                }
                [one] => {
                    synonyms.insert(one.clone(), canonical);
                }
                [first, second, ..] => {
                    phrases.insert((first.clone(), second.clone()), canonical);
                }
            }
        }
    }
    let mut related: Vec<(String, Vec<String>)> = Vec::new();
    let mut section = "";
    let synonyms_file = lexicon("synonyms.txt");
    for line in data_lines(&synonyms_file) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        let keys: Vec<String> = line.split_whitespace().map(normalize).collect();
        let placed = |key: &String| synonyms.get(key).cloned().unwrap_or(key.clone());
        let Some(head) = keys.first().map(placed) else {
            continue;
        };
        let members: Vec<(String, String)> = keys[1..]
            .iter()
            .map(|k| (k.clone(), placed(k)))
            .filter(|(_, member)| *member != head)
            .collect();
        if section == "[forms]" {
            // An irregular form is its word, unless the table above placed it.
            for (key, _) in members {
                synonyms.entry(key).or_insert_with(|| head.clone());
            }
        } else if !members.is_empty() {
            related.push((head, members.into_iter().map(|(_, m)| m).collect()));
        }
    }
    let mut zipf: HashMap<String, f64> = HashMap::new();
    for line in data_lines(&lexicon("word_frequencies.txt")) {
        let mut fields = line.split_whitespace();
        let Some(Ok(value)) = fields.next().map(str::parse::<f64>) else {
            continue;
        };
        for word in fields {
            let key = normalize(word);
            let key = synonyms.get(&key).cloned().unwrap_or(key);
            let known = zipf.entry(key).or_insert(value);
            *known = known.max(value);
        }
    }
    let related_keys: BTreeSet<&String> = related
        .iter()
        .flat_map(|(head, members)| std::iter::once(head).chain(members))
        .collect();
    let mut out = format!(
        "n {} {} {} {} {}\n",
        synonyms.len(),
        phrases.len(),
        ignored.len(),
        related_keys.len(),
        zipf.len()
    );
    let sorted: BTreeMap<&String, &String> = synonyms.iter().collect();
    for (key, value) in sorted {
        out += &format!("s {key} {value}\n");
    }
    for ((first, second), canonical) in &phrases {
        out += &format!("p {first} {second} {canonical}\n");
    }
    for key in &ignored {
        out += &format!("i {key}\n");
    }
    for (head, members) in &related {
        out += &format!("r {head} {}\n", members.join(" "));
    }
    // By value, most frequent first; `{}` of an f64 reads back as the same f64.
    let mut by_value: BTreeMap<u64, BTreeSet<&String>> = BTreeMap::new();
    for (key, value) in &zipf {
        by_value.entry(value.to_bits()).or_default().insert(key);
    }
    for (bits, keys) in by_value.iter().rev() {
        let keys: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
        out += &format!("z {} {}\n", f64::from_bits(*bits), keys.join(" "));
    }
    out
}
