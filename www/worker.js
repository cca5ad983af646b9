// Runs the analysis off the page's thread, so a large input never freezes the tab.
import init, { analyze } from './pkg/parallax.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, names, contents, defaultDate } = event.data;
  try {
    self.postMessage({ id, stage: 'loading the analyzer' });
    await ready;
    self.postMessage({ id, stage: `analyzing ${names.length} document${names.length === 1 ? '' : 's'}` });
    const started = performance.now();
    const report = analyze(names, contents, defaultDate || undefined);
    self.postMessage({ id, report, millis: performance.now() - started });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
};
