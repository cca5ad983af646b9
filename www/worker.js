// Runs the analysis off the page's thread, so a large input never freezes the tab.
// Saved HTML pages go to a second module that reads the page's structure; it
// is fetched only when one arrives, so the usual case stays small.
import init, { analyze, anyHtml } from './pkg/parallax.js';

const ready = init();
let pageModule = null;

async function pageReader() {
  if (!pageModule) {
    pageModule = import('./pkg-html/parallax.js').then(async (module) => {
      await module.default();
      return module;
    });
  }
  return pageModule;
}

self.onmessage = async (event) => {
  const { id, names, contents, flipped, defaultDate } = event.data;
  try {
    self.postMessage({ id, stage: 'loading the analyzer' });
    await ready;
    let run = analyze;
    if (anyHtml(names, contents)) {
      self.postMessage({ id, stage: 'loading the reader for saved web pages' });
      run = (await pageReader()).analyze;
    }
    self.postMessage({ id, stage: `analyzing ${names.length} document${names.length === 1 ? '' : 's'}` });
    const started = performance.now();
    const report = run(names, contents, flipped, defaultDate || undefined);
    self.postMessage({ id, report, millis: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
};
