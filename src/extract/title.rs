//! The headline: the first headline-shaped line before the article body.

use std::ops::Range;

/// Index of the headline among `blocks[..body_start]`, or `None` when the text
/// starts straight with the body (as copied articles often do).
///
/// A headline has a few words, no sentence-final period, and is not a section
/// label (`World`, `Conflicts & War`) or a byline-like name.
pub fn headline(
    text: &str,
    blocks: &[Range<usize>],
    body_start: usize,
    excluded: &[bool],
) -> Option<usize> {
    (0..body_start.min(blocks.len()))
        .filter(|&i| !excluded[i])
        .find(|&i| is_headline_shaped(&text[blocks[i].clone()]))
}

fn is_headline_shaped(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    (4..=30).contains(&words)
        && letters * 2 > line.chars().count()
        && !line.ends_with('.')
        && !line.ends_with(':')
        && !line.ends_with(';')
        && !line.contains(" & ")
        && !line.contains('|')
        // Menus copied as text keep their items apart with runs of spaces or tabs.
        && !line.contains("  ")
        && !line.contains('\t')
        && !super::boilerplate::is_byline(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::blocks;

    #[test]
    fn skips_section_labels_and_stops_at_body() {
        let text = "World\nConflicts & War\nHarbour strike ends after nine days\nBody.";
        let found = blocks(text);
        let excluded = vec![false; found.len()];
        assert_eq!(headline(text, &found, 3, &excluded), Some(2));
        assert_eq!(headline(text, &found, 2, &excluded), None);
    }

    #[test]
    fn menus_and_bylines_are_no_headlines() {
        assert!(!is_headline_shaped("Home  News  World  Local  Business"));
        assert!(!is_headline_shaped("Home\tNews\tWorld\tLocal"));
        assert!(!is_headline_shaped("By Greta Vass, Harbour Courier"));
        assert!(is_headline_shaped("Ferry strands 140 in Lindholm fog"));
    }
}
