/**
 * Every write to the SQLite file goes through a writer. The default runs them on a worker thread with its
 * own connection, so a turn's commit (B-tree inserts, WAL appends, the occasional wait for a lock) costs
 * the event loop one message each way instead of ~0.3 ms of synchronous work; the main connection only
 * reads. The inline writer runs the same code on the main connection: for `:memory:` databases, which a
 * second connection cannot see, and as the fallback when the worker cannot start or dies.
 *
 * Writes submitted in the same event-loop turn (and, on the worker, everything queued while the previous
 * batch ran) share one IMMEDIATE transaction; each write is a savepoint inside it, so one failing write
 * fails alone. A write resolves only once its transaction has committed.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { closeThread } from './thread.js';
import type { SqliteDatabase } from './database.js';

export type SqlValue = string | number | bigint | null;

export interface WriteStep {
  sql: string;
  params: readonly SqlValue[];
  /** What the step yields: rows changed (default), the inserted rowid, or the first returned row. */
  returns?: 'changes' | 'rowid' | 'row';
}

export type StepResult = number | Record<string, unknown> | undefined;

export interface SqliteWriter {
  /** Runs the steps in order, all or none; resolves with one result per step once committed. */
  run(steps: readonly WriteStep[]): Promise<StepResult[]>;
  /** Resolves once every write submitted before the call has committed (or failed). */
  drain(): Promise<void>;
  /** SQLite's auto-checkpoint threshold on the writing connection (0 = off: a checkpointer runs). */
  setAutoCheckpoint(pages: number): void;
  /** Commits what is queued and releases the writing connection. */
  close(): Promise<void>;
  readonly mode: 'worker' | 'inline';
}

/** A write that SQLite refused; `code` is SQLite's (e.g. SQLITE_FULL). Never carries stored values. */
export class SqliteWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteWriteError';
  }
}

type Outcome = { ok: true; value: StepResult[] } | { ok: false; message: string; code?: string };

interface StatementLike {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
}
interface DatabaseLike {
  prepare(sql: string): StatementLike;
}

/**
 * Runs a batch in one transaction, each operation in its own savepoint. It must stay self-contained (no
 * imports, no closure over module state): the worker thread gets it as source text.
 */
export function executeBatch(
  db: DatabaseLike,
  cache: Map<string, StatementLike>,
  ops: readonly (readonly WriteStep[])[],
): Outcome[] {
  const prepare = (sql: string): StatementLike => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const failure = (e: unknown): Outcome => ({
    ok: false,
    message: e instanceof Error ? e.message : String(e),
    code: (e as { code?: string } | null)?.code,
  });
  const runOp = (steps: readonly WriteStep[]): StepResult[] =>
    steps.map((step) => {
      const stmt = prepare(step.sql);
      if (step.returns === 'row') return stmt.get(...step.params) as StepResult;
      const info = stmt.run(...step.params);
      return step.returns === 'rowid' ? Number(info.lastInsertRowid) : info.changes;
    });
  const outcomes: Outcome[] = [];
  prepare('BEGIN IMMEDIATE').run();
  try {
    for (const steps of ops) {
      prepare('SAVEPOINT veil_op').run();
      try {
        outcomes.push({ ok: true, value: runOp(steps) });
        prepare('RELEASE veil_op').run();
      } catch (e) {
        outcomes.push(failure(e));
        prepare('ROLLBACK TO veil_op').run();
        prepare('RELEASE veil_op').run();
      }
    }
    prepare('COMMIT').run();
  } catch (e) {
    // BEGIN succeeded but the transaction cannot be committed (disk full, I/O error): nothing was written.
    try {
      prepare('ROLLBACK').run();
    } catch {
      // Already rolled back by SQLite.
    }
    const f = failure(e);
    return ops.map(() => f);
  }
  return outcomes;
}

interface Pending {
  steps: readonly WriteStep[];
  resolve: (r: StepResult[]) => void;
  reject: (e: Error) => void;
}

const settle = (p: Pending, o: Outcome): void => {
  if (o.ok) p.resolve(o.value);
  else p.reject(new SqliteWriteError(o.message, o.code));
};

