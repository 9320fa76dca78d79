import { h } from './dom.js';

export interface Tabs {
  el: HTMLElement;
  select(id: string): void;
  selected(): string;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; Tab moves into the panel. */
export function tabs(
  label: string,
  items: readonly { id: string; label: string; panel: HTMLElement }[],
  onChange: (id: string) => void,
): Tabs {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tablist' });
  const buttons = items.map((it) => {
    const b = h(
      'button',
      { type: 'button', role: 'tab', id: `tab-${it.id}`, 'aria-controls': `panel-${it.id}` },
      it.label,
    );
    it.panel.id = `panel-${it.id}`;
    it.panel.setAttribute('role', 'tabpanel');
    it.panel.setAttribute('aria-labelledby', `tab-${it.id}`);
    b.addEventListener('click', () => select(it.id));
    list.append(b);
    return b;
  });
  let current = items[0]?.id ?? '';

  function select(id: string, focus = false) {
    current = id;
    items.forEach((it, i) => {
      const on = it.id === id;
      const b = buttons[i]!;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      it.panel.hidden = !on;
      if (on && focus) b.focus();
    });
    onChange(id);
  }

  list.addEventListener('keydown', (e) => {
    const i = items.findIndex((it) => it.id === current);
    const n = items.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    select(items[to]!.id, true);
  });

  select(current);
  return { el: list, select: (id) => select(id), selected: () => current };
}
