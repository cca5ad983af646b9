//! Numbers and quantities: `53 prisoners`, `some 50`, `$8 billion (£6.55
//! billion)`, `70km (45 miles)`, `tens of thousands`, `3 to 5 million`,
//! `12.5%`, `a 72-year-old`, ordinals flagged as such.
//!
//! A small tokenizer splits digits from the letters written against them
//! (`70km`, `£107.8m`); then, at each token, a reader takes the longest
//! quantity it can: an approximator, a currency, a number in digits or words
//! with its scale, a range, a unit. What the number counts and the verb it
//! is about come from the words around it, so the comparison can tell which
//! numbers of two articles are about the same thing. Years, times, dates and
//! durations belong to the dates extractor; model numbers (`Boeing 737`),
//! calibres (`155mm artillery`), phone numbers and labels (`Room 101`) are
//! not quantities.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lexicon::{entries, sections, Lexicon};
use crate::report::QuantityKind;

mod numbers;
mod tokens;

use tokens::{tokenize, Token, TokenKind};

/// A quantity found in a document, in byte offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuantity {
    pub range: Range<usize>,
    pub value: f64,
    /// The upper end of a range (`3 to 5 million`, `tens of thousands`).
    pub range_end: Option<f64>,
    pub kind: QuantityKind,
    /// An ISO 4217 code, `%`, a unit code of `units.txt` (`km`, `°C`, `°`, `pt`), or
    /// `year`, `month`, `week` or `day` for ages.
    pub unit: Option<String>,
    /// The value in its dimension's base unit (`45 miles` → 72420.48 m), for comparing.
    pub base_value: Option<f64>,
    /// The approximator as written, lower case (`some`, `more than`).
    pub approx: Option<String>,
    /// The interval the phrase allows (`more than 50`: from 50, no upper end).
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// What is counted (`Ukrainian prisoners of war`), as written.
    pub counted: Option<String>,
    /// The verb the number is about (`killed`), lower case.
    pub event: Option<String>,
    /// The index of the quantity this one restates in other units (`(45 miles)`).
    pub conversion_of: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Approx {
    About,
    MoreThan,
    AtLeast,
    UpTo,
    LessThan,
    Nearly,
    JustOver,
    /// `exactly 20`, or two bounds (`above 10 and below 20`): the value or range itself.
    Bounded,
}

impl Approx {
    /// The interval an approximator allows around `low..=high`; a tenth of
    /// the value is the slack of `about` and `nearly`.
    fn interval(self, low: f64, high: f64) -> (Option<f64>, Option<f64>) {
        let (below, above) = (low - low.abs() * 0.1, high + high.abs() * 0.1);
        match self {
            Approx::About => (Some(below), Some(above)),
            Approx::MoreThan | Approx::AtLeast => (Some(low), None),
            Approx::UpTo | Approx::LessThan => (None, Some(high)),
            Approx::Nearly => (Some(below), Some(high)),
            Approx::JustOver => (Some(low), Some(above)),
            Approx::Bounded => (Some(low), Some(high)),
        }
    }
}

/// One quantity as it is read, before its context is looked at.
struct Reading {
    value: f64,
    range_end: Option<f64>,
    kind: QuantityKind,
    unit: Option<String>,
    base_value: Option<f64>,
    approx: Option<(String, Approx)>,
}

pub struct QuantityFinder<'a> {
    lexicon: &'a Lexicon,
    units: HashMap<&'static str, f64>,
    tens: HashMap<&'static str, f64>,
    scales: HashMap<&'static str, f64>,
    fractions: HashMap<&'static str, f64>,
    dozens: HashMap<&'static str, f64>,
    ordinals: HashMap<&'static str, f64>,
    suffixes: HashMap<&'static str, f64>,
    vulgar: HashMap<&'static str, f64>,
    currency_symbols: HashMap<&'static str, &'static str>,
    currency_words: HashMap<&'static str, &'static str>,
    /// Hundredths of a currency (`cents`, `pence`).
    currency_subunits: HashMap<&'static str, &'static str>,
    currency_codes: HashSet<&'static str>,
    /// Unit forms (words joined by `_`) to (code, dimension, factor to the base unit).
    measures: HashMap<&'static str, (&'static str, &'static str, f64)>,
    longest_measure: usize,
    /// Approximators by their first word, so each token looks up only its own.
    approximators: HashMap<&'static str, Vec<(Vec<&'static str>, Approx)>>,
    /// Approximators written after the number (`50 or more`, `a dozen or so`).
    approximators_after: Vec<(Vec<&'static str>, Approx)>,
    calibre_nouns: HashSet<&'static str>,
    labels: HashSet<&'static str>,
    participles: HashSet<&'static str>,
}

impl<'a> QuantityFinder<'a> {
    /// Whether a word can be what a number counts: a content word, or one of
    /// the function words that still counts (`people`, `times`).
    fn may_be_counted(&self, word: &str) -> bool {
        !self.lexicon.stopwords.contains(word)
            || self
                .lexicon
                .name_and_number_words
                .countable_function_words
                .contains(word)
    }