/** Writes on the calling thread's connection, batched per event-loop turn. */
export function createInlineWriter(db: SqliteDatabase): SqliteWriter {
  const cache = new Map<string, StatementLike>();
  let queue: Pending[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = executeBatch(
        db as unknown as DatabaseLike,
        cache,
        batch.map((p) => p.steps),
      );
    } catch (e) {
      // BEGIN itself failed (database locked past busy_timeout, closed): every write in the batch fails.
      const message = e instanceof Error ? e.message : String(e);
      outcomes = batch.map(() => ({ ok: false, message, code: (e as { code?: string }).code }));
    }
    for (const [i, p] of batch.entries()) settle(p, outcomes[i]!);
  };
  return {
    mode: 'inline',
    run(steps) {
      return new Promise((resolve, reject) => {
        queue.push({ steps, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async drain() {
      flush();
    },
    setAutoCheckpoint(pages) {
      db.pragma(`wal_autocheckpoint = ${Math.max(0, Math.floor(pages))}`);
    },
    async close() {
      flush();
    },
  };
}

export interface WorkerWriterOptions {
  /** Pages; 0 while a checkpointer runs. */
  autoCheckpoint?: number;
  /** Told once if the worker fails; its queued and later writes then run inline on `fallbackDb`. */
  onError?: (error: Error) => void;
  /** For tests: the module the worker loads instead of better-sqlite3. */
  driverPath?: string;
  /** Called with the thread once it exists (diagnostics; tests use it to kill the thread). */
  onThread?: (worker: Worker) => void;
}

// CommonJS on purpose: an eval'd worker cannot import, and this keeps the worker independent of how the
// main module was loaded (dist/ JS, or TypeScript under vitest/tsx).
const workerSource = (): string => `
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const executeBatch = ${executeBatch.toString()};
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = ' + workerData.autoCheckpoint);
const cache = new Map();
const handle = (m) => {
  if (m.type === 'batch') {
    // Everything that queued up while the previous batch ran shares this one transaction.
    const batches = [m];
    let next;
    let deferred;
    while ((next = receiveMessageOnPort(parentPort))) {
      if (next.message.type === 'batch') batches.push(next.message);
      else { deferred = next.message; break; }
    }
    let outcomes;
    try {
      outcomes = executeBatch(db, cache, batches.flatMap((b) => b.ops));
    } catch (e) {
      const f = { ok: false, message: String((e && e.message) || e), code: e && e.code };
      outcomes = batches.flatMap((b) => b.ops.map(() => f));
    }
    let i = 0;
    for (const b of batches) {
      parentPort.postMessage({ type: 'done', id: b.id, outcomes: outcomes.slice(i, i + b.ops.length) });
      i += b.ops.length;
    }
    if (deferred) handle(deferred);
  } else if (m.type === 'autocheckpoint') {
    db.pragma('wal_autocheckpoint = ' + m.pages);
  } else if (m.type === 'close') {
    db.close();
    parentPort.close();
  }
};
parentPort.on('message', handle);
parentPort.postMessage({ type: 'ready' });
`;

/**
 * Writes on a worker thread's own connection to `path`. If the worker fails, writes it had not yet been
 * sent run inline on `fallbackDb` from then on, as do writes sent to a thread that never opened its
 * connection. Writes a running thread had been sent but not acknowledged are rejected: their transaction
 * may or may not have committed, and replaying them could apply an audit record or a transcript entry
 * twice, so their callers fail and the channel's retry is deduplicated as usual.
 */
export function createWorkerWriter(
  fallbackDb: SqliteDatabase,
  path: string,
  opts: WorkerWriterOptions = {},
): SqliteWriter {
  const driverPath = opts.driverPath ?? createRequire(import.meta.url).resolve('better-sqlite3');
  let autoCheckpoint = opts.autoCheckpoint ?? 1000;
  const inflight = new Map<number, Pending[]>();
  let queue: Pending[] = [];
  let scheduled = false;
  let nextId = 0;
  let closing = false;
  // Until the thread has opened its connection it cannot have committed anything.
  let ready = false;
  let fallback: SqliteWriter | undefined;
  let drainWaiters: { upTo: number; resolve: () => void }[] = [];

  const worker = new Worker(workerSource(), {
    eval: true,
    workerData: { path, driverPath, autoCheckpoint },
  });
  worker.unref();
  opts.onThread?.(worker);

  const wakeDrainers = (): void => {
    const lowest = inflight.size === 0 ? Number.POSITIVE_INFINITY : Math.min(...inflight.keys());
    drainWaiters = drainWaiters.filter((w) => {
      if (w.upTo < lowest) {
        w.resolve();
        return false;
      }
      return true;
    });
  };

  const fail = (error: Error): void => {
    if (fallback) return;
    fallback = createInlineWriter(fallbackDb);
    fallback.setAutoCheckpoint(autoCheckpoint);
    opts.onError?.(error);
    const unacknowledged = [...inflight.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, ps]) => ps);
    inflight.clear();
    let waiting = queue;
    queue = [];
    if (ready) {
      const unknown = new SqliteWriteError(
        `the SQLite writer thread failed before confirming this write (${error.message}); it may or may not have been committed`,
        'VEIL_WRITER_FAILED',
      );
      for (const p of unacknowledged) p.reject(unknown);
    } else {
      waiting = [...unacknowledged, ...waiting];
    }
    for (const p of waiting) fallback.run(p.steps).then(p.resolve, p.reject);
    void fallback.drain().then(wakeDrainers);
  };

  worker.on('message', (m: { type: string; id: number; outcomes: Outcome[] }) => {
    if (m.type === 'ready') ready = true;
    if (m.type !== 'done') return;
    const batch = inflight.get(m.id);
    inflight.delete(m.id);
    for (const [i, p] of (batch ?? []).entries()) settle(p, m.outcomes[i]!);
    wakeDrainers();
  });
  worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`SQLite writer thread exited with code ${code}`));
  });

  const post = (): void => {
    scheduled = false;
    if (queue.length === 0) return;
    const id = nextId++;
    inflight.set(id, queue);
    worker.postMessage({ type: 'batch', id, ops: queue.map((p) => p.steps) });
    queue = [];
  };

  const drain = (): Promise<void> => {
    if (fallback) return fallback.drain();
    post();
    if (inflight.size === 0) return Promise.resolve();
    const upTo = nextId - 1;
    return new Promise((resolve) => drainWaiters.push({ upTo, resolve }));
  };

  return {
    get mode() {
      return fallback ? 'inline' : 'worker';
    },
    run(steps) {
      if (fallback) return fallback.run(steps);
      if (closing) return Promise.reject(new SqliteWriteError('the SQLite writer is closed', 'VEIL_CLOSED'));
      return new Promise((resolve, reject) => {
        queue.push({ steps, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(post);
        }
      });
    },
    drain,
    setAutoCheckpoint(pages) {
      autoCheckpoint = Math.max(0, Math.floor(pages));
      if (fallback) fallback.setAutoCheckpoint(autoCheckpoint);
      else worker.postMessage({ type: 'autocheckpoint', pages: autoCheckpoint });
    },
    async close() {
      if (fallback) return fallback.close();
      if (closing) return;
      await drain();
      if (fallback) return;
      closing = true;
      await closeThread(worker);
    },
  };
}
