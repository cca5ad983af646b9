//! Entities: every mention of a person, organization, place or other named
//! thing in a document, typed, with one canonical name per real thing.
//!
//! No model: a name is a run of capitalized words, and what it names is read
//! from its words and their neighbours. The pipeline, a step each:
//! - runs of capitalized words, joined across `of`, particles and initials
//!   (`Ministry of Defence`, `U.S.`), cut at punctuation and possessives;
//! - what is no name dropped: a capital that only opens a sentence (a word
//!   the document also writes in lower case), dates, headline and all-caps
//!   labels unless the document names the same words elsewhere;
//! - titles split off (`Lt Gen Igor Konashenkov` is a person, `Apple CEO
//!   Steve Jobs` an organization and a person);
//! - typed by the gazetteer and demonyms, the heads of organizations, places
//!   and other things, given names, titles and roles beside the name;
//! - within the document, one canonical name each: surnames take the fullest
//!   name, acronyms the name they abbreviate. [`link`] does the same across
//!   the documents of one analysis.

pub mod link;
pub mod names;

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::Lexicon;
use crate::report::EntityType;
use crate::text::words::{words, Word};

/// An entity's mention in a document, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundEntity {
    pub range: Range<usize>,
    pub kind: EntityType,
    /// The document's one name for the thing: the fullest name it gives, or the gazetteer's.
    pub canonical: String,
}

pub struct EntityFinder<'a> {
    lexicon: &'a Lexicon,
}

/// A candidate name: capitalized words of one sentence, with what surrounds them.
struct Run<'u> {
    words: Vec<Range<usize>>,
    /// The lower-case word just before the run (`spokesman`, `in`).
    before: Option<&'u str>,
    /// A model number closes the run (`Boeing 737`, `iPhone 4`).
    model: bool,
    /// The run followed a title or a role (`Lt Gen`, `Foreign Minister`).
    titled: bool,
}

/// What is known about a document's words before any run is read.
/// The words are borrowed from the document's tokens: no copy per word.
struct Usage<'u> {
    /// Words the document writes in lower case somewhere: `Scenes` opening a
    /// sentence is the word `scenes`.
    lower: HashSet<&'u str>,
    /// Words written capitalized inside a sentence: names, whatever opens a sentence.
    inner_capitals: HashSet<&'u str>,
}

