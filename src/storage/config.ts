import { errors } from '../core/errors.js';
import { openMemoryStores } from './memory/index.js';
import type { Stores } from './ports.js';
import { openSqliteStores } from './sqlite/index.js';

/**
 * VEIL_DB set: SQLite at that path, with VEIL_SECRET required (it keys the state encryption, and a
 * random key would make the file unreadable after a restart). Unset: in-memory stores.
 */
export async function openStoresFromEnv<S = unknown>(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Stores<S>> {
  const db = env.VEIL_DB?.trim();
  const secret = env.VEIL_SECRET;
  if (!db) return openMemoryStores<S>(secret ? { secret } : {});
  if (!secret)
    throw errors.config('VEIL_SECRET', 'is required when VEIL_DB is set (it encrypts conversation state)');
  return openSqliteStores<S>({ path: db, secret });
}
