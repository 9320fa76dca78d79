import type { AuditRecord, AuditRecordInput, AuditStore } from '../ports.js';
import { checkAuditRecord } from '../records.js';
import { clampLimit, dateMs } from '../validate.js';
import type { SqliteDatabase } from './database.js';
import type { SqliteWriter } from './writer.js';

const INSERT = 'INSERT INTO audit (at_ms, conversation_id, kind, record) VALUES (?, ?, ?, ?)';
const PURGE = 'DELETE FROM audit WHERE at_ms < ?';

/** Reads on `db` (the main connection); writes through `writer`. */
export function createSqliteAuditStore(db: SqliteDatabase, writer: SqliteWriter): AuditStore {
  return {
    async append(input) {
      const { atMs, record } = checkAuditRecord(input);
      const [id] = await writer.run([
        {
          sql: INSERT,
          params: [atMs, record.conversationId ?? null, record.kind, JSON.stringify(record)],
          returns: 'rowid',
        },
      ]);
      return id as number;
    },
    async query(q = {}) {
      // Reads see every write acknowledged or already submitted.
      await writer.drain();
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
      const [changes] = await writer.run([{ sql: PURGE, params: [dateMs('before', before)] }]);
      return changes as number;
    },
  };
}
