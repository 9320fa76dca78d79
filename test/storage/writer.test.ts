import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/database.js';
import { createInlineWriter, createWorkerWriter, SqliteWriteError } from '../../src/storage/sqlite/writer.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'veil-writer-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function setup(mode: 'inline' | 'worker', opts: Parameters<typeof createWorkerWriter>[2] = {}) {
  const path = join(tempDir(), 'veil.db');
  const db = openDatabase(path);
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL) STRICT');
  const writer = mode === 'inline' ? createInlineWriter(db) : createWorkerWriter(db, path, opts);
  cleanups.push(async () => {
    await writer.close();
    db.close();
  });
  return { path, db, writer };
}

const put = (k: string, v: number) => ({ sql: 'INSERT INTO t (k, v) VALUES (?, ?)', params: [k, v] });
const rows = (db: SqliteDatabase) => db.prepare('SELECT k, v FROM t ORDER BY k').all();

for (const mode of ['inline', 'worker'] as const) {
  describe(`SQLite writer (${mode})`, () => {
    it('reports the writer mode', () => {
      expect(setup(mode).writer.mode).toBe(mode);
    });

    it('gives every write its own results: changes, rowids and returned rows', async () => {
      const { writer } = setup(mode);
      const [a, b, c] = await Promise.all([
        writer.run([put('a', 1)]),
        writer.run([{ ...put('b', 2), returns: 'rowid' }]),
        writer.run([
          { sql: 'UPDATE t SET v = v + 10 WHERE k = ?', params: ['a'] },
          { sql: 'SELECT v FROM t WHERE k = ?', params: ['a'], returns: 'row' },
        ]),
      ]);
      expect(a).toEqual([1]);
      expect(b).toEqual([2]);
      expect(c).toEqual([1, { v: 11 }]);
    });

    it('fails one bad write alone: its neighbours in the same batch commit', async () => {
      const { db, writer } = setup(mode);
      await writer.run([put('dup', 1)]);
      const results = await Promise.allSettled([
        writer.run([put('x', 1)]),
        writer.run([put('dup', 2)]),
        writer.run([put('y', 3)]),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const reason = (results[1] as PromiseRejectedResult).reason as SqliteWriteError;
      expect(reason).toBeInstanceOf(SqliteWriteError);
      expect(reason.code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
      expect(rows(db)).toEqual([
        { k: 'dup', v: 1 },
        { k: 'x', v: 1 },
        { k: 'y', v: 3 },
      ]);
    });

    it('applies the steps of one write all or none', async () => {
      const { db, writer } = setup(mode);
      await writer.run([put('dup', 1)]);
      await expect(writer.run([put('first', 1), put('dup', 2)])).rejects.toThrow(/UNIQUE/);
      expect(rows(db)).toEqual([{ k: 'dup', v: 1 }]);
    });

    it('drain() makes every submitted write visible to the reading connection', async () => {
      const { db, writer } = setup(mode);
      const pending = Array.from({ length: 50 }, (_, i) =>
        writer.run([put(`k${String(i).padStart(2, '0')}`, i)]),
      );
      await writer.drain();
      expect(rows(db)).toHaveLength(50);
      await Promise.all(pending);
    });

    it('commits queued writes on close and refuses or fails nothing silently afterwards', async () => {
      const { path, db, writer } = setup(mode);
      const pending = writer.run([put('last', 1)]);
      await writer.close();
      await expect(pending).resolves.toEqual([1]);
      const check = new Database(path, { readonly: true });
      expect(check.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
      check.close();
      if (mode === 'worker') await expect(writer.run([put('late', 1)])).rejects.toThrow(/closed/);
      expect(rows(db)).toHaveLength(1);
    });
  });
}

describe('SQLite writer thread', () => {
  it('commits while the event loop is blocked: the work is on another thread', async () => {
    const { path, writer } = setup('worker');
    await writer.run([put('warm', 0)]); // the thread is up
    void writer.run([put('while-blocked', 1)]);
    void writer.drain(); // posts the write now
    const reader = new Database(path, { readonly: true });
    const seen = reader.prepare('SELECT count(*) AS n FROM t WHERE k = ?');
    const deadline = Date.now() + 5000;
    let committed = false;
    // A synchronous loop: nothing on this thread can run until it ends.
    while (!committed && Date.now() < deadline)
      committed = (seen.get('while-blocked') as { n: number }).n === 1;
    reader.close();
    expect(committed).toBe(true);
  });

  it('falls back to the main connection when the thread cannot start, losing no write', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken-driver.cjs');
    writeFileSync(broken, 'throw new Error("driver failed to load");');
    const errors: Error[] = [];
    const { db, writer } = setup('worker', { driverPath: broken, onError: (e) => errors.push(e) });
    const early = writer.run([put('early', 1)]);
    await expect(early).resolves.toEqual([1]);
    await expect.poll(() => writer.mode).toBe('inline');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/driver failed to load/);
    await writer.run([put('later', 2)]);
    expect(rows(db)).toEqual([
      { k: 'early', v: 1 },
      { k: 'later', v: 2 },
    ]);
  });

  it('rejects writes a running thread never confirmed, then carries on inline', async () => {
    const errors: Error[] = [];
    let thread: Worker | undefined;
    const { db, writer } = setup('worker', { onError: (e) => errors.push(e), onThread: (w) => (thread = w) });
    await writer.run([put('before', 1)]);
    // Keep the thread busy in SQL long enough to kill it mid-batch.
    const slow = writer.run([
      {
        sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000000)
              SELECT count(*) AS c FROM n`,
        params: [],
        returns: 'row',
      },
    ]);
    void writer.drain();
    await new Promise((r) => setTimeout(r, 30));
    await thread!.terminate();
    await expect(slow).rejects.toMatchObject({ code: 'VEIL_WRITER_FAILED' });
    expect(writer.mode).toBe('inline');
    expect(errors).toHaveLength(1);
    await writer.run([put('after', 2)]);
    expect(rows(db)).toEqual([
      { k: 'after', v: 2 },
      { k: 'before', v: 1 },
    ]);
  });
});
