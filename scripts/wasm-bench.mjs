// The whole analysis (`analyze`) natively, as wasm under node and as wasm in
// headless Chromium's worker, on the same files; run by scripts/wasm-bench.sh.
//   node scripts/wasm-bench.mjs --parallax BIN --node-glue JS --web-pkg DIR --runs R --out MD LABEL=DIR...
//   node scripts/wasm-bench.mjs --node-child GLUE DIR CALLS   (one fresh node instance; prints JSON)
// Every figure is wall time, the best of R: R processes natively and under
// node, R pages in Chromium.
//   first:  native, one `parallax analyze` process (start, lexicon, analysis,
//           JSON to /dev/null); node, from loading the glue (compiling and
//           instantiating the wasm) to the first call's end; Chromium, from
//           `new Worker` to the worker starting the analysis (worker start,
//           fetch, compile, instantiate), plus the worker's `millis` of the
//           first call.
//   steady: native, that process less one on a one-line file (process start,
//           lexicon); node, a later call in the same instance; Chromium, the
//           worker's `millis` of a later call.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS = fileURLToPath(import.meta.url);
// Calls after the first, in each node instance and each Chromium page.
const LATER_CALLS = 2;

function readArticles(dir) {
  const names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  return { names, texts: names.map((n) => readFileSync(join(dir, n), 'utf8')) };
}

// The wasm adapter's arguments: names, bytes, no flipped lines, no default
// date, no corrections, no progress callback.
const analyzeArgs = (names, contents) => [names, contents, names.map(() => new Uint32Array(0)), undefined, undefined, undefined];

if (process.argv[2] === '--node-child') {
  const [glue, dir, calls] = process.argv.slice(3);
  const { names, texts } = readArticles(dir);
  const contents = texts.map((t) => new TextEncoder().encode(t));
  let start = performance.now();
  const { analyze } = createRequire(THIS)(resolve(glue));
  const { report } = analyze(...analyzeArgs(names, contents));
  const first = (performance.now() - start) / 1000;
  let steady = Infinity;
  for (let i = 0; i < Number(calls); i++) {
    start = performance.now();
    analyze(...analyzeArgs(names, contents));
    steady = Math.min(steady, (performance.now() - start) / 1000);
  }
  console.log(JSON.stringify({ first, steady, documents: report.documents.length, errors: report.errors.length }));
  process.exit(0);
}

const options = {};
const sets = [];
for (let args = process.argv.slice(2); args.length;) {
  const arg = args.shift();
  if (arg.startsWith('--')) options[arg.slice(2)] = args.shift();
  else sets.push({ label: arg.slice(0, arg.indexOf('=')), dir: arg.slice(arg.indexOf('=') + 1) });
}
const runs = Number(options.runs || 3);
const best = (values) => Math.min(...values);

function wall(command, args, cwd) {
  const start = performance.now();
  const done = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (done.status !== 0) throw new Error(`${command} ${args[0]}: exit ${done.status}\n${done.stderr}`);
  return seconds;
}

const scratch = mkdtempSync(join(tmpdir(), 'parallax-wasm-bench-'));
writeFileSync(join(scratch, 'warm.txt'), 'Warm-up\nAbout 3 people left on 4 May 2024, the council said.\n');
const parallax = resolve(options.parallax);
const startUp = best(Array.from({ length: runs }, () => wall(parallax, ['analyze', 'warm.txt'], scratch)));

function native({ dir, names }) {
  const first = best(Array.from({ length: runs }, () => wall(parallax, ['analyze', ...names], dir)));
  return { first, steady: Math.max(first - startUp, 0) };
}