    pub fn new(lexicon: &'a Lexicon) -> Self {
        let numbers = sections(lexicon_file!("number_words.txt"));
        let table = |wanted: &str| -> HashMap<&'static str, f64> {
            numbers
                .iter()
                .filter(|(section, _)| *section == wanted)
                .filter_map(|(_, line)| {
                    let (word, value) = line.split_once(' ')?;
                    Some((word, value.trim().parse().ok()?))
                })
                .collect()
        };
        let mut currency_symbols = HashMap::default();
        let mut currency_words = HashMap::default();
        let mut currency_subunits = HashMap::default();
        let mut currency_codes = HashSet::default();
        for (section, line) in sections(lexicon_file!("currencies.txt")) {
            let mut fields = line.split_whitespace();
            let Some(code) = fields.next() else { continue };
            let forms = match section {
                "symbol" => &mut currency_symbols,
                "word" => &mut currency_words,
                "subunit" => &mut currency_subunits,
                _ => {
                    currency_codes.insert(code);
                    continue;
                }
            };
            forms.extend(fields.map(|form| (form, code)));
        }
        let mut measures = HashMap::default();
        for (dimension, line) in sections(lexicon_file!("units.txt")) {
            let mut fields = line.split_whitespace();
            let (Some(code), Some(factor)) = (fields.next(), fields.next()) else {
                continue;
            };
            let factor = factor.parse().unwrap_or(1.0);
            measures.extend(fields.map(|form| (form, (code, dimension, factor))));
        }
        let longest_measure = measures
            .keys()
            .map(|form| form.split('_').count())
            .max()
            .unwrap_or(1);
        let approximators_read = sections(lexicon_file!("approximators.txt"));
        let approximators_after = approximators_read
            .iter()
            .filter_map(|&(section, phrase)| {
                let approx = match section.strip_suffix("-after")? {
                    "about" => Approx::About,
                    "at-least" => Approx::AtLeast,
                    "up-to" => Approx::UpTo,
                    _ => return None,
                };
                Some((phrase.split_whitespace().collect::<Vec<_>>(), approx))
            })
            .collect();
        let approximators = approximators_read
            .into_iter()
            .filter_map(|(section, phrase)| {
                let approx = match section {
                    "about" => Approx::About,
                    "more-than" => Approx::MoreThan,
                    "at-least" => Approx::AtLeast,
                    "up-to" => Approx::UpTo,
                    "less-than" => Approx::LessThan,
                    "nearly" => Approx::Nearly,
                    "just-over" => Approx::JustOver,
                    "exactly" => Approx::Bounded,
                    _ => return None,
                };
                Some((phrase.split_whitespace().collect::<Vec<_>>(), approx))
            })
            .fold(
                HashMap::default(),
                |mut by_first: HashMap<_, Vec<_>>, (words, approx)| {
                    by_first.entry(words[0]).or_default().push((words, approx));
                    by_first
                },
            );
        let not_quantities = sections(lexicon_file!("not_quantities.txt"));
        let words_of = |wanted: &str| -> HashSet<&'static str> {
            not_quantities
                .iter()
                .filter(|(section, _)| *section == wanted)
                .map(|&(_, word)| word)
                .collect()
        };
        QuantityFinder {
            lexicon,
            units: table("unit"),
            tens: table("ten"),
            scales: table("scale").into_iter().chain(table("hundred")).collect(),
            fractions: table("fraction"),
            dozens: table("dozen"),
            ordinals: table("ordinal"),
            suffixes: table("suffix"),
            vulgar: table("vulgar"),
            currency_symbols,
            currency_words,
            currency_subunits,
            currency_codes,
            measures,
            longest_measure,
            approximators,
            approximators_after,
            calibre_nouns: words_of("calibre-nouns"),
            labels: words_of("labels"),
            participles: entries(lexicon_file!("participles.txt")).collect(),
        }
    }

    /// The quantities of the given blocks (article paragraphs), in text order.
    pub fn find(&self, text: &str, blocks: &[Range<usize>]) -> Vec<FoundQuantity> {
        let mut found: Vec<FoundQuantity> = Vec::new();
        let tokenized: Vec<Vec<Token>> = blocks
            .iter()
            .map(|block| {
                let mut tokens = tokenize(text, block.clone());
                // Digits in a web address (`?id=2024&page=3`) are no quantities.
                let addresses = web_addresses(&text[block.clone()], block.start);
                tokens.retain(|t| {
                    !addresses
                        .iter()
                        .any(|a| a.start <= t.range.start && t.range.end <= a.end)
                });
                tokens
            })
            .collect();
        // Once `Boeing 737` names a model, `the 737` elsewhere names it too.
        let models: HashSet<&str> = tokenized
            .iter()
            .flat_map(|tokens| {
                (0..tokens.len())
                    .filter(|&i| tokens[i].is_number() && self.after_maker(text, tokens, i))
                    .map(|i| &text[tokens[i].range.clone()])
                    .collect::<Vec<_>>()
            })
            .collect();
        for tokens in &tokenized {
            let tokens = tokens.as_slice();
            let mut at = 0;
            while at < tokens.len() {
                let Some((reading, end)) = self.read(text, tokens, at, &models) else {
                    at += 1;
                    continue;
                };
                let mut quantity = self.finish(text, tokens, at, end, reading);
                if let Some(previous) = found.last() {
                    if restates(text, previous, &quantity) {
                        quantity.conversion_of = Some(found.len() - 1);
                        // `more than $8 billion (£6.55 billion)`: the hedge holds for both.
                        if quantity.approx.is_none()
                            && previous.approx.is_some()
                            && previous.value != 0.0
                        {
                            let scale = quantity.value / previous.value;
                            quantity.approx.clone_from(&previous.approx);
                            quantity.min = previous.min.map(|m| tidy(m * scale));
                            quantity.max = previous.max.map(|m| tidy(m * scale));
                        }
                    }
                }
                found.push(quantity);
                at = end;
            }
        }
        found
    }

    /// The quantity starting at token `at`, and the token after it.
    fn read(
        &self,
        text: &str,
        tokens: &[Token],
        at: usize,
        models: &HashSet<&str>,
    ) -> Option<(Reading, usize)> {
        let approx = self.approximator(tokens, at);
        let mut i = at + approx.as_ref().map_or(0, |(_, _, len)| *len);
        let currency = self.currency_before(text, tokens, i).map(|(code, len)| {
            i += len;
            code
        });
        let number = self.number(tokens, i);
        // `21st`, `first`, `one hundred twenty-fifth`
        let ordinal = self.ordinal(tokens, i).or_else(|| {
            let read = number.as_ref().filter(|n| n.ordinal)?;
            Some((read.value, read.end))
        });
        if let Some((value, end)) = ordinal.filter(|_| currency.is_none()) {
            let reading = Reading {
                value,
                range_end: None,
                kind: QuantityKind::Ordinal,
                unit: None,
                base_value: None,
                approx: None,
            };
            return (approx.is_none()).then_some((reading, end));
        }
        let number = number.filter(|n| !n.ordinal)?;
        let digits = tokens[i].is_number();
        let code_scale = if currency.is_some() && i > 0 {
            self.code_scale(text, &tokens[i - 1])
        } else {
            1.0
        };
        // `SCP-173m`, `A380`: digits written against a name are part of it
        // (against a function word they are a slip of the keyboard: `and1.45%`).
        // `102x127mm` are two sides and `Stories97%` a share that lost its space.
        let sides = i > 1 && tokens[i - 1].is_word("x") && tokens[i - 2].is_number();
        let share = tokens.get(number.end).is_some_and(|t| t.is_symbol(&['%']));
        let glued_to_name =
            digits && currency.is_none() && !sides && !share && i > 0 && tokens[i].attached && {
                let previous = &tokens[i - 1];
                previous
                    .word()
                    .is_some_and(|w| !self.lexicon.stopwords.contains(w))
                    || previous.is_symbol(&['-'])
                        && previous.attached
                        && i > 1
                        && (tokens[i - 2].word().is_some()
                            || tokens[i - 2].is_number() && tokens[i - 2].attached)
            };
        // `in the quarter`, `half the town`, `one negative quarter`: a
        // fraction alone needs an approximator.
        let signed = usize::from(matches!(tokens[i].word(), Some("minus" | "negative")));
        let bare_fraction = !digits
            && number.end == i + 1 + signed
            && matches!(tokens[i + signed].word(), Some("half" | "quarter"));
        if glued_to_name || bare_fraction && approx.is_none() {
            return None;
        }
        let (mut value, mut end) = (number.value * code_scale, number.end);
        if let Some((factor, len)) = self.suffix_scale(tokens, end, currency.is_some()) {
            value *= factor;
            end += len;
        }
        let mut range_end = number.vague_high;
        if range_end.is_none() {
            let between = at > 0 && matches!(tokens[at - 1].word(), Some("between" | "from"));
            if let Some((high, next)) = self.range_end(tokens, end, between, currency.is_some()) {
                // `3 to 5 million`: a scale written once applies to both ends
                // (not to digits alone: `from 200 to 3000000`).
                let high_scaled = tokens[end..next].iter().any(|t| {
                    t.word().is_some_and(|w| {
                        self.scales.contains_key(w) || self.suffixes.contains_key(w)
                    })
                });
                if high > value * 100.0 && high_scaled && !digits_scaled(tokens, i, end) {
                    value *= scale_of(high);
                }
                if high > value {
                    range_end = Some(high);
                    end = next;
                }
            }
        }
        let mut reading = Reading {
            value,
            range_end,
            kind: if currency.is_some() {
                QuantityKind::Money
            } else {
                QuantityKind::Count
            },
            unit: currency.map(str::to_string),
            base_value: None,
            approx: approx.map(|(written, a, _)| (written, a)),
        };
        end += self.unit_after(text, tokens, end, &mut reading)?;
        if reading.approx.is_none() {
            if let Some((written, approx, len)) = self.approximator_after(tokens, end) {
                reading.approx = Some((written, approx));
                end += len;
            }
        }
        // `above 1000 and below 1500`, `more than 5% but less than 10%`
        let lower_bound = matches!(
            reading.approx,
            Some((_, Approx::MoreThan | Approx::AtLeast))
        );
        if lower_bound
            && reading.range_end.is_none()
            && matches!(reading.kind, QuantityKind::Count | QuantityKind::Percent)
        {
            let percent = reading.kind == QuantityKind::Percent;
            if let Some((written, high, next)) = self
                .upper_bound(tokens, end, percent)
                .filter(|&(_, high, _)| high > reading.value)
            {
                let lower = reading.approx.take().map(|(w, _)| w).unwrap_or_default();
                reading.approx = Some((format!("{lower} … {written}"), Approx::Bounded));
                reading.range_end = Some(high);
                end = next;
            }
        }
        // `aged 70`, `at age 70`, `the age of 70`
        let of_age = at > 1 && tokens[at - 1].is_word("of") && tokens[at - 2].is_word("age");
        if reading.kind == QuantityKind::Count
            && at > 0
            && (tokens[at - 1].is_word("aged") || tokens[at - 1].is_word("age") || of_age)
        {
            reading.kind = QuantityKind::Age;
            reading.unit = Some("year".to_string());
        }
        // `the Ford Five Hundred`, `the Big Three`: number words in a name.
        let in_name = !digits
            && tokens[i].capitalized
            && i > 0
            && tokens[i - 1].capitalized
            && tokens[i - 1]
                .word()
                .is_some_and(|w| !self.lexicon.stopwords.contains(w))
            && !(i > 1 && tokens[i - 2].is_symbol(&['.', '!', '?', ':']))
            && !tokens
                .get(end)
                .is_some_and(|t| t.capitalized && t.word().is_some());
        if in_name && currency.is_none() {
            return None;
        }
        // `one of them`, `came to naught`
        let lone = !digits
            && end == i + 1
            && (reading.value == 1.0 || matches!(tokens[i].word(), Some("nought" | "naught")));
        // `a 27-year contract`, `a 12-hour flight`: durations, which are dates.
        let hyphen_time = tokens
            .get(end)
            .is_some_and(|t| t.attached && t.is_symbol(&['-']))
            && tokens
                .get(end + 1)
                .and_then(Token::word)
                .is_some_and(|w| self.lexicon.name_and_number_words.time_units.contains(w));
        let counted_as_time = reading.kind == QuantityKind::Count
            && (hyphen_time
                || tokens
                    .get(end)
                    .and_then(Token::word)
                    .is_some_and(|w| self.lexicon.name_and_number_words.time_units.contains(w)));
        // `1000-5000`, `over 2000 people`: a range beyond the years, or a
        // bound before what it counts, is no year (`at least 2015` is one).
        let counts_something = tokens.get(end).and_then(Token::word).is_some_and(|w| {
            self.may_be_counted(w)
                && !self.lexicon.months.contains_key(w)
                && !self.lexicon.is_time_word(w)
        });
        let two_bounds =
            reading.range_end.is_some() && matches!(reading.approx, Some((_, Approx::Bounded)));
        let year_free = reading.range_end.is_some_and(|high| high > 2100.0)
            || two_bounds
            || counts_something
                && reading
                    .approx
                    .as_ref()
                    .is_some_and(|(_, a)| *a != Approx::About);
        if counted_as_time
            || (reading.kind == QuantityKind::Count
                && digits
                && (self.names_something(text, tokens, i, end, year_free)
                    || models.contains(&text[tokens[i].range.clone()])))
            || (lone && reading.approx.is_none())
        {
            return None; // a duration, a year, a label or model number, or `one of them`
        }
        // Hundreds of digits overflow to infinity, which JSON cannot carry.
        let finite = [Some(reading.value), reading.range_end, reading.base_value]
            .into_iter()
            .flatten()
            .all(f64::is_finite);
        finite.then_some((reading, end))
    }

    /// What follows the number: a percent, a currency, an age or a unit of
    /// measure. Returns how many tokens it takes, or `None` when the number
    /// turns out to name a calibre.
    fn unit_after(
        &self,
        text: &str,
        tokens: &[Token],
        end: usize,
        reading: &mut Reading,
    ) -> Option<usize> {
        if let Some(len) = percent(tokens, end) {
            reading.kind = QuantityKind::Percent;
            reading.unit = Some("%".to_string());
            return Some(len);
        }
        if let Some(&code) = tokens
            .get(end)
            .and_then(Token::word)
            .and_then(|w| self.currency_subunits.get(w))
        {
            if reading.unit.is_none() {
                reading.value /= 100.0;
                reading.unit = Some(code.to_string());
                reading.kind = QuantityKind::Money;
                return Some(1);
            }
        }
        // `3.5-inch`, `10-gallon`, `one-yen`: a unit joined by a hyphen.
        let hyphen = tokens
            .get(end)
            .is_some_and(|t| t.attached && t.is_symbol(&['-']))
            && tokens
                .get(end + 1)
                .is_some_and(|t| t.attached && t.word().is_some());
        if hyphen && reading.unit.is_none() {
            // `a 12-cent dividend`
            if let Some(&code) = tokens[end + 1]
                .word()
                .and_then(|w| self.currency_subunits.get(w))
            {
                reading.value /= 100.0;
                reading.unit = Some(code.to_string());
                reading.kind = QuantityKind::Money;
                return Some(2);
            }
        }
        if hyphen {
            let joined = self
                .currency_after(text, tokens, end + 1)
                .map(|(code, len)| (Some(code), len));
            // A letter alone is no hyphenated unit (`Form 1098-T`).
            let letter = tokens[end + 1].word().is_some_and(|w| {
                self.lexicon
                    .name_and_number_words
                    .attached_only_units
                    .contains(w)
            });
            let measured = || {
                self.measure(tokens, end + 1)
                    .filter(|_| !letter)
                    .map(|(_, _, _, len)| (None, len))
            };
            if let Some((code, len)) = joined.or_else(measured) {
                if let Some(code) = code.filter(|_| reading.unit.is_none()) {
                    reading.unit = Some(code.to_string());
                    reading.kind = QuantityKind::Money;
                    return Some(len + 1);
                }
                if code.is_none() {
                    return self
                        .unit_after(text, tokens, end + 1, reading)
                        .map(|n| n + 1);
                }
            }
        }
        if reading.kind == QuantityKind::Money {
            // The currency came first (`$20`), and may be named again
            // (`$249 USD`, `$9.99 US dollars`, `$5 Australian dollars`).
            let named = tokens
                .get(end)
                .is_some_and(|t| !matches!(t.kind, TokenKind::Symbol(_)));
            let Some((code, len)) = self.currency_after(text, tokens, end).filter(|_| named) else {
                return Some(0);
            };
            let dollars = tokens[end..end + len]
                .iter()
                .any(|t| t.word().is_some_and(|w| w.starts_with("dollar")));
            let same = reading.unit.as_deref() == Some(code);
            if same || dollars && reading.unit.as_deref() == Some("USD") {
                reading.unit = Some(code.to_string());
                return Some(len);
            }
            return Some(0);
        }
        // `billions of dollars`, `millions of pounds`
        let of = usize::from(
            tokens.get(end).is_some_and(|t| t.is_word("of")) && reading.range_end.is_some(),
        );
        let currency = self
            .currency_after(text, tokens, end + of)
            .filter(|_| !self.pounds_of_weight(tokens, end, reading.value));
        if let Some((code, len)) = currency {
            reading.unit = Some(code.to_string());
            reading.kind = QuantityKind::Money;
            reading.value *= self.code_scale(text, &tokens[end + of]);
            let mut len = of + len;
            // `75 USD million`
            if let Some(&scale) = tokens
                .get(end + len)
                .and_then(Token::word)
                .and_then(|w| self.scales.get(w))
            {
                reading.value *= scale;
                len += 1;
            } else if let Some((cents, more)) = self.cents_after(tokens, end + len) {
                reading.value += cents;
                len += more;
            }
            return Some(len);
        }
        if let Some((len, unit)) = age(tokens, end) {
            reading.kind = QuantityKind::Age;
            reading.unit = Some(unit.to_string());
            return Some(len);
        }
        if let Some((code, dimension, factor, len)) = self.measure(tokens, end) {
            let calibre = dimension == "length"
                && factor < 0.1
                && tokens[end + len..]
                    .iter()
                    .take(2)
                    .any(|t| t.word().is_some_and(|w| self.calibre_nouns.contains(w)));
            if calibre {
                return None;
            }
            let mut len = len;
            // `5 ft 2 in`, `6 feet and 1 inch`, `8lb 6oz`
            if let Some((part, more)) = self.smaller_part(tokens, end + len, code) {
                reading.value += part;
                len += more;
            }
            reading.kind = QuantityKind::Measure;
            reading.unit = Some(code.to_string());
            reading.base_value = Some(reading.value * factor);
            return Some(len);
        }
        Some(0)
    }

    /// Whether `pounds` after the number at `end` weigh: a word of weight
    /// shortly before (`weighs 25 pounds`, `lost 25 pounds`) and a value no
    /// budget would be.
    fn pounds_of_weight(&self, tokens: &[Token], end: usize, value: f64) -> bool {
        let pounds = tokens
            .get(end)
            .is_some_and(|t| t.is_word("pounds") || t.is_word("pound"));
        let weighing = |w: &str| {
            matches!(
                w,
                "weigh"
                    | "weighs"
                    | "weighed"
                    | "weighing"
                    | "weight"
                    | "heavy"
                    | "heavier"
                    | "lighter"
                    | "lose"
                    | "lost"
                    | "losing"
                    | "drop"
                    | "dropped"
                    | "gain"
                    | "gained"
                    | "shed"
            )
        };
        pounds
            && value < 10_000.0
            && tokens[end.saturating_sub(6)..end]
                .iter()
                .filter_map(Token::word)
                .any(weighing)
    }

    /// The hundredths after a currency named after its number (`3 dollars
    /// 50 cents`, `thirteen dollars and forty-five cents`, `15 dollars 50.`):
    /// their value in the currency and their length in tokens.
    fn cents_after(&self, tokens: &[Token], j: usize) -> Option<(f64, usize)> {
        let and = usize::from(tokens.get(j).is_some_and(|t| t.is_word("and")));
        let cents = self.number(tokens, j + and)?;
        let whole = cents.value.fract() == 0.0 && (1.0..100.0).contains(&cents.value);
        if !whole || cents.vague_high.is_some() {
            return None;
        }
        let next = tokens.get(cents.end);
        if next
            .and_then(Token::word)
            .is_some_and(|w| self.currency_subunits.contains_key(w))
        {
            return Some((cents.value / 100.0, cents.end + 1 - j));
        }
        let closes = next.is_none_or(|t| t.is_symbol(&['.', ',', ';', '!', '?', ')']));
        closes.then(|| (cents.value / 100.0, cents.end - j))
    }

    /// The smaller unit after feet or pounds of weight (`2 in`, `and 6
    /// ounces`) at token `j`, in the larger unit, and its length in tokens.
    fn smaller_part(&self, tokens: &[Token], j: usize, code: &str) -> Option<(f64, usize)> {
        let (smaller, per) = match code {
            "ft" => ("in", 12.0),
            "lb" => ("oz", 16.0),
            _ => return None,
        };
        let and = usize::from(tokens.get(j).is_some_and(|t| t.is_word("and")));
        let part = self.number(tokens, j + and)?;
        if part.vague_high.is_some() || !(0.0..per).contains(&part.value) {
            return None;
        }
        let unit = tokens.get(part.end)?;
        let named = unit.word() == Some(smaller)
            || self
                .measure(tokens, part.end)
                .is_some_and(|(c, _, _, len)| c == smaller && len == 1);
        named.then(|| (part.value / per, part.end + 1 - j))
    }

    /// The approximator starting at token `at`, as written, and its length.
    fn approximator(&self, tokens: &[Token], at: usize) -> Option<(String, Approx, usize)> {
        if let Some(found) = comparison_sign(tokens, at) {
            return Some(found);
        }
        self.approximators
            .get(tokens.get(at)?.word()?)?
            .iter()
            .filter(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| tokens.get(at + k).is_some_and(|t| t.is_word(w)))
            })
            .max_by_key(|(words, _)| words.len())
            .map(|(words, approx)| (words.join(" "), *approx, words.len()))
            // An approximator only counts before a number.
            .filter(|(_, _, len)| {
                let letters_currency = tokens
                    .get(at + len + 1)
                    .is_some_and(|t| t.attached && t.is_symbol(&['$']));
                letters_currency
                    || tokens.get(at + len).is_some_and(|t| {
                        t.is_number()
                            || t.is_symbol(&['$', '£', '€', '¥'])
                            || t.word().is_some_and(|w| self.is_number_word(w))
                    })
            })
    }

    /// An approximator after the number ending at `end` (`or more`, `or
    /// fewer`, `or so`), as written, and its length; not before `than` and a
    /// number (`200 or more than 190` compares with the next one).
    fn approximator_after(&self, tokens: &[Token], end: usize) -> Option<(String, Approx, usize)> {
        self.approximators_after
            .iter()
            .filter(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| tokens.get(end + k).is_some_and(|t| t.is_word(w)))
                    && !(tokens
                        .get(end + words.len())
                        .is_some_and(|t| t.is_word("than"))
                        && self.number(tokens, end + words.len() + 1).is_some())
            })
            .max_by_key(|(words, _)| words.len())
            .map(|(words, approx)| (words.join(" "), *approx, words.len()))
    }

    /// An upper bound after a lower one ending at `end` (`and below 1500`,
    /// `but less than 10%`, `, lower or equal than three hundred`): its
    /// approximator as written, its value and the token after it.
    fn upper_bound(
        &self,
        tokens: &[Token],
        end: usize,
        percent_unit: bool,
    ) -> Option<(String, f64, usize)> {
        let joiner = tokens.get(end)?;
        if !(joiner.is_word("and") || joiner.is_word("but") || joiner.is_symbol(&[','])) {
            return None;
        }
        let (written, approx, len) = self.approximator(tokens, end + 1)?;
        if !matches!(approx, Approx::UpTo | Approx::LessThan) {
            return None;
        }
        let high = self
            .number(tokens, end + 1 + len)
            .filter(|n| !n.ordinal && n.vague_high.is_none())?;
        let unit = if percent_unit {
            percent(tokens, high.end)?
        } else {
            0
        };
        Some((written, high.value, high.end + unit))
    }

    /// A currency written before the number (`$`, `US$`, `£`, `USD`).
    fn currency_before(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
    ) -> Option<(&'static str, usize)> {
        let first = tokens.get(i)?;
        let number_at = |k: usize| tokens.get(i + k).is_some_and(Token::is_number);
        if let (TokenKind::Word(w), Some(next)) = (&first.kind, tokens.get(i + 1)) {
            // `US$`, `C$`, `HK$`, `NZD$`: letters written against the symbol,
            // or before it with a space where they are no word (`HK $`, not `a $`
            // nor the `s` of a possessive written apart).
            let prefix =
                || next.attached || w == "us" || w != "s" && !self.lexicon.stopwords.contains(&**w);
            if next.is_symbol(&['$']) && number_at(2) && prefix() {
                let form = format!("{w}$");
                let code = self.currency_symbols.get(form.as_str()).or_else(|| {
                    let upper = w.to_uppercase();
                    self.currency_codes.get(upper.as_str())
                });
                if let Some(&code) = code {
                    return Some((code, 2));
                }
            }
            let written = &text[first.range.clone()];
            if let Some((code, _)) = number_at(1).then(|| self.code(written)).flatten() {
                return Some((code, 1));
            }
        }
        if let TokenKind::Symbol(c) = first.kind {
            let code = symbol_entry(&self.currency_symbols, c)?;
            if number_at(1)
                || tokens
                    .get(i + 1)
                    .and_then(Token::word)
                    .is_some_and(|w| self.is_number_word(w))
            {
                return Some((code, 1));
            }
        }
        None
    }

    /// An ISO code as written, in capitals, and the scale an `M` before it
    /// gives (`MUSD 30`, `120 MEUR`: millions, as finance writes them).
    fn code(&self, written: &str) -> Option<(&'static str, f64)> {
        if let Some(&code) = self.currency_codes.get(written) {
            return Some((code, 1.0));
        }
        let code = written.strip_prefix('M').filter(|c| c.len() == 3)?;
        self.currency_codes.get(code).map(|&code| (code, 1e6))
    }

    /// The scale of the code written at `token` (`MUSD`), else one.
    fn code_scale(&self, text: &str, token: &Token) -> f64 {
        self.code(&text[token.range.clone()])
            .map_or(1.0, |(_, scale)| scale)
    }

    /// A currency written after the number (`dollars`, `US dollars`, `USD`).
    fn currency_after(
        &self,
        text: &str,
        tokens: &[Token],
        end: usize,
    ) -> Option<(&'static str, usize)> {
        let token = tokens.get(end)?;
        let written = &text[token.range.clone()];
        if let Some((code, _)) = self.code(written) {
            return Some((code, 1));
        }
        // `10 €`, as European style writes it.
        if let TokenKind::Symbol(c) = token.kind {
            return symbol_entry(&self.currency_symbols, c).map(|&code| (code, 1));
        }
        let word = token.word()?;
        // `Australian dollars`, `Swiss francs`: a qualifier that names another currency.
        if let Some(next) = tokens.get(end + 1).and_then(Token::word) {
            if let Some(&code) = self.currency_words.get(format!("{word}_{next}").as_str()) {
                return Some((code, 2));
            }
        }
        self.currency_words.get(word).map(|&code| (code, 1))
    }

    /// The upper end of a range after the number ending at `end`: `to 5`,
    /// `-5`, `and 30` after `between`; `money` when a currency came first.
    fn range_end(
        &self,
        tokens: &[Token],
        end: usize,
        between: bool,
        money: bool,
    ) -> Option<(f64, usize)> {
        let joiner = tokens.get(end)?;
        let joins = joiner.is_word("to")
            || joiner.is_word("through")
            || (joiner.is_symbol(&['-', '–'])
                && tokens.get(end + 1).is_some_and(|t| t.is_number()))
            || (between && joiner.is_word("and"));
        if !joins {
            return None;
        }
        let mut at = end + 1;
        // `$3 to $5 million`
        if tokens
            .get(at)
            .is_some_and(|t| t.is_symbol(&['$', '£', '€']))
        {
            at += 1;
        }
        let high = self.number(tokens, at)?;
        let mut value = high.value;
        let mut next = high.end;
        // `$3 to $5m`; after a number alone `4-8m` are metres.
        let money = money
            || tokens[end + 1..next]
                .iter()
                .any(|t| t.is_symbol(&['$', '£', '€']));
        if let Some((factor, len)) = self.suffix_scale(tokens, next, money) {
            value *= factor;
            next += len;
        }
        Some((value, next))
    }

    /// A unit of measure after the number: the longest form that matches,
    /// words joined by `_` (`square kilometres`), `km/h`, `°C`.
    fn measure(
        &self,
        tokens: &[Token],
        end: usize,
    ) -> Option<(&'static str, &'static str, f64, usize)> {
        if let Some(found) = self.glued_measure(tokens, end) {
            return Some(found);
        }
        for len in (1..=self.longest_measure).rev() {
            let Some(parts) = tokens.get(end..end + len) else {
                continue;
            };
            let Some(words) = parts.iter().map(Token::word).collect::<Option<Vec<_>>>() else {
                continue;
            };
            let form = words.join("_");
            let Some(&(code, dimension, factor)) = self.measures.get(form.as_str()) else {
                continue;
            };
            let spaced_ok = parts[0].capitalized && matches!(form.as_str(), "mb" | "gb");
            let one_letter = len == 1
                && self
                    .lexicon
                    .name_and_number_words
                    .attached_only_units
                    .contains(form.as_str());
            // `3G` is a generation, not three grams.
            let generation = form == "g" && parts[0].capitalized;
            let after = tokens.get(end + len).filter(|t| t.attached);
            // `190km2`, `50 m³`: a power written against the unit.
            let power = after.and_then(|t| match t.kind {
                TokenKind::Number {
                    value,
                    grouped: false,
                    decimal: false,
                } if t.range.len() == 1 && (value == 2.0 || value == 3.0) => {
                    Some(if value == 2.0 { '2' } else { '3' })
                }
                TokenKind::Symbol(c @ ('²' | '³')) => Some(c),
                _ => None,
            });
            if one_letter && !parts[0].attached && !spaced_ok && power.is_none() || generation {
                continue;
            }
            if let Some(&(code, dimension, factor)) =
                power.and_then(|p| self.measures.get(format!("{form}{p}").as_str()))
            {
                return Some((code, dimension, factor, len + 1));
            }
            // `24703L202`, `14t-dq600`: digits on both sides of the letters make a code.
            let coded = after.is_some_and(|t| t.is_symbol(&['-']))
                && tokens
                    .get(end + len + 1)
                    .is_some_and(|t| t.attached && t.word().is_some())
                && tokens
                    .get(end + len + 2)
                    .is_some_and(|t| t.attached && t.is_number());
            if after.is_some_and(Token::is_number) || coded {
                return None;
            }
            return Some((code, dimension, factor, len));
        }
        None
    }

    /// A unit with symbols inside its form after the number: `km/h`,
    /// `°C`, or a degree alone (`85°`).
    fn glued_measure(
        &self,
        tokens: &[Token],
        end: usize,
    ) -> Option<(&'static str, &'static str, f64, usize)> {
        let with_len = |form: &str, len: usize| {
            self.measures
                .get(form)
                .map(|&(code, dimension, factor)| (code, dimension, factor, len))
        };
        match (
            &tokens.get(end)?.kind,
            tokens.get(end + 1),
            tokens.get(end + 2),
        ) {
            (TokenKind::Word(a), Some(slash), Some(b)) if slash.is_symbol(&['/']) => {
                with_len(&format!("{a}/{}", b.word()?), 3)
            }
            (TokenKind::Symbol('°'), next, _) => next
                .and_then(Token::word)
                .and_then(|scale| with_len(&format!("°{scale}"), 2))
                .or_else(|| with_len("°", 1)),
            _ => None,
        }
    }

    /// Whether digits at `i..end`, read as a count, name something else: a
    /// year, a time, a day of a month, a phone number, a label (`Room 101`)
    /// or a model (`Boeing 737`, `A380`, `COVID-19`).
    fn names_something(
        &self,
        text: &str,
        tokens: &[Token],
        i: usize,
        end: usize,
        year_free: bool,
    ) -> bool {
        let token = &tokens[i];
        let TokenKind::Number {
            value,
            grouped,
            decimal,
        } = token.kind
        else {
            return false;
        };
        let previous = i.checked_sub(1).map(|p| &tokens[p]);
        let next = tokens.get(end);
        let is_month = |t: Option<&Token>| {
            t.and_then(Token::word)
                .is_some_and(|w| self.lexicon.months.contains_key(w.trim_end_matches('.')))
        };
        let plain = !grouped && !decimal;
        let year = plain
            && !year_free
            && (1000.0..=2100.0).contains(&value)
            && !next.and_then(Token::word).is_some_and(|w| {
                w.len() > 3 && w.ends_with('s') && !self.lexicon.stopwords.contains(w)
            });
        let time = next.is_some_and(|t| {
            t.is_symbol(&[':']) && tokens.get(end + 1).is_some_and(Token::is_number)
        }) || next.and_then(Token::word).is_some_and(|w| {
            matches!(w, "am" | "pm" | "gmt" | "utc" | "bst" | "est" | "edt")
                // `10 a.m.`, not `15 a year` or `24 A320s`
                || matches!(w, "a" | "p")
                    && tokens
                        .get(end + 1)
                        .is_some_and(|t| t.attached && t.is_symbol(&['.']))
                    && tokens.get(end + 2).is_some_and(|t| t.is_word("m"))
        }) || previous.is_some_and(|t| t.is_symbol(&[':']));
        let day_of_month = plain
            && value <= 31.0
            && (is_month(previous)
                || is_month(next)
                || is_month(tokens.get(end + 1)).then_some(()).is_some()
                    && next.is_some_and(|t| t.is_word("of")));
        let phone = previous.is_some_and(|t| t.is_symbol(&['+'])) || in_digit_run(tokens, i);
        // `since '82`: two digits after an apostrophe are a year.
        let short_year = plain
            && token.range.len() == 2
            && token.attached
            && previous.is_some_and(|p| p.is_symbol(&['\'', '’']))
            && (i < 2 || !tokens[i - 1].attached);
        // `7/8/07`: what a fraction did not take, beside a slash, is part of a date.
        let slashed = previous.is_some_and(|p| p.is_symbol(&['/']) && token.attached)
            || next.is_some_and(|n| n.is_symbol(&['/']) && n.attached);
        // `>=30` is a bound, `width=32` a setting.
        let bound = i > 1 && tokens[i - 2].is_symbol(&['<', '>']);
        // `22,24,26`: a list, each number after a comma.
        let listed = i > 1 && tokens[i - 2].is_number();
        let written_against = previous.is_some_and(|p| {
            let opens = p.is_symbol(&[
                '(', '[', '"', '“', '‘', '\'', '>', '<', '≥', '≤', '$', '£', '€',
            ]) || listed && p.is_symbol(&[',']);
            token.attached && !opens && !(bound && p.is_symbol(&['=']))
        }) || next.is_some_and(|n| n.attached && n.word().is_some());
        let hyphenated_name = previous.is_some_and(|p| p.is_symbol(&['-']) && token.attached)
            && i >= 2
            && tokens[i - 2].word().is_some()
            && tokens[i - 1].attached;
        // `Room 101`, `No. 1`
        let label_word = match previous {
            Some(p) if p.is_symbol(&['.']) => i.checked_sub(2).and_then(|k| tokens[k].word()),
            _ => previous.and_then(Token::word),
        };
        let label = label_word.is_some_and(|w| self.labels.contains(w));
        // `737-800`, `777-200LR`: a model's variant.
        let variant = next.is_some_and(|n| n.attached && n.is_symbol(&['-']))
            && tokens
                .get(end + 1)
                .is_some_and(|t| t.attached && t.is_number())
            && tokens
                .get(end + 2)
                .is_none_or(|t| !t.attached || t.word().is_some());
        let model = self.after_maker(text, tokens, i) || variant && value >= 100.0;
        year || time
            || short_year
            || day_of_month
            || phone
            || slashed
            || written_against
            || hyphenated_name
            || label
            || model
    }

    /// Whether the number at `i` follows a maker's name (`Boeing 737`,
    /// `iPhone 11`); a place is no maker (`gave Ukraine 16 systems`).
    fn after_maker(&self, text: &str, tokens: &[Token], i: usize) -> bool {
        let Some(previous) = i.checked_sub(1).map(|p| &tokens[p]) else {
            return false;
        };
        let sentence_start = i < 2 || tokens[i - 2].is_symbol(&['.', '!', '?', ':', '“', '"']);
        previous.capitalized
            && previous.word().is_some_and(|w| {
                !self.lexicon.is_time_word(w) && !self.lexicon.stopwords.contains(w)
            })
            && !self.is_place(&text[previous.range.clone()])
            && !sentence_start
    }

    fn is_place(&self, written: &str) -> bool {
        self.lexicon.places.contains(written)
    }

    /// The quantity's context: what it counts, the verb it is about, its
    /// span and its interval.
    fn finish(
        &self,
        text: &str,
        tokens: &[Token],
        at: usize,
        end: usize,
        reading: Reading,
    ) -> FoundQuantity {
        // A measure or a share has no count noun: `two metres deep`, `12% higher`.
        let counted = match reading.kind {
            QuantityKind::Measure | QuantityKind::Percent => None,
            _ => self.counted(text, tokens, end),
        };
        let after_counted = counted.as_ref().map_or(end, |(_, next)| *next);
        let event = self.event(tokens, at, after_counted);
        let high = reading.range_end.unwrap_or(reading.value);
        let (min, max) = match &reading.approx {
            Some((_, approx)) => approx.interval(reading.value, high),
            None => (Some(reading.value), Some(high)),
        };
        // Whole things come in whole numbers: `some 12 people` is 11 to 13.
        let whole = reading.kind == QuantityKind::Count && reading.value.fract() == 0.0;
        let (min, max) = if whole {
            (min.map(|m| tidy(m).ceil()), max.map(|m| tidy(m).floor()))
        } else {
            (min.map(tidy), max.map(tidy))
        };
        // `between 3 and 5 million` is one phrase.
        let between = reading.range_end.is_some() && at > 0 && tokens[at - 1].is_word("between");
        let first = if between { at - 1 } else { at };
        let range = tokens[first].range.start..tokens[end - 1].range.end;
        FoundQuantity {
            range,
            value: reading.value,
            range_end: reading.range_end,
            kind: reading.kind,
            unit: reading.unit,
            base_value: reading.base_value,
            approx: reading.approx.map(|(written, _)| written),
            min,
            max,
            counted: counted.map(|(phrase, _)| phrase),
            event,
            conversion_of: None,
        }
    }

    /// The noun phrase after a quantity: up to four content words, `of` and
    /// one more (`prisoners of war`), and the token after it.
    fn counted(&self, text: &str, tokens: &[Token], end: usize) -> Option<(String, usize)> {
        let mut at = end;
        // `dollars worth of arms`
        if tokens.get(at).is_some_and(|t| t.is_word("worth")) {
            at += 1;
        }
        // `thousands of people`, `millions of dollars`
        if tokens.get(at).is_some_and(|t| t.is_word("of")) {
            at += 1;
        }
        let content = |t: &Token| {
            t.word().is_some_and(|w| {
                self.may_be_counted(w)
                    && !self.lexicon.cue_verbs.contains(w)
                    && !self.participles.contains(w)
                    && (t.capitalized || !w.ends_with("ed") && !w.ends_with("ly"))
            })
        };
        let first = at;
        let mut last = None;
        while at < tokens.len() && at - first < 6 {
            let token = &tokens[at];
            if content(token) {
                last = Some(at);
            } else if token.is_symbol(&['-'])
                && token.attached
                && tokens.get(at + 1).is_some_and(content)
            {
                // `pro-Russian`
            } else if token.is_word("of")
                && last.is_some()
                && tokens.get(at + 1).is_some_and(content)
            {
                last = Some(at + 1);
                break;
            } else {
                break;
            }
            at += 1;
        }
        let last = last?;
        let phrase = text[tokens[first].range.start..tokens[last].range.end].to_string();
        Some((phrase, last + 1))
    }

    /// The verb the quantity is about: a participle or past tense soon after
    /// what it counts (`were killed`), or just before the number (`killing 53`).
    fn event(&self, tokens: &[Token], at: usize, after: usize) -> Option<String> {
        let is_event = |w: &str| {
            self.participles.contains(w)
                || (w.len() > 4 && w.ends_with("ed") && !self.lexicon.cue_verbs.contains(w))
        };
        let auxiliary = |w: &str| {
            matches!(
                w,
                "were"
                    | "was"
                    | "have"
                    | "has"
                    | "had"
                    | "been"
                    | "being"
                    | "are"
                    | "is"
                    | "be"
                    | "reportedly"
                    | "also"
                    | "allegedly"
                    | "now"
                    | "already"
                    | "not"
            )
        };
        for token in tokens.iter().skip(after).take(4) {
            let word = token.word()?;
            if is_event(word) {
                return Some(word.to_string());
            }
            if !auxiliary(word) {
                break;
            }
        }
        let before = tokens[..at].iter().rev().take(2).find_map(Token::word)?;
        (is_event(before) || (before.len() > 5 && before.ends_with("ing")))
            .then(|| before.to_string())
    }
}

