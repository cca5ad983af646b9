//! Document facts: outlet, byline, date and the dateline's place.
//!
//! Every fact comes from the document itself (a dateline, a sign-off, a
//! masthead repeated at the top, markup debris, an email domain): an outlet
//! is never guessed from a list of names.

use super::boilerplate::{ends_like_sentence, is_byline};
use super::Block;
use crate::lexicon::Lexicon;
use crate::text::scan::{
    is_capital, is_digit, is_letter, is_word_or_hyphen, iso_date_parts, month_word, optional,
    word_boundary, Cursor,
};

#[derive(Debug, Default, PartialEq)]
pub struct Facts {
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub dateline_place: Option<String>,
}

/// The marks around a field's name and value in markup debris.
const FIELD_QUOTES: [char; 3] = ['“', '"', '”'];

pub struct FactFinder<'a> {
    lexicon: &'a Lexicon,
}

// The dateline matchers leave the place's and the agency's length open, and
// these bound it after the match, in characters.
const MAX_PLACE_CHARS: usize = 41;
const MAX_AGENCY_CHARS: usize = 31;

fn at_most(text: &str, chars: usize) -> bool {
    text.chars().nth(chars).is_none()
}

impl<'a> FactFinder<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        FactFinder { lexicon }
    }

    /// Reads the facts of one document; `default_date` is used when it states none.
    pub fn find(
        &self,
        text: &str,
        blocks: &[Block],
        title: Option<usize>,
        default_date: Option<&str>,
    ) -> Facts {
        let line = |b: &Block| &text[b.range.clone()];
        let body: Vec<&Block> = blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| b.is_article() && Some(*i) != title)
            .map(|(_, b)| b)
            .collect();
        let body_start = blocks
            .iter()
            .position(|b| b.is_article() && ends_like_sentence(line(b)))
            .unwrap_or(0);
        let header: Vec<&str> = blocks[..body_start].iter().map(line).collect();
        let mut facts = Facts::default();

        // A dateline opens the first paragraph or stands alone above it.
        let dateline = body
            .first()
            .map(|b| line(b))
            .into_iter()
            .chain(header.iter().rev().copied())
            .filter(|candidate| candidate.contains(',') && has_digit(candidate))
            .find_map(|candidate| {
                let found = dated_line(candidate).filter(|d| at_most(d.place, MAX_PLACE_CHARS))?;
                let date = self.month_day(found.month, found.day, found.year)?;
                Some((
                    found.place.trim().to_string(),
                    found.outlet.map(|o| o.trim().to_string()),
                    date,
                ))
            });
        if let Some((place, outlet, date)) = dateline {
            facts.dateline_place = Some(place);
            facts.outlet = outlet;
            facts.date = Some(date);
        } else if let Some(first) = body.first().map(|b| line(b)).filter(|l| l.contains('(')) {
            if let Some((place, outlet)) = agency_line(first).filter(|(place, outlet)| {
                at_most(place, MAX_PLACE_CHARS) && at_most(outlet, MAX_AGENCY_CHARS)
            }) {
                facts.dateline_place = Some(place.trim().to_string());
                facts.outlet = Some(outlet.trim().to_string());
            }
        }
        facts.outlet = facts
            .outlet
            .or_else(|| {
                body.last()
                    .map(|b| line(b))
                    .filter(|l| ends_in_capital(l))
                    .and_then(sign_off)
                    .map(str::to_string)
            })
            .or_else(|| masthead(&header))
            .or_else(|| self.source_field(text))
            .or_else(|| {
                blocks
                    .iter()
                    .filter(|b| !b.is_article() && line(b).contains('@'))
                    .find_map(|b| email_domain(line(b)))
                    .map(str::to_lowercase)
            });
        // `By X` anywhere above the body; a bare name only near the headline.
        let beside_title = |i: usize| title.is_some_and(|t| i.abs_diff(t) <= 2);
        let bare_name = |(i, l): &(usize, &str)| {
            beside_title(*i)
                && is_byline(l)
                && Some(*l) != facts.outlet.as_deref()
                && header.iter().filter(|h| *h == l).count() == 1
        };
        facts.byline = header
            .iter()
            .copied()
            .find(|l| l.starts_with("By ") && is_byline(l))
            .or_else(|| {
                header
                    .iter()
                    .copied()
                    .enumerate()
                    .find(bare_name)
                    .map(|(_, l)| l)
            })
            .map(|l| l.strip_prefix("By ").unwrap_or(l).to_string());
        facts.date = facts
            .date
            .or_else(|| header.iter().find_map(|l| self.header_date_of(l)))
            .or_else(|| default_date.map(str::to_string));
        facts
    }

    /// `"source": "…"` copied with the text, looked for only where a quoted
    /// `source` stands.
    fn source_field(&self, text: &str) -> Option<String> {
        text.match_indices("source").find_map(|(at, _)| {
            let mark = text[..at]
                .chars()
                .next_back()
                .filter(|c| FIELD_QUOTES.contains(c))?;
            let outlet = source_value(&text[at - mark.len_utf8()..])?;
            Some(outlet.trim().to_string())
        })
    }

    fn header_date_of(&self, line: &str) -> Option<String> {
        if !has_digit(line) {
            return None;
        }
        if let Some((year, month, day)) = iso_date(line) {
            return Some(format!("{year}-{month}-{day}"));
        }
        let (month, day, year) = header_date(line)?;
        self.month_day(month, day, Some(year))
    }

    /// ISO 8601 for a written month and day, `--MM-DD` without a year.
    fn month_day(&self, month: &str, day: &str, year: Option<&str>) -> Option<String> {
        let month = *self.lexicon.months.get(month.to_lowercase().as_str())?;
        let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
        Some(match year {
            Some(year) => format!("{year}-{month:02}-{day:02}"),
            None => format!("--{month:02}-{day:02}"),
        })
    }
}

