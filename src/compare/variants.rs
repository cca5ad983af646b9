//! The same entity written differently across sources: `Kyiv`/`Kiev`,
//! `Donbas`/`Donbass`, `HIMARS`/`Himars`, `Defence Ministry`/`Defense
//! Ministry`, with which documents use which form. The entities already
//! share one canonical name across documents; this lists the forms behind it.
//!
//! A short form is no variant of a long one (`Konashenkov` of `Igor
//! Konashenkov`, `US` of `United States`): only forms with the same number of
//! words that are not initials of one another count.

use std::collections::{BTreeMap, BTreeSet};

use crate::lexicon::Lexicon;
use crate::report::{Document, Variant, VariantForm};

pub fn variants(documents: &[Document]) -> Vec<Variant> {
    let lexicon = Lexicon::shared();
    // canonical → form → documents using it
    let mut forms: BTreeMap<&str, BTreeMap<&str, BTreeSet<usize>>> = BTreeMap::new();
    for (doc, document) in documents.iter().enumerate() {
        for entity in &document.entities {
            forms
                .entry(entity.canonical.as_str())
                .or_default()
                .entry(entity.span.text.as_str())
                .or_default()
                .insert(doc);
        }
    }
    forms
        .into_iter()
        .filter_map(|(canonical, written)| {
            let words = |form: &str| form.split_whitespace().count();
            // The forms as long as the canonical name: other lengths are short or long forms.
            let spellings: Vec<(&str, BTreeSet<usize>)> = written
                .into_iter()
                .filter(|(form, _)| words(form) == words(canonical))
                .filter(|(form, _)| !is_initials_of(form, canonical))
                // `Russian` stands for Russia; it is no way of spelling it.
                .filter(|(form, _)| lexicon.gazetteer.demonym(form).is_none())
                .collect();
            let documents: BTreeSet<usize> =
                spellings.iter().flat_map(|(_, d)| d).copied().collect();
            (spellings.len() >= 2 && documents.len() >= 2).then(|| Variant {
                canonical: canonical.to_string(),
                forms: spellings
                    .into_iter()
                    .map(|(form, docs)| VariantForm {
                        form: form.to_string(),
                        docs: docs.into_iter().collect(),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// `U.S.` of `US`: the same letters, dots aside, is a spelling; `UN` of `United Nations`
/// (one word against two) never reaches here.
fn is_initials_of(form: &str, canonical: &str) -> bool {
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    form != canonical && letters(form) == letters(canonical) && form.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Entity, EntityType, Span};

    fn document(entities: &[(&str, &str)]) -> Document {
        Document {
            entities: entities
                .iter()
                .map(|(written, canonical)| Entity {
                    span: Span {
                        start: 0,
                        end: written.chars().count(),
                        text: written.to_string(),
                    },
                    entity_type: EntityType::Place,
                    canonical: canonical.to_string(),
                })
                .collect(),
            ..Document::default()
        }
    }

    #[test]
    fn spellings_across_sources_are_variants_and_short_forms_are_not() {
        let documents = [
            document(&[
                ("Kyiv", "Kyiv"),
                ("Donbas", "Donbas"),
                ("Ivan Petrenko", "Ivan Petrenko"),
            ]),
            document(&[
                ("Kiev", "Kyiv"),
                ("Donbass", "Donbas"),
                ("Petrenko", "Ivan Petrenko"),
            ]),
            document(&[("Kyiv", "Kyiv")]),
        ];
        let found = variants(&documents);
        let names: Vec<&str> = found.iter().map(|v| v.canonical.as_str()).collect();
        assert_eq!(names, ["Donbas", "Kyiv"]);
        let kyiv = &found[1];
        assert_eq!(kyiv.forms[0].form, "Kiev");
        assert_eq!(kyiv.forms[0].docs, [1]);
        assert_eq!(kyiv.forms[1].form, "Kyiv");
        assert_eq!(kyiv.forms[1].docs, [0, 2]);
    }

    #[test]
    fn one_source_writing_two_forms_is_no_disagreement_between_sources() {
        let documents = [
            document(&[("Kyiv", "Kyiv"), ("Kiev", "Kyiv")]),
            document(&[]),
        ];
        assert!(variants(&documents).is_empty());
    }
}
