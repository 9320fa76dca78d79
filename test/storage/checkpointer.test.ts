import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/storage/sqlite/checkpointer.js';
import { openDatabase, type SqliteDatabase } from '../../src/storage/sqlite/database.js';
import { openSqliteStores } from '../../src/storage/sqlite/index.js';
import { createInlineWriter } from '../../src/storage/sqlite/writer.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDb(): { path: string; db: SqliteDatabase } {
  const dir = mkdtempSync(join(tmpdir(), 'veil-ckpt-'));
  const path = join(dir, 'veil.db');
  const db = openDatabase(path);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { path, db };
}

const fill = (db: SqliteDatabase, rows: number) => {
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(2000));
  })();
};

const walSize = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

describe('WAL checkpointer', () => {
  it('turns auto-checkpointing off on the main connection: commits never checkpoint on the event loop', async () => {
    const { path, db } = tempDb();
    const ckpt = startCheckpointer(createInlineWriter(db), path, { intervalMs: 60_000 });
    cleanups.push(async () => {
      await ckpt.close();
      db.close();
    });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Far past SQLite's default threshold of 1,000 pages: without the worker nothing copies the WAL back.
    fill(db, 3000);
    const walPages = walSize(path) / 4096;
    expect(walPages).toBeGreaterThan(1000);
    const result = await ckpt.checkpointNow();
    expect(result.busy).toBe(0);
    expect(result.log).toBeGreaterThan(1000);
    expect(result.checkpointed).toBe(result.log);
  });

  it('checkpoints on its timer, so the WAL is recycled instead of growing', async () => {
    const { path, db } = tempDb();
    const ckpt = startCheckpointer(createInlineWriter(db), path, { intervalMs: 20 });
    cleanups.push(async () => {
      await ckpt.close();
      db.close();
    });
    fill(db, 1500);
    const afterFirst = walSize(path);
    await new Promise((r) => setTimeout(r, 300));
    // The first burst was copied back, so the next one reuses the WAL from its start.
    fill(db, 1500);
    expect(walSize(path)).toBeLessThanOrEqual(afterFirst + 64 * 1024);
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 3000 });
  });

  it('truncates the WAL on close and leaves every row in the database file', async () => {
    const { path, db } = tempDb();
    const ckpt = startCheckpointer(createInlineWriter(db), path, { intervalMs: 60_000 });
    fill(db, 500);
    await ckpt.close();
    expect(ckpt.active).toBe(false);
    expect(walSize(path)).toBe(0);
    db.close();
    const reopened = openDatabase(path);
    expect(reopened.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 500 });
    reopened.close();
    await ckpt.close(); // twice is harmless
  });

  it('gives the main connection auto-checkpointing back when the worker cannot start, and says so', async () => {
    const { path, db } = tempDb();
    const dir = mkdtempSync(join(tmpdir(), 'veil-ckpt-driver-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const broken = join(dir, 'broken-driver.cjs');
    writeFileSync(broken, 'throw new Error("driver failed to load");');
    const errors: Error[] = [];
    const ckpt = startCheckpointer(createInlineWriter(db), path, {
      driverPath: broken,
      onError: (e) => errors.push(e),
    });
    cleanups.push(async () => {
      await ckpt.close();
      db.close();
    });
    await expect.poll(() => errors.length, { timeout: 5000 }).toBe(1);
    expect(errors[0]!.message).toMatch(/driver failed to load/);
    expect(ckpt.active).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await expect(ckpt.checkpointNow()).rejects.toThrow(/not running/);
    // The database still works, and SQLite checkpoints inside commits again.
    fill(db, 2500);
    expect(walSize(path) / 4096).toBeLessThan(2500);
  });

  it('is started by the SQLite stores for a file and shut down with them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-ckpt-stores-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'veil.db');
    const stores = await openSqliteStores({ path, secret: 'checkpointer-test-secret-0123456789' });
    for (let i = 0; i < 200; i++) {
      await stores.audit.append({
        at: new Date().toISOString(),
        kind: 'mask',
        conversationId: `c-${i}`,
        rule: 'detection',
        policyVersion: 'v1',
        detail: `masked ${'x'.repeat(1000)}`,
      });
    }
    expect(walSize(path)).toBeGreaterThan(0);
    await stores.close();
    expect(walSize(path)).toBe(0);
    const db = openDatabase(path);
    expect(db.prepare('SELECT count(*) AS n FROM audit').get()).toEqual({ n: 200 });
    db.close();
  });
});