/// The date matchers run only where they may match: every date needs a
/// digit, and `char::is_numeric` holds for every Unicode decimal digit.
fn has_digit(line: &str) -> bool {
    line.chars().any(char::is_numeric)
}

/// Whether a line ends as a sign-off must (`EFE`, `(AFP)`).
fn ends_in_capital(line: &str) -> bool {
    line.strip_suffix(')').unwrap_or(line).ends_with(is_capital)
}

/// A dateline's parts, as written.
struct Dateline<'a> {
    place: &'a str,
    month: &'a str,
    day: &'a str,
    year: Option<&'a str>,
    outlet: Option<&'a str>,
}

/// A wire dateline: `Moscow, Aug 2 (EFE).-`, `KYIV, March 3, 2024 (Reuters) -`,
/// a line `Vellmar, March 14`. It was the regex
/// `^(?P<place>[A-ZÀ-ÖØ-Þ][[^\W\d_]'’. -]+?),\s+(?P<month>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?(?:\s*\((?P<outlet>[^)]{2,40})\))?\s*(?:[.:–—-]+|$)`.
fn dated_line<'a>(line: &'a str) -> Option<Dateline<'a>> {
    let mut at = Cursor::new(line, 0);
    // `,` is no place character: the shortest place is all of them.
    let place = capitalized(&mut at, is_place_char)?;
    at.eat_str(",")?;
    at.space()?;
    let month = month_word(&mut at)?;
    at.space()?;
    let day = at.run(is_digit, 1, 2)?;
    let year = |mut at: Cursor<'a>| {
        at.skip(',');
        at.space()?;
        Some((at.run(is_digit, 4, 4)?, at))
    };
    let agency = |mut at: Cursor<'a>| {
        at.skip_space();
        at.eat_str("(")?;
        let name = at.run(|c| c != ')', 2, 40)?;
        at.eat_str(")")?;
        Some((name, at))
    };
    let end = |mut at: Cursor<'a>| {
        at.skip_space();
        (at.at_end()
            || at
                .eat(|c| matches!(c, '.' | ':' | '–' | '—' | '-'))
                .is_some())
        .then_some(())
    };
    let (year, (outlet, ())) = optional(at, year, |at| optional(at, agency, end))?;
    Some(Dateline {
        place,
        month,
        day,
        year,
        outlet,
    })
}

