// Verbatim reuse: the share matrix of every pair (of a few sources), then
// the pairs that share passages with the passages themselves, each span
// linking to its place.
import { element } from './dom.js';
import { ids, placeLink } from './links.js';
import { showFirst } from './tabs.js';

// The pairs come most shared first: thousands of them are drawn on request only.
const MOST_PAIRS = 50;

export function reuseMatrix(report, label) {
  const n = report.documents.length;
  // Only pairs sharing a passage are listed: a missing pair shares nothing.
  const share = new Map((report.comparison.reuse || []).map((r) => [`${r.docs[0]}-${r.docs[1]}`, r.share]));
  const head = element('tr', {}, element('td'), [...Array(n).keys()].map((j) => element('th', { scope: 'col' }, label(j))));
  const rows = [...Array(n).keys()].map((i) => element('tr', {}, element('th', { scope: 'row' }, label(i)),
    [...Array(n).keys()].map((j) => {
      if (i === j) return element('td', { class: 'self' }, '—');
      const value = share.get(`${Math.min(i, j)}-${Math.max(i, j)}`) ?? 0;
      return element('td', { class: `level-${Math.min(4, Math.floor(value * 10))}`, 'data-share': value }, `${Math.round(value * 100)} %`);
    })));
  return element('table', { class: 'reuse', 'aria-label': 'Verbatim reuse between each pair of sources' }, element('thead', {}, head), element('tbody', {}, rows));
}

// The nodes to show: the list of pairs, and the button that shows all of them.
export function reusePairs(report, label) {
  const { reuse = [], passages = [] } = report.comparison;
  if (!reuse.length) return [element('p', { class: 'hint' }, 'No two sources share a passage word for word.')];
  const list = element('div', { class: 'reuse-pairs' });
  const more = showFirst(list, reuse, (pair) => {
    const [a, b] = pair.docs;
    return element('section', { class: `reuse-pair${pair.copy ? ' copy' : ''}`, 'data-pair': `${a}-${b}` },
      element('h3', {}, `${label(a)} and ${label(b)}: ${Math.round(pair.share * 100)} %`,
        element('span', { class: 'pair-detail' }, ` ${pair.words} words of the shorter article in ${pair.passages.length} passage${pair.passages.length === 1 ? '' : 's'}${pair.copy ? ' — a copy' : ''}`)),
      element('ol', { class: 'passages' }, pair.passages.map((k) => {
        const passage = passages[k];
        if (!passage) return null;
        return element('li', { class: 'passage', 'data-passage': k, 'data-hl': `pass-${k}`, 'data-key': `pass-${k}` },
          element('p', { class: 'passage-meta' }, `${passage.words} words, ${passage.verbatim ? 'verbatim' : 'nearly verbatim'}, in ${passage.docs.length} sources`),
          element('dl', {}, [a, b].map((doc) => {
            const span = passage.spans.find((s) => s.doc === doc);
            return span ? [element('dt', {}, placeLink(ids.passage(k, doc), `pass-${k}`, label(doc))), element('dd', {}, span.text)] : null;
          })));
      })));
  }, { most: MOST_PAIRS, what: 'pairs' });
  return [list, more].filter(Boolean);
}
