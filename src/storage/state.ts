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

export interface StateStoreOptions {
  now?: Clock;
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

  const open = (id: string, b: StateBlob): StateRecord<T> => ({
    id,
    version: b.version,
    updatedAt: new Date(b.updatedAtMs).toISOString(),
    doc: JSON.parse(cipher.decrypt(b.blob, aad(id))) as T,
  });

  return {
    async get(id) {
      requireId('id', id);
      const b = await backend.read(id);
      return b ? open(id, b) : undefined;
    },

    update(id, fn, updateOpts = {}) {
      requireId('id', id);
      const maxAttempts = updateOpts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      return lock.run(id, async () => {
        for (let attempt = 1; attempt <= maxAttempts; attempt++) {
          const current = await backend.read(id);
          const record = current ? open(id, current) : undefined;
          const next = await fn(record?.doc);
          if (next === undefined) return record;
          const json = toJson('state document', next);
          const blob: StateBlob = {
            version: (current?.version ?? 0) + 1,
            etag: randomUUID(),
            updatedAtMs: now(),
            blob: cipher.encrypt(json, aad(id)),
          };
          if (await backend.compareAndSet(id, current?.etag ?? null, blob)) {
            return {
              id,
              version: blob.version,
              updatedAt: new Date(blob.updatedAtMs).toISOString(),
              doc: JSON.parse(json),
            };
          }
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
      return backend.delete(id);
    },
  };
}
