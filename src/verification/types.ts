import type { AccountRecord, OnFileKind } from '../core/account.js';
import type { VerificationLevel } from '../core/verification.js';
import type { ClaimDigest, TypedValue } from './claims.js';

/** One directory record the conversation's claims point at, without any of its values. */
export interface Candidate {
  accountId: string;
  matched: OnFileKind[];
  mismatched: OnFileKind[];
  score: number;
  /** Account flags (e.g. `fraud-watch`): policy, not personal data. */
  flags: string[];
}

export type CodeStatus = 'none' | 'sent' | 'expired' | 'locked' | 'verified';

export interface CodeState {
  status: CodeStatus;
  /** The account the code was sent for; a code proves possession of that account's contact only. */
  accountId?: string;
  channel?: 'email' | 'sms';
  /** HMAC-SHA256 of the code, keyed with the salt of the step-up event; never the code itself. */
  hash?: string;
  salt?: string;
  sentAt?: number;
  expiresAt?: number;
}

/**
 * A conversation's verification, as plain JSON: the pipeline stores it between turns.
 * Holds no on-file values and no claimant values, only keyed digests and account ids.
 */
export interface VerificationState {
  v: 1;
  conversationId: string;
  /** Random per conversation (pipeline-generated); keys the claim digests. */
  salt: string;
  level: VerificationLevel;
  /** The account the level applies to: the best qualifying candidate, pinned once verified. */
  accountId?: string;
  /** Best first. */
  candidates: Candidate[];
  claims: ClaimDigest[];
  code: CodeState;
  /** Wrong codes in this conversation, across resends, so resending does not buy more guesses. */
  failedAttempts: number;
  codesSent: number;
  /** Owner notices already sent, as `${accountId}:${kind}`, so an owner hears of each once per conversation. */
  notified: string[];
  /** How the level was reached. */
  via?: 'code' | 'channel';
  /** When possession or authenticated was last reached (epoch ms): fresh step-up is measured from it. */
  verifiedAt?: number;
}

/** Time is always given by the caller (epoch milliseconds): the machine never reads a clock. */
export type VerificationEvent =
  | {
      /** A customer turn carried identifiers. */
      type: 'identifiers-typed';
      now: number;
      /** The customer's findings this turn (raw typed values with detector types). */
      values: TypedValue[];
      /**
       * Directory records for these values, plus the records of `lookupIds(state)` so new claims
       * are compared with known candidates too. Order does not matter.
       */
      records: AccountRecord[];
    }
  | {
      /** Agent `/verify` or API: send a one-time code to the contact on file. */
      type: 'step-up-requested';
      now: number;
      /** Fresh random digits from crypto, policy.guard.otp.length long. */
      code: string;
      /** Fresh random salt for hashing this code. */
      salt: string;
      /** The directory record of `stepUpTarget(state)`; the code goes to a contact from it only. */
      record?: AccountRecord | undefined;
      by: 'agent' | 'api';
    }
  | {
      /** A customer reply the pipeline consumed as a code (see `codeReply`); never shown to the agent. */
      type: 'code-entered';
      now: number;
      code: string;
    }
  | {
      /** The channel vouched for a signed-in user (JWT verified by the pipeline). */
      type: 'channel-identity-asserted';
      now: number;
      accountId: string;
      /** The record, for its flags. */
      record?: AccountRecord | undefined;
    }
  | { type: 'tick'; now: number }
  | {
      /** The guard blocked an agent message on this conversation. */
      type: 'disclosure-blocked';
      now: number;
      rule: string;
    }
  | { type: 'conversation-ended'; now: number };

export type OwnerNoticeKind =
  | 'claim-unverified'
  | 'disclosure-blocked'
  | 'code-failed'
  | 'code-locked'
  | 'fraud-watch-contact'
  | 'verified';

/** What the pipeline must do. Data only. None carries claimant values; only `send-code` carries a secret. */
export type VerificationEffect =
  | {
      type: 'send-code';
      accountId: string;
      channel: 'email' | 'sms';
      /** A contact from the directory record, never one typed in the chat. Deliver; don't log. */
      to: string;
      /** The plain code to deliver. Don't log or store. */
      code: string;
    }
  | { type: 'notify-owner'; accountId: string; kind: OwnerNoticeKind }
  | { type: 'alert-security'; kind: string; accountId?: string }
  | { type: 'audit'; kind: string; detail: Record<string, string | number | boolean> }
  | { type: 'tell-agent'; message: string };

export interface Transition {
  state: VerificationState;
  effects: VerificationEffect[];
}

/** What an agent may see of the verification: never on-file or claimed values. */
export interface AgentView {
  level: VerificationLevel;
  accountId?: string;
  matched: { accountId: string; kinds: OnFileKind[]; mismatched: OnFileKind[] }[];
  flags: string[];
  code: CodeStatus;
  attemptsLeft: number;
  /** One line for the agent console, e.g. "claims match A-1001: name, email; not verified". */
  summary: string;
}
