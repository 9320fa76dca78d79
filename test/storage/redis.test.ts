import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCipher } from '../../src/storage/crypto.js';
import type { Stores } from '../../src/storage/ports.js';
import {
  connectRedis,
  createRedisEventBus,
  openRedisStores,
  parseRedisUrl,
  type RedisStores,
  redisKeys,
} from '../../src/storage/redis/index.js';
import { dedupStoreContract } from '../contract/dedup-store.contract.js';
import { eventBusContract } from '../contract/event-bus.contract.js';
import { eventually, sleep } from '../contract/harness.js';
import { stateStoreContract } from '../contract/state-store.contract.js';

const REDIS_URL = new URL(process.env.VEIL_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const SECRET = 'redis-test-secret-0123456789';
const RUN = `veil-test:${randomUUID()}:`;

// Every key this file writes starts with RUN, so parallel test files never see each other's data.
let admin: Redis;
beforeAll(() => {
  admin = new Redis(REDIS_URL.href);
});
afterAll(async () => {
  await dropKeys(RUN);
  await admin.quit();
});

async function dropKeys(prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

const uniquePrefix = () => `${RUN}${randomUUID().slice(0, 8)}:`;

async function open<S = Record<string, unknown>>(
  prefix = uniquePrefix(),
  extra: { secret?: string; onEventHandlerError?: (e: unknown) => void } = {},
): Promise<RedisStores<S>> {
  return openRedisStores<S>({
    url: REDIS_URL,
    cipher: createCipher(extra.secret ?? SECRET),
    prefix,
    ...(extra.onEventHandlerError ? { onEventHandlerError: extra.onEventHandlerError } : {}),
  });
}

function from<K extends 'state' | 'dedup' | 'events'>(key: K) {
  return async () => {
    const prefix = uniquePrefix();
    const stores = await open(prefix);
    return {
      subject: stores[key] as unknown as Stores[K],
      close: async () => {
        await stores.close();
        await dropKeys(prefix);
      },
    };
  };
}

stateStoreContract('redis', from('state'));
dedupStoreContract('redis', from('dedup'));
eventBusContract('redis', from('events'));

describe('redis adapters', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function tracked(prefix?: string, extra?: Parameters<typeof open>[1]) {
    const s = await open(prefix, extra);
    cleanups.push(() => s.close());
    return s;
  }

  it('keeps every key under the prefix, and only ciphertext', async () => {
    const prefix = uniquePrefix();
    const s = await tracked(prefix);
    const raw = 'wolfgang.schmidt@example.org';
    await s.state.update('c1', () => ({ values: { '[EMAIL_1]': raw } }));
    await s.dedup.claim('activity-1', 60_000);
    const keys = (await admin.keys(`${prefix}*`)).sort();
    expect(keys).toEqual([`${prefix}dedup:activity-1`, `${prefix}state-index`, `${prefix}state:c1`].sort());
    const blob = await admin.hget(`${prefix}state:c1`, 'blob');
    expect(blob).toMatch(/^v1\./);
    expect(blob).not.toContain(raw);
    expect(await admin.pttl(`${prefix}dedup:activity-1`)).toBeGreaterThan(59_000);
  });

  it('keeps deployments with different prefixes apart', async () => {
    const a = await tracked();
    const b = await tracked();
    await a.state.update('c1', () => ({ who: 'a' }));
    expect(await b.state.get('c1')).toBeUndefined();
    expect(await a.dedup.claim('k', 60_000)).toBe(true);
    expect(await b.dedup.claim('k', 60_000)).toBe(true);
    const got: unknown[] = [];
    b.events.subscribe((e) => {
      got.push(e);
    });
    await a.events.publish({ type: 'x', data: 1 });
    await sleep(50);
    expect(got).toEqual([]);
  });

  it('shares state, dedup and events between two instances', async () => {
    const prefix = uniquePrefix();
    const a = await tracked(prefix);
    const b = await tracked(prefix);
    await a.state.update('c1', () => ({ verified: 'possession' }));
    expect((await b.state.get('c1'))!.doc).toEqual({ verified: 'possession' });
    expect(await a.dedup.claim('activity-1', 60_000)).toBe(true);
    expect(await b.dedup.claim('activity-1', 60_000)).toBe(false);
    const onA: unknown[] = [];
    const onB: unknown[] = [];
    a.events.subscribe((e) => {
      onA.push(e.data);
    });
    b.events.subscribe((e) => {
      onB.push(e.data);
    });
    await a.events.publish({ type: 'message', conversationId: 'c1', data: 1 });
    await b.events.publish({ type: 'message', conversationId: 'c1', data: 2 });
    await eventually(() => expect(onA).toEqual([1, 2]));
    await eventually(() => expect(onB).toEqual([1, 2]));
  });

  it('refuses state written with another secret, and state copied to another id', async () => {
    const prefix = uniquePrefix();
    const a = await tracked(prefix);
    await a.state.update('c1', () => ({ x: 1 }));
    await a.state.update('c2', () => ({ x: 2 }));
    const b = await tracked(prefix, { secret: 'a-completely-different-secret' });
    await expect(b.state.get('c1')).rejects.toMatchObject({ name: 'StorageError', reason: 'wrong-key' });
    await admin.hset(`${prefix}state:c2`, 'blob', (await admin.hget(`${prefix}state:c1`, 'blob'))!);
    await expect(a.state.get('c2')).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('gives up with a conflict error when another instance always wins', async () => {
    const prefix = uniquePrefix();
    const a = await tracked(prefix);
    const b = await tracked(prefix);
    await a.state.update('c1', () => ({ n: 0 }));
    const attempt = a.state.update(
      'c1',
      async (cur) => {
        await b.state.update('c1', (o) => ({ n: (o!.n as number) + 100 }));
        return { n: (cur!.n as number) + 1 };
      },
      { maxAttempts: 3 },
    );
    await expect(attempt).rejects.toMatchObject({ name: 'StorageError', reason: 'conflict', status: 409 });
    expect((await a.state.get('c1'))!.doc.n).toBe(300);
  });

  it('reports failing subscribers and foreign messages on the channel without breaking the bus', async () => {
    const prefix = uniquePrefix();
    const reported: unknown[] = [];
    const s = await tracked(prefix, { onEventHandlerError: (e) => reported.push(e) });
    const got: unknown[] = [];
    s.events.subscribe(() => {
      throw new Error('sync');
    });
    s.events.subscribe(() => Promise.reject(new Error('async')));
    s.events.subscribe((e) => {
      got.push(e.data);
    });
    await admin.publish(redisKeys(prefix).events, 'not json');
    await admin.publish(redisKeys(prefix).events, '{"data":1}');
    await s.events.publish({ type: 'ok', data: 'after' });
    await eventually(() => expect(got).toEqual(['after']));
    await eventually(() => expect(reported).toHaveLength(4));
    const messages = reported.map((e) => (e as Error).message);
    expect(messages.filter((m) => /not a Veil event/.test(m))).toHaveLength(2);
    expect(messages).toEqual(expect.arrayContaining(['sync', 'async']));
  });

  it('unsubscribes its subscriber connection on close', async () => {
    const prefix = uniquePrefix();
    const channel = redisKeys(prefix).events;
    const s = await open(prefix);
    expect(await admin.pubsub('NUMSUB', channel)).toEqual([channel, 1]);
    await s.close();
    await s.close();
    expect(await admin.pubsub('NUMSUB', channel)).toEqual([channel, 0]);
  });

  it('reconnects after the server drops its connections, and resubscribes', async () => {
    const prefix = uniquePrefix();
    const s = await tracked(prefix);
    const got: unknown[] = [];
    s.events.subscribe((e) => {
      got.push(e.data);
    });
    await s.state.update('c1', () => ({ n: 1 }));
    await admin.client('KILL', 'ID', String(await s.client.client('ID')));
    const sub = s.events.subscriber.stream as { localAddress?: string; localPort?: number };
    await admin.client('KILL', 'ADDR', `${sub.localAddress}:${sub.localPort}`);

    expect((await s.state.update('c1', (cur) => ({ n: (cur!.n as number) + 1 })))!.doc).toEqual({ n: 2 });
    // Pub/sub does not replay what was published while the subscriber was away, so publish until it is back.
    const deadline = Date.now() + 5000;
    for (let n = 1; got.length === 0 && Date.now() < deadline; n++) {
      await s.events.publish({ type: 'ping', data: n });
      await sleep(50);
    }
    expect(got.length).toBeGreaterThan(0);
    expect(s.events.subscriber.status).toBe('ready');
  });

  it('fails fast, naming the variable, when Redis is unreachable', async () => {
    const started = Date.now();
    await expect(
      connectRedis(new URL('redis://:hunter2secret@127.0.0.1:1'), {
        variable: 'VEIL_STATE',
        connectTimeoutMs: 500,
      }),
    ).rejects.toMatchObject({
      field: 'VEIL_STATE',
      message: expect.stringMatching(/^VEIL_STATE: cannot reach Redis at 127\.0\.0\.1:1 within 500 ms/),
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('rejects URLs that are not redis://', () => {
    expect(() => parseRedisUrl('VEIL_STATE', 'http://127.0.0.1:6379')).toThrow(/VEIL_STATE: must be a redis/);
    expect(() => parseRedisUrl('VEIL_STATE', 'not a url')).toThrow(/VEIL_STATE/);
    expect(parseRedisUrl('VEIL_STATE', 'rediss://cache.internal:6380/2').port).toBe('6380');
  });

  it('subscribes before the bus is returned, so an event published at once is not missed', async () => {
    const prefix = uniquePrefix();
    const client = await connectRedis(REDIS_URL, { variable: 'VEIL_STATE' });
    const bus = await createRedisEventBus(client, redisKeys(prefix).events);
    cleanups.push(async () => {
      await bus.close();
      await client.quit();
    });
    const got: unknown[] = [];
    bus.subscribe((e) => {
      got.push(e.type);
    });
    await bus.publish({ type: 'first', data: null });
    await eventually(() => expect(got).toEqual(['first']));
  });
});
