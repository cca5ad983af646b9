// Hostile input never runs and never loads anything: markup in an article,
// a pasted text, a file name or an embedding page is text, shown as text.
// Each flow runs twice: under the page's own Content-Security-Policy (which
// must be in effect), and with it stripped, to show that the rendering itself
// never turns text into markup (the policy is a second wall, not the first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, PROJECT, TARGET, waitForAnalysis } from './browser.js';

const env = useBrowser();

// Each line would do something if it were ever read as HTML.
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<a href="javascript:window.__pwned=3">read more</a>',
  '<iframe src="https://example.com/"></iframe>',
  '<link rel=stylesheet href="https://example.com/x.css">',
  '<style>@import url(https://example.com/y.css)</style>',
  '<svg onload="window.__pwned=4"></svg>',
];

// Our own story, told with the payloads inside it, so that they sit in
// sentences, quotes and statements the views show and link.
const HOSTILE_TEXT = `Ferry service to Tallow Island halted after engine fire
${PAYLOADS.join('\n')}
The ferry service to Tallow Island was halted on Friday after a fire in an engine room, the operator said.
"We will not sail again until the cause is known ${PAYLOADS[1]}," said captain Orla Venn.
Forty passengers were taken back to the mainland.
`;

const HOSTILE_HTML = `<!doctype html><html><head><title>Ferry halted ${PAYLOADS[0]}</title>
<script>window.__pwned=11</script>
<link rel=stylesheet href="https://example.com/x.css">
<style>@import url(https://example.com/y.css)</style>
<meta http-equiv="refresh" content="0;url=https://example.com/">
</head><body onload="window.__pwned=12">
<article><h1>Ferry to Tallow Island halted</h1>
<p>The ferry service to Tallow Island was halted on Friday after a fire in an engine room, the operator said.</p>
<p><img src="https://example.com/z.png" onerror="window.__pwned=13">Forty passengers were taken back to the mainland.</p>
<iframe src="https://example.com/"></iframe><svg onload="window.__pwned=14"></svg>
<p><a href="javascript:window.__pwned=15">More on the ferry</a></p>
</article></body></html>`;

const BENIGN_TEXT = `Tallow Island ferry stopped by fire
The ferry service to Tallow Island was halted on Friday after a fire in an engine room, the operator said.
Sixty passengers were taken back to the mainland, a spokesman said.
`;

const HOSTILE_NAME = '<img src=x onerror="window.__pwned=5">.txt';

// Before any page script: the sentinel, and a record of what the policy blocks.
async function watch(page, origin) {
  await page.addInitScript(() => {
    window.__pwned = undefined;
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  // Nothing is fetched from elsewhere even if a request were made: the test never touches the network.
  await page.route((url) => url.origin !== origin, (route) => route.abort());
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  return { requests, problems };
}

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>/;

// The page as served, or with its policy removed.
async function serve(page, url, path, withPolicy) {
  if (withPolicy) return;
  const html = readFileSync(join(PROJECT, 'www', path), 'utf8');
  assert.match(html, CSP_META, `${path} has the policy to strip`);
  await page.route(new URL(path, url).href, (route) => route.fulfill({ contentType: 'text/html', body: html.replace(CSP_META, '') }));
}

// What must hold after every step: no script ran, no markup was made of text.
async function assertInert(page, origin, requests, where) {
  const state = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].map((n) => n.shadowRoot).filter(Boolean)];
    const all = roots.flatMap((root) => [...root.querySelectorAll('*')]);
    return {
      pwned: window.__pwned,
      handlers: all.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.localName}[${a.name}]`)),
      scripts: all.filter((n) => n.localName === 'script' && !n.src).length,
      made: all.filter((n) => ['iframe', 'img', 'svg', 'style', 'object', 'embed'].includes(n.localName)).map((n) => n.localName),
      javascriptLinks: all.filter((n) => /^\s*javascript:/i.test(n.getAttribute('href') || '')).length,
      foreignLoads: all.filter((n) => ['link', 'script'].includes(n.localName) && (n.href || n.src)
        && !/^data:/.test(n.href || n.src) && new URL(n.href || n.src).origin !== location.origin).map((n) => n.outerHTML),
    };
  });
  assert.deepEqual(state, { pwned: undefined, handlers: [], scripts: 0, made: [], javascriptLinks: 0, foreignLoads: [] }, where);
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], `${where}: requests outside the page's origin`);
}

// The policy is in effect: an inline script is refused (and reported), and nothing else was.
async function assertPolicy(page) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'hostile input triggered the policy: something was read as markup');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = "inline"';
    document.head.append(script);
  });
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.match((await page.evaluate(() => window.__violations)).join('\n'), /^script-src/);
}

// Every tab, every item hovered, every summary opened and each kind of link followed.
async function visitEveryTab(page, origin, requests) {
  const tabs = await page.$$eval('[role=tab]', (nodes) => nodes.map((n) => n.dataset.tab));
  assert.deepEqual(tabs, ['overview', 'side-by-side', 'comparison', 'documents', 'quotes']);
  for (const tab of tabs) {
    const panel = `#tab-${tab}`;
    await page.click(`[role=tab][data-tab="${tab}"]`);
    await page.waitForSelector(`${panel}:not([hidden])`);
    for (const summary of await page.locator(`${panel} summary:visible`).all()) await summary.click();
    const items = await page.locator(`${panel} [data-hl]:visible, ${panel} mark:visible`).all();
    for (const item of items.slice(0, 60)) await item.hover();
    for (const button of (await page.locator(`${panel} th button:visible`).all()).slice(0, 4)) await button.click();
    await assertInert(page, origin, requests, `after the ${tab} tab`);
    const links = await page.locator(`${panel} a[data-goto]:visible`).count();
    if (links) {
      await page.locator(`${panel} a[data-goto]:visible`).first().click();
      await page.waitForSelector('#tab-documents:not([hidden])');
      await page.click(`[role=tab][data-tab="${tab}"]`);
    }
  }
}

