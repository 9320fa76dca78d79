import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DedupStore } from '../../src/storage/ports.js';
import { type Harness, type MakeHarness, sleep } from './harness.js';

/** TTLs here are real time so server-clocked adapters (Redis PX, PostgreSQL now()) run the suite unchanged. */
export function dedupStoreContract(name: string, make: MakeHarness<DedupStore>): void {
  describe(`DedupStore contract: ${name}`, () => {
    let h: Harness<DedupStore>;
    let dedup: DedupStore;
    beforeEach(async () => {
      h = await make();
      dedup = h.subject;
    });
    afterEach(async () => {
      await h.close();
    });

    it('grants the first claim of a key and refuses repeats within the ttl', async () => {
      expect(await dedup.claim('activity-1', 60_000)).toBe(true);
      expect(await dedup.claim('activity-1', 60_000)).toBe(false);
      expect(await dedup.claim('activity-1', 60_000)).toBe(false);
    });

    it('treats keys independently', async () => {
      expect(await dedup.claim('a', 60_000)).toBe(true);
      expect(await dedup.claim('b', 60_000)).toBe(true);
      expect(await dedup.claim('A', 60_000)).toBe(true);
    });

    it('grants the key again once its ttl has passed', async () => {
      // Generous margins: a store may commit a little after the call (the SQLite writer thread starts up).
      expect(await dedup.claim('short', 250)).toBe(true);
      expect(await dedup.claim('short', 250)).toBe(false);
      await sleep(400);
      expect(await dedup.claim('short', 60_000)).toBe(true);
      expect(await dedup.claim('short', 60_000)).toBe(false);
    });

    it('grants exactly one of many concurrent claims', async () => {
      const results = await Promise.all(Array.from({ length: 30 }, () => dedup.claim('race', 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('lets a released key be claimed again', async () => {
      expect(await dedup.claim('retry-me', 60_000)).toBe(true);
      await dedup.release('retry-me');
      expect(await dedup.claim('retry-me', 60_000)).toBe(true);
      await dedup.release('never-claimed');
    });

    it('rejects a ttl that is not a positive number, and an empty key', async () => {
      for (const ttl of [0, -5, Number.NaN]) {
        await expect(dedup.claim('k', ttl)).rejects.toMatchObject({
          name: 'StorageError',
          reason: 'invalid',
        });
      }
      await expect(dedup.claim('', 1000)).rejects.toMatchObject({ reason: 'invalid' });
      expect(await dedup.claim('k', 1000)).toBe(true);
    });
  });
}
