//! Word lists kept as data files, compiled into the binary with `include_str!`
//! (through `lexicon_file!`, which takes them without their comments)
//! so that the wasm bundle needs no fetch and the CLI no data directory.

pub mod gazetteer;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::report::EntityType;
use gazetteer::Gazetteer;

/// Tables the extractors share, parsed once per analysis.
pub struct Lexicon {
    pub abbreviations: HashSet<&'static str>,
    pub stopwords: HashSet<&'static str>,
    pub boilerplate_phrases: Vec<(crate::report::BoilerplateReason, &'static str)>,
    pub cue_verbs: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub months: HashMap<&'static str, u32>,
    pub organization_heads: HashSet<&'static str>,
    pub location_heads: HashSet<&'static str>,
    pub speaking_documents: HashSet<&'static str>,
    pub date_words: HashSet<&'static str>,
    pub speech_adverbs: HashSet<&'static str>,
    pub inverted_cues: HashSet<&'static str>,
    pub speaker_groups: HashSet<&'static str>,
    pub places: HashSet<&'static str>,
    /// Given names, with the gender they tell where they tell one.
    pub given_names: HashMap<&'static str, Option<Gender>>,
    pub gazetteer: Gazetteer,
    /// Head words that type a name (`Corp`, `Act`), beside the organization and location heads.
    pub entity_heads: HashMap<&'static str, EntityType>,
    pub portfolios: HashSet<&'static str>,
    pub not_names: HashSet<&'static str>,
    pub company_suffixes: HashSet<&'static str>,
    /// British spellings with their American forms (`defence` → `defense`).
    pub spelling_variants: HashMap<&'static str, &'static str>,
    pub quote_words: QuoteWords,
    pub comparison_words: ComparisonWords,
    pub name_and_number_words: NameAndNumberWords,
    pub page_words: PageWords,
}

/// The small word classes of `name_and_number_words.txt`, one field a section.
pub struct NameAndNumberWords {
    pub name_particles: HashSet<&'static str>,
    pub place_prepositions: HashSet<&'static str>,
    pub surname_endings: Vec<&'static str>,
    pub attached_only_units: HashSet<&'static str>,
    pub countable_function_words: HashSet<&'static str>,
    pub time_units: HashSet<&'static str>,
}

impl NameAndNumberWords {
    fn load(data: &'static str) -> NameAndNumberWords {
        let mut sections = Sections::of("name_and_number_words.txt", data);
        let words = NameAndNumberWords {
            name_particles: sections.set("name particles"),
            place_prepositions: sections.set("place prepositions"),
            surname_endings: sections.list("surname endings"),
            attached_only_units: sections.set("attached-only units"),
            countable_function_words: sections.set("countable function words"),
            time_units: sections.set("time units"),
        };
        sections.finish();
        words
    }
}

/// The small word classes of `comparison_words.txt`.
pub struct ComparisonWords {
    pub negations: HashSet<&'static str>,
    /// Number words with their values (`dozen` → 12).
    pub number_words: HashMap<&'static str, f64>,
    /// Magnitudes after a number or glued to it (`billion`, `bn`).
    pub magnitudes: HashMap<&'static str, f64>,
    /// Magnitudes only glued to a number (`m` of `20m`).
    pub glued_magnitudes: HashMap<&'static str, f64>,
    pub not_heads: HashSet<&'static str>,
}

impl ComparisonWords {
    fn load(data: &'static str) -> ComparisonWords {
        let mut sections = Sections::of("comparison_words.txt", data);
        let words = ComparisonWords {
            negations: sections.set("negations"),
            number_words: sections.valued("number words"),
            magnitudes: sections.valued("magnitudes"),
            glued_magnitudes: sections.valued("glued magnitudes"),
            not_heads: sections.set("not heads"),
        };
        sections.finish();
        words
    }
}

/// The small word classes of `page_words.txt`, one field a section.
pub struct PageWords {
    /// In the file's order, the longer first.
    pub byline_labels: Vec<&'static str>,
    pub byline_joints: HashSet<&'static str>,
    pub glued_date_labels: Vec<&'static str>,
    pub update_labels: Vec<&'static str>,
    pub publication_labels: Vec<&'static str>,
    pub original_publication_labels: Vec<&'static str>,
    pub comment_count_nouns: HashSet<&'static str>,
}

impl PageWords {
    fn load(data: &'static str) -> PageWords {
        let mut sections = Sections::of("page_words.txt", data);
        let words = PageWords {
            byline_labels: sections.list("byline labels"),
            byline_joints: sections.set("byline joints"),
            glued_date_labels: sections.list("glued date labels"),
            update_labels: sections.list("update labels"),
            publication_labels: sections.list("publication labels"),
            original_publication_labels: sections.list("original publication labels"),
            comment_count_nouns: sections.set("comment count nouns"),
        };
        sections.finish();
        words
    }
}

/// The small word classes of `quote_words.txt`, one field a section.
pub struct QuoteWords {
    pub editorial_labels: HashSet<&'static str>,
    pub title_small_words: HashSet<&'static str>,
    pub naming_words: HashSet<&'static str>,
    pub work_nouns: HashSet<&'static str>,
    pub female_nouns: HashSet<&'static str>,
    pub male_nouns: HashSet<&'static str>,
    pub person_endings: Vec<&'static str>,
    pub honorifics: HashSet<&'static str>,
    pub affiliation_adjectives: HashSet<&'static str>,
    pub pronouns: HashSet<&'static str>,
    pub mention_stops: HashSet<&'static str>,
    pub partitive_quantifiers: HashSet<&'static str>,
    pub partitive_pronouns: HashSet<&'static str>,
    pub business_nouns: HashSet<&'static str>,
    pub office_qualifiers: HashSet<&'static str>,
}

impl QuoteWords {
    fn load(data: &'static str) -> QuoteWords {
        let mut sections = Sections::of("quote_words.txt", data);
        let words = QuoteWords {
            editorial_labels: sections.set("editorial labels"),
            title_small_words: sections.set("title small words"),
            naming_words: sections.set("naming words"),
            work_nouns: sections.set("work nouns"),
            female_nouns: sections.set("female nouns"),
            male_nouns: sections.set("male nouns"),
            person_endings: sections.list("person endings"),
            honorifics: sections.set("honorifics"),
            affiliation_adjectives: sections.set("affiliation adjectives"),
            pronouns: sections.set("pronouns"),
            mention_stops: sections.set("mention stops"),
            partitive_quantifiers: sections.set("partitive quantifiers"),
            partitive_pronouns: sections.set("partitive pronouns"),
            business_nouns: sections.set("business nouns"),
            office_qualifiers: sections.set("office qualifiers"),
        };
        sections.finish();
        words
    }