/// The byte ranges of web addresses in a block: from `http`, `www.` or `://`
/// to the next space.
fn web_addresses(body: &str, base: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|marker| body[from..].find(marker))
        .min()
    {
        let start = from + found;
        let end = body[start..]
            .find(char::is_whitespace)
            .map_or(body.len(), |n| start + n);
        out.push(base + start..base + end);
        from = end;
    }
    out
}

/// The entry of a table keyed by a one-character form (`$`, `½`).
fn symbol_entry<'m, V>(table: &'m HashMap<&'static str, V>, symbol: char) -> Option<&'m V> {
    let mut buffer = [0u8; 4];
    table.get(&*symbol.encode_utf8(&mut buffer))
}

/// A comparison sign before a number (`>10`, `≥ 30`, `<= 100`), as
/// written, the bound it sets and its length in tokens.
fn comparison_sign(tokens: &[Token], at: usize) -> Option<(String, Approx, usize)> {
    let TokenKind::Symbol(sign) = tokens.get(at)?.kind else {
        return None;
    };
    // `<>30`, `=>30` are no comparisons one reads.
    if at > 0 && tokens[at].attached && tokens[at - 1].is_symbol(&['<', '>', '=']) {
        return None;
    }
    let equal = tokens.get(at + 1).is_some_and(|t| t.is_symbol(&['=']));
    let approx = match (sign, equal) {
        ('>', false) => Approx::MoreThan,
        ('<', false) => Approx::LessThan,
        ('≥', _) | ('>', true) => Approx::AtLeast,
        ('≤', _) | ('<', true) => Approx::UpTo,
        _ => return None,
    };
    let len = 1 + usize::from(equal);
    let number = |k: usize| tokens.get(k).is_some_and(Token::is_number);
    let minus = tokens
        .get(at + len)
        .is_some_and(|t| t.is_symbol(&['-', '−']));
    (number(at + len) || minus && number(at + len + 1)).then(|| {
        let written = if equal {
            format!("{sign}=")
        } else {
            sign.to_string()
        };
        (written, approx, len)
    })
}

