// The views' tabs, as the WAI-ARIA tabs pattern: only the selected tab is in
// the Tab order; Left and Right (wrapping), Home and End move to a tab and
// select it. Each tab names its panel with aria-controls.
export function installTabs(tablist) {
  const tabs = [...tablist.querySelectorAll('[role=tab]')];
  const select = (name, { focus = false } = {}) => {
    for (const tab of tabs) {
      const selected = tab.dataset.tab === name;
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
