import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type OpenStoresOptions, openStores, storageEnv } from '../../src/storage/open.js';
import type { Stores } from '../../src/storage/ports.js';
import { eventually } from '../contract/harness.js';

const REDIS_URL = process.env.VEIL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG_URL = process.env.VEIL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'open-test-secret-0123456789';
const PREFIX = `veil-test:${randomUUID()}:`;
const SCHEMA = `veil_o_${randomBytes(4).toString('hex')}`;

let dir: string;
let redis: Redis;
let admin: pg.Pool;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'veil-open-'));
  redis = new Redis(REDIS_URL);
  admin = new pg.Pool({ connectionString: PG_URL, max: 1 });
});
afterAll(async () => {
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

const entry = {
  at: new Date().toISOString(),
  from: 'customer' as const,
  text: 't',
  visibility: 'all' as const,
};
const logs: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
const log = {
  info: (obj: Record<string, unknown>, msg?: string) =>
    logs.push({ level: 'info', obj, ...(msg ? { msg } : {}) }),
  warn: (obj: Record<string, unknown>, msg?: string) =>
    logs.push({ level: 'warn', obj, ...(msg ? { msg } : {}) }),
};

describe('openStores', () => {
  const opened: Stores[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    logs.length = 0;
  });
  async function open(over: Partial<OpenStoresOptions> = {}): Promise<Stores<Record<string, unknown>>> {
    const s = await openStores<Record<string, unknown>>({
      sqlitePath: join(dir, `${randomUUID()}.sqlite`),
      secret: SECRET,
      redisPrefix: PREFIX,
      postgresSchema: SCHEMA,
      migrate: true,
      log,
      ...over,
    });
    opened.push(s as Stores);
    return s;
  }

  it('defaults to one SQLite file for everything', async () => {
    const sqlitePath = join(dir, 'default.sqlite');
    const s = await open({ sqlitePath, state: undefined, store: undefined });
    await s.state.update('c1', () => ({ n: 1 }));
    expect(await s.transcripts.append('c1', entry)).toBe(1);
    expect(existsSync(sqlitePath)).toBe(true);
    expect(await redis.exists(`${PREFIX}state:c1`)).toBe(0);
  });

  it('shares state, dedup and events through Redis and keeps transcripts and audit in PostgreSQL', async () => {
    const sqlitePath = join(dir, 'unused.sqlite');
    const a = await open({ state: REDIS_URL, store: PG_URL, sqlitePath });
    const b = await open({ state: REDIS_URL, store: PG_URL, sqlitePath });
    expect(existsSync(sqlitePath)).toBe(false);

    await a.state.update('shared-1', () => ({ verified: true }));
    expect(await redis.exists(`${PREFIX}state:shared-1`)).toBe(1);
    expect((await b.state.get('shared-1'))!.doc).toEqual({ verified: true });
    expect(await a.dedup.claim('act-1', 60_000)).toBe(true);
    expect(await b.dedup.claim('act-1', 60_000)).toBe(false);

    const got: unknown[] = [];
    b.events.subscribe((e) => {
      got.push(e.type);
    });
    await a.events.publish({ type: 'message', data: null });
    await eventually(() => expect(got).toEqual(['message']));

    expect(await a.transcripts.append('shared-1', entry)).toBe(1);
    expect(await b.transcripts.append('shared-1', entry)).toBe(2);
    await b.audit.append({ at: entry.at, kind: 'mask', policyVersion: 'v1', detail: 'd' });
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.veil_audit`);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    expect(logs).toContainEqual(
      expect.objectContaining({ obj: { event: 'storage-opened', state: 'redis', store: 'postgres' } }),
    );
  });

  it('mixes Redis state with SQLite transcripts, warning that they are not shared', async () => {
    const s = await open({ state: REDIS_URL, store: 'sqlite' });
    await s.state.update('mixed-1', () => ({ n: 1 }));
    expect(await redis.exists(`${PREFIX}state:mixed-1`)).toBe(1);
    expect(await s.transcripts.append('mixed-1', entry)).toBe(1);
    expect(logs.filter((l) => l.level === 'warn').map((l) => l.obj.event)).toEqual(['storage-split']);
  });

  it('mixes SQLite state with PostgreSQL transcripts', async () => {
    const s = await open({ state: 'sqlite', store: PG_URL });
    await s.state.update('local-1', () => ({ n: 1 }));
    expect(await redis.exists(`${PREFIX}state:local-1`)).toBe(0);
    await s.transcripts.append('local-1', entry);
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM ${SCHEMA}.veil_transcript WHERE conversation_id = 'local-1'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('names the variable for a URL of the wrong kind, before connecting to anything', async () => {
    await expect(open({ state: 'http://127.0.0.1:6379' })).rejects.toMatchObject({ field: 'VEIL_STATE' });
    await expect(open({ state: 'localhost' })).rejects.toMatchObject({ field: 'VEIL_STATE' });
    await expect(open({ state: REDIS_URL, store: 'mysql://db/veil' })).rejects.toMatchObject({
      field: 'VEIL_STORE',
    });
    await expect(open({ state: REDIS_URL, secret: 'short' })).rejects.toMatchObject({ field: 'VEIL_SECRET' });
    expect(logs).toEqual([]);
  });

  it('fails fast, naming the variable, when a server does not answer', async () => {
    const started = Date.now();
    await expect(open({ state: 'redis://127.0.0.1:1', connectTimeoutMs: 500 })).rejects.toMatchObject({
      field: 'VEIL_STATE',
      message: expect.stringMatching(/cannot reach Redis/),
    });
    await expect(
      open({ state: REDIS_URL, store: 'postgres://postgres@127.0.0.1:1/test', connectTimeoutMs: 500 }),
    ).rejects.toMatchObject({ field: 'VEIL_STORE', message: expect.stringMatching(/cannot use PostgreSQL/) });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('closes what it opened when a later part fails', async () => {
    const channel = `${PREFIX}events`;
    const before = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    await expect(
      open({ state: REDIS_URL, store: 'postgres://postgres@127.0.0.1:1/test', connectTimeoutMs: 500 }),
    ).rejects.toMatchObject({ field: 'VEIL_STORE' });
    expect(await redis.pubsub('NUMSUB', channel)).toEqual(before);
  });

  it('refuses a PostgreSQL schema that is behind unless VEIL_MIGRATE=auto', async () => {
    const schema = `${SCHEMA}_behind`;
    try {
      await expect(open({ store: PG_URL, postgresSchema: schema, migrate: false })).rejects.toMatchObject({
        reason: 'schema',
        hint: expect.stringMatching(/veil migrate/),
      });
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });
});

describe('storageEnv', () => {
  it('defaults to SQLite for both halves, migrations off', () => {
    expect(storageEnv({})).toEqual({
      state: 'sqlite',
      store: 'sqlite',
      sqliteWrites: 'worker',
      migrate: false,
    });
  });

  it('reads URLs, the prefix and VEIL_MIGRATE', () => {
    expect(
      storageEnv({
        VEIL_STATE: ' redis://cache:6379/0 ',
        VEIL_STORE: 'postgresql://veil@db/veil',
        VEIL_MIGRATE: 'auto',
        VEIL_REDIS_PREFIX: 'shop1:',
        VEIL_SQLITE_WRITES: 'inline',
      }),
    ).toEqual({
      state: 'redis://cache:6379/0',
      store: 'postgresql://veil@db/veil',
      sqliteWrites: 'inline',
      migrate: true,
      redisPrefix: 'shop1:',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => storageEnv({ VEIL_STATE: 'memcached://x' })).toThrow(/^VEIL_STATE: /);
    expect(() => storageEnv({ VEIL_STORE: 'redis://x' })).toThrow(/^VEIL_STORE: /);
    expect(() => storageEnv({ VEIL_MIGRATE: 'yes' })).toThrow(/^VEIL_MIGRATE: /);
    expect(() => storageEnv({ VEIL_REDIS_PREFIX: '' })).toThrow(/^VEIL_REDIS_PREFIX: /);
    expect(() => storageEnv({ VEIL_SQLITE_WRITES: 'threads' })).toThrow(/^VEIL_SQLITE_WRITES: /);
  });
});
