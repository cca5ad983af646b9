// Numbers, dates and names in the Documents view: marks by kind in the text,
// the value on hover and on focus, the legend's toggles, the per-document list
// linking to the text, and crossing highlights that never lose or repeat text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, TARGET, SEEDS, openPage, waitForAnalysis } from './browser.js';


const env = useBrowser();

const ARTICLE = 'Harbour storm: aid pledged as clean-up begins\n\n'
  + 'Officials said some 50 people were hurt and $8 billion (£6.55 billion) was pledged on Monday.\n\n'
  + 'Crews worked through the night to clear the quay, and the ferry service is expected to resume later this week, the port authority said in a statement.\n\n'
  + '“We counted 12 boats on Tuesday that had sunk at their moorings,” said Mayor Ana Ruiz, who toured the harbour with rescue teams.\n\n'
  + 'More than 300 volunteers have signed up to help, the council said.\n';

const mark = (text, kind = 'quantity') => `article.doc[data-doc="0"] .doc-text mark[data-kind="${kind}"][id]:text-is("${text}")`;
// The value a mark shows in its tooltip, or null when none is shown.
const shown = (page, selector) => page.$eval(selector, (m) => {
  const { content, display } = getComputedStyle(m, '::after');
  return content === 'none' || display === 'none' ? null : m.dataset.value;
});

test('numbers and dates are marked by kind, show their value on hover and focus, hide with the legend, and the list links to them', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  await page.setInputFiles('#file-input', [{ name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) }]);
  await waitForAnalysis(page, 1);
  await page.click('[data-tab="documents"]');

  const texts = await page.$$eval('.doc-text mark[data-kind="quantity"]', (ms) => ms.map((m) => m.textContent));
  assert.ok(texts.includes('some 50') && texts.includes('$8 billion'), `quantities: ${texts}`);
  const some = await page.$eval(mark('some 50'), (m) => ({
    value: m.dataset.value, tabindex: m.getAttribute('tabindex'),
    description: document.getElementById(m.getAttribute('aria-describedby'))?.textContent,
  }));
  assert.match(some.value, /45–55/);
  assert.match(some.value, /\(count\)/);
  assert.equal(some.tabindex, '0');
  assert.equal(some.description, some.value, 'the value is the mark’s accessible description');
  assert.match(await page.$eval(mark('$8 billion'), (m) => m.dataset.value), /^8,000,000,000 USD/);
  assert.ok(await page.$(mark('Monday', 'date')), 'the date is marked');
  assert.match(await page.$eval(mark('More than 300'), (m) => m.dataset.value), /^≥ 300 \(count\)/);

  // The value shows on hover, and on keyboard focus.
  assert.equal(await shown(page, mark('some 50')), null);
  await page.hover(mark('some 50'));
  assert.equal(await shown(page, mark('some 50')), some.value);
  await page.mouse.move(0, 0);
  await page.focus(mark('$8 billion'));
  await page.keyboard.press('Tab'); // keyboard focus moves on to the next mark
  const focused = await page.evaluate(() => ({ kind: document.activeElement.dataset.kind, text: document.activeElement.textContent }));
  assert.equal(focused.kind, 'quantity');
  assert.equal(focused.text, '£6.55 billion');
  assert.match(await shown(page, mark('£6.55 billion')), /GBP = \$8 billion/);

  // A number and a date inside a quote nest in its mark; the quote stays whole.
  const quote = await page.$eval('.doc-text mark[data-kind="quote"]', (q) => ({
    text: q.textContent, inner: [...q.querySelectorAll('mark.fact')].map((m) => `${m.dataset.kind}:${m.textContent}`),
  }));
  assert.equal(quote.text, '“We counted 12 boats on Tuesday that had sunk at their moorings,”');
  assert.deepEqual(quote.inner, ['quantity:12', 'date:Tuesday']);
  const lines = await page.$$eval('.doc-text .line', (ls) => ls.map((l) => l.textContent).join('\n'));
  assert.equal(lines, ARTICLE.trimEnd(), 'every character once');

  // The legend hides one kind: no underline, no tooltip, out of the tab order; the other kind stays.
  const decoration = (selector) => page.$eval(selector, (m) => getComputedStyle(m).textDecorationLine);
  assert.equal(await decoration(mark('some 50')), 'underline');
  await page.uncheck('.legend input[data-toggle="quantity"]');
  assert.equal(await decoration(mark('some 50')), 'none');
  assert.equal(await page.$eval(mark('some 50'), (m) => m.tabIndex), -1);
  await page.hover(mark('some 50'));
  assert.equal(await shown(page, mark('some 50')), null);
  assert.equal(await decoration(mark('Monday', 'date')), 'underline');
  await page.check('.legend input[data-toggle="quantity"]');
  assert.equal(await decoration(mark('some 50')), 'underline');
  assert.equal(await page.$eval(mark('some 50'), (m) => m.tabIndex), 0);

  // The list gives each value and links to its place in the text.
  await page.click('article.doc[data-doc="0"] details.fact-list summary');
  const items = await page.$$eval('article.doc[data-doc="0"] .fact-list li', (lis) => lis.map((li) => li.textContent));
  assert.ok(items.some((i) => i.startsWith('some 50 ') && i.includes('45–55')), `items: ${items}`);
  assert.ok(items.some((i) => i.startsWith('Monday ')), `items: ${items}`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click('article.doc[data-doc="0"] .fact-list a:text-is("Tuesday")');
  const target = await page.evaluate(() => {
    const active = document.activeElement;
    const box = active.getBoundingClientRect();
    return { kind: active.dataset.kind, text: active.textContent, visible: box.top >= 0 && box.bottom <= innerHeight };
  });
  assert.deepEqual(target, { kind: 'date', text: 'Tuesday', visible: true });
  assert.equal(await shown(page, mark('Tuesday', 'date')), await page.$eval(mark('Tuesday', 'date'), (m) => m.dataset.value));
  assert.deepEqual(problems, []);
});

