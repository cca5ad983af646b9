//! How each source tells the story: the verbs it attributes each side's
//! claims with (says, claims, alleges, accuses, admits, denies), the verb of
//! its headline, its hedges (`could not independently verify`, `according
//! to`), and its voices: who it quotes, how often and at what length,
//! grouped by the country they speak for where the texts show it.
//!
//! A speaker's affiliation comes from the extractors' results, never from
//! reading the text again for names: the speaker's canonical name and role
//! (`Russian Defence Ministry`, `Ukraine's deputy military intelligence
//! chief`), the few words before each mention of that entity in any
//! document (`Russian Defence Ministry spokesman Igor Konashenkov`), and
//! bodies that stand for a country (`Kremlin`, src/lexicon/affiliations.txt),
//! by vote across documents. Everything is one pass over each document's
//! quotes, entities and sentences.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::gazetteer::PlaceKind;
use crate::lexicon::Lexicon;
use crate::report::{Document, Framing, Hedge, Side, Span, VerbUse, Voice};
use crate::text::words::{fold, word_count, words};

/// A hedge: its words, the phrase, its kind.
type HedgeEntry = (Vec<&'static str>, &'static str, &'static str);

struct Tables {
    /// Verb form → (lemma, tone).
    verbs: HashMap<&'static str, (&'static str, &'static str)>,
    /// First word of a hedge → (the hedge's words, phrase, kind).
    hedges: HashMap<&'static str, Vec<HedgeEntry>>,
    /// Body → country.
    bodies: HashMap<&'static str, &'static str>,
}

fn lines(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let verbs = lines(lexicon_file!("framing_verbs.txt"))
        .map(|f| (f[0], (f[1], f[2])))
        .collect();
    let mut hedges: HashMap<_, Vec<_>> = HashMap::default();
    for f in lines(lexicon_file!("hedges.txt")) {
        let phrase = f[0];
        let ws: Vec<&str> = phrase.split(' ').collect();
        hedges.entry(ws[0]).or_default().push((ws, phrase, f[1]));
    }
    for list in hedges.values_mut() {
        // The longest phrase wins where two start alike.
        crate::sort::by_key(list, |(ws, _, _)| std::cmp::Reverse(ws.len()));
    }
    let bodies = lines(lexicon_file!("affiliations.txt"))
        .map(|f| (f[0], f[1]))
        .collect();
    Tables {
        verbs,
        hedges,
        bodies,
    }
});

/// Words read before a mention for its affiliation (`Russian Defence Ministry spokesman`).
const WORDS_BEFORE: usize = 5;

pub fn framing(documents: &[Document]) -> Vec<Framing> {
    let lexicon = Lexicon::shared();
    let tables = &*TABLES;
    let affiliations = affiliations(documents, lexicon, tables);
    documents
        .iter()
        .enumerate()
        .map(|(d, doc)| source(d, doc, &affiliations, tables))
        .collect()
}

fn source(
    d: usize,
    doc: &Document,
    affiliations: &HashMap<String, String>,
    tables: &Tables,
) -> Framing {
    let headline = doc.title.as_deref().and_then(|title| {
        words(title, 0, title.len()).into_iter().find_map(|w| {
            tables
                .verbs
                .get(w.folded.as_str())
                .map(|&(lemma, _)| (title[w.start..w.end].to_string(), lemma.to_string()))
        })
    });
    let affiliation_of = |speaker: &str| affiliations.get(speaker).cloned();
    let mut verbs: BTreeMap<(Option<String>, String, String), usize> = BTreeMap::new();
    let mut voices: BTreeMap<String, Voice> = BTreeMap::new();
    for quote in &doc.quotes {
        let side = quote.speaker.as_deref().and_then(affiliation_of);
        if let Some(cue) = quote.cue.as_deref() {
            let first = cue.split_whitespace().next().unwrap_or(cue);
            let folded = fold(first);
            let (lemma, tone) = match tables.verbs.get(folded.as_str()) {
                Some(&(lemma, tone)) => (lemma.to_string(), tone),
                None => (folded, "neutral"),
            };
            *verbs
                .entry((side.clone(), lemma, tone.to_string()))
                .or_default() += 1;
        }
        if let Some(speaker) = &quote.speaker {
            let voice = voices.entry(speaker.clone()).or_insert_with(|| Voice {
                speaker: speaker.clone(),
                affiliation: side.clone(),
                quotes: 0,
                words: 0,
            });
            voice.quotes += 1;
            voice.words += word_count(&quote.span.text);
        }
    }
    let mut voices: Vec<Voice> = voices.into_values().collect();
    crate::sort::by(&mut voices, |a, b| {
        (b.quotes, b.words)
            .cmp(&(a.quotes, a.words))
            .then(a.speaker.cmp(&b.speaker))
    });
    let mut sides: BTreeMap<String, Side> = BTreeMap::new();
    for voice in &voices {
        if let Some(affiliation) = &voice.affiliation {
            let side = sides.entry(affiliation.clone()).or_insert_with(|| Side {
                affiliation: affiliation.clone(),
                speakers: Vec::new(),
                quotes: 0,
                words: 0,
            });
            side.speakers.push(voice.speaker.clone());
            side.quotes += voice.quotes;
            side.words += voice.words;
        }
    }
    let mut sides: Vec<Side> = sides.into_values().collect();
    crate::sort::by(&mut sides, |a, b| {
        (b.quotes, b.words)
            .cmp(&(a.quotes, a.words))
            .then(a.affiliation.cmp(&b.affiliation))
    });
    let (headline_verb, headline_lemma) = headline.unzip();
    Framing {
        doc: d,
        headline_verb,
        headline_lemma,
        verbs: verbs
            .into_iter()
            .map(|((side, lemma, tone), count)| VerbUse {
                side,
                lemma,
                tone,
                count,
            })
            .collect(),
        hedges: hedges(doc, tables),
        voices,
        sides,
    }
}

