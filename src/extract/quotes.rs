//! Quotes and who said them.
//!
//! Quote marks are paired by what surrounds them, not by their glyph: a
//! straight `"` opens after a space and closes before one, and `’` closes a
//! quote only when a `‘` is open (otherwise it is an apostrophe, as in
//! `Kremlin’s`). The speaker is read from the words next to the quote and the
//! cue verb (`“…,” the ministry said`, `Lavrov said: “…”`); pronouns and
//! surnames are resolved to the fullest name the document gives.

use std::ops::Range;

use crate::lexicon::{Gender, Lexicon};
use crate::report::QuoteKind;
use crate::text::offsets::{ceil_char_boundary, floor_char_boundary};
use crate::text::quote_marks::{mark_at, pair_marks, Mark};
use crate::text::words::{words, Word};

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
enum Source {
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
struct Attribution {
    mention: Range<usize>,
    cue: String,
}

impl Attribution {
    fn new(mention: Range<usize>, cue: String) -> Self {
        Attribution { mention, cue }
    }
}

pub struct QuoteFinder<'a> {
    lexicon: &'a Lexicon,
}

/// A quoted phrase this long is speech even with no cue in its sentence;
/// shorter ones need one (scare quotes are mostly one or two words).
const UNATTRIBUTED_PARTIAL_WORDS: usize = 4;

/// Endings of nouns for people (`the spokesman`, `the driver`, `the economist`).
const PERSON_ENDINGS: &[&str] = &[
    "man", "woman", "person", "er", "or", "ist", "ian", "ant", "ent", "ee", "ess", "ive",
];

/// How many words next to a cue a speaker's mention is looked for among.
const MENTION_WORDS: usize = 40;

/// How many earlier quotes a pronoun's speaker is looked for among.
const ANTECEDENT_QUOTES: usize = 50;

const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

