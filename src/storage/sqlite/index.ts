import { createCipher } from '../crypto.js';
import { createMemoryEventBus, type MemoryEventBusOptions } from '../memory/events.js';
import type { Clock, Stores } from '../ports.js';
import { createStateStore } from '../state.js';
import { createSqliteAuditStore } from './audit.js';
import { openDatabase } from './database.js';
import { createSqliteDedupStore } from './dedup.js';
import { createSqliteStateBackend } from './state.js';
import { createSqliteTranscriptStore } from './transcripts.js';

export interface SqliteStoresOptions {
  /** Database file (VEIL_DB); created and migrated on first use. */
  path: string;
  /** VEIL_SECRET: the key for conversation state at rest is derived from it. */
  secret: string;
  now?: Clock;
  onEventHandlerError?: MemoryEventBusOptions['onHandlerError'];
}

/** Durable stores in one SQLite file. Events stay in-process: SSE subscribers live in this process anyway. */
export async function openSqliteStores<S = unknown>(opts: SqliteStoresOptions): Promise<Stores<S>> {
  // The cipher first: a bad secret should fail before a file is created.
  const cipher = createCipher(opts.secret);
  const db = openDatabase(opts.path);
  const clock = opts.now ? { now: opts.now } : {};
  let closed = false;
  const transcripts = createSqliteTranscriptStore(db);
  const audit = createSqliteAuditStore(db);
  return {
    state: createStateStore<S>(createSqliteStateBackend(db), cipher, clock),
    dedup: createSqliteDedupStore(db, clock),
    transcripts,
    audit,
    events: createMemoryEventBus(
      opts.onEventHandlerError ? { onHandlerError: opts.onEventHandlerError } : {},
    ),
    async close() {
      if (closed) return;
      closed = true;
      // Writes acknowledged later in this tick are committed before the file closes.
      transcripts.flush();
      audit.flush();
      db.close();
    },
  };
}
