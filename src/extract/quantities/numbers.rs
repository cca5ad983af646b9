//! Numbers as written: digits with fractions and scales, words (`two hundred
//! and five`, `three quarters`), vague plurals and ordinals.

use super::tokens::{Token, TokenKind};
use super::{symbol_entry, QuantityFinder};

/// A number read from tokens: its value, where it ends, and for vague
/// plurals (`hundreds`, `tens of thousands`) the range they name.
pub(super) struct NumberRead {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) vague_high: Option<f64>,
    /// Ends on an ordinal word; after `number`, an ordinal in words.
    pub(super) ordinal: bool,
}

impl NumberRead {
    fn cardinal(value: f64, end: usize) -> Self {
        NumberRead {
            value,
            end,
            vague_high: None,
            ordinal: false,
        }
    }
}

/// `a`, `an` or `one` alone at `i..end`: what a singular denominator divides.
fn lone_one(tokens: &[Token], i: usize, end: usize) -> bool {
    end == i + 1 && matches!(tokens[i].word(), Some("a" | "an" | "one"))
}

/// A hyphen between number words: `twenty-five`, `one-eighth`, `fifty - two`.
fn joins_words(token: &Token) -> bool {
    token.is_symbol(&['-']) || token.attached && token.is_symbol(&['–'])
}

