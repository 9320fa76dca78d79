import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentKey } from '../../../src/config.js';
import { createLogger } from '../../../src/logging.js';
import { createPolicyRegistry, type PolicyRegistry } from '../../../src/policy/registry.js';
import { createMemoryAuditStore } from '../../../src/storage/memory/audit.js';
import { createAdminRouter } from '../../../src/transport/admin/router.js';
import { requireAgent } from '../../../src/transport/agent/auth.js';
import { errorHandler } from '../../../src/transport/http/errors.js';

const SHIPPED = new URL('../../../policies/', import.meta.url);
const DEFAULT = readFileSync(new URL('default.yaml', SHIPPED), 'utf8');
const KEYS: AgentKey[] = [
  { name: 'cora', role: 'compliance', secret: 'k-compliance-0123456789' },
  { name: 'sam', role: 'supervisor', secret: 'k-supervisor-0123456789' },
  { name: 'al', role: 'agent', secret: 'k-agent-0123456789abcdef' },
];

let server: Server;
let base: string;
let registry: PolicyRegistry;
let dir: string;
const audit = createMemoryAuditStore();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'veil-admin-'));
  writeFileSync(join(dir, 'default.yaml'), DEFAULT);
  writeFileSync(
    join(dir, 'retail.yaml'),
    readFileSync(new URL('retail.yaml', SHIPPED), 'utf8').replace('minScore: 0.5', 'minScore: high'),
  );
  registry = createPolicyRegistry({ dir });
  await audit.append({
    at: '2030-01-01T00:00:00Z',
    conversationId: 'c1',
    kind: 'block',
    rule: 'guard.disclosure.on-file',
    policyVersion: 'v1',
    detail: 'agent wrote [ADDRESS_1]',
  });
  await audit.append({
    at: '2030-01-01T00:00:01Z',
    conversationId: 'c1',
    kind: 'deliver',
    policyVersion: 'v1',
    detail: 'ok',
  });
  await audit.append({
    at: '2030-01-01T00:00:02Z',
    conversationId: 'c2',
    kind: 'block',
    policyVersion: 'v1',
    detail: 'leaked a.b@example.org by mistake',
  });
  const app = express();
  app.use(
    '/admin/v1',
    createAdminRouter({
      registry,
      audit,
      requireRole: requireAgent(KEYS, ['supervisor', 'compliance'], 'use the admin API'),
    }),
  );
  app.use(errorHandler(createLogger({ level: 'silent' })));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/v1`;
});

afterAll(() => {
  registry.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (path: string, init: { method?: string; body?: unknown; key?: string | null } = {}) => {
  const key = init.key === undefined ? KEYS[0]!.secret : init.key;
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
      : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: responses are asserted field by field; the shape is the test.
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('admin API auth', () => {
  it.each([
    [null, 401],
    ['wrong', 401],
    [KEYS[2]!.secret, 403],
    [KEYS[1]!.secret, 200],
    [KEYS[0]!.secret, 200],
  ])('key %s -> %i', async (key, status) => {
    expect((await call('/policies', { key })).status).toBe(status);
  });
});

describe('GET /policies', () => {
  it('lists policies in force and the last load result per file', async () => {
    const { body } = await call('/policies');
    expect(body.policies.map((p: { name: string }) => p.name)).toEqual(['default']);
    const retail = body.files.find((f: { file: string }) => f.file === 'retail.yaml');
    expect(retail.lastLoad.ok).toBe(false);
    expect(retail.lastLoad.errors[0]).toMatchObject({ field: 'masking.minScore', line: 11 });
  });
});

describe('POST /policies/validate', () => {
  it('a valid policy: ok, its name and version', async () => {
    const { status, body } = await call('/policies/validate', { body: { text: DEFAULT } });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      errors: [],
      name: 'default',
      version: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  it('an invalid policy: every error with line and field', async () => {
    const text = DEFAULT.replace('EMAIL: { action: placeholder }', 'EMAIL: { action: hide }').replace(
      'maxAttempts: 5',
      'maxAttempts: 50',
    );
    const { status, body } = await call('/policies/validate', { body: { text } });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.errors).toEqual([
      {
        line: 11,
        field: 'masking.entities.EMAIL.action',
        message: expect.stringMatching(/must be one of .*; got 'hide'/),
      },
      { line: 40, field: 'guard.otp.maxAttempts', message: 'must be at most 20; got 50' },
    ]);
  });

  it.each([
    [{}, 'text'],
    [{ text: '' }, 'text'],
    [{ text: 5 }, 'text'],
    [[1], 'body'],
  ])('bad body %j -> 400 naming %s', async (body, field) => {
    const r = await call('/policies/validate', { body });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'bad_request', field });
  });

  it('malformed JSON -> 400 naming the body', async () => {
    const r = await call('/policies/validate', { body: '{"text": ' });
    expect(r).toMatchObject({ status: 400, body: { field: 'body' } });
  });
});

describe('POST /policies/dry-run', () => {
  it('masks customer messages as one conversation and judges agent messages', async () => {
    const text = DEFAULT.replace('EMAIL: { action: placeholder }', 'EMAIL: { action: redact }');
    const { status, body } = await call('/policies/dry-run', {
      body: {
        text,
        messages: [
          { customer: 'my email is a.b@example.org, call +1 415 555 0199' },
          { customer: 'or +1 415 555 0100' },
          {
            agent: 'Your address on file is 77 Birchwood Court, Portland, OR 97205.',
            level: 'none',
            account: {
              id: 'A-1',
              name: 'Harriet Vance',
              addresses: ['77 Birchwood Court, Portland, OR 97205'],
            },
          },
          { agent: 'Thanks, let me check your order.' },
        ],
      },
    });
    expect(status).toBe(200);
    expect(body.policy).toBe('default');
    expect(body.results).toEqual([
      { customer: 'my email is [REDACTED EMAIL], call [PHONE_1]', dropped: false, types: ['EMAIL', 'PHONE'] },
      { customer: 'or [PHONE_2]', dropped: false, types: ['PHONE'] },
      {
        agent: 'block',
        rule: 'guard.disclosure.on-file',
        reason: expect.any(String),
        hint: expect.any(String),
      },
      { agent: 'deliver' },
    ]);
  });

  it('without text, tries a policy in force by name', async () => {
    const r = await call('/policies/dry-run', {
      body: { policy: 'default', messages: [{ customer: 'my ssn is 123-45-6789' }] },
    });
    expect(r.body.results).toEqual([
      { customer: 'my ssn is [REDACTED SSN]', dropped: false, types: ['SSN'] },
    ]);
    expect(
      (await call('/policies/dry-run', { body: { policy: 'nope', messages: [{ customer: 'x' }] } })).status,
    ).toBe(404);
  });

  it('an invalid policy -> 422 with its errors, nothing tried', async () => {
    const r = await call('/policies/dry-run', {
      body: { text: 'name: x\nmasking: { minScore: 9 }\n', messages: [{ customer: 'hi' }] },
    });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({
      error: 'invalid_policy',
      field: 'text',
      errors: [{ line: 2, field: 'masking.minScore' }],
    });
  });

  it.each([
    [{ text: DEFAULT }, 'messages'],
    [{ text: DEFAULT, messages: [] }, 'messages'],
    [{ text: DEFAULT, messages: ['hi'] }, 'messages[0]'],
    [{ text: DEFAULT, messages: [{ customer: 'a', agent: 'b' }] }, 'messages[0]'],
    [{ text: DEFAULT, messages: [{ customer: '' }] }, 'messages[0].customer'],
    [{ text: DEFAULT, messages: [{ customer: 'x' }, { agent: 'hi', level: 'root' }] }, 'messages[1].level'],
    [
      {
        text: DEFAULT,
        messages: [{ agent: 'hi', account: { id: 'A', name: 'N', emails: ['not-an-email'] } }],
      },
      'messages[0].account.emails.0',
    ],
    [{ text: DEFAULT, messages: Array.from({ length: 101 }, () => ({ customer: 'x' })) }, 'messages'],
    [{ policy: 7, messages: [{ customer: 'x' }] }, 'policy'],
  ])('bad request %# -> 400 naming the field', async (body, field) => {
    const r = await call('/policies/dry-run', { body });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe(field);
  });
});

describe('GET /audit', () => {
  it('filters by conversation and kind, newest first, with a limit', async () => {
    expect((await call('/audit?conversation=c1')).body.records.map((r: { kind: string }) => r.kind)).toEqual([
      'deliver',
      'block',
    ]);
    expect(
      (await call('/audit?kind=block')).body.records.map((r: { conversationId: string }) => r.conversationId),
    ).toEqual(['c2', 'c1']);
    expect((await call('/audit?limit=1')).body.records).toHaveLength(1);
  });

  it('masks any personal data a writer let slip into a record', async () => {
    const [rec] = (await call('/audit?conversation=c2')).body.records;
    expect(rec.detail).toBe('leaked [EMAIL_1] by mistake');
    const [kept] = (await call('/audit?conversation=c1&kind=block')).body.records;
    expect(kept.detail).toBe('agent wrote [ADDRESS_1]');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=5000', 'limit'],
    ['kind=DROP%20TABLE', 'kind'],
    ['conversation=a&conversation=b', 'conversation'],
  ])('%s -> 400 naming %s', async (q, field) => {
    const r = await call(`/audit?${q}`);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe(field);
  });
});
