import pg from 'pg';
import { errors } from '../../core/errors.js';

/** What storage needs from a logger (pino's Logger fits). Only counts and server addresses go in. */
export interface PgLog {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export interface PostgresConnectOptions {
  /** The environment variable the URL came from, named in every error. */
  variable: string;
  /** Bound on getting a connection, at start and later. Default 5000. */
  connectTimeoutMs?: number;
  /** Tables live in this schema (created if missing) instead of the server's search_path default. */
  schema?: string;
  /** Pool size. Default 10. */
  max?: number;
  log?: PgLog;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parsePostgresUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw errors.config(variable, "must be 'sqlite' or a postgres:// URL");
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw errors.config(variable, `must be a postgres:// or postgresql:// URL, not ${url.protocol}//`);
  }
  return url;
}

/** Host, port and database only: the URL may carry a password, which must not reach logs or errors. */
export function describePostgresUrl(url: URL): string {
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/** Opens a pool and proves it with one query, so a wrong URL or a dead server fails the start at once. */
export async function connectPostgres(url: URL, opts: PostgresConnectOptions): Promise<pg.Pool> {
  const timeout = opts.connectTimeoutMs ?? 5000;
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) {
    throw errors.config(opts.variable, `schema '${opts.schema}' must be a lower-case SQL identifier`);
  }
  const pool = new pg.Pool({
    connectionString: url.href,
    connectionTimeoutMillis: timeout,
    max: opts.max ?? 10,
    application_name: 'veil',
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle connection dropped by the server emits here; without a listener it would crash the process.
  pool.on('error', (error) => {
    opts.log?.warn(
      { event: 'postgres-error', server: describePostgresUrl(url), err: error.message },
      'PostgreSQL connection lost',
    );
  });
  try {
    if (opts.schema) await createSchema(pool, opts.schema);
    else await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw errors.config(
      opts.variable,
      `cannot use PostgreSQL at ${describePostgresUrl(url)} (within ${timeout} ms: ${reason || 'connection failed'})`,
    );
  }
  return pool;
}

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (error) {
    // Two instances starting together can both miss the schema; the loser's unique violation is harmless.
    if ((error as { code?: string }).code !== '23505') throw error;
  }
}
