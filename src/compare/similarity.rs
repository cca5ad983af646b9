//! Whether two statements report the same thing in other words: a few
//! similarity features of two word profiles (overlap of stemmed content
//! words both ways, shared bigrams and trigrams, the longest common
//! subsequence, numbers, negation, what is left unmatched) combined by a
//! small logistic regression whose weights are data
//! (`src/lexicon/statement_weights.txt`, fitted by `scripts/paraphrase_fit.py`).
//!
//! Words are folded, accents dropped, stemmed by a few suffix rules, and
//! mapped through a hand-written table of the words news reports use for one
//! another (`src/lexicon/paraphrases.txt`), so that `accused … of direct
//! involvement` and `says … directly involved` share their content words.
//! Numbers are compared by value (`1,500` = `1500`, `$2.5bn` = `2.5 billion`,
//! `five` = `5`). A map of canonical names (Kyiv for Kiev) can be given to
//! [`Profiler::with_canonical`], applied to each word before stemming.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::text::words::words;

/// The features, in the order of [`features`]; the weights file names each.
pub const FEATURES: [&str; 12] = [
    "coverage_min",
    "coverage_max",
    "bigrams_min",
    "bigrams_max",
    "trigrams_min",
    "trigrams_max",
    "lcs",
    "numbers_conflict",
    "numbers_differ",
    "negation_differs",
    "unmatched_max",
    "unmatched_min",
];

/// Longest sequences the common-subsequence feature looks at: it is quadratic.
const LCS_CAP: usize = 120;

/// Words negating a clause: `did not respond` is not `responded`.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without", "cannot",
];

/// Number words read as their values.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// Magnitudes after a number (`2.5 billion`) or glued to it (`2.5bn`, `20m`).
const MAGNITUDES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mln", 1e6),
];
const GLUED_MAGNITUDES: &[(&str, f64)] = &[("m", 1e6), ("k", 1e3), ("b", 1e9)];

/// The paraphrase table and the weights, read once.
struct Tables {
    /// Stemmed word → the stem of its group's first member.
    synonyms: HashMap<String, String>,
    /// Two stemmed words → one (`united states` → `us`).
    phrases: HashMap<(String, String), String>,
    /// Stems left out of the comparison (the reporting verbs).
    ignored: HashSet<String>,
    weights: [f64; FEATURES.len()],
    bias: f64,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut tables = Tables {
        synonyms: HashMap::default(),
        phrases: HashMap::default(),
        ignored: HashSet::default(),
        weights: [0.0; FEATURES.len()],
        bias: 0.0,
    };
    for line in data_lines(include_str!("../lexicon/paraphrases.txt")) {
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
                    tables.ignored.insert(one.clone());
                }
                [one] => {
                    tables.synonyms.insert(one.clone(), canonical);
                }
                [first, second, ..] => {
                    tables
                        .phrases
                        .insert((first.clone(), second.clone()), canonical);
                }
            }
        }
    }
    for line in data_lines(include_str!("../lexicon/statement_weights.txt")) {
        let mut fields = line.split_whitespace();
        let (Some(name), Some(value)) = (fields.next(), fields.next()) else {
            continue;
        };
        let value: f64 = value.parse().expect("statement_weights.txt: a number");
        if name == "bias" {
            tables.bias = value;
        } else {
            let at = FEATURES
                .iter()
                .position(|f| *f == name)
                .unwrap_or_else(|| panic!("statement_weights.txt: unknown feature {name}"));
            tables.weights[at] = value;
        }
    }
    tables
});

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
}

/// One statement's words as compared.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Every word's key, function words included, for n-grams.
    pub keys: Vec<String>,
    /// Content words' keys in order (numbers as `#value`).
    pub content: Vec<String>,
    pub content_set: HashSet<String>,
    pub numbers: Vec<String>,
    pub negated: bool,
}

/// Builds profiles; holds the stopwords and an optional canonical-name map.
pub struct Profiler<'a> {
    stopwords: &'a HashSet<&'a str>,
    canonical: Option<&'a HashMap<String, String>>,
}

impl<'a> Profiler<'a> {
    pub fn new(stopwords: &'a HashSet<&'a str>) -> Self {
        Profiler {
            stopwords,
            canonical: None,
        }
    }

    /// Folded names mapped to one canonical form (`kiev` → `kyiv`), applied
    /// to each word before it is stemmed: for the entities layer.
    pub fn with_canonical(mut self, canonical: &'a HashMap<String, String>) -> Self {
        self.canonical = Some(canonical);
        self
    }

