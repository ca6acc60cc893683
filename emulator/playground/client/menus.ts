/// <reference lib="dom" />
/**
 * The menu bar: File, Extensions (with the add-on's menu, exactly as its
 * onOpen built it), any top-level menu the script added, and the
 * playground's own tools. Menus open on click, and work from the keyboard:
 * arrows move, Enter/Space pick, Escape closes.
 */
import type {MenuInfo, MenuItemInfo} from '../protocol';
import {el} from './dom';

/** A menu entry of the page itself (not the add-on's). */
export interface PageItem {
  caption: string;
  run: () => void;
  disabled?: boolean;
}

export type Entry =
  | {kind: 'page'; item: PageItem}
  | {kind: 'addon'; caption: string}
  | {kind: 'separator'}
  | {kind: 'submenu'; caption: string; entries: Entry[]};

export interface TopMenu {
  caption: string;
  entries: Entry[];
}

/** The add-on's menu items as entries: a click runs the item by its caption. */
function addonEntries(items: MenuItemInfo[]): Entry[] {
  return items.map((item): Entry => {
    if ('separator' in item) return {kind: 'separator'};
    if ('submenu' in item) {
      return {
        kind: 'submenu',
        caption: item.caption,
        entries: addonEntries(item.submenu),
      };
    }
    return {kind: 'addon', caption: item.caption};
  });
}

/** Extensions holds add-on menus; a script's own createMenu() menus sit in the bar. */
export function addonMenus(menus: MenuInfo[]): {
  extensions: Entry[];
  topLevel: TopMenu[];
} {
  return {
    extensions: menus
      .filter(m => m.addOn)
      .map(m => ({
        kind: 'submenu',
        caption: m.caption,
        entries: addonEntries(m.items),
      })),
    topLevel: menus
      .filter(m => !m.addOn)
      .map(m => ({caption: m.caption, entries: addonEntries(m.items)})),
  };
}

export class MenuBar {
  private open: HTMLElement[] = [];
  private signature = '';

  constructor(
    private readonly bar: HTMLElement,
    private readonly clickAddon: (caption: string) => void,
  ) {
    document.addEventListener('mousedown', e => {
      if (!this.bar.contains(e.target as Node)) this.closeAll();
    });
  }

  render(menus: TopMenu[]): void {
    // Rebuilding an open menu under the user's pointer would close it.
    const signature = JSON.stringify(menus, (key, value) =>
      key === 'item' ? value.caption + value.disabled : value,
    );
    if (signature === this.signature) return;
    this.signature = signature;
    this.closeAll();
    this.bar.replaceChildren(
      ...menus.map(menu => {
        const button = el('button', {
          className: 'menu-button',
          text: menu.caption,
          attrs: {
            role: 'menuitem',
            'aria-haspopup': 'menu',
            'aria-expanded': 'false',
            type: 'button',
          },
        });
        const popup = this.popup(menu.entries, menu.caption);
        const wrap = el('div', {className: 'menu'}, button, popup);
        button.addEventListener('click', () => {
          const wasOpen = this.open[0] === popup;
          this.closeAll();
          if (!wasOpen) this.show(popup, button, 0);
        });
        button.addEventListener('mouseenter', () => {
          if (this.open.length && this.open[0] !== popup) {
            this.closeAll();
            this.show(popup, button, 0);
          }
        });
        button.addEventListener('keydown', e => {
          if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.closeAll();
            this.show(popup, button, 0);
            this.items(popup)[0]?.focus();
          } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
            const buttons = [
              ...this.bar.querySelectorAll<HTMLElement>('.menu-button'),
            ];
            const i =
              buttons.indexOf(button) + (e.key === 'ArrowRight' ? 1 : -1);
            buttons[(i + buttons.length) % buttons.length]?.focus();
          }
        });
        return wrap;
      }),
    );
  }

  closeAll(): void {
    this.closeFrom(0);
  }

  /** Closes the open popups from `depth` down (0: every one). */
  private closeFrom(depth: number): void {
    for (const popup of this.open.splice(Math.max(0, depth))) {
      popup.hidden = true;
      popup.previousElementSibling?.setAttribute('aria-expanded', 'false');
    }
  }

  private show(popup: HTMLElement, opener: HTMLElement, depth: number): void {
    this.closeFrom(depth);
    popup.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    this.open.push(popup);
  }

  private items(popup: HTMLElement): HTMLElement[] {
    return [...popup.children]
      .map(child => child.querySelector(':scope > button') ?? child)
      .filter(
        (node): node is HTMLButtonElement =>
          node instanceof HTMLButtonElement && !node.disabled,
      );
  }

  private popup(entries: Entry[], label: string, depth = 0): HTMLElement {
    const popup = el('div', {
      className: 'menu-popup',
      attrs: {role: 'menu', 'aria-label': label},
    });
    popup.hidden = true;
    for (const entry of entries) popup.append(this.entry(entry, popup, depth));
    popup.addEventListener('keydown', e => {
      const items = this.items(popup);
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        e.stopPropagation();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        items[(at + step + items.length) % items.length]?.focus();
      } else if (e.key === 'Escape' || (e.key === 'ArrowLeft' && depth > 0)) {
        e.preventDefault();
        e.stopPropagation();
        const opener = popup.previousElementSibling as HTMLElement | null;
        this.closeFrom(this.open.indexOf(popup));
        opener?.focus();
      }
    });
    return popup;
  }

  private entry(entry: Entry, popup: HTMLElement, depth: number): HTMLElement {
    switch (entry.kind) {
      case 'separator':
        return el('div', {
          className: 'menu-separator',
          attrs: {role: 'separator'},
        });
      case 'submenu': {
        const button = el(
          'button',
          {
            className: 'menu-item has-submenu',
            attrs: {
              role: 'menuitem',
              'aria-haspopup': 'menu',
              'aria-expanded': 'false',
              type: 'button',
            },
          },
          entry.caption,
          el('span', {
            className: 'submenu-arrow',
            text: '▸',
            attrs: {'aria-hidden': 'true'},
          }),
        );
        const sub = this.popup(entry.entries, entry.caption, depth + 1);
        sub.classList.add('submenu');
        const open = () => {
          if (sub.hidden) this.show(sub, button, depth + 1);
        };
        button.addEventListener('click', open);
        button.addEventListener('mouseenter', open);
        button.addEventListener('keydown', e => {
          if (e.key === 'ArrowRight' || e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            open();
            this.items(sub)[0]?.focus();
          }
        });
        return el('div', {className: 'submenu-wrap'}, button, sub);
      }
      case 'addon':
      case 'page': {
        const caption =
          entry.kind === 'page' ? entry.item.caption : entry.caption;
        const button = el('button', {
          className: 'menu-item',
          text: caption,
          attrs: {
            role: 'menuitem',
            type: 'button',
            disabled: entry.kind === 'page' && entry.item.disabled,
          },
        });
        button.addEventListener('mouseenter', () => {
          // Hovering a sibling closes any submenu opened from this popup.
          const index = this.open.indexOf(popup);
          if (index >= 0) this.closeFrom(index + 1);
        });
        button.addEventListener('click', () => {
          this.closeAll();
          if (entry.kind === 'page') entry.item.run();
          else this.clickAddon(entry.caption);
        });
        return button;
      }
    }
  }
}
