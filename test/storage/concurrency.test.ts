import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCipher } from '../../src/storage/crypto.js';
import type { ConversationStateStore } from '../../src/storage/ports.js';
import { createPostgresStateBackend, openPostgresStores } from '../../src/storage/postgres/index.js';
import { openRedisStores } from '../../src/storage/redis/index.js';
import { createStateStore } from '../../src/storage/state.js';

/**
 * Two Veil instances behind a load balancer, each with its own connection and its own in-process lock, so
 * only the backend's compare-and-set stands between them.
 */
const REDIS_URL = new URL(process.env.VEIL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const PG_URL = new URL(process.env.VEIL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const SECRET = 'concurrency-test-secret-0123456789';
const REDIS_PREFIX = `veil-test:${randomUUID()}:`;
const PG_SCHEMA = `veil_c_${randomBytes(4).toString('hex')}`;

interface Doc {
  verification: { state: 'code-sent' | 'verified'; code?: string; consumedBy?: string };
  counter: number;
}

type Pair = [ConversationStateStore<Doc>, ConversationStateStore<Doc>];
const closers: (() => Promise<void>)[] = [];

async function redisPair(): Promise<Pair> {
  const a = await openRedisStores<Doc>({
    url: REDIS_URL,
    cipher: createCipher(SECRET),
    prefix: REDIS_PREFIX,
  });
  const b = await openRedisStores<Doc>({
    url: REDIS_URL,
    cipher: createCipher(SECRET),
    prefix: REDIS_PREFIX,
  });
  closers.push(a.close, b.close, async () => {
    const admin = new Redis(REDIS_URL.href);
    const keys = await admin.keys(`${REDIS_PREFIX}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });
  return [a.state, b.state];
}

async function postgresPair(): Promise<Pair> {
  const a = await openPostgresStores({ url: PG_URL, schema: PG_SCHEMA, migrate: true });
  const b = await openPostgresStores({ url: PG_URL, schema: PG_SCHEMA, migrate: true });
  closers.push(a.close, b.close, async () => {
    const admin = new pg.Client({ connectionString: PG_URL.href });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
    await admin.end();
  });
  const store = (pool: pg.Pool) =>
    createStateStore<Doc>(createPostgresStateBackend(pool), createCipher(SECRET));
  return [store(a.pool), store(b.pool)];
}

afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const pause = () => new Promise((r) => setTimeout(r, Math.random() * 4));

/** Resolves once `n` callers have arrived: makes both instances hold the unused code before either writes. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => {
    if (++arrived === n) release();
    return all;
  };
}

/** The verification step: accept the one-time code only if it is still there, and remove it on use. */
function consume(who: string, code: string, bothRead: () => Promise<void>, seen: (string | undefined)[]) {
  return async (cur: Doc | undefined): Promise<Doc | undefined> => {
    seen.push(cur?.verification.code);
    if (seen.length === 1) await bothRead();
    if (cur?.verification.code !== code) return undefined;
    return { ...cur, verification: { state: 'verified', consumedBy: who } };
  };
}

describe.each([
  ['redis', redisPair],
  ['postgres', postgresPair],
])('two instances sharing %s state', (_name, makePair) => {
  let a: ConversationStateStore<Doc>;
  let b: ConversationStateStore<Doc>;
  beforeAll(async () => {
    [a, b] = await makePair();
  });

  it('lets a one-time code be used once even when both instances see it together', async () => {
    for (let round = 0; round < 20; round++) {
      const id = `code-${round}`;
      await a.update(id, () => ({ verification: { state: 'code-sent', code: '482913' }, counter: 0 }));
      const bothRead = barrier(2);
      const seenA: (string | undefined)[] = [];
      const seenB: (string | undefined)[] = [];
      const [ra, rb] = await Promise.all([
        a.update(id, consume('a', '482913', bothRead, seenA)),
        b.update(id, consume('b', '482913', bothRead, seenB)),
      ]);
      const winners = [ra, rb].filter((r, i) => r?.doc.verification.consumedBy === ['a', 'b'][i]);
      expect(winners).toHaveLength(1);
      // Both saw the code; the loser's write was refused, and on its retry the code was gone.
      const loser = winners[0] === ra ? seenB : seenA;
      expect(loser).toEqual(['482913', undefined]);
      const final = (await a.get(id))!;
      expect(final.doc.verification).toEqual({
        state: 'verified',
        consumedBy: winners[0]!.doc.verification.consumedBy,
      });
      expect(final.version).toBe(2);
    }
  });

  it('counts 50 concurrent increments from two instances exactly', async () => {
    await a.update('counter', () => ({ verification: { state: 'code-sent' }, counter: 0 }));
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).update(
          'counter',
          async (cur) => {
            await pause();
            return { ...cur!, counter: cur!.counter + 1 };
          },
          { maxAttempts: 500 },
        ),
      ),
    );
    const final = (await b.get('counter'))!;
    expect(final.doc.counter).toBe(50);
    expect(final.version).toBe(51);
  });
});
