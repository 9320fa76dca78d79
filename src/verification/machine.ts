import { FRAUD_WATCH } from '../core/account.js';
import { atLeast, levelRank } from '../core/verification.js';
import type { GuardPolicy } from '../policy/schema.js';
import { compareMatches, digestClaims, matchRecord, qualifies } from './claims.js';
import { codeMatches, hashCode } from './code.js';
import { contactOnFile, flagsOf, requiredLevel, stepUpTarget } from './state.js';
import type {
  Candidate,
  OwnerNoticeKind,
  Transition,
  VerificationEffect,
  VerificationEvent,
  VerificationState,
} from './types.js';

/** Resends replace the code; a cap keeps an imposter from flooding the owner's inbox. */
export const MAX_CODES_PER_CONVERSATION = 5;

type Ev<T extends VerificationEvent['type']> = Extract<VerificationEvent, { type: T }>;

const audit = (kind: string, detail: Record<string, string | number | boolean> = {}): VerificationEffect => ({
  type: 'audit',
  kind,
  detail,
});
const tell = (message: string): VerificationEffect => ({ type: 'tell-agent', message });

/** Owner notices go out once per account, kind and conversation. */
function notify(
  state: VerificationState,
  accountId: string,
  kind: OwnerNoticeKind,
  effects: VerificationEffect[],
): VerificationState {
  const key = `${accountId}:${kind}`;
  if (state.notified.includes(key)) return state;
  effects.push({ type: 'notify-owner', accountId, kind });
  return { ...state, notified: [...state.notified, key] };
}

/**
 * The verification state machine. Pure: the same state, event and policy always give the same result;
 * time, codes and salts come in the event. `state` is not mutated.
 */
export function transition(
  state: VerificationState,
  event: VerificationEvent,
  guard: GuardPolicy,
): Transition {
  switch (event.type) {
    case 'identifiers-typed':
      return onIdentifiers(state, event);
    case 'step-up-requested':
      return onStepUp(expire(state, event.now).state, event, guard);
    case 'code-entered':
      return onCode(state, event, guard);
    case 'channel-identity-asserted':
      return onChannel(state, event);
    case 'tick':
      return expire(state, event.now);
    case 'disclosure-blocked': {
      const effects: VerificationEffect[] = [audit('disclosure-blocked', { rule: event.rule })];
      const next = state.accountId ? notify(state, state.accountId, 'disclosure-blocked', effects) : state;
      return { state: next, effects };
    }
    case 'conversation-ended': {
      const effects: VerificationEffect[] = [audit('conversation-ended', { level: state.level })];
      // The motivating victim learned of the attempts from a thank-you email; unverified claims are news to the owner.
      const unverified = state.accountId !== undefined && levelRank(state.level) < levelRank('possession');
      const next = unverified ? notify(state, state.accountId!, 'claim-unverified', effects) : state;
      return { state: next, effects };
    }
  }
}

const claimKey = (c: { kind: string; keys: readonly string[] }): string =>
  `${c.kind}:${[...c.keys].sort().join(',')}`;

