// The page's state and wiring: documents in, report out, the view shown re-rendered.
import { renderDocumentList, nameFromFirstLine } from './views/document-list.js';
import { renderDocuments, reveal } from './views/documents.js';
import { renderComparisonViews } from './views/comparison.js';
import { installLinks } from './views/links.js';
import { renderQuotes } from './views/quotes.js';
import { showMessages, setStatus } from './views/messages.js';
import { installTabs, drawPanels } from './views/tabs.js';
import { Analyzer } from './analyzer.js';
import { renderExports } from './views/exports.js';
import * as store from './store.js';

// The core refuses larger inputs; checking first keeps a huge paste in the box instead of losing it.
const MAX_BYTES = 5 * 1024 * 1024;
const DEMO_FILES = ['rws-wire.txt', 'northbay-post.txt', 'continental-daily.txt', 'vellmar-herald.txt'];

function noEdits() {
  return { merges: [], splits: [], speakers: [] };
}

const state = {
  documents: [], // { id, name, bytes }
  nextId: 1,
  report: null,
  reportDocIds: [], // state id of each report document, in order
  corrections: new Map(), // id -> { title, outlet, byline, date } the reader set
  flips: new Map(), // id -> Set of line numbers the reader flipped (article <-> boilerplate)
  edits: noEdits(), // entity merges and splits, speaker reassignments the reader made
  lastRemoved: null, // { doc, index, corrections, flips }: the last document removed, for restoring (not saved: removing frees storage)
  pageMessages: [],
  notices: {}, // standing messages by source (storage, offline), shown until resolved
  markdown: null, // the core's Markdown summary of the report, once the worker sends it
};

const $ = (id) => document.getElementById(id);
const analyzer = new Analyzer();

// The core keys documents by base name, so a name is never a path.
function uniqueName(given) {
  const name = given.replace(/[\\/]/g, '-');
  const taken = new Set(state.documents.map((d) => d.name));
  if (!taken.has(name)) return name;
  // An extension is a short tail like `.txt`: the dots of a headline's `U.S. troops` are not one.
  const ext = name.match(/.(\.[a-z0-9]{1,5})$/i)?.[1] ?? '';
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function addDocument(name, bytes) {
  state.documents.push({ id: state.nextId++, name: uniqueName(name || 'untitled.txt'), bytes });
}

async function addFiles(files) {
  // Read together, not one after another: a thousand files are read in a third of the time.
  const contents = await Promise.all([...files].map(async (file) => new Uint8Array(await file.arrayBuffer())));
  [...files].forEach((file, i) => addDocument(file.name, contents[i]));
  changed({ added: true });
}

function addPaste() {
  const text = $('paste-text').value;
  const messages = [];
  if (!text.trim()) {
    messages.push('The paste box is empty: paste an article first.');
  } else {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > MAX_BYTES) {
      messages.push(`The pasted text is ${(bytes.length / 1048576).toFixed(1)} MB; one article can be at most 5 MB. The text is still in the box.`);
    } else {
      addDocument($('paste-name').value.trim() || nameFromFirstLine(text), bytes);
      $('paste-text').value = '';
      $('paste-name').value = '';
    }
  }
  state.pageMessages = messages;
  if (messages.length) showMessages($('messages'), messages); else changed({ added: true });
}

async function loadDemo() {
  try {
    for (const file of DEMO_FILES) {
      const response = await fetch(`demo/${file}`);
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
      addDocument(file, new Uint8Array(await response.arrayBuffer()));
    }
  } catch (error) {
    state.pageMessages = [`The demo could not be loaded (${error.message}).`];
  }
  changed({ added: true });
}

// Whether the saved work is back (start()): before that nothing is saved,
// which would overwrite it, nor analyzed.
let restored = false;

// Edits typed into the list wait for a pause before the analysis runs again;
// documents added are analyzed at once.
const TYPING_PAUSE_MS = 100;

function changed({ added = false } = {}) {
  renderList();
  if (!restored) return; // start() takes what came in meanwhile
  saveWork();
  clearTimeout(changed.timer);
  changed.timer = setTimeout(runAnalysis, added ? 0 : TYPING_PAUSE_MS);
}

