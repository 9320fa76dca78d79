import type { Redis } from 'ioredis';
import type { Cipher } from '../crypto.js';
import type { Clock, ConversationStateStore, DedupStore } from '../ports.js';
import { createStateStore } from '../state.js';
import { connectRedis, type StoreLog } from './connection.js';
import { createRedisDedupStore } from './dedup.js';
import { createRedisEventBus, type RedisEventBus, type RedisEventBusOptions } from './events.js';
import { DEFAULT_REDIS_PREFIX, redisKeys } from './keys.js';
import { createRedisStateBackend } from './state.js';

export { connectRedis, DEFAULT_CONNECT_TIMEOUT_MS, parseRedisUrl, type StoreLog } from './connection.js';
export { createRedisDedupStore } from './dedup.js';
export { createRedisEventBus, type RedisEventBus } from './events.js';
export { DEFAULT_REDIS_PREFIX, redisKeys, type RedisKeys } from './keys.js';
export { createRedisStateBackend } from './state.js';

export interface RedisStoresOptions {
  url: URL;
  cipher: Cipher;
  /** Default `veil:`. */
  prefix?: string;
  /** Named in connection errors. Default VEIL_STATE. */
  variable?: string;
  connectTimeoutMs?: number;
  log?: StoreLog;
  now?: Clock;
  onEventHandlerError?: RedisEventBusOptions['onHandlerError'];
}

/** The shared, per-conversation half of the stores: state, dedup and the event stream. */
export interface RedisStores<S> {
  state: ConversationStateStore<S>;
  dedup: DedupStore;
  events: RedisEventBus;
  client: Redis;
  close(): Promise<void>;
}

export async function openRedisStores<S = unknown>(opts: RedisStoresOptions): Promise<RedisStores<S>> {
  const client = await connectRedis(opts.url, {
    variable: opts.variable ?? 'VEIL_STATE',
    ...(opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: opts.connectTimeoutMs }),
    ...(opts.log ? { log: opts.log } : {}),
  });
  const keys = redisKeys(opts.prefix ?? DEFAULT_REDIS_PREFIX);
  let events: RedisEventBus;
  try {
    events = await createRedisEventBus(
      client,
      keys.events,
      opts.onEventHandlerError ? { onHandlerError: opts.onEventHandlerError } : {},
    );
  } catch (error) {
    client.disconnect();
    throw error;
  }
  let closed = false;
  return {
    state: createStateStore<S>(
      createRedisStateBackend(client, keys),
      opts.cipher,
      opts.now ? { now: opts.now } : {},
    ),
    dedup: createRedisDedupStore(client, keys),
    events,
    client,
    async close() {
      if (closed) return;
      closed = true;
      await events.close();
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
