import type pg from 'pg';
import type { TranscriptEntry, TranscriptEntryInput, TranscriptStore } from '../ports.js';
import { checkTranscriptEntry } from '../records.js';
import { clampLimit, dateMs, requireId } from '../validate.js';

// One statement, so the counter bump and the insert commit or fail together (no gaps), and the row lock on
// the counter serialises appenders to one conversation across every instance. The counter lives apart from
// the entries so seq numbers are never reused after a purge.
const APPEND = `
  WITH next AS (
    INSERT INTO veil_transcript_seq AS s (conversation_id, last_seq) VALUES ($1, 1)
    ON CONFLICT (conversation_id) DO UPDATE SET last_seq = s.last_seq + 1
    RETURNING last_seq
  )
  INSERT INTO veil_transcript (conversation_id, seq, at, visibility, entry)
  SELECT $1, last_seq, $2, $3, $4 FROM next
  RETURNING seq`;

const LIST = `SELECT seq, entry FROM veil_transcript WHERE conversation_id = $1 AND seq > $2
  ORDER BY seq LIMIT $3`;
const LIST_CUSTOMER = `SELECT seq, entry FROM veil_transcript
  WHERE conversation_id = $1 AND seq > $2 AND visibility = 'all' ORDER BY seq LIMIT $3`;

export function createPostgresTranscriptStore(pool: pg.Pool): TranscriptStore {
  return {
    async append(conversationId, input) {
      requireId('conversationId', conversationId);
      const { atMs, entry } = checkTranscriptEntry(input);
      const { rows } = await pool.query<{ seq: string }>(APPEND, [
        conversationId,
        new Date(atMs),
        entry.visibility,
        JSON.stringify(entry),
      ]);
      return Number(rows[0]!.seq);
    },
    async list(conversationId, opts = {}) {
      requireId('conversationId', conversationId);
      const limit = clampLimit(opts.limit);
      const { rows } = await pool.query<{ seq: string; entry: TranscriptEntryInput }>(
        opts.audience === 'customer' ? LIST_CUSTOMER : LIST,
        [conversationId, opts.afterSeq ?? 0, limit],
      );
      return rows.map((r) => ({ ...r.entry, conversationId, seq: Number(r.seq) }) satisfies TranscriptEntry);
    },
    async purge(before) {
      const { rowCount } = await pool.query('DELETE FROM veil_transcript WHERE at < $1', [
        new Date(dateMs('before', before)),
      ]);
      return rowCount ?? 0;
    },
  };
}
