import type { AuditRecord, AuditStore } from '../ports.js';
import { checkAuditRecord } from '../records.js';
import { clampLimit, dateMs, jsonCopy } from '../validate.js';

export function createMemoryAuditStore(): AuditStore {
  let records: { atMs: number; record: AuditRecord }[] = [];
  let lastId = 0;
  return {
    async append(input) {
      const { atMs, record } = checkAuditRecord(input);
      const id = ++lastId;
      records.push({ atMs, record: { ...record, id } });
      return id;
    },
    async query(q = {}) {
      const limit = clampLimit(q.limit);
      const since = q.since ? dateMs('since', q.since) : undefined;
      const until = q.until ? dateMs('until', q.until) : undefined;
      const matches = records.filter(
        ({ atMs, record }) =>
          (q.conversationId === undefined || record.conversationId === q.conversationId) &&
          (q.kind === undefined || record.kind === q.kind) &&
          (since === undefined || atMs >= since) &&
          (until === undefined || atMs < until),
      );
      // Ordered by time, then append order, exactly as the SQL adapters' ORDER BY at_ms, id.
      matches.sort((a, b) => a.atMs - b.atMs || a.record.id - b.record.id);
      if ((q.order ?? 'newest-first') === 'newest-first') matches.reverse();
      return matches.slice(0, limit).map(({ record }) => jsonCopy(record));
    },
    async purge(before) {
      const cutoff = dateMs('before', before);
      const kept = records.filter((r) => r.atMs >= cutoff);
      const removed = records.length - kept.length;
      records = kept;
      return removed;
    },
  };
}
