// Who and what each source mentions: every entity by its one canonical name
// across the documents, with how often each source names it, and the names
// that sources spell differently (Kyiv/Kiev).
import { element } from './dom.js';
import { correctionList, entityControls } from './corrections.js';
import { shownSources, manySources } from './overview.js';
import { showFirst } from './tabs.js';

// A table of thousands of rows helps nobody: the most widely mentioned come first.
const MOST_ROWS = 200;
// With many sources, a row's controls take long to draw: the first rows, the rest on request.
const FIRST_ROWS_OF_MANY = 50;
const TYPE_LABELS = { person: 'person', organization: 'organization', place: 'place', other: 'other' };

// `edit` (see corrections.js) adds the controls that merge and split names.
export function entityTable(report, label, edit) {
  const n = report.documents.length;
  const rows = new Map();
  report.documents.forEach((doc, i) => {
    for (const e of doc.entities || []) {
      const key = `${e.type}\u0000${e.canonical}`;
      if (!rows.has(key)) rows.set(key, { canonical: e.canonical, type: e.type, counts: new Array(n).fill(0) });
      rows.get(key).counts[i] += 1;
    }
  });
  if (!rows.size) return element('p', { class: 'hint' }, 'No names found.');
  // Counted once per name, not in every comparison of the sort: with a thousand sources that is slow.
  const rank = new Map([...rows.values()].map((r) => [r, { sources: r.counts.filter(Boolean).length, total: r.counts.reduce((a, b) => a + b, 0) }]));
  const sorted = [...rows.values()].sort((a, b) => rank.get(b).sources - rank.get(a).sources || rank.get(b).total - rank.get(a).total
    || a.canonical.localeCompare(b.canonical));
  const listed = sorted.slice(0, MOST_ROWS);
  const named = report.documents.map((doc, j) => listed.filter((r) => r.counts[j]).length);
  const { columns, note } = shownSources(report, named, 'names');
  // A name is split off in the sources with a column: a list of a thousand helps nobody.
  const shown = new Set(columns);
  const columnsOnly = (r) => ({ ...r, counts: r.counts.map((count, j) => (shown.has(j) ? count : 0)) });
  const head = element('tr', {}, element('th', { scope: 'col' }, 'Name'), element('th', { scope: 'col' }, 'Kind'),
    columns.map((j) => element('th', { scope: 'col' }, label(j))),
    edit ? element('th', { scope: 'col' }, 'Correct') : null);
  const body = element('tbody');
  const showAll = showFirst(body, listed, (r) => element('tr', { 'data-type': r.type },
    element('th', { scope: 'row' }, r.canonical),
    element('td', { class: 'entity-type' }, TYPE_LABELS[r.type] || r.type),
    columns.map((j) => r.counts[j]).map((count) => (count
      ? element('td', { class: 'has', title: `${count} mention${count === 1 ? '' : 's'}` }, String(count))
      : element('td', { class: 'missing', title: 'not named in this source' }, ''))),
    edit ? element('td', {}, entityControls(columnsOnly(r), sorted, edit, label)) : null),
  { most: manySources(report) ? FIRST_ROWS_OF_MANY : MOST_ROWS, what: 'names' });
  const more = sorted.length > MOST_ROWS
    ? element('p', { class: 'hint' }, `${sorted.length - MOST_ROWS} more names, each in fewer sources, are in the documents’ own lists.`)
    : null;
  return element('div', { class: 'entity-table' }, correctionList(edit),
    element('table', { class: 'entities', 'aria-label': 'Names each source mentions' }, element('thead', {}, head), body), showAll, note, more);
}

export function variantsTable(report, label) {
  const variants = report.comparison.variants || [];
  if (!variants.length) return element('p', { class: 'hint' }, 'No name is spelled differently across the sources.');
  return element('table', { class: 'variants', 'aria-label': 'Names spelled differently' },
    element('thead', {}, element('tr', {}, element('th', { scope: 'col' }, 'Name'),
      element('th', { scope: 'col' }, 'Written'), element('th', { scope: 'col' }, 'By'))),
    element('tbody', {}, variants.flatMap((v) => v.forms.map((form, i) => element('tr', {},
      i === 0 ? element('th', { scope: 'row', rowspan: v.forms.length }, v.canonical) : null,
      element('td', { class: 'variant-form' }, form.form),
      element('td', {}, form.docs.map(label).join(', ')))))));
}
