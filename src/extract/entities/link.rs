//! One canonical name per real thing across the documents of one analysis:
//! `Kiev` and `Kyiv` (the gazetteer's one place), `Zelenskiy` and `Zelensky`,
//! `Donbass` and `Donbas`, `HIMARS` and `Himars`, `Defence Ministry` and
//! `Defense Ministry` (one spelling key), `Konashenkov` in one article and
//! `Igor Konashenkov` in another (the only full name with that surname), and
//! `EADS` wherever one article spells out what it abbreviates.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::Lexicon;
use crate::report::{Document, EntityType};
use crate::union_find;

/// Rewrites every entity's `canonical`, and every quote's `speaker` that
/// named one, to the name shared by all documents.
pub fn across_documents(documents: &mut [Document], lexicon: &Lexicon) {
    let mut groups = Groups::default();
    // Each document's canonical names, and the acronyms it spells out: one
    // node per entity, kept to read its group by.
    let nodes: Vec<Vec<usize>> = documents
        .iter()
        .map(|doc| {
            doc.entities
                .iter()
                .map(|e| {
                    let node = groups.node(class(e.entity_type), &e.canonical, lexicon);
                    let written = &e.span.text;
                    if e.entity_type == EntityType::Organization && written != &e.canonical {
                        let alias = groups.node(class(e.entity_type), written, lexicon);
                        groups.union(node, alias);
                    }
                    node
                })
                .collect()
        })
        .collect();
    // A document that names `Obama` beside `Michelle Obama` has told the
    // people apart (bodies and things it leaves to the join).
    let mut apart: HashSet<(usize, usize)> = HashSet::default();
    for doc in &nodes {
        let mut distinct = doc.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let mut people_by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
        for &node in &distinct {
            if let (Class::Person, Some((_, surname))) =
                (groups.keys[node].0, groups.keys[node].1.rsplit_once(' '))
            {
                people_by_surname.entry(surname).or_default().push(node);
            }
        }
        for &short in &distinct {
            if let Some(people) = people_by_surname.get(groups.keys[short].1.as_str()) {
                apart.extend(people.iter().map(|&long| (short, long)));
            }
        }
    }
    groups.join_short_names(&apart);
    let roots: Vec<Vec<usize>> = nodes
        .iter()
        .map(|doc| doc.iter().map(|&node| groups.find(node)).collect())
        .collect();
    // A group with a person in it is a person (`Biden`, typed a body for want of a clue).
    let mut counts: HashMap<(usize, &str), usize> = HashMap::default();
    let mut people: HashMap<usize, bool> = HashMap::default();
    for (e, &root) in documents
        .iter()
        .flat_map(|d| &d.entities)
        .zip(roots.iter().flatten())
    {
        *counts.entry((root, e.canonical.as_str())).or_default() += 1;
        *people.entry(root).or_default() |= e.entity_type == EntityType::Person;
    }
    // The name a group goes by: a person's fullest name; else the most
    // frequent canonical, then the longest; ties by spelling, so the result
    // never depends on hash order.
    let mut best: HashMap<usize, (&str, usize)> = HashMap::default();
    for (&(root, name), &count) in &counts {
        let rank = |name: &str, count: usize| {
            let words = name.split(' ').count();
            let fullest = if people[&root] { words } else { 0 };
            (fullest, count, words, std::cmp::Reverse(name.to_string()))
        };
        if best
            .get(&root)
            .is_none_or(|&(known, known_count)| rank(name, count) > rank(known, known_count))
        {
            best.insert(root, (name, count));
        }
    }
    let shared: HashMap<usize, (String, bool)> = best
        .into_iter()
        .map(|(root, (name, _))| (root, (name.to_string(), people[&root])))
        .collect();
    for (doc, roots) in documents.iter_mut().zip(&roots) {
        let mut renamed: HashMap<String, String> = HashMap::default();
        for (e, root) in doc.entities.iter_mut().zip(roots) {
            let (name, person) = &shared[root];
            if matches!(e.entity_type, EntityType::Person | EntityType::Organization) {
                renamed.insert(e.canonical.clone(), name.clone());
            }
            if *person {
                e.entity_type = EntityType::Person;
            }
            e.canonical = name.clone();
        }
        for quote in &mut doc.quotes {
            if let Some(name) = quote.speaker.as_ref().and_then(|s| renamed.get(s)) {
                quote.speaker = Some(name.clone());
            }
        }
    }
}