/// `LONDON (Reuters) -`: the place and the agency. It was the regex
/// `^(?P<place>[A-ZÀ-ÖØ-Þ][[^\W\d_]'’. -]+?)\s*\((?P<outlet>[A-ZÀ-ÖØ-Þ][[^\W\d_] .&-]+)\)\s*[–—-]`.
fn agency_line(line: &str) -> Option<(&str, &str)> {
    let mut at = Cursor::new(line, 0);
    let run = capitalized(&mut at, is_place_char)?;
    // The shortest place leaves its closing spaces to `\s*`, but keeps one
    // character after its capital.
    let capital = run.chars().next()?.len_utf8();
    let place = &run[..run.trim_end_matches(' ').len().max(capital + 1)];
    at.skip_space();
    at.eat_str("(")?;
    let outlet = capitalized(&mut at, |c| {
        is_letter(c) || matches!(c, ' ' | '.' | '&' | '-')
    })?;
    at.eat_str(")")?;
    at.skip_space();
    at.eat(|c| matches!(c, '–' | '—' | '-'))?;
    Some((place, outlet))
}

/// `[[^\W\d_]'’. -]`: what a dateline's place is spelled with.
fn is_place_char(c: char) -> bool {
    is_letter(c) || matches!(c, '\'' | '’' | '.' | ' ' | '-')
}

/// `[A-ZÀ-ÖØ-Þ]class+`: a capital and all of the run of `class` after it.
fn capitalized<'a>(at: &mut Cursor<'a>, class: impl Fn(char) -> bool) -> Option<&'a str> {
    let start = at.at;
    at.eat(is_capital)?;
    at.run(class, 1, usize::MAX)?;
    Some(&at.text()[start..at.at])
}

/// A wire sign-off closing the last paragraph, `… end. (AFP)` or `… end. EFE`:
/// the agency. It was the regex `[.!?”\x22]\s+\(?(?P<outlet>[A-ZÀ-ÖØ-Þ]{2,8})\)?$`.
fn sign_off(line: &str) -> Option<&str> {
    let line = line.strip_suffix(')').unwrap_or(line);
    // Only a space or `(` may stand before the agency: it is all the closing capitals.
    let outlet = &line[line.trim_end_matches(is_capital).len()..];
    let before = &line[..line.len() - outlet.len()];
    let before = before.strip_suffix('(').unwrap_or(before);
    let mark = before.trim_end_matches(char::is_whitespace);
    ((2..=8).contains(&outlet.chars().count())
        && mark.len() < before.len()
        && mark.ends_with(['.', '!', '?', '”', '"']))
    .then_some(outlet)
}

/// The value of a `"source": "…"` field opening `text`. It was the regex
/// `^[“"”]source[“"”]\s*:\s*[“"”](?P<outlet>[^“"”]{2,60})[“"”]`.
fn source_value(text: &str) -> Option<&str> {
    let quote = |c: char| FIELD_QUOTES.contains(&c);
    let mut at = Cursor::new(text, 0);
    at.eat(quote)?;
    at.eat_str("source")?;
    at.eat(quote)?;
    at.skip_space();
    at.eat_str(":")?;
    at.skip_space();
    at.eat(quote)?;
    let value = at.run(|c| !quote(c), 2, 60)?;
    at.eat(quote)?;
    Some(value)
}

/// The domain of the first email address in a line. It was the regex
/// `@(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})`: dotted labels up to the
/// last that opens with two lowercase ASCII letters, and those letters.
fn email_domain(line: &str) -> Option<&str> {
    line.match_indices('@').find_map(|(at, _)| {
        let start = at + 1;
        let mut labels = Cursor::new(line, start);
        labels.run(is_word_or_hyphen, 1, usize::MAX)?;
        let mut end = None;
        while labels.eat_str(".").is_some() {
            let label = labels.at;
            if labels.run(is_word_or_hyphen, 1, usize::MAX).is_none() {
                break;
            }
            let lower = line[label..]
                .bytes()
                .take_while(u8::is_ascii_lowercase)
                .count();
            if lower >= 2 {
                end = Some(label + lower);
            }
        }
        end.map(|end| &line[start..end])
    })
}