impl<'a> EntityFinder<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        EntityFinder { lexicon }
    }

    /// The entities of a document's `units` (its sentences and its headline),
    /// in text order, each with the document's canonical name for it.
    pub fn find(&self, text: &str, units: &[Range<usize>]) -> Vec<FoundEntity> {
        let tokenized: Vec<Vec<Word>> = units.iter().map(|u| words(text, u.start, u.end)).collect();
        let headline: Vec<bool> = tokenized.iter().map(|w| is_headline(text, w)).collect();
        let usage = self.usage(text, &tokenized, &headline);
        let mut found = Vec::new();
        for (unit, is_headline) in tokenized.iter().zip(&headline) {
            for run in self.runs(text, unit, *is_headline, &usage) {
                found.extend(self.typed(text, run));
            }
        }
        found.extend(self.lower_case_bodies(text, &tokenized));
        crate::sort::by_key(&mut found, |e| e.range.start);
        found.dedup_by(|later, earlier| later.range.start < earlier.range.end);
        self.corefer(text, &mut found);
        found
    }

    fn usage<'u>(&self, text: &str, units: &'u [Vec<Word>], headline: &[bool]) -> Usage<'u> {
        let mut usage = Usage {
            lower: HashSet::default(),
            inner_capitals: HashSet::default(),
        };
        for (unit, &is_headline) in units.iter().zip(headline) {
            for (i, w) in unit.iter().enumerate() {
                let first = text[w.start..].chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    usage.lower.insert(&w.folded);
                } else if first.is_uppercase()
                    && i > 0
                    && !is_headline
                    && !opens_clause(text, unit, i)
                {
                    usage.inner_capitals.insert(possessive_stripped(&w.folded));
                }
            }
        }
        usage
    }

    /// Whether a word is a name whatever its place: a place, a demonym, a given name, an acronym.
    fn known(&self, word: &str) -> bool {
        self.names_a_place(word) || self.lexicon.given_names.contains_key(word) || is_acronym(word)
    }

    /// Whether a capitalized word may be (part of) a name where it stands.
    #[allow(clippy::too_many_arguments)]
    fn is_name_word(
        &self,
        text: &str,
        unit: &[Word],
        i: usize,
        name_part: &str,
        headline: bool,
        shouting: bool,
        usage: &Usage,
    ) -> bool {
        let w = &unit[i];
        let folded = possessive_stripped(&w.folded);
        // `US$40`, `USD 5`: a currency, not the country.
        let currency = text[w.end..].starts_with('$')
            || is_acronym(name_part)
                && unit
                    .get(i + 1)
                    .is_some_and(|n| n.folded.starts_with(|c: char| c.is_ascii_digit()));
        if currency
            || folded == "i"
            || self.lexicon.is_time_word(folded)
            || self.lexicon.not_names.contains(folded)
        {
            return false;
        }
        let known = self.known(name_part);
        let seen_inside = usage.inner_capitals.contains(folded);
        // In a headline or a label only what the article names elsewhere is a name.
        if headline && !seen_inside && !(known && !(shouting && is_acronym(name_part))) {
            return false;
        }
        let sentence_start = i == 0 || opens_clause(text, unit, i);
        if !sentence_start || known || self.is_title(folded) {
            return !(sentence_start && self.is_function_word_at(text, unit, i, folded, name_part));
        }
        // A capital that opens a sentence is a name only if the document never
        // writes the word in lower case, and names it inside a sentence or
        // goes on with another capitalized word (`Northrop Grumman said`).
        let next_capitalized = unit.get(i + 1).is_some_and(|next| {
            text[next.start..].starts_with(char::is_uppercase) && text[w.end..next.start] == *" "
        });
        !self.is_function_word_at(text, unit, i, folded, name_part)
            && !usage.lower.contains(folded)
            && (seen_inside || next_capitalized)
    }

    /// `The`, `In`, `But`: no name, whatever its capital; `US` is `us` folded, but a place.
    fn is_function_word(&self, folded: &str, written: &str) -> bool {
        self.lexicon.stopwords.contains(folded)
            && !(is_acronym(written) && self.lexicon.gazetteer.place(written).is_some())
    }

    /// A function word where it stands: `Per` in `Per Holt said` is a given
    /// name, as a capitalized name follows it; `Per the report` is none.
    fn is_function_word_at(
        &self,
        text: &str,
        unit: &[Word],
        i: usize,
        folded: &str,
        written: &str,
    ) -> bool {
        self.is_function_word(folded, written)
            && !self.given_name_before_name(text, unit, i, written)
    }

    /// A given name followed by a capitalized word that is no function word.
    fn given_name_before_name(&self, text: &str, unit: &[Word], i: usize, written: &str) -> bool {
        self.lexicon.given_names.contains_key(written)
            && unit.get(i + 1).is_some_and(|next| {
                text[unit[i].end..next.start] == *" "
                    && text[next.start..].starts_with(char::is_uppercase)
                    && !self.lexicon.stopwords.contains(next.folded.as_str())
                    && !self.lexicon.is_time_word(&next.folded)
            })
    }

    /// `Institute for the Study of War`: `for` joins a body's name to what it is for.
    fn ends_in_body(&self, text: &str, current: &[Range<usize>]) -> bool {
        current.last().is_some_and(|last| {
            self.head_kind(&text[last.clone()].to_lowercase()) == Some(EntityType::Organization)
        })
    }

    /// `Donetsk People's Republic`: a possessive inside a name, before its head word.
    fn possessive_inside_name(&self, text: &str, unit: &[Word], i: usize) -> bool {
        let w = &unit[i];
        w.folded.ends_with("'s")
            && text[w.start..].starts_with(char::is_uppercase)
            && unit.get(i + 1).is_some_and(|next| {
                text[w.end..next.start] == *" "
                    && text[next.start..].starts_with(char::is_uppercase)
                    && self.head_kind(&next.folded) == Some(EntityType::Organization)
            })
    }

    fn names_a_place(&self, name: &str) -> bool {
        let gazetteer = &self.lexicon.gazetteer;
        gazetteer.place(name).is_some() || gazetteer.demonym(name).is_some()
    }

    /// The candidate names of one unit.
    fn runs<'u>(
        &self,
        text: &str,
        unit: &'u [Word],
        headline: bool,
        usage: &Usage,
    ) -> Vec<Run<'u>> {
        // In an all-caps label (`WATCH LIVE`) every word looks like an acronym.
        let shouting = headline
            && !text[unit.first().map_or(0, |w| w.start)..unit.last().map_or(0, |w| w.end)]
                .chars()
                .any(char::is_lowercase);
        let mut runs = Vec::new();
        let mut current: Vec<Range<usize>> = Vec::new();
        let mut pending_particle: Option<Range<usize>> = None;
        let mut before: Option<&str> = None;
        let mut model = false;
        let flush = |current: &mut Vec<Range<usize>>,
                     before: Option<&'u str>,
                     model: &mut bool,
                     runs: &mut Vec<Run<'u>>| {
            if !current.is_empty() {
                runs.push(Run {
                    words: std::mem::take(current),
                    before,
                    model: std::mem::take(model),
                    titled: false,
                });
            }
        };
        for (i, w) in unit.iter().enumerate() {
            let raw = &text[w.start..w.end];
            let name_part = name_part(raw);
            // `U.S.`: the last initial keeps its dot, as do `Jr.` and `St.`.
            let dotted = name_part.len() == raw.len()
                && (name_part.chars().count() == 1
                    || self.lexicon.abbreviations.contains(w.folded.as_str()))
                && text[w.end..].starts_with('.');
            let inside_name = self.possessive_inside_name(text, unit, i);
            let range = if inside_name {
                w.start..w.end
            } else {
                w.start..w.start + name_part.len() + usize::from(dotted)
            };
            let folded = possessive_stripped(&w.folded);
            let gap = i.checked_sub(1).map_or("", |p| &text[unit[p].end..w.start]);
            let joined = current.is_empty()
                || joins_words(gap, current.last().map(|r| &text[r.clone()]), self.lexicon);
            let capital = raw.starts_with(char::is_uppercase)
                || raw.starts_with(char::is_lowercase)
                    && raw.chars().skip(1).any(char::is_uppercase);
            let is_name = capital
                && self.is_name_word(text, unit, i, name_part, headline, shouting, usage)
                && !(current.is_empty()
                    && self.is_function_word_at(text, unit, i, folded, name_part));
            // `Boeing 737`, `Zephyr 900`; in `gave Ukraine 16 systems` the number counts.
            let model_number = !current.is_empty()
                && joined
                && gap == " "
                && raw.chars().any(|c| c.is_ascii_digit())
                && !is_year(raw)
                && !self.names_a_place(&text[current[0].start..current[current.len() - 1].end]);
            if is_name && joined {
                if let Some(particle) = pending_particle.take() {
                    current.push(particle);
                }
                current.push(range.clone());
            } else if model_number {
                current.push(w.start..w.end);
                model = true;
                flush(&mut current, before, &mut model, &mut runs);
            } else if !current.is_empty()
                && (self
                    .lexicon
                    .name_and_number_words
                    .name_particles
                    .contains(w.folded.as_str())
                    || w.folded == "for" && self.ends_in_body(text, &current))
                && pending_particle.is_none()
                && gap == " "
            {
                pending_particle = Some(w.start..w.end);
                continue;
            } else if pending_particle.is_some() && w.folded == "the" && gap == " " {
                // `Ministry of the Interior`: `the` after a particle.
                continue;
            } else {
                flush(&mut current, before, &mut model, &mut runs);
                if is_name {
                    current.push(range.clone());
                }
            }
            pending_particle = None;
            if current.is_empty() {
                before = Some(&w.folded);
            } else if name_part.len() < raw.len() && !inside_name {
                // `Boeing's`, `EADS-led`: the name ends inside the word.
                flush(&mut current, before, &mut model, &mut runs);
                before = None;
            }
        }
        flush(&mut current, before, &mut model, &mut runs);
        runs.into_iter()
            .flat_map(|run| self.split_at_of(text, run))
            .flat_map(|run| self.split_titles(text, run))
            .collect()
    }

    /// `of` joins a title or a head word to what follows (`Secretary of State`,
    /// `Institute of Technology`, `Gulf of Riga`); after any other name it
    /// starts a second one (`Ann Lee of the Valdor Tribune`).
    fn split_at_of<'u>(&self, text: &str, run: Run<'u>) -> Vec<Run<'u>> {
        let folded = |r: &Range<usize>| text[r.clone()].trim_end_matches('.').to_lowercase();
        let split = (1..run.words.len().saturating_sub(1)).find(|&i| {
            let before = folded(&run.words[i - 1]);
            folded(&run.words[i]) == "of"
                && !self.is_title(&before)
                && self.head_kind(&before).is_none()
        });
        let Some(at) = split else {
            return vec![run];
        };
        let second = Run {
            words: run.words[at + 1..].to_vec(),
            before: Some("of"),
            model: run.model,
            titled: false,
        };
        let first = Run {
            words: run.words[..at].to_vec(),
            model: false,
            ..run
        };
        let mut out = vec![first];
        out.extend(self.split_at_of(text, second));
        out
    }

    /// `Russian Defence Minister Sergei Shoigu` is a place and a person;
    /// `Lt Gen Igor Konashenkov` a person. A run that is all titles names nobody.
    fn split_titles<'u>(&self, text: &str, run: Run<'u>) -> Vec<Run<'u>> {
        let folded: Vec<String> = run
            .words
            .iter()
            .map(|r| text[r.clone()].trim_end_matches('.').to_lowercase())
            .collect();
        // Every `of` left follows a title (`Secretary of State`) or a head word (split_at_of).
        let is_title = |i: usize| {
            self.is_title(&folded[i]) || folded[i] == "of" && i > 0 && self.is_title(&folded[i - 1])
        };
        let ends_with_head = folded.last().is_some_and(|w| self.head_kind(w).is_some());
        let last_title = (0..run.words.len()).rev().find(|&i| is_title(i));
        // Where the titles before the name begin (`Defence Minister` in `Russian Defence Minister Sergei Shoigu`).
        let first_title = |last: usize| {
            (0..=last)
                .rev()
                .take_while(|&i| is_title(i))
                .last()
                .unwrap_or(0)
        };
        match last_title {
            _ if ends_with_head => vec![run],
            None => vec![run],
            Some(last) if last + 1 == run.words.len() => {
                // Only titles names nobody; `Ryanair CEO` names Ryanair, but
                // `Islamic State` and `Attorney General` end in a title word.
                let names_a_thing = matches!(folded[last].as_str(), "state" | "general");
                match first_title(last) {
                    0 => Vec::new(),
                    _ if names_a_thing => vec![run],
                    start => vec![Run {
                        words: run.words[..start].to_vec(),
                        ..run
                    }],
                }
            }
            Some(last) => {
                let first_title = first_title(last);
                let mut out = Vec::new();
                if first_title > 0 {
                    out.push(Run {
                        words: run.words[..first_title].to_vec(),
                        before: run.before,
                        model: false,
                        titled: false,
                    });
                }
                out.push(Run {
                    words: run.words[last + 1..].to_vec(),
                    before: None,
                    model: run.model,
                    titled: true,
                });
                out
            }
        }
    }

    fn is_title(&self, folded: &str) -> bool {
        self.lexicon.titles.contains(folded.trim_end_matches('.'))
    }

    /// What a name's head word says it is: `Ministry`, `Street`, `Act`.
    fn head_kind(&self, folded: &str) -> Option<EntityType> {
        let lexicon = self.lexicon;
        if lexicon.organization_heads.contains(folded) {
            return Some(EntityType::Organization);
        }
        if lexicon.location_heads.contains(folded) {
            return Some(EntityType::Place);
        }
        lexicon.entity_heads.get(folded).copied()
    }

    /// A run typed, with its first canonical name (the gazetteer's, or as written).
    fn typed(&self, text: &str, run: Run) -> Option<FoundEntity> {
        let (first, last) = (run.words.first()?, run.words.last()?);
        let range = first.start..last.end;
        let written = &text[range.clone()];
        let parts: Vec<&str> = run.words.iter().map(|r| &text[r.clone()]).collect();
        let folded: Vec<String> = parts.iter().map(|p| p.to_lowercase()).collect();
        let gazetteer = &self.lexicon.gazetteer;
        let entity = |kind, canonical: &str| {
            Some(FoundEntity {
                range: range.clone(),
                kind,
                canonical: canonical.to_string(),
            })
        };
        if let Some(place) = gazetteer.place(written) {
            return entity(EntityType::Place, place.canonical);
        }
        if let Some(country) = gazetteer.demonym(written).filter(|_| parts.len() == 1) {
            return entity(EntityType::Place, country);
        }
        // The last word decides (`Moscow City Council`), else the word before
        // `of` (`Bank of America`, `Gulf of Riga`), else any body's head.
        let before_of = folded
            .iter()
            .position(|w| w == "of")
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| self.head_kind(&folded[i]));
        let head = self.head_kind(folded.last()?).or(before_of).or_else(|| {
            folded
                .iter()
                .find_map(|w| self.head_kind(w))
                .filter(|k| *k == EntityType::Organization)
        });
        let written = written.strip_prefix("The ").unwrap_or(written);
        if run.model || parts[0].starts_with(char::is_lowercase) {
            return entity(EntityType::Other, written);
        }
        if let Some(kind) = head {
            return entity(kind, &self.place_spelled_out(written));
        }
        let given = self.lexicon.given_names.contains_key(parts[0]);
        let role_before = run.before.is_some_and(|b| self.is_title(b));
        let surname = folded.last().is_some_and(|w| {
            w.chars().count() > 4
                && self
                    .lexicon
                    .name_and_number_words
                    .surname_endings
                    .iter()
                    .any(|end| w.ends_with(end))
        });
        if run.titled || role_before || surname || given && parts.len() <= 4 && parts.len() >= 2 {
            return entity(EntityType::Person, written);
        }
        if parts.len() == 1 && is_acronym(parts[0]) {
            return entity(EntityType::Organization, written);
        }
        let after_preposition = run.before.is_some_and(|b| {
            self.lexicon
                .name_and_number_words
                .place_prepositions
                .contains(b)
        });
        if parts.len() == 1 && after_preposition {
            return entity(EntityType::Place, written);
        }
        entity(EntityType::Organization, written)
    }

    /// `US Air Force` as `United States Air Force`: a body named after its
    /// place takes the place's canonical name.
    fn place_spelled_out(&self, name: &str) -> String {
        let words: Vec<&str> = name.split(' ').collect();
        (1..words.len().min(4))
            .rev()
            .find_map(|n| {
                let place = self.lexicon.gazetteer.place(&words[..n].join(" "))?;
                Some(format!("{} {}", place.canonical, words[n..].join(" ")))
            })
            .unwrap_or_else(|| name.to_string())
    }

    /// `the defence ministry`, `the state department`: bodies written in lower case.
    fn lower_case_bodies(&self, text: &str, units: &[Vec<Word>]) -> Vec<FoundEntity> {
        let mut out = Vec::new();
        for unit in units {
            for pair in unit.windows(2) {
                let [portfolio, head] = pair else { continue };
                let lower = !text[portfolio.start..].starts_with(char::is_uppercase)
                    && !text[head.start..].starts_with(char::is_uppercase);
                if lower
                    && text[portfolio.end..head.start] == *" "
                    && self.lexicon.portfolios.contains(portfolio.folded.as_str())
                    && matches!(head.folded.as_str(), "ministry" | "department" | "office")
                {
                    out.push(FoundEntity {
                        range: portfolio.start..head.end,
                        kind: EntityType::Organization,
                        canonical: title_case(&text[portfolio.start..head.end]),
                    });
                }
            }
        }
        out
    }

    /// One canonical name per thing within the document: a surname or a
    /// titled name takes the fullest name ending with it, an acronym the
    /// name it abbreviates or follows in parentheses.
    fn corefer(&self, text: &str, found: &mut [FoundEntity]) {
        // Each surname's fullest name, and whether two people share it.
        let mut fullest: HashMap<String, (String, bool)> = HashMap::default();
        let mut abbreviated: HashMap<String, String> = HashMap::default();
        // People named by their surname alone before any full name has it:
        // `President Obama` twice, then `the first lady, Michelle Obama`.
        let mut alone_before: HashMap<&str, usize> = HashMap::default();
        for (i, e) in found.iter().enumerate() {
            let words: Vec<&str> = e.canonical.split_whitespace().collect();
            match e.kind {
                EntityType::Person if words.len() == 1 && !fullest.contains_key(words[0]) => {
                    *alone_before.entry(words[0]).or_default() += 1;
                }
                EntityType::Person if words.len() >= 2 => {
                    let surname = words[words.len() - 1].to_string();
                    match fullest.get_mut(&surname) {
                        Some((known, _)) if known.split_whitespace().count() > words.len() => {}
                        // `Marta Grumov`, `Pavel Grumov`: `Grumov` alone may be either.
                        Some((known, shared))
                            if known.split_whitespace().count() == words.len() =>
                        {
                            *shared |= *known != e.canonical;
                        }
                        // Someone the article already took as known (a
                        // headline's surname alone is not enough to say so).
                        _ => {
                            let known_before = alone_before.get(surname.as_str()) >= Some(&2);
                            fullest.insert(surname, (e.canonical.clone(), known_before));
                        }
                    }
                }
                EntityType::Organization if words.len() >= 2 => {
                    let without_suffix = words
                        .iter()
                        .rposition(|w| {
                            !self
                                .lexicon
                                .company_suffixes
                                .contains(w.to_lowercase().as_str())
                        })
                        .map_or(&words[..], |last| &words[..=last]);
                    abbreviated
                        .entry(initials(without_suffix))
                        .or_insert_with(|| e.canonical.clone());
                    // `Air Force (USAF)`: the acronym in parentheses right after.
                    if let Some(next) = found.get(i + 1) {
                        let between = &text[e.range.end..next.range.start];
                        if between.trim() == "(" && is_acronym(&text[next.range.clone()]) {
                            abbreviated
                                .insert(text[next.range.clone()].to_string(), e.canonical.clone());
                        }
                    }
                }
                _ => {}
            }
        }
        for e in found.iter_mut() {
            let single = !e.canonical.contains(' ');
            let last = e.canonical.rsplit(' ').next().unwrap_or("").to_string();
            let is_country = e.kind == EntityType::Place && !single;
            match fullest.get(&last) {
                Some((full, false)) if !is_country && (e.kind == EntityType::Person || single) => {
                    let contained = e
                        .canonical
                        .split(' ')
                        .all(|w| full.split(' ').any(|f| f == w));
                    if contained {
                        e.kind = EntityType::Person;
                        e.canonical = full.clone();
                    }
                }
                _ => {}
            }
            if e.kind == EntityType::Organization && single {
                if let Some(long) = abbreviated.get(&e.canonical) {
                    e.canonical = long.clone();
                }
            }
        }
    }
}

