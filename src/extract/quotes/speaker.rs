//! From a mention to a speaker: whether it can speak at all, the role beside
//! the name, and the name a pronoun or a surname stands for.

use std::ops::Range;

use super::attribution::opens_noun_phrase;
use super::*;
use crate::lexicon::gazetteer::PlaceKind;
use crate::lexicon::Gender;
use crate::report::EntityType;

impl QuoteFinder<'_> {
    /// Whether a mention can name a speaker: a person, a body or a group,
    /// or a document that carries its authors' words (`the report`); never
    /// digits, a street or a site (`Stadiou Avenue`), or another thing or an
    /// event (`the accident`, `the stop`).
    pub(super) fn can_speak(
        &self,
        text: &str,
        mention: &Range<usize>,
        entities: &[FoundEntity],
    ) -> bool {
        // `Croydon said` names a place; `Russia said` a country, and its government speaks.
        let place = entity_at(mention, entities).filter(|e| {
            e.kind == EntityType::Place
                && text[mention.clone()].trim_start_matches("the ") == &text[e.range.clone()]
                && self
                    .lexicon
                    .gazetteer
                    .place(&e.canonical)
                    .is_none_or(|p| p.kind != PlaceKind::Country)
        });
        if place.is_some() {
            return false;
        }
        let words: Vec<&str> = text[mention.clone()].split_whitespace().collect();
        let folded = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        // `one said` is a person; `53 said` is not.
        if words
            .iter()
            .all(|w| folded(w).chars().all(|c| c.is_ascii_digit()))
        {
            return false;
        }
        let last = words.last().map(|w| folded(w)).unwrap_or_default();
        if words.len() > 1 && self.lexicon.location_heads.contains(last.as_str()) {
            return false;
        }
        // `CONGRESS HAS INVESTIGATED HIM`: a shouted label or headline, not a name.
        let shouted = |w: &&str| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
        };
        if words.len() >= 3 && words.iter().all(shouted) {
            return false;
        }
        // A lone lower-case word speaks only as a pronoun, a group, a role or
        // people in the plural (`they`, `police`, `spokesman`, `analysts`),
        // never as `percent`: a bare singular noun needs its article.
        if let [word] = words.as_slice() {
            let lone = folded(word);
            let people = self.is_people(&lone);
            // `according to her`, `one said`: other forms of a pronoun speak too.
            let pronoun = self.is_pronoun(lone.as_str())
                || matches!(
                    lone.as_str(),
                    "her" | "him" | "his" | "them" | "us" | "me" | "you" | "one" | "who" | "which"
                );
            let speaks = pronoun
                || self.names.is_title(&lone)
                || self.lexicon.speaker_groups.contains(lone.as_str())
                || people;
            if word.starts_with(char::is_lowercase) && !speaks {
                return false;
            }
            // `of Republican claims`: a lone singular adjective of party or
            // nation modifies a noun; its people speak in the plural.
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let singular_demonym =
                !lone.ends_with('s') && self.lexicon.gazetteer.demonym(bare).is_some();
            if singular_demonym
                || self
                    .lexicon
                    .quote_words
                    .affiliation_adjectives
                    .contains(lone.as_str())
            {
                return false;
            }
        }
        // `the accident` speaks no more than `the stop`: a lone common noun
        // after `the` must name a role, a body or a group.
        if let [the, noun] = words.as_slice() {
            let noun_folded = folded(noun);
            let common = the.eq_ignore_ascii_case("the") && noun.starts_with(char::is_lowercase);
            let speaks = self.names.is_title(&noun_folded)
                || self.lexicon.heads_organization(&noun_folded)
                || self.lexicon.speaker_groups.contains(noun_folded.as_str())
                || self
                    .lexicon
                    .speaking_documents
                    .contains(noun_folded.as_str())
                || self.lexicon.quote_words.is_person_noun(&noun_folded)
                || self.is_people(&noun_folded);
            if common && !speaks {
                return false;
            }
        }
        true
    }

    /// Whether a folded noun is people in the plural: `engineers`, `senators`.
    pub(super) fn is_people(&self, folded: &str) -> bool {
        let person =
            |one: &str| self.names.is_title(one) || self.lexicon.quote_words.is_person_noun(one);
        // `fishermen`, `chairwomen`: the plural of `-man`.
        folded.strip_suffix('s').is_some_and(person)
            || folded
                .strip_suffix("men")
                .is_some_and(|stem| person(&format!("{stem}man")))
    }

    /// Whether a folded noun names a group that may speak: a listed group
    /// (`officials`, `police`) or people in the plural.
    pub(super) fn is_group(&self, folded: &str) -> bool {
        self.lexicon.speaker_groups.contains(folded) || self.is_people(folded)
    }

    /// The group that opens the sentence just before `pos` (`The dockers
    /// walked out`, `Many local residents were angry`): `they`'s antecedent.
    fn group_before(&self, text: &str, pos: usize) -> Option<String> {
        let from = floor_char_boundary(text, pos.saturating_sub(REACH / 2));
        let lead = text[from..pos].trim_end();
        let start = from
            + lead
                .trim_end_matches(['.', '!', '?', '”', '"'])
                .char_indices()
                .rfind(|(_, c)| matches!(c, '.' | '!' | '?' | '\n' | '”' | '"'))
                .map_or(0, |(at, c)| at + c.len_utf8());
        let tokens = words(text, start, from + lead.len());
        let opens = tokens.first().is_some_and(|w| opens_noun_phrase(&w.folded));
        let head = tokens
            .iter()
            .enumerate()
            .skip(usize::from(opens))
            .take(3)
            .take_while(|(n, w)| *n == 0 || text[tokens[n - 1].end..w.start] == *" ")
            .find(|(_, w)| {
                text[w.start..].starts_with(char::is_lowercase) && self.is_group(&w.folded)
            })?;
        let verb = tokens.get(head.0 + 1)?;
        (text[verb.start..].starts_with(char::is_lowercase)
            && !matches!(verb.folded.as_str(), "of" | "for" | "who" | "and" | "or"))
        .then(|| text[tokens[0].start..head.1.end].to_string())
    }

    /// What a mention says the speaker is beside the name: `Foreign Minister`
    /// in `Foreign Minister Ann Lee`, `a former engineer` in `Ann Lee, a
    /// former engineer, said`. Honorifics (`Mr`) are no role.
    pub(super) fn role(&self, text: &str, mention: &Range<usize>) -> Option<String> {
        let phrase = &text[mention.clone()];
        let name = self.names.strip_titles(phrase);
        if !self.names.looks_like_person(&name) {
            return None;
        }
        let before_name = phrase.strip_suffix(name.as_str()).unwrap_or("").trim();
        let honorific_only = before_name.split_whitespace().all(|w| {
            self.lexicon
                .quote_words
                .honorifics
                .contains(w.trim_end_matches('.').to_lowercase().as_str())
        });
        if !honorific_only {
            return Some(before_name.to_string());
        }
        // `“…,” regional governor Ann Lee told`: a lower-case title just before the name.
        let head = &text[..mention.start];
        let lead: Vec<&str> = head
            .rsplit(' ')
            .skip(1)
            .take_while(|w| {
                !w.is_empty()
                    && w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !self.lexicon.stopwords.contains(w)
                    && !self.lexicon.cue_verbs.contains(w)
            })
            .take(4)
            .collect();
        if lead.first().is_some_and(|w| self.names.is_title(w)) {
            return Some(lead.iter().rev().copied().collect::<Vec<_>>().join(" "));
        }
        // `Ann Lee, the port's director, said`: a description between commas.
        let after = text[mention.end..].strip_prefix(", ")?;
        let end = after.find([',', ';', '\n']).filter(|&end| end < 120)?;
        let description = &after[..end];
        let first = description.split_whitespace().next()?;
        let is_description = matches!(first, "a" | "an" | "the" | "his" | "her" | "its" | "their")
            && !description.contains(['.', '“', '”', '"']);
        is_description.then(|| description.to_string())
    }

    /// A speaker by the entities' canonical name: the person or body its
    /// mention ends with, else the entity the resolved name (a pronoun's
    /// antecedent, a surname) is a form of. Speakers are always entities
    /// where the document names them.
    pub(super) fn entity_name(
        &self,
        text: &str,
        mention: Option<&Range<usize>>,
        resolved: Option<String>,
        entities: &[FoundEntity],
        names: &SpeakerNames,
    ) -> Option<String> {
        let speaks =
            |e: &&FoundEntity| matches!(e.kind, EntityType::Person | EntityType::Organization);
        if let Some(named) = mention
            // The mention stops before a dot the name keeps (`Tom Hale Jr.`).
            .and_then(|m| {
                entity_at(m, entities)
                    .filter(|e| e.range.end == m.end || text.get(m.end..e.range.end) == Some("."))
            })
            .filter(speaks)
        {
            return Some(named.canonical.clone());
        }
        // `Sen. Ann Lee of Ohio`, `Tom Bell from Leeds`: the person, not the place.
        if let Some(person) = mention.and_then(|m| person_of_place(text, m, entities)) {
            return Some(person.canonical.clone());
        }
        let name = resolved?;
        // `the ministry` after `the Defence Ministry`: the nearest body named by that head before.
        if let (Some(m), Some(head)) = (mention, name.strip_prefix("the ")) {
            let head = head.to_lowercase();
            let body = self.lexicon.heads_organization(&head);
            let same_head = named_before(entities, m).find(|e| {
                e.kind == EntityType::Organization
                    && e.canonical.rsplit(' ').next().map(str::to_lowercase) == Some(head.clone())
            });
            if let Some(body) = same_head.filter(|_| body) {
                return Some(body.canonical.clone());
            }
            // `the company` after `Nordport Shipping`: the nearest body named
            // before that no public body's head ends (not `the Ministry`),
            // a name of two words or more first (a lone word typed a body
            // for want of a clue may be a place: `its Harwick yard`).
            if self
                .lexicon
                .quote_words
                .business_nouns
                .contains(head.as_str())
            {
                let businesses: Vec<&FoundEntity> = named_before(entities, m)
                    .filter(|e| {
                        let last = e.canonical.rsplit(' ').next().unwrap_or("").to_lowercase();
                        e.kind == EntityType::Organization
                            && (!self.lexicon.heads_organization(&last)
                                || self.lexicon.company_suffixes.contains(last.as_str())
                                || self
                                    .lexicon
                                    .quote_words
                                    .business_nouns
                                    .contains(last.as_str()))
                    })
                    .collect();
                if let Some(business) = businesses
                    .iter()
                    .find(|e| e.canonical.contains(' '))
                    .or(businesses.first())
                {
                    return Some(business.canonical.clone());
                }
            }
        }
        // `the minister` after `Finance Minister Lena Vos`: the nearest person given that title.
        let title = name
            .get(..4)
            .filter(|the| the.eq_ignore_ascii_case("the "))
            .map(|_| name[4..].to_lowercase())
            .filter(|title| !title.contains(' ') && self.names.is_title(title));
        if let (Some(m), Some(title)) = (mention, title) {
            let titled = named_before(entities, m).find(|e| {
                let mut before = text[..e.range.start].trim_end().rsplit(' ');
                let titled = before.next().is_some_and(|word| {
                    word.starts_with(char::is_uppercase)
                        && word.trim_end_matches('.').eq_ignore_ascii_case(&title)
                });
                // `Vice President Joe Biden` is not `the president`.
                let other_office = before.next().is_some_and(|word| {
                    self.lexicon
                        .quote_words
                        .office_qualifiers
                        .contains(word.to_lowercase().as_str())
                });
                e.kind == EntityType::Person && titled && !other_office
            });
            if let Some(person) = titled {
                return Some(person.canonical.clone());
            }
        }
        Some(names.get(&name).map_or(name, str::to_string))
    }

    /// The fullest name for a mention: pronouns and descriptions take the
    /// nearest earlier speaker, surnames and titled names the full name.
    /// `context_end` is where the text before the quote and its mention ends:
    /// a pronoun never refers to a name inside the quote it attributes.
    pub(super) fn resolve(
        &self,
        text: &str,
        mention: &Range<usize>,
        context_end: usize,
        earlier: &[FoundQuote],
    ) -> Option<String> {
        let phrase = &text[mention.clone()];
        let folded = phrase.to_lowercase();
        // An antecedent is among the last few speakers; looking further back
        // would make a page of thousands of quotes cost their square.
        let last_speaker = |fits: &dyn Fn(&str) -> bool| {
            earlier
                .iter()
                .rev()
                .take(ANTECEDENT_QUOTES)
                .filter_map(|q| q.speaker.as_deref())
                .find(|s| fits(s))
                .map(str::to_string)
        };
        let previous_nearby = earlier
            .last()
            .filter(|q| mention.start.saturating_sub(q.range.end) < 300)
            .and_then(|q| q.speaker.clone());
        // `Lee, the port's director, who said`: the relative pronoun's antecedent speaks.
        if matches!(folded.as_str(), "who" | "which") {
            let from = ceil_char_boundary(text, mention.start.saturating_sub(REACH / 4));
            let before = words(text, from, mention.start);
            return self
                .noun_phrase(text, &before, false)
                .filter(|antecedent| !text[antecedent.clone()].eq_ignore_ascii_case(phrase))
                .and_then(|antecedent| self.resolve(text, &antecedent, context_end, earlier))
                // `the Harbour Police Department which`: the body by its name.
                .map(|name| match name.strip_prefix("the ") {
                    Some(named) if named.starts_with(char::is_uppercase) => named.to_string(),
                    _ => name,
                })
                .or_else(|| Some(phrase.to_string()));
        }
        // Outside quotes `I` is the writer: no name in the text is theirs.
        if folded == "i" {
            return Some(phrase.to_string());
        }
        if matches!(folded.as_str(), "it" | "they") {
            // `The dockers walked out. “…,” they said.`: the group the sentence before opens with.
            let group = || {
                (folded == "they")
                    .then(|| self.group_before(text, context_end))
                    .flatten()
            };
            return previous_nearby
                .filter(|s| !self.names.looks_like_person(s))
                .or_else(group)
                .or_else(|| self.names.nearest_organization(text, context_end))
                .or_else(|| last_speaker(&|s| !self.names.looks_like_person(s)))
                .or_else(|| Some(phrase.to_string()));
        }
        if self.is_pronoun(folded.as_str()) || folded.contains("-year-old") {
            // `she` is never a name the lexicon knows as a man's, nor `he` a woman's.
            // `the 34-year-old mother of three` is a woman.
            let described = |nouns: &rustc_hash::FxHashSet<&str>| {
                folded.split_whitespace().any(|w| nouns.contains(w))
            };
            let words = &self.lexicon.quote_words;
            let gender = match folded.as_str() {
                "she" => Some(Gender::Female),
                "he" => Some(Gender::Male),
                _ if described(&words.female_nouns) => Some(Gender::Female),
                _ if described(&words.male_nouns) => Some(Gender::Male),
                _ => None,
            };
            let agrees = |name: &str| {
                let given = name.split_whitespace().next().unwrap_or("");
                match (gender, self.lexicon.given_names.get(given)) {
                    (Some(wanted), Some(&Some(known))) => wanted == known,
                    _ => true,
                }
            };
            return self
                .names
                .nearest_person(text, context_end, &agrees)
                .or_else(|| {
                    previous_nearby.filter(|s| self.names.looks_like_person(s) && agrees(s))
                })
                .or_else(|| last_speaker(&|s| self.names.looks_like_person(s) && agrees(s)))
                .or_else(|| Some(phrase.to_string()));
        }
        let name = self.names.strip_titles(phrase);
        if name.is_empty() {
            return Some(phrase.to_string());
        }
        Some(self.names.fullest_name(text, &name).unwrap_or(name))
    }
}