impl<'a> QuoteFinder<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        QuoteFinder { lexicon }
    }

    /// Quotes of the article's body paragraphs, in text order.
    pub fn find(
        &self,
        text: &str,
        article: &[Range<usize>],
        sentences: &[Range<usize>],
    ) -> Vec<FoundQuote> {
        let article = article.to_vec();
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
        spans.sort_by_key(|(r, _)| r.start);
        for (range, source) in spans {
            let sentence = within_reach(text, &containing(sentences, &range), &range);
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
            if kind == QuoteKind::Partial
                && (is_name_of_thing(&text[range.clone()])
                    || (attribution.is_none()
                        && words(text, range.start, range.end).len() < UNATTRIBUTED_PARTIAL_WORDS
                        && !self.reports_speech(text, &article, &range)))
            {
                continue; // scare quotes, titles, nicknames
            }
            // A kept phrase no cue attributes is most likely its sentence subject's words.
            let own = attribution
                .filter(|a| self.can_speak(text, &a.mention))
                .or_else(|| {
                    (kind == QuoteKind::Partial)
                        .then(|| {
                            let before = words_outside(text, sentence.start..range.start, &marked);
                            self.sentence_subject(text, &before)
                        })
                        .flatten()
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
                        .filter(|a| self.can_speak(text, &a.mention))
                        .map_or((None, None, None, None), attributed),
                },
            };
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

    /// Whether a mention can name a speaker: a person, a body or a group,
    /// or a document that carries its authors' words (`the report`); never
    /// digits, a street or a site (`Stadiou Avenue`), or another thing or an
    /// event (`the accident`, `the stop`).
    fn can_speak(&self, text: &str, mention: &Range<usize>) -> bool {
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
        // `the accident` speaks no more than `the stop`: a lone common noun
        // after `the` must name a role, a body or a group.
        if let [the, noun] = words.as_slice() {
            let noun_folded = folded(noun);
            let common = the.eq_ignore_ascii_case("the") && noun.starts_with(char::is_lowercase);
            let speaks = self.is_title(&noun_folded)
                || self
                    .lexicon
                    .organization_heads
                    .contains(noun_folded.as_str())
                || self.lexicon.speaker_groups.contains(noun_folded.as_str())
                || self
                    .lexicon
                    .speaking_documents
                    .contains(noun_folded.as_str())
                || PERSON_ENDINGS.iter().any(|end| noun_folded.ends_with(end));
            if common && !speaks {
                return false;
            }
        }
        true
    }

    /// What a mention says the speaker is beside the name: `Foreign Minister`
    /// in `Foreign Minister Ann Lee`, `a former engineer` in `Ann Lee, a
    /// former engineer, said`. Honorifics (`Mr`) are no role.
    fn role(&self, text: &str, mention: &Range<usize>) -> Option<String> {
        const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "sir", "dame"];
        let phrase = &text[mention.clone()];
        let name = self.strip_titles(phrase);
        if !self.looks_like_person(&name) {
            return None;
        }
        let before_name = phrase.strip_suffix(name.as_str()).unwrap_or("").trim();
        let honorific_only = before_name
            .split_whitespace()
            .all(|w| HONORIFICS.contains(&w.trim_end_matches('.').to_lowercase().as_str()));
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
        if lead.first().is_some_and(|w| self.is_title(w)) {
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

    /// A quote is direct when it is (nearly) the whole sentence bar its attribution.
    fn is_direct(&self, text: &str, quote: &Range<usize>, sentence: &Range<usize>) -> bool {
        let before = text[sentence.start..quote.start].trim_end();
        let quoted_words = words(text, quote.start, quote.end).len();
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

    /// Finds the cue verb and the speaker's mention next to a quote.
    fn attribution(
        &self,
        text: &str,
        quote: &Range<usize>,
        sentence: &Range<usize>,
        quoted: &[Range<usize>],
    ) -> Option<Attribution> {
        // The attribution after a quote runs to the end of its clause, even
        // where a sentence splitter would cut (`“…?” Graham asked.`).
        let after: Vec<Word> = words(text, quote.end, clause_end(text, quote.end))
            .into_iter()
            .take(30)
            .collect();
        if let Some(signed) = signature(text, quote.end) {
            return Some(signed);
        }
        // `“…,” she said` sets the quote off with punctuation; in `the ‘plan’
        // mentions it` the quote is the sentence's subject, not speech.
        let set_off = text[quote.start..quote.end]
            .trim_end_matches(['”', '"', '’', '\'', '»'])
            .ends_with([',', '?', '!', '.', '—', '-'])
            || text[quote.end..].trim_start().starts_with([',', '—', '(']);
        if let Some(found) = set_off
            .then(|| {
                let mid_sentence = !text[sentence.start.min(quote.start)..quote.start]
                    .trim()
                    .is_empty();
                self.after_quote(text, quote, &after, mid_sentence)
            })
            .flatten()
        {
            return Some(found);
        }
        let before_start = sentence.start.min(quote.start);
        // Words of other quotes in the sentence are never its attribution.
        let before = words_outside(text, before_start..quote.start, quoted);
        self.before_quote(text, &before)
            .or_else(|| self.closing_attribution(text, &after))
    }

    /// `“…” to drive up the price, she said.`: an attribution set off by a
    /// comma at the end of the clause that continues past the quote.
    fn closing_attribution(&self, text: &str, after: &[Word]) -> Option<Attribution> {
        let cue_at = after.iter().position(|w| self.is_cue(w, text))?;
        let mention = self.noun_phrase(text, &after[..cue_at], false)?;
        text[..mention.start].trim_end().ends_with(',').then(|| {
            Attribution::new(
                mention,
                text[after[cue_at].start..after[cue_at].end].to_string(),
            )
        })
    }

    /// `“…,” X said` or `“…,” said X`.
    fn after_quote(
        &self,
        text: &str,
        quote: &Range<usize>,
        after: &[Word],
        mid_sentence: bool,
    ) -> Option<Attribution> {
        let cue_at = after.iter().position(|w| self.is_cue(w, text))?;
        // After `…?”` or `….”` only `Graham asked` belongs to the quote: a
        // capitalized name right before the cue, not a new sentence.
        let ends_sentence = text[quote.clone()]
            .trim_end_matches(['”', '"', '’', '\'', '»'])
            .ends_with(['.', '?', '!']);
        let name_only = after[..cue_at].iter().all(|w| {
            text[w.start..].starts_with(char::is_uppercase) || PRONOUNS.contains(&w.folded.as_str())
        });
        // `…” She adds,` after a phrase quoted mid-sentence opens a new sentence;
        // `…,” but he said` a new clause: neither attributes the quote.
        let new_clause = after[..cue_at].first().is_some_and(|w| {
            matches!(
                w.folded.as_str(),
                "but" | "and" | "while" | "although" | "though"
            )
        });
        if ends_sentence && (cue_at > 4 || !name_only || mid_sentence) || new_clause {
            return None;
        }
        let cue = text[after[cue_at].start..after[cue_at].end].to_string();
        let mention = if cue_at > 0 {
            self.noun_phrase(text, &after[..cue_at], false)
        } else if self
            .lexicon
            .inverted_cues
            .contains(after[0].folded.as_str())
        {
            self.noun_phrase(text, &after[1..], true)
        } else {
            None
        }?;
        Some(Attribution::new(mention, cue))
    }

    /// Whether the paragraph holding a quote reports speech: a cue verb
    /// outside the quote. Short quoted phrases there are someone's words.
    fn reports_speech(&self, text: &str, article: &[Range<usize>], quote: &Range<usize>) -> bool {
        paragraph_of(text, article, quote).is_some_and(|block| {
            words_outside(text, block, std::slice::from_ref(quote))
                .iter()
                .any(|w| self.is_cue(w, text))
        })
    }

    /// The first attribution (cue verb and speaker) in the paragraph holding
    /// a quote, outside any quote.
    fn paragraph_attribution(
        &self,
        text: &str,
        article: &[Range<usize>],
        quote: &Range<usize>,
        quoted: &[Range<usize>],
    ) -> Option<Attribution> {
        let block = paragraph_of(text, article, quote)?;
        let outside = words_outside(text, block, quoted);
        outside
            .iter()
            .enumerate()
            .filter(|(_, w)| self.is_cue(w, text) && !w.folded.ends_with("ing"))
            .find_map(|(at, w)| {
                Some(Attribution::new(
                    self.noun_phrase(text, &outside[..at], false)?,
                    text[w.start..w.end].to_string(),
                ))
            })
    }

    /// The attribution that ends the sentence before a quote opening its own
    /// sentence: `…, Schiff said.` (the cue within the sentence's last words).
    fn previous_sentence_attribution(
        &self,
        text: &str,
        sentences: &[Range<usize>],
        quote: &Range<usize>,
    ) -> Option<Attribution> {
        let at = sentences
            .iter()
            .position(|s| s.start <= quote.start && quote.start < s.end)?;
        if !text[sentences[at].start..quote.start].trim().is_empty() {
            return None;
        }
        let previous = sentences.get(at.checked_sub(1)?)?;
        if quote.start - previous.end > 3 || text[previous.clone()].contains(['“', '"', '”']) {
            return None;
        }
        let tokens = words(text, previous.start, previous.end);
        let tail = &tokens[tokens.len().saturating_sub(5)..];
        let cue_at = tail.iter().rposition(|w| self.is_cue(w, text))?;
        let mention = self.noun_phrase(text, &tail[..cue_at], false)?;
        Some(Attribution::new(
            mention,
            text[tail[cue_at].start..tail[cue_at].end].to_string(),
        ))
    }

    /// The subject of the sentence holding a quoted phrase that no cue
    /// attributes: `Reid has gone after Trump as a “…”`, `The nominee vowed to
    /// punish “…”`. Opening asides (`In recent weeks,`) are skipped; the subject
    /// is a name, a pronoun or a description, and ends at its verb.
    fn sentence_subject(&self, text: &str, before: &[Word]) -> Option<Range<usize>> {
        let mut rest = before;
        // `In January,`, `But, wittingly or not,`: a short opening phrase before a comma.
        while let Some(comma) =
            (1..rest.len().min(11)).find(|&n| text[rest[n - 1].end..rest[n].start].contains(','))
        {
            let first = rest[0].folded.as_str();
            let aside = first.ends_with("ing")
                || self.lexicon.stopwords.contains(first)
                || self.lexicon.is_time_word(first)
                || first.ends_with("ly");
            if !aside || PRONOUNS.contains(&first) {
                break;
            }
            rest = &rest[comma..];
        }
        let capital = |w: &Word| text[w.start..].starts_with(char::is_uppercase);
        let possessive = |w: &Word| w.folded.ends_with("'s");
        let first = rest.first()?;
        if PRONOUNS.contains(&first.folded.as_str()) {
            return Some(first.start..first.end);
        }
        let function_word = |w: &Word| self.lexicon.stopwords.contains(w.folded.as_str());
        // `After saying …`, `Though typically …`: the sentence opens with no subject.
        let gerund = first.folded.ends_with("ing");
        if !is_mention_start(text, first)
            || function_word(first) && !opens_noun_phrase(&first.folded)
            || gerund
        {
            return None;
        }
        let mut end = first.end;
        for (n, w) in rest.iter().enumerate().skip(1) {
            let gap = strip_parenthesized(&text[rest[n - 1].end..w.start]);
            if gap.contains([',', '.', ';', ':', '“', '”', '"', '—', '('])
                && !is_abbreviation_gap(text, rest[n - 1].end, &gap)
                || n >= 8
            {
                break;
            }
            let previous = &rest[n - 1];
            let verb_like = self.lexicon.stopwords.contains(w.folded.as_str())
                || self.lexicon.speech_adverbs.contains(w.folded.as_str())
                || w.folded.ends_with("ed")
                || w.folded.ends_with("ly")
                || self.is_cue(w, text);
            // `of` and `for` join names: `Citizens for Tax Justice`.
            let joins_names = matches!(w.folded.as_str(), "of" | "for")
                && capital(previous)
                && rest.get(n + 1).is_some_and(capital);
            if capital(w) || joins_names {
                end = w.end;
            } else if verb_like || capital(previous) && !possessive(previous) && n > 1 {
                // After a name, a lower-case word is its verb (`Trump openly admires`).
                break;
            } else {
                end = w.end;
            }
        }
        let mention = first.start..end;
        let tokens = words(text, mention.start, mention.end);
        // `The vote was “a farce”`: a capital that only opens the sentence names nobody.
        let named = tokens
            .iter()
            .enumerate()
            .any(|(n, w)| capital(w) && (n > 0 || !function_word(w)));
        // `Several lawmakers`, `The harbour board`: a group or a body speaks too.
        let group = tokens.last().is_some_and(|head| {
            self.lexicon.speaker_groups.contains(head.folded.as_str())
                || self
                    .lexicon
                    .organization_heads
                    .contains(head.folded.as_str())
        });
        (named || group).then_some(mention)
    }

    /// `X said: “…”`, `X told the agency “…”`, `according to X, “…”`.
    fn before_quote(&self, text: &str, before: &[Word]) -> Option<Attribution> {
        let pair = before
            .windows(2)
            .rposition(|w| w[0].folded == "according" && w[1].folded == "to");
        if let Some(at) = pair {
            let mention = self.noun_phrase(text, &before[at + 2..], true)?;
            return Some(Attribution::new(mention, "according to".to_string()));
        }
        // `Lee’s claim that …`: a speech noun owned by a name nearer the quote than any cue verb.
        let owned = before.windows(2).rposition(|pair| {
            let owner = &text[pair[0].start..pair[0].end];
            owner.starts_with(char::is_uppercase)
                && pair[0].folded.ends_with("'s")
                && self.lexicon.cue_verbs.contains(pair[1].folded.as_str())
        });
        let nearest_cue = before.iter().rposition(|w| self.is_cue(w, text));
        if let Some(at) = owned.filter(|&at| nearest_cue.is_none_or(|cue| cue < at)) {
            let (owner, noun) = (&before[at], &before[at + 1]);
            let name_end = text[owner.start..owner.end]
                .rfind(['\'', '’'])
                .map_or(owner.end, |apostrophe| owner.start + apostrophe);
            return Some(Attribution::new(
                owner.start..name_end,
                text[noun.start..noun.end].to_string(),
            ));
        }
        // The cue nearest the quote whose subject is a plausible speaker: in
        // `It said images suggested that “…”` that is `said`, as `images` is
        // no mention of a speaker. A pronoun gives way to a name earlier in
        // the sentence: in `Ban condemned what he called “…”`, `he` is Ban.
        let mut candidates = before
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, w)| self.is_cue(w, text))
            .filter_map(|(cue_at, w)| {
                let mention = if w.folded.ends_with("ing") {
                    // `Trump attacked Clinton, saying “…”`, `began by saying “…”`: the
                    // clause's subject speaks; `tweets accusing X` is no speech.
                    let previous = cue_at.checked_sub(1).map(|i| &before[i]);
                    let previous_word = previous.map(|p| p.folded.as_str());
                    let adverbial = text[..w.start].trim_end().ends_with(',')
                        || matches!(
                            previous_word,
                            Some("by" | "while" | "after" | "before" | "when")
                        );
                    let named_before = previous.is_some_and(|p| {
                        text[p.start..].starts_with(char::is_uppercase)
                            && !self.lexicon.is_time_word(&p.folded)
                    });
                    match previous_word {
                        // `The board is calling the plan “…”`: a verb in the progressive.
                        Some("is" | "are" | "was" | "were") => {
                            self.noun_phrase(text, &before[..cue_at], false)
                        }
                        // `He’s claiming that …`
                        Some(contracted) if contracted.ends_with("'s") => previous
                            .filter(|_| PRONOUNS.contains(&&contracted[..contracted.len() - 2]))
                            .map(|p| p.start..p.start + contracted.len() - 2),
                        // `footage of Ann Lee saying “…”`: the name right before speaks.
                        _ if named_before && !adverbial => {
                            self.noun_phrase(text, &before[..cue_at], false)
                        }
                        _ => adverbial
                            .then(|| self.sentence_subject(text, before))
                            .flatten(),
                    }
                } else {
                    // `“…,” said Ann Lee, “…”`: an inverted cue follows a quote,
                    // a comma or nothing; in `asked the crowd` the words after it are its object.
                    let opens_clause = text[..w.start]
                        .trim_end()
                        .ends_with([',', '”', '"', '\'', '’', '\n'])
                        || cue_at == 0;
                    let inverted = || {
                        (opens_clause && self.lexicon.inverted_cues.contains(w.folded.as_str()))
                            .then(|| self.noun_phrase(text, &before[cue_at + 1..], true))
                            .flatten()
                    };
                    self.noun_phrase(text, &before[..cue_at], false)
                        .or_else(inverted)
                }?;
                // `Leaders denounced what he called “…”`, `tweets in which he called
                // her “…”`: the phrase is the subject's
                // to use, whoever coined it.
                let in_relative = before
                    .iter()
                    .rposition(|b| b.end <= mention.start)
                    .is_some_and(|at| matches!(before[at].folded.as_str(), "what" | "which"));
                let mention = in_relative
                    .then(|| self.sentence_subject(text, before))
                    .flatten()
                    .unwrap_or(mention);
                Some(Attribution::new(mention, text[w.start..w.end].to_string()))
            });
        let nearest = candidates.next()?;
        let is_pronoun =
            |a: &Attribution| PRONOUNS.contains(&text[a.mention.clone()].to_lowercase().as_str());
        // In `She said she recalls …` the outer `She said` attributes.
        if is_pronoun(&nearest) {
            let mut outermost = None;
            for earlier in candidates {
                // `X said …, but he said …`: a new clause has its own speaker.
                let new_clause = text
                    .get(earlier.mention.end..nearest.mention.start)
                    .is_some_and(|between| between.contains(", but "));
                if new_clause {
                    break;
                }
                if !is_pronoun(&earlier) {
                    return Some(Attribution {
                        cue: nearest.cue,
                        ..earlier
                    });
                }
                outermost = Some(earlier);
            }
            return Some(outermost.unwrap_or(nearest));
        }
        Some(nearest)
    }

    /// A speaker's mention from words beside a cue verb: a pronoun, a name,
    /// or a description, cut at clause edges; `None` when the words there are
    /// no mention (`images`). `forward` reads from the cue outwards.
    fn noun_phrase(&self, text: &str, window: &[Word], forward: bool) -> Option<Range<usize>> {
        if !forward {
            if let Some(named) = self.name_before_appositive(text, window) {
                return Some(named);
            }
        }
        const STOP: &[&str] = &[
            "in", "on", "at", "during", "after", "before", "while", "that", "to", "of", "as",
            "when", "but", "and", "who", "which", "adding", "for", "with", "by", "from", "if",
            "because",
        ];
        // Asides in parentheses (`Rep. John Mica (R-Fla.)`) are skipped.
        let outside = |w: &&Word| !inside_parentheses(text, w.start);
        // A mention lies within a few words of its cue: the nearest 40 are plenty.
        let ordered: Vec<&Word> = if forward {
            window.iter().filter(outside).take(MENTION_WORDS).collect()
        } else {
            window
                .iter()
                .rev()
                .filter(outside)
                .take(MENTION_WORDS)
                .collect()
        };
        // Adverbs and auxiliaries beside the cue (`previously accused`, `has said`) are not the mention.
        let skipped = ordered
            .iter()
            .take_while(|w| {
                w.folded.ends_with("ly") && w.folded.len() > 4
                    || self.lexicon.speech_adverbs.contains(w.folded.as_str())
            })
            .count();
        let mut ordered = &ordered[skipped..];
        if !forward {
            // `Russia, on Tuesday, August 2, said`: time phrases between commas are skipped.
            loop {
                let segment = (1..ordered.len())
                    .find(|&n| text[ordered[n].end..ordered[n - 1].start].contains(','))
                    .unwrap_or(ordered.len());
                let is_time = |w: &&Word| {
                    let word = w.folded.as_str();
                    word.chars().all(|c| c.is_ascii_digit()) || self.lexicon.is_time_word(word)
                };
                if segment == ordered.len() || !ordered[..segment].iter().all(is_time) {
                    break;
                }
                ordered = &ordered[segment..];
            }
        }
        let capital = |w: &Word| text[w.start..].starts_with(char::is_uppercase);
        let mut picked: Vec<&Word> = Vec::new();
        for (n, w) in ordered.iter().enumerate() {
            if n > 0 {
                let (left, right) = if forward {
                    (ordered[n - 1].end, w.start)
                } else {
                    (w.end, ordered[n - 1].start)
                };
                let gap = &text[left..right];
                let gap_without_aside = strip_parenthesized(gap);
                let gap = gap_without_aside.as_str();
                if gap.contains(['.', ';', ':', '“', '”', '"', '(', ')', '—'])
                    && !gap.trim().is_empty()
                    && !is_abbreviation_gap(text, left, gap)
                {
                    break;
                }
                // Commas end the mention; appositives are read by `name_before_appositive`.
                if gap.contains(',') {
                    break;
                }
            }
            let joins_names = w.folded == "of" && {
                let (a, b) = if forward {
                    (
                        n.checked_sub(1).map(|i| ordered[i]),
                        ordered.get(n + 1).copied(),
                    )
                } else {
                    (
                        ordered.get(n + 1).copied(),
                        n.checked_sub(1).map(|i| ordered[i]),
                    )
                };
                a.is_some_and(&capital) && b.is_some_and(&capital)
            };
            if (STOP.contains(&w.folded.as_str()) && !joins_names) || self.is_cue(w, text) {
                break;
            }
            picked.push(w);
            if PRONOUNS.contains(&w.folded.as_str()) || picked.len() >= 8 {
                break;
            }
        }
        if !forward {
            // Reading back from the cue, the mention starts at the first word of its run.
            while picked.len() > 1 && !is_mention_start(text, picked.last()?) {
                picked.pop();
            }
        }
        let first = picked.iter().min_by_key(|w| w.start)?;
        // `board chair Mirela Sand` is a mention by its name; `images` is none.
        let named = picked.iter().any(|w| capital(w));
        // A plural group is a speaker too: `critics say`, `multiple lawmakers called`.
        let head = if forward {
            picked.last()
        } else {
            picked.first()
        };
        let group = !forward
            && head.is_some_and(|h| self.lexicon.speaker_groups.contains(h.folded.as_str()))
            && picked.len() <= 3;
        // A sentence opening with a gerund (`Following a meeting`) names no speaker.
        let gerund = first.folded.ends_with("ing") && picked.len() > 1;
        if gerund
            || !named
                && !group
                && !is_mention_start(text, first)
                && !PRONOUNS.contains(&first.folded.as_str())
        {
            return None;
        }
        let last = picked.iter().map(|w| w.end).max()?;
        Some(first.start..last)
    }

    /// `Name, an economist and tax expert, told`: the name before a
    /// comma-delimited description that ends at the cue.
    fn name_before_appositive(&self, text: &str, window: &[Word]) -> Option<Range<usize>> {
        let last = window.last()?;
        if !text[last.end..].trim_start().starts_with(',') {
            return None;
        }
        // The description runs back to the previous comma; a name must end just before it.
        let comma = window
            .windows(2)
            .rposition(|pair| text[pair[0].end..pair[1].start].contains(','))?;
        let description = &window[comma + 1..];
        let starts_lower = !text[description[0].start..].starts_with(char::is_uppercase);
        if !starts_lower || description.len() > 20 {
            return None;
        }
        let name_end = &window[comma];
        if !text[name_end.start..].starts_with(char::is_uppercase) {
            return None;
        }
        let mut start = comma;
        while start > 0
            && text[window[start - 1].start..].starts_with(char::is_uppercase)
            && !text[window[start - 1].end..window[start].start].contains([',', '.', '“', '”', '"'])
        {
            start -= 1;
        }
        Some(window[start].start..name_end.end)
    }

    /// Cue verbs are written in lower case: `States` in `United States` is a name.
    fn is_cue(&self, word: &Word, text: &str) -> bool {
        let capitalized = text[word.start..].starts_with(char::is_uppercase);
        // `Said Ellis: “…”` puts the cue first, capitalized.
        let inverted = capitalized && matches!(word.folded.as_str(), "said" | "says") && {
            let before = text[..word.start].trim_end_matches(' ');
            before.is_empty() || before.ends_with(['.', '\n', '”', '"', '!', '?'])
        };
        // After a determiner or a possessive the word is a noun: `his claims`, `Obama's remarks`.
        let previous = text[..word.start]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        // `He’s claiming` is a pronoun and a verb, not a possessive.
        let owner = previous
            .strip_suffix("'s")
            .or_else(|| previous.strip_suffix("’s"));
        let as_noun = owner.is_some_and(|o| !PRONOUNS.contains(&o.to_lowercase().as_str()))
            || matches!(
                previous.to_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "these" | "those" | "such"
            );
        (!capitalized || inverted)
            && !as_noun
            && self.lexicon.cue_verbs.contains(word.folded.as_str())
    }

    /// Paragraphs without marks introduced by a line ending in `:` or `;` that
    /// has a cue verb (`The ministry said;`).
    fn block_quotes(&self, text: &str, article: &[Range<usize>]) -> Vec<Range<usize>> {
        article
            .windows(2)
            .filter(|pair| {
                let intro = text[pair[0].clone()].trim_end();
                let body = &text[pair[1].clone()];
                intro.ends_with([':', ';'])
                    && !body.contains(['“', '”', '"'])
                    && words(text, pair[0].start, pair[0].end)
                        .iter()
                        .any(|w| self.is_cue(w, text))
            })
            .map(|pair| pair[1].clone())
            .collect()
    }

    /// Transcript turns: a paragraph opening with a speaker's name in capitals
    /// and a colon (`PENCE: Well, …`).
    fn transcript_turns(
        &self,
        text: &str,
        article: &[Range<usize>],
    ) -> Vec<(Range<usize>, Source)> {
        article
            .iter()
            .filter_map(|block| {
                let body = &text[block.clone()];
                let colon = body.find(':')?;
                let label = &body[..colon];
                let is_label = (2..=40).contains(&label.len())
                    && label.chars().any(char::is_alphabetic)
                    && label
                        .chars()
                        .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
                let speech = body[colon + 1..].trim_start();
                (is_label && words(speech, 0, speech.len()).len() >= 2).then(|| {
                    let start = block.start + (body.len() - speech.len());
                    (
                        start..block.end,
                        Source::Turn(block.start..block.start + colon),
                    )
                })
            })
            .collect()
    }

    /// Reported speech in sentences without quote marks: `X denied that …`,
    /// `X told reporters that …`. The quote is the reported clause.
    fn reported_speech(
        &self,
        text: &str,
        sentences: &[Range<usize>],
        marked: &[Range<usize>],
    ) -> Vec<(Range<usize>, Source)> {
        sentences
            .iter()
            .filter(|s| !overlaps_any(marked, s))
            .filter_map(|sentence| {
                let tokens = words(text, sentence.start, sentence.end);
                tokens.iter().enumerate().find_map(|(at, w)| {
                    if !self.is_cue(w, text) || w.folded.ends_with("ing") {
                        return None;
                    }
                    // `that` within a few words of the cue (`told the Telegraph that`).
                    let that = tokens[at + 1..]
                        .iter()
                        .take(5)
                        .position(|t| t.folded == "that")?
                        + at
                        + 1;
                    let between = &text[w.end..tokens[that].start];
                    if between.contains([',', ';', ':']) {
                        return None;
                    }
                    let mention = self.noun_phrase(text, &tokens[..at], false)?;
                    let clause_start = tokens.get(that + 1)?.start;
                    let clause_end =
                        sentence.start + text[sentence.clone()].trim_end_matches(['.', ' ']).len();
                    (words(text, clause_start, clause_end).len() >= 3).then(|| {
                        let attribution =
                            Attribution::new(mention, text[w.start..w.end].to_string());
                        (clause_start..clause_end, Source::Reported(attribution))
                    })
                })
            })
            .collect()
    }

    fn block_intro(
        &self,
        text: &str,
        article: &[Range<usize>],
        quote: &Range<usize>,
    ) -> Option<Attribution> {
        let index = article.iter().position(|b| b == quote)?;
        let intro = article[index.checked_sub(1)?].clone();
        self.before_quote(text, &words(text, intro.start, intro.end))
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

    /// The fullest name for a mention: pronouns and descriptions take the
    /// nearest earlier speaker, surnames and titled names the full name.
    /// `context_end` is where the text before the quote and its mention ends:
    /// a pronoun never refers to a name inside the quote it attributes.
    fn resolve(
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
        if matches!(folded.as_str(), "it" | "they") {
            return previous_nearby
                .filter(|s| !self.looks_like_person(s))
                .or_else(|| self.nearest_organization(text, context_end))
                .or_else(|| last_speaker(&|s| !self.looks_like_person(s)))
                .or_else(|| Some(phrase.to_string()));
        }
        if PRONOUNS.contains(&folded.as_str()) || folded.contains("-year-old") {
            // `she` is never a name the lexicon knows as a man's, nor `he` a woman's.
            let gender = match folded.as_str() {
                "she" => Some(Gender::Female),
                "he" => Some(Gender::Male),
                _ => None,
            };
            let agrees = |name: &str| {
                let given = name.split_whitespace().next().unwrap_or("");
                match (gender, self.lexicon.given_names.get(given)) {
                    (Some(wanted), Some(&known)) => wanted == known,
                    _ => true,
                }
            };
            return self
                .nearest_person(text, context_end, &agrees)
                .or_else(|| previous_nearby.filter(|s| self.looks_like_person(s) && agrees(s)))
                .or_else(|| last_speaker(&|s| self.looks_like_person(s) && agrees(s)))
                .or_else(|| Some(phrase.to_string()));
        }
        let name = self.strip_titles(phrase);
        if name.is_empty() {
            return Some(phrase.to_string());
        }
        Some(self.fullest_name(text, &name).unwrap_or(name))
    }

    /// Drops leading titles and roles: `Mr Konashenkov` → `Konashenkov`.
    fn strip_titles(&self, phrase: &str) -> String {
        let parts: Vec<&str> = phrase.split_whitespace().collect();
        let capitalized = |w: &str| w.starts_with(char::is_uppercase);
        // The name is the last run of capitalized words that are not titles.
        let end = parts.len();
        let mut start = end;
        while start > 0
            && capitalized(parts[start - 1])
            && !self.is_title(parts[start - 1])
            && !parts[start - 1].ends_with(',')
        {
            start -= 1;
        }
        let name = parts[start..end]
            .join(" ")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if start == end || start > 0 && !self.looks_like_person(&name) {
            // A description (`the defence ministry`): keep it whole.
            return phrase
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
        }
        name
    }

    /// Capitalized words that are no function words, dates or organisations
    /// (`Neither Russia`, `In April` and `Defence Ministry` are no names).
    fn looks_like_person(&self, name: &str) -> bool {
        let parts: Vec<&str> = name.split_whitespace().collect();
        let plain = |w: &&str| {
            let folded = w.to_lowercase();
            !self.lexicon.stopwords.contains(folded.as_str()) && !self.lexicon.is_time_word(&folded)
        };
        // `MIDWAY ATOLL` is a dateline or a heading, `West Virginia` a place.
        let shouted = parts
            .iter()
            .all(|p| p.chars().count() > 1 && !p.chars().any(char::is_lowercase));
        !parts.is_empty()
            && parts.len() <= 4
            && !shouted
            && !self.lexicon.places.contains(name)
            && parts.iter().all(plain)
            && parts.iter().all(|p| p.starts_with(char::is_uppercase))
            && !parts.iter().any(|p| {
                self.lexicon
                    .organization_heads
                    .contains(p.to_lowercase().as_str())
            })
    }

    /// The first full name (two or more capitalized words, titles dropped,
    /// not after `the`) of the nearest sentence before `pos` that has one.
    fn nearest_person(
        &self,
        text: &str,
        pos: usize,
        agrees: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        // The first name of the nearest sentence naming someone: its subject, usually.
        sentences_before(text, pos).find_map(|sentence| {
            capitalized_runs(sentence)
                .into_iter()
                .find_map(|(run, after_the)| {
                    let name = self.name_after_titles(run.iter().copied());
                    // `Mr. Obama` names a person by a title and a surname.
                    let titled = name.split_whitespace().count() < run.len();
                    let name = (!after_the
                        && (titled || name.split_whitespace().count() >= 2)
                        && self.looks_like_person(&name))
                    .then(|| self.fullest_name(text, &name).unwrap_or(name))?;
                    agrees(&name).then_some(name)
                })
        })
    }

    /// The first organisation named in the nearest sentence before `pos` that
    /// names one: sentence subjects come first.
    fn nearest_organization(&self, text: &str, pos: usize) -> Option<String> {
        sentences_before(text, pos).find_map(|sentence| {
            let tokens = words(sentence, 0, sentence.len());
            let head = tokens
                .iter()
                .position(|w| self.lexicon.organization_heads.contains(w.folded.as_str()))?;
            let mut start = head;
            while start > 0 && head - start < 3 {
                let w = &tokens[start - 1];
                let gap = &sentence[w.end..tokens[start].start];
                if gap.trim().contains([',', ';', ':'])
                    || self.lexicon.stopwords.contains(w.folded.as_str()) && w.folded != "the"
                {
                    break;
                }
                start -= 1;
                if w.folded == "the" {
                    break;
                }
            }
            Some(sentence[tokens[start].start..tokens[head].end].to_string())
        })
    }

    /// The words after the last title or role: `Russian Defence Minister Sergei Shoigu` → `Sergei Shoigu`.
    fn name_after_titles<'t>(&self, run: impl Iterator<Item = &'t str>) -> String {
        let run: Vec<&str> = run.collect();
        let start = run
            .iter()
            .rposition(|w| self.is_title(w))
            .map_or(0, |i| i + 1);
        run[start..].join(" ")
    }

    fn is_title(&self, word: &str) -> bool {
        let folded = word.trim_end_matches('.').to_lowercase();
        self.lexicon.titles.contains(folded.as_str())
    }

    /// The longest capitalized name in the text that ends with `name`'s last word.
    fn fullest_name(&self, text: &str, name: &str) -> Option<String> {
        let surname = name.split_whitespace().last()?;
        if !surname.starts_with(char::is_uppercase) || !self.looks_like_person(name) {
            return None;
        }
        let mut best: Option<String> = None;
        for (at, _) in text.match_indices(surname) {
            let end = at + surname.len();
            if text[end..].starts_with(char::is_alphanumeric) {
                continue;
            }
            let candidate =
                self.name_after_titles(capitalized_run_ending_at(text, end).split_whitespace());
            if !self.looks_like_person(&candidate) {
                continue;
            }
            if candidate.split_whitespace().count()
                > best.as_deref().map_or(0, |b| b.split_whitespace().count())
            {
                best = Some(candidate);
            }
        }
        best.filter(|b| b.split_whitespace().count() >= name.split_whitespace().count())
    }
}

/// The paragraph (article block) that holds a quote.
fn paragraph_of(
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
const REACH: usize = 1500;

/// `span` (a sentence or paragraph holding `quote`) cut to [`REACH`] bytes
/// either side of the quote, on char boundaries.
fn within_reach(text: &str, span: &Range<usize>, quote: &Range<usize>) -> Range<usize> {
    let start = span.start.max(quote.start.saturating_sub(REACH));
    let end = span.end.min(quote.end.saturating_add(REACH));
    ceil_char_boundary(text, start)..floor_char_boundary(text, end)
}

/// Whether `range` overlaps one of `spans` (in text order, disjoint).
fn overlaps_any(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    spans[spans.partition_point(|m| m.end <= range.start)..]
        .first()
        .is_some_and(|m| m.start < range.end)
}

/// Words of `text[range]` that lie in none of `quotes`.
fn words_outside(text: &str, range: Range<usize>, quotes: &[Range<usize>]) -> Vec<Word> {
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

/// The sentences (cut at periods and line breaks) of the few hundred bytes
/// before `pos`, nearest first: where pronouns find their antecedents.
fn sentences_before(text: &str, pos: usize) -> impl Iterator<Item = &str> {
    let window_start = floor_char_boundary(text, pos.saturating_sub(600));
    text[window_start..pos].split_inclusive(['.', '\n']).rev()
}

/// Runs of capitalized words, broken at punctuation, each with whether `the` precedes it.
fn capitalized_runs(text: &str) -> Vec<(Vec<&str>, bool)> {
    let mut runs: Vec<(Vec<&str>, bool)> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut previous = "";
    let mut after_the = false;
    for raw in text.split_inclusive('\n').flat_map(|line| {
        // A line break ends a run: `Differing Motives` above `Russia and the West`.
        let mut words: Vec<&str> = line.split_whitespace().collect();
        if !words.iter().any(|w| w.starts_with(char::is_lowercase)) {
            words.clear(); // a title-case heading, not a sentence naming someone
        }
        let last = words.len().saturating_sub(1);
        words
            .into_iter()
            .enumerate()
            .map(move |(i, w)| (w, i == last && line.ends_with('\n')))
    }) {
        let (raw, line_end) = raw;
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let word = word
            .strip_suffix("’s")
            .or_else(|| word.strip_suffix("'s"))
            .unwrap_or(word);
        let opens = raw.starts_with(|c: char| !c.is_alphanumeric());
        if word.starts_with(char::is_uppercase) && (current.is_empty() || !opens) {
            if current.is_empty() {
                after_the = previous.eq_ignore_ascii_case("the");
            }
            current.push(word);
        } else if !current.is_empty() {
            runs.push((std::mem::take(&mut current), after_the));
        }
        if (line_end || raw.ends_with(|c: char| !c.is_alphanumeric())) && !current.is_empty() {
            runs.push((std::mem::take(&mut current), after_the));
        }
        previous = word;
    }
    if !current.is_empty() {
        runs.push((current, after_the));
    }
    runs
}

/// `“…” ― Ana Ruiz`: a quote signed with a dash and a name.
fn signature(text: &str, quote_end: usize) -> Option<Attribution> {
    let after = &text[quote_end..];
    let trimmed = after.trim_start_matches([' ', '\u{A0}']);
    let dash = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '―' | '—' | '–'))?;
    let name_start = quote_end + (after.len() - trimmed.len()) + dash.len_utf8();
    let rest = &text[name_start..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '\u{A0}']).len();
    let words = words(
        text,
        name_start + skipped,
        floor_char_boundary(text, name_start + skipped + 80),
    );
    let mut end = None;
    for (i, w) in words.iter().enumerate() {
        let gap = &text[words[i.saturating_sub(1)].end.min(w.start)..w.start];
        if !text[w.start..].starts_with(char::is_uppercase)
            || i > 0 && (!gap.trim().is_empty() || gap.contains('\n'))
            || i >= 4
        {
            break;
        }
        end = Some(w.end);
    }
    let end = end?;
    let start = words.first()?.start;
    (end > start && text[start..end].contains(' '))
        .then(|| Attribution::new(start..end, dash.to_string()))
}