function underNode({ dir, names }) {
  const children = Array.from({ length: runs }, () => {
    const done = spawnSync(process.execPath, [THIS, '--node-child', options['node-glue'], dir, String(LATER_CALLS)],
      { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (done.status !== 0) throw new Error(`node child: exit ${done.status}\n${done.stderr}`);
    return JSON.parse(done.stdout.trim().split('\n').pop());
  });
  const wrong = children.find((c) => c.documents !== names.length || c.errors);
  if (wrong) throw new Error(`node: ${wrong.documents} documents and ${wrong.errors} errors for ${names.length} files`);
  return { first: best(children.map((c) => c.first)), steady: best(children.map((c) => c.steady)) };
}

// One fresh worker on a blank page of the served www/: its first call, then
// LATER_CALLS more. Runs in the page.
async function inWorker({ names, texts, later }) {
  const contents = texts.map((t) => new TextEncoder().encode(t));
  const start = performance.now();
  const worker = new Worker('/worker.js', { type: 'module' });
  const call = (id) => new Promise((done, fail) => {
    let analyzing = null;
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.stage?.startsWith('analyzing')) analyzing = performance.now();
      if (data.error) fail(new Error(data.error));
      if (data.report) done({ millis: data.millis, analyzing, documents: data.report.documents.length, errors: data.report.errors.length });
    };
    worker.postMessage({ id, names, contents, flipped: names.map(() => new Uint32Array(0)) });
  });
  const first = await call(1);
  const steady = [];
  for (let i = 0; i < later; i++) steady.push((await call(i + 2)).millis);
  worker.terminate();
  return { first: (first.analyzing - start + first.millis) / 1000, steady: Math.min(...steady) / 1000, documents: first.documents, errors: first.errors };
}

async function inChromium(browser, url, { names, texts }) {
  const pages = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.goto(url);
    pages.push(await page.evaluate(inWorker, { names, texts, later: LATER_CALLS }));
    await page.close();
  }
  const wrong = pages.find((p) => p.documents !== names.length || p.errors);
  if (wrong) throw new Error(`chromium: ${wrong.documents} documents and ${wrong.errors} errors for ${names.length} files`);
  return { first: best(pages.map((p) => p.first)), steady: best(pages.map((p) => p.steady)) };
}

const { serveWww } = await import('../tests/e2e/server.js');
const { launch } = await import('../tests/e2e/browser.js');
writeFileSync(join(scratch, 'index.html'), '<!doctype html><meta charset="utf-8"><title>wasm bench</title>\n');
// www/ as the tests serve it, with this build of the core at /pkg/ and a blank page.
const server = await serveWww({ '/pkg/': resolve(options['web-pkg']), '/bench/': scratch });
const browser = await launch();
const rows = [];
try {
  for (const set of sets) {
    const articles = { ...set, ...readArticles(set.dir) };
    const megabytes = articles.texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / 1e6;
    console.error(`wasm-bench: ${set.label} (${articles.names.length} files, ${megabytes.toFixed(1)} MB)`);
    const measured = { native: native(articles), node: underNode(articles) };
    measured.chromium = await inChromium(browser, `${server.url}bench/`, articles);
    rows.push({ label: set.label, megabytes, ...measured });
  }
} finally {
  await browser.close();
  server.close();
  rmSync(scratch, { recursive: true, force: true });
}

const cell = (seconds, base) => `${seconds.toFixed(3)} s${base === undefined ? '' : ` (${(seconds / base).toFixed(1)}×)`}`;
const table = [
  '| input | MB | native first | native steady | node first | node steady | Chromium first | Chromium steady |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.label} | ${r.megabytes.toFixed(2)} | ${cell(r.native.first)} | ${cell(r.native.steady)} | `
    + `${cell(r.node.first, r.native.first)} | ${cell(r.node.steady, r.native.steady)} | `
    + `${cell(r.chromium.first, r.native.first)} | ${cell(r.chromium.steady, r.native.steady)} |`),
  '',
  `Wall time, best of ${runs} (processes natively and under node, pages in Chromium; steady: the best of `
    + `${LATER_CALLS} later calls in each), on a shared machine; in brackets the ratio to native. `
    + `Native first is one \`parallax analyze\` process (start-up, lexicon, analysis, JSON report); native steady `
    + `is that less the same process on a one-line file (${startUp.toFixed(3)} s). Node first runs from loading `
    + 'the glue (compiling and instantiating the wasm) to the end of the first `analyze`; Chromium first from '
    + '`new Worker` to the worker starting the analysis, plus that call\'s `millis`. Steady under node and in '
    + 'Chromium is one later `analyze` call (in Chromium the worker\'s `millis`). The wasm calls return the '
    + 'report and its Markdown as JS values; natively the report is written as JSON.',
];
writeFileSync(options.out, `${table.join('\n')}\n`);
console.log(table.join('\n'));
