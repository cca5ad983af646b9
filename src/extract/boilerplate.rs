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

use std::collections::HashSet;
use std::ops::Range;

use regex::Regex;

use super::{title, Block};
use crate::lexicon::Lexicon;
use crate::report::BoilerplateReason as Reason;
use crate::text::words::words;

/// What one line looks like on its own.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quality {
    /// Prose: long enough, full of function words, punctuated like sentences.
    Good,
    /// Too short to tell: decided by its neighbours.
    Short,
    /// Boilerplate whatever its neighbours say.
    Bad(Reason),
}

/// Compiled patterns, built once per analysis.
pub struct Detector<'a> {
    lexicon: &'a Lexicon,
    email: Regex,
    phone: Regex,
    url: Regex,
    markup: Regex,
}

/// The decision for each line, and which line is the headline.
pub struct Classified {
    pub blocks: Vec<Block>,
    pub title: Option<usize>,
}

impl<'a> Detector<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        let build = |pattern: &str| Regex::new(pattern).expect("valid built-in pattern");
        Detector {
            lexicon,
            email: build(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
            phone: build(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3}[\s.-]?\d{3,4}\b"),
            url: build(
                r"\b(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)\S+|\b[\w-]+\.(?:com|org|net|co\.uk)\b",
            ),
            markup: build(
                r#"[”"]\s*:\s*[“"”]|[{}]\s*[“"”]|[“"”]\s*[{}]|</?[a-z]+[ >]|\\u[0-9a-f]{4}"#,
            ),
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
        let qualities: Vec<Quality> = ranges
            .iter()
            .map(|r| self.quality(&text[r.clone()], shared))
            .collect();
        let on_topic = self.on_topic(text, ranges, &qualities);
        let good = |i: usize| qualities[i] == Quality::Good && on_topic[i];
        let first = (0..ranges.len()).find(|&i| good(i));
        let last = (0..ranges.len()).rev().find(|&i| good(i));
        let (Some(first), Some(last)) = (first, last) else {
            // No prose at all: keep everything a reader might want, drop only sure boilerplate.
            let blocks = ranges
                .iter()
                .zip(&qualities)
                .map(|(r, q)| {
                    block(
                        r,
                        if let Quality::Bad(reason) = q {
                            Some(*reason)
                        } else {
                            None
                        },
                    )
                })
                .collect();
            return Classified {
                blocks,
                title: None,
            };
        };
        // A wire sign-off (`EFE`, `AFP`) on its own line closes the article.
        let last = if ranges
            .get(last + 1)
            .is_some_and(|r| is_sign_off(&text[r.clone()]))
        {
            last + 1
        } else {
            last
        };
        let excluded: Vec<bool> = qualities
            .iter()
            .map(|q| matches!(q, Quality::Bad(_)))
            .collect();
        let title = title::headline(text, ranges, first, &excluded);
        let blocks = ranges
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let reason = match qualities[i] {
                    Quality::Bad(reason) => Some(reason),
                    _ if Some(i) == title || (first..=last).contains(&i) => None,
                    Quality::Good if i > last => Some(Reason::OffTopic),
                    _ if i > last => Some(Reason::Related),
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

    fn quality(&self, line: &str, shared: &HashSet<String>) -> Quality {
        let tokens = words(line, 0, line.len());
        let count = tokens.len();
        if let Some(reason) = self.sure_reason(line, count) {
            return Quality::Bad(reason);
        }
        let sentence_like = line.ends_with(['.', '!', '?', '”', '"']);
        if count <= 12 && !sentence_like && shared.contains(&fold_line(line)) {
            return Quality::Bad(Reason::Navigation);
        }
        let stops = tokens
            .iter()
            .filter(|w| self.lexicon.stopwords.contains(w.folded.as_str()))
            .count();
        let density = stops as f64 / count.max(1) as f64;
        let punctuated = line.contains(['.', '!', '?', '”', '"', ';', ':']);
        if (count >= 8 && density >= 0.2 && punctuated) || (count >= 20 && density >= 0.15) {
            Quality::Good
        } else {
            Quality::Short
        }
    }

    /// Reasons that hold whatever surrounds the line.
    fn sure_reason(&self, line: &str, word_count: usize) -> Option<Reason> {
        if self.markup.find_iter(line).count() >= 2 || line.starts_with(['{', '<']) {
            return Some(Reason::Markup);
        }
        if word_count <= 25 && (self.email.is_match(line) || self.phone.is_match(line)) {
            return Some(Reason::Contact);
        }
        if word_count <= 6 && self.url.is_match(line) {
            return Some(Reason::Navigation);
        }
        let lower = line.to_lowercase();
        self.lexicon
            .boilerplate_phrases
            .iter()
            .find(|(_, phrase)| {
                let limit = if phrase.contains(' ') || phrase.contains(['(', ':', '©', '/']) {
                    20
                } else {
                    4
                };
                word_count <= limit && contains_phrase(&lower, phrase)
            })
            .map(|(reason, _)| *reason)
    }

    /// Marks prose after the story that shares almost no words with it.
    ///
    /// The story's vocabulary is taken from its first half, so an appended
    /// story cannot vouch for itself; lines are tested from the end and the
    /// test stops at the first line that belongs.
    fn on_topic(&self, text: &str, ranges: &[Range<usize>], qualities: &[Quality]) -> Vec<bool> {
        let mut on_topic = vec![true; ranges.len()];
        let prose: Vec<usize> = (0..ranges.len())
            .filter(|&i| qualities[i] == Quality::Good)
            .collect();
        if prose.len() < 4 {
            return on_topic;
        }
        let half = prose.len().div_ceil(2);
        for (n, &i) in prose.iter().enumerate().skip(half).rev() {
            // Everything before the line is its context: an appended story
            // shares nothing with the article nor with other appended stories.
            let context: HashSet<String> = prose[..n]
                .iter()
                .flat_map(|&j| self.content_words(&text[ranges[j].clone()]))
                .collect();
            let own = self.content_words(&text[ranges[i].clone()]);
            let shared = own.iter().filter(|w| context.contains(*w)).count();
            if own.len() < 6 || shared as f64 / own.len() as f64 >= 0.15 {
                break;
            }
            on_topic[i] = false;
        }
        on_topic
    }

    fn content_words(&self, line: &str) -> HashSet<String> {
        words(line, 0, line.len())
            .into_iter()
            .map(|w| w.folded)
            .filter(|w| w.chars().count() > 3 && !self.lexicon.stopwords.contains(w.as_str()))
            // A five-letter prefix is a cheap stem: `ukrainian` meets `ukraine`.
            .map(|w| w.chars().take(5).collect())
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

/// A short line folded for comparison across documents.
pub fn fold_line(line: &str) -> String {
    words(line, 0, line.len())
        .into_iter()
        .map(|w| w.folded)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `phrase` occurs in `haystack` at word boundaries.
fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + phrase.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (boundary(before) || !phrase.starts_with(char::is_alphanumeric))
            && (boundary(after) || !phrase.ends_with(char::is_alphanumeric))
    })
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
            .classify(text, &ranges, &HashSet::new())
            .blocks
            .into_iter()
            .map(|b| (text[b.range].to_string(), b.boilerplate))
            .collect()
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
    fn phrases_match_whole_words_only() {
        assert!(contains_phrase("please sign up today", "sign up"));
        assert!(!contains_phrase("designs upward", "sign up"));
        assert!(contains_phrase("(picture: ap)", "(picture:"));
    }
}
