import { createCipher } from '../crypto.js';
import { createMemoryEventBus, type MemoryEventBusOptions } from '../memory/events.js';
import type { Clock, Stores } from '../ports.js';
import { createStateStore } from '../state.js';
import { createSqliteAuditStore } from './audit.js';
import { type Checkpointer, startCheckpointer } from './checkpointer.js';
import { openDatabase } from './database.js';
import { createSqliteDedupStore } from './dedup.js';
import { createSqliteStateBackend } from './state.js';
import { createSqliteTranscriptStore } from './transcripts.js';
import { createInlineWriter, createWorkerWriter, type SqliteWriter } from './writer.js';

export interface SqliteStoresOptions {
  /** Database file (VEIL_DB); created and migrated on first use. */
  path: string;
  /** VEIL_SECRET: the key for conversation state at rest is derived from it. */
  secret: string;
  now?: Clock;
  onEventHandlerError?: MemoryEventBusOptions['onHandlerError'];
  /**
   * Where writes and WAL checkpoints run (default 'worker' for a file): 'worker' commits on a writer thread
   * and checkpoints on another, so neither blocks the event loop; 'inline' does both on the main connection.
   * An in-memory database is always inline (a second connection cannot see it).
   */
  writes?: 'worker' | 'inline';
  /** Told when a writer or checkpoint thread fails; that work then runs on the main connection again. */
  onWorkerError?: (error: Error) => void;
}

/** Durable stores in one SQLite file. Events stay in-process: SSE subscribers live in this process anyway. */
export async function openSqliteStores<S = unknown>(opts: SqliteStoresOptions): Promise<Stores<S>> {
  // The cipher first: a bad secret should fail before a file is created.
  const cipher = createCipher(opts.secret);
  const db = openDatabase(opts.path);
  const clock = opts.now ? { now: opts.now } : {};
  let closed = false;
  const threaded = opts.path !== ':memory:' && (opts.writes ?? 'worker') === 'worker';
  const onError = opts.onWorkerError ? { onError: opts.onWorkerError } : {};
  let writer: SqliteWriter;
  let checkpointer: Checkpointer | undefined;
  if (threaded) {
    writer = createWorkerWriter(db, opts.path, { autoCheckpoint: 0, ...onError });
    checkpointer = startCheckpointer(writer, opts.path, onError);
  } else {
    writer = createInlineWriter(db);
  }
  return {
    state: createStateStore<S>(createSqliteStateBackend(db, writer), cipher, clock),
    dedup: createSqliteDedupStore(writer, clock),
    transcripts: createSqliteTranscriptStore(db, writer),
    audit: createSqliteAuditStore(db, writer),
    events: createMemoryEventBus(
      opts.onEventHandlerError ? { onHandlerError: opts.onEventHandlerError } : {},
    ),
    async close() {
      if (closed) return;
      closed = true;
      // Writes submitted before close() are committed before the file closes.
      await writer.close();
      await checkpointer?.close();
      db.close();
    },
  };
}