    pub fn profile(&self, text: &str) -> Profile {
        let tables = &*TABLES;
        let raw = merged_initials(text);
        let mut profile = Profile::default();
        let mut i = 0;
        while i < raw.len() {
            let (ref written, acronym) = raw[i];
            let mut word = fold_accents(written);
            if let Some(canonical) = self.canonical.and_then(|m| m.get(&word)) {
                word = canonical.clone();
            }
            if NEGATIONS.contains(&word.as_str()) || word.ends_with("n't") {
                profile.negated = true;
            }
            if let Some((value, used)) = number_at(&raw, i) {
                let key = format!("#{value}");
                profile.keys.push(key.clone());
                profile.content.push(key.clone());
                profile.numbers.push(key);
                i += used;
                continue;
            }
            let key = normalize(&word);
            if let Some(next) = raw.get(i + 1) {
                let pair = (key.clone(), normalize(&fold_accents(&next.0)));
                if let Some(canonical) = tables.phrases.get(&pair) {
                    profile.keys.push(canonical.clone());
                    profile.content.push(canonical.clone());
                    i += 2;
                    continue;
                }
            }
            let stop = (!acronym && self.stopwords.contains(word.as_str()))
                || NEGATIONS.contains(&word.as_str())
                || word.ends_with("n't")
                || tables.ignored.contains(&key);
            let key = tables.synonyms.get(&key).cloned().unwrap_or(key);
            if !stop {
                profile.content.push(key.clone());
            }
            profile.keys.push(key);
            i += 1;
        }
        profile.content_set = profile.content.iter().cloned().collect();
        profile.numbers.sort();
        profile.numbers.dedup();
        profile
    }
}

/// Folded words, initials run together (`U.S.` → `us`, `U.N.` → `un`),
/// each with whether it is written as an acronym (`US`, `U.S.`): then it is
/// a name, never the function word it folds to.
fn merged_initials(text: &str) -> Vec<(String, bool)> {
    let found = words(text, 0, text.len());
    let mut out: Vec<(String, bool)> = Vec::with_capacity(found.len());
    let mut previous_initial: Option<usize> = None;
    for w in &found {
        let initial = w.folded.chars().count() == 1 && w.folded.chars().all(char::is_alphabetic);
        let dotted = text[w.end..].starts_with('.');
        match previous_initial {
            Some(end) if initial && &text[end..w.start] == "." => {
                let last = out.last_mut().expect("an initial");
                last.0.push_str(&w.folded);
                last.1 = true;
            }
            _ => {
                let written = &text[w.start..w.end];
                let acronym =
                    written.chars().count() >= 2 && written.chars().all(|c| c.is_ascii_uppercase());
                out.push((w.folded.clone(), acronym));
            }
        }
        previous_initial = (initial && dotted).then_some(w.end);
    }
    out
}

/// The number starting at `raw[i]`, if any, as a value and the words it took.
fn number_at(raw: &[(String, bool)], i: usize) -> Option<(f64, usize)> {
    let word = raw[i].0.as_str();
    let (mut value, glued) = if word.starts_with(|c: char| c.is_ascii_digit()) {
        let digits_end = word
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(word.len());
        let value: f64 = word[..digits_end].replace(',', "").parse().ok()?;
        let suffix = &word[digits_end..];
        let magnitude = MAGNITUDES
            .iter()
            .chain(GLUED_MAGNITUDES)
            .find(|(m, _)| *m == suffix)
            .map(|(_, v)| *v);
        match (suffix.is_empty(), magnitude) {
            (true, _) => (value, false),
            (false, Some(m)) => (value * m, true),
            // `22nd`, `4x4`: a word, not a value.
            (false, None) => return None,
        }
    } else {
        let (_, value) = NUMBER_WORDS.iter().find(|(w, _)| *w == word)?;
        (*value, false)
    };
    let mut used = 1;
    if !glued {
        if let Some((_, m)) = raw
            .get(i + 1)
            .and_then(|next| MAGNITUDES.iter().find(|(w, _)| *w == next.0))
        {
            value *= m;
            used = 2;
        }
    }
    Some((value, used))
}

/// Accented Latin letters as their base letters: `Nestlé` = `Nestle`.
fn fold_accents(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' | 'ş' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ğ' => 'g',
            c => c,
        })
        .collect()
}

