// 1,000 generated articles: once the report arrives, drawing the views never
// freezes the page (no task near a second, with every tab opened, a link
// followed into a late document and the Documents view scrolled), and the
// overview is up within seconds. The figures are appended to
// target/page-measurements.txt; the bounds are generous, never exact timings.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, PROJECT, TARGET, openPage, waitForAnalysis, recordTasks, tasksAfterReport } from './browser.js';

const ARTICLES = 1000;
const env = useBrowser();
let corpus;

before(() => {
  const jsonl = execFileSync('cargo', ['run', '--quiet', '--example', 'corpus', '--', '--articles', String(ARTICLES)],
    { cwd: PROJECT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  corpus = jsonl.trim().split('\n').map((line) => JSON.parse(line))
    .map((article) => ({ name: `${article.id}.txt`, mimeType: 'text/plain', buffer: Buffer.from(article.text) }));
});

const steps = []; // when each step of the test began, on the page's clock
const frame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))))
  .then((at) => steps.push(at));

test(`${ARTICLES} articles: the views drawn without freezing the page`, async () => {
  const { page, problems } = await openPage(env.browser, 'about:blank');
  await page.addInitScript(recordTasks);
  await page.goto(env.server.url);
  await page.setInputFiles('#file-input', corpus);
  await waitForAnalysis(page, ARTICLES, 600_000);
  // The overview drawn and painted: the frame after it has content.
  const shownAt = await page.evaluate(() => new Promise((resolve) => {
    const check = () => (document.getElementById('tab-overview').childElementCount ? setTimeout(() => resolve(performance.now())) : requestAnimationFrame(check));
    check();
  }));

  // Each view drawn as it is first shown.
  for (const tab of ['side-by-side', 'comparison', 'documents', 'quotes', 'overview']) {
    await page.click(`#tab-button-${tab}`);
    await frame(page);
  }
  // Per-source columns capped, with a note; the pairs' list instead of their matrix.
  const comparison = await page.evaluate(() => ({
    statementColumns: document.querySelectorAll('#tab-comparison table.statements thead th').length,
    entityHeads: document.querySelectorAll('#tab-comparison table.entities thead th').length,
    notes: document.querySelectorAll('#tab-comparison .left-out').length,
    matrix: document.querySelectorAll('#tab-comparison table.reuse').length,
    overviewColumns: document.querySelectorAll('#tab-overview table.matrix thead th').length,
  }));
  assert.deepEqual(comparison, { statementColumns: 31, entityHeads: 33, notes: 3, matrix: 0, overviewColumns: 32 });

  // A link from the overview into a document not drawn yet draws it and focuses its place.
  const link = await page.$eval('#tab-overview .source-card[data-doc="25"] a.goto', (a) => a.dataset.goto);
  assert.equal(await page.$$eval('#tab-documents article.doc[data-doc="25"] .doc-text', (n) => n.length), 0, 'drawn only when needed');
  await page.$eval('#tab-overview .source-card[data-doc="25"] a.goto', (a) => a.click());
  await frame(page);
  assert.deepEqual(await page.evaluate(() => ({ id: document.activeElement.id, tab: document.activeElement.closest('.tab-panel')?.id })),
    { id: link, tab: 'tab-documents' });

  // Scrolling the Documents view draws the documents it comes to.
  const drawn = () => page.$$eval('#tab-documents article.doc:not(.undrawn)', (n) => n.length);
  const before = await drawn();
  for (let i = 0; i < 10; i += 1) {
    await page.mouse.wheel(0, 3000);
    await frame(page);
  }
  assert.ok(await drawn() > before, `${before} documents drawn, and as many after scrolling`);

  // The quotes: the first few hundred, and a button for all of them.
  await page.click('#tab-button-quotes');
  await frame(page);
  const quotes = await page.evaluate(() => ({
    rows: document.querySelectorAll('#tab-quotes table.quotes tbody tr').length,
    button: document.querySelector('#tab-quotes button.show-all')?.textContent,
  }));
  assert.equal(quotes.rows, 300);
  assert.match(quotes.button, /^Show all \d+ quotes$/);

  const { reportAt, tasks: after, longest: slowest, total } = await tasksAfterReport(page);
  const longest = Math.round(slowest);
  const overview = Math.round(shownAt - reportAt);
  appendFileSync(join(TARGET, 'page-measurements.txt'), `${ARTICLES} articles, after the report: overview shown in ${overview} ms; `
    + `${after.length} long tasks, the longest ${longest} ms (over ${Math.round(total)} ms in all), `
    + 'with every tab opened, a link followed and the documents scrolled\n');
  assert.ok(overview < 3000, `the overview took ${overview} ms after the report`);
  const list = after.map((t) => `${Math.round(t.millis)} ms at +${Math.round(t.start - reportAt)}`).join(', ');
  assert.ok(longest < 1000, `the page froze for ${longest} ms after the report (${list}; steps at ${steps.map((m) => `+${Math.round(m - reportAt)}`)})`);
  assert.deepEqual(problems, []);
});
