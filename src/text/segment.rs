//! Blocks (one per line, as copied pages put one block per line), sentences and
//! quote-aware sentence boundaries. All ranges are byte offsets into the text.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use crate::text::quote_marks::{mark_at, pair_marks, Mark};

/// Non-empty lines: in copied pages each line is one block (a paragraph, a
/// menu item, a caption), so the line is the unit boilerplate is judged on.
pub fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = end + 1;
    }
    out
}

const TERMINATORS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['”', '"', '’', '\'', ')', ']', '»'];
const OPENERS: &[char] = &['“', '"', '‘', '\'', '(', '[', '«', '—', '–'];

/// Sentences of one block, as byte ranges into `text`.
///
/// Does not break after abbreviations or initials (`U.S.`, `Lt. Gen.`,
/// `J.P. Morgan`) nor inside a balanced quotation, and keeps a dateline such
/// as `Moscow, Aug 2 (EFE).-` with the sentence it opens.
pub fn sentences(
    text: &str,
    block: Range<usize>,
    abbreviations: &HashSet<&str>,
) -> Vec<Range<usize>> {
    let body = &text[block.clone()];
    let quoted = quoted_regions(body);
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    while let Some((found, c)) = find_terminator(&body[pos..]) {
        let at = pos + found;
        let after = at + c.len_utf8();
        let boundary = body[after..]
            .find(|n: char| !TERMINATORS.contains(&n) && !CLOSERS.contains(&n))
            .map_or(body.len(), |n| after + n);
        let rest = &body[boundary..];
        let next_start = body.len() - rest.trim_start().len();
        let next_word = body[next_start..].chars().next();
        let followed_by_space = rest.starts_with(char::is_whitespace);
        let starts_sentence = next_word
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n));
        if followed_by_space
            && starts_sentence
            && !inside(&quoted, boundary)
            && !(c == '.' && is_abbreviation(&body[start..at], abbreviations))
        {
            out.push(block.start + start..block.start + boundary);
            start = next_start;
        }
        pos = boundary;
    }
    if start < body.len() {
        out.push(block.start + start..block.end);
    }
    out
}

/// The next of `TERMINATORS` and where it is, by a byte scan: most of a
/// block is letters, and `…` is the only one of more than one byte.
fn find_terminator(rest: &str) -> Option<(usize, char)> {
    rest.bytes().enumerate().find_map(|(i, b)| match b {
        b'.' | b'!' | b'?' => Some((i, char::from(b))),
        0xE2 if rest[i..].starts_with('…') => Some((i, '…')),
        _ => None,
    })
}

/// The word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str, abbreviations: &HashSet<&str>) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    abbreviations.contains(lower.as_str())
        || (letters.len() == 1 && letters[0].is_uppercase())
        // Dotted initials such as `J.P` before `Morgan`.
        || (word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2))
}

/// Byte ranges inside the double quotes a block closes, after the opening mark.
fn quoted_regions(body: &str) -> Vec<Range<usize>> {
    pair_marks(body, 0, None)
        .0
        .into_iter()
        .filter(|q| q.mark == Mark::Double)
        .map(|q| {
            let opening = mark_at(body, q.range.start).map_or(0, |(_, len)| len);
            q.range.start + opening..q.range.end
        })
        .collect()
}

fn inside(regions: &[Range<usize>], pos: usize) -> bool {
    regions.iter().any(|r| r.start < pos && pos < r.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn split(text: &str) -> Vec<&str> {
        let lexicon = Lexicon::load();
        blocks(text)
            .into_iter()
            .flat_map(|b| sentences(text, b, &lexicon.abbreviations))
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn blocks_are_trimmed_lines() {
        let text = "  Title \n\nFirst line.\nSecond";
        let found: Vec<&str> = blocks(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Title", "First line.", "Second"]);
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            split(
                "Lt. Gen. Ana Ruiz met Sen. Bo Park in the U.S. Capitol on Aug. 3. Then she left."
            ),
            [
                "Lt. Gen. Ana Ruiz met Sen. Bo Park in the U.S. Capitol on Aug. 3.",
                "Then she left."
            ]
        );
        assert_eq!(
            split("Mr. Lee and Dr. Kim wrote to P.O. Box 12. J.P. Morgan declined. It rained!"),
            [
                "Mr. Lee and Dr. Kim wrote to P.O. Box 12.",
                "J.P. Morgan declined.",
                "It rained!"
            ]
        );
    }

    #[test]
    fn does_not_split_inside_quotes() {
        assert_eq!(
            split("“We are ready. We will go,” she said. Nobody moved."),
            ["“We are ready. We will go,” she said.", "Nobody moved."]
        );
        assert_eq!(
            split("He said: \"Stop. Now.\" The crowd left."),
            ["He said: \"Stop. Now.\"", "The crowd left."]
        );
    }

    #[test]
    fn keeps_dateline_with_its_sentence() {
        assert_eq!(
            split("Lisbon, Mar 4 (NWS).- The port reopened on Monday. Ships waited."),
            [
                "Lisbon, Mar 4 (NWS).- The port reopened on Monday.",
                "Ships waited."
            ]
        );
    }
}
