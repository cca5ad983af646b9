// Numbers, dates and names found in a document: marks in its text with the
// normalized value on hover and focus, a legend that shows or hides each kind,
// and a per-document list linking to each one's place in the text.
import { element } from './dom.js';

export const FACT_KINDS = [['quantity', 'Numbers', 'quantities'], ['date', 'Dates', 'dates'], ['entity', 'Names', 'entities']];

// Kinds the reader hid, kept across re-analyses.
const hidden = new Set();

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const SPAN_FIELDS = new Set(['start', 'end', 'text', 'value', 'type']);

export function quantityValue(q, all = []) {
  const unit = (n) => (!q.unit ? '' : q.unit === '%' ? '%' : q.unit === 'year' ? (n === 1 ? ' year' : ' years') : ` ${q.unit}`);
  const { min, max } = q;
  const hedge = q.approx ? `${q.approx} ` : '';
  const n = (x) => `${number.format(x)}${unit(x)}`;
  const amount = min != null && max != null && min !== max ? `${hedge}${number.format(min)}–${n(max)}`
    : min != null && max == null ? `≥ ${n(min)}`
      : max != null && min == null ? `≤ ${n(max)}`
        : `${hedge}${n(q.value)}`;
  const kind = ['count', 'age', 'ordinal'].includes(q.kind) ? ` (${q.kind})` : '';
  const restates = all[q.conversion_of] ? ` = ${all[q.conversion_of].text}` : '';
  const about = [q.counted, q.event].filter(Boolean).join(', ');
  return `${amount}${kind}${restates}${about ? ` — ${about}` : ''}`;
}

// Whatever the dates extractor gives: the value (or "unresolved"), the type
// when it is not a plain date, and any other field it adds.
export function dateValue(d) {
  const type = d.type && d.type !== 'DATE' ? ` (${String(d.type).toLowerCase()})` : '';
  const extra = Object.entries(d).filter(([key, v]) => !SPAN_FIELDS.has(key) && v != null && typeof v !== 'object')
    .map(([key, v]) => `, ${key.replace(/_/g, ' ')} ${v}`).join('');
  return `${d.value ?? 'unresolved'}${type}${extra}`;
}

const entityValue = (e) => `${e.type ?? 'name'}${e.canonical && e.canonical !== e.text ? `: ${e.canonical}` : ''}`;

// Each fact with its kind, id and value text, in text order.
export function facts(doc, index) {
  const values = { quantity: (q) => quantityValue(q, doc.quantities), date: dateValue, entity: entityValue };
  return FACT_KINDS.flatMap(([kind, , field]) => (doc[field] || []).map((item, i) => ({
    item, kind, id: `fact-${index}-${kind}-${i}`, value: values[kind](item),
  }))).sort((a, b) => a.item.start - b.item.start || a.item.end - b.item.end);
}

// The highlight spans for documents.js: the first piece of a mark carries the id,
// takes focus and points at its value in the list; later pieces (cut at a line
// end or by a quote) only show the value on hover. Facts over the very same
// words (`69-year-old`: an age and a duration) nest, so each shows the others'
// values after its own: hovering shows the innermost one only.
export function factSpans(doc, index) {
  const all = facts(doc, index);
  const byExtent = Map.groupBy(all, (f) => `${f.item.start}-${f.item.end}`);
  return all.map(({ item, kind, id, value }) => {
    const same = byExtent.get(`${item.start}-${item.end}`).filter((f) => f.id !== id);
    const shown = [value, ...same.map((f) => f.value)].join(' · ');
    return {
      start: item.start, end: item.end, kind, tag: 'mark', className: 'fact',
      // title="" keeps the line's and the quote's native tooltips from covering the value.
      attrs: { id, 'data-fact': id, tabindex: hidden.has(kind) ? -1 : 0, 'data-value': shown, 'aria-describedby': `${id}-value`, title: '' },
      partAttrs: { 'data-fact': id, 'data-value': shown, title: '' },
    };
  });
}

// Shows or hides one kind's marks everywhere in the container.
function apply(container, kind) {
  container.classList.toggle(`hide-${kind}`, hidden.has(kind));
  for (const mark of container.querySelectorAll(`.doc-text mark[data-kind="${kind}"][id]`)) {
    mark.tabIndex = hidden.has(kind) ? -1 : 0;
  }
}

export function factLegend(container, report) {
  const legend = element('div', { class: 'legend', role: 'group', 'aria-label': 'Highlights in the text' },
    element('span', { class: 'legend-title' }, 'Highlights'),
    FACT_KINDS.map(([kind, label, field]) => {
      const count = report.documents.reduce((n, doc) => n + (doc[field] || []).length, 0);
      const box = element('input', { type: 'checkbox', checked: !hidden.has(kind), 'data-toggle': kind });
      box.addEventListener('change', () => {
        if (box.checked) hidden.delete(kind); else hidden.add(kind);
        apply(container, kind);
      });
      return element('label', { class: count ? null : 'empty' }, box, ' ', element('span', { class: `swatch swatch-${kind}` }, label), ` ${count}`);
    }),
    element('span', { class: 'legend-note' }, 'hover or tab to a mark for its value; quotes are shaded by speaker'));
  for (const [kind] of FACT_KINDS) container.classList.toggle(`hide-${kind}`, hidden.has(kind));
  return legend;
}

// The document's numbers, dates and names with their values, each a link to its mark.
export function factList(doc, index) {
  const all = facts(doc, index);
  if (!all.length) return null;
  const groups = FACT_KINDS.map(([kind, label]) => [kind, label, all.filter((f) => f.kind === kind)]).filter(([, , items]) => items.length);
  return element('details', { class: 'fact-list' },
    element('summary', {}, 'In this article: ', groups.map(([, label, items]) => `${items.length} ${label.toLowerCase()}`).join(', ')),
    element('div', { class: 'fact-groups' }, groups.map(([kind, label, items]) => element('section', { 'data-kind': kind },
      element('h3', {}, label),
      element('ul', {}, items.map(({ item, id, value }) => {
        const link = element('a', { href: `#${id}` }, item.text);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          const mark = document.getElementById(id);
          // A mark in boilerplate the reader hid: show the boilerplate first.
          if (mark && !mark.checkVisibility()) mark.closest('article')?.querySelector('label.toggle input:not(:checked)')?.click();
          mark?.scrollIntoView({ block: 'center' });
          mark?.focus({ preventScroll: true });
        });
        return element('li', {}, link, ' ', element('span', { class: 'fact-value', id: `${id}-value` }, value));
      }))))));
}
