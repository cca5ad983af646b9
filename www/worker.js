// Runs the analysis off the page's thread, so a large input never freezes the tab.
// Saved HTML pages go to a second module that reads the page's structure; it
// is fetched only when one arrives, so the usual case stays small.
//
// A Rust panic aborts the wasm module (a RuntimeError "unreachable" trap) and
// leaves its instance unusable, and one bad article must not cost the others.
// So a failed run is retried on fresh instances: each document alone, to name
// the ones at fault, then the rest together.
const MAIN = './pkg';
const PAGES = './pkg-html';

const compiled = new Map(); // bundle -> Promise<WebAssembly.Module>, compiled once
const current = new Map(); // bundle -> Promise of the glue module bound to a live instance
let instances = 0;

function instance(bundle) {
  if (!current.has(bundle)) {
    if (!compiled.has(bundle)) {
      compiled.set(bundle, fetch(new URL(`${bundle}/parallax_bg.wasm`, import.meta.url))
        .then(async (response) => {
          if (!response.ok) throw new Error(`${bundle}/parallax_bg.wasm: ${response.status}`);
          // Compiling as the bytes arrive lets the browser keep the compiled
          // code for the next visit; it needs the wasm served as such.
          if (response.headers.get('content-type')?.startsWith('application/wasm')) {
            return WebAssembly.compileStreaming(response);
          }
          return WebAssembly.compile(await response.arrayBuffer());
        }));
    }
    // The wasm-bindgen glue keeps its instance in module state, so a fresh
    // instance needs a fresh copy of the glue: the same file under a new URL.
    current.set(bundle, (async () => {
      const glue = await import(new URL(`${bundle}/parallax.js?instance=${++instances}`, import.meta.url));
      await glue.default({ module_or_path: await compiled.get(bundle) });
      return glue;
    })());
    // A failed load is not kept, so the next analysis tries again.
    current.get(bundle).catch(() => { current.delete(bundle); compiled.delete(bundle); });
  }
  return current.get(bundle);
}

// Calls the module; whatever it throws, that instance is never used again.
async function call(bundle, method, ...args) {
  const glue = await instance(bundle);
  try {
    return glue[method](...args);
  } catch (error) {
    current.delete(bundle);
    // A trap says only `unreachable`; the module kept the panic's own words.
    let panic = null;
    try { panic = glue.lastPanic?.(); } catch { /* the instance is past asking */ }
    throw panic ? new Error(panic) : error;
  }
}

// Resolves to the JSON text of { report, markdown }: the page parses it once,
// which costs far less than posting the objects (a parse here and a
// structured clone each side; a 1,000-article report is over 20 MB).
const analyzeAll = (bundle, docs, date, corrections, progress) => call(bundle, 'analyzeJson',
  docs.map((d) => d.name), docs.map((d) => d.bytes), docs.map((d) => d.flipped), date, corrections, progress);

// The core tells every step; the page hears at most one every PROGRESS_MS.
const PROGRESS_MS = 50;
function progressTo(id) {
  let last = 0;
  return (stage, done, total) => {
    const now = performance.now();
    if (now - last < PROGRESS_MS && stage !== 'comparing') return;
    last = now;
    self.postMessage({ id, progress: { stage, done, total } });
  };
}

const why = (error) => String(error && error.message ? error.message : error);
const failed = (doc, crash) => ({ name: doc.name, message: `${doc.name}: could not be analyzed: internal error (${why(crash)})` });

// Reports of documents analyzed apart, as the JSON text of one report
// without a comparison (and without a summary).
const merged = (reports, errors) => JSON.stringify({ report: {
  version: reports[0]?.version ?? 1,
  documents: reports.flatMap((r) => r.documents),
  errors: [...reports.flatMap((r) => r.errors), ...errors],
  comparison: { statements: [], quote_groups: [], discrepancies: [], variants: [], reuse: [] },
} });

async function analyzeIsolated(bundle, docs, date, corrections, stage, progress) {
  try {
    return await analyzeAll(bundle, docs, date, corrections, progress);
  } catch (crash) {
    if (docs.length === 1) return merged([], [failed(docs[0], crash)]);
  }
  // Each document alone on a fresh instance names the ones at fault...
  const errors = [];
  const alone = []; // [doc, its own report]
  for (const [i, doc] of docs.entries()) {
    stage(`one document stopped the analyzer; checking each alone (${i + 1} of ${docs.length})`);
    try {
      alone.push([doc, JSON.parse(await analyzeAll(bundle, [doc], date, corrections)).report]);
    } catch (crash) {
      errors.push(failed(doc, crash));
    }
  }
  // ...and the rest are compared together.
  if (alone.length > 1) {
    stage(`analyzing the other ${alone.length} documents together`);
    try {
      const { report, markdown } = JSON.parse(await analyzeAll(bundle, alone.map(([doc]) => doc), date, corrections));
      return JSON.stringify({ report: { ...report, errors: [...report.errors, ...errors] }, markdown });
    } catch (crash) {
      // Each works alone, so the comparison across them is at fault: show
      // them uncompared rather than not at all.
      errors.push({ name: '', message: `the documents could not be compared: internal error (${why(crash)})` });
    }
  }
  return merged(alone.map(([, report]) => report), errors);
}

// Articles of our own (the demo's), analyzed while the page is idle: the
// module's first call builds its word lists, and the engine compiles each
// function on its first call with a quick compiler and optimizes only those
// that have done enough work, so the warm-up repeats for WARM_UP_MS, a call
// at a time, and stops as soon as a reader's request comes in. Tiny samples
// left the seeds' first analysis twice as slow as their second.
const WARM_UP_MS = 400;
let requests = 0;

async function warmUp(urls) {
  const before = requests;
  // The samples arrive while the module compiles.
  const loaded = instance(MAIN).catch(() => {});
  let docs;
  try {
    docs = await Promise.all(urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return { name: url, bytes: new Uint8Array(await response.arrayBuffer()), flipped: new Uint32Array(0) };
    }));
  } catch {
    await loaded; // no sample: loaded, at least
    return;
  }
  await loaded;
  const until = performance.now() + WARM_UP_MS;
  while (requests === before && performance.now() < until) {
    try {
      await analyzeAll(MAIN, docs);
    } catch { return; /* the reader's own analysis will say what is wrong */ }
    // A task boundary, so that a reader's request waits for one call at most.
    await new Promise((resolve) => { setTimeout(resolve, 0); });
  }
}

self.onmessage = async (event) => {
  if (event.data.warm) {
    await warmUp(event.data.warm);
    return;
  }
  requests += 1;
  const { id, names, contents, flipped, defaultDate, corrections } = event.data;
  const stage = (text) => self.postMessage({ id, stage: text });
  try {
    stage('loading the analyzer');
    let bundle = MAIN;
    if (await call(MAIN, 'anyHtml', names, contents)) {
      stage('loading the reader for saved web pages');
      bundle = PAGES;
      await instance(PAGES);
    }
    stage(`analyzing ${names.length} document${names.length === 1 ? '' : 's'}`);
    const started = performance.now();
    const docs = names.map((name, i) => ({ name, bytes: contents[i], flipped: flipped[i] }));
    const before = instances;
    const json = await analyzeIsolated(bundle, docs, defaultDate || undefined, corrections, stage, progressTo(id));
    // A trapped instance's memory stays held by its copy of the glue (imported
    // modules are never freed), so after a trap the page replaces this worker.
    self.postMessage({ id, json, millis: performance.now() - started, retire: instances > before });
  } catch (error) {
    self.postMessage({ id, error: why(error) });
  }
};