/// Only things of one class can be one thing: a person is never a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Class {
    Person,
    Place,
    Thing,
}

fn class(kind: EntityType) -> Class {
    match kind {
        EntityType::Person => Class::Person,
        EntityType::Place => Class::Place,
        EntityType::Organization | EntityType::Other => Class::Thing,
    }
}

/// A name as compared across documents: case, dots, apostrophes and hyphens
/// aside, British spellings read as American, doubled letters as one, and a
/// transliterated `-iy` as `-y` (`Zelenskiy`, `Donbass`, `U.S.`).
/// Bodies and things also drop a company's suffix and a model's plural
/// (`Apple Inc`, `A380s`).
fn key(class: Class, name: &str, lexicon: &Lexicon) -> String {
    let lowered = name.to_lowercase();
    let cleaned: String = lowered
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().filter(|w| *w != "the").collect();
    if class == Class::Thing {
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| lexicon.company_suffixes.contains(w))
        {
            words.pop();
        }
    }
    let mut out = String::with_capacity(cleaned.len());
    for word in words {
        let word = lexicon.spelling_variants.get(word).copied().unwrap_or(word);
        let word = match word.strip_suffix('s') {
            Some(model)
                if class == Class::Thing && model.ends_with(|c: char| c.is_ascii_digit()) =>
            {
                model
            }
            _ => word,
        };
        let word = word
            .strip_suffix("iy")
            .map_or(word.to_string(), |stem| format!("{stem}y"));
        if !out.is_empty() {
            out.push(' ');
        }
        let mut previous = None;
        for c in word.chars() {
            if Some(c) != previous {
                out.push(c);
            }
            previous = Some(c);
        }
    }
    out
}

/// Disjoint sets of (class, key) nodes.
#[derive(Default)]
struct Groups {
    index: HashMap<(Class, String), usize>,
    keys: Vec<(Class, String)>,
    parent: Vec<usize>,
}

impl Groups {
    fn node(&mut self, class: Class, name: &str, lexicon: &Lexicon) -> usize {
        let node = (class, key(class, name, lexicon));
        if let Some(&at) = self.index.get(&node) {
            return at;
        }
        let at = self.parent.len();
        self.parent.push(at);
        self.keys.push(node.clone());
        self.index.insert(node, at);
        at
    }

    fn find(&mut self, at: usize) -> usize {
        union_find::root(&mut self.parent, at)
    }

    fn union(&mut self, a: usize, b: usize) {
        union_find::union(&mut self.parent, a, b);
    }

