import type pg from 'pg';
import type { DedupStore } from '../ports.js';
import { requireId, requireTtl } from '../validate.js';

const SWEEP_EVERY = 256;

/** Expiry is judged by the database clock, so instances with drifting clocks still agree. */
export function createPostgresDedupStore(pool: pg.Pool): DedupStore {
  let claims = 0;
  return {
    async claim(key, ttlMs) {
      requireId('key', key);
      requireTtl(ttlMs);
      if (++claims % SWEEP_EVERY === 0) {
        await pool.query('DELETE FROM veil_dedup WHERE expires_at <= clock_timestamp()');
      }
      // One statement: an existing key is taken over only once expired, and rowCount says who got it.
      const { rowCount } = await pool.query(
        `INSERT INTO veil_dedup AS d (key, expires_at)
         VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at
         WHERE d.expires_at <= clock_timestamp()`,
        [key, Math.ceil(ttlMs)],
      );
      return rowCount === 1;
    },
    async release(key) {
      requireId('key', key);
      await pool.query('DELETE FROM veil_dedup WHERE key = $1', [key]);
    },
  };
}