/// Whether the number at `i` is one group of a phone number or a code:
/// three or more groups of plain digits, seven or more digits in all, with
/// only spaces, dashes, dots or parentheses between (looked for a few
/// tokens either way, so a page of numbers costs linear time).
fn in_digit_run(tokens: &[Token], i: usize) -> bool {
    let joins = |t: &Token| t.is_symbol(&['-', '.', '(', ')', '/', '+']);
    let plain_digits = |t: &Token| match t.kind {
        TokenKind::Number {
            value,
            grouped: false,
            decimal: false,
        } => Some(value),
        _ => None,
    };
    let part_of_run = |t: &Token| plain_digits(t).is_some() || joins(t);
    let from = (i.saturating_sub(8)..=i)
        .rev()
        .take_while(|&k| part_of_run(&tokens[k]))
        .last()
        .unwrap_or(i);
    let to = (i..tokens.len().min(i + 9))
        .take_while(|&k| part_of_run(&tokens[k]))
        .last()
        .unwrap_or(i);
    let groups: Vec<&Token> = tokens[from..=to]
        .iter()
        .filter(|t| plain_digits(t).is_some())
        .collect();
    let digits: usize = groups.iter().map(|t| t.range.len()).sum();
    groups.len() >= 3 && digits >= 7
}

