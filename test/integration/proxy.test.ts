import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNTS,
  activity,
  AGENT_KEY,
  CHANNEL_SECRET,
  COMPLIANCE_KEY,
  type Harness,
  onlyConversationId,
  startHarness,
  SUPERVISOR_KEY,
} from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const transcriptOf = async (id: string, key = AGENT_KEY) =>
  (
    (await (await h.get(`/agent/v1/conversations/${id}/transcript`, key)).json()) as {
      entries: { from: string; text: string; decision?: string; rule?: string; visibility: string }[];
    }
  ).entries;

describe('the proxy over HTTP', () => {
  it('is healthy and ready', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${h.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('masks what the agent sees, blocks a confirmation, verifies by code, then delivers', async () => {
    expect((await h.customer('conv-1', 'hello, Harriet Vance here, email h.vance@example.org')).status).toBe(
      200,
    );
    const id = await onlyConversationId(h);
    let t = await transcriptOf(id);
    expect(t[0]!.text).not.toContain('h.vance@example.org');
    expect(t[0]!.text).toContain('[EMAIL_1]');

    await h.customer('conv-1', 'is the address you have still 77 Birchwood Court?');
    const blocked = await h.agent(id, "Yes, that's the one on file.");
    expect(blocked.status).toBe(422);
    const b = (await blocked.json()) as { decision: string; rule: string; reason: string; hint: string };
    expect(b.decision).toBe('block');
    expect(b.rule).toMatch(/^guard\./);
    expect(b.hint.length).toBeGreaterThan(10);
    expect(h.connector.received).toHaveLength(0);

    const ok = await h.agent(
      id,
      "I can't confirm account details in chat. I'll send a code to the contact on file first.",
    );
    expect(ok.status).toBe(200);
    expect(h.connector.received).toHaveLength(1);
    const sent = h.connector.received[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.conversationId).toBe('conv-1');
    expect(sent.activityId).toMatch(/^act-/);
    expect(sent.body).toMatchObject({
      type: 'message',
      text: "I can't confirm account details in chat. I'll send a code to the contact on file first.",
      from: { id: 'veil-bot' },
      recipient: { id: 'user-conv-1' },
      conversation: { id: 'conv-1' },
    });

    const v = await h.post(
      `/agent/v1/conversations/${id}/verify`,
      {},
      { authorization: `Bearer ${AGENT_KEY}` },
    );
    expect(v.status).toBe(200);
    const code = await h.latestCode();
    expect(code).toMatch(/^\d{6}$/);
    await h.customer('conv-1', code!);
    t = await transcriptOf(id);
    expect(JSON.stringify(t)).not.toContain(code!);
    const conv = (await (await h.get(`/agent/v1/conversations/${id}`)).json()) as { level: string };
    expect(conv.level).toBe('possession');

    const after = await h.agent(
      id,
      "Thanks, you're verified. Yes, 77 Birchwood Court, Portland is the address on file.",
    );
    expect(after.status).toBe(200);
    expect((h.connector.received.at(-1)!.body as { text: string }).text).toContain('77 Birchwood Court');
  });

  it('fills placeholders with the value the customer typed and rejects unknown ones', async () => {
    await h.customer('conv-2', 'send the label to jane.roe@example.net please');
    const id = await onlyConversationId(h);
    const ok = await h.agent(id, "I'll send the label to [EMAIL_1].");
    expect(ok.status).toBe(200);
    expect((h.connector.received.at(-1)!.body as { text: string }).text).toBe(
      "I'll send the label to jane.roe@example.net.",
    );
    const bad = await h.agent(id, 'Or should it go to [EMAIL_2]?');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { rule: string }).rule).toBe('agent.placeholder.unknown');
    const t = await transcriptOf(id);
    expect(t.find((e) => e.from === 'agent' && e.decision === 'deliver')!.text).toBe(
      "I'll send the label to [EMAIL_1].",
    );
  });

  it('sends an agent message once when the agent retries with the same Idempotency-Key', async () => {
    await h.customer('conv-idem', 'where is my order?');
    const id = await onlyConversationId(h);
    const send = (key: string) =>
      h.post(
        `/agent/v1/conversations/${id}/messages`,
        { text: 'It ships today.' },
        { authorization: `Bearer ${AGENT_KEY}`, 'idempotency-key': key },
      );
    expect((await send('k-1')).status).toBe(200);
    const again = await send('k-1');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { field: string }).field).toBe('Idempotency-Key');
    expect((await send('k-2')).status).toBe(200);
    expect(h.connector.received).toHaveLength(2);
    // A failed send releases the key, so the retry goes through.
    h.connector.failNext(1, 400);
    expect((await send('k-3')).status).toBeGreaterThanOrEqual(500);
    expect((await send('k-3')).status).toBe(200);
  });

  it('processes a duplicate activity id once', async () => {
    const a = activity(h.connector.url, 'conv-3', 'my phone is 503-555-0199');
    expect((await (await h.post('/api/messages', a)).json()) as unknown).toEqual({ status: 'processed' });
    expect((await (await h.post('/api/messages', a)).json()) as unknown).toEqual({ status: 'duplicate' });
    const id = await onlyConversationId(h);
    expect((await transcriptOf(id)).filter((e) => e.from === 'customer')).toHaveLength(1);
  });

  it('rejects malformed activities with 400 naming the field, and oversize bodies with 413', async () => {
    const r = await h.post('/api/messages', { type: 'message', channelId: 'webchat' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { field: string };
    expect(body.field).toBeTruthy();
    expect((await h.post('/api/messages', '{not json')).status).toBe(400);
    const big = activity(h.connector.url, 'conv-4', 'x'.repeat(300 * 1024));
    expect((await h.post('/api/messages', big)).status).toBe(413);
  });

  it('requires an agent key and a role', async () => {
    expect((await fetch(`${h.url}/agent/v1/conversations`)).status).toBe(401);
    expect((await h.get('/agent/v1/conversations', 'wrong-key-0123456789')).status).toBe(401);
    await h.customer('conv-5', 'hi');
    const id = await onlyConversationId(h);
    expect((await h.get(`/agent/v1/conversations/${id}/audit`)).status).toBe(403);
    expect((await h.get(`/agent/v1/conversations/${id}/audit`, SUPERVISOR_KEY)).status).toBe(200);
    expect((await h.get(`/agent/v1/conversations/${id}/audit`, COMPLIANCE_KEY)).status).toBe(200);
    expect((await h.get('/agent/v1/conversations/c-nope/transcript')).status).toBe(404);
  });

  it('authenticates a signed-in channel user from a signed token', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ACCOUNTS[0]!.id)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(CHANNEL_SECRET));
    await h.customer('conv-6', 'which address will my parcel go to?', {
      channelData: { veil: { identityToken: token } },
    });
    const id = await onlyConversationId(h);
    const conv = (await (await h.get(`/agent/v1/conversations/${id}`)).json()) as {
      level: string;
      accountId: string;
    };
    expect(conv.level).toBe('authenticated');
    expect(conv.accountId).toBe('A-2001');
    const r = await h.agent(id, 'It will go to 77 Birchwood Court, Portland, OR 97205.');
    expect(r.status).toBe(200);
    const t = await transcriptOf(id);
    expect(JSON.stringify(t)).not.toContain(token);
  });

  it('keeps state across a restart', async () => {
    await h.customer('conv-7', 'my email is keep.me@example.com');
    const id = await onlyConversationId(h);
    await h.restart();
    const r = await h.agent(id, 'Noted, I will write to [EMAIL_1].');
    expect(r.status).toBe(200);
    expect((h.connector.received.at(-1)!.body as { text: string }).text).toContain('keep.me@example.com');
  });

  it('never logs message text or PII', async () => {
    await h.customer(
      'conv-8',
      'I am Harriet Vance, h.vance@example.org, card 4111 1111 1111 1111, phone 503 555 0117',
    );
    const id = await onlyConversationId(h);
    await h.agent(id, 'Your address is 77 Birchwood Court');
    await h.agent(id, "I'll mail [EMAIL_1]");
    const all = h.logs.join('');
    expect(all.length).toBeGreaterThan(0);
    for (const raw of ['Harriet', 'h.vance@example.org', '4111 1111', '555 0117', 'Birchwood'])
      expect(all).not.toContain(raw);
  });
});