/// Whether the word at `i` opens its sentence or a clause inside it: after
/// an opening quote, a colon, a dash or a line break.
fn opens_clause(text: &str, unit: &[Word], i: usize) -> bool {
    let gap = i
        .checked_sub(1)
        .map_or("", |p| &text[unit[p].end..unit[i].start]);
    gap.contains(['“', '"', ':', '—', '\n', '‘', '('])
        || gap.trim_end().ends_with(['.', '!', '?']) && gap.ends_with(char::is_whitespace)
}

/// Whether two capitalized words belong to one name, given the text between
/// them: a space, the dot of initials (`U.S`), an ampersand, or an
/// abbreviation's period (`St. Louis`).
fn joins_words(gap: &str, previous: Option<&str>, lexicon: &Lexicon) -> bool {
    match gap {
        " " | "\u{a0}" | "&" | " & " => true,
        "." => true,
        // `Lt. Gen. Igor`, `J. P.`, `St. Louis`; `Apple Inc. Steve Jobs` is two names.
        ". " => previous.is_some_and(|p| {
            let folded = p.to_lowercase();
            p.chars().count() == 1 || lexicon.titles.contains(folded.as_str()) || folded == "st"
        }),
        _ => false,
    }
}

/// A title-case line (`Russia Alleges United States Directly Involved`) or
/// an all-caps label: its capitals say nothing of names.
fn is_headline(text: &str, unit: &[Word]) -> bool {
    let lettered: Vec<&str> = unit
        .iter()
        .map(|w| &text[w.start..w.end])
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if lettered.len() < 3 {
        return false;
    }
    let long: Vec<&&str> = lettered.iter().filter(|w| w.chars().count() > 3).collect();
    let capitalized = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    // A sentence ends in a stop; a headline seldom does (`Board CEO Lena Holm agreed.` is a sentence).
    let last = unit.last().map_or(0, |w| w.end);
    let stops = text[last..]
        .trim_start()
        .starts_with(['.', '!', '?', '”', '"']);
    !long.is_empty() && capitalized * 10 >= long.len() * 8 && !stops
        || lettered.iter().all(|w| !w.chars().any(char::is_lowercase))
}

