//! Document facts: outlet, byline, date and the dateline's place.
//!
//! Every fact comes from the document itself (a dateline, a sign-off, a
//! masthead repeated at the top, markup debris, an email domain): an outlet
//! is never guessed from a list of names.

use regex::Regex;

use super::boilerplate::{ends_like_sentence, is_byline};
use super::Block;
use crate::lexicon::Lexicon;

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
    dated_line: Regex,
    agency_line: Regex,
    sign_off: Regex,
    source_field: Regex,
    email_domain: Regex,
    header_date: Regex,
    iso_date: Regex,
}

// The dateline patterns leave the place's and the agency's length open, and
// these bound it after the match: a bounded repeat of a Unicode class compiles
// to one automaton per repeat, which cost 20 ms of start-up (about 100 ms in wasm).
const MAX_PLACE_CHARS: usize = 41;
const MAX_AGENCY_CHARS: usize = 31;

fn at_most(text: &str, chars: usize) -> bool {
    text.chars().nth(chars).is_none()
}

impl<'a> FactFinder<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        let build = |pattern: &str| Regex::new(pattern).expect("valid built-in pattern");
        FactFinder {
            lexicon,
            // `Moscow, Aug 2 (EFE).-`, `KYIV, March 3, 2024 (Reuters) -`, a line `Vellmar, March 14`
            dated_line: build(
                r"^(?P<place>[A-ZÀ-ÖØ-Þ][[^\W\d_]'’. -]+?),\s+(?P<month>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?(?:\s*\((?P<outlet>[^)]{2,40})\))?\s*(?:[.:–—-]+|$)",
            ),
            // `LONDON (Reuters) -`
            agency_line: build(
                r"^(?P<place>[A-ZÀ-ÖØ-Þ][[^\W\d_]'’. -]+?)\s*\((?P<outlet>[A-ZÀ-ÖØ-Þ][[^\W\d_] .&-]+)\)\s*[–—-]",
            ),
            sign_off: build(r"[.!?”\x22]\s+\(?(?P<outlet>[A-ZÀ-ÖØ-Þ]{2,8})\)?$"),
            source_field: build(r#"^[“"”]source[“"”]\s*:\s*[“"”](?P<outlet>[^“"”]{2,60})[“"”]"#),
            email_domain: build(r"@(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})"),
            header_date: build(
                r"^(?:[^\W\d_]+,?\s+)?(?P<month>[^\W\d_]{3,9})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})\b|^(?P<day2>\d{1,2})\s+(?P<month2>[^\W\d_]{3,9})\.?\s+(?P<year2>\d{4})\b",
            ),
            iso_date: build(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
        }
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
                let caps = self
                    .dated_line
                    .captures(candidate)
                    .filter(|caps| at_most(&caps["place"], MAX_PLACE_CHARS))?;
                let date = self.month_day(
                    &caps["month"],
                    &caps["day"],
                    caps.name("year").map(|y| y.as_str()),
                )?;
                Some((
                    caps["place"].trim().to_string(),
                    caps.name("outlet").map(|o| o.as_str().trim().to_string()),
                    date,
                ))
            });
        if let Some((place, outlet, date)) = dateline {
            facts.dateline_place = Some(place);
            facts.outlet = outlet;
            facts.date = Some(date);
        } else if let Some(first) = body.first().map(|b| line(b)).filter(|l| l.contains('(')) {
            if let Some(caps) = self.agency_line.captures(first).filter(|caps| {
                at_most(&caps["place"], MAX_PLACE_CHARS)
                    && at_most(&caps["outlet"], MAX_AGENCY_CHARS)
            }) {
                facts.dateline_place = Some(caps["place"].trim().to_string());
                facts.outlet = Some(caps["outlet"].trim().to_string());
            }
        }
        facts.outlet = facts
            .outlet
            .or_else(|| {
                body.last()
                    .map(|b| line(b))
                    .filter(|l| ends_in_capital(l))
                    .and_then(|l| self.sign_off.captures(l))
                    .map(|c| c["outlet"].to_string())
            })
            .or_else(|| masthead(&header))
            .or_else(|| self.source_field(text))
            .or_else(|| {
                blocks
                    .iter()
                    .filter(|b| !b.is_article() && line(b).contains('@'))
                    .find_map(|b| self.email_domain.captures(line(b)))
                    .map(|c| c["domain"].to_lowercase())
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

    /// `"source": "…"` copied with the text. The anchored pattern is tried
    /// only where a quoted `source` stands: a scan of the whole text is slow.
    fn source_field(&self, text: &str) -> Option<String> {
        text.match_indices("source").find_map(|(at, _)| {
            let mark = text[..at]
                .chars()
                .next_back()
                .filter(|c| FIELD_QUOTES.contains(c))?;
            let caps = self.source_field.captures(&text[at - mark.len_utf8()..])?;
            Some(caps["outlet"].trim().to_string())
        })
    }

    fn header_date_of(&self, line: &str) -> Option<String> {
        if !has_digit(line) {
            return None;
        }
        if let Some(caps) = self.iso_date.captures(line) {
            return Some(format!(
                "{}-{}-{}",
                &caps["year"], &caps["month"], &caps["day"]
            ));
        }
        let caps = self.header_date.captures(line)?;
        let pick = |a: &str, b: &str| caps.name(a).or_else(|| caps.name(b)).map(|m| m.as_str());
        self.month_day(
            pick("month", "month2")?,
            pick("day", "day2")?,
            pick("year", "year2"),
        )
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

/// The patterns cost a scan of the line each (the regex crate is built
/// without its faster engines), so they run only where they may match.
///
/// Every date pattern needs a digit; `\d` is any Unicode decimal digit.
fn has_digit(line: &str) -> bool {
    line.chars().any(char::is_numeric)
}

/// Whether a line ends as a sign-off must (`EFE`, `(AFP)`).
fn ends_in_capital(line: &str) -> bool {
    line.strip_suffix(')')
        .unwrap_or(line)
        .ends_with(|c: char| matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ'))
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
    fn unknown_stays_unknown() {
        let found = facts(BODY, Some("2025-01-01"));
        assert_eq!(found.outlet, None);
        assert_eq!(found.byline, None);
        assert_eq!(found.date.as_deref(), Some("2025-01-01"));
    }
}
