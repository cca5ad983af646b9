//! Sets apart what is not the article: menus, promos, paywall prompts,
//! captions and credits, "read also" links, comment prompts, contact blocks,
//! markup debris and stories appended after the article.
//!
//! Like jusText, each line is first judged alone (length, share of function
//! words, sentence punctuation, known phrases), then by its neighbours: the
//! article is the run from the first to the last line of real prose, and short
//! lines inside it (subheadings, one-line quotes, a sign-off) are kept. Prose
//! after the article whose vocabulary has nothing in common with the story is
//! an appended story.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::{title, Block};
use crate::lexicon::Lexicon;
use crate::report::BoilerplateReason as Reason;
use crate::text::scan::{
    ascii_word_boundary, is_digit, is_word, is_word_or_hyphen, matches, Cursor,
};
use crate::text::words::{folded_in, word_ranges, words, FoldedWords};

/// What one line looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quality {
    /// Prose: long, full of function words.
    Good,
    /// Prose-like but not long: kept unless boilerplate surrounds it.
    NearGood,
    /// Too short to tell: decided by its neighbours.
    Short,
    /// Long but with few function words: lists, tables, menus in a line.
    Low,
    /// Boilerplate whatever its neighbours say.
    Bad(Reason),
}

impl Quality {
    fn sure_reason(self) -> Option<Reason> {
        match self {
            Quality::Bad(reason) => Some(reason),
            _ => None,
        }
    }
}

// Thresholds start from jusText's (70, 200, 0.30, 0.32) and were tuned on the
// development split of ../shared/eval/boilerplate-dev.jsonl (scripts/eval.sh boilerplate).

/// Lines shorter than this (in characters) are judged by their neighbours.
const LENGTH_LOW: usize = 60;
/// Prose lines longer than this are good on their own.
const LENGTH_HIGH: usize = 200;
/// Near-good text this many times the good text is the article itself
/// (any factor from 2 to 10 scores alike on the development split).
const NEAR_GOOD_BODY: usize = 2;
/// Shares of function words below which a line is not prose, and above which it is.
const STOPWORDS_LOW: f64 = 0.25;
const STOPWORDS_HIGH: f64 = 0.30;
/// Phrases with one of these (`(picture:`, `©`, `reuters/`) are matched as
/// text, and only lines holding one can match them.
const RAW_PHRASE_MARKS: [char; 4] = ['(', ':', '©', '/'];
/// Lines up to this many words can be marked by phrases, patterns and timestamps.
const PHRASE_LINE_WORDS: usize = 25;
/// A heading of a closing section (`Related articles`) has at most this many words.
const CLOSING_HEADING_WORDS: usize = 6;
/// Lines of a page's article body up to this many words can be set apart by phrases.
const PAGE_PHRASE_LINE_WORDS: usize = 15;
/// Lines this long or shorter (in bytes) are folded word by word at once.
const SHORT_LINE_BYTES: usize = 160;
/// Tenths of the article's kept text that must come before a closing section.
const CLOSING_SECTION_AFTER: usize = 7;
/// A comment thread (this many comment lines or more from its first on) ends
/// the article sooner: after a fifth of its kept text, or after this many
/// bytes of it, since readers' comments can outweigh a short article.
const COMMENT_THREAD_LINES: usize = 2;
const THREAD_AFTER_TENTHS: usize = 2;
const THREAD_AFTER_BYTES: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Good,
    Bad,
    NearGood,
}

/// jusText's context step: short lines take the class of the prose around
/// them, near-good lines are kept unless boilerplate is on both sides, and
/// a heading is kept when prose follows it.
fn keep_in_context(text: &str, ranges: &[Range<usize>], qualities: &[Quality]) -> Vec<bool> {
    let side = |i: usize| match qualities[i] {
        Quality::Good => Some(Side::Good),
        Quality::NearGood => Some(Side::NearGood),
        // Low lines (list items, spec tables) go with their surroundings too.
        Quality::Short | Quality::Low => None,
        Quality::Bad(_) => Some(Side::Bad),
    };
    // The nearest classified line on each side (the edges count as boilerplate),
    // with and without near-good lines, precomputed so that long menus stay linear.
    let nearest = |order: &mut dyn Iterator<Item = usize>, skip_near_good: bool| {
        let mut found = vec![Side::Bad; qualities.len()];
        let mut last = Side::Bad;
        for i in order {
            found[i] = last;
            if let Some(s) = side(i).filter(|s| !(skip_near_good && *s == Side::NearGood)) {
                last = s;
            }
        }
        found
    };
    let n = qualities.len();
    let before_skipping = nearest(&mut (0..n), true);
    let before_any = nearest(&mut (0..n), false);
    let after_skipping = nearest(&mut (0..n).rev(), true);
    let after_any = nearest(&mut (0..n).rev(), false);
    let before = |i: usize, skip: bool| {
        if skip {
            before_skipping[i]
        } else {
            before_any[i]
        }
    };
    let after = |i: usize, skip: bool| {
        if skip {
            after_skipping[i]
        } else {
            after_any[i]
        }
    };
    let mut keep: Vec<bool> = qualities.iter().map(|q| *q == Quality::Good).collect();
    for i in 0..qualities.len() {
        keep[i] = match qualities[i] {
            Quality::Short | Quality::Low => match (before(i, true), after(i, true)) {
                (Side::Good, Side::Good) => true,
                (Side::Bad, Side::Bad) => false,
                (prev, next) => {
                    (prev == Side::Bad && before(i, false) == Side::NearGood)
                        || (next == Side::Bad && after(i, false) == Side::NearGood)
                }
            },
            Quality::NearGood => !(before(i, true) == Side::Bad && after(i, true) == Side::Bad),
            _ => keep[i],
        };
    }
    for i in 0..qualities.len() {
        // Without markup a heading is known only by what follows it: prose, at once.
        let prose_follows = i + 1 < qualities.len()
            && keep[i + 1]
            && is_prose(qualities[i + 1], &text[ranges[i + 1].clone()]);
        if qualities[i] == Quality::Short
            && !keep[i]
            && prose_follows
            && is_heading(&text[ranges[i].clone()])
            && !is_byline(&text[ranges[i].clone()])
        {
            keep[i] = true;
        }
    }
    keep
}

