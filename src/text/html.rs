//! Visible text of an HTML page with its block structure kept as paragraphs.
//!
//! A small tag scanner rather than a full parser: it only needs to tell text
//! from markup, drop what a reader never sees (scripts, styles, hidden
//! elements) and break lines where the page breaks blocks. Main-content
//! extraction works on the resulting blocks like on copied text.

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas",
];
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "dd",
    "dt",
    "dl",
    "form",
    "address",
    "title",
    "body",
];
const VOID: &[&str] = &[
    "br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track",
    "wbr",
];

use crate::report::BoilerplateReason as Reason;

#[cfg(feature = "readability")]
mod meta;
#[cfg(feature = "readability")]
pub use meta::{date_in_text, PageMeta};

/// What a saved page says about itself, beside its main text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageFacts {
    /// The headline as the page shows it (not the `<title>` with the site name).
    pub title: Option<String>,
    /// The author or authors, `, `-separated.
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// ISO 8601 date (`2025-03-14`) the page says it was published.
    pub published: Option<String>,
    /// ISO 8601 date of the last update, where the page gives one.
    pub updated: Option<String>,
    /// The structure reader's decision for each line of the text, when the
    /// text is the reader's; `None` when it is the page's visible text.
    pub reader: Option<ReaderLines>,
}

/// One decision per line of the reader's text: `None` for article text, else
/// why the page's markup sets the line apart (a `<figcaption>`, a share bar).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReaderLines {
    /// Whether the first line is the headline.
    pub headline: bool,
    pub reasons: Vec<Option<Reason>>,
}

/// The structure reader keeps less than this share (in tenths) of the words
/// that the line rules keep on the page's visible text: it has taken one part
/// of the article (or a sidebar) for the whole, and the visible text is read.
#[cfg(feature = "readability")]
const READER_SHARE_TENTHS: usize = 4;

