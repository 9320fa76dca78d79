import type { Redis } from 'ioredis';
import type { DedupStore } from '../ports.js';
import { requireId, requireTtl } from '../validate.js';
import type { RedisKeys } from './keys.js';

/** SET NX PX: the claim and its expiry are one atomic command, timed by the Redis server's clock. */
export function createRedisDedupStore(client: Redis, keys: RedisKeys): DedupStore {
  return {
    async claim(key, ttlMs) {
      requireId('key', key);
      requireTtl(ttlMs);
      return (await client.set(keys.dedup(key), '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK';
    },
    async release(key) {
      requireId('key', key);
      await client.del(keys.dedup(key));
    },
  };
}
