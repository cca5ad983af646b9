//! Dates, times, durations and sets (TimeML TIMEX3): `Aug. 2, 2022`, `last
//! week`, `Tuesday night`, `3 p.m.`, `five months`, `every year`, each with a
//! TimeML value resolved against the document date (the anchor).
//!
//! The text is cut into tokens once; at each token a fixed set of rules looks
//! at a bounded number of tokens after it (and, for the tense that decides
//! whether `Friday` is the one before or after the anchor, a bounded window
//! around it), so the cost is linear in the text. Ranges are byte offsets on
//! token boundaries, which are char boundaries.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use crate::report::TimexType;

/// One mention: byte range into the text, TimeML type and value (`None` when
/// the mention is anchored to an event or cannot be resolved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub range: Range<usize>,
    pub kind: TimexType,
    pub value: Option<String>,
}

/// The document creation date relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Anchor {
    /// `YYYY-MM-DD`, possibly followed by a time (`2022-08-02T10:00`); partial
    /// dates (`--08-02`, `2022-08`) give no anchor.
    pub fn parse(text: &str) -> Option<Anchor> {
        let num = |r: Range<usize>| {
            text.get(r)
                .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<u32>().ok())
        };
        let bytes = text.as_bytes();
        if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        if bytes.get(10).is_some_and(|b| b.is_ascii_digit()) {
            return None;
        }
        let (year, month, day) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        (year >= 1000 && valid_date(year, month, day)).then_some(Anchor { year, month, day })
    }

    fn days(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "WE" => Unit::Weekend,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }

    /// The TimeML duration of `amount` (digits, a decimal, or `X`) units.
    fn duration(self, amount: &str) -> String {
        let scaled = |factor: u64, letter: &str, fallback: &str| match amount.parse::<u64>() {
            Ok(n) => format!("P{}{letter}", n.saturating_mul(factor)),
            Err(_) => format!("P{amount}{fallback}"),
        };
        match self {
            Unit::Second => format!("PT{amount}S"),
            Unit::Minute => format!("PT{amount}M"),
            Unit::Hour => format!("PT{amount}H"),
            Unit::Day => format!("P{amount}D"),
            Unit::Week => format!("P{amount}W"),
            Unit::Weekend => format!("P{amount}WE"),
            Unit::Month => format!("P{amount}M"),
            Unit::Quarter => scaled(3, "M", "Q"),
            Unit::Year => format!("P{amount}Y"),
            Unit::Decade => scaled(10, "Y", "DE"),
            Unit::Century => scaled(100, "Y", "CE"),
        }
    }

    /// Units a calendar can name (`this week`, `last year`), not `this minute`.
    fn is_calendar(self) -> bool {
        !matches!(self, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// Which occurrence of a weekday, month or season a mention means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// By the tense around it.
    Tense(Tense),
    /// `last Friday`: strictly before the anchor.
    Last,
    /// `this Friday`: by tense, but in the anchor's week or year.
    This(Tense),
    /// `next Friday`: strictly after the anchor.
    Next,
}

/// What one folded word can mean; most words mean nothing.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// Month number and whether this form is an abbreviation.
    month: Option<(u32, bool)>,
    /// ISO weekday (1 Monday) and whether this form is an abbreviation.
    weekday: Option<(u32, bool)>,
    number: Option<u32>,
    fuzzy: bool,
    ordinal: Option<u32>,
    unit: Option<Unit>,
    part_of_day: Option<&'static str>,
    season: Option<&'static str>,
    reference: Option<&'static str>,
    deictic: Option<i64>,
    set: Option<&'static str>,
    relative: Option<i64>,
    modifier: bool,
    month_cue: bool,
    tense: Option<Tense>,
    /// A present-tense verb of plans (`meets`, `opens`): future right before a date.
    scheduled: bool,
}

/// Finds date mentions; build once, use for every document.
pub struct DateFinder {
    words: HashMap<&'static str, Entry>,
}

impl Default for DateFinder {
    fn default() -> Self {
        Self::new()
    }
}

/// Lines under `[section]` headings: section, code, forms.
fn table(data: &'static str) -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    let mut section = "";
    let mut out = Vec::new();
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let mut fields = line.split_whitespace();
        if let Some(code) = fields.next() {
            out.push((section, code, fields.collect()));
        }
    }
    out
}

impl DateFinder {
    pub fn new() -> Self {
        let mut words: HashMap<&'static str, Entry> = HashMap::default();
        for (_, code, forms) in table(concat!("[month]\n", lexicon_file!("months.txt"))) {
            let Ok(number) = code.parse::<u32>() else {
                continue;
            };
            for (k, form) in forms.iter().enumerate() {
                words.entry(form).or_default().month = Some((number, k > 0));
            }
        }
        let data = concat!(
            lexicon_file!("dates_words.txt"),
            "\n",
            lexicon_file!("dates_tense.txt")
        );
        for (section, code, forms) in table(data) {
            for (k, form) in forms.iter().enumerate() {
                let entry = words.entry(form).or_default();
                match section {
                    "weekday" => entry.weekday = code.parse().ok().map(|d| (d, k > 0)),
                    "number" => entry.number = code.parse().ok(),
                    "fuzzy" => entry.fuzzy = true,
                    "ordinal" => entry.ordinal = code.parse().ok(),
                    "unit" => entry.unit = Unit::from_code(code),
                    "part_of_day" => entry.part_of_day = Some(code),
                    "season" => entry.season = Some(code),
                    "reference" => entry.reference = Some(code),
                    "deictic" => entry.deictic = code.parse().ok(),
                    "set" => entry.set = Some(code),
                    "relative" => entry.relative = code.parse().ok(),
                    "modifier" => entry.modifier = true,
                    "month_cue" => entry.month_cue = true,
                    "past" => entry.tense = Some(Tense::Past),
                    "future" => entry.tense = Some(Tense::Future),
                    "scheduled" => entry.scheduled = true,
                    _ => {}
                }
            }
        }
        DateFinder { words }
    }

    /// Every mention in the whole text.
    pub fn find(&self, text: &str, anchor: Option<Anchor>) -> Vec<FoundDate> {
        self.find_in(text, std::slice::from_ref(&(0..text.len())), anchor)
    }

    /// Every mention inside the given byte ranges (article blocks), in order;
    /// no mention crosses from one range into another.
    pub fn find_in(
        &self,
        text: &str,
        ranges: &[Range<usize>],
        anchor: Option<Anchor>,
    ) -> Vec<FoundDate> {
        let lower = text.to_ascii_lowercase();
        let mut out = Vec::new();
        for range in ranges {
            let (Some(_), Some(_)) = (text.get(range.clone()), lower.get(range.clone())) else {
                continue;
            };
            let toks = self.tokenize(text, &lower, range.clone());
            let quarters = (0..toks.len())
                .filter(|&k| {
                    let t = &toks[k];
                    t.kind == Kind::Word
                        && matches!(lower.get(t.start..t.end), Some("quarter" | "quarterly"))
                })
                .collect();
            let cx = Ctx {
                text,
                lower: &lower,
                toks,
                anchor,
                quarters,
            };
            let mut hits = Vec::new();
            let mut i = 0;
            while i < cx.toks.len() {
                match self.match_at(&cx, i) {
                    Some(hit) if hit.end > i => {
                        i = hit.also.as_ref().map_or(hit.end, |h| h.end);
                        hits.push(hit);
                    }
                    _ => i += 1,
                }
            }
            for hit in hits {
                let also = hit.also.clone();
                for hit in std::iter::once(hit).chain(also.map(|h| *h)) {
                    if let (Some(first), Some(last)) =
                        (cx.toks.get(hit.start), cx.toks.get(hit.end.wrapping_sub(1)))
                    {
                        let value = match hit.refers_back {
                            None => hit.value,
                            Some(Back::Day) => last_named_day(&out).or(hit.value),
                            Some(Back::Year) => last_named_year(&out).or(hit.value),
                            Some(Back::DayInSentence) => {
                                day_named_in_sentence(text, &out, first.start)
                                    .zip(hit.value.as_deref())
                                    .map(|(day, time)| format!("{day}{}", &time[10..]))
                                    .or(hit.value)
                            }
                        };
                        out.push(FoundDate {
                            range: first.start..last.end,
                            kind: hit.kind,
                            value,
                        });
                    }
                }
            }
        }
        out
    }