/// The page's main content (headline first) and its facts. The article is
/// found with the page's structure by dom_smoothie (readability.js), its
/// lines set apart by their markup; where the reader finds no article, or
/// much less than the line rules find in the visible text, the visible text
/// is returned (without [`PageFacts::reader`]) for the line rules to judge.
/// The facts come from the page's metadata (JSON-LD, Open Graph, `<meta>`,
/// `<time>`) and its visible header. `None` for pages nested too deep to read.
#[cfg(feature = "readability")]
pub fn main_content(html: &str) -> Option<(String, PageFacts)> {
    // dom_smoothie's cost grows with the square of the nesting depth (10,000
    // levels took 16 s); no real page nests this deep, so such a page is read
    // as plain visible text instead.
    if nesting_exceeds(html, MAX_NESTING) {
        return None;
    }
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        keep_classes: true,
        // readability.js retries with looser rules below 500 characters; a
        // news article is longer, and a shorter pick is usually one section.
        char_threshold: 1000,
        ..Default::default()
    };
    let revealed = reveal_streamed(html);
    let article = dom_smoothie::Readability::new(revealed.as_ref(), None, Some(config))
        .ok()
        .and_then(|mut reader| reader.parse().ok());
    let visible = visible_text_without_furniture(&revealed);
    let page = PageMeta::scan(html);
    // Metadata is text as the page's author typed it: mojibake is repaired as in the body.
    let repaired = |value: String| super::decode::repair_mojibake(&value).into_owned();
    let headline = page
        .headline(article.as_ref().map(|a| a.title.as_str()))
        .map(repaired);
    let mut lines: Vec<(String, Option<Reason>)> = article
        .as_ref()
        .map(|a| reader_blocks(&a.content))
        .unwrap_or_default();
    let reader_words: usize = lines
        .iter()
        .filter(|(_, reason)| reason.is_none())
        .map(|(line, _)| line.split_whitespace().count())
        .sum();
    let use_reader =
        reader_words > 0 && reader_words * 10 >= line_rule_words(&visible) * READER_SHARE_TENTHS;
    let visible_lines: Vec<&str> = visible.split("\n\n").collect();
    // People named by the metadata, the reader or the byline under the
    // headline; the site itself only where no person is named.
    let (person, site_as_author) = match page.byline() {
        Some((name, true)) => (Some(name), None),
        Some((name, false)) => (None, Some(name)),
        None => (None, None),
    };
    let byline = person
        .or_else(|| {
            let reader = meta::clean_byline(article.as_ref()?.byline.as_deref()?);
            meta::is_name(&reader).then_some(reader)
        })
        .or_else(|| meta::byline_near(&visible_lines, headline.as_deref()))
        .or_else(|| meta::byline_under_label(&visible_lines))
        .or(site_as_author)
        .map(repaired);
    // The date printed with the headline is the one the reader sees, unless
    // a label or the metadata's update date says it is the last update's.
    let updated = page
        .updated()
        .or_else(|| meta::labelled_update(&visible_lines));
    let metadata_date = page.published();
    let labelled = meta::labelled_date(&visible_lines);
    let published = meta::original_date(&visible_lines)
        .or_else(|| meta::date_near(&visible_lines, headline.as_deref()))
        // A printed date that reads either way (`09.10.2024`) is read as the metadata dates it.
        .map(|near| match &metadata_date {
            Some(date) if meta::day_month_swapped(&near).as_ref() == Some(date) => date.clone(),
            // The last update's date printed without its label.
            Some(date) if updated.as_ref() == Some(&near) => date.clone(),
            _ => near,
        })
        // A date the page labels as the publication's (`Published August 3,
        // 2025`) is the reader's too, above the metadata's (which may be the
        // time of the last save), unless it is the update's.
        .or_else(|| {
            labelled
                .clone()
                .filter(|date| updated.as_ref() != Some(date))
        })
        .or(metadata_date)
        .or_else(|| page.shown_date())
        .or_else(|| page.dated())
        .or(labelled)
        .or_else(|| {
            article
                .as_ref()
                .and_then(|a| a.published_time.as_deref().and_then(meta::iso_date))
        })
        // A page that gives only the date of its last update is dated by it.
        .or_else(|| updated.clone());
    let mut facts = PageFacts {
        title: headline.clone(),
        byline,
        site_name: page
            .site_name()
            .or_else(|| article.as_ref().and_then(|a| a.site_name.clone()))
            .map(|s| collapse(&repaired(s)))
            .filter(|s| !s.is_empty()),
        published,
        updated,
        reader: None,
    };
    if !use_reader {
        return Some((visible, facts));
    }
    let headline_first = match &headline {
        Some(title) => {
            let same = |line: &str| meta::fold(line) == meta::fold(title);
            if lines.first().is_some_and(|(line, _)| same(line)) {
                lines[0].1 = None;
            } else {
                lines.retain(|(line, _)| !same(line));
                lines.insert(0, (title.clone(), None));
            }
            true
        }
        None => false,
    };
    let text = lines
        .iter()
        .map(|(line, _)| line.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    facts.reader = Some(ReaderLines {
        headline: headline_first,
        reasons: lines.into_iter().map(|(_, reason)| reason).collect(),
    });
    Some((text, facts))
}

/// The page with React's streamed content (`<div hidden id="S:0">`, moved
/// into place by a script when the page loads) shown, as a browser shows it.
#[cfg(feature = "readability")]
fn reveal_streamed(html: &str) -> std::borrow::Cow<'_, str> {
    const STREAMED: &str = "<div hidden id=\"S:";
    if html.contains(STREAMED) {
        std::borrow::Cow::Owned(html.replace(STREAMED, "<div id=\"S:"))
    } else {
        std::borrow::Cow::Borrowed(html)
    }
}

/// Words the line rules keep as article text in a page's visible text.
#[cfg(feature = "readability")]
fn line_rule_words(visible: &str) -> usize {
    use crate::extract::boilerplate::Detector;
    use std::sync::LazyLock;
    static DETECTOR: LazyLock<Detector<'static>> =
        LazyLock::new(|| Detector::new(crate::lexicon::Lexicon::shared()));
    let text = super::normalize::normalize(visible);
    let ranges = super::segment::blocks(&text);
    DETECTOR
        .classify(&text, &ranges, &Default::default())
        .blocks
        .iter()
        .filter(|b| b.is_article())
        .map(|b| text[b.range.clone()].split_whitespace().count())
        .sum()
}

