import { announce, h, replaceChildren } from './dom.js';
import type { SendResult } from './types.js';

export interface ComposeView {
  el: HTMLElement;
  /** Switches to another conversation, restoring its draft. */
  open(conversationId: string): void;
  setPlaceholders(items: readonly { token: string; label: string }[]): void;
  focus(): void;
}

/**
 * The reply box. A blocked message stays in the box with the guard's reason and suggested wording,
 * so the agent rewrites it instead of retyping it.
 */
export function composeView(send: (id: string, text: string) => Promise<SendResult>): ComposeView {
  const drafts = new Map<string, string>();
  let current: string | undefined;
  let sending = false;

  const textarea = h('textarea', {
    id: 'compose-text',
    name: 'message',
    rows: 3,
    maxlength: 10000,
    'aria-describedby': 'compose-help compose-feedback',
  });
  const help = h(
    'p',
    { id: 'compose-help', class: 'field-help' },
    'Enter sends. Shift+Enter adds a new line.',
  );
  const feedback = h('div', { id: 'compose-feedback', class: 'compose-feedback', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Send');
  const chips = h('div', { class: 'insert-chips', role: 'group', 'aria-labelledby': 'insert-label' });
  const chipsRow = h(
    'div',
    { class: 'insert-row', hidden: true },
    h('span', { id: 'insert-label', class: 'insert-label' }, 'Insert placeholder'),
    chips,
  );
  const form = h(
    'form',
    { class: 'compose', 'aria-label': 'Reply to customer' },
    feedback,
    h('label', { for: 'compose-text', class: 'compose-label' }, 'Message to customer'),
    chipsRow,
    h('div', { class: 'compose-row' }, textarea, button),
    help,
  );

  const clearFeedback = () => {
    replaceChildren(feedback);
    feedback.className = 'compose-feedback';
    textarea.removeAttribute('aria-invalid');
  };

  function showBlocked(r: { rule: string; reason: string; hint: string }) {
    feedback.className = 'compose-feedback is-blocked';
    replaceChildren(
      feedback,
      h('p', { class: 'feedback-title' }, 'Not sent: Veil blocked this message'),
      h('p', {}, r.reason),
      h('p', {}, h('strong', {}, 'Try instead: '), r.hint),
      h('p', { class: 'rule' }, 'Rule ', h('code', {}, r.rule)),
    );
    textarea.setAttribute('aria-invalid', 'true');
  }

  function showError(text: string) {
    feedback.className = 'compose-feedback is-error';
    replaceChildren(feedback, h('p', {}, text));
  }

  async function submit() {
    const id = current;
    const text = textarea.value;
    if (!id || sending) return;
    if (text.trim() === '') {
      showError('Write a message first.');
      textarea.focus();
      return;
    }
    sending = true;
    button.disabled = true;
    textarea.setAttribute('aria-busy', 'true');
    try {
      const r = await send(id, text);
      if (current !== id) return;
      if (r.decision === 'block') {
        showBlocked(r);
      } else {
        clearFeedback();
        // Only clear what was sent: the agent may have kept typing while it was in flight.
        if (textarea.value === text) textarea.value = '';
        drafts.delete(id);
        announce('Message sent.');
      }
    } catch (e) {
      if (current === id) showError(`Not sent: ${(e as Error).message}`);
    } finally {
      sending = false;
      button.disabled = false;
      textarea.removeAttribute('aria-busy');
      if (current === id) textarea.focus();
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    void submit();
  });
  textarea.addEventListener('input', () => {
    if (current) drafts.set(current, textarea.value);
  });

  function insert(token: string) {
    const { selectionStart: a, selectionEnd: b, value } = textarea;
    const before = value.slice(0, a);
    const pad = before && !/\s$/.test(before) ? ' ' : '';
    textarea.setRangeText(`${pad}${token}`, a, b, 'end');
    textarea.dispatchEvent(new Event('input'));
    textarea.focus();
  }

  return {
    el: form,
    open(id) {
      if (current === id) return;
      current = id;
      textarea.value = drafts.get(id) ?? '';
      clearFeedback();
    },
    setPlaceholders(items) {
      chipsRow.hidden = items.length === 0;
      replaceChildren(
        chips,
        items.map((p) => {
          const b = h(
            'button',
            { type: 'button', class: 'chip chip-button', 'aria-label': `Insert ${p.label} (${p.token})` },
            p.label,
          );
          b.addEventListener('click', () => insert(p.token));
          return b;
        }),
      );
    },
    focus() {
      textarea.focus();
    },
  };
}
