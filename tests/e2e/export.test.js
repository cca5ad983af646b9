// The exports end to end in headless Chromium: each file is downloaded from
// the page as a reader would, then parsed and checked against the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, TARGET, SEEDS, openPage, waitForAnalysis } from './browser.js';

const env = useBrowser();

// Each table's columns, as a spreadsheet user will rely on them.
const HEADERS = {
  documents: ['doc', 'source', 'file', 'title', 'outlet', 'byline', 'date', 'dateline', 'corrected_by_reader', 'sentences', 'boilerplate_lines', 'quotes', 'entities', 'quantities', 'dates'],
  quotes: ['doc', 'source', 'quote', 'speaker', 'role', 'kind', 'cue', 'start', 'end', 'text'],
  entities: ['doc', 'source', 'type', 'canonical', 'text', 'start', 'end'],
  quantities: ['doc', 'source', 'text', 'reading', 'value', 'unit', 'approx', 'kind', 'min', 'max', 'counted', 'event', 'start', 'end'],
  dates: ['doc', 'source', 'text', 'type', 'value', 'reading', 'start', 'end'],
  statements: ['statement', 'consensus', 'sources', 'doc', 'source', 'start', 'end', 'text'],
  alone: ['doc', 'source', 'sentence', 'start', 'end', 'text'],
  discrepancies: ['discrepancy', 'kind', 'about', 'verdict', 'reason', 'doc', 'source', 'text', 'value', 'detail'],
  'quote-groups': ['group', 'doc', 'source', 'quote', 'speaker', 'added', 'removed', 'text'],
  variants: ['name', 'form', 'docs', 'sources'],
  framing: ['doc', 'source', 'headline_verb', 'headline_lemma', 'attribution_verbs', 'hedges', 'voices', 'sides'],
  reuse: ['doc_a', 'source_a', 'doc_b', 'source_b', 'share', 'words', 'passages', 'copy'],
};

// How many rows each table must have: one per item of the report.
const sum = (list, count) => list.reduce((n, item) => n + count(item), 0);
const ROWS = {
  documents: (r) => r.documents.length,
  quotes: (r) => sum(r.documents, (d) => d.quotes.length),
  entities: (r) => sum(r.documents, (d) => d.entities.length),
  quantities: (r) => sum(r.documents, (d) => d.quantities.length),
  dates: (r) => sum(r.documents, (d) => d.dates.length),
  statements: (r) => sum(r.comparison.statements, (s) => s.support.length),
  alone: (r) => sum(r.comparison.sources || [], (s) => s.alone.filter((i) => r.documents[s.doc].sentences[i]).length),
  // The overview shows a source giving one speaker twice in a group as one value, and so does the table.
  discrepancies: (r) => sum(r.comparison.discrepancies, (d) => (d.kind === 'quantity' ? d.values.length
    : d.kind === 'date' ? d.dates.length : new Set(d.speakers.map((v) => `${v.doc}|${v.speaker}|${v.role}`)).size)),
  'quote-groups': (r) => sum(r.comparison.quote_groups, (g) => g.members.length),
  variants: (r) => sum(r.comparison.variants, (v) => v.forms.length),
  framing: (r) => (r.comparison.framing || []).length,
  reuse: (r) => r.comparison.reuse.length,
};

// RFC 4180, strictly: a malformed file throws instead of parsing loosely.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') { field += c; i += 1; continue; }
      if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
      quoted = false;
      i += 1;
      if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after a closing quote at ${i}`);
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`a line break outside quotes that is not CRLF at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || row.length) throw new Error('the last record does not end with CRLF');
  return rows;
}

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
// What the cell for a text must be: defused when a spreadsheet would run it.
const guarded = (text) => (FORMULA.test(text) ? `'${text}` : text);
const SAFE_NAME = /^parallax-[a-z0-9]+(-[a-z0-9]+)*\.(json|csv|md|html)$/;

async function save(page, kind) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)])
    .catch(async (error) => { throw new Error(`${error.message}\nthe page says: ${await page.$eval('#exports', (n) => n.textContent)}`); });
  const saved = { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  // Chromium drops a download that comes in a burst of more than ten from one page: no reader clicks that fast.
  await page.waitForTimeout(250);
  return saved;
}

// The page, with the worker's replies recorded so the Markdown download can be compared with what the worker sent.
async function openApp() {
  const opened = await openPage(env.browser, env.server.url);
  await opened.page.addInitScript(() => {
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (event) => {
          if (event.data?.json) window.workerReply = { markdown: JSON.parse(event.data.json).markdown };
        });
      }
    };
  });
  await opened.page.reload();
  return opened;
}

