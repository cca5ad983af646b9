//! Who a quote is attributed to, as written: the cue verb and the mention of
//! the speaker beside it (`“…,” the ministry said`, `Lavrov said: “…”`,
//! `according to X`), read from the words next to the quote.

use std::ops::Range;

use super::*;
use crate::lexicon::Gender;
use crate::report::EntityType;

/// The cue that names a source on either side of a quote.
const ACCORDING_TO: &str = "according to";

fn opens_with_according_to(words: &[Word]) -> bool {
    matches!(words, [according, to, ..] if according.folded == "according" && to.folded == "to")
}

impl QuoteFinder<'_> {
    /// Finds the cue verb and the speaker's mention next to a quote.
    pub(super) fn attribution(
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
        // `“…,” as a ministry memo put it.`
        if let Some(put) = self.as_put_it(text, &after, true) {
            return Some(put);
        }
        if let Some(source) = self.source_after(text, quote, &after) {
            return Some(source);
        }
        // `“…,” she said` sets the quote off with punctuation; in `the ‘plan’
        // mentions it` the quote is the sentence's subject, not speech.
        let set_off = without_closing_marks(text, quote).ends_with([',', '?', '!', '.', '—', '-'])
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
            // `Sen. Lee scolded him: “…,” she said.`: the name before the colon
            // is surer than the pronoun after.
            let pronoun = self.is_pronoun(&text[found.mention.clone()].to_lowercase());
            let before_start = sentence.start.min(quote.start);
            let named_before = (pronoun
                && text[before_start..quote.start].trim_end().ends_with(':'))
            .then(|| {
                self.before_quote(
                    text,
                    &words_outside(text, before_start..quote.start, quoted),
                )
            })
            .flatten()
            .filter(|a| !self.is_pronoun(&text[a.mention.clone()].to_lowercase()));
            return Some(named_before.unwrap_or(found));
        }
        let before_start = sentence.start.min(quote.start);
        // Words of other quotes in the sentence are never its attribution.
        let before = words_outside(text, before_start..quote.start, quoted);
        self.before_quote(text, &before)
            .or_else(|| self.closing_attribution(text, &after))
            .or_else(|| self.colon_intro(text, quote, &before, quoted))
    }

    /// `The Courier reports:` (a line of its own) or `Lee had one answer: “…”`:
    /// a quote after a colon is the words of the intro's cue or, with no cue,
    /// of its subject.
    fn colon_intro(
        &self,
        text: &str,
        quote: &Range<usize>,
        before: &[Word],
        quoted: &[Range<usize>],
    ) -> Option<Attribution> {
        let lead = text[..quote.start].trim_end();
        let colon = lead.strip_suffix(':')?.len();
        // `The piece used her words as its headline: “…”`: a description that
        // speaks (a document, a role, a body) opens the intro too.
        let subject = |intro: &[Word]| {
            self.sentence_subject(text, intro)
                .or_else(|| self.described_subject(text, intro))
                .map(|mention| Attribution::new(mention, String::new()))
        };
        if !before.is_empty() {
            // `She asked twice, and I had to change my answer: “…”`: the
            // clause that ends at the colon has the subject.
            return subject(last_clause(text, before)).or_else(|| subject(before));
        }
        // The intro is the last sentence of the line before the quote.
        let line_start = lead[..colon].rfind('\n').map_or(0, |at| at + 1);
        let line_start = ceil_char_boundary(text, line_start.max(colon.saturating_sub(REACH)));
        let sentence_start = text[line_start..colon]
            .match_indices(". ")
            .map(|(at, _)| line_start + at)
            .filter(|&at| !is_abbreviation_gap(text, at, "."))
            .last()
            .map_or(line_start, |at| at + 2);
        let intro = words_outside(text, sentence_start..colon, quoted);
        self.before_quote(text, &intro).or_else(|| subject(&intro))
    }

    /// `“…,” according to the port authority`, `“…,” per the bylaws`: the
    /// source named right after a quote set off by a comma.
    fn source_after(
        &self,
        text: &str,
        quote: &Range<usize>,
        after: &[Word],
    ) -> Option<Attribution> {
        let comma = without_closing_marks(text, quote).ends_with(',')
            || text[quote.end..].trim_start().starts_with(',');
        let (cue, skip) = match after {
            _ if opens_with_according_to(after) => (ACCORDING_TO, 2),
            [per, ..] if per.folded == "per" => ("per", 1),
            _ => return None,
        };
        let mention = comma
            .then(|| self.noun_phrase(text, &after[skip..], true))
            .flatten()?;
        let mention = self
            .author_of_document(text, &mention, after)
            .unwrap_or(mention);
        Some(Attribution::new(mention, cue.to_string()))
    }

    /// `a statement from the shipping ministry`: the document's author speaks.
    fn author_of_document(
        &self,
        text: &str,
        document: &Range<usize>,
        after: &[Word],
    ) -> Option<Range<usize>> {
        let next = after.iter().position(|w| w.start >= document.end)?;
        let head = &after[next.checked_sub(1)?];
        let joined = matches!(after[next].folded.as_str(), "from" | "by" | "of")
            && self
                .lexicon
                .speaking_documents
                .contains(head.folded.as_str());
        joined
            .then(|| self.noun_phrase(text, &after[next + 1..], true))
            .flatten()
    }

    /// `The report`, `The spokesman`: an article and a noun that can speak,
    /// opening a clause and followed by its verb.
    fn described_subject(&self, text: &str, words: &[Word]) -> Option<Range<usize>> {
        let [article, noun, verb, ..] = words else {
            return None;
        };
        let head = noun.folded.as_str();
        let speaks = self.lexicon.speaking_documents.contains(head)
            || self.lexicon.heads_organization(head)
            || self.lexicon.speaker_groups.contains(head)
            || self.names.is_title(head);
        let verb_follows = verb.folded.ends_with("ed") || self.is_cue(verb, text);
        (matches!(article.folded.as_str(), "the" | "this" | "that")
            && text[noun.start..].starts_with(char::is_lowercase)
            && text[article.end..verb.start].trim() == &text[noun.start..noun.end]
            && speaks
            && verb_follows)
            .then_some(article.start..noun.end)
    }

    /// `“…” to drive up the price, she said.`: an attribution set off by a
    /// comma at the end of the clause that continues past the quote.
    pub(super) fn closing_attribution(&self, text: &str, after: &[Word]) -> Option<Attribution> {
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
    pub(super) fn after_quote(
        &self,
        text: &str,
        quote: &Range<usize>,
        after: &[Word],
        mid_sentence: bool,
    ) -> Option<Attribution> {
        // `one resident, who asked not to be named, told`: a relative clause's verb is not the cue.
        let cue_at = (0..after.len()).find(|&k| {
            self.is_cue(&after[k], text)
                && !(k > 0 && matches!(after[k - 1].folded.as_str(), "who" | "which" | "that"))
        })?;
        // After `…?”` or `….”` only `Graham asked` belongs to the quote: a
        // capitalized name right before the cue, not a new sentence.
        let ends_sentence = without_closing_marks(text, quote).ends_with(['.', '?', '!']);
        let name_only = after[..cue_at].iter().all(|w| {
            text[w.start..].starts_with(char::is_uppercase) || self.is_pronoun(w.folded.as_str())
        });
        // `…” She adds,` after a phrase quoted mid-sentence opens a new sentence;
        // `…,” but he said` a new clause: neither attributes the quote.
        // `…,” when Lee blasted him` opens a subordinate clause with its own subject.
        let new_clause = after[..cue_at].first().is_some_and(|w| {
            matches!(
                w.folded.as_str(),
                "but"
                    | "and"
                    | "while"
                    | "although"
                    | "though"
                    | "when"
                    | "if"
                    | "because"
                    | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "unless"
            )
        });
        // `“…,” a series of posts that included one saying …`: a participle after
        // other words belongs to them, not to the quote.
        let participle = cue_at > 0 && after[cue_at].folded.ends_with("ing");
        if ends_sentence && (cue_at > 4 || !name_only || mid_sentence) || new_clause || participle {
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
                .map(|role| self.name_in_apposition(text, &role, after).unwrap_or(role))
        } else {
            None
        }?;
        Some(Attribution::new(mention, cue))
    }

    /// `said his deputy, Sara Lund.`: the name set off after a role is the speaker's.
    fn name_in_apposition(
        &self,
        text: &str,
        role: &Range<usize>,
        words: &[Word],
    ) -> Option<Range<usize>> {
        let mut first = words.iter().position(|w| w.start >= role.end)?;
        let role_is_common_noun = text[..role.end]
            .rsplit(' ')
            .next()
            .is_some_and(|last| last.starts_with(char::is_lowercase));
        // `said the chairman of Nordport Shipping, Karl Dahl`: the role's
        // complement runs to the comma before the name.
        let mut role_end = role.end;
        if matches!(words[first].folded.as_str(), "of" | "for" | "at") {
            if let Some(comma) = (first + 1..words.len().min(first + 7))
                .find(|&k| text[words[k - 1].end..words[k].start].contains(','))
                .filter(|&k| !text[role.end..words[k - 1].end].contains(['.', ';', '“', '”', '"']))
            {
                role_end = words[comma - 1].end;
                first = comma;
            }
        }
        if text[role_end..words[first].start].trim() != "," || !role_is_common_noun {
            return None;
        }
        let mut last = first;
        while words.get(last + 1).is_some_and(|next| {
            text[words[last].end..next.start] == *" "
                && text[next.start..].starts_with(char::is_uppercase)
        }) {
            last += 1;
        }
        let name = words[first].start..words[last].end;
        let closed = text[name.end..].trim_start().starts_with([',', '.', ';'])
            || text[name.end..].trim().is_empty();
        let name_words = last > first && last - first < 4;
        (text[name.start..].starts_with(char::is_uppercase)
            && name_words
            && closed
            && self.names.looks_like_person(&text[name.clone()]))
        .then_some(name)
    }

    /// Whether the paragraph holding a quote reports speech: a cue verb
    /// outside the quote. Short quoted phrases there are someone's words.
    pub(super) fn reports_speech(
        &self,
        text: &str,
        article: &[Range<usize>],
        quote: &Range<usize>,
    ) -> bool {
        paragraph_of(text, article, quote).is_some_and(|block| {
            words_outside(text, block, std::slice::from_ref(quote))
                .iter()
                .any(|w| self.is_cue(w, text))
        })
    }

    /// The first attribution (cue verb and speaker) in the paragraph holding
    /// a quote, outside any quote.
    pub(super) fn paragraph_attribution(
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
    pub(super) fn previous_sentence_attribution(
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
        if previous.end > quote.start
            || quote.start - previous.end > 3
            || text[previous.clone()].contains(['“', '"', '”'])
        {
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
    pub(super) fn sentence_subject(&self, text: &str, before: &[Word]) -> Option<Range<usize>> {
        let mut rest = before;
        // `In January,`, `But, wittingly or not,`: a short opening phrase before
        // a comma; one opened by a preposition may run longer (`With leaders
        // worried about turnout in the cities,`).
        loop {
            let first = rest.first().map_or("", |w| w.folded.as_str());
            let stopword = self.lexicon.stopwords.contains(first);
            let preposition = stopword && !opens_noun_phrase(first) && !self.is_pronoun(first);
            let reach = if preposition { 21 } else { 11 };
            let Some(comma) = (1..rest.len().min(reach))
                .find(|&n| text[rest[n - 1].end..rest[n].start].contains(','))
            else {
                break;
            };
            // `Separately,` is an adverb; `Sally Ng,` a name.
            let given_name = || {
                rest.first()
                    .is_some_and(|w| self.lexicon.given_names.contains_key(&text[w.start..w.end]))
            };
            let aside = first.ends_with("ing")
                || stopword
                || self.lexicon.is_time_word(first)
                || first.chars().all(|c| c.is_ascii_digit())
                || first.ends_with("ly") && !given_name();
            if !aside || self.is_pronoun(first) {
                break;
            }
            rest = &rest[comma..];
        }
        let capital = |w: &Word| text[w.start..].starts_with(char::is_uppercase);
        let possessive = |w: &Word| w.folded.ends_with("'s");
        let first = rest.first()?;
        if self.is_pronoun(first.folded.as_str()) {
            return Some(first.start..first.end);
        }
        // `It’s denouncing …`, `She’s calling …`: the pronoun of a contraction.
        if let Some(pronoun) = first
            .folded
            .strip_suffix("'s")
            .filter(|p| self.is_pronoun(p))
        {
            return Some(first.start..first.start + pronoun.len());
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
                || is_adverb(text, w, Some(previous))
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
        // `Several lawmakers`, `The harbour board`, `Her deputy`: a group, a
        // body or a role speaks too.
        let group = tokens.last().is_some_and(|head| {
            self.lexicon.speaker_groups.contains(head.folded.as_str())
                || self.lexicon.heads_organization(&head.folded)
                || self.names.is_title(&head.folded)
        });
        (named || group).then_some(mention)
    }

    /// `as X put it` (`As Ana Lee, the port's director, recently put it`): the
    /// idiom names the speaker of the quote beside it. `at_start`: the idiom
    /// must open `words` (the words after a quote).
    pub(super) fn as_put_it(
        &self,
        text: &str,
        words: &[Word],
        at_start: bool,
    ) -> Option<Attribution> {
        let put = words
            .windows(2)
            .rposition(|pair| pair[0].folded == "put" && pair[1].folded == "it")?;
        let as_at = words[..put].iter().rposition(|w| w.folded == "as")?;
        if (at_start && as_at != 0) || put - as_at > 25 {
            return None;
        }
        let mut end = put;
        while end > as_at + 1 && is_adverb(text, &words[end - 1], words.get(end - 2)) {
            end -= 1;
        }
        let mention = self.noun_phrase(text, &words[as_at + 1..end], false)?;
        (mention.start >= words[as_at].end).then(|| {
            Attribution::new(
                mention,
                text[words[put].start..words[put + 1].end].to_string(),
            )
        })
    }

    /// `X said: “…”`, `X told the agency “…”`, `according to X, “…”`.
    pub(super) fn before_quote(&self, text: &str, before: &[Word]) -> Option<Attribution> {
        let pair = (0..before.len()).rposition(|at| opens_with_according_to(&before[at..]));
        if let Some(at) = pair {
            let mention = self.noun_phrase(text, &before[at + 2..], true)?;
            return Some(Attribution::new(mention, ACCORDING_TO.to_string()));
        }
        // `…, including Ana Lee -- “…” -- and …`: a name set off by a dash before the quote.
        if let Some(last) = before.last() {
            // The gap before the quote is a few bytes: a long line is never scanned.
            let gap_end = floor_char_boundary(text, (last.end + 16).min(text.len()));
            let dash = text[last.end..gap_end]
                .split(['“', '"', '‘', '\'', '«'])
                .next()
                .map(str::trim)
                .is_some_and(|gap| matches!(gap, "--" | "—" | "–"));
            let named = text[last.start..].starts_with(char::is_uppercase)
                && !self.lexicon.is_time_word(&last.folded)
                && before.len() > 1;
            if dash && named {
                // `supportive of Mr. Trump -- “…”`: the object of a preposition says nothing.
                let object = |mention: &Range<usize>| {
                    before
                        .iter()
                        .rev()
                        .find(|w| w.end <= mention.start)
                        .is_some_and(|w| {
                            matches!(
                                w.folded.as_str(),
                                "of" | "to"
                                    | "for"
                                    | "with"
                                    | "by"
                                    | "from"
                                    | "about"
                                    | "against"
                                    | "on"
                                    | "at"
                                    | "in"
                                    | "into"
                                    | "than"
                                    | "like"
                            )
                        })
                };
                if let Some(mention) = self.noun_phrase(text, before, false).filter(|m| !object(m))
                {
                    return Some(Attribution::new(mention, String::new()));
                }
            }
        }
        // `As Lee put it in a statement, the network is “…”`: unless a cue stands nearer the quote.
        if let Some(put) = self.as_put_it(text, before, false) {
            let put_end = put.mention.end;
            let cue_after = before
                .iter()
                .any(|w| w.start >= put_end && self.is_cue(w, text));
            if !cue_after {
                return Some(put);
            }
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
                    // A quote between them (`was “far from over,” adding`) parts
                    // the word before from the participle.
                    let previous = cue_at
                        .checked_sub(1)
                        .map(|i| &before[i])
                        .filter(|p| text[p.end..w.start].trim().is_empty());
                    let previous_word = previous.map(|p| p.folded.as_str());
                    let lead = text[..w.start].trim_end();
                    let adverbial = lead.ends_with(',')
                        || lead.trim_end_matches(['”', '"', '’', '\'']).ends_with(',')
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
                            .filter(|_| self.is_pronoun(&contracted[..contracted.len() - 2]))
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
                    // `a box labeled “urgent”`, `a group called “…”`: a naming
                    // participle with the quote right after it names the noun
                    // before it; speech needs an object (`she called it “…”`).
                    let names_the_noun = cue_at + 1 == before.len()
                        && w.folded.ends_with("ed")
                        && self
                            .lexicon
                            .quote_words
                            .naming_words
                            .contains(w.folded.as_str())
                        && cue_at
                            .checked_sub(2)
                            .is_some_and(|at| opens_noun_phrase(&before[at].folded))
                        && text[before[cue_at - 1].start..].starts_with(char::is_lowercase);
                    if names_the_noun {
                        return None;
                    }
                    self.noun_phrase(text, &before[..cue_at], false)
                        .or_else(|| relative_pronoun(text, &before[..cue_at]))
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
        let is_pronoun = |a: &Attribution| self.is_pronoun(&text[a.mention.clone()].to_lowercase());
        // In `She said she recalls …` the outer `She said` attributes; `I` is
        // the writer, whoever else the sentence names.
        let first_person = matches!(
            text[nearest.mention.clone()].to_lowercase().as_str(),
            "i" | "we"
        );
        if is_pronoun(&nearest) && !first_person {
            let mut outermost = None;
            for earlier in candidates {
                // `X said …, but he said …`: a new clause has its own speaker.
                let new_clause = text
                    .get(earlier.mention.end..nearest.mention.start)
                    .is_some_and(|between| between.contains(", but "));
                if new_clause {
                    break;
                }
                // `Lee said … after she attacked …`: a woman's `she` is no man's words.
                if self.pronoun_disagrees(text, &nearest, &earlier) {
                    continue;
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

    /// Whether `he` or `she` in `pronoun` cannot be the person named by
    /// `named`: the lexicon knows the given name as the other gender's.
    fn pronoun_disagrees(&self, text: &str, pronoun: &Attribution, named: &Attribution) -> bool {
        let wanted = match text[pronoun.mention.clone()].to_lowercase().as_str() {
            "she" => Gender::Female,
            "he" => Gender::Male,
            _ => return false,
        };
        let name = self.names.strip_titles(&text[named.mention.clone()]);
        let given = name.split_whitespace().next().unwrap_or("");
        matches!(self.lexicon.given_names.get(given), Some(&Some(known)) if known != wanted)
    }

    /// A speaker's mention from words beside a cue verb: a pronoun, a name,
    /// or a description, cut at clause edges; `None` when the words there are
    /// no mention (`images`). `forward` reads from the cue outwards.
    pub(super) fn noun_phrase(
        &self,
        text: &str,
        window: &[Word],
        forward: bool,
    ) -> Option<Range<usize>> {
        if !forward {
            // `Ann Lee, a site engineer, flatly denied`: adverbs before the cue aside.
            let adverbs = (0..window.len())
                .rev()
                .take_while(|&k| is_adverb(text, &window[k], k.checked_sub(1).map(|p| &window[p])))
                .count();
            let before_adverbs = &window[..window.len() - adverbs];
            if let Some(named) = self.name_before_appositive(text, before_adverbs) {
                return Some(named);
            }
            if let Some(before) = before_relative_clause(text, before_adverbs) {
                return self.noun_phrase(text, before, false);
            }
        }
        // Asides in parentheses (`Rep. John Mica (R-Fla.)`) are skipped, unless the
        // cue is itself in the aside (`(or, as the Courier called them, “…”)`).
        let in_aside = !forward
            && window.last().is_some_and(|w| {
                inside_parentheses(text, w.start)
                    && !text[w.end..]
                        .trim_start_matches(['.', ' '])
                        .starts_with(')')
            });
        let outside = |w: &&Word| in_aside || !inside_parentheses(text, w.start);
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
        // Read back, the word before `ordered[k]` in the text is `ordered[k + 1]`.
        let skipped = (0..ordered.len())
            .take_while(|&k| {
                let w = ordered[k];
                let previous = if forward {
                    None
                } else {
                    ordered.get(k + 1).copied()
                };
                is_adverb(text, w, previous)
                    || self.lexicon.speech_adverbs.contains(w.folded.as_str())
            })
            .count();
        let mut ordered = &ordered[skipped..];
        // `She laughed and said`: the subject of the verb coordinated with the cue.
        if let (false, [and, verb, ..]) = (forward, ordered) {
            // Only where the cue ends the clause (`laughed and said, “…”`); in `smiled
            // and asked the crowd` the words after the cue are its object.
            let cue_ends_clause = window.last().is_some_and(|last| {
                let after = text[last.end..].trim_start();
                let cue_len = after
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(after.len());
                after[cue_len..]
                    .trim_start()
                    .starts_with([',', ':', '.', '“', '"', '‘', '\'', '«'])
            });
            let coordinated = cue_ends_clause
                && and.folded == "and"
                && text[verb.end..and.start].trim().is_empty()
                && text[verb.start..].starts_with(char::is_lowercase)
                && (verb.folded.ends_with("ed")
                    || self.lexicon.cue_verbs.contains(verb.folded.as_str()));
            if coordinated {
                ordered = &ordered[2..];
            }
        }
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
                // Read back, a list of names goes on past its commas: `Ruiz, Lind and Holt`.
                let listed = !forward
                    && gap.trim() == ","
                    && capital(w)
                    && !self.lexicon.is_time_word(&w.folded)
                    && !self.lexicon.stopwords.contains(w.folded.as_str())
                    && picked.iter().any(|p| p.folded == "and");
                if gap.contains(',') && !listed {
                    break;
                }
            }
            // `of` joins names (`Bank of England`), a body to its field (`the
            // chamber of commerce`) and, read back, a person noun to its complement
            // (`the mother of three`, `the chair of the board`); `for` a person
            // noun to whom it speaks for (`a spokesman for the union`); `and`
            // two names (`Ruiz and Lind said`: a joint speaker).
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
            let names = a.is_some_and(&capital) && b.is_some_and(&capital);
            let person_noun = |p: &Word| {
                let noun = p.folded.as_str();
                text[p.start..].starts_with(char::is_lowercase)
                    && (self.names.is_title(noun)
                        || self.lexicon.speaker_groups.contains(noun)
                        || self.lexicon.quote_words.is_person_noun(noun))
            };
            let joins_names = match w.folded.as_str() {
                "of" => {
                    // `one of the residents`, `some of them`: a share of a group.
                    let words = &self.lexicon.quote_words;
                    let partitive = a
                        .is_some_and(|q| words.partitive_quantifiers.contains(q.folded.as_str()))
                        && b.is_some_and(|o| {
                            opens_noun_phrase(&o.folded)
                                || words.partitive_pronouns.contains(o.folded.as_str())
                        });
                    let body_field = forward
                        && b.is_some()
                        && a.is_some_and(|body| self.lexicon.heads_organization(&body.folded));
                    let person_complement = !forward && a.is_some_and(person_noun);
                    names || body_field || person_complement || partitive
                }
                "for" => {
                    !forward
                        && a.is_some_and(person_noun)
                        && b.is_some_and(|o| {
                            (capital(o) || opens_noun_phrase(&o.folded))
                                && !self.lexicon.is_time_word(&o.folded)
                        })
                }
                "and" => {
                    names
                        && [a, b].into_iter().flatten().all(|name| {
                            !self.lexicon.stopwords.contains(name.folded.as_str())
                                && !self.lexicon.is_time_word(&name.folded)
                        })
                }
                _ => false,
            };
            if (self
                .lexicon
                .quote_words
                .mention_stops
                .contains(w.folded.as_str())
                && !joins_names)
                || self.is_cue(w, text)
            {
                break;
            }
            picked.push(w);
            if self.is_pronoun(w.folded.as_str()) || picked.len() >= 8 {
                break;
            }
        }
        if !forward {
            // Reading back from the cue, the mention starts at the first word of its run.
            // A group before its complement starts one too: `lawyers for the families`.
            let group_before_complement = |picked: &[&Word]| {
                let [.., joint, group] = picked else {
                    return false;
                };
                matches!(joint.folded.as_str(), "of" | "for")
                    && self.lexicon.speaker_groups.contains(group.folded.as_str())
            };
            // `local residents`, `harbour officials`: words before a group describe it.
            let described_group = |picked: &[&Word]| {
                let [head, modifiers @ ..] = picked else {
                    return false;
                };
                picked.len() <= 3
                    && self.is_group(&head.folded)
                    && modifiers.iter().all(|w| {
                        text[w.start..].starts_with(char::is_lowercase)
                            && !self.lexicon.stopwords.contains(w.folded.as_str())
                            && !self.lexicon.is_time_word(&w.folded)
                            && !self.lexicon.cue_verbs.contains(w.folded.as_str())
                            && !w.folded.ends_with("ing")
                    })
            };
            while picked.len() > 1
                && !is_mention_start(text, picked.last()?)
                && !group_before_complement(&picked)
                && !described_group(&picked)
            {
                picked.pop();
            }
        }
        let first = picked.iter().min_by_key(|w| w.start)?;
        // `board chair Mirela Sand` is a mention by its name; `images` is none.
        let named = picked.iter().any(|w| capital(w));
        // A plural group is a speaker too: `critics say`, `multiple lawmakers
        // called`, `said residents of the old quarter`.
        let head = if forward {
            picked.last()
        } else {
            picked.first()
        };
        let group = head.is_some_and(|h| self.is_group(&h.folded)) && picked.len() <= 3
            || !forward && picked.len() > 2 && self.is_group(&first.folded) && {
                let joint = picked[picked.len() - 2];
                matches!(joint.folded.as_str(), "of" | "for")
            };
        // A sentence opening with a gerund (`Following a meeting`) names no speaker.
        let gerund = first.folded.ends_with("ing") && picked.len() > 1;
        if gerund
            || !named
                && !group
                && !is_mention_start(text, first)
                && !self.is_pronoun(first.folded.as_str())
        {
            return None;
        }
        let last = picked.iter().map(|w| w.end).max()?;
        Some(first.start..last)
    }

    /// `Name, an economist and tax expert, told`: the name before a
    /// comma-delimited description that ends at the cue.
    pub(super) fn name_before_appositive(
        &self,
        text: &str,
        window: &[Word],
    ) -> Option<Range<usize>> {
        // The description runs back to the previous comma; a name must end just before it.
        let comma = set_off_by_commas(text, window)?;
        let description = &window[comma + 1..];
        let starts_lower = !text[description[0].start..].starts_with(char::is_uppercase);
        if !starts_lower || description.len() > 20 {
            return None;
        }
        // `Tom Bell, the attorney general of Oklahoma, one of the states suing,
        // said`: a segment opening with an article is a second description, and
        // the name stands before it.
        let segment_start = window[..comma]
            .windows(2)
            .rposition(|pair| text[pair[0].end..pair[1].start].contains(','))
            .map_or(0, |at| at + 1);
        if matches!(window[segment_start].folded.as_str(), "the" | "a" | "an")
            && text[window[segment_start].start..].starts_with(char::is_lowercase)
            && segment_start > 0
        {
            if let Some(named) = self.name_before_appositive(text, &window[..=comma]) {
                return Some(named);
            }
        }
        // `Rep. Jim Jordan (R-Ohio), …`: the name ends before its parenthesized aside.
        let mut end_at = comma;
        while end_at > 0 && inside_parentheses(text, window[end_at].start) {
            end_at -= 1;
        }
        // `Lena Vos, 45, a mother of two,`: the age between commas is no name.
        if end_at > 0
            && window[end_at].folded.chars().all(|c| c.is_ascii_digit())
            && text[window[end_at - 1].end..window[end_at].start].contains(',')
        {
            end_at -= 1;
        }
        let name_end = &window[end_at];
        if !text[name_end.start..].starts_with(char::is_uppercase) {
            return None;
        }
        let mut start = end_at;
        // Initials and abbreviations keep the name whole: `Marc H. Morial`, `Sen. Ann Lee`.
        while start > 0 && text[window[start - 1].start..].starts_with(char::is_uppercase) && {
            let gap = &text[window[start - 1].end..window[start].start];
            !gap.contains([',', '.', '“', '”', '"', '(', ')'])
                || is_abbreviation_gap(text, window[start - 1].end, gap)
        } {
            start -= 1;
        }
        Some(window[start].start..name_end.end)
    }

    /// Cue verbs are written in lower case: `States` in `United States` is a name.
    pub(super) fn is_cue(&self, word: &Word, text: &str) -> bool {
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
        let as_noun = owner.is_some_and(|o| !self.is_pronoun(&o.to_lowercase()))
            || matches!(
                previous.to_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "these" | "those" | "such"
            );
        (!capitalized || inverted)
            && !as_noun
            && self.lexicon.cue_verbs.contains(word.folded.as_str())
    }

    pub(super) fn block_intro(
        &self,
        text: &str,
        article: &[Range<usize>],
        quote: &Range<usize>,
    ) -> Option<Attribution> {
        let index = article.iter().position(|b| b == quote)?;
        let intro = article[index.checked_sub(1)?].clone();
        self.before_quote(text, &words(text, intro.start, intro.end))
    }
}

/// `Lee, the port's director, who in May said “…”`, `the agency, which
/// reported “…”`: a relative pronoun a few words before its cue is the
/// mention (its antecedent is resolved as the speaker's name).
pub(super) fn relative_pronoun(text: &str, window: &[Word]) -> Option<Range<usize>> {
    let at = window
        .iter()
        .rev()
        .take(4)
        .position(|w| matches!(w.folded.as_str(), "who" | "which"))?;
    let pronoun = &window[window.len() - 1 - at];
    // The words between it and the cue are an aside (`in 2010`), never a clause.
    let between = &text[pronoun.end..window.last()?.end];
    // `anybody who complains` restricts its noun and speaks only for it; `Lee, who
    // said` and `the Harbour Board which reported` are the speaker's own.
    let antecedent = window.get(window.len().checked_sub(at + 2)?)?;
    let gap = &text[antecedent.end..pronoun.start];
    let has_antecedent = gap.contains([',', '—', '–', '-'])
        || text[antecedent.start..].starts_with(char::is_uppercase);
    (has_antecedent && !between.contains([',', '.', ';', ':', '“', '”', '"']))
        .then_some(pronoun.start..pronoun.end)
}

/// The quote's text without its closing marks: `“…,”` ends with its comma.
fn without_closing_marks<'t>(text: &'t str, quote: &Range<usize>) -> &'t str {
    text[quote.clone()].trim_end_matches(['”', '"', '’', '\'', '»'])
}

/// The words after the last `, and`, `, but` or `;` that joins two clauses.
fn last_clause<'w>(text: &str, words: &'w [Word]) -> &'w [Word] {
    let conjunction = |w: &Word| matches!(w.folded.as_str(), "and" | "but" | "so");
    (1..words.len())
        .rev()
        .find_map(|n| {
            let gap = &text[words[n - 1].end..words[n].start];
            let joined = gap.contains(';') || gap.contains(',') && conjunction(&words[n]);
            joined.then(|| &words[n + usize::from(conjunction(&words[n]))..])
        })
        .unwrap_or(words)
}

/// `“…” ― Ana Ruiz`: a quote signed with a dash and a name.
pub(super) fn signature(text: &str, quote_end: usize) -> Option<Attribution> {
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

/// Whether byte `at` lies inside parentheses on its line: the nearest
/// parenthesis before it opens. An aside is short, so only a short window is
/// searched: a scan to the line's start would make every word of a long line
/// cost the whole line. Parentheses and newlines are ASCII, so bytes do.
pub(super) fn inside_parentheses(text: &str, at: usize) -> bool {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .rev()
        .take(PARENTHESIS_WINDOW)
        .find(|&&b| matches!(b, b'(' | b')' | b'\n'))
        == Some(&b'(')
}

pub(super) const PARENTHESIS_WINDOW: usize = 200;

/// The text with parenthesized asides removed.
pub(super) fn strip_parenthesized(gap: &str) -> String {
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
pub(super) fn clause_end(text: &str, from: usize) -> usize {
    for (offset, c) in text[from..].char_indices() {
        let at = from + offset;
        match c {
            '\n' | '“' | '"' | '‘' | '!' | '?' | ';' => return at,
            // `Rep. Ann Lee (D-Calif.) wrote`: an abbreviation closing an aside.
            '.' if !is_abbreviation_gap(text, at, ".") && !text[at + 1..].starts_with(')') => {
                return at
            }
            _ => {}
        }
    }
    text.len()
}

/// A period that ends an abbreviation inside a name (`Mr. Clarke`, `Rep. Mica`).
pub(super) fn is_abbreviation_gap(text: &str, left: usize, gap: &str) -> bool {
    gap.trim() == "." && {
        let word_before = text[..left]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        word_before.len() <= 4 && word_before.starts_with(char::is_uppercase)
    }
}

pub(super) fn is_mention_start(text: &str, word: &Word) -> bool {
    text[word.start..].starts_with(char::is_uppercase) || opens_noun_phrase(&word.folded)
}

/// Where the words set off by commas at the end of `window` start: the
/// index of the word before their opening comma (`Ann Lee, a site engineer,`).
fn set_off_by_commas(text: &str, window: &[Word]) -> Option<usize> {
    let last = window.last()?;
    if !text[last.end..].trim_start().starts_with(',') {
        return None;
    }
    window
        .windows(2)
        .rposition(|pair| text[pair[0].end..pair[1].start].contains(','))
}

/// `The mayor, who has backed the plan since May, said`: the words up to the
/// noun a relative clause between commas describes, when the clause ends at the cue.
fn before_relative_clause<'w>(text: &str, window: &'w [Word]) -> Option<&'w [Word]> {
    let comma = set_off_by_commas(text, window)?;
    let clause = &window[comma + 1..];
    (matches!(clause[0].folded.as_str(), "who" | "whose" | "which") && clause.len() <= 20)
        .then(|| &window[..=comma])
}

/// `flatly denied`: a lower-case `-ly` word is an adverb, but not `Kelly` or
/// `Italy`, nor a noun after a determiner or a possessive (`the assembly`,
/// `Scott's family`).
fn is_adverb(text: &str, word: &Word, previous: Option<&Word>) -> bool {
    word.folded.ends_with("ly")
        && word.folded.len() > 4
        && text[word.start..].starts_with(char::is_lowercase)
        && !previous.is_some_and(|p| opens_noun_phrase(&p.folded) || p.folded.ends_with("'s"))
}

/// Determiners and quantifiers that open a mention (`the ministry`, `several lawmakers`).
pub(super) fn opens_noun_phrase(folded: &str) -> bool {
    matches!(
        folded,
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "my"
            | "our"
            | "your"
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

/// `Lee: Council must “act now” on flooding`: a paragraph that opens with a
/// person's or a body's name and a colon gives the name's words after it.
pub(super) fn label_attribution(
    text: &str,
    article: &[Range<usize>],
    quote: &Range<usize>,
    entities: &[FoundEntity],
) -> Option<Attribution> {
    let block = paragraph_of(text, article, quote)?;
    let colon = block.start + text[block.start..quote.start].find(": ")?;
    if word_count(&text[block.start..colon]) > 6 {
        return None;
    }
    // Entities are in text order: the one ending at the colon is found by search.
    entities[entities.partition_point(|e| e.range.end < colon)..]
        .iter()
        .take_while(|e| e.range.end == colon)
        .find(|e| {
            e.range.end == colon
                && e.range.start >= block.start
                && matches!(e.kind, EntityType::Person | EntityType::Organization)
        })
        .map(|e| Attribution::new(e.range.clone(), String::new()))
}
