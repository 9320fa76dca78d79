import type { AuditRecord, AuditRecordInput, AuditStore } from '../ports.js';
import { checkAuditRecord } from '../records.js';
import { clampLimit, dateMs } from '../validate.js';
import type { SqliteDatabase } from './database.js';

export function createSqliteAuditStore(db: SqliteDatabase): AuditStore {
  const insert = db.prepare('INSERT INTO audit (at_ms, conversation_id, kind, record) VALUES (?, ?, ?, ?)');
  const purge = db.prepare('DELETE FROM audit WHERE at_ms < ?');

  return {
    async append(input) {
      const { atMs, record } = checkAuditRecord(input);
      const result = insert.run(atMs, record.conversationId ?? null, record.kind, JSON.stringify(record));
      return Number(result.lastInsertRowid);
    },
    async query(q = {}) {
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
      return purge.run(dateMs('before', before)).changes;
    },
  };
}