/// A date heading the article, `Tuesday, August 2, 2022`, `August 2, 2022` or
/// `2 August 2022`: month, day and year. It was the regex
/// `^(?:[^\W\d_]+,?\s+)?(?P<month>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b|^(?P<day2>\d{1,2})\s+(?P<month2>[^\W\d_]{3,9})\.?\s+(?P<year2>\d{4})\b`.
fn header_date<'a>(line: &'a str) -> Option<(&'a str, &'a str, &'a str)> {
    let start = Cursor::new(line, 0);
    let weekday = |mut at: Cursor<'a>| {
        at.run(is_letter, 1, usize::MAX)?;
        at.skip(',');
        at.space()?;
        Some(((), at))
    };
    let year = |mut at: Cursor<'a>| {
        let year = at.run(is_digit, 4, 4)?;
        word_boundary(line, at.at).then_some(year)
    };
    let month_first = |mut at: Cursor<'a>| {
        let month = month_word(&mut at)?;
        at.space()?;
        let day = at.run(is_digit, 1, 2)?;
        at.skip(',');
        at.space()?;
        Some((month, day, year(at)?))
    };
    let day_first = |mut at: Cursor<'a>| {
        let day = at.run(is_digit, 1, 2)?;
        at.space()?;
        let month = month_word(&mut at)?;
        at.space()?;
        Some((month, day, year(at)?))
    };
    optional(start, weekday, month_first)
        .map(|(_, date)| date)
        .or_else(|| day_first(start))
}

/// `2022-08-02` opening a line: year, month and day. It was the regex
/// `^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b`.
fn iso_date(line: &str) -> Option<(&str, &str, &str)> {
    let mut at = Cursor::new(line, 0);
    let date = iso_date_parts(&mut at)?;
    word_boundary(line, at.at).then_some(date)
}

