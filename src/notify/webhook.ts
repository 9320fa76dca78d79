import { createHmac } from 'node:crypto';
import { errors } from '../core/errors.js';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { checkNotification, NotificationError, type Notifier } from './port.js';

export interface WebhookOptions {
  /** VEIL_WEBHOOK_URL */
  url: string;
  /** When set, each request carries `x-veil-signature: sha256=HMAC(secret, "<timestamp>.<body>")`. */
  signingSecret?: string;
  /** Per attempt. Default 5000 ms. */
  timeoutMs?: number;
  /** Including the first. Default 5. */
  maxAttempts?: number;
  /** Default 250 ms, doubling per attempt up to maxDelayMs (default 10 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  headers?: Record<string, string>;
  /** Told before each retry; for metrics. Carries no notification content. */
  onRetry?: (info: { notificationId: string; attempt: number; delayMs: number; cause: string }) => void;
  random?: () => number;
}

type Outcome =
  | { ok: true }
  | { ok: false; retry: boolean; cause: string; status?: number; retryAfter?: number };

/** POSTs each notification as JSON; retries what may succeed later, and never what the receiver refused. */
export function createWebhookNotifier(opts: WebhookOptions): Notifier {
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    throw errors.config('VEIL_WEBHOOK_URL', 'is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw errors.config('VEIL_WEBHOOK_URL', 'must be http(s)');
  const timeoutMs = opts.timeoutMs ?? 5000;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
  const backoff = {
    baseDelayMs: opts.baseDelayMs ?? 250,
    maxDelayMs: opts.maxDelayMs ?? 10_000,
    ...(opts.random ? { random: opts.random } : {}),
  };

  async function attempt(body: string, id: string, n: number): Promise<Outcome> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = {
      ...opts.headers,
      'content-type': 'application/json',
      'idempotency-key': id,
      'x-veil-attempt': String(n),
      'x-veil-timestamp': timestamp,
    };
    if (opts.signingSecret) {
      headers['x-veil-signature'] =
        `sha256=${createHmac('sha256', opts.signingSecret).update(`${timestamp}.${body}`).digest('hex')}`;
    }
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      if (res.ok) return { ok: true };
      const retry = res.status >= 500 || res.status === 429 || res.status === 408;
      const after = retryAfterMs(res.headers.get('retry-after'));
      return {
        ok: false,
        retry,
        cause: `HTTP ${res.status}`,
        status: res.status,
        ...(after === undefined ? {} : { retryAfter: after }),
      };
    } catch (error) {
      const name = (error as Error).name;
      return {
        ok: false,
        retry: true,
        cause: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network error',
      };
    }
  }

  return {
    async notify(input) {
      const n = checkNotification(input);
      const body = JSON.stringify(n);
      let last: Extract<Outcome, { ok: false }> | undefined;
      for (let i = 1; i <= maxAttempts; i++) {
        const outcome = await attempt(body, n.id, i);
        if (outcome.ok) return;
        last = outcome;
        if (!outcome.retry) {
          throw new NotificationError('rejected', `webhook refused notification ${n.id} (${outcome.cause})`, {
            notificationId: n.id,
            attempts: i,
            ...(outcome.status === undefined ? {} : { httpStatus: outcome.status }),
          });
        }
        if (i === maxAttempts) break;
        const delayMs = Math.min(backoff.maxDelayMs, outcome.retryAfter ?? backoffDelay(i, backoff));
        opts.onRetry?.({ notificationId: n.id, attempt: i, delayMs, cause: outcome.cause });
        await new Promise((r) => setTimeout(r, delayMs));
      }
      throw new NotificationError(
        'unavailable',
        `webhook did not accept notification ${n.id} after ${maxAttempts} attempt(s) (last: ${last?.cause})`,
        {
          notificationId: n.id,
          attempts: maxAttempts,
          ...(last?.status === undefined ? {} : { httpStatus: last.status }),
        },
      );
    },
  };
}
