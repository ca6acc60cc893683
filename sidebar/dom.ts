/**
 * Building the sidebar's elements. Data only ever becomes text nodes or
 * attribute values (never markup), so a supporter called
 * `<img src=x onerror=alert(1)>` is shown as exactly that text.
 */

type Child = Node | string | number | null | undefined | false;

export interface Props {
  className?: string;
  /** Attributes, set with setAttribute (false/null/undefined leave one out). */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Partial<{
    [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void;
  }>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props?.className) node.className = props.className;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) {
    if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  for (const [type, handler] of Object.entries(props?.on ?? {})) {
    node.addEventListener(type, handler as EventListener);
  }
  append(node, children.flat());
  return node;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

/** Replaces everything inside `parent`. */
export function fill(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children.flat());
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`sidebar.html has no #${id}`);
  return node as T;
}

/** A link that opens outside the sidebar; only http(s) addresses become links. */
export function externalLink(
  url: string,
  text: string,
  label?: string,
): HTMLElement {
  if (!/^https?:\/\//i.test(url)) return el('span', null, text);
  return el(
    'a',
    {
      attrs: {
        href: url,
        target: '_blank',
        rel: 'noopener noreferrer',
        'aria-label': label,
      },
    },
    text,
  );
}

let uid = 0;
/** A fresh id for label/for and aria-* references. */
export const newId = (prefix: string) => `${prefix}-${++uid}`;

/** Where results appear: screen readers announce what is put in it. */
export const liveRegion = <K extends 'p' | 'ul'>(tag: K, className: string) =>
  el(tag, {className, attrs: {role: 'status', 'aria-live': 'polite'}});

/** A form's main button, in its own row; `focus` names it for focus restoring. */
export const submitRow = (label: string, focus: string) =>
  el(
    'div',
    {className: 'button-row'},
    el(
      'button',
      {
        className: 'button primary',
        attrs: {type: 'submit', 'data-focus': focus},
      },
      label,
    ),
  );

/**
 * A button that shows and hides `panel` (hidden at first), saying which
 * with aria-expanded; `label` names it for screen readers when its text
 * alone would not.
 */
export function disclosure(
  panel: HTMLElement,
  className: string,
  text: string,
  label?: string,
): HTMLButtonElement {
  panel.hidden = true;
  const button = el(
    'button',
    {
      className,
      attrs: {
        type: 'button',
        'aria-expanded': 'false',
        'aria-controls': panel.id,
        'aria-label': label,
      },
    },
    text,
  );
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
  });
  return button;
}

/** One term of a definition list (`<dl>`), with its value. */
export const term = (name: string, value: string | Node) =>
  el('div', null, el('dt', null, name), el('dd', null, value));

/**
 * A one-line form that adds what is typed (trimmed; nothing when empty): a
 * label screen readers read, the box and a small button.
 */
export function inlineAddForm(options: {
  label: string;
  button: string;
  placeholder: string;
  focus?: string;
  add: (text: string) => void;
}): HTMLFormElement {
  const id = newId('add');
  const input = el('input', {
    attrs: {
      id,
      type: 'text',
      maxlength: 40,
      autocomplete: 'off',
      placeholder: options.placeholder,
      'data-focus': options.focus,
    },
  });
  return el(
    'form',
    {
      className: 'inline-form',
      on: {
        submit: e => {
          e.preventDefault();
          const text = input.value.trim();
          if (text) options.add(text);
        },
      },
    },
    el(
      'label',
      {className: 'visually-hidden', attrs: {for: id}},
      options.label,
    ),
    input,
    el(
      'button',
      {className: 'button secondary small', attrs: {type: 'submit'}},
      options.button,
    ),
  );
}
