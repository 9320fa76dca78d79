import { announce, h, replaceChildren } from './dom.js';
import { codeStateText, kindLabel, LEVEL_HELP, LEVEL_LABEL, LEVELS } from './format.js';
import type { VerificationView } from './types.js';

export interface VerificationPanel {
  el: HTMLElement;
  render(v: VerificationView | undefined): void;
  setMessage(text: string, tone?: 'info' | 'error'): void;
}

const VERIFIED = new Set(['possession', 'authenticated']);

/** Who Veil thinks the customer is, how sure it is, and the step-up control. Never shows a value. */
export function verificationPanel(onSendCode: () => Promise<void>): VerificationPanel {
  const summary = h('div', { class: 'verif-summary' });
  const body = h('div', { class: 'verif-body', id: 'verif-details' });
  // On a narrow window the details fold away so the transcript stays in view; the level never does.
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-ghost verif-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'verif-details',
    },
    'Details',
  );
  const message = h('p', { class: 'verif-message', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Send verification code');
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await onSendCode();
    } finally {
      button.removeAttribute('aria-busy');
      button.disabled = button.dataset.locked === 'true';
    }
  });
  const el = h(
    'aside',
    { class: 'pane verification', 'aria-labelledby': 'verif-heading' },
    h(
      'div',
      { class: 'verif-head' },
      h('h2', { id: 'verif-heading', class: 'pane-title' }, 'Verification'),
      toggle,
    ),
    summary,
    body,
    h('div', { class: 'verif-actions' }, button, message),
  );
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    el.classList.toggle('expanded', open);
  });
  let lastLevel: string | undefined;

  return {
    el,
    render(v) {
      if (!v) {
        replaceChildren(summary, h('p', { class: 'muted' }, 'Loading…'));
        replaceChildren(body);
        return;
      }
      if (lastLevel && lastLevel !== v.level) announce(`Verification level is now ${LEVEL_LABEL[v.level]}.`);
      lastLevel = v.level;
      const rank = LEVELS.indexOf(v.level);
      replaceChildren(
        summary,
        h(
          'div',
          { class: 'level-row' },
          h(
            'span',
            { class: `level-badge level-${v.level}`, 'data-testid': 'level' },
            LEVEL_LABEL[v.level] ?? v.level,
          ),
          h(
            'span',
            {
              class: 'level-meter',
              role: 'img',
              'aria-label': `Level ${rank + 1} of ${LEVELS.length}`,
            },
            LEVELS.map((_, i) => h('span', { class: i <= rank ? 'on' : '' })),
          ),
        ),
        v.flags.length > 0 &&
          h(
            'ul',
            { class: 'flags', 'aria-label': 'Account flags' },
            v.flags.map((f) => h('li', { class: 'badge flag' }, f)),
          ),
      );
      replaceChildren(
        body,
        h('p', { class: 'level-help' }, LEVEL_HELP[v.level]),
        h(
          'dl',
          { class: 'facts' },
          h('dt', {}, 'Account'),
          h('dd', {}, v.accountId ?? 'Not identified'),
          h('dt', {}, 'Summary'),
          h('dd', { class: 'summary' }, v.summary),
          h('dt', {}, 'Code'),
          h('dd', { 'data-testid': 'code-state' }, codeStateText(v.code, v.attemptsLeft)),
        ),
        v.matched.length > 0 &&
          h(
            'div',
            { class: 'matches' },
            h('h3', {}, 'Claims compared with accounts'),
            h(
              'ul',
              {},
              v.matched.map((m) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'match-account' }, m.accountId),
                  h(
                    'span',
                    { class: 'match-kinds' },
                    m.kinds.length
                      ? h('span', { class: 'ok' }, `matched: ${m.kinds.map(kindLabel).join(', ')}`)
                      : null,
                    m.mismatched.length
                      ? h(
                          'span',
                          { class: 'bad' },
                          `did not match: ${m.mismatched.map(kindLabel).join(', ')}`,
                        )
                      : null,
                  ),
                ),
              ),
            ),
          ),
      );
      const verified = VERIFIED.has(v.level);
      const locked = v.code === 'locked';
      button.dataset.locked = String(verified || locked);
      button.disabled = verified || locked;
      button.textContent = verified
        ? 'Customer verified'
        : v.code === 'sent' || v.code === 'expired'
          ? 'Send a new code'
          : 'Send verification code';
      // "Code sent, ask the customer…" is stale once the code was used, expired or locked.
      if (v.code !== 'sent' && message.dataset.tone !== 'error') message.textContent = '';
    },
    setMessage(text, tone = 'info') {
      message.textContent = text;
      message.dataset.tone = tone;
    },
  };
}
