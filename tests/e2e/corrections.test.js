// The reader corrects the analysis — a document's facts, a name, a speaker —
// and the comparison follows; each correction can be taken back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, waitForAnalysis } from './browser.js';

const env = useBrowser();

// Resolves once a fresh analysis has run and finished: the status was busy since the action.
async function reanalyzed(page, action) {
  await page.evaluate(() => {
    const status = document.getElementById('status');
    window.__busySeen = false;
    window.__statusWatch?.disconnect();
    window.__statusWatch = new MutationObserver(() => { if (status.classList.contains('busy')) window.__busySeen = true; });
    window.__statusWatch.observe(status, { attributes: true, childList: true, subtree: true });
  });
  await action();
  await page.waitForFunction(() => {
    const status = document.getElementById('status');
    return window.__busySeen && !status.classList.contains('busy') && status.textContent.startsWith('Analyzed');
  }, null, { timeout: 30000 });
}

async function openDemo() {
  const opened = await openPage(env.browser, env.server.url);
  await opened.page.click('#demo-button');
  await waitForAnalysis(opened.page, 4);
  return opened;
}

// Types a value into a box and commits it, as a reader does.
async function enter(page, selector, value) {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

const entityRows = (page) => page.$$eval('#tab-comparison table.entities tbody tr',
  (rows) => rows.map((r) => [r.querySelector('th').textContent, [...r.querySelectorAll('td.has')].length]));

test('names: merging two into one and splitting one source out, then undoing both', async () => {
  const { page, problems } = await openDemo();
  await page.click('[data-tab="comparison"]');
  const before = new Map(await entityRows(page));
  assert.ok(before.has('Sarn') && before.has('Old Quay'), `rows: ${[...before.keys()]}`);

  // Same as: one row left, in every source either named.
  const sarn = page.locator('#tab-comparison table.entities tbody tr', { has: page.locator('th', { hasText: /^Sarn$/ }) });
  // As a reader reaches the list (a click or the keyboard), it offers the names.
  const sameAs = sarn.locator('select[aria-label="Sarn is the same as"]');
  assert.equal(await sameAs.locator('option').count(), 1, 'no choices before the list is reached');
  await sameAs.focus();
  await reanalyzed(page, () => sameAs.selectOption('Old Quay'));
  const merged = new Map(await entityRows(page));
  assert.ok(!merged.has('Sarn'), 'the merged name is gone');
  assert.equal(merged.get('Old Quay'), 4);
  const listed = await page.$$eval('#tab-comparison .correction-list li', (items) => items.map((i) => i.textContent));
  assert.deepEqual(listed, ['“Sarn” is the same as “Old Quay” Undo']);

  // Not the same in one source: that source's mentions get a name of their own.
  const marrow = page.locator('#tab-comparison table.entities tbody tr', { has: page.locator('th', { hasText: /^Ilse Marrow$/ }) });
  const sources = before.get('Ilse Marrow');
  await reanalyzed(page, () => marrow.locator('select[aria-label="Ilse Marrow is another in"]').selectOption({ index: 1 }));
  const split = new Map(await entityRows(page));
  assert.equal(split.get('Ilse Marrow'), sources - 1);
  assert.ok([...split.keys()].some((name) => name.startsWith('Ilse Marrow (')), `rows: ${[...split.keys()]}`);

  // Undo both: the analysis is as it was.
  await reanalyzed(page, () => page.click('#tab-comparison .correction-list li:first-child button'));
  await reanalyzed(page, () => page.click('#tab-comparison .correction-list li:first-child button'));
  assert.deepEqual(new Map(await entityRows(page)), before);
  assert.equal(await page.$$eval('#tab-comparison .correction-list', (n) => n.length), 0);
  assert.deepEqual(problems, []);
});

test('a speaker reassigned in the quotes table reaches every view', async () => {
  const { page, problems } = await openDemo();
  await page.click('[data-tab="quotes"]');
  const speakers = () => page.$$eval('#tab-quotes table.quotes .speaker-name', (names) => names.map((n) => n.textContent));
  const before = await speakers();
  const brandt = before.indexOf('Jonas Brandt');
  assert.ok(brandt >= 0, `speakers: ${before}`);
  await reanalyzed(page, async () => {
    await page.locator('#tab-quotes table.quotes .change-speaker').nth(brandt).click();
    const input = page.locator('#tab-quotes table.quotes .speaker-input');
    assert.equal(await input.evaluate((i) => i === document.activeElement), true, 'the box takes the focus');
    await enter(page, '#tab-quotes table.quotes .speaker-input', 'Vellmar fire service');
  });
  const after = await speakers();
  assert.ok(after.includes('Vellmar fire service') && !after.includes('Jonas Brandt'), `speakers: ${after}`);
  await page.click('[data-tab="documents"]');
  const marked = await page.$$eval('#tab-documents mark[data-kind="quote"]', (marks) => marks.map((m) => m.dataset.speaker));
  assert.ok(marked.includes('Vellmar fire service'), `marked: ${marked}`);
  // Saved with the documents (the write that is due made now, as the
  // persistence tests do): a reload brings the correction back.
  await page.evaluate(() => import('./store.js').then((store) => store.flush()));
  await page.reload();
  await waitForAnalysis(page, 4);
  await page.click('[data-tab="quotes"]');
  assert.deepEqual(await speakers(), after);
  await reanalyzed(page, () => page.click('#tab-quotes .correction-list button'));
  assert.deepEqual(await speakers(), before);
  assert.deepEqual(problems, []);
});

test('an outlet and a date set by the reader relabel the sources and re-anchor the dates', async () => {
  const { page, problems } = await openDemo();
  await page.click('[data-tab="documents"]');
  await reanalyzed(page, () => enter(page, 'article.doc[data-doc="0"] input[aria-label="Outlet of document 1"]', 'Harbour Courier'));
  await page.click('[data-tab="comparison"]');
  const headers = await page.$$eval('#tab-comparison table.entities thead th', (cells) => cells.map((c) => c.textContent));
  assert.ok(headers.includes('1. Harbour Courier'), `headers: ${headers}`);
  await page.click('[data-tab="documents"]');

  const dates = () => page.$$eval('article.doc[data-doc="0"] mark[data-kind="date"]', (marks) => marks.map((m) => m.dataset.value || m.title));
  const before = await dates();
  await reanalyzed(page, () => enter(page, 'article.doc[data-doc="0"] input[aria-label="Date of document 1"]', '2031-06-02'));
  const after = await dates();
  assert.notDeepEqual(after, before, 'relative dates count from the new date');
  assert.ok(after.some((d) => d.includes('2031')), `dates: ${after}`);

  await reanalyzed(page, () => enter(page, 'article.doc[data-doc="0"] input[aria-label="Date of document 1"]', 'soon'));
  const messages = await page.$$eval('#messages li', (items) => items.map((i) => i.textContent));
  assert.ok(messages.some((m) => m.includes('“soon”') && m.includes('YYYY-MM-DD')), `messages: ${messages}`);
  assert.deepEqual(problems, []);
});
