//! Whether two statements report the same thing in other words: a few
//! similarity features of two word profiles (overlap of stemmed content
//! words both ways, plain and weighted by rarity, shared word bigrams and
//! trigrams, plain and weighted by rarity, and character 3- and 4-grams, the
//! longest common subsequence of the content words and of all the words,
//! what is left unmatched, its longest run and the share of it that opens or
//! closes a statement, synonyms among it, numbers, negation) combined by a
//! small logistic regression whose weights are data
//! (`src/lexicon/statement_weights.txt`, fitted by `scripts/paraphrase_fit.py`).
//!
//! A word's rarity comes from a general English frequency list
//! (`src/lexicon/word_frequencies.txt`, from `wordfreq`); synonyms and
//! irregular forms from WordNet (`src/lexicon/synonyms.txt`).
//!
//! Words are folded, accents dropped, stemmed by a few suffix rules, and
//! mapped through a hand-written table of the words news reports use for one
//! another (`src/lexicon/paraphrases.txt`), so that `accused … of direct
//! involvement` and `says … directly involved` share their content words.
//! Numbers are compared by value (`1,500` = `1500`, `$2.5bn` = `2.5 billion`,
//! `five` = `5`). A map of canonical names (Kyiv for Kiev) can be given to
//! [`Profiler::with_canonical`], applied to each word before stemming.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::{ComparisonWords, Lexicon};
use crate::report::{Entity, EntityType};
use crate::text::words::words;

use super::stem::normalize;

/// The features, in the order of [`features`]; the weights file names each.
pub const FEATURES: [&str; 21] = [
    "coverage_min",
    "coverage_max",
    "rare_coverage_min",
    "rare_coverage_max",
    "bigrams_min",
    "trigrams_min",
    "trigrams_max",
    "lcs",
    "chars3_min",
    "chars4_min",
    "unmatched_words_min",
    "unmatched_words_max",
    "unmatched_run_max",
    "rare_unmatched_max",
    "related_max",
    "numbers_conflict",
    "negation_differs",
    "rare_bigrams_max",
    "rare_trigrams_max",
    "unmatched_edges_max",
    "lcs_words",
];

/// Rarity of a word as the weight of its match: `IDF_TOP` less its Zipf
/// frequency (`the` 7.7, `flood` 4.4) from `src/lexicon/word_frequencies.txt`;
/// words not listed (names, rare words) and numbers count as [`UNLISTED_ZIPF`].
const IDF_TOP: f64 = 8.0;
const UNLISTED_ZIPF: f64 = 3.0;

/// Longest sequences the common-subsequence feature looks at: it is quadratic.
const LCS_CAP: usize = 120;
const _: () = assert!(LCS_CAP < 128, "lcs keeps positions in a u128");

