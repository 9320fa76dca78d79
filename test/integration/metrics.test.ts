import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, onlyConversationId, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const metricValue = (text: string, line: RegExp): number => {
  const m = text.split('\n').find((l) => line.test(l));
  return m ? Number(m.split(' ').at(-1)) : 0;
};

describe('GET /metrics', () => {
  it('counts turns, masks by type, blocks by rule and store latency, with no values in labels', async () => {
    h = await startHarness();
    await h.customer('m-1', 'Harriet Vance here, h.vance@example.org, is my zip still 97205?');
    const id = await onlyConversationId(h);
    await h.agent(id, 'Yes, that is right.');
    await h.agent(id, 'Let me check your order.');
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(metricValue(text, /^veil_turns_total\{direction="inbound"\}/)).toBe(1);
    expect(metricValue(text, /^veil_turns_total\{direction="outbound"\}/)).toBe(2);
    expect(metricValue(text, /^veil_masks_total\{type="EMAIL"\}/)).toBe(1);
    expect(metricValue(text, /^veil_blocks_total\{rule="guard\./)).toBe(1);
    expect(metricValue(text, /^veil_delivered_total /)).toBe(1);
    expect(text).toMatch(/veil_store_seconds_count\{store="state",op="update"\}/);
    expect(text).toMatch(
      /veil_http_request_seconds_count\{method="POST",route="\/agent\/v1\/conversations\/:id\/messages"/,
    );
    for (const raw of ['Harriet', 'h.vance', '97205', id]) expect(text).not.toContain(raw);
  });

  it('requires the metrics token when one is configured', async () => {
    h = await startHarness({ VEIL_METRICS_TOKEN: 'metrics-token-123' });
    expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${h.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-123' } })).status,
    ).toBe(200);
  });
});
