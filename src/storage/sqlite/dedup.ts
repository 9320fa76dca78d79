import { type Clock, type DedupStore, systemClock } from '../ports.js';
import { requireId, requireTtl } from '../validate.js';
import type { SqliteWriter } from './writer.js';

const SWEEP_EVERY = 256;
// One statement, so the check and the claim cannot be split by another connection: an existing key is
// taken over only once it has expired, and `changes` says whether this caller got it.
const CLAIM = `INSERT INTO dedup (key, expires_at_ms) VALUES (?, ?)
  ON CONFLICT (key) DO UPDATE SET expires_at_ms = excluded.expires_at_ms WHERE dedup.expires_at_ms <= ?`;
const RELEASE = 'DELETE FROM dedup WHERE key = ?';
const SWEEP = 'DELETE FROM dedup WHERE expires_at_ms <= ?';

export function createSqliteDedupStore(writer: SqliteWriter, opts: { now?: Clock } = {}): DedupStore {
  const now = opts.now ?? systemClock;
  let claims = 0;

  return {
    async claim(key, ttlMs) {
      requireId('key', key);
      requireTtl(ttlMs);
      const t = now();
      const claim = { sql: CLAIM, params: [key, Math.ceil(t + ttlMs), t] };
      const steps = ++claims % SWEEP_EVERY === 0 ? [{ sql: SWEEP, params: [t] }, claim] : [claim];
      const results = await writer.run(steps);
      return results[results.length - 1] === 1;
    },
    async release(key) {
      requireId('key', key);
      await writer.run([{ sql: RELEASE, params: [key] }]);
    },
  };
}
