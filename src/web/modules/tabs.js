/** Tab lists (WAI-ARIA tabs pattern, automatic activation). */

import { byId } from './dom.js';

/** What each tab list does when a tab is selected. */
const tabSelectHandlers = new WeakMap();

export function setUpTabs(tablist, onSelect) {
  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab && tablist.contains(tab)) selectTab(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const tabs = [...tablist.querySelectorAll('[role="tab"]')];
    const index = tabs.indexOf(document.activeElement);
    if (index === -1) return;
    const targets = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs[next]);
  });
  tabSelectHandlers.set(tablist, onSelect);
}

export function selectTab(tab, { focus = true } = {}) {
  const tablist = tab.closest('[role="tablist"]');
  for (const other of tablist.querySelectorAll('[role="tab"]')) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = byId(other.getAttribute('aria-controls'));
    panel.hidden = !selected;
  }
  if (focus) tab.focus();
  tabSelectHandlers.get(tablist)?.(tab);
}
