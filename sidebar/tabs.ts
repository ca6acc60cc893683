/**
 * The sidebar's sections as an ARIA tab list: one tab stop, arrow keys,
 * Home and End move between tabs (WAI-ARIA Authoring Practices, "Tabs with
 * automatic activation"). The tabs and their panels are drawn from one list,
 * so each tab and its panel always name each other.
 */
import {byId, el} from './dom';

/** The tabs in order; the first is open when the sidebar opens. */
const TABS = {
  supporter: 'Supporter',
  log: 'Log',
  today: 'Today',
  settings: 'Settings',
} as const;

export type TabName = keyof typeof TABS;

/**
 * Draws the tabs into the tab list and their panels into `<main>`; each
 * panel's content goes in its `#<name>-view`. `onOpen` hears every tab the
 * user opens, with that content element.
 */
export function setUpTabs(
  onOpen: (name: TabName, view: HTMLElement) => void,
): void {
  const names = Object.keys(TABS) as TabName[];
  const tabs = names.map((name, i) =>
    el(
      'button',
      {
        attrs: {
          type: 'button',
          role: 'tab',
          id: `tab-${name}`,
          'aria-controls': `panel-${name}`,
          'aria-selected': String(i === 0),
          tabindex: i === 0 ? 0 : -1,
        },
      },
      TABS[name],
    ),
  );
  const views = names.map(name => el('div', {attrs: {id: `${name}-view`}}));
  const panels = names.map((name, i) =>
    el(
      'section',
      {
        className: 'panel',
        attrs: {
          role: 'tabpanel',
          id: `panel-${name}`,
          'aria-labelledby': `tab-${name}`,
          hidden: i > 0,
        },
      },
      views[i],
    ),
  );
  byId('tabs').append(...tabs);
  byId('panels').append(...panels);
  const select = (i: number, focus: boolean) => {
    tabs.forEach((tab, j) => {
      tab.setAttribute('aria-selected', String(i === j));
      tab.tabIndex = i === j ? 0 : -1;
      panels[j].hidden = i !== j;
    });
    if (focus) tabs[i].focus();
    onOpen(names[i], views[i]);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i, false));
    tab.addEventListener('keydown', e => {
      const last = tabs.length - 1;
      const moves: Record<string, number | undefined> = {
        ArrowRight: i === last ? 0 : i + 1,
        ArrowLeft: i === 0 ? last : i - 1,
        Home: 0,
        End: last,
      };
      const next = moves[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(next, true);
    });
  });
}

/** Opens a tab from code (e.g. Settings when a menu item opens the sidebar there). */
export function openTab(name: TabName): void {
  byId(`tab-${name}`).click();
}
