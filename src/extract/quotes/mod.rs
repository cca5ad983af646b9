//! Quotes and who said them.
//!
//! Quote marks are paired by what surrounds them, not by their glyph: a
//! straight `"` opens after a space and closes before one, and `’` closes a
//! quote only when a `‘` is open (otherwise it is an apostrophe, as in
//! `Kremlin’s`). The speaker is read from the words next to the quote and the
//! cue verb (`“…,” the ministry said`, `Lavrov said: “…”`); pronouns and
//! surnames are resolved to the fullest name the document gives.
//!
//! The pipeline, a file each: [`spans`] finds what is quoted, [`attribution`]
//! the cue and the mention of the speaker beside it, [`speaker`] turns that
//! mention into a name (the entities' name rules do the naming).

mod attribution;
mod spans;
mod speaker;

use std::ops::Range;

use crate::extract::entities::names::Names;
use crate::extract::entities::FoundEntity;
use crate::lexicon::Lexicon;
use crate::report::{EntityType, QuoteKind};
use crate::text::offsets::{ceil_char_boundary, floor_char_boundary};
use crate::text::words::{word_count, words, Word};
use attribution::label_attribution;
use spans::*;

/// A quote found in a document, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuote {
    pub range: Range<usize>,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub speaker_range: Option<Range<usize>>,
    /// What the text calls the speaker beside the name (`Foreign Minister`).
    pub role: Option<String>,
    pub cue: Option<String>,
}

/// How a quote was found.
pub(super) enum Source {
    /// Between quote marks.
    Marked,
    /// A paragraph introduced by a line ending in `:` or `;`.
    Block,
    /// A transcript turn (`PENCE: …`), with the label's range.
    Turn(Range<usize>),
    /// Reported speech (`X denied that …`), with its attribution.
    Reported(Attribution),
}

/// Where a speaker was named and how.
pub(super) struct Attribution {
    pub(super) mention: Range<usize>,
    pub(super) cue: String,
}

impl Attribution {
    pub(super) fn new(mention: Range<usize>, cue: String) -> Self {
        Attribution { mention, cue }
    }
}

pub struct QuoteFinder<'a> {
    lexicon: &'a Lexicon,
    names: Names<'a>,
}

/// A quoted phrase this long is speech even with no cue in its sentence;
/// shorter ones need one (scare quotes are mostly one or two words).
pub(super) const UNATTRIBUTED_PARTIAL_WORDS: usize = 4;

/// How many words next to a cue a speaker's mention is looked for among.
pub(super) const MENTION_WORDS: usize = 40;

/// How many earlier quotes a pronoun's speaker is looked for among.
pub(super) const ANTECEDENT_QUOTES: usize = 50;

