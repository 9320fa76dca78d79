/**
 * Groups writes issued in the same event-loop turn into one SQLite transaction. A commit costs far more
 * than an insert, and under load many turns append audit records and transcript entries at once, so
 * batching them cuts the write cost per record several times. Each caller still gets its own result (or
 * error) once its batch is committed; order is preserved.
 */
export interface WriteBatcher<I, O> {
  push(item: I): Promise<O>;
  /** Commits whatever is queued now (used before reads and on close, so reads see every acknowledged write). */
  flush(): void;
}

export function createWriteBatcher<I, O>(
  runInTransaction: (items: readonly I[]) => O[],
  maxBatch = 256,
): WriteBatcher<I, O> {
  let queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const out = runInTransaction(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.resolve(out[i]!);
      } catch {
        // One bad item must not fail its neighbours: retry them one by one so each gets its own outcome.
        for (const b of batch) {
          try {
            b.resolve(runInTransaction([b.item])[0]!);
          } catch (err) {
            b.reject(err);
          }
        }
      }
    }
  };

  return {
    push(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}
