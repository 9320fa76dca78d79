import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptEntryInput, TranscriptStore } from '../../src/storage/ports.js';
import type { Harness, MakeHarness } from './harness.js';

const entry = (text: string, over: Partial<TranscriptEntryInput> = {}): TranscriptEntryInput => ({
  at: '2025-03-01T10:00:00.000Z',
  from: 'customer',
  text,
  visibility: 'all',
  ...over,
});

export function transcriptStoreContract(name: string, make: MakeHarness<TranscriptStore>): void {
  describe(`TranscriptStore contract: ${name}`, () => {
    let h: Harness<TranscriptStore>;
    let t: TranscriptStore;
    beforeEach(async () => {
      h = await make();
      t = h.subject;
    });
    afterEach(async () => {
      await h.close();
    });

    it('numbers entries per conversation from 1 and lists them in order with every field', async () => {
      expect(await t.append('c1', entry('hi, my email is [EMAIL_1]', { activityId: 'act-1' }))).toBe(1);
      const blocked = entry('Your address is [BLOCKED]', {
        from: 'agent',
        decision: 'block',
        rule: 'guard.disclosure.on-file',
        visibility: 'agent-only',
        meta: { agent: 'a-7', kinds: ['address'] },
      });
      expect(await t.append('c1', blocked)).toBe(2);
      expect(await t.append('c2', entry('other chat'))).toBe(1);
      expect(await t.append('c1', entry('ok', { from: 'veil', at: '2025-03-01T10:01:00.000Z' }))).toBe(3);

      const list = await t.list('c1');
      expect(list.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(list[0]).toEqual({
        ...entry('hi, my email is [EMAIL_1]', { activityId: 'act-1' }),
        conversationId: 'c1',
        seq: 1,
      });
      expect(list[1]).toEqual({ ...blocked, conversationId: 'c1', seq: 2 });
      expect(await t.list('c2')).toHaveLength(1);
      expect(await t.list('unknown')).toEqual([]);
    });

    it('pages with afterSeq and limit', async () => {
      for (let i = 1; i <= 7; i++) await t.append('c1', entry(`m${i}`));
      expect((await t.list('c1', { afterSeq: 3, limit: 2 })).map((e) => e.text)).toEqual(['m4', 'm5']);
      expect((await t.list('c1', { afterSeq: 7 })).length).toBe(0);
      await expect(t.list('c1', { limit: -1 })).rejects.toMatchObject({ reason: 'invalid' });
    });

    it('leaves agent-only entries out of the customer view', async () => {
      await t.append('c1', entry('question'));
      await t.append(
        'c1',
        entry('blocked reply', { from: 'agent', decision: 'block', visibility: 'agent-only' }),
      );
      await t.append('c1', entry('good reply', { from: 'agent', decision: 'deliver' }));
      expect((await t.list('c1', { audience: 'customer' })).map((e) => e.seq)).toEqual([1, 3]);
      expect((await t.list('c1', { audience: 'agent' })).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it('gives concurrent appends distinct, gap-free sequence numbers', async () => {
      const seqs = await Promise.all(Array.from({ length: 30 }, (_, i) => t.append('c1', entry(`m${i}`))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect((await t.list('c1')).map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    });

    it('purges entries older than the cut-off and never reuses their sequence numbers', async () => {
      await t.append('c1', entry('old', { at: '2025-01-01T00:00:00.000Z' }));
      await t.append('c2', entry('old too', { at: '2025-01-02T00:00:00+02:00' }));
      await t.append('c1', entry('new', { at: '2025-02-01T00:00:00.000Z' }));
      expect(await t.purge(new Date('2025-01-15T00:00:00.000Z'))).toBe(2);
      expect((await t.list('c1')).map((e) => e.text)).toEqual(['new']);
      expect(await t.list('c2')).toEqual([]);
      expect(await t.append('c2', entry('after purge'))).toBe(2);
      expect(await t.purge(new Date('2025-01-15T00:00:00.000Z'))).toBe(0);
    });

    it('rejects an entry with a bad timestamp, sender or visibility', async () => {
      await expect(t.append('c1', entry('x', { at: 'yesterday' }))).rejects.toMatchObject({
        name: 'StorageError',
        reason: 'invalid',
        field: 'at',
      });
      await expect(t.append('c1', entry('x', { from: 'robot' as 'agent' }))).rejects.toMatchObject({
        field: 'from',
      });
      await expect(t.append('c1', entry('x', { visibility: 'nobody' as 'all' }))).rejects.toMatchObject({
        field: 'visibility',
      });
      await expect(t.append('', entry('x'))).rejects.toMatchObject({ reason: 'invalid' });
      expect(await t.list('c1')).toEqual([]);
      expect(await t.append('c1', entry('fine'))).toBe(1);
    });
  });
}