async function runAnalysis() {
  if (state.documents.length === 0) {
    analyzer.cancel(); // a run still going would show documents no longer there
    state.report = null;
    render();
    return;
  }
  const names = state.documents.map((d) => d.name);
  const contents = state.documents.map((d) => d.bytes.slice());
  const flipped = state.documents.map((d) => Uint32Array.from(state.flips.get(d.id) || []));
  const onStage = (text, step) => setStatus($('status'), { busy: true, text, onCancel: cancel, step });
  let result;
  try {
    result = await analyzer.run({ names, contents, flipped, defaultDate: $('default-date').value, corrections: readerCorrections() }, { onStage });
  } catch (error) {
    if (error.name === 'AbortError') return; // cancelled, or a newer analysis replaced it
    finishWithError(error.name === 'AnalyzerStopped' ? `${error.message} Your documents are kept: change them to try again.` : error.message);
    return;
  }
  state.report = result.report;
  state.markdown = result.markdown;
  const failed = new Set(result.report.errors.map((e) => e.name));
  state.reportDocIds = state.documents.filter((d) => !failed.has(d.name)).map((d) => d.id);
  const count = result.report.documents.length;
  setStatus($('status'), { busy: false, text: `Analyzed ${count} document${count === 1 ? '' : 's'} in ${Math.round(result.millis)} ms.` });
  render();
}

function cancel() {
  analyzer.cancel();
  setStatus($('status'), { busy: false, text: 'Analysis cancelled. Change the documents to run it again.' });
}

function finishWithError(text) {
  setStatus($('status'), { busy: false, text });
  state.pageMessages = [text];
  render();
}

function renderList() {
  renderDocumentList($('document-list'), $('document-tools'), {
    documents: state.documents,
    report: state.report,
    reportDocIds: state.reportDocIds,
    corrections: state.corrections,
    lastRemoved: state.lastRemoved,
    onRename: (id, name) => {
      const doc = state.documents.find((d) => d.id === id);
      if (doc && name.trim() && name !== doc.name) {
        doc.name = uniqueName(name.trim());
        changed();
      }
    },
    onCorrect: correct,
    onMove: (id, step) => {
      const from = state.documents.findIndex((d) => d.id === id);
      const [doc] = state.documents.splice(from, 1);
      state.documents.splice(from + step, 0, doc);
      changed();
    },
    onRemove: (id) => {
      const index = state.documents.findIndex((d) => d.id === id);
      const [doc] = state.documents.splice(index, 1);
      state.lastRemoved = { doc, index, corrections: state.corrections.get(id), flips: state.flips.get(id) };
      state.corrections.delete(id);
      state.flips.delete(id);
      changed();
    },
    onRestore: () => {
      const { doc, index, corrections, flips } = state.lastRemoved;
      state.lastRemoved = null;
      state.documents.splice(Math.min(index, state.documents.length), 0, { ...doc, name: uniqueName(doc.name) });
      if (corrections) state.corrections.set(doc.id, corrections);
      if (flips) state.flips.set(doc.id, flips);
      changed();
    },
    onForget: () => $('forget-dialog').showModal(),
  });
}

// A fact the reader set for a document, in the list or the Documents view.
function correct(id, field, value) {
  state.corrections.set(id, { ...(state.corrections.get(id) || {}), [field]: value });
  changed(); // the core applies the facts: dates count from the reader's date
}

function render() {
  renderList();
  const report = state.report;
  const messages = [...state.pageMessages, ...Object.values(state.notices).filter(Boolean)];
  if (report) {
    messages.push(...report.errors.map((e) => e.message));
    if (report.documents.length === 1) {
      messages.push('Only one document: add another article about the same event to compare them.');
    }
  }
  showMessages($('messages'), messages);
  state.pageMessages = [];
  $('results').hidden = !report || report.documents.length === 0;
  if (!report) return;
  const corrections = state.reportDocIds.map((id) => state.corrections.get(id) || {});
  const onCorrect = (index, field, value) => correct(state.reportDocIds[index], field, value);
  // Names and speakers the reader corrects go to the core, and the comparison follows.
  const edit = {
    edits: state.edits,
    docId: (index) => state.reportDocIds[index],
    nameOf: (id) => state.documents.find((d) => d.id === id)?.name ?? 'a removed document',
    onEdit: (edits) => {
      state.edits = edits;
      changed();
    },
  };
  const onFlip = (index, line) => {
    const id = state.reportDocIds[index];
    const lines = state.flips.get(id) || new Set();
    if (lines.has(line)) lines.delete(line); else lines.add(line);
    state.flips.set(id, lines);
    changed(); // the comparison follows the reader's decision
  };
  // Each view in its panel: the hidden ones wait until they are shown (see tabs.js).
  const comparison = Object.entries(comparisonViews())
    .map(([view, panel]) => [panel.id, () => renderComparisonViews({ [view]: panel }, report, corrections, edit)]);
  drawPanels({
    ...Object.fromEntries(comparison),
    'tab-documents': () => renderDocuments($('tab-documents'), report, corrections, onCorrect, onFlip),
    'tab-quotes': () => renderQuotes($('tab-quotes'), report, corrections, edit),
  });
  renderExports($('exports'), { report, markdown: state.markdown, corrections: readerCorrections });
}

