// The views' tabs, as the WAI-ARIA tabs pattern: only the selected tab is in
// the Tab order; Left and Right (wrapping), Home and End move to a tab and
// select it. Each tab names its panel with aria-controls. And the drawing of
// a report's views when they are shown.
import { element } from './dom.js';
import { relight } from './links.js';

export function installTabs(tablist) {
  const tabs = [...tablist.querySelectorAll('[role=tab]')];
  const select = (name, { focus = false } = {}) => {
    for (const tab of tabs) {
      const selected = tab.dataset.tab === name;
      if (selected) drawStale(tab.getAttribute('aria-controls'));
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && focus) tab.focus();
    }
  };
  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role=tab]');
    if (tab) select(tab.dataset.tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(event.target.closest('[role=tab]'));
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (at < 0 || to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length].dataset.tab, { focus: true });
  });
  return select;
}

// A report draws the view shown only: each hidden one waits until it is
// shown, and keeps what it drew for an older report meanwhile. Drawing every
// view held the page for the largest one (Documents) before the first paint.
const stale = new Map(); // panel id -> its draw for the latest report

function drawStale(id) {
  const draw = stale.get(id);
  if (!draw) return;
  stale.delete(id);
  draw();
  relight(document.getElementById(id)); // what is lit (a link followed) stays lit
}

// `views` maps each panel's id to its draw.
export function drawPanels(views) {
  for (const [id, draw] of Object.entries(views)) {
    stale.set(id, draw);
    if (!document.getElementById(id).hidden) drawStale(id);
  }
}

// A task each, so the page paints and answers the reader between them.
const later = (work) => requestAnimationFrame(() => setTimeout(work));

// Draws `items` into `parent`, `size` of them per task (`draw` gives an
// item's node or nodes); it stops once something else replaced what it
// appended (a re-render, a new sort).
export function drawInChunks(parent, items, draw, size) {
  parent.append(...items.slice(0, size).flatMap(draw));
  const last = parent.lastChild;
  if (items.length > size) later(() => { if (parent.lastChild === last) drawInChunks(parent, items.slice(size), draw, size); });
}

// The first `most` items drawn into `parent` now; past them, the button
// returned draws the rest, at most CHUNK a task (each task lays out what it
// added). Null when there are no more.
const CHUNK = 100;

export function showFirst(parent, items, draw, { most, what }) {
  parent.append(...items.slice(0, most).map(draw));
  if (items.length <= most) return null;
  const button = element('button', { type: 'button', class: 'show-all' }, `Show all ${items.length} ${what}`);
  button.addEventListener('click', () => {
    const at = parent.children.length;
    button.remove();
    drawInChunks(parent, items.slice(most), draw, Math.min(most, CHUNK));
    // The focus goes on from the first item the button brought, not back to the page's top.
    const first = parent.children[at];
    first.tabIndex = -1;
    first.focus({ preventScroll: true });
  });
  return button;
}