    /// Whether a noun names a person by its ending (`spokesman`, `driver`).
    pub fn is_person_noun(&self, folded: &str) -> bool {
        self.person_endings.iter().any(|end| folded.ends_with(end))
    }
}

impl Lexicon {
    /// A month or another word of dates and times (`Monday`, `yesterday`), folded.
    pub fn is_time_word(&self, folded: &str) -> bool {
        self.months.contains_key(folded) || self.date_words.contains(folded)
    }

    /// A folded noun that heads a body's name: `ministry`, `board`.
    pub fn heads_organization(&self, folded: &str) -> bool {
        self.organization_heads.contains(folded)
            || self.entity_heads.get(folded) == Some(&EntityType::Organization)
    }

    /// The tables, parsed on first use and shared: they never change at run time.
    pub fn shared() -> &'static Lexicon {
        static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
        &LEXICON
    }

    pub fn load() -> Lexicon {
        Lexicon {
            abbreviations: entries(lexicon_file!("abbreviations.txt")).collect(),
            stopwords: entries(lexicon_file!("stopwords.txt")).collect(),
            boilerplate_phrases: sectioned(lexicon_file!("boilerplate_phrases.txt")),
            cue_verbs: entries(lexicon_file!("cue_verbs.txt")).collect(),
            titles: entries(lexicon_file!("titles.txt")).collect(),
            months: months(lexicon_file!("months.txt")),
            organization_heads: entries(lexicon_file!("organization_heads.txt")).collect(),
            location_heads: entries(lexicon_file!("location_heads.txt")).collect(),
            speaking_documents: entries(lexicon_file!("speaking_documents.txt")).collect(),
            date_words: entries(lexicon_file!("date_words.txt")).collect(),
            speech_adverbs: entries(lexicon_file!("speech_adverbs.txt")).collect(),
            inverted_cues: entries(lexicon_file!("inverted_cues.txt")).collect(),
            speaker_groups: entries(lexicon_file!("speaker_groups.txt")).collect(),
            places: entries(lexicon_file!("places.txt")).collect(),
            given_names: given_names(lexicon_file!("given_names.txt")),
            gazetteer: Gazetteer::load(
                lexicon_file!("gazetteer.tsv"),
                lexicon_file!("demonyms.tsv"),
            ),
            entity_heads: entity_heads(lexicon_file!("entity_heads.txt")),
            portfolios: entries(lexicon_file!("portfolios.txt")).collect(),
            not_names: entries(lexicon_file!("not_names.txt")).collect(),
            company_suffixes: entries(lexicon_file!("company_suffixes.txt")).collect(),
            spelling_variants: entries(lexicon_file!("spelling_variants.txt"))
                .filter_map(|line| line.split_once(' '))
                .collect(),
            quote_words: QuoteWords::load(lexicon_file!("quote_words.txt")),
            comparison_words: ComparisonWords::load(lexicon_file!("comparison_words.txt")),
            name_and_number_words: NameAndNumberWords::load(lexicon_file!(
                "name_and_number_words.txt"
            )),
            page_words: PageWords::load(lexicon_file!("page_words.txt")),
        }
    }
}

