/**
 * Storage ports. Every method is async so networked adapters (Redis, PostgreSQL) implement the same
 * interfaces; each port has a contract suite in test/contract/ that every adapter runs.
 *
 * Documents are plain JSON: adapters copy on the way in and out, so callers never share objects with a store.
 */

/** Milliseconds since the epoch; injectable so TTL and purge behaviour is testable without sleeping. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

// ---------------------------------------------------------------------------------------------------------
// Conversation state

export interface StateRecord<T> {
  id: string;
  /** Starts at 1 and increases by one with every write. */
  version: number;
  /** ISO timestamp of the last write. */
  updatedAt: string;
  doc: T;
}

/**
 * Returns the next document, or undefined to leave the stored one as it is. May run more than once when a
 * concurrent writer wins the race, so it must not have side effects. `current` is a private copy for this
 * call: the updater may change it in place and return it.
 */
export type StateUpdater<T> = (current: T | undefined) => T | undefined | Promise<T | undefined>;

export interface StateUpdateOptions {
  /** Attempts before giving up with StorageError('conflict'). Default 50. */
  maxAttempts?: number;
}

export interface StateListOptions {
  /** Only ids written at or after this instant. */
  updatedSince?: Date;
  limit?: number;
}

export interface StateListEntry {
  id: string;
  version: number;
  updatedAt: string;
}

/**
 * One JSON document per conversation (token map with raw customer values, verification state ...).
 * Adapters store it encrypted at rest. `update` is atomic: concurrent updates of one id serialise.
 */
export interface ConversationStateStore<T = unknown> {
  get(id: string): Promise<StateRecord<T> | undefined>;
  /** Resolves to the record after the update (or the unchanged one / undefined when `fn` declined). */
  update(id: string, fn: StateUpdater<T>, opts?: StateUpdateOptions): Promise<StateRecord<T> | undefined>;
  /** Oldest write first. */
  list(opts?: StateListOptions): Promise<StateListEntry[]>;
  /** Resolves true when something was deleted. */
  delete(id: string): Promise<boolean>;
}

/**
 * What a state adapter implements: encrypted blobs with an opaque compare-and-set token. The shared
 * `createStateStore` adds encryption and the retry loop on top, so a Redis adapter needs only a
 * WATCH/MULTI or Lua CAS and a PostgreSQL one `UPDATE ... WHERE etag = $expected`.
 */
export interface StateBlob {
  version: number;
  /** Unique per write; CAS compares this rather than `version`, so delete + recreate cannot cause ABA. */
  etag: string;
  updatedAtMs: number;
  blob: string;
}

export interface StateBackend {
  read(id: string): Promise<StateBlob | undefined>;
  /**
   * Optional: like `read`, but answers 'unchanged' without transferring the blob when the stored etag is
   * still `knownEtag`, so the store can reuse the document it already decrypted.
   */
  readIfChanged?(id: string, knownEtag: string): Promise<StateBlob | 'unchanged' | undefined>;
  /**
   * Writes `next` only when the stored etag is `expectedEtag` (null: only when no row exists).
   * Resolves false when another writer got there first.
   */
  compareAndSet(id: string, expectedEtag: string | null, next: StateBlob): Promise<boolean>;
  list(opts: { updatedSinceMs?: number; limit?: number }): Promise<StateListEntry[]>;
  delete(id: string): Promise<boolean>;
}

// ---------------------------------------------------------------------------------------------------------
// Dedup

/** Channel retries deliver the same activity id again; it must be processed once. */
export interface DedupStore {
  /** True only for the first claim of `key` within `ttlMs`; atomic across concurrent callers. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Forget a claim, so a retry of an activity whose processing failed is processed after all. */
  release(key: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------
// Transcripts

export const TRANSCRIPT_SENDERS = ['customer', 'agent', 'system', 'veil'] as const;
export type TranscriptSender = (typeof TRANSCRIPT_SENDERS)[number];
export type Visibility = 'all' | 'agent-only';

export interface TranscriptEntryInput {
  /** ISO timestamp. */
  at: string;
  from: TranscriptSender;
  /** Already masked: no store ever sees raw customer text. */
  text: string;
  activityId?: string;
  decision?: 'deliver' | 'block';
  rule?: string;
  /** Blocked agent messages are shown to the agent only. */
  visibility: Visibility;
  meta?: Record<string, unknown>;
}

export interface TranscriptEntry extends TranscriptEntryInput {
  conversationId: string;
  /** 1, 2, 3 ... per conversation, in append order. */
  seq: number;
}

export interface TranscriptListOptions {
  afterSeq?: number;
  limit?: number;
  /** 'customer' leaves out agent-only entries. Default 'agent' (everything). */
  audience?: 'agent' | 'customer';
}

export interface TranscriptStore {
  append(conversationId: string, entry: TranscriptEntryInput): Promise<number>;
  /** Ascending seq. */
  list(conversationId: string, opts?: TranscriptListOptions): Promise<TranscriptEntry[]>;
  /** Deletes entries with `at` before the instant; resolves to how many. */
  purge(before: Date): Promise<number>;
}

// ---------------------------------------------------------------------------------------------------------
// Audit

export type AuditKind =
  | 'mask'
  | 'deliver'
  | 'block'
  | 'verification'
  | 'notification'
  | 'policy'
  | 'access'
  | (string & {});

export interface AuditRecordInput {
  /** ISO timestamp. */
  at: string;
  conversationId?: string;
  kind: AuditKind;
  rule?: string;
  policyVersion: string;
  actor?: string;
  /** Masked text only. */
  detail: string;
  data?: unknown;
}

export interface AuditRecord extends AuditRecordInput {
  /** Increases with every append across the store. */
  id: number;
}

export interface AuditQuery {
  conversationId?: string;
  kind?: AuditKind;
  /** Records at or after this instant. */
  since?: Date;
  /** Records before this instant. */
  until?: Date;
  limit?: number;
  /** Default 'newest-first'. */
  order?: 'newest-first' | 'oldest-first';
}

export interface AuditStore {
  append(record: AuditRecordInput): Promise<number>;
  query(q?: AuditQuery): Promise<AuditRecord[]>;
  purge(before: Date): Promise<number>;
}

// ---------------------------------------------------------------------------------------------------------
// Events (agent server-sent events)

export interface VeilEvent {
  type: string;
  conversationId?: string;
  data: unknown;
}

export type EventHandler = (event: VeilEvent) => void | Promise<void>;

export interface EventBus {
  /** Delivers a copy to every current subscriber; a failing subscriber never fails the publisher. */
  publish(event: VeilEvent): Promise<void>;
  /** Returns the unsubscribe function; calling it twice is harmless. */
  subscribe(handler: EventHandler): () => void;
}

// ---------------------------------------------------------------------------------------------------------

export interface Stores<S = unknown> {
  state: ConversationStateStore<S>;
  dedup: DedupStore;
  transcripts: TranscriptStore;
  audit: AuditStore;
  events: EventBus;
  close(): Promise<void>;
}

/** Limits applied by every adapter so one query cannot pull a whole table into memory. */
export const MAX_LIST_LIMIT = 1000;
export const DEFAULT_LIST_LIMIT = 100;
