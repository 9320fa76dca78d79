/**
 * The one way the console builds DOM. Message text is customer-controlled, so text only ever becomes
 * Text nodes; attributes are set by name from code, and inline handlers are refused. The CSP's
 * Trusted Types rule makes any stray innerHTML throw as well.
 */
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

export function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name)) throw new Error(`inline handler ${name} refused: use addEventListener`);
    if (value === undefined || value === null || value === false) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(el: Element | DocumentFragment, ...children: (Child | readonly Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function replaceChildren(el: Element, ...children: (Child | readonly Child[])[]): void {
  el.replaceChildren();
  append(el, ...children);
}

let uid = 0;
export const nextId = (prefix: string): string => `${prefix}-${++uid}`;

/** Tells screen-reader users about something that happened off-focus (a send, a new code state). */
export function announce(message: string): void {
  const el = document.getElementById('announcer');
  if (!el) return;
  // Clearing first makes a repeated message be read again.
  el.textContent = '';
  window.setTimeout(() => {
    el.textContent = message;
  }, 50);
}
