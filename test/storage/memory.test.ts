import { describe, expect, it } from 'vitest';
import { createCipher } from '../../src/storage/crypto.js';
import { createMemoryDedupStore } from '../../src/storage/memory/dedup.js';
import { createMemoryEventBus } from '../../src/storage/memory/events.js';
import { openMemoryStores } from '../../src/storage/memory/index.js';
import { createMemoryStateBackend } from '../../src/storage/memory/state.js';
import type { Stores } from '../../src/storage/ports.js';
import { createStateStore } from '../../src/storage/state.js';
import { auditStoreContract } from '../contract/audit-store.contract.js';
import { dedupStoreContract } from '../contract/dedup-store.contract.js';
import { eventBusContract } from '../contract/event-bus.contract.js';
import { stateStoreContract } from '../contract/state-store.contract.js';
import { transcriptStoreContract } from '../contract/transcript-store.contract.js';

const SECRET = 'memory-test-secret-0123456789';

function from<K extends keyof Omit<Stores, 'close'>>(key: K) {
  return async () => {
    const stores = await openMemoryStores({ secret: SECRET });
    return { subject: stores[key], close: () => stores.close() };
  };
}

stateStoreContract('memory', from('state'));
dedupStoreContract('memory', from('dedup'));
transcriptStoreContract('memory', from('transcripts'));
auditStoreContract('memory', from('audit'));
eventBusContract('memory', from('events'));

describe('memory adapters', () => {
  it('keeps conversation state only as ciphertext', async () => {
    const backend = createMemoryStateBackend();
    const store = createStateStore(backend, createCipher(SECRET));
    await store.update('c1', () => ({ values: { '[PHONE_1]': '+1 503 555 0117' } }));
    const blob = (await backend.read('c1'))!.blob;
    expect(blob).not.toContain('555');
    expect(blob.startsWith('v1.')).toBe(true);
  });

  it('runs without a configured secret, using a per-process key', async () => {
    const stores = await openMemoryStores();
    await stores.state.update('c1', () => ({ ok: true }));
    expect((await stores.state.get('c1'))!.doc).toEqual({ ok: true });
  });

  it('expires dedup claims by the injected clock', async () => {
    let t = 1_000;
    const dedup = createMemoryDedupStore({ now: () => t });
    expect(await dedup.claim('k', 500)).toBe(true);
    t += 499;
    expect(await dedup.claim('k', 500)).toBe(false);
    t += 1;
    expect(await dedup.claim('k', 500)).toBe(true);
  });

  it('stamps state updates with the injected clock', async () => {
    const stores = await openMemoryStores({
      secret: SECRET,
      now: () => Date.parse('2030-01-02T03:04:05.000Z'),
    });
    expect((await stores.state.update('c1', () => ({})))!.updatedAt).toBe('2030-01-02T03:04:05.000Z');
  });

  it('reports a failing subscriber without telling the publisher', async () => {
    const reported: unknown[] = [];
    const bus = createMemoryEventBus({ onHandlerError: (e) => reported.push(e) });
    bus.subscribe(() => {
      throw new Error('sync');
    });
    bus.subscribe(() => Promise.reject(new Error('async')));
    await bus.publish({ type: 'x', data: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(reported.map((e) => (e as Error).message).sort()).toEqual(['async', 'sync']);
  });
});
