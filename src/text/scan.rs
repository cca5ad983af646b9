//! What the hand-written line matchers share: the character classes of the
//! regular expressions they replaced, exactly as the regex crate (Unicode
//! mode) defines them, a cursor, and left-to-right iteration over matches.
//! The regex crate cost the wasm bundle a sixth of its size and compiled its
//! Unicode classes at start-up.

/// `\d`: a Unicode decimal digit (category Nd), not only `0-9`. These come
/// in blocks of ten; the table holds each block's zero.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let c = c as u32;
    let block = DIGIT_ZEROS.partition_point(|&zero| zero <= c);
    block > 0 && c - DIGIT_ZEROS[block - 1] < 10
}

/// `\w`: a letter (Alphabetic), a decimal digit, a mark, a connector such as
/// `_`, or a zero-width joiner.
pub fn is_word(c: char) -> bool {
    is_letter(c) || is_digit(c) || c == '_'
}

/// `[^\W\d_]`: a word character other than a digit or `_`, so also a mark
/// (`é` written as `e` and an accent, Devanagari's virama, an emoji's
/// variation selector).
pub fn is_letter(c: char) -> bool {
    c.is_alphabetic() || (!c.is_ascii() && OTHER_WORD.partition_point(|&b| b <= c as u32) % 2 == 1)
}

/// `[\w-]`, as host names are spelled.
pub fn is_word_or_hyphen(c: char) -> bool {
    c == '-' || is_word(c)
}

/// `[A-ZÀ-ÖØ-Þ]`: a capital as agencies and datelines print them.
pub fn is_capital(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ')
}

/// `\b` at a byte offset: a word character on one side only.
pub fn word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word);
    before != text[at..].chars().next().is_some_and(is_word)
}

/// `(?-u:\b)`: the same with only ASCII letters, digits and `_` as word bytes.
pub fn ascii_word_boundary(text: &str, at: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let bytes = text.as_bytes();
    word(at.checked_sub(1).and_then(|i| bytes.get(i))) != word(bytes.get(at))
}

/// A place in a text that matchers move forward. Copy it to try an
/// alternative: the original stays where the alternative started.
#[derive(Clone, Copy)]
pub struct Cursor<'a> {
    text: &'a str,
    pub at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, at: usize) -> Self {
        Cursor { text, at }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn at_end(&self) -> bool {
        self.at == self.text.len()
    }

    pub fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    /// One character of `class`.
    pub fn eat(&mut self, class: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|&c| class(c))?;
        self.at += c.len_utf8();
        Some(c)
    }

    /// `c?`: whether it was there.
    pub fn skip(&mut self, c: char) -> bool {
        self.eat(|next| next == c).is_some()
    }

    pub fn eat_str(&mut self, s: &str) -> Option<()> {
        self.text[self.at..]
            .starts_with(s)
            .then(|| self.at += s.len())
    }

    /// `class{n}`: exactly `n` characters, whatever follows.
    pub fn repeat(&mut self, class: impl Fn(char) -> bool, n: usize) -> Option<()> {
        (0..n).try_for_each(|_| self.eat(&class).map(drop))
    }

    /// `class{min,max}` where what the pattern wants next can never be
    /// `class`: then the regex's backtracking ends where the run of `class`
    /// ends, so the run is the match if its length fits.
    pub fn run(&mut self, class: impl Fn(char) -> bool, min: usize, max: usize) -> Option<&'a str> {
        let start = self.at;
        let mut count = 0;
        while count <= max && self.eat(&class).is_some() {
            count += 1;
        }
        if !(min..=max).contains(&count) {
            self.at = start;
            return None;
        }
        Some(&self.text[start..self.at])
    }

    /// `\s*`.
    pub fn skip_space(&mut self) {
        while self.eat(char::is_whitespace).is_some() {}
    }

    /// `\s+`.
    pub fn space(&mut self) -> Option<()> {
        self.eat(char::is_whitespace)?;
        self.skip_space();
        Some(())
    }
}

