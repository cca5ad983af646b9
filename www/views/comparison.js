// Across documents, composed from one module per view: the overview and the
// side-by-side reading in their own tabs; verbatim reuse, shared statements,
// quote groups, framing, and who and what each source names in this one.
import { element, documentLabel, speakerClass } from './dom.js';
import { entityTable, variantsTable } from './entities.js';
import { renderOverview, shownSources, manySources, statementCounts } from './overview.js';
import { renderSideBySide } from './side-by-side.js';
import { framingTable } from './framing.js';
import { reuseMatrix, reusePairs } from './reuse.js';
import { ids, placeLink } from './links.js';
import { drawInChunks, showFirst } from './tabs.js';

// A quote a thousand sources carry: its first renderings, the rest on request.
const MOST_RENDERINGS = 30;

// All the comparison's views: { overview, sideBySide, comparison } are their
// containers; `edit` (see corrections.js) lets the reader correct names.
export function renderComparisonViews(containers, given, corrections, edit) {
  const report = withDefaults(given);
  const label = (i) => documentLabel(report, corrections, i);
  if (containers.overview) renderOverview(containers.overview, report, label);
  if (containers.sideBySide) renderSideBySide(containers.sideBySide, report, label);
  if (containers.comparison) renderComparison(containers.comparison, report, corrections, edit);
}

// Every field the views read, present: a report of documents analyzed apart
// (the worker's fallback) or of an older core lacks some.
export function withDefaults(report) {
  const c = report.comparison || {};
  const docsOf = (spans) => [...new Set(spans.map((s) => s.doc))].sort((a, b) => a - b);
  return {
    ...report,
    comparison: {
      quote_groups: [], discrepancies: [], variants: [], framing: [], consensus: [], sources: [],
      ...c,
      statements: (c.statements || []).map((s) => ({ ...s, docs: s.docs ?? docsOf(s.support) })),
      passages: (c.passages || []).map((p) => ({ ...p, docs: p.docs ?? docsOf(p.spans) })),
      reuse: (c.reuse || []).map((r) => ({ passages: [], words: 0, copy: false, ...r })),
    },
  };
}

export function renderComparison(container, given, corrections, edit) {
  const report = withDefaults(given);
  const docs = report.documents;
  const label = (i) => documentLabel(report, corrections, i);
  const many = manySources(report);
  // Many sources: a section per task, and the pairs' list stands for their matrix.
  const sections = [
    () => [element('h2', {}, 'Verbatim reuse'),
      element('p', { class: 'hint' }, 'Share of the shorter article’s five-word sequences found word for word in the other: high values mean shared wire copy.'),
      many ? element('p', { class: 'hint' }, `A table of every pair of ${docs.length} sources would be too large to read: the pairs that share passages are below, most shared first.`)
        : reuseMatrix(report, label),
      element('h3', {}, 'Shared passages'),
      element('p', { class: 'hint' }, 'The pairs that share passages, and the passages as each source writes them.'),
      ...reusePairs(report, label)],
    () => [element('h2', {}, 'Statements'),
      element('p', { class: 'hint' }, 'Sentences that two or more sources share, nearly word for word or reworded; the last row counts what each source alone says.'),
      ...statementsTable(report, label)],
    () => [element('h2', {}, 'The same quote in different words'),
      element('p', { class: 'hint' }, 'Each rendering against the first: added words underlined, dropped words struck through.'),
      quoteGroups(report, label, { most: MOST_RENDERINGS })],
    () => [element('h2', {}, 'Framing'),
      element('p', { class: 'hint' }, 'Per source: the headline’s verb, the verbs quotes are attributed with by the side the speaker speaks for, hedges, who is quoted and how much, and the sides they make up.'),
      ...framing(report, label)],
    () => [element('h2', {}, 'Who and what each source names'),
      element('p', { class: 'hint' }, 'People, organizations, places and other names under one name each across the sources, with how often each source mentions them.'),
      entityTable(report, label, edit)],
    () => [element('h2', {}, 'Names spelled differently'),
      element('p', { class: 'hint' }, 'The same person, body or place written another way by some sources.'),
      variantsTable(report, label)],
  ];
  container.replaceChildren();
  drawInChunks(container, sections, (section) => section(), many ? 1 : sections.length);
  if (docs.length < 2) {
    container.prepend(element('p', { class: 'notice' }, 'Add a second article to compare.'));
  }
}