#[cfg(feature = "readability")]
/// Whitespace collapsed to single spaces, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(feature = "readability")]
/// Why an element's text is not the article, by its name and its class and
/// id words: `strong` reasons hold for any text inside, the others (class
/// names) only for short lines, since a page may name a wrapper oddly.
fn element_reason(tag: &Tag) -> Option<(Reason, bool)> {
    if is_comment_thread(tag) {
        return Some((Reason::Comments, true));
    }
    match tag.name.as_str() {
        "figcaption" => return Some((Reason::Caption, true)),
        "aside" => return Some((Reason::Related, true)),
        "nav" => return Some((Reason::Navigation, true)),
        _ => {}
    }
    let names = [attribute(&tag.attrs, "class"), attribute(&tag.attrs, "id")];
    let words = names.iter().flatten().flat_map(|value| {
        value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    });
    words
        .into_iter()
        .find_map(|word| {
            Some(match word.as_str() {
                "caption" | "figcaption" | "wp-caption-text" => Reason::Caption,
                "credit" | "credits" | "byline" | "author" | "dateline" => Reason::Credit,
                "share" | "sharing" | "social" | "sharedaddy" | "newsletter" | "subscribe"
                | "signup" | "promo" | "advert" | "advertisement" | "sponsored" | "ad" | "ads" => {
                    Reason::Promo
                }
                "related" | "recommended" | "readmore" | "recirculation" => Reason::Related,
                "comment" | "comments" => Reason::Comments,
                "breadcrumb" | "breadcrumbs" | "tags" | "pagination" => Reason::Navigation,
                _ => return None,
            })
        })
        .map(|reason| (reason, false))
}

#[cfg(feature = "readability")]
/// Lines of more words than this are prose whatever their element's class says.
const CLASS_REASON_MAX_WORDS: usize = 60;

#[cfg(feature = "readability")]
/// The blocks of the reader's article (its cleaned HTML), one line each, with
/// the reason its markup gives to set the line apart: a figure's caption, a
/// credit, a share bar, related links inside the article body.
pub fn reader_blocks(content: &str) -> Vec<(String, Option<Reason>)> {
    let mut blocks: Vec<(String, Option<Reason>)> = Vec::new();
    let mut current = String::new();
    let mut reason: Option<(Reason, bool)> = None;
    // Open elements with the reason each gives.
    let mut open: Vec<(String, Option<(Reason, bool)>)> = Vec::new();
    let finish = |blocks: &mut Vec<(String, Option<Reason>)>,
                  current: &mut String,
                  reason: Option<(Reason, bool)>| {
        let line = super::normalize::normalize(current.trim());
        current.clear();
        if line.trim().is_empty() {
            return;
        }
        let words = line.split_whitespace().count();
        let reason = reason
            .filter(|&(_, strong)| strong || words <= CLASS_REASON_MAX_WORDS)
            .map(|(reason, _)| reason);
        blocks.push((line, reason));
    };
    for piece in shown_markup(content, |tag| tag.hidden) {
        let tag = match piece {
            Markup::Text(text) => {
                if current.trim().is_empty() {
                    reason = open.iter().rev().find_map(|(_, r)| *r);
                }
                push_text(&mut current, text);
                continue;
            }
            Markup::Tag(tag) => tag,
        };
        if BLOCKS.contains(&tag.name.as_str()) {
            finish(&mut blocks, &mut current, reason);
        } else if matches!(tag.name.as_str(), "td" | "th") && !current.ends_with(' ') {
            current.push(' ');
        }
        if tag.closing {
            if let Some(at) = open.iter().rposition(|(name, _)| *name == tag.name) {
                open.truncate(at);
            }
        } else if !is_void(&tag) && !tag.name.is_empty() {
            let given = element_reason(&tag);
            open.push((tag.name, given));
        }
    }
    finish(&mut blocks, &mut current, reason);
    blocks
}

/// Deeper pages are not given to the structure reader (see [`main_content`]).
pub const MAX_NESTING: usize = 500;

/// Elements whose end tag HTML lets pages leave out: never counted as nesting.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup",
    "colgroup", "rp", "rt", "html", "head", "body",
];

/// Whether elements nest more than `limit` deep, by a linear scan of the tags.
pub fn nesting_exceeds(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(lt) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + lt + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |gt| name_start + gt);
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        if name_len > 0 && !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str())
        {
            if closing {
                depth = depth.saturating_sub(1);
            } else if !self_closing {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
        }
        at = end.min(bytes.len());
        if at >= bytes.len() {
            break;
        }
    }
    false
}

/// Converts an HTML document into plain text, one block per paragraph.
/// Hidden elements are left out, unless they hold all the page's text: pages
/// streamed by React keep their content in `<div hidden>` until a script
/// reveals it, and such a page is read with its hidden parts.
pub fn visible_text(html: &str) -> String {
    let shown = text_of(html, true, false);
    if shown.trim().is_empty() {
        text_of(html, false, false)
    } else {
        shown
    }
}

