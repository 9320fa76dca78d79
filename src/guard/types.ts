import type { AccountRecord, OnFileKind } from '../core/account.js';
import type { Finding } from '../core/finding.js';
import type { VerificationLevel } from '../core/verification.js';
import type { Policy } from '../policy/schema.js';

/** A value the customer typed in this conversation (from the token map), raw. */
export interface CustomerValue {
  type: string;
  value: string;
}

/**
 * What one customer message says about identity, computed by `analyzeCustomerTurn` when the message
 * arrives. Holds no text, so the pipeline can keep the last few per conversation.
 */
export interface CustomerTurn {
  /** `question`: asks about or for a judgement on identity data; `statement`: gives identity data. */
  identity: 'none' | 'statement' | 'question';
  /** Kinds of identity data the message gives or asks about. */
  kinds: OnFileKind[];
  /** The message also asks something unrelated to identity ("can you help with my order?"). */
  otherQuestion: boolean;
  /**
   * A bare guess with no topic ("what about 219?", "or Birchwood?"): an identity question when it
   * follows one, a question about something else otherwise.
   */
  guess?: boolean;
  /** The identity data asked about or given is someone else's ("my mum's landline", "is she still…"). */
  thirdParty?: boolean;
}

export interface GuardInput {
  /** The outgoing agent text, with the agent's placeholders already replaced by the customer's values. */
  text: string;
  /** Detector findings on `text`. */
  findings: readonly Finding[];
  /** The conversation's verification level; it applies to `accountId` only. */
  level: VerificationLevel;
  /** The account the level applies to (verification state `accountId`). */
  accountId?: string | undefined;
  /** Records of the matched account and every candidate (verification state `candidates`). */
  accounts: readonly AccountRecord[];
  /** Every value the customer typed in this conversation (token map values). */
  customerValues: readonly CustomerValue[];
  /** Raw customer messages of this conversation, newest last; only used to recognise echoes. Optional. */
  customerTexts?: readonly string[] | undefined;
  /** `analyzeCustomerTurn` of the last customer messages (up to 3), oldest first. */
  recentCustomerTurns: readonly CustomerTurn[];
  policy: Policy;
  /** When the conversation reached possession or authenticated (epoch ms), for fresh step-up. */
  verifiedAt?: number | undefined;
  /** The time of this check (epoch ms). */
  now?: number | undefined;
}

/** A rule's finding of a problem: no values, only words an agent can act on. */
export interface Violation {
  reason: string;
  hint: string;
}

export interface GuardRule {
  /** Stable id, e.g. `guard.disclosure.on-file`. */
  readonly id: string;
  check(ctx: import('./context.js').GuardContext): Violation | undefined;
}
