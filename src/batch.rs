//! `parallax batch` without `--task`: a corpus of articles in, one report per
//! story out, streaming, with bounded memory, on every core.
//!
//! Input: JSON Lines, one `{"id", "story", "text", "outlet"?, "date"?}` a
//! line, stories in any order. Output: one `{"story", "part", "report"}` a
//! line, `report` being what `parallax analyze` prints for that story's
//! articles, in the order of each part's first article in the input.
//!
//! Memory is bounded by three limits, all counted in bytes of article text
//! as read, so that where a story is cut depends on the input alone, never on
//! timing or on the number of cores:
//!
//! - a story's open part is analyzed once it holds `max_articles` articles
//!   (1,000 by default, the most one analysis takes) or `max_story_bytes` of
//!   text (32 MB);
//! - when the text of all open parts, plus that of finished parts that must
//!   wait to be written behind an older open part, passes `budget` (512 MB),
//!   the oldest open part is analyzed, and its story's later articles start a
//!   new part;
//! - at most a few more parts than there are cores are being analyzed at once.
//!
//! A story cut in parts gives one line per part (`part` 1, 2, …), each the
//! analysis of that part's articles compared among themselves only.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::mpsc;

use parallax::{analyze, Input, Options};

/// The limits of one run, in articles and bytes of text as read.
pub struct Limits {
    pub max_articles: usize,
    pub max_story_bytes: usize,
    pub budget: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_articles: parallax::limits::MAX_DOCUMENTS,
            max_story_bytes: 32_000_000,
            budget: 512_000_000,
        }
    }
}

/// One article as read.
struct Article {
    id: String,
    text: String,
    outlet: Option<String>,
    date: Option<String>,
}

/// The articles of one story gathered so far, not yet analyzed.
struct Part {
    seq: usize,
    number: usize,
    articles: Vec<Article>,
    bytes: usize,
}

/// What a finished part leaves: its output line and its errors.
struct Done {
    seq: usize,
    line: String,
    errors: Vec<String>,
}

/// The longest line read: longer ones are skipped (and reported) unread.
const MAX_LINE_BYTES: usize = 64_000_000;

/// Parses `batch [--max-articles N] [--max-story-bytes B] [--budget B] [FILE|-]`.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut limits = Limits::default();
    let mut file: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| -> Result<usize, String> {
            rest.next()
                .and_then(|v| bytes_value(v))
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{name} takes a positive number (K, M or G may follow)"))
        };
        match arg.as_str() {
            "--max-articles" => {
                limits.max_articles = value("--max-articles")?.min(parallax::limits::MAX_DOCUMENTS)
            }
            "--max-story-bytes" => limits.max_story_bytes = value("--max-story-bytes")?,
            "--budget" => limits.budget = value("--budget")?,
            flag if flag.starts_with("--") && flag != "-" => {
                return Err(format!("unknown option {flag}"))
            }
            name if file.is_none() => file = Some(name),
            _ => return Err("batch reads one file (or standard input)".into()),
        }
    }
    let reader: Box<dyn BufRead> = match file {
        None | Some("-") => Box::new(std::io::stdin().lock()),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 20, f)),
            Err(error) => {
                eprintln!("parallax: {path}: {error}");
                return Ok(ExitCode::from(1));
            }
        },
    };
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let status = stories(reader, &mut stdout, &limits);
    if stdout.flush().is_err() {
        return Ok(ExitCode::from(1));
    }
    Ok(status)
}

/// `12`, `64K`, `32M`, `1G` (powers of 1,000).
fn bytes_value(text: &str) -> Option<usize> {
    let (digits, scale) = match text.char_indices().last()? {
        (i, 'K' | 'k') => (&text[..i], 1_000),
        (i, 'M' | 'm') => (&text[..i], 1_000_000),
        (i, 'G' | 'g') => (&text[..i], 1_000_000_000),
        _ => (text, 1),
    };
    digits.parse::<usize>().ok()?.checked_mul(scale)
}