for (const withPolicy of [true, false]) {
  const policy = withPolicy ? 'under the page’s policy' : 'with the policy stripped';

  test(`files, a paste and a file name full of markup stay text in every view (${policy})`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(env.server.url).origin;
    const { requests, problems } = await watch(page, origin);
    await serve(page, env.server.url, 'index.html', withPolicy);
    await page.goto(env.server.url);
    await page.setInputFiles('#file-input', [
      { name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_TEXT) },
      { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) },
      { name: HOSTILE_NAME, mimeType: 'text/plain', buffer: Buffer.from(BENIGN_TEXT) },
    ]);
    await waitForAnalysis(page, 3);
    await page.click('#paste-panel summary');
    await page.fill('#paste-name', `pasted ${PAYLOADS[6]}`);
    await page.fill('#paste-text', HOSTILE_TEXT.replace('Friday', 'Friday evening'));
    await page.click('#paste-add');
    await waitForAnalysis(page, 4);
    await assertInert(page, origin, requests, 'after the analysis');

    // The names are shown as written, but for slashes: a name is never a path.
    const names = await page.$$eval('#document-list li input', (nodes) => nodes.map((n) => n.value));
    assert.ok(names.includes(HOSTILE_NAME), `names: ${names}`);
    assert.ok(names.includes(`pasted ${PAYLOADS[6]}`.replace(/[\\/]/g, '-')), `names: ${names}`);

    await visitEveryTab(page, origin, requests);

    // Each payload is in the Documents view literally, as text, in the text file and in the paste.
    await page.click('[role=tab][data-tab="documents"]');
    const texts = await page.$$eval('#tab-documents article.doc', (nodes) => nodes.map((n) => n.textContent));
    assert.equal(texts.length, 4);
    const carrying = texts.filter((text) => PAYLOADS.every((payload) => text.includes(payload)));
    assert.equal(carrying.length, 2, 'the text file and the paste show every payload as written');
    // The saved page is read for its article: its markup does nothing and is not shown.
    assert.ok(texts.some((text) => text.includes('Forty passengers were taken back') && !text.includes('__pwned=1')));
    await page.screenshot({ path: join(TARGET, `e2e-hostile-${withPolicy ? 'csp' : 'nocsp'}.png`) });

    await page.waitForTimeout(300); // anything deferred (an image's error, a frame's load) would have fired by now
    await assertInert(page, origin, requests, 'at the end');
    if (withPolicy) await assertPolicy(page);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`an embedding page's markup-like text and attributes never run (${policy})`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(env.server.url).origin;
    const { requests, problems } = await watch(page, origin);
    const html = readFileSync(join(PROJECT, 'www/embed.html'), 'utf8');
    const meta = withPolicy ? html.match(CSP_META)[0] : '';
    const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    // Served from the same origin as the element, as a page embedding it would be.
    await page.route(`${env.server.url}hostile-embed.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><meta charset="utf-8">${meta}
        <script type="module" src="parallax-compare.js"></script></head><body>
        <parallax-compare>
          <article data-name="${escape(HOSTILE_NAME)}" data-outlet="${escape(PAYLOADS[0])}">${escape(HOSTILE_TEXT)}</article>
          <article data-name="benign.txt" data-outlet="${escape(PAYLOADS[3])}">${escape(BENIGN_TEXT)}</article>
        </parallax-compare></body></html>`,
    }));
    await page.goto(`${env.server.url}hostile-embed.html`);
    const status = () => page.evaluate(() => document.querySelector('parallax-compare').shadowRoot.querySelector('.status').textContent);
    await page.waitForFunction(() => document.querySelector('parallax-compare')?.shadowRoot?.querySelector('.status')?.textContent === 'Compared 2 articles.', null, { timeout: 30000 });
    const shown = await page.evaluate(() => document.querySelector('parallax-compare').shadowRoot.textContent);
    assert.ok(shown.includes(HOSTILE_NAME), 'the name is shown as written');
    assert.ok(shown.includes(`1. ${PAYLOADS[0]}`), 'the outlet labels the source as written');
    assert.ok(shown.includes(PAYLOADS[1]), 'the quote with markup in it is shown as written');
    for (const link of await page.locator('parallax-compare [data-hl]:visible').all()) await link.hover();
    await assertInert(page, origin, requests, 'the element from its children');

    // Through the property too, with markup in every field.
    await page.evaluate((payloads) => {
      document.querySelector('parallax-compare').articles = payloads.map((payload, i) => ({
        name: `doc ${i}.txt`, outlet: payload, text: `${payload}\nThe ferry to Tallow Island was halted on Friday, the operator said. ${payload}\n`,
      }));
    }, PAYLOADS);
    await page.waitForFunction((n) => document.querySelector('parallax-compare').shadowRoot.querySelector('.status').textContent === `Compared ${n} articles.`, PAYLOADS.length);
    const sources = await page.evaluate(() => [...document.querySelector('parallax-compare').shadowRoot.querySelectorAll('.sources li')].map((li) => li.textContent));
    assert.equal(sources.length, PAYLOADS.length, `status: ${await status()}`);
    PAYLOADS.forEach((payload, i) => assert.ok(sources[i].startsWith(`${i + 1}. ${payload}`), sources[i]));
    await page.waitForTimeout(300);
    await assertInert(page, origin, requests, 'the element from its property');
    if (withPolicy) await assertPolicy(page);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