/// Non-empty lines that are not `#` comments.
pub(crate) fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn months(data: &'static str) -> HashMap<&'static str, u32> {
    entries(data)
        .flat_map(|line| {
            let mut fields = line.split_whitespace();
            let number = fields
                .next()
                .and_then(|n| n.parse().ok())
                .expect("months.txt: number first");
            fields.map(move |name| (name, number))
        })
        .collect()
}

/// Entries under `[section]` headings, each with its section's name.
pub(crate) fn sections(data: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut section = None;
    let mut out = Vec::new();
    for entry in entries(data) {
        if let Some(name) = entry.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
            section = Some(name);
        } else if let Some(section) = section {
            out.push((section, entry));
        }
    }
    out
}

/// A file's `[section]`s by name, taken one by one into the fields of a
/// word-class struct: a section the struct asks for and the file lacks, or
/// one the file has and no field takes, is a mistake in the data.
struct Sections {
    file: &'static str,
    entries: HashMap<&'static str, Vec<&'static str>>,
}

impl Sections {
    fn of(file: &'static str, data: &'static str) -> Sections {
        let mut entries: HashMap<_, Vec<_>> = HashMap::default();
        for (section, entry) in sections(data) {
            entries.entry(section).or_default().push(entry);
        }
        Sections { file, entries }
    }

    fn list(&mut self, name: &str) -> Vec<&'static str> {
        self.entries
            .remove(name)
            .unwrap_or_else(|| panic!("{}: no section [{name}]", self.file))
    }

    fn set(&mut self, name: &str) -> HashSet<&'static str> {
        self.list(name).into_iter().collect()
    }

    /// Entries written `word value` (`dozen 12`).
    fn valued(&mut self, name: &str) -> HashMap<&'static str, f64> {
        let file = self.file;
        self.list(name)
            .into_iter()
            .map(|entry| {
                entry
                    .split_once(' ')
                    .and_then(|(word, value)| Some((word, value.trim().parse().ok()?)))
                    .unwrap_or_else(|| panic!("{file}: `word value` expected: {entry}"))
            })
            .collect()
    }

    fn finish(self) {
        if let Some(unknown) = self.entries.keys().min() {
            panic!("{}: unknown section [{unknown}]", self.file);
        }
    }
}

/// Boilerplate phrases under their reason's heading (`[promo]`).
fn sectioned(data: &'static str) -> Vec<(crate::report::BoilerplateReason, &'static str)> {
    use crate::report::BoilerplateReason as R;
    sections(data)
        .into_iter()
        .map(|(section, entry)| {
            let reason = match section {
                "navigation" => R::Navigation,
                "promo" => R::Promo,
                "paywall" => R::Paywall,
                "caption" => R::Caption,
                "credit" => R::Credit,
                "related" => R::Related,
                "comments" => R::Comments,
                "contact" => R::Contact,
                "markup" => R::Markup,
                other => panic!("boilerplate_phrases.txt: unknown section [{other}]"),
            };
            (reason, entry)
        })
        .collect()
}

fn entity_heads(data: &'static str) -> HashMap<&'static str, EntityType> {
    sections(data)
        .into_iter()
        .map(|(section, head)| {
            let kind = match section {
                "organization" => EntityType::Organization,
                "place" => EntityType::Place,
                "other" => EntityType::Other,
                other => panic!("entity_heads.txt: unknown section [{other}]"),
            };
            (head, kind)
        })
        .collect()
}

/// Whether a given name is a woman's or a man's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

fn given_names(data: &'static str) -> HashMap<&'static str, Option<Gender>> {
    sections(data)
        .into_iter()
        .map(|(section, name)| {
            let gender = match section {
                "female" => Some(Gender::Female),
                "male" => Some(Gender::Male),
                "either" => None,
                other => panic!("given_names.txt: unknown section [{other}]"),
            };
            (name, gender)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn all_tables_load() {
        let lexicon = super::Lexicon::load();
        assert!(lexicon.abbreviations.contains("u.s"));
        assert!(lexicon.stopwords.contains("the"));
        assert!(lexicon.cue_verbs.contains("said"));
        assert!(lexicon.titles.contains("president"));
        assert!(!lexicon.boilerplate_phrases.is_empty());
        assert_eq!(lexicon.months.get("sept"), Some(&9));
        assert!(lexicon.places.contains("West Virginia"));
        assert_eq!(
            lexicon.given_names.get("Donna"),
            Some(&Some(super::Gender::Female))
        );
    }

    #[test]
    fn word_classes_are_read_by_section() {
        let mut sections = super::Sections::of("test", "[small]\na\nb\n[valued]\ndozen 12\n");
        assert_eq!(sections.list("small"), ["a", "b"]);
        assert_eq!(sections.valued("valued").get("dozen"), Some(&12.0));
        sections.finish();
    }

    #[test]
    #[should_panic(expected = "test: unknown section [extra]")]
    fn a_section_no_field_takes_is_a_mistake() {
        let mut sections = super::Sections::of("test", "[small]\na\n[extra]\nb\n");
        sections.set("small");
        sections.finish();
    }

    #[test]
    #[should_panic(expected = "test: no section [missing]")]
    fn a_section_the_file_lacks_is_a_mistake() {
        super::Sections::of("test", "[small]\na\n").set("missing");
    }
}
