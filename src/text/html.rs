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

/// What a saved page says about itself, beside its main text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageFacts {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// ISO 8601 date (`2025-03-14`) from the page's metadata.
    pub published: Option<String>,
}

/// The page's main content (headline first) and its metadata, found with the
/// page's structure by dom_smoothie (readability.js); `None` when it finds no
/// article, and the caller falls back to all visible text.
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
        ..Default::default()
    };
    let article = dom_smoothie::Readability::new(html, None, Some(config))
        .ok()?
        .parse()
        .ok()?;
    let body = article.text_content.to_string();
    if body.trim().is_empty() {
        return None;
    }
    let clean = |value: Option<String>| {
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let title = clean(Some(article.title));
    let published = clean(article.published_time).and_then(|time| {
        let date: String = time.chars().take(10).collect();
        let iso = date.len() == 10
            && date.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        iso.then_some(date)
    });
    let text = match &title {
        Some(title) if !body.trim_start().starts_with(title.as_str()) => {
            format!("{title}\n\n{body}")
        }
        _ => body,
    };
    let facts = PageFacts {
        title,
        byline: clean(article.byline).map(|b| {
            b.strip_prefix("By ")
                .or_else(|| b.strip_prefix("by "))
                .unwrap_or(&b)
                .to_string()
        }),
        site_name: clean(article.site_name),
        published,
    };
    Some((text, facts))
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
    let shown = text_of(html, true);
    if shown.trim().is_empty() {
        text_of(html, false)
    } else {
        shown
    }
}

/// The page's text; `honor_hidden` leaves out elements marked hidden.
fn text_of(html: &str, honor_hidden: bool) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    // While skipping, the element whose end tag ends the skip and its nesting depth.
    let mut skip: Option<(String, usize)> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if skip.is_none() {
                push_text(&mut current, rest);
            }
            break;
        };
        if skip.is_none() {
            push_text(&mut current, &rest[..lt]);
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let tag = rest
            .find('>')
            .and_then(|gt| Some((gt, Tag::parse(&rest[1..gt])?)));
        let Some((gt, tag)) = tag else {
            // A bare `<` in text (`a < b`).
            if skip.is_none() {
                push_text(&mut current, "<");
            }
            rest = &rest[1..];
            continue;
        };
        rest = &rest[gt + 1..];
        if let Some((name, depth)) = &mut skip {
            if tag.name == *name && !tag.self_closing {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                } else {
                    *depth += 1;
                }
            }
            continue;
        }
        let void = VOID.contains(&tag.name.as_str()) || tag.self_closing;
        let hidden = honor_hidden && tag.hidden;
        if !tag.closing && !void && (SKIPPED.contains(&tag.name.as_str()) || hidden) {
            skip = Some((tag.name, 1));
            continue;
        }
        if BLOCKS.contains(&tag.name.as_str()) {
            end_block(&mut blocks, &mut current);
        }
    }
    end_block(&mut blocks, &mut current);
    blocks.join("\n\n")
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
            });
        }
        if !first.is_ascii_alphabetic() {
            return None;
        }
        let name_end = body
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(body.len());
        let name = body[..name_end].to_ascii_lowercase();
        let attrs = body[name_end..].to_ascii_lowercase();
        let compact: String = attrs.chars().filter(|c| !c.is_whitespace()).collect();
        let hidden = has_attribute(&attrs, "hidden")
            || compact.contains("aria-hidden=\"true\"")
            || compact.contains("display:none")
            || compact.contains("visibility:hidden");
        Some(Tag {
            name,
            closing,
            self_closing: body.trim_end().ends_with('/'),
            hidden,
        })
    }
}

fn has_attribute(attrs: &str, name: &str) -> bool {
    attrs
        .split(|c: char| c.is_whitespace() || c == '/')
        .any(|word| word == name || word.starts_with(&format!("{name}=")))
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

    #[test]
    fn a_page_whose_text_is_all_hidden_is_read_whole() {
        let streamed = r#"<html><body><div hidden id="S:0"><p>The article, streamed.</p></div>
            <script>reveal()</script></body></html>"#;
        assert_eq!(visible_text(streamed), "The article, streamed.");
        let menu = r#"<body><div hidden><p>menu</p></div><p>Story.</p></body>"#;
        assert_eq!(visible_text(menu), "Story.");
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
            <div aria-hidden="true"><div>inner</div>hidden too</div><p>a < b</p></body></html>"#;
        assert_eq!(
            visible_text(html),
            "Headline & more\n\nFirst bold line.\n\n“Quoted” – end\n\na < b"
        );
    }
}
