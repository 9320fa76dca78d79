import { Redis } from 'ioredis';
import { errors } from '../../core/errors.js';

/** What storage needs from a logger (pino's Logger fits). Only ids, counts and server addresses go in. */
export interface StoreLog {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
}

export interface RedisConnectOptions {
  /** The environment variable the URL came from, named in every error. */
  variable: string;
  /** Bound on the first connection; a dead server fails the start instead of hanging it. Default 5000. */
  connectTimeoutMs?: number;
  log?: StoreLog;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/** Host and port only: the URL may carry a password, which must not reach logs or error messages. */
export function describeUrl(url: URL): string {
  return `${url.hostname}:${url.port || '6379'}`;
}

export function parseRedisUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw errors.config(variable, "must be 'sqlite' or a redis:// (or rediss://) URL");
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw errors.config(variable, `must be a redis:// or rediss:// URL, not ${url.protocol}//`);
  }
  return url;
}

/**
 * Connects and waits until the server answers. Before that, a failure is final (fail fast at start); after
 * it, the client reconnects with backoff and a command fails after a few retries rather than hanging.
 */
export async function connectRedis(url: URL, opts: RedisConnectOptions): Promise<Redis> {
  const timeout = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  let started = false;
  let lastError: Error | undefined;
  const client = new Redis(url.href, {
    lazyConnect: true,
    connectTimeout: timeout,
    maxRetriesPerRequest: 2,
    retryStrategy: (times) => (started ? Math.min(times * 100, 2000) : null),
  });
  let reported = false;
  client.on('error', (error: Error) => {
    lastError = error;
    if (!started || reported) return;
    // One report per outage: ioredis emits an error on every reconnect attempt.
    reported = true;
    opts.log?.warn({ event: 'redis-error', server: describeUrl(url), err: error.message }, 'Redis error');
  });
  client.on('ready', () => {
    if (reported) opts.log?.info({ event: 'redis-reconnected', server: describeUrl(url) }, 'Redis back');
    reported = false;
  });
  const timer = setTimeout(() => client.disconnect(), timeout + 500);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    const reason = lastError?.message ?? (error instanceof Error ? error.message : String(error));
    throw errors.config(
      opts.variable,
      `cannot reach Redis at ${describeUrl(url)} within ${timeout} ms (${reason})`,
    );
  } finally {
    clearTimeout(timer);
  }
  started = true;
  return client;
}
