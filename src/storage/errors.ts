import { VeilError } from '../core/errors.js';

export type StorageErrorReason = 'conflict' | 'wrong-key' | 'tampered' | 'malformed' | 'invalid' | 'schema';

/** Every storage failure a caller may need to tell apart; messages never contain stored values. */
export class StorageError extends VeilError {
  readonly reason: StorageErrorReason;

  constructor(
    reason: StorageErrorReason,
    message: string,
    opts: { hint?: string; field?: string; cause?: unknown } = {},
  ) {
    super({
      code: `storage_${reason.replace('-', '_')}`,
      status: reason === 'conflict' ? 409 : reason === 'invalid' ? 400 : 500,
      message,
      hint: opts.hint,
      field: opts.field,
      cause: opts.cause,
    });
    this.name = 'StorageError';
    this.reason = reason;
  }
}

export const isStorageError = (e: unknown, reason?: StorageErrorReason): e is StorageError =>
  e instanceof StorageError && (reason === undefined || e.reason === reason);
