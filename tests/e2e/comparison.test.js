// The comparison's views on the five seed articles: the overview (what to
// check, what most report, who reports what, each source alone), side by
// side, framing, and links and highlights back into the sources' text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, TARGET, SEEDS, openPage, waitForAnalysis, openEveryView } from './browser.js';

const env = useBrowser();

const seedFiles = () => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));

async function openSeeds() {
  const opened = await openPage(env.browser, env.server.url);
  const files = seedFiles();
  assert.equal(files.length, 5);
  await opened.page.setInputFiles('#file-input', files);
  await waitForAnalysis(opened.page, files.length);
  return opened;
}

// The element with keyboard focus, where it is and whether it is in view.
const focused = (page) => page.evaluate(() => {
  const active = document.activeElement;
  const box = active.getBoundingClientRect();
  return {
    id: active.id, text: active.textContent, doc: active.closest('article.doc')?.dataset.doc,
    visible: box.bottom > 0 && box.top < innerHeight, tab: active.closest('.tab-panel')?.id,
  };
});

test('the overview: the discrepancy to check, the consensus, the matrix sorted and linked, each source alone', async () => {
  const { page, problems } = await openSeeds();
  assert.equal(await page.$eval('[role=tab][aria-selected=true]', (t) => t.dataset.tab), 'overview', 'the overview comes first');

  // 53 against some 50: consistent within approximation, each value with its source and a link.
  const discrepancies = await page.$$eval('#tab-overview .discrepancy', (items) => items.map((li) => ({
    verdict: li.querySelector('.verdict').textContent, kind: li.dataset.kind, reason: li.querySelector('.reason')?.textContent,
    values: [...li.querySelectorAll('.values li')].map((v) => ({ text: v.querySelector('a').textContent, source: v.querySelector('.value-source').textContent, href: v.querySelector('a').getAttribute('href') })),
  })));
  const prisoners = discrepancies.find((d) => d.kind === 'quantity' && d.values.some((v) => v.text === '53') && d.values.some((v) => v.text === 'some 50'));
  assert.ok(prisoners, JSON.stringify(discrepancies.slice(0, 3)));
  assert.equal(prisoners.verdict, 'Consistent');
  assert.match(prisoners.reason, /within approximation/);
  assert.ok(prisoners.values.every((v) => /— \d\. /.test(v.source) && v.href.startsWith('#fact-')), JSON.stringify(prisoners.values));
  const verdicts = discrepancies.map((d) => d.verdict);
  assert.deepEqual(verdicts, [...verdicts].sort((a, b) => (a === 'Conflicting' ? 0 : 1) - (b === 'Conflicting' ? 0 : 1)), 'conflicting first');

  // A value's link opens the Documents view at that number.
  await page.click('#tab-overview .discrepancy .values a:text-is("some 50")');
  let target = await focused(page);
  assert.equal(target.tab, 'tab-documents');
  assert.equal(target.text, 'some 50');
  assert.ok(target.visible);
  await page.click('[data-tab="overview"]');

  // The lede statement: the four ledes that say it, whatever other sentence joins them.
  const consensus = await page.$$eval('#tab-overview ol.consensus > li', (items) => items.map((li) => {
    const key = li.dataset.hl;
    const docs = [...li.querySelectorAll('.carried a')].map((a) => a.dataset.goto.split('-').pop());
    // A span's whole text in one document: its pieces in the Documents view, in order.
    const text = (doc, k) => [...document.querySelectorAll(`#tab-documents article.doc[data-doc="${doc}"] [data-key~="${k}"]`)]
      .filter((piece) => !piece.parentElement.closest(`[data-key~="${k}"]`)).map((piece) => piece.textContent).join('');
    return {
      text: li.querySelector('.statement-text').textContent, docs,
      ledeOf: docs.filter((doc) => {
        const [first, own] = [text(doc, `sent-${doc}-0`), text(doc, key)];
        return own && first && (first.includes(own) || own.includes(first));
      }),
    };
  }));
  const lede = consensus.find((c) => c.ledeOf.length >= 4 && /directly involved|direct involvement/.test(c.text));
  assert.ok(lede, JSON.stringify(consensus));
  assert.ok(consensus.every((c) => c.docs.length >= 3), 'more than half of the five');

  // The matrix: consensus at the top, statements of one source at the bottom.
  const counts = () => page.$$eval('#tab-overview table.matrix tbody tr', (trs) => trs.map((tr) => Number(tr.querySelector('td.count').textContent)));
  const initial = await counts();
  assert.ok(initial.length > 10, `rows: ${initial.length}`);
  assert.equal(initial[0], Math.max(...initial));
  assert.ok(initial[0] >= 4, 'a statement most sources carry on top');
  assert.equal(initial[initial.length - 1], 1);
  assert.deepEqual(initial, [...initial].sort((a, b) => b - a));
  assert.ok(await page.$('#tab-overview table.matrix tbody tr.consensus-row:first-child'));
  // Sorting by a header, a button, and back.
  await page.click('#tab-overview table.matrix th button[data-sort="count"]');
  const ascending = await counts();
  assert.deepEqual(ascending, [...initial].sort((a, b) => a - b));
  assert.equal(await page.$eval('#tab-overview table.matrix th:has(button[data-sort="count"])', (th) => th.getAttribute('aria-sort')), 'ascending');
  await page.click('#tab-overview table.matrix th button[data-sort="doc-0"]');
  const firstSource = await page.$$eval('#tab-overview table.matrix tbody tr', (trs) => trs.map((tr) => tr.children[2].classList.contains('has')));
  const carried = firstSource.filter(Boolean).length;
  assert.ok(carried > 0 && firstSource.slice(0, carried).every(Boolean), 'the first source’s rows first');
  await page.click('#tab-overview table.matrix th button[data-sort="text"]');
  const texts = await page.$$eval('#tab-overview table.matrix tbody th.statement', (ths) => ths.map((th) => th.textContent.toLowerCase()));
  assert.deepEqual(texts, [...texts].sort((a, b) => a.localeCompare(b)));
  await page.click('#tab-overview table.matrix th button[data-sort="count"]');
  assert.deepEqual(await counts(), initial, 'most sources first again');

  // A cell opens its sentence in the Documents view.
  const cell = await page.$eval('#tab-overview table.matrix tbody tr:first-child td.has:nth-child(4) a', (a) => ({ id: a.dataset.goto, text: a.closest('tr').querySelector('th').textContent }));
  await page.click('#tab-overview table.matrix tbody tr:first-child td.has:nth-child(4) a');
  target = await focused(page);
  assert.equal(target.tab, 'tab-documents');
  assert.equal(target.id, cell.id);
  assert.equal(target.doc, '1', 'the sentence of the column’s source');
  assert.ok(target.visible);
  assert.ok(target.text.length > 20, target.text);
  assert.equal(await page.$eval(`#${cell.id}`, (node) => node.classList.contains('region')), true);
  await page.click('[data-tab="overview"]');

  // Each source alone: what it alone says and what it leaves out.
  const cards = await page.$$eval('#tab-overview .source-card', (cs) => cs.map((c) => ({
    alone: c.querySelectorAll('.alone li').length, omits: c.querySelectorAll('.omits li').length,
  })));
  assert.equal(cards.length, 5);
  assert.ok(cards.every((c) => c.alone > 0), JSON.stringify(cards));
  assert.ok(cards.some((c) => c.omits > 0), JSON.stringify(cards));

  await page.evaluate(() => document.querySelector('.tabs').scrollIntoView());
  await page.screenshot({ path: join(TARGET, 'overview.png'), fullPage: false });
  assert.deepEqual(problems, []);
});

