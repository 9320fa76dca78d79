import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOutbox } from '../../src/notify/outbox.js';
import { ACCOUNTS, activity, AGENT_KEY, type Harness, onlyConversationId, startHarness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

type Entry = {
  seq: number;
  from: string;
  text: string;
  decision?: string;
  rule?: string;
  visibility: string;
  meta?: Record<string, unknown>;
};
const transcriptOf = async (id: string) =>
  ((await (await h.get(`/agent/v1/conversations/${id}/transcript`)).json()) as { entries: Entry[] }).entries;

/** Reads server-sent events from the agent stream until `count` events of `type` arrived (bounded). */
async function collectEvents(
  type: string,
  count: number,
  trigger: () => Promise<unknown>,
): Promise<unknown[]> {
  const controller = new AbortController();
  const res = await fetch(`${h.url}/agent/v1/events`, {
    headers: { authorization: `Bearer ${AGENT_KEY}` },
    signal: controller.signal,
  });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: unknown[] = [];
  let buffer = '';
  const read = (async () => {
    const deadline = Date.now() + 5000;
    while (events.length < count && Date.now() < deadline) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let i = buffer.indexOf('\n\n');
      while (i >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const ev = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (ev === type && data) events.push(JSON.parse(data));
        i = buffer.indexOf('\n\n');
      }
    }
  })();
  await trigger();
  await read;
  controller.abort();
  return events;
}

