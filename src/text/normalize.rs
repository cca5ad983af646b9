//! Normalization that keeps every character a reader would see, so that spans
//! shown in the page match what was pasted.

/// Newlines to `\n`, exotic spaces to ' ', invisible and control characters removed,
/// trailing spaces cut and runs of blank lines folded to one.
pub fn normalize(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    let mut blank_run = 0;
    for line in unified.split('\n') {
        let cleaned: String = line
            .chars()
            .filter(|&c| {
                // Joiners (U+200C, U+200D) stay: they shape Persian words and emoji.
                let invisible = matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}');
                !invisible && (c == '\t' || !c.is_control())
            })
            .map(|c| match c {
                '\t'
                | '\u{A0}'
                | '\u{2000}'..='\u{200A}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}' => ' ',
                c => c,
            })
            .collect();
        let cleaned = cleaned.trim_end();
        if cleaned.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(cleaned);
    }
    out
}

/// For each code point of `normalized` (and its end), the code point offset
/// in `original` it came from. Normalization only deletes characters, replaces
/// one with one, or repairs mojibake, so a greedy walk aligns the two; this lets batch
/// tools report offsets into the text they were given.
pub fn original_offsets(original: &str, normalized: &str) -> Vec<usize> {
    let source: Vec<char> = original.chars().collect();
    let mut map = Vec::with_capacity(normalized.len() + 1);
    let mut at = 0;
    for c in normalized.chars() {
        // A character repaired from mojibake (`â€™` → `’`) stands for as many
        // source characters as its UTF-8 bytes.
        let mut utf8 = [0u8; 4];
        let garbled: Vec<char> = c
            .encode_utf8(&mut utf8)
            .bytes()
            .map(super::decode::windows_1252)
            .collect();
        if c.len_utf8() > 1 && source.get(at..at + garbled.len()) == Some(&garbled[..]) {
            map.push(at);
            at += garbled.len();
            continue;
        }
        while at < source.len() && !same_after_normalizing(source[at], c) {
            at += 1;
        }
        map.push(at.min(source.len()));
        at += 1;
    }
    map.push(at.min(source.len()));
    map
}

fn same_after_normalizing(original: char, normalized: char) -> bool {
    original == normalized
        || (normalized == ' ' && original.is_whitespace() && original != '\n' && original != '\r')
        || (normalized == '\n' && original == '\r')
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn maps_offsets_back_to_the_original() {
        let original = "a \u{A0}\r\n\n\n\nb\u{200B}c  \n";
        let normalized = normalize(original);
        assert_eq!(normalized, "a\n\nbc");
        assert_eq!(
            super::original_offsets(original, &normalized),
            [0, 3, 4, 8, 10, 11]
        );
        let garbled = "itâ€™s ok";
        let repaired = crate::text::decode::repair_mojibake(garbled);
        assert_eq!(repaired, "it’s ok");
        assert_eq!(
            super::original_offsets(garbled, &repaired),
            [0, 1, 2, 5, 6, 7, 8, 9]
        );
    }

    #[test]
    fn unifies_newlines_and_spaces() {
        assert_eq!(normalize("a\r\nb\rc\n\n\n\nd\u{A0}e \n"), "a\nb\nc\n\nd e");
        assert_eq!(normalize("\u{FEFF}zero\u{200B}width"), "zerowidth");
    }
}
