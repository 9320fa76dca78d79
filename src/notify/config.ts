import { errors } from '../core/errors.js';
import { createOutboxNotifier } from './outbox.js';
import type { Notifier } from './port.js';
import { createWebhookNotifier, type WebhookOptions } from './webhook.js';

export const DEFAULT_OUTBOX = 'veil-outbox.jsonl';

const positiveInt = (variable: string, value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw errors.config(variable, 'must be a positive whole number');
  return n;
};

/**
 * VEIL_NOTIFIER=outbox (default; VEIL_OUTBOX, default ./veil-outbox.jsonl) or webhook (VEIL_WEBHOOK_URL,
 * optional VEIL_WEBHOOK_SECRET, VEIL_WEBHOOK_TIMEOUT_MS, VEIL_WEBHOOK_MAX_ATTEMPTS).
 */
export function notifierFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  hooks: Pick<WebhookOptions, 'onRetry'> = {},
): Notifier {
  const kind = env.VEIL_NOTIFIER?.trim() || 'outbox';
  if (kind === 'outbox') return createOutboxNotifier({ path: env.VEIL_OUTBOX?.trim() || DEFAULT_OUTBOX });
  if (kind !== 'webhook') throw errors.config('VEIL_NOTIFIER', `must be outbox or webhook; got '${kind}'`);
  const url = env.VEIL_WEBHOOK_URL?.trim();
  if (!url) throw errors.config('VEIL_WEBHOOK_URL', 'is required when VEIL_NOTIFIER=webhook');
  const timeoutMs = positiveInt('VEIL_WEBHOOK_TIMEOUT_MS', env.VEIL_WEBHOOK_TIMEOUT_MS);
  const maxAttempts = positiveInt('VEIL_WEBHOOK_MAX_ATTEMPTS', env.VEIL_WEBHOOK_MAX_ATTEMPTS);
  return createWebhookNotifier({
    url,
    ...(env.VEIL_WEBHOOK_SECRET ? { signingSecret: env.VEIL_WEBHOOK_SECRET } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    ...hooks,
  });
}