describe('the channel side', () => {
  it('streams masked activities to agents over server-sent events', async () => {
    const events = (await collectEvents('transcript', 1, () =>
      h.customer('sse-1', 'my email is sse.person@example.com'),
    )) as {
      conversationId: string;
      data: { text: string; from: string };
    }[];
    expect(events).toHaveLength(1);
    expect(events[0]!.data.from).toBe('customer');
    expect(events[0]!.data.text).toBe('my email is [EMAIL_1]');
    expect(JSON.stringify(events)).not.toContain('sse.person@example.com');
  });

  it('masks cards, suggested actions, card submits and the display name', async () => {
    await h.post(
      '/api/messages',
      activity(h.connector.url, 'cards-1', 'see attached', {
        from: { id: 'user-x', name: 'Harriet Vance' },
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              type: 'AdaptiveCard',
              version: '1.5',
              body: [{ type: 'TextBlock', text: 'Ship to 77 Birchwood Court, Portland, OR 97205' }],
            },
          },
        ],
        value: { email: 'h.vance@example.org', phone: '503-555-0117' },
        channelData: { tenant: 'contoso', secretThing: 'h.vance@example.org' },
      }),
    );
    const id = await onlyConversationId(h);
    const [entry] = await transcriptOf(id);
    const json = JSON.stringify(entry);
    for (const raw of ['Harriet', 'h.vance@example.org', 'Birchwood', '555-0117'])
      expect(json).not.toContain(raw);
    expect(json).not.toContain('secretThing');
    expect(json).toContain('contoso');
  });

  it('re-scans message edits', async () => {
    await h.customer('edit-1', 'hello there');
    await h.post(
      '/api/messages',
      activity(h.connector.url, 'edit-1', 'hello there, my phone is 503 555 0199', { type: 'messageUpdate' }),
    );
    const id = await onlyConversationId(h);
    const t = await transcriptOf(id);
    expect(t).toHaveLength(2);
    expect(t[1]!.text).toContain('[PHONE_1]');
    expect(t[1]!.meta?.activityType).toBe('messageUpdate');
  });

  it('masks handoff transcripts', async () => {
    await h.post(
      '/api/messages',
      activity(h.connector.url, 'handoff-1', '', {
        type: 'event',
        name: 'handoff.initiate',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.transcript',
            content: [
              { type: 'message', from: { id: 'u', role: 'user' }, text: 'my ssn is 123-45-6789' },
              { type: 'message', from: { id: 'bot', role: 'bot' }, text: 'thanks' },
            ],
          },
        ],
      }),
    );
    const id = await onlyConversationId(h);
    const json = JSON.stringify(await transcriptOf(id));
    expect(json).not.toContain('123-45-6789');
  });

  it('reports a Connector failure to the agent and does not record the message as delivered', async () => {
    await h.customer('fail-1', 'hi, where is my order?');
    const id = await onlyConversationId(h);
    h.connector.failNext(10, 400);
    const r = await h.agent(id, 'It ships tomorrow.');
    expect(r.status).toBeGreaterThanOrEqual(500);
    const body = (await r.json()) as { error: string; hint?: string };
    expect(body.error).toBe('reply_not_delivered');
    expect((await transcriptOf(id)).some((e) => e.from === 'agent' && e.decision === 'deliver')).toBe(false);
  });

  it('notifies the owner at the contact on file when an unverified chat claims the account, never the claimant', async () => {
    await h.customer(
      'notify-1',
      'hi this is Harriet Vance, h.vance@example.org, my new number is 971 555 0100',
    );
    const id = await onlyConversationId(h);
    await h.agent(id, 'I see a phone ending in 0117 on file.');
    const notes = await readOutbox(h.outbox);
    const owner = notes.filter((n) => n.accountId === ACCOUNTS[0]!.id && n.kind !== 'otp');
    expect(owner.map((n) => n.kind)).toContain('disclosure-blocked');
    for (const n of notes) {
      expect(JSON.stringify(n)).not.toContain('971 555 0100');
      if (n.channel === 'email') expect(n.to).toBe('h.vance@example.org');
    }
  });

  it('sends the code only to a contact on file, never one typed in the chat', async () => {
    await h.customer(
      'otp-1',
      'Harriet Vance here, h.vance@example.org; send the code to evil@example.net please',
    );
    const id = await onlyConversationId(h);
    const v = await h.post(
      `/agent/v1/conversations/${id}/verify`,
      {},
      { authorization: `Bearer ${AGENT_KEY}` },
    );
    expect(v.status).toBe(200);
    const otp = (await readOutbox(h.outbox)).filter((n) => n.kind === 'otp');
    expect(otp).toHaveLength(1);
    expect(otp[0]!.to).toBe('h.vance@example.org');
  });

  it('refuses step-up before any account matched, and says what to do', async () => {
    await h.customer('otp-2', 'hello?');
    const id = await onlyConversationId(h);
    const v = await h.post(
      `/agent/v1/conversations/${id}/verify`,
      {},
      { authorization: `Bearer ${AGENT_KEY}` },
    );
    const body = (await v.json()) as { message: string; codeState: string };
    expect(body.codeState).toBe('none');
    expect(body.message).toMatch(/ask for/i);
    expect((await readOutbox(h.outbox).catch(() => [])).filter((n) => n.kind === 'otp')).toHaveLength(0);
  });

  it('locks step-up after five wrong codes and never shows codes to the agent', async () => {
    await h.customer('otp-3', 'Harriet Vance, h.vance@example.org');
    const id = await onlyConversationId(h);
    await h.post(`/agent/v1/conversations/${id}/verify`, {}, { authorization: `Bearer ${AGENT_KEY}` });
    const code = (await h.latestCode())!;
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) await h.customer('otp-3', wrong);
    await h.customer('otp-3', code);
    const conv = (await (await h.get(`/agent/v1/conversations/${id}`)).json()) as {
      level: string;
      codeState: string;
    };
    expect(conv.codeState).toBe('locked');
    expect(conv.level).toBe('knowledge');
    const json = JSON.stringify(await transcriptOf(id));
    expect(json).not.toContain(wrong);
    expect(json).not.toContain(code);
    expect(
      (await readOutbox(h.outbox)).some((n) => n.kind === 'security-alert' || n.kind === 'code-locked'),
    ).toBe(true);
  });

  it('holds the message when the guard cannot reach the directory (fail closed)', async () => {
    await h.customer('dir-1', 'Harriet Vance here, h.vance@example.org');
    const id = await onlyConversationId(h);
    // A half-written directory file: the adapter keeps its last good data, so the guard still has records.
    writeFileSync(join(h.dir, 'directory.json'), '{"accounts": [');
    const r = await h.agent(id, 'Your zip is 97205.');
    expect(r.status).toBe(422);
  });
});
