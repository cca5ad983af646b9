// Offline use: the whole page is cached on install and served from the cache
// first. Every path is relative to this file, so the folder works under any
// sub-path of a host.
//
// SHELL is the one list of the page's files (tests/e2e/offline.test.js fails
// when a file in www/ is missing from it). Raise VERSION whenever any of these
// files changes: browsers fetch the new files when they see a new sw.js, and
// open tabs keep the old ones until they are all closed.
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
    .filter((name) => name !== CACHE)
    .map((name) => caches.delete(name)))));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(cacheFirst(request));
});

async function cacheFirst(request) {
  const url = new URL(request.url);
  // A folder is its index.html, as static servers serve it.
  const key = url.pathname.endsWith('/') ? new URL('index.html', url).href : request;
  // ignoreSearch: the worker imports fresh copies of the glue as `parallax.js?instance=N`.
  const cached = await caches.match(key, { cacheName: CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}