    /// A short name is the one longer name of the analysis that ends with it:
    /// `Konashenkov` (where an article gives no full name) is `Igor
    /// Konashenkov`, `Air Force` is `United States Air Force`, `Corps` is
    /// `Apple Corps`. Places keep their gazetteer names.
    fn join_short_names(&mut self, apart: &HashSet<(usize, usize)>) {
        let mut longer_by_ending: HashMap<(Class, String), Vec<usize>> = HashMap::default();
        for (at, (class, key)) in self.keys.iter().enumerate() {
            if *class == Class::Place {
                continue;
            }
            for (space, _) in key.match_indices(' ') {
                longer_by_ending
                    .entry((*class, key[space + 1..].to_string()))
                    .or_default()
                    .push(at);
            }
        }
        // Longer names first, then by spelling: joins never depend on the documents' order.
        let mut names: Vec<(usize, (Class, String))> =
            self.keys.iter().cloned().enumerate().collect();
        crate::sort::by(&mut names, |(_, (class_a, a)), (_, (class_b, b))| {
            let words = |key: &str| key.split(' ').count();
            words(b)
                .cmp(&words(a))
                .then_with(|| (a, class_a).cmp(&(b, class_b)))
        });
        for (at, (class, key)) in names {
            // A lone unknown word (typed a body for want of a clue) may be a person's surname.
            let as_person = (class == Class::Thing && !key.contains(' '))
                .then(|| longer_by_ending.get(&(Class::Person, key.clone())))
                .flatten();
            let Some(full) = longer_by_ending.get(&(class, key)).or(as_person) else {
                continue;
            };
            if full.iter().any(|&f| apart.contains(&(at, f))) {
                continue;
            }
            let roots: Vec<usize> = {
                let mut roots: Vec<usize> = full.iter().map(|&f| self.find(f)).collect();
                roots.sort_unstable();
                roots.dedup();
                roots
            };
            if let [only] = roots.as_slice() {
                self.union(at, *only);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Input, Options};

    /// Each document's entities as (written, canonical), analyzed together.
    fn linked(texts: &[&str]) -> Vec<Vec<(String, String)>> {
        let inputs: Vec<Input> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input::from_text(format!("{i}.txt"), t))
            .collect();
        analyze(&inputs, &Options::default())
            .documents
            .into_iter()
            .map(|d| {
                d.entities
                    .into_iter()
                    .map(|e| (e.span.text, e.canonical))
                    .collect()
            })
            .collect()
    }

    fn canonical_of<'a>(docs: &'a [Vec<(String, String)>], doc: usize, written: &str) -> &'a str {
        docs[doc]
            .iter()
            .find(|(w, _)| w == written)
            .map(|(_, c)| c.as_str())
            .unwrap_or_else(|| panic!("no {written} in document {doc}: {:?}", docs[doc]))
    }

    #[test]
    fn one_name_across_documents_for_spellings_surnames_and_acronyms() {
        let docs = linked(&[
            "Officials in Kiev said the Donbass front held, Mr Zelenskiy said. \
             The Defence Ministry said the HIMARS units moved. Spokesman Pavel Grumov spoke.",
            "Officials in Kyiv said the Donbas front held, Mr Zelensky said. \
             The Defense Ministry said the Himars units moved. Reporters heard Grumov.",
        ]);
        for (first, second) in [
            ("Kiev", "Kyiv"),
            ("Donbass", "Donbas"),
            ("Zelenskiy", "Zelensky"),
            ("HIMARS", "Himars"),
            ("Defence Ministry", "Defense Ministry"),
        ] {
            assert_eq!(
                canonical_of(&docs, 0, first),
                canonical_of(&docs, 1, second)
            );
        }
        assert_eq!(canonical_of(&docs, 1, "Grumov"), "Pavel Grumov");
    }

    #[test]
    fn a_surname_an_article_told_apart_from_a_full_name_is_not_joined_to_it() {
        let docs = linked(&[
            "President Grumov opened the bridge. Mr. Grumov thanked the builders. \
             He came with his wife, Marta Grumov.",
            "Reporters heard Grumov on Monday.",
        ]);
        assert_eq!(canonical_of(&docs, 0, "Marta Grumov"), "Marta Grumov");
        assert_eq!(canonical_of(&docs, 1, "Grumov"), "Grumov");
    }

    #[test]
    fn two_people_sharing_a_surname_keep_their_names() {
        let docs = linked(&[
            "Anna Berg said it rained. Berg left.",
            "Tomas Berg said it snowed. Berg stayed.",
        ]);
        assert_eq!(canonical_of(&docs, 0, "Berg"), "Anna Berg");
        assert_eq!(canonical_of(&docs, 1, "Berg"), "Tomas Berg");
    }
}