/// The paraphrase table and the weights, read once. `build.rs` stems the
/// words of the tables (`word_tables.txt`): here they are only looked up.
struct Tables {
    /// Stemmed word → the stem of its group's first member.
    synonyms: HashMap<&'static str, &'static str>,
    /// Two stemmed words → one (`united states` → `us`), by the first word:
    /// looked up without building a pair of strings per word.
    phrases: HashMap<&'static str, HashMap<&'static str, &'static str>>,
    /// Stems left out of the comparison (the reporting verbs).
    ignored: HashSet<&'static str>,
    /// Stemmed word → the stemmed words of its meaning (WordNet's synonyms).
    related: HashMap<&'static str, Vec<&'static str>>,
    /// Stemmed word → its Zipf frequency (the most frequent of its forms).
    zipf: HashMap<&'static str, f64>,
    weights: [f64; FEATURES.len()],
    bias: f64,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut lines = lexicon_file!("word_tables.txt").lines();
    let sizes: Vec<usize> = lines
        .next()
        .and_then(|l| l.strip_prefix("n "))
        .expect("word_tables.txt: the sizes first")
        .split(' ')
        .map(|n| n.parse().expect("word_tables.txt: a size"))
        .collect();
    let [synonyms, phrases, ignored, related, zipf] = sizes[..] else {
        panic!("word_tables.txt: five sizes");
    };
    let mut tables = Tables {
        synonyms: HashMap::with_capacity_and_hasher(synonyms, Default::default()),
        phrases: HashMap::with_capacity_and_hasher(phrases, Default::default()),
        ignored: HashSet::with_capacity_and_hasher(ignored, Default::default()),
        related: HashMap::with_capacity_and_hasher(related, Default::default()),
        zipf: HashMap::with_capacity_and_hasher(zipf, Default::default()),
        weights: [0.0; FEATURES.len()],
        bias: 0.0,
    };
    for line in lines {
        let mut fields = line.split(' ');
        let (Some(kind), Some(first)) = (fields.next(), fields.next()) else {
            continue;
        };
        let mut next = || fields.next().expect("word_tables.txt: a field");
        match kind {
            "s" => {
                tables.synonyms.insert(first, next());
            }
            "p" => {
                let (second, canonical) = (next(), next());
                tables
                    .phrases
                    .entry(first)
                    .or_default()
                    .insert(second, canonical);
            }
            "i" => {
                tables.ignored.insert(first);
            }
            "r" => {
                for member in fields {
                    tables.related.entry(first).or_default().push(member);
                    tables.related.entry(member).or_default().push(first);
                }
            }
            _ => {
                let zipf: f64 = first.parse().expect("word_tables.txt: a frequency");
                tables.zipf.extend(fields.map(|word| (word, zipf)));
            }
        }
    }
    for line in data_lines(lexicon_file!("statement_weights.txt")) {
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
    pub negated: bool,
    /// Hashes of the character 3- and 4-grams of the folded words (each
    /// between spaces), sorted, each once.
    pub grams3: Vec<u32>,
    pub grams4: Vec<u32>,
    /// The numbers' keys as ids, sorted, each once.
    numbers: Vec<u32>,
    /// The words as interned ids, and what each pair would otherwise
    /// recompute, built once per profile.
    ids: Ids,
}

/// A statement's keys while its profile is built: the profile keeps them
/// as ids only (a string a word was most of a profile's allocations).
#[derive(Default)]
struct Words {
    /// Every word's key, function words included, for n-grams.
    keys: Vec<String>,
    /// Content words' keys in order (numbers as `#value`).
    content: Vec<String>,
    numbers: Vec<String>,
}

/// A profile's words as ids of [`intern`], for comparing pairs without
/// hashing strings. Sums of weights keep the iteration order of the hash
/// sets and maps they were first computed over, so the values stay the same
/// to the last bit.
#[derive(Debug, Clone, Default)]
struct Ids {
    keys: Vec<u32>,
    content: Vec<u32>,
    /// Distinct keys, sorted.
    keys_sorted: Vec<u32>,
    /// [`masks`] of `keys` and of `content`, for [`lcs`].
    key_masks: Vec<(u32, u128)>,
    content_masks: Vec<(u32, u128)>,
    /// The distinct content words, in the iteration order of their hash set.
    set: Vec<u32>,
    /// `set` sorted by id, each with its position in `set`.
    set_sorted: Vec<(u32, u32)>,
    /// The rarity of each word of `set`.
    set_rarity: Vec<f64>,
    /// The prefix id of each word of `set` ([`NO_PREFIX`] if none).
    set_prefix: Vec<u32>,
    /// Distinct prefixes of `set`, sorted.
    prefixes_sorted: Vec<u32>,
    /// Related words (WordNet) of the words of `set`, as ids: those of word
    /// `i` at `related[related_ends[i - 1]..related_ends[i]]`.
    related: Vec<u32>,
    related_ends: Vec<u32>,
    /// Sum of `set_rarity` in order.
    mass: f64,
    /// Distinct word bigrams and trigrams, sorted.
    bigrams: Vec<u64>,
    trigrams: Vec<u128>,
    /// Distinct bigrams and trigrams weighted by rarity, in the iteration
    /// order of the map they were summed over, and that sum.
    rare2: Vec<(u64, f64)>,
    rare2_total: f64,
    rare3: Vec<(u128, f64)>,
    rare3_total: f64,
}

impl Profile {
    /// The distinct content words as ids, for indexing profiles by word.
    pub fn content_ids(&self) -> &[u32] {
        &self.ids.set
    }
}

/// [`Ids::set_prefix`] of a word with no prefix to match.
const NO_PREFIX: u32 = u32::MAX;

/// Each word's id, given as the profiler first meets it: the profiles of one
/// profiler are compared with each other, never with another's.
#[derive(Default)]
struct Interner(RefCell<HashMap<String, u32>>);

impl Interner {
    fn ids(&self, words: &[&str]) -> Vec<u32> {
        let mut known = self.0.borrow_mut();
        words
            .iter()
            .map(|w| {
                if let Some(&id) = known.get(*w) {
                    return id;
                }
                let next = u32::try_from(known.len()).expect("fewer than 2^32 words");
                // `NO_PREFIX` marks a word with no prefix to match.
                assert!(next != NO_PREFIX, "fewer than 2^32 words");
                known.insert(w.to_string(), next);
                next
            })
            .collect()
    }
}

/// Whether sorted `set` holds `x`.
fn holds<T: Ord>(set: &[T], x: &T) -> bool {
    set.binary_search(x).is_ok()
}

/// How many items two sorted, distinct lists share (a branch-free merge:
/// this runs for every pair scored).
fn shared_count<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        shared += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    shared
}

