import { randomUUID } from 'node:crypto';
import type { Cipher } from './crypto.js';
import { StorageError } from './errors.js';
import { KeyedLock } from './keyed-lock.js';
import {
  type Clock,
  type ConversationStateStore,
  type StateBackend,
  type StateBlob,
  type StateRecord,
  systemClock,
} from './ports.js';
import { clampLimit, dateMs, requireId, toJson } from './validate.js';

const DEFAULT_MAX_ATTEMPTS = 50;
/** Decrypted documents kept per process; each entry is a few KB of JSON. */
const DEFAULT_CACHE_ENTRIES = 2000;

export interface StateStoreOptions {
  now?: Clock;
  /** How many decrypted documents to keep for backends that can answer 'unchanged' (0 turns it off). */
  cacheEntries?: number;
}

interface Cached {
  etag: string;
  version: number;
  updatedAtMs: number;
  json: string;
}

/** The conversation state store every adapter shares: encryption at rest plus optimistic CAS with retry. */
export function createStateStore<T>(
  backend: StateBackend,
  cipher: Cipher,
  opts: StateStoreOptions = {},
): ConversationStateStore<T> {
  const now = opts.now ?? systemClock;
  const lock = new KeyedLock();
  // The id is authenticated with the ciphertext, so a blob copied onto another conversation will not open.
  const aad = (id: string) => `veil-state:${id}`;

  // The etag decides freshness: another process's write changes it, so a cached document is reused only
  // while it is still the stored one. Entries are JSON text, so every caller gets its own parsed copy.
  const cacheEntries = backend.readIfChanged ? (opts.cacheEntries ?? DEFAULT_CACHE_ENTRIES) : 0;
  const cache = new Map<string, Cached>();
  const remember = (id: string, c: Cached): void => {
    if (cacheEntries <= 0) return;
    cache.delete(id);
    cache.set(id, c);
    if (cache.size > cacheEntries) cache.delete(cache.keys().next().value!);
  };

  /** The stored record (decrypted) and its etag, or undefined when there is none. */
  const load = async (id: string): Promise<{ record: StateRecord<T>; etag: string } | undefined> => {
    const known = cache.get(id);
    const b =
      known && backend.readIfChanged ? await backend.readIfChanged(id, known.etag) : await backend.read(id);
    if (b === undefined) {
      cache.delete(id);
      return undefined;
    }
    const c: Cached =
      b === 'unchanged'
        ? known!
        : {
            etag: b.etag,
            version: b.version,
            updatedAtMs: b.updatedAtMs,
            json: cipher.decrypt(b.blob, aad(id)),
          };
    remember(id, c);
    return {
      etag: c.etag,
      record: {
        id,
        version: c.version,
        updatedAt: new Date(c.updatedAtMs).toISOString(),
        doc: JSON.parse(c.json) as T,
      },
    };
  };

  return {
    async get(id) {
      requireId('id', id);
      return (await load(id))?.record;
    },

    update(id, fn, updateOpts = {}) {
      requireId('id', id);
      const maxAttempts = updateOpts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      return lock.run(id, async () => {
        for (let attempt = 1; attempt <= maxAttempts; attempt++) {
          const current = await load(id);
          const record = current?.record;
          const next = await fn(record?.doc);
          if (next === undefined) return record;
          const json = toJson('state document', next);
          const blob: StateBlob = {
            version: (record?.version ?? 0) + 1,
            etag: randomUUID(),
            updatedAtMs: now(),
            blob: cipher.encrypt(json, aad(id)),
          };
          if (await backend.compareAndSet(id, current?.etag ?? null, blob)) {
            remember(id, { etag: blob.etag, version: blob.version, updatedAtMs: blob.updatedAtMs, json });
            return {
              id,
              version: blob.version,
              updatedAt: new Date(blob.updatedAtMs).toISOString(),
              // `next` itself: the cache holds its JSON text, so changes the caller makes to it stay private.
              doc: next,
            };
          }
          cache.delete(id);
          // Another process won; a short random pause keeps two losers from colliding again in lockstep.
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, attempt * 2)));
        }
        throw new StorageError(
          'conflict',
          `conversation state '${id}' kept changing; gave up after ${maxAttempts} attempts`,
          {
            hint: 'retry the request',
          },
        );
      });
    },

    async list(listOpts = {}) {
      const limit = clampLimit(listOpts.limit);
      const updatedSinceMs = listOpts.updatedSince
        ? dateMs('updatedSince', listOpts.updatedSince)
        : undefined;
      return backend.list({ limit, ...(updatedSinceMs === undefined ? {} : { updatedSinceMs }) });
    },

    async delete(id) {
      requireId('id', id);
      cache.delete(id);
      return backend.delete(id);
    },
  };
}
