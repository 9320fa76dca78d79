import { type Clock, type DedupStore, systemClock } from '../ports.js';
import { requireId, requireTtl } from '../validate.js';

const SWEEP_EVERY = 256;

export function createMemoryDedupStore(opts: { now?: Clock } = {}): DedupStore {
  const now = opts.now ?? systemClock;
  const expiries = new Map<string, number>();
  let claims = 0;

  // Expired keys are dropped in batches so a long-running process does not grow without bound.
  const sweep = (t: number) => {
    for (const [key, expiresAt] of expiries) if (expiresAt <= t) expiries.delete(key);
  };

  return {
    async claim(key, ttlMs) {
      requireId('key', key);
      requireTtl(ttlMs);
      const t = now();
      if (++claims % SWEEP_EVERY === 0) sweep(t);
      const expiresAt = expiries.get(key);
      if (expiresAt !== undefined && expiresAt > t) return false;
      expiries.set(key, t + ttlMs);
      return true;
    },
    async release(key) {
      requireId('key', key);
      expiries.delete(key);
    },
  };
}
