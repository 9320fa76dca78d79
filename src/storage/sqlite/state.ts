import type { StateBackend, StateBlob } from '../ports.js';
import type { SqliteDatabase } from './database.js';

interface Row {
  version: number;
  etag: string;
  updated_at_ms: number;
  blob: string;
}

export function createSqliteStateBackend(db: SqliteDatabase): StateBackend {
  const read = db.prepare<[string], Row>(
    'SELECT version, etag, updated_at_ms, blob FROM conversation_state WHERE id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO conversation_state (id, version, etag, updated_at_ms, blob) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE conversation_state SET version = ?, etag = ?, updated_at_ms = ?, blob = ?
     WHERE id = ? AND etag = ?`,
  );
  const list = db.prepare<[number, number], { id: string; version: number; updated_at_ms: number }>(
    `SELECT id, version, updated_at_ms FROM conversation_state WHERE updated_at_ms >= ?
     ORDER BY updated_at_ms, id LIMIT ?`,
  );
  const remove = db.prepare('DELETE FROM conversation_state WHERE id = ?');

  return {
    async read(id) {
      const r = read.get(id);
      return r ? { version: r.version, etag: r.etag, updatedAtMs: r.updated_at_ms, blob: r.blob } : undefined;
    },
    async compareAndSet(id, expectedEtag, n: StateBlob) {
      const result =
        expectedEtag === null
          ? insert.run(id, n.version, n.etag, n.updatedAtMs, n.blob)
          : update.run(n.version, n.etag, n.updatedAtMs, n.blob, id, expectedEtag);
      return result.changes === 1;
    },
    async list({ updatedSinceMs, limit }) {
      return list.all(updatedSinceMs ?? Number.MIN_SAFE_INTEGER, limit ?? -1).map((r) => ({
        id: r.id,
        version: r.version,
        updatedAt: new Date(r.updated_at_ms).toISOString(),
      }));
    },
    async delete(id) {
      return remove.run(id).changes > 0;
    },
  };
}