impl<'a> QuoteFinder<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        QuoteFinder {
            lexicon,
            names: Names::new(lexicon),
        }
    }

    /// Whether a folded word is a subject pronoun (`she`, `they`).
    pub(super) fn is_pronoun(&self, folded: &str) -> bool {
        self.lexicon.quote_words.pronouns.contains(folded)
    }

    /// In a headline written in title case (`Harbour Mayor Calls Plan`) a
    /// verb is capitalized as a name is: its subject ends at the first cue verb.
    fn before_title_case_verb<'w>(&self, text: &str, words: &'w [Word]) -> &'w [Word] {
        let long: Vec<&Word> = words.iter().filter(|w| w.folded.len() > 3).collect();
        let title_case = long.len() >= 3
            && long
                .iter()
                .all(|w| text[w.start..].starts_with(char::is_uppercase));
        let verb = words
            .iter()
            .skip(1)
            .position(|w| self.lexicon.cue_verbs.contains(w.folded.as_str()));
        match verb {
            Some(at) if title_case => &words[..at + 1],
            _ => words,
        }
    }

    /// Quotes of the article's body paragraphs, in text order.
    pub fn find(
        &self,
        text: &str,
        article: &[Range<usize>],
        sentences: &[Range<usize>],
        entities: &[FoundEntity],
    ) -> Vec<FoundQuote> {
        let article = article.to_vec();
        let names = speaker::SpeakerNames::new(entities);
        let mut found: Vec<FoundQuote> = Vec::new();
        let marked = quoted_spans(text, &article);
        let mut spans: Vec<(Range<usize>, Source)> =
            marked.iter().map(|r| (r.clone(), Source::Marked)).collect();
        spans.extend(
            self.block_quotes(text, &article)
                .into_iter()
                .map(|r| (r, Source::Block)),
        );
        spans.extend(self.transcript_turns(text, &article));
        spans.extend(self.reported_speech(text, sentences, &marked));
        crate::sort::by_key(&mut spans, |(r, _)| r.start);
        for (range, source) in spans {
            let sentence = within_reach(text, &containing(sentences, &range), &range);
            if matches!(source, Source::Marked)
                && (self.names_a_work(text, &sentence, &range)
                    || self.is_section_heading(text, &article, &range))
            {
                continue; // `his book, “Cold Harbour”`; a heading `‘Back to the Sea’`
            }
            let (kind, attribution) = match source {
                Source::Marked if self.is_direct(text, &range, &sentence) => (
                    QuoteKind::Direct,
                    self.attribution(text, &range, &sentence, &marked),
                ),
                Source::Marked => (
                    QuoteKind::Partial,
                    self.attribution(text, &range, &sentence, &marked),
                ),
                Source::Block => (QuoteKind::Block, self.block_intro(text, &article, &range)),
                Source::Turn(label) => (
                    QuoteKind::Block,
                    Some(Attribution::new(label, String::new())),
                ),
                Source::Reported(attribution) => (QuoteKind::Indirect, Some(attribution)),
            };
            // A phrase named by the words before it (`dubbed “the Wall”`) or
            // joined to the quote before (`“…” and “…”`) is kept as speech.
            let named = self.is_name_of_thing(&text[range.clone()]);
            let rescued = (named && self.follows_naming_word(text, &sentence, &range))
                || coordinated_with(text, found.last(), &range)
                || headline_quote(text, &article, &range);
            if kind == QuoteKind::Partial
                && !rescued
                && (named
                    || (attribution.is_none()
                        && word_count(&text[range.clone()]) < UNATTRIBUTED_PARTIAL_WORDS
                        && !self.reports_speech(text, &article, &range)))
            {
                continue; // scare quotes, titles, nicknames
            }
            // A kept phrase no cue attributes is most likely its sentence subject's words.
            let own = attribution
                .filter(|a| self.can_speak(text, &a.mention, entities))
                .or_else(|| {
                    (kind == QuoteKind::Partial)
                        .then(|| {
                            let before = words_outside(text, sentence.start..range.start, &marked);
                            self.sentence_subject(text, self.before_title_case_verb(text, &before))
                        })
                        .flatten()
                        .filter(|mention| self.can_speak(text, mention, entities))
                        .map(|mention| Attribution::new(mention, String::new()))
                });
            let attributed = |a: Attribution| {
                (
                    self.resolve(text, &a.mention, range.start.min(a.mention.start), &found),
                    self.role(text, &a.mention),
                    Some(a.mention),
                    (!a.cue.is_empty()).then_some(a.cue),
                )
            };
            let (speaker, role, speaker_range, cue) = match own {
                Some(a) => attributed(a),
                None => match self.continued_from(text, &range, &found) {
                    Some(previous) => (
                        previous.speaker.clone(),
                        previous.role.clone(),
                        previous.speaker_range.clone(),
                        None,
                    ),
                    // `…, Schiff said. “The other factor …”`: a quote opening its
                    // sentence after one that ends on an attribution; else the
                    // speaker its paragraph reports (`She said she was tired of
                    // it. “Never again,” as a mother of three.`).
                    None => self
                        .previous_sentence_attribution(text, sentences, &range)
                        .or_else(|| self.paragraph_attribution(text, &article, &range, &marked))
                        .or_else(|| label_attribution(text, &article, &range, entities))
                        .filter(|a| self.can_speak(text, &a.mention, entities))
                        .map_or((None, None, None, None), attributed),
                },
            };
            // `Ruiz and Lind said`: each name resolved, the speakers joined.
            let joint = speaker_range
                .as_ref()
                .and_then(|m| joint_parts(text, m, entities))
                .map(|parts| {
                    let named: Vec<String> = parts
                        .iter()
                        .filter_map(|part| {
                            let resolved = self.resolve(text, part, part.start, &found);
                            self.entity_name(text, Some(part), resolved, entities, &names)
                        })
                        .collect();
                    match named.split_last() {
                        Some((last, rest)) if rest.len() > 1 => {
                            format!("{} and {last}", rest.join(", "))
                        }
                        _ => named.join(" and "),
                    }
                });
            let speaker = joint.or_else(|| {
                self.entity_name(text, speaker_range.as_ref(), speaker, entities, &names)
            });
            found.push(FoundQuote {
                range,
                kind,
                speaker,
                speaker_range,
                role,
                cue,
            });
        }
        found
    }

    /// A quote is direct when it is (nearly) the whole sentence bar its attribution.
    fn is_direct(&self, text: &str, quote: &Range<usize>, sentence: &Range<usize>) -> bool {
        let before = text[sentence.start..quote.start].trim_end();
        let quoted_words = word_count(&text[quote.clone()]);
        let sentence_words = words(
            text,
            sentence.start.min(quote.start),
            sentence.end.max(quote.end),
        )
        .len();
        before.is_empty()
            || before.ends_with(':')
            || (before.ends_with(',') && quoted_words >= 4)
            || quoted_words * 2 >= sentence_words && quoted_words >= 5
    }

    /// A quote with no attribution of its own continues the previous quote
    /// when little stands between them (`“…,” she said.` then `“More.”`).
    fn continued_from<'q>(
        &self,
        text: &str,
        quote: &Range<usize>,
        earlier: &'q [FoundQuote],
    ) -> Option<&'q FoundQuote> {
        let previous = earlier.last()?;
        // Quotes of different kinds may nest (marks inside a block quote): the inner one is the outer's.
        if previous.range.end > quote.start {
            return Some(previous);
        }
        let between = &text[previous.range.end..quote.start];
        let sentences_between = between.matches(['.', '!', '?']).count();
        (sentences_between <= 2 && between.len() < 200).then_some(previous)
    }
}

/// `Ruiz and Lind`, `Ana Ruiz and Tom Lind`: the names of a mention that
/// joins two or more capitalized names with `and`; none where one entity
/// spans the `and` (`Marks and Spencer`).
pub(super) fn joint_parts(
    text: &str,
    mention: &Range<usize>,
    entities: &[FoundEntity],
) -> Option<Vec<Range<usize>>> {
    let phrase = &text[mention.clone()];
    if !phrase.contains(" and ") {
        return None;
    }
    let mut parts = Vec::new();
    let mut from = mention.start;
    let separators: Vec<(usize, &str)> = phrase
        .match_indices(" and ")
        .chain(phrase.match_indices(", "))
        .collect();
    let mut separators = separators;
    separators.sort_unstable();
    let listed = separators.iter().any(|(_, s)| *s == ", ");
    for (at, separator) in separators {
        let split = mention.start + at;
        if split < from {
            return None;
        }
        // Entities are in text order and disjoint: only the last to start before the split may span it.
        let before = &entities[..entities.partition_point(|e| e.range.start < split)];
        if before.last().is_some_and(|e| split < e.range.end) {
            return None;
        }
        parts.push(from..split);
        from = split + separator.len();
    }
    parts.push(from..mention.end);
    // In a list no name is a place's: `In Oslo, Ruiz and Lind` is no list.
    let named = |part: &Range<usize>| {
        entities[entities.partition_point(|e| e.range.end <= part.start)..]
            .iter()
            .take_while(|e| e.range.start < part.end)
            .all(|e| matches!(e.kind, EntityType::Person | EntityType::Organization))
    };
    parts
        .iter()
        .all(|p| text[p.clone()].starts_with(char::is_uppercase) && (!listed || named(p)))
        .then_some(parts)
}

