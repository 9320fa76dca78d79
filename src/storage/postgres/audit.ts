import type pg from 'pg';
import type { AuditRecord, AuditRecordInput, AuditStore } from '../ports.js';
import { checkAuditRecord } from '../records.js';
import { clampLimit, dateMs } from '../validate.js';

export function createPostgresAuditStore(pool: pg.Pool): AuditStore {
  return {
    async append(input) {
      const { atMs, record } = checkAuditRecord(input);
      const { rows } = await pool.query<{ id: string }>(
        'INSERT INTO veil_audit (at, conversation_id, kind, record) VALUES ($1, $2, $3, $4) RETURNING id',
        [new Date(atMs), record.conversationId ?? null, record.kind, JSON.stringify(record)],
      );
      return Number(rows[0]!.id);
    },
    async query(q = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const bind = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (q.conversationId !== undefined) bind('conversation_id = ?', q.conversationId);
      if (q.kind !== undefined) bind('kind = ?', q.kind);
      if (q.since !== undefined) bind('at >= ?', new Date(dateMs('since', q.since)));
      if (q.until !== undefined) bind('at < ?', new Date(dateMs('until', q.until)));
      const dir = (q.order ?? 'newest-first') === 'newest-first' ? 'DESC' : 'ASC';
      params.push(clampLimit(q.limit));
      // Only fixed fragments are interpolated; every value is a bound parameter.
      const sql = `SELECT id, record FROM veil_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at ${dir}, id ${dir} LIMIT $${params.length}`;
      const { rows } = await pool.query<{ id: string; record: AuditRecordInput }>(sql, params);
      return rows.map((r) => ({ ...r.record, id: Number(r.id) }) satisfies AuditRecord);
    },
    async purge(before) {
      const { rowCount } = await pool.query('DELETE FROM veil_audit WHERE at < $1', [
        new Date(dateMs('before', before)),
      ]);
      return rowCount ?? 0;
    },
  };
}
