//! Quote marks paired by what surrounds them, not by their glyph.
//!
//! A straight `"` opens after a space and closes before one; a `”` printed to
//! open (as some sites do) still opens; `''` and ``` `` ``` pairs count as
//! double marks. Single marks quote only when one opened after a space and
//! before a letter, so `Kremlin’s` and `’80s` stay apostrophes. Sentence
//! splitting and quote extraction share this pairing, so a quote is never cut
//! by one and read whole by the other.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Double,
    Single,
}

/// A quoted span of one block, marks included, in byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    pub range: Range<usize>,
    pub mark: Mark,
}

/// The quotes of one block starting at byte `base` of the text. `carried` is
/// where a double quote opened in an earlier paragraph that this one
/// continues (its opening mark repeats the quote's opening and is skipped).
/// Returns the quotes closed in the block, in order and never overlapping,
/// and where a double quote is still open at its end.
pub fn pair_marks(body: &str, base: usize, carried: Option<usize>) -> (Vec<Quoted>, Option<usize>) {
    let mut out = Vec::new();
    let mut open = carried;
    let mut single: Option<usize> = None;
    let mut pos = 0;
    while pos < body.len() {
        // Jump to the next character that may be a mark.
        let Some(skip) = find_mark_char(&body[pos..]) else {
            break;
        };
        pos += skip;
        let Some((mark, len)) = mark_at(body, pos) else {
            pos += body[pos..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let at = base + pos;
        let prev = body[..pos].chars().next_back();
        let next = body[pos + len..].chars().next();
        let can_open = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        // A mark between spaces opens nothing (an opening mark touches its
        // first word): after a nested quote (`…outreach,' " he told`) it closes.
        let spaced = prev.is_some_and(char::is_whitespace) && next.is_none_or(char::is_whitespace);
        let can_close = spaced
            || prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| !n.is_alphanumeric());
        let closing = |start: usize| Quoted {
            range: start..at + len,
            mark,
        };
        match mark {
            Mark::Double if carried.is_some() && pos == 0 => {}
            Mark::Double => match open {
                Some(start) if can_close => {
                    out.push(closing(start));
                    open = None;
                }
                _ if can_open => open = Some(at),
                _ => {}
            },
            // Inside a double quote, single marks are nested quotes: part of it.
            Mark::Single if open.is_some() => {}
            Mark::Single => match single {
                Some(start) if can_close => {
                    // A double quote inside this single one is part of it: quotes never overlap.
                    while out.last().is_some_and(|q| q.range.start > start) {
                        out.pop();
                    }
                    out.push(closing(start));
                    single = None;
                }
                // `’80s` is an elided year; a `‘` that may open starts afresh.
                _ if can_open
                    && next.is_some_and(char::is_alphabetic)
                    && (single.is_none() || body[pos..].starts_with('‘')) =>
                {
                    single = Some(at)
                }
                _ => {}
            },
        }
        pos += len;
    }
    (out, open)
}

/// Every character a mark starts with.
const MARK_CHARS: [char; 10] = ['“', '”', '"', '„', '«', '»', '‘', '’', '\'', '`'];

/// Where the next of `MARK_CHARS` is, by a byte scan: the others start with
/// the byte 0xC2 or 0xE2, and most of a block is neither.
fn find_mark_char(rest: &str) -> Option<usize> {
    rest.bytes().enumerate().find_map(|(i, b)| {
        let candidate = matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2);
        (candidate && rest[i..].starts_with(MARK_CHARS)).then_some(i)
    })
}

/// The quote mark starting at byte `pos`, with its length in bytes.
pub fn mark_at(body: &str, pos: usize) -> Option<(Mark, usize)> {
    let rest = &body[pos..];
    if rest.starts_with("''") || rest.starts_with("``") {
        return Some((Mark::Double, 2));
    }
    let c = rest.chars().next()?;
    match c {
        '“' | '”' | '"' | '„' | '«' | '»' => Some((Mark::Double, c.len_utf8())),
        '‘' | '’' | '\'' => Some((Mark::Single, c.len_utf8())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(body: &str) -> Vec<&str> {
        pair_marks(body, 0, None)
            .0
            .into_iter()
            .map(|q| &body[q.range])
            .collect()
    }

    #[test]
    fn marks_open_and_close_by_their_context() {
        assert_eq!(quoted("He said “yes.” Then ”no.”"), ["“yes.”", "”no.”"]);
        assert_eq!(
            quoted("a ''double'' and \"plain\""),
            ["''double''", "\"plain\""]
        );
        assert_eq!(quoted("the Kremlin’s ’80s ‘plan’"), ["‘plan’"]);
        assert_eq!(quoted("“Say ‘no’ now,” she said"), ["“Say ‘no’ now,”"]);
        assert_eq!(quoted("‘x “yz&w v u”’"), ["‘x “yz&w v u”’"]);
    }

    #[test]
    fn a_mark_between_spaces_closes_an_open_quote() {
        assert_eq!(
            quoted("\"I dislike the word 'outreach,' \" she told the crowd."),
            ["\"I dislike the word 'outreach,' \""]
        );
        // With no quote open it opens nothing.
        assert_eq!(quoted("a \" b \"c\""), ["\"c\""]);
    }

    #[test]
    fn an_open_quote_is_reported_and_carried() {
        let (closed, open) = pair_marks("“First part, still open", 10, None);
        assert!(closed.is_empty());
        assert_eq!(open, Some(10));
        let (closed, open) = pair_marks("“and the end.”", 40, Some(10));
        assert_eq!(closed[0].range, 10..40 + "“and the end.”".len());
        assert_eq!(open, None);
    }
}
