// The embeddable parts: analyze() from parallax.js and <parallax-compare>,
// each in a page with the app's strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, PROJECT, TARGET, openPage } from './browser.js';

const env = useBrowser();

const POLICY = readFileSync(join(PROJECT, 'www/index.html'), 'utf8').match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)[0];

// Our own two articles about one invented event.
const ARTICLES = [
  { name: 'quay.txt', outlet: 'Quay Times', date: '2024-03-02', text: 'Crane stalls at the east quay\nA crane at the east quay stopped on Friday, the port authority said.\nAbout 200 containers are waiting to be unloaded, the port said.\n' },
  { name: 'coast.txt', text: 'Coast Weekly\nPort crane breaks down\nA crane at the east quay stopped on Friday, the port authority said.\nSome 350 containers are waiting to be unloaded, the port said.\n' },
];

// A page of the server's origin under the app's policy, for calling the API from.
async function apiPage() {
  const { page, problems, requests } = await openPage(env.browser, 'about:blank');
  await page.route(`${env.server.url}api.html`, (route) => route.fulfill({
    contentType: 'text/html', body: `<!doctype html><html><head>${POLICY}<title>api</title></head><body></body></html>`,
  }));
  await page.goto(`${env.server.url}api.html`);
  return { page, problems, requests };
}

const statusOf = (page, selector = 'parallax-compare') => page.waitForFunction((s) => {
  const text = document.querySelector(s)?.shadowRoot?.querySelector('.status')?.textContent || '';
  return !/…/.test(text) && text;
}, selector, { timeout: 30000 }).then((handle) => handle.jsonValue());

test('analyze() resolves to the report of both articles, with the outlet and date they were given', async () => {
  const { page, problems, requests } = await apiPage();
  const result = await page.evaluate(async (articles) => {
    const { analyze } = await import('/parallax.js');
    const stages = [];
    const report = await analyze(articles, { onProgress: (stage) => stages.push(stage) });
    return { stages, report };
  }, ARTICLES);
  const { report, stages } = result;
  assert.equal(report.version, 1);
  assert.deepEqual(report.documents.map((d) => d.name), ['quay.txt', 'coast.txt']);
  assert.deepEqual(report.errors, []);
  assert.equal(report.documents[0].outlet, 'Quay Times');
  assert.equal(report.documents[0].date, '2024-03-02');
  assert.ok(report.comparison.statements.length >= 1, 'the shared sentence is a statement');
  assert.ok(report.comparison.discrepancies.some((d) => d.kind === 'quantity' && d.verdict === 'conflicting'), 'about 200 against some 350');
  assert.deepEqual(stages.slice(0, 2), ['starting the analysis', 'loading the analyzer']);
  assert.ok(stages.includes('analyzing 2 documents'), `stages: ${stages}`);
  assert.ok(requests.every((url) => url.startsWith(env.server.url)), `requests: ${requests}`);
  assert.deepEqual(problems, []);
});

test('analyze() rejects cleanly: aborted, past its time limit, or given bad articles; calls at once each resolve', async () => {
  const { page, problems } = await apiPage();
  const outcomes = await page.evaluate(async (articles) => {
    const { analyze } = await import('/parallax.js');
    const outcome = (promise) => promise.then((report) => `resolved ${report.documents.length}`, (error) => `${error instanceof Error ? 'Error' : 'not an Error'} ${error.name}: ${error.message}`);
    const aborted = new AbortController();
    const abortedRun = outcome(analyze(articles, { signal: aborted.signal, onProgress: (stage) => { if (stage === 'loading the analyzer') aborted.abort(); } }));
    const before = new AbortController();
    before.abort();
    return {
      aborted: await abortedRun,
      abortedBefore: await outcome(analyze(articles, { signal: before.signal })),
      abortedWithReason: await outcome(analyze(articles, { signal: AbortSignal.abort(new Error('the reader left')) })),
      timeLimit: await outcome(analyze(articles, { timeLimitMs: 1 })),
      afterwards: await outcome(analyze(articles)),
      together: await Promise.all([outcome(analyze(articles)), outcome(analyze(articles.slice(0, 1)))]),
      none: await outcome(analyze([])),
      noText: await outcome(analyze([{ name: 'a.txt' }])),
      twice: await outcome(analyze([articles[0], articles[0]])),
      path: await outcome(analyze([{ name: 'news/a.txt', text: 'x' }])),
    };
  }, ARTICLES);
  assert.deepEqual(outcomes, {
    aborted: 'Error AbortError: The analysis was cancelled.',
    abortedBefore: 'Error AbortError: The analysis was cancelled.',
    abortedWithReason: 'Error Error: the reader left',
    timeLimit: 'Error Error: The analysis took longer than 0.001 s and was stopped.',
    afterwards: 'resolved 2',
    together: ['resolved 2', 'resolved 1'],
    none: 'Error TypeError: analyze() needs an array of one or more articles.',
    noText: 'Error TypeError: Article "a.txt" has neither text (a string) nor bytes (a Uint8Array or ArrayBuffer).',
    twice: 'Error TypeError: Two articles are named "quay.txt": names must be unique.',
    path: 'Error TypeError: Article name "news/a.txt" has a slash: give a name, not a path.',
  });
  assert.deepEqual(problems, []);
});

