//! Word tokens for comparing documents: case, apostrophes and quote glyphs
//! folded, so that `Kremlin’s` and `Kremlin's` count as the same word.

/// A word's byte range in the text and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub folded: String,
}

/// Words of `text[range]`: runs of letters and digits, with inner apostrophes,
/// hyphens and decimal separators kept (`Kyiv-approved`, `8.5`, `don't`).
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    let slice = &text[start..end];
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    let mut begin: Option<usize> = None;
    let mut previous = ' ';
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let keep = c.is_alphanumeric() || (begin.is_some() && joins(previous, c, next));
        match (keep, begin) {
            (true, None) => begin = Some(at),
            (false, Some(from)) => {
                out.push(word(slice, start, from, at));
                begin = None;
            }
            _ => {}
        }
        previous = c;
    }
    if let Some(from) = begin {
        out.push(word(slice, start, from, slice.len()));
    }
    out
}

/// Punctuation that joins two parts of one word.
fn joins(previous: char, c: char, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    match c {
        '\'' | '’' | '-' => next.is_alphanumeric(),
        '.' | ',' => previous.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

fn word(slice: &str, offset: usize, from: usize, to: usize) -> Word {
    Word {
        start: offset + from,
        end: offset + to,
        folded: fold(&slice[from..to]),
    }
}

/// Lower case with typographic apostrophes made plain.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' => folded.push('\''),
            c if c.is_ascii() => folded.push(c.to_ascii_lowercase()),
            c => folded.extend(c.to_lowercase()),
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_keeps_inner_joiners() {
        let text = "Kremlin’s Kyiv-approved $8.5 billion, 75,000 rounds (“ok”)";
        let found: Vec<String> = words(text, 0, text.len())
            .into_iter()
            .map(|w| w.folded)
            .collect();
        assert_eq!(
            found,
            [
                "kremlin's",
                "kyiv-approved",
                "8.5",
                "billion",
                "75,000",
                "rounds",
                "ok"
            ]
        );
    }
}
