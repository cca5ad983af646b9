//! Entities and quote extraction alone, over text split into blocks and sentences as the
//! pipeline does; every quote and speaker range must slice the text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax::{
    extract::{entities::EntityFinder, quotes::QuoteFinder},
    lexicon::Lexicon,
    text::segment,
};

fuzz_target!(|text: &str| {
    let lexicon = Lexicon::shared();
    let blocks = segment::blocks(text);
    let sentences: Vec<_> = blocks
        .iter()
        .flat_map(|b| segment::sentences(text, b.clone(), &lexicon.abbreviations))
        .collect();
    let entities = EntityFinder::new(lexicon).find(text, &sentences);
    for entity in &entities {
        assert!(
            text.get(entity.range.clone()).is_some(),
            "entity {:?}",
            entity.range
        );
    }
    for quote in QuoteFinder::new(lexicon).find(text, &blocks, &sentences, &entities) {
        assert!(
            text.get(quote.range.clone()).is_some(),
            "quote {:?}",
            quote.range
        );
        if let Some(speaker) = quote.speaker_range {
            assert!(text.get(speaker.clone()).is_some(), "speaker {speaker:?}");
        }
    }
});
