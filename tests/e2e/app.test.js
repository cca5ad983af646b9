// End to end in headless Chromium: files in through the page, results out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, TARGET, SEEDS, PROJECT, openPage, waitForAnalysis, openEveryView } from './browser.js';


const env = useBrowser();

test('the five seed articles: titles, quotes, reuse overview, no console errors', async () => {
  const { page, problems, requests } = await openPage(env.browser, env.server.url);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  assert.equal(files.length, 5);
  const started = Date.now();
  await page.setInputFiles('#file-input', files);
  await waitForAnalysis(page, 5);
  const elapsed = Date.now() - started;

  const titles = await page.$$eval('#document-list .doc-title', (nodes) => nodes.map((n) => n.textContent));
  assert.equal(titles.length, 5);
  assert.ok(titles.filter((t) => t !== '(no headline)').length >= 4, `titles: ${titles}`);

  await openEveryView(page);
  const report = await page.evaluate(() => ({
    quotesPerDoc: [...document.querySelectorAll('#tab-documents article.doc')].map((a) => a.querySelectorAll('mark[data-kind="quote"]').length),
    speakers: [...document.querySelectorAll('#tab-documents mark[data-kind="quote"]')].map((m) => m.dataset.speaker),
    reuseCells: document.querySelectorAll('#tab-comparison table.reuse td[data-share]').length,
    boilerplate: document.querySelectorAll('#tab-documents [data-kind="boilerplate"]').length,
  }));
  assert.deepEqual(report.quotesPerDoc.map((n) => n > 0), [true, true, true, true, true], `quotes per doc: ${report.quotesPerDoc}`);
  assert.ok(report.speakers.includes('Igor Konashenkov'));
  assert.equal(report.reuseCells, 20, 'a 5 × 5 reuse table without the diagonal');
  assert.ok(report.boilerplate > 20);
  await page.screenshot({ path: join(TARGET, 'e2e-seeds-comparison.png'), fullPage: false });
  await page.click('[data-tab="documents"]');
  await page.screenshot({ path: join(TARGET, 'e2e-seeds-documents.png'), fullPage: false });
  const status = await page.$eval('#status', (node) => node.textContent);
  writeFileSync(join(TARGET, 'e2e-seeds-timing.txt'), `files added to results shown: ${elapsed} ms\nworker: ${status}\n`);
  assert.ok(!requests.some((url) => url.includes('pkg-html')), 'plain text never loads the page reader');
  assert.deepEqual(problems, []);
});

test('the demo loads our own articles and flags the disagreeing number', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.click('#demo-button');
  await waitForAnalysis(page, 4);
  await openEveryView(page);
  const counts = await page.evaluate(() => ({
    documents: document.querySelectorAll('#document-list li').length,
    quotes: document.querySelectorAll('#tab-documents mark[data-kind="quote"]').length,
    statements: document.querySelectorAll('#tab-comparison table.statements tbody tr').length,
    groups: document.querySelectorAll('#tab-comparison table.quote-group').length,
    changes: document.querySelectorAll('#tab-comparison table.quote-group ins, #tab-comparison table.quote-group del').length,
  }));
  assert.ok(counts.changes > 0, 'the reworded quote shows its word diff');
  assert.equal(counts.documents, 4);
  assert.ok(counts.quotes >= 6, `quotes: ${counts.quotes}`);
  assert.ok(counts.statements >= 3, `statements: ${counts.statements}`);
  assert.ok(counts.groups >= 1, 'the governor’s quote is grouped across sources');
  await page.screenshot({ path: join(TARGET, 'e2e-demo.png'), fullPage: false });

  // The quotes table filters by speaker and by source, and sorts by a column.
  await page.click('[data-tab="quotes"]');
  const rows = () => page.$$eval('#tab-quotes table.quotes tbody tr', (nodes) => nodes.length);
  const all = await rows();
  await page.selectOption('#tab-quotes select[aria-label="Filter by speaker"]', 'Ilse Marrow');
  const governor = await rows();
  assert.ok(governor >= 3 && governor < all, `rows: ${governor} of ${all}`);
  const roles = await page.$$eval('#tab-quotes table.quotes .role', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(roles.includes('regional governor'), `roles: ${roles}`);
  await page.selectOption('#tab-quotes select[aria-label="Filter by speaker"]', '');
  await page.selectOption('#tab-quotes select[aria-label="Filter by source"]', { index: 1 });
  assert.ok((await rows()) < all);
  await page.click('#tab-quotes th:nth-child(2) button');

  // A click on a line flips it, and the analysis follows.
  await page.click('[data-tab="documents"]');
  const count = () => page.$$eval('article.doc[data-doc="0"] .boilerplate-line', (nodes) => nodes.length);
  const before = await count();
  await page.click('article.doc[data-doc="0"] label.toggle input');
  await page.click('article.doc[data-doc="0"] .boilerplate-line');
  await page.waitForFunction((n) => document.querySelectorAll('article.doc[data-doc="0"] .boilerplate-line').length === n - 1, before);
  await page.click('article.doc[data-doc="0"] .line:not(.boilerplate-line):not(.blank)');
  await page.waitForFunction((n) => document.querySelectorAll('article.doc[data-doc="0"] .boilerplate-line').length === n, before);
  assert.deepEqual(problems, []);
});

