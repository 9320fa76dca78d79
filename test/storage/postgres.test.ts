import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run as migrateCommand } from '../../src/cli/commands/migrate.js';
import { createCipher } from '../../src/storage/crypto.js';
import {
  connectPostgres,
  createPostgresDedupStore,
  createPostgresStateBackend,
  latestVersion,
  MIGRATIONS,
  migrate,
  openPostgresStores,
  type PostgresStores,
  parsePostgresUrl,
  schemaVersion,
} from '../../src/storage/postgres/index.js';
import { createStateStore } from '../../src/storage/state.js';
import { auditStoreContract } from '../contract/audit-store.contract.js';
import { dedupStoreContract } from '../contract/dedup-store.contract.js';
import { stateStoreContract } from '../contract/state-store.contract.js';
import { transcriptStoreContract } from '../contract/transcript-store.contract.js';

const PG_URL = new URL(process.env.VEIL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
const SECRET = 'postgres-test-secret-0123456789';
const RUN = `veil_t_${randomBytes(4).toString('hex')}`;

// Each harness gets a schema of its own, dropped afterwards, so parallel test files never meet.
let admin: pg.Pool;
const schemas = new Set<string>();
let counter = 0;
beforeAll(() => {
  admin = new pg.Pool({ connectionString: PG_URL.href, max: 2 });
});
afterAll(async () => {
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});
function newSchema(): string {
  const s = `${RUN}_${++counter}`;
  schemas.add(s);
  return s;
}
async function dropSchema(s: string): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  schemas.delete(s);
}

async function openSchema(schema = newSchema(), migrateOnOpen = true): Promise<PostgresStores> {
  return openPostgresStores({ url: PG_URL, schema, migrate: migrateOnOpen });
}

function from<K extends 'transcripts' | 'audit'>(key: K) {
  return async () => {
    const schema = newSchema();
    const stores = await openSchema(schema);
    return {
      subject: stores[key],
      close: async () => {
        await stores.close();
        await dropSchema(schema);
      },
    };
  };
}

function onPool<T>(make: (pool: pg.Pool) => T) {
  return async () => {
    const schema = newSchema();
    const stores = await openSchema(schema);
    return {
      subject: make(stores.pool),
      close: async () => {
        await stores.close();
        await dropSchema(schema);
      },
    };
  };
}

transcriptStoreContract('postgres', from('transcripts'));
auditStoreContract('postgres', from('audit'));
stateStoreContract(
  'postgres',
  onPool((pool) => createStateStore(createPostgresStateBackend(pool), createCipher(SECRET))),
);
dedupStoreContract('postgres', onPool(createPostgresDedupStore));

