import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../src/notify/outbox.js';
import { startMockConnector, type MockConnector } from '../fixtures/mock-connector.js';
import { ACCOUNTS } from './harness.js';

/**
 * Two Veil processes share Redis (state, dedup, events) and PostgreSQL (transcripts, audit) behind no
 * load balancer: the test alternates between them as a non-sticky balancer would.
 */
const KEY = 'multi-agent-key-0123456789abcdef';
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const db = `veil_mi_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'veil-mi-'));
const outbox = join(dir, 'outbox.jsonl');
let connector: MockConnector;

interface Instance {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

async function startInstance(): Promise<Instance> {
  const port = 41_000 + Math.floor(Math.random() * 9000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/veil.ts', 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      VEIL_STATE: 'redis://127.0.0.1:6379',
      VEIL_REDIS_PREFIX: `${db}:`,
      VEIL_STORE: `postgres://postgres@127.0.0.1:5432/${db}`,
      VEIL_MIGRATE: 'auto',
      VEIL_DB: join(dir, `unused-${port}.sqlite`),
      VEIL_SECRET: 'multi-instance-secret-0123456789abcdef',
      VEIL_AGENT_KEYS: `alice:agent:${KEY}`,
      DIRECTORY_FILE: join(dir, 'directory.json'),
      VEIL_OUTBOX: outbox,
      VEIL_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance exited: ${err}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, child, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`instance not ready: ${err}`);
}

let a: Instance;
let b: Instance;

beforeAll(async () => {
  const admin = new pg.Client(ADMIN_URL);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  writeFileSync(join(dir, 'directory.json'), JSON.stringify({ accounts: ACCOUNTS }));
  connector = await startMockConnector();
  [a, b] = await Promise.all([startInstance(), startInstance()]);
}, 150_000);

afterAll(async () => {
  for (const i of [a, b]) {
    if (i && i.child.exitCode === null) {
      i.child.kill('SIGTERM');
      await i.exited;
    }
  }
  await connector?.close();
  const admin = new pg.Client(ADMIN_URL);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  await admin.end();
  const { Redis } = await import('ioredis');
  const redis = new Redis('redis://127.0.0.1:6379');
  const keys = await redis.keys(`${db}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

let seq = 0;
const customer = (i: Instance, conv: string, text: string, id = `mi-${++seq}`) =>
  fetch(`${i.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id,
      channelId: 'webchat',
      serviceUrl: connector.url,
      from: { id: `u-${conv}` },
      recipient: { id: 'veil' },
      conversation: { id: conv },
      text,
    }),
  });
const auth = { authorization: `Bearer ${KEY}` };
const agent = (i: Instance, id: string, text: string) =>
  fetch(`${i.url}/agent/v1/conversations/${id}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ text }),
  });
const getJson = async <T>(i: Instance, path: string) =>
  (await (await fetch(`${i.url}${path}`, { headers: auth })).json()) as T;

describe('two instances sharing Redis and PostgreSQL', () => {
  it('behave as one: masks, numbering, verification, blocks, events, duplicates', async () => {
    // The agent watches the event stream on instance A while the customer talks to B.
    const controller = new AbortController();
    const stream = await fetch(`${a.url}/agent/v1/events`, { headers: auth, signal: controller.signal });
    const reader = stream.body!.getReader();
    let streamed = '';
    const pump = (async () => {
      const dec = new TextDecoder();
      for (;;) {
        const r = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (r.done) return;
        streamed += dec.decode(r.value);
      }
    })();

    expect(
      (await customer(b, 'mi-conv', 'hello, Harriet Vance here, email h.vance@example.org')).status,
    ).toBe(200);
    expect((await customer(a, 'mi-conv', 'my other email is hv.backup@example.net')).status).toBe(200);
    // A channel retry of the same activity, to the other instance, is processed once.
    await customer(b, 'mi-conv', 'and again h.vance@example.org', 'mi-dup');
    expect(await (await customer(a, 'mi-conv', 'and again h.vance@example.org', 'mi-dup')).json()).toEqual({
      status: 'duplicate',
    });

    const list = await getJson<{ conversations: { id: string; level: string }[] }>(
      a,
      '/agent/v1/conversations',
    );
    expect(list.conversations).toHaveLength(1);
    const id = list.conversations[0]!.id;
    expect(list.conversations[0]!.level).toBe('knowledge');

    const t = await getJson<{ entries: { text: string }[] }>(b, `/agent/v1/conversations/${id}/transcript`);
    expect(t.entries.map((e) => e.text)).toEqual([
      'hello, [PERSON_1] here, email [EMAIL_1]',
      'my other email is [EMAIL_2]',
      'and again [EMAIL_1]',
    ]);

    expect((await agent(a, id, 'Is it 77 Birchwood Court you want it shipped to?')).status).toBe(422);
    expect((await agent(b, id, "I'll send a code to the contact on file.")).status).toBe(200);
    expect(
      (await fetch(`${b.url}/agent/v1/conversations/${id}/verify`, { method: 'POST', headers: auth })).status,
    ).toBe(200);
    const code = (await readOutbox(outbox)).filter((n) => n.kind === 'otp').at(-1)!.code!;
    // The code is typed to A and to B at once: it verifies exactly once, and nobody sees it.
    await Promise.all([customer(a, 'mi-conv', code), customer(b, 'mi-conv', code)]);
    const conv = await getJson<{ level: string }>(b, `/agent/v1/conversations/${id}`);
    expect(conv.level).toBe('possession');
    expect(
      (await agent(a, id, 'Thanks, you are verified: 77 Birchwood Court, Portland is on file.')).status,
    ).toBe(200);
    expect(connector.received.at(-1)!.body).toMatchObject({
      text: expect.stringContaining('77 Birchwood Court'),
    });

    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await pump;
    expect(streamed).toContain('[EMAIL_2]');
    expect(streamed).not.toContain('h.vance@example.org');
    expect(streamed).not.toContain(code);
  });

  it('carries on when one instance is killed mid-conversation', async () => {
    await customer(a, 'mi-kill', 'hi, my order W123456789 is late, email jo@example.com');
    a.child.kill('SIGKILL');
    await a.exited;
    expect((await customer(b, 'mi-kill', 'still waiting, jo@example.com')).status).toBe(200);
    const list = await getJson<{ conversations: { id: string }[] }>(b, '/agent/v1/conversations');
    const ids = list.conversations.map((c) => c.id);
    const entries = await Promise.all(
      ids.map((i) => getJson<{ entries: { text: string }[] }>(b, `/agent/v1/conversations/${i}/transcript`)),
    );
    const kill = entries.find((e) => e.entries.some((x) => x.text.includes('W123456789')))!;
    expect(kill.entries.map((e) => e.text)).toEqual([
      'hi, my order W123456789 is late, email [EMAIL_1]',
      'still waiting, [EMAIL_1]',
    ]);
  });
});
