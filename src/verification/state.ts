import type { AccountRecord } from '../core/account.js';
import { atLeast, levelRank, type VerificationLevel } from '../core/verification.js';
import type { GuardPolicy } from '../policy/schema.js';
import type { VerificationState } from './types.js';

/** A fresh conversation. `salt` must be random per conversation (e.g. 16 bytes from crypto, hex). */
export const initialState = (conversationId: string, salt: string): VerificationState => ({
  v: 1,
  conversationId,
  salt,
  level: 'none',
  candidates: [],
  claims: [],
  code: { status: 'none' },
  failedAttempts: 0,
  codesSent: 0,
  notified: [],
});

/** Account ids whose records the pipeline should pass with the next `identifiers-typed` event. */
export const lookupIds = (state: VerificationState): string[] => state.candidates.map((c) => c.accountId);

/** The account whose record a `step-up-requested` event must carry, if a code can be sent at all. */
export const stepUpTarget = (state: VerificationState): string | undefined =>
  state.level === 'none' ? undefined : state.accountId;

/** The level disclosure needs for an account with these flags: the strictest of discloseAt and the flags'. */
export function requiredLevel(flags: readonly string[], guard: GuardPolicy): VerificationLevel {
  let need: VerificationLevel = guard.discloseAt;
  for (const f of flags) {
    const l = guard.flags[f];
    if (l && levelRank(l) > levelRank(need)) need = l;
  }
  return need;
}

export const flagsOf = (state: VerificationState, accountId: string | undefined): string[] =>
  state.candidates.find((c) => c.accountId === accountId)?.flags ?? [];

/** True when the conversation may see or confirm on-file data of its account. */
export const mayDisclose = (state: VerificationState, guard: GuardPolicy): boolean =>
  state.accountId !== undefined &&
  atLeast(state.level, requiredLevel(flagsOf(state, state.accountId), guard));

/** The first email, else the first phone on file: the only places a code may go. */
export function contactOnFile(record: AccountRecord): { channel: 'email' | 'sms'; to: string } | undefined {
  const email = record.emails.find((e) => e.includes('@'));
  if (email) return { channel: 'email', to: email };
  const phone = record.phones.find((p) => p.replace(/\D/g, '').length >= 7);
  return phone ? { channel: 'sms', to: phone } : undefined;
}