// What the reader changed, documents by name as the core keys them
// (src/corrections.rs): sent with every analysis, and part of the exports.
function readerCorrections() {
  const nameOf = new Map(state.documents.map((d) => [d.id, d.name]));
  const named = (map) => state.documents.filter((d) => map.has(d.id)).map((d) => [d.name, map.get(d.id)]);
  const cleared = (facts) => Object.fromEntries(Object.entries(facts).map(([field, value]) => [field, value ?? '']));
  const ofKnownDoc = (edits) => edits.filter((e) => nameOf.has(e.id)).map(({ id, ...rest }) => ({ doc: nameOf.get(id), ...rest }));
  return {
    facts: named(state.corrections).map(([doc, facts]) => ({ doc, ...cleared(facts) })),
    flipped: named(state.flips).filter(([, lines]) => lines.size).map(([doc, lines]) => ({ doc, lines: [...lines].sort((a, b) => a - b) })),
    merges: state.edits.merges,
    splits: ofKnownDoc(state.edits.splits),
    speakers: ofKnownDoc(state.edits.speakers),
  };
}

const comparisonViews = () => ({ overview: $('tab-overview'), sideBySide: $('tab-side-by-side'), comparison: $('tab-comparison') });

function setUp() {
  $('file-input').addEventListener('change', (event) => {
    addFiles([...event.target.files]);
    event.target.value = '';
  });
  const zone = $('dropzone');
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const files = [...event.dataTransfer.files];
    if (files.length) {
      addFiles(files);
    } else {
      const text = event.dataTransfer.getData('text/plain');
      if (text) { $('paste-text').value = text; $('paste-panel').open = true; }
    }
  });
  $('demo-button').addEventListener('click', loadDemo);
  $('paste-add').addEventListener('click', addPaste);
  $('default-date').addEventListener('change', changed);
  const selectTab = installTabs(document.querySelector('#results [role=tablist]'));
  // A link to a place in a source opens the Documents view there.
  installLinks($('results'), {
    onGoto: (id) => {
      selectTab('documents');
      reveal(id);
    },
  });
  $('forget-yes').addEventListener('click', () => { $('forget-dialog').close(); forgetWork(); });
  $('forget-no').addEventListener('click', () => $('forget-dialog').close());
}

// What a reload brings back: store.js keeps it in IndexedDB.
function saveWork() {
  store.saveSoon(() => ({
    documents: state.documents, nextId: state.nextId, corrections: state.corrections, flips: state.flips,
    edits: state.edits, defaultDate: $('default-date').value,
  }));
}

function forgetWork() {
  Object.assign(state, { documents: [], corrections: new Map(), flips: new Map(), edits: noEdits(), lastRemoved: null });
  $('default-date').value = '';
  changed();
  store.forget(); // after changed(): the save it asks for is dropped
}

// A standing message (trouble with storage, no offline use) until its source says otherwise.
function notice(source, text) {
  if (state.notices[source] === text) return;
  state.notices[source] = text;
  render();
}

// Offline use: sw.js caches the page's files on the first visit. Browsers
// offer no service workers outside secure contexts: nothing to say there.
function workOffline() {
  navigator.serviceWorker?.register(new URL('./sw.js', import.meta.url))
    .catch((error) => notice('offline', `This page cannot be made to work offline here (${error.message}).`));
}

// The saved work comes back before the first render, and is analyzed again.
// The page takes files at once; those dropped, picked or pasted while the
// saved work loads are kept, after the saved documents.
async function start() {
  setUp();
  const saved = await store.load((problem) => notice('storage', problem));
  const early = state.documents;
  if (saved) {
    const { defaultDate, ...work } = saved;
    Object.assign(state, work);
    $('default-date').value = defaultDate ?? '';
    for (const doc of early) addDocument(doc.name, doc.bytes);
  }
  restored = true;
  render();
  $('document-list').removeAttribute('aria-busy'); // the saved documents are in
  if (early.length) changed(); // saved with the rest, and analyzed
  else if (state.documents.length) runAnalysis();
  else analyzer.warm(DEMO_FILES.map((file) => new URL(`demo/${file}`, location.href).href)); // ready before the reader's first documents arrive
  workOffline();
}

start();
