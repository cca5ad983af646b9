// <parallax-compare>: the comparison's overview of a few articles, for any page.
// The articles come from the `articles` property if set, else from the `src`
// attribute (space-separated same-origin URLs of text files), else from the
// <article> children (data-name, data-outlet, data-date; their text as
// textContent, never read as HTML). The element re-renders when they change.
import { analyze } from './parallax.js';
import { withDefaults } from './views/comparison.js';
import { renderOverview } from './views/overview.js';
import { element, documentLabel } from './views/dom.js';
import { setStatus, showMessages } from './views/messages.js';

// Linked, not inline, so a page with a strict Content-Security-Policy may embed it.
const STYLESHEETS = ['style.css', 'parallax-compare.css'].map((file) => new URL(file, import.meta.url).href);

export class ParallaxCompare extends HTMLElement {
  static observedAttributes = ['src', 'default-date'];

  #articles = null;
  #report = null;
  #run = null; // the AbortController of the analysis in flight
  #scheduled = false;
  #status = element('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  #messages = element('ul', { class: 'messages', 'aria-live': 'polite' });
  #overview = element('section', { class: 'overview' });
  #sources = element('ul', { class: 'sources' });
  // The children are the input: any change to them, their text or their data is a new comparison.
  #observer = new MutationObserver(() => this.#schedule());

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.append(...STYLESHEETS.map((href) => element('link', { rel: 'stylesheet', href })),
      this.#status, this.#messages, this.#overview,
      element('h2', {}, 'Sources'), this.#sources);
    // The overview's links point into the full page's Documents view, which is
    // not here: following one must not move the embedding page.
    root.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-goto]');
      if (!link) return;
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('parallax-goto', { detail: { id: link.dataset.goto }, bubbles: true, composed: true }));
    });
  }

  connectedCallback() {
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-name', 'data-outlet', 'data-date'] });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer.disconnect();
    this.#run?.abort();
  }

  attributeChangedCallback() {
    this.#schedule();
  }

  /** @returns {Array<{ name: string, text?: string, bytes?: Uint8Array, outlet?: string, date?: string }>|null} */
  get articles() {
    return this.#articles;
  }

  /** Articles for analyze() (see parallax.js); null goes back to `src` or the children. */
  set articles(articles) {
    this.#articles = articles ? [...articles] : null;
    this.#schedule();
  }

  /** The last report shown, or null. */
  get report() {
    return this.#report;
  }

  // Several changes at once (a script adding three children) are one analysis.
  #schedule() {
    if (this.#scheduled || !this.isConnected) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#update();
    });
  }

  async #update() {
    this.#run?.abort();
    const run = new AbortController();
    this.#run = run;
    const { signal } = run;
    const busy = (text) => setStatus(this.#status, { busy: true, text, onCancel: () => run.abort() });
    let articles;
    let report;
    try {
      busy('reading the articles');
      articles = await this.#input(signal);
      if (!articles.length) {
        this.#show(null, [], 'No articles to compare: add <article> children, a src attribute or the articles property.');
        return;
      }
      report = await analyze(articles, { signal, onProgress: busy, defaultDate: this.getAttribute('default-date') || undefined });
    } catch (error) {
      if (run !== this.#run) return; // a newer analysis replaced this one
      this.#show(null, [], signal.aborted ? 'Analysis cancelled.' : error.message);
      return;
    }
    if (run !== this.#run) return;
    const count = report.documents.length;
    this.#show(report, articles, `Compared ${count} article${count === 1 ? '' : 's'}.`);
    this.dispatchEvent(new CustomEvent('parallax-report', { detail: { report } }));
  }

  #show(report, articles, text) {
    this.#report = report;
    setStatus(this.#status, { busy: false, text });
    showMessages(this.#messages, report ? report.errors.map((e) => e.message) : []);
    if (!report) {
      this.#overview.replaceChildren();
      this.#sources.replaceChildren();
      return;
    }
    const shown = withDefaults(report);
    // The outlets and dates the articles were given are in the report already (as corrections).
    const label = (i) => documentLabel(shown, [], i);
    renderOverview(this.#overview, shown, label);
    this.#sources.replaceChildren(...shown.documents.map((doc, i) => {
      const { url } = articles.find((a) => a.name === doc.name) || {};
      return element('li', {}, element('span', { class: 'source-label' }, label(i)), doc.title ? ` — ${doc.title}` : '', ' ',
        element('span', { class: 'file-name' }, '(', url ? element('a', { href: url }, doc.name) : doc.name, ')'));
    }));
  }

  async #input(signal) {
    if (this.#articles) return this.#articles;
    const src = this.getAttribute('src');
    if (src !== null) return Promise.all(src.split(/\s+/).filter(Boolean).map((address) => fetchArticle(address, signal)));
    return [...this.children].filter((child) => child.localName === 'article').map((child, i) => ({
      name: child.dataset.name || `article ${i + 1}`,
      text: child.textContent,
      outlet: child.dataset.outlet || undefined,
      date: child.dataset.date || undefined,
    }));
  }
}

// A text file the page itself serves; other origins are refused, redirects to them included.
async function fetchArticle(address, signal) {
  const url = new URL(address, document.baseURI);
  if (url.origin !== location.origin) throw new Error(`${address} is not on this page's site: only same-origin files are read.`);
  const response = await fetch(url, { signal, mode: 'same-origin', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${address} could not be read (${response.status}).`);
  const name = decodeURIComponent(url.pathname.split('/').pop() || url.pathname);
  return { name, bytes: new Uint8Array(await response.arrayBuffer()), url: url.href };
}

if (!customElements.get('parallax-compare')) customElements.define('parallax-compare', ParallaxCompare);