    fn tokenize<'e>(&'e self, text: &str, lower: &str, range: Range<usize>) -> Vec<Tok<'e>> {
        let mut toks = Vec::new();
        let Some(slice) = text.get(range.clone()) else {
            return toks;
        };
        let mut space = true;
        let mut line = true;
        let mut chars = slice.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let start = range.start + at;
            if c.is_whitespace() {
                space = true;
                line |= c == '\n';
                continue;
            }
            let kind = if c.is_alphabetic() {
                Kind::Word
            } else if c.is_ascii_digit() {
                Kind::Num
            } else {
                Kind::Punct(c)
            };
            let mut end = start + c.len_utf8();
            if kind != Kind::Punct(c) {
                while let Some(&(next_at, next)) = chars.peek() {
                    let same = match kind {
                        Kind::Word => next.is_alphabetic(),
                        _ => next.is_ascii_digit(),
                    };
                    if !same {
                        break;
                    }
                    end = range.start + next_at + next.len_utf8();
                    chars.next();
                }
            }
            let entry = match kind {
                Kind::Word if end - start <= 12 => {
                    lower.get(start..end).and_then(|w| self.words.get(w))
                }
                _ => None,
            };
            toks.push(Tok {
                start,
                end,
                kind,
                space,
                line,
                entry,
            });
            space = false;
            line = false;
        }
        toks
    }

    fn match_at(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let w = cx.w(i);
        if w == "the" {
            if let Some(hit) = self.year_quarter(cx, i) {
                return Some(hit);
            }
            if matches!(cx.w(i + 1), "full" | "whole" | "entire") {
                return self.year_word(cx, i + 2, true).map(|h| Hit {
                    start: i,
                    refers_back: (h.end == i + 3).then_some(Back::Year),
                    ..h
                });
            }
            if cx.w(i + 1) == "same" && cx.w(i + 2) == "day" {
                let value = cx.anchor.map(|a| ymd(a.year, a.month, a.day));
                return Some(Hit {
                    refers_back: Some(Back::Day),
                    ..Hit::new(i, i + 3, TimexType::Date, value)
                });
            }
            if let Some(hit) = self.event_anchored(cx, i) {
                return Some(hit);
            }
            if let Some(hit) = self.part_of(cx, i) {
                return Some(hit);
            }
            if let Some(hit) = self.reported_quarter(cx, i) {
                return Some(hit);
            }
            // `the year-ago results`: the mention is the adjective alone.
            if cx.w(i + 1) == "year" && cx.dash(i + 2) {
                if let Some(hit) = self.year_word(cx, i + 1, true) {
                    return Some(hit);
                }
            }
            return self
                .core(cx, i + 1, true)
                .filter(|h| h.the_ok)
                .map(|h| Hit { start: i, ..h });
        }
        if w == "fiscal" {
            if let Some(year) = cx.year(i + 1) {
                return Some(Hit::new(
                    i,
                    i + 2,
                    TimexType::Date,
                    Some(format!("{year:04}")),
                ));
            }
        }
        if matches!(w, "early" | "mid" | "late" | "earlier" | "later" | "middle") {
            let mut j = i + 1;
            if cx.dash(j) && cx.glued(j) {
                j += 1;
            }
            let inner = if cx.w(j) == "the" {
                self.core(cx, j + 1, true).filter(|h| h.the_ok)
            } else {
                self.core(cx, j, false)
            };
            if let Some(inner) =
                inner.filter(|h| matches!(h.kind, TimexType::Date | TimexType::Time))
            {
                return Some(Hit { start: i, ..inner });
            }
            return None;
        }
        self.core(cx, i, false)
    }

    /// `the 1988 second quarter`; in results reporting `the 1988 quarter` (or
    /// `period`) is the reported quarter of that year.
    fn year_quarter(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let year = cx.year(i + 1)?;
        if let Some(ordinal) = cx.e(i + 2).and_then(|e| e.ordinal) {
            if (1..=4).contains(&ordinal) && cx.w(i + 3) == "quarter" {
                let value = format!("{year:04}-Q{ordinal}");
                return Some(Hit::new(i, i + 4, TimexType::Date, Some(value)));
            }
            return None;
        }
        let word = cx.w(i + 2);
        if !(word == "quarter" || word == "period" && cx.about_quarters(i, i + 3))
            || cx.w(i + 3) == "of"
        {
            return None;
        }
        let reported = relative_value(cx.anchor?, Unit::Quarter, -1)?;
        let value = format!("{year:04}{}", reported.get(4..)?);
        Some(Hit::new(i, i + 3, TimexType::Date, Some(value)))
    }

    /// `the early days of the invasion`: anchored to an event, so unresolved,
    /// unless what follows `of` is itself a date (`the first week of March`).
    fn event_anchored(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let word = cx.w(i + 1);
        let unit = cx.e(i + 2).and_then(|e| e.unit)?;
        if unit == Unit::Weekend {
            return None;
        }
        if unit == Unit::Quarter {
            // `the final quarter of 2009`
            return matches!(word, "final" | "last")
                .then(|| self.quarter(cx, i + 1, 4, i + 2))
                .flatten()
                .map(|h| Hit { start: i, ..h });
        }
        if matches!(
            word,
            "day" | "week" | "month" | "night" | "morning" | "evening"
        ) {
            return None;
        }
        let ordinal = matches!(
            word,
            "early"
                | "first"
                | "last"
                | "final"
                | "opening"
                | "initial"
                | "closing"
                | "dying"
                | "waning"
        );
        if !ordinal || cx.w(i + 3) != "of" {
            return None;
        }
        let k = i + 4;
        // `a profit for the last year of US$2.7 billion`: `of` brings an amount, not an event.
        let money = |t: Option<&Tok>| {
            t.is_some_and(|t| matches!(t.kind, Kind::Num | Kind::Punct('$' | '£' | '€' | '¥')))
        };
        if money(cx.toks.get(k)) || money(cx.toks.get(k + 1)) && cx.glued(k + 1) {
            return None;
        }
        let inner = if cx.w(k) == "the" {
            self.core(cx, k + 1, true).filter(|h| h.the_ok)
        } else {
            self.core(cx, k, false)
        };
        match inner {
            Some(inner) if inner.kind == TimexType::Date && inner.value.is_some() => Some(Hit {
                start: i,
                also: None,
                ..inner
            }),
            _ => Some(Hit::new(i, i + 3, TimexType::Date, None)),
        }
    }

    /// `the quarter`, `the latest quarter`, `the year-ago period`: in results
    /// reporting, the last quarter ended (a year before it).
    fn reported_quarter(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        let mut back = 0;
        let mut period = false;
        match cx.w(j) {
            "latest" | "recent" => {
                j += 1;
                period = true;
            }
            "most" if cx.w(j + 1) == "recent" => {
                j += 2;
                period = true;
            }
            "year" if cx.dash(j + 1) && matches!(cx.w(j + 2), "ago" | "earlier") => {
                j += 3;
                back = 4;
                period = true;
            }
            _ => {}
        }
        let word = cx.w(j);
        // `the year-ago third quarter`: that quarter, a year before.
        if let (4, Some(ordinal), "quarter", Some(a)) = (
            back,
            cx.e(j).and_then(|e| e.ordinal),
            cx.w(j + 1),
            cx.anchor,
        ) {
            if (1..=4).contains(&ordinal) && cx.w(j + 2) != "of" {
                let value = format!("{:04}-Q{ordinal}", a.year - 1);
                return Some(Hit::new(i, j + 2, TimexType::Date, Some(value)));
            }
        }
        if !(word == "quarter" || period && word == "period") || cx.w(j + 1) == "of" {
            return None;
        }
        let value = cx.anchor.and_then(|a| {
            let current = back == 0 && cx.tense(i, j + 1) == Tense::Future;
            relative_value(a, Unit::Quarter, if current { 0 } else { -1 - back })
        });
        Some(Hit::new(i, j + 1, TimexType::Date, value))
    }

    /// `the end of 1998`, `the beginning of the year`, `the day after the vote`.
    fn part_of(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let word = cx.w(i + 1);
        if matches!(word, "day" | "week" | "night" | "morning" | "evening")
            && matches!(cx.w(i + 2), "after" | "before")
        {
            return Some(Hit::new(i, i + 2, TimexType::Date, None));
        }
        if !cx.e(i + 1).is_some_and(|e| e.modifier) || cx.w(i + 2) != "of" {
            return None;
        }
        let k = i + 3;
        if cx.w(k) == "the" {
            let unit = cx.e(k + 1).and_then(|e| e.unit);
            if let Some(unit) = unit.filter(|&u| u.is_calendar() || u == Unit::Day) {
                if cx.glued(k + 2) && cx.p(k + 2, '\'') {
                    return None;
                }
                let value = cx.anchor.and_then(|a| relative_value(a, unit, 0));
                return Some(Hit::new(i, k + 2, TimexType::Date, value));
            }
            let inner = self.core(cx, k + 1, true).filter(|h| h.the_ok)?;
            return (inner.kind == TimexType::Date).then_some(Hit {
                start: i,
                also: None,
                ..inner
            });
        }
        let inner = self.core(cx, k, false)?;
        (inner.kind == TimexType::Date).then_some(Hit {
            start: i,
            also: None,
            ..inner
        })
    }

    fn core(&self, cx: &Ctx, i: usize, after_the: bool) -> Option<Hit> {
        let tok = cx.toks.get(i)?;
        match tok.kind {
            Kind::Num => self.numeric(cx, i),
            Kind::Word => self.wordy(cx, i, after_the),
            Kind::Punct('\'' | '’') => {
                // '90s; '82
                let (n, len) = cx.num(i + 1)?;
                let lone = cx
                    .toks
                    .get(i + 2)
                    .is_none_or(|t| t.space || t.kind != Kind::Word);
                if len == 2 && cx.glued(i + 1) && lone && !cx.glued(i) && !cx.p(i + 2, '\'') {
                    let century = match cx.anchor {
                        Some(a) if 2000 + n as i32 <= a.year => 20,
                        _ if n < 30 && cx.anchor.is_none() => 20,
                        _ => 19,
                    };
                    let value = format!("{century}{n:02}");
                    return Some(Hit::new(i, i + 2, TimexType::Date, Some(value)));
                }
                if len != 2
                    || !cx.glued(i + 1)
                    || !cx.glued(i + 2)
                    || cx.w(i + 2) != "s"
                    || n % 10 != 0
                {
                    return None;
                }
                let century = match cx.anchor {
                    Some(a) if 2000 + n as i32 <= a.year => 20,
                    Some(_) => 19,
                    None if n < 30 => 20,
                    None => 19,
                };
                Some(Hit {
                    the_ok: true,
                    ..Hit::new(
                        i,
                        i + 3,
                        TimexType::Date,
                        Some(format!("{century}{}", n / 10)),
                    )
                })
            }
            _ => None,
        }
    }

    fn numeric(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        // Part of a bigger number or of money: `$1990`, `1.2000`, `4,2000`.
        if let Some(prev) = i.checked_sub(1).and_then(|p| cx.toks.get(p)) {
            if !cx.glued(i) {
                // fine
            } else if matches!(
                prev.kind,
                Kind::Punct('$' | '£' | '€' | '¥' | '#' | '.' | ',' | '/' | ':')
            ) || prev.kind == Kind::Num
            {
                return None;
            }
        }
        let (n, len) = cx.num(i)?;
        // 2022-08-02
        if len == 4 && cx.dash(i + 1) && cx.glued(i + 1) && cx.glued(i + 2) {
            if let (Some((m, 2)), true, true, Some((d, 1..=2))) = (
                cx.num(i + 2),
                cx.dash(i + 3),
                cx.glued(i + 3) && cx.glued(i + 4),
                cx.num(i + 4),
            ) {
                let y = n as i32;
                if valid_date(y, m as u32, d as u32) {
                    return Some(Hit::new(
                        i,
                        i + 5,
                        TimexType::Date,
                        Some(ymd(y, m as u32, d as u32)),
                    ));
                }
                return None;
            }
        }
        // 8/2/2022 (US order)
        if len <= 2 && cx.p(i + 1, '/') && cx.glued(i + 1) && cx.glued(i + 2) {
            if let (Some((d, 1..=2)), true, true, Some((y, ylen @ (2 | 4)))) = (
                cx.num(i + 2),
                cx.p(i + 3, '/'),
                cx.glued(i + 3) && cx.glued(i + 4),
                cx.num(i + 4),
            ) {
                let year = if ylen == 4 {
                    y as i32
                } else {
                    let base = cx.anchor.map_or(2000, |a| a.year / 100 * 100);
                    let year = base + y as i32;
                    if cx.anchor.is_some_and(|a| year > a.year + 10) {
                        year - 100
                    } else {
                        year
                    }
                };
                // Month first as in US copy; day first when the first cannot be a month.
                let (m, d) = if n > 12 {
                    (d as u32, n as u32)
                } else {
                    (n as u32, d as u32)
                };
                if valid_date(year, m, d) && !cx.p(i + 5, '/') {
                    return Some(Hit::new(i, i + 5, TimexType::Date, Some(ymd(year, m, d))));
                }
            }
            return None;
        }
        if let Some(hit) = self.clock(cx, i) {
            return Some(hit);
        }
        // 1990s, 1990's
        if len == 4 && (1000..=2099).contains(&n) && n % 10 == 0 {
            let s = if cx.glued(i + 1) && cx.w(i + 1) == "s" {
                Some(i + 2)
            } else if cx.glued(i + 1) && cx.p(i + 1, '\'') && cx.glued(i + 2) && cx.w(i + 2) == "s"
            {
                Some(i + 3)
            } else {
                None
            };
            if let Some(end) = s {
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, end, TimexType::Date, Some(format!("{:03}", n / 10)))
                });
            }
        }
        // the 70s, mid-80s
        if len == 2 && n % 10 == 0 && cx.glued(i + 1) && cx.w(i + 1) == "s" && i > 0 {
            let after = cx.w(i - 1);
            // `the 70s and 80s`: the second of a pair.
            let paired = matches!(after, "and" | "or" | "to" | "through")
                && i >= 3
                && cx.w(i - 2) == "s"
                && cx.glued(i - 2)
                && matches!(cx.num(i - 3), Some((_, 2)));
            if matches!(after, "the" | "early" | "late" | "mid")
                || paired
                || cx.dash(i - 1) && cx.glued(i)
            {
                let century = match cx.anchor {
                    Some(a) if 2000 + n as i32 <= a.year && n < 30 => 20,
                    _ => 19,
                };
                let value = format!("{century}{}", n / 10);
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, i + 2, TimexType::Date, Some(value))
                });
            }
        }
        // 20th century, 3rd quarter
        if len <= 2 && cx.glued(i + 1) && matches!(cx.w(i + 1), "st" | "nd" | "rd" | "th") {
            if cx.w(i + 2) == "century" && (1..=21).contains(&n) {
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, i + 3, TimexType::Date, Some(format!("{:02}", n - 1)))
                });
            }
            if let Some(hit) = self.quarter(cx, i, n as u32, i + 2) {
                return Some(hit);
            }
        }
        // 2 August 2022, 2nd of August
        if len <= 2 && (1..=31).contains(&n) {
            let mut j = i + 1;
            if cx.glued(j) && matches!(cx.w(j), "st" | "nd" | "rd" | "th") {
                j += 1;
            }
            if cx.w(j) == "of" {
                j += 1;
            }
            if let Some((m, abbr)) = cx.e(j).and_then(|e| e.month) {
                if cx.cap(j) {
                    let mut k = j + 1;
                    if abbr && cx.p(k, '.') && cx.glued(k) {
                        k += 1;
                    }
                    return self.with_year(cx, i, k, m, n as u32);
                }
            }
        }
        // 1979-1989, 1979-89
        if let Some(first) = cx.year(i) {
            if cx.dash(i + 1) {
                let second = match cx.num(i + 2) {
                    Some((y, 4)) if (first as u64) < y && y <= first as u64 + 100 && y <= 2099 => {
                        Some(y as i32)
                    }
                    Some((y, 2)) if (first % 100) < y as i32 => Some(first / 100 * 100 + y as i32),
                    _ => None,
                };
                if let Some(second) = second.filter(|_| cx.glued(i + 2) == cx.glued(i + 1)) {
                    let also =
                        Hit::new(i + 2, i + 3, TimexType::Date, Some(format!("{second:04}")));
                    return Some(Hit {
                        also: Some(Box::new(also)),
                        ..Hit::new(i, i + 1, TimexType::Date, Some(format!("{first:04}")))
                    });
                }
            }
            let prev_cue = i > 0
                && (cx.e(i - 1).is_some_and(|e| e.month_cue)
                    || matches!(cx.w(i - 1), "year" | "the" | "circa"));
            let in_name = i > 0
                && cx.toks.get(i - 1).is_some_and(|t| t.kind == Kind::Word)
                && cx.cap(i - 1)
                && cx.e(i - 1).is_none()
                && !cx.sentence_start(i - 1)
                && cx
                    .toks
                    .get(i + 1)
                    .is_some_and(|t| !t.line && t.kind == Kind::Word)
                && cx.cap(i + 1);
            if in_name {
                return None;
            }
            if !self.count_follows(cx, i + 1) && (first >= 1900 || prev_cue) {
                return Some(Hit::new(
                    i,
                    i + 1,
                    TimexType::Date,
                    Some(format!("{first:04}")),
                ));
            }
            return None;
        }
        self.amount_unit(cx, i)
    }

    /// What follows a number makes it a count, a measure or money, not a year.
    fn count_follows(&self, cx: &Ctx, j: usize) -> bool {
        (cx.glued(j)
            && (cx.p(j, '.') || cx.p(j, ',') || cx.p(j, ':') || cx.dash(j))
            && cx.num(j + 1).is_some())
            || cx.p(j, '%')
            || (cx.glued(j) && cx.toks.get(j).is_some_and(|t| t.kind == Kind::Word))
            || matches!(
                cx.w(j),
                "percent" | "per" | "people" | "million" | "billion" | "times"
            )
    }

    /// After month and day: `, 2022` or nothing (the year from the anchor).
    fn with_year(&self, cx: &Ctx, start: usize, k: usize, m: u32, d: u32) -> Option<Hit> {
        let mut j = k;
        if cx.p(j, ',') {
            j += 1;
        }
        if let Some(y) = cx.year(j).filter(|_| !self.count_follows(cx, j + 1)) {
            return valid_date(y, m, d)
                .then(|| Hit::new(start, j + 1, TimexType::Date, Some(ymd(y, m, d))));
        }
        if !valid_date(2000, m, d) {
            return None;
        }
        let tense = cx.tense(start, k);
        let value = match cx.anchor {
            Some(a) => {
                let target = |y: i32| valid_date(y, m, d).then(|| days_from_civil(y, m, d));
                let today = a.days();
                let candidates = [a.year - 1, a.year, a.year + 1];
                let options = candidates.map(|y| target(y).map(|t| (t - today, y)));
                choose(&options, tense, 75).map(|y| ymd(y, m, d))
            }
            None => Some(format!("XXXX-{m:02}-{d:02}")),
        };
        Some(Hit::new(start, k, TimexType::Date, value))
    }

    /// `3 p.m.`, `10:30 a.m. EST`, `14:00 UTC`, `3 p.m. Wednesday`.
    fn clock(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let (mut h, hlen) = cx.num(i)?;
        let mut j = i + 1;
        let mut minutes = None;
        // 0800 UTC
        if hlen == 4 && cx.is_upper(j) && matches!(cx.w(j), "utc" | "gmt" | "z") {
            minutes = Some(h % 100);
            h /= 100;
            if h > 24 || h % 100 > 59 {
                return None;
            }
        } else if hlen > 2 || h > 24 {
            return None;
        }
        if minutes.is_none() && cx.p(j, ':') && cx.glued(j) && cx.glued(j + 1) {
            match cx.num(j + 1) {
                Some((m, 2)) if m < 60 => {
                    minutes = Some(m);
                    j += 2;
                    if cx.p(j, ':') && cx.glued(j) && matches!(cx.num(j + 1), Some((0..=59, 2))) {
                        j += 2;
                    }
                }
                _ => return None,
            }
        }
        let mut pm = None;
        if matches!(cx.w(j), "a" | "p")
            && cx.p(j + 1, '.')
            && cx.glued(j + 1)
            && cx.w(j + 2) == "m"
            && cx.glued(j + 2)
        {
            pm = Some(cx.w(j) == "p");
            j += 3;
            if cx.p(j, '.') && cx.glued(j) {
                j += 1;
            }
        } else if matches!(cx.w(j), "am" | "pm")
            && (cx.w(j) != "am" || cx.glued(j) || cx.is_upper(j) || minutes.is_some())
        {
            pm = Some(cx.w(j) == "pm");
            j += 1;
        }
        let mut zulu = false;
        let zone = matches!(
            cx.w(j),
            "utc"
                | "gmt"
                | "est"
                | "edt"
                | "cst"
                | "cdt"
                | "mst"
                | "mdt"
                | "pst"
                | "pdt"
                | "bst"
                | "cet"
                | "cest"
        ) && cx.is_upper(j);
        if zone {
            zulu = matches!(cx.w(j), "utc" | "gmt");
            j += 1;
        }
        if pm.is_none() {
            let prep = matches!(
                cx.w(i.wrapping_sub(1)),
                "at" | "by"
                    | "around"
                    | "until"
                    | "till"
                    | "from"
                    | "before"
                    | "after"
                    | "since"
                    | "about"
            );
            if minutes.is_none() || !(zone || prep) {
                return None;
            }
        }
        let mut hour = h as u32;
        match pm {
            Some(_) if hour == 0 || hour > 12 => return None,
            Some(true) if hour < 12 => hour += 12,
            Some(false) if hour == 12 => hour = 0,
            _ => {}
        }
        // The day it is on, when named right after (`5 p.m., Nov. 6`, `3 p.m. on Friday`).
        let k = if cx.p(j, ',') || cx.w(j) == "on" {
            j + 1
        } else {
            j
        };
        let mut date = None;
        if let Some(hit) = self
            .core(cx, k, false)
            .filter(|h| h.kind == TimexType::Date && h.end - k <= 4)
        {
            if hit.value.as_deref().is_some_and(|v| v.len() == 10) {
                date = hit.value;
                j = hit.end;
            }
        }
        let refers_back = date.is_none().then_some(Back::DayInSentence);
        let date = date.unwrap_or_else(|| {
            cx.anchor
                .map_or("XXXX-XX-XX".to_string(), |a| ymd(a.year, a.month, a.day))
        });
        let value = format!(
            "{date}T{hour:02}:{:02}{}",
            minutes.unwrap_or(0),
            if zulu { "Z" } else { "" }
        );
        Some(Hit {
            refers_back,
            ..Hit::new(i, j, TimexType::Time, Some(value))
        })
    }

    /// `third quarter`, `3rd quarter`, `first half` (of 2022): `k` is after the ordinal.
    fn quarter(&self, cx: &Ctx, i: usize, ordinal: u32, k: usize) -> Option<Hit> {
        let mut j = k;
        if cx.dash(j) && cx.glued(j) {
            j += 1;
        }
        let (letter, limit) = match cx.w(j) {
            "quarter" => ("Q", 4),
            "half" => ("H", 2),
            _ => return None,
        };
        if !(1..=limit).contains(&ordinal) {
            return None;
        }
        let mut end = j + 1;
        let mut year = None;
        let named = cx.e(end + 1).and_then(|e| e.relative);
        if cx.w(end) == "of" && cx.year(end + 1).is_some() {
            year = cx.year(end + 1);
            end += 2;
        } else if let (Some(offset), "of", "year", Some(a)) =
            (named, cx.w(end), cx.w(end + 2), cx.anchor)
        {
            year = Some(a.year + offset as i32);
            end += 3;
        } else if let Some(y) = cx.year(end).filter(|_| !self.count_follows(cx, end + 1)) {
            year = Some(y);
            end += 1;
        }
        let value = match (year, cx.anchor) {
            (Some(y), _) => Some(format!("{y:04}-{letter}{ordinal}")),
            (None, Some(a)) => {
                let current = if letter == "Q" {
                    (a.month - 1) / 3 + 1
                } else {
                    (a.month - 1) / 6 + 1
                };
                let tense = cx.tense(i, end);
                let before = ordinal > current
                    && (tense == Tense::Past || tense == Tense::Unknown && ordinal >= current + 2);
                let y = if before { a.year - 1 } else { a.year };
                Some(format!("{y:04}-{letter}{ordinal}"))
            }
            (None, None) => Some(format!("XXXX-{letter}{ordinal}")),
        };
        Some(Hit {
            the_ok: true,
            ..Hit::new(i, end, TimexType::Date, value)
        })
    }

    /// A count (`three`, `20`, `a few`) and where it ends.
    fn amount(&self, cx: &Ctx, i: usize) -> Option<(String, usize)> {
        if let Some((n, len)) = cx.num(i) {
            if len > 7 {
                return None;
            }
            let mut text = n.to_string();
            let mut j = i + 1;
            while cx.p(j, ',')
                && cx.glued(j)
                && cx.glued(j + 1)
                && matches!(cx.num(j + 1), Some((_, 3)))
                && text.len() < 7
            {
                text.push_str(cx.raw(j + 1));
                j += 2;
            }
            if cx.p(j, '.')
                && cx.glued(j)
                && cx.glued(j + 1)
                && cx.num(j + 1).is_some_and(|(_, l)| l <= 3)
            {
                text = format!("{text}.{}", cx.raw(j + 1));
                j += 2;
            }
            return Some((text, j));
        }
        let w = cx.w(i);
        let e = cx.e(i)?;
        if matches!(w, "a" | "an") {
            let next = cx.e(i + 1)?;
            if matches!(cx.w(i + 1), "few") {
                return Some(("X".into(), i + 2));
            }
            if cx.w(i + 1) == "couple" {
                return Some(("2".into(), if cx.w(i + 2) == "of" { i + 3 } else { i + 2 }));
            }
            if let Some(n @ (12 | 100)) = next.number {
                return Some((n.to_string(), i + 2));
            }
            return next.unit.map(|_| ("1".into(), i + 1));
        }
        if e.fuzzy {
            if w == "couple" {
                return Some(("2".into(), if cx.w(i + 1) == "of" { i + 2 } else { i + 1 }));
            }
            return Some(("X".into(), i + 1));
        }
        let mut n = e.number?;
        let mut j = i + 1;
        if (20..=90).contains(&n) && n % 10 == 0 {
            let k = if cx.dash(j) && cx.glued(j) && cx.glued(j + 1) {
                j + 1
            } else {
                j
            };
            if let Some(u @ 1..=9) = cx
                .e(k)
                .and_then(|e| e.number)
                .filter(|_| !matches!(cx.w(k), "a" | "an"))
            {
                n += u;
                j = k + 1;
            }
        }
        if cx.w(j) == "hundred" && n < 100 {
            n *= 100;
            j += 1;
        }
        Some((n.to_string(), j))
    }

    /// `three years`, `20-minute`, `five months ago`, `two weeks from now`, `15 a year` (a set).
    fn amount_unit(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let (amount, mut j) = self.amount(cx, i)?;
        // `five trading days`, `six straight days`
        if matches!(
            cx.w(j),
            "trading" | "straight" | "consecutive" | "business" | "working" | "successive" | "full"
        ) && cx.e(j + 1).is_some_and(|e| e.unit.is_some())
        {
            j += 1;
        }
        let (unit, mut k, adjectival) = if cx.dash(j) && cx.glued(j) && cx.glued(j + 1) {
            (cx.e(j + 1).and_then(|e| e.unit)?, j + 2, true)
        } else {
            (cx.e(j).and_then(|e| e.unit)?, j + 1, false)
        };
        let article = matches!(cx.w(i), "a" | "an");
        let word = cx.w(k - 1);
        if unit == Unit::Weekend
            || (word == "second" && (article || amount == "1"))
            || (unit == Unit::Quarter
                && (cx.num(i).is_none() && cx.e(i).is_some_and(|e| e.number.is_none())
                    || article
                    || cx.w(k) == "of"))
        {
            return None;
        }
        let plural = word.ends_with('s');
        if adjectival {
            if cx.dash(k) && cx.glued(k) && cx.w(k + 1) == "old" {
                k += 2;
            }
            return Some(Hit::new(
                i,
                k,
                TimexType::Duration,
                Some(unit.duration(&amount)),
            ));
        }
        let _ = plural;
        // `a year-earlier loss`: the adjective, a date.
        if article
            && amount == "1"
            && unit == Unit::Year
            && cx.dash(k)
            && cx.glued(k)
            && cx.glued(k + 1)
            && matches!(cx.w(k + 1), "ago" | "earlier")
        {
            let value = cx.anchor.and_then(|a| {
                if cx.about_quarters(i, k + 2) {
                    relative_value(a, Unit::Quarter, -5)
                } else {
                    relative_value(a, Unit::Year, -1)
                }
            });
            return Some(Hit::new(k - 1, k + 2, TimexType::Date, value));
        }
        // `a week or so ago`
        let so = cx.w(k) == "or" && cx.w(k + 1) == "so" && matches!(cx.w(k + 2), "ago" | "earlier");
        if so {
            k += 2;
        }
        let next = cx.w(k);
        let back = |sign: i64| -> Option<String> {
            if amount == "X" {
                return Some(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string());
            }
            let n: i64 = amount.parse().ok()?;
            if unit == Unit::Week {
                return day_value(cx.anchor?.days() + sign * 7 * n.min(100_000));
            }
            relative_value(cx.anchor?, unit, sign * n).or_else(|| {
                // Hours and minutes ago: the day.
                matches!(unit, Unit::Hour | Unit::Minute | Unit::Second)
                    .then(|| cx.anchor.map(|a| ymd(a.year, a.month, a.day)))
                    .flatten()
            })
        };
        if next == "ago" || next == "earlier" && cx.w(k + 1) != "than" {
            // In results reporting, `a year ago` is the same quarter a year before.
            if unit == Unit::Year && amount == "1" && cx.about_quarters(i, k + 1) {
                if let Some(a) = cx.anchor {
                    let value = relative_value(a, Unit::Quarter, -5);
                    return Some(Hit::new(i, k + 1, TimexType::Date, value));
                }
            }
            return Some(Hit::new(i, k + 1, TimexType::Date, back(-1)));
        }
        if next == "from" && cx.w(k + 1) == "now" {
            return Some(Hit::new(i, k + 2, TimexType::Date, back(1)));
        }
        if next == "old" {
            // An age, not a length of time.
            return None;
        }
        if article && amount == "1" {
            let prev = i.checked_sub(1);
            let after_count =
                prev.is_some_and(|p| {
                    cx.p(p, '%')
                        || matches!(
                            cx.w(p),
                            "times" | "once" | "twice" | "thrice" | "percent" | "cents" | "dollars"
                        )
                }) || (1..=3).any(|back| {
                    i.checked_sub(back).is_some_and(|p| {
                        cx.num(p).is_some()
                            || cx.e(p).is_some_and(|e| e.number.is_some())
                                && !matches!(cx.w(p), "a" | "an")
                    })
                }) && !matches!(next, "ago" | "earlier" | "later" | "before" | "after");
            if after_count {
                return Some(Hit::new(i, k, TimexType::Set, Some(unit.duration("1"))));
            }
        }
        Some(Hit::new(
            i,
            k,
            TimexType::Duration,
            Some(unit.duration(&amount)),
        ))
    }

    fn wordy(&self, cx: &Ctx, i: usize, after_the: bool) -> Option<Hit> {
        let w = cx.w(i);
        if matches!(w, "every" | "each" | "per") {
            return self.set(cx, i, w);
        }
        if let Some((year, end)) = spelled_year(cx, i) {
            return Some(Hit::new(
                i,
                end,
                TimexType::Date,
                Some(format!("{year:04}")),
            ));
        }
        let Some(e) = cx.e(i) else {
            return self.unlisted(cx, i, w, after_the);
        };
        // Months: Aug. 2, 2022; August 2022; August.
        if let Some((m, abbr)) = e.month {
            if let Some(hit) = self.month(cx, i, m, abbr) {
                return Some(hit);
            }
        }
        if let Some((d, abbr)) = e.weekday {
            if let Some(hit) = self.weekday(cx, i, d, abbr, None) {
                return Some(hit);
            }
        }
        if let Some(offset) = e.deictic {
            let Some(a) = cx.anchor else {
                return Some(Hit::new(i, i + 1, TimexType::Date, None));
            };
            let day = a.days() + offset;
            if let Some(part) = cx
                .e(i + 1)
                .and_then(|e| e.part_of_day)
                .filter(|_| !cx.w(i + 1).ends_with('s'))
            {
                return Some(Hit::new(
                    i,
                    i + 2,
                    TimexType::Time,
                    Some(format!("{}T{part}", day_value(day)?)),
                ));
            }
            return Some(Hit::new(i, i + 1, TimexType::Date, day_value(day)));
        }
        if let Some(offset) = e.relative {
            if let Some(hit) = self.relative(cx, i, w, offset, after_the) {
                return Some(hit);
            }
            if w == "past" && after_the {
                let hit = Hit::new(i, i + 1, TimexType::Date, Some("PAST_REF".into()));
                return Some(Hit {
                    the_ok: true,
                    ..hit
                });
            }
        }
        if let Some(ordinal) = e.ordinal {
            if let Some(hit) = self.quarter(cx, i, ordinal, i + 1) {
                return Some(hit);
            }
            if w == "first" {
                if let Some(h) = self
                    .amount_unit(cx, i + 1)
                    .filter(|h| h.kind == TimexType::Duration)
                {
                    return Some(Hit {
                        start: i,
                        the_ok: true,
                        ..h
                    });
                }
            }
        }
        if let Some(value) = e.reference {
            let next_unit = cx.e(i + 1).and_then(|e| e.unit);
            if w == "recent" {
                // `recent years`
                if let Some(unit) =
                    next_unit.filter(|&u| u != Unit::Weekend && cx.w(i + 1).ends_with('s'))
                {
                    let value = unit.duration("X");
                    return Some(Hit::new(i, i + 2, TimexType::Duration, Some(value)));
                }
                return (!after_the)
                    .then(|| Hit::new(i, i + 1, TimexType::Date, Some(value.into())));
            }
            if w == "current" && (after_the || next_unit.is_some()) {
                return None;
            }
            if cx.dash(i + 1) && cx.glued(i + 1) {
                return None;
            }
            if w == "soon"
                && (matches!(cx.w(i + 1), "as" | "after" | "afterwards" | "thereafter")
                    || cx.w(i.wrapping_sub(1)) == "as")
            {
                return None;
            }
            return Some(Hit::new(i, i + 1, TimexType::Date, Some(value.into())));
        }
        if let Some(set) = e.set {
            if cx.cap(i) && !cx.sentence_start(i) {
                return None;
            }
            let value = if set.starts_with('T') {
                format!("XXXX-XX-XX{set}")
            } else {
                set.to_string()
            };
            return Some(Hit::new(i, i + 1, TimexType::Set, Some(value)));
        }
        if let Some(season) = e.season {
            let mut j = i + 1;
            if cx.w(j) == "of" && cx.year(j + 1).is_some() {
                j += 1;
            }
            if let Some(y) = cx.year(j).filter(|_| !self.count_follows(cx, j + 1)) {
                return Some(Hit::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    Some(format!("{y:04}-{season}")),
                ));
            }
            // the winter of nineteen ninety-four
            if let Some((y, end)) = (cx.w(i + 1) == "of")
                .then(|| spelled_year(cx, i + 2))
                .flatten()
            {
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, end, TimexType::Date, Some(format!("{y:04}-{season}")))
                });
            }
            let cue = after_the
                || (w != "fall" && (!cx.cap(i) || cx.sentence_start(i)))
                || (w != "fall"
                    && i > 0
                    && matches!(
                        cx.w(i - 1),
                        "in" | "during"
                            | "since"
                            | "until"
                            | "by"
                            | "through"
                            | "throughout"
                            | "early"
                            | "late"
                            | "mid"
                            | "before"
                            | "after"
                    ));
            if cue {
                let value = cx.anchor.map_or_else(
                    || format!("XXXX-{season}"),
                    |a| format!("{:04}-{season}", a.year),
                );
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, i + 1, TimexType::Date, Some(value))
                });
            }
            return None;
        }
        if let Some(unit) = e.unit {
            if let Some(hit) = self.year_word(cx, i, after_the) {
                return Some(hit);
            }
            // `on the day`, `later in the day`: the document's day.
            let in_the_day = after_the
                && w == "day"
                && matches!(
                    cx.w(i.wrapping_sub(2)),
                    "on" | "for"
                        | "during"
                        | "in"
                        | "over"
                        | "throughout"
                        | "end"
                        | "ending"
                        | "ended"
                        | "ends"
                        | "finish"
                        | "finished"
                        | "finishing"
                        | "close"
                        | "closed"
                        | "closing"
                        | "start"
                        | "started"
                        | "starting"
                        | "began"
                        | "begin"
                )
                && !matches!(
                    cx.w(i + 1),
                    "of" | "after" | "before" | "when" | "that" | "which" | "they" | "he" | "she"
                );
            if in_the_day {
                let value = cx.anchor.map(|a| ymd(a.year, a.month, a.day));
                return Some(Hit {
                    the_ok: true,
                    refers_back: Some(Back::Day),
                    ..Hit::new(i, i + 1, TimexType::Date, value)
                });
            }
            if after_the && unit == Unit::Weekend && !cx.w(i).ends_with('s') {
                let value = cx.anchor.and_then(|a| {
                    let weekday = weekday_of(a.days());
                    let offset = if weekday >= 5 || cx.tense(i - 1, i + 1) == Tense::Future {
                        0
                    } else {
                        -1
                    };
                    relative_value(a, Unit::Weekend, offset)
                });
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, i + 1, TimexType::Date, value)
                });
            }
            // `for years`, `for decades`
            if w.ends_with('s')
                && (matches!(
                    cx.w(i.wrapping_sub(1)),
                    "for" | "over" | "within" | "in" | "after"
                ) || after_the)
                && i > 0
                && unit != Unit::Weekend
            {
                let hit = Hit::new(i, i + 1, TimexType::Duration, Some(unit.duration("X")));
                return Some(Hit {
                    the_ok: true,
                    ..hit
                });
            }
        }
        if e.number.is_some() || e.fuzzy {
            return self.amount_unit(cx, i);
        }
        None
    }

    /// `year-end`, `the year-earlier results`, `for the year`, `the year ended
    /// June 30` (a duration).
    fn year_word(&self, cx: &Ctx, i: usize, after_the: bool) -> Option<Hit> {
        if cx.w(i) != "year" {
            return None;
        }
        let dashed = cx.dash(i + 1) && cx.glued(i + 1) && cx.glued(i + 2);
        let a = cx.anchor;
        if dashed && matches!(cx.w(i + 2), "ago" | "earlier") {
            let value = a.and_then(|a| {
                if cx.about_quarters(i, i + 3) {
                    relative_value(a, Unit::Quarter, -5)
                } else {
                    relative_value(a, Unit::Year, -1)
                }
            });
            return Some(Hit {
                the_ok: true,
                ..Hit::new(i, i + 3, TimexType::Date, value)
            });
        }
        let prev = cx.w(i.wrapping_sub(1));
        // year-end, year end, year's end
        let end = if dashed && cx.w(i + 2) == "end" || cx.w(i + 1) == "end" && !dashed {
            Some(if dashed { i + 3 } else { i + 2 })
        } else if cx.glued(i + 1)
            && (cx.p(i + 1, '\'') || cx.p(i + 1, '’'))
            && cx.w(i + 2) == "s"
            && cx.w(i + 3) == "end"
        {
            Some(i + 4)
        } else {
            None
        };
        if let Some(end) = end {
            let cue = matches!(
                prev,
                "by" | "at" | "around" | "until" | "till" | "before" | "since" | "after" | "the"
            );
            if !cue || cx.w(end) == "of" {
                return None;
            }
            let back = if prev == "since" { -1 } else { 0 };
            let value = a.and_then(|a| relative_value(a, Unit::Year, back));
            return Some(Hit {
                the_ok: true,
                ..Hit::new(i, end, TimexType::Date, value)
            });
        }
        if !after_the {
            return None;
        }
        // `the year ended June 30`: the twelve months to that day.
        if matches!(cx.w(i + 1), "ended" | "ending" | "ends" | "to" | "through") {
            return Some(Hit {
                the_ok: true,
                ..Hit::new(i, i + 1, TimexType::Duration, Some("P1Y".into()))
            });
        }
        let before_the = cx.w(i.wrapping_sub(2));
        let full = matches!(prev, "full" | "whole" | "entire");
        let after_prep = prev == "the"
            && matches!(
                before_the,
                "for" | "in" | "during" | "throughout" | "of" | "over"
            );
        let next = cx.toks.get(i + 1);
        let free = next.is_none_or(|t| t.kind != Kind::Num)
            && cx.e(i + 1).is_none_or(|e| e.number.is_none())
            && !(cx.glued(i + 1) && (cx.p(i + 1, '\'') || cx.p(i + 1, '’')))
            && !matches!(
                cx.w(i + 1),
                "of" | "after"
                    | "before"
                    | "when"
                    | "that"
                    | "which"
                    | "in"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "it"
                    | "ago"
                    | "earlier"
                    | "later"
                    | "previous"
                    | "prior"
                    | "since"
            );
        if (full || after_prep) && free && !cx.cap(i) {
            let value = a.and_then(|a| relative_value(a, Unit::Year, 0));
            return Some(Hit {
                the_ok: true,
                ..Hit::new(i, i + 1, TimexType::Date, value)
            });
        }
        None
    }

    /// `Q3`, `Q3 2021`, `H1`: a quarter or half in the financial shorthand.
    fn quarter_code(&self, cx: &Ctx, i: usize) -> Option<Hit> {
        let (letter, limit) = if cx.w(i) == "q" { ("Q", 4) } else { ("H", 2) };
        let (n, len) = cx.num(i + 1)?;
        // `H2O`, `H1N1`, `Q35`: other codes.
        let after = cx.toks.get(i + 2);
        if len != 1
            || !(1..=limit).contains(&n)
            || !cx.glued(i + 1)
            || cx.glued(i)
            || after.is_some_and(|t| !t.space && matches!(t.kind, Kind::Word | Kind::Num))
        {
            return None;
        }
        let n = n as u32;
        let mut end = i + 2;
        let year = if let Some(y) = cx.year(end).filter(|_| !self.count_follows(cx, end + 1)) {
            end += 1;
            Some(y)
        } else if cx.w(end) == "of" && cx.year(end + 1).is_some() {
            end += 2;
            cx.year(end - 1)
        } else {
            None
        };
        let value = match (year, cx.anchor) {
            (Some(y), _) => format!("{y:04}-{letter}{n}"),
            (None, Some(a)) => {
                let current = if letter == "Q" {
                    (a.month - 1) / 3 + 1
                } else {
                    (a.month - 1) / 6 + 1
                };
                let tense = cx.tense(i, end);
                let before = n > current
                    && (tense == Tense::Past || tense == Tense::Unknown && n >= current + 2);
                let y = if before { a.year - 1 } else { a.year };
                format!("{y:04}-{letter}{n}")
            }
            (None, None) => format!("XXXX-{letter}{n}"),
        };
        Some(Hit {
            the_ok: true,
            ..Hit::new(i, end, TimexType::Date, Some(value))
        })
    }

    /// Words outside the table: `tonight`, `noon`, `the future`, `Mondays`.
    fn unlisted(&self, cx: &Ctx, i: usize, w: &str, after_the: bool) -> Option<Hit> {
        let today = cx.anchor.map(|a| ymd(a.year, a.month, a.day));
        match w {
            "tonight" => {
                let value = today.map(|d| format!("{d}TNI"));
                Some(Hit::new(i, i + 1, TimexType::Time, value))
            }
            "annual" if !cx.cap(i) => {
                Some(Hit::new(i, i + 1, TimexType::Duration, Some("P1Y".into())))
            }
            "noon" | "midday" | "midnight" => {
                let day = today.unwrap_or_else(|| "XXXX-XX-XX".into());
                let time = if w == "midnight" { "24:00" } else { "12:00" };
                let named = self
                    .core(cx, i + 1, false)
                    .filter(|h| h.kind == TimexType::Date && h.end <= i + 5)
                    .filter(|h| h.value.as_deref().is_some_and(|v| v.len() == 10));
                let (end, day) = match named {
                    Some(h) => (h.end, h.value.unwrap_or(day)),
                    None => (i + 1, day),
                };
                Some(Hit::new(
                    i,
                    end,
                    TimexType::Time,
                    Some(format!("{day}T{time}")),
                ))
            }
            "future" if after_the => Some(Hit {
                the_ok: true,
                ..Hit::new(i, i + 1, TimexType::Date, Some("FUTURE_REF".into()))
            }),
            "present"
                if after_the && !matches!(cx.toks.get(i + 1).map(|t| t.kind), Some(Kind::Word)) =>
            {
                Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, i + 1, TimexType::Date, Some("PRESENT_REF".into()))
                })
            }
            "time" if after_the && cx.w(i + 1) == "being" => Some(Hit {
                the_ok: true,
                ..Hit::new(i, i + 2, TimexType::Date, Some("PRESENT_REF".into()))
            }),
            "long" | "short" if after_the && cx.w(i + 1) == "term" => Some(Hit {
                the_ok: true,
                ..Hit::new(i, i + 2, TimexType::Date, Some("FUTURE_REF".into()))
            }),
            "near" if after_the && matches!(cx.w(i + 1), "future" | "term") => Some(Hit {
                the_ok: true,
                ..Hit::new(i, i + 2, TimexType::Date, Some("FUTURE_REF".into()))
            }),
            "q" | "h" if cx.is_upper(i) => self.quarter_code(cx, i),
            // the nineties, the early seventies
            _ if w.len() > 6
                && w.ends_with("ies")
                && (after_the || matches!(cx.w(i.wrapping_sub(1)), "early" | "late" | "mid")) =>
            {
                let stem = format!("{}y", w.get(..w.len() - 3)?);
                let tens = self.words.get(stem.as_str()).and_then(|e| e.number)?;
                if !(20..=90).contains(&tens) || tens % 10 != 0 {
                    return None;
                }
                Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, i + 1, TimexType::Date, Some(format!("19{}", tens / 10)))
                })
            }
            _ if w.len() > 4 && w.ends_with('s') && cx.cap(i) => {
                let (d, abbr) = w
                    .get(..w.len() - 1)
                    .and_then(|stem| self.words.get(stem))
                    .and_then(|e| e.weekday)?;
                if abbr {
                    return None;
                }
                let mut end = i + 1;
                let mut value = format!("XXXX-WXX-{d}");
                if let Some(part) = cx.e(end).and_then(|e| e.part_of_day) {
                    value.push('T');
                    value.push_str(part);
                    end += 1;
                }
                Some(Hit::new(i, end, TimexType::Set, Some(value)))
            }
            _ => None,
        }
    }

    fn month(&self, cx: &Ctx, i: usize, m: u32, abbr: bool) -> Option<Hit> {
        if !cx.cap(i) {
            return None;
        }
        let mut j = i + 1;
        let dotted = abbr && cx.p(j, '.') && cx.glued(j);
        if dotted {
            j += 1;
        }
        if let Some((d, 1..=2)) = cx.num(j) {
            let decimal = cx.glued(j + 1)
                && (cx.p(j + 1, '.') || cx.p(j + 1, ',') || cx.p(j + 1, ':'))
                && cx.glued(j + 2)
                && cx.num(j + 2).is_some();
            if (1..=31).contains(&d) && !decimal {
                let mut k = j + 1;
                if cx.glued(k) && matches!(cx.w(k), "st" | "nd" | "rd" | "th") {
                    k += 1;
                }
                return self.with_year(cx, i, k, m, d as u32);
            }
        }
        let mut k = j;
        if cx.p(k, ',') {
            k += 1;
        }
        if cx.w(k) == "of" {
            k += 1;
        }
        if let Some(y) = cx.year(k).filter(|_| !self.count_follows(cx, k + 1)) {
            return Some(Hit::new(
                i,
                k + 1,
                TimexType::Date,
                Some(format!("{y:04}-{m:02}")),
            ));
        }
        if let Some((y, end)) = spelled_year(cx, k) {
            return Some(Hit::new(
                i,
                end,
                TimexType::Date,
                Some(format!("{y:04}-{m:02}")),
            ));
        }
        // `July last year`, `October of next year`
        let r = if cx.w(j) == "of" { j + 1 } else { j };
        if let (Some(offset), "year") = (cx.e(r).and_then(|e| e.relative), cx.w(r + 1)) {
            if matches!(cx.w(r), "last" | "this" | "next") {
                let value = match cx.anchor {
                    Some(a) => format!("{:04}-{m:02}", a.year as i64 + offset),
                    None => format!("XXXX-{m:02}"),
                };
                // After `of`, `next year` is a mention of its own.
                let end = if r > j { i + 1 } else { r + 2 };
                return Some(Hit::new(i, end, TimexType::Date, Some(value)));
            }
        }
        if abbr && !(dotted && cx.w(i) == "sept") {
            return None;
        }
        let w = cx.w(i);
        let prev_cue = i > 0
            && (cx
                .e(i - 1)
                .is_some_and(|e| e.month_cue && e.relative.is_none())
                || (cx.dash(i - 1) && cx.glued(i) && cx.w(i.wrapping_sub(2)) == "mid"));
        if matches!(w, "may" | "march") && !prev_cue {
            return None;
        }
        // `June Carter`: a name.
        if cx.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word)
            && cx.cap(i + 1)
            && cx.e(i + 1).is_none()
        {
            return None;
        }
        let value = self.resolve_month(cx, m, Pick::Tense(cx.tense(i, i + 1)));
        Some(Hit::new(i, i + 1, TimexType::Date, value))
    }

    fn resolve_month(&self, cx: &Ctx, m: u32, pick: Pick) -> Option<String> {
        let Some(a) = cx.anchor else {
            return Some(format!("XXXX-{m:02}"));
        };
        let now = a.year as i64 * 12 + a.month as i64 - 1;
        let at = |y: i32| y as i64 * 12 + m as i64 - 1;
        let years = [a.year - 1, a.year, a.year + 1];
        let year = match pick {
            Pick::Last => *years.iter().rev().find(|&&y| at(y) < now)?,
            Pick::Next => *years.iter().find(|&&y| at(y) > now)?,
            Pick::This(_) => a.year,
            // A past month is at most the one after the anchor's (a late report).
            Pick::Tense(tense) => {
                let slack = if tense == Tense::Past { 1 } else { 4 };
                choose(&years.map(|y| Some((at(y) - now, y))), tense, slack)?
            }
        };
        Some(format!("{year:04}-{m:02}"))
    }

    /// `Friday`, `Tuesday night`, `Monday, Aug. 2`; `pick` from `last`/`next`/`this`.
    fn weekday(&self, cx: &Ctx, i: usize, d: u32, abbr: bool, pick: Option<Pick>) -> Option<Hit> {
        if !cx.cap(i) {
            return None;
        }
        let mut j = i + 1;
        if abbr && cx.p(j, '.') && cx.glued(j) {
            j += 1;
        }
        let mut k = j;
        if cx.p(k, ',') {
            k += 1;
        }
        // `until Friday` ending a headline is no part of the date line below it.
        let same_line = cx.toks.get(k).is_some_and(|t| !t.line);
        if let Some(date) = cx
            .e(k)
            .filter(|_| same_line)
            .and_then(|e| e.month)
            .and_then(|(m, ab)| self.month(cx, k, m, ab))
        {
            if date.value.as_deref().is_some_and(|v| v.len() == 10) && date.end > k + 1 {
                return Some(Hit { start: i, ..date });
            }
        }
        if abbr {
            return None;
        }
        let (end, part) = match cx.e(j).and_then(|e| e.part_of_day) {
            Some(part) if !cx.w(j).ends_with('s') => (j + 1, Some(part)),
            Some(part) if pick.is_none() => {
                let value = format!("XXXX-WXX-{d}T{part}");
                return Some(Hit::new(i, j + 1, TimexType::Set, Some(value)));
            }
            _ => (j, None),
        };
        let pick = pick.unwrap_or_else(|| Pick::Tense(cx.tense(i, end)));
        let value = cx.anchor.and_then(|a| {
            let today = a.days();
            let current = weekday_of(today) as i64;
            let back = (current - d as i64).rem_euclid(7);
            let ahead = (d as i64 - current).rem_euclid(7);
            let offset = match pick {
                Pick::Last => -if back == 0 { 7 } else { back },
                Pick::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Pick::Tense(Tense::Future) | Pick::This(Tense::Future) => ahead,
                Pick::This(_) if ahead < back => ahead,
                _ => -back,
            };
            day_value(today + offset)
        });
        let value = match (value, part) {
            (Some(v), Some(p)) => Some(format!("{v}T{p}")),
            (None, None) => Some(format!("XXXX-WXX-{d}")),
            (None, Some(p)) => Some(format!("XXXX-WXX-{d}T{p}")),
            (v, None) => v,
        };
        let kind = if part.is_some() {
            TimexType::Time
        } else {
            TimexType::Date
        };
        Some(Hit::new(i, end, kind, value))
    }

    /// After `last`, `this`, `next`, `past`, `coming` …
    fn relative(&self, cx: &Ctx, i: usize, w: &str, offset: i64, after_the: bool) -> Option<Hit> {
        // `This Week` mid-sentence: a title.
        if cx.cap(i) && cx.cap(i + 1) && !cx.sentence_start(i) {
            return None;
        }
        let j = if cx.w(i + 1) == "fiscal" {
            i + 2
        } else {
            i + 1
        };
        // the past three months, the next few days, last two weeks
        if offset != 0 || w == "current" {
            if let Some(h) = self
                .amount_unit(cx, j)
                .filter(|h| h.kind == TimexType::Duration && !matches!(cx.w(j), "a" | "an"))
            {
                return Some(Hit {
                    start: i,
                    the_ok: true,
                    ..h
                });
            }
        }
        let next = cx.e(j)?;
        if let Some(unit) = next.unit {
            let word = cx.w(j);
            if word.ends_with('s') {
                // the coming weeks, the past months
                if offset == 0 || unit == Unit::Weekend || !after_the && w != "coming" {
                    return None;
                }
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, j + 1, TimexType::Duration, Some(unit.duration("X")))
                });
            }
            if !unit.is_calendar() {
                if unit == Unit::Day && offset == 0 {
                    let value = cx.anchor.map(|a| ymd(a.year, a.month, a.day));
                    return Some(Hit::new(i, j + 1, TimexType::Date, value));
                }
                return None;
            }
            if w == "following" && after_the {
                // Counted from the story's own time, not the document date.
                return Some(Hit {
                    the_ok: true,
                    ..Hit::new(i, j + 1, TimexType::Date, None)
                });
            }
            // `this year's third quarter`
            let possessive = cx.glued(j + 1)
                && (cx.p(j + 1, '\'') || cx.p(j + 1, '’'))
                && cx.glued(j + 2)
                && cx.w(j + 2) == "s";
            if unit == Unit::Year && possessive {
                if let Some(ordinal) = cx.e(j + 3).and_then(|e| e.ordinal) {
                    if let (Some(q), Some(a)) = (self.quarter(cx, j + 3, ordinal, j + 4), cx.anchor)
                    {
                        let value = q.value.map(|v| {
                            let year = a.year as i64 + offset;
                            format!("{year:04}{}", v.get(4..).unwrap_or(""))
                        });
                        return Some(Hit {
                            start: i,
                            value,
                            ..q
                        });
                    }
                }
            }
            let value = cx.anchor.and_then(|a| relative_value(a, unit, offset));
            let value = match (value, cx.anchor) {
                (None, None) => Some(
                    if offset < 0 {
                        "PAST_REF"
                    } else if offset > 0 {
                        "FUTURE_REF"
                    } else {
                        "PRESENT_REF"
                    }
                    .to_string(),
                ),
                (v, _) => v,
            };
            return Some(Hit {
                the_ok: true,
                ..Hit::new(i, j + 1, TimexType::Date, value)
            });
        }
        let pick = match offset {
            o if o < 0 => Pick::Last,
            o if o > 0 => Pick::Next,
            _ => Pick::This(cx.tense(i, j + 1)),
        };
        if let Some((d, false)) = next.weekday {
            return self
                .weekday(cx, j, d, false, Some(pick))
                .map(|h| Hit { start: i, ..h });
        }
        if let Some((m, false)) = next.month {
            if !cx.cap(j) {
                return None;
            }
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Date,
                self.resolve_month(cx, m, pick),
            ));
        }
        if let Some(season) = next.season {
            let value = cx.anchor.map(|a| {
                let (start, end) = match season {
                    "SP" => (3, 5),
                    "SU" => (6, 8),
                    "FA" => (9, 11),
                    _ => (12, 14),
                };
                let year = match pick {
                    Pick::Last if a.month > end => a.year,
                    Pick::Last => a.year - 1,
                    Pick::Next if a.month < start => a.year,
                    Pick::Next => a.year + 1,
                    _ => a.year,
                };
                format!("{year:04}-{season}")
            });
            return Some(Hit {
                the_ok: true,
                ..Hit::new(
                    i,
                    j + 1,
                    TimexType::Date,
                    value.or_else(|| Some(format!("XXXX-{season}"))),
                )
            });
        }
        if let Some(part) = next.part_of_day {
            if cx.w(j).ends_with('s') || offset > 0 {
                return None;
            }
            let offset = if offset < 0 { -1 } else { 0 };
            if offset < 0 && !matches!(part, "NI" | "EV") {
                return None;
            }
            let value = cx
                .anchor
                .and_then(|a| day_value(a.days() + offset))
                .map(|d| format!("{d}T{part}"));
            return Some(Hit::new(i, j + 1, TimexType::Time, value));
        }
        None
    }

    /// `every week`, `each Monday`, `every two years`, `per year`.
    fn set(&self, cx: &Ctx, i: usize, w: &str) -> Option<Hit> {
        let mut j = i + 1;
        let mut amount = "1".to_string();
        if w != "per" {
            if cx.w(j) == "other" {
                amount = "2".into();
                j += 1;
            } else if let Some((n, k)) = self.amount(cx, j).filter(|(n, _)| n != "X") {
                amount = n;
                j = k;
            }
        }
        let e = cx.e(j)?;
        if let Some(unit) = e.unit {
            if unit == Unit::Weekend {
                return Some(Hit::new(
                    i,
                    j + 1,
                    TimexType::Set,
                    Some("XXXX-WXX-WE".into()),
                ));
            }
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                Some(unit.duration(&amount)),
            ));
        }
        if w == "per" {
            return None;
        }
        if let Some((d, false)) = e.weekday {
            let mut value = format!("XXXX-WXX-{d}");
            let mut end = j + 1;
            if let Some(part) = cx.e(end).and_then(|e| e.part_of_day) {
                value = format!("{value}T{part}");
                end += 1;
            }
            return Some(Hit::new(i, end, TimexType::Set, Some(value)));
        }
        if let Some((m, false)) = e.month {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                Some(format!("XXXX-{m:02}")),
            ));
        }
        if let Some(part) = e.part_of_day {
            return Some(Hit::new(
                i,
                j + 1,
                TimexType::Set,
                Some(format!("XXXX-XX-XXT{part}")),
            ));
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok<'e> {
    start: usize,
    end: usize,
    kind: Kind,
    /// Whitespace (or the start of the range) before it.
    space: bool,
    /// A line break before it.
    line: bool,
    entry: Option<&'e Entry>,
}

