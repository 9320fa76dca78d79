import { describe, expect, it } from 'vitest';
import { createCipher } from '../../src/storage/crypto.js';
import type { StateBackend, StateBlob } from '../../src/storage/ports.js';
import { createStateStore } from '../../src/storage/state.js';

/** A backend that can answer 'unchanged', counting how often a blob actually travels. */
function countingBackend() {
  const rows = new Map<string, StateBlob>();
  const counts = { blobsRead: 0, unchanged: 0 };
  const backend: StateBackend = {
    async read(id) {
      const b = rows.get(id);
      if (b) counts.blobsRead++;
      return b && { ...b };
    },
    async readIfChanged(id, knownEtag) {
      const b = rows.get(id);
      if (!b) return undefined;
      if (b.etag === knownEtag) {
        counts.unchanged++;
        return 'unchanged';
      }
      counts.blobsRead++;
      return { ...b };
    },
    async compareAndSet(id, expected, next) {
      if ((rows.get(id)?.etag ?? null) !== expected) return false;
      rows.set(id, { ...next });
      return true;
    },
    async list() {
      return [];
    },
    async delete(id) {
      return rows.delete(id);
    },
  };
  return { backend, rows, counts };
}

const cipher = createCipher('state-cache-test-secret-0123456789');

describe('state store document cache', () => {
  it('reuses the decrypted document while the stored etag is unchanged', async () => {
    const { backend, counts } = countingBackend();
    const store = createStateStore<{ n: number }>(backend, cipher);
    await store.update('c1', () => ({ n: 1 }));
    for (let i = 0; i < 5; i++) await store.update('c1', (d) => ({ n: d!.n + 1 }));
    expect((await store.get('c1'))!.doc).toEqual({ n: 6 });
    expect(counts.blobsRead).toBe(0);
    expect(counts.unchanged).toBe(6);
  });

  it("notices another process's write and reads the new blob", async () => {
    const { backend, counts } = countingBackend();
    const mine = createStateStore<{ n: number; by: string }>(backend, cipher);
    const theirs = createStateStore<{ n: number; by: string }>(backend, cipher);
    await mine.update('c1', () => ({ n: 1, by: 'mine' }));
    await theirs.update('c1', (d) => ({ n: d!.n + 1, by: 'theirs' }));
    const after = await mine.update('c1', (d) => ({ n: d!.n + 1, by: 'mine' }));
    expect(after!.doc).toEqual({ n: 3, by: 'mine' });
    expect(counts.blobsRead).toBe(2); // theirs' first read, then mine after their write
  });

  it('hands every caller its own copy of a cached document', async () => {
    const { backend } = countingBackend();
    const store = createStateStore<{ list: string[] }>(backend, cipher);
    const created = await store.update('c1', () => ({ list: ['a'] }));
    created!.doc.list.push('mutated');
    await store.update('c1', (d) => {
      d!.list.push('also mutated, then declined');
      return undefined;
    });
    expect((await store.get('c1'))!.doc).toEqual({ list: ['a'] });
  });

  it('forgets a deleted conversation and keeps at most the configured number of documents', async () => {
    const { backend, counts } = countingBackend();
    const store = createStateStore<{ n: number }>(backend, cipher, { cacheEntries: 2 });
    for (const id of ['a', 'b', 'c']) await store.update(id, () => ({ n: 1 }));
    await store.get('a'); // evicted: read in full
    expect(counts.blobsRead).toBe(1);
    await store.delete('c');
    expect(await store.get('c')).toBeUndefined();
  });
});
