// The reader's work survives a reload: documents, their order, names and
// corrections (flipped lines, outlets, dates, a reassigned speaker) kept in
// IndexedDB; forgetting it takes a confirmation; the last removed document
// can be restored; documents move up and down from the keyboard; a paste is
// named by its first line; and a browser without storage says so and still analyzes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, waitForAnalysis } from './browser.js';

const env = useBrowser();

// Each test opens its own context, so each starts with an empty store.
const DEMO = ['rws-wire.txt', 'northbay-post.txt', 'continental-daily.txt', 'vellmar-herald.txt'];

// The page has loaded what was saved and rendered it.
const loaded = (page) => page.waitForSelector('#document-list:not([aria-busy])', { state: 'attached' });
// Waits until every change so far is written (the page saves shortly after a change).
const saved = (page) => page.evaluate(() => import('./store.js').then((store) => store.flush()));
const listNames = (page) => page.$$eval('#document-list li [data-control="name"]', (inputs) => inputs.map((i) => i.value));
const messages = (page) => page.$$eval('#messages li', (nodes) => nodes.map((n) => n.textContent));
// Each document's heading in the Documents view: its number, outlet (or name) and file name.
const headings = (page) => page.$$eval('#tab-documents article.doc .file-name', (nodes) => nodes.map((n) => n.parentElement.textContent));
const speakers = (page) => page.$$eval('#tab-quotes table.quotes .speaker-name', (names) => names.map((n) => n.textContent));
const outlet = (page, name) => page.$eval(`#document-list input[aria-label="Outlet of ${name}"]`, (i) => i.value);

async function demo(page) {
  await loaded(page);
  await page.click('#demo-button');
  await waitForAnalysis(page, 4);
}

// The analysis that follows a change has finished when the report shows
// `names` in this order, in the Documents view (open: a view is drawn when shown).
const reportShows = (page, names) => page.waitForFunction((expected) => {
  const shown = [...document.querySelectorAll('#tab-documents article.doc .file-name')].map((n) => n.textContent);
  return JSON.stringify(shown) === JSON.stringify(expected) && /Analyzed/.test(document.getElementById('status').textContent);
}, names);

test('a reload brings back the documents in their order, with their names, flipped lines, outlets, dates and a reassigned speaker', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await demo(page);

  // A boilerplate line of the first document flipped in the Documents view.
  await page.click('[data-tab="documents"]');
  const boilerplate = () => page.$$eval('article.doc[data-doc="0"] .boilerplate-line', (nodes) => nodes.length);
  const before = await boilerplate();
  assert.ok(before > 0);
  await page.click('article.doc[data-doc="0"] label.toggle input');
  await page.click('article.doc[data-doc="0"] .boilerplate-line');
  await page.waitForFunction((n) => document.querySelectorAll('article.doc[data-doc="0"] .boilerplate-line').length === n - 1, before);

  // An outlet and a date set in the list; a rename; the last document moved up.
  await page.fill('#document-list input[aria-label="Outlet of continental-daily.txt"]', 'Our Own Outlet');
  await page.press('#document-list input[aria-label="Outlet of continental-daily.txt"]', 'Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#tab-documents article.doc .file-name')].some((n) => n.parentElement.textContent.startsWith('3. Our Own Outlet')));
  await page.fill('#document-list input[aria-label="Date of northbay-post.txt"]', '2031-04-02');
  await page.press('#document-list input[aria-label="Date of northbay-post.txt"]', 'Enter');
  await page.fill('#document-list li:first-child [data-control="name"]', 'wire copy.txt');
  await page.press('#document-list li:first-child [data-control="name"]', 'Enter');
  await page.click('button[aria-label="Move vellmar-herald.txt up"]');
  const order = ['wire copy.txt', 'northbay-post.txt', 'vellmar-herald.txt', 'continental-daily.txt'];
  assert.deepEqual(await listNames(page), order);
  await reportShows(page, order);
  assert.equal(await page.$eval('#tab-documents input[aria-label="Date of document 2"]', (i) => i.value), '2031-04-02',
    'the list and the Documents view edit the same facts');
  const shown = await headings(page);
  assert.ok(shown.includes('4. Our Own Outletcontinental-daily.txt'), `headings: ${shown}`);

  // A speaker reassigned in the quotes table (one of the reader's edits).
  await page.click('[data-tab="quotes"]');
  const brandt = (await speakers(page)).indexOf('Jonas Brandt');
  assert.ok(brandt >= 0);
  await page.locator('#tab-quotes table.quotes .change-speaker').nth(brandt).click();
  await page.fill('#tab-quotes table.quotes .speaker-input', 'Vellmar fire service');
  await page.press('#tab-quotes table.quotes .speaker-input', 'Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('#tab-quotes table.quotes .speaker-name')].some((n) => n.textContent === 'Vellmar fire service'));
  const quoted = await speakers(page);
  await saved(page);

  await page.reload();
  await waitForAnalysis(page, 4);
  assert.deepEqual(await listNames(page), order);
  assert.equal(await outlet(page, 'continental-daily.txt'), 'Our Own Outlet');
  assert.equal(await page.$eval('#document-list input[aria-label="Date of northbay-post.txt"]', (i) => i.value), '2031-04-02');
  await page.click('[data-tab="documents"]');
  assert.deepEqual(await headings(page), shown);
  assert.equal(await boilerplate(), before - 1, 'the flipped line is still flipped');
  await page.click('[data-tab="quotes"]');
  assert.deepEqual(await speakers(page), quoted, 'the speaker stays reassigned');
  assert.deepEqual(problems, []);
});