test('crossing highlights are cut into nested pieces: no text lost or repeated, one focusable mark per fact', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  const text = 'Aid “reached 3 million people by May 2” in all.\nIt ran from 9 to\n11 May, Ana Ruiz said.';
  const at = (needle, extra = {}) => {
    const start = text.indexOf(needle);
    return { start, end: start + needle.length, text: needle, ...extra };
  };
  const doc = {
    name: 'crossing.txt', text, title: null, outlet: null, byline: null, date: null, dateline_place: null,
    boilerplate: [], sentences: [],
    quotes: [at('“reached 3 million people by May 2”', { kind: 'direct', speaker: 'Ana Ruiz', speaker_span: at('Ana Ruiz'), speaker_role: null, cue: 'said' })],
    entities: [at('Ana Ruiz', { type: 'person', canonical: 'Ana Ruiz' })],
    quantities: [
      at('3 million people', { value: 3e6, unit: null, approx: null, kind: 'count', min: 3e6, max: 3e6 }),
      at('9 to\n11', { value: 9, unit: null, approx: null, kind: 'count', range_end: 11, min: 9, max: 11 }),
    ],
    dates: [
      at('Aid “reached', { type: 'DATE', value: null }), // crosses the quote's start
      at('people by May 2” in', { type: 'DATE', value: 'XXXX-05-02' }), // crosses a number and the quote's end
      at('9 to\n11 May', { type: 'DURATION' }), // across a line break, no value field at all
    ],
  };
  const result = await page.evaluate(async (d) => {
    const { renderDocuments } = await import(new URL('views/documents.js', location.href));
    const container = document.body.appendChild(document.createElement('section'));
    renderDocuments(container, { version: 1, documents: [d], errors: [], comparison: {} }, [{}], () => {}, () => {});
    const marks = [...container.querySelectorAll('.doc-text mark.fact')];
    const ids = [...new Set(marks.map((m) => m.dataset.fact))];
    return {
      lines: [...container.querySelectorAll('.doc-text .line')].map((l) => l.textContent).join('\n'),
      quotes: [...container.querySelectorAll('mark[data-kind="quote"]')].map((q) => q.textContent),
      facts: ids.map((id) => [marks.filter((m) => m.dataset.fact === id).map((m) => m.textContent).join('|'),
        marks.filter((m) => m.dataset.fact === id && m.tabIndex === 0 && m.id === id).length]),
      values: marks.filter((m) => m.id).map((m) => m.dataset.value),
      insideQuote: [...container.querySelectorAll('mark[data-kind="quote"] mark.fact')].map((m) => m.textContent),
      speakerEntity: container.querySelector('.speaker mark[data-kind="entity"]')?.textContent,
    };
  }, doc);
  assert.equal(result.lines, text);
  assert.deepEqual(result.quotes, ['“reached 3 million people by May 2”']);
  assert.deepEqual(result.facts.sort(), [
    ['3 million people', 1], ['9 to|11', 1], ['9 to|11 May', 1], ['Ana Ruiz', 1],
    ['Aid |“reached', 1], ['people| by May 2”| in', 1],
  ].sort());
  assert.deepEqual(result.insideQuote, ['“reached', '3 million people', 'people', ' by May 2”']);
  assert.equal(result.speakerEntity, 'Ana Ruiz');
  assert.ok(result.values.includes('unresolved') && result.values.includes('unresolved (duration)'), `values: ${result.values}`);
  assert.ok(result.values.includes('9–11 (count)'), `values: ${result.values}`);
  assert.deepEqual(problems, []);
});

