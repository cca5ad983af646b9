// The analysis as files the reader keeps: the report as JSON with the
// reader's corrections, each table as CSV, and a standalone HTML report.
// Article text is untrusted: CSV cells that a spreadsheet would run as a
// formula are defused, and the HTML report is built as DOM with text nodes
// only, then serialized, so no article text can become markup.
import { element, documentLabel } from './views/dom.js';
import { FACTS } from './views/documents.js';
import { withDefaults, quoteGroups } from './views/comparison.js';
import { discrepancies, discrepancyValues, consensus, perSource } from './views/overview.js';
import { framingTable } from './views/framing.js';
import { variantsTable } from './views/entities.js';
import { reuseMatrix } from './views/reuse.js';
import { quantityValue, dateValue } from './views/facts.js';

// What every export needs: the report with every field, its labels as the
// page shows them, and for each document the facts the reader set (by name,
// as src/corrections.rs keys them; the core has applied them already).
export function exportContext(given, corrections) {
  const report = withDefaults(given);
  const changes = corrections ?? {};
  const setByReader = report.documents.map((doc) => {
    const set = (changes.facts || []).findLast((f) => f.doc === doc.name) || {};
    return FACTS.map(([field]) => field).filter((field) => field in set);
  });
  return { report, corrections: changes, setByReader, label: (i) => documentLabel(report, [], i) };
}

// The report as the core made it, beside what the reader changed.
export const jsonFile = (report, corrections) => JSON.stringify({ report, corrections }, null, 2);

// A file name from the first source's headline and how many sources there are, in [a-z0-9-] only.
export function fileStem({ report }) {
  const first = report.documents[0];
  const words = (first?.title || first?.name.replace(/\.[^.]*$/, '') || 'report').normalize('NFKD').toLowerCase()
    .match(/[a-z0-9]+/g) || ['report'];
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + word.length >= 48) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 48);
  }
  const n = report.documents.length;
  return `parallax-${slug}${n > 1 ? `-${n}-sources` : ''}`;
}