test('forgetting the saved work asks first, then empties the page and the store', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await demo(page);
  await page.click('#document-tools button.forget');
  assert.equal(await page.$eval('#forget-dialog', (d) => d.open), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'forget-no', 'the safe choice has the focus');
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#forget-dialog', (d) => d.open), false);
  assert.deepEqual(await listNames(page), DEMO, 'keeping is the default');

  await page.click('#document-tools button.forget');
  await page.click('#forget-yes');
  assert.deepEqual(await listNames(page), []);
  await page.waitForFunction(() => document.getElementById('results').hidden);
  assert.equal(await page.$$eval('#document-tools button', (b) => b.length), 0);
  await saved(page);

  await page.reload();
  await loaded(page);
  assert.deepEqual(await listNames(page), []);
  assert.equal(await page.$eval('#results', (r) => r.hidden), true);
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open(`parallax ${new URL('./', location.href).pathname}`);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const transaction = request.result.transaction(['texts', 'work']);
      const texts = transaction.objectStore('texts').count();
      const work = transaction.objectStore('work').count();
      transaction.oncomplete = () => { resolve(texts.result + work.result); request.result.close(); };
    };
  }));
  assert.equal(stored, 0, 'nothing is left in IndexedDB');
  assert.deepEqual(problems, []);
});

test('the last removed document comes back in its place with its corrections', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await demo(page);
  await page.fill('#document-list input[aria-label="Outlet of northbay-post.txt"]', 'Northbay Restored');
  await page.press('#document-list input[aria-label="Outlet of northbay-post.txt"]', 'Enter');
  await page.click('[data-tab="documents"]');
  await page.click('article.doc[data-doc="1"] label.toggle input');
  const boilerplate = () => page.$$eval('article.doc[data-doc="1"] .boilerplate-line', (nodes) => nodes.length);
  const before = await boilerplate();
  await page.click('article.doc[data-doc="1"] .boilerplate-line');
  await page.waitForFunction((n) => document.querySelectorAll('article.doc[data-doc="1"] .boilerplate-line').length === n - 1, before);
  // Removed from the keyboard: the restore button takes the focus.
  await page.focus('button[aria-label="Remove northbay-post.txt"]');
  await page.keyboard.press('Enter');
  const rest = ['rws-wire.txt', 'continental-daily.txt', 'vellmar-herald.txt'];
  assert.deepEqual(await listNames(page), rest);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Restore northbay-post.txt');
  await reportShows(page, rest);

  await page.keyboard.press('Enter');
  assert.deepEqual(await listNames(page), DEMO, 'back in its place');
  assert.equal(await outlet(page, 'northbay-post.txt'), 'Northbay Restored');
  await reportShows(page, DEMO);
  assert.equal((await headings(page))[1], '2. Northbay Restorednorthbay-post.txt');
  await page.click('article.doc[data-doc="1"] label.toggle input');
  assert.equal(await boilerplate(), before - 1, 'its flipped line too');
  assert.equal(await page.$$eval('#document-tools button[data-control="restore"]', (b) => b.length), 0, 'one restore only');
  await saved(page);
  await page.reload();
  await waitForAnalysis(page, 4);
  assert.deepEqual(await listNames(page), DEMO);
  assert.equal(await outlet(page, 'northbay-post.txt'), 'Northbay Restored');
  assert.deepEqual(problems, []);
});

test('moving a document up or down, from the keyboard, changes the report order', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await demo(page);
  await page.click('[data-tab="documents"]');
  const down = 'button[aria-label="Move northbay-post.txt down"]';
  // The controls are in the tab order, after the document's date.
  await page.focus('#document-list input[aria-label="Date of northbay-post.txt"]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move northbay-post.txt up');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move northbay-post.txt down');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move northbay-post.txt down', 'the focus follows the document');
  await page.keyboard.press('Enter');
  // At the bottom, the disabled button hands the focus to the other one.
  assert.equal(await page.$eval(down, (b) => b.disabled), true);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move northbay-post.txt up');
  const order = ['rws-wire.txt', 'continental-daily.txt', 'vellmar-herald.txt', 'northbay-post.txt'];
  assert.deepEqual(await listNames(page), order);
  await reportShows(page, order);
  assert.equal(await page.$eval('button[aria-label="Move rws-wire.txt up"]', (b) => b.disabled), true);
  assert.deepEqual(await page.$$eval('#document-list .doc-index', (nodes) => nodes.map((n) => n.textContent)), ['1', '2', '3', '4']);
  assert.deepEqual(problems, []);
});