// Downloads the JSON, every CSV table and the HTML report, and checks each against the report.
async function exportAll(page) {
  const json = await save(page, 'json');
  assert.match(json.name, SAFE_NAME);
  const { report, corrections } = JSON.parse(json.bytes.toString('utf8'));
  assert.ok(Array.isArray(report.documents) && report.documents.length > 0, 'the JSON has the documents');
  assert.ok(Array.isArray(report.comparison?.statements), 'the JSON has the comparison');
  assert.equal(typeof corrections, 'object', 'the JSON has the reader’s corrections');
  assert.ok(Array.isArray(corrections.facts) && Array.isArray(corrections.flipped), `corrections: ${JSON.stringify(corrections)}`);

  const offered = await page.$$eval('[data-export="table"] option', (options) => options.map((o) => o.value));
  assert.deepEqual(offered, Object.keys(HEADERS));
  const tables = {};
  for (const table of offered) {
    await page.selectOption('[data-export="table"]', table);
    const { name, bytes } = await save(page, 'csv');
    assert.match(name, SAFE_NAME);
    assert.ok(name.endsWith(`-${table}.csv`), name);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${table}: UTF-8 with a byte order mark`);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    assert.deepEqual(header, HEADERS[table], `${table}: header`);
    assert.equal(rows.length, ROWS[table](report), `${table}: one row per item`);
    for (const row of rows) assert.equal(row.length, header.length, `${table}: a full row`);
    const risky = rows.flat().filter((cell) => FORMULA.test(cell) && !NUMBER.test(cell));
    assert.deepEqual(risky, [], `${table}: no cell a spreadsheet would run`);
    tables[table] = rows.map((row) => Object.fromEntries(header.map((key, i) => [key, row[i]])));
  }
  // The text columns carry the report's own text.
  assert.deepEqual(tables.quotes.map((q) => q.text), report.documents.flatMap((d) => d.quotes.map((q) => guarded(q.text))));
  assert.deepEqual(tables.statements.map((s) => s.text), report.comparison.statements.flatMap((s) => s.support.map((p) => guarded(p.text))));
  assert.deepEqual(tables.documents.map((d) => d.file), report.documents.map((d) => guarded(d.name)));

  const html = await save(page, 'html');
  assert.match(html.name, SAFE_NAME);
  return { report, corrections, tables, html: html.bytes.toString('utf8') };
}

// Opens the exported report from a file with JavaScript on: nothing may run
// and nothing may be fetched. Returns what it shows.
async function openReport(html, file) {
  assert.match(html, /^<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
  assert.doesNotMatch(html, /<script/i, 'no script element');
  assert.match(html, /@media print/);
  const path = join(TARGET, file);
  writeFileSync(path, html);
  const url = pathToFileURL(path).href;
  const { page, problems, requests } = await openPage(env.browser, url);
  const shown = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: window.__pwned,
      scripts: document.scripts.length,
      handlers: all.flatMap((node) => [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${node.tagName} ${a.name}`)),
      fetching: all.filter((node) => ['src', 'href', 'srcset', 'action', 'data', 'poster'].some((a) => node.hasAttribute(a))).map((n) => n.outerHTML.slice(0, 80)),
      interactive: document.querySelectorAll('button, input, select, textarea, a, iframe, object, embed, link, form').length,
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      sourceRows: document.querySelectorAll('table.sources tbody tr').length,
      text: document.body.textContent,
      title: document.title,
      styleUrls: [...document.querySelectorAll('style')].some((s) => /url\(/i.test(s.textContent)),
    };
  });
  assert.equal(shown.pwned, undefined, 'nothing in the report ran');
  assert.equal(shown.scripts, 0);
  assert.deepEqual(shown.handlers, [], 'no event-handler attribute');
  assert.deepEqual(shown.fetching, [], 'no element that would fetch or link anywhere');
  assert.equal(shown.interactive, 0, 'nothing to click: the report is for reading and printing');
  assert.equal(shown.styleUrls, false, 'the styles load nothing');
  assert.deepEqual(requests, [url], 'opening the report requests nothing but itself');
  assert.deepEqual(problems, []);
  // In print, table headers repeat on each page and the per-source cards stack.
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => ({
    thead: getComputedStyle(document.querySelector('thead')).display,
    cards: document.querySelector('.per-source') ? getComputedStyle(document.querySelector('.per-source')).display : 'block',
  }));
  assert.deepEqual(print, { thead: 'table-header-group', cards: 'block' });
  await page.pdf({ path: path.replace(/\.html$/, '.pdf'), format: 'A4' });
  await page.close();
  return shown;
}

const COMPARED = ['Sources', 'What to check', 'What most sources report', 'Each source alone', 'The same quote in different words',
  'Names spelled differently', 'Framing', 'Verbatim reuse'];