/// Capitalized words (with particles) ending at byte `end`.
fn capitalized_run_ending_at(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let mut start = end;
    for word in head.rsplit([' ', '\n']) {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
        if clean.is_empty()
            || !clean.starts_with(char::is_uppercase)
            || word.ends_with([',', '.', ':', ';']) && start != end
        {
            break;
        }
        start -= word.len() + usize::from(start != end);
        if start == 0 {
            break;
        }
    }
    text[start..end].trim()
}

/// Whether byte `at` lies inside parentheses on its line: the nearest
/// parenthesis before it opens. An aside is short, so only a short window is
/// searched: a scan to the line's start would make every word of a long line
/// cost the whole line. Parentheses and newlines are ASCII, so bytes do.
fn inside_parentheses(text: &str, at: usize) -> bool {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .rev()
        .take(PARENTHESIS_WINDOW)
        .find(|&&b| matches!(b, b'(' | b')' | b'\n'))
        == Some(&b'(')
}

const PARENTHESIS_WINDOW: usize = 200;

/// The text with parenthesized asides removed.
fn strip_parenthesized(gap: &str) -> String {
    let mut out = String::with_capacity(gap.len());
    let mut depth = 0usize;
    for c in gap.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Where the clause after a quote ends: a sentence end that is no
/// abbreviation's period, a line break, or the next quote.
fn clause_end(text: &str, from: usize) -> usize {
    for (offset, c) in text[from..].char_indices() {
        let at = from + offset;
        match c {
            '\n' | '“' | '"' | '‘' | '!' | '?' | ';' => return at,
            '.' if !is_abbreviation_gap(text, at, ".") => return at,
            _ => {}
        }
    }
    text.len()
}

/// A period that ends an abbreviation inside a name (`Mr. Clarke`, `Rep. Mica`).
fn is_abbreviation_gap(text: &str, left: usize, gap: &str) -> bool {
    gap.trim() == "." && {
        let word_before = text[..left]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        word_before.len() <= 4 && word_before.starts_with(char::is_uppercase)
    }
}

fn is_mention_start(text: &str, word: &Word) -> bool {
    text[word.start..].starts_with(char::is_uppercase) || opens_noun_phrase(&word.folded)
}

/// Determiners and quantifiers that open a mention (`the ministry`, `several lawmakers`).
fn opens_noun_phrase(folded: &str) -> bool {
    matches!(
        folded,
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "one"
            | "some"
            | "many"
            | "several"
            | "another"
            | "other"
            | "each"
            | "every"
            | "two"
            | "three"
    )
}

/// Titles and names of things in quotes (`“Fox News Sunday”`): every word capitalized.
fn is_name_of_thing(quote: &str) -> bool {
    const SMALL_WORDS: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "with",
    ];
    let inner = quote.trim_matches(|c: char| !c.is_alphanumeric());
    let capitalized = |p: &&str| p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let parts: Vec<&str> = inner.split_whitespace().collect();
    // Title case throughout (`Fox News Sunday`, `the Wall`), small words aside.
    parts.iter().any(capitalized)
        && parts
            .iter()
            .all(|p| capitalized(p) || SMALL_WORDS.contains(p))
}