fn sorted_distinct<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

fn bigram(g: &[u32]) -> u64 {
    (u64::from(g[0]) << 32) | u64::from(g[1])
}

fn trigram(g: &[u32]) -> u128 {
    (u128::from(g[0]) << 64) | (u128::from(g[1]) << 32) | u128::from(g[2])
}

impl Ids {
    fn related_of(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.related_ends[i - 1] };
        &self.related[start as usize..self.related_ends[i] as usize]
    }

    fn new(p: &Words, interner: &Interner) -> Ids {
        let tables = &*TABLES;
        // The distinct content words in the order they first come: sums over
        // them then run in the same order on every platform (a hash set's
        // order is not the same in wasm32 as natively).
        let mut seen: HashSet<&str> = HashSet::default();
        let set_words: Vec<&str> = p
            .content
            .iter()
            .map(String::as_str)
            .filter(|w| seen.insert(w))
            .collect();
        let prefixes: Vec<Option<String>> = set_words.iter().map(|w| prefix(w)).collect();
        let related: Vec<&[&str]> = set_words
            .iter()
            .map(|w| tables.related.get(*w).map_or(&[][..], Vec::as_slice))
            .collect();
        // One call to `intern` for all the words of the profile.
        let mut all: Vec<&str> = Vec::with_capacity(p.keys.len() * 2);
        all.extend(p.keys.iter().map(String::as_str));
        all.extend(p.content.iter().map(String::as_str));
        all.extend(set_words.iter().copied());
        all.extend(prefixes.iter().flatten().map(String::as_str));
        all.extend(related.iter().flat_map(|r| r.iter().copied()));
        let ids = interner.ids(&all);
        let (keys, rest) = ids.split_at(p.keys.len());
        let (content, rest) = rest.split_at(p.content.len());
        let (set, rest) = rest.split_at(set_words.len());
        let mut rest = rest.iter().copied();
        let set_prefix: Vec<u32> = prefixes
            .iter()
            .map(|x| match x {
                Some(_) => rest.next().expect("an id for each prefix"),
                None => NO_PREFIX,
            })
            .collect();
        let related_ids: Vec<u32> = rest.collect();
        let related_ends: Vec<u32> = related
            .iter()
            .scan(0u32, |end, r| {
                *end += r.len() as u32;
                Some(*end)
            })
            .collect();
        let set_rarity: Vec<f64> = set_words.iter().map(|w| rarity(w)).collect();
        // As `features` summed the content set's rarities: in its order.
        let mass = set_rarity.iter().copied().sum::<f64>();
        let rarities: Vec<f64> = p.keys.iter().map(|k| rarity(k)).collect();
        let (rare2, rare2_total) = rare_ngrams(&rarities, keys, 2, bigram);
        let (rare3, rare3_total) = rare_ngrams(&rarities, keys, 3, trigram);
        Ids {
            keys_sorted: sorted_distinct(keys.to_vec()),
            key_masks: masks(keys),
            content_masks: masks(content),
            keys: keys.to_vec(),
            content: content.to_vec(),
            set: set.to_vec(),
            set_sorted: sorted_distinct(set.iter().zip(0u32..).map(|(&w, i)| (w, i)).collect()),
            set_rarity,
            prefixes_sorted: sorted_distinct(
                set_prefix
                    .iter()
                    .copied()
                    .filter(|&x| x != NO_PREFIX)
                    .collect(),
            ),
            set_prefix,
            related: related_ids,
            related_ends,
            mass,
            bigrams: sorted_distinct(keys.windows(2).map(bigram).collect()),
            trigrams: sorted_distinct(keys.windows(3).map(trigram).collect()),
            rare2,
            rare2_total,
            rare3,
            rare3_total,
        }
    }
}