test('the demo with the reader’s corrections: JSON, every CSV table and the HTML report carry them', async () => {
  const { page, problems } = await openApp();
  await page.click('#demo-button');
  await waitForAnalysis(page, 4);
  await page.click('[data-tab="documents"]');
  // The reader brings a boilerplate line back into the first article...
  const lines = () => page.$$eval('article.doc[data-doc="0"] .boilerplate-line', (nodes) => nodes.length);
  const before = await lines();
  await page.click('article.doc[data-doc="0"] label.toggle input');
  await page.click('article.doc[data-doc="0"] .boilerplate-line');
  await page.waitForFunction((n) => document.querySelectorAll('article.doc[data-doc="0"] .boilerplate-line').length === n - 1, before);
  // ...and corrects the second one's outlet.
  await page.fill('input[aria-label="Outlet of document 2"]', 'Corrected Post');
  await page.press('input[aria-label="Outlet of document 2"]', 'Enter');
  await page.click('[data-tab="comparison"]');
  await page.waitForFunction(() => document.querySelector('#tab-comparison').textContent.includes('2. Corrected Post'));

  const { report, corrections, tables, html } = await exportAll(page);
  assert.equal(report.documents.length, 4);
  assert.ok(report.comparison.statements.length >= 3);
  assert.ok(corrections.facts.some((f) => f.doc === 'northbay-post.txt' && f.outlet === 'Corrected Post'), JSON.stringify(corrections.facts));
  assert.ok(corrections.flipped.some((f) => f.doc === 'rws-wire.txt' && f.lines.length === 1), JSON.stringify(corrections.flipped));
  assert.equal(report.documents[1].outlet, 'Corrected Post', 'the report is the corrected one');
  assert.equal(tables.documents[1].source, '2. Corrected Post');
  assert.equal(tables.documents[1].corrected_by_reader, 'outlet');
  assert.ok(tables.quotes.some((q) => q.speaker === 'Ilse Marrow' && q.source === '1. RWS'));
  assert.ok(tables.discrepancies.some((d) => d.kind === 'quantity' && d.verdict === 'conflicting'), 'the disagreeing number');

  const shown = await openReport(html, 'export-demo.html');
  assert.deepEqual(shown.headings.filter((h) => COMPARED.includes(h)), COMPARED);
  assert.ok(shown.headings.includes('The reader’s corrections'));
  assert.match(shown.text, /2\. Corrected Post: the reader set its outlet\./);
  assert.match(shown.text, /1\. RWS: the reader moved 1 line between article and boilerplate\./);
  assert.equal(shown.sourceRows, 4);
  assert.ok(shown.text.includes('Ilse Marrow'));
  assert.ok(shown.title.startsWith('Parallax report: '));
  assert.deepEqual(problems, []);
});

test('the five seed articles: every export parses and has one row per item of the report', async () => {
  const { page, problems } = await openApp();
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  assert.equal(files.length, 5);
  await page.setInputFiles('#file-input', files);
  await waitForAnalysis(page, 5);
  const { report, corrections, tables, html } = await exportAll(page);
  assert.equal(report.documents.length, 5);
  assert.deepEqual(corrections.facts, []);
  assert.ok(tables.quotes.some((q) => q.speaker === 'Igor Konashenkov'));
  assert.equal(tables.reuse.length, report.comparison.reuse.length);
  assert.ok(tables.entities.length > 50, `entities: ${tables.entities.length}`);
  const shown = await openReport(html, 'export-seeds.html');
  assert.equal(shown.sourceRows, 5);
  assert.deepEqual(shown.headings.filter((h) => COMPARED.includes(h)), COMPARED);
  assert.ok(!shown.headings.includes('The reader’s corrections'), 'no corrections section when the reader changed nothing');
  assert.deepEqual(problems, []);
});

// Ours: articles carrying a spreadsheet formula and markup, as a hostile page might.
const HOSTILE_A = `Crane falls into Harbourtown harbour

Harbourtown, May 3 (Test Wire).- The old harbour crane collapsed into the water on Friday morning, port officials said.

=HYPERLINK("https://evil.example/steal","Read more") was posted on the port notice board hours later, the officials added.

"We will have a new crane working before the summer <img src=x onerror="window.__pwned=2">," harbour master Odile Brandt told reporters.

@everyone Ferries kept sailing from the north quay all day, the port said.

<script>window.__pwned=1</script> appeared on the port's web page after the collapse.

-7 degrees was the low on the night before the collapse, the weather office said.
`;
const HOSTILE_B = `Harbourtown crane collapses

Harbourtown (Coast Daily) - The old harbour crane collapsed into the water on Friday morning, port officials said.

"We will have a new crane working before the summer <img src=x onerror="window.__pwned=2">," harbour master Odile Brandt said on Friday.

@everyone Ferries kept sailing from the north quay all day, the port said.

Nobody was hurt when the crane fell, a port spokesman said.
`;
const HOSTILE_TITLE = '=HYPERLINK("https://evil.example/title","x") <script>window.__pwned=3</script>';