test('hovering a statement lights it in every source that carries it; focus does too', async () => {
  const { page, problems } = await openSeeds();
  await openEveryView(page); // the Documents view drawn, then hidden
  const item = '#tab-overview ol.consensus > li:first-child';
  const key = await page.$eval(item, (li) => li.dataset.hl);
  const lit = () => page.evaluate((k) => [...document.querySelectorAll(`#tab-documents article.doc`)]
    .filter((a) => a.querySelector(`.region.hl[data-key~="${k}"]`)).map((a) => a.dataset.doc), key);
  assert.deepEqual(await lit(), []);
  await page.hover(`${item} .statement-text`);
  const sources = await page.$$eval(`${item} .carried a`, (as) => as.map((a) => a.dataset.goto.split('-').pop()));
  assert.ok(sources.length >= 3, `sources: ${sources}`);
  assert.deepEqual(await lit(), sources, 'lit in each source that carries it');
  // The matrix row of the same statement lights as well.
  assert.ok(await page.$(`#tab-overview table.matrix tr.hl[data-key~="${key}"]`));
  // The pointer off to the side of the page, where no scrolling brings the results under it.
  await page.mouse.move(1275, 5);
  assert.deepEqual(await lit(), []);
  // Keyboard focus on a link lights it the same way.
  await page.focus(`${item} .carried a`);
  assert.deepEqual(await lit(), sources);
  // In the Documents view, the statement's pieces carry the highlight class.
  await page.click(`${item} .carried a`);
  const pieces = await page.$$eval(`#tab-documents .region.hl[data-key~="${key}"]`, (ps) => ps.length);
  assert.ok(pieces >= 4, `pieces: ${pieces}`);
  assert.deepEqual(problems, []);
});

