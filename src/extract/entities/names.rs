//! Names of people: titles and roles before them, what a person's name looks
//! like, and the fullest form a document gives of it.

use crate::lexicon::Lexicon;
use crate::text::offsets::floor_char_boundary;
use crate::text::words::words;

/// The name rules, over the shared word lists.
pub struct Names<'a> {
    lexicon: &'a Lexicon,
}

impl<'a> Names<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Self {
        Names { lexicon }
    }

    /// Drops leading titles and roles: `Mr Konashenkov` → `Konashenkov`.
    pub fn strip_titles(&self, phrase: &str) -> String {
        let parts: Vec<&str> = phrase.split_whitespace().collect();
        let capitalized = |w: &str| w.starts_with(char::is_uppercase);
        // The name is the last run of capitalized words that are not titles.
        let end = parts.len();
        let mut start = end;
        while start > 0
            && capitalized(parts[start - 1])
            && !self.is_title(parts[start - 1])
            && !parts[start - 1].ends_with(',')
        {
            start -= 1;
        }
        let name = parts[start..end]
            .join(" ")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if start == end || start > 0 && !self.looks_like_person(&name) {
            // A description (`the defence ministry`): keep it whole.
            return phrase
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
        }
        name
    }

    /// Capitalized words that are no function words, dates or organisations
    /// (`Neither Russia`, `In April` and `Defence Ministry` are no names).
    pub fn looks_like_person(&self, name: &str) -> bool {
        let parts: Vec<&str> = name.split_whitespace().collect();
        // `Per Holt`: a given name that is also a function word opens a name.
        let given =
            |w: &str| parts.len() > 1 && parts[0] == w && self.lexicon.given_names.contains_key(w);
        let plain = |w: &&str| {
            let folded = w.to_lowercase();
            (!self.lexicon.stopwords.contains(folded.as_str()) || given(w))
                && !self.lexicon.is_time_word(&folded)
        };
        // `MIDWAY ATOLL` is a dateline or a heading, `West Virginia` a place.
        let shouted = parts
            .iter()
            .all(|p| p.chars().count() > 1 && !p.chars().any(char::is_lowercase));
        !parts.is_empty()
            && parts.len() <= 4
            && !shouted
            && !self.lexicon.places.contains(name)
            && self.lexicon.gazetteer.place(name).is_none()
            // `African American`, `Russian officials`: a people, not a person.
            && self.lexicon.gazetteer.demonym(parts[0]).is_none()
            && parts.iter().all(plain)
            && parts.iter().all(|p| p.starts_with(char::is_uppercase))
            && !parts.iter().any(|p| {
                self.lexicon
                    .organization_heads
                    .contains(p.to_lowercase().as_str())
            })
    }

    /// The first full name (two or more capitalized words, titles dropped,
    /// not after `the`) of the nearest sentence before `pos` that has one.
    pub fn nearest_person(
        &self,
        text: &str,
        pos: usize,
        agrees: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        // The first name of the nearest sentence naming someone: its subject, usually.
        sentences_before(text, pos).find_map(|sentence| {
            capitalized_runs(sentence)
                .into_iter()
                .enumerate()
                .find_map(|(i, (run, after_the))| {
                    let name = self.name_after_titles(run.iter().copied());
                    // `Mr. Obama` names a person by a title and a surname.
                    let titled = name.split_whitespace().count() < run.len();
                    if after_the || !self.looks_like_person(&name) {
                        return None;
                    }
                    let name = if titled || name.split_whitespace().count() >= 2 {
                        self.fullest_name(text, &name).unwrap_or(name)
                    } else if i == 0 {
                        // A lone surname the text gives in full elsewhere, as a
                        // subject (`Gomez disagreed.`), names its person too.
                        self.fullest_name(text, &name)
                            .filter(|full| *full != name)?
                    } else {
                        return None;
                    };
                    agrees(&name).then_some(name)
                })
        })
    }

    /// The first organisation named in the nearest sentence before `pos` that
    /// names one: sentence subjects come first.
    pub fn nearest_organization(&self, text: &str, pos: usize) -> Option<String> {
        sentences_before(text, pos).find_map(|sentence| {
            let tokens = words(sentence, 0, sentence.len());
            let head = tokens
                .iter()
                .position(|w| self.lexicon.organization_heads.contains(w.folded.as_str()))?;
            let mut start = head;
            while start > 0 && head - start < 3 {
                let w = &tokens[start - 1];
                let gap = &sentence[w.end..tokens[start].start];
                if gap.trim().contains([',', ';', ':'])
                    || self.lexicon.stopwords.contains(w.folded.as_str()) && w.folded != "the"
                {
                    break;
                }
                start -= 1;
                if w.folded == "the" {
                    break;
                }
            }
            Some(sentence[tokens[start].start..tokens[head].end].to_string())
        })
    }

    /// The words after the last title or role: `Russian Defence Minister
    /// Sergei Shoigu` → `Sergei Shoigu`; a party before a full name is no
    /// part of it (`Republican Donald Trump`).
    pub fn name_after_titles<'t>(&self, run: impl Iterator<Item = &'t str>) -> String {
        let run: Vec<&str> = run.collect();
        let start = run
            .iter()
            .rposition(|w| self.is_title(w))
            .map_or(0, |i| i + 1);
        let affiliations = &self.lexicon.quote_words.affiliation_adjectives;
        let party = run[start..]
            .iter()
            .take_while(|w| affiliations.contains(w.to_lowercase().as_str()))
            .count();
        let start = if run.len() - start - party >= 2 {
            start + party
        } else {
            start
        };
        run[start..].join(" ")
    }

    pub fn is_title(&self, word: &str) -> bool {
        let folded = word.trim_end_matches('.').to_lowercase();
        self.lexicon.titles.contains(folded.as_str())
    }

    /// The longest capitalized name in the text that ends with `name`'s last
    /// word; none where two people share the surname (`Barack Obama`,
    /// `Michelle Obama`), as `President Obama` may be either.
    pub fn fullest_name(&self, text: &str, name: &str) -> Option<String> {
        let surname = name.split_whitespace().last()?;
        if !surname.starts_with(char::is_uppercase) || !self.looks_like_person(name) {
            return None;
        }
        let mut best: Option<String> = None;
        let mut ambiguous = false;
        for (at, _) in text.match_indices(surname) {
            let end = at + surname.len();
            if text[end..].starts_with(char::is_alphanumeric) {
                continue;
            }
            let candidate =
                self.name_after_titles(capitalized_run_ending_at(text, end).split_whitespace());
            if !self.looks_like_person(&candidate) {
                continue;
            }
            let (words, best_words) = (
                candidate.split_whitespace().count(),
                best.as_deref().map_or(0, |b| b.split_whitespace().count()),
            );
            if words > best_words {
                best = Some(candidate);
                ambiguous = false;
            } else if words == best_words && best.as_deref() != Some(candidate.as_str()) {
                ambiguous = true;
            }
        }
        best.filter(|b| {
            !ambiguous && b.split_whitespace().count() >= name.split_whitespace().count()
        })
    }
}