/// The word n-grams of the keys `ids` weighted by the `rarities` of their
/// words, each once, in the order they first come (the same on every
/// platform), and their sum.
fn rare_ngrams<G>(
    rarities: &[f64],
    ids: &[u32],
    n: usize,
    gram: impl Fn(&[u32]) -> G,
) -> (Vec<(G, f64)>, f64) {
    // Ids stand one for one for the keys: hashing them finds the same n-grams.
    let mut seen: HashSet<&[u32]> = HashSet::default();
    let grams: Vec<(G, f64)> = rarities
        .windows(n)
        .zip(ids.windows(n))
        .filter(|(_, id)| seen.insert(id))
        .map(|(r, id)| (gram(id), r.iter().sum()))
        .collect();
    let total = grams.iter().map(|(_, w)| w).sum();
    (grams, total)
}

/// Builds profiles; holds the stopwords and an optional canonical-name map.
pub struct Profiler<'a> {
    stopwords: &'a HashSet<&'a str>,
    canonical: Option<&'a HashMap<String, String>>,
    /// [`normalize`] of each word met: the same words recur in every statement.
    normalized: RefCell<HashMap<String, String>>,
    words: Interner,
}

impl<'a> Profiler<'a> {
    pub fn new(stopwords: &'a HashSet<&'a str>) -> Self {
        Profiler {
            stopwords,
            canonical: None,
            normalized: RefCell::default(),
            words: Interner::default(),
        }
    }

    fn normalize(&self, word: &str) -> String {
        if let Some(key) = self.normalized.borrow().get(word) {
            return key.clone();
        }
        let key = normalize(word);
        self.normalized
            .borrow_mut()
            .insert(word.to_string(), key.clone());
        key
    }

    /// Folded names mapped to one canonical form (`kiev` → `kyiv`), applied
    /// to each word before it is stemmed: for the entities layer.
    pub fn with_canonical(mut self, canonical: &'a HashMap<String, String>) -> Self {
        self.canonical = Some(canonical);
        self
    }

