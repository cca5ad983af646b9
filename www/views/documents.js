// Each document's own text: facts the reader can correct, boilerplate set
// apart, quotes and other findings highlighted in place.
import { element, codePointSlicer, speakerClass, documentLabel } from './dom.js';

const FACTS = [['title', 'Title'], ['outlet', 'Outlet'], ['byline', 'Byline'], ['date', 'Date']];

export function renderDocuments(container, report, corrections, onCorrect) {
  container.replaceChildren(...report.documents.map((doc, index) => {
    const facts = element('dl', { class: 'facts' }, FACTS.map(([field, label]) => {
      const input = element('input', { type: 'text', value: corrections[index][field] ?? doc[field] ?? '', placeholder: 'unknown', 'aria-label': `${label} of document ${index + 1}` });
      input.addEventListener('change', () => onCorrect(index, field, input.value.trim() || null));
      return [element('dt', {}, label), element('dd', {}, input)];
    }));
    if (doc.dateline_place) facts.append(element('dt', {}, 'Dateline'), element('dd', {}, doc.dateline_place));
    const text = element('div', { class: 'doc-text' }, renderSpans(doc));
    const toggle = element('input', { type: 'checkbox' });
    const article = element('article', { class: 'doc hide-boilerplate', 'data-doc': index },
      element('h3', {}, documentLabel(report, corrections, index), element('span', { class: 'file-name' }, doc.name)),
      facts,
      element('label', { class: 'toggle' }, toggle, ` Show the ${doc.boilerplate.length} boilerplate line${doc.boilerplate.length === 1 ? '' : 's'}`),
      text);
    toggle.addEventListener('change', () => article.classList.toggle('hide-boilerplate', !toggle.checked));
    return article;
  }));
}

// Highlights as nested elements: a span inside another (a name inside a quote)
// nests; spans that cross each other keep the first.
function renderSpans(doc) {
  const slice = codePointSlicer(doc.text);
  const spans = [
    ...doc.boilerplate.map((b) => ({ ...b, kind: 'boilerplate', title: `boilerplate: ${b.reason}`, attrs: { 'data-reason': b.reason } })),
    ...doc.quotes.map((q) => ({ ...q, kind: 'quote', title: `${q.kind} quote — ${q.speaker || 'speaker unknown'}${q.cue ? ` (${q.cue})` : ''}`, attrs: { 'data-speaker': q.speaker || '', 'data-quote-kind': q.kind }, className: speakerClass(q.speaker) })),
    ...doc.quotes.filter((q) => q.speaker_span).map((q) => ({ ...q.speaker_span, kind: 'speaker', title: `speaker: ${q.speaker}`, className: speakerClass(q.speaker) })),
    ...doc.entities.map((e) => ({ ...e, kind: 'entity', title: `${e.type}: ${e.canonical}` })),
    ...doc.quantities.map((q) => ({ ...q, kind: 'quantity', title: `${q.approx ? `${q.approx} ` : ''}${q.value}${q.unit ? ` ${q.unit}` : ''}` })),
    ...doc.dates.map((d) => ({ ...d, kind: 'date', title: d.value || 'unresolved date' })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

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

  const build = (node, from, to) => {
    const out = [];
    let at = from;
    for (const child of node.children) {
      if (child.start > at) out.push(slice(at, child.start));
      const attrs = { 'data-kind': child.kind === 'speaker' ? null : child.kind, class: [child.kind, child.className].filter(Boolean).join(' '), title: child.title, ...child.attrs };
      out.push(element(child.kind === 'quote' ? 'mark' : 'span', attrs, build(child, child.start, child.end)));
      at = child.end;
    }
    if (to > at) out.push(slice(at, to));
    return out;
  };
  return build(root, 0, [...doc.text].length);
}
