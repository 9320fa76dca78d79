import type { StateBackend, StateBlob } from '../ports.js';

/** Process-local state backend; holds only ciphertext, like every other adapter. */
export function createMemoryStateBackend(): StateBackend {
  const rows = new Map<string, StateBlob>();
  return {
    async read(id) {
      const row = rows.get(id);
      return row ? { ...row } : undefined;
    },
    async compareAndSet(id, expectedEtag, next) {
      const row = rows.get(id);
      if ((row?.etag ?? null) !== expectedEtag) return false;
      rows.set(id, { ...next });
      return true;
    },
    async list({ updatedSinceMs, limit }) {
      return [...rows.entries()]
        .filter(([, r]) => updatedSinceMs === undefined || r.updatedAtMs >= updatedSinceMs)
        .sort(([ia, a], [ib, b]) => a.updatedAtMs - b.updatedAtMs || (ia < ib ? -1 : ia > ib ? 1 : 0))
        .slice(0, limit)
        .map(([id, r]) => ({ id, version: r.version, updatedAt: new Date(r.updatedAtMs).toISOString() }));
    },
    async delete(id) {
      return rows.delete(id);
    },
  };
}