function onIdentifiers(state: VerificationState, event: Ev<'identifiers-typed'>): Transition {
  const effects: VerificationEffect[] = [];
  const fresh = digestClaims(event.values, state.salt);
  // A claim repeated in later turns adds nothing: keep each distinct claim once, so matching cost does
  // not grow with the length of the conversation.
  const seen = new Set(state.claims.map(claimKey));
  const claims = [...state.claims];
  for (const c of fresh) {
    const k = claimKey(c);
    if (!seen.has(k)) {
      seen.add(k);
      claims.push(c);
    }
  }
  const byId = new Map<string, Candidate>(state.candidates.map((c) => [c.accountId, c]));
  for (const record of event.records) {
    const m = matchRecord(claims, record, state.salt);
    if (m.matched.length === 0) continue;
    byId.set(record.id, { ...m, flags: [...record.flags] });
  }
  const candidates = [...byId.values()].sort(compareMatches);
  let next: VerificationState = { ...state, claims, candidates };
  effects.push(audit('identifiers-typed', { claims: fresh.length, candidates: candidates.length }));

  for (const c of candidates) {
    if (c.flags.includes(FRAUD_WATCH) && !state.notified.includes(`${c.accountId}:fraud-watch-contact`)) {
      next = notify(next, c.accountId, 'fraud-watch-contact', effects);
      effects.push({ type: 'alert-security', kind: 'fraud-watch-contact', accountId: c.accountId });
    }
  }

  const best = candidates[0];
  const verified = atLeast(state.level, 'possession');
  if (verified) {
    // A verified conversation never moves to another account on the strength of typed claims.
    if (best && best.accountId !== state.accountId && qualifies(best)) {
      effects.push(
        audit('claims-contradict-verified', { verified: state.accountId ?? '', other: best.accountId }),
      );
      effects.push(
        tell(
          `New details point at ${best.accountId}; verification stays with ${state.accountId} and does not cover ${best.accountId}.`,
        ),
      );
    }
    return { state: next, effects };
  }
  if (best && qualifies(best)) {
    if (state.accountId && state.accountId !== best.accountId) {
      effects.push(audit('best-match-changed', { from: state.accountId, to: best.accountId }));
      effects.push(
        tell(`Claims now best match ${best.accountId} instead of ${state.accountId}; not verified.`),
      );
    }
    next = { ...next, level: 'knowledge', accountId: best.accountId };
    // The owner hears of an unverified claim on their account when it happens, not when the chat ends:
    // the motivating victim learned of the attempts only from a thank-you email.
    next = notify(next, best.accountId, 'claim-unverified', effects);
  }
  return { state: next, effects };
}

function onStepUp(state: VerificationState, event: Ev<'step-up-requested'>, guard: GuardPolicy): Transition {
  const refuse = (reason: string, message: string): Transition => ({
    state,
    effects: [audit('step-up-refused', { reason, by: event.by }), tell(message)],
  });
  if (state.code.status === 'locked') {
    return refuse(
      'locked',
      `Step-up locked after ${guard.otp.maxAttempts} wrong codes in this conversation.`,
    );
  }
  const target = stepUpTarget(state);
  if (!target) return refuse('no-account', 'No account matched yet: ask for name and email first.');
  const need = requiredLevel(flagsOf(state, target), guard);
  if (atLeast(state.level, need)) return refuse('already-verified', 'Already verified for this account.');
  if (levelRank(need) > levelRank('possession')) {
    return refuse(
      'needs-sign-in',
      'This account needs signed-in verification; a one-time code is not enough. Ask the customer to sign in and continue the chat there.',
    );
  }
  if (!event.record || event.record.id !== target) {
    return refuse('record-mismatch', 'Could not load the account to send a code; try /verify again.');
  }
  if (state.codesSent >= MAX_CODES_PER_CONVERSATION) {
    return refuse('too-many-codes', 'Too many codes sent in this conversation; no new code was sent.');
  }
  const contact = contactOnFile(event.record);
  if (!contact)
    return refuse('no-contact', 'No email or phone on file for this account; a code cannot be sent.');
  if (!/^\d+$/.test(event.code) || event.code.length !== guard.otp.length || event.salt.length < 8) {
    return refuse('bad-code-input', 'Could not generate a code; try /verify again.');
  }
  const next: VerificationState = {
    ...state,
    codesSent: state.codesSent + 1,
    code: {
      status: 'sent',
      accountId: target,
      channel: contact.channel,
      hash: hashCode(event.salt, state.conversationId, target, event.code),
      salt: event.salt,
      sentAt: event.now,
      expiresAt: event.now + guard.otp.ttlSeconds * 1000,
    },
  };
  const where = contact.channel === 'email' ? 'the email on file' : 'the phone on file';
  return {
    state: next,
    effects: [
      { type: 'send-code', accountId: target, channel: contact.channel, to: contact.to, code: event.code },
      audit('code-sent', { accountId: target, channel: contact.channel, by: event.by }),
      tell(`Code sent to ${where}. Ask the customer to type it here; you won't see it.`),
    ],
  };
}

