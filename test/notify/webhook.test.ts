import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterMs } from '../../src/notify/backoff.js';
import type { Notification } from '../../src/notify/port.js';
import { createWebhookNotifier, type WebhookOptions } from '../../src/notify/webhook.js';
import { notification, notifierContract } from '../contract/notifier.contract.js';
import {
  type LocalServer,
  type RecordedRequest,
  sendJson,
  startLocalServer,
} from '../contract/local-server.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
async function serve(handler: Parameters<typeof startLocalServer>[0]) {
  const s = await startLocalServer(handler);
  servers.push(s);
  return s;
}
const webhook = (s: LocalServer, over: Partial<WebhookOptions> = {}) =>
  createWebhookNotifier({ url: `${s.url}/hook`, baseDelayMs: 5, maxDelayMs: 40, timeoutMs: 1000, ...over });

notifierContract('webhook', async () => {
  const s = await startLocalServer((_req, res) => sendJson(res, 202, { ok: true }));
  return {
    subject: createWebhookNotifier({ url: `${s.url}/hook` }),
    delivered: async () => s.requests.map((r) => JSON.parse(r.body) as Notification),
    close: () => s.close(),
  };
});

/** Fails the first `failures` requests with `status` (or by dropping the connection), then accepts. */
const flaky = (
  failures: number,
  fail: (res: Parameters<Parameters<typeof startLocalServer>[0]>[1]) => void,
) => {
  let seen = 0;
  return (_req: RecordedRequest, res: Parameters<Parameters<typeof startLocalServer>[0]>[1]) => {
    seen += 1;
    if (seen <= failures) return fail(res);
    sendJson(res, 200, { ok: true });
  };
};

describe('webhook notifier', () => {
  it('retries 5xx with backoff and delivers once the receiver recovers, with one idempotency key', async () => {
    const s = await serve(flaky(2, (res) => sendJson(res, 503, { error: 'busy' })));
    const retries: { attempt: number; delayMs: number; cause: string }[] = [];
    await webhook(s, {
      onRetry: ({ attempt, delayMs, cause }) => retries.push({ attempt, delayMs, cause }),
    }).notify(notification());
    expect(s.requests).toHaveLength(3);
    expect(new Set(s.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['n-1']));
    expect(s.requests.map((r) => r.headers['x-veil-attempt'])).toEqual(['1', '2', '3']);
    expect(retries.map((r) => r.cause)).toEqual(['HTTP 503', 'HTTP 503']);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(2);
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(s.requests[2]!.body)).toEqual(notification());
  });

  it('retries dropped connections and 429, honouring Retry-After', async () => {
    const drops = await serve(flaky(2, (res) => res.socket?.destroy()));
    await webhook(drops).notify(notification());
    expect(drops.requests).toHaveLength(3);

    const retries: number[] = [];
    const limited = await serve(
      flaky(1, (res) => {
        res.writeHead(429, { 'retry-after': '0' });
        res.end();
      }),
    );
    await webhook(limited, { onRetry: (i) => retries.push(i.delayMs) }).notify(notification());
    expect(limited.requests).toHaveLength(2);
    expect(retries).toEqual([0]);
  });

  it('gives each attempt its own timeout and retries after one', async () => {
    const s = await serve(
      flaky(1, () => {
        // Hold the first request open past the timeout.
      }),
    );
    await webhook(s, { timeoutMs: 100 }).notify(notification());
    expect(s.requests).toHaveLength(2);
  });

  it('does not retry a 4xx refusal, and says so with a typed error', async () => {
    const s = await serve((_req, res) => sendJson(res, 422, { error: 'unknown account' }));
    const err = await webhook(s)
      .notify(notification())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'NotificationError',
      reason: 'rejected',
      httpStatus: 422,
      attempts: 1,
      notificationId: 'n-1',
    });
    expect(s.requests).toHaveLength(1);
  });

  it('gives up after the configured attempts, reporting the last cause and never the contact', async () => {
    const s = await serve((_req, res) => sendJson(res, 500, {}));
    const err = await webhook(s, { maxAttempts: 3 })
      .notify(notification())
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'unavailable', attempts: 3, httpStatus: 500 });
    expect((err as Error).message).toMatch(/after 3 attempt\(s\) \(last: HTTP 500\)/);
    expect((err as Error).message).not.toContain('jane.doe');
    expect(s.requests).toHaveLength(3);

    const gone = await serve(() => {});
    const url = gone.url;
    await gone.close();
    servers.pop();
    await expect(
      createWebhookNotifier({ url, maxAttempts: 2, baseDelayMs: 1 }).notify(notification()),
    ).rejects.toMatchObject({
      reason: 'unavailable',
      attempts: 2,
      message: expect.stringMatching(/network error/),
    });
  });

  it('signs the body so the receiver can check it came from Veil', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, {}));
    await webhook(s, { signingSecret: 'hook-secret', headers: { 'x-tenant': 't1' } }).notify(notification());
    const req = s.requests[0]!;
    const expected = createHmac('sha256', 'hook-secret')
      .update(`${req.headers['x-veil-timestamp']}.${req.body}`)
      .digest('hex');
    expect(req.headers['x-veil-signature']).toBe(`sha256=${expected}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-tenant']).toBe('t1');
    expect(req.method).toBe('POST');
  });

  it('refuses a bad URL at start-up, naming the variable', () => {
    expect(() => createWebhookNotifier({ url: 'nope' })).toThrow(
      expect.objectContaining({ field: 'VEIL_WEBHOOK_URL' }),
    );
    expect(() => createWebhookNotifier({ url: 'file:///tmp/x' })).toThrow(/http/);
  });
});

describe('backoff', () => {
  it('doubles the window per attempt up to the cap, with half of it jittered', () => {
    const o = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, { ...o, random: () => 0 }))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, { ...o, random: () => 1 }))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
