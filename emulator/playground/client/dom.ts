/// <reference lib="dom" />
/**
 * Building the page's elements. Text from the workbook, the add-on or its
 * mail only ever goes in through textContent or an attribute/property
 * setter, never as markup: a supporter called `<img onerror=…>` stays text.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  dataset?: Record<string, string>;
  style?: Partial<Record<'width' | 'height' | 'top' | 'left', string>>;
  on?: {[K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void};
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  Object.assign(node.dataset, props.dataset ?? {});
  Object.assign(node.style, props.style ?? {});
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    node.addEventListener(type, listener as EventListener);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no #${id}`);
  return node as T;
}

/** Markup-safe text for the one place HTML is written: attributes of the injected shim tag. */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

/** The × that closes a dialog or dismisses a toast. */
export const closeButton = (
  className: string,
  label: string,
  click: () => void,
) =>
  el('button', {
    className,
    text: '×',
    attrs: {type: 'button', 'aria-label': label},
    on: {click},
  });
