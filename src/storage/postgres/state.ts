import type pg from 'pg';
import type { StateBackend, StateBlob } from '../ports.js';

interface Row {
  version: number;
  etag: string;
  updated_at_ms: string;
  blob: string;
}

/** Conversation state in PostgreSQL, for deployments that run without Redis; CAS is a conditional write. */
export function createPostgresStateBackend(pool: pg.Pool): StateBackend {
  return {
    async read(id) {
      const { rows } = await pool.query<Row>(
        'SELECT version, etag, updated_at_ms, blob FROM veil_conversation_state WHERE id = $1',
        [id],
      );
      const r = rows[0];
      return r
        ? { version: r.version, etag: r.etag, updatedAtMs: Number(r.updated_at_ms), blob: r.blob }
        : undefined;
    },
    async compareAndSet(id, expectedEtag, n: StateBlob) {
      const { rowCount } =
        expectedEtag === null
          ? await pool.query(
              `INSERT INTO veil_conversation_state (id, version, etag, updated_at_ms, blob)
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
              [id, n.version, n.etag, n.updatedAtMs, n.blob],
            )
          : await pool.query(
              `UPDATE veil_conversation_state SET version = $2, etag = $3, updated_at_ms = $4, blob = $5
               WHERE id = $1 AND etag = $6`,
              [id, n.version, n.etag, n.updatedAtMs, n.blob, expectedEtag],
            );
      return rowCount === 1;
    },
    async list({ updatedSinceMs, limit }) {
      const { rows } = await pool.query<{ id: string; version: number; updated_at_ms: string }>(
        `SELECT id, version, updated_at_ms FROM veil_conversation_state WHERE updated_at_ms >= $1
         ORDER BY updated_at_ms, id LIMIT $2`,
        [updatedSinceMs ?? Number.MIN_SAFE_INTEGER, limit ?? null],
      );
      return rows.map((r) => ({
        id: r.id,
        version: r.version,
        updatedAt: new Date(Number(r.updated_at_ms)).toISOString(),
      }));
    },
    async delete(id) {
      const { rowCount } = await pool.query('DELETE FROM veil_conversation_state WHERE id = $1', [id]);
      return (rowCount ?? 0) > 0;
    },
  };
}
