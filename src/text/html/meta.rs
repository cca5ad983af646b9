//! What a saved page says about itself: the headline, authors, site and
//! dates in its JSON-LD, Open Graph and `<meta>` tags, its `<time>` elements,
//! `<h1>` headings and bylines, read in one scan of the tags.

use super::{attribute, collapse, decode_entities, Tag};
use crate::text::scan::{is_digit, iso_date_parts, matches, month_word, word_boundary, Cursor};

/// JSON-LD types whose fields are the article's.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
    "MedicalWebPage",
];
/// `<meta>` names of the publication date, in the order they are trusted.
const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
];
const UPDATE_METAS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "last-modified",
];
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "twitter:creator",
];
/// Elements whose text is kept while scanning: at most this long.
const CAPTURE_MAX_BYTES: usize = 400;

/// The facts found in a page's markup, before any is chosen.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// `<meta>` tags: (property, name or itemprop lower-cased, content).
    metas: Vec<(String, String)>,
    title_tag: Option<String>,
    h1: Vec<String>,
    /// `<h2>` headings: where a page has no `<h1>`, one of them may be the headline.
    h2: Vec<String>,
    /// `datetime` of `<time>` elements, in page order.
    times: Vec<String>,
    /// Dates the markup marks as the publication's (`itemprop=datePublished`, `<time pubdate>`).
    marked_published: Vec<String>,
    /// Text of elements whose class says they hold a date (`post-date`), in page order.
    date_texts: Vec<String>,
    /// Lines of `rel=author`, `itemprop=author` and `class="…author…|byline"`
    /// elements, `\n`-separated, one entry an element.
    authors: Vec<String>,
    ld: LinkedData,
}

/// The article's fields in the page's JSON-LD.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    publisher: Option<String>,
    /// The same fields of a `WebPage`, trusted after the article's.
    page_published: Option<String>,
    /// The `@id`s of the article's authors named elsewhere in the graph
    /// (`"author": {"@id": "…#/schema/person/1"}`).
    author_ids: Vec<String>,
    /// The `@id` and name of each person in the graph.
    people: Vec<(String, String)>,
}

impl PageMeta {
    /// Reads the page's tags once.
    pub fn scan(html: &str) -> PageMeta {
        let mut meta = PageMeta::default();
        let mut ld_texts = Vec::new();
        // Open elements whose text is collected: (name, depth, what it is, text).
        let mut captures: Vec<(String, usize, Capture, String)> = Vec::new();
        let mut rest = html;
        while let Some(lt) = rest.find('<') {
            let text = &rest[..lt];
            for (_, _, _, captured) in captures.iter_mut() {
                // Spaces collapsed as they come, so that the indentation of
                // the markup does not use up what is kept; blocks break lines.
                for c in text.chars() {
                    if captured.len() >= CAPTURE_MAX_BYTES {
                        break;
                    }
                    if !c.is_whitespace() {
                        captured.push(c);
                    } else if !captured.ends_with(char::is_whitespace) {
                        captured.push(' ');
                    }
                }
            }
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            let Some(gt) = rest.find('>') else { break };
            let Some(tag) = Tag::parse(&rest[1..gt]) else {
                rest = &rest[1..];
                continue;
            };
            rest = &rest[gt + 1..];
            // Inline elements join their text (`C<span>ycle</span>`), blocks part it.
            if super::BLOCKS.contains(&tag.name.as_str()) {
                captures.iter_mut().for_each(|c| c.3.push('\n'));
            }
            if tag.closing {
                if let Some(at) = captures.iter().rposition(|c| c.0 == tag.name) {
                    captures[at].1 -= 1;
                    if captures[at].1 == 0 {
                        let (_, _, kind, text) = captures.remove(at);
                        let lines: Vec<String> = text
                            .lines()
                            .map(|line| collapse(&decode_entities(line)))
                            .filter(|line| !line.is_empty())
                            .collect();
                        if !lines.is_empty() {
                            match kind {
                                Capture::Headline => meta.h1.push(lines.join(" ")),
                                Capture::Subheading => meta.h2.push(lines.join(" ")),
                                Capture::Author => meta.authors.push(lines.join("\n")),
                                Capture::Date => meta.date_texts.push(lines.join(" ")),
                                Capture::Comments => {}
                            }
                        }
                    }
                }
                continue;
            }
            let attr = |name: &str| attribute(&tag.attrs, name);
            match tag.name.as_str() {
                "script" | "style" | "title" | "textarea" => {
                    let close = format!("</{}", tag.name);
                    let end = find_ignore_case(rest, &close).unwrap_or(rest.len());
                    let body = &rest[..end];
                    rest = &rest[end..];
                    if tag.name == "title" && meta.title_tag.is_none() {
                        meta.title_tag = Some(collapse(&decode_entities(body)));
                    } else if tag.name == "script"
                        && attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                    {
                        ld_texts.push(body.to_string());
                    }
                    continue;
                }
                "meta" => {
                    let key = attr("property")
                        .or_else(|| attr("name"))
                        .or_else(|| attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, attr("content")) {
                        let content = collapse(&content);
                        if !content.is_empty() {
                            meta.metas.push((key.to_ascii_lowercase(), content));
                        }
                    }
                    continue;
                }
                _ => {}
            }
            let marked = attr("itemprop").is_some_and(|p| p == "datePublished")
                || tag.name == "time" && attr("pubdate").is_some();
            if tag.name == "time" || marked {
                if let Some(when) = attr("datetime").or_else(|| attr("content")) {
                    if marked {
                        meta.marked_published.push(when);
                    } else {
                        meta.times.push(when);
                    }
                }
            }
            if tag.self_closing || super::VOID.contains(&tag.name.as_str()) {
                continue;
            }
            if let Some(open) = captures.iter_mut().find(|c| c.0 == tag.name) {
                open.1 += 1;
                continue;
            }
            // The authors of comments are not the article's.
            let in_comments = captures.iter().any(|c| matches!(c.2, Capture::Comments));
            if tag.name == "h1" {
                captures.push((tag.name, 1, Capture::Headline, String::new()));
            } else if tag.name == "h2" {
                captures.push((tag.name, 1, Capture::Subheading, String::new()));
            } else if super::is_comment_thread(&tag) {
                captures.push((tag.name, 1, Capture::Comments, String::new()));
            } else if !in_comments && is_author_element(&tag) {
                captures.push((tag.name, 1, Capture::Author, String::new()));
            } else if !in_comments && has_word(&tag, "class", DATE_CLASSES) {
                captures.push((tag.name, 1, Capture::Date, String::new()));
            }
        }
        for text in &ld_texts {
            meta.ld.read(text);
        }
        meta.ld.name_authors_by_id();
        meta
    }