/// A match in token indices (end exclusive).
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    kind: TimexType,
    value: Option<String>,
    /// Whether a `the` before it belongs to the mention (`the 1990s`).
    the_ok: bool,
    /// A second mention found with this one (`1979-1989`).
    also: Option<Box<Hit>>,
    /// What the value is, where the text named it before.
    refers_back: Option<Back>,
}

/// A mention whose value is a date named earlier in the text.
#[derive(Debug, Clone, Copy)]
enum Back {
    /// `later in the day`, `the same day`: the day last named.
    Day,
    /// `at 18:00 UTC` with no day of its own: the day named earlier in its sentence.
    DayInSentence,
    /// `the entire year` after `the fourth quarter of 2005`: the year last named.
    Year,
}

impl Hit {
    fn new(start: usize, end: usize, kind: TimexType, value: Option<String>) -> Hit {
        Hit {
            start,
            end,
            kind,
            value,
            the_ok: false,
            also: None,
            refers_back: None,
        }
    }
}

struct Ctx<'t, 'e> {
    text: &'t str,
    lower: &'t str,
    toks: Vec<Tok<'e>>,
    anchor: Option<Anchor>,
    /// Indices of the tokens `quarter` and `quarterly`, in order.
    quarters: Vec<usize>,
}

impl<'e> Ctx<'_, 'e> {
    /// The folded word at `i`, or "" for anything else.
    fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => self.lower.get(t.start..t.end).unwrap_or(""),
            _ => "",
        }
    }

    fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn e(&self, i: usize) -> Option<&'e Entry> {
        self.toks.get(i).and_then(|t| t.entry)
    }

    /// A run of digits: its value and length (at most nine digits).
    fn num(&self, i: usize) -> Option<(u64, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.end - t.start > 9 {
            return None;
        }
        let digits = self.text.get(t.start..t.end)?;
        Some((digits.parse().ok()?, digits.len()))
    }

    /// A four-digit year from 1000 to 2099.
    fn year(&self, i: usize) -> Option<i32> {
        match self.num(i) {
            Some((y, 4)) if (1000..=2099).contains(&y) => Some(y as i32),
            _ => None,
        }
    }

    fn p(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    fn dash(&self, i: usize) -> bool {
        self.p(i, '-') || self.p(i, '–') || self.p(i, '‑')
    }

    /// Token `i` exists and touches the one before it.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// All capitals (`EST`), so that `est` the word is not a zone.
    fn is_upper(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .is_some_and(|s| s.chars().all(|c| c.is_uppercase()))
    }

    /// Whether a sentence ends at token `i` (a full stop before a capital or a line break).
    fn ends_sentence(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        if !matches!(t.kind, Kind::Punct('.' | '!' | '?' | ';')) {
            return false;
        }
        match self.toks.get(i + 1) {
            None => true,
            Some(next) => next.line || (next.space && self.cap(i + 1)),
        }
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.toks.get(i).is_some_and(|t| t.line) || self.ends_sentence(i - 1)
    }

    /// Whether a quarter was named in the few hundred tokens before `start`, or
    /// just after `end`: the story reports quarterly results.
    fn about_quarters(&self, start: usize, end: usize) -> bool {
        let n = self.quarters.partition_point(|&k| k < start);
        let before = n > 0 && start - self.quarters[n - 1] <= 400;
        let after = self
            .quarters
            .get(n)
            .is_some_and(|&k| k >= end && k - end <= 15);
        before || after
    }

    /// Past or future by the nearest cue in the same sentence, within a few words.
    fn tense(&self, start: usize, end: usize) -> Tense {
        const BACK: usize = 12;
        const AHEAD: usize = 10;
        let cue = |k: usize| -> Option<Tense> {
            let t = self.toks.get(k)?;
            if t.kind != Kind::Word {
                return None;
            }
            if let Some(tense) = t.entry.and_then(|e| e.tense) {
                // `ll` only as in `we'll`
                if self.w(k) == "ll"
                    && !(self.glued(k) && (self.p(k - 1, '\'') || self.p(k - 1, '’')))
                {
                    return None;
                }
                return Some(tense);
            }
            let w = self.w(k);
            // `reported`, not `indeed` or `proceed`, nor adjectives as `unnamed`
            let past =
                w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && !w.starts_with("un");
            if !past || self.cap(k) {
                return None;
            }
            // `will be completed`, `to be paid`: a passive still ahead.
            if k > 0 && self.w(k - 1) == "be" {
                return Some(Tense::Future);
            }
            Some(Tense::Past)
        };
        let mut before = None;
        // `from Tuesday` with no verb to say otherwise: a start still ahead.
        let starting = start > 0 && matches!(self.w(start - 1), "from" | "starting" | "effective");
        let mut k = start;
        while k > 0 && start - k < BACK {
            if self.toks.get(k).is_some_and(|t| t.line) || self.ends_sentence(k - 1) {
                break;
            }
            k -= 1;
            if let Some(t) = cue(k) {
                before = Some((start - k, t));
                break;
            }
            // `meets Monday`, `opens on Friday`: a plan.
            if start - k <= 2 && self.e(k).is_some_and(|e| e.scheduled) && !self.cap(k) {
                before = Some((start - k, Tense::Future));
                break;
            }
            let infinitive = self.w(k) == "to"
                && self.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                && !self.cap(k + 1)
                && !matches!(
                    self.w(k + 1),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its"
                )
                // `opened to visitors`: a plural noun, not a verb
                && !plural_noun(self.w(k + 1));
            if infinitive && k + 1 < start {
                before = Some((start - k, Tense::Future));
                break;
            }
        }
        let mut after = None;
        let mut k = end;
        while k < self.toks.len() && k - end < AHEAD {
            if self.toks.get(k).is_some_and(|t| t.line) || self.ends_sentence(k) {
                break;
            }
            if let Some(t) = cue(k) {
                after = Some((k + 1 - end, t));
                break;
            }
            k += 1;
        }
        match (before, after) {
            (Some((db, tb)), Some((da, ta))) => {
                if da < db {
                    ta
                } else {
                    tb
                }
            }
            (Some((_, t)), None) | (None, Some((_, t))) => t,
            (None, None) if starting => Tense::Future,
            (None, None) => Tense::Unknown,
        }
    }
}