/// Reads every article of `input`, writes one report per story part to
/// `output`; returns the exit status: 0, or 1 when a line was skipped, the
/// input could not be read, output could not be written, or a report names
/// an error.
pub fn stories(mut input: impl BufRead, output: &mut impl Write, limits: &Limits) -> ExitCode {
    let mut state = State::new(limits);
    let mut failed = false;
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        number += 1;
        line.clear();
        match read_line(&mut input, &mut line) {
            Ok(LineRead::End) => break,
            Ok(LineRead::TooLong) => {
                eprintln!(
                    "parallax: line {number}: longer than {}, skipped",
                    parallax::limits::megabytes(MAX_LINE_BYTES)
                );
                failed = true;
                continue;
            }
            Ok(LineRead::Line) => {}
            Err(error) => {
                eprintln!("parallax: line {number}: {error}");
                failed = true;
                break;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match record(&line, number) {
            Ok((story, article)) => state.add(story, article),
            Err(why) => {
                eprintln!("parallax: line {number}: {why}, skipped");
                failed = true;
            }
        }
        if !state.drain(output, false) {
            return ExitCode::from(1);
        }
    }
    state.finish();
    if !state.drain(output, true) {
        return ExitCode::from(1);
    }
    if failed || state.report_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

enum LineRead {
    Line,
    TooLong,
    End,
}

/// One line into `line` (without its end), skipping past lines longer than
/// the limit without holding them.
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<LineRead> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(i) => (&buffer[..i], Some(i + 1)),
            None => (buffer, None),
        };
        if !too_long && line.len() + chunk.len() > MAX_LINE_BYTES {
            too_long = true;
            line.clear();
        }
        if !too_long {
            line.extend_from_slice(chunk);
        }
        let used = done.unwrap_or(buffer.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(match (any, too_long) {
        (false, _) => LineRead::End,
        (true, true) => LineRead::TooLong,
        (true, false) => LineRead::Line,
    })
}

/// The story and article of one line, or why it is skipped.
fn record(line: &[u8], number: usize) -> Result<(String, Article), &'static str> {
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|_| "not JSON")?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err("not a JSON object");
    };
    let Some(serde_json::Value::String(text)) = fields.remove("text") else {
        return Err("no \"text\" string");
    };
    let string = |value: Option<serde_json::Value>| match value {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let story = string(fields.remove("story"))
        .or_else(|| string(fields.remove("topic")))
        .unwrap_or_default();
    Ok((
        story,
        Article {
            id: string(fields.remove("id")).unwrap_or_else(|| format!("line {number}")),
            text,
            outlet: string(fields.remove("outlet")),
            date: string(fields.remove("date")),
        },
    ))
}

/// The open parts, the parts being analyzed and the lines waiting to be written.
struct State<'a> {
    limits: &'a Limits,
    /// Open parts by story, and their stories by sequence number (oldest first).
    open: HashMap<String, Part>,
    open_order: BTreeMap<usize, String>,
    open_bytes: usize,
    /// Text bytes of closed parts by sequence number, while an older part is
    /// open (they cannot be written before it): the deterministic part of the budget.
    held: BTreeMap<usize, usize>,
    held_bytes: usize,
    /// How many parts each story has had.
    parts: HashMap<String, usize>,
    next_seq: usize,
    /// Sequence numbers of closed parts not yet written, and the finished ones.
    closed: std::collections::BTreeSet<usize>,
    finished: BTreeMap<usize, Done>,
    in_flight: usize,
    sender: mpsc::Sender<Done>,
    receiver: mpsc::Receiver<Done>,
    report_errors: bool,
}

impl<'a> State<'a> {
    fn new(limits: &'a Limits) -> Self {
        let (sender, receiver) = mpsc::channel();
        State {
            limits,
            open: HashMap::new(),
            open_order: BTreeMap::new(),
            open_bytes: 0,
            held: BTreeMap::new(),
            held_bytes: 0,
            parts: HashMap::new(),
            next_seq: 0,
            closed: Default::default(),
            finished: BTreeMap::new(),
            in_flight: 0,
            sender,
            receiver,
            report_errors: false,
        }
    }

    fn add(&mut self, story: String, article: Article) {
        let bytes = article.text.len();
        if !self.open.contains_key(&story) {
            let number = self.parts.entry(story.clone()).or_default();
            *number += 1;
            let part = Part {
                seq: self.next_seq,
                number: *number,
                articles: Vec::new(),
                bytes: 0,
            };
            self.open_order.insert(self.next_seq, story.clone());
            self.next_seq += 1;
            self.open.insert(story.clone(), part);
        }
        let part = self.open.get_mut(&story).expect("opened above");
        part.articles.push(article);
        part.bytes += bytes;
        self.open_bytes += bytes;
        if part.articles.len() >= self.limits.max_articles
            || part.bytes >= self.limits.max_story_bytes
        {
            self.close(&story);
        }
        while self.open_bytes + self.held_bytes > self.limits.budget {
            let Some((_, oldest)) = self.open_order.first_key_value() else {
                break;
            };
            let oldest = oldest.clone();
            self.close(&oldest);
        }
    }