/// Prose that reads as sentences, not a long headline.
fn is_prose(quality: Quality, line: &str) -> bool {
    matches!(quality, Quality::Good | Quality::NearGood) && ends_like_sentence(line)
}

/// Ends with sentence punctuation, perhaps followed by a wire sign-off (`… said. EFE`).
pub(crate) fn ends_like_sentence(line: &str) -> bool {
    let line = line.trim_end();
    let without_sign_off = match line.rsplit_once(' ') {
        Some((head, last)) if is_sign_off(last) => head,
        _ => line,
    };
    without_sign_off.ends_with(['.', '!', '?', '”', '"', ':', ';', '…', '\'', '’'])
}

/// Once most of the article has passed, a comments, related-stories or paywall
/// section ends it, and a comment thread once some of it has: what follows is
/// not the article.
fn cut_after_closing_section(ranges: &[Range<usize>], qualities: &[Quality], kept: &mut [bool]) {
    let mass: Vec<usize> = ranges
        .iter()
        .zip(kept.iter())
        .map(|(r, &k)| if k { r.len() } else { 0 })
        .collect();
    let total: usize = mass.iter().sum();
    let mut comments_after = qualities
        .iter()
        .filter(|q| **q == Quality::Bad(Reason::Comments))
        .count();
    let mut seen = 0;
    for (i, quality) in qualities.iter().enumerate() {
        seen += mass[i];
        let thread = *quality == Quality::Bad(Reason::Comments)
            && comments_after >= COMMENT_THREAD_LINES
            && (seen >= THREAD_AFTER_BYTES || seen * 10 >= total * THREAD_AFTER_TENTHS);
        if *quality == Quality::Bad(Reason::Comments) {
            comments_after -= 1;
        }
        if thread
            || matches!(
                quality,
                Quality::Bad(Reason::Comments | Reason::Related | Reason::Paywall)
            ) && seen * 10 >= total * CLOSING_SECTION_AFTER
        {
            kept[i..].iter_mut().for_each(|k| *k = false);
            return;
        }
    }
}

/// Whether a line holds an email address. It was the regex
/// `[\w.+-]+@[\w-]+\.[\w.-]+`: a character of the name before `@`, all of a
/// host label after it, a dot and one character more.
fn has_email(line: &str) -> bool {
    line.match_indices('@').any(|(at, _)| {
        let named = line[..at]
            .chars()
            .next_back()
            .is_some_and(|c| is_word(c) || matches!(c, '.' | '+' | '-'));
        let mut host = Cursor::new(line, at + 1);
        named
            && host.run(is_word_or_hyphen, 1, usize::MAX).is_some()
            && host.eat_str(".").is_some()
            && host.eat(|c| is_word_or_hyphen(c) || c == '.').is_some()
    })
}

/// Whether a line holds a phone number, `020 794 6095` or `+1 (555) 123-4567`.
/// It was the regex
/// `(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3}[\s.-]?\d{3,4}(?-u:\b)`.
/// Wherever it matches with the optional country code and `(`, it matches
/// without them from where they end, and `\d{2,4}` there is the last two to
/// four digits of a run: so the rest is tried after each run of two digits or more.
fn has_phone(line: &str) -> bool {
    let is_separator = |c: char| c.is_whitespace() || c == '.' || c == '-';
    // `\d{3,4}(?-u:\b)`, four digits tried before three.
    let last_group = |mut at: Cursor<'_>| {
        at.repeat(is_digit, 3).is_some() && {
            let three = at.at;
            (at.eat(is_digit).is_some() && ascii_word_boundary(line, at.at))
                || ascii_word_boundary(line, three)
        }
    };
    let rest = |mut at: Cursor<'_>| {
        at.skip(')');
        if at.eat(is_separator).is_none() || at.repeat(is_digit, 3).is_none() {
            return false;
        }
        let mut separated = at;
        (separated.eat(is_separator).is_some() && last_group(separated)) || last_group(at)
    };
    let mut run = 0;
    line.char_indices().any(|(at, c)| {
        let after_run = run >= 2;
        run = if is_digit(c) { run + 1 } else { 0 };
        run == 0 && after_run && rest(Cursor::new(line, at))
    })
}