impl QuantityFinder<'_> {
    pub(super) fn is_number_word(&self, word: &str) -> bool {
        self.units.contains_key(word)
            || self.tens.contains_key(word)
            || self.dozens.contains_key(word)
            || matches!(
                word,
                "a" | "an" | "hundreds" | "thousands" | "millions" | "tens" | "half"
            )
    }

    /// An ordinal at token `i` written in one piece: `21st`, `3rd`, `first`.
    pub(super) fn ordinal(&self, tokens: &[Token], i: usize) -> Option<(f64, usize)> {
        let token = tokens.get(i)?;
        if let TokenKind::Number {
            value,
            grouped: false,
            decimal: false,
        } = token.kind
        {
            let suffix = tokens.get(i + 1).filter(|t| t.attached)?.word()?;
            return matches!(suffix, "st" | "nd" | "rd" | "th").then_some((value, i + 2));
        }
        self.ordinals
            .get(token.word()?)
            .map(|&value| (value, i + 1))
    }

    /// A number at token `i`: digits (`75,000`, `8.5`, `1/2`, `2½`), words
    /// (`twenty-five`, `two and a half`, `three quarters`, `a dozen`), both
    /// (`3.5 million`, `4 thousand 3 hundred`), a vague plural (`hundreds`,
    /// `tens of thousands`), an ordinal in words (`one hundred twenty-fifth`),
    /// or any of these negative (`-5`, `minus five`).
    pub(super) fn number(&self, tokens: &[Token], i: usize) -> Option<NumberRead> {
        let token = tokens.get(i)?;
        let minus_sign = token.is_symbol(&['-', '−'])
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.attached && t.is_number())
            && (i == 0
                || !token.attached
                || tokens[i - 1].is_symbol(&['(', '<', '>', '=', '≤', '≥']));
        if minus_sign || matches!(token.word(), Some("minus" | "negative")) {
            let positive = self.number(tokens, i + 1)?;
            return Some(NumberRead {
                value: -positive.value,
                ..positive
            });
        }
        let Some(word) = token.word() else {
            return self.compound(tokens, i);
        };
        if let Some(read) = self.vague(tokens, i, word) {
            return Some(read);
        }
        let read = self.compound(tokens, i)?;
        if read.ordinal {
            self.ends_on_ordinal(tokens, i, read)
        } else {
            self.over_ordinal(tokens, i, read)
        }
    }

    /// A fraction in words ending before `end`, with the scale it may take
    /// (`three quarters of a million`, `a quarter billion`).
    fn fraction(&self, tokens: &[Token], value: f64, end: usize) -> NumberRead {
        let word_at = |k: usize| tokens.get(k).and_then(Token::word);
        let of_a = word_at(end) == Some("of") && matches!(word_at(end + 1), Some("a" | "an"));
        let at = if of_a { end + 2 } else { end };
        match word_at(at).and_then(|w| self.scales.get(w)) {
            Some(&scale) => NumberRead::cardinal(value * scale, at + 1),
            None => NumberRead::cardinal(value, end),
        }
    }

    /// A number in words that ends on an ordinal word: a fraction when its
    /// first words read alone and the rest is a denominator (`twenty fifths`,
    /// `one hundred thirty-fifths`, `a hundredth`), else an ordinal
    /// (`one hundred twenty fifth`, `two millionth`); a plural that is no
    /// fraction (`twenty seconds`) keeps the number before it.
    fn ends_on_ordinal(&self, tokens: &[Token], i: usize, read: NumberRead) -> Option<NumberRead> {
        let plural = tokens[read.end - 1]
            .word()
            .is_some_and(|w| w.ends_with('s'));
        let split = (i + 1..read.end).find_map(|s| {
            let numerator = self.numerator(tokens, i, s)?;
            let (denominator, end) = self.denominator_at(tokens, s)?;
            (end == read.end).then_some((s, numerator / denominator))
        });
        match split {
            Some((_, value)) if plural => Some(self.fraction(tokens, value, read.end)),
            // `a hundredth of a second`, not `a hundredth anniversary`
            Some((s, value))
                if lone_one(tokens, i, s) && self.fraction_follows(tokens, read.end) =>
            {
                Some(self.fraction(tokens, value, read.end))
            }
            _ if plural => self.compound(&tokens[..read.end - 1], i),
            _ => Some(read),
        }
    }

    /// A number in words followed by a denominator (`three twenty-firsts`,
    /// `one - fourth`, `one one hundred fifth`), read as their fraction; a
    /// singular denominator divides only `a` or `one`.
    fn over_ordinal(&self, tokens: &[Token], i: usize, read: NumberRead) -> Option<NumberRead> {
        let lone = lone_one(tokens, i, read.end);
        let at = read.end + usize::from(tokens.get(read.end).is_some_and(joins_words));
        let fraction = self
            .denominator_at(tokens, at)
            .and_then(|(denominator, end)| {
                let word = tokens[end - 1].word()?;
                let plural = word.ends_with('s');
                // `a fifth of them`, not `a fifth term`; `a half`, `one quarter`.
                let fraction_word = self.fractions.contains_key(word);
                let divides =
                    plural || lone && (fraction_word || self.fraction_follows(tokens, end));
                divides.then(|| self.fraction(tokens, read.value / denominator, end))
            });
        // `a` alone is no number.
        let article = read.end == i + 1 && matches!(tokens[i].word(), Some("a" | "an"));
        fraction.or((!article).then_some(read))
    }

    /// The numerator of a fraction written in words at `i..s`: `a`, or a
    /// number that ends right there (before a hyphen at most), not after `and`.
    fn numerator(&self, tokens: &[Token], i: usize, s: usize) -> Option<f64> {
        if tokens[s - 1].is_word("and") || tokens[s].word().is_none() {
            return None;
        }
        if s == i + 1 && matches!(tokens[i].word(), Some("a" | "an")) {
            return Some(1.0);
        }
        let read = self.compound(&tokens[..s], i)?;
        // `five hundred-fifths`, not `ninety - five hundred fifths`
        let hyphened = read.end + 1 == s
            && joins_words(&tokens[s - 1])
            && tokens[s].word().and_then(|w| self.denominator(w)).is_some();
        let ends = read.end == s || hyphened;
        (ends && !read.ordinal).then_some(read.value)
    }

    /// A denominator at token `j`: one word (`half`, `quarters`, `fifth`,
    /// `hundredths`), or numbers ending on an ordinal (`twenty-first`,
    /// `thirty fifths`, `one thousand fifths`); its value and the token after.
    fn denominator_at(&self, tokens: &[Token], j: usize) -> Option<(f64, usize)> {
        let word = tokens.get(j)?.word()?;
        if let Some(value) = self.denominator(word) {
            return Some((value, j + 1));
        }
        if matches!(word, "a" | "an") {
            return None;
        }
        let read = self.compound(tokens, j)?;
        read.ordinal.then_some((read.value, read.end))
    }

    /// Whether a singular denominator ending before `end` is a fraction:
    /// not when a word of its own follows (`a third term`, `a twentieth birthday`).
    fn fraction_follows(&self, tokens: &[Token], end: usize) -> bool {
        tokens.get(end).and_then(Token::word).is_none_or(|w| {
            self.lexicon.stopwords.contains(w) || self.lexicon.cue_verbs.contains(w)
        })
    }

    /// An ordinal word, singular or plural (`fifth`, `fifths`), as the number it stands for.
    fn ordinal_part(&self, word: &str) -> Option<f64> {
        self.ordinals
            .get(word)
            .or_else(|| self.ordinals.get(word.strip_suffix('s')?))
            .copied()
    }

    /// One number written in parts, read like a person says it: units and
    /// tens add up (`twenty-five`), `hundred` multiplies the units before it,
    /// a scale closes a group (`two million three hundred thousand`), an
    /// ordinal word ends it as the part it stands for (`twenty-fifth`, `two
    /// hundredth`), and a share divides it (`one in five`).
    fn compound(&self, tokens: &[Token], i: usize) -> Option<NumberRead> {
        #[derive(PartialEq, Clone, Copy)]
        enum Part {
            Start,
            Unit,
            Ten,
            Hundred,
            Scale,
            Digits,
        }
        let word_at = |k: usize| tokens.get(k).and_then(Token::word);
        // Closed groups, the group under a thousand, and its units and tens.
        let (mut total, mut group, mut small) = (0.0f64, 0.0f64, 0.0f64);
        let (mut last, mut last_scale) = (Part::Start, 1.0f64);
        let (mut k, mut end) = (i, i);
        let mut ordinal = false;
        // Where the number ended before its last `and` and what it was, in
        // case a second number follows (`3 hundred and 2 hundred`).
        let mut before_and: Option<(usize, f64)> = None;
        while let Some(token) = tokens.get(k) {
            if let Some((value, next)) = self.digits_value(tokens, k) {
                // After a scale only the rest of the number: `4 thousand 3 hundred`.
                let rest = matches!(last, Part::Scale | Part::Hundred)
                    && value < 1000.0
                    && value.fract() == 0.0;
                if !(last == Part::Start || rest) {
                    break;
                }
                small += value;
                (k, end, last) = (next, next, Part::Digits);
                continue;
            }
            // `twenty-first`, `five hundred-fifths`: a hyphen before an ordinal word.
            let ordinal_next = word_at(k + 1).and_then(|w| self.ordinal_part(w));
            if joins_words(token)
                && matches!(last, Part::Ten | Part::Hundred | Part::Scale)
                && ordinal_next.is_some()
            {
                k += 1;
                continue;
            }
            let Some(word) = token.word() else { break };
            let next = word_at(k + 1);
            let mut step = 1;
            // Only words end on an ordinal: `$280 million first mortgage notes`.
            let as_ordinal = self
                .ordinal_part(word)
                .filter(|_| last != Part::Start && !tokens[i].is_number());
            let (unit, ten, hundred, scale) = match as_ordinal {
                Some(v) if v < 20.0 => (Some(v), None, false, None),
                Some(v) if v < 100.0 => (None, Some(v), false, None),
                Some(100.0) => (None, None, true, None),
                Some(v) => (None, None, false, Some(v)),
                None => (
                    self.units.get(word).copied(),
                    self.tens.get(word).copied(),
                    word == "hundred",
                    self.scales.get(word).copied(),
                ),
            };
            if let Some(value) = unit {
                // `twenty second` spaced is a duration's (`a twenty second delay`).
                let joined = k > 0 && joins_words(&tokens[k - 1]);
                let fits = match last {
                    Part::Start | Part::Hundred | Part::Scale => true,
                    Part::Ten => {
                        value > 0.0
                            && value < 10.0
                            && (as_ordinal.is_none()
                                || joined
                                || group + total > 0.0
                                || word != "second")
                    }
                    _ => false,
                };
                if !fits {
                    break;
                }
                small += value;
                last = Part::Unit;
            } else if let Some(value) = ten {
                if !matches!(last, Part::Start | Part::Hundred | Part::Scale) {
                    break;
                }
                small += value;
                last = Part::Ten;
                // `twenty-five`, `fifty - two`: the hyphen joins the unit to its ten.
                if let Some(&unit) = word_at(k + 2)
                    .filter(|_| as_ordinal.is_none() && tokens.get(k + 1).is_some_and(joins_words))
                    .and_then(|w| self.units.get(w))
                {
                    if unit > 0.0 && unit < 10.0 {
                        small += unit;
                        last = Part::Unit;
                        step = 3;
                    }
                }
            } else if matches!(word, "a" | "an") && last == Part::Start {
                let counts = next
                    .is_some_and(|n| self.scales.contains_key(n) || self.dozens.contains_key(n))
                    || self.denominator_at(tokens, k + 1).is_some();
                if !counts {
                    return None;
                }
                small = 1.0;
                last = Part::Unit;
            } else if hundred && matches!(last, Part::Unit | Part::Ten | Part::Digits) {
                if group > 0.0 {
                    // A second hundred in one group starts another number.
                    let (end, value) = before_and?;
                    return Some(NumberRead::cardinal(value, end));
                }
                group += small * 100.0;
                small = 0.0;
                last = Part::Hundred;
            } else if let Some(&dozen) = self.dozens.get(word).filter(|_| last != Part::Start) {
                small = small.max(1.0) * dozen;
                last = Part::Hundred;
            } else if let Some(scale) = scale.filter(|_| last != Part::Start) {
                if last == Part::Scale && group + small == 0.0 && scale > last_scale {
                    // `three lakh crore`, `a thousand million`: a scale of a scale.
                    total *= scale;
                    last_scale *= scale;
                } else {
                    // `0.9 trillion`; a scale alone after `hundred` or `dozen` counts one.
                    let many = if group + small == 0.0 {
                        1.0
                    } else {
                        group + small
                    };
                    total += many * scale;
                    (group, small, last, last_scale) = (0.0, 0.0, Part::Scale, scale);
                }
            } else if word == "point"
                && last != Part::Start
                && !(i > 0 && tokens[i - 1].is_word("at"))
            {
                // `five point five`, `two hundred point zero three`, `two point four million`
                let Some((decimals, mut after)) = self.decimals(tokens, k + 1) else {
                    break;
                };
                let mut value = total + group + small + decimals;
                if let Some(&scale) = word_at(after).and_then(|w| self.scales.get(w)) {
                    value *= scale;
                    after += 1;
                }
                return Some(NumberRead::cardinal(value, after));
            } else if word == "and" && last != Part::Start {
                // `two and a half`, `one hundred and three quarters`, `forty and a third`
                if let Some((fraction, after)) = self.fraction_words(tokens, k + 1) {
                    if last != Part::Scale {
                        small += fraction;
                        (k, end) = (after, after);
                        continue;
                    }
                    // `a million and a half`, `five billion and three quarters`,
                    // `one billion and a half million`: a fraction of the last scale or of a smaller one.
                    let (scale, after) = match word_at(after).and_then(|w| self.scales.get(w)) {
                        Some(&smaller) if smaller < last_scale => (smaller, after + 1),
                        _ => (last_scale, after),
                    };
                    return Some(NumberRead::cardinal(
                        total + group + small + fraction * scale,
                        after,
                    ));
                }
                // `3 hundred and 21`, not `and 0`; `one hundred and fifth`
                let digits_after = tokens.get(k + 1).is_some_and(|t| {
                    matches!(t.kind, TokenKind::Number { value, .. } if (1.0..100.0).contains(&value))
                });
                let ordinal_after = ordinal_next.is_some_and(|v| v < 100.0)
                    && matches!(last, Part::Hundred | Part::Scale);
                let more = next
                    .is_some_and(|n| self.units.contains_key(n) || self.tens.contains_key(n))
                    || digits_after && last == Part::Hundred
                    || ordinal_after;
                if !more {
                    break;
                }
                before_and = Some((end, total + group + small));
                k += 1;
                continue;
            } else if matches!(word, "half" | "quarter") && last == Part::Start {
                // `half a million`, `quarter million`, `half a dozen`
                let skip = usize::from(matches!(next, Some("a" | "an")));
                let Some(scale) = word_at(k + 1 + skip) else {
                    return self.bare_fraction(word, k);
                };
                if skip == 1 && matches!(scale, "percent" | "per") {
                    // `half a percent`
                    return Some(NumberRead::cardinal(self.fractions[word], k + 2));
                }
                let factor = match self.dozens.get(scale).or_else(|| self.scales.get(scale)) {
                    Some(&factor) => factor,
                    None => return self.bare_fraction(word, k),
                };
                total = self.fractions[word] * factor;
                k += 2 + skip;
                end = k;
                last = Part::Scale;
                continue;
            } else if matches!(word, "in" | "out")
                && matches!(last, Part::Unit | Part::Digits)
                && group == 0.0
                && total == 0.0
            {
                // `one in five`, `two out of three`: a share.
                let at = k + 1 + usize::from(word == "out" && next == Some("of"));
                if word == "out" && next != Some("of") {
                    break;
                }
                // `300 in 2008` is no share.
                let year = tokens.get(at).is_some_and(|t| {
                    matches!(t.kind, TokenKind::Number { value, grouped: false, decimal: false }
                        if (1000.0..=2100.0).contains(&value))
                });
                let Some(whole) = self
                    .compound(tokens, at)
                    .filter(|w| w.value > small && !year && !w.ordinal)
                else {
                    break;
                };
                return Some(NumberRead::cardinal(small / whole.value, whole.end));
            } else {
                break;
            }
            k += step;
            end = k;
            if as_ordinal.is_some() {
                ordinal = true;
                break;
            }
        }
        (end > i).then_some(NumberRead {
            ordinal,
            ..NumberRead::cardinal(total + group + small, end)
        })
    }

    /// `half` or `quarter` alone at token `k` (`more than half`): only
    /// an approximator makes it a quantity, which `read` sees to.
    fn bare_fraction(&self, word: &str, k: usize) -> Option<NumberRead> {
        Some(NumberRead::cardinal(self.fractions[word], k + 1))
    }

    /// A fraction under one in words at token `j`: `a half`, `one fourth`,
    /// `three quarters`, `fifty-four hundredths`; its value and the token after.
    fn fraction_words(&self, tokens: &[Token], j: usize) -> Option<(f64, usize)> {
        let (numerator, at) = match tokens.get(j)?.word()? {
            "a" | "an" => (1.0, j + 1),
            _ => self.small_number(tokens, j)?,
        };
        let word = tokens.get(at)?.word()?;
        let divisor = self.denominator(word).filter(|&d| numerator < d)?;
        Some((numerator / divisor, at + 1))
    }

    /// A number under a hundred in words at token `j` (`seven`, `fifty-four`, `twenty one`).
    fn small_number(&self, tokens: &[Token], j: usize) -> Option<(f64, usize)> {
        let word = tokens.get(j)?.word()?;
        if let Some(&unit) = self.units.get(word) {
            return Some((unit, j + 1));
        }
        let &ten = self.tens.get(word)?;
        let hyphen = usize::from(tokens.get(j + 1).is_some_and(joins_words));
        match tokens
            .get(j + 1 + hyphen)
            .and_then(Token::word)
            .and_then(|w| self.units.get(w))
        {
            Some(&unit) if unit > 0.0 && unit < 10.0 => Some((ten + unit, j + 2 + hyphen)),
            _ => Some((ten, j + 1)),
        }
    }

    /// The decimals after `point` at token `j`, said digit by digit (`zero
    /// three`, `nought four`) or as one number (`seventy-one`, `eleven`).
    fn decimals(&self, tokens: &[Token], j: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut k = j;
        while let Some(&digit) = tokens
            .get(k)
            .and_then(Token::word)
            .and_then(|w| self.units.get(w))
            .filter(|&&d| d < 10.0)
        {
            digits.push_str(&format!("{digit}"));
            k += 1;
        }
        if digits.is_empty() {
            let (value, next) = self.small_number(tokens, j)?;
            digits = format!("{value}");
            k = next;
        }
        Some((format!("0.{digits}").parse().ok()?, k))
    }

    /// A one-word denominator: a fraction word or an ordinal from `third`
    /// on, singular or plural (`half`, `quarters`, `eighths`).
    fn denominator(&self, word: &str) -> Option<f64> {
        self.fractions
            .get(word)
            .map(|f| 1.0 / f)
            .or_else(|| self.ordinal_part(word).filter(|&v| v >= 3.0))
    }

    /// `1/2`, `3/4` at token `k`: digits, a slash and digits written together.
    fn slash_fraction(&self, tokens: &[Token], k: usize) -> Option<(f64, usize)> {
        let [numerator, slash, denominator] = tokens.get(k..k + 3)? else {
            return None;
        };
        // `7/8/07` is a date.
        if tokens
            .get(k + 3)
            .is_some_and(|t| t.attached && t.is_symbol(&['/']))
        {
            return None;
        }
        let (TokenKind::Number { value: n, .. }, TokenKind::Number { value: d, .. }) =
            (&numerator.kind, &denominator.kind)
        else {
            return None;
        };
        let written_together = slash.attached && denominator.attached && slash.is_symbol(&['/']);
        (written_together && *d > 0.0 && *d < 100.0).then_some((n / d, k + 3))
    }

    /// Digits at token `k`, with a fraction after them (`1/2`, `2½`), or a
    /// fraction character alone; the value and the token after.
    fn digits_value(&self, tokens: &[Token], k: usize) -> Option<(f64, usize)> {
        let token = tokens.get(k)?;
        let vulgar = |t: &Token| match t.kind {
            TokenKind::Symbol(c) => symbol_entry(&self.vulgar, c).copied(),
            _ => None,
        };
        if let Some(fraction) = vulgar(token) {
            return Some((fraction, k + 1));
        }
        let TokenKind::Number { value, .. } = token.kind else {
            return None;
        };
        if let Some(fraction) = tokens.get(k + 1).filter(|t| t.attached).and_then(vulgar) {
            return Some((value + fraction, k + 2));
        }
        // `10 1/2`: a whole number and a fraction after it.
        if let Some((fraction, next)) = self.slash_fraction(tokens, k + 1).filter(|&(f, _)| f < 1.0)
        {
            return Some((value + fraction, next));
        }
        if let Some((fraction, next)) = self.slash_fraction(tokens, k) {
            return Some((fraction, next));
        }
        Some((value, k + 1))
    }

    /// `hundreds`, `thousands of`, `dozens`, `tens of thousands`: the range each names.
    fn vague(&self, tokens: &[Token], i: usize, word: &str) -> Option<NumberRead> {
        let plural_scale = |w: &str| -> Option<f64> {
            let singular = w.strip_suffix('s')?;
            self.scales.get(singular).copied()
        };
        if word == "dozens" {
            return Some(NumberRead {
                vague_high: Some(99.0),
                ..NumberRead::cardinal(24.0, i + 1)
            });
        }
        if word == "tens" || plural_scale(word).is_some() {
            let base = if word == "tens" {
                10.0
            } else {
                plural_scale(word)?
            };
            // `tens of thousands`, `hundreds of millions`: a multiple of the next scale.
            let next_scale = tokens
                .get(i + 1)
                .filter(|t| t.is_word("of"))
                .and_then(|_| tokens.get(i + 2)?.word())
                .and_then(plural_scale);
            let (unit, end) = match next_scale {
                Some(next) => (base * next, i + 3),
                None if word == "tens" => return None,
                None => (base, i + 1),
            };
            return Some(NumberRead {
                vague_high: Some(10.0 * unit - 1.0),
                ..NumberRead::cardinal(2.0 * unit, end)
            });
        }
        None
    }

    /// Letters written against digits that scale them (`1.2k`, `£107.8m`,
    /// `10M`): a lower-case `m` alone is a million only after a currency
    /// (`5m` is otherwise five metres), and `b` a billion after a currency or
    /// decimals (`1.2b`; `12b` is a label).
    pub(super) fn suffix_scale(
        &self,
        tokens: &[Token],
        end: usize,
        money: bool,
    ) -> Option<(f64, usize)> {
        let token = tokens.get(end)?;
        let word = token.word()?;
        let after_digits = end > 0 && tokens[end - 1].is_number();
        // `US$7.2 bn`, `10 bln`: spaced, only the suffixes no word shares.
        let spaced_ok = matches!(word, "bn" | "mln" | "bln" | "tln" | "trn")
            || money && matches!(word, "mn" | "tn");
        if !(token.attached || spaced_ok) || !after_digits {
            return None;
        }
        let factor = *self.suffixes.get(word)?;
        let decimals = matches!(
            tokens[end - 1].kind,
            TokenKind::Number { decimal: true, .. }
        );
        let ambiguous =
            matches!(word, "m" | "b" | "mm") && !token.capitalized && !(word == "b" && decimals);
        (!ambiguous || money).then_some((factor, 1))
    }
}