/// `(?:part)?rest`, greedy: `part` is taken where `rest` then matches, else
/// left out. `part` gives what it read and where it ends.
pub fn optional<'a, P, R>(
    at: Cursor<'a>,
    part: impl Fn(Cursor<'a>) -> Option<(P, Cursor<'a>)>,
    rest: impl Fn(Cursor<'a>) -> Option<R>,
) -> Option<(Option<P>, R)> {
    part(at)
        .and_then(|(taken, after)| Some((Some(taken), rest(after)?)))
        .or_else(|| Some((None, rest(at)?)))
}

/// `[^\W\d_]{3,9}\.?`: a month's name or abbreviation, its dot passed over.
pub fn month_word<'a>(at: &mut Cursor<'a>) -> Option<&'a str> {
    let month = at.run(is_letter, 3, 9)?;
    at.skip('.');
    Some(month)
}

/// `\d{4}-\d{2}-\d{2}`: year, month and day as written.
pub fn iso_date_parts<'a>(at: &mut Cursor<'a>) -> Option<(&'a str, &'a str, &'a str)> {
    let year = at.run(is_digit, 4, 4)?;
    at.eat_str("-")?;
    let month = at.run(is_digit, 2, 2)?;
    at.eat_str("-")?;
    Some((year, month, at.run(is_digit, 2, 2)?))
}

/// Non-overlapping matches from left to right, as a regex's `captures_iter`
/// finds them: `match_at` tries a match starting at a byte offset and gives
/// what it found and where the match ends, which is where the next search starts.
pub fn matches<'a, T>(
    text: &'a str,
    match_at: impl Fn(usize) -> Option<(T, usize)> + 'a,
) -> impl Iterator<Item = T> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < text.len() {
            let start = from;
            from += text[from..].chars().next().map_or(1, char::len_utf8);
            if let Some((found, end)) = match_at(start) {
                debug_assert!(end > start, "a match takes text");
                from = end;
                return Some(found);
            }
        }
        None
    })
}

