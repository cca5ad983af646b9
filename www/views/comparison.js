// Across documents: verbatim reuse, shared statements, quote groups, and who
// and what each source names.
import { element, documentLabel, speakerClass } from './dom.js';
import { entityTable, variantsTable } from './entities.js';

export function renderComparison(container, report, corrections) {
  const docs = report.documents;
  const label = (i) => documentLabel(report, corrections, i);
  container.replaceChildren(
    element('h2', {}, 'Verbatim reuse'),
    element('p', { class: 'hint' }, 'Share of the shorter article’s five-word sequences found word for word in the other: high values mean shared wire copy.'),
    reuseTable(report, label),
    element('h2', {}, 'Statements'),
    element('p', { class: 'hint' }, 'Sentences that two or more sources share, nearly word for word or reworded; the last row counts what each source alone says.'),
    statementsTable(report, label),
    element('h2', {}, 'The same quote in different words'),
    element('p', { class: 'hint' }, 'Each rendering against the first: added words underlined, dropped words struck through.'),
    quoteGroups(report, label),
    element('h2', {}, 'Who and what each source names'),
    element('p', { class: 'hint' }, 'People, organizations, places and other names under one name each across the sources, with how often each source mentions them.'),
    entityTable(report, label),
    element('h2', {}, 'Names spelled differently'),
    element('p', { class: 'hint' }, 'The same person, body or place written another way by some sources.'),
    variantsTable(report, label),
  );
  if (docs.length < 2) {
    container.prepend(element('p', { class: 'notice' }, 'Add a second article to compare.'));
  }
}

function reuseTable(report, label) {
  const n = report.documents.length;
  const share = new Map(report.comparison.reuse.map((r) => [`${r.docs[0]}-${r.docs[1]}`, r.share]));
  const head = element('tr', {}, element('th', {}, ''), [...Array(n).keys()].map((j) => element('th', { scope: 'col' }, label(j))));
  const rows = [...Array(n).keys()].map((i) => element('tr', {}, element('th', { scope: 'row' }, label(i)),
    [...Array(n).keys()].map((j) => {
      if (i === j) return element('td', { class: 'self' }, '—');
      const value = share.get(`${Math.min(i, j)}-${Math.max(i, j)}`) ?? 0;
      return element('td', { class: `level-${Math.min(4, Math.floor(value * 10))}`, 'data-share': value }, `${Math.round(value * 100)} %`);
    })));
  return element('table', { class: 'reuse' }, element('thead', {}, head), element('tbody', {}, rows));
}

function statementsTable(report, label) {
  const n = report.documents.length;
  const statements = report.comparison.statements;
  const head = element('tr', {}, element('th', { scope: 'col' }, 'Statement'), [...Array(n).keys()].map((j) => element('th', { scope: 'col' }, label(j))));
  const shared = Array.from({ length: n }, () => new Set());
  const rows = statements.map((statement) => {
    const byDoc = new Map();
    for (const s of statement.support) {
      shared[s.doc].add(s.start);
      if (!byDoc.has(s.doc)) byDoc.set(s.doc, s.text);
    }
    return element('tr', {}, element('td', { class: 'statement' }, statement.support[0].text),
      [...Array(n).keys()].map((j) => byDoc.has(j)
        ? element('td', { class: 'has', title: byDoc.get(j) }, '✓')
        : element('td', { class: 'missing', title: 'not in this source' }, '')));
  });
  const alone = element('tr', { class: 'alone' }, element('th', { scope: 'row' }, 'Sentences only this source has'),
    report.documents.map((doc, j) => element('td', {}, String(doc.sentences.filter((s) => !shared[j].has(s.start)).length))));
  return element('table', { class: 'statements' }, element('thead', {}, head), element('tbody', {}, rows, alone));
}

// Each rendering against the first: words it adds underlined, words it drops struck through.
function quoteGroups(report, label) {
  const groups = report.comparison.quote_groups;
  if (!groups.length) return element('p', { class: 'hint' }, 'No quote appears in more than one source.');
  const wording = (diff, text) => (diff.length === 0 ? text : diff.flatMap((part, i) => [
    i > 0 ? ' ' : '',
    part.change === 'same' ? part.text : element(part.change === 'added' ? 'ins' : 'del', {}, part.text),
  ]));
  return element('div', { class: 'quote-groups' }, groups.map((group) => element('table', { class: 'quote-group' },
    element('tbody', {}, group.members.map(({ doc, quote, diff }) => {
      const q = report.documents[doc].quotes[quote];
      return element('tr', {}, element('th', { scope: 'row' }, label(doc)),
        element('td', { class: speakerClass(q.speaker) }, q.speaker || '?'),
        element('td', { class: 'wording' }, wording(diff, q.text)));
    })))));
}
