// Debian's Chromium driven by playwright-core: never a downloaded browser.
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveWww } from './server.js';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS = join(PROJECT, '../shared/seeds');
export const TARGET = join(PROJECT, 'target');

// One server for www/ (with any path overrides) and one browser for a test
// file: started before its tests, closed after them.
export function useBrowser(overrides) {
  const env = {};
  before(async () => {
    env.server = await serveWww(overrides);
    env.browser = await launch();
    mkdirSync(TARGET, { recursive: true });
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page that records console errors, uncaught exceptions and the requests it makes.
// `options` are the page's context options (`{ serviceWorkers: 'block' }` for a
// test that routes the page's own requests: a service worker's fetches pass the routes by);
// `prepare(page)` runs before the page loads (to route what it fetches as it opens).
export async function openPage(browser, url, options = {}, prepare = async () => {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await prepare(page);
  const problems = [];
  const requests = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, problems, requests };
}

// In the page, from its start (give it to addInitScript): every long task, and
// when the worker's report arrived.
export function recordTasks() {
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, millis: e.duration }))))
    .observe({ type: 'longtask', buffered: true });
  const Worker = window.Worker;
  window.Worker = class extends Worker {
    constructor(...args) {
      super(...args);
      // Heard before the page's own handler, set after construction.
      this.addEventListener('message', (event) => { if (event.data.json) window.reportAt = performance.now(); });
    }
  };
}

// What recordTasks saw: when the last report arrived, and the long tasks that ended after it.
export async function tasksAfterReport(page) {
  const { reportAt, tasks } = await page.evaluate(() => ({ reportAt: window.reportAt, tasks: window.longTasks }));
  const after = tasks.filter((t) => t.start + t.millis > reportAt);
  return { reportAt, tasks: after, longest: Math.max(0, ...after.map((t) => t.millis)), total: after.reduce((n, t) => n + t.millis, 0) };
}

// Opens every view in turn, as a reader does (a report draws a view when it
// is shown), and goes back to the one shown before.
export async function openEveryView(page) {
  const shown = await page.$eval('[role=tab][aria-selected=true]', (tab) => tab.dataset.tab);
  for (const tab of await page.$$eval('[role=tab]', (tabs) => tabs.map((t) => t.dataset.tab))) await page.click(`[data-tab="${tab}"]`);
  await page.click(`[data-tab="${shown}"]`);
}

export async function waitForAnalysis(page, count, timeout = 30000) {
  await page.waitForFunction((n) => document.getElementById('status').textContent.includes(`Analyzed ${n} `),
    count, { timeout });
}
