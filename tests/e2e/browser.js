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

export async function waitForAnalysis(page, count, timeout = 30000) {
  await page.waitForFunction((n) => document.getElementById('status').textContent.includes(`Analyzed ${n} `),
    count, { timeout });
}
