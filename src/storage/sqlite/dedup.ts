import { type Clock, type DedupStore, systemClock } from '../ports.js';
import { requireId, requireTtl } from '../validate.js';
import type { SqliteDatabase } from './database.js';

const SWEEP_EVERY = 256;

export function createSqliteDedupStore(db: SqliteDatabase, opts: { now?: Clock } = {}): DedupStore {
  const now = opts.now ?? systemClock;
  // One statement, so the check and the claim cannot be split by another connection: an existing key is
  // taken over only once it has expired, and `changes` says whether this caller got it.
  const claim = db.prepare(
    `INSERT INTO dedup (key, expires_at_ms) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET expires_at_ms = excluded.expires_at_ms WHERE dedup.expires_at_ms <= ?`,
  );
  const release = db.prepare('DELETE FROM dedup WHERE key = ?');
  const sweep = db.prepare('DELETE FROM dedup WHERE expires_at_ms <= ?');
  let claims = 0;

  return {
    async claim(key, ttlMs) {
      requireId('key', key);
      requireTtl(ttlMs);
      const t = now();
      if (++claims % SWEEP_EVERY === 0) sweep.run(t);
      return claim.run(key, Math.ceil(t + ttlMs), t).changes === 1;
    },
    async release(key) {
      requireId('key', key);
      release.run(key);
    },
  };
}