test('a report draws the view shown; another is drawn when shown, and again once the report changed', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.click('#demo-button');
  await waitForAnalysis(page, 4);
  const drawn = () => page.$$eval('[role=tabpanel]', (panels) => Object.fromEntries(panels.map((p) => [p.id, p.childElementCount > 0])));
  assert.deepEqual(await drawn(), { 'tab-overview': true, 'tab-side-by-side': false, 'tab-comparison': false, 'tab-documents': false, 'tab-quotes': false });
  // From the keyboard as by a click.
  await page.focus('[role=tab][aria-selected=true]');
  await page.keyboard.press('ArrowRight');
  assert.ok((await drawn())['tab-side-by-side']);
  await page.click('[data-tab="comparison"]');
  await page.click('[data-tab="documents"]');
  assert.equal(await page.$$eval('#tab-documents article.doc', (n) => n.length), 4);

  // A new report redraws the Documents view, shown; the hidden Comparison keeps the old one until shown.
  const heads = () => page.$$eval('#tab-comparison table.entities thead th', (cells) => cells.map((c) => c.textContent));
  const old = await heads();
  assert.ok(!old.includes('1. Harbour Courier'), `headers: ${old}`);
  await page.fill('article.doc[data-doc="0"] input[aria-label="Outlet of document 1"]', 'Harbour Courier');
  await page.press('article.doc[data-doc="0"] input[aria-label="Outlet of document 1"]', 'Enter');
  await page.waitForFunction(() => document.querySelector('#tab-documents article.doc[data-doc="0"] h2')?.textContent.startsWith('1. Harbour Courier'));
  assert.deepEqual(await heads(), old, 'not redrawn while hidden');
  await page.click('[data-tab="comparison"]');
  assert.ok((await heads()).includes('1. Harbour Courier'), `headers: ${await heads()}`);
  assert.deepEqual(problems, []);
});

test('a binary file gets a message naming it and the rest is still analyzed', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.setInputFiles('#file-input', [
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) },
    { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Storm closes mountain pass\nThe pass road was closed on Sunday after heavy snow, the roads office said.') },
  ]);
  await waitForAnalysis(page, 1);
  const messages = await page.$$eval('#messages li', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(messages.some((m) => m.includes('photo.png') && m.includes('PNG')), `messages: ${messages}`);
  assert.ok(messages.some((m) => m.includes('Only one document')), `messages: ${messages}`);
  assert.deepEqual(problems, []);
});

test('a paste over the size limit stays in the box with a message', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.click('#paste-panel summary');
  await page.evaluate(() => { document.getElementById('paste-text').value = 'word '.repeat(1_200_000); });
  await page.click('#paste-add');
  const messages = await page.$$eval('#messages li', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(messages.some((m) => m.includes('at most 5 MB')), `messages: ${messages}`);
  assert.equal(await page.$eval('#paste-text', (t) => t.value.length), 6_000_000);
  assert.equal(await page.$$eval('#document-list li', (n) => n.length), 0);
  assert.deepEqual(problems, []);
});

test('saved HTML pages load the page reader and keep their metadata', async () => {
  const { page, problems, requests } = await openPage(env.browser, env.server.url);
  const pages = join(PROJECT, 'tests/fixtures/pages');
  await page.setInputFiles('#file-input', ['ferry-strike.html', 'library-reopens.html'].map((f) => join(pages, f)));
  await waitForAnalysis(page, 2);
  await page.click('[data-tab="comparison"]');
  const headers = await page.$$eval('#tab-comparison table.reuse thead th', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(headers.some((h) => h.includes('Harbour Daily')), `headers: ${headers}`);
  const titles = await page.$$eval('#document-list .doc-title', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(titles.includes('Ferry crews end nine-day strike on the Osk line'), `titles: ${titles}`);
  assert.ok(requests.some((url) => url.includes('pkg-html')));
  assert.deepEqual(problems, []);
});