/// The visible text without the page's furniture that markup names as
/// such: `<nav>`, `<footer>`, `<aside>` and the comment thread.
#[cfg(feature = "readability")]
fn visible_text_without_furniture(html: &str) -> String {
    let shown = text_of(html, true, true);
    if shown.trim().is_empty() {
        visible_text(html)
    } else {
        shown
    }
}

/// The element holds a page's comment thread, by its id or a whole class
/// name (a class word alone would also match `<body class="comments-open">`).
#[cfg(feature = "readability")]
fn is_comment_thread(tag: &Tag) -> bool {
    const IDS: &[&str] = &["comments", "respond", "disqus_thread", "comments-section"];
    const CLASSES: &[&str] = &[
        "comments",
        "comment-list",
        "commentlist",
        "comments-area",
        "comments-section",
        "comment-respond",
        "comments-wrapper",
        "comments-container",
    ];
    attribute(&tag.attrs, "id").is_some_and(|id| IDS.contains(&id.to_ascii_lowercase().as_str()))
        || attribute(&tag.attrs, "class").is_some_and(|class| {
            class
                .split_whitespace()
                .any(|c| CLASSES.contains(&c.to_ascii_lowercase().as_str()))
        })
}

/// The page's text; `honor_hidden` leaves out elements marked hidden,
/// `skip_furniture` navigation, footers, asides and comment threads.
fn text_of(html: &str, honor_hidden: bool, skip_furniture: bool) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    #[cfg(not(feature = "readability"))]
    let _ = skip_furniture;
    let hides = |tag: &Tag| {
        let hidden = honor_hidden && tag.hidden;
        #[cfg(feature = "readability")]
        let hidden = hidden
            || skip_furniture
                && (matches!(tag.name.as_str(), "nav" | "footer" | "aside")
                    || is_comment_thread(tag));
        hidden
    };
    for piece in shown_markup(html, hides) {
        let tag = match piece {
            Markup::Text(text) => {
                push_text(&mut current, text);
                continue;
            }
            Markup::Tag(tag) => tag,
        };
        if BLOCKS.contains(&tag.name.as_str()) {
            end_block(&mut blocks, &mut current);
        }
    }
    end_block(&mut blocks, &mut current);
    blocks.join("\n\n")
}

/// A page's markup as runs of text and tags, comments left out; a `<` that
/// opens no tag is text (`a < b`). The one scanner behind every reading of tags.
enum Markup<'a> {
    Text(&'a str),
    Tag(Tag),
}

fn markup(html: &str) -> impl Iterator<Item = Markup<'_>> {
    let mut rest = html;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let lt = rest.find('<').unwrap_or(rest.len());
        if lt > 0 {
            let text = &rest[..lt];
            rest = &rest[lt..];
            return Some(Markup::Text(text));
        }
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let tag = rest
            .find('>')
            .and_then(|gt| Some((gt, Tag::parse(&rest[1..gt])?)));
        return Some(match tag {
            Some((gt, tag)) => {
                rest = &rest[gt + 1..];
                Markup::Tag(tag)
            }
            None => {
                rest = &rest[1..];
                Markup::Text("<")
            }
        });
    })
}

/// The markup a reader sees: what lies inside scripts, styles and the
/// elements `hides` picks (their start and end tags too) left out.
fn shown_markup<'a>(
    html: &'a str,
    hides: impl Fn(&Tag) -> bool + 'a,
) -> impl Iterator<Item = Markup<'a>> + 'a {
    let mut skip = Skipping::default();
    markup(html).filter(move |piece| match piece {
        Markup::Text(_) => !skip.active(),
        Markup::Tag(tag) => {
            if skip.swallows(tag) {
                return false;
            }
            let starts_skip = !tag.closing
                && !is_void(tag)
                && (SKIPPED.contains(&tag.name.as_str()) || hides(tag));
            if starts_skip {
                skip.start(tag.name.clone());
            }
            !starts_skip
        }
    })
}

fn is_void(tag: &Tag) -> bool {
    VOID.contains(&tag.name.as_str()) || tag.self_closing
}

/// An element whose content is left out (a script, a hidden block) while
/// its end tag is awaited: its name and how deep it nests in itself.
#[derive(Default)]
struct Skipping(Option<(String, usize)>);

