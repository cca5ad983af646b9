//! Word tokens for comparing documents: case, apostrophes and quote glyphs
//! folded, so that `Kremlin’s` and `Kremlin's` count as the same word.

use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// A word's byte range in the text and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub folded: Folded,
}

/// A folded word, stored inline when short (nearly every word): one heap
/// allocation per word was a fifth of the analysis' time.
#[derive(Clone)]
pub enum Folded {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(String),
}

const INLINE: usize = 22;

impl Folded {
    fn new(word: &str) -> Self {
        if word.len() <= INLINE && word.is_ascii() {
            let mut bytes = [0u8; INLINE];
            bytes[..word.len()].copy_from_slice(word.as_bytes());
            bytes[..word.len()].make_ascii_lowercase();
            Folded::Inline {
                len: word.len() as u8,
                bytes,
            }
        } else {
            Folded::Heap(fold(word))
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Only ASCII is stored inline, so the bytes are always UTF-8.
            Folded::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            Folded::Heap(s) => s,
        }
    }
}

impl Deref for Folded {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Folded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq for Folded {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Folded {}

impl PartialEq<str> for Folded {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Folded {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Hashes as the `str` it holds, as `String` does.
impl Hash for Folded {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

/// Words of `text[range]`: runs of letters and digits, with inner apostrophes,
/// hyphens and decimal separators kept (`Kyiv-approved`, `8.5`, `don't`).
pub fn words(text: &str, start: usize, end: usize) -> Vec<Word> {
    // About one word in six bytes of prose: most texts never regrow.
    let mut found = Vec::with_capacity((end - start) / 6 + 1);
    found.extend(word_ranges(&text[start..end]).map(|(from, to)| Word {
        start: start + from,
        end: start + to,
        folded: Folded::new(&text[start + from..start + to]),
    }));
    found
}

/// How many words `text` has, without making them.
pub fn word_count(text: &str) -> usize {
    word_ranges(text).count()
}

/// The byte ranges of the words of `text`, without folding them: the one
/// tokenizer behind [`words`], for callers that must not allocate per word.
pub fn word_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        // A word opens at a letter or digit…
        let (from, mut previous) = loop {
            let c = char_at(text, at)?;
            if alphanumeric(c) {
                break (at, c);
            }
            at += c.len_utf8();
        };
        at += previous.len_utf8();
        // …and runs on through letters, digits and the joiners between them.
        while let Some(c) = char_at(text, at) {
            let width = c.len_utf8();
            if !(alphanumeric(c) || joins(previous, c, char_at(text, at + width))) {
                break;
            }
            previous = c;
            at += width;
        }
        Some((from, at))
    })
}

/// The character at byte `at` (a character boundary) of `text`: one byte
/// read for ASCII, which nearly all of a text is.
fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[at..].chars().next(),
    }
}

fn alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
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

/// A line's words, folded, in one buffer: one allocation per line instead of
/// one per word, for code that looks at every short line of a page.
pub struct FoldedWords {
    /// The folded words joined by single spaces.
    joined: String,
    /// Where each word ends in `joined`.
    ends: Vec<usize>,
}

impl FoldedWords {
    pub fn new(text: &str) -> Self {
        let mut joined = String::with_capacity(text.len());
        let mut ends = Vec::new();
        for (from, to) in word_ranges(text) {
            if !joined.is_empty() {
                joined.push(' ');
            }
            push_folded(&mut joined, &text[from..to]);
            ends.push(joined.len());
        }
        FoldedWords { joined, ends }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn get(&self, index: usize) -> &str {
        let start = if index == 0 {
            0
        } else {
            self.ends[index - 1] + 1
        };
        &self.joined[start..self.ends[index]]
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The folded words joined by spaces: the line as compared across documents.
    pub fn joined(&self) -> &str {
        &self.joined
    }
}

/// Whether `word`, folded, is in `set`; short ASCII words are folded inline
/// (`Folded`), since this runs for every word of every line.
pub fn folded_in(word: &str, set: &rustc_hash::FxHashSet<&str>) -> bool {
    set.contains(Folded::new(word).as_str())
}

/// Lower case with typographic apostrophes made plain.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    push_folded(&mut folded, word);
    folded
}

fn push_folded(folded: &mut String, word: &str) {
    // Most words are plain ASCII: one copy, lowered in place.
    if word.is_ascii() {
        let from = folded.len();
        folded.push_str(word);
        folded[from..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' => folded.push('\''),
            c if c.is_ascii() => folded.push(c.to_ascii_lowercase()),
            c => folded.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_keeps_inner_joiners() {
        let text = "Kremlin’s Kyiv-approved $8.5 billion, 75,000 rounds (“ok”)";
        let found: Vec<String> = words(text, 0, text.len())
            .into_iter()
            .map(|w| w.folded.to_string())
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
