import type { TranscriptEntry, TranscriptEntryInput, TranscriptStore } from '../ports.js';
import { checkTranscriptEntry } from '../records.js';
import { clampLimit, dateMs, requireId } from '../validate.js';
import { createWriteBatcher } from './batcher.js';
import type { SqliteDatabase } from './database.js';

export function createSqliteTranscriptStore(db: SqliteDatabase): TranscriptStore & { flush(): void } {
  // The counter lives apart from the entries so seq numbers are never reused after a purge.
  const nextSeq = db.prepare<[string], { last_seq: number }>(
    `INSERT INTO transcript_seq (conversation_id, last_seq) VALUES (?, 1)
     ON CONFLICT (conversation_id) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  );
  const insert = db.prepare(
    'INSERT INTO transcript (conversation_id, seq, at_ms, visibility, entry) VALUES (?, ?, ?, ?, ?)',
  );
  const listAll = db.prepare<[string, number, number], { seq: number; entry: string }>(
    'SELECT seq, entry FROM transcript WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const listCustomer = db.prepare<[string, number, number], { seq: number; entry: string }>(
    `SELECT seq, entry FROM transcript WHERE conversation_id = ? AND seq > ? AND visibility = 'all'
     ORDER BY seq LIMIT ?`,
  );
  const purge = db.prepare('DELETE FROM transcript WHERE at_ms < ?');

  type Item = { conversationId: string; atMs: number; entry: TranscriptEntryInput };
  const appendAll = db.transaction((items: readonly Item[]): number[] =>
    items.map(({ conversationId, atMs, entry }) => {
      const seq = nextSeq.get(conversationId)!.last_seq;
      insert.run(conversationId, seq, atMs, entry.visibility, JSON.stringify(entry));
      return seq;
    }),
  );
  // IMMEDIATE takes the write lock up front, so two processes cannot read the same counter value.
  const batch = createWriteBatcher<Item, number>((items) => appendAll.immediate(items));

  return {
    flush: () => batch.flush(),
    async append(conversationId, input) {
      requireId('conversationId', conversationId);
      const { atMs, entry } = checkTranscriptEntry(input);
      return batch.push({ conversationId, atMs, entry });
    },
    async list(conversationId, opts = {}) {
      batch.flush();
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
      batch.flush();
      return purge.run(dateMs('before', before)).changes;
    },
  };
}