/** Moves an outstanding code past its expiry (valid while now < expiresAt) to `expired`. */
function expire(state: VerificationState, now: number): Transition {
  const { code } = state;
  if (code.status !== 'sent' || code.expiresAt === undefined || now < code.expiresAt)
    return { state, effects: [] };
  return {
    state: { ...state, code: { status: 'expired', accountId: code.accountId } },
    effects: [
      audit('code-expired', { accountId: code.accountId ?? '' }),
      tell('Code expired; use /verify to send a new one.'),
    ],
  };
}

function onCode(state: VerificationState, event: Ev<'code-entered'>, guard: GuardPolicy): Transition {
  if (state.code.status === 'locked') {
    return {
      state,
      effects: [
        audit('code-after-lock', {}),
        tell(`Step-up locked after ${guard.otp.maxAttempts} wrong codes; the code was not checked.`),
      ],
    };
  }
  if (state.code.status !== 'sent')
    return { state, effects: [audit('code-ignored', { status: state.code.status })] };
  const expired = expire(state, event.now);
  if (expired.state !== state) return expired;

  const accountId = state.code.accountId!;
  const effects: VerificationEffect[] = [];
  if (codeMatches(state, event.code.replace(/\D/g, ''))) {
    let next: VerificationState = {
      ...state,
      level: atLeast(state.level, 'possession') ? state.level : 'possession',
      accountId,
      via: 'code',
      verifiedAt: event.now,
      code: { status: 'verified', accountId, channel: state.code.channel },
    };
    effects.push(audit('code-verified', { accountId }));
    next = notify(next, accountId, 'verified', effects);
    const need = requiredLevel(flagsOf(next, accountId), guard);
    effects.push(
      tell(
        atLeast(next.level, need)
          ? `Verified by one-time code for ${accountId}.`
          : `Code correct for ${accountId}, but this account needs signed-in verification before details can be discussed.`,
      ),
    );
    return { state: next, effects };
  }

  const failed = state.failedAttempts + 1;
  effects.push(audit('code-failed', { accountId, attempt: failed }));
  let next: VerificationState = { ...state, failedAttempts: failed };
  next = notify(next, accountId, 'code-failed', effects);
  if (failed >= guard.otp.maxAttempts) {
    next = { ...next, code: { status: 'locked', accountId } };
    next = notify(next, accountId, 'code-locked', effects);
    effects.push({ type: 'alert-security', kind: 'code-locked', accountId });
    effects.push(tell(`Step-up locked after ${guard.otp.maxAttempts} wrong codes.`));
  } else {
    effects.push(tell(`Wrong code; ${guard.otp.maxAttempts - failed} attempts left.`));
  }
  return { state: next, effects };
}

function onChannel(state: VerificationState, event: Ev<'channel-identity-asserted'>): Transition {
  const effects: VerificationEffect[] = [audit('channel-identity', { accountId: event.accountId })];
  const flags =
    event.record?.id === event.accountId ? [...event.record.flags] : flagsOf(state, event.accountId);
  const others = state.candidates.filter((c) => c.accountId !== event.accountId);
  const existing = state.candidates.find((c) => c.accountId === event.accountId);
  const mine: Candidate = existing
    ? { ...existing, flags }
    : { accountId: event.accountId, matched: [], mismatched: [], score: 0, flags };
  if (state.accountId && state.accountId !== event.accountId) {
    effects.push(audit('channel-account-differs', { from: state.accountId, to: event.accountId }));
    effects.push(
      tell(`The customer is signed in as ${event.accountId}; earlier claims pointed at ${state.accountId}.`),
    );
  }
  let next: VerificationState = {
    ...state,
    level: 'authenticated',
    accountId: event.accountId,
    via: 'channel',
    verifiedAt: event.now,
    candidates: [mine, ...others],
  };
  if (flags.includes(FRAUD_WATCH)) {
    next = notify(next, event.accountId, 'fraud-watch-contact', effects);
  }
  effects.push(tell(`Signed in as ${event.accountId}.`));
  return { state: next, effects };
}
