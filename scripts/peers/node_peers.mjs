// The npm peers of scripts/peers.sh, installed in target/peers-node.
//   node node_peers.mjs NODE_DIR PEER LINES.jsonl WARM.jsonl RUNS
// PEER is recognizers-numbers or chrono. Prints one JSON line: {"seconds":
// best of RUNS passes over every line, "count": what the last pass found,
// "version": the package's}.
// Loading, building the model and one call on WARM's line come before the
// clock starts, as in python_peers.py.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [nodeDir, peer, path, warm, runs] = process.argv.slice(2);
// Resolved from NODE_DIR, not from this file: the packages are not the project's.
const require = createRequire(join(nodeDir, 'package.json'));

function recognizersNumbers() {
  // The suite's recognizeNumber() builds its recognizer on every call; built
  // once here, so only the parsing is timed.
  const { NumberRecognizer, Culture } = require('@microsoft/recognizers-text-number');
  const model = new NumberRecognizer(Culture.English).getNumberModel();
  return (record) => model.parse(record.text).length;
}

function chrono() {
  const { parse } = require('chrono-node');
  // The document's date as the reference, as parallax's dates task reads `dct`.
  return (record) => parse(record.text, record.dct ? new Date(`${record.dct}T12:00:00Z`) : undefined).length;
}

const PEERS = { 'recognizers-numbers': recognizersNumbers, chrono };
const PACKAGES = { 'recognizers-numbers': '@microsoft/recognizers-text-suite', chrono: 'chrono-node' };
const read = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const records = read(path);
const run = PEERS[peer]();
read(warm).forEach(run);
let best = Infinity;
let count = 0;
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  count = records.reduce((sum, record) => sum + run(record), 0);
  best = Math.min(best, (performance.now() - start) / 1000);
}
const { version } = JSON.parse(readFileSync(join(nodeDir, 'node_modules', PACKAGES[peer], 'package.json'), 'utf8'));
console.log(JSON.stringify({ seconds: best, count, version }));
