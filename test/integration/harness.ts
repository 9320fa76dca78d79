import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { buildVeil, type Veil } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AccountRecord } from '../../src/core/account.js';
import { createLogger } from '../../src/logging.js';
import { readOutbox } from '../../src/notify/outbox.js';
import { type MockConnector, startMockConnector } from '../fixtures/mock-connector.js';

export const AGENT_KEY = 'agent-key-0123456789abcdef';
export const SUPERVISOR_KEY = 'supervisor-key-0123456789abcdef';
export const COMPLIANCE_KEY = 'compliance-key-0123456789abcdef';
export const CHANNEL_SECRET = 'channel-jwt-secret-for-tests-0123456789';

export const ACCOUNTS: AccountRecord[] = [
  {
    id: 'A-2001',
    name: 'Harriet Vance',
    emails: ['h.vance@example.org'],
    phones: ['+1 503 555 0117'],
    addresses: ['77 Birchwood Court, Portland, OR 97205'],
    dateOfBirth: '1979-06-02',
    cardLast4: ['9031'],
    flags: [],
  },
  {
    id: 'A-2002',
    name: 'Tomas Lindqvist',
    emails: ['tlindqvist@example.com'],
    phones: ['+1 312 555 0148'],
    addresses: ['4410 N Clark St Apt 2, Chicago, IL 60640'],
    dateOfBirth: '1990-11-23',
    cardLast4: ['5520'],
    flags: ['fraud-watch'],
  },
];

export interface Harness {
  veil: Veil;
  url: string;
  connector: MockConnector;
  dir: string;
  outbox: string;
  logs: string[];
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, key?: string): Promise<Response>;
  customer(conversation: string, text: string, extra?: Record<string, unknown>): Promise<Response>;
  agent(conversationId: string, text: string, key?: string): Promise<Response>;
  latestCode(): Promise<string | undefined>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

let activitySeq = 0;

export function activity(
  serviceUrl: string,
  conversation: string,
  text: string,
  extra: Record<string, unknown> = {},
) {
  activitySeq++;
  return {
    type: 'message',
    id: `act-${process.pid}-${activitySeq}`,
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    serviceUrl,
    from: { id: `user-${conversation}`, name: 'Customer' },
    recipient: { id: 'veil-bot', name: 'Support' },
    conversation: { id: conversation },
    text,
    ...extra,
  };
}

/** Starts Veil in-process on a loopback port with SQLite, a JSON directory, an outbox and a mock Connector. */
export async function startHarness(
  env: Record<string, string> = {},
  accounts: AccountRecord[] = ACCOUNTS,
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'veil-int-'));
  const directoryFile = join(dir, 'directory.json');
  writeFileSync(directoryFile, JSON.stringify({ accounts }));
  const outbox = join(dir, 'outbox.jsonl');
  const connector = await startMockConnector();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    VEIL_AGENT_KEYS: `alice:agent:${AGENT_KEY},bob:supervisor:${SUPERVISOR_KEY},carol:compliance:${COMPLIANCE_KEY}`,
    VEIL_DB: join(dir, 'veil.sqlite'),
    VEIL_SECRET: 'integration-test-secret-0123456789abcdef',
    DIRECTORY_FILE: directoryFile,
    VEIL_OUTBOX: outbox,
    VEIL_CHANNEL_JWT_SECRET: CHANNEL_SECRET,
    VEIL_LOG_LEVEL: 'debug',
    ...env,
  });
  const log = createLogger({ level: 'debug', destination: sink });
  let veil: Veil;
  let server: Server;
  let url = '';
  const start = async () => {
    veil = await buildVeil(config, log);
    server = await new Promise<Server>((resolve) => {
      // The production listener: the channel endpoint's direct path included.
      const s = createServer(veil.listener).listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await veil.close();
  };
  await start();
  const h: Harness = {
    get veil() {
      return veil;
    },
    get url() {
      return url;
    },
    connector,
    dir,
    outbox,
    logs,
    post: (path, body, headers = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path, key = AGENT_KEY) => fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } }),
    customer: (conversation, text, extra) =>
      h.post('/api/messages', activity(connector.url, conversation, text, extra)),
    agent: (conversationId, text, key = AGENT_KEY) =>
      h.post(
        `/agent/v1/conversations/${conversationId}/messages`,
        { text },
        { authorization: `Bearer ${key}` },
      ),
    async latestCode() {
      const all = await readOutbox(outbox).catch(() => []);
      return all.filter((n) => n.kind === 'otp').at(-1)?.code;
    },
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      await connector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** The single conversation id Veil has (tests start one conversation at a time). */
export async function onlyConversationId(h: Harness): Promise<string> {
  const r = await h.get('/agent/v1/conversations');
  const body = (await r.json()) as { conversations: { id: string }[] };
  if (body.conversations.length !== 1)
    throw new Error(`expected one conversation, got ${body.conversations.length}`);
  return body.conversations[0]!.id;
}
