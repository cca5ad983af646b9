// Keyboard, screen reader and contrast: the views' tabs as WAI-ARIA tabs,
// visible focus, sortable headers, tables named, colour never the only sign,
// light and dark themes, and axe-core over every view of the demo and of the
// seed articles in both themes (results in target/axe-results.json,
// screenshots of every view in target/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { useBrowser, TARGET, SEEDS, openPage, waitForAnalysis, openEveryView } from './browser.js';

const env = useBrowser();

const VIEWS = ['overview', 'side-by-side', 'comparison', 'documents', 'quotes'];
const THEMES = ['light', 'dark'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const axeResults = {};

async function openDemo() {
  const opened = await openPage(env.browser, env.server.url);
  await opened.page.click('#demo-button');
  await waitForAnalysis(opened.page, 4);
  return opened;
}

async function openSeeds() {
  const opened = await openPage(env.browser, env.server.url);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  assert.equal(files.length, 5);
  await opened.page.setInputFiles('#file-input', files);
  await waitForAnalysis(opened.page, 5);
  return opened;
}

// WCAG contrast of two computed colours ("rgb(r, g, b)").
function contrast(a, b) {
  const luminance = (colour) => {
    const [r, g, bl] = colour.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// axe over the whole page with one view shown, its folded parts opened and
// (in Documents) every boilerplate line shown, so that all of it is checked.
// axe's source goes in through page.evaluate, which the DevTools protocol runs
// outside the page's Content-Security-Policy: the page keeps its policy (no
// bypassCSP), and no inline script tag is needed.
// One screen of a view, from just above the tabs.
async function screenshotView(page, path) {
  const top = await page.$eval('#results', (results) => results.getBoundingClientRect().top + window.scrollY);
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: Math.max(0, top - 12), width: 1280, height: 900 } });
}

async function axeEveryView(page, name) {
  await page.evaluate(axeSource);
  axeResults[name] = {};
  const serious = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    axeResults[name][theme] = {};
    for (const view of VIEWS) {
      await page.click(`[data-tab="${view}"]`);
      await page.evaluate((id) => {
        const panel = document.getElementById(id);
        for (const details of panel.querySelectorAll('details')) details.open = true;
        for (const box of panel.querySelectorAll('label.toggle input:not(:checked)')) box.click();
      }, `tab-${view}`);
      const violations = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] })
        .then((r) => r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
          nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
        }))));
      axeResults[name][theme][view] = violations;
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') serious.push({ theme, view, ...v });
    }
  }
  await page.emulateMedia({ colorScheme: null });
  writeFileSync(join(TARGET, 'axe-results.json'), `${JSON.stringify(axeResults, null, 2)}\n`);
  return serious;
}

test('axe finds no serious or critical violation in any view of the demo, light or dark; screenshots of each', async () => {
  const { page, problems } = await openDemo();
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const view of VIEWS) {
      await page.click(`[data-tab="${view}"]`);
      await screenshotView(page, join(TARGET, `screenshot-${view}-${theme}.png`));
    }
  }
  const serious = await axeEveryView(page, 'demo');
  assert.deepEqual(serious, [], JSON.stringify(serious, null, 2));
  assert.ok(Object.values(axeResults.demo.light).length === VIEWS.length);
  assert.deepEqual(problems, []);
});

test('axe finds no serious or critical violation in any view of the five seed articles, light or dark', async () => {
  const { page, problems } = await openSeeds();
  const serious = await axeEveryView(page, 'seeds');
  assert.deepEqual(serious, [], JSON.stringify(serious, null, 2));
  assert.deepEqual(problems, []);
});