/// The hedges of the document's article sentences, in text order.
fn hedges(doc: &Document, tables: &Tables) -> Vec<Hedge> {
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let text = &sentence.text;
        let ws = words(text, 0, text.len());
        let mut at = 0;
        while at < ws.len() {
            let matched = tables.hedges.get(ws[at].folded.as_str()).and_then(|list| {
                list.iter().find(|(phrase, _, _)| {
                    at + phrase.len() <= ws.len()
                        && phrase
                            .iter()
                            .zip(&ws[at..])
                            .all(|(p, w)| *p == w.folded.as_str())
                })
            });
            let Some((phrase_words, phrase, kind)) = matched else {
                at += 1;
                continue;
            };
            let (from, to) = (ws[at].start, ws[at + phrase_words.len() - 1].end);
            let start = sentence.start + text[..from].chars().count();
            found.push(Hedge {
                phrase: phrase.to_string(),
                kind: kind.to_string(),
                span: Span {
                    start,
                    end: start + text[from..to].chars().count(),
                    text: text[from..to].to_string(),
                },
            });
            at += phrase_words.len();
        }
    }
    found
}

/// The country a name or a word of it stands for: a demonym (`Russian`), a
/// country or a place in one (`Moscow`), possessives too (`Ukraine's`), or
/// a body of `affiliations.txt` (`Kremlin`).
fn country_in(text: &str, lexicon: &Lexicon, tables: &Tables) -> Option<&'static str> {
    if let Some(&country) = tables.bodies.get(text) {
        return Some(country);
    }
    let whole = text.trim_start_matches("the ");
    if let Some(place) = lexicon.gazetteer.place(whole) {
        if !place.country.is_empty() {
            return Some(place.country);
        }
    }
    let ws = words(text, 0, text.len());
    // Two-word places first (`United States`, `South Korea`).
    for pair in ws.windows(2) {
        let name = &text[pair[0].start..pair[1].end];
        let name = name.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(place) = lexicon.gazetteer.place(name) {
            if place.kind == PlaceKind::Country {
                return Some(place.country);
            }
        }
        if let Some(&country) = tables.bodies.get(name) {
            return Some(country);
        }
    }
    ws.iter().find_map(|w| {
        let word = &text[w.start..w.end];
        let bare = word.trim_end_matches("'s").trim_end_matches("’s");
        if !bare.starts_with(char::is_uppercase) {
            return None;
        }
        lexicon
            .gazetteer
            .demonym(bare)
            .or_else(|| {
                lexicon
                    .gazetteer
                    .place(bare)
                    .filter(|p| p.kind == PlaceKind::Country)
                    .map(|p| p.country)
            })
            .or_else(|| tables.bodies.get(bare).copied())
    })
}

/// Each speaker's affiliation (canonical name → country), by vote of every
/// clue in every document.
fn affiliations(
    documents: &[Document],
    lexicon: &Lexicon,
    tables: &Tables,
) -> HashMap<String, String> {
    let mut speakers: HashMap<&str, ()> = HashMap::default();
    for doc in documents {
        for q in &doc.quotes {
            if let Some(s) = q.speaker.as_deref() {
                speakers.insert(s, ());
            }
        }
    }
    let mut votes: HashMap<&str, BTreeMap<&'static str, usize>> = HashMap::default();
    for doc in documents {
        for q in &doc.quotes {
            let (Some(speaker), Some(role)) = (q.speaker.as_deref(), q.speaker_role.as_deref())
            else {
                continue;
            };
            if let Some(country) = country_in(role, lexicon, tables) {
                *votes
                    .entry(speaker)
                    .or_default()
                    .entry(country)
                    .or_default() += 1;
            }
        }
        let mut bytes: Option<Vec<usize>> = None;
        for e in &doc.entities {
            let Some((&speaker, _)) = speakers.get_key_value(e.canonical.as_str()) else {
                continue;
            };
            let mut clue = country_in(&e.canonical, lexicon, tables)
                .or_else(|| country_in(&e.span.text, lexicon, tables));
            if clue.is_none() {
                let bytes = bytes.get_or_insert_with(|| {
                    doc.text
                        .char_indices()
                        .map(|(b, _)| b)
                        .chain(std::iter::once(doc.text.len()))
                        .collect()
                });
                clue = before(&doc.text, bytes, e.span.start)
                    .and_then(|words| country_in(words, lexicon, tables));
            }
            if let Some(country) = clue {
                *votes
                    .entry(speaker)
                    .or_default()
                    .entry(country)
                    .or_default() += 1;
            }
        }
    }
    // Speakers no entity names (`Russia`, a group) may still name a country.
    for &speaker in speakers.keys() {
        if !votes.contains_key(speaker) {
            if let Some(country) = country_in(speaker, lexicon, tables) {
                votes.entry(speaker).or_default().insert(country, 1);
            }
        }
    }
    votes
        .into_iter()
        .filter_map(|(speaker, counts)| {
            let (&country, _) = counts
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            Some((speaker.to_string(), country.to_string()))
        })
        .collect()
}