    fn meta(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|name| {
            self.metas
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, content)| content.clone())
        })
    }

    /// The headline: the `<h1>` that the page's metadata titles agree with,
    /// else a long `<h1>` or a short one of a title's words, else an `<h1>`
    /// or `<h2>` worded nearly as a title, else the metadata's headline
    /// without the site's name, else what the reader took for the title.
    pub fn headline(&self, reader_title: Option<&str>) -> Option<String> {
        let metadata: Vec<String> = [
            self.ld.headline.clone(),
            self.meta(&["og:title"]),
            self.meta(&["twitter:title"]),
            self.title_tag.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect();
        let titles: Vec<String> = metadata
            .iter()
            .cloned()
            .chain(reader_title.map(str::to_string))
            .flat_map(|t| [self.without_site(&t), t])
            .map(|t| fold(&t))
            .collect();
        // The site's name in a heading (a logo) is no headline, nor are its
        // menu's buttons (`Open Menu Close Menu`).
        let sites: Vec<String> = self.site_names().iter().map(|s| fold(s)).collect();
        let usable = |h: &&String| {
            let h = fold(h);
            h.split_whitespace().count() >= 2
                && !sites.iter().any(|s| s.contains(&h))
                && !is_navigation(&h)
        };
        let candidates: Vec<&String> = self.h1.iter().filter(usable).collect();
        // A heading agrees with a title that is it, begins or ends with it
        // (`Headline | Site`), or that it contains, not one it is a small part of.
        let agrees = |h1: &&&String| {
            let h = fold(h1);
            titles.iter().any(|t| {
                let (hw, tw) = (h.split_whitespace().count(), t.split_whitespace().count());
                h.contains(t.as_str())
                    || ((t.starts_with(&h) || t.ends_with(&h)) && hw * 5 >= tw * 2)
            })
        };
        // A short heading that no title agrees with labels a section (`Our
        // Blog`, `Web Designs`) where the metadata gives the headline, unless
        // its words, numbers and dates aside, are all a title's (`Kelp beds`
        // for `Kelp returns: new beds`, `Kelp Wrap-Up 5/2/2025` for `Kelp
        // Weekly Wrap-Up`).
        let title_words: Vec<Vec<String>> = titles.iter().map(|t| words_of(t)).collect();
        let of_a_title = |h1: &String| {
            let words: Vec<String> = words_of(&fold(h1))
                .into_iter()
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .collect();
            words.len() >= 2
                && title_words
                    .iter()
                    .any(|title| words.iter().all(|w| title.binary_search(w).is_ok()))
        };
        let long_enough = |h1: &&&String| {
            metadata.is_empty() || h1.split_whitespace().count() >= 4 || of_a_title(h1)
        };
        // A heading worded nearly as a title (`7 Ways to Help You Switch to a
        // Plant Based Diet` for `7 Ways to Switch to a Plant-Based Diet`) is
        // the page's own wording of it, an `<h2>` too where no `<h1>` serves;
        // but where a heading before it holds a title word for word (the
        // title itself, or `Title / Dec 2025`), the title is the headline.
        // Some(true): the heading is the headline; Some(false): the title is.
        let near = |heading: &String| {
            let folded = fold(heading);
            if titles.iter().any(|t| folded.contains(t.as_str())) {
                return Some(false);
            }
            let words = words_of(&folded);
            title_words
                .iter()
                .any(|title| nearly_the_same(&words, title))
                .then_some(true)
        };
        candidates
            .iter()
            .find(agrees)
            .or_else(|| candidates.iter().find(long_enough))
            .copied()
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .chain(self.h2.iter().filter(usable))
                    .find_map(|h| near(h).map(|use_it| use_it.then_some(h)))
                    .flatten()
            })
            .map(|h| h.to_string())
            .or_else(|| metadata.first().map(|t| self.without_site(t)))
            .or_else(|| reader_title.map(str::to_string).filter(|t| !t.is_empty()))
            .or_else(|| self.h1.first().cloned())
    }

    /// The site's names: its own (`og:site_name`, the publisher) and the end
    /// of its `<title>` after a separator (`Headline – Yoga Weekly`).
    fn site_names(&self) -> Vec<String> {
        let tail = self.title_tag.as_deref().and_then(|title| {
            let (head, tail) = split_title(title)?;
            (head.split_whitespace().count() >= tail.split_whitespace().count())
                .then(|| tail.to_string())
        });
        [
            self.meta(&["og:site_name"]),
            self.ld.publisher.clone(),
            self.meta(&["application-name"]),
            tail,
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect()
    }

    /// A title without the site's name at its end or start (`Headline | Site`).
    fn without_site(&self, title: &str) -> String {
        let sites: Vec<String> = self.site_names().iter().map(|s| fold(s)).collect();
        // The site's name, or its short name inside a longer one (`Koia` of
        // `Drink Koia Online`).
        let is_site = |part: &str| {
            let part = fold(part);
            let short = part.split_whitespace().count() <= 2;
            sites.iter().any(|site| {
                *site == part || short && format!(" {site} ").contains(&format!(" {part} "))
            })
        };
        title_splits(title)
            .find_map(|(head, tail)| {
                if is_site(tail) {
                    Some(head)
                } else {
                    is_site(head).then_some(tail)
                }
            })
            .unwrap_or(title)
            .to_string()
    }

    /// The authors, `, `-separated, and whether they are people rather than
    /// the site itself (JSON-LD and `<meta>` often name the publisher as the
    /// author; the byline printed on the page then names the person).
    pub fn byline(&self) -> Option<(String, bool)> {
        let site: Vec<String> = [self.site_name(), self.ld.publisher.clone()]
            .into_iter()
            .flatten()
            .map(|s| fold(&s))
            .collect();
        let not_site = |name: &String| {
            let name = fold(name);
            !site
                .iter()
                .any(|s| s.contains(&name) || name.contains(s.as_str()))
        };
        let people: Vec<String> = self
            .ld
            .authors
            .iter()
            .map(|a| clean_byline(a))
            .filter(|a| is_name(a))
            .collect();
        let from_meta: Vec<String> = self
            .labelled_author()
            .into_iter()
            .chain(AUTHOR_METAS.iter().flat_map(|name| {
                self.metas
                    .iter()
                    .filter(move |(key, _)| key == name)
                    .map(|(key, content)| {
                        if key.starts_with("citation_") {
                            first_name_first(content)
                        } else {
                            content.clone()
                        }
                    })
            }))
            .map(|a| clean_byline(&a))
            .filter(|a| is_name(a))
            .collect();
        let shown = self
            .authors
            .iter()
            .filter_map(|lines| name_in_lines(lines.lines()))
            .find(not_site);
        if !people.is_empty() && people.iter().all(not_site) {
            return Some((people.join(", "), true));
        }
        from_meta
            .iter()
            .find(|a| not_site(a))
            .cloned()
            .or(shown)
            .map(|a| (a, true))
            .or_else(|| {
                let named = (!people.is_empty()).then(|| people.join(", "));
                named
                    .or_else(|| from_meta.first().cloned())
                    .map(|a| (a, false))
            })
    }

    /// The author a `twitter:labelN` names (`Written by`) in its `twitter:dataN`,
    /// as WordPress's SEO plugins write it.
    fn labelled_author(&self) -> Option<String> {
        self.metas
            .iter()
            .filter(|(key, label)| {
                let label = label.to_lowercase();
                key.starts_with("twitter:label")
                    && (label.contains("author") || label.split_whitespace().any(|w| w == "by"))
            })
            .find_map(|(key, _)| self.meta(&[key.replacen("label", "data", 1).as_str()]))
    }

    pub fn site_name(&self) -> Option<String> {
        self.meta(&["og:site_name"])
            .or_else(|| self.ld.publisher.clone())
            .or_else(|| self.meta(&["application-name"]))
    }

    /// The publication date the metadata gives, ISO 8601: the article's
    /// JSON-LD, the `<meta>` tags, then dates the markup marks as published;
    /// the first of them not after the page's last update, since a story is
    /// not published after it was updated (a `published-time` that is the
    /// time the page was generated), else the first.
    pub fn published(&self) -> Option<String> {
        let candidates: Vec<String> = self
            .ld
            .published
            .as_deref()
            .and_then(iso_date)
            .into_iter()
            .chain(
                DATE_METAS
                    .iter()
                    .flat_map(|name| self.meta_dates(move |key| key == *name)),
            )
            // Names of this kind beyond the known ones (`w-published-date`).
            .chain(self.meta_dates(|key| key.contains("publish") && !key.contains("modif")))
            .chain(self.marked_published.iter().filter_map(|t| iso_date(t)))
            .collect();
        let last_update = self.update_dates().max();
        candidates
            .iter()
            .find(|date| last_update.as_ref().is_none_or(|update| *date <= update))
            .or(candidates.first())
            .cloned()
    }

    /// The dates of the `<meta>` tags whose name `wanted` accepts, in page order.
    fn meta_dates<'a>(
        &'a self,
        wanted: impl Fn(&str) -> bool + 'a,
    ) -> impl Iterator<Item = String> + 'a {
        self.metas
            .iter()
            .filter(move |(key, _)| wanted(key))
            .filter_map(|(_, content)| iso_date(content))
    }

    /// A date the page gives with less certainty that it is the
    /// publication's: its first `<time>` element, its `WebPage`'s date.
    pub fn dated(&self) -> Option<String> {
        self.times
            .iter()
            .find_map(|t| iso_date(t))
            .or_else(|| self.ld.page_published.as_deref().and_then(iso_date))
    }

    /// The date the page's markup shows for the story (`<p class="post-date">`),
    /// not one labelled as an update's.
    pub fn shown_date(&self) -> Option<String> {
        self.date_texts
            .iter()
            .find_map(|text| first_version_date(text))
    }

    /// The date of the last update, ISO 8601.
    pub fn updated(&self) -> Option<String> {
        self.update_dates().next()
    }

    /// Every update date the metadata gives, the surest first: JSON-LD's,
    /// then the known `<meta>` names in their order, then names like them.
    fn update_dates(&self) -> impl Iterator<Item = String> + '_ {
        self.ld
            .modified
            .as_deref()
            .and_then(iso_date)
            .into_iter()
            .chain(
                UPDATE_METAS
                    .iter()
                    .flat_map(|name| self.meta_dates(move |key| key == *name)),
            )
            .chain(self.meta_dates(is_update_key))
    }
}

