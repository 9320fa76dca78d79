import type { AuditRecord, AuditRecordInput, AuditStore } from '../ports.js';
import { checkAuditRecord } from '../records.js';
import { clampLimit, dateMs } from '../validate.js';
import { createWriteBatcher } from './batcher.js';
import type { SqliteDatabase } from './database.js';

export function createSqliteAuditStore(db: SqliteDatabase): AuditStore & { flush(): void } {
  const insert = db.prepare('INSERT INTO audit (at_ms, conversation_id, kind, record) VALUES (?, ?, ?, ?)');
  const purge = db.prepare('DELETE FROM audit WHERE at_ms < ?');

  type Item = { atMs: number; record: AuditRecordInput };
  const insertOne = ({ atMs, record }: Item): number =>
    Number(
      insert.run(atMs, record.conversationId ?? null, record.kind, JSON.stringify(record)).lastInsertRowid,
    );
  const insertMany = db.transaction((items: readonly Item[]) => items.map(insertOne));
  // A lone record commits on its own (no BEGIN/COMMIT round); several share one transaction.
  const batch = createWriteBatcher<Item, number>((items) =>
    items.length === 1 ? [insertOne(items[0]!)] : insertMany(items),
  );
  return {
    flush: () => batch.flush(),
    async append(input) {
      return batch.push(checkAuditRecord(input));
    },
    async query(q = {}) {
      batch.flush();
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (q.conversationId !== undefined) {
        where.push('conversation_id = ?');
        params.push(q.conversationId);
      }
      if (q.kind !== undefined) {
        where.push('kind = ?');
        params.push(q.kind);
      }
      if (q.since !== undefined) {
        where.push('at_ms >= ?');
        params.push(dateMs('since', q.since));
      }
      if (q.until !== undefined) {
        where.push('at_ms < ?');
        params.push(dateMs('until', q.until));
      }
      const dir = (q.order ?? 'newest-first') === 'newest-first' ? 'DESC' : 'ASC';
      params.push(clampLimit(q.limit));
      // Only fixed fragments are interpolated; every value is a bound parameter.
      const sql = `SELECT id, record FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at_ms ${dir}, id ${dir} LIMIT ?`;
      return db
        .prepare<(string | number)[], { id: number; record: string }>(sql)
        .all(...params)
        .map((r) => ({ ...(JSON.parse(r.record) as AuditRecordInput), id: r.id }) satisfies AuditRecord);
    },
    async purge(before) {
      batch.flush();
      return purge.run(dateMs('before', before)).changes;
    },
  };
}