/// The name inside a word: `Boeing` of `Boeing's`, `EADS` of `EADS-led`.
fn name_part(raw: &str) -> &str {
    let raw = raw
        .strip_suffix("'s")
        .or_else(|| raw.strip_suffix("’s"))
        .unwrap_or(raw);
    match raw.find('-') {
        // `Kyiv-based`, `EADS-led`: a lower-case part after the hyphen describes the name.
        Some(at) if raw[at + 1..].starts_with(char::is_lowercase) && at > 0 => &raw[..at],
        _ => raw,
    }
}

fn possessive_stripped(folded: &str) -> &str {
    folded.strip_suffix("'s").unwrap_or(folded)
}

/// `NATO`, `EADS`, `U.S`: capitals (and digits) throughout, two to six of them.
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '&')
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// `European Aeronautic Defence and Space Company` → `EADSC`; small words skipped.
fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A dateline (`PORTVALE, March 3 —`) names a place, however its capitals
/// make it look like an acronym.
pub fn dateline_names_a_place(entities: &mut [FoundEntity], text: &str, place: &str) {
    for entity in entities.iter_mut() {
        if entity.kind != EntityType::Place && text[entity.range.clone()] == *place {
            entity.kind = EntityType::Place;
            if !place.chars().any(char::is_lowercase) {
                entity.canonical = title_case(&place.to_lowercase());
            }
        }
    }
}