test('the views are WAI-ARIA tabs: one tab stop, arrows, Home and End, each tab naming its panel', async () => {
  const { page, problems } = await openDemo();
  const state = () => page.evaluate(() => ({
    selected: [...document.querySelectorAll('[role=tab][aria-selected=true]')].map((t) => t.dataset.tab),
    stops: [...document.querySelectorAll('[role=tab]')].filter((t) => t.tabIndex === 0).map((t) => t.dataset.tab),
    focused: document.activeElement.dataset.tab,
    shown: [...document.querySelectorAll('[role=tabpanel]')].filter((p) => !p.hidden).map((p) => p.id),
  }));
  const pairs = await page.$$eval('[role=tab]', (tabs) => tabs.map((tab) => {
    const panel = document.getElementById(tab.getAttribute('aria-controls'));
    return [tab.dataset.tab, panel?.getAttribute('role'), panel?.getAttribute('aria-labelledby') === tab.id];
  }));
  assert.deepEqual(pairs, VIEWS.map((view) => [view, 'tabpanel', true]));
  assert.ok(await page.$eval('[role=tablist]', (list) => list.getAttribute('aria-label')));

  await page.focus('[role=tab][aria-selected=true]');
  const expect = async (view) => assert.deepEqual(await state(), { selected: [view], stops: [view], focused: view, shown: [`tab-${view}`] });
  await expect('overview');
  await page.keyboard.press('ArrowRight');
  await expect('side-by-side');
  await page.keyboard.press('End');
  await expect('quotes');
  await page.keyboard.press('ArrowRight'); // wraps
  await expect('overview');
  await page.keyboard.press('ArrowLeft'); // wraps back
  await expect('quotes');
  await page.keyboard.press('Home');
  await expect('overview');
  // Tab leaves the tab list for the panel: the other tabs are not tab stops.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-overview');
  // A click selects too, and moves the tab stop.
  await page.click('[data-tab="documents"]');
  assert.deepEqual((await state()).stops, ['documents']);
  assert.deepEqual(problems, []);
});