    pub fn profile(&self, text: &str) -> Profile {
        let tables = &*TABLES;
        let comparison = &Lexicon::shared().comparison_words;
        let raw = merged_initials(text);
        let mut words = Words::default();
        let mut negated = false;
        let mut letters = String::new();
        let mut i = 0;
        while i < raw.len() {
            let (ref written, acronym) = raw[i];
            let mut word = fold_accents(written);
            if let Some(map) = self.canonical {
                let (base, possessive) = match word.strip_suffix("'s") {
                    Some(base) if !map.contains_key(word.as_ref()) => (base, "'s"),
                    _ => (word.as_ref(), ""),
                };
                if let Some(canonical) = map.get(base) {
                    word = Cow::Owned(format!("{canonical}{possessive}"));
                }
            }
            let word: &str = &word;
            letters.push(' ');
            letters.push_str(word);
            if comparison.negations.contains(word) || word.ends_with("n't") {
                negated = true;
            }
            if let Some((value, used)) = number_at(comparison, &raw, i) {
                let key = format!("#{value}");
                words.keys.push(key.clone());
                words.content.push(key.clone());
                words.numbers.push(key);
                i += used;
                continue;
            }
            let key = self.normalize(word);
            let phrase = tables.phrases.get(key.as_str()).and_then(|seconds| {
                let next = raw.get(i + 1)?;
                seconds.get(self.normalize(&fold_accents(&next.0)).as_str())
            });
            if let Some(canonical) = phrase {
                words.keys.push(canonical.to_string());
                words.content.push(canonical.to_string());
                i += 2;
                continue;
            }
            let stop = (!acronym && self.stopwords.contains(word))
                || comparison.negations.contains(word)
                || word.ends_with("n't")
                || tables.ignored.contains(key.as_str());
            let key = match tables.synonyms.get(key.as_str()) {
                Some(group) => group.to_string(),
                None => key,
            };
            if !stop {
                words.content.push(key.clone());
            }
            words.keys.push(key);
            i += 1;
        }
        letters.push(' ');
        let letters: Vec<char> = letters.chars().collect();
        let ids = Ids::new(&words, &self.words);
        // Known words by now (each is a key too): no new ids, whose order matters.
        let numbers: Vec<&str> = words.numbers.iter().map(String::as_str).collect();
        Profile {
            negated,
            grams3: char_grams(&letters, 3),
            grams4: char_grams(&letters, 4),
            numbers: sorted_distinct(self.words.ids(&numbers)),
            ids,
        }
    }
}

/// The canonical form of each word of the entities' names, for
/// [`Profiler::with_canonical`]: where a name is written with as many words
/// as its canonical name, each word that differs (`Kiev` → `Kyiv`, `Defence
/// Ministry` → `Defense Ministry`); a person named by one word, its surname
/// as the canonical name spells it (`Zelenskiy` → `Zelensky`). The first
/// mapping of a word wins, so the map follows the documents' order.
pub fn canonical_words<'e>(entities: impl Iterator<Item = &'e Entity>) -> HashMap<String, String> {
    let fold = |text: &str| -> Vec<String> {
        words(text, 0, text.len())
            .into_iter()
            .map(|w| fold_accents(&w.folded).into_owned())
            .collect()
    };
    let mut map: HashMap<String, String> = HashMap::default();
    for entity in entities {
        if entity.span.text == entity.canonical {
            continue;
        }
        let (written, canonical) = (fold(&entity.span.text), fold(&entity.canonical));
        let pairs: Vec<(String, String)> = if written.len() == canonical.len() {
            written.into_iter().zip(canonical).collect()
        } else if entity.entity_type == EntityType::Person
            && written.len() == 1
            && !canonical.contains(&written[0])
        {
            written.into_iter().zip(canonical.last().cloned()).collect()
        } else {
            Vec::new()
        };
        for (from, to) in pairs {
            if from != to {
                map.entry(from).or_insert(to);
            }
        }
    }
    map
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
                out.push((w.folded.to_string(), acronym));
            }
        }
        previous_initial = (initial && dotted).then_some(w.end);
    }
    out
}

/// The number starting at `raw[i]`, if any, as a value and the words it took.
fn number_at(words: &ComparisonWords, raw: &[(String, bool)], i: usize) -> Option<(f64, usize)> {
    let word = raw[i].0.as_str();
    let (mut value, glued) = if word.starts_with(|c: char| c.is_ascii_digit()) {
        let digits_end = word
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(word.len());
        let value: f64 = word[..digits_end].replace(',', "").parse().ok()?;
        let suffix = &word[digits_end..];
        let magnitude = words
            .magnitudes
            .get(suffix)
            .or_else(|| words.glued_magnitudes.get(suffix))
            .copied();
        match (suffix.is_empty(), magnitude) {
            (true, _) => (value, false),
            (false, Some(m)) => (value * m, true),
            // `22nd`, `4x4`: a word, not a value.
            (false, None) => return None,
        }
    } else {
        (*words.number_words.get(word)?, false)
    };
    let mut used = 1;
    if !glued {
        if let Some(m) = raw
            .get(i + 1)
            .and_then(|next| words.magnitudes.get(next.0.as_str()))
        {
            value *= m;
            used = 2;
        }
    }
    Some((value, used))
}

