/**
 * The sidebar's sections as an ARIA tab list: one tab stop, arrow keys,
 * Home and End move between tabs (WAI-ARIA Authoring Practices, "Tabs with
 * automatic activation").
 */
export function setUpTabs(onOpen: (name: string) => void): void {
  const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
  const select = (tab: HTMLElement, focus: boolean) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(
        other.getAttribute('aria-controls')!,
      )!;
      panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onOpen(tab.dataset.tab!);
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', e => {
      const next =
        e.key === 'ArrowRight'
          ? tabs[(i + 1) % tabs.length]
          : e.key === 'ArrowLeft'
            ? tabs[(i - 1 + tabs.length) % tabs.length]
            : e.key === 'Home'
              ? tabs[0]
              : e.key === 'End'
                ? tabs[tabs.length - 1]
                : null;
      if (next) {
        e.preventDefault();
        select(next, true);
      }
    });
  });
}

/** Opens a tab from code (e.g. "Log" from the supporter card). */
export function openTab(name: string): void {
  document
    .querySelector<HTMLElement>(`[role="tab"][data-tab="${name}"]`)
    ?.click();
}
