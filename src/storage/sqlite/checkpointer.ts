/**
 * Moves SQLite's WAL checkpoints off the event loop.
 *
 * In WAL mode with `synchronous = NORMAL` a commit only appends to the WAL file; the expensive part is the
 * checkpoint, which copies the WAL back into the database and fsyncs both files. SQLite runs it inside
 * whichever commit crosses the auto-checkpoint threshold, so every ~1,000 pages one unlucky turn (and every
 * write queued behind it) waited tens of milliseconds for the disk. Here the writing connection turns
 * auto-checkpointing off and a worker thread with its own connection runs PASSIVE checkpoints on a timer:
 * they never block writers, so the fsync happens beside the writes, not inside them.
 *
 * If the worker cannot start or dies, the writing connection gets auto-checkpointing back (the WAL must not
 * grow without bound) and `onError` is told.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { closeThread } from './thread.js';

export interface CheckpointerOptions {
  /** How often the worker checkpoints, in ms. */
  intervalMs?: number;
  /** SQLite's default threshold, restored on the writing connection if the worker fails. */
  fallbackPages?: number;
  onError?: (error: Error) => void;
  /** For tests: the module the worker loads instead of better-sqlite3. */
  driverPath?: string;
}

export interface Checkpointer {
  /** Runs one checkpoint now and resolves with SQLite's answer (busy flag, WAL frames, frames copied). */
  checkpointNow(): Promise<{ busy: number; log: number; checkpointed: number }>;
  /** Stops the worker after a final checkpoint; safe to call twice. */
  close(): Promise<void>;
  /** False once the worker has failed and the main connection checkpoints for itself again. */
  readonly active: boolean;
}

// CommonJS on purpose: an eval'd worker cannot import, and this keeps the worker independent of how the
// main module was loaded (dist/ JS, or TypeScript under vitest/tsx).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
// Keeps the WAL file from staying at its high-water mark after a burst.
db.pragma('journal_size_limit = ' + (64 * 1024 * 1024));
const checkpoint = (mode) => db.pragma('wal_checkpoint(' + mode + ')')[0];
const timer = setInterval(() => {
  try { checkpoint('PASSIVE'); } catch (e) { parentPort.postMessage({ type: 'error', message: String(e && e.message || e) }); }
}, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m.type === 'now') {
    try { parentPort.postMessage({ type: 'done', id: m.id, result: checkpoint('PASSIVE') }); }
    catch (e) { parentPort.postMessage({ type: 'done', id: m.id, error: String(e && e.message || e) }); }
  } else if (m.type === 'close') {
    clearInterval(timer);
    try { checkpoint('TRUNCATE'); } catch {}
    db.close();
    parentPort.close();
  }
});
parentPort.postMessage({ type: 'ready' });
`;

const DEFAULT_AUTOCHECKPOINT = 1000;

/** The connection that commits writes: the checkpointer switches its auto-checkpointing off, or back on. */
export interface AutoCheckpointTarget {
  setAutoCheckpoint(pages: number): void;
}

export function startCheckpointer(
  writer: AutoCheckpointTarget,
  path: string,
  opts: CheckpointerOptions = {},
): Checkpointer {
  const driverPath = opts.driverPath ?? createRequire(import.meta.url).resolve('better-sqlite3');
  const pending = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let active = true;
  let closing = false;

  const fail = (error: Error): void => {
    if (!active) return;
    active = false;
    writer.setAutoCheckpoint(opts.fallbackPages ?? DEFAULT_AUTOCHECKPOINT);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    opts.onError?.(error);
  };

  writer.setAutoCheckpoint(0);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, driverPath, intervalMs: opts.intervalMs ?? 250 },
  });
  // The worker must not keep a finished process alive; close() waits for it explicitly.
  worker.unref();
  worker.on(
    'message',
    (m: { type: string; id?: number; result?: never; error?: string; message?: string }) => {
      if (m.type === 'error') fail(new Error(`WAL checkpoint failed: ${m.message}`));
      if (m.type === 'done' && m.id !== undefined) {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error) p?.reject(new Error(m.error));
        else p?.resolve(m.result as never);
      }
    },
  );
  worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  worker.on('exit', (code) => {
    if (!closing) fail(new Error(`WAL checkpoint worker exited with code ${code}`));
  });

  return {
    get active() {
      return active;
    },
    checkpointNow() {
      if (!active) return Promise.reject(new Error('WAL checkpoint worker is not running'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'now', id });
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      if (!active) return;
      active = false;
      await closeThread(worker);
    },
  };
}
