import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './ports.js';
import { StorageError } from './errors.js';

/** Timestamps are parsed once at the store boundary so purges and range queries compare numbers. */
export function parseInstant(field: string, iso: string): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) throw new StorageError('invalid', `${field} must be an ISO timestamp`, { field });
  return ms;
}

export function dateMs(field: string, d: Date): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new StorageError('invalid', `${field} must be a valid Date`, { field });
  return ms;
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new StorageError('invalid', 'limit must be a positive integer', { field: 'limit' });
  }
  return Math.min(limit, MAX_LIST_LIMIT);
}

export function requireId(field: string, id: string): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 512) {
    throw new StorageError('invalid', `${field} must be a non-empty string of at most 512 characters`, {
      field,
    });
  }
  return id;
}

export function requireTtl(ttlMs: number): number {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new StorageError('invalid', 'ttlMs must be a positive number of milliseconds', { field: 'ttlMs' });
  }
  return ttlMs;
}

/** JSON text of a value; rejects what JSON cannot hold instead of silently storing `undefined`. */
export function toJson(field: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new StorageError('invalid', `${field} is not JSON-serialisable`, { field, cause });
  }
  if (text === undefined) throw new StorageError('invalid', `${field} is not JSON-serialisable`, { field });
  return text;
}

export const jsonCopy = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(toJson('value', value)) as T);