/// The paragraph (article block) that holds a quote.
pub(super) fn paragraph_of(
    text: &str,
    article: &[Range<usize>],
    quote: &Range<usize>,
) -> Option<Range<usize>> {
    article[..article.partition_point(|b| b.start <= quote.start)]
        .last()
        .filter(|b| quote.end <= b.end)
        .map(|b| within_reach(text, b, quote))
}

/// How far from a quote its attribution is looked for. Real sentences and
/// paragraphs fit; a run-on line of megabytes is cut to this window, so
/// every quote costs the same however long its line.
pub(super) const REACH: usize = 1500;

/// `span` (a sentence or paragraph holding `quote`) cut to [`REACH`] bytes
/// either side of the quote, on char boundaries.
pub(super) fn within_reach(text: &str, span: &Range<usize>, quote: &Range<usize>) -> Range<usize> {
    let start = span.start.max(quote.start.saturating_sub(REACH));
    let end = span.end.min(quote.end.saturating_add(REACH));
    ceil_char_boundary(text, start)..floor_char_boundary(text, end)
}

/// Whether `range` overlaps one of `spans` (in text order, disjoint).
pub(super) fn overlaps_any(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    spans[spans.partition_point(|m| m.end <= range.start)..]
        .first()
        .is_some_and(|m| m.start < range.end)
}

/// Words of `text[range]` that lie in none of `quotes`.
pub(super) fn words_outside(text: &str, range: Range<usize>, quotes: &[Range<usize>]) -> Vec<Word> {
    // `quotes` are in text order and disjoint: the one that may hold a word is found by search.
    words(text, range.start, range.end)
        .into_iter()
        .filter(|w| {
            quotes[..quotes.partition_point(|q| q.start <= w.start)]
                .last()
                .is_none_or(|q| w.end > q.end)
        })
        .collect()
}