test('a paste is named by its first line and can be renamed; a typed name wins; many dropped files are all kept', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await loaded(page);
  await page.click('#paste-panel summary');
  await page.fill('#paste-text', '  Harbour crane stalls after a power cut at the east quay  \n\nA crane at the east quay stopped on Monday, the port said.\n');
  await page.click('#paste-add');
  const long = `${'Ferry timetable '.repeat(8)}changes`; // 135 characters
  await page.fill('#paste-text', `\n${long}\nThe ferry leaves an hour later from Tuesday, the operator said.\n`);
  await page.click('#paste-add');
  await page.fill('#paste-name', 'my own name');
  await page.fill('#paste-text', 'Quay reopens\nThe east quay reopened on Tuesday, the port said.\n');
  await page.click('#paste-add');
  const names = await listNames(page);
  assert.equal(names[0], 'Harbour crane stalls after a power cut at the east quay');
  assert.ok(names[1].length <= 81 && names[1].endsWith('…') && long.startsWith(names[1].slice(0, -1)), `name: ${names[1]}`);
  assert.equal(names[2], 'my own name');
  assert.equal(await page.$eval('#paste-name', (i) => i.value), '', 'the name box is emptied for the next paste');
  await page.fill('#document-list li:first-child [data-control="name"]', 'crane.txt');
  await page.press('#document-list li:first-child [data-control="name"]', 'Enter');

  // Three files dropped at once.
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    for (const n of [1, 2, 3]) transfer.items.add(new File([`Dropped ${n}\nThe pier was painted on Friday, the council said.\n`], `dropped-${n}.txt`, { type: 'text/plain' }));
    document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await waitForAnalysis(page, 6);
  const all = ['crane.txt', names[1], 'my own name', 'dropped-1.txt', 'dropped-2.txt', 'dropped-3.txt'];
  assert.deepEqual(await listNames(page), all);
  await saved(page);
  await page.reload();
  await waitForAnalysis(page, 6);
  assert.deepEqual(await listNames(page), all);
  assert.deepEqual(problems, []);
});

test('without IndexedDB (as in some private windows) the reader is told, and the page still analyzes', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(env.server.url);
  await demo(page);
  const shown = await messages(page);
  assert.ok(shown.some((m) => m.includes('cannot be kept in this browser') && m.includes('insecure')), `messages: ${shown}`);
  await page.click('[data-tab="documents"]');
  assert.equal(await page.$$eval('#tab-documents article.doc', (n) => n.length), 4);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full storage quota is reported when saving, and the page still analyzes', async () => {
  // No service worker: its cache would count against the quota too.
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(env.server.url);
  await loaded(page);
  // A real QuotaExceededError: Chromium's quota for this origin cut to 200 KB.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(env.server.url).origin, quotaSize: 200_000 });
  const body = 'The council met on Monday and agreed the harbour budget, a spokeswoman said. '.repeat(8000); // 600 KB
  await page.setInputFiles('#file-input', [
    { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(`Harbour budget agreed\n\n${body}`) },
    { name: 'small.txt', mimeType: 'text/plain', buffer: Buffer.from('Budget passes\nThe council agreed the budget on Monday, the mayor said.\n') },
  ]);
  await waitForAnalysis(page, 2, 60000);
  await saved(page);
  const shown = await messages(page);
  assert.ok(shown.some((m) => m.includes('could not be saved') && m.includes('full')), `messages: ${shown}`);
  await page.click('[data-tab="documents"]');
  assert.equal(await page.$$eval('#tab-documents article.doc', (n) => n.length), 2);

  // Without the big one, the save succeeds and the message goes.
  await page.click('button[aria-label="Remove big.txt"]');
  await saved(page);
  await page.waitForFunction(() => !document.getElementById('messages').textContent.includes('could not be saved'));
  await page.reload();
  await waitForAnalysis(page, 1);
  assert.deepEqual(await listNames(page), ['small.txt']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('files dropped while the saved work is still loading are kept, after the saved documents', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.click('#demo-button');
  await waitForAnalysis(page, 4);
  await saved(page);
  // The store answers late on the next load, as a slow disk would.
  await page.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args) => {
      const request = open(...args);
      const late = new Proxy(request, {
        set(target, key, value) {
          if (key === 'onsuccess') target.onsuccess = (event) => setTimeout(() => value.call(target, event), 1500);
          else target[key] = value;
          return true;
        },
        get(target, key) { const v = target[key]; return typeof v === 'function' ? v.bind(target) : v; },
      });
      return late;
    };
  });
  await page.reload();
  assert.ok(await page.$('#document-list[aria-busy]'), 'the saved work is still loading');
  await page.setInputFiles('#file-input', [{ name: 'late.txt', mimeType: 'text/plain',
    buffer: Buffer.from('Quay reopens\nThe east quay reopened on Tuesday after repairs, the port said.\n') }]);
  await loaded(page);
  await waitForAnalysis(page, 5);
  assert.deepEqual(await listNames(page), [...DEMO, 'late.txt']);
  assert.deepEqual(problems, []);
});