/// A `<meta>` name of an update's date beyond the known ones (`modified-date`).
fn is_update_key(key: &str) -> bool {
    key.contains("modif") || key.contains("updated")
}

#[derive(Debug, Clone, Copy)]
enum Capture {
    Headline,
    Subheading,
    Author,
    /// A comment thread: no author element inside is the article's.
    Comments,
    Date,
}

/// Class words of elements that show the story's date.
const DATE_CLASSES: &[&str] = &[
    "date",
    "published",
    "pubdate",
    "publishdate",
    "publicationdate",
    "publicationtime",
    "dateline",
    "posted",
];

/// Whether a word of the element's attribute `name` (split at spaces, `-`
/// and `_`) is one of `words`.
fn has_word(tag: &Tag, name: &str, words: &[&str]) -> bool {
    attribute(&tag.attrs, name).is_some_and(|value| {
        value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    })
}

/// `rel=author`, `itemprop=author`, a class word `author` or `byline`, or a
/// link to an author's page; not a comment's author.
fn is_author_element(tag: &Tag) -> bool {
    // A link to the author's page: `/authors/ana-ruiz`, `/staff/12/ana-ruiz/`.
    let author_page = attribute(&tag.attrs, "href").is_some_and(|href| {
        let path = href.to_ascii_lowercase();
        AUTHOR_PATHS.iter().any(|segment| path.contains(segment))
    });
    !has_word(tag, "class", &["comment", "comments"])
        && (has_word(tag, "rel", &["author"])
            || has_word(tag, "itemprop", &["author"])
            || has_word(tag, "class", &["author", "byline"])
            || tag.name == "a" && author_page)
}

/// Path segments of links to an author's page.
const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/writer/",
    "/writers/",
    "/contributor/",
    "/contributors/",
    "/staff/",
    "/journalist/",
    "/journalists/",
];

impl LinkedData {
    fn read(&mut self, json: &str) {
        let json = json.trim();
        if !gjson::valid(json) {
            return;
        }
        self.visit(&gjson::parse(json), 0);
    }

    /// The article's authors that the graph names by `@id` only.
    fn name_authors_by_id(&mut self) {
        if self.authors.is_empty() {
            self.authors = self
                .author_ids
                .iter()
                .filter_map(|id| self.people.iter().find(|(known, _)| known == id))
                .map(|(_, name)| name.clone())
                .collect();
        }
    }

    fn visit(&mut self, value: &gjson::Value, depth: usize) {
        if depth > 8 {
            return;
        }
        match value.kind() {
            gjson::Kind::Array => {
                for item in value.array() {
                    self.visit(&item, depth + 1);
                }
            }
            gjson::Kind::Object => {
                let mut types = Vec::new();
                value.each(|key, v| {
                    if key.str() == "@type" {
                        match v.kind() {
                            gjson::Kind::Array => {
                                types.extend(v.array().iter().map(|t| t.str().to_string()))
                            }
                            _ => types.push(v.str().to_string()),
                        }
                    }
                    true
                });
                let is = |list: &[&str]| types.iter().any(|t| list.contains(&t.as_str()));
                let text = |key: &str| {
                    let v = value.get(key);
                    (v.kind() == gjson::Kind::String)
                        .then(|| collapse(&decode_entities(v.str())))
                        .filter(|s| !s.is_empty())
                };
                if is(ARTICLE_TYPES) {
                    if self.headline.is_none() {
                        self.headline = text("headline").or_else(|| text("name"));
                    }
                    if self.published.is_none() {
                        self.published = text("datePublished").or_else(|| text("dateCreated"));
                    }
                    if self.modified.is_none() {
                        self.modified = text("dateModified");
                    }
                    for key in ["author", "creator"] {
                        if self.authors.is_empty() && self.author_ids.is_empty() {
                            names_of(&value.get(key), &mut self.authors, &mut self.author_ids);
                        }
                    }
                    if self.publisher.is_none() {
                        let publisher = value.get("publisher");
                        self.publisher = match publisher.kind() {
                            gjson::Kind::String => Some(publisher.str().to_string()),
                            _ => {
                                let name = publisher.get("name");
                                (name.kind() == gjson::Kind::String).then(|| name.str().to_string())
                            }
                        }
                        .map(|s| collapse(&s))
                        .filter(|s| !s.is_empty());
                    }
                } else if is(&["WebPage", "ItemPage", "CollectionPage"])
                    && self.page_published.is_none()
                {
                    self.page_published = text("datePublished");
                } else if is(&["Person"]) {
                    if let (Some(id), Some(name)) = (linked_id(value), text("name")) {
                        self.people.push((id, name));
                    }
                }
                value.each(|key, v| {
                    if key.str() != "author"
                        && matches!(v.kind(), gjson::Kind::Object | gjson::Kind::Array)
                    {
                        self.visit(&v, depth + 1);
                    }
                    true
                });
            }
            _ => {}
        }
    }
}

/// The names in a JSON-LD `author`: a string, a person, or a list of them;
/// the `@id`s of people named elsewhere in the graph go to `ids`.
fn names_of(value: &gjson::Value, out: &mut Vec<String>, ids: &mut Vec<String>) {
    match value.kind() {
        gjson::Kind::String => out.push(collapse(&decode_entities(value.str()))),
        gjson::Kind::Array => {
            for item in value.array() {
                names_of(&item, out, ids);
            }
        }
        gjson::Kind::Object => {
            let name = value.get("name");
            if name.kind() == gjson::Kind::String {
                out.push(collapse(&decode_entities(name.str())));
            } else if let Some(id) = linked_id(value) {
                ids.push(id);
            }
        }
        _ => {}
    }
    out.retain(|name| !name.is_empty());
    out.dedup();
}

/// A JSON-LD node's `@id` (read key by key: gjson takes a path's `@` for a modifier).
fn linked_id(value: &gjson::Value) -> Option<String> {
    let mut id = None;
    value.each(|key, v| {
        if key.str() == "@id" && v.kind() == gjson::Kind::String {
            id = Some(v.str().to_string());
        }
        id.is_none()
    });
    id
}

/// `Ruiz, Ana` (as citation metadata writes names) → `Ana Ruiz`.
fn first_name_first(name: &str) -> String {
    match name.split_once(", ") {
        Some((last, first))
            if !first.contains(',')
                && [last, first]
                    .iter()
                    .all(|part| (1..=3).contains(&part.split_whitespace().count())) =>
        {
            format!("{first} {last}")
        }
        _ => name.to_string(),
    }
}

/// The name in a byline's lines: the first, or the next where the first is
/// a label or a date alone (`Written by` / `Ana Ruiz`, `Sep 16` / `By Ana Ruiz`).
fn name_in_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut lines = lines.into_iter().map(clean_byline);
    let first = lines.next()?;
    if is_name(&first) {
        return Some(first);
    }
    let words: Vec<&str> = first.split_whitespace().collect();
    if !(first.is_empty() || is_month_day(&words) || date_in_text(&first).is_some()) {
        return None;
    }
    lines.next().filter(|next| is_name(next))
}

/// A person's or a desk's name, not a link, a label, a date or a template field.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower = text.to_lowercase();
    (1..=12).contains(&words.len())
        && !text.contains("://")
        && !text.contains(['@', ':', '*', '{', '}', '=', '<'])
        && !lower.starts_with("www.")
        && !text.starts_with('/')
        && !lower.starts_with("about ")
        && ![
            "by",
            "link",
            "author",
            "authors",
            "admin",
            "staff",
            "contributor",
            "contributors",
            // A comment form's fields.
            "name",
            "your name",
            "full name",
            "email",
            "website",
            // A script's empty value.
            "undefined",
            "null",
        ]
        .contains(&lower.as_str())
        && text.chars().any(char::is_alphabetic)
        // `0 Skip to Content`, `3 comments`: no name begins with a number.
        && !words[0].chars().all(|c| c.is_ascii_digit())
        // `page.head.author`, `{{author}}`: a template's field left unfilled.
        && !(words.len() == 1 && lower.contains("author"))
        && date_in_text(text).is_none()
        && !is_month_day(&words)
        // `a1b2c3d4e5f6`: not written for a reader.
        && !(words.len() == 1 && text.chars().filter(char::is_ascii_digit).count() >= 3)
}

/// The byline and date words of `page_words.txt`.
fn page_words() -> &'static crate::lexicon::PageWords {
    &crate::lexicon::Lexicon::shared().page_words
}

