import type pg from 'pg';
import type { AuditStore, TranscriptStore } from '../ports.js';
import { createPostgresAuditStore } from './audit.js';
import { migrate, requireCurrentSchema } from './migrations.js';
import { connectPostgres, describePostgresUrl, type PgLog } from './pool.js';
import { createPostgresTranscriptStore } from './transcripts.js';

export { createPostgresAuditStore } from './audit.js';
export { createPostgresDedupStore } from './dedup.js';
export {
  latestVersion,
  MIGRATIONS,
  type Migration,
  type MigrationResult,
  migrate,
  requireCurrentSchema,
  schemaVersion,
} from './migrations.js';
export { connectPostgres, describePostgresUrl, parsePostgresUrl, type PgLog } from './pool.js';
export { createPostgresStateBackend } from './state.js';
export { createPostgresTranscriptStore } from './transcripts.js';

export interface PostgresStoresOptions {
  url: URL;
  /** Named in connection errors. Default VEIL_STORE. */
  variable?: string;
  /** Apply missing migrations (VEIL_MIGRATE=auto); otherwise a schema that is behind fails the start. */
  migrate?: boolean;
  schema?: string;
  connectTimeoutMs?: number;
  log?: PgLog;
}

/** The durable, append-only half of the stores: transcripts and audit. */
export interface PostgresStores {
  transcripts: TranscriptStore;
  audit: AuditStore;
  pool: pg.Pool;
  close(): Promise<void>;
}

export async function openPostgresStores(opts: PostgresStoresOptions): Promise<PostgresStores> {
  const pool = await connectPostgres(opts.url, {
    variable: opts.variable ?? 'VEIL_STORE',
    ...(opts.schema ? { schema: opts.schema } : {}),
    ...(opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: opts.connectTimeoutMs }),
    ...(opts.log ? { log: opts.log } : {}),
  });
  try {
    if (opts.migrate) {
      const result = await migrate(pool);
      if (result.applied.length > 0) {
        opts.log?.info(
          {
            event: 'postgres-migrated',
            server: describePostgresUrl(opts.url),
            from: result.from,
            to: result.to,
          },
          'PostgreSQL schema migrated',
        );
      }
    } else {
      await requireCurrentSchema(pool);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  let closed = false;
  return {
    transcripts: createPostgresTranscriptStore(pool),
    audit: createPostgresAuditStore(pool),
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
