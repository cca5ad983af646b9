//! The quantities' tokenizer: words, digits with their grouping, symbols.

use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum TokenKind<'t> {
    /// Digits with their value; `grouped` when written with thousands commas.
    Number {
        value: f64,
        grouped: bool,
        decimal: bool,
    },
    /// A word, lower case: borrowed from the text when written so.
    Word(Cow<'t, str>),
    /// Any other character.
    Symbol(char),
}

#[derive(Debug, Clone)]
pub(super) struct Token<'t> {
    pub(super) range: Range<usize>,
    pub(super) kind: TokenKind<'t>,
    /// Written straight after the previous token, with no space.
    pub(super) attached: bool,
    /// A capital anywhere in the word (`Boeing`, `iPhone`).
    pub(super) capitalized: bool,
}

impl Token<'_> {
    pub(super) fn word(&self) -> Option<&str> {
        match &self.kind {
            TokenKind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub(super) fn is_word(&self, word: &str) -> bool {
        self.word() == Some(word)
    }

    pub(super) fn is_symbol(&self, symbols: &[char]) -> bool {
        matches!(self.kind, TokenKind::Symbol(c) if symbols.contains(&c))
    }

    pub(super) fn is_number(&self) -> bool {
        matches!(self.kind, TokenKind::Number { .. })
    }
}

/// Splits `text[range]` into tokens, each on char boundaries.
pub(super) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let body = &text[range.clone()];
    let mut tokens = Vec::new();
    let mut chars = body.char_indices().peekable();
    let mut spaced = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let mut end = start + c.len_utf8();
        // `.08`, `$.50`: a decimal written without its zero.
        let bare_decimal = c == '.'
            && body[end..].starts_with(|d: char| d.is_ascii_digit())
            && (spaced
                || tokens
                    .last()
                    .is_some_and(|t: &Token| t.is_symbol(&['(', '$', '£', '€', '-', '−'])));
        let kind = if c.is_ascii_digit() || bare_decimal {
            let mut digits = if bare_decimal {
                String::from("0.")
            } else {
                String::from(c)
            };
            let (mut grouped, mut decimal) = (false, bare_decimal);
            let (mut spaced_groups, mut dotted) = (false, false);
            // After `+49 (0)` or other digits, groups of three are a phone number's.
            let in_phone = tokens.last().is_some_and(|t: &Token| {
                t.is_number() || t.is_symbol(&['+', '(', ')', '-', '/', '.'])
            });
            // `22,24,26`: numbers in a list, each after a comma written against the last.
            let listed = !spaced
                && tokens.len() >= 2
                && tokens[tokens.len() - 1].is_symbol(&[','])
                && tokens[tokens.len() - 2].is_number();
            while let Some(&(i, n)) = chars.peek() {
                let after = &body[i + n.len_utf8()..];
                if n.is_ascii_digit() {
                    digits.push(n);
                } else if n == ',' && !decimal && !spaced_groups && thousands_group(after) {
                    grouped = true;
                } else if n == ','
                    && !decimal
                    && !grouped
                    && !spaced_groups
                    && !listed
                    && digits.len() <= 3
                    && decimal_comma(after)
                {
                    // `1,3`, `5,00`: a decimal comma, as much of Europe writes it.
                    decimal = true;
                    digits.push('.');
                } else if n == ' '
                    && !decimal
                    && !grouped
                    && !in_phone
                    && (spaced_groups || (1..=3).contains(&digits.len()))
                    && spaced_group(after)
                {
                    // `40 000`, `1 234 567`: thousands set apart by spaces.
                    spaced_groups = true;
                } else if n == '.' && after.starts_with(|d: char| d.is_ascii_digit()) {
                    // `192.168.1.2`, `12.05.2020`: a second dot makes an address or a date.
                    dotted |= decimal;
                    decimal = true;
                    digits.push('.');
                } else {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            if dotted {
                TokenKind::Word(Cow::Borrowed(&body[start..end]))
            } else {
                TokenKind::Number {
                    value: digits.parse().unwrap_or(0.0),
                    grouped: grouped || spaced_groups,
                    decimal,
                }
            }
        } else if c.is_alphabetic() {
            while let Some(&(i, n)) = chars.peek() {
                let apostrophe = n == '\'' || n == '’';
                let after = &body[i + n.len_utf8()..];
                if !(n.is_alphabetic() || apostrophe && after.starts_with(char::is_alphabetic)) {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            // Most words are written in lower case already: no copy of them.
            let written = &body[start..end];
            let lower = written
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
            TokenKind::Word(if lower {
                Cow::Borrowed(written)
            } else {
                Cow::Owned(written.chars().flat_map(char::to_lowercase).collect())
            })
        } else {
            TokenKind::Symbol(c)
        };
        tokens.push(Token {
            range: range.start + start..range.start + end,
            capitalized: body[start..end].chars().any(char::is_uppercase),
            kind,
            attached: !spaced,
        });
        spaced = false;
    }
    tokens
}

/// Whether the digits after a comma make a thousands group (`75,000`, not
/// `5,6`), or a group of two that Indian English writes before the last
/// group of three (`12,34,567`).
fn thousands_group(after_comma: &str) -> bool {
    let digits = after_comma.bytes().take_while(u8::is_ascii_digit).count();
    digits == 3
        || digits == 2
            && after_comma[2..]
                .strip_prefix(',')
                .is_some_and(thousands_group)
}

/// Whether the digits after a comma are decimals: one or two, then no
/// letter, hyphen (`1,3-butadiene`) or further group (`22,24,26`).
fn decimal_comma(after_comma: &str) -> bool {
    let digits = after_comma.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &after_comma[digits..];
    let group_next =
        rest.starts_with([',', '.']) && rest[1..].starts_with(|d: char| d.is_ascii_digit());
    (1..=2).contains(&digits)
        && !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        && !group_next
}

/// Whether the digits after a space make a thousands group: three digits,
/// then no letter (`18 777s` are planes), and more digits only as another
/// group (`555 123 4567` is a phone number; `40 000 people` is a count).
fn spaced_group(after_space: &str) -> bool {
    let digits = after_space.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &after_space[digits..];
    let digits_next = rest.starts_with(' ') && rest[1..].starts_with(|d: char| d.is_ascii_digit());
    digits == 3
        && !rest.starts_with(char::is_alphanumeric)
        && (!digits_next || spaced_group(&rest[1..]))
}
