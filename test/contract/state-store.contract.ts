import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStateStore } from '../../src/storage/ports.js';
import { type Harness, type MakeHarness, sleep } from './harness.js';

interface Doc {
  counter: number;
  tokens: Record<string, { type: string; value: string }>;
  log?: string[];
}

const doc = (counter: number): Doc => ({
  counter,
  tokens: { '[EMAIL_1]': { type: 'EMAIL', value: 'zoë.müller@example.com' } },
});

export function stateStoreContract(name: string, make: MakeHarness<ConversationStateStore<unknown>>): void {
  describe(`ConversationStateStore contract: ${name}`, () => {
    let h: Harness<ConversationStateStore<unknown>>;
    let store: ConversationStateStore<Doc>;
    beforeEach(async () => {
      h = await make();
      store = h.subject as unknown as ConversationStateStore<Doc>;
    });
    afterEach(async () => {
      await h.close();
    });

    it('returns undefined for an unknown conversation', async () => {
      expect(await store.get('nope')).toBeUndefined();
    });

    it('creates a document at version 1 and reads it back intact', async () => {
      const before = Date.now();
      const created = await store.update('c1', () => doc(1));
      expect(created).toMatchObject({ id: 'c1', version: 1, doc: doc(1) });
      expect(Date.parse(created!.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await store.get('c1')).toEqual(created);
    });

    it('passes the current document to the updater and bumps the version', async () => {
      await store.update('c1', () => doc(1));
      const seen: (Doc | undefined)[] = [];
      const next = await store.update('c1', (cur) => {
        seen.push(cur);
        return { ...cur!, counter: cur!.counter + 1 };
      });
      expect(seen).toEqual([doc(1)]);
      expect(next).toMatchObject({ version: 2, doc: { counter: 2 } });
    });

    it('writes nothing when the updater returns undefined', async () => {
      expect(await store.update('absent', () => undefined)).toBeUndefined();
      expect(await store.get('absent')).toBeUndefined();
      await store.update('c1', () => doc(1));
      const unchanged = await store.update('c1', () => undefined);
      expect(unchanged).toMatchObject({ version: 1, doc: doc(1) });
      expect((await store.get('c1'))!.version).toBe(1);
    });

    it('hands out copies: mutating a returned document does not change the store', async () => {
      const created = await store.update('c1', () => doc(1));
      created!.doc.counter = 99;
      const got = await store.get('c1');
      got!.doc.tokens = {};
      expect((await store.get('c1'))!.doc).toEqual(doc(1));
    });

    it('gives the updater a private copy: changing it in place and declining leaves the store as it was', async () => {
      await store.update('c1', () => doc(1));
      await store.update('c1', (cur) => {
        cur!.counter = 42;
        cur!.tokens = {};
        return undefined;
      });
      expect((await store.get('c1'))!.doc).toEqual(doc(1));
      const changed = await store.update('c1', (cur) => {
        cur!.counter = 2;
        return cur;
      });
      expect(changed!.doc).toEqual(doc(2));
      expect((await store.get('c1'))!.doc).toEqual(doc(2));
    });

    it('serialises concurrent updates of one conversation without losing a write', async () => {
      await store.update('busy', () => ({ counter: 0, tokens: {}, log: [] }));
      const n = 25;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          store.update('busy', async (cur) => {
            // Yield between read and write so a store without real atomicity would interleave and lose writes.
            await sleep(Math.random() * 3);
            return { ...cur!, counter: cur!.counter + 1, log: [...(cur!.log ?? []), `w${i}`] };
          }),
        ),
      );
      const final = await store.get('busy');
      expect(final!.doc.counter).toBe(n);
      expect(new Set(final!.doc.log).size).toBe(n);
      expect(final!.version).toBe(n + 1);
    });

    it('keeps different conversations apart under concurrent updates', async () => {
      await Promise.all(
        ['a', 'b', 'c'].flatMap((id) =>
          Array.from({ length: 5 }, () =>
            store.update(id, async (cur) => {
              await sleep(1);
              return { counter: (cur?.counter ?? 0) + 1, tokens: {} };
            }),
          ),
        ),
      );
      for (const id of ['a', 'b', 'c']) expect((await store.get(id))!.doc.counter).toBe(5);
    });

    it('leaves the state unchanged when the updater throws, and stays usable', async () => {
      await store.update('c1', () => doc(1));
      await expect(
        store.update('c1', () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.get('c1'))!.version).toBe(1);
      expect(await store.update('c1', (cur) => ({ ...cur!, counter: 2 }))).toMatchObject({ version: 2 });
    });

    it('rejects a document JSON cannot hold, and an empty id', async () => {
      await expect(store.update('c1', () => ({ counter: 10n }) as unknown as Doc)).rejects.toMatchObject({
        name: 'StorageError',
        reason: 'invalid',
      });
      expect(await store.get('c1')).toBeUndefined();
      await expect(store.get('')).rejects.toMatchObject({ reason: 'invalid' });
    });

    it('lists ids oldest write first, with updatedSince and limit', async () => {
      await store.update('first', () => doc(1));
      await sleep(15);
      const cut = new Date();
      await sleep(15);
      await store.update('second', () => doc(2));
      await sleep(5);
      await store.update('third', () => doc(3));

      const all = await store.list();
      expect(all.map((e) => e.id)).toEqual(['first', 'second', 'third']);
      expect(all[0]).toEqual({ id: 'first', version: 1, updatedAt: expect.any(String) });
      expect((await store.list({ updatedSince: cut })).map((e) => e.id)).toEqual(['second', 'third']);
      expect((await store.list({ limit: 2 })).map((e) => e.id)).toEqual(['first', 'second']);
      await expect(store.list({ limit: 0 })).rejects.toMatchObject({ reason: 'invalid' });

      await sleep(5);
      await store.update('first', (cur) => ({ ...cur!, counter: 10 }));
      expect((await store.list()).map((e) => e.id)).toEqual(['second', 'third', 'first']);
    });

    it('deletes, and a later update starts the conversation afresh', async () => {
      await store.update('c1', () => doc(1));
      await store.update('c1', (cur) => ({ ...cur!, counter: 2 }));
      expect(await store.delete('c1')).toBe(true);
      expect(await store.get('c1')).toBeUndefined();
      expect(await store.delete('c1')).toBe(false);
      expect((await store.list()).map((e) => e.id)).not.toContain('c1');
      const seen: (Doc | undefined)[] = [];
      const again = await store.update('c1', (cur) => {
        seen.push(cur);
        return doc(7);
      });
      expect(seen).toEqual([undefined]);
      expect(again).toMatchObject({ version: 1, doc: doc(7) });
    });

    it('does not resurrect a conversation deleted while an update was in flight', async () => {
      await store.update('c1', () => doc(1));
      const calls: (Doc | undefined)[] = [];
      const pending = store.update('c1', async (cur) => {
        calls.push(cur);
        if (calls.length === 1) await store.delete('c1');
        return cur ? { ...cur, counter: cur.counter + 1 } : undefined;
      });
      await pending;
      // The first attempt saw a document that was deleted before it could write: its CAS must fail.
      expect(calls[0]).toEqual(doc(1));
      expect(calls.at(-1)).toBeUndefined();
      expect(await store.get('c1')).toBeUndefined();
    });
  });
}
