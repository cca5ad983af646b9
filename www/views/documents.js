// Each document's own text: facts the reader can correct, boilerplate set
// apart, quotes and other findings highlighted in place.
import { element, speakerClass, documentLabel } from './dom.js';
import { factSpans, factLegend, factList } from './facts.js';
import { ids, docOf, relight } from './links.js';

// Documents whose boilerplate the reader chose to see, kept across re-analyses.
const showing = new Set();

export const FACTS = [['title', 'Title'], ['outlet', 'Outlet'], ['byline', 'Byline'], ['date', 'Date']];

// Past the first few, a document's text is drawn when it nears the screen or
// a link opens a place in it: a thousand texts at once hold the page for seconds.
const FIRST_DRAWN = 10;
const undrawn = new Map(); // document index -> draws its facts and text
let observer = null;

export function renderDocuments(container, report, corrections, onCorrect, onFlip) {
  const focusedLine = document.activeElement?.closest?.('.doc-text .line');
  const refocus = focusedLine && container.contains(focusedLine) ? [focusedLine.closest('article').dataset.doc, Number(focusedLine.dataset.line)] : null;
  undrawn.clear();
  observer?.disconnect();
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) drawLate(Number(entry.target.dataset.doc));
  }, { rootMargin: '100% 0px' });
  container.replaceChildren(factLegend(container, report), ...report.documents.map((doc, index) => {
    const article = element('article', { class: `doc${showing.has(doc.name) ? '' : ' hide-boilerplate'}`, 'data-doc': index },
      element('h2', {}, documentLabel(report, corrections, index), element('span', { class: 'file-name' }, doc.name)));
    undrawn.set(index, () => {
      const facts = element('dl', { class: 'facts' }, FACTS.map(([field, label]) => {
        const input = element('input', { type: 'text', value: corrections[index][field] ?? doc[field] ?? '', placeholder: 'unknown', 'aria-label': `${label} of document ${index + 1}` });
        input.addEventListener('change', () => onCorrect(index, field, input.value.trim() || null));
        return [element('dt', {}, label), element('dd', {}, input)];
      }));
      if (doc.dateline_place) facts.append(element('dt', {}, 'Dateline'), element('dd', {}, doc.dateline_place));
      const text = element('div', { class: 'doc-text', title: 'Click a line, or press Enter on it, to set it apart as boilerplate, or to bring it back' },
        renderLines(doc, index, report.comparison, (line) => onFlip(index, line)));
      const toggle = element('input', { type: 'checkbox', checked: showing.has(doc.name) });
      toggle.addEventListener('change', () => {
        article.classList.toggle('hide-boilerplate', !toggle.checked);
        if (toggle.checked) showing.add(doc.name); else showing.delete(doc.name);
      });
      article.append(...[facts,
        element('label', { class: 'toggle' }, toggle, ` Show the ${doc.boilerplate.length} boilerplate line${doc.boilerplate.length === 1 ? '' : 's'}`),
        factList(doc, index),
        text].filter(Boolean));
      article.classList.remove('undrawn');
      observer.unobserve(article);
      return article;
    });
    if (index >= FIRST_DRAWN) {
      article.classList.add('undrawn');
      observer.observe(article);
    }
    return article;
  }));
  for (let index = 0; index < FIRST_DRAWN; index += 1) drawDocument(index);
  if (refocus) {
    drawDocument(Number(refocus[0]));
    refocusLine(container, ...refocus);
  }
}

// Draws a document not drawn yet; returns its article then.
function drawDocument(index) {
  const draw = undrawn.get(index);
  undrawn.delete(index);
  return draw?.();
}

// Drawn after the others, its spans take what is lit now.
function drawLate(index) {
  const article = drawDocument(index);
  if (article) relight(article);
}

// A line flipped from the keyboard (or the next one shown, when it is now
// hidden boilerplate) keeps the focus through the re-render.
function refocusLine(container, doc, number) {
  const lines = container.querySelectorAll(`article[data-doc="${doc}"] .line[tabindex="0"]`);
  [...lines].find((line) => Number(line.dataset.line) >= number && line.checkVisibility())?.focus();
}

// One element per line, so a click can flip that line; highlights are cut at line ends.
function renderLines(doc, index, comparison, onFlip) {
  const chars = [...doc.text];
  const spans = collectSpans(doc, index, comparison);
  const lines = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i += 1) {
    if (i === chars.length || chars[i] === '\n') {
      lines.push([start, i]);
      start = i + 1;
    }
  }
  return lines.map(([from, to], number) => {
    const inLine = spans.filter((s) => s.start < to && s.end > from)
      .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to), part: s.start < from }));
    const setApart = inLine.find((s) => s.kind === 'boilerplate' && s.start === from && s.end === to);
    const line = element('div', { class: `line${setApart ? ' boilerplate-line' : ''}${to === from ? ' blank' : ''}`, 'data-line': number, tabindex: to > from ? 0 : null },
      nest(chars, inLine, from, to));
    if (to > from) {
      line.addEventListener('click', (event) => {
        // Selecting text is not a flip, nor is a click on a number or date to see its value.
        if (!String(window.getSelection()) && !event.target.closest('mark.fact')) onFlip(number);
      });
      line.addEventListener('keydown', (event) => {
        if (event.target !== line || (event.key !== 'Enter' && event.key !== ' ')) return;
        event.preventDefault();
        onFlip(number);
      });
    }
    return line;
  });
}

// The order in which highlights layer, outermost first: where two cross, the
// inner kind is cut at the outer one's edge.
// Regions (sentences, statements, shared passages) are innermost: they are
// the ones cut around everything else, and carry no style of their own until
// an item elsewhere lights them.
const RANK = ['boilerplate', 'quote', 'speaker', 'entity', 'quantity', 'date', 'region'];

