import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockConnector, startMockConnector } from '../../fixtures/mock-connector.js';

let mock: MockConnector;
beforeAll(async () => {
  mock = await startMockConnector();
});
afterAll(() => mock.close());

const post = (path: string, body: unknown) =>
  fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('mock Connector', () => {
  it('records requests and answers with fresh ids', async () => {
    const r1 = await post('/v3/conversations/c%3A1/activities/a1', { text: 'hi' });
    const r2 = await post('/v3/conversations/c2/activities', { text: 'yo' });
    expect(await r1.json()).toEqual({ id: 'mock-activity-1' });
    expect(await r2.json()).toEqual({ id: 'mock-activity-2' });
    expect(mock.received.map((r) => [r.conversationId, r.activityId, r.body])).toEqual([
      ['c:1', 'a1', { text: 'hi' }],
      ['c2', undefined, { text: 'yo' }],
    ]);
  });

  it('fails the next n requests with the given status, then recovers', async () => {
    mock.reset();
    mock.failNext(2, 502);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('/v3/conversations/c/activities', {})).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(mock.received.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('answers unknown routes with 404 and records them', async () => {
    mock.reset();
    const res = await fetch(`${mock.url}/v3/other`, { method: 'GET' });
    expect(res.status).toBe(404);
    expect(mock.received[0]).toMatchObject({ method: 'GET', path: '/v3/other', status: 404 });
  });

  it('stalls requests until closed', async () => {
    const other = await startMockConnector();
    other.stallNext(1);
    const pending = fetch(`${other.url}/v3/conversations/c/activities`, { method: 'POST', body: '{}' }).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(other.received).toHaveLength(1);
    await other.close();
    expect(await pending).toBe('dropped');
  });

  it('in count mode answers as usual but keeps only the count', async () => {
    const counting = await startMockConnector({ record: 'count' });
    try {
      const r = await fetch(`${counting.url}/v3/conversations/c1/activities/a1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"hi"}',
      });
      expect(await r.json()).toEqual({ id: 'mock-activity-1' });
      expect(counting.count).toBe(1);
      expect(counting.received).toEqual([]);
      counting.reset();
      expect(counting.count).toBe(0);
    } finally {
      await counting.close();
    }
  });
});