/// `Sep 16`, `16 Sept.`: a date without its year.
fn is_month_day(words: &[&str]) -> bool {
    let months = &crate::lexicon::Lexicon::shared().months;
    let month = |w: &str| months.contains_key(w.trim_end_matches('.').to_lowercase().as_str());
    let day = |w: &str| w.trim_end_matches([',', '.']).parse::<u32>().is_ok();
    matches!(words, [a, b] if month(a) && day(b) || day(a) && month(b))
}

/// `By Ana Ruiz |` → `Ana Ruiz`; `Ana Ruiz - Mar 27, 2024` → `Ana Ruiz`;
/// a label alone (`Posted by`) → empty.
pub fn clean_byline(byline: &str) -> String {
    let byline = unglued(&collapse(byline));
    let mut rest = byline.as_str();
    // ASCII lower-casing keeps the byte offsets of the text.
    let lower = rest.to_ascii_lowercase();
    // The label may come after a date (`Jun 2 Written By`): whatever precedes it goes too.
    for label in &page_words().byline_labels {
        let found = lower.match_indices(label).find(|&(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + label.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
                && (at == 0 || label.contains(' ') || date_span(&lower[..at]).is_some())
        });
        if let Some((at, _)) = found {
            rest = &rest[at + label.len()..];
            break;
        }
    }
    // A byline line often goes on with the date or a role (`Ana Ruiz | May 2`,
    // `Ana Ruiz, Dec 17, 2025`, `Ana Ruiz – Staff Writer`) or follows the
    // date (`Mar 27, 2024 - Ana Ruiz`).
    rest.split(['|', '•', '·'])
        .flat_map(|part| part.split(" - ").flat_map(|part| part.split(" – ")))
        .map(|part| match date_span(part) {
            Some((start, end)) => match trim_joints(&part[..start]) {
                "" => trim_joints(&part[end..]),
                before => before,
            },
            None => trim_joints(part),
        })
        .find(|part| !part.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// `ByAna Ruiz` (two elements side by side, no space between) → `By Ana Ruiz`.
fn unglued(line: &str) -> String {
    match line.strip_prefix("By") {
        Some(rest) if rest.starts_with(char::is_uppercase) => format!("By {rest}"),
        _ => line.to_string(),
    }
}

/// A byline part without the punctuation and words that join it to a date.
fn trim_joints(part: &str) -> &str {
    let words = page_words();
    let is_joint = |word: &str| words.byline_joints.contains(word.to_lowercase().as_str());
    let mut part = part;
    loop {
        part = part.trim_matches(|c: char| c.is_whitespace() || ",;:–—-*\"“”".contains(c));
        // `Ana RuizPublished`: the label of the date that follows, no space between.
        if let Some(glued) = words
            .glued_date_labels
            .iter()
            .find_map(|label| part.strip_suffix(label))
            .filter(|head| head.ends_with(|c: char| !c.is_whitespace()))
        {
            part = glued;
            continue;
        }
        match part.rsplit_once(char::is_whitespace) {
            Some((head, last)) if is_joint(last) => part = head,
            None if is_joint(part) => return "",
            _ => return part,
        }
    }
}

/// Lower-cased, typographic quotes and dashes made plain, spaces collapsed:
/// the same title written two ways compares equal.
pub fn fold(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '′' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    collapse(&plain)
}

/// The distinct words of folded text, split at anything but letters and digits.
fn words_of(folded: &str) -> Vec<String> {
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Two sorted word sets of three words or more that share at least four
/// fifths of the larger.
fn nearly_the_same(a: &[String], b: &[String]) -> bool {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    a.len().min(b.len()) >= 3 && shared * 5 >= a.len().max(b.len()) * 4
}

/// Whether folded text says nothing but what a site's navigation says
/// (`open menu close menu`, `skip to content`).
fn is_navigation(folded: &str) -> bool {
    let phrases = &crate::lexicon::Lexicon::shared().boilerplate_phrases;
    let mut rest = folded.to_string();
    for (_, phrase) in phrases
        .iter()
        .filter(|(reason, _)| *reason == crate::report::BoilerplateReason::Navigation)
    {
        rest = rest.replace(phrase, " ");
    }
    !rest.chars().any(char::is_alphanumeric)
}

/// Separators between a page's title and its site's name.
const TITLE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - ", " :: ", " » ", " • ", " · "];

/// A title split at each of its separators: (`Headline`, `Site`), (`Site`, `Headline`).
fn title_splits(title: &str) -> impl Iterator<Item = (&str, &str)> {
    TITLE_SEPARATORS
        .iter()
        .flat_map(move |sep| {
            title
                .match_indices(sep)
                .map(|(at, sep)| (at, at + sep.len()))
        })
        .map(move |(at, end)| (title[..at].trim(), title[end..].trim()))
        .filter(|(head, tail)| !head.is_empty() && !tail.is_empty())
}

/// A title split at its last separator: (`Headline`, `Site`).
fn split_title(title: &str) -> Option<(&str, &str)> {
    title_splits(title).max_by_key(|(head, _)| head.len())
}

/// Where the visible text shows the headline: every line that is it (a
/// list of trending stories may show it before the article does).
fn headline_at(lines: &[&str], headline: Option<&str>) -> Vec<usize> {
    let Some(headline) = headline.map(fold) else {
        return Vec::new();
    };
    (0..lines.len())
        .filter(|&i| fold(lines[i]) == headline)
        .collect()
}

/// A line `By …` just below the headline in the visible text.
pub fn byline_near(lines: &[&str], headline: Option<&str>) -> Option<String> {
    headline_at(lines, headline).into_iter().find_map(|at| {
        (at + 1..lines.len().min(at + 8))
            .filter(|&i| lines[i].split_whitespace().count() <= 10)
            .find_map(|i| labelled_name(lines, i))
    })
}

/// A name under a label alone (`Written by` / `Ana Ruiz`) anywhere in the
/// visible text, as author boxes print it.
pub fn byline_under_label(lines: &[&str]) -> Option<String> {
    (0..lines.len())
        .filter(|&i| lines[i].split_whitespace().count() <= 3 && clean_byline(lines[i]).is_empty())
        .filter(|&i| {
            lines
                .get(i + 1)
                .is_some_and(|next| next.split_whitespace().count() <= 5)
        })
        .find_map(|i| labelled_name(lines, i))
}

/// The name of a line that begins with a byline's label: `By Ana Ruiz`, or
/// the label alone and the name on the next line.
fn labelled_name(lines: &[&str], at: usize) -> Option<String> {
    let lower = unglued(lines[at]).to_lowercase();
    let labelled = page_words().byline_labels.iter().any(|label| {
        lower.starts_with(label) && !lower[label.len()..].starts_with(char::is_alphanumeric)
    });
    labelled.then(|| name_in_lines(lines[at..].iter().copied().take(2)))?
}

/// A date on a short line just below (else just above) the headline in the
/// visible text, where pages print the date of the story; not one labelled
/// as the last update's.
pub fn date_near(lines: &[&str], headline: Option<&str>) -> Option<String> {
    let dated = |i: &usize| {
        let line = lines[*i];
        // `Last updated:` alone on the line above.
        let under_update_label = i.checked_sub(1).is_some_and(|above| {
            let above = lines[above].to_lowercase();
            above.split_whitespace().count() <= 3
                && page_words()
                    .update_labels
                    .iter()
                    .any(|label| above.contains(label))
        });
        (line.split_whitespace().count() <= 20 && !under_update_label)
            .then(|| first_version_date(line))
            .flatten()
    };
    headline_at(lines, headline)
        .into_iter()
        .find_map(|at| {
            (at + 1..lines.len().min(at + 10))
                .find_map(|i| dated(&i))
                .or_else(|| (at.saturating_sub(5)..at).rev().find_map(|i| dated(&i)))
        })
        .or_else(|| date_after_headline(lines, headline?))
}

/// A date that runs on from the headline on its own line (`Tide mill
/// reopens 20 December 2025`, where no block separates them).
fn date_after_headline(lines: &[&str], headline: &str) -> Option<String> {
    let headline = fold(headline);
    lines.iter().find_map(|line| {
        let rest = fold(line).strip_prefix(&headline)?.to_string();
        let ((start, end), date) = first_date(&rest)?;
        // Nothing but the date after the headline.
        (rest[..start].trim().is_empty() && rest[end..].trim().len() <= 12).then_some(date)
    })
}

/// The first date in a line unless a label calls it the last update's.
fn first_version_date(line: &str) -> Option<String> {
    let ((start, _), date) = first_date(line)?;
    let before = line[..start].to_lowercase();
    page_words()
        .update_labels
        .iter()
        .all(|label| !before.contains(label))
        .then_some(date)
}

/// A date the visible text labels as the publication's (`Published on
/// 15 August 2025`, `Posted 3/14/2025`) on a short line anywhere on the page.
pub fn labelled_date(lines: &[&str]) -> Option<String> {
    date_after_label(lines, &page_words().publication_labels)
}

/// A date the visible text calls the first publication's (`This article
/// was originally published on 26 May 2019 at 4:12pm but has been updated`),
/// on a line of any length or on the line after the label alone: a page that
/// says so outright is dated by it, whatever later date it prints with the
/// headline (the republication's or the last revision's).
pub fn original_date(lines: &[&str]) -> Option<String> {
    let labels = &page_words().original_publication_labels;
    lines.iter().enumerate().find_map(|(i, line)| {
        // ASCII lower-casing keeps the byte offsets of the line.
        let lower = line.to_ascii_lowercase();
        labels.iter().find_map(|label| {
            let at = label_at(&lower, label)?;
            let rest = &line[at + label.len()..];
            date_opening(rest).or_else(|| {
                let alone = rest.split_whitespace().count() <= 1;
                alone.then(|| date_opening(lines.get(i + 1)?)).flatten()
            })
        })
    })
}

/// The date that opens a text, after at most a joining word (`on 26 May 2019`, `: May 2, 2025`).
fn date_opening(text: &str) -> Option<String> {
    let ((start, _), date) = first_date(text)?;
    (text[..start].split_whitespace().count() <= 1).then_some(date)
}

/// A date the visible text labels as the last update's.
pub fn labelled_update(lines: &[&str]) -> Option<String> {
    date_after_label(lines, &page_words().update_labels)
}

/// A date on a short line with one of `labels`, or on the line after the label alone.
fn date_after_label(lines: &[&str], labels: &[&str]) -> Option<String> {
    let labelled = |line: &str| {
        let lower = line.to_lowercase();
        labels.iter().any(|label| label_at(&lower, label).is_some())
    };
    (0..lines.len())
        .filter(|&i| lines[i].split_whitespace().count() <= 12 && labelled(lines[i]))
        .find_map(|i| {
            date_in_text(lines[i]).or_else(|| {
                let alone = lines[i].split_whitespace().count() <= 2;
                alone.then(|| date_in_text(lines.get(i + 1)?)).flatten()
            })
        })
}

/// Where a label first starts a word of a lower-cased line (`updated`, not `unupdated`).
fn label_at(lower: &str, label: &str) -> Option<usize> {
    lower.match_indices(label).map(|(at, _)| at).find(|&at| {
        !lower[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    })
}

/// The same date with its day and month swapped, where both could be a month
/// (`2024-10-09` for `2024-09-10`): how a printed `09.10.2024` reads the other way.
pub fn day_month_swapped(iso: &str) -> Option<String> {
    let (year, rest) = iso.split_once('-')?;
    let (month, day) = rest.split_once('-')?;
    ymd(year, day, month)
}

/// A metadata date (`2025-03-14T09:00:00Z`, `2025/03/14`, `March 14, 2025`) as ISO 8601.
pub fn iso_date(value: &str) -> Option<String> {
    match numeric_ymd(value) {
        Some((year, month, day)) => ymd(year, month, day),
        None => date_in_text(value),
    }
}

/// Year, month and day opening a metadata value, `2025-03-14T…` or `2025/3/14`.
/// It was the regex `^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^\d])`.
fn numeric_ymd(value: &str) -> Option<(&str, &str, &str)> {
    let separator = |c: char| matches!(c, '-' | '/' | '.');
    let mut at = Cursor::new(value, 0);
    at.skip_space();
    let year = at.run(is_digit, 4, 4)?;
    at.eat(separator)?;
    let month = at.run(is_digit, 1, 2)?;
    at.eat(separator)?;
    // All of the run of digits, so no digit follows.
    Some((year, month, at.run(is_digit, 1, 2)?))
}

/// The first date written out in a line of text (`March 14, 2025`,
/// `14 March 2025`, `Mar. 14th, 2025`, `2025-03-14`, `14.03.2025`, and
/// `03/14/2025` or `14/03/2025` where the day tells itself), as ISO 8601.
pub fn date_in_text(line: &str) -> Option<String> {
    first_date(line).map(|(_, date)| date)
}

/// Where the first date in a line of text begins and ends (byte offsets).
fn date_span(line: &str) -> Option<(usize, usize)> {
    first_date(line).map(|(span, _)| span)
}

fn first_date(line: &str) -> Option<((usize, usize), String)> {
    [words_date(line), numeric_date(line)]
        .into_iter()
        .flatten()
        .min_by_key(|((start, _), _)| *start)
}

fn numeric_date(line: &str) -> Option<((usize, usize), String)> {
    matches(line, |start| numeric_date_at(line, start)).find_map(|date| {
        let (a, b): (u32, u32) = (date.first.parse().ok()?, date.second.parse().ok()?);
        let (month, day) = match date.separator {
            '.' => (b, a),
            _ if a > 12 => (b, a),
            _ if b > 12 => (a, b),
            _ => return None,
        };
        Some((
            date.span,
            ymd(date.year, &month.to_string(), &day.to_string())?,
        ))
    })
}

/// A date in numbers, as written: `14.03.2025`, `03/14/2025`.
struct NumericDate<'a> {
    span: (usize, usize),
    first: &'a str,
    separator: char,
    second: &'a str,
    year: &'a str,
}

/// The numeric date whose match starts at `start`, and where the match ends.
/// It was the regex `(?:^|[^\d./])(\d{1,2})([./])(\d{1,2})[./](\d{4})(?:$|[^\d./])`,
/// whose match takes the characters around the date too.
fn numeric_date_at<'a>(line: &'a str, start: usize) -> Option<(NumericDate<'a>, usize)> {
    let apart = |c: char| !is_digit(c) && c != '.' && c != '/';
    let separator = |c: char| matches!(c, '.' | '/');
    let date = |mut at: Cursor<'a>| {
        let from = at.at;
        let first = at.run(is_digit, 1, 2)?;
        let between = at.eat(separator)?;
        let second = at.run(is_digit, 1, 2)?;
        at.eat(separator)?;
        let year = at.run(is_digit, 4, 4)?;
        let span = (from, at.at);
        if !at.at_end() {
            at.eat(apart)?;
        }
        let found = NumericDate {
            span,
            first,
            separator: between,
            second,
            year,
        };
        Some((found, at.at))
    };
    let at = Cursor::new(line, start);
    let opening = (start == 0).then(|| date(at)).flatten();
    opening.or_else(|| {
        let mut at = at;
        at.eat(apart)?;
        date(at)
    })
}

fn words_date(line: &str) -> Option<((usize, usize), String)> {
    let months = &crate::lexicon::Lexicon::shared().months;
    matches(line, |start| written_date_at(line, start)).find_map(|date| {
        let month = if date.month_name {
            months.get(date.month.to_lowercase().as_str())?.to_string()
        } else {
            date.month.to_string()
        };
        Some((date.span, ymd(date.year, &month, date.day)?))
    })
}

/// A date with its month in words (`March 14, 2025`, `14th of March 2025`,
/// `2023 Jan 7`) or in ISO 8601, as written.
struct WrittenDate<'a> {
    span: (usize, usize),
    year: &'a str,
    month: &'a str,
    /// Whether the month is a word rather than a number.
    month_name: bool,
    day: &'a str,
}