/// Accented Latin letters as their base letters: `Nestlé` = `Nestle`.
/// Borrowed when ASCII (nearly every word), as no letter changes then.
fn fold_accents(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
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
        .collect::<String>()
        .into()
}

/// A word's prefix for [`meets`]: its first five letters, for words of six
/// letters or more.
fn prefix(w: &str) -> Option<String> {
    (w.chars().count() >= 6 && !w.starts_with('#')).then(|| w.chars().take(5).collect())
}

/// Whether the content word `i` of `p` meets a word of `other`: the same
/// key, or (for words of six letters or more) the same first five letters,
/// which catches derivations and spellings the stemmer leaves apart.
fn meets(p: &Ids, i: usize, other: &Ids) -> bool {
    holds_word(&other.set_sorted, p.set[i])
        || (p.set_prefix[i] != NO_PREFIX && holds(&other.prefixes_sorted, &p.set_prefix[i]))
}

/// Whether `set` (sorted by id) holds the word `id`.
fn holds_word(set: &[(u32, u32)], id: u32) -> bool {
    set.binary_search_by_key(&id, |&(w, _)| w).is_ok()
}

/// How rare a word's key is, as the weight of matching it.
fn rarity(key: &str) -> f64 {
    let zipf = if key.starts_with('#') {
        UNLISTED_ZIPF
    } else {
        TABLES.zipf.get(key).copied().unwrap_or(UNLISTED_ZIPF)
    };
    (IDF_TOP - zipf.max(UNLISTED_ZIPF)).max(0.0)
}

/// How many content words of `a` left unmatched have a synonym among the
/// content words of `b` left unmatched.
fn related(a: &Ids, b: &Ids) -> usize {
    (0..a.set.len())
        .filter(|&i| {
            !meets(a, i, b)
                && a.related_of(i).iter().any(|&x| {
                    b.set_sorted
                        .binary_search_by_key(&x, |&(w, _)| w)
                        .is_ok_and(|at| !meets(b, b.set_sorted[at].1 as usize, a))
                })
        })
        .count()
}

/// Hashes of the character n-grams of `letters`, sorted, each once.
fn char_grams(letters: &[char], n: usize) -> Vec<u32> {
    use std::hash::{Hash, Hasher};
    let mut grams: Vec<u32> = letters
        .windows(n)
        .map(|w| {
            let mut hasher = rustc_hash::FxHasher::default();
            w.hash(&mut hasher);
            (hasher.finish() >> 32) as u32
        })
        .collect();
    grams.sort_unstable();
    grams.dedup();
    grams
}

/// The smaller of the shares of each side's character n-grams found in the other.
fn char_share(a: &[u32], b: &[u32]) -> f64 {
    let shared = shared_count(a, b);
    let longer = a.len().max(b.len());
    if a.is_empty() || b.is_empty() {
        0.0
    } else {
        shared as f64 / longer as f64
    }
}

/// The longest run of words of `a` not in `b` (sorted), and the share of
/// such words: a clause one side adds.
fn unmatched_run(a: &[u32], b: &[u32]) -> (usize, f64) {
    let (mut longest, mut run, mut unmatched) = (0, 0, 0);
    for k in a {
        if holds(b, k) {
            run = 0;
        } else {
            run += 1;
            unmatched += 1;
            longest = longest.max(run);
        }
    }
    (longest, unmatched as f64 / a.len().max(1) as f64)
}

/// Shares of each side's n-grams (sorted, distinct) found in the other, smaller first.
fn ngram_shares<T: Ord + Copy>(ga: &[T], gb: &[T]) -> (f64, f64) {
    let shared = shared_count(ga, gb) as f64;
    let share = |g: &[T]| {
        if g.is_empty() {
            0.0
        } else {
            shared / g.len() as f64
        }
    };
    let (x, y) = (share(ga), share(gb));
    (x.min(y), x.max(y))
}

