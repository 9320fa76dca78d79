/**
 * Replies sent from a worker thread. The SDK's reply path (its serializer, request pipeline, retries and
 * token cache) costs about 0.3 ms of CPU per reply, a fifth of an agent turn; on its own thread it no
 * longer delays the turns behind it. The thread runs exactly the code the main thread would
 * (sdk-core.ts), with its own copy of botframework-connector.
 *
 * If the thread cannot start or dies, replies go out on the main thread from then on. A reply the thread
 * had been handed but not answered for may or may not have reached the channel: it fails as a timeout
 * (the agent is told to check before resending), never sent twice. Replies handed to a thread that never
 * became ready cannot have been sent, and go out on the main thread.
 */
import { Worker } from 'node:worker_threads';
import {
  buildSdkAuthentication,
  createSdkReplyCore,
  type ReplyCore,
  type ReplyJob,
  type ReplyOutcome,
  type SdkAuthConfig,
  loadSdk,
  sdkModulePath,
} from './sdk-core.js';

export interface ThreadedReplyCore extends ReplyCore {
  readonly mode: 'thread' | 'inline';
  /** Waits for replies in flight (bounded), then stops the thread. */
  close(): Promise<void>;
}

export interface ReplyThreadOptions {
  /** Told once if the thread fails; replies then go out on the main thread. */
  onError?: (error: Error) => void;
  /** For tests: the thread loads this module instead of botframework-connector. */
  sdkPath?: string;
  /** Called with the thread once it exists (tests use it to kill the thread). */
  onThread?: (worker: Worker) => void;
}

// CommonJS on purpose, as the SQLite writer's: an eval'd worker cannot import, and this keeps the thread
// independent of how the main module was loaded (dist/ JS, or TypeScript under vitest/tsx).
const threadSource = (): string => `
const { parentPort, workerData } = require('node:worker_threads');
const sdk = require(workerData.sdkPath);
const buildSdkAuthentication = ${buildSdkAuthentication.toString()};
const createSdkReplyCore = ${createSdkReplyCore.toString()};
const core = createSdkReplyCore(sdk, buildSdkAuthentication, workerData.config, 64);
parentPort.on('message', (m) => {
  if (m.type === 'send') {
    core.send(m.job).then(
      (outcome) => parentPort.postMessage({ type: 'done', id: m.id, outcome }),
      (e) => parentPort.postMessage({ type: 'done', id: m.id, outcome: { ok: false, name: String((e && e.name) || 'Error'), timedOut: false } }),
    );
  } else if (m.type === 'close') {
    // In a worker this ends the thread only; replies in flight were waited for by the main thread.
    process.exit(0);
  }
});
parentPort.postMessage({ type: 'ready' });
`;

interface Pending {
  job: ReplyJob;
  resolve: (o: ReplyOutcome) => void;
}

const lost: ReplyOutcome = { ok: false, name: 'ReplyThreadFailed', timedOut: true };

export function createThreadedReplyCore(
  config: SdkAuthConfig,
  opts: ReplyThreadOptions = {},
): ThreadedReplyCore {
  const sdkPath = opts.sdkPath ?? sdkModulePath();
  const inflight = new Map<number, Pending>();
  let nextId = 0;
  let ready = false;
  let closing = false;
  let fallback: ReplyCore | undefined;
  let idle: (() => void) | undefined;

  const inline = (): ReplyCore => createSdkReplyCore(loadSdk(), buildSdkAuthentication, config);

  const worker = new Worker(threadSource(), { eval: true, workerData: { sdkPath, config } });
  worker.unref();
  opts.onThread?.(worker);

  const fail = (error: Error): void => {
    if (fallback) return;
    fallback = inline();
    opts.onError?.(error);
    const pending = [...inflight.values()];
    inflight.clear();
    for (const p of pending) {
      if (ready) p.resolve(lost);
      else fallback.send(p.job).then(p.resolve);
    }
    idle?.();
  };

  worker.on('message', (m: { type: string; id: number; outcome: ReplyOutcome }) => {
    if (m.type === 'ready') ready = true;
    if (m.type !== 'done') return;
    const p = inflight.get(m.id);
    inflight.delete(m.id);
    p?.resolve(m.outcome);
    if (inflight.size === 0) idle?.();
  });
  worker.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      exited = true;
      if (!closing) fail(new Error(`reply thread exited with code ${code}`));
      resolve();
    }),
  );

  return {
    get mode() {
      return fallback ? 'inline' : 'thread';
    },
    send(job) {
      if (fallback) return fallback.send(job);
      return new Promise((resolve) => {
        const id = nextId++;
        inflight.set(id, { job, resolve });
        worker.postMessage({ type: 'send', id, job });
      });
    },
    async close() {
      if (closing) return;
      closing = true;
      if (!fallback && inflight.size > 0) {
        // Replies in flight finish within their own deadline; do not wait longer than the longest.
        const longest = Math.max(...[...inflight.values()].map((p) => p.job.timeoutMs));
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, longest + 1000).unref();
        });
      }
      if (!exited) {
        worker.postMessage({ type: 'close' });
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exit;
        clearTimeout(timer);
      }
      // Anything still unanswered now will never be: report it as possibly delivered.
      for (const p of inflight.values()) p.resolve(lost);
      inflight.clear();
    },
  };
}
