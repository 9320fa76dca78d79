import { h, replaceChildren } from './dom.js';
import { clock, LEVEL_LABEL, shortId } from './format.js';
import type { ConversationSummary } from './types.js';

export interface ListView {
  el: HTMLElement;
  render(conversations: readonly ConversationSummary[], selected: string | undefined): void;
  focusSelected(): void;
}

/** Waiting customers first (they are owed an answer), then the most recently updated. */
export function sortConversations(list: readonly ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'waiting' ? -1 : 1;
    return b.updatedAt.localeCompare(a.updatedAt);
  });
}

export const conversationTitle = (c: { accountId?: string | undefined }): string =>
  c.accountId ? `Account ${c.accountId}` : 'Unidentified customer';

/**
 * The conversation list. Rows are kept by id and updated in place, so a live update never steals
 * focus from the row the agent is on.
 */
export function listView(onSelect: (id: string) => void): ListView {
  const count = h('span', { class: 'count', 'aria-hidden': 'true' });
  const list = h('ul', { class: 'conv-list', role: 'list' });
  const empty = h('p', { class: 'empty' }, 'No conversations yet. New chats appear here as they arrive.');
  const el = h(
    'nav',
    { class: 'pane conversations', 'aria-labelledby': 'conv-heading' },
    h('h2', { id: 'conv-heading', class: 'pane-title' }, 'Conversations ', count),
    empty,
    list,
  );
  const rows = new Map<string, { li: HTMLLIElement; button: HTMLButtonElement }>();

  function row(c: ConversationSummary, selected: boolean) {
    let r = rows.get(c.id);
    if (!r) {
      const button = h('button', { type: 'button', class: 'conv', 'data-id': c.id });
      button.addEventListener('click', () => onSelect(c.id));
      r = { li: h('li', {}, button), button };
      rows.set(c.id, r);
    }
    const { button } = r;
    if (selected) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
    replaceChildren(
      button,
      h(
        'span',
        { class: 'conv-top' },
        h('span', { class: 'conv-title' }, conversationTitle(c)),
        h('time', { class: 'conv-time', datetime: c.updatedAt }, clock(c.updatedAt)),
      ),
      h('span', { class: 'conv-sub' }, `${c.channelId} · ${shortId(c.id)}`),
      h(
        'span',
        { class: 'conv-badges' },
        h(
          'span',
          { class: `badge status-${c.status}` },
          c.status === 'waiting' ? 'Waiting for reply' : 'Active',
        ),
        h('span', { class: `badge level-${c.level}` }, LEVEL_LABEL[c.level] ?? c.level),
        c.blockedMessages > 0 &&
          h(
            'span',
            { class: 'badge blocked' },
            `${c.blockedMessages} blocked`,
            h('span', { class: 'visually-hidden' }, c.blockedMessages === 1 ? ' message' : ' messages'),
          ),
        c.flags.map((f) => h('span', { class: 'badge flag' }, f)),
      ),
    );
    return r.li;
  }

  return {
    el,
    render(conversations, selected) {
      const sorted = sortConversations(conversations);
      const live = new Set(sorted.map((c) => c.id));
      for (const [id, r] of rows)
        if (!live.has(id)) {
          r.li.remove();
          rows.delete(id);
        }
      // Re-appending only what moved keeps focus inside the list stable.
      sorted.forEach((c, i) => {
        const li = row(c, c.id === selected);
        if (list.children[i] !== li) list.insertBefore(li, list.children[i] ?? null);
      });
      const waiting = sorted.filter((c) => c.status === 'waiting').length;
      count.textContent = sorted.length ? `${sorted.length}${waiting ? ` · ${waiting} waiting` : ''}` : '';
      empty.hidden = sorted.length > 0;
    },
    focusSelected() {
      (
        list.querySelector<HTMLButtonElement>('button[aria-current]') ?? list.querySelector('button')
      )?.focus();
    },
  };
}