/// Length of the longest common subsequence of the first [`LCS_CAP`] words
/// of `a` and of the words whose [`masks`] are `b` (of `b_len` words), bit
/// parallel (Hyyrö 2004): one step per word of `a`.
fn lcs(a: &[u32], b: &[(u32, u128)], b_len: usize) -> usize {
    let m = b_len.min(LCS_CAP);
    let mut v: u128 = !0;
    for x in &a[..a.len().min(LCS_CAP)] {
        if let Ok(at) = b.binary_search_by_key(x, |e| e.0) {
            let u = v & b[at].1;
            v = v.wrapping_add(u) | (v - u);
        }
    }
    m - (v & ((1u128 << m) - 1)).count_ones() as usize
}

/// Each word among the first [`LCS_CAP`] of `words`, sorted, with the bits
/// of its positions.
fn masks(words: &[u32]) -> Vec<(u32, u128)> {
    let mut at: Vec<(u32, u128)> = words
        .iter()
        .take(LCS_CAP)
        .enumerate()
        .map(|(j, &w)| (w, 1u128 << j))
        .collect();
    at.sort_unstable_by_key(|e| e.0);
    let mut out: Vec<(u32, u128)> = Vec::with_capacity(at.len());
    for (w, bit) in at {
        match out.last_mut() {
            Some(last) if last.0 == w => last.1 |= bit,
            _ => out.push((w, bit)),
        }
    }
    out
}

/// The larger of the shares of each side's word n-grams found in the other,
/// each n-gram weighted by the rarity of its words.
fn rare_ngram_share<G: Ord>((ga, total_a): (&[(G, f64)], f64), (gb, total_b): (&[G], f64)) -> f64 {
    let shared: f64 = ga
        .iter()
        .filter(|(g, _)| holds(gb, g))
        .map(|(_, w)| w)
        .sum();
    let share = |total: f64| {
        if total > 0.0 {
            shared / total
        } else {
            0.0
        }
    };
    share(total_a).max(share(total_b))
}

/// The share of the content words `content` in the runs not found in
/// `other` (any word of it, sorted) that open or close the statement: a
/// clause one side adds before or after what both say.
fn unmatched_edges(content: &[u32], other: &[u32]) -> f64 {
    let found = |k: &u32| holds(other, k);
    let leading = content.iter().take_while(|k| !found(k)).count();
    let trailing = if leading == content.len() {
        0
    } else {
        content.iter().rev().take_while(|k| !found(k)).count()
    };
    (leading + trailing) as f64 / content.len().max(1) as f64
}

