// The comparison at a glance: the discrepancies a reader should check, the
// statements most sources share, which source carries which statement, and
// what each source alone says or leaves out.
import { element } from './dom.js';
import { ids, placeLink } from './links.js';
import { showFirst } from './tabs.js';

export function renderOverview(container, report, label) {
  const n = report.documents.length;
  if (n < 2) {
    container.replaceChildren(element('p', { class: 'notice' }, 'Add a second article to compare.'));
    return;
  }
  container.replaceChildren(
    element('h2', {}, 'What to check'),
    element('p', { class: 'hint' }, 'Numbers, dates and speakers the sources give differently: conflicting ones first, then those that agree within their approximation or rounding. Each value links to its place in the source.'),
    discrepancies(report, label),
    element('h2', {}, 'What most sources report'),
    element('p', { class: 'hint' }, 'Statements carried by more than half of the sources, in the first source’s words.'),
    consensus(report, label),
    element('h2', {}, 'Who reports what'),
    element('p', { class: 'hint' }, 'Each statement against each source: shared statements at the top, what only one source says at the bottom. Click a column header to sort; a cell opens the sentence in the Documents view.'),
    matrix(report, label),
    element('h2', {}, 'Each source alone'),
    element('p', { class: 'hint' }, 'What each source says that no other does, and which of the statements most sources carry it leaves out.'),
    ...sourceCards(report, label),
  );
}

// The page shows the first cards, the rest on request; the export (perSource) all of them.
function sourceCards(report, label) {
  const { sources = [] } = report.comparison;
  if (!sources.length) return [perSource(report, label)];
  const cards = element('div', { class: 'per-source' });
  return [cards, showFirst(cards, sources, (source) => sourceCard(report, label, source), { most: MOST_SOURCES, what: 'sources' })].filter(Boolean);
}

const VERDICT = { conflicting: 'Conflicting', consistent: 'Consistent' };

export function discrepancies(report, label) {
  const all = report.comparison.discrepancies || [];
  if (!all.length) return element('p', { class: 'hint' }, 'No number, date or speaker differs across the sources.');
  const rank = (d) => (d.verdict === 'conflicting' ? 0 : 1);
  const sorted = all.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i);
  return element('ul', { class: 'discrepancies' }, sorted.map(({ d, i }) => {
    const items = discrepancyValues(report, d);
    const keys = items.map((v) => v.id).join(' ');
    return element('li', { class: `discrepancy ${d.verdict}`, 'data-discrepancy': i, 'data-kind': d.kind, 'data-hl': keys },
      element('div', { class: 'discrepancy-head' },
        element('span', { class: `verdict verdict-${d.verdict}` }, VERDICT[d.verdict] || d.verdict),
        ' ', element('span', { class: 'discrepancy-kind' }, d.kind), ' ',
        element('span', { class: 'about' }, d.about || ''),
        d.reason ? element('span', { class: 'reason' }, ` — ${d.reason}`) : null),
      element('ul', { class: 'values' }, items.map((v) => element('li', { 'data-doc': v.doc },
        placeLink(v.id, v.id, v.text),
        v.detail ? element('span', { class: 'value-detail' }, ` ${v.detail}`) : null,
        element('span', { class: 'value-source' }, ` — ${label(v.doc)}`)))));
  }));
}

