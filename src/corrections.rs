//! The reader's corrections of an analysis. Their word is final, so they are
//! applied to the extracted documents before the comparison: every view,
//! export and summary then follows them. Each names its document by name, not
//! position, so it still holds when other documents fail or are removed, and
//! one that no longer points at anything (a quote gone since) is skipped.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::extract::dates::Anchor;
use crate::report::{Document, InputError};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Corrections {
    pub facts: Vec<FactsSet>,
    pub merges: Vec<Merge>,
    pub splits: Vec<Split>,
    pub speakers: Vec<SpeakerSet>,
}

/// A document's facts as the reader set them: a field left out keeps what
/// the article says, an empty one says the article has none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FactsSet {
    pub doc: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// ISO 8601 (`YYYY-MM-DD`); relative dates in the text count from it.
    pub date: Option<String>,
}

/// Two canonical names that are one thing: `from` becomes `into` in every document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Merge {
    pub into: String,
    pub from: String,
}

/// In `doc`, the mentions linked to `canonical` are another thing: they take
/// the fullest form that document writes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Split {
    pub doc: String,
    pub canonical: String,
}

/// The quote of `doc` starting at code point `start` is said by `speaker`
/// (`None`: nobody the text names).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SpeakerSet {
    pub doc: String,
    pub start: usize,
    pub speaker: Option<String>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        *self == Corrections::default()
    }

    pub fn facts_of(&self, doc: &str) -> Option<&FactsSet> {
        self.facts.iter().rev().find(|f| f.doc == doc)
    }

    /// Applies the facts, then splits, speakers and merges, in that order:
    /// a speaker the reader names may itself be merged into another name.
    /// A date that is not one is refused, with a message saying so.
    pub fn apply(&self, documents: &mut [Document]) -> Vec<InputError> {
        let mut refused = Vec::new();
        for doc in documents.iter_mut() {
            if let Some(facts) = self.facts_of(&doc.name) {
                refused.extend(facts.apply(doc));
            }
        }
        for split in &self.splits {
            if let Some(doc) = documents.iter_mut().find(|d| d.name == split.doc) {
                split.apply(doc);
            }
        }
        for set in &self.speakers {
            let quote = documents
                .iter_mut()
                .filter(|d| d.name == set.doc)
                .flat_map(|d| d.quotes.iter_mut())
                .find(|q| q.span.start == set.start);
            if let Some(quote) = quote {
                quote.speaker = set.speaker.clone().filter(|s| !s.trim().is_empty());
                quote.speaker_span = None;
                quote.speaker_role = None;
            }
        }
        let merged = self.merged_names();
        for doc in documents.iter_mut() {
            for entity in &mut doc.entities {
                if let Some(into) = merged.get(&entity.canonical) {
                    entity.canonical = into.clone();
                }
            }
            for quote in &mut doc.quotes {
                if let Some(into) = quote.speaker.as_ref().and_then(|s| merged.get(s)) {
                    quote.speaker = Some(into.clone());
                }
            }
        }
        refused
    }

    /// Each merged name and the name it ends up as, merges taken in order:
    /// `A` into `B` then `B` into `C` sends both to `C`, and a later merge
    /// back (`C` into `A`) moves the whole group, so no cycle can arise.
    fn merged_names(&self) -> HashMap<String, String> {
        let mut final_name: HashMap<String, String> = HashMap::default();
        for merge in &self.merges {
            let into = merge.into.trim();
            if into.is_empty() || merge.from == merge.into {
                continue;
            }
            let resolve = |name: &str| final_name.get(name).cloned().unwrap_or(name.to_string());
            let groups = [resolve(&merge.from), resolve(&merge.into)];
            for name in final_name.values_mut().filter(|n| groups.contains(n)) {
                *name = merge.into.clone();
            }
            for old in groups {
                final_name.insert(old, merge.into.clone());
            }
            final_name.remove(&merge.into);
        }
        final_name
    }
}