test('embed.html: the element compares its children in its shadow root, styled, without touching the page', async () => {
  const { page, problems, requests } = await openPage(env.browser, `${env.server.url}embed.html`);
  assert.equal(await statusOf(page), 'Compared 3 articles.');
  const shown = await page.locator('parallax-compare').evaluate(({ shadowRoot: root }) => ({
    sources: [...root.querySelectorAll('.sources li')].map((li) => li.textContent),
    conflicting: [...root.querySelectorAll('.discrepancy.conflicting .values li')].map((li) => li.textContent),
    consensus: root.querySelectorAll('.consensus li').length,
    stylesheets: [...root.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname),
    border: getComputedStyle(root.querySelector('.discrepancy.conflicting')).borderLeftColor,
  }));
  assert.deepEqual(shown.sources, [
    '1. Harbour Gazette — Footbridge in Kessby closed after cracks found (harbour-gazette.txt)',
    '2. Lomm Valley Courier — Kessby shuts Brannock bridge over cracked supports (lomm-valley-courier.txt)',
    '3. Northern Wire — Cracks close footbridge in Kessby (northern-wire.txt)',
  ]);
  assert.deepEqual(shown.conflicting, ['About 3,000 — 1. Harbour Gazette', 'Some 4,500 — 2. Lomm Valley Courier']);
  assert.ok(shown.consensus >= 2, `consensus: ${shown.consensus}`);
  assert.deepEqual(shown.stylesheets, ['/style.css', '/parallax-compare.css']);
  assert.equal(shown.border, 'rgb(179, 38, 30)', 'the shared stylesheet applies inside the shadow root');
  // The children are data: not shown themselves.
  assert.equal(await page.locator('parallax-compare > article').first().isVisible(), false);
  await page.screenshot({ path: join(TARGET, 'e2e-embed.png'), fullPage: true });

  // A place link tells the page where it points instead of moving it.
  await page.evaluate(() => document.addEventListener('parallax-goto', (event) => { window.lastGoto = event.detail.id; }));
  await page.locator('parallax-compare .discrepancy a[data-goto]').first().click();
  assert.match(await page.evaluate(() => window.lastGoto), /^fact-0-quantity-\d+$/);
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.ok(requests.every((url) => url.startsWith(env.server.url) || url.startsWith('data:')), `requests: ${requests}`);
  assert.deepEqual(problems, []);
});

test('the element re-renders when its articles change: property, children, their data', async () => {
  const { page, problems } = await openPage(env.browser, `${env.server.url}embed.html`);
  assert.equal(await statusOf(page), 'Compared 3 articles.');
  const labels = () => page.locator('parallax-compare').evaluate(({ shadowRoot: root }) => [...root.querySelectorAll('.sources .source-label')].map((node) => node.textContent));

  await page.evaluate((articles) => { document.querySelector('parallax-compare').articles = articles; }, ARTICLES);
  assert.equal(await statusOf(page), 'Compared 2 articles.');
  assert.deepEqual(await labels(), ['1. Quay Times', '2. coast.txt']);
  assert.equal(await page.evaluate(() => document.querySelector('parallax-compare').report.documents.length), 2);

  // Without the property, the children again; a new child is a new comparison…
  await page.evaluate(() => {
    const element = document.querySelector('parallax-compare');
    element.articles = null;
    const extra = document.createElement('article');
    extra.dataset.name = 'river-radio.txt';
    extra.dataset.outlet = 'River Radio';
    extra.textContent = 'Kessby footbridge shut\nThe Brannock footbridge over the river Lomm was closed on Sunday after cracks were found, the town council said.\n';
    element.append(extra);
  });
  assert.equal(await statusOf(page), 'Compared 4 articles.');
  assert.equal((await labels())[3], '4. River Radio');
  // …and so is a changed outlet.
  await page.evaluate(() => { document.querySelector('parallax-compare > article').dataset.outlet = 'Gazette of the Harbour'; });
  await page.waitForFunction(() => document.querySelector('parallax-compare').shadowRoot.querySelector('.sources li').textContent.startsWith('1. Gazette of the Harbour'));
  assert.equal(await statusOf(page), 'Compared 4 articles.');
  assert.deepEqual(problems, []);
});

test('the src attribute reads same-origin text files and refuses other sites', async () => {
  const { page, problems, requests } = await openPage(env.browser, `${env.server.url}embed.html`);
  await statusOf(page);
  await page.evaluate(() => {
    for (const [id, src] of [['files', 'demo/rws-wire.txt  demo/northbay-post.txt'], ['elsewhere', 'demo/rws-wire.txt https://example.com/story.txt'], ['missing', 'demo/none.txt']]) {
      const element = document.createElement('parallax-compare');
      element.id = id;
      element.setAttribute('src', src);
      document.body.append(element);
    }
  });
  assert.equal(await statusOf(page, '#files'), 'Compared 2 articles.');
  const links = await page.locator('#files').evaluate(({ shadowRoot: root }) => [...root.querySelectorAll('.sources a')].map((a) => [a.textContent, new URL(a.href).pathname]));
  assert.deepEqual(links, [['rws-wire.txt', '/demo/rws-wire.txt'], ['northbay-post.txt', '/demo/northbay-post.txt']]);
  assert.equal(await statusOf(page, '#elsewhere'), 'https://example.com/story.txt is not on this page\'s site: only same-origin files are read.');
  assert.equal(await statusOf(page, '#missing'), 'demo/none.txt could not be read (404).');
  assert.ok(!requests.some((url) => url.includes('example.com')));
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
});