/// Whether a line holds a web address. It was the regex
/// `(?-u:\b)(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)\S+|(?-u:\b)[\w-]+\.(?:com|org|net|co\.uk)(?-u:\b)`.
fn has_url(line: &str) -> bool {
    let bytes = line.as_bytes();
    let opens = |prefix: &[u8], at: usize| {
        bytes
            .get(at..at + prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
    };
    let linked = (0..line.len()).any(|at| {
        let after_scheme = opens(b"http", at).then(|| at + 4 + usize::from(opens(b"s", at + 4)));
        let path = match after_scheme {
            Some(end) => opens(b"://", end).then_some(end + 3),
            None => opens(b"www.", at).then_some(at + 4),
        };
        path.is_some_and(|path| {
            ascii_word_boundary(line, at)
                && line[path..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_whitespace())
        })
    });
    // A `[\w-]+` run before the domain can start at an ASCII word boundary
    // only if it holds an ASCII letter, digit or `_`.
    linked
        || line.match_indices('.').any(|(dot, _)| {
            ["com", "org", "net", "co.uk"].iter().any(|domain| {
                line[dot + 1..].starts_with(domain)
                    && ascii_word_boundary(line, dot + 1 + domain.len())
            }) && line[..dot]
                .chars()
                .rev()
                .take_while(|&c| is_word_or_hyphen(c))
                .any(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// Where markup debris starts, left to right and not overlapping:
/// a JSON field's `":"`, a brace beside a quote mark, a tag, a `\u` escape.
/// It was the regex
/// `[”"]\s*:\s*[“"”]|[{}]\s*[“"”]|[“"”]\s*[{}]|</?[a-z]+[ >]|\\u[0-9a-f]{4}`.
fn markup_marks(line: &str) -> impl Iterator<Item = usize> + '_ {
    let quote = |c: char| matches!(c, '“' | '"' | '”');
    let brace = |c: char| matches!(c, '{' | '}');
    // The alternatives in the regex's order, each giving where its match ends.
    let field = move |mut at: Cursor<'_>| {
        at.eat(|c| matches!(c, '”' | '"'))?;
        at.skip_space();
        at.eat_str(":")?;
        at.skip_space();
        at.eat(quote)?;
        Some(at.at)
    };
    let beside = move |mut at: Cursor<'_>, first: fn(char) -> bool, then: fn(char) -> bool| {
        at.eat(first)?;
        at.skip_space();
        at.eat(then)?;
        Some(at.at)
    };
    let tag = |mut at: Cursor<'_>| {
        at.eat_str("<")?;
        at.skip('/');
        at.run(|c| c.is_ascii_lowercase(), 1, usize::MAX)?;
        at.eat(|c| matches!(c, ' ' | '>'))?;
        Some(at.at)
    };
    let escape = |mut at: Cursor<'_>| {
        at.eat_str("\\u")?;
        at.repeat(|c| matches!(c, '0'..='9' | 'a'..='f'), 4)?;
        Some(at.at)
    };
    matches(line, move |start| {
        let at = Cursor::new(line, start);
        let end = field(at)
            .or_else(|| beside(at, brace, quote))
            .or_else(|| beside(at, quote, brace))
            .or_else(|| tag(at))
            .or_else(|| escape(at))?;
        Some((start, end))
    })
}

/// A short title-like line of two words or more (a lone word is a menu item):
/// capitalized, not ending like a sentence or a label.
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.starts_with(char::is_uppercase)
        && !line.ends_with(['.', ':', ',', ';'])
        && (2..=15).contains(&words)
}

/// The phrase tables, built once per analysis.
pub struct Detector<'a> {
    lexicon: &'a Lexicon,
    /// Phrases of words, indexed by their first word, matched on a line's words.
    phrases: HashMap<String, Vec<Phrase>>,
    /// Phrases with punctuation (`(picture:`, `©`), matched as text.
    raw_phrases: Vec<(String, Reason)>,
}

struct Phrase {
    words: Vec<String>,
    reason: Reason,
    /// Longest line, in words, the phrase marks: a single word (`comments`)
    /// marks only a very short line, a longer phrase a line of up to 20 words.
    max_line_words: usize,
}

/// The decision for each line, and which line is the headline.
pub struct Classified {
    pub blocks: Vec<Block>,
    pub title: Option<usize>,
}

