import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GuardPolicy } from '../policy/schema.js';
import type { VerificationState } from './types.js';

/**
 * The code is bound to the conversation and the account it was sent for, so a code (or its hash)
 * copied from another conversation or another step-up does not verify this one.
 */
export const hashCode = (salt: string, conversationId: string, accountId: string, code: string): string =>
  createHmac('sha256', salt).update(`${conversationId}\u0000${accountId}\u0000${code}`).digest('hex');

export function codeMatches(state: VerificationState, typed: string): boolean {
  const { hash, salt, accountId } = state.code;
  if (!hash || !salt || !accountId) return false;
  const got = Buffer.from(hashCode(salt, state.conversationId, accountId, typed), 'hex');
  const want = Buffer.from(hash, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}

/**
 * If a code is outstanding and this customer message is a code reply ("482 913", "my code is 482913"),
 * the digits to pass as `code-entered`; the pipeline then consumes the message so the agent never sees it.
 * Anything else (no code outstanding, other digits, long text) returns undefined and flows as a normal turn.
 */
export function codeReply(text: string, state: VerificationState, guard: GuardPolicy): string | undefined {
  if (state.code.status !== 'sent' || text.length > 80) return undefined;
  const groups = [...text.matchAll(/\d(?:[\s-]?\d)*/g)].map((m) => m[0].replace(/\D/g, ''));
  if (groups.length !== 1) return undefined;
  const digits = groups[0]!;
  return digits.length === guard.otp.length ? digits : undefined;
}