impl Skipping {
    fn start(&mut self, name: String) {
        self.0 = Some((name, 1));
    }

    fn active(&self) -> bool {
        self.0.is_some()
    }

    /// Whether `tag` falls inside the skipped element (its end tag included).
    fn swallows(&mut self, tag: &Tag) -> bool {
        let Some((name, depth)) = &mut self.0 else {
            return false;
        };
        if tag.name == *name && !tag.self_closing {
            if tag.closing {
                *depth -= 1;
                if *depth == 0 {
                    self.0 = None;
                }
            } else {
                *depth += 1;
            }
        }
        true
    }
}

fn end_block(blocks: &mut Vec<String>, current: &mut String) {
    let block = current.trim();
    if !block.is_empty() {
        blocks.push(block.to_string());
    }
    current.clear();
}

/// Appends text with HTML whitespace collapsing and entities decoded.
fn push_text(out: &mut String, raw: &str) {
    let decoded = decode_entities(raw);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{A0}' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    hidden: bool,
    /// The attributes as written (`class="a b" id=c`).
    #[cfg_attr(not(feature = "readability"), allow(dead_code))]
    attrs: String,
}

impl Tag {
    /// Parses the inside of `<...>`; `None` when it is not a tag (`a < b`).
    fn parse(inner: &str) -> Option<Tag> {
        let (closing, body) = match inner.strip_prefix('/') {
            Some(body) => (true, body),
            None => (false, inner),
        };
        let first = body.chars().next()?;
        if first == '!' || first == '?' {
            // Doctype, CDATA or processing instruction: markup without text.
            return Some(Tag {
                name: String::new(),
                closing: true,
                self_closing: true,
                hidden: false,
                attrs: String::new(),
            });
        }
        if !first.is_ascii_alphabetic() {
            return None;
        }
        let name_end = body
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(body.len());
        let name = body[..name_end].to_ascii_lowercase();
        let raw_attrs = &body[name_end..];
        // Most tags say neither word, and need no closer look.
        let hidden = may_say_hidden_or_none(raw_attrs) && {
            let attrs = raw_attrs.to_ascii_lowercase();
            let compact: String = attrs.chars().filter(|c| !c.is_whitespace()).collect();
            // React streams a page's content into `<div hidden id="S:0">` and a
            // script moves it into place: that content is what the reader sees.
            let streamed = compact.contains("id=\"s:");
            has_attribute(&attrs, "hidden") && !streamed
                || compact.contains("aria-hidden=\"true\"")
                || compact.contains("display:none")
                || compact.contains("visibility:hidden")
        };
        Some(Tag {
            name,
            closing,
            self_closing: body.trim_end().ends_with('/'),
            hidden,
            attrs: if cfg!(feature = "readability") {
                raw_attrs.to_string()
            } else {
                String::new()
            },
        })
    }
}

#[cfg(feature = "readability")]
/// The value of attribute `name` in a tag's attributes, entities decoded.
fn attribute(attrs: &str, name: &str) -> Option<String> {
    let bytes = attrs.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // Skip to the next attribute name.
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() && !b"=/>".contains(&bytes[at]) {
            at += 1;
        }
        let key = &attrs[start..at];
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = "";
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            match bytes.get(at) {
                Some(&quote) if quote == b'"' || quote == b'\'' => {
                    let end = attrs[at + 1..]
                        .find(char::from(quote))
                        .map_or(attrs.len(), |e| at + 1 + e);
                    value = &attrs[at + 1..end];
                    at = (end + 1).min(attrs.len());
                }
                _ => {
                    let from = at;
                    while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
                        at += 1;
                    }
                    value = &attrs[from..at];
                }
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(decode_entities(value));
        }
        if at == start {
            at += 1;
        }
    }
    None
}

fn has_attribute(attrs: &str, name: &str) -> bool {
    // Words inside quoted values (`title="not hidden"`) name no attribute.
    let mut names = String::with_capacity(attrs.len());
    let mut quote = None;
    for c in attrs.chars() {
        match quote {
            Some(open) if c == open => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None => names.push(c),
        }
    }
    names
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|word| {
            word.strip_prefix(name)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('='))
        })
}

