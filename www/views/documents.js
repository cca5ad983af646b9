// Each document's own text: facts the reader can correct, boilerplate set
// apart, quotes and other findings highlighted in place.
import { element, speakerClass, documentLabel } from './dom.js';

// Documents whose boilerplate the reader chose to see, kept across re-analyses.
const showing = new Set();

const FACTS = [['title', 'Title'], ['outlet', 'Outlet'], ['byline', 'Byline'], ['date', 'Date']];

export function renderDocuments(container, report, corrections, onCorrect, onFlip) {
  container.replaceChildren(...report.documents.map((doc, index) => {
    const facts = element('dl', { class: 'facts' }, FACTS.map(([field, label]) => {
      const input = element('input', { type: 'text', value: corrections[index][field] ?? doc[field] ?? '', placeholder: 'unknown', 'aria-label': `${label} of document ${index + 1}` });
      input.addEventListener('change', () => onCorrect(index, field, input.value.trim() || null));
      return [element('dt', {}, label), element('dd', {}, input)];
    }));
    if (doc.dateline_place) facts.append(element('dt', {}, 'Dateline'), element('dd', {}, doc.dateline_place));
    const text = element('div', { class: 'doc-text', title: 'Click a line to set it apart as boilerplate, or to bring it back' },
      renderLines(doc, (line) => onFlip(index, line)));
    const toggle = element('input', { type: 'checkbox', checked: showing.has(doc.name) });
    const article = element('article', { class: `doc${showing.has(doc.name) ? '' : ' hide-boilerplate'}`, 'data-doc': index },
      element('h3', {}, documentLabel(report, corrections, index), element('span', { class: 'file-name' }, doc.name)),
      facts,
      element('label', { class: 'toggle' }, toggle, ` Show the ${doc.boilerplate.length} boilerplate line${doc.boilerplate.length === 1 ? '' : 's'}`),
      text);
    toggle.addEventListener('change', () => {
      article.classList.toggle('hide-boilerplate', !toggle.checked);
      if (toggle.checked) showing.add(doc.name); else showing.delete(doc.name);
    });
    return article;
  }));
}

// One element per line, so a click can flip that line; highlights are cut at line ends.
function renderLines(doc, onFlip) {
  const chars = [...doc.text];
  const spans = collectSpans(doc);
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
      .map((s) => ({ ...s, start: Math.max(s.start, from), end: Math.min(s.end, to) }));
    const setApart = inLine.find((s) => s.kind === 'boilerplate' && s.start === from && s.end === to);
    const line = element('div', { class: `line${setApart ? ' boilerplate-line' : ''}${to === from ? ' blank' : ''}`, 'data-line': number },
      nest(chars, inLine, from, to));
    if (to > from) {
      line.addEventListener('click', () => {
        if (!String(window.getSelection())) onFlip(number); // selecting text is not a flip
      });
    }
    return line;
  });
}

function collectSpans(doc) {
  return [
    ...doc.boilerplate.map((b) => ({ ...b, kind: 'boilerplate', title: `boilerplate: ${b.reason}`, attrs: { 'data-reason': b.reason } })),
    ...doc.quotes.map((q) => ({ ...q, kind: 'quote', title: `${q.kind} quote — ${q.speaker || 'speaker unknown'}${q.cue ? ` (${q.cue})` : ''}`, attrs: { 'data-speaker': q.speaker || '', 'data-quote-kind': q.kind }, className: speakerClass(q.speaker) })),
    ...doc.quotes.filter((q) => q.speaker_span).map((q) => ({ ...q.speaker_span, kind: 'speaker', title: `speaker: ${q.speaker}`, className: speakerClass(q.speaker) })),
    ...doc.entities.map((e) => ({ ...e, kind: 'entity', title: `${e.type}: ${e.canonical}` })),
    ...doc.quantities.map((q) => ({ ...q, kind: 'quantity', title: `${q.approx ? `${q.approx} ` : ''}${q.value}${q.unit ? ` ${q.unit}` : ''}` })),
    ...doc.dates.map((d) => ({ ...d, kind: 'date', title: d.value || 'unresolved date' })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
}

// Highlights as nested elements: a span inside another (a name inside a quote)
// nests; spans that cross each other keep the first.
function nest(chars, spans, from, to) {
  const root = { end: Infinity, children: [] };
  const stack = [root];
  for (const span of spans) {
    while (stack.length > 1 && stack[stack.length - 1].end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (span.end > parent.end) continue; // crosses its parent
    const lastSibling = parent.children[parent.children.length - 1];
    if (lastSibling && lastSibling.end > span.start) continue; // crosses a sibling
    const node = { ...span, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  const text = (a, b) => chars.slice(a, b).join('');
  const build = (node, start, end) => {
    const out = [];
    let at = start;
    for (const child of node.children) {
      if (child.start > at) out.push(text(at, child.start));
      const attrs = { 'data-kind': child.kind === 'speaker' ? null : child.kind, class: [child.kind, child.className].filter(Boolean).join(' '), title: child.title, ...child.attrs };
      out.push(element(child.kind === 'quote' ? 'mark' : 'span', attrs, build(child, child.start, child.end)));
      at = child.end;
    }
    if (end > at) out.push(text(at, end));
    return out;
  };
  return build(root, from, to);
}