impl FactsSet {
    fn apply(&self, doc: &mut Document) -> Option<InputError> {
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if let Some(value) = value {
                let value = value.trim();
                *field = (!value.is_empty()).then(|| value.to_string());
            }
        };
        set(&mut doc.title, &self.title);
        set(&mut doc.outlet, &self.outlet);
        set(&mut doc.byline, &self.byline);
        let date = self.date.as_deref().map(str::trim);
        if date.is_some_and(|d| !d.is_empty() && Anchor::parse(d).is_none()) {
            // Named by its message only: an error's `name` marks a document not analyzed.
            return Some(InputError {
                name: String::new(),
                message: format!(
                    "{}: the date you set, “{}”, is not a day (YYYY-MM-DD); the article’s own is kept",
                    doc.name,
                    self.date.as_deref().unwrap_or_default()
                ),
            });
        }
        set(&mut doc.date, &self.date);
        None
    }
}

impl Split {
    fn apply(&self, doc: &mut Document) {
        let fullest = doc
            .entities
            .iter()
            .filter(|e| e.canonical == self.canonical)
            .map(|e| e.span.text.as_str())
            .max_by_key(|text| (text.chars().count(), std::cmp::Reverse(*text)));
        let Some(fullest) = fullest else { return };
        // Written as the linked name itself: the document's name tells it apart.
        let own = if fullest == self.canonical {
            format!("{} ({})", self.canonical, doc.name)
        } else {
            fullest.to_string()
        };
        for entity in doc
            .entities
            .iter_mut()
            .filter(|e| e.canonical == self.canonical)
        {
            entity.canonical = own.clone();
        }
        for quote in &mut doc.quotes {
            if quote.speaker.as_deref() == Some(self.canonical.as_str()) {
                quote.speaker = Some(own.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Entity, EntityType, Quote, QuoteKind, Span};

    fn span(start: usize, text: &str) -> Span {
        Span {
            start,
            end: start + text.chars().count(),
            text: text.to_string(),
        }
    }

    fn entity(start: usize, text: &str, canonical: &str) -> Entity {
        Entity {
            span: span(start, text),
            entity_type: EntityType::Person,
            canonical: canonical.to_string(),
        }
    }

    fn quote(start: usize, speaker: &str) -> Quote {
        Quote {
            span: span(start, "“We will rebuild.”"),
            kind: QuoteKind::Direct,
            speaker: Some(speaker.to_string()),
            speaker_span: Some(span(0, speaker)),
            speaker_role: Some("mayor".to_string()),
            cue: Some("said".to_string()),
        }
    }

    fn document(name: &str, entities: Vec<Entity>, quotes: Vec<Quote>) -> Document {
        Document {
            name: name.to_string(),
            title: Some("Bridge closed".to_string()),
            outlet: Some("The Herald".to_string()),
            entities,
            quotes,
            ..Document::default()
        }
    }

    #[test]
    fn facts_replace_or_clear_only_the_fields_given() {
        let mut docs = vec![document("a.txt", vec![], vec![])];
        let corrections = Corrections {
            facts: vec![FactsSet {
                doc: "a.txt".into(),
                title: Some("  Bridge reopens ".into()),
                outlet: Some(String::new()),
                ..FactsSet::default()
            }],
            ..Corrections::default()
        };
        corrections.apply(&mut docs);
        assert_eq!(docs[0].title.as_deref(), Some("Bridge reopens"));
        assert_eq!(docs[0].outlet, None);
        assert_eq!(docs[0].byline, None);
    }

    #[test]
    fn a_date_that_is_not_a_day_is_refused_with_a_message() {
        let mut docs = vec![document("a.txt", vec![], vec![])];
        docs[0].date = Some("2031-04-02".into());
        let corrections = Corrections {
            facts: vec![FactsSet {
                doc: "a.txt".into(),
                date: Some("April 31".into()),
                ..FactsSet::default()
            }],
            ..Corrections::default()
        };
        let refused = corrections.apply(&mut docs);
        assert_eq!(docs[0].date.as_deref(), Some("2031-04-02"));
        assert_eq!(refused.len(), 1);
        assert!(refused[0].message.contains("April 31"));
    }

    #[test]
    fn merges_follow_chains_and_reach_speakers() {
        let mut docs = vec![
            document("a.txt", vec![entity(0, "Ana Ruiz", "Ana Ruiz")], vec![]),
            document(
                "b.txt",
                vec![entity(0, "A. Ruiz", "A. Ruiz")],
                vec![quote(20, "A. Ruiz")],
            ),
            document("c.txt", vec![entity(0, "Ruiz", "Ruiz")], vec![]),
        ];
        let merge = |into: &str, from: &str| Merge {
            into: into.into(),
            from: from.into(),
        };
        let corrections = Corrections {
            merges: vec![merge("A. Ruiz", "Ruiz"), merge("Ana Ruiz", "A. Ruiz")],
            ..Corrections::default()
        };
        corrections.apply(&mut docs);
        for doc in &docs {
            assert_eq!(doc.entities[0].canonical, "Ana Ruiz", "{}", doc.name);
        }
        assert_eq!(docs[1].quotes[0].speaker.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_merge_cycle_ends() {
        let corrections = Corrections {
            merges: vec![
                Merge {
                    into: "B".into(),
                    from: "A".into(),
                },
                Merge {
                    into: "A".into(),
                    from: "B".into(),
                },
            ],
            ..Corrections::default()
        };
        let merged = corrections.merged_names();
        assert_eq!(merged.len(), 1);
        assert_eq!(merged["B"], "A", "the later merge moves the group");
    }

    #[test]
    fn a_split_takes_the_documents_own_fullest_form() {
        let mut docs = vec![
            document(
                "a.txt",
                vec![
                    entity(0, "Lee", "Jon Lee"),
                    entity(10, "Mr Lee", "Jon Lee"),
                    entity(30, "Ruiz", "Ana Ruiz"),
                ],
                vec![quote(40, "Jon Lee")],
            ),
            document("b.txt", vec![entity(0, "Jon Lee", "Jon Lee")], vec![]),
        ];
        let corrections = Corrections {
            splits: vec![
                Split {
                    doc: "a.txt".into(),
                    canonical: "Jon Lee".into(),
                },
                Split {
                    doc: "b.txt".into(),
                    canonical: "Jon Lee".into(),
                },
            ],
            ..Corrections::default()
        };
        corrections.apply(&mut docs);
        assert_eq!(docs[0].entities[0].canonical, "Mr Lee");
        assert_eq!(docs[0].entities[1].canonical, "Mr Lee");
        assert_eq!(docs[0].entities[2].canonical, "Ana Ruiz");
        assert_eq!(docs[0].quotes[0].speaker.as_deref(), Some("Mr Lee"));
        assert_eq!(docs[1].entities[0].canonical, "Jon Lee (b.txt)");
    }

    #[test]
    fn a_speaker_is_set_or_cleared_by_the_quotes_start() {
        let mut docs = vec![document(
            "a.txt",
            vec![],
            vec![quote(5, "Ana Ruiz"), quote(50, "Jon Lee")],
        )];
        let set = |start, speaker: Option<&str>| SpeakerSet {
            doc: "a.txt".into(),
            start,
            speaker: speaker.map(String::from),
        };
        let corrections = Corrections {
            speakers: vec![
                set(5, Some("the council")),
                set(50, None),
                set(99, Some("x")),
            ],
            ..Corrections::default()
        };
        corrections.apply(&mut docs);
        let quotes = &docs[0].quotes;
        assert_eq!(quotes[0].speaker.as_deref(), Some("the council"));
        assert_eq!(quotes[0].speaker_role, None);
        assert_eq!(quotes[0].speaker_span, None);
        assert_eq!(quotes[1].speaker, None);
    }
}