/// Whether `hidden` or `none` occurs in any letter case: one pass that
/// looks further only at an `h` or an `n`.
fn may_say_hidden_or_none(attrs: &str) -> bool {
    let bytes = attrs.as_bytes();
    bytes.iter().enumerate().any(|(at, byte)| {
        let word: &[u8] = match byte | 0x20 {
            b'h' => b"hidden",
            b'n' => b"none",
            _ => return false,
        };
        bytes
            .get(at..at + word.len())
            .is_some_and(|found| found.eq_ignore_ascii_case(word))
    })
}

fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let entity_end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|i| i + 1);
        let decoded = entity_end
            .filter(|&end| rest[end..].starts_with(';'))
            .and_then(|end| entity(&rest[1..end]).map(|c| (c, end + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "pound" => '£',
        "euro" => '€',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "iuml" => 'ï',
        "ccedil" => 'ç',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{nesting_exceeds, visible_text};

    #[cfg(feature = "readability")]
    mod reader {
        use super::super::{attribute, main_content, reader_blocks, Reason};

        #[test]
        fn the_article_markup_sets_captions_credits_and_share_bars_apart() {
            let content = r#"<div id="readability-page-1" class="page"><div class="entry-content">
                <h2>Storm closes the pier</h2><p>The old pier was closed on <a href="x">Sunday</a> after the storm.</p>
                <figure><img src="a.jpg"><figcaption>The pier at dawn.</figcaption></figure>
                <p class="wp-caption-text">Waves over the rail.</p>
                <div class="share-buttons"><span>Share</span><span>Email</span></div>
                <ul><li>First point</li><li>Second <em>point</em></li></ul>
                <table><tr><td>Tide</td><td>4.2 m</td></tr></table>
                <aside><p>Read more: harbour dues</p></aside>
                <p class="author-note">Reporting by Ana Lee.</p></div></div>"#;
            let blocks = reader_blocks(content);
            let lines: Vec<(&str, Option<Reason>)> =
                blocks.iter().map(|(l, r)| (l.as_str(), *r)).collect();
            assert_eq!(
                lines,
                [
                    ("Storm closes the pier", None),
                    ("The old pier was closed on Sunday after the storm.", None),
                    ("The pier at dawn.", Some(Reason::Caption)),
                    ("Waves over the rail.", Some(Reason::Caption)),
                    ("ShareEmail", Some(Reason::Promo)),
                    ("First point", None),
                    ("Second point", None),
                    ("Tide 4.2 m", None),
                    ("Read more: harbour dues", Some(Reason::Related)),
                    ("Reporting by Ana Lee.", Some(Reason::Credit)),
                ]
            );
        }

        #[test]
        fn a_class_name_does_not_set_prose_apart() {
            let prose = "word ".repeat(80);
            let content =
                format!(r#"<div class="social-story"><p>{prose}</p><p>Share this</p></div>"#);
            let blocks = reader_blocks(&content);
            assert_eq!(blocks[0].1, None, "a long paragraph stays article text");
            assert_eq!(blocks[1].1, Some(Reason::Promo));
        }

        #[test]
        fn furniture_named_by_markup_is_left_out_of_the_text_to_judge() {
            use super::super::visible_text_without_furniture;
            let page = r#"<body class="post comments-open"><nav>Home</nav><p>Story.</p>
                <aside>Most read</aside><div id="comments"><p>First!</p></div>
                <ol class="comment-list"><li>Nice.</li></ol><footer>About us</footer></body>"#;
            assert_eq!(visible_text_without_furniture(page), "Story.");
            let thread = reader_blocks(
                r#"<p>Story.</p><div class="comments-area"><p>A long reply.</p></div>"#,
            );
            assert_eq!(thread[1].1, Some(Reason::Comments));
        }

        #[test]
        fn reads_attributes_quoted_or_not() {
            let attrs = r#" class="a b" id=main data-x='y z' hidden"#;
            assert_eq!(attribute(attrs, "class").as_deref(), Some("a b"));
            assert_eq!(attribute(attrs, "ID").as_deref(), Some("main"));
            assert_eq!(attribute(attrs, "data-x").as_deref(), Some("y z"));
            assert_eq!(attribute(attrs, "hidden").as_deref(), Some(""));
            assert_eq!(attribute(attrs, "title"), None);
        }

        const PARAGRAPH: &str = "The harbour board met on Tuesday evening and agreed, after a long debate about the cost of the work, to rebuild the old pier before the summer season begins in the town.";

        #[test]
        fn a_page_gives_its_headline_facts_and_judged_lines() {
            let body = format!("<p>{PARAGRAPH}</p>").repeat(8);
            let page = format!(
                r#"<html><head><title>Pier to be rebuilt | Bay Courier</title>
                <meta property="og:site_name" content="Bay Courier">
                <meta property="article:published_time" content="2024-02-01T10:00:00Z"></head>
                <body><nav><a>Home</a> <a>News</a></nav><article><h1>Pier to be rebuilt</h1>
                <p class="byline">By Jo Park</p><p>Updated March 3, 2024</p>
                <div class="content">{body}<figure><img src="p.jpg"><figcaption>The pier in winter.</figcaption></figure></div>
                </article><footer>Contact us</footer></body></html>"#
            );
            let (text, facts) = main_content(&page).expect("read");
            assert_eq!(facts.title.as_deref(), Some("Pier to be rebuilt"));
            assert_eq!(facts.byline.as_deref(), Some("Jo Park"));
            assert_eq!(facts.site_name.as_deref(), Some("Bay Courier"));
            assert_eq!(
                facts.published.as_deref(),
                Some("2024-02-01"),
                "the metadata's, not the update's shown"
            );
            assert_eq!(facts.updated.as_deref(), Some("2024-03-03"));
            let reader = facts.reader.expect("the reader's text");
            let lines: Vec<&str> = text.split("\n\n").collect();
            assert_eq!(lines.len(), reader.reasons.len());
            assert!(reader.headline && lines[0] == "Pier to be rebuilt");
            let caption = lines
                .iter()
                .position(|l| *l == "The pier in winter.")
                .unwrap();
            assert_eq!(reader.reasons[caption], Some(Reason::Caption));
            assert!(!text.contains("Contact us") && text.contains(PARAGRAPH));
        }

        #[test]
        fn the_date_printed_with_the_headline_unless_it_is_the_update() {
            let published = |head: &str, shown: &str| {
                let body = format!("<p>{PARAGRAPH}</p>").repeat(8);
                let page = format!(
                    r#"<html><head>{head}</head><body><article><h1>Pier to be rebuilt</h1>
                    <p>{shown}</p>{body}</article></body></html>"#
                );
                main_content(&page).expect("read").1.published
            };
            let metadata = r#"<meta property="article:published_time" content="2024-02-01T23:30:00Z">
                <meta property="article:modified_time" content="2024-03-05T10:00:00Z">"#;
            assert_eq!(
                published(metadata, "February 2, 2024").as_deref(),
                Some("2024-02-02"),
                "the day the reader sees, not the metadata's in UTC"
            );
            assert_eq!(
                published(metadata, "March 5, 2024").as_deref(),
                Some("2024-02-01"),
                "the update's date printed without its label"
            );
            assert_eq!(
                published(metadata, "02.01.2024").as_deref(),
                Some("2024-02-01"),
                "read the way the metadata dates it"
            );
            assert_eq!(
                published(
                    r#"<meta property="article:modified_time" content="2024-03-05">"#,
                    "Home"
                )
                .as_deref(),
                Some("2024-03-05"),
                "a page dated by its update alone"
            );
        }

        #[test]
        fn a_date_labelled_as_the_publication_s_outranks_the_metadata() {
            let published = |head: &str, foot: &str| {
                let body = format!("<p>{PARAGRAPH}</p>").repeat(12);
                let page = format!(
                    r#"<html><head>{head}</head><body><article><h1>Pier to be rebuilt</h1>
                    {body}<p>Published</p><p>{foot}</p></article></body></html>"#
                );
                main_content(&page).expect("read").1.published
            };
            // The linked data's publication is its last save, to the second.
            let saved = r#"<script type="application/ld+json">{"@type":"BlogPosting",
                "datePublished":"2024-06-10T09:12:44-05:00","dateModified":"2024-06-10T09:12:44-05:00"}</script>"#;
            assert_eq!(
                published(saved, "April 2, 2024").as_deref(),
                Some("2024-04-02")
            );
            assert_eq!(
                published(saved, "June 10, 2024").as_deref(),
                Some("2024-06-10")
            );
            let revised = r#"<meta property="article:published_time" content="2024-03-01T10:00:00Z">
                <meta property="article:modified_time" content="2024-04-02T10:00:00Z">"#;
            assert_eq!(
                published(revised, "April 2, 2024").as_deref(),
                Some("2024-03-01"),
                "the update's date under a publication label"
            );
        }

        #[test]
        fn a_first_publication_said_outright_outranks_the_date_by_the_headline() {
            let body = format!("<p>{PARAGRAPH}</p>").repeat(8);
            let page = format!(
                r#"<html><body><article><h1>Pier to be rebuilt</h1><p>Jo Park</p><p>12 Oct 2023, 9:40am</p>
                {body}<p>This story was originally published on 3 Feb 2021 at 6:05pm and is kept up to date.</p>
                </article></body></html>"#
            );
            let facts = main_content(&page).expect("read").1;
            assert_eq!(facts.published.as_deref(), Some("2021-02-03"));
        }

        #[test]
        fn the_date_shown_with_a_reworded_headline() {
            // No `<h1>`: the `<h2>` rewords the metadata's title, and the date
            // above it, after a section label, is the story's.
            let body = format!("<p>{PARAGRAPH}</p>").repeat(8);
            let page = format!(
                r#"<html><head><meta property="og:title" content="Pier to Be Rebuilt This Spring | Bay Courier">
                <meta property="og:site_name" content="Bay Courier">
                </head><body><main><div><h3><span>news | </span> March 04, 2023</h3>
                <h2>Pier to Be Rebuilt Again This Spring</h2></div>{body}</main></body></html>"#
            );
            let facts = main_content(&page).expect("read").1;
            assert_eq!(
                facts.title.as_deref(),
                Some("Pier to Be Rebuilt Again This Spring")
            );
            assert_eq!(facts.published.as_deref(), Some("2023-03-04"));
        }

        #[test]
        fn a_reader_that_keeps_a_fragment_gives_way_to_the_visible_text() {
            // Readability keeps the one long block; the line rules find the whole article.
            let long = format!("<div><p>{}</p></div>", PARAGRAPH.repeat(6));
            let rest = format!("<section><div>{PARAGRAPH}</div></section>").repeat(30);
            let page = format!("<html><body><h1>Pier to be rebuilt</h1>{long}{rest}</body></html>");
            let (text, facts) = main_content(&page).expect("read");
            if facts.reader.is_none() {
                assert!(text.matches(PARAGRAPH).count() >= 30);
            } else {
                assert!(text.matches(PARAGRAPH).count() >= 12, "{text}");
            }
        }
    }

    #[test]
    fn a_page_whose_text_is_all_hidden_is_read_whole() {
        let streamed = r#"<html><body><div hidden id="S:0"><p>The article, streamed.</p></div>
            <script>reveal()</script></body></html>"#;
        assert_eq!(visible_text(streamed), "The article, streamed.");
        let menu = r#"<body><div hidden><p>menu</p></div><p>Story.</p></body>"#;
        assert_eq!(visible_text(menu), "Story.");
        let streamed = r#"<body><p>Footer</p><div hidden id="S:1"><p>Story.</p></div></body>"#;
        assert_eq!(visible_text(streamed), "Footer\n\nStory.");
    }

    #[test]
    fn measures_nesting_without_unclosed_paragraphs() {
        let deep = format!("{}x{}", "<div>".repeat(20), "</div>".repeat(20));
        assert!(nesting_exceeds(&deep, 19) && !nesting_exceeds(&deep, 20));
        let sloppy = "<div><p>one<p>two<li>three<br><img src=a /></div>".repeat(50);
        assert!(!nesting_exceeds(&sloppy, 1));
        assert!(
            !nesting_exceeds("<di", 1) && !nesting_exceeds("<", 0) && !nesting_exceeds("</", 0)
        );
    }

    #[test]
    fn keeps_blocks_and_drops_invisible_parts() {
        let html = r#"<html><head><title>T</title><style>p{}</style></head>
            <body><script>var a = "<p>no</p>";</script>
            <h1>Headline &amp; more</h1>
            <p>First <b>bold</b>
               line.</p><div hidden><p>secret</p></div>
            <p style="display: none">gone</p><!-- note --><p>&ldquo;Quoted&rdquo; &#8211; end</p>
            <div aria-hidden="true"><div>inner</div>hidden too</div><p STYLE="VISIBILITY: Hidden">upper</p>
            <p title="None hidden here">shown</p><p>a < b</p></body></html>"#;
        assert_eq!(
            visible_text(html),
            "Headline & more\n\nFirst bold line.\n\n“Quoted” – end\n\nshown\n\na < b"
        );
    }
}