impl<'a> Detector<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        let mut phrases: HashMap<String, Vec<Phrase>> = HashMap::default();
        let mut raw_phrases = Vec::new();
        for &(reason, phrase) in &lexicon.boilerplate_phrases {
            if phrase.contains(RAW_PHRASE_MARKS) {
                raw_phrases.push((phrase.to_string(), reason));
                continue;
            }
            let words: Vec<String> = words(phrase, 0, phrase.len())
                .into_iter()
                .map(|w| w.folded.to_string())
                .collect();
            let max_line_words = if words.len() > 1 { 20 } else { 4 };
            phrases.entry(words[0].clone()).or_default().push(Phrase {
                words,
                reason,
                max_line_words,
            });
        }
        Detector {
            lexicon,
            phrases,
            raw_phrases,
        }
    }

    /// Classifies every line of a document. `shared` holds folded short lines
    /// that other documents of the set also carry (site furniture).
    pub fn classify(
        &self,
        text: &str,
        ranges: &[Range<usize>],
        shared: &HashSet<String>,
    ) -> Classified {
        let mut qualities: Vec<Quality> = ranges
            .iter()
            .map(|r| self.quality(&text[r.clone()], shared))
            .collect();
        // Articles of short paragraphs (wire copy) have few or none long
        // enough to be good on their own: then their best lines are the article.
        let chars_of = |wanted: Quality| -> usize {
            ranges
                .iter()
                .zip(&qualities)
                .filter(|(_, q)| **q == wanted)
                .map(|(r, _)| r.len())
                .sum()
        };
        if chars_of(Quality::NearGood) > NEAR_GOOD_BODY * chars_of(Quality::Good) {
            for quality in qualities.iter_mut().filter(|q| **q == Quality::NearGood) {
                *quality = Quality::Good;
            }
        }
        let on_topic = self.on_topic(text, ranges, &qualities);
        for (quality, on_topic) in qualities.iter_mut().zip(on_topic) {
            if !on_topic {
                *quality = Quality::Bad(Reason::OffTopic);
            }
        }
        let mut kept = keep_in_context(text, ranges, &qualities);
        cut_after_closing_section(ranges, &qualities, &mut kept);
        // The body starts at the first kept prose line; a heading kept above it may be the headline.
        let first_prose = (0..ranges.len())
            .find(|&i| kept[i] && is_prose(qualities[i], &text[ranges[i].clone()]));
        let Some(first) = first_prose else {
            // No prose at all: keep what a reader might want, drop only sure boilerplate.
            let blocks = ranges
                .iter()
                .zip(&qualities)
                .map(|(r, q)| block(r, q.sure_reason()))
                .collect();
            return Classified {
                blocks,
                title: None,
            };
        };
        let mut last = kept.iter().rposition(|&k| k).unwrap_or(first);
        // A wire sign-off (`EFE`, `AFP`) on its own line closes the article.
        if ranges
            .get(last + 1)
            .is_some_and(|r| is_sign_off(&text[r.clone()]))
        {
            last += 1;
        }
        let excluded: Vec<bool> = qualities
            .iter()
            .map(|q| q.sure_reason().is_some())
            .collect();
        // Copies of one wire story share their headline: with no headline of
        // its own, a document's is the first one it shares with others.
        let title = title::headline(text, ranges, first, &excluded).or_else(|| {
            let only_shared: Vec<bool> = ranges[..first]
                .iter()
                .zip(&excluded)
                .map(|(r, &out)| {
                    out && self
                        .quality(&text[r.clone()], &HashSet::default())
                        .sure_reason()
                        .is_some()
                })
                .collect();
            title::headline(text, ranges, first, &only_shared)
        });
        let blocks = ranges
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let reason = match qualities[i] {
                    _ if Some(i) == title => None,
                    Quality::Bad(reason) => Some(reason),
                    // Above the body only the headline stays: the rest is furniture.
                    _ if i < first && kept[i] => Some(Reason::Navigation),
                    _ if kept[i] || i == last => None,
                    Quality::Good if i > last => Some(Reason::OffTopic),
                    _ if i > last => Some(Reason::Related),
                    _ if i > first => Some(Reason::Navigation),
                    _ if title.is_some_and(|t| i > t) && is_byline(&text[r.clone()]) => {
                        Some(Reason::Credit)
                    }
                    _ if title.is_some_and(|t| i > t) => Some(Reason::Caption),
                    _ => Some(Reason::Navigation),
                };
                block(r, reason)
            })
            .collect();
        Classified { blocks, title }
    }

    /// Classifies the lines of a saved page as its structure reader found
    /// them: each line it kept is article text unless the page's markup set
    /// it apart (`reasons`), or it is a short line that only boilerplate says
    /// (`Sign up for our newsletter`, a share prompt, a contact line).
    /// `None` when the decisions do not fit the lines.
    pub fn classify_page(
        &self,
        text: &str,
        ranges: &[Range<usize>],
        reader: &crate::text::html::ReaderLines,
    ) -> Option<Classified> {
        // Only the page module reads pages with structure: the main bundle links none of this.
        if !cfg!(feature = "readability") || reader.reasons.len() != ranges.len() {
            return None;
        }
        let title = (reader.headline && !ranges.is_empty()).then_some(0);
        let mut reasons: Vec<Option<Reason>> = ranges
            .iter()
            .zip(&reader.reasons)
            .enumerate()
            .map(|(i, (r, given))| {
                given.or_else(|| {
                    (Some(i) != title)
                        .then(|| self.page_line_reason(&text[r.clone()]))
                        .flatten()
                })
            })
            .collect();
        // As in copied text, a related-stories or comments heading once most
        // of the article has passed closes it: the rest is that section.
        let words: Vec<usize> = ranges
            .iter()
            .map(|r| text[r.clone()].split_whitespace().count())
            .collect();
        let total: usize = words.iter().sum();
        let mut seen = 0;
        for i in 0..ranges.len() {
            seen += words[i];
            let line = &text[ranges[i].clone()];
            let closing = (words[i] <= CLOSING_HEADING_WORDS && Some(i) != title)
                .then(|| self.sure_reason(line, &FoldedWords::new(line)))
                .flatten()
                .filter(|r| matches!(r, Reason::Related | Reason::Comments));
            if let Some(reason) = closing {
                if seen * 10 >= total * CLOSING_SECTION_AFTER {
                    for later in &mut reasons[i..] {
                        later.get_or_insert(reason);
                    }
                    break;
                }
            }
        }
        let blocks = ranges
            .iter()
            .zip(reasons)
            .map(|(r, reason)| block(r, reason))
            .collect();
        Some(Classified { blocks, title })
    }

    /// Sure boilerplate in a line of a page's article body: what the phrase
    /// rules say of a short line, except that a line which reads as a
    /// sentence stays.
    fn page_line_reason(&self, line: &str) -> Option<Reason> {
        let tokens = FoldedWords::new(line);
        if tokens.len() > PAGE_PHRASE_LINE_WORDS {
            return None;
        }
        let reason = self.sure_reason(line, &tokens)?;
        match reason {
            Reason::Promo
            | Reason::Paywall
            | Reason::Comments
            | Reason::Contact
            | Reason::Markup => Some(reason),
            _ => None,
        }
    }

    /// What a line looks like alone, by its length in characters and its share
    /// of function words (jusText's measures and thresholds).
    fn quality(&self, line: &str, shared: &HashSet<String>) -> Quality {
        // Short lines are folded once (phrases, timestamps and furniture need
        // their words); long ones are only counted, without allocating.
        let folded = (line.len() <= SHORT_LINE_BYTES).then(|| FoldedWords::new(line));
        let (count, stops) = match &folded {
            Some(tokens) => (
                tokens.len(),
                tokens
                    .iter()
                    .filter(|w| self.lexicon.stopwords.contains(w))
                    .count(),
            ),
            None => word_ranges(line).fold((0, 0), |(count, stops), (from, to)| {
                (
                    count + 1,
                    stops + usize::from(folded_in(&line[from..to], &self.lexicon.stopwords)),
                )
            }),
        };
        if count <= PHRASE_LINE_WORDS {
            let tokens = folded.unwrap_or_else(|| FoldedWords::new(line));
            if let Some(reason) = self.sure_reason(line, &tokens) {
                return Quality::Bad(reason);
            }
            if self.is_timestamp(&tokens) {
                return Quality::Bad(Reason::Credit);
            }
            let sentence_like = line.ends_with(['.', '!', '?', '”', '"']);
            if count <= 12 && !sentence_like && shared.contains(tokens.joined()) {
                return Quality::Bad(Reason::Navigation);
            }
        } else if self.is_markup(line) {
            return Quality::Bad(Reason::Markup);
        }
        let density = stops as f64 / count.max(1) as f64;
        let length = if line.is_ascii() {
            line.len()
        } else {
            line.chars().count()
        };
        // A medium line that does not end like a sentence is a link or teaser title.
        let unfinished = !ends_like_sentence(line) && !line.ends_with(')');
        if length < LENGTH_LOW && self.is_attributed_quote(line) {
            // `“Nobody listens,” wrote Voss.`: short, but a sentence of the story.
            Quality::NearGood
        } else if length < LENGTH_LOW {
            Quality::Short
        } else if density >= STOPWORDS_HIGH && length > LENGTH_HIGH {
            Quality::Good
        } else if density >= STOPWORDS_LOW && unfinished {
            Quality::Short
        } else if density >= STOPWORDS_LOW {
            Quality::NearGood
        } else {
            Quality::Low
        }
    }

    /// A line ending on a quote and its attribution (`“…,” she said.`),
    /// which an article often ends on and furniture never reads like.
    fn is_attributed_quote(&self, line: &str) -> bool {
        let Some((quoted, attribution)) = line.rsplit_once(['”', '"']) else {
            return false;
        };
        quoted.contains(['“', '"'])
            && attribution.trim_end().ends_with('.')
            && word_ranges(attribution)
                .take(4)
                .any(|(from, to)| folded_in(&attribution[from..to], &self.lexicon.cue_verbs))
    }

    /// Markup debris: JSON fields or tags copied with the text.
    fn is_markup(&self, line: &str) -> bool {
        // One byte scan first: most lines have no brace, bracket, backslash or colon.
        if !line
            .bytes()
            .any(|b| matches!(b, b'{' | b'}' | b'<' | b'\\' | b':'))
        {
            return false;
        }
        let maybe = line.contains(['{', '}', '<', '\\'])
            || [r#"":"#, "”:", ":”", r#":""#, ":“"]
                .iter()
                .any(|p| line.contains(p));
        maybe && (line.starts_with(['{', '<']) || markup_marks(line).nth(1).is_some())
    }

    /// A line that is only a date and time, as posts and comments are stamped.
    fn is_timestamp(&self, tokens: &FoldedWords) -> bool {
        let is_number = |w: &str| {
            w.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        };
        tokens.iter().any(|w| self.lexicon.months.contains_key(w))
            && tokens.iter().any(is_number)
            && tokens
                .iter()
                .all(|w| is_number(w) || self.lexicon.is_time_word(w))
    }

    /// Reasons that hold whatever surrounds the line. Cheap character tests
    /// guard each pattern: most lines contain none of what it looks for.
    fn sure_reason(&self, line: &str, tokens: &FoldedWords) -> Option<Reason> {
        let count = tokens.len();
        if self.is_markup(line) {
            return Some(Reason::Markup);
        }
        let digits = line.bytes().filter(u8::is_ascii_digit).count();
        if count <= 25 && (line.contains('@') && has_email(line) || digits >= 7 && has_phone(line))
        {
            return Some(Reason::Contact);
        }
        let maybe_url = ["http", "www.", ".com", ".org", ".net", ".co.uk"]
            .iter()
            .any(|p| line.contains(p));
        if count <= 6 && maybe_url && has_url(line) {
            return Some(Reason::Navigation);
        }
        if self.counts_comments(tokens) {
            return Some(Reason::Comments);
        }
        let by_words = tokens.iter().enumerate().find_map(|(i, token)| {
            self.phrases.get(token)?.iter().find_map(|phrase| {
                let end = i + phrase.words.len();
                let matches = count <= phrase.max_line_words
                    && end <= count
                    && (i..end).zip(&phrase.words).all(|(t, w)| tokens.get(t) == w);
                matches.then_some(phrase.reason)
            })
        });
        if by_words.is_some() || count > 20 || !line.contains(RAW_PHRASE_MARKS) {
            return by_words;
        }
        let lower = line.to_lowercase();
        self.raw_phrases
            .iter()
            .find(|(phrase, _)| lower.contains(phrase.as_str()))
            .map(|(_, reason)| *reason)
    }

    /// A comment thread's heading: `59 Comments on “…”`, `One thought on
    /// “…”`, `2 responses to “…”`, however long the title it repeats.
    fn counts_comments(&self, tokens: &FoldedWords) -> bool {
        if tokens.len() < 2 {
            return false;
        }
        let count = tokens.get(0);
        (count.bytes().all(|b| b.is_ascii_digit()) || matches!(count, "one" | "no"))
            && self
                .lexicon
                .page_words
                .comment_count_nouns
                .contains(tokens.get(1))
            && (tokens.len() == 2 || matches!(tokens.get(2), "on" | "to"))
    }

    /// Marks prose after the story that shares almost no words with it.
    ///
    /// The story's vocabulary is taken from what precedes each line, so an
    /// appended story cannot vouch for itself; lines are tested from the end
    /// (only in the article's second half, only below a headline) and the
    /// test stops at the first line that belongs: losing article text is
    /// worse than keeping a stray teaser.
    fn on_topic(&self, text: &str, ranges: &[Range<usize>], qualities: &[Quality]) -> Vec<bool> {
        let mut on_topic = vec![true; ranges.len()];
        let prose: Vec<usize> = (0..ranges.len())
            .filter(|&i| is_prose(qualities[i], &text[ranges[i].clone()]))
            .collect();
        // Appended stories come as teasers: a headline, then its summary.
        let headline_above = |i: usize| {
            i > 0 && {
                let above = &text[ranges[i - 1].clone()];
                !ends_like_sentence(above) && above.split_whitespace().count() <= 20
            }
        };
        // Most pages end on the article: then no vocabulary need be read.
        if prose.len() < 4 || !prose.last().is_some_and(|&i| headline_above(i)) {
            return on_topic;
        }
        let vocabularies: Vec<HashSet<u64>> = prose
            .iter()
            .map(|&i| self.content_words(&text[ranges[i].clone()]))
            .collect();
        // Where each word first appears: a word is in the context of line n when it appeared before n.
        let mut first_seen: HashMap<u64, usize> = HashMap::default();
        for (n, vocabulary) in vocabularies.iter().enumerate() {
            for word in vocabulary {
                first_seen.entry(*word).or_insert(n);
            }
        }
        let half = prose.len().div_ceil(2);
        for (n, &i) in prose.iter().enumerate().skip(half).rev() {
            // Everything before the line is its context: an appended story
            // shares nothing with the article nor with other appended stories.
            let own = &vocabularies[n];
            let shared = own.iter().filter(|w| first_seen[*w] < n).count();
            if !headline_above(i) || own.len() < 6 || shared as f64 / own.len() as f64 >= 0.15 {
                break;
            }
            on_topic[i] = false;
        }
        on_topic
    }

    /// Content words of a line as hashes of their first five letters, lower
    /// cased: a cheap stem (`ukrainian` meets `ukraine`) with no allocation.
    fn content_words(&self, line: &str) -> HashSet<u64> {
        use std::hash::{BuildHasher, Hasher};
        word_ranges(line)
            .map(|(from, to)| &line[from..to])
            .filter(|w| w.chars().count() > 3 && !folded_in(w, &self.lexicon.stopwords))
            .map(|w| {
                let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
                for c in w.chars().take(5).flat_map(char::to_lowercase) {
                    hasher.write_u32(u32::from(c));
                }
                hasher.finish()
            })
            .collect()
    }
}