// The framing of each source (of the most sharing, past MOST_SOURCES), and the note on the others.
function framing(report, label) {
  const { columns, note } = shownSources(report, statementCounts(report), 'statements');
  const shown = new Set(columns);
  const framed = report.comparison.framing.filter((f) => shown.has(f.doc));
  return [framingTable({ ...report, comparison: { ...report.comparison, framing: framed } }, label), note].filter(Boolean);
}

// The table, and the note on the sources it leaves out.
function statementsTable(report, label) {
  const n = report.documents.length;
  const statements = report.comparison.statements;
  const { columns, note } = shownSources(report, statementCounts(report), 'statements');
  const head = element('tr', {}, element('th', { scope: 'col' }, 'Statement'), columns.map((j) => element('th', { scope: 'col' }, label(j))));
  const shared = Array.from({ length: n }, () => new Set());
  const rows = statements.map((statement) => {
    const byDoc = new Map();
    for (const s of statement.support) {
      shared[s.doc].add(s.start);
      if (!byDoc.has(s.doc)) byDoc.set(s.doc, s.text);
    }
    const k = statements.indexOf(statement);
    return element('tr', { 'data-hl': `st-${k}`, 'data-key': `st-${k}` }, element('th', { scope: 'row', class: 'statement' }, statement.support[0].text),
      columns.map((j) => byDoc.has(j)
        ? element('td', { class: 'has', title: byDoc.get(j) }, placeLink(ids.statement(k, j), `st-${k}`, '✓'))
        : element('td', { class: 'missing', title: 'not in this source' }, '')));
  });
  const alone = element('tr', { class: 'alone' }, element('th', { scope: 'row' }, 'Sentences only this source has'),
    columns.map((j) => element('td', {}, String(report.documents[j].sentences.filter((s) => !shared[j].has(s.start)).length))));
  return [element('table', { class: 'statements', 'aria-label': 'Statements two or more sources share' }, element('thead', {}, head), element('tbody', {}, rows, alone)), note]
    .filter(Boolean);
}

// Each rendering against the first: words it adds underlined, words it drops
// struck through. The page shows a group's `most` first renderings, the rest on request.
export function quoteGroups(report, label, { most = Infinity } = {}) {
  const groups = report.comparison.quote_groups;
  if (!groups.length) return element('p', { class: 'hint' }, 'No quote appears in more than one source.');
  const wording = (diff, text) => (diff.length === 0 ? text : diff.flatMap((part, i) => [
    i > 0 ? ' ' : '',
    part.change === 'same' ? part.text : element(part.change === 'added' ? 'ins' : 'del', {}, part.text),
  ]));
  return element('div', { class: 'quote-groups' }, groups.map((group, g) => {
    const tbody = element('tbody');
    const more = showFirst(tbody, group.members, ({ doc, quote, diff }) => {
      const q = report.documents[doc].quotes[quote];
      return element('tr', {}, element('th', { scope: 'row' }, placeLink(ids.quote(doc, quote), `qg-${g}`, label(doc))),
        element('td', { class: speakerClass(q.speaker) }, q.speaker || '?'),
        element('td', { class: 'wording' }, wording(diff, q.text)));
    }, { most, what: 'renderings' });
    return [element('table', { class: 'quote-group', 'data-hl': `qg-${g}`, 'aria-label': `The same quote, ${group.members.length} renderings` }, tbody), more];
  }));
}