/// A short capitalized line printed twice above the article (the masthead).
fn masthead(header: &[&str]) -> Option<String> {
    header
        .iter()
        .find(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            (1..=4).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && header.iter().filter(|other| other == line).count() >= 2
        })
        .map(|line| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::boilerplate::Detector;
    use crate::text::segment::blocks;

    fn facts(text: &str, default_date: Option<&str>) -> Facts {
        let lexicon = Lexicon::load();
        let classified = Detector::new(&lexicon).classify(text, &blocks(text), &Default::default());
        FactFinder::new(&lexicon).find(text, &classified.blocks, classified.title, default_date)
    }

    const BODY: &str = "The ferry service across the bay resumed on Tuesday after engineers repaired the damaged landing stage.\n\
        Passengers queued from early morning, and the first crossing left the harbour twenty minutes late.\n\
        The operator said the timetable would return to normal by the end of the week.\n\
        Local shops near the terminal reported a busy morning as the queues grew.";

    #[test]
    fn reads_a_wire_dateline_and_sign_off() {
        let text = format!("Lisbon, Mar 4 (NWS).- {BODY} NWS");
        let found = facts(&text, None);
        assert_eq!(found.dateline_place.as_deref(), Some("Lisbon"));
        assert_eq!(found.outlet.as_deref(), Some("NWS"));
        assert_eq!(found.date.as_deref(), Some("--03-04"));
    }

    #[test]
    fn a_dateline_place_or_agency_is_a_few_words() {
        let place = "Port Ellen"; // 10 characters
        let long_place = "Port Ellen and the Villages Along the Southern Shore"; // 52
        let dated = |place: &str| facts(&format!("{place}, Mar 4 (NWS).- {BODY}"), None);
        assert_eq!(dated(place).dateline_place.as_deref(), Some(place));
        assert_eq!(dated(long_place).dateline_place, None);
        let agency = |outlet: &str| facts(&format!("{place} ({outlet}) - {BODY}"), None);
        assert_eq!(
            agency("Harbour News").outlet.as_deref(),
            Some("Harbour News")
        );
        let long_outlet = "Harbour News Service of the Southern Isles";
        assert_eq!(agency(long_outlet).dateline_place, None);
    }

    #[test]
    fn reads_masthead_byline_and_header_date() {
        let text = format!("Bay Courier\nBay Courier\nNina Rowe\nMarch 4, 2025\nFerry crossings resume after repairs\n{BODY}");
        let found = facts(&text, Some("2025-01-01"));
        assert_eq!(found.outlet.as_deref(), Some("Bay Courier"));
        assert_eq!(found.byline.as_deref(), Some("Nina Rowe"));
        assert_eq!(found.date.as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn dated_lines() {
        let parts = |line| dated_line(line).map(|d| (d.place, d.month, d.day, d.year, d.outlet));
        assert_eq!(
            parts("Moscow, Aug 2 (EFE).- Talks resumed"),
            Some(("Moscow", "Aug", "2", None, Some("EFE")))
        );
        assert_eq!(
            parts("KYIV, March 3, 2024 (Reuters) - Drones"),
            Some(("KYIV", "March", "3", Some("2024"), Some("Reuters")))
        );
        assert_eq!(
            parts("Vellmar, March 14"),
            Some(("Vellmar", "March", "14", None, None))
        );
        assert_eq!(
            parts("São Tomé, Sept. 9: Rain"),
            Some(("São Tomé", "Sept", "9", None, None))
        );
        for line in [
            "Vellmar, March 145",
            "Vellmar, Ma 14",
            "Vellmar, Septembers 14",
            "Vellmar, March 14 and then",
            "Vellmar, March 14, 20245",
            "Moscow, Aug 2 (E).-",
            "vellmar, March 14",
            "Vellmar 2, March 14",
        ] {
            assert_eq!(parts(line), None, "{line}");
        }
    }

    #[test]
    fn agency_lines() {
        assert_eq!(
            agency_line("LONDON (Reuters) - Shares fell"),
            Some(("LONDON", "Reuters"))
        );
        assert_eq!(
            agency_line("NEW YORK  (AP) — Rain"),
            Some(("NEW YORK", "AP"))
        );
        // The place keeps one character after its capital, a space too.
        assert_eq!(agency_line("A (Bay News) -"), Some(("A ", "Bay News")));
        assert_eq!(agency_line("LONDON (reuters) -"), None);
        assert_eq!(agency_line("LONDON (Reuters) said"), None);
        assert_eq!(agency_line("LONDON (Reuters 2) -"), None);
    }

    #[test]
    fn sign_offs() {
        assert_eq!(sign_off("… talks will resume. (AFP)"), Some("AFP"));
        assert_eq!(sign_off("… talks will resume.” EFE"), Some("EFE"));
        assert_eq!(sign_off("… talks will resume.\u{a0}ÅB)"), Some("ÅB"));
        for line in [
            "… resume.(AFP)",
            "… resume AFP",
            "… resume. A",
            "… resume. ABCDEFGHI",
            "… resume. AFP.",
        ] {
            assert_eq!(sign_off(line), None, "{line}");
        }
    }

    #[test]
    fn source_fields_and_email_domains() {
        assert_eq!(
            source_value(r#""source": "Bay Courier", "id": 3"#),
            Some("Bay Courier")
        );
        assert_eq!(source_value("“source”:“NWS”"), Some("NWS"));
        assert_eq!(source_value(r#""source": "A""#), None);
        assert_eq!(source_value(r#""sources": "Bay""#), None);
        assert_eq!(
            email_domain("Write to news@mail.bay-courier.com."),
            Some("mail.bay-courier.com")
        );
        assert_eq!(email_domain("desk@bbc.co.uk"), Some("bbc.co.uk"));
        // The domain ends in the last label that opens with two lowercase letters.
        assert_eq!(email_domain("a@ex.org.C"), Some("ex.org"));
        assert_eq!(email_domain("a@EX.COM @b.info"), Some("b.info"));
        assert_eq!(email_domain("a@host.c1"), None);
        assert_eq!(email_domain("a@localhost"), None);
    }

    #[test]
    fn header_and_iso_dates() {
        assert_eq!(
            header_date("Tuesday, August 2, 2022"),
            Some(("August", "2", "2022"))
        );
        assert_eq!(header_date("Aug. 2 2022 10:00"), Some(("Aug", "2", "2022")));
        assert_eq!(header_date("2 August 2022"), Some(("August", "2", "2022")));
        for line in [
            "August 2, 20225",
            "August 2, 2022x",
            "Tuesday August 2",
            "Tuesday, 2 August 2022",
        ] {
            assert_eq!(header_date(line), None, "{line}");
        }
        assert_eq!(iso_date("2022-08-02 10:00"), Some(("2022", "08", "02")));
        assert_eq!(iso_date("2022-08-02T10:00"), None, "T is a word character");
        assert_eq!(iso_date("2022-8-02"), None);
        assert_eq!(iso_date("2022-08-021"), None);
    }

    #[test]
    fn unknown_stays_unknown() {
        let found = facts(BODY, Some("2025-01-01"));
        assert_eq!(found.outlet, None);
        assert_eq!(found.byline, None);
        assert_eq!(found.date.as_deref(), Some("2025-01-01"));
    }
}