/// A bound rounded to 12 significant digits, so `50 × 1.1` is 55, not 55.00000000000001.
fn tidy(value: f64) -> f64 {
    format!("{value:.11e}").parse().unwrap_or(value)
}

/// Whether digits at `i..end` were scaled by a word or suffix already.
fn digits_scaled(tokens: &[Token], i: usize, end: usize) -> bool {
    end > i + 1 && tokens[i + 1..end].iter().any(|t| t.word().is_some())
}

/// The power of a thousand a range's upper end carries (`5 million` → 1e6).
fn scale_of(high: f64) -> f64 {
    let mut scale = 1.0;
    while high / (scale * 1000.0) >= 1.0 && scale < 1e12 {
        scale *= 1000.0;
    }
    scale
}

/// `%`, `percent`, `per cent`, `pct`, `percentage points`.
fn percent(tokens: &[Token], end: usize) -> Option<usize> {
    let token = tokens.get(end)?;
    if token.is_symbol(&['%']) {
        return Some(1);
    }
    match token.word()? {
        "percent" | "percents" | "pct" | "percentage" => {
            let points = tokens
                .get(end + 1)
                .is_some_and(|t| t.is_word("points") || t.is_word("point"));
            Some(1 + usize::from(points))
        }
        "per" => tokens.get(end + 1).filter(|t| t.is_word("cent")).map(|_| 2),
        _ => None,
    }
}

