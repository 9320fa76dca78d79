import type { TranscriptEntry, TranscriptEntryInput, TranscriptStore } from '../ports.js';
import { checkTranscriptEntry } from '../records.js';
import { clampLimit, dateMs, requireId } from '../validate.js';
import type { SqliteDatabase } from './database.js';
import type { SqliteWriter } from './writer.js';

// The counter lives apart from the entries so seq numbers are never reused after a purge. Both steps run in
// one transaction on the single writing connection, so two appends cannot read the same counter value.
const NEXT_SEQ = `INSERT INTO transcript_seq (conversation_id, last_seq) VALUES (?, 1)
  ON CONFLICT (conversation_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`;
const INSERT = `INSERT INTO transcript (conversation_id, seq, at_ms, visibility, entry)
  VALUES (?, (SELECT last_seq FROM transcript_seq WHERE conversation_id = ?), ?, ?, ?)`;
const PURGE = 'DELETE FROM transcript WHERE at_ms < ?';

/** Reads on `db` (the main connection); writes through `writer`. */
export function createSqliteTranscriptStore(db: SqliteDatabase, writer: SqliteWriter): TranscriptStore {
  const listAll = db.prepare<[string, number, number], { seq: number; entry: string }>(
    'SELECT seq, entry FROM transcript WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const listCustomer = db.prepare<[string, number, number], { seq: number; entry: string }>(
    `SELECT seq, entry FROM transcript WHERE conversation_id = ? AND seq > ? AND visibility = 'all'
     ORDER BY seq LIMIT ?`,
  );
  return {
    async append(conversationId, input) {
      requireId('conversationId', conversationId);
      const { atMs, entry } = checkTranscriptEntry(input);
      const [seq] = await writer.run([
        { sql: NEXT_SEQ, params: [conversationId], returns: 'row' },
        {
          sql: INSERT,
          params: [conversationId, conversationId, atMs, entry.visibility, JSON.stringify(entry)],
        },
      ]);
      return (seq as { last_seq: number }).last_seq;
    },
    async list(conversationId, opts = {}) {
      // Reads see every write acknowledged or already submitted.
      await writer.drain();
      requireId('conversationId', conversationId);
      const stmt = opts.audience === 'customer' ? listCustomer : listAll;
      return stmt.all(conversationId, opts.afterSeq ?? 0, clampLimit(opts.limit)).map(
        (r) =>
          ({
            ...(JSON.parse(r.entry) as TranscriptEntryInput),
            conversationId,
            seq: r.seq,
          }) satisfies TranscriptEntry,
      );
    },
    async purge(before) {
      const [changes] = await writer.run([{ sql: PURGE, params: [dateMs('before', before)] }]);
      return changes as number;
    },
  };
}