/// A folded word's key: possessive and hyphens dropped, then stemmed.
fn normalize(word: &str) -> String {
    let word = word.to_lowercase();
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(&word);
    stem(&word.replace('-', ""))
}

/// A few suffix rules, enough for plurals, tenses, adverbs, `-ment` nouns and
/// British spellings to meet (`involvement` and `involved`, `defence` and
/// `defense` share a prefix the common-prefix match then accepts).
pub fn stem(word: &str) -> String {
    if !word.chars().all(char::is_alphabetic) {
        return word.to_string();
    }
    let mut w: Vec<char> = word.chars().collect();
    let ends = |w: &[char], s: &str| {
        let s: Vec<char> = s.chars().collect();
        w.len() >= s.len() && w[w.len() - s.len()..] == s[..]
    };
    let n = w.len();
    if ends(&w, "ies") && n > 4 {
        w.truncate(n - 3);
        w.push('y');
    } else if ends(&w, "sses") {
        w.truncate(n - 2);
    } else if ends(&w, "s") && !ends(&w, "ss") && !ends(&w, "us") && !ends(&w, "is") && n > 3 {
        w.truncate(n - 1);
    }
    if ends(&w, "ing") && w.len() > 5 {
        w.truncate(w.len() - 3);
    } else if (ends(&w, "ed") && w.len() > 4) || (ends(&w, "ly") && w.len() > 5) {
        w.truncate(w.len() - 2);
    }
    let m = w.len();
    if m > 3 && w[m - 1] == w[m - 2] && !"lsz".contains(w[m - 1]) {
        w.truncate(m - 1);
    }
    if ends(&w, "e") && w.len() > 4 {
        w.pop();
    }
    if ends(&w, "y") && w.len() > 3 {
        w.pop();
        w.push('i');
    }
    if ends(&w, "ment") && w.len() > 7 {
        w.truncate(w.len() - 4);
    }
    if ends(&w, "e") && w.len() > 4 {
        w.pop();
    }
    w.into_iter().collect()
}

/// Content words of each side that meet a word of the other: the same key,
/// or (for words of six letters or more) the same first five letters, which
/// catches derivations and spellings the stemmer leaves apart.
fn matched(a: &HashSet<String>, b: &HashSet<String>) -> (usize, usize) {
    let prefix = |w: &str| -> Option<String> {
        (w.chars().count() >= 6 && !w.starts_with('#')).then(|| w.chars().take(5).collect())
    };
    let prefixes_of =
        |s: &HashSet<String>| -> HashSet<String> { s.iter().filter_map(|w| prefix(w)).collect() };
    let (pa, pb) = (prefixes_of(a), prefixes_of(b));
    let count = |s: &HashSet<String>, other: &HashSet<String>, other_prefixes: &HashSet<String>| {
        s.iter()
            .filter(|w| {
                other.contains(*w) || prefix(w).is_some_and(|p| other_prefixes.contains(&p))
            })
            .count()
    };
    (count(a, b, &pb), count(b, a, &pa))
}

fn ngrams(keys: &[String], n: usize) -> HashSet<&[String]> {
    keys.windows(n).collect()
}

/// Shares of each side's n-grams found in the other, smaller first.
fn ngram_shares(a: &[String], b: &[String], n: usize) -> (f64, f64) {
    let (ga, gb) = (ngrams(a, n), ngrams(b, n));
    let shared = ga.intersection(&gb).count() as f64;
    let share = |g: &HashSet<&[String]>| {
        if g.is_empty() {
            0.0
        } else {
            shared / g.len() as f64
        }
    };
    let (x, y) = (share(&ga), share(&gb));
    (x.min(y), x.max(y))
}