fn block(range: &Range<usize>, boilerplate: Option<Reason>) -> Block {
    Block {
        range: range.clone(),
        boilerplate,
    }
}

fn is_sign_off(line: &str) -> bool {
    let letters = line.trim_matches(|c: char| c == '(' || c == ')');
    (2..=8).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

/// `By Name Surname`, or a bare two- or three-word name.
pub fn is_byline(line: &str) -> bool {
    let name = line.strip_prefix("By ").unwrap_or(line);
    let parts: Vec<&str> = name.split_whitespace().collect();
    (line.starts_with("By ") && parts.len() <= 8)
        || ((2..=3).contains(&parts.len())
            && parts.iter().all(|p| {
                p.chars().next().is_some_and(char::is_uppercase)
                    && p.chars()
                        .skip(1)
                        .all(|c| c.is_lowercase() || c == '-' || c == '\'')
            }))
}

/// Short lines that two or more documents carry: site furniture when the
/// documents come from the same site, never article text.
pub fn lines_in_several(texts: &[&str], blocks: &[Vec<Range<usize>>]) -> HashSet<String> {
    let mut seen: HashMap<String, usize> = HashMap::default();
    if texts.len() < 2 {
        return HashSet::default();
    }
    for (text, ranges) in texts.iter().zip(blocks) {
        let lines: HashSet<String> = ranges
            .iter()
            .map(|r| &text[r.clone()])
            .filter(|line| line.split_whitespace().count() <= 12)
            .map(|line| FoldedWords::new(line).joined().to_string())
            .filter(|folded| !folded.is_empty())
            .collect();
        for line in lines {
            *seen.entry(line).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(line, _)| line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::blocks;

    fn reasons(text: &str) -> Vec<(String, Option<Reason>)> {
        let lexicon = Lexicon::load();
        let detector = Detector::new(&lexicon);
        let ranges = blocks(text);
        detector
            .classify(text, &ranges, &HashSet::default())
            .blocks
            .into_iter()
            .map(|b| (text[b.range].to_string(), b.boilerplate))
            .collect()
    }

    /// Wire copy: paragraphs of a sentence or two, one long one, and
    /// links between them.
    const WIRE_COPY: &str = "Ferry strands 140 in Lindholm fog\n\n\
        By Greta Vass\n\n\
        May 16, 2026\n\n\
        About 140 people had to stay on board in Lindholm on Monday because of the fog.\n\n\
        The harbour master said that the ferry would be able to dock once it was light.\n\n\
        Council approves new budget for schools\n\n\
        It could be two days before all of the cars on the lower deck are taken off.\n\n\
        The ferry company has said that it will look into what went wrong on the night.\n\n\
        Lindholm library reopens after repairs\n\n\
        A spokeswoman for the port said that no one on board had been hurt at all.\n\n\
        The last time the harbour was closed by fog for a whole night was in 2019.\n\n\
        Those who were on the ferry said that the crew had done all they could for them.\n\n\
        The council has asked the company to say why the crossing went ahead at all.\n\n\
        The ferry company said it would refund every ticket, and that passengers who had missed connecting trains or flights could claim their costs from it, with receipts, within thirty days of the crossing, at any of its offices in the harbour towns.\n\n\
        Forecasters said that the fog should be gone by the time it is noon on Tuesday.\n";

    /// Two outlets' copies of one wire story share its headline, its links
    /// and its short paragraphs: each keeps them as its article.
    #[test]
    fn copies_of_wire_copy_keep_their_headline_and_short_paragraphs() {
        let lexicon = Lexicon::load();
        let detector = Detector::new(&lexicon);
        let copy = format!("Harbour Courier\nHome  News  World  Sport\n\n{WIRE_COPY}");
        let texts = [copy.as_str(), WIRE_COPY];
        let ranges: Vec<_> = texts.iter().map(|t| blocks(t)).collect();
        let shared = lines_in_several(&texts, &ranges);
        for (text, ranges) in texts.iter().zip(&ranges) {
            let classified = detector.classify(text, ranges, &shared);
            let title = classified.title.map(|t| &text[ranges[t].clone()]);
            assert_eq!(title, Some("Ferry strands 140 in Lindholm fog"));
            let kept: Vec<&str> = classified
                .blocks
                .iter()
                .filter(|b| b.boilerplate.is_none())
                .map(|b| &text[b.range.clone()])
                .collect();
            for line in [
                "Ferry strands 140",
                "About 140 people had to stay on board",
                "The harbour master said",
                "It could be two days",
                "The ferry company has said",
                "Forecasters said that the fog",
            ] {
                assert!(
                    kept.iter().any(|k| k.starts_with(line)),
                    "{line} was dropped: {kept:?}"
                );
            }
        }
    }

    const ARTICLE: &str = "Home\nNews\nSport\n\
        Harbour workers end nine-day strike in Velmora\n\
        By Ines Tallow\n\
        The dockworkers of Velmora went back to work on Friday after the port authority agreed to a new contract with their union.\n\
        “We have what we came for,” said union leader Marta Osk, who had led the strike since it began.\n\
        What comes next\n\
        The port authority said the ships waiting outside the harbour would be unloaded within a week, and that the contract would be signed in the coming days.\n\
        Sign up for our morning newsletter\n\
        Union members will vote on the contract next month, and the strike fund will be returned to the workers who paid into it.\n\
        VNS\n\
        Leave a comment\n\
        Bakery wins regional bread prize\n\
        A family bakery from the hill town of Dorn has won the regional prize for its rye loaf, beating forty other entries from across the province.\n\
        Call us: +1 (555) 010 4477\n";

    #[test]
    fn sets_apart_furniture_and_keeps_the_article() {
        let found = reasons(ARTICLE);
        let reason_of = |line: &str| found.iter().find(|(l, _)| l.starts_with(line)).unwrap().1;
        assert_eq!(reason_of("Home"), Some(Reason::Navigation));
        assert_eq!(reason_of("Harbour workers"), None, "headline kept");
        assert_eq!(reason_of("By Ines"), Some(Reason::Credit));
        assert_eq!(reason_of("What comes next"), None, "subheading kept");
        assert_eq!(reason_of("Sign up"), Some(Reason::Promo));
        assert_eq!(reason_of("VNS"), None, "sign-off kept");
        assert_eq!(reason_of("Leave a comment"), Some(Reason::Comments));
        assert_eq!(reason_of("A family bakery"), Some(Reason::OffTopic));
        assert_eq!(reason_of("Call us"), Some(Reason::Contact));
    }

    #[test]
    fn a_comment_thread_ends_a_short_article() {
        let page = "Ferry service to Alder Island resumes after storm repairs\n\
            The ferry to Alder Island sailed again on Tuesday morning, a week after the storm damaged the landing ramp at the island's only harbour.\n\
            The island council said the new ramp would be tested every morning until the end of the month before heavier lorries are allowed on board.\n\
            Load all comments\n\
            Kestrel77 wrote on Tuesday at nine in the evening, after the first crossing back from the island:\n\
            About time too, the whole island has been waiting for this and the shop shelves were nearly empty by the end of the week, which nobody in charge seemed to care about at all.\n\
            Reply to this comment\n\
            Another long reply about the ferry timetable and how the morning sailings never match the buses that leave from the harbour car park for the town.\n";
        let found = reasons(page);
        let kept: Vec<&str> = found
            .iter()
            .filter(|(_, reason)| reason.is_none())
            .map(|(line, _)| line.as_str())
            .collect();
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept[2].starts_with("The island council"));
    }

    #[test]
    fn a_page_keeps_the_reader_lines_and_sets_apart_only_what_its_markup_or_a_sure_phrase_says() {
        let lexicon = Lexicon::load();
        let detector = Detector::new(&lexicon);
        let text = "Pier to be rebuilt\n\nThe board agreed on Tuesday.\n\nShort line\n\nThe pier at dawn.\n\nSign up for our newsletter";
        let ranges = blocks(text);
        let reader = crate::text::html::ReaderLines {
            headline: true,
            reasons: vec![None, None, None, Some(Reason::Caption), None],
        };
        let classified = detector.classify_page(text, &ranges, &reader).unwrap();
        assert_eq!(classified.title, Some(0));
        let found: Vec<Option<Reason>> = classified.blocks.iter().map(|b| b.boilerplate).collect();
        assert_eq!(
            found,
            [None, None, None, Some(Reason::Caption), Some(Reason::Promo)]
        );
        let closing = format!("Pier to be rebuilt\n\n{}\n\nRelated stories\n\nHarbour dues rise by a tenth this year.", "The board agreed on Tuesday to rebuild the pier. ".repeat(10));
        let ranges = blocks(&closing);
        let reader = crate::text::html::ReaderLines {
            headline: true,
            reasons: vec![None; 4],
        };
        let found: Vec<Option<Reason>> = detector
            .classify_page(&closing, &ranges, &reader)
            .unwrap()
            .blocks
            .iter()
            .map(|b| b.boilerplate)
            .collect();
        assert_eq!(
            found,
            [None, None, Some(Reason::Related), Some(Reason::Related)]
        );
        let wrong = crate::text::html::ReaderLines {
            headline: false,
            reasons: vec![None],
        };
        assert!(detector.classify_page(text, &ranges, &wrong).is_none());
    }

    #[test]
    fn contact_and_address_matchers() {
        assert!(has_email("Write to news@bay-courier.com today"));
        assert!(has_email("é@x.fr"));
        for line in ["a@b", "@bay.com", "a@.com", "a@bay."] {
            assert!(!has_email(line), "{line}");
        }
        assert!(has_phone("Call 020 794 6095"));
        assert!(has_phone("Tel. +1 (555) 123-4567"));
        assert!(has_phone("555.1234567"));
        // Four groups are read as the last three: `20 7946 0958` has no group of three.
        assert!(!has_phone("+44 20 7946 0958"));
        assert!(!has_phone("Tel 12 345 67890"));
        assert!(!has_phone("in 2024 and 2025"));
        assert!(has_url("see https://bay.example/x"));
        assert!(has_url("www.bay-courier.co.uk"));
        assert!(has_url("bay-courier.com"));
        // The name before the domain must hold an ASCII word character where it starts.
        for line in ["bay.comx", "http://", "xwww.bay", "é.com", "-.org"] {
            assert!(!has_url(line), "{line}");
        }
        assert_eq!(markup_marks(r#"{"id": "a"}"#).count(), 3);
        assert_eq!(markup_marks("<p>Text</p>").count(), 2);
        assert_eq!(markup_marks(r"caf\u00e9 \u00E9").count(), 1);
        // `"{"` is one match, a quote then a brace, not two.
        assert_eq!(markup_marks(r#""{""#).count(), 1);
        assert_eq!(markup_marks("He said: “yes” <3").count(), 0);
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let lexicon = Lexicon::load();
        let detector = Detector::new(&lexicon);
        let reason = |line: &str| detector.sure_reason(line, &FoldedWords::new(line));
        assert_eq!(reason("Please sign up today"), Some(Reason::Promo));
        assert_eq!(reason("Designs upward and onward"), None);
        assert_eq!(
            reason("Harbour at dawn (Picture: Bay News)"),
            Some(Reason::Credit)
        );
        assert_eq!(reason("Comments"), Some(Reason::Comments));
        assert_eq!(
            reason("The comments of the minister came on Monday after a long meeting"),
            None
        );
    }

    #[test]
    fn an_article_may_end_on_a_short_attributed_quote() {
        let text =
            "Pier to be rebuilt\n\nThe harbour board agreed on Tuesday to rebuild the old pier, \
                    which storms damaged twice last winter, at a cost the town will share.\n\n\
                    “Nobody listens,” wrote Voss.\n\nMore news";
        let found = reasons(text);
        assert_eq!(
            found[2],
            ("“Nobody listens,” wrote Voss.".to_string(), None)
        );
        assert!(found[3].1.is_some());
        let closing = text.replace(
            "“Nobody listens,” wrote Voss.",
            "Voss left. “Nobody listens,” she said.",
        );
        assert_eq!(reasons(&closing)[2].1, None);
    }

    #[test]
    fn a_comment_count_heads_a_thread_however_long_the_title_it_repeats() {
        let lexicon = Lexicon::load();
        let detector = Detector::new(&lexicon);
        let reason = |line: &str| detector.sure_reason(line, &FoldedWords::new(line));
        for heading in [
            "12 Comments on “Harbour Week, Day Three: The Old Pier and the Ferry Timetable Nobody Reads”",
            "One thought on “Ten Things I Learned Rebuilding a Pier”",
            "2 responses to “The Ferry Question”",
            "No Comments",
        ] {
            assert_eq!(reason(heading), Some(Reason::Comments), "{heading}");
        }
        for line in [
            "Two thoughts on the budget kept the council up late",
            "12 responses were sent to the harbour board",
            "3",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }
}