/// The few words right before code point `start`, within its sentence and
/// clause: where `Russian Defence Ministry spokesman` stands before a name.
fn before<'t>(text: &'t str, bytes: &[usize], start: usize) -> Option<&'t str> {
    let end = *bytes.get(start)?;
    let from = bytes[start.saturating_sub(60)];
    let mut window = &text[from..end];
    // An appositive name after its role (`ministry spokesman, Igor
    // Konashenkov`) reads past the comma; `in Ukraine, Lavrov said` does not.
    if let Some(head) = window.trim_end().strip_suffix(',') {
        if head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.starts_with(char::is_lowercase))
        {
            window = head;
        }
    }
    let cut = window
        .rfind(['.', '\n', ';', ':', '“', '”', '"', ',', '(', ')'])
        .map_or(0, |i| {
            i + window[i..].chars().next().map_or(1, char::len_utf8)
        });
    let window = &window[cut..];
    let ws = words(window, 0, window.len());
    let first = ws.len().saturating_sub(WORDS_BEFORE);
    // A speech verb between ends the clue: `said Kyiv's ally Konashenkov` is not one.
    let first = ws[first..]
        .iter()
        .rposition(|w| TABLES.verbs.contains_key(w.folded.as_str()))
        .map_or(first, |k| first + k + 1);
    ws.get(first).map(|w| &window[w.start..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Entity, EntityType, Quote, QuoteKind};

    fn span(text: &str, phrase: &str) -> Span {
        let at = text.find(phrase).unwrap();
        Span {
            start: text[..at].chars().count(),
            end: text[..at].chars().count() + phrase.chars().count(),
            text: phrase.to_string(),
        }
    }

    #[test]
    fn verbs_hedges_and_voices_by_side() {
        let text = "Ferry operator denies Quillby claims\n\nFrench transport ministry spokesman Lucien Marrel said the ferry was safe. “The hull was inspected in March,” Marrel said. Dutch divers alleged it had no permit, according to the harbour office, a claim that could not independently verify.";
        let sentences = vec![span(text, "French transport ministry spokesman Lucien Marrel said the ferry was safe."), span(text, "“The hull was inspected in March,” Marrel said."), span(text, "Dutch divers alleged it had no permit, according to the harbour office, a claim that could not independently verify.")];
        let quote = |phrase: &str, speaker: &str, cue: &str| Quote {
            span: span(text, phrase),
            kind: QuoteKind::Direct,
            speaker: Some(speaker.to_string()),
            speaker_span: None,
            speaker_role: None,
            cue: Some(cue.to_string()),
        };
        let doc = Document {
            title: Some("Ferry operator denies Quillby claims".to_string()),
            text: text.to_string(),
            sentences,
            quotes: vec![
                quote("the ferry was safe", "Lucien Marrel", "said"),
                quote(
                    "“The hull was inspected in March,”",
                    "Lucien Marrel",
                    "said",
                ),
                quote("it had no permit", "Dutch divers", "alleged"),
            ],
            entities: vec![Entity {
                span: span(text, "Lucien Marrel"),
                entity_type: EntityType::Person,
                canonical: "Lucien Marrel".to_string(),
            }],
            ..Default::default()
        };
        let framing = framing(&[doc]);
        let f = &framing[0];
        assert_eq!(f.headline_verb.as_deref(), Some("denies"));
        assert_eq!(f.headline_lemma.as_deref(), Some("deny"));
        assert_eq!(f.voices[0].speaker, "Lucien Marrel");
        assert_eq!(f.voices[0].affiliation.as_deref(), Some("France"));
        assert_eq!(f.voices[0].quotes, 2);
        assert_eq!(f.voices[1].affiliation.as_deref(), Some("Netherlands"));
        let sides: Vec<&str> = f.sides.iter().map(|s| s.affiliation.as_str()).collect();
        assert_eq!(sides, ["France", "Netherlands"]);
        let alleged = f.verbs.iter().find(|v| v.lemma == "allege").unwrap();
        assert_eq!(
            (alleged.side.as_deref(), alleged.tone.as_str()),
            (Some("Netherlands"), "doubt")
        );
        let hedges: Vec<&str> = f.hedges.iter().map(|h| h.phrase.as_str()).collect();
        assert_eq!(hedges, ["according to", "could not independently verify"]);
        assert_eq!(f.hedges[0].span, span(text, "according to"));
    }
}
