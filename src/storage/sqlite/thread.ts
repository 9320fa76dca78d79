import type { Worker } from 'node:worker_threads';

/**
 * Asks a storage thread to finish (it closes its connection and exits on `{ type: 'close' }`) and waits
 * for it; a wedged thread is terminated after `timeoutMs` so it cannot hold shutdown hostage.
 */
export async function closeThread(worker: Worker, timeoutMs = 5000): Promise<void> {
  const exited = new Promise<void>((r) => worker.once('exit', () => r()));
  worker.postMessage({ type: 'close' });
  const timeout = setTimeout(() => void worker.terminate(), timeoutMs);
  await exited;
  clearTimeout(timeout);
}