/// The written date whose match starts at `start`, and where the match ends.
/// It was the regex
/// `\b(?P<m1>[^\W\d_]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})(?:\b|[A-Z])|\b(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[^\W\d_]{3,9})\.?,?\s+(?P<y2>\d{4})(?:\b|[A-Z])|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?:\b|T)|\b(?P<y4>\d{4})\s+(?P<m4>[^\W\d_]{3,9})\.?\s+(?P<d4>\d{1,2})\b`,
/// its alternatives tried in that order.
fn written_date_at<'a>(line: &'a str, start: usize) -> Option<(WrittenDate<'a>, usize)> {
    if !word_boundary(line, start) {
        return None;
    }
    let written = |year, month, month_name, day, end| WrittenDate {
        span: (start, end),
        year,
        month,
        month_name,
        day,
    };
    let ordinal = |at: &mut Cursor<'a>| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|suffix| at.eat_str(suffix).is_some())
    };
    // The year may run into the next word (`May 2, 2025Ana Ruiz`): the match
    // takes that capital, the date does not.
    let year = |at: &mut Cursor<'a>| {
        let year = at.run(is_digit, 4, 4)?;
        let end = at.at;
        if !word_boundary(line, end) {
            at.eat(|c| c.is_ascii_uppercase())?;
        }
        Some((year, end))
    };
    let month_first = |mut at: Cursor<'a>| {
        let month = month_word(&mut at)?;
        at.space()?;
        let day = at.run(is_digit, 1, 2)?;
        ordinal(&mut at);
        at.skip(',');
        at.space()?;
        let (year, end) = year(&mut at)?;
        Some((written(year, month, true, day, end), at.at))
    };
    let day_first = |mut at: Cursor<'a>| {
        let day = at.run(is_digit, 1, 2)?;
        ordinal(&mut at);
        at.space()?;
        // `of` is too short for a month: it is taken wherever it stands.
        let mut of = at;
        if of.eat_str("of").and_then(|()| of.space()).is_some() {
            at = of;
        }
        let month = month_word(&mut at)?;
        at.skip(',');
        at.space()?;
        let (year, end) = year(&mut at)?;
        Some((written(year, month, true, day, end), at.at))
    };
    let iso = |mut at: Cursor<'a>| {
        let (year, month, day) = iso_date_parts(&mut at)?;
        let end = at.at;
        if !word_boundary(line, end) {
            at.eat_str("T")?;
        }
        Some((written(year, month, false, day, end), at.at))
    };
    // Citation style, year first: `2023 Jan 7`.
    let year_first = |mut at: Cursor<'a>| {
        let year = at.run(is_digit, 4, 4)?;
        at.space()?;
        let month = month_word(&mut at)?;
        at.space()?;
        let day = at.run(is_digit, 1, 2)?;
        let end = at.at;
        word_boundary(line, end).then(|| (written(year, month, true, day, end), end))
    };
    let at = Cursor::new(line, start);
    month_first(at)
        .or_else(|| day_first(at))
        .or_else(|| iso(at))
        .or_else(|| year_first(at))
}

