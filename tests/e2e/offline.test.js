// Offline use: after one visit the service worker (www/sw.js) has every file
// of www/, and with the network gone a reload still shows the page, and the
// demo and a saved HTML page (the second bundle) are still analyzed, at the
// root of a host and under a sub-path; a new version replaces the old cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { launch, PROJECT, waitForAnalysis } from './browser.js';
import { serveWww } from './server.js';

const WWW = join(PROJECT, 'www');
const PAGE = join(PROJECT, 'tests/fixtures/pages/ferry-strike.html');

let browser;
before(async () => { browser = await launch(); });
after(() => browser?.close());

// Every file of www/ but the service worker itself and dotfiles (the build's .gitignore).
function wwwFiles(dir = WWW) {
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.')).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? wwwFiles(path) : [relative(WWW, path)];
  }).filter((path) => path !== 'sw.js').sort();
}

// A first visit on its own server and context: the page, once its service worker is active.
async function firstVisit(options, overrides = {}) {
  const server = await serveWww(overrides, options);
  const hits = [];
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  context.on('request', (request) => hits.push(request.url()));
  await page.goto(server.url);
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.scope));
  return { server, context, page, problems, scope, hits };
}

// The network gone for good: the browser offline, every request that reaches it refused, the server stopped.
async function goOffline({ server, context }) {
  await context.setOffline(true);
  await context.route('**', (route) => route.abort('internetdisconnected'));
  server.close();
}

// Reloads with `saved` documents from the first visit; adds the demo and a saved page.
async function analyzeOffline(page, saved = 0) {
  await page.reload();
  assert.equal(await page.$eval('h1', (h) => h.textContent), 'Parallax');
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page comes from the service worker');
  await page.waitForSelector('#document-list:not([aria-busy])', { state: 'attached' });
  assert.equal(await page.$$eval('#document-list li', (items) => items.length), saved);
  await page.click('#demo-button');
  await waitForAnalysis(page, saved + 4);
  await page.click('[data-tab="comparison"]');
  assert.ok(await page.$$eval('#tab-comparison table.statements tbody tr', (rows) => rows.length) >= 3);
  await page.setInputFiles('#file-input', [PAGE]);
  await waitForAnalysis(page, saved + 5);
  const titles = await page.$$eval('#document-list .doc-title', (nodes) => nodes.map((n) => n.textContent));
  assert.ok(titles.includes('Ferry crews end nine-day strike on the Osk line'), `titles: ${titles}`);
}

test('the service worker caches every file in www/, and registers under the page’s Content-Security-Policy', async () => {
  const visit = await firstVisit();
  const { page, context, server, problems, scope } = visit;
  assert.equal(scope, server.url);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((name) => name.startsWith('parallax ')));
    return { names, urls: (await cache.keys()).map((request) => request.url) };
  });
  assert.equal(cached.names.length, 1);
  assert.match(cached.names[0], new RegExp(`^parallax ${server.url} v\\d+$`), 'the cache is named by the copy of the app and a version');
  const listed = cached.urls.map((url) => url.slice(server.url.length)).sort();
  assert.deepEqual(listed, wwwFiles(), 'SHELL in www/sw.js lists every file of www/');
  assert.deepEqual(problems, [], 'no Content-Security-Policy violation nor any other error');
  await context.close();
  server.close();
});

test('with the network gone after the first visit, a reload shows the page and the demo and a saved page are analyzed', async () => {
  const visit = await firstVisit();
  await goOffline(visit);
  await analyzeOffline(visit.page);
  assert.deepEqual(visit.problems, []);
  await visit.context.close();
});

test('served under a sub-path, the page loads, analyzes, stays inside its path and works offline', async () => {
  const visit = await firstVisit({ base: '/nested/path/' });
  const { page, server, scope, hits } = visit;
  assert.equal(scope, server.url, 'the service worker’s scope is the sub-path');
  await page.click('#demo-button');
  await waitForAnalysis(page, 4);
  const outside = hits.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:'));
  assert.deepEqual(outside, [], 'every request stays under the sub-path');
  await page.evaluate(() => import('./store.js').then((store) => store.flush()));
  await goOffline(visit);
  await analyzeOffline(page, 4);
  assert.deepEqual(visit.problems, []);
  await visit.context.close();
});

test('a new VERSION in sw.js replaces the cache, and the caches of other copies of the app are left alone', async () => {
  const overrides = {};
  const visit = await firstVisit({}, overrides);
  const { page, context, server } = visit;
  const other = 'parallax http://127.0.0.1:1/another/copy/ v1';
  await page.evaluate((name) => caches.open(name), other);
  // The next release: www/ as it is, with the version raised.
  const release = mkdtempSync(join(tmpdir(), 'parallax-release-'));
  for (const name of readdirSync(WWW).filter((n) => n !== 'sw.js')) symlinkSync(join(WWW, name), join(release, name));
  const sw = readFileSync(join(WWW, 'sw.js'), 'utf8');
  const version = Number(sw.match(/^const VERSION = (\d+);$/m)[1]);
  writeFileSync(join(release, 'sw.js'), sw.replace(`const VERSION = ${version};`, `const VERSION = ${version + 1};`));
  overrides['/'] = release;
  const names = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    const worker = registration.installing || registration.waiting;
    await new Promise((resolve) => {
      const check = () => { if (worker.state === 'activated') resolve(); };
      worker.addEventListener('statechange', check);
      check();
    });
    return caches.keys();
  });
  assert.deepEqual(names.sort(), [`parallax ${server.url} v${version + 1}`, other].sort());
  assert.deepEqual(visit.problems, []);
  await context.close();
  server.close();
  rmSync(release, { recursive: true });
});
