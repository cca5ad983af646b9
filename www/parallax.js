// Parallax as an ES module: analyze() compares articles in a Web Worker, off
// the page's thread, and resolves to the report. Nothing leaves the browser.
//
//   import { analyze } from './parallax.js';
//   const report = await analyze([{ name: 'a.txt', text: '…' }, { name: 'b.txt', text: '…' }]);
import { Analyzer } from './analyzer.js';

/**
 * One article: its text, or the bytes of a text file or saved web page.
 * @typedef {object} Article
 * @property {string} name unique among the articles, without a slash (a file name, say)
 * @property {string} [text]
 * @property {Uint8Array|ArrayBuffer} [bytes] instead of `text`: UTF-8, UTF-16 or Windows-1252 text, or HTML
 * @property {string} [outlet] the publisher, when the article does not say it
 * @property {string} [date] YYYY-MM-DD, the publication date, when the article does not say it
 */

/**
 * @typedef {object} AnalyzeOptions
 * @property {string} [defaultDate] YYYY-MM-DD to assume for every article that states no date
 * @property {AbortSignal} [signal] aborting it stops the analysis; the promise rejects with the reason
 *   given to abort(), else with an AbortError
 * @property {(stage: string, step: { done: number, total: number } | null | undefined) => void} [onProgress]
 *   hears each step, such as "analyzing 2 documents", with how far it is when it counts documents
 * @property {number} [timeLimitMs] past this the analysis is stopped and the promise rejects
 */

/**
 * A piece of a document's `text`: code point offsets, end exclusive, and the text they cover.
 * @typedef {{ start: number, end: number, text: string }} Span
 */

/**
 * @typedef {Span & { kind: 'direct'|'partial'|'block'|'indirect', speaker: string|null, speaker_role: string|null, cue: string|null }} Quote
 */

/**
 * One analyzed article. Further lists: `boilerplate`, `entities`, `quantities`, `dates` (see docs/report.md).
 * @typedef {object} ReportDocument
 * @property {string} name
 * @property {string} text the article's text, as read (a saved page's visible text)
 * @property {string|null} title
 * @property {string|null} outlet
 * @property {string|null} byline
 * @property {string|null} date ISO 8601, possibly partial
 * @property {Span[]} sentences
 * @property {Quote[]} quotes
 */

/**
 * Across documents (each `doc` is an index in `documents`). Further lists:
 * `quote_groups`, `variants`, `reuse`, `passages`, `sources`, `framing` (see docs/report.md).
 * @typedef {object} Comparison
 * @property {Array<{ support: Array<Span & { doc: number }>, docs: number[] }>} statements sentences two or more documents share
 * @property {number[]} consensus indices in `statements` of those most documents carry
 * @property {Array<{ kind: 'quantity'|'date'|'speaker', about: string, verdict: 'consistent'|'conflicting', reason: string }>} discrepancies
 *   numbers, dates and speakers the documents give differently
 */

/**
 * The report, as in src/report.rs.
 * @typedef {object} Report
 * @property {number} version
 * @property {ReportDocument[]} documents the articles analyzed, in the order given (less those in `errors`)
 * @property {Array<{ name: string, message: string }>} errors articles that could not be analyzed, and why
 * @property {Comparison} comparison
 */

// One idle analyzer keeps its worker, and the compiled core in it, for the
// next call; calls at the same time each get one of their own.
const idle = [];

/**
 * Analyzes and compares the articles.
 * @param {Article[]} articles
 * @param {AnalyzeOptions} [options]
 * @returns {Promise<Report>} rejects with an Error whose message says what went wrong
 */
export async function analyze(articles, { defaultDate, signal, onProgress, timeLimitMs } = {}) {
  const request = requestFor(articles, defaultDate);
  const analyzer = idle.pop() ?? new Analyzer();
  try {
    const { report } = await analyzer.run(request, { onStage: onProgress, signal, timeLimitMs });
    return report;
  } finally {
    if (idle.length) analyzer.cancel(); else idle.push(analyzer);
  }
}

function requestFor(articles, defaultDate) {
  if (!Array.isArray(articles) || !articles.length) throw new TypeError('analyze() needs an array of one or more articles.');
  const names = new Set();
  const contents = articles.map((article, i) => {
    const name = article?.name;
    if (typeof name !== 'string' || !name) throw new TypeError(`Article ${i + 1} has no name.`);
    // The report names each document by its name's last part, as it would a file's path.
    if (/[/\\]/.test(name)) throw new TypeError(`Article name "${name}" has a slash: give a name, not a path.`);
    if (names.has(name)) throw new TypeError(`Two articles are named "${name}": names must be unique.`);
    names.add(name);
    if (typeof article.text === 'string') return new TextEncoder().encode(article.text);
    if (article.bytes instanceof Uint8Array) return article.bytes;
    if (article.bytes instanceof ArrayBuffer) return new Uint8Array(article.bytes);
    throw new TypeError(`Article "${name}" has neither text (a string) nor bytes (a Uint8Array or ArrayBuffer).`);
  });
  const facts = articles.filter((a) => a.outlet || a.date).map((a) => ({ doc: a.name, outlet: a.outlet || undefined, date: a.date || undefined }));
  return {
    names: [...names],
    contents,
    flipped: articles.map(() => new Uint32Array()),
    defaultDate: defaultDate || undefined,
    corrections: facts.length ? { facts } : undefined,
  };
}