fn ymd(year: &str, month: &str, day: &str) -> Option<String> {
    let (year, month, day): (u32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    ((1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Tide mill reopens | The Estuary Post</title>
        <meta property="og:title" content="Tide mill reopens after ten years">
        <meta property="og:site_name" content="The Estuary Post">
        <meta name="author" content="https://example.org/staff/1">
        <meta property="article:published_time" content="2024-05-02T08:00:00+01:00">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebPage","datePublished":"2024-05-01"},
          {"@type":"NewsArticle","headline":"Tide mill reopens after ten years",
           "author":[{"@type":"Person","name":"Ola Brenn"},{"@type":"Person","name":"Kit Marr"}],
           "datePublished":"2024-05-03T07:00:00Z","dateModified":"2024-05-04",
           "publisher":{"@type":"Organization","name":"Estuary Post"}}]}</script>
        </head><body><h1 class="logo">Estuary Post</h1>
        <h1>Tide mill <span>re</span>opens after ten&nbsp;years</h1>
        <p class="byline">By <a rel="author">Ola Brenn</a></p><time datetime="2024-05-03">3 May</time>
        <p>Text.</p></body></html>"#;

    #[test]
    fn reads_linked_data_open_graph_and_the_headline() {
        let meta = PageMeta::scan(PAGE);
        assert_eq!(
            meta.headline(None).as_deref(),
            Some("Tide mill reopens after ten years")
        );
        assert_eq!(
            meta.byline(),
            Some(("Ola Brenn, Kit Marr".to_string(), true))
        );
        assert_eq!(meta.site_name().as_deref(), Some("The Estuary Post"));
        assert_eq!(meta.published().as_deref(), Some("2024-05-03"));
        assert_eq!(meta.updated().as_deref(), Some("2024-05-04"));
    }

    #[test]
    fn falls_back_to_meta_tags_and_bylines() {
        let page = r#"<head><meta content="2023-11-09" name="date"><meta name="author" content="Rui Sato"></head>
            <body><h1>Ferry fares frozen</h1><span class="post-author">by Someone Else</span></body>"#;
        let meta = PageMeta::scan(page);
        assert_eq!(meta.headline(None).as_deref(), Some("Ferry fares frozen"));
        assert_eq!(meta.byline(), Some(("Rui Sato".to_string(), true)));
        assert_eq!(meta.published().as_deref(), Some("2023-11-09"));
        let bare = PageMeta::scan(r#"<body><div class="author">By Lina Moor</div></body>"#);
        assert_eq!(bare.byline(), Some(("Lina Moor".to_string(), true)));
        let publisher_as_author = PageMeta::scan(
            r#"<meta property="og:site_name" content="Gull Times"><meta name="author" content="Gull Times">
            <p>By <a href="/authors/ria-holm">Ria Holm</a></p>"#,
        );
        assert_eq!(
            publisher_as_author.byline(),
            Some(("Ria Holm".to_string(), true))
        );
        let only_the_site = PageMeta::scan(
            r#"<meta property="og:site_name" content="Gull Times"><meta name="author" content="Gull Times">"#,
        );
        assert_eq!(
            only_the_site.byline(),
            Some(("Gull Times".to_string(), false))
        );
        assert_eq!(bare.published(), None);
        let broken = PageMeta::scan(r#"<script type="application/ld+json">{"@type":"#);
        assert_eq!(broken.published(), None);
    }

    #[test]
    fn a_site_title_without_an_agreeing_heading_is_taken_as_given() {
        let page = r#"<head><meta property="og:title" content="Harbour dues rise"></head>
            <body><h1>Menu</h1></body>"#;
        assert_eq!(
            PageMeta::scan(page).headline(None).as_deref(),
            Some("Harbour dues rise")
        );
    }

    #[test]
    fn a_heading_that_is_the_site_or_a_section_label_gives_way_to_the_metadata() {
        let headline = |page: &str| PageMeta::scan(page).headline(None);
        // The `<title>` ends with the site's name, which the page's only heading shows.
        let site_heading = r#"<title>Kelp beds return to the bay – Gull Weekly</title>
            <body><h1>Gull Weekly</h1></body>"#;
        assert_eq!(
            headline(site_heading).as_deref(),
            Some("Kelp beds return to the bay")
        );
        let section = r#"<meta property="og:title" content="Kelp beds return to the bay">
            <body><h1>Latest News</h1></body>"#;
        assert_eq!(
            headline(section).as_deref(),
            Some("Kelp beds return to the bay")
        );
        // A heading of a headline's length is the page's own wording of it.
        let reworded = r#"<meta property="og:title" content="Kelp beds return">
            <body><h1>Divers find the kelp beds back in the bay</h1></body>"#;
        assert_eq!(
            headline(reworded).as_deref(),
            Some("Divers find the kelp beds back in the bay")
        );
        let no_heading = r#"<meta property="og:site_name" content="Gull Times">
            <title>Gull Times | Kelp beds return to the bay</title>"#;
        assert_eq!(
            headline(no_heading).as_deref(),
            Some("Kelp beds return to the bay")
        );
        // Against a title without the site, a heading of half its words agrees.
        let short_heading = r#"<title>Kelp beds: what divers found | Gull Times</title>
            <meta property="og:site_name" content="Gull Times"><h1>Kelp beds</h1>"#;
        assert_eq!(headline(short_heading).as_deref(), Some("Kelp beds"));
    }

    #[test]
    fn a_short_heading_of_the_title_s_words_is_the_headline() {
        let headline = |h1: &str, title: &str| {
            let page = format!(
                r#"<meta property="og:title" content="{title}"><body><h1>{h1}</h1></body>"#
            );
            PageMeta::scan(&page).headline(None)
        };
        let cheap = "Cheap ferries: fares for families on a budget";
        assert_eq!(
            headline("Cheap fares", cheap).as_deref(),
            Some("Cheap fares")
        );
        assert_eq!(
            headline("Harbour Catch-Up 5/2/2025", "Harbour Weekly Catch-Up").as_deref(),
            Some("Harbour Catch-Up 5/2/2025"),
            "the date aside"
        );
        // A word that is not the title's makes the heading a section's label.
        assert_eq!(
            headline("Supporting Ferry Fares", cheap).as_deref(),
            Some(cheap)
        );
        assert_eq!(headline("The Ferry Office", cheap).as_deref(), Some(cheap));
    }

    #[test]
    fn a_heading_worded_nearly_as_the_title_is_the_headline() {
        let headline = |page: &str| PageMeta::scan(page).headline(None);
        // No `<h1>`: the `<h2>` that rewords the title a little, not the cart's.
        let reworded = r#"<meta property="og:title" content="Six Ways to Switch to a Meat-Free Lunch | Gull Deli">
            <body><h2>Your basket</h2><h2>Six Ways to Help You Switch to a Meat Free Lunch</h2><h2>Shop</h2></body>"#;
        assert_eq!(
            headline(reworded).as_deref(),
            Some("Six Ways to Help You Switch to a Meat Free Lunch")
        );
        // A heading that is the title, or the title and more, leaves the title the headline.
        let extended = r#"<meta property="og:title" content="Six Ways to Switch to a Meat-Free Lunch">
            <body><h1>Ria Holm</h1><h2>Six Ways to Switch to a Meat-Free Lunch / May 2024</h2></body>"#;
        assert_eq!(
            headline(extended).as_deref(),
            Some("Six Ways to Switch to a Meat-Free Lunch")
        );
        let exact_first = r#"<meta property="og:title" content="Six Ways to Switch to a Meat-Free Lunch">
            <body><h2>Six Ways to Switch to a Meat-Free Lunch</h2><h2>Six Ways to Switch to a Lunch</h2></body>"#;
        assert_eq!(
            headline(exact_first).as_deref(),
            Some("Six Ways to Switch to a Meat-Free Lunch")
        );
        // A heading about something else is no headline.
        let other = r#"<meta property="og:title" content="Six Ways to Switch to a Meat-Free Lunch">
            <body><h2>Six Soups for a Cold Evening at Home</h2></body>"#;
        assert_eq!(
            headline(other).as_deref(),
            Some("Six Ways to Switch to a Meat-Free Lunch")
        );
    }

    #[test]
    fn authors_from_seo_labels_citations_and_the_linked_data_graph() {
        let labelled = PageMeta::scan(
            r#"<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">
            <meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Ada Berg">"#,
        );
        assert_eq!(labelled.byline(), Some(("Ada Berg".to_string(), true)));
        let citation = PageMeta::scan(r#"<meta name="citation_author" content="Holm, Ria">"#);
        assert_eq!(citation.byline(), Some(("Ria Holm".to_string(), true)));
        let graph = PageMeta::scan(
            r#"<script type="application/ld+json">{"@graph":[
              {"@type":"BlogPosting","headline":"Kelp","author":{"@id":"https://example.org/#/person/7"}},
              {"@type":"Person","@id":"https://example.org/#/person/7","name":"Tove Lind"}]}</script>"#,
        );
        assert_eq!(graph.byline(), Some(("Tove Lind".to_string(), true)));
    }

    #[test]
    fn author_elements_are_read_line_by_line_and_comments_left_out() {
        let byline = |page: &str| PageMeta::scan(page).byline().map(|(name, _)| name);
        let label_apart = r#"<div class="author-box">
                <span class="small">Written by</span><div class="name">Ria Holm</div>
                <p>Ria writes about the coast.</p></div>"#;
        assert_eq!(byline(label_apart).as_deref(), Some("Ria Holm"));
        let with_date = r#"<p class="author">
                Ria Holm<br>
                4 August 2010</p>"#;
        assert_eq!(byline(with_date).as_deref(), Some("Ria Holm"));
        let date_first =
            r#"<div class="post-author"><span>Sep 16</span><div>Written By Ria Holm</div></div>"#;
        assert_eq!(byline(date_first).as_deref(), Some("Ria Holm"));
        let comments = r#"<ol class="comment-list"><li><div class="author vcard">Spam Bot</div></li></ol>
            <ul><li><span class="comment-author-link">Gull Fan</span></li></ul>"#;
        assert_eq!(byline(comments), None);
        // The indentation of the markup does not crowd out the name.
        let indented = format!(
            r#"<div class="byline-author">{}<span>By <a href="/people/ria">Ria Holm</a></span></div>"#,
            "<span>\n                    </span>".repeat(40)
        );
        assert_eq!(byline(&indented).as_deref(), Some("Ria Holm"));
    }

    #[test]
    fn bylines_are_cut_from_their_dates_roles_and_labels() {
        for (line, name) in [
            ("Dr. Ria Holm - Mar 27, 2024", "Dr. Ria Holm"),
            ("Mar 27, 2024 - Ria Holm", "Ria Holm"),
            (
                "Posted by RiaH on Friday December 19, 2025 @08:00PM",
                "RiaH",
            ),
            ("by: Ria Holm, Dec 17, 2025", "Ria Holm"),
            ("Ria Holm December 2, 2025", "Ria Holm"),
            ("Ria Holm – Staff Writer", "Ria Holm"),
            ("ByRia Holm", "Ria Holm"),
            ("Ria HolmPublished", "Ria Holm"),
            ("Dec 17, 2025Ria Holm", "Ria Holm"),
            ("Written By Ria Holm, MD*", "Ria Holm, MD"),
            ("\"Ria Holm\"", "Ria Holm"),
            ("Contributors: Ria Holm", "Ria Holm"),
            ("Updated", ""),
        ] {
            assert_eq!(clean_byline(line), name, "{line}");
        }
        for not_a_name in [
            "Sep 16",
            "Name",
            "undefined",
            "/ria-holm",
            "page.head.author",
            "0 Skip to Content",
        ] {
            assert!(!is_name(not_a_name), "{not_a_name}");
        }
        assert!(is_name("3i Global") && is_name("ria.holm"));
    }

    #[test]
    fn a_name_under_a_label_alone_anywhere_on_the_page() {
        let lines = ["Body.", "More stories", "Author", "Ria Holm", "Share"];
        assert_eq!(byline_under_label(&lines).as_deref(), Some("Ria Holm"));
        let form = ["Leave a reply", "Author", "Name", "Email"];
        assert_eq!(byline_under_label(&form), None);
    }

    #[test]
    fn publication_dates_by_how_sure_the_markup_is() {
        let page = |html: &str| PageMeta::scan(html);
        let generic = page(
            r#"<meta name="w-published-date" content="2025-05-27T06:03:43Z"><time datetime="2025-06-01">June 1</time>"#,
        );
        assert_eq!(generic.published().as_deref(), Some("2025-05-27"));
        let marked = page(
            r#"<time datetime="2025-06-01">June 1</time><time pubdate datetime="2025-05-30">May 30</time>"#,
        );
        assert_eq!(marked.published().as_deref(), Some("2025-05-30"));
        assert_eq!(marked.dated().as_deref(), Some("2025-06-01"));
        let shown = page(
            r#"<p class="entry-date">Updated May 9, 2025</p><p class="post-date">May 2, 2025. Updated May 9, 2025</p>"#,
        );
        assert_eq!(shown.published(), None);
        assert_eq!(shown.shown_date().as_deref(), Some("2025-05-02"));
        // A publication date after every update date is the page's own time.
        let generated = page(
            r#"<meta name="published-time" content="2026-04-02T07:15:00Z">
            <meta name="modified-date" content="2023-05-11"><meta name="published-date" content="2020-03-03">
            <meta name="modified-time" content="2025-10-01T12:00:00Z">"#,
        );
        assert_eq!(generated.published().as_deref(), Some("2020-03-03"));
        let only_later = page(
            r#"<meta name="published-date" content="2026-03-09"><meta name="modified-date" content="2024-07-30">"#,
        );
        assert_eq!(only_later.published().as_deref(), Some("2026-03-09"));
        let updated = page(r#"<meta name="modified-date" content="2024-07-30">"#);
        assert_eq!(updated.updated().as_deref(), Some("2024-07-30"));
        assert_eq!(
            day_month_swapped("2024-10-09").as_deref(),
            Some("2024-09-10")
        );
        assert_eq!(day_month_swapped("2024-10-19"), None);
    }

    #[test]
    fn a_date_shown_as_an_update_is_not_the_publication() {
        let lines = [
            "Kelp returns",
            "By Ria Holm",
            "Updated May 9, 2025",
            "Body.",
        ];
        assert_eq!(date_near(&lines, Some("Kelp returns")), None);
        let label_above = ["Kelp returns", "Last updated:", "May 9, 2025", "Body."];
        assert_eq!(date_near(&label_above, Some("Kelp returns")), None);
        assert_eq!(labelled_update(&label_above).as_deref(), Some("2025-05-09"));
        let both = ["Kelp returns", "May 2, 2025. Updated: May 9, 2025"];
        assert_eq!(
            date_near(&both, Some("Kelp returns")).as_deref(),
            Some("2025-05-02")
        );
        let label_alone = ["Body.", "Published", "Feb 2, 2023", "Share"];
        assert_eq!(labelled_date(&label_alone).as_deref(), Some("2023-02-02"));
        assert_eq!(
            date_in_text("2022-11-23T08:10+02:00").as_deref(),
            Some("2022-11-23")
        );
    }

    #[test]
    fn dates_in_text_and_metadata() {
        assert_eq!(
            date_in_text("Posted on March 4th, 2025 by Ana").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            date_in_text("Updated 14 Sep. 2023").as_deref(),
            Some("2023-09-14")
        );
        assert_eq!(date_in_text("Rated 5 stars 2023"), None);
        assert_eq!(iso_date("2025/3/9 10:00").as_deref(), Some("2025-03-09"));
        assert_eq!(iso_date("2025-13-09"), None);
        assert_eq!(iso_date("Dec 1, 2024").as_deref(), Some("2024-12-01"));
        assert_eq!(
            date_in_text("Updated: 10/31/2024").as_deref(),
            Some("2024-10-31")
        );
        assert_eq!(
            date_in_text("on 15/12/2025 at 19:00").as_deref(),
            Some("2025-12-15")
        );
        assert_eq!(date_in_text("17.05.2021").as_deref(), Some("2021-05-17"));
        assert_eq!(
            date_in_text("on 03/04/2025"),
            None,
            "day and month could be either"
        );
        // Citation metadata puts the year first.
        assert_eq!(iso_date("2021 Mar 9").as_deref(), Some("2021-03-09"));
        assert_eq!(iso_date("2021 Marble 9"), None);
    }

    /// The parts of every match of a date matcher in a line, left to right.
    fn every<T, P>(
        line: &'static str,
        match_at: fn(&'static str, usize) -> Option<(T, usize)>,
        parts: fn(T) -> P,
    ) -> Vec<P> {
        matches(line, move |start| match_at(line, start))
            .map(parts)
            .collect()
    }

    #[test]
    fn date_matchers_read_as_the_patterns_did() {
        assert_eq!(numeric_ymd(" 2025-03-14T09:00"), Some(("2025", "03", "14")));
        assert_eq!(numeric_ymd("2025.3.1"), Some(("2025", "3", "1")));
        assert_eq!(numeric_ymd("2025-03-145"), None);
        assert_eq!(numeric_ymd("12025-03-14"), None);
        let numeric = |line| {
            every(line, numeric_date_at, |d| {
                (d.span, d.first, d.separator, d.second, d.year)
            })
        };
        assert_eq!(
            numeric("on 14.03.2025"),
            [((3, 13), "14", '.', "03", "2025")]
        );
        // A match takes the character after the date, so the next cannot start there.
        assert_eq!(numeric("1/2/2024 3/4/2025").len(), 1);
        assert_eq!(numeric("1/2/2024  3/4/2025").len(), 2);
        assert_eq!(numeric("1.1.2.2024"), []);
        assert_eq!(numeric("1.2.20245"), []);
        let written = |line| {
            every(line, written_date_at, |d| {
                (d.span, d.year, d.month, d.month_name, d.day)
            })
        };
        // The span leaves out the capital a year runs into, and ISO's `T`.
        for (line, date) in [
            ("May 2, 2025Ana Ruiz", ((0, 11), "2025", "May", true, "2")),
            (
                "the 14th of March 2025",
                ((4, 22), "2025", "March", true, "14"),
            ),
            ("2025-03-14T09:00", ((0, 10), "2025", "03", false, "14")),
            ("2023 Jan 7.", ((0, 10), "2023", "Jan", true, "7")),
        ] {
            assert_eq!(written(line), [date], "{line}");
        }
        for line in [
            "x2025-03-14",
            "May 2, 20255",
            "2023 Jan 7th",
            "Septembers 2, 2025",
        ] {
            assert_eq!(written(line), [], "{line}");
        }
    }

    #[test]
    fn the_first_publication_s_date_said_outright() {
        let disclaimer = [
            "Kelp returns",
            "Ria Holm 3 Oct 2024, 9:15am",
            "Body.",
            "This story was originally published on 14 May 2021 at 8:02am and has been revised since.",
        ];
        assert_eq!(original_date(&disclaimer).as_deref(), Some("2021-05-14"));
        let label_alone = ["Share", "First Posted", "March 3, 2022", "Last updated"];
        assert_eq!(original_date(&label_alone).as_deref(), Some("2022-03-03"));
        // A date further on is not the one the label gives.
        let far =
            ["Originally published in the Gull Weekly, whose archive goes back to 1 May 1990"];
        assert_eq!(original_date(&far), None);
        assert_eq!(original_date(&["Unoriginally published 2 May 2020"]), None);
    }

    #[test]
    fn a_date_label_is_a_word_of_its_own() {
        let lines = ["Updated: May 2, 2025", "Body."];
        assert_eq!(labelled_date(&lines), None, "`date:` ends `Updated:`");
        assert_eq!(labelled_update(&lines).as_deref(), Some("2025-05-02"));
        assert_eq!(
            labelled_date(&["Date: May 3, 2025"]).as_deref(),
            Some("2025-05-03")
        );
    }

    #[test]
    fn a_date_run_on_from_the_headline() {
        let lines = ["Menu", "Dunes fenced off 2 June 2022", "Body."];
        assert_eq!(
            date_near(&lines, Some("Dunes fenced off")).as_deref(),
            Some("2022-06-02")
        );
        let longer = ["Dunes fenced off as storms close in on June 2, 2022 and after"];
        assert_eq!(date_near(&longer, Some("Dunes fenced off")), None);
    }

    #[test]
    fn menu_buttons_in_a_heading_are_no_headline() {
        let page = r#"<meta property="og:title" content="Kelp beds return to the bay">
            <body><h1>Open Menu Close Menu</h1></body>"#;
        assert_eq!(
            PageMeta::scan(page).headline(None).as_deref(),
            Some("Kelp beds return to the bay")
        );
        assert!(!is_navigation("search for kelp beds"));
    }

    #[test]
    fn a_short_site_name_inside_the_long_one_is_cut_from_the_title() {
        let page = r#"<meta property="og:site_name" content="Visit Gull Bay Online">
            <meta property="og:title" content="Kelp beds return to the bay | Gull Bay">"#;
        assert_eq!(
            PageMeta::scan(page).headline(None).as_deref(),
            Some("Kelp beds return to the bay")
        );
    }

    #[test]
    fn finds_the_byline_and_date_under_the_headline() {
        let lines = [
            "Home",
            "Dunes fenced off",
            "By Tove Lind | June 2, 2022",
            "Body.",
        ];
        assert_eq!(
            byline_near(&lines, Some("Dunes fenced off")).as_deref(),
            Some("Tove Lind")
        );
        assert_eq!(
            date_near(&lines, Some("Dunes fenced off")).as_deref(),
            Some("2022-06-02")
        );
        assert_eq!(date_near(&lines, Some("Another story")), None);
        let trending = [
            "Trending",
            "Dunes fenced off",
            "Ferry news",
            "Home",
            "Link",
            "Link",
            "Link",
            "Link",
            "Link",
            "Link",
            "Link",
            "Link",
            "Link",
            "Link",
            "Dunes fenced off",
            "Ada Berg",
            "May 31, 2024",
        ];
        assert_eq!(
            date_near(&trending, Some("Dunes fenced off")).as_deref(),
            Some("2024-05-31"),
            "the headline above the article, not in a list"
        );
        let label_apart = ["Dunes fenced off", "Written by", "Tove Lind", "Body."];
        assert_eq!(
            byline_near(&label_apart, Some("Dunes fenced off")).as_deref(),
            Some("Tove Lind")
        );
        let colon = ["Dunes fenced off", "By: Tove Lind"];
        assert_eq!(
            byline_near(&colon, Some("Dunes fenced off")).as_deref(),
            Some("Tove Lind")
        );
        assert_eq!(clean_byline(" By  Tove Lind |"), "Tove Lind");
        let footer = [
            "Body.",
            "Rated 5 out of 5 in 2021",
            "Published On: 15 August 2025",
            "Share",
        ];
        assert_eq!(labelled_date(&footer).as_deref(), Some("2025-08-15"));
        assert_eq!(labelled_date(&["Posted in News", "Body."]), None);
        assert_eq!(clean_byline("Jun 2 Written By"), "");
        assert_eq!(clean_byline("Posted by"), "");
        assert_eq!(clean_byline("Bya Tove"), "Bya Tove");
        for not_a_name in [
            "",
            "By",
            "link",
            "Your Name: *",
            "August 28, 2025",
            "c0ffee123abc",
            "About the Authors",
        ] {
            assert!(!is_name(not_a_name), "{not_a_name}");
        }
        assert!(is_name("Dr. Tove Lind") && is_name("Tove"));
    }
}
