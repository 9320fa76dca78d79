import { atLeast } from '../core/verification.js';
import type { GuardPolicy } from '../policy/schema.js';
import { flagsOf, requiredLevel } from './state.js';
import type { AgentView, VerificationState } from './types.js';

const list = (xs: readonly string[]): string => xs.join(', ');

/** What the agent console shows: kinds and account ids, never a claimed or on-file value. */
export function agentView(state: VerificationState, guard: GuardPolicy): AgentView {
  const flags = flagsOf(state, state.accountId);
  const attemptsLeft = Math.max(0, guard.otp.maxAttempts - state.failedAttempts);
  const matched = state.candidates.map((c) => ({
    accountId: c.accountId,
    kinds: [...c.matched],
    mismatched: [...c.mismatched],
  }));
  const parts: string[] = [];
  const main = state.candidates.find((c) => c.accountId === state.accountId);
  if (!state.accountId) {
    parts.push(
      matched.length > 0
        ? 'claims partly match an account; not enough to identify it'
        : 'no account matched yet',
    );
  } else if (state.level === 'authenticated' && state.via === 'channel') {
    parts.push(`signed in as ${state.accountId}`);
  } else if (state.level === 'possession' || state.level === 'authenticated') {
    parts.push(`verified by one-time code for ${state.accountId}`);
  } else {
    let s = `claims match ${state.accountId}: ${list(main?.matched ?? [])}`;
    if (main && main.mismatched.length > 0) s += `; don't match: ${list(main.mismatched)}`;
    parts.push(`${s}; not verified`);
  }
  const need = requiredLevel(flags, guard);
  if (state.accountId && !atLeast(state.level, need)) {
    parts.push(
      need === 'authenticated' ? 'account needs signed-in verification' : 'use /verify to send a code',
    );
  }
  for (const f of flags) parts.push(`flag: ${f}`);
  const others = state.candidates.filter((c) => c.accountId !== state.accountId);
  if (others.length > 0) parts.push(`other candidates: ${list(others.map((c) => c.accountId))}`);
  if (state.code.status === 'sent') parts.push(`code sent, ${attemptsLeft} attempts left`);
  else if (state.code.status !== 'none' && state.code.status !== 'verified')
    parts.push(`code ${state.code.status}`);
  return {
    level: state.level,
    ...(state.accountId ? { accountId: state.accountId } : {}),
    matched,
    flags,
    code: state.code.status,
    attemptsLeft,
    summary: parts.join('; '),
  };
}
