// The client of the analysis worker (worker.js): one Web Worker, one analysis
// at a time. A newer run replaces an older one, whose late reply is ignored; a
// worker that dies is replaced and the run tried once more on the fresh one.

const abortError = (message) => new DOMException(message, 'AbortError');
// The reason a signal was given, else (when it holds only the default) one that says what stopped.
const abortReason = (signal) => (signal.reason instanceof DOMException && signal.reason.name === 'AbortError'
  ? abortError('The analysis was cancelled.') : signal.reason);

/**
 * The request for one analysis; its arrays run in step, one entry a document.
 * @typedef {object} AnalysisRequest
 * @property {string[]} names file names, unique
 * @property {Uint8Array[]} contents the files' bytes (text or a saved HTML page)
 * @property {Uint32Array[]} [flipped] line numbers the reader moved between article and boilerplate
 * @property {string} [defaultDate] YYYY-MM-DD to assume when an article states no date
 * @property {object} [corrections] what the reader corrected, as src/corrections.rs reads it: { facts, merges, splits, speakers } keyed by document name
 */

/**
 * @typedef {object} AnalysisResult
 * @property {object} report the report (see parallax.js for its main fields)
 * @property {string} [markdown] the report as Markdown, when the worker makes it
 * @property {number} millis the time the analysis itself took
 */

export class Analyzer {
  #worker = null;
  #run = null; // the analysis in flight: { id, message, retried, onStage, resolve, reject, done }
  #lastId = 0;

  /**
   * Starts an analysis, replacing any still running (its promise rejects with an AbortError).
   * @param {AnalysisRequest} request
   * @param {{ onStage?: (text: string, step?: { done: number, total: number } | null) => void, signal?: AbortSignal, timeLimitMs?: number }} [options]
   *   onStage hears each step ("loading the analyzer", …); signal cancels the run; past
   *   timeLimitMs the run is cancelled and rejects with an Error saying so.
   * @returns {Promise<AnalysisResult>} rejects with an Error whose message is meant for the reader
   */
  run(request, { onStage = () => {}, signal, timeLimitMs } = {}) {
    this.#settle(this.#run, abortError('A newer analysis replaced this one.'));
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const { names, contents, flipped, defaultDate, corrections } = request;
      const id = ++this.#lastId;
      const run = { id, message: { id, names, contents, flipped, defaultDate, corrections }, retried: false, onStage, resolve, reject };
      const onAbort = () => this.#stop(run, abortReason(signal));
      signal?.addEventListener('abort', onAbort);
      const timer = timeLimitMs > 0 && setTimeout(() => this.#stop(run, new Error(
        `The analysis took longer than ${timeLimitMs / 1000} s and was stopped.`)), timeLimitMs);
      run.done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      this.#run = run;
      this.#post(run);
    });
  }

  /**
   * Loads the analyzer and runs it for a moment on sample articles (`urls`,
   * fetched by the worker), so the reader's first analysis takes about as
   * long as later ones. Nothing is reported; a run asked for meanwhile waits
   * for one sample call at most.
   */
  warm(urls) {
    if (this.#worker) return;
    this.#start();
    this.#worker.postMessage({ warm: urls });
  }

  /** Stops the worker, and the analysis in flight if any (its promise rejects with an AbortError). */
  cancel() {
    const run = this.#run;
    this.#stopWorker();
    this.#settle(run, abortError('The analysis was cancelled.'));
  }

  #post(run) {
    if (!this.#worker) this.#start();
    run.onStage('starting the analysis');
    this.#worker.postMessage(run.message);
  }

  #start() {
    const fresh = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    fresh.onmessage = (event) => this.#onMessage(event.data);
    // The worker itself died (it could not load, or ran out of memory): a fresh
    // one runs the analysis once more.
    fresh.onerror = (event) => {
      event.preventDefault();
      if (fresh !== this.#worker) return;
      this.#stopWorker();
      const run = this.#run;
      if (!run) return; // idle: the next analysis starts a fresh one
      if (!run.retried) {
        run.retried = true;
        this.#post(run);
      } else {
        const error = new Error(`The analyzer stopped (${event.message || 'unknown error'}).`);
        error.name = 'AnalyzerStopped'; // so the page can say what the reader can do about it
        this.#settle(run, error);
      }
    };
    this.#worker = fresh;
  }

  #onMessage(message) {
    const run = this.#run;
    if (!run || message.id !== run.id) return; // an older request
    if (message.stage) {
      run.onStage(message.stage);
    } else if (message.progress) {
      const { stage, done, total } = message.progress;
      run.onStage(stage === 'comparing' ? 'comparing the documents' : `${stage} document ${done + 1} of ${total}`,
        stage === 'comparing' ? null : { done, total });
    } else if (message.error) {
      // The worker could not recover (its module did not load, say): the next analysis starts a fresh one.
      this.#stop(run, new Error(`The analysis failed: ${message.error}`));
    } else {
      if (message.retire) this.#stopWorker();
      const { report, markdown } = JSON.parse(message.json);
      this.#settle(run, null, { report, markdown, millis: message.millis });
    }
  }

  // Ends a run that is still the current one, and the worker that runs it.
  #stop(run, error) {
    if (!run || run !== this.#run) return;
    this.#stopWorker();
    this.#settle(run, error);
  }

  #settle(run, error, result) {
    if (!run || run !== this.#run) return;
    this.#run = null;
    run.done();
    if (error) run.reject(error); else run.resolve(result);
  }

  #stopWorker() {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