fn lcs(a: &[String], b: &[String]) -> usize {
    let (a, b) = (&a[..a.len().min(LCS_CAP)], &b[..b.len().min(LCS_CAP)]);
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The features of a pair, in the order of [`FEATURES`]; symmetric.
pub fn features(a: &Profile, b: &Profile) -> [f64; FEATURES.len()] {
    let (ma, mb) = matched(&a.content_set, &b.content_set);
    let share = |m: usize, of: usize| if of == 0 { 0.0 } else { m as f64 / of as f64 };
    let (ca, cb) = (
        share(ma, a.content_set.len()),
        share(mb, b.content_set.len()),
    );
    let (bi_min, bi_max) = ngram_shares(&a.keys, &b.keys, 2);
    let (tri_min, tri_max) = ngram_shares(&a.keys, &b.keys, 3);
    let longest = a.content.len().max(b.content.len()).max(1);
    let (ua, ub) = (a.content_set.len() - ma, b.content_set.len() - mb);
    let both_numbered = !a.numbers.is_empty() && !b.numbers.is_empty();
    let numbers_differ = a.numbers != b.numbers;
    let flag = |x: bool| if x { 1.0 } else { 0.0 };
    [
        ca.min(cb),
        ca.max(cb),
        bi_min,
        bi_max,
        tri_min,
        tri_max,
        lcs(&a.content, &b.content) as f64 / longest as f64,
        flag(both_numbered && numbers_differ),
        flag(numbers_differ),
        flag(a.negated != b.negated),
        (ua.max(ub) as f64).ln_1p(),
        (ua.min(ub) as f64).ln_1p(),
    ]
}

/// The model's log-odds that the two report the same thing.
pub fn score(a: &Profile, b: &Profile) -> f64 {
    let tables = &*TABLES;
    features(a, b)
        .iter()
        .zip(tables.weights)
        .map(|(x, w)| x * w)
        .sum::<f64>()
        + tables.bias
}

/// Whether the two report the same thing: even odds or better.
pub fn same(a: &Profile, b: &Profile) -> bool {
    score(a, b) > 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn profile(text: &str) -> Profile {
        Profiler::new(&Lexicon::shared().stopwords).profile(text)
    }

    #[test]
    fn the_weights_name_every_feature() {
        let data = include_str!("../lexicon/statement_weights.txt");
        for name in FEATURES.iter().chain(&["bias"]) {
            assert!(
                data_lines(data).any(|l| l.split_whitespace().next() == Some(name)),
                "{name} has no weight"
            );
        }
    }

    #[test]
    fn stems_meet_across_inflections_and_derivations() {
        assert_eq!(stem("involved"), stem("involves"));
        assert_eq!(stem("involvement"), stem("involved"));
        assert_eq!(stem("floods"), stem("flooding"));
        assert_eq!(stem("directly"), stem("direct"));
        assert_eq!(stem("cities"), stem("city"));
    }

    #[test]
    fn numbers_compare_by_value() {
        let a = profile("The council paid $2.5bn for 1,500 new pumps.");
        let b = profile("The council paid 2.5 billion dollars for 1500 new pumps.");
        assert_eq!(a.numbers, b.numbers);
        assert_eq!(profile("five boats").numbers, profile("5 boats").numbers);
        assert_ne!(profile("5 boats").numbers, profile("6 boats").numbers);
    }

    #[test]
    fn initials_spelling_and_table_phrases_meet() {
        let us = profile("U.S. engineers");
        let united = profile("United States engineers");
        assert_eq!(us.content, united.content);
        assert_eq!(
            profile("Nestlé").content,
            profile("Nestle").content,
            "accents fold"
        );
        assert_eq!(profile("mid-year").content, profile("midyear").content);
    }

    #[test]
    fn paraphrases_of_one_claim_score_as_same() {
        let a = profile("Veldoran says the dam operator was directly responsible for the flood");
        let b =
            profile("Veldoran has accused the dam operator of direct responsibility for the flood");
        let c = profile("Veldoran claims dam operator 'directly responsible' for flood");
        assert!(same(&a, &b), "{:?}", features(&a, &b));
        assert!(same(&a, &c), "{:?}", features(&a, &c));
        assert!(same(&b, &c), "{:?}", features(&b, &c));
    }

    #[test]
    fn different_claims_about_one_event_score_apart() {
        let a =
            profile("The river rose two metres overnight and flooded the old market in Veldoran");
        let b = profile("Rescue teams from three provinces reached Veldoran on Sunday with boats");
        assert!(!same(&a, &b), "{:?}", features(&a, &b));
        let c = profile("The mayor said the levee did not fail");
        let d = profile("The mayor said the levee failed");
        assert!(score(&c, &d) < score(&d, &d));
    }

    #[test]
    fn a_canonical_map_joins_spellings_of_a_name() {
        let stopwords = &Lexicon::shared().stopwords;
        let mut map = HashMap::default();
        map.insert("kiev".to_string(), "kyiv".to_string());
        let profiler = Profiler::new(stopwords).with_canonical(&map);
        assert_eq!(
            profiler.profile("Kiev said").content,
            profiler.profile("Kyiv said").content
        );
    }
}
