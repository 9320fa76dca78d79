import { h, nextId } from './dom.js';

/**
 * The sign-in form. The key is read from the field and handed to `submit`; the form has no action a
 * browser could fall back to, so the key can never end up in a URL or a server log.
 */
export function signInView(
  submit: (key: string) => Promise<string | undefined>,
  notice?: string,
): HTMLElement {
  const inputId = nextId('key');
  const errorId = nextId('err');
  const input = h('input', {
    id: inputId,
    name: 'agent-key',
    type: 'password',
    autocomplete: 'current-password',
    spellcheck: 'false',
    required: true,
    'aria-describedby': `${errorId} ${inputId}-help`,
  });
  const error = h('p', { id: errorId, class: 'form-error', role: 'alert' }, notice ?? '');
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'signin-card', method: 'post', novalidate: true, 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'Veil agent console'),
    h(
      'p',
      { class: 'muted' },
      'Customers’ personal data is masked. Veil checks every message before it is sent.',
    ),
    h('label', { for: inputId }, 'Agent key'),
    input,
    h('p', { id: `${inputId}-help`, class: 'field-help' }, 'Kept in this tab only; signing out forgets it.'),
    error,
    button,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = input.value.trim();
    if (!key) {
      error.textContent = 'Enter your agent key.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = 'Signing in…';
    const problem = await submit(key);
    if (!form.isConnected) return;
    button.disabled = false;
    button.textContent = 'Sign in';
    if (problem) {
      error.textContent = problem;
      input.setAttribute('aria-invalid', 'true');
      input.select();
      input.focus();
    }
  });
  const main = h('main', { id: 'main', class: 'signin', tabindex: '-1' }, form);
  queueMicrotask(() => input.focus());
  return main;
}
