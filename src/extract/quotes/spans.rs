//! What is quoted: spans between marks, block quotes after an intro line,
//! transcript turns and reported speech (`X denied that …`).

use std::ops::Range;

use super::*;
use crate::text::quote_marks::{mark_at, pair_marks, Mark};

impl QuoteFinder<'_> {
    /// Paragraphs without marks introduced by a line ending in `:` or `;` that
    /// has a cue verb (`The ministry said;`).
    pub(super) fn block_quotes(&self, text: &str, article: &[Range<usize>]) -> Vec<Range<usize>> {
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
    /// and a colon (`PENCE: Well, …`), not an editor's label (`CORRECTION:`).
    pub(super) fn transcript_turns(
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
                    && !self
                        .lexicon
                        .quote_words
                        .editorial_labels
                        .contains(label.trim())
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
    pub(super) fn reported_speech(
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
                    (word_count(&text[clause_start..clause_end]) >= 3).then(|| {
                        let attribution =
                            Attribution::new(mention, text[w.start..w.end].to_string());
                        (clause_start..clause_end, Source::Reported(attribution))
                    })
                })
            })
            .collect()
    }
}

impl QuoteFinder<'_> {
    /// Titles and names of things in quotes (`“Fox News Sunday”`): every word capitalized.
    pub(super) fn is_name_of_thing(&self, quote: &str) -> bool {
        let inner = quote.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalized =
            |p: &&str| p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let parts: Vec<&str> = inner.split_whitespace().collect();
        // Title case throughout (`Fox News Sunday`, `the Wall`), small words aside.
        parts.iter().any(capitalized)
            && parts
                .iter()
                .all(|p| capitalized(p) || self.lexicon.quote_words.title_small_words.contains(*p))
    }

    /// Whether the word before a quote in its sentence (articles aside) names it.
    /// Not `known (to staff) as “the Fox”`: that gives a name or nickname.
    pub(super) fn follows_naming_word(
        &self,
        text: &str,
        sentence: &Range<usize>,
        quote: &Range<usize>,
    ) -> bool {
        let before = words_before(text, sentence, quote);
        let Some(at) = before
            .iter()
            .rposition(|w| !matches!(w.folded.as_str(), "a" | "an" | "the"))
        else {
            return false;
        };
        let word = before[at].folded.as_str();
        let known = before[at.saturating_sub(4)..at]
            .iter()
            .any(|w| w.folded == "known");
        self.lexicon.quote_words.naming_words.contains(word) && !(word == "as" && known)
    }

    /// Whether a quote is the title of the work named just before it, in its
    /// sentence (a comma between at most).
    pub(super) fn names_a_work(
        &self,
        text: &str,
        sentence: &Range<usize>,
        quote: &Range<usize>,
    ) -> bool {
        words_before(text, sentence, quote).last().is_some_and(|w| {
            self.lexicon
                .quote_words
                .work_nouns
                .contains(w.folded.as_str())
                && text[w.end..quote.start]
                    .chars()
                    .all(|c| c == ',' || c == ' ' || c == '\u{a0}')
        })
    }

    /// A paragraph that is nothing but a short capitalized phrase in single
    /// marks (`‘Back to the Sea.’`) is a section heading, not speech.
    pub(super) fn is_section_heading(
        &self,
        text: &str,
        article: &[Range<usize>],
        quote: &Range<usize>,
    ) -> bool {
        let single =
            text[quote.start..].starts_with(['‘', '\'']) && !text[quote.start..].starts_with("''");
        single
            && self.is_name_of_thing(&text[quote.clone()])
            && paragraph_of(text, article, quote).is_some_and(|block| {
                words_outside(text, block, std::slice::from_ref(quote)).is_empty()
            })
    }
}

/// Whether a quote is joined to the one before it by a comma, `and` or `or`
/// alone (`“Miss Piggy” and “Miss Housekeeping”`, `a “leech” and a “brat”`):
/// the second is read as the first is.
pub(super) fn coordinated_with(
    text: &str,
    previous: Option<&FoundQuote>,
    quote: &Range<usize>,
) -> bool {
    let Some(previous) = previous.filter(|p| p.range.end <= quote.start) else {
        return false;
    };
    let between = &text[previous.range.end..quote.start];
    let joined: Vec<&str> = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    between.contains(|c: char| c == ',' || c.is_alphabetic())
        && match joined.as_slice() {
            [] => true,
            [join] | [join, "a" | "an" | "the"] => matches!(*join, "and" | "or"),
            _ => false,
        }
}

/// The words of a quote's sentence before it.
fn words_before(text: &str, sentence: &Range<usize>, quote: &Range<usize>) -> Vec<Word> {
    words(text, sentence.start.min(quote.start), quote.start)
}

/// A headline (or the line under it) this short is written in headline style.
pub(super) const HEADLINE_WORDS: usize = 20;

/// Headlines quote in single marks (`Mayor Calls Plan ‘A Disaster’`): a
/// single-marked phrase in a short first block is someone's words, not a
/// title or a scare quote, unless it is the whole line (a section heading).
pub(super) fn headline_quote(text: &str, article: &[Range<usize>], quote: &Range<usize>) -> bool {
    let Some(first) = article
        .first()
        .filter(|b| b.start <= quote.start && quote.end <= b.end)
    else {
        return false;
    };
    let single =
        text[quote.start..].starts_with(['‘', '\'']) && !text[quote.start..].starts_with("''");
    single
        && word_count(&text[first.clone()]) <= HEADLINE_WORDS
        && !words_outside(text, first.clone(), std::slice::from_ref(quote)).is_empty()
}

/// Quoted spans (marks included) over article blocks; a quote whose paragraph
/// ends open continues into the next paragraph that opens with a mark of its kind.
///
/// Every double mark (`“ ” " „ « »`, and `''` or ``` `` ``` pairs) opens or
/// closes by what surrounds it, so a `”` used to open (as some sites print)
/// still opens; single marks quote only when a `‘` or `'` opened after a space.
pub(super) fn quoted_spans(text: &str, article: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (index, block) in article.iter().enumerate() {
        let body = &text[block.clone()];
        // Only a mark of the same kind (straight or typographic) continues it:
        // a `"` paragraph before a `“` one is an excerpt ending open, not speech going on.
        let straight = |at: usize| text[at..].starts_with(['"', '\'']);
        let continues = open.is_some_and(|at| straight(at) == straight(block.start))
            && mark_at(body, 0).is_some_and(|(mark, _)| mark == Mark::Double);
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
    crate::sort::by_key(&mut out, |r| r.start);
    out.retain(|r| word_count(&text[r.clone()]) > 0);
    out
}