/// The sentences (cut at periods and line breaks) of the few hundred bytes
/// before `pos`, nearest first: where pronouns find their antecedents.
fn sentences_before(text: &str, pos: usize) -> impl Iterator<Item = &str> {
    let window_start = floor_char_boundary(text, pos.saturating_sub(600));
    text[window_start..pos].split_inclusive(['.', '\n']).rev()
}

/// Runs of capitalized words, broken at punctuation, each with whether `the` precedes it.
fn capitalized_runs(text: &str) -> Vec<(Vec<&str>, bool)> {
    let mut runs: Vec<(Vec<&str>, bool)> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut previous = "";
    let mut after_the = false;
    for raw in text.split_inclusive('\n').flat_map(|line| {
        // A line break ends a run: `Differing Motives` above `Russia and the West`.
        let mut words: Vec<&str> = line.split_whitespace().collect();
        if !words.iter().any(|w| w.starts_with(char::is_lowercase)) {
            words.clear(); // a title-case heading, not a sentence naming someone
        }
        let last = words.len().saturating_sub(1);
        words
            .into_iter()
            .enumerate()
            .map(move |(i, w)| (w, i == last && line.ends_with('\n')))
    }) {
        let (raw, line_end) = raw;
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let word = word
            .strip_suffix("’s")
            .or_else(|| word.strip_suffix("'s"))
            .unwrap_or(word);
        let opens = raw.starts_with(|c: char| !c.is_alphanumeric());
        if word.starts_with(char::is_uppercase) && (current.is_empty() || !opens) {
            if current.is_empty() {
                after_the = previous.eq_ignore_ascii_case("the");
            }
            current.push(word);
        } else if !current.is_empty() {
            runs.push((std::mem::take(&mut current), after_the));
        }
        if (line_end || raw.ends_with(|c: char| !c.is_alphanumeric())) && !current.is_empty() {
            runs.push((std::mem::take(&mut current), after_the));
        }
        previous = word;
    }
    if !current.is_empty() {
        runs.push((current, after_the));
    }
    runs
}

/// Capitalized words (with particles) ending at byte `end`.
fn capitalized_run_ending_at(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let mut start = end;
    for word in head.rsplit([' ', '\n']) {
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
        if clean.is_empty()
            || !clean.starts_with(char::is_uppercase)
            || word.ends_with([',', '.', ':', ';', '!', '?', '"', '”', ')']) && start != end
        {
            break;
        }
        start -= word.len() + usize::from(start != end);
        // A quote mark or bracket opens the run: no word before it is part of the name.
        if start == 0 || word.starts_with(['"', '“', '(']) {
            break;
        }
    }
    text[start..end].trim()
}