test('keyboard focus is visible with enough contrast in both themes, and the file chooser is a tab stop', async () => {
  const { page, problems } = await openDemo();
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.focus('#demo-button');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'file-input', 'the hidden file input is reachable');
    const rings = [];
    const ring = () => page.evaluate(() => {
      const target = document.activeElement.id === 'file-input' ? document.activeElement.closest('label') : document.activeElement;
      const style = getComputedStyle(target);
      return {
        what: target.textContent.slice(0, 20), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
        colour: style.outlineColor, behind: getComputedStyle(document.documentElement).backgroundColor,
      };
    });
    rings.push(await ring());
    await page.keyboard.press('Tab'); // the demo button
    rings.push(await ring());
    await page.focus('[role=tab][aria-selected=true]');
    await page.keyboard.press('ArrowRight');
    rings.push(await ring());
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab'); // the panel
    await page.keyboard.press('Tab'); // its first link
    rings.push(await ring());
    for (const r of rings) {
      assert.equal(r.style, 'solid', `${theme}: ${JSON.stringify(r)}`);
      assert.ok(r.width >= 2 && contrast(r.colour, r.behind) >= 3, `${theme}: ${JSON.stringify(r)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('tables are named, headers scoped, sortable headers say their order, and sort from the keyboard', async () => {
  const { page, problems } = await openDemo();
  await openEveryView(page);
  const tables = await page.$$eval('#results table', (all) => all.map((t) => ({
    cls: t.className, named: Boolean(t.getAttribute('aria-label') || t.querySelector('caption')),
    unscoped: [...t.querySelectorAll('th')].filter((th) => !['col', 'row'].includes(th.getAttribute('scope'))).length,
  })));
  assert.ok(tables.length >= 8, JSON.stringify(tables));
  assert.deepEqual(tables.filter((t) => !t.named || t.unscoped), [], 'every table named, every header scoped');

  const sorts = (selector) => page.$$eval(`${selector} thead th`, (ths) => ths.map((th) => th.getAttribute('aria-sort')));
  const matrix = '#tab-overview table.matrix';
  assert.deepEqual((await sorts(matrix)).slice(0, 2), ['none', 'descending'], 'by sources, most first');
  await page.focus(`${matrix} thead th:first-child button`);
  await page.keyboard.press('Enter');
  assert.deepEqual((await sorts(matrix)).slice(0, 2), ['ascending', 'none']);
  await page.keyboard.press('Space');
  assert.deepEqual((await sorts(matrix)).slice(0, 2), ['descending', 'none']);

  await page.click('[data-tab="quotes"]');
  const quotes = '#tab-quotes table.quotes';
  assert.deepEqual(await sorts(quotes), ['ascending', 'none', 'none', 'none', 'none']);
  await page.focus(`${quotes} thead th:nth-child(2) button`);
  await page.keyboard.press('Enter');
  assert.deepEqual(await sorts(quotes), ['none', 'ascending', 'none', 'none', 'none']);
  await page.keyboard.press('Enter');
  assert.deepEqual(await sorts(quotes), ['none', 'descending', 'none', 'none', 'none']);
  assert.deepEqual(problems, []);
});

test('a line is flipped from the keyboard and keeps the focus; shared words light up on focus as on hover', async () => {
  const { page, problems } = await openDemo();
  await page.click('[data-tab="documents"]');
  const doc = 'article.doc[data-doc="0"]';
  const count = () => page.$$eval(`${doc} .boilerplate-line`, (lines) => lines.length);
  const before = await count();
  const line = await page.$eval(`${doc} .line[tabindex="0"]:not(.boilerplate-line)`, (l) => Number(l.dataset.line));
  await page.focus(`${doc} .line[data-line="${line}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length === n, [`${doc} .boilerplate-line`, before + 1]);
  // The flipped line is hidden boilerplate now: the focus is on the next line shown.
  const after = await page.evaluate(() => ({ doc: document.activeElement.closest('article')?.dataset.doc, line: Number(document.activeElement.dataset.line) }));
  assert.equal(after.doc, '0');
  assert.ok(after.line > line, JSON.stringify(after));
  await page.check(`${doc} label.toggle input`);
  await page.focus(`${doc} .line[data-line="${line}"]`);
  await page.keyboard.press('Space');
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length === n, [`${doc} .boilerplate-line`, before]);
  assert.equal(await page.evaluate(() => Number(document.activeElement.dataset.line)), line, 'a line shown keeps the focus');

  // A passage shared word for word is a tab stop in Side by side, and lights its place in the text.
  await page.click('[data-tab="side-by-side"]');
  const reused = '#tab-side-by-side .reused[tabindex="0"]';
  assert.ok(await page.$(reused), 'the demo shares a passage between its first two sources');
  await page.focus(reused);
  const key = await page.$eval(reused, (span) => span.dataset.hl);
  const lit = await page.$$eval(`#tab-documents [data-key~="${key}"]`, (pieces) => pieces.filter((p) => p.classList.contains('hl')).length);
  assert.ok(lit > 0, `${key} lit in the text`);
  assert.deepEqual(problems, []);
});

test('colour is never the only sign: boilerplate, speakers, verdicts and word changes are said in words', async () => {
  const { page, problems } = await openDemo();
  await openEveryView(page);
  await page.click('[data-tab="documents"]');
  await page.check('article.doc[data-doc="0"] label.toggle input');
  const signs = await page.evaluate(() => {
    const before = (selector) => {
      const node = document.querySelector(selector);
      return node ? getComputedStyle(node, '::before').content : null;
    };
    const quote = document.querySelector('#tab-documents mark.quote[id]:not([data-speaker=""])');
    return {
      boilerplate: before('#tab-documents .doc-text [data-kind="boilerplate"]'),
      speaker: [getComputedStyle(quote, '::before').content, quote.dataset.speaker],
      added: before('#tab-comparison ins'),
      dropped: before('#tab-comparison del'),
      verdicts: [...document.querySelectorAll('#tab-overview .discrepancy')].map((d) => [d.classList.contains('conflicting') ? 'conflicting' : 'consistent', d.querySelector('.verdict').textContent]),
    };
  });
  assert.equal(signs.boilerplate, '"boilerplate"');
  assert.equal(signs.speaker[0], `"${signs.speaker[1]}"`);
  assert.match(signs.added, /added/);
  assert.match(signs.dropped, /dropped/);
  assert.ok(signs.verdicts.length > 0);
  for (const [kind, text] of signs.verdicts) assert.equal(text.toLowerCase(), kind);
  assert.deepEqual(problems, []);
});

test('light and dark themes follow the system, and text keeps 4.5:1 in both', async () => {
  const { page, problems } = await openDemo();
  // Each sample's text colour and the background it stands on.
  const look = () => page.evaluate(() => {
    const paper = getComputedStyle(document.documentElement).backgroundColor;
    const on = (selector) => {
      const style = getComputedStyle(document.querySelector(selector));
      return [style.color, style.backgroundColor === 'rgba(0, 0, 0, 0)' ? paper : style.backgroundColor];
    };
    return {
      paper,
      samples: {
        ink: on('h1'), muted: on('.tagline'), selectedTab: on('[role=tab][aria-selected=true]'), button: on('#demo-button'),
        verdict: on('#tab-overview .verdict'), link: on('#tab-overview a.goto'),
      },
    };
  });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await look();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await look();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = await look();
  await page.emulateMedia({ media: 'screen', colorScheme: null });
  assert.notEqual(light.paper, dark.paper);
  assert.equal(printed.paper, light.paper, 'paper is printed light whatever the system theme');
  const luminance = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0) / 3;
  assert.ok(luminance(light.paper) > 200 && luminance(dark.paper) < 60, `${light.paper} / ${dark.paper}`);
  for (const [theme, { samples }] of Object.entries({ light, dark })) {
    for (const [what, [colour, behind]] of Object.entries(samples)) {
      const ratio = contrast(colour, behind);
      assert.ok(ratio >= 4.5, `${theme} ${what}: ${colour} on ${behind}, ${ratio.toFixed(2)}:1`);
    }
  }
  assert.deepEqual(problems, []);
});