test('hostile articles: formulas defused in every CSV, the HTML report shows the markup as text and runs nothing', async () => {
  const { page, problems } = await openApp();
  await page.setInputFiles('#file-input', [
    { name: 'crane-wire.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_A) },
    { name: 'crane-daily.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_B) },
  ]);
  await waitForAnalysis(page, 2);
  // The core sets markup lines apart: the reader brings those back, and types markup into a title.
  await page.click('[data-tab="documents"]');
  await page.click('article.doc[data-doc="0"] label.toggle input');
  for (const text of ['__pwned=1', 'HYPERLINK']) {
    await page.click(`article.doc[data-doc="0"] .boilerplate-line:has-text("${text}")`);
    await page.waitForFunction((t) => ![...document.querySelectorAll('article.doc[data-doc="0"] .boilerplate-line')].some((n) => n.textContent.includes(t)), text);
  }
  await page.fill('input[aria-label="Title of document 2"]', HOSTILE_TITLE);
  await page.press('input[aria-label="Title of document 2"]', 'Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#document-list .doc-title')].some((n) => n.textContent.startsWith('=HYPERLINK')));

  const { report, tables, html } = await exportAll(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the page itself ran nothing');
  assert.equal(report.documents[1].title, HOSTILE_TITLE);
  assert.equal(tables.documents[1].title, `'${HOSTILE_TITLE}`);
  const cells = Object.values(tables).flatMap((rows) => rows.flatMap(Object.values));
  for (const start of ['\'=HYPERLINK("https://evil.example/steal"', '\'@everyone Ferries', '\'-7 degrees']) {
    assert.ok(cells.some((cell) => cell.startsWith(start)), `a cell starting ${start}`);
  }

  const shown = await openReport(html, 'export-hostile.html');
  assert.ok(shown.text.includes(HOSTILE_TITLE), 'the typed title, as text');
  assert.ok(shown.text.includes('<script>window.__pwned=1</script> appeared'), 'the script line, as text');
  assert.ok(shown.text.includes('<img src=x onerror="window.__pwned=2">'), 'the image tag, as text');
  assert.equal(shown.title, 'Parallax report: Crane falls into Harbourtown harbour');
  assert.deepEqual(problems, []);
});

test('CSV cells: RFC 4180 quoting, and text a spreadsheet would run gets a leading apostrophe', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  const csv = await page.evaluate(async () => {
    const { csvFile } = await import('./export.js');
    return csvFile(['text', 'number'], [
      ['a, b', 1.5], ['he said "no"', -3], ['two\r\nlines', 0], ['=1+1', null],
      ['+1', undefined], ['-2', 2], ['@SUM(A1)', 3], ['\ttab', 4], ['\rreturn', 5], ['plain', true],
    ]);
  });
  assert.ok(csv.startsWith('\uFEFFtext,number\r\n"a, b",1.5\r\n"he said ""no""",-3\r\n"two\r\nlines",0\r\n'), JSON.stringify(csv));
  assert.deepEqual(parseCsv(csv.slice(1)), [
    ['text', 'number'], ['a, b', '1.5'], ['he said "no"', '-3'], ['two\r\nlines', '0'], ["'=1+1", ''],
    ["'+1", ''], ["'-2", '2'], ["'@SUM(A1)", '3'], ["'\ttab", '4'], ["'\rreturn", '5'], ['plain', 'true'],
  ]);
  assert.deepEqual(problems, []);
});

test('the Markdown download is the summary the worker sent', async (t) => {
  const { page, problems } = await openApp();
  await page.click('#demo-button');
  await waitForAnalysis(page, 4);
  const reply = await page.evaluate(() => window.workerReply);
  assert.ok(reply, 'the worker replied');
  const button = await page.$('[data-export="markdown"]');
  if (reply.markdown === undefined) {
    assert.equal(await button.isDisabled(), true);
    assert.match(await page.$eval('#exports', (n) => n.textContent), /Markdown summary is unavailable/);
    t.skip('the worker sends no markdown: www/pkg predates the { report, markdown } reply');
    return;
  }
  const { name, bytes } = await save(page, 'markdown');
  assert.match(name, SAFE_NAME);
  assert.ok(name.endsWith('.md'));
  assert.equal(bytes.toString('utf8'), reply.markdown);
  assert.ok(reply.markdown.startsWith('# Parallax report'));
  assert.deepEqual(problems, []);
});