/// The zero of each block of ten Unicode decimal digits (regex-syntax 0.8's
/// `\d` table, Unicode 16).
const DIGIT_ZEROS: [u32; 76] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50,
    0x11D50, 0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The word characters that are neither Alphabetic, digits nor `_` (marks,
/// connector punctuation, joiners), as the starts and ends (exclusive) of
/// ranges: a character is in one if an odd number of bounds is at or below
/// it. regex-syntax 0.8's `\w` table (Unicode 16) less those.
const OTHER_WORD: [u32; 374] = [
    0x0300, 0x0345, 0x0346, 0x0363, 0x0483, 0x048A, 0x0591, 0x05B0, 0x0658, 0x0659, 0x06DF, 0x06E1,
    0x06EA, 0x06ED, 0x0740, 0x074B, 0x07EB, 0x07F4, 0x07FD, 0x07FE, 0x0818, 0x081A, 0x082D, 0x082E,
    0x0859, 0x085C, 0x0898, 0x08A0, 0x08CA, 0x08D4, 0x08E0, 0x08E2, 0x08EA, 0x08F0, 0x093C, 0x093D,
    0x094D, 0x094E, 0x0951, 0x0955, 0x09BC, 0x09BD, 0x09CD, 0x09CE, 0x09FE, 0x09FF, 0x0A3C, 0x0A3D,
    0x0A4D, 0x0A4E, 0x0ABC, 0x0ABD, 0x0ACD, 0x0ACE, 0x0AFD, 0x0B00, 0x0B3C, 0x0B3D, 0x0B4D, 0x0B4E,
    0x0B55, 0x0B56, 0x0BCD, 0x0BCE, 0x0C3C, 0x0C3D, 0x0C4D, 0x0C4E, 0x0CBC, 0x0CBD, 0x0CCD, 0x0CCE,
    0x0D3B, 0x0D3D, 0x0D4D, 0x0D4E, 0x0DCA, 0x0DCB, 0x0E47, 0x0E4D, 0x0E4E, 0x0E4F, 0x0EBA, 0x0EBB,
    0x0EC8, 0x0ECD, 0x0ECE, 0x0ECF, 0x0F18, 0x0F1A, 0x0F35, 0x0F36, 0x0F37, 0x0F38, 0x0F39, 0x0F3A,
    0x0F3E, 0x0F40, 0x0F84, 0x0F85, 0x0F86, 0x0F88, 0x0FC6, 0x0FC7, 0x1037, 0x1038, 0x1039, 0x103B,
    0x135D, 0x1360, 0x1714, 0x1716, 0x1734, 0x1735, 0x17B4, 0x17B6, 0x17C9, 0x17D4, 0x17DD, 0x17DE,
    0x180B, 0x180E, 0x180F, 0x1810, 0x1939, 0x193C, 0x1A60, 0x1A61, 0x1A75, 0x1A7D, 0x1A7F, 0x1A80,
    0x1AB0, 0x1ABF, 0x1AC1, 0x1ACC, 0x1B34, 0x1B35, 0x1B44, 0x1B45, 0x1B6B, 0x1B74, 0x1BAA, 0x1BAC,
    0x1BE6, 0x1BE7, 0x1BF2, 0x1BF4, 0x1C37, 0x1C38, 0x1CD0, 0x1CD3, 0x1CD4, 0x1CE9, 0x1CED, 0x1CEE,
    0x1CF4, 0x1CF5, 0x1CF7, 0x1CFA, 0x1DC0, 0x1DD3, 0x1DF5, 0x1E00, 0x200C, 0x200E, 0x203F, 0x2041,
    0x2054, 0x2055, 0x20D0, 0x20F1, 0x2CEF, 0x2CF2, 0x2D7F, 0x2D80, 0x302A, 0x3030, 0x3099, 0x309B,
    0xA66F, 0xA673, 0xA67C, 0xA67E, 0xA6F0, 0xA6F2, 0xA806, 0xA807, 0xA82C, 0xA82D, 0xA8C4, 0xA8C5,
    0xA8E0, 0xA8F2, 0xA92B, 0xA92E, 0xA953, 0xA954, 0xA9B3, 0xA9B4, 0xA9C0, 0xA9C1, 0xAABF, 0xAAC0,
    0xAAC1, 0xAAC2, 0xAAF6, 0xAAF7, 0xABEC, 0xABEE, 0xFE00, 0xFE10, 0xFE20, 0xFE30, 0xFE33, 0xFE35,
    0xFE4D, 0xFE50, 0xFF3F, 0xFF40, 0x101FD, 0x101FE, 0x102E0, 0x102E1, 0x10A38, 0x10A3B, 0x10A3F,
    0x10A40, 0x10AE5, 0x10AE7, 0x10D6A, 0x10D6E, 0x10EFD, 0x10F00, 0x10F46, 0x10F51, 0x10F82,
    0x10F86, 0x11046, 0x11047, 0x11070, 0x11071, 0x1107F, 0x11080, 0x110B9, 0x110BB, 0x11133,
    0x11135, 0x11173, 0x11174, 0x111C0, 0x111C1, 0x111C9, 0x111CD, 0x11235, 0x11237, 0x112E9,
    0x112EB, 0x1133B, 0x1133D, 0x1134D, 0x1134E, 0x11366, 0x1136D, 0x11370, 0x11375, 0x113CE,
    0x113D1, 0x113D2, 0x113D3, 0x113E1, 0x113E3, 0x11442, 0x11443, 0x11446, 0x11447, 0x1145E,
    0x1145F, 0x114C2, 0x114C4, 0x115BF, 0x115C1, 0x1163F, 0x11640, 0x116B6, 0x116B8, 0x1172B,
    0x1172C, 0x11839, 0x1183B, 0x1193D, 0x1193F, 0x11943, 0x11944, 0x119E0, 0x119E1, 0x11A33,
    0x11A35, 0x11A47, 0x11A48, 0x11A98, 0x11A9A, 0x11C3F, 0x11C40, 0x11D42, 0x11D43, 0x11D44,
    0x11D46, 0x11D97, 0x11D98, 0x11F41, 0x11F43, 0x11F5A, 0x11F5B, 0x13440, 0x13441, 0x13447,
    0x13456, 0x1612F, 0x16130, 0x16AF0, 0x16AF5, 0x16B30, 0x16B37, 0x16FE4, 0x16FE5, 0x1BC9D,
    0x1BC9E, 0x1CF00, 0x1CF2E, 0x1CF30, 0x1CF47, 0x1D165, 0x1D16A, 0x1D16D, 0x1D173, 0x1D17B,
    0x1D183, 0x1D185, 0x1D18C, 0x1D1AA, 0x1D1AE, 0x1D242, 0x1D245, 0x1DA00, 0x1DA37, 0x1DA3B,
    0x1DA6D, 0x1DA75, 0x1DA76, 0x1DA84, 0x1DA85, 0x1DA9B, 0x1DAA0, 0x1DAA1, 0x1DAB0, 0x1E130,
    0x1E137, 0x1E2AE, 0x1E2AF, 0x1E2EC, 0x1E2F0, 0x1E4EC, 0x1E4F0, 0x1E5EE, 0x1E5F0, 0x1E8D0,
    0x1E8D7, 0x1E944, 0x1E947, 0x1E948, 0x1E94B, 0xE0100, 0xE01F0,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_the_regex_crates() {
        assert!(['7', '٣', '९', '７'].iter().all(|&c| is_digit(c)));
        assert!(!['²', '½', '①', 'Ⅷ', 'a'].iter().any(|&c| is_digit(c)));
        // A decomposed accent, a virama, a variation selector, a joiner, a connector.
        for c in ['\u{301}', '\u{94d}', '\u{fe0f}', '\u{200d}', '‿'] {
            assert!(is_word(c) && is_letter(c), "{c:?}");
        }
        assert!(is_word('_') && !is_letter('_') && is_word('٣') && !is_letter('٣'));
        assert!(!['²', '½', '-', ' ', '’', '\u{a0}']
            .iter()
            .any(|&c| is_word(c)));
    }

    #[test]
    fn boundaries() {
        assert!(word_boundary("2022,", 4) && !word_boundary("20225", 4));
        assert!(word_boundary("2022", 4) && word_boundary("x", 0));
        // An accent after a digit is part of its word.
        assert!(!word_boundary("2022\u{301}", 4));
        assert!(ascii_word_boundary("a é", 1) && !ascii_word_boundary("é é", 2));
        assert!(ascii_word_boundary("éa", 2) && !ascii_word_boundary("٣٤", 2));
    }

    #[test]
    fn runs_take_the_whole_run_or_nothing() {
        let mut at = Cursor::new("2024-", 0);
        assert_eq!(at.run(is_digit, 1, 2), None);
        assert_eq!(at.at, 0);
        assert_eq!(at.run(is_digit, 4, 4), Some("2024"));
        assert_eq!(Cursor::new("ab", 0).run(char::is_alphabetic, 3, 9), None);
    }

    #[test]
    fn matches_do_not_overlap() {
        // After `aa` at 0 the search goes on from 2, not 1.
        let pairs = |text: &str| {
            let found: Vec<usize> = matches(text, |at| {
                text[at..].starts_with("aa").then_some((at, at + 2))
            })
            .collect();
            found
        };
        assert_eq!(pairs("aaaaa"), [0, 2]);
        assert_eq!(pairs("aab aa"), [0, 4]);
    }
}