function collectSpans(doc, index, comparison) {
  const quoteKeys = quoteGroupKeys(comparison, index);
  return [
    ...doc.boilerplate.map((b) => ({ ...b, kind: 'boilerplate', title: `boilerplate: ${b.reason}`, attrs: { 'data-reason': b.reason } })),
    ...doc.quotes.map((q, i) => {
      const key = [ids.quote(index, i), ...(quoteKeys.get(i) || [])].join(' ');
      const attrs = { 'data-speaker': q.speaker || '', 'data-quote-kind': q.kind, 'data-key': key };
      return { ...q, kind: 'quote', tag: 'mark', title: `${q.kind} quote — ${q.speaker || 'speaker unknown'}${q.cue ? ` (${q.cue})` : ''}`, attrs: { ...attrs, id: ids.quote(index, i), tabindex: -1 }, partAttrs: attrs, className: speakerClass(q.speaker) };
    }),
    ...doc.quotes.filter((q) => q.speaker_span).map((q) => ({ ...q.speaker_span, kind: 'speaker', title: `speaker: ${q.speaker}`, className: speakerClass(q.speaker) })),
    ...factSpans(doc, index),
    ...regionSpans(doc, index, comparison),
  ].filter((s) => s.end > s.start).map((s) => ({ ...s, rank: RANK.indexOf(s.kind) }));
}

// The quote groups each quote of this document belongs to, as keys.
function quoteGroupKeys(comparison, index) {
  const keys = new Map();
  (comparison?.quote_groups || []).forEach((group, g) => {
    for (const m of group.members) {
      if (m.doc === index) keys.set(m.quote, [...(keys.get(m.quote) || []), `qg-${g}`]);
    }
  });
  return keys;
}

// Each sentence, each statement's span in this document and each shared
// passage's: an id on the first piece to scroll to, a key on every piece to light.
function regionSpans(doc, index, comparison) {
  const region = (span, id, key) => ({
    start: span.start, end: span.end, kind: 'region', className: 'region',
    attrs: { id, 'data-key': key, tabindex: -1 }, partAttrs: { 'data-key': key },
  });
  const spans = (doc.sentences || []).map((s, i) => region(s, ids.sentence(index, i), ids.sentence(index, i)));
  (comparison?.statements || []).forEach((statement, k) => {
    const support = statement.support.filter((s) => s.doc === index);
    support.forEach((s, n) => spans.push(region(s, n === 0 ? ids.statement(k, index) : null, `st-${k}`)));
  });
  (comparison?.passages || []).forEach((passage, k) => {
    const own = passage.spans.filter((s) => s.doc === index);
    own.forEach((s, n) => spans.push(region(s, n === 0 ? ids.passage(k, index) : null, `pass-${k}`)));
  });
  return spans;
}

// Opens the place an id names: the boilerplate it sits in shown if the reader
// hid it, scrolled to the middle, focused, and flashed.
export function reveal(id) {
  const doc = docOf(id);
  if (doc !== null) drawLate(doc);
  const target = document.getElementById(id);
  if (!target) return false;
  if (!target.checkVisibility()) target.closest('article')?.querySelector('label.toggle input:not(:checked)')?.click();
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  const key = target.dataset.key?.split(' ')[0] || target.dataset.fact;
  const pieces = key ? document.querySelectorAll(`#tab-documents [data-key~="${CSS.escape(key)}"], #tab-documents [data-fact="${CSS.escape(key)}"]`) : [target];
  for (const piece of pieces) {
    piece.classList.remove('flash');
    void piece.offsetWidth; // restarts the animation
    piece.classList.add('flash');
  }
  return true;
}

const order = (a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank;

// Highlights as nested elements: a span inside another (a date inside a quote)
// nests. Where two cross, one is cut in two and its second piece waits its
// turn: the inner kind by RANK is the one cut, so quotes stay whole around the
// numbers and dates they contain. Every character is rendered exactly once.
function nest(chars, spans, from, to) {
  const queue = [...spans].sort(order);
  const later = (piece, i) => {
    let at = i + 1;
    while (at < queue.length && order(queue[at], piece) <= 0) at += 1;
    queue.splice(at, 0, piece);
  };
  const root = { end: Infinity, children: [] };
  const stack = [root];
  for (let i = 0; i < queue.length; i += 1) {
    let span = queue[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    while (span.end > stack[stack.length - 1].end) {
      const top = stack[stack.length - 1];
      if (span.rank < top.rank) { // an outer kind starts inside this one: end this one there
        later({ ...top, start: span.start, part: true }, i);
        top.end = span.start;
        stack.pop();
      } else { // this span continues past its parent's end
        later({ ...span, start: top.end, part: true }, i);
        span = { ...span, end: top.end };
      }
    }
    const node = { ...span, children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  }
  const text = (a, b) => chars.slice(a, b).join('');
  const build = (node, start, end) => {
    const out = [];
    let at = start;
    for (const child of node.children) {
      if (child.start > at) out.push(text(at, child.start));
      const attrs = { 'data-kind': child.kind === 'speaker' ? null : child.kind, class: [child.kind, child.className].filter(Boolean).join(' '), title: child.title, ...(child.part ? child.partAttrs ?? child.attrs : child.attrs) };
      out.push(element(child.tag || 'span', attrs, build(child, child.start, child.end)));
      at = child.end;
    }
    if (end > at) out.push(text(at, end));
    return out;
  };
  return build(root, from, to);
}
