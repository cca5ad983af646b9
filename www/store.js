// The reader's work kept in IndexedDB, so a reload or a crash loses nothing.
// Each document's bytes are stored once under its id (they never change);
// everything else (order, names, corrections, flips, edits) is one record,
// rewritten in the same transaction, so what is stored is always one whole state.
// A storage failure is reported through `onProblem` and the page goes on without it.

// One database per copy of the app: two copies under different paths of a host keep apart.
const DATABASE = `parallax ${new URL('./', import.meta.url).pathname}`;
const TEXTS = 'texts'; // document id -> Uint8Array
const WORK = 'work'; // 'current' -> everything but the bytes
const SAVE_DELAY = 300; // ms: one write for a burst of changes

let database = null;
let announce = () => {};
let problem = null;
let stored = new Set(); // ids whose bytes are in TEXTS
let timer = null;
let snapshot = null; // () => the work to save, while a save is due
let writing = Promise.resolve();

const result = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

const finished = (transaction) => new Promise((resolve, reject) => {
  transaction.oncomplete = () => resolve();
  transaction.onerror = (event) => reject(event.target.error);
  transaction.onabort = () => reject(transaction.error ?? new DOMException('The write was cancelled.', 'AbortError'));
});

function setProblem(text) {
  if (text === problem) return;
  problem = text;
  announce(text);
}

const why = (error) => (error?.name === 'QuotaExceededError'
  ? 'the storage this browser allows the page is full'
  : error?.message || error?.name || String(error));

function open() {
  const request = indexedDB.open(DATABASE, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(TEXTS);
    request.result.createObjectStore(WORK);
  };
  return result(request);
}

// Opens the store and returns the saved work (`documents` with their bytes,
// the other fields as saved), or null when there is none.
// `onProblem(text or null)` hears each change of the storage's trouble.
export async function load(onProblem) {
  announce = onProblem;
  try {
    database = await open();
    // Another tab upgrading the database must not wait for this one.
    database.onversionchange = () => database.close();
    const transaction = database.transaction([TEXTS, WORK]);
    const [ids, texts, work] = await Promise.all([
      result(transaction.objectStore(TEXTS).getAllKeys()),
      result(transaction.objectStore(TEXTS).getAll()),
      result(transaction.objectStore(WORK).get('current')),
    ]);
    stored = new Set(ids);
    if (!work) return null;
    const bytes = new Map(ids.map((id, i) => [id, texts[i]]));
    return { ...work, documents: work.documents.map((doc) => ({ ...doc, bytes: bytes.get(doc.id) })) };
  } catch (error) {
    database = null;
    setProblem(`Your work cannot be kept in this browser (${why(error)}): documents and corrections will be gone when the page is closed or reloaded.`);
    return null;
  }
}

async function write(work) {
  const ids = new Set(work.documents.map((doc) => doc.id));
  const transaction = database.transaction([TEXTS, WORK], 'readwrite');
  const done = finished(transaction);
  const texts = transaction.objectStore(TEXTS);
  for (const doc of work.documents) if (!stored.has(doc.id)) texts.put(doc.bytes, doc.id);
  for (const id of stored) if (!ids.has(id)) texts.delete(id);
  transaction.objectStore(WORK).put({ ...work, documents: work.documents.map(({ bytes, ...rest }) => rest) }, 'current');
  await done;
  stored = ids;
}

// Saves the work `currentWork()` returns, shortly: a burst of changes is one write.
export function saveSoon(currentWork) {
  if (!database) return;
  snapshot = currentWork;
  clearTimeout(timer);
  timer = setTimeout(flush, SAVE_DELAY);
}

// Writes a save that is due now; resolves once every write so far is done.
export function flush() {
  clearTimeout(timer);
  if (snapshot && database) {
    const currentWork = snapshot;
    snapshot = null;
    writing = writing.then(async () => {
      try {
        await write(currentWork());
        setProblem(null);
      } catch (error) {
        setProblem(`Your latest changes could not be saved (${why(error)}): they are lost when the page is closed or reloaded. Removing documents frees space.`);
      }
    });
  }
  return writing;
}

// Empties the store; a save that was due is dropped.
export function forget() {
  clearTimeout(timer);
  snapshot = null;
  if (!database) return writing;
  writing = writing.then(async () => {
    try {
      const transaction = database.transaction([TEXTS, WORK], 'readwrite');
      const done = finished(transaction);
      transaction.objectStore(TEXTS).clear();
      transaction.objectStore(WORK).clear();
      await done;
      stored = new Set();
      setProblem(null);
    } catch (error) {
      setProblem(`The saved work could not be forgotten (${why(error)}): it may come back when the page is reloaded.`);
    }
  });
  return writing;
}

// A page being closed or hidden (perhaps for good, on a phone) writes at once.
addEventListener('pagehide', flush);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