/// `-year-old`, `years old`, `-year-olds`, `months old`, `weeks of age`, `yo`:
/// an age, its length in tokens and its unit.
fn age(tokens: &[Token], end: usize) -> Option<(usize, &'static str)> {
    let word_at = |k: usize| tokens.get(end + k).and_then(Token::word);
    let hyphen_at = |k: usize| {
        tokens
            .get(end + k)
            .is_some_and(|t| t.is_symbol(&['-', '–']))
    };
    let unit_at = |k: usize| match word_at(k)? {
        "year" | "years" => Some("year"),
        "month" | "months" => Some("month"),
        "week" | "weeks" => Some("week"),
        "day" | "days" => Some("day"),
        _ => None,
    };
    if hyphen_at(0) && hyphen_at(2) && matches!(word_at(3), Some("old" | "olds")) {
        return unit_at(1).map(|unit| (4, unit));
    }
    // `an 87 yo man`, as clinical notes write it.
    if word_at(0) == Some("yo") {
        return Some((1, "year"));
    }
    let unit = unit_at(0)?;
    match (word_at(1), word_at(2)) {
        (Some("old"), _) => Some((2, unit)),
        (Some("of"), Some("age")) => Some((3, unit)),
        _ => None,
    }
}

/// `70km (45 miles)`, `$8 billion (£6.55 billion)`: the second quantity,
/// in parentheses straight after the first, restates it in other units.
fn restates(text: &str, previous: &FoundQuantity, quantity: &FoundQuantity) -> bool {
    let both_measured = previous.kind == quantity.kind
        && matches!(quantity.kind, QuantityKind::Money | QuantityKind::Measure)
        && previous.unit.is_some()
        && previous.unit != quantity.unit;
    both_measured
        && previous.range.end <= quantity.range.start
        && text[previous.range.end..quantity.range.start].trim() == "("
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<FoundQuantity> {
        let lexicon = Lexicon::shared();
        let whole = 0..text.len();
        QuantityFinder::new(lexicon).find(text, std::slice::from_ref(&whole))
    }

    /// (as written, value, unit) of each quantity.
    fn values(text: &str) -> Vec<(String, f64, Option<String>)> {
        found(text)
            .into_iter()
            .map(|q| (text[q.range].to_string(), q.value, q.unit))
            .collect()
    }

    fn one(text: &str) -> FoundQuantity {
        let all = found(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn money_with_magnitudes_and_iso_codes() {
        let found =
            values("It costs $8 billion, or £107.8m, or $0.55bn, and US$40 million or 200 euros.");
        let expect = [
            ("$8 billion", 8e9, "USD"),
            ("£107.8m", 107.8e6, "GBP"),
            ("$0.55bn", 0.55e9, "USD"),
            ("US$40 million", 40e6, "USD"),
            ("200 euros", 200.0, "EUR"),
        ];
        assert_eq!(found.len(), expect.len(), "{found:?}");
        for ((text, value, unit), (want_text, want_value, want_unit)) in found.iter().zip(expect) {
            assert_eq!(text, want_text);
            assert!((value - want_value).abs() < 1e-3, "{text}: {value}");
            assert_eq!(unit.as_deref(), Some(want_unit));
        }
    }

    #[test]
    fn counts_in_digits_and_words() {
        assert_eq!(one("It runs 10 1/2 miles.").value, 10.5);
        assert_eq!(one("It cost 64.2 cents.").value, 0.642);
        let found = values("Some 75,000 troops, 1.2k posts, four boats, twenty-five cars and two hundred and fifty homes.");
        let numbers: Vec<f64> = found.iter().map(|f| f.1).collect();
        assert_eq!(numbers, [75_000.0, 1_200.0, 4.0, 25.0, 250.0], "{found:?}");
        assert_eq!(one("They sold a dozen eggs.").value, 12.0);
        assert_eq!(one("Three quarters of voters agreed.").value, 0.75);
        assert_eq!(one("Two-thirds of voters agreed.").value, 2.0 / 3.0);
        assert_eq!(one("One in five voters agreed.").value, 0.2);
        assert_eq!(one("It took two and a half million votes.").value, 2.5e6);
        assert_eq!(one("It took a million and a half votes.").value, 1.5e6);
        assert_eq!(one("It took three hundred and two votes.").value, 302.0);
    }

    #[test]
    fn approximations_are_intervals() {
        let some = one("some 50 prisoners died");
        assert_eq!(some.approx.as_deref(), Some("some"));
        assert_eq!(some.min, Some(45.0));
        assert!((some.max.unwrap() - 55.0).abs() < 1e-9);
        let more = one("more than 300 people were evacuated");
        assert_eq!(more.approx.as_deref(), Some("more than"));
        assert_eq!((more.min, more.max), (Some(300.0), None));
        assert_eq!(one("up to 40 ships").max, Some(40.0));
        assert_eq!(one("nearly 20 villages").min, Some(18.0));
        assert_eq!(
            (one("some 12 people").min, one("some 12 people").max),
            (Some(11.0), Some(13.0))
        );
        assert_eq!(
            one("at least 12 houses").approx.as_deref(),
            Some("at least")
        );
    }

    #[test]
    fn ranges_and_vague_plurals() {
        let range = one("between 3 and 5 million people");
        assert_eq!(range.range.start, 0, "the span opens with `between`");
        assert_eq!((range.value, range.range_end), (3e6, Some(5e6)));
        let to = one("3 to 5 million doses");
        assert_eq!((to.value, to.range_end), (3e6, Some(5e6)));
        let dash = one("a 10-15% rise");
        assert_eq!(
            (dash.value, dash.range_end, dash.unit.as_deref()),
            (10.0, Some(15.0), Some("%"))
        );
        let tens = one("tens of thousands of people marched");
        assert_eq!((tens.value, tens.range_end), (20_000.0, Some(99_999.0)));
        assert_eq!(tens.counted.as_deref(), Some("people"));
        assert_eq!(one("hundreds of flights").range_end, Some(999.0));
        let billions = one("billions of dollars of arms");
        assert_eq!(
            (billions.unit.as_deref(), billions.kind),
            (Some("USD"), QuantityKind::Money)
        );
    }

    #[test]
    fn units_are_normalized_and_conversions_linked() {
        let found =
            found("The road runs 70km (45 miles) and the lake is 12 square kilometres, at 30°C.");
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0].unit.as_deref(), Some("km"));
        assert_eq!(found[1].unit.as_deref(), Some("mi"));
        assert_eq!(found[1].conversion_of, Some(0));
        let (a, b) = (found[0].base_value.unwrap(), found[1].base_value.unwrap());
        assert!((a - b).abs() / a < 0.05, "70 km ≈ 45 miles");
        assert_eq!(found[2].unit.as_deref(), Some("km2"));
        assert_eq!(found[3].unit.as_deref(), Some("°C"));
        let money = values("a package of $8 billion (£6.55 billion)");
        assert_eq!(money.len(), 2);
        let restated = &super::tests::found("a package of more than $8 billion (£6.55 billion)")[1];
        assert_eq!(
            (restated.conversion_of, restated.approx.as_deref()),
            (Some(0), Some("more than"))
        );
        assert_eq!((restated.min, restated.max), (Some(6.55e9), None));
    }

    #[test]
    fn percentages_ages_and_ordinals() {
        assert_eq!(
            one("turnout rose 12.5% on Monday").unit.as_deref(),
            Some("%")
        );
        assert_eq!(one("turnout rose 3 per cent").value, 3.0);
        let age = one("a 72-year-old man");
        assert_eq!(
            (age.value, age.kind, age.unit.as_deref()),
            (72.0, QuantityKind::Age, Some("year"))
        );
        assert_eq!(one("the 21st summit").kind, QuantityKind::Ordinal);
        assert_eq!(one("its first report").kind, QuantityKind::Ordinal);
    }

    #[test]
    fn what_is_counted_and_the_event() {
        let killed = one("The strike killed 53 Ukrainian prisoners of war on Friday.");
        assert_eq!(
            killed.counted.as_deref(),
            Some("Ukrainian prisoners of war")
        );
        assert_eq!(killed.event.as_deref(), Some("killed"));
        let aged = one("A man aged 70 was hurt.");
        assert_eq!(aged.kind, QuantityKind::Age);
        let gave = one("They gave Ukraine 16 Himars systems.");
        assert_eq!(gave.counted.as_deref(), Some("Himars systems"));
        let given = one("In all, 16 Himars systems were given to the army.");
        assert_eq!(given.counted.as_deref(), Some("Himars systems"));
        assert_eq!(given.event.as_deref(), Some("given"));
    }

    #[test]
    fn names_labels_dates_and_calibres_are_not_quantities() {
        for text in [
            "A Boeing 737 landed.",
            "She bought an iPhone 11 there.",
            "The A380 is large.",
            "It fired 155mm artillery shells.",
            "Write to P.O. Box 123 today.",
            "Call +44 20 7946 0958 now.",
            "Call 555-123-4567 now.",
            "It happened in 1962 and again on August 2.",
            "We met at 10:30 on 2 August.",
            "The COVID-19 wave ended.",
            "See https://example.org/story?id=2024&page=3 for more.",
            "The talks lasted three days.",
            "He visited Room 101 twice.",
            "It sold as No. 1 in May.",
            "They signed a 27-year contract.",
            "Dated 7/8/07 in the file.",
            "They showed a Boeing 787 Dreamliner. The 787 flies far.",
            "The 777-200LR flies far.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert!(found("one of them left").is_empty());
        assert_eq!(one("2000 troops arrived").value, 2000.0);
    }

    /// The values found, in order.
    fn numbers(text: &str) -> Vec<f64> {
        found(text).into_iter().map(|q| q.value).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * b.abs().max(1.0)
    }

    #[test]
    fn digits_grouped_by_spaces_commas_of_two_and_dots() {
        assert_eq!(numbers("A crowd of 40 000 fans sang."), [40_000.0]);
        assert_eq!(numbers("Its debt was 1 250 300 crowns."), [1_250_300.0]);
        let rupees = one("The farm sold for 12,34,567 rupees.");
        assert_eq!(
            (rupees.value, rupees.unit.as_deref()),
            (1_234_567.0, Some("INR"))
        );
        assert!(found("Ring 555 123 4567 for tickets.").is_empty());
        assert!(found("Call +33 (0) 14 725 836 190 now.").is_empty());
        assert!(numbers("Rates of 6.2% and1.45% apply.").contains(&1.45));
        assert_eq!(one("The print is 102x127mm.").unit.as_deref(), Some("mm"));
        assert!(found("The server at 10.20.30.40 went down.").is_empty());
        assert_eq!(numbers("The airline ordered 18 747s."), [18.0]);
    }

    #[test]
    fn fractions_and_decimals_written_out() {
        let cases = [
            ("They counted two point five million votes.", 2.5e6),
            ("Growth was nought point four last year.", 0.4),
            ("It measured one hundred and three quarters.", 100.75),
            ("The bid was seven and three fifths.", 7.6),
            (
                "The dam holds three quarters of a million people back.",
                750_000.0,
            ),
            ("The plan costs a quarter billion.", 2.5e8),
            ("That leaves twenty-three fifths.", 4.6),
            ("Exports hit five billion and three quarters.", 5.75e9),
            ("The fund holds one billion and a half million.", 1.0005e9),
            ("The budget is three lakh crore.", 3e12),
        ];
        for (text, value) in cases {
            let all = numbers(text);
            assert!(all.len() == 1 && close(all[0], value), "{text}: {all:?}");
        }
        let gas = one("The field holds 0.9 trillion cubic feet.");
        assert!(close(gas.value, 9e11) && gas.unit.as_deref() == Some("ft3"));
        assert_eq!(numbers("Add 3 hundred and 2 hundred more."), [300.0, 200.0]);
        assert!(!numbers("It was the forty fifth session.").contains(&8.0));
        assert!(found("All that work came to naught.").is_empty());
        assert!(!numbers("At one point two ships collided.").contains(&1.2));
        assert_eq!(numbers("There were 300 in 2008."), [300.0]);
    }

    #[test]
    fn fractions_over_denominators_in_several_words() {
        let cases = [
            ("Each heir got three twenty-firsts.", 3.0 / 21.0),
            ("The tax is one two hundredth.", 1.0 / 200.0),
            ("Each slice was twenty twenty-fifths.", 0.8),
            ("The answer was one hundred and thirty fifths.", 26.0),
            ("The answer was one hundred thirty fifths.", 100.0 / 35.0),
            ("The answer was one hundred thirty-two fifths.", 26.4),
            ("It came to twenty-five hundred tenths.", 250.0),
            ("A cell holds a hundred thousandths.", 0.1),
            ("Cut five - eighths off.", 0.625),
            ("They won a tenth of the vote.", 0.1),
        ];
        for (text, value) in cases {
            let all = numbers(text);
            assert!(all.len() == 1 && close(all[0], value), "{text}: {all:?}");
        }
        assert!(found("The break lasted twenty seconds.").is_empty());
    }

    #[test]
    fn ordinals_in_several_words() {
        let ordinal = |text: &str| {
            let q = one(text);
            assert_eq!(q.kind, QuantityKind::Ordinal, "{text}: {q:?}");
            q.value
        };
        assert_eq!(
            ordinal("It marks the one hundred twenty-fifth year."),
            125.0
        );
        assert_eq!(ordinal("She was the two hundredth visitor."), 200.0);
        assert_eq!(ordinal("The jet made its three thousandth flight."), 3000.0);
        assert_eq!(ordinal("It was his twenty-first summit."), 21.0);
        assert_eq!(ordinal("She won a third term."), 3.0);
        assert_eq!(ordinal("He had a twenty-first birthday."), 21.0);
        let notes = found("It sold $280 million first mortgage notes.");
        assert_eq!(
            (notes[0].kind, notes[0].value),
            (QuantityKind::Money, 280e6)
        );
        assert_eq!(
            (notes[1].kind, notes[1].value),
            (QuantityKind::Ordinal, 1.0)
        );
    }

    #[test]
    fn number_words_apart_abbreviated_or_ending_a_number() {
        assert_eq!(numbers("Fifty - two boats sailed."), [52.0]);
        assert_eq!(numbers("She bought 3 doz eggs."), [36.0]);
        assert_eq!(numbers("We packed five dzs today."), [60.0]);
        assert_eq!(numbers("We saw 3 hundred and 0 rejects."), [300.0, 0.0]);
    }

    #[test]
    fn decimals_without_zero_with_commas_and_billions() {
        let rate = one("The rate rose .25 percent.");
        assert_eq!((rate.value, rate.unit.as_deref()), (0.25, Some("%")));
        let coin = one("It costs $.50 now.");
        assert_eq!((coin.value, coin.unit.as_deref()), (0.5, Some("USD")));
        assert_eq!(one("Growth was 1,5 percent.").value, 1.5);
        let fare = one("The fare is 3,50 euros.");
        assert_eq!((fare.value, fare.unit.as_deref()), (3.5, Some("EUR")));
        assert_eq!(numbers("Do exercises 4,6,8 and 10."), [4.0, 6.0, 8.0, 10.0]);
        assert_eq!(numbers("The app has 1.2b users."), [1.2e9]);
    }

    #[test]
    fn bounds_in_words_and_two_bounds_together() {
        let deaths = one("Deaths exceeded 3,000 by May.");
        assert_eq!(
            (deaths.approx.as_deref(), deaths.min, deaths.max),
            (Some("exceeded"), Some(3000.0), None)
        );
        let pass = one("Scores higher or equal than 40 pass.");
        assert_eq!((pass.min, pass.max), (Some(40.0), None));
        let seats = one("They hold exactly 50 seats.");
        assert_eq!(
            (seats.approx.as_deref(), seats.min, seats.max),
            (Some("exactly"), Some(50.0), Some(50.0))
        );
        assert_eq!(
            one("Bring 20 or more than that.").approx.as_deref(),
            Some("or more")
        );
        let bids = one("Bids above 1000 and below 1500 were kept.");
        assert_eq!(
            (bids.value, bids.range_end, bids.min, bids.max),
            (1000.0, Some(1500.0), Some(1000.0), Some(1500.0))
        );
        let share = one("It grew more than 5% but less than 10% a year.");
        assert_eq!(
            (
                share.unit.as_deref(),
                share.range_end,
                share.approx.as_deref()
            ),
            (Some("%"), Some(10.0), Some("more than … less than"))
        );
        let age = one("An 87 yo man was treated.");
        assert_eq!((age.kind, age.value), (QuantityKind::Age, 87.0));
    }

    #[test]
    fn bounds_before_and_after_the_number() {
        let more = one("We expect 50 or more people.");
        assert_eq!(more.approx.as_deref(), Some("or more"));
        assert_eq!((more.min, more.max), (Some(50.0), None));
        assert_eq!(
            one("She baked a dozen or so pies.").approx.as_deref(),
            Some("or so")
        );
        let fewer = one("Towns of 900 or fewer residents.");
        assert_eq!((fewer.min, fewer.max), (None, Some(900.0)));
        let greater = one("A score greater than 40 wins.");
        assert_eq!((greater.min, greater.max), (Some(40.0), None));
        let sign = one("Readings of >10 were flagged.");
        assert_eq!((sign.approx.as_deref(), sign.min), (Some(">"), Some(10.0)));
        assert_eq!(one("The hall seats over 2000 people.").value, 2000.0);
        let range = one("Orders of 1000-5000 units ship free.");
        assert_eq!((range.value, range.range_end), (1000.0, Some(5000.0)));
        let through = one("Rows 20 through 30 are closed.");
        assert_eq!((through.value, through.range_end), (20.0, Some(30.0)));
        assert!(found("The house was built about 1990.").is_empty());
        assert!(found("It has run since at least 2015.").is_empty());
    }

    #[test]
    fn degrees_ages_powers_and_compound_measures() {
        let unit = |text: &str| one(text).unit;
        assert_eq!(unit("It was 85° at noon.").as_deref(), Some("°"));
        assert_eq!(
            unit("The oven reached 40 deg C today.").as_deref(),
            Some("°C")
        );
        assert_eq!(
            unit("Pipes froze at 20 degrees fahrenheit.").as_deref(),
            Some("°F")
        );
        assert_eq!(unit("The ramp turns 45 degrees.").as_deref(), Some("°"));
        let baby = one("A 3-month-old baby was rescued.");
        assert_eq!(
            (baby.kind, baby.unit.as_deref()),
            (QuantityKind::Age, Some("month"))
        );
        assert_eq!(
            unit("The puppies are five weeks old.").as_deref(),
            Some("week")
        );
        let chair = one("He became chairman at the age of 87.");
        assert_eq!((chair.kind, chair.value), (QuantityKind::Age, 87.0));
        assert_eq!(unit("A 190km2 reserve opened.").as_deref(), Some("km2"));
        assert_eq!(
            unit("The tank holds 50 m³ of water.").as_deref(),
            Some("m3")
        );
        assert_eq!(unit("It runs a 2 GHz chip.").as_deref(), Some("GHz"));
        assert_eq!(unit("The index fell 340 points.").as_deref(), Some("pt"));
        let tall = one("The keeper is 6 ft 3 in tall.");
        assert!(close(tall.value, 6.25) && tall.unit.as_deref() == Some("ft"));
        let born = one("She weighed 8 pounds and 4 ounces at birth.");
        assert!(close(born.value, 8.25) && born.unit.as_deref() == Some("lb"));
        assert_eq!(unit("He lost 25 pounds in a year.").as_deref(), Some("lb"));
        assert_eq!(unit("The ticket cost 25 pounds.").as_deref(), Some("GBP"));
        assert_eq!(unit("Load it with 12t of gravel.").as_deref(), Some("t"));
        let wall = one("The wall is 4-8m high.");
        assert_eq!(
            (wall.value, wall.range_end, wall.unit.as_deref()),
            (4.0, Some(8.0), Some("m"))
        );
        let stems = one("Stems are 4-8mm long.");
        assert_eq!((stems.value, stems.unit.as_deref()), (4.0, Some("mm")));
        for text in [
            "The 3G network closed.",
            "The 5G rollout slowed.",
            "Fans of SCP-173m met.",
            "Part 24703L202 failed.",
            "The HP 14t-dq600 laptop sold out.",
            "File Form 1098-T by May.",
            "Set cost=0.00 and width=32 there.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn money_in_parts_codes_and_older_currencies() {
        let money = |text: &str| {
            let q = one(text);
            (q.value, q.unit.unwrap_or_default())
        };
        let (value, unit) = money("The fare was 3 dollars and 50 cents.");
        assert!(close(value, 3.5) && unit == "USD");
        let (value, unit) = money("It cost thirteen dollars forty-five cents.");
        assert!(close(value, 13.45) && unit == "USD");
        let (value, unit) = money("They paid a 12-cent dividend.");
        assert!(close(value, 0.12) && unit == "USD");
        let restated = found("The kit sells for $249 USD online.");
        assert_eq!(restated.len(), 1);
        assert_eq!(restated[0].range.end, "The kit sells for $249 USD".len());
        assert_eq!(money("A ticket is $5 Australian dollars.").1, "AUD");
        assert_eq!(
            money("They paid 40 EUR million for it."),
            (40e6, "EUR".to_string())
        );
        assert_eq!(money("It sold for NZD$15 each.").1, "NZD");
        assert_eq!(money("It sold for HK $10 each.").1, "HKD");
        assert_eq!(money("Losses topped 30 MUSD."), (30e6, "USD".to_string()));
        assert_eq!(money("Revenue was MEUR 12."), (12e6, "EUR".to_string()));
        assert_eq!(money("The firm' s $5 fee stays.").1, "USD");
        assert_eq!(money("The film cost 6 million pesetas.").1, "ESP");
        assert_eq!(money("A meal costs 100₾ there.").1, "GEL");
        assert_eq!(money("The target is US$ 1MM.").0, 1e6);
        assert_eq!(numbers("Debt reached 10 bln this year."), [1e10]);
        assert_eq!(found("$ 20.00 $ 37.50 in fees").len(), 2);
    }

    #[test]
    fn half_with_an_approximator_and_names_with_numbers() {
        let most = one("More than half of the voters stayed home.");
        assert_eq!(
            (most.value, most.approx.as_deref()),
            (0.5, Some("more than"))
        );
        assert_eq!(one("Rates rose half a percent.").unit.as_deref(), Some("%"));
        for text in [
            "They scored late in the half.",
            "Half the town was dark.",
            "Sales peaked in '97 and fell.",
            "It runs version 10.4 now.",
            "The Big Three carmakers asked for aid.",
            "She drove the Ford Five Hundred home.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(numbers("Rivals Sell Five Jets Today"), [5.0]);
        assert_eq!(numbers("Profit fell in the quarter to $5 million."), [5e6]);
        assert!(found("Only one negative quarter was seen.").is_empty());
        assert_eq!(
            numbers("They buy 15 a year, 24 A350s in all."),
            [15.0, 24.0]
        );
        assert!(found("The vote opens at 10 a.m. sharp.").is_empty());
    }

    #[test]
    fn any_text_is_read_without_panicking() {
        let long = "9".repeat(400);
        assert!(
            found(&long).is_empty(),
            "an overflowing number is no quantity"
        );
        for text in [
            "",
            "$",
            "£.",
            "1/",
            "1/0",
            "twenty-",
            "tens of",
            "3 to",
            "-5",
            "'",
            "5,",
            "5.",
            "between and",
            "¥ ¥",
            "x°",
            "°",
        ] {
            let _ = found(text);
        }
    }
}
