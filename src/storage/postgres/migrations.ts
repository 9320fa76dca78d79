import type pg from 'pg';
import { StorageError } from '../errors.js';

/**
 * Schema history. Versions are contiguous from 1; a released step is never edited, only followed by new
 * ones, so any older database upgrades in place. Each step runs in its own transaction.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'transcripts and audit',
    // json rather than jsonb: it keeps the text as written and accepts \u0000, which jsonb rejects.
    sql: `
      CREATE TABLE veil_transcript_seq (
        conversation_id text PRIMARY KEY,
        last_seq bigint NOT NULL
      );
      CREATE TABLE veil_transcript (
        conversation_id text NOT NULL,
        seq bigint NOT NULL,
        at timestamptz NOT NULL,
        visibility text NOT NULL,
        entry json NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      );
      CREATE INDEX veil_transcript_at ON veil_transcript (at);

      CREATE TABLE veil_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        conversation_id text,
        kind text NOT NULL,
        record json NOT NULL
      );
      CREATE INDEX veil_audit_at ON veil_audit (at, id);
      CREATE INDEX veil_audit_conversation ON veil_audit (conversation_id, at, id);
      CREATE INDEX veil_audit_kind ON veil_audit (kind, at, id);
    `,
  },
  {
    version: 2,
    name: 'conversation state and dedup',
    // COLLATE "C": list order by id must be byte order, as in the other adapters, whatever the locale.
    sql: `
      CREATE TABLE veil_conversation_state (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        etag text NOT NULL,
        updated_at_ms bigint NOT NULL,
        blob text NOT NULL
      );
      CREATE INDEX veil_conversation_state_updated ON veil_conversation_state (updated_at_ms, id);

      CREATE TABLE veil_dedup (
        key text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX veil_dedup_expiry ON veil_dedup (expires_at);
    `,
  },
];

// One migrator per schema at a time, even when several instances start with VEIL_MIGRATE=auto together.
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('veil-migrate:' || coalesce(current_schema(), '')))`;
const LEDGER = `CREATE TABLE IF NOT EXISTS veil_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

export const latestVersion = (migrations: readonly Migration[] = MIGRATIONS): number =>
  migrations.at(-1)?.version ?? 0;

/** The highest applied version; 0 for a database Veil has not touched. */
export async function schemaVersion(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ present: boolean }>(
    `SELECT to_regclass('veil_migrations') IS NOT NULL AS present`,
  );
  if (!rows[0]?.present) return 0;
  const max = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM veil_migrations');
  return max.rows[0]?.v ?? 0;
}

function tooNew(current: number, known: number): StorageError {
  return new StorageError(
    'schema',
    `PostgreSQL schema version ${current} is newer than this Veil understands (${known})`,
    { hint: 'run the Veil release that migrated this database, or point VEIL_STORE at another one' },
  );
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: { version: number; name: string }[];
}

/** Applies every missing step in order; a failing step rolls back alone and stops the run. */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const known = latestVersion(migrations);
  const applied: MigrationResult['applied'] = [];
  let from: number | undefined;
  const client = await pool.connect();
  try {
    for (const step of migrations) {
      await client.query('BEGIN');
      try {
        await client.query(LOCK);
        await client.query(LEDGER);
        const { rows } = await client.query<{ v: number | null }>(
          'SELECT max(version) AS v FROM veil_migrations',
        );
        const current = rows[0]?.v ?? 0;
        from ??= current;
        if (current > known) throw tooNew(current, known);
        if (current < step.version) {
          await client.query(step.sql);
          await client.query('INSERT INTO veil_migrations (version, name) VALUES ($1, $2)', [
            step.version,
            step.name,
          ]);
          applied.push({ version: step.version, name: step.name });
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (error instanceof StorageError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new StorageError(
          'schema',
          `PostgreSQL migration ${step.version} (${step.name}) failed: ${reason}`,
          {
            cause: error,
            hint: 'nothing of this step was applied; fix the cause and run veil migrate again',
          },
        );
      }
    }
  } finally {
    client.release();
  }
  return { from: from ?? 0, to: applied.at(-1)?.version ?? from ?? 0, applied };
}

/** At start without VEIL_MIGRATE=auto: refuse a schema that is behind or ahead instead of failing later. */
export async function requireCurrentSchema(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const current = await schemaVersion(pool);
  const known = latestVersion(migrations);
  if (current > known) throw tooNew(current, known);
  if (current < known) {
    throw new StorageError(
      'schema',
      `PostgreSQL schema is at version ${current}; this Veil needs version ${known}`,
      { hint: "run 'veil migrate' (with the same VEIL_STORE) or start with VEIL_MIGRATE=auto" },
    );
  }
}
