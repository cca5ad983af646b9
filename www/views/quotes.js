// Every quote of every document in one table, sortable, filterable by speaker and by source.
import { element, documentLabel, speakerClass } from './dom.js';
import { correctionList, speakerChoices, speakerControl } from './corrections.js';
import { showFirst } from './tabs.js';

const SPEAKER_CHOICES = 'speaker-choices';
// Thousands of quotes are drawn on request only, and then a chunk at a time.
const MOST_ROWS = 300;
const COLUMNS = [['doc', 'Source'], ['speaker', 'Speaker'], ['kind', 'Kind'], ['cue', 'Cue'], ['text', 'Quote']];

// `edit` (see corrections.js) makes each speaker editable.
export function renderQuotes(container, report, corrections, edit) {
  const rows = report.documents.flatMap((doc, index) => doc.quotes.map((q) => ({
    doc: documentLabel(report, corrections, index), speaker: q.speaker || '', role: q.speaker_role || '',
    kind: q.kind, cue: q.cue || '', text: q.text, index, quote: q,
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
  const more = element('div', { class: 'show-more' });
  let sortKey = 'doc';
  let ascending = true;
  const head = element('tr', {}, COLUMNS.map(([key, title]) => {
    const button = element('button', { type: 'button' }, title);
    button.addEventListener('click', () => {
      ascending = sortKey === key ? !ascending : true;
      sortKey = key;
      draw();
    });
    return element('th', { scope: 'col', 'data-sort': key }, button);
  }));
  const draw = () => {
    for (const th of head.children) th.setAttribute('aria-sort', th.dataset.sort !== sortKey ? 'none' : ascending ? 'ascending' : 'descending');
    const shown = rows.filter((r) => (!filter.value || r.speaker === filter.value) && (!source.value || r.doc === source.value))
      .sort((a, b) => (ascending ? 1 : -1) * a[sortKey].localeCompare(b[sortKey]));
    tbody.replaceChildren();
    const button = showFirst(tbody, shown, (r) => element('tr', {},
      element('td', {}, r.doc),
      element('td', { class: speakerClass(r.speaker) },
        edit ? speakerControl(r.index, r.quote, SPEAKER_CHOICES, edit) : r.speaker || '?',
        r.role ? element('span', { class: 'role' }, r.role) : null),
      element('td', {}, r.kind), element('td', {}, r.cue), element('td', {}, r.text)), { most: MOST_ROWS, what: 'quotes' });
    more.replaceChildren(...[button].filter(Boolean));
  };
  filter.addEventListener('change', draw);
  source.addEventListener('change', draw);
  draw();
  const people = report.documents.flatMap((doc) => doc.entities.filter((e) => e.type === 'person' || e.type === 'organization').map((e) => e.canonical));
  container.replaceChildren(correctionList(edit) || '', speakerChoices(SPEAKER_CHOICES, [...new Set([...speakers, ...people])].sort()),
    element('div', { class: 'filters' },
    element('label', { class: 'filter' }, 'Speaker ', filter),
    element('label', { class: 'filter' }, 'Source ', source)),
    element('table', { class: 'quotes', 'aria-label': 'Every quote' }, element('thead', {}, head), tbody), more);
}
