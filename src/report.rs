//! The serialized result: the one contract between the core, the CLI, the wasm
//! adapter and the page. Fields may be added, never renamed (see `docs/report.md`).
//!
//! Every offset is a Unicode code point index into the owning document's `text`,
//! end exclusive, with the covered text beside it so that readers never have to
//! recompute slices in another string model (JS uses UTF-16, Rust UTF-8).

use serde::{Deserialize, Serialize};

/// Bumped only when a field changes meaning.
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub documents: Vec<Document>,
    /// Inputs that could not be analyzed, each with a message naming the file.
    pub errors: Vec<InputError>,
    pub comparison: Comparison,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InputError {
    pub name: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// ISO 8601, possibly partial (`--08-02` when the year is unknown).
    pub date: Option<String>,
    /// ISO 8601 date of the last update, where a saved page gives one.
    #[serde(default)]
    pub updated: Option<String>,
    /// The place named in the dateline (`Moscow` in `Moscow, Aug 2 (EFE).-`).
    pub dateline_place: Option<String>,
    pub boilerplate: Vec<Boilerplate>,
    pub sentences: Vec<Span>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateReason {
    Navigation,
    Promo,
    Paywall,
    Caption,
    Credit,
    Related,
    Comments,
    Contact,
    Markup,
    OffTopic,
    /// Set apart by the reader in the page.
    Reader,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Boilerplate {
    #[serde(flatten)]
    pub span: Span,
    pub reason: BoilerplateReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Block,
    Indirect,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quote {
    #[serde(flatten)]
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub speaker_span: Option<Span>,
    /// What the text calls the speaker beside the name (`Foreign Minister`).
    pub speaker_role: Option<String>,
    pub cue: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Person,
    Organization,
    Place,
    Other,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entity {
    #[serde(flatten)]
    pub span: Span,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub canonical: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quantity {
    #[serde(flatten)]
    pub span: Span,
    /// The number, or the lower end of a range (`3 to 5 million` → 3000000).
    pub value: f64,
    /// ISO 4217 code (`USD`), `%`, a unit code (`km`, `mi`, `°C`, `GHz`), or for ages `year`, `month`, `week` or `day`.
    pub unit: Option<String>,
    /// The hedge as written: `some`, `more than`, `about`.
    pub approx: Option<String>,
    pub kind: QuantityKind,
    /// The upper end of a written or vague range (`tens of thousands` → 99999).
    pub range_end: Option<f64>,
    /// The value in its dimension's base unit (metres, kilograms, litres…), for comparing units.
    pub base_value: Option<f64>,
    /// The interval the phrase allows, hedge included: `more than 50` is 50 to no upper end.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// What is counted, as written (`Ukrainian prisoners of war`).
    pub counted: Option<String>,
    /// The verb the number is about, lower case (`killed`).
    pub event: Option<String>,
    /// Index in `quantities` of the quantity this one restates in other units (`70km (45 miles)`).
    pub conversion_of: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Count,
    Money,
    Percent,
    Measure,
    Age,
    Ordinal,
}

/// The four kinds of TimeML TIMEX3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `Aug. 2`, `last week`, `the 1990s`, `now`.
    Date,
    /// A time of day: `3 p.m.`, `Tuesday morning`.
    Time,
    /// A length of time: `three years`, `for 20 minutes`.
    Duration,
    /// A repetition: `every week`, `daily`.
    Set,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DateMention {
    #[serde(flatten)]
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TimeML value (`2022-08-02`, `2022-W31`, `P3Y`, `PAST_REF`, `XXXX-08-02`), or null
    /// when the mention is anchored to an event (`the early days of the invasion`).
    pub value: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Comparison {
    pub statements: Vec<Statement>,
    pub quote_groups: Vec<QuoteGroup>,
    pub discrepancies: Vec<Discrepancy>,
    pub variants: Vec<Variant>,
    pub reuse: Vec<Reuse>,
    /// Indices in `statements` of those most sources carry: more than half
    /// of the documents, and at least two.
    #[serde(default)]
    pub consensus: Vec<usize>,
    /// One entry per document (in document order) when two or more are
    /// compared: what it alone says and what it leaves out.
    #[serde(default)]
    pub sources: Vec<SourceStatements>,
    /// Verbatim or near-verbatim passages two or more documents share (wire
    /// copy, syndication, press releases); `reuse` points into this list.
    #[serde(default)]
    pub passages: Vec<Passage>,
    /// One entry per document (in document order) when two or more are
    /// compared: how it tells the story (attribution verbs, hedges, voices).
    #[serde(default)]
    pub framing: Vec<Framing>,
}

/// What one source says that no other does, and what most others say that it does not.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SourceStatements {
    pub doc: usize,
    /// Indices in the document's `sentences` of those no part of which any
    /// other document carries.
    pub alone: Vec<usize>,
    /// Indices in `statements` of the consensus statements the document does not carry.
    pub omits: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocSpan {
    pub doc: usize,
    #[serde(flatten)]
    pub span: Span,
}

/// Sentences from two or more documents that say nearly the same thing.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Statement {
    /// Each document's sentence, or the clause of it, that carries the
    /// statement, by (document, start).
    pub support: Vec<DocSpan>,
    /// The documents in `support`, ascending, each once.
    #[serde(default)]
    pub docs: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuoteRef {
    pub doc: usize,
    pub quote: usize,
    /// This rendering word by word against the group's first member (empty
    /// for that member): what it adds, drops or keeps.
    pub diff: Vec<DiffPart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Same,
    Added,
    Removed,
}

/// A run of words that one rendering of a quote shares with, adds to, or
/// drops from another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffPart {
    pub change: Change,
    pub text: String,
}

/// The same quote as rendered by several documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuoteGroup {
    pub members: Vec<QuoteRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuantityRef {
    pub doc: usize,
    pub quantity: usize,
    pub value: f64,
    /// The quantity as written (`some 50`).
    #[serde(default)]
    pub text: String,
}

/// A date one document gives for what others date differently.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DateRef {
    pub doc: usize,
    /// Index in the document's `dates`.
    pub date: usize,
    pub value: String,
    pub text: String,
}

/// Who one document says said a quote that others give to someone else.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SpeakerRef {
    pub doc: usize,
    /// Index in the document's `quotes`.
    pub quote: usize,
    pub speaker: Option<String>,
    pub role: Option<String>,
}

/// The same thing told differently across documents: numbers about the same
/// count, dates of the same event, speakers of the same quote.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Discrepancy {
    /// `quantity`, `date` or `speaker`.
    pub kind: String,
    /// What the values are about (`Ukrainian prisoners of war killed`).
    pub about: String,
    /// The numbers (kind `quantity`), one or more per document.
    pub values: Vec<QuantityRef>,
    /// `consistent` (within rounding or what the hedges allow: `some 50`
    /// and `53`) or `conflicting`.
    #[serde(default)]
    pub verdict: String,
    /// Why the verdict: `within approximation`, `within rounding`,
    /// `different values`, `different dates`, `different speakers`, `different roles`.
    #[serde(default)]
    pub reason: String,
    /// Index in `statements` of the statement the values sit in, if one holds them all.
    #[serde(default)]
    pub statement: Option<usize>,
    /// The dates (kind `date`).
    #[serde(default)]
    pub dates: Vec<DateRef>,
    /// The speakers (kind `speaker`).
    #[serde(default)]
    pub speakers: Vec<SpeakerRef>,
    /// Index in `quote_groups` (kind `speaker`).
    #[serde(default)]
    pub quote_group: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VariantForm {
    pub form: String,
    pub docs: Vec<usize>,
}

/// One name spelled differently across documents (Kyiv/Kiev).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Variant {
    pub canonical: String,
    pub forms: Vec<VariantForm>,
}

/// Verbatim text shared by a pair of documents.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reuse {
    pub docs: [usize; 2],
    /// Share of the shorter article's word 5-grams found in the other, 0..=1.
    pub share: f64,
    /// Indices in `comparison.passages` of the passages both carry.
    #[serde(default)]
    pub passages: Vec<usize>,
    /// Words of the shorter article inside passages the other carries too.
    #[serde(default)]
    pub words: usize,
    /// The two are largely copies of each other: shared passages cover at
    /// least half of the shorter article.
    #[serde(default)]
    pub copy: bool,
}

/// A run of words two or more documents carry verbatim or nearly (a few
/// words changed, added or dropped).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Passage {
    /// Each document's span of the passage, by (document, start).
    pub spans: Vec<DocSpan>,
    /// The documents in `spans`, ascending, each once.
    pub docs: Vec<usize>,
    /// Words in the longest span.
    pub words: usize,
    /// Every document has the same words (case and quote glyphs folded).
    pub verbatim: bool,
}