/// The features of a pair, in the order of [`FEATURES`]; symmetric.
pub fn features(a: &Profile, b: &Profile) -> [f64; FEATURES.len()] {
    let (ia, ib) = (&a.ids, &b.ids);
    let matched_a = || (0..ia.set.len()).filter(|&i| meets(ia, i, ib));
    let matched_b = || (0..ib.set.len()).filter(|&i| meets(ib, i, ia));
    let share = |m: usize, of: usize| if of == 0 { 0.0 } else { m as f64 / of as f64 };
    let (ca, cb) = (
        share(matched_a().count(), ia.set.len()),
        share(matched_b().count(), ib.set.len()),
    );
    // The same, each word weighted by its rarity.
    let (total_a, total_b) = (ia.mass, ib.mass);
    let (rare_a, rare_b) = (
        matched_a().map(|i| ia.set_rarity[i]).sum::<f64>(),
        matched_b().map(|i| ib.set_rarity[i]).sum::<f64>(),
    );
    let fraction = |x: f64, of: f64| if of > 0.0 { x / of } else { 0.0 };
    let (ra, rb) = (fraction(rare_a, total_a), fraction(rare_b, total_b));
    let (bi_min, _) = ngram_shares(&ia.bigrams, &ib.bigrams);
    let (tri_min, tri_max) = ngram_shares(&ia.trigrams, &ib.trigrams);
    let (c3_min, c4_min) = (
        char_share(&a.grams3, &b.grams3),
        char_share(&a.grams4, &b.grams4),
    );
    let longest = ia.content.len().max(ib.content.len()).max(1);
    let (run_a, words_a) = unmatched_run(&ia.keys, &ib.keys_sorted);
    let (run_b, words_b) = unmatched_run(&ib.keys, &ia.keys_sorted);
    let edges = unmatched_edges(&ia.content, &ib.keys_sorted)
        .max(unmatched_edges(&ib.content, &ia.keys_sorted));
    // Unmatched words with a synonym among the other side's unmatched.
    let (rel_a, rel_b) = (related(ia, ib), related(ib, ia));
    let numbers_conflict = !a.numbers.is_empty() && !b.numbers.is_empty() && a.numbers != b.numbers;
    let flag = |x: bool| if x { 1.0 } else { 0.0 };
    [
        ca.min(cb),
        ca.max(cb),
        ra.min(rb),
        ra.max(rb),
        bi_min,
        tri_min,
        tri_max,
        lcs(&ia.content, &ib.content_masks, ib.content.len()) as f64 / longest as f64,
        c3_min,
        c4_min,
        words_a.min(words_b),
        words_a.max(words_b),
        (run_a.max(run_b) as f64).ln_1p(),
        (total_a - rare_a).max(total_b - rare_b).ln_1p(),
        rel_a.max(rel_b) as f64,
        flag(numbers_conflict),
        flag(a.negated != b.negated),
        rare_ngram_share((&ia.rare2, ia.rare2_total), (&ib.bigrams, ib.rare2_total)),
        rare_ngram_share((&ia.rare3, ia.rare3_total), (&ib.trigrams, ib.rare3_total)),
        edges,
        lcs(&ia.keys, &ib.key_masks, ib.keys.len()) as f64
            / ia.keys.len().max(ib.keys.len()).max(1) as f64,
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

    thread_local! {
        /// One profiler for the tests' profiles, as profiles are compared only
        /// with those of their own profiler.
        static PROFILER: Profiler<'static> = Profiler::new(&Lexicon::shared().stopwords);
    }

    fn profile(text: &str) -> Profile {
        PROFILER.with(|profiler| profiler.profile(text))
    }

    #[test]
    fn the_weights_name_every_feature() {
        let data = lexicon_file!("statement_weights.txt");
        for name in FEATURES.iter().chain(&["bias"]) {
            assert!(
                data_lines(data).any(|l| l.split_whitespace().next() == Some(name)),
                "{name} has no weight"
            );
        }
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
        assert_eq!(us.ids.content, united.ids.content);
        assert_eq!(
            profile("Nestlé").ids.content,
            profile("Nestle").ids.content,
            "accents fold"
        );
        assert_eq!(
            profile("mid-year").ids.content,
            profile("midyear").ids.content
        );
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
    fn entities_give_their_names_canonical_words() {
        let entity = |text: &str, canonical: &str, entity_type| Entity {
            span: crate::report::Span {
                start: 0,
                end: text.chars().count(),
                text: text.to_string(),
            },
            entity_type,
            canonical: canonical.to_string(),
        };
        let entities = [
            entity("Kiev", "Kyiv", EntityType::Place),
            entity("Zelenskiy", "Volodymyr Zelensky", EntityType::Person),
            entity(
                "EADS",
                "European Aeronautic Defence",
                EntityType::Organization,
            ),
        ];
        let map = canonical_words(entities.iter());
        assert_eq!(map.get("kiev").map(String::as_str), Some("kyiv"));
        assert_eq!(map.get("zelenskiy").map(String::as_str), Some("zelensky"));
        assert!(!map.contains_key("eads"), "{map:?}");
        let stopwords = &Lexicon::shared().stopwords;
        let profiler = Profiler::new(stopwords).with_canonical(&map);
        assert_eq!(
            profiler.profile("Kiev's mayor").ids.content,
            profiler.profile("Kyiv's mayor").ids.content
        );
    }

    #[test]
    fn a_canonical_map_joins_spellings_of_a_name() {
        let stopwords = &Lexicon::shared().stopwords;
        let mut map = HashMap::default();
        map.insert("kiev".to_string(), "kyiv".to_string());
        let profiler = Profiler::new(stopwords).with_canonical(&map);
        assert_eq!(
            profiler.profile("Kiev said").ids.content,
            profiler.profile("Kyiv said").ids.content
        );
    }
}
