// Every quote of every document in one table, sortable, filterable by speaker and by source.
import { element, documentLabel, speakerClass } from './dom.js';

const COLUMNS = [['doc', 'Source'], ['speaker', 'Speaker'], ['kind', 'Kind'], ['cue', 'Cue'], ['text', 'Quote']];

export function renderQuotes(container, report, corrections) {
  const rows = report.documents.flatMap((doc, index) => doc.quotes.map((q) => ({
    doc: documentLabel(report, corrections, index), speaker: q.speaker || '', role: q.speaker_role || '',
    kind: q.kind, cue: q.cue || '', text: q.text,
  })));
  const speakers = [...new Set(rows.map((r) => r.speaker).filter(Boolean))].sort();
  const filter = element('select', { 'aria-label': 'Filter by speaker' },
    element('option', { value: '' }, `All speakers (${speakers.length})`),
    speakers.map((s) => element('option', { value: s }, s)));
  const sources = [...new Set(rows.map((r) => r.doc))];
  const source = element('select', { 'aria-label': 'Filter by source' },
    element('option', { value: '' }, `All sources (${sources.length})`),
    sources.map((d) => element('option', { value: d }, d)));
  const tbody = element('tbody');
  let sortKey = 'doc';
  let ascending = true;
  const head = element('tr', {}, COLUMNS.map(([key, title]) => {
    const button = element('button', { type: 'button' }, title);
    button.addEventListener('click', () => {
      ascending = sortKey === key ? !ascending : true;
      sortKey = key;
      draw();
    });
    return element('th', { scope: 'col' }, button);
  }));
  const draw = () => {
    const shown = rows.filter((r) => (!filter.value || r.speaker === filter.value) && (!source.value || r.doc === source.value))
      .sort((a, b) => (ascending ? 1 : -1) * a[sortKey].localeCompare(b[sortKey]));
    tbody.replaceChildren(...shown.map((r) => element('tr', {},
      element('td', {}, r.doc),
      element('td', { class: speakerClass(r.speaker) }, r.speaker || '?', r.role ? element('span', { class: 'role' }, r.role) : null),
      element('td', {}, r.kind), element('td', {}, r.cue), element('td', {}, r.text))));
  };
  filter.addEventListener('change', draw);
  source.addEventListener('change', draw);
  draw();
  container.replaceChildren(element('div', { class: 'filters' },
    element('label', { class: 'filter' }, 'Speaker ', filter),
    element('label', { class: 'filter' }, 'Source ', source)),
    element('table', { class: 'quotes' }, element('thead', {}, head), tbody));
}