/// How one document tells the story.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Framing {
    pub doc: usize,
    /// The verb of the headline (`accuses` in `Russia accuses United States…`), as written.
    pub headline_verb: Option<String>,
    /// The verb's lemma (`accuse`) and its tone (see `verbs`).
    pub headline_lemma: Option<String>,
    /// The attribution verbs of the document's quotes, by side.
    pub verbs: Vec<VerbUse>,
    /// Hedges and distancing phrases (`could not independently verify`, `according to`).
    pub hedges: Vec<Hedge>,
    /// Who is quoted, most quoted first.
    pub voices: Vec<Voice>,
    /// The voices grouped by the country they speak for, most quoted first;
    /// speakers whose affiliation the text does not show are left out.
    pub sides: Vec<Side>,
}

/// One attribution verb for one side's claims.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VerbUse {
    /// The country of the speakers (see `Voice::affiliation`), or null.
    pub side: Option<String>,
    /// The verb's lemma: `say`, `claim`, `allege`, `accuse`, `admit`, `deny`…
    pub lemma: String,
    /// `neutral` (say, tell, add), `doubt` (claim, allege), `charge` (accuse),
    /// `concede` (admit, acknowledge), `refute` (deny, reject), `warn`, `assert` (insist).
    pub tone: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hedge {
    /// The phrase of `src/lexicon/hedges.txt` (lower case).
    pub phrase: String,
    /// `unverified`, `attribution`, `doubt` or `distance`.
    pub kind: String,
    #[serde(flatten)]
    pub span: Span,
}

/// One speaker the document quotes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Voice {
    /// The speaker's canonical name.
    pub speaker: String,
    /// The country the speaker speaks for as the texts show it (`Russian
    /// Defence Ministry` → Russia, `Ukraine's deputy military intelligence
    /// chief` → Ukraine), or null.
    pub affiliation: Option<String>,
    pub quotes: usize,
    /// Words quoted, all quotes together.
    pub words: usize,
}

/// The voices of one country.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Side {
    pub affiliation: String,
    pub speakers: Vec<String>,
    pub quotes: usize,
    pub words: usize,
}