test('the seed articles: numbers and dates marked and listed in each, screenshot of the Documents view', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  await page.setInputFiles('#file-input', files);
  await waitForAnalysis(page, files.length);
  await page.click('[data-tab="documents"]');
  const perDoc = await page.$$eval('#tab-documents article.doc', (articles) => articles.map((a) => ({
    quantities: a.querySelectorAll('.doc-text mark[data-kind="quantity"][id]').length,
    dates: a.querySelectorAll('.doc-text mark[data-kind="date"][id]').length,
    listed: a.querySelectorAll('.fact-list li').length,
    marked: a.querySelectorAll('.doc-text mark.fact[id]').length,
  })));
  for (const doc of perDoc) {
    assert.ok(doc.quantities > 0 && doc.dates > 0, JSON.stringify(perDoc));
    assert.equal(doc.listed, doc.marked, 'every listed fact has its mark');
  }
  await page.click('article.doc[data-doc="0"] details.fact-list summary');
  await page.focus('article.doc[data-doc="0"] .doc-text mark[data-kind="quantity"][id]');
  await page.evaluate(() => document.querySelector('.tabs').scrollIntoView());
  await page.screenshot({ path: join(TARGET, 'facts.png'), fullPage: false });
  assert.deepEqual(problems, []);
});

test('the seed articles: names under one canonical name across sources, and the spellings that differ', async () => {
  const { page, problems } = await openPage(env.browser, env.server.url);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  await page.setInputFiles('#file-input', files);
  await waitForAnalysis(page, files.length);
  await page.click('[data-tab="comparison"]');
  const rows = await page.$$eval('table.entities tbody tr', (trs) => trs.map((tr) => ({
    name: tr.querySelector('th').textContent,
    type: tr.dataset.type,
    sources: tr.querySelectorAll('td.has').length,
  })));
  const row = (name) => rows.find((r) => r.name === name);
  assert.equal(row('Kyiv')?.type, 'place', JSON.stringify(rows.slice(0, 20)));
  assert.equal(row('Kyiv').sources, 5, 'Kiev and Kyiv are one place in all five');
  assert.equal(row('Igor Konashenkov')?.type, 'person');
  assert.ok(!rows.some((r) => r.name === 'Kiev' || r.name === 'Konashenkov'), 'no second row for a spelling or a surname');
  const variants = await page.$$eval('table.variants tbody tr', (trs) => trs.map((tr) => tr.querySelector('.variant-form').textContent));
  for (const form of ['Kiev', 'Kyiv', 'Donbas', 'Donbass', 'HIMARS', 'Himars']) assert.ok(variants.includes(form), `${form} in ${variants}`);
  // Speakers in the quotes table go by the same names.
  await page.click('[data-tab="quotes"]');
  const speakers = await page.$$eval('#tab-quotes tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(speakers.some((s) => s.includes('Igor Konashenkov')));
  await page.click('[data-tab="comparison"]');
  await page.evaluate(() => document.querySelector('table.entities').scrollIntoView());
  await page.screenshot({ path: join(TARGET, 'entities.png'), fullPage: false });
  assert.deepEqual(problems, []);
});
