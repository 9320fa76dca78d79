import { maskedText } from './chips.js';
import { h, replaceChildren } from './dom.js';
import { clock, fullTime } from './format.js';
import type { TranscriptEntry } from './types.js';

export interface TranscriptView {
  el: HTMLElement;
  reset(entries: readonly TranscriptEntry[]): void;
  /** Adds entries not seen yet; returns the highest seq now shown. */
  add(entries: readonly TranscriptEntry[]): void;
  lastSeq(): number;
  customerTexts(): string[];
}

const AUTHOR: Record<TranscriptEntry['from'], string> = {
  customer: 'Customer',
  agent: 'Agent',
  system: 'System',
  veil: 'Veil',
};

function entryView(e: TranscriptEntry): HTMLLIElement {
  const blocked = e.decision === 'block';
  const author = e.from === 'agent' && e.meta?.agent ? `${AUTHOR.agent} ${e.meta.agent}` : AUTHOR[e.from];
  const classes = ['msg', `from-${e.from}`];
  if (blocked) classes.push('is-blocked');
  if (e.visibility === 'agent-only') classes.push('agent-only');
  if (e.meta?.withheld) classes.push('withheld');
  const attachments = e.meta?.attachments ?? [];
  return h(
    'li',
    { class: classes.join(' '), 'data-seq': e.seq },
    h(
      'div',
      { class: 'msg-head' },
      h('span', { class: 'msg-author' }, author),
      h('time', { datetime: e.at, title: fullTime(e.at) }, clock(e.at)),
      blocked && h('span', { class: 'badge blocked' }, 'Blocked, not sent'),
      e.visibility === 'agent-only' && h('span', { class: 'badge agent-only-badge' }, 'Only agents see this'),
    ),
    h('p', { class: 'msg-text' }, maskedText(e.text)),
    attachments.length > 0 &&
      h(
        'p',
        { class: 'msg-meta' },
        `${attachments.length} ${attachments.length === 1 ? 'attachment' : 'attachments'} (masked): `,
        attachments.map((a) => a.contentType ?? 'unknown type').join(', '),
      ),
    blocked &&
      h(
        'div',
        { class: 'msg-block' },
        h('p', {}, h('strong', {}, 'Why: '), e.meta?.reason ?? 'Veil held this message.'),
        e.meta?.hint && h('p', {}, h('strong', {}, 'Instead: '), e.meta.hint),
        e.rule && h('p', { class: 'rule' }, 'Rule ', h('code', {}, e.rule)),
      ),
  );
}

/** The masked transcript, as an ARIA log: new entries are read out without moving focus. */
export function transcriptView(): TranscriptView {
  const list = h('ol', { class: 'transcript', role: 'log', 'aria-label': 'Messages' });
  const empty = h('p', { class: 'empty' }, 'No messages yet.');
  const el = h(
    'div',
    { class: 'transcript-scroll', tabindex: '0', role: 'region', 'aria-label': 'Transcript' },
    empty,
    list,
  );
  const seen = new Map<number, TranscriptEntry>();

  const nearBottom = () => el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  const toBottom = () => {
    el.scrollTop = el.scrollHeight;
  };

  return {
    el,
    reset(entries) {
      seen.clear();
      replaceChildren(list);
      this.add(entries);
      toBottom();
    },
    add(entries) {
      const stick = nearBottom();
      for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
        if (seen.has(e.seq)) continue;
        seen.set(e.seq, e);
        const node = entryView(e);
        // Entries normally arrive in order; a late one (after a resync) goes where its seq says.
        const last = list.lastElementChild as HTMLElement | null;
        const after =
          !last || Number(last.dataset.seq) < e.seq
            ? null
            : [...list.children].find((c) => Number((c as HTMLElement).dataset.seq) > e.seq);
        list.insertBefore(node, after ?? null);
      }
      empty.hidden = seen.size > 0;
      if (stick) toBottom();
    },
    lastSeq() {
      let max = 0;
      for (const k of seen.keys()) if (k > max) max = k;
      return max;
    },
    customerTexts() {
      return [...seen.values()].filter((e) => e.from === 'customer').map((e) => e.text);
    },
  };
}
