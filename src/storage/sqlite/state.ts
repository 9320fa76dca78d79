import type { StateBackend, StateBlob } from '../ports.js';
import type { SqliteDatabase } from './database.js';
import type { SqliteWriter } from './writer.js';

interface Row {
  version: number;
  etag: string;
  updated_at_ms: number;
  blob: string;
}

const INSERT = `INSERT INTO conversation_state (id, version, etag, updated_at_ms, blob) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (id) DO NOTHING`;
const UPDATE = `UPDATE conversation_state SET version = ?, etag = ?, updated_at_ms = ?, blob = ?
  WHERE id = ? AND etag = ?`;
const DELETE = 'DELETE FROM conversation_state WHERE id = ?';

/** Reads on `db` (the main connection); writes through `writer`. */
export function createSqliteStateBackend(db: SqliteDatabase, writer: SqliteWriter): StateBackend {
  const read = db.prepare<[string], Row>(
    'SELECT version, etag, updated_at_ms, blob FROM conversation_state WHERE id = ?',
  );
  // The blob is only read from disk (overflow pages and all) when the caller's copy is stale.
  const readIfChanged = db.prepare<[string, string], Omit<Row, 'blob'> & { blob: string | null }>(
    `SELECT version, etag, updated_at_ms, CASE WHEN etag = ? THEN NULL ELSE blob END AS blob
     FROM conversation_state WHERE id = ?`,
  );
  const list = db.prepare<[number, number], { id: string; version: number; updated_at_ms: number }>(
    `SELECT id, version, updated_at_ms FROM conversation_state WHERE updated_at_ms >= ?
     ORDER BY updated_at_ms, id LIMIT ?`,
  );

  return {
    async read(id) {
      const r = read.get(id);
      return r ? { version: r.version, etag: r.etag, updatedAtMs: r.updated_at_ms, blob: r.blob } : undefined;
    },
    async readIfChanged(id, knownEtag) {
      const r = readIfChanged.get(knownEtag, id);
      if (!r) return undefined;
      if (r.blob === null) return 'unchanged';
      return { version: r.version, etag: r.etag, updatedAtMs: r.updated_at_ms, blob: r.blob };
    },
    async compareAndSet(id, expectedEtag, n: StateBlob) {
      const [changes] = await writer.run([
        expectedEtag === null
          ? { sql: INSERT, params: [id, n.version, n.etag, n.updatedAtMs, n.blob] }
          : { sql: UPDATE, params: [n.version, n.etag, n.updatedAtMs, n.blob, id, expectedEtag] },
      ]);
      return changes === 1;
    },
    async list({ updatedSinceMs, limit }) {
      return list.all(updatedSinceMs ?? Number.MIN_SAFE_INTEGER, limit ?? -1).map((r) => ({
        id: r.id,
        version: r.version,
        updatedAt: new Date(r.updated_at_ms).toISOString(),
      }));
    },
    async delete(id) {
      const [changes] = await writer.run([{ sql: DELETE, params: [id] }]);
      return (changes as number) > 0;
    },
  };
}
