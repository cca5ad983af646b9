// A document that makes the core panic costs only that document. The page is
// served with a debug build of the core at /pkg/ (scripts/test.sh builds it
// into target/e2e-pkg): debug builds panic on a text carrying the test marker.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, SEEDS, PROJECT, openPage, waitForAnalysis, openEveryView } from './browser.js';

const DEBUG_PKG = join(PROJECT, 'target/e2e-pkg');
const MARKER = 'PARALLAX-TEST-PANIC';

const env = useBrowser({ '/pkg/': DEBUG_PKG, '/real-pkg/': DEBUG_PKG });
before(() => {
  assert.ok(existsSync(join(DEBUG_PKG, 'parallax_bg.wasm')),
    `${DEBUG_PKG} is missing: scripts/test.sh builds it (wasm-pack build --dev --out-dir target/e2e-pkg …)`);
});

// The routes here must see every request the page makes, and a service
// worker's fetches pass them by.
const NO_SERVICE_WORKER = { serviceWorkers: 'block' };
const text = (name, body) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
const messages = (page) => page.$$eval('#messages li', (nodes) => nodes.map((n) => n.textContent));

test('a document that panics the core is named, the five seeds are still analyzed, and the page keeps working', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url, NO_SERVICE_WORKER);
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(join(SEEDS, f)) }));
  assert.equal(seeds.length, 5);
  await page.setInputFiles('#file-input', [
    ...seeds,
    text('broken.txt', `Harbour crane stalls\nA crane at the east quay stopped on Monday, the port said. ${MARKER}\n`),
  ]);
  await waitForAnalysis(page, 5);
  const failure = (await messages(page)).filter((m) => m.includes('broken.txt'));
  assert.equal(failure.length, 1, `messages: ${await messages(page)}`);
  assert.match(failure[0], /^broken\.txt: could not be analyzed: internal error \(forced by the test marker at src\/lib\.rs:\d+\)$/);
  const list = await page.$$eval('#document-list li', (nodes) => nodes.map((n) => [n.querySelector('input').value, n.querySelector('.doc-title').textContent]));
  assert.equal(list.length, 6);
  assert.deepEqual(list.find(([name]) => name === 'broken.txt'), ['broken.txt', 'not analyzed']);
  assert.equal(list.filter(([, title]) => title && title !== 'not analyzed').length, 5, `list: ${list}`);
  await openEveryView(page);
  assert.equal(await page.$$eval('#tab-documents article.doc', (n) => n.length), 5);
  assert.equal(await page.$$eval('#tab-comparison table.reuse td[data-share]', (n) => n.length), 20, 'the five are still compared');

  // The worker recovered: another article is analyzed beside the bad one…
  await page.setInputFiles('#file-input', [text('extra.txt', 'Quay reopens\nThe east quay reopened on Tuesday after the crane was repaired, the port said.\n')]);
  await waitForAnalysis(page, 6);
  assert.ok((await messages(page)).some((m) => m.includes('broken.txt')));
  // …and without it, nothing is reported missing.
  await page.click('button[aria-label="Remove broken.txt"]');
  await page.waitForFunction(() => !document.getElementById('messages').textContent.includes('broken.txt')
    && document.getElementById('status').textContent.includes('Analyzed 6 '));
  // The only console errors are the core's own panic reports.
  assert.deepEqual(problems.filter((p) => !p.includes('forced by the test marker')), []);
});

test('when only the comparison fails, each document is still shown, with a message saying so', async () => {
  // Stands in for a bug across documents: the core traps whenever it gets more than one.
  const { page, problems } = await openPage(env.browser, env.server.url, NO_SERVICE_WORKER, (opening) => opening.route(/\/pkg\/parallax\.js\?/, (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import * as core from '/real-pkg/parallax.js?${new URL(route.request().url()).searchParams}';
      export default core.default;
      export const anyHtml = core.anyHtml;
      export function analyzeJson(names, ...rest) {
        if (names.length > 1) throw new WebAssembly.RuntimeError('unreachable');
        return core.analyzeJson(names, ...rest);
      }`,
  })));
  await page.setInputFiles('#file-input', [
    text('quay.txt', 'Quay reopens\nThe east quay reopened on Tuesday, the port said.\n'),
    text('crane.txt', 'Crane repaired\nEngineers repaired the crane overnight, a spokeswoman said.\n'),
  ]);
  await waitForAnalysis(page, 2);
  assert.deepEqual(await messages(page), ['the documents could not be compared: internal error (unreachable)']);
  await page.click('[data-tab="documents"]');
  assert.equal(await page.$$eval('#tab-documents article.doc', (n) => n.length), 2);
  assert.deepEqual(problems, []);
});

// Stands in for a worker that dies (as on running out of memory): the first `deaths` loads die on their first request.
// Opens the page with its first `deaths` workers dying on the first analysis
// they get (the page's warm-up, sent as it opens, they ignore).
async function withDyingWorkers(deaths) {
  let loads = 0;
  const opened = await openPage(env.browser, env.server.url, NO_SERVICE_WORKER, (page) => page.route('**/worker.js', (route) => {
    loads += 1;
    if (loads > deaths) return route.continue();
    return route.fulfill({
      contentType: 'text/javascript',
      body: "self.onmessage = (event) => { if (!event.data.warm) setTimeout(() => { throw new Error('simulated'); }); };",
    });
  }));
  return { ...opened, loads: () => loads };
}

test('a worker that dies is replaced and the documents are analyzed again', async () => {
  const { page, problems, loads } = await withDyingWorkers(1);
  await page.setInputFiles('#file-input', [text('quay.txt', 'Quay reopens\nThe east quay reopened on Tuesday, the port said.\n')]);
  await waitForAnalysis(page, 1);
  assert.equal(loads(), 2);
  assert.deepEqual(problems, []);
});

test('a worker that dies twice gets a message, the documents are kept for the next try', async () => {
  const { page, problems, loads } = await withDyingWorkers(2);
  await page.setInputFiles('#file-input', [text('quay.txt', 'Quay reopens\nThe east quay reopened on Tuesday, the port said.\n')]);
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('The analyzer stopped'));
  assert.ok((await messages(page)).some((m) => m.includes('Your documents are kept')));
  assert.equal(await page.$$eval('#document-list li', (n) => n.length), 1);
  await page.setInputFiles('#file-input', [text('crane.txt', 'Crane repaired\nEngineers repaired the crane overnight, a spokeswoman said.\n')]);
  await waitForAnalysis(page, 2);
  assert.equal(loads(), 3);
  assert.deepEqual(problems, []);
});