fn title_case(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::{blocks, sentences};

    /// (text, type, canonical) of every entity of a text whose lines are paragraphs.
    fn entities(text: &str) -> Vec<(String, EntityType, String)> {
        let lexicon = Lexicon::shared();
        let units: Vec<Range<usize>> = blocks(text)
            .into_iter()
            .flat_map(|b| sentences(text, b, &lexicon.abbreviations))
            .collect();
        EntityFinder::new(lexicon)
            .find(text, &units)
            .into_iter()
            .map(|e| (text[e.range].to_string(), e.kind, e.canonical))
            .collect()
    }

    /// (written, canonical) of the entities of one type.
    fn of_type(found: &[(String, EntityType, String)], kind: EntityType) -> Vec<(&str, &str)> {
        found
            .iter()
            .filter(|e| e.1 == kind)
            .map(|e| (e.0.as_str(), e.2.as_str()))
            .collect()
    }

    fn named(text: &str) -> Vec<String> {
        entities(text).into_iter().map(|e| e.0).collect()
    }

    #[test]
    fn titles_split_off_and_surnames_take_the_fullest_name() {
        let found = entities(
            "Lt Gen Pavel Grumov spoke for the army. Mr Grumov said the Grumov plan held. \
             Harbour Board CEO Lena Holm agreed.",
        );
        let people = of_type(&found, EntityType::Person);
        assert_eq!(
            people,
            [
                ("Pavel Grumov", "Pavel Grumov"),
                ("Grumov", "Pavel Grumov"),
                ("Grumov", "Pavel Grumov"),
                ("Lena Holm", "Lena Holm")
            ]
        );
        assert!(found.contains(&(
            "Harbour Board".into(),
            EntityType::Organization,
            "Harbour Board".into()
        )));
    }

    #[test]
    fn a_given_name_that_is_a_function_word_opens_a_name() {
        let found = entities("Per Holt runs the ferry line. Per the contract, Holt pays the fuel.");
        let people = of_type(&found, EntityType::Person);
        assert_eq!(people, [("Per Holt", "Per Holt"), ("Holt", "Per Holt")]);
    }

    #[test]
    fn a_surname_two_people_share_keeps_its_own_name() {
        let found = entities(
            "Marta Grumov and Pavel Grumov arrived together. Later, President Grumov spoke.",
        );
        let people = of_type(&found, EntityType::Person);
        assert_eq!(people.last(), Some(&("Grumov", "Grumov")));
    }

    #[test]
    fn a_surname_the_article_already_uses_keeps_its_own_name() {
        let found = entities(
            "President Grumov opened the bridge on Monday. Mr. Grumov thanked the builders. \
             He came with his wife, Marta Grumov. Grumov then left for the capital.",
        );
        let people = of_type(&found, EntityType::Person);
        assert_eq!(people.last(), Some(&("Grumov", "Grumov")));
        assert!(people.contains(&("Marta Grumov", "Marta Grumov")));
        // A headline's surname alone still takes the full name that follows.
        let found = entities(
            "Grumov opens bridge\nPresident Pavel Grumov opened the bridge. Grumov spoke.",
        );
        let people = of_type(&found, EntityType::Person);
        assert_eq!(people.last(), Some(&("Grumov", "Pavel Grumov")));
    }

    #[test]
    fn places_by_any_name_and_demonyms_as_their_country() {
        let found = entities(
            "Ukrainian officials met in Kiev, and U.S. envoys flew home to the United States.",
        );
        let places = of_type(&found, EntityType::Place);
        assert_eq!(
            places,
            [
                ("Ukrainian", "Ukraine"),
                ("Kiev", "Kyiv"),
                ("U.S.", "United States"),
                ("United States", "United States")
            ]
        );
    }

    #[test]
    fn organizations_by_their_heads_acronyms_and_lower_case_portfolios() {
        let found = entities(
            "The Northwind Shipping Corp said the National Rail Safety Agency (NRSA) would look. \
             NRSA staff and the defence ministry agreed.",
        );
        let orgs = of_type(&found, EntityType::Organization);
        assert_eq!(
            orgs,
            [
                ("Northwind Shipping Corp", "Northwind Shipping Corp"),
                ("National Rail Safety Agency", "National Rail Safety Agency"),
                ("NRSA", "National Rail Safety Agency"),
                ("NRSA", "National Rail Safety Agency"),
                ("defence ministry", "Defence Ministry")
            ]
        );
    }

    #[test]
    fn of_joins_a_body_to_its_field_but_ends_a_name_or_title() {
        let found = entities(
            "Ines Roth of the Valdor Tribune met Secretary of State Omar Haddad at the \
             Valdor Institute of Marine Science.",
        );
        let names: Vec<(&str, EntityType)> = found.iter().map(|e| (e.0.as_str(), e.1)).collect();
        assert_eq!(
            names,
            [
                ("Ines Roth", EntityType::Person),
                ("Valdor Tribune", EntityType::Organization),
                ("Omar Haddad", EntityType::Person),
                (
                    "Valdor Institute of Marine Science",
                    EntityType::Organization
                )
            ]
        );
    }

    #[test]
    fn a_dateline_in_capitals_is_a_place() {
        let text = "KORVIK, May 4 (Reuters) - Fog closed the port.";
        let whole = 0..text.len();
        let mut found =
            EntityFinder::new(Lexicon::shared()).find(text, std::slice::from_ref(&whole));
        dateline_names_a_place(&mut found, text, "KORVIK");
        let korvik = found.iter().find(|e| &text[e.range.clone()] == "KORVIK");
        assert!(korvik.is_some_and(|e| e.kind == EntityType::Place && e.canonical == "Korvik"));
    }

    #[test]
    fn laws_events_and_products_are_other_things() {
        let found = entities("Lawmakers passed the Clean Rivers Act before the Harvest Games; the Zephyr 900 sold out.");
        let others: Vec<&str> = found
            .iter()
            .filter(|e| e.1 == EntityType::Other)
            .map(|e| e.0.as_str())
            .collect();
        assert_eq!(others, ["Clean Rivers Act", "Harvest Games", "Zephyr 900"]);
    }

    #[test]
    fn sentence_starts_headlines_labels_and_dates_are_no_names() {
        // `Scenes` opens a sentence and is written `scenes` later; `Monday` is a date.
        assert_eq!(
            named("Scenes of panic followed on Monday. Witnesses filmed the scenes."),
            Vec::<String>::new()
        );
        // In title case only the words the article names elsewhere are names.
        let text = "Ukraine Accuses Neighbour Of Blocking Grain Ships\nUkraine said ships waited.";
        assert_eq!(named(text), ["Ukraine", "Ukraine"]);
        assert_eq!(
            named("WATCH LIVE COVERAGE\nIt rained."),
            Vec::<String>::new()
        );
        // A currency is not its country.
        assert_eq!(named("It cost US$40 million."), Vec::<String>::new());
    }

    #[test]
    fn headline_case_keeps_only_names_the_article_uses() {
        let text = "Norway Accuses Sweden Of Blocking Timber Trade In Baltic Row\n\
                    Norway said on Friday that Sweden had stopped timber lorries at the border.";
        let found = named(text);
        assert_eq!(found, ["Norway", "Sweden", "Baltic", "Norway", "Sweden"]);
    }

    #[test]
    fn credits_and_menus_name_nothing_of_the_story() {
        let text = "Home | World | Sport | Business\n\
                    Harbour storm leaves quay in ruins\n\
                    Photo: Karl Jensen/Nordpress\n\
                    Mayor Ana Ruiz said the quay would reopen within a month, and the harbour board agreed.\n\
                    Crews from Bergen worked through the night to clear the wreckage from the water.\n";
        let report = crate::analyze(
            &[crate::Input::from_text("storm.txt", text)],
            &crate::Options::default(),
        );
        let names: Vec<&str> = report.documents[0]
            .entities
            .iter()
            .map(|e| e.span.text.as_str())
            .collect();
        assert!(
            names.contains(&"Ana Ruiz") && names.contains(&"Bergen"),
            "{names:?}"
        );
        for furniture in ["Karl Jensen", "Nordpress", "World", "Sport", "Business"] {
            assert!(!names.contains(&furniture), "{furniture} in {names:?}");
        }
    }

    #[test]
    fn an_initial_keeps_its_dot_but_a_possessive_ends_before_it() {
        // `U.S.` keeps its last dot; in `Plan A’s.` the name is `A`, and `’` is no char boundary.
        assert_eq!(named("Officials in the U.S. agreed."), ["U.S."]);
        assert_eq!(
            named("It rained, said Tom Hale Jr. on Monday."),
            ["Tom Hale Jr."]
        );
        for text in ["They backed Plan A’s.", "Then came B’s. It rained."] {
            let whole = 0..text.len();
            for e in EntityFinder::new(Lexicon::shared()).find(text, std::slice::from_ref(&whole)) {
                assert!(text.get(e.range.clone()).is_some(), "{text}: {:?}", e.range);
            }
        }
    }

    #[test]
    fn possessives_and_hyphenated_descriptions_keep_the_name() {
        assert_eq!(
            named("The rally drew Hallam Mining's critics and Oslo-based Nordvik Partners."),
            ["Hallam Mining", "Oslo", "Nordvik Partners"]
        );
    }
}