// One CSV cell: text a spreadsheet would run as a formula gets a leading
// apostrophe (numbers are the core's own, never article text), then RFC 4180 quoting.
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// CRLF line ends per RFC 4180; the byte order mark tells spreadsheet apps it is UTF-8.
export const csvFile = (header, rows) => `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

const diffWords = (parts, change) => parts.filter((p) => p.change === change).map((p) => p.text).join(' … ');

// Each table the reader can export, with its columns and one row per item of the report.
export const TABLES = [
  {
    name: 'documents', title: 'Documents and their facts',
    header: ['doc', 'source', 'file', ...FACTS.map(([field]) => field), 'dateline', 'corrected_by_reader', 'sentences', 'boilerplate_lines', 'quotes', 'entities', 'quantities', 'dates'],
    rows: ({ report, setByReader, label }) => report.documents.map((doc, i) => [i, label(i), doc.name,
      ...FACTS.map(([field]) => doc[field]), doc.dateline_place, setByReader[i].join(' '),
      doc.sentences.length, doc.boilerplate.length, doc.quotes.length, doc.entities.length, doc.quantities.length, doc.dates.length]),
  },
  {
    name: 'quotes', title: 'Quotes with their speakers',
    header: ['doc', 'source', 'quote', 'speaker', 'role', 'kind', 'cue', 'start', 'end', 'text'],
    rows: ({ report, label }) => report.documents.flatMap((doc, i) => doc.quotes.map((q, k) => [i, label(i), k,
      q.speaker, q.speaker_role, q.kind, q.cue, q.start, q.end, q.text])),
  },
  {
    name: 'entities', title: 'Names (each mention)',
    header: ['doc', 'source', 'type', 'canonical', 'text', 'start', 'end'],
    rows: ({ report, label }) => report.documents.flatMap((doc, i) => doc.entities.map((e) => [i, label(i),
      e.type, e.canonical, e.text, e.start, e.end])),
  },
  {
    name: 'quantities', title: 'Numbers',
    header: ['doc', 'source', 'text', 'reading', 'value', 'unit', 'approx', 'kind', 'min', 'max', 'counted', 'event', 'start', 'end'],
    rows: ({ report, label }) => report.documents.flatMap((doc, i) => doc.quantities.map((q) => [i, label(i),
      q.text, quantityValue(q, doc.quantities), q.value, q.unit, q.approx, q.kind, q.min, q.max, q.counted, q.event, q.start, q.end])),
  },
  {
    name: 'dates', title: 'Dates and times',
    header: ['doc', 'source', 'text', 'type', 'value', 'reading', 'start', 'end'],
    rows: ({ report, label }) => report.documents.flatMap((doc, i) => doc.dates.map((d) => [i, label(i),
      d.text, d.type, d.value, dateValue(d), d.start, d.end])),
  },
  {
    name: 'statements', title: 'Shared statements (support per source)',
    header: ['statement', 'consensus', 'sources', 'doc', 'source', 'start', 'end', 'text'],
    rows: ({ report, label }) => {
      const carried = new Set(report.comparison.consensus);
      return report.comparison.statements.flatMap((s, k) => s.support.map((part) => [k, carried.has(k),
        s.docs.length, part.doc, label(part.doc), part.start, part.end, part.text]));
    },
  },
  {
    name: 'alone', title: 'What each source alone says',
    header: ['doc', 'source', 'sentence', 'start', 'end', 'text'],
    rows: ({ report, label }) => report.comparison.sources.flatMap((source) => source.alone
      .map((i) => [i, report.documents[source.doc].sentences[i]]).filter(([, s]) => s)
      .map(([i, s]) => [source.doc, label(source.doc), i, s.start, s.end, s.text])),
  },
  {
    name: 'discrepancies', title: 'Discrepancies (each value)',
    header: ['discrepancy', 'kind', 'about', 'verdict', 'reason', 'doc', 'source', 'text', 'value', 'detail'],
    rows: ({ report, label }) => report.comparison.discrepancies.flatMap((d, k) => discrepancyValues(report, d)
      .map((v) => [k, d.kind, d.about, d.verdict, d.reason, v.doc, label(v.doc), v.text, v.value, v.detail])),
  },
  {
    name: 'quote-groups', title: 'The same quote across sources',
    header: ['group', 'doc', 'source', 'quote', 'speaker', 'added', 'removed', 'text'],
    rows: ({ report, label }) => report.comparison.quote_groups.flatMap((group, g) => group.members.map((m) => {
      const q = report.documents[m.doc].quotes[m.quote];
      return [g, m.doc, label(m.doc), m.quote, q?.speaker, diffWords(m.diff, 'added'), diffWords(m.diff, 'removed'), q?.text];
    })),
  },
  {
    name: 'variants', title: 'Names spelled differently',
    header: ['name', 'form', 'docs', 'sources'],
    rows: ({ report, label }) => report.comparison.variants.flatMap((v) => v.forms.map((form) => [v.canonical,
      form.form, form.docs.join(' '), form.docs.map(label).join('; ')])),
  },
  {
    name: 'framing', title: 'Framing per source',
    header: ['doc', 'source', 'headline_verb', 'headline_lemma', 'attribution_verbs', 'hedges', 'voices', 'sides'],
    rows: ({ report, label }) => report.comparison.framing.map((f) => [f.doc, label(f.doc), f.headline_verb, f.headline_lemma,
      (f.verbs || []).map((v) => `${v.side || 'unaffiliated'}: ${v.lemma} ×${v.count} (${v.tone})`).join('; '),
      (f.hedges || []).map((h) => `${h.text} (${h.kind})`).join('; '),
      (f.voices || []).map((v) => `${v.speaker}${v.affiliation ? ` (${v.affiliation})` : ''}: ${v.quotes} quotes, ${v.words} words`).join('; '),
      (f.sides || []).map((s) => `${s.affiliation}: ${s.quotes} quotes, ${s.words} words`).join('; ')]),
  },
  {
    name: 'reuse', title: 'Verbatim reuse (pairs)',
    header: ['doc_a', 'source_a', 'doc_b', 'source_b', 'share', 'words', 'passages', 'copy'],
    rows: ({ report, label }) => report.comparison.reuse.map((r) => [r.docs[0], label(r.docs[0]), r.docs[1], label(r.docs[1]),
      r.share, r.words, r.passages.length, r.copy]),
  },
];

export function tableFile(name, context) {
  const table = TABLES.find((t) => t.name === name);
  return csvFile(table.header, table.rows(context));
}

// The report's own styles and its print rules, read once from the page's files.
let styles = null;
function reportStyles() {
  styles ??= Promise.all(['./style.css', './report.css'].map(async (file) => {
    const response = await fetch(new URL(file, import.meta.url));
    if (!response.ok) throw new Error(`${file}: ${response.status}`);
    return response.text();
  })).then((sheets) => sheets.join('\n'));
  styles.catch(() => { styles = null; });
  return styles;
}

// No script, no request: styles inline, images only as data.
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

// The views' parts, made static: links to places in the page become their
// text, and collapsed lists are open so that they print.
function frozen(node) {
  for (const link of node.querySelectorAll('a')) link.replaceWith(...link.childNodes);
  for (const details of node.querySelectorAll('details')) details.open = true;
  return node;
}

function sourcesTable({ report, label }) {
  const columns = [...FACTS.map(([field, title]) => [title, (doc) => doc[field]]),
    ['Dateline', (doc) => doc.dateline_place], ['File', (doc) => doc.name]];
  return element('table', { class: 'sources' },
    element('thead', {}, element('tr', {}, element('th', { scope: 'col' }, 'Source'), columns.map(([title]) => element('th', { scope: 'col' }, title)))),
    element('tbody', {}, report.documents.map((doc, i) => element('tr', {}, element('th', { scope: 'row' }, label(i)),
      columns.map(([, value]) => element('td', { class: value(doc) ? null : 'unknown' }, value(doc) || '—'))))));
}

function correctionsList({ report, corrections, setByReader, label }) {
  const items = report.documents.flatMap((doc, i) => {
    const fields = setByReader[i];
    const lines = (corrections.flipped || []).findLast((f) => f.doc === doc.name)?.lines || [];
    const said = [fields.length ? `set its ${fields.join(', ')}` : null,
      lines.length ? `moved ${lines.length} line${lines.length === 1 ? '' : 's'} between article and boilerplate` : null].filter(Boolean);
    return said.length ? [element('li', {}, `${label(i)}: the reader ${said.join(' and ')}.`)] : [];
  });
  const edits = [['merges', 'merge'], ['splits', 'split'], ['speakers', 'speaker set']]
    .map(([key, word]) => [word, (corrections[key] || []).length]).filter(([, n]) => n);
  if (edits.length) items.push(element('li', {}, `Names and speakers: ${edits.map(([word, n]) => `${n} ${word}${n === 1 ? '' : 's'}`).join(', ')}.`));
  return items.length ? [element('h2', {}, 'The reader’s corrections'),
    element('p', { class: 'hint' }, 'The analysis below already follows them.'), element('ul', { class: 'corrections' }, items)] : [];
}

const section = (title, hint, body) => [element('h2', {}, title), hint ? element('p', { class: 'hint' }, hint) : null, body];

// The whole report as one HTML file that opens offline and prints.
export async function htmlFile(context) {
  const { report, label } = context;
  const n = report.documents.length;
  const title = `Parallax report: ${report.documents[0]?.title || report.documents[0]?.name || 'no documents'}`;
  const compared = n > 1 ? [
    section('What to check', 'Numbers, dates and speakers the sources give differently, conflicting ones first.', discrepancies(report, label)),
    section('What most sources report', 'Statements carried by more than half of the sources, in the first source’s words.', consensus(report, label)),
    section('Each source alone', 'What each source says that no other does, and which of the statements most sources carry it leaves out.', perSource(report, label)),
    section('The same quote in different words', 'Each rendering against the first: added words underlined, dropped words struck through.', quoteGroups(report, label)),
    section('Names spelled differently', null, variantsTable(report, label)),
    section('Framing', 'The headline’s verb, the attribution verbs by side, hedges, who is quoted and how much.', framingTable(report, label)),
    section('Verbatim reuse', 'Share of the shorter article’s five-word sequences found word for word in the other.', reuseMatrix(report, label)),
  ] : [element('p', { class: 'notice' }, 'Only one source: there is nothing to compare.')];
  const page = element('html', { lang: 'en' },
    element('head', {},
      element('meta', { charset: 'utf-8' }),
      element('meta', { 'http-equiv': 'Content-Security-Policy', content: REPORT_CSP }),
      element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      element('title', {}, title),
      element('style', {}, await reportStyles())),
    element('body', { class: 'report' },
      element('header', { class: 'top' }, element('h1', {}, 'Parallax report'),
        element('p', { class: 'tagline' }, `${n} source${n === 1 ? '' : 's'} compared.`)),
      report.errors.length ? element('ul', { class: 'messages' }, report.errors.map((e) => element('li', {}, e.message))) : null,
      section('Sources', null, sourcesTable(context)),
      correctionsList(context),
      compared));
  return `<!doctype html>\n${frozen(page).outerHTML}\n`;
}

// Saves text as a file through a blob: URL and a download link (no request leaves the page).
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  element('a', { href: url, download: name }).click();
  // The download has its own copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
