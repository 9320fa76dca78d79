import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../src/storage/sqlite/database.js';
import { openSqliteStores } from '../../src/storage/sqlite/index.js';
import { MIGRATIONS } from '../../src/storage/sqlite/migrations.js';
import type { Stores } from '../../src/storage/ports.js';
import { auditStoreContract } from '../contract/audit-store.contract.js';
import { dedupStoreContract } from '../contract/dedup-store.contract.js';
import { eventBusContract } from '../contract/event-bus.contract.js';
import { stateStoreContract } from '../contract/state-store.contract.js';
import { transcriptStoreContract } from '../contract/transcript-store.contract.js';

const SECRET = 'sqlite-test-secret-0123456789';

function tempDir(): { dir: string; path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'veil-sqlite-'));
  return { dir, path: join(dir, 'veil.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function from<K extends keyof Omit<Stores, 'close'>>(key: K, writes: 'worker' | 'inline' = 'worker') {
  return async () => {
    const t = tempDir();
    const stores = await openSqliteStores({ path: t.path, secret: SECRET, writes });
    return {
      subject: stores[key],
      close: async () => {
        await stores.close();
        t.remove();
      },
    };
  };
}

stateStoreContract('sqlite', from('state'));
dedupStoreContract('sqlite', from('dedup'));
transcriptStoreContract('sqlite', from('transcripts'));
auditStoreContract('sqlite', from('audit'));
// The same contracts with writes on the main connection (the fallback when the writer thread fails).
stateStoreContract('sqlite, inline writes', from('state', 'inline'));
dedupStoreContract('sqlite, inline writes', from('dedup', 'inline'));
transcriptStoreContract('sqlite, inline writes', from('transcripts', 'inline'));
auditStoreContract('sqlite, inline writes', from('audit', 'inline'));
eventBusContract('sqlite (in-process events)', from('events'));

describe('sqlite stores', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function open(path: string, secret = SECRET): Promise<Stores<Record<string, unknown>>> {
    const s = await openSqliteStores<Record<string, unknown>>({ path, secret });
    cleanups.push(() => s.close());
    return s;
  }
  function temp() {
    const t = tempDir();
    cleanups.push(t.remove);
    return t;
  }

  it('keeps everything across a restart', async () => {
    const t = temp();
    const a = await open(t.path);
    await a.state.update('c1', () => ({ tokens: { '[EMAIL_1]': 'jane@example.com' } }));
    await a.state.update('c1', (cur) => ({ ...cur, verified: 'possession' }));
    await a.dedup.claim('activity-1', 60_000);
    await a.transcripts.append('c1', {
      at: new Date().toISOString(),
      from: 'customer',
      text: 'hi',
      visibility: 'all',
    });
    const auditId = await a.audit.append({
      at: new Date().toISOString(),
      kind: 'mask',
      policyVersion: 'v1',
      detail: 'd',
    });
    await a.close();

    const b = await open(t.path);
    expect(await b.state.get('c1')).toMatchObject({
      version: 2,
      doc: { tokens: { '[EMAIL_1]': 'jane@example.com' }, verified: 'possession' },
    });
    expect(await b.dedup.claim('activity-1', 60_000)).toBe(false);
    expect((await b.transcripts.list('c1')).map((e) => e.text)).toEqual(['hi']);
    expect(
      await b.transcripts.append('c1', {
        at: new Date().toISOString(),
        from: 'agent',
        text: 'hello',
        visibility: 'all',
      }),
    ).toBe(2);
    expect((await b.audit.query())[0]!.id).toBe(auditId);
  });

  it('never writes a raw customer value to disk', async () => {
    const t = temp();
    const s = await open(t.path);
    const raw = 'wolfgang.schmidt@example.org';
    await s.state.update('c1', () => ({ values: { '[EMAIL_1]': { type: 'EMAIL', value: raw } } }));
    // The masked transcript is stored in clear: finding it proves the byte scan below can see stored text.
    await s.transcripts.append('c1', {
      at: new Date().toISOString(),
      from: 'customer',
      text: 'MARKER-[EMAIL_1]',
      visibility: 'all',
    });
    const bytes = () =>
      Buffer.concat(readdirSync(t.dir).map((f) => readFileSync(join(t.dir, f)))).toString('latin1');
    expect(bytes()).toContain('MARKER-[EMAIL_1]');
    expect(bytes()).not.toContain(raw);
    await s.close();
    expect(bytes()).not.toContain(raw);
    await expect((await open(t.path)).state.get('c1')).resolves.toMatchObject({
      doc: { values: { '[EMAIL_1]': { value: raw } } },
    });
  });

  it('creates the database readable by its owner only', async () => {
    const t = temp();
    await open(t.path);
    expect(statSync(t.path).mode & 0o777).toBe(0o600);
  });

  it('creates missing parent folders (a fresh checkout has no data/ yet)', async () => {
    const t = temp();
    const nested = join(t.path, '..', 'data', 'deeper', 'veil.sqlite');
    const stores = await open(nested);
    await stores.audit.append({
      at: new Date().toISOString(),
      kind: 'mask',
      policyVersion: 'v',
      detail: 'ok',
    });
    expect(statSync(nested).isFile()).toBe(true);
  });

  it('refuses to read state with a different secret, saying why', async () => {
    const t = temp();
    const a = await open(t.path);
    await a.state.update('c1', () => ({ x: 1 }));
    await a.close();
    const b = await open(t.path, 'a-completely-different-secret');
    await expect(b.state.get('c1')).rejects.toMatchObject({ name: 'StorageError', reason: 'wrong-key' });
    await expect(b.state.update('c1', () => ({ x: 2 }))).rejects.toMatchObject({ reason: 'wrong-key' });
  });

  it('detects state tampered with on disk or copied to another conversation', async () => {
    const t = temp();
    const s = await open(t.path);
    await s.state.update('c1', () => ({ x: 1 }));
    await s.state.update('c2', () => ({ x: 2 }));
    const raw = new Database(t.path);
    cleanups.push(() => {
      raw.close();
    });
    const blob = (
      raw.prepare("SELECT blob FROM conversation_state WHERE id = 'c1'").get() as { blob: string }
    ).blob;
    raw.prepare("UPDATE conversation_state SET blob = ? WHERE id = 'c2'").run(blob);
    // A process that has not decrypted c2 yet (a restart, another instance) refuses the copied blob.
    const fresh = await open(t.path);
    await expect(fresh.state.get('c2')).rejects.toMatchObject({ reason: 'tampered' });
    // The running process keeps using the document it wrote itself: tampered bytes are never trusted.
    expect((await s.state.get('c2'))!.doc).toEqual({ x: 2 });
    const flipped = `${blob.slice(0, -2)}${blob.endsWith('AA') ? 'AB' : 'AA'}`;
    // Changing the etag too makes the running process read the blob again, and refuse it.
    raw.prepare("UPDATE conversation_state SET blob = ?, etag = 'forged' WHERE id = 'c1'").run(flipped);
    await expect(s.state.get('c1')).rejects.toMatchObject({ reason: 'tampered' });
    await expect(fresh.state.get('c1')).rejects.toMatchObject({ reason: 'tampered' });
  });

  it('serialises updates from two connections to one file (two processes)', async () => {
    const t = temp();
    const a = await open(t.path);
    const b = await open(t.path);
    await a.state.update('c1', () => ({ n: 0, by: [] as string[] }));
    const bump = (s: Stores<Record<string, unknown>>, who: string) =>
      s.state.update(
        'c1',
        async (cur) => {
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          return { n: (cur!.n as number) + 1, by: [...(cur!.by as string[]), who] };
        },
        { maxAttempts: 200 },
      );
    await Promise.all(Array.from({ length: 10 }, (_, i) => [bump(a, `a${i}`), bump(b, `b${i}`)]).flat());
    const final = await a.state.get('c1');
    expect(final!.doc.n).toBe(20);
    expect(new Set(final!.doc.by as string[]).size).toBe(20);
  });

  it('gives up with a conflict error when another writer always wins', async () => {
    const t = temp();
    const a = await open(t.path);
    const b = await open(t.path);
    await a.state.update('c1', () => ({ n: 0 }));
    const attempt = a.state.update(
      'c1',
      async (cur) => {
        await b.state.update('c1', (o) => ({ n: (o!.n as number) + 100 }));
        return { n: (cur!.n as number) + 1 };
      },
      { maxAttempts: 3 },
    );
    await expect(attempt).rejects.toMatchObject({ name: 'StorageError', reason: 'conflict', status: 409 });
    expect((await a.state.get('c1'))!.doc.n).toBe(300);
  });

  it('shares dedup claims and transcript numbering across connections', async () => {
    const t = temp();
    const a = await open(t.path);
    const b = await open(t.path);
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).dedup.claim('activity-9', 60_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    const entry = {
      at: new Date().toISOString(),
      from: 'customer' as const,
      text: 't',
      visibility: 'all' as const,
    };
    const seqs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).transcripts.append('c1', entry)),
    );
    expect([...seqs].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('expires dedup claims by the injected clock', async () => {
    const t = temp();
    let now = 5_000;
    const s = await openSqliteStores({ path: t.path, secret: SECRET, now: () => now });
    cleanups.push(() => s.close());
    expect(await s.dedup.claim('k', 1000)).toBe(true);
    now += 999;
    expect(await s.dedup.claim('k', 1000)).toBe(false);
    now += 1;
    expect(await s.dedup.claim('k', 1000)).toBe(true);
  });

  it('uses WAL and records the schema version', async () => {
    const t = temp();
    await open(t.path);
    const raw = new Database(t.path, { readonly: true });
    cleanups.push(() => {
      raw.close();
    });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(raw)).toBe(MIGRATIONS.length);
  });

  it('upgrades an older database in place and refuses a newer one', async () => {
    const t = temp();
    openDatabase(t.path, MIGRATIONS).close();
    const next = [...MIGRATIONS, 'CREATE TABLE future_feature (x INTEGER) STRICT;'];
    const upgraded = openDatabase(t.path, next);
    expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length + 1);
    upgraded.close();
    await expect(openSqliteStores({ path: t.path, secret: SECRET })).rejects.toMatchObject({
      name: 'StorageError',
      reason: 'schema',
      message: expect.stringMatching(/newer than this Veil/),
    });
  });

  it('rolls back a failing migration, leaving the version unchanged', () => {
    const t = temp();
    openDatabase(t.path, MIGRATIONS).close();
    expect(() =>
      openDatabase(t.path, [...MIGRATIONS, 'CREATE TABLE ok (x INTEGER); THIS IS NOT SQL;']),
    ).toThrow();
    const db = openDatabase(t.path, MIGRATIONS);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").get()).toBeUndefined();
    db.close();
  });

  it('fails on a bad secret before creating a file', async () => {
    const t = temp();
    await expect(openSqliteStores({ path: t.path, secret: 'short' })).rejects.toMatchObject({
      field: 'VEIL_SECRET',
    });
    expect(readdirSync(t.dir)).toEqual([]);
  });
});