test('side by side: two sources, aligned statements with word differences and reused passages', async () => {
  const { page, problems } = await openSeeds();
  await page.click('[data-tab="side-by-side"]');
  const picked = () => page.$$eval('#tab-side-by-side .picker input:checked', (bs) => bs.map((b) => b.value));
  assert.deepEqual(await picked(), ['0', '1'], 'the first two to begin with');
  // Sources 2 and 3 (EFE and the Evening Standard) share statements and passages.
  await page.uncheck('#tab-side-by-side .picker input[value="0"]');
  assert.ok(await page.$('#tab-side-by-side .notice'), 'one source is not a comparison');
  await page.check('#tab-side-by-side .picker input[value="2"]');
  assert.deepEqual(await picked(), ['1', '2']);
  const rows = await page.$$eval('#tab-side-by-side table.side-by-side tbody tr', (trs) => trs.map((tr) => ({
    cells: [...tr.querySelectorAll('td.aligned')].map((td) => ({
      doc: td.dataset.doc, text: td.querySelector('.wording').textContent,
      added: [...td.querySelectorAll('ins')].map((n) => n.textContent), removed: [...td.querySelectorAll('del')].map((n) => n.textContent),
      reused: td.querySelectorAll('.reused').length, link: td.querySelector('a.goto')?.dataset.goto,
    })),
  })));
  const headers = await page.$$eval('#tab-side-by-side table.side-by-side thead th', (ths) => ths.map((th) => th.textContent));
  assert.equal(headers.length, 2);
  assert.ok(rows.length >= 3, `rows: ${rows.length}`);
  for (const row of rows) {
    assert.deepEqual(row.cells.map((c) => c.doc), ['1', '2'], 'each row aligns the two sources');
    assert.deepEqual([row.cells[0].added, row.cells[0].removed], [[], []], 'the first source is the reference');
    assert.ok(row.cells.every((c) => c.link), 'each wording links to its place');
  }
  assert.ok(rows.some((r) => r.cells[1].added.length > 0 && r.cells[1].removed.length > 0), 'word differences shown');
  assert.ok(rows.some((r) => r.cells.every((c) => c.reused > 0)), 'a passage both share is marked in both');
  const lede = rows.find((r) => /undeniably/.test(r.cells[0].text));
  assert.ok(lede, 'the ministry’s statement is aligned');
  assert.match(await page.$eval('#tab-side-by-side .reuse-note', (p) => p.textContent), /\d+ %/);

  // A third source adds a column.
  await page.check('#tab-side-by-side .picker input[value="3"]');
  assert.equal(await page.$$eval('#tab-side-by-side table.side-by-side thead th', (ths) => ths.length), 3);
  await page.uncheck('#tab-side-by-side .picker input[value="3"]');
  await page.mouse.move(1275, 5);
  await page.evaluate(() => document.querySelector('.tabs').scrollIntoView());
  await page.screenshot({ path: join(TARGET, 'side-by-side.png'), fullPage: false });
  assert.deepEqual(problems, []);
});

test('framing per source, reuse pairs with their passages, quote groups linking to the quotes', async () => {
  const { page, problems } = await openSeeds();
  await page.click('[data-tab="comparison"]');
  const framing = await page.$$eval('#tab-comparison table.framing tbody tr', (trs) => trs.map((tr) => ({
    source: tr.querySelector('th').textContent,
    headline: tr.querySelector('.headline-verb').textContent,
    voices: [...tr.querySelectorAll('.voices li.voice')].map((li) => li.textContent),
    verbs: tr.querySelector('.verbs').textContent,
  })));
  assert.equal(framing.length, 5);
  const konashenkov = framing.filter((f) => f.voices.some((v) => v.startsWith('Igor Konashenkov')));
  assert.ok(konashenkov.length >= 1, JSON.stringify(framing.map((f) => f.voices)));
  assert.ok(konashenkov.some((f) => f.source.startsWith('2. ')), 'a voice of the EFE story');
  assert.match(konashenkov[0].voices.find((v) => v.startsWith('Igor Konashenkov')), /\d+ quotes?, \d+ words?/);
  assert.ok(framing.filter((f) => f.headline !== 'none' && f.headline !== 'no headline').length >= 3, JSON.stringify(framing.map((f) => f.headline)));
  assert.ok(framing.some((f) => /Russia/.test(f.verbs)), 'verbs by side');

  // Reuse: the matrix keeps its 20 cells; the pairs list their passages.
  assert.equal(await page.$$eval('#tab-comparison table.reuse td[data-share]', (n) => n.length), 20);
  const pairs = await page.$$eval('#tab-comparison .reuse-pair', (ps) => ps.map((p) => ({ head: p.querySelector('h3').textContent, passages: p.querySelectorAll('.passage dd').length })));
  assert.ok(pairs.length >= 1 && pairs.every((p) => /\d+ %/.test(p.head) && p.passages >= 2), JSON.stringify(pairs));
  await page.click('#tab-comparison .reuse-pair .passage dt a');
  assert.equal((await focused(page)).tab, 'tab-documents');
  await page.click('[data-tab="comparison"]');
  await page.click('#tab-comparison table.quote-group th a');
  const quote = await focused(page);
  assert.equal(quote.tab, 'tab-documents');
  assert.match(quote.id, /^quote-/);
  // The variants table is still there.
  assert.ok((await page.$$('#tab-comparison table.variants tbody tr')).length > 0);
  assert.deepEqual(problems, []);
});
