// The documents to compare: their order, names, outlets and dates, removal
// with the last one removed kept for restoring, and each one's title once analyzed.
import { element } from './dom.js';

// The facts set here, with their placeholders: the core takes a date as YYYY-MM-DD.
const FACTS = [['outlet', 'Outlet', 'outlet'], ['date', 'Date', 'YYYY-MM-DD']];
const NAME_LENGTH = 80;

export function renderDocumentList(list, tools, { documents, report, reportDocIds, corrections, lastRemoved, onRename, onCorrect, onMove, onRemove, onRestore, onForget }) {
  const focus = focused(list, tools);
  list.replaceChildren(...documents.map((doc, position) => {
    const index = reportDocIds.indexOf(doc.id);
    const analyzed = report && index >= 0 ? report.documents[index] : null;
    const failed = report && report.errors.find((e) => e.name === doc.name);
    const facts = FACTS.map(([name, label, placeholder]) => field(name, corrections.get(doc.id)?.[name] ?? analyzed?.[name] ?? '',
      `${label} of ${doc.name}`, placeholder, (value) => onCorrect(doc.id, name, value || null)));
    return element('li', { class: failed ? 'document failed' : 'document', 'data-id': doc.id },
      element('span', { class: 'doc-index' }, analyzed ? String(index + 1) : '–'),
      field('name', doc.name, 'Document name', '', (value) => onRename(doc.id, value)),
      element('span', { class: 'doc-title' }, analyzed ? (analyzed.title || '(no headline)') : failed ? 'not analyzed' : ''),
      facts,
      button({ control: 'up', 'aria-label': `Move ${doc.name} up`, disabled: position === 0 }, '↑', () => onMove(doc.id, -1)),
      button({ control: 'down', 'aria-label': `Move ${doc.name} down`, disabled: position === documents.length - 1 }, '↓', () => onMove(doc.id, 1)),
      button({ control: 'remove', 'aria-label': `Remove ${doc.name}` }, '×', () => onRemove(doc.id)));
  }));
  tools.replaceChildren(...[
    lastRemoved && button({ control: 'restore', 'data-id': lastRemoved.doc.id }, `Restore ${lastRemoved.doc.name}`, onRestore),
    (documents.length > 0 || lastRemoved) && button({ control: 'forget', class: 'forget' }, 'Forget saved work', onForget),
  ].filter(Boolean));
  refocus(list, tools, focus);
}

function field(control, value, label, placeholder, onChange) {
  const input = element('input', { type: 'text', value, placeholder, 'aria-label': label, 'data-control': control });
  input.defaultValue = value; // what is shown, to tell what the reader typed since
  input.addEventListener('change', () => {
    input.defaultValue = input.value; // entered: the list rebuilt after it shows its own value
    onChange(input.value.trim());
  });
  return input;
}

function button({ control, ...attributes }, text, onClick) {
  const node = element('button', { type: 'button', 'data-control': control, ...attributes }, text);
  node.addEventListener('click', onClick);
  return node;
}

// The list and its tools are rebuilt on each change: the control the reader
// was on, and what they had typed in it and not yet entered, are put back.
function focused(list, tools) {
  const active = document.activeElement;
  if (tools.contains(active)) return { tool: active.dataset.control, id: active.dataset.id };
  const item = list.contains(active) ? active.closest('li') : null;
  if (!item) return null;
  const typed = active.tagName === 'INPUT' && active.value !== active.defaultValue;
  return { id: item.dataset.id, control: active.dataset.control, typed: typed && [active.value, active.selectionStart, active.selectionEnd] };
}

function refocus(list, tools, focus) {
  if (!focus) return;
  const tool = focus.tool && tools.querySelector(`[data-control="${focus.tool}"]`);
  const item = list.querySelector(`li[data-id="${focus.id}"]`);
  if (tool) {
    tool.focus();
  } else if (!item) { // removed: its restore button takes the focus
    tools.querySelector('[data-control="restore"]')?.focus();
  } else if (focus.tool) { // restored: the document takes the focus
    item.querySelector('[data-control="name"]').focus();
  } else {
    // A move to the top or the bottom disables that button: the other one takes the focus.
    const target = [focus.control, 'up', 'down', 'name']
      .map((control) => item.querySelector(`[data-control="${control}"]`)).find((node) => !node.disabled);
    if (focus.typed) {
      const [value, start, end] = focus.typed;
      target.value = value;
      target.setSelectionRange(start, end);
    }
    target.focus();
  }
}

// A pasted article's name: its first line, cut at a word near NAME_LENGTH characters.
export function nameFromFirstLine(text) {
  const line = text.trim().split('\n', 1)[0].replace(/\s+/g, ' ').trim();
  if (line.length <= NAME_LENGTH) return line;
  const cut = line.slice(0, NAME_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > NAME_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}