describe('postgres stores', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function tracked(schema: string, migrateOnOpen = true): Promise<PostgresStores> {
    const s = await openSchema(schema, migrateOnOpen);
    cleanups.push(() => s.close());
    return s;
  }
  const entry = (text: string) => ({
    at: new Date().toISOString(),
    from: 'customer' as const,
    text,
    visibility: 'all' as const,
  });

  it('migrates a fresh schema step by step and records each version', async () => {
    const schema = newSchema();
    const s = await tracked(schema);
    const { rows } = await admin.query(
      `SELECT version, name FROM ${schema}.veil_migrations ORDER BY version`,
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(await schemaVersion(s.pool)).toBe(latestVersion());
    expect(await migrate(s.pool)).toEqual({ from: latestVersion(), to: latestVersion(), applied: [] });
  });

  it('numbers its migrations 1, 2, 3 ... without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('has indexes for the queries the agent and admin APIs make', async () => {
    const schema = newSchema();
    await tracked(schema);
    const { rows } = await admin.query<{ indexdef: string }>(
      'SELECT indexdef FROM pg_indexes WHERE schemaname = $1',
      [schema],
    );
    const defs = rows.map((r) => r.indexdef.replace(/^.* USING btree /, ''));
    expect(defs).toEqual(
      expect.arrayContaining([
        '(conversation_id, seq)',
        '(at)',
        '(conversation_id, at, id)',
        '(kind, at, id)',
        '(at, id)',
        '(updated_at_ms, id)',
        '(expires_at)',
      ]),
    );
  });

  it('refuses to start on a schema that is behind unless told to migrate', async () => {
    const schema = newSchema();
    await expect(openSchema(schema, false)).rejects.toMatchObject({
      name: 'StorageError',
      reason: 'schema',
      message: expect.stringMatching(/schema is at version 0; this Veil needs version \d/),
      hint: expect.stringMatching(/veil migrate.*VEIL_MIGRATE=auto/),
    });
    await tracked(schema, true);
    await tracked(schema, false);
  });

  it('refuses a schema newer than this release', async () => {
    const schema = newSchema();
    await (await openSchema(schema)).close();
    await admin.query(`INSERT INTO ${schema}.veil_migrations (version, name) VALUES (99, 'future')`);
    for (const migrateOnOpen of [true, false]) {
      await expect(openSchema(schema, migrateOnOpen)).rejects.toMatchObject({
        reason: 'schema',
        message: expect.stringMatching(/version 99 is newer than this Veil understands/),
      });
    }
  });

  it('rolls back a failing step alone, keeping the steps before it', async () => {
    const schema = newSchema();
    const pool = await connectPostgres(PG_URL, { variable: 'VEIL_STORE', schema });
    cleanups.push(() => pool.end());
    const broken = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x int); NOT SQL;' },
    ];
    await expect(migrate(pool, broken)).rejects.toMatchObject({
      reason: 'schema',
      message: expect.stringMatching(new RegExp(`migration ${MIGRATIONS.length + 1} \\(broken\\) failed`)),
    });
    expect(await schemaVersion(pool)).toBe(latestVersion());
    expect((await pool.query(`SELECT to_regclass('half_done') AS t`)).rows[0].t).toBeNull();
  });

  it('lets several instances migrate one schema at once', async () => {
    const schema = newSchema();
    const pools = await Promise.all(
      [1, 2, 3].map(() => connectPostgres(PG_URL, { variable: 'VEIL_STORE', schema })),
    );
    cleanups.push(async () => {
      for (const p of pools) await p.end();
    });
    const results = await Promise.all(pools.map((p) => migrate(p)));
    expect(results.flatMap((r) => r.applied).map((a) => a.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.veil_migrations`);
    expect(rows[0].n).toBe(MIGRATIONS.length);
  });

  it('gives two instances appending to one conversation distinct, gap-free seqs', async () => {
    const schema = newSchema();
    const a = await tracked(schema);
    const b = await tracked(schema);
    const seqs = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).transcripts.append('c1', entry(`m${i}`))),
    );
    expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await b.transcripts.list('c1')).map((e) => e.seq)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });

  it('stores text with characters PostgreSQL text and jsonb refuse', async () => {
    const s = await tracked(newSchema());
    const text = 'nul \u0000 here, emoji 🙂, quote " and backslash \\';
    await s.transcripts.append('c1', { ...entry(text), meta: { odd: '\u0000' } });
    expect((await s.transcripts.list('c1'))[0]).toMatchObject({ text, meta: { odd: '\u0000' } });
    const id = await s.audit.append({
      at: new Date().toISOString(),
      kind: 'mask',
      policyVersion: 'v',
      detail: text,
    });
    expect((await s.audit.query())[0]).toMatchObject({ id, detail: text });
  });

  it('fails fast, naming the variable and never the password, when the server is unreachable', async () => {
    const started = Date.now();
    const url = new URL('postgres://postgres:hunter2secret@127.0.0.1:1/test');
    const error = await openPostgresStores({ url, connectTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      field: 'VEIL_STORE',
      message: expect.stringMatching(/^VEIL_STORE: cannot use PostgreSQL at 127\.0\.0\.1:1\/test/),
    });
    expect((error as Error).message).not.toContain('hunter2secret');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('names the variable when the database does not exist', async () => {
    const url = new URL(PG_URL.href);
    url.pathname = `/${RUN}_missing`;
    await expect(openPostgresStores({ url })).rejects.toMatchObject({
      field: 'VEIL_STORE',
      message: expect.stringMatching(/does not exist/),
    });
  });

  it('rejects URLs that are not postgres://', () => {
    expect(() => parsePostgresUrl('VEIL_STORE', 'mysql://x/y')).toThrow(/VEIL_STORE: must be a postgres/);
    expect(() => parsePostgresUrl('VEIL_STORE', '/var/lib/veil.db')).toThrow(/VEIL_STORE/);
  });
});

describe('veil migrate', () => {
  function capture() {
    const io = { outText: '', errText: '' };
    return {
      io,
      sink: {
        out: (t: string) => {
          io.outText += t;
        },
        err: (t: string) => {
          io.errText += t;
        },
      },
    };
  }
  const urlFor = (schema: string) => {
    const url = new URL(PG_URL.href);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.href;
  };

  it('reports status, migrates, and is then up to date', async () => {
    const schema = newSchema();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const env = { VEIL_STORE: urlFor(schema) };

    const status = capture();
    expect(await migrateCommand(['--status'], env, status.sink)).toBe(3);
    expect(status.io.outText).toMatch(new RegExp(`schema version 0, latest ${latestVersion()}`));

    const first = capture();
    expect(await migrateCommand([], env, first.sink)).toBe(0);
    expect(first.io.outText).toContain(`applied 1: ${MIGRATIONS[0]!.name}`);
    expect(first.io.outText).toContain(`migrated from version 0 to ${latestVersion()}`);

    const again = capture();
    expect(await migrateCommand([], env, again.sink)).toBe(0);
    expect(again.io.outText).toContain(`up to date (version ${latestVersion()})`);
    expect(await migrateCommand(['--status'], env, capture().sink)).toBe(0);
  });

  it('has nothing to do on SQLite, and exits 2 on a bad VEIL_STORE or option', async () => {
    const sqlite = capture();
    expect(await migrateCommand([], {}, sqlite.sink)).toBe(0);
    expect(sqlite.io.outText).toMatch(/nothing to do/i);

    const bad = capture();
    expect(await migrateCommand([], { VEIL_STORE: 'mysql://db/veil' }, bad.sink)).toBe(2);
    expect(bad.io.errText).toMatch(/VEIL_STORE: must be a postgres/);

    const down = capture();
    expect(
      await migrateCommand([], { VEIL_STORE: 'postgres://postgres:pw-in-url@127.0.0.1:1/test' }, down.sink),
    ).toBe(2);
    expect(down.io.errText).toMatch(/VEIL_STORE: cannot use PostgreSQL/);
    expect(down.io.errText).not.toContain('pw-in-url');

    expect(await migrateCommand(['--force'], {}, capture().sink)).toBe(2);
  });
});