/// The sentence holding most of a quote, or the quote itself.
pub(super) fn containing(sentences: &[Range<usize>], quote: &Range<usize>) -> Range<usize> {
    // Sentences are in text order and disjoint: binary search, not a scan per quote.
    let first = sentences[sentences.partition_point(|s| s.end <= quote.start)..]
        .first()
        .filter(|s| s.start <= quote.start);
    let last = sentences[..sentences.partition_point(|s| s.start < quote.end)]
        .last()
        .filter(|s| s.end >= quote.end);
    match (first, last) {
        (Some(a), Some(b)) => a.start..b.end.max(a.end),
        (Some(a), None) => a.clone(),
        _ => quote.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::EntityFinder;
    use crate::text::segment::{blocks, sentences};

    /// A quote's text, kind, speaker, cue and the speaker's mention as written.
    type Found<'t> = (
        String,
        QuoteKind,
        Option<String>,
        Option<String>,
        Option<&'t str>,
    );

    /// Speakers of the quotes that are not reported speech, with their cues.
    fn speakers_and_cues(text: &str) -> Vec<(Option<String>, Option<String>)> {
        quotes(text)
            .into_iter()
            .filter(|q| q.1 != QuoteKind::Indirect)
            .map(|q| (q.2, q.3))
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        speakers_and_cues(text).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn relative_clauses_asides_and_bodies_before_a_cue() {
        let text = "The harbour vote came on Monday.\n\
            The mayor, who has backed the plan since May, said the work “must start at once.”\n\
            “It is a disaster,” one fisherman, who asked not to be named, told the Bay Courier.\n\
            Sally Ng, 54, a ferry captain for two decades, put it bluntly: “The quay is a death trap.”\n\
            The harbour board put it another way: “We cannot wait for the money.”\n\
            The closure “has cost the bay millions,” according to the chamber of commerce.\n\
            A ministry statement called the plan “sound.”\n\
            “This is about jobs,” Rep. Tomas Berg (D-Calif.) wrote on the board's page.";
        assert_eq!(
            speakers(text),
            [
                Some("The mayor".into()),
                Some("one fisherman".into()),
                Some("Sally Ng".into()),
                Some("The harbour board".into()),
                Some("the chamber of commerce".into()),
                Some("A ministry statement".into()),
                Some("Tomas Berg".into()),
            ]
        );
    }

    #[test]
    fn a_name_or_noun_ending_in_ly_is_no_adverb() {
        let text = "The harbour vote came on Monday.\n\
            “We will not pay for the new pier this year,” Lena Kelly said.\n\
            “The pier can wait until the spring tides pass,” Italy said.\n\
            “Our boats need the quay more than the ferry does,” the assembly said.\n\
            “We were never asked about the quay,” Tomas Berg's family said.\n\
            “The vote was held far too early in the day,” Ana Ruiz flatly said.";
        assert_eq!(
            speakers(text),
            [
                Some("Lena Kelly".into()),
                Some("Italy".into()),
                Some("the assembly".into()),
                Some("Tomas Berg's family".into()),
                Some("Ana Ruiz".into()),
            ]
        );
    }

    /// The quotes of a text whose every line is an article paragraph.
    fn find_all(text: &str) -> Vec<FoundQuote> {
        let lexicon = Lexicon::load();
        let ranges = blocks(text);
        let sents: Vec<Range<usize>> = ranges
            .iter()
            .flat_map(|r| sentences(text, r.clone(), &lexicon.abbreviations))
            .collect();
        let entities = EntityFinder::new(&lexicon).find(text, &sents);
        QuoteFinder::new(&lexicon).find(text, &ranges, &sents, &entities)
    }

    fn quotes(text: &str) -> Vec<Found<'_>> {
        find_all(text)
            .into_iter()
            .map(|q| {
                let mention = q.speaker_range.map(|r| &text[r]);
                (text[q.range].to_string(), q.kind, q.speaker, q.cue, mention)
            })
            .collect()
    }

    #[test]
    fn an_adjective_of_party_or_nation_is_no_speaker() {
        for text in [
            "TruthMeter rated 40% of Republican claims as “false” or “mostly false.”",
            "TruthMeter rated half of Russian claims as “invented” or “doubtful.”",
        ] {
            let meter = Some("TruthMeter".to_string());
            assert_eq!(speakers(text), [meter.clone(), meter], "{text}");
        }
    }

    #[test]
    fn places_things_and_digits_never_speak() {
        for text in [
            "“It was terrible,” the accident showed, leaving the road shut.",
            "“Slow down here,” Stadiou Avenue said in paint on its kerb.",
            "“Nobody came,” 53 said.",
            "“Prices will fall,” inflation said on the chart.",
            "“Not again,” SHOUTED THE BANNER ACROSS the square.",
        ] {
            assert_eq!(speakers(text), [None], "{text}");
        }
        assert_eq!(
            speakers("“Costs will rise,” the report said."),
            [Some("the report".to_string())]
        );
        assert_eq!(
            speakers("“We are ready,” the spokesman said."),
            [Some("the spokesman".to_string())]
        );
        for group in ["officials", "analysts", "spokesmen"] {
            assert_eq!(
                speakers(&format!("“We are ready,” {group} said.")),
                [Some(group.to_string())]
            );
        }
    }

    #[test]
    fn a_description_takes_the_body_named_before() {
        let text = "The Fisheries Ministry met the unions on Monday.\n\
                    “We will rebuild the quay,” the ministry said.";
        assert_eq!(speakers(text), [Some("Fisheries Ministry".to_string())]);
        // With no such body named before, the description speaks as written.
        assert_eq!(
            speakers("“We will rebuild the quay,” the ministry said."),
            [Some("the ministry".to_string())]
        );
    }

    #[test]
    fn speaker_after_the_quote() {
        let found =
            quotes("“We will not sign this deal,” the transport ministry said in a statement.");
        assert_eq!(found[0].0, "“We will not sign this deal,”");
        assert_eq!(found[0].1, QuoteKind::Direct);
        // The speaker is the entity the mention names, by its canonical name.
        assert_eq!(found[0].2.as_deref(), Some("Transport Ministry"));
        assert_eq!(found[0].3.as_deref(), Some("said"));
        let found = quotes("\"The bridge is safe,\" said Mayor Lena Borg, who opened it.");
        assert_eq!(found[0].2.as_deref(), Some("Lena Borg"));
    }

    #[test]
    fn speaker_before_the_quote_and_pronouns() {
        let text = "Port director Tomas Rell spoke first.\n\
            Harbour chief Ana Mirez told the Bay Courier: “No ship has left since Monday.\n\
            “The crews are waiting for the new contract.”\n\
            “It is a matter of days,” she said.\n\
            “We are ready,” Mr Rell added.";
        let found = quotes(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].0.contains("Monday.\n“The crews"),
            "multi-paragraph quote: {:?}",
            found[0].0
        );
        assert_eq!(found[0].2.as_deref(), Some("Ana Mirez"));
        assert_eq!(
            found[1].2.as_deref(),
            Some("Ana Mirez"),
            "she resolves to the named speaker"
        );
        assert_eq!(
            found[2].2.as_deref(),
            Some("Tomas Rell"),
            "surname resolves to the full name"
        );
    }

    #[test]
    fn partial_quotes_need_attribution() {
        let found = quotes("The council claimed the plan was “a total failure” and the show “Morning Bay” ended. Fans call him “the Wall” now.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "“a total failure”");
        assert_eq!(found[0].1, QuoteKind::Partial);
        assert_eq!(found[0].2.as_deref(), Some("The council"));
    }

    #[test]
    fn a_phrase_no_cue_attributes_is_its_sentence_subjects() {
        let found = speakers("In recent weeks, Senator Lia Moss has gone after the mayor as “a man who never shows up for work”.\nThe harbour board is calling the plan “extremely costly to every family”.");
        assert_eq!(
            found,
            [Some("Lia Moss".into()), Some("The harbour board".into())]
        );
    }

    #[test]
    fn contractions_speak_and_objects_do_not() {
        let found = speakers_and_cues("Mayor Ina Orr spoke on Monday. She’s claiming the flood was “the worst in living memory”.\nTom Bell smiled and asked the crowd to cheer the new bridge - “our pride.”");
        assert_eq!(
            found,
            [
                (Some("Ina Orr".into()), Some("claiming".into())),
                (Some("Tom Bell".into()), None)
            ]
        );
    }

    #[test]
    fn a_names_claim_and_groups_of_authors() {
        let found = speakers_and_cues("The paper checked Mayor Orr’s claim that there were “hundreds of empty homes” in town.\nThe authors of the study found that rents had “more than doubled in a year”.");
        assert_eq!(
            found,
            [
                (Some("Orr".into()), Some("claim".into())),
                (Some("The authors".into()), None)
            ]
        );
    }

    #[test]
    fn the_name_before_a_participle_speaks() {
        let found = speakers("The ad shows footage of Ana Ruiz saying, “We will rebuild every bridge.”\nDuring a long speech at the harbour on Monday, Tom Bell attacked the plan, saying, “It is far too late.”");
        assert_eq!(found, [Some("Ana Ruiz".into()), Some("Tom Bell".into())]);
    }

    #[test]
    fn a_phrase_in_a_relative_clause_is_the_subjects() {
        let text = "Council leaders denounced what Mayor Ina Orr called the “reckless, costly” plan.\nKim Lo said the river was high, but she said the dam was “safe for now” after the works.";
        assert_eq!(
            speakers(text),
            [Some("Council leaders".into()), Some("Kim Lo".into())]
        );
        let mentions: Vec<_> = quotes(text).into_iter().map(|q| q.4).collect();
        assert_eq!(mentions, [Some("Council leaders"), Some("she")]);
    }

    #[test]
    fn a_sentence_after_a_quoted_phrase_is_not_its_attribution() {
        let found = speakers("Ana Ruiz says the budget is “the same old plan with a new cover.” Tom Bell adds that it is fine.\nDan Roe said the delay was “a real worry for us all,” but he said the money was there.");
        assert_eq!(found, [Some("Ana Ruiz".into()), Some("Dan Roe".into())]);
    }

    #[test]
    fn short_phrases_in_a_paragraph_reporting_speech() {
        let found = quotes("Mayor Ina Orr said the budget was late. The vote was “a farce”, and the delay “a joke”.\nThe river was “high” on Monday.");
        let speakers: Vec<_> = found
            .iter()
            .map(|q| (q.0.as_str(), q.2.as_deref()))
            .collect();
        assert_eq!(
            speakers,
            [
                ("“a farce”", Some("Ina Orr")),
                ("“a joke”", Some("Ina Orr"))
            ],
            "no speech in the last paragraph: a scare quote"
        );
    }

    #[test]
    fn things_are_not_speakers_but_groups_are() {
        let found = quotes("The institute published a report on Monday. It said satellite images strongly suggested that a “precision strike” caused the fire.\nSeveral lawmakers called it “a cover-up”.");
        let speakers: Vec<_> = found.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(speakers, [Some("The institute"), Some("Several lawmakers")]);
    }

    #[test]
    fn marks_of_every_kind_and_an_unbalanced_count() {
        let text = "Mayor Lena Borg opened the dam on Monday.\n\
            «The water is ours again,» said engineer Piet Hal.\n\
            ''We tested every gate twice,'' the 58-year-old added.\n\
            “She told me ‘never again’ after the flood,” said Ana Mirez, whose shop sold 100’s of sandbags.\n\
            “An open mark with no end, said nobody in particular.";
        let found = quotes(text);
        let texts: Vec<&str> = found.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            &texts[..3],
            [
                "«The water is ours again,»",
                "''We tested every gate twice,''",
                "“She told me ‘never again’ after the flood,”"
            ]
        );
        assert_eq!(found[0].2.as_deref(), Some("Piet Hal"));
        assert_eq!(
            found[1].2.as_deref(),
            Some("Piet Hal"),
            "the 58-year-old is the last person named"
        );
        assert_eq!(found[2].2.as_deref(), Some("Ana Mirez"));
        assert!(found.iter().all(|q| !q.0.contains("100’s")));
    }

    #[test]
    fn pronouns_agree_with_given_names_and_places_are_no_people() {
        let text = "Senator Donna Reyes met Governor Paul Abt in West Virginia on Monday.\n\
            “We agreed on the bridge,” she said.\n\
            Mr. Abt spoke later in New Hampshire.\n\
            “The money is there,” he said.";
        assert_eq!(
            speakers(text),
            [Some("Donna Reyes".into()), Some("Paul Abt".into())]
        );
    }

    #[test]
    fn roles_beside_the_name() {
        let text = "“The gates held,” regional governor Ana Ruiz told reporters.\n\
            Port Director Tomas Rell said the ships were safe, “every one of them.”\n\
            “We were lucky,” said Ina Orr, a harbour pilot, after the storm.\n\
            “Lucky indeed,” Mr Rell added.";
        let roles: Vec<_> = find_all(text).into_iter().map(|q| q.role).collect();
        assert_eq!(
            roles,
            [
                Some("regional governor".into()),
                Some("Port Director".into()),
                Some("a harbour pilot".into()),
                None
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let found = quotes("The mayor’s office said the city was ‘fully prepared’ for the storm, and the Rangers’ coach agreed.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "‘fully prepared’");
    }

    #[test]
    fn block_quote_after_an_intro_line() {
        let found = quotes("The harbour office said;\nAll ships will be unloaded within the week.");
        assert_eq!(found[0].0, "All ships will be unloaded within the week.");
        assert_eq!(found[0].1, QuoteKind::Block);
        assert_eq!(found[0].2.as_deref(), Some("The harbour office"));
    }

    #[test]
    fn signed_inverted_and_appositive_speakers() {
        let found = quotes("“Fix the bridge first.” ― Aram Tessel\nSaid Dora Vink: “We waited long enough.”\n“It will be late,” Ola Brenn, a site engineer and union member, told the paper.\n“We will be back,” vowed Dora Vink.");
        let speakers: Vec<_> = found.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Aram Tessel"),
                Some("Dora Vink"),
                Some("Ola Brenn"),
                Some("Dora Vink")
            ]
        );
        assert_eq!(found[2].3.as_deref(), Some("told"));
    }

    #[test]
    fn reported_speech_and_transcript_turns() {
        let found = quotes("Port director Tomas Rell denied that the cranes had been sold to a rival port.\nMARROW: We will rebuild the quay this year.");
        assert_eq!(found[0].0, "the cranes had been sold to a rival port");
        assert_eq!(found[0].1, QuoteKind::Indirect);
        assert_eq!(
            (found[0].2.as_deref(), found[0].3.as_deref()),
            (Some("Tomas Rell"), Some("denied"))
        );
        assert_eq!(found[1].0, "We will rebuild the quay this year.");
        assert_eq!(
            (found[1].1, found[1].2.as_deref()),
            (QuoteKind::Block, Some("MARROW"))
        );
    }

    #[test]
    fn time_phrases_and_quotes_are_not_speakers() {
        let found = quotes("The council, on Monday, March 3, said that the bridge would close for a month.\n“We are ready,” it said, adding that “nothing will stop the works.”");
        assert_eq!(found[0].2.as_deref(), Some("The council"));
        assert_eq!(
            found[2].2.as_deref(),
            Some("The council"),
            "the participle's subject is the earlier `it`"
        );
    }

    #[test]
    fn a_quote_after_a_colon_is_its_intros() {
        let text = "Dock fees rose again this spring.\n\
            The Harbour Courier reports:\n\
            “Fees at the east quay have doubled since March.”\n\
            On May 4, 2019, Ana Ruiz made a short remark:\n\
            “Nobody asked the fishermen.”";
        assert_eq!(
            speakers(text),
            [Some("Harbour Courier".into()), Some("Ana Ruiz".into())]
        );
    }

    #[test]
    fn as_someone_put_it() {
        let text =
            "As Ina Orr, a harbour pilot, recently put it, the port is “a museum with cranes.”\n\
            The levy was a “tax on every catch,” as the fishermen's union put it.";
        assert_eq!(
            speakers(text),
            [Some("Ina Orr".into()), Some("the fishermen's union".into())]
        );
    }

    #[test]
    fn a_relative_pronoun_speaks_for_its_antecedent() {
        let text = "The plan was backed by Tom Bell, now the harbour master, who in 2015 said the quay was “beyond repair.”\n\
            The board turned to the Harbour Police Department which reported “nine thefts” in a week.\n\
            Ana Ruiz mocked the plan, saying anybody who complains about the cranes “has never worked a night shift.”";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| (q.2.as_deref(), q.4)).collect();
        assert_eq!(
            got,
            [
                (Some("Tom Bell"), Some("who")),
                (Some("Harbour Police Department"), Some("which")),
                (Some("Ana Ruiz"), Some("Ana Ruiz"))
            ]
        );
    }

    #[test]
    fn a_cue_inside_parentheses_names_its_own_speaker() {
        let found = speakers("The two men are the port's best friends (or, as the Bay Courier called them last week, “the crane brothers”).");
        assert_eq!(found, [Some("Bay Courier".into())]);
    }

    #[test]
    fn the_subject_of_a_verb_joined_to_the_cue() {
        let text = "When the mayor mentioned the flood, Ana Ruiz laughed and said, “The river always wins.”\n\
            “We live by the tide,” my grandfather often said.";
        assert_eq!(
            speakers(text),
            [Some("Ana Ruiz".into()), Some("my grandfather".into())]
        );
    }

    #[test]
    fn a_clause_after_the_quote_is_not_its_attribution() {
        let text = "The spot ends with footage of Tom Bell saying at the hearing, “That makes me careful,” when Ana Ruiz blasted him for the delay.\n\
            Ina Orr spoke after what she called a “shameful,” a vote that included one member saying nothing at all.";
        assert_eq!(
            speakers(text),
            [Some("Tom Bell".into()), Some("Ina Orr".into())]
        );
    }

    #[test]
    fn the_name_before_a_colon_beats_a_pronoun_after() {
        let text = "Tom Bell spoke first.\n\
            Senator Ana Ruiz (D-Ore.) scolded him: “Your numbers are wrong on every count,” she said.";
        assert_eq!(speakers(text), [Some("Ana Ruiz".into())]);
    }

    #[test]
    fn pronouns_keep_their_gender_and_i_is_the_writer() {
        let text = "Ana Ruiz ran the harbour until May. Tom Bell said the harbour was in trouble after she warned the board and blamed the storms on “years of neglect.”\n\
            When my aunt mentioned the storm, I laughed and said, “It will pass.”\n\
            Ana Ruiz said she was told the quay was “perfectly safe.”\n\
            “It was,” the 58-year-old mother of two said.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| (q.2.as_deref(), q.4)).collect();
        assert_eq!(
            got,
            [
                (Some("Ana Ruiz"), Some("she")),
                (Some("I"), Some("I")),
                (Some("Ana Ruiz"), Some("Ana Ruiz")),
                (Some("Ana Ruiz"), Some("the 58-year-old mother of two"))
            ]
        );
    }

    #[test]
    fn a_contracted_subject_and_shouted_headings() {
        let text = "The harbour board is defending its plan. It’s denouncing what it calls “a campaign of lies.”\n\
            HARBOUR BOARD UNDER FIRE — the plan was called a “cruel joke for every family.”";
        let found = quotes(text);
        assert_eq!(found[0].4, Some("It"));
        assert!(
            found
                .iter()
                .all(|q| !q.4.is_some_and(|m| m.contains("HARBOUR"))),
            "{found:?}"
        );
    }

    #[test]
    fn appositives_initials_and_asides() {
        let text = "“The quay is sinking,” Tom Bell, the chief engineer of the port, one of the oldest in the north, said at the hearing.\n\
            “We knew in May,” Marc H. Dorn, the port's lawyer, flatly insisted.\n\
            “Not one ship was lost,” Rep. Ana Ruiz (D-Ore.), who sits on the board, said.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.4).collect();
        assert_eq!(
            got,
            [
                Some("Tom Bell"),
                Some("Marc H. Dorn"),
                Some("Rep. Ana Ruiz")
            ]
        );
    }

    #[test]
    fn a_person_noun_keeps_its_complement() {
        let found = quotes("Asked about the delay, the chair of the harbour board replied, “We will be ready in May.”");
        assert_eq!(found[0].4, Some("the chair of the harbour board"));
    }

    #[test]
    fn a_name_set_off_by_dashes() {
        let text = "Several captains have said so, including the veteran pilot Ina Orr -- “Nobody should sail in this” -- and her crew.\n\
            The board has grown fond of Tom Bell -- “a man who never sleeps” -- since the storm.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(got[0], Some("Ina Orr"));
        assert_ne!(got.get(1).copied().flatten(), Some("Tom Bell"), "{got:?}");
    }

    #[test]
    fn scolding_and_characterizing_are_speech() {
        let text = "Mayor Ina Orr characterized the plan as “a gift to the developers.”\n\
            Tom Bell scolded the board: “You failed us.”";
        assert_eq!(
            speakers(text),
            [Some("Ina Orr".into()), Some("Tom Bell".into())]
        );
    }

    #[test]
    fn a_document_or_role_introducing_a_quote_after_a_colon() {
        let text = "The review ran on Sunday.\n\
            The piece used one of the skipper’s lines as its title: “The sea owes me nothing.”";
        assert_eq!(speakers(text), [Some("The piece".into())]);
    }

    #[test]
    fn reading_singing_agreeing_and_noting_are_speech() {
        let text = "“The quay will reopen in May,” the notice read.\n\
            “Keep the lamps lit for me,” Ina Orr sings to the crowd.\n\
            Only 40 percent of the harbour’s workers agreed that the plan was “good for the town.”\n\
            “Rents rose by a third,” the report notes.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.4).collect();
        assert_eq!(
            got,
            [
                Some("the notice"),
                Some("Ina Orr"),
                Some("Only 40 percent of the harbour’s workers"),
                Some("the report")
            ]
        );
    }

    #[test]
    fn a_capitalized_phrase_after_a_naming_word_is_kept() {
        let text =
            "The inspectors checked the harbour report, and it was labeled “Mostly Accurate.”\n\
            Years ago the Bay Courier hailed Tom Bell as “The Bridge Builder” for the new span.\n\
            Ana Ruiz watched “Harbour Nights” on Monday.\n\
            Her deputy, known to the crews as “the Tide Clock”, said nothing.";
        let found: Vec<_> = quotes(text).into_iter().map(|q| q.0).collect();
        assert_eq!(found, ["“Mostly Accurate.”", "“The Bridge Builder”"]);
    }

    #[test]
    fn a_phrase_joined_to_a_kept_quote_is_kept() {
        let found: Vec<_> = quotes("Tom Bell described the old ferry as “Rusty Mary” and “The Sinking Ship” at the hearing.")
            .into_iter()
            .map(|q| (q.0, q.2))
            .collect();
        assert_eq!(
            found,
            [
                ("“Rusty Mary”".to_string(), Some("Tom Bell".to_string())),
                (
                    "“The Sinking Ship”".to_string(),
                    Some("Tom Bell".to_string())
                )
            ]
        );
    }

    #[test]
    fn single_marks_quote_in_a_headline_and_make_a_heading_alone() {
        let text = "Harbour Plan ‘A Disaster’, Mayor Orr Says After Vote.\n\
            Mayor Ina Orr spoke against the plan on Monday, and the council voted it down.\n\
            ‘Back to the Sea.’\n\
            The fishermen returned to the quay in May.";
        let found: Vec<_> = quotes(text).into_iter().map(|q| q.0).collect();
        assert_eq!(found, ["‘A Disaster’"]);
    }

    #[test]
    fn titles_of_works_and_editors_notes_are_not_quotes() {
        let text =
            "In her 2010 book, “Salt and Stone, a Harbour Life,” Ana Ruiz wrote about the quay.\n\
            Tom Bell's column, \"Fix the quay before the winter comes,\" was read across the bay.\n\
            CORRECTION: An earlier version of this article misspelled the name of the harbour.";
        assert_eq!(quotes(text), []);
        // `show` is a verb as often as a noun: its quote stays.
        let found =
            quotes("The harbour figures show “a steady fall in the catch”, the union said.");
        assert_eq!(found[0].0, "“a steady fall in the catch”");
    }

    #[test]
    fn an_open_quote_goes_on_only_into_marks_of_its_kind() {
        let text = "\"The ships left early and nobody said why.\n\
            “We were not told,” the harbour pilot said.";
        let found: Vec<_> = quotes(text).into_iter().map(|q| q.0).collect();
        assert_eq!(
            found,
            [
                "\"The ships left early and nobody said why.",
                "“We were not told,”"
            ]
        );
    }

    #[test]
    fn likening_comparing_and_ruling_are_speech() {
        let text = "Ana Ruiz likened the new quay to a “floating car park”.\n\
            The court ruled that the fee was “unlawful,” and the port paid it back.";
        assert_eq!(
            speakers(text),
            [Some("Ana Ruiz".into()), Some("The court".into())]
        );
    }

    #[test]
    fn a_long_opening_phrase_and_a_colon_leave_the_subject_speaking() {
        let text = "With city leaders increasingly worried about rising water along the \
            river, Mayor Ana Ruiz is rolling out a blunter message: “We cannot wait another winter.”";
        assert_eq!(speakers(text), [Some("Ana Ruiz".into())]);
    }

    #[test]
    fn a_participle_after_a_quoted_phrase_is_the_subjects() {
        let text = "Dahl later told a rally the dispute was “far from over,” adding: “We have the public on our side.”";
        assert_eq!(speakers(text), [Some("Dahl".into()), Some("Dahl".into())]);
    }

    #[test]
    fn a_naming_participle_names_its_noun_and_typing_is_writing() {
        let text = "On the form, in a box labeled “urgent,” an engineer had typed \
            “structural failure likely.”";
        let found = speakers(text);
        assert_eq!(found.last(), Some(&Some("an engineer".into())));
        assert!(!found.contains(&Some("a box".into())));
    }

    #[test]
    fn a_pronoun_after_a_lone_surname_subject_is_that_person() {
        let text = "Maria Gomez, a teacher, spoke first.\n\
            Councillor Anna Pike defended the fares. “They pay for the boats,” she said.\n\
            Gomez disagreed. “Families cannot afford this,” she said.";
        assert_eq!(
            speakers(text),
            [Some("Anna Pike".into()), Some("Maria Gomez".into())]
        );
    }

    #[test]
    fn a_name_after_the_role_that_follows_the_cue_speaks() {
        let text = "“The dam is safe,” insisted his deputy, Sara Lund.\n\
            “It holds,” said a spokeswoman, Ana Berg, on Friday.";
        assert_eq!(
            speakers(text),
            [Some("Sara Lund".into()), Some("Ana Berg".into())]
        );
    }

    #[test]
    fn a_source_named_after_the_quote_speaks() {
        let text = "The pier will close “until the spring tides pass,” according to the port authority.\n\
            Boats may moor there, but it is banned when storms “threaten the outer wall,” per the harbour bylaws.\n\
            “The ferries will run,” according to a statement from the shipping ministry.";
        assert_eq!(
            speakers(text),
            [
                Some("the port authority".into()),
                Some("the harbour bylaws".into()),
                Some("the shipping ministry".into())
            ]
        );
    }

    #[test]
    fn the_clause_that_ends_at_the_colon_has_the_speaker() {
        let text = "Ana Ruiz looked tired after the vote, and I had one question: “Why now?”\n\
            The mayor left early; her deputy had a simpler answer: “We ran out of money.”";
        assert_eq!(
            speakers(text),
            [Some("I".into()), Some("her deputy".into())]
        );
    }

    #[test]
    fn plural_people_and_groups_after_an_inverted_cue_speak() {
        let text = "The lock gates failed on Sunday.\n\
            “We warned the board in May,” said the engineers, who left early.\n\
            “Nobody came to check,” said residents of the old quarter.";
        assert_eq!(
            speakers(text),
            [Some("the engineers".into()), Some("residents".into())]
        );
    }

    #[test]
    fn a_person_of_a_place_is_the_person() {
        let text = "The ferry bill passed on Monday.\n\
            “It is a good day for the islands,” said Sen. Lena Vos of Ohio.";
        assert_eq!(speakers(text), [Some("Lena Vos".into())]);
    }

    #[test]
    fn a_given_name_that_is_a_function_word_opens_a_name() {
        let text = "Per Holt runs the ferry line.\n\
            “We will fix the bridge,” Holt said.\n\
            “It is too early,” said Per Holt.";
        assert_eq!(
            speakers(text),
            [Some("Per Holt".into()), Some("Per Holt".into())]
        );
    }

    #[test]
    fn names_joined_by_and_speak_together() {
        let text = "Ana Ruiz and Tom Lind ran the harbour board for a decade.\n\
            “The plan is dead,” Ruiz and Lind said.\n\
            “We will not sign it,” said Ana Ruiz and Tom Lind on Monday.\n\
            “It is a good plan,” Marks and Spencer said.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| (q.2.as_deref(), q.4)).collect();
        assert_eq!(
            &got[..2],
            [
                (Some("Ana Ruiz and Tom Lind"), Some("Ruiz and Lind")),
                (Some("Ana Ruiz and Tom Lind"), Some("Ana Ruiz and Tom Lind"))
            ]
        );
        // A body's name with `and` in it is one speaker.
        assert_eq!(
            got[2],
            (Some("Marks and Spencer"), Some("Marks and Spencer"))
        );
    }

    #[test]
    fn a_person_noun_keeps_whom_it_speaks_for() {
        let text = "“We were never told,” a spokesman for the dockers’ union said.\n\
            “Nobody asked us,” lawyers for the families said on Monday.\n\
            “It was late,” the dockers for years said.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.4).collect();
        assert_eq!(
            &got[..2],
            [
                Some("a spokesman for the dockers’ union"),
                Some("lawyers for the families")
            ]
        );
        // `for years` is a time, not whom they speak for.
        assert!(!got[2].is_some_and(|m| m.contains("years")), "{got:?}");
    }

    #[test]
    fn police_plural_men_a_share_of_a_group_and_an_age_aside() {
        let text = "The ferry ran aground off the north pier on Sunday night.\n\
            “Nobody was hurt,” police said.\n\
            “The light was out,” fishermen told the Bay Courier.\n\
            “We saw it coming,” said one of the residents.\n\
            “Nobody listens,” some of them said.\n\
            “We are done waiting,” Lena Vos, 45, a mother of two, told reporters.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.4).collect();
        assert_eq!(
            got,
            [
                Some("police"),
                Some("fishermen"),
                Some("one of the residents"),
                Some("some of them"),
                Some("Lena Vos")
            ]
        );
    }

    #[test]
    fn words_describing_a_group_and_a_role_with_its_complement() {
        let text = "The ferry ran aground off the north pier on Sunday night.\n\
            “We were never told,” local residents complained.\n\
            “The light was out,” harbour officials said.\n\
            “We checked every bolt,” said the chairman of Nordport Shipping, Karl Dahl.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| (q.2.as_deref(), q.4)).collect();
        assert_eq!(
            got,
            [
                (Some("local residents"), Some("local residents")),
                (Some("harbour officials"), Some("harbour officials")),
                (Some("Karl Dahl"), Some("Karl Dahl"))
            ]
        );
    }

    #[test]
    fn they_after_a_sentence_opening_with_a_group_is_that_group() {
        let text = "The ferry ran aground off the north pier on Sunday night.\n\
            The dockers walked out of the meeting after two hours of talks with the board.\n\
            “We are done,” they said.\n\
            Ana Ruiz called it “a ‘strike’.” Many local fishermen stayed at home.\n\
            “Nobody asked us,” they said.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(got[0], Some("The dockers"));
        assert_eq!(got.last(), Some(&Some("Many local fishermen")));
    }

    #[test]
    fn the_title_alone_is_the_person_named_with_it() {
        let text =
            "Finance Minister Lena Vos met the dockers and Vice President Karl Dahl on Friday.\n\
            “The cranes are safe,” the minister said.\n\
            “We will pay,” the president said.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| (q.2.as_deref(), q.4)).collect();
        assert_eq!(
            got,
            [
                (Some("Lena Vos"), Some("the minister")),
                (Some("the president"), Some("the president"))
            ]
        );
    }

    #[test]
    fn a_role_of_two_words_is_no_part_of_the_name_and_jr_keeps_its_dot() {
        let text = "The pier reopened on Monday after repairs.\n\
            “The work is done,” said Harbour Master Ewan Clarke.\n\
            “We are pleased,” said Tom Hale Jr., a trader.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(got, [Some("Ewan Clarke"), Some("Tom Hale Jr.")]);
    }

    #[test]
    fn the_company_is_the_business_named_before_not_a_public_body() {
        let text = "Nordport Shipping said on Monday it would close its Harwick yard.\n\
            “We have no choice,” the company said.\n\
            The Labour Ministry said it would review the closure.\n\
            “Orders fell by half,” the firm added.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(got, [Some("Nordport Shipping"), Some("Nordport Shipping")]);
    }

    #[test]
    fn a_list_of_names_speaks_together_and_a_family_speaks() {
        let text = "The ferry ran aground off the north pier on Sunday night.\n\
            “Nobody was hurt,” Ruiz, Lind and Holt said.\n\
            “We are grateful,” the family said in a statement.\n\
            “It was late,” in Oslo, Ruiz and Lind said.";
        let found = quotes(text);
        let got: Vec<_> = found.iter().map(|q| (q.2.as_deref(), q.4)).collect();
        assert_eq!(
            &got[..2],
            [
                (Some("Ruiz, Lind and Holt"), Some("Ruiz, Lind and Holt")),
                (Some("the family"), Some("the family"))
            ]
        );
        assert!(!got[2].0.unwrap_or("").contains("Oslo"), "{got:?}");
    }

    #[test]
    fn split_quote_shares_the_speaker() {
        let found = quotes("“We tried,” she said. “We failed.”");
        assert_eq!(found.len(), 2);
    }
}
