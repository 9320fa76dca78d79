import { describe, expect, it } from 'vitest';
import { createWriteBatcher } from '../../src/storage/sqlite/batcher.js';

describe('createWriteBatcher', () => {
  it('commits writes issued in one turn together, in order, each caller getting its own result', async () => {
    const batches: number[][] = [];
    const b = createWriteBatcher<number, number>((items) => {
      batches.push([...items]);
      return items.map((i) => i * 10);
    });
    const results = await Promise.all([1, 2, 3].map((i) => b.push(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await b.push(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('fails only the bad item when a batch fails', async () => {
    const b = createWriteBatcher<number, number>((items) => {
      if (items.includes(2)) throw new Error('bad item');
      return items.map((i) => i);
    });
    const results = await Promise.allSettled([1, 2, 3].map((i) => b.push(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('flush() commits queued writes at once, so reads right after see them', async () => {
    const seen: number[] = [];
    const b = createWriteBatcher<number, number>((items) => {
      seen.push(...items);
      return [...items];
    });
    const p = b.push(7);
    b.flush();
    expect(seen).toEqual([7]);
    await expect(p).resolves.toBe(7);
  });

  it('splits very large queues into bounded transactions', async () => {
    const sizes: number[] = [];
    const b = createWriteBatcher<number, number>((items) => {
      sizes.push(items.length);
      return [...items];
    }, 100);
    await Promise.all(Array.from({ length: 250 }, (_, i) => b.push(i)));
    expect(sizes).toEqual([100, 100, 50]);
  });
});