/// Of the candidate years (each with its distance from the anchor), the
/// nearest, unless the tense points the other way and the nearest is more
/// than `slack` away: `said ... March 31` in November is the March before.
fn choose(options: &[Option<(i64, i32)>], tense: Tense, slack: i64) -> Option<i32> {
    let nearest = options.iter().flatten().min_by_key(|(d, _)| d.abs())?;
    let wrong_side = match tense {
        Tense::Past => nearest.0 > slack,
        Tense::Future => nearest.0 < -slack,
        Tense::Unknown => false,
    };
    if !wrong_side {
        return Some(nearest.1);
    }
    options
        .iter()
        .flatten()
        .filter(|(d, _)| {
            if tense == Tense::Past {
                *d <= 0
            } else {
                *d >= 0
            }
        })
        .min_by_key(|(d, _)| d.abs())
        .map_or(Some(nearest.1), |o| Some(o.1))
}

/// A year in words: `nineteen ninety-six`, `nineteen hundred`, `the year two thousand`.
fn spelled_year(cx: &Ctx, i: usize) -> Option<(i32, usize)> {
    let number = |k: usize| {
        cx.e(k)
            .and_then(|e| e.number)
            .filter(|_| !matches!(cx.w(k), "a" | "an" | "dozen"))
    };
    let first = number(i)?;
    if first == 2 && cx.w(i + 1) == "thousand" && cx.w(i.wrapping_sub(1)) == "year" {
        let mut end = i + 2;
        let mut year = 2000;
        let k = if cx.w(end) == "and" { end + 1 } else { end };
        if let Some(n @ 1..=19) = number(k) {
            year += n as i32;
            end = k + 1;
        }
        return Some((year, end));
    }
    if !(11..=20).contains(&first) {
        return None;
    }
    let second = number(i + 1)?;
    let mut end = i + 2;
    let mut rest = match second {
        100 if first >= 17 => 0,
        10..=19 => second,
        20..=90 if second % 10 == 0 => second,
        _ => return None,
    };
    if (20..=90).contains(&rest) {
        let k = if cx.dash(end) && cx.glued(end) && cx.glued(end + 1) {
            end + 1
        } else {
            end
        };
        if let Some(n @ 1..=9) = number(k) {
            rest += n;
            end = k + 1;
        }
    }
    if cx.e(end).is_some_and(|e| e.unit.is_some()) {
        return None;
    }
    Some((first as i32 * 100 + rest as i32, end))
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A word after `to` that reads as a plural noun (`visitors`, `residents`)
/// rather than a verb (`discuss`, `focus`, `address`).
fn plural_noun(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

fn valid_date(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = y as i64 - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (y + i64::from(m <= 2), m, d)
}

/// ISO weekday, 1 Monday to 7 Sunday.
fn weekday_of(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// `Shares fell on Monday … to end the day lower`: the day is the one last
/// named (Monday), not the document's.
fn last_named_day(found: &[FoundDate]) -> Option<String> {
    found.iter().rev().find_map(named_day)
}

fn named_day(d: &FoundDate) -> Option<String> {
    let day = Anchor::parse(d.value.as_deref()?).filter(|_| d.kind == TimexType::Date)?;
    Some(ymd(day.year, day.month, day.day))
}

/// `The jet flew Tuesday … at 18:00 UTC`: the day last named, if no sentence
/// ends between it and byte `at`.
fn day_named_in_sentence(text: &str, found: &[FoundDate], at: usize) -> Option<String> {
    let last = found.last()?;
    let between = text.get(last.range.end..at)?;
    let sentence_ends = between.contains('\n')
        || between
            .char_indices()
            .any(|(k, c)| matches!(c, '.' | '!' | '?') && between[k + 1..].starts_with(' '));
    (!sentence_ends).then(|| named_day(last)).flatten()
}

/// `the entire year` after `the fourth quarter of 2005`: 2005. Only a part
/// of a year names the year talked of: a bare year may be a target (`by 1992`).
fn last_named_year(found: &[FoundDate]) -> Option<String> {
    found.iter().rev().find_map(|d| {
        let value = d.value.as_deref().filter(|_| d.kind == TimexType::Date)?;
        let (year, part) = value.split_once('-')?;
        (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty())
            .then(|| year.to_string())
    })
}

fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn in_range(y: i64) -> Option<i32> {
    (0..=9999).contains(&y).then_some(y as i32)
}

fn day_value(days: i64) -> Option<String> {
    let (y, m, d) = civil_from_days(days);
    Some(ymd(in_range(y)?, m, d))
}

/// ISO year and week of a day.
fn iso_week(days: i64) -> Option<(i32, u32)> {
    let thursday = days - weekday_of(days) as i64 + 4;
    let (y, _, _) = civil_from_days(thursday);
    let y = in_range(y)?;
    Some((y, ((thursday - days_from_civil(y, 1, 1)) / 7 + 1) as u32))
}

/// The calendar unit `offset` units from the anchor's (`last week` is -1 weeks).
fn relative_value(a: Anchor, unit: Unit, offset: i64) -> Option<String> {
    let offset = offset.clamp(-100_000, 100_000);
    let today = a.days();
    Some(match unit {
        Unit::Day => day_value(today + offset)?,
        Unit::Week | Unit::Weekend => {
            let (y, w) = iso_week(today + 7 * offset)?;
            let suffix = if unit == Unit::Weekend { "-WE" } else { "" };
            format!("{y:04}-W{w:02}{suffix}")
        }
        Unit::Month => {
            let index = a.year as i64 * 12 + a.month as i64 - 1 + offset;
            format!(
                "{:04}-{:02}",
                in_range(index.div_euclid(12))?,
                index.rem_euclid(12) + 1
            )
        }
        Unit::Quarter => {
            let index = a.year as i64 * 4 + (a.month as i64 - 1) / 3 + offset;
            format!(
                "{:04}-Q{}",
                in_range(index.div_euclid(4))?,
                index.rem_euclid(4) + 1
            )
        }
        Unit::Year => format!("{:04}", in_range(a.year as i64 + offset)?),
        Unit::Decade => format!("{:03}", in_range(a.year as i64 + 10 * offset)? / 10),
        Unit::Century => format!("{:02}", in_range(a.year as i64 + 100 * offset)? / 100),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2022-08-03 is a Wednesday.
    fn anchor() -> Option<Anchor> {
        Anchor::parse("2022-08-03")
    }

    fn found(text: &str) -> Vec<(String, TimexType, Option<String>)> {
        DateFinder::new()
            .find(text, anchor())
            .into_iter()
            .map(|d| (text[d.range].to_string(), d.kind, d.value))
            .collect()
    }

    fn one(text: &str, surface: &str, kind: TimexType, value: Option<&str>) {
        let all = found(text);
        assert!(
            all.iter()
                .any(|(s, k, v)| s == surface && *k == kind && v.as_deref() == value),
            "{text:?}: wanted {surface:?} {kind:?} {value:?}, found {all:?}"
        );
    }

    fn date(text: &str, surface: &str, value: &str) {
        one(text, surface, TimexType::Date, Some(value));
    }

    #[test]
    fn the_day_is_the_day_last_named() {
        date(
            "Shares slid on Monday and ended the day lower.",
            "the day",
            "2022-08-01",
        );
        date("Shares slid on the day.", "the day", "2022-08-03");
        date(
            "The ferry left on Monday. A report came out the same day.",
            "the same day",
            "2022-08-01",
        );
    }

    #[test]
    fn the_entire_year_is_the_year_last_named() {
        date(
            "It lost $4 million in the fourth quarter of 2019 and $9 million for the entire year.",
            "the entire year",
            "2019",
        );
        date("Sales for the full year rose.", "the full year", "2022");
        date(
            "By 2030 it aims to double sales; it forecast growth for the full year.",
            "the full year",
            "2022",
        );
    }

    #[test]
    fn a_time_is_on_the_day_its_sentence_names() {
        one(
            "The jet first flew Monday from the coast at 18:00 UTC.",
            "18:00 UTC",
            TimexType::Time,
            Some("2022-08-01T18:00Z"),
        );
        one(
            "The jet first flew Monday. It lands at 18:00 UTC.",
            "18:00 UTC",
            TimexType::Time,
            Some("2022-08-03T18:00Z"),
        );
    }

    #[test]
    fn a_weekday_ending_a_line_is_no_part_of_the_date_below() {
        let all = found("Port to stay shut until Friday\nAugust 4, 2022\nThe port will stay shut.");
        assert_eq!(
            all.iter()
                .map(|(s, _, v)| (s.as_str(), v.as_deref()))
                .collect::<Vec<_>>(),
            [
                ("Friday", Some("2022-08-05")),
                ("August 4, 2022", Some("2022-08-04"))
            ]
        );
    }

    #[test]
    fn absolute_dates() {
        date(
            "The ferry sank on August 2 near the coast.",
            "August 2",
            "2022-08-02",
        );
        date("Talks resumed Aug 2 in the capital.", "Aug 2", "2022-08-02");
        date(
            "The pact was signed Aug. 2, 2019, by both sides.",
            "Aug. 2, 2019",
            "2019-08-02",
        );
        date(
            "Voting closed on 2 August 2021 at dusk.",
            "2 August 2021",
            "2021-08-02",
        );
        date(
            "The filing is dated 2021-11-30 in the registry.",
            "2021-11-30",
            "2021-11-30",
        );
        date(
            "The bridge opened in 1962 after long delays.",
            "1962",
            "1962",
        );
        date(
            "Prices rose sharply in the 1990s across the region.",
            "the 1990s",
            "199",
        );
        date("Prices rose sharply in the '80s too.", "the '80s", "198");
        date("The dam was flooded in mid-March.", "mid-March", "2022-03");
        date(
            "Harvests fell in September 2020 and again later.",
            "September 2020",
            "2020-09",
        );
        date(
            "The minister left office on 12/24/2015 quietly.",
            "12/24/2015",
            "2015-12-24",
        );
        date(
            "Losses grew in the third quarter of 2021.",
            "the third quarter of 2021",
            "2021-Q3",
        );
        date("Output was flat in fiscal 2020.", "fiscal 2020", "2020");
        date("The deal closed on 24/12/2015.", "24/12/2015", "2015-12-24");
        date(
            "Sales were flat in the third quarter, the firm said.",
            "the third quarter",
            "2022-Q3",
        );
        let range = found("The occupation lasted from 1979-1989 in the valley.");
        assert_eq!(
            range
                .iter()
                .map(|(s, _, v)| (s.as_str(), v.as_deref()))
                .collect::<Vec<_>>(),
            [("1979", Some("1979")), ("1989", Some("1989"))]
        );
    }

    #[test]
    fn relative_dates_follow_the_tense() {
        // Wednesday 3 August 2022: `said Friday` is 29 July, `will meet on Monday` 8 August.
        date(
            "The mayor said Friday that the road would stay shut.",
            "Friday",
            "2022-07-29",
        );
        date(
            "The two leaders will meet on Monday in Geneva.",
            "Monday",
            "2022-08-08",
        );
        date(
            "The court is set to rule on Thursday.",
            "Thursday",
            "2022-08-04",
        );
        date(
            "The ferry opened to passengers on Monday.",
            "Monday",
            "2022-08-01",
        );
        date("Tickets go on sale from Friday.", "Friday", "2022-08-05");
        date("The strike ran from Monday.", "Monday", "2022-08-01");
        date("He resigned yesterday.", "yesterday", "2022-08-02");
        date("The results come out tomorrow.", "tomorrow", "2022-08-04");
        date("Rain fell today across the north.", "today", "2022-08-03");
        date("The strike began last week.", "last week", "2022-W30");
        date(
            "The plant closed five months ago.",
            "five months ago",
            "2022-03",
        );
        date("Growth slowed this year.", "this year", "2022");
        date("The vote is due next month.", "next month", "2022-09");
        date(
            "A deal was struck earlier this week.",
            "earlier this week",
            "2022-W31",
        );
        date("Exports fell last year.", "last year", "2021");
        date("Imports rose last Friday.", "last Friday", "2022-07-29");
        date("The ban starts next Monday.", "next Monday", "2022-08-08");
        date("It was colder last winter.", "last winter", "2021-WI");
        date(
            "Police were called to the scene in the past.",
            "the past",
            "PAST_REF",
        );
        date("The shop is now closed.", "now", "PRESENT_REF");
        date("Teachers recently went on strike.", "recently", "PAST_REF");
        date("The report will be published soon.", "soon", "FUTURE_REF");
        date(
            "Sales fell in the weekend, traders said.",
            "the weekend",
            "2022-W30-WE",
        );
        date("Shares slid on the day.", "the day", "2022-08-03");
    }

    #[test]
    fn times_of_day() {
        one(
            "The blast happened at 3 p.m. near the port.",
            "3 p.m.",
            TimexType::Time,
            Some("2022-08-03T15:00"),
        );
        one(
            "Trading stopped at 10:30 a.m. EST in New York.",
            "10:30 a.m. EST",
            TimexType::Time,
            Some("2022-08-03T10:30"),
        );
        one(
            "The quake struck at 14:05 UTC offshore.",
            "14:05 UTC",
            TimexType::Time,
            Some("2022-08-03T14:05Z"),
        );
        one(
            "Protesters gathered on Tuesday night outside the hall.",
            "Tuesday night",
            TimexType::Time,
            Some("2022-08-02TNI"),
        );
        one(
            "The pilot landed Tuesday morning, officials said.",
            "Tuesday morning",
            TimexType::Time,
            Some("2022-08-02TMO"),
        );
        one(
            "Residents heard shots last night.",
            "last night",
            TimexType::Time,
            Some("2022-08-02TNI"),
        );
        one(
            "The minister spoke this morning.",
            "this morning",
            TimexType::Time,
            Some("2022-08-03TMO"),
        );
        one(
            "Crowds are expected tonight.",
            "tonight",
            TimexType::Time,
            Some("2022-08-03TNI"),
        );
    }

    #[test]
    fn durations() {
        let d = |text: &str, surface: &str, value: &str| {
            one(text, surface, TimexType::Duration, Some(value))
        };
        d("The siege lasted three years.", "three years", "P3Y");
        d(
            "The crowd waited for 20 minutes in the rain.",
            "20 minutes",
            "PT20M",
        );
        d("The town was rebuilt over a decade.", "a decade", "P10Y");
        d("He signed a two-year contract.", "two-year", "P2Y");
        d("Officers questioned him for 24 hours.", "24 hours", "PT24H");
        d(
            "Prices climbed over the past three months.",
            "the past three months",
            "P3M",
        );
        d(
            "The station will close for several weeks.",
            "several weeks",
            "PXW",
        );
        d(
            "The trial may last a couple of days.",
            "a couple of days",
            "P2D",
        );
        d(
            "The engine ran for twenty-five minutes.",
            "twenty-five minutes",
            "PT25M",
        );
    }

    #[test]
    fn sets() {
        let s = |text: &str, surface: &str, value: &str| {
            one(text, surface, TimexType::Set, Some(value))
        };
        s(
            "The council meets every week in the old hall.",
            "every week",
            "P1W",
        );
        s("Ferries run daily between the islands.", "daily", "P1D");
        s("The fee is reviewed annually.", "annually", "P1Y");
        s("The market opens each Monday.", "each Monday", "XXXX-WXX-1");
        s(
            "The census is held every two years.",
            "every two years",
            "P2Y",
        );
        s("The clinic sees 40 patients a day.", "a day", "P1D");
    }

    #[test]
    fn results_stories_and_spelled_years() {
        // In a story about quarterly results, `a year ago` is that quarter a year before.
        let text = "Third-quarter profit rose 5% to $2 million.\n\nRevenue was $9 million, up from $8 million a year ago.";
        one(text, "a year ago", TimexType::Date, Some("2021-Q2"));
        date("The pump failed five years ago.", "five years ago", "2017");
        date(
            "Profit fell in the latest quarter, the bank said.",
            "the latest quarter",
            "2022-Q2",
        );
        date(
            "The plan was drawn up in nineteen ninety-six.",
            "nineteen ninety-six",
            "1996",
        );
        date(
            "Sales were weak in this year's second quarter.",
            "this year's second quarter",
            "2022-Q2",
        );
        date("The index ended the day higher.", "the day", "2022-08-03");
        one(
            "Shares fell for five straight days.",
            "five straight days",
            TimexType::Duration,
            Some("P5D"),
        );
        date(
            "The firm reported a profit for the last year of $3 million.",
            "the last year",
            "2021",
        );
        date(
            "It has been quiet for the time being.",
            "the time being",
            "PRESENT_REF",
        );
    }

    #[test]
    fn without_a_year_or_an_anchor() {
        let finder = DateFinder::new();
        let text = "The inquiry opened on August 2 and met again last week.";
        let values: Vec<_> = finder
            .find(text, None)
            .into_iter()
            .map(|d| d.value)
            .collect();
        assert_eq!(
            values,
            [Some("XXXX-08-02".to_string()), Some("PAST_REF".to_string())]
        );
    }

    #[test]
    fn event_anchored_phrases_stay_unresolved() {
        one(
            "Refugees fled in the early days of the invasion.",
            "the early days",
            TimexType::Date,
            None,
        );
        one(
            "Shops reopened the day after the storm.",
            "the day",
            TimexType::Date,
            None,
        );
        date(
            "Snow fell in the first week of March.",
            "the first week of March",
            "2022-03",
        );
    }

    #[test]
    fn numbers_and_words_that_are_not_dates() {
        for text in [
            "The club signed 1500 new members and paid $2000 in fees.",
            "Call 555-1234 or 020 7946 0958 for tickets.",
            "The home side won 3-2 after extra time.",
            "Prices may rise, and they may fall further.",
            "Thousands march through the capital every year.",
            "About 2,000 people attended; 1,999 stayed late.",
            "Turnout reached 45.2000 percent in one ward.",
            "The index fell 2.5% to 2150.75 points.",
            "She wrote for The Sun and the China Daily.",
        ] {
            let all = found(text);
            let wrong: Vec<_> = all
                .iter()
                .filter(|(s, _, _)| !matches!(s.as_str(), "every year"))
                .collect();
            assert!(wrong.is_empty(), "{text:?}: {wrong:?}");
        }
        date("Elections were held in May.", "May", "2022-05");
        assert!(found("Officials May Delay Decision").is_empty());
    }

    #[test]
    fn ranges_lie_on_char_boundaries_and_nothing_panics() {
        let finder = DateFinder::new();
        let texts = [
            "«Aug. 2» — 2022-08-0\u{301}2, 3 p.m. 日本 Mon\u{200B}day ’90s '",
            "12/31/99 0800 UTC 24:61 a.m. 99999999999999999999 years ago",
            "the end of the the first days of of the 4th quarter-",
            "every every 9999999 decades ago; last last next this",
            "Ṁarch 3, ＭＡＹ ２, the 1990’s, mid-",
        ];
        for text in texts {
            for cut in (0..=text.len()).filter(|&c| text.is_char_boundary(c)) {
                for piece in [&text[..cut], &text[cut..]] {
                    for anchor in [
                        None,
                        Anchor::parse("9999-12-31"),
                        Anchor::parse("1000-01-01"),
                    ] {
                        for d in finder.find(piece, anchor) {
                            assert!(
                                piece.is_char_boundary(d.range.start)
                                    && piece.is_char_boundary(d.range.end)
                            );
                            assert!(d.range.start < d.range.end && d.range.end <= piece.len());
                        }
                    }
                }
            }
        }
        let ranges = [3..9, 0..4, 1000..1001, 12..14];
        let _ = finder.find_in("on Monday, 2 May", &ranges, anchor());
    }

    #[test]
    fn random_token_soup_never_panics() {
        const PIECES: &[&str] = &[
            "Q",
            "H",
            "end",
            "'",
            "s",
            "full",
            "ended",
            "or",
            "so",
            "nineties",
            "meets",
            "be",
            "between",
            "and",
            "the",
            "last",
            "next",
            "this",
            "early",
            "mid",
            "-",
            "–",
            "of",
            "a",
            "an",
            "few",
            "every",
            "each",
            "per",
            "ago",
            "earlier",
            "later",
            "from",
            "now",
            "year",
            "years",
            "week",
            "weekend",
            "quarter",
            "half",
            "day",
            "days",
            "night",
            "Monday",
            "Tuesday",
            "Sept",
            "May",
            "March",
            "Aug",
            ".",
            ",",
            ":",
            "/",
            "'",
            "’",
            "s",
            "th",
            "st",
            "0",
            "00",
            "1",
            "12",
            "24",
            "31",
            "99",
            "1990",
            "2022",
            "9999",
            "0800",
            "123456789",
            "p",
            "m",
            "am",
            "PM",
            "UTC",
            "EST",
            "noon",
            "tonight",
            "today",
            "yesterday",
            "said",
            "will",
            "to",
            "meet",
            "twenty",
            "nineteen",
            "ninety",
            "six",
            "hundred",
            "thousand",
            "fiscal",
            "first",
            "third",
            "final",
            "century",
            "decades",
            "'90s",
            "$",
            "%",
            "\n",
            " ",
            "  ",
            "日本",
            "é",
            "\u{301}",
            "recent",
            "current",
            "daily",
            "annual",
            "quarterly",
        ];
        let finder = DateFinder::new();
        let anchors = [
            None,
            anchor(),
            Anchor::parse("1000-01-01"),
            Anchor::parse("9999-12-31"),
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for round in 0..20000 {
            let mut text = String::new();
            for _ in 0..(round % 23 + 1) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
                if seed & 0x30 != 0 {
                    text.push(' ');
                }
            }
            for d in finder.find(&text, anchors[round % anchors.len()]) {
                assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
                assert!(
                    d.range.start < d.range.end && d.range.end <= text.len(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn plans_in_the_present_tense_lie_ahead() {
        date(
            "The committee meets Monday to review the budget.",
            "Monday",
            "2022-08-08",
        );
        date(
            "The museum opens on Friday after repairs.",
            "Friday",
            "2022-08-05",
        );
        date(
            "Her new play premieres Saturday in a small theatre.",
            "Saturday",
            "2022-08-06",
        );
    }

    #[test]
    fn months_without_a_year_keep_to_the_tense() {
        date("The firm reported a loss in October.", "October", "2021-10");
        date("The ship will sail in March.", "March", "2023-03");
        date(
            "The sale should be completed in February, the firm said.",
            "February",
            "2023-02",
        );
        date(
            "Output fell on an unexpected outage in September.",
            "September",
            "2022-09",
        );
        date("Prices climbed sharply in July.", "July", "2022-07");
    }

    #[test]
    fn quarters_named_by_their_year() {
        date(
            "Profit fell in the 2021 second quarter, it said.",
            "the 2021 second quarter",
            "2021-Q2",
        );
        date(
            "The bank lost money in the third quarter. In the 2021 quarter it had a profit.",
            "the 2021 quarter",
            "2021-Q2",
        );
        date(
            "The mill earned more than in the year-ago second quarter.",
            "the year-ago second quarter",
            "2021-Q2",
        );
        date(
            "The chain posted a profit, against a year-earlier loss of $5 million.",
            "year-earlier",
            "2021",
        );
    }

    #[test]
    fn years_in_results_and_spelled_decades() {
        date(
            "The deal should close by year-end, the bank said.",
            "year-end",
            "2022",
        );
        date(
            "Shares have lost a third since year's end.",
            "year's end",
            "2021",
        );
        date(
            "The year-earlier figures were restated.",
            "year-earlier",
            "2021",
        );
        date(
            "Sales for the full year rose 4%, the retailer said.",
            "the full year",
            "2022",
        );
        date(
            "The chain expects to hire more staff during the year.",
            "the year",
            "2022",
        );
        one(
            "Profit for the year ended March 31 doubled.",
            "the year",
            TimexType::Duration,
            Some("P1Y"),
        );
        date(
            "Rents rose steadily through the nineties in the city.",
            "the nineties",
            "199",
        );
        date(
            "Dealers whose licences lapse after October of next year must reapply.",
            "October",
            "2023-10",
        );
        // Not the current year.
        let all = found("In the year he was born, the river froze.");
        assert!(all.iter().all(|(s, _, _)| s != "the year"), "{all:?}");
        let all = found("She was named player of the year 2019 by the league.");
        assert!(all.iter().all(|(s, _, _)| s != "the year"), "{all:?}");
    }

    #[test]
    fn clock_times_take_the_day_named_after_them() {
        one(
            "The offer expires at 5 p.m. EST, Aug. 9, the company said.",
            "5 p.m. EST, Aug. 9",
            TimexType::Time,
            Some("2022-08-09T17:00"),
        );
        one(
            "Voting will end at 8 p.m. on Friday in most states.",
            "8 p.m. on Friday",
            TimexType::Time,
            Some("2022-08-05T20:00"),
        );
        date(
            "The chart mixes hits of the 60s and 70s with new songs.",
            "70s",
            "197",
        );
        date(
            "Floods hit the valley in the spring of nineteen eighty-two.",
            "the spring of nineteen eighty-two",
            "1982-SP",
        );
    }

    #[test]
    fn quarters_and_halves_in_shorthand() {
        date("Q1 sales rose 4% at the chain.", "Q1", "2022-Q1");
        date("Its Q3 2019 results were weak.", "Q3 2019", "2019-Q3");
        date(
            "The plan was drawn up a week or so ago.",
            "a week or so ago",
            "2022-07-27",
        );
        date("The retailer reported H1 profit.", "H1", "2022-H1");
        for text in [
            "A litre of H2O weighs a kilo.",
            "The H1N1 virus spread.",
            "Take exit Q35 off the road.",
        ] {
            let all = found(text);
            assert!(all.is_empty(), "{text:?}: {all:?}");
        }
    }

    #[test]
    fn anchors_parse_full_dates_only() {
        assert_eq!(
            Anchor::parse("2022-08-02T10:00:00Z"),
            Some(Anchor {
                year: 2022,
                month: 8,
                day: 2
            })
        );
        assert_eq!(Anchor::parse("--08-02"), None);
        assert_eq!(Anchor::parse("2022-02-30"), None);
        assert_eq!(Anchor::parse("2022-08"), None);
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), Some((2020, 53)));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }
}