    /// Sends a story's open part to be analyzed.
    fn close(&mut self, story: &str) {
        let Some(part) = self.open.remove(story) else {
            return;
        };
        self.open_order.remove(&part.seq);
        self.open_bytes -= part.bytes;
        self.closed.insert(part.seq);
        // Closed parts behind an older open one wait; those before the oldest never do.
        self.held.insert(part.seq, part.bytes);
        self.held_bytes += part.bytes;
        let oldest_open = self.open_order.keys().next().copied().unwrap_or(usize::MAX);
        while let Some((&seq, &bytes)) = self.held.first_key_value() {
            if seq > oldest_open {
                break;
            }
            self.held.remove(&seq);
            self.held_bytes -= bytes;
        }
        self.in_flight += 1;
        let sender = self.sender.clone();
        let story = story.to_string();
        rayon::spawn(move || {
            let seq = part.seq;
            let done =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzed(&story, part)))
                    .unwrap_or_else(|_| Done {
                        seq,
                        line: serde_json::json!({"story": story, "error": "internal error"})
                            .to_string(),
                        errors: vec![format!(
                            "story {story}: could not be analyzed: internal error"
                        )],
                    });
            // The receiver lives until every part is written.
            let _ = sender.send(done);
        });
    }

    /// Closes every open part, oldest first.
    fn finish(&mut self) {
        while let Some((_, story)) = self.open_order.first_key_value() {
            let story = story.clone();
            self.close(&story);
        }
    }

    /// Writes the finished lines that are next in order. Waits for work in
    /// flight when too much is (or, with `all`, until everything is written).
    fn drain(&mut self, output: &mut impl Write, all: bool) -> bool {
        let most_in_flight = rayon::current_num_threads() + 2;
        loop {
            while let Ok(done) = self.receiver.try_recv() {
                self.in_flight -= 1;
                self.finished.insert(done.seq, done);
            }
            while let Some(&next) = self.closed.first() {
                if self
                    .open_order
                    .keys()
                    .next()
                    .is_some_and(|&open| open < next)
                {
                    break;
                }
                let Some(done) = self.finished.remove(&next) else {
                    break;
                };
                self.closed.remove(&next);
                for error in &done.errors {
                    eprintln!("parallax: {error}");
                }
                self.report_errors |= !done.errors.is_empty();
                if writeln!(output, "{}", done.line).is_err() {
                    return false;
                }
            }
            let wait = if all {
                self.in_flight > 0
            } else {
                self.in_flight >= most_in_flight
            };
            if !wait {
                return true;
            }
            match self.receiver.recv() {
                Ok(done) => {
                    self.in_flight -= 1;
                    self.finished.insert(done.seq, done);
                }
                Err(_) => return true,
            }
        }
    }
}

/// The analysis of one part, as its output line. The record's `outlet` and
/// `date` fill in the document's facts where its text states none.
fn analyzed(story: &str, part: Part) -> Done {
    let inputs: Vec<Input> = part
        .articles
        .iter()
        .map(|a| Input::from_text(a.id.clone(), &a.text))
        .collect();
    let mut report = analyze(&inputs, &Options::default());
    drop(inputs);
    // Documents come in the order of their inputs, less those that failed.
    let mut next = 0;
    for doc in &mut report.documents {
        while next < part.articles.len() && base_name(&part.articles[next].id) != doc.name {
            next += 1;
        }
        let Some(article) = part.articles.get(next) else {
            break;
        };
        next += 1;
        if doc.outlet.is_none() {
            doc.outlet.clone_from(&article.outlet);
        }
        if doc.date.is_none() {
            doc.date.clone_from(&article.date);
        }
    }
    let errors = report
        .errors
        .iter()
        .map(|e| format!("story {story}: {}", e.message))
        .collect();
    let line = Line {
        story,
        part: part.number,
        report: &report,
    };
    Done {
        seq: part.seq,
        line: serde_json::to_string(&line).expect("the report always serializes"),
        errors,
    }
}

/// One output line.
#[derive(serde::Serialize)]
struct Line<'a> {
    story: &'a str,
    part: usize,
    report: &'a parallax::report::Report,
}

/// The name `analyze` gives an input: its base name, whichever separator it uses.
fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