/// The entities named before a mention, nearest first. An antecedent is
/// among the last few names: a page of thousands costs no square.
fn named_before<'e>(
    entities: &'e [FoundEntity],
    mention: &Range<usize>,
) -> impl Iterator<Item = &'e FoundEntity> {
    entities[..entities.partition_point(|e| e.range.end <= mention.start)]
        .iter()
        .rev()
        .take(ANTECEDENT_QUOTES)
}

/// The entity a mention names: the last one inside it (`Foreign Minister
/// Ann Lee` names Ann Lee).
fn entity_at<'e>(mention: &Range<usize>, entities: &'e [FoundEntity]) -> Option<&'e FoundEntity> {
    let from = entities.partition_point(|e| e.range.end <= mention.start);
    entities[from..]
        .iter()
        .take_while(|e| e.range.start < mention.end)
        .last()
}

/// `Sen. Ann Lee of Ohio`: a mention that ends with a place joined by `of`
/// or `from` to a person's name names that person.
fn person_of_place<'e>(
    text: &str,
    mention: &Range<usize>,
    entities: &'e [FoundEntity],
) -> Option<&'e FoundEntity> {
    let from = entities.partition_point(|e| e.range.end <= mention.start);
    let inside: Vec<&FoundEntity> = entities[from..]
        .iter()
        .take_while(|e| e.range.end <= mention.end)
        .collect();
    let [.., person, place] = inside.as_slice() else {
        return None;
    };
    let joined = matches!(
        text[person.range.end..place.range.start].trim(),
        "of" | "from"
    );
    (place.kind == EntityType::Place
        && place.range.end == mention.end
        && person.kind == EntityType::Person
        && person.range.start >= mention.start
        && joined)
        .then_some(*person)
}

/// The canonical names of a document's people and bodies by their own name
/// and by their last word (`Konashenkov` → `Igor Konashenkov`), the first
/// one of each: built once per document, so naming a speaker is a lookup.
pub(super) struct SpeakerNames<'e>(rustc_hash::FxHashMap<&'e str, &'e str>);

impl<'e> SpeakerNames<'e> {
    pub(super) fn new(entities: &'e [FoundEntity]) -> Self {
        let mut names = rustc_hash::FxHashMap::default();
        for e in entities {
            if matches!(e.kind, EntityType::Person | EntityType::Organization) {
                names
                    .entry(e.canonical.as_str())
                    .or_insert(e.canonical.as_str());
            }
        }
        for e in entities {
            if let (true, Some((_, last))) = (
                matches!(e.kind, EntityType::Person | EntityType::Organization),
                e.canonical.rsplit_once(' '),
            ) {
                names.entry(last).or_insert(e.canonical.as_str());
            }
        }
        SpeakerNames(names)
    }

    fn get(&self, name: &str) -> Option<&'e str> {
        self.0.get(name).copied()
    }
}
