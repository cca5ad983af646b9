// Links from the comparison's views to a place in the Documents view, and the
// highlight that hovering or focusing an item puts on the same spans in every
// source. Items name what they stand for by keys (data-hl on the item,
// data-key or data-fact on the marks): `st-3` a statement, `pass-1` a passage,
// `sent-0-4` a sentence, `quote-2-1` a quote, `fact-0-quantity-5` a number.
import { element } from './dom.js';

// Every id the Documents view gives a span, in one place.
export const ids = {
  sentence: (doc, i) => `sent-${doc}-${i}`,
  statement: (k, doc) => `st-${k}-${doc}`,
  passage: (k, doc) => `pass-${k}-${doc}`,
  quote: (doc, i) => `quote-${doc}-${i}`,
  quantity: (doc, i) => `fact-${doc}-quantity-${i}`,
  date: (doc, i) => `fact-${doc}-date-${i}`,
};

// The document an id above points into.
export function docOf(id) {
  const match = /^(?:sent|quote|fact)-(\d+)-|^(?:st|pass)-\d+-(\d+)$/.exec(id);
  return match ? Number(match[1] ?? match[2]) : null;
}

// An anchor to the span with this id in the Documents view; `keys` are the
// items it highlights while hovered or focused.
export function placeLink(id, keys, ...children) {
  return element('a', { href: `#${id}`, class: 'goto', 'data-goto': id, 'data-hl': keys || null }, children);
}

const lit = new Set();

function marksFor(key, root = document) {
  const safe = CSS.escape(key);
  return root.querySelectorAll(`[data-key~="${safe}"], [data-fact="${safe}"]`);
}

// A document's text drawn late takes the light of what is lit now.
export function relight(root) {
  for (const key of lit) for (const node of marksFor(key, root)) node.classList.add('hl');
}

export function highlight(keys) {
  for (const key of lit) for (const node of marksFor(key)) node.classList.remove('hl');
  lit.clear();
  for (const key of keys) {
    lit.add(key);
    for (const node of marksFor(key)) node.classList.add('hl');
  }
}

// One set of listeners for the whole results area: a click on a place link
// opens the Documents view at the span; hovering or focusing an item with
// keys lights its spans everywhere.
export function installLinks(root, { onGoto }) {
  const keysOf = (target) => {
    const item = target instanceof Element ? target.closest('[data-hl]') : null;
    return item ? item.dataset.hl.split(/\s+/).filter(Boolean) : [];
  };
  root.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-goto]');
    if (!link || !root.contains(link)) return;
    event.preventDefault();
    pinned = keysOf(link);
    onGoto(link.dataset.goto);
    update();
  });
  // What the pointer is over wins; without it, what has keyboard focus; else
  // what the last link followed stands for, so its spans stay lit at its place.
  let hovered = [];
  let focused = [];
  let pinned = [];
  let current = '';
  const update = () => {
    const keys = hovered.length ? hovered : focused.length ? focused : pinned;
    const signature = keys.join(' ');
    if (signature === current) return;
    current = signature;
    highlight(keys);
  };
  root.addEventListener('mouseover', (event) => {
    hovered = keysOf(event.target);
    if (hovered.length) pinned = [];
    update();
  });
  root.addEventListener('mouseleave', () => { hovered = []; update(); });
  root.addEventListener('focusin', (event) => { focused = keysOf(event.target); update(); });
  root.addEventListener('focusout', (event) => { focused = keysOf(event.relatedTarget); update(); });
}
