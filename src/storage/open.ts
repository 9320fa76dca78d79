import { errors } from '../core/errors.js';
import { createCipher } from './crypto.js';
import type { Clock, Stores } from './ports.js';
import { openPostgresStores, type PostgresStores, parsePostgresUrl } from './postgres/index.js';
import { openRedisStores, parseRedisUrl, type RedisStores, type StoreLog } from './redis/index.js';
import { openSqliteStores } from './sqlite/index.js';

export type { StoreLog } from './redis/index.js';

export interface OpenStoresOptions {
  /** VEIL_STATE: 'sqlite' (default) or a redis:// URL for state, dedup and events shared by instances. */
  state?: string;
  /** VEIL_STORE: 'sqlite' (default) or a postgres:// URL for transcripts and audit. */
  store?: string;
  /** VEIL_DB: the SQLite file, used for whichever half is 'sqlite'. */
  sqlitePath: string;
  /** VEIL_SQLITE_WRITES: 'worker' (default: commits and checkpoints on threads of their own) or 'inline'. */
  sqliteWrites?: 'worker' | 'inline';
  /** VEIL_SECRET: keys the encryption of conversation state at rest. */
  secret: string;
  /** VEIL_REDIS_PREFIX: every Redis key starts with it. Default `veil:`. */
  redisPrefix?: string;
  /** VEIL_MIGRATE=auto: apply missing PostgreSQL migrations at start. */
  migrate?: boolean;
  /** Bound on the first connection to each server. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** PostgreSQL schema for Veil's tables (created if missing). Default: the server's search_path. */
  postgresSchema?: string;
  log?: StoreLog;
  now?: Clock;
  onEventHandlerError?: (error: unknown) => void;
}

/** Storage settings as read from the environment; invalid values throw naming the variable. */
export interface StorageEnv {
  state: string;
  store: string;
  sqliteWrites: 'worker' | 'inline';
  redisPrefix?: string;
  migrate: boolean;
}

export function storageEnv(env: NodeJS.ProcessEnv = process.env): StorageEnv {
  const state = env.VEIL_STATE?.trim() || 'sqlite';
  const store = env.VEIL_STORE?.trim() || 'sqlite';
  if (state !== 'sqlite') parseRedisUrl('VEIL_STATE', state);
  if (store !== 'sqlite') parsePostgresUrl('VEIL_STORE', store);
  const migrate = env.VEIL_MIGRATE?.trim() || 'off';
  if (migrate !== 'auto' && migrate !== 'off') throw errors.config('VEIL_MIGRATE', "must be 'auto' or 'off'");
  const sqliteWrites = env.VEIL_SQLITE_WRITES?.trim() || 'worker';
  if (sqliteWrites !== 'worker' && sqliteWrites !== 'inline')
    throw errors.config('VEIL_SQLITE_WRITES', "must be 'worker' or 'inline'");
  const prefix = env.VEIL_REDIS_PREFIX;
  if (prefix !== undefined && prefix.length === 0)
    throw errors.config('VEIL_REDIS_PREFIX', 'must not be empty');
  return {
    state,
    store,
    sqliteWrites,
    migrate: migrate === 'auto',
    ...(prefix === undefined ? {} : { redisPrefix: prefix }),
  };
}

/**
 * Opens the configured combination. One process on SQLite (the default) needs nothing else; instances behind
 * a load balancer share state, dedup and events through Redis, and transcripts and audit through PostgreSQL.
 * Fails fast, naming the variable, when a URL is wrong or a server does not answer within the timeout.
 */
export async function openStores<S = unknown>(opts: OpenStoresOptions): Promise<Stores<S>> {
  const stateSpec = opts.state?.trim() || 'sqlite';
  const storeSpec = opts.store?.trim() || 'sqlite';
  // Everything is checked before anything is opened, so a bad second value leaves no connection behind.
  const redisUrl = stateSpec === 'sqlite' ? undefined : parseRedisUrl('VEIL_STATE', stateSpec);
  const pgUrl = storeSpec === 'sqlite' ? undefined : parsePostgresUrl('VEIL_STORE', storeSpec);
  const cipher = createCipher(opts.secret);
  if (!redisUrl && !pgUrl) {
    return openSqliteStores<S>({
      path: opts.sqlitePath,
      secret: opts.secret,
      ...(opts.sqliteWrites ? { writes: opts.sqliteWrites } : {}),
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.onEventHandlerError ? { onEventHandlerError: opts.onEventHandlerError } : {}),
      ...workerErrorLog(opts.log),
    });
  }

  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  };
  try {
    let redis: RedisStores<S> | undefined;
    let pg: PostgresStores | undefined;
    if (redisUrl) {
      redis = await openRedisStores<S>({
        url: redisUrl,
        cipher,
        ...(opts.redisPrefix === undefined ? {} : { prefix: opts.redisPrefix }),
        ...(opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: opts.connectTimeoutMs }),
        ...(opts.log ? { log: opts.log } : {}),
        ...(opts.now ? { now: opts.now } : {}),
        ...(opts.onEventHandlerError ? { onEventHandlerError: opts.onEventHandlerError } : {}),
      });
      closers.push(redis.close);
    }
    if (pgUrl) {
      pg = await openPostgresStores({
        url: pgUrl,
        migrate: opts.migrate ?? false,
        ...(opts.postgresSchema ? { schema: opts.postgresSchema } : {}),
        ...(opts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: opts.connectTimeoutMs }),
        ...(opts.log ? { log: opts.log } : {}),
      });
      closers.push(pg.close);
    }
    const sqlite =
      redis && pg
        ? undefined
        : await openSqliteStores<S>({
            path: opts.sqlitePath,
            secret: opts.secret,
            ...(opts.sqliteWrites ? { writes: opts.sqliteWrites } : {}),
            ...(opts.now ? { now: opts.now } : {}),
            ...(opts.onEventHandlerError ? { onEventHandlerError: opts.onEventHandlerError } : {}),
            ...workerErrorLog(opts.log),
          });
    if (sqlite) closers.push(sqlite.close);
    if (redis && !pg) {
      opts.log?.warn(
        { event: 'storage-split', state: 'redis', store: 'sqlite' },
        'VEIL_STATE is Redis but VEIL_STORE is SQLite: transcripts and audit are not shared between instances',
      );
    }
    opts.log?.info(
      { event: 'storage-opened', state: redis ? 'redis' : 'sqlite', store: pg ? 'postgres' : 'sqlite' },
      'storage opened',
    );
    const live = (redis ?? sqlite)!;
    const durable = (pg ?? sqlite)!;
    return {
      state: live.state,
      dedup: live.dedup,
      events: live.events,
      transcripts: durable.transcripts,
      audit: durable.audit,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function workerErrorLog(log: StoreLog | undefined): { onWorkerError?: (error: Error) => void } {
  if (!log) return {};
  return {
    onWorkerError: (error) =>
      log.warn(
        { event: 'sqlite-worker-failed', err: error.message },
        'a SQLite worker thread failed; its work runs on the main thread again (slower under load)',
      ),
  };
}