export function discrepancyValues(report, d) {
  const docs = report.documents;
  if (d.kind === 'quantity') return (d.values || []).map((v) => ({ doc: v.doc, id: ids.quantity(v.doc, v.quantity), text: v.text, value: v.value }));
  if (d.kind === 'date') return (d.dates || []).map((v) => ({ doc: v.doc, id: ids.date(v.doc, v.date), text: v.text, value: v.value, detail: v.value ? `(${v.value})` : null }));
  // A source quoting one speaker twice in the group is one value.
  const seen = new Set();
  return (d.speakers || []).filter((v) => {
    const key = `${v.doc}\u0000${v.speaker}\u0000${v.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((v) => ({
    doc: v.doc, id: ids.quote(v.doc, v.quote), text: v.speaker || docs[v.doc]?.quotes[v.quote]?.speaker || 'speaker unknown',
    detail: v.role ? `(${v.role})` : null,
  }));
}

export function consensus(report, label) {
  const { statements, consensus: carried = [] } = report.comparison;
  if (!carried.length) return element('p', { class: 'hint' }, 'No statement is carried by more than half of the sources.');
  return element('ol', { class: 'consensus' }, carried.map((k) => {
    const statement = statements[k];
    return element('li', { 'data-statement': k, 'data-hl': `st-${k}`, 'data-key': `st-${k}` },
      element('p', { class: 'statement-text' }, statement.support[0].text),
      element('p', { class: 'carried' }, `${statement.docs.length} of ${report.documents.length} sources: `,
        statement.docs.map((doc, i) => [i ? ', ' : '', placeLink(ids.statement(k, doc), `st-${k}`, label(doc))])));
  }));
}

// A table of hundreds of sources or rows helps nobody: past these, a note says what is left out.
export const MOST_SOURCES = 30;
const MOST_ROWS = 300;

// Past MOST_SOURCES, the views draw in pieces what helps a reader of so many (see tabs.js).
export const manySources = (report) => report.documents.length > MOST_SOURCES;

// The sources a table gives a column (or a row) each: all of them, or past
// MOST_SOURCES those with the highest `scores` (what they share), in their
// order, and a note on the others.
export function shownSources(report, scores, shared) {
  const all = report.documents.map((doc, i) => i);
  if (all.length <= MOST_SOURCES) return { columns: all, note: null };
  const columns = [...all].sort((a, b) => scores[b] - scores[a] || a - b).slice(0, MOST_SOURCES).sort((a, b) => a - b);
  return {
    columns,
    note: element('p', { class: 'hint left-out' }, `Shown here: the ${MOST_SOURCES} of ${all.length} sources that share the most ${shared}; `
      + `the other ${all.length - MOST_SOURCES} are left out. To see one, pick it in Side by side, or open it in the Documents view.`),
  };
}

// How many statements each source carries.
export function statementCounts(report) {
  const counts = report.documents.map(() => 0);
  for (const statement of report.comparison.statements) for (const doc of statement.docs) counts[doc] += 1;
  return counts;
}

// One row per statement and one per sentence only one source has; the
// columns sort by text, by how many sources carry a row, or by one source.
function matrix(report, label) {
  const docs = report.documents;
  const { statements, sources = [] } = report.comparison;
  const { columns: shown, note } = shownSources(report, statementCounts(report), 'statements');
  const inShown = new Set(shown);
  const consensusSet = new Set(report.comparison.consensus || []);
  const rows = statements.map((statement, k) => ({
    key: `st-${k}`, text: statement.support[0].text, count: statement.docs.length, order: k,
    consensus: consensusSet.has(k),
    cells: new Map(statement.docs.map((doc) => [doc, ids.statement(k, doc)])),
  }));
  for (const source of sources.filter((s) => inShown.has(s.doc))) {
    for (const i of source.alone) {
      const sentence = docs[source.doc].sentences[i];
      if (!sentence) continue;
      const id = ids.sentence(source.doc, i);
      rows.push({ key: id, text: sentence.text, count: 1, order: rows.length, consensus: false, cells: new Map([[source.doc, id]]) });
    }
  }
  const columns = [
    { key: 'text', title: 'Statement', value: (r) => r.text.toLowerCase(), numeric: false },
    { key: 'count', title: 'Sources', value: (r) => r.count, numeric: true },
    ...shown.map((j) => ({ key: `doc-${j}`, title: label(j), value: (r) => (r.cells.has(j) ? 1 : 0), numeric: true })),
  ];
  let sortKey = 'count';
  let descending = true;
  const tbody = element('tbody');
  const headers = columns.map((column) => {
    const button = element('button', { type: 'button', 'data-sort': column.key }, column.title);
    button.addEventListener('click', () => {
      descending = sortKey === column.key ? !descending : column.numeric;
      sortKey = column.key;
      draw();
    });
    return element('th', { scope: 'col', 'aria-sort': 'none' }, button);
  });
  const draw = () => {
    const column = columns.find((c) => c.key === sortKey);
    const sign = descending ? -1 : 1;
    const sorted = [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const by = column.numeric ? x - y : x.localeCompare(y);
      return sign * by || b.count - a.count || a.order - b.order;
    });
    columns.forEach((c, i) => headers[i].setAttribute('aria-sort', c.key === sortKey ? (descending ? 'descending' : 'ascending') : 'none'));
    tbody.replaceChildren(...sorted.slice(0, MOST_ROWS).map((r) => element('tr', { class: r.consensus ? 'consensus-row' : r.count === 1 ? 'alone-row' : null, 'data-row': r.key, 'data-hl': r.key, 'data-key': r.key },
      element('th', { scope: 'row', class: 'statement' }, r.text),
      element('td', { class: 'count' }, String(r.count)),
      shown.map((j) => (r.cells.has(j)
        ? element('td', { class: 'has' }, placeLink(r.cells.get(j), r.key, element('span', { 'aria-hidden': 'true' }, '✓'), element('span', { class: 'visually-hidden' }, `in ${label(j)}: open the sentence`)))
        : element('td', { class: 'missing', title: 'not in this source' }, ''))))));
  };
  draw();
  return element('div', { class: 'matrix-wrap' },
    element('table', { class: 'matrix', 'aria-label': 'Who reports what: each statement against each source' }, element('thead', {}, element('tr', {}, headers)), tbody),
    note,
    rows.length > MOST_ROWS ? element('p', { class: 'hint' }, `Not shown: ${rows.length - MOST_ROWS} rows past the first ${MOST_ROWS} in this order.`) : null);
}

export function perSource(report, label) {
  const { sources = [] } = report.comparison;
  if (!sources.length) return element('p', { class: 'hint' }, 'Nothing to set apart.');
  return element('div', { class: 'per-source' }, sources.map((source) => sourceCard(report, label, source)));
}

function sourceCard(report, label, source) {
  const { statements } = report.comparison;
  const doc = report.documents[source.doc];
  const alone = source.alone.map((i) => [i, doc.sentences[i]]).filter(([, s]) => s);
  return element('section', { class: 'source-card', 'data-doc': source.doc },
    element('h3', {}, label(source.doc)),
    element('details', { class: 'alone' },
      element('summary', {}, `Says alone: ${alone.length} sentence${alone.length === 1 ? '' : 's'}`),
      alone.length ? element('ul', {}, alone.map(([i, s]) => element('li', {},
        placeLink(ids.sentence(source.doc, i), ids.sentence(source.doc, i), s.text)))) : null),
    source.omits.length
      ? element('div', { class: 'omits' }, element('p', { class: 'omits-title' }, `Leaves out ${source.omits.length} of the statements most sources carry:`),
        element('ul', {}, source.omits.map((k) => element('li', { 'data-hl': `st-${k}` },
          statements[k].support[0].text, ' ',
          placeLink(ids.statement(k, statements[k].docs[0]), `st-${k}`, `(in ${label(statements[k].docs[0])})`)))))
      : element('p', { class: 'omits-none' }, 'Leaves out none of the statements most sources carry.'));
}

