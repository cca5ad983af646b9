//! Bytes to text. One code path for the CLI and the browser, so that a file
//! gives the same offsets wherever it is analyzed.

use super::{html, normalize};
use crate::limits::{megabytes, MAX_FILE_BYTES, MAX_LINE_BYTES};

/// Why a file could not be turned into text; the message names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A decoded input: its normalized text and, for a saved page, what the
/// page's metadata says.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub page: Option<html::PageFacts>,
}

/// Decodes a file's bytes into normalized text; HTML becomes its main content
/// (with the `readability` feature) or all its visible text.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError(format!(
            "{name}: {} is too large for one article (the limit is {})",
            megabytes(bytes.len()),
            megabytes(MAX_FILE_BYTES)
        )));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(DecodeError(format!(
            "{name}: this is {kind}, not text; paste or save the article as text or HTML"
        )));
    }
    let raw = to_string(bytes);
    let (text, page) = if looks_like_html(name, &raw) {
        from_html(&raw)
    } else {
        (raw, None)
    };
    let text = normalize::normalize(&repair_mojibake(&text));
    if text.trim().is_empty() {
        return Err(DecodeError(format!("{name}: the file has no text")));
    }
    if let Some((number, line)) = text
        .split('\n')
        .enumerate()
        .find(|(_, line)| line.len() > MAX_LINE_BYTES)
    {
        return Err(DecodeError(format!(
            "{name}: line {} is {} long; an article's lines are at most {} (is this a data file?)",
            number + 1,
            megabytes(line.len()),
            megabytes(MAX_LINE_BYTES)
        )));
    }
    Ok(Decoded { text, page })
}

#[cfg(feature = "readability")]
fn from_html(raw: &str) -> (String, Option<html::PageFacts>) {
    match html::main_content(raw) {
        Some((text, facts)) => (text, Some(facts)),
        None => (html::visible_text(raw), None),
    }
}

#[cfg(not(feature = "readability"))]
fn from_html(raw: &str) -> (String, Option<html::PageFacts>) {
    (html::visible_text(raw), None)
}

/// Whether the input is a saved page (by name or by its first bytes), so the
/// browser can hand it to the module that extracts main content.
pub fn is_html(name: &str, bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    looks_like_html(name, &head)
}

