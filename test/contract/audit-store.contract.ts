import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecordInput, AuditStore } from '../../src/storage/ports.js';
import type { Harness, MakeHarness } from './harness.js';

const rec = (minute: number, over: Partial<AuditRecordInput> = {}): AuditRecordInput => ({
  at: `2025-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  conversationId: 'c1',
  kind: 'mask',
  policyVersion: 'abc123def456',
  detail: `masked [EMAIL_1] at minute ${minute}`,
  ...over,
});

export function auditStoreContract(name: string, make: MakeHarness<AuditStore>): void {
  describe(`AuditStore contract: ${name}`, () => {
    let h: Harness<AuditStore>;
    let audit: AuditStore;
    beforeEach(async () => {
      h = await make();
      audit = h.subject;
    });
    afterEach(async () => {
      await h.close();
    });

    it('assigns increasing ids and returns newest first by default, every field intact', async () => {
      const block = rec(2, {
        kind: 'block',
        rule: 'guard.disclosure.on-file',
        actor: 'agent:a-7',
        data: { kinds: ['address'], level: 'none', nested: { ok: true, n: 1.5 } },
      });
      const ids = [await audit.append(rec(1)), await audit.append(block), await audit.append(rec(3))];
      expect(ids[1]).toBeGreaterThan(ids[0]!);
      expect(ids[2]).toBeGreaterThan(ids[1]!);
      const all = await audit.query();
      expect(all.map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(all[1]).toEqual({ ...block, id: ids[1] });
    });

    it('orders by time rather than append order, oldest first on request', async () => {
      await audit.append(rec(5, { detail: 'late' }));
      await audit.append(rec(1, { detail: 'early' }));
      await audit.append(rec(3, { detail: 'middle' }));
      expect((await audit.query({ order: 'oldest-first' })).map((r) => r.detail)).toEqual([
        'early',
        'middle',
        'late',
      ]);
      expect((await audit.query({ order: 'newest-first' })).map((r) => r.detail)).toEqual([
        'late',
        'middle',
        'early',
      ]);
    });

    it('filters by conversation, kind, time range and limit', async () => {
      await audit.append(rec(1));
      await audit.append(rec(2, { conversationId: 'c2' }));
      await audit.append(rec(3, { kind: 'verification' }));
      await audit.append(rec(4, { conversationId: undefined, kind: 'policy', detail: 'policy reloaded' }));
      await audit.append(rec(5, { kind: 'verification' }));

      expect((await audit.query({ conversationId: 'c2' })).map((r) => r.at)).toEqual([rec(2).at]);
      expect((await audit.query({ kind: 'verification' })).map((r) => r.at)).toEqual([rec(5).at, rec(3).at]);
      expect((await audit.query({ conversationId: 'c1', kind: 'mask' })).length).toBe(1);
      const ranged = await audit.query({
        since: new Date(rec(2).at),
        until: new Date(rec(4).at),
        order: 'oldest-first',
      });
      expect(ranged.map((r) => r.at)).toEqual([rec(2).at, rec(3).at]);
      expect((await audit.query({ limit: 2 })).map((r) => r.at)).toEqual([rec(5).at, rec(4).at]);
      const policy = (await audit.query({ kind: 'policy' }))[0]!;
      expect(policy.conversationId).toBeUndefined();
    });

    it('purges records older than the cut-off', async () => {
      await audit.append(rec(1));
      await audit.append(rec(2));
      await audit.append(rec(9));
      expect(await audit.purge(new Date(rec(5).at))).toBe(2);
      expect((await audit.query()).map((r) => r.at)).toEqual([rec(9).at]);
      const next = await audit.append(rec(10));
      expect((await audit.query())[0]!.id).toBe(next);
    });

    it('rejects records without a valid timestamp, kind, policy version or detail', async () => {
      await expect(audit.append(rec(1, { at: 'soon' }))).rejects.toMatchObject({
        name: 'StorageError',
        field: 'at',
      });
      await expect(audit.append(rec(1, { kind: '' }))).rejects.toMatchObject({ field: 'kind' });
      await expect(
        audit.append({ ...rec(1), policyVersion: undefined as unknown as string }),
      ).rejects.toMatchObject({
        field: 'policyVersion',
      });
      await expect(audit.append({ ...rec(1), detail: 42 as unknown as string })).rejects.toMatchObject({
        field: 'detail',
      });
      expect(await audit.query()).toEqual([]);
    });
  });
}
