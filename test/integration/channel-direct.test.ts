import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_KEY, activity, type Harness, startHarness } from './harness.js';

// The server listens with veil.listener: POST /api/messages skips express. These tests hold that direct
// path to what the express route (veil.app) answers for the same requests.
describe('channel endpoint: direct path and express route answer alike', () => {
  let h: Harness;
  let viaExpress: Server;
  let expressUrl = '';
  beforeAll(async () => {
    h = await startHarness({ VEIL_BODY_LIMIT: '4096' });
    viaExpress = await new Promise<Server>((resolve) => {
      const s = h.veil.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    expressUrl = `http://127.0.0.1:${(viaExpress.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    viaExpress.closeAllConnections();
    await new Promise((r) => viaExpress.close(r));
    await h.close();
  });

  const send = async (base: string, body: string, contentType = 'application/json', query = '') => {
    const res = await fetch(`${base}/api/messages${query}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  };

  const cases: [string, number, (conv: string) => string, string?, string?][] = [
    ['a valid activity', 200, (c) => JSON.stringify(activity(h.connector.url, c, 'hello there'))],
    ['invalid JSON', 400, () => '{"type": "message", '],
    [
      'an activity missing its conversation',
      400,
      () => JSON.stringify({ type: 'message', id: 'x', channelId: 'webchat' }),
    ],
    ['a JSON array', 400, () => '[1, 2, 3]'],
    [
      'a body over VEIL_BODY_LIMIT',
      413,
      (c) => JSON.stringify(activity(h.connector.url, c, 'x'.repeat(8000))),
    ],
    ['text/plain', 400, (c) => JSON.stringify(activity(h.connector.url, c, 'hello')), 'text/plain'],
    ['a query string', 200, (c) => JSON.stringify(activity(h.connector.url, c, 'hello')), undefined, '?x=1'],
  ];

  for (const [name, status, body, type, query] of cases) {
    it(`answers ${name} with ${status}, the same way`, async () => {
      const direct = await send(h.url, body('conv-direct'), type, query);
      const routed = await send(expressUrl, body('conv-express'), type, query);
      expect(direct.status).toBe(status);
      expect(direct).toEqual(routed);
    });
  }

  it('answers a channel retry as a duplicate on both paths', async () => {
    const act = JSON.stringify(activity(h.connector.url, 'conv-retry', 'my email is ana@example.com'));
    expect((await send(h.url, act)).body).toEqual({ status: 'processed' });
    expect((await send(h.url, act)).body).toEqual({ status: 'duplicate' });
    expect((await send(expressUrl, act)).body).toEqual({ status: 'duplicate' });
  });

  it('counts direct requests in the HTTP metrics under the route, not the URL', async () => {
    const before = await h.get('/metrics');
    const count = (text: string) =>
      Number(
        /veil_http_request_seconds_count\{method="POST",route="\/api\/messages",status="200"\} (\d+)/.exec(
          text,
        )?.[1] ?? 0,
      );
    const n0 = count(await before.text());
    await send(h.url, JSON.stringify(activity(h.connector.url, 'conv-metrics', 'hi')), undefined, '?trace=1');
    expect(count(await (await h.get('/metrics')).text())).toBe(n0 + 1);
  });

  it('logs direct requests like routed ones, without the body', async () => {
    h.logs.length = 0;
    await send(h.url, JSON.stringify(activity(h.connector.url, 'conv-logs', 'my phone is 415 555 0199')));
    const line = h.logs.map((l) => JSON.parse(l)).find((l) => l.req?.url === '/api/messages');
    expect(line).toMatchObject({ req: { method: 'POST' }, res: { statusCode: 200 } });
    expect(h.logs.join('')).not.toContain('555 0199');
  });

  it('leaves every other route to express', async () => {
    expect((await fetch(`${h.url}/api/messages`)).status).toBe(404);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

describe('agent message route: direct path and express route answer alike', () => {
  let h: Harness;
  let viaExpress: Server;
  let expressUrl = '';
  let id = '';
  beforeAll(async () => {
    h = await startHarness();
    viaExpress = await new Promise<Server>((resolve) => {
      const s = h.veil.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    expressUrl = `http://127.0.0.1:${(viaExpress.address() as AddressInfo).port}`;
    // An imposter's claim about a known account: confirming it must be blocked on both paths.
    await h.customer('agent-direct', 'hi, I am Harriet Vance, my email is h.vance@example.org');
    const list = (await (await h.get('/agent/v1/conversations')).json()) as {
      conversations: { id: string }[];
    };
    id = list.conversations[0]!.id;
  });
  afterAll(async () => {
    viaExpress.closeAllConnections();
    await new Promise((r) => viaExpress.close(r));
    await h.close();
  });

  const send = async (base: string, path: string, body: string, headers: Record<string, string>) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const json = (await res.json()) as Record<string, unknown>;
    // Delivered replies carry the Connector's fresh activity id: compare everything else.
    if (typeof json.activityId === 'string') json.activityId = '<id>';
    return { status: res.status, type: res.headers.get('content-type'), body: json };
  };
  const auth = { authorization: `Bearer ${AGENT_KEY}` };
  const msg = (text: unknown) => JSON.stringify({ text });

  const cases: [string, number, () => [string, string, Record<string, string>]][] = [
    [
      'a benign message',
      200,
      () => [`/agent/v1/conversations/${id}/messages`, msg('Thanks, one moment please.'), auth],
    ],
    [
      'a confirmation of the claim while unverified',
      422,
      () => [`/agent/v1/conversations/${id}/messages`, msg('Yes, that email matches our records.'), auth],
    ],
    ['no key', 401, () => [`/agent/v1/conversations/${id}/messages`, msg('hello'), {}]],
    [
      'a wrong key and a broken body',
      401,
      () => [
        `/agent/v1/conversations/${id}/messages`,
        '{"te',
        { authorization: 'Bearer nope-nope-nope-nope' },
      ],
    ],
    ['a broken body', 400, () => [`/agent/v1/conversations/${id}/messages`, '{"te', auth]],
    ['empty text', 400, () => [`/agent/v1/conversations/${id}/messages`, msg('  '), auth]],
    ['text that is not a string', 400, () => [`/agent/v1/conversations/${id}/messages`, msg(42), auth]],
    [
      'text over 10,000 characters',
      400,
      () => [`/agent/v1/conversations/${id}/messages`, msg('a'.repeat(10_001)), auth],
    ],
    [
      'an empty Idempotency-Key',
      400,
      () => [`/agent/v1/conversations/${id}/messages`, msg('hello'), { ...auth, 'idempotency-key': '' }],
    ],
    [
      'an unknown conversation',
      404,
      () => ['/agent/v1/conversations/c-unknown/messages', msg('hello'), auth],
    ],
  ];

  for (const [name, status, make] of cases) {
    it(`answers ${name} with ${status}, the same way`, async () => {
      const [path, body, headers] = make();
      const direct = await send(h.url, path, body, headers);
      const routed = await send(expressUrl, path, body, headers);
      expect(direct.status).toBe(status);
      expect(direct).toEqual(routed);
    });
  }

  it('counts direct agent messages under the route pattern', async () => {
    const count = async () =>
      Number(
        /veil_http_request_seconds_count\{method="POST",route="\/agent\/v1\/conversations\/:id\/messages",status="200"\} (\d+)/.exec(
          await (await h.get('/metrics')).text(),
        )?.[1] ?? 0,
      );
    const n0 = await count();
    await send(h.url, `/agent/v1/conversations/${id}/messages`, msg('Happy to help with that order.'), auth);
    expect(await count()).toBe(n0 + 1);
  });
});