fn to_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Some(unit) = utf16_without_bom(bytes) {
        return utf16(bytes, unit);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Text that was UTF-8 but read somewhere as Windows-1252 (`donâ€™t`,
/// `EspaÃ±ol`), as copied pages sometimes are: each such sequence is turned
/// back into the character it encoded. Anything else is left alone.
pub fn repair_mojibake(text: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = text.chars().collect();
    let lead = |c: char| matches!(u32::from(c), 0xC2..=0xF4);
    if !chars
        .windows(2)
        .any(|pair| lead(pair[0]) && continuation_byte(pair[1]).is_some())
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let needed = match u32::from(c) {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => 0,
        };
        let repaired = (needed > 0 && i + needed < chars.len())
            .then(|| {
                let mut bytes = vec![u32::from(c) as u8];
                bytes.extend(
                    chars[i + 1..=i + needed]
                        .iter()
                        .map(|&n| continuation_byte(n))
                        .collect::<Option<Vec<u8>>>()?,
                );
                std::str::from_utf8(&bytes).ok()?.chars().next()
            })
            .flatten();
        match repaired {
            Some(original) => {
                out.push(original);
                i += needed + 1;
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The byte 0x80..=0xBF that Windows-1252 (or Latin-1) shows as `c`.
fn continuation_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xBF).contains(&code) {
        return Some(code as u8);
    }
    WINDOWS_1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

/// What Windows-1252 shows for bytes 0x80..=0x9F (the rest is Latin-1).
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Windows-1252 differs from Latin-1 only in 0x80..=0x9F.
pub(crate) fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Names the kind of a binary file, judged by magic numbers and NUL bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 8] = [
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a media file"),
        (b"PK\x03\x04", "a ZIP archive (or a Word document)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || utf16_without_bom(bytes).is_some();
    // A stray NUL in a text is dropped; many of them mean data, not text.
    let head = &bytes[..bytes.len().min(8192)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    (!utf16 && nuls > 2 && nuls * 100 > head.len()).then_some("a binary file")
}

/// The byte order of UTF-16 text saved without a byte order mark, told by
/// the zero high bytes of its Latin letters: mostly zero odd bytes is little
/// endian, mostly zero even bytes big endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<fn([u8; 2]) -> u16> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if zero_odd * 10 >= pairs * 6 && zero_even * 10 < pairs {
        Some(u16::from_le_bytes)
    } else if zero_even * 10 >= pairs * 6 && zero_odd * 10 < pairs {
        Some(u16::from_be_bytes)
    } else {
        None
    }
}

fn looks_like_html(name: &str, text: &str) -> bool {
    let lower_name = name.to_ascii_lowercase();
    if lower_name.ends_with(".html") || lower_name.ends_with(".htm") {
        return true;
    }
    let head: String = text.trim_start().chars().take(256).collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(
            decode("a.txt", "Kyiv “x”".as_bytes()).unwrap().text,
            "Kyiv “x”"
        );
        assert_eq!(decode("a.txt", b"\xEF\xBB\xBFKyiv").unwrap().text, "Kyiv");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kyïv\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kyïv".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode("le.txt", &le).unwrap().text, "Kyïv");
        let no_bom: Vec<u8> = "Kyïv said “no”"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode("le.txt", &no_bom).unwrap().text, "Kyïv said “no”");
        let no_bom_be: Vec<u8> = "Kyïv".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode("be.txt", &no_bom_be).unwrap().text, "Kyïv");
        assert_eq!(decode("be.txt", &be).unwrap().text, "Kyïv");
    }

    #[test]
    fn falls_back_to_windows_1252() {
        assert_eq!(
            decode("a.txt", b"\x93Caf\xe9\x94 \x96 ok").unwrap().text,
            "“Café” – ok"
        );
    }

    #[test]
    fn repairs_utf8_read_as_windows_1252() {
        assert_eq!(
            repair_mojibake("donâ€™t â€“ EspaÃ±ol â\u{80}\u{99}s"),
            "don’t – Español ’s"
        );
        assert_eq!(
            repair_mojibake("Café “ok” Â"),
            "Café “ok” Â",
            "real text is left alone"
        );
        assert!(matches!(
            repair_mojibake("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn refuses_binary_empty_and_huge_files_by_name() {
        let pdf = decode("scan.pdf", b"%PDF-1.4 ...").unwrap_err();
        assert!(pdf.0.contains("scan.pdf") && pdf.0.contains("PDF"), "{pdf}");
        let nul = decode("x.bin", b"ab\0\0cd\0\x01\0").unwrap_err();
        assert!(nul.0.contains("binary"));
        let stray = decode(
            "x.txt",
            "A stray \0 NUL in a long enough line of text".as_bytes(),
        );
        assert_eq!(
            stray.unwrap().text,
            "A stray  NUL in a long enough line of text"
        );
        let empty = decode("e.txt", b" \n ").unwrap_err();
        assert!(empty.0.contains("no text"));
        let huge = decode("big.txt", &vec![b'a'; MAX_FILE_BYTES + 1]).unwrap_err();
        assert!(huge.0.contains("too large"));
    }

    #[test]
    fn html_is_sniffed_and_converted() {
        let text = html::visible_text("<!DOCTYPE html><p>One</p><p>Two</p>");
        assert_eq!(text, "One\n\nTwo");
        assert!(is_html("page", b"<!DOCTYPE html><p>One</p>"));
        assert!(is_html("page.htm", b"plain"));
        assert!(!is_html("page.txt", b"plain"));
    }
}
