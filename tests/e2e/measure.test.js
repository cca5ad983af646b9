// The page's measurements, written to target/page-measurements.txt: the five
// seed articles dropped to the overview shown (and the main thread's drawing
// once their report arrived, and each other view's when first opened), the
// first render of 100 and of 1,000 generated articles, what the page fetches
// (gzipped), and the page staying responsive while 1,000 articles are
// analyzed. The assertions are generous sanity bounds, never exact timings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { useBrowser, PROJECT, SEEDS, TARGET, openPage, recordTasks, tasksAfterReport } from './browser.js';

const env = useBrowser();
const lines = [];
const corpora = {};

// Our invented corpus (examples/corpus.rs), one file per article. The dev
// build gives the same bytes as --release, and `cargo test` has built it already.
before(() => {
  for (const articles of [100, 1000]) {
    const jsonl = execFileSync('cargo', ['run', '--quiet', '--example', 'corpus', '--', '--articles', String(articles)],
      { cwd: PROJECT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    corpora[articles] = jsonl.trim().split('\n').map((line) => JSON.parse(line))
      .map((article) => ({ name: `${article.id}.txt`, mimeType: 'text/plain', buffer: Buffer.from(article.text) }));
    assert.equal(corpora[articles].length, articles);
  }
});

after(() => {
  writeFileSync(join(TARGET, 'page-measurements.txt'), `${lines.join('\n')}\n`);
});

// In the page: from the next drop or file choice (whichever comes first) to the
// overview of `count` documents rendered and painted, with every animation
// frame in between: its time from the start, the status line then, and
// whether the analysis was running.
function watch(page, count) {
  return page.evaluate((n) => new Promise((resolve) => {
    const status = document.getElementById('status');
    let start = null;
    const begin = () => { start ??= performance.now(); };
    for (const type of ['drop', 'change']) document.addEventListener(type, begin, { capture: true, once: true });
    const ticks = [];
    const frame = () => {
      // The frame's own timestamp can predate a long task it waited behind: the clock now cannot.
      const now = performance.now();
      if (start !== null) ticks.push({ at: now - start, status: status.textContent, busy: status.classList.contains('busy') });
      const shown = status.textContent.includes(`Analyzed ${n} `) && !document.getElementById('results').hidden
        && document.getElementById('tab-overview').childElementCount > 0;
      // A timeout after the frame runs once it is painted.
      if (shown) setTimeout(() => resolve({ millis: performance.now() - start, ticks, status: status.textContent, paintedAt: performance.now() }));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }), count);
}

// When each step of the status line first showed ("Analyzing document 8 of
// 1000" and its like are one step).
function steps(ticks) {
  const seen = new Map();
  for (const { at, status } of ticks) {
    const step = status.replace(/\d+/g, 'N').replace(/…?Cancel$/, '');
    if (step && !seen.has(step)) seen.set(step, Math.round(at));
  }
  return [...seen].map(([step, at]) => `${at} ms ${step}`).join(' | ');
}

// The longest wait between two animation frames while the analysis ran, and over all.
function frameGaps(ticks) {
  const gaps = ticks.slice(1).map((tick, i) => ({ millis: tick.at - ticks[i].at, busy: tick.busy && ticks[i].busy, status: tick.status }));
  const longest = (list) => list.reduce((a, b) => (b.millis > a.millis ? b : a), { millis: 0, status: '' });
  return { busyFrames: ticks.filter((t) => t.busy).length, whileBusy: longest(gaps.filter((g) => g.busy)), overall: longest(gaps) };
}

// Dropped at once, the seeds wait for the analyzer to load; a reader who
// takes a few seconds to choose them finds it loaded and warmed up.
for (const [when, waitMs] of [['as the page opens', 0], ['3 s after the page opened', 3000]]) {
  test(`the five seed articles dropped on the page ${when}: time to the overview shown`, async () => {
    const { page, problems } = await openPage(env.browser, env.server.url, {}, (p) => p.addInitScript(recordTasks));
    const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()
      .map((name) => ({ name, text: readFileSync(join(SEEDS, name), 'utf8') }));
    assert.equal(seeds.length, 5);
    await page.waitForTimeout(waitMs);
    const shown = watch(page, 5);
    // A real drop event carrying the files, as the dropzone gets it from the desktop.
    await page.evaluate((files) => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(new File([file.text], file.name, { type: 'text/plain' }));
      document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, seeds);
    const { millis, status, paintedAt } = await shown;
    lines.push(`five seed articles, dropped ${when}, to the overview shown: ${Math.round(millis)} ms (${status})`);
    // The main thread's work from the report to the overview painted, and in the second after it.
    await page.waitForTimeout(1000);
    const drawn = await tasksAfterReport(page);
    const after = drawn.tasks.filter((t) => t.start + t.millis > paintedAt);
    lines.push(`five seed articles, dropped ${when}, from the report's arrival to the overview painted: ${Math.round(paintedAt - drawn.reportAt)} ms; `
      + `long tasks since the report ${drawn.tasks.length} (the longest ${Math.round(drawn.longest)} ms, ${Math.round(drawn.total)} ms in all), `
      + `of them after the paint ${after.length}`);
    // Each other view drawn when first opened: from the click to the view painted.
    const opened = [];
    for (const tab of ['documents', 'comparison', 'side-by-side', 'quotes']) {
      const ms = await page.evaluate((name) => new Promise((resolve) => {
        const start = performance.now();
        document.getElementById(`tab-button-${name}`).click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
      }), tab);
      assert.ok(await page.$eval(`#tab-${tab}`, (panel) => !panel.hidden && panel.childElementCount > 0), `${tab} drawn when opened`);
      opened.push(`${tab} ${Math.round(ms)} ms`);
    }
    lines.push(`five seed articles, dropped ${when}, each view opened after the overview, click to painted: ${opened.join(', ')}`);
    assert.ok(millis > 0 && millis < 60_000, `${millis} ms`);
    assert.equal(await page.$$eval('#document-list li', (items) => items.length), 5);
    assert.deepEqual(problems, []);
  });
}

for (const articles of [100, 1000]) {
  test(`${articles} generated articles through the file input: time to the first render${articles === 1000 ? ', and the page never freezes' : ''}`, async () => {
    const { page, problems } = await openPage(env.browser, env.server.url);
    const shown = watch(page, articles);
    await page.setInputFiles('#file-input', corpora[articles]);
    const { millis, ticks, status } = await shown;
    const { busyFrames, whileBusy, overall } = frameGaps(ticks);
    lines.push(`${articles} articles, chosen to the overview shown: ${Math.round(millis)} ms (${status})`);
    lines.push(`${articles} articles, steps: ${steps(ticks)}`);
    lines.push(`${articles} articles, frames: ${busyFrames} while analyzing; longest gap while analyzing ${Math.round(whileBusy.millis)} ms (ending at "${whileBusy.status}"), `
      + `over all ${Math.round(overall.millis)} ms (ending at "${overall.status}")`);
    assert.ok(millis > 0 && millis < 600_000, `${millis} ms`);
    if (articles === 1000) {
      // The analysis runs in the worker: the page keeps drawing frames meanwhile.
      assert.ok(busyFrames >= 10, `only ${busyFrames} frames while analyzing`);
      assert.ok(whileBusy.millis < 5000, `the page froze for ${Math.round(whileBusy.millis)} ms while analyzing`);
    }
    assert.deepEqual(problems, []);
  });
}

test('the bytes the page fetches, gzipped: on first load, and with the analyzer after the first analysis', async () => {
  const page = await env.browser.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  const gzipped = async (list) => {
    const sizes = await Promise.all(list.map(async (r) => ({ url: new URL(r.url()).pathname, raw: (await r.body()).length, gzip: gzipSync(await r.body()).length })));
    return { files: sizes, raw: sizes.reduce((n, s) => n + s.raw, 0), gzip: sizes.reduce((n, s) => n + s.gzip, 0) };
  };
  await page.goto(env.server.url, { waitUntil: 'networkidle' });
  const first = await gzipped([...responses]);
  await page.click('#demo-button');
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('Analyzed 4 '));
  await page.waitForLoadState('networkidle');
  const analyzed = await gzipped([...responses]);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  // The analyzer loads in the background as the page opens (Analyzer.warm).
  lines.push(`first load, the analyzer included: ${first.files.length} responses, ${kb(first.gzip)} gzipped (${kb(first.raw)} as served)`);
  lines.push(`with the analyzer and the demo, after its first analysis: ${analyzed.files.length} responses, ${kb(analyzed.gzip)} gzipped (${kb(analyzed.raw)} as served)`);
  for (const file of analyzed.files.sort((a, b) => b.gzip - a.gzip).slice(0, 5)) lines.push(`  ${file.url}: ${kb(file.gzip)} gzipped`);
  assert.ok(first.files.some((f) => f.url.endsWith('/app.js')) && first.gzip > 5 * 1024 && first.gzip < 1024 * 1024, JSON.stringify(first));
  assert.ok(first.files.some((f) => f.url.endsWith('/pkg/parallax_bg.wasm')), 'the analyzer loads as the page opens');
  assert.ok(!first.files.some((f) => f.url.includes('/pkg-html/')), 'the page reader loads only for a saved page');
  assert.ok(analyzed.gzip > first.gzip && analyzed.gzip < 4 * 1024 * 1024, kb(analyzed.gzip));
  await page.close();
});
