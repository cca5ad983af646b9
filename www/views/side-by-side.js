// Two or more sources next to each other: each statement they share on one
// row, every wording against the first chosen source's word by word, and the
// words of passages the sources share verbatim marked.
import { element } from './dom.js';
import { ids, placeLink } from './links.js';

// Which sources the reader picked, kept across re-analyses by document name.
let picked = null;

export function renderSideBySide(container, report, label) {
  const docs = report.documents;
  if (docs.length < 2) {
    container.replaceChildren(element('p', { class: 'notice' }, 'Add a second article to compare.'));
    return;
  }
  const names = docs.map((d) => d.name);
  if (!picked || !names.some((name) => picked.has(name))) picked = new Set(names.slice(0, 2));
  const table = element('div', { class: 'side-by-side-table' });
  const boxes = docs.map((doc, i) => {
    const box = element('input', { type: 'checkbox', value: i, checked: picked.has(doc.name), 'data-doc': i });
    box.addEventListener('change', () => {
      if (box.checked) picked.add(doc.name); else picked.delete(doc.name);
      draw();
    });
    return element('label', { class: 'pick' }, box, ` ${label(i)}`);
  });
  const draw = () => {
    const chosen = docs.map((d, i) => i).filter((i) => picked.has(docs[i].name));
    table.replaceChildren(chosen.length < 2
      ? element('p', { class: 'notice' }, 'Pick two or more sources.')
      : alignedTable(report, label, chosen));
  };
  container.replaceChildren(
    element('h2', {}, 'Side by side'),
    element('fieldset', { class: 'picker' }, element('legend', {}, 'Sources to compare'), boxes),
    element('p', { class: 'hint' }, 'Each row is one statement as the chosen sources put it; against the first of them, added words are underlined and dropped ones struck through. Words of passages the sources share verbatim are shaded. Each wording links to its place.'),
    table);
  draw();
}

function alignedTable(report, label, chosen) {
  const { statements, passages = [], reuse = [] } = report.comparison;
  const rows = statements.map((statement, k) => ({ statement, k }))
    .filter(({ statement }) => chosen.filter((d) => statement.docs.includes(d)).length >= 2);
  const shared = reuse.filter((r) => chosen.includes(r.docs[0]) && chosen.includes(r.docs[1]));
  const summary = shared.length
    ? element('p', { class: 'reuse-note' }, 'Verbatim reuse among them: ', shared.map((r, i) => [i ? '; ' : '', `${label(r.docs[0])} and ${label(r.docs[1])} ${Math.round(r.share * 100)} %`]), '.')
    : element('p', { class: 'reuse-note' }, 'These sources share no passage word for word.');
  if (!rows.length) return element('div', {}, summary, element('p', { class: 'hint' }, 'These sources share no statement.'));
  const head = element('tr', {}, chosen.map((d) => element('th', { scope: 'col' }, label(d))));
  const body = rows.map(({ statement, k }) => {
    const support = new Map();
    for (const s of statement.support) if (!support.has(s.doc)) support.set(s.doc, s);
    const reference = chosen.find((d) => support.has(d));
    const refWords = words(support.get(reference));
    return element('tr', { 'data-statement': k, 'data-hl': `st-${k}`, 'data-key': `st-${k}` }, chosen.map((d) => {
      const span = support.get(d);
      if (!span) return element('td', { class: 'missing' }, element('span', { class: 'hint' }, 'not in this source'));
      const own = words(span);
      const reused = passageSpans(passages, d);
      const tokens = d === reference ? own.map((w) => ({ ...w, change: 'same' })) : diffWords(refWords, own);
      return element('td', { class: 'aligned', 'data-doc': d },
        element('p', { class: 'wording' }, render(tokens, reused)),
        placeLink(ids.statement(k, d), `st-${k}`, 'in the text', element('span', { class: 'visually-hidden' }, ` of ${label(d)}`)));
    }));
  });
  return element('div', {}, summary,
    element('table', { class: 'side-by-side', 'aria-label': 'Shared statements side by side' }, element('thead', {}, head), element('tbody', {}, body)));
}

// The words of a span with their code point offsets in the document.
function words(span) {
  const out = [];
  const chars = Array.from(span.text);
  let at = 0;
  while (at < chars.length) {
    while (at < chars.length && /\s/u.test(chars[at])) at += 1;
    const from = at;
    while (at < chars.length && !/\s/u.test(chars[at])) at += 1;
    if (at > from) {
      const text = chars.slice(from, at).join('');
      out.push({ text, norm: normalize(text), start: span.start + from, end: span.start + at });
    }
  }
  return out;
}

const normalize = (word) => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// A word diff by longest common subsequence: the other's words in order, each
// same or added, with the reference's words it drops put in their place.
export function diffWords(reference, other) {
  const a = reference;
  const b = other;
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i][j] = a[i].norm === b[j].norm ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i].norm === b[j].norm) {
      out.push({ ...b[j], change: 'same' });
      i += 1; j += 1;
    } else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) {
      out.push({ ...b[j], change: 'added' });
      j += 1;
    } else {
      out.push({ ...a[i], change: 'removed' });
      i += 1;
    }
  }
  return out;
}

function passageSpans(passages, doc) {
  return passages.flatMap((p, k) => p.spans.filter((s) => s.doc === doc).map((s) => ({ start: s.start, end: s.end, k })));
}

// Runs of words of one kind (change, passage) as one element each.
function render(tokens, reused) {
  const passageOf = (t) => (t.change === 'removed' ? null : reused.find((p) => t.start < p.end && t.end > p.start)?.k ?? null);
  const runs = [];
  for (const token of tokens) {
    const passage = passageOf(token);
    const last = runs[runs.length - 1];
    if (last && last.change === token.change && last.passage === passage) last.words.push(token.text);
    else runs.push({ change: token.change, passage, words: [token.text] });
  }
  return runs.map((run, i) => {
    const text = run.words.join(' ');
    const inner = run.change === 'added' ? element('ins', {}, text) : run.change === 'removed' ? element('del', {}, text) : text;
    const piece = run.passage === null ? inner : element('span', { class: 'reused', 'data-hl': `pass-${run.passage}`, 'data-key': `pass-${run.passage}`, title: 'shared word for word with another source', tabindex: 0 }, inner);
    return [i ? ' ' : '', piece];
  });
}
