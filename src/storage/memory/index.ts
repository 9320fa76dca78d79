import { randomBytes } from 'node:crypto';
import { createCipher } from '../crypto.js';
import type { Clock, Stores } from '../ports.js';
import { createStateStore } from '../state.js';
import { createMemoryAuditStore } from './audit.js';
import { createMemoryDedupStore } from './dedup.js';
import { createMemoryEventBus, type MemoryEventBusOptions } from './events.js';
import { createMemoryStateBackend } from './state.js';
import { createMemoryTranscriptStore } from './transcripts.js';

export interface MemoryStoresOptions {
  /** Defaults to a random per-process key: memory state need not outlive the process. */
  secret?: string;
  now?: Clock;
  onEventHandlerError?: MemoryEventBusOptions['onHandlerError'];
}

export async function openMemoryStores<S = unknown>(opts: MemoryStoresOptions = {}): Promise<Stores<S>> {
  const cipher = createCipher(opts.secret ?? randomBytes(32).toString('base64url'));
  const now = opts.now;
  return {
    state: createStateStore<S>(createMemoryStateBackend(), cipher, now ? { now } : {}),
    dedup: createMemoryDedupStore(now ? { now } : {}),
    transcripts: createMemoryTranscriptStore(),
    audit: createMemoryAuditStore(),
    events: createMemoryEventBus(
      opts.onEventHandlerError ? { onHandlerError: opts.onEventHandlerError } : {},
    ),
    async close() {},
  };
}
