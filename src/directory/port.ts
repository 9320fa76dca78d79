import type { AccountRecord } from '../core/account.js';
import { VeilError } from '../core/errors.js';

/**
 * Identifiers a customer has claimed, used to find the accounts they might hold. A record is a candidate
 * when any one of them matches; verification decides what the match is worth.
 */
export interface CandidateQuery {
  emails?: string[];
  phones?: string[];
  names?: string[];
  cardLast4?: string[];
}

/** Who holds which account: the CRM, seen through Veil's normalisation rules. */
export interface Directory {
  get(id: string): Promise<AccountRecord | undefined>;
  /** Most matching identifiers first, then by id. */
  findCandidates(query: CandidateQuery): Promise<AccountRecord[]>;
}

export type DirectoryErrorReason =
  | 'invalid-file'
  | 'timeout'
  | 'unavailable'
  | 'rejected'
  | 'invalid-response';

const STATUS: Record<DirectoryErrorReason, number> = {
  'invalid-file': 500,
  timeout: 504,
  unavailable: 503,
  rejected: 502,
  'invalid-response': 502,
};

/** Messages never contain looked-up values or request URLs (their query strings carry claimed PII). */
export class DirectoryError extends VeilError {
  readonly reason: DirectoryErrorReason;

  constructor(
    reason: DirectoryErrorReason,
    message: string,
    opts: { field?: string; hint?: string; cause?: unknown } = {},
  ) {
    super({ code: `directory_${reason.replace('-', '_')}`, status: STATUS[reason], message, ...opts });
    this.name = 'DirectoryError';
    this.reason = reason;
  }
}
