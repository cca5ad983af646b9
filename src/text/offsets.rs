//! Byte offsets (what Rust slices use) to code point offsets (what the report uses).

use crate::report::Span;

/// Converts byte offsets of one text into code point offsets in O(log n).
///
/// Only multi-byte characters are recorded, so ASCII-heavy news text costs
/// almost no memory even for large inputs.
pub struct CharOffsets<'a> {
    text: &'a str,
    /// (byte offset just after a multi-byte char, extra bytes so far).
    extra: Vec<(usize, usize)>,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut extra = Vec::new();
        let mut total = 0;
        for (i, c) in text.char_indices() {
            let len = c.len_utf8();
            if len > 1 {
                total += len - 1;
                extra.push((i + len, total));
            }
        }
        CharOffsets { text, extra }
    }

    /// Code point index of a byte offset that lies on a char boundary.
    pub fn char_index(&self, byte: usize) -> usize {
        let n = self.extra.partition_point(|&(end, _)| end <= byte);
        let extra = if n == 0 { 0 } else { self.extra[n - 1].1 };
        byte - extra
    }

    /// Byte offset of the code point at `index` (the text's length just
    /// past its last), or `None` past that.
    pub fn byte_index(&self, index: usize) -> Option<usize> {
        // A multi-byte char ends `end - extra` code points in.
        let n = self
            .extra
            .partition_point(|&(end, extra)| end - extra <= index);
        let extra = if n == 0 { 0 } else { self.extra[n - 1].1 };
        Some(index + extra).filter(|&byte| byte <= self.text.len())
    }

    /// The report's span for a byte range.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: self.char_index(start),
            end: self.char_index(end),
            text: self.text[start..end].to_string(),
        }
    }
}

/// The nearest char boundary at or before byte `at`, clamped to the text:
/// where a window of a fixed byte width may end without cutting a character.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary at or after byte `at`, clamped to the text.
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "“Kyiv” – 53 Ä";
        let offsets = CharOffsets::new(text);
        let start = text.find("53").unwrap();
        let span = offsets.span(start, start + 2);
        assert_eq!(span.text, "53");
        assert_eq!(span.start, text[..start].chars().count());
        assert_eq!(offsets.char_index(text.len()), text.chars().count());
    }

    #[test]
    fn code_points_map_back_to_bytes() {
        let text = "“Kyiv” – 53 Ä";
        let offsets = CharOffsets::new(text);
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for (index, &byte) in bytes.iter().enumerate() {
            assert_eq!(offsets.byte_index(index), Some(byte));
        }
        assert_eq!(offsets.byte_index(bytes.len()), Some(text.len()));
        assert_eq!(offsets.byte_index(bytes.len() + 1), None);
    }

    #[test]
    fn byte_windows_end_on_char_boundaries() {
        let text = "a“b";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(floor_char_boundary(text, 4), 4);
        assert_eq!(floor_char_boundary(text, 99), text.len());
        assert_eq!(ceil_char_boundary(text, 2), 4);
    }
}
