// The reader's corrections of names and speakers: the controls beside an
// entity or a quote, and the list of what was corrected, each undoable. The
// core applies them (src/corrections.rs), so the comparison follows.
//
// `edit` is { edits, docId(index), nameOf(id), onEdit(edits) }: `edits` is
// { merges: [{ into, from }], splits: [{ id, canonical }], speakers: [{ id, start, speaker }] }
// with documents by the page's stable id, so renaming a file keeps them.
import { element } from './dom.js';

// The names a merge may join, as many as a list can usefully offer.
const MOST_CHOICES = 100;

// "Same as…" joins this name to another of its kind; "Not the same in…"
// takes one source's mentions out of it.
export function entityControls(row, names, edit, label) {
  if (!edit) return null;
  const same = element('select', { 'aria-label': `${row.canonical} is the same as` },
    element('option', { value: '' }, 'Same as…'));
  // The choices are added when the list is first reached: a row each for a
  // hundred names would be thousands of options nobody opens.
  const offer = () => {
    if (same.options.length > 1) return;
    const others = names.filter((n) => n.canonical !== row.canonical && n.type === row.type).slice(0, MOST_CHOICES);
    same.append(...others.map((n) => element('option', { value: n.canonical }, n.canonical)));
  };
  for (const type of ['focus', 'pointerdown']) same.addEventListener(type, offer);
  same.addEventListener('change', () => {
    if (!same.value) return;
    change(edit, (e) => ({ ...e, merges: [...e.merges, { into: same.value, from: row.canonical }] }));
  });
  const inDocs = row.counts.map((count, i) => (count ? i : -1)).filter((i) => i >= 0);
  const split = inDocs.length > 1 ? element('select', { 'aria-label': `${row.canonical} is another in` },
    element('option', { value: '' }, 'Not the same in…'),
    inDocs.map((i) => element('option', { value: String(i) }, label(i)))) : null;
  split?.addEventListener('change', () => {
    if (!split.value) return;
    const id = edit.docId(Number(split.value));
    change(edit, (e) => ({ ...e, splits: [...e.splits, { id, canonical: row.canonical }] }));
  });
  return element('span', { class: 'corrections' }, same, split);
}

// Speaker names to pick from, shared by every speaker box of a view.
export function speakerChoices(id, names) {
  return element('datalist', { id }, names.map((name) => element('option', { value: name })));
}

// The speaker of one quote as text, with a button that turns it into a box:
// a name from `listId`'s choices or any other; empty for nobody named.
export function speakerControl(docIndex, quote, listId, edit) {
  const excerpt = quote.text.slice(0, 40);
  const name = element('span', { class: 'speaker-name' }, quote.speaker || '?');
  const button = element('button', { type: 'button', class: 'change-speaker',
    'aria-label': `Change the speaker of “${excerpt}”` }, 'Change');
  const control = element('span', { class: 'speaker-control' }, name, ' ', button);
  button.addEventListener('click', () => {
    const input = element('input', { type: 'text', list: listId, value: quote.speaker || '', placeholder: 'nobody named',
      'aria-label': `Speaker of “${excerpt}”`, class: 'speaker-input' });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') control.replaceChildren(name, ' ', button);
    });
    input.addEventListener('change', () => {
      const id = edit.docId(docIndex);
      const speaker = input.value.trim() || null;
      if (speaker === (quote.speaker || null)) return;
      change(edit, (e) => ({
        ...e,
        speakers: [...e.speakers.filter((s) => !(s.id === id && s.start === quote.start)), { id, start: quote.start, speaker }],
      }));
    });
    control.replaceChildren(input);
    input.focus();
  });
  return control;
}

// What the reader corrected, in words, each with a button that takes it back.
export function correctionList(edit) {
  if (!edit) return null;
  const { nameOf } = edit;
  const { merges, splits, speakers } = edit.edits;
  const item = (text, without) => {
    const undo = element('button', { type: 'button', class: 'undo' }, 'Undo');
    undo.addEventListener('click', () => change(edit, without));
    return element('li', {}, text, ' ', undo);
  };
  const items = [
    ...merges.map((m, i) => item(`“${m.from}” is the same as “${m.into}”`,
      (e) => ({ ...e, merges: e.merges.filter((_, j) => j !== i) }))),
    ...splits.map((s, i) => item(`“${s.canonical}” in ${nameOf(s.id)} is someone or something else`,
      (e) => ({ ...e, splits: e.splits.filter((_, j) => j !== i) }))),
    ...speakers.map((s, i) => item(`a quote in ${nameOf(s.id)} is said by ${s.speaker ? `“${s.speaker}”` : 'nobody named'}`,
      (e) => ({ ...e, speakers: e.speakers.filter((_, j) => j !== i) }))),
  ];
  if (!items.length) return null;
  return element('section', { class: 'correction-list', 'aria-label': 'Your corrections' },
    element('h3', {}, 'Your corrections'), element('ul', {}, items));
}

function change(edit, how) {
  edit.onEdit(how(edit.edits));
}
