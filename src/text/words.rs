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
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let begin = i;
        while i < chars.len() {
            let c = chars[i].1;
            let joiner = matches!(c, '\'' | '’' | '-' | '.' | ',')
                && chars.get(i + 1).is_some_and(|n| n.1.is_alphanumeric())
                && (c != '.' && c != ','
                    || chars[i - 1].1.is_ascii_digit() && chars[i + 1].1.is_ascii_digit());
            if c.is_alphanumeric() || (i > begin && joiner) {
                i += 1;
            } else {
                break;
            }
        }
        let from = chars[begin].0;
        let to = chars.get(i).map_or(slice.len(), |c| c.0);
        out.push(Word {
            start: start + from,
            end: start + to,
            folded: fold(&slice[from..to]),
        });
    }
    out
}

/// Lower case with typographic apostrophes made plain.
pub fn fold(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
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
