// Offline use: the whole page is cached on install, refreshed by every
// online visit, and served from the cache when the network fails. Every path
// is relative to this file, so the folder works under any sub-path of a host.
//
// SHELL is the one list of the page's files (tests/e2e/offline.test.js fails
// when a file in www/ is missing from it). VERSION names the cache: raise it
// when the list changes, so a new install starts from a clean cache.
const VERSION = 1;
const SHELL = [
  'index.html',
  'style.css',
  'app.js',
  'analyzer.js',
  'store.js',
  'export.js',
  'report.css',
  'worker.js',
  'views/comparison.js',
  'views/corrections.js',
  'views/document-list.js',
  'views/documents.js',
  'views/dom.js',
  'views/entities.js',
  'views/exports.js',
  'views/facts.js',
  'views/framing.js',
  'views/links.js',
  'views/messages.js',
  'views/overview.js',
  'views/quotes.js',
  'views/reuse.js',
  'views/side-by-side.js',
  'views/tabs.js',
  'pkg/parallax.js',
  'pkg/parallax_bg.wasm',
  'pkg-html/parallax.js',
  'pkg-html/parallax_bg.wasm',
  'demo/continental-daily.txt',
  'demo/northbay-post.txt',
  'demo/rws-wire.txt',
  'demo/vellmar-herald.txt',
  // The embeddable element and its demo page.
  'embed.html',
  'parallax.js',
  'parallax-compare.js',
  'parallax-compare.css',
];

const BASE = new URL('./', self.location).href;
// Caches are per origin: the name says which copy of the app a cache belongs to.
const PREFIX = `parallax ${BASE} `;
const CACHE = `${PREFIX}v${VERSION}`;

self.addEventListener('install', (event) => {
  // `reload`: the files themselves, not what the HTTP cache kept of an older version.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(
    SHELL.map((path) => new Request(new URL(path, BASE), { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
    .map((name) => caches.delete(name)))));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});

// Online, files come from the network, so a new version is used at once and
// files of two versions never mix; the cache answers when the network cannot.
async function networkFirst(request) {
  const url = new URL(request.url);
  // A folder is its index.html, as static servers serve it; the worker imports
  // fresh copies of the glue as `parallax.js?instance=N`, all one file.
  const key = new URL(url.pathname.endsWith('/') ? 'index.html' : url.pathname, url).href;
  try {
    const response = await fetch(request);
    if (response.ok) await (await caches.open(CACHE)).put(key, response.clone());
    return response;
  } catch (offline) {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}
