// The page's state and wiring: documents in, report out, views re-rendered.
import { renderDocumentList } from './views/document-list.js';
import { renderDocuments, reveal } from './views/documents.js';
import { renderComparisonViews } from './views/comparison.js';
import { installLinks } from './views/links.js';
import { renderQuotes } from './views/quotes.js';
import { showMessages, setStatus } from './views/messages.js';

// The core refuses larger inputs; checking first keeps a huge paste in the box instead of losing it.
const MAX_BYTES = 5 * 1024 * 1024;
const DEMO_FILES = ['rws-wire.txt', 'northbay-post.txt', 'continental-daily.txt', 'vellmar-herald.txt'];

const state = {
  documents: [], // { id, name, bytes }
  nextId: 1,
  report: null,
  reportDocIds: [], // state id of each report document, in order
  corrections: new Map(), // id -> { title, outlet, byline, date } the reader set
  flips: new Map(), // id -> Set of line numbers the reader flipped (article <-> boilerplate)
  pageMessages: [],
};

const $ = (id) => document.getElementById(id);
let worker = null;
let requestId = 0;
let pending = null;

function startWorker() {
  const fresh = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  fresh.onmessage = onWorkerMessage;
  // The worker itself died (it could not load, or ran out of memory): a fresh
  // one runs the analysis once more, and the documents are kept either way.
  fresh.onerror = (event) => {
    event.preventDefault();
    if (fresh !== worker) return;
    stopWorker();
    if (!pending) return; // idle: the next analysis starts a fresh one
    if (!pending.retried) {
      runAnalysis(true);
    } else {
      finishWithError(`The analyzer stopped (${event.message || 'unknown error'}). Your documents are kept: change them to try again.`);
    }
  };
  worker = fresh;
}

function stopWorker() {
  if (worker) worker.terminate();
  worker = null;
}

function uniqueName(name) {
  const taken = new Set(state.documents.map((d) => d.name));
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function addDocument(name, bytes) {
  state.documents.push({ id: state.nextId++, name: uniqueName(name || 'untitled.txt'), bytes });
}

async function addFiles(files) {
  for (const file of files) {
    addDocument(file.name, new Uint8Array(await file.arrayBuffer()));
  }
  changed();
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
      const name = $('paste-name').value.trim() || `pasted ${state.documents.length + 1}.txt`;
      addDocument(name, bytes);
      $('paste-text').value = '';
      $('paste-name').value = '';
    }
  }
  state.pageMessages = messages;
  if (messages.length) showMessages($('messages'), messages); else changed();
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
  changed();
}

function changed() {
  renderList();
  clearTimeout(changed.timer);
  changed.timer = setTimeout(runAnalysis, 100);
}

function runAnalysis(retried = false) {
  if (state.documents.length === 0) {
    state.report = null;
    render();
    return;
  }
  if (!worker) startWorker();
  requestId += 1;
  pending = { id: requestId, retried };
  const names = state.documents.map((d) => d.name);
  const contents = state.documents.map((d) => d.bytes.slice());
  const flipped = state.documents.map((d) => Uint32Array.from(state.flips.get(d.id) || []));
  setStatus($('status'), { busy: true, text: 'starting the analysis', onCancel: cancel });
  worker.postMessage({ id: requestId, names, contents, flipped, defaultDate: $('default-date').value });
}

function cancel() {
  stopWorker();
  pending = null;
  setStatus($('status'), { busy: false, text: 'Analysis cancelled. Change the documents to run it again.' });
}

function onWorkerMessage(event) {
  const message = event.data;
  if (!pending || message.id !== pending.id) return; // an older request
  if (message.stage) {
    setStatus($('status'), { busy: true, text: message.stage, onCancel: cancel });
    return;
  }
  if (message.error) {
    finishWithError(`The analysis failed: ${message.error}`);
    return;
  }
  pending = null;
  if (message.retire) stopWorker();
  state.report = message.report;
  const failed = new Set(message.report.errors.map((e) => e.name));
  state.reportDocIds = state.documents.filter((d) => !failed.has(d.name)).map((d) => d.id);
  const count = message.report.documents.length;
  setStatus($('status'), { busy: false, text: `Analyzed ${count} document${count === 1 ? '' : 's'} in ${Math.round(message.millis)} ms.` });
  render();
}

function finishWithError(text) {
  pending = null;
  // The worker could not recover (its module did not load, say): the next analysis starts a fresh one.
  stopWorker();
  setStatus($('status'), { busy: false, text });
  state.pageMessages = [text];
  render();
}

function renderList() {
  renderDocumentList($('document-list'), {
    documents: state.documents,
    report: state.report,
    reportDocIds: state.reportDocIds,
    onRename: (id, name) => {
      const doc = state.documents.find((d) => d.id === id);
      if (doc && name.trim() && name !== doc.name) {
        doc.name = uniqueName(name.trim());
        changed();
      }
    },
    onRemove: (id) => {
      state.documents = state.documents.filter((d) => d.id !== id);
      state.corrections.delete(id);
      state.flips.delete(id);
      changed();
    },
  });
}

function render() {
  renderList();
  const report = state.report;
  const messages = [...state.pageMessages];
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
  const onCorrect = (index, field, value) => {
    const id = state.reportDocIds[index];
    state.corrections.set(id, { ...(state.corrections.get(id) || {}), [field]: value });
    renderComparisonViews(comparisonViews(), report, corrections);
  };
  renderComparisonViews(comparisonViews(), report, corrections);
  const onFlip = (index, line) => {
    const id = state.reportDocIds[index];
    const lines = state.flips.get(id) || new Set();
    if (lines.has(line)) lines.delete(line); else lines.add(line);
    state.flips.set(id, lines);
    changed(); // the comparison follows the reader's decision
  };
  renderDocuments($('tab-documents'), report, corrections, onCorrect, onFlip);
  renderQuotes($('tab-quotes'), report, corrections);
}

const comparisonViews = () => ({ overview: $('tab-overview'), sideBySide: $('tab-side-by-side'), comparison: $('tab-comparison') });

function selectTab(name) {
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const selected = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(selected));
    $(`tab-${tab.dataset.tab}`).hidden = !selected;
  }
}

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
  for (const tab of document.querySelectorAll('[role=tab]')) {
    tab.addEventListener('click', () => selectTab(tab.dataset.tab));
  }
  // A link to a place in a source opens the Documents view there.
  installLinks($('results'), {
    onGoto: (id) => {
      selectTab('documents');
      reveal(id);
    },
  });
  renderList();
}

setUp();