/// The sentence holding most of a quote, or the quote itself.
fn containing(sentences: &[Range<usize>], quote: &Range<usize>) -> Range<usize> {
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

/// Quoted spans (marks included) over article blocks; a quote whose paragraph
/// ends open continues into the next paragraph that opens with a mark.
///
/// Every double mark (`“ ” " „ « »`, and `''` or ``` `` ``` pairs) opens or
/// closes by what surrounds it, so a `”` used to open (as some sites print)
/// still opens; single marks quote only when a `‘` or `'` opened after a space.
fn quoted_spans(text: &str, article: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (index, block) in article.iter().enumerate() {
        let body = &text[block.clone()];
        let continues =
            open.is_some() && mark_at(body, 0).is_some_and(|(mark, _)| mark == Mark::Double);
        if open.is_some() && !continues {
            // The paragraph ended open and no quote continues it: close at its end.
            let start = open.take().unwrap_or_default();
            out.push(start..article[index - 1].end);
        }
        let (closed, still_open) = pair_marks(body, block.start, open.filter(|_| continues));
        out.extend(closed.into_iter().map(|q| q.range));
        open = still_open;
    }
    if let (Some(start), Some(last)) = (open, article.last()) {
        out.push(start..last.end);
    }
    out.sort_by_key(|r| r.start);
    out.retain(|r| !words(text, r.start, r.end).is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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

    /// The quotes of a text whose every line is an article paragraph.
    fn find_all(text: &str) -> Vec<FoundQuote> {
        let lexicon = Lexicon::load();
        let ranges = blocks(text);
        let sents: Vec<Range<usize>> = ranges
            .iter()
            .flat_map(|r| sentences(text, r.clone(), &lexicon.abbreviations))
            .collect();
        QuoteFinder::new(&lexicon).find(text, &ranges, &sents)
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
    fn places_things_and_digits_never_speak() {
        for text in [
            "“It was terrible,” the accident showed, leaving the road shut.",
            "“Slow down here,” Stadiou Avenue said in paint on its kerb.",
            "“Nobody came,” 53 said.",
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
    }

    #[test]
    fn speaker_after_the_quote() {
        let found =
            quotes("“We will not sign this deal,” the transport ministry said in a statement.");
        assert_eq!(found[0].0, "“We will not sign this deal,”");
        assert_eq!(found[0].1, QuoteKind::Direct);
        assert_eq!(found[0].2.as_deref(), Some("the transport ministry"));
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
        let found = quotes("“Fix the bridge first.” ― Aram Tessel\nSaid Dora Vink: “We waited long enough.”\n“It will be late,” Ola Brenn, a site engineer and union member, told the paper.");
        let speakers: Vec<_> = found.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Aram Tessel"), Some("Dora Vink"), Some("Ola Brenn")]
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
    fn split_quote_shares_the_speaker() {
        let found = quotes("“We tried,” she said. “We failed.”");
        assert_eq!(found.len(), 2);
    }
}
